"""A person as matching sees it, and the blocking that finds a person's candidates.

`context(p)` is the one definition of a person's matching context, read by a small load, a
bulk load, the incremental check and `kg dedupe scan` alike, so each scores a pair on the
same evidence (graph/dedupe/records.py builds the record from these columns; a source's
own people are built from its facts into the same columns):

    id, name, aliases, gender, birthYear, birthDate (as written: matching reads its month),
    units    names of the units the person WORKS_AT
    honors   [honor name, year] of each RECEIVED
    regions  the person's own region, the regions their units are LOCATED_IN, and the
             regions they were ASSIGNED_TO (挂职)
    studios  names of the studios they LEAD or are a MEMBER_OF
    mentors  names of the people who MENTOR them

A block is capped (CANDIDATES_PER_KEY per key, in the graph's node order), so a name hundreds
of people carry still costs a person twenty scores. The true match of a common name is then
often beyond the cap; `blocks` therefore also asks for the carriers of the name's sound who
work at one of the person's units (`unitKeys`), as the scan's name-with-unit keys do
(graph/dedupe/blocking.py).
"""
from __future__ import annotations

CANDIDATES_PER_KEY = 20
"""At most this many candidates per blocking key and person (the most common names)."""


def context(p: str = "p") -> str:
    """The RETURN columns of a person's matching context (see the module docstring)."""
    return (
        f"{p}.id AS id, {p}.name AS name, {p}.aliases AS aliases, {p}.gender AS gender, "
        f"{p}.birthYear AS birthYear, {p}.birthDate AS birthDate, "
        f"[({p})-[:WORKS_AT]->(u:Unit) | u.name] AS units, "
        f"[({p})-[r:RECEIVED]->(h:Honor) | [h.name, r.year]] AS honors, "
        f"[x IN [{p}.region] WHERE x IS NOT NULL] "
        f"+ [({p})-[:WORKS_AT]->(:Unit)-[:LOCATED_IN]->(g:Region) | g.name] "
        f"+ [({p})-[:ASSIGNED_TO]->(g:Region) | g.name] AS regions, "
        f"[({p})-[:LEADS|MEMBER_OF]->(s:Studio) | s.name] AS studios, "
        f"[(m:Person)-[:MENTORS]->({p}) | m.name] AS mentors"
    )


def blocks(q: str = "q", also: str = "") -> str:
    """A subquery body returning `p` (and `also`, extra RETURN columns): the people sharing a
    blocking key with the query row `q` {nameKey, pinyin, initials, surname, unitKeys} — the
    exact name (or a spelling merged away), the toneless pinyin, the initials with the
    surname, and the name's sound at one of q's units (a common name's carriers beyond the
    cap who work where this person works)."""
    ret = f"RETURN p{also} LIMIT {CANDIDATES_PER_KEY}"
    return (  # each lookup names its index: a plan made on a small graph may scan it (graph/resolve.py)
        f"MATCH (p:Person:Entity {{nameKey: {q}.nameKey}}) USING INDEX SEEK p:Entity(nameKey) {ret} "
        f"UNION MATCH (x:Absorbed {{nameKey: {q}.nameKey}}) USING INDEX SEEK x:Absorbed(nameKey) "
        f"MATCH (p:Person {{id: x.mergedInto}}) USING INDEX SEEK p:Person(id) {ret} "
        f"UNION MATCH (p:Person:Entity {{pinyin: {q}.pinyin}}) USING INDEX SEEK p:Entity(pinyin) {ret} "
        f"UNION MATCH (p:Person:Entity {{initials: {q}.initials}}) USING INDEX SEEK p:Entity(initials) "
        f"WHERE p.surname = {q}.surname {ret} "
        # a list of p's own units, not a pattern: a pattern lets a small graph's plan scan every Unit
        f"UNION MATCH (p:Person:Entity {{pinyin: {q}.pinyin}}) USING INDEX SEEK p:Entity(pinyin) "
        f"WHERE any(k IN [(p)-[:WORKS_AT]->(u:Unit) | u.unitKey] WHERE k IN {q}.unitKeys) {ret}"
    )
