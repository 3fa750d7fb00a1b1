"""The media types the web app answers in, mapped to pyoxigraph's serializers, and the choice among them.

Each table lists the type served by default first: a client that sends no ``Accept`` (as the W3C protocol
tests do) or ``*/*`` gets JSON results and Turtle graphs. N-Quads and TriG are left out on purpose: a query
answers with one graph, and the W3C tests reject dataset syntaxes for CONSTRUCT/DESCRIBE.
"""
from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

# SPARQL 1.1 Query Results: JSON (default), XML, CSV, TSV (https://www.w3.org/TR/sparql11-protocol/ §2.1.6)
SOLUTION_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
# CSV and TSV have no boolean form (SPARQL 1.1 CSV/TSV §1), so ASK answers in JSON or XML only.
BOOLEAN_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
# RDF graph syntaxes for CONSTRUCT/DESCRIBE and the linked-data pages.
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
# Data twins of a page: the suffix a link appends, and the type it serves.
SUFFIXES: dict[str, str] = {
    ".ttl": "text/turtle",
    ".jsonld": "application/ld+json",
    ".nt": "application/n-triples",
    ".rdf": "application/rdf+xml",
}


def choose_media_type(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered type the ``Accept`` header prefers most; the first offered when there is no header.

    Ties keep the order of ``offered``; ``None`` means nothing offered is acceptable (HTTP 406).

    >>> choose_media_type(None, ["text/turtle", "text/html"])
    'text/turtle'
    >>> choose_media_type("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8", ["text/turtle", "text/html"])
    'text/html'
    >>> choose_media_type("application/ld+json;q=0.5, text/turtle", ["application/ld+json", "text/turtle"])
    'text/turtle'
    >>> choose_media_type("image/png", ["text/turtle"]) is None
    True
    """
    if not accept or not accept.strip():
        return offered[0] if offered else None
    return parse_accept_header(accept, MIMEAccept).best_match(offered)


def served_type(media_type: str) -> str:
    """The Content-Type header for a media type: text types carry their UTF-8 charset.

    >>> served_type("text/csv")
    'text/csv; charset=utf-8'
    >>> served_type("application/sparql-results+json")
    'application/sparql-results+json'
    """
    return f"{media_type}; charset=utf-8" if media_type.startswith("text/") else media_type
