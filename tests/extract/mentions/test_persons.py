"""mentions/persons.py: the tagger's names, repaired and judged."""
from __future__ import annotations

from graph.extract import extract_article
from graph.extract.mentions.persons import person_ok
from tests.extract.helpers import extract, facts, mentions, names


def test_the_shape_of_a_name() -> None:
    assert person_ok("张继东") and person_ok("郑凯") and person_ok("欧阳明月") and person_ok("艾力·买买提")
    assert not person_ok("学生庞珍妮")  # too long
    assert not person_ok("欧阳")  # a compound surname alone
    assert not person_ok("记者")  # no surname
    assert not person_ok("张3")


def test_a_surname_the_tagger_gave_to_the_word_before() -> None:
    # 有许|文斌 → 许文斌
    assert ("Person", "许文斌") in mentions("村里有许文斌等人。", {"有许": "v", "文斌": "PER"})


def test_a_transliterated_name_cut_at_the_dot() -> None:
    # 艾力·|买买提 → 艾力·买买提
    assert ("Person", "艾力·买买提") in mentions("艾力·买买提获奖。", {"艾力·": "PER", "买买提": "nz"})


def test_an_honor_the_tagger_glued_to_a_name() -> None:
    # 劳动模范俞佳丽 tagged 范俞佳丽 → 俞佳丽
    assert mentions("嘉兴市劳动模范俞佳丽发言。", {"范俞佳丽": "PER"}) == [
        ("Honor", "嘉兴市劳动模范"), ("Person", "俞佳丽")]


def test_a_surname_and_a_form_of_address_names_nobody() -> None:
    # 杨师傅, 王老师: kept only to anchor 他/她, never an entity
    ex = extract("杨师傅今年60岁了，他的徒弟李强如今也成了一名高级技师。")
    assert names(ex, "Person") == {"李强"}


def test_names_inside_a_short_quote_are_not_people() -> None:
    assert names(extract("开展“朵朵鲜花送劳模”活动，“秀工惠·红五月”劳模工匠论坛举行。"), "Person") == set()


def test_bylines_and_book_titles_add_names() -> None:
    # （记者 陈晨 通讯员 蔡晓雯）
    assert {"陈晨", "蔡晓雯"} <= names(extract("（记者 陈晨 通讯员 蔡晓雯）全国劳模张继东发言。"), "Person")
    # 《王芳：…》
    assert ("Person", "王芳") in mentions("《王芳：一位护士的坚守》出版。", {})


def test_a_two_character_name_needs_a_sign() -> None:
    known = {"郑凯": "PER"}
    assert mentions("郑凯看到了。", known) == []  # seen once, nothing around it
    assert mentions("高级技师郑凯发言。", known) == [("Person", "郑凯")]  # a role before
    assert mentions("省劳模郑凯发言。", known) == [("Honor", "浙江省劳动模范"), ("Person", "郑凯")]  # an honor before
    assert mentions("郑凯说，要干好。", known) == [("Person", "郑凯")]  # speech after
    assert mentions("郑凯（女）发言。", known) == [("Person", "郑凯")]  # a parenthesis after
    assert mentions("郑凯等人发言。", known) == [("Person", "郑凯")]
    assert mentions("郑凯看到了。郑凯笑了。", known) == [("Person", "郑凯"), ("Person", "郑凯")]  # seen twice
    assert ("Person", "郑凯") in mentions("成员有李婷婷、郑凯。", {"李婷婷": "PER", "郑凯": "PER"})  # a list of names
    assert mentions("责任编辑：郑凯", known) == [("Person", "郑凯")]  # the end of the text


def test_names_the_tagger_missed_found_by_their_shape() -> None:
    from tests.extract.helpers import extract, names

    # after a role word: 理事长向春花 (the tagger read 向 as a preposition), 徒弟严冬，…
    assert "向春花" in names(extract("来凤县凤竹藤茶专业合作社理事长向春花光荣上榜。向春花回到凤竹村。"), "Person")
    assert names(extract("号召全体职工向劳模学习。"), "Person") == set()
    assert "严冬" in names(extract("罗素芬的徒弟严冬，是成都锦城宾馆的中餐主厨。"), "Person")
    assert "甘小梅" in names(extract("青年女工甘小梅拜熊德才为师。"), "Person")
    # not a word after a role: 徒弟应该…
    assert names(extract("他的徒弟应该会来。"), "Person") == set()


