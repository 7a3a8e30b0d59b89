"""discourse.py: the sentence walk carries what the text has said so far."""
from __future__ import annotations

from graph.extract import Pipeline
from graph.extract.document import Document
from tests.extract.helpers import extract, facts


def test_facts_come_in_text_order_with_their_sentence_as_evidence() -> None:
    text = "张建华是全国劳动模范。\n李晓红2020年获评浙江省劳动模范。"
    doc = Pipeline()(Document(text))
    assert [(f.subject.name, f.evidence, text[f.start:f.end]) for f in doc.facts] == [
        ("张建华", "张建华是全国劳动模范。", "张建华是全国劳动模范。"),
        ("李晓红", "李晓红2020年获评浙江省劳动模范。", "李晓红2020年获评浙江省劳动模范。")]


def test_the_master_the_person_and_the_counts_carry_over() -> None:
    # the current master (带徒) carries to a later 徒弟Y
    assert facts(extract("沈国华1998年开始带徒。多年后，徒弟陆建平也成了技师。"), "MENTORS") == {("沈国华", "陆建平")}
    # the last person carries to 她 in the next sentence
    assert facts(extract("李晓红扎根一线。她2020年获评浙江省劳动模范。"), "RECEIVED") == {("李晓红", "浙江省劳动模范")}
