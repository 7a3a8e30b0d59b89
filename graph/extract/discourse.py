"""The walk through the sentences in order, carrying what the text has said so far: the
last person (for 其/他/她), the current master (带徒), studio (工作室), project (项目) and
units (该公司), the last year (同年), the speaker of a quote (我的师傅) and the counts
of the previous sentence (其中 … names some of their recipients)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from graph.extract.document import Document
from graph.extract.facts.aggregates import one_count_each
from graph.extract.facts.assignment import committee_members_serve
from graph.extract.facts.awards import note_award, note_award_years
from graph.extract.facts.bylines import byline_facts
from graph.extract.facts.lists import list_facts
from graph.extract.facts.recorder import FactRecorder
from graph.extract.facts.sentence import sentence_facts
from graph.extract.resolve import resolve_sentence, speakers
from graph.extract.years import date_year, leading_relative_year, leading_year, relative_year, years
from graph.facts import Aggregate


@dataclass
class Discourse:
    last_person: str | None = None
    master: str | None = None
    studio: str | None = None
    project: str | None = None
    last_year: int | None = None
    units: list[str] = field(default_factory=list)
    speaker: str | None = None
    aggregates: list[Aggregate] = field(default_factory=list)
    """The counts of the previous sentence: 其中 … names some of their recipients."""
    publication_year: int | None = None
    publication_month: int | None = None
    relative_year: int | None = None
    """The year a relative opener of the current sentence means (去年12月，…)."""
    award_years: dict[str, int] = field(default_factory=dict)
    """The year each honor was awarded in, as a lead announced it (表彰2024年福建省五一劳动奖章…)."""
    person_counts: Counter = field(default_factory=Counter)
    """How often the text has named each person so far (whom 他/她 stand for: resolve.py)."""
    recent_persons: list[list[str]] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)
    """f or m, as the text shows it: （女） after a name, 她 or 他 resolved to it."""
    """The persons named in each sentence so far, in order."""
    village: str | None = None
    """The village the text is about: the last one named (村党支部书记X, 驻村第一书记Y)."""
    award_age: int = 0
    awards: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    """The awards just announced by the kind of their recipients (person, unit, team, studio)."""
    award_shared: bool = False
    """The award was announced together with another (劳动模范和先进工作者): a count of its
    recipients is theirs together."""
    scene: str | None = None
    """The unit a sentence opens in (在U，… / 走进U): where 这里就是S places a studio."""
    last_scene: str | None = None
    """The previous sentence's scene."""
    award: tuple[str, int | None] | None = None
    """The honor last awarded to a group the text then names (表彰今年新评出的H …; N人获评H),
    with its year: 其中…, X、Y等人榜上有名, A、B几位劳模代表 receive it."""


def read_facts(doc: Document) -> None:
    """Stage: the facts and aggregates of every sentence, in text order."""
    flat = doc.flat
    recorder = FactRecorder(doc)
    state = Discourse(publication_year=date_year(doc.date), publication_month=_month(doc.date))
    everything = sorted(doc.mentions + doc.anaphors, key=lambda m: m.start)
    who_says = speakers(flat, doc.sentences, doc.mentions)
    for sent in doc.sentences:
        s, e = sent
        state.speaker = who_says.get(sent)
        ms = resolve_sentence(flat, sent, [m for m in everything if s <= m.start and m.end <= e], state)
        lead_year = leading_year(flat, sent, ms, state)
        state.last_scene, state.scene = state.scene, next(
            (m.name for m in ms if m.type == "Unit" and (re.fullmatch(r"[—\s]*(?:在|走进|来到)(?:[^，。；]{0,10}的)?", flat[s:m.start])
                                                  or re.fullmatch(r"[—\s]*", flat[s:m.start])
                                                  and re.match(r"的[^，。；]{0,10}(?:上|里|中|内|旁|前)[，,]", flat[m.end:e]))),
            None)  # 走进（苏州工业园区的）U; U的采卤船上，…
        state.relative_year = leading_relative_year(flat, sent, ms, state)
        before = len(recorder.aggregates)
        note_award_years(flat, ms, sent, lead_year, state)
        sentence_facts(flat, recorder, ms, sent, lead_year, state)
        note_award(flat, ms, sent, lead_year, state, recorder.aggregates[before:])
        if len(recorder.aggregates) > before:
            state.aggregates = recorder.aggregates[before:]
        named = []
        for m in ms:
            if m.type == "Person" and not m.props.get("byline"):
                named.append(m.name)  # 她 resolved counts as recent too
                if not m.anaphor:
                    state.last_person = m.name
                    state.person_counts[m.name] += 1
                    if re.match(r"[（(]女", flat[m.end:m.end + 2]):
                        state.gender[m.name] = "f"
            elif m.type == "Village" and not m.anaphor:
                state.village = m.name
        state.recent_persons.append(named)
        ys = years(flat, s, e)
        if ys:
            state.last_year = ys[-1][1]
        else:  # 今年…。同期，… → this year
            state.last_year = relative_year(flat, s, e, state.publication_year, state.publication_month) or state.last_year
    list_facts(doc, recorder)
    byline_facts(doc, recorder)
    committee_members_serve(recorder)
    doc.facts, doc.aggregates = recorder.facts, one_count_each(recorder.aggregates)


def _month(date: str | None) -> int | None:
    import re

    m = re.match(r"\s*\d{4}[-/年.](\d{1,2})", date or "")
    return int(m.group(1)) if m else None
