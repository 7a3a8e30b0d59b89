"""Scoring two records as the same person or unit: a feature table that scores and explains.

Plain edit distance is wrong for two- and three-character names (王金良 / 王金亮 are one
edit apart and usually different people), so the name only says how the names relate
(exact, homophone, one character apart) and context decides: the same unit, honor and
year, region, studio, mentor raise the score; a gender or birth-year conflict sinks it;
a common name is weak evidence on its own. Homophone-only and one-character-apart pairs
are never merged automatically, whatever the score.

Each row of a table is a `Feature(name, function, weight)`: the function compares two
records and answers None (it has nothing to say) or a strength and a readable detail; the
contribution is strength × weight. The reasons a score comes with, what a review item
stores and what explainMatch shows are these contributions, row by row, and nothing else.
docs/matching.md lists the weights.

- A person's score is the logistic of the sum of contributions. Agreeing context is also
  counted as `support` (1 per strong feature, weighing more than 1; 0.5 per weak one),
  which `decide` needs besides the score.
- A unit's score is the sum of contributions, at most `UNIT_CAP` unless the unit keys are equal.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from rapidfuzz.distance import Levenshtein

from graph import names, places
from graph.honors import absolute_honor
from graph.dedupe.records import PersonRecord, UnitRecord

MERGE_THRESHOLD = 0.85
REVIEW_THRESHOLD = 0.5
UNIT_CAP = 0.84
"""Unit keys alike but not equal never reach the merge threshold."""
NEVER_AUTOMATIC = frozenset({"homophone", "one_char", "parent_child", "numbered"})
"""Match kinds that only ever go to staff."""


class Reason(NamedTuple):
    """One feature's part in a score, readable by a person."""

    feature: str
    contribution: float
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"feature": self.feature, "contribution": round(float(self.contribution), 4), "detail": self.detail}


def reasons_json(reasons: list[Reason]) -> str:
    """Reasons as stored on a review item (JSON text)."""
    return json.dumps([r.to_json() for r in reasons], ensure_ascii=False)


@dataclass
class MatchScore:
    score: float
    reasons: list[Reason]
    kind: str
    support: float = 0.0
    """How much context agrees: 1 per strong feature, 0.5 per weak one."""
    carriers: int = 1
    """How many distinct people carry this name, as far as the caller knows."""
    strong: int = 0
    """How many strong context features agree (unit, honor and year, birth year, studio, mentor)."""
    conflicts: int = 0
    """How many context features disagree (another unit, gender, birth year)."""


Strength = tuple[float, str] | None


@dataclass(frozen=True)
class Feature:
    """One row of a feature table: `function(pair)` → (strength, detail) or None; the
    contribution to the score is strength × weight."""

    name: str
    function: Callable[[Any], Strength]
    weight: float


# ---------------------------------------------------------------- persons


class PersonKeys(NamedTuple):
    """What a person's features compare, normalised once per record (kept on the record)."""

    names: frozenset[str]
    units: frozenset[str]
    honors: frozenset[str]
    dated: frozenset[tuple[str, int]]
    regions: frozenset[str]
    studios: frozenset[str]
    mentors: frozenset[str]
    unit_heads: frozenset[str]
    """The first character of each unit key after its place: a short form starts the same."""
    organisations: frozenset[str]
    """The keys of the organisations of units written with a department (…有限公司轧钢厂 → …有限
    公司), else the units' own: the same object as `units` when no unit has a department."""
    organisation_heads: frozenset[str]


_EMPTY: frozenset[Any] = frozenset()


def _set(values: Any) -> frozenset[Any]:
    found = frozenset(values)
    return found if found else _EMPTY  # one empty set for all: most records have no studio or mentor


