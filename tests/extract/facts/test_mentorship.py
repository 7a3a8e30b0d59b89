"""facts/mentorship.py: MENTORS from the cue words of 师徒, rule by rule."""
from __future__ import annotations

from tests.extract.helpers import extract, facts, years


def test_taking_apprentices_makes_the_master_of_the_discourse() -> None:
    # X开始带徒 … 第一个徒弟是Y
    ex = extract("1998年，沈国华开始带徒，第一个徒弟是陆建平。")
    assert years(ex, "MENTORS") == {("沈国华", "陆建平"): 1998}
    ex = extract("沈国华开始带徒。他的第一个徒弟是陆建平。")
    assert facts(ex, "MENTORS") == {("沈国华", "陆建平")}


def test_pairing_up() -> None:
    # X与Y结成师徒
    assert years(extract("2015年，陆建平与吴晓燕结成师徒。"), "MENTORS") == {("陆建平", "吴晓燕"): 2015}


def test_under_guidance() -> None:
    # 在X的指导下，Y
    assert facts(extract("在沈国华的指导下，陆建平获得全国技术能手称号。"), "MENTORS") == {("沈国华", "陆建平")}


def test_becoming_an_apprentice() -> None:
    # Y拜X为师
    assert years(extract("2003年，陆建平拜沈国华为师。"), "MENTORS") == {("沈国华", "陆建平"): 2003}


def test_an_apprentice_of_the_person_before() -> None:
    # X的徒弟Y / 其徒弟Y
    assert facts(extract("沈国华的徒弟陆建平获奖。"), "MENTORS") == {("沈国华", "陆建平")}
    text = "全國勞動模範馬建軍從業三十年來帶出徒弟二十餘人。其徒弟孫麗華於2019年獲得浙江省五一勞動獎章。"
    assert facts(extract(text), "MENTORS") == {("马建军", "孙丽华")}


def test_listed_apprentices_of_one_master() -> None:
    # P1、P2均是他的徒弟 / P是X的徒弟
    ex = extract("吴晓燕、钱立新均是陆建平的徒弟。")
    assert facts(ex, "MENTORS") == {("陆建平", "吴晓燕"), ("陆建平", "钱立新")}


def test_training_every_listed_apprentice() -> None:
    # X指导/培养/带出Y和Z
    ex = extract("沈国华先后带出了陆建平和吴晓燕。")
    assert facts(ex, "MENTORS") == {("沈国华", "陆建平"), ("沈国华", "吴晓燕")}
    assert facts(extract("沈国华带出了很多人，陆建平是其中之一。"), "MENTORS") == set()


def test_my_master_said_by_the_speaker() -> None:
    # “我的师傅是X” / “我的徒弟X” in a quote of a named speaker
    ex = extract("“刚进厂的时候什么都不懂，是我的师傅沈国华一点一点教会了我焊接的基本功。”陆建平说。")
    assert facts(ex, "MENTORS") == {("沈国华", "陆建平")}
    ex = extract("陆建平说：“这些年来我带过很多人，我的徒弟吴晓燕是其中最肯吃苦、最爱钻研的一个。”")
    assert facts(ex, "MENTORS") == {("陆建平", "吴晓燕")}


def test_the_master_named_after_师傅() -> None:
    assert facts(extract("陆建平常常想起师傅沈国华。"), "MENTORS") == {("沈国华", "陆建平")}


def test_three_generations() -> None:
    text = ("1998年，沈国华开始带徒，第一个徒弟是陆建平。在沈国华的指导下，陆建平2009年获得全国技术能手称号。"
            "陆建平先后带出了14名徒弟，其中徒弟吴晓燕2021年获评嘉兴市五一劳动奖章，徒弟钱磊2022年入选嘉兴良匠。")
    mentors = facts(extract(text), "MENTORS")
    assert {("沈国华", "陆建平"), ("陆建平", "吴晓燕"), ("陆建平", "钱磊")} <= mentors
    assert ("沈国华", "吴晓燕") not in mentors


def test_an_unnamed_master_gives_no_fact() -> None:
    # 杨师傅 names nobody
    assert facts(extract("杨师傅今年60岁了，他的徒弟李强如今也成了一名高级技师。"), "MENTORS") == set()


