"""The request's DataLoaders, one attribute each: every field of one nesting level shares one
Cypher statement. A request runs on its own thread (api/request_thread.py), so a batch calls
graph/ directly. Reached as `info.context.loaders.links` (made on first use, per request)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from functools import cached_property
from typing import Any, Generic, TypeVar

from strawberry.dataloader import DataLoader
from strawberry.types.nodes import Selection, SelectedField

from api.limits import page_size
from graph import read
from graph.db import Database
from graph.vocabulary import ENTITY_LABELS, FACT_TYPES, PERSONAL_PROPERTIES

FIELD_FACTS: dict[str, tuple[str, ...]] = {
    "mentors": ("MENTORS",), "mentees": ("MENTORS",), "honors": ("RECEIVED",), "recipients": ("RECEIVED",),
    "units": ("WORKS_AT", "HOSTED_BY"), "studios": ("LEADS", "MEMBER_OF", "HOSTED_BY"),
    "projects": ("PARTICIPATES_IN", "SERVES"), "villages": ("SERVES", "ASSIGNED_TO"),
    "assignments": ("ASSIGNED_TO",), "people": ("WORKS_AT", "SERVES", "ASSIGNED_TO"),
    "parents": ("PART_OF", "LOCATED_IN"), "parts": ("PART_OF",), "children": ("PART_OF",),
    "leaders": ("LEADS",), "members": ("MEMBER_OF",), "participants": ("PARTICIPATES_IN",),
    "regions": ("LOCATED_IN",), "located": ("LOCATED_IN",), "assigned": ("ASSIGNED_TO",),
    "links": FACT_TYPES, "timeline": FACT_TYPES,
}
"""The kinds of facts a field of any entity type shows (api/types.py): what a looked-up
entity's page reads. A field that shows a kind not listed reads it in a statement of its own
(`Loaders._facts`): an omission here costs a statement, never a fact."""

# Which parts of a node's page (graph/read.py PAGE_PARTS) each GraphQL field of an entity reads;
# a field not named here reads only the node itself. Used to ask a looked-up node for exactly
# what the document wants of it, in one statement (`Loaders.page`).
FIELD_PARTS: dict[str, tuple[str, ...]] = {
    **{name: ("links",) for name in FIELD_FACTS},
    "colleagues": ("colleagues",),
    "mentions": ("mentions",),
    "externalIds": ("externalIds",),
    "timeline": ("links", "mentions"),
}


WHOLE_PERSON_FIELDS: frozenset[str] = PERSONAL_PROPERTIES | {"centrality", "community"}
"""Fields of a Person read from stored properties besides its own (api/types.py Person: the
personal ones, and what `kg analyze` stores): colleagues shown with one of them are read whole."""


def _selected(selections: list[Selection]) -> Iterator[SelectedField]:
    """A node's selected fields, fragments included."""
    for s in selections:
        if isinstance(s, SelectedField):
            yield s
        else:  # a fragment: its selections are fields of the same node
            yield from _selected(s.selections)


def _fields(selections: list[Selection]) -> Iterator[str]:
    """The names of a node's selected fields, fragments included."""
    return (s.name for s in _selected(selections))


def whole_people_asked(selections: list[Selection]) -> bool:
    """Whether a selection of people shows a field read from more than their own (WHOLE_PERSON_FIELDS)."""
    return any(name in WHOLE_PERSON_FIELDS for name in _fields(selections))


def parts_asked(selections: list[Selection]) -> frozenset[str]:
    """The page parts a node's selection set reads."""
    parts = set()
    for field in _selected(selections):
        for part in FIELD_PARTS.get(field.name, ()):
            parts.add("colleaguesWhole" if part == "colleagues" and whole_people_asked(field.selections) else part)
    return frozenset(parts)


def node_selections(connection: list[Selection], inner: str = "") -> list[Selection]:
    """What a connection's selection set asks of each node (`edges { node { … } }` and
    `nodes { … }`), fragments included; `inner` is the field looked for inside an edge."""
    found: list[Selection] = []
    for s in connection:
        if not isinstance(s, SelectedField):
            found += node_selections(s.selections, inner)
        elif s.name == (inner or "nodes"):
            found += s.selections
        elif s.name == "edges" and not inner:
            found += node_selections(s.selections, "node")
    return found


def facts_asked(selections: list[Selection]) -> frozenset[str]:
    """The kinds of facts a node's selection set shows."""
    return frozenset(t for name in _fields(selections) for t in FIELD_FACTS.get(name, ()))


def ahead_asked(selections: list[Selection]) -> read.AheadAsk | None:
    """What a looked-up node's selection set shows of the other ends of its facts, for reading
    it with the node (graph/read.py `pages`): the kinds of the facts whose other ends show
    facts of their own (a unit's `people { nodes { person { honors … } } }`: WORKS_AT …), and
    the kinds those show (RECEIVED); None when no other end shows any."""
    under: set[str] = set()
    kinds: set[str] = set()
    for field in _selected(selections):
        if field.name not in FIELD_FACTS:
            continue
        facts = node_selections(field.selections) or field.selections  # a connection's, or a list's
        shown = {kind for end in _selected(facts) for kind in facts_asked(end.selections)}
        if shown:
            under.update(FIELD_FACTS[field.name])
            kinds |= shown
    return (frozenset(under), frozenset(kinds)) if kinds else None


