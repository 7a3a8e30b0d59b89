"""WORKS_AT from a clause whose subject is a person: P 就职于/进入/加入 U (1994年……进入江苏
沙钢集团有限公司), or P 是/任/现任/担任/在 U 工作 / U + a role (现任嘉兴市第一医院急诊科护士长).
Units glued before a name or in parentheses after it are in appositives.py."""
from __future__ import annotations

import re

from graph.extract.document import Mention, Span
from graph.extract.facts.recorder import FactRecorder, ref
from graph.extract.lexicons import EMPLOYMENT_VERBS, ROLE_WORDS, SECTION_HEADS, alternation
from graph.extract.years import year_between

CJK = r"\u4e00-\u9fff"
_JOINS = re.compile(r"(?:" + alternation(EMPLOYMENT_VERBS) + r"|(?<![走引推])进)(?:了)?原?$")
_IS_AT = re.compile(r"(?:(?:如今|现在|现|曾|后)?(?:是|任|担任|现任|在|成了|成为|当选为?)|(?:现|现在|如今|目前|曾|原)为|系)(?:原)?$")
_HOLDS = re.compile(r"(?:如今|现在|现|曾|后|又|还|同时|也)?(?:是|任|担任|现任|曾任|原任|兼任|当选为?|成了|成为)$")
_VILLAGE_OFFICE = re.compile(r"(?:党总支|党支部|党委|村委会|村民委员会|居委会|居民委员会)?副?(?:书记|主任)")
_KIND_OF_UNIT = ("乡镇", "基层", "各级", "各", "全国", "全省", "全市", "当地")
"""来自乡镇卫生院: a kind of unit, not one named."""
_SECTION_ROLE = re.compile(r"(?:担任|任)([" + CJK + r"]{1,6}?(?:" + alternation(SECTION_HEADS) + r"))(副?[" + CJK + r"]{1,5})(?=[，。；、]|$)")
"""在U担任护理部副主任: a section and a role after the unit's post verb."""
_ROLE_AFTER = re.compile(r"的?([" + CJK + r"]{0,8})")


def works_at(flat: str, b: FactRecorder, cms: list[Mention], sent: Span, clause: Span,
             subject: Mention | None, lead_year: int | None) -> None:
    cs, ce = clause
    if subject is None or subject.type != "Person":
        return
    for u in [m for m in cms if m.type == "Unit" and not m.name.startswith(_KIND_OF_UNIT)]:
        before = flat[max(cs, subject.end if subject.end <= u.start else cs):u.start]
        if _JOINS.search(before):
            b.add("WORKS_AT", ref(subject), ref(u), sent, year=year_between(flat, cs, u.start) or lead_year)
        elif _IS_AT.search(before):
            role = _ROLE_AFTER.match(flat[u.end:ce]).group(1)
            # X是U的“定海神针” / X是U的老护士: a nickname or an older role after 的
            described = bool(re.match(r"的(?:[“「]|[" + CJK + r"]{0,6}(?:" + "|".join(ROLE_WORDS) + r")[，。；、]?$)",
                                      flat[u.end:ce]))
            if flat[u.end:].startswith(("工作", "任", "担任")) or (role and role.endswith(ROLE_WORDS)) or described:
                b.add("WORKS_AT", ref(subject), ref(u), sent, year=year_between(flat, cs, u.start) or lead_year,
                      role=role or None)
                section = _SECTION_ROLE.match(flat, u.end, ce)
                if section and section.group(2).endswith(ROLE_WORDS):
                    # 在县人民医院担任护理部副主任: the post is in a section of the unit
                    child = ("Unit", u.name + section.group(1))
                    b.narrow("WORKS_AT", ref(subject), ref(u), child, sent, year=year_between(flat, cs, u.start) or lead_year)
                    b.add("PART_OF", child, ref(u), sent)


