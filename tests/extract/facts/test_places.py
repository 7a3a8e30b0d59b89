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


def test_villages_coordinated_after_one_town_are_each_in_it() -> None:
    # 董马库乡岩科村、夯来村、排吾村
    ex = extract("邮路途经花垣县董马库乡岩科村、夯来村、排吾村等5个村。")
    assert {("岩科村", "董马库乡"), ("夯来村", "董马库乡"), ("排吾村", "董马库乡")} <= facts(ex, "LOCATED_IN")


def test_two_levels_written_as_one_word_are_two_regions() -> None:
    # 北京市朝阳区, 果洛州久治县 (an abbreviated prefecture stays as written)
    ex = extract("早上，北京市朝阳区团结湖街道的小广场上。他从果洛州久治县的牧区来到格尔木。")
    assert {("朝阳区", "北京市"), ("团结湖街道", "朝阳区"), ("久治县", "果洛州")} <= facts(ex, "PART_OF")


def test_a_community_named_by_its_secretary_after_a_district() -> None:
    # 包河区锦绣湾社区党委书记P, ——记湖畔新苑社区党委书记P: SERVES
    assert facts(extract("包河区锦绣湾社区党委书记汪淑芬扎根社区。"), "SERVES") == {("汪淑芬", "锦绣湾社区")}
    assert facts(extract("老街坊的“主心骨”——记湖畔新苑社区党委书记侯淑芬"), "SERVES") == {("侯淑芬", "湖畔新苑社区")}


def test_a_former_village_secretary_serves_it() -> None:
    # 在V，…村原党支部书记P
    ex = extract("在小店区北格镇东庄头村，慰问组看望了省劳模、村原党支部书记韩福生。")
    assert ("韩福生", "东庄头村") in facts(ex, "SERVES")


def test_a_project_serves_the_villages_after_its_later_serving_verb() -> None:
    # 项目，争取帮扶资金…，带动V1和邻近的V2: the villages follow 带动, not 帮扶
    ex = extract("他牵头建设“弄塘村肉牛养殖”项目，争取帮扶资金600万元，带动弄塘村和邻近的拉烈村210户群众入股。")
    assert {("弄塘村肉牛养殖", "弄塘村"), ("弄塘村肉牛养殖", "拉烈村")} <= facts(ex, "SERVES")
