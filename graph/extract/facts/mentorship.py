"""MENTORS (master → apprentice) from the cue words of 师徒 relations, rule by rule in a
fixed order. The discourse keeps the current master: X开始带徒 makes X the master that a
later "徒弟Y" belongs to."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.extract.document import Mention, Span
from graph.extract.facts.recorder import FactRecorder, ref
from graph.extract.facts.teaching import speaker_cues, teacher_of, teaching
from graph.extract.lexicons import JOINERS, MENTOR_CUES, ROLE_WORDS, alternation
from graph.extract.lists import coordinated
from graph.extract.years import year_between

if TYPE_CHECKING:
    from graph.extract.discourse import Discourse

CJK = r"\u4e00-\u9fff"
_MENTOR_CUE = re.compile(alternation(MENTOR_CUES))
_PAIRING = ("师徒结对", "结成师徒", "结对", "签订师徒协议", "签订了师徒协议", "签订师徒合同", "签订了师徒合同", "签下师徒协议",
            "举行了拜师仪式", "举行拜师仪式", "举办了拜师仪式", "举办拜师仪式")
_BREAK = re.compile(r"[，。；]")
_PAIRING_FORM = re.compile(r"结成了?师徒|签订了?(?:师徒|师带徒)(?:协议|合同)|签下(?:师徒|师带徒)协议")
"""X和刚入职的护士Y结成了师徒 / X和A、B签订了师带徒协议: the forms of pairing with 了 and 师带徒."""


def mentorship(flat: str, b: FactRecorder, ms: list[Mention], sent: Span, lead_year: int | None,
               state: Discourse) -> None:
    persons = [m for m in ms if m.type == "Person"]
    if not persons and not _MENTOR_CUE.search(flat[sent[0]:sent[1]]):
        return
    for rule in (takes_apprentices, under_guidance, becomes_apprentice, takes_as_apprentice, apprentice_of_master,
                 is_apprentice_of, described_master_of, trains, my_master_or_apprentice, master_of_the_speaker,
                 master_named, learns_from, whose_master_is, named_among_apprentices):
        rule(flat, b, persons, sent, lead_year, state)
    teaching(flat, b, persons, sent, lead_year, state)


def takes_apprentices(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                      state: Discourse) -> None:
    """X开始带徒 / X带出…徒弟 / X收徒: X, the sentence's first person, becomes the master of
    the discourse. X与Y结成师徒 / 师徒结对: also MENTORS X → Y, with the sentence's year."""
    s, e = sent
    for m in re.finditer(r"举[行办]了?拜师仪式|带徒|带出|收徒|收了|带了|师徒结对|结成了?师徒|结对|签订了?(?:师徒|师带徒)(?:协议|合同)"
                         r"|签下(?:师徒|师带徒)协议", flat[s:e]):
        pos = s + m.start()
        before = [p for p in persons if p.end <= pos]
        pairing = m.group(0) in _PAIRING or _PAIRING_FORM.fullmatch(m.group(0))
        if before and not pairing:
            state.master = before[0].name
        elif before and pairing:
            subj = before[0]
            partners = [o for o in before[1:] if "与" in flat[subj.end:o.start] or "和" in flat[subj.end:o.start]]
            if len(partners) == 1 and _prominence(b, partners[0].name) > _prominence(b, subj.name):
                # 彭思远…第一天就和沈雨桐结成了师徒, in a feature about 沈雨桐: the one the text is about is the master
                b.add("MENTORS", ref(partners[0]), ref(subj), sent, year=lead_year)
                continue
            for other in partners:
                b.add("MENTORS", ref(subj), ref(other), sent, year=lead_year)
            state.master = subj.name


