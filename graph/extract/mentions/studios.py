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
_VERBS_BEFORE = ("命名", "授予", "成立", "设立", "组建", "挂牌", "创建", "建立", "表彰", "依托", "推荐", "包括", "成为")
"""命名罗志诚劳模创新工作室…: a verb right before a new owner's name."""
_PHRASE_START = ("", "的", "「", "“", "—", "、", "，", "\n", "是", "了", " ", "\u3000", "：", "；", "（")
"""What may stand before a new owner's name: 是王芳劳模创新工作室."""


def studios(doc: Document) -> None:
    """Stage: studios named after a person."""
    flat = doc.flat
    person_names = {p.name for p in doc.of_type("Person")}
    units = doc.of_type("Unit")
    for m in _STUDIO_HEAD.finditer(flat):
        owner = None
        known = next((f for f in _FIELDS if flat.endswith(f, 0, m.start()) and m.group(0) != "工作室"), "")
        # 沈丽娟护理创新工作室: a field of work between the owner and the head — one of the known
        # fields, else any one to three characters after a name (林德旺制茶…, 张秀英苗绣技能大师工作室)
        tries = [known] + ([flat[m.start() - n:m.start()] for n in (2, 1, 3)] if m.group(0) != "工作室" else [])
        for field in tries:
            s = m.start() - len(field)
            owner = _owner(doc, flat, s, m, person_names, units, strict=field != known)
            if owner:
                break
        if owner:
            start = s - len(owner)
            for u in units:  # 走进U邹建平劳模创新工作室: the unit ends before the studio's owner
                if u.start < start < u.end <= m.end() and u.name.endswith(flat[start:u.end]):
                    cut = start
                    while cut > u.start + 2 and (flat[cut - 1].isdigit() or flat[cut - 1] in " \u3000"):
                        cut -= 1  # …有限公司4谭雅琪创新工作室: the row's number is neither
                    u.name = u.name[:len(u.name) - (u.end - cut)]
                    u.end = cut
            props = {"leader": owner}
            title = _title_before(doc, s - len(owner))
            if title and m.group(0) in STUDIO_TITLE_HEADS:  # 青川市罗志诚劳模创新工作室: a studio title
                props["title"] = title + m.group(0)
            doc.candidates.append(Mention("Studio", owner + field + m.group(0), s - len(owner), m.end(), props))
            if owner not in person_names:
                doc.candidates.append(Mention("Person", owner, s - len(owner), s))
                person_names.add(owner)


_FIELDS = ("护理", "技术", "技艺", "教学", "科研", "电力", "焊接", "非遗", "巾帼", "青年")
"""Fields of work a studio's name may put between its owner and its head (沈丽娟护理创新工作室)."""


def _owner(doc: Document, flat: str, s: int, m: re.Match, person_names: set[str], units: list[Mention],
           strict: bool) -> str | None:
    """The person whose name ends at s, before a studio head: a name already found, or one
    that looks like a name and starts a phrase. `strict` (an unknown field word between):
    only a name the text names elsewhere as a person."""
    field = flat[s:m.start()]
    if strict and (not all("\u4e00" <= c <= "\u9fff" for c in field) or re.search(r"[的其了和与是在为等之领带办]", field)):
        return None  # 罗志诚领衔的创新工作室: a clause, not a field of work
    for k in (4, 3, 2):
        prefix = flat[max(0, s - k):s]
        before = flat[max(0, s - k - 1):s - k]
        if strict and len(prefix) == k and prefix in person_names and len(prefix) >= 2:
            return prefix
        if strict:
            continue
        if len(prefix) == k and (prefix in person_names or (
                k == 3 and person_ok(prefix) and (before in _PHRASE_START or before.isdigit()
                                                  or flat[max(0, s - k - 2):s - k] in _VERBS_BEFORE
                                                  or any(u.end == s - 3 or u.start < s - 3 and u.end >= m.end()
                                                         for u in units)
                                                  or _title_before(doc, s - 3) is not None)
                or k == 2 and person_ok(prefix) and (before.isdigit() or before in ("\n", "、")))):
            return prefix  # 2周玉兰技能大师工作室, 6李娜创新工作室: a numbered row of a table
    return None


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
