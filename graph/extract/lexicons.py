"""The words the extractor knows, all kept as data in graph/data/: surnames, the
gazetteer of places (places.csv), the honor taxonomy's forms (honors.csv, through
graph.honors) and the cue words of every rule (cue_words.txt, one list defined once; a
stage imports [studio_heads] as STUDIO_HEADS). The patterns built from them are compiled
once per process."""
from __future__ import annotations

import csv
import re
from collections import ChainMap, Counter
from collections.abc import Mapping
from contextvars import ContextVar, Token
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.honors import relative_forms, title_forms

DATA = Path(__file__).resolve().parent.parent / "data"


# ---------------------------------------------------------------- cue words


@lru_cache(maxsize=1)
def _cue_lists() -> dict[str, tuple[str, ...]]:
    lists: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in (DATA / "cue_words.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = lists.setdefault(line[1:-1], [])
            continue
        if current is None:
            raise ValueError(f"cue_words.txt: words before the first [list]: {line}")
        current.extend(line.split())
    return {name: tuple(words) for name, words in lists.items()}


def cue_words(name: str) -> tuple[str, ...]:
    """One list of graph/data/cue_words.txt, in its order."""
    return _cue_lists()[name]


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of words, in their order: 'a|b|c'."""
    return "|".join(re.escape(w) for w in words)


def __getattr__(name: str) -> tuple[str, ...]:
    """A cue list as a constant named in capitals: `from graph.extract.lexicons import
    STUDIO_HEADS` is [studio_heads] of cue_words.txt, so a list is named once, in the data."""
    lists = _cue_lists()
    if name.isupper() and name.lower() in lists:
        return lists[name.lower()]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ---------------------------------------------------------------- surnames


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Single-character and compound surnames (graph/data/surnames.txt)."""
    single: set[str] = set()
    double: set[str] = set()
    for line in (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        for word in line.split():
            (single if len(word) == 1 else double).add(word)
    return frozenset(single), frozenset(double)


@lru_cache(maxsize=1)
def name_parts() -> frozenset[str]:
    """Given-name elements of names without a Chinese surname (graph/data/name_parts.txt):
    Tibetan, Mongolian, Yi, Uyghur and Kazakh names are runs of them."""
    parts: set[str] = set()
    for line in (DATA / "name_parts.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith(("#", "[")):
            parts.update(line.split())
    return frozenset(parts)


@lru_cache(maxsize=1)
def name_parts_of(section: str) -> frozenset[str]:
    """The given-name elements of one section of graph/data/name_parts.txt ([yi] …)."""
    parts: set[str] = set()
    current = None
    for line in (DATA / "name_parts.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            current = line.strip("[] ")
        elif not line.startswith("#") and current == section:
            parts.update(line.split())
    return frozenset(parts)


@lru_cache(maxsize=4096)
def name_part_count(name: str) -> int:
    """How many name elements `name` is made of exactly (0 when it is not made of them):
    次仁多吉 → 2, 旦增 → 1, 王小川 → 0."""
    parts = name_parts()
    best = [0] + [-1] * len(name)  # best[i]: fewest parts covering name[:i]
    for i in range(1, len(name) + 1):
        for k in range(1, min(5, i) + 1):
            if best[i - k] >= 0 and name[i - k:i] in parts and (best[i] < 0 or best[i - k] + 1 < best[i]):
                best[i] = best[i - k] + 1
    return max(best[-1], 0)


@lru_cache(maxsize=1)
def name_part_runs() -> re.Pattern[str]:
    """Two or three name elements in a row, the longest element first; a lookahead on the
    first characters keeps the scan fast."""
    parts = sorted(name_parts(), key=len, reverse=True)
    firsts = "".join(sorted({p[0] for p in parts}))
    return re.compile("(?=[" + re.escape(firsts) + "])(?:" + alternation(tuple(parts)) + "){2,3}")


# ---------------------------------------------------------------- places


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # province, city, county, district, town
    parent: str


_LOCAL: ContextVar[tuple[dict[str, list[Place]], dict[str, str], dict[str, "Prefix"]] | None] = \
    ContextVar("local_places", default=None)
"""Places the text names that the gazetteer lacks (a place the text invents or a new one:
西岭省青川市白岩县), found by the tagger and their suffix, for the one text being read."""


def gazetteer() -> tuple[Mapping[str, list[Place]], Mapping[str, str]]:
    """Full name → places of that name; short form (嘉兴, 屏山) → full name when unambiguous;
    with the places of the text being read (see set_local_places) before the gazetteer's."""
    by_name, aliases = _gazetteer()
    local = _LOCAL.get()
    if local is None:
        return by_name, aliases
    return ChainMap(local[0], by_name), ChainMap(local[1], aliases)  # type: ignore[arg-type]


_LOCAL_KIND = {"省": "province", "自治区": "province", "市": "city", "州": "city", "盟": "city", "县": "county",
               "旗": "county", "区": "district"}


def set_local_places(names: dict[str, str]) -> Token:
    """The places of one text the gazetteer lacks, name → parent ('' if none); their kind
    follows the suffix, provinces and cities get their short form (青川 for 青川市).
    Returns the token to undo it with reset_local_places."""
    by_name: dict[str, list[Place]] = {}
    aliases: dict[str, str] = {}
    prefixes: dict[str, Prefix] = {}
    for name, parent in names.items():
        suffix = next((s for s in sorted(_LOCAL_KIND, key=len, reverse=True) if name.endswith(s)), None)
        if suffix is None:
            continue
        kind = _LOCAL_KIND[suffix]
        by_name[name] = [Place(name, kind, parent)]
        prefixes[name] = Prefix(name, _LEVEL_OF_KIND[kind])
        short = name[: -len(suffix)]
        if kind in ("province", "city") and len(short) >= 2 and short not in _gazetteer()[0]:
            aliases[short] = name
            prefixes[short] = Prefix(name, _LEVEL_OF_KIND[kind])
    return _LOCAL.set((by_name, aliases, prefixes) if by_name else None)


def reset_local_places(token: Token) -> None:
    _LOCAL.reset(token)


def local_place_names() -> list[str]:
    local = _LOCAL.get()
    return list(local[0]) + list(local[1]) if local else []


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, list[Place]], dict[str, str]]:
    """The gazetteer of graph/data/places.csv."""
    by_name: dict[str, list[Place]] = {}
    alias_counts: Counter[str] = Counter()
    alias_target: dict[str, str] = {}
    with (DATA / "places.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            place = Place(row["name"], row["kind"], row["parent"])
            by_name.setdefault(place.name, []).append(place)
            alias = row.get("alias") or ""
            if len(alias) >= 2 and alias != place.name and place.kind != "town":
                alias_counts[alias] += 1
                alias_target[alias] = place.name
    aliases = {a: t for a, t in alias_target.items() if alias_counts[a] == 1 and a not in by_name}
    return by_name, aliases


@lru_cache(maxsize=1)
def province_city_regex() -> re.Pattern[str]:
    """Provinces, cities and county-level cities (浏阳市) by full name or short form, and
    counties and districts by full name, to tell the source's region."""
    by_name, aliases = _gazetteer()
    short_ok = {n for n, ps in by_name.items()
                if any(p.kind in ("province", "city") or (p.kind == "county" and n.endswith("市")) for p in ps)}
    names = {n for n, ps in by_name.items() if any(p.kind != "town" for p in ps)}
    names |= {a for a, full in aliases.items() if full in short_ok}
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if len(n) >= 2))


@lru_cache(maxsize=1)
def place_regex() -> re.Pattern[str]:
    """Every full place name above the town level, longest first."""
    by_name, _ = _gazetteer()
    names = sorted((n for n, ps in by_name.items() if len(n) >= 2 and any(p.kind != "town" for p in ps)),
                   key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


def place_of(name: str) -> str | None:
    """The place a name starts with: 海盐县劳模协会 → 海盐县 (full gazetteer names only)."""
    by_name, _ = gazetteer()
    for k in range(min(len(name) - 1, 8), 1, -1):
        if name[:k] in by_name:
            return name[:k]
    return None


@dataclass(frozen=True)
class Prefix:
    """What a title's prefix says: the place it names (None for 全国) and the level."""

    place: str | None
    level: str  # national | provincial | city | county


_LEVEL_OF_KIND = {"province": "provincial", "city": "city", "county": "county", "district": "county"}
NATIONAL_PREFIXES = ("中华全国总工会", "全国总工会", "全国", "中国", "中华", "国家级", "国家")


@lru_cache(maxsize=1)
def nicknames() -> dict[str, str]:
    """Literary names of provinces and cities (齐鲁 → 山东省, 蓉城 → 成都市),
    graph/data/region_nicknames.csv."""
    with (DATA / "region_nicknames.csv").open(encoding="utf-8") as f:
        return {row["nickname"]: row["place"] for row in csv.DictReader(f) if row["place"]}


def level_of_place(name: str) -> str | None:
    by_name, _ = gazetteer()
    places = by_name.get(name)
    return _LEVEL_OF_KIND.get(places[0].kind) if places else None


def title_prefixes() -> Mapping[str, Prefix]:
    """Every word that may open a title, with the place and level it gives: 全国/中国/国家级
    (national), provinces, cities and counties by full name, provinces and cities by
    unambiguous short form (湖北, 潍坊), and nicknames (南粤, 蓉城); the text's own places too."""
    local = _LOCAL.get()
    if local is None:
        return _title_prefixes()
    return ChainMap(local[2], _title_prefixes())  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _title_prefixes() -> dict[str, Prefix]:
    by_name, aliases = _gazetteer()
    out: dict[str, Prefix] = {}
    for name, places in by_name.items():
        kinds = [p.kind for p in places if p.kind != "town"]
        if kinds and len(name) >= 2:
            out[name] = Prefix(name, _LEVEL_OF_KIND[kinds[0]])
    for alias, full in aliases.items():
        kind = by_name[full][0].kind
        if kind in ("province", "city"):  # not 合作 (合作市): a county's short form is a word too often
            out.setdefault(alias, Prefix(full, _LEVEL_OF_KIND[kind]))
    for nick, place in nicknames().items():
        level = level_of_place(place)
        if level:
            out.setdefault(nick, Prefix(place, level))
    for word in NATIONAL_PREFIXES:
        out[word] = Prefix(None, "national")
    return out


# ---------------------------------------------------------------- honors


@lru_cache(maxsize=1)
def honor_regex() -> re.Pattern[str]:
    """Every form of a taxonomy title (3+ characters) and the relative short forms
    (省劳模, 市劳模), longest first."""
    forms = [f for f in title_forms() if len(f) >= 3]
    alternatives = sorted(set(forms) | set(relative_forms()), key=len, reverse=True)
    return re.compile("|".join(re.escape(a) for a in alternatives))
