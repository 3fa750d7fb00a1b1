"""Load documents into the store: read → extract → to_rdf → validate → store, one named graph per file.

Extraction, mapping and validation are pure and CPU-bound, so they run in worker processes on larger loads;
only the main process writes to the store, in batches, each document whole or not at all (gongwen.store). A
file whose bytes (sha256) are already stored under the same path is skipped without being parsed again.

Where a load's time goes, CPU per document on the 2-core machine, one stage at a time
(``benchmarks/load_speed.py --stages``, a quiet hour): reading and extraction ~0.4 ms, mapping straight to
N-Triples text ~0.45 ms, SHACL validation of the batch with pyshacl-turbo ~0.5 ms, all in the workers; the
store's bulk write ~1.4 ms in the main process, which overlaps with the workers' next batches. Documents travel
between processes as N-Triples text, never as rdflib graphs, which cost more to build, merge and pickle than
everything else together.

A load ends with one update that spreads the 代字 registry the store has grown (spread_issuer_codes_update),
since workers extract with the registry as it was when the load began: of the codes its documents taught, or
of every code when the store tells that an earlier load never finished (Store.start_load).
"""
from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox

from gongwen.loaders.extract import extract_document
from gongwen.loaders.read import ReadError, iter_sources, read_file
from gongwen.ontology.to_rdf import document_ntriples, graph_iri, taught_code, to_ntriples
from gongwen.ontology.vocab import vocabulary_graph, vocabulary_graph_iri, vocabulary_version
from gongwen.shapes.validate import format_violation, validate_ntriples
from gongwen.store import GW, GraphData, Store

