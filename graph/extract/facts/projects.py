"""Projects and the villages served. PARTICIPATES_IN for the persons (else units) before a
participation verb (全国先进工作者王金良推广实施“……”项目), the co-ordinated group nearest
the verb; SERVES for the villages after a project's serving verb (项目覆盖建林村、南梅村),
for a village named before the verb with no person (建林村实施“……”项目), and for a
person serving a village (驻点北鹤村, 到…村为村民义诊) unless the sentence is a posting
(挂职: assignment.py). A project's outcomes are the numbers with units of its sentences."""
from __future__ import annotations

import re

from graph.extract.document import Document, Mention, Span
from graph.extract.facts.recorder import FactRecorder, ref
from graph.extract.lexicons import (
    ASSIGNMENT_CUES,
    OUTCOME_UNITS,
    PARTICIPATE_VERBS,
    ROLE_WORDS,
    SERVE_VERBS,
    VILLAGE_SERVICE_VERBS,
    VISIT_PURPOSES,
    VISIT_VERBS,
    alternation,
)
from graph.extract.lists import coordinated_with_roles
from graph.extract.years import year_between
from graph.facts import Entity

_SERVE_VERB = re.compile(r"(?:" + alternation(SERVE_VERBS) + ")")
_ASSIGNMENT = re.compile(alternation(ASSIGNMENT_CUES))
_VISIT = re.compile(r"(?:" + alternation(VISIT_VERBS) + ")")
_PURPOSE = re.compile(r"(?:" + alternation(VISIT_PURPOSES) + ")")
_SERVICE = re.compile(r"(?:" + alternation(VILLAGE_SERVICE_VERBS) + ")")
_OUTCOME = re.compile(r"(\d+(?:\.\d+)?)(多)?(" + alternation(OUTCOME_UNITS) + ")")


_NAMED_AFTER_VILLAGE = re.compile(r"([\u4e00-\u9fff]{1,4}?(?:村|社区|嘎查))(?![民委])")
_LED_BY = re.compile(r"带领的|领衔的|牵头的|负责的|所在的|的$|们[“「]?$|^[“「]?$|^(?:带领|率领|带着)(?:着)?$|命名的[“「]?$")
"""What stands between a person and the studio or team that acts: 她带领的测量队, 我们“X工作室”, X的工作室."""
_ROLE_LATER = re.compile(r"[”」]?(?:项目|课题|工程|专项|计划)?[，,]([^，。；]{2,12}?)(?:任|担任|出任|是)(?:该)?(?:项目|课题|工程|专项)?"
                         r"(?:总负责人|负责人|总设计师|主持人|首席专家|首席科学家|带头人|技术负责人)")
"""…“X”专项，宋婉清任项目负责人: the one who holds the project's role in the next clause."""
_UNDER_LEAD = re.compile(r"在([^，。；]{0,12}?)的?(?:牵头|主持|带领|推动|指导|倡议|组织)下")
"""在P牵头下，…共建的“X”: P takes part in what the clause carries out."""


def _last_participation_verb(window: str) -> int | None:
    verb = None
    for v in PARTICIPATE_VERBS:
        idx = window.rfind(v)
        if idx != -1 and (verb is None or idx > verb):
            verb = idx
    return verb


_THIS_VILLAGE = re.compile(r"全村|村里|村民|村集体|村干部|到村|进村|驻村|本村|该村|村口|村级")
"""Words of a sentence about the village the text is about, without naming it."""


