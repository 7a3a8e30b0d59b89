"""The API's conventions as a front end meets them (issue 12), over real HTTP against seed/:
Relay connections both ways and nested, enum filters, forgiving filters that say what they
did (and refuse with suggestions), mutation payloads with userErrors, Apollo's automatic
persisted queries, transport errors as GraphQL errors, UTF-8 without escapes."""
from __future__ import annotations

import hashlib
import json

import httpx
import pytest

from graph.config import CHECKOUT
from graph.loaders.seed import load_seed
from graph.tokens import create_token
from tests.conftest import wipe


@pytest.fixture(scope="module")
def seeded(db):
    wipe(db)
    list(load_seed(db, CHECKOUT / "seed"))
    return db


@pytest.fixture(scope="module")
def api(live_server, seeded):
    return live_server


def ok(body: dict) -> dict:
    assert "errors" not in body, body
    return body["data"]


PEOPLE = """query($first: Int, $after: String, $last: Int, $before: String, $filter: PersonFilter) {
  people(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount
    appliedFilters { field given value note }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name } }
  }
}"""


def people(api, **variables) -> dict:
    return ok(api.graphql(PEOPLE, variables))["people"]


# ---------------------------------------------------------------- connections


def test_backward_pagination_meets_forward_pagination(api) -> None:
    region = {"region": "嘉兴市"}  # some 300 people: several pages either way
    forward, after = [], None
    while True:
        page = people(api, first=100, after=after, filter=region)
        forward += [e["node"]["id"] for e in page["edges"]]
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    total = page["totalCount"]
    assert total == len(forward) == len(set(forward)) > 100

    last = people(api, last=3, filter=region)
    info = last["pageInfo"]
    assert [e["node"]["id"] for e in last["edges"]] == forward[-3:], "a backward page keeps the list's order"
    assert info["hasPreviousPage"] is True and info["hasNextPage"] is False
    assert info["startCursor"] == last["edges"][0]["cursor"] and info["endCursor"] == last["edges"][-1]["cursor"]
    assert last["totalCount"] == total

    backward, before = [], None
    while True:  # from the end back to the very beginning
        page = people(api, last=100, before=before, filter=region)
        backward = [e["node"]["id"] for e in page["edges"]] + backward
        assert page["pageInfo"]["hasNextPage"] is (before is not None)
        if not page["pageInfo"]["hasPreviousPage"]:
            break
        before = page["pageInfo"]["startCursor"]
    assert backward == forward

    # from a cursor in the middle, both ways agree
    middle = people(api, first=3, filter=region)["edges"][2]["cursor"]
    after_middle = people(api, first=2, after=middle, filter=region)
    assert [e["node"]["id"] for e in after_middle["edges"]] == forward[3:5]
    assert after_middle["pageInfo"]["hasPreviousPage"] is True
    before_middle = people(api, last=2, before=middle, filter=region)
    assert [e["node"]["id"] for e in before_middle["edges"]] == forward[0:2]
    assert before_middle["pageInfo"]["hasPreviousPage"] is False and before_middle["pageInfo"]["hasNextPage"]


def test_first_and_last_together_are_refused(api) -> None:
    body = api.graphql(PEOPLE, {"first": 2, "last": 2})
    assert body["errors"][0]["extensions"]["code"] == "BAD_INPUT"


def test_total_count_is_counted_whenever_asked(api) -> None:
    data = ok(api.graphql("{ mentorships(first: 1) { totalCount edges { node { since } } } "
                          "search(q: \"张继东\") { totalCount nodes { score } } }"))
    assert data["mentorships"]["totalCount"] >= 1
    assert data["search"]["totalCount"] >= len(data["search"]["nodes"]) >= 1


