"""The read-only SPARQL 1.1 Protocol endpoint at /sparql, and its query page for people.

Request handling follows https://www.w3.org/TR/sparql11-protocol/ §2.1: a query by GET, by form POST or by
direct POST, with the protocol dataset (``default-graph-uri`` / ``named-graph-uri``) overriding the query's
own FROM clauses. Updates are refused before anything runs: this endpoint publishes, it does not edit.
Results are written by pyoxigraph's own serializers in the type the ``Accept`` header prefers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request

from gongwen.store import QueryError
from gongwen.web import formats, terms

bp = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"
READ_ONLY = ("This SPARQL endpoint is read-only: updates (the 'update' parameter, application/sparql-update, "
             "INSERT/DELETE/LOAD/CLEAR/…) are refused and nothing was executed.")
NO_SERVICE = ("SERVICE (federated query) is disabled: this endpoint answers from its own store only, "
              "so it never makes requests to other servers.")
EMPTY_GRAPH = "urn:x-gongwen:empty-default-graph"
# The first keyword of each SPARQL 1.1 Update operation (SPARQL 1.1 Update §3).
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
# Comments, strings and IRIs are skipped whole so a word inside them is never read as a keyword.
_TOKENS = re.compile(r'#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                     r'|<[^<>"{}|^`\\\s]*>|[?$]\w+|[A-Za-z_][\w.-]*(?::[\w.%-]*)?|\S')

EXAMPLES: tuple[tuple[str, str, str], ...] = (
    ("被引用最多的文件", "Most-cited documents", """PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT ?doc ?number (COUNT(DISTINCT ?citing) AS ?citedBy) WHERE {
  ?citing eli:cites ?doc .
  OPTIONAL { ?doc eli:id_local ?number }
}
GROUP BY ?doc ?number
ORDER BY DESC(?citedBy)
LIMIT 20"""),
    ("引用西办通〔2022〕54号的文件", "Documents citing 西办通〔2022〕54号", """PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?citing ?number ?title WHERE {
  ?cited eli:id_local ?n FILTER(STR(?n) = "西办通〔2022〕54号")
  ?citing eli:cites ?cited .
  OPTIONAL { ?citing eli:id_local ?number }
  OPTIONAL { ?citing dcterms:title ?title }
}"""),
    ("各发文机关的发文数", "Documents per issuing agency", """PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?agency ?name (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
  ?doc eli:passed_by ?agency .
  OPTIONAL { ?agency rdfs:label ?name }
}
GROUP BY ?agency ?name
ORDER BY DESC(?documents)"""),
    ("两级引用链", "Citation chains of two steps", """PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT ?a ?b ?c WHERE {
  ?a eli:cites ?b .
  ?b eli:cites ?c .
}
LIMIT 50"""),
    ("西民函〔2023〕53号是否引用西办通〔2022〕54号？", "Does 西民函〔2023〕53号 cite 西办通〔2022〕54号?",
     """PREFIX eli: <http://data.europa.eu/eli/ontology#>
ASK {
  ?a eli:cites ?b .
  ?a eli:id_local ?na FILTER(STR(?na) = "西民函〔2023〕53号")
  ?b eli:id_local ?nb FILTER(STR(?nb) = "西办通〔2022〕54号")
}"""),
    ("引用网络（RDF）", "The citation network as RDF", """PREFIX eli: <http://data.europa.eu/eli/ontology#>