def project_facts(flat: str, b: FactRecorder, ms: list[Mention], sent: Span, lead_year: int | None,
                  speaker: str | None = None, village: str | None = None, carried: str | None = None) -> None:
    """`carried`: the person a sentence that opens with its verb goes on about (2018年，牵头实施了…)."""
    s, e = sent
    for pr in [m for m in ms if m.type == "Project"]:
        named = [m for m in ms if m.type == "Village" and m.end <= pr.start]
        here = named[-1].name if named else village
        if here and not pr.anaphor and _THIS_VILLAGE.search(flat, s, e):
            b.add("SERVES", ref(pr), ("Village", here), sent)  # “纳灰绣娘”项目带动全村…
        if speaker and not pr.anaphor and flat[max(s, pr.start - 4):pr.start].endswith(("我们的", "我的", "我们", "咱们的")):
            b.add("PARTICIPATES_IN", ("Person", speaker), ref(pr), sent)  # 叶海波：我们的“…”项目
        # participants: persons (else units) before a participation verb in the sentence
        verb = _last_participation_verb(flat[s:pr.start])
        if verb is not None and not pr.anaphor:
            vpos = s + verb
            before = [m for m in ms if m.end <= vpos and m.type in ("Person", "Unit", "Studio") and not m.props.get("byline")]
            people = [m for m in before if m.type == "Person"]
            villages = [m for m in ms if m.end <= vpos and m.type == "Village"]
            if villages and not people and not [m for m in before if m.type == "Unit" and m.start > villages[-1].start]:
                b.add("SERVES", ref(pr), ref(villages[-1]), sent)
                for v, w in zip(reversed(villages[:-1]), reversed(villages[1:])):
                    if not re.fullmatch(r"(?:联合|携手|和|与|及|、)(?:邻近|相邻|周边|附近)?的?", flat[v.end:w.start]):
                        break
                    b.add("SERVES", ref(pr), ref(v), sent)  # V1联合邻近的V2，启动实施“…”项目
            # persons, else a studio, else a unit or team (该工作室牵头研发…, 班组围绕…开展攻关); a studio
            # or team nearest the verb in its clause is the agent (她带领的测量队负责…, 我们“X工作室”正在承担…)
            chosen = people or [m for m in before if m.type == "Studio"] or [m for m in before if m.type == "Unit"]
            nearest = max(before, key=lambda m: m.end) if before else None
            if nearest is not None and nearest.type in ("Studio", "Unit") and people and nearest.start > people[-1].end \
                    and not re.search(r"[，。；]", flat[people[-1].end:vpos]) and _LED_BY.search(flat[people[-1].end:nearest.start]):
                chosen = [nearest]
            if villages and not people and all(villages[-1].start < m.start for m in before):
                chosen = []  # 杨渡村依托…工作室，开展“…”项目: the village's project
            if chosen:
                year = year_between(flat, s, pr.start) or lead_year
                for m in coordinated_with_roles(flat, chosen, ROLE_WORDS):
                    b.add("PARTICIPATES_IN", ref(m), ref(pr), sent, year=year)
            elif carried and not villages:
                b.add("PARTICIPATES_IN", ("Person", carried), ref(pr), sent, year=year_between(flat, s, pr.start) or lead_year)
        # 在P牵头下，…“X”: P takes part; P在“X”工程中…: P works in it
        if not pr.anaphor:
            lead = None
            for m in _UNDER_LEAD.finditer(flat, s, pr.start):
                lead = m
            if lead is not None and not re.search(r"[。；]", flat[lead.end():pr.start]):
                inner = [x for x in ms if x.type == "Person" and lead.start(1) <= x.start and x.end <= lead.end(1)]
                if inner:
                    b.add("PARTICIPATES_IN", ref(inner[-1]), ref(pr), sent, year=year_between(flat, s, pr.start) or lead_year)
            if re.match(r"[”」]?(?:项目|工程)?(?:中|上|期间|建设中)", flat[pr.end:pr.end + 5]) and flat[pr.start - 1:pr.start] in ("在", "“"):
                at = pr.start - (2 if flat[pr.start - 1] == "“" else 1)
                who = [x for x in ms if x.type == "Person" and x.end <= at]
                if flat[at:at + 1] == "在" and who and not re.search(r"[，。；]", flat[who[-1].end:at]):
                    b.add("PARTICIPATES_IN", ref(who[-1]), ref(pr), sent, year=year_between(flat, s, pr.start) or lead_year)
        # “红坪村稻虾共作示范基地”: a project named after a village the text names serves it
        own = _NAMED_AFTER_VILLAGE.match(pr.name)
        if own and not pr.anaphor and any(m.type == "Village" and m.name == own.group(1) for m in b.doc.mentions):
            b.add("SERVES", ref(pr), ("Village", own.group(1)), sent)
        # 担任“X”课题总设计师: the person taking the project's role
        if not pr.anaphor and re.match(r"[" "\u4e00-\u9fff" r"]{0,2}(?:总设计师|负责人|主持人|首席专家|带头人|总工程师)", flat[pr.end:pr.end + 8]):
            who = [m for m in ms if m.type == "Person" and m.end <= pr.start]
            if who:
                b.add("PARTICIPATES_IN", ref(who[-1]), ref(pr), sent)
        # “X”专项，P任项目负责人: a person taking the project's role in a later clause
        if not pr.anaphor:
            role = _ROLE_LATER.match(flat, pr.end, e)
            if role:
                inner = [x for x in ms if x.type == "Person" and role.start(1) <= x.start and x.end <= role.end(1)]
                if inner:
                    b.add("PARTICIPATES_IN", ref(inner[-1]), ref(pr), sent, year=year_between(flat, s, pr.start) or lead_year)
        # 由P牵头 / 由P负责 after the project: P takes part
        if not pr.anaphor:
            for m in re.finditer(r"由([^，。；]{0,12}?)(?:牵头|负责|主持|领衔|具体实施)", flat[pr.end:e]):
                if re.search(r"[，。；]", flat[pr.end:pr.end + m.start()].strip("，")) and m.start() > 2:
                    break
                inner = [x for x in ms if x.type == "Person" and pr.end + m.start(1) <= x.start and x.end <= pr.end + m.end(1)]
                if inner:
                    b.add("PARTICIPATES_IN", ref(inner[-1]), ref(pr), sent, year=year_between(flat, s, pr.start) or lead_year)
                break
        # “…工程”，在V改造…: the village the project is carried out in
        at = re.match(r"[”」]?(?:项目|工程)?[，,]?(?:在|于)", flat[pr.end:e])
        if at and not pr.anaphor:
            place = pr.end + at.end()
            while (r := next((x for x in ms if x.type == "Region" and x.start == place), None)) is not None:
                place = r.end  # 在台江县施洞镇偏寨村、方寨村…: the places written before the villages
            v = next((x for x in ms if x.type == "Village" and x.start == place), None)
            while v is not None:  # 在昊苑村、园林村推广…: every village of the list
                b.add("SERVES", ref(pr), ref(v), sent)
                v = next((x for x in ms if x.type == "Village" and x.start > v.end
                          and flat[v.end:x.start] in ("、", "和", "与", "及", "以及")), None)
        # villages served: 项目覆盖V1、V2
        # (every serving verb of the window: 争取帮扶资金…，带动V1和V2 — the one the villages follow)
        window = re.match(r"[^。；]{0,60}", flat[pr.end:e]).group(0)
        for mv in _SERVE_VERB.finditer(window):
            if any(m.type in ("Person", "Unit", "Project") and pr.end <= m.start < pr.end + mv.end() for m in ms):
                break
            pos = pr.end + mv.end()
            for v in [m for m in ms if m.type == "Village" and m.start >= pos]:
                if re.search(r"[，。；]", flat[pos:v.start]):
                    break
                b.add("SERVES", ref(pr), ref(v), sent)
    # P到/在 R…V 为…/开展…: a person serving a village (not a 挂职 posting)
    if not _ASSIGNMENT.search(flat[s:e]):
        for m in _VISIT.finditer(flat[s:e]):
            pos = s + m.end()
            chain = _place_chain(flat, ms, pos)
            if chain and chain[-1].type == "Village" and _PURPOSE.match(flat[chain[-1].end:e]):
                p = [x for x in ms if x.type == "Person" and x.end <= s + m.start()]
                if p:
                    for v in (x for x in chain if x.type == "Village"):
                        b.add("SERVES", ref(p[-1]), ref(v), sent)
    # persons serving a village: P常年驻点V / P结对V / P包村联系V / 他联系七百弄乡V (places between)
    for m in _SERVICE.finditer(flat[s:e]):
        pos = s + m.end()
        chain = _place_chain(flat, ms, pos + (1 if flat[pos:pos + 1] == "了" else 0))
        p = [x for x in ms if x.type == "Person" and x.end <= s + m.start()]
        if chain and chain[-1].type == "Village" and p:
            for v in (x for x in chain if x.type == "Village"):
                b.add("SERVES", ref(p[-1]), ref(v), sent)


