"""Person mentions: the tagger's names, repaired and judged, and names the tagger missed,
found by their shape where the text marks them (bench/gold/README.md, "Person").

- A name must look like one: a known surname and 2–3 characters (3–4 with a compound
  surname), or a transliteration with · (阿里木·吐尔逊).
- The tagger's cuts are undone: 有许|文斌 → 许文斌; 艾力·|买买提 → 艾力·买买提; a name cut
  short (熊德|才) when the longer name is written elsewhere; 劳动模范俞佳丽 → 俞佳丽; a name
  padded with a space (宋 帆 → 宋帆).
- Names the tagger missed: after a role word (理事长向春花, 徒弟严冬, 女工甘小梅拜…), in a list
  with another person (黄海和梁小宁, 张婷、吴晓雯), transliterations with ·, in bylines and
  credits (记者 陈晨, 责任编辑：宋一帆, 宋一帆 摄, （院工会 刘晓晨）), in a book title about
  them (《王芳：…》).
- Not a person: a surname and a form of address (杨师傅); a name only inside a team's name
  (罗志诚班); a two-character name seen once with no sign it is a person."""
from __future__ import annotations

import re
from collections import Counter

from graph.extract.document import Document, Mention
from graph.extract.lexicons import (
    ADDRESS_FORMS,
    BYLINE_WORDS,
    HONOR_WORDS_BEFORE_NAME,
    JOINERS,
    NAME_FOLLOWERS,
    NAME_STOP_CHARS,
    NOT_NAME_STARTS,
    ROLE_WORDS,
    SECTION_HEADS,
    SPEECH_VERBS,
    alternation,
    name_part_count,
    name_part_runs,
    name_parts_of,
    surnames,
)
from graph.extract.normalise import is_cjk
from graph.extract.segment import inside

CJK = r"\u4e00-\u9fff"
_SURNAME_SLIPS = "有是和与及为由向给让、"
_VERB_GLUED = set("拜跟向与和给让被把对从为由找请叫同随派经受带教")
"""One-character verbs and prepositions the tagger glues before a name: 拜|罗志诚为师, 跟|王师傅."""
"""Words the tagger glues a surname to: 有许|文斌."""
_BOOK_ABOUT = re.compile(r"《([" + CJK + r"·]{2,6})[:：]")
_NAME = r"[" + CJK + r"](?: ?[" + CJK + r"]){1,3}"
_GLUED_BYLINE = tuple(w for w in BYLINE_WORDS if w.endswith(("记者", "通讯员", "实习生", "责任编辑")))
"""Roles that may follow an outlet's name (彭城晚报记者); the others stand alone (工作者 is no 作者)."""
_BYLINE = re.compile(r"(?:" + alternation(_GLUED_BYLINE) + r"|(?<![" + CJK + r"])(?:"
                     + alternation(tuple(w for w in BYLINE_WORDS if w not in _GLUED_BYLINE)) + r"))[ \u3000：:]*(?=["
                     + CJK + r"])")
_BYLINE_PIECE = re.compile(r"[" + CJK + r"·]+")
_BYLINE_TAILS = ("报道", "摄", "整理")
_PHOTO = re.compile(r"(?:^|[ \u3000。（(\n])(" + _NAME + r")[ \u3000]*摄(?=[ \u3000）)\n。]|$)")
_DATELINE_NAME = re.compile(r"\d{1,2}日(?:电|消息|讯)[ \u3000]*[（(](" + _NAME + r")[）)]")
_CREDIT = re.compile(r"[（(]([" + CJK + r"]{2,12}?)[ \u3000]+(" + _NAME + r")[）)]")
_CONTACT = re.compile(r"联系人[：:][ \u3000]*(?:([" + CJK + r"]{2,20}?)[ \u3000]+)?(" + _NAME + r")(?=[ \u3000\n，；。]|$)")
_TRANSLITERATED = re.compile(r"[" + CJK + r"]{1,6}·[" + CJK + r"]{1,6}(?:·[" + CJK + r"]{1,6})?")
_TEAM_AFTER = ("班组", "班")
_ROLE_BEFORE = tuple(sorted({r for r in ROLE_WORDS if len(r) >= 2} | {"女工", "车工", "钳工", "焊工", "电工", "司机",
                                                                       "主厨", "教师", "医生", "护士", "船长", "机长",
                                                                       "列车长", "船员", "果农", "茶农", "菜农", "渔民",
                                                                       "牧民", "艺人", "技术员"},
                            key=len, reverse=True))
