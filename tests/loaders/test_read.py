"""Reading documents (bytes → text): encodings, formats, bad input, and the round trip through every format
the acceptance renderer (/work/shared/acceptance/lib/render_formats.py) produces."""
import codecs
import hashlib
import html
import io
import random
import re
import zipfile
from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from gongwen.loaders.read import (
    DOCX, HTML, PDF, TEXT, PdfLine, ReadError, SourceText, decode_html, decode_text, docx_text, html_text,
    is_page_number, iter_sources, join_wrapped_lines, markup_text, pdf_text, read_file,
)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted([*ROOT.glob("loaders/sample_corpus/*.txt"), *ROOT.glob("tests/fixtures/devset/docs/*.txt")])

REPLY = "西民函〔2023〕53号\n余静代表：\n您提出的《关于引入社会力量的建议》收悉，现答复如下：\n"
NOTICE = "关于印发《常山县提升“助老三件事”服务能力的实施办法》的通知\n各乡(镇)人民政府、街道办事处:\n"
RARE = "朱镕基同志批示：抓紧落实。\n"  # 镕 is in GBK but not in GB2312
MIXED = "联系人：杨雕 68220583，Email: office@example.gov.cn\n"


# --- decoding ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("content", "codec", "expected_encoding"), [
    (REPLY, "utf-8", "utf-8"),
    (REPLY, "utf-8-sig", "utf-8-sig"),
    (REPLY, "gb2312", "gb18030"),
    (REPLY, "gbk", "gb18030"),
    (REPLY, "gb18030", "gb18030"),
    (REPLY, "utf-16", "utf-16"),
    (NOTICE, "utf-8", "utf-8"),
    (NOTICE, "gbk", "gb18030"),
    (NOTICE, "utf-16", "utf-16"),
    (RARE, "gbk", "gb18030"),
    (RARE, "utf-8-sig", "utf-8-sig"),
    (MIXED, "gb2312", "gb18030"),
    (MIXED, "utf-8", "utf-8"),
    ("ASCII only, 2023.\n", "utf-8", "utf-8"),
])
def test_decode_text_reads_each_encoding(content, codec, expected_encoding):
    assert decode_text(content.encode(codec)) == (content, expected_encoding)


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_decode_text_finds_utf16_by_its_bom_either_byte_order(bom, codec):
    assert decode_text(bom + REPLY.encode(codec)) == (REPLY, "utf-16")


def test_decode_text_strips_the_utf8_bom():
    text, _ = decode_text(codecs.BOM_UTF8 + REPLY.encode())
    assert text == REPLY and not text.startswith("\ufeff")


@pytest.mark.parametrize(("raw", "expected"), [
    ("一\r\n二\r\n", "一\n二\n"),
    ("一\r二\r", "一\n二\n"),
    ("一\n二", "一\n二"),
    ("一\r\n二\r三\n四", "一\n二\n三\n四"),
    ("一\r\n\r\n二", "一\n\n二"),
])
@pytest.mark.parametrize("codec", ["utf-8", "gb18030", "utf-16"])
def test_line_endings_become_newlines(raw, expected, codec):
    assert decode_text(raw.encode(codec))[0] == expected


def test_a_cp1251_file_is_decoded_by_detection():
    text, encoding = decode_text("Привет, это обычный текст документа.".encode("cp1251"))
    assert text == "Привет, это обычный текст документа." and encoding


# --- bad input: every one a ReadError naming the file, never a parser's traceback ---------------------------


def _seeded_bytes(n, seed=9704):
    """Noise as /dev/urandom gives it, but the same on every run."""
    return random.Random(seed).randbytes(n)


