"""Each shape against its cases: one Turtle file per case holding the data and the expected report.

A case file names its expectation on ``gwt:case``: ``gwt:conforms`` and one ``gwt:result`` per expected
validation result (focus node, shape, severity). Everything else in the file is the data validated.
"""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Namespace

from gongwen.shapes.validate import format_violation, load_shapes, validate_graph

CASES = Path(__file__).parent / "cases"
GWT = Namespace("https://w3id.org/gongwen/shapes-test#")
GWS = "https://w3id.org/gongwen/shapes#"


def read_case(path: Path) -> tuple[Graph, bool, set[tuple[str, str, str]]]:
    graph = Graph().parse(path, format="turtle")
    case = GWT.case
    conforms = graph.value(case, GWT.conforms).toPython()
    expected = {(str(graph.value(r, GWT.focus)), str(graph.value(r, GWT.shape)), str(graph.value(r, GWT.severity)))
                for r in graph.objects(case, GWT.result)}
    data = Graph()
    for s, p, o in graph:
        if s != case and not (isinstance(s, BNode) and (case, GWT.result, s) in graph):
            data.add((s, p, o))
    return data, conforms, expected


@pytest.mark.parametrize("path", sorted(CASES.glob("*.ttl")), ids=lambda p: p.stem)
def test_case(path):
    data, conforms, expected = read_case(path)
    report = validate_graph(data)
    got = {(v.focus, v.shape, v.severity) for v in report.violations}
    lines = "\n".join(format_violation(v) for v in report.violations)
    assert got == expected, f"results differ from {path.name}:\n{lines}"
    assert report.conforms is conforms


def test_every_named_shape_has_a_conforming_and_a_violating_case():
    shapes = load_shapes()
    named = {str(s)[len(GWS):] for s in set(shapes.subjects()) if str(s).startswith(GWS)}
    containers = {"Document", "Citation", "Mention", "Source", "Agency", "Person", "Membership",
                  "Deputy", "Programme", "Proposal", "Observation", "Place", "Concept", "IdentifiableWork"}
    stems = {p.stem for p in CASES.glob("*.ttl")}
    missing = sorted(n for n in named - containers
                     if f"{n}-conforms" not in stems or f"{n}-violates" not in stems)
    assert not missing, f"shapes without both cases: {missing}"


def test_every_message_is_given_in_chinese_and_english():
    from gongwen.ontology.namespaces import SH
    shapes = load_shapes()
    for shape in set(shapes.subjects(SH.message, None)):
        langs = {m.language for m in shapes.objects(shape, SH.message)}
        assert langs == {"zh", "en"}, f"{shape}: messages in {langs}"


@pytest.mark.parametrize("today", [datetime.date(2021, 11, 9), datetime.date(2030, 1, 1)])
def test_the_latest_valid_date_is_today(today):
    shapes = load_shapes(today)
    limits = [o.toPython() for s, p, o in shapes if str(p).endswith("#maxInclusive") and str(s).endswith("#DocumentDate")]
    assert limits == [today]
