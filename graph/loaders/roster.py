"""Honor rosters (CSV or XLSX) read and validated whole into an Extraction.

Why whole: a roster is refused or accepted as one source, so every problem of the file is
listed at once (`file:row:column: problem`) before anything is written.

- Encodings: strict UTF-8 (with or without BOM) first, then GB18030 (a superset of GBK,
  reported as "gbk" when plain GBK decodes it too), charset-normalizer last.
- Headers in Chinese or English are mapped by synonyms after normalising case, spaces and
  full-width forms; unknown columns are kept (as the person's `extra`, shown to editor and
  admin only, like personal columns) and reported.
- Row numbers are the file's own row numbers, as a spreadsheet or editor shows them: the
  first row of the file is row 1. A leading note line starting with `#` (used to mark
  synthetic data) is skipped as data but keeps its number, so in a file with such a note
  the header is row 2 and the first person row 3; without it the header is row 1. Blank
  rows are skipped and keep their numbers too. Columns are named by the header as written.
- Each valid row is one Person keyed by its record id (or `row{n}`), so two namesakes of
  one file stay two people until the resolver decides; its facts carry the row number and
  a readable copy of the row's declared public columns (EVIDENCE_COLUMNS) as evidence:
  personal and unknown columns never reach evidence.
"""
from __future__ import annotations

import csv
import json
import gc
import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph.errors import InvalidRequest
from graph.facts import Entity, Extraction, Fact, Ref
from graph.honors import canonical_honor
from graph.names import normalize_person_name, normalize_text, to_halfwidth

SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "劳模姓名", "name", "full name", "person name"),
    "gender": ("性别", "gender", "sex"),
    "unit": ("工作单位", "单位", "所在单位", "单位名称", "employer", "unit", "organization", "organisation",
             "company", "work unit"),
    "role": ("职务", "岗位", "职务职称", "职称", "role", "title", "position", "job title"),
    "honor": ("荣誉称号", "称号", "荣誉", "所获荣誉", "honor", "honour", "honors", "honours", "award",
              "honor title"),
    "year": ("授予年份", "年度", "年份", "获评年份", "授予年度", "year", "award year", "year awarded"),
    "region": ("地区", "所在地区", "区域", "所在地", "region", "area"),
    "studio": ("创新工作室", "工作室", "劳模创新工作室", "studio", "innovation studio"),
    "studio_role": ("工作室角色", "工作室职务", "studio role"),
    "assignment": ("挂职", "挂职地", "挂职地区", "挂职单位", "assigned to", "assignment", "secondment"),
    "mentor": ("师傅", "导师", "师父", "mentor", "master"),
    "project": ("项目", "参与项目", "project", "projects"),
    "village": ("服务村", "村", "服务村社", "村社", "village", "villages"),
    "record_id": ("编号", "工号", "记录编号", "序号编号", "record id", "id", "record no", "staff id"),
    "birth_year": ("出生年份", "出生年", "birth year", "year of birth", "born"),
    "sector": ("行业", "领域", "所属领域", "sector", "field", "industry"),
    # personal columns (PERSONAL_COLUMNS below): stored only as personal properties
    "birth_date": ("出生日期", "出生年月", "出生年月日", "生日", "出生时间", "birth date", "date of birth",
                   "dob", "birthday"),
    "phone": ("电话", "手机", "手机号", "手机号码", "联系电话", "联系方式", "移动电话", "办公电话", "固定电话",
              "电话号码", "phone", "mobile", "mobile phone", "telephone", "tel", "phone number", "contact"),
    "id_number": ("身份证号", "身份证", "身份证号码", "公民身份号码", "身份证件号码", "证件号码", "证件号",
                  "id number", "id card", "id card number", "id no"),
    "address": ("住址", "家庭住址", "家庭地址", "地址", "通讯地址", "联系地址", "居住地址", "现住址", "户籍地址",
                "address", "home address", "postal address"),
    "email": ("邮箱", "电子邮箱", "电子邮件", "email", "e-mail", "mail"),
    "ethnicity": ("民族", "ethnicity", "ethnic group"),
    "political_status": ("政治面貌", "党派", "political status", "party affiliation"),
    "education": ("学历", "文化程度", "最高学历", "education", "degree"),
    "note": ("备注", "说明", "附注", "主要事迹", "事迹", "简要事迹", "事迹简介", "个人简介", "简介", "先进事迹",
             "remark", "remarks", "note", "notes", "comment", "comments", "description", "biography"),
}
_LOOKUP = {normalize_text(s): key for key, syns in SYNONYMS.items() for s in syns}
PERSONAL_COLUMNS = ("birth_year", "birth_date", "phone", "id_number", "address", "email", "ethnicity",
                    "political_status", "education", "note")
