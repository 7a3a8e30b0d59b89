"""Filter values as people write them, read the way the graph stores them.

A region is given by its full name or a short form the gazetteer knows (嘉兴 → 嘉兴市); an honor by
its title, a short form of the taxonomy (全国劳模 → 全国劳动模范, 省劳模 → 浙江省劳动模范) or a level
word (全国 → the national level). Each reading says what was done with the value (`Reading`), so an
interface can show it. A value that nothing knows — neither the gazetteer or the honor taxonomy nor
the graph — is refused with the nearest known values (`UnknownValue`), never answered with an empty
list that looks like "nobody".

Only a value the static tables do not know costs a statement (is it a region or honor the graph
holds?); the usual values are read without touching the database.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from graph.errors import InvalidRequest
from graph.vocabulary import HONOR_LEVEL_NAMES, HONOR_LEVELS

if TYPE_CHECKING:
    from graph.db import Database
    from graph.read import EntityFilter

SUGGESTIONS = 5


@dataclass(frozen=True)
class Reading:
    """How one filter value was read: `field` (region, honor, honorLevel), the value as given,
    the value used, and a sentence saying so."""

    field: str
    given: str
    value: str
    note: str


class UnknownValue(InvalidRequest):
    """A filter value that names nothing known; `suggestions` are the nearest known values."""

    def __init__(self, field: str, given: str, what: str, suggestions: list[str]) -> None:
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"{field}: no {what} is known as {given!r}{hint}", field=field, suggestions=suggestions)


# ---------------------------------------------------------------- the gazetteer


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[frozenset[str], dict[str, str]]:
    """(every place name, short form → full name when one place above the towns carries it)."""
    from graph.places import DATA

    names: set[str] = set()
    targets: dict[str, set[str]] = defaultdict(set)
    with DATA.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names.add(row["name"])
            alias = (row.get("alias") or "").strip()
            if len(alias) >= 2 and alias != row["name"] and row["kind"] != "town":
                targets[alias].add(row["name"])
    aliases = {a: next(iter(t)) for a, t in targets.items() if len(t) == 1 and a not in names}
    return frozenset(names), aliases


def read_region(db: "Database | None", given: str, field: str = "region") -> Reading:
    """The region a filter means: an id, a full name, a short form (嘉兴 → 嘉兴市) or a name or
    alias a Region of the graph carries; UnknownValue with suggestions otherwise."""
    value = given.strip()
    names, aliases = _gazetteer()
    if value.startswith("region_") or value in names:
        return Reading(field, given, value, f"{value} and everything below it")
    if value in aliases:
        full = aliases[value]
        return Reading(field, given, full, f"{given} read as {full}, and everything below it")
    if db is not None and value:
        from graph.cypher.nodes import region_named

        found = db.read(region_named(), name=value)
        if found:
            return Reading(field, given, value, f"{value} and everything below it")
    near = _nearest(value, [*names, *aliases], _names(db, "Region"))
    raise UnknownValue(field, given, "region", list(dict.fromkeys(aliases.get(n, n) for n in near)))


def _names(db: "Database | None", label: str) -> list[str]:
    """The names the graph's nodes of a label carry (only when a value is refused)."""
    if db is None:
        return []
    from graph.cypher.nodes import all_names

    return [r["name"] for r in db.read(all_names(label))]


# ---------------------------------------------------------------- honors


@lru_cache(maxsize=1)
def _level_words() -> dict[str, str]:
    words = {w: level for level, forms in HONOR_LEVELS.items() for w in forms}
    words.update({level: level for level in HONOR_LEVELS})
    return words


def read_level(given: str, field: str = "honorLevel") -> Reading | None:
    """全国 → national, 省级 → provincial …; None when the text is no level word."""
    level = _level_words().get(given.strip().lower())
    if level is None:
        return None
    return Reading(field, given, level, f"{given} read as honors of the {level} level ({HONOR_LEVEL_NAMES[level]})")


