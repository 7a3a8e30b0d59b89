"""Story leads for the publicity team: ranked, explained and sourced.

Each kind of lead is one or two Cypher statements that gather candidates with the facts
behind them (and each fact's evidence: the article sentence or roster row, with its
source), then plain Python scores them in parts, writes a one-line Chinese headline, a
"why now" where there is one, and picks the evidence a person can check.

- UNSUNG: a national or provincial honoree no article mentions (or none since a year);
- LINEAGE: a mentor whose mentees (and their mentees) became honorees;
- IMPACT: a person, studio or project whose articles carry numbers (patents, trainees,
  households, yuan, problems solved);
- ANNIVERSARY: the 5th, 10th, 20th, 30th … anniversary of an honor in the chosen year;
- NEW_HONOR: honors of the latest year in the graph;
- FAR_FROM_HOME: an assignment (挂职, 援建, 驻村) far from home, and what came of it;
- BRIDGE: a person linking communities that are otherwise apart (needs `kg analyze`).

Ranking is deterministic: score (rounded) descending, then kind, the subject's name and
the lead id. A lead's id is stable (kind, year where it matters, subject id), so staff
can mark it USED or NOT_INTERESTING; a marked lead stays out of the list until a new fact
about its subject or people arrives (a source loaded later, a manual edit, a merge).

Personal data (graph.vocabulary.PERSONAL_PROPERTIES) is never read here: people are
read as id, name and region only, and roster evidence quotes public columns only.
"""
from __future__ import annotations

import base64
import bisect
import datetime
import fcntl
import hashlib
import heapq
import json
import math
import os
import re
import threading
import time
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, astuple, dataclass, field, replace
from functools import lru_cache
from itertools import groupby, islice
from pathlib import Path
from typing import Any

from graph.db import Database
from graph.places import ancestors, place
from graph.read import EntityFilter, label_of
from graph.vocabulary import READING

KINDS: tuple[str, ...] = ("UNSUNG", "LINEAGE", "IMPACT", "ANNIVERSARY", "NEW_HONOR", "FAR_FROM_HOME", "BRIDGE")
STATUSES: tuple[str, ...] = ("USED", "NOT_INTERESTING")
LEVEL_WEIGHT = {"national": 8, "provincial": 4, "city": 2, "county": 1}
LEVEL_NAME = {"national": "国家级", "provincial": "省级", "city": "市级", "county": "县级"}
KIND_NAME = {"UNSUNG": "未被报道的荣誉获得者", "LINEAGE": "师徒传承", "IMPACT": "可量化的成效",
             "ANNIVERSARY": "获评周年", "NEW_HONOR": "新获荣誉", "FAR_FROM_HOME": "异地挂职与帮扶",
             "BRIDGE": "连接不同圈子的人"}
EVIDENCE_PER_LEAD = 8
MENTOR_DEPTH = 3


# ---------------------------------------------------------------- what a lead is


@dataclass(frozen=True)
class Part:
    """One part of a score: its name, its points and what they are for, in words."""

    name: str
    value: float
    detail: str


@dataclass
class Evidence:
    """A sentence or roster row, with where it comes from (filled in by `with_sources`)."""

    text: str
    source_id: str
    locator: str | None = None
    source: dict[str, Any] = field(default_factory=dict)


@dataclass
class Lead:
    id: str
    kind: str
    subject: dict[str, Any]  # {id, name, label}
    parts: list[Part]
    headline: str
    summary: str
    why_now: str | None
    people: list[dict[str, Any]]  # [{id, name}] the subject first when a person
    units: list[dict[str, Any]]
    evidence: list[Evidence]
    mark: dict[str, Any] | None = None  # the last mark, when the lead came back after one

    @property
    def score(self) -> float:
        return round(sum(p.value for p in self.parts), 2)

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(e.source_id for e in self.evidence))

    def sort_key(self) -> tuple[Any, ...]:
        return (-self.score, KINDS.index(self.kind), self.subject.get("name") or "", self.id)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "score": self.score,
            "parts": [{"name": p.name, "value": p.value, "detail": p.detail} for p in self.parts],
            "headline": self.headline, "summary": self.summary, "whyNow": self.why_now,
            "subject": self.subject, "people": self.people, "units": self.units,
            "evidence": [{"text": e.text, "sourceId": e.source_id, "locator": e.locator, **e.source}
                         for e in self.evidence],
            "mark": self.mark,
        }


@dataclass
class LeadQuery:
    kinds: tuple[str, ...] = KINDS
    year: int | None = None  # the year anniversaries and "why now" are about (default: this year)
    since: int | None = None  # UNSUNG: not featured by an article dated this year or later
    region: str | None = None
    unit: str | None = None
    include_marked: bool = False
    timeout: float | None = None  # seconds per statement; None: the settings' (KG_TX_TIMEOUT)


@dataclass
class LeadPage:
    leads: list[Lead]
    total: int
    has_next: bool
    cursors: list[str]
    hidden: int  # marked leads left out
    has_previous: bool = False


# ---------------------------------------------------------------- Cypher fragments

PERSON = "p {.id, .name, .region} AS person"  # never p{.*}: personal properties stay in the graph
UNITS = "[(p)-[:WORKS_AT]->(u:Unit) | u {.id, .name}] AS units"


def _fact(r: str) -> str:
    return f"{{sourceIds: {r}.sourceIds, evidence: {r}.evidence, locators: {r}.locators}}"


def _honors(p: str = "p", alias: str = "honors") -> str:
    return (f"[({p})-[r:RECEIVED]->(h:Honor) | {{id: h.id, name: h.name, level: h.level, year: r.year, "
            f"facts: {_fact('r')}}}] AS {alias}")


# ---------------------------------------------------------------- shared pieces


@dataclass
class Award:
    honor_id: str
    name: str
    level: str | None
    year: int | None
    facts: dict[str, Any]

    @property
    def weight(self) -> int:
        return LEVEL_WEIGHT.get(self.level or "", 0)

    def label(self) -> str:
        return f"{self.name}（{self.year}年）" if self.year else self.name


def _awards(rows: list[dict[str, Any]]) -> list[Award]:
    awards = [Award(r["id"], r["name"] or "", r.get("level"), r.get("year"), r.get("facts") or {}) for r in rows]
    return sorted(awards, key=lambda a: (-a.weight, -(a.year or 0), a.name))


def _best(awards: list[Award]) -> Award | None:
    return awards[0] if awards else None


def _who(person: dict[str, Any], units: list[dict[str, Any]]) -> str:
    """某某公司的某某 (the first unit by name), or the name alone."""
    named = sorted(u["name"] for u in units if u.get("name"))
    return f"{named[0]}的{person['name']}" if named else person["name"]


def _evidence(facts: dict[str, Any] | None, limit: int = 2) -> list[Evidence]:
    """The parallel lists of a fact (one entry per source) as evidence items."""
    if not facts:
        return []
    ids = list(facts.get("sourceIds") or [])
    texts = list(facts.get("evidence") or [])
    locators = list(facts.get("locators") or [])
    out = []
    for n, sid in enumerate(ids[:limit]):
        text = texts[n] if n < len(texts) else ""
        if text:
            out.append(Evidence(text=text, source_id=sid, locator=locators[n] if n < len(locators) else None))
    return out


def _dedupe(items: Iterable[Evidence], limit: int = EVIDENCE_PER_LEAD) -> list[Evidence]:
    seen: set[tuple[str, str]] = set()
    out = []
    for e in items:
        key = (e.source_id, e.text)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out[:limit]


def _anniversary(years: int) -> bool:
    return years == 5 or (years > 0 and years % 10 == 0)


def _why_now(awards: list[Award], year: int, latest: int | None) -> str | None:
    """A new honor of the latest year, else a round anniversary in `year`."""
    fresh = [a for a in awards if latest is not None and a.year == latest]
    if fresh:
        return f"{latest}年新获{fresh[0].name}"
    round_ = [a for a in awards if a.year and _anniversary(year - a.year)]
    if round_:
        a = round_[0]
        return f"{year}年是其获评{a.name}{year - a.year}周年"
    return None