CONSTRUCT { ?a eli:cites ?b } WHERE { ?a eli:cites ?b }
LIMIT 100"""),
)


class ProtocolError(Exception):
    """A request the protocol refuses; ``status`` is the HTTP code to answer with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Operation:
    """A query request: the query text (``None`` when absent) and the protocol dataset."""

    query: str | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def parse_pairs(raw: bytes) -> list[tuple[str, str]]:
    """``name=value`` pairs of a query string or form body, which must be UTF-8 (else ProtocolError 400).

    >>> parse_pairs(b"query=ASK%20%7B%7D&default-graph-uri=urn%3Ag")
    [('query', 'ASK {}'), ('default-graph-uri', 'urn:g')]
    >>> parse_pairs(b"query=%FF")
    Traceback (most recent call last):
    ...
    gongwen.web.sparql.ProtocolError: The request is not valid UTF-8: ...
    """
    try:
        return parse_qsl(raw.decode("utf-8"), keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as e:
        raise ProtocolError(400, f"The request is not valid UTF-8: {e}") from e


def read_operation(method: str, content_type: str | None, query_string: bytes, body: bytes) -> Operation:
    """The query and dataset of a protocol request, or ProtocolError with the status to answer.

    >>> read_operation("GET", None, b"query=ASK%7B%7D&named-graph-uri=urn%3Ag", b"")
    Operation(query='ASK{}', default_graphs=(), named_graphs=('urn:g',))
    >>> read_operation("POST", "application/sparql-query; charset=UTF-8", b"", "ASK {}".encode()).query
    'ASK {}'
    >>> read_operation("POST", "text/plain", b"", b"ASK {}")
    Traceback (most recent call last):
    ...
    gongwen.web.sparql.ProtocolError: Unsupported media type text/plain: ...
    """
    pairs = parse_pairs(query_string)
    mime, charset = _split_content_type(content_type)
    if method == "POST":
        if not mime:
            raise ProtocolError(400, f"A POST needs a Content-Type: {FORM} (query=…) or {DIRECT} (the query).")
        if charset not in (None, "utf-8", "utf8"):
            raise ProtocolError(400, f"Only UTF-8 is accepted, not charset={charset}.")
        if mime == UPDATE:
            raise ProtocolError(403, READ_ONLY)
        if mime == FORM:
            pairs += parse_pairs(body)
        elif mime == DIRECT:
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError as e:
                raise ProtocolError(400, f"The query is not valid UTF-8: {e}") from e
            pairs.append(("query", text))
        else:
            raise ProtocolError(415, f"Unsupported media type {mime}: send {FORM} or {DIRECT}.")
    names = [name for name, _ in pairs]
    if {"update", "using-graph-uri", "using-named-graph-uri"} & set(names):
        raise ProtocolError(403, READ_ONLY)
    queries = [value for name, value in pairs if name == "query"]
    if len(queries) > 1:
        raise ProtocolError(400, f"Exactly one query is allowed per request, got {len(queries)}.")
    return Operation(queries[0] if queries else None,
                     tuple(v for n, v in pairs if n == "default-graph-uri"),
                     tuple(v for n, v in pairs if n == "named-graph-uri"))


def find_keywords(query: str) -> list[str]:
    """The bare words of a SPARQL text, upper-cased, skipping comments, strings, IRIs and prefixed names.

    >>> find_keywords('PREFIX ex: <urn:x#> # SERVICE\\nselect ?service { ex:SERVICE "SERVICE" ?o }')
    ['PREFIX', 'SELECT']
    """
    words = (m.group() for m in _TOKENS.finditer(query))
    return [w.upper() for w in words if (w[0].isalpha() or w[0] == "_") and ":" not in w]


def refuse_reason(query: str) -> str | None:
    """Why the endpoint will not run this text (an update, or SERVICE), or None when it may.

    >>> refuse_reason("PREFIX ex: <urn:x#> INSERT DATA { ex:a ex:b ex:c }") == READ_ONLY
    True
    >>> refuse_reason("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }") == NO_SERVICE
    True
    >>> refuse_reason("SELECT ?insert WHERE { ?insert ?p 'DELETE' }") is None
    True
    """
    words = [w for w in find_keywords(query) if w not in ("PREFIX", "BASE")]
    if words and words[0] in UPDATE_KEYWORDS:
        return READ_ONLY
    if "SERVICE" in words:
        return NO_SERVICE
    return None


def serialize_result(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples,
                     accept: str | None) -> tuple[bytes, str] | None:
    """The result in the preferred offered type, as ``(body, media type)``; None if nothing is acceptable.

    >>> from gongwen.store import Store
    >>> serialize_result(Store.open().query("ASK {}"), None)
    (b'{"head":{},"boolean":true}', 'application/sparql-results+json')
    """
    if isinstance(result, ox.QueryTriples):
        table: dict = formats.GRAPH_FORMATS
    elif isinstance(result, ox.QueryBoolean):
        table = formats.BOOLEAN_FORMATS
    else:
        table = formats.SOLUTION_FORMATS
    chosen = formats.choose_media_type(accept, list(table))
    if chosen is None:
        return None
    if isinstance(result, ox.QueryTriples):
        return ox.serialize(result, format=table[chosen], prefixes=terms.PREFIXES), chosen
    return result.serialize(format=table[chosen]), chosen


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    """Answer a protocol request, or show the query page to a browser that sends none."""
    try:
        operation = read_operation(request.method, request.headers.get("Content-Type"),
                                   request.query_string, request.get_data(cache=False))
    except ProtocolError as e:
        return _plain(e.status, e.message)
    if operation.query is None:
        if formats.choose_media_type(request.headers.get("Accept"), ["text/html"]):
            return _query_page("")
        return _plain(400, "Missing 'query' parameter. Send ?query=… (GET), a form POST with query=…, "
                           "or POST the query as application/sparql-query.")
    reason = refuse_reason(operation.query)
    if reason:
        return _plain(403, reason)
    if _prefers_html(operation):
        return _query_page(operation.query)
    return _run(operation)


def _run(operation: Operation) -> Response:
    dataset = {}
    if operation.default_graphs or operation.named_graphs:
        # The protocol dataset replaces the query's FROM / FROM NAMED (Protocol §2.1.4): graphs not named are
        # absent. No default-graph-uri means an empty default graph, which the store (whose own default graph
        # is the union of all documents) is given as a graph name that no document has.
        dataset = {"default_graph": list(operation.default_graphs) or [EMPTY_GRAPH],
                   "named_graphs": list(operation.named_graphs)}
    store = current_app.config["STORE"]
    generation = getattr(store, "generation", None)
    key = (generation, operation, request.headers.get("Accept"), request.base_url)
    if generation is not None and (cached := current_app.config["RESULT_CACHE"].get(key)):
        return _answer(*cached)
    try:
        result = store.query(operation.query, base_iri=request.base_url, **dataset)
        answer = serialize_result(result, request.headers.get("Accept"))
    except QueryError as e:
        return _plain(400, f"Malformed query: {e}")
    except ValueError as e:  # a graph IRI of the protocol dataset that is not an IRI
        return _plain(400, f"Bad request: {e}")
    except OSError as e:  # evaluation failed inside the store (pyoxigraph reports it as OSError)
        return _plain(500, f"The query could not be evaluated: {e}")
    if answer is None:
        return _plain(406, f"None of the accepted types ({request.headers.get('Accept')}) is offered for this "
                           f"query form; offered: {', '.join(_offered_for(result))}.")
    if generation is not None:
        current_app.config["RESULT_CACHE"].put(key, *answer)
    return _answer(*answer)


def _answer(body: bytes, media_type: str) -> Response:
    return Response(body, content_type=formats.served_type(media_type), headers={"Vary": "Accept"})


def _offered_for(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> list[str]:
    if isinstance(result, ox.QueryTriples):
        return list(formats.GRAPH_FORMATS)
    return list(formats.BOOLEAN_FORMATS if isinstance(result, ox.QueryBoolean) else formats.SOLUTION_FORMATS)


def _prefers_html(operation: Operation) -> bool:
    """A browser following a link to /sparql?query=… gets the page with the query filled in and run."""
    offered = [*formats.SOLUTION_FORMATS, *formats.GRAPH_FORMATS, "text/html"]
    wanted = formats.choose_media_type(request.headers.get("Accept"), offered) == "text/html"
    return request.method == "GET" and wanted and not operation.default_graphs and not operation.named_graphs


def _query_page(query: str) -> Response:
    html = render_template("sparql.html", query=query or EXAMPLES[0][2], run=bool(query), examples=EXAMPLES,
                           base_iri=current_app.config["BASE_IRI"])
    return Response(html, content_type="text/html; charset=utf-8", headers={"Vary": "Accept"})


def _split_content_type(header: str | None) -> tuple[str, str | None]:
    """``("media/type", charset)`` lower-cased, from a Content-Type header."""
    if not header:
        return "", None
    mime, *params = (part.strip() for part in header.split(";"))
    charset = next((p.split("=", 1)[1].strip().strip('"').lower() for p in params
                    if p.lower().startswith("charset=")), None)
    return mime.lower(), charset


def _plain(status: int, message: str) -> Response:
    return Response(message + "\n", status=status, content_type="text/plain; charset=utf-8")
