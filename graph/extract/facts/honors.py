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
from graph.extract.facts.recorder import FactRecorder, ref
from graph.extract.lexicons import RECEIVE_VERBS
from graph.extract.years import year_between

if TYPE_CHECKING:
    from graph.extract.discourse import Discourse

CJK = r"\u4e00-\u9fff"
_COPULA = re.compile(r"(?:是|为|系)(?:[" + CJK + r"]{0,2})$|(?:是|为|系)[^，。；]*、$")
_LISTED_AFTER = re.compile(r"[”」]?(?:称号)?的(?:有|是|包括)")


def _last_verb(before: str) -> tuple[str, int] | None:
    """The receiving verb that stands last in the text (at one position, the first listed)."""
    verb = None
    for v in RECEIVE_VERBS:
        idx = before.rfind(v)
        if idx != -1 and (verb is None or idx > verb[1]):
            verb = (v, idx)
    return verb


def received(flat: str, b: FactRecorder, cms: list[Mention], sent: Span, clause: Span,
             subject: Mention | None, lead_year: int | None, state: Discourse) -> None:
    cs, ce = clause
    for h in [m for m in cms if m.type == "Honor"]:
        before = flat[cs:h.start]
        if counted_recipients(before):
            continue  # counted recipients are an aggregate, not a person
        verb = _last_verb(before)
        copula = _COPULA.search(before)
        subj = None
        if verb:
            vpos = cs + verb[1]
            cands = [m for m in cms if m.type in ("Person", "Unit", "Studio") and m.end <= vpos]
            subj = cands[-1] if cands else subject
            if verb[0] in ("授予", "颁发"):  # 授予其/授予张三 …: the recipient follows the verb
                after_verb = [m for m in cms if m.type in ("Person", "Unit") and vpos < m.start and m.end <= h.start]
                if after_verb:
                    subj = after_verb[0]
        elif copula:
            cands = [m for m in cms if m.type == "Person" and m.end <= h.start]
            subj = cands[-1] if cands else (subject if subject is not None and subject.type == "Person" else None)
        # "获评H的有X、Y等": recipients after the honor
        if verb and _LISTED_AFTER.match(flat[h.end:ce]):
            year = lead_year or next((a.year for a in reversed(b.aggregates) if a.honor == h.name), None)
            for m in [m for m in cms if m.start >= h.end and m.type in ("Person", "Unit")]:
                b.add("RECEIVED", ref(m), ref(h), sent, year=year)
            continue
        if subj is None or subj.type not in ("Person", "Unit", "Studio"):
            continue
        if not verb and not copula:
            continue
        year = None
        if verb:
            year = year_between(flat, min(subj.start, h.start), h.start) or lead_year
        b.add("RECEIVED", ref(subj), ref(h), sent, year=year)
    # "其中，南湖区有王建国（…）、刘晓梅（…）": the named among a counted award
    counted = [a for a in state.aggregates if a.recipient_kind == "person"]
    if clause[0] == sent[0] and flat[sent[0]:sent[1]].startswith("其中") and counted:
        for m in b.doc.mentions:
            if m.type == "Person" and sent[0] <= m.start and m.end <= sent[1]:
                b.add("RECEIVED", ("Person", m.name), ("Honor", counted[-1].honor), sent, year=counted[-1].year)