def _prominence(b: FactRecorder, name: str) -> int:
    """How much the text is about a person: their mentions and the studios named after them."""
    return sum(1 for m in b.doc.mentions if m.type == "Person" and m.name == name
               or m.type == "Studio" and m.name.startswith(name))


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
        if not after or "为师" not in flat[after[0].end:after[0].end + 3]:
            # 拜老班长、全国劳动模范X为师: the name right before 为师, whatever describes it
            after = [p for p in persons if flat.startswith("为师", p.end) and p.start > pos
                     and _described(flat[pos + 1:p.start], 32)]
        before = [p for p in persons if p.end <= pos]
        if after and "为师" in flat[after[0].end:after[0].end + 3]:
            apprentice: tuple[str, str] | None = ref(before[-1]) if before else None
            if apprentice is None and state.speaker and "我" in flat[s:pos]:
                apprentice = ("Person", state.speaker)  # 我第二年才正式拜他为师, said by the speaker
            if apprentice is None:
                continue
            master = after[0].name
            if after[0].anaphor and master == apprentice[1]:
                master = _someone_else(state, master)  # A来到车间，拜他为师: 他 is not A
            if master:  # 2009年，A拜X为师 / A2016年拜X为师: the year before 拜
                b.add("MENTORS", ("Person", master), apprentice, sent, year=lead_year or year_between(flat, s, pos))


def takes_as_apprentice(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                        state: Discourse) -> None:
    """X收Y为徒 / X收下Y当徒弟 / X把Y收作徒弟: X (the nearest person before, in the sentence)
    mentors Y, with the sentence's year."""
    s, e = sent
    for m in re.finditer(r"收(?:了|下)?", flat[s:e]):
        pos = s + m.end()
        mentee = next((p for p in persons if p.start == pos), None)
        if mentee is None or not re.match(r"(?:为|作|做|当)(?:徒|徒弟|学徒|弟子)", flat[mentee.end:mentee.end + 3]):
            continue
        before = [p for p in persons if p.end <= s + m.start()]
        master = next((p for p in reversed(before) if not p.anaphor), None)
        if master is None and state.speaker and "我" in flat[s:s + m.start()]:
            master = Mention("Person", state.speaker, s, s)
        if master is None:
            continue
        apprentice: str | None = mentee.name
        if mentee.anaphor and apprentice == master.name:  # A进队，X看他肯吃苦，就收他为徒: 他 is A
            apprentice = next((p.name for p in reversed(before) if p.name != master.name), None) \
                or _someone_else(state, master.name)
        if apprentice and apprentice != master.name:
            b.add("MENTORS", ref(master), ("Person", apprentice), sent, year=lead_year)


def _someone_else(state: Discourse, name: str) -> str | None:
    """The person most recently named before this sentence who is not `name`."""
    for names in reversed(state.recent_persons):
        for other in reversed(names):
            if other != name:
                return other
    return None


_DESCRIPTION_BREAK = re.compile(r"[，。；：:“”「」\n]")
_QUOTED_TITLE = re.compile(r"[“「][^“”「」，。；]{1,10}[”」]")
"""首批“椰城工匠”X, 码头上有名的“桥吊状元”X: a quoted title or nickname inside a description."""


