"""What is glued to a name says who the person is: the appositive chain before it
(浙江省劳动模范、国网嘉兴供电公司高级技师徐卫东 → RECEIVED the honor, WORKS_AT the unit as
高级技师), the parenthesis after it (王建国（嘉兴市南湖区凤桥镇三星村党总支书记） → SERVES the
village as 党总支书记), and 来自U的学生P (WORKS_AT U)."""
from __future__ import annotations

import re

from graph.extract.document import Mention, Span
from graph.extract.facts.recorder import FactRecorder, ref
from graph.extract.lexicons import POSTED_ROLES, RECIPIENT_WORDS, ROLE_WORDS
from graph.extract.normalise import is_cjk
from graph.extract.years import year_between

CJK = r"\u4e00-\u9fff"
_BARE_ROLE = re.compile(r"([" + CJK + r"]{0,8}?)、([" + CJK + r"]{2,8})")


def chain_before(flat: str, ms: list[Mention], person: Mention) -> list[tuple[Mention, str]]:
    """The appositive chain glued in front of a person: 浙江省劳动模范、国网嘉兴供电公司高级技师徐卫东
    → [(Unit, '高级技师'), (Honor, '')], nearest first. Each element comes with the role
    text that follows it (units and villages only). Elements are joined directly, by 、/和/及,
    or by a role; a place may precede a unit (嘉兴市…)."""
    chain: list[tuple[Mention, str]] = []
    pos = person.start
    earlier = sorted([m for m in ms if m.end <= pos and (not m.anaphor or m.type == "Unit")],
                     key=lambda m: m.end, reverse=True)
    for m in earlier:
        gap = flat[m.end:pos]
        gap_core = gap.rstrip("、和及")
        if gap_core != gap and len(gap) - len(gap_core) > 1:
            break
        # a bare role between two chain elements: 浙江省劳动模范、高级工程师张海峰
        if not chain and gap_core.endswith("的") and m.type == "Unit" and re.search(r"(?:时任|现任|曾任|原任|任)[^，。；]*$", flat[max(0, m.start - 20):m.start]):
            gap_core = gap_core[:-1]  # 时任秦岭农商银行商州支行副行长的贾文渊: the role's holder after 的
        bare = _BARE_ROLE.fullmatch(gap_core)
        if bare and bare.group(2).endswith(ROLE_WORDS) and (not bare.group(1) or bare.group(1).endswith(ROLE_WORDS)):
            gap_core = bare.group(1)
        if gap_core and not (len(gap_core) <= 8 and all(is_cjk(c) for c in gap_core)
                             and gap_core.endswith(ROLE_WORDS)):
            if gap_core not in RECIPIENT_WORDS:
                break
        if m.type not in ("Honor", "Unit", "Village", "Region"):
            break
        role_text = gap_core if gap_core not in RECIPIENT_WORDS else ""
        chain.append((m, role_text if m.type in ("Unit", "Village") else ""))
        pos = m.start
    return chain


