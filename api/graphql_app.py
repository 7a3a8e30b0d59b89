"""Strawberry's ASGI GraphQL app with the project's context, token rules and persisted queries."""
from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from cross_web import HTTPException
from strawberry.http import GraphQLRequestData

from api import persisted
from api.context import Context, build_context
from api.schema import schema
from api.service import Service


def resolve_document(data: GraphQLRequestData, persisted_only: bool) -> GraphQLRequestData:
    """Fills in a persisted query from its sha256 (`documentId`, or Apollo's
    `extensions.persistedQuery.sha256Hash`); refuses other documents when restricted."""
    ext = data.extensions or {}
    digest = ext.get("documentId") or (ext.get("persistedQuery") or {}).get("sha256Hash")
    documents = persisted.documents()
    if digest:
        text = documents.get(str(digest))
        if text is None:
            raise HTTPException(400, "PERSISTED_QUERY_NOT_FOUND: no document in queries/ has that sha256")
        data.query = text
    elif persisted_only and data.query is not None and persisted.sha256(data.query) not in documents:
        raise HTTPException(403, "FORBIDDEN: this API answers only the persisted documents of queries/")
    return data


class KgGraphQL(GraphQL[Context, None]):
    def __init__(self, service: Service) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True,
                         multipart_uploads_enabled=True)
        self.service = service

    async def parse_http_body(self, request: Any) -> Any:
        data = await super().parse_http_body(request)
        if isinstance(data, GraphQLRequestData):
            if data.extensions is None and request.method == "GET":
                doc_id = request.query_params.get("documentId")
                data.extensions = {"documentId": doc_id} if doc_id else None
            return resolve_document(data, self.service.settings.persisted_only)
        return data

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        context = build_context(self.service, request.headers.get("authorization"))
        if self.service.settings.require_read_token and context.role is None:
            raise HTTPException(401, "UNAUTHENTICATED: this API needs a bearer token")
        return context

    async def get_root_value(self, request: Any) -> None:
        return None
