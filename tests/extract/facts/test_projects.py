"""facts/projects.py: participants, villages served, and outcomes."""
from __future__ import annotations

from tests.extract.helpers import extract, facts, years


def test_the_person_before_a_participation_verb() -> None:
    # 全国先进工作者王金良推广实施“……”项目
    ex = extract("全国先进工作者王金良推广实施“东西协作茵红李全产业链增收”项目。")
    assert facts(ex, "PARTICIPATES_IN") == {("王金良", "东西协作茵红李全产业链增收")}
    ex = extract("2019年，嘉兴市恒达机械有限公司牵头实施“智能焊接”项目。")
    assert years(ex, "PARTICIPATES_IN") == {("嘉兴市恒达机械有限公司", "智能焊接"): 2019}  # a unit when no person


def test_the_villages_a_project_covers() -> None:
    # 项目覆盖建林村、南梅村
    ex = extract("“共富工坊”项目覆盖建林村、南梅村，惠及1200户。")
    assert facts(ex, "SERVES") == {("共富工坊", "建林村"), ("共富工坊", "南梅村")}
    project = next(e for e in ex.entities if e.type == "Project")
    assert project.props["outcomes"] == ["1200户"]


def test_a_village_that_carries_out_a_project() -> None:
    assert facts(extract("建林村实施“美丽庭院”项目。"), "SERVES") == {("美丽庭院", "建林村")}


def test_a_person_serving_a_village() -> None:
    # 驻点北鹤村 / 到…村为村民义诊
    assert facts(extract("俞佳丽常年驻点北鹤村。"), "SERVES") == {("俞佳丽", "北鹤村")}
    assert facts(extract("周丽萍到姚庄镇北鹤村为村民义诊。"), "SERVES") == {("周丽萍", "北鹤村")}


def test_a_posting_is_no_service() -> None:
    ex = extract("俞佳丽到龙场镇营山村挂职第一书记，为村民办实事。")
    assert facts(ex, "SERVES") == set() and facts(ex, "ASSIGNED_TO") == {("俞佳丽", "营山村")}


def test_a_studio_or_team_takes_part_and_a_role_of_the_project() -> None:
    ex = extract("马立军劳模创新工作室成立于2014年。该工作室牵头研发“大型箱体焊接变形控制”课题。")
    assert facts(ex, "PARTICIPATES_IN") == {("马立军劳模创新工作室", "大型箱体焊接变形控制")}
    ex = extract("邱德明参与了攻关，担任“新一代贮箱搅拌摩擦焊”课题总设计师。")
    assert ("邱德明", "新一代贮箱搅拌摩擦焊") in facts(ex, "PARTICIPATES_IN")
    ex = extract("叶海波：我们的“大口径管材节能挤出”项目已经进入中试。\n")
    assert facts(ex, "PARTICIPATES_IN") == {("叶海波", "大口径管材节能挤出")}


def test_a_project_of_the_texts_village() -> None:
    # “纳灰绣娘”项目带动全村…: the village the text is about
    ex = extract("兴义市万峰林街道纳灰村党支部书记王国华发展刺绣产业，“纳灰绣娘”项目带动全村300多户增收。")
    assert ("纳灰绣娘", "纳灰村") in facts(ex, "SERVES")


def test_a_quoted_project_with_its_head_inside_the_quotes() -> None:
    # “…工程” keeps its head; “…项目” is named without it; 工程覆盖V1和相邻的V2
    ex = extract("第二年，罗志诚牵头实施“山地苹果提质增效工程”，工程覆盖柳树村和相邻的桃花村，改造老果园1200亩。")
    assert facts(ex, "SERVES") == {("山地苹果提质增效工程", "柳树村"), ("山地苹果提质增效工程", "桃花村")}
    assert facts(ex, "PARTICIPATES_IN") == {("罗志诚", "山地苹果提质增效工程")}
    ex = extract("2021年，罗志诚牵头实施“肉羊良种繁育项目”，覆盖柳树村和桃花村。")
    assert facts(ex, "SERVES") == {("肉羊良种繁育", "柳树村"), ("肉羊良种繁育", "桃花村")}


def test_villages_that_carry_out_a_project_together_and_its_leader_after_it() -> None:
    # V1联合邻近的V2，启动实施“…项目”，由P牵头
    ex = extract("2020年，柳树村联合邻近的桃花村，启动实施“苹果矮化密植示范园建设项目”，由罗志诚牵头，两村共改造老果园1600亩。")
    assert facts(ex, "SERVES") == {("苹果矮化密植示范园建设", "柳树村"), ("苹果矮化密植示范园建设", "桃花村")}
    assert years(ex, "PARTICIPATES_IN") == {("罗志诚", "苹果矮化密植示范园建设"): 2020}


def test_the_village_a_project_is_carried_out_in() -> None:
    # “…工程”，在V改造…
    ex = extract("合作社参与实施的“生态茶园改造工程”，在柳树村改造老茶园860亩。")
    assert facts(ex, "SERVES") == {("生态茶园改造工程", "柳树村")}


def test_a_named_work_with_工程_and_a_standard_in_book_title_marks() -> None:
    # 承担了青川地铁18号线二期工程的…任务 (工程 names the work); 牵头编制了《…规范》企业标准
    ex = extract("近两年，罗志诚创新工作室承担了青川地铁18号线二期工程的车辆调试任务。")
    assert facts(ex, "PARTICIPATES_IN") == {("罗志诚创新工作室", "青川地铁18号线二期工程")}
    ex = extract("罗志诚创新工作室还牵头编制了《地铁车辆牵引系统检修规范》企业标准。")
    assert facts(ex, "PARTICIPATES_IN") == {("罗志诚创新工作室", "地铁车辆牵引系统检修规范")}


