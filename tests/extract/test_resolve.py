"""resolve.py: overlaps by priority, anaphors, and who says a quote."""
from __future__ import annotations

from graph.extract.document import Mention
from graph.extract.resolve import find_anaphors, resolve_overlaps, speakers
from graph.extract.segment import sentences
from tests.extract.helpers import extract, facts
from tests.extract.helpers import extract, facts, names, years


def test_the_higher_priority_then_the_longer_mention_wins() -> None:
    honor = Mention("Honor", "嘉兴市劳动模范", 0, 4)
    place = Mention("Region", "嘉兴市", 0, 2)
    person = Mention("Person", "范俞佳丽", 3, 7)
    unit_long, unit_short = Mention("Unit", "嘉兴市第一医院急诊科", 10, 20), Mention("Unit", "嘉兴市第一医院", 10, 17)
    kept = resolve_overlaps([place, person, honor, unit_short, unit_long])
    assert kept == [honor, unit_long]


def test_an_honor_inside_a_project_name_is_both() -> None:
    # “浙江工匠”培育工程
    ex = extract("去年有40人入选“浙江工匠”培育工程。")
    assert names(ex, "Project") == {"浙江工匠培育工程"} and names(ex, "Honor") == {"浙江工匠"}


def test_anaphors_outside_named_mentions() -> None:
    flat = "工作室和该项目、该公司。他们和她。其徒弟"
    found = [(m.type, flat[m.start:m.end]) for m in find_anaphors(flat, [])]
    assert found == [("Studio", "工作室"), ("Project", "该项目"), ("Unit", "该公司"), ("Person", "她"), ("Person", "其")]
    named = [Mention("Studio", "张海峰劳模创新工作室", 0, 10)]
    assert find_anaphors("张海峰劳模创新工作室", named) == []


def test_其中_is_no_anaphor() -> None:
    # 其中/其他/其实 are words of their own; 其 alone stands for a person (the slip the
    # refactor kept, comparing two characters with one-character words, is fixed)
    flat = "其中有人。其"
    assert [flat[m.start:m.end] for m in find_anaphors(flat, [])] == ["其"]
    other = "其他人说其徒弟。"
    assert [other[m.start:m.end] for m in find_anaphors(other, [])] == ["其"]


def test_他_points_back_to_the_last_person() -> None:
    ex = extract("张建华1990年进厂。他2019年获评全国劳动模范。")
    assert ("张建华", "全国劳动模范") in facts(ex, "RECEIVED")


def test_a_unit_anaphor_takes_the_last_unit_of_its_kind() -> None:
    # 该工作室 / 该项目 / 该公司 stand for the last named one
    ex = extract("张海峰劳模创新工作室成立于2015年。该工作室设在巨石集团有限公司。")
    assert ("张海峰劳模创新工作室", "巨石集团有限公司") in facts(ex, "HOSTED_BY")
    ex = extract("2019年，“池窑节能”项目启动。该项目覆盖建林村。")
    assert ("池窑节能", "建林村") in facts(ex, "SERVES")


def test_who_says_a_quote() -> None:
    # “……”周丽萍说。 / 周丽萍说：“……”
    flat = "周丽萍说：“我的师傅教会了我很多。”“刚进医院的时候什么都不懂。”周丽萍说。"
    persons = [Mention("Person", "周丽萍", 0, 3), Mention("Person", "周丽萍", 33, 36)]
    spans = sentences(flat)
    assert speakers(flat, spans, persons) == {spans[0]: "周丽萍", spans[1]: "周丽萍"}


def test_她_keeps_to_the_texts_subject_and_its_gender() -> None:
    # the master quoted last is not whom 她 stands for once the text called its subject 她
    ex = extract("作为车间工长，孔令芳带领班组养护线路。她每天五点出门。2009年，孔令芳拜全国劳动模范范德林为师。"
                 "范德林常说：“线路上没有小事。”2016年，她被评为“四川省技术能手”。")
    assert ("孔令芳", "四川省技术能手") in facts(ex, "RECEIVED")
    # 他 after a sentence naming one person is that person
    ex = extract("罗素芬是厨师，罗素芬获奖多次。段明亮也在其列。他牵头的“川菜烹饪技艺标准化”项目已整理出两百道菜。")
    assert facts(ex, "PARTICIPATES_IN") == {("段明亮", "川菜烹饪技艺标准化")}


def test_a_bare_head_for_the_company_inside_a_team_chain_and_a_research_institute() -> None:
    # 进入公司 after only …码头有限公司桥吊队 was named: the company of that chain; 研究所所长X
    ex = extract("青川智慧码头有限公司桥吊队队长许振东是其中之一。许振东1997年进入公司，是码头上的第一批桥吊司机。")
    assert years(ex, "WORKS_AT")[("许振东", "青川智慧码头有限公司")] == 1997
    ex = extract("青川镇湖刺绣研究所是一家老所。研究所所长沈月华坐在最里面的位置。")
    assert facts(ex, "WORKS_AT") == {("沈月华", "青川镇湖刺绣研究所")}


def test_a_described_one_points_back_like_a_pronoun() -> None:
    # 这位四十八岁的陕北汉子，是…劳动模范 / 这位壮族汉子被授予…
    ex = extract("高建华是综采队队长。这位四十八岁的陕北汉子，是陕西省劳动模范，2021年又获得全国五一劳动奖章。")
    assert {("高建华", "陕西省劳动模范"), ("高建华", "全国五一劳动奖章")} <= facts(ex, "RECEIVED")
    ex = extract("农建勋是车间主任。今年4月，这位壮族汉子被授予“广西壮族自治区劳动模范”称号。")
    assert facts(ex, "RECEIVED") == {("农建勋", "广西壮族自治区劳动模范")}