def test_every_item_of_a_list_of_names() -> None:
    from tests.extract.helpers import extract, names

    assert {"黄海", "梁小宁"} <= names(extract("他带出了两名徒弟——黄海和梁小宁。"), "Person")
    # a unit header and its names, padded two-character names included
    assert {"陆佳", "徐静", "孙悦"} <= names(extract("一、优秀护士\n市第一人民医院：陆佳、徐 静\n滨海县人民医院：孙悦\n"), "Person")
    assert "王琦" in names(extract("名单如下：\n王 琦　潍坊鸿泰动力机械有限公司装配车间钳工\n"), "Person")


def test_transliterated_names_and_cut_names() -> None:
    from tests.extract.helpers import extract, names

    assert "买买提·艾力" in names(extract("他与皮山县人民医院骨科医生买买提·艾力结成师徒。"), "Person")
    assert "热依拉·买买提" in names(extract("闫振华、热依拉·买买提和付国强讲述了故事。"), "Person")
    assert names(extract("《红心·匠艺的追梦人》出版。"), "Person") == set()  # a book title
    # 熊德|才: the tagger's cut is undone where the whole name is written again
    ex = extract("该厂七级车工熊德才收了3名徒弟。熊德才今年五十四岁。")
    assert names(ex, "Person") == {"熊德才"}


def test_bylines_and_credits() -> None:
    from tests.extract.helpers import extract, names

    assert {"龙泽宇", "田甜"} <= names(extract("（记者 龙泽宇 通讯员 田甜）"), "Person")
    assert "宋帆" in names(extract("本刊记者 宋 帆/文"), "Person")
    assert {"白晓丹", "刘佳"} <= names(extract("工作室入选。\n（责编：白晓丹、刘佳）"), "Person")
    assert "许安" in names(extract("见面会现场。本报记者 许安 摄"), "Person")
    assert "郝佳" in names(extract("会后交流。（集团工会 郝佳）"), "Person")


def test_a_name_only_inside_a_teams_name_is_no_person() -> None:
    from tests.extract.helpers import extract, names

    assert "杜海峰" not in names(extract("5. 杜海峰班组\n辽宁华拓精密轴承有限公司\n"), "Person")


def test_names_made_of_given_name_elements() -> None:
    # Tibetan, Mongolian, Yi and Uyghur names have no Chinese surname: runs of two or three
    # elements of graph/data/name_parts.txt are names wherever they stand
    ex = extract("2022年，罗志诚与县医院医生扎西顿珠、白玛拉姆签订师徒协议。")
    assert {"扎西顿珠", "白玛拉姆"} <= names(ex, "Person")
    assert facts(ex, "MENTORS") == {("罗志诚", "扎西顿珠"), ("罗志诚", "白玛拉姆")}
    ex = extract("青川稀土有限公司二车间主任巴特尔孟和是获奖职工之一。合作社理事长苏和巴图说，今年要扩大规模。")
    assert {"巴特尔孟和", "苏和巴图"} <= names(ex, "Person")
    assert "海来阿牛" in names(extract("医院为他和本院医生海来阿牛举行了拜师仪式。"), "Person")
    # one element alone only where the text marks a person (a byline); a place is not a name
    assert "达瓦" in names(extract("（记者 达瓦 通讯员 宋一帆）昨日，青川市表彰劳动模范。"), "Person")
    assert names(extract("扎西顿珠村今年被评为文明村。"), "Person") == set()


def test_an_ethnic_group_or_grade_before_a_transliterated_name() -> None:
    # 维吾尔族技术员艾力·吐尔逊: neither the group nor the grade is part of the name;
    # 热合曼·阿不都说: a last element the tagger cut short is kept whole
    assert "艾力·吐尔逊" in names(extract("经他培养的维吾尔族技术员艾力·吐尔逊已能独立完成绘图。"), "Person")
    assert "热合曼·阿不都" in names(extract("村党支部书记热合曼·阿不都说：“他是我们的亲人。”"), "Person")