def test_nested_connections_page_an_honors_recipients_and_a_units_people(api) -> None:
    honor = ok(api.graphql('{ honors(filter: {name: "全国劳动模范"}, first: 1) { nodes { id name } } }'))
    honor_id = honor["honors"]["nodes"][0]["id"]
    query = """query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
      honor(id: $id) {
        recipients(first: $first, after: $after, last: $last, before: $before) {
          totalCount
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          edges { cursor node { year recipient { id name } } }
        }
      }
    }"""
    whole = ok(api.graphql(query, {"id": honor_id, "first": 100}))["honor"]["recipients"]
    ids = [e["node"]["recipient"]["id"] for e in whole["edges"]]
    assert whole["totalCount"] == len(ids) >= 2
    one = ok(api.graphql(query, {"id": honor_id, "first": 1}))["honor"]["recipients"]
    assert one["pageInfo"]["hasNextPage"] and [e["node"]["recipient"]["id"] for e in one["edges"]] == ids[:1]
    rest = ok(api.graphql(query, {"id": honor_id, "first": 100, "after": one["pageInfo"]["endCursor"]}))
    assert [e["node"]["recipient"]["id"] for e in rest["honor"]["recipients"]["edges"]] == ids[1:]
    tail = ok(api.graphql(query, {"id": honor_id, "last": 1}))["honor"]["recipients"]
    assert [e["node"]["recipient"]["id"] for e in tail["edges"]] == ids[-1:]
    assert tail["pageInfo"]["hasPreviousPage"] and not tail["pageInfo"]["hasNextPage"]

    zhang = people(api, first=5, filter={"name": "张继东"})["edges"][0]["node"]["id"]
    unit = ok(api.graphql('query($id: ID!) { person(id: $id) { units { unit { id } } } }', {"id": zhang}))
    unit_id = unit["person"]["units"][0]["unit"]["id"]
    staff = ok(api.graphql('query($id: ID!) { unit(id: $id) { people(first: 100) { totalCount '
                           'nodes { person { id } } } } }', {"id": unit_id}))["unit"]["people"]
    assert zhang in {n["person"]["id"] for n in staff["nodes"]} and staff["totalCount"] == len(staff["nodes"])


# ---------------------------------------------------------------- enums and filters


def test_kinds_levels_and_directions_are_uppercase_enums(api) -> None:
    national = people(api, first=100, filter={"honorLevel": "NATIONAL"})
    assert national["edges"]
    query = """query($id: ID!) { person(id: $id) {
      honors { type honor { level recipientKind } sources { kind } }
      links(types: [RECEIVED]) { type direction }
    } }"""
    zhang = people(api, first=5, filter={"name": "张继东"})["edges"][0]["node"]["id"]
    data = ok(api.graphql(query, {"id": zhang}))["person"]
    assert {h["type"] for h in data["honors"]} == {"RECEIVED"}
    assert "NATIONAL" in {h["honor"]["level"] for h in data["honors"]}
    assert {s["kind"] for h in data["honors"] for s in h["sources"]} <= {"ARTICLE", "ROSTER", "MANUAL", "UNKNOWN"}
    assert {(link["type"], link["direction"]) for link in data["links"]} == {("RECEIVED", "OUT")}
    wrong = api.graphql(PEOPLE, {"filter": {"honorLevel": "national"}})
    assert wrong["errors"][0]["extensions"]["code"] == "BAD_INPUT"  # one case convention: the enum's name


def test_short_forms_are_read_and_say_so(api) -> None:
    long_form = people(api, first=100, filter={"region": "嘉兴市"})
    short_form = people(api, first=100, filter={"region": "嘉兴"})
    assert short_form["totalCount"] == long_form["totalCount"] > 0
    assert [e["node"]["id"] for e in short_form["edges"]] == [e["node"]["id"] for e in long_form["edges"]]
    assert short_form["appliedFilters"] == [{"field": "region", "given": "嘉兴", "value": "嘉兴市",
                                             "note": "嘉兴 read as 嘉兴市, and everything below it"}]

    by_title = people(api, first=100, filter={"honor": "全国劳动模范"})
    by_short = people(api, first=100, filter={"honor": "全国劳模"})
    assert by_short["totalCount"] == by_title["totalCount"] > 0
    assert by_short["appliedFilters"][0]["value"] == "全国劳动模范"

    by_word = people(api, first=100, filter={"honor": "全国"})
    by_level = people(api, first=100, filter={"honorLevel": "NATIONAL"})
    assert [e["node"]["id"] for e in by_word["edges"]] == [e["node"]["id"] for e in by_level["edges"]]
    assert by_word["appliedFilters"][0]["field"] == "honorLevel"


@pytest.mark.parametrize("field, given, expected", [
    ("region", "嘉心", "嘉兴市"),      # a homophone typo
    ("region", "jiaxing", "嘉兴市"),   # pinyin
    ("honor", "全国劳动模", "全国劳动模范"),
])
def test_a_value_nothing_knows_is_refused_with_suggestions(api, field: str, given: str, expected: str) -> None:
    body = api.graphql(PEOPLE, {"filter": {field: given}})
    assert body.get("data") is None, "never an empty list that looks like 'nobody'"
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_INPUT"
    assert error["extensions"]["field"] == field
    assert expected in error["extensions"]["suggestions"]
    assert given in error["message"] and expected in error["message"]


