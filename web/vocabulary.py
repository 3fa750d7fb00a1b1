"""/ontology: the gongwen ontology as Turtle, JSON-LD or N-Triples by content negotiation, and as an HTML reference.

The reference lists every class and property of ``gongwen.ttl`` with its labels, comments and alignments, and
shows each in use: one triple that ``to_rdf`` writes for a bundled sample document (read and extracted as the
load pipeline does), or that the vocabulary graph states. It then lists the reused vocabularies (ELI, ELI-DL,
ORG, FOAF, CiTO, SKOS, schema.org, PROV-O, Web Annotation, DCMI) with the terms gongwen uses and what for,
from ``reused.ttl``.

The ontology is read once, when the app is built, from the Turtle files shipped in package
``gongwen.ontology``; its labels also name properties and classes on the resource pages.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import unquote

import pyoxigraph as ox
import rdflib
from flask import Blueprint, Response, abort, current_app, render_template, request

from gongwen.loaders.extract import extract_document
from gongwen.loaders.read import read_file
from gongwen.ontology.to_rdf import to_rdf
from gongwen.ontology.vocab import vocabulary_graph
from gongwen.web import formats, terms

bp = Blueprint("vocabulary", __name__)

CLASS_TYPES = (terms.OWL + "Class", terms.RDFS + "Class")
PROPERTY_TYPES = (terms.OWL + "ObjectProperty", terms.OWL + "DatatypeProperty", terms.OWL + "AnnotationProperty",
                  terms.RDF + "Property")
# How a term connects to others, in the order the reference shows them.
LINKS = {terms.RDFS + "subClassOf": "subClassOf", terms.RDFS + "subPropertyOf": "subPropertyOf",
         terms.SKOS + "closeMatch": "closeMatch", terms.SKOS + "exactMatch": "exactMatch",
         terms.RDFS + "domain": "domain", terms.RDFS + "range": "range"}
REUSED_FILE = "reused.ttl"
VANN_PREFIX = "http://purl.org/vocab/vann/preferredNamespacePrefix"
SCOPE_NOTE = terms.SKOS + "scopeNote"


@dataclass(frozen=True)
class Example:
    """A term in use: a Turtle snippet of one triple and where it comes from (a sample file, the vocabulary)."""

    source: str
    turtle: str


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
    example: Example | None = None


@dataclass(frozen=True)
class ReusedVocabulary:
    """A vocabulary gongwen reuses: its prefix, namespace, name, reference and ``(term, what for)`` pairs."""

    prefix: str
    namespace: str
    label: str
    see_also: str | None
    uses: tuple[tuple[str, str], ...]


def load_ontology() -> list[ox.Triple]:
    """Every triple of the ``.ttl`` files in package ``gongwen.ontology`` that declare an owl:Ontology.

    The package also ships instance data as Turtle (concept schemes, places) and notes on reused terms; those
    files declare no ontology and are not published here.

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


def document_terms(triples: list[ox.Triple], examples: dict[str, Example] | None = None) -> list[TermDoc]:
    """The classes then properties an ontology declares, each with labels, comments, alignments and example.

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
    order = list(LINKS)
    docs = []
    for iri, kind in types.items():
        mine = facts.get(iri, [])
        links = sorted(((p, o.value) for p, o in mine if p in LINKS and isinstance(o, ox.NamedNode)),
                       key=lambda link: (order.index(link[0]), link[1]))
        docs.append(TermDoc(
            iri=iri, anchor=_anchor(iri), kind=kind,
            label_zh=labels.get(iri, {}).get("zh"), label_en=labels.get(iri, {}).get("en"),
            comments=tuple((o.value, o.language) for p, o in mine
                           if p in (terms.RDFS + "comment", terms.SKOS + "definition") and isinstance(o, ox.Literal)),
            links=tuple((LINKS[p], target) for p, target in links),
            example=(examples or {}).get(iri)))
    return sorted(docs, key=lambda d: (d.kind != "class", d.anchor.lower()))


def _anchor(iri: str) -> str:
    """The fragment or last path segment of an IRI, as the reference page's anchor."""
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rstrip("/").rsplit("/", 1)[-1]


@lru_cache(maxsize=1)
def _namespaces() -> rdflib.namespace.NamespaceManager:
    manager = rdflib.namespace.NamespaceManager(rdflib.Graph(bind_namespaces="none"), bind_namespaces="none")
    for prefix, namespace in terms.PREFIXES.items():
        manager.bind(prefix, namespace)
    manager.bind("eli-dl", "http://data.europa.eu/eli/eli-draft-legislation-ontology#")
    return manager


def turtle_snippet(triple: tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]) -> str:
    """One triple as Turtle that parses on its own: the prefixes it uses, then the statement.

    >>> print(turtle_snippet((rdflib.URIRef("http://h/id/doc/1"), rdflib.URIRef(terms.ELI + "title"),
    ...                       rdflib.Literal("关于…的函"))))
    @prefix eli: <http://data.europa.eu/eli/ontology#> .
    <BLANKLINE>
    <http://h/id/doc/1> eli:title "关于…的函" .
    >>> print(turtle_snippet((rdflib.URIRef("http://h/id/doc/%E5%87%BD"), rdflib.URIRef(terms.ELI + "cites"),
    ...                       rdflib.URIRef("http://h/id/doc/2"))).splitlines()[-1])
    # <http://h/id/doc/函> eli:cites <http://h/id/doc/2>
    """
    manager = _namespaces()
    names = [term.n3(manager) for term in triple]
    if triple[1] == rdflib.RDF.type:
        names[1] = "a"
    used = dict.fromkeys(name.split(":", 1)[0] for name in names if _is_prefixed(name))
    used.update(dict.fromkeys(name.rsplit("^^", 1)[1].split(":", 1)[0] for name in names
                              if "^^" in name and _is_prefixed(name.rsplit("^^", 1)[1])))
    header = "".join(f"@prefix {p}: <{manager.store.namespace(p)}> .\n" for p in used)
    statement = " ".join(names) + " ."
    if any(name.startswith("<") and "%" in name for name in names):  # IRIs with escaped CJK, as people read them
        statement += "\n# " + " ".join(unquote(n) if n.startswith("<") else n for n in names)
    return f"{header}\n{statement}"


