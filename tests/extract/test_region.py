"""region.py: the source's province and city, which relative honors resolve against."""
from __future__ import annotations

from graph.extract.region import source_places, source_region


def test_the_most_named_city_and_its_province() -> None:
    assert source_region("嘉兴市南湖区召开会议，嘉兴劳模代表参加，杭州嘉宾出席。") == ("浙江省", "嘉兴市")
    assert source_region("江苏沙钢集团有限公司位于张家港，苏州市总工会表彰。") == ("江苏省", "苏州市")


def test_a_province_alone_and_nothing_at_all() -> None:
    assert source_region("四川省劳动模范座谈会召开。") == ("四川省", None)
    assert source_region("劳模座谈会召开。") == ("浙江省", None)


def test_places_the_gazetteer_lacks_are_the_texts_own() -> None:
    # an invented (or new) place named by the tagger with its suffix: a prefix for titles,
    # a bare 市 for units, a Region with its chain
    from tests.extract.helpers import extract, facts, names

    ex = extract("2024年“青川工匠”名单\n罗志诚 青川重型锻压有限公司锻造车间主任\n\n"
                 "西岭省青川市白岩县石门镇柳树村党支部书记宋一帆是省劳模。市总工会表彰了他们。")
    assert names(ex, "Honor") == {"青川工匠", "西岭省劳动模范"}
    assert {"西岭省", "青川市", "白岩县"} <= names(ex, "Region")
    assert ("青川市", "西岭省") in facts(ex, "PART_OF")
    assert "青川市总工会" in names(ex, "Unit")
    # a real city's short form is no new place
    assert names(extract("2023年“南粤工匠”发布仪式在广州举行。"), "Region") == {"广州市"}


def test_a_municipality_is_the_city_and_a_village_named_like_a_city_is_not() -> None:
    # 天津市…市总工会 with a 常州村 in the text: the bare 市 is 天津市
    text = ("天津市五一劳动奖章拟表彰对象公示\n经市总工会研究，确定了2025年天津市五一劳动奖章拟表彰对象。\n"
            "天津市蓟州区下营镇常州村村民委员会\n联系人：市总工会经济工作部 何　静")
    assert source_places(text)[1] == "天津市"
