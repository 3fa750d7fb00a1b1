"""The 代字 registry grows with the corpus: a loaded document that prints its issuer and its own 文号 names
the agency behind that code, for every later citation of a number with the same code."""
from __future__ import annotations

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
