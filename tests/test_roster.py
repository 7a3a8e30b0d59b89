"""Roster reading as a plain function (no Neo4j): encodings, header synonyms, problems as
file:row:column, unknown columns, the synthetic marker, namesakes, the seed roster."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from bench.synthetic import demo_rows, generate_roster_rows, write_csv, write_xlsx
from graph.loaders.roster import read_roster

DATA = Path(__file__).parent / "data"
SEED = Path(__file__).parent.parent / "seed" / "synthetic-demo-roster.csv"


def people(read) -> list:
    return [e for e in read.extraction.entities if e.type == "Person"]


def test_encodings_are_detected() -> None:
    assert read_roster(DATA / "roster-gbk.csv").encoding == "gbk"
    assert read_roster(DATA / "roster-bom.csv").encoding == "utf-8-sig"
    assert read_roster(DATA / "roster-english.xlsx").encoding == "xlsx"
    assert read_roster(SEED).encoding == "utf-8"


def test_gb18030_beyond_gbk_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes("姓名,工作单位\n王𬌗,嘉兴市第二医院\n".encode("gb18030"))  # 𬌗 is not in GBK
    read = read_roster(path)
    assert read.encoding == "gb18030" and people(read)[0].name == "王𬌗"


def test_chinese_and_english_headers_map_to_the_same_fields() -> None:
    chinese = read_roster(DATA / "roster-gbk.csv")
    english = read_roster(DATA / "roster-english.xlsx")
    assert chinese.header_map["姓名"] == english.header_map["Name"] == "name"
    assert chinese.header_map["工作单位"] == english.header_map["Employer"] == "unit"
    assert english.header_map["Record ID"] == "record_id" and english.header_map["Year"] == "year"
    assert chinese.problems == [] and english.problems == []
    assert chinese.unknown_columns == english.unknown_columns == []


def test_headers_are_normalised_for_case_spaces_and_full_width(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("ＮＡＭＥ, Work Unit ,HONOR,年 度\n张伟,嘉兴市第二医院,嘉兴市劳动模范,2020\n", encoding="utf-8")
    read = read_roster(path)
    assert sorted(read.header_map.values()) == ["honor", "name", "unit", "year"]
    received = [f for f in read.extraction.facts if f.type == "RECEIVED"]
    assert [(f.object.name, f.year) for f in received] == [("嘉兴市劳动模范", 2020)]


def test_problems_name_file_row_and_column() -> None:
    read = read_roster(DATA / "roster-bad.csv")
    text = [str(p) for p in read.problems]
    # the note is row 1, the header row 2, the six good rows 3..8
    assert "roster-bad.csv:9:姓名: empty name" in text
    assert 'roster-bad.csv:10:荣誉称号: unknown honor "宇宙劳动模范"' in text
    assert any(t.startswith("roster-bad.csv:11:授予年份: year 1890 out of range") for t in text)
    assert any(t.startswith("roster-bad.csv:12:性别:") for t in text)
    assert any(t.startswith('roster-bad.csv:13:师傅: mentor "查无此人" not found') for t in text)
    assert any(t.startswith('roster-bad.csv:14:编号: duplicate record id "B000002" (first in row 4)') for t in text)
    assert len(text) == 6 and read.rows_total == 12 and read.rows_valid == 6


def test_a_mentor_known_to_the_graph_is_accepted() -> None:
    read = read_roster(DATA / "roster-bad.csv", known_people=lambda name: name == "查无此人")
    assert not any(p.column == "师傅" for p in read.problems)
    mentors = [f for f in read.extraction.facts if f.type == "MENTORS"]
    assert [(m.subject.name, m.subject.key) for m in mentors] == [("查无此人", None)]
    assert any(e.type == "Person" and e.name == "查无此人" and e.key is None for e in read.extraction.entities)


def test_missing_name_column_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "noname.csv"
    path.write_text("工作单位,荣誉称号\n嘉兴市第二医院,嘉兴市劳动模范\n", encoding="utf-8")
    read = read_roster(path)
    assert [str(p) for p in read.problems] == ["noname.csv:1:姓名: no name column (姓名/name) in the header"]
    assert read.rows_valid == 0 and read.extraction.entities == []


def test_unknown_columns_are_kept_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "extra.csv"
    path.write_text("姓名,工作单位,荣誉称号,授予年份,爱好,电话\n张三,嘉兴市第二医院,嘉兴市劳动模范,2020,围棋,\n"
                    "李四,嘉兴市第二医院,,,,13800000000\n", encoding="utf-8")
    read = read_roster(path)
    assert read.unknown_columns == ["爱好"]
    zhang, li = people(read)
    assert json.loads(zhang.props["extra"]) == {"爱好": "围棋"}  # shown to editors only, like personal data
    assert not zhang.props.get("phone")  # personal data only when given
    assert li.props["phone"] == "13800000000"
    assert all("13800000000" not in f.evidence for f in read.extraction.facts)  # never in evidence


def test_synthetic_marker_is_skipped_and_counted() -> None:
    read = read_roster(DATA / "roster-gbk.csv")
    assert read.synthetic and read.note.startswith("# 合成数据")
    first = min(f.row for f in read.extraction.facts)
    assert first == 3  # note row 1, header row 2
    assert all(f.evidence.startswith(f"第{f.row}行: ") for f in read.extraction.facts)


def test_namesakes_stay_apart_and_mentors_prefer_the_same_unit(tmp_path: Path) -> None:
    path = tmp_path / "namesakes.csv"
    path.write_text("姓名,工作单位,师傅\n王伟,甲公司,\n王伟,乙医院,\n李娜,乙医院,王伟\n张敏,丙学校,王伟\n",
                    encoding="utf-8")
    read = read_roster(path)
    wang = [p for p in people(read) if p.name == "王伟"]
    assert [p.key for p in wang] == ["row2", "row3"]
    mentors = {f.object.name: f.subject.key for f in read.extraction.facts if f.type == "MENTORS"}
    assert mentors == {"李娜": "row3", "张敏": "row2"}


def test_each_row_states_its_facts_with_evidence() -> None:
    read = read_roster(SEED)
    zhang = next(p for p in people(read) if p.name == "张继东")
    assert zhang.key == zhang.external_id == "JX0001"
    facts = [f for f in read.extraction.facts if zhang.ref in (f.subject, f.object)]
    honors = {(f.object.name, f.year) for f in facts if f.type == "RECEIVED"}
    assert ("全国劳动模范", 2020) in honors and ("浙江省劳动模范", 2015) in honors
    assert {f.type for f in facts} >= {"WORKS_AT", "RECEIVED", "LEADS", "MENTORS", "PARTICIPATES_IN", "SERVES"}
    own = [f for f in facts if f.subject == zhang.ref and f.type != "MENTORS"]  # a MENTORS fact is the mentee's row
    assert own and all(f.row == 3 and f.evidence.startswith("第3行: 姓名=张继东") for f in own)
    wang = next(p for p in people(read) if p.name == "王金良")
    assert any(f.type == "ASSIGNED_TO" and f.subject == wang.ref and f.object.name == "四川省宜宾市屏山县"
               for f in read.extraction.facts)


def test_seed_roster_validates_and_has_lineages() -> None:
    read = read_roster(SEED)
    assert read.problems == [] and read.rows_valid == read.rows_total >= 290
    assert "synthetic" in SEED.name and read.synthetic
    names = [p.name for p in people(read)]
    assert {"张继东", "王金良", "王金亮", "杨开九", "朱雪山", "孙军", "柴金甫"} <= set(names)
    mentors = {(f.subject.name, f.object.name) for f in read.extraction.facts if f.type == "MENTORS"}
    mentees = {b for a, b in mentors if a == "张继东"}
    assert len(mentees) >= 2 and any(a in mentees for a, _ in mentors)  # 徒孙


def test_generator_is_deterministic_and_its_files_read_back(tmp_path: Path) -> None:
    assert generate_roster_rows(50, seed=3) == generate_roster_rows(50, seed=3)
    assert demo_rows() == demo_rows()
    rows = generate_roster_rows(200, seed=5)
    write_csv(tmp_path / "r.csv", rows, encoding="gb18030")
    write_xlsx(tmp_path / "r.xlsx", rows, english_headers=True)
    for path in (tmp_path / "r.csv", tmp_path / "r.xlsx"):
        read = read_roster(path)
        assert read.problems == [] and read.rows_valid == 200


# ---------------------------------------------------------------- as offices write them (issue 9)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_names_with_decorations_are_one_person_with_the_written_form_as_alias(tmp_path: Path) -> None:
    path = _write(tmp_path, "names.csv", "姓名,性别,工作单位\n省劳模唐建军,男,U\n张三同志,男,U\n李四（女）,,U\n"
                                         "马\u3000甫妮,女,U\n張繼東,男,U\n")
    found = {e.name: e for e in people(read_roster(path))}
    assert set(found) == {"唐建军", "张三", "李四", "马甫妮", "张继东"}
    assert found["李四"].props["gender"] == "女" and found["李四"].aliases == ["李四（女）"]
    assert found["张继东"].aliases == ["張繼東"] and found["马甫妮"].aliases == ["马\u3000甫妮"]


def test_abbreviated_honors_resolve_row_region_then_the_rosters(tmp_path: Path) -> None:
    header = "姓名,荣誉称号,授予年份,地区\n"
    rows = "甲一,市劳模,2019,桐乡市\n乙二,市劳模,2019,\n丙三,省五一劳动奖章,2020,\n丁四,县级劳模,2021,嘉善县\n"

    def honors(read) -> list[str]:
        return [f.object.name for f in read.extraction.facts if f.type == "RECEIVED"]

    by_title = read_roster(_write(tmp_path, "r.csv", "2023年嘉兴市劳模名单\n" + header + rows))
    assert by_title.title == "2023年嘉兴市劳模名单" and by_title.problems == []
    assert honors(by_title) == ["桐乡市劳动模范", "嘉兴市劳动模范", "浙江省五一劳动奖章", "嘉善县劳动模范"]
    by_file = read_roster(_write(tmp_path, "嘉兴市名单.csv", header + rows))
    assert honors(by_file) == honors(by_title)
    by_option = read_roster(_write(tmp_path, "plain.csv", header + rows), region="桐乡市")
    assert honors(by_option)[1] == "桐乡市劳动模范"
    # the rows' regions say the city (桐乡市 and 嘉善县 lie in 嘉兴市); with none, nothing does
    assert honors(read_roster(_write(tmp_path, "plain1.csv", header + rows)))[1] == "嘉兴市劳动模范"
    refused = read_roster(_write(tmp_path, "plain2.csv", header + rows.replace("桐乡市", "").replace("嘉善县", "")))
    problems = [str(p) for p in refused.problems]
    assert len(problems) == 4 and problems[1:3] == [
        'plain2.csv:3:荣誉称号: "市劳模" is an honor of a city (市), but nothing in the file says where: '
        "add a 地区 column or --region 嘉兴市 (or name the place in the title or the file name)",
        'plain2.csv:4:荣誉称号: "省五一劳动奖章" is an honor of a province (省/自治区), but nothing in the file says where: '
        "add a 地区 column or --region 嘉兴市 (or name the place in the title or the file name)",
    ]


def test_any_real_places_honors_are_known_and_a_made_up_place_is_refused(tmp_path: Path) -> None:
    """A city or county outside the taxonomy's list (a Luoyang roster) gives the honors every
    place gives, named in full, short or relative; a place the gazetteer does not know is still
    an unknown honor (a typo must not become an honor)."""
    from graph.honors import absolute_honor

    header = "姓名,荣誉称号,授予年份,地区\n"
    rows = ("甲一,洛阳市劳动模范,2019,涧西区\n乙二,市劳模,2020,涧西区\n丙三,洛阳劳模,2021,\n"
            "丁四,栾川县五一劳动奖章,2022,栾川县\n戊五,县级劳模,2018,栾川县\n")
    read = read_roster(_write(tmp_path, "ly.csv", header + rows))
    assert read.problems == []
    assert [f.object.name for f in read.extraction.facts if f.type == "RECEIVED"] == [
        "洛阳市劳动模范", "洛阳市劳动模范", "洛阳市劳动模范", "栾川县五一劳动奖章", "栾川县劳动模范"]
    city, county = absolute_honor("洛阳市先进工作者"), absolute_honor("栾川县五一劳动奖章")
    assert (city.level, city.issuer, county.level, county.issuer) == ("city", "洛阳市人民政府", "county", "栾川县总工会")
    refused = read_roster(_write(tmp_path, "typo.csv", header + "己六,洛杨市劳动模范,2019,\n"))
    assert [str(p) for p in refused.problems] == ['typo.csv:2:荣誉称号: unknown honor "洛杨市劳动模范"']


def test_a_roster_without_unit_column_loads_with_a_warning(tmp_path: Path) -> None:
    read = read_roster(_write(tmp_path, "nounit.csv", "姓名,荣誉称号,授予年份\n王伟,全国劳动模范,2020\n"))
    assert read.problems == [] and len(people(read)) == 1
    assert read.warnings and read.warnings[0].startswith("WARNING: no unit column")


def test_the_template_has_every_column_and_reads_as_an_empty_roster(tmp_path: Path) -> None:
    from graph.loaders.roster import SYNONYMS, write_template

    csv_path, xlsx_path = write_template(tmp_path / "tpl")
    for path in (csv_path, xlsx_path):
        read = read_roster(path)
        assert read.problems == [] and read.rows_total == 0 and read.unknown_columns == []
        assert set(read.header_map.values()) >= set(SYNONYMS) - {"unit_role", "birth_year"}


def test_the_readme_lists_every_accepted_column() -> None:
    from graph.loaders.roster import SYNONYMS

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert all(SYNONYMS[f][0] in readme for f in SYNONYMS)


def test_a_role_the_role_list_does_not_know_is_split_after_the_units_name() -> None:
    """Roles are open-ended (水质检验员, 制茶师, 配电运检班长); the words that end a unit's name are
    not, so the cell splits after the last of them when a role-like tail follows."""
    from graph.loaders.roster import unit_and_role

    assert unit_and_role("宜昌碧泉水务有限公司水质检验员") == ("宜昌碧泉水务有限公司", "水质检验员")
    assert unit_and_role("某某电力设备有限公司检修班班长") == ("某某电力设备有限公司", "检修班班长")
    assert unit_and_role("某县某村村主任") == ("某县某村", "村主任")  # the known role is the longer
    assert unit_and_role("某某研究所所长") == ("某某研究所", "所长")
    assert unit_and_role("某某集团有限公司党委书记、董事长") == ("某某集团有限公司", "党委书记、董事长")
    assert unit_and_role("长城汽车股份有限公司平湖分公司") == ("长城汽车股份有限公司平湖分公司", "")


def test_a_row_without_a_year_takes_the_year_its_title_names(tmp_path) -> None:
    """合成数据: the roster of one year's honors names the year only in its title."""
    path = tmp_path / "list.csv"
    path.write_text("# 合成数据 synthetic\n某某市2022年度劳动模范名单\n序号,姓名,工作单位及职务,荣誉称号\n"
                    "1,钟海峰,嘉兴某某水务有限公司水质检验员,嘉兴市劳动模范\n"
                    "2,沈丽萍,嘉兴市第一医院护士长,嘉兴市劳动模范、浙江省劳动模范\n", encoding="utf-8")
    facts = read_roster(path).extraction.facts
    years = {(f.subject.name, f.object.name): f.year for f in facts if f.type == "RECEIVED"}
    assert years[("钟海峰", "嘉兴市劳动模范")] == 2022
    assert years[("沈丽萍", "嘉兴市劳动模范")] is None  # two honors: the title's year may be neither's
    units = {(f.subject.name, f.object.name, f.props.get("role")) for f in facts if f.type == "WORKS_AT"}
    assert ("钟海峰", "嘉兴某某水务有限公司", "水质检验员") in units
    # a studio's member list of a year, or a visit in a year, does not date its members' honors
    for title in ("某某市劳模创新工作室成员名册（2024年度）", "某某区总工会2025年春节走访慰问劳模名单"):
        path.write_text(f"{title}\n姓名,荣誉称号\n钟海峰,嘉兴市劳动模范\n", encoding="utf-8")
        assert [f.year for f in read_roster(path).extraction.facts if f.type == "RECEIVED"] == [None]


