"""Lists of recipients (docs/article-structures.md §1; bench/gold/README.md, "Lists"): a
heading, a lead sentence or a section names the honor once, and every item that follows
receives it, whatever the item's shape.

- Leads: a sentence with an honor and a colon after a lead word (他们是：, 名单如下：,
  获得…的部分职工有：) or after the title itself, as decisions write it (决定授予以下8名同志
  2024年度青川市“最美护林员”称号：), a clause 获评H的是 / 获得H称号的是 / H的单位包括 followed by the items,
  and heading lines (2024年“青川工匠”名单, 一、盐城市“十佳护士”).
- Items: in the same sentence, separated by 、，；; or on the following lines, one per line
  (name + unit, unit + name, name（unit）, unit：name、name, numbered teams), until a
  paragraph of prose or the next heading.
- Each person item RECEIVES the honor (a unit or team item when it names no person) with
  the lead's year, and WORKS_AT the most specific unit of its item; a team named on one
  line with its unit on the next (5. 罗志诚班 / 江北精密齿轮有限公司) is that unit's team.
- Candidates (拟表彰, 公示, 候选) receive nothing; they keep their units."""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.document import Document, Mention, Span
from graph.extract.facts.awards import recipient_kind
from graph.extract.facts.recorder import FactRecorder, ref
from graph.extract.mentions.persons import person_ok
from graph.extract.lexicons import (CANDIDATE_WORDS, SELECTION_WORDS, LIST_HEADINGS, LIST_LEADS, ROLE_WORDS, SECTION_HEADS, TEAM_HEADS,
                                     alternation)
from graph.extract.years import date_year, relative_year, years

CJK = r"\u4e00-\u9fff"
_LEAD_BEFORE_COLON = re.compile(r"(?:" + alternation(LIST_LEADS) + r"|名单|(?<=[”」])称号|荣誉称号|(?<=[”」])(?=[：:]))"
                                r"(?:[（(][^（）()\n]{0,20}[）)])?[ \u3000]*[：:]")
_FOLLOWING = re.compile(r"以下(?:\d{1,4}|[一二两三四五六七八九十百]{1,4})?(?:名|位|个|家)?(?:同志|职工|集体|单位|班组|工作室|人)")
"""命名以下10个集体为“H”。 / 授予以下8名同志“H”称号: the items follow on the next lines."""
_INLINE_LEAD = re.compile(r"(?:称号|荣誉)?(?:的|者)(?:是|有|包括|为)|的(?:部分|全体|主要|其他)?(?:单位|集体|职工|同志|人员|个人|代表)"
                          r"(?:代表)?(?:是|有|包括|为)|获得者(?:是|有|为)")
"""获评H的是…, 获评H的部分同志是：…, 获得H的集体包括：…"""
_PERSON_LEAD = re.compile(r"职工|同志|个人|人员|劳模|工匠|获奖者")
_COLLECTIVE_LEAD = re.compile(r"集体|单位|班组|团队|先进集体")
_SECTION_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．])")
_ITEM_NUMBER = re.compile(r"^(?:\d{1,3}[.．、)）]|[（(]\d{1,3}[）)]|[一二三四五六七八九十]+[、.．]"
                          r"|\d{1,3}(?=[ \u3000]|[\u4e00-\u9fff])(?![年月日名个人项位家届批期号]))[ \u3000]*")
"""1. / （1） / 一、 / 1　桥梁检测班 (a number and a space, which the flat view drops)."""
_SECTION_HEADS = TEAM_HEADS + ("科", "室", "部", "分部", "项目部", "系", "单元", "大队", "支队")
"""The sections a team line may end with (bench/gold/README.md, Units glued together)."""
_SPLIT = re.compile(r"[、，；;]")


@dataclass
class Lead:
    honor: Mention
    year: int | None
    items_start: int
    inline_end: int | None  # items in the same sentence up to here; else on the lines after
    candidates: bool


def _lines(flat: str) -> list[Span]:
    out, pos = [], 0
    for part in flat.split("\n"):
        out.append((pos, pos + len(part)))
        pos += len(part) + 1
    return out


