"""The walk through the sentences in order, carrying what the text has said so far: the
last person (for 其/他/她), the current master (带徒), studio (工作室), project (项目) and
units (该公司), the last year (同年), the speaker of a quote (我的师傅) and the counts
of the previous sentence (其中 … names some of their recipients)."""
from __future__ import annotations

from dataclasses import dataclass, field

from graph.extract.document import Document
from graph.extract.facts.recorder import FactRecorder
from graph.extract.facts.sentence import sentence_facts
from graph.extract.resolve import resolve_sentence, speakers
from graph.extract.years import leading_year, years
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


def read_facts(doc: Document) -> None:
    """Stage: the facts and aggregates of every sentence, in text order."""
    flat = doc.flat
    recorder = FactRecorder(doc)
    state = Discourse()
    everything = sorted(doc.mentions + doc.anaphors, key=lambda m: m.start)
    who_says = speakers(flat, doc.sentences, doc.mentions)
    for sent in doc.sentences:
        s, e = sent
        state.speaker = who_says.get(sent)
        ms = resolve_sentence(flat, sent, [m for m in everything if s <= m.start and m.end <= e], state)
        lead_year = leading_year(flat, sent, ms, state)
        before = len(recorder.aggregates)
        sentence_facts(flat, recorder, ms, sent, lead_year, state)
        if len(recorder.aggregates) > before:
            state.aggregates = recorder.aggregates[before:]
        for m in ms:
            if m.type == "Person":
                state.last_person = m.name
        ys = years(flat, s, e)
        if ys:
            state.last_year = ys[-1][1]
    doc.facts, doc.aggregates = recorder.facts, recorder.aggregates
