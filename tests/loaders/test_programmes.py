"""Table tests of find_programmes and programme_key on synthetic sentences (other places, other programmes):
each rule that names a programme, and each that refuses a quoted slogan, goal or title."""
from __future__ import annotations

import pytest

from gongwen.loaders.clean import clean_text
from gongwen.loaders.extract import extract_document
from gongwen.loaders.programmes import find_programmes
from gongwen.loaders.resolve import programme_key


def names(text: str) -> list[str]:
    return [p.name for p in find_programmes(clean_text(text))]


@pytest.mark.parametrize(("text", "expected"), [
    # a programme head right after the quoted name
    ("大力推行“红色物业”工作机制,成效明显。", ["红色物业"]),
    ("建立“积分超市”激励机制。", ["积分超市"]),
    ("搭建“银龄互助”信息平台,引导居民参与。", ["银龄互助"]),
    ("打造一个“邻里中心”示范点。", ["邻里中心"]),
    ("组织“爱心驿站”创建活动。", ["爱心驿站"]),
    # the quoted name ends like a programme, or a tail ending in 行动/工程 completes it
    ("推进城镇燃气用户“放心用电工程”建设。", ["放心用电工程"]),
    ("推出系列“家门口”养老服务行动。", ["家门口养老服务行动"]),
    ("实施“暖冬行动”,走访困难群众。", ["暖冬行动"]),
    # a verb of doing before the quoted name, which closes its clause
    ("构建“三心友好社区”,带动工作整体推进。", ["三心友好社区"]),
    ("深化志愿服务“爱心储蓄”、积分兑换实践探索。", ["爱心储蓄"]),
    # quoted three times or more
    ("坚持“三联共建”。深化“三联共建”。推广“三联共建”。", ["三联共建"]),
    # unquoted …工程 / …行动 after a verb of doing; …创建 named twice
    ("下一步,加快推进农村饮水安全巩固提升工程。", ["农村饮水安全巩固提升工程"]),
    ("开展文明村镇创建工作。文明村镇创建成效明显。", ["文明村镇创建"]),
    # building a facility, named three times, in its shortest standalone form
    ("推进乡镇养老服务中心建设。我县养老服务中心建设进展顺利,确保养老服务中心建设质量。"
     "明确了养老服务中心建设标准。", ["养老服务中心建设"]),
    # refused: slogans, goals, quoted titles, problems, another body's instruction, series of parts
    ("推动形成“共建共治共享”的基层治理新格局。", []),
    ("构建“四走四化”新模式。", []),
    ("指导居民开展“四个民主”和社区服务建设。", []),
    ("积极构建社区“十五分钟服务圈”,让群众就近办事。", []),
    ("您提出的关于“解决排水管道堵塞问题”的建议收悉。", []),
    ("您提出的“关于发展智慧社区的建议”的提案收悉。", []),
    ("结合市委“三个一批”工程要求,申报试点。", []),
    ("实施“护苗行动”,开展教育。实施“暖苗行动”,开通热线。实施“助苗行动”,建立档案。", []),
    ("开展“十四五”规划编制。", []),
    ("打通为民服务“最后一米”。", []),
    ("开展和谐村镇创建。", []),
    ("推进社工站建设。", []),
    ("", []),
])
def test_find_programmes(text, expected):
    assert names(text) == expected


def test_quoted_in_the_own_title_is_a_programme():
    text = "某县人民政府办公室关于印发《某县提升“助残四件事”服务能力的实施办法》的通知\n各乡镇:\n现印发给你们。"
    record = extract_document(text)
    assert [p.name for p in record.programmes] == ["助残四件事"]


def test_quotes_inside_cited_titles_are_skipped():
    text = "按照《关于推进“双百工程”的通知》(某发〔2021〕1号)执行。"
    skip = ((text.index("《") + 1, text.index("》")),)
    assert find_programmes(clean_text(text), skip) == []


@pytest.mark.parametrize(("a", "b"), [
    ("“家门口”社工服务行动", "家门口社工 服务行动"),
    ("街道社工站建设", "社工站建设"),
    ("全区网格连心", "网格连心"),
    ("“五社联动”工作机制", "五社联动"),
    ("五社联动机制", "五社联动"),
    ("ＡＢ计划", "ab计划"),
])
def test_programme_key_same(a, b):
    assert programme_key(a) == programme_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("三社联动", "五社联动"),
    ("社工站建设", "养老服务中心建设"),
    ("机制", "工作"),
])
def test_programme_key_different(a, b):
    assert programme_key(a) != programme_key(b)
