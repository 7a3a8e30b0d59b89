"""The extractor as a pipeline of named stages over one shared `Document` (as spaCy's
pipeline: small components over one doc). The order is part of the design: each
mention finder reads what earlier ones found (a unit's finder resolves 该县 against the
places; the person finder cuts a glued honor off a name; a short company name is sought
only where nothing else was found), and facts are read after overlaps are settled."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial

from graph.extract import discourse, normalise, region, render, resolve, segment, tagger
from graph.extract.document import Document
from graph.extract.lexicons import reset_local_places
from graph.extract.mentions import honors, persons, places, projects, studios, units
from graph.facts import Extraction

Stage = Callable[[Document], None]


class Pipeline:
    """Runs its stages in order over a document; the tagger can be swapped."""

    def __init__(self, tag_model: tagger.Tagger | None = None) -> None:
        self.stages: list[tuple[str, Stage]] = [
            ("normalise", normalise.normalise),
            ("segment", segment.segment),
            ("tag", partial(tagger.tag, tagger=tag_model)),
            ("local places", region.local_places),
            ("region", region.locate),
            ("honors", honors.honors),
            ("projects", projects.projects),
            ("places", places.tagged_places),
            ("units", units.tagged_units),
            ("cut units", units.cut_units),
            ("glued villages", places.glued_villages),
            ("persons", persons.persons),
            ("short unit names", units.short_names),
            ("bare teams", units.bare_teams),
            ("unit forms", units.unit_forms),
            ("role overlaps", units.role_overlaps),
            ("unit prefixes", units.unit_prefixes),
            ("glued children", units.glued_children),
            ("studios", studios.studios),
            ("studio names", studios.one_name_per_studio),
            ("overlaps", resolve.overlaps),
            ("anaphors", resolve.anaphors),
            ("facts", discourse.read_facts),
        ]

    def __call__(self, doc: Document) -> Document:
        try:
            for _, stage in self.stages:
                stage(doc)
        finally:
            if doc.local_token is not None:
                reset_local_places(doc.local_token)
                doc.local_token = None
        return doc


_DEFAULT = Pipeline()


def extract_article(text: str, title: str | None = None, date: str | None = None, url: str | None = None,
                    publisher: str | None = None) -> Extraction:
    """Typed entities (spans into `text`) and facts with evidence from one article.
    Metadata is context only: the date's year is no fact's year unless the text says so."""
    doc = _DEFAULT(Document(text, title=title, date=date, url=url, publisher=publisher))
    return render.to_extraction(doc)
