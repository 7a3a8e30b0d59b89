"""facts/studios.py: a studio's leader, members and host."""
from __future__ import annotations

from tests.extract.helpers import extract, facts, names

TEXT = ("工作室成立于2015年，名为张海峰劳模创新工作室，由浙江省劳动模范、高级工程师张海峰领衔，"
        "依托巨石集团有限公司玻纤研究院。工作室成员李婷婷、周志刚、郑凯围绕池窑拉丝工艺开展攻关。")


def test_led_by_hosted_by_and_members() -> None:
    ex = extract(TEXT)
    assert facts(ex, "LEADS") == {("张海峰", "张海峰劳模创新工作室")}
    assert facts(ex, "HOSTED_BY") == {("张海峰劳模创新工作室", "巨石集团有限公司玻纤研究院")}  # 依托U
    assert facts(ex, "MEMBER_OF") == {(p, "张海峰劳模创新工作室") for p in ("李婷婷", "周志刚", "郑凯")}  # 成员P1、P2、P3


def test_the_person_in_charge() -> None:
    # 负责人X
    assert facts(extract("李明技能大师工作室负责人李明介绍了经验。"), "LEADS") == {("李明", "李明技能大师工作室")}
    ex = extract("张海峰劳模创新工作室成立于2015年。工作室负责人王建强介绍了经验。")
    assert ("王建强", "张海峰劳模创新工作室") in facts(ex, "LEADS")


def test_a_host_glued_before_the_studio() -> None:
    # 巨石集团有限公司的张海峰劳模创新工作室
    ex = extract("巨石集团有限公司的张海峰劳模创新工作室获评示范。")
    assert facts(ex, "HOSTED_BY") == {("张海峰劳模创新工作室", "巨石集团有限公司")}


def test_设在_a_unit_through_the_anaphor() -> None:
    ex = extract("张海峰劳模创新工作室成立于2015年。该工作室设在巨石集团有限公司。")
    assert facts(ex, "HOSTED_BY") == {("张海峰劳模创新工作室", "巨石集团有限公司")}


def test_every_studio_of_a_table_with_its_leader_and_unit() -> None:
    # a table of studios and host units run together (所在单位 column)
    text = ("名单：工作室名称 所在单位 牛海涛技能大师工作室洛阳中联重型机床有限公司 "
            "杨振国技能大师工作室洛阳城建工程有限公司第三分公司 郑一鸣技能大师工作室洛阳石化检修有限公司")
    ex = extract(text)
    assert facts(ex, "LEADS") == {("牛海涛", "牛海涛技能大师工作室"), ("杨振国", "杨振国技能大师工作室"),
                                  ("郑一鸣", "郑一鸣技能大师工作室")}
    assert ("杨振国技能大师工作室", "洛阳城建工程有限公司第三分公司") in facts(ex, "HOSTED_BY")
    assert ("郑一鸣技能大师工作室", "洛阳石化检修有限公司") in facts(ex, "HOSTED_BY")


def test_members_named_in_the_next_sentence_and_as_becoming_members() -> None:
    ex = extract("马立军劳模创新工作室成立于2014年。工作室现有成员18人。成员陈一楠、邵志鹏都是技术骨干。")
    assert facts(ex, "MEMBER_OF") == {("陈一楠", "马立军劳模创新工作室"), ("邵志鹏", "马立军劳模创新工作室")}
    ex = extract("“韩立国技能大师工作室”揭牌。机电教研室主任贺晓彤教授和青年教师武晨成为工作室首批成员。")
    assert facts(ex, "MEMBER_OF") == {("贺晓彤", "韩立国技能大师工作室"), ("武晨", "韩立国技能大师工作室")}
    ex = extract("孙德胜技能大师工作室目前有学员十二名。学员代表、大连海湾职业技术学院机电工程系教师马晓芸说，课很好。")
    assert ("马晓芸", "孙德胜技能大师工作室") in facts(ex, "MEMBER_OF")


def test_a_shorter_form_of_a_studio_is_the_same_studio() -> None:
    ex = extract("马立军劳模创新工作室成立于2014年。近五年，马立军工作室累计完成技术革新92项。")
    assert names(ex, "Studio") == {"马立军劳模创新工作室"}


def test_a_unit_written_before_the_studio_by_its_short_name() -> None:
    ex = extract("走进徐州恒拓机械马立军劳模创新工作室\n马立军劳模创新工作室就设在徐州恒拓机械股份有限公司结构件分厂。")
    assert ("马立军劳模创新工作室", "徐州恒拓机械股份有限公司") in facts(ex, "HOSTED_BY")


