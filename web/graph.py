"""/graph: the citation network drawn with vis-network, and /graph.json, the same nodes and edges as data.

With ``?focus=<IRI>`` the view shows the documents within two eli:cites steps of the focus (either
direction) plus the focus's issuing agency and programmes, styled apart so the view is never near-empty.
Without a focus it shows the most-cited part of the network, up to ``graph_limit`` nodes.

Positions are computed here (networkx spring layout) and physics is off in the browser: vis-network's
default physics took 13 s to first paint 300 nodes in headless Chromium, server positions 0.3 s. pyvis
builds the node and edge options; the page is our own template, because every pyvis template loads
vis-network or bootstrap from a CDN and the site must work offline.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass

import networkx as nx
from flask import Blueprint, Response, current_app, jsonify, render_template, request
from pyvis.network import Network

from gongwen.citation_index import CitationIndex
from gongwen.store import Store
from gongwen.web import queries, terms

bp = Blueprint("graph", __name__)

# kind: (vis shape, colour, legend zh, legend en)
STYLES: dict[str, tuple[str, str, str, str]] = {
    "focus": ("dot", "#c0392b", "当前文件", "focus"),
    "document": ("dot", "#2e6da4", "公文", "document"),
    "agency": ("box", "#2e8b57", "发文机关", "agency"),
    "programme": ("diamond", "#8e44ad", "工作项目", "programme"),
}
EDGE_NAMES = {"cites": "引用 cites", "agency": "发文机关 issued by", "programme": "项目 programme",
              "document": "关联 linked"}
# networkx lays out 500 nodes or more with SciPy's sparse solver; below that numpy alone does, and a view
# of more nodes than that is unreadable anyway.
MAX_NODES = 499
FONT_FACE = "WenQuanYi Zen Hei, Noto Sans CJK SC, Microsoft YaHei, sans-serif"


@dataclass(frozen=True)
class Neighbourhood:
    """What a view draws: node kinds by IRI and ``(source, target, kind)`` edges."""

    kinds: dict[str, str]
    edges: list[tuple[str, str, str]]


def select_focus(citations: list[tuple[str, str]], context: list[tuple[str, str, str]], focus: str,
                 limit: int) -> Neighbourhood:
    """The focus, the documents within two citation steps of it (closest first, up to ``limit`` nodes) and
    its context nodes.

    >>> n = select_focus([("a", "b"), ("b", "c"), ("c", "d")], [("a", "org", "agency")], "a", 10)
    >>> sorted(n.kinds.items())
    [('a', 'focus'), ('b', 'document'), ('c', 'document'), ('org', 'agency')]
    >>> n.edges
    [('a', 'b', 'cites'), ('b', 'c', 'cites'), ('a', 'org', 'agency')]
    """
    g = nx.Graph(citations)
    g.add_node(focus)
    distance = nx.single_source_shortest_path_length(g, focus, cutoff=2)
    context_nodes = {s if o == focus else o for s, o, _ in context}
    room = max(limit - len(context_nodes), 1)
    kept = sorted(distance, key=lambda n: (distance[n], -g.degree(n), n))[:room]
    kinds = {n: "document" for n in kept} | {focus: "focus"}
    edges = [(a, b, "cites") for a, b in citations if a in kinds and b in kinds]
    for s, o, kind in context:
        other = s if o == focus else o
        kinds.setdefault(other, kind)
        edges.append((s, o, kind))
    return Neighbourhood(kinds, edges)


def select_most_cited(graph: nx.DiGraph, ranking: list[str], limit: int) -> Neighbourhood:
    """The first ``limit`` documents of ``ranking`` (most cited first) and the citations among them.

    >>> g = nx.DiGraph([("a", "c"), ("b", "c"), ("b", "d")])
    >>> n = select_most_cited(g, ["c", "b", "d", "a"], 3)
    >>> sorted(n.kinds), n.edges
    (['b', 'c', 'd'], [('b', 'c', 'cites'), ('b', 'd', 'cites')])
    """
    kinds = {n: "document" for n in ranking[:limit]}
    return Neighbourhood(kinds, sorted((a, b, "cites") for a, b in graph.subgraph(kinds).edges()))


# Canvas units per sqrt(node) of a connected part's radius: room for a 16-character label per node.
PART_SPACING = 90


def layout_network(hood: Neighbourhood, labels: dict[str, str], numbers: dict[str, str], base_iri: str,
                   focus: str | None = None) -> dict:
    """vis-network data: nodes placed by a spring layout (focus at the centre), sized by citations received.

    >>> data = layout_network(Neighbourhood({"a": "focus", "b": "document"}, [("a", "b", "cites")]),
    ...                       {"b": "关于建议的答复"}, {"a": "西民函〔2023〕53号"}, "http://h/", focus="a")
    >>> [(n["id"], n["label"]) for n in data["nodes"]]
    [('a', '西民函〔2023〕53号'), ('b', '关于建议的答复')]
    >>> data["options"]["physics"]["enabled"], data["edges"][0]["title"]
    (False, '引用 cites')
    """
    g = nx.DiGraph()
    g.add_nodes_from(hood.kinds)
    g.add_edges_from((a, b) for a, b, _ in hood.edges)
    positions = place_nodes(g.to_undirected(as_view=True), focus)
    cited = {n: sum(1 for a, b, k in hood.edges if b == n and k == "cites") for n in g}
    net = Network(directed=True)
    for node, kind in hood.kinds.items():
        shape, colour, _, _ = STYLES[kind]
        title = labels.get(node) or node
        x, y = positions[node]
        net.add_node(node, label=_short(numbers.get(node) or labels.get(node) or terms.compact_iri(node)),
                     title=f"{title}\n{numbers[node]}" if node in numbers and title != numbers[node] else title,
                     shape=shape, color=colour, size=12 + 5 * math.sqrt(cited[node]), x=round(x, 1),
                     y=round(y, 1), url=terms.local_href(node, base_iri), kind=kind)
    for a, b, kind in hood.edges:
        net.add_edge(a, b, title=EDGE_NAMES[kind], dashes=kind != "cites")
    net.toggle_physics(False)
    nodes, edges, *_, options = net.get_network_data()
    options = json.loads(options)
    options["edges"]["smooth"] = False
    options["nodes"] = {"font": {"face": FONT_FACE, "size": 14}}
    options["interaction"].update({"hover": True, "tooltipDelay": 120})
    return {"nodes": nodes, "edges": edges, "options": options}


def place_nodes(g: nx.Graph, focus: str | None = None) -> dict[str, tuple[float, float]]:
    """Canvas positions: each connected part laid out on its own (a spring layout, the focus at its centre),
    its size growing with its node count, and the parts packed in rows, largest first — one spring layout
    over disconnected parts squeezes each into a corner of an empty canvas.

    >>> pos = place_nodes(nx.Graph([("a", "b"), ("c", "d")]), focus="a")
    >>> pos["a"], len(pos)
    ((0.0, 0.0), 4)
    """
    parts = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c))
    radii = [PART_SPACING * math.sqrt(len(part)) for part in parts]
    row_width = max([2 * r for r in radii] + [math.sqrt(sum((2 * r) ** 2 for r in radii)) * 1.6])
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for part, radius in zip(parts, radii):
        if x and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        centre = (x + radius, y + radius)
        fixed = {"pos": {focus: (0.0, 0.0)}, "fixed": [focus]} if focus in part else {}
        local = nx.spring_layout(g.subgraph(part), seed=7, **fixed) if len(part) > 1 else {part[0]: (0.0, 0.0)}
        for node, (px, py) in local.items():
            positions[node] = (float(centre[0] + px * radius * 0.8), float(centre[1] + py * radius * 0.8))
        x, row_height = x + 2 * radius, max(row_height, 2 * radius)
    if focus in positions:  # keep the focus at the origin, where the view opens
        fx, fy = positions[focus]
        positions = {n: (px - fx, py - fy) for n, (px, py) in positions.items()}
    return positions


def _short(text: str, width: int = 16) -> str:
    """A node label short enough to read on the canvas."""
    return text if len(text) <= width else text[: width - 1] + "…"


def build_view(store: Store, index: CitationIndex, focus: str | None, limit: int, base_iri: str) -> dict:
    """The nodes, edges and options of the view around ``focus`` (or of the most-cited part, from the index)."""
    limit = min(limit, MAX_NODES)
    if focus:
        first = queries.find_citations(store, [focus])
        near = {n for edge in first for n in edge}
        citations = sorted(set(first) | set(queries.find_citations(store, near)))
        hood = select_focus(citations, queries.find_context(store, focus), focus, limit)
    else:
        hood = select_most_cited(index.graph, index.ranking, limit)
    iris = list(hood.kinds)
    return layout_network(hood, queries.find_labels(store, iris), queries.find_numbers(store, iris), base_iri, focus)


def _read_focus() -> tuple[str | None, Response | None]:
    """The focus IRI of the request, or the error response for one that is not a known IRI."""
    focus = request.args.get("focus") or None
    store = current_app.config["STORE"]
    if focus is None:
        return None, None
    try:
        known = queries.is_known(store, focus)
    except ValueError as e:
        return None, Response(f"focus is not an IRI: {e}\n", status=400, content_type="text/plain; charset=utf-8")
    if not known:
        return None, Response(f"No resource <{focus}> in this store.\n", status=404,
                              content_type="text/plain; charset=utf-8")
    return focus, None


@bp.get("/graph")
def view() -> Response:
    """The vis-network page."""
    focus, error = _read_focus()
    if error:
        return error
    config = current_app.config
    data = build_view(config["STORE"], config["CITATION_INDEX"].get(), focus, config["GRAPH_LIMIT"], config["BASE_IRI"])
    label = queries.find_labels(config["STORE"], [focus]).get(focus) if focus else None
    html = render_template("graph.html", data=data, focus=focus, focus_label=label, styles=STYLES,
                           focus_href=terms.local_href(focus, config["BASE_IRI"]) if focus else None,
                           limit=min(config["GRAPH_LIMIT"], MAX_NODES))
    return Response(html, content_type="text/html; charset=utf-8")


@bp.get("/graph.json")
def data() -> Response:
    """The same nodes and edges as JSON."""
    focus, error = _read_focus()
    if error:
        return error
    config = current_app.config
    return jsonify(build_view(config["STORE"], config["CITATION_INDEX"].get(), focus, config["GRAPH_LIMIT"],
                              config["BASE_IRI"]))