def test_a_region_in_traditional_characters_or_inside_a_known_place_resolves_an_abbreviated_honor(
        tmp_path: Path) -> None:
    """合成数据: 漢壽縣 is 汉寿县; 常德经开区 (a development zone the gazetteer does not list) lies
    in 常德市; 市直 (the city's own offices) is in no county, and the row says what to write."""
    header = "姓名,荣誉,地区\n"
    rows = "甲一,縣級勞模,漢壽縣\n乙二,省五一劳动奖章,常德经开区\n丙三,县级劳模,市直\n"
    read = read_roster(_write(tmp_path, "plain.csv", header + rows))
    assert [f.object.name for f in read.extraction.facts if f.type == "RECEIVED"] == ["汉寿县劳动模范", "湖南省五一劳动奖章"]
    assert [str(p) for p in read.problems] == [
        'plain.csv:4:荣誉: "县级劳模" is an honor of a county (县/区/旗), but the region 市直 is not a place the '
        "gazetteer knows: write the county (县/区/旗) in the row's region (e.g. 桐乡市), or the full honor"]


def test_a_roster_without_a_place_in_its_title_takes_the_place_its_rows_lie_in(tmp_path: Path) -> None:
    """合成数据: a register named in pinyin, its rows in two districts of 潍坊市 and one with no
    region: 市劳模 of that row is 潍坊市劳动模范, 省劳模 山东省劳动模范."""
    read = read_roster(_write(tmp_path, "weifang_register.csv",
                              "姓名,荣誉,所在区县\n甲一,市劳模,奎文区\n乙二,市劳模、省劳模,\n丙三,省劳模,寒亭区\n"))
    assert read.region == "潍坊市" and read.problems == []
    assert [f.object.name for f in read.extraction.facts if f.type == "RECEIVED"] == [
        "潍坊市劳动模范", "潍坊市劳动模范", "山东省劳动模范", "山东省劳动模范"]


