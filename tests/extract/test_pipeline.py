"""The whole pipeline on texts at the edges: nothing, one mark, a name at either end."""
from __future__ import annotations

import pytest

from graph.extract import Pipeline, extract_article
from graph.extract.document import Document
from tests.extract.helpers import WordListTagger


def names(text: str, type_: str = "Person") -> set[str]:
    return {e.name for e in extract_article(text).entities if e.type == type_}


@pytest.mark.parametrize("text", ["", "。", "，", "“", "\n", " ", "\n\n。\n", "（", "曹月", "张继东（", "王芳("])
def test_tiny_texts_never_raise(text: str) -> None:
    ex = extract_article(text)
    assert all(0 <= s < e <= len(text) for ent in ex.entities for s, e in ent.spans)


def test_text_ending_on_a_name_without_a_newline() -> None:
    # kg extract and kg load article raised IndexError here: the name's next character
    # was read past the end of the text
    text = "全国劳模张继东在桐乡市。……责任编辑：曹月"
    ex = extract_article(text)
    assert {"张继东", "曹月"} <= names(text)
    assert [(f.subject.name, f.object.name) for f in ex.facts if f.type == "RECEIVED"] == [("张继东", "全国劳动模范")]
    assert names("全国劳模张继东") == {"张继东"}
    assert names("记者 沈一鸣") == {"沈一鸣"}


def test_a_name_at_the_very_start() -> None:
    ex = extract_article("张继东获评全国劳模。")
    assert [(f.subject.name, f.object.name) for f in ex.facts] == [("张继东", "全国劳动模范")]
    assert extract_article("张继东").entities[0].spans == [(0, 3)]


def test_stages_run_in_order_over_one_document() -> None:
    pipeline = Pipeline()
    names_ = [name for name, _ in pipeline.stages]
    assert names_[:5] == ["normalise", "segment", "tag", "local places", "region"]
    assert names_.index("persons") < names_.index("studios") < names_.index("overlaps") < names_.index("facts")
    doc = pipeline(Document("全国劳模张继东在桐乡市。"))
    assert doc.flat == "全国劳模张继东在桐乡市。" and doc.sentences == [(0, 12)]
    assert [(m.type, m.name) for m in doc.mentions] == [("Honor", "全国劳动模范"), ("Person", "张继东"),
                                                         ("Region", "桐乡市")]
    assert len(doc.facts) == 1


def test_the_tagger_can_be_swapped() -> None:
    doc = Pipeline(WordListTagger({"李四": "PER", "嘉兴市": "LOC"}))(Document("同事李四说，嘉兴市很好。"))
    assert [(t.word, t.tag, t.start) for t in doc.tokens if t.tag != "w"] == [("李四", "PER", 2), ("嘉兴市", "LOC", 6)]
    assert [(m.type, m.name) for m in doc.mentions] == [("Person", "李四"), ("Region", "嘉兴市")]
