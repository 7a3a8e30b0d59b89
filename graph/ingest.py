"""Loading a source: read it, resolve it against the graph, write it, check it for duplicates.

One source is one transaction, loaded once: the source node (Article or Roster) is keyed
by its content hash, so loading the same text or file again changes nothing.

    load_article / load_roster   read the source (graph/loaders/) into an Extraction
    write_source                 regions completed from the gazetteer (graph/places.py);
                                 every entity resolved, reading only (graph/resolve.py);
                                 everything written in one transaction (graph/writer.py),
                                 under the graph's write lock, resolved again there if
                                 another writer landed meanwhile (graph/db.py);
                                 then the incremental duplicate check of the new people
                                 (graph/dedupe/candidates.py), as review items
    LoadReport                   what happened, with the seconds each step took
"""
from __future__ import annotations

import gc
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from graph import identity
from graph.db import Database, Tx
from graph.errors import InvalidRequest
from graph.dedupe.candidates import Candidate, auto_merge, check_new, store_candidates
from graph.facts import ArticleMeta, Extraction
from graph.loaders.roster import RosterRefused
from graph.places import with_region_hierarchy
from graph.resolve import Resolved, resolve, resolve_in_stages
from graph.writer import Source, write, write_in_stages

INCREMENTAL_LIMIT = 2000
"""Up to this many new people, a load checks them for duplicates at once; larger loads
leave it to `kg dedupe scan`, which blocks the whole graph in one pass."""


@dataclass
class LoadReport:
    source_id: str
    title: str
    already_loaded: bool = False
    dry_run: bool = False
    created: Counter = field(default_factory=Counter)
    matched: Counter = field(default_factory=Counter)
    review: int = 0
    merged: int = 0
    """Pairs of this source's own rows found to be one person and merged after the load."""
    rejected: int = 0
    facts: Counter = field(default_factory=Counter)
    aggregates: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        if self.already_loaded:
            return f"{self.title}: already loaded ({self.source_id}); nothing changed"
        verb = "would load" if self.dry_run else "loaded"
        created = sum(self.created.values())
        matched = sum(self.matched.values())
        lines = [
            f"{self.title}: {verb} as {self.source_id}",
            f"  created {created}, matched {matched}, sent to review {self.review}, rejected {self.rejected}"
            + (f", merged {self.merged} repeated rows of one person" if self.merged else ""),
            "  entities created: " + (", ".join(f"{k} {v}" for k, v in sorted(self.created.items())) or "none"),
            "  entities matched: " + (", ".join(f"{k} {v}" for k, v in sorted(self.matched.items())) or "none"),
            "  facts: " + (", ".join(f"{k} {v}" for k, v in sorted(self.facts.items())) or "none"),
        ]
        if self.aggregates:
            lines.append(f"  aggregate counts: {self.aggregates}")
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "sourceId": self.source_id,
            "title": self.title,
            "alreadyLoaded": self.already_loaded,
            "dryRun": self.dry_run,
            "created": sum(self.created.values()),
            "matched": sum(self.matched.values()),
            "review": self.review,
            "merged": self.merged,
            "rejected": self.rejected,
            "facts": sum(self.facts.values()),
            "problems": self.problems,
        }


def source_exists(db: Database | Tx, source: Source) -> bool:
    rows = db.read(f"MATCH (s:{source.label} {{hash: $hash}}) RETURN s.id AS id", hash=source.hash)
    return bool(rows)


Prepare = Callable[["Database | Tx", Extraction], Extraction]
"""What a load decides from the graph before resolving (staff's vocabulary decisions)."""

between_resolve_and_write: Callable[[Source], None] | None = None
"""Tests and bench/faults.py only: called once a source's resolution has started, before its
write transaction starts (where another writer can land: a merge, a second load)."""


@dataclass
class _Resolution:
    extraction: Extraction
    resolved: dict[Any, Resolved]


