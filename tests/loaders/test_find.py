"""Table tests of the finders on synthetic variants: other issuers and provinces, every bracket style,
damaged numbers and dates, wrapped titles, spaced names, cut-off texts."""
from __future__ import annotations

import pytest

from gongwen.loaders.clean import clean_text
from gongwen.loaders.dates import parse_date
from gongwen.loaders.docnumbers import canonical_doc_number, find_doc_numbers
from gongwen.loaders.extract import extract_document
from gongwen.loaders.header import find_handling_type, find_public
from gongwen.loaders.titles import is_official_title
from gongwen.loaders.to_json import document_to_json


def numbers(text: str) -> list[str]:
    return [n.text for n in find_doc_numbers(clean_text(text), text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("根据西办通〔2022〕54号文件", ["西办通〔2022〕54号"]),
    ("按照《实施意见》（西办通〔2022〕54号）", ["西办通〔2022〕54号"]),
    ("国办发[2021]12号", ["国办发[2021]12号"]),
    ("国办发【2021】12号", ["国办发【2021】12号"]),
    ("国办发［2021］12号", ["国办发［2021］12号"]),
    ("国办发﹝2021﹞12号", ["国办发﹝2021﹞12号"]),
    ("国办发(2021)12号", ["国办发(2021)12号"]),
    ("昆民通（2021）8号", ["昆民通（2021）8号"]),
    ("苏政办发〔２０２２〕６０号", ["苏政办发〔２０２２〕６０号"]),
    ("黔江民政〔2022〕42号", ["黔江民政〔2022〕42号"]),
    ("衢政办发〔202316号", ["衢政办发〔202316号"]),
    ("湖委发〔2018〕20\n", ["湖委发〔2018〕20"]),
    ("进一步落实舒办发[2008]29号《意见》", ["舒办发[2008]29号"]),
    ("贯彻落实浙政发〔2021〕4号精神", ["浙政发〔2021〕4号"]),
    ("依据川府发〔2020〕7号", ["川府发〔2020〕7号"]),
    ("遵照陕政办发〔2019〕33号", ["陕政办发〔2019〕33号"]),
    ("参照渝府办发〔2021〕67号执行", ["渝府办发〔2021〕67号"]),
    ("转发省政府苏政发〔2021〕18号", ["苏政发〔2021〕18号"]),
    ("(发改社会〔2021〕560号)", ["发改社会〔2021〕560号"]),
    ("宁政办规字〔2023〕2号", ["宁政办规字〔2023〕2号"]),
    ("正阳办事处发〔2022〕95号", ["正阳办事处发〔2022〕95号"]),
    ("津民政函〔2022〕72号关于区政协的复函", ["津民政函〔2022〕72号"]),
    ("文号: 常政办发〔2023〕47号 成文日期", ["常政办发〔2023〕47号"]),
    ("京政发 〔2021〕 12 号", ["京政发 〔2021〕 12 号"]),
    ("和政发〔2020〕3号", ["和政发〔2020〕3号"]),
    ("国发〔2020〕1号和国发〔2021〕2号", ["国发〔2020〕1号", "国发〔2021〕2号"]),
    # a two-character place name whose second character is a particle (宝和, 泰和, 平和)
    ("宝和街函〔2019〕155号", ["宝和街函〔2019〕155号"]),
    ("泰和县民函〔2020〕1号", ["泰和县民函〔2020〕1号"]),
    ("平和政办〔2021〕7号", ["平和政办〔2021〕7号"]),
    ("工作与国办发〔2021〕12号", ["国办发〔2021〕12号"]),
    ("粤府函〔2019〕第5号", ["粤府函〔2019〕第5号"]),
    ("按照昆办通〔2018〕54号的要求", ["昆办通〔2018〕54号"]),
    ("〔办理类型 B〕", []),
    ("(第83号)建议", []),
    ("ICP备05001234号", []),
    ("2021年投入170万元", []),
    ("“十四五”(2021-2025年)", []),
    ("", []),
])
def test_find_doc_numbers(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("西民函[2021]38号", "西民函〔2021〕38号"),
    ("昆民通（2021）8号", "昆民通〔2021〕8号"),
    ("衢政办发〔202316号", "衢政办发〔2023〕16号"),
    ("湖委发〔2018〕20", "湖委发〔2018〕20号"),
    ("国办发 〔 2021 〕 012 号", "国办发〔2021〕12号"),
    ("苏政办发〔２０２２〕６０号", "苏政办发〔2022〕60号"),
])
def test_canonical_doc_number(text, expected):
    assert canonical_doc_number(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2021年11月9日", "2021-11-09"),
    ("2019年 5 月 30日", "2019-05-30"),
    ("二〇二二年七月二十三日", "2022-07-23"),
    ("二〇一九年十二月一日", "2019-12-01"),
    ("二0二0年十月十日", "2020-10-10"),
    ("202394", "2023-09-04"),
    ("2023626", "2023-06-26"),
    ("20221231", "2022-12-31"),
    ("2023 5 10 日", "2023-05-10"),
    ("(2018年7月2日)", "2018-07-02"),
    ("２０２２年８月２９日", None),  # parse_date reads cleaned text; see test_extract_date for raw input
    ("2023年2月30日", None),
    ("无日期", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("正文。\n\n某某县民政局\n2022年6月9日\n", "2022-06-09"),
    ("正文。\n某某县民政局\n２０２２年８月２９日", "2022-08-29"),
    ("正文。\n              202394\n", "2023-09-04"),
    ("正文。\n常山县人民政府办公室\n2023626\n", "2023-06-26"),
    ("发布时间:2022-07-29 11:22\n正文。\n", None),
    ("发布日期:\n2022年7月29日\n正文。", None),
    ("成文日期: 2023-06-26\n正文。", "2023-06-26"),
    ("正文。\n二〇二二年七月二十三日", "2022-07-23"),
    ("正文于2022年7月1日召开会议。", None),
    ("标题\n(2018年7月2日)\n正文。", "2018-07-02"),
])
def test_extract_date(text, expected):
    doc = extract_document(text)
    assert (doc.date.value if doc.date else None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("〔办理类型 B〕", "B"), ("〔办理类型〕〔A〕", "A"), ("办理结果:B", "B"), ("办理结果：C", "C"),
    ("类 别: B", "B"), ("类别：A", "A"), ("答复类别:A类", "A"), ("标明A类;列入计划的,标明B类", None),
    ("答复类别:所提问题已解决的", None), ("", None),
])
def test_handling_type(text, expected):
    found = find_handling_type(clean_text(text))
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("〔是否公开 是〕", True), ("〔是否公开〕〔是〕", True), ("是否公开：否", False), ("公开方式: 主动公开", True),
    ("公开方式 主动公开", True), ("（此件公开发布）", True), ("(此件公开发布)", True), ("（此件不公开）", False),
    ("公开属性：主动公开", True), ("发布时间:2022-07-29", None),
])
def test_public(text, expected):
    assert find_public(clean_text(text)) is expected


