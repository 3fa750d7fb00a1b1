"""to_rdf on the five sample documents: golden graphs, shapes, and the contract the store and checks rely on.

Golden files (tests/ontology/golden/*.nt) are written by the code, never by hand: run with GONGWEN_REGEN=1
to regenerate them after an intended change, and review the diff.
"""
from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from gongwen.loaders.models import Agency, Citation, DocNumber, Document, Field, Place, TitledWork
from gongwen.ontology import iris
from gongwen.ontology.namespaces import CITO, DCTERMS, ELI, GW, OA, ORG, PROV, SDO, SKOS
from gongwen.ontology.to_rdf import CANONICAL_NUMBER, graph_iri, to_ntriples, to_rdf
from gongwen.shapes.validate import format_violation, load_shapes, validate_graph

BASE = iris.DEFAULT_BASE
GOLDEN = Path(__file__).parent / "golden"
FILES = ["000_3ac01808f91add0e.txt", "001_8f16ceb0336a2e03.txt", "002_7277e7e265d0bf28.txt",
         "003_e6c94f5950aeea5d.txt", "004_13315984cc831afb.txt"]
D000 = URIRef(iris.doc_iri(BASE, "西民函〔2023〕53号"))
D054 = URIRef(iris.doc_iri(BASE, "西办通〔2022〕54号"))


def _dump(graph: Graph) -> str:
    return "".join(sorted(to_ntriples(graph).splitlines(keepends=True)))


@pytest.mark.parametrize("name", FILES)
def test_golden_graph(sample_documents, name):
    graph = to_rdf(sample_documents[name], BASE)
    golden = GOLDEN / (Path(name).stem + ".nt")
    if os.environ.get("GONGWEN_REGEN") == "1":
        golden.write_text(_dump(graph), encoding="utf-8")
    expected = Graph().parse(golden, format="nt")
    if not isomorphic(graph, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(graph), to_isomorphic(expected))
        pytest.fail(f"{name} differs from {golden.name} (GONGWEN_REGEN=1 regenerates it)\n"
                    f"only in to_rdf:\n{_dump(only_got)}\nonly in golden:\n{_dump(only_expected)}")


@pytest.mark.parametrize("name", FILES)
def test_sample_conforms_to_the_shapes(sample_documents, name):
    report = validate_graph(to_rdf(sample_documents[name], BASE))
    assert report.conforms, "\n".join(format_violation(v) for v in report.violations)
    assert not report.violations, "\n".join(format_violation(v) for v in report.violations)


def test_the_whole_sample_corpus_conforms_as_one_graph(sample_documents):
    merged = Graph()
    for doc in sample_documents.values():
        merged += to_rdf(doc, BASE)
    report = validate_graph(merged)
    assert report.conforms, "\n".join(format_violation(v) for v in report.violations)


def test_the_provenance_record_the_store_reads(sample_documents):
    doc = sample_documents[FILES[0]]
    graph, g = to_rdf(doc, BASE), URIRef(graph_iri(doc, BASE))
    assert graph.value(g, GW.sourcePath) == Literal(doc.file)
    assert graph.value(g, GW.sha256) == Literal(doc.sha256)
    assert graph.value(g, GW.textLength) == Literal(len(doc.text))
    assert graph.value(D000, GW.sourceGraph) == g


def test_document_number_issuer_and_title_as_the_checks_look_them_up(sample_documents):
    graph = to_rdf(sample_documents[FILES[0]], BASE)
    holders = {s for s, p, o in graph if str(o) == "西民函〔2023〕53号"}
    assert holders == {D000}
    assert graph.value(D000, ELI.id_local) == Literal("西民函〔2023〕53号")  # plain, no language tag
    agencies = {s for s, p, o in graph if str(o) == "昆明市西山区民政局"}
    assert len(agencies) == 1
    (agency,) = agencies
    assert (D000, ELI.passed_by, agency) in graph
    assert graph.value(agency, SKOS.prefLabel) == Literal("昆明市西山区民政局")
    assert graph.value(D000, ELI.title) == Literal("关于西山区第十七届人大二次会议第228号建议答复的函")
    assert (D000, ELI.cites, D054) in graph
    occurrence = next(graph.subjects(CITO.hasCitedEntity, D054))
    start, end = iris.mention_span(str(occurrence))
    assert start < end