_ROLE_RE = re.compile("(?:" + alternation(_ROLE_BEFORE) + ")")
_FUNCTION = set("的了是在和与及为被把对向从给让说")
"""Words that end a transliterated name (its syllables may be any character: 阿布都热合曼)."""
_SUBJECT_ADVERBS = ("则", "也", "还", "又", "便", "却", "仍", "曾", "先后", "一直", "今年", "去年", "从小", "当年")
_PUNCT_AFTER = set("，。、；：！？（）()“”\n ·\u3000")


def person_ok(name: str) -> bool:
    """A name's shape: a known surname and 2–3 characters (3–4 with a compound surname),
    or a transliterated name with · (3–12 characters)."""
    single, double = surnames()
    if "·" in name:
        return 3 <= len(name) <= 12 and not name.startswith("·") and not name.endswith("·")
    if 2 <= len(name) <= 8 and name_part_count(name):
        return True  # 次仁多吉, 孟和巴雅尔, 旦增: a name without a Chinese surname
    if not (2 <= len(name) <= 4) or not all(is_cjk(c) for c in name):
        return False
    if name[:2] in double:
        return len(name) >= 3
    return name[0] in single and len(name) <= 3


def _plain(name: str) -> str:
    """宋 帆 → 宋帆: a two-character name padded with a space."""
    return name.replace(" ", "").replace("\u3000", "")


_MIDDLE_OK = set("家名长")


def shaped_name(name: str) -> bool:
    """A name found by its shape alone (no tagger): person_ok and no character a name
    never has after its surname (徒弟应该 is no 应该)."""
    single, double = surnames()
    if 2 <= len(name) <= 8 and name_part_count(name):
        return True
    if not person_ok(name) or "·" in name or name.startswith(NOT_NAME_STARTS):
        return False
    rest = name[2:] if name[:2] in double else name[1:]
    if len(rest) == 2 and rest[0] in _MIDDLE_OK:
        rest = rest[1:]  # 李家兴, 王名扬, 储长生: common in the middle of a given name, not at its end (张家)
    return not any(c in NAME_STOP_CHARS for c in rest)


def _followed_ok(flat: str, end: int, two_chars: bool) -> bool:
    after = flat[end:end + 1]
    if after == "" or after in _PUNCT_AFTER:
        return True
    return not two_chars and flat.startswith(NAME_FOLLOWERS, end)


def person_context(flat: str, p: Mention, people: list[Mention]) -> bool:
    """A two-character name needs a sign it is a person: a role or title glued before,
    speech after, a list of names, a parenthesis or a book title about them. The end
    of the text counts as a sign too."""
    before = flat[max(0, p.start - 4):p.start]
    after = flat[p.end:p.end + 3]
    if p.props.get("byline") or p.props.get("shape") or before.endswith(ROLE_WORDS) \
            or before.endswith(HONOR_WORDS_BEFORE_NAME):
        return True
    if after.startswith(SPEECH_VERBS) or after == "" or after[0] in "(（:：\n" or after.startswith("等"):
        return True
    if after.startswith(_SUBJECT_ADVERBS):
        return True  # 罗婷则师从周光明…: an adverb after a subject
    if (p.start == 0 or flat[p.start - 1] == "\n") and after[:1] in (" ", "\u3000", "（"):
        return True  # a list line: 王 琦　潍坊鸿泰动力机械有限公司装配车间钳工
    if before.endswith(("《", *JOINERS)) or after.startswith(JOINERS):
        return any(q is not p and (0 <= q.start - p.end <= 1 or 0 <= p.start - q.end <= 1)
                   and len(q.name) >= 2 for q in people)
    return False


