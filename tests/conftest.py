"""Fixtures: the tests' own Neo4j (own KG_HOME and port, never the user's data), a
service over it, and a real HTTP server in a thread."""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from graph.config import CHECKOUT, Settings, load_settings

_RUN_HOME = CHECKOUT / ".kg" / "tests" / str(os.getpid())
TEST_HOME = Path(os.environ.get("KG_TEST_HOME", _RUN_HOME))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


TEST_PORT = int(os.environ.get("KG_TEST_NEO4J_PORT") or free_port())


def instance_settings(**overrides: str) -> Settings:
    """Settings of the test instance, built from a clean environment plus overrides."""
    env = {
        "KG_HOME": str(TEST_HOME),
        "KG_NEO4J_PORT": str(TEST_PORT),
        "KG_NEO4J_HEAP": "1g",
        "KG_NEO4J_PAGECACHE": "512m",
        # generous: a busy 2-core machine must not turn a slow read into a failed test; tests
        # of the timeout itself set their own
        "KG_TX_TIMEOUT": "60",
    }
    env.update(overrides)
    saved = {k: os.environ.get(k) for k in [*env, "NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USER", "NEO4J_DATABASE"]}
    try:
        for k in ("NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USER", "NEO4J_DATABASE"):
            os.environ.pop(k, None)
        os.environ.update(env)
        return load_settings()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def instance_env(**overrides: str) -> dict[str, str]:
    """Environment for `kg` subprocesses pointed at the test instance."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update({"KG_HOME": str(TEST_HOME), "KG_NEO4J_PORT": str(TEST_PORT), "KG_PORT": str(free_port()),
                "KG_NEO4J_HEAP": "1g", "KG_NEO4J_PAGECACHE": "512m", "KG_TX_TIMEOUT": "60"})
    env.update(overrides)
    return env


def _reuse_jars(settings: Settings) -> None:
    """Hard-links the jars of the checkout's own instance, if fetched, so a test run
    does not copy 150 MB again; otherwise `start` fetches them as usual."""
    from graph.neo4j_server import Layout

    ours = Layout(CHECKOUT / ".kg").lib
    theirs = Layout(settings.home).lib
    if (ours / ".complete").exists() and not theirs.exists():
        shutil.copytree(ours, theirs, copy_function=os.link)


@pytest.fixture(scope="session")
def neo4j_settings() -> Iterator[Settings]:
    """A Neo4j of this test run alone: own home and port, removed afterwards
    (so concurrent runs never touch each other's data, nor the user's)."""
    from graph import neo4j_server

    settings = instance_settings()
    _reuse_jars(settings)
    neo4j_server.start(settings, progress=False)
    yield settings
    neo4j_server.stop(settings)
    if "KG_TEST_HOME" not in os.environ:
        shutil.rmtree(TEST_HOME, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def recorded_cypher():
    """Every statement the suite runs, with its parameters and the file that ran it, for
    tests/test_zz_explain.py (which runs last and EXPLAINs those of graph/)."""
    from graph.db import Database, QueryCounter

    Database.recorder = QueryCounter()
    yield Database.recorder
    Database.recorder = None


@pytest.fixture(scope="session")
def db(neo4j_settings: Settings):
    from graph.db import Database
    from graph.schema.migrations import migrate

    database = Database(neo4j_settings)
    migrate(database)
    yield database
    database.close()


@pytest.fixture()
def empty_db(db):
    """The test database with every node removed (schema kept)."""
    wipe(db)
    return db


def wipe(db) -> None:
    """Deletes all data; `IN TRANSACTIONS` needs an auto-commit session, not db.write."""
    with db.driver.session(database=db.database) as session:
        session.run("MATCH (n) WHERE NOT n:SchemaMigration "
                    "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()


class LiveServer:
    def __init__(self, settings: Settings) -> None:
        import uvicorn

        from api.app import create_app

        self.port = free_port()
        self.app = create_app(settings)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def graphql(self, query: str, variables: dict | None = None, token: str | None = None) -> dict:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = httpx.post(f"{self.url}/graphql", json={"query": query, "variables": variables or {}},
                              headers=headers, timeout=30)
        return response.json()


@pytest.fixture(scope="session")
def live_server(db, neo4j_settings: Settings) -> Iterator[LiveServer]:
    with LiveServer(neo4j_settings) as server:
        yield server