def _people_of(awards_people: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for p in awards_people:
        if p and p.get("id") and p["id"] not in seen:
            seen[p["id"]] = {"id": p["id"], "name": p.get("name") or ""}
    return list(seen.values())


@dataclass
class _Context:
    db: Database
    year: int
    since: int | None
    latest: int | None  # the latest honor year in the graph, not after `year`
    articles: int
    timeout: float | None


CHUNK = 2000
"""People whose leads of one kind are read in one statement."""


def _in_chunks(ctx: _Context, people: str, body: str, **params: Any) -> Iterator[dict[str, Any]]:
    """The rows of `body` (a statement continuing from `p`) for the people `people` matches
    (clauses binding `p`), CHUNK people a statement, in id order: first their ids, then short
    reads, so that a million people's rows are never held at once and no transaction stays
    open while Python builds the leads. The next chunk is read while this one's leads are
    built, so the database and Python work side by side (157 s → 129 s at a million people)."""
    ids = [r["id"] for r in ctx.db.read_values(f"{people}RETURN DISTINCT p.id AS id ORDER BY id",
                                               timeout=ctx.timeout, **params)]
    chunks = [ids[start:start + CHUNK] for start in range(0, len(ids), CHUNK)]
    if not chunks:
        return

    def read(chunk: list[str]) -> list[dict[str, Any]]:
        return ctx.db.read(f"UNWIND $ids AS id MATCH (p:Person {{id: id}}) {body}",
                           ids=chunk, timeout=ctx.timeout, **params)

    with ThreadPoolExecutor(max_workers=1) as reader:
        ahead = reader.submit(read, chunks[0])
        for following in [*chunks[1:], None]:
            rows = ahead.result()
            if following is not None:
                ahead = reader.submit(read, following)
            yield from rows


# ---------------------------------------------------------------- UNSUNG


def _unsung(ctx: _Context) -> Iterator[Lead]:
    rows = _in_chunks(
        ctx, "MATCH (p:Person) WHERE EXISTS { (p)-[:RECEIVED]->(h:Honor) WHERE h.level IN ['national', 'provincial'] } ",
        "CALL (p) { OPTIONAL MATCH (a:Article)-[:MENTIONS]->(p) RETURN count(a) AS articles, max(a.date) AS last } "
        "WITH p, articles, last WHERE articles = 0 "
        "  OR ($since IS NOT NULL AND last IS NOT NULL AND last < toString($since)) "
        f"RETURN {PERSON}, {UNITS}, {_honors()}, articles, last, "
        "COUNT { (p)-[:MENTORS]->(m:Person) WHERE EXISTS { (m)-[:RECEIVED]->(h:Honor) "
        "  WHERE h.level IN ['national', 'provincial', 'city'] } } AS honoredMentees",
        since=ctx.since,
    )
    for r in rows:
        person, units, awards = r["person"], r["units"], _awards(r["honors"])
        best = _best(awards)
        if best is None or best.level not in ("national", "provincial"):
            continue
        parts = [Part("honorLevel", 40.0 if best.level == "national" else 20.0,
                      f"最高荣誉{best.name}（{LEVEL_NAME[best.level]}）"),
                 Part("honors", 3.0 * len(awards), f"共{len(awards)}项荣誉")]
        mentees = r["honoredMentees"]
        if mentees:
            parts.append(Part("honoredMentees", 2.0 * mentees, f"{mentees}名徒弟获市级以上荣誉"))
        if r["articles"] == 0:
            parts.append(Part("neverFeatured", 10.0, "图谱中没有任何文章提及此人"))
            unseen = "从未见报道"
            summary = (f"图谱收录的{ctx.articles}篇文章均未提及{person['name']}；"
                       f"只有名单记载其荣誉：{'、'.join(a.label() for a in awards)}。")
        else:
            unseen = f"{ctx.since}年以来未见报道"
            summary = (f"最近一篇提及{person['name']}的文章是{r['last']}年的，{ctx.since}年以来没有；"
                       f"荣誉：{'、'.join(a.label() for a in awards)}。")
        bits = [best.label()]
        if len(awards) > 1:
            bits.append(f"另获{len(awards) - 1}项荣誉")
        if mentees:
            bits.append(f"带出{mentees}名市级以上荣誉徒弟")
        headline = f"{_who(person, units)}：{'，'.join(bits)}，{unseen}"
        evidence = _dedupe(e for a in awards for e in _evidence(a.facts, 1))
        yield Lead(
            id=f"UNSUNG:{person['id']}", kind="UNSUNG", subject={**person, "label": "Person"}, parts=parts,
            headline=headline, summary=summary, why_now=_why_now(awards, ctx.year, ctx.latest),
            people=[{"id": person["id"], "name": person["name"]}], units=units, evidence=evidence,
        )


# ---------------------------------------------------------------- LINEAGE


def _lineage(ctx: _Context) -> Iterator[Lead]:
    rows = _in_chunks(
        ctx, "MATCH (p:Person) WHERE EXISTS { (p)-[:MENTORS]->(:Person) } ",
        "CALL (p) { "
        f"  MATCH path = (p)-[:MENTORS*1..{MENTOR_DEPTH}]->(d:Person) WHERE d <> p "
        "  WITH d, path ORDER BY length(path), [n IN nodes(path) | n.name] "
        "  WITH d, head(collect(path)) AS path "
        "  RETURN count(d) AS descendants, "
        "    collect(CASE WHEN EXISTS { (d)-[:RECEIVED]->(:Honor) } THEN {id: d.id, name: d.name, "
        "      generation: length(path), via: nodes(path)[-2].name, "
        f"      link: {_fact('last(relationships(path))')}, "
        "      honors: [(d)-[r:RECEIVED]->(h:Honor) | {id: h.id, name: h.name, level: h.level, year: r.year, "
        f"               facts: {_fact('r')}}}] }} END) AS honored "
        "} "
        "WITH p, descendants, honored WHERE size(honored) > 0 "
        f"RETURN {PERSON}, {UNITS}, {_honors()}, descendants, honored",
    )
    for r in rows:
        person, units, own = r["person"], r["units"], _awards(r["honors"])
        honored = sorted(r["honored"], key=lambda d: (d["generation"], d["name"] or "", d["id"]))
        per_descendant = [(d, _awards(d["honors"])) for d in honored]
        mentees = [d for d, _ in per_descendant if d["generation"] == 1]
        later = [d for d, _ in per_descendant if d["generation"] > 1]
        weight = sum(a[0].weight for _, a in per_descendant if a)
        high = sum(1 for _, a in per_descendant if a and a[0].weight >= LEVEL_WEIGHT["city"])
        parts = [Part("honoredMentees", 10.0 * len(mentees), f"{len(mentees)}名徒弟获得荣誉")]
        if later:
            parts.append(Part("honoredLaterGenerations", 8.0 * len(later), f"{len(later)}名徒孙辈获得荣誉"))
        parts.append(Part("descendantHonorLevels", 2.0 * weight, "徒弟辈最高荣誉的级别之和"))
        best = _best(own)
        if best:
            parts.append(Part("mentorHonor", float(best.weight), f"师傅本人获{best.name}"))
        listing = "；".join(
            f"{'徒弟' if d['generation'] == 1 else '第' + str(d['generation']) + '代'}{d['name']}"
            f"（{'、'.join(a.label() for a in awards)}）" for d, awards in per_descendant)
        count = f"带出{len(honored)}名获得荣誉的徒弟" + (f"（含徒孙辈{len(later)}名）" if later else "")
        bits = ([best.name] if best else []) + [count] + ([f"其中市级以上{high}名"] if high else [])
        headline = f"{_who(person, units)}：{'，'.join(bits)}"
        summary = f"{person['name']}门下共{r['descendants']}人（三代以内），获得荣誉的：{listing}。"
        fresh = [(d, a) for d, awards in per_descendant for a in awards if ctx.latest is not None and a.year == ctx.latest]
        why = f"徒弟{fresh[0][0]['name']}{ctx.latest}年新获{fresh[0][1].name}" if fresh else None
        evidence = []
        for d, awards in per_descendant:
            evidence += _evidence(d["link"], 1)
            if awards:
                evidence += _evidence(awards[0].facts, 1)
        yield Lead(
            id=f"LINEAGE:{person['id']}", kind="LINEAGE", subject={**person, "label": "Person"}, parts=parts,
            headline=headline, summary=summary, why_now=why,
            people=_people_of([person, *honored]), units=units, evidence=_dedupe(evidence),
        )


# ---------------------------------------------------------------- IMPACT

MEASURE = re.compile(r"(\d+(?:\.\d+)?)(多|余)?(亿元|万元|元|万户|户|人次|名|人|万亩|亩|项|个|件|场|公里)")
CJK = re.compile(r"[\u4e00-\u9fff]")
PHRASE_CHARS = 8
LEAD_VERBS = ("完成", "获得", "取得", "带动", "帮助", "培训", "培养", "带出", "惠及", "创造", "解决", "攻克", "累计",
              "发动", "动员", "吸纳", "覆盖", "增加", "增收", "节约", "节省", "服务", "申请", "授权", "开展", "实现",
              "辐射", "推广", "种植", "建成", "修建", "新增", "挽回", "减少")
AWARDED = ("获评", "获得", "荣获", "被评", "被授予", "入选", "当选")
"""A count followed by these (before the next comma) is a number of people or teams awarded
or selected (graph AwardCount), not an effect."""
COUNTABLE = ("户", "人", "名", "个", "项", "件")
TAIL_STOPS = set("成为是的在全共均已被将和与获入")


@dataclass(frozen=True)
class Measure:
    phrase: str  # 果农增收9.3亿元, 4000多户贫困户
    category: str  # patents, problems, yuan, households, people, area, other
    key: str  # the number and unit alone (9.3亿元), to tell repeats apart


def _lead_in(sentence: str, start: int) -> str:
    """The words before a number that say what it counts: from the last verb of the window
    (获得专利, 带动农户) or, without one, the whole clause when it is short; otherwise nothing,
    rather than half a word (员农户数)."""
    begin = start
    while begin > 0 and start - begin < PHRASE_CHARS and CJK.match(sentence[begin - 1]):
        begin -= 1
    window = sentence[begin:start]
    whole = begin == 0 or not (CJK.match(sentence[begin - 1]) or sentence[begin - 1].isdigit())
    if "的" in window:
        window, whole = window[window.rindex("的") + 1:], True
    at = max((window.rfind(v) for v in LEAD_VERBS), default=-1)
    if at >= 0:
        return window[at:]
    return window if whole else ""


def measures(sentence: str) -> list[Measure]:
    """Every number with a unit in a sentence, with the words before it from the verb that
    leads to it (完成创新项目225项) or from the start of its clause, never a cut word, and a
    short noun after a count: 获得专利239个 is patents, 惠及全市2164户企业 households.
    Ordinals (第3) and counts of award winners (7人获评…) are not effects."""
    out = []
    for m in MEASURE.finditer(sentence):
        start, end = m.start(), m.end()
        if start > 0 and (sentence[start - 1] == "第" or sentence[start - 1].isdigit()):
            continue
        after = re.split(r"[、，,。；;：:！!？?]", sentence[end:end + 16], maxsplit=1)[0]
        if any(w in after for w in AWARDED) or after.startswith("选"):  # 5个班组获评…, 40人入选…
            continue
        lead_in = _lead_in(sentence, start)
        unit = m.group(3)
        tail = ""
        if unit.endswith(COUNTABLE):
            while (end + len(tail) < len(sentence) and len(tail) < 4 and CJK.match(sentence[end + len(tail)])
                   and sentence[end + len(tail)] not in TAIL_STOPS):
                tail += sentence[end + len(tail)]
            if tail.startswith(("左右", "以上", "全部", "主动", "共")) or not 2 <= len(tail) <= 3:
                tail = ""  # a short noun whole (贫困户, 子项目), or none rather than half of a longer one
        before = sentence[max(0, start - 8):start]
        if "专利" in before:
            category = "patents"
        elif any(w in before for w in ("难题", "问题", "攻关", "课题")):
            category = "problems"
        elif unit.endswith("元"):
            category = "yuan"
        elif unit.endswith("户"):
            category = "households"
        elif unit in ("人次", "名", "人"):
            category = "people"
        elif unit.endswith("亩"):
            category = "area"
        else:
            category = "other"
        out.append(Measure(lead_in + m.group(0) + tail, category, m.group(1) + unit))
    return out


CATEGORY_NAME = {"patents": "专利", "problems": "解决难题", "yuan": "金额", "households": "户数", "people": "人数",
                 "area": "面积"}


MENTIONED_SUBJECTS = (  # people, studios and projects articles mention: their people, units, honor levels
    "MATCH (a:Article)-[:MENTIONS]->(n) WHERE n:Person OR n:Studio OR n:Project "
    "WITH DISTINCT n "
    "WITH n, CASE WHEN n:Person THEN [n] WHEN n:Studio THEN [(x:Person)-[:LEADS]->(n) | x] "
    "             ELSE [(x:Person)-[:PARTICIPATES_IN]->(n) | x] END AS people "
    "RETURN n {.id, .name, .outcomes, label: labels(n)[0]} AS node, [x IN people | x {.id, .name}] AS people, "
    "[x IN people | [(x)-[:RECEIVED]->(h:Honor) | h.level]] AS levels, "
    "CASE WHEN n:Person THEN [(n)-[:WORKS_AT]->(u:Unit) | u {.id, .name}] "
    "     WHEN n:Studio THEN [(n)-[:HOSTED_BY]->(u:Unit) | u {.id, .name}] "
    "     ELSE [(u:Unit)-[:PARTICIPATES_IN]->(n) | u {.id, .name}] END AS units"
)


def _impact(ctx: _Context) -> list[Lead]:
    from graph.read import mentions

    rows = ctx.db.read(MENTIONED_SUBJECTS, timeout=ctx.timeout)
    if not rows:
        return []
    said = mentions(ctx.db, [r["node"]["id"] for r in rows])
    stated = _outcome_sentences(ctx.db, ctx.timeout)
    leads: list[Lead] = []
    measured: dict[str, set[str]] = {}
    for r in rows:
        node = r["node"]
        found: dict[str, tuple[str, Evidence]] = {}  # phrase → (category, evidence)
        keys: set[str] = set()
        for m in said.get(node["id"], []):
            for sentence in m["sentences"]:
                for x in measures(sentence):
                    if x.key not in keys:
                        keys.add(x.key)
                        found[x.phrase] = (x.category, Evidence(text=sentence, source_id=m["source"]))
        for sentence, source in stated.get(node["id"], []):
            for x in measures(sentence):
                if x.key not in keys and x.key in {y.key for o in stated_outcomes(node) for y in measures(o)}:
                    keys.add(x.key)
                    found[x.phrase] = (x.category, Evidence(text=sentence, source_id=source))
        if not found:
            continue
        categories = sorted({c for c, _ in found.values() if c != "other"})
        levels = [lv for group in r["levels"] for lv in group]
        top = max((LEVEL_WEIGHT.get(lv or "", 0) for lv in levels), default=0)
        parts = [Part("measures", 5.0 * min(len(found), 6), f"{len(found)}个数字")]
        if categories:
            parts.append(Part("kinds", 3.0 * len(categories),
                              "涉及" + "、".join(CATEGORY_NAME[c] for c in categories)))
        if top:
            parts.append(Part("honoredPeople", 2.0 * top, "相关人员获得的最高荣誉级别"))
        ranked = sorted(found, key=lambda ph: (found[ph][0] == "other", list(found).index(ph)))
        headline = f"{node['name']}：{'，'.join(ranked[:3])}"
        kind = {"Person": "人物", "Studio": "工作室", "Project": "项目"}[node["label"]]
        summary = f"{kind}{node['name']}见于报道的成效：{'；'.join(ranked)}。"
        leads.append(Lead(
            id=f"IMPACT:{node['id']}", kind="IMPACT", subject=node, parts=parts, headline=headline,
            summary=summary, why_now=None, people=_people_of(r["people"]), units=r["units"],
            evidence=_dedupe(e for _, e in found.values()),
        ))
        measured[node["id"]] = keys
    # a person whose numbers are all those of a studio or project they belong to is told there
    covered = {p["id"] for lead in leads if lead.subject["label"] != "Person" for p in lead.people
               if p["id"] in measured and measured[p["id"]] <= measured[lead.subject["id"]]}
    return [lead for lead in leads if lead.subject["id"] not in covered]


def stated_outcomes(node: dict[str, Any]) -> list[str]:
    return _outcomes(node.get("outcomes"))


OUTCOME_REACH = 2000
"""How far after a project's mention its outcomes are looked for in the article's text."""


def _outcome_sentences(db: Database, timeout: float | None) -> dict[str, list[tuple[str, str]]]:
    """The sentences stating each project's outcomes (the loader kept the numbers; their
    sentence may run past a page break, so the text is searched after the mention)."""
    from graph.read import sentence_at

    rows = db.read(
        "MATCH (a:Article)-[m:MENTIONS]->(j:Project) WHERE j.outcomes IS NOT NULL AND a.text IS NOT NULL "
        "RETURN j.id AS id, j.outcomes AS outcomes, a.id AS source, m.spans AS spans, a.text AS text "
        "ORDER BY a.id", timeout=timeout)
    out: dict[str, list[tuple[str, str]]] = {}
    for r in rows:
        text, starts = r["text"], [int(s.split("-")[0]) for s in r["spans"] or [] if s.split("-")[0].isdigit()]
        for outcome in _outcomes(r["outcomes"]):
            for start in starts:
                at = text.find(outcome, start)
                if 0 <= at - start <= OUTCOME_REACH:
                    left = max(0, at - 300)
                    sentence = sentence_at(text[left:at + 300], at - left, at - left + len(outcome))
                    pair = (" ".join(sentence.split()), r["source"])
                    if pair not in out.setdefault(r["id"], []):
                        out[r["id"]].append(pair)
                    break
    return out


# ---------------------------------------------------------------- ANNIVERSARY


def _awarded(ctx: _Context, when: str,
             **params: Any) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]], list[Award]]]:
    """The people with an award of the years `when` picks (a condition on `r.year`), each with
    their units and all their awards: what ANNIVERSARY and NEW_HONOR start from."""
    rows = _in_chunks(ctx, f"MATCH (p:Person)-[r:RECEIVED]->(:Honor) WHERE {when} ",
                      f"RETURN {PERSON}, {UNITS}, {_honors()}", **params)
    return ((r["person"], r["units"], _awards(r["honors"])) for r in rows)