def tagged_persons(doc: Document) -> list[Mention]:
    """The tagger's names with its cuts repaired: a surname that went to the previous
    word (有许|文斌), a transliteration cut at the dot (艾力·|买买提), a name cut before its
    last character when the whole name is written elsewhere (熊德|才 … 熊德才), spaces."""
    single, _ = surnames()
    tokens = doc.tokens
    flat = doc.flat
    whole = Counter(_plain(t.word) for t in tokens if t.tag == "PER")
    people: list[Mention] = []
    for i, (word, tag, s, e) in enumerate(tokens):
        if tag != "PER":
            continue
        name, start, end = _plain(word), s, e
        if len(name) >= 3 and name[0] in _VERB_GLUED and not person_ok(name) and person_ok(name[1:]):
            name, start = name[1:], s + 1  # 拜罗志诚|为师: a verb the tagger glued before the name
        if len(name) == 2 and i > 0:
            pw, pt, ps, pe = tokens[i - 1]
            if len(pw) == 2 and pw[1] in single and pw[0] in _SURNAME_SLIPS and pt != "PER":
                name, start = pw[1] + name, pe - 1
            elif pe == s and len(pw) == 1 and pw in single and pt != "PER" and flat.count(pw + name) >= 2 \
                    and (i < 2 or not is_cjk(tokens[i - 2].word[-1:]) or tokens[i - 2].tag in ("n", "w", "v", "u")):
                name, start = pw + name, ps  # 买|买提艾力, 应|丽娜: the surname the tagger took for a word
        if name.endswith("·") and i + 1 < len(tokens):
            run = re.match(r"[" + CJK + r"]{1,5}", tokens[i + 1][0])
            if run:
                name, end = name + run.group(0), e + len(run.group(0))
        if len(name) == 2 and i + 1 < len(tokens) and len(tokens[i + 1].word) == 1 and tokens[i + 1].start == e:
            longer = name + tokens[i + 1].word
            if whole.get(longer) or flat.count(longer) >= 2 and person_ok(longer):
                name, end = longer, tokens[i + 1].end  # 熊德|才 where 熊德才 is written again
        people.append(Mention("Person", name, start, end))
    return people


def _in_pair(flat: str, pos: int, opening: str, closing: str) -> bool:
    """Inside 《…》 or “…” of any length (a book title, a slogan)."""
    o = flat.rfind(opening, 0, pos)
    return o != -1 and flat.rfind(closing, o, pos) == -1 and flat.find(closing, pos) != -1 \
        and "\n" not in flat[o:pos]


def _transliteration(flat: str, s: int, e: int) -> tuple[int, int]:
    """The name in a run around ·: cut after a role or a function word before it
    (骨科医生买买提·艾力, 培养的买买提·艾力) and before one after it (热依拉·买买提和付国强)."""
    dot = flat.index("·", s)
    # a role may start before the run's six characters (理事长艾合买提·…: the run holds 事长艾合买提)
    back = s
    while back > 0 and s - back < 6 and is_cjk(flat[back - 1]):
        back -= 1
    head = flat[back:dot]
    cut = max([m.end() for m in _ROLE_RE.finditer(head)] + [i + 1 for i, c in enumerate(head) if c in _FUNCTION]
              + [m.end() for m in re.finditer(r"族|技术员|其中|包括|还有|以及", head)], default=0)  # 维吾尔族技术员艾力·买买提
    s = max(s, back + cut)
    last = flat.rindex("·", s, e)
    tail = flat[last + 1:e]
    stop = next((i for i, c in enumerate(tail) if c in _FUNCTION and i > 0), len(tail))
    return s, last + 1 + stop


def _token_bounds(doc: Document, s: int, e: int) -> tuple[int, int]:
    """End a transliterated name with the tagger's word that holds the character after its
    last dot (阿布都热合曼·吐尔逊|笑着, 买提·艾力|结成)."""
    last = doc.flat.rindex("·", s, e)
    if name_part_count(doc.flat[last + 1:e]):
        return s, e  # 吐尔逊·阿不都|说: the last part is a known name element
    tokens = doc.tokens
    for i, t in enumerate(tokens):
        if t.start <= last + 1 < t.end:
            return s, max(min(e, t.end), _rest_of_last_part(tokens, i, last))
    return s, e


_TAIL_STOPS = set("等和与及说是在的了也都还又就则才被把向从为将已曾")
"""One-character words that end a transliterated name, unless a name-like word is glued after."""


