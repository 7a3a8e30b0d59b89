"""mentions/units.py: organisations by their head, and the units the tagger cuts."""
from __future__ import annotations

from graph.extract.mentions.units import short_unit_name, unit_ok, unit_parent
from tests.extract.helpers import extract, facts, mentions, names


def test_a_unit_ends_with_an_organisation_head() -> None:
    assert unit_ok("嘉兴市总工会") and unit_ok("巨石集团") and unit_ok("嘉兴市第一医院")
    assert not unit_ok("公司")  # too short
    assert not unit_ok("嘉兴市劳模风采") and not unit_ok("南湖区、秀洲区总工会")


def test_a_county_unit_takes_the_county_of_the_discourse() -> None:
    # 该县总工会 after 海盐县 → 海盐县总工会
    assert "海盐县总工会" in names(extract("海盐县召开会议。该县总工会主席出席。"), "Unit")
    # 市总工会 → the city named anywhere before it: 张家港市委常委、市总工会主席 → 张家港市总工会
    ex = extract("张家港市委常委、市总工会主席陈晓东出席。")
    assert names(ex, "Unit") == {"张家港市总工会"}
    assert ("陈晓东", "张家港市总工会") in facts(ex, "WORKS_AT")


def test_a_county_unit_with_no_county_named_is_dropped() -> None:
    assert mentions("县总工会组织活动。", {"县总工会": "ORG"}) == []
    assert mentions("嘉善县的县总工会组织活动。", {"嘉善县": "LOC", "县总工会": "ORG"}) == [
        ("Region", "嘉善县"), ("Unit", "嘉善县总工会")]


def test_a_place_and_a_head_the_tagger_missed() -> None:
    # 嘉兴市劳模办
    assert names(extract("嘉兴市劳模办组织活动。"), "Unit") == {"嘉兴市劳模办"}


def test_a_child_of_the_last_company() -> None:
    # 公司焊接车间 → 江苏沙钢集团有限公司焊接车间
    ex = extract("刘宏伟进入江苏沙钢集团有限公司。他在公司焊接车间工作。")
    assert "江苏沙钢集团有限公司焊接车间" in names(ex, "Unit")
    assert ("江苏沙钢集团有限公司焊接车间", "江苏沙钢集团有限公司") in facts(ex, "PART_OF")
    assert "嘉兴石化有限公司仪表班" in names(extract("嘉兴石化有限公司成立于2005年，该公司仪表班获奖。"), "Unit")


def test_a_child_glued_behind_its_unit_but_not_a_role() -> None:
    # 嘉兴市第一医院急诊科
    ex = extract("嘉兴市第一医院急诊科护士长周丽萍获奖。")
    assert {"嘉兴市第一医院急诊科", "嘉兴市第一医院"} <= names(ex, "Unit")
    # 国网嘉兴供电公司高级技师: a role, not a child unit
    assert names(extract("国网嘉兴供电公司高级技师徐卫东获奖。"), "Unit") == {"国网嘉兴供电公司"}


def test_a_unit_parent_read_from_its_name() -> None:
    assert unit_parent("长城汽车股份有限公司平湖分公司总装车间") == "长城汽车股份有限公司平湖分公司"
    assert unit_parent("长城汽车股份有限公司平湖分公司") == "长城汽车股份有限公司"
    assert unit_parent("巨石集团有限公司玻纤研究院") == "巨石集团有限公司"
    assert unit_parent("长城汽车股份有限公司") is None


def test_a_company_named_again_by_its_short_name() -> None:
    # 江苏沙钢集团有限公司 … 进入沙钢
    assert short_unit_name("江苏沙钢集团有限公司") == "沙钢"
    assert short_unit_name("巨石集团有限公司") == "巨石"
    assert short_unit_name("嘉兴供电公司") is None  # 供电 alone names no company
    ex = extract("进入沙钢后，刘宏伟一直在轧钢厂工作。江苏沙钢集团有限公司是一家大企业。")
    unit = next(e for e in ex.entities if e.name == "江苏沙钢集团有限公司")
    assert len(unit.spans) == 2


def test_a_bare_team_before_a_role_and_a_name() -> None:
    # 见到了设备维修班班长刘宏伟 → <the last unit>设备维修班
    ex = extract("近日，记者走进江苏沙钢集团有限公司轧钢厂，见到了设备维修班班长刘宏伟。")
    team = "江苏沙钢集团有限公司轧钢厂设备维修班"
    assert team in names(ex, "Unit")
    assert ("刘宏伟", team) in facts(ex, "WORKS_AT")
    assert (team, "江苏沙钢集团有限公司轧钢厂") in facts(ex, "PART_OF")
