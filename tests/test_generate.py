"""The benchmark corpus generator: deterministic, the requested count, 公文-shaped, heavy-tailed citations."""
import doctest
import importlib.util
import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

import pytest

from gongwen.loaders.read import read_file

SPEC = importlib.util.spec_from_file_location(
    "benchmarks_generate", Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py")
generate = importlib.util.module_from_spec(SPEC)
sys.modules[SPEC.name] = generate  # dataclasses look their module up while the class is built
SPEC.loader.exec_module(generate)


@pytest.fixture(scope="module")
def documents():
    return list(generate.generate_documents(300, seed=11))


@pytest.mark.parametrize("n", [0, 1, 7])
def test_same_seed_same_corpus_and_n_documents(n):
    first = list(generate.generate_corpus(n, seed=42))
    assert len(first) == n
    assert first == list(generate.generate_corpus(n, seed=42))


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one():
    assert list(generate.generate_corpus(3, seed=8)) == list(generate.generate_corpus(6, seed=8))[:3]


def test_another_seed_another_corpus():
    assert list(generate.generate_corpus(3, seed=1)) != list(generate.generate_corpus(3, seed=2))


def test_file_names_are_unique_and_ordered(documents):
    names = [d.file_name for d in documents]
    assert len(set(names)) == len(names) and names == sorted(names)


def test_sizes_are_like_the_samples(documents):
    sizes = [len(d.text.encode("utf-8")) for d in documents]
    assert min(sizes) >= 4_000 and max(sizes) <= 12_000


def test_each_document_has_the_parts_of_a_gongwen(documents):
    for d in documents:
        lines = [line for line in d.text.split("\n") if line]
        assert lines[0] == f"{d.issuer}文件", d.file_name
        assert d.doc_number in lines[1:4] and re.fullmatch(r".+〔20\d\d〕\d+号", d.doc_number)
        assert d.title in d.text.replace("\n", "") and d.date in lines
        assert d.text.count(d.doc_number) == 1
        assert "抄送：" in lines[-1]
        if d.kind != "plan_notice":
            assert re.search(r"〔办理类型 [ABC]〕", d.text) and re.search(r"〔是否公开 [是否]〕", d.text)
            assert re.search(r"^(尊敬的)?\S{2,3}(代表|委员)：$", d.text, re.MULTILINE)
            assert re.search(r"（联系人及电话：\S{2,3} 1?\d{8,10}）", d.text)


def test_the_manifest_facts_are_in_the_text(documents):
    for d in documents:
        assert d.cited_titles, d.file_name
        for number in d.cited_doc_numbers:
            assert number in d.text
        for title in d.cited_titles:
            assert f"《{title}》" in d.text


def test_citations_are_heavy_tailed(documents):
    counts = Counter(title for d in documents for title in d.cited_titles)
    assert max(counts.values()) >= 10 * statistics.median(counts.values())


def test_cli_writes_documents_and_manifest(tmp_path, capsys):
    assert generate.main([str(tmp_path / "out"), "4", "--seed", "5"]) == 0
    written = sorted((tmp_path / "out").glob("*.txt"))
    manifest = [json.loads(line) for line in (tmp_path / "out" / "manifest.jsonl").read_text().splitlines()]
    assert [p.name for p in written] == [m["file_name"] for m in manifest]
    assert [p.name for p in written] == [name for name, _ in generate.generate_corpus(4, seed=5)]
    assert "wrote 4 documents" in capsys.readouterr().out
    assert read_file(written[0]).text == written[0].read_text(encoding="utf-8")


def test_docstring_examples_run():
    assert doctest.testmod(generate).failed == 0