def _described(text: str, limit: int = 20) -> bool:
    """Only a description between a cue and a name (老焊工、湖南省劳动模范 in 拜…为师, 酿酒老把式、
    原车间主任 after 师从): a short run without a clause break."""
    text = _QUOTED_TITLE.sub("T", text)
    return len(text) <= limit and not _DESCRIPTION_BREAK.search(text)


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
                       and (not _BREAK.search(flat[pos:p.start]) or _NAMED_AS.fullmatch(flat[pos:p.start]))), None)
        if mentee is None:
            continue
        mentor = None
        owner = [p for p in persons if p.end <= pos - 2 and p is not mentee]
        if owner and (flat[owner[-1].end:pos - 2] in ("的", "") or owner[-1].anaphor and owner[-1].end == pos - 2
                      or _OWNER_GAP.fullmatch(flat[owner[-1].end:pos - 2])
                      or _WITH_APPRENTICES.fullmatch(flat[owner[-1].end:pos - 2])):
            mentor = owner[-1].name  # X的徒弟Y, X带出的徒弟Y, X与徒弟Y…, X把绝活传给了徒弟Y
        together = re.search(r"(?:和|与|同)(?:他|她)" + _OWNER_GAP.pattern + "$", flat[s:pos - 2])
        if together:  # X和他带的徒弟A、B: 他 is X
            named = [p for p in persons if p.end == s + together.start() and not p.anaphor]
            mentor = named[0].name if named else mentor
        if mentor is None and state.speaker and state.speaker != mentee.name and (re.search(r"我(?:带的|的|带出的|带过的)?$", flat[max(s, pos - 6):pos - 2])
                                                  or not state.master):
            mentor = state.speaker  # 我带的徒弟 / 徒弟应丽娜…, said by the speaker
        mentor = mentor or state.master or _studio_leader(b, state, text) or _protagonist(state, flat, pos - 2)
        if mentor and mentor != mentee.name:
            since = lead_year if re.search(r"带徒|收徒|拜师|结对|结成师徒", text) else None
            for one in listed_after(flat, persons, mentee):  # 徒弟——黄海和梁小宁: every one of them
                if one.name != mentor:
                    b.add("MENTORS", ("Person", mentor), ref(one), sent, year=since)
            state.master = mentor


_WITH_APPRENTICES = re.compile(r"(?:也|又|还|已|开始)?(?:与|和|同|带着|带领|领着|带起了?|带上了?|收下了?)(?:他的|她的|自己的)?"
                               r"|[^，。；]{0,12}?(?:传授|传|教|交)给了?(?:他的|她的|自己的)?")
"""X与徒弟Y一起…, X把绝活传授给了徒弟Y: X is the master of the apprentice named."""
def _protagonist(state: Discourse, flat: str, pos: int) -> str | None:
    """徒弟高丽萍说：… in a feature about one person: a bare 徒弟 opening what someone says is
    an apprentice of the person the text is about (the one it names most, named at least twice)."""
    if not re.match(r"徒弟[\u4e00-\u9fff·]{2,6}(?:说|回忆|笑着说)", flat[pos:pos + 12]) or not state.person_counts:
        return None
    name, count = state.person_counts.most_common(1)[0]
    return name if count >= 2 else None


def _studio_leader(b: FactRecorder, state: Discourse, text: str) -> str | None:
    """工作室现有学员二十余人，其中大徒弟A…: the apprentices of a studio are its leader's."""
    if not state.studio or not re.search(r"工作室|学员", text):
        return None
    return next((m.props.get("leader") for m in b.doc.mentions if m.type == "Studio" and m.name == state.studio
                 and m.props.get("leader")), None)


_OWNER_GAP = re.compile(r"(?:\d{4}年)?(?:在[\u4e00-\u9fff]{1,8}?)?(?:最近|最早|早年|当年|后来|亲手|亲自|一手|手把手|结对)?"
                        r"(?:带出来|带出|带过|带教|带|收|培养出?|教出来|教出|(?:带|教)了?[\d一二三四五六七八九十几两]+年)的"
                        r"(?:第[一二三四五六七八九十\d]+个|最早的|首批|得意|最得意的|关门|[两二三四五六七八九十几\d]+(?:名|个|位))?"
                        r"(?:女|男)?")
"""What stands between a master and 徒弟: X带出的, X2012年带出的, X带的第一个 (徒弟)."""


_NAMED_AS = re.compile(r"[，,](?:[" + CJK + r"]{0,4}?)(?:叫|名叫|叫做)")
"""X带了徒弟，叫Y / 他带出了徒弟，小伙子叫Y: the apprentice named in the next clause."""
_LIST_DESCRIPTION = re.compile(r"[" + CJK + r"]{0,10}")


