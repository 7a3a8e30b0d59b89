"""GraphQL for admins: API tokens (list, issue, revoke). Merged into the root types by
api/schema.py like the records-staff part."""
from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Annotated, Any, Optional

import strawberry
from strawberry.types import Info

from api.context import Context
from api.described import graphql_input, graphql_type
from api.enums import TokenRole, TokenStatus
from api.payloads import INPUT, attempt, graphql_payload
from api.permissions import IsAdmin
from graph import tokens


AdminOnly = IsAdmin  # the name the other schema parts import


@graphql_type
class ApiToken:
    """An API token, without its secret.

    id: tok_…: name it to revoke the token (not the secret).
    role: What the holder may do.
    name: Who the token is for.
    status: Whether it is still accepted.
    created_at: When it was issued.
    expires_at: When it stops being accepted.
    last_used_at: refreshed at most once a minute
    revoked_at: When it was revoked, if it was.
    """
    id: strawberry.ID
    role: TokenRole
    name: str
    status: TokenStatus
    created_at: Optional[datetime]
    expires_at: datetime
    last_used_at: Optional[datetime]
    revoked_at: Optional[datetime]


@graphql_input
class CreateApiTokenInput:
    """A token to issue.

    role: What the holder may do.
    name: who the token is for
    expires: lifetime: 90d, 12w, 1y
    """
    role: TokenRole
    name: str
    expires: str = "1y"


@graphql_payload
class CreateApiTokenPayload:
    """A new token: `token` is shown this once and stored only as a hash.

    token: The secret, shown this once; null when refused.
    api_token: The token's record; null when refused.
    """
    token: Optional[str]
    api_token: Optional[ApiToken]


@graphql_input
class RevokeApiTokenInput:
    """The token to revoke.

    id: The token's id (tok_…).
    """
    id: strawberry.ID


@graphql_payload
class RevokeApiTokenPayload:
    """The token revoked, and the mistakes in the input.

    api_token: The token, now REVOKED; null when refused.
    """
    api_token: Optional[ApiToken]


def _api_token(row: dict[str, Any]) -> ApiToken:
    return ApiToken(id=strawberry.ID(row["id"]), role=TokenRole(row["role"]), name=row["name"] or "",
                    status=TokenStatus(row["status"]), created_at=row["created"], expires_at=row["expires"],
                    last_used_at=row["lastUsed"], revoked_at=row["revoked"])


async def _token_by_id(db: Any, ident: str) -> ApiToken:
    rows = await asyncio.to_thread(tokens.list_tokens, db)
    return _api_token(next(r for r in rows if r["id"] == ident))


@strawberry.type
class AdminQuery:
    @strawberry.field(description="Every API token, newest first (admin only).", permission_classes=[IsAdmin])
    async def api_tokens(self, info: Info[Context, None]) -> list[ApiToken]:
        return [_api_token(r) for r in await asyncio.to_thread(tokens.list_tokens, info.context.db)]


@strawberry.type
class AdminMutation:
    @strawberry.mutation(description="Issue a token (admin only).", permission_classes=[IsAdmin])
    async def create_api_token(self, info: Info[Context, None], input: Annotated[
            CreateApiTokenInput, strawberry.argument(description=INPUT)]) -> CreateApiTokenPayload:
        db = info.context.db

        def issue() -> str:
            return tokens.create_token(db, input.role.value, input.name, tokens.parse_lifetime(input.expires))

        token, errors = await attempt(issue, "expires")
        if token is None:
            return CreateApiTokenPayload(token=None, api_token=None, user_errors=errors)
        return CreateApiTokenPayload(token=token, api_token=await _token_by_id(db, tokens.token_id(token)),
                                     user_errors=[])

    @strawberry.mutation(description="Revoke a token at once (admin only).", permission_classes=[IsAdmin])
    async def revoke_api_token(self, info: Info[Context, None], input: Annotated[
            RevokeApiTokenInput, strawberry.argument(description=INPUT)]) -> RevokeApiTokenPayload:
        _, errors = await attempt(lambda: tokens.revoke_token(info.context.db, str(input.id)), "id")
        return RevokeApiTokenPayload(api_token=None if errors else await _token_by_id(info.context.db, str(input.id)),
                                     user_errors=errors)
