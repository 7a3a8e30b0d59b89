"""GraphQL for admins: API tokens (list, issue, revoke). Merged into the root types by
api/schema.py like the records-staff part."""
from __future__ import annotations

import asyncio
from datetime import datetime
from enum import Enum
from typing import Annotated, Any, Optional

import strawberry

from strawberry.types import Info

from api.context import Context
from api.payloads import INPUT, USER_ERRORS, UserError, attempt
from api.permissions import IsAdmin
from graph import tokens


AdminOnly = IsAdmin  # the name the other schema parts import


@strawberry.enum(description="What a token's holder may do: read, edit (and see personal data), administer.")
class TokenRole(Enum):
    READER = strawberry.enum_value("reader", description="reads; no personal data")
    EDITOR = strawberry.enum_value("editor", description="edits, curates, merges; sees personal data")
    ADMIN = strawberry.enum_value("admin", description="an editor who also issues tokens and runs the analysis")


@strawberry.enum(description="Whether a token is still accepted.")
class TokenStatus(Enum):
    ACTIVE = strawberry.enum_value("active", description="accepted")
    EXPIRED = strawberry.enum_value("expired", description="past its expiry")
    REVOKED = strawberry.enum_value("revoked", description="ended by an admin")


@strawberry.type(description="An API token, without its secret.")
class ApiToken:
    id: strawberry.ID = strawberry.field(description="tok_…: name it to revoke the token (not the secret).")
    role: TokenRole = strawberry.field(description="What the holder may do.")
    name: str = strawberry.field(description="Who the token is for.")
    status: TokenStatus = strawberry.field(description="Whether it is still accepted.")
    created_at: Optional[datetime] = strawberry.field(description="When it was issued.")
    expires_at: datetime = strawberry.field(description="When it stops being accepted.")
    last_used_at: Optional[datetime] = strawberry.field(description="refreshed at most once a minute")
    revoked_at: Optional[datetime] = strawberry.field(description="When it was revoked, if it was.")


@strawberry.input(description="A token to issue.")
class CreateApiTokenInput:
    role: TokenRole = strawberry.field(description="What the holder may do.")
    name: str = strawberry.field(description="who the token is for")
    expires: str = strawberry.field(default="1y", description="lifetime: 90d, 12w, 1y")


@strawberry.type(description="A new token: `token` is shown this once and stored only as a hash.")
class CreateApiTokenPayload:
    token: Optional[str] = strawberry.field(description="The secret, shown this once; null when refused.")
    api_token: Optional[ApiToken] = strawberry.field(description="The token's record; null when refused.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.input(description="The token to revoke.")
class RevokeApiTokenInput:
    id: strawberry.ID = strawberry.field(description="The token's id (tok_…).")


@strawberry.type(description="The token revoked, and the mistakes in the input.")
class RevokeApiTokenPayload:
    api_token: Optional[ApiToken] = strawberry.field(description="The token, now REVOKED; null when refused.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


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
