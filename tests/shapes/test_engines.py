"""pyshacl-turbo (the load path's validator) gives exactly pySHACL's results (the reference) on the same triples.

Compared: every shape case, and each sample and devset document's graph whole and with single triples removed
(a seeded choice), which breaks minimum counts, alternatives, qualified counts and date order the way a
faulty extraction would. Exactly the same means the same focus node, path, shape, severity and both messages.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from rdflib import Graph

from gongwen.loaders.extract import extract_document
from gongwen.loaders.read import iter_sources, read_file
from gongwen.ontology.to_rdf import to_ntriples, to_rdf
from gongwen.pipeline import sample_corpus
from gongwen.shapes.validate import validate_graph, validate_ntriples

from .test_shapes import CASES, read_case

DEVSET = Path(__file__).parents[1] / "fixtures" / "devset"
DOCUMENTS = sorted(iter_sources([sample_corpus(), DEVSET]))
MUTATIONS_PER_DOCUMENT = 12


def assert_same_results(data: Graph) -> None:
    reference = validate_graph(data)
    turbo = validate_ntriples(to_ntriples(data))
    assert turbo.violations == reference.violations
    assert turbo.conforms is reference.conforms


@pytest.mark.parametrize("path", sorted(CASES.glob("*.ttl")), ids=lambda p: p.stem)
def test_same_results_on_shape_case(path):
    data, _, _ = read_case(path)
    assert_same_results(data)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: Path(p).name)
def test_same_results_on_document_and_its_mutations(path):
    source = read_file(path)
    graph = to_rdf(extract_document(source.text, file=str(path), sha256=source.sha256))
    triples = sorted(graph, key=lambda t: tuple(map(str, t)))
    assert_same_results(graph)
    nonconforming = 0
    for index in random.Random(Path(path).name).sample(range(len(triples)), MUTATIONS_PER_DOCUMENT):
        mutated = Graph()
        for triple in triples[:index] + triples[index + 1:]:
            mutated.add(triple)
        assert_same_results(mutated)
        nonconforming += not validate_graph(mutated).conforms
    assert nonconforming, "no mutation broke a shape: the comparison would not tell the engines apart"
