"""The output: an `Extraction` (graph/facts.py) of typed entities with their spans in the
original text and facts with evidence, as `kg extract --format json` and the writer take
it; and a plain listing for people (`kg extract` without --format json)."""
from __future__ import annotations

from graph.extract.document import Document
from graph.extract.facts.projects import add_outcomes
from graph.extract.lexicons import TEAM_HEADS
from graph.facts import Entity, Extraction

_ENTITY_PROPS = ("kind", "level", "recipient_kind", "curated")
"""The mention properties an entity carries; the rest (leader, parent, byline …) are the rules' own."""


def to_extraction(doc: Document) -> Extraction:
    """One entity per (type, name) with every span of it, in order of first mention; then
    the entities only a fact names (a parent unit implied by a child's name)."""
    entities: dict[tuple[str, str], Entity] = {}
    for m in doc.mentions:
        if m.anaphor or m.props.get("unnamed"):
            continue
        ent = entities.get((m.type, m.name))
        if ent is None:
            props = {k: v for k, v in m.props.items() if v is not None and k in _ENTITY_PROPS}
            if m.type == "Unit" and m.name.endswith(TEAM_HEADS):
                props["kind"] = "team"  # DESIGN: a team is a Unit of kind team, PART_OF its unit
            ent = entities[(m.type, m.name)] = Entity(m.type, m.name, props=props)
        ent.spans.append(doc.orig_span(m.start, m.end))
    for f in doc.facts:
        for r in (f.subject, f.object):
            if (r.type, r.name) not in entities:
                entities[(r.type, r.name)] = Entity(r.type, r.name)
    add_outcomes(doc, entities)
    return Extraction(entities=list(entities.values()), facts=doc.facts, aggregates=doc.aggregates)


def extraction_to_text(ex: Extraction) -> str:
    """A listing for people: entities by type, then facts with year and evidence, then counts."""
    lines: list[str] = []
    by_type: dict[str, list[Entity]] = {}
    for ent in ex.entities:
        by_type.setdefault(ent.type, []).append(ent)
    for type_ in ("Person", "Unit", "Honor", "Studio", "Project", "Village", "Region"):
        ents = by_type.get(type_, [])
        if ents:
            lines.append(f"{type_} ({len(ents)}): " + "、".join(e.name for e in ents))
    lines.append("")
    lines.append(f"Facts ({len(ex.facts)}):")
    for f in ex.facts:
        year = f" [{f.year}]" if f.year else ""
        lines.append(f"  {f.type:16} {f.subject.name} → {f.object.name}{year}")
        lines.append(f"  {'':16} «{f.evidence}» ({f.start}-{f.end})")
    if ex.aggregates:
        lines.append("")
        lines.append(f"Counts ({len(ex.aggregates)}):")
        for a in ex.aggregates:
            where = a.region or "?"
            year = a.year or "?"
            lines.append(f"  {a.count} × {a.honor} ({a.recipient_kind}, {where}, {year})")
    return "\n".join(lines)
