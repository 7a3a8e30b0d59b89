"""Unit mentions: organisations the tagger proposes that end with an organisation head
(公司, 医院, 总工会 …), and the units it cuts or leaves implicit: 该县总工会 and 市总工会
(the county or city of the discourse), a place followed by a head (嘉兴市劳模办), a child
unit glued to its parent (嘉兴市第一医院急诊科, 公司焊接车间), a company named again by its
short name (沙钢), and a bare team before a role and a name (设备维修班班长刘宏伟)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from graph.extract.document import Document, Mention
from graph.extract.lexicons import (
    BARE_TEAM_HEADS,
    CHILD_UNIT_HEADS,
    CHILD_UNIT_STOP,
    PARENT_UNIT_HEADS,
    ROLE_WORDS,
    TEAM_LEADER_ROLES,
    UNIT_HEADS,
    alternation,
    gazetteer,
    place_of,
)
from graph.extract.segment import inside

CJK = r"\u4e00-\u9fff"
_THIS_COUNTY_UNIT = re.compile(r"该(县|市|区)([" + CJK + r"]{0,8}?(?:总工会|劳模协会|协会|传媒中心|中心|局|医院|委员会))")
_PLACE_UNIT = re.compile(r"([" + CJK + r"]{0,8}?)(总工会|劳模协会|劳模办|协会|办公室|委员会|传媒中心)")
_THIS_COMPANY_CHILD = re.compile(r"(该公司|公司|该厂|该院|医院|本院)([" + CJK + r"]{1,6}?(?:车间|班组|班|科|大队|研究院|分公司|护理部|部|组))")
_PARENT_HEAD = {"该院": "院", "本院": "院", "医院": "医院", "该厂": "厂"}
_GLUED_CHILD = re.compile(r"[" + CJK + r"]{1,6}?(?:" + alternation(CHILD_UNIT_HEADS) + ")")
_CHILD_STOP = re.compile("(" + alternation(CHILD_UNIT_STOP) + ")")


def unit_ok(name: str) -> bool:
    """A unit's name: three characters or more, ending with an organisation head, no list inside."""
    return len(name) >= 3 and name.endswith(UNIT_HEADS) and not re.search(r"[+、，,]", name)


def unit_parent(name: str) -> str | None:
    """长城汽车股份有限公司平湖分公司总装车间 → 长城汽车股份有限公司平湖分公司: the longest
    prefix ending in an organisation head whose rest is a child unit."""
    best = None
    for head in PARENT_UNIT_HEADS:
        idx = name.find(head)
        while idx > 0:
            cut = idx + len(head)
            rest = name[cut:]
            if len(rest) >= 2 and rest.endswith(CHILD_UNIT_HEADS) and (best is None or cut > len(best)):
                best = name[:cut]
            idx = name.find(head, idx + 1)
    return best


@lru_cache(maxsize=1)
def _place_names_longest_first() -> list[str]:
    by_name, aliases = gazetteer()
    return sorted([*by_name, *aliases], key=len, reverse=True)


def short_unit_name(name: str) -> str | None:
    """江苏沙钢集团有限公司 → 沙钢: place prefix and legal or trade suffixes dropped."""
    core = name
    changed = True
    while changed:
        changed = False
        for place in _place_names_longest_first():
            if len(place) >= 2 and core.startswith(place) and len(core) > len(place) + 2:
                core, changed = core[len(place):], True
                break
    for suffix in ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "股份"):
        core = core.removesuffix(suffix)
    core = core.removesuffix("集团")
    if len(core) < 2 or core in ("供电", "电力", "国网") or len(core) > 6:
        return None
    return core


def last_place(mentions: list[Mention], pos: int, kind_char: str, places: list[tuple[int, str]] = ()) -> str | None:
    """The last county (县/区) or city (市) named before pos: alone, as a unit's prefix, or
    anywhere in the text by its full name (张家港市委常委、市总工会主席 → 张家港市)."""
    best: tuple[int, str] | None = None
    for m in mentions:
        if m.end > pos or m.type not in ("Region", "Unit"):
            continue
        place = m.name if m.type == "Region" else place_of(m.name)
        if place and place.endswith(kind_char) and (best is None or m.end > best[0]):
            best = (m.end, place)
    for end, name in places:
        if end > pos:
            break
        if name.endswith(kind_char) and (best is None or end > best[0]):
            best = (end, name)
    return best[1] if best else None


def last_before(mentions: list[Mention], pos: int, type_: str, ok: Callable[[str], bool] | None = None) -> str | None:
    """The name of the last mention of a type that ends before pos (and passes ok)."""
    best = None
    for m in mentions:
        if m.type == type_ and m.end <= pos and (ok is None or ok(m.name)):
            if best is None or m.end > best.end:
                best = m
    return best.name if best else None


