"""/api/…: the researchers' citation questions as JSON, answered from the in-memory citation index.

    /api/document?number=西办通〔2022〕54号      the document, with how often it cites and is cited
    /api/cited-by?number=…                      documents citing it directly
    /api/cites?number=…                         documents it cites directly
    /api/trace?number=…&direction=up|down       everything upstream (its sources) or downstream of it
    /api/most-cited?limit=20                    the most-cited documents, with their counts

``number`` takes a 文号 in any bracket style; ``iri=`` names a document by IRI instead. Each answer is
also a SPARQL query away (the README gives them); these pages exist because the index answers them in
well under a millisecond at any corpus size (gongwen.citation_index).
"""
from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request

from gongwen.citation_index import CitationIndex, CitedDocument
from gongwen.web import terms

bp = Blueprint("citations_api", __name__, url_prefix="/api")
MAX_LIMIT = 1000


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


def _requested_document(index: CitationIndex) -> str:
    """The IRI of the document the request names by ``number`` or ``iri``."""
    name = (request.args.get("number") or request.args.get("iri") or "").strip()
    if not name:
        raise BadRequest(400, "name the document with number=<文号> or iri=<IRI>")
    iri = index.find(name)
    if iri is None:
        raise BadRequest(404, f"no document {name} in the citation network")
    return iri


def _listing(index: CitationIndex, iri: str, found: list[CitedDocument]) -> Response:
    return jsonify({"document": _as_json(index.document(iri)), "count": len(found),
                    "results": [_as_json(d) for d in found]})


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
    raw = request.args.get("limit", "20")
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
        raise BadRequest(400, f"limit must be a whole number from 1 to {MAX_LIMIT}, not {raw}")
    ranked = _index().most_cited(int(raw))
    return jsonify({"count": len(ranked), "results": [{**_as_json(d), "cited_by": n} for d, n in ranked]})