def _place_chain(flat: str, ms: list[Mention], pos: int) -> list[Mention]:
    """The places and villages written from pos on, glued or joined by 、/和 (康保镇红旗村、张纪镇前进村)."""
    chain: list[Mention] = []
    for x in ms:
        if x.start < pos or x.type not in ("Region", "Village"):
            continue
        if chain and not (x.start == chain[-1].end or chain[-1].type == "Village" and flat[chain[-1].end:x.start] in ("、", "和")) \
                or not chain and x.start != pos:
            break
        chain.append(x)
    while chain and chain[-1].type != "Village":
        chain.pop()
    return chain


def add_outcomes(doc: Document, entities: dict[tuple[str, str], Entity]) -> None:
    """Numbers with units stated in a project's sentences (户, 人次, 万元, 亿元, 亩, 项, 公里)
    become the project entity's `outcomes`."""
    for m in doc.mentions:
        if m.type != "Project":
            continue
        for s, e in doc.sentences:
            if s <= m.start < e:
                nums = _OUTCOME.findall(doc.flat[s:e])
                if nums:
                    outcomes = entities[("Project", m.name)].props.setdefault("outcomes", [])
                    for value, _, unit in nums:
                        item = f"{value}{unit}"
                        if item not in outcomes:
                            outcomes.append(item)