def _rest_of_last_part(tokens: list, i: int, last: int) -> int:
    """The tagger cuts long transliterated parts (吐尔|地|钻进, 阿布|都|热依木|等): the last part
    runs on through glued words that are no verb, time, number or mark; 地 never follows a name
    (吐尔|地|钻进, 吐尔|地|今年);
    a one-character function word belongs to it only when a name-like word follows (都|热依木)."""
    end = tokens[i].end
    j = i + 1
    while j < len(tokens) and tokens[j].start == end and end - last <= 7:
        tok = tokens[j]
        nxt = tokens[j + 1] if j + 1 < len(tokens) and tokens[j + 1].start == tok.end else None
        if not all(is_cjk(c) for c in tok.word) or tok.tag in ("v", "vd", "vn", "TIME", "m", "w", "q", "f", "r"):
            break
        if tok.word == "地":
            if nxt is None or not (nxt.tag.startswith("v") or nxt.tag == "TIME") or j != i + 1:
                break
        elif tok.word in _TAIL_STOPS or len(tok.word) == 1:
            if nxt is None or nxt.tag not in ("a", "n", "nz", "nw", "PER") or len(nxt.word) < 2 \
                    or nxt.word[0] in _TAIL_STOPS:
                break
        elif tok.tag not in ("a", "n", "nz", "nw", "PER", "d", "u"):
            break
        end = tok.end
        j += 1
    return end if end - last <= 7 else tokens[i].end


_PLACE_AFTER = ("村", "嘎查", "社区", "镇", "乡", "县", "旗", "苏木", "市", "州", "盟", "区", "路", "街", "山", "河", "湖",
                "寺", "草原", "牧场", "合作社", "公司", "学校", "小学", "中学", "医院", "大学", "宾馆", "酒店", "站")


def _name_part_runs(doc: Document) -> list[Mention]:
    """次仁多吉, 孟和巴雅尔, 吉克阿呷: two or three given-name elements in a row (name_parts.txt)
    are a name wherever they stand, unless a place or unit word follows (巴图…嘎查)."""
    run = name_part_runs()
    flat = doc.flat
    inside_other = [(c.start, c.end) for c in doc.candidates if c.type in ("Unit", "Village", "Region", "Honor", "Project")]
    out = []
    for m in run.finditer(flat):
        if flat.startswith(_PLACE_AFTER, m.end()) or any(a <= m.start() and m.end() <= b for a, b in inside_other):
            continue
        out.append(Mention("Person", m.group(0), m.start(), m.end(), {"shape": True}))
    return out


def _yi_names(doc: Document) -> list[Mention]:
    """沙马拉吉, 阿苏日者: a Yi name is a clan name and a given name of two characters, the
    given name often not in any list; it is a name where the text marks a person (a byline
    or a role word before it) or where the same four characters stand twice as a subject."""
    flat = doc.flat
    elements = name_parts_of("yi")
    out = []
    time_starts = {t.start for t in doc.tokens if t.tag in ("TIME", "m", "v", "p", "d")}
    for clan in elements:
        pos = flat.find(clan)
        while pos != -1:
            s, e = pos, pos + len(clan) + 2
            name = flat[s:e]
            pos = flat.find(clan, pos + 1)
            given = name[len(clan):]
            if len(given) != 2 or not all(is_cjk(c) for c in given) or any(c in _FUNCTION for c in given) \
                    or s + len(clan) in time_starts or flat.startswith(_PLACE_AFTER, e) or is_cjk(flat[s - 1:s] or " ") \
                    and not flat[:s].endswith(_ROLE_BEFORE + ("姑娘", "小伙", "村民", "女儿", "儿子", "妻子", "丈夫")):
                continue
            marked = re.search(r"(?:" + alternation(BYLINE_WORDS) + r")[ \u3000]*$", flat[max(0, s - 8):s]) \
                or flat[:s].endswith(_ROLE_BEFORE)
            if marked or flat.count(name) >= 2:
                out.append(Mention("Person", name, s, e, {"shape": True}))
    return out


