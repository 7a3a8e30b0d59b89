"""Cypher fragments that several modules share, composed into their statements, never copied.

- `nodes`: a node by id, entity or absorbed, and the survivor an id now stands for;
- `people`: a person's matching context (one record for loads and scans) and the blocking
  subquery that finds a person's candidates through the indexes;
- `entities`: writing an entity node, with the one `aliasText` formula;
- `search`: user text made safe inside a full-text (Lucene) query.

A statement used by one function stays beside that function. Labels and relationship
types are formatted in from graph/vocabulary.py only; everything else is a parameter.
"""
