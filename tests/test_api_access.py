"""Access and delivery of the API: persisted-only mode, read tokens, roles, CORS, error
shape of refusals, and the `kg query` / `kg token create` / `kg schema` commands."""
from __future__ import annotations

import json
import subprocess
import sys

import httpx
import pytest

from api import persisted
from graph.config import CHECKOUT
from graph.tokens import create_token
from tests.conftest import LiveServer, instance_env, instance_settings

QUERIES = CHECKOUT / "queries"


@pytest.fixture(scope="module")
def person(db):
    from graph.identity import matching_props

    db.write("MERGE (p:Person:Entity {id: 'person_access01'}) SET p += $keys, p.name = '赵访问', p.aliases = ['赵访问'], "
             "p.aliasText = '赵访问', p.phone = '13700000000', p.idNumber = '330000199001010000', "
             "p.birthDate = '1990-01-01', p.address = '桐乡市某路1号'", keys=matching_props("Person", "赵访问"))
    yield "person_access01"
    db.write("MATCH (p:Person {id: 'person_access01'}) DETACH DELETE p")


@pytest.fixture(scope="module")
def persisted_server(db, neo4j_settings):
    with LiveServer(instance_settings(KG_PERSISTED_QUERIES_ONLY="1")) as server:
        yield server


@pytest.fixture(scope="module")
def closed_server(db, neo4j_settings):
    with LiveServer(instance_settings(KG_REQUIRE_READ_TOKEN="1", KG_CORS_ORIGINS="https://app.example.org")) as server:
        yield server


