"""MENTORS told as teaching rather than with the words 师傅/徒弟 glued to names: the credit
given to a teacher (A是X手把手教出来的), pairs in a pairing scheme (师徒结对：X带A，Y带B), a
count of someone's apprentices followed by the named ones (X带出徒弟四十多名，A、B都是其中的
佼佼者; 徒弟中有…的A，也有…的B), and learning from a pronoun or the speaker (A跟着他学了两年;
A和B都是跟着我学的). Features tell mentorship this way far more often than as A的师傅是X."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.extract.document import Mention, Span
from graph.extract.facts.recorder import FactRecorder, ref
from graph.extract.lexicons import ADDRESS_FORMS, alternation

if TYPE_CHECKING:
    from graph.extract.discourse import Discourse

_MANNER = r"(?:手把手|一手|亲手|亲自|一步一步(?:地)?|一点一点(?:地)?|一个一个(?:地)?|慢慢|从头)*"
_TAUGHT = re.compile(r"^" + _MANNER + r"(?:带出来|带出|带大|教出来|教出|教会|培养出来|培养起来|带起来)"
                     r"[^，。；！？“”]{0,16}?的")
"""After 是X: the teaching verb and what was taught, up to the 的 that closes the credit."""
_LEARNT = re.compile(r"^(?:跟着|跟随|跟)我学")
_PAIRING_CUE = re.compile(r"师徒结对|结对子|一对一|师带徒|结成师徒|带徒")
_ROLL = re.compile(r"(?:带出了?|带过|带了|带出来|培养了?|培养出了?|收了?)[^，。；]{0,14}?"
                   r"(?:[\d两二三四五六七八九十几百千]+[多余]?(?:名|个|位|人)|徒弟[^，。；]{0,4}?有?[\d两二三四五六七八九十几百]+[多余]?(?:名|个|位|人))"
                   r"|(?:徒弟|学徒|弟子)(?:中|里|当中)[，,]?有")
"""A count of someone's apprentices, or 徒弟中有: the names that follow in the sentence are theirs."""


def teaching(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
             state: Discourse) -> None:
    for rule in (credited_teacher, paired_in_scheme, apprentice_roll, learnt_from_speaker, who_taught_them):
        rule(flat, b, persons, sent, lead_year, state)


def teacher_of(state: Discourse, teacher: Mention, persons: list[Mention], pos: int) -> str | None:
    """Whom a pronoun teacher stands for: not one of the persons the sentence has named
    before it (their fellow apprentices), but the most-named person of the sentences before."""
    here = {p.name for p in persons if p.end <= pos and not p.anaphor}
    if not teacher.anaphor or teacher.name not in here:
        return teacher.name
    for names in reversed(state.recent_persons):
        others = [n for n in names if n not in here]
        if others:
            return max(dict.fromkeys(others), key=lambda n: state.person_counts.get(n, 0))
    return None


_ROLE_GAP = re.compile(r"[、和与及][\u4e00-\u9fff]{0,5}")
"""法官助理A、书记员B: a joiner and the next one's own short role."""


def _subjects(flat: str, persons: list[Mention], pos: int, s: int) -> list[Mention]:
    """The persons a copula or a verb at `pos` speaks of: the list right before it (A、B都是…,
    年轻牧民A和B，是…), else the sentence's first person when only adverbs and time lie between."""
    before = [p for p in persons if p.end <= pos]
    if not before:
        return []
    gap = flat[before[-1].end:pos]
    if not re.fullmatch(r"[，,]?(?:都|也|则|就|均|还|便|正|如今|现在|)?", gap):
        # P说，自己刚入职时…，是X…带出来的: 自己 is the one who speaks
        said = re.match(r"(?:说|回忆|表示|坦言)[，,：:]自己", flat[before[-1].end:pos])
        return [before[-1]] if said and not before[-1].anaphor else []
    group = [before[-1]]
    for p in reversed(before[:-1]):
        if _ROLE_GAP.fullmatch(flat[p.end:group[0].start]) and not p.anaphor:
            group.insert(0, p)
        else:
            break
    return group


_ADDRESS = re.compile(r"[\u4e00-\u9fff](?:" + alternation(ADDRESS_FORMS) + ")")


def _addressed(flat: str, b: FactRecorder, pos: int) -> Mention | None:
    """林老师, 侯书记 at `pos`: the one person of the text with that surname (no Person of
    its own, README; but it refers back to a named one)."""
    m = _ADDRESS.match(flat, pos)
    if not m:
        return None
    named = {p.name for p in b.doc.mentions if p.type == "Person" and not p.anaphor and p.name[0] == flat[pos]
             and not p.props.get("unnamed")
             and len(p.name) >= 2 and not p.props.get("byline")}
    if len(named) != 1:
        return None
    return Mention("Person", named.pop(), pos, m.end())


