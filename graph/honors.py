"""The honor taxonomy, kept as data in graph/data/honors.csv: titles with level, issuer,
recipient kind and the short forms sources use (全国劳模 = 全国劳动模范). Relative short
forms (省劳模, 市劳模) resolve against the source's province and city."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph import places
from graph.names import normalize_text

DATA = Path(__file__).parent / "data" / "honors.csv"

# Short forms relative to the source's place: 省劳模 in a Zhejiang source is 浙江省劳动模范,
# 市劳模 in a Jiaxing one 嘉兴市劳动模范, 县级劳模 in a 嘉善县 one 嘉善县劳动模范. A form is a
# scope word and an honor: "市" + "劳模". The five autonomous regions are provinces (自治区劳模 in
# a Baotou roster: 内蒙古自治区劳动模范), their leagues and autonomous prefectures cities (盟, 州),
# their banners counties (旗级劳模 in 土默特右旗: 土默特右旗劳动模范).
SCOPES: tuple[tuple[str, str], ...] = (
    ("省级", "province"), ("省", "province"), ("自治区级", "province"), ("自治区", "province"),
    ("市级", "city"), ("市", "city"), ("盟级", "prefecture"), ("盟", "prefecture"),
    ("州级", "prefecture"), ("州", "prefecture"),
    ("县级", "county"), ("区级", "county"), ("旗级", "county"), ("县", "county"), ("区", "county"),
    ("旗", "county"),
)
NOT_IN_TEXT = frozenset({"盟", "州", "旗"})
"""Scope words that end place names (杭州, 锡林郭勒盟, 土右旗): whole roster cells only, never
looked for in running text, where 杭州劳模 would read as 州劳模."""
HONORS_BY_SCOPE: dict[str, str] = {
    "劳模": "劳动模范", "劳动模范": "劳动模范", "先进工作者": "先进工作者", "五一劳动奖章": "五一劳动奖章",
    "五一奖章": "五一劳动奖章", "五一劳动奖状": "五一劳动奖状", "五一奖状": "五一劳动奖状",
    "工人先锋号": "工人先锋号", "先进集体": "先进集体", "技术能手": "技术能手",
    "青年岗位能手": "青年岗位能手", "巾帼建功标兵": "巾帼建功标兵", "三八红旗手": "三八红旗手",
}


@dataclass(frozen=True)
class RelativeForm:
    """A short form that needs a place: `scope` (province, city, prefecture, county) and the
    honor; a prefecture is a city of any name (a league, an autonomous prefecture)."""

    written: str
    scope: str
    honor: str


@lru_cache(maxsize=4096)
def relative_form(text: str) -> RelativeForm | None:
    """市劳模 → (city, 劳动模范); 县级劳模 → (county, 劳动模范); None for anything else."""
    key = normalize_text(text).removesuffix("称号").removesuffix("获得者")
    for prefix, scope in SCOPES:
        if key.startswith(prefix) and key[len(prefix):] in HONORS_BY_SCOPE:
            return RelativeForm(text, scope, HONORS_BY_SCOPE[key[len(prefix):]])
    return None


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
    """The title a text names, by full title or short form, or None if not an honor.
    A relative short form (省劳模, 市劳模) resolves against `province` and `city`."""
    title = absolute_honor(text)
    if title:
        return title
    relative = relative_form(text)
    if relative:
        place = {"province": province, "city": city, "prefecture": city}.get(relative.scope)
        if place:
            return _forms().get(normalize_text(place + relative.honor))
    return None


@lru_cache(maxsize=1)
def relative_forms() -> tuple[str, ...]:
    """Every short form that names a title relative to a place (省劳模, 市级劳模, 县五一劳动奖章):
    what the extractor looks for in running text."""
    return tuple(prefix + short for prefix, _ in SCOPES if prefix not in NOT_IN_TEXT for short in HONORS_BY_SCOPE)


@lru_cache(maxsize=8192)
def absolute_honor(text: str) -> HonorTitle | None:
    """The title a text names by its full title or a short form that needs no place."""
    key = normalize_text(text).removesuffix("称号").removesuffix("获得者")
    return _forms().get(key) or place_honor(key)


def honor_of_place(form: RelativeForm, place: str) -> HonorTitle | None:
    """The honor a relative form names in a place: 市劳模 in 桐乡市 → 桐乡市劳动模范."""
    key = normalize_text(place + form.honor)
    return _forms().get(key) or place_honor(key)


PLACE_HONORS: dict[str, tuple[str, str]] = {
    "劳动模范": ("人民政府", "person"), "先进工作者": ("人民政府", "person"),
    "五一劳动奖章": ("总工会", "person"), "五一劳动奖状": ("总工会", "unit"), "工人先锋号": ("总工会", "team"),
    "技术能手": ("人力资源和社会保障局", "person"),
    "青年岗位能手": ("共青团委员会", "person"), "巾帼建功标兵": ("妇女联合会", "person"),
    "三八红旗手": ("妇女联合会", "person"),
}
"""The honors every province, city and county gives, with who issues them and to whom: a
place's honor of these kinds is known wherever the gazetteer knows the place (市技术能手 in
绵阳市 → 绵阳市技术能手). Not a place's 工匠: not every place has such a programme, so 青川工匠 in
an article is a discovered title for staff to confirm."""
LEVELS = {"province": "provincial", "city": "city", "county": "county", "district": "county"}
"""An honor's level by its place's kind in the gazetteer (graph/data/places.csv)."""


@lru_cache(maxsize=8192)
def place_honor(key: str) -> HonorTitle | None:
    """A place's honor that honors.csv does not list, vouched for by the gazetteer:
    洛阳市劳动模范 (city level, issued by 洛阳市人民政府), 洛阳劳模 → 洛阳市劳动模范,
    栾川县五一劳动奖章. None when the place is unknown: a typo is not an honor."""
    for written, honor in HONORS_BY_SCOPE.items():
        if honor not in PLACE_HONORS or not key.endswith(written) or len(key) <= len(written):
            continue
        found = places.find(key[:-len(written)])
        if found is not None and found.kind in LEVELS:
            issuer, recipients = PLACE_HONORS[honor]
            return HonorTitle(found.name + honor, LEVELS[found.kind], found.name + issuer, recipients, ())
    return None


def title_forms() -> list[str]:
    """Every full and short form, longest first (for matching in running text)."""
    forms = {f for t in all_honors() for f in (t.name, *t.short_forms)}
    return sorted(forms, key=len, reverse=True)
