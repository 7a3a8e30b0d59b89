"""Persisted queries: every document in queries/ callable by the sha256 of its text."""
from __future__ import annotations

import hashlib
from functools import lru_cache

from graph.config import CHECKOUT

QUERIES = CHECKOUT / "queries"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def documents() -> dict[str, str]:
    """sha256 → document text, for every queries/*.graphql."""
    return {sha256(p.read_text(encoding="utf-8")): p.read_text(encoding="utf-8")
            for p in sorted(QUERIES.glob("*.graphql"))}
