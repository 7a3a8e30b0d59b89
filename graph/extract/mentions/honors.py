"""Honor mentions: every form of the taxonomy (graph/data/honors.csv) with the relative
short forms resolved against the source's region (省劳模 in a Zhejiang source →
浙江省劳动模范), plus awards outside the taxonomy where the text awards them: quoted
after a verb (授予其“‘屏聚英才’杰出贡献奖”) or a national title by its shape
(被评为全国农民专业合作社示范社)."""
from __future__ import annotations

import re

from graph.extract.document import Document, Mention
from graph.extract.lexicons import (
    HONOR_BLOCKERS,
    HONOR_TAILS,
    NATIONAL_TITLE_HEADS,
    NATIONAL_TITLE_VERBS,
    QUOTED_AWARD_HEADS,
    QUOTED_AWARD_VERBS,
    alternation,
    honor_regex,
)
from graph.honors import canonical_honor

CJK = r"\u4e00-\u9fff"
_QUOTED_AWARD = re.compile(r"(?:" + alternation(QUOTED_AWARD_VERBS) + r")(?:其|他|她|了)?[“「]([^“”「」\n]{2,24}?(?:"
                           + alternation(QUOTED_AWARD_HEADS) + r"))[”」]")
_NATIONAL_TITLE = re.compile(r"(?:" + alternation(NATIONAL_TITLE_VERBS) + r")((?:全国|中国)[" + CJK + r"]{2,14}?(?:"
                             + alternation(NATIONAL_TITLE_HEADS) + r"))(?:称号)?")


def find_honors(flat: str, province: str | None, city: str | None) -> list[Mention]:
    out = []
    for m in honor_regex().finditer(flat):
        form = m.group(0)
        after = flat[m.end():m.end() + 4]
        if any(after.startswith(b) for b in HONOR_BLOCKERS):
            continue  # 劳模协会, 工匠精神: named after a title, not the title
        if form.endswith("劳模") and after.startswith(("工匠", "们")):
            continue  # 劳模工匠, 劳模们
        title = canonical_honor(form, province=province, city=city)
        if title is None:
            continue
        end = m.end()
        for tail in HONOR_TAILS:
            if flat.startswith(tail, end):
                end += len(tail)
        out.append(Mention("Honor", title.name, m.start(), end, {"level": title.level,
                                                                  "recipient_kind": title.recipient_kind}))
    # awards outside the taxonomy, named in quotes after a verb: 授予其“‘屏聚英才’杰出贡献奖”
    for m in _QUOTED_AWARD.finditer(flat):
        name = re.sub(r"[‘’'\"“”「」『』·\s]", "", m.group(1)).removesuffix("称号")
        title = canonical_honor(name, province=province, city=city)
        out.append(Mention("Honor", title.name if title else name, m.start(1) - 1, m.end(1) + 1,
                           {"level": title.level if title else None}))
    # unquoted national titles outside the taxonomy: 被评为全国农民专业合作社示范社
    for m in _NATIONAL_TITLE.finditer(flat):
        title = canonical_honor(m.group(1), province=province, city=city)
        if title is None:
            out.append(Mention("Honor", m.group(1), m.start(1), m.end(1), {"level": "national"}))
    return out


def honors(doc: Document) -> None:
    """Stage: honor mentions."""
    doc.candidates += find_honors(doc.flat, doc.province, doc.city)
