"""Unit mentions: organisations in their real forms (bench/gold/README.md, "Unit" and
"Units glued together").

- A name ends with an organisation level (…有限公司, …医院, …总工会, …派出所) or a section
  (…车间, …科, …护理单元); where it starts the tagger says (its ORG word, the places before
  it), or a run of name words that holds a place or a proper noun (南安市|石材|研究所).
- Sections written after a unit belong to it: 四川九峰电子装备有限公司|总装|车间 is one team
  Unit, PART_OF the company; a name is cut into its levels (unit_levels), each its own Unit.
- A bare 省/市/县 before a unit is the source's own place (市总工会 → 潍坊市总工会, 省委、省政府
  → 湖北省委, 湖北省政府); 该县总工会 the last county named; 公司焊接车间 the last company's.
- Party and government bodies that act (省委宣传部, 县人民政府), village committees
  (茶山村委会 → 茶山村村民委员会), media outlets (青川日报, 中新网).
- A company named again by its short name (沙钢), a team named without its unit before a
  role and a name (设备维修班班长刘宏伟)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from graph.extract.document import Document, Mention, Token
from graph.extract.lexicons import (
    surnames,
    BARE_TEAM_HEADS,
    BODY_OFFICE_AFTER,
    BODY_WORDS,
    CHILD_LEVEL_HEADS,
    CHILD_UNIT_HEADS,
    CHILD_UNIT_STOP,
    MEDIA_HEADS,
    MEDIA_OUTLETS,
    NOT_SECTIONS,
    ORG_LEVEL_HEADS,
    PARENT_UNIT_HEADS,
    ROLE_WORDS,
    SECTION_HEADS,
    TEAM_LEADER_ROLES,
    UNIT_HEADS,
    alternation,
    gazetteer,
    place_of,
)
from graph.extract.segment import inside

CJK = r"\u4e00-\u9fff"
_THIS_COUNTY_UNIT = re.compile(r"该(县|市|区)([" + CJK + r"]{0,8}?(?:总工会|劳模协会|协会|传媒中心|中心|局|医院|委员会))")
_PLACE_UNIT = re.compile(r"([" + CJK + r"]{0,8}?)(总工会|劳模协会|劳模办|协会|办公室|委员会|传媒中心)")
_CHILD_HEADS_RE = r"]{1,6}?(?:车间|班组|班|科|大队|研究院|分公司|护理部|部|组|中心|工会))"
_THIS_COMPANY_CHILD = re.compile(r"(该公司|该厂|该院|本院|该集团)([" + CJK + _CHILD_HEADS_RE
                                 + r"|(?:(?<![" + CJK + r"])|(?<=[在到进回的入了是和与、]))(公司|医院|集团)([" + CJK + _CHILD_HEADS_RE)
_PARENT_HEAD = {"该院": "院", "本院": "院", "医院": "医院", "该厂": "厂", "该集团": "集团", "集团": "集团"}
_GLUED_CHILD = re.compile(r"[" + CJK + r"]{1,6}?(?:" + alternation(CHILD_UNIT_HEADS) + ")")
_CHILD_STOP = re.compile("(" + alternation(CHILD_UNIT_STOP) + ")")
_LEVEL_HEAD = re.compile("(?:" + alternation(tuple(h for h in ORG_LEVEL_HEADS if len(h) > 1 or h in "局厂")) + ")")
"""Where a level may end inside a name: not 社 (人力资源和社会保障局), 所, 站 or 院 alone."""
_ORG_WORDS = re.compile("(?:" + alternation(tuple(h for h in ORG_LEVEL_HEADS if len(h) > 1)) + ")")
_FUNCTION_CHARS = set("和与及、的在是了将等把被对向为也都还就又其从到该这那各")
_ROLES_INSIDE = tuple(r for r in ROLE_WORDS if len(r) >= 2)
_SECTION = re.compile(r"[" + CJK + r"\d]{0,9}?(?:" + alternation(SECTION_HEADS) + ")")
_ANY_HEAD = tuple(sorted(set(ORG_LEVEL_HEADS) | set(SECTION_HEADS) | set(UNIT_HEADS) | set(MEDIA_HEADS),
                         key=len, reverse=True))
_LEGAL_CONTINUATIONS = ("有限公司", "股份", "有限责任公司", "公司", "集团")
_NAME_TAGS = {"ORG", "LOC", "nz", "n", "nw", "m", "j", "vn", "an", "a", "v", "s"}
"""Tags of the words a unit's name is made of (装配|车间, 大孤山|项目部, 3路|车队)."""
_PROPER_TAGS = {"ORG", "LOC", "nz", "nw", "j"}
_MEDIA = re.compile(r"(?:" + alternation(MEDIA_OUTLETS) + r")|[" + CJK + r"]{2,6}?(?:" + alternation(MEDIA_HEADS) + ")")
_BODY = re.compile(r"(?<![" + CJK + r"])(?:" + alternation(BODY_WORDS) + r")|(?<=[、和及与，。；：（“])(?:"
                   + alternation(BODY_WORDS) + ")")
_VILLAGE_COMMITTEE = re.compile(r"([" + CJK + r"]{1,4}?(?:村|社区))(?:村民委员会|居民委员会|村委会|居委会)")
_RUN_HEADS = tuple(h for h in ORG_LEVEL_HEADS if len(h) > 1 or h == "厂")
"""A run of words the tagger did not call an organisation ends with one of these (not 站:
光伏电站)."""
_SECTION_STOP_START = ("高级", "首席", "主任", "主管", "技术员", "技师", "工程师", "副", "总经理", "总监", "总工",
                       "总裁", "总会计", "党委", "党支部", "党总支", "工会主席",
                       "担任", "合作", "联合", "开设", "组建", "负责", "成立")
"""…医院担任心血管内科护士长, …学校合作开设…培训班: a verb after a unit starts no section of it."""
_CHILD = re.compile(r"[" + CJK + r"\d]{1,9}?(?:" + alternation(CHILD_LEVEL_HEADS) + ")")
_MAX_NAME = 30
_STUDIO_IN_WORD = re.compile("工作室")