@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Python's cycle collector off while a source is resolved and written. Resolving a
    100,000-row roster builds about a million long-lived objects (its records, the candidates'
    records, their keys), and each time they grow by a quarter the collector walks the whole
    heap: six full passes of about a second each, 8 s of a 70-s load (bench/README.md). Objects
    are still freed by reference counting; what only the collector frees (the driver's results
    are cycles: about 180 MB at 100,000 rows) waits for its next run. Restored only by the
    caller that paused it, so overlapping loads leave it as they found it."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _resolve(reader: "Database | Tx", source: Source, extraction: Extraction,
             prepare: Prepare | None, new_people: bool = False) -> _Resolution:
    """The whole source resolved in one pass (again, under the write lock)."""
    prepared = _prepared(reader, extraction, prepare)
    return _Resolution(prepared, resolve(reader, prepared, source.name, new_people))


def _prepared(reader: "Database | Tx", extraction: Extraction, prepare: Prepare | None) -> Extraction:
    """The source as it is resolved: staff's vocabulary decisions, then the region hierarchy."""
    return with_region_hierarchy(prepare(reader, extraction) if prepare is not None else extraction)


def _count(report: LoadReport, resolution: _Resolution) -> None:
    report.created.clear()
    report.matched.clear()
    report.facts.clear()
    report.review = 0
    resolved = resolution.resolved
    for r in resolved.values():
        if r.outcome == "matched":
            report.matched[r.label] += 1
        else:
            report.created[r.label] += 1
            if r.outcome == "review":
                report.review += 1
    for fact in resolution.extraction.facts:
        if fact.subject in resolved and fact.object in resolved:
            report.facts[fact.type] += 1
    report.aggregates = len(resolution.extraction.aggregates)


PEOPLE_PER_STAGE = 20_000
"""People resolved per stage: the write transaction writes each stage while the next is
resolved (graph/resolve.py `resolve_in_stages`)."""


class _Resolving:
    """A source's resolution running in a thread, a stage at a time. Iterating gives the
    stages as they are ready, from the first again when a write transaction is retried; a
    failure of the resolution is raised there. `extraction` is the source as resolved
    (staff's vocabulary decisions and the region hierarchy applied first, in the caller)."""

    def __init__(self, reader: "Database | Tx", source: Source, extraction: Extraction,
                 prepare: Prepare | None, new_people: bool) -> None:
        self.extraction = _prepared(reader, extraction, prepare)
        self.seconds = 0.0
        self._ready: list[dict[Any, Resolved]] = []
        self._failed: BaseException | None = None
        self._done = False
        self._queue: queue.Queue[dict[Any, Resolved] | BaseException | None] = queue.Queue()
        self._stop = threading.Event()
        stages = resolve_in_stages(reader, self.extraction, source.name, new_people, PEOPLE_PER_STAGE)
        self._thread = threading.Thread(target=self._run, args=(stages,), name="resolving", daemon=True)
        self._thread.start()

    def _run(self, stages: Iterator[dict[Any, Resolved]]) -> None:
        t = time.perf_counter()
        try:
            for stage in stages:
                if self._stop.is_set():
                    return
                self._queue.put(stage)
            self.seconds = time.perf_counter() - t  # before the end is seen
            self._queue.put(None)
        except BaseException as exc:  # raised by whoever iterates
            self._queue.put(exc)

    def __iter__(self) -> Iterator[dict[Any, Resolved]]:
        yield from list(self._ready)
        while not self._done:
            if self._failed is not None:
                raise self._failed
            item = self._queue.get()
            if item is None:
                self._done = True
            elif isinstance(item, BaseException):
                self._failed = item
            else:
                self._ready.append(item)
                yield item

    def everything(self) -> _Resolution:
        resolved: dict[Any, Resolved] = {}
        for stage in self:
            resolved.update(stage)
        return _Resolution(self.extraction, resolved)

    def stop(self) -> None:
        self._stop.set()


