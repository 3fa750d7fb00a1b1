"""The kinds of store under test: the embedded one and real SPARQL servers on loopback.

Oxigraph's server comes with the test extras, so `make test` always runs it. Virtuoso is a Debian package
that `make test-remote` installs; that target sets GONGWEN_TEST_VIRTUOSO=1 to add it to every store test.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from gongwen.ontology.vocab import vocabulary_graph_iri
from gongwen.remote import RemoteStore
from gongwen.settings import DEFAULTS
from gongwen.store import Store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_command() -> str:
    # The `oxigraph` package (test extra) installs its server next to this interpreter.
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    assert found, "the oxigraph server is not installed: pip install -e '.[test]'"
    return found


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """`oxigraph serve` on a free loopback port, as installed; stopped after the run."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    proc = subprocess.Popen([oxigraph_command(), "serve", "--location", str(location), "--bind",
                             f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/query"
    wait_for(url, proc)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def wait_for(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2)
            return
        except OSError:
            assert proc.poll() is None, f"the server exited: {proc.stderr.read().decode()[-500:]}"
            time.sleep(0.2)
    raise AssertionError(f"no answer from {url} within {seconds} s")


VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = {sql_port}
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = {http_port}
ServerRoot = {dir}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    """Debian's virtuoso-opensource on free loopback ports, with SPARQL updates granted; stopped after."""
    assert shutil.which("virtuoso-t"), "Virtuoso is not installed: `make test-remote` installs it"
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port))
    proc = subprocess.Popen(["virtuoso-t", "-f", "-c", str(folder / "virtuoso.ini")], cwd=folder,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{http_port}/sparql"
    wait_for(url, proc)
    subprocess.run(["isql-vt", str(sql_port), "dba", "dba", 'exec=grant SPARQL_UPDATE to "SPARQL";'],
                   check=True, capture_output=True, timeout=60)
    yield url
    proc.terminate()
    proc.wait(timeout=30)


SERVERS = ["oxigraph"] + (["virtuoso"] if os.environ.get("GONGWEN_TEST_VIRTUOSO") == "1" else [])


@pytest.fixture(params=SERVERS)
def server_store(request) -> RemoteStore:
    """An emptied store on each SPARQL server under test."""
    store = RemoteStore(request.getfixturevalue(f"{request.param}_server"))
    store.replace_graphs([], drop=[*store.graph_names(), vocabulary_graph_iri(DEFAULTS["base_iri"])])
    return store


@pytest.fixture(params=["embedded", *SERVERS])
def any_store(request):
    """An empty store of each kind."""
    if request.param == "embedded":
        return Store.open()
    store = RemoteStore(request.getfixturevalue(f"{request.param}_server"))
    store.replace_graphs([], drop=[*store.graph_names(), vocabulary_graph_iri(DEFAULTS["base_iri"])])
    return store
