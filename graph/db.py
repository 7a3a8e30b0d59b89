"""One driver per process, managed transactions per unit of work.

Every Cypher statement of the project runs through `Database.read` / `Database.write`
(or a `tx` handed to a function by `Database.write_tx`), so that the number of
queries a request runs can be counted and every transaction has a timeout.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any, TypeVar

import graph.driver  # noqa: F401  # first: the driver without numpy
from neo4j import Driver, GraphDatabase, ManagedTransaction, unit_of_work
from neo4j.exceptions import ServiceUnavailable, SessionExpired

from graph.config import Settings

T = TypeVar("T")

UNAVAILABLE_ERRORS = (ServiceUnavailable, SessionExpired, OSError)


class QueryCounter:
    """Counts the Cypher statements run while it is active (used by tests and the API);
    keeps each statement with its parameters, so a test can EXPLAIN what really ran."""

    def __init__(self) -> None:
        self.count = 0
        self.statements: list[str] = []
        self.params: list[dict[str, Any]] = []
        self.origins: list[str] = []  # the file of the code that ran each statement


def _origin() -> str:
    """The first file up the stack that is not this one (only while recording)."""
    import sys

    frame = sys._getframe(2)
    while frame is not None and frame.f_code.co_filename == __file__:
        frame = frame.f_back
    return frame.f_code.co_filename if frame is not None else "?"


class Database:
    recorder: QueryCounter | None = None
    """Process-wide, every instance: the test suite records what it runs, for the EXPLAIN test."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.driver: Driver = GraphDatabase.driver(
            settings.uri,
            auth=(settings.user, settings.password()),
            connection_timeout=3,
            connection_acquisition_timeout=5,
            max_transaction_retry_time=5,
            notifications_min_severity="OFF",
        )
        self.database = settings.database
        self._counter: QueryCounter | None = None
        self._counter_lock = threading.Lock()
        self._local = threading.local()  # the session of the unit of work this thread is in, if any

    def close(self) -> None:
        self.driver.close()

    # -- counting -------------------------------------------------------

    def start_counting(self) -> QueryCounter:
        """Counts every statement of this process from now on (resolvers run in worker
        threads, so the counter is process-wide, not per thread)."""
        self._counter = QueryCounter()
        return self._counter

    def stop_counting(self) -> None:
        self._counter = None

    def _note(self, cypher: str, params: dict[str, Any] | None = None) -> None:
        for counter in (self._counter, Database.recorder):
            if counter is not None:
                with self._counter_lock:
                    counter.count += 1
                    counter.statements.append(cypher)
                    counter.params.append(params or {})
                    if counter is Database.recorder:
                        counter.origins.append(_origin())

    # -- running --------------------------------------------------------

    def read(self, cypher: str, timeout: float | None = None, **params: Any) -> list[dict[str, Any]]:
        """Run one read statement in a managed (retried) read transaction."""
        return self.read_tx(lambda tx: tx.run(cypher, **params), timeout)

    def write(self, cypher: str, timeout: float | None = None, **params: Any) -> list[dict[str, Any]]:
        """Run one write statement in its own managed transaction."""
        return self.write_tx(lambda tx: tx.run(cypher, **params), timeout)

    def write_tx(self, work: Callable[["Tx"], T], timeout: float | None = None) -> T:
        """Run several statements in one transaction: all land or none do."""
        with self._session() as session:
            return session.execute_write(self._unit(work, timeout))

    def read_tx(self, work: Callable[["Tx"], T], timeout: float | None = None) -> T:
        """A read transaction (`execute_read`): retried, and routed to a reader of a cluster."""
        with self._session() as session:
            return session.execute_read(self._unit(work, timeout))

    @contextmanager
    def one_session(self) -> Iterator[None]:
        """Every statement this thread runs until the block ends shares one session (one
        GraphQL request: one session, one pooled connection, however many statements)."""
        if getattr(self._local, "session", None) is not None:
            yield
            return
        with self.driver.session(database=self.database) as session:
            self._local.session = session
            try:
                yield
            finally:
                self._local.session = None

    def _session(self) -> Any:
        shared = getattr(self._local, "session", None)
        return nullcontext(shared) if shared is not None else self.driver.session(database=self.database)

    def _unit(self, work: Callable[["Tx"], T], timeout: float | None) -> Callable[[ManagedTransaction], T]:
        """Wraps work so the server ends the transaction after the timeout."""

        @unit_of_work(timeout=timeout or self.settings.tx_timeout_s)
        def run(tx: ManagedTransaction) -> T:
            return work(Tx(self, tx))

        return run

    def schema_statement(self, cypher: str) -> None:
        """Schema commands (constraints, indexes) cannot share a transaction with data."""
        self._note(cypher)
        with self.driver.session(database=self.database) as session:
            session.run(cypher).consume()

    def ping(self) -> bool:
        try:
            self.driver.verify_connectivity()
            return True
        except Exception:
            return False


class Tx:
    """A transaction handed to a unit of work; counts its statements like `Database`."""

    def __init__(self, db: Database, tx: ManagedTransaction) -> None:
        self._db = db
        self._tx = tx

    def run(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        self._db._note(cypher, params)
        return [r.data() for r in self._tx.run(cypher, params)]