def write_source(db: Database, source: Source, extraction: Extraction, dry_run: bool = False,
                 progress: Callable[[str], None] | None = None, prepare: Prepare | None = None,
                 new_people: bool = False) -> LoadReport:
    """Resolve and write one source; a second call with the same content changes nothing.

    Resolution reads the graph outside the write lock (graph/db.py), in a thread, a stage
    at a time; the write transaction takes the lock and writes each stage as it is ready,
    so that a large roster's matching (mostly Python) runs beside its write (mostly Neo4j)
    instead of before it. Other writers wait for both (a 100,000-row roster: 57 s, where they
    waited 45 s for its write alone; bench/README.md), and the load takes less. Under the lock
    the graph's version is compared with the one read before resolving. If another writer
    landed in between (a load that created some of the same people, a merge that absorbed a
    matched record), the source is resolved again, under the lock, against what is there
    now: two overlapping loads end as if run one after the other, and a write never
    targets an absorbed id. `prepare` (staff's vocabulary decisions) is re-applied too.
    `new_people`: no person is matched, each is a new node (graph/resolve.py).
    """
    report = LoadReport(source_id=source.id, title=source.props.get("title") or source.name, dry_run=dry_run)
    if source_exists(db, source):
        report.already_loaded = True
        return report
    t0 = time.perf_counter()
    with _cycle_collection_paused():
        version = db.version()
        resolving = _Resolving(db, source, extraction, prepare, new_people)
        if dry_run:
            first = resolving.everything()
            report.seconds["matching"] = time.perf_counter() - t0
            _count(report, first)
            return report
        if between_resolve_and_write is not None:
            between_resolve_and_write(source)
        if progress:
            progress(f"matching and writing {len(extraction.entities)} entities and {len(extraction.facts)} facts")

        def work(tx: Tx) -> _Resolution | None:
            if tx.previous_version != version:  # another writer landed since: resolve again, under the lock
                resolving.stop()
                if source_exists(tx, source):
                    return None  # the same source, loaded meanwhile by another process
                t = time.perf_counter()
                again = _resolve(tx, source, extraction, prepare, new_people)
                report.seconds["re-matching under the lock"] = time.perf_counter() - t
                write(tx, source, again.extraction, again.resolved)
                return again
            return _Resolution(resolving.extraction, write_in_stages(tx, source, resolving.extraction, resolving))

        try:
            final = db.write_tx(work, timeout=600)
        finally:
            resolving.stop()
    report.seconds["matching"] = resolving.seconds
    report.seconds["matching and writing"] = time.perf_counter() - t0
    if final is None:
        report.already_loaded = True
        return report
    _count(report, final)
    created = [r.node_id for r in final.resolved.values() if r.label == "Person" and r.outcome != "matched"]
    if 0 < len(created) <= INCREMENTAL_LIMIT:
        # the incremental dedupe check: new people against the graph, as review items; one
        # person written twice in this source (a register's row per honor) merged at once
        found = check_new(db, created)
        people = {r.node_id for r in final.resolved.values() if r.label == "Person"}
        repeated = merge_repeated_rows(db, found, created, people, _honors_given(final))
        merged = repeated if new_people else (  # --new-people: staff decide what the check finds
            repeated | merge_found_written(db, [c for c in found if c.pair.key not in repeated], people, created))
        report.merged = len(merged)
        stored = store_candidates(db, [c for c in found if c.pair.key not in merged])
        report.review += stored.get("created", 0)
    matched = [r.node_id for r in final.resolved.values() if r.label == "Person" and r.outcome == "matched"]
    if 0 < len(matched) <= INCREMENTAL_LIMIT:
        report.merged += settle_grown_pairs(db, matched)
    return report


def settle_grown_pairs(db: Database, grown: list[str]) -> int:
    """The open review items of people this load added to (a row matched to them brought its
    unit, honors, birth date), scored on what both sides hold now: a pair the feature table
    now calls one person is merged as `load` (audited, undoable), the others keep the new
    score. A studio list's 张晨 went to review beside the association's (a name and a
    county); the union's list then gave the association's 张晨 the studio's company."""
    from graph.dedupe.candidates import open_pairs_of, scored

    found = scored(db, open_pairs_of(db, grown))
    merged = {c.pair.key for c in auto_merge(db, found, who="load")}
    kept = [c for c in found if c.pair.key not in merged]  # a match a judgement blocked keeps its new score too
    if kept:
        store_candidates(db, kept)
    return len(merged)


def merge_repeated_rows(db: Database, candidates: list[Candidate], created: list[str], people: set[str],
                        honors: dict[str, set[tuple[str, int | None]]]) -> set[str]:
    """The pairs of this source's people (`people`: the nodes its rows were resolved to), one
    of them created by this load, that the feature table calls one person with nothing against
    it (`may_merge_automatically`), merged as staff would (`who` "load", in the audit log,
    undoable); returns the keys of those pairs. Rows of one source are never resolved to one
    node, so that namesakes of one roster stay apart (and a graph node takes one row of a
    source): this is where the same person's second row joins the first. Not two rows whose
    only strong fact in common is an honor this source gives both in the same year (`honors`):
    one list does not give one person one honor twice, so they are two people (a visiting
    list's two 刘芳, each 区劳模, nothing else said) and staff see the pair. A row copied again
    (补录, the same birth year too) still joins its first."""
    new = set(created)
    mine = [c for c in candidates if (c.a.id in new or c.b.id in new) and {c.a.id, c.b.id} <= people
            and not (honors.get(c.a.id, set()) & honors.get(c.b.id, set()) and not _strong_beside_honors(c))]
    return {c.pair.key for c in auto_merge(db, mine, who="load", created=created)}


