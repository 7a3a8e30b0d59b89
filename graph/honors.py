"""The honor taxonomy, kept as data in graph/data/honors.csv: titles with level, issuer,
recipient kind and the short forms sources use (全国劳模 = 全国劳动模范). Relative short
forms (省劳模, 市劳模) resolve against the source's province and city."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.names import normalize_text

DATA = Path(__file__).parent / "data" / "honors.csv"

# 省劳模 in a Zhejiang source is 浙江省劳动模范; 市劳模 in a Jiaxing one 嘉兴市劳动模范.
_RELATIVE = {
    "省劳模": ("province", "劳动模范"),
    "省劳动模范": ("province", "劳动模范"),
    "省五一劳动奖章": ("province", "五一劳动奖章"),
    "省五一劳动奖状": ("province", "五一劳动奖状"),
    "省工人先锋号": ("province", "工人先锋号"),
    "省先进工作者": ("province", "先进工作者"),
    "市劳模": ("city", "劳动模范"),
    "市劳动模范": ("city", "劳动模范"),
    "市五一劳动奖章": ("city", "五一劳动奖章"),
    "市五一劳动奖状": ("city", "五一劳动奖状"),
    "市工人先锋号": ("city", "工人先锋号"),
    "市先进集体": ("city", "先进集体"),
}


@dataclass(frozen=True)
class HonorTitle:
    name: str
    level: str  # national | provincial | city | county
    issuer: str
    recipient_kind: str  # person | unit | team
    short_forms: tuple[str, ...]


@lru_cache(maxsize=1)
def all_honors() -> tuple[HonorTitle, ...]:
    with DATA.open(encoding="utf-8") as f:
        return tuple(
            HonorTitle(row["name"], row["level"], row["issuer"], row["recipient_kind"],
                       tuple(s for s in row["short_forms"].split("|") if s))
            for row in csv.DictReader(f)
        )


@lru_cache(maxsize=1)
def _forms() -> dict[str, HonorTitle]:
    forms: dict[str, HonorTitle] = {}
    for title in all_honors():
        for form in (title.name, *title.short_forms):
            forms.setdefault(normalize_text(form), title)
    return forms


@lru_cache(maxsize=8192)
def canonical_honor(text: str, province: str | None = "浙江省", city: str | None = None) -> HonorTitle | None:
    """The title a text names, by full title or short form, or None if not an honor."""
    key = normalize_text(text)
    key = key.removesuffix("称号").removesuffix("获得者")
    title = _forms().get(key)
    if title:
        return title
    relative = _RELATIVE.get(key)
    if relative:
        scope, rest = relative
        place = province if scope == "province" else city
        if place:
            return _forms().get(normalize_text(place + rest))
    return None


def relative_forms() -> tuple[str, ...]:
    """The short forms that name a title relative to the source's region (省劳模, 市劳模)."""
    return tuple(_RELATIVE)


def title_forms() -> list[str]:
    """Every full and short form, longest first (for matching in running text)."""
    forms = {f for t in all_honors() for f in (t.name, *t.short_forms)}
    return sorted(forms, key=len, reverse=True)
