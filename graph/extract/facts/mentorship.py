"""MENTORS (master → apprentice) from the cue words of 师徒 relations, rule by rule in a
fixed order. The discourse keeps the current master: X开始带徒 makes X the master that a
later "徒弟Y" belongs to."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.extract.document import Mention, Span
from graph.extract.facts.recorder import FactRecorder, ref
from graph.extract.lexicons import JOINERS, MENTOR_CUES, ROLE_WORDS, alternation
from graph.extract.lists import coordinated

if TYPE_CHECKING:
    from graph.extract.discourse import Discourse

CJK = r"\u4e00-\u9fff"
_MENTOR_CUE = re.compile(alternation(MENTOR_CUES))
_PAIRING = ("师徒结对", "结成师徒", "结对", "签订师徒协议", "签订了师徒协议", "签订师徒合同", "签订了师徒合同", "签下师徒协议")
_BREAK = re.compile(r"[，。；]")


def mentorship(flat: str, b: FactRecorder, ms: list[Mention], sent: Span, lead_year: int | None,
               state: Discourse) -> None:
    persons = [m for m in ms if m.type == "Person"]
    if not persons and not _MENTOR_CUE.search(flat[sent[0]:sent[1]]):
        return
    for rule in (takes_apprentices, under_guidance, becomes_apprentice, apprentice_of_master, is_apprentice_of,
                 trains, my_master_or_apprentice, master_named, learns_from, whose_master_is, named_among_apprentices):
        rule(flat, b, persons, sent, lead_year, state)


def takes_apprentices(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                      state: Discourse) -> None:
    """X开始带徒 / X带出…徒弟 / X收徒: X, the sentence's first person, becomes the master of
    the discourse. X与Y结成师徒 / 师徒结对: also MENTORS X → Y, with the sentence's year."""
    s, e = sent
    for m in re.finditer(r"带徒|带出|收徒|收了|带了|师徒结对|结成师徒|结对|签订了?师徒(?:协议|合同)|签下师徒协议", flat[s:e]):
        pos = s + m.start()
        before = [p for p in persons if p.end <= pos]
        if before and m.group(0) not in _PAIRING:
            state.master = before[0].name
        elif before and m.group(0) in _PAIRING:
            subj = before[0]
            for other in before[1:]:
                if "与" in flat[subj.end:other.start] or "和" in flat[subj.end:other.start]:
                    b.add("MENTORS", ref(subj), ref(other), sent, year=lead_year)
            state.master = subj.name


def under_guidance(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                   state: Discourse) -> None:
    """在X的指导下，Y…: X mentors Y (also 培养, 带领, 悉心指导, 言传身教)."""
    s, e = sent
    for m in re.finditer(r"的(?:指导|培养|带领|悉心指导|言传身教)下", flat[s:e]):
        pos = s + m.start()
        mentor = [p for p in persons if p.end == pos]
        mentees = [p for p in persons if p.start > pos]
        if mentor and mentees:
            b.add("MENTORS", ref(mentor[0]), ref(mentees[0]), sent)


def becomes_apprentice(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                       state: Discourse) -> None:
    """Y拜X为师: X mentors Y, with the sentence's year."""
    s, e = sent
    for m in re.finditer(r"拜", flat[s:e]):
        pos = s + m.start()
        after = [p for p in persons if p.start >= pos and (p.start - pos <= 2 or p.start - pos <= 10
                                                            and _role_only(flat[pos + 1:p.start]))]
        before = [p for p in persons if p.end <= pos]
        if after and before and "为师" in flat[after[0].end:after[0].end + 3]:
            b.add("MENTORS", ref(after[0]), ref(before[-1]), sent, year=lead_year)


def _role_only(text: str) -> bool:
    """拜老钳工范德厚为师: only a role or title between the verb and the name."""
    return bool(re.fullmatch(r"[" + CJK + r"]{1,8}", text)) and text.endswith(ROLE_WORDS + _TITLES)


