"""Bylines, credits and editor lines (bench/gold/README.md, "Media outlets and bylines"):
the publicity team asks which outlets covered whom, so a reporter or an editor WORKS_AT the
outlet — the one written in the byline itself (彭城晚报记者 彭欣然, 浏阳日报讯（记者 易思远）,
中新网佛山1月10日电（梁嘉欣）), else the one of a 来源 line, else the publisher (本报记者 X,
责任编辑：X). A correspondent (通讯员) or intern works where the text says (通讯员 青川市卫健委
刘佳), and a credit with a unit (（院工会 刘晓晨）, 联系人：市总工会…部 陈思远) at that unit."""
from __future__ import annotations

import re

from graph.extract.document import Document, Mention
from graph.extract.facts.recorder import FactRecorder, ref
from graph.extract.lexicons import MEDIA_HEADS, MEDIA_OUTLETS, alternation

CJK = r"\u4e00-\u9fff"
_REPORTERS = ("记者", "首席记者", "特约记者", "本报记者", "本刊记者", "摄影记者", "摄", "文/", "文/图", "图/", "摄影",
              "责任编辑", "编辑", "责编")
_DATELINE = re.compile(r"[（(]?((?:" + alternation(MEDIA_OUTLETS) + r")|[" + CJK + r"]{2,8}?(?:"
                       + alternation(MEDIA_HEADS) + r"))(?:讯|[" + CJK + r"]{0,6}?\d{1,2}月\d{1,2}日(?:电|消息|讯))")
_SOURCE_LINE = re.compile(r"(?:来源|稿源|转自)[：:][ \u3000]*((?:" + alternation(MEDIA_OUTLETS) + r")|[" + CJK
                          + r"]{2,8}?(?:" + alternation(MEDIA_HEADS) + r"))")
_OUTLET_BEFORE = re.compile(r"((?:" + alternation(MEDIA_OUTLETS) + r")|[" + CJK + r"]{2,8}?(?:"
                            + alternation(MEDIA_HEADS) + r"))(?:首席|特约|驻[" + CJK + r"]{1,4})?(?:记者|编辑)[ \u3000]*$")


def _sentence_of(doc: Document, pos: int) -> tuple[int, int]:
    return next(((s, e) for s, e in doc.sentences if s <= pos < e), (pos, pos + 1))


def _line_start(flat: str, pos: int) -> int:
    return flat.rfind("\n", 0, pos) + 1


def outlet_for(doc: Document, person: Mention) -> str | None:
    """The outlet a reporter or editor works for (see the module's docstring)."""
    flat = doc.flat
    line = _line_start(flat, person.start)
    # 普洱日报记者 李 倩 刀 敏: every name of the run reads the outlet before its role
    at = min(person.props.get("role_end") or person.start, person.start)
    before = flat[max(line, at - 20):at]
    glued = _OUTLET_BEFORE.search(before.rstrip(" \u3000：:"))
    if glued and not glued.group(1).startswith(("本报", "本刊", "本台", "本网")):
        return glued.group(1)
    dateline = _DATELINE.match(flat, line)
    if dateline and not dateline.group(1).startswith(("本报", "本刊", "本台", "本网")) \
            and person.start - dateline.end() < 40:
        return dateline.group(1)
    source = _SOURCE_LINE.search(flat)
    if source:
        return source.group(1)
    return doc.publisher


def byline_facts(doc: Document, b: FactRecorder) -> None:
    """WORKS_AT for the reporters, editors and credited people of the text."""
    units = [m for m in doc.mentions if m.type == "Unit"]
    for p in doc.mentions:
        if p.type != "Person" or not p.props.get("byline"):
            continue
        role = p.props["byline"]
        sent = _sentence_of(doc, p.start)
        if role in ("credit", "联系人"):
            unit = next((u for u in units if u.end <= p.start and p.start - u.end <= 2), None)
            if unit:
                b.add("WORKS_AT", ref(p), ref(unit), sent)
            continue
        if role in ("通讯员", "实习生"):
            unit = next((u for u in units if u.end <= p.start and p.start - u.end <= 2
                         and doc.flat[u.start - 4:u.start].rstrip(" \u3000").endswith(role)), None)
            if unit:
                b.add("WORKS_AT", ref(p), ref(unit), sent)
            continue
        if role in _REPORTERS or role.endswith("记者"):
            outlet = outlet_for(doc, p)
            if outlet:
                b.add("WORKS_AT", ref(p), ("Unit", outlet), sent)
