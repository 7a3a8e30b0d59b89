"""Overlap and anaphora resolution. Where two candidates overlap, the one of higher
priority (honor, project, studio, unit, place, person), then the longer, is kept. Words
that stand for a named mention (工作室, 该项目, 该公司, 其/他/她) are kept as anaphors and
resolved sentence by sentence against the discourse: the last studio, project, unit of
that kind, and the last person or the person the sentence opens with. 我 in a quote is
its speaker."""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from graph.extract.document import Document, Mention, Span
from graph.extract.lexicons import PERSON_NOUNS, SPEECH_VERBS, alternation
from graph.extract.normalise import CLOSE_QUOTES

if TYPE_CHECKING:
    from graph.extract.discourse import Discourse

CJK = r"\u4e00-\u9fff"
PRIORITY = {"Honor": 0, "Project": 1, "Studio": 2, "Unit": 3, "Village": 4, "Region": 5, "Person": 6}
_SCHOOLS = ("学校", "小学", "中学", "学院", "大学")
_TEAMS = ("班组", "班", "组", "队", "车间", "工段", "护理单元", "单元")
_UNIT_ANAPHOR_ENDS = {"学校": _SCHOOLS, "校": _SCHOOLS, "公司": ("公司", "集团"), "院": ("院",), "厂": ("厂", "公司", "集团"),
                      "集团": ("集团", "公司"), "班组": _TEAMS, "班": _TEAMS,
                      "车间": _TEAMS, "科室": ("科", "室"), "科": ("科", "室"), "局": ("局",), "所": ("所",),
                      "协会": ("协会",), "护理单元": _TEAMS, "团队": _TEAMS, "研究所": ("研究所",), "研究院": ("研究院",)}
"""What a unit anaphor's head may stand for: 该校 → …中学, 公司 → …集团."""
_UNIT_ANAPHOR = re.compile(r"(?:该|本|这个)(公司|合作社|医院|院|厂|学校|校|集团|班组|车间|科室|科|局|所|协会|护理单元|团队)(?!长)|(?<![" + CJK + r"])(公司|合作社|医院|学校|班组|车间|研究所|研究院)"
                           r"|(?<![" + CJK + r"])(厂|院|集团)(?=[" + CJK + r"]{0,5}?(?:书记|主任|厂长|院长|主席|经理|工会))"
                           r"|(?<=[了在入进到是为拜])(公司|合作社|医院|学校)|(?<=[进入回到在])(厂)(?![长房区])")
_PROJECT_ANAPHOR = re.compile(r"(?<![" + CJK + r"])项目|(?<=[，。；、])项目|该项目|这一项目")
_SPEECH = alternation(SPEECH_VERBS)


def resolve_overlaps(candidates: list[Mention]) -> list[Mention]:
    """Keep the higher-priority, then longer mention where two overlap; in text order."""
    persons = [m for m in candidates if m.type == "Person"]
    # 船长向东海: a place's short form (东海 for 东海县) inside a name that starts before it is the name's
    candidates = [m for m in candidates if not (m.type == "Region" and m.end - m.start < len(m.name) and any(
        p.start < m.start and m.end <= p.end for p in persons))]
    ordered = sorted(candidates, key=lambda m: (PRIORITY[m.type], -(m.end - m.start), m.start))
    taken: list[Mention] = []
    for m in ordered:
        clash = [t for t in taken if m.start < t.end and t.start < m.end]
        # “浙江工匠”培育工程: an honor inside a project's name is a mention of both
        if clash and not all({m.type, t.type} == {"Honor", "Project"} for t in clash):
            continue
        taken.append(m)
    return sorted(taken, key=lambda m: m.start)


def overlaps(doc: Document) -> None:
    """Stage: the mentions that survive overlap resolution."""
    doc.mentions = resolve_overlaps(doc.candidates)


_DESCRIBED_ONE = re.compile(r"(?:这位|这名)[^，。；！？“”「」、：\n]{0,10}?(?:" + alternation(PERSON_NOUNS) + r")(?![" + CJK + r"])"
                            r"|(?:这位|这名)[^，。；！？“”「」、：\n]{0,10}?(?:" + alternation(PERSON_NOUNS) + r")(?=[被是又也曾还就已]|[\d一二〇]{4}年)")
"""这位壮族汉子被授予… / 这名90后焊工: a noun phrase that points back like 他/她."""