def _is_prefixed(name: str) -> bool:
    return not name.startswith(("<", '"', "_:")) and ":" in name


def find_examples(graphs: list[tuple[str, rdflib.Graph]], iris: list[str]) -> dict[str, Example]:
    """For each class or property IRI, the first triple using it in ``graphs`` (searched in order), as Turtle.

    A class is shown by a resource typed with it, a property by a triple with it as predicate; within a graph
    the triple that sorts first is taken, so the reference is the same on every build.

    >>> g = rdflib.Graph()
    >>> _ = g.add((rdflib.URIRef("urn:d"), rdflib.URIRef(terms.ELI + "title"), rdflib.Literal("函")))
    >>> find_examples([("a.txt", g)], [terms.ELI + "title", terms.GW + "answers"])[terms.ELI + "title"].source
    'a.txt'
    """
    found: dict[str, Example] = {}
    for iri in iris:
        term = rdflib.URIRef(iri)
        for source, graph in graphs:
            uses = sorted(graph.triples((None, rdflib.RDF.type, term))) or sorted(graph.triples((None, term, None)))
            if uses:
                found[iri] = Example(source, turtle_snippet(uses[0]))
                break
    return found


@lru_cache(maxsize=2)
def sample_graphs(base: str) -> tuple[tuple[str, rdflib.Graph], ...]:
    """The graphs of the bundled sample documents, read, extracted and mapped as the load pipeline does,
    then the vocabulary graph: where the reference finds its examples."""
    corpus = resources.files("gongwen.loaders").joinpath("sample_corpus")
    graphs = []
    for file in sorted((f for f in corpus.iterdir() if f.name.endswith(".txt")), key=lambda f: f.name):
        source = read_file(str(file))
        doc = extract_document(source.text, file=file.name, sha256=source.sha256)
        graphs.append((f"sample_corpus/{file.name}", to_rdf(doc, base)))
    graphs.append(("vocabulary graph", vocabulary_graph(base)))
    return tuple(graphs)


@lru_cache(maxsize=1)
def load_reused() -> tuple[ReusedVocabulary, ...]:
    """The vocabularies of ``reused.ttl``, in file order, each with the terms gongwen uses and what for.

    >>> [v.prefix for v in load_reused()][:3]
    ['eli', 'eli-dl', 'org']
    """
    data = resources.files("gongwen.ontology").joinpath(REUSED_FILE).read_bytes()
    triples = [quad.triple for quad in ox.parse(data, format=ox.RdfFormat.TURTLE)]
    namespaces = [(t.subject.value, t.object.value) for t in triples if t.predicate.value == VANN_PREFIX]
    notes = [(t.subject.value, t.object.value) for t in triples if t.predicate.value == SCOPE_NOTE]
    about = {(t.subject.value, t.predicate.value): t.object.value for t in triples}
    return tuple(ReusedVocabulary(
        prefix=prefix, namespace=namespace, label=about.get((namespace, terms.RDFS + "label"), prefix),
        see_also=about.get((namespace, terms.RDFS + "seeAlso")),
        uses=tuple((iri, note) for iri, note in notes if iri.startswith(namespace)))
        for namespace, prefix in namespaces)


def _compact(iri: str) -> str:
    """A term as ``prefix:local`` with the prefixes of the reference (ELI-DL included)."""
    name = rdflib.URIRef(iri).n3(_namespaces())
    return iri if name.startswith("<") else name


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
        base = current_app.config["BASE_IRI"]
        declared = [d.iri for d in document_terms(triples)]
        docs = document_terms(triples, find_examples(list(sample_graphs(base)), declared))
        html = render_template("ontology.html", terms=docs, compact=_compact,
                               href=lambda iri: terms.local_href(iri, base), reused=load_reused(),
                               about=_ontology_header(triples), triple_count=len(triples), twins=formats.SUFFIXES)
        return Response(html, content_type="text/html; charset=utf-8", headers={"Vary": "Accept"})
    body = ox.serialize(triples, format=formats.GRAPH_FORMATS[wanted], prefixes=terms.PREFIXES)
    return Response(body, content_type=formats.served_type(wanted), headers={"Vary": "Accept"})


def _ontology_header(triples: list[ox.Triple]) -> dict[str, str]:
    """The owl:Ontology node's IRI, zh/en labels and English comment, for the page heading."""
    node = next((t.subject.value for t in triples if t.predicate.value == terms.RDF_TYPE
                 and t.object.value == terms.OWL + "Ontology"), "")
    header = {"iri": node}
    for t in triples:
        if t.subject.value == node and isinstance(t.object, ox.Literal):
            key = t.predicate.value.rsplit("#", 1)[-1] + "_" + (t.object.language or "")
            header.setdefault(key, t.object.value)
    return header