ROUND_YEAR = "r.year IS NOT NULL AND r.year < $year AND ($year - r.year = 5 OR ($year - r.year) % 10 = 0)"
"""An award whose anniversary in $year is round (5th, 10th, 20th …), in Cypher (_anniversary in Python)."""


def _anniversaries(ctx: _Context) -> Iterator[Lead]:
    for person, units, awards in _awarded(ctx, ROUND_YEAR, year=ctx.year):
        due = [a for a in awards if a.year and _anniversary(ctx.year - a.year)]
        if not due:
            continue
        a = due[0]  # highest level, then the most recent
        years = ctx.year - (a.year or 0)
        parts = [Part("honorLevel", 5.0 * a.weight, f"{a.name}（{LEVEL_NAME.get(a.level or '', '级别未知')}）"),
                 Part("roundness", 2.0 * years / 5, f"{years}周年"),
                 Part("honors", 1.0 * len(awards), f"共{len(awards)}项荣誉")]
        others = [f"{b.name}{ctx.year - (b.year or 0)}周年" for b in due[1:]]
        headline = f"{_who(person, units)}：{ctx.year}年是其获评{a.name}{years}周年（{a.year}年获评）"
        summary = (f"{person['name']}{a.year}年获评{a.name}" + (f"；同年还逢{'、'.join(others)}" if others else "")
                   + f"。全部荣誉：{'、'.join(b.label() for b in awards)}。")
        yield Lead(
            id=f"ANNIVERSARY:{ctx.year}:{person['id']}", kind="ANNIVERSARY", subject={**person, "label": "Person"},
            parts=parts, headline=headline, summary=summary,
            why_now=f"{ctx.year}年是其获评{a.name}{years}周年",
            people=[{"id": person["id"], "name": person["name"]}], units=units,
            evidence=_dedupe(e for b in due for e in _evidence(b.facts)),
        )


