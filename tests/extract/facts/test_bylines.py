"""facts/bylines.py: a reporter or editor works at the outlet of the byline, the source line or meta.publisher."""
from __future__ import annotations

from graph.extract import extract_article
from tests.extract.helpers import facts


def test_a_publisher_given_in_traditional_characters_is_the_outlet() -> None:
    # 本報記者 拓海濤 with meta.publisher 塞北礦工報: the outlet's name in simplified characters;
    # 拓 is a surname (as 字 and 云 are)
    ex = extract_article("井下三百米的「傳幫帶」\n\n本報記者 拓海濤\n\n高建華是隊長。", publisher="塞北礦工報")
    assert facts(ex, "WORKS_AT") == {("拓海涛", "塞北矿工报")}
