"""The dedupe GraphQL types and `kg dedupe` commands, against the real Neo4j."""
from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Any

import pytest
import strawberry

from api.schema_dedupe import DedupeMutation, DedupeQuery
from api.types import ALL_TYPES
from tests.conftest import instance_env
from tests.test_dedupe_graph import P1, P2, P4, SAMPLE, dump

SCHEMA = strawberry.Schema(query=DedupeQuery, mutation=DedupeMutation, types=ALL_TYPES)


@dataclass
class Ctx:
    db: Any
    role: str | None
    user: str | None = None
    token_error: str | None = None
    unavailable: bool = False
    loaders: dict = field(default_factory=dict)

    @property
    def is_editor(self) -> bool:
        return self.role in ("editor", "admin")


def run(db, query: str, role: str | None = "editor", **variables: Any) -> Any:
    return asyncio.run(SCHEMA.execute(query, variable_values=variables, context_value=Ctx(db, role, "ann")))


@pytest.fixture()
def sample(empty_db):
    empty_db.write(SAMPLE)
    return empty_db


def test_duplicate_candidates_pages_review_items_with_both_sides(sample):
    sample.write(
        "MATCH (a:Person {id: $a}), (b:Person {id: $b}) "
        "CREATE (i:ReviewItem {id: 'review_x', type: 'Person', score: 0.6, status: 'open', "
        "  reasons: '[{\"feature\": \"name\", \"contribution\": 0.6, \"detail\": \"one character apart\"}]'}) "
        "CREATE (i)-[:CANDIDATE]->(a), (i)-[:CANDIDATE]->(b)", a=P1, b=P4)
    query = """query($after: String) { duplicateCandidates(type: PERSON, first: 1, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id score status a { id name } b { id name } reasons { feature contribution detail } } } } }"""
    first = run(sample, query, after=None)
    assert first.errors is None, first.errors
    page = first.data["duplicateCandidates"]
    assert page["totalCount"] == 2 and page["pageInfo"]["hasNextPage"]
    assert page["edges"][0]["node"]["score"] == 0.8
    assert {page["edges"][0]["node"]["a"]["id"], page["edges"][0]["node"]["b"]["id"]} == {P1, P2}
    second = run(sample, query, after=page["pageInfo"]["endCursor"]).data["duplicateCandidates"]
    node = second["edges"][0]["node"]
    assert node["reasons"] == [{"feature": "name", "contribution": 0.6, "detail": "one character apart"}]
    assert not second["pageInfo"]["hasNextPage"]
    bad = run(sample, query, after="nonsense")
    assert bad.errors and "cursor" in bad.errors[0].message


def test_mutations_need_the_editor_role(sample):
    before = dump(sample)
    result = run(sample, "mutation($ids: [ID!]!) { merge(ids: $ids) { mergeId } }", role=None, ids=[P1, P2])
    assert result.errors and "token" in result.errors[0].message
    result = run(sample, 'mutation { judge(a: "%s", b: "%s", verdict: DIFFERENT) { id } }' % (P1, P2), role="reader")
    assert result.errors and "editor" in result.errors[0].message
    assert dump(sample) == before


def test_judge_merge_unmerge_through_graphql(sample):
    before = dump(sample)
    merged = run(sample, "mutation($ids: [ID!]!) { merge(ids: $ids) { mergeId survivor absorbed "
                         "conflicts { property values } } }", ids=[P1, P2])
    assert merged.errors is None, merged.errors
    outcome = merged.data["merge"]
    assert outcome["survivor"] == P1 and outcome["absorbed"] == [P2]
    # birth years differ, but they are personal data: the conflict is named, its values are not
    assert {"property": "birthYear", "values": ["(personal)", "(personal)"]} in outcome["conflicts"]
    undone = run(sample, "mutation($m: ID!) { unmerge(mergeId: $m) { restored } }", m=outcome["mergeId"])
    assert undone.errors is None and undone.data["unmerge"]["restored"] == [P2]
    assert dump(sample) == before

    judged = run(sample, 'mutation { judge(a: "%s", b: "%s", verdict: DIFFERENT, note: "两个人") '
                         "{ verdict who current note } }" % (P1, P4))
    assert judged.data["judge"] == {"verdict": "different", "who": "ann", "current": True, "note": "两个人"}
    blocked = run(sample, "mutation($ids: [ID!]!) { merge(ids: $ids) { mergeId } }", ids=[P4, P1])
    assert blocked.errors and "different" in blocked.errors[0].message