_TITLES = ("劳动模范", "劳模", "工匠", "先进工作者", "技术能手", "大师")


def apprentice_of_master(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                         state: Discourse) -> None:
    """徒弟Y / 其徒弟Y / X的徒弟Y / 第一个徒弟是Y: Y (within the clause) is an apprentice of
    the person just before (X的, 其), else of the discourse's master. The year only where
    the sentence speaks of taking apprentices (带徒, 收徒, 拜师, 结对)."""
    s, e = sent
    text = flat[s:e]
    for m in re.finditer(r"徒弟", text):
        pos = s + m.end()
        mentee = next((p for p in persons if p.start >= pos and p.start - pos <= 14 and not p.anaphor
                       and not _BREAK.search(flat[pos:p.start])), None)
        if mentee is None:
            continue
        mentor = None
        owner = [p for p in persons if p.end <= pos - 2 and p is not mentee]
        if owner and (flat[owner[-1].end:pos - 2] in ("的", "") or owner[-1].anaphor and owner[-1].end == pos - 2):
            mentor = owner[-1].name
        if mentor is None and state.speaker and (re.search(r"我(?:带的|的|带出的|带过的)?$", flat[max(s, pos - 6):pos - 2])
                                                  or not state.master):
            mentor = state.speaker  # 我带的徒弟 / 徒弟应丽娜…, said by the speaker
        mentor = mentor or state.master
        if mentor and mentor != mentee.name:
            since = lead_year if re.search(r"带徒|收徒|拜师|结对|结成师徒", text) else None
            group = [mentee]
            for p in persons:  # 徒弟——黄海和梁小宁: every one of them
                if p.start > group[-1].start and flat[group[-1].end:p.start] in (*JOINERS, "以及") and not p.anaphor:
                    group.append(p)
            for one in group:
                if one.name != mentor:
                    b.add("MENTORS", ("Person", mentor), ref(one), sent, year=since)
            state.master = mentor


def is_apprentice_of(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                     state: Discourse) -> None:
    """P1、P2均是他的徒弟 / P是X的徒弟: X mentors every listed P."""
    s, e = sent
    for m in re.finditer(r"(?:均|都|也)?是([" + CJK + r"·]{0,4}?)(带出|带|培养|教出|收)?的(?:徒弟|学徒|弟子)", flat[s:e]):
        pos = s + m.start()
        owner = next((p for p in persons if p.start >= pos and p.end == s + m.end(1)), None)
        before = [p for p in persons if p.end <= pos and not p.anaphor]
        if owner and before:
            for mentee in coordinated(flat, before):
                if mentee.name != owner.name:
                    b.add("MENTORS", ref(owner), ref(mentee), sent)


def trains(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
           state: Discourse) -> None:
    """X指导/培养/带出(了)(青年教师)Y和Z: X, in the same clause before the verb, mentors Y
    and Z (named within 8 characters after the verb, in the same clause)."""
    s, e = sent
    for m in re.finditer(r"(?:悉心|先后|亲自|手把手)?(?:指导|培养|带出|带教|培育)(?:了|出|过)?", flat[s:e]):
        vpos, vend = s + m.start(), s + m.end()
        mentor = [p for p in persons if p.end <= vpos and not _BREAK.search(flat[p.end:vpos])]
        after = [p for p in persons if p.start >= vend and not p.anaphor]
        if not mentor or not after or after[0].start - vend > 8 or _BREAK.search(flat[vend:after[0].start]):
            continue
        group = [after[0]]
        for p in after[1:]:
            if flat[group[-1].end:p.start] in JOINERS:
                group.append(p)
            else:
                break
        for mentee in group:
            if mentee.name != mentor[-1].name:
                b.add("MENTORS", ref(mentor[-1]), ref(mentee), sent)


