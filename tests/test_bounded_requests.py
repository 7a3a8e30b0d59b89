"""Bounded work per request: over-long strings and bodies are refused before the database
sees them, and a transaction the server ends for its cost answers TOO_COMPLEX."""
from __future__ import annotations

import json

import httpx
import pytest
from graphql import GraphQLError

from api.errors import classify

SEARCH = "query($q: String!) { search(q: $q) { nodes { node { id name } } } }"


def _post(server, body: bytes, content_type: str = "application/json") -> httpx.Response:
    return httpx.post(f"{server.url}/graphql", content=body, headers={"content-type": content_type}, timeout=30)


def test_a_huge_search_is_refused_before_the_database(live_server) -> None:
    db = live_server.app.state.service.db
    counter = db.start_counting()
    try:
        body = live_server.graphql(SEARCH, {"q": "a" * 300_000})
    finally:
        db.stop_counting()
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_INPUT"
    assert "at most 80" in error["message"] and "search" in error["message"]
    assert counter.count == 0, counter.statements
    # the same term as a literal, and inside an input object: refused alike
    literal = live_server.graphql('{ search(q: "%s") { nodes { node { id } } } }' % ("b" * 5000))
    assert literal["errors"][0]["extensions"]["code"] == "BAD_INPUT"
    nested = live_server.graphql("query($f: PersonFilter) { people(filter: $f) { totalCount } }",
                                 {"f": {"region": "嘉" * 1000}})
    assert nested["errors"][0]["extensions"]["code"] == "BAD_INPUT"
    assert "PersonFilter.region" in nested["errors"][0]["message"]
    # and the database still answers at once
    assert "errors" not in live_server.graphql(SEARCH, {"q": "zjd"})


def test_a_megabyte_body_is_refused_with_a_graphql_error(live_server) -> None:
    body = json.dumps({"query": SEARCH, "variables": {"q": "张" * 400_000}}, ensure_ascii=False).encode()
    assert len(body) > 1 << 20
    response = _post(live_server, body)
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_INPUT"
    assert "KG_MAX_BODY_BYTES" in response.json()["errors"][0]["message"]

    def chunks():  # no Content-Length: cut off while it streams
        yield b'{"query": "{ stats { people } }", "pad": "'
        for _ in range(40):
            yield b"x" * 65536
        yield b'"}'

    streamed = httpx.post(f"{live_server.url}/graphql", content=chunks(),
                          headers={"content-type": "application/json"}, timeout=30)
    assert streamed.status_code == 413
    assert "errors" not in live_server.graphql("{ stats { people } }")


def test_a_timed_out_transaction_is_too_complex_not_unavailable(db) -> None:
    with pytest.raises(Exception) as ended:
        db.read("UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(*) AS c", timeout=0.5)
    code, message = classify(GraphQLError("x", original_error=ended.value))
    assert code == "TOO_COMPLEX", (ended.value, message)
    assert "Neo" not in message and "transaction" not in message.lower()
