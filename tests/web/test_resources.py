"""Linked-data pages, data twins, the home page and /ontology through the Flask test client."""
from __future__ import annotations

import json
from urllib.parse import quote

import pyoxigraph as ox
import pytest

from tests.web.conftest import uri

BASE = "http://127.0.0.1:5000/"  # the base sample.trig mints under (conftest.py)
REPLY = "西民函〔2023〕53号"
NOTICE = "西办通〔2022〕54号"
REPLY_IRI = uri(BASE + "id/doc/" + REPLY)
NOTICE_IRI = uri(BASE + "id/doc/" + NOTICE)
TITLE = "关于西山区第十七届人大二次会议第228号建议答复的函"


def path_of(number: str) -> str:
    return "/id/doc/" + quote(number)


def triples_of(response) -> list[ox.Triple]:
    return [q.triple for q in ox.parse(response.data, format=ox.RdfFormat.from_media_type(response.mimetype))]


def test_html_page_shows_title_number_and_links(client):
    page = client.get(path_of(REPLY), headers={"Accept": "text/html"}).get_data(as_text=True)
    assert f"<h1>{TITLE}</h1>" in page
    assert REPLY in page
    assert f'href="{path_of(NOTICE)}"' in page          # cited document linked on this site
    assert "西山区民政局" in page                          # issuer shown by its label
    assert "@en" in page and "xsd:date" in page           # literal language and datatype shown
    assert "/graph?focus=" in page


def test_html_page_lists_incoming_citations(client):
    page = client.get(path_of(NOTICE), headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "cited by" in page and TITLE in page and "关于加强社区养老服务建议的答复" in page


def test_html_page_announces_data_twins(client):
    page = client.get(path_of(REPLY), headers={"Accept": "text/html"}).get_data(as_text=True)
    for suffix, media in ((".ttl", "text/turtle"), (".jsonld", "application/ld+json")):
        assert f'<link rel="alternate" type="{media}" href="{path_of(REPLY)}{suffix}">' in page


@pytest.mark.parametrize(("accept", "media_type"), [
    ("text/turtle", "text/turtle"),
    ("application/ld+json", "application/ld+json"),
    ("application/n-triples", "application/n-triples"),
    ("application/rdf+xml", "application/rdf+xml"),
    ("text/html;q=0.5, text/turtle", "text/turtle"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", "text/html"),
])
def test_page_follows_accept(client, accept, media_type):
    response = client.get(path_of(REPLY), headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert response.headers["Vary"] == "Accept"


@pytest.mark.parametrize(("suffix", "media_type"), [
    (".ttl", "text/turtle"), (".jsonld", "application/ld+json"), (".nt", "application/n-triples"),
    (".rdf", "application/rdf+xml"),
])
def test_suffix_twin_serves_its_syntax(client, suffix, media_type):
    response = client.get(path_of(REPLY) + suffix, headers={"Accept": "text/html"})
    assert response.mimetype == media_type
    assert any(t.subject == ox.NamedNode(REPLY_IRI) for t in triples_of(response))


def test_rdf_holds_own_triples_once_and_labels_of_objects(client):
    triples = triples_of(client.get(path_of(NOTICE), headers={"Accept": "text/turtle"}))
    notice = ox.NamedNode(NOTICE_IRI)
    numbers = [t for t in triples if t.subject == notice and t.predicate.value.endswith("id_local")]
    assert len(numbers) == 1                              # stated in three graphs, served once
    office = ox.NamedNode(uri(BASE + "id/agency/西山区人民政府办公室"))
    assert ox.Triple(office, ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                     ox.Literal("西山区人民政府办公室")) in triples
    assert {t.subject for t in triples} <= {notice, office, ox.NamedNode(uri(BASE + "id/doc/国办发〔2021〕12号"))}


def test_rdf_expands_blank_node_values(client):
    triples = triples_of(client.get(path_of(REPLY) + ".nt"))
    assert any(t.object == ox.Literal("王敏") for t in triples)


def test_jsonld_is_json_about_the_iri(client):
    body = json.loads(client.get(path_of(REPLY), headers={"Accept": "application/ld+json"}).data)
    assert REPLY_IRI in json.dumps(body, ensure_ascii=False)


def test_unicode_path_works_unencoded_too(client):
    assert client.get("/id/doc/" + REPLY, headers={"Accept": "text/turtle"}).status_code == 200


def test_mentions_are_listed_apart_from_links(client):
    page = client.get(path_of(REPLY), headers={"Accept": "text/html"}).get_data(as_text=True)
    links, mentions = page.split('<details class="mentions">')
    assert "#char=0,17" in mentions and "#char=" not in links


def test_unknown_iri_is_helpful_404(client):
    response = client.get(path_of("西民函〔2099〕1号"), headers={"Accept": "text/html"})
    page = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "西民函〔2099〕1号" in page and f'href="{path_of(REPLY)}"' in page


def test_agency_page_lists_documents_it_issued(client):
    page = client.get("/id/agency/" + quote("西山区民政局"), headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "issuer of" in page and TITLE in page and "Xishan District Civil Affairs Bureau" in page


def test_home_page_counts_and_most_cited(client):
    page = client.get("/").get_data(as_text=True)
    for count, what in ((5, "documents"), (4, "citations"), (3, "agencies"), (1, "programmes")):
        assert f"<strong>{count}</strong>" in page and what in page
    assert page.index("关于印发西山区社区工作者管理办法的通知") < page.index("国办发〔2021〕12号")
    for link in ('href="/sparql"', 'href="/graph"', 'href="/ontology"'):
        assert link in page


def test_pages_use_only_local_assets(client):
    for path in ("/", path_of(REPLY), "/sparql", "/graph", "/ontology"):
        page = client.get(path, headers={"Accept": "text/html"}).get_data(as_text=True)
        assert "src=\"http" not in page and "stylesheet\" href=\"http" not in page


@pytest.mark.parametrize(("path", "accept", "media_type"), [
    ("/ontology", "text/html", "text/html"),
    ("/ontology", "text/turtle", "text/turtle"),
    ("/ontology", "application/ld+json", "application/ld+json"),
    ("/ontology.ttl", "text/html", "text/turtle"),
])
def test_ontology_negotiates(client, path, accept, media_type):
    response = client.get(path, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == media_type


def test_ontology_unknown_suffix_is_404(client):
    assert client.get("/ontology.exe").status_code == 404