def test_a_register_repeating_a_persons_dossier_number_gives_one_person(tmp_path: Path) -> None:
    """An HR register writes one row per honor with the person's 档案号 on each: one person,
    both units and honors; the same number on another name is refused."""
    path = tmp_path / "赣州市省部级表彰人员登记表.csv"
    path.write_text("序号,档案号,姓名,出生日期,工作单位,荣誉称号,授予年份\n"
                    "1,GZ001,危艳,1978-05-12,南岭冶炼厂,省劳模,2016\n"
                    "2,GZ002,刘伟,,赣州市人民医院,省五一劳动奖章,2018\n"
                    "3,GZ001,危艳（女）,,鑫钨新材料公司,全国劳模,2020\n"
                    "4,GZ002,刘洋,,赣州市人民医院,全国劳模,2020\n", encoding="utf-8")
    read = read_roster(path)
    assert [str(p) for p in read.problems] == [
        f'{path.name}:5:档案号: duplicate record id "GZ002" (first in row 3) for another name: one id is one person']
    people = [e for e in read.extraction.entities if e.type == "Person"]
    assert [(e.name, e.external_id) for e in people] == [("危艳", "GZ001"), ("刘伟", "GZ002")]
    assert people[0].aliases == ["危艳（女）"] and people[0].props["gender"] == "女"
    facts = {(f.type, f.object.name, f.row) for f in read.extraction.facts if f.subject == people[0].ref}
    assert {("WORKS_AT", "南岭冶炼厂", 2), ("WORKS_AT", "鑫钨新材料公司", 4)} <= facts
    assert {("RECEIVED", "江西省劳动模范", 2), ("RECEIVED", "全国劳动模范", 4)} <= facts