def test_a_name_after_an_honor_or_an_occupation() -> None:
    # 湖南省劳动模范曾宪章为师 (the tagger's miss), 果农王小川, 船长向东海 (东海 is no county here)
    ex = extract("1991年，陆建平进入公司当学徒，拜老焊工、西岭省劳动模范曾宪章为师。")
    assert "曾宪章" in names(ex, "Person") and facts(ex, "MENTORS") == {("曾宪章", "陆建平")}
    assert "王小川" in names(extract("他的徒弟、果农王小川，如今也成了远近闻名的苹果医生。"), "Person")
    ex = extract("船长向东海被船员们称作长江活地图。向东海是西岭省劳动模范。")
    assert "向东海" in names(ex, "Person") and "东海县" not in names(ex, "Region")


def test_padded_names_in_bylines_and_what_follows_them() -> None:
    # 记者 莫 凡 梁 韵 (two padded names), （本报记者 谢 婷 整理）, 本报记者 段晓岚 文/图, [编辑: 邱 岚]
    ex = extract_article("青川日报记者 莫 凡 梁 韵\n罗志诚是工匠。", publisher="青川日报")
    assert {("莫凡", "青川日报"), ("梁韵", "青川日报")} <= facts(ex, "WORKS_AT")
    ex = extract_article("罗志诚是工匠。\n（本报记者 谢 婷 整理）\n[编辑: 邱 岚]", publisher="青川日报")
    assert {("谢婷", "青川日报"), ("邱岚", "青川日报")} <= facts(ex, "WORKS_AT")
    ex = extract_article("本报记者 段晓岚 文/图\n罗志诚是工匠。", publisher="青川日报")
    assert ("段晓岚", "青川日报") in facts(ex, "WORKS_AT")


def test_list_items_with_家_inside_or_an_adverb_after() -> None:
    # 徒弟普家兴、李苗苗 (家 inside a given name), 骨干徐志鹏、柳 清都是80后 (the list ends on 都)
    assert {"普家兴", "李苗苗"} <= names(extract("他的徒弟普家兴、李苗苗（女）都是工作室的第一批学员。"), "Person")
    assert {"徐志鹏", "柳清"} <= names(extract("工作室骨干徐志鹏、柳 清都是80后。"), "Person")


def test_a_transliterated_name_after_a_role_longer_than_the_run() -> None:
    # 理事长艾合江·吐尔洪: the role starts before the six characters ahead of the dot; 其中 is no part of a name
    ex = extract("合作社理事长艾合江·吐尔洪讲话。他带出了徒弟，其中买买提·艾山去年获评“某某地区技术能手”。")
    assert {"艾合江·吐尔洪", "买买提·艾山"} <= names(ex, "Person")
    assert not any(n.startswith(("事长", "其中")) for n in names(ex, "Person"))


def test_a_transliterated_name_the_tagger_cut_before_its_last_syllables() -> None:
    # 吐尔|地|钻进: 地 never follows a name; 阿布|都热依木|等: no function word is four characters long
    ex = extract("理事长艾山·吐尔地钻进机器底下。他带出了买买提·艾力、古丽娜·阿布都热依木等12名徒弟。")
    assert {"艾山·吐尔地", "古丽娜·阿布都热依木"} <= names(ex, "Person")


def test_a_yi_name_of_a_clan_and_a_given_name_no_list_holds() -> None:
    # 沙马拉吉 in a byline, 阿苏日者 twice as a subject: clan (沙马, 阿苏) + two characters
    ex = extract("本报记者 沙马拉吉 文/图\n2019年，邻村姑娘阿苏日者到卫生室跟吉克阿呷学医。"
                 "三年后，阿苏日者考取了乡村医生执业资格。阿呷今年52岁。")
    people = names(ex, "Person")
    assert {"沙马拉吉", "阿苏日者", "吉克阿呷"} <= people
    assert "阿苏" not in people and "阿呷今年" not in people
    assert ("吉克阿呷", "阿苏日者") in facts(ex, "MENTORS")


