"""Load documents into the store: read → extract → to_rdf → validate → store, one named graph per file.

Extraction, mapping and validation are pure and CPU-bound, so they run in worker processes on larger loads;
only the main process writes to the store, in batches, each batch one transaction. A file whose bytes
(sha256) are already stored under the same path is skipped without being parsed again.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

import rdflib

from gongwen.loaders.extract import extract_document
from gongwen.loaders.read import ReadError, iter_sources, read_file
from gongwen.ontology.to_rdf import graph_iri, to_ntriples, to_rdf
from gongwen.ontology.vocab import vocabulary_graph, vocabulary_graph_iri, vocabulary_version
from gongwen.shapes.validate import format_violation, validate_graph
from gongwen.store import GraphData, Store

# Below this many files a process pool costs more to start than it saves.
POOL_THRESHOLD = 64
BATCH_SIZE = 100
OWL_VERSION = "http://www.w3.org/2002/07/owl#versionInfo"


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file: ``status`` is loaded, unchanged or failed (with one-line reasons)."""

    path: str
    status: str
    reasons: tuple[str, ...] = ()
    graph: GraphData | None = None
    triples: int = 0


@dataclass
class LoadSummary:
    loaded: int = 0
    unchanged: int = 0
    failed: list[FileOutcome] = field(default_factory=list)
    triples: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


def sample_corpus() -> Path:
    """The five bundled sample documents (the demo corpus), as installed with the package."""
    return Path(str(files("gongwen.loaders"))) / "sample_corpus"


@dataclass(frozen=True)
class _Mapped:
    path: str
    graph_iri: str
    graph: rdflib.Graph


def map_file(path: str, known_sha: str | None, base: str) -> FileOutcome | _Mapped:
    """Read, extract and map one file to RDF; a bad file becomes a failed outcome, never an exception."""
    try:
        source = read_file(path)
    except ReadError as e:
        return FileOutcome(path, "failed", (str(e),))
    if source.sha256 == known_sha:
        return FileOutcome(path, "unchanged")
    doc = extract_document(source.text, file=path, sha256=source.sha256)
    return _Mapped(path, graph_iri(doc, base), to_rdf(doc, base))


def process_batch(jobs: list[tuple[str, str | None]], base: str) -> list[FileOutcome]:
    """Map a batch of files and validate their graphs together; only documents that conform are kept.

    pySHACL has a fixed cost per run, so the batch is checked as one graph; when that reports violations,
    the documents whose nodes are named in them are re-checked alone, so one document's defect never
    rejects its neighbours.
    """
    mapped = [map_file(path, sha, base) for path, sha in jobs]
    graphs = [m for m in mapped if isinstance(m, _Mapped)]
    rejected = _violations_by_document(graphs)
    outcomes = []
    for m in mapped:
        if isinstance(m, FileOutcome):
            outcomes.append(m)
        elif m.path in rejected:
            outcomes.append(FileOutcome(m.path, "failed", rejected[m.path]))
        else:
            outcomes.append(FileOutcome(m.path, "loaded", graph=GraphData(m.graph_iri, to_ntriples(m.graph)),
                                        triples=len(m.graph)))
    return outcomes


def _violations_by_document(graphs: list[_Mapped]) -> dict[str, tuple[str, ...]]:
    merged = rdflib.Graph()
    for m in graphs:
        merged += m.graph
    report = validate_graph(merged)
    if report.conforms:
        return {}
    named = {v.focus for v in report.violations}
    suspects = [m for m in graphs if any(_mentions(m.graph, focus) for focus in named)] or graphs
    rejected = {}
    for m in suspects:
        alone = validate_graph(m.graph)
        if not alone.conforms:
            rejected[m.path] = tuple(format_violation(v) for v in alone.violations)
    return rejected


def _mentions(graph: rdflib.Graph, focus: str) -> bool:
    return (rdflib.URIRef(focus), None, None) in graph or (rdflib.BNode(focus), None, None) in graph


def _process_batch(args: tuple[list[tuple[str, str | None]], str]) -> list[FileOutcome]:
    return process_batch(*args)


def _batches(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def load_paths(store: Store, paths: Iterable[str | os.PathLike], base: str,
               progress: Callable[[FileOutcome], None] | None = None) -> LoadSummary:
    """Load files and folders into ``store``; each document is stored whole or not at all."""
    found = [str(Path(p).resolve()) for p in iter_sources(paths)]
    known = {path: rec for path, rec in store.sources().items()}
    jobs = [(f, known[f].sha256 if f in known else None) for f in found]
    summary = LoadSummary()
    batches = [(batch, base) for batch in _batches(jobs, BATCH_SIZE if len(jobs) >= POOL_THRESHOLD else 16)]
    if len(jobs) >= POOL_THRESHOLD:
        with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
            for outcomes in pool.map(_process_batch, batches):
                _store_batch(store, outcomes, known, summary, progress)
    else:
        for batch in batches:
            _store_batch(store, _process_batch(batch), known, summary, progress)
    ensure_vocabulary(store, base)
    store.flush()
    return summary


def ensure_vocabulary(store: Store, base: str) -> None:
    """Keep the ontology, concept schemes and places in their own graph, so every IRI a document links to
    dereferences; rewritten only when the vocabulary files (or the base) changed."""
    iri, version = vocabulary_graph_iri(base), vocabulary_version(base)
    if not store.ask(f'ASK {{ GRAPH <{iri}> {{ <{iri}> <{OWL_VERSION}> "{version}" }} }}'):
        store.replace_graphs([GraphData(iri, to_ntriples(vocabulary_graph(base)))], drop=[iri])


def _store_batch(store: Store, outcomes: list[FileOutcome], known: dict, summary: LoadSummary,
                 progress: Callable[[FileOutcome], None] | None) -> None:
    loaded = [o for o in outcomes if o.status == "loaded"]
    stale = [known[o.path].graph for o in loaded if o.path in known and known[o.path].graph != o.graph.graph]
    store.replace_graphs([o.graph for o in loaded], drop=stale)
    for o in outcomes:
        if o.status == "loaded":
            summary.loaded += 1
            summary.triples += o.triples
        elif o.status == "unchanged":
            summary.unchanged += 1
        else:
            summary.failed.append(o)
        if progress:
            progress(o)
