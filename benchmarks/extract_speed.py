#!/usr/bin/env python3
"""Measure extraction speed: extract_document over a generated corpus in one process.

usage: python benchmarks/extract_speed.py [N] [--seed S] [--repeat R] [--best-of K] [--profile] [--samples]

Prints MB/s per core (UTF-8 bytes in / CPU seconds of this process) and documents per second. With
``--samples`` the sample corpus and the devset are measured instead of generated documents; ``--best-of K``
measures K times and reports the fastest (other work on a shared machine only ever slows a run down);
``--profile`` prints the 25 functions with the most cumulative time (cProfile). Every measurement starts with
the loaders' per-phrase caches empty, so a pass never reuses what an earlier pass over the same texts found.
"""
from __future__ import annotations

import argparse
import cProfile
import functools
import pstats
import sys
import time
from pathlib import Path

from gongwen.loaders.extract import extract_document

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))  # generate.py sits beside this script; benchmarks/ is not a package

from generate import generate_corpus  # noqa: E402


def load_texts(n: int, seed: int, samples: bool) -> list[str]:
    """The documents to measure: ``n`` generated ones, or the sample corpus and devset texts.

    >>> len(load_texts(3, 0, False)), len(load_texts(0, 0, True)) >= 21
    (3, True)
    """
    if samples:
        paths = sorted((ROOT / "loaders" / "sample_corpus").glob("*.txt"))
        paths += sorted((ROOT / "tests" / "fixtures" / "devset" / "docs").glob("*.txt"))
        return [p.read_text(encoding="utf-8") for p in paths]
    return [text for _, text in generate_corpus(n, seed)]


def clear_phrase_caches() -> int:
    """Empty the lru caches of the loaders' functions (the data files read once stay loaded); how many.

    >>> clear_phrase_caches() > 0
    True
    """
    cleared = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("gongwen.loaders."):
            continue
        for attr, value in vars(module).items():
            if isinstance(value, functools._lru_cache_wrapper) and not attr.startswith("load_"):
                value.cache_clear()
                cleared += 1
    return cleared


def measure_speed(texts: list[str], repeat: int = 1) -> dict[str, float]:
    """Extract every text ``repeat`` times, starting with empty phrase caches; MB/s per core and documents/s,
    both over CPU time.

    >>> result = measure_speed(["西民函〔2023〕53号\\n关于X的函\\n余静代表:\\n见《实施意见》。"])
    >>> sorted(result)
    ['cpu_s', 'docs', 'docs_per_s', 'mb', 'mb_per_s']
    """
    size = sum(len(t.encode("utf-8")) for t in texts) * repeat
    clear_phrase_caches()
    start = time.process_time()
    for _ in range(repeat):
        for text in texts:
            extract_document(text)
    cpu = max(time.process_time() - start, 1e-9)
    docs = len(texts) * repeat
    return {"docs": docs, "mb": size / 1e6, "cpu_s": cpu, "mb_per_s": size / 1e6 / cpu, "docs_per_s": docs / cpu}


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, measure (and profile if asked), print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=500, help="generated documents (default 500)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=1, help="passes over the documents")
    parser.add_argument("--best-of", type=int, default=1, help="measure this many times, report the fastest")
    parser.add_argument("--samples", action="store_true", help="measure the sample corpus and devset")
    parser.add_argument("--profile", action="store_true", help="print the top functions (cProfile)")
    args = parser.parse_args(argv)
    texts = load_texts(args.n, args.seed, args.samples)
    extract_document(texts[0])  # compile the patterns and read the data files outside the measurement
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        result = measure_speed(texts, args.repeat)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    else:
        result = min((measure_speed(texts, args.repeat) for _ in range(max(1, args.best_of))),
                     key=lambda r: r["cpu_s"])
    print(f"{result['docs']} documents, {result['mb']:.2f} MB in {result['cpu_s']:.2f} CPU s: "
          f"{result['mb_per_s']:.1f} MB/s per core, {result['docs_per_s']:.0f} docs/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
