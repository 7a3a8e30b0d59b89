"""Project mentions (bench/gold/README.md, "Project"):
(a) a quoted name the text calls 项目, 课题, 任务, 专项, 工程, 计划 or 行动 (“劳模入网格”项目,
    “浙江工匠”培育工程): named by the quote for 项目/课题/任务/专项, by the quote and the words
    up to the head for 工程/计划/行动 (浙江工匠培育工程);
(b) a quoted name of a technique, system, platform or standard that someone develops or
    leads (牵头研发的“汽车覆盖件模具快速修复”技术, 围绕“总装一次合格率提升”开展攻关): named
    by the quote. Not a nickname, a slogan or an activity (“绣花手”, 发起的“邻里议事厅”)."""
from __future__ import annotations

import re

from graph.extract.document import Document, Mention
from graph.extract.lexicons import NAMED_WORK_HEADS, PROJECT_HEADS, PROJECT_WORK_NOUNS, PROJECT_WORK_VERBS, alternation

CJK = r"\u4e00-\u9fff"
_NAME_ONLY = ("项目", "课题", "任务", "专项", "攻关项目", "科研项目", "建设项目", "研究课题", "攻关课题")
_PROJECT = re.compile(r"[“「]((?:[^“”「」\n]|‘[^’\n]*’){2,30}?)[”」]([" + CJK + r"]{0,4}?)("
                      + alternation(PROJECT_HEADS) + ")")
_HEAD_INSIDE = re.compile(r"[“「]((?:[^“”「」\n，。！？、]){2,28}?(" + alternation(PROJECT_HEADS) + r"))[”」]")
_WORK = re.compile(r"[“「]((?:[^“”「」\n，。！？]|‘[^’\n]*’){3,30}?)[”」](" + alternation(PROJECT_WORK_NOUNS) + ")?")
_WORK_VERB = re.compile("(?:" + alternation(PROJECT_WORK_VERBS) + ")")
_NAMED_WORK = re.compile(r"(?:" + alternation(PROJECT_WORK_VERBS) + r"|参与了|参建|修建|建成|服务于)(?:了)?([" + CJK
                         + r"\dA-Z]{2,14}?(?:" + alternation(NAMED_WORK_HEADS) + r")[" + CJK + r"\d]{0,4}?)"
                         r"(?=建设|施工|工程|项目|的|和|与|[，。；、]|$)")
"""参与了青川地铁2号线车辆段建设 → 青川地铁2号线车辆段: a named work written as it is."""
_AROUND = re.compile(r"^[”」](?:[^，。；]{0,6})?(?:开展|进行|展开)(?:技术)?(?:攻关|研究|试验)")


_QUOTED_BEFORE = re.compile(r"[“「]([^“”「」\n，。！？、]{2,30})[”」][、，]?$")
"""The quoted name right before another of the same run (“A”“B”等课题)."""
_CARRIED_OUT = re.compile(r"(?:牵头|主持|承担|负责|建设|建成|研发|研制|开设|创建|编写|编制|开通|上线)(?:了|的|起)?$")
"""建成了“X”, 开设“X”, 牵头编写的“X”: a quoted name right after a verb of carrying out is a named work."""
_NOT_A_WORK = re.compile(r"[”」]?(?:称号|荣誉|品牌|精神|理念|口号|模式|工作法|活动|服务队|志愿)")


