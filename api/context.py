"""Per-request context: the service, the caller's role and name, per-request loaders."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from api.service import Service
from graph.db import Database

EDITORS = ("editor", "admin")


@dataclass
class Context:
    service: Service
    role: str | None = None  # None: anonymous reader
    user: str | None = None
    token_error: str | None = None
    unavailable: bool = False  # the token could not be checked: Neo4j is down
    loaders: dict[str, Any] = field(default_factory=dict)

    @property
    def db(self) -> Database:
        return self.service.db

    @property
    def is_editor(self) -> bool:
        return self.role in EDITORS


def build_context(service: Service, authorization: str | None) -> Context:
    """Reads `Authorization: Bearer <token>`; an unknown token is remembered as an error."""
    from graph.tokens import role_of

    if not authorization:
        return Context(service=service)
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return Context(service=service, token_error="Authorization must be 'Bearer <token>'")
    try:
        found = role_of(service.db, token.strip())
    except Exception:
        return Context(service=service, token_error="the graph database is not reachable", unavailable=True)
    if found is None:
        return Context(service=service, token_error="unknown token")
    return Context(service=service, role=found[0], user=found[1])
