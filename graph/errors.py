"""The one tree of errors the core raises on purpose.

Every message is one line a person can act on, safe to show: it never quotes Cypher, a
driver's text or personal data. Anything else that escapes the core (a `ValueError`
from a bug, a driver failure) is not a `GraphError`, and interfaces treat it as internal.

    GraphError
    ├── InvalidRequest   what was asked cannot be done as asked (a bad cursor, an unknown
    │                    verdict, a roster with bad rows); fix the request and ask again
    ├── NotFound         no record, merge or fact with that id
    ├── Blocked          the graph's state forbids it now (staff judged two records
    │                    different, a later merge must be undone first)
    └── ServerError      the project's own Neo4j could not be fetched, started or stopped

Modules refine a branch where callers need more than the message (`MergeBlocked` carries
the judgements that block, `RosterRefused` every problem of the file). api/errors.py maps
the tree to GraphQL codes; api/cli_common.py words it for the terminal.
"""
from __future__ import annotations


class GraphError(Exception):
    """The root: an error the core raises on purpose, with a message safe to show. `field`
    names the part of the request at fault where one is (an interface points at it), and
    `suggestions` are values that would have been understood (a filter's nearest known places)."""

    def __init__(self, message: str = "", *, field: str | None = None, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.suggestions = list(suggestions or [])


class InvalidRequest(GraphError, ValueError):
    """The request cannot be done as asked. Also a `ValueError`, so code that validated
    input with `except ValueError` keeps working; a plain `ValueError` is not one."""


class NotFound(GraphError):
    """No record (or merge, or fact) with that id."""


class Blocked(GraphError):
    """Refused because of the graph's state, not the request's form."""


class ServerError(GraphError):
    """A failure of the managed Neo4j, worded for the person at the terminal (the message
    may be followed by the server log's last lines)."""
