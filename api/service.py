"""What one running process holds: settings and the database handle, shared by HTTP and CLI."""
from __future__ import annotations

import threading
import time

from graph.config import Settings
from graph.db import Database
from graph.schema import migrations


class Service:
    """Owns the one driver of the process; knows whether the schema is current."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.db = Database(settings)
        self._migrated = False
        self._lock = threading.Lock()

    def close(self) -> None:
        self.db.close()

    def try_migrate(self) -> bool:
        """Apply migrations if Neo4j answers; a later readiness check retries."""
        with self._lock:
            if self._migrated:
                return True
            try:
                migrations.migrate(self.db)
                self._migrated = True
            except Exception:
                self._migrated = False
            return self._migrated

    def readiness(self) -> tuple[bool, str]:
        """Ready when Neo4j answers and every migration is applied."""
        start = time.monotonic()
        if not self.db.ping():
            return False, "Neo4j is not reachable"
        if not self.try_migrate():
            return False, "migrations not applied"
        try:
            current = migrations.is_current(self.db)
        except Exception:
            return False, "Neo4j is not reachable"
        if not current:
            return False, "migrations not applied"
        return True, f"Neo4j reachable in {1000 * (time.monotonic() - start):.0f} ms, schema v{migrations.LATEST}"
