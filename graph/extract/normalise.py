"""Text normalisation that keeps every offset: one character in, one character out, and
a flat view of the text (page breaks inside sentences dropped) with a map back to the
original, so a fact's evidence and an entity's span always point into the user's text."""
from __future__ import annotations

import re
import unicodedata

from graph.extract.document import Document
from graph.names import to_simplified

SENTENCE_END = "。！？"
CLAUSE_END = "，；："
OPEN_QUOTES = "“「‘『"
CLOSE_QUOTES = "”」’』"

_TO_FULL_PUNCT = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？",
                  "•": "·", "‧": "·", "・": "·", "･": "·", "∙": "·"}
_SPACES = " \t\u3000\r"


def norm_char(c: str) -> str:
    """One character in, one character out: full-width letters and digits to half-width,
    ASCII punctuation to the Chinese full-width marks the rules read, traditional to
    simplified."""
    if "\uff10" <= c <= "\uff5a" and c.isalnum():
        return unicodedata.normalize("NFKC", c)
    if c in _TO_FULL_PUNCT:
        return _TO_FULL_PUNCT[c]
    s = to_simplified(c)
    return s if len(s) == 1 else c


def is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def flatten(text: str) -> tuple[str, list[int]]:
    """Drop line breaks that sit inside a sentence (page breaks) and whitespace inside
    lines; keep a line break after a heading (a short line) or a finished sentence.
    A single space between two CJK characters stays. Returns the flat text and, for each
    of its characters, the original offset."""
    norm = "".join(norm_char(c) for c in text)
    lines = re.split(r"(\n)", norm)
    flat_chars: list[str] = []
    to_orig: list[int] = []
    pos = 0
    last_line = ""
    for k, piece in enumerate(lines):
        if piece == "\n":
            stripped = last_line.strip()
            if stripped:
                finished = stripped[-1] in SENTENCE_END + CLOSE_QUOTES + ")）：；"  # a list's lead and items
                if finished or len(stripped) < 30 or _new_paragraph(stripped, lines, k) or _byline_next(lines, k) \
                        or _numbered_next(stripped, lines, k) or _row_next(stripped, lines, k):
                    flat_chars.append("\n")
                    to_orig.append(pos)
            pos += 1
            continue
        if piece.strip():
            last_line = piece
        for i, c in enumerate(piece):
            if c in _SPACES and _column_gap(piece, i):
                c = " "  # 于  洋  哈尔滨…: a run of spaces between columns keeps one space
            elif c in _SPACES and not _space_between_words(piece, i):
                continue
            if c == "\u3000" and _padded_name(piece, i):
                c = " "  # 包　丽: a two-character name padded with a full-width space reads as 包 丽
            flat_chars.append(c)
            to_orig.append(pos + i)
        pos += len(piece)
    return "".join(flat_chars), to_orig


_PARAGRAPH_OPENERS = ("其中", "据", "近日", "日前", "此外", "同时", "另外", "目前", "如今", "附", "【", "编辑", "责任编辑",
                      "来源", "本报", "（记者", "记者", "一、", "二、", "三、", "（一）", "（二）", "联系人", "序号")
"""序号: the header of a table flattened into one line starts a paragraph of its own."""
_UNIT_ENDS = ("公司", "医院", "中心", "学校", "学院", "中学", "小学", "局", "厂", "协会", "总工会", "委员会", "合作社",
              "研究院", "研究所", "车间", "班组")


def _new_paragraph(line: str, lines: list[str], k: int) -> bool:
    """A long unfinished line followed by a blank line still ends its paragraph when it is
    a list or table row (it ends with a unit's name) or the next paragraph opens as one
    (其中，…, 据介绍, 【…】); else the break is a page break inside a sentence (…劳动奖章获 /
    得者…), dropped."""
    rest = [x for x in lines[k + 1:k + 6] if x != "\n"]
    blank = len(rest) > 1 and not rest[0].strip()
    nxt = next((x.strip() for x in rest if x.strip()), "")
    return blank and (line.endswith(_UNIT_ENDS) or nxt.startswith(_PARAGRAPH_OPENERS)
                      or bool(re.search(r"名单(?:[（(][^（）()]{0,12}[）)])?$", line)))  # a list's heading


