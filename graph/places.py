"""The place gazetteer (graph/data/places.csv): the hierarchy that lets "嘉兴市" include
桐乡市 and its towns. Sources name a region; the writer adds the regions above it with
PART_OF, so that filters by region include everything below it."""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.facts import Entity, Extraction, Fact, Ref

DATA = Path(__file__).parent / "data" / "places.csv"
FORMER = Path(__file__).parent / "data" / "former_places.csv"
"""Counties and cities renamed or merged since 2000 (遵义县 → 播州区 in 2016): a roster spanning
decades names honors by the place of their year (1993年遵义县劳模). From jionlp's list of
changes (2017–2020, Apache-2.0) and public notices of earlier ones; a former name that is a
current place's name too is left out."""


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
    with FORMER.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["name"] not in by_name:
                by_name[row["name"]].append(Place(row["name"], row["kind"], row["parent"]))
    return by_name


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    """Short form → full name (嘉兴 → 嘉兴市), when one place of a county or above carries it."""
    targets: dict[str, set[str]] = defaultdict(set)
    with DATA.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            alias = row.get("alias") or ""
            if len(alias) >= 2 and alias != row["name"] and row["kind"] != "town":
                targets[alias].add(row["name"])
    return {a: next(iter(t)) for a, t in targets.items() if len(t) == 1 and a not in _places()}


def place(name: str) -> Place | None:
    """The place of that exact name, if the gazetteer has exactly one."""
    found = _places().get(name, [])
    return found[0] if len(found) == 1 else None


def find(name: str) -> Place | None:
    """The place a source means by a name: its full name or an unambiguous short form (嘉兴),
    in simplified or traditional characters (漢壽縣)."""
    name = name.strip()
    found = place(name) or place(_aliases().get(name, ""))
    if found is None and not name.isascii():
        from graph.names import to_simplified  # names builds on places

        simplified = to_simplified(name)
        if simplified != name:
            return place(simplified) or place(_aliases().get(simplified, ""))
    return found


SCOPE_KINDS = {"province": ("province",), "prefecture": ("city",), "county": ("county", "district")}


def in_scope(name: str, scope: str) -> str | None:
    """The place of a scope (province, city, prefecture, county) that a region is in, or is:
    桐乡市 → province 浙江省, city 桐乡市 (a 市 itself), county 桐乡市; 嘉兴 → city 嘉兴市;
    嘉兴市 → county None (a city is above every county); 阿巴嘎旗 → prefecture 锡林郭勒盟."""
    found = find(name)
    if found is None:
        return None
    for p in [found, *ancestors(found.name)]:
        if scope == "city" and p.name.endswith("市") and p.kind in ("city", "county", "province"):
            return p.name
        if p.kind in SCOPE_KINDS.get(scope, ()):
            return p.name
    return None


@lru_cache(maxsize=1)
def _mention_regex() -> re.Pattern[str]:
    names = {n for n, ps in _places().items() if len(ps) == 1 and ps[0].kind != "town" and len(n) >= 2}
    names |= set(_aliases())
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


def mentioned(text: str) -> str | None:
    """The most specific place a text names (a roster's title or file name): 2023年桐乡市劳动模范名单
    → 桐乡市; None when it names none."""
    best: Place | None = None
    for m in _mention_regex().finditer(text or ""):
        found = find(m.group(0))
        if found is not None and (best is None or len(ancestors(found.name)) > len(ancestors(best.name))):
            best = found
    return best.name if best else None


@lru_cache(maxsize=65536)
def apart(a: str, b: str) -> bool:
    """Whether two known places are apart: neither is the other nor lies inside it (津市市 /
    鼎城区; not 津市市 / 常德市). Unknown places are never apart: nothing is known of them."""
    pa, pb = find(a), find(b)
    if pa is None or pb is None or pa == pb:
        return False
    return pa not in ancestors(pb.name) and pb not in ancestors(pa.name)


def common_city(names: list[str]) -> str | None:
    """The city (or else the province) every known one of these places lies in or is:
    武陵区, 汉寿县 → 常德市; 武陵区 alone → 常德市 (one row's county says nothing of the
    others'). None when none is known or they share none."""
    shared: list[Place] | None = None
    for name in dict.fromkeys(names):
        found = find(name)
        if found is None:
            continue
        chain = [found, *ancestors(found.name)]
        shared = chain if shared is None else [p for p in shared if p in chain]
    above = [p for p in shared or [] if p.kind in ("city", "province")]
    return above[0].name if above else None


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


@lru_cache(maxsize=1)
def _prefix_regex() -> re.Pattern[str]:
    names = {n for n in _places() if len(n) >= 2} | set(_aliases())
    return re.compile("(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + ")")


@lru_cache(maxsize=65536)
def leading_written(name: str) -> tuple[str, str] | None:
    """The place a name begins with, by its full name when known, and as written there:
    五峰云雾茶业 → (五峰土家族自治县, 五峰); None when it begins with none."""
    m = _prefix_regex().match(name)
    if not m:
        return None
    found = find(m.group(0))
    return (found.name if found else m.group(0)), m.group(0)


def leading(name: str) -> str | None:
    """The place a name begins with, by its full name when known: 嘉善县总工会 → 嘉善县,
    嘉兴学院 → 嘉兴市; None when it begins with none."""
    found = leading_written(name)
    return found[0] if found else None
