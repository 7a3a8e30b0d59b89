"""Every Cypher statement of graph/ that ran — in the whole suite (recorded by conftest) and in
this file's own scenario (seed, every queries/ document, edits) — EXPLAINed with the
parameters it ran with: none may scan all nodes, nor scan a label where an index could seek.
Named to run last, so it sees what the other tests ran."""
from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import pytest

from graph.config import CHECKOUT
from graph.schema.migrations import ENTITY, SOURCE
from graph.vocabulary import ENTITY_LABELS, SOURCE_LABELS
from tests.conftest import wipe

GRAPH = str(CHECKOUT / "graph")
NOT_EXPLAINABLE = re.compile(r"^\s*(CREATE (CONSTRAINT|INDEX|FULLTEXT|TEXT|RANGE)|DROP|SHOW|CALL db\.awaitIndexes)",
                             re.IGNORECASE)
SCAN = re.compile(r"(NodeByLabelScan|UnionNodeByLabelsScan|IntersectionNodeByLabelsScan|"
                  r"SubtractionNodeByLabelsScan|PartitionedNodeByLabelScan)")
EQUALITY = re.compile(r"^\(?\s*(?:cache\[)?`?(\w+)`?\.`?(\w+)`?\]?\s*(=|IN)\s")


def operators(plan: dict[str, Any]) -> list[dict[str, Any]]:
    out = [plan]
    for child in plan.get("children") or []:
        out += operators(child)
    return out


