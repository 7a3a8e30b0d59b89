"""The GraphQL API through real HTTP against the real Neo4j holding seed/: every
queries/ document, search forms, connection evidence, the Cypher bound, limits, access,
persisted queries, and recovery when Neo4j stops."""
from __future__ import annotations

import time

import httpx
import pytest

from api import persisted
from api.schema import schema
from graph.config import CHECKOUT
from graph.loaders.seed import load_seed
from graph.tokens import create_token
from tests.conftest import wipe

QUERIES = CHECKOUT / "queries"


@pytest.fixture(scope="module")
def seeded(db):
    wipe(db)
    list(load_seed(db, CHECKOUT / "seed"))
    return db


@pytest.fixture(scope="module")
def api(live_server, seeded):
    return live_server


def doc(name: str) -> str:
    return (QUERIES / f"{name}.graphql").read_text(encoding="utf-8")


def person_id(api, name: str) -> str:
    body = api.graphql('query($q: String!) { people(first: 5, filter: {name: $q}) { edges { node { id name } } } }',
                       {"q": name})
    assert body.get("data"), body
    ids = [e["node"]["id"] for e in body["data"]["people"]["edges"] if e["node"]["name"] == name]
    assert len(ids) == 1, body
    return ids[0]


def ok(body: dict) -> dict:
    assert "errors" not in body, body
    return body["data"]


def test_schema_file_matches_the_code() -> None:
    assert (CHECKOUT / "schema.graphql").read_text(encoding="utf-8") == str(schema) + "\n", \
        "schema.graphql is stale: run `kg schema > schema.graphql`"


def test_every_query_document_runs(api) -> None:
    zhang = person_id(api, "张继东")
    wang = person_id(api, "王金良")
    unit = ok(api.graphql(doc("person-profile"), {"id": zhang}))["person"]["units"][0]["unit"]["id"]
    article = ok(api.graphql("{ articles { edges { node { id } } } }"))["articles"]["edges"][0]["node"]["id"]
    variables = {
        "who-mentors-whom": {},
        "lineage": {"id": zhang, "depth": 3},
        "shortest-connection": {"from": zhang, "to": wang},
        "person-neighborhood": {"id": zhang},
        "unit-people-with-honors": {"id": unit},
        "honors-by-region-and-year": {"region": "嘉兴市", "yearFrom": 2000, "yearTo": 2030},
        "search-by-pinyin": {"q": "zhangjidong"},
        "person-timeline": {"id": zhang},
        "person-profile": {"id": zhang},
        "mentees-who-became-model-workers": {},
        "duplicate-candidates": {},
        "story-leads": {"year": 2025, "kinds": ["UNSUNG", "LINEAGE"]},
        "story-lead-marks": {},
        "honor-stats-by-level-region-year": {"filter": {"region": "嘉兴市"}},
        "units-and-studios-ranked-by-honorees": {},
        "mentorship-lines": {},
        "communities": {},
        "who-holds-the-community-together": {},
        "units-and-studios-concentrating-honors": {},
        "projects-with-measurable-results": {},
        "article-contents": {"id": article},
        "people-by-filters": {"region": "嘉兴市", "level": "NATIONAL", "first": 100},
    }
    documents = sorted(p.stem for p in QUERIES.glob("*.graphql"))
    assert set(documents) <= set(variables), "every document needs variables here"
    results = {name: ok(api.graphql(doc(name), variables[name])) for name in documents}

    pairs = results["who-mentors-whom"]["mentorships"]["edges"]
    assert pairs and all(e["node"]["sources"] and e["node"]["evidence"] for e in pairs)
    tree = results["lineage"]["person"]["lineage"]
    assert tree["person"]["name"] == "张继东" and tree["mentees"], "张继东 has mentees in the seed"
    assert any(m["mentees"] for m in tree["mentees"]), "and mentees of mentees (徒孙)"
    assert results["shortest-connection"]["connection"]
    assert results["person-neighborhood"]["neighborhood"]["edges"]
    people = results["unit-people-with-honors"]["unit"]["people"]["nodes"]
    assert any(p["person"]["id"] == zhang for p in people)
    honorees = results["honors-by-region-and-year"]["people"]
    assert honorees["totalCount"] >= 1 and honorees["edges"]
    hits = results["search-by-pinyin"]["search"]["nodes"]
    assert hits[0]["node"]["id"] == zhang
    timeline = results["person-timeline"]["person"]["timeline"]
    assert timeline and [e["year"] for e in timeline] == sorted(e["year"] for e in timeline)
    profile = results["person-profile"]["person"]
    assert any(h["honor"]["name"] == "全国劳动模范" for h in profile["honors"])
    assert all(h["sources"] for h in profile["honors"])
    assert profile["mentions"], "the sample article mentions 张继东"
    assert any(m["article"] and "张继东" in m["evidence"][0] for m in profile["mentions"])
    honored = results["mentees-who-became-model-workers"]["mentorships"]
    assert honored["totalCount"] >= 1 and all(e["node"]["mentee"]["honors"] for e in honored["edges"])
    concentration = results["units-and-studios-concentrating-honors"]
    units, studios = concentration["units"]["nodes"], concentration["studios"]["nodes"]
    assert units[0]["honorees"] >= units[-1]["honorees"] >= 1
    assert studios and studios[0]["names"]
    projects = results["projects-with-measurable-results"]["projects"]["edges"]
    assert projects and all(p["node"]["outcomes"] for p in projects)
    assert any("亿元" in o for p in projects for o in p["node"]["outcomes"])
    mentioned = results["article-contents"]["article"]["mentioned"]
    assert zhang in {m["node"]["id"] for m in mentioned if m["spans"]}
    national = results["people-by-filters"]["people"]
    assert zhang in {e["node"]["id"] for e in national["edges"]}
    assert all(any(h["honor"]["level"] == "NATIONAL" for h in e["node"]["honors"]) for e in national["edges"])
    leads = results["story-leads"]["storyLeads"]["edges"]
    assert leads and all(e["node"]["headline"] and e["node"]["evidence"] for e in leads)


