"""The pages over HTTP (api/web.py): the explorer at /, GraphiQL at /graphql and their
assets come from web/dist/ built at install time, with a policy that lets the browser load
nothing from elsewhere; without a build the pages say how to make one."""
from __future__ import annotations

import re

import httpx
import pytest

from tests.browser import DIST

HTML = {"Accept": "text/html"}


@pytest.fixture(scope="module")
def built():
    if not (DIST / "index.html").exists():
        pytest.fail("web/dist is not built: run `make web` (make test does it)")


def test_pages_and_assets_come_from_this_server(live_server, built) -> None:
    for path, script in (("/", "/assets/explorer.js"), ("/graphql", "/assets/graphiql.js")):
        r = httpx.get(live_server.url + path, headers=HTML)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html"), path
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert script in r.text
        # every script and stylesheet of the page is a path on this server
        for ref in re.findall(r'(?:src|href)="([^"]+)"', r.text):
            assert ref.startswith("/") or ref.startswith("data:"), ref
        asset = httpx.get(live_server.url + script)
        assert asset.status_code == 200 and "javascript" in asset.headers["content-type"]
    bundle = (DIST / "graphiql.js").read_text(encoding="utf-8")
    assert "unpkg.com" not in bundle and "cdn.jsdelivr" not in bundle
    assert httpx.get(live_server.url + "/assets/nothing.js").status_code == 404
    # a GraphQL GET still answers JSON
    r = httpx.get(live_server.url + "/graphql", params={"query": "{ stats { people } }"})
    assert r.headers["content-type"].startswith("application/json")


def test_without_a_build_the_page_says_how_to_make_one(live_server, monkeypatch, tmp_path) -> None:
    import api.web

    monkeypatch.setattr(api.web, "DIST", tmp_path)
    r = httpx.get(live_server.url + "/", headers=HTML)
    assert r.status_code == 503 and "make run" in r.text and "Node.js" in r.text