def test_every_apprentice_after_徒弟() -> None:
    # X带出了两名徒弟——A和B: one fact per mentee
    ex = extract("农志刚带出了两名年轻的村级电工徒弟——黄海和梁小宁。")
    assert facts(ex, "MENTORS") == {("农志刚", "黄海"), ("农志刚", "梁小宁")}


def test_studying_under_a_master_with_a_title() -> None:
    # 师从X (a title before the name), 拜老钳工X为师
    assert facts(extract("孙德胜是焊工。他师从全国劳动模范郑永昌。"), "MENTORS") == {("郑永昌", "孙德胜")}
    assert years(extract("1988年，周光明进入公司，拜老钳工范德厚为师。"), "MENTORS") == {("范德厚", "周光明"): 1988}


def test_her_master_is() -> None:
    # 她的师傅是全国劳动模范沈国良
    ex = extract("曲晓婷是桥吊司机。她的师傅是全国劳动模范沈国良。")
    assert facts(ex, "MENTORS") == {("沈国良", "曲晓婷")}
    # 我的师傅是周光明，他的师傅是范德厚: 他 is the one just named
    ex = extract("何晓军说：“我的师傅是周光明，他的师傅是范德厚。”")
    assert facts(ex, "MENTORS") == {("周光明", "何晓军"), ("范德厚", "周光明")}


def test_the_named_among_counted_apprentices() -> None:
    # X带出了徒弟三十多人，其中A、B…
    ex = extract("许文龙二十年间带出了徒弟三十多人，其中吴建辉、庄晓玲已是技术骨干。")
    assert facts(ex, "MENTORS") == {("许文龙", "吴建辉"), ("许文龙", "庄晓玲")}


def test_a_pairing_agreement() -> None:
    # B与A签订师徒协议: B the master
    ex = extract("揭牌仪式上，韩立国与齐梦瑶等三名学生签订了师徒协议。")
    assert facts(ex, "MENTORS") == {("韩立国", "齐梦瑶")}


def test_an_interview_answer_speaks_for_its_speaker() -> None:
    ex = extract("记者：您带徒弟有什么诀窍？\n叶海波：让他们多上机。徒弟应丽娜第三年就拿了全市第一名。\n"
                 "叶海波：我的师傅林国平是台州市劳动模范。\n")
    assert facts(ex, "MENTORS") == {("叶海波", "应丽娜"), ("林国平", "叶海波")}


def test_becoming_the_apprentice_of_a_described_master() -> None:
    # 拜<description with 、>X为师: the name right before 为师, whatever describes it
    ex = extract("陆建平是车间班长。2011年，他拜老班长、全国劳动模范沈国华为师。")
    assert years(ex, "MENTORS") == {("沈国华", "陆建平"): 2011}
    # 拜他为师: 他 is the master named before, not the apprentice of the same sentence
    ex = extract("沈国华是省劳动模范。2016年，大学毕业的陆建平来到车间，拜他为师。")
    assert years(ex, "MENTORS") == {("沈国华", "陆建平"): 2016}


def test_learning_from_a_described_master() -> None:
    # 师从<description>X, with the year of the sentence
    ex = extract("陆建平1985年进厂当学徒，师从老艺人、原车间主任沈国华。")
    assert years(ex, "MENTORS") == {("沈国华", "陆建平"): 1985}


def test_apprentices_brought_up_by_a_master() -> None:
    # X带的徒弟A、B / X和他带的徒弟A、B: every apprentice of the list
    ex = extract("沈国华带的徒弟陆建平、吴晓燕去年双双获评技术能手。")
    assert facts(ex, "MENTORS") == {("沈国华", "陆建平"), ("沈国华", "吴晓燕")}
    ex = extract("沈国华和他带的徒弟陆建平、吴晓燕被称为三剑客。")
    assert facts(ex, "MENTORS") == {("沈国华", "陆建平"), ("沈国华", "吴晓燕")}