def listed_after(flat: str, persons: list[Mention], first: Mention) -> list[Mention]:
    """The names listed from `first` on: joined by 、/和/与/及/以及, each maybe after a short
    role of its own (外科医生A和麻醉科医生B, A、B和回族青年教师C)."""
    group = [first]
    for p in persons:
        if p.start <= group[-1].start or p.anaphor:
            continue
        gap = flat[group[-1].end:p.start]
        joiner = next((j for j in ("以及", *JOINERS) if gap.startswith(j)), None)
        rest = gap[len(joiner):] if joiner else None
        if rest is not None and (rest == "" or _LIST_DESCRIPTION.fullmatch(rest) and rest.endswith(ROLE_WORDS)):
            group.append(p)
        else:
            break
    return group


def is_apprentice_of(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                     state: Discourse) -> None:
    """P1、P2均是他的徒弟 / P是X的徒弟: X mentors every listed P."""
    s, e = sent
    for m in re.finditer(r"(?:均|都|也|还)?是([" + CJK + r"·]{0,4}?)(带出|带|培养|教出|收)?的"
                         r"(?:第[一二三四五六七八九十\d]{1,3}(?:个|位|批)|首批|最小的|最早的|最后一个)?(?:女|男)?(?:得意|最得意的|关门)?"
                         r"(?:徒弟|学徒|弟子|门生|高徒|爱徒)", flat[s:e]):
        pos = s + m.start()
        owner = next((p for p in persons if p.start >= pos and p.end == s + m.end(1)), None)
        before = [p for p in persons if p.end <= pos and not p.anaphor]
        if owner and before:
            for mentee in coordinated(flat, before):
                if mentee.name != owner.name:
                    b.add("MENTORS", ref(owner), ref(mentee), sent)
    # A是X2012年带出的徒弟, A还是X带的第一个徒弟, A、B是我带的徒弟, A…成了他的徒弟
    for m in re.finditer(r"(?:均|都|也|还|就)?(?:是|成了|成为)(?:我|(?=[" + CJK + r"]))", flat[s:e]):
        pos, after = s + m.start(), s + m.end()
        if flat[after - 1] == "我":
            owner_name, owner_end = state.speaker, after
        else:
            owner = next((p for p in persons if p.start == after), None)
            owner_name, owner_end = (owner.name, owner.end) if owner else (None, after)
        gap = re.match(r"(?:" + _OWNER_GAP.pattern + r"(?:徒弟|学徒|弟子|学生|接班人)|的(?:徒弟|学徒|弟子))", flat[owner_end:e]) \
            or re.match(r"(?:亲手|亲自|一手)?(?:带出来|带出|教出来|培养出来)的(?=[。，；！”])", flat[owner_end:e])
        # A、B都是我带出来的: no 徒弟 needed after a verb of training
        plain = gap is not None and flat[owner_end:owner_end + 1] == "的"
        if not owner_name or not gap or plain and m.group(0).endswith("是") and flat[after - 1] != "我":
            continue  # X是Y的徒弟 is the rule above
        before = [p for p in persons if p.end <= pos]
        if not before:
            continue
        gap_before = flat[before[-1].end:pos]
        if len(gap_before) <= 2 and not _DESCRIPTION_BREAK.search(gap_before.lstrip("，,")):
            mentees = coordinated(flat, before)  # A、B都是…, 黄丽则是…, 大学生A，就是她带的第一个徒弟
        elif m.group(0).endswith(("成了", "成为")):
            mentees = [before[0]]  # 刚入职的A被分到X手下，成了他的徒弟: the sentence's subject
        else:
            continue
        year = year_between(flat, owner_end, owner_end + gap.end()) or (None if m.group(0).endswith("是") else lead_year)
        if owner_name in {p.name for p in mentees} and flat[after - 1] != "我":
            # 大学生A，就是她带的第一个徒弟: 她 read back to A is not A's teacher
            pron = next((p for p in persons if p.start == after and p.anaphor), None)
            owner_name = teacher_of(state, pron, persons, pos) if pron else owner_name
        for mentee in mentees:
            if mentee.name != owner_name:
                b.add("MENTORS", ("Person", owner_name), ref(mentee), sent, year=year)