def person_keys(r: PersonRecord) -> PersonKeys:
    keys = r.keys
    if keys is None:
        honors = [(names.normalize_text(h), y) for h, y in r.honors]
        units = _set(names.unit_key(u) for u in r.units if u)
        heads = frozenset().union(*(names.unit_heads(u) for u in units if u))
        organisations, organisation_heads = units, heads
        if any(names.unit_organisation(u) for u in r.units if u):
            organisations = _set(names.unit_key(names.unit_organisation(u) or u) for u in r.units if u)
            organisation_heads = frozenset().union(*(names.unit_heads(u) for u in organisations))
        keys = r.keys = PersonKeys(
            names=_set(names.normalize_person_name(n) for n in [r.name, *r.aliases] if n),
            units=units,
            honors=_set(h for h, _ in honors),
            dated=_set((h, y) for h, y in honors if y is not None),
            regions=_set(names.normalize_text(g) for g in r.regions if g),
            studios=_set(names.normalize_text(s) for s in r.studios if s),
            mentors=_set(names.normalize_person_name(m) for m in r.mentors if m),
            unit_heads=heads,
            organisations=organisations,
            organisation_heads=organisation_heads,
        )
    return keys


SURNAME_VARIANTS = frozenset({frozenset("肖萧"), frozenset("闫阎")})
"""Surnames records write for each other: the second simplification scheme (1977, withdrawn
in 1986) wrote 萧 as 肖 and 阎 as 闫, and registers kept both. Two names apart only by such a
surname sound the same, so they are homophones (review, never a merge), not different names."""


@lru_cache(maxsize=262144)
def name_relation(a: str, b: str) -> tuple[str, str]:
    """How two normalised names relate: (kind, detail); kind is exact, homophone, one_char
    or different_name. The detail names them in one order, whichever record comes first."""
    a, b = sorted((a, b))
    if a == b:
        return "exact", f"same name {a}"
    sa, ga = names.split_name(a)
    sb, gb = names.split_name(b)
    if sa != sb and frozenset((sa, sb)) not in SURNAME_VARIANTS:
        return "different_name", f"different surnames {sa} / {sb}"
    if names.pinyin_full(a) == names.pinyin_full(b):
        return "homophone", f"{a} / {b} sound the same ({names.pinyin_full(a)})"
    if len(a) == len(b) and Levenshtein.distance(a, b) == 1:
        return "one_char", f"{a} / {b} differ by one character"
    return "different_name", f"different given names {ga} / {gb}"


RELATION_RANK = {"exact": 0, "homophone": 1, "one_char": 2, "different_name": 3}


@dataclass(slots=True)
class PersonPair:
    """Two person records compared: their keys, how their names relate (the closest of all
    their spellings) and how many people carry the name."""

    a: PersonRecord
    b: PersonRecord
    ka: PersonKeys
    kb: PersonKeys
    relation: str
    names_detail: str
    carriers: int

    @classmethod
    def of(cls, a: PersonRecord, b: PersonRecord, name_frequency: Callable[[str], int] | None) -> "PersonPair":
        ka, kb = person_keys(a), person_keys(b)
        best = ("different_name", "no names")
        rank = 3
        for x in ka.names:
            for y in kb.names:
                rel = name_relation(x, y)
                if RELATION_RANK[rel[0]] < rank:
                    best, rank = rel, RELATION_RANK[rel[0]]
        carriers = 1
        if best[0] == "exact" and name_frequency is not None:
            carriers = name_frequency(names.normalize_person_name(a.name))
        return cls(a, b, ka, kb, best[0], best[1], carriers)


def _relation(kind: str) -> Callable[[PersonPair], Strength]:
    def compare(p: PersonPair) -> Strength:
        return (1.0, p.names_detail) if p.relation == kind else None

    compare.__doc__ = f"the closest spellings are {kind}"
    return compare


def _common_name(p: PersonPair) -> Strength:
    if p.relation == "exact" and p.carriers > 1:
        return min(4.0, math.log2(p.carriers)), f"{p.carriers} people carry this name"
    return None


def _unit(p: PersonPair) -> Strength:
    shared = p.ka.units & p.kb.units
    if shared:
        return 1.0, f"same unit {sorted(shared)[0]}"
    short = _abbreviated_unit(p)
    return (0.8, f"unit {short[0]} is short for {short[1]}") if short else None


def _organisation(p: PersonPair) -> Strength:
    """Not the same unit, but one organisation: a department and its company (北辰特钢 /
    包头北辰特钢有限责任公司轧钢厂), or two departments of one (its namesakes are many: weak)."""
    found = _same_organisation(p)
    return (1.0, f"same organisation {found}") if found and _unit(p) is None else None


