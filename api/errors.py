"""Errors a client sees: a plain message and a stable `extensions.code`, never Cypher,
stack or driver text.

The core's tree (graph/errors.py) maps to codes here, and so do the API's own refusals
(no token, wrong role, too costly, database down). Anything else is a bug: the client
gets `INTERNAL` and "unexpected error", the log gets the traceback (KgSchema.process_errors).
A plain `ValueError` is therefore INTERNAL too: only `InvalidRequest` is the client's mistake.
"""
from __future__ import annotations

import graph.driver  # noqa: F401  # before neo4j: see graph/driver.py
from graphql import GraphQLError
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired
from strawberry.extensions import MaskErrors

from graph import errors as graph_errors
from graph.errors import Blocked, GraphError, InvalidRequest, ServerError

# The API raises the core's classes for what the client got wrong:
BadInput = InvalidRequest
NotFound = graph_errors.NotFound


class ApiError(Exception):
    """A refusal of the API itself; `code` is its extensions.code."""

    code = "INTERNAL"


class Unauthenticated(ApiError):
    code = "UNAUTHENTICATED"


class Forbidden(ApiError):
    code = "FORBIDDEN"


class TooComplex(ApiError):
    code = "TOO_COMPLEX"


class Unavailable(ApiError):
    code = "UNAVAILABLE"


CODES: tuple[tuple[type[Exception], str], ...] = (
    (graph_errors.NotFound, "NOT_FOUND"),
    (InvalidRequest, "BAD_INPUT"),
    (Blocked, "BAD_INPUT"),  # the request is refused as it stands: staff must change something first
    (ServerError, "UNAVAILABLE"),
)
"""The core's tree, branch by branch; the first that matches gives the code."""

# Neo4j's codes for a transaction it ended for its cost: the timeout (…TransactionTimedOut…)
# and the memory guards (…MemoryPoolOutOfMemoryError, …TransactionMemoryLimit…).
TOO_COMPLEX_CODES = ("TimedOut", "Timeout", "MemoryPoolOutOfMemory", "MemoryLimit")

LIMIT_MARKERS = ("exceeds maximum operation depth", "aliases found", "maximum number of tokens",
                 "token limit", "too complex", "Syntax Error: Token limit")


def code_of(exc: BaseException) -> str:
    """The code of an exception of the core's tree or the API's own; INTERNAL for anything else."""
    if isinstance(exc, ApiError):
        return exc.code
    if isinstance(exc, GraphError):
        return next((code for kind, code in CODES if isinstance(exc, kind)), "BAD_INPUT")
    return "INTERNAL"


def details(error: GraphQLError) -> dict[str, object]:
    """What an error adds to its code for a client that shows it: the input `field` at fault
    and the `suggestions` that would have been understood (a near-miss filter value)."""
    original = error.original_error
    out: dict[str, object] = {}
    if isinstance(original, GraphError):
        if original.field:
            out["field"] = original.field
        if original.suggestions:
            out["suggestions"] = list(original.suggestions)
    return out


def classify(error: GraphQLError) -> tuple[str, str]:
    """(code, message safe to show) for any error raised while answering."""
    original = error.original_error
    if isinstance(original, (ApiError, GraphError)):
        return code_of(original), str(original)
    if isinstance(original, (ServiceUnavailable, SessionExpired, OSError)):
        return "UNAVAILABLE", "the graph database is not reachable; try again shortly"
    if isinstance(original, Neo4jError) and any(m in (original.code or "") for m in TOO_COMPLEX_CODES):
        return "TOO_COMPLEX", "the question took too long or too much memory and was stopped; ask for less"
    if isinstance(original, (Neo4jError, DriverError)):
        return "UNAVAILABLE", "the graph database could not answer"
    if original is None:
        message = error.message
        if any(m.lower() in message.lower() for m in LIMIT_MARKERS):
            return "TOO_COMPLEX", message
        return "BAD_INPUT", message  # GraphQL syntax or validation: safe to show
    if isinstance(original, GraphQLError):  # variable coercion and the like: about the request itself
        if original.extensions and "code" in original.extensions:
            return str(original.extensions["code"]), original.message
        return classify(original) if original.original_error is not None else ("BAD_INPUT", original.message)
    return "INTERNAL", "unexpected error"


class ErrorCodes(MaskErrors):
    """Rewrites every error into its code and a safe message."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda _: True)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        code, message = classify(error)
        return GraphQLError(message=message, nodes=error.nodes, source=error.source,
                            positions=error.positions, path=error.path, original_error=None,
                            extensions={"code": code, **details(error)})