# ---------------------------------------------------------------- NEW_HONOR


def _new_honors(ctx: _Context) -> Iterator[Lead]:
    if ctx.latest is None:
        return
    for person, units, awards in _awarded(ctx, "r.year = $latest", latest=ctx.latest):
        new = [a for a in awards if a.year == ctx.latest]
        if not new:
            continue
        a = new[0]
        before = [b for b in awards if b.year is not None and b.year < ctx.latest]
        climbed = all(b.weight < a.weight for b in before)
        parts = [Part("honorLevel", 5.0 * a.weight, f"{a.name}（{LEVEL_NAME.get(a.level or '', '级别未知')}）")]
        if before:
            parts.append(Part("earlierHonors", 3.0 * len(before), f"此前已获{len(before)}项荣誉"))
        if before and climbed:
            parts.append(Part("levelClimb", 5.0, "荣誉级别比以往都高"))
        bits = [f"{ctx.latest}年新获{'、'.join(b.name for b in new)}"]
        if before:
            first = min(before, key=lambda b: (b.year or 0, b.name))
            bits.append(f"此前已获{len(before)}项荣誉（最早是{first.year}年的{first.name}）")
        headline = f"{_who(person, units)}：{'，'.join(bits)}"
        summary = f"{person['name']}的荣誉历程：{'、'.join(b.label() for b in sorted(awards, key=lambda b: (b.year or 0, b.name)))}。"
        yield Lead(
            id=f"NEW_HONOR:{ctx.latest}:{person['id']}", kind="NEW_HONOR", subject={**person, "label": "Person"},
            parts=parts, headline=headline, summary=summary, why_now=f"{ctx.latest}年新获{a.name}",
            people=[{"id": person["id"], "name": person["name"]}], units=units,
            evidence=_dedupe(e for b in new for e in _evidence(b.facts)),
        )


# ---------------------------------------------------------------- FAR_FROM_HOME


@dataclass(frozen=True)
class Where:
    province: str | None
    city: str | None
    county: str | None


@lru_cache(maxsize=1)
def _provinces() -> tuple[str, ...]:
    """Province names of the gazetteer, longest first (for 四川省宜宾市屏山县 → 四川省)."""
    from graph.places import _places

    return tuple(sorted((n for n, ps in _places().items() if any(p.kind == "province" for p in ps)),
                        key=len, reverse=True))


def locate(names: list[str], kinds: dict[str, str | None] | None = None) -> Where:
    """Province, city and county of a place given by its name and the names above it (the
    graph's PART_OF chain, else the gazetteer, else a province named at the start:
    四川省宜宾市屏山县)."""
    kinds = dict(kinds or {})
    for name in names:
        known = place(name)
        if known is not None:
            kinds.setdefault(name, known.kind)
            for above in ancestors(name):
                kinds.setdefault(above.name, above.kind)
    province = next((n for n, k in kinds.items() if k == "province"), None)
    city = next((n for n, k in kinds.items() if k == "city"), None)
    county = next((n for n, k in kinds.items() if k in ("county", "district")), None)
    if province is None:
        for name in names:
            prefix = next((p for p in _provinces() if name.startswith(p)), None)
            if prefix:
                province = prefix
                rest = name[len(prefix):]
                for cut in range(len(rest), 1, -1):
                    known = place(rest[:cut])
                    if known is not None and known.kind == "city":
                        city = city or known.name
                        below = place(rest[cut:]) if rest[cut:] else None
                        if below is not None and below.kind in ("county", "district"):
                            county = county or below.name
                        break
                break
    return Where(province, city, county)


def _distance(home: Where, away: Where) -> tuple[float, str] | None:
    if home.province and away.province and home.province != away.province:
        return 30.0, f"跨省（{home.province}→{away.province}）"
    if home.city and away.city and home.city != away.city:
        return 15.0, f"跨市（{home.city}→{away.city}）"
    if home.county and away.county and home.county != away.county and home.city == away.city:
        return 5.0, f"跨县（{home.county}→{away.county}）"
    return None


FAR_BATCH = 500
"""People whose articles are read in one statement."""


