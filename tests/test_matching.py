"""Names and matching as plain functions: normalisation, pinyin keys, unit keys, scores."""
from __future__ import annotations

from graph import names
from graph.dedupe import blocking
from graph.dedupe.features import decide, score_person, score_unit
from graph.dedupe.records import PersonRecord, UnitRecord


def test_normalisation_strips_titles_and_converts_traditional() -> None:
    assert names.normalize_person_name("全国劳模张继東") == "张继东"
    assert names.normalize_person_name("全国五一劳动奖章获得者杨开九") == "杨开九"
    assert names.normalize_person_name("学生庞珍妮") == "庞珍妮"
    assert names.normalize_person_name("王金良师傅") == "王金良"
    assert names.normalize_text("Ｚｈａｎｇ　继东") == "zhang继东"


def test_pinyin_keys_with_surname_readings() -> None:
    assert names.pinyin_full("张继东") == "zhangjidong"
    assert names.pinyin_initials("张继东") == "zjd"
    assert names.pinyin_full("曾国藩").startswith("zeng")
    assert names.pinyin_full("单雄信").startswith("shan")
    assert names.split_name("欧阳修") == ("欧阳", "修")


def test_unit_keys_reduce_legal_and_province_parts_but_keep_children_apart() -> None:
    assert names.unit_key("国网浙江省电力有限公司嘉兴供电公司") == names.unit_key("国网嘉兴供电公司")
    assert names.unit_key("长城汽车股份有限公司平湖分公司") != names.unit_key("长城汽车股份有限公司")
    assert names.unit_parent_candidates("长城汽车股份有限公司平湖分公司") == ["长城汽车股份有限公司"]
    parent_child = score_unit(UnitRecord("a", "长城汽车股份有限公司平湖分公司"), UnitRecord("b", "长城汽车股份有限公司"))
    assert parent_child.kind == "parent_child" and decide(parent_child) != "match"


def test_exact_spellings_with_context_match() -> None:
    s = score_person(PersonRecord("a", "张继東", units=["桐乡市振东家庭农场"]),
                     PersonRecord("b", "全国劳模张继东", units=["桐乡市振东家庭农场"]))
    assert s.kind == "exact" and decide(s) == "match"
    assert any(r.feature == "unit" and r.contribution > 0 for r in s.reasons)


def test_one_character_apart_at_another_unit_never_merges() -> None:
    s = score_person(PersonRecord("a", "王金良", units=["嘉兴市农业科学研究院"]),
                     PersonRecord("b", "王金亮", units=["海宁市皮革城股份有限公司"]))
    assert decide(s) != "match"
    same_unit = score_person(PersonRecord("a", "王金良", units=["X公司"], birth_year=1963),
                             PersonRecord("b", "王金亮", units=["X公司"], birth_year=1963))
    assert same_unit.kind in ("homophone", "one_char") and decide(same_unit) == "review"


def test_surnames_written_for_each_other_are_offered_never_merged() -> None:
    """萧/肖 and 阎/闫 (the withdrawn second simplification): the same person in two registers."""
    for a, b in (("蕭桂燕", "肖桂燕"), ("阎立新", "闫立新")):
        s = score_person(PersonRecord("a", a, units=["X公司"], birth_year=1970, gender="女"),
                         PersonRecord("b", b, units=["X公司"], birth_year=1970, gender="女"))
        assert s.kind == "homophone" and decide(s) == "review", (a, b, s.reasons)
    other = score_person(PersonRecord("a", "张立新", units=["X公司"]), PersonRecord("b", "章立新", units=["X公司"]))
    assert other.kind == "different_name" and decide(other) == "new"


def test_conflicts_sink_the_score_and_reasons_are_readable() -> None:
    s = score_person(PersonRecord("a", "王伟", gender="男", units=["X公司"]),
                     PersonRecord("b", "王伟", gender="女", units=["X公司"]))
    assert decide(s) != "match"
    assert all(r.detail for r in s.reasons)