def test_a_place_or_level_before_the_person_is_a_studio_title() -> None:
    # 青川市罗志诚劳模创新工作室 → RECEIVED 罗志诚劳模创新工作室 > 青川市劳模创新工作室
    ex = extract("青川市罗志诚劳模创新工作室获奖。罗志诚是劳模。")
    assert names(ex, "Studio") == {"罗志诚劳模创新工作室"}
    assert facts(ex, "RECEIVED") == {("罗志诚劳模创新工作室", "青川市劳模创新工作室")}


def test_a_numbered_table_of_studios_and_their_units_run_together() -> None:
    # 序号工作室名称依托单位1S1U12S2U2…: each row's studio, leader (two characters too) and unit
    ex = extract("序号工作室名称依托单位1罗志诚劳模创新工作室青川重型锻压有限公司2宋一帆技能大师工作室青川市中心医院"
                 "3李娜创新工作室青川职业技术学院机电系")
    assert facts(ex, "HOSTED_BY") == {("罗志诚劳模创新工作室", "青川重型锻压有限公司"),
                                      ("宋一帆技能大师工作室", "青川市中心医院"),
                                      ("李娜创新工作室", "青川职业技术学院机电系")}
    assert {("李娜", "李娜创新工作室"), ("宋一帆", "宋一帆技能大师工作室")} <= facts(ex, "LEADS")


def test_a_table_row_studio_then_its_unit() -> None:
    # 工作室名称　所在单位 / S　U, one row a line: the most specific unit of the row
    ex = extract("工作室名称　　所在单位\n罗志诚劳模创新工作室　青川重型锻压有限公司\n宋一帆技能大师工作室　青川市中心医院检验科\n")
    assert facts(ex, "HOSTED_BY") == {("罗志诚劳模创新工作室", "青川重型锻压有限公司"),
                                      ("宋一帆技能大师工作室", "青川市中心医院检验科")}


def test_the_unit_of_a_title_glued_before_the_studio() -> None:
    # ——走进US: the unit ends where the studio's owner starts
    ex = extract("——走进青川重型锻压有限公司罗志诚劳模创新工作室")
    assert facts(ex, "HOSTED_BY") == {("罗志诚劳模创新工作室", "青川重型锻压有限公司")}


def test_the_unit_the_text_places_the_reader_in() -> None:
    # 在U…，这里就是S / 在U，有一间屋子。这里就是S
    ex = extract("在青川重型锻压有限公司二号厂房的一角，一间屋子里摆满了图纸，这里就是罗志诚劳模创新工作室。")
    assert facts(ex, "HOSTED_BY") == {("罗志诚劳模创新工作室", "青川重型锻压有限公司")}
    ex = extract("在青川重型锻压有限公司锻造车间，有一间不足60平方米的屋子。这里就是“罗志诚劳模创新工作室”。")
    assert facts(ex, "HOSTED_BY") == {("罗志诚劳模创新工作室", "青川重型锻压有限公司锻造车间")}


def test_a_bare_head_for_the_unit_named_before() -> None:
    # 研究所的S / 公司以X名字命名的S / 厂里成立了S: the last unit of that kind
    ex = extract("罗志诚在青川锦绣刺绣研究所工作了三十年。2021年，研究所的罗志诚技能大师工作室被命名为省级技能大师工作室。")
    assert facts(ex, "HOSTED_BY") == {("罗志诚技能大师工作室", "青川锦绣刺绣研究所")}
    ex = extract("罗志诚是青川重型锻压有限公司高级技师。去年，公司以罗志诚名字命名的“罗志诚技能大师工作室”成立。")
    assert facts(ex, "HOSTED_BY") == {("罗志诚技能大师工作室", "青川重型锻压有限公司")}


def test_设在_a_section_written_bare() -> None:
    # 设在锻造车间 after the full chain was named: that section, not the factory
    ex = extract("罗志诚是青川重型锻压有限公司锻造车间主任。2016年厂里成立了罗志诚技能大师工作室，设在锻造车间。")
    assert facts(ex, "HOSTED_BY") == {("罗志诚技能大师工作室", "青川重型锻压有限公司锻造车间")}


