"""Table tests of resolve: short forms (《决定》 after its full title, 以下简称“…”), references (该文件, 该通知,
“54号文”), and the 代字 registry (seed, grown from documents, used by extract_document and shown in to_json)."""
from __future__ import annotations

import pytest

from gongwen.loaders.extract import extract_document
from gongwen.loaders.models import DocNumber, Document, Field
from gongwen.loaders.resolve import code_stem, grow_issuer_codes, infer_issuer, load_issuer_codes
from gongwen.loaders.to_json import document_to_json

HEADER = "某县民政局文件\n某民函〔2023〕1号\n关于X的通知\n各单位:\n"


def short_forms(body: str) -> list[tuple[str, str]]:
    record = document_to_json(extract_document(HEADER + body))
    return [(s["text"], s["refers_to"]) for s in record["short_forms"]]


@pytest.mark.parametrize(("body", "expected"), [
    # 《决定》 after the full title that contains it
    ("全会作出了《关于推进治理现代化若干重大问题的决定》。《决定》指出,要加强治理。",
     [("决定", "关于推进治理现代化若干重大问题的决定")]),
    ("印发《某省城乡社区服务体系建设规划》。《规划》提出目标。", [("规划", "某省城乡社区服务体系建设规划")]),
    # declared aliases, in 《》 or in quotes, after the title or after its 文号
    ("根据《国务院关于加强社区建设的意见》(以下简称“意见”),落实《意见》要求。",
     [("意见", "国务院关于加强社区建设的意见")]),
    ("根据《国务院关于加强社区建设的意见》(国发〔2021〕7号,以下简称《意见》),落实《意见》要求。",
     [("意见", "国务院关于加强社区建设的意见"), ("意见", "国务院关于加强社区建设的意见")]),
    ("按照《某市社区工作者管理办法》(以下简称《办法》),执行《办法》。", [("办法", "某市社区工作者管理办法"),
                                                       ("办法", "某市社区工作者管理办法")]),
    # 该文件 / 该通知: the citation just before
    ("印发了《某市社区工作规程》(某办发〔2020〕3号)。该文件明确了职责。", [("该文件", "某市社区工作规程")]),
    ("转发《某省民政厅关于X的通知》(某民发〔2021〕8号),请按照该通知执行。", [("该通知", "某省民政厅关于X的通知")]),
    # “54号文”: the cited number with that sequence, quoted or not
    ("按照《某区实施意见》(某办通〔2022〕54号)执行,落实“54号文”要求。", [("54号文", "某区实施意见")]),
    ("按照某办通〔2022〕54号执行,落实54号文件精神。", [("54号文件", "某办通〔2022〕54号")]),
    # nothing to resolve
    ("落实54号文件精神。", []),
    ("该文件明确了职责。", []),
    ("根据《意见》要求。", []),
    ("《某市规划》提出,《某县方案》落实。", []),
])
def test_short_forms_and_references(body, expected):
    assert short_forms(body) == expected


def test_short_form_is_not_a_second_cited_title():
    record = document_to_json(extract_document(HEADER + "作出《推进治理现代化若干重大问题的决定》。《决定》指出。"))
    assert record["cited_titles"] == ["推进治理现代化若干重大问题的决定"]


@pytest.mark.parametrize(("code", "stem"), [
    ("西民函", "西民"), ("西民通", "西民"), ("国办发", "国办"), ("国发", "国发"), ("发改社会", "发改社会"),
    ("宁政办规字", "宁政办规"),
])
def test_code_stem(code, stem):
    assert code_stem(code) == stem


@pytest.mark.parametrize(("code", "registry", "expected"), [
    ("国办发", None, "国务院办公厅"),
    ("国办函", None, "国务院办公厅"),
    ("苏政办发", None, "江苏省人民政府办公厅"),
    ("无此代字", None, None),
    ("西民通", {"西民函": {"agency": "昆明市西山区民政局"}}, "昆明市西山区民政局"),
    ("西民函", {"西民函": {"agency": "昆明市西山区民政局"}}, "昆明市西山区民政局"),
    ("国办发", {"西民函": {"agency": "昆明市西山区民政局"}}, "国务院办公厅"),  # the seed stays behind a grown one
    ("国办发", {"国办发": {"agency": "另一机关"}}, "另一机关"),          # a grown entry comes first
    ("东民通", {"西民函": {"agency": "昆明市西山区民政局"}}, None),
])
def test_infer_issuer(code, registry, expected):
    assert infer_issuer(code, registry) == expected


def _document(issuer: str | None, number: str | None, code: str) -> Document:
    return Document("a.txt", "", issuer=Field(issuer, (0, len(issuer))) if issuer else None,
                    doc_number=DocNumber(number, code, 2023, "1", (0, len(number))) if number else None)


def test_grow_issuer_codes_keeps_the_given_registry_and_adds_printed_codes():
    seed = load_issuer_codes()
    grown = grow_issuer_codes(seed, [_document("成都市武侯区民政局", "武民函〔2023〕1号", "武民函"),
                                     _document(None, "某发〔2023〕1号", "某发"),
                                     _document("另一机关", "国办发〔2023〕1号", "国办发")])
    assert grown["武民函"] == {"agency": "成都市武侯区民政局", "region": None, "form": "函"}
    assert "某发" not in grown                              # no issuer printed: nothing learnt
    assert grown["国办发"]["agency"] == "国务院办公厅"       # a known code is not overwritten
    assert "武民函" not in seed                              # the seed registry is not changed


def test_extract_uses_a_grown_registry_and_to_json_shows_cited_issuers():
    registry = grow_issuer_codes(load_issuer_codes(), [_document("成都市武侯区民政局", "武民函〔2023〕1号", "武民函")])
    text = HEADER + "按照武民通〔2022〕5号和国办发〔2021〕12号执行,参照某某发〔2020〕3号。"
    assert document_to_json(extract_document(text, registry=registry))["cited_issuers"] == {
        "武民通〔2022〕5号": "成都市武侯区民政局", "国办发〔2021〕12号": "国务院办公厅", "某某发〔2020〕3号": None}
    assert document_to_json(extract_document(text))["cited_issuers"]["武民通〔2022〕5号"] is None