def described_master_of(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                        state: Discourse) -> None:
    """A是全国劳动模范、某公司老工匠X的徒弟: a described X (titles, unit, role before the name)
    mentors A and those listed with A."""
    s, e = sent
    for m in re.finditer(r"的(?:徒弟|学徒|弟子)", flat[s:e]):
        pos = s + m.start()
        owner = next((p for p in persons if p.end == pos and not p.anaphor), None)
        if owner is None:
            continue
        before = [p for p in persons if p.end <= owner.start and not p.anaphor]
        if not before:
            continue
        cop = re.fullmatch(r"(?:均|都|也|还|同样|就)?是(.*)", flat[before[-1].end:owner.start])
        if cop and cop.group(1) and _described(cop.group(1), 30):
            for mentee in coordinated(flat, before):
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
    for m in re.finditer(r"我(?:自己)?的(师傅|师父|徒弟)(?:有|是|里|中|当中)?[，,：:]?|我(师傅|师父)(?=是|叫)(?:是|叫)", flat[s:e]):
        pos = s + m.end()
        other = next((p for p in persons if p.start >= pos and p.start - pos <= 20 and not p.anaphor
                      and not re.search(r"[，。；“”]", flat[pos:p.start])), None)
        if other and state.speaker and other.name != state.speaker:
            if m.group(1) == "徒弟":  # (group 2 is 我师傅是X)
                for one in listed_after(flat, persons, other):
                    b.add("MENTORS", ("Person", state.speaker), ref(one), sent)
            else:
                b.add("MENTORS", ref(other), ("Person", state.speaker), sent)


def master_of_the_speaker(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                          state: Discourse) -> None:
    """X…她是我真正的师傅 / 带我的是X老师, said by the speaker: X mentors the speaker."""
    s = sent[0]
    for m in speaker_cues(r"是我(?:真正的|的|最好的|第一个|的第一个)(?:师傅|师父|老师)", flat, sent, state):
        pos = s + m.start()
        master = next((p for p in reversed(persons) if p.end <= pos and not _BREAK.search(flat[p.end:pos])), None)
        if master and master.name != state.speaker:
            b.add("MENTORS", ref(master), ("Person", state.speaker), sent)
    for m in speaker_cues(r"带(?:过)?我的(?:师傅)?是", flat, sent, state):
        pos = s + m.end()
        master = next((p for p in persons if p.start >= pos and _described(flat[pos:p.start], 16)), None)
        if master and master.name != state.speaker:
            b.add("MENTORS", ref(master), ("Person", state.speaker), sent)


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


_SPAN = r"(?:[\d一二两三四五六七八九十几半]+(?:年|个月))"
"""A、B跟着他一年，已经能独立…: following someone for a span of time is learning from them."""


