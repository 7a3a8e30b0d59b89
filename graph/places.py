"""The place gazetteer (graph/data/places.csv): the hierarchy that lets "嘉兴市" include
桐乡市 and its towns. Sources name a region; the writer adds the regions above it with
PART_OF, so that filters by region include everything below it."""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.facts import Entity, Extraction, Fact, Ref

DATA = Path(__file__).parent / "data" / "places.csv"


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    parent: str | None


@lru_cache(maxsize=1)
def _places() -> dict[str, list[Place]]:
    by_name: dict[str, list[Place]] = defaultdict(list)
    with DATA.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            by_name[row["name"]].append(Place(row["name"], row["kind"], row["parent"] or None))
    return by_name


def place(name: str) -> Place | None:
    """The place of that exact name, if the gazetteer has exactly one."""
    found = _places().get(name, [])
    return found[0] if len(found) == 1 else None


def ancestors(name: str) -> list[Place]:
    """The places above a region, nearest first; empty when the name is unknown or ambiguous."""
    chain: list[Place] = []
    current = place(name)
    while current is not None and current.parent and len(chain) < 6:
        parent = place(current.parent)
        if parent is None:
            break
        chain.append(parent)
        current = parent
    return chain


def with_region_hierarchy(extraction: Extraction) -> Extraction:
    """Adds the regions above every Region of a source, linked by PART_OF, and their kinds."""
    regions = {e.name: e for e in extraction.entities if e.type == "Region"}
    stated = {(f.subject.name, f.object.name) for f in extraction.facts if f.type == "PART_OF"}
    for name in list(regions):
        own = place(name)
        if own is not None:
            regions[name].props.setdefault("kind", own.kind)
        child = name
        for parent in ancestors(name):
            if parent.name not in regions:
                regions[parent.name] = Entity("Region", parent.name, props={"kind": parent.kind})
                extraction.entities.append(regions[parent.name])
            if (child, parent.name) not in stated:
                stated.add((child, parent.name))
                extraction.facts.append(Fact("PART_OF", Ref("Region", child), Ref("Region", parent.name),
                                             evidence=f"行政区划：{child}隶属{parent.name}"))
            child = parent.name
    return extraction
