"""mentions/honors.py: taxonomy forms, relative short forms, awards outside the taxonomy."""
from __future__ import annotations

from graph.extract.mentions.honors import find_honors
from tests.extract.helpers import extract, facts, names


def found(flat: str, province: str | None = "浙江省", city: str | None = None) -> list[tuple[str, str]]:
    return [(m.name, flat[m.start:m.end]) for m in find_honors(flat, province, city)]


def test_short_forms_resolve_to_the_full_title() -> None:
    assert found("全国劳模张继东") == [("全国劳动模范", "全国劳模")]
    assert found("他是全國勞模") == []  # the finder reads the normalised text; extract_article normalises
    assert names(extract("他是全國勞模张继东。"), "Honor") == {"全国劳动模范"}


def test_relative_short_forms_follow_the_source_region() -> None:
    # 省劳模 in a Zhejiang source → 浙江省劳动模范; in a Jiangsu one → 江苏省劳动模范
    assert found("省劳模") == [("浙江省劳动模范", "省劳模")]
    assert found("省劳模", province="江苏省") == [("江苏省劳动模范", "省劳模")]
    assert found("市劳模", city="嘉兴市") == [("嘉兴市劳动模范", "市劳模")]
    assert found("市劳模", city=None) == []


def test_the_words_称号_belong_to_the_mention() -> None:
    assert found("获得全国技术能手称号") == [("全国技术能手", "全国技术能手称号")]
    assert found("获得全国技术能手荣誉称号") == [("全国技术能手", "全国技术能手荣誉称号")]


def test_a_body_or_event_named_after_a_title_is_no_honor() -> None:
    assert found("劳模协会") == [] and found("全国劳模协会") == []
    assert found("劳模们纷纷点赞") == [] and found("全国劳模工匠") == []
    assert names(extract("嘉兴工匠月期间，劳模协会组织弘扬工匠精神。"), "Honor") == set()


def test_a_quoted_award_after_a_verb() -> None:
    # 授予其“‘屏聚英才’杰出贡献奖”
    assert found("县政府授予其“‘屏聚英才’杰出贡献奖”") == [("屏聚英才杰出贡献奖", "“‘屏聚英才’杰出贡献奖”")]
    assert found("荣获“最美职工奖”") == [("最美职工奖", "“最美职工奖”")]
    # the quoted object of an award verb, or a quote called a title, is a title (issue 8)
    assert found("荣获“最美职工”称号") == [("最美职工", "“最美职工”称号")]
    assert found("他被称为“绣花手”") == []  # a nickname is no title


def test_a_national_title_outside_the_taxonomy_by_its_shape() -> None:
    # 被评为全国农民专业合作社示范社
    assert found("该合作社被评为全国农民专业合作社示范社") == [("全国农民专业合作社示范社", "全国农民专业合作社示范社")]
    assert found("荣获中国青年岗位能手") == [("中国青年岗位能手", "中国青年岗位能手")]
    # the shape alone makes the mention; whether anyone received it is for facts/honors.py
    assert found("全国农民专业合作社示范社") == [("全国农民专业合作社示范社", "全国农民专业合作社示范社")]


def test_region_prefix_and_title_head() -> None:
    # the open vocabulary by shape: a place (full, short or nickname) + title words + head
    assert found("获评湖北省劳动模范", "湖北省") == [("湖北省劳动模范", "湖北省劳动模范")]
    assert found("曾获湖北荆楚工匠等荣誉", "湖北省") == [("湖北荆楚工匠", "湖北荆楚工匠")]
    assert found("是广东省工艺美术大师", "广东省") == [("广东省工艺美术大师", "广东省工艺美术大师")]
    assert found("获得徐州市职工优秀技术创新成果一等奖", "江苏省") == [
        ("徐州市职工优秀技术创新成果一等奖", "徐州市职工优秀技术创新成果一等奖")]
    assert found("被确定为国家级技能大师工作室") == [("国家级技能大师工作室", "国家级技能大师工作室")]
    # a verb or an organisation between place and head: no title
    assert found("浙江省总工会授予他五一劳动奖章") == []
    # 劳模工匠 is a group of people, 劳模协会 a body
    assert found("嘉兴市劳模工匠进校园") == [] and found("嘉兴市劳模协会") == []


def test_a_region_short_form_stays_as_written() -> None:
    # 辽宁工人先锋号 is kept as the text writes it (the taxonomy knows it as 辽宁省工人先锋号)
    assert found("获评辽宁工人先锋号", "辽宁省") == [("辽宁工人先锋号", "辽宁工人先锋号")]
    assert found("获评全国劳模") == [("全国劳动模范", "全国劳模")]  # a short form is expanded


