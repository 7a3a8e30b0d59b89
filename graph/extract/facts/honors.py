"""RECEIVED from a clause: the subject before a receiving verb (张三2019年获评全国劳动模范;
the last person, unit or studio before the verb, else the clause's subject), the
recipient after 授予 (授予其/授予张三……), a copula (他是全国劳动模范), the recipients
listed after the honor (获评全国劳动模范的有张三、李四), and "其中 …" naming some of
the previous sentence's counted recipients. Titles glued to a name are in appositives.py;
a counted award (120人获评) is an aggregate, not a fact."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.extract.document import Mention, Span
from graph.extract.facts.aggregates import counted_recipients
from graph.extract.facts.awards import recipient_kind
from graph.extract.facts.recorder import FactRecorder, ref
from graph.extract.lists import coordinated
from graph.extract.lexicons import RECEIVE_VERBS
from graph.extract.years import relative_year, year_between

if TYPE_CHECKING:
    from graph.extract.discourse import Discourse

CJK = r"\u4e00-\u9fff"
_COPULA = re.compile(r"(?:是|为|系|成了|成为)(?:(?:19|20)\d{2}年(?:度)?)?(?:第[一二三四五六七八九十\d]{1,3}届|首届)?"
                     r"(?:[" + CJK + r"]{0,2})[“「]?$"
                     r"|(?:是|为|系)[^，。；]*、(?:(?:19|20)\d{2}年(?:度)?)?$")
_HOLDER_OF = re.compile(r"[”」]?(?:称号)?获得者")


def _held(flat: str, h: Mention) -> bool:
    """The title is written as its holder's: …获得者 inside the mention or right after it."""
    return flat[h.start:h.end].endswith("获得者") or bool(_HOLDER_OF.match(flat, h.end))
"""我师傅是…戚振海，全国五一劳动奖章获得者: a title's holder in apposition after a comma."""
_STATUS = re.compile(r"曾获|曾经获|先后获|曾被|曾荣获|多次获")
"""曾获, 先后获得: status titles, no year unless one is written (README, Year rule 4)."""
_LISTED_AFTER = re.compile(r"[”」]?(?:称号)?的(?:有|是|包括)")


def _last_verb(before: str) -> tuple[str, int] | None:
    """The receiving verb that stands last in the text (at one position, the first listed)."""
    verb = None
    for v in RECEIVE_VERBS:
        idx = before.rfind(v)
        if idx != -1 and (verb is None or idx > verb[1]):
            verb = (v, idx)
    return verb


def _recipient(m: Mention) -> tuple[str, str] | None:
    """Who holds an honor a mention receives: a person, unit or studio; a village's honor
    (文明村) is its village committee's (bench/gold/README.md, RECEIVED)."""
    if m.type == "Village":
        return ("Unit", m.name + ("居民委员会" if m.name.endswith("社区") else "村民委员会"))
    if m.type in ("Person", "Unit", "Studio"):
        return ref(m)
    return None


_NAMED_COUNT = re.compile(r"等(?:\d{1,4}|[一二两三四五六七八九十百]{1,4})(?:名|位|个|家)?(?:人|同志|职工|集体|单位|班组|工作室)?")


def named_before_count(flat: str, b: FactRecorder, cms: list[Mention], sent: Span, cs: int, h: Mention,
                       lead_year: int | None, state: Discourse) -> None:
    """U1 role A、U2 role B等10人获评H / A、B、C等8人被授予“H”称号: every item of the list before
    等N receives H (its person; a unit or team item when it names none), with the clause's year."""
    count = None
    for m in _NAMED_COUNT.finditer(flat, cs, h.start):
        count = m
    if count is None:
        return
    kind_unit = bool(re.search(r"集体|单位|班组|工作室|家", count.group(0)))
    items = listed_before(flat, cms, cs, count.start(), kind_unit)
    year = year_between(flat, cs, h.start) or lead_year or state.relative_year
    for item in items:
        holder = _recipient(item)
        if holder:
            b.add("RECEIVED", holder, ref(h), sent, year=year)


def listed_before(flat: str, cms: list[Mention], cs: int, end: int, kind_unit: bool = False) -> list[Mention]:
    """The items of a 、-list ending at `end` (U1 role A、U2 role B), last first: each item's
    person (its unit or team when units are listed), up to the clause's start."""
    items: list[Mention] = []
    while True:
        start = max(flat.rfind("、", cs, end), flat.rfind("，", cs, end), flat.rfind("；", cs, end), cs - 1) + 1
        inside = [m for m in cms if start <= m.start and m.end <= end and _can_receive(m) and not m.anaphor]
        persons = [m for m in inside if m.type == "Person"]
        pick = persons[-1] if persons and not kind_unit else (
            max((m for m in inside if m.type in ("Unit", "Studio", "Village")), key=lambda m: m.end, default=None)
            if kind_unit else None)
        if pick is None or flat[pick.end:end].strip(" \u3000") not in ("", "同志") and pick.type == "Person":
            break
        items.append(pick)
        if start <= cs or flat[start - 1] != "、":
            break
        end = start - 1
    return items


def _can_receive(m: Mention) -> bool:
    return m.type in ("Person", "Unit", "Studio", "Village") and not m.props.get("byline")


