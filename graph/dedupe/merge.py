"""Merging duplicate records into one node, and undoing it, without losing anything.

`merge(ids)` runs in ONE transaction:
- it first takes the write lock of every record involved (and re-reads them inside the
  transaction), so two merges over overlapping records run one after the other and the
  second sees what the first did: an id already absorbed resolves to its survivor;
- the survivor (the first id, or its survivor) keeps its id; every relationship of the
  absorbed records moves to it. A fact both had becomes one edge whose parallel lists
  (`sourceIds`, `evidence`, `locators`) hold the union of their entries; other list
  properties (a mention's `spans`) are united too; a scalar the survivor lacks is taken;
- every name becomes an alias; a property the survivor lacks is taken from the absorbed
  record; a property both have with different values is kept as the survivor's and
  recorded, with each value's record and sources, in the survivor's `conflicts` (JSON);
- the absorbed node keeps its id and properties but loses its entity label: it becomes
  `(:Absorbed {mergedInto})`, so a client's id still resolves to the survivor;
- a `(:Merge {id, who, at, survivor, absorbed, snapshot, undone})` node records exactly
  what is needed to undo: the absorbed nodes as they were with their relationships, the
  survivor's properties that changed, and what was added to each survivor edge.

`unmerge(merge_id)` restores the absorbed nodes and their own relationships as they were,
and takes off the survivor exactly what the merge added (facts a later load added stay).
Merges are undone last-first: a later merge into the same survivor is undone before.
An undone pair goes back to the open review queue with its history: its review item is
reopened (or opened) and re-scored, and a current `same` judgement of it is superseded by
the undo (it stays, `current = false`, `supersededBy` the merge).

Staff edges (`Judgement -ABOUT->`, `ReviewItem -CANDIDATE->`) stay pinned to the ids they
were made on; review items of the absorbed records are closed (and reopened on undo).
"""
from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from itertools import combinations, zip_longest
from typing import Any

import neo4j.time

from graph.cypher import entities
from graph.dedupe.pairs import Pair, Verdict
from graph.db import Database, Tx
from graph.errors import Blocked, InvalidRequest, NotFound
from graph.identity import label_of
from graph.dedupe.judgements import (
    check_not_different,
    lock_and_resolve,
    lock_nodes,
    resolve_survivors,
)
from graph.vocabulary import ENTITY_LABELS, PERSONAL_PROPERTIES

STAFF_RELATIONSHIPS = frozenset({"ABOUT", "CANDIDATE"})
ENTRY_LISTS = ("sourceIds", "evidence", "locators")
# Properties a merge computes rather than copies or compares.
OWN_PROPERTIES = frozenset({
    "id", "name", "aliases", "aliasText", "nameKey", "pinyin", "initials", "surname", "unitKey", "sortKey",
    "createdAt", "updatedAt", "updatedBy", "conflicts", "mergedInto", "mergeId", "_lock",
})
_SAFE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass
class MergeResult:
    id: str
    survivor: str
    absorbed: list[str]
    moved: int = 0
    united: int = 0
    conflicts: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class UnmergeResult:
    merge_id: str
    survivor: str
    restored: list[str]


# ---------------------------------------------------------------- values to and from JSON

_TEMPORAL = {
    "datetime": neo4j.time.DateTime,
    "date": neo4j.time.Date,
    "time": neo4j.time.Time,
}


def encode(value: Any) -> Any:
    """A property value as JSON, temporal values tagged so `decode` gives them back exactly."""
    for tag, kind in _TEMPORAL.items():
        if isinstance(value, kind):
            return {"$t": tag, "v": value.iso_format()}
    if isinstance(value, neo4j.time.Duration):
        return {"$t": "duration", "v": str(value.iso_format())}
    if isinstance(value, list):
        return [encode(v) for v in value]
    return value


