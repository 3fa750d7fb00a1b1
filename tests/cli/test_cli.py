"""The `gongwen` command run as a user runs it: a real process, a real on-disk store."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib

GONGWEN = [sys.executable, "-m", "gongwen.cli"]
CITE_53_54 = """ASK { ?a <http://data.europa.eu/eli/ontology#cites> ?b .
  ?a <http://data.europa.eu/eli/ontology#id_local> "西民函〔2023〕53号" .
  ?b <http://data.europa.eu/eli/ontology#id_local> "西办通〔2022〕54号" }"""


def run(*args, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([*GONGWEN, *map(str, args)], capture_output=True, text=True, timeout=timeout)


def count(store, where: str) -> int:
    out = run("query", "--store", store, "--format", "csv", f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    assert out.returncode == 0, out.stderr
    return int(list(csv.reader(io.StringIO(out.stdout)))[1][0])


@pytest.fixture
def store(tmp_path) -> Path:
    return tmp_path / "store"


def test_extract_json_lines_one_object_per_document(sample_dir):
    files = sorted(sample_dir.glob("*.txt"))
    out = run("extract", "--json", *files)
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [Path(r["file"]).name for r in records] == [f.name for f in files]
    assert records[0]["doc_number"] == "西民函〔2023〕53号"
    assert "spans" in records[0] and records[0]["spans"]


def test_extract_missing_file_is_a_one_line_error(tmp_path):
    out = run("extract", "--json", tmp_path / "nope.txt")
    assert out.returncode == 1
    assert "nope.txt" in out.stderr and "Traceback" not in out.stderr


def test_load_then_reload_skips_unchanged(store, sample_copy):
    first = run("load", "--quiet", "--store", store, sample_copy)
    assert first.returncode == 0, first.stderr
    assert "loaded 5, unchanged 0, failed 0" in first.stdout
    second = run("load", "--quiet", "--store", store, sample_copy)
    assert "loaded 0, unchanged 5, failed 0" in second.stdout


def test_changed_file_replaces_its_graph(store, sample_copy):
    run("load", "--quiet", "--store", store, sample_copy)
    doc = sample_copy / "000_3ac01808f91add0e.txt"
    doc.write_text(doc.read_text(encoding="utf-8").replace("西民函〔2023〕53号", "西民函〔2023〕99号"), encoding="utf-8")
    out = run("load", "--quiet", "--store", store, sample_copy)
    assert "loaded 1, unchanged 4" in out.stdout
    assert count(store, '?d <http://data.europa.eu/eli/ontology#id_local> "西民函〔2023〕99号"') == 1
    assert count(store, '?d <http://data.europa.eu/eli/ontology#id_local> "西民函〔2023〕53号"') == 0


def test_loaded_sample_links_53_to_54(loaded_store_dir):
    out = run("query", "--store", loaded_store_dir, "--format", "json", CITE_53_54)
    assert json.loads(out.stdout)["boolean"] is True


def test_sample_corpus_has_hundreds_of_triples(loaded_store_dir):
    assert count(loaded_store_dir, "?s ?p ?o") >= 500


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_formats(loaded_store_dir, fmt):
    out = run("query", "--store", loaded_store_dir, "--format", fmt,
              "SELECT ?n WHERE { ?d <http://data.europa.eu/eli/ontology#id_local> ?n } ORDER BY ?n")
    assert out.returncode == 0, out.stderr
    assert "西民函〔2023〕53号" in out.stdout


def test_bad_query_is_a_usage_error(loaded_store_dir):
    out = run("query", "--store", loaded_store_dir, "SELECT * WHERE { ?s ?p }")
    assert out.returncode == 2
    assert "does not parse" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("nt", "nt"), ("ttl", "turtle"), ("nq", "nquads"),
                                                    ("trig", "trig"), ("jsonld", "json-ld")])
def test_export_parses_back(loaded_store_dir, tmp_path, fmt, rdflib_format):
    target = tmp_path / f"all.{fmt}"
    out = run("export", "--store", loaded_store_dir, "--format", fmt, "-o", target)
    assert out.returncode == 0, out.stderr
    data = rdflib.Dataset() if fmt in ("nq", "trig", "jsonld") else rdflib.Graph()
    data.parse(target, format=rdflib_format)
    assert len(data) >= 500 or sum(len(g) for g in data.graphs()) >= 500


def test_validate_store_conforms(loaded_store_dir):
    out = run("validate", "--store", loaded_store_dir)
    assert out.returncode == 0, out.stdout + out.stderr


def test_validate_reports_a_document_that_lost_its_issuer(loaded_store_dir, tmp_path):
    nt = tmp_path / "all.nt"
    run("export", "--store", loaded_store_dir, "--format", "nt", "-o", nt)
    g = rdflib.Graph().parse(nt, format="nt")
    eli = rdflib.Namespace("http://data.europa.eu/eli/ontology#")
    doc = next(g.subjects(eli.id_local, rdflib.Literal("西民函〔2023〕53号")))
    g.remove((doc, eli.passed_by, None))
    broken = tmp_path / "broken.nt"
    g.serialize(broken, format="nt")
    out = run("validate", "--data", broken)
    assert out.returncode == 1
    assert str(doc) in out.stdout


@pytest.mark.parametrize("argv", [[], ["load"], ["frobnicate"], ["validate"], ["export", "--format", "xls"],
                                  ["validate", "--store", "a", "--data", "b"]])
def test_usage_errors_exit_2(argv):
    out = run(*argv)
    assert out.returncode == 2, (argv, out.stdout, out.stderr)
    assert "Traceback" not in out.stderr


def test_query_on_a_missing_store_says_what_to_do(tmp_path):
    out = run("query", "--store", tmp_path / "none", "ASK {}")
    assert out.returncode == 1
    assert "load documents first" in out.stderr


def test_bad_files_are_named_and_good_files_still_load(store, tmp_path, sample_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes((sample_dir / "000_3ac01808f91add0e.txt").read_bytes())
    (folder / "gbk.txt").write_bytes((sample_dir / "001_8f16ceb0336a2e03.txt").read_text(encoding="utf-8").encode("gb18030"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.txt").write_bytes(os.urandom(20000))
    (folder / "broken.docx").write_bytes(os.urandom(3000))
    out = run("load", "--quiet", "--store", store, folder)
    assert out.returncode == 1
    for name in ("empty.txt", "noise.txt", "broken.docx"):
        assert name in out.stderr
    assert "Traceback" not in out.stderr + out.stdout
    assert count(store, '?d <http://data.europa.eu/eli/ontology#id_local> ?n '
                        'FILTER(?n IN ("西民函〔2023〕53号", "西民函〔2021〕38号"))') == 2


def test_sigkill_mid_load_leaves_no_half_document(store, tmp_path, sample_dir):
    many = tmp_path / "many"
    many.mkdir()
    text = (sample_dir / "000_3ac01808f91add0e.txt").read_text(encoding="utf-8")
    for i in range(1, 301):
        (many / f"{i:03d}.txt").write_text(text.replace("〔2023〕53号", f"〔2023〕{i}53号"), encoding="utf-8")
    proc = subprocess.Popen([*GONGWEN, "load", "--quiet", "--store", str(store), str(many)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(3)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    again = run("load", "--quiet", "--store", store, many)
    assert again.returncode == 0, again.stderr
    assert run("validate", "--store", store).returncode == 0
    assert count(store, "?d <http://data.europa.eu/eli/ontology#id_local> ?n "
                        'FILTER(STRSTARTS(?n, "西民函〔2023〕") && STRENDS(?n, "53号"))') == 300


@pytest.mark.parametrize(("fmt", "read"), [("graphml", "read_graphml"), ("gexf", "read_gexf")])
def test_citation_network_opens_in_networkx(loaded_store_dir, tmp_path, fmt, read):
    import networkx as nx

    target = tmp_path / f"net.{fmt}"
    assert run("export", "--store", loaded_store_dir, "--format", fmt, "-o", target).returncode == 0
    network = getattr(nx, read)(target)
    numbers = {data.get("number") for _, data in network.nodes(data=True)}
    assert {"西民函〔2023〕53号", "西办通〔2022〕54号"} <= numbers
    assert network.number_of_edges() >= 20


def test_csv_tables_of_documents_and_citations(loaded_store_dir, tmp_path):
    out = run("export", "--store", loaded_store_dir, "--format", "csv", "-o", tmp_path / "tables")
    assert out.returncode == 0, out.stderr
    documents = list(csv.DictReader((tmp_path / "tables" / "documents.csv").open(encoding="utf-8")))
    edges = list(csv.DictReader((tmp_path / "tables" / "citations.csv").open(encoding="utf-8")))
    loaded = [d for d in documents if d["in_corpus"] == "True"]
    assert len(loaded) == 5 and all(d["issuer"] for d in loaded)
    assert {"citing_number": "西民函〔2023〕53号", "cited_number": "西办通〔2022〕54号"}.items() <= next(
        e for e in edges if e["citing_number"] == "西民函〔2023〕53号").items()


def test_csv_needs_a_folder(loaded_store_dir):
    out = run("export", "--store", loaded_store_dir, "--format", "csv")
    assert out.returncode == 2 and "-o DIR" in out.stderr


def test_stats_counts_and_rankings(loaded_store_dir):
    out = run("stats", "--store", loaded_store_dir, "--json")
    assert out.returncode == 0, out.stderr
    stats = json.loads(out.stdout)
    assert stats["documents_loaded"] == 5
    assert stats["types"]["eli:LegalResource"] >= 5
    assert "西办通〔2022〕54号" in [r["document"] for r in stats["most_cited"]] or len(stats["most_cited"]) == 10
    assert "五社联动" in stats["programmes_by_year"]
    text = run("stats", "--store", loaded_store_dir)
    assert "documents loaded: 5" in text.stdout


def test_learnt_registry_is_a_data_file_in_the_seed_schema(loaded_store_dir, tmp_path):
    import yaml

    from gongwen.loaders.resolve import load_issuer_codes

    target = tmp_path / "learnt.yaml"
    out = run("export", "--store", loaded_store_dir, "--format", "registry", "-o", target)
    assert out.returncode == 0, out.stderr
    learnt = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert learnt["西民函"] == {"agency": "昆明市西山区民政局", "region": None, "form": "函"}
    assert {key for entry in learnt.values() for key in entry} == {
        key for entry in load_issuer_codes().values() for key in entry}