def test_apprentice_of_a_master_with_a_year_or_an_order() -> None:
    # A是X2012年带出的徒弟 / A还是X带的第一个徒弟 / 骨干A则是X带出的徒弟
    assert years(extract("陆建平是沈国华2012年带出的徒弟。"), "MENTORS") == {("沈国华", "陆建平"): 2012}
    ex = extract("骨干陆建平、吴晓燕都是80后，吴晓燕还是沈国华带的第一个徒弟。")
    assert facts(ex, "MENTORS") == {("沈国华", "吴晓燕")}
    ex = extract("骨干陆建平负责研发；另一名骨干吴晓燕则是沈国华2015年带出的徒弟。")
    assert facts(ex, "MENTORS") == {("沈国华", "吴晓燕")}


def test_becoming_someones_apprentice() -> None:
    # A被分到X手下，成了他的徒弟
    ex = extract("陆建平是焊接班班长。2019年，刚入职的吴晓燕被分到陆建平手下，成了他的徒弟。")
    assert years(ex, "MENTORS") == {("陆建平", "吴晓燕"): 2019}


def test_named_among_the_apprentices() -> None:
    # 在X带出的N名徒弟中，A和B… / 是她带出来的，其中A、B
    ex = extract("在沈国华带出的二十多名徒弟中，陆建平和吴晓燕是最早的两个。")
    assert facts(ex, "MENTORS") == {("沈国华", "陆建平"), ("沈国华", "吴晓燕")}
    ex = extract("沈国华说，车间的年轻人大多是她带出来的，其中陆建平、吴晓燕今年都通过了考核。")
    assert facts(ex, "MENTORS") == {("沈国华", "陆建平"), ("沈国华", "吴晓燕")}


def test_an_apprenticeship_ceremony() -> None:
    # 为X和Y、Z举行拜师仪式: X the master, each of the others an apprentice
    ex = extract("2023年8月，医院为沈国华和本院年轻医生陆建平、吴晓燕举行了拜师仪式。")
    assert years(ex, "MENTORS") == {("沈国华", "陆建平"): 2023, ("沈国华", "吴晓燕"): 2023}


def test_the_master_described_or_without_an_owner() -> None:
    # A的师傅、<description>X / …当学徒，师傅是X (the sentence's subject is the apprentice)
    ex = extract("陆建平的师傅、车间老主任沈国华常说要精益求精。")
    assert facts(ex, "MENTORS") == {("沈国华", "陆建平")}
    ex = extract("1997年，陆建平进厂当学徒，师傅是全国劳动模范沈国华。")
    assert years(ex, "MENTORS") == {("沈国华", "陆建平"): 1997}


def test_taking_someone_as_apprentice() -> None:
    # X收Y为徒: 他 is the one named before, not the master
    ex = extract("1996年，陆建平从技校毕业分到车间，沈国华看他肯吃苦，就收他为徒。")
    assert years(ex, "MENTORS") == {("沈国华", "陆建平"): 1996}


def test_a_described_master() -> None:
    # A是<titles, unit, role>X的徒弟; 拜<long description>X为师
    ex = extract("陆建平是全国劳动模范、青川重锻老车架工匠沈国华的徒弟。")
    assert facts(ex, "MENTORS") == {("沈国华", "陆建平")}
    ex = extract("2010年，陆建平拜全国劳动模范、青川重型锻压有限公司机电科高级工程师沈国华为师。")
    assert years(ex, "MENTORS") == {("沈国华", "陆建平"): 2010}
    ex = extract("吴晓燕说，她的师傅、首批“青川工匠”沈国华对她影响最大。")
    assert facts(ex, "MENTORS") == {("沈国华", "吴晓燕")}


def test_apprentices_listed_with_their_roles_and_counted() -> None:
    # X带了两名徒弟：外科医生A和麻醉科医生B / 他带的两名徒弟A、B / 第一个女徒弟
    ex = extract("沈国华在县人民医院带了两名徒弟：外科医生陆建平和麻醉科医生吴晓燕。")
    assert facts(ex, "MENTORS") == {("沈国华", "陆建平"), ("沈国华", "吴晓燕")}
    ex = extract("沈国华是酿酒师。他带的两名徒弟陆建平、吴晓燕也都成了酿酒师。")
    assert facts(ex, "MENTORS") == {("沈国华", "陆建平"), ("沈国华", "吴晓燕")}
    assert facts(extract("吴晓燕是沈国华带的第一个女徒弟。"), "MENTORS") == {("沈国华", "吴晓燕")}


