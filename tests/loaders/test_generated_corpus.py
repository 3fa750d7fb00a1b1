"""Extraction on documents nobody annotated: 300 generated 公文 (benchmarks/generate.py) from made-up agencies in
a made-up hierarchy, scored against the facts the generator wrote into them. A rule tuned to the sample texts
rather than to the structure of 公文 shows up here first (宝和街函〔2019〕155号 lost its 宝和 that way)."""
from __future__ import annotations

import importlib.util
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from gongwen.loaders.extract import extract_document
from gongwen.loaders.to_json import document_to_json

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"
BRACKETS = str.maketrans({"(": "〔", ")": "〕", "[": "〔", "]": "〕", "【": "〔", "】": "〕"})


def norm(value: str | None) -> str | None:
    if value is None:
        return None
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)).translate(BRACKETS)


def iso_date(printed: str) -> str:
    """2023年12月4日 → 2023-12-04, as extraction reports dates."""
    y, m, d = (int(x) for x in re.findall(r"\d+", printed))
    return f"{y:04d}-{m:02d}-{d:02d}"


@pytest.fixture(scope="module")
def scored():
    spec = importlib.util.spec_from_file_location("benchmarks_generate", GENERATOR)
    generate = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generate  # dataclasses look their module up there
    spec.loader.exec_module(generate)
    return [(doc, document_to_json(extract_document(doc.text, file=doc.file_name)))
            for doc in generate.generate_documents(300, seed=11)]


@pytest.mark.parametrize("field", ["issuer", "doc_number", "title", "date"])
def test_header_fields_of_generated_documents(scored, field):
    expected = (lambda d: iso_date(d.date)) if field == "date" else (lambda d: norm(getattr(d, field)))
    misses = [(d.file_name, expected(d), got.get(field)) for d, got in scored if norm(got.get(field)) != expected(d)]
    assert len(misses) <= len(scored) // 100, misses[:5]


@pytest.mark.parametrize(("field", "gold"), [("cited_doc_numbers", "cited_doc_numbers"), ("cited_titles", "cited_titles")])
def test_citations_of_generated_documents(scored, field, gold):
    found = {(d.file_name, norm(x)) for d, got in scored for x in got[field]}
    wanted = {(d.file_name, norm(x)) for d, _ in scored for x in getattr(d, gold)}
    precision, recall = len(found & wanted) / len(found), len(found & wanted) / len(wanted)
    assert precision >= 0.99 and recall >= 0.99, (precision, recall, sorted(wanted - found)[:5], sorted(found - wanted)[:5])
