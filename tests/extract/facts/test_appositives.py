"""facts/appositives.py: what is glued to a name says who the person is."""
from __future__ import annotations

from graph.extract.document import Mention
from graph.extract.facts.appositives import chain_before
from tests.extract.helpers import extract, facts, props


def test_the_chain_before_a_name_nearest_first() -> None:
    # 浙江省劳动模范、国网嘉兴供电公司高级技师徐卫东 → [(Unit, 高级技师), (Honor, '')]
    flat = "浙江省劳动模范、国网嘉兴供电公司高级技师徐卫东"
    honor, unit = Mention("Honor", "浙江省劳动模范", 0, 7), Mention("Unit", "国网嘉兴供电公司", 8, 16)
    person = Mention("Person", "徐卫东", 20, 23)
    assert chain_before(flat, [honor, unit], person) == [(unit, "高级技师"), (honor, "")]


def test_honor_and_unit_with_role_glued_before_a_name() -> None:
    ex = extract("浙江省劳动模范、国网嘉兴供电公司高级技师徐卫东参加座谈。")
    assert facts(ex, "RECEIVED") == {("徐卫东", "浙江省劳动模范")}
    assert props(ex, "WORKS_AT") == {("徐卫东", "国网嘉兴供电公司"): {"role": "高级技师"}}


def test_a_bare_role_between_two_chain_elements() -> None:
    # 浙江省劳动模范、高级工程师张海峰
    assert facts(extract("浙江省劳动模范、高级工程师张海峰领衔攻关。"), "RECEIVED") == {("张海峰", "浙江省劳动模范")}


def test_holder_of_an_honor() -> None:
    # 全国五一劳动奖章获得者杨开九
    assert facts(extract("全国五一劳动奖章获得者杨开九拿到了绿通卡。"), "RECEIVED") == {("杨开九", "全国五一劳动奖章")}


def test_a_chain_breaks_at_words_that_are_no_role() -> None:
    assert facts(extract("全国劳动模范的事迹感动了张建华。"), "RECEIVED") == set()


def test_the_unit_or_village_in_parentheses_after_a_name() -> None:
    # 王建国（嘉兴市南湖区凤桥镇三星村党总支书记）
    ex = extract("王建国（嘉兴市南湖区凤桥镇三星村党总支书记）发言。")
    assert props(ex, "SERVES") == {("王建国", "三星村"): {"role": "党总支书记"}}
    ex = extract("沈佳怡（嘉善县第一中学教师）获奖。")
    assert props(ex, "WORKS_AT") == {("沈佳怡", "嘉善县第一中学"): {"role": "教师"}}


def test_a_student_from_a_school() -> None:
    # 来自U…的学生P
    ex = extract("来自嘉兴技师学院的学生庞珍妮表示，她将传承劳模精神。")
    assert facts(ex, "WORKS_AT") == {("庞珍妮", "嘉兴技师学院")}
    ex = extract("来自嘉兴技师学院和嘉兴学院的学生代表庞珍妮发言。")
    assert ("庞珍妮", "嘉兴技师学院") in facts(ex, "WORKS_AT")  # the first unit after 来自


def test_a_profile_card() -> None:
    # 【人物档案】name，age，unit+role，year+title …
    ex = extract("【人物档案】包海龙，48岁，内蒙古鄂尔多斯市东胜区环卫中心清扫班班长，2020年全国先进工作者，"
                 "2025年获评全国劳动模范。")
    assert ("包海龙", "内蒙古鄂尔多斯市东胜区环卫中心清扫班") in facts(ex, "WORKS_AT")
    from tests.extract.helpers import years

    assert years(ex, "RECEIVED") == {("包海龙", "全国先进工作者"): 2020, ("包海龙", "全国劳动模范"): 2025}
    ex = extract("【人物档案】聂红英（女），54岁，黑龙江省富锦市锦山镇东兴村党支部书记，2010年全国劳动模范。")
    assert ("聂红英", "东兴村") in facts(ex, "SERVES")


def test_the_one_after_的_and_a_relation_is_the_subject() -> None:
    # 罗素芬的徒弟严冬，是成都锦城宾馆的中餐主厨
    ex = extract("罗素芬是厨师。罗素芬的徒弟严冬，是成都锦城宾馆的中餐主厨。")
    assert facts(ex, "WORKS_AT") == {("严冬", "成都锦城宾馆")}


def test_bare_factory_words_are_the_factory_named() -> None:
    # 进厂当焊工; 厂党委书记程华
    ex = extract("武汉市第一机床厂举行拜师会。厂党委书记程华出席拜师会。")
    assert facts(ex, "WORKS_AT") == {("程华", "武汉市第一机床厂")}
    ex = extract("在浙江恒力机械有限公司，沈国华1985年进厂当焊工。")
    from tests.extract.helpers import years

    assert years(ex, "WORKS_AT") == {("沈国华", "浙江恒力机械有限公司"): 1985}


def test_a_card_with_a_birth_year_and_a_village_office() -> None:
    # 罗志诚，1969年生，…柳树村党支部书记、…合作社理事长: SERVES the village, WORKS_AT the cooperative
    ex = extract("罗志诚，1969年生，青川县石门镇柳树村党支部书记、青川县金果苹果专业合作社理事长。")
    assert facts(ex, "SERVES") == {("罗志诚", "柳树村")}
    assert ("罗志诚", "青川县金果苹果专业合作社") in facts(ex, "WORKS_AT")
    ex = extract("宋一帆（女），1981年生，青川市江北区海岸社区党委书记。")
    assert facts(ex, "SERVES") == {("宋一帆", "海岸社区")}


def test_a_village_office_after_a_copula() -> None:
    # P同时是V党支部书记
    ex = extract("合作社成立于2016年，理事长罗志诚同时是柳树村党支部书记。")
    assert facts(ex, "SERVES") == {("罗志诚", "柳树村")}


def test_names_listed_after_one_unit_and_role_share_it() -> None:
    ex = extract("长春北方汽车变速器有限公司工艺部的年轻工程师高原、阮静，都是他一手带出来的。")
    assert {("高原", "长春北方汽车变速器有限公司工艺部"), ("阮静", "长春北方汽车变速器有限公司工艺部")} <= facts(ex, "WORKS_AT")
