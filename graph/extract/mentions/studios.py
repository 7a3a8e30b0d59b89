"""Studio mentions: a person's name glued before a studio head (张海峰劳模创新工作室,
李明技能大师工作室). The owner is a person already found, or a three-character name
that looks like one and starts a phrase; the owner becomes a Person mention too and
the studio's leader. A bare 工作室 is an anaphor (resolve.py)."""
from __future__ import annotations

import re

from graph.extract.document import Document, Mention
from graph.extract.lexicons import STUDIO_HEADS, alternation
from graph.extract.mentions.persons import person_ok

_STUDIO_HEAD = re.compile("(?:" + alternation(STUDIO_HEADS) + ")")
_PHRASE_START = ("", "的", "「", "“", "—", "、", "，", "\n", "是", "了", " ", "\u3000", "：", "；", "（")
"""What may stand before a new owner's name: 是王芳劳模创新工作室."""


def studios(doc: Document) -> None:
    """Stage: studios named after a person."""
    flat = doc.flat
    person_names = {p.name for p in doc.of_type("Person")}
    units = doc.of_type("Unit")
    for m in _STUDIO_HEAD.finditer(flat):
        s = m.start()
        owner = None
        for k in (4, 3, 2):
            prefix = flat[max(0, s - k):s]
            if len(prefix) == k and (prefix in person_names or (
                    k == 3 and person_ok(prefix) and (flat[max(0, s - 4):s - 3] in _PHRASE_START
                                                      or any(u.end == s - 3 for u in units)))):
                owner = prefix
                break
        if owner:
            doc.candidates.append(Mention("Studio", owner + m.group(0), s - len(owner), m.end(), {"leader": owner}))
            if owner not in person_names:
                doc.candidates.append(Mention("Person", owner, s - len(owner), s))
                person_names.add(owner)


def one_name_per_studio(doc: Document) -> None:
    """Stage: a studio written again in a shorter form (马立军工作室 after 马立军劳模创新工作室)
    is the same studio (bench/gold/README.md, Studio: the longest form the text gives)."""
    studios = doc.of_type("Studio")
    by_leader: dict[str, set[str]] = {}
    for st in studios:
        if st.props.get("leader"):
            by_leader.setdefault(st.props["leader"], set()).add(st.name)
    for st in studios:
        names = by_leader.get(st.props.get("leader", ""), set())
        longest = max(names, key=len) if names else st.name
        if len(names) > 1 and st.name != longest and all(n.startswith(st.props["leader"]) for n in names) \
                and len([n for n in names if len(n) == len(longest)]) == 1:
            st.name = longest
