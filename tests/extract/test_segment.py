"""segment.py: sentences, clauses and the quoted stretches no name is sought in."""
from __future__ import annotations

from graph.extract.segment import clauses, quote_regions, sentences


def cut(flat: str, spans: list[tuple[int, int]]) -> list[str]:
    return [flat[s:e] for s, e in spans]


def test_sentences_end_at_end_marks_and_headings() -> None:
    flat = "嘉兴劳模风采\n他说：“我们要传承。”大家鼓掌！真的吗？"
    assert cut(flat, sentences(flat)) == ["嘉兴劳模风采", "他说：“我们要传承。”", "大家鼓掌！", "真的吗？"]


def test_a_last_sentence_without_an_end_mark_is_kept() -> None:
    flat = "全国劳模张继东在桐乡市。责任编辑：曹月"
    assert cut(flat, sentences(flat)) == ["全国劳模张继东在桐乡市。", "责任编辑：曹月"]
    assert sentences("") == [] and sentences("\n \n") == []


def test_clauses_split_outside_quotes_and_brackets() -> None:
    flat = "王建国（南湖区，三星村书记）说：“好，很好”，大家鼓掌；会议结束"
    assert cut(flat, clauses(flat, 0, len(flat))) == ["王建国（南湖区，三星村书记）说", "“好，很好”", "大家鼓掌", "会议结束"]


def test_short_quotes_and_book_titles() -> None:
    flat = "开展“朵朵鲜花送劳模”活动，《漫“话”南湖劳模》出版。"
    short, books = quote_regions(flat)
    assert cut(flat, short) == ["“朵朵鲜花送劳模”", "“话”"]
    assert cut(flat, books) == ["《漫“话”南湖劳模》"]
