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


def test_a_role_naming_no_village_is_the_texts_village() -> None:
    # 驻村第一书记杨帆 → ASSIGNED_TO the village the text is about, with the sentence's year;
    # 村党支部书记冉光荣 → SERVES it; 从U选派来的…杨帆 → WORKS_AT U
    ex = extract("贵州省遵义市湄潭县兴隆镇茶山村是远近闻名的茶叶村。村里有两位书记。一位是土生土长的村党支部书记冉光荣；"
                 "另一位是2021年4月从贵州电网有限责任公司遵义供电局选派来的驻村第一书记杨帆。")
    assert years(ex, "ASSIGNED_TO") == {("杨帆", "茶山村"): 2021}
    assert ("冉光荣", "茶山村") in facts(ex, "SERVES")
    assert ("杨帆", "贵州电网有限责任公司遵义供电局") in facts(ex, "WORKS_AT")


def test_驻村_is_a_posting() -> None:
    ex = extract("2022年，芜湖市中医医院护士长孙雅琴到木奎拉乡喀拉苏村驻村。")
    assert years(ex, "ASSIGNED_TO") == {("孙雅琴", "喀拉苏村"): 2022}


def test_a_county_the_gazetteer_lacks_glued_behind_its_prefecture() -> None:
    # 来到西岭地区白岩县挂职: the chain's last level is the county, even when only the text names it
    ex = extract("2022年7月，宝鸡秦岭骨科医院副主任医师罗志诚作为第十批援藏干部，来到西藏阿里地区白岩县挂职，任白岩县人民医院副院长。")
    assert years(ex, "ASSIGNED_TO") == {("罗志诚", "白岩县"): 2022}
    assert ("白岩县", "阿里地区") in facts(ex, "PART_OF")


def test_village_offices_serve_the_village() -> None:
    # P是(places)V党支部书记; …，曾任V党支部书记 (the sentence's subject); 当选V村民委员会主任 →
    # WORKS_AT the committee and SERVES the village
    ex = extract("索朗顿珠是江孜县江热乡班觉伦布村党支部书记。")
    assert facts(ex, "SERVES") == {("索朗顿珠", "班觉伦布村")}
    ex = extract("她的父亲马占山是当年移民来的第一批村民，曾任原隆村党支部书记。")
    assert facts(ex, "SERVES") == {("马占山", "原隆村")}
    ex = extract("2017年，齐保民当选宁渠村村民委员会主任。")
    assert facts(ex, "SERVES") == {("齐保民", "宁渠村")}
    assert facts(ex, "WORKS_AT") == {("齐保民", "宁渠村村民委员会")}


def test_a_first_secretary_glued_after_the_village() -> None:
    # V驻村第一书记、U干部P: posted to the village (ASSIGNED_TO), not serving it as its own secretary
    ex = extract("十一村驻村第一书记、州教育局干部多杰才旦说：“变化很大。”")
    assert facts(ex, "ASSIGNED_TO") == {("多杰才旦", "十一村")}
    assert facts(ex, "SERVES") == set()


def test_serving_the_village_the_text_is_about() -> None:
    # 他和村党支部书记P一起 (a role of the village named before); “V稻虾共作示范基地” (named after V)
    ex = extract("顾俊杰来到红坪村。他和村党支部书记冉启兵一起，实施了“红坪村稻虾共作示范基地”项目。")
    assert facts(ex, "SERVES") >= {("冉启兵", "红坪村"), ("红坪村稻虾共作示范基地", "红坪村")}


def test_posted_to_a_unit_named_with_its_county() -> None:
    # 到白岩县人民医院挂职副院长: ASSIGNED_TO the county, WORKS_AT the unit, both with the year
    ex = extract("2021年，青川市第一人民医院医生宋一帆到白岩县人民医院挂职副院长。宋一帆说，收获很大。")
    assert years(ex, "ASSIGNED_TO") == {("宋一帆", "白岩县"): 2021}
    assert ("宋一帆", "白岩县人民医院") in facts(ex, "WORKS_AT")


def test_the_unit_that_sends_someone_employs_them() -> None:
    # U选派P到V任驻村第一书记: WORKS_AT U, ASSIGNED_TO V
    ex = extract("2021年，青川市供电公司选派罗志诚到柳树村任驻村第一书记。罗志诚说。")
    assert facts(ex, "WORKS_AT") == {("罗志诚", "青川市供电公司")}
    assert years(ex, "ASSIGNED_TO") == {("罗志诚", "柳树村"): 2021}
