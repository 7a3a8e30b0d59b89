"""Staff judgements about pairs of records: data that lasts and is never overwritten.

A judgement says of two node ids that they are the `same`, `different`, or that staff
are `unsure`. It is a node, `(:Judgement {id, pairKey, a, b, verdict, note, who, at,
current})-[:ABOUT]->(a), (b)`; a later judgement of the same pair supersedes the earlier
one (which keeps existing with `current = false`), so the history of a decision stays
readable.

Judgements are pinned to the ids staff saw, never moved by a merge. What a judgement
blocks is therefore computed over clusters: a node's cluster is the node itself and every
node absorbed into it, directly or through a chain. A current `different` judgement
between any member of one cluster and any member of another blocks merging the two, so
`A ≠ C` also stops merging A with B once C was merged into B.
"""
from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from typing import Any

from graph.cypher import nodes
from graph.db import Database, Tx
from graph.dedupe.pairs import Pair, Verdict
from graph.identity import label_of
from graph.errors import Blocked, InvalidRequest, NotFound

MAX_CHAIN = 50


class MergeBlocked(Blocked):
    """Staff judged two of the records different (directly or through merged records);
    `judgements` are the rows that block."""

    def __init__(self, message: str, judgements: list[dict[str, Any]]) -> None:
        super().__init__(message)
        self.judgements = judgements


@dataclass
class Judgement:
    id: str
    a: str
    b: str
    verdict: str
    note: str | None
    who: str
    at: str
    current: bool
    merge_id: str | None = None
    """The merge made in the same step (judge … same with merge), if any."""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Judgement":
        at = row["at"]
        return cls(id=row["id"], a=row["a"], b=row["b"], verdict=row["verdict"], note=row.get("note"),
                   who=row["who"], at=at.iso_format() if hasattr(at, "iso_format") else str(at),
                   current=row["current"])


JUDGEMENT = ("j.id AS id, j.a AS a, j.b AS b, j.verdict AS verdict, j.note AS note, "
             "j.who AS who, j.at AS at, j.current AS current")
"""The columns a Judgement is read from."""


# ---------------------------------------------------------------- clusters