def test_the_studio_or_team_nearest_the_verb_acts() -> None:
    # 我们“X工作室”正在承担“…”课题; 她带领的测量队负责湘江四桥 (a named bridge)
    ex = extract("罗志诚：我们“罗志诚技能大师工作室”正在承担“大型矿用挖掘机智能装配”课题。")
    assert facts(ex, "PARTICIPATES_IN") == {("罗志诚技能大师工作室", "大型矿用挖掘机智能装配")}
    ex = extract("二公司测量队队长欧阳晴是集团第一位女测量队长，她带领的测量队负责湘江四桥的全部施工测量。")
    assert facts(ex, "PARTICIPATES_IN") == {("二公司测量队", "湘江四桥")}


def test_working_in_a_named_work() -> None:
    # P在X改扩建工程中…; 参与了大丰H8海上风电场的建设
    ex = extract("钢筋班班长谭建军在青川高铁站改扩建工程中带领班组创下纪录。")
    assert facts(ex, "PARTICIPATES_IN") == {("谭建军", "青川高铁站改扩建工程")}
    ex = extract("顾海峰2011年进入公司，参与了大丰H8海上风电场的建设。")
    assert facts(ex, "PARTICIPATES_IN") == {("顾海峰", "大丰H8海上风电场")}


def test_villages_listed_after_a_serving_verb() -> None:
    # 覆盖A嘎查和B嘎查; “…”项目，在A村、B村推广
    ex = extract("2021年，合作社牵头实施“肉羊良种繁育项目”，覆盖巴音乌拉嘎查和宝力根嘎查。")
    assert facts(ex, "SERVES") == {("肉羊良种繁育", "巴音乌拉嘎查"), ("肉羊良种繁育", "宝力根嘎查")}
    ex = extract("近三年，他牵头实施了“酿酒葡萄节水滴灌”项目，在昊苑村、园林村推广节水滴灌5000余亩。")
    assert facts(ex, "SERVES") == {("酿酒葡萄节水滴灌", "昊苑村"), ("酿酒葡萄节水滴灌", "园林村")}


def test_a_team_led_into_the_work_takes_part() -> None:
    # P带领U参与了X工程: the team is the agent
    ex = extract("王玉成带领青川武当文化旅游发展有限公司古建维修队参与了武当山南岩宫修缮工程。")
    assert facts(ex, "PARTICIPATES_IN") == {("青川武当文化旅游发展有限公司古建维修队", "武当山南岩宫修缮工程")}


def test_a_dropped_subject_takes_part() -> None:
    # 罗志诚是…焊工。2018年，牵头实施了“…”项目。
    ex = extract("罗志诚是青川重型锻压有限公司的焊工。2018年，牵头实施了“大型锻件探伤”项目。")
    assert years(ex, "PARTICIPATES_IN") == {("罗志诚", "大型锻件探伤"): 2018}


def test_a_person_joined_with_another_and_their_role_acts_with_them() -> None:
    # 他和村党总支书记P一起牵头建设“X”项目: both take part
    from tests.extract.helpers import extract, facts
    ex = extract("覃振东是第一书记。同年，他和村党总支书记韦春花一起牵头建设“弄塘村肉牛养殖”项目。")
    assert facts(ex, "PARTICIPATES_IN") == {("覃振东", "弄塘村肉牛养殖"), ("韦春花", "弄塘村肉牛养殖")}


def test_a_studio_named_after_a_person_acts_not_the_person_in_its_modifier() -> None:
    # 以他名字命名的“S”研制的“X”: the studio
    from tests.extract.helpers import extract, facts
    ex = extract("牛建国是班长。以他名字命名的“牛建国创新工作室”研制的“多功能带电作业机器人”已推广。")
    assert facts(ex, "PARTICIPATES_IN") == {("牛建国创新工作室", "多功能带电作业机器人")}


def test_villages_after_their_places_where_a_project_is_carried_out() -> None:
    # “…”计划，在台江县施洞镇偏寨村、方寨村设立绣坊: the places before the villages are skipped
    ex = extract("这几年，合作社实施“绣娘回家”计划，在台江县施洞镇偏寨村、方寨村设立绣坊。")
    assert {("绣娘回家计划", "偏寨村"), ("绣娘回家计划", "方寨村")} <= facts(ex, "SERVES")


def test_the_project_role_taken_in_the_next_clause() -> None:
    ex = extract("2020年起，研究所承担了国家重点研发计划“第三代半导体封装关键材料”专项，宋婉清任项目负责人。")
    assert ("宋婉清", "第三代半导体封装关键材料") in facts(ex, "PARTICIPATES_IN")


def test_a_cadre_assigned_to_keep_contact_with_a_village_serves_it() -> None:
    ex = extract("前年春天，镇党委安排刘兆祥包村联系刘圩村。")
    assert facts(ex, "SERVES") == {("刘兆祥", "刘圩村")}


def test_villages_listed_after_their_towns_are_each_served() -> None:
    ex = extract("刘振国还每月到康保镇红旗村、张纪镇柳树村义诊。")
    assert facts(ex, "SERVES") == {("刘振国", "红旗村"), ("刘振国", "柳树村")}
