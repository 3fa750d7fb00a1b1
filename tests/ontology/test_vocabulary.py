"""The vocabulary graph: what document graphs link to without describing dereferences there, and it conforms."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from gongwen.ontology import iris
from gongwen.ontology.namespaces import GW, SKOS
from gongwen.ontology.to_rdf import to_rdf
from gongwen.ontology.vocab import vocabulary_graph, vocabulary_graph_iri, vocabulary_version
from gongwen.shapes.validate import format_violation, validate_graph

BASE = iris.DEFAULT_BASE
# Where the vocabulary graph describes what documents link to: concepts, schemes, coded places.
VOCABULARY_PATHS = ("id/concept/", "id/scheme/", "id/place/")


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    return vocabulary_graph(BASE)


@pytest.fixture(scope="module")
def documents(sample_documents) -> dict[str, Graph]:
    return {name: to_rdf(doc, BASE) for name, doc in sample_documents.items()}


def test_the_vocabulary_graph_conforms_alone(vocabulary):
    report = validate_graph(vocabulary)
    assert report.conforms and not report.violations, "\n".join(format_violation(v) for v in report.violations)


def test_the_vocabulary_and_every_sample_conform_together(vocabulary, documents):
    union = Graph()
    union += vocabulary
    for graph in documents.values():
        union += graph
    report = validate_graph(union)
    assert report.conforms, "\n".join(format_violation(v) for v in report.violations)


def test_every_concept_and_place_a_document_links_to_is_described(vocabulary, documents):
    for name, graph in documents.items():
        linked = {o for o in graph.objects() if isinstance(o, URIRef)
                  and any(o.startswith(BASE + path) for path in VOCABULARY_PATHS)}
        assert linked, name
        for node in linked:
            described = (node, SKOS.prefLabel, None) in graph or (node, SKOS.prefLabel, None) in vocabulary
            assert described, f"{name}: {node} has no label in its graph or in the vocabulary graph"


def test_every_gongwen_term_a_document_uses_is_in_the_vocabulary_graph(vocabulary, documents):
    used = {t for graph in documents.values() for s, p, o in graph for t in (p, o)
            if isinstance(t, URIRef) and t.startswith(str(GW))}
    assert used
    assert not {t for t in used if (t, None, None) not in vocabulary}


def test_the_vocabulary_states_no_document_number_or_agency_name(vocabulary, sample_documents):
    """Checks find a document or an agency by the one node carrying its exact string (see to_rdf)."""
    texts = {str(o) for o in vocabulary.objects() if isinstance(o, Literal)}
    numbers = {d.doc_number.canonical for d in sample_documents.values() if d.doc_number}
    agencies = {d.issuer.value for d in sample_documents.values() if d.issuer}
    assert numbers and agencies
    assert not (numbers | agencies) & texts


@pytest.mark.parametrize("base", ["https://gongwen.example/", "http://127.0.0.1:8080/data/"])
def test_the_vocabulary_graph_is_rebased(base):
    graph = vocabulary_graph(base)
    local = {str(t) for triple in graph for t in triple if isinstance(t, URIRef) and "/id/" in str(t)}
    assert local and all(t.startswith(base) for t in local)
    assert (URIRef(vocabulary_graph_iri(base)), None, None) in graph


def test_the_version_changes_with_the_base_only():
    assert vocabulary_version(BASE) == vocabulary_version(BASE)
    assert vocabulary_version(BASE) != vocabulary_version("https://gongwen.example/")


def test_each_call_returns_a_graph_of_its_own():
    first = vocabulary_graph(BASE)
    first.remove((None, None, None))
    assert len(vocabulary_graph(BASE)) > 300
