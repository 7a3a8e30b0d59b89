"""The keys and ids every entity is stored and found by: one normalisation for all loaders,
one id policy for every way a node is made (a load, a manual edit, a migration).

Ids are opaque, stable and carry their label as a prefix (`person_3f2a9c1b0d4e`):
- people get random ids, because two people may share every name there is;
- every other entity (units, honors, regions, villages, studios, projects) gets an id
  derived from its key, so the same unit made by a roster and by an editor is one node,
  and two sources loaded at once cannot create it twice (`id_for`).
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from typing import Any

from graph import names
from graph.vocabulary import ENTITY_LABELS, SOURCE_LABELS

_PREFIXES = {label.lower(): label for label in (*ENTITY_LABELS, *SOURCE_LABELS)}


def label_of(node_id: str) -> str | None:
    """The label an id was minted for (`person_3f2a…` → Person, `roster_…` → Roster); None
    for anything else. Callers that need an entity check `in ENTITY_LABELS`."""
    return _PREFIXES.get(node_id.split("_", 1)[0])


def id_for(label: str, name: str) -> str:
    """The id a new node of this label and name gets: random for a person, derived from the
    name key for every other entity."""
    if label == "Person":
        return new_id(label)
    return keyed_id(label, name_key(label, name))



def name_key(label: str, name: str) -> str:
    """The key an exact match is made on: a person without titles, a unit by brand+place+trade,
    an honor by its taxonomy title when it has one."""
    if label == "Person":
        return names.normalize_person_name(name)
    if label == "Unit":
        return names.unit_key(name)
    if label == "Honor":  # one title, one node: 辽宁工人先锋号 is the taxonomy's 辽宁省工人先锋号
        from graph.honors import canonical_honor

        title = canonical_honor(name, province=None, city=None)
        if title is not None:
            return names.normalize_text(title.name)
    return names.normalize_text(name)


def sort_key(name: str) -> str:
    """The order lists are read in, which is the order users expect for Chinese names: by
    pinyin syllable (李 before 李安 before 连), then by the characters (homophones together).
    Stored on every entity and source, so an index serves pages in this order."""
    return " ".join(names.pinyin_syllables(name)) + "\t" + (name or "")


def matching_props(label: str, name: str) -> dict[str, Any]:
    """The derived properties a node carries so indexes find it (see docs/graph-model.md)."""
    return dict(_matching_props(label, name))


@lru_cache(maxsize=1 << 16)
def _matching_props(label: str, name: str) -> dict[str, Any]:
    """Computed once per name: a load asks for every person's keys when it resolves them and
    again when it writes them, and a roster repeats its common names (pinyin was 2 s of a
    100,000-row load). Callers get a copy."""
    key = name_key(label, name)
    props: dict[str, Any] = {
        "nameKey": key,
        "pinyin": names.pinyin_full(key),
        "initials": names.pinyin_initials(key),
        "sortKey": sort_key(name),
    }
    if label == "Person":
        props["surname"] = names.split_name(key)[0]
    if label == "Unit":
        props["unitKey"] = key
    return props


def new_id(label: str) -> str:
    """A random id (people, sources of no content)."""
    return f"{label.lower()}_{os.urandom(6).hex()}"  # 48 random bits, as uuid4's first 12 hex digits were


def keyed_id(label: str, key: str) -> str:
    """The id of a name-keyed entity: the same key gives the same id, whoever makes the node."""
    return f"{label.lower()}_{hashlib.sha1(f'{label}:{key}'.encode()).hexdigest()[:12]}"


def content_hash(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()