def test_every_name_of_a_byline_run() -> None:
    # 本报记者 A B (a padded second name), 记者 A 摄影 B, 记者 关 宇 文/图, 某报记者 A B: each one
    # is a reporter of the outlet before the role; a tagger's short cut (黄佳|文) gives way
    ex = extract_article("标题\n本报记者 祁玉梅 韩 旭\n正文。", publisher="青川日报")
    assert facts(ex, "WORKS_AT") == {("祁玉梅", "青川日报"), ("韩旭", "青川日报")}
    ex = extract_article("标题\n本報記者 穆 青 攝影 高 峯\n正文。", publisher="青川日报")
    assert names(ex, "Person") == {"穆青", "高峰"}
    assert names(extract_article("标题\n青川日报记者 关 宇 文/图\n正文。"), "Person") == {"关宇"}
    ex = extract_article("标题\n青川日报首席记者 黄佳文\n昨天上午，会议召开。")
    assert facts(ex, "WORKS_AT") == {("黄佳文", "青川日报")}
    ex = extract_article("青川日报记者 李 倩 刀 敏\n正文。", publisher="西岭日报")
    assert facts(ex, "WORKS_AT") == {("李倩", "青川日报"), ("刀敏", "青川日报")}
    ex = extract_article("新华社青川7月13日电（记者 阿依努尔·买买提 王 骁）走进医院。")
    assert facts(ex, "WORKS_AT") == {("阿依努尔·买买提", "新华社"), ("王骁", "新华社")}


def test_a_surname_and_an_office_names_nobody() -> None:
    # 韩校长, 缪院长, 刘队长: like 杨师傅, no Person (the annotation rules)
    ex = extract("韩立群是援青干部。多杰才旦说：“韩校长带来的不只是课。”缪院长也说，刘队长很辛苦。")
    assert not {"韩校长", "缪院长", "刘队长"} & names(ex, "Person")


def test_dai_names() -> None:
    # 岩 (men) and 玉 (women) open Dai names: 工作室成员玉香、岩温都是他带出来的徒弟
    ex = extract("岩罕是普洱茶厂的制茶师。工作室成员玉香、岩温都是岩罕带出来的徒弟。")
    assert {"岩罕", "玉香", "岩温"} <= names(ex, "Person")


def test_a_verb_glued_before_a_name() -> None:
    # the tagger reads 拜罗志诚 as one name: 拜 is the verb; 向前进 keeps its surname
    ex = extract("2019年，宋一帆拜罗志诚为师。罗志诚说，要把手艺传下去。")
    assert names(ex, "Person") == {"宋一帆", "罗志诚"}
    assert facts(ex, "MENTORS") == {("罗志诚", "宋一帆")}


def test_a_found_name_is_found_where_it_is_written_again() -> None:
    # the name is known from its first mention; 跟着X学 repeats it in a context the tagger may miss
    from tests.extract.helpers import extract, facts
    ex = extract("首席技师钱卫国说，仪表要靠耳朵听。邬晓燕2012年进入公司，就跟着钱卫国学仪表。")
    assert ("钱卫国", "邬晓燕") in facts(ex, "MENTORS")


def test_a_three_character_name_after_a_role_inside_a_mentor_frame() -> None:
    # 拜老司机X为师, 跟着老采船司机X学: the frame holds the whole name
    from tests.extract.helpers import extract, names
    assert "柯水生" in names(extract("次年，他拜老司机柯水生为师，学开桥吊。"), "Person")


def test_a_padded_name_opening_a_row_of_a_column_list() -> None:
    # 于  洋  U司机 under a list heading
    from tests.extract.helpers import extract, facts
    ex = extract("一、哈尔滨市劳动模范\n\n邵振国  哈尔滨松江重型电机有限公司大电机分厂装配工段工段长\n"
                 "于  洋  哈尔滨地铁集团有限公司运营分公司电客车司机\n")
    assert ("于洋", "哈尔滨地铁集团有限公司运营分公司") in facts(ex, "WORKS_AT")