"""Personal data (graph.vocabulary.PERSONAL_PROPERTIES once written): kept as personal properties
only, never copied into evidence, reasons or messages. Unknown columns are treated alike."""
EVIDENCE_COLUMNS = ("name", "gender", "unit", "role", "honor", "year", "region", "sector", "studio",
                    "studio_role", "assignment", "mentor", "project", "village")
"""The columns a fact's evidence quotes: declared public fields only, so a column nobody
thought of can never leak into what readers see."""

GENDERS = {"男": "男", "女": "女", "男性": "男", "女性": "女", "m": "男", "f": "女", "male": "男", "female": "女"}
LEADER_ROLES = ("领衔人", "负责人", "带头人", "leader", "lead", "head")
SPLIT_HONORS = re.compile(r"[、;；，,/]")
SPLIT_NAMES = re.compile(r"[、;；]")
FIRST_YEAR = 1950


@dataclass(frozen=True)
class Problem:
    """One problem of a roster, printed as `file:row:column: message`."""

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.message}"


@dataclass
class RosterRead:
    """What reading a roster gives: the valid rows as an Extraction, and every problem."""

    extraction: Extraction
    problems: list[Problem]
    unknown_columns: list[str]
    rows_total: int
    rows_valid: int
    content_hash: str
    encoding: str
    header_map: dict[str, str] = field(default_factory=dict)
    """Header as written → field name (姓名 → name, Employer → unit)."""
    note: str | None = None
    """The leading `#` line, if any (合成数据 synthetic …)."""

    @property
    def synthetic(self) -> bool:
        return bool(self.note) and ("合成" in self.note or "synthetic" in self.note.lower())


class RosterError(InvalidRequest):
    """A file that cannot be read as a roster at all (wrong type, undecodable, empty)."""


class RosterRefused(InvalidRequest):
    """A roster with invalid rows, refused whole; `problems` lists each as file:row:column: problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"roster refused: {len(problems)} problem(s)")
        self.problems = problems


# ---------------------------------------------------------------- the table


def decode(data: bytes) -> tuple[str, str]:
    """The text and its encoding: strict UTF-8 (BOM or not), then GB18030, then a guess."""
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        try:
            data.decode("gbk")
            return text, "gbk"
        except UnicodeDecodeError:
            return text, "gb18030"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise RosterError("cannot detect the text encoding (tried UTF-8, GB18030 and a guess)")
    return str(best), best.encoding


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def _numbered_rows(path: Path, data: bytes) -> tuple[list[tuple[int, list[str]]], str]:
    """(row number, cells) for every row of the file, and the encoding ("xlsx" for workbooks)."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            rows = [(n, [_cell_text(c) for c in row])
                    for n, row in enumerate(book.active.iter_rows(values_only=True), start=1)]
        finally:
            book.close()
        return rows, "xlsx"
    if suffix in (".csv", ".txt"):
        text, encoding = decode(data)
        return [(n, [c.strip() for c in row]) for n, row in enumerate(csv.reader(io.StringIO(text)), start=1)], encoding
    raise RosterError(f"{path.name}: a roster must be a .csv or .xlsx file")


def map_headers(header: list[str]) -> tuple[dict[str, int], dict[str, str], list[str]]:
    """Field → column index, header → field, and the unknown headers (kept as written).
    A second column mapping to a field already taken is treated as unknown."""
    columns: dict[str, int] = {}
    header_map: dict[str, str] = {}
    unknown: list[str] = []
    for i, h in enumerate(header):
        if not h:
            continue
        key = _LOOKUP.get(normalize_text(h))
        if key and key not in columns:
            columns[key] = i
            header_map[h] = key
        else:
            unknown.append(h)
    return columns, header_map, unknown


@lru_cache(maxsize=4096)
def _year(value: str) -> int | None:
    """2019, 2019年, 2019年度, 1968-05, 1968.05.12, 1968年5月 → the year; anything else None."""
    value = to_halfwidth(value).strip().removesuffix(".0")
    match = re.fullmatch(r"(\d{4})(?:年度?|[-./]\d{1,2}(?:[-./]\d{1,2})?|年\d{1,2}月(?:\d{1,2}日)?)?", value)
    return int(match.group(1)) if match else None


def _parts(value: str, pattern: re.Pattern[str] = SPLIT_HONORS) -> list[str]:
    return [p.strip() for p in pattern.split(value) if p.strip()]


# ---------------------------------------------------------------- reading


def read_roster(path: str | Path, known_people: Callable[[str], bool] | None = None,
                province: str = "浙江省", city: str | None = None) -> RosterRead:
    """Read and validate a whole roster. `known_people(name)` tells whether the graph
    already holds a person of that name (for mentors not in the file); honors' relative
    short forms (省劳模) resolve against `province` and `city`."""
    enabled = gc.isenabled()
    gc.disable()  # a large roster makes millions of small objects and nothing cyclic: collect once, after
    try:
        return _read(Path(path), known_people, province, city)
    finally:
        if enabled:
            gc.enable()