def test_persisted_only_answers_just_the_documents(persisted_server, person) -> None:
    refused = httpx.post(f"{persisted_server.url}/graphql", json={"query": "{ stats { people } }"}, timeout=30)
    assert refused.status_code == 403
    assert refused.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    text = (QUERIES / "search-by-pinyin.graphql").read_text(encoding="utf-8")
    by_text = persisted_server.graphql(text, {"q": "赵访问"})
    assert by_text["data"]["search"]["nodes"][0]["node"]["id"] == person
    by_hash = httpx.post(f"{persisted_server.url}/graphql", timeout=30, json={
        "variables": {"q": "赵访问"}, "extensions": {"persistedQuery": {"version": 1, "sha256Hash": persisted.sha256(text)}}})
    assert by_hash.json()["data"]["search"]["nodes"][0]["node"]["id"] == person
    by_get = httpx.get(f"{persisted_server.url}/graphql", timeout=30, params={
        "documentId": persisted.sha256(text), "variables": json.dumps({"q": "zhaofangwen"})})
    assert by_get.json()["data"]["search"]["nodes"][0]["node"]["id"] == person
    unknown = httpx.post(f"{persisted_server.url}/graphql", timeout=30,
                         json={"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "0" * 64}}})
    assert unknown.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"  # Apollo retries…
    register = httpx.post(f"{persisted_server.url}/graphql", timeout=30, json={
        "query": "{ stats { people } }",
        "extensions": {"persistedQuery": {"version": 1, "sha256Hash": persisted.sha256("{ stats { people } }")}}})
    assert register.status_code == 403, "…but only the documents of queries/ may run here"
    unknown_id = httpx.get(f"{persisted_server.url}/graphql", timeout=30, params={"documentId": "0" * 64})
    assert unknown_id.status_code == 404 and unknown_id.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_every_document_has_its_hash() -> None:
    docs = persisted.documents()
    assert len(docs) == len(list(QUERIES.glob("*.graphql")))
    for path in QUERIES.glob("*.graphql"):
        text = path.read_text(encoding="utf-8")
        assert docs[persisted.sha256(text)] == text
        assert text.lstrip().startswith("#") and ("query " in text or "mutation " in text), f"{path.name}: a named document"


def test_read_token_setting_and_cors(closed_server, db, person) -> None:
    anonymous = httpx.post(f"{closed_server.url}/graphql", json={"query": "{ stats { people } }"}, timeout=30)
    assert anonymous.status_code == 401
    assert anonymous.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    reader = create_token(db, "reader", "a researcher")
    assert closed_server.graphql("{ stats { people } }", token=reader)["data"]["stats"]["people"] >= 1
    preflight = httpx.options(f"{closed_server.url}/graphql", timeout=30, headers={
        "Origin": "https://app.example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type"})
    assert preflight.headers.get("access-control-allow-origin") == "https://app.example.org"
    other = httpx.options(f"{closed_server.url}/graphql", timeout=30, headers={
        "Origin": "https://evil.example.com", "Access-Control-Request-Method": "POST"})
    assert other.headers.get("access-control-allow-origin") is None


def test_roles_and_personal_data(live_server, db, person) -> None:
    reader, editor = create_token(db, "reader", "r"), create_token(db, "editor", "e")
    mutation = 'mutation { createEntity(input: {type: VILLAGE, name: "角色村"}) { entity { id } } }'
    assert live_server.graphql(mutation)["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert live_server.graphql(mutation, token=reader)["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    query = '{ person(id: "person_access01") { phone idNumber birthDate address } }'
    hidden = {"phone": None, "idNumber": None, "birthDate": None, "address": None}
    assert live_server.graphql(query)["data"]["person"] == hidden
    assert live_server.graphql(query, token=reader)["data"]["person"] == hidden
    shown = live_server.graphql(query, token=editor)["data"]["person"]
    assert shown == {"phone": "13700000000", "idNumber": "330000199001010000", "birthDate": "1990-01-01",
                     "address": "桐乡市某路1号"}
    stored = db.read("MATCH (t:ApiToken) RETURN t.hash AS hash")
    assert editor not in {r["hash"] for r in stored}, "tokens are stored hashed"


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=CHECKOUT, env=instance_env(),
                          capture_output=True, text=True, timeout=120)


def test_kg_query_and_token_create(db, person) -> None:
    search = _kg("query", "queries/search-by-pinyin.graphql", "--var", "q=zfw", "--var", "first=3")
    assert search.returncode == 0, search.stderr
    hits = json.loads(search.stdout)["data"]["search"]["nodes"]
    assert hits[0]["node"]["id"] == person and hits[0]["matchedOn"]
    private = CHECKOUT / ".kg" / "tests" / "private-query.graphql"
    private.parent.mkdir(parents=True, exist_ok=True)
    private.write_text('{ person(id: "person_access01") { phone } }', encoding="utf-8")
    try:
        assert json.loads(_kg("query", str(private)).stdout)["data"]["person"]["phone"] is None
        created = _kg("token", "create", "--role", "editor", "--name", "cli")
        assert created.returncode == 0, created.stderr
        token = created.stdout.strip().splitlines()[-1]
        shown = _kg("query", str(private), "--token", token)
        assert json.loads(shown.stdout)["data"]["person"]["phone"] == "13700000000"
    finally:
        private.unlink()
    bad = _kg("token", "create", "--role", "king")
    assert bad.returncode != 0
    piped = subprocess.run(f"{sys.executable} -m api.cli query queries/search-by-pinyin.graphql --var q=zfw "
                           "2>kg-stderr.txt | head -c 10 >/dev/null; cat kg-stderr.txt; rm kg-stderr.txt",
                           shell=True, cwd=CHECKOUT, env=instance_env(PYTHONUNBUFFERED="1"),
                           capture_output=True, text=True, timeout=120)
    assert piped.stdout == "", "`kg query … | head` ends quietly, without a traceback"
    refused = _kg("query", "queries/search-by-pinyin.graphql")  # $q missing
    assert refused.returncode == 1 and json.loads(refused.stdout)["errors"][0]["extensions"]["code"] == "BAD_INPUT"


def test_kg_query_asks_the_running_service(person, live_server) -> None:
    """With a service on KG_PORT, `kg query` asks it (no schema built here: the fast path)
    and prints what it would have printed alone; `--local` still executes here."""
    args = ["query", "queries/search-by-pinyin.graphql", "--var", "q=zfw", "--var", "first=3"]
    env = instance_env(KG_PORT=str(live_server.port))
    served = subprocess.run([sys.executable, "-X", "importtime", "-m", "api.cli", *args], cwd=CHECKOUT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert served.returncode == 0, served.stderr
    assert "api.schema" not in served.stderr, "the service answered, so the schema is not built here"
    local = subprocess.run([sys.executable, "-m", "api.cli", *args, "--local"], cwd=CHECKOUT, env=env,
                           capture_output=True, text=True, timeout=120)
    assert local.returncode == 0, local.stderr
    assert json.loads(served.stdout) == json.loads(local.stdout)
    assert json.loads(served.stdout)["data"]["search"]["nodes"][0]["node"]["id"] == person


def test_kg_schema_prints_the_sdl() -> None:
    out = _kg("schema")
    assert out.returncode == 0, out.stderr
    assert out.stdout == (CHECKOUT / "schema.graphql").read_text(encoding="utf-8")


def test_graphiql_for_browsers(live_server) -> None:
    page = httpx.get(f"{live_server.url}/graphql", headers={"Accept": "text/html"}, timeout=30)
    assert page.status_code == 200 and "graphiql" in page.text.lower()