def _after_roles(doc: Document) -> list[Mention]:
    """理事长向春花, 徒弟严冬, 青年女工甘小梅拜…: a name right after a role word, by its shape,
    followed by punctuation (two characters) or a verb (three)."""
    flat = doc.flat
    out = []
    for m in _ROLE_RE.finditer(flat):
        for n in (3, 2):
            raw = re.match(r"(?:[" + CJK + r"] ?){" + str(n - 1) + r"}[" + CJK + r"]", flat[m.end():m.end() + n + 1])
            if not raw:
                continue
            name = _plain(raw.group(0))
            end = m.end() + len(raw.group(0))
            followed = _followed_ok(flat, end, n == 2)
            if len(name) == n and shaped_name(name) and (followed or n == 3 and flat.count(name) >= 2):
                out.append(Mention("Person", name, m.end(), end, {"shape": True}))
                break
    return out


def _after_honors(doc: Document) -> list[Mention]:
    """湖南省劳动模范曾宪章为师, 全国劳模罗志诚说: a name right after an honor title, by its shape,
    followed by punctuation (two characters) or a verb (three)."""
    flat = doc.flat
    out = []
    for h in doc.of_type("Honor"):
        for n in (3, 2):
            raw = flat[h.end:h.end + n]
            end = h.end + n
            if len(raw) == n and shaped_name(raw) and _followed_ok(flat, end, n == 2):
                out.append(Mention("Person", raw, h.end, end, {"shape": True}))
                break
    return out


_LIST_END_WORDS = ("等", "和", "与", "作为", "同志", "都", "均", "也", "分别", "两人", "二人", "三人")
"""What may follow the last name of a list joined to a known person: 徐志鹏、柳 清都是80后."""


def _listed_with(doc: Document, people: list[Mention]) -> list[Mention]:
    """黄海和梁小宁, 张婷、吴晓雯、季 红: a name-shaped item joined to a person by 、/和/与 is a
    person too (every item of a list), repeated along the list."""
    flat = doc.flat
    known = {(p.start, p.end) for p in people}
    out: list[Mention] = []
    frontier = list(people)
    while frontier:
        p = frontier.pop()
        for direction in (1, -1):
            if direction == 1:
                j = flat[p.end:p.end + 1]
                if j not in JOINERS and j != "、":
                    continue
                for n in (3, 2):
                    raw = re.match(r"(?:[" + CJK + r"] ?){" + str(n - 1) + r"}[" + CJK + r"]", flat[p.end + 1:p.end + n + 2])
                    if not raw:
                        continue
                    name, s, e = _plain(raw.group(0)), p.end + 1, p.end + 1 + len(raw.group(0))
                    if len(name) == n and shaped_name(name) and (s, e) not in known \
                            and (_followed_ok(flat, e, True) or flat.startswith(_LIST_END_WORDS, e)):
                        m = Mention("Person", name, s, e, {"shape": True})
                        out.append(m)
                        frontier.append(m)
                        known.add((s, e))
                        break
            else:
                j = flat[p.start - 1:p.start] if p.start else ""
                if j not in JOINERS and j != "、":
                    continue
                for n in (3, 2):
                    raw = re.search(r"(?:[" + CJK + r"] ?){" + str(n - 1) + r"}[" + CJK + r"]$", flat[max(0, p.start - 1 - n - 1):p.start - 1])
                    if not raw:
                        continue
                    name = _plain(raw.group(0))
                    e = p.start - 1
                    s = e - len(raw.group(0))
                    before = flat[s - 1:s] if s else ""
                    if len(name) == n and shaped_name(name) and (s, e) not in known \
                            and (before == "" or before in _PUNCT_AFTER or before in ("、", "：", "—") or flat[:s].endswith(_ROLE_BEFORE)):
                        m = Mention("Person", name, s, e, {"shape": True})
                        out.append(m)
                        frontier.append(m)
                        known.add((s, e))
                        break
    return out


_SECTION_HEADER = re.compile(r"(?m)^[ \u3000]*([" + CJK + r"]{1,10}(?:" + alternation(tuple(h for h in SECTION_HEADS if len(h) >= 2)
                             + ("科", "室")) + r"))[：:]")