def test_autonomous_regions_leagues_and_banners_have_their_short_forms(tmp_path: Path) -> None:
    """合成数据: 自治区劳模 is the autonomous region's honor (a province's level), 旗级劳模 a
    banner's (a county's), 盟劳模 a league's (a city's); one honor with two years was received twice."""
    read = read_roster(_write(tmp_path, "土右旗劳模登记表.csv",
                              "姓名,荣誉,年度,地区\n甲一,旗级劳模,2012,\n乙二,自治区劳模,2016,\n"
                              "丙三,自治区五一劳动奖章,2019,达茂旗\n丁四,盟劳模,2018,阿巴嘎旗\n戊五,市劳模,2015、2020,\n"))
    assert read.region == "土默特右旗" and read.problems == []
    level = {e.name: e.props["level"] for e in read.extraction.entities if e.type == "Honor"}
    assert [(f.object.name, level[f.object.name], f.year) for f in read.extraction.facts if f.type == "RECEIVED"] == [
        ("土默特右旗劳动模范", "county", 2012), ("内蒙古自治区劳动模范", "provincial", 2016),
        ("内蒙古自治区五一劳动奖章", "provincial", 2019), ("锡林郭勒盟劳动模范", "city", 2018),
        ("包头市劳动模范", "city", 2015), ("包头市劳动模范", "city", 2020)]


