"""Per-request context: the service, the caller's role and name, per-request loaders."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph.db import Database

if TYPE_CHECKING:
    from api.loaders import Loaders
    from api.service import Service

EDITORS = ("editor", "admin")


@dataclass
class Context:
    service: "Service"
    role: str | None = None  # None: anonymous reader
    user: str | None = None
    token_error: str | None = None
    unavailable: bool = False  # the token could not be checked: Neo4j is down
    _loaders: "Loaders | None" = field(default=None, repr=False)

    @property
    def db(self) -> Database:
        return self.service.db

    @property
    def loaders(self) -> "Loaders":
        """The request's DataLoaders, typed (api/loaders.py), made on first use."""
        if self._loaders is None:
            from api.loaders import Loaders

            self._loaders = Loaders(self.db)
        return self._loaders

    def forget(self) -> None:
        """Drops what the loaders hold: after a write, the request reads the graph anew."""
        self._loaders = None

    @property
    def is_editor(self) -> bool:
        return self.role in EDITORS


def require_role(context: Context, *roles: str) -> str:
    """The caller's name for the audit log; refuses anonymous callers (UNAUTHENTICATED) and
    callers of another role (FORBIDDEN). The one role check of the API."""
    from api.errors import Forbidden, Unauthenticated, Unavailable

    if context.unavailable:
        raise Unavailable("the graph database is not reachable; try again shortly")
    if context.token_error:
        raise Unauthenticated(context.token_error)
    if context.role is None:
        raise Unauthenticated(f"this needs a bearer token (kg token create --role {roles[0]})")
    if context.role not in roles:
        raise Forbidden(f"this needs the role {' or '.join(roles)}")
    return context.user or context.role


def build_context(service: "Service", authorization: str | None) -> Context:
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
        return Context(service=service, token_error="unknown, revoked or expired token")
    return Context(service=service, role=found[0], user=found[1])
