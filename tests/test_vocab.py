"""Curated and discovered vocabulary (issue 8), against the real Neo4j: what an article
discovers is uncurated; staff confirm (remembered by later loads), rename or reject (the
node and its facts go in one transaction, and later loads leave the name out); an article
with no Chinese text is refused unless forced (issue 13)."""
from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from dataclasses import dataclass
from typing import Any

import pytest
import strawberry

from api.schema_vocab import VocabMutation, VocabQuery
from graph import identity
from graph.errors import InvalidRequest
from graph.facts import ArticleMeta
from graph.ingest import load_article
from graph.vocab import confirm, reject, rename, uncurated
from tests.conftest import instance_env

SCHEMA = strawberry.Schema(query=VocabQuery, mutation=VocabMutation)

TEXT = ("2024年“青川工匠”名单\n罗志诚 青川重型锻压有限公司锻造车间主任\n\n"
        "罗志诚劳模创新工作室成立于2016年。罗志诚还是全国劳动模范。（青川市总工会）")
OTHER = "青川重型锻压有限公司锻造车间主任罗志诚今年又获评“青川工匠”，他是全国劳动模范。"


@dataclass
class Ctx:
    db: Any
    role: str | None
    user: str | None = None
    token_error: str | None = None
    unavailable: bool = False


def run(db, query: str, role: str | None = "editor", **variables: Any) -> Any:
    return asyncio.run(SCHEMA.execute(query, variable_values=variables, context_value=Ctx(db, role, "ann")))


def node(db, label: str, name: str) -> dict | None:
    rows = db.read(f"MATCH (n:{label} {{id: $id}}) RETURN n.curated AS curated, n.name AS name, n.id AS id",
                   id=identity.id_for(label, name))
    return rows[0] if rows else None


@pytest.fixture()
def loaded(empty_db):
    load_article(empty_db, TEXT, ArticleMeta(title="青川工匠", date="2024-05-01"))
    return empty_db


def test_what_a_text_discovers_is_uncurated_and_the_taxonomy_is_not(loaded):
    assert node(loaded, "Honor", "青川工匠")["curated"] is False
    assert node(loaded, "Honor", "全国劳动模范")["curated"] is True
    assert node(loaded, "Unit", "青川重型锻压有限公司")["curated"] is False
    assert node(loaded, "Studio", "罗志诚劳模创新工作室")["curated"] is False
    page = uncurated(loaded)
    names = {t.name for t in page.items}
    assert {"青川工匠", "青川重型锻压有限公司", "青川重型锻压有限公司锻造车间", "罗志诚劳模创新工作室"} <= names
    assert "全国劳动模范" not in names
    honor = next(t for t in page.items if t.name == "青川工匠")
    assert honor.level == "city" or honor.level is None
    assert honor.evidence and "罗志诚" in honor.evidence[0].sentence and honor.evidence[0].title == "青川工匠"
    assert [t.name for t in uncurated(loaded, label="Studio").items] == ["罗志诚劳模创新工作室"]


def test_confirm_is_remembered_by_later_loads(loaded):
    honor = node(loaded, "Honor", "青川工匠")
    confirm(loaded, honor["id"], "ann")
    assert node(loaded, "Honor", "青川工匠")["curated"] is True
    # the node goes (a merge, a wipe of facts …) and a later text names it again: still curated
    loaded.write("MATCH (n:Honor {id: $id}) DETACH DELETE n", id=honor["id"])
    load_article(loaded, OTHER, ArticleMeta(title="again", date="2025-05-01"))
    assert node(loaded, "Honor", "青川工匠")["curated"] is True
    assert loaded.read("MATCH (e:Edit {action: 'confirm vocabulary'}) RETURN e.who AS who")[0]["who"] == "ann"


def test_rename_keeps_the_old_name_as_an_alias(loaded):
    unit = node(loaded, "Unit", "青川重型锻压有限公司")
    rename(loaded, unit["id"], "青川重锻集团", "ann")
    row = loaded.read("MATCH (n:Unit {id: $id}) RETURN n.name AS name, n.aliases AS aliases, n.curated AS curated",
                      id=unit["id"])[0]
    assert row["name"] == "青川重锻集团" and "青川重型锻压有限公司" in row["aliases"] and row["curated"] is True


def test_reject_removes_the_node_and_its_facts_and_later_loads_leave_it_out(loaded):
    honor = node(loaded, "Honor", "青川工匠")
    facts = loaded.read("MATCH (:Person)-[r:RECEIVED]->(:Honor {id: $id}) RETURN count(r) AS c", id=honor["id"])[0]["c"]
    assert facts == 1
    assert reject(loaded, honor["id"], "ann") == 1
    assert node(loaded, "Honor", "青川工匠") is None
    assert loaded.read("MATCH (p:Person {name: '罗志诚'}) RETURN count(p) AS c")[0]["c"] == 1  # the person stays
    load_article(loaded, OTHER, ArticleMeta(title="again", date="2025-05-01"))
    assert node(loaded, "Honor", "青川工匠") is None
    assert loaded.read("MATCH (:Person)-[r:RECEIVED]->(h:Honor) RETURN collect(h.name) AS names")[0]["names"] == [
        "全国劳动模范"]


