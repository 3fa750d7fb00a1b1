"""/ontology: the gongwen ontology as Turtle, JSON-LD or N-Triples by content negotiation, and as an HTML reference.

The ontology is read once, when the app is built, from the Turtle files shipped in package
``gongwen.ontology``; its labels also name properties and classes on the resource pages.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, render_template, request

from gongwen.web import formats, terms

bp = Blueprint("vocabulary", __name__)

CLASS_TYPES = (terms.OWL + "Class", terms.RDFS + "Class")
PROPERTY_TYPES = (terms.OWL + "ObjectProperty", terms.OWL + "DatatypeProperty", terms.OWL + "AnnotationProperty",
                  terms.RDF + "Property")


@dataclass(frozen=True)
class TermDoc:
    """One class or property of the reference: its names, comments and how it connects to others."""

    iri: str
    anchor: str
    kind: str
    label_zh: str | None
    label_en: str | None
    comments: tuple[tuple[str, str | None], ...]
    links: tuple[tuple[str, str], ...]


def load_ontology() -> list[ox.Triple]:
    """Every triple of the ``.ttl`` files in package ``gongwen.ontology`` that declare an owl:Ontology.

    The package also ships instance data as Turtle (concept schemes, places); those files declare no
    ontology and are published as resources, not here.

    >>> all(isinstance(t, ox.Triple) for t in load_ontology())
    True
    """
    files = sorted((f for f in resources.files("gongwen.ontology").iterdir() if f.name.endswith(".ttl")),
                   key=lambda f: f.name)
    ontology = (ox.NamedNode(terms.RDF_TYPE), ox.NamedNode(terms.OWL + "Ontology"))
    triples: dict[ox.Triple, None] = {}
    for file in files:
        found = [quad.triple for quad in ox.parse(file.read_bytes(), format=ox.RdfFormat.TURTLE)]
        if any((t.predicate, t.object) == ontology for t in found):
            triples.update(dict.fromkeys(found))
    return list(triples)


def find_term_labels(triples: list[ox.Triple]) -> dict[str, dict[str, str]]:
    """``{iri: {"zh": …, "en": …}}`` from the rdfs:label / skos:prefLabel of an ontology.

    >>> t = ox.Triple(ox.NamedNode("urn:p"), ox.NamedNode(terms.RDFS + "label"), ox.Literal("引用", language="zh"))
    >>> find_term_labels([t])
    {'urn:p': {'zh': '引用'}}
    """
    labels: dict[str, dict[str, str]] = {}
    for t in triples:
        if t.predicate.value in (terms.RDFS + "label", terms.SKOS + "prefLabel") and isinstance(t.object, ox.Literal):
            lang = (t.object.language or "").split("-")[0] or "zh"
            labels.setdefault(t.subject.value, {}).setdefault(lang, t.object.value)
    return labels


def document_terms(triples: list[ox.Triple]) -> list[TermDoc]:
    """The classes then properties an ontology declares, each with labels, comments, domain and range.

    >>> rdf_type = ox.NamedNode(terms.RDF_TYPE)
    >>> cls = ox.NamedNode(terms.GW + "Programme")
    >>> [d.anchor for d in document_terms([ox.Triple(cls, rdf_type, ox.NamedNode(terms.OWL + "Class"))])]
    ['Programme']
    """
    types: dict[str, str] = {}
    facts: dict[str, list[tuple[str, ox.NamedNode | ox.BlankNode | ox.Literal]]] = {}
    for t in triples:
        if not isinstance(t.subject, ox.NamedNode):
            continue
        if t.predicate.value == terms.RDF_TYPE and t.object.value in CLASS_TYPES + PROPERTY_TYPES:
            types.setdefault(t.subject.value, "class" if t.object.value in CLASS_TYPES else "property")
        facts.setdefault(t.subject.value, []).append((t.predicate.value, t.object))
    labels = find_term_labels(triples)
    linking = {terms.RDFS + "domain": "domain", terms.RDFS + "range": "range",
               terms.RDFS + "subClassOf": "subClassOf", terms.RDFS + "subPropertyOf": "subPropertyOf"}
    docs = []
    for iri, kind in types.items():
        mine = facts.get(iri, [])
        docs.append(TermDoc(
            iri=iri, anchor=_anchor(iri), kind=kind,
            label_zh=labels.get(iri, {}).get("zh"), label_en=labels.get(iri, {}).get("en"),
            comments=tuple((o.value, o.language) for p, o in mine
                           if p in (terms.RDFS + "comment", terms.SKOS + "definition") and isinstance(o, ox.Literal)),
            links=tuple((linking[p], o.value) for p, o in mine if p in linking and isinstance(o, ox.NamedNode))))
    return sorted(docs, key=lambda d: (d.kind != "class", d.anchor.lower()))


def _anchor(iri: str) -> str:
    """The fragment or last path segment of an IRI, as the reference page's anchor."""
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rstrip("/").rsplit("/", 1)[-1]


@bp.get("/ontology")
@bp.get("/ontology<suffix>")
def ontology(suffix: str = "") -> Response:
    """The ontology in the requested syntax, or the HTML reference."""
    if suffix and suffix not in formats.SUFFIXES:
        abort(404)
    triples = current_app.config["ONTOLOGY"]
    wanted = formats.SUFFIXES.get(suffix) or formats.choose_media_type(
        request.headers.get("Accept"), ["text/html", *formats.GRAPH_FORMATS])
    if wanted is None:
        return Response(f"Offered: text/html, {', '.join(formats.GRAPH_FORMATS)}\n", status=406,
                        content_type="text/plain; charset=utf-8")
    if wanted == "text/html":
        html = render_template("ontology.html", terms=document_terms(triples), compact=terms.compact_iri,
                               href=lambda iri: terms.local_href(iri, current_app.config["BASE_IRI"]),
                               triple_count=len(triples), twins=formats.SUFFIXES)
        return Response(html, content_type="text/html; charset=utf-8", headers={"Vary": "Accept"})
    body = ox.serialize(triples, format=formats.GRAPH_FORMATS[wanted], prefixes=terms.PREFIXES)
    return Response(body, content_type=formats.served_type(wanted), headers={"Vary": "Accept"})
