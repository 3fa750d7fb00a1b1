"""The citation index: the citation network held in memory, for the questions researchers ask most.

Who cites X, what X cites, everything upstream or downstream of X, the most-cited documents: on the disk
store each is a SPARQL join or property path that oxigraph answers only 2-8x faster than rdflib (see
benchmarks/RESULTS.md), because it walks RocksDB indexes. The index reads the network once (two queries, see
gongwen.citations) into a networkx DiGraph plus a table from 文号 to document, after which each answer is a
dictionary walk. The web app's /api/ pages and the notebook API (gongwen.api) answer from it, kept in a
gongwen.memo.StoreMemo that builds it again after the store is written.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

import networkx as nx

from gongwen import citations
from gongwen.loaders.docnumbers import canonical_doc_number

# Closures the index keeps once walked: paging through the 15,875 documents downstream of the most-cited of
# 100,000 takes 159 pages of 100, each of which would otherwise walk and sort them all again (8 ms).
KEPT_TRACES = 256


@dataclass(frozen=True)
class CitedDocument:
    """A document of the network as the index describes it; ``number`` is its canonical 文号 or "", ``label``
    what names it (gongwen.citations: the number, else the title)."""

    iri: str
    number: str
    title: str
    issuer: str
    year: int
    in_corpus: bool
    label: str


class CitationIndex:
    """Documents by IRI and by 文号, and the citations between them; lists of documents are IRIs in the order
    of their labels, to page through (``index.document(iri)`` describes one).

    >>> index = CitationIndex(nx.DiGraph([("urn:street", "urn:district"), ("urn:district", "urn:city")]))
    >>> index.trace("urn:street", "up")
    ['urn:city', 'urn:district']
    >>> index.most_cited(1)[0][0].iri, index.most_cited(1)[0][1]
    ('urn:district', 1)
    """

    def __init__(self, graph: nx.DiGraph):
        self.graph = graph
        self._documents_made: dict[str, CitedDocument] = {}
        self._by_number: dict[str, str] = {}
        for iri, data in graph.nodes(data=True):
            if data.get("number"):
                # A document loaded from its file outranks a mere citation of the same number.
                if data.get("in_corpus") or data["number"] not in self._by_number:
                    self._by_number[data["number"]] = iri
        # Every document, most cited first, then citing most (then by IRI): any top-k is a slice.
        self.ranking = sorted(graph, key=lambda n: (-graph.in_degree(n), -graph.out_degree(n), n))
        # Each document's place in the order lists are given in (by label, then IRI), and each document's
        # citing and cited documents already in that order: who cites the most-cited of 100,000 documents
        # (15,000 of them) is then a slice, not a sort.
        by_label = sorted(graph, key=lambda iri: (self.document(iri).label, iri))
        self._position = {iri: place for place, iri in enumerate(by_label)}
        self._citing = {iri: self._in_order(graph.predecessors(iri)) for iri in graph}
        self._cited = {iri: self._in_order(graph.successors(iri)) for iri in graph}
        self._traces: dict[tuple[str, str], list[str]] = {}
        self._traces_lock = threading.Lock()

    @classmethod
    def from_store(cls, store) -> "CitationIndex":
        return cls(citations.citation_graph(store))

    def find(self, name: str) -> str | None:
        """The IRI of the document numbered ``name`` (any bracket style), or ``name`` itself if it is a node."""
        if name in self.graph:
            return name
        return self._by_number.get(canonical_doc_number(name) or name)

    def document(self, iri: str) -> CitedDocument:
        known = self._documents_made.get(iri)
        if known is None:
            data = self.graph.nodes[iri]
            known = CitedDocument(iri, data.get("number", ""), data.get("title", ""), data.get("issuer", ""),
                                  data.get("year", 0), bool(data.get("in_corpus")), data.get("label", iri))
            self._documents_made[iri] = known
        return known

    def cited_by(self, iri: str) -> list[str]:
        """Documents citing ``iri`` directly."""
        return self._citing.get(iri, [])

    def cites(self, iri: str) -> list[str]:
        """Documents ``iri`` cites directly."""
        return self._cited.get(iri, [])

    def trace(self, iri: str, direction: str = "up") -> list[str]:
        """Every document reachable by citations: ``up`` towards the sources, ``down`` to what builds on it."""
        if direction not in ("up", "down"):
            raise ValueError(f"direction must be 'up' or 'down', not {direction!r}")
        kept = self._traces.get((iri, direction))
        if kept is None:
            kept = self._walk(iri, self._cited if direction == "up" else self._citing)
            with self._traces_lock:  # the server's threads share the index
                self._traces[iri, direction] = kept
                if len(self._traces) > KEPT_TRACES:
                    del self._traces[next(iter(self._traces))]  # the oldest
        return kept

    def _walk(self, iri: str, step: dict[str, list[str]]) -> list[str]:
        reached: set[str] = set()
        waiting = [iri]
        while waiting:
            for near in step.get(waiting.pop(), ()):
                if near not in reached:
                    reached.add(near)
                    waiting.append(near)
        reached.discard(iri)  # a cycle back to it
        return self._in_order(reached)

    def most_cited(self, limit: int = 20) -> list[tuple[CitedDocument, int]]:
        """The ``limit`` documents cited by the most documents, with that count."""
        cited = self.ranking[:limit]
        return [(self.document(iri), self.graph.in_degree(iri)) for iri in cited if self.graph.in_degree(iri)]

    def _in_order(self, iris) -> list[str]:
        return sorted(iris, key=self._position.__getitem__)
