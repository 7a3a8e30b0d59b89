"""Personal data by declaration: a roster's personal columns (and columns nobody declared)
never reach an anonymous reader through any field of the schema, nor evidence, reasons,
error messages or logs; editors still see them."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from api.schema import schema
from graph.facts import ArticleMeta
from graph.tokens import create_token
from graph.loaders.roster import RosterRefused
from graph.ingest import load_article, load_roster
from tests.conftest import wipe
from tests.schema_walk import root_documents

# Values nobody would write by chance, one per personal column (and one unknown column).
PLANTED = {
    "手机号码": "13977772468", "出生日期": "1937-09-28", "家庭地址": "梧桐街道秘密巷88号",
    "身份证号": "33048119370928771X", "民族": "仡佬族", "政治面貌": "无党派秘密人士",
    "学历": "秘密研究生学历", "电子邮箱": "secret.mailbox@example.org", "备注": "备注里的秘密话语",
    "内部评语": "内部评语的秘密内容",
}
SECRETS = [*PLANTED.values(), "1937"]  # the birth year derived from the date is personal too
HEADER = ["编号", "姓名", "性别", "工作单位", "职务", "荣誉称号", "授予年份", "地区", *PLANTED]


def _roster(tmp: Path, name: str, rows: list[list[str]]) -> Path:
    path = tmp / name
    lines = ["# 合成数据 synthetic test data — not real people", ",".join(HEADER)]
    lines += [",".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def planted(db, tmp_path_factory, live_server):
    """Two namesakes (a review item with reasons), one with every personal column filled,
    loaded through the real loader; an article mentions the planted person."""
    wipe(db)
    tmp = tmp_path_factory.mktemp("pii")
    secret_row = ["P1", "蒋秘密", "女", "桐乡秘密机械厂", "高级技师", "嘉兴市劳动模范", "2019", "桐乡市",
                  *PLANTED.values()]
    twin_row = ["P2", "蒋秘密", "女", "海宁纺织厂", "工人", "嘉兴市劳动模范", "2021", "海宁市",
                "13000000001", "1980-01-01", "", "", "", "", "", "", "", ""]
    report = load_roster(db, _roster(tmp, "pii.csv", [secret_row, twin_row]))
    assert sum(report.created.values()) > 0
    load_article(db, "桐乡秘密机械厂高级技师蒋秘密获评嘉兴市劳动模范。她带出了徒弟韩小明。",
                 ArticleMeta(title="劳模蒋秘密", publisher="测试报", date="2022-05-01"))
    ids = {r["label"]: r["id"] for r in db.read(
        "MATCH (n) WHERE n:Person OR n:Unit OR n:Honor OR n:Roster OR n:Article "
        "WITH labels(n)[0] AS label, n ORDER BY n.id RETURN label, collect(n.id)[0] AS id")}
    people = [r["id"] for r in db.read(
        "MATCH (p:Person {name: '蒋秘密'}) WHERE p.phone IS NOT NULL "
        "RETURN p.id AS id ORDER BY p.phone = $phone DESC", phone=PLANTED["手机号码"])]
    return {"ids": ids, "people": people, "tmp": tmp}


def _filler(planted: dict):
    ids, people = planted["ids"], planted["people"]
    by_root = {"unit": ids["Unit"], "honor": ids["Honor"], "roster": ids["Roster"], "article": ids["Article"]}

    def fill(field: str, arg: str, arg_type) -> str | None:
        named = str(arg_type).rstrip("!")
        if field == "connection":
            return json.dumps(people[0] if arg == "from" else ids["Honor"])
        if field in ("explainMatch",):
            return json.dumps(people[0] if arg == "a" else people[-1])
        if arg == "ids":
            return json.dumps(people)
        if named == "ID":
            return json.dumps(by_root.get(field, people[0]))
        if arg == "q":
            return json.dumps("蒋秘密")
        if arg in ("first", "limit"):
            return "5"
        return None

    return fill


def _walk(server, token: str | None, fill) -> tuple[str, int]:
    """Every document of the walk, answers concatenated; and how many came back with data."""
    answers, with_data = [], 0
    for root, document in root_documents(schema._schema, fill):
        body = server.graphql(document, token=token)
        codes = {e.get("extensions", {}).get("code") for e in body.get("errors", [])}
        assert "INTERNAL" not in codes, (document, body)
        if body.get("data") and any(v is not None for v in body["data"].values()):
            with_data += 1
        answers.append(json.dumps(body, ensure_ascii=False))
    return "\n".join(answers), with_data


def test_no_anonymous_field_shows_personal_data(live_server, planted, caplog) -> None:
    caplog.set_level(logging.DEBUG, logger="kg")
    text, with_data = _walk(live_server, None, _filler(planted))
    assert with_data > 50, "the walk must really reach the planted records"
    assert "蒋秘密" in text and "桐乡秘密机械厂" in text  # the public parts are there
    leaked = [s for s in SECRETS if s in text]
    assert not leaked, f"personal data reached an anonymous reader: {leaked}"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert not [s for s in SECRETS if s in logged]


def test_evidence_quotes_only_public_columns(db, planted) -> None:
    evidence = [e for r in db.read("MATCH ()-[r]->() WHERE r.evidence IS NOT NULL RETURN r.evidence AS e")
                for e in r["e"]]
    assert any("蒋秘密" in e for e in evidence)
    assert not [s for s in SECRETS if any(s in e for e in evidence)]
    texts = [r["t"] for r in db.read("MATCH (n) WHERE n.aliasText IS NOT NULL RETURN n.aliasText AS t")]
    assert not [s for s in SECRETS if any(s in t for t in texts)]


def test_editors_see_personal_data(live_server, db, planted) -> None:
    editor = create_token(db, "editor", "records office")
    query = ("query($id: ID!) { person(id: $id) { phone birthDate birthYear address idNumber ethnicity "
             "politicalStatus education email note extra } }")
    person = live_server.graphql(query, {"id": planted["people"][0]}, token=editor)["data"]["person"]
    assert person["phone"] == PLANTED["手机号码"] and person["birthYear"] == 1937
    assert person["ethnicity"] == PLANTED["民族"] and person["note"] == PLANTED["备注"]
    assert json.loads(person["extra"]) == {"内部评语": PLANTED["内部评语"]}
    anonymous = live_server.graphql(query, {"id": planted["people"][0]})["data"]["person"]
    assert set(anonymous.values()) == {None}


def test_refusals_never_repeat_a_personal_value(db, planted) -> None:
    bad = ["P9", "郑出错", "男", "某厂", "工人", "嘉兴市劳动模范", "2019", "桐乡市",
           "13900001111", "生于秘密日期", "", "", "", "", "", "", "", ""]
    with pytest.raises(RosterRefused) as refused:
        load_roster(db, _roster(planted["tmp"], "bad-pii.csv", [bad]))
    text = "\n".join(refused.value.problems)
    assert "出生日期" in text and "生于秘密日期" not in text