def _honor_year(doc: Document, honor: Mention, s: int) -> int | None:
    """The year of a lead: written in the lead, else glued before the title elsewhere in
    the text (决定授予…2023年度盐城市“十佳护士”称号 for the section 一、盐城市“十佳护士”), else
    the title's."""
    ys = years(doc.flat, s, honor.end)  # also a year inside the title's span (X市2024年度劳动模范)
    if ys:
        return ys[-1][1]
    for m in doc.mentions:
        if m.type == "Honor" and m.name == honor.name:
            before = doc.flat[max(0, m.start - 8):m.start]
            y = re.search(r"((?:19|20)\d{2})年(?:度)?(?:第[一二三四五六七八九十\d]+届)?$", before) \
                or re.search(r"((?:19|20)\d{2})年", doc.flat[m.start:m.end]) \
                or re.search(r"((?:19|20)\d{2})年度?[\u4e00-\u9fff“”「」]{2,12}(?:和|、|及)$", doc.flat[max(0, m.start - 24):m.start])
            # 宜昌市2024年度劳动模范 (a year inside the title), …劳动模范和先进工作者 (shared by the one coordinated)
            if y:
                return int(y.group(1))
    for m in doc.mentions:  # 命名…2024年度“青川工匠”和“青川青年工匠”: the year of the sentence that awards it
        if m.type == "Honor" and m.name == honor.name and m.start != honor.start:
            sent = next(((a, z) for a, z in doc.sentences if a <= m.start < z), None)
            ys = years(doc.flat, sent[0], m.start) if sent else []
            if ys and re.search(r"命名|授予|表彰|评选|确定|认定|获评", doc.flat[sent[0]:m.start]):
                return ys[-1][1]
    if doc.title and honor.name[-4:] in doc.title.replace("“", "").replace("”", ""):
        y = re.search(r"((?:19|20)\d{2})年", doc.title)
        if y:
            return int(y.group(1))
    # 12月18日，…公布第八批H评审结果…他们是：: a date without a year is the publication's (year rule 3)
    sent = next(((a, z) for a, z in doc.sentences if a <= honor.start < z), None)
    month = re.match(r"\s*(?:19|20)\d{2}-(\d{1,2})", doc.date or "")
    return relative_year(doc.flat, sent[0], honor.start, date_year(doc.date), int(month.group(1)) if month else None) \
        if sent else None


def _continued_lines(flat: str, end: int) -> int:
    """湛江入选者为：U1 role A；⏎U2 role B；⏎…U8 role H。: an inline list whose line ends with
    ；(or ，) goes on over the next lines, one item a line, to the line that ends with 。."""
    while flat[end - 1:end] in ("；", ";", "，") and flat[end:end + 1] == "\n":
        nxt = flat.find("\n", end + 1)
        nxt = len(flat) if nxt == -1 else nxt
        line = flat[end + 1:nxt].strip(" \u3000")
        if not line or len(line) > 60 or "。" in line[:-1] or line.count("，") >= 2:
            break
        end = nxt if not line.endswith("。") else nxt - 1
        if line.endswith("。"):
            break
    return end


def _candidates(doc: Document, s: int, e: int) -> bool:
    """Candidates (公示, 拟表彰) or a selection into a programme (入选…建设项目名单): no recipients."""
    return any(w in doc.flat[s:e] for w in CANDIDATE_WORDS + SELECTION_WORDS) or bool(doc.title and any(w in doc.title for w in CANDIDATE_WORDS))