def _filter_fields(type_name: str) -> set[str]:
    from graphql import GraphQLInputObjectType

    from api.schema import schema

    t = schema._schema.type_map[type_name]
    assert isinstance(t, GraphQLInputObjectType)
    return set(t.fields)


def test_each_list_takes_its_own_filter_with_only_what_means_something_for_it() -> None:
    """A list's filter holds the fields of EntityFilter that graph/read.py gives a meaning for its
    label (graph/vocabulary.py, ENTITY_KINDS), and nothing else; no database needed."""
    from api.schema import schema
    from graph.vocabulary import ENTITY_KINDS
    from strawberry.utils.str_converters import to_camel_case

    query = schema._schema.query_type
    every = _filter_fields("EntityFilter")
    for kind in ENTITY_KINDS:
        arg = query.fields[kind.plural].args["filter"]
        assert str(arg.type) == f"{kind.label}Filter"
        fields = _filter_fields(f"{kind.label}Filter")
        assert fields == {to_camel_case(n) for n in kind.filters} and fields <= every, kind.label
        for name in fields:  # the same type, default and description as EntityFilter's
            mine = schema._schema.type_map[f"{kind.label}Filter"].fields[name]
            shared = schema._schema.type_map["EntityFilter"].fields[name]
            assert (str(mine.type), mine.default_value, mine.description) == \
                (str(shared.type), shared.default_value, shared.description)
    assert "hasOutcomes" in _filter_fields("ProjectFilter") and "sector" not in _filter_fields("ProjectFilter")
    assert "sector" in _filter_fields("PersonFilter") and "hasOutcomes" not in _filter_fields("PersonFilter")
    assert {"honor", "honorLevel", "yearFrom", "yearTo", "unit"} <= _filter_fields("UnitFilter")
    assert _filter_fields("HonorFilter") == {"name", "level"}  # an honor lies in no region
    assert "level" in _filter_fields("StudioFilter") and "honor" not in _filter_fields("StudioFilter")
    assert _filter_fields("VillageFilter") == _filter_fields("RegionFilter") == {"name", "region"}
    # the analytics over people keep the shared filter
    for field in ("honorStats", "honoreeRanking", "mentorshipLines"):
        assert str(query.fields[field].args["filter"].type) == "EntityFilter"


def test_a_lists_own_filter_works_over_http_and_a_meaningless_one_is_refused(api) -> None:
    projects = "query($f: ProjectFilter) { projects(first: 100, filter: $f) { totalCount nodes { name outcomes } } }"
    every = ok(api.graphql(projects, {"f": None}))["projects"]
    with_outcomes = ok(api.graphql(projects, {"f": {"hasOutcomes": True}}))["projects"]
    without = ok(api.graphql(projects, {"f": {"hasOutcomes": False}}))["projects"]
    assert with_outcomes["totalCount"] > 0 and all(n["outcomes"] for n in with_outcomes["nodes"])
    assert not any(n["outcomes"] for n in without["nodes"])
    assert with_outcomes["totalCount"] + without["totalCount"] == every["totalCount"]

    units = ("query($f: UnitFilter) { units(first: 100, filter: $f) { totalCount "
             "appliedFilters { field given value } nodes { id } } }")
    short = ok(api.graphql(units, {"f": {"region": "嘉兴"}}))["units"]
    assert short["totalCount"] > 0
    assert short["appliedFilters"] == [{"field": "region", "given": "嘉兴", "value": "嘉兴市"}]
    assert short["nodes"] == ok(api.graphql(units, {"f": {"region": "嘉兴市"}}))["units"]["nodes"]

    honors = "query($f: HonorFilter) { honors(first: 100, filter: $f) { totalCount nodes { level } } }"
    national = ok(api.graphql(honors, {"f": {"level": "NATIONAL"}}))["honors"]
    assert national["totalCount"] > 0 and {n["level"] for n in national["nodes"]} == {"NATIONAL"}

    # what the list used to ignore is refused, literal or variable, naming the field
    literal = api.graphql('{ projects(filter: {sector: "乡村振兴"}) { totalCount } }')
    assert literal.get("data") is None and literal["errors"][0]["extensions"]["code"] == "BAD_INPUT"
    assert "sector" in literal["errors"][0]["message"]
    variable = api.graphql(projects, {"f": {"sector": "乡村振兴"}})
    assert variable.get("data") is None and "sector" in variable["errors"][0]["message"]
    # and a variable still declared as the shared EntityFilter no longer fits a list
    old = api.graphql("query($f: EntityFilter) { people(filter: $f) { totalCount } }", {"f": {"region": "嘉兴"}})
    assert old.get("data") is None and old["errors"][0]["extensions"]["code"] == "BAD_INPUT"