def test_an_apprentice_named_in_the_next_clause() -> None:
    # X也带了徒弟，叫Y
    assert facts(extract("陆建平自己也带了徒弟，叫吴晓燕，今年刚满22岁。"), "MENTORS") == {("陆建平", "吴晓燕")}


def test_each_clause_after_among_the_apprentices() -> None:
    # X带出的徒弟中，A…，B…
    ex = extract("沈国华带出的徒弟中，陆建平2020年获得青川市五一劳动奖章，吴晓燕是车间第一位女班长。")
    assert facts(ex, "MENTORS") == {("沈国华", "陆建平"), ("沈国华", "吴晓燕")}


def test_learning_from_a_described_master() -> None:
    # 跟着老船长X学; the apprentice is not the master named before in the sentence
    ex = extract("陆建平1999年进厂，跟着老船长沈国华学开船。")
    assert facts(ex, "MENTORS") == {("沈国华", "陆建平")}
    ex = extract("1998年，陆建平被分到沈国华的班组，跟着沈国华学习采煤机操作。")
    assert facts(ex, "MENTORS") == {("沈国华", "陆建平")}


def test_the_interviewees_masters_and_apprentices() -> None:
    # 答： lines and name： lines are the speaker's: 拜他为师, 师傅是X, 我自己的徒弟有A、B和C
    text = ("陆建平：那时候车间里有位老师傅叫沈国华，是省劳动模范。我软磨硬泡，第二年才正式拜他为师。\n"
            "问：您现在带徒弟吗？\n答：我自己的徒弟有吴晓燕、钱立新和周小红。")
    ex = extract(text)
    assert facts(ex, "MENTORS") >= {("沈国华", "陆建平"), ("陆建平", "吴晓燕"), ("陆建平", "钱立新"), ("陆建平", "周小红")}


def test_favourite_pupils_and_apprentices_alongside() -> None:
    # A是X的得意门生; X与徒弟A、B一起…; X把绝活传授给了徒弟A
    assert facts(extract("宋一帆是罗志诚的得意门生。宋一帆说。"), "MENTORS") == {("罗志诚", "宋一帆")}
    assert facts(extract("罗志诚与徒弟宋一帆、刘佳一起攻关。罗志诚说。"), "MENTORS") == {("罗志诚", "宋一帆"), ("罗志诚", "刘佳")}
    assert facts(extract("罗志诚把自己的绝活传授给了徒弟宋一帆。罗志诚说。"), "MENTORS") == {("罗志诚", "宋一帆")}


def test_trained_by_without_the_word_apprentice() -> None:
    # A、B都是X带出来的; 答：…都是我带出来的 (the interviewee)
    assert facts(extract("宋一帆、刘佳都是罗志诚带出来的。罗志诚说。"), "MENTORS") == {("罗志诚", "宋一帆"), ("罗志诚", "刘佳")}
    text = "问：您带了多少徒弟？\n答：二十多个吧，宋一帆、刘佳都是我带出来的。\n罗志诚说，罗志诚是劳模。"
    assert facts(extract(text), "MENTORS") == {("罗志诚", "宋一帆"), ("罗志诚", "刘佳")}


def test_the_nth_apprentice() -> None:
    # A是X的第三个徒弟
    assert facts(extract("刘佳是罗志诚的第三个徒弟，2020年进厂。罗志诚说。刘佳说。"), "MENTORS") == {("罗志诚", "刘佳")}


def test_a_name_inside_the_frame_and_its_year() -> None:
    # 拜白云华为师 (a name the tagger reads as words), A2016年拜X为师 (the year before 拜)
    ex = extract("“做茶先做人。”岩温香2016年拜白云华为师，去年获得第一名。白云华说。岩温香说。")
    assert years(ex, "MENTORS") == {("白云华", "岩温香"): 2016}


def test_a_studios_apprentices_are_its_leaders() -> None:
    # 工作室现有学员…，其中大徒弟A…，小徒弟B…: the studio's leader is their master
    text = ("2012年，青川市设立“陈锦堂技能大师工作室”。工作室现有学员二十余人，其中大徒弟林伟鸿已是西岭省工艺美术大师，"
            "小徒弟郑晓纯前年获评“青川工匠”。林伟鸿说。郑晓纯说。")
    assert facts(extract(text), "MENTORS") == {("陈锦堂", "林伟鸿"), ("陈锦堂", "郑晓纯")}


