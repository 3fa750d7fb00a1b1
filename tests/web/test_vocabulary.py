"""/ontology through the Flask test client: the reference (every term, its labels, alignments and an example
that parses), the reused vocabularies, and the Turtle / JSON-LD twins."""
from __future__ import annotations

import json
import re
from html import unescape

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from gongwen.ontology.namespaces import GW
from gongwen.web.vocabulary import load_ontology, load_reused

REUSED = ["eli", "eli-dl", "org", "foaf", "cito", "skos", "schema", "prov", "oa", "dcterms"]


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    graph = rdflib.Graph()
    for t in load_ontology():
        graph.parse(data=f"{t} .", format="nt")
    return graph


@pytest.fixture
def page(client) -> str:
    response = client.get("/ontology", headers={"Accept": "text/html"})
    assert response.status_code == 200
    return response.data.decode()


def _sections(page: str) -> dict[str, str]:
    return dict(re.findall(r'<section class="term" id="(\w+)">(.*?)</section>', page, re.S))


def test_every_declared_term_has_a_section_with_both_labels_and_its_comment(page, ontology):
    sections = _sections(page)
    declared = {s for s in ontology.subjects(RDF.type, None) if str(s).startswith(str(GW))}
    assert {str(t)[len(str(GW)):] for t in declared} == set(sections)
    for term in declared:
        body = unescape(sections[str(term)[len(str(GW)):]])
        for label in ontology.objects(term, RDFS.label):
            assert str(label) in body, (term, label)
        assert str(ontology.value(term, RDFS.comment)) in body


def test_alignments_are_shown(page, ontology):
    sections = _sections(page)
    for term, target in ontology.subject_objects(SKOS.closeMatch):
        body = sections[str(term)[len(str(GW)):]]
        assert "closeMatch" in body and f'href="{target}"' in body, (term, target)
    assert 'subPropertyOf</dt><dd><a href="http://www.w3.org/2004/02/skos/core#hiddenLabel"' \
        in sections["numberAsWritten"]


@pytest.mark.parametrize("anchor", ["SourceText", "Proposal", "Deputy", "Programme", "answers", "sourcePath",
                                    "handlingType", "statesProperty", "mentions", "inferredIssuer", "statutory"])
def test_an_example_is_a_turtle_triple_that_uses_the_term(page, anchor):
    body = _sections(page)[anchor]
    source, turtle = re.search(r'class="example-source">.*? · (.*?)</p>\s*<pre class="example">(.*?)</pre>',
                               body, re.S).groups()
    assert source.startswith(("sample_corpus/", "vocabulary graph"))
    (s, p, o), = rdflib.Graph().parse(data=unescape(turtle), format="turtle")
    term = GW[anchor]
    assert term in (p, o) and (p != RDF.type or o == term)


def test_a_term_no_sample_uses_says_so(page):
    assert "No bundled sample uses this term" in _sections(page)["signer"]


def test_the_reused_vocabularies_are_listed_with_their_terms(page):
    section = page[page.index('id="reused"'):]
    for prefix in REUSED:
        assert f'id="reused-{prefix}"' in section
    for term in ("eli:passed_by", "org:Membership", "cito:hasCitedEntity", "skos:prefLabel", "schema:Observation",
                 "prov:Entity", "oa:hasBody", "eli-dl:was_submitted_by"):
        assert f"<code>{term}</code>" in section, term


def test_the_reused_table_reads_in_file_order():
    assert [v.prefix for v in load_reused()] == REUSED
    assert all(v.uses and v.see_also for v in load_reused())


@pytest.mark.parametrize(("path", "accept", "fmt"), [
    ("/ontology.ttl", "text/html", "turtle"),
    ("/ontology", "text/turtle", "turtle"),
    ("/ontology.jsonld", "text/html", "json-ld"),
    ("/ontology", "application/ld+json", "json-ld"),
])
def test_the_data_twins_hold_the_ontology(client, ontology, path, accept, fmt):
    response = client.get(path, headers={"Accept": accept})
    assert response.status_code == 200
    if fmt == "json-ld":
        json.loads(response.data)
    graph = rdflib.Graph().parse(data=response.data.decode(), format=fmt)
    assert (rdflib.URIRef("https://w3id.org/gongwen/ontology"), RDF.type, OWL.Ontology) in graph
    assert len(graph) == len(ontology)


def test_nothing_acceptable_is_406(client):
    assert client.get("/ontology", headers={"Accept": "image/png"}).status_code == 406
