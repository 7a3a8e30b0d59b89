"""mentions/honors.py: taxonomy forms, relative short forms, awards outside the taxonomy."""
from __future__ import annotations

from graph.extract.mentions.honors import find_honors
from tests.extract.helpers import extract, names


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
    assert found("荣获“最美职工”称号") == []  # the quote must hold the award word itself


def test_a_national_title_outside_the_taxonomy_by_its_shape() -> None:
    # 被评为全国农民专业合作社示范社
    assert found("该合作社被评为全国农民专业合作社示范社") == [("全国农民专业合作社示范社", "全国农民专业合作社示范社")]
    assert found("荣获中国青年岗位能手") == [("中国青年岗位能手", "中国青年岗位能手")]
    assert found("全国农民专业合作社示范社") == []  # no verb, no award
