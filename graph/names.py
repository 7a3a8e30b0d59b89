"""One normalisation for every name the project compares.

Full-width → half-width, traditional → simplified, whitespace and punctuation removed;
for persons, honor titles and roles glued in front or behind are stripped
(全国劳模张继东 → 张继东); for units, a key of brand + most specific place + trade with
legal suffixes and province prefixes dropped (国网浙江省电力有限公司嘉兴供电公司 ≈ 国网嘉兴供电公司).
Pinyin keys are toneless with surname readings fixed where pypinyin reads the common word.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from graph import places

DATA = Path(__file__).parent / "data"

COMPOUND_SURNAMES = (
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "端木",
    "司徒", "长孙", "宇文", "轩辕", "独孤", "南宫", "西门", "闻人", "呼延", "申屠", "太史", "澹台",
)

# pypinyin reads these as the common word (曾经 ceng, 单 dan); as surnames they read otherwise.
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "仇": "qiu", "翟": "zhai", "区": "ou", "解": "xie", "查": "zha",
    "朴": "piao", "盖": "ge", "缪": "miao", "任": "ren", "乐": "yue", "覃": "qin", "尉": "yu",
    "繁": "po", "折": "she", "员": "yun", "种": "chong", "秘": "bi", "冼": "xian", "长": "chang",
    "万俟": "moqi", "尉迟": "yuchi", "单于": "chanyu",
}

_PUNCT = re.compile(r"[\s\u3000·•・.,，。、;；:：!！?？'\"“”‘’()（）\[\]【】《》<>〈〉—\-_~～/\\|]+")


CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 and C1 controls but tab and line ends (NUL included)
    "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"  # direction marks, overrides, isolates
    "\ufeff\ufff9-\ufffb]"  # a BOM inside text, interlinear annotation
)
"""Characters that show nothing or reorder what is shown (U+202E turns 三张 into 张三 on
screen): removed from every name and text a source gives, refused in record ids."""


def strip_controls(s: str) -> str:
    """The text without control, direction and invisible format characters (tab and line
    ends stay: they separate, and normalisation drops them from names anyway)."""
    return CONTROLS.sub("", s) if s and CONTROLS.search(s) else s


def to_halfwidth(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC  # imported when first needed: it loads its dictionaries (a command starts faster)

    return OpenCC("t2s")


@lru_cache(maxsize=65536)
def to_simplified(s: str) -> str:
    return s if s.isascii() else _t2s().convert(s)


@lru_cache(maxsize=262144)
def normalize_text(s: str) -> str:
    """Half-width, simplified, no whitespace or punctuation, latin lower-cased."""
    return _PUNCT.sub("", to_simplified(to_halfwidth(s or ""))).lower()


@lru_cache(maxsize=1)
def _person_affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    prefixes: list[str] = []
    suffixes: list[str] = []
    for line in (DATA / "person_titles.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, text = line.partition(" ")
        (prefixes if kind == "prefix" else suffixes).append(normalize_text(text))
    return (tuple(sorted(set(prefixes), key=len, reverse=True)),
            tuple(sorted(set(suffixes), key=len, reverse=True)))


_HONOR_PREFIX = re.compile(
    r"(?:全国|(?:省|市|县|区|自治区|旗|盟|州)级?)?(?:劳动模范|劳模|先进工作者|五一劳动奖章|五一奖章)(?:获得者|得主)?")
"""An honor glued before a name, its place given by a scope word (自治区劳模赵长青) or a place
(内蒙古自治区劳动模范…, 包头市劳模…: the place is taken off first)."""


def _honor_prefix(name: str) -> int:
    """How many leading characters of a name are an honor (with its place): 0 when none."""
    start = 0
    place = places.leading_written(name)
    if place is not None:
        start = len(place[1])
    match = _HONOR_PREFIX.match(name, start)
    return match.end() if match else 0


def strip_person_titles(name: str) -> str:
    """全国劳模张继东 → 张继东, 自治区劳模赵长青 → 赵长青, 学生庞珍妮 → 庞珍妮, 王金良师傅 → 王金良.
    Never strips to < 2 chars."""
    prefixes, suffixes = _person_affixes()
    changed = True
    while changed:
        changed = False
        honor = _honor_prefix(name)
        if honor and len(name) - honor >= 2:
            name, changed = name[honor:], True
        for p in prefixes:
            if name.startswith(p) and len(name) - len(p) >= 2:
                name, changed = name[len(p):], True
                break
        for s in suffixes:
            if name.endswith(s) and len(name) - len(s) >= 2:
                name, changed = name[: -len(s)], True
                break
    return name


_BRACKETED = re.compile(r"[（(\[【][^()（）\[\]【】]*[)）\]】]")


@lru_cache(maxsize=262144)
def normalize_person_name(name: str) -> str:
    """李四（女） → 李四, 全国劳模張繼東 → 张继东, 马　甫妮 → 马甫妮: notes in brackets, then
    titles and roles glued to the name, are taken off."""
    return strip_person_titles(normalize_text(_BRACKETED.sub("", name or "")))


@lru_cache(maxsize=262144)
def split_name(name: str) -> tuple[str, str]:
    """(surname, given name), compound surnames included."""
    name = normalize_text(name)
    for compound in COMPOUND_SURNAMES:
        if name.startswith(compound) and len(name) > len(compound):
            return compound, name[len(compound):]
    return name[:1], name[1:]


@lru_cache(maxsize=262144)
def _syllables(name: str) -> tuple[str, ...]:
    key = normalize_text(name)
    if not key:
        return ()
    if re.fullmatch(r"[a-z0-9]+", key):
        return (key,)
    from pypinyin import lazy_pinyin  # its dictionaries take a while to load: only when a name needs them

    surname, given = split_name(key) if re.match(r"[\u4e00-\u9fff]", key) else ("", key)
    syllables: list[str] = []
    if surname:
        if surname in SURNAME_READINGS:
            syllables.append(SURNAME_READINGS[surname])
        else:
            syllables += lazy_pinyin(surname, errors="ignore")
    syllables += lazy_pinyin(given, errors=lambda chars: [c for c in chars if c.isalnum()])
    return tuple(s for s in syllables if s)


def pinyin_full(name: str) -> str:
    """Toneless, no spaces: 张继东 → zhangjidong."""
    return "".join(_syllables(name))


def pinyin_initials(name: str) -> str:
    """张继东 → zjd."""
    return "".join(s[0] for s in _syllables(name))


def pinyin_syllables(name: str) -> tuple[str, ...]:
    return _syllables(name)


# ------------------------------------------------------------------ units

LEGAL_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "总公司", "股份公司", "公司",
)
PROVINCES = (
    "浙江省", "江苏省", "上海市", "北京市", "天津市", "重庆市", "安徽省", "福建省", "江西省", "山东省",
    "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区", "海南省", "四川省", "贵州省", "云南省",
    "陕西省", "甘肃省", "青海省", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "内蒙古自治区",
    "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区", "台湾省", "香港", "澳门",
)
_PROVINCE_SHORT = tuple(p.rstrip("省市") for p in PROVINCES if p.endswith(("省", "市")))
BRAND_ALIASES = {"国家电网": "国网", "国网浙江电力": "国网", "中国石油化工": "中石化", "中国石油": "中石油"}
CHILD_MARKERS = ("分公司", "子公司", "分厂", "分院", "分行", "支行", "车间", "班组", "分局", "工区")


def normalize_unit_name(name: str) -> str:
    return normalize_text(name)


@lru_cache(maxsize=65536)
def unit_key(name: str) -> str:
    """Brand + most specific place + trade: legal suffixes, province prefixes and the
    province's own electricity/whatever company layer are dropped; a child unit
    (…分公司, …车间) keeps its own part so it never equals its parent."""
    s = normalize_unit_name(name)
    for long, short in BRAND_ALIASES.items():
        s = s.replace(long, short)
    # 国网浙江省电力有限公司嘉兴供电公司: drop the provincial layer before the city unit
    s = re.sub(r"^(国网)(?:" + "|".join(PROVINCES + _PROVINCE_SHORT) + r")(?:省)?电力(?:有限公司|公司)?", r"\1", s)
    for province in PROVINCES:
        if s.startswith(province) and len(s) > len(province) + 2:
            s = s[len(province):]
            break
    child = ""
    for marker in CHILD_MARKERS:
        idx = s.find(marker)
        if idx > 0:
            # keep "…股份有限公司平湖分公司" apart from its parent
            head, child = s[:idx], s[idx:]
            s = head
            break
    for suffix in LEGAL_SUFFIXES:
        if s.endswith(suffix) and len(s) > len(suffix) + 1:
            s = s[: -len(suffix)]
            break
    for suffix in LEGAL_SUFFIXES:
        s = s.replace(suffix, "") if len(s.replace(suffix, "")) >= 2 else s
    return s + child


_NUMERALS = re.compile(r"[第一二三四五六七八九十百\d]")


_FILLER = re.compile(r"第(?=[一二三四五六七八九十百\d])|人民(?=医院|政府|法院|检察院)")
"""Words offices drop when they shorten a unit: 第 before a number (一中 for 第一中学), 人民 in
人民医院 (县医院)."""
_THIS_PLACE = "市县区旗盟"
"""A short form may begin with the level of the unit's own place: 市三医院, 县医院, 区医院, 旗一中."""