def decode(value: Any) -> Any:
    if isinstance(value, dict) and "$t" in value:
        tag, text = value["$t"], value["v"]
        if tag in _TEMPORAL:
            return _TEMPORAL[tag].from_iso_format(text)
        if tag == "duration":
            return neo4j.time.Duration.from_iso_format(text) if hasattr(neo4j.time.Duration, "from_iso_format") else text
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def _safe(name: str) -> str:
    """Labels and relationship types come from the graph itself; still, never format odd text."""
    if not _SAFE_NAME.match(name):
        raise ValueError(f"unexpected label or type {name!r}")
    return name


def _plain(value: Any) -> Any:
    """A value for the `conflicts` JSON (readable; temporal values as ISO text)."""
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


# ---------------------------------------------------------------- the plan (pure)


@dataclass
class NodeState:
    """A record as a merge reads it inside its transaction, as plain data: its element id,
    labels, properties, relationships (`{rid, type, out, other, otherId, props}`, `other`
    being the other end's element id) and the ids of the sources that mention it."""

    eid: str
    labels: list[str]
    props: dict[str, Any]
    relationships: list[dict[str, Any]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.props["id"]


@dataclass
class EdgePlan:
    """A survivor edge the merge creates (`rid` None) or rewrites, with what it added."""

    type: str
    out: bool
    other: str
    rid: str | None
    props: dict[str, Any]
    created: bool
    entries: list[list[Any]] = field(default_factory=list)
    lists: dict[str, list[Any]] = field(default_factory=dict)
    set: list[str] = field(default_factory=list)


@dataclass
class MergePlan:
    """Everything a merge writes, decided before anything is written."""

    id: str
    survivor: NodeState
    absorbed: list[NodeState]
    props: dict[str, Any]
    """The survivor's properties that change, with their new values."""
    changed: dict[str, Any]
    """The same properties as they were (JSON-encoded), for the undo."""
    delete: list[str]
    """Element ids of the absorbed records' relationships."""
    edges: list[EdgePlan]
    absorbed_snapshots: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    moved: int
    united: int
    reviews: list[dict[str, Any]]
    """Open review items of the absorbed records, `{id, status}` before the merge closes them."""
    repointed: list[dict[str, Any]]
    """Records absorbed earlier into an absorbed one, `{eid, mergedInto}` before they move."""

    def snapshot(self) -> dict[str, Any]:
        """What the Merge node keeps, so that `unmerge` can put everything back."""
        return {
            "version": 1,
            "survivor": {"id": self.survivor.id, "eid": self.survivor.eid, "changed": self.changed},
            "absorbed": self.absorbed_snapshots,
            "survivorRelationships": [
                {"type": e.type, "out": e.out, "other": e.other, "created": e.created, "entries": e.entries,
                 "lists": {k: encode(v) for k, v in e.lists.items()}, "set": e.set}
                for e in self.edges
            ],
            "reviews": self.reviews,
            "repointed": self.repointed,
        }

    def result(self) -> MergeResult:
        return MergeResult(id=self.id, survivor=self.survivor.id, absorbed=[x.id for x in self.absorbed],
                           moved=self.moved, united=self.united, conflicts=self.conflicts)


def _entries(props: dict[str, Any]) -> list[tuple[Any, Any, Any]]:
    lists = [props.get(k) or [] for k in ENTRY_LISTS]
    return [tuple(t) for t in zip_longest(*lists)]


def _set_entries(props: dict[str, Any], entries: list[tuple[Any, Any, Any]]) -> None:
    for i, key in enumerate(ENTRY_LISTS):
        props[key] = [e[i] for e in entries]


def _conflict(prop: str, merge_id: str, personal: bool, mine: tuple[Any, str, list[str]],
              theirs: tuple[Any, str, list[str]]) -> dict[str, Any]:
    """Two values of one property, each with its record and sources."""
    return {"property": prop, "merge": merge_id, "personal": personal,
            "values": [{"value": _plain(v), "record": r, "sources": s} for v, r, s in (mine, theirs)]}


def plan_merge(merge_id: str, survivor: NodeState, absorbed: list[NodeState],
               reviews: list[dict[str, Any]] | None = None,
               repointed: list[dict[str, Any]] | None = None) -> MergePlan:
    """What merging `absorbed` into `survivor` writes; reads and writes nothing (see the
    module docstring for the rules)."""
    s_props = survivor.props
    new_props = dict(s_props)
    aliases = list(s_props.get("aliases") or [s_props.get("name")])
    conflicts: list[dict[str, Any]] = json.loads(s_props.get("conflicts") or "[]")
    found: list[dict[str, Any]] = []
    for x in absorbed:
        for alias in [x.props.get("name"), *(x.props.get("aliases") or [])]:
            if alias and alias not in aliases:
                aliases.append(alias)
        for key, value in x.props.items():
            if key in OWN_PROPERTIES or value is None:
                continue
            if new_props.get(key) is None:
                new_props[key] = value
            elif new_props[key] != value:
                found.append(_conflict(key, merge_id, key in PERSONAL_PROPERTIES,
                                       (new_props[key], survivor.id, survivor.sources), (value, x.id, x.sources)))
    new_props["aliases"] = aliases

    # Relationships: the survivor's, by (type, direction, other end); the absorbed ones move onto them.
    s_edges: dict[tuple[str, bool, str], EdgePlan] = {}
    for rel in survivor.relationships:
        if rel["type"] not in STAFF_RELATIONSHIPS:
            s_edges.setdefault((rel["type"], rel["out"], rel["other"]),
                               EdgePlan(rel["type"], rel["out"], rel["other"], rel["rid"], dict(rel["props"]), False))
    touched: dict[tuple[str, bool, str], EdgePlan] = {}
    merged_eids = {survivor.eid, *(x.eid for x in absorbed)}
    delete: list[str] = []
    deleted: set[str] = set()
    snapshots: list[dict[str, Any]] = []
    moved = united = 0
    for x in absorbed:
        x_rels = []
        for rel in x.relationships:
            if rel["type"] in STAFF_RELATIONSHIPS or rel["rid"] in deleted:
                continue
            deleted.add(rel["rid"])
            delete.append(rel["rid"])
            x_rels.append({"type": rel["type"], "out": rel["out"], "other": rel["other"],
                           "otherId": rel["otherId"], "props": {k: encode(v) for k, v in rel["props"].items()}})
            if rel["other"] in merged_eids:
                continue  # an edge between two of the merged records would loop on the survivor
            moved += 1
            key = (rel["type"], rel["out"], rel["other"])
            edge = s_edges.get(key)
            if edge is None:
                props = rel["props"]
                edge = s_edges[key] = touched[key] = EdgePlan(
                    rel["type"], rel["out"], rel["other"], None, dict(props), True,
                    entries=[list(e) for e in _entries(props)],
                    lists={k: list(v) for k, v in props.items() if isinstance(v, list) and k not in ENTRY_LISTS},
                    set=[k for k, v in props.items() if not isinstance(v, list)])
                continue
            united += 1
            touched[key] = edge
            _unite(edge, rel, merge_id, survivor.id, x.id, found)
        snapshots.append({"id": x.id, "eid": x.eid, "labels": x.labels,
                          "props": {k: encode(v) for k, v in x.props.items()}, "relationships": x_rels})
    conflicts += found
    if conflicts:
        new_props["conflicts"] = json.dumps(conflicts, ensure_ascii=False)

    written = ("updatedAt", "updatedBy", "aliasText")  # set by apply_merge, always
    changed = {k: encode(s_props.get(k)) for k in set(new_props) | set(written)
               if new_props.get(k) != s_props.get(k) or k in written}
    return MergePlan(
        id=merge_id, survivor=survivor, absorbed=absorbed,
        props={k: v for k, v in new_props.items() if k in changed}, changed=changed,
        delete=delete, edges=list(touched.values()), absorbed_snapshots=snapshots, conflicts=found,
        moved=moved, united=united, reviews=list(reviews or []), repointed=list(repointed or []),
    )


def _unite(edge: EdgePlan, rel: dict[str, Any], merge_id: str, survivor_id: str, absorbed_id: str,
           conflicts: list[dict[str, Any]]) -> None:
    """One fact both records had: one edge, with the union of their source entries."""
    props = edge.props
    have = _entries(props)
    added = [e for e in _entries(rel["props"]) if e not in have]
    if added:
        _set_entries(props, have + added)
        edge.entries += [list(e) for e in added]
    for k, v in rel["props"].items():
        if k in ENTRY_LISTS:
            continue
        if isinstance(v, list):
            extra = [item for item in v if item not in (props.get(k) or [])]
            if extra:
                props[k] = list(props.get(k) or []) + extra
                edge.lists.setdefault(k, []).extend(extra)
        elif props.get(k) is None:
            props[k] = v
            edge.set.append(k)
        elif props[k] != v and k not in ("createdAt", "updatedAt"):
            conflicts.append(_conflict(
                f"{rel['type']}{'→' if rel['out'] else '←'}{rel['otherId']}.{k}", merge_id, False,
                (props[k], survivor_id, props.get("sourceIds") or []),
                (v, absorbed_id, rel["props"].get("sourceIds") or [])))


# ---------------------------------------------------------------- merge


def merge(db: Database, ids: list[str], who: str, survivor: str | None = None) -> MergeResult:
    """Merge the records into the first (or `survivor`); see the module docstring."""
    wanted = list(dict.fromkeys(i for i in ids if i))
    if len(wanted) < 2:
        raise InvalidRequest("a merge needs at least two record ids")
    if survivor is not None and survivor not in wanted:
        wanted.insert(0, survivor)
    first = survivor or wanted[0]
    return db.write_tx(lambda tx: merge_in(tx, wanted, first, who or "unknown"), timeout=300)


def merge_in(tx: Tx, ids: list[str], first: str, who: str) -> MergeResult:
    """A merge inside a transaction already open (a judgement that merges): read (under
    locks), plan, write."""
    current = lock_and_resolve(tx, ids)
    survivor_id = current[first]
    absorbed_ids = [t for t in dict.fromkeys(current[i] for i in ids) if t != survivor_id]
    if not absorbed_ids:
        raise InvalidRequest(f"{', '.join(ids)} are already one record: {survivor_id}")
    check_not_different(tx, [survivor_id, *absorbed_ids], requested=ids)
    survivor = _read_node(tx, survivor_id)
    absorbed = [_read_node(tx, x) for x in absorbed_ids]
    _check_mergeable(tx, survivor, absorbed)
    reviews = tx.run(
        "UNWIND $eids AS eid MATCH (i:ReviewItem)-[:CANDIDATE]->(n) WHERE elementId(n) = eid "
        "  AND i.status IN ['open', 'unsure'] "
        "RETURN DISTINCT i.id AS id, i.status AS status",
        eids=[x.eid for x in absorbed],
    )
    repointed = tx.run(
        "UNWIND $ids AS id MATCH (y:Absorbed {mergedInto: id}) RETURN elementId(y) AS eid, id AS mergedInto",
        ids=absorbed_ids,
    )
    plan = plan_merge(f"merge_{uuid.uuid4().hex[:12]}", survivor, absorbed, reviews, repointed)
    apply_merge(tx, plan, who, requested=ids)
    return plan.result()


def _read_node(tx: Tx, node_id: str) -> NodeState:
    label = label_of(node_id) or "Person"
    rows = tx.run(
        f"MATCH (n:{label} {{id: $id}}) "
        "RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props, "
        "  [(s)-[:MENTIONS]->(n) | s.id] AS sources",
        id=node_id,
    )
    if not rows:
        raise NotFound(f"no record with id {node_id}")
    row = rows[0]
    relationships = tx.run(
        "MATCH (n) WHERE elementId(n) = $eid "
        "MATCH (n)-[r]-(o) "
        "RETURN DISTINCT elementId(r) AS rid, type(r) AS type, elementId(startNode(r)) = $eid AS out, "
        "       elementId(o) AS other, o.id AS otherId, properties(r) AS props",
        eid=row["eid"],
    )
    return NodeState(row["eid"], row["labels"], row["props"], relationships, sorted(row["sources"]))


def _check_mergeable(tx: Tx, survivor: NodeState, absorbed: list[NodeState]) -> None:
    s_labels = [l for l in survivor.labels if l in ENTITY_LABELS]
    for x in absorbed:
        x_labels = [l for l in x.labels if l in ENTITY_LABELS]
        if x_labels != s_labels:
            raise InvalidRequest(f"{x.id} is a {'/'.join(x_labels)}, {survivor.id} a {'/'.join(s_labels)}: "
                                 "only records of one kind merge")
    if "Unit" in s_labels:
        nested = tx.run("MATCH (a:Unit)-[:PART_OF*1..6]->(b:Unit) WHERE a.id IN $ids AND b.id IN $ids "
                        "RETURN a.id AS child, b.id AS parent LIMIT 1", ids=[survivor.id, *(x.id for x in absorbed)])
        if nested:
            raise Blocked(f"{nested[0]['child']} is part of {nested[0]['parent']}: "
                          "a unit and its parent stay two records, linked by PART_OF")


def apply_merge(tx: Tx, plan: MergePlan, who: str, requested: list[str]) -> None:
    """Writes a plan: nothing here decides anything."""
    tx.run("UNWIND $rids AS rid MATCH ()-[r]->() WHERE elementId(r) = rid DELETE r", rids=plan.delete)
    s_eid = plan.survivor.eid
    new_edges: dict[str, list[dict[str, Any]]] = {}
    for e in plan.edges:
        if e.rid is None:
            start, end = (s_eid, e.other) if e.out else (e.other, s_eid)
            new_edges.setdefault(e.type, []).append({"a": start, "b": end, "props": e.props})
    for rel_type, rows in new_edges.items():
        tx.run(f"UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a MATCH (b) WHERE elementId(b) = row.b "
               f"CREATE (a)-[r:{_safe(rel_type)}]->(b) SET r = row.props", rows=rows)
    tx.run("UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.rid SET r = row.props",
           rows=[{"rid": e.rid, "props": e.props} for e in plan.edges if e.rid is not None])
    tx.run("MATCH (n) WHERE elementId(n) = $eid SET n += $props, n.updatedAt = datetime(), n.updatedBy = $who "
           f"SET n.aliasText = {entities.alias_text()}",
           eid=s_eid, props=plan.props, who=who)
    # The absorbed records become Absorbed, pointing at the survivor.
    for x in plan.absorbed:
        labels = ":".join(_safe(l) for l in x.labels if l != "Absorbed")
        tx.run(f"MATCH (n) WHERE elementId(n) = $eid REMOVE n:{labels} SET n:Absorbed, "
               "n.mergedInto = $survivor, n.mergeId = $merge",
               eid=x.eid, survivor=plan.survivor.id, merge=plan.id)
    # Records absorbed earlier into an absorbed one now point at the survivor: every absorbed
    # id resolves in one hop (the undo points them back).
    tx.run("UNWIND $eids AS eid MATCH (y:Absorbed) WHERE elementId(y) = eid SET y.mergedInto = $survivor",
           eids=[r["eid"] for r in plan.repointed], survivor=plan.survivor.id)
    # Review items of the absorbed records are settled by the merge.
    tx.run("UNWIND $ids AS id MATCH (i:ReviewItem {id: id}) SET i.closedBy = $merge, i.status = 'closed'",
           ids=[r["id"] for r in plan.reviews], merge=plan.id)
    # `at` is taken now, after the locks: merges over the same records are ordered by it.
    tx.run(
        "CREATE (m:Merge {id: $id, who: $who, at: datetime.realtime(), survivor: $survivor, absorbed: $absorbed, "
        "  requested: $requested, snapshot: $snapshot, undone: false})",
        id=plan.id, who=who, survivor=plan.survivor.id, absorbed=[x.id for x in plan.absorbed],
        requested=requested, snapshot=json.dumps(plan.snapshot(), ensure_ascii=False),
    )


# ---------------------------------------------------------------- unmerge


def unmerge(db: Database, merge_id: str, who: str) -> UnmergeResult:
    """Undo one merge; see the module docstring."""
    from graph.dedupe.candidates import rescore

    result = db.write_tx(lambda tx: _unmerge(tx, merge_id, who or "unknown"), timeout=300)
    rescore(db, [Pair(result.survivor, x) for x in result.restored])
    return result


def _unmerge(tx: Tx, merge_id: str, who: str) -> UnmergeResult:
    rows = tx.run("MATCH (m:Merge {id: $id}) SET m._lock = true REMOVE m._lock "
                  "RETURN m.survivor AS survivor, m.absorbed AS absorbed, m.snapshot AS snapshot, "
                  "       m.undone AS undone, m.at AS at, m.requested AS requested", id=merge_id)
    if not rows:
        raise InvalidRequest(f"no merge with id {merge_id}")
    m = rows[0]
    if m["undone"]:
        raise Blocked(f"merge {merge_id} was already undone")
    snapshot = json.loads(m["snapshot"])
    survivor_id = m["survivor"]
    lock_nodes(tx, [survivor_id, *m["absorbed"]])
    later = tx.run("MATCH (l:Merge) WHERE l.undone = false AND l.at > $at "
                   "AND (l.survivor IN $ids OR any(a IN l.absorbed WHERE a IN $ids)) "
                   "RETURN l.id AS id ORDER BY l.at DESC",
                   at=m["at"], ids=[survivor_id, *m["absorbed"]])
    if later:
        raise Blocked(f"merge {later[0]['id']} came later over these records; undo it first")
    state = tx.run(
        "UNWIND $eids AS eid MATCH (n) WHERE elementId(n) = eid "
        "RETURN eid, labels(n) AS labels, n.mergedInto AS mergedInto",
        eids=[snapshot["survivor"]["eid"], *(x["eid"] for x in snapshot["absorbed"])],
    )
    by_eid = {r["eid"]: r for r in state}
    s_state = by_eid.get(snapshot["survivor"]["eid"])
    if s_state is None or "Absorbed" in s_state["labels"]:
        raise Blocked(f"survivor {survivor_id} is gone or merged away; undo that merge first")
    for x in snapshot["absorbed"]:
        xs = by_eid.get(x["eid"])
        if xs is None or "Absorbed" not in xs["labels"] or xs["mergedInto"] != survivor_id:
            raise Blocked(f"{x['id']} is no longer merged into {survivor_id}; cannot undo {merge_id}")

    # Take off the survivor's edges what the merge put there.
    # Edges are found by (type, direction, other end), not by element id: an undo of a later
    # merge recreates them with new element ids.
    s_eid = snapshot["survivor"]["eid"]
    for edge in snapshot["survivorRelationships"]:
        start, end = (s_eid, edge["other"]) if edge["out"] else (edge["other"], s_eid)
        found = tx.run(f"MATCH (a)-[r:{_safe(edge['type'])}]->(b) WHERE elementId(a) = $a AND elementId(b) = $b "
                       "RETURN elementId(r) AS rid, properties(r) AS props LIMIT 1", a=start, b=end)
        if not found:
            continue
        rid = found[0]["rid"]
        props = dict(found[0]["props"])
        entries = _entries(props)
        for added in reversed([tuple(e) for e in edge["entries"]]):
            for i in range(len(entries) - 1, -1, -1):
                if entries[i] == added:
                    del entries[i]
                    break
        if any(k in props for k in ENTRY_LISTS):
            _set_entries(props, entries)
        for k, values in edge["lists"].items():
            remaining = list(props.get(k) or [])
            for v in decode(values):
                if v in remaining:
                    remaining.reverse()
                    remaining.remove(v)
                    remaining.reverse()
            props[k] = remaining
        for k in edge["set"]:
            props.pop(k, None)
        lists_left = [v for v in props.values() if isinstance(v, list)]
        if edge["created"] and all(not v for v in lists_left):
            tx.run("MATCH ()-[r]->() WHERE elementId(r) = $rid DELETE r", rid=rid)
        else:
            tx.run("MATCH ()-[r]->() WHERE elementId(r) = $rid SET r = $props", rid=rid, props=props)

    # The survivor's changed properties go back (absent ones are removed: null in +=).
    tx.run("MATCH (n) WHERE elementId(n) = $eid SET n += $props",
           eid=snapshot["survivor"]["eid"], props={k: decode(v) for k, v in snapshot["survivor"]["changed"].items()})

    # The absorbed records come back as they were, with their own relationships.
    for x in snapshot["absorbed"]:
        labels = ":".join(_safe(l) for l in x["labels"])
        tx.run(f"MATCH (n) WHERE elementId(n) = $eid REMOVE n:Absorbed SET n:{labels} SET n = $props",
               eid=x["eid"], props={k: decode(v) for k, v in x["props"].items()})
        for rel in x["relationships"]:
            start, end = (x["eid"], rel["other"]) if rel["out"] else (rel["other"], x["eid"])
            tx.run(f"MATCH (a) WHERE elementId(a) = $a MATCH (b) WHERE elementId(b) = $b "
                   f"CREATE (a)-[r:{_safe(rel['type'])}]->(b) SET r = $props",
                   a=start, b=end, props={k: decode(v) for k, v in rel["props"].items()})

    for earlier in snapshot.get("repointed", []):
        tx.run("MATCH (y:Absorbed) WHERE elementId(y) = $eid SET y.mergedInto = $into",
               eid=earlier["eid"], into=earlier["mergedInto"])
    for review in snapshot["reviews"]:
        tx.run("MATCH (i:ReviewItem {id: $id}) SET i.status = $status REMOVE i.closedBy",
               id=review["id"], status=review["status"])
    tx.run("MATCH (m:Merge {id: $id}) SET m.undone = true, m.undoneBy = $who, m.undoneAt = datetime.realtime()",
           id=merge_id, who=who)
    restored = [x["id"] for x in snapshot["absorbed"]]
    _requeue(tx, merge_id, survivor_id, restored, m.get("requested") or [])
    return UnmergeResult(merge_id=merge_id, survivor=survivor_id, restored=restored)


def _requeue(tx: Tx, merge_id: str, survivor_id: str, restored: list[str], requested: list[str]) -> None:
    """The undone pairs back in the open queue, with their history (see the module docstring)."""
    ids = list(dict.fromkeys([survivor_id, *restored, *requested]))
    tx.run("UNWIND $keys AS k MATCH (j:Judgement {pairKey: k}) WHERE j.current AND j.verdict = $same "
           "SET j.current = false, j.supersededBy = $merge, j.supersededAt = datetime.realtime()",
           keys=[Pair(x, y).key for x, y in combinations(ids, 2)], same=Verdict.SAME.value, merge=merge_id)
    label = label_of(survivor_id) or "Person"
    tx.run(
        f"UNWIND $rows AS row MATCH (a:{label} {{id: row.a}}) MATCH (b:{label} {{id: row.b}}) "
        "MERGE (i:ReviewItem {id: row.id}) "
        "ON CREATE SET i.type = $label, i.origin = 'unmerge', i.createdAt = datetime(), i.score = 0.0, "
        "  i.reasons = '[]' "
        "SET i.status = 'open', i.reopenedBy = $merge, i.reopenedAt = datetime() "
        "REMOVE i.closedBy, i.verdict, i.judgement "
        "MERGE (i)-[:CANDIDATE]->(a) MERGE (i)-[:CANDIDATE]->(b)",
        rows=[{"id": Pair(survivor_id, x).review_id, "a": survivor_id, "b": x} for x in restored],
        label=label, merge=merge_id,
    )


# ---------------------------------------------------------------- reading merges


def merge_record(db: Database, merge_id: str) -> dict[str, Any] | None:
    rows = db.read("MATCH (m:Merge {id: $id}) RETURN m.id AS id, m.who AS who, m.at AS at, m.survivor AS survivor, "
                   "m.absorbed AS absorbed, m.undone AS undone, m.undoneBy AS undoneBy, m.undoneAt AS undoneAt",
                   id=merge_id)
    return rows[0] if rows else None


def resolve_id(db: Database, node_id: str) -> str | None:
    """The id a client holds, followed to the record that now carries it (None if unknown)."""
    try:
        return db.read_tx(lambda tx: resolve_survivors(tx, [node_id]))[node_id]
    except NotFound:
        return None