def test_removing_the_issuer_link_is_reported_on_the_document(sample_documents):
    """What acceptance check 06 does to the exported corpus."""
    merged = Graph()
    for doc in sample_documents.values():
        merged += to_rdf(doc, BASE)
    agency = next(s for s, p, o in merged if str(o) == "昆明市西山区民政局")
    for p in list(merged.predicates(D000, agency)):
        merged.remove((D000, p, agency))
    report = validate_graph(merged)
    assert not report.conforms
    assert {v.focus for v in report.violations if v.severity == "Violation"} == {str(D000)}


def _doc(file, number=None, citations=(), title=None):
    text = "x" * 60
    return Document(file=file, text=text, sha256=file * 64, issuer=Field("昆明市西山区民政局", (0, 9)),
                    doc_number=number, title=Field(title, (10, 20)) if title else None, citations=citations)


def test_a_stub_and_the_loaded_document_are_one_node_and_in_corpus_is_derivable():
    cited_number = DocNumber("西办通（2022）54号", "西办通", 2022, "54", (30, 42))
    citing = _doc("a", DocNumber("西民函〔2023〕53号", "西民函", 2023, "53", (0, 12)),
                  (Citation((28, 50), cited_number, TitledWork("实施意见", (43, 47))),))
    stub_graph = to_rdf(citing, BASE)
    assert (D054, GW.sourceGraph, None) not in stub_graph  # not in the corpus: no source graph
    assert stub_graph.value(D054, ELI.id_local) == Literal("西办通〔2022〕54号")
    assert stub_graph.value(D054, GW.numberYear) == Literal("2022", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear"))
    assert stub_graph.value(D054, DCTERMS.alternative) == Literal("实施意见")
    occurrence = next(stub_graph.subjects(CITO.hasCitedEntity, D054))
    assert stub_graph.value(occurrence, GW.numberAsWritten) == Literal("西办通（2022）54号")

    loaded = _doc("b", DocNumber("西办通〔2022〕54号", "西办通", 2022, "54", (0, 12)), title="关于…的实施意见")
    union = stub_graph + to_rdf(loaded, BASE)
    assert (D054, GW.sourceGraph, URIRef(graph_iri(loaded, BASE))) in union
    assert validate_graph(union).conforms


def test_a_malformed_number_is_kept_as_written_and_never_as_eli_id_local():
    doc = _doc("c", DocNumber("衢政办发〔202316号", "衢政办发", None, "16", (0, 11)))
    graph = to_rdf(doc, BASE)
    node = URIRef(iris.doc_iri(BASE, "衢政办发〔202316号"))
    assert graph.value(node, GW.numberAsWritten) == Literal("衢政办发〔202316号")
    assert (None, ELI.id_local, None) not in graph
    assert validate_graph(graph).conforms


def test_the_shapes_hold_the_same_canonical_number_pattern_as_to_rdf():
    patterns = {str(o) for s, p, o in load_shapes() if str(s).endswith("#CanonicalNumber") and str(p).endswith("#pattern")}
    assert patterns == {f"^{CANONICAL_NUMBER}$"}


def test_graphs_are_deterministic(sample_documents):
    doc = sample_documents[FILES[1]]
    assert to_ntriples(to_rdf(doc, BASE)) == to_ntriples(to_rdf(dataclasses.replace(doc), BASE))


def test_ntriples_round_trip(sample_documents):
    graph = to_rdf(sample_documents[FILES[3]], BASE)
    assert isomorphic(Graph().parse(data=to_ntriples(graph), format="nt"), graph)


def test_a_typical_reply_letter_is_compact_and_fast(sample_documents):
    doc = sample_documents[FILES[1]]
    assert len(to_rdf(doc, BASE)) <= 150  # 188 while every graph repeated concept labels and span sources
    start = time.perf_counter()
    for _ in range(50):
        to_rdf(doc, BASE)
    assert (time.perf_counter() - start) / 50 < 0.010  # measured ~1 ms; generous for loaded CI machines


def test_an_empty_span_marks_an_inferred_value_and_gets_no_mention():
    doc = dataclasses.replace(_doc("d", title="关于…的答复"), doc_type=Field("答复", (0, 0)))
    graph = to_rdf(doc, BASE)
    assert (None, ELI.type_document, URIRef(iris.concept_iri(BASE, "doctype", "答复"))) in graph
    assert not any(str(s).endswith("#char=0,0") for s in graph.subjects())
    assert validate_graph(graph).conforms


def test_a_loaded_document_without_number_or_title_is_identified_by_its_source():
    doc = Document(file="e.txt", text="您好", sha256="e" * 64, issuer=Field("仁怀市民政局", (0, 0)))
    assert validate_graph(to_rdf(doc, BASE)).conforms


@pytest.mark.parametrize("name", FILES)
def test_every_span_is_a_fragment_of_its_source_and_within_the_text(sample_documents, name):
    """What the shapes cannot check (a pattern compares no numbers): to_rdf guarantees it. No triple repeats
    the offsets or links the span to its source: the IRI says both."""
    doc = sample_documents[name]
    graph, source = to_rdf(doc, BASE), graph_iri(doc, BASE)
    spans = {s for s in graph.subjects() if iris.mention_span(str(s))}
    assert len(spans) >= 5
    for span in spans:
        start, end = iris.mention_span(str(span))
        assert str(span) == f"{source}#char={start},{end}"
        assert 0 <= start < end <= len(doc.text)
    assert (None, PROV.wasDerivedFrom, None) not in graph
    assert not [p for p in graph.predicates() if str(p).startswith(str(OA))]


def _place_doc(**facts) -> Document:
    return Document(file="p", text="x" * 80, sha256="f" * 64, issuer=Field("昆明市西山区民政局", (0, 9)), **facts)


@pytest.mark.parametrize(("facts", "linked", "unlinked"), [
    # a place read inside the issuer's name is part of that name
    ({"places": (Place("西山区", "区", (3, 6)),)}, [], [iris.place_iri(BASE, "西山区", "530112")]),
    # the same place in the body is a place the document names
    ({"places": (Place("西山区", "区", (30, 33)),)}, [iris.place_iri(BASE, "西山区", "530112")], []),
    # an agency inside a cited title is the cited document's inferred issuer, not a separate mention
    ({"organizations": (Agency("昆明市民政局", (41, 47)),),
      "citations": (Citation((40, 70), title=TitledWork("昆明市民政局关于印发方案的通知", (41, 69))),)},
     [], [iris.agency_iri(BASE, "昆明市民政局")]),
    # the issuer named again in the body: eli:passed_by already links it
    ({"organizations": (Agency("昆明市西山区民政局", (50, 59)),)}, [], [iris.agency_iri(BASE, "昆明市西山区民政局")]),
    # two readings of one span are both kept
    ({"organizations": (Agency("五华区民政局", (60, 66)),), "places": (Place("五华区", "区", (60, 63)),)},
     [iris.agency_iri(BASE, "五华区民政局")], [iris.place_iri(BASE, "五华区", "530102")]),
])
def test_a_body_mention_inside_a_longer_fact_is_not_published(facts, linked, unlinked):
    graph = to_rdf(_place_doc(**facts), BASE)
    objects = {str(o) for s, p, o in graph if p in (SDO.mentions, DCTERMS.spatial)}
    assert set(linked) <= objects
    assert not set(unlinked) & objects
    assert validate_graph(graph).conforms


def test_a_listed_concept_or_place_is_linked_not_described(sample_documents):
    graph = to_rdf(sample_documents[FILES[1]], BASE)
    letter = URIRef(iris.concept_iri(BASE, "doctype", "函"))
    assert (None, ELI.type_document, letter) in graph
    assert (letter, None, None) not in graph
    deputy = URIRef(iris.concept_iri(BASE, "role", "代表"))
    assert (None, ORG.role, deputy) in graph and (deputy, None, None) not in graph


def test_an_unlisted_concept_is_described_in_the_document_graph():
    doc = dataclasses.replace(_doc("e", title="关于…的说明"), doc_type=Field("说明", (12, 14)))
    graph = to_rdf(doc, BASE)
    concept = URIRef(iris.concept_iri(BASE, "doctype", "说明"))
    assert graph.value(concept, SKOS.prefLabel) == Literal("说明")
    assert validate_graph(graph).conforms