def merge_found_written(db: Database, candidates: list[Candidate], people: set[str],
                        created: list[str]) -> set[str]:
    """The pairs of a new person and a person of another source that the feature table calls
    one person now that both are written, merged as `load` (audited, undoable); returns their
    keys. The resolver scored the new row on what its own source says; the check reads both
    nodes as the graph holds them, with what other sources said of their units (a union's list
    without a region column names a company another office placed in 鼎城区): the evidence the
    resolver would have matched on. A pair within this source is merge_repeated_rows' to judge."""
    others = [c for c in candidates if not {c.a.id, c.b.id} <= people]
    return {c.pair.key for c in auto_merge(db, others, who="load", created=created)}


STRONG_BESIDE_HONORS = frozenset({"unit", "birth_year", "birth_month", "studio", "mentor"})


def _strong_beside_honors(candidate: Candidate) -> bool:
    """The pair agrees on a strong fact that is not an honor: a unit, a birth year or month,
    a studio, a mentor."""
    return any(r["contribution"] > 0 and r["feature"] in STRONG_BESIDE_HONORS for r in candidate.reasons)


def _honors_given(resolution: _Resolution) -> dict[str, set[tuple[str, int | None]]]:
    """Each person node's honors and years as this source gives them."""
    resolved = resolution.resolved
    given: dict[str, set[tuple[str, int | None]]] = {}
    for fact in resolution.extraction.facts:
        if fact.type == "RECEIVED" and fact.subject in resolved and fact.object in resolved:
            given.setdefault(resolved[fact.subject].node_id, set()).add((resolved[fact.object].node_id, fact.year))
    return given


def article_source(text: str, meta: ArticleMeta) -> Source:
    digest = identity.content_hash(text)
    props = {k: v for k, v in {
        "title": meta.title, "publisher": meta.publisher, "date": meta.date, "url": meta.url,
        "path": meta.path, "text": text,
    }.items() if v is not None}
    return Source(label="Article", hash=digest, name=meta.title, props=props)