def test_a_common_name_needs_two_agreeing_facts() -> None:
    a = PersonRecord("a", "李涵阳", units=["嘉兴市公共交通有限公司"])
    b = PersonRecord("b", "李涵阳", units=["嘉兴市公共交通有限公司"])
    assert decide(score_person(a, b, lambda n: 1)) == "match"
    assert decide(score_person(a, b, lambda n: 3)) == "review"


def test_a_gender_and_a_county_in_common_are_not_enough_and_apart_regions_conflict() -> None:
    """Namesakes of one city often share a gender and a county: a match needs a strong fact.
    Two counties of one city are apart and conflict; a county and its city do not."""
    a = PersonRecord("a", "邱文华", gender="男", regions=["大余县"])
    b = PersonRecord("b", "邱文华", gender="男", regions=["大余县"], birth_year=1979)
    assert decide(score_person(a, b, lambda n: 1)) == "review"
    assert decide(score_person(a, PersonRecord("c", "邱文华", gender="男", units=["X公司"]), lambda n: 1)) == "review"
    apart = score_person(a, PersonRecord("d", "邱文华", gender="男", regions=["信丰县"]), lambda n: 1)
    assert "region_conflict" in {r.feature for r in apart.reasons} and apart.conflicts == 1
    inside = score_person(a, PersonRecord("e", "邱文华", regions=["赣州市"]), lambda n: 1)
    assert "region_conflict" not in {r.feature for r in inside.reasons}


def test_a_birth_month_both_dates_give_is_a_second_strong_fact() -> None:
    """A union list writes 出生年月 1978.05, an HR register 出生日期 1978-05-12: a person who
    changed units between them is one person; namesakes born the same year are not."""
    from graph.dedupe.records import birth_month

    assert [birth_month(w) for w in ("1978.05", "1978-05-12", "1978年5月", "197805", "１９７８．０５")] == ["1978-05"] * 5
    assert birth_month("1978") is None and birth_month("1978-13") is None
    listed = PersonRecord("a", "危艳", gender="女", units=["南岭冶炼厂"], birth_year=1978, birth_month="1978-05")
    moved = PersonRecord("b", "危艳", gender="女", units=["鑫钨新材料公司"], birth_year=1978, birth_month="1978-05")
    assert decide(score_person(listed, moved, lambda n: 1)) == "match"
    born_later = PersonRecord("c", "危艳", gender="女", units=["鑫钨新材料公司"], birth_year=1978, birth_month="1978-09")
    assert decide(score_person(listed, born_later, lambda n: 1)) == "review"


def test_scan_blocks_one_character_typos_and_scores_pairs_once() -> None:
    records = [PersonRecord("a", "张继东", units=["U"], birth_year=1968),
               PersonRecord("b", "张继民", units=["U"], birth_year=1968),
               PersonRecord("c", "李明", units=["V"])]
    candidates = blocking.candidate_pairs(records)
    assert 1 in candidates.get(0, [])
    found = {(a, b): s for a, b, s in blocking.scan(records)}
    assert ("a", "b") in found and decide(found[("a", "b")]) == "review"


def test_docs_list_the_weights_of_every_feature() -> None:
    from pathlib import Path

    from graph.dedupe.features import PERSON_FEATURES, UNIT_FEATURES

    text = (Path(__file__).parent.parent / "docs" / "matching.md").read_text(encoding="utf-8")
    rows = {(line.split("|")[1].strip(" `"), float(line.split("|")[2])) for line in text.splitlines()
            if line.startswith("| `")}
    assert {(f.name, f.weight) for f in PERSON_FEATURES + UNIT_FEATURES} == rows


