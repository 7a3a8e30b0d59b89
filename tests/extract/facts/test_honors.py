"""facts/honors.py: RECEIVED from a clause's verb, copula or list."""
from __future__ import annotations

from graph.extract import extract_article
from tests.extract.helpers import extract, facts, names, years


def test_the_subject_before_a_receiving_verb_with_its_year() -> None:
    # 张建华2019年获评全国劳动模范
    assert years(extract("张建华2019年获评全国劳动模范。"), "RECEIVED") == {("张建华", "全国劳动模范"): 2019}
    assert years(extract("陆建平2009年获得全国技术能手称号。"), "RECEIVED") == {("陆建平", "全国技术能手"): 2009}


def test_the_clause_subject_carries_over() -> None:
    ex = extract("张建华扎根一线三十年，2019年被评为全国劳动模范。")
    assert years(ex, "RECEIVED") == {("张建华", "全国劳动模范"): 2019}


def test_the_recipient_after_授予() -> None:
    # 授予其/授予张三……
    assert facts(extract("市总工会授予张建华“嘉兴工匠”称号。"), "RECEIVED") == {("张建华", "嘉兴工匠")}


def test_a_copula() -> None:
    # 他是全国劳动模范
    assert years(extract("张建华是全国劳动模范。"), "RECEIVED") == {("张建华", "全国劳动模范"): None}


def test_the_recipients_listed_after_the_honor() -> None:
    # 获评全国劳动模范的有张三、李四
    ex = extract("获评全国劳动模范的有张建华、李晓红等。")
    assert facts(ex, "RECEIVED") == {("张建华", "全国劳动模范"), ("李晓红", "全国劳动模范")}


def test_其中_names_some_of_the_counted() -> None:
    ex = extract("2023年，嘉兴市有120人获评嘉兴市劳动模范。其中，南湖区有王建国、刘晓梅。")
    assert years(ex, "RECEIVED") == {("王建国", "嘉兴市劳动模范"): 2023, ("刘晓梅", "嘉兴市劳动模范"): 2023}


def test_a_counted_award_is_not_a_persons_honor() -> None:
    assert facts(extract("张建华说，今年120人获评嘉兴市劳动模范。"), "RECEIVED") == set()


def test_a_mention_without_verb_or_copula_gives_nothing() -> None:
    assert facts(extract("张建华学习全国劳动模范的事迹。"), "RECEIVED") == set()


def test_a_passive_agent_is_no_recipient() -> None:
    # 该工作室被江苏省总工会命名为…: the studio receives, not the union
    ex = extract("马立军劳模创新工作室成立于2014年。2022年，该工作室被江苏省总工会命名为江苏省示范性劳模和工匠人才创新工作室。")
    assert facts(ex, "RECEIVED") == {("马立军劳模创新工作室", "江苏省示范性劳模和工匠人才创新工作室")}


def test_the_giver_of_授予_receives_nothing() -> None:
    ex = extract("浙江省人民政府作出表彰决定，授予全省300个集体“浙江省先进集体”称号。")
    assert facts(ex, "RECEIVED") == set()


def test_a_villages_honor_goes_to_its_committee() -> None:
    ex = extract("去年12月，茶山村被评为全国文明村。")
    assert facts(ex, "RECEIVED") == {("茶山村村民委员会", "全国文明村")}
    assert ("茶山村村民委员会", "茶山村") in facts(ex, "LOCATED_IN")