@pytest.mark.parametrize("q", ["张继东", "張繼東", "zhang jidong", "zhangjidong", "zjd", "张继冬"])
def test_search_finds_zhang_jidong_by_every_form(api, q: str) -> None:
    zhang = person_id(api, "张继东")
    hits = ok(api.graphql(doc("search-by-pinyin"), {"q": q}))["search"]["nodes"]
    ids = [h["node"]["id"] for h in hits]
    assert zhang in ids[:3], (q, hits[:3])
    assert all(h["matchedOn"] for h in hits)


def test_connection_has_evidence_on_every_edge(api) -> None:
    zhang, wang = person_id(api, "张继东"), person_id(api, "王金良")
    paths = ok(api.graphql(doc("shortest-connection"), {"from": zhang, "to": wang}))["connection"]
    assert paths
    for path in paths:
        assert path["nodes"][0]["id"] == zhang and path["nodes"][-1]["id"] == wang
        assert all(e["evidence"] and e["sources"] for e in path["edges"])
        assert path["reading"].startswith("张继东") and path["reading"].endswith("王金良")


def test_sources_say_when_they_are_synthetic(api) -> None:
    """The seed's roster starts with `# 合成数据 synthetic …`: its facts and the leads from it
    say so; the article's do not."""
    zhang = person_id(api, "张继东")
    honors = ok(api.graphql('query($id: ID!) { person(id: $id) { honors { sources { kind synthetic } } } }',
                            {"id": zhang}))["person"]["honors"]
    kinds = {(s["kind"], s["synthetic"]) for a in honors for s in a["sources"]}
    assert ("ROSTER", True) in kinds and ("ARTICLE", False) in kinds
    leads = ok(api.graphql("{ storyLeads(first: 20) { edges { node { evidence { kind synthetic } "
                           "sources { kind synthetic } } } } }"))["storyLeads"]["edges"]
    flags = {(s["kind"], s["synthetic"]) for e in leads for s in e["node"]["evidence"] + e["node"]["sources"]}
    assert ("ROSTER", True) in flags and ("ROSTER", False) not in flags