def test_a_source_gives_each_person_its_units_region_once() -> None:
    """A roster states a unit's region on every row; a person's context holds it once."""
    from graph.dedupe.records import source_people
    from graph.facts import Entity, Extraction, Fact, Ref

    unit, place = Ref("Unit", "桐乡市巨石集团有限公司"), Ref("Region", "桐乡市")
    people = [Entity("Person", name, key=str(row)) for row, name in enumerate(["甲一", "乙二", "丙三"], start=2)]
    facts = []
    for row, person in enumerate(people, start=2):
        facts += [Fact("WORKS_AT", person.ref, unit, "…", row=row), Fact("LOCATED_IN", unit, place, "…", row=row)]
    context = source_people(Extraction(entities=[*people, Entity("Unit", unit.name), Entity("Region", place.name)],
                                       facts=facts, aggregates=[]))
    assert [context[p.ref]["regions"] for p in people] == [["桐乡市"]] * 3
    assert [context[p.ref]["units"] for p in people] == [["桐乡市巨石集团有限公司"]] * 3


def test_an_offices_short_form_of_a_unit_is_the_same_unit_but_other_places_and_numbers_are_not() -> None:
    """Offices shorten a company to its brand and trade (科创新材 for 洛阳科创新材料股份有限公司):
    for matching people that is their unit, not a conflicting one; units of another place or
    number stay different units."""
    from graph.names import unit_key, unit_short_form

    def alike(a: str, b: str) -> bool:
        short, full = sorted((unit_key(a), unit_key(b)), key=len)
        return unit_short_form(short, full)

    assert alike("科创新材", "洛阳科创新材料股份有限公司") and alike("瑞丰铸造", "洛阳瑞丰精密铸造有限公司")
    assert alike("金鼎钼业", "栾川县金鼎钼业有限公司") and alike("华夏技师学院", "洛阳华夏技师学院")
    assert not alike("嘉善县总工会", "嘉兴市总工会") and not alike("嘉兴市第一医院", "嘉兴市第二医院")
    assert not alike("一公司", "二公司") and not alike("嘉兴学院", "嘉兴技师学院")
    # a county's short name, nested places, a dropped 第 or 人民, the unit's own city as 市
    assert alike("云雾茶业", "五峰云雾茶业有限公司") and alike("夷陵区医院", "宜昌市夷陵区人民医院")
    assert alike("市三医院", "宜昌市第三人民医院") and alike("宜都二中", "宜都市第二中学")
    assert alike("天河水电", "长阳天河水力发电有限公司")  # 天河 is a place elsewhere, not here
    assert not alike("宜昌一中", "秭归县第一中学") and not alike("嘉兴电力", "嘉兴市嘉善电力公司")
    assert not alike("市一医院", "宜昌市第二人民医院") and not alike("市医院", "宜昌市夷陵区人民医院")


def test_an_honor_glued_before_a_name_is_taken_off_whatever_its_place() -> None:
    for written in ("自治区劳模赵长青", "旗劳模赵长青", "内蒙古自治区五一劳动奖章获得者赵长青", "包头市劳模赵长青"):
        assert names.normalize_person_name(written) == "赵长青"
    assert names.normalize_person_name("市民王五") == "市民王五"


def test_a_department_and_its_company_are_one_organisation_and_banners_shorten_like_counties() -> None:
    """One list writes 包头北辰特钢有限责任公司轧钢厂, another 北辰特钢: no conflict, a weak fact.
    旗一中 is the banner's 第一中学, 市中心医院 the city's 中心医院 (not 市中区's 心医院)."""
    assert names.unit_organisation("包头北辰特钢有限责任公司轧钢厂") == "包头北辰特钢有限责任公司"
    assert names.unit_organisation("某某集团有限公司") is None
    a = PersonRecord("a", "刘亮", units=["包头恒信公交客运有限公司保修厂"], honors=[("包头市劳动模范", 2018)])
    b = PersonRecord("b", "刘亮", units=["恒信公交"], honors=[("包头市劳动模范", 2018)])
    s = score_person(a, b, lambda n: 1)
    assert {r.feature for r in s.reasons} >= {"organisation", "honor_year"} and s.conflicts == 0
    assert decide(s) == "match"
    for short, full in (("旗一中", "土默特右旗第一中学"), ("旗供销社", "土默特右旗供销合作社"),
                        ("市中心医院", "包头市中心医院")):
        assert names.unit_short_form(names.unit_key(short), names.unit_key(full)), short
