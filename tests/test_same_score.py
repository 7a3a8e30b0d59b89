"""One person, one score: a pair is scored on the same evidence by a small load, a bulk
load, the incremental check after a load and `kg dedupe scan` (graph/cypher/people.py,
graph/dedupe/records.py), so all four give the same score and the same reasons."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from graph import resolve
from graph.ingest import load_roster
from graph.loaders.roster import read_roster
from graph.places import with_region_hierarchy
from tests.conftest import instance_env

HEADER = "编号,姓名,性别,出生年份,工作单位,职务,荣誉称号,授予年份,地区,挂职"
NOTE = "# 合成数据 synthetic test data — not real people"


def roster(tmp: Path, name: str, row: str) -> Path:
    path = tmp / name
    path.write_text(f"{NOTE}\n{HEADER}\n{row}\n", encoding="utf-8")
    return path


def test_a_small_load_a_bulk_load_the_check_and_a_scan_agree(empty_db, tmp_path, monkeypatch) -> None:
    db = empty_db
    load_roster(db, roster(tmp_path, "a.csv", "A1,王建华,男,1975,桐乡市恒达机械有限公司,高级技师,嘉兴市劳动模范,2019,桐乡市,"))
    # 王建桦 sounds the same: staff decide, with the reasons
    second = roster(tmp_path, "b.csv", "B1,王建桦,男,1975,桐乡市恒达机械有限公司,技师,嘉兴市劳动模范,2019,桐乡市,四川省宜宾市屏山县")
    extraction = with_region_hierarchy(read_roster(second).extraction)

    def resolved_person() -> resolve.Resolved:
        found = resolve.resolve(db, extraction, "b")
        return next(r for r in found.values() if r.label == "Person")

    small = resolved_person()
    monkeypatch.setattr(resolve, "BULK_THRESHOLD", 0)  # every person of the graph read and blocked in memory
    bulk = resolved_person()
    monkeypatch.undo()
    assert small.outcome == bulk.outcome == "review"
    assert (small.score, small.reasons) == (bulk.score, bulk.reasons)
    reasons = [r.to_json() for r in small.reasons]
    assert [r["feature"] for r in reasons] == ["homophone", "unit", "honor_year", "region", "gender", "birth_year"]

    load_roster(db, second)  # the small load writes the review item; the incremental check re-scores it
    item = db.read("MATCH (i:ReviewItem) RETURN i.score AS score, i.reasons AS reasons")
    assert item == [{"score": small.score, "reasons": json.dumps(reasons, ensure_ascii=False)}]

    scanned = subprocess.run([sys.executable, "-m", "api.cli", "dedupe", "scan", "--type", "Person", "--format",
                              "json", "--dry-run"], capture_output=True, text=True, env=instance_env(), timeout=120)
    assert scanned.returncode == 0, scanned.stderr
    [pair] = json.loads(scanned.stdout)["candidates"]
    assert {pair["a"]["name"], pair["b"]["name"]} == {"王建华", "王建桦"}
    assert (pair["score"], pair["reasons"]) == (small.score, reasons)