# ------------------------------------------------------------------ the shape of a name


_BODY_ENDS = ("省委", "市委", "县委", "区委", "州委", "党委")


def unit_ok(name: str) -> bool:
    """A unit's name: three characters or more, ending with an organisation head (or a party
    committee: 深圳市委), no list inside."""
    return len(name) >= 3 and name.endswith(_ANY_HEAD + _BODY_ENDS) and not re.search(r"[+、，,\s]", name)


_AFFILIATED = re.compile(r"(?:第[一二三四五六七八九十\d]{1,3})?附属|第[一二三四五六七八九十\d]{1,3}(?:临床)?医院")
"""附属…, 吉林大学第一医院: a university's teaching hospital is named as one unit."""


def _level_ends(name: str) -> list[int]:
    """Where organisation levels end inside a name: 温州市公安局|鹿城区分局|五马派出所. A head
    followed by a legal suffix (…集团有限公司) or by another head (…中心医院) continues the
    same level; 中心 right after a place (市中心人民医院) is the city centre."""
    ends = []
    pos = 0
    while True:
        m = _LEVEL_HEAD.search(name, pos)
        if not m:
            break
        start, end = m.start(), m.end()
        pos = start + 1
        if start == 0:
            continue
        head = m.group(0)
        if head == "中心" and name[start - 1] in "市县区镇":
            continue
        rest = name[end:]
        if rest.startswith(_LEGAL_CONTINUATIONS) or _LEVEL_HEAD.match(rest) or len(head) == 1 and rest.startswith("长"):
            continue
        if _AFFILIATED.match(rest):
            continue  # 南昌大学第四附属医院, 重庆医科大学附属第一医院: an affiliated unit is one level
        if rest and not re.match(r"[" + CJK + r"\d]", rest):
            continue
        if end not in ends:
            ends.append(end)
        pos = end
    return ends


def unit_levels(name: str) -> list[str]:
    """The chain of units a name holds, outermost first, the name itself last:
    温州市公安局鹿城区分局五马派出所 → [温州市公安局, 温州市公安局鹿城区分局, …五马派出所];
    consecutive sections are one team: …医院心血管内科护理单元 → [..医院, ..医院心血管内科护理单元]."""
    out = [name[:e] for e in _level_ends(name) if e < len(name)]
    return [*out, name]


def unit_parent(name: str) -> str | None:
    """The unit a name's last part belongs to: 长城汽车股份有限公司平湖分公司总装车间 →
    长城汽车股份有限公司平湖分公司; None for an organisation of one level."""
    levels = unit_levels(name)
    return levels[-2] if len(levels) > 1 else None


def _is_section_run(text: str) -> bool:
    """Sections glued after a unit (装配车间, 心血管内科护理单元, 3路车队), not a role (高级技师)."""
    pos = 0
    while pos < len(text):
        m = _SECTION.match(text, pos)
        if not m or m.end() == pos:
            return False
        part = m.group(0)
        if not _part_ok(part, text[pos:]) or _ORG_WORDS.search(part.replace("中心", "")):
            return False
        pos = m.end()
    return bool(text)


def _part_ok(part: str, rest: str) -> bool:
    if part in NOT_SECTIONS or part.endswith(NOT_SECTIONS) or rest.startswith(_SECTION_STOP_START) or len(part) < 2:
        return False
    if any(r in part[:-1] for r in _ROLES_INSIDE):
        return False  # 主席方立群带队: a role and a name, not a section
    chars = set(part)
    if _FUNCTION_CHARS & chars:
        # 劳动和经济工作部: 和 between two words of a long department name
        return len(part) >= 7 and chars & _FUNCTION_CHARS == {"和"} and not part.startswith("和") \
            and part.endswith(("部", "处", "室", "科"))
    return True


def _is_tail(text: str) -> bool:
    """What may follow a unit as its children: child levels (轧钢厂, 结构件分厂, 化工分公司)
    then sections (甲醇车间), as in 陕西延河能源集团有限公司化工分公司甲醇车间."""
    pos = 0
    while pos < len(text):
        m = _CHILD.match(text, pos)
        if not m or not _part_ok(m.group(0), text[pos:]) or _ORG_WORDS.search(m.group(0)[:-2]):
            break
        pos = m.end()
    return pos == len(text) and bool(text) or _is_section_run(text[pos:]) and pos < len(text)


# ------------------------------------------------------------------ where names start and end


def _word_ok(tok: Token) -> bool:
    return tok.tag in _NAME_TAGS and not tok.word.endswith(ROLE_WORDS) and re.fullmatch(r"[" + CJK + r"\d]+", tok.word) is not None


def _trim_to_head(word: str) -> int:
    """The length of the longest prefix of an ORG word that is a unit's name: it ends with
    a unit head and whatever follows its last organisation level reads as sections
    (寿光市蔬菜产业发展中心农艺师 → …中心; 浏阳日报讯 → 浏阳日报; 马鞍山市总工会主席方立群
    带队 → 马鞍山市总工会)."""
    for k in range(len(word), 2, -1):
        name = word[:k]
        if not name.endswith(_ANY_HEAD):
            continue
        ends = _level_ends(name)
        last = max((e for e in ends if e < len(name)), default=0)
        if len(name) not in ends and last and not _is_section_run(name[last:]):
            continue
        if any(_FUNCTION_CHARS & set(name[a:b]) for a, b in zip([last] if last else [], [len(name)])):
            continue  # 嘉善县总工会联合该县传媒中心: two units glued by a verb
        return k
    return 0


