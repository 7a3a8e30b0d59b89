"""Persisted queries: every document in queries/ callable by the sha256 of its text, and the
documents Apollo clients register (automatic persisted queries), kept in memory per process."""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
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


REGISTERED_MAX = 2000
"""Registered documents kept per process, least recently used dropped first: a client whose
hash was dropped gets PersistedQueryNotFound and sends the text again."""
_registered: "OrderedDict[str, str]" = OrderedDict()
_lock = threading.Lock()


def register(digest: str, text: str) -> None:
    """Keeps a document an Apollo client sent with its hash (checked by the caller)."""
    with _lock:
        _registered[digest] = text
        _registered.move_to_end(digest)
        while len(_registered) > REGISTERED_MAX:
            _registered.popitem(last=False)


def registered(digest: str) -> str | None:
    """A registered document by its hash, or None."""
    with _lock:
        text = _registered.get(digest)
        if text is not None:
            _registered.move_to_end(digest)
        return text
