"""Scoring two records as the same person or unit, with reasons a person can read.

Plain edit distance is wrong for two- and three-character names (王金良 / 王金亮 are one
edit apart and usually different people), so the name only says how the names relate
(exact, homophone, one character apart) and context decides: the same unit, honor and
year, region, studio, mentor raise the score; a gender or birth-year conflict sinks it;
a common name is weak evidence on its own. Homophone-only and one-character-apart pairs
are never merged automatically, whatever the score.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from graph import names

MERGE_THRESHOLD = 0.85
REVIEW_THRESHOLD = 0.5


@dataclass
class PersonRecord:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    honors: list[tuple[str, int | None]] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    gender: str | None = None
    birth_year: int | None = None
    studios: list[str] = field(default_factory=list)
    mentors: list[str] = field(default_factory=list)


@dataclass
class UnitRecord:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    region: str | None = None


@dataclass
class Reason:
    feature: str
    contribution: float
    detail: str


@dataclass
class MatchScore:
    score: float
    reasons: list[Reason]
    kind: str
    support: float = 0.0
    """How much context agrees: 1 per strong feature (unit, honor and year, birth year,
    studio, mentor), 0.5 per weak one (honor without year, region, gender)."""
    carriers: int = 1
    """How many distinct people carry this name, as far as the caller knows."""


# ---------------------------------------------------------------- persons


def _name_relation(a: str, b: str) -> tuple[str, float, str]:
    """How two normalised names relate: (kind, name evidence in logits, detail)."""
    if a == b:
        return "exact", 2.0, f"same name {a}"
    sa, ga = names.split_name(a)
    sb, gb = names.split_name(b)
    if sa != sb:
        return "different_name", -6.0, f"different surnames {sa} / {sb}"
    if names.pinyin_full(a) == names.pinyin_full(b):
        return "homophone", -0.5, f"{a} / {b} sound the same ({names.pinyin_full(a)})"
    if len(a) == len(b) and Levenshtein.distance(a, b) == 1:
        return "one_char", -1.5, f"{a} / {b} differ by one character"
    return "different_name", -6.0, f"different given names {ga} / {gb}"


def _best_names(a: PersonRecord, b: PersonRecord) -> tuple[str, float, str]:
    best: tuple[str, float, str] | None = None
    for x in {names.normalize_person_name(n) for n in [a.name, *a.aliases] if n}:
        for y in {names.normalize_person_name(n) for n in [b.name, *b.aliases] if n}:
            rel = _name_relation(x, y)
            if best is None or rel[1] > best[1]:
                best = rel
    return best or ("different_name", -6.0, "no names")


def _keys(values: Iterable[str], key: Callable[[str], str]) -> set[str]:
    return {key(v) for v in values if v}


def score_person(a: PersonRecord, b: PersonRecord,
                 name_frequency: Callable[[str], int] | None = None) -> MatchScore:
    kind, logit, detail = _best_names(a, b)
    reasons = [Reason("name", logit, detail)]
    carriers = 1
    if kind == "exact" and name_frequency is not None:
        carriers = name_frequency(names.normalize_person_name(a.name))
        if carriers > 1:
            penalty = -min(2.0, 0.5 * math.log2(carriers))
            logit += penalty
            reasons.append(Reason("common_name", penalty, f"{carriers} people carry this name"))

    support = 0.0
    weight = {"unit": 1.0, "honor_year": 1.0, "birth_year": 1.0, "studio": 1.0, "mentor": 1.0,
              "honor": 0.5, "region": 0.5, "gender": 0.5}

    def add(feature: str, value: float, text: str) -> None:
        nonlocal logit, support
        logit += value
        if value > 0:
            support += weight.get(feature, 0.0)
        reasons.append(Reason(feature, value, text))

    units_a, units_b = _keys(a.units, names.unit_key), _keys(b.units, names.unit_key)
    if units_a and units_b:
        shared = units_a & units_b
        if shared:
            add("unit", 2.5, f"same unit {sorted(shared)[0]}")
        else:
            add("unit", -1.0, "different units")
    honors_a = {(names.normalize_text(h), y) for h, y in a.honors}
    honors_b = {(names.normalize_text(h), y) for h, y in b.honors}
    same_honor_year = {h for h, y in honors_a if y is not None and (h, y) in honors_b}
    if same_honor_year:
        add("honor_year", 2.0, f"same honor in the same year ({sorted(same_honor_year)[0]})")
    elif {h for h, _ in honors_a} & {h for h, _ in honors_b}:
        add("honor", 1.0, "same honor")
    regions_a, regions_b = _keys(a.regions, names.normalize_text), _keys(b.regions, names.normalize_text)
    if regions_a & regions_b:
        add("region", 0.5, "same region")
    if a.gender and b.gender:
        if a.gender != b.gender:
            add("gender", -5.0, f"gender differs ({a.gender} / {b.gender})")
        else:
            add("gender", 0.3, "same gender")
    if a.birth_year and b.birth_year:
        gap = abs(int(a.birth_year) - int(b.birth_year))
        if gap > 1:
            add("birth_year", -5.0, "birth years differ")  # values are personal data: never in reasons
        else:
            add("birth_year", 1.5, "same birth year")
    if _keys(a.studios, names.normalize_text) & _keys(b.studios, names.normalize_text):
        add("studio", 1.5, "same studio")
    if _keys(a.mentors, names.normalize_person_name) & _keys(b.mentors, names.normalize_person_name):
        add("mentor", 1.5, "same mentor")
    score = 1.0 / (1.0 + math.exp(-logit))
    return MatchScore(round(score, 4), reasons, kind, support, carriers)


def decide(score: MatchScore) -> str:
    """match, review or new; homophone and one-character pairs never merge on their own."""
    if score.kind in ("homophone", "one_char", "parent_child"):
        return "review" if score.score >= REVIEW_THRESHOLD else "new"
    if score.kind == "different_name":
        return "new"
    if score.score >= MERGE_THRESHOLD:
        # a name several people carry needs two agreeing facts, a rarer one needs one
        needed = 2.0 if score.carriers > 1 else 1.0
        return "match" if score.support >= needed else "review"
    if score.score >= REVIEW_THRESHOLD:
        return "review"
    return "new"


# ---------------------------------------------------------------- units


def score_unit(a: UnitRecord, b: UnitRecord) -> MatchScore:
    ka, kb = names.unit_key(a.name), names.unit_key(b.name)
    parents_a = {names.unit_key(p) for p in names.unit_parent_candidates(a.name)}
    parents_b = {names.unit_key(p) for p in names.unit_parent_candidates(b.name)}
    if kb in parents_a or ka in parents_b:
        return MatchScore(0.3, [Reason("parent_child", -3.0, "one unit is part of the other (PART_OF)")],
                          "parent_child")
    if ka == kb:
        return MatchScore(0.95, [Reason("unit_key", 3.0, f"same unit key {ka}")], "unit_key", support=2.0)
    similarity = 1.0 - Levenshtein.normalized_distance(ka, kb)
    reasons = [Reason("unit_key", round(similarity, 3), f"unit keys {ka} / {kb} are {similarity:.0%} alike")]
    if a.region and b.region and names.normalize_text(a.region) != names.normalize_text(b.region):
        similarity -= 0.3
        reasons.append(Reason("region", -0.3, "different regions"))
    return MatchScore(round(max(0.0, min(similarity, 0.84)), 4), reasons, "different_name")


# ---------------------------------------------------------------- scanning


def distinct_carriers(records: Iterable[PersonRecord]) -> Callable[[str], int]:
    """How many distinct people carry each name, estimated as the distinct (gender,
    birth year) profiles among records that state both: duplicates of one person spelled
    alike must not make a name look common."""
    profiles: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for r in records:
        if r.gender and r.birth_year:
            profiles[names.normalize_person_name(r.name)].add((r.gender, int(r.birth_year)))
    return lambda name: max(1, len(profiles.get(name, ())))


def _blocks(records: list[PersonRecord]) -> dict[str, list[int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        keys: set[str] = set()
        for n in {r.name, *r.aliases}:
            keys |= names.person_block_keys(n)
            for unit in r.units:
                keys |= names.person_block_keys(n, unit=unit)
            for region in r.regions:
                keys |= names.person_block_keys(n, region=region)
        for key in keys:
            blocks[key].append(i)
    return blocks


def candidate_pairs(records: list[PersonRecord], cap_per_record: int = 20) -> dict[int, list[int]]:
    """Blocking: for each record, up to `cap_per_record` later records sharing a block key
    (smallest blocks first, so the most specific keys fill the cap). Deterministic."""
    blocks = _blocks(records)
    keys_of: dict[int, list[str]] = defaultdict(list)
    for key, members in blocks.items():
        if 2 <= len(members) <= 500:
            for i in members:
                keys_of[i].append(key)
    candidates: dict[int, list[int]] = {}
    for i, keys in keys_of.items():
        chosen: list[int] = []
        seen: set[int] = set()
        for key in sorted(keys, key=lambda k: (len(blocks[k]), k)):
            for j in blocks[key]:
                if j > i and j not in seen:
                    seen.add(j)
                    chosen.append(j)
                    if len(chosen) >= cap_per_record:
                        break
            if len(chosen) >= cap_per_record:
                break
        if chosen:
            candidates[i] = chosen
    return candidates


def scan(records: list[PersonRecord], cap_per_record: int = 20,
         progress: Callable[[int, int], None] | None = None,
         name_frequency: Callable[[str], int] | None = None) -> list[tuple[str, str, MatchScore]]:
    """Blocking, then scoring of each candidate pair once; pairs at or above review."""
    candidates = candidate_pairs(records, cap_per_record)
    out = []
    total = len(records)
    for n, (i, js) in enumerate(sorted(candidates.items())):
        for j in js:
            s = score_person(records[i], records[j], name_frequency)
            if s.score >= REVIEW_THRESHOLD:
                a, b = sorted((records[i].id, records[j].id))
                out.append((a, b, s))
        if progress and n % 1000 == 0:
            progress(n, total)
    if progress:
        progress(total, total)
    return out


def scan_units(records: list[UnitRecord], cap_per_record: int = 20) -> list[tuple[str, str, MatchScore]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        for key in names.unit_block_keys(r.name):
            blocks[key].append(i)
    seen: set[tuple[int, int]] = set()
    out = []
    for members in blocks.values():
        if len(members) < 2 or len(members) > 200:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1: x + 1 + cap_per_record]:
                if (i, j) in seen:
                    continue
                seen.add((i, j))
                s = score_unit(records[i], records[j])
                if s.score >= REVIEW_THRESHOLD:
                    a, b = sorted((records[i].id, records[j].id))
                    out.append((a, b, s))
    return out