CYPHER_BOUND = 6  # statements for a page of 50 people, three levels of mentors, honors, units, sources


def test_a_deep_page_runs_a_bounded_number_of_cypher_statements(api) -> None:
    query = """{ people(first: 50) { totalCount edges { node { name
        honors { honor { name } year sources { title } } units { unit { name } }
        mentors { mentor { name honors { honor { name } } units { unit { name } }
          mentors { mentor { name honors { honor { name } } units { unit { name } }
            mentors { mentor { name } } } } } } } } } }"""
    server_db = api.app.state.service.db  # the server's own driver runs the request's Cypher
    counts = []
    for first in (5, 50):
        counter = server_db.start_counting()
        try:
            body = api.graphql(query.replace("first: 50", f"first: {first}"))
        finally:
            server_db.stop_counting()
        assert len(ok(body)["people"]["edges"]) == first
        counts.append(counter.count)
    # one statement per page, per nesting level of links and for the sources: never one per row
    assert 0 < counts[0] <= counts[1] <= CYPHER_BOUND, counts


def test_limits_refuse_with_too_complex(api) -> None:
    deep = "{ people { edges { node { mentors { mentor { mentors { mentor { mentors { mentor { mentors { mentor " \
           "{ mentors { mentor { name } } } } } } } } } } } } } }"
    wide = "{ people(first: 100) { edges { node { colleagues { colleagues { colleagues { name } } } } } } }"
    for query in (deep, wide):
        body = api.graphql(query)
        assert body["errors"][0]["extensions"]["code"] == "TOO_COMPLEX", body
    aliases = "{ " + " ".join(f"a{i}: stats {{ people }}" for i in range(40)) + " }"
    assert api.graphql(aliases)["errors"][0]["extensions"]["code"] == "TOO_COMPLEX"
    too_many = api.graphql("{ people(first: 500) { edges { node { name } } } }")
    assert too_many["errors"][0]["extensions"]["code"] in ("BAD_INPUT", "TOO_COMPLEX")