def _docx_bytes(*paragraphs):
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _zip_bytes(**members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _pdf_bytes(draw):
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    draw(canvas)
    canvas.save()
    return buffer.getvalue()


def _flip_middle(data):
    middle = len(data) // 2
    return data[:middle] + bytes(b ^ 0xFF for b in data[middle:middle + 64]) + data[middle + 64:]


def _future_zip_version(data):
    """The archive's first central-directory entry claims it needs zip version 9.1 to extract."""
    entry = data.index(b"PK\x01\x02")
    return data[:entry + 6] + bytes([91, 0]) + data[entry + 8:]


GOOD_DOCX = _docx_bytes("西民函〔2023〕53号", "余静代表：")
GOOD_PDF = _pdf_bytes(lambda c: c.drawString(72, 720, "Reply to proposal No. 228"))

BAD_INPUTS = [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b" \r\n\t\n", "is empty"),
    ("noise.txt", _seeded_bytes(4096), "is not text (binary data?)"),
    ("noise-without-nul.txt", _seeded_bytes(4096).replace(b"\x00", b""), "is not text (binary data?)"),
    ("noise.dat", _seeded_bytes(512, seed=2012), "is not text (binary data?)"),
    ("nul.txt", "西民函\x00〔2023〕53号".encode(), "is not text (binary data?)"),
    ("nul-gbk.txt", "西民函\x00\x00〔2023〕53号".encode("gbk"), "is not text (binary data?)"),
    ("truncated-head.docx", GOOD_DOCX[:100], ".docx is damaged or not a Word file"),
    ("truncated-half.docx", GOOD_DOCX[: len(GOOD_DOCX) // 2], ".docx is damaged or not a Word file"),
    ("truncated-tail.docx", GOOD_DOCX[:-10], ".docx is damaged or not a Word file"),
    ("flipped.docx", _flip_middle(GOOD_DOCX), ".docx is damaged or not a Word file"),
    ("future-zip.docx", _future_zip_version(GOOD_DOCX), ".docx is damaged or not a Word file"),
    ("plain-zip.docx", _zip_bytes(**{"readme.txt": "not a word file"}), ".docx is damaged or not a Word file"),
    ("xml-junk.docx", _zip_bytes(**{"[Content_Types].xml": "<Types"}), ".docx is damaged or not a Word file"),
    ("text.docx", REPLY.encode(), ".docx is damaged or not a Word file"),
    ("blank.docx", _docx_bytes("", "  "), "is empty"),
    ("no-text-layer.pdf", _pdf_bytes(lambda c: c.rect(72, 72, 300, 500, fill=1)), "has no text layer (scanned?)"),
    ("truncated.pdf", GOOD_PDF[: len(GOOD_PDF) // 2], "is damaged or not a PDF"),
    ("text.pdf", REPLY.encode(), "is damaged or not a PDF"),
    ("locked.pdf", _pdf_bytes(lambda c: (c.setEncrypt("secret"), c.drawString(72, 720, "x"))), "is password-protected"),
    ("scripts-only.html", b"<html><script>var a = 1;</script><nav>\xe9\xa6\x96\xe9\xa1\xb5</nav></html>", "is empty"),
    ("noise.html", b"<html>" + _seeded_bytes(2048), "is not text (binary data?)"),
    ("declared-noise.html", b'<meta charset="latin-1">' + _seeded_bytes(2048), "is not text (binary data?)"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_raises_read_error_with_path_and_one_line_message(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError) as caught:
        read_file(path)
    assert caught.value.path == str(path)
    assert str(caught.value).startswith(f"{path}: {message}")
    assert "\n" not in str(caught.value) and ": " in caught.value.message  # what is wrong: what to do


def _mutants(data, count, seed):
    """Seeded corruptions of a good file: bytes overwritten, a run deleted, or noise inserted."""
    rng = random.Random(seed)
    for _ in range(count):
        mutant, start = bytearray(data), rng.randrange(len(data))
        mode = rng.randrange(3)
        if mode == 0:
            for _ in range(rng.randint(1, 30)):
                mutant[rng.randrange(len(mutant))] = rng.randrange(256)
        elif mode == 1:
            del mutant[start:start + rng.randint(1, 500)]
        else:
            mutant[start:start] = rng.randbytes(rng.randint(1, 200))
        yield bytes(mutant)


@pytest.mark.parametrize("reader, good", [
    (docx_text, GOOD_DOCX), (pdf_text, GOOD_PDF), (html_text, '<meta charset="gbk"><p>答复</p>'.encode("gbk"))])
def test_corrupted_files_give_text_or_read_error_never_another_exception(reader, good):
    for mutant in _mutants(good, 150, seed=9704):
        try:
            assert isinstance(reader(mutant), str)
        except ReadError:
            pass


@pytest.mark.parametrize(("make", "message"), [
    (lambda tmp: tmp, "is a folder"),
    (lambda tmp: tmp / "missing.txt", "does not exist"),
    (lambda tmp: Path("/dev/zero"), "is not a regular file"),
])
def test_paths_that_are_not_files_raise_read_error(tmp_path, make, message):
    with pytest.raises(ReadError, match=message):
        read_file(make(tmp_path))


# --- read_file ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "data", "media_type", "encoding", "text"), [
    ("reply.txt", REPLY.encode("gbk"), TEXT, "gb18030", REPLY),
    ("reply.TXT", REPLY.replace("\n", "\r\n").encode("utf-8-sig"), TEXT, "utf-8-sig", REPLY),
    ("reply.md", REPLY.encode("utf-16"), TEXT, "utf-16", REPLY),
    ("reply", REPLY.encode(), TEXT, "utf-8", REPLY),
    ("reply.docx", GOOD_DOCX, DOCX, None, "西民函〔2023〕53号\n余静代表："),
    ("reply.pdf", GOOD_PDF, PDF, None, "Reply to proposal No. 228"),
    ("page.shtml", "<!DOCTYPE html><p>答复</p>".encode("gbk"), HTML, "gb18030", "答复"),
    ("page.HTM", '<meta charset="utf-8"><p>答复</p>'.encode(), HTML, "utf-8", "答复"),
    ("renamed.dat", GOOD_PDF, PDF, None, "Reply to proposal No. 228"),
])
def test_read_file_picks_the_reader_and_records_the_source(tmp_path, name, data, media_type, encoding, text):
    path = tmp_path / name
    path.write_bytes(data)
    source = read_file(str(path))
    assert source == SourceText(text=text, sha256=hashlib.sha256(data).hexdigest(), media_type=media_type,
                                encoding=encoding, path=str(path))


# --- .docx ----------------------------------------------------------------------------------------------


def test_docx_keeps_tables_in_place_and_leaves_out_headers():
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "页眉：不属于正文"
    document.sections[0].footer.paragraphs[0].text = "— 1 —"
    document.add_paragraph("关于第228号建议答复的函")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(table.rows, [("序号", "项目", "金额"), ("1", "社工站", "30万元"), ("2", "", "")]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    table.cell(2, 1).merge(table.cell(2, 2)).text = "合计 30万元"  # a horizontal merge is one cell
    table.cell(0, 0).add_paragraph("(编号)")  # two paragraphs in one cell stay on the row's line
    document.add_paragraph("以上答复，如有不妥，请批评指正。")
    buffer = io.BytesIO()
    document.save(buffer)
    assert docx_text(buffer.getvalue()) == (
        "关于第228号建议答复的函\n"
        "序号 (编号) | 项目 | 金额\n"
        "1 | 社工站 | 30万元\n"
        "2 | 合计 30万元\n"
        "以上答复，如有不妥，请批评指正。")


def test_docx_vertically_merged_cell_text_appears_once():
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "抄送"
    table.cell(0, 1).text, table.cell(1, 1).text = "市人大常委会", "区政府办公室"
    buffer = io.BytesIO()
    document.save(buffer)
    assert docx_text(buffer.getvalue()) == "抄送 | 市人大常委会\n区政府办公室"


# --- .pdf -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    ("— 1 —", True), ("—1—", True), ("- 2 -", True), ("－ 12 －", True), ("第 3 页", True), ("第3页", True),
    ("第 3 页 共 10 页", True), ("共10页 第3页", True), ("Page 4 of 9", True),
    ("2023", False), ("一、总体要求", False), ("第三条", False), ("— 第一章 —", False), ("第228号建议", False),
])
def test_is_page_number(line, expected):
    assert is_page_number(line) is expected


def _line(text, x1=522.0, x0=72.0):
    return PdfLine(text, x0, x1, 12.0)


@pytest.mark.parametrize(("lines", "expected"), [
    ([_line("根据《关于加强"), _line("社区治理的意见》精神。", 204)], "根据《关于加强社区治理的意见》精神。"),
    ([_line("前言。"), _line("全区共建成", 500), _line("社工站10个。", 150)],
     "前言。\n全区共建成社工站10个。"),  # 22 pt short of the edge: CJK line-breaking slack
    ([_line("前言。"), _line("全区共建成", 490), _line("社工站10个。", 150)],
     "前言。\n全区共建成\n社工站10个。"),  # 32 pt short: the paragraph ended
    ([_line("现答复如下："), _line("一、基本情况", 144)], "现答复如下：\n一、基本情况"),  # sentence end
    ([_line("感谢您的关心。”"), _line("联系人", 108)], "感谢您的关心。”\n联系人"),
    ([_line("第一段末行"), _line("第二段首行", 200, x0=96)], "第一段末行\n第二段首行"),  # indented: new paragraph
    ([_line("Reply to the"), _line("deputy.", 120)], "Reply to the deputy."),
    ([_line("编号2023-"), _line("06号", 120)], "编号2023-06号"),
])
def test_join_wrapped_lines(lines, expected):
    assert join_wrapped_lines(lines) == expected


def _cjk_pdf(pages):
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

    def draw(canvas):
        for number, lines in enumerate(pages, start=1):
            canvas.setFont("STSong-Light", 12)
            for row, line in enumerate(lines):
                canvas.drawString(72, 760 - 18 * row, line)
            canvas.drawCentredString(297, 40, f"— {number} —")
            canvas.showPage()

    return _pdf_bytes(draw)


def test_pdf_drops_page_numbers_and_keeps_pages_in_order():
    data = _cjk_pdf([["西民函〔2023〕53号", "余静代表："], ["以上答复，如有不妥，请批评指正。"]])
    assert pdf_text(data) == "西民函〔2023〕53号\n余静代表：\n以上答复，如有不妥，请批评指正。"


def test_pdf_joins_a_paragraph_wrapped_across_a_page_break():
    full = "根据《关于加快推进社区治理高质量发展的实施意见》要求我局会同有关部门开展"  # 37 chars: 444 pt wide
    data = _cjk_pdf([["余静代表：", full], ["专项调研。", "一、基本情况"]])
    assert pdf_text(data) == f"余静代表：\n{full}专项调研。\n一、基本情况"


# --- .html ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("markup", "expected"), [
    ("<p>一</p><p>二</p>", "一\n二"),
    ("<div>一<br>二<br/>三</div>", "一\n二\n三"),
    ("<p>您提出的建议\n    收悉。</p>", "您提出的建议收悉。"),  # a source line break inside Chinese is no space
    ("<p>Email:\n  office@example.gov.cn</p>", "Email: office@example.gov.cn"),
    ("<p>办理&nbsp;类型&lt;B&gt;</p>", "办理 类型<B>"),
    ("<ul><li>一<li>二</ul>", "一\n二"),  # unclosed <li>
    ("<p>正文<span style='display:none'>隐藏</span></p><div hidden>也隐藏</div>", "正文"),
    ("<header>门户网站</header><article><header><h1>答复函</h1></header><p>正文</p></article>", "答复函\n正文"),
    ("<footer>主办单位：某某</footer><p>正文</p>", "正文"),
    ("<nav><a>首页</a></nav><div id='breadcrumb'>首页 &gt; 政务公开</div><p>正文</p>", "正文"),
    ("<div class='bread-nav'>首页</div><div class='article'><p>正文</p></div>", "正文"),
    # a chrome-like class around everything: classes are ignored, chrome lines still dropped
    ("<div class='main-menu-content'><p>当前位置：首页</p><p>正文</p></div>", "正文"),
    ("<p>当前位置：首页 &gt; 政务公开</p><p>字号：[大 中 小]</p><p>正文</p><p>扫一扫在手机打开当前页</p>", "正文"),
    ("<p>发布时间:2023-11-03 09:33 来源:市水利局 浏览次数: 字体:[ ]</p>",
     "发布时间:2023-11-03 09:33 来源:市水利局 浏览次数: 字体:[ ]"),  # kept: a date, not a widget
    ("<p>正文</p><p>版权所有：某某人民政府</p><p>滇ICP备05001234号</p>", "正文"),
    ("<table><tr><td>索引号：</td><td>1234/2023</td><td>发布机构：</td><td>西山区民政局</td></tr>"
     "<tr><td>文号：</td><td></td><td>成文日期：</td><td>2023-06-26</td></tr></table>",
     "索引号：1234/2023\n发布机构：西山区民政局\n文号：\n成文日期：2023-06-26"),
    ("<table><tr><th>索引号</th><td>1234/2023</td></tr><tr><th>有效性</th><td>有效</td></tr></table>",
     "索引号：1234/2023\n有效性：有效"),
    ("<table><tr><td>序号</td><td>项目</td></tr><tr><td>1</td><td>社工站<p>建设</p></td></tr></table>",
     "序号 | 项目\n1 | 社工站 建设"),
    ("<p>前</p><table><tr><td>外<table><tr><td>内1</td><td>内2</td></tr></table></td></tr></table><p>后</p>",
     "前\n外 内1 | 内2\n后"),
    ("<p>一</div></span>二</p>", "一二"),  # stray end tags are ignored
    ("<![if !supportLists]>1.<![endif]>正文<![foo]>", "1.正文"),  # Word-exported marked sections
    ("<p>a<![CDATA[b]]>c</p>", "ac"),
])
def test_markup_text(markup, expected):
    assert markup_text(markup) == expected


GOV_PAGE = """<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于第228号建议的答复 - 青阳区人民政府</title><style>.a{color:red}</style></head>
<body><header class="site-head"><img src="logo.png"><span>青阳区人民政府门户网站</span></header>
<ul class="main-nav"><li><a>首页</a></li><li><a>政务公开</a></li></ul>
<div class="position">您现在的位置：<a>首页</a> &gt; <a>建议提案</a></div>
<table class="xxgk"><tr><th>索引号</th><td>11530112/2023-00012</td><th>发布机构</th><td>青阳区民政局</td></tr>
<tr><th>文号</th><td>青民函〔2023〕53号</td><th>成文日期</th><td>2023-07-10</td></tr></table>
<div class="article"><h1>关于青阳区第十七届人大二次会议第228号建议答复的函</h1>
<div class="info">发布时间：2023-07-12 09:30 来源：区民政局 <span>浏览次数：<script>document.write(88)</script></span></div>
<div class="content">
<p>&nbsp;&nbsp;余静代表：</p>
<p style="text-indent:2em">您提出的《关于引入社会力量参与社区治理的建议》收悉，现答复如下：</p>
<p>　　根据《青阳区“五社联动”实施意见》（青办通〔2022〕54号），<br>我局推动建成社工站10个。</p>
<table border="1"><tr><td>项目</td><td>数量</td></tr><tr><td>社工站</td><td>10个</td></tr></table>
<p align="right">青阳区民政局</p><p align="right">2023年7月10日</p>
</div>
<div class="tools">【打印本页】【关闭窗口】</div>
<div class="bdsharebuttonbox">分享到：<a class="bds_weixin"></a></div>
</div>
<footer><p>主办单位：青阳区人民政府办公室</p><p>滇ICP备05001234号-1</p></footer>
</body></html>"""


def test_a_government_page_keeps_metadata_and_article_only():
    assert html_text(GOV_PAGE.encode("gb18030")) == "\n".join([
        "索引号：11530112/2023-00012", "发布机构：青阳区民政局", "文号：青民函〔2023〕53号", "成文日期：2023-07-10",
        "关于青阳区第十七届人大二次会议第228号建议答复的函",
        "发布时间：2023-07-12 09:30 来源：区民政局 浏览次数：",
        "余静代表：",
        "您提出的《关于引入社会力量参与社区治理的建议》收悉，现答复如下：",
        "根据《青阳区“五社联动”实施意见》（青办通〔2022〕54号），", "我局推动建成社工站10个。",
        "项目 | 数量", "社工站 | 10个",
        "青阳区民政局", "2023年7月10日",
    ])


@pytest.mark.parametrize(("data", "expected"), [
    ('<meta charset="gb2312"><p>朱镕基</p>'.encode("gb18030"), ("朱镕基", "gb18030")),
    ('<meta http-equiv="Content-Type" content="text/html; charset=GBK"><p>答复</p>'.encode("gbk"), ("答复", "gb18030")),
    ('<meta charset="utf-8"><p>答复</p>'.encode("gbk"), ("答复", "gb18030")),  # declared wrongly: detected
    ('<meta charset="x-unknown"><p>答复</p>'.encode(), ("答复", "utf-8")),
    ("<p>答复函</p>".encode("gbk"), ("答复函", "gb18030")),  # no declaration: detected
    (codecs.BOM_UTF8 + '<meta charset="gbk"><p>答复</p>'.encode(), ("答复", "utf-8-sig")),  # the BOM wins
])
def test_html_charset(data, expected):
    markup, encoding = decode_html(data)
    assert (html_text(data), encoding) == expected
    assert "\r" not in markup


# --- round trip through the acceptance renderer's formats -------------------------------------------------

# The page template of /work/shared/acceptance/lib/render_formats.py: the chrome every rendered page carries.
PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{title} - 人民政府门户网站</title>
<script>var _hmt = _hmt || [];</script></head>
<body><div class="top">无障碍浏览 | 长者模式 | 繁體</div>
<div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hdjl">互动交流</a> <a href="/bsfw">办事服务</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; 政务公开 &gt; 建议提案办理</div>
<div class="meta">字号：[大 中 小] 浏览次数：1024</div>
<div class="article">
{body}
</div>
<div class="share">扫一扫在手机打开当前页</div>
<div class="footer">主办单位：人民政府办公室 版权所有 ICP备05001234号 政府网站标识码 5301120001</div>
</body></html>
"""


def _render(lines, fmt):
    """The document as render_formats.py renders it: one paragraph per line."""
    if fmt == "docx":
        return _docx_bytes(*lines)
    if fmt == "pdf":
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=12, leading=18, wordWrap="CJK")
        buffer = io.BytesIO()
        SimpleDocTemplate(buffer, pagesize=A4).build(
            [Paragraph(html.escape(line), style) for line in lines if line.strip()])
        return buffer.getvalue()
    charset = {"html-utf8": "utf-8", "html-gb2312": "gb2312"}[fmt]
    page = PAGE.format(charset=charset, title=html.escape(next((line for line in lines if line.strip()), "")),
                       body="\n".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip()))
    return page.encode("gb18030" if charset == "gb2312" else "utf-8")


def _squashed_lines(text):
    return [re.sub(r"\s+", "", line) for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("fmt", ["docx", "html-utf8", "html-gb2312", "pdf"])
@pytest.mark.parametrize("source", CORPUS, ids=[p.name for p in CORPUS])
def test_every_rendering_reads_back_as_the_original_lines(tmp_path, source, fmt):
    original = source.read_text(encoding="utf-8")
    rendered = tmp_path / f"{source.stem}.{fmt.split('-')[0]}"
    rendered.write_bytes(_render(original.split("\n"), fmt))
    got = _squashed_lines(read_file(rendered).text)
    expected = _squashed_lines(original)
    if fmt != "pdf":
        assert got == expected
        return
    # STSong-Light draws nothing for U+2022 "•", so the PDF never holds it.
    expected = [line.replace("•", "") for line in expected]
    assert "".join(got) == "".join(expected)
    # A PDF without paragraph indents cannot tell a paragraph whose last line fills the width from a wrapped
    # one: the reader may split a paragraph after a sentence end, but must never glue two paragraphs.
    boundaries = {sum(map(len, expected[:i])) for i in range(1, len(expected))}
    assert boundaries <= {sum(map(len, got[:i])) for i in range(1, len(got))}


def test_corpus_is_there():
    assert len(CORPUS) == 21


# --- iter_sources ---------------------------------------------------------------------------------------


def test_iter_sources_expands_folders_sorted_and_skips_hidden(tmp_path):
    for name in ["b/2.PDF", "b/1.docx", "a.txt", "c/d/e.htm", "c/page.html", "notes.png", ".hidden.txt",
                 ".git/x.txt", "b/~$1.docx"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    explicit = tmp_path / "notes.png"
    found = [p.relative_to(tmp_path).as_posix() for p in iter_sources([tmp_path, explicit])]
    assert found == ["a.txt", "b/1.docx", "b/2.PDF", "c/d/e.htm", "c/page.html", "notes.png"]


def test_characters_the_noise_count_skips_are_never_noise():
    """is_plausible_text counts noise only among characters outside the common blocks; none inside is noise."""
    from gongwen.loaders.read import _UNCOMMON, _is_noise

    skipped = [chr(i) for i in range(0x110000) if not _UNCOMMON.match(chr(i))]
    assert len(skipped) > 20_000
    assert not [hex(ord(ch)) for ch in skipped if _is_noise(ch)]
