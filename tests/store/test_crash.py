"""A writer killed with SIGKILL at random moments of bulk loads leaves no half graph and keeps the default graph
the union, once the store is opened again (it rolls back what the pending-graphs log lists).

Each round starts a real process writing new graphs in batches through ``Store.replace_graphs`` (the bulk
path), kills it at a random moment (seeded; every other round a moment just after a bulk load began), reopens
the store and checks it: every named graph holds all its
triples, the default graph is exactly their union. GONGWEN_CRASH_ROUNDS sets the number of rounds (the default
keeps the suite quick; the load-speed work ran 12 runs of 10: 120 kills, 91 inside a bulk load).
"""
from __future__ import annotations

import os
import random
import subprocess
import sys
import time

from gongwen.store import PENDING_FILE, Store

PER_ROUND, BATCH, OWN, SHARED = 1000, 250, 40, 10
ROUNDS = int(os.environ.get("GONGWEN_CRASH_ROUNDS", "4"))
# Round r writes graphs r*PER_ROUND … (r+1)*PER_ROUND-1 that the store does not hold yet.
WRITER = f"""
import sys
from gongwen.store import GraphData, Store
store, first = Store.open(sys.argv[1]), int(sys.argv[2]) * {PER_ROUND}
have = set(store.graph_names())
todo = [i for i in range(first, first + {PER_ROUND}) if f"urn:g:{{i}}" not in have]
for start in range(0, len(todo), {BATCH}):
    store.replace_graphs([GraphData(
        f"urn:g:{{i}}",
        "".join(f'<urn:s:{{i}}:{{k}}> <urn:p:{{k % 7}}> "value {{i}} {{k}}" .\\n' for k in range({OWN}))
        + "".join(f"<urn:shared:{{(i + k) % 50}}> <urn:p:shared> <urn:o:{{k}}> .\\n" for k in range({SHARED})))
        for i in todo[start:start + {BATCH}]])
"""
HALF_GRAPHS = f"""SELECT ?g WHERE {{ {{ SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g }}
                                   FILTER(?n != {OWN + SHARED}) }}"""
NOT_IN_UNION = "ASK { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }"
NOT_IN_A_GRAPH = "ASK { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"


def check_store(location) -> int:
    """Every named graph whole and the default graph their union; returns the number of graphs."""
    store = Store.open(location)
    assert not (location / PENDING_FILE).exists()
    assert store.select(HALF_GRAPHS) == [], "a graph is not whole"
    assert not store.ask(NOT_IN_UNION), "a graph's triple is missing from the default graph"
    assert not store.ask(NOT_IN_A_GRAPH), "the default graph holds a triple no graph states"
    return len(store.graph_names())


def wait_for(path, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.001)


def write(location, round_: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen([sys.executable, "-c", WRITER, str(location), str(round_)], env=env)


def test_sigkill_at_random_moments_of_bulk_loads(tmp_path):
    location = tmp_path / "store"
    rng = random.Random(5072)
    interrupted = 0
    for round_ in range(ROUNDS):
        writer = write(location, round_)
        if round_ % 2:
            time.sleep(rng.uniform(0.3, 1.5))  # any moment: start-up, between writes, inside one
        else:
            wait_for(location / PENDING_FILE)  # a moment inside a bulk load (the log is there during it)
            time.sleep(rng.uniform(0, 0.01))
        writer.kill()
        writer.wait()
        interrupted += (location / PENDING_FILE).exists()
        check_store(location)
    assert write(location, 0).wait() == 0
    assert check_store(location) >= PER_ROUND
    assert interrupted, "no kill landed inside a bulk load: the test checked nothing"
    print(f"{ROUNDS} kills, {interrupted} inside a bulk load")