def find_leads(doc: Document) -> list[Lead]:
    flat = doc.flat
    honors = [m for m in doc.mentions if m.type == "Honor"]
    leads: list[Lead] = []
    previous: list[Mention] = []
    for s, e in doc.sentences:
        hs = [h for h in honors if s <= h.start < e]
        colon = _LEAD_BEFORE_COLON.search(flat, s, e + 1)
        own = [h for h in hs if colon and h.end <= colon.start()]
        if colon and (own and colon.start() - own[-1].end < 30 or not own and previous
                      and flat[previous[-1].end:s].count("\n\n") <= 1
                      and sum(1 for a, _ in doc.sentences if previous[-1].end <= a < s) <= 2):
            # 他们是：…; 我市8个集体获评辽宁工人先锋号。名单如下：… (the honor just named)
            h = own[-1] if own else _fitting(flat[s:colon.start()], previous)
            end = min([i for i in (flat.find("\n", colon.end(), e), flat.find("。", colon.end(), e)) if i != -1] + [e])
            inline = flat[colon.end():end].strip(" \u3000。\n") != ""
            if inline:
                end = _continued_lines(flat, end)
            said = s if own else next((a for a, z in doc.sentences if a <= h.start < z), s)  # the sentence that names it
            leads.append(Lead(h, _honor_year(doc, h, s if own else h.start - 40), colon.end(), end if inline else None,
                              _candidates(doc, said, colon.end())))
            previous = []
            continue
        if not hs:
            continue
        previous = hs
        following = _FOLLOWING.search(flat, s, hs[0].start)
        if following and not colon:
            h = hs[0]
            leads.append(Lead(h, _honor_year(doc, h, s), e, None, _candidates(doc, s, e)))
            previous = []
            continue
        for h in hs:
            m = _INLINE_LEAD.match(flat, h.end)
            if m:
                leads.append(Lead(h, _honor_year(doc, h, s), m.end(), e, _candidates(doc, s, m.end())))
                break
    # heading lines: 附：2024年“潍坊工匠”名单, 一、盐城市“十佳护士”
    for ls, le in _lines(flat):
        line = flat[ls:le]
        if not line.strip() or "。" in line or len(line) > 50:
            continue
        hs = [h for h in honors if ls <= h.start < le]
        if not hs and _SECTION_NUMBER.match(line) and len(line) <= 20:
            # 一、十佳护士（10名）: a section titled by an honor the text names in full elsewhere
            bare = re.sub(r"[（(][^（）()]*[）)]$", "", _SECTION_NUMBER.sub("", line).strip(" \u3000"))
            known = next((h for h in honors if len(bare) >= 3 and (h.name == bare or h.name.endswith(bare))), None)
            if known:
                hs = [Mention("Honor", known.name, ls, le)]
        if not hs or any(ld.honor is hs[0] for ld in leads):
            continue
        bare_line = re.sub(r"[（(][^（）()]*[）)]", "", line)  # 一、…人选（12名，以下列出部分）
        if any(w in line for w in LIST_HEADINGS) or _SECTION_NUMBER.match(line) and len(bare_line) <= 20 \
                or _TITLE_LINE_HEAD.fullmatch(flat[ls:hs[0].start]) and _TITLE_LINE_TAIL.fullmatch(flat[hs[-1].end:le]):
            leads.append(Lead(hs[0], _honor_year(doc, hs[0], ls), le, None, _candidates(doc, ls, le)))
    return sorted(leads, key=lambda ld: ld.items_start)


_TITLE_LINE_HEAD = re.compile(r"[ \u3000“「]*(?:(?:19|20)\d{2}年度?)?[“「]?")
_TITLE_LINE_TAIL = re.compile(r"[”」]?(?:称号)?(?:获得者|获奖者|名单|集体|个人)?(?:[（(][^（）()]{0,12}[）)])?[ \u3000]*[：:][ \u3000]*")
"""A section heading that is the title alone with a colon: 首都工人先锋号：, “青川工匠”（5名）："""
_DATE_LINE = re.compile(r"[ \u3000]*(?:(?:19|20)\d{2}|[一二三四五六七八九〇零]{4})年[\d一二三四五六七八九十〇零]{1,2}月"
                        r"[\d一二三四五六七八九十〇零]{1,3}日[ \u3000]*")
"""The date under a notice's signature: the line before it signs, it is no item."""


def _signature(flat: str, lines: list[Span], le: int) -> bool:
    """The line ending at `le` is followed (past blank lines) by a date line alone."""
    nxt = next(((a, z) for a, z in lines if a > le and flat[a:z].strip()), None)
    return nxt is not None and bool(_DATE_LINE.fullmatch(flat[nxt[0]:nxt[1]]))


def _fitting(lead_text: str, honors: list[Mention]) -> Mention:
    """Which of the honors just named a lead without one continues: the last one whose
    recipients are of the kind the lead names (受表彰的职工代表有： → the persons' award)."""
    if _PERSON_LEAD.search(lead_text) and not _COLLECTIVE_LEAD.search(lead_text):
        fit = [h for h in honors if recipient_kind(h.name) == "person"]
    elif _COLLECTIVE_LEAD.search(lead_text):
        fit = [h for h in honors if recipient_kind(h.name) != "person"]
    else:
        fit = []
    return (fit or honors)[-1]


