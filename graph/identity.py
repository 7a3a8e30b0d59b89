"""The keys every entity is stored and found by: one normalisation for all loaders."""
from __future__ import annotations

import hashlib
import uuid
from typing import Any

from graph import names



def name_key(label: str, name: str) -> str:
    """The key an exact match is made on: a person without titles, a unit by brand+place+trade."""
    if label == "Person":
        return names.normalize_person_name(name)
    if label == "Unit":
        return names.unit_key(name)
    return names.normalize_text(name)


def sort_key(name: str) -> str:
    """The order lists are read in, which is the order users expect for Chinese names: by
    pinyin syllable (李 before 李安 before 连), then by the characters (homophones together).
    Stored on every entity and source, so an index serves pages in this order."""
    return " ".join(names.pinyin_syllables(name)) + "\t" + (name or "")


def matching_props(label: str, name: str) -> dict[str, Any]:
    """The derived properties a node carries so indexes find it (see notes/GRAPH.md)."""
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
    return f"{label.lower()}_{uuid.uuid4().hex[:12]}"


def keyed_id(label: str, key: str) -> str:
    """Ids of name-keyed entities (honors, regions …) are derived from the key, so that two
    sources loaded at once cannot create the same honor twice."""
    return f"{label.lower()}_{hashlib.sha1(f'{label}:{key}'.encode()).hexdigest()[:12]}"


def content_hash(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()
