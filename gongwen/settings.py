"""Every setting gongwen reads, as documented rows. The README lists each one (a test checks it)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS = (
    Setting("store", "gongwen-data", "Folder of the embedded pyoxigraph store (or a SPARQL endpoint URL)"),
    Setting("base_iri", "http://127.0.0.1:5000/", "Base of every minted IRI; with the default each dereferences on `make serve`"),
    Setting("host", "127.0.0.1", "Address the web server binds to"),
    Setting("port", 5000, "Port the web server listens on"),
    Setting("threads", 8, "Worker threads of the waitress WSGI server"),
    Setting("graph_limit", 300, "Most nodes drawn by the /graph view"),
    Setting("query_cache", 512, "SPARQL answers the server keeps for repeated queries (0 turns the cache off)"),
)

DEFAULTS = {s.name: s.default for s in SETTINGS}


def make_config(**overrides: object) -> dict:
    """Defaults with the given overrides; unknown names are refused so a typo never passes silently.

    >>> make_config(port=5071)["port"]
    5071
    >>> make_config(prot=1)
    Traceback (most recent call last):
    ...
    KeyError: 'unknown setting: prot'
    """
    unknown = set(overrides) - set(DEFAULTS)
    if unknown:
        raise KeyError(f"unknown setting: {', '.join(sorted(unknown))}")
    return {**DEFAULTS, **{k: v for k, v in overrides.items() if v is not None}}
