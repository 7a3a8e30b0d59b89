"""Request bodies are bounded before anything parses them: 1 MB for GraphQL JSON, 50 MB for
an upload (multipart), both settable. A declared Content-Length over the limit is refused at
once; a body that streams past it is cut off while it arrives. The refusal has the shape of a
GraphQL error, with `extensions.code` BAD_INPUT and HTTP status 413."""
from __future__ import annotations

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    def __init__(self, app: ASGIApp, max_body_bytes: int, max_upload_bytes: int) -> None:
        self.app = app
        self.max_body = max_body_bytes
        self.max_upload = max_upload_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        upload = headers.get(b"content-type", b"").startswith(b"multipart/")
        limit = self.max_upload if upload else self.max_body
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await _refuse(limit, upload)(scope, receive, send)
            return
        seen = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except BodyTooLarge:
            if not started:
                await _refuse(limit, upload)(scope, receive, send)


def _refuse(limit: int, upload: bool) -> JSONResponse:
    what = "an upload" if upload else "a request body"
    setting = "KG_MAX_UPLOAD_BYTES" if upload else "KG_MAX_BODY_BYTES"
    message = f"{what} may be at most {limit:,} bytes (setting {setting})"
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": "BAD_INPUT"}}]}, status_code=413)