def received(flat: str, b: FactRecorder, cms: list[Mention], sent: Span, clause: Span,
             subject: Mention | None, lead_year: int | None, state: Discourse) -> None:
    cs, ce = clause
    for h in [m for m in cms if m.type == "Honor"]:
        before = flat[cs:h.start]
        if counted_recipients(before):
            # counted recipients are an aggregate; those named before 等N人 receive it too
            named_before_count(flat, b, cms, sent, cs, h, lead_year, state)
            continue
        if before.rfind("《") > before.rfind("》"):
            continue  # 《关于表彰…H…的决定》: the decision's name awards nothing by itself
        verb = _last_verb(before)
        copula = _COPULA.search(before)
        if h.props.get("event") and not verb:
            continue  # 青川工匠名单, 劳模代表: named, not awarded
        subj = None
        group: list[Mention] = []
        if verb:
            vpos = cs + verb[1]
            cands = [m for m in cms if _can_receive(m) and m.end <= vpos]
            passive = flat.rfind("被", cs, vpos)
            if passive != -1:  # 被江苏省总工会命名为…: the agent after 被 is no recipient
                cands = [m for m in cands if m.end <= passive]
            subj = cands[-1] if cands else subject
            if subj is None and state.speaker and re.search(r"我(?!们|国|省|市|县|区|院|校|厂)", before[:verb[1]]):
                subj = Mention("Person", state.speaker, cs, cs)  # 2018年，我被评为…, said by the speaker
            group = coordinated(flat, cands) if cands else []
            passive_verb = (flat[max(cs, vpos - 1):vpos] == "被" or passive != -1 and vpos - passive <= 16
                            and not re.search(r"[，。；]", flat[passive:vpos])) and verb[0] in ("授予", "颁发", "命名", "表彰")
            # 罗志诚被中华全国总工会授予…: 被, the giver, then the verb; the one before 被 receives it
            if passive_verb:
                pass  # 罗志诚被授予全国劳动模范称号: the one before 被 receives it
            elif verb[0] in ("授予", "颁发", "命名", "表彰") or verb[0] == "为" and "命名" in before:
                # 授予其/授予张三 …: the recipient follows the verb, the giver stands before it;
                # 命名青川重锻“罗志诚劳模创新工作室”为…: the last one named before 为
                start = cs + before.rfind("命名") if verb[0] == "为" else vpos
                after_verb = [m for m in cms if _can_receive(m) and start < m.start and m.end <= h.start]
                named = "命名" in before and flat.find("为", start, h.start) != -1
                subj = (after_verb[-1] if named else after_verb[0]) if after_verb else None
                group = []
        elif copula:
            cands = [m for m in cms if m.type == "Person" and m.end <= h.start and not m.props.get("byline")]
            subj = cands[-1] if cands else (subject if subject is not None and subject.type == "Person" else None)
        # "获评H的有X、Y等": recipients after the honor, a list (facts/lists.py)
        if verb and _LISTED_AFTER.match(flat[h.end:ce]):
            continue
        if subj is None and not verb and not copula and _held(flat, h) \
                and re.fullmatch(r"[“「]?", before) and flat[cs - 1:cs] in ("，", ","):
            # P，H获得者: the holder named just before the comma
            subj = next((m for m in reversed(b.doc.mentions) if m.type == "Person" and m.end == cs - 1), None)
        if subj is None or not _can_receive(subj):
            continue
        if not verb and not copula and not _held(flat, h):
            continue
        holder = _recipient(subj)
        if holder is None or holder[0] == "Person" and h.name.endswith("工作室"):
            continue  # 罗志诚领衔的创新工作室被命名为…工作室: a studio title is the studio's, never a person's
        if holder[0] == "Person" and recipient_kind(h.name) in ("team", "unit"):
            continue  # 他所在的车间被评为…工人先锋号: a collective title is no person's
        # the clause's own year (2021年获得B，今年又获得C), else the one between subject and title,
        # else the sentence's opener, else a relative word of the clause
        year = year_between(flat, cs, h.start)
        if year is None and verb and not _STATUS.search(before):
            year = relative_year(flat, cs, h.start, state.publication_year, state.publication_month)
        if year is None and subj.start < h.start:
            year = year_between(flat, subj.start, h.start)
        if year is None and verb and not _STATUS.search(before):
            # 2020年，…；2022年，他又获评H: the last year written before the title in the sentence
            year = year_between(flat, sent[0], h.start) or lead_year or state.relative_year
        if holder[0] == "Unit" and subj.type == "Village":
            b.add("LOCATED_IN", holder, ref(subj), sent)
        b.add("RECEIVED", holder, ref(h), sent, year=year)
        if verb and "、" in flat[cs:subj.start] and subj.end <= cs + verb[1]:
            # U1 role A、U2 role B获得H / U1 S1、U2 S2入选…: every item of the list before the verb
            group = [*listed_before(flat, cms, cs, subj.end, subj.type != "Person")[1:], *(group or [subj])]
        elif verb and (list_start := (cs + before.rfind("命名") + 2 if verb[0] == "为" and "命名" in before
                                      else cs + verb[1] + len(verb[0]))) <= subj.start \
                and "、" in flat[list_start:subj.start]:
            # 命名S1、S2等12个工作室为H / 授予A、B“H”称号: every item of the list after the verb
            group = [*listed_before(flat, cms, list_start, subj.end, subj.type != "Person")[1:], *(group or [subj])]
        for other in group[:-1]:  # 宋一帆、刘佳去年获评青川工匠: every one of them
            if other is not subj and _recipient(other):
                b.add("RECEIVED", _recipient(other), ref(h), sent, year=year)
    # "其中，南湖区有王建国（…）、刘晓梅（…）": the named among a counted award
    counted = [a for a in state.aggregates if a.recipient_kind == "person"]
    if clause[0] == sent[0] and flat[sent[0]:sent[1]].startswith("其中") and counted:
        for m in b.doc.mentions:
            if m.type == "Person" and sent[0] <= m.start and m.end <= sent[1]:
                b.add("RECEIVED", ("Person", m.name), ("Honor", counted[-1].honor), sent, year=counted[-1].year)