def _extend_right(doc: Document, end: int, limit: int) -> int:
    """The end of the sections glued after a unit: the longest run of following words that
    reads as sections (总装|车间, 大孤山|项目部|爆破|组), stopping before a role."""
    flat = doc.flat
    best = end
    text = ""
    toks = _tokens_from(doc, end)
    for i, tok in enumerate(toks):
        if tok.tag == "v" and i + 1 < len(toks) and (toks[i + 1].tag in ("ORG", "LOC")
                                                      or toks[i + 1].tag == "m" and _COUNTED.match(toks[i + 1].word)):
            break  # …保障厅|依托|潮州市工艺美术研究所, …总工会|命名|10个班组: a verb, not a section
        numeral = tok.tag == "m" and re.fullmatch(r"[\d一二三四五六七八九十第]+\S*", tok.word)
        # 钳工|组: a trade word the team is named by, when a team head follows it
        trade = tok.tag == "n" and i + 1 < len(toks) and toks[i + 1].word in ("组", "班", "班组", "小组", "队")
        if tok.start >= limit or not (_word_ok(tok) or numeral or trade or tok.tag == "q" and len(tok.word) == 1
                                      or tok.word == "和" and text):
            break
        if len(text) + len(tok.word) > 14:
            break
        text += tok.word
        if _is_tail(text):
            best = tok.end
    # a section the tagger glued to the next word: 车间和集团… is cut at the head
    best = best if best > end else _glued_section(flat, end)
    return _named_team(flat, best)


_BUREAU_AND = re.compile(r"[" + CJK + r"]{2,4}和[" + CJK + r"]{2,6}?(?:局|厅|委员会|办公室)")
_COUNTED = re.compile(r"(?:\d+|[一二两三四五六七八九十百]+)(?:个|名|项|家|位|支)")
_NAMED_TEAM = re.compile(r"([" + CJK + r"]{2,3}?)(?:班组|班|小组)(?![" + CJK + r"]{0,1}(?:长|的))")


def _named_team(flat: str, end: int) -> int:
    """…焊接车间陈立强班: a team named after a person, glued after a section, is part of the
    same team Unit (the person is no Person there, bench/gold/README.md)."""
    if not re.search(r"(?:车间|工段|分厂|作业区|中心|队|科|部)$", flat[max(0, end - 3):end]):
        return end
    m = _NAMED_TEAM.match(flat, end)
    if m and m.group(1)[0] in surnames()[0] and not _FUNCTION_CHARS & set(m.group(1)):
        return m.end()
    return end


def _glued_section(flat: str, end: int) -> int:
    m = _SECTION.match(flat, end)
    if m and _COUNTED.search(m.group(0)):
        return end  # …总工会命名10个班组: a count of teams, no section of the unit
    after = flat[m.end():m.end() + 1] if m else ""
    if m and _is_tail(m.group(0)) and (not re.match(r"[" + CJK + r"]", after or "。") or after in _FUNCTION_CHARS
                                              or flat.startswith(ROLE_WORDS, m.end())):
        return m.end()
    return end


def _tokens_from(doc: Document, pos: int) -> list[Token]:
    index = _token_index(doc)
    i = index.get(pos)
    return doc.tokens[i:i + 8] if i is not None else []


def _token_index(doc: Document) -> dict[int, int]:
    cached = getattr(doc, "_token_start_index", None)
    if cached is None:
        cached = {t.start: i for i, t in enumerate(doc.tokens)}
        doc._token_start_index = cached  # type: ignore[attr-defined]
    return cached


def _start_of_run(doc: Document, i: int) -> tuple[int, bool]:
    """The first word of the run of name words ending with token i, and whether the run
    holds a place or a proper noun (a name, not a common phrase like 村集体茶叶加工厂)."""
    tokens = doc.tokens
    j = i
    proper = tokens[i].tag in _PROPER_TAGS
    while j > 0 and i - j < 5:
        prev = tokens[j - 1]
        if prev.end != tokens[j].start or not _word_ok(prev) or prev.tag in ("v", "a", "m", "vn", "an") \
                or prev.word.endswith(_ANY_HEAD) and prev.tag != "LOC":
            break
        j -= 1
        proper = proper or prev.tag in _PROPER_TAGS
    return j, proper


def _bare_place(doc: Document, char: str) -> str | None:
    return {"省": doc.province, "市": doc.city, "县": doc.county, "区": doc.county}.get(char)


def _with_place(doc: Document, name: str, start: int) -> tuple[str, int] | None:
    """A unit written with a bare 省/市/县/区 (市总工会, 该县总工会) gets the place: for
    该县/该市 and a bare 县/区 the last of that level named before it, else the source's own
    (bench/gold/README.md: the text's own place of that level). None when there is none."""
    char = name[0]
    if char not in "省市县区" or not (name[1:].endswith(_ANY_HEAD) or name.endswith(_BODY_ENDS + ("政府",))):
        return name, start
    this = doc.flat[start - 1:start] == "该"
    place = last_place(doc.candidates, start, char, doc.places) if this or char in "县区" else None
    if place is None and char in "市县区":
        place = _same_chain_place(doc, start, char)
    place = place or _bare_place(doc, char)
    if not place:
        return None
    return place + name[1:], (start - 1 if this else start)


def _same_chain_place(doc: Document, pos: int, char: str) -> str | None:
    """A place of that level named just before, in the same chain of titles with no name
    between (张家港市委常委、市总工会主席 → 张家港市), not one of another list item's."""
    s = next((a for a, b in doc.sentences if a <= pos < b), 0)
    best = None
    for end, name in doc.places:
        if s <= end <= pos and name.endswith(char):
            best = (end, name)
    if best is None:
        return None
    between = [t for t in doc.tokens if best[0] <= t.start < pos]
    if any(t.tag == "PER" or t.word in ("，", "；", "。") for t in between):
        return None
    return best[1]