# Below this many files a process pool costs more to start than it saves.
POOL_THRESHOLD = 64
# Documents a worker maps and validates together: pyshacl-turbo's cost per document grows with the graph (~1.1 ms
# at 25 or 50 documents, 1.2-1.9 at 100, ~3 at 1,000), and it has no fixed cost per run worth sharing.
BATCH_SIZE = 50
# Documents the main process writes together: each bulk load adds sorted files to every index, which the
# store then compacts; 500 documents a write cost 20% less than 100 a write (3.1 against 3.6 ms per document).
WRITE_SIZE = 500
OWL_VERSION = "http://www.w3.org/2002/07/owl#versionInfo"


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file: ``status`` is loaded, unchanged or failed (with one-line reasons); a loaded
    one tells the 代字 it teaches the registry, if any (``code``)."""

    path: str
    status: str
    reasons: tuple[str, ...] = ()
    graph: GraphData | None = None
    triples: int = 0
    code: str | None = None


@dataclass
class LoadSummary:
    loaded: int = 0
    unchanged: int = 0
    failed: list[FileOutcome] = field(default_factory=list)
    triples: int = 0
    # The 代字 codes whose registry entry the load may have changed: those its documents teach, and those of
    # the documents it replaced (a code two agencies printed may now have one).
    codes: set[str] = field(default_factory=set)

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
    ntriples: str
    code: str | None


def map_file(path: str, known_sha: str | None, base: str, registry: dict | None = None) -> FileOutcome | _Mapped:
    """Read, extract and map one file to RDF; a bad file becomes a failed outcome, never an exception.
    ``registry`` maps 代字 to agencies learnt from documents already loaded (see issuer_codes_in)."""
    try:
        source = read_file(path)
    except ReadError as e:
        return FileOutcome(path, "failed", (str(e),))
    if source.sha256 == known_sha:
        return FileOutcome(path, "unchanged")
    doc = extract_document(source.text, file=path, sha256=source.sha256, registry=registry)
    return _Mapped(path, graph_iri(doc, base), document_ntriples(doc, base), taught_code(doc))


def process_batch(jobs: list[tuple[str, str | None]], base: str, registry: dict | None = None) -> list[FileOutcome]:
    """Map a batch of files and validate their graphs together; only documents that conform are kept.

    Validation has a fixed cost per run, so the batch is checked as one graph; when that reports violations,
    the documents whose nodes are named in them are re-checked alone, so one document's defect never
    rejects its neighbours.
    """
    mapped = [map_file(path, sha, base, registry) for path, sha in jobs]
    graphs = [m for m in mapped if isinstance(m, _Mapped)]
    rejected = _violations_by_document(graphs)
    outcomes = []
    for m in mapped:
        if isinstance(m, FileOutcome):
            outcomes.append(m)
        elif m.path in rejected:
            outcomes.append(FileOutcome(m.path, "failed", rejected[m.path]))
        else:
            outcomes.append(FileOutcome(m.path, "loaded", graph=GraphData(m.graph_iri, m.ntriples, parsed=True),
                                        triples=m.ntriples.count("\n"), code=m.code))
    return outcomes


def _violations_by_document(graphs: list[_Mapped]) -> dict[str, tuple[str, ...]]:
    try:
        report = validate_ntriples("".join(m.ntriples for m in graphs))
    except ValueError:  # a document mapped to text that does not parse: find it below
        suspects = graphs
    else:
        if report.conforms:
            return {}
        named = {v.focus for v in report.violations}
        suspects = [m for m in graphs if any(_states_about(m.ntriples, focus) for focus in named)] or graphs
    rejected = {}
    for m in suspects:
        try:
            alone = validate_ntriples(m.ntriples)
        except ValueError as e:
            rejected[m.path] = (f"its RDF does not parse (a bug in gongwen.ontology.to_rdf, please report): {e}",)
            continue
        if not alone.conforms:
            rejected[m.path] = tuple(format_violation(v) for v in alone.violations)
    return rejected


def _states_about(ntriples: str, focus: str) -> bool:
    """Whether a triple of the text has ``focus`` (an IRI or a blank node label) as its subject.

    >>> _states_about('<urn:a> <urn:p> <urn:b> .\\n', "urn:b"), _states_about('<urn:a> <urn:p> <urn:b> .\\n', "urn:a")
    (False, True)
    """
    return any(f"\n{term} " in f"\n{ntriples}" for term in (f"<{focus}>", f"_:{focus}"))


def _process_batch(args: tuple[list[tuple[str, str | None]], str, dict]) -> list[FileOutcome]:
    return process_batch(*args)


PREFIXES = (f"PREFIX gw: <{GW}> PREFIX eli: <http://data.europa.eu/eli/ontology#> "
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX org: <http://www.w3.org/ns/org#>\n")
# Each 代字 that loaded documents print beside their own printed issuer, with that agency — unless documents
# of two agencies share the code (a reorganized bureau), when it names none. Only a document's own graph states
# eli:passed_by (ontology/to_rdf.py), so it marks loaded documents without a join through gw:sourceGraph (1.2 s
# instead of 2.1 at 100,000 documents).
CODE_AGENCIES = """SELECT ?code (MIN(?a) AS ?agency) WHERE {
  ?own eli:passed_by ?a ; gw:issuerCode ?code .
} GROUP BY ?code HAVING (COUNT(DISTINCT ?a) = 1)"""
# Each learnt code with its agency's name: what a load starts from (0.4 s at 10,000 documents).
ISSUER_CODES = PREFIXES + f"SELECT ?code ?name WHERE {{ {{ {CODE_AGENCIES} }} ?agency skos:prefLabel ?name }}"
# The same with how many loaded documents print each code and the least of their numbers, for the registry
# export. Counted in a subquery of its own: joined to the codes first, the count took 5 s at 10,000 documents.
LEARNT_CODES = PREFIXES + f"""SELECT ?code ?name ?documents ?example WHERE {{
  {{ {CODE_AGENCIES} }}
  ?agency skos:prefLabel ?name .
  {{ SELECT ?code (COUNT(DISTINCT ?own) AS ?documents) (MIN(?number) AS ?example) WHERE {{
      ?own gw:sourceGraph ?source ; gw:issuerCode ?code ; eli:id_local ?number .
  }} GROUP BY ?code }}
}} ORDER BY ?code"""


def issuer_codes_in(store: Store) -> dict[str, dict]:
    """The 代字 registry the store has grown: each loaded document that prints both its issuer and its own
    文号 tells which agency a code belongs to, so citations of that code in later documents name their issuer."""
    return {row["code"]: {"agency": row["name"], "region": None, "form": None} for row in store.select(ISSUER_CODES)}


def spread_issuer_codes_update(keep_union: bool = True, codes: Iterable[str] | None = None) -> str:
    """The update that gives each cited document whose 代字 the store now knows (and which names no issuer
    yet) its gw:inferredIssuer, in the citing document's graph — what extraction would have written had the
    registry known the code then. A load runs it last, so documents of one load teach each other too; only
    for the ``codes`` its documents taught, when given (the others were spread by the loads that taught them).

    With ``keep_union`` the triples also go to the default graph, the union of the document graphs.
    """
    stated = "?cited gw:inferredIssuer ?agency . ?agency a org:Organization ; skos:prefLabel ?name ."
    copy = stated if keep_union else ""
    # The codes bound first lead the engine to a better plan: at 100,000 documents, every code listed took 1.8 s
    # against 6 s with none listed, and a VALUES inside the subquery 15 s.
    values = "" if codes is None else f"VALUES ?code {{ {' '.join(str(ox.Literal(c)) for c in sorted(codes))} }}"
    return PREFIXES + f"""INSERT {{ GRAPH ?g {{ {stated} }} {copy} }} WHERE {{
  {values}
  {{ {CODE_AGENCIES} }}
  ?agency skos:prefLabel ?name .
  GRAPH ?g {{
    ?cited gw:issuerCode ?code .
    FILTER NOT EXISTS {{ ?cited gw:sourceGraph ?own }}
    FILTER NOT EXISTS {{ ?cited gw:inferredIssuer ?named }}
  }}
}}"""


def _start_worker() -> None:
    """Worker initializer. The modules the worker inherited (patterns, vocabularies, rdflib) are moved out of the
    garbage collector's sight: its full collections walked them all again and again (a load took ~5% less CPU
    without, the mean of seven runs each way). And the worker ends when the loading process dies."""
    gc.freeze()
    _exit_with_parent()


def _exit_with_parent() -> None:
    """End this worker when the loading process dies (a kill -9 gives it no chance to stop its pool), instead
    of waiting for work forever."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)
    threading.Thread(target=watch, daemon=True).start()


