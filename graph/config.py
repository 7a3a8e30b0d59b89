"""Settings read from the environment, in one place.

Everything local (Neo4j jars, its config, store, logs, password, tokens) lives under
`KG_HOME` (default `.kg/` in the checkout) so that a second instance with its own
home and port runs beside the first.
"""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

NEO4J_VERSION = "2026.08.1"
"""Pinned Neo4j Community release (Maven Central `org.neo4j:neo4j`); needs Java 21+."""

NEO4J_MIN_JAVA = 21

CHECKOUT = Path(__file__).resolve().parent.parent


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise SystemExit(f"{name}={raw!r} is not a number") from exc


@dataclass(frozen=True)
class Settings:
    home: Path
    neo4j_port: int
    neo4j_heap: str
    neo4j_pagecache: str
    external_uri: str | None
    user: str
    password_env: str | None
    database: str | None
    api_host: str
    api_port: int
    tx_timeout_s: float
    require_read_token: bool
    persisted_only: bool
    cors_origins: tuple[str, ...]
    max_body_bytes: int = 1 << 20
    max_upload_bytes: int = 50 << 20
    introspection: bool = True

    @property
    def managed(self) -> bool:
        """True when the project runs its own Neo4j (no `NEO4J_URI` given)."""
        return self.external_uri is None

    @property
    def uri(self) -> str:
        return self.external_uri or f"bolt://127.0.0.1:{self.neo4j_port}"

    @property
    def password_file(self) -> Path:
        return self.home / "neo4j-password"

    def password(self) -> str:
        """`NEO4J_PASSWORD`, else the generated one kept in a file only the owner reads."""
        if self.password_env:
            return self.password_env
        if self.password_file.exists():
            return self.password_file.read_text().strip()
        if not self.managed:
            raise SystemExit("NEO4J_URI is set but NEO4J_PASSWORD is not")
        self.home.mkdir(parents=True, exist_ok=True)
        value = secrets.token_hex(16)  # never starts with '-', which the admin tool would read as an option
        fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(value + "\n")
        return value


def load_settings() -> Settings:
    home = Path(os.environ.get("KG_HOME") or CHECKOUT / ".kg").resolve()
    origins = os.environ.get("KG_CORS_ORIGINS", "")
    return Settings(
        home=home,
        neo4j_port=_env_int("KG_NEO4J_PORT", 7687),
        neo4j_heap=os.environ.get("KG_NEO4J_HEAP", "4g"),
        neo4j_pagecache=os.environ.get("KG_NEO4J_PAGECACHE", "4g"),
        external_uri=os.environ.get("NEO4J_URI") or None,
        user=os.environ.get("NEO4J_USER", "neo4j"),
        password_env=os.environ.get("NEO4J_PASSWORD") or None,
        database=os.environ.get("NEO4J_DATABASE") or None,
        api_host=os.environ.get("KG_HOST", "127.0.0.1"),
        api_port=_env_int("KG_PORT", 8000),
        tx_timeout_s=float(os.environ.get("KG_TX_TIMEOUT", "10")),
        require_read_token=os.environ.get("KG_REQUIRE_READ_TOKEN", "") in ("1", "true", "yes"),
        persisted_only=os.environ.get("KG_PERSISTED_QUERIES_ONLY", "") in ("1", "true", "yes"),
        cors_origins=tuple(o.strip() for o in origins.split(",") if o.strip()),
        max_body_bytes=_env_int("KG_MAX_BODY_BYTES", 1 << 20),
        max_upload_bytes=_env_int("KG_MAX_UPLOAD_BYTES", 50 << 20),
        introspection=os.environ.get("KG_INTROSPECTION", "1") not in ("0", "false", "no"),
    )
