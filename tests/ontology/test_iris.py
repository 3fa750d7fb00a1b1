"""IRIs: readable, deterministic, and routable back from a request path."""
from __future__ import annotations

import pytest

from gongwen.ontology import iris

BASE = "http://127.0.0.1:5000/"


@pytest.mark.parametrize(("iri", "expected"), [
    (iris.doc_iri(BASE, "西民函〔2023〕53号"), "http://127.0.0.1:5000/id/doc/西民函〔2023〕53号"),
    (iris.doc_iri("http://h", "西民函〔2023〕53号"), "http://h/id/doc/西民函〔2023〕53号"),
    (iris.doc_iri(BASE, " 西民函〔2023〕53号\n"), "http://127.0.0.1:5000/id/doc/西民函〔2023〕53号"),
    (iris.title_iri(BASE, "A B<c>"), "http://127.0.0.1:5000/id/title/AB%3Cc%3E"),
    (iris.title_iri(BASE, '说"明"{x}|^`\\'), "http://127.0.0.1:5000/id/title/说%22明%22%7Bx%7D%7C%5E%60%5C"),
    (iris.title_iri(BASE, "达标率100%#1?"), "http://127.0.0.1:5000/id/title/达标率100%25%231%3F"),
    (iris.title_iri(BASE, "甲/乙"), "http://127.0.0.1:5000/id/title/甲／乙"),
    (iris.doc_iri_from_header(BASE, None, None, "关于…的答复"), "http://127.0.0.1:5000/id/doc/-/-/关于...的答复"),  # NFKC
    (iris.programme_iri(BASE, "“五社联动”"), iris.programme_iri(BASE, "五社联动")),
    (iris.agency_iri(BASE, "区政府办公室", "昆明市西山区民政局"),
     "http://127.0.0.1:5000/id/agency/昆明市西山区民政局/区政府办公室"),
    (iris.mention_iri(BASE, "AB", 1, 2), "http://127.0.0.1:5000/id/source/ab#char=1,2"),
])
def test_iri(iri, expected):
    assert iri.isascii(), "an identifier must be a plain URI"
    assert iris.readable(iri) == iris.readable(expected)


def test_a_number_written_with_other_brackets_keys_the_same_document_once_canonical():
    from gongwen.loaders.models import DocNumber
    written = DocNumber("昆民通（2021）8号", "昆民通", 2021, "8", (0, 11))
    assert iris.doc_iri(BASE, written.canonical) == iris.doc_iri(BASE, "昆民通〔2021〕8号")


@pytest.mark.parametrize("iri", [
    iris.doc_iri(BASE, "西民函〔2023〕53号"),
    iris.title_iri(BASE, '100%达标 "说明" <x>'),
    iris.doc_iri_from_header(BASE, "昆明市五华区民政局", "2019-05-30", "关于对第19D11号提案的答复"),
    iris.agency_iri(BASE, "街道有关科室（中心、站、所）", "黔江区人民政府正阳街道办事处"),
    iris.part_iri(iris.doc_iri(BASE, "正阳办事处发〔2022〕95号"), "附件1 名单"),
])
def test_path_round_trip(iri):
    """The web app gets the decoded path (as Flask's request.path) or the encoded one, and finds the IRI."""
    from urllib.parse import unquote
    path = iris.iri_to_path(iri, BASE)
    assert iris.path_to_iri(path, BASE) == iri
    assert iris.path_to_iri(unquote(path), BASE) == iri


def test_fragments_are_not_part_of_the_path():
    assert iris.iri_to_path(iris.mention_iri(BASE, "ab", 1, 2), BASE) == "/id/source/ab"
