"""Exports for Gephi and NetworkX (graph/export.py), through `kg export` and /export/…:
GraphML, GEXF and node-link JSON open in networkx with the graph's own counts; every node
and edge keeps its id, type, name and sources; CSV is a zip of nodes and edges; personal
data only for editors; the same access rules as GraphQL."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile

import httpx
import networkx as nx
import pytest

from graph import export
from graph.config import CHECKOUT
from graph.loaders.seed import load_seed
from graph.tokens import create_token
from graph.vocabulary import FACT_TYPES
from tests.conftest import instance_env, wipe
from tests.test_api_graph import graph  # noqa: F401 - the hand-written graph of the API tests

FACTS = "|".join(FACT_TYPES)


def counts(db) -> tuple[int, int]:
    nodes = db.read("MATCH (n:Entity) RETURN count(n) AS n")[0]["n"]
    edges = db.read(f"MATCH (:Entity)-[r:{FACTS}]->(:Entity) RETURN count(r) AS n")[0]["n"]
    return nodes, edges


def test_the_whole_graph_with_ids_types_names_and_sources(graph) -> None:  # noqa: F811
    ex = export.read_export(graph, export.ExportRequest())
    assert (ex.nodes, ex.edges) == counts(graph)
    b = ex.graph.nodes["person_b"]
    assert (b["id"], b["type"], b["name"]) == ("person_b", "Person", "孙乙")
    assert [s["title"] for s in b["sources"]] == ["劳模报道"]
    assert "phone" not in b and "nameKey" not in b and "pinyin" not in b
    edge = ex.graph.edges["person_b", "honor_zj", "RECEIVED:person_b:honor_zj"]
    assert edge["type"] == "RECEIVED" and edge["year"] == 2015 and edge["name"] == "获评"
    assert [s["kind"] for s in edge["sources"]] == ["Article", "Roster"]
    assert edge["sources"][1]["locator"] == "row 2" and edge["evidence"][0] == "孙乙后来获评浙江省劳动模范。"
    personal = export.read_export(graph, export.ExportRequest(personal=True))
    assert personal.graph.nodes["person_b"]["phone"] == "13900000000"


def test_around_an_entity_by_depth_and_relationship_types(graph) -> None:  # noqa: F811
    one = export.read_export(graph, export.ExportRequest(around="person_b", depth=1))
    assert {"person_a", "person_c", "honor_zj", "unit_team", "studio_a", "project_a"} <= set(one.graph.nodes)
    assert "person_d" not in one.graph.nodes
    line = export.read_export(graph, export.ExportRequest(around="person_a_old", depth=3, types=("MENTORS",)))
    assert set(line.graph.nodes) == {"person_a", "person_b", "person_c", "person_d"}  # merged id followed
    assert {d["type"] for *_, d in line.graph.edges(data=True)} == {"MENTORS"}
    no_honors = export.read_export(graph, export.ExportRequest(around="person_b", depth=2, except_types=("RECEIVED",)))
    assert "honor_zj" not in no_honors.graph.nodes
    with pytest.raises(Exception, match="unknown relationship type"):
        export.read_export(graph, export.ExportRequest(types=("LIKES",)))
    with pytest.raises(Exception, match="no entity"):
        export.read_export(graph, export.ExportRequest(around="person_nobody"))


def test_every_format_opens_in_networkx_with_the_same_counts(graph) -> None:  # noqa: F811
    ex = export.read_export(graph, export.ExportRequest())
    n, m = counts(graph)
    gml = nx.read_graphml(io.BytesIO(export.to_graphml(ex)))
    assert (gml.number_of_nodes(), gml.number_of_edges()) == (n, m)
    assert gml.nodes["person_b"]["name"] == "孙乙" and gml.nodes["person_b"]["type"] == "Person"
    assert "劳模报道" in gml.nodes["person_b"]["source_titles"]
    gexf = nx.read_gexf(io.BytesIO(export.to_gexf(ex)))
    assert (gexf.number_of_nodes(), gexf.number_of_edges()) == (n, m)
    assert gexf.nodes["person_b"]["label"] == "孙乙"
    data = json.loads(export.to_json(ex))
    back = nx.node_link_graph(data, edges="edges")
    assert (back.number_of_nodes(), back.number_of_edges()) == (n, m)
    with zipfile.ZipFile(io.BytesIO(export.to_csv_zip(ex))) as z:
        nodes = list(csv.DictReader(io.StringIO(z.read("nodes.csv").decode("utf-8-sig"))))
        edges = list(csv.DictReader(io.StringIO(z.read("edges.csv").decode("utf-8-sig"))))
    assert (len(nodes), len(edges)) == (n, m)
    assert {"id", "type", "name", "sources"} <= set(nodes[0]) and {"source", "target", "type", "evidence"} <= set(edges[0])


def test_http_export_follows_the_access_rules(live_server, graph) -> None:  # noqa: F811
    url = f"{live_server.url}/export"
    r = httpx.get(f"{url}/graphml", params={"all": "1"}, timeout=60)
    assert r.status_code == 200 and r.headers["x-kg-personal"] == "0"
    assert "attachment" in r.headers["content-disposition"] and "13900000000" not in r.text
    assert nx.read_graphml(io.BytesIO(r.content)).number_of_nodes() == counts(graph)[0]
    token = create_token(graph, "editor", "export-test")
    editor = httpx.get(f"{url}/graphml", params={"all": "1"}, headers={"Authorization": f"Bearer {token}"}, timeout=60)
    assert editor.status_code == 200 and editor.headers["x-kg-personal"] == "1" and "13900000000" in editor.text
    around = httpx.get(f"{url}/json", params={"around": "person_b", "depth": "1", "exceptTypes": "RECEIVED"}, timeout=60)
    assert around.status_code == 200 and "honor_zj" not in {n["id"] for n in around.json()["nodes"]}
    assert httpx.get(f"{url}/graphml", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert httpx.get(f"{url}/pdf", params={"all": "1"}).status_code == 404
    assert httpx.get(f"{url}/gexf").status_code == 400
    assert httpx.get(f"{url}/gexf", params={"around": "person_nobody"}).json()["errors"][0]["extensions"]["code"] \
        == "NOT_FOUND"
    bad = httpx.get(f"{url}/gexf", params={"all": "1", "types": "LIKES"})
    assert bad.status_code == 400 and "LIKES" in bad.json()["errors"][0]["message"]


def test_kg_export_of_the_seed_opens_in_networkx(db, tmp_path) -> None:
    wipe(db)
    list(load_seed(db, CHECKOUT / "seed"))
    n, m = counts(db)
    env = instance_env()
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"kg.{fmt}"
        with out.open("wb") as f:
            done = subprocess.run([sys.executable, "-m", "api.cli", "export", "--format", fmt, "--all"], stdout=f,
                                  stderr=subprocess.PIPE, text=False, env=env, cwd=CHECKOUT, timeout=300)
        assert done.returncode == 0, done.stderr.decode()
        assert f"exported {n} node(s) and {m} edge(s)".encode() in done.stderr
        g = read(out)
        assert (g.number_of_nodes(), g.number_of_edges()) == (n, m), fmt
    done = subprocess.run([sys.executable, "-m", "api.cli", "export", "--format", "json", "--around",
                           db.read("MATCH (p:Person {name: '张继东'}) RETURN p.id AS id")[0]["id"], "--depth", "2",
                           "--except-types", "RECEIVED"], capture_output=True, env=env, cwd=CHECKOUT, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    g = nx.node_link_graph(json.loads(done.stdout), edges="edges")
    names = {d["name"] for _, d in g.nodes(data=True)}
    assert {"张继东", "沈建华", "陆佳琪"} <= names and all(d["type"] != "RECEIVED" for *_, d in g.edges(data=True))
    refused = subprocess.run([sys.executable, "-m", "api.cli", "export", "--format", "graphml"], capture_output=True,
                             env=env, cwd=CHECKOUT, timeout=120)
    assert refused.returncode != 0 and b"--all" in refused.stderr
