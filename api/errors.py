"""Errors a client sees: a plain message and a stable `extensions.code`, never Cypher,
stack or driver text."""
from __future__ import annotations

from graphql import GraphQLError
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired
from strawberry.extensions import MaskErrors

from graph.edit import EditError


class ApiError(Exception):
    code = "INTERNAL"


class BadInput(ApiError):
    code = "BAD_INPUT"


class NotFound(ApiError):
    code = "NOT_FOUND"


class Unauthenticated(ApiError):
    code = "UNAUTHENTICATED"


class Forbidden(ApiError):
    code = "FORBIDDEN"


class TooComplex(ApiError):
    code = "TOO_COMPLEX"


class Unavailable(ApiError):
    code = "UNAVAILABLE"


# Neo4j's codes for a transaction it ended for its cost: the timeout (…TransactionTimedOut…)
# and the memory guards (…MemoryPoolOutOfMemoryError, …TransactionMemoryLimit…).
TOO_COMPLEX_CODES = ("TimedOut", "Timeout", "MemoryPoolOutOfMemory", "MemoryLimit")

LIMIT_MARKERS = ("exceeds maximum operation depth", "aliases found", "maximum number of tokens",
                 "token limit", "too complex", "Syntax Error: Token limit")


def classify(error: GraphQLError) -> tuple[str, str]:
    """(code, message safe to show) for any error raised while answering."""
    original = error.original_error
    if isinstance(original, ApiError):
        return original.code, str(original)
    if isinstance(original, (EditError, ValueError)) and not isinstance(original, Neo4jError):
        return "BAD_INPUT", str(original)
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
                            extensions={"code": code})