def test_years_in_chinese_numerals_a_run_of_years_and_the_publication_date() -> None:
    from graph.extract import extract_article

    assert years(extract("他二〇〇三年拿下全国技术能手称号。孙德胜是焊工。"), "RECEIVED") == {}  # no name before
    assert years(extract("孙德胜二〇〇三年拿下全国技术能手称号。"), "RECEIVED") == {("孙德胜", "全国技术能手"): 2003}
    assert years(extract("邱德明2005年、2015年、2025年三次获评全国劳动模范。"), "RECEIVED") == {("邱德明", "全国劳动模范"): 2005}
    ex = extract_article("去年，褚卫东被评为“沂蒙工匠”。", date="2024-04-30")
    assert years(ex, "RECEIVED") == {("褚卫东", "沂蒙工匠"): 2023}
    ex = extract_article("罗婷则师从周光明学习精密装配，去年获评“绵阳工匠”。", date="2023-11-02")
    assert years(ex, "RECEIVED") == {("罗婷", "绵阳工匠"): 2022}
    # 曾获 is a status title: no year from the date
    ex = extract_article("今年，李冬梅曾获“全国优秀农民工”等荣誉。", date="2024-09-26")
    assert years(ex, "RECEIVED") == {("李冬梅", "全国优秀农民工"): None}


def test_a_copula_with_a_year() -> None:
    assert years(extract("朱振华是2021年深圳市五一劳动奖章获得者。"), "RECEIVED") == {("朱振华", "深圳市五一劳动奖章"): 2021}


def test_a_reporter_receives_nothing() -> None:
    ex = extract("中新网佛山1月10日电（梁嘉欣）1月9日，10人获评2023年“南粤工匠”。")
    assert facts(ex, "RECEIVED") == set()


def test_every_name_of_a_joined_subject_receives() -> None:
    ex = extract("罗志诚劳模创新工作室现有成员14人，骨干宋一帆、刘佳去年获评“青川工匠”。")
    assert {("宋一帆", "青川工匠"), ("刘佳", "青川工匠")} <= facts(ex, "RECEIVED")


def test_命名_X_为_a_title_goes_to_X() -> None:
    ex = extract("日前，西岭省总工会命名青川重型锻压有限公司“罗志诚劳模创新工作室”为省级劳模创新工作室。")
    assert facts(ex, "RECEIVED") == {("罗志诚劳模创新工作室", "西岭省劳模创新工作室")}
    assert ("罗志诚劳模创新工作室", "青川重型锻压有限公司") in facts(ex, "HOSTED_BY")


def test_a_title_after_an_award_verb_whose_place_is_unknown() -> None:
    # 获评青川工匠 (青川 in no gazetteer): words and a strong title head after the verb
    assert facts(extract("罗志诚和潘慧敏2024年获评青川工匠。"), "RECEIVED") == {("罗志诚", "青川工匠"), ("潘慧敏", "青川工匠")}
    assert facts(extract("她获得了一等奖。"), "RECEIVED") == set()  # a placing, no title


def test_a_group_named_after_the_awards_of_two_kinds() -> None:
    # …授予45名同志“H1”称号，授予12个集体“H2”称号。A、B、C等45人受到表彰。获得先进集体的有：U1、U2。
    ex = extract("大会授予45名同志“黔西南州劳动模范”称号，授予12个集体“黔西南州先进集体”称号。"
                 "贞丰县人民医院外科主任医师李敏、安龙县海子镇中心小学教师张琳等45人受到表彰。"
                 "获得先进集体的有：兴义市公安局交通警察大队、望谟县人民政府等。")
    got = facts(ex, "RECEIVED")
    assert {("李敏", "黔西南州劳动模范"), ("张琳", "黔西南州劳动模范")} <= got
    assert {("兴义市公安局交通警察大队", "黔西南州先进集体"), ("望谟县人民政府", "黔西南州先进集体")} <= got
    assert not any(h == "黔西南州先进集体" and s in ("李敏", "张琳") for s, h in got)


def test_a_passive_award_and_the_year_of_its_own_clause() -> None:
    # X被授予H称号 (the one before 被 receives it); 2020年，…；2022年，他又获评H2 → 2022
    ex = extract("2020年，罗志诚被授予全国劳动模范称号；2022年，他又获评“青川工匠”。")
    assert years(ex, "RECEIVED") == {("罗志诚", "全国劳动模范"): 2020, ("罗志诚", "青川工匠"): 2022}
    ex = extract("今年4月，柳树村党支部书记宋一帆被授予“全国劳动模范”称号。")
    assert facts(ex, "RECEIVED") == {("宋一帆", "全国劳动模范")}


