"""Answer UNAVAILABLE quickly while Neo4j is down, and recover by itself.

The driver retries a failing transaction for a few seconds, so the first request that
meets a stopped Neo4j takes that long. From then on the breaker is open: each request
first pings Neo4j (a refused connection answers in milliseconds) and is refused at once
with UNAVAILABLE while the ping fails; the first successful ping closes the breaker, with
no restart of the service.
"""
from __future__ import annotations

import asyncio
import threading
import time
import weakref
from typing import Any, Iterator

from strawberry.extensions import SchemaExtension

_down_since: "weakref.WeakKeyDictionary[Any, float]" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def mark_down(service: Any) -> None:
    with _lock:
        _down_since.setdefault(service, time.monotonic())


def mark_up(service: Any) -> None:
    with _lock:
        _down_since.pop(service, None)


def is_marked_down(service: Any) -> bool:
    return service in _down_since


class Availability(SchemaExtension):
    """Refuses the whole operation with UNAVAILABLE while Neo4j stays down."""

    async def on_execute(self) -> Any:  # type: ignore[override]
        from graphql import ExecutionResult, GraphQLError

        from api.errors import Unavailable

        context = self.execution_context.context
        service = getattr(context, "service", None)
        if service is not None and is_marked_down(service):
            if await asyncio.to_thread(service.db.ping):
                mark_up(service)
            else:  # a result set here means the operation is not executed at all
                error = Unavailable("the graph database is not reachable; try again shortly")
                self.execution_context.result = ExecutionResult(
                    data=None, errors=[GraphQLError(str(error), original_error=error)])
        yield


def note_errors(service: Any, codes: Iterator[str]) -> None:
    """Called with the codes of a finished request's errors."""
    if service is not None and "UNAVAILABLE" in set(codes):
        mark_down(service)
