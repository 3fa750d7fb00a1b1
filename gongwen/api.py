"""The Python API for notebooks: open a store, query it into a DataFrame, follow citations by 文号.

>>> import gongwen
>>> kg = gongwen.open()                      # an in-memory store; gongwen.open("gongwen-data") for a folder
>>> kg.load([gongwen.sample_corpus()]).loaded
5
>>> kg.cited_by("西办通〔2022〕54号")
['西民函〔2023〕53号']
>>> kg.cites("西民函[2021]38号")               # any bracket style; a work cited without 文号 by its title
['2021年西山区街道社会工作服务站规范化建设标准（试行）', '云办发〔2020〕32号', '关于改革完善社会救助制度的实施意见',
 '昆民通〔2021〕8号', '西民通〔2021〕35号']
>>> kg.trace("西民函〔2023〕53号", direction="up")
['西办通〔2022〕54号']
"""
from __future__ import annotations

import os
from collections.abc import Iterable

import networkx as nx

from gongwen.citation_index import CitationIndex
from gongwen.memo import StoreMemo
from gongwen.pipeline import LoadSummary, load_paths
from gongwen.settings import DEFAULTS
from gongwen.store import Store, open_store


class KnowledgeGraph:
    """A gongwen store seen from Python; documents are named by their 文号 (or IRI when they have none)."""

    def __init__(self, store: Store, base_iri: str = DEFAULTS["base_iri"]):
        self.store = store
        self.base_iri = base_iri
        self._index = StoreMemo(store, CitationIndex.from_store)

    def load(self, paths: Iterable[str | os.PathLike]) -> LoadSummary:
        """Load files or folders (validated, one graph per file); the citation index follows on next use."""
        return load_paths(self.store, paths, self.base_iri)

    def query(self, sparql: str):
        """A SELECT as a pandas DataFrame (``pip install gongwen[pandas]``), else a list of dicts."""
        rows = self.store.select(sparql)
        try:
            import pandas
        except ImportError:
            return rows
        return pandas.DataFrame(rows)

    def citation_graph(self) -> nx.DiGraph:
        """The citation network as a networkx DiGraph (nodes: document IRIs with number, title, issuer, year)."""
        return self._index.get().graph

    def cited_by(self, number: str) -> list[str]:
        """The documents that cite the document numbered ``number``."""
        index = self._index.get()
        return [index.document(iri).label for iri in index.cited_by(self._iri(index, number))]

    def cites(self, number: str) -> list[str]:
        """The documents that the document numbered ``number`` cites."""
        index = self._index.get()
        return [index.document(iri).label for iri in index.cites(self._iri(index, number))]

    def trace(self, number: str, direction: str = "up") -> list[str]:
        """Everything reachable by citations: ``up`` towards the sources, ``down`` towards what builds on it."""
        index = self._index.get()
        return [index.document(iri).label for iri in index.trace(self._iri(index, number), direction)]

    @staticmethod
    def _iri(index: CitationIndex, number: str) -> str:
        iri = index.find(number)
        if iri is None:
            raise KeyError(f"no document numbered {number} in the store")
        return iri


def open(location: str | os.PathLike | None = None, base_iri: str = DEFAULTS["base_iri"]) -> KnowledgeGraph:
    """Open a store folder (created if missing), a SPARQL endpoint URL, or with no location a fresh in-memory store."""
    return KnowledgeGraph(open_store(location), base_iri)