def _batches(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def load_paths(store: Store, paths: Iterable[str | os.PathLike], base: str,
               progress: Callable[[FileOutcome], None] | None = None) -> LoadSummary:
    """Load files and folders into ``store``; each document is stored whole or not at all."""
    found = [str(Path(p).resolve()) for p in iter_sources(paths)]
    known = store.sources(found)
    jobs = [(f, known[f].sha256 if f in known else None) for f in found]
    summary = LoadSummary()
    registry = issuer_codes_in(store)
    unfinished = store.start_load()
    batches = [(batch, base, registry) for batch in _batches(jobs, BATCH_SIZE if len(jobs) >= POOL_THRESHOLD else 16)]
    if len(jobs) >= POOL_THRESHOLD:
        # The main process writes one group while the workers map the next batches: the pool keeps every
        # batch queued, and oxigraph's bulk load runs without the GIL, so results keep arriving meanwhile.
        with ProcessPoolExecutor(max_workers=os.cpu_count(), initializer=_start_worker) as pool:
            for group in _grouped(pool.map(_process_batch, batches), WRITE_SIZE):
                _store_batch(store, group, known, summary, progress)
    else:
        for batch in batches:
            _store_batch(store, _process_batch(batch), known, summary, progress)
    # An unfinished load may have stored documents whose codes were never spread: spread every code then.
    codes = None if unfinished else summary.codes
    if codes is None or codes:
        store.update(spread_issuer_codes_update(store.keeps_default_copy(), codes))
    ensure_vocabulary(store, base)
    store.flush()
    store.finish_load()
    return summary


def _grouped(batches: Iterable[list[FileOutcome]], size: int) -> Iterator[list[FileOutcome]]:
    """Outcomes of consecutive batches joined into groups of at least ``size`` (the last one may be smaller).

    >>> [len(g) for g in _grouped([[1] * 3, [2] * 3, [3] * 3], 5)]
    [6, 3]
    """
    group: list = []
    for batch in batches:
        group += batch
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


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
    if stale:
        summary.codes.update(_codes_taught_by(store, stale))
    store.replace_graphs([o.graph for o in loaded], drop=stale)
    for o in outcomes:
        if o.status == "loaded":
            summary.loaded += 1
            summary.triples += o.triples
            if o.code:
                summary.codes.add(o.code)
        elif o.status == "unchanged":
            summary.unchanged += 1
        else:
            summary.failed.append(o)
        if progress:
            progress(o)


def _codes_taught_by(store: Store, graphs: list[str]) -> list[str]:
    """The 代字 codes the documents of ``graphs`` print as their own."""
    values = " ".join(f"<{g}>" for g in graphs)
    return [row["code"] for row in store.select(f"SELECT DISTINCT ?code WHERE {{ VALUES ?g {{ {values} }} "
                                                f"GRAPH ?g {{ ?own <{GW}sourceGraph> ?g ; <{GW}issuerCode> ?code }} }}")]
