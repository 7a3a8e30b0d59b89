"""Small readers of an Extraction for the rule tests."""
from __future__ import annotations

from graph.extract import Pipeline, extract_article
from graph.extract.document import Document
from graph.facts import Extraction


class WordListTagger:
    """A stand-in model that knows a few words by heart, so a rule meets the exact
    cut it was written for (the tagger can be swapped behind its protocol)."""

    def __init__(self, known: dict[str, str]) -> None:
        self.known = known

    def tag(self, text: str) -> list[tuple[str, str]]:
        out, i = [], 0
        while i < len(text):
            word = next((w for w in self.known if text.startswith(w, i)), text[i])
            out.append((word, self.known.get(word, "w")))
            i += len(word)
        return out


def mentions(text: str, known: dict[str, str]) -> list[tuple[str, str]]:
    """(type, name) of the mentions of a text tagged by a WordListTagger."""
    doc = Pipeline(WordListTagger(known))(Document(text))
    return [(m.type, m.name) for m in doc.mentions]


def extract(text: str) -> Extraction:
    return extract_article(text)


def names(ex: Extraction, type_: str) -> set[str]:
    return {e.name for e in ex.entities if e.type == type_}


def facts(ex: Extraction, type_: str) -> set[tuple[str, str]]:
    return {(f.subject.name, f.object.name) for f in ex.facts if f.type == type_}


def years(ex: Extraction, type_: str) -> dict[tuple[str, str], int | None]:
    return {(f.subject.name, f.object.name): f.year for f in ex.facts if f.type == type_}


def props(ex: Extraction, type_: str) -> dict[tuple[str, str], dict]:
    return {(f.subject.name, f.object.name): f.props for f in ex.facts if f.type == type_}