def test_named_on_the_list_the_same_sentence_announces() -> None:
    # 公布2025年H获得者名单，我院心血管内科主任X榜上有名: X receives H, with the list's year
    ex = extract_article("近日，西岭省总工会公布2025年西岭省五一劳动奖章获得者名单，我院心血管内科主任罗志诚榜上有名。",
                         date="2025-05-01", publisher="青川市中心医院")
    assert years(ex, "RECEIVED") == {("罗志诚", "西岭省五一劳动奖章"): 2025}


def test_named_among_the_recipients_just_announced() -> None:
    # …N名高技能人才获评“H”，另有40人入选“H2”培育工程 (a selection, not the award). (new paragraph) “H”评选…。今年获评的15人中，有U role A、U role B…
    text = ("9月21日，2023年度“青川工匠”发布仪式举行，我市15名高技能人才获评“青川工匠”，另有40人入选“西岭工匠”培育工程。\n\n"
            "“青川工匠”评选由市总工会开展，今年已是第六届。今年获评的15人中，有青川重型锻压有限公司锻造车间主任罗志诚、青川市中心医院护士长宋一帆等。")
    ex = extract_article(text, date="2023-09-22")
    assert years(ex, "RECEIVED") == {("罗志诚", "青川工匠"): 2023, ("宋一帆", "青川工匠"): 2023}


def test_more_ways_to_come_to_a_title() -> None:
    # 后来成了H; 评上了“H”; a clause that is only a noun phrase ending with a studio is the topic
    assert facts(extract("1978年，19岁的常德福进队当钻工，后来成了西岭省劳动模范。"), "RECEIVED") == {("常德福", "西岭省劳动模范")}
    assert facts(extract("刘冬梅去年评上了“青川工匠”。"), "RECEIVED") == {("刘冬梅", "青川工匠")}
    ex = extract("设在镜片研发部的曹文斌技能大师工作室，2023年被评为青川市技能大师工作室。")
    assert years(ex, "RECEIVED") == {("曹文斌技能大师工作室", "青川市技能大师工作室"): 2023}


def test_every_item_of_a_list_before_the_verb() -> None:
    # U1 role A、U2 role B获得H; a count of teams is no section (总工会命名10个班组); 在V，村党支部书记P
    ex = extract("青川重型锻压有限公司高级技师罗志诚、青川市中心医院护士长潘慧敏获得2024年青川市五一劳动奖章。")
    assert facts(ex, "RECEIVED") == {("罗志诚", "青川市五一劳动奖章"), ("潘慧敏", "青川市五一劳动奖章")}
    ex = extract("近日，青川市总工会命名10个班组为“青川市工人先锋号”。")
    assert names(ex, "Unit") == {"青川市总工会"}
    ex = extract("在柳树村，村党支部书记赵刚介绍了村里的变化。赵刚说，村里变了。")
    assert facts(ex, "SERVES") == {("赵刚", "柳树村")}


def test_a_studio_title_is_no_persons() -> None:
    # 罗志诚领衔的创新工作室被命名为省级劳模创新工作室: a generic studio, and no RECEIVED for the person
    ex = extract("罗志诚领衔的创新工作室被命名为省级劳模创新工作室。罗志诚说。")
    assert facts(ex, "RECEIVED") == set()


def test_a_sentence_that_opens_with_its_verb_goes_on_about_the_last_person() -> None:
    # 罗志诚是…焊工。2019年获评全国劳动模范。 / …。1990年进入U工作。 (a dropped subject)
    ex = extract("罗志诚是青川重型锻压有限公司的焊工。2019年获评全国劳动模范。")
    assert years(ex, "RECEIVED") == {("罗志诚", "全国劳动模范"): 2019}
    ex = extract("罗志诚出生于1970年。1990年进入青川重型锻压有限公司工作。")
    assert facts(ex, "WORKS_AT") == {("罗志诚", "青川重型锻压有限公司")}
    ex = extract("罗志诚是青川重型锻压有限公司的焊工。2019年获评全国工人先锋号。")
    assert ("罗志诚", "全国工人先锋号") not in facts(ex, "RECEIVED")


