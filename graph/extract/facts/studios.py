"""A studio's people and host (bench/gold/README.md, LEADS / MEMBER_OF / HOSTED_BY):
LEADS for the person every studio is named after (张海峰劳模创新工作室, also in a bare list of
studios) unless the text names another leader (由X领衔, 领衔人X, 带头人X, 负责人X); MEMBER_OF
for the names after 成员/骨干/学员 (成员包括A、B, 学员代表、…教师C) or before 成为…成员; HOSTED_BY
the unit written before the studio's name (巨石集团的…工作室, 青川重锻“罗志诚…工作室”), right
after it in a table of studios and their units, or after 依托/设在/位于/落户/建在/所在单位. A
sentence without a studio of its own speaks of the studio the text is about (该工作室, or the
last one named)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.extract.document import Mention, Span
from graph.extract.facts.recorder import FactRecorder, ref
from graph.extract.lexicons import JOINERS

if TYPE_CHECKING:
    from graph.extract.discourse import Discourse

_MEMBER_JOINERS = ("", *JOINERS)
_MEMBER_CUE = re.compile(r"(?:团队成员|成员|骨干|学员)(?:代表)?(?:(?:\d{1,3}|[一二两三四五六七八九十]{1,3})(?:人|名)[，,])?"
                         r"(?:包括|有|为|是|中有)?[、：:]?"
                         r"|(?:先后|陆续|已)?(?:吸纳|吸收|招收|招募|纳入)了?")
"""成员包括A、B; 成员12人，包括A、B等技术骨干; (工作室成立，)先后吸纳了A、B等18名青年骨干."""
_BECOME_MEMBERS = re.compile(r"(?:成为|是|为|系)(?:该|这个)?(?:[^，。；]{0,16}?工作室)?(?:的)?(?:首批|第一批|核心|主要|最年轻的)?"
                             r"(?:成员|骨干|学员)")
"""A、B成为（罗志诚劳模创新工作室的）首批成员."""
_HOST_CUE = re.compile(r"依托|设在|落户|建在|位于|所在单位[：:]?|挂靠")


def studio_facts(flat: str, b: FactRecorder, ms: list[Mention], sent: Span, state: Discourse | None = None) -> None:
    s, e = sent
    text = flat[s:e]
    studios = [m for m in ms if m.type == "Studio"]
    current = studios[0] if studios else None
    if current is None and state is not None and state.studio and (_MEMBER_CUE.search(text) or _BECOME_MEMBERS.search(text)
                                                                   or re.search(r"领衔|带头人|负责人", text)):
        current = Mention("Studio", state.studio, s, s, anaphor=True)
    if current is None:
        return
    persons = [m for m in ms if m.type == "Person" and not m.anaphor and not m.props.get("byline")]
    units = [m for m in ms if m.type == "Unit"]
    # LEADS: the person each studio is named after, unless the sentence names its leader
    leader = None
    led_by = re.search(r"由([^，。；]{0,30}?)领衔", text)
    if led_by:
        inner = [p for p in persons if s + led_by.start(1) <= p.start and p.end <= s + led_by.end(1)]
        if inner:
            leader = inner[-1].name
    m = re.search(r"(?:负责人|领衔人|带头人)", text)
    if m:
        after = [p for p in persons if p.start >= s + m.end() and p.start - (s + m.end()) <= 2]
        if after:
            leader = after[0].name
    for st in studios or [current]:
        if st.anaphor:
            continue
        named_after = st.props.get("leader")
        if named_after and not (leader and leader != named_after and st is current):
            b.add("LEADS", ("Person", named_after), ref(st), sent)
    if leader:
        b.add("LEADS", ("Person", leader), ref(current), sent)
    for st in studios:  # 青川市罗志诚劳模创新工作室 → the studio holds 青川市劳模创新工作室
        if st.props.get("title"):
            b.add("RECEIVED", ref(st), ("Honor", st.props["title"]), sent)
    # HOSTED_BY: a unit glued before a studio's name, or right after it in a table
    for st in studios:
        if st.anaphor:
            continue
        host = [u for u in units if u.end <= st.start and flat[u.end:st.start] in ("", "的", "“", "「")]
        if host:
            b.add("HOSTED_BY", ref(st), ref(host[-1]), sent)
            continue
        # S（U）: a studio with its unit in parentheses, as lists of studios write it
        bracketed = [u for u in units if flat[st.end:u.start] in ("（", "(") and flat[u.end:u.end + 1] in ("）", ")")]
        if bracketed:
            b.add("HOSTED_BY", ref(st), ref(bracketed[0]), sent)
            continue
        nxt = [u for u in units if u.start >= st.end and flat[st.end:u.start].strip(" \u3000") == ""]
        if nxt:
            row = max((u for u in nxt if u.start == nxt[0].start), key=lambda u: u.end)
            if len(studios) > 1 or "所在单位" in text or "依托单位" in text or (
                    flat[s:st.start].strip(" \u30000123456789.、") == ""
                    and flat[row.end:e].strip(" \u3000。；;") == ""):
                b.add("HOSTED_BY", ref(st), ref(row), sent)  # a table row: studio, then its unit
                continue
        # 研究所的S, 厂里成立了S, 公司以他的名字命名的S: the unit of that kind named before
        short = _SHORT_HOST.search(flat[max(s, st.start - 24):st.start])
        if short and state is not None and not _HOST_CUE.search(text):  # 设在U says it better
            head_end = st.start - len(short.group(0)) + short.end(1)
            glued = [u for u in units if u.end == head_end]  # 该公司的S, or 公司 resolved already
            known = glued[-1].name if glued else _known_unit(state, short.group(1), st.start, units)
            if known:
                b.add("HOSTED_BY", ref(st), ("Unit", known), sent)
                continue
        # 在U，有一间…屋子。这里就是S: the unit the text has just placed the reader in
        if state is not None and re.search(r"这里(?:就)?是|这就是", flat[max(s, st.start - 8):st.start]):
            scene = state.scene or state.last_scene
            if scene:
                b.add("HOSTED_BY", ref(st), ("Unit", scene), sent)
                continue
        # 在U挂牌成立“S” / 于U设立S: the unit it is set up in
        set_up = [u for u in units if u.end <= st.start and re.search(r"(?:在|于)$", flat[max(s, u.start - 1):u.start])
                  and _SET_UP.fullmatch(flat[u.end:st.start])]
        if set_up:
            b.add("HOSTED_BY", ref(st), ref(set_up[-1]), sent)
            continue
        # 走进U，三楼的“S”里…: a studio inside the unit the sentence opens in, no other unit between
        if state is not None and state.scene and not any(u.end <= st.start and u.name != state.scene for u in units) \
                and re.match(r"[”」]?(?:里|内|中)", flat[st.end:st.end + 2]):
            b.add("HOSTED_BY", ref(st), ("Unit", state.scene), sent)
    # MEMBER_OF: 成员(包括)P1、P2; 学员代表、…教师P; P1和P2成为工作室首批成员
    for m in _MEMBER_CUE.finditer(text):
        pos = s + m.end()
        clause_end = next((i for i in range(pos, e) if flat[i] in "，。；"), e)
        group: list[Mention] = []
        for p in persons:
            if p.start < pos or p.start >= clause_end:
                continue
            gap = flat[(group[-1].end if group else pos):p.start]
            if gap in _MEMBER_JOINERS or not group and _appositive_gap(flat, units, pos, p.start):
                group.append(p)
            else:
                break
        heads = {leader, current.props.get("leader")} - {None}
        for p in group:
            if p.name not in heads and not re.match(r"(?:任|是|为|担任)(?:领衔人|带头人|负责人)", flat[p.end:p.end + 6]):
                b.add("MEMBER_OF", ref(p), ref(current), sent)  # 成员18人，刘春生任领衔人: the leader is no member
    for m in _BECOME_MEMBERS.finditer(text):
        pos = s + m.start()
        before = [p for p in persons if p.end <= pos and not re.search(r"[，。；]", flat[p.end:pos])]
        if before:
            group = [before[-1]]
            for p in reversed(before[:-1]):
                gap = flat[p.end:group[0].start]
                if re.fullmatch(r"(?:[和与及、][" "\u4e00-\u9fff" r"]{0,6}?)?", gap) or _joined(flat, p, group[0], units):
                    group.insert(0, p)
                else:
                    break
            for p in group:
                b.add("MEMBER_OF", ref(p), ref(current), sent)
    # HOSTED_BY: “S”在U揭牌 / S在研究所挂牌成立: the unit (or a bare head for one named before) it opens in
    if not current.anaphor and not re.search(r"工作室[^。]{0,6}(?:依托|设在)", b.doc.flat):  # a host said outright wins
        unveiled = re.match(r"[”」]?(?:于|在)([\u4e00-\u9fff]{2,24}?)(?:正式)?(?:揭牌|挂牌|落户|成立)", flat[current.end:e])
        if unveiled:
            a, z = current.end + unveiled.start(1), current.end + unveiled.end(1)
            inside = [u for u in units if a <= u.start and u.end <= z]
            if inside:
                b.add("HOSTED_BY", ref(current), ref(inside[-1]), sent)
            elif state is not None and flat[a:z].endswith(("研究所", "研究院", "公司", "厂", "医院", "学校", "学院", "合作社", "车间")):
                known = _known_unit(state, flat[a:z], a, units)
                if known:
                    b.add("HOSTED_BY", ref(current), ("Unit", known), sent)
    # HOSTED_BY: 依托U / 设在U / 位于U / 所在单位：U
    for m in _HOST_CUE.finditer(text):
        pos = s + m.end()
        u = next((x for x in units if x.start >= pos and x.start - pos <= 2), None)
        if u:
            b.add("HOSTED_BY", ref(current), ref(u), sent)
        elif state is not None:  # 设在转向架车间: a section of a unit named before, written bare
            bare = re.match(r"[\u4e00-\u9fff]{1,12}?(?:车间|分厂|工段|项目部|班组|科|队|中心)", flat[pos:e])
            known = _known_unit(state, bare.group(0), pos, units) if bare else None
            if known and known != bare.group(0):
                b.add("HOSTED_BY", ref(current), ("Unit", known), sent)


_SET_UP = re.compile(r"(?:挂牌)?(?:成立|设立|建立|组建|创建)了?(?:以[^，。；]{0,8}命名的)?[“「]?")
_SHORT_HOST = re.compile(r"(分公司|公司|集团|分厂|厂|研究所|研究院|医院|学校|学院|项目部|车间)(?:里)?"
                         r"(?:的|以[^，。；]{0,12}命名的|成立了?|设立了?|建立了?)[“「]?$")


def _known_unit(state: Discourse, tail: str, pos: int, units: list[Mention]) -> str | None:
    """The unit a bare head or section stands for (公司, 研究所, 转向架车间): the last one named
    before whose name ends with it."""
    here = [u.name for u in units if u.end <= pos]
    for name in reversed(state.units[:len(state.units) - len([u for u in units if u.start >= pos])] or here):
        if name.endswith(tail):
            return name
    return None


def _appositive_gap(flat: str, units: list[Mention], a: int, b: int) -> bool:
    """学员代表、大连海湾职业技术学院机电工程系教师马晓芸: a 、, a unit and a role between."""
    gap = flat[a:b]
    inner = [u for u in units if a <= u.start and u.end <= b]
    rest = gap
    for u in inner:
        rest = rest.replace(flat[u.start:u.end], "")
    return len(rest.strip("、")) <= 6 and not re.search(r"[，。；]", rest)


def _joined(flat: str, a: Mention, c: Mention, units: list[Mention]) -> bool:
    """贺晓彤教授和青年教师武晨: two names joined by 和 with roles around them."""
    gap = flat[a.end:c.start]
    return bool(re.fullmatch(r"[" "\u4e00-\u9fff" r"]{0,4}[和与及、][" "\u4e00-\u9fff" r"]{0,6}", gap))