def credited_teacher(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                     state: Discourse) -> None:
    """A、B都是她一手带出来的 / A是他手把手带出来的“新农人” / A，则是他手把手教会…技法的: the
    teacher named (or a pronoun) right after 是 mentors those the clause is about."""
    s, e = sent
    for m in re.finditer(r"是", flat[s:e]):
        pos = s + m.start()
        teacher = next((p for p in persons if p.start == pos + 1 and not p.props.get("unnamed")), None) \
            or _addressed(flat, b, pos + 1)
        if teacher is None or not _TAUGHT.match(flat[teacher.end:e]):
            continue
        master = teacher_of(state, teacher, persons, pos)
        for mentee in _subjects(flat, persons, pos, s):
            if master and master != mentee.name:
                b.add("MENTORS", ("Person", master), ref(mentee), sent)


def paired_in_scheme(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                     state: Discourse) -> None:
    """师徒结对：X带A，Y带女徒弟B: in a sentence about pairing masters and apprentices, X带A
    (a name right after 带, maybe after 徒弟) pairs X with A."""
    s, e = sent
    if not _PAIRING_CUE.search(flat[s:e]):
        return
    for m in re.finditer(r"带(?:着)?(?:女|男)?(?:徒弟)?", flat[s:e]):
        pos, end = s + m.start(), s + m.end()
        master = next((p for p in persons if p.end == pos), None)
        mentee = next((p for p in persons if p.start == end and not p.anaphor), None)
        if master and mentee and master.name != mentee.name:
            b.add("MENTORS", ref(master), ref(mentee), sent, year=lead_year)


def apprentice_roll(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                    state: Discourse) -> None:
    """X带出了徒弟四十多名，A、B都是其中的佼佼者 / 他带出的徒弟中，有3人…，A、B就是其中的代表 /
    她带出了30多名值车工，徒弟中有…的A，也有…的B: after a count of X's apprentices, the persons
    named in the rest of the sentence — each opening a clause or after (也|还)?有 and a short
    description — are X's apprentices."""
    s, e = sent
    m = _ROLL.search(flat[s:e])
    if not m:
        return
    pos = s + m.start()
    owners = [p for p in persons if p.end <= pos and not re.search(r"[。；]", flat[p.end:pos])]
    if owners:
        master = owners[-1].name if not re.search(r"[，,]", flat[owners[-1].end:pos]) else owners[0].name
    elif state.speaker:
        master = state.speaker  # 林德旺：…这些年前后带了四十多个徒弟，像A、B…: the one answering
    else:
        return
    for p in persons:
        if p.start < s + m.end() or p.anaphor or p.name == master:
            continue
        head = flat[max(s, flat.rfind("，", s, p.start) + 1, flat.rfind("：", s, p.start) + 1):p.start]
        opens = re.fullmatch(r"(?:其中|如|像|比如)?[" + "\u4e00-\u9fff" + r"]{0,4}?", head) and len(head) <= 6 \
            and re.match(r"(?:[、和与及]|都|也|均|就|已|则|现|如今|是|成|当|在|说|，)", flat[p.end:p.end + 2] or "，")
        listed = re.fullmatch(r"(?:也|还)?有[^，。；]{0,20}?的?", head) or re.fullmatch(r"[^，。；]*?[、和与及]", head) \
            and any(q.end == p.start - 1 or flat[q.end:p.start] in ("和", "与", "及") for q in persons if q is not p)
        if opens or listed:
            b.add("MENTORS", ("Person", master), ref(p), sent)


def speaker_cues(pattern: str, flat: str, sent: Span, state: Discourse) -> list[re.Match[str]]:
    """The cues of a sentence where 我 is the text's speaker (positions within the sentence);
    none when nobody speaks, as the rules about 我 then have no one to name."""
    s, e = sent
    return list(re.finditer(pattern, flat[s:e])) if state.speaker else []


def learnt_from_speaker(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                        state: Discourse) -> None:
    """外科的A和妇产科的B，都是跟着我学的, said by the speaker: the speaker mentors them."""
    s, e = sent
    for m in speaker_cues(r"(?:都|也|均)?是?(?=(?:跟着|跟随|跟)我学)", flat, sent, state):
        pos = s + m.start()
        if not _LEARNT.match(flat[s + m.end():e]):
            continue
        for mentee in _subjects(flat, persons, pos, s):
            if mentee.name != state.speaker:
                b.add("MENTORS", ("Person", state.speaker), ref(mentee), sent)


_WHO_TAUGHT = re.compile(r"带(?:过)?(他|她|我)的(?:师傅|师父|老师|人)?[，,]?(?:就)?是")


def who_taught_them(flat: str, b: FactRecorder, persons: list[Mention], sent: Span, lead_year: int | None,
                    state: Discourse) -> None:
    """当年带他的，是公司第一代机械员、如今已退休的X / 带我的师傅是X: X (after a description)
    mentors the one the pronoun stands for, or the speaker."""
    s, e = sent
    for m in _WHO_TAUGHT.finditer(flat, s, e):
        pos = m.end()
        master = next((p for p in persons if p.start >= pos and not p.anaphor
                       and not re.search(r"[。；“”]", flat[pos:p.start]) and p.start - pos <= 30), None)
        if master is None:
            continue
        if m.group(1) == "我":
            mentee = state.speaker
        else:
            pron = next((p for p in persons if p.start == m.start(1) and p.anaphor), None)
            mentee = pron.name if pron else None
        if mentee and mentee != master.name:
            b.add("MENTORS", ref(master), ("Person", mentee), sent)
