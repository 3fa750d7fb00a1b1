"""How the pages name and link RDF terms: the vocabulary they read, prefixes, labels and local links.

The pages read a handful of properties written by ``gongwen.ontology.to_rdf``; they are named here once so a
change of vocabulary is a change of this table.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import pyoxigraph as ox

from gongwen.ontology import iris

ELI = "http://data.europa.eu/eli/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
FOAF = "http://xmlns.com/foaf/0.1/"
ORG = "http://www.w3.org/ns/org#"
GW = "https://w3id.org/gongwen/ontology#"

CITES = ELI + "cites"
ID_LOCAL = ELI + "id_local"
PASSED_BY = ELI + "passed_by"
RDF_TYPE = RDF + "type"

# Prefixes for Turtle output and compact names on the pages (the namespaces of the preamble's ontologies).
PREFIXES: dict[str, str] = {
    "gw": GW,
    "eli": ELI,
    "dcterms": DCTERMS,
    "org": ORG,
    "skos": SKOS,
    "schema": SCHEMA,
    "foaf": FOAF,
    "cito": "http://purl.org/spar/cito/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
}

# Properties that name a thing, most preferred first: a document's title beats its number as a heading.
LABEL_PROPERTIES: tuple[str, ...] = (
    RDFS + "label", SKOS + "prefLabel", DCTERMS + "title", ELI + "title", DCTERMS + "alternative",
    SCHEMA + "name", FOAF + "name", ID_LOCAL, GW + "sourcePath",
)

# Chinese and English names for the properties the pages show most, when the ontology file has none.
KNOWN_LABELS: dict[str, tuple[str, str]] = {
    CITES: ("引用", "cites"),
    ID_LOCAL: ("发文字号", "document number"),
    PASSED_BY: ("发文机关", "issued by"),
    ELI + "date_document": ("成文日期", "date"),
    ELI + "title": ("标题", "title"),
    ELI + "is_about": ("涉及", "is about"),
    DCTERMS + "alternative": ("引用时的标题", "title as cited"),
    DCTERMS + "title": ("标题", "title"),
    RDF_TYPE: ("类型", "type"),
    RDFS + "label": ("名称", "label"),
    SKOS + "prefLabel": ("名称", "preferred label"),
}


@dataclass(frozen=True)
class Shown:
    """An RDF term as a page shows it: text, and for IRIs the link to follow; for literals language/datatype."""

    text: str
    href: str | None = None
    lang: str | None = None
    datatype: str | None = None
    iri: str | None = None


def compact_iri(iri: str) -> str:
    """``prefix:local`` for an IRI in a known namespace, else the IRI itself.

    >>> compact_iri("http://data.europa.eu/eli/ontology#cites")
    'eli:cites'
    >>> compact_iri("urn:x")
    'urn:x'
    """
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def local_href(iri: str, base_iri: str) -> str:
    """Where a page links an IRI: a path on this site for IRIs under the base, else the IRI itself.

    IRIs minted with one base still work when the site runs on another host or port.

    >>> local_href("http://127.0.0.1:5000/id/doc/西民函〔2023〕53号", "http://127.0.0.1:5000/")
    '/id/doc/%E8%A5%BF%E6%B0%91%E5%87%BD%E3%80%942023%E3%80%9553%E5%8F%B7'
    >>> local_href("https://w3id.org/gongwen/ontology#Programme", "http://127.0.0.1:5000/")
    '/ontology#Programme'
    >>> local_href("https://example.org/x", "http://127.0.0.1:5000/")
    'https://example.org/x'
    """
    if iri.startswith(GW):
        return "/ontology#" + iri[len(GW):]
    path = iris.iri_to_path(iri, base_iri)
    if path is None:
        return iri
    fragment = iri[len(base_iri.rstrip("/")) + len(path):]
    return quote(path + fragment, safe="/:@!$&'()*+,;=-._~#%")


def pick_label(candidates: list[tuple[str, ox.Literal]]) -> str | None:
    """The best label among ``(property, literal)`` pairs: preferred property first, then zh, untagged, en.

    >>> pick_label([(ID_LOCAL, ox.Literal("西民函〔2023〕53号")),
    ...             (DCTERMS + "title", ox.Literal("Reply", language="en")),
    ...             (DCTERMS + "title", ox.Literal("答复", language="zh"))])
    '答复'
    >>> pick_label([]) is None
    True
    """
    def rank(pair: tuple[str, ox.Literal]) -> tuple[int, int]:
        prop, literal = pair
        lang = (literal.language or "").lower()
        lang_rank = 0 if lang.startswith("zh") else 1 if not lang else 2 if lang.startswith("en") else 3
        return LABEL_PROPERTIES.index(prop) if prop in LABEL_PROPERTIES else len(LABEL_PROPERTIES), lang_rank
    return min(candidates, key=rank)[1].value if candidates else None


def show_term(term: ox.NamedNode | ox.BlankNode | ox.Literal, base_iri: str,
              labels: dict[str, str]) -> Shown:
    """A term ready for a template: labelled links for IRIs, language and datatype for literals.

    >>> show_term(ox.Literal("答复", language="zh"), "http://h/", {})
    Shown(text='答复', href=None, lang='zh', datatype=None, iri=None)
    >>> show_term(ox.NamedNode("http://h/id/a"), "http://h/", {"http://h/id/a": "甲"}).href
    '/id/a'
    """
    if isinstance(term, ox.Literal):
        plain = term.language or term.datatype.value in (
            "http://www.w3.org/2001/XMLSchema#string", RDF + "langString")
        return Shown(term.value, lang=term.language, datatype=None if plain else compact_iri(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return Shown(f"_:{term.value}")
    return Shown(labels.get(term.value) or compact_iri(term.value), href=local_href(term.value, base_iri),
                 iri=term.value)

# Classes the home page counts and the graph view styles (ELI documents, W3C ORG agencies, gongwen programmes).
DOCUMENT_CLASSES: tuple[str, ...] = (ELI + "LegalResource", ELI + "Work", ELI + "LegalExpression")
AGENCY_CLASSES: tuple[str, ...] = (ORG + "Organization", ORG + "FormalOrganization", ORG + "OrganizationalUnit",
                                   FOAF + "Organization", SCHEMA + "GovernmentOrganization")
PROGRAMME_CLASSES: tuple[str, ...] = (GW + "Programme", SCHEMA + "Project")

# Names of links seen from their object's page ("cited by" on the cited document's page).
INVERSE_LABELS: dict[str, tuple[str, str]] = {
    CITES: ("被引用", "cited by"),
    PASSED_BY: ("发布的文件", "issuer of"),
    ELI + "is_about": ("涉及本项的文件", "subject of"),
}
