"""The pages and files the app serves besides GraphQL: the explorer at /, its assets at
/assets/ (built from web/ at install time into web/dist/, never fetched from elsewhere at
page load), GraphiQL's page for /graphql, and /export/{format} for Gephi and NetworkX.

/export follows the GraphQL access rules (api/graphql_app.context_for): a bad token is
refused, reading needs a token under KG_REQUIRE_READ_TOKEN, and personal data is exported
to editors and admins only."""
from __future__ import annotations

import asyncio
import os
from pathlib import Path

from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from api.service import Service
from graph.config import CHECKOUT

DIST = Path(os.environ.get("KG_WEB_DIST") or CHECKOUT / "web" / "dist")

# Every script, style, font and picture comes from this app: the browser refuses anything else.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
       "object-src 'none'; base-uri 'self'; frame-ancestors 'self'")
PAGE_HEADERS = {"Content-Security-Policy": CSP, "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}

NOT_BUILT = """<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>页面尚未构建</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>页面尚未构建 · The web pages are not built</h1>
<p>{page} is built from <code>web/</code> at install time. Run <code>make run</code> (or <code>make web</code>)
in the checkout; it needs Node.js and npm.</p></body></html>"""


def page(name: str, what: str) -> Response:
    path = DIST / name
    if not path.exists():
        return HTMLResponse(NOT_BUILT.format(page=what), status_code=503, headers=PAGE_HEADERS)
    return FileResponse(path, media_type="text/html; charset=utf-8", headers=PAGE_HEADERS)


async def explorer(request: Request) -> Response:
    return page("index.html", "The explorer")


def graphiql_page() -> Response:
    return page("graphiql.html", "GraphiQL")


class Assets(StaticFiles):
    """web/dist/ with the pages' headers; absent until built (then every file is a 404)."""

    async def get_response(self, path: str, scope) -> Response:  # type: ignore[override]
        response = await super().get_response(path, scope)
        response.headers.update({"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"})
        return response


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status_code=status)


def export_route(service: Service):
    from api.graphql_app import context_for, http_error

    async def export(request: Request) -> Response:
        from graph import export as ex
        from graph.errors import GraphError
        from api.errors import code_of

        fmt = request.path_params["format"].lower()
        q = request.query_params
        if fmt not in ex.FORMATS:
            return _error(404, "NOT_FOUND", f"no export format {fmt!r}; one of {', '.join(ex.FORMATS)}")
        try:
            context = await context_for(service, request.headers.get("authorization"))
        except HTTPException as exc:
            return http_error(exc)
        around = q.get("around") or None
        if around is None and q.get("all") not in ("1", "true", "yes"):
            return _error(400, "BAD_INPUT", "say what to export: ?all=1, or ?around=ID&depth=N")
        try:
            depth = int(q.get("depth") or 1)
        except ValueError:
            return _error(400, "BAD_INPUT", "depth is a number")
        split = lambda name: tuple(t for v in q.getlist(name) for t in v.split(",") if t)  # noqa: E731
        req = ex.ExportRequest(around=around, depth=depth, types=split("types"),
                               except_types=split("exceptTypes"), personal=context.is_editor)
        try:
            data, result = await asyncio.to_thread(ex.export_bytes, service.db, req, fmt)
        except GraphError as exc:
            return _error(404 if code_of(exc) == "NOT_FOUND" else 400, code_of(exc), str(exc))
        except Exception:  # noqa: BLE001 - never a driver's text to a client
            return _error(503, "UNAVAILABLE", "the graph database could not answer; try again shortly")
        return Response(data, media_type=ex.MEDIA_TYPES[fmt], headers={
            "Content-Disposition": f'attachment; filename="{ex.filename(req, fmt)}"',
            "X-Kg-Nodes": str(result.nodes), "X-Kg-Edges": str(result.edges),
            "X-Kg-Personal": "1" if req.personal else "0", "Cache-Control": "no-store"})

    return export


def routes(service: Service) -> list:
    return [
        Route("/", explorer),
        Route("/export/{format}", export_route(service), methods=["GET"]),
        Mount("/assets", app=Assets(directory=DIST, check_dir=False), name="assets"),
    ]