class UnitCore(NamedTuple):
    """A unit key taken apart: the places it begins with (their full names; a bare 市/县/区 for
    the unit's own place) and the rest, without filler words."""

    places: tuple[str, ...]
    rest: str
    whole: str


@lru_cache(maxsize=None)  # one entry per distinct unit key: thousands, even at a million people
def unit_core(key: str) -> UnitCore:
    """宜昌市夷陵区人民医院 → ((宜昌市, 夷陵区), 医院); 五峰云雾茶业 → ((五峰土家族自治县,), 云雾茶业);
    市三医院 → ((市,), 三医院); 市中心医院 → ((市,), 中心医院), not 市中(区) + 心医院."""
    found: list[str] = []
    rest = key
    while True:
        place = places.leading_written(rest)
        if place is None or len(rest) <= len(place[1]) + 1:
            break
        if not found and len(place[1]) == 2 and place[1][0] in _THIS_PLACE and place[1][1] not in "市县区旗盟州":
            break  # 市中 is 市中区 only written in full; else the unit's own 市 and a word
        found.append(place[0])
        rest = rest[len(place[1]):]
    if not found and len(key) > 2 and key[0] in _THIS_PLACE:
        found, rest = [key[0]], key[1:]
    return UnitCore(tuple(found), _FILLER.sub("", rest), _FILLER.sub("", key))


