"""The app behind a real waitress server on loopback: real HTTP, and the W3C protocol suite against it.

check_protocol.py is a copy of the project's shared W3C SPARQL 1.1 Protocol checker (a port of the W3C
test suite, header kept), so this test runs in a clone with nothing beside it.
"""
from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest


CHECKER = Path(__file__).with_name("check_protocol.py")
REPLY = "西民函〔2023〕53号"


def fetch(url: str, accept: str, data: bytes | None = None, content_type: str | None = None):
    headers = {"Accept": accept} | ({"Content-Type": content_type} if content_type else {})
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def test_sparql_answers_over_http(live_url):
    query = quote(f'SELECT ?d WHERE {{ ?d ?p ?n FILTER(STR(?n) = "{REPLY}") }}')
    status, content_type, body = fetch(f"{live_url}/sparql?query={query}", "application/sparql-results+json")
    assert status == 200 and content_type == "application/sparql-results+json"
    assert json.loads(body)["results"]["bindings"][0]["d"]["value"].endswith("/id/doc/" + quote(REPLY))


def test_iri_minted_for_port_5000_dereferences_on_this_port(live_url):
    assert not live_url.endswith(":5000")
    status, content_type, body = fetch(f"{live_url}/id/doc/{quote(REPLY)}", "text/html")
    assert status == 200 and content_type.startswith("text/html")
    assert "关于西山区第十七届人大二次会议第228号建议答复的函" in body.decode()


@pytest.mark.parametrize(("data", "content_type"), [
    (b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
    (b"update=DROP%20ALL", "application/x-www-form-urlencoded"),
])
def test_updates_are_refused_over_http(live_url, data, content_type):
    count = quote("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    _, _, before = fetch(f"{live_url}/sparql?query={count}", "application/sparql-results+json")
    status, _, _ = fetch(f"{live_url}/sparql", "*/*", data, content_type)
    _, _, after = fetch(f"{live_url}/sparql?query={count}", "application/sparql-results+json")
    assert status == 403
    assert json.loads(after) == json.loads(before)


def test_static_assets_are_served(live_url):
    status, content_type, body = fetch(f"{live_url}/static/vis-9.1.2/vis-network.min.js", "*/*")
    assert status == 200 and "javascript" in content_type and b"vis-network" in body[:200]


def test_w3c_protocol_suite_passes(live_url):
    run = subprocess.run([sys.executable, str(CHECKER), f"{live_url}/sparql", "--skip-update"],
                         capture_output=True, text=True, timeout=300)
    summary = run.stdout.strip().splitlines()[-1]
    failures = [line for line in run.stdout.splitlines() if line.startswith("FAIL")]
    assert run.returncode == 0 and summary.startswith("36 passed, 0 failed"), "\n".join(failures) or summary
