"""facts/places.py: place chains written together, "R的U", and a unit's parents."""
from __future__ import annotations

from tests.extract.helpers import extract, facts


def test_a_chain_of_regions() -> None:
    # 四川省宜宾市屏山县
    assert facts(extract("四川省宜宾市屏山县来了客人。"), "PART_OF") == {("宜宾市", "四川省"), ("屏山县", "宜宾市")}


def test_a_village_after_its_town() -> None:
    # 姚庄镇北鹤村
    ex = extract("嘉善县姚庄镇北鹤村是个好地方。")
    assert facts(ex, "LOCATED_IN") == {("北鹤村", "姚庄镇")}
    assert facts(ex, "PART_OF") == {("姚庄镇", "嘉善县")}


def test_a_unit_of_a_place() -> None:
    # 桐乡市的巨石集团
    assert facts(extract("他在桐乡市的巨石集团工作。"), "LOCATED_IN") == {("巨石集团", "桐乡市")}


def test_places_apart_are_no_chain() -> None:
    assert facts(extract("嘉兴市和宜宾市结对。"), "PART_OF") == set()


def test_a_unit_part_of_the_parents_in_its_name() -> None:
    # consecutive sections (车间 + 班组) are one team, PART_OF the last organisation level
    ex = extract("长城汽车股份有限公司平湖分公司总装车间班组获奖。")
    assert facts(ex, "PART_OF") == {("长城汽车股份有限公司平湖分公司总装车间班组", "长城汽车股份有限公司平湖分公司"),
                                    ("长城汽车股份有限公司平湖分公司", "长城汽车股份有限公司")}
    assert ("巨石集团有限公司玻纤研究院", "巨石集团有限公司") in facts(
        extract("张海峰就职于巨石集团有限公司玻纤研究院。"), "PART_OF")


def test_a_unit_sited_in_a_place() -> None:
    # U坐落在/位于 R1R2: LOCATED_IN the last place of the chain (not a park or a section's)
    ex = extract("巨石集团有限公司坐落在浙江省桐乡市。")
    assert ("巨石集团有限公司", "桐乡市") in facts(ex, "LOCATED_IN")
    ex = extract("青川精微光电科技有限公司位于苏州工业园区。")
    assert facts(ex, "LOCATED_IN") == set()