def _item_line(flat: str, ls: int, le: int) -> bool:
    """A line that may be an item: short, no full sentence of prose; or a table flattened
    into one line after its header (序号工作室名称依托单位1…2…)."""
    line = flat[ls:le].strip()
    if line.startswith("序号") and "。" not in line:
        return True
    return bool(line) and len(line) <= 60 and not (line.count("，") >= 2 and "。" in line)


def list_facts(doc: Document, b: FactRecorder) -> None:
    flat = doc.flat
    leads = find_leads(doc)
    lines = _lines(flat)
    starts = sorted(ld.items_start for ld in leads)
    for lead in leads:
        if lead.inline_end is not None:
            _items(doc, b, lead, _segments(flat, lead.items_start, lead.inline_end))
            continue
        nxt = next((x for x in starts if x > lead.items_start), len(flat))
        segs: list[Span] = []
        blank = 0
        for ls, le in lines:
            if le <= lead.items_start or ls < lead.items_start:
                continue
            if ls >= nxt:
                break
            if not flat[ls:le].strip():
                blank += 1
                if segs and blank >= 1 and not _next_is_item(flat, lines, le):
                    break
                continue
            if not segs and not _item_line(flat, ls, le) and _prose_list_line(doc, ls, le):
                # 他们是：\n U1副教授A，U2主持人B（女），…，U8教师H。: the items in one line of prose
                segs.extend(_segments(flat, ls, le - 1 if flat[le - 1:le] == "。" else le))
                break
            if not _item_line(flat, ls, le) or any(flat.startswith(w, ls) for w in ("其中", "据", "希望", "联系人")) \
                    or _signature(flat, lines, le):
                break
            blank = 0
            segs.append((ls, le))
        _items(doc, b, lead, segs, lines=True)
    for lead, segs in _counted_lists(doc):
        _items(doc, b, lead, segs)
    unit_header_lines(doc, b)


_SECTION_AFTER = re.compile(r"[（(]([\u4e00-\u9fff]{2,10})[）)]")


def unit_header_lines(doc: Document, b: FactRecorder) -> None:
    """青川市中心医院：潘慧敏、宋 帆 — a line headed by a unit and a colon lists its people, with
    or without a lead naming a title: each WORKS_AT the unit."""
    flat = doc.flat
    for ls, le in _lines(flat):
        unit = next((m for m in doc.mentions if m.type == "Unit" and m.start == ls + len(flat[ls:le]) - len(flat[ls:le].lstrip(" \u3000"))
                     and flat[m.end:m.end + 1] in ("：", ":")), None)
        if unit is None:
            continue
        people = [m for m in doc.mentions if m.type == "Person" and unit.end < m.start < le and not m.anaphor]
        rest = flat[unit.end + 1:le]
        if people and not re.search(r"[。，；]", rest) and len(rest) <= 60:
            for p in people:
                # 南宁市邕江人民医院：韦丽萍（心血管内科）: the section in parentheses after the name
                section = _SECTION_AFTER.match(flat, p.end)
                if section and section.group(1).endswith(SECTION_HEADS):
                    child = unit.name + section.group(1)
                    b.narrow("WORKS_AT", ref(p), ref(unit), ("Unit", child), (ls, le))
                    b.add("PART_OF", ("Unit", child), ref(unit), (ls, le))
                else:
                    b.add("WORKS_AT", ref(p), ref(unit), (ls, le))
    for ls, le in _lines(flat):  # a row: 包国强　荆州市中心医院心血管内科主任医师, with or without a lead
        lead = _ITEM_NUMBER.match(flat, ls)
        start = lead.end() if lead else ls
        person = next((m for m in doc.mentions if m.type == "Person" and m.start == start and not m.anaphor), None)
        if person is None:
            continue
        gap = re.match(r"(?:[（(][^（）()\n]{0,12}[）)])?[ \u3000，,]*", flat[person.end:le])
        unit = next((m for m in doc.mentions if m.type == "Unit" and m.start == person.end + gap.end()), None)
        if unit is None or not gap.group(0):
            continue
        unit = max((m for m in doc.mentions if m.type == "Unit" and m.start == unit.start), key=lambda m: m.end)
        role = flat[unit.end:le].strip(" \u3000。；;")
        if role and len(role) <= 12 and role.endswith(ROLE_WORDS) and re.fullmatch(r"[\u4e00-\u9fff、]+", role):
            b.add("WORKS_AT", ref(person), ref(unit), (ls, le))


