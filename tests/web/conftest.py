"""Fixtures: an app over a real in-memory store holding sample.trig (Flask tutorial's app / client), and the
same app behind a real waitress server on a free loopback port."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient

from gongwen.store import GraphData, Store
from gongwen.web import create_app
from gongwen.web.server import make_server

SAMPLE = Path(__file__).with_name("sample.trig")
BASE = "http://127.0.0.1:5000/"
DOC = BASE + "id/doc/"


def uri(iri: str) -> str:
    """An IRI written readably (CJK) in a test, as gongwen.ontology.iris mints it: percent-encoded UTF-8."""
    return quote(iri, safe=":/#?&=%-._~!$'()*+,;@")


def _as_minted(term):
    return ox.NamedNode(uri(term.value)) if isinstance(term, ox.NamedNode) else term


def load_trig(path: Path) -> list[GraphData]:
    """One GraphData per named graph of a TriG file, its readable IRIs encoded as gongwen mints them."""
    graphs: dict[str, list[ox.Triple]] = {}
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.TRIG):
        triple = ox.Triple(*(_as_minted(t) for t in (quad.subject, quad.predicate, quad.object)))
        graphs.setdefault(quad.graph_name.value, []).append(triple)
    return [GraphData(g, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode())
            for g, triples in graphs.items()]


@pytest.fixture
def store() -> Store:
    s = Store.open()
    s.replace_graphs(load_trig(SAMPLE))
    return s


@pytest.fixture
def app(store: Store) -> Flask:
    return create_app({"store": store, "base_iri": BASE, "graph_limit": 50})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="module")
def live_url() -> Iterator[str]:
    """Base URL of a waitress server (its own port, not 5000) over the sample store."""
    s = Store.open()
    s.replace_graphs(load_trig(SAMPLE))
    server = make_server(create_app({"store": s, "base_iri": BASE, "graph_limit": 50}), "127.0.0.1", 0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    thread.join(timeout=5)