def check_article_text(text: str, name: str, force: bool = False) -> None:
    """An article with no Chinese text is refused (issue 13): nothing would be extracted
    from it, and it would be stored silently. `force` loads it anyway."""
    if not force and not any("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in text):
        raise InvalidRequest(f"{name}: no Chinese text in this article, so nothing can be extracted; "
                             "nothing written (--force, or force: true, loads it anyway)")


def load_article(db: Database, text: str, meta: ArticleMeta, dry_run: bool = False,
                 progress: Callable[[str], None] | None = None, force: bool = False) -> LoadReport:
    """Extract and write one article; discovered honors, units and studios stay uncurated
    until staff confirm them, and names staff rejected are left out (graph/vocab.py)."""
    from graph.extract import extract_article
    from graph.loaders.article import clean_text
    from graph.vocab import apply_decisions

    text = clean_text(text)  # no control or direction characters in the text, nor in any name from it
    check_article_text(text, meta.path or meta.title or "article", force)
    t0 = time.perf_counter()
    extraction = extract_article(text, title=meta.title, date=meta.date, url=meta.url, publisher=meta.publisher)
    parsing = time.perf_counter() - t0
    report = write_source(db, article_source(text, meta), extraction, dry_run=dry_run, progress=progress,
                          prepare=lambda reader, ex: apply_decisions(reader, _copy(ex), from_text=True))
    report.seconds["parsing"] = parsing
    return report


def load_roster(db: Database, path: Path, skip_invalid: bool = False, dry_run: bool = False,
                progress: Callable[[str], None] | None = None, region: str | None = None,
                new_people: bool = False, also_known: Callable[[str], bool] | None = None) -> LoadReport:
    """Validate the whole file, then write its valid rows in one transaction. `region`: the
    place abbreviated honors (市劳模) name when a row has no region of its own. `new_people`:
    the bulk path of a first import — every row a new person, nobody matched (units, honors
    and places still are). `also_known`: names a 师傅 may give besides the file's and the
    graph's (the other rosters of a batch, `load_rosters`).

    With problems and without `skip_invalid`, nothing is written and RosterRefused lists them.
    """
    from graph.loaders.roster import read_roster

    def known(name: str) -> bool:
        return _person_known(db, name) or (also_known is not None and also_known(name))

    t0 = time.perf_counter()
    read = read_roster(path, known_people=known, region=region)
    parsing = time.perf_counter() - t0
    problems = [str(p) for p in read.problems]
    if problems and not skip_invalid:
        raise RosterRefused(problems)
    props: dict[str, Any] = {"title": Path(path).name, "path": str(path), "rows": read.rows_total,
                             # a roster whose first line says 合成数据 / synthetic: its facts and leads say so
                             "synthetic": read.synthetic}
    if read.title:
        props["heading"] = read.title
    source = Source(label="Roster", hash=read.content_hash, name=Path(path).stem, props=props)
    report = write_source(db, source, read.extraction, dry_run=dry_run, progress=progress, new_people=new_people)
    report.seconds["parsing"] = parsing
    report.rejected = read.rows_total - read.rows_valid
    report.problems = read.warnings + problems + [f"{Path(path).name}: unknown column kept as property: {c}"
                                                  for c in read.unknown_columns]
    return report


def load_rosters(db: Database, paths: list[Path], skip_invalid: bool = False, dry_run: bool = False,
                 progress: Callable[[str], None] | None = None, region: str | None = None,
                 new_people: bool = False) -> list[tuple[Path, LoadReport]]:
    """Several rosters of one batch (a city's offices' lists): a 师傅 may be a person of any of
    them. Every file is validated before anything is written (with problems and without
    `skip_invalid`, RosterRefused lists them all and nothing is written); then each loads as
    `load_roster` does, whole or not at all, a file after the files its mentors are people of,
    so that each mentor is found in the graph. Of files naming each other's people (a cycle),
    the later one's mentors are found by name, as a new person if not yet written."""
    from graph.loaders.roster import read_roster
    from graph.names import normalize_person_name

    paths = list(dict.fromkeys(paths))  # a file named twice is loaded once
    people: dict[Path, set[str]] = {}
    mentors: dict[Path, set[str]] = {}
    for path in paths:  # what each file says, whoever its mentors are
        extraction = read_roster(path, known_people=lambda name: True, region=region).extraction
        people[path] = {normalize_person_name(e.name) for e in extraction.entities if e.type == "Person" and e.key}
        mentors[path] = {f.subject.name for f in extraction.facts if f.type == "MENTORS" and f.subject.key is None}
    everyone = set().union(*people.values())

    def known(name: str) -> bool:
        return name in everyone or _person_known(db, name)

    problems = [str(p) for path in paths for p in read_roster(path, known_people=known, region=region).problems]
    if problems and not skip_invalid:
        raise RosterRefused(problems)
    missing = {path: {m for m in mentors[path] if not _person_known(db, m)} for path in paths}
    needs = {path: {other for other in paths if other != path and missing[path] & people[other]} for path in paths}
    ordered: list[Path] = []
    while len(ordered) < len(paths):
        waiting = [p for p in paths if p not in ordered]
        ordered.append(next((p for p in waiting if needs[p] <= set(ordered)), waiting[0]))  # a cycle: as given
    return [(path, load_roster(db, path, skip_invalid=skip_invalid, dry_run=dry_run, progress=progress,
                               region=region, new_people=new_people, also_known=everyone.__contains__))
            for path in ordered]


def _copy(extraction: Extraction) -> Extraction:
    """apply_decisions marks entities in place: each resolution starts from the extracted ones."""
    return Extraction(entities=[replace(e, props=dict(e.props)) for e in extraction.entities],
                      facts=list(extraction.facts), aggregates=list(extraction.aggregates))


def _person_known(db: Database, name: str) -> bool:
    key = identity.name_key("Person", name)
    return bool(db.read("MATCH (p:Person:Entity {nameKey: $key}) RETURN p.id LIMIT 1", key=key))
