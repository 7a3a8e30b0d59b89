"""Honor rosters (CSV or XLSX) read and validated whole into an Extraction.

Encodings UTF-8 (with or without BOM), GBK and GB18030 are detected; headers in Chinese
or English are mapped by synonyms; unknown columns are kept as properties and reported.
Rows sharing a record id (or, without ids, a name and unit) are one person with several
honors. Every problem is reported as `file:row:column: problem` with the header as row 1; a
first line starting with `#` (a note such as "合成数据 synthetic demo data") is not part
of the table and does not count as a row. Each valid row becomes a Person (keyed by its
record id or row, so namesakes stay apart) and the facts the row states, each with the
row as evidence.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from graph.facts import Entity, Extraction, Fact, Ref
from graph.honors import canonical_honor
from graph.names import normalize_person_name, normalize_text, to_halfwidth

SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "name", "fullname", "personname"),
    "gender": ("性别", "gender", "sex"),
    "unit": ("工作单位", "单位", "所在单位", "employer", "unit", "organization", "organisation", "company"),
    "role": ("职务", "岗位", "职务职称", "role", "title", "position", "jobtitle"),
    "honor": ("荣誉称号", "称号", "荣誉", "所获荣誉", "honor", "honour", "award"),
    "year": ("授予年份", "年度", "年份", "获评年份", "year", "awardyear"),
    "region": ("地区", "所在地区", "区域", "region", "area", "city"),
    "studio": ("创新工作室", "工作室", "studio"),
    "studio_role": ("工作室角色", "studiorole"),
    "mentor": ("师傅", "导师", "mentor", "master"),
    "project": ("项目", "参与项目", "project"),
    "village": ("服务村", "村", "服务村社", "village"),
    "record_id": ("编号", "工号", "记录编号", "recordid", "id", "no", "number"),
    "birth_year": ("出生年份", "出生年", "birthyear", "yearofbirth"),
    "sector": ("行业", "领域", "sector", "field"),
    "phone": ("电话", "手机", "联系电话", "phone", "mobile"),
    "id_number": ("身份证号", "身份证", "idnumber", "idcard"),
    "address": ("住址", "家庭住址", "address", "homeaddress"),
}
_LOOKUP = {normalize_text(s): key for key, syns in SYNONYMS.items() for s in syns}
GENDERS = {"男": "男", "女": "女", "m": "男", "f": "女", "male": "男", "female": "女"}
LEADER_ROLES = ("领衔人", "负责人", "带头人", "leader", "lead", "head")
SPLIT = re.compile(r"[、;；,，/|]")


@dataclass(frozen=True)
class Problem:
    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.message}"


@dataclass
class RosterRead:
    extraction: Extraction
    problems: list[Problem]
    unknown_columns: list[str]
    rows_total: int
    rows_valid: int
    content_hash: str
    encoding: str
    header_map: dict[str, str] = field(default_factory=dict)
    synthetic: bool = False


class RosterError(ValueError):
    """A file that cannot be read as a roster at all."""


def _decode(data: bytes) -> tuple[str, str]:
    """UTF-8 (BOM or not) strictly first, then GB18030 (a superset of GBK), then a guess."""
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise RosterError("cannot detect the text encoding")
    return str(best), best.encoding


def _table(path: Path, data: bytes) -> tuple[list[list[str]], str, str | None]:
    """Rows of cells as text, the encoding, and the leading # note if any."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
        rows = [["" if c is None else str(c).strip() for c in row] for row in sheet.iter_rows(values_only=True)]
        encoding = "xlsx"
    elif path.suffix.lower() == ".csv":
        text, encoding = _decode(data)
        rows = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text))]
    else:
        raise RosterError(f"{path.name}: a roster must be .csv or .xlsx")
    note = None
    if rows and rows[0] and rows[0][0].startswith("#"):
        note = ",".join(c for c in rows[0] if c)
        rows = rows[1:]
    rows = [r for r in rows if any(c for c in r)]
    return rows, encoding, note


def _int(value: str) -> int | None:
    value = to_halfwidth(value).strip().removesuffix("年").removesuffix(".0")
    return int(value) if value.isdigit() else None


