"""The explorer's GraphQL documents (web/src/explorer/queries.js) against schema.graphql: the
explorer is a client of the public API, so when the API's conventions change (enum spellings,
connections, mutation inputs and payloads) this fails with the document's name and what the
schema says, before a browser ever shows a broken page."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import graphql
import pytest

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "web" / "src" / "explorer" / "queries.js"
GRAPHIQL = ROOT / "web" / "src" / "graphiql" / "main.jsx"  # its EXAMPLE is what GraphiQL runs first
SCHEMA = ROOT / "schema.graphql"

# Prints every exported string of queries.js as JSON (arrays of enum values are not documents).
DUMP = ("import * as q from './web/src/explorer/queries.js';"
        "const out = {};"
        "for (const [k, v] of Object.entries(q)) if (typeof v === 'string') out[k] = v;"
        "process.stdout.write(JSON.stringify(out));")


def _exported() -> dict[str, str]:
    node = shutil.which("node")
    if not node:
        pytest.skip("node (Node.js) is not installed: cannot read web/src/explorer/queries.js")
    done = subprocess.run([node, "--input-type=module", "-e", DUMP], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, f"node could not import queries.js: {done.stderr}"
    return json.loads(done.stdout)


def _documents() -> dict[str, str]:
    exported = _exported()
    fragments = {name: text for name, text in exported.items() if text.lstrip().startswith("fragment ")}
    docs = {}
    for name, text in exported.items():
        if name in fragments:
            continue
        for fragment in fragments.values():
            fragment_name = fragment.split()[1]
            if f"...{fragment_name}" in text and f"fragment {fragment_name} " not in text:
                text = f"{text}\n{fragment}"
        docs[name] = text
    return docs


def test_queries_js_exports_the_explorers_documents() -> None:
    docs = _documents()
    # the documents every view sends; a rename here should be deliberate
    for name in ("SEARCH", "ENTITY", "NEIGHBORHOOD", "CONNECTION", "LINEAGE", "PEOPLE_HONORS", "LEADS",
                 "CANDIDATES", "RECORD", "EXPLAIN", "JUDGE", "MERGE", "UNMERGE", "CHARTS", "NAME"):
        assert name in docs, f"queries.js no longer exports {name}"


def test_every_document_is_valid_against_schema_graphql() -> None:
    schema = graphql.build_schema(SCHEMA.read_text(encoding="utf-8"))
    failures = []
    for name, text in sorted(_documents().items()):
        try:
            document = graphql.parse(text)
        except graphql.GraphQLError as e:
            failures.append(f"{name}: does not parse: {e.message}")
            continue
        for error in graphql.validate(schema, document):
            failures.append(f"{name}: {error.message}")
    assert not failures, "queries.js documents that schema.graphql rejects:\n" + "\n".join(failures)


def test_graphiqls_example_query_is_valid_against_schema_graphql() -> None:
    found = re.search(r"const EXAMPLE = `(.*?)`;", GRAPHIQL.read_text(encoding="utf-8"), re.S)
    assert found, "web/src/graphiql/main.jsx no longer defines EXAMPLE"
    schema = graphql.build_schema(SCHEMA.read_text(encoding="utf-8"))
    errors = [e.message for e in graphql.validate(schema, graphql.parse(found.group(1)))]
    assert not errors, "GraphiQL's example query: " + "; ".join(errors)
