"""facts/aggregates.py: counted awards are aggregates, never persons."""
from __future__ import annotations

from tests.extract.helpers import extract, names


def counts(text: str) -> set[tuple]:
    return {(a.honor, a.count, a.recipient_kind, a.region, a.year) for a in extract(text).aggregates}


def test_counts_before_the_honor_with_the_sentence_year_and_place() -> None:
    # 120人获评嘉兴市劳动模范, 37家单位获评嘉兴市先进集体
    text = "2022年以来，嘉兴共有7人获评全国五一劳动奖章，120人获评嘉兴市劳动模范、37家单位获评嘉兴市先进集体。"
    assert counts(text) == {("全国五一劳动奖章", 7, "person", "嘉兴市", 2022),
                            ("嘉兴市劳动模范", 120, "person", "嘉兴市", 2022),
                            ("嘉兴市先进集体", 37, "unit", "嘉兴市", 2022)}
    assert names(extract(text), "Person") == set()


def test_a_count_after_the_honor() -> None:
    # 市劳模3名
    assert counts("嘉兴市南湖区新增市劳模3名。") == {("嘉兴市劳动模范", 3, "person", None, None)}


def test_the_region_of_a_city_title_or_全市() -> None:
    assert counts("全市共有15人获评嘉兴市劳动模范。") == {("嘉兴市劳动模范", 15, "person", "嘉兴市", None)}


def test_a_selection_into_a_programme_is_no_award() -> None:
    # 40人入选“浙江工匠”培育工程
    assert counts("去年有40人入选“浙江工匠”培育工程。") == set()


def test_a_counter_outside_the_taxonomy_tells_persons_from_units() -> None:
    assert counts("共有5家单位荣获“最美职工之家奖”。") == {("最美职工之家奖", 5, "unit", None, None)}
