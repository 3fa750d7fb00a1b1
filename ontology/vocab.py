"""The vocabulary graph (ontology, concept schemes, places) and the lookups to_rdf makes in it.

``concepts.ttl`` and ``places.ttl`` are written relative to the default base IRI; :func:`load_data` re-bases
them so that they name the same IRIs ``gongwen.ontology.iris`` mints for the configured base.

The store keeps all three files in one named graph, :func:`vocabulary_graph_iri`, so that every concept, place
and ontology term a document links to dereferences. Document graphs then only *link* to what the vocabulary
lists (a 文种 concept, a coded place): its labels are stated once, there, not again in every document graph.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from urllib.parse import unquote
from importlib.resources import files

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.plugins.stores.memory import SimpleMemory

from gongwen.ontology.iris import DEFAULT_BASE, concept_iri, vocabulary_graph_iri
from gongwen.ontology.namespaces import SDO

DATA_FILES = ("concepts.ttl", "places.ttl")
ONTOLOGY_FILE = "gongwen.ttl"

__all__ = ["DATA_FILES", "ONTOLOGY_FILE", "find_doc_type", "find_place_code", "find_proposal_type",
           "is_listed_concept", "load_data", "vocabulary_graph", "vocabulary_graph_iri", "vocabulary_version"]


def _read(name: str) -> str:
    return files("gongwen.ontology").joinpath(name).read_text(encoding="utf-8")


def load_data(name: str, base: str = DEFAULT_BASE) -> Graph:
    """One of :data:`DATA_FILES` as a graph whose IRIs start with ``base``.

    >>> g = load_data("concepts.ttl", "https://gongwen.example/")
    >>> (URIRef("https://gongwen.example/id/concept/handling/B"), SKOS.notation, None) in g
    True
    """
    rebased = _read(name).replace(f"@base <{DEFAULT_BASE}>", f"@base <{base}>", 1)
    return Graph().parse(data=rebased, format="turtle")


def vocabulary_version(base: str = DEFAULT_BASE) -> str:
    """A hash of the vocabulary files and the base: it changes exactly when :func:`vocabulary_graph` does.

    >>> vocabulary_version("http://h/") == vocabulary_version("http://h/"), len(vocabulary_version())
    (True, 64)
    """
    digest = hashlib.sha256(base.encode("utf-8"))
    for name in (ONTOLOGY_FILE, *DATA_FILES):
        digest.update(_read(name).encode("utf-8"))
    return digest.hexdigest()


@lru_cache(maxsize=4)
def _vocabulary_triples(base: str) -> tuple:
    graph = Graph(store=SimpleMemory()).parse(data=_read(ONTOLOGY_FILE), format="turtle")
    for name in DATA_FILES:
        graph += load_data(name, base)
    node = URIRef(vocabulary_graph_iri(base))
    graph.add((node, RDF.type, OWL.Ontology))
    graph.add((node, RDFS.label, Literal("公文词表：本体、概念表与行政区划", lang="zh")))
    graph.add((node, RDFS.label, Literal("gongwen vocabulary: ontology, concept schemes and places", lang="en")))
    graph.add((node, OWL.imports, URIRef("https://w3id.org/gongwen/ontology")))
    graph.add((node, OWL.versionInfo, Literal(vocabulary_version(base))))
    return tuple(graph)


def vocabulary_graph(base: str = DEFAULT_BASE) -> Graph:
    """What the named graph :func:`vocabulary_graph_iri` holds: the ontology (gongwen.ttl), the concept schemes
    and the places re-based to ``base``, and the graph's own node with ``owl:versionInfo`` :func:`vocabulary_version`.

    >>> g = vocabulary_graph("https://gongwen.example/")
    >>> from gongwen.ontology.iris import place_iri
    >>> (URIRef(place_iri("https://gongwen.example/", "西山区", "530112")), SKOS.prefLabel, None) in g
    True
    >>> version = g.value(URIRef(vocabulary_graph_iri("https://gongwen.example/")), OWL.versionInfo)
    >>> str(version) == vocabulary_version("https://gongwen.example/")
    True
    """
    graph = Graph(bind_namespaces="none")
    store = graph.store
    for triple in _vocabulary_triples(base):
        store.add(triple, graph)
    return graph


def _notation(iri: URIRef) -> str:
    return unquote(iri.rsplit("/", 1)[1])


@lru_cache(maxsize=1)
def _doc_type_labels() -> dict[str, str]:
    graph = load_data("concepts.ttl")
    scheme = URIRef(DEFAULT_BASE + "id/scheme/doctype")
    labels = {}
    for concept in graph.subjects(SKOS.inScheme, scheme):
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in graph.objects(concept, prop):
                if getattr(label, "language", None) in (None, "zh"):
                    labels[str(label)] = _notation(concept)
    return labels


def find_doc_type(label: str) -> str | None:
    """The notation of the document-type concept a printed 文种 belongs to, or None if it is not listed.

    >>> find_doc_type("复函"), find_doc_type("实施意见"), find_doc_type("通知"), find_doc_type("说明")
    ('函', '意见', '通知', None)
    """
    return _doc_type_labels().get(label.strip())


def find_proposal_type(kind: str) -> str | None:
    """The document-type concept of a proposal: a deputy's 议案 is 代表议案, never the statutory 议案.

    >>> find_proposal_type("议案"), find_proposal_type("建议"), find_proposal_type("提案")
    ('代表议案', '建议', '提案')
    """
    kind = kind.strip()
    return "代表议案" if kind == "议案" else find_doc_type(kind)


@lru_cache(maxsize=1)
def _listed_concepts() -> frozenset[str]:
    return frozenset(str(s) for s in load_data("concepts.ttl").subjects(SKOS.inScheme, None))


def is_listed_concept(scheme: str, notation: str) -> bool:
    """Whether concepts.ttl lists the concept, so that the vocabulary graph names it.

    >>> is_listed_concept("doctype", "函"), is_listed_concept("handling", "B"), is_listed_concept("role", "代表")
    (True, True, True)
    >>> is_listed_concept("doctype", "说明"), is_listed_concept("role", "秘书长助理")
    (False, False)
    """
    return concept_iri(DEFAULT_BASE, scheme, notation) in _listed_concepts()


@lru_cache(maxsize=1)
def _place_codes() -> dict[str, str]:
    graph = load_data("places.ttl")
    codes = {}
    for place, code in graph.subject_objects(SDO.identifier):
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in graph.objects(place, prop):
                codes[str(label)] = str(code)
    return codes


def find_place_code(name: str) -> str | None:
    """The GB/T 2260 code of a listed administrative division, by name as printed.

    >>> find_place_code("西山区"), find_place_code("昆明市西山区"), find_place_code("正阳街道")
    ('530112', '530112', None)
    """
    return _place_codes().get(re.sub(r"\s+", "", name))