def conjuncts(text: str) -> list[str]:
    """Top-level AND parts of a predicate (an OR anywhere at the top makes it one part)."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        c = text[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif depth == 0 and text.startswith(" AND ", i):
            parts.append(text[start:i])
            start = i + 5
        i += 1
    parts.append(text[start:])
    return [p.strip() for p in parts if " OR " not in p]


def indexed(db) -> set[tuple[str, str]]:
    """(label, property) an index could serve. Every type's node also carries the shared label
    (Entity, Source), so a shared index serves each type too: the pattern need only name it."""
    rows = db.read("SHOW INDEXES YIELD labelsOrTypes, properties, type, entityType "
                   "WHERE entityType = 'NODE' AND type IN ['RANGE', 'TEXT'] AND size(properties) = 1 "
                   "RETURN labelsOrTypes AS labels, properties[0] AS property")
    found = {(label, r["property"]) for r in rows for label in r["labels"]}
    return found | {(label, prop) for shared, labels in ((ENTITY, ENTITY_LABELS), (SOURCE, SOURCE_LABELS))
                    for on, prop in found if on == shared for label in labels}


def problems_of(plan: dict[str, Any], seekable: set[tuple[str, str]]) -> list[str]:
    """AllNodesScan anywhere; a label scan of `n:L` while a filter holds `n.p = …` (or IN)
    with an index on L(p)."""
    ops = operators(plan)
    found = []
    filters = [str(op.get("args", {}).get("Details", "")) for op in ops if "Filter" in op["operatorType"]]
    for op in ops:
        kind = op["operatorType"].split("@")[0]
        details = str(op.get("args", {}).get("Details", ""))
        if kind == "AllNodesScan":
            found.append(f"AllNodesScan {details}")
        elif SCAN.fullmatch(kind):
            var, _, labels = details.partition(":")
            for label in re.split(r"[|&]", labels):
                for part in (p for f in filters for p in conjuncts(f)):
                    m = EQUALITY.match(part)
                    if m and m.group(1) == var.strip() and (label.strip(), m.group(2)) in seekable:
                        found.append(f"{kind} {details} where {part} could seek an index")
    return found


def explain(db, cypher: str, params: dict[str, Any]) -> dict[str, Any]:
    with db.driver.session(database=db.database) as session:  # auto-commit: IN TRANSACTIONS too
        return session.run("EXPLAIN " + cypher, params).consume().plan


def scenario(db, neo4j_settings) -> None:
    """What a user does, so this file alone covers the read and load paths: the seed, every
    queries/ document, a search, a path, a neighborhood, edits."""
    from api.context import Context
    from api.schema import schema
    from api.service import Service
    from graph import edit
    from graph.loaders.seed import load_seed

    wipe(db)
    list(load_seed(db, CHECKOUT / "seed"))
    ids = {r["name"]: r["id"] for r in db.read(
        "MATCH (p:Person) WHERE p.name IN ['张继东', '王金良'] RETURN p.name AS name, p.id AS id")}
    unit = db.read("MATCH (:Person {id: $id})-[:WORKS_AT]->(u:Unit) RETURN u.id AS id", id=ids["张继东"])[0]["id"]
    article = db.read("MATCH (a:Article) RETURN a.id AS id LIMIT 1")[0]["id"]
    zhang, wang = ids["张继东"], ids["王金良"]
    variables = {
        "lineage": {"id": zhang}, "shortest-connection": {"from": zhang, "to": wang, "maxHops": 6},
        "person-neighborhood": {"id": zhang, "depth": 2}, "unit-people-with-honors": {"id": unit},
        "honors-by-region-and-year": {"region": "嘉兴市", "yearFrom": 2000, "yearTo": 2030, "level": "NATIONAL"},
        "search-by-pinyin": {"q": "zhangjidong"}, "person-timeline": {"id": zhang}, "person-profile": {"id": zhang},
        "mentees-who-became-model-workers": {"level": "NATIONAL"}, "story-leads": {"kinds": ["UNSUNG", "LINEAGE", "IMPACT", "ANNIVERSARY", "NEW_HONOR", "FAR_FROM_HOME", "BRIDGE"]},
        "article-contents": {"id": article},
        "people-by-filters": {"region": "桐乡市", "level": "NATIONAL", "name": "张", "sector": "乡村振兴",
                              "honor": "全国劳动模范", "unit": "桐乡市继东家庭农场"},
    }
    service = Service(neo4j_settings)
    try:
        for path in sorted((CHECKOUT / "queries").glob("*.graphql")):
            for extra in ({}, {"first": 2}):
                result = asyncio.run(schema.execute(
                    path.read_text(encoding="utf-8"), variable_values={**variables.get(path.stem, {}), **extra},
                    context_value=Context(service=service)))
                assert not result.errors or path.stem == "duplicate-candidates", (path.stem, result.errors)
    finally:
        service.close()
    village = edit.create_entity(db, "Village", "测试村", {}, "explain")
    edit.create_fact(db, "SERVES", zhang, village, 2020, None, "服务测试村", "explain")
    edit.update_fact(db, "SERVES", zhang, village, 2021, None, "", "explain")
    edit.update_entity(db, village, "测试新村", {}, "explain")
    edit.delete_fact(db, "SERVES", zhang, village, "explain")
    edit.delete_entity(db, village, "explain")


def test_no_statement_of_graph_scans_where_an_index_could_seek(db, neo4j_settings, recorded_cypher) -> None:
    scenario(db, neo4j_settings)
    seekable = indexed(db)
    seen: dict[str, tuple[dict[str, Any], str]] = {}
    for cypher, params, origin in zip(recorded_cypher.statements, recorded_cypher.params,
                                      recorded_cypher.origins):
        if origin.startswith(GRAPH) and not NOT_EXPLAINABLE.match(cypher):
            seen.setdefault(cypher, (params, origin))
    assert len(seen) > 40, "the scenario ran too little to judge"
    failures = []
    for cypher, (params, origin) in seen.items():
        for problem in problems_of(explain(db, cypher, params), seekable):
            failures.append(f"{Path(origin).relative_to(CHECKOUT)}: {problem}\n    {cypher[:300]}")
    assert not failures, f"{len(failures)} statement(s) of {len(seen)} scan:\n" + "\n".join(failures)


@pytest.mark.parametrize("cypher, bad", [
    ("MATCH (n {id: $id}) RETURN n", True),
    ("MATCH (n:Person) WHERE n.id = $id RETURN n", False),  # the planner seeks the constraint's index
    ("MATCH (n:Person) USING SCAN n:Person WHERE n.id = $id RETURN n", True),
    ("MATCH (n:Region) WHERE n.name = $id OR $id IN n.aliases RETURN n", False),
    # a person's matching keys are indexed on Entity only (migration 12): the pattern must say so
    ("MATCH (n:Person) WHERE n.nameKey = $id RETURN n", True),
    ("MATCH (n:Person:Entity) WHERE n.nameKey = $id RETURN n", False),
])
def test_the_check_itself(db, cypher: str, bad: bool) -> None:
    assert bool(problems_of(explain(db, cypher, {"id": "person_x"}), indexed(db))) == bad
