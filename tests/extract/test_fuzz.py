"""The extractor never raises (issue 13, "Bad files, clear lines"): random cuts of
real-looking texts, empty lines, a name at the very start or end, lone punctuation,
unbalanced quotes and brackets, traditional characters — and what it returns always points
into the text it was given."""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.extract import extract_article

ROOT = Path(__file__).resolve().parent.parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "bench" / "gold" / "texts").glob("dev-*.txt"))[:12]]
PIECES = ["罗志诚", "宋 帆", "阿里木·吐尔逊", "全国劳模", "“", "”", "「", "（", "）", "《", "》", "：", "、", "。", "\n",
          "\n\n", " ", "\u3000", "2024年", "二〇〇九年", "今年", "省劳模", "市总工会", "该工作室", "其中，", "名单如下：",
          "1.", "（女）", "记者 ", "责任编辑：", "·", "…", "——", "有限公司", "车间", "村", "师傅", "徒弟", "獲評", "勞動模範"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    derandomize=True)


def check(text: str, date: str | None = None) -> None:
    ex = extract_article(text, title="测试", date=date, publisher="青川日报")
    for entity in ex.entities:
        assert entity.name
        for start, end in entity.spans:
            assert 0 <= start < end <= len(text)
    names = {(e.type, e.name) for e in ex.entities}
    for fact in ex.facts:
        assert (fact.subject.type, fact.subject.name) in names and (fact.object.type, fact.object.name) in names
        assert 0 <= fact.start < fact.end <= len(text)
        # the evidence is the original stretch without its line breaks (and the blanks around them)
        assert re.sub(r"\s*\n\s*", "", text[fact.start:fact.end]) == fact.evidence


@st.composite
def cuts(draw: st.DrawFn) -> str:
    """A random stretch of a real-looking text, perhaps with pieces thrown in."""
    text = draw(st.sampled_from(TEXTS))
    a = draw(st.integers(0, len(text)))
    b = draw(st.integers(a, min(len(text), a + 600)))
    cut = text[a:b]
    for _ in range(draw(st.integers(0, 4))):
        pos = draw(st.integers(0, len(cut)))
        cut = cut[:pos] + draw(st.sampled_from(PIECES)) + cut[pos:]
    return cut


@SETTINGS
@given(cuts(), st.sampled_from([None, "2024-05-17", "2024", "1月", "not a date"]))
def test_random_cuts_of_real_texts(text: str, date: str | None) -> None:
    check(text, date)


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_pieces_in_any_order(text: str) -> None:
    check(text)


@SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200))
def test_any_characters(text: str) -> None:
    check(text)


def test_edges() -> None:
    # a name at the very end or start, lone punctuation, empty lines, nothing at all
    for text in ("", "\n", "\n\n\n", "。", "“", "：", "罗志诚", "……责任编辑：曹月", "曹月", "罗志诚\n", "  罗志诚  ",
                 "全国劳模", "记者 ", "名单如下：", "1.", "（", "其中，", "他的徒弟", "拜", "师从", "2024年“", "·",
                 "阿里木·", "·吐尔逊", "\u3000\u3000", "工作室", "该班组", "一、", "市总工会", "我院", "“”", "《》"):
        check(text)
