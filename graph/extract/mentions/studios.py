"""Studio mentions: a person's name glued before a studio head (张海峰劳模创新工作室,
李明技能大师工作室). The owner is a person already found, or a three-character name
that looks like one and starts a phrase; the owner becomes a Person mention too and
the studio's leader. A bare 工作室 is an anaphor (resolve.py)."""
from __future__ import annotations

import re

from graph.extract.document import Document, Mention
from graph.extract.lexicons import STUDIO_HEADS, STUDIO_TITLE_HEADS, alternation, title_prefixes
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
                                                      or any(u.end == s - 3 for u in units)
                                                      or _title_before(doc, s - 3) is not None))):
                owner = prefix
                break
        if owner:
            props = {"leader": owner}
            title = _title_before(doc, s - len(owner))
            if title and m.group(0) in STUDIO_TITLE_HEADS:  # 青川市罗志诚劳模创新工作室: a studio title
                props["title"] = title + m.group(0)
            doc.candidates.append(Mention("Studio", owner + m.group(0), s - len(owner), m.end(), props))
            if owner not in person_names:
                doc.candidates.append(Mention("Person", owner, s - len(owner), s))
                person_names.add(owner)


def _title_before(doc: Document, pos: int) -> str | None:
    """The place a studio title names before the person (青川市罗志诚…, 省级“罗志诚…”): the
    place, the source's for a level word, 国家级 as written; None when there is none."""
    flat = doc.flat
    if flat[pos - 1:pos] in ("“", "「"):
        pos -= 1
    for word, place in (("国家级", "国家级"), ("省级", doc.province), ("市级", doc.city), ("县级", doc.county)):
        if flat.startswith(word, pos - len(word)) and pos >= len(word):
            return place
    prefixes = title_prefixes()
    for n in range(min(pos, 10), 1, -1):
        hit = prefixes.get(flat[pos - n:pos])
        if hit is not None and hit.place:
            return flat[pos - n:pos] if hit.level != "national" else None
    return None


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
