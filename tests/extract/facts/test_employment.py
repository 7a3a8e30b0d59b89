"""facts/employment.py: WORKS_AT from a person's verbs."""
from __future__ import annotations

from tests.extract.helpers import extract, facts, props, years


def test_joining_a_unit_with_the_year() -> None:
    # 1994年……进入江苏沙钢集团有限公司 (南京工程学院 is where he studied, not worked)
    ex = extract("1994年，刘宏伟从南京工程学院毕业后进入江苏沙钢集团有限公司。")
    assert years(ex, "WORKS_AT") == {("刘宏伟", "江苏沙钢集团有限公司"): 1994}
    assert years(extract("张建华2001年入职嘉兴市恒达机械有限公司。"), "WORKS_AT") == {
        ("张建华", "嘉兴市恒达机械有限公司"): 2001}


def test_holding_a_role_at_a_unit() -> None:
    # 现任嘉兴市第一医院急诊科护士长
    ex = extract("周丽萍现任嘉兴市第一医院急诊科护士长。")
    assert props(ex, "WORKS_AT") == {("周丽萍", "嘉兴市第一医院急诊科"): {"role": "护士长"}}


def test_working_at_a_unit() -> None:
    ex = extract("王建强在嘉兴市恒达机械有限公司工作二十年。")
    assert ("王建强", "嘉兴市恒达机械有限公司") in props(ex, "WORKS_AT")


def test_a_unit_visited_is_no_employer() -> None:
    assert props(extract("王建强在嘉兴市恒达机械有限公司参观。"), "WORKS_AT") == {}


def test_list_rows_whose_unit_the_tagger_missed() -> None:
    # name　unit role / N．name，unit role: the run before the role is the unit when it ends with a head
    text = ("2025年青川工匠名单\n田光明　青川市花溪区花果园消防救援站站长\n刘启明　青川市新站区城市管理局环卫所所长\n"
            "黄德旺，青川市国有林场房道工区护林员")
    ex = extract(text)
    assert facts(ex, "WORKS_AT") == {("田光明", "青川市花溪区花果园消防救援站"), ("刘启明", "青川市新站区城市管理局环卫所"),
                                     ("黄德旺", "青川市国有林场房道工区")}


def test_former_and_scene_and_origin() -> None:
    # 是原U挡车工; 在U的码头上，理事长P正…; …，来自U; 毕业后被分到U
    assert facts(extract("赵秀云是原青川第三棉纺织厂挡车工，1979年被评为全国劳动模范。"), "WORKS_AT") == {
        ("赵秀云", "青川第三棉纺织厂")}
    ex = extract("在青川市潭门东沙渔业专业合作社的码头上，理事长符国强正指挥社员装车。")
    assert facts(ex, "WORKS_AT") == {("符国强", "青川市潭门东沙渔业专业合作社")}
    ex = extract("在青川重工有限公司，市总工会主席王刚看望了班长李强。")
    assert ("王刚", "青川重工有限公司") not in facts(ex, "WORKS_AT")
    ex = extract("这位医生叫陆文斌，是西岭省第十一批援疆干部，来自青川市儿童医院新生儿科。")
    assert facts(ex, "WORKS_AT") == {("陆文斌", "青川市儿童医院新生儿科")}
    ex = extract("1996年，刚从技校毕业的陈国栋被分到青川集团股份有限公司闪速炉车间，拜闫宝山为师。")
    assert years(ex, "WORKS_AT") == {("陈国栋", "青川集团股份有限公司闪速炉车间"): 1996}


def test_as_a_role_of_a_unit() -> None:
    # 作为U的首席技师，P…
    ex = extract("作为青川重型锻压有限公司的首席技师，李建强带领团队攻克了“大型锻件开裂”技术难题。")
    assert facts(ex, "WORKS_AT") == {("李建强", "青川重型锻压有限公司")}


def test_the_unit_said_right_after_the_name() -> None:
    # P现为U主任; P，U高级技师。; P所在的U…
    assert facts(extract("罗志诚现为青川重型锻压有限公司锻造车间主任。罗志诚说。"), "WORKS_AT") == {
        ("罗志诚", "青川重型锻压有限公司锻造车间")}
    assert facts(extract("罗志诚，青川重型锻压有限公司高级技师。罗志诚说。"), "WORKS_AT") == {("罗志诚", "青川重型锻压有限公司")}
    ex = extract("罗志诚所在的青川重型锻压有限公司锻造车间被授予“全国工人先锋号”称号。罗志诚说。")
    assert facts(ex, "WORKS_AT") == {("罗志诚", "青川重型锻压有限公司锻造车间")}