def tagged_units(doc: Document) -> None:
    """Stage: organisations from the tagger's words and name shapes, with the sections glued
    after them, bodies, village committees and media outlets."""
    flat = doc.flat
    found: list[Mention] = []
    taken: set[int] = set()
    for i, tok in enumerate(doc.tokens):
        if inside(tok.start, tok.end, doc.books) or inside(tok.start, tok.end, doc.short_quotes):
            continue
        studio = _STUDIO_IN_WORD.search(tok.word)
        if studio and len(tok.word) - studio.end() >= 4:
            # 杨振国技能大师工作室洛阳城建工程有限公司: a table of studios and units run together
            rest = tok.word[studio.end():].strip(" \u3000")
            offset = tok.start + tok.word.index(rest, studio.end()) if rest else 0
            k = _trim_to_head(rest)
            if k >= 4:
                end = offset + k
                if end == tok.end:
                    end = _extend_right(doc, end, len(flat))
                found.append(Mention("Unit", flat[offset:end], offset, end))
            continue
        if tok.tag == "ORG" or tok.tag == "LOC" and _ORG_WORDS.search(tok.word, 2) and _trim_to_head(tok.word) == len(tok.word):
            # a place word the tagger ran on into a unit (顺昌县洋口国有林场护林队 tagged LOC)
            k = _trim_to_head(tok.word)
            if not k and tok.word.endswith(_BODY_ENDS) and not doc.flat.startswith(BODY_OFFICE_AFTER, tok.end):
                k = len(tok.word)
            if not k:
                continue
            start, end = tok.start, tok.start + k
            j = i
            while j > 0 and doc.tokens[j - 1].tag == "LOC" and doc.tokens[j - 1].end == doc.tokens[j].start:
                j -= 1  # places before it: 成都|锦城宾馆, 乐清市|柳市镇|长虹村…
            start = doc.tokens[j].start
        elif tok.tag != "m" and tok.word.endswith(_RUN_HEADS) and _word_ok(tok):
            j, proper = _start_of_run(doc, i)
            if not proper or j == i and tok.tag != "LOC" and len(tok.word) < 4:
                continue
            start, end = doc.tokens[j].start, tok.end
        else:
            continue
        if start in taken:
            continue
        end = _extend_right(doc, end, len(flat)) if end == tok.end or end < tok.end else end
        if end - start > _MAX_NAME:
            continue
        resolved = _with_place(doc, flat[start:end], start)
        if resolved is None:
            continue
        name, start = resolved
        if name.endswith(MEDIA_HEADS) and _cited_source(flat, start):
            continue
        if unit_ok(name) and not (_is_section_run(name) and place_of(name) is None and len(name) <= 6):
            found.append(Mention("Unit", name, start, end))
            taken.add(start)
    committees = _village_committees(doc)
    # 五常市龙凤山镇乐园村村民委员会: the places before a village are Regions, the committee is the village's
    found = [u for u in found if not any(c.end == u.end and u.start < c.start and _PLACE_END.search(flat[u.start:c.start])
                                         for c in committees)]
    found += _bodies(doc) + committees + _media(doc)
    doc.candidates += found


def _bodies(doc: Document) -> list[Mention]:
    """省委、省政府 (acting bodies) → 湖北省委, 湖北省政府; not 市委常委, 县委书记."""
    out = []
    flat = doc.flat
    for m in _BODY.finditer(flat):
        if flat.startswith(BODY_OFFICE_AFTER, m.end()) or flat.startswith(("宣传部", "组织部", "统战部"), m.end()):
            continue
        place = _bare_place(doc, m.group(0)[0])
        if place:
            out.append(Mention("Unit", place + m.group(0)[1:], m.start(), m.end()))
    return out


def _village_committees(doc: Document) -> list[Mention]:
    """茶山村村民委员会, 茶山村委会 → Unit 茶山村村民委员会 (LOCATED_IN 茶山村, facts/places.py)."""
    out = []
    for m in _VILLAGE_COMMITTEE.finditer(doc.flat):
        village, start = m.group(1), m.start()
        cut = max(village.rfind(c) for c in "镇乡区县市旗")  # 区|太极湖村: the stem starts after a place's suffix
        if 0 <= cut <= len(village) - 4:
            village, start = village[cut + 1:], start + cut + 1
        # 当选|宁渠村村民委员会: the village's name starts at a word that is no verb or function word
        words = {t.start: t for t in doc.tokens if start <= t.start <= start + len(village) - 2}
        if start not in words or words[start].tag in _NOT_NAME_TAGS:
            nxt = next((k for k in sorted(words) if k > start and words[k].tag not in _NOT_NAME_TAGS), None)
            if nxt is not None:
                village, start = village[nxt - start:], nxt
        kind = "居民委员会" if village.endswith("社区") else "村民委员会"
        out.append(Mention("Unit", village + kind, start, m.end(), {"village": village}))
    return out


_NOT_NAME_TAGS = {"v", "p", "d", "c", "u", "r", "w", "vd", "TIME", "m", "q", "f", "xc"}
_PLACE_END = re.compile(r"(?:镇|乡|街道|区|县|市|旗)$")


_MEDIA_CONTEXT_AFTER = ("讯", "记者", "首席记者", "特约记者", "报道", "消息", "电", "融媒")


def _media(doc: Document) -> list[Mention]:
    """Media outlets in datelines and bylines (青川日报讯, 中新网青川5月2日电, （彭城晚报记者 …）).
    A publication cited in 《》 or in a bare 来源 line is no Unit (facts/bylines.py names
    the outlet when someone works there)."""
    out = []
    flat = doc.flat
    for m in _MEDIA.finditer(flat):
        if inside(m.start(), m.end(), doc.books):
            continue
        start = m.start()
        name = m.group(0)
        k = 0
        while k < len(name) - 2 and not _media_start(flat, start + k):
            k += 1
        name, start = name[k:], start + k
        if name.startswith(("本报", "本刊", "本台", "本网")) or len(name) < 3:
            continue
        after = flat[m.end():m.end() + 12]
        if not (after.startswith(_MEDIA_CONTEXT_AFTER) or re.match(r"[" + CJK + r"]{0,6}?\d{1,2}月\d{1,2}日(?:电|消息|讯)", after)):
            continue
        out.append(Mention("Unit", name, start, m.end(), {"kind": "media"}))
    return out


def _cited_source(flat: str, start: int) -> bool:
    """来源：恩施日报 — a source line names a publication, not an acting unit."""
    return bool(re.search(r"(?:来源|稿源|转自|出处)[：:][ \u3000]*$", flat[max(0, start - 8):start]))


def _media_start(flat: str, pos: int) -> bool:
    before = flat[pos - 1:pos] if pos else ""
    if not before or not re.match(r"[" + CJK + r"]", before):
        return True
    return flat[max(0, pos - 2):pos].endswith(("来源", "据", "自", "在", "和", "与", "、", "接受", "的"))