@pytest.mark.parametrize(("title", "expected"), [
    ("国务院关于加强和完善城乡社区治理的意见", True), ("某市社区工作准入事项管理办法（试行）", True),
    ("某省“十四五”公共服务规划", True), ("某区社区权力清单及运行规范", True), ("中华人民共和国城乡规划法", True),
    ("某县村级各项规章制度指导性意见", True), ("某市和谐社区建设考核办法", True), ("某市社区开具证明清单", True),
    ("关于补助资金的请示", True), ("某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", True),
    ("某县人民政府关于某事的批复", True), ("某市政府工作报告", True), ("某局2021年工作要点", True),
    ("某市物业管理条例", True), ("某区公开目录", True), ("某区推进方案(2021年版)", True),
    ("“四共”良方化解广场治理难题", False), ("居民总动员，“荒废绿地”变“禾睦花园”", False),
    ("人民日报", False), ("论语", False), ("社工助力，舞龙队激发乡村振兴新活力", False),
])
def test_is_official_title(title, expected):
    assert is_official_title(title) is expected


HEADERS = [
    # (text, issuer, doc_number, title, doc_type)
    ("成都市武侯区民政局文件\n武民函〔2023〕12号\n关于区十九届人大二次会议第45号建议答复的函\n王芳代表:\n您提出的建议收悉。",
     "成都市武侯区民政局", "武民函〔2023〕12号", "关于区十九届人大二次会议第45号建议答复的函", "函"),
    ("南宁市青秀区人民政府办公室文件\n青政办发[2021]8号\n南宁市青秀区人民政府办公室关于印发《青秀区养老服务\n实施方案》的通知\n各镇人民政府:\n现将《青秀区养老服务实施方案》印发给你们。",
     "南宁市青秀区人民政府办公室", "青政办发[2021]8号", "南宁市青秀区人民政府办公室关于印发《青秀区养老服务实施方案》的通知", "通知"),
    ("哈尔滨市道里区住房和城乡建设局\n关于对区政协十五届一次会议\n第12号提案的答复\n尊敬的刘强委员:\n您提出的提案收悉。",
     "哈尔滨市道里区住房和城乡建设局", None, "哈尔滨市道里区住房和城乡建设局关于对区政协十五届一次会议第12号提案的答复", "答复"),
    ("关于加强社区建设的实施意见\n发布日期:2020-01-02\n\n甘委发〔2020〕3号\n\n中共甘州区委  甘州区人民政府\n\n关于加强社区建设的\n\n实施意见\n(2019年12月30日)\n\n为加强社区建设,现提出如下意见。",
     "中共甘州区委 甘州区人民政府", "甘委发〔2020〕3号", "关于加强社区建设的实施意见", "实施意见"),
    ("索引号: 123/2022-0001\n发布机构: 县教育局\n名称: 关于对县三届人大一次会议第9号建议的答复函\n文号:\n关于对县三届人大一次会议第9号建议的答复函\n张伟、李娜等代表\n提出的关于改善校园环境的建议收悉。现答复如下:",
     "县教育局", None, "关于对县三届人大一次会议第9号建议的答复函", "答复函"),
    ("大连市人民政府文件\n大政发〔2022〕5号\n大连市人民政府关于加快\n发展数字经济的意见\n各区市县人民政府,市政府各委办局:\n为加快发展数字经济,现提出如下意见",
     "大连市人民政府", "大政发〔2022〕5号", "大连市人民政府关于加快发展数字经济的意见", "意见"),
    ("只有一行字，没有公文要素", None, None, None, None),
    ("", None, None, None, None),
]


