"""GraphQL for admins: API tokens (list, issue, revoke). Merged into the root types by
api/schema.py like the records-staff part."""
from __future__ import annotations

import asyncio
from datetime import datetime
from enum import Enum
from typing import Any, Optional

import strawberry
from strawberry.permission import BasePermission
from strawberry.types import Info

from api.context import Context, require_role
from api.errors import BadInput
from graph import tokens


class AdminOnly(BasePermission):
    """Refuses anyone but an admin, with UNAUTHENTICATED or FORBIDDEN (raised by require_role)."""

    def has_permission(self, source: Any, info: Info[Context, None], **kwargs: Any) -> bool:
        require_role(info.context, "admin")
        return True


@strawberry.enum(description="What a token's holder may do: read, edit (and see personal data), administer.")
class TokenRole(Enum):
    READER = "reader"
    EDITOR = "editor"
    ADMIN = "admin"


@strawberry.enum(description="Whether a token is still accepted.")
class TokenStatus(Enum):
    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"


@strawberry.type(description="An API token, without its secret.")
class ApiToken:
    id: strawberry.ID
    role: TokenRole
    name: str
    status: TokenStatus
    created_at: Optional[datetime]
    expires_at: datetime
    last_used_at: Optional[datetime] = strawberry.field(description="refreshed at most once a minute")
    revoked_at: Optional[datetime]


@strawberry.input(description="A token to issue.")
class CreateApiTokenInput:
    role: TokenRole
    name: str = strawberry.field(description="who the token is for")
    expires: str = strawberry.field(default="1y", description="lifetime: 90d, 12w, 1y")


@strawberry.type(description="A new token: `token` is shown this once and stored only as a hash.")
class CreateApiTokenPayload:
    token: str
    api_token: ApiToken


def _api_token(row: dict[str, Any]) -> ApiToken:
    return ApiToken(id=strawberry.ID(row["id"]), role=TokenRole(row["role"]), name=row["name"] or "",
                    status=TokenStatus(row["status"]), created_at=row["created"], expires_at=row["expires"],
                    last_used_at=row["lastUsed"], revoked_at=row["revoked"])


async def _token_by_id(db: Any, ident: str) -> ApiToken:
    rows = await asyncio.to_thread(tokens.list_tokens, db)
    return _api_token(next(r for r in rows if r["id"] == ident))


@strawberry.type
class AdminQuery:
    @strawberry.field(description="Every API token, newest first (admin only).", permission_classes=[AdminOnly])
    async def api_tokens(self, info: Info[Context, None]) -> list[ApiToken]:
        return [_api_token(r) for r in await asyncio.to_thread(tokens.list_tokens, info.context.db)]


@strawberry.type
class AdminMutation:
    @strawberry.mutation(description="Issue a token (admin only).", permission_classes=[AdminOnly])
    async def create_api_token(self, info: Info[Context, None], input: CreateApiTokenInput) -> CreateApiTokenPayload:
        try:
            lifetime = tokens.parse_lifetime(input.expires)
        except tokens.TokenError as exc:
            raise BadInput(str(exc)) from exc
        token = await asyncio.to_thread(tokens.create_token, info.context.db, input.role.value, input.name, lifetime)
        return CreateApiTokenPayload(token=token, api_token=await _token_by_id(info.context.db, tokens.token_id(token)))

    @strawberry.mutation(description="Revoke a token at once (admin only).", permission_classes=[AdminOnly])
    async def revoke_api_token(self, info: Info[Context, None], id: strawberry.ID) -> ApiToken:
        try:
            await asyncio.to_thread(tokens.revoke_token, info.context.db, str(id))
        except tokens.TokenError as exc:
            raise BadInput(str(exc)) from exc
        return await _token_by_id(info.context.db, str(id))