def village_office(flat: str, b: FactRecorder, cms: list[Mention], sent: Span, clause: Span,
                   subject: Mention | None) -> None:
    """P是/曾任/当选 (places) V党支部书记 / V村委会主任: the clause's subject serves the village,
    also when the clause only continues the sentence's subject (…，曾任原隆村党支部书记)."""
    cs, ce = clause
    if subject is None or subject.type != "Person":
        return
    for v in [m for m in cms if m.type == "Village" and not m.anaphor]:
        if not _VILLAGE_OFFICE.match(flat, v.end):
            continue
        start = v.start
        for r in sorted((m for m in cms if m.type == "Region" and m.end <= v.start), key=lambda m: m.end, reverse=True):
            if r.end == start:
                start = r.start  # 江孜县江热乡班觉伦布村党支部书记: the places of the village's chain
        before = flat[max(cs, subject.end if subject.end <= start else cs):start]
        apposed = start == cs and subject.end <= cs and re.fullmatch(r"(?:[（(][^（）()]{0,12}[）)])?[，,]", flat[subject.end:cs])
        if _HOLDS.search(before) or apposed:  # P（女，彝族），巍山县马鞍山乡青云村党总支书记: an apposition
            b.add("SERVES", ref(subject), ref(v), sent)


_ROLE_BEFORE_NAME = tuple(r for r in ROLE_WORDS if len(r) >= 2) + ("船长", "测报员", "技术员", "操作工", "挡车工", "护林员",
                                                                   "驾驶员", "检修工", "焊工", "钳工", "车工", "电工")


_OTHER_BODY = re.compile(r"工会|公司|集团|局|委|部|厅|院|所|站|中心|政府|办|协会|学校|大学|医院|报|台|社")


def scene_workers(flat: str, b: FactRecorder, ms: list[Mention], sent: Span, scene: str | None) -> None:
    """在/走进U(的…上)，理事长P正… : a person introduced by a bare role in the unit the sentence
    opens in works there (the role has no unit of its own before it)."""
    if scene is None:
        return
    s, e = sent
    unit = next((m for m in ms if m.type == "Unit" and m.name == scene), None)
    if unit is None:
        return
    for p in [m for m in ms if m.type == "Person" and not m.anaphor and m.start > unit.end and not m.props.get("byline")]:
        role = next((r for r in _ROLE_BEFORE_NAME if flat.endswith(r, 0, p.start)), None)
        if role is None:
            continue
        start = p.start - len(role)
        described = re.search(r"[，,、]((?:\d{1,3}岁的)?[" + CJK + r"“”]{0,12})$", flat[max(unit.end, start - 16):start])
        if described is None and start != unit.end or described and _OTHER_BODY.search(described.group(1)):
            continue  # …，市总工会主席P: the role is another body's
        if any(m.type in ("Unit", "Person", "Honor") and unit.end < m.start < start for m in ms if m is not p) \
                and not (described and not any(m.type in ("Unit", "Person") and start - len(described.group(1)) <= m.start < start
                                               for m in ms)):
            continue
        b.add("WORKS_AT", ref(p), ref(unit), sent)


_AS_ROLE = re.compile(r"作为[^，。；]{0,4}?$")


def as_a_role(flat: str, b: FactRecorder, ms: list[Mention], sent: Span) -> None:
    """作为U的首席技师，P…: the person the sentence goes on with holds that role at U."""
    s, e = sent
    for u in [m for m in ms if m.type == "Unit" and _AS_ROLE.search(flat[max(s, m.start - 6):m.start])]:
        role = re.match(r"的?([" + CJK + r"]{1,10}?)[，,]", flat[u.end:e])
        if not role or not role.group(1).endswith(ROLE_WORDS):
            continue
        after = u.end + role.end()
        p = next((m for m in ms if m.type == "Person" and m.start >= after), None)
        if p is not None and not re.search(r"[，。；]", flat[after:p.start]):
            b.add("WORKS_AT", ref(p), ref(u), sent, role=role.group(1))