def _read(path: Path, known_people: Callable[[str], bool] | None, province: str, city: str | None) -> RosterRead:
    data = path.read_bytes()
    content_hash = hashlib.sha256(data).hexdigest()
    numbered, encoding = _numbered_rows(path, data)
    note = None
    if numbered and numbered[0][1] and numbered[0][1][0].startswith("#"):
        note = ",".join(c for c in numbered[0][1] if c)
        numbered = numbered[1:]
    numbered = [(n, row) for n, row in numbered if any(row)]
    if not numbered:
        raise RosterError(f"{path.name}: no header row")
    (header_row, header), body = numbered[0], numbered[1:]
    columns, header_map, unknown = map_headers(header)
    fname = path.name
    if "name" not in columns:
        problem = Problem(fname, header_row, "姓名", "no name column (姓名/name) in the header")
        return RosterRead(Extraction(), [problem], unknown, len(body), 0, content_hash, encoding, header_map, note)

    table = _Table(header, columns)
    if known_people is not None:  # one graph lookup per distinct mentor name, not per row
        known_people = _remembered(known_people)
    problems: list[Problem] = []
    valid: list[tuple[int, list[str]]] = []
    names_in_file = {normalize_person_name(table.cell(row, "name")) for _, row in body} - {""}
    first_row_of_id: dict[str, int] = {}
    this_year = date.today().year
    for n, row in body:
        found = _row_problems(fname, n, row, table, names_in_file, first_row_of_id, known_people,
                              province, city, this_year)
        problems += found
        if not found:
            valid.append((n, row))
    extraction = _extract(valid, table, unknown, province, city)
    return RosterRead(extraction, problems, unknown, len(body), len(valid), content_hash, encoding,
                      header_map, note)


def _remembered(known_people: Callable[[str], bool]) -> Callable[[str], bool]:
    answers: dict[str, bool] = {}

    def known(name: str) -> bool:
        if name not in answers:
            answers[name] = known_people(name)
        return answers[name]

    return known


@dataclass
class _Table:
    header: list[str]
    columns: dict[str, int]

    def cell(self, row: list[str], key: str) -> str:
        i = self.columns.get(key)
        return row[i] if i is not None and i < len(row) else ""

    def column(self, key: str) -> str:
        return self.header[self.columns[key]]


def _row_problems(fname: str, n: int, row: list[str], table: _Table, names_in_file: set[str],
                  first_row_of_id: dict[str, int], known_people: Callable[[str], bool] | None,
                  province: str, city: str | None, this_year: int) -> list[Problem]:
    """Every problem of one row (record ids are remembered across rows)."""
    bad: list[Problem] = []

    def problem(key: str, message: str) -> None:
        bad.append(Problem(fname, n, table.column(key), message))

    name = normalize_person_name(table.cell(row, "name"))
    if not name:
        problem("name", "empty name")
    honors = _parts(table.cell(row, "honor"))
    for honor in honors:
        if canonical_honor(honor, province=province, city=city) is None:
            problem("honor", f'unknown honor "{honor}"')
    years = _parts(table.cell(row, "year"))
    for raw in years:
        value = _year(raw)
        if value is None:
            problem("year", f'not a year: "{raw}"')
        elif not FIRST_YEAR <= value <= this_year:
            problem("year", f"year {value} out of range {FIRST_YEAR}..{this_year}")
    if len(years) > 1 and len(years) != len(honors):
        problem("year", f"{len(years)} years for {len(honors)} honors: give one year, or one per honor")
    for key in ("birth_year", "birth_date"):  # personal: the message never repeats the value
        born = table.cell(row, key)
        if born:
            value = _year(born)
            if value is None or not 1900 <= value <= this_year:
                problem(key, f"not a birth year or date between 1900 and {this_year} (value not shown: personal data)")
    gender = table.cell(row, "gender")
    if gender and gender.lower() not in GENDERS:
        problem("gender", f'gender must be 男 or 女 (or male/female), not "{gender}"')
    mentor = normalize_person_name(table.cell(row, "mentor"))
    if mentor:
        if mentor == name:
            problem("mentor", f'"{mentor}" cannot be their own mentor')
        elif mentor not in names_in_file and not (known_people and known_people(mentor)):
            problem("mentor", f'mentor "{mentor}" not found in the file nor in the graph')
    record_id = table.cell(row, "record_id")
    if record_id:
        first = first_row_of_id.setdefault(record_id, n)
        if first != n:
            problem("record_id", f'duplicate record id "{record_id}" (first in row {first})')
    return bad