_MENTOR_FRAME = re.compile(r"(?:拜|收)([" + CJK + r"]{2,3}?)(?:为师|为徒|做徒弟|当徒弟)")
_ROLED_FRAME = re.compile(r"(?:拜|跟着|跟随|师从)(?:老|老师傅)?[" + CJK + r"]{0,3}?(?:" + alternation(tuple(r for r in ROLE_WORDS if len(r) >= 2))
                          + r"|司机|钳工|焊工|电工|车工|师傅)([" + CJK + r"]{3})(?:为师|学)")
"""拜老司机柯水生为师, 跟着老采船司机侯建民学: a role and a three-character name inside the frame
(the tagger cuts such names before a verb: 柯水|生为师)."""


def _mentor_frames(doc: Document) -> list[Mention]:
    """拜白云华为师, 收李强为徒, 拜老司机柯水生为师: the words inside the frame are a name when
    they have its shape (the tagger may read 白云华 as a cloud, or cut 柯水|生)."""
    out = []
    for m in _MENTOR_FRAME.finditer(doc.flat):
        name = m.group(1)
        if shaped_name(name) and name not in ("他", "她"):
            out.append(Mention("Person", name, m.start(1), m.end(1), {"shape": True}))
    for m in _ROLED_FRAME.finditer(doc.flat):
        if shaped_name(m.group(1)):
            out.append(Mention("Person", m.group(1), m.start(1), m.end(1), {"shape": True, "frame": True}))
    return out


def _recurrences(doc: Document, people: list[Mention]) -> list[Mention]:
    """A name of three or more characters, once found, is a name wherever it is written again
    (跟着钱卫国学仪表: the tagger may miss it in one context); not inside a quoted name or a
    team named after the person (钱卫国班)."""
    flat = doc.flat
    spans = [(p.start, p.end) for p in people]
    spans += [(c.start, c.end) for c in doc.candidates if c.type in ("Unit", "Village", "Region", "Honor", "Project")]
    out = []
    for name in {p.name for p in people if len(p.name) >= 3 and " " not in p.name and not p.props.get("unnamed")
                 and not p.props.get("byline")}:
        for m in re.finditer(re.escape(name), flat):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in spans) or inside(s, e, doc.short_quotes) \
                    or flat.startswith(_TEAM_AFTER, e):
                continue
            out.append(Mention("Person", name, s, e))
            spans.append((s, e))
    return out


_ROW_PADDED = re.compile(r"(?m)^(?:\d{1,3}[.．、]\s*)?([" + CJK + r"] [" + CJK + r"])(?=[ （(])")


def _padded_rows(doc: Document) -> list[Mention]:
    """于 洋 哈尔滨地铁…司机: a row of a name list opening with a two-character name padded to
    the width of three (its characters may read as words to the tagger)."""
    out = []
    for m in _ROW_PADDED.finditer(doc.flat):
        name = _plain(m.group(1))
        if shaped_name(name):
            out.append(Mention("Person", name, m.start(1), m.end(1), {"shape": True}))
    return out


def _under_unit_headers(doc: Document) -> list[Mention]:
    """A unit header and its names: 青川市中心医院：潘慧敏、宋 帆 (every name of the line); a
    line headed by a section alone in a unit's own notice too (重症医学科：熊 莉)."""
    flat = doc.flat
    out = []
    heads = [u.end for u in doc.of_type("Unit")]
    heads += [m.end(1) for m in _SECTION_HEADER.finditer(flat)]
    for end in heads:
        if flat[end:end + 1] not in ("：", ":"):
            continue
        pos = end + 1
        while True:
            m = re.match(r"[ \u3000]*((?:[" + CJK + r"] ?){1,2}[" + CJK + r"])(?=[、，；。\n ]|$)", flat[pos:pos + 8])
            if not m or not shaped_name(_plain(m.group(1))):
                break
            s = pos + m.start(1)
            out.append(Mention("Person", _plain(m.group(1)), s, s + len(m.group(1)), {"shape": True}))
            pos += m.end()
            if flat[pos:pos + 1] != "、":
                break
            pos += 1
    return out


