"""Project mentions: a quoted name followed by 项目, 工程 or 计划 (“劳模入网格”项目,
“浙江工匠”培育工程). The name is the quoted text for 项目, and the quoted text plus the
words up to the head for 工程/计划 (浙江工匠培育工程)."""
from __future__ import annotations

import re

from graph.extract.document import Document, Mention
from graph.extract.lexicons import PROJECT_HEADS, alternation

CJK = r"\u4e00-\u9fff"
_PROJECT = re.compile(r"[“「]((?:[^“”「」\n]|‘[^’\n]*’){2,30}?)[”」]([" + CJK + r"]{0,4}?)("
                      + alternation(PROJECT_HEADS) + ")")


def find_projects(flat: str) -> list[Mention]:
    out = []
    for m in _PROJECT.finditer(flat):
        content, middle, head = m.group(1).strip(), m.group(2), m.group(3)
        if re.search(r"[的了和在是]", middle):
            continue  # “……”的工程: the quote is not the project's name
        name = content if head == "项目" else content + middle + head
        out.append(Mention("Project", name, m.start(), m.end()))
    return out


def projects(doc: Document) -> None:
    """Stage: project mentions."""
    doc.candidates += find_projects(doc.flat)
