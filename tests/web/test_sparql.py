"""The /sparql endpoint through the Flask test client: protocol cases, content negotiation, read-only."""
from __future__ import annotations

import csv
import io
import json
from urllib.parse import quote, urlencode

import pyoxigraph as ox
import pytest

from gongwen.store import GraphData
from tests.web.conftest import uri

BASE = "http://127.0.0.1:5000/"  # the base sample.trig mints under (conftest.py)
DOC = BASE + "id/doc/"

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
ASK = "ASK {}"
SELECT = "SELECT ?x WHERE { VALUES ?x { 1 2 } }"
CONSTRUCT = "CONSTRUCT { <urn:s> <urn:p> ?x } WHERE { VALUES ?x { 1 2 } }"


def q(text: str) -> str:
    return "query=" + quote(text, safe="")


@pytest.mark.parametrize(("method", "query_string", "content_type", "body", "status"), [
    ("GET", q(ASK), None, b"", 200),
    ("POST", "", FORM, q(ASK).encode(), 200),
    ("POST", "", FORM + "; charset=UTF-8", q(ASK).encode(), 200),
    ("POST", "", DIRECT, ASK.encode(), 200),
    ("POST", "", DIRECT + "; charset=utf-8", ASK.encode(), 200),
    ("POST", "default-graph-uri=urn%3Ag", DIRECT, ASK.encode(), 200),
    ("GET", q(ASK) + "&" + q("SELECT * {}"), None, b"", 400),           # two queries
    ("POST", "", FORM, (q(ASK) + "&" + q(ASK)).encode(), 400),          # two queries in a form
    ("POST", q(ASK), DIRECT, ASK.encode(), 400),                        # query in URL and body
    ("POST", "", "text/plain", ASK.encode(), 415),                      # wrong media type
    ("POST", "", None, q(ASK).encode(), 400),                           # missing content type
    ("POST", "", DIRECT + "; charset=UTF-16", ASK.encode("utf-16"), 400),  # not UTF-8
    ("POST", "", DIRECT, ASK.encode("utf-16"), 400),                    # not UTF-8, undeclared
    ("POST", "", FORM, b"query=%FF%FE", 400),                           # form value not UTF-8
    ("GET", "query=ASK%20%7B", None, b"", 400),                         # syntax error
    ("POST", "", DIRECT, b"SELECT * WHERE {", 400),
    ("PUT", q(ASK), FORM, b"", 405),
    ("DELETE", q(ASK), None, b"", 405),
    ("POST", "", "application/sparql-update", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", 403),
    ("POST", "", FORM, b"update=DELETE%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D", 403),
    ("GET", "update=CLEAR%20ALL", None, b"", 403),
    ("GET", q("INSERT DATA { <urn:a> <urn:b> <urn:c> }"), None, b"", 403),
    ("POST", "", DIRECT, b"PREFIX x: <urn:x#> DELETE WHERE { ?s ?p ?o }", 403),
    ("GET", q("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"), None, b"", 403),
])
def test_protocol_request_gets_status(client, store, method, query_string, content_type, body, status):
    before = len(store)
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.open("/sparql?" + query_string, method=method, data=body, headers=headers)
    assert response.status_code == status, response.get_data(as_text=True)
    assert len(store) == before


def test_update_refusal_says_why(client):
    response = client.post("/sparql", data=b"CLEAR ALL", content_type="application/sparql-update")
    assert "read-only" in response.get_data(as_text=True)


def test_syntax_error_carries_parser_message(client):
    response = client.get("/sparql?" + q("SELECT * WHERE { ?s ?p }"))
    assert response.status_code == 400
    assert "error at 1:" in response.get_data(as_text=True)


@pytest.mark.parametrize(("query", "accept", "media_type"), [
    (SELECT, None, "application/sparql-results+json"),
    (SELECT, "*/*", "application/sparql-results+json"),
    (SELECT, "application/sparql-results+xml", "application/sparql-results+xml"),
    (SELECT, "text/csv", "text/csv"),
    (SELECT, "text/tab-separated-values", "text/tab-separated-values"),
    (SELECT, "text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    (ASK, None, "application/sparql-results+json"),
    (ASK, "application/sparql-results+xml", "application/sparql-results+xml"),
    (CONSTRUCT, None, "text/turtle"),
    (CONSTRUCT, "application/n-triples", "application/n-triples"),
    (CONSTRUCT, "application/rdf+xml", "application/rdf+xml"),
    (CONSTRUCT, "application/ld+json", "application/ld+json"),
    ("DESCRIBE <urn:nothing>", None, "text/turtle"),
])
def test_results_follow_accept(client, query, accept, media_type):
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql?" + q(query), headers=headers)
    assert response.status_code == 200
    assert response.mimetype == media_type


@pytest.mark.parametrize("accept", ["text/turtle", "application/n-triples", "application/rdf+xml",
                                    "application/ld+json"])
def test_construct_parses_back_to_two_triples(client, accept):
    response = client.post("/sparql", data=CONSTRUCT, content_type=DIRECT, headers={"Accept": accept})
    fmt = ox.RdfFormat.from_media_type(accept)
    assert len(list(ox.parse(response.data, format=fmt))) == 2


def test_csv_has_header_and_rows(client):
    response = client.get("/sparql?" + q(SELECT), headers={"Accept": "text/csv"})
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows == [["x"], ["1"], ["2"]]


def test_unacceptable_type_is_406(client):
    assert client.get("/sparql?" + q(ASK), headers={"Accept": "image/png"}).status_code == 406


def test_citation_is_queryable(client):
    query = f"ASK {{ <{uri(DOC + '西民函〔2023〕53号')}> <http://data.europa.eu/eli/ontology#cites> <{uri(DOC + '西办通〔2022〕54号')}> }}"
    assert client.get("/sparql?" + q(query)).json == {"head": {}, "boolean": True}


@pytest.mark.parametrize(("params", "query", "expected"), [
    ({"default-graph-uri": BASE + "id/source/d2"}, "ASK { ?s <http://data.europa.eu/eli/ontology#title> ?t }", True),
    ({"default-graph-uri": BASE + "id/source/d2"},
     f"ASK {{ <{uri(DOC + '西民函〔2023〕53号')}> ?p ?o }}", False),
    ({"default-graph-uri": "urn:unknown"}, "ASK { ?s ?p ?o }", False),
    ({"default-graph-uri": BASE + "id/source/d1"}, "ASK { GRAPH ?g { ?s ?p ?o } }", False),
    ({"named-graph-uri": BASE + "id/source/d3"}, "ASK { GRAPH ?g { ?s ?p ?o } }", True),
    ({"named-graph-uri": BASE + "id/source/d3"}, "ASK { ?s ?p ?o }", False),   # no default-graph-uri: empty
    ({"named-graph-uri": "urn:unknown"}, "ASK { GRAPH ?g { ?s ?p ?o } }", False),
    ({"named-graph-uri": "urn:unknown"}, f"ASK FROM NAMED <{BASE}id/source/d1> {{ GRAPH ?g {{ ?s ?p ?o }} }}", False),
    ({}, f"ASK {{ <{uri(DOC + '西民函〔2023〕53号')}> ?p ?o . <{uri(DOC + '五民函〔2022〕1号')}> ?p2 ?o2 }}", True),
])
def test_protocol_dataset_is_honoured(client, params, query, expected):
    response = client.post("/sparql?" + urlencode(params), data=query, content_type=DIRECT)
    assert response.json["boolean"] is expected


def test_browser_without_query_gets_query_page(client):
    page = client.get("/sparql", headers={"Accept": "text/html,*/*;q=0.8"}).get_data(as_text=True)
    assert "<textarea" in page and "被引用最多的文件" in page and "sparql.js" in page


def test_browser_with_query_gets_page_that_runs_it(client):
    page = client.get("/sparql?" + q(ASK), headers={"Accept": "text/html,*/*;q=0.8"}).get_data(as_text=True)
    assert 'data-run="yes"' in page and "ASK {}" in page


def test_machine_without_query_gets_400(client):
    assert client.get("/sparql", headers={"Accept": "application/sparql-results+json"}).status_code == 400


def test_relative_iris_resolve_against_endpoint(client):
    response = client.get("/sparql?" + q("CONSTRUCT { <s> <p> 1 } WHERE {}"), headers={"Accept": "application/n-triples"})
    assert response.get_data(as_text=True).startswith("<http://localhost/s> <http://localhost/p>")


def test_select_json_carries_values(client):
    body = json.loads(client.get("/sparql?" + q(SELECT)).data)
    assert [b["x"]["value"] for b in body["results"]["bindings"]] == ["1", "2"]


def test_a_repeated_query_is_answered_from_the_cache_until_the_store_changes(app, store):
    client = app.test_client()
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    first = client.get("/sparql", query_string={"query": query}).json
    calls = []
    original = store.query
    store.query = lambda *a, **k: calls.append(a) or original(*a, **k)
    assert client.get("/sparql", query_string={"query": query}).json == first
    assert calls == []
    store.replace_graphs([GraphData("urn:x-test:g", '<urn:x> <urn:y> "z" .')])
    after = client.get("/sparql", query_string={"query": query}).json
    assert len(calls) == 1
    assert int(after["results"]["bindings"][0]["n"]["value"]) > int(first["results"]["bindings"][0]["n"]["value"])