def read_roster(path: str | Path, known_people: Callable[[str], bool] | None = None,
                province: str = "浙江省") -> RosterRead:
    path = Path(path)
    data = path.read_bytes()
    rows, encoding, note = _table(path, data)
    fname = path.name
    problems: list[Problem] = []
    if not rows:
        raise RosterError(f"{fname}: no header row")
    header = rows[0]
    header_map: dict[str, str] = {}
    columns: dict[str, int] = {}
    unknown: list[str] = []
    for i, h in enumerate(header):
        key = _LOOKUP.get(normalize_text(h))
        if key and key not in columns:
            columns[key] = i
            header_map[h] = key
        elif h:
            unknown.append(h)
    if "name" not in columns:
        problems.append(Problem(fname, 1, header[0] if header else "", "no name column (姓名/name)"))
        return RosterRead(Extraction(), problems, unknown, len(rows) - 1, 0,
                          hashlib.sha256(data).hexdigest(), encoding, header_map, bool(note))
    col_name = {key: header[i] for key, i in columns.items()}

    def cell(row: list[str], key: str) -> str:
        i = columns.get(key)
        return row[i].strip() if i is not None and i < len(row) else ""

    body = rows[1:]
    names_in_file: dict[str, list[int]] = {}
    for n, row in enumerate(body, start=2):
        person = normalize_person_name(cell(row, "name"))
        if person:
            names_in_file.setdefault(person, []).append(n)
    seen_ids: dict[str, tuple[int, str]] = {}
    valid: list[tuple[int, list[str]]] = []
    this_year = date.today().year
    for n, row in enumerate(body, start=2):
        bad: list[Problem] = []
        name = normalize_person_name(cell(row, "name"))
        if not name:
            bad.append(Problem(fname, n, col_name["name"], "empty name"))
        for honor in SPLIT.split(cell(row, "honor")):
            if honor.strip() and canonical_honor(honor.strip(), province=province) is None:
                bad.append(Problem(fname, n, col_name["honor"], f"unknown honor {honor.strip()!r}"))
        for key, low in (("year", 1950), ("birth_year", 1900)):
            raw = cell(row, key)
            if raw:
                value = _int(raw)
                if value is None or not low <= value <= this_year:
                    bad.append(Problem(fname, n, col_name[key], f"year out of range or not a year: {raw!r}"))
        gender = cell(row, "gender")
        if gender and gender.lower() not in GENDERS:
            bad.append(Problem(fname, n, col_name["gender"], f"gender must be 男 or 女, not {gender!r}"))
        mentor = normalize_person_name(cell(row, "mentor"))
        if mentor and mentor not in names_in_file and not (known_people and known_people(mentor)):
            bad.append(Problem(fname, n, col_name["mentor"], f"mentor {mentor!r} not found in the file or the graph"))
        record_id = cell(row, "record_id")
        if record_id and name:
            # one person may take several rows (one per honor) under one record id
            first = seen_ids.get(record_id)
            if first is not None and first[1] != name:
                bad.append(Problem(fname, n, col_name["record_id"],
                                   f"record id {record_id!r} already used for {first[1]} in row {first[0]}"))
            elif first is None:
                seen_ids[record_id] = (n, name)
        problems += bad
        if not bad:
            valid.append((n, row))

    extraction = _extract(valid, columns, header, unknown, province, cell)
    return RosterRead(extraction, problems, unknown, len(body), len(valid),
                      hashlib.sha256(data).hexdigest(), encoding, header_map, bool(note))


def _extract(valid: list[tuple[int, list[str]]], columns: dict[str, int], header: list[str],
             unknown: list[str], province: str, cell: Callable[[list[str], str], str]) -> Extraction:
    ex = Extraction()
    entities: dict[Ref, Entity] = {}
    person_refs: dict[str, list[tuple[Ref, str]]] = {}  # name → [(ref, unit)]
    unknown_idx = [header.index(u) for u in unknown]

    def entity(kind: str, name: str, key: str | None = None, **props: Any) -> Ref:
        ref = Ref(kind, name, key)
        if ref not in entities:
            entities[ref] = Entity(kind, name, props={k: v for k, v in props.items() if v not in (None, "")}, key=key)
        return ref

    rows = []
    for n, row in valid:
        name = normalize_person_name(cell(row, "name"))
        record_id = cell(row, "record_id") or None
        extra = {header[i]: row[i] for i in unknown_idx if i < len(row) and row[i]}
        gender = GENDERS.get(cell(row, "gender").lower())
        unit = cell(row, "unit")
        same = next((r for r, u in person_refs.get(name, []) if u == unit), None) if not record_id else None
        ref = same or entity("Person", name, record_id or f"row{n}", gender=gender,
                     birth_year=_int(cell(row, "birth_year")), sector=cell(row, "sector"),
                     region=cell(row, "region"), role=cell(row, "role"), phone=cell(row, "phone"),
                     id_number=cell(row, "id_number"), address=cell(row, "address"), **extra)
        entities[ref].external_id = record_id
        if same is None and ref not in [r for r, _ in person_refs.get(name, [])]:
            person_refs.setdefault(name, []).append((ref, unit))
        rows.append((n, row, ref))

    for n, row, ref in rows:
        evidence = f"第{n}行: " + "; ".join(f"{h}={row[i]}" for i, h in enumerate(header) if i < len(row) and row[i])

        def fact(kind: str, subject: Ref, obj: Ref, **kw: Any) -> None:
            ex.facts.append(Fact(kind, subject, obj, evidence, row=n, **kw))

        unit = cell(row, "unit")
        unit_ref = entity("Unit", unit) if unit else None
        if unit_ref:
            fact("WORKS_AT", ref, unit_ref, props={"role": cell(row, "role")} if cell(row, "role") else {})
        region = cell(row, "region")
        if region:
            region_ref = entity("Region", region)
            if unit_ref:
                fact("LOCATED_IN", unit_ref, region_ref)
        year = _int(cell(row, "year"))
        for honor in SPLIT.split(cell(row, "honor")):
            title = canonical_honor(honor.strip(), province=province) if honor.strip() else None
            if title:
                fact("RECEIVED", ref, entity("Honor", title.name), year=year)
        studio = cell(row, "studio")
        if studio:
            studio_ref = entity("Studio", studio)
            role_text = (cell(row, "studio_role") or cell(row, "role")).lower()
            leads = any(r in role_text for r in LEADER_ROLES)
            fact("LEADS" if leads else "MEMBER_OF", ref, studio_ref)
            if unit_ref:
                fact("HOSTED_BY", studio_ref, unit_ref)
        for project in SPLIT.split(cell(row, "project")):
            if project.strip():
                fact("PARTICIPATES_IN", ref, entity("Project", project.strip()))
        for village in SPLIT.split(cell(row, "village")):
            if village.strip():
                fact("SERVES", ref, entity("Village", village.strip()))
        mentor = normalize_person_name(cell(row, "mentor"))
        if mentor:
            same_file = person_refs.get(mentor, [])
            chosen = next((r for r, u in same_file if u and u == unit), same_file[0][0] if same_file else None)
            fact("MENTORS", chosen or entity("Person", mentor), ref)
    ex.entities = list(entities.values())
    return ex
