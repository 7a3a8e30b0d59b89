"""Strawberry's ASGI GraphQL app, given the per-request context (database, role, loaders)."""
from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from api.context import Context, build_context
from api.schema import schema
from api.service import Service


class KgGraphQL(GraphQL[Context, None]):
    def __init__(self, service: Service) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True)
        self.service = service

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        return build_context(self.service, request.headers.get("authorization"))

    async def get_root_value(self, request: Any) -> None:
        return None
