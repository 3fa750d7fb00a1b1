"""Validate RDF against gongwen's SHACL shapes (pySHACL, no inference) and report each defect on one line.

The shapes graph is parsed and harvested once per process. pySHACL walks each shape's targets, so checking a
batch of document graphs merged into one costs the sum of checking them one by one, minus pySHACL's fixed
cost per run: batches are the fast way to validate a load.

Two engines, one set of shapes: :func:`validate_graph` runs pySHACL, the reference (``gongwen validate``, the
shape cases); :func:`validate_ntriples` runs pyshacl-turbo, a Rust SHACL engine, on the N-Triples text a load
produces. It checks a load's batch of 100 documents in ~1.5 ms per document where pySHACL took ~9 ms (4 of them
merging the documents into one rdflib graph), and tests/shapes/test_engines.py holds it to the very same
results as pySHACL on every shape case and on mutated graphs of the samples and the devset.

A result of severity sh:Warning is reported but does not make the data non-conforming: warnings mark what a
faithful extraction of a real document may lack (see the header of ``gongwen-shapes.ttl``).
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import pyshacl
import pyshacl.shape as pyshacl_shape
import pyshacl_turbo
from pyshacl_turbo.rdf import Input
from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP
from pyshacl.graph_abstraction import DataGraph
from pyshacl.shapes_graph import ShapesGraph
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.plugins.stores.memory import SimpleMemory

from gongwen.ontology.namespaces import SH

SHAPES_FILE = "gongwen-shapes.ttl"
_DATE_SHAPE = URIRef("https://w3id.org/gongwen/shapes#DocumentDate")


@dataclass(frozen=True)
class Violation:
    """One validation result: the node at fault, the property path (if any), messages and the shape."""

    focus: str
    path: str | None
    message_zh: str
    message_en: str
    severity: str
    shape: str


@dataclass(frozen=True)
class ValidationReport:
    """``conforms`` is False when any result has severity Violation; warnings are listed all the same."""

    conforms: bool
    violations: tuple[Violation, ...]


def load_shapes(today: datetime.date | None = None) -> Graph:
    """The shapes graph, with dates after ``today`` (default: the current date) made violations.

    >>> len(load_shapes()) > 100
    True
    """
    # SimpleMemory: pySHACL reads the shapes thousands of times per run, and this store reads 3x faster.
    graph = Graph(store=SimpleMemory())
    graph.parse(data=files("gongwen.shapes").joinpath(SHAPES_FILE).read_text(encoding="utf-8"), format="turtle")
    graph.add((_DATE_SHAPE, SH.maxInclusive, Literal(today or datetime.date.today(), datatype=XSD.date)))
    return graph


class _ParameterList(list):
    """pySHACL's list of constraint parameters, with a set behind ``in``.

    pySHACL tests every predicate of a shape for membership in this ~40-IRI list each time it evaluates the
    shape, thousands of times per run; with ``in`` answered by a set, validation takes half the time. The
    elements and their order are pySHACL's own, so nothing else changes (pyshacl.shape reads the pair from
    its module attribute CONSTRAINT_PARAMS, which it otherwise fills on first use).
    """

    def __init__(self, items: list) -> None:
        super().__init__(items)
        self._members = frozenset(items)

    def __contains__(self, item: object) -> bool:
        return item in self._members


@lru_cache(maxsize=1)
def _shapes() -> ShapesGraph:
    pyshacl_shape.CONSTRAINT_PARAMS = (_ParameterList(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)
    shapes = ShapesGraph(load_shapes())
    shapes.shapes  # harvest the shapes now, once, rather than on the first validation
    return shapes


def validate_graph(data: Graph) -> ValidationReport:
    """Validate ``data`` (one document's graph or many merged) against the shapes.

    >>> from rdflib import Literal, URIRef
    >>> from gongwen.ontology.namespaces import GW
    >>> g = Graph()
    >>> _ = g.add((URIRef("urn:doc"), GW.sourceGraph, URIRef("urn:src")))
    >>> report = validate_graph(g)
    >>> report.conforms, report.violations[0].message_en
    (False, 'document has no issuing agency (eli:passed_by)')
    """
    if not data.store.context_aware:  # pySHACL wraps the data in a Dataset, which needs a context-aware store
        data = _copy(data)
    validator = pyshacl.Validator(DataGraph.from_rdflib(data), shacl_graph=Graph(),
                                  options={"inference": "none", "inplace": True})
    # Reuse the harvested shapes: parsing and harvesting them again costs more than validating a document.
    validator.shacl_graph = _shapes()
    _, results, _ = validator.run()
    return _report(results)


@lru_cache(maxsize=1)
def _compiled_shapes() -> pyshacl_turbo.CompiledShapes:
    return pyshacl_turbo.compile_shapes(load_shapes())


def validate_ntriples(ntriples: str) -> ValidationReport:
    """Validate N-Triples text (one document's or many) with pyshacl-turbo: the results :func:`validate_graph`
    gives for the same triples, faster. Raises ValueError when the text does not parse (strictly: IRIs too).

    >>> report = validate_ntriples("<urn:doc> <https://w3id.org/gongwen/ontology#sourceGraph> <urn:src> .\\n")
    >>> report.conforms, report.violations[0].message_en
    (False, 'document has no issuing agency (eli:passed_by)')
    """
    # pyshacl-turbo's own input record (pinned below 0.7, held to pySHACL's results by test_engines.py) hands
    # the text to its Rust parser as it is. Its public inputs cost more than the validation: text and rdflib
    # graphs are turned into an rdflib graph first, and a pyoxigraph store (0.4 ms per document more) is
    # loaded and then dumped back to text.
    _, results, _ = _compiled_shapes().validate(Input(ntriples, "nt", None, {}))
    return _report(results)


def _report(results: Graph) -> ValidationReport:
    violations = tuple(sorted(_read_results(results), key=lambda v: (v.focus, v.shape, v.path or "")))
    return ValidationReport(all(v.severity != "Violation" for v in violations), violations)


def _copy(data: Graph) -> Graph:
    copy = Graph(bind_namespaces="none")
    store = copy.store
    for triple in data:
        store.add(triple, copy)
    return copy


def _read_results(results: Graph) -> list[Violation]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        messages = {getattr(m, "language", None): str(m) for m in results.objects(result, SH.resultMessage)}
        path = results.value(result, SH.resultPath)
        shape = results.value(result, SH.sourceShape)
        found.append(Violation(
            focus=str(results.value(result, SH.focusNode)),
            path=str(path) if isinstance(path, URIRef) else None,
            message_zh=messages.get("zh") or messages.get(None, ""),
            message_en=messages.get("en") or messages.get(None, ""),
            severity=str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
            shape=str(shape) if isinstance(shape, URIRef) else "",
        ))
    return found


def format_violation(v: Violation) -> str:
    """One line: severity, focus node, path, Chinese / English message.

    >>> format_violation(Violation("http://h/id/doc/X", "http://data.europa.eu/eli/ontology#passed_by",
    ...                            "文件缺少发文机关", "document has no issuing agency", "Violation", "gws:DocumentIssuer"))
    'Violation <http://h/id/doc/X> eli:passed_by: 文件缺少发文机关 / document has no issuing agency'
    """
    path = f" {_compact(v.path)}" if v.path else ""
    return f"{v.severity} <{v.focus}>{path}: {v.message_zh} / {v.message_en}"


def _compact(iri: str) -> str:
    from gongwen.ontology.namespaces import PREFIXES
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"