def learns_from(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                state: Discourse) -> None:
    """Y师从X / 跟着X学 / 跟随X: X (titles before the name allowed) mentors Y, the person before
    the cue, else the one the discourse is about (他师从全国劳动模范郑永昌)."""
    s, e = sent
    for m in re.finditer(r"师从|跟随|跟着|跟", flat[s:e]):
        pos = s + m.end()
        master = next((p for p in persons if p.start >= pos and (p.anaphor and p.start == pos or not p.anaphor
                       and (p.start == pos or p.start - pos <= 10 and _role_only(flat[pos:p.start])
                            or m.group(0) == "师从" and _described(flat[pos:p.start])
                            or m.group(0) != "师从" and _described(flat[pos:p.start], 12)
                            or flat[pos:p.start] in ("师傅", "师父")))), None)
        if master is None or m.group(0) in ("跟着", "跟") and not re.match(r"[^，。；]{0,10}学|" + _SPAN, flat[master.end:e]):
            continue
        if master.anaphor:  # A跟着他学了两年: 他 is the one taught from, not A or another named before
            if not re.match(r"学|" + _SPAN, flat[master.end:e]):
                continue
            teacher = teacher_of(state, master, persons, s + m.start())
            if not teacher:
                continue
            master = Mention("Person", teacher, master.start, master.end, anaphor=True)
        year = (lead_year or year_between(flat, s, s + m.start())) if m.group(0) == "师从" else None
        before = [p for p in persons if p.end <= s + m.start() and not re.search(r"[。；]", flat[p.end:s + m.start()])]
        mentee = next((p.name for p in reversed(before) if p.name != master.name), None)
        if mentee is None and state.speaker and "我" in flat[s:s + m.start()]:
            mentee = state.speaker  # 后来我跟着师傅X学…, said by the speaker
        if mentee and mentee != master.name:
            b.add("MENTORS", ref(master), ("Person", mentee), sent, year=year)
        if before and before[-1].name == mentee and re.fullmatch(r"(?:都|也|均|一直)?", flat[before[-1].end:s + m.start()]):
            for other in coordinated(flat, before)[:-1]:  # A、B跟着他一年: each of the listed
                if other.name != master.name and not other.anaphor:
                    b.add("MENTORS", ref(master), ref(other), sent, year=year)


def whose_master_is(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                    state: Discourse) -> None:
    """她的师傅是全国劳动模范沈国良 / Y的师傅是X: X mentors Y (她/他/其 the discourse's person)."""
    s, e = sent
    for m in re.finditer(r"(的|[，,]|^)(?:师傅|师父|带教老师|带教师傅)(?:是|为|，是|、)", flat[s:e]):
        pos = s + m.end()
        master = next((p for p in persons if p.start >= pos and not p.anaphor
                       and (p.start == pos or p.start - pos <= 10 and _role_only(flat[pos:p.start])
                            or _described(flat[pos:p.start], 30))), None)
        if m.group(1) == "的":
            owner = next((p for p in persons if p.end == s + m.start()), None)
            if owner and flat[max(s, owner.start - 1):owner.start] == "我":
                owner = None
        else:  # 1997年，他进厂当学徒，师傅是X: the sentence's subject
            owner = next((p for p in persons if p.end <= s + m.start()), None)
            if owner is None and state.speaker and "我" in flat[s:s + m.start()]:
                owner = Mention("Person", state.speaker, s, s)  # 我1995年进厂，师傅是X, said by the speaker
        if master and owner and owner.name != master.name:
            b.add("MENTORS", ref(master), ref(owner), sent,
                  year=lead_year if m.group(1) != "的" and "学徒" in flat[s:pos] else None)


def named_among_apprentices(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                            state: Discourse) -> None:
    """X带出了徒弟三十多人，其中A、B… / X收了8个徒弟，其中A、B: the named are X's apprentices."""
    s, e = sent
    for m in re.finditer(r"(?:带出了?|收了?|培养了?|带了)[^，。；]{0,8}?(?:徒弟|学徒|弟子)[^，。；]{0,8}[，,]其中"
                         r"|(?:带出来?|带|培养|收)的[^，。；]{0,8}?(?:徒弟|学徒|弟子)中[，,]?"
                         r"|带出来?的[，,]其中"
                         r"|(?:一手|亲手|手把手)?(?:带出来|带出|带教|教出来|培养出来)的[\u4e00-\u9fff]{1,6}?(?:中|里|当中)[，,]?(?:还有|也有|有)?"
                         r"|的(?:徒弟|学徒|弟子)(?:[，,]其中|中|里|当中)[，,]?", flat[s:e]):
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
            elif group and flat[p.start - 1] in "，；" and not re.search(r"[。！？]", gap):
                group.append(p)  # 徒弟中，A2020年获得…，B是…: each clause opens with another of them
            else:
                break
        for p in group:
            if p.name != mentor.name:
                b.add("MENTORS", ref(mentor), ref(p), sent)