def appositive_facts(flat: str, b: FactRecorder, ms: list[Mention], sent: Span) -> None:
    s, _ = sent
    previous: tuple[Mention, list[tuple[Mention, str]]] | None = None
    for p in [m for m in ms if m.type == "Person" and not m.anaphor]:
        chain = chain_before(flat, [x for x in ms if x.type != "Person"], p)
        if not chain and previous is not None and flat[previous[0].end:p.start] in ("、", "和", "与", "及"):
            # 公司工艺部的年轻工程师高原、阮静: the names listed after one unit and role share it
            chain = [(m, role) for m, role in previous[1] if m.type == "Unit"]
        previous = (p, chain)
        for m, role in chain:
            if m.type == "Honor":
                b.add("RECEIVED", ref(p), ref(m), sent)
            elif m.type == "Unit":
                b.add("WORKS_AT", ref(p), ref(m), sent, role=role or None)
            elif m.type == "Village" and role.endswith(POSTED_ROLES):
                b.add("ASSIGNED_TO", ref(p), ref(m), sent)  # 十一村驻村第一书记、…P: posted there from outside
            elif m.type == "Village":
                b.add("SERVES", ref(p), ref(m), sent, role=role or None)
        # parenthesis after a name: 王建国（嘉兴市南湖区凤桥镇三星村党总支书记）
        opening = flat[p.end:p.end + 1]  # empty when the text ends on the name
        if opening and opening in "（(":
            close = flat.find("）" if opening == "（" else ")", p.end)
            if close != -1:
                inner = [m for m in ms if p.end < m.start and m.end <= close]
                units = [m for m in inner if m.type == "Unit"]
                villages = [m for m in inner if m.type == "Village"]
                if units:
                    u = max(units, key=lambda m: m.end)
                    b.add("WORKS_AT", ref(p), ref(u), sent, role=flat[u.end:close] or None)
                elif villages:
                    v = villages[-1]
                    b.add("SERVES", ref(p), ref(v), sent, role=flat[v.end:close] or None)
        # P同时是V党支部书记 / P是V党委书记: the village P's office is in
        cop = re.match(r"[^，。；]{0,6}?(?:同时|也|还|现)?(?:是|任|担任)", flat[p.end:p.end + 12])
        if cop:
            v = next((m for m in ms if m.type == "Village" and m.start == p.end + cop.end()), None)
            if v and re.match(r"(?:党总支|党支部|党委|村委会|居委会)?副?(?:书记|主任)", flat[v.end:v.end + 8]):
                b.add("SERVES", ref(p), ref(v), sent)
        # 来自U…的学生P
        window = max(s, p.start - 40)
        m = re.search(r"来自", flat[window:p.start])
        if m:
            units = [u for u in ms if u.type == "Unit" and window + m.end() <= u.start and u.end <= p.start]
            if units:
                b.add("WORKS_AT", ref(p), ref(units[0]), sent)


_CARD = re.compile(r"(?:【[^】\n]{1,10}】)?[ \u3000]*")
_AGE = re.compile(r"(?:[（(][男女][^）)]{0,10}[）)]|[，,][男女])?[，,](?:(?:\d{1,3}|[一二三四五六七八九十]{1,3})岁|\d{4}年(?:\d{1,2}月)?出?生)[，,]")
"""罗志诚，52岁，… / 宋一帆（女），1981年生，… / 岳素琴，女，1979年生，…: the age or birth year
that makes a line a card."""


def profile_card(flat: str, b: FactRecorder, ms: list[Mention], sent: Span) -> None:
    """【人物档案】罗志诚，52岁，全国劳动模范，青川重锻高级技师: a card names a person, then
    their age, then — clause by clause — units or villages with a role (WORKS_AT, SERVES)
    and titles with or without a year (RECEIVED: 2010年全国劳动模范 → @2010)."""
    s, e = sent
    lead = _CARD.match(flat, s)
    start = lead.end() if lead else s
    person = next((m for m in ms if m.type == "Person" and m.start == start and not m.anaphor), None)
    if person is None:
        return
    age = _AGE.match(flat, person.end)
    if not age:
        return
    pos = age.end()
    while pos < e:
        end = next((i for i in range(pos, e) if flat[i] in "，；。"), e)
        inside = [m for m in ms if pos <= m.start and m.end <= end]
        if any(m.type == "Person" and not m.anaphor for m in inside):
            break  # another person's clause
        places = [m for m in inside if m.type in ("Unit", "Village")]
        if places:
            last = max(places, key=lambda m: m.end)
            role = flat[last.end:end]
            if role and len(role) <= 10 and role.endswith(ROLE_WORDS):
                b.add("WORKS_AT" if last.type == "Unit" else "SERVES", ref(person), ref(last), sent, role=role)
        for v in [m for m in inside if m.type == "Village" and m is not (places and last)]:
            if re.match(r"(?:党总支|党支部|党委|村委会|居委会)?副?(?:书记|主任)", flat[v.end:v.end + 8]):
                b.add("SERVES", ref(person), ref(v), sent)  # …柳树村党支部书记、…合作社理事长
        for h in [m for m in inside if m.type == "Honor" and not m.props.get("event")]:
            year = year_between(flat, pos, h.start)
            b.add("RECEIVED", ref(person), ref(h), sent, year=year)
        pos = end + 1
