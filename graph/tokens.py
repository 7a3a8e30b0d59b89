"""API tokens: issued once, stored only as a sha256 hash with their role, an expiry (one year
unless told otherwise) and the time they were last used; revoked or expired tokens are
refused at the next request, since every request looks its token up."""
from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta, timezone
from typing import Any

from graph.db import Database
from graph.errors import InvalidRequest

ROLES = ("reader", "editor", "admin")
DEFAULT_LIFETIME = timedelta(days=365)
LAST_USED_EVERY = timedelta(minutes=1)
"""How stale `lastUsedAt` may get: refreshing it on every request would make each read a write."""

_LIFETIME = re.compile(r"(\d+)([dwy])")
_UNITS = {"d": 1, "w": 7, "y": 365}


class TokenError(InvalidRequest):
    """A token request that cannot be carried out (unknown role, bad lifetime, unknown id)."""


def parse_lifetime(text: str) -> timedelta:
    """'90d', '12w', '1y' → a timedelta."""
    match = _LIFETIME.fullmatch(text.strip().lower())
    if not match or int(match.group(1)) == 0:
        raise TokenError(f"lifetime {text!r}: write a number of days, weeks or years, e.g. 90d, 12w, 1y")
    return timedelta(days=int(match.group(1)) * _UNITS[match.group(2)])


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(db: Database, role: str, name: str | None = None,
                 lifetime: timedelta = DEFAULT_LIFETIME) -> str:
    """A new token (shown once); its public id is `token_id(token)`."""
    if role not in ROLES:
        raise TokenError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    token = "kg_" + secrets.token_urlsafe(24)
    expires = datetime.now(timezone.utc) + lifetime
    db.write("CREATE (:ApiToken {id: $id, hash: $hash, role: $role, name: $name, createdAt: datetime(), "
             "expiresAt: $expires})",
             id=token_id(token), hash=_hash(token), role=role, name=name or role, expires=expires, lock=False)
    return token


def token_id(token: str) -> str:
    """The public id of a token: enough of its hash to name it in a list, not to use it."""
    return "tok_" + _hash(token)[:12]


def role_of(db: Database, token: str) -> tuple[str, str] | None:
    """(role, name) of a valid token, or None if unknown, revoked or expired."""
    rows = db.read(
        "MATCH (t:ApiToken {hash: $hash}) WHERE t.revokedAt IS NULL "
        "AND coalesce(t.expiresAt, t.createdAt + duration('P365D')) > datetime() "
        "RETURN t.role AS role, t.name AS name, t.lastUsedAt AS lastUsed", hash=_hash(token))
    if not rows:
        return None
    last = rows[0]["lastUsed"]
    if last is None or datetime.now(timezone.utc) - last.to_native() > LAST_USED_EVERY:
        # bookkeeping of a reader's request: never waits for a load holding the write lock
        db.write("MATCH (t:ApiToken {hash: $hash}) SET t.lastUsedAt = datetime()", hash=_hash(token), lock=False)
    return rows[0]["role"], rows[0]["name"]


def list_tokens(db: Database) -> list[dict[str, Any]]:
    """Every token, newest first, without its secret."""
    rows = db.read(
        "MATCH (t:ApiToken) RETURN coalesce(t.id, 'tok_' + substring(t.hash, 0, 12)) AS id, t.role AS role, "
        "t.name AS name, t.createdAt AS created, "
        "coalesce(t.expiresAt, t.createdAt + duration('P365D')) AS expires, t.lastUsedAt AS lastUsed, "
        "t.revokedAt AS revoked ORDER BY t.createdAt DESC")
    for row in rows:
        for key in ("created", "expires", "lastUsed", "revoked"):
            row[key] = row[key].to_native() if row[key] is not None else None
        row["status"] = ("revoked" if row["revoked"] else
                         "expired" if row["expires"] <= datetime.now(timezone.utc) else "active")
    return rows


def revoke_token(db: Database, ident: str) -> None:
    """Revokes the token of that public id; refused from the next request on."""
    rows = db.write(
        "MATCH (t:ApiToken) WHERE coalesce(t.id, 'tok_' + substring(t.hash, 0, 12)) = $id "
        "SET t.revokedAt = coalesce(t.revokedAt, datetime()) RETURN count(t) AS n", id=ident, lock=False)
    if not rows or rows[0]["n"] == 0:
        raise TokenError(f"no token {ident!r}; `kg token list` shows them")
