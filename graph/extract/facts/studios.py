"""A studio's people and host, from the first studio (or 工作室 anaphor) of a sentence:
LEADS for the person it is named after (张海峰劳模创新工作室), 由X领衔 or 负责人X;
HOSTED_BY the unit glued before it (巨石集团的…工作室) or after 依托/设在/落户/建在;
MEMBER_OF for the names listed after 成员(包括/有/为)."""
from __future__ import annotations

import re

from graph.extract.document import Mention, Span
from graph.extract.facts.recorder import FactRecorder, ref
from graph.extract.lexicons import JOINERS

_MEMBER_JOINERS = ("", *JOINERS)


def studio_facts(flat: str, b: FactRecorder, ms: list[Mention], sent: Span) -> None:
    s, e = sent
    text = flat[s:e]
    studios = [m for m in ms if m.type == "Studio"]
    if not studios:
        return
    st = studios[0]  # one studio per sentence carries these cues
    persons = [m for m in ms if m.type == "Person" and not m.anaphor]
    leader = None
    if not st.anaphor and st.props.get("leader"):
        leader = st.props["leader"]
    led_by = re.search(r"由([^，。；]{0,30}?)领衔", text)
    if led_by:
        inner = [p for p in persons if s + led_by.start(1) <= p.start and p.end <= s + led_by.end(1)]
        if inner:
            leader = inner[-1].name
    m = re.search(r"(?:负责人|领衔人|带头人)", text)
    if m:
        after = [p for p in persons if p.start >= s + m.end() and p.start - (s + m.end()) <= 2]
        if after:
            leader = after[0].name
    if leader:
        b.add("LEADS", ("Person", leader), ref(st), sent)
    if not st.anaphor:
        host = [u for u in ms if u.type == "Unit" and u.end <= st.start and flat[u.end:st.start] in ("", "的")]
        if host:
            b.add("HOSTED_BY", ref(st), ref(host[-1]), sent)
    # 成员(包括)P1、P2、P3
    for m in re.finditer(r"成员(?:包括|有|为)?", text):
        pos = s + m.end()
        group: list[Mention] = []
        for p in persons:
            if p.start < pos:
                continue
            gap = flat[(group[-1].end if group else pos):p.start]
            if gap in _MEMBER_JOINERS:
                group.append(p)
            else:
                break
        for p in group:
            b.add("MEMBER_OF", ref(p), ref(st), sent)
    # 依托U / 设在U
    for m in re.finditer(r"依托|设在|落户|建在", text):
        pos = s + m.end()
        u = next((x for x in ms if x.type == "Unit" and x.start >= pos and x.start - pos <= 2), None)
        if u:
            b.add("HOSTED_BY", ref(st), ref(u), sent)
