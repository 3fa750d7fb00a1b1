"""A store behind a SPARQL 1.1 endpoint (Oxigraph server, Fuseki, Virtuoso, GraphDB, QLever …).

Same methods as the embedded :class:`gongwen.store.Store`, spoken over the SPARQL 1.1 Protocol: queries go to
the query endpoint, writes are SPARQL updates (one request per batch, which the server applies as one
transaction). Results come back as pyoxigraph result objects, so the web app and the command line serve them
exactly as they serve the embedded store's.

Queries that name no graphs read the server's default graph, which must hold what every document states.
Servers differ there: Oxigraph and Fuseki keep a default graph of its own, which gongwen writes as the set
union of the document graphs (as the embedded store does); Virtuoso's default graph is already every graph
and cannot be written, so there gongwen writes the document graphs only. Which one a server is, is found
once, by trying to write its default graph.
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from gongwen.store import GW, QUAD_FORMATS, GraphData, QueryError, QueryHelpers, StoreError, replacement_update

SOLUTIONS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
# The query form is the first of these keywords once IRIs, strings and comments are out of the way.
FORM_NOISE = re.compile(r"<[^<>\s]*>|\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|#[^\n]*")
FORM_KEYWORD = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
RESULT_TYPES = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
                "application/json": ox.QueryResultsFormat.JSON,
                "application/sparql-results+xml": ox.QueryResultsFormat.XML,
                "text/tab-separated-values": ox.QueryResultsFormat.TSV}
GRAPH_TYPES = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
               "text/turtle": ox.RdfFormat.TURTLE, "application/rdf+xml": ox.RdfFormat.RDF_XML,
               "application/ld+json": ox.RdfFormat.JSON_LD}
TIMEOUT_S = 300
OWL_VERSION = "http://www.w3.org/2002/07/owl#versionInfo"
PROBE = '<urn:gongwen:probe> <urn:gongwen:probe> "can the default graph be written?"'


def update_endpoint(query_url: str) -> str:
    """Where a server takes updates, by the conventions of the common servers.

    >>> update_endpoint("http://127.0.0.1:7878/query")          # Oxigraph, Fuseki
    'http://127.0.0.1:7878/update'
    >>> update_endpoint("http://127.0.0.1:8890/sparql")         # Virtuoso, GraphDB's /repositories/x
    'http://127.0.0.1:8890/sparql'
    """
    if query_url.rstrip("/").endswith("/query"):
        return query_url.rstrip("/")[: -len("query")] + "update"
    return query_url


class RemoteStore(QueryHelpers):
    """A gongwen store on a SPARQL server: ``RemoteStore("http://127.0.0.1:7878/query")``."""

    def __init__(self, query_url: str, update_url: str | None = None):
        self.location = query_url
        self.update_url = update_url or update_endpoint(query_url)
        self._writes_default_graph: bool | None = None

    # --- reading -------------------------------------------------------------------------------------
    def query(self, sparql: str, *, default_graph: list[str] | None = None,
              named_graphs: list[str] | None = None, base_iri: str | None = None):
        params = [("default-graph-uri", g) for g in default_graph or []]
        params += [("named-graph-uri", g) for g in named_graphs or []]
        url = self.location + ("?" + urllib.parse.urlencode(params) if params else "")
        accept = GRAPH_ACCEPT if query_form(sparql) in ("CONSTRUCT", "DESCRIBE") else SOLUTIONS_ACCEPT
        body, media_type = self._post(url, {"query": sparql}, accept)
        if media_type in RESULT_TYPES:
            return _boolean_if_ask(ox.parse_query_results(body, format=RESULT_TYPES[media_type]))
        if media_type in GRAPH_TYPES:
            # Re-run the graph through an in-memory store so callers get a genuine pyoxigraph QueryTriples.
            scratch = ox.Store()
            scratch.load(body, format=GRAPH_TYPES[media_type])
            return scratch.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        raise StoreError(f"{self.location} answered with {media_type or 'no content type'}, not SPARQL results")

    def graph_names(self) -> list[str]:
        """The document graphs gongwen wrote (a server has graphs of its own: Virtuoso's system graphs …)."""
        return sorted(r.graph for r in self.sources().values())

    def quads(self, subject: str | None = None, predicate: str | None = None,
              obj: str | None = None, graph: str | None = None) -> Iterator[ox.Quad]:
        terms = [f"<{x}>" if x else f"?{v}" for x, v in ((subject, "s"), (predicate, "p"), (obj, "o"), (graph, "g"))]
        results = self.query(f"SELECT * WHERE {{ GRAPH {terms[3]} {{ {terms[0]} {terms[1]} {terms[2]} }} }}")
        for row in results:
            s, p, o, g = (ox.NamedNode(x) if x else row[v]
                          for x, v in ((subject, "s"), (predicate, "p"), (obj, "o"), (graph, "g")))
            yield ox.Quad(s, p, o, g)

    def __len__(self) -> int:
        """The number of distinct triples gongwen wrote (a server's own graphs are not counted)."""
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ {self._ours()} }} }}")
        return int(rows[0]["n"]) if rows else 0

    def _ours(self) -> str:
        """A graph pattern binding ?s ?p ?o to each triple of the union of gongwen's graphs."""
        if self.keeps_default_copy():
            return "?s ?p ?o"
        # Document graphs carry their sha256, the vocabulary graph its version: server graphs carry neither.
        return (f"{{ GRAPH ?g {{ ?g <{GW}sha256> ?h }} }} UNION {{ GRAPH ?g {{ ?g <{OWL_VERSION}> ?v }} }} "
                f"GRAPH ?g {{ ?s ?p ?o }}")

    # --- writing -------------------------------------------------------------------------------------
    def replace_graphs(self, batch: Iterable[GraphData], drop: Iterable[str] = ()) -> None:
        """Each document in its own update request: servers choke on huge requests, and each stays atomic."""
        drop, keep_union = list(drop), self.keeps_default_copy()
        if drop:
            self._post(self.update_url, {"update": replacement_update([], drop, keep_union)}, "*/*")
        for item in batch:
            self._post(self.update_url, {"update": replacement_update([item], (), keep_union)}, "*/*")

    def update(self, sparql: str) -> None:
        """Run a SPARQL update on the server, one request."""
        self._post(self.update_url, {"update": sparql}, "*/*")

    def keeps_default_copy(self) -> bool:
        """Whether writes copy each document's triples into the default graph: not on a server whose default
        graph already is every graph and cannot be written (Virtuoso), which one probe finds out."""
        if self._writes_default_graph is None:
            try:
                self._post(self.update_url, {"update": f"INSERT DATA {{ {PROBE} }} ; DELETE DATA {{ {PROBE} }}"}, "*/*")
                self._writes_default_graph = True
            except (QueryError, StoreError):
                self._writes_default_graph = False
        return self._writes_default_graph

    def start_load(self) -> bool:
        """Always ``True``: a server keeps no note of loads under way, so each load completes what any
        earlier one may have left unfinished (see :meth:`gongwen.store.Store.start_load`)."""
        return True

    def finish_load(self) -> None:
        """Nothing to note (see :meth:`start_load`)."""

    def dump(self, output, fmt: ox.RdfFormat) -> None:
        if fmt in QUAD_FORMATS:
            ox.serialize((q for g in self.graph_names() for q in self.quads(graph=g)), output, format=fmt)
        else:
            ox.serialize(self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {self._ours()} }}"), output, format=fmt)

    def flush(self) -> None:
        """Nothing to do: the server persists each update itself."""

    # --- HTTP ----------------------------------------------------------------------------------------
    def _post(self, url: str, form: dict[str, str], accept: str) -> tuple[bytes, str]:
        # Form posts, not direct ones: every server takes them (Virtuoso 7 ignores application/sparql-query).
        request = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode("ascii"), method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded",
                                                  "Accept": accept})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
                media_type = response.headers.get_content_type()
                return response.read(), media_type
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace").strip().splitlines()
            message = f"{url} refused the request (HTTP {e.code}): {detail[0][:300] if detail else e.reason}"
            raise (QueryError(message) if e.code == 400 else StoreError(message)) from e
        except (urllib.error.URLError, OSError) as e:
            raise StoreError(f"cannot reach the SPARQL server at {url}: {getattr(e, 'reason', e)}") from e


