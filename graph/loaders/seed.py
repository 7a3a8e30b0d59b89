"""Loads what `seed/` holds through the same loaders as `kg load`: articles listed in
seed/articles.json (with their metadata), then every roster (*.csv, *.xlsx)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from graph.db import Database
from graph.facts import ArticleMeta


def load_seed(db: Database, seed: Path) -> Iterator[str]:
    from graph.ingest import load_article, load_roster

    manifest = json.loads((seed / "articles.json").read_text(encoding="utf-8"))
    for item in manifest:
        path = seed / item["file"]
        meta = ArticleMeta(title=item["title"], publisher=item.get("publisher"), date=item.get("date"),
                           url=item.get("url"), path=f"seed/{item['file']}")
        yield load_article(db, path.read_text(encoding="utf-8"), meta).summary()
    for path in sorted([*seed.glob("*.csv"), *seed.glob("*.xlsx")]):
        yield load_roster(db, path).summary()
