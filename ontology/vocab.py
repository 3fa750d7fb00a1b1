"""The concept schemes and the place table shipped as Turtle data, and the lookups to_rdf makes in them.

``concepts.ttl`` and ``places.ttl`` are written relative to the default base IRI; :func:`load_data` re-bases
them so that they name the same IRIs ``gongwen.ontology.iris`` mints for the configured base.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from gongwen.ontology.iris import DEFAULT_BASE
from gongwen.ontology.namespaces import SDO

DATA_FILES = ("concepts.ttl", "places.ttl")


def load_data(name: str, base: str = DEFAULT_BASE) -> Graph:
    """One of :data:`DATA_FILES` as a graph whose IRIs start with ``base``.

    >>> g = load_data("concepts.ttl", "https://gongwen.example/")
    >>> (URIRef("https://gongwen.example/id/concept/handling/B"), SKOS.notation, None) in g
    True
    """
    text = files("gongwen.ontology").joinpath(name).read_text(encoding="utf-8")
    rebased = text.replace(f"@base <{DEFAULT_BASE}>", f"@base <{base}>", 1)
    return Graph().parse(data=rebased, format="turtle")


def _notation(iri: URIRef) -> str:
    return iri.rsplit("/", 1)[1]


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
