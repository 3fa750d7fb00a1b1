"""`make bench`: load and query gongwen at realistic sizes, side by side with its peers, into RESULTS.md.

For each corpus size N (default 10,000 and 100,000 generated 公文, see generate.py):
  * load: a real `gongwen load` process — documents/s, triples/s, peak RSS, store size, triples per document;
  * the research queries (lookup by 文号, who cites X, the transitive closure of citations up from a document
    and down from X, top-20 cited)
    through `gongwen serve`'s SPARQL endpoint, with its answer cache off (the engine's speed) and on (what a
    repeated query costs), and as the citation index's /api/ pages answer them (gongwen.citation_index),
    p50/p95 over repeated runs, and the server's peak memory;
  * the same queries over the same triples in a plain rdflib Graph (the peer: what rdflib-endpoint serves)
    and in pyoxigraph in memory, in-process (the limit of our stack), each in its own process.

usage: benchmarks/run.py [--sizes 10000 100000] [--runs 20] [--out benchmarks/RESULTS.md] [--skip-rdflib-above N]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / "out"
GONGWEN = Path(sys.executable).with_name("gongwen")
ELI = "PREFIX eli: <http://data.europa.eu/eli/ontology#> "
QUESTIONS = ("lookup", "cited_by", "closure_up", "closure_down", "top20")
TOP20 = ELI + ("SELECT ?d ?num (COUNT(?a) AS ?n) WHERE { ?a eli:cites ?d . OPTIONAL { ?d eli:id_local ?num } } "
               "GROUP BY ?d ?num ORDER BY DESC(?n) LIMIT 20")


def research_queries(cited: str, deep: str) -> dict[str, str]:
    """The questions researchers ask most: ``cited`` is the most-cited document's 文号, ``deep`` the loaded
    document with the most documents upstream of it."""
    return {
        "lookup": ELI + f'SELECT ?d WHERE {{ ?d eli:id_local "{cited}" }}',
        "cited_by": ELI + f'SELECT ?a WHERE {{ ?a eli:cites ?d . ?d eli:id_local "{cited}" }}',
        "closure_up": ELI + f'SELECT DISTINCT ?u WHERE {{ ?d eli:id_local "{deep}" . ?d eli:cites+ ?u }}',
        "closure_down": ELI + f'SELECT DISTINCT ?u WHERE {{ ?d eli:id_local "{cited}" . ?u eli:cites+ ?d }}',
        "top20": TOP20,
    }


def index_requests(cited: str, deep: str) -> dict[str, str]:
    """The same questions as the citation index's /api/ pages answer them (lists: the first page of 100)."""
    quote = urllib.parse.quote
    return {"lookup": f"/api/document?number={quote(cited)}", "cited_by": f"/api/cited-by?number={quote(cited)}",
            "closure_up": f"/api/trace?direction=up&number={quote(deep)}",
            "closure_down": f"/api/trace?direction=down&number={quote(cited)}", "top20": "/api/most-cited?limit=20"}


def corpus(n: int, seed: int = 7) -> Path:
    sys.path.insert(0, str(HERE))  # generate.py sits beside this script; benchmarks/ is not a package
    from generate import fingerprint

    folder = WORK / f"corpus-{n}-{fingerprint()}"
    if not (folder / "manifest.jsonl").exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(folder), str(n), "--seed", str(seed)],
                       check=True, stdout=subprocess.DEVNULL)
    return folder


def timed_run(argv: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (MB, the largest process of the run) and stdout of a command."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
             "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode); "
             "print(p.stdout[-2000:] + p.stderr[-2000:])")
    out = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True).stdout
    head, _, rest = out.partition("\n")
    seconds, rss_kb, code = head.split()
    if code != "0":
        raise RuntimeError(f"{' '.join(argv)} exited {code}: {rest[-500:]}")
    return float(seconds), int(rss_kb) // 1024, rest