def test_passive_with_the_giver_between() -> None:
    # P被中华全国总工会授予H: the one before 被 receives it
    ex = extract("2023年，罗志诚被中华全国总工会授予全国五一劳动奖章。罗志诚说。")
    assert years(ex, "RECEIVED") == {("罗志诚", "全国五一劳动奖章"): 2023}


def test_a_collective_title_is_no_persons() -> None:
    # 他所在的锻造车间被评为…工人先锋号: not RECEIVED by him
    ex = extract("罗志诚说。他所在的锻造车间被评为青川市工人先锋号。")
    assert ("罗志诚", "青川市工人先锋号") not in facts(ex, "RECEIVED")


def test_titles_listed_after_a_copula_each_with_its_year() -> None:
    # P是2019年全国劳动模范、2021年全国五一劳动奖章获得者
    ex = extract("罗志诚是2019年全国劳动模范、2021年全国五一劳动奖章获得者。罗志诚说。")
    assert years(ex, "RECEIVED") == {("罗志诚", "全国劳动模范"): 2019, ("罗志诚", "全国五一劳动奖章"): 2021}


def test_a_title_after_a_comma_with_its_holder_word() -> None:
    # P，H获得者: apposition after the name
    from tests.extract.helpers import extract, facts
    assert facts(extract("我的老师是桥吊司机戚振华，全国五一劳动奖章获得者。"), "RECEIVED") == {("戚振华", "全国五一劳动奖章")}


def test_also_a_title_with_its_edition() -> None:
    # P是…，也是第四届「H」
    from tests.extract.helpers import extract, facts
    ex = extract("熊国强是武汉鹦鹉洲重工有限公司的高级技师，也是第四届「荆楚工匠」。")
    assert ("熊国强", "荆楚工匠") in facts(ex, "RECEIVED")


def test_gai_tongzhi_is_the_person_the_deeds_are_about() -> None:
    # 该同志 in official prose: the most-named person, not the last one quoted
    from tests.extract.helpers import extract, years
    ex = extract("梁振华是中队长。梁振华常说要为群众办事。徒弟林浩宇说，师傅很严。该同志2022年获得广东省五一劳动奖章。")
    assert years(ex, "RECEIVED") == {("梁振华", "广东省五一劳动奖章"): 2022}


def test_a_village_carried_to_the_next_clause_receives_for_its_committee() -> None:
    ex = extract("梅湾村于2017年被评为“全国文明村”，2020年又被评为“四川省乡村振兴示范村”。")
    assert years(ex, "RECEIVED") == {("梅湾村村民委员会", "全国文明村"): 2017,
                                     ("梅湾村村民委员会", "四川省乡村振兴示范村"): 2020}


def test_得了_a_title_is_receiving_it() -> None:
    ex = extract("谢雅琴前年还得了“泉州市技术能手”。")
    assert facts(ex, "RECEIVED") == {("谢雅琴", "泉州市技术能手")}


def test_recipients_named_among_a_group_of_the_award() -> None:
    # 授予赵长青等30名职工“宝鸡工匠”称号。在受表彰的工匠中，既有…A、B，也有…C
    text = ("日前，宝鸡市总工会授予赵长青等30名职工“宝鸡工匠”称号。"
            "在受表彰的工匠中，既有从业四十年的老钳工赵长青、李满仓，也有“95后”数控操作工蒲晓艺。")
    assert {("李满仓", "宝鸡工匠"), ("蒲晓艺", "宝鸡工匠")} <= facts(extract(text), "RECEIVED")
