"""API tokens: issued once, stored only as a sha256 hash with their role."""
from __future__ import annotations

import hashlib
import secrets

from graph.db import Database
from graph.errors import InvalidRequest

ROLES = ("reader", "editor", "admin")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(db: Database, role: str, name: str | None = None) -> str:
    if role not in ROLES:
        raise InvalidRequest(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    token = "kg_" + secrets.token_urlsafe(24)
    db.write("CREATE (:ApiToken {hash: $hash, role: $role, name: $name, createdAt: datetime()})",
             hash=_hash(token), role=role, name=name or role)
    return token


def role_of(db: Database, token: str) -> tuple[str, str] | None:
    """(role, name) of a token, or None if unknown."""
    rows = db.read("MATCH (t:ApiToken {hash: $hash}) RETURN t.role AS role, t.name AS name", hash=_hash(token))
    return (rows[0]["role"], rows[0]["name"]) if rows else None
