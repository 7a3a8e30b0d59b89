"""Bad files, clear lines (issue 13): every roster or article problem ends in one line
naming the file (and row and column where there are any) and exit status 1, never a
traceback; over HTTP, BAD_INPUT with the same text; limits checked while reading; nothing
written when refused; control and direction characters out of names, refused in ids;
formula-like cells stored as written and escaped in every CSV/XLSX the project writes."""
from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import httpx
import pytest

from api.cli import main
from graph.integrity import census
from graph.loaders.roster import RosterError, read_roster
from graph.spreadsheet import safe_cell
from tests.conftest import instance_env

HEADER = "编号,姓名,性别,工作单位,荣誉称号,授予年份,地区\n"
ROW = "A{n},{name},女,嘉兴市第一医院,嘉兴市劳动模范,2018,嘉兴市\n"
FORMULA = '=HYPERLINK("http://example.invalid/x","点击")'


def _xlsx(path: Path, rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path.read_bytes()


def bad_files(tmp_path: Path, big: bool = True) -> dict[str, tuple[Path, str]]:
    """name → (file, the start of the one line it must give)."""
    d = tmp_path / "bad"
    d.mkdir(exist_ok=True)
    whole = _xlsx(d / "whole.xlsx", [["姓名", "工作单位"], ["柯望舒", "嘉兴市第一医院"]])
    files: dict[str, tuple[bytes, str]] = {
        "truncated.xlsx": (whole[: len(whole) // 2], "truncated.xlsx: a damaged or truncated XLSX workbook"),
        "text.xlsx": (b"name,unit\n", "text.xlsx: not an XLSX workbook"),
        "empty.csv": (b"", "empty.csv: empty file (0 bytes)"),
        "binary.csv": (bytes(range(256)) * 64, "binary.csv: a binary file, not CSV text"),
        "encoding.csv": ((HEADER + ROW.format(n=1, name="柯望舒")).encode() + b"A2,\xff\xfe\xfa,x,y,z,2019,w\n",
                         "encoding.csv:3: byte 0xff is neither UTF-8 nor GBK/GB18030"),
        "wide.csv": ((",".join(f"c{i}" for i in range(1_000_000)) + "\n").encode(),
                     "wide.csv:1: more than 200 columns"),
        "tall-cell.csv": ((HEADER + ROW.format(n=1, name="柯望舒" + "长" * 20_000)).encode(),
                          "tall-cell.csv:2: a cell over the limit of 10,000 characters"),
    }
    if big:
        files["big-cell.csv"] = ((HEADER + ROW.format(n=1, name="x" * (50 << 20))).encode(),
                                 "big-cell.csv:2: a cell over the limit of 10,000 characters")
    out = {}
    for name, (data, line) in files.items():
        (d / name).write_bytes(data)
        out[name] = (d / name, line)
    wide_xlsx = d / "wide.xlsx"
    _xlsx(wide_xlsx, [[f"c{i}" for i in range(300)]])
    out["wide.xlsx"] = (wide_xlsx, "wide.xlsx:1:column GS: more than 200 columns")
    return out


def test_each_bad_roster_is_one_line_naming_file_row_and_column(tmp_path: Path) -> None:
    for name, (path, line) in bad_files(tmp_path).items():
        with pytest.raises(RosterError) as refused:
            read_roster(path)
        message = str(refused.value)
        assert message.startswith(line), (name, message)
        assert "\n" not in message, name


def test_a_million_columns_are_refused_while_reading(tmp_path: Path) -> None:
    path, _ = bad_files(tmp_path, big=False)["wide.csv"]
    started = time.perf_counter()
    with pytest.raises(RosterError):
        read_roster(path)
    assert time.perf_counter() - started < 1.0


def test_empty_trailing_columns_are_not_counted(tmp_path: Path) -> None:
    path = tmp_path / "trailing.csv"
    path.write_text(HEADER.rstrip("\n") + "," * 500 + "\n" + ROW.format(n=1, name="柯望舒"), encoding="utf-8")
    read = read_roster(path)
    assert read.rows_valid == 1 and not read.problems


def test_controls_leave_names_and_are_refused_in_ids(tmp_path: Path) -> None:
    path = tmp_path / "controls.csv"
    path.write_text(HEADER + ROW.format(n=1, name="柯\x00望\u202e舒\u200b")
                    + "A\u202e2,钱塘\x07江,男,嘉兴\u2066市第一医院,嘉兴市劳动模范,2018,嘉兴市\n", encoding="utf-8")
    read = read_roster(path)
    assert [str(p) for p in read.problems] == [
        "controls.csv:3:编号: control or direction characters (U+0000-U+001F, U+202E …) in a record id: retype it"]
    names = {e.name for e in read.extraction.entities} | {a for e in read.extraction.entities for a in e.aliases}
    assert "柯望舒" in names and "嘉兴市第一医院" in names
    assert not any(c in n for n in names for c in "\x00\u202e\u200b\u2066\x07")


def test_formula_cells_are_stored_as_written_and_escaped_when_written(tmp_path: Path) -> None:
    path = tmp_path / "formula.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["姓名", "工作单位"], ["柯望舒", FORMULA]])
    units = [e.name for e in read_roster(path).extraction.entities if e.type == "Unit"]
    assert units == [FORMULA]  # stored as written
    assert safe_cell(FORMULA) == "'" + FORMULA
    for value in ("+1", "-1+2", "@SUM(A1)", "\t=1"):
        assert safe_cell(value).startswith("'")
    assert safe_cell("嘉兴市第一医院") == "嘉兴市第一医院" and safe_cell(3) == 3


def test_every_spreadsheet_writer_escapes(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from api.cli_leads import _csv
    from graph.extract.gazetteer_export import export
    from graph.loaders.roster import write_template

    lead = SimpleNamespace(id="lead_1", kind="UNFEATURED", score=1.0, parts=[], headline=FORMULA, why_now=None,
                           people=[{"name": FORMULA}], units=[], evidence=[])
    rows = list(csv.reader(io.StringIO(_csv([lead]))))
    assert rows[1][5] == "'" + FORMULA and rows[1][7] == "'" + FORMULA
    source = tmp_path / "places.txt"
    source.write_text(FORMULA + "\n", encoding="utf-8")
    out = tmp_path / "places.csv"
    export(source, out)
    assert not any(cell.startswith("=") for row in csv.reader(out.open(encoding="utf-8")) for cell in row)
    for written in write_template(tmp_path / "template"):
        assert written.exists()


# ---------------------------------------------------------------- the command line and HTTP


@pytest.fixture()
def kg(monkeypatch):
    for key, value in instance_env().items():
        monkeypatch.setenv(key, value)
    for key in ("NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USER", "NEO4J_DATABASE"):
        monkeypatch.delenv(key, raising=False)
    return main


def test_the_command_line_says_one_line_and_writes_nothing(empty_db, kg, capsys, tmp_path: Path) -> None:
    before = census(empty_db)
    for name, (path, line) in bad_files(tmp_path, big=False).items():
        assert kg(["load", "roster", str(path)]) == 1, name
        err = [l for l in capsys.readouterr().err.splitlines() if not l.startswith("applied migration")]
        assert len(err) == 1 and err[0].startswith(f"kg: {line}"), (name, err)
    assert census(empty_db) == before


def test_bad_article_files_are_one_line(empty_db, kg, capsys, tmp_path: Path) -> None:
    files = {"empty.txt": (b"", "empty.txt: empty file (0 bytes)"),
             "binary.txt": (bytes(range(256)) * 8, "binary.txt: a binary file, not text"),
             "latin.txt": ("劳模柯望舒\n第二行\n".encode() + b"caf\xe9 \xff\n", "latin.txt:3: byte 0xe9")}
    before = census(empty_db)
    for name, (data, line) in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        for verb in (["load", "article"], ["extract"]):
            assert kg([*verb, str(path)]) == 1, (verb, name)
            err = capsys.readouterr().err.splitlines()
            assert len(err) == 1 and err[0].startswith(f"kg: {path.parent}/{line}"), (verb, name, err)
    assert census(empty_db) == before


def test_controls_never_reach_the_graph_from_an_article(empty_db) -> None:
    from graph.facts import ArticleMeta
    from graph.ingest import load_article

    text = "2023年，嘉兴市第一医院主任医师柯\u202e望\x00舒荣获全国劳动模范称号。"
    load_article(empty_db, text, ArticleMeta(title="t"))
    names = empty_db.read("MATCH (n:Entity) RETURN n.name AS name, n.aliases AS aliases")
    assert any(r["name"] == "柯望舒" for r in names), names
    assert not any(c in (r["name"] + "".join(r["aliases"] or [])) for r in names for c in "\x00\u202e")


def test_over_http_the_same_line_as_bad_input(empty_db, live_server, tmp_path: Path) -> None:
    from graph.tokens import create_token

    token = create_token(empty_db, "editor", "uploads")
    operations = {"query": "mutation($file: Upload!) { ingestRoster(input: {file: $file}) "
                           "{ report { created } userErrors { field message code } } }",
                  "variables": {"file": None}}
    before = census(empty_db)
    for name, (path, line) in bad_files(tmp_path, big=False).items():
        response = httpx.post(f"{live_server.url}/graphql", headers={"Authorization": f"Bearer {token}"},
                              data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
                              files={"0": (name, path.read_bytes(), "application/octet-stream")}, timeout=60)
        body = response.json()
        assert "errors" not in body, (name, body)  # a bad file is a mistake in the input: userErrors (issue 12)
        (error,) = body["data"]["ingestRoster"]["userErrors"]
        assert error["code"] == "BAD_INPUT" and error["field"] == "input.file", (name, error)
        assert error["message"].startswith(line), (name, error["message"])
    assert census(empty_db) == before


def test_a_batch_with_one_unreadable_file_says_one_line_and_writes_nothing(empty_db, kg, capsys,
                                                                           tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text("姓名,荣誉称号,授予年份\n柯望舒,嘉兴市劳动模范,2020\n", encoding="utf-8")
    path, line = bad_files(tmp_path, big=False)["binary.csv"]
    before = census(empty_db)
    assert kg(["load", "roster", str(good), str(path)]) == 1
    err = [l for l in capsys.readouterr().err.splitlines() if not l.startswith("applied migration")]
    assert len(err) == 1 and err[0].startswith(f"kg: {line}"), err
    assert census(empty_db) == before
    assert kg(["load", "roster", str(good), str(good)]) == 0
