"""Roster reading as a plain function: encodings, header synonyms, problems, markers."""
from __future__ import annotations

from pathlib import Path

from graph.loaders.roster import read_roster

DATA = Path(__file__).parent / "data"


def test_encodings_are_detected() -> None:
    assert read_roster(DATA / "roster-gbk.csv").encoding == "gb18030"
    assert read_roster(DATA / "roster-bom.csv").encoding == "utf-8-sig"
    assert read_roster(DATA / "roster-english.xlsx").encoding == "xlsx"


def test_chinese_and_english_headers_map_to_the_same_fields() -> None:
    chinese = read_roster(DATA / "roster-gbk.csv")
    english = read_roster(DATA / "roster-english.xlsx")
    assert chinese.header_map["姓名"] == english.header_map["Name"] == "name"
    assert english.header_map["Employer"] == "unit" and english.header_map["Record ID"] == "record_id"
    assert chinese.problems == [] and english.problems == []


def test_problems_name_file_row_and_column() -> None:
    read = read_roster(DATA / "roster-bad.csv")
    text = [str(p) for p in read.problems]
    assert "roster-bad.csv:2:姓名: empty name" in text
    assert any(t.startswith("roster-bad.csv:3:荣誉称号: unknown honor") for t in text)
    assert any(t.startswith("roster-bad.csv:4:授予年份:") for t in text)
    assert any(t.startswith("roster-bad.csv:5:性别:") for t in text)
    assert any(t.startswith("roster-bad.csv:6:师傅:") for t in text)
    assert any(t.startswith("roster-bad.csv:7:编号:") for t in text)
    assert read.rows_valid == 0


def test_unknown_columns_are_kept_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "extra.csv"
    path.write_text("姓名,工作单位,荣誉称号,授予年份,爱好\n张三,嘉兴市第二医院,嘉兴市劳动模范,2020,围棋\n", encoding="utf-8")
    read = read_roster(path)
    assert read.unknown_columns == ["爱好"]
    person = next(e for e in read.extraction.entities if e.type == "Person")
    assert person.props["爱好"] == "围棋"


def test_synthetic_marker_is_skipped_and_rows_of_one_record_id_are_one_person() -> None:
    read = read_roster(Path(__file__).parent.parent / "seed" / "synthetic-demo-roster.csv")
    assert read.synthetic and read.problems == []
    zhang = [e for e in read.extraction.entities if e.type == "Person" and e.name == "张继东"]
    assert len(zhang) == 1
    honors = {f.object.name for f in read.extraction.facts if f.type == "RECEIVED" and f.subject == zhang[0].ref}
    assert honors == {"全国劳动模范", "浙江省劳动模范"}


def test_namesakes_in_one_file_stay_apart(tmp_path: Path) -> None:
    path = tmp_path / "namesakes.csv"
    path.write_text("编号,姓名,工作单位\n1,王伟,甲公司\n2,王伟,乙医院\n", encoding="utf-8")
    people = [e for e in read_roster(path).extraction.entities if e.type == "Person"]
    assert len(people) == 2 and {p.external_id for p in people} == {"1", "2"}