_ITEM_NO = re.compile(r"^(?:(\d{1,3})[.．、]|[（(](\d{1,3})[）)])")


def _numbered_next(line: str, lines: list[str], k: int) -> bool:
    """A numbered list's row, however long, ends where the next number starts (1.… / 2.…):
    a page break does not land on the next item's number."""
    cur = _ITEM_NO.match(line)
    nxt = next((x.strip() for x in lines[k + 1:k + 4] if x != "\n" and x.strip()), "")
    after = _ITEM_NO.match(nxt)
    return bool(cur and after) and int(after.group(1) or after.group(2)) == int(cur.group(1) or cur.group(2)) + 1


_NAME_ROW = re.compile(r"^[\u4e00-\u9fff](?:[ \u3000]{0,2}[\u4e00-\u9fff]){1,3}(?:[（(][男女][）)])?(?:[ \u3000]{2,}|\t)\S")


def _row_next(line: str, lines: list[str], k: int) -> bool:
    """A row of a name list set in columns (邵振国  U工段长 / 于  洋  U司机), however long,
    ends where the next row of the same shape starts: no page break lands on a padded name."""
    nxt = next((x.strip() for x in lines[k + 1:k + 4] if x != "\n" and x.strip()), "")
    return bool(_NAME_ROW.match(line) and _NAME_ROW.match(nxt))


_BYLINE_LINE = re.compile(r"^[\u4e00-\u9fff]{0,10}?(?:记者|通讯员|实习生)[ \u3000]*[\u4e00-\u9fff]")


def _byline_next(lines: list[str], k: int) -> bool:
    """A long title with no final mark before a byline line (河北工人报记者 霍志强) ends there."""
    nxt = next((x.strip() for x in lines[k + 1:k + 4] if x != "\n" and x.strip()), "")
    return bool(_BYLINE_LINE.match(nxt)) and len(nxt) <= 40


def _padded_name(piece: str, i: int) -> bool:
    """One character on each side of the space, each standing alone (a line's start, a
    number or punctuation before; punctuation, a space or the end after): 4.包　丽（女）."""
    before = piece[i - 2:i - 1] if i >= 2 else ""
    after = piece[i + 2:i + 3]
    return 0 < i < len(piece) - 1 and is_cjk(piece[i - 1]) and is_cjk(piece[i + 1]) \
        and not is_cjk(before or "。") and not is_cjk(after or "。")


def _column_gap(piece: str, i: int) -> bool:
    """The last space of a run of two or more inside the first column of a name list's row
    (a name, maybe padded to the width of three and followed by （女）): 于  洋  哈尔滨… keeps
    one space after 于 and one after 洋, so the name and its unit stay apart."""
    if not (0 < i < len(piece) - 1 and is_cjk(piece[i + 1]) and piece[i - 1] in " \t\u3000"):
        return False
    j = i - 1
    while j >= 0 and piece[j] in " \t\u3000":
        j -= 1
    return j >= 0 and (is_cjk(piece[j]) or piece[j] in "）)") and bool(_FIRST_COLUMN.fullmatch(piece[:j + 1]))


_FIRST_COLUMN = re.compile(r"\s*(?:\d{1,3}[.．、]\s*)?[\u4e00-\u9fff](?:[\u4e00-\u9fff]{1,3}|[ \u3000]{1,2}[\u4e00-\u9fff])?"
                           r"(?:[（(][男女][）)])?")
"""A name (2–4 characters, or two padded to the width of three), maybe numbered, maybe （女）."""


def _space_between_words(piece: str, i: int) -> bool:
    return 0 < i < len(piece) - 1 and piece[i - 1] not in " \t" and is_cjk(piece[i - 1]) and is_cjk(piece[i + 1])


def normalise(doc: Document) -> None:
    """Stage: the flat, normalised view of the original text; the metadata the stages read
    (publisher, title) in simplified characters too, as the text they are compared with."""
    doc.flat, doc.to_orig = flatten(doc.original)
    doc.publisher = to_simplified(doc.publisher) if doc.publisher else doc.publisher
    doc.title = to_simplified(doc.title) if doc.title else doc.title
