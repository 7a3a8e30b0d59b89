"""Writers that cannot interleave badly (issue 13): two overlapping rosters loaded at once
give what loading them one after the other gives, and a merge landing between a load's
resolution and its write leaves no ghost. Real Neo4j; the interleavings are forced with
graph.ingest.between_resolve_and_write, and two real `kg load roster` processes race too."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.synthetic import HEADER, generate_roster_rows, write_csv
from graph import edit, ingest
from graph.dedupe.merge import merge
from graph.ingest import load_roster
from graph.integrity import census, violations
from tests.conftest import instance_env, wipe

CLEAN = {"duplicate ids": 0, "ghosts": 0, "parallel facts": 0, "doubled entries": 0, "doubled sources": 0}


def _overlapping(tmp_path: Path, total: int = 50, shared: int = 20) -> tuple[Path, Path]:
    """Two rosters of different offices sharing `shared` people (same name, unit, honors)."""
    rows, seen = [], set()
    for row in generate_roster_rows(total * 2, seed=31):
        if row["姓名"] not in seen:
            seen.add(row["姓名"])
            rows.append(row)
    rows = rows[:total]
    half = (total + shared) // 2
    a, b = rows[:half], rows[half - shared:]
    paths = []
    for name, part in (("office-a", a), ("office-b", b)):
        names = {r["姓名"] for r in part}
        part = [dict(r, 师傅=r["师傅"] if r["师傅"] in names else "") for r in part]
        path = tmp_path / f"{name}.csv"
        write_csv(path, part, header=HEADER)
        paths.append(path)
    return paths[0], paths[1]


def _sequential(db, *paths: Path) -> dict:
    wipe(db)
    for path in paths:
        load_roster(db, path)
    return census(db)


def test_a_load_landing_between_resolution_and_write_is_resolved_again(empty_db, tmp_path, monkeypatch) -> None:
    a, b = _overlapping(tmp_path)
    expected = _sequential(empty_db, b, a)
    assert expected["people"] == 50
    wipe(empty_db)

    def other_load_lands(source) -> None:  # A is resolved; B loads whole before A writes
        monkeypatch.setattr(ingest, "between_resolve_and_write", None)
        load_roster(empty_db, b)

    monkeypatch.setattr(ingest, "between_resolve_and_write", other_load_lands)
    report = load_roster(empty_db, a)
    assert "re-matching under the lock" in report.seconds  # the version moved: resolved again
    assert census(empty_db) == expected
    assert violations(empty_db) == CLEAN


def test_two_processes_loading_overlapping_rosters_at_once(empty_db, neo4j_settings, tmp_path) -> None:
    a, b = _overlapping(tmp_path)
    expected = _sequential(empty_db, a, b)
    assert _sequential(empty_db, b, a) == expected  # either order: one result
    wipe(empty_db)
    env = instance_env()
    procs = [subprocess.Popen([sys.executable, "-m", "api.cli", "load", "roster", str(p)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for p in (a, b)]
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    assert census(empty_db) == expected
    assert violations(empty_db) == CLEAN


def test_a_merge_between_resolution_and_write_leaves_no_ghost(empty_db, tmp_path, monkeypatch) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    header = ["编号", "姓名", "性别", "工作单位", "职务", "荣誉称号", "授予年份", "地区"]
    row = {"编号": "J001", "姓名": "柯望舒", "性别": "女", "工作单位": "嘉兴市第一医院", "职务": "主任医师",
           "荣誉称号": "嘉兴市劳动模范", "授予年份": "2018", "地区": "嘉兴市"}
    write_csv(first / "office.csv", [row], header=header)
    # the office's next roster, same file name: its record id J001 finds the same person
    write_csv(second / "office.csv", [dict(row, 荣誉称号="浙江省劳动模范", 授予年份="2022")], header=header)
    load_roster(empty_db, first / "office.csv")
    (absorbed,) = [r["id"] for r in empty_db.read("MATCH (p:Person) RETURN p.id AS id")]
    survivor = edit.create_entity(empty_db, "Person", "柯望舒", {}, "staff")

    def merge_lands(source) -> None:  # the load matched `absorbed`; staff merge it away now
        merge(empty_db, [survivor, absorbed], "staff")

    monkeypatch.setattr(ingest, "between_resolve_and_write", merge_lands)
    report = load_roster(empty_db, second / "office.csv")
    assert "re-matching under the lock" in report.seconds
    assert violations(empty_db) == CLEAN
    people = empty_db.read("MATCH (p:Person) RETURN p.id AS id, "
                           "[(p)-[:RECEIVED]->(h) | h.name] AS honors")
    assert [p["id"] for p in people] == [survivor]  # no ghost under the absorbed id, nothing new
    assert sorted(people[0]["honors"]) == ["嘉兴市劳动模范", "浙江省劳动模范"]


def test_every_write_takes_the_lock_and_counts_the_version(empty_db) -> None:
    before = empty_db.version()
    node = edit.create_entity(empty_db, "Unit", "嘉兴市测试单位", {}, "staff")
    edit.update_entity(empty_db, node, None, {"kind": "company"}, "staff")
    assert empty_db.version() == before + 2