def _same_organisation(p: PersonPair) -> str | None:
    ka, kb = p.ka, p.kb
    if ka.organisations is ka.units and kb.organisations is kb.units:
        return None  # no department on either side: the units said it all
    shared = ka.organisations & kb.organisations
    if shared:
        return sorted(shared)[0]
    short = _abbreviated(ka.organisations, kb.organisations, ka.organisation_heads, kb.organisation_heads)
    return short[1] if short else None


def _unit_conflict(p: PersonPair) -> Strength:
    if p.ka.units and p.kb.units and not p.ka.units & p.kb.units and not _abbreviated_unit(p) \
            and not _same_organisation(p):
        return 1.0, "different units"
    return None


def _abbreviated_unit(p: PersonPair) -> tuple[str, str] | None:
    return _abbreviated(p.ka.units, p.kb.units, p.ka.unit_heads, p.kb.unit_heads)


def _abbreviated(xs: frozenset[str], ys: frozenset[str], heads_x: frozenset[str], heads_y: frozenset[str]
                 ) -> tuple[str, str] | None:
    """A unit key of one side that is an office's short form of one of the other's (科创新材 for
    洛阳科创新材料, 瑞丰铸造 for 洛阳瑞丰精密铸造): (short, full), or None. Most pairs of other
    units are told apart by their first characters, without a look at the names."""
    if not heads_x & heads_y:
        return None
    for x in xs:
        for y in ys:
            short, full = (x, y) if len(x) <= len(y) else (y, x)
            if names.unit_short_form(short, full):
                return short, full
    return None


def _honor_year(p: PersonPair) -> Strength:
    same = p.ka.dated & p.kb.dated
    return (1.0, f"same honor in the same year ({min(same)[0]})") if same else None


@lru_cache(maxsize=4096)
def _high(honor: str) -> bool:
    """A national or provincial honor (全国劳动模范, 浙江省五一劳动奖章) by the honor taxonomy's
    level (graph/honors.py): few people hold one."""
    title = absolute_honor(honor)
    return title is not None and title.level in ("national", "provincial")


def _shared_undated(p: PersonPair) -> frozenset[str]:
    return p.ka.honors & p.kb.honors if not p.ka.dated & p.kb.dated else frozenset()


def _honor(p: PersonPair) -> Strength:
    shared = _shared_undated(p)
    return (1.0, "same honor") if shared and not any(_high(h) for h in shared) else None


def _high_honor(p: PersonPair) -> Strength:
    high = sorted(h for h in _shared_undated(p) if _high(h))
    return (1.0, f"same national or provincial honor ({high[0]})") if high else None


def _region(p: PersonPair) -> Strength:
    return (1.0, "same region") if p.ka.regions & p.kb.regions else None


def _region_conflict(p: PersonPair) -> Strength:
    """Both say where, and every place of one is apart from every place of the other (two
    counties; not a county and its city)."""
    ra, rb = p.ka.regions, p.kb.regions
    if ra and rb and not ra & rb and all(places.apart(x, y) for x in ra for y in rb):
        return 1.0, "different regions"
    return None


def _gender(p: PersonPair) -> Strength:
    return (1.0, "same gender") if p.a.gender and p.a.gender == p.b.gender else None


def _gender_conflict(p: PersonPair) -> Strength:
    if p.a.gender and p.b.gender and p.a.gender != p.b.gender:
        return 1.0, f"gender differs ({' / '.join(sorted((p.a.gender, p.b.gender)))})"
    return None


def _birth_gap(p: PersonPair) -> int | None:
    if p.a.birth_year and p.b.birth_year:
        return abs(int(p.a.birth_year) - int(p.b.birth_year))
    return None


def _birth_year(p: PersonPair) -> Strength:
    gap = _birth_gap(p)
    return (1.0, "same birth year") if gap is not None and gap <= 1 else None


def _birth_year_conflict(p: PersonPair) -> Strength:
    gap = _birth_gap(p)  # the years are personal data: never in a detail
    return (1.0, "birth years differ") if gap is not None and gap > 1 else None


def _birth_month(p: PersonPair) -> Strength:
    """Both dates give the month and it is the same: a second strong fact beside the year
    (namesakes of one city share a birth month about once in 500). Months that differ say
    nothing: an office's 1978.1 may be October with its zero lost."""
    same = p.a.birth_month is not None and p.a.birth_month == p.b.birth_month
    return (1.0, "same birth month") if same else None