# ------------------------------------------------------------------ earlier and discourse units


def last_place(mentions: list[Mention], pos: int, kind_char: str, places: list[tuple[int, str]] = ()) -> str | None:
    """The last county (县/区) or city (市) named before pos: alone, as a unit's prefix, or
    anywhere in the text by its full name (张家港市委常委、市总工会主席 → 张家港市)."""
    best: tuple[int, str] | None = None
    for m in mentions:
        if m.end > pos or m.type not in ("Region", "Unit") or m.props.get("village"):
            continue  # 常州村村民委员会 names a village, not the city 常州
        place = m.name if m.type == "Region" else place_of(m.name)
        if place and place.endswith(kind_char) and (best is None or m.end > best[0]):
            best = (m.end, place)
    for end, name in places:
        if end > pos:
            break
        if name.endswith(kind_char) and (best is None or end > best[0]):
            best = (end, name)
    return best[1] if best else None


def last_before(mentions: list[Mention], pos: int, type_: str, ok: Callable[[str], bool] | None = None) -> str | None:
    """The name of the last mention of a type that ends before pos (and passes ok)."""
    best = None
    for m in mentions:
        if m.type == type_ and m.end <= pos and (ok is None or ok(m.name)):
            if best is None or m.end > best.end:
                best = m
    return best.name if best else None


def cut_units(doc: Document) -> None:
    """Stage: units the tagger cut or left implicit: 该县总工会, 嘉兴市劳模办, 该公司仪表班,
    公司焊接车间, 嘉兴市第一医院急诊科."""
    flat = doc.flat
    cands = doc.candidates
    for m in _THIS_COUNTY_UNIT.finditer(flat):
        place = last_place(cands, m.start(), m.group(1), doc.places)
        if place:
            cands.append(Mention("Unit", place + m.group(2), m.start(), m.end()))
    # a place followed by an organisation head the tagger missed: 嘉兴市劳模办
    for r in doc.of_type("Region"):
        m = _PLACE_UNIT.match(flat[r.end:r.end + 12])
        if m and not re.search(r"[的在和与及了是、将为把被对向]", m.group(1)) and not _VILLAGE_COMMITTEE.search(m.group(0)):
            # (眉县|金渠镇宁渠村村民委员会: a village committee is its village's, the places are Regions)
            cands.append(Mention("Unit", r.name + m.group(0), r.start, r.end + m.end()))
    # 松阳县文化和旅游局, 青川市人力资源和社会保障局: a government body named "X和Y局" after its place
    for end, place in doc.places:
        m = _BUREAU_AND.match(flat, end)
        if m and not any(c.type == "Unit" and c.start <= end and c.end >= m.end() for c in cands):
            cands.append(Mention("Unit", place + m.group(0), end - len(place), m.end()))
    # 该公司仪表班, 公司焊接车间: the child of the last company (or hospital, factory) named
    for m in _THIS_COMPANY_CHILD.finditer(flat):
        which, child = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if child in NOT_SECTIONS or _FUNCTION_CHARS & set(child):
            continue
        head = _PARENT_HEAD.get(which, "公司")
        if head == "集团":
            ok = (lambda n: "集团" in n and n.endswith(("集团", "公司")) and unit_parent(n) is None)
        else:
            ok = (lambda n, h=head: n.endswith(h) or (h == "公司" and n.endswith("集团")))
        parent = last_before(cands, m.start(), "Unit", ok)
        if parent:
            start = m.start() if m.group(1) else m.start(3)
            cands.append(Mention("Unit", parent + child, start, m.end(), {"parent": parent}))


@lru_cache(maxsize=1)
def _place_lengths() -> tuple[dict[str, str], tuple[int, ...]]:
    by_name, aliases = gazetteer()
    names = {n: n for n in by_name} | dict(aliases)
    return names, tuple(sorted({len(n) for n in names if len(n) >= 2}, reverse=True))


def short_unit_name(name: str) -> str | None:
    """江苏沙钢集团有限公司 → 沙钢: place prefix and legal or trade suffixes dropped."""
    names, lengths = _place_lengths()
    core = name
    changed = True
    while changed:
        changed = False
        for n in lengths:
            if len(core) > n + 2 and core[:n] in names:
                core, changed = core[n:], True
                break
    for suffix in ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "股份"):
        core = core.removesuffix(suffix)
    core = core.removesuffix("集团")
    if len(core) < 2 or core in ("供电", "电力", "国网") or len(core) > 6:
        return None
    return core


@lru_cache(maxsize=1)
def _short_forms() -> dict[str, str]:
    """Full place name → its short form (郑州市 → 郑州), from the gazetteer's aliases."""
    _, aliases = gazetteer()
    out: dict[str, str] = {}
    for a, t in aliases.items():
        if len(a) >= 2:
            out.setdefault(t, a)
    return out


def contracted_unit_name(name: str) -> str | None:
    """郑州市公共交通集团有限公司 → 郑州公交: the place's short form and the first character of
    each two-character word of a four-character trade (公共|交通 → 公交), as Chinese shortens
    names (北京大学 → 北大)."""
    names, lengths = _place_lengths()
    short_place = None
    for n in lengths:
        if len(name) > n + 4 and name[:n] in names:
            full = names[name[:n]]
            short_place = _short_forms().get(full) if name[:n] == full else name[:n]
            core = name[n:]
            break
    else:
        return None
    for suffix in ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "股份"):
        core = core.removesuffix(suffix)
    core = core.removesuffix("集团")
    if short_place is None or len(core) != 4:
        return None
    return short_place + core[0] + core[2]


_OUR_UNIT = re.compile(r"(?:我|本)(院|校|公司|厂|局|集团|中心|所)")
_CREDIT_UNION = re.compile(r"(?<=[（(])(院|校|集团|公司|厂|局)(工会|团委|办公室|宣传部|党委办公室)")
_OUR_HEADS = {"院": ("医院", "院"), "校": ("学校", "中学", "小学", "大学", "学院"), "公司": ("公司",), "厂": ("厂",),
              "局": ("局",), "集团": ("集团", "集团有限公司", "公司"), "中心": ("中心",), "所": ("所",)}