def folder_mb(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) // (1024 * 1024)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def http_queries(store: Path, queries: dict[str, str], runs: int, cache: int,
                 pages: dict[str, str] | None = None) -> tuple[dict, dict, int]:
    """p50/p95 seconds per SPARQL query and per /api/ page through a real `gongwen serve`, and the server's
    peak RSS in MB."""
    port = free_port()
    server = subprocess.Popen([str(GONGWEN), "serve", "--store", str(store), "--port", str(port),
                               "--query-cache", str(cache)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/sparql?query=ASK%7B%7D", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        # Waits for the citation index, which the server builds in the background as it starts: nothing else
        # runs while the queries are timed.
        urllib.request.urlopen(base + "/api/most-cited?limit=1", timeout=3600).read()
        sparql = {name: _timed_get(base + "/sparql?query=" + urllib.parse.quote(query), runs)
                  for name, query in queries.items()}
        api = {name: _timed_get(base + page, runs) for name, page in (pages or {}).items()}
        status = Path(f"/proc/{server.pid}/status").read_text()
        peak_mb = int(status.split("VmHWM:")[1].split()[0]) // 1024
    finally:
        server.terminate()
        server.wait(timeout=30)
    return sparql, api, peak_mb


def _timed_get(url: str, runs: int) -> tuple[float, float]:
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json, application/json"})
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        json.loads(urllib.request.urlopen(request, timeout=600).read())
        samples.append(time.perf_counter() - start)
    return percentiles(samples)


IN_PROCESS = """
import json, resource, statistics, sys, time
engine, nt, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
queries = json.loads(sys.stdin.read())
start = time.perf_counter()
if engine == "rdflib":
    import rdflib
    graph = rdflib.Graph(); graph.parse(nt, format="nt"); run = lambda q: list(graph.query(q))
else:
    import pyoxigraph
    store = pyoxigraph.Store(); store.bulk_load(path=nt, format=pyoxigraph.RdfFormat.N_TRIPLES)
    run = lambda q: list(store.query(q))
load_s = time.perf_counter() - start
out = {"load_s": load_s}
for name, q in queries.items():
    samples = []
    for _ in range(runs):
        t = time.perf_counter(); run(q); samples.append(time.perf_counter() - t)
    samples.sort()
    out[name] = [statistics.median(samples), samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]]
out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(json.dumps(out))
"""


def in_process(engine: str, nt: Path, queries: dict[str, str], runs: int) -> dict:
    out = subprocess.run([sys.executable, "-c", IN_PROCESS, engine, str(nt), str(runs)], input=json.dumps(queries),
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


CHOOSE = """
import json, sys, time, networkx as nx
from gongwen.citation_index import CitationIndex
from gongwen.store import Store
started = time.perf_counter()
graph = CitationIndex.from_store(Store.open(sys.argv[1], read_only=True)).graph
build = time.perf_counter() - started
numbered = [n for n, d in graph.nodes(data=True) if d.get("number")]
cited = max(numbered, key=lambda n: (graph.in_degree(n), n))
deep = max((n for n in numbered if graph.nodes[n]["in_corpus"]), key=lambda n: (len(nx.descendants(graph, n)), n))
print(json.dumps({"cited": graph.nodes[cited]["number"], "cited_by": graph.in_degree(cited),
                  "downstream": len(nx.ancestors(graph, cited)),
                  "deep": graph.nodes[deep]["number"], "upstream": len(nx.descendants(graph, deep)),
                  "index_build_s": build}))
"""


def choose_documents(store: Path) -> dict:
    """The most-cited document and the loaded document with the most documents upstream of it (by networkx
    over the store's citation network), with their counts."""
    out = subprocess.run([sys.executable, "-c", CHOOSE, str(store)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def measure(n: int, runs: int, skip_rdflib_above: int) -> dict:
    docs = corpus(n)
    store = WORK / f"store-{n}"
    shutil.rmtree(store, ignore_errors=True)
    seconds, load_rss, output = timed_run([str(GONGWEN), "load", "--quiet", "--store", str(store), str(docs)])
    triples = int(output.split("(")[1].split(" triples")[0])
    nt = WORK / f"all-{n}.nt"
    subprocess.run([str(GONGWEN), "export", "--store", str(store), "--format", "nt", "-o", str(nt)], check=True)
    distinct = sum(1 for _ in nt.open(encoding="utf-8"))
    chosen = choose_documents(store)
    queries = research_queries(chosen["cited"], chosen["deep"])
    result = {"n": n, "load_s": seconds, "docs_s": n / seconds, "triples_s": triples / seconds,
              "triples_per_doc": triples / n, "distinct_triples": distinct, "load_rss_mb": load_rss,
              "store_mb": folder_mb(store), "corpus_mb": folder_mb(docs), "chosen": chosen}
    result["http_cold"], result["api"], result["serve_rss_mb"] = http_queries(
        store, queries, runs, cache=0, pages=index_requests(chosen["cited"], chosen["deep"]))
    result["http_cached"], _, _ = http_queries(store, queries, runs, cache=512)
    result["pyoxigraph"] = in_process("pyoxigraph", nt, queries, runs)
    if distinct <= skip_rdflib_above:
        result["rdflib"] = in_process("rdflib", nt, queries, runs)
    (WORK / f"result-{n}.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    return result


def write_results(results: list[dict], path: Path) -> None:
    lines = ["# Benchmark results", "",
             f"Written by `make bench` (benchmarks/run.py) on {time.strftime('%Y-%m-%d')}, {platform.machine()}, "
             f"{os.cpu_count()} cores, Python {platform.python_version()}. Times in milliseconds, p50 / p95; "
             "every HTTP figure is a real request to `gongwen serve` on loopback.", ""]
    for r in results:
        chosen, api = r["chosen"], r["api"]
        lines += [f"## {r['n']:,} documents", "",
                  f"* load: {r['load_s']:.0f} s — **{r['docs_s']:.0f} documents/s**, {r['triples_s']:.0f} triples/s, "
                  f"peak RSS {r['load_rss_mb']} MB",
                  f"* {r['triples_per_doc']:.0f} triples per document in its graph; {r['distinct_triples']:,} distinct "
                  f"triples; store {r['store_mb']} MB on disk for a {r['corpus_mb']} MB corpus",
                  f"* serving memory (peak RSS of `gongwen serve` through the runs, citation index built): "
                  f"{r['serve_rss_mb']} MB; the citation index takes {chosen['index_build_s']:.1f} s to build "
                  "(in the background when the server starts)",
                  f"* X = {chosen['cited']}, the most cited ({chosen['cited_by']} documents cite it, "
                  f"{chosen['downstream']} build on it transitively: closure_down); closure_up is everything upstream "
                  f"of {chosen['deep']} ({chosen['upstream']} documents, the most of any loaded document)",
                  "* SPARQL answers carry every row; /api/ lists carry the total count and the first page of 100 "
                  "documents (number, title, issuer, year, page link each)",
                  *([] if "rdflib" in r else [f"* the rdflib peer was not run: {r['distinct_triples']:,} triples would "
                                              "take ~1.3 KB each in an rdflib Graph (measured at 10,000 documents), "
                                              f"~{r['distinct_triples'] * 1.3 / 1e6:.0f} GB of this machine's "
                                              f"{_memory_gb()} GB"]), "",
                  "| query | SPARQL over HTTP, cache off | SPARQL, cached | citation index /api/ | pyoxigraph "
                  "in-process | rdflib Graph in-process | rdflib ÷ SPARQL cold | rdflib ÷ index |",
                  "|---|---|---|---|---|---|---|---|"]
        for name in QUESTIONS:
            cold, cached, index, limit = r["http_cold"][name], r["http_cached"][name], api[name], r["pyoxigraph"][name]
            peer = r.get("rdflib", {}).get(name)
            ratios = [f"{peer[0] / x[0]:.1f}×" if peer else "not run" for x in (cold, index)]
            lines.append(f"| {name} | {_ms(cold)} | {_ms(cached)} | {_ms(index)} | {_ms(limit)} | "
                         f"{_ms(peer) if peer else 'not run'} | {' | '.join(ratios)} |")
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _memory_gb() -> int:
    return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)


def _ms(pair) -> str:
    return f"{pair[0] * 1000:.1f} / {pair[1] * 1000:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--skip-rdflib-above", type=int, default=14_000_000,
                        help="distinct triples above which the rdflib peer is not run: it took 1.3 KB of memory per "
                             "triple at 10,000 documents, so 14 million need ~18 GB of this machine's 24")
    args = parser.parse_args(argv)
    WORK.mkdir(exist_ok=True)
    results = []
    for n in args.sizes:
        results.append(measure(n, args.runs, args.skip_rdflib_above))
        write_results(results, args.out)
        print(f"{n} documents measured; {args.out} written", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
