"""Loading, validating, exporting and serving work the same on a SPARQL server as on the embedded store."""
from __future__ import annotations

import io

import pyoxigraph as ox
import rdflib

from gongwen.export import export_rdf
from gongwen.ontology.iris import doc_iri, iri_to_path
from gongwen.pipeline import load_paths
from gongwen.settings import DEFAULTS
from gongwen.validation import validate_store
from gongwen.web import create_app

BASE = DEFAULTS["base_iri"]
CITES = ('ASK {{ <{a}> <http://data.europa.eu/eli/ontology#cites> <{b}> }}'
         .format(a=doc_iri(BASE, "西民函〔2023〕53号"), b=doc_iri(BASE, "西办通〔2022〕54号")))


def test_sample_corpus_loads_once_and_links(server_store, sample_dir):
    first = load_paths(server_store, [sample_dir], BASE)
    assert (first.loaded, first.failed) == (5, [])
    assert load_paths(server_store, [sample_dir], BASE).unchanged == 5
    assert server_store.ask(CITES)
    assert len(server_store.graph_names()) == 5


def test_validate_and_export_read_back_the_server(server_store, sample_dir):
    load_paths(server_store, [sample_dir], BASE)
    assert validate_store(server_store).conforms
    out = io.BytesIO()
    export_rdf(server_store, "nt", out)
    graph = rdflib.Graph().parse(data=out.getvalue().decode(), format="nt")
    assert len(graph) == len(server_store) >= 500


def test_the_web_app_serves_a_server_store(server_store, sample_dir):
    load_paths(server_store, [sample_dir], BASE)
    client = create_app({"store": server_store, "base_iri": BASE}).test_client()
    answer = client.get("/sparql", query_string={"query": CITES})
    assert answer.json == {"head": {}, "boolean": True}
    page = client.get(iri_to_path(doc_iri(BASE, "西民函〔2023〕53号"), BASE), headers={"Accept": "text/turtle"})
    assert page.status_code == 200
    assert ox.NamedNode(doc_iri(BASE, "西民函〔2023〕53号")) in {
        t.subject for t in ox.parse(page.data, format=ox.RdfFormat.TURTLE)}