def _far_from_home(ctx: _Context) -> Iterator[Lead]:
    away = "WHERE x:Region OR (x:Village AND EXISTS { (x)-[:LOCATED_IN]->(:Region) }) "  # else: where is it?
    rows = _in_chunks(
        ctx, f"MATCH (p:Person)-[:ASSIGNED_TO|SERVES]->(x) {away}",
        f"MATCH (p)-[r:ASSIGNED_TO|SERVES]->(x) {away}"
        f"RETURN {PERSON}, {UNITS}, {_honors()}, type(r) AS how, x {{.id, .name, label: labels(x)[0]}} AS place, "
        "r.year AS year, r.from AS from, r.to AS to, "
        f"{_fact('r')} AS facts, "
        "[(x)-[:LOCATED_IN|PART_OF*1..5]->(g:Region) | g {.name, .kind}] AS chain, "
        "[(p)-[:WORKS_AT]->(:Unit)-[:PART_OF*0..2]->(:Unit)-[:LOCATED_IN]->(g:Region) | g.name] AS homes, "
        "[(p)-[:PARTICIPATES_IN]->(j:Project) | j {.id, .name, .outcomes, facts: null}] AS projects "
        "ORDER BY p.id, x.id",
    )
    batch: dict[str, dict[str, Any]] = {}
    for pid, group in groupby(rows, key=lambda r: r["person"]["id"]):  # rows come person by person
        entry = _far_entry(list(group))
        if entry is not None:
            batch[pid] = entry
        if len(batch) >= FAR_BATCH:
            yield from _far_leads(ctx, batch)
            batch = {}
    if batch:
        yield from _far_leads(ctx, batch)