# ---------------------------------------------------------------- mutations


def test_a_mutation_answers_with_the_changed_object_or_user_errors(api, seeded) -> None:
    token = create_token(seeded, "editor", "conventions")
    create = ('mutation($input: EntityInput!) { createEntity(input: $input) { '
              'entity { id name __typename } userErrors { field message code } } }')
    missing = ok(api.graphql(create, {"input": {"type": "VILLAGE"}}, token=token))["createEntity"]
    assert missing["entity"] is None
    assert missing["userErrors"] == [{"field": "input.name", "message": "name is required to create",
                                      "code": "BAD_INPUT"}]
    made = ok(api.graphql(create, {"input": {"type": "VILLAGE", "name": "约定村"}}, token=token))["createEntity"]
    assert made["userErrors"] == [] and made["entity"]["name"] == "约定村" and made["entity"]["__typename"] == "Village"
    fact = ('mutation($input: FactInput!) { createFact(input: $input) { fact { type direction node { id } } '
            'subject { id } userErrors { field message code } } }')
    bad = ok(api.graphql(fact, {"input": {"type": "SERVES", "subject": "person_nobody", "object": made["entity"]["id"]}},
                         token=token))["createFact"]
    assert bad["fact"] is None and bad["userErrors"][0]["code"] in ("BAD_INPUT", "NOT_FOUND")
    assert bad["userErrors"][0]["field"].startswith("input.")
    refused = api.graphql(create, {"input": {"type": "VILLAGE", "name": "匿名村"}})
    assert refused["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"  # the caller, not a field, is at fault


# ---------------------------------------------------------------- HTTP


def _post(api, body: object, **kwargs) -> httpx.Response:
    return httpx.post(f"{api.url}/graphql", json=body, timeout=30, **kwargs)


def test_apollo_automatic_persisted_queries_round_trip(api) -> None:
    text = 'query Apq { people(first: 1, filter: {region: "嘉兴市"}) { totalCount } } # %s' % id(api)
    digest = hashlib.sha256(text.encode()).hexdigest()
    ext = {"persistedQuery": {"version": 1, "sha256Hash": digest}}

    first = _post(api, {"extensions": ext, "variables": {}})  # Apollo sends the hash alone first
    assert first.status_code == 200
    assert first.json()["errors"] == [{"message": "PersistedQueryNotFound",
                                       "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}]
    second = _post(api, {"query": text, "extensions": ext, "variables": {}})  # then the text with it
    assert second.json()["data"]["people"]["totalCount"] > 0
    third = _post(api, {"extensions": ext, "variables": {}})  # from then on the hash alone
    assert third.json() == second.json()
    as_get = httpx.get(f"{api.url}/graphql", params={"extensions": json.dumps(ext)}, timeout=30)
    assert as_get.json() == second.json()

    mismatch = _post(api, {"query": text + " ", "extensions": ext})
    assert mismatch.json()["errors"][0]["extensions"]["code"] == "BAD_INPUT"


def test_a_malformed_body_is_a_graphql_error(api) -> None:
    response = httpx.post(f"{api.url}/graphql", content=b'{"query": "{ stats { people } }"',
                          headers={"content-type": "application/json"}, timeout=30)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == "BAD_INPUT" and "JSON" in body["errors"][0]["message"]


def test_responses_are_utf8_without_escapes(api) -> None:
    response = _post(api, {"query": '{ people(first: 3, filter: {name: "张继东"}) { nodes { name } } }'})
    assert "张继东".encode() in response.content
    assert b"\\u5f20" not in response.content
    assert response.json()["data"]["people"]["nodes"][0]["name"] == "张继东"
    error = _post(api, {"query": '{ people(filter: {region: "火星"}) { totalCount } }'})
    assert "火星".encode() in error.content and b"\\u" not in error.content


# ---------------------------------------------------------------- the command line


def test_the_schema_loads_without_numpy() -> None:
    """What `kg query` imports stays small: numpy (a third of its start-up) only for `kg analyze`."""
    import subprocess
    import sys

    from api.schema_leads import ANALYSIS_SAMPLES
    from graph.analyze import DEFAULT_SAMPLES

    assert ANALYSIS_SAMPLES == DEFAULT_SAMPLES
    probe = ("import sys, api.cli_api, api.schema, api.service, api.context; "
             "assert sys.modules.get('numpy') is None, 'numpy was imported'; "
             "from neo4j._optional_deps import np; assert np is None")
    done = subprocess.run([sys.executable, "-c", probe], cwd=CHECKOUT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
