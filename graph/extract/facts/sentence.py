"""The fact families of one sentence, in a fixed order (which is also the order of the
facts in the output): what is glued to each name, place chains, then clause by clause
the counts, honors and employment of the clause's subject, then mentorship, studios,
projects and postings over the whole sentence."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.extract.document import Mention, Span
from graph.extract.lexicons import ROLE_WORDS
from graph.extract.facts import (
    aggregates,
    awards,
    appositives,
    assignment,
    employment,
    honors,
    mentorship,
    places,
    projects,
    studios,
)
from graph.extract.facts.recorder import FactRecorder
from graph.extract.segment import clauses

if TYPE_CHECKING:
    from graph.extract.discourse import Discourse

_NOT_A_SUBJECT_AFTER = tuple("拜与和向跟给为对把被让带从")
"""A name right after these is an object (拜X为师, 与X结对), not the clause's subject."""


_OFFICE_AFTER = re.compile(r"党|村委|村民委员会|居委会|居民委员会|书记|主任|支书")
"""青云村党总支书记: a village opening an office title is no topic of the clause."""


def clause_subject(flat: str, cms: list[Mention], cs: int, ce: int | None = None) -> Mention | None:
    """The clause's subject: its first named person (within 40 characters, not an object
    after 拜/与/向 …), else a person, unit or studio that opens it (该公司…)."""
    first = next((m for m in cms if m.type == "Person" and not m.anaphor and m.start - cs <= 40
                  and flat[m.start - 1:m.start] not in _NOT_A_SUBJECT_AFTER), None)
    if first is not None:
        # 罗素芬的徒弟严冬，…: the one named after 的 + a relation is who the clause is about
        after = next((m for m in cms if m.type == "Person" and m.start > first.end), None)
        if after is not None and re.fullmatch(r"的(?:徒弟|师傅|师父|学生|同事|妻子|丈夫|儿子|女儿|父亲|母亲|搭档)",
                                              flat[first.end:after.start]):
            return after
        return first
    opener = next((m for m in cms if m.type in ("Person", "Unit", "Studio", "Village") and flat[cs:m.start] in ("", "该")
                   and not (m.type == "Village" and _OFFICE_AFTER.match(flat, m.end))), None)
    if opener is None and ce is not None:
        # 设在研发部的S，2023年被评为…: a clause that is only a noun phrase ending with a studio is the topic
        last = next((m for m in reversed(cms) if m.type == "Studio" and not m.anaphor), None)
        if last is not None and flat[last.end:ce].strip("”」 ") == "" and re.search(r"的[“「]?$", flat[cs:last.start]):
            return last
    if opener is not None and opener.type == "Unit" and ce is not None:
        role = flat[opener.end:ce]
        if role and len(role) <= 10 and role.endswith(ROLE_WORDS):
            return None  # …，中国东方航天材料研究院特种焊接研究室主任，…: a description, not a subject
    return opener


_ZERO_SUBJECT = re.compile(r"(?:(?:19|20)\d{2}年(?:\d{1,2}月)?|今年|去年|前年|后来|此后|随后|同年|当年)?[，,]?"
                           r"(?:又|还|先后|再次|曾|也|便|就)?"
                           r"(?:获评|荣获|获得|被评为|被授予|当选|进入|加入|调入|入职|就职于|担任|出任|任职于|调任|升任"
                           r"|牵头|主持|参与|承担|负责|带领团队|研发|完成了)")
"""2019年获评全国劳动模范。 / 1990年进入…工作。: a sentence that opens with its verb goes on about
the person the text has just named (Chinese drops a subject it carries over)."""


def _carried_subject(flat: str, ms: list[Mention], sent: Span, state: Discourse) -> Mention | None:
    s, e = sent
    if state.last_person is None or any(m.type in ("Person", "Studio") for m in ms
                                        if m.start < s + 12 and not m.props.get("byline")):
        return None
    if not _ZERO_SUBJECT.match(flat, s) or not state.recent_persons or state.last_person not in state.recent_persons[-1]:
        return None
    return Mention("Person", state.last_person, s, s, anaphor=True)


def sentence_facts(flat: str, b: FactRecorder, ms: list[Mention], sent: Span, lead_year: int | None,
                   state: Discourse) -> None:
    s, e = sent
    appositives.appositive_facts(flat, b, ms, sent)
    appositives.profile_card(flat, b, ms, sent)
    places.place_facts(flat, b, ms, sent)
    subject: Mention | None = _carried_subject(flat, ms, sent, state)
    for cs, ce in clauses(flat, s, e):
        cms = [m for m in ms if cs <= m.start and m.end <= ce]
        first = clause_subject(flat, cms, cs, ce)
        if first is not None:
            subject = first  # else the last clause's subject carries over
        aggregates.count_facts(flat, b, cms, sent, (cs, ce), lead_year, ms, state)
        honors.received(flat, b, cms, sent, (cs, ce), subject, lead_year, state)
        employment.works_at(flat, b, cms, sent, (cs, ce), subject, lead_year)
        employment.village_office(flat, b, cms, sent, (cs, ce), subject)
    aggregates.group_counts(flat, b, ms, sent, state)
    awards.recipient_groups(flat, b, ms, sent, state)
    employment.scene_workers(flat, b, ms, sent, state.scene)
    employment.as_a_role(flat, b, ms, sent)
    employment.own_unit(flat, b, ms, sent)
    employment.founds_and_heads(flat, b, ms, sent, lead_year)
    employment.team_members(flat, b, ms, sent)
    mentorship.mentorship(flat, b, ms, sent, lead_year, state)
    studios.studio_facts(flat, b, ms, sent, state)
    carried = _carried_subject(flat, ms, sent, state)
    projects.project_facts(flat, b, ms, sent, lead_year, state.speaker, state.village, carried.name if carried else None)
    assignment.assignment(flat, b, ms, sent, lead_year, state)
    assignment.village_roles(flat, b, ms, sent, lead_year, state)