def query_form(sparql: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: servers choose a result syntax by the Accept header alone, and
    some (Virtuoso) will answer a CONSTRUCT as a table if a table is what the client prefers.

    >>> query_form("PREFIX ex: <http://ex.org/select#> # ASK me\\nCONSTRUCT { ?s ?p 'SELECT' } WHERE { ?s ?p ?o }")
    'CONSTRUCT'
    """
    match = FORM_KEYWORD.search(FORM_NOISE.sub(" ", sparql))
    return match.group(1).upper() if match else None


def _boolean_if_ask(results):
    """Virtuoso answers some ASK queries (over a graph it never saw) as a table of one variable
    ``__ASK_RETVAL``; turn that back into the boolean the protocol promises."""
    if not isinstance(results, ox.QuerySolutions) or [v.value.upper() for v in results.variables] != ["__ASK_RETVAL"]:
        return results
    rows = list(results)
    answer = bool(rows) and rows[0][0] is not None and rows[0][0].value not in ("0", "false")
    return ox.parse_query_results(json.dumps({"head": {}, "boolean": answer}), format=ox.QueryResultsFormat.JSON)


def is_endpoint(location: object) -> bool:
    """True for a store given as an http(s) URL.

    >>> is_endpoint("http://127.0.0.1:7878/query"), is_endpoint("gongwen-data")
    (True, False)
    """
    return isinstance(location, str) and location.startswith(("http://", "https://"))

