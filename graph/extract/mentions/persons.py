"""Person mentions: the tagger's names, repaired and judged. A name must look like one
(a known surname, 2–4 characters, or a transliteration with ·); the tagger's mistakes
are undone (有许|文斌 → 许文斌, 艾力·|买买提 → 艾力·买买提, 劳动模范俞佳丽 → 俞佳丽);
a surname and a form of address (杨师傅) names nobody; bylines (记者 陈晨) and book
titles about a person (《王芳：…》) add names; a two-character name needs a sign it
is a person."""
from __future__ import annotations

import re
from collections import Counter

from graph.extract.document import Document, Mention
from graph.extract.lexicons import (
    ADDRESS_FORMS,
    BYLINE_WORDS,
    HONOR_WORDS_BEFORE_NAME,
    JOINERS,
    ROLE_WORDS,
    SPEECH_VERBS,
    alternation,
    surnames,
)
from graph.extract.normalise import is_cjk
from graph.extract.segment import inside

CJK = r"\u4e00-\u9fff"
_SURNAME_SLIPS = "有是和与及为由向给让、"
"""Words the tagger glues a surname to: 有许|文斌."""
_BOOK_ABOUT = re.compile(r"《([" + CJK + r"·]{2,6})[:：]")
_BYLINE = re.compile(r"(?:" + alternation(BYLINE_WORDS) + r")[ ：]*([" + CJK + r"·]{2,4})(?=[ ）\n，、]|$)")


def person_ok(name: str) -> bool:
    """A name's shape: a known surname and 2–3 characters (3–4 with a compound surname),
    or a transliterated name with · (3–12 characters)."""
    single, double = surnames()
    if "·" in name:
        return 3 <= len(name) <= 12
    if not (2 <= len(name) <= 4) or not all(is_cjk(c) for c in name):
        return False
    if name[:2] in double:
        return len(name) >= 3
    return name[0] in single and len(name) <= 3


def person_context(flat: str, p: Mention, people: list[Mention]) -> bool:
    """A two-character name needs a sign it is a person: a role or title glued before,
    speech after, a list of names, a parenthesis or a book title about them. The end
    of the text counts as a sign too."""
    before = flat[max(0, p.start - 4):p.start]
    after = flat[p.end:p.end + 3]
    if p.props.get("byline") or before.endswith(ROLE_WORDS) or before.endswith(HONOR_WORDS_BEFORE_NAME):
        return True
    if after.startswith(SPEECH_VERBS) or after == "" or after[0] in "(（:：" or after.startswith("等"):
        return True
    if before.endswith(("《", *JOINERS)) or after.startswith(JOINERS):
        return any(q is not p and (0 <= q.start - p.end <= 1 or 0 <= p.start - q.end <= 1)
                   and len(q.name) >= 2 for q in people)
    return False


def tagged_persons(doc: Document) -> list[Mention]:
    """The tagger's names with its cuts repaired: a surname that went to the previous
    word (有许|文斌) and a transliteration cut at the dot (艾力·|买买提)."""
    single, _ = surnames()
    tokens = doc.tokens
    people: list[Mention] = []
    for i, (word, tag, s, e) in enumerate(tokens):
        if tag != "PER":
            continue
        name, start, end = word, s, e
        if len(name) == 2 and i > 0:
            pw, pt, ps, pe = tokens[i - 1]
            if len(pw) == 2 and pw[1] in single and pw[0] in _SURNAME_SLIPS and pt != "PER":
                name, start = pw[1] + name, pe - 1
        if name.endswith("·") and i + 1 < len(tokens):
            run = re.match(r"[" + CJK + r"]{1,5}", tokens[i + 1][0])
            if run:
                name, end = name + run.group(0), e + len(run.group(0))
        people.append(Mention("Person", name, start, end))
    return people


def persons(doc: Document) -> None:
    """Stage: person mentions (see the module's docstring)."""
    flat = doc.flat
    single, _ = surnames()
    # glued honors the tagger swallowed: 劳动模范俞佳丽 → 范俞佳丽 → 俞佳丽
    honor_spans = [(c.start, c.end) for c in doc.of_type("Honor")]
    fixed = []
    for p in tagged_persons(doc):
        for hs, he in honor_spans:
            if hs < p.end and p.start < he and p.start < he < p.end:
                p = Mention("Person", flat[he:p.end], he, p.end)
        if inside(p.start, p.end, doc.short_quotes):
            continue
        if len(p.name) >= 2 and p.name[0] in single and p.name[1:] in ADDRESS_FORMS:
            p.props["unnamed"] = True  # 杨师傅: kept only to anchor 他/她
            fixed.append(p)
        elif person_ok(p.name):
            fixed.append(p)
    # a book title about a person: 《王芳：……》
    for m in _BOOK_ABOUT.finditer(flat):
        if person_ok(m.group(1)) and not any(p.start == m.start(1) for p in fixed):
            fixed.append(Mention("Person", m.group(1), m.start(1), m.end(1)))
    # bylines: （记者 陈晨 通讯员 蔡晓雯）
    for m in _BYLINE.finditer(flat):
        known = [p for p in fixed if p.start <= m.start(1) < p.end]
        for p in known:
            p.props["byline"] = True
        if person_ok(m.group(1)) and not known:
            fixed.append(Mention("Person", m.group(1), m.start(1), m.end(1), {"byline": True}))
    # a two-character name seen once needs a sign it is a person
    name_counts = Counter(p.name for p in fixed)
    for p in fixed:
        if len(p.name) == 2 and name_counts[p.name] < 2 and not p.props.get("unnamed") \
                and not person_context(flat, p, fixed):
            continue
        doc.candidates.append(p)
