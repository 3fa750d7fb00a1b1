"""Every SPARQL query the README shows runs on the sample corpus and finds something, so the README stays true."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from gongwen.ontology.iris import mention_span
from gongwen.store import Store

README = Path(__file__).resolve().parent.parent / "README.md"
QUERIES = re.findall(r"```sparql\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


@pytest.fixture(scope="module")
def store(loaded_store_dir):
    return Store.open(loaded_store_dir, read_only=True)


def test_the_readme_shows_queries():
    assert len(QUERIES) >= 2


@pytest.mark.parametrize("query", QUERIES, ids=[f"query{i}" for i in range(len(QUERIES))])
def test_a_readme_query_answers_on_the_samples(store, query):
    assert store.select(query)


def test_span_offsets_from_sparql_match_the_iri(store):
    """The README's span query gives the offsets and source that gongwen.ontology.iris.mention_span reads."""
    (query,) = [q for q in QUERIES if "#char=" in q]
    rows = store.select(query.replace("SELECT ?source ?start ?end", "SELECT ?span ?source ?start ?end"))
    assert rows
    for row in rows:
        start, end = mention_span(row["span"])
        assert (int(row["start"]), int(row["end"])) == (start, end)
        assert row["span"].startswith(row["source"] + "#")