def find_anaphors(flat: str, mentions: list[Mention]) -> list[Mention]:
    """工作室 / 项目 / 该公司 / 其 / 他 / 她 / 该同志 outside any named mention: kept as positions
    for the relation rules. Not 他们, 她人, 其中, 其他, 其实 …"""
    out = []
    spans = [(m.start, m.end) for m in mentions]

    def free(s: int, e: int) -> bool:
        return not any(s < me and ms < e for ms, me in spans)

    for m in re.finditer(r"工作室", flat):
        if free(m.start(), m.end()):
            out.append(Mention("Studio", "", m.start(), m.end(), anaphor=True))
    for m in _PROJECT_ANAPHOR.finditer(flat):
        if free(m.start(), m.end()):
            out.append(Mention("Project", "", m.start(), m.end(), anaphor=True))
    for m in _UNIT_ANAPHOR.finditer(flat):
        if free(m.start(), m.end()):
            head = next(g for g in m.groups() if g)
            out.append(Mention("Unit", "", m.start(), m.end(), {"head": head}, anaphor=True))
    for m in re.finditer(r"该同志", flat):  # official prose: 该同志2022年获得… is the person just named
        if free(m.start(), m.end()):
            out.append(Mention("Person", "", m.start(), m.end(), anaphor=True))
    for m in _DESCRIBED_ONE.finditer(flat):  # 这位四十八岁的陕北汉子，是…: a described pronoun
        if free(m.start(), m.end()):
            out.append(Mention("Person", "", m.start(), m.end(), anaphor=True))
    for m in re.finditer(r"其|他|她", flat):
        nxt = flat[m.end():m.end() + 1]
        if m.group(0) == "其" and nxt in ("中", "间", "他", "实", "余", "次", "它", "列", "后"):
            continue
        if m.group(0) in "他她" and nxt in "们人":
            continue
        out.append(Mention("Person", "", m.start(), m.end(), anaphor=True))
    return out


def anaphors(doc: Document) -> None:
    """Stage: the anaphors of the text."""
    doc.anaphors = find_anaphors(doc.flat, doc.mentions)


def resolve_sentence(flat: str, sent: Span, ms: list[Mention], state: Discourse) -> list[Mention]:
    """The mentions of one sentence with its anaphors resolved (unresolvable ones
    dropped); named studios, projects and units become the discourse's latest. 他/她/其
    point back to an earlier sentence's person, or to the person the sentence opens with
    when a comma stands between them (张三说，他……)."""
    s, _ = sent
    resolved: list[Mention] = []
    opener = next((m for m in ms if m.type == "Person" and not m.anaphor and m.start == s), None)
    for m in ms:
        if m.anaphor and m.type == "Unit":
            head = m.props["head"]
            ends = _UNIT_ANAPHOR_ENDS.get(head, (head,))
            target = next((u for u in reversed(state.units) if u.endswith(ends)), None) or _chain_head(state.units, ends)
            if target:
                resolved.append(Mention("Unit", target, m.start, m.end, anaphor=True))
            continue
        if m.anaphor:
            pronoun = flat[m.start:m.end]
            person = opener.name if opener and re.search(r"[，；]", flat[opener.end:m.start]) \
                else salient_person(state, pronoun)
            earlier = [p for p in resolved if p.type == "Person" and not p.anaphor and p.end <= m.start]
            if earlier and m.type == "Person" and re.search(r"[，；]", flat[earlier[-1].end:m.start]):
                person = earlier[-1].name  # 我的师傅是周光明，他的师傅是范德厚: the last one named
            if pronoun == "该同志" and state.person_counts:
                person = state.person_counts.most_common(1)[0][0]  # the one whose deeds the text reports
            target = {"Studio": state.studio, "Project": state.project, "Person": person}[m.type]
            if not target:
                continue
            if m.type == "Person" and pronoun in ("他", "她"):
                state.gender.setdefault(target, "f" if pronoun == "她" else "m")
            m = Mention(m.type, target, m.start, m.end, anaphor=True)
        elif m.type == "Studio":
            state.studio = m.name
        elif m.type == "Project":
            state.project = m.name
        elif m.type == "Unit":
            state.units.append(m.name)
        resolved.append(m)
    return resolved


def _chain_head(units: list[str], ends: tuple[str, ...]) -> str | None:
    """进入公司 after only …码头有限公司桥吊队 was named: the chain's own company (the name up to
    the head inside it)."""
    for u in reversed(units):
        cut = max((u.rfind(x) + len(x) for x in ends if 2 <= u.rfind(x) and u.rfind(x) + len(x) < len(u)), default=0)
        if cut:
            return u[:cut]
    return None