@pytest.mark.parametrize(("text", "issuer", "number", "title", "doc_type"), HEADERS)
def test_header(text, issuer, number, title, doc_type):
    record = document_to_json(extract_document(text))
    assert (record["issuer"], record["doc_number"], record["title"], record["doc_type"]) == (
        issuer, number, title, doc_type)


@pytest.mark.parametrize(("text", "name", "role"), [
    ("标题\n尊敬的李莹波委员:\n您好。", "李莹波", "委员"),
    ("标题\n余静代表：\n您提出的。", "余静", "代表"),
    ("标题\n佘 富代表:\n您提出的。", "佘富", "代表"),
    ("标题\n张三、李四等代表:\n提出的建议收悉。", "张三、李四", "代表"),
    ("标题\n欧阳娜娜委员:\n提出的。", "欧阳娜娜", "委员"),
    ("标题\n民革界别委员活动小组:\n感谢。", "民革界别委员活动小组", "委员"),
    ("标题\n各乡镇人民政府:\n现将。", None, None),
])
def test_addressee(text, name, role):
    record = document_to_json(extract_document(text))
    got = record["addressee"] or {}
    assert (got.get("name"), got.get("role")) == (name, role)


@pytest.mark.parametrize(("text", "expected"), [
    ("(联系人及电话:杨雕 68220583)", [("杨雕", "联系人", "68220583")]),
    ("联系人及电话：严国群、15912196752", [("严国群", "联系人", "15912196752")]),
    ("联 系 人:林敏捷\n联系电话:3296253", [("林敏捷", "联系人", "3296253")]),
    ("联系人：王小明，电话：0871-68220583", [("王小明", "联系人", "0871-68220583")]),
    ("签发人:高继强", [("高继强", "签发人", None)]),
    ("领导署名:佘 富", [("佘富", "领导署名", None)]),
    ("由局长张建强同志任组长", [("张建强", "局长", None)]),
    ("组长谭颂、副组长徐小琴,成员陈书文、彭军", [("谭颂", "组长", None), ("徐小琴", "副组长", None),
                                           ("陈书文", "成员", None), ("彭军", "成员", None)]),
    ("局长亲自带队前往", []),
])
def test_persons(text, expected):
    record = document_to_json(extract_document("正文。\n" + text))
    assert [(p["name"], p["role"], p["phone"]) for p in record["persons"]] == expected