def test_graphql_lists_with_evidence_and_editors_curate(loaded):
    query = """query($after: String) { uncuratedVocabulary(type: HONOR, first: 5, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id type name sources facts evidence { sourceId title sentence } } } } }"""
    result = run(loaded, query, role=None, after=None)
    assert result.errors is None, result.errors
    page = result.data["uncuratedVocabulary"]
    assert page["totalCount"] == 1
    term = page["edges"][0]["node"]
    assert term["name"] == "青川工匠" and term["type"] == "Honor" and term["sources"] == 1
    assert term["evidence"][0]["sentence"]
    refused = run(loaded, "mutation($id: ID!) { confirmVocabulary(id: $id) { curated } }", role=None, id=term["id"])
    assert refused.errors and "bearer token" in refused.errors[0].message  # anonymous: no curation
    reader = run(loaded, "mutation($id: ID!) { confirmVocabulary(id: $id) { curated } }", role="reader", id=term["id"])
    assert reader.errors and "editor" in reader.errors[0].message
    done = run(loaded, "mutation($id: ID!) { confirmVocabulary(id: $id) { id name curated } }", id=term["id"])
    assert done.errors is None and done.data["confirmVocabulary"]["curated"] is True
    studio = node(loaded, "Studio", "罗志诚劳模创新工作室")
    gone = run(loaded, "mutation($id: ID!) { rejectVocabulary(id: $id) { id curated removedFacts } }", id=studio["id"])
    assert gone.errors is None and gone.data["rejectVocabulary"]["removedFacts"] >= 1
    assert node(loaded, "Studio", "罗志诚劳模创新工作室") is None
    bad = run(loaded, "mutation { confirmVocabulary(id: \"person_x\") { id } }")
    assert bad.errors and "honor, unit or studio" in bad.errors[0].message


def test_kg_vocab_list_confirm_reject(loaded):
    env = instance_env()
    out = subprocess.run([sys.executable, "-m", "api.cli", "vocab", "list", "--uncurated", "--format", "json"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    items = json.loads(out.stdout)["items"]
    unit = next(i for i in items if i["name"] == "青川重型锻压有限公司")
    out = subprocess.run([sys.executable, "-m", "api.cli", "vocab", "confirm", unit["id"], "--who", "ann"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0 and "confirmed" in out.stdout, out.stderr
    out = subprocess.run([sys.executable, "-m", "api.cli", "vocab", "list", "--uncurated", "--type", "Unit"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert "青川重型锻压有限公司锻造车间" in out.stdout and "青川重型锻压有限公司 " not in out.stdout
    out = subprocess.run([sys.executable, "-m", "api.cli", "vocab", "reject", "unit_nope"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 1 and out.stderr.startswith("kg: ") and "Traceback" not in out.stderr


def test_an_article_without_chinese_is_refused_unless_forced(empty_db, tmp_path):
    with pytest.raises(InvalidRequest, match="no Chinese text"):
        load_article(empty_db, "Model workers of the year, in English only.", ArticleMeta(title="en"))
    assert empty_db.read("MATCH (a:Article) RETURN count(a) AS c")[0]["c"] == 0
    report = load_article(empty_db, "Model workers of the year, in English only.", ArticleMeta(title="en"), force=True)
    assert not report.already_loaded
    assert empty_db.read("MATCH (a:Article) RETURN count(a) AS c")[0]["c"] == 1
    path = tmp_path / "english.txt"
    path.write_text("Nothing in Chinese here.", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "api.cli", "load", "article", str(path)],
                         capture_output=True, text=True, env=instance_env(), timeout=120)
    assert out.returncode == 1 and "no Chinese text" in out.stderr and "--force" in out.stderr


def test_loads_stay_idempotent_with_spans_and_evidence(loaded):
    before = loaded.read("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
    report = load_article(loaded, TEXT, ArticleMeta(title="青川工匠", date="2024-05-01"))
    assert report.already_loaded
    assert loaded.read("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"] == before
    row = loaded.read("MATCH (:Person)-[r:WORKS_AT]->(:Unit) RETURN r.evidence AS ev, r.locators AS loc")[0]
    start, end = map(int, row["loc"][0].removeprefix("chars ").split("-"))
    assert TEXT[start:end].replace("\n", "") == row["ev"][0]
