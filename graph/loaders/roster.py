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
- A title line above the header (2023年桐乡市劳动模范名单) is kept as the roster's title; the
  year it (else the file name) names is the year of a row's one honor when the row gives none.
- Each valid row is one Person keyed by its record id (or `row{n}`), so two namesakes of
  one file stay two people until the resolver decides; its facts carry the row number and
  a readable copy of the row's declared public columns (EVIDENCE_COLUMNS) as evidence:
  personal and unknown columns never reach evidence.
- Names are written as offices write them (省劳模唐某某, 张三同志, 李四（女）, 马　甫妮,
  traditional characters): the person is named by the one normalisation (graph/names.py)
  and the written form is kept as an alias; a bracketed 男/女 gives the gender.
- Abbreviated honors (市劳模, 省五一劳动奖章, 县级劳模) name a place's honor: the place is
  the row's region column, else the roster's (`region` given, else the title, else the
  file name, else the city all the rows' regions lie in): 市劳模 in 桐乡市 is 桐乡市劳动模范.
  The row is refused only when nothing says the place, with the fix. The written form
  stays in the fact's evidence.
- `工作单位及职务` (unit and role in one cell) is split: the trailing role (高级技师, 主任,
  党委书记 …, graph/data/roles.txt, or any role-like tail after the words that end a unit's
  name: 有限公司水质检验员) is the role, the rest the unit. `序号` is a row number.
- A roster without a unit column loads, with a warning: its people have no unit, and
  matching them is weaker.
"""
from __future__ import annotations

import csv
import json
import gc
import hashlib
import io
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph import places
from graph.errors import InvalidRequest
from graph.facts import Entity, Extraction, Fact, Ref
from graph.honors import HonorTitle, absolute_honor, honor_of_place, relative_form
from graph.names import CONTROLS, DATA, normalize_person_name, normalize_text, strip_controls, to_halfwidth

SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "劳模姓名", "name", "full name", "person name"),
    "gender": ("性别", "gender", "sex"),
    "unit": ("工作单位", "单位", "所在单位", "单位名称", "employer", "unit", "organization", "organisation",
             "company", "work unit"),
    "unit_role": ("工作单位及职务", "单位及职务", "工作单位和职务", "单位和职务", "工作单位及职称", "单位及职称",
                  "工作单位及职务职称", "单位职务", "employer and role", "unit and role"),
    "role": ("职务", "岗位", "职务职称", "职称", "role", "title", "position", "job title"),
    "honor": ("荣誉称号", "称号", "荣誉", "所获荣誉", "honor", "honour", "honors", "honours", "award",
              "honor title"),
    "year": ("授予年份", "年度", "年份", "获评年份", "授予年度", "year", "award year", "year awarded"),
    "region": ("地区", "所在地区", "区域", "所在地", "县市区", "县（市、区）", "县(市、区)", "所在县市区", "区县",
               "所在区县", "所属区县", "所属地区", "region", "area"),
    "studio": ("创新工作室", "工作室", "劳模创新工作室", "工作室名称", "创新工作室名称", "studio", "innovation studio"),
    "studio_role": ("工作室角色", "工作室职务", "studio role"),
    "assignment": ("挂职", "挂职地", "挂职地区", "挂职单位", "assigned to", "assignment", "secondment"),
    "mentor": ("师傅", "导师", "师父", "mentor", "master"),
    "project": ("项目", "参与项目", "project", "projects"),
    "village": ("服务村", "村", "服务村社", "村社", "village", "villages"),
    "record_id": ("编号", "工号", "记录编号", "序号编号", "档案号", "档案编号", "人员编号", "会员编号", "会员号",
                  "record id", "id", "record no", "staff id"),
    "birth_year": ("出生年份", "出生年", "birth year", "year of birth", "born"),
    "sector": ("行业", "领域", "所属领域", "sector", "field", "industry"),
    "row_number": ("序号", "行号", "row no", "no"),
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
_HEADER_MARKS = re.compile(r"[（）()、，,/\s]")


def _header_key(header: str) -> str:
    """A header as looked up: 所在县（市、区） and 所在县市区 are one header."""
    return _HEADER_MARKS.sub("", normalize_text(header))


_LOOKUP = {_header_key(s): key for key, syns in SYNONYMS.items() for s in syns}
PERSONAL_COLUMNS = ("birth_year", "birth_date", "phone", "id_number", "address", "email", "ethnicity",
                    "political_status", "education", "note")
"""Personal data (graph.vocabulary.PERSONAL_PROPERTIES once written): kept as personal properties
only, never copied into evidence, reasons or messages. Unknown columns are treated alike."""
EVIDENCE_COLUMNS = ("name", "gender", "unit", "unit_role", "role", "honor", "year", "region", "sector", "studio",
                    "studio_role", "assignment", "mentor", "project", "village")
"""The columns a fact's evidence quotes: declared public fields only, so a column nobody
thought of can never leak into what readers see."""

DESCRIPTIONS: dict[str, str] = {
    "name": "required; titles and notes glued to it (省劳模…, …同志, （女）) are taken off",
    "gender": "男/女 (male/female)", "unit": "employer", "unit_role": "unit and role in one cell, split",
    "role": "职务", "honor": "one or several (、 ; ，), full or abbreviated (市劳模 with a region), "
             "a year in the cell is its year (2013年市劳模, 市劳模（2013）)",
    "year": "one, or one per honor", "region": "the row's place; resolves 市劳模, 省劳模, 县级劳模",
    "studio": "innovation studio", "studio_role": "领衔人 leads, else member", "assignment": "挂职 region",
    "mentor": "a name in the file or the graph", "project": "several with 、", "village": "several with 、",
    "record_id": "the office's own id of the person (rows repeating it are that person)",
    "sector": "", "row_number": "ignored",
    "birth_year": "personal", "birth_date": "personal (birth year and month for matching)",
    "phone": "personal", "id_number": "personal", "address": "personal", "email": "personal",
    "ethnicity": "personal", "political_status": "personal", "education": "personal",
    "note": "personal (free text)",
}
"""What each field is, for `kg load roster --help`, the README and the template."""


TEMPLATE_FIELDS = ("row_number", "record_id", "name", "gender", "birth_date", "unit", "role", "honor", "year",
                   "region", "sector", "studio", "studio_role", "mentor", "project", "village", "assignment",
                   "ethnicity", "political_status", "education", "phone", "id_number", "address", "email", "note")
"""The template's columns, in an office's usual order (unit_role and birth_year are alternatives)."""


def write_template(base: Path) -> list[Path]:
    """An empty roster with every column (the first Chinese header of each field), as
    base.csv (UTF-8 with BOM, so spreadsheet programs read it) and base.xlsx."""
    from openpyxl import Workbook

    from graph.spreadsheet import safe_cell

    header = [safe_cell(SYNONYMS[f][0]) for f in TEMPLATE_FIELDS]  # every cell the project writes
    base = base.with_suffix("") if base.suffix.lower() in (".csv", ".xlsx") else base
    csv_path, xlsx_path = base.with_name(base.name + ".csv"), base.with_name(base.name + ".xlsx")
    with open(csv_path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerow(header)
    book = Workbook()
    book.active.title = "roster"
    book.active.append(header)
    book.save(xlsx_path)
    return [csv_path, xlsx_path]


def accepted_columns() -> str:
    """Every field with its accepted headers, one line each (for --help)."""
    return "\n".join(f"  {', '.join(SYNONYMS[f][:4])}: {d}" if d else f"  {', '.join(SYNONYMS[f][:4])}"
                     for f, d in DESCRIPTIONS.items())


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
    title: str | None = None
    """The title line above the header, if any."""
    region: str | None = None
    """The roster-wide place that abbreviated honors resolve against, when a row has none."""
    warnings: list[str] = field(default_factory=list)
    """What loaded but deserves attention (no unit column …), worded for the summary."""

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


def _limit(name: str, default: int) -> int:
    try:
        return max(1, int(os.environ.get(name, default)))
    except ValueError:
        return default


MAX_COLUMNS = _limit("KG_ROSTER_MAX_COLUMNS", 200)
MAX_CELL_CHARS = _limit("KG_ROSTER_MAX_CELL", 10_000)
MAX_ROWS = _limit("KG_ROSTER_MAX_ROWS", 1_000_000)
"""Limits checked while a roster is read, row by row, so that a hostile or broken file
(a million columns, a 50 MB cell) is refused at once instead of being parsed whole.
Empty cells past the last column do not count (spreadsheet programs write them)."""

_BINARY_SAMPLE = 8192
_TEXT_CONTROLS = frozenset(range(0, 32)) - {9, 10, 13, 12, 27}


def _looks_binary(data: bytes) -> bool:
    """A file of bytes, not text: NULs or many control bytes at its start (a stray NUL in a
    cell of a text file is removed later, not taken for binary)."""
    sample = data[:_BINARY_SAMPLE]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text: decoded below
        return False
    controls = sum(1 for b in sample if b in _TEXT_CONTROLS)
    return controls > max(8, len(sample) // 50)


def _row_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, name: str = "roster") -> tuple[str, str]:
    """The text and its encoding: strict UTF-8 (BOM or not), UTF-16 with its BOM, then
    GB18030, then a guess among the encodings Chinese offices use. Undecodable: one line
    naming the file and the row of the first byte UTF-8 cannot read."""
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
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

    best = from_bytes(data[:1 << 20]).best()
    if best is not None and best.encoding.replace("-", "_").lower() in _CJK_ENCODINGS:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    row = _row_of(data, utf8_error.start)
    raise RosterError(f"{name}:{row}: byte 0x{data[utf8_error.start]:02x} is neither UTF-8 nor GBK/GB18030 "
                      "(the first such byte; the file is not text in an encoding a roster may use): "
                      "save it as CSV UTF-8")


_CJK_ENCODINGS = frozenset({"big5", "big5hkscs", "cp950", "euc_jp", "shift_jis", "cp932", "euc_kr", "cp949",
                            "hz", "iso2022_jp", "utf_16", "utf_16_le", "utf_16_be", "utf_32"})


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def column_letter(index: int) -> str:
    """The spreadsheet name of a 0-based column: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class _Rows:
    """The rows of a file as read: (row number, cells), the encoding, and for each row whose
    cells had control or direction characters (now removed), the columns that had them."""

    rows: list[tuple[int, list[str]]]
    encoding: str
    controls: dict[int, set[int]] = field(default_factory=dict)


def _checked(name: str, n: int, cells: list[str], out: _Rows, strip: bool = False) -> None:
    """One row, checked against the limits the moment it is read, cleaned, and kept."""
    if n > MAX_ROWS:
        raise RosterError(f"{name}:{n}: more than {MAX_ROWS:,} rows (KG_ROSTER_MAX_ROWS): split the roster")
    if len(cells) > MAX_COLUMNS:
        extra = next((i for i in range(MAX_COLUMNS, len(cells)) if cells[i]), None)
        if extra is not None:
            raise RosterError(f"{name}:{n}:column {column_letter(extra)}: more than {MAX_COLUMNS} columns "
                              f"({len(cells):,} in this row; KG_ROSTER_MAX_COLUMNS): not a roster as written")
        del cells[MAX_COLUMNS:]
    if strip:
        cells[:] = [c.strip() for c in cells]
    for i, cell in enumerate(cells):
        if len(cell) > MAX_CELL_CHARS:
            raise RosterError(f"{name}:{n}:column {column_letter(i)}: a cell of {len(cell):,} characters, over the "
                              f"limit of {MAX_CELL_CHARS:,} (KG_ROSTER_MAX_CELL)")
    if CONTROLS.search("".join(cells)):
        dirty = {i for i, cell in enumerate(cells) if CONTROLS.search(cell)}
        out.controls[n] = dirty
        for i in dirty:
            cells[i] = strip_controls(cells[i]).strip()
    out.rows.append((n, cells))


def _numbered_rows(path: Path, data: bytes) -> _Rows:
    """(row number, cells) for every row of the file, and the encoding ("xlsx" for workbooks);
    every failure is one RosterError line naming the file (and the row and column)."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv", ".txt"):
        raise RosterError(f"{name}: a roster must be a .csv or .xlsx file")
    if not data:
        raise RosterError(f"{name}: empty file (0 bytes): nothing to load")
    if suffix == ".xlsx":
        return _xlsx_rows(name, data)
    if data.startswith(b"PK\x03\x04"):
        raise RosterError(f"{name}: a zip archive (an XLSX workbook?), not CSV text: name it .xlsx, or save as CSV")
    if _looks_binary(data):
        raise RosterError(f"{name}: a binary file, not CSV text: save the sheet as CSV UTF-8 or XLSX")
    text, encoding = decode(data, name)
    out = _Rows([], encoding)
    reader = csv.reader(_guarded_lines(name, text))
    previous_limit = csv.field_size_limit(MAX_CELL_CHARS)
    n = 0
    try:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                row_no = reader.line_num
                if "field larger than field limit" in str(exc):
                    raise RosterError(f"{name}:{row_no}: a cell over the limit of {MAX_CELL_CHARS:,} characters "
                                      "(KG_ROSTER_MAX_CELL)") from None
                raise RosterError(f"{name}:{row_no}: not readable as CSV ({exc})") from None
            n += 1
            _checked(name, n, row, out, strip=True)
    finally:
        csv.field_size_limit(previous_limit)
    return out


def _guarded_lines(name: str, text: str) -> Iterator[str]:
    """The text's lines for the CSV parser, a line of more than MAX_COLUMNS unquoted, non-empty
    fields refused before it is parsed (splitting a million fields alone takes seconds)."""
    for n, line in enumerate(io.StringIO(text), start=1):
        if line.count(",") >= MAX_COLUMNS and '"' not in line:
            fields = line.rstrip(", \t\r\n").count(",") + 1
            if fields > MAX_COLUMNS:
                raise RosterError(f"{name}:{n}: more than {MAX_COLUMNS} columns ({fields:,} in this row; "
                                  "KG_ROSTER_MAX_COLUMNS): not a roster as written")
        yield line


def _xlsx_rows(name: str, data: bytes) -> _Rows:
    import zipfile

    from openpyxl import load_workbook

    if not data.startswith(b"PK\x03\x04"):
        raise RosterError(f"{name}: not an XLSX workbook (an .xlsx file is a zip archive; this one is not): "
                          "save it again from the spreadsheet program, or as CSV")
    damaged = (f"{name}: a damaged or truncated XLSX workbook, cannot be read: save it again from the "
               "spreadsheet program, or as CSV")
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, TypeError, OSError, EOFError,
            IndexError, AttributeError, SyntaxError) as exc:  # SyntaxError: a broken XML part
        raise RosterError(damaged) from exc
    out = _Rows([], "xlsx")
    try:
        sheet = book.active
        if sheet is None:
            raise RosterError(f"{name}: the workbook has no sheet")
        for n, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            _checked(name, n, [_cell_text(c) for c in row], out)
    except RosterError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError, IndexError, AttributeError,
            SyntaxError) as exc:
        raise RosterError(damaged) from exc
    finally:
        book.close()
    return out


def map_headers(header: list[str]) -> tuple[dict[str, int], dict[str, str], list[str]]:
    """Field → column index, header → field, and the unknown headers (kept as written).
    A second column mapping to a field already taken is treated as unknown."""
    columns: dict[str, int] = {}
    header_map: dict[str, str] = {}
    unknown: list[str] = []
    for i, h in enumerate(header):
        if not h:
            continue
        key = _LOOKUP.get(_header_key(h))
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


_YEAR_FIRST = re.compile(r"(\d{4})年度?(?:荣获|获评|被评为|获得|获)?(.+)")
_YEAR_AFTER = re.compile(r"(.+?)\(?(\d{4})年?度?\)?")
_PLACE_NOTE = re.compile(r"(.+?)\((?:原|今|现)?(.+?)\)")


@dataclass(frozen=True)
class WrittenHonor:
    """One honor of a cell as written, with what the cell says beside it: its year
    (2013年市先进工作者, 市五一劳动奖章（2015）, 省劳模2016) and its place (县级劳模（原遵义县））."""

    honor: str
    year: int | None = None
    place: str | None = None


@lru_cache(maxsize=4096)
def written_honor(written: str) -> WrittenHonor:
    """The honor of one part of a 荣誉 cell, with the year and place written beside it."""
    text = to_halfwidth(written).strip()
    year = None
    first = _YEAR_FIRST.fullmatch(text)
    after = _YEAR_AFTER.fullmatch(text)
    if first:
        text, year = first.group(2).strip(), int(first.group(1))
    elif after and after.group(1).strip():
        text, year = after.group(1).strip(), int(after.group(2))
    note = _PLACE_NOTE.fullmatch(text)
    found = places.find(note.group(2)) if note else None
    if note and found:
        return WrittenHonor(note.group(1).strip(), year, found.name)
    return WrittenHonor(text if year else written, year)


def _parts(value: str, pattern: re.Pattern[str] = SPLIT_HONORS) -> list[str]:
    return [p.strip() for p in pattern.split(value) if p.strip()]


# ---------------------------------------------------------------- reading


def read_roster(path: str | Path, known_people: Callable[[str], bool] | None = None,
                region: str | None = None) -> RosterRead:
    """Read and validate a whole roster. `known_people(name)` tells whether the graph
    already holds a person of that name (for mentors not in the file); abbreviated honors
    (市劳模) resolve against each row's region, else `region`, the title, the file name."""
    enabled = gc.isenabled()
    gc.disable()  # a large roster makes millions of small objects and nothing cyclic: collect once, after
    path = Path(path)
    try:
        return _read(path, known_people, region)
    except (InvalidRequest, MemoryError):
        raise
    except OSError as exc:
        raise RosterError(f"{path.name}: cannot be read ({exc.strerror or type(exc).__name__})") from exc
    except (csv.Error, UnicodeError, ValueError, IndexError, KeyError, TypeError) as exc:
        # a file this reader did not foresee: still one line, naming the file, never a traceback
        raise RosterError(f"{path.name}: cannot be read as a roster ({type(exc).__name__})") from exc
    finally:
        if enabled:
            gc.enable()


def _read(path: Path, known_people: Callable[[str], bool] | None, region: str | None) -> RosterRead:
    data = path.read_bytes()
    content_hash = hashlib.sha256(data).hexdigest()
    read = _numbered_rows(path, data)
    numbered, encoding = read.rows, read.encoding
    note = None
    if numbered and numbered[0][1] and numbered[0][1][0].startswith("#"):
        note = ",".join(c for c in numbered[0][1] if c)
        numbered = numbered[1:]
    numbered = [(n, row) for n, row in numbered if any(row)]
    if not numbered:
        raise RosterError(f"{path.name}: no header row")
    title = None
    if len(numbered) > 1 and "name" not in map_headers(numbered[0][1])[0] and "name" in map_headers(numbered[1][1])[0]:
        title = " ".join(c for c in numbered[0][1] if c)  # a title line above the header
        numbered = numbered[1:]
    (header_row, header), body = numbered[0], numbered[1:]
    columns, header_map, unknown = map_headers(header)
    fname = path.name
    if "name" not in columns:
        problem = Problem(fname, header_row, "姓名", "no name column (姓名/name) in the header")
        return RosterRead(Extraction(), [problem], unknown, len(body), 0, content_hash, encoding, header_map, note,
                          title)
    if region and places.find(region) is None:
        raise RosterError(f"--region {region}: not a place the gazetteer knows (e.g. 嘉兴市, 桐乡市, 嘉善县)")
    roster_region = region or places.mentioned(title or "") or places.mentioned(path.stem)
    warnings = []
    if "unit" not in columns and "unit_role" not in columns:
        warnings.append("WARNING: no unit column (工作单位): people are loaded without a unit, so matching them "
                        "to people already in the graph is weaker and more of them go to review")

    table = _Table(header, columns)
    warnings += _filled_down(body, table)
    # else the city every row's region lies in (the rows of one city's districts → the city)
    roster_region = roster_region or places.common_city([table.cell(row, "region").strip() for _, row in body])
    if known_people is not None:  # one graph lookup per distinct mentor name, not per row
        known_people = _remembered(known_people)
    problems: list[Problem] = []
    valid: list[tuple[int, list[str]]] = []
    names_in_file = {normalize_person_name(table.cell(row, "name")) for _, row in body} - {""}
    first_row_of_id: dict[str, tuple[int, str]] = {}
    this_year = date.today().year
    id_column = columns.get("record_id")
    for n, row in body:
        found = _row_problems(fname, n, row, table, names_in_file, first_row_of_id, known_people,
                              roster_region, this_year)
        if id_column is not None and id_column in read.controls.get(n, ()):
            found.append(Problem(fname, n, table.column("record_id"),
                                 "control or direction characters (U+0000-U+001F, U+202E …) in a record id: "
                                 "retype it"))
        problems += found
        if not found:
            valid.append((n, row))
    extraction = _extract(valid, table, unknown, roster_region, _roster_year(title, path.stem, this_year))
    return RosterRead(extraction, problems, unknown, len(body), len(valid), content_hash, encoding,
                      header_map, note, title, roster_region, warnings)


_TITLE_YEAR = re.compile(r"(?<!截至)(?<!截止)((?:19|20)\d{2})年")


NOT_AN_AWARD_LIST = ("工作室", "成员", "走访", "慰问", "花名册", "登记", "台账", "档案", "历届")
"""Words of a title whose year is the roster's own, not its honors': a studio's member list
of 2024, a visit at the 2025 Spring Festival, a register kept since 2008."""


def _roster_year(title: str | None, stem: str, this_year: int) -> int | None:
    """The year an award list's title (else its file name) names: 宜昌市2022年度劳动模范名单 →
    2022, the year of a row's one honor when the row gives none. Not a 截至 (as of) date, and
    not the year of a roster that is not an award list (NOT_AN_AWARD_LIST)."""
    for text in (title or "", stem):
        if any(word in text for word in NOT_AN_AWARD_LIST):
            return None
        found = _TITLE_YEAR.search(text)
        if found and int(found.group(1)) <= this_year:
            return int(found.group(1))
    return None


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
        if i is None and key in ("unit", "role") and "unit_role" in self.columns:
            unit, role = unit_and_role(self.cell(row, "unit_role"))
            return unit if key == "unit" else role
        return row[i] if i is not None and i < len(row) else ""

    def column(self, key: str) -> str:
        if key not in self.columns and key in ("unit", "role"):
            key = "unit_role"
        return self.header[self.columns[key]]


def _filled_down(body: list[tuple[int, list[str]]], table: _Table) -> list[str]:
    """Cells a spreadsheet merged over a group of rows, exported to CSV, hold the value on the
    group's first row and leave the rows below blank; they are read as a person reads them, as
    the value above: a studio member's row with a 工作室角色 but no studio (the studio was
    written once, beside its 领衔人), and a region column blank on more than half its rows
    after a first row that has one (the county written once per group). A column filled row
    by row keeps its blanks. Returns the summary's notes."""
    notes = []
    for key in ("region", "studio"):
        i = table.columns.get(key)
        if i is None or not body:
            continue
        cells = [row[i] if i < len(row) else "" for _, row in body]
        if key == "region":
            merged = bool(cells[0]) and sum(not c for c in cells) * 2 > len(cells)
            wanted = [merged] * len(body)
        else:
            wanted = [bool(table.cell(row, "studio_role")) for _, row in body]
        above, filled = "", 0
        for (_, row), cell, fill in zip(body, cells, wanted):
            if cell:
                above = cell
            elif fill and above:
                row.extend([""] * (i + 1 - len(row)))
                row[i] = above
                filled += 1
        if filled:
            notes.append(f"NOTE: {filled} blank {table.header[i]} cells read as the value above them "
                         "(cells merged in the spreadsheet)")
    return notes


@lru_cache(maxsize=1)
def _roles() -> tuple[str, ...]:
    lines = (DATA / "roles.txt").read_text(encoding="utf-8").splitlines()
    return tuple(sorted({r.strip() for r in lines if r.strip() and not r.startswith("#")}, key=len, reverse=True))


_SEPARATORS = re.compile(r"[\s\u3000,，、/;；]+")


_UNIT_END = re.compile(r"(?:公司|集团|医院|卫生院|学校|中学|小学|大学|学院|幼儿园|研究院|研究所|设计院|"
                       r"局|厂|站|所|中心|合作社|委员会|村委会|社区|农场|林场|牧场|馆|银行|支行|分行)")
_ROLE_END = re.compile(r"(?:员|工|师|长|手|主任|书记|经理|医生|护士|主席|总监|干事|会计|司机|匠|人)$")
_LONGEST_ROLE = 10


def _role_after_unit(text: str) -> tuple[str, str] | None:
    """The split after the last unit ending that leaves a role-like tail: 宜昌碧泉水务有限公司水质检验员
    → (宜昌碧泉水务有限公司, 水质检验员). Roles are open-ended (水质检验员, 制茶师, 配电运检班长), the
    words that end a unit's name are not."""
    for end in reversed(list(_UNIT_END.finditer(text))):
        tail = text[end.end():]
        if 2 <= len(tail) <= _LONGEST_ROLE and _ROLE_END.search(tail) and not _UNIT_END.search(tail):
            return text[: end.end()], tail
    return None


@lru_cache(maxsize=65536)
def unit_and_role(text: str) -> tuple[str, str]:
    """`工作单位及职务` as (unit, role): 嘉兴市第一医院主任医师 → (嘉兴市第一医院, 主任医师);
    国网嘉兴供电公司 变电运维班班长 → (国网嘉兴供电公司, 变电运维班班长). The role is the part after
    the last separator (with any role before it); else the longer of the longest known role
    at the end and the role-like tail after the last unit ending (检修班班长 over 班长, 村主任
    over 主任); none → all unit."""
    text = text.strip()
    parts = [p for p in _SEPARATORS.split(text) if p]
    if len(parts) > 1:  # 某集团有限公司党委书记、董事长: the roles may start before the separator
        unit, role = unit_and_role("".join(parts[:-1]))
        return unit, f"{role}、{parts[-1]}" if role else parts[-1]
    known = next((r for r in _roles() if text.endswith(r) and len(text) > len(r) + 1), None)
    after_unit = _role_after_unit(text)
    if after_unit and (known is None or len(after_unit[1]) > len(known)):
        return after_unit
    if known:
        return text[: -len(known)], known
    return text, ""


_BRACKETED = re.compile(r"[（(]\s*([^()（）]*)\s*[)）]")


def _written_name(cell: str) -> tuple[str, str | None]:
    """The person's name and the gender a bracket states: 李四（女） → (李四, 女)."""
    gender = None
    for note in _BRACKETED.findall(cell):
        gender = GENDERS.get(note.strip().lower(), gender)
    return normalize_person_name(cell), gender


def _honor(written: str, row_region: str, roster_region: str | None) -> tuple[HonorTitle | None, str | None]:
    """The honor a cell names, or the problem: 市劳模 resolves against the row's region,
    else the roster's; refused only when neither says the place, with the fix."""
    title = absolute_honor(written)
    if title:
        return title, None
    form = relative_form(written)
    if form is None:
        return None, f'unknown honor "{written}"'
    scope_word = {"province": "province (省/自治区)", "city": "city (市)", "prefecture": "league or prefecture (盟/州)",
                  "county": "county (县/区/旗)"}[form.scope]
    # a region the gazetteer does not know may begin with one it does (常德经开区 → 常德市)
    unknown_row_region = bool(row_region) and places.find(row_region) is None
    inside = places.leading(row_region) if unknown_row_region else None
    for region in (row_region, inside, roster_region):
        if not region:
            continue
        place = places.in_scope(region, form.scope)
        if place is None:
            continue
        title = honor_of_place(form, place)
        if title is None:
            return None, f'"{written}" in {place} would be {place}{form.honor}, which is not a known honor'
        return title, None
    if unknown_row_region:
        said, fix = (f"the region {row_region} is not a place the gazetteer knows",
                     f"write the {scope_word} in the row's region (e.g. 桐乡市), or the full honor")
    elif row_region or roster_region:
        said, fix = (f"the region {row_region or roster_region} is not in a {scope_word}",
                     f"write the {scope_word} in the row's region, or the full honor")
    else:
        said, fix = ("nothing in the file says where",
                     "add a 地区 column or --region 嘉兴市 (or name the place in the title or the file name)")
    return None, f'"{written}" is an honor of a {scope_word}, but {said}: {fix}'


def _row_problems(fname: str, n: int, row: list[str], table: _Table, names_in_file: set[str],
                  first_row_of_id: dict[str, tuple[int, str]], known_people: Callable[[str], bool] | None,
                  roster_region: str | None, this_year: int) -> list[Problem]:
    """Every problem of one row (record ids are remembered across rows)."""
    bad: list[Problem] = []

    def problem(key: str, message: str) -> None:
        bad.append(Problem(fname, n, table.column(key), message))

    name = normalize_person_name(table.cell(row, "name"))
    if not name:
        problem("name", "empty name")
    honors = _parts(table.cell(row, "honor"))
    for written in map(written_honor, honors):
        message = _honor(written.honor, written.place or table.cell(row, "region"), roster_region)[1]
        if message:
            problem("honor", message)
        if written.year is not None and not FIRST_YEAR <= written.year <= this_year:
            problem("honor", f'year {written.year} of "{written.honor}" out of range {FIRST_YEAR}..{this_year}')
    years = _parts(table.cell(row, "year"))
    for raw in years:
        value = _year(raw)
        if value is None:
            problem("year", f'not a year: "{raw}"')
        elif not FIRST_YEAR <= value <= this_year:
            problem("year", f"year {value} out of range {FIRST_YEAR}..{this_year}")
    if len(years) > 1 and len(years) != len(honors) and len(honors) != 1:
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
    if record_id:  # a register writing one row per honor repeats its person's id: one person
        first, first_name = first_row_of_id.setdefault(record_id, (n, name))
        if first != n and first_name != name:
            problem("record_id", f'duplicate record id "{record_id}" (first in row {first}) for another '
                                 f"name: one id is one person")
    return bad


# ---------------------------------------------------------------- facts


def _extract(valid: list[tuple[int, list[str]]], table: _Table, unknown: list[str],
             roster_region: str | None, roster_year: int | None) -> Extraction:
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
    by_id: dict[str, Ref] = {}  # the office's record id → its person
    for n, row in valid:
        written = table.cell(row, "name")
        name, bracket_gender = _written_name(written)
        record_id = table.cell(row, "record_id") or None
        props: dict[str, Any] = {
            "gender": GENDERS.get(table.cell(row, "gender").lower()) or bracket_gender,
            "birth_year": _year(table.cell(row, "birth_year") or table.cell(row, "birth_date")),
            "sector": table.cell(row, "sector"),
            "region": _place_name(table.cell(row, "region")) if table.cell(row, "region") else "",
        }
        for key in PERSONAL_COLUMNS:
            if key != "birth_year":
                props[key] = table.cell(row, key)
        extra = {h: row[i] for h, i in unknown_idx if i < len(row) and row[i]}
        props["extra"] = json.dumps(extra, ensure_ascii=False) if extra else None
        ref = by_id.get(record_id) if record_id else None
        if ref is None:
            ref = entity("Person", name, record_id or f"row{n}", **props)
            entities[ref].external_id = record_id
            if record_id:
                by_id[record_id] = ref
        else:  # the same person's next row (its name was checked): it fills what the first left blank
            known = entities[ref].props
            known.update({k: v for k, v in props.items() if v not in (None, "") and k not in known})
        aliases = entities[ref].aliases
        if written.strip() not in (name, *aliases):
            entities[ref].aliases = [*aliases, written.strip()]
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
            fact("LOCATED_IN", unit_ref, entity("Region", _place_name(region)))
        honors = _parts(table.cell(row, "honor"))
        years = [_year(y) for y in _parts(table.cell(row, "year"))]
        if len(honors) == 1 and len(years) > 1:  # 市劳模 with 2015、2020: received twice
            honors = honors * len(years)
        for i, written in enumerate(map(written_honor, honors)):
            title = _honor(written.honor, written.place or region, roster_region)[0]
            year = years[i] if len(years) == len(honors) else (years[0] if len(years) == 1 else None)
            if year is None and not years and len(honors) == 1:
                year = roster_year
            year = written.year or year
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
            fact("ASSIGNED_TO", ref, entity("Region", _place_name(assignment)))
        for project in _parts(table.cell(row, "project"), SPLIT_NAMES):
            fact("PARTICIPATES_IN", ref, entity("Project", project))
        for village in _parts(table.cell(row, "village"), SPLIT_NAMES):
            fact("SERVES", ref, entity("Village", village))
        mentor = normalize_person_name(table.cell(row, "mentor"))
        if mentor:
            master = _mentor_ref(mentor, unit, by_name, entity)
            entities[master].named_only = master.key is None  # no row of this file: the graph's person
            fact("MENTORS", master, ref)
    ex.entities = list(entities.values())
    return ex


def _place_name(written: str) -> str:
    """A region by its gazetteer name when it is known (嘉兴 → 嘉兴市), else as written."""
    found = places.find(written)
    return found.name if found else written


def _mentor_ref(mentor: str, unit: str, by_name: dict[str, list[tuple[Ref, str]]],
                entity: Callable[..., Ref]) -> Ref:
    """The mentor's row in this file (the namesake at the same unit, else the first);
    a mentor only in the graph is a person without key, for the resolver to find."""
    rows = by_name.get(mentor)
    if rows:
        return next((r for r, u in rows if unit and u == unit), rows[0][0])
    return entity("Person", mentor)