def _own_unit(doc: Document, word: str, pos: int) -> str | None:
    """The unit 我院/本院/我校/院工会 stands for: the publisher when its name fits, else the
    last unit of that kind named before (bench/gold/README.md: 我院 → the hospital named in
    the text or meta.publisher)."""
    ends = _OUR_HEADS[word]
    if doc.publisher and doc.publisher.endswith(ends):
        return doc.publisher
    if doc.publisher and word == "集团" and "集团" in doc.publisher:
        return doc.publisher[: doc.publisher.index("集团")] + doc.publisher[doc.publisher.index("集团"):].split("工会")[0]
    return last_before(doc.candidates, pos, "Unit", lambda n: n.endswith(ends) and unit_parent(n) is None)


def unit_forms(doc: Document) -> None:
    """Stage: units written in the text's own short forms, named in full.
    - 我院/本院 (+ sections) and credits like （院工会 刘佳）: the publisher or the last such unit;
    - a later, shorter form of a level of an earlier chain (五马派出所 after 温州市公安局鹿城区分局
      五马派出所, 智能制造学院机电教研室 after 济南泉城职业学院智能制造学院);
    - a bare section whose name an earlier unit's sections begin with (心血管内科 after
      新乡市中心医院心血管内科护理单元, 急诊科护理组 after 嘉兴市第一医院急诊科);
    - a company named by its name without place and legal form (延河能源集团 for
      陕西延河能源集团有限公司)."""
    flat = doc.flat
    cands = doc.candidates
    for m in _OUR_UNIT.finditer(flat):
        own = _own_unit(doc, m.group(1), m.start())
        if not own:
            continue
        end = _extend_right(doc, m.end(), len(flat))
        if end == m.end():
            end = _glued_section(flat, m.end())
        cands.append(Mention("Unit", own + flat[m.end():end], m.start(), end, {"parent": own} if end > m.end() else {}))
    for m in _CREDIT_UNION.finditer(flat):
        own = _own_unit(doc, m.group(1), m.start())
        if own:
            cands.append(Mention("Unit", own + m.group(2), m.start(), m.end(), {"parent": own}))
    units = sorted((c for c in cands if c.type == "Unit" and c.props.get("kind") != "media"), key=lambda c: c.start)
    chains = [(u.start, unit_levels(u.name)) for u in units]
    headline_end = flat.find("\n") if "\n" in flat else -1
    for u in units:
        first = unit_levels(u.name)[0]
        if place_of(first) or u.props.get("parent"):
            continue
        # a headline's short form (大梁湾煤矿综采一队获评… / ——记金城工务段…) is spelt out by the body below it
        in_headline = 0 <= u.start < headline_end
        for start, levels in chains:
            if start == u.start or start > u.start and not in_headline:
                if start > u.start:
                    break
                continue
            full = next((lv for lv in levels if lv.endswith(first) and len(lv) > len(first)
                         and lv[: len(lv) - len(first)] in levels), None)
            if full:
                u.name = full[: len(full) - len(first)] + u.name
                break
    chains = [(u.start, unit_levels(u.name)) for u in units]  # the short forms as now spelt out
    _bare_sections(doc, chains)
    _short_companies(units)
    _line_item_units(doc)
    _parenthesised_units(doc)


def _bare_sections(doc: Document, chains: list[tuple[int, list[str]]]) -> None:
    """Sections named alone (心血管内科主任医师冯建国) after a unit that has them."""
    tokens = doc.tokens
    covered = {i for c in doc.candidates if c.type in ("Unit", "Honor", "Studio") for i in range(c.start, c.end)}
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.start in covered or not _word_ok(tok) or (i and _word_ok(tokens[i - 1]) and tokens[i - 1].tag != "v"
                                                          and tokens[i - 1].end == tok.start):
            i += 1
            continue
        text, best, j = "", None, i
        while j < len(tokens) and j - i < 5 and _word_ok(tokens[j]) and tokens[j].start not in covered:
            text += tokens[j].word
            if _is_section_run(text):
                best = (j, text)
            j += 1
        if best:
            j, text = best
            placed = False
            for start, levels in chains:
                if start >= tok.start:
                    break
                orgs = [lv for lv in levels[:-1]] or []
                full = levels[-1]
                org = orgs[-1] if orgs else None
                if org and full[len(org):].startswith(text[:2]) and (full[len(org):].startswith(text)
                                                                     or text.startswith(full[len(org):])):
                    doc.candidates.append(Mention("Unit", org + text, tok.start, tokens[j].end, {"parent": org}))
                    placed = True
                    break
                if org and len(text) >= 3 and full[len(org):].endswith(text) and full[len(org):] != text \
                        and "工作室" not in full:
                    # 焊接二班 after …船体车间焊接二班: the last section of a team named in full is that team
                    doc.candidates.append(Mention("Unit", full, tok.start, tokens[j].end, {"parent": org}))
                    placed = True
                    break
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            acts = nxt is not None and (nxt.tag == "TIME" or nxt.word.endswith(ROLE_WORDS)
                                        or nxt.word.startswith(("获", "荣获", "被评为", "被授予")))
            # 心血管内科：陈雪梅 (a unit header line), （护理部 邹琴） (a credit): a section heading its people
            header = nxt is not None and (nxt.word in ("：", ":") and doc.flat[max(0, tok.start - 1):tok.start] in ("", "\n")
                                          or doc.flat[max(0, tok.start - 1):tok.start] in ("（", "(") and nxt.tag == "PER")
            if not placed and (acts or header) and text not in SECTION_HEADS:
                org = _only_parent(chains, tok.start, text, header, doc.publisher)
                if org:
                    doc.candidates.append(Mention("Unit", org + text, tok.start, tokens[j].end, {"parent": org}))
            i = j + 1
            continue
        i += 1


_KIND_OF_SECTION = ((("科", "护理组", "护理单元", "病区", "手术室", "护理部"), ("医院", "卫生院", "保健院")),
                    (("车间", "班组", "工段", "班"), ("公司", "厂", "集团")))


