"""Operations on a Neo4j of this module alone: start on a wiped store, a store whose
password is not ours, writes that migrate first, backup and restore with equal counts;
and introspection switched off for anonymous callers."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph import neo4j_server as server
from graph.db import Database
from tests.conftest import TEST_HOME, LiveServer, _reuse_jars, free_port, instance_settings

DATA_DIR = Path(__file__).parent / "data"

OWN_HOME = TEST_HOME.with_name(TEST_HOME.name + "-ops")


@pytest.fixture(scope="module")
def own():
    """Settings of a second, empty instance; stopped and removed afterwards."""
    port = str(free_port())
    settings = instance_settings(KG_HOME=str(OWN_HOME), KG_NEO4J_PORT=port)
    _reuse_jars(settings)
    yield settings
    server.stop(settings)
    shutil.rmtree(OWN_HOME, ignore_errors=True)


def _env(settings) -> dict[str, str]:
    from tests.conftest import instance_env

    return instance_env(KG_HOME=str(settings.home), KG_NEO4J_PORT=str(settings.neo4j_port))


def _kg(settings, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "api.cli", *args], capture_output=True, text=True,
                          env=_env(settings), timeout=600)


def _counts(settings) -> tuple[int, int]:
    db = Database(settings)
    try:
        row = db.read("MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels")[0]
        return row["nodes"], row["rels"]
    finally:
        db.close()


def test_start_on_a_wiped_store_and_a_load_that_migrates_first(own) -> None:
    server.start(own, progress=False)
    server.stop(own)
    shutil.rmtree(server.Layout(own.home).data_dir)  # what an operator cleaning up does
    server.start(own, progress=False)
    loaded = _kg(own, "load", "roster", str(DATA_DIR / "roster-gbk.csv"))
    assert loaded.returncode == 0, loaded.stderr
    assert "applied migration" in loaded.stderr  # never migrated: the load migrated first
    db = Database(own)
    try:
        constraints = {r["name"] for r in db.read("SHOW CONSTRAINTS YIELD name RETURN name")}
        assert constraints and db.read("MATCH (p:Person) RETURN count(p) AS c")[0]["c"] > 0
    finally:
        db.close()


def test_backup_and_restore_give_the_same_graph(own) -> None:
    server.start(own, progress=False)
    before = _counts(own)
    assert before[0] > 0
    made = _kg(own, "backup", "--to", str(OWN_HOME / "dumps"))
    assert made.returncode == 0, made.stderr
    dump = Path(made.stdout.strip().splitlines()[-1])
    assert dump.is_file() and dump.stat().st_size > 0
    assert server.status(own).running  # it was running, so it runs again
    db = Database(own)
    try:
        db.write("MATCH (n:Person) DETACH DELETE n")
    finally:
        db.close()
    assert _counts(own) != before
    restored = _kg(own, "restore", str(dump))
    assert restored.returncode == 0, restored.stderr
    assert _counts(own) == before
    missing = _kg(own, "restore", str(OWN_HOME / "nothing.dump"))
    assert missing.returncode == 1 and len(missing.stderr.strip().splitlines()) == 1


def test_the_watchdog_starts_a_killed_neo4j_again(own) -> None:
    import os
    import signal
    import time

    server.start(own, progress=False)
    db = Database(own)
    try:
        db.write("CREATE (:WatchdogProbe {at: datetime()})")
    finally:
        db.close()
    said: list[str] = []
    watchdog = server.Watchdog(own, interval_s=0.5, report=said.append).start()
    try:
        os.kill(server.running_pid(server.Layout(own.home)), signal.SIGKILL)
        deadline = time.monotonic() + 240
        while not (watchdog.restarts and server.bolt_answers(own)):
            assert time.monotonic() < deadline, said
            time.sleep(0.5)
    finally:
        watchdog.stop()
    assert any("died" in line for line in said)
    db = Database(own)
    try:  # a committed write survives the kill
        assert db.read("MATCH (p:WatchdogProbe) RETURN count(p) AS c")[0]["c"] >= 1
    finally:
        db.close()


def test_a_store_with_another_password_is_explained(own) -> None:
    server.stop(own)
    other = instance_settings(KG_HOME=str(own.home), KG_NEO4J_PORT=str(own.neo4j_port), NEO4J_PASSWORD="not-the-one")
    with pytest.raises(server.ServerError) as refused:
        server.start(other, progress=False)
    assert "refuses the password" in str(refused.value) and "NEO4J_PASSWORD" in str(refused.value)
    server.stop(other)


def test_introspection_can_be_closed_to_anonymous_callers(db, neo4j_settings) -> None:
    from graph.tokens import create_token

    reader = create_token(db, "reader", "codegen")
    with LiveServer(instance_settings(KG_INTROSPECTION="0")) as closed:
        refused = closed.graphql("{ __schema { queryType { name } } }")
        assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        assert "KG_INTROSPECTION" in refused["errors"][0]["message"]
        assert closed.graphql("{ __type(name: \"Person\") { name } }")["errors"]
        assert closed.graphql("{ stats { __typename people } }")["data"]["stats"]["__typename"] == "Stats"
        assert closed.graphql("{ __schema { queryType { name } } }", token=reader)["data"]
