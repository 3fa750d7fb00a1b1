"""Linked-data pages: the home page and one page per resource under /id/, with Turtle and JSON-LD twins.

A request for ``/id/…`` names the IRI ``base_iri + /id/…``, so IRIs minted with the default base
(http://127.0.0.1:5000/) dereference on whatever host and port the site runs. Each page is negotiated on
``Accept`` (HTML for people, RDF for machines) or chosen by suffix (``….ttl``, ``….jsonld``, ``….nt``, ``….rdf``).
"""
from __future__ import annotations

from dataclasses import dataclass
import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request, url_for

from gongwen.ontology import iris
from gongwen.web import formats, queries, terms

bp = Blueprint("resources", __name__)

PAGE_TYPES = ["text/html", *formats.GRAPH_FORMATS]


@dataclass(frozen=True)
class Group:
    """The values of one property on a page, under the property's names."""

    zh: str | None
    en: str | None
    curie: str
    href: str
    values: tuple[terms.Shown, ...]


def candidate_iris(base_iri: str, path: str) -> list[tuple[str, str | None]]:
    """The IRIs a request path may name, each with the media type its suffix asks for (None: negotiate).

    A suffixed path is first read as the data twin of the IRI without the suffix.

    >>> candidate_iris("http://127.0.0.1:5000/", "/id/doc/甲.ttl")  # doctest: +NORMALIZE_WHITESPACE
    [('http://127.0.0.1:5000/id/doc/%E7%94%B2', 'text/turtle'), ('http://127.0.0.1:5000/id/doc/%E7%94%B2.ttl', None)]
    """
    twins = [(iris.path_to_iri(path[: -len(suffix)], base_iri), media)
             for suffix, media in formats.SUFFIXES.items() if path.endswith(suffix)]
    return [*twins, (iris.path_to_iri(path, base_iri), None)]


def group_values(pairs: list[tuple[ox.NamedNode, queries.Term]], base_iri: str, labels: dict[str, str],
                 names: dict[str, dict[str, str]], inverse: bool = False) -> list[Group]:
    """Property/value pairs gathered by property, each property with its zh/en names.

    >>> p = ox.NamedNode(terms.CITES)
    >>> g = group_values([(p, ox.NamedNode("http://h/id/b"))], "http://h/", {}, {})
    >>> (g[0].zh, g[0].en, g[0].values[0].href)
    ('引用', 'cites', '/id/b')
    """
    by_property: dict[str, list[terms.Shown]] = {}
    for prop, value in pairs:
        by_property.setdefault(prop.value, []).append(terms.show_term(value, base_iri, labels))
    groups = []
    for prop, values in by_property.items():
        zh, en = _property_names(prop, names, inverse)
        groups.append(Group(zh, en, terms.compact_iri(prop), terms.local_href(prop, base_iri), tuple(values)))
    return sorted(groups, key=lambda g: (g.zh is None and g.en is None, g.curie))


def _property_names(prop: str, names: dict[str, dict[str, str]], inverse: bool) -> tuple[str | None, str | None]:
    if inverse:
        if prop in terms.INVERSE_LABELS:
            return terms.INVERSE_LABELS[prop]
        zh, en = _property_names(prop, names, False)
        return (zh and f"{zh}（反向）"), (en and f"is {en} of")
    own = names.get(prop, {})
    known = terms.KNOWN_LABELS.get(prop, (None, None))
    return own.get("zh") or known[0], own.get("en") or known[1]


def summarize(store) -> dict:
    """The home page's counts: a scan of the whole store, so the app keeps it until the store is written."""
    return {**queries.count_things(store), "triples": len(store)}


