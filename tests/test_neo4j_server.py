"""The managed Neo4j: idempotent start, status, a clear error for a port in use,
the NEO4J_URI override, stop leaving no Java process, readiness following Neo4j."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from graph import neo4j_server
from graph.config import NEO4J_VERSION
from graph.db import Database
from graph.schema import migrations
from tests.conftest import LiveServer, instance_env, instance_settings

KG = [sys.executable, "-m", "api.cli"]


def kg(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KG, *args], capture_output=True, text=True, env=instance_env(**env), timeout=300)


def java_processes_of(home: Path) -> list[int]:
    """Live processes (zombies have an empty cmdline) running Neo4j from this KG_HOME."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if neo4j_server.MAIN_CLASS.encode() in cmdline and str(home).encode() in cmdline:
            found.append(int(proc.name))
    return found


def test_start_twice_is_fine_and_status_reports_version(neo4j_settings) -> None:
    again = kg("neo4j", "start")
    assert again.returncode == 0, again.stderr
    assert "already running" in again.stdout
    status = kg("neo4j", "status")
    assert status.returncode == 0
    assert f"version {NEO4J_VERSION}" in status.stdout
    assert f"127.0.0.1:{neo4j_settings.neo4j_port}" in status.stdout


def test_password_file_is_owner_only(neo4j_settings) -> None:
    mode = neo4j_settings.password_file.stat().st_mode & 0o777
    assert mode == 0o600


def test_bolt_listens_on_loopback_only(neo4j_settings) -> None:
    conf = (neo4j_settings.home / "neo4j" / "conf" / "neo4j.conf").read_text()
    assert f"server.bolt.listen_address=127.0.0.1:{neo4j_settings.neo4j_port}" in conf
    assert "server.http.enabled=false" in conf


def test_port_in_use_fails_in_one_clear_line(tmp_path: Path) -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        result = kg("neo4j", "start", KG_HOME=str(tmp_path / "other"), KG_NEO4J_PORT=str(port))
    assert result.returncode == 1
    assert f"port {port} is already in use" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_migrations_twice_change_nothing(db) -> None:
    before = db.read("SHOW CONSTRAINTS YIELD name RETURN count(*) AS c")[0]["c"], \
        db.read("SHOW INDEXES YIELD name RETURN count(*) AS c")[0]["c"]
    assert migrations.migrate(db) == []
    after = db.read("SHOW CONSTRAINTS YIELD name RETURN count(*) AS c")[0]["c"], \
        db.read("SHOW INDEXES YIELD name RETURN count(*) AS c")[0]["c"]
    assert before == after
    assert migrations.applied_versions(db) == [m.version for m in migrations.MIGRATIONS]
    fulltext = db.read("SHOW FULLTEXT INDEXES YIELD name, options RETURN name, options")
    assert any(r["name"] == "entity_names" and
               r["options"]["indexConfig"]["fulltext.analyzer"] == "cjk" for r in fulltext)


@pytest.mark.parametrize("scheme", ["bolt", "neo4j"])
def test_neo4j_uri_points_at_an_existing_server(neo4j_settings, tmp_path: Path, scheme: str) -> None:
    home = tmp_path / "external"
    uri = f"{scheme}://127.0.0.1:{neo4j_settings.neo4j_port}"
    env = {"KG_HOME": str(home), "NEO4J_URI": uri, "NEO4J_PASSWORD": neo4j_settings.password()}
    refused = kg("neo4j", "start", **env)
    assert refused.returncode == 1
    assert "NEO4J_URI is set" in refused.stderr
    migrated = kg("migrate", **env)
    assert migrated.returncode == 0, migrated.stderr
    assert not home.exists(), "nothing may be downloaded or started for an external server"
    db = Database(instance_settings(KG_HOME=str(home), NEO4J_URI=uri, NEO4J_PASSWORD=neo4j_settings.password()))
    try:
        assert db.read("RETURN 1 AS one") == [{"one": 1}]
    finally:
        db.close()


def test_graphql_round_trip_over_http(live_server, empty_db) -> None:
    health = httpx.get(f"{live_server.url}/healthz")
    assert health.json() == {"status": "ok"}
    ready = httpx.get(f"{live_server.url}/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "ready"
    empty_db.write("CREATE (:Article {id: 'article_x', title: 't', hash: 'h'})")
    body = live_server.graphql("{ stats { people units honors articles } }")
    assert body == {"data": {"stats": {"people": 0, "units": 0, "honors": 0, "articles": 1}}}
    page = httpx.get(f"{live_server.url}/graphql", headers={"Accept": "text/html"})
    assert "graphiql" in page.text.lower()


def test_readyz_follows_neo4j_and_stop_leaves_no_java(neo4j_settings, db) -> None:
    with LiveServer(neo4j_settings) as server:
        assert httpx.get(f"{server.url}/readyz").status_code == 200
        pid = neo4j_server.running_pid(neo4j_server.Layout(neo4j_settings.home))
        stopped = kg("neo4j", "stop")
        assert stopped.returncode == 0 and "stopped" in stopped.stdout
        assert pid is not None
        assert java_processes_of(neo4j_settings.home) == [], "no Java process of the instance may remain"
        t0 = time.monotonic()
        unready = httpx.get(f"{server.url}/readyz", timeout=30)
        assert unready.status_code == 503 and unready.json()["status"] == "unready"
        assert time.monotonic() - t0 < 10
        status = kg("neo4j", "status")
        assert status.returncode == 3 and "not running" in status.stdout
        started = kg("neo4j", "start")
        assert started.returncode == 0, started.stderr
        deadline = time.monotonic() + 30
        while httpx.get(f"{server.url}/readyz", timeout=30).status_code != 200:
            assert time.monotonic() < deadline, "service did not recover"
            time.sleep(0.5)
