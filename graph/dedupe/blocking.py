"""Blocking: which pairs are worth scoring at all, so matching stays near-linear.

Records that share a block key are candidates: for a person the exact name, its toneless
pinyin, the name with one character left out (a typo), surname or initials with the unit,
pinyin with the region (graph/names.py: person_block_keys); for a unit its key and its
character bigrams. Each record is paired with at most `cap_per_record` others, the most
specific keys (smallest blocks) first, so the work grows with the records, not their square.
"""
from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Iterable

from graph import names
from graph.dedupe.features import REVIEW_THRESHOLD, MatchScore, score_person, score_unit
from graph.dedupe.records import PersonRecord, UnitRecord

MAX_BLOCK = 500
"""A block larger than this (a very common name) pairs nobody: its other keys do."""


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
    """For each record, up to `cap_per_record` later records sharing a block key (smallest
    blocks first, so the most specific keys fill the cap). Deterministic."""
    blocks = _blocks(records)
    keys_of: dict[int, list[str]] = defaultdict(list)
    for key, members in blocks.items():
        if 2 <= len(members) <= MAX_BLOCK:
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
    enabled = gc.isenabled()
    gc.disable()  # millions of small objects and nothing cyclic: collect once, after
    try:
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
    finally:
        if enabled:
            gc.enable()
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
