"""One thread per GraphQL request: the request's resolvers run on a worker thread's own
event loop and call graph/ directly, instead of hopping to a thread for every Cypher
statement; all its statements share one Neo4j session. The server's own event loop only
reads requests and writes responses."""
from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from graph.db import Database

T = TypeVar("T")
THREADS = 8
"""Requests executing at once per process; more wait their turn (the GIL runs one at a time
anyway, the others wait on Neo4j)."""


class RequestThreads:
    def __init__(self, db: Database, threads: int = THREADS) -> None:
        self.db = db
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="kg-request")
        self._local = threading.local()

    async def run(self, work: Coroutine[Any, Any, T]) -> T:
        """Runs the coroutine to completion on a worker thread; the caller's loop stays free."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, self._run, work)

    def _run(self, work: Coroutine[Any, Any, T]) -> T:
        loop = getattr(self._local, "loop", None)
        if loop is None:
            loop = self._local.loop = asyncio.new_event_loop()
        with self.db.one_session():
            return loop.run_until_complete(work)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
