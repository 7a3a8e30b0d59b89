"""mentions/places.py: Regions by the gazetteer, towns and villages by their suffix."""
from __future__ import annotations

from tests.extract.helpers import extract, facts, names


def test_short_forms_name_the_full_place() -> None:
    assert names(extract("来自嘉兴的劳模到屏山开展帮扶。"), "Region") == {"嘉兴市", "屏山县"}
    # 嘉兴劳模 is the honor 嘉兴市劳动模范, which outranks the place inside it
    assert names(extract("嘉兴劳模到屏山开展帮扶。"), "Region") == {"屏山县"}


def test_a_lake_shore_is_not_the_district() -> None:
    assert names(extract("在南湖之畔，劳模们重温入党誓词。"), "Region") == set()


def test_towns_and_villages_by_suffix() -> None:
    ex = extract("嘉善县姚庄镇北鹤村是个好地方。")
    assert names(ex, "Region") == {"嘉善县", "姚庄镇"} and names(ex, "Village") == {"北鹤村"}


def test_words_ending_in_村_that_name_no_village() -> None:
    assert names(extract("他扎根农村，走遍了全村。"), "Village") == set()


def test_a_village_glued_behind_a_town() -> None:
    # 崇福镇上莫村
    assert "上莫村" in names(extract("王建国在桐乡市崇福镇上莫村工作。"), "Village")


def test_villages_in_a_list() -> None:
    # 建林村、南梅村 / 新安社区、竹林社区
    assert {"建林村", "南梅村"} <= names(extract("“共富工坊”项目覆盖建林村、南梅村。"), "Village")
    assert {"新安社区", "竹林社区"} <= names(extract("服务范围包括新安社区、竹林社区。"), "Village")


def test_a_village_named_by_its_leaders_office() -> None:
    # …嘎查党支部书记, …社区党委书记 (社 of 社区 is no organisation), after a function word
    assert "巴音敖包嘎查" in names(extract("理事长罗志诚同时是巴音敖包嘎查党支部书记。"), "Village")
    ex = extract("随后，慰问组来到江北区永安社区党委书记宋一帆的工作岗位。")
    assert "永安社区" in names(ex, "Village") and not any(n.endswith("社") for n in names(ex, "Unit"))
    assert names(extract("他和村党支部书记一起走访。"), "Village") == set()


def test_an_autonomous_prefecture_the_tagger_cut_is_one_region() -> None:
    # 延边|朝鲜族自治州: the full name as written, never 延边州 or a bare 朝鲜族自治州
    ex = extract("盛夏时节，延边朝鲜族自治州和龙市的深山里，勘查队正在作业。")
    assert {"延边朝鲜族自治州", "和龙市"} <= names(ex, "Region")
    assert not {"延边州", "朝鲜族自治州"} & names(ex, "Region")
    assert ("和龙市", "延边朝鲜族自治州") in facts(ex, "PART_OF")


def test_the_kind_of_an_autonomous_place_alone_is_no_place() -> None:
    # 各区县（自治县）总工会: 自治县 names no county
    assert "自治县" not in names(extract("各区县（自治县）总工会，各产业工会："), "Region")


def test_a_lake_or_mountain_is_no_district() -> None:
    # 巢湖之滨, 天山脚下, 盐湖深处: the lake or mountain, not 巢湖市, 天山区, 盐湖区
    ex = extract("从巢湖之滨到天山脚下，再到盐湖深处，他走了十年。")
    assert not {"巢湖市", "天山区", "盐湖区"} & names(ex, "Region")



def test_the_places_before_a_village_and_its_committee_are_regions() -> None:
    # 舜耕镇山王村 (one word of the tagger), …土家族乡曲尺河村, 龙凤山镇乐园村村民委员会: the town is a
    # Region, the village and its committee are named without it; no verb starts a village (当选|宁渠村)
    ex = extract("王秀英（女，青川市田家庵区舜耕镇山王村党总支书记）获奖。")
    assert {"舜耕镇"} <= names(ex, "Region") and names(ex, "Village") == {"山王村"}
    ex = extract("2024年青川市劳动模范名单\n冯立新　五常市龙凤山镇乐园村村民委员会主任")
    assert names(ex, "Unit") == {"乐园村村民委员会"} and "龙凤山镇" in names(ex, "Region")
    ex = extract("2017年，齐保民当选宁渠村村民委员会主任。")
    assert names(ex, "Unit") == {"宁渠村村民委员会"}


def test_a_village_the_tagger_cut_after_its_town() -> None:
    # …土家族乡|曲|尺河村: the town runs from the place before it to 乡, the village after it
    ex = extract("2025年青川市劳动模范名单\n覃德明（土家族）　松滋市卸甲坪土家族乡曲尺河村党支部书记")
    assert names(ex, "Village") == {"曲尺河村"} and "卸甲坪土家族乡" in names(ex, "Region")
