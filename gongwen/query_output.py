"""Write SPARQL results for the terminal (a table) or for other programs (CSV, JSON)."""
from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

MAX_CELL = 60


def write_results(results, fmt: str, output: BinaryIO) -> None:
    """Write SELECT/ASK results as table, csv or json; CONSTRUCT/DESCRIBE results as N-Triples.

    >>> import io
    >>> s = ox.Store(); out = io.BytesIO()
    >>> write_results(s.query("SELECT ?x WHERE { VALUES ?x { 1 2 } }"), "table", out)
    >>> print(out.getvalue().decode())
    x
    -
    1
    2
    <BLANKLINE>
    """
    if isinstance(results, ox.QueryTriples):
        results.serialize(output, format=ox.RdfFormat.N_TRIPLES)
    elif fmt == "csv":
        results.serialize(output, format=ox.QueryResultsFormat.CSV)
    elif fmt == "json":
        results.serialize(output, format=ox.QueryResultsFormat.JSON)
    elif isinstance(results, ox.QueryBoolean):
        output.write(b"true\n" if bool(results) else b"false\n")
    else:
        output.write(format_table(results).encode())


def format_table(solutions: ox.QuerySolutions) -> str:
    """Align the rows of a SELECT under their variable names, one row per line."""
    names = [v.value for v in solutions.variables]
    rows = [[_cell(row[n]) for n in names] for row in solutions]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines) + "\n"


def _cell(term) -> str:
    if term is None:
        return ""
    text = term.value.replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"
