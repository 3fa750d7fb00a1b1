"""/api/…: the citation questions as JSON, through the Flask test client and a real waitress server."""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

from gongwen.store import GraphData

from .conftest import DOC, uri

CITED = "西办通〔2022〕54号"


def numbers(answer: dict) -> list[str]:
    return [r["number"] for r in answer["results"]]


@pytest.mark.parametrize("written", [CITED, "西办通[2022]54号", "西办通（2022）54号", " 西办通〔2022〕54号 "])
def test_cited_by_takes_any_bracket_style(client, written):
    answer = client.get("/api/cited-by", query_string={"number": written}).json
    assert answer["document"]["number"] == CITED
    assert numbers(answer) == ["五民函〔2022〕1号", "西民函〔2023〕53号"]
    assert answer["count"] == 2


def test_lists_come_a_page_at_a_time(client):
    first = client.get("/api/cited-by", query_string={"number": CITED, "size": 1}).json
    assert (first["count"], first["offset"], numbers(first)) == (2, 0, ["五民函〔2022〕1号"])
    second = client.get(first["next"]).json
    assert (second["offset"], numbers(second), second["next"]) == (1, ["西民函〔2023〕53号"], None)


def test_cited_by_names_a_document_by_iri(client):
    answer = client.get("/api/cited-by", query_string={"iri": uri(DOC + CITED)}).json
    assert answer["document"]["number"] == CITED


def test_cites_lists_the_sources(client):
    answer = client.get("/api/cites", query_string={"number": "西民函〔2023〕53号"}).json
    assert numbers(answer) == ["昆民通〔2021〕8号", CITED]


@pytest.mark.parametrize("direction, expected", [
    ("up", ["国办发〔2021〕12号", CITED]),
    ("down", []),
])
def test_trace_follows_citations_transitively(client, direction, expected):
    answer = client.get("/api/trace", query_string={"number": "五民函〔2022〕1号", "direction": direction}).json
    assert numbers(answer) == expected


def test_trace_down_reaches_everything_that_builds_on_a_document(client):
    answer = client.get("/api/trace", query_string={"number": "国办发〔2021〕12号", "direction": "down"}).json
    assert numbers(answer) == ["五民函〔2022〕1号", CITED, "西民函〔2023〕53号"]


def test_most_cited_ranks_with_counts(client):
    answer = client.get("/api/most-cited?limit=1").json
    assert [(r["number"], r["cited_by"]) for r in answer["results"]] == [(CITED, 2)]


def test_document_gives_counts_and_its_page(client):
    answer = client.get("/api/document", query_string={"number": CITED}).json
    assert (answer["cites"], answer["cited_by"]) == (1, 2)
    assert answer["page"].startswith("/id/doc/")
    assert client.get(answer["page"]).status_code == 200


@pytest.mark.parametrize("path, status, message", [
    ("/api/cited-by", 400, "number=<文号>"),
    ("/api/cited-by?number=", 400, "number=<文号>"),
    ("/api/cites?number=西办通〔1999〕1号", 404, "no document 西办通〔1999〕1号"),
    ("/api/trace?number=西办通〔2022〕54号&direction=sideways", 400, "up or down"),
    ("/api/most-cited?limit=0", 400, "from 1 to 5000"),
    ("/api/most-cited?limit=many", 400, "from 1 to 5000"),
    ("/api/most-cited?limit=100000", 400, "from 1 to 5000"),
    ("/api/cited-by?number=西办通〔2022〕54号&size=0", 400, "size must be"),
    ("/api/cited-by?number=西办通〔2022〕54号&offset=-1", 400, "offset must be"),
    ("/api/cited-by?number=西办通〔2022〕54号&offset=3", 400, "from 0 to 2"),
])
def test_bad_requests_get_a_json_error(client, path, status, message):
    response = client.get(path)
    assert response.status_code == status
    assert message in response.json["error"]


def test_the_index_follows_writes_to_the_store(client, store):
    assert client.get("/api/most-cited?limit=1").json["results"][0]["cited_by"] == 2
    new = f"<{uri(DOC + '新函〔2024〕1号')}> <http://data.europa.eu/eli/ontology#cites> <{uri(DOC + CITED)}> .\n"
    store.replace_graphs([GraphData("urn:test:new", new)])
    assert client.get("/api/most-cited?limit=1").json["results"][0]["cited_by"] == 3


def test_a_real_server_answers_the_api(live_url):
    query = urllib.parse.urlencode({"number": CITED})
    with urllib.request.urlopen(f"{live_url}/api/cited-by?{query}", timeout=10) as response:
        assert response.headers["Content-Type"] == "application/json"
        assert numbers(json.load(response)) == ["五民函〔2022〕1号", "西民函〔2023〕53号"]
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{live_url}/api/trace?{query}&direction=x", timeout=10)
    assert refused.value.code == 400
