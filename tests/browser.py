"""Helpers of the browser tests: Debian's chromium driven by Playwright for Python, every
request that would leave 127.0.0.1 refused and recorded (the pages must work offline), a
screenshot of each step under tests/artifacts/."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from graph.config import CHECKOUT

ARTIFACTS = CHECKOUT / "tests" / "artifacts"
DIST = CHECKOUT / "web" / "dist"


def chromium() -> str | None:
    """The browser to drive: $KG_CHROMIUM, else Debian's chromium (Playwright's own
    download does not work here; `make test` installs chromium when it is missing)."""
    found = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return found if found and Path(found).exists() else None


def local(url: str) -> bool:
    """Loopback, or nothing that touches a network (data:, blob:, about:)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.hostname in ("127.0.0.1", "localhost", "::1")


class Offline:
    """Routes every request of a browser context: loopback passes, the rest is aborted
    and kept in `blocked` (a test fails if anything is there)."""

    def __init__(self) -> None:
        self.blocked: list[str] = []

    def __call__(self, route) -> None:
        if local(route.request.url):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort("internetdisconnected")


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
