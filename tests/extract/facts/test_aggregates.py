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


def test_a_count_after_a_giving_verb_and_a_count_with_a_year_between() -> None:
    # 授予28人“浏阳市劳动模范”称号; 命名郭立新等30人为2024年“潍坊工匠”; 10人获评2023年“南粤工匠”
    assert ("浏阳市劳动模范", 28, "person", "浏阳市", None) in counts("浏阳市总工会授予28人“浏阳市劳动模范”称号。")
    assert {(h, n, y) for h, n, _, _, y in counts("市总工会决定，命名郭立新等30人为2024年“潍坊工匠”。")} == {
        ("潍坊工匠", 30, 2024)}
    assert {(h, n, y) for h, n, _, _, y in counts("1月9日，10人获评2023年“南粤工匠”。")} == {("南粤工匠", 10, 2023)}


def test_a_count_of_the_award_just_named() -> None:
    # 我市28个集体榜上有名; 6家工作室入选 — but not 40人入选“浙江工匠”培育工程, nor 第一位获此殊荣
    got = counts("授予全省300个集体“浙江省先进集体”称号，我市28个集体榜上有名。")
    assert {(h, n) for h, n, *_ in got} == {("浙江省先进集体", 300), ("浙江省先进集体", 28)}
    assert {(h, n) for h, n, *_ in counts("公布2024年洛阳市技能大师工作室名单。6家工作室入选，每家获资助。")} == {
        ("洛阳市技能大师工作室", 6)}
    assert counts("她获得中华技能大奖，是第一位获此殊荣的厨师。") == set()


def test_a_count_told_twice_is_one() -> None:
    from graph.extract import extract_article

    ex = extract_article("泉州12人获评省五一劳动奖章\n表彰2024年福建省五一劳动奖章获得者。我市12名职工获评福建省五一劳动奖章。",
                         date="2024-04-29")
    assert {(a.honor, a.count, a.year) for a in ex.aggregates} == {("福建省五一劳动奖章", 12, 2024)}


def test_one_count_for_two_titles_is_no_count_of_either() -> None:
    assert counts("宜昌七人获评湖北省劳动模范和先进工作者") == set()
