"""Re-check stored data or an RDF file against the SHACL shapes, a batch of document graphs at a time.

Each document graph is self-contained (its facts, the stubs of what it cites, its provenance), so checking
graph by graph keeps validation linear in the corpus and its memory bounded.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import rdflib

from gongwen.shapes.validate import ValidationReport, validate_graph
from gongwen.store import Store

GRAPHS_PER_BATCH = 200
RDFLIB_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld",
                  ".json": "json-ld", ".rdf": "xml", ".xml": "xml"}


class DataFileError(ValueError):
    """An RDF file that cannot be read or parsed."""


def validate_file(path: str | Path) -> ValidationReport:
    """Validate an RDF file; quad formats are checked as the union of their graphs."""
    path = Path(path)
    fmt = RDFLIB_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise DataFileError(f"{path}: unknown RDF syntax; use one of {', '.join(sorted(RDFLIB_FORMATS))}")
    data = rdflib.Dataset(default_union=True) if fmt in ("nquads", "trig") else rdflib.Graph()
    try:
        data.parse(path, format=fmt)
    except (OSError, SyntaxError, ValueError) as e:
        raise DataFileError(f"{path}: cannot parse as {fmt}: {e}") from e
    graph = rdflib.Graph()
    for triple in data.triples((None, None, None)):
        graph.add(triple)
    return validate_graph(graph)


def validate_store(store: Store) -> ValidationReport:
    """Validate every document graph of the store."""
    violations = []
    for graph in _graph_batches(store):
        violations += validate_graph(graph).violations
    return ValidationReport(conforms=not violations, violations=tuple(violations))


def _graph_batches(store: Store) -> Iterator[rdflib.Graph]:
    names = store.graph_names()
    for i in range(0, len(names), GRAPHS_PER_BATCH):
        graph = rdflib.Graph()
        for name in names[i:i + GRAPHS_PER_BATCH]:
            nt = ox.serialize((q.triple for q in store.quads(graph=name)), format=ox.RdfFormat.N_TRIPLES)
            graph.parse(data=nt.decode(), format="nt")
        yield graph