def _last_city(doc: Document, pos: int) -> str | None:
    """The last city the tagger named before pos, else the source's city."""
    by_name, _ = gazetteer()
    city = doc.city
    for r in doc.of_type("Region"):
        if r.end <= pos and any(p.kind == "city" for p in by_name.get(r.name, ())):
            city = r.name
    return city


def tagged_units(doc: Document) -> None:
    """Stage: the tagger's organisations outside quotes that end with an organisation
    head. A county or city unit without its place (县总工会, 市总工会, 该县总工会) takes
    the last county or city named before it, and is dropped when there is none."""
    flat = doc.flat
    for word, tag, s, e in doc.tokens:
        if tag != "ORG":
            continue
        if inside(s, e, doc.books) or inside(s, e, doc.short_quotes):
            continue
        name = word
        start = s
        prev = flat[max(0, s - 1):s]
        if name[0] in "县市区" and name[1:].endswith(UNIT_HEADS):
            place = last_place(doc.candidates, s, name[0], doc.places) or (_last_city(doc, s) if name[0] == "市" else None)
            if place and place.endswith(name[0]):
                name = place + name[1:]
                if prev == "该":
                    start = s - 1
            else:
                continue
        if unit_ok(name):
            doc.candidates.append(Mention("Unit", name, start, e))


def cut_units(doc: Document) -> None:
    """Stage: units the tagger cut or left implicit: 该县总工会, 嘉兴市劳模办, 该公司仪表班,
    公司焊接车间, 嘉兴市第一医院急诊科."""
    flat = doc.flat
    cands = doc.candidates
    for m in _THIS_COUNTY_UNIT.finditer(flat):
        place = last_place(cands, m.start(), m.group(1), doc.places)
        if place:
            cands.append(Mention("Unit", place + m.group(2), m.start(), m.end()))
    # a place followed by an organisation head the tagger missed: 嘉兴市劳模办
    for r in doc.of_type("Region"):
        m = _PLACE_UNIT.match(flat[r.end:r.end + 12])
        if m and not re.search(r"[的在和与及了是、将为把被对向]", m.group(1)):
            cands.append(Mention("Unit", r.name + m.group(0), r.start, r.end + m.end()))
    # 该公司仪表班, 公司焊接车间: the child of the last company (or hospital, factory) named
    for m in _THIS_COMPANY_CHILD.finditer(flat):
        head = _PARENT_HEAD.get(m.group(1), "公司")
        parent = last_before(cands, m.start(), "Unit", lambda n, h=head: n.endswith(h) or (h == "公司" and n.endswith("集团")))
        if parent:
            cands.append(Mention("Unit", parent + m.group(2), m.start(), m.end(), {"parent": parent}))
    # child units glued behind a unit: 嘉兴市第一医院急诊科 (not a role: 公司高级技师)
    for u in doc.of_type("Unit"):
        m = _GLUED_CHILD.match(flat[u.end:u.end + 8])
        if m and not _CHILD_STOP.search(m.group(0)):
            cands.append(Mention("Unit", u.name + m.group(0), u.start, u.end + m.end(), {"parent": u.name}))


def short_names(doc: Document) -> None:
    """Stage: a company named again by its short name where nothing else was found:
    江苏沙钢集团有限公司 … 进入沙钢."""
    covered = {i for c in doc.candidates for i in range(c.start, c.end)}
    companies = dict.fromkeys(c.name for c in doc.of_type("Unit") if c.name.endswith(("公司", "集团")))
    for name in companies:
        short = short_unit_name(name)
        if short:
            for m in re.finditer(re.escape(short), doc.flat):
                if m.start() not in covered and m.end() - 1 not in covered:
                    doc.candidates.append(Mention("Unit", name, m.start(), m.end(), {"short": short}))
                    covered.update(range(m.start(), m.end()))


def bare_teams(doc: Document) -> None:
    """Stage: a team named without its unit, before a role and a person: 见到了设备维修班
    班长刘宏伟 → <the last unit>设备维修班."""
    flat, tokens = doc.flat, doc.tokens
    persons = doc.of_type("Person")
    for i, (word, tag, s, e) in enumerate(tokens):
        if tag not in ("n", "nz") or not word.endswith(BARE_TEAM_HEADS) or i + 1 >= len(tokens):
            continue
        role, _, rs, re_ = tokens[i + 1]
        if not role.endswith(TEAM_LEADER_ROLES):
            continue
        if not any(p.start == re_ for p in persons):
            continue
        j = i
        while j > 0 and i - j < 3 and tokens[j - 1][1] in ("n", "nz", "vn") and not tokens[j - 1][0].endswith(ROLE_WORDS):
            j -= 1
        start = tokens[j][2]
        if any(c.start < e and start < c.end for c in doc.candidates if c.type != "Person"):
            continue
        parent = last_before(doc.candidates, start, "Unit")
        if parent:
            doc.candidates.append(Mention("Unit", parent + flat[start:e], start, e, {"parent": parent}))
