"""The extraction benchmark runs end to end on a few generated documents and on the annotated ones."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "extract_speed.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("extract_speed", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_measure_speed_counts_bytes_and_documents(bench):
    texts = bench.load_texts(3, seed=1, samples=False)
    result = bench.measure_speed(texts, repeat=2)
    assert result["docs"] == 6
    assert result["mb"] == pytest.approx(2 * sum(len(t.encode("utf-8")) for t in texts) / 1e6)
    assert result["mb_per_s"] > 0 and result["docs_per_s"] > 0


@pytest.mark.parametrize("argv", [["3", "--seed", "2"], ["--samples"], ["2", "--best-of", "2"], ["2", "--profile"]])
def test_main_prints_the_figures(bench, argv, capsys):
    assert bench.main(argv) == 0
    assert "MB/s per core" in capsys.readouterr().out