def find_projects(flat: str) -> list[Mention]:
    out = []
    taken: set[int] = set()
    for m in _PROJECT.finditer(flat):
        content, middle, head = m.group(1).strip(), m.group(2), m.group(3)
        if re.search(r"[的了和在是]", middle):
            continue  # “……”的工程: the quote is not the project's name
        content = re.sub(r"[‘’]", "", content)
        name = content if head in _NAME_ONLY or middle + head in _NAME_ONLY else content + middle + head
        out.append(Mention("Project", name, m.start(), m.end()))
        taken.add(m.start())
        if head in _NAME_ONLY or middle + head in _NAME_ONLY:
            # “A”“B”等课题 / “A”、“B”两个课题: every quoted name of the run before the head
            pos = m.start()
            while (prev := _QUOTED_BEFORE.search(flat, 0, pos)) is not None:
                out.append(Mention("Project", re.sub(r"[‘’]", "", prev.group(1)), prev.start(), prev.end()))
                taken.add(prev.start())
                pos = prev.start()
    for m in _HEAD_INSIDE.finditer(flat):  # “山地苹果提质增效工程”, “肉羊良种繁育项目”: the head inside the quotes
        if m.start() in taken or flat.startswith(PROJECT_HEADS, m.end()):
            continue
        content, head = m.group(1), m.group(2)
        name = content[:-2] if head[-2:] in _NAME_ONLY else content  # …示范园建设项目 → …示范园建设
        out.append(Mention("Project", re.sub(r"[‘’]", "", name), m.start(), m.end()))
        taken.add(m.start())
    for m in _WORK.finditer(flat):
        if m.start() in taken:
            continue
        clause_start = max(flat.rfind(c, 0, m.start()) for c in "，。；\n") + 1
        before = flat[clause_start:m.start()]
        verb = _WORK_VERB.search(before)
        around = before.endswith(("围绕", "针对", "聚焦")) and _AROUND.match(flat[m.end(1):m.end(1) + 14])
        carried_out = _CARRIED_OUT.search(before) and not _NOT_A_WORK.match(flat, m.end())
        if (verb and (m.group(2) or m.group(1).endswith(PROJECT_WORK_NOUNS))) or around or carried_out:
            out.append(Mention("Project", re.sub(r"[‘’]", "", m.group(1)), m.start(), m.end()))
    return out


def named_works(flat: str, taken: list[Mention]) -> list[Mention]:
    out = []
    for m in _NAMED_WORK.finditer(flat):
        if any(t.start < m.end(1) and m.start(1) < t.end for t in taken) or re.search(r"[的了和与在是]", m.group(1)):
            continue
        end = m.end(1) + (2 if flat.startswith("工程", m.end(1)) else 0)  # 承担了上海地铁18号线二期工程的…: 工程 names it
        out.append(Mention("Project", flat[m.start(1):end], m.start(1), end))
    for m in _NAMED_PROJECT.finditer(flat):  # 参与了青川盐湖老卤综合利用工程, 在青川站改扩建工程中: a 工程 named without quotes
        g = 1 if m.group(1) else 2
        stem = m.group(g)[:-2]
        if any(t.start < m.end(g) and m.start(g) < t.end for t in taken + out) or re.search(r"[的了和与在是等各多项个]", stem) \
                or stem.startswith(_GENERIC_WORK_STARTS) or _generic_kind(stem):
            continue
        out.append(Mention("Project", m.group(g), m.start(g), m.end(g)))
    for m in _STANDARD.finditer(flat):  # 牵头编制了《地铁车辆牵引系统检修规范》企业标准
        if not any(t.start < m.end() and m.start() < t.end for t in taken):
            out.append(Mention("Project", m.group(1), m.start(1) - 1, m.end(1) + 1))
    return out


_NAMED_PROJECT = re.compile(r"(?:参与|承担|牵头实施|牵头|主持|负责|实施|完成)(?:了)?([" + CJK + r"\d]{4,16}?工程)(?![" + CJK + r"])"
                            r"|(?<=在)([" + CJK + r"\d]{4,16}?工程)(?=中|上|期间|建设中)")
"""参与了青川盐湖老卤综合利用工程: a 工程 named as written after a participation verb (not 师, as in 工程师)."""
_GENERIC_WORK_STARTS = ("一", "多", "各", "该", "这", "此", "重点", "民生", "重大", "改造", "技术改造", "技改", "基建",
                        "建设", "配套", "相关", "系统", "土建", "安装", "施工", "维修", "改扩建", "扩建", "新建")
"""技术改造工程, 重点工程, 配套工程: a kind of work, no name."""
def _generic_kind(stem: str) -> bool:
    """设备改造(工程), 厂房维修(工程): a kind of work on a thing, no name; 青川站改扩建(工程) names
    the place it is done at (three characters or more before the kind)."""
    kind = next((k for k in sorted(_GENERIC_WORK_STARTS, key=len, reverse=True) if stem.endswith(k)), None)
    return kind is not None and len(stem) - len(kind) < 3


_STANDARD = re.compile(r"(?:编制|制定|起草|修订|主编|参编)(?:了)?《([^》\n]{4,30}(?:规范|标准|规程|指南|导则|工法))》")
"""A standard someone drafts, in book-title marks: a named work (bench/gold/README.md, Project (b))."""


def projects(doc: Document) -> None:
    """Stage: project mentions."""
    found = find_projects(doc.flat)
    doc.candidates += found + named_works(doc.flat, found)