def _studio(p: PersonPair) -> Strength:
    return (1.0, "same studio") if p.ka.studios & p.kb.studios else None


def _mentor(p: PersonPair) -> Strength:
    return (1.0, "same mentor") if p.ka.mentors & p.kb.mentors else None


NAME_FEATURES: tuple[Feature, ...] = (
    Feature("name", _relation("exact"), 2.0),
    Feature("homophone", _relation("homophone"), -0.5),
    Feature("one_char", _relation("one_char"), -1.5),
    Feature("different_name", _relation("different_name"), -6.0),
    Feature("common_name", _common_name, -0.5),
)
"""How the names relate; a common name is weaker evidence (−0.5 per doubling of carriers, at most −2)."""

CONTEXT_FEATURES: tuple[Feature, ...] = (
    Feature("unit", _unit, 2.5),
    Feature("organisation", _organisation, 1.0),
    Feature("unit_conflict", _unit_conflict, -1.0),
    Feature("honor_year", _honor_year, 2.0),
    Feature("honor", _honor, 1.0),
    Feature("high_honor", _high_honor, 1.5),
    Feature("region", _region, 0.5),
    Feature("region_conflict", _region_conflict, -0.5),
    Feature("gender", _gender, 0.3),
    Feature("gender_conflict", _gender_conflict, -5.0),
    Feature("birth_year", _birth_year, 1.5),
    Feature("birth_year_conflict", _birth_year_conflict, -5.0),
    Feature("birth_month", _birth_month, 1.5),
    Feature("studio", _studio, 1.5),
    Feature("mentor", _mentor, 1.5),
)
"""What the records say around the name; a positive one counts as support."""

PERSON_FEATURES = NAME_FEATURES + CONTEXT_FEATURES
_CONTEXT = frozenset(f.name for f in CONTEXT_FEATURES)


def support_of(feature: Feature) -> float:
    """A strong agreeing fact (weighing more than 1) counts 1, a weak one 0.5, a gender 0.25
    (half of all pairs share one: with a county, it is what namesakes of one city share)."""
    return 1.0 if feature.weight > 1.0 else 0.5 if feature.weight >= 0.5 else 0.25


@dataclass
class Tally:
    """What a table says of a pair: the reasons, their sum, and how the context stands."""

    reasons: list[Reason]
    total: float = 0.0
    support: float = 0.0
    strong: int = 0
    conflicts: int = 0


def contributions(table: tuple[Feature, ...], pair: Any) -> Tally:
    """Each feature of the table that has something to say of the pair, as a reason."""
    tally = Tally([])
    for feature in table:
        found = feature.function(pair)
        if found is not None:
            contribution = found[0] * feature.weight
            tally.reasons.append(Reason(feature.name, contribution, found[1]))
            tally.total += contribution
            if feature.name in _CONTEXT:
                if contribution > 0:
                    tally.support += support_of(feature)
                    tally.strong += feature.weight > 1.0
                elif contribution < 0:
                    tally.conflicts += 1
    return tally


def score_person(a: PersonRecord, b: PersonRecord,
                 name_frequency: Callable[[str], int] | None = None) -> MatchScore:
    """`name_frequency(name)`: how many distinct people carry the name (see `carriers`)."""
    pair = PersonPair.of(a, b, name_frequency)
    t = contributions(PERSON_FEATURES, pair)
    score = 1.0 / (1.0 + math.exp(-t.total))
    return MatchScore(round(score, 4), t.reasons, pair.relation, t.support, pair.carriers, t.strong, t.conflicts)


def carriers(records_with_name: int) -> int:
    """How many distinct people carry a name, for a pair of records that both carry it:
    the pair counts as one person, every other record of the name as another."""
    return max(1, records_with_name - 1)


def decide(score: MatchScore) -> str:
    """match, review or new; homophone and one-character pairs never merge on their own."""
    if score.kind in NEVER_AUTOMATIC:
        return "review" if score.score >= REVIEW_THRESHOLD else "new"
    if score.kind == "different_name":
        return "new"
    if score.score >= MERGE_THRESHOLD:
        if score.conflicts and score.strong < 2:
            # namesakes at other units (or of another gender, another age) are common among
            # Chinese names: a conflict is outweighed by two strong agreeing facts, or by staff
            return "review"
        # a name several people carry needs two agreeing facts, a rarer one needs one
        needed = 2.0 if score.carriers > 1 else 1.0
        return "match" if score.support >= needed else "review"
    if score.score >= REVIEW_THRESHOLD:
        return "review"
    return "new"


