"""The store reads behind the pages: labels, a resource's links, counts, the citation network.

Every query runs over the union of the document graphs (the store's default), so a fact stated by two source
documents shows once. IRIs enter the SPARQL text only through ``pyoxigraph.NamedNode``, which refuses
anything that is not an IRI.
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from gongwen.ontology.iris import mention_span
from gongwen.store import Store
from gongwen.web import terms

Term = ox.NamedNode | ox.BlankNode | ox.Literal


def sparql_iris(iris: Iterable[str]) -> str:
    """IRIs as a SPARQL VALUES list; raises ValueError for a string that is not an IRI.

    >>> sparql_iris(["urn:a", "http://h/b"])
    '<urn:a> <http://h/b>'
    """
    return " ".join(str(ox.NamedNode(i)) for i in iris)


def find_labels(store: Store, iris: Iterable[str]) -> dict[str, str]:
    """The best label of each IRI that has one (see :func:`gongwen.web.terms.pick_label`).

    >>> from gongwen.store import GraphData
    >>> s = Store.open()
    >>> s.replace_graphs([GraphData("urn:g", '<urn:a> <http://www.w3.org/2000/01/rdf-schema#label> "甲"@zh .')])
    >>> find_labels(s, ["urn:a", "urn:b"])
    {'urn:a': '甲'}
    """
    wanted = sorted(set(iris))
    if not wanted:
        return {}
    rows = store.query(f"SELECT ?s ?p ?l WHERE {{ VALUES ?s {{ {sparql_iris(wanted)} }} "
                       f"VALUES ?p {{ {sparql_iris(terms.LABEL_PROPERTIES)} }} ?s ?p ?l FILTER(isLiteral(?l)) }}")
    found: dict[str, list[tuple[str, ox.Literal]]] = {}
    for row in rows:
        found.setdefault(row["s"].value, []).append((row["p"].value, row["l"]))
    return {iri: terms.pick_label(pairs) for iri, pairs in found.items()}


def is_known(store: Store, iri: str) -> bool:
    """Whether the IRI occurs in any graph, as subject, object or graph name."""
    node = str(ox.NamedNode(iri))
    return store.ask(f"ASK {{ {{ {node} ?p ?o }} UNION {{ ?s ?p {node} }} UNION {{ GRAPH {node} {{ ?a ?b ?c }} }} }}")


def find_numbers(store: Store, iris: Iterable[str]) -> dict[str, str]:
    """The 发文字号 (eli:id_local) of each IRI that has one."""
    values = sparql_iris(sorted(set(iris)))
    if not values:
        return {}
    rows = store.query(f"SELECT ?d ?n WHERE {{ VALUES ?d {{ {values} }} ?d {ox.NamedNode(terms.ID_LOCAL)} ?n }}")
    return {row["d"].value: row["n"].value for row in rows}


def find_outgoing(store: Store, iri: str) -> list[tuple[ox.NamedNode, Term]]:
    """Distinct ``(property, value)`` pairs with the IRI as subject, across all graphs."""
    rows = store.query(f"SELECT DISTINCT ?p ?o WHERE {{ {ox.NamedNode(iri)} ?p ?o }} ORDER BY ?p ?o")
    return [(row["p"], row["o"]) for row in rows]


def find_incoming(store: Store, iri: str) -> tuple[list[tuple[ox.NamedNode, Term]], list[Term]]:
    """Distinct ``(property, subject)`` pairs pointing at the IRI, and apart from them the mention nodes
    (spans of source texts, known by their ``#char=`` IRIs) that name it, which would otherwise bury the links
    on a busy page."""
    rows = store.query(f"SELECT DISTINCT ?p ?s WHERE {{ ?s ?p {ox.NamedNode(iri)} }} ORDER BY ?p ?s")
    links, mentions = [], []
    for row in rows:
        if isinstance(row["s"], ox.NamedNode) and mention_span(row["s"].value):
            mentions.append(row["s"])
        else:
            links.append((row["p"], row["s"]))
    return links, list(dict.fromkeys(mentions))


def find_source_graphs(store: Store, iri: str) -> list[str]:
    """The named graphs (source documents) that state something about the IRI."""
    rows = store.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {ox.NamedNode(iri)} ?p ?o }} }} ORDER BY ?g")
    return [row["g"].value for row in rows]


def describe_resource(store: Store, iri: str) -> list[ox.Triple]:
    """The IRI's own triples (with blank-node values expanded) plus the labels of the IRIs it links to.

    Duplicates across graphs are removed, so the result is what a data twin serializes.
    """
    node = ox.NamedNode(iri)
    own = store.query(f"CONSTRUCT {{ {node} ?p ?o . ?o ?p2 ?o2 }} WHERE {{ {node} ?p ?o "
                      f"OPTIONAL {{ FILTER(isBlank(?o)) ?o ?p2 ?o2 }} }}")
    labels = store.query(f"CONSTRUCT {{ ?o ?lp ?l }} WHERE {{ {node} ?p ?o FILTER(isIRI(?o)) "
                         f"VALUES ?lp {{ {sparql_iris(terms.LABEL_PROPERTIES)} }} ?o ?lp ?l }}")
    # Sorted so the serializers group each subject's triples, the IRI's own first.
    return sorted(dict.fromkeys([*own, *labels]), key=lambda t: (t.subject != node, str(t.subject), str(t.predicate)))


def count_things(store: Store) -> dict[str, int]:
    """How many documents, citations, agencies and programmes the store holds."""
    docs = sparql_iris(terms.DOCUMENT_CLASSES)
    agencies = sparql_iris(terms.AGENCY_CLASSES)
    programmes = sparql_iris(terms.PROGRAMME_CLASSES)
    cites, id_local, passed_by = (ox.NamedNode(i) for i in (terms.CITES, terms.ID_LOCAL, terms.PASSED_BY))
    queries = {
        "documents": f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {{ VALUES ?c {{ {docs} }} ?x a ?c }} "
                     f"UNION {{ ?x {id_local} ?v }} UNION {{ ?x {cites} ?y }} UNION {{ ?y {cites} ?x }} }}",
        "citations": f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?x ?y WHERE {{ ?x {cites} ?y }} }}",
        "agencies": f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {{ VALUES ?c {{ {agencies} }} ?x a ?c }} "
                    f"UNION {{ ?d {passed_by} ?x }} }}",
        "programmes": f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ VALUES ?c {{ {programmes} }} ?x a ?c }}",
    }
    return {name: int(next(iter(store.query(q)))["n"].value) for name, q in queries.items()}


def find_citations(store: Store, around: Iterable[str]) -> list[tuple[str, str]]:
    """Distinct ``(citing, cited)`` IRI pairs touching the ``around`` IRIs."""
    cites = ox.NamedNode(terms.CITES)
    values = sparql_iris(sorted(set(around)))
    if not values:
        return []
    query = (f"SELECT DISTINCT ?a ?b WHERE {{ VALUES ?x {{ {values} }} "
             f"{{ ?x {cites} ?b BIND(?x AS ?a) }} UNION {{ ?a {cites} ?x BIND(?x AS ?b) }} FILTER(isIRI(?b)) }}")
    return sorted((row["a"].value, row["b"].value) for row in store.query(query))


def find_context(store: Store, iri: str) -> list[tuple[str, str, str]]:
    """The issuing agency (eli:passed_by) and the programmes linked to the IRI, as ``(subject, object, kind)``
    edges; for an agency the documents it issued, for a programme the documents about it.

    ``kind`` is ``"agency"``, ``"programme"`` or ``"document"`` (issued by the agency or about the programme) and names the
    node that is not the IRI.
    """
    node = ox.NamedNode(iri)
    programme_classes = sparql_iris(terms.PROGRAMME_CLASSES)
    passed_by = ox.NamedNode(terms.PASSED_BY)
    query = f"""SELECT DISTINCT ?s ?o ?kind WHERE {{
      {{ BIND({node} AS ?s) {node} {passed_by} ?o BIND("agency" AS ?kind) }}
      UNION {{ BIND({node} AS ?o) ?s {passed_by} {node} BIND("document" AS ?kind) }}
      UNION {{ BIND({node} AS ?s) {node} ?p ?o . VALUES ?c {{ {programme_classes} }} ?o a ?c
               BIND("programme" AS ?kind) }}
      UNION {{ BIND({node} AS ?o) ?s ?p {node} . VALUES ?c {{ {programme_classes} }} ?s a ?c
               BIND("programme" AS ?kind) }}
      UNION {{ BIND({node} AS ?o) VALUES ?c {{ {programme_classes} }} {node} a ?c . ?s ?p {node} .
               ?s a <{terms.ELI}LegalResource> BIND("document" AS ?kind) }}
      FILTER(isIRI(?s) && isIRI(?o))
    }}"""
    return sorted({(row["s"].value, row["o"].value, row["kind"].value) for row in store.query(query)})