def test_where_a_studio_is_set_up() -> None:
    # U依托V设立“S” (no unit across the verb); 在U挂牌成立“S”; 走进(place的)U，三楼的“S”里
    ex = extract("2012年，西岭省人力资源和社会保障厅依托青川市工艺美术研究所设立“陈锦堂技能大师工作室”。")
    assert facts(ex, "HOSTED_BY") == {("陈锦堂技能大师工作室", "青川市工艺美术研究所")}
    ex = extract("去年，青川市总工会在青川县景迈仙贡茶业专业合作社挂牌成立“白云华技能大师工作室”。")
    assert facts(ex, "HOSTED_BY") == {("白云华技能大师工作室", "青川县景迈仙贡茶业专业合作社")}
    ex = extract("走进青川工业园区的青川精微光电科技有限公司，三楼的“顾建平劳模创新工作室”里，设备正在运转。")
    assert facts(ex, "HOSTED_BY") == {("顾建平劳模创新工作室", "青川精微光电科技有限公司")}


def test_studio_names_with_a_field_or_a_place_like_given_name() -> None:
    # U“沈丽娟护理创新工作室”; “杨金华劳模创新工作室” (金华 is no place here)
    ex = extract("联盟成员包括青川市立医院“沈丽娟护理创新工作室”等12个工作室。")
    assert facts(ex, "HOSTED_BY") == {("沈丽娟护理创新工作室", "青川市立医院")}
    ex = extract("其中，青川滇中化工有限公司“杨金华劳模创新工作室”被命名为西岭省劳模创新工作室，成员罗兴、毕阿英等开展攻关。")
    assert facts(ex, "LEADS") == {("杨金华", "杨金华劳模创新工作室")}
    assert facts(ex, "MEMBER_OF") == {("罗兴", "杨金华劳模创新工作室"), ("毕阿英", "杨金华劳模创新工作室")}


def test_members_after_a_count() -> None:
    # 成员12人，包括A、B等技术骨干
    ex = extract("罗志诚劳模创新工作室现有成员12人，包括宋一帆、刘佳等技术骨干。")
    assert facts(ex, "MEMBER_OF") == {("宋一帆", "罗志诚劳模创新工作室"), ("刘佳", "罗志诚劳模创新工作室")}


def test_studios_listed_before_or_after_the_verb() -> None:
    # 命名S1、S2等12个工作室为H; U1 S1、U2 S2入选…名单: every studio of the list holds the title
    ex = extract("西岭省总工会命名罗志诚劳模创新工作室、潘慧敏技能大师工作室等12个工作室为“西岭省劳模创新工作室”。")
    assert facts(ex, "RECEIVED") == {("罗志诚劳模创新工作室", "西岭省劳模创新工作室"), ("潘慧敏技能大师工作室", "西岭省劳模创新工作室")}
    assert facts(ex, "LEADS") == {("罗志诚", "罗志诚劳模创新工作室"), ("潘慧敏", "潘慧敏技能大师工作室")}
    ex = extract("青川重型锻压有限公司罗志诚劳模创新工作室、青川市中心医院潘慧敏创新工作室入选2024年青川市劳模创新工作室名单。")
    assert facts(ex, "RECEIVED") == {("罗志诚劳模创新工作室", "青川市劳模创新工作室"), ("潘慧敏创新工作室", "青川市劳模创新工作室")}


def test_becoming_members_of_a_named_studio() -> None:
    # A、B成为S的首批成员 (the studio's owner right after 成为)
    ex = extract("宋一帆、刘佳成为罗志诚劳模创新工作室的首批成员。宋一帆说。刘佳说。")
    assert facts(ex, "MEMBER_OF") == {("宋一帆", "罗志诚劳模创新工作室"), ("刘佳", "罗志诚劳模创新工作室")}


def test_a_studio_with_its_unit_in_parentheses_is_hosted_there() -> None:
    # S（U）, as lists of studios write it
    from tests.extract.helpers import extract, facts
    ex = extract("谭建新劳模创新工作室（宁乡市沩山茶业有限公司）")
    assert facts(ex, "HOSTED_BY") == {("谭建新劳模创新工作室", "宁乡市沩山茶业有限公司")}


def test_members_taken_in_by_a_studio() -> None:
    # 工作室成立，先后吸纳了A、B等18名青年骨干
    ex = extract("2022年，以他名字命名的马福元创新工作室成立，先后吸纳了韩文斌、冶春燕等18名青年骨干。")
    assert {("韩文斌", "马福元创新工作室"), ("冶春燕", "马福元创新工作室")} <= facts(ex, "MEMBER_OF")


def test_a_studio_unveiled_at_a_unit_sits_there() -> None:
    # “S”在研究所揭牌: the bare head stands for the unit named before
    ex = extract("1992年，连秋禾调入德化县云窑陶瓷研究所。2021年，“连秋禾技能大师工作室”在研究所揭牌。")
    assert facts(ex, "HOSTED_BY") == {("连秋禾技能大师工作室", "德化县云窑陶瓷研究所")}
