"""Citation analysis with networkx: who cites whom, chains up and down the hierarchy, rankings, Gephi files.

The citation network is read from the store once (documents linked by ``eli:cites``) into a
``networkx.DiGraph`` whose nodes are document IRIs with their number, title, issuer and year as attributes;
every analysis below is a plain networkx call on that graph.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

import networkx as nx

from gongwen.store import Store

ELI = "http://data.europa.eu/eli/ontology#"
DCT = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
GW = "https://w3id.org/gongwen/ontology#"

NETWORK_QUERY = f"SELECT ?a ?b WHERE {{ ?a <{ELI}cites> ?b }}"
# What the network's nodes carry, each read by a query of one or two patterns: oxigraph scans a predicate's
# index in a few milliseconds, where one query joining them all (a UNION and six OPTIONALs per node, then
# GROUP BY) took 3.5x as long.
ATTRIBUTE_QUERIES = {
    "number": f"SELECT ?d ?v WHERE {{ ?d <{ELI}id_local> ?v }}",
    "title": f"SELECT ?d ?v WHERE {{ ?d <{ELI}title> ?v }}",
    "title_as_cited": f"SELECT ?d ?v WHERE {{ ?d <{DCT}alternative> ?v }}",
    "issuer": f"SELECT ?d ?v WHERE {{ ?d <{ELI}passed_by> ?agency . ?agency <{SKOS}prefLabel> ?v }}",
    "date": f"SELECT ?d ?v WHERE {{ ?d <{ELI}date_document> ?v }}",
    "source": f"SELECT ?d ?v WHERE {{ ?d <{GW}sourceGraph> ?v }}",
}


def citation_graph(store: Store) -> nx.DiGraph:
    """The citation network: an edge a → b for every ``a eli:cites b``, a node for every numbered document
    too; node attributes from the store."""
    graph = nx.DiGraph()
    graph.add_edges_from((row["a"], row["b"]) for row in store.select(NETWORK_QUERY))
    values = {name: _first_values(store.select(query)) for name, query in ATTRIBUTE_QUERIES.items()}
    graph.add_nodes_from(values["number"])
    for node in graph:
        graph.nodes[node].update(_node_attributes(node, {name: found.get(node, "") for name, found in values.items()}))
    return graph


def _first_values(rows: list[dict[str, str]]) -> dict[str, str]:
    """Each subject's least value: one per subject, the same on every run.

    >>> _first_values([{"d": "a", "v": "2"}, {"d": "a", "v": "1"}, {"d": "b"}])
    {'a': '1'}
    """
    first: dict[str, str] = {}
    for row in rows:
        if "v" in row and (row["d"] not in first or row["v"] < first[row["d"]]):
            first[row["d"]] = row["v"]
    return first


def _node_attributes(node: str, values: dict[str, str]) -> dict[str, object]:
    number, date = values["number"], values["date"]
    title = values["title"] or values["title_as_cited"]
    return {
        "number": number,
        "title": title,
        "issuer": values["issuer"],
        "year": int(date[:4]) if date[:4].isdigit() else _year_of(number),
        "in_corpus": bool(values["source"]),
        "label": number or title or node.rsplit("/", 1)[-1],
    }


def _year_of(number: str) -> int:
    """The year inside a canonical 文号, 0 when there is none.

    >>> _year_of("西办通〔2022〕54号"), _year_of("")
    (2022, 0)
    """
    start = number.find("〔")
    year = number[start + 1:start + 5] if start >= 0 else ""
    return int(year) if year.isdigit() else 0


def citation_path(graph: nx.DiGraph, source: str, target: str) -> list[str]:
    """The shortest chain of citations from ``source`` up to ``target``, empty when there is none.

    >>> citation_path(nx.DiGraph([("a", "b"), ("b", "c")]), "a", "c")
    ['a', 'b', 'c']
    """
    try:
        return nx.shortest_path(graph, source, target)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []


def most_cited(graph: nx.DiGraph, limit: int = 20) -> list[tuple[str, int]]:
    """Documents ranked by how many documents cite them (ties by IRI).

    >>> most_cited(nx.DiGraph([("a", "c"), ("b", "c"), ("a", "b")]), 2)
    [('c', 2), ('b', 1)]
    """
    ranked = sorted(graph.in_degree(), key=lambda item: (-item[1], item[0]))
    return [(node, degree) for node, degree in ranked[:limit] if degree > 0]


def influence(graph: nx.DiGraph, limit: int = 20) -> list[tuple[str, float]]:
    """Documents ranked by PageRank: cited by documents that are themselves much cited."""
    if graph.number_of_nodes() == 0:
        return []
    scores = nx.pagerank(graph)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]


def write_network(graph: nx.DiGraph, fmt: str, output: BinaryIO) -> None:
    """Write the network as GraphML or GEXF, with labels and attributes Gephi shows."""
    writers = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}
    if fmt not in writers:
        raise ValueError(f"network format must be one of {', '.join(writers)}, not {fmt!r}")
    writers[fmt](graph, output)


def subgraph_around(graph: nx.DiGraph, docs: Iterable[str], hops: int = 2) -> nx.DiGraph:
    """The documents within ``hops`` citations of ``docs``, in either direction.

    >>> sorted(subgraph_around(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d")]), ["a"], 2))
    ['a', 'b', 'c']
    """
    undirected = graph.to_undirected(as_view=True)
    keep: set[str] = set()
    for doc in docs:
        if doc in graph:
            keep |= set(nx.single_source_shortest_path_length(undirected, doc, cutoff=hops))
    return graph.subgraph(keep).copy()