def unit_heads(key: str) -> frozenset[str]:
    """The characters a short form of this unit, or this unit as one, can begin with (see
    unit_short_form): a cheap test that most pairs of units fail."""
    core = unit_core(key)
    return frozenset((core.rest[:1], core.whole[:1]))


def _places_agree(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """The short form names no place, or the full name's last (most local) one and only places
    the full name names: 夷陵区医院 / 宜昌市夷陵区人民医院, not 嘉兴电力 / 嘉兴市嘉善电力. A bare 市/县/区
    stands for a place of that level."""
    def same(p: str, f: str) -> bool:
        return p == f or (len(p) == 1 and f.endswith(p))

    if not short:
        return True
    return bool(full) and same(short[-1], full[-1]) and all(p in full for p in short[:-1])


def _found_in_order(s: str, f: str) -> bool:
    """`s` read from `f`'s first character on, in order, covering at least half of `f`, with
    the same numbers."""
    if not s or s[:1] != f[:1] or len(s) > len(f) or 2 * len(s) < len(f) \
            or _NUMERALS.findall(s) != _NUMERALS.findall(f):
        return False
    rest = iter(f)
    return all(ch in rest for ch in s)


def unit_short_form(short: str, full: str) -> bool:
    """Whether one unit key is how offices shorten another: 科创新材 / 洛阳科创新材料, 云雾茶业 /
    五峰云雾茶业, 夷陵区医院 / 宜昌市夷陵区人民医院, 市三医院 / 宜昌市第三人民医院, 宜都二中 /
    宜都市第二中学. The places the short form names must be among the full name's, and the rest
    found in order in the full name's rest (from its first character, covering at least half of
    it); or the whole short form found so (天河水电 / 长阳天河水力发电, where 天河 only looks like a
    place). Units of different places (嘉善县总工会 / 嘉兴市总工会) or numbers (第一医院 / 第二医院)
    are never one the other's short form. Called for every scored pair whose units differ, so
    the cheap refusals come first."""
    if len(short) < 3:
        return False
    s, f = unit_core(short), unit_core(full)
    if _places_agree(s.places, f.places) and _found_in_order(s.rest, f.rest):
        return True
    return bool(s.places) and _found_in_order(s.whole, f.rest)


_ORGANISATION = re.compile(
    r".{2,}?(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|卫生院|医院|中学|小学|学校|学院|大学|"
    r"合作社|研究院|研究所)(?!(?:股份)?有限(?:责任)?公司$|公司$)(?=.{2,})")


@lru_cache(maxsize=65536)
def unit_organisation(name: str) -> str | None:
    """The organisation a unit written with its department belongs to: 包头北辰特钢有限责任公司
    轧钢厂 → 包头北辰特钢有限责任公司, 包头市第四医院急诊科 → 包头市第四医院; None when nothing
    follows the organisation's name. One list writes the department, another the company."""
    match = _ORGANISATION.match(normalize_unit_name(name))
    return match.group(0) if match else None


def unit_parent_candidates(name: str) -> list[str]:
    """The parent names a child unit implies: 长城汽车股份有限公司平湖分公司 → 长城汽车股份有限公司."""
    s = normalize_unit_name(name)
    parents = []
    for marker in CHILD_MARKERS:
        idx = s.find(marker)
        if idx > 0:
            head = s[:idx]
            # the parent ends at its legal suffix: 长城汽车股份有限公司|平湖分公司
            match = re.search(r"^(.*?(?:股份有限公司|有限责任公司|有限公司|集团|公司|医院|学院|学校))", head)
            if match and match.group(1) != head:
                parents.append(match.group(1))
            break
    return parents


# ------------------------------------------------------------------ blocking

def person_block_keys(name: str, unit: str | None = None, region: str | None = None) -> set[str]:
    """Union of blocking keys: exact name; surname + unit; pinyin + region; initials + unit."""
    key = normalize_person_name(name)
    surname, _ = split_name(key)
    keys = {f"n:{key}", f"p:{pinyin_full(key)}"}
    if len(key) >= 3:  # one wrong character, in the last or the middle place
        keys.add(f"m:{key[:-1]}_")
        keys.add(f"m:{key[0]}_{key[2:]}")
    if unit:
        u = unit_key(unit)
        keys.add(f"su:{surname}|{u}")
        keys.add(f"iu:{pinyin_initials(key)}|{u}")
    if region:
        keys.add(f"pr:{pinyin_full(key)}|{normalize_text(region)}")
    return keys


def unit_block_keys(name: str) -> set[str]:
    key = unit_key(name)
    return {f"u:{key}"} | {f"b:{key[i:i + 2]}" for i in range(len(key) - 1)}