def byline_names(flat: str, pos: int) -> list[tuple[str, int]]:
    """The names after a byline role, as written (padding kept) with their offsets: 本报记者
    祁玉梅 韩 旭, （记者 阿依努尔·买买提 王 骁）, （责编：宋一帆、刘佳）, 记者 关 宇 文/图. The run
    stops at the next role (通讯员 …, 摄影 …: read on their own), at prose, a bracket or the line end."""
    out: list[tuple[str, int]] = []
    pending: tuple[str, int] | None = None  # a one-character piece waiting for its pair (韩 旭)
    while pos < len(flat):
        sep = re.match(r"[ \u3000、，,]*", flat[pos:])
        gap, pos = sep.group(0), pos + sep.end()
        piece = _BYLINE_PIECE.match(flat, pos)
        if piece is None or any(c in "、，," for c in gap) and pending:
            break
        text, start = piece.group(0), pos
        if text.startswith(BYLINE_WORDS) or text in ("文", "图") and flat.startswith("/", piece.end()):
            break
        tail = next((t for t in _BYLINE_TAILS if text.endswith(t) and len(text) > len(t) + 1), None)
        stop = tail is not None
        text = text[:len(text) - len(tail)] if tail else text
        if len(text) == 1:
            if pending and gap in (" ", "\u3000"):
                out.append((pending[0] + gap + text, pending[1]))
                pending = None
            elif pending is None and not out or pending is None and gap in (" ", "\u3000"):
                pending = (text, start)
            else:
                break
        elif pending is None and (person_ok(text) or name_part_count(text)):
            out.append((text, start))
        else:
            break
        pos = start + len(piece.group(0))
        if stop or flat[pos:pos + 1] in ("）", ")", "]", "】", "\n", ""):
            break
    return out


def _bylines(doc: Document) -> list[Mention]:
    """（记者 陈晨 通讯员 蔡晓雯）, 本报记者 宋 帆, 责任编辑：宋一帆, 记者邹国华、通讯员曹建报道,
    宋一帆 摄, （院工会 刘晓晨）, 联系人：市总工会… 陈思远."""
    flat = doc.flat
    out = []

    def add(name_raw: str, s: int, role: str, unit_text: str | None = None, role_end: int | None = None) -> None:
        name = _plain(name_raw)
        if person_ok(name) and not any(c in "的了是在说和" for c in name[1:]):
            out.append(Mention("Person", name, s, s + len(name_raw),
                               {"byline": role, "credit_unit": unit_text, "role_end": role_end}))
            return
        # 记者 莫 凡 梁 韵 (two padded names), 谢 婷 整理, 段晓岚 文/图: the names among the pieces
        pieces = [(m.group(0), s + m.start()) for m in re.finditer(r"\S+", name_raw)]
        if len(pieces) >= 2 and all(len(p) == 1 for p, _ in pieces[:2]):
            pairs = [(pieces[i][0] + pieces[i + 1][0], pieces[i][1], pieces[i + 1][1] + 1)
                     for i in range(0, len(pieces) - 1, 2) if len(pieces[i][0]) == len(pieces[i + 1][0]) == 1]
        else:
            pairs = [(pieces[0][0], pieces[0][1], pieces[0][1] + len(pieces[0][0]))] if pieces else []
        for piece, ps, pe in pairs:
            if person_ok(piece) and not any(c in "的了是在说和" for c in piece[1:]):
                out.append(Mention("Person", piece, ps, pe, {"byline": role, "credit_unit": unit_text}))

    for m in _BYLINE.finditer(flat):
        role = flat[m.start():m.end()].strip(" \u3000：:")
        for name_raw, ns in byline_names(flat, m.end()):
            add(name_raw, ns, role, role_end=m.end())
    for m in _PHOTO.finditer(flat):
        add(m.group(1), m.start(1), "摄")
    for m in _DATELINE_NAME.finditer(flat):  # 中新网青川5月2日电（宋一帆）
        add(m.group(1), m.start(1), "记者")
    for m in _CREDIT.finditer(flat):
        if not re.search(r"记者|通讯员|编辑|责编|实习生", m.group(1)):
            add(m.group(2), m.start(2), "credit", m.group(1))
    for m in _CONTACT.finditer(flat):
        add(m.group(2), m.start(2), "联系人", m.group(1))
    return out