def own_unit(flat: str, b: FactRecorder, ms: list[Mention], sent: Span) -> None:
    """P所在的U / P，U高级技师。: the unit the person belongs to, said right after the name."""
    for p in [m for m in ms if m.type == "Person" and not m.anaphor and not m.props.get("byline")]:
        u = next((m for m in ms if m.type in ("Unit", "Village") and m.start > p.end), None)
        if u is None:
            continue
        gap = flat[p.end:u.start]
        if gap == "所在的" and u.type == "Unit":
            b.add("WORKS_AT", ref(p), ref(u), sent)
        elif gap in ("，", ","):
            end = next((i for i in range(u.end, sent[1]) if flat[i] in "，。；"), sent[1])
            role = flat[u.end:end]
            if role and len(role) <= 10 and role.endswith(ROLE_WORDS) and re.fullmatch(r"[" + CJK + r"]+", role):
                b.add("WORKS_AT" if u.type == "Unit" else "SERVES", ref(p), ref(u), sent, role=role)


_FOUNDS = re.compile(r"(?:牵头|带头|带领[^，。；]{0,8}?)?(?:创办|创立|创建|成立|组建|领办|兴办)(?:了|起)?$")
_HEADS_IT = re.compile(r"[，,](?:并|后)?(?:出任|担任|任)([" + CJK + r"]{1,6}?)(?=至今|一职|[，。；、]|$)")


def founds_and_heads(flat: str, b: FactRecorder, ms: list[Mention], sent: Span, lead_year: int | None) -> None:
    """他牵头成立U，任理事长 / 他创办了U，任所长至今: who sets up a unit and heads it works
    there, from the year the sentence gives."""
    s, _ = sent
    for u in [m for m in ms if m.type == "Unit" and not m.anaphor]:
        clause_start = max(flat.rfind(c, s, u.start) for c in "，。；") + 1 or s
        clause_start = max(clause_start, s)
        if not _FOUNDS.search(flat[clause_start:u.start]):
            continue
        head = _HEADS_IT.match(flat, u.end)
        if not head or not head.group(1).endswith(ROLE_WORDS + ("理事长", "社长", "所长", "董事长", "总经理", "站长", "厂长", "院长")):
            continue
        who = next((p for p in reversed(ms) if p.type == "Person" and p.end <= u.start and not p.props.get("byline")), None)
        if who is not None:
            b.add("WORKS_AT", ref(who), ref(u), sent, year=year_between(flat, s, u.start) or lead_year,
                  role=head.group(1))


_TEAM_END = ("班", "班组", "组", "队", "车间", "工段", "中队", "大队")
_TEAM_ROLE = re.compile(r"(?:该?(?:班组|班|队|车间)的?)?(?:班长|组长|队长|副班长|副队长|车间主任|工段长)")
_SAME_TEAM = re.compile(r"同(?:一个?)?(?:班组|班|队|车间|科室|科)的?$")


def team_members(flat: str, b: FactRecorder, ms: list[Mention], sent: Span) -> None:
    """U机库二班获评…，班长P同时获得… / …带电作业班班长X…；他的徒弟、同班组的P…: a team's
    leader named by the bare role opening a later clause, and one of the same team, work in
    the team the sentence has just named (no other unit between)."""
    s, _ = sent
    teams = [m for m in ms if m.type == "Unit" and not m.anaphor and m.name.endswith(_TEAM_END)]
    for p in [m for m in ms if m.type == "Person" and not m.anaphor and not m.props.get("byline")]:
        before = [t for t in teams if t.end <= p.start]
        if not before or any(u.type == "Unit" and before[-1].end < u.start < p.start for u in ms):
            continue
        clause_start = max(flat.rfind(c, s, p.start) for c in "，；,") + 1
        if clause_start <= before[-1].end:
            continue  # the same clause: glued roles are read by the appositive chain
        head = flat[clause_start:p.start]
        if _TEAM_ROLE.fullmatch(head) or _SAME_TEAM.search(head):
            b.add("WORKS_AT", ref(p), ref(before[-1]), sent)
