"""Per-request DataLoaders: every field of one nesting level shares one Cypher statement.
A request runs on its own thread (api/request_thread.py), so a batch calls graph/ directly."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from strawberry.dataloader import DataLoader

from api.context import Context
from graph import read


def _batched(ctx: Context, fetch: Callable[[Any, list[str]], dict[str, Any]], default: Any
             ) -> Callable[[list[str]], Awaitable[list[Any]]]:
    async def load(keys: list[str]) -> list[Any]:
        found = fetch(ctx.db, list(keys))
        return [found.get(k, default() if callable(default) else default) for k in keys]

    return load


def loader(ctx: Context, name: str) -> DataLoader:
    """The request's loader of that name, created on first use."""
    if name not in ctx.loaders:
        fetch, default = {
            "links": (read.links, list),
            "sources": (read.sources, None),
            "mentions": (read.mentions, list),
            "mentioned": (read.mentioned, list),
            "external_ids": (read.external_ids, list),
            "nodes": (read.nodes_by_id, None),
        }[name]
        ctx.loaders[name] = DataLoader(load_fn=_batched(ctx, fetch, default))
    return ctx.loaders[name]
