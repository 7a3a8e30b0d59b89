"""One driver per process: a read statement auto-committed in READ mode, managed
transactions for a unit of work of several statements.

Every Cypher statement of the project runs through `Database.read` / `Database.write`
(or a `tx` handed to a function by `Database.write_tx`), so that the number of
queries a request runs can be counted and every transaction has a timeout.

Writers take turns (issue 13): every write transaction first takes the write lock of the
graph, one `(:WriteLock {id: 'graph'})` node, and counts its `version` up by one. Two
loads, a load and a merge, an edit and a vocabulary decision therefore never interleave:
the second waits until the first has committed. A writer that resolves what it writes
without the lock (a load reads the graph to match names in a thread, beside its write,
through other sessions) compares the version it read first with the one it finds under
the lock (`Tx.previous_version`): another writer landed in between, so it resolves again
under the lock (graph/ingest.py). Writes that touch nothing a writer resolves against
(token bookkeeping, schema records, analysis results) pass `lock=False`.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any, TypeVar

import graph.driver  # noqa: F401  # first: the driver without numpy
from neo4j import READ_ACCESS, Driver, GraphDatabase, ManagedTransaction, Query, unit_of_work
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired
from neo4j.graph import Node, Path, Relationship

from graph.config import Settings

T = TypeVar("T")

UNAVAILABLE_ERRORS = (ServiceUnavailable, SessionExpired, OSError)
RETRY_S = 5.0
"""How long a read or write is retried after a transient failure (a cluster's leader change)."""

WRITE_LOCK = ("MERGE (l:WriteLock {id: 'graph'}) ON CREATE SET l.version = 0, l.epoch = randomUUID() "
              "SET l.version = l.version + 1 RETURN l.version AS version")
"""Taken first in every write transaction: the node's write lock lasts until commit.
Migration 11's unique constraint makes the MERGE safe when two writers create it at once.
`epoch` tells a wiped and refilled graph from the one before it at the same version."""

GRAPH_VERSION = "MATCH (l:WriteLock {id: 'graph'}) RETURN l.version AS version"


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
            max_transaction_retry_time=RETRY_S,
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
        """Run one read statement as an auto-commit query of a READ session, retried like a
        managed transaction: one round trip where `read_tx` takes three (begin, run, commit),
        about 0.7 ms of the 1.7 ms a small read took at 100,000 people."""
        return self._read_one(cypher, params, timeout, lambda result: [_as_dict(r) for r in result])

    def read_values(self, cypher: str, timeout: float | None = None, **params: Any) -> list[dict[str, Any]]:
        """`read` for a statement known to return plain values only (no nodes, relationships,
        paths or temporals): rows are taken as they come. `read` also skips the driver's
        conversion for plain rows, but it walks every value to make sure (`_as_dict`): 2.6 s for
        80,000 rows of nested lists against 0.3 s here, so the bulk read of matching uses this,
        and so does every read of the API (graph/read.py), whose rows are all maps."""
        return self._read_one(cypher, params, timeout, _values)

    def _read_one(self, cypher: str, params: dict[str, Any], timeout: float | None,
                  rows: Callable[[Any], list[dict[str, Any]]]) -> list[dict[str, Any]]:
        self._note(cypher, params)
        query = Query(cypher, timeout=timeout or self.settings.tx_timeout_s)
        deadline, pause = time.monotonic() + RETRY_S, 0.05
        while True:
            try:
                with self._session() as session:
                    return rows(session.run(query, _for_driver(params)))
            except (Neo4jError, DriverError) as exc:
                if not exc.is_retryable() or time.monotonic() + pause > deadline:
                    raise
            time.sleep(pause)
            pause *= 2

    def write(self, cypher: str, timeout: float | None = None, lock: bool = True,
              **params: Any) -> list[dict[str, Any]]:
        """Run one write statement in its own managed transaction (under the write lock
        unless `lock=False`)."""
        return self.write_tx(lambda tx: tx.run(cypher, **params), timeout, lock)

    def write_tx(self, work: Callable[["Tx"], T], timeout: float | None = None, lock: bool = True) -> T:
        """Run several statements in one transaction: all land or none do. With `lock`
        (the default), the graph's write lock is taken first (see the module docstring)."""
        with self._session() as session:
            return session.execute_write(self._unit(work, timeout, lock))

    def version(self) -> int:
        """The graph's write version now: how many locked write transactions committed."""
        return graph_version(self)

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
        with self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as session:
            self._local.session = session
            try:
                yield
            finally:
                self._local.session = None

    def _session(self) -> Any:
        shared = getattr(self._local, "session", None)
        if shared is not None:
            return nullcontext(shared)
        return self.driver.session(database=self.database, default_access_mode=READ_ACCESS)

    def _unit(self, work: Callable[["Tx"], T], timeout: float | None,
              lock: bool = False) -> Callable[[ManagedTransaction], T]:
        """Wraps work so the server ends the transaction after the timeout; with `lock`,
        the work starts holding the graph's write lock."""

        @unit_of_work(timeout=timeout or self.settings.tx_timeout_s)
        def run(tx: ManagedTransaction) -> T:
            wrapped = Tx(self, tx)
            if lock:
                wrapped.version = wrapped.run(WRITE_LOCK)[0]["version"]
            return work(wrapped)

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
    """A transaction handed to a unit of work; counts its statements like `Database`.
    `version`: the graph's write version this transaction holds the lock at (None without
    the lock); `previous_version` the one the last writer before it left."""

    version: int | None = None

    def __init__(self, db: Database, tx: ManagedTransaction) -> None:
        self._db = db
        self._tx = tx

    @property
    def previous_version(self) -> int | None:
        return None if self.version is None else self.version - 1

    def run(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        self._db._note(cypher, params)
        return [_as_dict(r) for r in self._tx.run(cypher, _for_driver(params))]

    def read(self, cypher: str, timeout: float | None = None, **params: Any) -> list[dict[str, Any]]:
        """`Database.read`'s signature inside this transaction, so that code written to read
        through a Database (resolution) can run again under the write lock."""
        return self.run(cypher, **params)

    def run_values(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        """`run` for a statement that returns plain values only (see Database.read_values)."""
        self._db._note(cypher, params)
        return _values(self._tx.run(cypher, _for_driver(params)))

    def read_values(self, cypher: str, timeout: float | None = None, **params: Any) -> list[dict[str, Any]]:
        """`Database.read_values`'s signature inside this transaction."""
        return self.run_values(cypher, **params)


_PLAIN = frozenset({str, int, float, bool, type(None)})


class _NotPlain(Exception):
    """A value the driver must convert itself (a node, a relationship, a path, a temporal)."""


class _Rows(list):  # type: ignore[type-arg]
    """A list parameter that prints as its length. The driver formats every statement's
    parameters for its debug log before it knows whether anything logs at debug level
    (`neo4j/_sync/io/_bolt/_bolt6.py` `run`): for a 100,000-row roster's write that was the
    repr of every row, about 2 s of the load. It packs exactly as a list does."""

    def __repr__(self) -> str:
        return f"<{len(self)} items>"


def _for_driver(params: dict[str, Any]) -> dict[str, Any]:
    """The parameters as sent: top-level lists as `_Rows`, everything else as given."""
    return {k: _Rows(v) if type(v) is list else v for k, v in params.items()}


def _plain(value: Any) -> Any:
    """A copy of a value made only of maps, lists and scalars; raises _NotPlain otherwise."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is dict:
        return {k: _plain(v) for k, v in value.items()}
    if kind is list:
        return [_plain(v) for v in value]
    raise _NotPlain


def _as_dict(record: Any) -> dict[str, Any]:
    """`record.data()`, fast for the usual row of projected maps: the driver's own conversion
    checks every nested value against each graph type in turn, which took a quarter of the CPU
    of a person's page. A row holding a node, relationship, path or temporal still goes
    through it."""
    try:
        return {key: _plain(value) for key, value in record.items()}
    except _NotPlain:
        return record.data()


_GRAPH_TYPES = (Node, Relationship, Path)


def _values(result: Any) -> list[dict[str, Any]]:
    """A result's rows as they come (see `Database.read_values`). A column holding a whole
    node, relationship or path is a mistake in the statement (it wants `read`, or a map
    projection): refused at the first row, so it cannot reach a caller as a driver object."""
    keys = result.keys()
    rows = [dict(zip(keys, record)) for record in result]
    if rows and any(isinstance(v, _GRAPH_TYPES) for v in rows[0].values()):
        raise TypeError(f"read_values: a column holds a node, relationship or path: {keys}")
    return rows


def graph_version(reader: "Database | Tx") -> int:
    """The graph's write version: 0 before any locked write."""
    rows = reader.read(GRAPH_VERSION)
    return (rows[0]["version"] or 0) if rows else 0