def test_the_unit_in_a_parenthesis_the_tagger_missed() -> None:
    # P（U+section role）: the run before the role, ending with a section head, is the unit
    ex = extract("南湖区有：罗志诚（青川重锻锻造车间主任）、潘慧敏（青川市中心医院护士长）。")
    assert facts(ex, "WORKS_AT") == {("罗志诚", "青川重锻锻造车间"), ("潘慧敏", "青川市中心医院")}


def test_a_sentence_opening_inside_a_unit() -> None:
    # U的采卤船上，船长P正…: the sentence opens in U, P's bare role is there
    ex = extract("青川盐湖工业股份有限公司钾肥分公司采矿车间的采卤船上，船长马德林正和徒弟们检查采卤泵。马德林说。")
    assert facts(ex, "WORKS_AT") == {("马德林", "青川盐湖工业股份有限公司钾肥分公司采矿车间")}


def test_a_person_sent_from_a_unit_works_there() -> None:
    # P作为…，从U选派到…挂职: no year (the year dates the posting)

    ex = extract("2022年，于庆山作为援疆专业技术人才，从山东潍河种业有限公司选派到岳普湖县挂职。")
    assert years(ex, "WORKS_AT").get(("于庆山", "山东潍河种业有限公司"), 0) is None


def test_a_unit_does_not_run_into_the_role_after_it() -> None:
    # …一中队中队长, …装配工段工段长, …分拣中心班组长: the section that opens the role is the role's

    ex = extract("梁振华，男，1975年出生，中共党员，现任湛江市公安局交通警察支队霞山大队一中队中队长。")
    assert ("梁振华", "湛江市公安局交通警察支队霞山大队一中队") in facts(ex, "WORKS_AT")
    ex = extract("李国强（昆明云岭智慧物流有限公司分拣中心班组长）")
    assert facts(ex, "WORKS_AT") == {("李国强", "昆明云岭智慧物流有限公司分拣中心")}


def test_who_sets_up_a_unit_and_heads_it_works_there() -> None:
    # 他牵头成立U，任理事长 / 他创办了U，任所长至今
    ex = extract("谢宝林是种粮大户。2011年，他牵头成立郸城县麦香源种植专业合作社，任理事长。")
    assert years(ex, "WORKS_AT") == {("谢宝林", "郸城县麦香源种植专业合作社"): 2011}
    ex = extract("冼焕文是艺人。2005年，他创办了佛山市禅城区焕文陶艺研究所，任所长至今。")
    assert years(ex, "WORKS_AT") == {("冼焕文", "佛山市禅城区焕文陶艺研究所"): 2005}


def test_the_team_leader_and_a_member_of_the_same_team() -> None:
    # U机库二班获评…，班长P… / …班班长X…；他的徒弟、同班组的P…
    ex = extract("四川蓉翔航空维修工程有限公司定检车间机库二班获评四川省工人先锋号，班长欧阳明远同时获得四川省五一劳动奖章。")
    assert facts(ex, "WORKS_AT") == {("欧阳明远", "四川蓉翔航空维修工程有限公司定检车间机库二班")}
    ex = extract("冀中太行电力有限公司输电运检中心带电作业班班长牛建国获中华技能大奖；他的徒弟、同班组的靳小虎获全国技术能手称号。")
    assert ("靳小虎", "冀中太行电力有限公司输电运检中心带电作业班") in facts(ex, "WORKS_AT")


def test_a_village_office_in_apposition_after_the_name() -> None:
    # P（女，彝族），巍山县马鞍山乡青云村党总支书记。
    ex = extract("李慧芳（女，彝族），巍山县马鞍山乡青云村党总支书记。")
    assert facts(ex, "SERVES") == {("李慧芳", "青云村")}


def test_a_post_in_a_section_of_the_unit() -> None:
    # 在U担任护理部副主任: the post is in the section; one WORKS_AT to the most specific unit
    ex = extract("2019年，侯佳琪到云南省普洱市澜沧县支医一年，在县人民医院担任护理部副主任。")
    assert facts(ex, "WORKS_AT") == {("侯佳琪", "澜沧县人民医院护理部")}
    assert ("澜沧县人民医院护理部", "澜沧县人民医院") in facts(ex, "PART_OF")


def test_the_holder_of_a_role_after_的() -> None:
    ex = extract("2021年4月，时任秦岭农商银行商州支行副行长的贾文渊，被选派到桃花岭村担任驻村第一书记。")
    assert ("贾文渊", "秦岭农商银行商州支行") in facts(ex, "WORKS_AT")
