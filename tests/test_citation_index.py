"""gongwen.citation_index: closures walked once and kept, in label order, a bounded number of them."""
from __future__ import annotations

import networkx as nx
import pytest

from gongwen import citation_index
from gongwen.citation_index import CitationIndex

# street → district → city → province, and a city notice that cites the district back (a cycle).
CHAIN = nx.DiGraph([("street", "district"), ("district", "city"), ("city", "province"), ("city", "district")])


@pytest.mark.parametrize(("start", "direction", "expected"), [
    ("street", "up", ["city", "district", "province"]),
    ("province", "down", ["city", "district", "street"]),
    ("district", "up", ["city", "province"]),  # the cycle back to it is not an answer
    ("street", "down", []),
])
def test_trace_reaches_everything_in_label_order(start, direction, expected):
    assert CitationIndex(CHAIN).trace(start, direction) == expected


def test_a_trace_is_walked_once_and_kept():
    index = CitationIndex(CHAIN)
    first = index.trace("street", "up")
    assert index.trace("street", "up") is first
    assert index.trace("street", "down") is not first


def test_the_oldest_trace_makes_room(monkeypatch):
    monkeypatch.setattr(citation_index, "KEPT_TRACES", 2)
    index = CitationIndex(CHAIN)
    oldest = index.trace("street", "up")
    index.trace("district", "up")
    index.trace("city", "up")
    again = index.trace("street", "up")
    assert again == oldest and again is not oldest


def test_a_bad_direction_is_refused():
    with pytest.raises(ValueError, match="direction"):
        CitationIndex(CHAIN).trace("street", "sideways")