def persons(doc: Document) -> None:
    """Stage: person mentions (see the module's docstring)."""
    flat = doc.flat
    single, _ = surnames()
    # glued honors the tagger swallowed: 劳动模范俞佳丽 → 范俞佳丽 → 俞佳丽
    honor_spans = [(c.start, c.end) for c in doc.of_type("Honor")]
    fixed = []
    for p in tagged_persons(doc):
        for hs, he in honor_spans:
            if hs < p.end and p.start < he and p.start < he < p.end:
                p = Mention("Person", flat[he:p.end], he, p.end)
        if inside(p.start, p.end, doc.short_quotes):
            continue
        if len(p.name) >= 2 and p.name[0] in single and p.name[1:] in ADDRESS_FORMS:
            p.props["unnamed"] = True  # 杨师傅: kept only to anchor 他/她
            fixed.append(p)
        elif person_ok(p.name):
            fixed.append(p)
    taken = {(p.start, p.end) for p in fixed}

    def covered(m: Mention) -> bool:
        return any(a < m.end and m.start < b for a, b in taken) or inside(m.start, m.end, doc.short_quotes)

    extra: list[Mention] = []
    # a book title about a person: 《王芳：……》
    for m in _BOOK_ABOUT.finditer(flat):
        if person_ok(m.group(1)):
            extra.append(Mention("Person", m.group(1), m.start(1), m.end(1)))
    # transliterated names: 买买提·艾力, 热依拉·买买提
    for m in _TRANSLITERATED.finditer(flat):
        s, e = _transliteration(flat, m.start(), m.end())
        s, e = _token_bounds(doc, s, e)
        name = flat[s:e]
        if _in_pair(flat, s, "《", "》") or _in_pair(flat, s, "“", "”") or not person_ok(name) \
                or len(name.split("·")[0]) < 2 and not name.split("·")[0] in surnames()[0]:
            continue
        for p in list(fixed):
            if p.start < e and s < p.end:
                fixed.remove(p)
                taken.discard((p.start, p.end))
        extra.append(Mention("Person", name, s, e, {"shape": True}))
    # names of given-name elements: they replace the tagger's cuts of them (巴图孟|和, 阿苏|日者)
    for m in _name_part_runs(doc) + _yi_names(doc):
        for p in list(fixed):
            if p.start < m.end and m.start < p.end and p.end - p.start < m.end - m.start:
                fixed.remove(p)
                taken.discard((p.start, p.end))
        extra.append(m)
    # bylines and credits: known names take the mark, new ones are added
    for b in _bylines(doc):
        known = [p for p in fixed + extra if p.start <= b.start < p.end]
        for p in [p for p in known if p.start == b.start and p.end < b.end and p in fixed]:
            fixed.remove(p)  # 首席记者 黄佳文: the byline's whole name, not the tagger's 黄佳|文
            taken.discard((p.start, p.end))
            known.remove(p)
        for p in known:
            p.props.update({k: v for k, v in b.props.items() if v})
        if not known:
            extra.append(b)
    frames = _mentor_frames(doc)
    for m in frames:  # 拜老司机柯水|生为师: the frame's whole name replaces the tagger's cut
        for p in list(fixed):
            if m.props.get("frame") and p.start == m.start and p.end < m.end:
                fixed.remove(p)
                taken.discard((p.start, p.end))
    extra += _after_roles(doc) + _after_honors(doc) + _under_unit_headers(doc) + frames + _padded_rows(doc)
    for m in extra:
        if not covered(m):
            fixed.append(m)
            taken.add((m.start, m.end))
    for m in _listed_with(doc, fixed):
        if not covered(m):
            fixed.append(m)
            taken.add((m.start, m.end))
    fixed += _recurrences(doc, fixed)
    # a name only inside a team's name (杜海峰班组) is no person
    name_counts = Counter(p.name for p in fixed)
    for p in fixed:
        if flat.startswith(_TEAM_AFTER, p.end) and name_counts[p.name] < 2 and not p.props.get("byline"):
            continue
        # a two-character name seen once needs a sign it is a person
        if len(p.name) == 2 and name_counts[p.name] < 2 and not p.props.get("unnamed") \
                and not person_context(flat, p, fixed):
            continue
        doc.candidates.append(p)