_COUNTED_TAIL = re.compile(r"等(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:名|位)?(?:人|名?职工|名?同志)"
                          r"(?:榜上有名|入选|上榜|获此殊荣|获此称号|获此荣誉)")
"""…，U2 role B，U3 role C等7人榜上有名: the end of a list of the award just named."""


def _counted_lists(doc: Document) -> list[tuple[Lead, list[Span]]]:
    """省总工会发布2023年“H”名单，…，我市U1 role A，U2 role B，…，U7 role G等7人榜上有名: the
    ，-items before 等N人榜上有名, each holding one person, receive the honor named before them
    in the sentence."""
    flat = doc.flat
    out = []
    people = [m for m in doc.mentions if m.type == "Person" and not m.anaphor]
    for m in _COUNTED_TAIL.finditer(flat):
        sent = next(((a, z) for a, z in doc.sentences if a <= m.start() < z), None)
        if sent is None:
            continue
        segs = _segments(flat, sent[0], m.start())
        run: list[Span] = []
        for a, z in reversed(segs):
            if sum(1 for p in people if a <= p.start < z) != 1:
                break
            run.insert(0, (a, z))
        if len(run) < 2:
            continue
        honors = [h for h in doc.mentions if h.type == "Honor" and sent[0] <= h.start < run[0][0]]
        if not honors:
            continue
        h = honors[-1]
        lead = Lead(h, _honor_year(doc, h, sent[0]), run[0][0], m.start(), _candidates(doc, sent[0], m.start()))
        out.append((lead, run))
    return out


def _prose_list_line(doc: Document, ls: int, le: int) -> bool:
    """A line that is one sentence of ，-separated items, each holding exactly one person."""
    flat = doc.flat
    body = flat[ls:le].rstrip("。 \u3000")
    if "。" in body or len(body) > 600:
        return False
    segs = _segments(flat, ls, ls + len(body))
    if len(segs) < 2:
        return False
    people = [m for m in doc.mentions if m.type == "Person" and ls <= m.start < le and not m.anaphor]
    return all(sum(1 for p in people if a <= p.start < z) == 1 for a, z in segs)


def _next_is_item(flat: str, lines: list[Span], after: int) -> bool:
    nxt = next(((ls, le) for ls, le in lines if ls > after and flat[ls:le].strip()), None)
    return nxt is not None and _item_line(flat, *nxt) and bool(_ITEM_NUMBER.match(flat[nxt[0]:nxt[1]]))


def _segments(flat: str, s: int, e: int) -> list[Span]:
    """The items of an inline list: split at 、，； outside parentheses and quotes; only at ；
    when the list uses it between items (…村村民、黄花梨雕刻艺人王亚福；…: 、 joins two roles)."""
    out, start, depth = [], s, 0
    split = re.compile(r"[；;]") if _semicolon_list(flat, s, e) else _SPLIT
    for i in range(s, e):
        c = flat[i]
        if c in "（(“「":
            depth += 1
        elif c in "）)”」":
            depth = max(0, depth - 1)
        elif depth == 0 and split.match(c):
            out.append((start, i))
            start = i + 1
    out.append((start, e))
    return [(a, z) for a, z in out if z > a]


def _semicolon_list(flat: str, s: int, e: int) -> bool:
    """Items separated by ；, at least two of them (three pieces) and no ； inside parentheses."""
    return len(re.findall(r"[；;]", flat[s:e])) >= 2