def _far_entry(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """One person's assignments far from home, a place once (the farthest first), or None."""
    entry: dict[str, Any] | None = None
    for r in rows:
        person = r["person"]
        home = locate([n for n in [person.get("region"), *r["homes"]] if n])
        chain = {c["name"]: c.get("kind") for c in r["chain"]}
        away = locate([r["place"]["name"], *chain], chain)
        far = _distance(home, away)
        if far is None:
            continue
        if entry is None:
            entry = {"row": r, "by_place": {}, "home": home}
        same = entry["by_place"].get(away)
        if same is None:
            entry["by_place"][away] = (far, dict(r))
        else:  # one place under two names (屏山县, 四川省宜宾市屏山县): once, the gazetteer's name
            kept = same[1]
            kept["facts"] = _merge_facts(kept["facts"], r["facts"])
            if place(r["place"]["name"]) is not None and place(kept["place"]["name"]) is None:
                kept["place"] = r["place"]
    if entry is not None:
        entry["places"] = sorted(entry.pop("by_place").values(), key=lambda x: (-x[0][0], x[1]["place"]["name"]))
    return entry


def _far_leads(ctx: _Context, by_person: dict[str, dict[str, Any]]) -> Iterator[Lead]:
    from graph.read import mentions

    said = mentions(ctx.db, list(by_person))
    for pid, entry in by_person.items():
        r, home = entry["row"], entry["home"]
        person, units, awards = r["person"], r["units"], _awards(r["honors"])
        (score, span), _first = entry["places"][0]
        results: dict[str, Evidence] = {}
        keys: set[str] = set()
        for m in said.get(pid, []):
            for sentence in m["sentences"]:
                for x in measures(sentence):
                    if x.key not in keys:
                        keys.add(x.key)
                        results[x.phrase] = Evidence(text=sentence, source_id=m["source"])
        for j in r["projects"]:
            for o in _outcomes(j.get("outcomes")):
                for x in measures(o):
                    if x.key not in keys:
                        keys.add(x.key)
                        results[f"{j['name']}：{x.phrase}"] = Evidence(text="", source_id="")
        best = _best(awards)
        parts = [Part("distance", score, span)]
        if results:
            parts.append(Part("results", 4.0 * min(len(results), 5), f"来源记载的{len(results)}个成效数字"))
        if best:
            parts.append(Part("honor", float(best.weight), f"本人获{best.name}"))
        places = list(dict.fromkeys(x[1]["place"]["name"] for x in entry["places"]))
        verb = "挂职" if any(x[1]["how"] == "ASSIGNED_TO" for x in entry["places"]) else "帮扶"
        origin = home.county or home.city or home.province or person.get("region") or "家乡"
        bits = [f"从{origin}到{'、'.join(places[:2])}{verb}"]
        if results:
            bits.append("，".join(list(results)[:2]))
        headline = f"{_who(person, units)}：{'，'.join(bits)}"
        projects = [j["name"] for j in r["projects"]]
        summary = (f"{person['name']}{verb}于{'、'.join(places)}（{span}）"
                   + (f"；参与项目：{'、'.join(projects)}" if projects else "")
                   + (f"；来源记载的成效：{'；'.join(results)}" if results else "；来源未记载成效") + "。")
        starts = [x[1].get("from") or x[1].get("year") for x in entry["places"]]
        recent = [int(str(s)[:4]) for s in starts if s and str(s)[:4].isdigit() and ctx.year - int(str(s)[:4]) <= 2]
        why = f"{max(recent)}年起{verb}" if recent else _why_now(awards, ctx.year, ctx.latest)
        evidence = [e for x in entry["places"] for e in _evidence(x[1]["facts"])]
        evidence += [e for e in results.values() if e.text]
        yield Lead(
            id=f"FAR_FROM_HOME:{pid}", kind="FAR_FROM_HOME", subject={**person, "label": "Person"}, parts=parts,
            headline=headline, summary=summary, why_now=why,
            people=[{"id": person["id"], "name": person["name"]}], units=units, evidence=_dedupe(evidence),
        )


def _merge_facts(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return {k: list(a.get(k) or []) + list(b.get(k) or []) for k in ("sourceIds", "evidence", "locators")}


def _outcomes(value: Any) -> list[str]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            value = [value]
    return [str(v) for v in value or [] if isinstance(v, (str, int, float))]


# ---------------------------------------------------------------- BRIDGE

BRIDGE_CANDIDATES = 2000


def _bridges(ctx: _Context) -> Iterator[Lead]:
    rows = ctx.db.read(
        "MATCH (p:Person) WHERE p.betweenness > 0 AND p.community IS NOT NULL "
        "WITH p ORDER BY p.betweenness DESC, p.id LIMIT $limit "
        "CALL (p) { MATCH (p)-[r]-(o) WHERE type(r) IN $types AND o.community IS NOT NULL "
        "  AND o.community <> p.community "
        "  RETURN collect(DISTINCT o.community) AS others, "
        f"   collect({{type: type(r), name: o.name, community: o.community, facts: {_fact('r')}}}) AS links, "
        "   collect(DISTINCT coalesce(o.region, [(o)-[:WORKS_AT|HOSTED_BY|LOCATED_IN]->(u)-[:LOCATED_IN]->(g:Region) "
        "     | g.name][0], [(o)-[:LOCATED_IN]->(g:Region) | g.name][0])) AS regions } "
        "WITH p, others, links, regions WHERE size(others) > 0 "
        "OPTIONAL MATCH (own:Community {id: p.community}) "
        "CALL (others) { UNWIND others AS c MATCH (x:Community {id: c}) RETURN collect(x.name) AS otherNames } "
        f"RETURN {PERSON}, {UNITS}, {_honors()}, p.betweenness AS betweenness, "
        "p.betweennessPercentile AS percentile, p.community AS community, own.name AS communityName, "
        "otherNames, others, links, regions, "
        "toString(p.analyzedAt) AS analyzedAt",
        limit=BRIDGE_CANDIDATES, types=["MENTORS", "WORKS_AT", "LEADS", "MEMBER_OF", "PARTICIPATES_IN", "SERVES",
                                        "ASSIGNED_TO"],
        timeout=ctx.timeout,
    )
    for r in rows:
        person, units, awards = r["person"], r["units"], _awards(r["honors"])
        names = [n for n in r["otherNames"] if n]
        groups = [r["communityName"] or "本圈子", *names]
        regions = sorted({g for g in r["regions"] if g} - {person.get("region")})
        percentile = r["percentile"] or 0.0
        parts = [Part("betweenness", round(30.0 * percentile, 2),
                      f"中介中心性高于{min(99, math.floor(percentile * 100))}%的人（{r['betweenness']:.4f}）"),
                 Part("communities", 6.0 * min(len(r["others"]), 5), f"连接另外{len(r['others'])}个圈子")]
        if regions:
            parts.append(Part("regions", 3.0 * min(len(regions), 5), f"联系延伸到{'、'.join(regions[:5])}"))
        best = _best(awards)
        if best:
            parts.append(Part("honor", float(best.weight), f"本人获{best.name}"))
        headline = (f"{_who(person, units)}：连接{len(groups)}个圈子（{'、'.join(groups[:3])}"
                    f"{'等' if len(groups) > 3 else ''}）" + (f"，联系延伸到{'、'.join(regions[:3])}" if regions else ""))
        links = sorted(r["links"], key=lambda x: (x["type"], x["name"] or ""))
        summary = (f"{person['name']}把{'、'.join(groups)}连在一起："
                   + "；".join(f"{READING.get(x['type'], x['type'])}{x['name']}" for x in links[:6])
                   + f"。图谱分析时间：{r['analyzedAt']}。")
        yield Lead(
            id=f"BRIDGE:{person['id']}", kind="BRIDGE", subject={**person, "label": "Person"}, parts=parts,
            headline=headline, summary=summary, why_now=_why_now(awards, ctx.year, ctx.latest),
            people=[{"id": person["id"], "name": person["name"]}], units=units,
            evidence=_dedupe(e for x in links for e in _evidence(x["facts"], 1)),
        )


BUILDERS = {"UNSUNG": _unsung, "LINEAGE": _lineage, "IMPACT": _impact, "ANNIVERSARY": _anniversaries,
            "NEW_HONOR": _new_honors, "FAR_FROM_HOME": _far_from_home, "BRIDGE": _bridges}


# ---------------------------------------------------------------- the list


def _context(db: Database, q: LeadQuery) -> _Context:
    year = q.year or datetime.date.today().year
    row = db.read(
        "CALL () { MATCH ()-[r:RECEIVED]->() WHERE r.year <= $year RETURN max(r.year) AS latest } "
        "RETURN latest, COUNT { (:Article) } AS articles", year=year, timeout=q.timeout)[0]
    return _Context(db=db, year=year, since=q.since, latest=row["latest"], articles=row["articles"],
                    timeout=q.timeout)


MARK_BATCH = 1000
"""Leads whose marks are checked in one statement."""


@dataclass
class _Seen:
    """What a walk over the leads counted besides the leads it handed on."""

    total: int = 0
    hidden: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    marks: dict[str, dict[str, Any]] = field(default_factory=dict)  # the current marks it applied


def _walk(db: Database, q: LeadQuery, seen: _Seen) -> Iterator[Lead]:
    """Every lead of the asked kinds, kind by kind and unranked, filtered by region and unit,
    marked leads left out unless asked for. Leads are built a chunk of people at a time and
    handed on one by one, so a caller that keeps a few holds only those (a million people's
    leads are several gigabytes)."""
    for kind in q.kinds:
        if kind not in KINDS:
            raise ValueError(f"unknown lead kind {kind!r}; one of {', '.join(KINDS)}")
    ctx = _context(db, q)
    allowed = _people_in(db, q.region, q.unit, q.timeout) if q.region or q.unit else None
    current = seen.marks = _current_marks(db, q.timeout)
    for kind in KINDS:
        if kind not in q.kinds:
            continue
        built = iter(BUILDERS[kind](ctx))  # IMPACT, which weighs its leads against each other, gives a list
        while batch := list(islice(built, MARK_BATCH)):
            if allowed is not None:
                batch = [lead for lead in batch if any(p["id"] in allowed for p in lead.people)]
            kept, hidden = _apply_marks(db, batch, current, q.include_marked, q.timeout)
            seen.hidden += hidden
            seen.total += len(kept)
            seen.kinds[kind] = seen.kinds.get(kind, 0) + len(kept)
            yield from kept


# ---------------------------------------------------------------- the ranking, kept


RANKINGS_KEPT = 8
LEADS_KEPT = 2000
RANKING_MAX_AGE_S = 3600.0
"""A bound on what the key cannot see (a write by hand in Cypher): every write through the
project counts the write lock up, and ranking a million people takes two minutes."""
GRAPH_STATE = ("OPTIONAL MATCH (l:WriteLock {id: 'graph'}) "
               "CALL () { MATCH (a:Analysis) RETURN toString(max(a.at)) AS analysed } "
               "RETURN l.epoch AS epoch, l.version - coalesce(l.leadMarks, 0) AS facts, "
               "coalesce(l.reopens, 0) AS reopens, analysed")
"""What a ranking depends on: the graph's writes other than marks (the write lock's version
less the marks and reopens counted on it), the reopens (a reopened lead comes back, and a
ranking does not hold the leads it hid) and the last analysis (which writes without the lock)."""
COUNT_MARK = "MATCH (l:WriteLock {id: 'graph'}) SET l.leadMarks = coalesce(l.leadMarks, 0) + 1"
COUNT_REOPEN = ("MATCH (l:WriteLock {id: 'graph'}) "
                "SET l.leadMarks = coalesce(l.leadMarks, 0) + 1, l.reopens = coalesce(l.reopens, 0) + 1")


@dataclass
class Ranking:
    """The first leads of a ranking (all of them when `complete`), how many there are in all
    (and of each kind) and how many marked ones were left out."""

    leads: list[Lead]
    total: int
    hidden: int
    complete: bool
    kinds: dict[str, int] = field(default_factory=dict)
    marks: dict[str, str] = field(default_factory=dict)  # lead id → when its current mark was made, as ranked
    marked_until: str | None = None  # when the newest of those marks was made (ISO)
    members: array = field(default_factory=lambda: array("q"))  # hash of each counted lead's id, sorted

    def counts(self, lead_id: str) -> bool:
        """Whether the lead is one of the `total` (held or not)."""
        key = _id_hash(lead_id)
        at = bisect.bisect_left(self.members, key)
        return at < len(self.members) and self.members[at] == key


def rank(db: Database, q: LeadQuery, keep: int | None = None) -> Ranking:
    """The leads ranked, the best `keep` of them (all when None); only those are held, and
    a hash of every counted lead's id (8 bytes a lead), so that a later mark can be counted."""
    seen, members = _Seen(), array("q")

    def counted(leads: Iterator[Lead]) -> Iterator[Lead]:
        for lead in leads:
            members.append(_id_hash(lead.id))
            yield lead

    walk = counted(_walk(db, q, seen))
    kept = sorted(walk, key=Lead.sort_key) if keep is None else heapq.nsmallest(keep, walk, key=Lead.sort_key)
    return Ranking(kept, seen.total, seen.hidden, complete=len(kept) == seen.total, kinds=seen.kinds,
                   marks={lead_id: m["at"] for lead_id, m in seen.marks.items()},
                   marked_until=_newest(seen.marks),
                   members=array("q", sorted(members)))


def _newest(marks: dict[str, dict[str, Any]]) -> str | None:
    """When the newest of these marks was made (ISO), None without marks."""
    newest = max((m["time"] for m in marks.values()), default=None)
    return None if newest is None else newest.iso_format()


def _id_hash(lead_id: str) -> int:
    """A lead id's 64-bit hash, the same in every process (Python's own str hash is not)."""
    return int.from_bytes(hashlib.blake2b(lead_id.encode(), digest_size=8).digest(), "little", signed=True)


def _ranking_state(ranking: Ranking) -> dict[str, Any]:
    """A ranking as JSON can hold it (`_ranking_from` reads it back)."""
    return {"leads": [asdict(lead) for lead in ranking.leads], "total": ranking.total, "hidden": ranking.hidden,
            "complete": ranking.complete, "kinds": ranking.kinds, "marks": ranking.marks,
            "marked_until": ranking.marked_until,
            "members": base64.b64encode(ranking.members.tobytes()).decode()}


def _ranking_from(state: dict[str, Any]) -> Ranking:
    leads = [Lead(**{**x, "parts": [Part(**p) for p in x["parts"]],
                     "evidence": [Evidence(**e) for e in x["evidence"]]}) for x in state["leads"]]
    members = array("q")
    members.frombytes(base64.b64decode(state["members"]))
    return Ranking(leads, state["total"], state["hidden"], state["complete"], state["kinds"], state["marks"],
                   state["marked_until"], members)


def _marked_since(db: Database, ranking: Ranking, q: LeadQuery) -> Ranking:
    """The ranking with the marks made since it was ranked. A mark changes no fact, so the
    ranking stands: a newly marked lead leaves it (or, asked with the marked ones, shows its
    mark), wherever it ranks. A new fact about it would have changed the graph's state."""
    current = _current_marks(db, q.timeout, since=ranking.marked_until)  # the marks it saw are older
    new = {lead_id: m for lead_id, m in current.items() if ranking.marks.get(lead_id) != m["at"]}
    if not new:
        return ranking
    if q.include_marked:
        return replace(ranking, leads=[replace(lead, mark=_shown(new[lead.id], reopened=False)) if lead.id in new
                                       else lead for lead in ranking.leads])
    gone = [lead_id for lead_id in new if ranking.counts(lead_id)]
    kinds = dict(ranking.kinds)
    for lead_id in gone:
        kinds[lead_id.split(":")[0]] -= 1
    return replace(ranking, leads=[lead for lead in ranking.leads if lead.id not in new],
                   total=ranking.total - len(gone), hidden=ranking.hidden + len(gone), kinds=kinds)


class _Rankings:
    """The top of the ranking of the last few questions. Ranking reads the whole graph (22 s
    at 100,000 people, two minutes at a million), so the pages of a question reuse one ranking
    while the graph stays as it was (GRAPH_STATE: every load, edit and merge counts the write
    lock up; a mark does not change the ranking, only what it shows). Only the first
    LEADS_KEPT leads are kept (a page beyond them ranks again). One ranking is computed at a
    time on a machine, and left in a file under KG_HOME for the other worker processes and
    for the next start: concurrent first requests wait for it instead of each ranking."""

    def __init__(self) -> None:
        self._kept: OrderedDict[tuple[Any, ...], tuple[float, Ranking]] = OrderedDict()
        self._lock = threading.Lock()
        self._ranking = threading.Lock()

    def get(self, db: Database, q: LeadQuery) -> Ranking:
        state = db.read(GRAPH_STATE, timeout=q.timeout)[0]
        question = astuple(LeadQuery(**{**q.__dict__, "timeout": None,
                                        "year": q.year or datetime.date.today().year}))
        key = (state["epoch"], state["facts"], state["reopens"], state["analysed"], question)
        found = self._fresh(key)
        if found is None:
            with self._ranking:
                found = self._fresh(key)  # computed while this one waited
                if found is None:
                    found = _shared_ranking(db, q, (*key, LEADS_KEPT))
                    with self._lock:
                        self._kept[key] = (time.monotonic(), found)
                        while len(self._kept) > RANKINGS_KEPT:
                            self._kept.popitem(last=False)
        return found

    def _fresh(self, key: tuple[Any, ...]) -> Ranking | None:
        with self._lock:
            kept = self._kept.get(key)
            if kept is None or time.monotonic() - kept[0] > RANKING_MAX_AGE_S:
                return None
            self._kept.move_to_end(key)
            return kept[1]


RANKINGS = _Rankings()


RANKING_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
"""This module's code, part of a kept ranking's key: a ranking left by an older version of the
scores or headlines is never read by a newer one."""


def _shared_ranking(db: Database, q: LeadQuery, key: tuple[Any, ...]) -> Ranking:
    """The ranking a worker process of this machine made for the same graph state, question
    and code (its file under KG_HOME/story-leads), or one ranked here and left there, under a
    lock all the processes take. A folder that cannot be written only costs the sharing."""
    folder = Path(db.settings.home) / "story-leads"
    path = folder / f"{hashlib.sha256(repr((*key, RANKING_CODE)).encode()).hexdigest()[:32]}.json"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = open(folder / "ranking.lock", "a")
    except OSError:
        return rank(db, q, LEADS_KEPT)
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # held until the file is closed
        try:
            if time.time() - path.stat().st_mtime <= RANKING_MAX_AGE_S:
                return _ranking_from(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            pass  # none yet, or left by an older version of this code: rank again
        ranking = rank(db, q, LEADS_KEPT)
        try:
            written = path.with_suffix(".tmp")
            written.write_text(json.dumps(_ranking_state(ranking), ensure_ascii=False), encoding="utf-8")
            os.replace(written, path)
            for old in sorted(folder.glob("*.json"), key=lambda f: f.stat().st_mtime)[:-RANKINGS_KEPT]:
                old.unlink(missing_ok=True)
        except OSError:
            pass
        return ranking


def story_leads(db: Database, q: LeadQuery, first: int, after: str | None = None, before: str | None = None,
                backward: bool = False) -> LeadPage:
    """A page of leads between the cursors (keyset on the ranking): the first `first` after
    `after`, or with `backward` the last `first` before `before`; evidence with its sources."""
    ranking = _marked_since(db, RANKINGS.get(db, q), q)
    start, end = _window(ranking.leads, first, after, before, backward)
    page, total, hidden = ranking.leads[start:end], ranking.total, ranking.hidden
    if not ranking.complete and end >= len(ranking.leads):  # past the kept top
        page, start, total, hidden = _page_past(db, q, first, after, before, backward)
        end = start + len(page)
    with_sources(db, page)
    return LeadPage(leads=page, total=total, has_next=end < total,
                    cursors=[encode_cursor(lead) for lead in page], hidden=hidden, has_previous=start > 0)


def _page_past(db: Database, q: LeadQuery, first: int, after: str | None, before: str | None,
               backward: bool) -> tuple[list[Lead], int, int, int]:
    """`_window` over a walk of every lead that keeps only the page: (the page, where it
    starts in the ranking, how many leads there are, how many marked ones were left out)."""
    low = tuple(decode_cursor(after)) if after else None
    high = tuple(decode_cursor(before)) if before else None
    seen, ahead, between = _Seen(), [0], [0]

    def inside(leads: Iterator[Lead]) -> Iterator[Lead]:
        for lead in leads:
            key = lead.sort_key()
            if low is not None and key <= low:
                ahead[0] += 1
            elif high is None or key < high:
                between[0] += 1
                yield lead

    pick = heapq.nlargest if backward else heapq.nsmallest
    page = sorted(pick(first, inside(_walk(db, q, seen)), key=Lead.sort_key), key=Lead.sort_key)
    start = ahead[0] + (max(0, between[0] - first) if backward else 0)
    return page, start, seen.total, seen.hidden


def _window(leads: list[Lead], first: int, after: str | None, before: str | None,
            backward: bool) -> tuple[int, int]:
    """Where the page lies in the ranked leads: [start, end)."""
    lo, hi = 0, len(leads)
    if after:
        key = decode_cursor(after)
        lo = next((i for i, lead in enumerate(leads) if _cursor_key(lead) > key), len(leads))
    if before:
        key = decode_cursor(before)
        hi = max(lo, next((i for i, lead in enumerate(leads) if _cursor_key(lead) >= key), len(leads)))
    start = max(lo, hi - first) if backward else lo
    return start, min(hi, start + first)


def _cursor_key(lead: Lead) -> list[Any]:
    return [-lead.score, KINDS.index(lead.kind), lead.subject.get("name") or "", lead.id]


def encode_cursor(lead: Lead) -> str:
    return base64.urlsafe_b64encode(json.dumps(_cursor_key(lead), ensure_ascii=False).encode()).decode()


def decode_cursor(cursor: str) -> list[Any]:
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor.encode()).decode())
        assert isinstance(key, list) and len(key) == 4
        return [float(key[0]), int(key[1]), str(key[2]), str(key[3])]
    except Exception as exc:
        raise ValueError("invalid cursor") from exc


def with_sources(db: Database, leads: list[Lead]) -> None:
    """Fills each evidence item's source: kind, title, date, url (one statement)."""
    from graph.read import sources

    ids = sorted({e.source_id for lead in leads for e in lead.evidence if e.source_id and ":" not in e.source_id})
    found = sources(db, ids) if ids else {}
    for lead in leads:
        for e in lead.evidence:
            if e.source_id.startswith("manual:"):
                e.source = {"kind": "manual", "title": f"人工录入（{e.source_id[7:]}）", "date": None, "url": None}
            else:
                s = found.get(e.source_id) or {}
                e.source = {"kind": s.get("kind") or "unknown", "title": s.get("title"), "date": s.get("date"),
                            "url": s.get("url"), "synthetic": bool(s.get("synthetic"))}


def _people_in(db: Database, region: str | None, unit: str | None, timeout: float | None) -> set[str]:
    """Ids of the people the `people` filter would give for this region and unit."""
    from graph.read import filter_of

    preamble, condition, params = filter_of("Person", EntityFilter(region=region, unit=unit))
    rows = db.read(f"{preamble}MATCH (n:Person) WHERE {condition} RETURN n.id AS id", timeout=timeout, **params)
    return {r["id"] for r in rows}


# ---------------------------------------------------------------- marks


class LeadError(ValueError):
    """A mark that cannot be made, worded for the client."""


def parse_lead_id(lead_id: str) -> tuple[str, str]:
    """(kind, subject id) of a lead id: KIND:subject or KIND:year:subject."""
    parts = lead_id.split(":")
    if len(parts) not in (2, 3) or parts[0] not in KINDS or not label_of(parts[-1]):
        raise LeadError(f"not a story lead id: {lead_id!r}")
    return parts[0], parts[-1]


def mark(db: Database, lead_id: str, status: str, who: str, note: str | None = None) -> dict[str, Any]:
    """Marks a lead USED or NOT_INTERESTING; the earlier mark stays, no longer current."""
    if status not in STATUSES:
        raise LeadError(f"status must be one of {', '.join(STATUSES)}")
    kind, subject = parse_lead_id(lead_id)
    label = label_of(subject)

    def work(tx: Any) -> dict[str, Any]:
        found = tx.run(f"MATCH (n:{label} {{id: $id}}) RETURN n.id AS id", id=subject)
        if not found:
            raise LeadError(f"no such subject {subject!r}")
        tx.run("MATCH (m:LeadMark {leadId: $lead, current: true}) SET m.current = false", lead=lead_id)
        rows = tx.run(
            "CREATE (m:LeadMark {leadId: $lead, kind: $kind, subject: $subject, status: $status, who: $who, "
            "  note: $note, at: datetime(), current: true}) "
            "RETURN m.leadId AS leadId, m.status AS status, m.who AS who, toString(m.at) AS at, m.note AS note",
            lead=lead_id, kind=kind, subject=subject, status=status, who=who, note=note,
        )
        tx.run("CREATE (:Edit {who: $who, at: datetime(), action: 'mark lead', target: $lead, detail: $status})",
               who=who, lead=lead_id, status=status)
        tx.run(COUNT_MARK)
        return rows[0]

    return db.write_tx(work)


def reopen(db: Database, lead_id: str, who: str) -> bool:
    """Takes the current mark off a lead (kept, no longer current); false if it had none."""
    parse_lead_id(lead_id)

    def work(tx: Any) -> bool:
        rows = tx.run("MATCH (m:LeadMark {leadId: $lead, current: true}) SET m.current = false, "
                      "m.reopenedBy = $who, m.reopenedAt = datetime() RETURN count(m) AS c", lead=lead_id, who=who)
        if rows[0]["c"]:
            tx.run("CREATE (:Edit {who: $who, at: datetime(), action: 'reopen lead', target: $lead, detail: ''})",
                   who=who, lead=lead_id)
        tx.run(COUNT_REOPEN)
        return bool(rows[0]["c"])

    return db.write_tx(work)


def marks(db: Database, lead_id: str | None = None) -> list[dict[str, Any]]:
    """Marks, newest first (every one, current or not), optionally of one lead."""
    return db.read("MATCH (m:LeadMark) WHERE $lead IS NULL OR m.leadId = $lead "
                   "RETURN m.leadId AS leadId, m.status AS status, m.who AS who, toString(m.at) AS at, "
                   "m.note AS note, m.current AS current ORDER BY m.at DESC", lead=lead_id)


FRESH = (
    "n.updatedAt > t "
    "OR EXISTS { MATCH (s)-[:MENTIONS]->(n) WHERE s.loadedAt > t } "
    "OR EXISTS { MATCH (n)-[r]-() WHERE r.createdAt > t OR r.updatedAt > t } "
    "OR EXISTS { MATCH (g:Merge {survivor: n.id}) WHERE g.at > t } "
    "OR EXISTS { MATCH (e:Edit) WHERE e.at > t AND e.action <> 'mark lead' AND e.action <> 'reopen lead' "
    "            AND e.target CONTAINS n.id }"
)
"""A new fact about a node since t: a source loaded later mentions it, one of its facts
was created or changed, it was edited, merged with another record, or named in an edit."""


def _current_marks(db: Database, timeout: float | None, since: str | None = None) -> dict[str, dict[str, Any]]:
    """The current mark of each marked lead, by lead id (only those made at `since` or later)."""
    return {m["leadId"]: m for m in db.read(
        "MATCH (m:LeadMark {current: true}) WHERE $since IS NULL OR m.at >= datetime($since) "
        "RETURN m.leadId AS leadId, m.status AS status, m.who AS who, "
        "toString(m.at) AS at, m.at AS time, m.note AS note", since=since, timeout=timeout)}


def _apply_marks(db: Database, leads: list[Lead], current: dict[str, dict[str, Any]], include_marked: bool,
                 timeout: float | None) -> tuple[list[Lead], int]:
    """The leads without a current mark, and the marked ones a new fact reopened (all marked
    ones with `include_marked`); and how many marked ones were left out."""
    marked = [lead for lead in leads if lead.id in current]
    if not marked:
        return leads, 0
    checks: dict[str, list[dict[str, Any]]] = {}
    for lead in marked:
        ids = {lead.subject["id"], *(p["id"] for p in lead.people)}
        for node_id in sorted(ids):
            label = label_of(node_id)
            if label:
                checks.setdefault(label, []).append({"lead": lead.id, "id": node_id, "at": current[lead.id]["time"]})
    fresh: set[str] = set()
    for label, rows in checks.items():
        found = db.read(
            f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) WITH row, n, row.at AS t "
            f"WHERE {FRESH} RETURN DISTINCT row.lead AS lead",
            rows=rows, timeout=timeout,
        )
        fresh |= {r["lead"] for r in found}
    kept, hidden = [], 0
    for lead in leads:
        m = current.get(lead.id)
        if m is None:
            kept.append(lead)
            continue
        lead.mark = _shown(m, reopened=lead.id in fresh)
        if lead.id in fresh or include_marked:
            kept.append(lead)
        else:
            hidden += 1
    return kept, hidden