@pytest.mark.parametrize(("body", "cited", "links", "others", "attached"), [
    ("根据《国务院关于X的意见》(国发〔2021〕1号)。", ["国务院关于X的意见"], [("国发〔2021〕1号", "国务院关于X的意见")], [], []),
    ("根据国发〔2021〕1号《国务院关于X的意见》。", ["国务院关于X的意见"], [("国发〔2021〕1号", "国务院关于X的意见")], [], []),
    ("贯彻《省委印发〈关于Y的实施意见〉的通知》(省办发〔2020〕3号)。",
     ["省委印发〈关于Y的实施意见〉的通知", "关于Y的实施意见"], [("省办发〔2020〕3号", "省委印发〈关于Y的实施意见〉的通知")], [], []),
    ("形成《“四共”良方化解广场治理难题》等案例。", [], [], ["“四共”良方化解广场治理难题"], []),
    ("现将《某县养老服务实施方案》印发给你们,请认真执行。", [], [], [], ["某县养老服务实施方案"]),
    ("作出了《若干重大问题的决定》。《决定》指出。", ["若干重大问题的决定"], [], [], []),
    ("印发了《某区社工站建设方案(试行)》(某民通〔2021〕35号)。", ["某区社工站建设方案(试行)"],
     [("某民通〔2021〕35号", "某区社工站建设方案(试行)")], [], []),
])
def test_citations(body, cited, links, others, attached):
    record = document_to_json(extract_document("某局文件\n某函〔2023〕1号\n关于X的通知\n各单位:\n" + body))
    assert record["cited_titles"] == cited
    assert [(l["doc_number"], l["title"]) for l in record["citation_links"]] == links
    assert record["other_titled_works"] == others
    assert record["issues_attached"] == attached


@pytest.mark.parametrize("text", [
    "", "\n\n\n", "《", "》《", "〔2022〕", "关于", "代表:", "抄送:", "联系人:", "2023年13月45日", "20231399",
    "一" * 5000, "《" * 300 + "》" * 300, "\x00\x01\ufffd", "索引号:\n文号:\n名称:\n", "号" * 100,
    "国办发〔2021", "尊敬的代表:", "第号建议", "(此件", "正文截断于半句话，没有结尾",
])
def test_odd_input_gives_a_document(text):
    record = document_to_json(extract_document(text, file="odd.txt"))
    assert record["file"] == "odd.txt"
    for key, spans in record["spans"].items():
        for span in spans if isinstance(spans, list) and spans and isinstance(spans[0], list) else ([spans] if spans else []):
            assert 0 <= span[0] <= span[1] <= len(text), key


def test_spans_point_into_the_source():
    text = "昆明市西山区民政局文件\n西民函［２０２３］５３号\n关于第228号 建议答复的函\n余静代表：\n按照《实施意见》（西办通〔2022〕54号）执行。"
    record = document_to_json(extract_document(text))
    start, end = record["spans"]["doc_number"]
    assert text[start:end] == record["doc_number"] == "西民函［２０２３］５３号"
    assert record["doc_number_canonical"] == "西民函〔2023〕53号"
    start, end = record["spans"]["cited_doc_numbers"][0]
    assert text[start:end] == "西办通〔2022〕54号"
    assert record["title"] == "关于第228号建议答复的函"