def test_a_places_skill_youth_and_womens_titles_are_known_honors(tmp_path: Path) -> None:
    """合成数据: 市技术能手, 市青年岗位能手, 市巾帼建功标兵, 县三八红旗手 are honors every city and
    county gives, as its 劳动模范 is; a place's 工匠 programme is not known everywhere."""
    read = read_roster(_write(tmp_path, "绵阳市工作室成员.csv", "姓名,荣誉,地区\n甲一,绵阳工匠,\n乙二,市技术能手,\n"
                                                             "丙三,市青年岗位能手、市巾帼建功标兵,\n丁四,县三八红旗手,三台县\n"))
    assert [p.message for p in read.problems] == ['unknown honor "绵阳工匠"']
    assert [f.object.name for f in read.extraction.facts if f.type == "RECEIVED"] == [
        "绵阳市技术能手", "绵阳市青年岗位能手", "绵阳市巾帼建功标兵", "三台县三八红旗手"]


def test_an_honor_written_with_its_year_or_its_former_county_is_read_whole(tmp_path: Path) -> None:
    """合成数据: registers glue the year to the honor (2013年市先进工作者, 市五一劳动奖章（2015）),
    and name a county renamed since by its name of the time (遵义县 is 播州区 since 2016)."""
    read = read_roster(_write(tmp_path, "遵义市劳模名册.csv",
                              "姓名,所获荣誉,所在县（市、区）\n甲一,2013年市先进工作者、省劳模（2016）,仁怀市\n"
                              "乙二,1993年遵义县劳模,\n丙三,县级劳模（原遵义县）,\n丁四,2031年市劳模,\n"))
    assert read.header_map["所在县（市、区）"] == "region"
    assert [p.message for p in read.problems] == [f'year 2031 of "市劳模" out of range 1950..{date.today().year}']
    assert [(f.object.name, f.year) for f in read.extraction.facts if f.type == "RECEIVED"] == [
        ("仁怀市先进工作者", 2013), ("贵州省劳动模范", 2016), ("遵义县劳动模范", 1993), ("遵义县劳动模范", None)]