def test_quoted_titles_take_the_region_before_the_quotes() -> None:
    assert found("授予张婷等10名同志2023年度盐城市“十佳护士”称号", "江苏省") == [
        ("盐城市十佳护士", "盐城市“十佳护士”称号")]
    assert found("2022年被评为第三届“天府工匠”", "四川省") == [("天府工匠", "天府工匠"), ("天府工匠", "“天府工匠”")]
    assert found("荣获中华全国总工会“工人先锋号”") == [("全国工人先锋号", "中华全国总工会“工人先锋号”")]
    # a level word is dropped when the title names a place, else it becomes the source's place
    assert ("蓉城工匠", "“蓉城工匠”") in found("获评市级“蓉城工匠”", "四川省", "成都市")
    assert found("获评省级“技术标兵”称号", "四川省") == [("四川省技术标兵", "省级“技术标兵”称号")]
    # a run of quotes after one verb
    assert [n for n, _ in found("先后获得“四川省技术能手”“成都市五一劳动奖章”等称号", "四川省")
            if _ == n] == ["四川省技术能手", "成都市五一劳动奖章"]


def test_relative_prefixes_and_level_words() -> None:
    assert found("南山村党总支书记、市劳模李冬梅", "湖南省", "浏阳市") == [("浏阳市劳动模范", "市劳模")]
    assert found("他是省级劳模", "江苏省") == [("江苏省劳动模范", "省级劳模")]
    assert found("全市十佳") == [] and found("城市劳模") == []


def test_coordinated_titles_share_their_prefix() -> None:
    assert [n for n, _ in found("获评湖北省劳动模范和先进工作者", "湖北省")] == ["湖北省劳动模范", "湖北省先进工作者"]
    assert [n for n, _ in found("表彰福建省五一劳动奖状、奖章和工人先锋号获得者", "福建省")] == [
        "福建省五一劳动奖状", "福建省五一劳动奖章", "福建省工人先锋号"]


def test_a_bare_title_after_its_full_form_is_the_full_form() -> None:
    ex = extract("授予张婷等10名同志2023年度盐城市“十佳护士”称号。\n一、盐城市“十佳护士”\n"
                 "获评“十佳护士”的张婷在心内科工作。")
    assert names(ex, "Honor") == {"盐城市十佳护士"}


def test_titles_outside_the_taxonomy_are_uncurated_with_their_level() -> None:
    ex = extract("罗素芬2022年被评为第三届“天府工匠”，她也是全国劳动模范。")
    props = {e.name: e.props for e in ex.entities if e.type == "Honor"}
    assert props["天府工匠"] == {"level": "provincial", "curated": False}
    assert props["全国劳动模范"]["curated"] is True


def test_quoted_titles_that_head_a_list_and_share_one_prefix() -> None:
    # 公布…青川市“十佳护士”和“优秀护士”名单: titles whatever their head; the region before the
    # first quote completes every title of the run
    ex = extract("关于公布2024年度青川市“十佳护士”和“优秀护士”名单的通知")
    assert names(ex, "Honor") == {"青川市十佳护士", "青川市优秀护士"}


def test_a_bare_issuer_before_a_quoted_generic_title() -> None:
    # 授予20个集体市总工会“工人先锋号”称号 in a 青川市 report: the source's city, and 集体市 is no place
    ex = extract("4月28日，青川市总工会召开先进集体表彰大会，授予20个集体市总工会“工人先锋号”称号。")
    assert names(ex, "Honor") == {"青川市工人先锋号"}


def test_an_activity_named_after_a_title_is_no_honor() -> None:
    # 组织新当选的工匠开展“工匠进校园”活动: the quote names the activity; 当选 before it awards nothing
    ex = extract("据介绍，我市已有33人获评“青川工匠”。市总工会将组织新当选的工匠开展“工匠进校园”活动。")
    assert names(ex, "Honor") == {"青川工匠"}
    assert not any(h == "工匠进校园" for _, h in facts(ex, "RECEIVED"))


def test_titles_listed_with_a_known_one_before_等荣誉() -> None:
    ex = extract("张玉堂先后获得山东省劳动模范、全国优秀党务工作者等荣誉。")
    assert facts(ex, "RECEIVED") == {("张玉堂", "山东省劳动模范"), ("张玉堂", "全国优秀党务工作者")}


def test_a_bare_province_level_word_opening_an_open_title_is_the_source_province() -> None:
    # “自治区农民合作社示范社” in a Xinjiang text; 自治区级X as 省级X
    found = [m.name for m in find_honors("合作社被评为“自治区农民合作社示范社”。", "新疆维吾尔自治区", "阿克苏地区", "阿瓦提县")]
    assert found == ["新疆维吾尔自治区农民合作社示范社"]
    found = [m.name for m in find_honors("该村被评为“自治区级民族团结进步示范村”。", "新疆维吾尔自治区", "哈密市", None)]
    assert found == ["新疆维吾尔自治区民族团结进步示范村"]
    found = [m.name for m in find_honors("合作社被评为“省农民合作社示范社”。", "福建省", "泉州市", "德化县")]
    assert found == ["福建省农民合作社示范社"]
