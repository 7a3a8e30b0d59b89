"""What every `kg` command shares: the one-line wording of a failure, and running a unit of
work against the database with that wording.

A failure is one line on stderr, `kg: <what happened and what to do>`, and exit status 1:
the core's errors (graph/errors.py) say it themselves; the driver's are worded here, once.
"""
from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from graph.config import Settings, load_settings
from graph.errors import GraphError

if TYPE_CHECKING:
    from graph.db import Database


def fail(message: str, code: int = 1) -> int:
    print(f"kg: {message}", file=sys.stderr)
    return code


def failure(exc: BaseException, settings: Settings, writes: bool = False) -> str | None:
    """The line a failure is told in, or None for a bug (let it show its traceback).
    `writes`: the command was writing, and says that nothing was written (one transaction)."""
    from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

    nothing = " (nothing was written)" if writes else ""
    if isinstance(exc, GraphError):
        return str(exc)
    if isinstance(exc, (ServiceUnavailable, SessionExpired, OSError)):
        return f"Neo4j is not reachable at {settings.uri}; run `kg neo4j start`{nothing}"
    if isinstance(exc, AuthError):
        return f"Neo4j refused the credentials for {settings.uri}; check NEO4J_PASSWORD"
    if isinstance(exc, Neo4jError) and "Memory" in (exc.code or "") + str(exc):
        return ("the work is too large for one transaction with this heap; raise KG_NEO4J_HEAP "
                f"and restart Neo4j{nothing}")
    if isinstance(exc, (Neo4jError, DriverError)):
        return f"the database refused ({getattr(exc, 'code', None) or type(exc).__name__}){nothing}"
    return None


def with_database(work: Callable[["Database"], int], writes: bool = False) -> int:
    """Opens the database, runs the command, turns known failures into one line."""
    from graph.db import Database

    settings = load_settings()
    db = Database(settings)
    try:
        if not db.ping():  # fail at once, not after the driver's retries
            return fail(f"Neo4j is not reachable at {settings.uri}; run `kg neo4j start`")
        if writes:  # never write into a store without its constraints and indexes
            from graph.schema.migrations import migrate

            for m in migrate(db):
                print(f"applied migration {m.version}: {m.name}", file=sys.stderr)
        return work(db)
    except Exception as exc:  # noqa: BLE001 - worded below, or raised again
        line = failure(exc, settings, writes)
        if line is None:
            raise
        return fail(line)
    finally:
        db.close()


def database_command(command: Callable[[argparse.Namespace, "Database"], int] | None = None, *,
                     writes: bool = False) -> Any:
    """A `kg` command run against the database: `command(args, db)`, failures in one line.
    `@database_command(writes=True)` marks a command that writes: migrations first."""

    def wrap(command: Callable[[argparse.Namespace, "Database"], int]) -> Callable[[argparse.Namespace], int]:
        @functools.wraps(command)
        def run(args: argparse.Namespace) -> int:
            return with_database(lambda db: command(args, db), writes=writes)

        return run

    return wrap(command) if command is not None else wrap