def test_a_bare_apprentice_quoted_in_a_feature_about_one_person() -> None:
    # 徒弟P说：… with no master named: the person the text is about (named at least twice)
    ex = extract("贺春芳是队长。贺春芳每天四点起床。徒弟高丽娜说：“刚来的时候扫帚都拿不稳，师傅一个动作一个动作地教。”")
    assert facts(ex, "MENTORS") == {("贺春芳", "高丽娜")}


def test_a_comma_before_the_credit_and_a_pronoun_read_back_to_the_apprentice() -> None:
    # 大学生A，就是她带的第一个徒弟: 她 is the teacher of the sentence before, not A
    ex = extract("邵佳是车工。如今，邵佳也带起了徒弟。去年进厂的大学生钱昊，就是她带的第一个徒弟。")
    assert ("邵佳", "钱昊") in facts(ex, "MENTORS")
    ex = extract("金美善是理事长。村里的年轻人朴成哲，是她在合作社带出来的第一个徒弟。")
    assert facts(ex, "MENTORS") == {("金美善", "朴成哲")}
    ex = extract("宋婉清是研究员。博士后章一凡就是她亲自带的学生。")
    assert facts(ex, "MENTORS") == {("宋婉清", "章一凡")}


def test_the_ones_taught_listed_after_中() -> None:
    ex = extract("殷秀兰是护士长。殷秀兰一手带出来的护士中，还有侯佳琪、卢晓。")
    assert facts(ex, "MENTORS") == {("殷秀兰", "侯佳琪"), ("殷秀兰", "卢晓")}


def test_pairing_with_a_description_and_a_list() -> None:
    ex = extract("到山南的第一个月，顾建平就和科里的藏族医生次仁卓玛、扎西平措签订了师带徒协议。")
    assert facts(ex, "MENTORS") == {("顾建平", "次仁卓玛"), ("顾建平", "扎西平措")}
    ex = extract("2006年，医院推行师徒结对，殷秀兰和刚入职的护士葛敏结成了师徒。")
    assert facts(ex, "MENTORS") == {("殷秀兰", "葛敏")}


def test_pairing_told_by_the_apprentice_keeps_the_protagonist_as_master() -> None:
    text = ("沈雨桐是上海市劳动模范，沈雨桐劳模创新工作室以她命名。沈雨桐现任首席技术专家。"
            "彭思远负责建模。他2020年加入公司，第一天就和沈雨桐结成了师徒。")
    assert ("沈雨桐", "彭思远") in facts(extract(text), "MENTORS")


def test_following_someone_for_a_span_of_time() -> None:
    ex = extract("刘振国是医生。骨科医生李建华、王晓婷跟着他一年，已经能独立完成手术。")
    assert facts(ex, "MENTORS") == {("刘振国", "李建华"), ("刘振国", "王晓婷")}


def test_taking_up_ones_own_apprentice() -> None:
    ex = extract("如今，郑川也带起了自己的徒弟苏安然。")
    assert facts(ex, "MENTORS") == {("郑川", "苏安然")}


def test_a_first_person_speech_is_the_narrators() -> None:
    # 大家好！我叫P，…: 我 is P from there on (带我的师傅是X, 我的徒弟Y, 我被评为H)
    text = ("以下为全国五一劳动奖章获得者钱国庆的发言摘编。\n"
            "大家好！我叫钱国庆，是芜湖江城汽车零部件有限公司装配车间的一名普通工人。\n"
            "1999年我进厂的时候，带我的师傅是省劳模蒋德胜。\n"
            "2018年，我被评为安徽省劳动模范。我的徒弟汪洋，去年拿到了“芜湖工匠”称号。")
    ex = extract(text)
    assert {("蒋德胜", "钱国庆"), ("钱国庆", "汪洋")} <= facts(ex, "MENTORS")
    assert ("钱国庆", "安徽省劳动模范") in facts(ex, "RECEIVED")