def test_a_grouping_column_written_once_per_group_is_read_down(tmp_path: Path) -> None:
    """合成数据: a spreadsheet's merged cells, exported, leave the county and the studio on the
    group's first row only: the rows below are that group's. A studio column without roles and
    a region column filled row by row keep their blanks."""
    read = read_roster(_write(tmp_path, "遵义市工作室名单.csv",
                              "工作室名称,工作室职务,姓名,荣誉,地区,单位\n甲一工作室,领衔人,甲一,县级劳模,仁怀市,赤岭酒业\n"
                              ",成员,乙二,县级劳模,,赤岭酒业\n,成员,丙三,,,\n丁四工作室,领衔人,丁四,,习水县,\n"
                              ",成员,戊五,,,习水酒厂\n"))
    assert read.problems == []
    assert "NOTE: 3 blank 地区 cells read as the value above them (cells merged in the spreadsheet)" in read.warnings
    facts = [(f.type, f.subject.name, f.object.name) for f in read.extraction.facts]
    assert ("RECEIVED", "乙二", "仁怀市劳动模范") in facts and ("MEMBER_OF", "丙三", "甲一工作室") in facts
    assert ("MEMBER_OF", "戊五", "丁四工作室") in facts and ("LOCATED_IN", "习水酒厂", "习水县") in facts
    sparse = read_roster(_write(tmp_path, "b.csv", "姓名,创新工作室,地区\n甲一,甲一工作室,仁怀市\n乙二,,\n丙三,,习水县\n"))
    assert not any("merged" in w for w in sparse.warnings)
    assert [f.subject.name for f in sparse.extraction.facts if f.type in ("LEADS", "MEMBER_OF")] == ["甲一"]


def test_a_studio_list_headed_studio_name_gives_each_member_the_studio(tmp_path: Path) -> None:
    read = read_roster(_write(tmp_path, "studios.csv", "工作室名称,姓名,工作室职务\n甲一劳模创新工作室,甲一,领衔人\n"
                                                      "甲一劳模创新工作室,乙二,成员\n"))
    assert read.header_map["工作室名称"] == "studio" and read.unknown_columns == []
    assert [(f.type, f.object.name) for f in read.extraction.facts] == [
        ("LEADS", "甲一劳模创新工作室"), ("MEMBER_OF", "甲一劳模创新工作室")]
