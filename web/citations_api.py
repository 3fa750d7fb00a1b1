"""/api/…: the researchers' citation questions as JSON, answered from the in-memory citation index.

    /api/document?number=西办通〔2022〕54号      the document, with how often it cites and is cited
    /api/cited-by?number=…                      documents citing it directly
    /api/cites?number=…                         documents it cites directly
    /api/trace?number=…&direction=up|down       everything upstream (its sources) or downstream of it
    /api/most-cited?limit=20                    the most-cited documents, with their counts

``number`` takes a 文号 in any bracket style; ``iri=`` names a document by IRI instead. Lists come ``size``
documents at a time (default 100) from ``offset``, with the total ``count`` and the ``next`` page's URL. Each answer is
also a SPARQL query away (the README gives them); these pages exist because the index answers them in
well under a millisecond at any corpus size (gongwen.citation_index).
"""
from __future__ import annotations

import json
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, jsonify, request

from gongwen.citation_index import CitationIndex, CitedDocument
from gongwen.web import terms

bp = Blueprint("citations_api", __name__, url_prefix="/api")
# Lists come a page at a time, as Datasette's tables do: the most-cited document of 10,000 has ~1,800 citing
# documents, 700 KB of JSON in one answer.
PAGE_SIZE = 100
MAX_LIMIT = 5000


class BadRequest(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@bp.errorhandler(BadRequest)
def _refuse(error: BadRequest) -> Response:
    response = jsonify({"error": str(error)})
    response.status_code = error.status
    return response


def _index() -> CitationIndex:
    return current_app.config["CITATION_INDEX"].get()


def _as_json(doc: CitedDocument) -> dict:
    return {"iri": doc.iri, "number": doc.number or None, "title": doc.title or None, "issuer": doc.issuer or None,
            "year": doc.year or None, "in_corpus": doc.in_corpus,
            "page": terms.local_href(doc.iri, current_app.config["BASE_IRI"])}


def _json_text(doc: CitedDocument) -> str:
    """The document's JSON, written once per index (the app's CITATION_JSON, renewed with it): a list of 2,000
    documents is then a join of kept strings (0.3 ms) instead of 2,000 dicts to build and encode (15 ms)."""
    texts = current_app.config["CITATION_JSON"].get()
    text = texts.get(doc.iri)
    if text is None:
        text = texts[doc.iri] = json.dumps(_as_json(doc), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text


def _requested_document(index: CitationIndex) -> str:
    """The IRI of the document the request names by ``number`` or ``iri``."""
    name = (request.args.get("number") or request.args.get("iri") or "").strip()
    if not name:
        raise BadRequest(400, "name the document with number=<文号> or iri=<IRI>")
    iri = index.find(name)
    if iri is None:
        raise BadRequest(404, f"no document {name} in the citation network")
    return iri


def _whole_number(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name, str(default))
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise BadRequest(400, f"{name} must be a whole number from {low} to {high}, not {raw}")
    return int(raw)


def _listing(index: CitationIndex, iri: str, found: list[str]) -> Response:
    """One page of ``found`` (``size`` documents from ``offset``, Datasette-style), with the total ``count``
    and the URL of the ``next`` page."""
    size = _whole_number("size", PAGE_SIZE, 1, MAX_LIMIT)
    offset = _whole_number("offset", 0, 0, len(found))
    page = found[offset:offset + size]
    following = None
    if offset + size < len(found):
        following = json.dumps(request.path + "?" + urlencode({**request.args, "offset": offset + size}),
                               ensure_ascii=False)
    results = ",".join(_json_text(index.document(d)) for d in page)
    body = (f'{{"count":{len(found)},"document":{_json_text(index.document(iri))},'
            f'"next":{following or "null"},"offset":{offset},"results":[{results}]}}\n')
    return Response(body, content_type="application/json")


@bp.get("/document")
def document() -> Response:
    index = _index()
    iri = _requested_document(index)
    return jsonify({**_as_json(index.document(iri)), "cites": index.graph.out_degree(iri),
                    "cited_by": index.graph.in_degree(iri)})


@bp.get("/cited-by")
def cited_by() -> Response:
    index = _index()
    iri = _requested_document(index)
    return _listing(index, iri, index.cited_by(iri))


@bp.get("/cites")
def cites() -> Response:
    index = _index()
    iri = _requested_document(index)
    return _listing(index, iri, index.cites(iri))


@bp.get("/trace")
def trace() -> Response:
    index = _index()
    iri = _requested_document(index)
    direction = request.args.get("direction", "up")
    if direction not in ("up", "down"):
        raise BadRequest(400, f"direction must be up or down, not {direction}")
    return _listing(index, iri, index.trace(iri, direction))


@bp.get("/most-cited")
def most_cited() -> Response:
    ranked = _index().most_cited(_whole_number("limit", 20, 1, MAX_LIMIT))
    return jsonify({"count": len(ranked), "results": [{**_as_json(d), "cited_by": n} for d, n in ranked]})