# ---------------------------------------------------------------- units


_NUMBER = re.compile(r"[0-9零〇一二三四五六七八九十百两]+")


@dataclass
class UnitPair:
    a: UnitRecord
    b: UnitRecord
    ka: str
    kb: str
    parent_child: bool
    linked: bool
    """A fact links the two (PART_OF either way)."""

    @classmethod
    def of(cls, a: UnitRecord, b: UnitRecord) -> "UnitPair":
        ka, kb = names.unit_key(a.name), names.unit_key(b.name)
        parents_a = {names.unit_key(p) for p in names.unit_parent_candidates(a.name)}
        parents_b = {names.unit_key(p) for p in names.unit_parent_candidates(b.name)}
        linked = b.id in a.related or a.id in b.related
        return cls(a, b, ka, kb, kb in parents_a or ka in parents_b, linked)

    @property
    def numbered(self) -> bool:
        """第一医院 / 第二医院, 一分厂 / 二分厂: the same name but for a number."""
        return (self.ka != self.kb and _NUMBER.sub("#", self.ka) == _NUMBER.sub("#", self.kb)
                and _NUMBER.findall(self.ka) != _NUMBER.findall(self.kb))

    @property
    def places(self) -> tuple[str | None, str | None]:
        return places.leading(self.ka), places.leading(self.kb)

    @property
    def kind(self) -> str:
        if self.parent_child:
            return "parent_child"
        if self.numbered:
            return "numbered"
        return "unit_key" if self.ka == self.kb else "different_name"


def _unit_key(p: UnitPair) -> Strength:
    return (1.0, f"same unit key {p.ka}") if p.kind == "unit_key" else None


def _key_similarity(p: UnitPair) -> Strength:
    if p.ka == p.kb:
        return None
    similarity = 1.0 - Levenshtein.normalized_distance(p.ka, p.kb)
    return round(similarity, 3), f"unit keys {' / '.join(sorted((p.ka, p.kb)))} are {similarity:.0%} alike"


def _parent_child(p: UnitPair) -> Strength:
    return (1.0, "one unit is part of the other (PART_OF)") if p.parent_child else None


def _numbered(p: UnitPair) -> Strength:
    return (1.0, f"{' / '.join(sorted((p.ka, p.kb)))} differ by their number: numbered units are different "
                 "units") if p.numbered else None


def _other_place(p: UnitPair) -> Strength:
    here, there = p.places
    if here and there and here != there and not p.linked and p.ka != p.kb:
        return 1.0, f"{' / '.join(sorted((here, there)))}: units of different places, and no fact links them"
    return None


def _region_conflict(p: UnitPair) -> Strength:
    ra, rb = p.a.region, p.b.region
    if p.ka != p.kb and ra and rb and names.normalize_text(ra) != names.normalize_text(rb):
        return 1.0, "different regions"
    return None


UNIT_FEATURES: tuple[Feature, ...] = (
    Feature("unit_key", _unit_key, 0.95),
    Feature("key_similarity", _key_similarity, 1.0),
    Feature("parent_child", _parent_child, -1.0),
    Feature("numbered", _numbered, -1.0),
    Feature("other_place", _other_place, -1.0),
    Feature("region", _region_conflict, -0.3),
)
"""Unit keys (graph/names.py: unit_key) equal or alike, and what keeps two units apart."""


def score_unit(a: UnitRecord, b: UnitRecord) -> MatchScore:
    pair = UnitPair.of(a, b)
    tally = contributions(UNIT_FEATURES, pair)
    reasons, total = tally.reasons, tally.total
    kind = pair.kind
    if kind != "unit_key":
        total = min(total, UNIT_CAP)
    support = 2.0 if kind == "unit_key" else 0.0
    return MatchScore(round(max(0.0, total), 4), reasons, kind, support=support)


def score(label: str, a: Any, b: Any, name_frequency: Callable[[str], int] | None = None) -> MatchScore:
    """A person pair or a unit pair, by label."""
    if label == "Person":
        return score_person(a, b, name_frequency)
    return score_unit(a, b)