def salient_person(state: Discourse, pronoun: str = "他") -> str | None:
    """Whom 他/她/其 stand for when the sentence names nobody before them: a person of the
    latest sentence that names one (of several, the one the text has named most), keeping
    to the gender the text has shown (她 → a person called 她 before or marked （女）): the
    text's subject rather than the master it quotes (她的师傅范德林常说…。她被评为…)."""
    sentences = [names for names in state.recent_persons[-3:] if names]
    if pronoun == "她":
        fitting = [[n for n in names if state.gender.get(n) == "f"] for names in sentences]
        if not any(fitting):
            fitting = [[n for n in names if state.gender.get(n) != "m"] for names in sentences]
    elif pronoun == "他":
        fitting = [[n for n in names if state.gender.get(n) != "f"] for names in sentences]
    else:
        fitting = sentences
    latest = next((names for names in reversed(fitting) if names), None)
    if not latest:
        return state.last_person if pronoun == "其" or state.gender.get(state.last_person or "") != (
            "m" if pronoun == "她" else "f") else None
    return max(dict.fromkeys(latest), key=lambda n: state.person_counts.get(n, 0))


def _narrator(flat: str, persons: list[Mention]) -> tuple[str, int] | None:
    """Who tells a text in the first person, and from where: 我叫P / 我是P，(a speech or a
    self-portrait), or a lead that announces P's words (以下为…P的发言摘编)."""
    for p in persons:
        if flat[max(0, p.start - 2):p.start] in ("我叫", "我是") and re.match(r"[，,。]", flat[p.end:p.end + 1]):
            return p.name, p.start
        if re.match(r"的(?:发言|讲述|自述|口述|演讲)", flat[p.end:p.end + 3]) and re.search(r"以下(?:为|是)[^。]*$", flat[max(0, p.start - 30):p.start]):
            return p.name, p.end
    return None


def speakers(flat: str, sentences: list[Span], mentions: list[Mention]) -> dict[Span, str]:
    """Who says a quoted sentence: “……”周丽萍说。 or 周丽萍说：“……” (for 我的师傅/我的徒弟)."""
    out: dict[Span, str] = {}
    persons = [m for m in mentions if m.type == "Person"]
    names = sorted({p.name for p in persons if len(p.name) >= 2}, key=len, reverse=True)
    counts = Counter(p.name for p in persons if not p.props.get("byline"))
    main = counts.most_common(1)[0][0] if counts else None
    narrator = _narrator(flat, persons)
    for i, (s, e) in enumerate(sentences):
        if narrator and s >= narrator[1]:
            out[(s, e)] = narrator[0]  # 大家好！我叫P…: a first-person speech is P's from there on
        for p in persons:
            if s <= p.start < e and re.match(r"(?:" + _SPEECH + r")[^“”]{0,4}[：，]?“", flat[p.end:e]):
                out[(s, e)] = p.name
        if (s, e) not in out and flat[e - 1] in CLOSE_QUOTES and i + 1 < len(sentences):
            ns, ne = sentences[i + 1]
            first = next((p for p in persons if ns <= p.start < ne), None)
            if first and first.start == ns and re.match(_SPEECH, flat[first.end:ne]):
                out[(s, e)] = first.name
        if (s, e) not in out:
            # an interview: 叶海波：荣誉是大家的。… (the line's speaker)
            line = flat.rfind("\n", 0, s) + 1
            p = next((p for p in persons if p.start == line and flat[p.end:p.end + 1] in ("：", ":")), None)
            said_by = p.name if p else next((n for n in names if flat.startswith((n + "：", n + ":"), line)), None)
            if said_by is None and re.match(r"(?:答|A)[：:]", flat[line:line + 2]) and main:
                said_by = main  # 问/答 interview: the answers are the interviewee's, the text's main person
            if said_by:
                out[(s, e)] = said_by
        if (s, e) not in out:
            # “……”周丽萍说。 inside one sentence
            m = re.search(r"[”」]([" + CJK + r"·]{2,5}?)(?:" + _SPEECH + ")", flat[s:e])
            if m:
                p = next((p for p in persons if p.start == s + m.start(1)), None)
                if p:
                    out[(s, e)] = p.name
    return out