# ---------------------------------------------------------------- facts


def _extract(valid: list[tuple[int, list[str]]], table: _Table, unknown: list[str], province: str,
             city: str | None) -> Extraction:
    ex = Extraction()
    entities: dict[Ref, Entity] = {}
    unknown_idx = [(h, table.header.index(h)) for h in unknown]
    evidence_cols = sorted((table.columns[k], table.column(k)) for k in EVIDENCE_COLUMNS if k in table.columns)

    def entity(kind: str, name: str, key: str | None = None, **props: Any) -> Ref:
        ref = Ref(kind, name, key)
        if ref not in entities:
            entities[ref] = Entity(kind, name, props={k: v for k, v in props.items() if v not in (None, "")},
                                   key=key)
        return ref

    # people first, so a mentor later in the file is found too
    people: list[tuple[int, list[str], Ref]] = []
    by_name: dict[str, list[tuple[Ref, str]]] = {}  # name → [(ref, unit)] in file order
    for n, row in valid:
        name = normalize_person_name(table.cell(row, "name"))
        record_id = table.cell(row, "record_id") or None
        props: dict[str, Any] = {
            "gender": GENDERS.get(table.cell(row, "gender").lower()),
            "birth_year": _year(table.cell(row, "birth_year") or table.cell(row, "birth_date")),
            "sector": table.cell(row, "sector"),
            "region": table.cell(row, "region"),
        }
        for key in PERSONAL_COLUMNS:
            if key != "birth_year":
                props[key] = table.cell(row, key)
        extra = {h: row[i] for h, i in unknown_idx if i < len(row) and row[i]}
        props["extra"] = json.dumps(extra, ensure_ascii=False) if extra else None
        ref = entity("Person", name, record_id or f"row{n}", **props)
        entities[ref].external_id = record_id
        by_name.setdefault(name, []).append((ref, table.cell(row, "unit")))
        people.append((n, row, ref))

    for n, row, ref in people:
        evidence = f"第{n}行: " + "; ".join(f"{h}={row[i]}" for i, h in evidence_cols if i < len(row) and row[i])

        def fact(kind: str, subject: Ref, obj: Ref, year: int | None = None, **props: Any) -> None:
            ex.facts.append(Fact(kind, subject, obj, evidence, year=year, row=n,
                                 props={k: v for k, v in props.items() if v}))

        unit = table.cell(row, "unit")
        role = table.cell(row, "role")
        unit_ref = entity("Unit", unit) if unit else None
        if unit_ref:
            fact("WORKS_AT", ref, unit_ref, role=role)
        region = table.cell(row, "region")
        if region and unit_ref:
            fact("LOCATED_IN", unit_ref, entity("Region", region))
        honors = _parts(table.cell(row, "honor"))
        years = [_year(y) for y in _parts(table.cell(row, "year"))]
        for i, honor in enumerate(honors):
            title = canonical_honor(honor, province=province, city=city)
            year = years[i] if len(years) == len(honors) else (years[0] if len(years) == 1 else None)
            if title:
                fact("RECEIVED", ref, entity("Honor", title.name, level=title.level), year=year)
        studio = table.cell(row, "studio")
        if studio:
            studio_ref = entity("Studio", studio)
            studio_role = (table.cell(row, "studio_role") or role).lower()
            leads = any(r in studio_role for r in LEADER_ROLES)
            fact("LEADS" if leads else "MEMBER_OF", ref, studio_ref, role=table.cell(row, "studio_role"))
            if unit_ref:
                fact("HOSTED_BY", studio_ref, unit_ref)
        assignment = table.cell(row, "assignment")
        if assignment:  # 挂职: a person sent to a region for a time
            fact("ASSIGNED_TO", ref, entity("Region", assignment))
        for project in _parts(table.cell(row, "project"), SPLIT_NAMES):
            fact("PARTICIPATES_IN", ref, entity("Project", project))
        for village in _parts(table.cell(row, "village"), SPLIT_NAMES):
            fact("SERVES", ref, entity("Village", village))
        mentor = normalize_person_name(table.cell(row, "mentor"))
        if mentor:
            fact("MENTORS", _mentor_ref(mentor, unit, by_name, entity), ref)
    ex.entities = list(entities.values())
    return ex


def _mentor_ref(mentor: str, unit: str, by_name: dict[str, list[tuple[Ref, str]]],
                entity: Callable[..., Ref]) -> Ref:
    """The mentor's row in this file (the namesake at the same unit, else the first);
    a mentor only in the graph is a person without key, for the resolver to find."""
    rows = by_name.get(mentor)
    if rows:
        return next((r for r, u in rows if unit and u == unit), rows[0][0])
    return entity("Person", mentor)
