"""reused.ttl lists every term gongwen takes from another vocabulary: what to_rdf writes and what gongwen.ttl
aligns to, so the reference page's table of reused vocabularies cannot fall behind the code."""
from __future__ import annotations

from importlib.resources import files

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from gongwen.ontology.namespaces import CITO, DCTERMS, ELI, ELI_DL, FOAF, OA, ORG, PROV, SDO
from gongwen.ontology.to_rdf import to_rdf
from gongwen.ontology.vocab import vocabulary_graph

REUSED_NAMESPACES = tuple(str(n) for n in (ELI, ELI_DL, ORG, FOAF, CITO, SKOS, SDO, PROV, OA, DCTERMS))
ALIGNMENTS = (SKOS.closeMatch, RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range)


def _parse(name: str) -> Graph:
    return Graph().parse(data=files("gongwen.ontology").joinpath(name).read_text(encoding="utf-8"),
                         format="turtle")


@pytest.fixture(scope="module")
def listed() -> set[URIRef]:
    return set(_parse("reused.ttl").subjects(SKOS.scopeNote, None))


def _reused(terms) -> set[URIRef]:
    return {t for t in terms if isinstance(t, URIRef) and str(t).startswith(REUSED_NAMESPACES)}


def test_every_reused_term_the_graphs_write_is_listed(listed, sample_documents):
    graphs = [to_rdf(doc) for doc in sample_documents.values()] + [vocabulary_graph()]
    written = _reused(p for g in graphs for p in g.predicates()) | _reused(o for g in graphs
                                                                          for o in g.objects(None, RDF.type))
    assert written
    assert not written - listed, sorted(written - listed)


def test_every_alignment_target_is_listed(listed):
    ontology = _parse("gongwen.ttl")
    targets = _reused(o for p in ALIGNMENTS for o in ontology.objects(None, p))
    assert targets
    assert not targets - listed, sorted(targets - listed)


def test_each_listed_term_belongs_to_a_listed_vocabulary(listed):
    vocabularies = {str(ns) for ns in _parse("reused.ttl").subjects(
        URIRef("http://purl.org/vocab/vann/preferredNamespacePrefix"), None)}
    assert vocabularies == set(REUSED_NAMESPACES)
    assert all(str(term).startswith(tuple(vocabularies)) for term in listed)
