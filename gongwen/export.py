"""Write the store out: RDF syntaxes for other triple stores, the citation network for Gephi, CSV tables
for pandas and R, and the 代字 registry the store has grown, as the seed registry's data file."""
from __future__ import annotations

import csv
import io
import json
from importlib.resources import files
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from gongwen.loaders.resolve import FORMS
from gongwen.store import Store

NETWORK_FORMATS = ("graphml", "gexf")
TABLE_FORMATS = ("csv",)
REGISTRY_FORMATS = ("registry",)
DOCUMENT_COLUMNS = ("iri", "number", "title", "issuer", "year", "in_corpus", "cites", "cited_by")

RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def export_rdf(store: Store, fmt: str, output: BinaryIO) -> None:
    """Serialize the store as ``fmt`` (a key of RDF_FORMATS) to a binary stream.

    >>> import io
    >>> from gongwen.store import GraphData
    >>> s = Store.open(); s.replace_graphs([GraphData("urn:g", '<urn:a> <urn:b> "c" .')])
    >>> out = io.BytesIO(); export_rdf(s, "nt", out); out.getvalue()
    b'<urn:a> <urn:b> "c" .\\n'
    """
    if fmt == "jsonld":
        output.write(json.dumps(compact_jsonld(store), ensure_ascii=False, indent=1).encode("utf-8"))
        return
    store.dump(output, RDF_FORMATS[fmt])


def jsonld_context() -> dict:
    """The published JSON-LD context (ontology/context.jsonld): short keys for the common terms."""
    return json.loads(files("gongwen.ontology").joinpath("context.jsonld").read_text(encoding="utf-8"))


def compact_jsonld(store: Store) -> dict:
    """Every document graph as JSON-LD under the published context, written inline so the file reads without
    a network (``gongwen serve`` publishes the same context at /context.jsonld)."""
    raw = io.BytesIO()
    store.dump(raw, ox.RdfFormat.JSON_LD)
    expanded = json.loads(raw.getvalue() or b"[]")
    prefixes = {k: v for k, v in jsonld_context()["@context"].items() if isinstance(v, str) and v.endswith(("#", "/"))}
    return {"@context": jsonld_context()["@context"], "@graph": [_shorten(node, prefixes) for node in expanded]}


def _shorten(node, prefixes: dict[str, str]):
    """Replace full IRIs in keys by their prefixed names (a CURIE is an IRI under the context)."""
    if isinstance(node, list):
        return [_shorten(n, prefixes) for n in node]
    if not isinstance(node, dict):
        return node
    return {_curie(k, prefixes): _shorten(v, prefixes) for k, v in node.items()}


def _curie(key: str, prefixes: dict[str, str]) -> str:
    for prefix, iri in prefixes.items():
        if key.startswith(iri) and "/" not in key[len(iri):] and "#" not in key[len(iri):]:
            return f"{prefix}:{key[len(iri):]}"
    return key


def export_network(store: Store, fmt: str, output: BinaryIO) -> None:
    """The citation network as GraphML or GEXF (labels, number, title, issuer, year, in_corpus per node)."""
    # networkx (0.2 s) loads only here and for the tables: every command's parser imports this module's names.
    from gongwen import citations

    citations.write_network(citations.citation_graph(store), fmt, output)


def export_tables(store: Store, folder: Path) -> list[Path]:
    """documents.csv (one row per document, cited ones included) and citations.csv (one row per citation)."""
    from gongwen import citations

    network = citations.citation_graph(store)
    folder.mkdir(parents=True, exist_ok=True)
    documents, edges = folder / "documents.csv", folder / "citations.csv"
    with documents.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(DOCUMENT_COLUMNS)
        for node, data in sorted(network.nodes(data=True)):
            writer.writerow([node, data["number"], data["title"], data["issuer"], data["year"] or "",
                             data["in_corpus"], network.out_degree(node), network.in_degree(node)])
    with edges.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(("citing", "citing_number", "cited", "cited_number"))
        for a, b in sorted(network.edges()):
            writer.writerow([a, network.nodes[a]["number"], b, network.nodes[b]["number"]])
    return [documents, edges]


def export_registry(store: Store, fmt: str, output: BinaryIO) -> None:
    """The 代字 registry the loaded documents teach (each prints its issuer and its own 文号), one entry a
    line in the schema of loaders/data/issuer_codes.yaml, so entries can be reviewed and added to the seed.

    >>> import io
    >>> out = io.BytesIO(); export_registry(Store.open(), "registry", out); out.getvalue().decode().count("\\n")
    3
    """
    from gongwen.pipeline import LEARNT_CODES  # imported late: the pipeline's imports are heavy

    lines = ["# 发文机关代字 learnt from the loaded documents that print both their issuer and their own 发文字号",
             "# (gongwen export --format registry); same schema as loaders/data/issuer_codes.yaml. A code printed",
             "# by two agencies is left out."]
    for row in store.select(LEARNT_CODES):
        code = row["code"]
        entry = {"agency": row["name"], "region": None, "form": code[-1] if code[-1] in FORMS else None}
        lines.append(f"{json.dumps(code, ensure_ascii=False)}: {_flow(entry)}  "
                     f"# {row['documents']} loaded document(s), e.g. {row['example']}")
    output.write(("\n".join(lines) + "\n").encode("utf-8"))


def _flow(entry: dict) -> str:
    """A YAML flow mapping (JSON strings and null are YAML).

    >>> _flow({"agency": "国务院", "region": None})
    '{agency: "国务院", region: null}'
    """
    return "{" + ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in entry.items()) + "}"