_LINE_ITEM = re.compile(r"[ \u3000]*(?:\d{1,3}[.．、]|[（(]\d{1,3}[）)])?[ \u3000]*")
_AFTER_NAME = re.compile(r"[（(][^（）()\n]{0,12}[）)][ \u3000，,]*|[ \u3000，,]+")
_ROLE_TAIL = re.compile(r"[" + CJK + r"]{1,8}")


def _split_unit_role(doc: Document, us: int, rest: str) -> None:
    """UNIT ROLE with no unit found in it: the longest run ending with a head before a role."""
    for k in range(len(rest) - 1, 3, -1):
        name, role = rest[:k], rest[k:]
        if name[0] in "一二三四五六七八九十第":
            break  # 一分公司制剂车间: a short form under a group, expanded where the group is named
        if unit_ok(name) and len(role) >= 2 and _ROLE_TAIL.fullmatch(role) \
                and role.endswith(ROLE_WORDS + ("员", "工", "长", "师", "医")) and not _FUNCTION_CHARS & set(name):
            if not any(c.type == "Unit" and c.start <= us < c.end and c.end >= us + k
                       or c.type in ("Unit", "Village") and us < c.start < us + k for c in doc.candidates):
                doc.candidates.append(Mention("Unit", name, us, us + k, {"line_item": True}))
            break


def _parenthesised_units(doc: Document) -> None:
    """罗志诚（青川重锻锻造车间主任）: the unit inside the parenthesis after a name, by its head."""
    flat = doc.flat
    for p in [c for c in doc.candidates if c.type == "Person"]:
        if flat[p.end:p.end + 1] not in ("（", "("):
            continue
        close = next((i for i in range(p.end + 1, min(len(flat), p.end + 40)) if flat[i] in "）)"), None)
        if close is None:
            continue
        inner = re.match(r"(?:[男女][，,])?(?:[" + CJK + r"]{1,4}族[，,])?", flat[p.end + 1:close])
        us = p.end + 1 + inner.end()
        rest = flat[us:close]
        if rest and re.fullmatch(r"[" + CJK + r"]+", rest):
            _split_unit_role(doc, us, rest)


def _line_item_units(doc: Document) -> None:
    """A list row: name, then the unit and a role (田光明　…消防救援站站长, 黄德旺，…国有林场房道工区
    护林员): where the tagger found no unit there, the run before the role is the unit when
    it ends with an organisation or section head."""
    flat = doc.flat
    persons = {m.start: m for m in doc.candidates if m.type == "Person"}
    pos = 0
    for line in flat.split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        lead = _LINE_ITEM.match(flat, ls)
        p = persons.get(lead.end()) if lead else None
        gap = _AFTER_NAME.match(flat, p.end) if p else None
        if gap is None or "。" in line or le - gap.end() > 40:
            continue
        _split_unit_role(doc, gap.end(), flat[gap.end():le].rstrip(" \u3000"))


def _only_parent(chains: list[tuple[int, list[str]]], pos: int, text: str, later: bool = False,
                 publisher: str | None = None) -> str | None:
    """The one organisation named before that a bare section can belong to: a department
    (…科, …护理组) in the only hospital named so far, a workshop in the only company. A
    section heading its people (a hospital's own notice: 急诊科：万小芳) may also belong to the
    only one named later (the signature) or to the publisher (我院 = meta.publisher)."""
    for sections, heads in _KIND_OF_SECTION:
        if text.endswith(sections):
            orgs = {lv for start, levels in chains if start < pos for lv in levels if lv.endswith(heads)}
            if not orgs and later:
                orgs = {lv for _, levels in chains for lv in levels if lv.endswith(heads)} \
                    or ({publisher} if publisher and publisher.endswith(heads) else set())
            return orgs.pop() if len(orgs) == 1 else None
    return None


def _short_companies(units: list[Mention]) -> None:
    cores: dict[str, str] = {}
    for u in units:
        core = short_unit_name(u.name)
        if core and (place_of(u.name) or u.name.endswith(("有限公司", "股份公司"))):
            cores.setdefault(core, u.name)
            if len(core) == 4 and u.name.endswith(("股份有限公司", "集团有限公司")):
                cores.setdefault(core[0] + core[2], u.name)  # 宝山钢铁股份有限公司 → 宝钢(股份)
    for u in units:
        core = short_unit_name(u.name)
        if core and core in cores and cores[core] != u.name and not place_of(u.name) and len(u.name) < len(cores[core]):
            u.name = cores[core]
            continue
        # 湘江建工集团工会 after 湖南湘江建工集团有限公司: the short company with its sections or children
        for k in range(len(u.name) - 1, 1, -1):
            first, rest = u.name[:k], u.name[k:]
            if not first.endswith(("集团", "公司", "股份")) or not (rest in ("工会", "党委", "团委") or _is_tail(rest)):
                continue
            core = short_unit_name(first)
            if core and core in cores and cores[core] != first and not place_of(first) and len(first) < len(cores[core]):
                u.name = cores[core] + rest
            break


_DECLARED_SHORT = re.compile(r"[（(](?:以下)?简称[“「]?([\u4e00-\u9fff]{2,8})[”」]?[）)]")


