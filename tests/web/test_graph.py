"""/graph and /graph.json: the neighbourhood chosen, its styling and layout, over the sample store."""
from __future__ import annotations

from urllib.parse import quote

import networkx as nx
import pytest

from gongwen.citation_index import CitationIndex
from tests.web.conftest import uri
from gongwen.web.graph import Neighbourhood, layout_network, select_focus, select_most_cited

BASE = "http://127.0.0.1:5000/"  # the base sample.trig mints under (conftest.py)
DOC = BASE + "id/doc/"
REPLY = uri(DOC + "西民函〔2023〕53号")


def graph_json(client, focus: str | None = None) -> dict:
    return client.get("/graph.json" + (f"?focus={quote(focus, safe='')}" if focus else "")).json


def test_focus_view_reaches_two_steps_and_context(client):
    data = graph_json(client, REPLY)
    kinds = {n["id"]: n["kind"] for n in data["nodes"]}
    assert kinds == {
        REPLY: "focus",
        uri(DOC + "西办通〔2022〕54号"): "document",        # cited by the focus
        uri(DOC + "昆民通〔2021〕8号"): "document",
        uri(DOC + "国办发〔2021〕12号"): "document",        # two steps down
        uri(DOC + "五民函〔2022〕1号"): "document",         # two steps: cites what the focus cites
        uri(BASE + "id/agency/西山区民政局"): "agency",
        uri(BASE + "id/programme/五社联动"): "programme",
    }
    assert {(e["from"], e["to"]) for e in data["edges"]} >= {(REPLY, uri(DOC + "西办通〔2022〕54号"))}


def test_nodes_carry_labels_positions_and_links(client):
    nodes = {n["id"]: n for n in graph_json(client, REPLY)["nodes"]}
    focus = nodes[REPLY]
    assert focus["label"] == "西民函〔2023〕53号"
    assert "关于西山区第十七届人大二次会议第228号建议答复的函" in focus["title"]
    assert (focus["x"], focus["y"]) == (0.0, 0.0)
    assert focus["url"] == "/id/doc/" + quote("西民函〔2023〕53号")
    assert all("x" in n and "y" in n for n in nodes.values())


def test_agency_focus_shows_its_documents(client):
    kinds = {n["id"]: n["kind"] for n in graph_json(client, uri(BASE + "id/agency/西山区民政局"))["nodes"]}
    assert kinds[REPLY] == "document"


def test_programme_focus_shows_documents_about_it(client):
    kinds = {n["id"]: n["kind"] for n in graph_json(client, uri(BASE + "id/programme/五社联动"))["nodes"]}
    assert kinds[REPLY] == "document"


def test_whole_view_respects_limit(app, client):
    app.config["GRAPH_LIMIT"] = 2
    ids = [n["id"] for n in graph_json(client)["nodes"]]
    assert ids[0] == uri(DOC + "西办通〔2022〕54号") and len(ids) == 2


def test_physics_is_off(client):
    assert graph_json(client)["options"]["physics"]["enabled"] is False


@pytest.mark.parametrize(("focus", "status"), [("not an iri", 400), (uri(DOC + "无此文件"), 404), (REPLY, 200)])
def test_focus_must_be_known(client, focus, status):
    assert client.get(f"/graph?focus={quote(focus, safe='')}").status_code == status


def test_page_embeds_data_and_local_vis(client):
    page = client.get(f"/graph?focus={quote(REPLY, safe='')}").get_data(as_text=True)
    assert 'id="graph-data"' in page and "/static/vis-9.1.2/vis-network.min.js" in page
    assert "cdn" not in page.lower()


@pytest.mark.parametrize(("limit", "expected"), [
    (10, {"a", "b", "c", "x"}),
    (2, {"a", "b"}),                       # closest first; the context node still shows
])
def test_select_focus_keeps_closest(limit, expected):
    hood = select_focus([("a", "b"), ("b", "c"), ("c", "d")], [("a", "x", "agency")], "a", limit + 1)
    assert set(hood.kinds) == expected | {"x"}


def test_select_most_cited_ranks_by_citations_received():
    index = CitationIndex(nx.DiGraph([("a", "c"), ("b", "c"), ("a", "d")]))
    hood = select_most_cited(index.graph, index.ranking, 1)
    assert list(hood.kinds) == ["c"] and hood.edges == []
    hood = select_most_cited(index.graph, index.ranking, 3)
    assert list(hood.kinds) == ["c", "d", "a"] and hood.edges == [("a", "c", "cites"), ("a", "d", "cites")]


def test_layout_of_empty_network_is_empty():
    data = layout_network(Neighbourhood({}, []), {}, {}, BASE)
    assert data["nodes"] == [] and data["edges"] == []
