"""facts/assignment.py: ASSIGNED_TO for postings (挂职, 第一书记 …)."""
from __future__ import annotations

from tests.extract.helpers import extract, facts, years


def test_the_last_place_of_the_destination_chain_with_years() -> None:
    ex = extract("2021年3月，浙江省劳动模范徐卫东被选派到贵州省毕节市纳雍县挂职。"
                 "同一年，嘉兴市劳动模范俞佳丽到纳雍县龙场镇营山村挂职第一书记。")
    assert years(ex, "ASSIGNED_TO") == {("徐卫东", "纳雍县"): 2021, ("俞佳丽", "营山村"): 2021}


def test_other_postings() -> None:
    assert years(extract("2019年，张建华被派往阿克苏市援疆一年半。"), "ASSIGNED_TO") == {("张建华", "阿克苏市"): 2019}
    assert years(extract("2020年，张建华前往屏山县挂职副县长。"), "ASSIGNED_TO") == {("张建华", "屏山县"): 2020}


def test_a_trip_is_no_posting() -> None:
    assert facts(extract("张建华到纳雍县考察。"), "ASSIGNED_TO") == set()