def find_nodes(tx: Tx, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Each id's node, entity or Absorbed: {id: {labels, mergedInto}} (unknown ids left out)."""
    by_label: dict[str, list[str]] = {}
    for node_id in ids:
        label = label_of(node_id)
        if label:
            by_label.setdefault(label, []).append(node_id)
    found: dict[str, dict[str, Any]] = {}
    for label, label_ids in by_label.items():
        rows = tx.run(
            "UNWIND $ids AS id "
            f"CALL (id) {{ {nodes.node_or_absorbed('id', [label])} }} "
            "RETURN n.id AS id, labels(n) AS labels, n.mergedInto AS mergedInto, n.name AS name",
            ids=label_ids,
        )
        for row in rows:
            found[row["id"]] = row
    return found


def lock_nodes(tx: Tx, ids: list[str]) -> None:
    """Takes the write lock of each node (entity or Absorbed) for the rest of the transaction,
    in id order, so that two transactions over overlapping records run one after the other."""
    for node_id in sorted(set(ids)):
        tx.run("CALL () { " + nodes.node_or_absorbed("$id", {label_of(node_id)}) + " } SET n._lock = true REMOVE n._lock",
               id=node_id)


def resolve_survivors(tx: Tx, ids: list[str]) -> dict[str, str]:
    """Each id's current node: itself, or the survivor its merge chain ends in."""
    current = {i: i for i in ids}
    pending = set(ids)
    for _ in range(MAX_CHAIN):
        if not pending:
            break
        found = find_nodes(tx, sorted({current[i] for i in pending}))
        still = set()
        for i in pending:
            node = found.get(current[i])
            if node is None:
                raise NotFound(f"no record with id {i}")
            if "Absorbed" in node["labels"]:
                current[i] = node["mergedInto"]
                still.add(i)
        pending = still
    return current


def lock_and_resolve(tx: Tx, ids: list[str]) -> dict[str, str]:
    """Locks the records and the survivors they resolve to, re-reading until nothing moved:
    whatever changes these clusters (a merge, a judgement) then waits for this transaction."""
    lock_nodes(tx, ids)
    current = resolve_survivors(tx, ids)
    for _ in range(MAX_CHAIN):
        lock_nodes(tx, list(current.values()))
        again = resolve_survivors(tx, ids)
        if again == current:
            return current
        current = again
    raise Blocked("the records keep changing under this change; try again")


def cluster_members(tx: Tx, survivor_ids: list[str]) -> dict[str, set[str]]:
    """Each survivor with every id absorbed into it, through chains of merges."""
    members = {s: {s} for s in survivor_ids}
    owner = {s: s for s in survivor_ids}
    frontier = list(survivor_ids)
    for _ in range(MAX_CHAIN):
        if not frontier:
            break
        rows = tx.run(
            "UNWIND $ids AS id MATCH (x:Absorbed {mergedInto: id}) RETURN x.id AS id, x.mergedInto AS into",
            ids=frontier,
        )
        frontier = []
        for row in rows:
            if row["id"] in owner:
                continue
            owner[row["id"]] = owner[row["into"]]
            members[owner[row["into"]]].add(row["id"])
            frontier.append(row["id"])
    return members


def blocking_judgements(tx: Tx, clusters: list[set[str]]) -> list[dict[str, Any]]:
    """Current `different` judgements between members of two different clusters."""
    keys = sorted({
        Pair(x, y).key
        for c1, c2 in itertools.combinations(clusters, 2)
        for x in c1 for y in c2
    })
    if not keys:
        return []
    return tx.run(
        "UNWIND $keys AS k MATCH (j:Judgement {pairKey: k}) "
        "WHERE j.current AND j.verdict = $different RETURN " + JUDGEMENT,
        keys=keys, different=Verdict.DIFFERENT.value,
    )


def check_not_different(tx: Tx, survivor_ids: list[str], requested: list[str] | None = None) -> None:
    """Raise MergeBlocked if staff said any two of these clusters are different records
    (`requested`: the ids staff asked to merge, to say whether the block came through a chain)."""
    clusters = cluster_members(tx, survivor_ids)
    found = blocking_judgements(tx, [clusters[s] for s in survivor_ids])
    if found:
        j = found[0]
        via = "" if {j["a"], j["b"]} <= set(requested or survivor_ids) else " (through merged records)"
        raise MergeBlocked(
            f"{j['who']} judged {j['a']} and {j['b']} different{via}"
            + (f": {j['note']}" if j.get("note") else "")
            + "; judge them again to change that",
            found,
        )


# ---------------------------------------------------------------- judging


def judge(db: Database, a: str, b: str, verdict: Verdict | str, note: str | None, who: str,
          merge: bool = False) -> Judgement:
    """Record staff's verdict on a pair; the previous judgement of the pair is superseded.

    Open review items between the two clusters are settled: closed for same/different,
    marked `unsure` otherwise. A `different` verdict is refused for two ids that are already
    one node: unmerge first. With `merge`, a `same` verdict also merges b into a, in the same
    transaction (the judgement's `merge_id` names the merge; undo it with unmerge).
    """
    verdict = Verdict.of(verdict)
    if a == b:
        raise InvalidRequest("a record cannot be judged against itself")
    if merge and verdict is not Verdict.SAME:
        raise InvalidRequest("only a `same` verdict can merge the pair")
    who = who or "unknown"

    def work(tx: Tx) -> Judgement:
        found = find_nodes(tx, [a, b])
        for node_id in (a, b):
            if node_id not in found:
                raise NotFound(f"no record with id {node_id}")
        # Locks both records and their survivors: a merge over the same clusters waits.
        survivors = lock_and_resolve(tx, [a, b])
        if verdict is Verdict.DIFFERENT and survivors[a] == survivors[b]:
            raise Blocked(f"{a} and {b} are merged into {survivors[a]}; unmerge them before judging them different")
        key = Pair(a, b).key
        tx.run("MATCH (j:Judgement {pairKey: $key}) WHERE j.current SET j.current = false", key=key)
        row = tx.run(
            "CREATE (j:Judgement {id: $id, pairKey: $key, a: $a, b: $b, verdict: $verdict, note: $note, "
            "  who: $who, at: datetime.realtime(), current: true}) "
            "WITH j "
            "UNWIND $nodes AS nid "
            "CALL (nid) { " + nodes.node_or_absorbed("nid", {label_of(a), label_of(b)}) + " } "
            "MERGE (j)-[:ABOUT]->(n) "
            "WITH DISTINCT j RETURN " + JUDGEMENT,
            id=f"judgement_{uuid.uuid4().hex[:12]}", key=key, a=a, b=b, nodes=[a, b], verdict=verdict.value,
            note=note, who=who,
        )[0]
        settle_reviews(tx, survivors[a], survivors[b], verdict, row["id"])
        judgement = Judgement.from_row(row)
        if merge and survivors[a] != survivors[b]:
            from graph.dedupe.merge import merge_in

            judgement.merge_id = merge_in(tx, [a, b], a, who).id
        return judgement

    return db.write_tx(work, timeout=300 if merge else None)


def settle_reviews(tx: Tx, a: str, b: str, verdict: Verdict, judgement_id: str) -> None:
    """Review items between the two current nodes follow the judgement."""
    status = "unsure" if verdict is Verdict.UNSURE else "closed"
    tx.run(
        "MATCH (i:ReviewItem)-[:CANDIDATE]->(:Person|Unit {id: $a}) "
        "MATCH (i)-[:CANDIDATE]->(:Person|Unit {id: $b}) "
        "WHERE i.status IN ['open', 'unsure'] "
        "SET i.status = $status, i.verdict = $verdict, i.judgement = $judgement, i.closedAt = datetime()",
        a=a, b=b, status=status, verdict=verdict.value, judgement=judgement_id,
    )


def judgements_of(db: Database, a: str, b: str | None = None) -> list[Judgement]:
    """The history of judgements about a pair (or about one id), newest first."""
    if b is not None:
        rows = db.read(
            "MATCH (j:Judgement {pairKey: $key}) RETURN " + JUDGEMENT + " ORDER BY j.at DESC",
            key=Pair(a, b).key,
        )
    else:
        rows = db.read(
            "MATCH (j:Judgement) WHERE j.a = $id OR j.b = $id RETURN " + JUDGEMENT + " ORDER BY j.at DESC",
            id=a,
        )
    return [Judgement.from_row(r) for r in rows]


def judged_pairs(db: Database, verdicts: tuple[Verdict, ...] = (Verdict.SAME, Verdict.DIFFERENT)) -> set[str]:
    """Pair keys with a current judgement of one of these verdicts (never suggested again)."""
    rows = db.read(
        "MATCH (j:Judgement) WHERE j.current AND j.verdict IN $verdicts RETURN j.pairKey AS key",
        verdicts=[v.value for v in verdicts],
    )
    return {r["key"] for r in rows}


def blocked_between(db: Database, a: str, b: str) -> list[Judgement]:
    """The `different` judgements that stop merging a and b (directly or through chains)."""

    def work(tx: Tx) -> list[Judgement]:
        survivors = resolve_survivors(tx, [a, b])
        if survivors[a] == survivors[b]:
            return []
        clusters = cluster_members(tx, [survivors[a], survivors[b]])
        return [Judgement.from_row(r) for r in blocking_judgements(tx, [clusters[survivors[a]], clusters[survivors[b]]])]

    return db.read_tx(work)
