"""What is in the store at a glance: counts by type, the most-cited documents, programmes by year."""
from __future__ import annotations

from collections import defaultdict

from gongwen.store import Store

ELI = "http://data.europa.eu/eli/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
GW = "https://w3id.org/gongwen/ontology#"

TYPES = f"""SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a ?type }} GROUP BY ?type ORDER BY DESC(?n) ?type"""
LOADED = f"""SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?d <{GW}sourceGraph> ?g }}"""
TOP_CITED = f"""SELECT ?d (SAMPLE(?num) AS ?number) (SAMPLE(COALESCE(?t, ?alt)) AS ?title) (COUNT(DISTINCT ?a) AS ?n)
WHERE {{
  ?a <{ELI}cites> ?d . OPTIONAL {{ ?d <{ELI}id_local> ?num }}
  OPTIONAL {{ ?d <{ELI}title> ?t }} OPTIONAL {{ ?d <http://purl.org/dc/terms/alternative> ?alt }}
}} GROUP BY ?d ORDER BY DESC(?n) ?d LIMIT %d"""
PROGRAMMES_BY_YEAR = f"""SELECT ?name ?year (COUNT(DISTINCT ?d) AS ?n) WHERE {{
  ?d <{ELI}is_about> ?p ; <{ELI}date_document> ?date . ?p a <{GW}Programme> ; <{SKOS}prefLabel> ?name .
  BIND(YEAR(?date) AS ?year)
}} GROUP BY ?name ?year ORDER BY ?name ?year"""


def collect_stats(store: Store, top: int = 10) -> dict:
    """Counts by rdf:type, documents loaded, the ``top`` most-cited documents and programme mentions per year."""
    by_year: dict[str, dict[str, int]] = defaultdict(dict)
    for row in store.select(PROGRAMMES_BY_YEAR):
        by_year[row["name"]][row["year"]] = int(row["n"])
    return {
        "documents_loaded": int(store.select(LOADED)[0]["n"]),
        "types": {_short(r["type"]): int(r["n"]) for r in store.select(TYPES)},
        "most_cited": [{"document": r.get("number") or r.get("title") or r["d"], "cited_by": int(r["n"])}
                       for r in store.select(TOP_CITED % top)],
        "programmes_by_year": dict(by_year),
    }


def format_stats(stats: dict) -> str:
    """The statistics as aligned text for the terminal.

    >>> print(format_stats({"documents_loaded": 2, "types": {"eli:LegalResource": 3},
    ...                     "most_cited": [{"document": "西办通〔2022〕54号", "cited_by": 2}],
    ...                     "programmes_by_year": {"五社联动": {"2022": 1, "2023": 2}}}))
    documents loaded: 2
    <BLANKLINE>
    by type:
           3  eli:LegalResource
    <BLANKLINE>
    most cited:
           2  西办通〔2022〕54号
    <BLANKLINE>
    programmes by year:
      五社联动  2022:1  2023:2
    """
    lines = [f"documents loaded: {stats['documents_loaded']}", "", "by type:"]
    lines += [f"  {n:6d}  {t}" for t, n in stats["types"].items()]
    lines += ["", "most cited:"] + [f"  {r['cited_by']:6d}  {r['document']}" for r in stats["most_cited"]]
    lines += ["", "programmes by year:"]
    lines += [f"  {name}  " + "  ".join(f"{y}:{n}" for y, n in years.items())
              for name, years in stats["programmes_by_year"].items()]
    return "\n".join(lines)


PREFIXES = {"http://data.europa.eu/eli/ontology#": "eli:", "http://www.w3.org/ns/org#": "org:",
            "http://xmlns.com/foaf/0.1/": "foaf:", "http://purl.org/spar/cito/": "cito:",
            "http://www.w3.org/2004/02/skos/core#": "skos:", "https://schema.org/": "schema:",
            "https://w3id.org/gongwen/ontology#": "gw:", "http://www.w3.org/ns/prov#": "prov:",
            "http://data.europa.eu/eli/eli-draft-legislation-ontology#": "eli-dl:"}


def _short(iri: str) -> str:
    for namespace, prefix in PREFIXES.items():
        if iri.startswith(namespace):
            return prefix + iri[len(namespace):]
    return iri