def _items(doc: Document, b: FactRecorder, lead: Lead, segs: list[Span], lines: bool = False) -> None:
    flat = doc.flat
    mentions = [m for m in doc.mentions if not m.anaphor]
    i = 0
    while i < len(segs):
        s, e = segs[i]
        persons = [m for m in mentions if m.type == "Person" and s <= m.start < e and not m.props.get("byline")]
        units = [m for m in mentions if m.type == "Unit" and s <= m.start < e]
        header = next((u for u in units if flat[u.end:u.end + 1] in ("：", ":")), None)
        # 5. 杜海峰班组 / 辽宁华拓精密轴承有限公司: a team on one line, its unit on the next
        team = _ITEM_NUMBER.sub("", flat[s:e]).strip(" \u3000")
        if lines and not units and team.endswith(_SECTION_HEADS) and len(team) <= 10 and i + 1 < len(segs):
            ns, ne = segs[i + 1]
            nxt_units = [m for m in mentions if m.type == "Unit" and ns <= m.start < ne]
            if nxt_units and not _ITEM_NUMBER.match(flat[ns:ne]) \
                    and not [m for m in mentions if m.type == "Person" and ns <= m.start < ne and m.end <= nxt_units[0].start]:
                unit = max(nxt_units, key=lambda u: len(u.name))
                name = unit.name + team
                if not lead.candidates:
                    b.add("RECEIVED", ("Unit", name), ref(lead.honor), (s, ne), year=lead.year)
                b.add("PART_OF", ("Unit", name), ref(unit), (s, ne))
                i += 2
                continue
        studios = [m for m in mentions if m.type == "Studio" and s <= m.start < e]
        kind = recipient_kind(lead.honor.name)
        if kind == "studio":
            for st in studios:  # a list of studios: 工作室名称 所在单位 A工作室U1 B工作室U2 …
                if not lead.candidates:
                    b.add("RECEIVED", ref(st), ref(lead.honor), (s, e), year=lead.year)
        elif kind in ("unit", "team") and units:
            if not lead.candidates:  # a list of units and teams: their people work there
                unit = max(units, key=lambda u: (len(u.name), u.end))
                b.add("RECEIVED", ref(unit), ref(lead.honor), (s, e), year=lead.year)
            for p in persons:
                b.add("WORKS_AT", ref(p), ref(header or _unit_of(flat, p, units)), (s, e))
        elif persons:
            villages = [m for m in mentions if m.type == "Village" and s <= m.start < e]
            for p in persons:
                if not lead.candidates:
                    b.add("RECEIVED", ref(p), ref(lead.honor), (s, e), year=lead.year)
                unit = header or _unit_of(flat, p, units)
                if unit is not None:
                    b.add("WORKS_AT", ref(p), ref(unit), (s, e))
                for v in villages:  # 韦大勇　开阳县南江乡龙广村党支部书记: the village the item's leader serves
                    others = [q for q in persons if q is not p and min(p.start, v.start) < q.start < max(p.end, v.end)]
                    if not others and _VILLAGE_LEADER.match(flat, v.end):
                        b.add("SERVES", ref(p), ref(v), (s, e))
        elif units and lines and kind == "person" and _LEADING_NAME.match(_ITEM_NUMBER.sub("", flat[s:e]).strip()):
            # 5．刘　福，浦城县忠信镇林业工作站护林员: an honor for persons, and the item opens with
            # a name before its comma: that name is the recipient the tagger missed, not the unit
            name = _LEADING_NAME.match(_ITEM_NUMBER.sub("", flat[s:e]).strip()).group(1).replace(" ", "").replace("\u3000", "")
            if person_ok(name):
                if not lead.candidates:
                    b.add("RECEIVED", ("Person", name), ref(lead.honor), (s, e), year=lead.year)
                b.add("WORKS_AT", ("Person", name), ref(max(units, key=lambda u: (len(u.name), u.end))), (s, e))
        elif units and not lead.candidates:
            unit = max(units, key=lambda u: (len(u.name), u.end))
            b.add("RECEIVED", ref(unit), ref(lead.honor), (s, e), year=lead.year)
        i += 1


_LEADING_NAME = re.compile(r"([\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3})[ \u3000]*(?:[（(][男女][）)])?[ \u3000]*[，,]")


_VILLAGE_LEADER = re.compile(r"(?:党总支|党支部|党委|村委会|村民委员会|居委会|居民委员会)?副?(?:书记|主任)")


def _unit_of(flat: str, p: Mention, units: list[Mention]) -> Mention | None:
    """The most specific unit of a person's item: glued before the name, or after it on its
    line (王 琦　潍坊鸿泰动力机械有限公司装配车间钳工), not past another name."""
    before = [u for u in units if u.end <= p.start]
    after = [u for u in units if u.start >= p.end]
    if before:
        return before[-1]
    return after[0] if after else None