def tree_facts_asked(selections: list[Selection]) -> frozenset[str]:
    """The kinds of facts a mentorship tree's selection set (`lineage { person mentees }`)
    shows of the people in it, at any depth."""
    kinds: set[str] = set()
    for s in selections:
        if not isinstance(s, SelectedField):
            kinds |= tree_facts_asked(s.selections)
        elif s.name == "person":
            kinds |= facts_asked(s.selections)
        elif s.name == "mentees":
            kinds |= tree_facts_asked(s.selections)
    return frozenset(kinds)


LINEAGE_DEPTH = 3
"""`Person.lineage`'s depth when the document gives none (api/types.py)."""


def lineage_asked(selections: list[Selection]) -> tuple[int, frozenset[str]] | None:
    """The depth and the fact kinds of the one mentorship tree a person's selection set asks
    (`lineage(depth:) { … }`), None when it asks none, several, or a depth out of range."""
    trees = [s for s in selections if isinstance(s, SelectedField) and s.name == "lineage"]
    if len(trees) != 1:
        return None
    depth = _int_argument(trees[0].arguments.get("depth", LINEAGE_DEPTH))
    if not isinstance(depth, int) or not 1 <= depth <= 5:
        return None
    return depth, tree_facts_asked(trees[0].selections)


def _int_argument(value: Any) -> Any:
    """An Int argument as a selection gives it: a literal as its text, a variable as its value."""
    return int(value) if isinstance(value, str) and value.isdigit() else value


def mentioned_key(source_id: str, labels: "tuple[str, ...] | None", first: int | None) -> read.MentionedKey:
    """The `mentioned` loader's key: the source, the labels asked (None: any) and the page size
    (BadInput when `first` is out of range)."""
    return source_id, labels, page_size(first)


def mentioned_asked(selections: list[Selection]) -> tuple["tuple[str, ...] | None", int | None] | None:
    """The labels and the `first` of the one `mentioned` list a source's selection set asks
    (`mentioned(types:, first:) { … }`), None when it asks none, several, or arguments this
    cannot read (the field's resolver then reads them itself)."""
    from api.enums import EntityType

    lists = [s for s in selections if isinstance(s, SelectedField) and s.name == "mentioned"]
    if len(lists) != 1:
        return None
    types, first = lists[0].arguments.get("types"), _int_argument(lists[0].arguments.get("first"))
    if not (first is None or isinstance(first, int)) or not (types is None or isinstance(types, list)):
        return None
    members = EntityType.__members__  # a variable's enum values come as members, a literal's as names
    kinds = [t if isinstance(t, EntityType) else members.get(t) if isinstance(t, str) else None for t in types or []]
    if None in kinds:
        return None
    return (tuple(k.value for k in kinds) if kinds else None), first


K = TypeVar("K")
V = TypeVar("V")

Row = dict[str, Any]


def _batched(db: Database, fetch: Callable[[Database, list[Any]], dict[Any, Any]],
             default: Callable[[], Any] | None) -> Callable[[list[Any]], Awaitable[list[Any]]]:
    async def load(keys: list[Any]) -> list[Any]:
        found = fetch(db, list(keys))
        return [found.get(k, default() if default else None) for k in keys]

    return load


class Loader(DataLoader[K, V], Generic[K, V]):
    """A DataLoader over one graph/ function `fetch(db, keys) -> {key: value}`."""

    def __init__(self, db: Database, fetch: Callable[[Database, list[Any]], dict[Any, Any]],
                 default: Callable[[], Any] | None = None) -> None:
        super().__init__(load_fn=_batched(db, fetch, default))


LinkKey = tuple[str, frozenset[str]]
"""An entity's id and the fact types a field shows."""


class Facts(list[Row]):
    """The facts of one entity of some types; `complete` is False when the read stopped at
    LINKS_PER_NODE of one of them (a field pages the rest in Cypher)."""

    complete: bool = True


