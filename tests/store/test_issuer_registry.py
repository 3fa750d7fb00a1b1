"""The 代字 registry grows with the corpus: a loaded document that prints its issuer and its own 文号 names
the agency behind that code, for every later citation of a number with the same code."""
from __future__ import annotations

import pytest

from gongwen import pipeline
from gongwen.ontology.iris import agency_iri, doc_iri
from gongwen.pipeline import issuer_codes_in, load_paths
from gongwen.settings import DEFAULTS
from gongwen.store import Store

BASE = DEFAULTS["base_iri"]
GW = "https://w3id.org/gongwen/ontology#"
LATER = """某某街道办事处文件
某街发〔2024〕3号
关于落实社区治理工作的通知
各社区：
按照《关于加强社区工作者队伍建设的实施意见》（西民函〔2022〕7号）要求，现通知如下。
某某街道办事处
2024年3月1日
"""


def test_loaded_documents_teach_the_registry(sample_dir, tmp_path):
    store = Store.open()
    assert issuer_codes_in(store) == {}
    load_paths(store, [sample_dir], BASE)
    assert issuer_codes_in(store)["西民函"]["agency"] == "昆明市西山区民政局"


def test_a_later_citation_names_the_issuer_of_its_code(sample_dir, tmp_path):
    store = Store.open()
    load_paths(store, [sample_dir], BASE)
    later = tmp_path / "later.txt"
    later.write_text(LATER, encoding="utf-8")
    assert load_paths(store, [later], BASE).loaded == 1
    cited, agency = doc_iri(BASE, "西民函〔2022〕7号"), agency_iri(BASE, "昆明市西山区民政局")
    assert store.ask(f"ASK {{ <{cited}> <{GW}inferredIssuer> <{agency}> }}")


def test_documents_of_one_load_teach_each_other(any_store, sample_dir, tmp_path):
    """The citing document comes first in the folder, the one that shows the code's agency after it."""
    folder = tmp_path / "one-load"
    folder.mkdir()
    (folder / "0-later.txt").write_text(LATER, encoding="utf-8")
    for sample in sorted(sample_dir.glob("*.txt")):
        (folder / f"1-{sample.name}").write_bytes(sample.read_bytes())
    store = any_store
    assert load_paths(store, [folder], BASE).ok
    cited, agency = doc_iri(BASE, "西民函〔2022〕7号"), agency_iri(BASE, "昆明市西山区民政局")
    graph = store.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{cited}> <{GW}inferredIssuer> <{agency}> }} }}")
    assert [row["g"] for row in graph] == [store.sources()[str(folder / "0-later.txt")].graph]
    assert store.ask(f"ASK {{ <{cited}> <{GW}inferredIssuer> <{agency}> }}")


def test_a_code_two_agencies_print_names_neither(tmp_path):
    store = Store.open()
    for number, issuer in ((1, "甲市民政局"), (2, "乙市民政局")):
        (tmp_path / f"{number}.txt").write_text(f"{issuer}文件\n同民发〔2023〕{number}号\n关于开展工作的通知\n各单位：\n现通知如下。\n"
                                     f"{issuer}\n2023年3月1日\n", encoding="utf-8")
    assert load_paths(store, [tmp_path], BASE).loaded == 2
    assert "同民发" not in issuer_codes_in(store)


def _issuer_of(store, number: str) -> list[str]:
    return [r["a"] for r in store.select(f"SELECT ?a WHERE {{ <{doc_iri(BASE, number)}> <{GW}inferredIssuer> ?a }}")]


def _notice(issuer: str, number: str, body: str = "现通知如下。") -> str:
    return f"{issuer}文件\n{number}\n关于开展工作的通知\n各单位：\n{body}\n{issuer}\n2023年3月1日\n"


def test_a_load_that_never_finished_has_its_codes_spread_by_the_next(tmp_path, monkeypatch):
    """A load spreads only the codes its own documents teach, unless the one before it never reached its end."""
    (tmp_path / "citing.txt").write_text(_notice("某某街道办事处", "某街发〔2024〕3号", "按照东民发〔2023〕9号执行。"),
                                         encoding="utf-8")
    (tmp_path / "teacher.txt").write_text(_notice("甲市民政局", "东民发〔2023〕1号"), encoding="utf-8")
    (tmp_path / "other.txt").write_text(_notice("乙市民政局", "西民发〔2023〕2号"), encoding="utf-8")
    store = Store.open(tmp_path / "store")
    assert load_paths(store, [tmp_path / "citing.txt"], BASE).loaded == 1

    def stopped(*args):
        raise RuntimeError("stopped before the load's end")
    with monkeypatch.context() as m:
        m.setattr(pipeline, "spread_issuer_codes_update", stopped)
        with pytest.raises(RuntimeError):
            load_paths(store, [tmp_path / "teacher.txt"], BASE)
    assert _issuer_of(store, "东民发〔2023〕9号") == []
    assert load_paths(store, [tmp_path / "other.txt"], BASE).loaded == 1  # teaches 西民发 alone
    assert _issuer_of(store, "东民发〔2023〕9号") == [agency_iri(BASE, "甲市民政局")]


def test_a_replaced_document_gives_its_old_code_back_to_one_agency(tmp_path):
    for name, issuer, number in (("1", "甲市民政局", "同民发〔2023〕1号"), ("2", "乙市民政局", "同民发〔2023〕2号")):
        (tmp_path / f"{name}.txt").write_text(_notice(issuer, number), encoding="utf-8")
    (tmp_path / "3.txt").write_text(_notice("某某街道办事处", "某街发〔2024〕3号", "按照同民发〔2023〕9号执行。"),
                                    encoding="utf-8")
    store = Store.open(tmp_path / "store")
    assert load_paths(store, [tmp_path], BASE).loaded == 3
    assert _issuer_of(store, "同民发〔2023〕9号") == []  # two agencies print the code
    (tmp_path / "2.txt").write_text(_notice("乙市民政局", "乙民发〔2023〕2号"), encoding="utf-8")
    assert load_paths(store, [tmp_path / "2.txt"], BASE).loaded == 1
    assert _issuer_of(store, "同民发〔2023〕9号") == [agency_iri(BASE, "甲市民政局")]
