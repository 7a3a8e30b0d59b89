"""Per-request context: the service, the caller's role."""
from __future__ import annotations

from dataclasses import dataclass

from api.service import Service
from graph.db import Database


@dataclass
class Context:
    service: Service
    role: str | None  # None = anonymous reader

    @property
    def db(self) -> Database:
        return self.service.db


def build_context(service: Service, authorization: str | None) -> Context:
    return Context(service=service, role=None)