class Loaders:
    """One per request. Each loader batches the keys of one nesting level into one statement."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._page_facts: dict[str, tuple[frozenset[str], list[Row]]] = {}  # a looked-up entity's (`page`)
        self._lineages: dict[tuple[str, int, frozenset[str]], tuple[Row | None, list[Row]]] = {}

    async def page(self, node_id: str, parts: frozenset[str], fact_types: frozenset[str] = frozenset(),
                   ahead: read.AheadAsk | None = None) -> Row | None:
        """A node by id; an entity with the parts of its page the request asks (and the facts
        of its facts' other ends it shows, `ahead_asked`), in one statement, put in their
        loaders, so the fields that read them run no statement of their own."""
        if not parts or read.label_of(node_id) not in ENTITY_LABELS:
            return await self.nodes.load(node_id)
        found = read.pages(self.db, node_id, parts, fact_types, ahead)
        if found is None:
            return None
        node = found.pop("node")
        self.nodes.prime(node_id, node)
        ahead_facts = found.pop("ahead", {})
        self.prime_parts(node["id"], found, fact_types)
        for other_id, facts in ahead_facts.items():  # after the node's own: they add to its kinds
            self.prime_facts(other_id, ahead[1] if ahead else frozenset(), facts)
        return node

    def lineage(self, person_id: str, depth: int, fact_types: frozenset[str]) -> tuple[Row | None, list[Row]]:
        """A person's node and mentorship tree (graph/read.py `lineage`), read once per request,
        the tree's people's facts put in their loader: a looked-up person whose page asks only
        its tree is read with it, in one statement."""
        key = (person_id, depth, fact_types)
        if key not in self._lineages:
            root, rows, facts = read.lineage(self.db, person_id, depth, fact_types)
            for node_id, found in facts.items():
                self.prime_facts(node_id, fact_types, found)
            self._lineages[key] = (root, rows)
        return self._lineages[key]

    def prime_parts(self, node_id: str, parts: dict[str, Any], fact_types: frozenset[str]) -> None:
        """The parts of a node's page a statement read (`pages`, or beside each node of a list
        page), put in their loaders: the fields showing them run no statement of their own."""
        if "links" in parts:
            self._page_facts[node_id] = (fact_types, parts["links"])
        for part, loader in (("colleagues", self.colleagues), ("colleaguesWhole", self.colleagues_whole),
                             ("mentions", self.mentions), ("externalIds", self.external_ids)):
            if part in parts:
                loader.prime(node_id, parts[part])

    def prime_facts(self, node_id: str, fact_types: frozenset[str], rows: list[Row]) -> None:
        """Facts of the kinds `fact_types` a statement read beside something else (a mentorship
        tree's people): fields showing them read no statement of their own. Kinds a page
        already holds stay as the page read them."""
        held_types, held = self._page_facts.get(node_id, (frozenset(), []))
        added = [r for r in rows if r["type"] not in held_types]
        self._page_facts[node_id] = (held_types | fact_types, held + added)

    @cached_property
    def nodes(self) -> Loader[str, Row | None]:
        """Any node by id (entity or source), merges followed."""
        return Loader(self.db, read.nodes_by_id)

    @cached_property
    def links(self) -> DataLoader[LinkKey, Facts]:
        """An entity's facts of some types, both directions, with the other end: the keys of a
        level (every field of every node) in one statement that reads, for each node, the
        types its fields show together."""
        return DataLoader(load_fn=self._facts)

    async def _facts(self, keys: list[LinkKey]) -> list[Facts]:
        def on_page(node_id: str, types: frozenset[str]) -> list[Row] | None:
            page_types, rows = self._page_facts.get(node_id, (frozenset(), []))
            return rows if types <= page_types else None

        held = [on_page(node_id, types) for node_id, types in keys]
        asks: dict[str, set[str]] = {}
        for (node_id, types), rows in zip(keys, held):
            if rows is None:
                asks.setdefault(node_id, set()).update(types)
        read_now = read.links(self.db, {i: sorted(t) for i, t in asks.items()}) if asks else {}
        out = []
        for (node_id, types), rows in zip(keys, held):
            rows = read_now[node_id] if rows is None else rows
            facts = Facts(r for r in rows if r["type"] in types)
            read_of = Counter(r["type"] for r in rows)
            facts.complete = all(read_of[t] < read.LINKS_PER_NODE for t in types)
            out.append(facts)
        return out

    @cached_property
    def colleagues(self) -> Loader[str, list[Row]]:
        """The people of each person's units (nodes, without the facts between them), with
        their own fields only."""
        return Loader(self.db, read.colleagues, list)

    @cached_property
    def colleagues_whole(self) -> Loader[str, list[Row]]:
        """The same people as whole nodes (WHOLE_PERSON_FIELDS asked of them)."""
        return Loader(self.db, lambda db, ids: read.colleagues(db, ids, whole=True), list)

    @cached_property
    def sources(self) -> Loader[str, Row | None]:
        """Articles and rosters by id (a fact's `sourceIds`)."""
        return Loader(self.db, read.sources)

    @cached_property
    def mentions(self) -> Loader[str, list[Row]]:
        """The sources mentioning an entity, with the sentences."""
        return Loader(self.db, read.mentions, list)

    @cached_property
    def mentioned(self) -> Loader[read.MentionedKey, list[Row]]:
        """The entities a source mentions: key (source id, labels or None, limit)."""
        return Loader(self.db, read.mentioned, list)

    @cached_property
    def external_ids(self) -> Loader[str, list[str]]:
        """Record ids the sources gave for a person."""
        return Loader(self.db, read.external_ids, list)

    @cached_property
    def communities(self) -> Loader[str, Row | None]:
        """Communities of the last `kg analyze` by id."""
        from graph.research import communities_by_id

        return Loader(self.db, communities_by_id)