def _shown(m: dict[str, Any], reopened: bool) -> dict[str, Any]:
    """A lead's current mark as a lead shows it."""
    return {"status": m["status"], "who": m["who"], "at": m["at"], "note": m["note"], "reopened": reopened}


# ---------------------------------------------------------------- printing


def as_table(leads: list[Lead]) -> str:
    lines = []
    for n, lead in enumerate(leads, 1):
        lines.append(f"{n:>3}  {lead.score:>6.1f}  {lead.kind:<13}  {lead.headline}")
    return "\n".join(lines)


def as_markdown(leads: list[Lead], title: str | None = None) -> str:
    """Leads grouped by kind, each with its score parts, why now and evidence to check."""
    out: list[str] = [f"# {title}", ""] if title else []
    for kind in KINDS:
        group = [lead for lead in leads if lead.kind == kind]
        if not group:
            continue
        out += [f"## {kind} · {KIND_NAME[kind]}", ""]
        for n, lead in enumerate(group, 1):
            out.append(f"{n}. **{lead.headline}** — {lead.score:g} 分"
                       f"（{'，'.join(f'{p.detail} {p.value:g}' for p in lead.parts)}）")
            if lead.why_now:
                out.append(f"   - 为什么是现在：{lead.why_now}")
            out.append(f"   - {lead.summary}")
            for e in lead.evidence[:4]:
                where = _where(e)
                out.append(f"   - 证据：“{_short(e.text)}” — {where}")
            if lead.mark:
                state = "有新事实，重新列出" if lead.mark["reopened"] else "已标记"
                out.append(f"   - {state}：{lead.mark['status']}（{lead.mark['who']}，{lead.mark['at'][:10]}）")
            out.append(f"   - id `{lead.id}`")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _where(e: Evidence) -> str:
    s = e.source
    kind = {"Article": "文章", "Roster": "名单", "manual": "人工录入"}.get(s.get("kind") or "", "来源")
    bits = [f"{kind}《{s.get('title') or e.source_id}》"]
    if s.get("date"):
        bits.append(str(s["date"]))
    if e.locator:
        bits.append(e.locator)
    if s.get("url"):
        bits.append(str(s["url"]))
    return "，".join(bits)

