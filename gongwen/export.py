"""Write the store out in an RDF syntax (all named graphs for quad formats, their union otherwise)."""
from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

from gongwen.store import Store

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
    store.dump(output, RDF_FORMATS[fmt])