def short_names(doc: Document) -> None:
    """Stage: a company named again by its short name where nothing else was found:
    江苏沙钢集团有限公司 … 进入沙钢."""
    covered = {i for c in doc.candidates for i in range(c.start, c.end)}
    companies = dict.fromkeys(level for c in doc.of_type("Unit") for level in unit_levels(c.name)[:1]
                              if level.endswith(("公司", "集团")))
    # U（以下简称“恒锐精机”）: the short name the text itself declares for the unit before it
    declared = []
    for m in _DECLARED_SHORT.finditer(doc.flat):
        unit = next((c for c in doc.of_type("Unit") if c.end == m.start()), None)
        if unit is not None:
            declared.append((unit.name, m.group(1)))
    for name, short in declared:
        for c in doc.candidates:  # the tagger read the short name as a unit of its own: it is the declared one
            if c.type == "Unit" and c.name.startswith(short) and doc.flat.startswith(short, c.start):
                c.name = name + c.name[len(short):]
        for m in re.finditer(re.escape(short), doc.flat):
            if m.start() not in covered and m.end() - 1 not in covered and doc.flat[m.end():m.end() + 1] not in ("”", "」"):
                doc.candidates.append(Mention("Unit", name, m.start(), m.end(), {"short": short}))
                covered.update(range(m.start(), m.end()))
    for name in companies:
        for short in (short_unit_name(name), contracted_unit_name(name)):
            if not short:
                continue
            for m in re.finditer(re.escape(short), doc.flat):
                places = [c for c in doc.candidates if c.type == "Region" and m.start() <= c.start and c.end <= m.end()]
                if places and short != short_unit_name(name) and m.end() - 1 not in covered - set().union(
                        *(range(c.start, c.end) for c in places)):
                    for c in places:  # 进入嘉兴城建: the place is the short name's, not a Region
                        doc.candidates.remove(c)
                        covered.difference_update(range(c.start, c.end))
                if m.start() not in covered and m.end() - 1 not in covered:
                    doc.candidates.append(Mention("Unit", name, m.start(), m.end(), {"short": short}))
                    covered.update(range(m.start(), m.end()))


def bare_teams(doc: Document) -> None:
    """Stage: a team named without its unit, before a role and a person: 见到了设备维修班
    班长刘宏伟 → <the last unit>设备维修班."""
    flat, tokens = doc.flat, doc.tokens
    persons = doc.of_type("Person")
    for i, (word, tag, s, e) in enumerate(tokens):
        if tag not in ("n", "nz") or not word.endswith(BARE_TEAM_HEADS) or i + 1 >= len(tokens):
            continue
        role, _, rs, re_ = tokens[i + 1]
        if not role.endswith(TEAM_LEADER_ROLES) or flat[s - 1:s] in ("该", "本"):
            continue  # 该班组班长: the team named before (resolve.py)
        if not any(p.start == re_ for p in persons):
            continue
        j = i
        while j > 0 and i - j < 3 and tokens[j - 1][1] in ("n", "nz", "vn") and not tokens[j - 1][0].endswith(ROLE_WORDS):
            j -= 1
        if any(t.word.endswith(_RUN_HEADS) for t in tokens[j:i]):
            continue  # 化工公司甲醇车间: a company's short name, not a team of the last unit
        start = tokens[j][2]
        if any(c.start < e and start < c.end for c in doc.candidates if c.type != "Person"):
            continue
        parent = last_before(doc.candidates, start, "Unit")
        if flat[start:e] in BARE_TEAM_HEADS:  # 车间主任刘振东 after …机车检修车间: that team, not …车间车间
            same = [c for c in doc.candidates if c.type == "Unit" and c.end <= start and c.name.endswith(flat[start:e])]
            if same:
                doc.candidates.append(Mention("Unit", max(same, key=lambda c: c.end).name, start, e))
            continue
        if parent:
            doc.candidates.append(Mention("Unit", parent + flat[start:e], start, e, {"parent": parent}))


_ECHOED_SECTION = re.compile(r"(中队|大队|支队|工段|车间|科|队|组|班组|班)\1$")
"""…一中队中队|长, …装配工段工段|长: a section written twice, the second time as the start of a
role (中队长, 工段长) the next character completes."""


def role_overlaps(doc: Document) -> None:
    """Stage: a unit's name does not run into the role written after it. The section that
    opens a role is given back to the role: 一中队中队长 → 一中队 + 中队长, 装配工段工段长 →
    装配工段 + 工段长, 分拣中心班组长 → 分拣中心 + 班组长 (a 班 that only opens 班组长)."""
    flat = doc.flat
    for m in doc.candidates:
        if m.type != "Unit" or m.anaphor or not m.name.endswith(flat[m.start:m.end][-1:]):
            continue
        after = flat[m.end:m.end + 2]
        echo = _ECHOED_SECTION.search(m.name)
        if echo and after[:1] == "长":
            cut = len(echo.group(1))
        elif m.name.endswith("班") and after == "组长" and m.name[:-1].endswith(_ANY_HEAD):
            cut = 1
        else:
            continue
        m.name, m.end = m.name[:-cut], m.end - cut


_FORMER = re.compile(r"原(?=[" + CJK + r"]{3})")
_INDEFINITE = re.compile(r"(?:[从在到进入]|来到)?(?:一家|一所|一个|一座)")


def unit_prefixes(doc: Document) -> None:
    """Stage: words before a unit's name that are not part of it. 原 marks a former post
    (分配到原凉州工务段 → 凉州工务段, still a WORKS_AT); 一家/一所 make an unnamed unit (从一家
    纺织厂 → no Unit)."""
    keep = []
    for m in doc.candidates:
        if m.type == "Unit" and not m.anaphor:
            written = doc.flat[m.start:m.end]
            if _INDEFINITE.match(written):
                continue
            former = _FORMER.match(written)
            if former and m.name.startswith("原"):
                m.name, m.start = m.name[1:], m.start + 1
        keep.append(m)
    doc.candidates[:] = keep


_CHILD_WRITTEN = re.compile(r"[" + CJK + r"\d]{2,8}?(?:" + alternation(tuple(h for h in CHILD_LEVEL_HEADS if len(h) >= 2
                                                                           and not h.endswith("会"))) + ")")
"""A child level written as its own word; not a union or association (…委员会|南宁市总工会 are two bodies)."""


def glued_children(doc: Document) -> None:
    """Stage: a child level the tagger read as a unit of its own right after its parent
    (成都铁路局集团公司|成都机务段: the place opens a new word) is one Unit with it, PART_OF it."""
    flat = doc.flat
    units = sorted((c for c in doc.candidates if c.type == "Unit" and not c.anaphor), key=lambda c: c.start)
    for a, c in zip(units, units[1:]):
        written = flat[c.start:c.end]
        if a.end != c.start or not _CHILD_WRITTEN.fullmatch(written) or _ORG_WORDS.search(written[:-3]) \
                or c.props.get("parent") or a.name.endswith(written):
            continue
        c.name, c.start, c.props["parent"] = a.name + written, a.start, a.name