def test_mutations_need_a_token_and_errors_are_masked(api, seeded) -> None:
    mutation = 'mutation { ingestArticle(input: {text: "全国劳模张继东在桐乡市。", title: "t"}) { report { created } } }'
    body = api.graphql(mutation)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert api.graphql(mutation, token="nonsense")["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    token = create_token(seeded, "editor", "test")
    report = ok(api.graphql(mutation.replace("{ created }", "{ created sourceId }"), token=token))["ingestArticle"]["report"]
    assert report["created"] >= 0
    from graph.edit import edits

    assert [(e["who"], e["action"]) for e in edits(seeded, report["sourceId"])] == [("test", "ingest article")]
    missing = api.graphql('{ connection(from: "person_nope", to: "person_nada") { reading } }')
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    bad = api.graphql('{ people(after: "not-a-cursor") { edges { cursor } } }')
    assert bad["errors"][0]["extensions"]["code"] == "BAD_INPUT"
    assert "MATCH" not in str(bad) and "neo4j" not in str(bad).lower()


def test_personal_data_only_for_editors(api, seeded) -> None:
    zhang = person_id(api, "张继东")
    seeded.write("MATCH (p:Person {id: $id}) SET p.phone = '13800000000'", id=zhang)
    query = 'query($id: ID!) { person(id: $id) { phone } }'
    assert ok(api.graphql(query, {"id": zhang}))["person"]["phone"] is None
    token = create_token(seeded, "editor", "records")
    assert ok(api.graphql(query, {"id": zhang}, token=token))["person"]["phone"] == "13800000000"


def test_colleagues_are_read_whole_only_when_their_selection_shows_more(api, seeded) -> None:
    """A colleague is read with a Person's own fields, unless the selection shows personal data
    or centrality of them: on a looked-up person and on each node of a list page alike."""
    pair = seeded.read("MATCH (p:Person)-[:WORKS_AT]->(:Unit)<-[:WORKS_AT]-(c:Person) WHERE c <> p "
                       "RETURN p.id AS person, p.name AS name, c.id AS colleague ORDER BY p.id, c.id LIMIT 1")[0]
    seeded.write("MATCH (c:Person {id: $id}) SET c.phone = '13900000001', c.betweenness = 0.5, c.degree = 3",
                 id=pair["colleague"])
    editor = create_token(seeded, "editor", "records")
    whole = "colleagues { id name gender phone centrality { degree } }"
    try:
        for query, variables in ((f'query($id: ID!) {{ person(id: $id) {{ id {whole} }} }}', {"id": pair["person"]}),
                                 (f'query($name: String) {{ people(filter: {{name: $name}}) {{ nodes {{ id {whole} }} }} }}',
                                  {"name": pair["name"]})):
            data = ok(api.graphql(query, variables, token=editor))
            found = next(p for p in [data.get("person"), *data.get("people", {}).get("nodes", [])]
                         if p and p["id"] == pair["person"])
            shown = {c["id"]: c for c in found["colleagues"]}[pair["colleague"]]
            assert shown["phone"] == "13900000001" and shown["centrality"] == {"degree": 3}, query
        brief = ok(api.graphql('query($id: ID!) { person(id: $id) { colleagues { id name gender } } }',
                               {"id": pair["person"]}, token=editor))["person"]["colleagues"]
        assert [{k: c[k] for k in ("id", "name", "gender")} for c in found["colleagues"]] == brief
    finally:
        seeded.write("MATCH (c:Person {id: $id}) REMOVE c.phone, c.betweenness, c.degree", id=pair["colleague"])


def test_persisted_query_by_hash(api) -> None:
    text = doc("who-mentors-whom")
    response = httpx.post(f"{api.url}/graphql", json={
        "extensions": {"persistedQuery": {"version": 1, "sha256Hash": persisted.sha256(text)}}}, timeout=30)
    assert response.json()["data"]["mentorships"]["edges"]


def test_zz_neo4j_down_gives_unavailable_and_recovers(api, neo4j_settings) -> None:
    from graph import neo4j_server

    neo4j_server.stop(neo4j_settings)
    try:
        t0 = time.monotonic()
        body = api.graphql("{ stats { people } }")
        assert body["errors"][0]["extensions"]["code"] == "UNAVAILABLE", body
        assert time.monotonic() - t0 < 15  # the driver's retry window, once
        t1 = time.monotonic()
        again = api.graphql("{ people { edges { node { name } } } }")
        assert again["errors"][0]["extensions"]["code"] == "UNAVAILABLE", again
        assert time.monotonic() - t1 < 1, "while Neo4j stays down, refusals are immediate"
        assert "neo4j" not in str(body).lower() and "7687" not in str(body)
    finally:
        neo4j_server.start(neo4j_settings, progress=False)
    deadline = time.monotonic() + 30
    while True:
        body = api.graphql("{ stats { people } }")
        if "errors" not in body:
            break
        assert time.monotonic() < deadline, body
        time.sleep(0.5)
    assert body["data"]["stats"]["people"] > 0


def test_editors_create_update_and_delete_with_who_and_when(api, seeded) -> None:
    from graph.edit import edits

    token = create_token(seeded, "editor", "staff-li")
    zhang = person_id(api, "张继东")
    made = ok(api.graphql('mutation { createEntity(input: {type: VILLAGE, name: "测试村"}) { entity { id name } '
                          'userErrors { field message code } } }', token=token))["createEntity"]
    assert made["userErrors"] == []
    created = made["entity"]
    fact = ('mutation($a: ID!, $b: ID!) { createFact(input: {type: SERVES, subject: $a, object: $b, '
            'evidence: "张继东常年服务测试村。"}) { fact { type direction node { name } } userErrors { field } } }')
    stated = ok(api.graphql(fact, {"a": zhang, "b": created["id"]}, token=token))["createFact"]
    assert stated == {"fact": {"type": "SERVES", "direction": "OUT", "node": {"name": "测试村"}}, "userErrors": []}
    villages = ok(api.graphql('query($id: ID!) { person(id: $id) { villages { node { name } sources { kind } } } }',
                              {"id": zhang}))["person"]["villages"]
    assert any(v["node"]["name"] == "测试村" and v["sources"][0]["kind"] == "MANUAL" for v in villages)
    renamed = ok(api.graphql('mutation($id: ID!) { updateEntity(input: {id: $id, name: "测试新村"}) '
                             '{ entity { name aliases } userErrors { field } } }',
                             {"id": created["id"]}, token=token))["updateEntity"]["entity"]
    assert renamed["name"] == "测试新村" and "测试村" in renamed["aliases"]
    update = ('mutation($a: ID!, $b: ID!) { updateFact(input: {type: SERVES, subject: $a, object: $b, year: 2022, '
              'evidence: "2022年起张继东服务测试新村。"}) { fact { year } userErrors { field } } }')
    assert ok(api.graphql(update, {"a": zhang, "b": created["id"]}, token=token))["updateFact"] == {
        "fact": {"year": 2022}, "userErrors": []}
    served = ok(api.graphql('query($id: ID!) { person(id: $id) { villages { node { name } year evidence sources { kind } } } }',
                            {"id": zhang}))["person"]["villages"]
    served = [v for v in served if v["node"]["name"] == "测试新村"][0]
    assert served["year"] == 2022 and len(served["evidence"]) == 2 and len(served["sources"]) == 2
    assert ok(api.graphql('mutation($a: ID!, $b: ID!) { deleteFact(input: {type: SERVES, subject: $a, object: $b}) '
                          '{ deleted } }', {"a": zhang, "b": created["id"]}, token=token))["deleteFact"]["deleted"]
    delete = 'mutation($id: ID!) { deleteEntity(input: {id: $id}) { deletedId userErrors { field message code } } }'
    assert ok(api.graphql(delete, {"id": created["id"]}, token=token))["deleteEntity"] == {
        "deletedId": created["id"], "userErrors": []}
    log = edits(seeded, created["id"])
    assert [e["action"] for e in log][::-1] == ["create", "create fact", "update", "update fact", "delete fact",
                                             "delete"]
    assert {e["who"] for e in log} == {"staff-li"}
    again = ok(api.graphql(delete, {"id": created["id"]}, token=token))["deleteEntity"]
    assert again["deletedId"] is None
    assert [(e["field"], e["code"]) for e in again["userErrors"]] == [("input.id", "BAD_INPUT")]
    assert "no entity" in again["userErrors"][0]["message"]


def test_region_filter_includes_everything_below(api) -> None:
    zhang = person_id(api, "张继东")
    for region in ("桐乡市", "嘉兴市", "浙江省"):
        people = ok(api.graphql(doc("honors-by-region-and-year"), {"region": region, "first": 100}))["people"]
        ids = {e["node"]["id"] for e in people["edges"]}
        assert zhang in ids or people["pageInfo"]["hasNextPage"], region
    sichuan = ok(api.graphql(doc("honors-by-region-and-year"), {"region": "四川省"}))["people"]
    assert zhang not in {e["node"]["id"] for e in sichuan["edges"]}
    assert any(e["node"]["name"] == "王金良" for e in sichuan["edges"]), "assigned (挂职) to 屏山县, 宜宾市, 四川省"


def test_ingest_roster_by_upload(api, seeded) -> None:
    import json

    token = create_token(seeded, "editor", "upload")
    operations = {"query": "mutation($file: Upload!) { ingestRoster(input: {file: $file}) "
                           "{ report { created rejected alreadyLoaded } userErrors { message } } }",
                  "variables": {"file": None}}
    data = (CHECKOUT / "tests" / "data" / "roster-gbk.csv").read_bytes()

    def upload() -> dict:
        response = httpx.post(f"{api.url}/graphql", headers={"Authorization": f"Bearer {token}"},
                              data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
                              files={"0": ("roster-gbk.csv", data, "text/csv")}, timeout=60)
        return response.json()

    first = ok(upload())["ingestRoster"]["report"]
    assert first["created"] > 0 and first["rejected"] == 0
    assert ok(upload())["ingestRoster"]["report"]["alreadyLoaded"] is True