@bp.get("/")
def home() -> Response:
    """What gongwen is, what the store holds, the most-cited documents, and where to go next."""
    base = current_app.config["BASE_IRI"]
    cited = current_app.config["CITATION_INDEX"].get().most_cited(10)
    most_cited = [(terms.local_href(doc.iri, base), doc.title or doc.label, doc.number, n,
                   url_for("graph.view", focus=doc.iri)) for doc, n in cited]
    summary = current_app.config["STORE_SUMMARY"].get()
    html = render_template("home.html", counts=summary, most_cited=most_cited, triples=summary["triples"])
    return Response(html, content_type="text/html; charset=utf-8")


@bp.get("/id/<path:rest>")
def resource(rest: str) -> Response:
    """The page of the IRI this path names, in the negotiated or suffixed syntax; 404 if the store lacks it."""
    store = current_app.config["STORE"]
    base = current_app.config["BASE_IRI"]
    path = "/id/" + rest
    for iri, media in candidate_iris(base, path):
        if queries.is_known(store, iri):
            break
    else:
        return _not_found(store, base, iris.path_to_iri(path, base))
    wanted = media or formats.choose_media_type(request.headers.get("Accept"), PAGE_TYPES)
    if wanted is None:
        return Response(f"Offered: {', '.join(PAGE_TYPES)}\n", status=406, content_type="text/plain; charset=utf-8")
    if wanted != "text/html":
        body = ox.serialize(queries.describe_resource(store, iri), format=formats.GRAPH_FORMATS[wanted],
                            prefixes=terms.PREFIXES)
        return Response(body, content_type=formats.served_type(wanted), headers={"Vary": "Accept"})
    return Response(_render_page(store, base, iri), content_type="text/html; charset=utf-8",
                    headers={"Vary": "Accept"})


def _render_page(store, base: str, iri: str) -> str:
    outgoing = queries.find_outgoing(store, iri)
    incoming, mentions = queries.find_incoming(store, iri)
    linked = [t.value for _, t in outgoing + incoming if isinstance(t, ox.NamedNode)]
    labels = queries.find_labels(store, [iri, *linked])
    names = current_app.config["TERM_LABELS"]
    labels.update({i: n.get("zh") or n.get("en") for i, n in names.items() if i not in labels})
    # A mention IRI is <source#char=a,b> (gongwen.ontology.iris.mention_iri): its fragment says where.
    labels.update({m.value: m.value.rsplit("#", 1)[-1] for m in mentions if isinstance(m, ox.NamedNode)})
    types = [terms.show_term(o, base, labels) for p, o in outgoing if p.value == terms.RDF_TYPE]
    rest = [(p, o) for p, o in outgoing if p.value != terms.RDF_TYPE]
    numbers = [o.value for p, o in outgoing if p.value == terms.ID_LOCAL]
    twin_base = terms.local_href(iri, base)
    return render_template(
        "resource.html", iri=iri, label=labels.get(iri) or terms.compact_iri(iri), numbers=numbers, types=types,
        properties=group_values(rest, base, labels, names),
        incoming=group_values(incoming, base, labels, names, inverse=True),
        mentions=[terms.show_term(m, base, labels) for m in mentions],
        graphs=[terms.show_term(ox.NamedNode(g), base, labels) for g in queries.find_source_graphs(store, iri)],
        graph_href=url_for("graph.view", focus=iri),
        twins=[(twin_base + suffix, media) for suffix, media in formats.SUFFIXES.items()]
        if twin_base.startswith("/") else [])


def _not_found(store, base: str, iri: str) -> Response:
    """A 404 that says which IRI was looked for and offers resources under the same path."""
    parent = iri.rsplit("/", 1)[0] + "/"
    rows = store.query(f"SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), "
                       f"{ox.Literal(parent)})) }} ORDER BY ?s LIMIT 20")
    nearby = [r["s"].value for r in rows]
    labels = queries.find_labels(store, nearby)
    html = render_template("not_found.html", iri=iri, nearby=[terms.show_term(ox.NamedNode(i), base, labels)
                                                              for i in nearby])
    return Response(html, status=404, content_type="text/html; charset=utf-8")
