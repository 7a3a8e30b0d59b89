"""Strawberry's ASGI GraphQL app with the project's context, token rules and persisted queries."""
from __future__ import annotations

import asyncio
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from cross_web import HTTPException
from strawberry.http import GraphQLRequestData

from api import persisted
from api.availability import is_marked_down
from api.context import Context, build_context
from api.request_thread import RequestThreads
from api.schema import schema
from api.service import Service


class PersistedQueryNotFound(HTTPException):
    """Apollo's automatic persisted queries: a hash this server does not know yet. Answered as a
    GraphQL error with that message and code (HTTP 200), so an Apollo client sends the full text
    with the hash next time and the server registers it."""

    def __init__(self) -> None:
        super().__init__(200, "PERSISTED_QUERY_NOT_FOUND: PersistedQueryNotFound")


def resolve_document(data: GraphQLRequestData, persisted_only: bool) -> GraphQLRequestData:
    """Fills in a persisted query from its sha256 (`documentId`, or Apollo's
    `extensions.persistedQuery.sha256Hash`): a document of queries/, or one an Apollo client
    registered by sending its text with the hash (refused when only queries/ may run)."""
    ext = data.extensions or {}
    apq = ext.get("persistedQuery") if isinstance(ext.get("persistedQuery"), dict) else {}
    digest = ext.get("documentId") or apq.get("sha256Hash")
    documents = persisted.documents()
    if digest:
        digest = str(digest)
        if data.query:  # Apollo's second request: the text with its hash, to register
            if persisted.sha256(data.query) != digest:
                raise HTTPException(400, "BAD_INPUT: provided sha does not match query")
            if digest not in documents:
                if persisted_only:
                    raise HTTPException(403, "FORBIDDEN: this API answers only the persisted documents of queries/")
                persisted.register(digest, data.query)
            return data
        text = documents.get(digest) or persisted.registered(digest)
        if text is None:
            if apq:
                raise PersistedQueryNotFound()
            raise HTTPException(404, "NOT_FOUND: no document in queries/ has that sha256")
        data.query = text
    elif persisted_only and data.query is not None and persisted.sha256(data.query) not in documents:
        raise HTTPException(403, "FORBIDDEN: this API answers only the persisted documents of queries/")
    return data


STATUS_CODES = {400: "BAD_INPUT", 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND", 405: "BAD_INPUT"}


def http_error(exc: HTTPException) -> JSONResponse:
    """A refusal before any GraphQL runs, in the same shape as GraphQL errors:
    `{"errors": [{"message", "extensions": {"code"}}]}`."""
    code, sep, message = str(exc.reason).partition(": ")
    if not (sep and code.isupper() and code.replace("_", "").isalpha()):
        code, message = STATUS_CODES.get(exc.status_code, "BAD_INPUT"), str(exc.reason)
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]},
                        status_code=exc.status_code)


async def context_for(service: Service, authorization: str | None) -> Context:
    """The caller's context from the Authorization header, with the API's access rules:
    a bad token is refused even for reading, and reading needs a token when
    KG_REQUIRE_READ_TOKEN is set. Shared by GraphQL and the other routes (/export)."""
    if authorization and is_marked_down(service) and not await asyncio.to_thread(service.db.ping):
        context = Context(service=service, token_error="the graph database is not reachable",
                          unavailable=True)
    else:  # the token lookup is a (blocking) Cypher read: off the event loop
        context = await asyncio.to_thread(build_context, service, authorization)
    if context.token_error and not context.unavailable:  # a bad token is refused even for reading
        raise HTTPException(401, f"UNAUTHENTICATED: {context.token_error}")
    if service.settings.require_read_token and context.role is None:
        if context.unavailable:
            raise HTTPException(503, "UNAVAILABLE: the graph database is not reachable; try again shortly")
        raise HTTPException(401, "UNAUTHENTICATED: this API needs a bearer token")
    return context


class KgGraphQL(GraphQL[Context, None]):
    def __init__(self, service: Service) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True,
                         multipart_uploads_enabled=True)
        self.service = service
        self.threads = RequestThreads(service.db)

    def encode_json(self, data: object) -> bytes:
        """UTF-8 as it is (张继东, not \\u5f20…): readable in a terminal, a third of the bytes."""
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    async def execute_single(self, *args: Any, **kwargs: Any) -> Any:
        """Executes the operation whole on a request thread (resolvers call graph/ directly)."""
        return await self.threads.run(super().execute_single(*args, **kwargs))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope=scope, receive=receive))
        except HTTPException as exc:
            response = http_error(exc)
        await response(scope, receive, send)

    async def render_graphql_ide(self, request: Any) -> Response:
        """GraphiQL built from npm at install time (web/), served by this app: no CDN."""
        from api.web import graphiql_page

        return graphiql_page()

    def should_render_graphql_ide(self, request: Any) -> bool:
        """GraphiQL for a browser's plain GET, not for a GET of a persisted document."""
        params = request.query_params
        return super().should_render_graphql_ide(request) and not (
            params.get("documentId") or params.get("extensions"))

    async def parse_http_body(self, request: Any) -> Any:
        data = await super().parse_http_body(request)
        if isinstance(data, GraphQLRequestData):
            if data.extensions is None and request.method == "GET":
                doc_id = request.query_params.get("documentId")
                data.extensions = {"documentId": doc_id} if doc_id else None
            return resolve_document(data, self.service.settings.persisted_only)
        return data

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        return await context_for(self.service, request.headers.get("authorization"))

    async def get_root_value(self, request: Any) -> None:
        return None
