"""Every gw: term to_rdf writes is declared in gongwen.ttl, labelled in Chinese and English and aligned."""
from __future__ import annotations

from importlib.resources import files

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from gongwen.ontology import iris
from gongwen.ontology.namespaces import GW
from gongwen.ontology.to_rdf import to_rdf
from gongwen.ontology.vocab import DATA_FILES, load_data


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(data=files("gongwen.ontology").joinpath("gongwen.ttl").read_text(encoding="utf-8"),
                         format="turtle")


def _gw_terms(graph: Graph) -> set[URIRef]:
    used = set()
    for s, p, o in graph:
        used |= {t for t in (p, o) if isinstance(t, URIRef) and t.startswith(str(GW))}
    return used


def test_every_term_used_is_declared_labelled_and_aligned(ontology, sample_documents):
    used = set()
    for doc in sample_documents.values():
        used |= _gw_terms(to_rdf(doc))
    for term in sorted(used):
        labels = {lit.language for lit in ontology.objects(term, RDFS.label)}
        assert labels == {"zh", "en"}, f"{term}: labels {labels}"
        assert ontology.value(term, RDFS.comment) is not None, f"{term}: no comment"
        aligned = list(ontology.objects(term, SKOS.closeMatch)) + list(ontology.objects(term, RDFS.subPropertyOf)) \
            + list(ontology.objects(term, RDFS.subClassOf))
        assert aligned, f"{term}: no alignment"


def test_every_declared_term_is_labelled(ontology):
    for term in set(ontology.subjects(RDF.type, None)):
        assert {lit.language for lit in ontology.objects(term, RDFS.label)} == {"zh", "en"}, term


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_files_are_rebased(name):
    graph = load_data(name, "https://example.org/gw/")
    subjects = {str(s) for s in graph.subjects()}
    assert subjects and all(s.startswith("https://example.org/gw/id/") for s in subjects)


def test_concept_iris_match_the_iri_module():
    graph = load_data("concepts.ttl", iris.DEFAULT_BASE)
    for notation in ("函", "代表议案", "议案", "通知"):
        assert (URIRef(iris.concept_iri(iris.DEFAULT_BASE, "doctype", notation)), SKOS.notation, None) in graph
    assert len(set(graph.subjects(SKOS.inScheme, URIRef(iris.scheme_iri(iris.DEFAULT_BASE, "doctype"))))) == 21