def test_explain_match(sample):
    run(sample, 'mutation { judge(a: "%s", b: "%s", verdict: UNSURE) { id } }' % (P1, P2))
    result = run(sample, 'query { explainMatch(a: "%s", b: "%s") { score kind decision sameRecord '
                         "reasons { feature contribution detail } judgements { verdict } blockedBy { id } } }" % (P1, P2),
                 role=None)
    assert result.errors is None, result.errors
    e = result.data["explainMatch"]
    assert e["reasons"] and e["judgements"] == [{"verdict": "unsure"}] and e["blockedBy"] == []
    assert not e["sameRecord"]


# ---------------------------------------------------------------- kg dedupe


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "api.cli", "dedupe", *args], capture_output=True, text=True,
                          env=instance_env(KG_USER="cli-tester"), timeout=120)


def test_kg_dedupe_judge_merge_unmerge_list_log(sample):
    before = dump(sample)
    listed = kg("list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout)["totalCount"] == 1
    merged = kg("merge", P1, P2)
    assert merged.returncode == 0, merged.stderr
    merge_id = merged.stdout.split(":", 1)[0]
    assert "conflict kept" in merged.stdout and "1971" not in merged.stdout
    assert kg("unmerge", merge_id).returncode == 0
    assert dump(sample) == before
    again = kg("unmerge", merge_id)
    assert again.returncode == 1 and again.stderr.startswith("kg: ") and len(again.stderr.strip().splitlines()) == 1
    judged = kg("judge", P1, P4, "different", "--note", "不同单位")
    assert judged.returncode == 0 and "different" in judged.stdout
    blocked = kg("merge", P1, P4)
    assert blocked.returncode == 1 and "different" in blocked.stderr
    log = kg("log")
    assert log.returncode == 0
    assert [line.split()[2] for line in log.stdout.splitlines()] == ["judge", "unmerge", "merge"]
    assert "cli-tester" in log.stdout


def test_kg_dedupe_scan_json(sample):
    result = kg("scan", "--format", "json", "--type", "Person")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"candidates"}
    for c in data["candidates"]:
        assert set(c) == {"type", "a", "b", "score", "reasons"}
        assert set(c["a"]) == {"id", "name"} and isinstance(c["score"], float)
    pairs = {frozenset((c["a"]["id"], c["b"]["id"])) for c in data["candidates"]}
    assert frozenset((P1, P2)) in pairs


def test_over_http_with_an_editor_token(sample, live_server):
    from graph.tokens import create_token

    editor = create_token(sample, "editor", "ann")
    reader = create_token(sample, "reader", "rob")
    mutation = "mutation($ids: [ID!]!) { merge(ids: $ids) { mergeId survivor absorbed } }"
    anonymous = live_server.graphql(mutation, {"ids": [P1, P2]})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    refused = live_server.graphql(mutation, {"ids": [P1, P2]}, token=reader)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    done = live_server.graphql(mutation, {"ids": [P1, P2]}, token=editor)
    assert done.get("errors") is None, done
    assert done["data"]["merge"]["survivor"] == P1
    again = live_server.graphql(mutation, {"ids": [P1, P2]}, token=editor)
    assert again["errors"][0]["extensions"]["code"] == "BAD_INPUT"
    assert "already one record" in again["errors"][0]["message"]
    unknown = live_server.graphql(mutation, {"ids": [P1, "person_ffffffffffff"]}, token=editor)
    assert unknown["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    listed = live_server.graphql("{ duplicateCandidates(status: CLOSED) { totalCount edges { node { status } } } }")
    assert listed.get("errors") is None, listed
    assert listed["data"]["duplicateCandidates"]["edges"] == [{"node": {"status": "closed"}}]
    undo = live_server.graphql("mutation($m: ID!) { unmerge(mergeId: $m) { restored } }",
                               {"m": done["data"]["merge"]["mergeId"]}, token=editor)
    assert undo["data"]["unmerge"]["restored"] == [P2]