def read_honor(db: "Database | None", given: str, field: str = "honor") -> Reading:
    """The honor a filter means: an id, a title, a short form of the taxonomy (全国劳模, 省劳模),
    a level word (全国 → honorLevel national) or a name or alias an Honor of the graph carries;
    UnknownValue with suggestions otherwise."""
    from graph.honors import all_honors, canonical_honor

    value = given.strip()
    if value.startswith("honor_"):
        return Reading(field, given, value, f"the honor {value}")
    level = read_level(value, "honorLevel")
    if level is not None:
        return level
    title = canonical_honor(value) if value else None
    if title is not None:
        note = f"the title {title.name}" if title.name == value else f"{given} read as the title {title.name}"
        return Reading(field, given, title.name, note)
    if db is not None and value:
        from graph.cypher.nodes import honor_named

        if db.read(honor_named(), name=value):
            return Reading(field, given, value, f"the title {value}")
    known = [form for t in all_honors() for form in (t.name, *t.short_forms)]
    raise UnknownValue(field, given, "honor", _nearest(value, known, _names(db, "Honor")))


# ---------------------------------------------------------------- a whole filter


def read_filter(db: "Database | None", f: "EntityFilter") -> tuple["EntityFilter", list[Reading]]:
    """The filter with its region and honor read as the graph stores them, and the readings."""
    readings: list[Reading] = []
    changes: dict[str, object] = {}
    if f.region is not None:
        r = read_region(db, f.region)
        readings.append(r)
        changes["region"] = r.value
        if r.value != f.region.strip():
            changes["region_given"] = f.region
    if f.honor is not None:
        r = read_honor(db, f.honor)
        readings.append(r)
        if r.field == "honorLevel":
            if f.honor_level is not None and f.honor_level != r.value:
                raise InvalidRequest(f"honor {f.honor!r} is the {r.value} level, but honorLevel asks for "
                                     f"{f.honor_level}", field="honor")
            changes.update(honor=None, honor_level=r.value)
        else:
            changes["honor"] = r.value
    if f.honor_level is not None and "honor_level" not in changes:
        level = read_level(f.honor_level)
        if level is None:
            raise UnknownValue("honorLevel", f.honor_level, "honor level", list(HONOR_LEVELS))
        readings.append(level)
        changes["honor_level"] = level.value
    if f.level is not None:
        level = read_level(f.level, "level")
        if level is None:
            raise UnknownValue("level", f.level, "honor level", list(HONOR_LEVELS))
        readings.append(level)
        changes["level"] = level.value
    return (replace(f, **changes) if changes else f), readings  # type: ignore[arg-type]


# ---------------------------------------------------------------- suggestions


def _nearest(value: str, known: list[str], graph_names: list[str]) -> list[str]:
    """The known values nearest to what was given: those that contain it or that it contains
    first, then by edit similarity; the graph's own names before the tables' on a tie."""
    from rapidfuzz import fuzz

    if not value:
        return []
    from graph.names import normalize_text, pinyin_full

    latin = value.isascii()
    sound = ""
    if latin:  # jiaxing, zhejiangsheng: compared with the names' pinyin
        value = normalize_text(value)
    else:
        sound = pinyin_full(value)
    scored: dict[str, float] = {}
    for rank, name in enumerate([*graph_names, *known]):
        if not name or name in scored:
            continue
        text = pinyin_full(name) if latin else name
        if not text:
            continue
        if text.startswith(value) or value.startswith(text):
            score = 100.0 - abs(len(text) - len(value)) * 0.1
        elif value in text or text in value:
            score = 90.0 - abs(len(text) - len(value)) * 0.1
        else:
            score = fuzz.ratio(value, text)
            if sound and len(value) <= 4:  # 嘉心 for 嘉兴: a homophone typo shares the pinyin, not the characters
                score = max(score, fuzz.ratio(sound, pinyin_full(name)) - 10 + score * 0.1)
        scored[name] = score - (0.01 if rank >= len(graph_names) else 0.0)
    best = sorted((s, n) for n, s in scored.items() if s >= 50)
    return [n for _s, n in sorted(best, key=lambda x: (-x[0], len(x[1]), x[1]))[:SUGGESTIONS]]