def my_master_or_apprentice(flat: str, b: FactRecorder, persons: list[Mention], sent: Span,
                            lead_year: int | None, state: Discourse) -> None:
    """“我的师傅是X” / “我的徒弟X” said by the sentence's speaker."""
    s, e = sent
    for m in re.finditer(r"我的(师傅|师父|徒弟)", flat[s:e]):
        pos = s + m.end()
        other = next((p for p in persons if p.start >= pos and p.start - pos <= 20 and not p.anaphor
                      and not re.search(r"[，。；“”]", flat[pos:p.start])), None)
        if other and state.speaker and other.name != state.speaker:
            if m.group(1) == "徒弟":
                b.add("MENTORS", ("Person", state.speaker), ref(other), sent)
            else:
                b.add("MENTORS", ref(other), ("Person", state.speaker), sent)


def master_named(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                 state: Discourse) -> None:
    """Y…师傅X (师傅 right before a name): X mentors the person named last before it."""
    s, e = sent
    for m in re.finditer(r"师傅", flat[s:e]):
        pos = s + m.end()
        master = next((p for p in persons if p.start == pos and not p.anaphor), None)
        if master:
            apprentice = [p for p in persons if p.end <= s + m.start() and p.name != master.name]
            if apprentice:
                b.add("MENTORS", ref(master), ref(apprentice[-1]), sent)


def learns_from(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                state: Discourse) -> None:
    """Y师从X / 跟着X学 / 跟随X: X (titles before the name allowed) mentors Y, the person before
    the cue, else the one the discourse is about (他师从全国劳动模范郑永昌)."""
    s, e = sent
    for m in re.finditer(r"师从|跟随|跟着|跟", flat[s:e]):
        pos = s + m.end()
        master = next((p for p in persons if p.start >= pos and not p.anaphor
                       and (p.start == pos or p.start - pos <= 10 and _role_only(flat[pos:p.start]))), None)
        if master is None or m.group(0) in ("跟着", "跟") and not re.match(r"[^，。；]{0,10}学", flat[master.end:e]):
            continue
        before = [p for p in persons if p.end <= s + m.start() and not re.search(r"[。；]", flat[p.end:s + m.start()])]
        if before and before[-1].name != master.name:
            b.add("MENTORS", ref(master), ref(before[-1]), sent)


def whose_master_is(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                    state: Discourse) -> None:
    """她的师傅是全国劳动模范沈国良 / Y的师傅是X: X mentors Y (她/他/其 the discourse's person)."""
    s, e = sent
    for m in re.finditer(r"的(?:师傅|师父)(?:是|为|，是)", flat[s:e]):
        pos = s + m.end()
        master = next((p for p in persons if p.start >= pos and not p.anaphor
                       and (p.start == pos or p.start - pos <= 10 and _role_only(flat[pos:p.start]))), None)
        owner = next((p for p in persons if p.end == s + m.start()), None)
        if master and owner and owner.name != master.name and not flat[max(s, owner.start - 1):owner.start] == "我":
            b.add("MENTORS", ref(master), ref(owner), sent)


def named_among_apprentices(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                            state: Discourse) -> None:
    """X带出了徒弟三十多人，其中A、B… / X收了8个徒弟，其中A、B: the named are X's apprentices."""
    s, e = sent
    for m in re.finditer(r"(?:带出了?|收了?|培养了?|带了)[^，。；]{0,8}?(?:徒弟|学徒|弟子)[^，。；]{0,8}[，,]其中", flat[s:e]):
        pos = s + m.end()
        master = [p for p in persons if p.end <= s + m.start()]
        mentor = master[-1] if master else None
        if mentor is None:
            continue
        group: list[Mention] = []
        for p in persons:
            if p.start < pos or p.anaphor:
                continue
            gap = flat[(group[-1].end if group else pos):p.start]
            if gap in ("", *JOINERS, "以及") or not group and len(gap) <= 2:
                group.append(p)
            else:
                break
        for p in group:
            if p.name != mentor.name:
                b.add("MENTORS", ref(mentor), ref(p), sent)
