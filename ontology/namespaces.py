"""The namespaces gongwen's RDF uses, as rdflib ``Namespace`` objects and a prefix table.

Reuse before inventing: every term comes from ELI, ELI-DL, W3C ORG, FOAF, CiTO, SKOS, schema.org, PROV-O,
Dublin Core or Web Annotation, and only what none of them has lives under ``gw:`` (see ``gongwen.ttl``).

>>> str(GW.sourcePath)
'https://w3id.org/gongwen/ontology#sourcePath'
>>> PREFIXES["eli"]
'http://data.europa.eu/eli/ontology#'
"""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

GW = Namespace("https://w3id.org/gongwen/ontology#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
# ELI extension for draft legislation (ELI-DL v3): parliamentary terms and activities (届, 会议).
ELI_DL = Namespace("http://data.europa.eu/eli/eli-draft-legislation-ontology#")
CITO = Namespace("http://purl.org/spar/cito/")
SDO = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES: dict[str, str] = {
    "gw": str(GW), "eli": str(ELI), "eli-dl": str(ELI_DL), "org": str(ORG), "foaf": str(FOAF),
    "cito": str(CITO), "skos": str(SKOS), "schema": str(SDO), "prov": str(PROV), "dcterms": str(DCTERMS),
    "oa": str(OA), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "sh": str(SH),
}

__all__ = ["CITO", "DCTERMS", "ELI", "ELI_DL", "FOAF", "GW", "OA", "ORG", "PREFIXES", "PROV", "RDF", "RDFS",
           "SDO", "SH", "SKOS", "XSD"]
