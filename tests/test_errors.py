"""The error tree as a client sees it: the core's errors become codes; anything else is
INTERNAL with no detail, and its traceback goes to the log only."""
from __future__ import annotations

import logging

import pytest
from graphql import GraphQLError

from api.errors import classify
from graph import errors, read


@pytest.mark.parametrize(("raised", "code"), [
    (errors.InvalidRequest("invalid cursor"), "BAD_INPUT"),
    (errors.NotFound("no record with id person_x"), "NOT_FOUND"),
    (errors.Blocked("ann judged them different"), "BAD_INPUT"),
    (errors.ServerError("Neo4j did not start"), "UNAVAILABLE"),
    (ValueError("a bug, not the client's mistake"), "INTERNAL"),
    (KeyError("name"), "INTERNAL"),
])
def test_the_tree_maps_to_codes(raised: Exception, code: str) -> None:
    got, message = classify(GraphQLError("x", original_error=raised))
    assert got == code
    assert message == ("unexpected error" if code == "INTERNAL" else str(raised))


def test_an_internal_error_reaches_the_client_as_internal_with_no_detail(live_server, monkeypatch, caplog) -> None:
    def broken(*args, **kwargs):
        raise ValueError("secret detail: MATCH (n:Person) RETURN n")

    monkeypatch.setattr(read, "search", broken)
    caplog.set_level(logging.ERROR)
    body = live_server.graphql('{ search(q: "张继东") { nodes { node { id } } } }')
    error = body["errors"][0]
    assert error["extensions"] == {"code": "INTERNAL"}
    assert error["message"] == "unexpected error"
    assert "secret" not in str(body) and "MATCH" not in str(body)
    logged = [r for r in caplog.records if r.exc_info and "secret detail" in str(r.exc_info[1])]
    assert logged, "the traceback goes to the log"


def test_a_bad_argument_is_bad_input(live_server) -> None:
    body = live_server.graphql('{ people(after: "not-a-cursor") { edges { cursor } } }')
    assert body["errors"][0]["extensions"]["code"] == "BAD_INPUT"
    assert body["errors"][0]["message"] == "invalid cursor"
    body = live_server.graphql('{ duplicateCandidates(after: "nonsense") { totalCount } }')
    assert body["errors"][0]["extensions"]["code"] == "BAD_INPUT"
    assert "cursor" in body["errors"][0]["message"]
