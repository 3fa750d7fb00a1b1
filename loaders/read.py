"""Read a document file into text (bytes → text): plain text in any common Chinese encoding, .docx, .pdf, .html.

:func:`read_file` is the only function here that touches the file system; each format has a pure
``bytes → text`` helper beside it. All text comes back with ``\\n`` line endings, and every later span is an
offset into that returned text. Bad input raises :class:`ReadError`, whose message says what is wrong with the
file and what to do about it, never a traceback from a parser.

Which chrome a government web page carries, and what a running PDF page number looks like, are data:
``data/read_chrome.yaml``.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path

import charset_normalizer
import docx
import pdfplumber
import yaml
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

TEXT = "text/plain"
HTML = "text/html"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

MEDIA_TYPES = {".txt": TEXT, ".docx": DOCX, ".pdf": PDF, ".html": HTML, ".htm": HTML}
SUPPORTED_SUFFIXES = frozenset(MEDIA_TYPES)

# Past this share of control, unassigned, private-use or replacement characters a decoding is noise, not
# text: real 公文 have none or a handful (a PUA glyph for a rare name), decoded binary has ~10 %.
MAX_NOISE_RATIO = 0.02

NOT_TEXT = "is not text (binary data?): pass a .txt, .docx, .pdf or .html document"
DAMAGED_DOCX = ".docx is damaged or not a Word file: open it in Word or WPS and save it again as .docx"
NO_TEXT_LAYER = "has no text layer (scanned?): OCR it first, then load the OCR output"
DAMAGED_PDF = "is damaged or not a PDF: open it in a PDF viewer and save or print it again"


class ReadError(ValueError):
    """A file that cannot be read as a document; ``str(err)`` is one line: the file, the problem, the remedy.

    >>> str(ReadError("is empty: nothing to load", "a/b.txt"))
    'a/b.txt: is empty: nothing to load'
    """

    def __init__(self, message: str, path: str | os.PathLike | None = None) -> None:
        self.message = message
        self.path = None if path is None else str(path)
        super().__init__(message if path is None else f"{path}: {message}")


@dataclass(frozen=True)
class SourceText:
    """The text of one source file, with the SHA-256 of its bytes (the document's content identity)."""

    text: str
    sha256: str
    media_type: str
    encoding: str | None
    path: str


def read_file(path: str | os.PathLike) -> SourceText:
    """Read one document file, choosing the reader by extension (by content for other extensions).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     sample = Path(folder, "reply.txt")
    ...     _ = sample.write_bytes("西民函〔2023〕53号\\r\\n".encode("gb18030"))
    ...     source = read_file(sample)
    >>> source.text, source.encoding, source.media_type
    ('西民函〔2023〕53号\\n', 'gb18030', 'text/plain')
    """
    path = Path(path)
    if path.exists() and not path.is_dir() and not path.is_file():  # reading /dev/zero would never end
        raise ReadError("is not a regular file (a device or pipe?): pass a document file", path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ReadError("is a folder: pass the files in it (iter_sources expands folders)", path) from None
    except FileNotFoundError:
        raise ReadError("does not exist: check the path", path) from None
    except OSError as err:
        raise ReadError(f"cannot be read ({err.strerror}): check its permissions", path) from None
    if not data:
        raise ReadError("is empty: nothing to load; remove it or export the document again", path)
    media_type = media_type_of(path.name, data)
    try:
        text, encoding = _extract(media_type, data)
    except ReadError as err:
        raise ReadError(err.message, path) from None
    if not text.strip():
        raise ReadError("is empty: it holds no text; check it opens with content", path)
    return SourceText(text=text, sha256=hashlib.sha256(data).hexdigest(), media_type=media_type,
                      encoding=encoding, path=str(path))


def _extract(media_type: str, data: bytes) -> tuple[str, str | None]:
    if media_type == DOCX:
        return docx_text(data), None
    if media_type == PDF:
        return pdf_text(data), None
    if media_type == HTML:
        markup, encoding = decode_html(data)
        return markup_text(markup), encoding
    return decode_text(data)


def media_type_of(name: str, data: bytes) -> str:
    """The media type by extension, or for an unknown extension by the content's first bytes (else text).

    >>> media_type_of("d06.jhtml", b"<!DOCTYPE html><html>")
    'text/html'
    >>> media_type_of("scan", b"%PDF-1.7"), media_type_of("notes.md", "# 标题".encode())
    ('application/pdf', 'text/plain')
    """
    suffix = Path(name).suffix.lower()
    if suffix in MEDIA_TYPES:
        return MEDIA_TYPES[suffix]
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"PK\x03\x04"):
        return DOCX
    if re.search(rb"<(!doctype\s+html|html|head|body)[\s>]", data[:1024], re.IGNORECASE):
        return HTML
    return TEXT


def iter_sources(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Each path given, with folders expanded recursively to their supported documents, sorted.

    Hidden files and folders and Word lock files (``~$name.docx``) are skipped; a file named explicitly is
    yielded whatever its extension, so that :func:`read_file` can report on it.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     for name in ("b/2.pdf", "a.txt", ".git/x.txt", "b/~$1.docx", "b/1.docx", "c.png"):
    ...         Path(folder, name).parent.mkdir(exist_ok=True)
    ...         _ = Path(folder, name).write_bytes(b"x")
    ...     [p.relative_to(folder).as_posix() for p in iter_sources([folder])]
    ['a.txt', 'b/1.docx', 'b/2.pdf']
    """
    for given in paths:
        root = Path(given)
        if not root.is_dir():
            yield root
            continue
        found = (p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        yield from sorted(p for p in found if not _is_hidden(p.relative_to(root)))


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts) or relative.name.startswith("~$")


# --- plain text -----------------------------------------------------------------------------------------


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes of unknown encoding to text with ``\\n`` line endings; return (text, encoding).

    Tried in order: strict UTF-8 (a BOM stripped), UTF-16 by its BOM, strict GB18030 (which covers GB2312
    and GBK), then charset-normalizer's guess; the first decoding that is plausible text wins.

    >>> decode_text("关于印发\\r\\n".encode("gbk"))
    ('关于印发\\n', 'gb18030')
    >>> decode_text(codecs.BOM_UTF8 + "答复".encode())
    ('答复', 'utf-8-sig')
    >>> decode_text(b"PK\\x03\\x04\\x14\\x00\\x06\\x00")
    Traceback (most recent call last):
    ...
    gongwen.loaders.read.ReadError: is not text (binary data?): pass a .txt, .docx, .pdf or .html document
    """
    if not data:
        raise ReadError("is empty: nothing to load; remove it or export the document again")
    for text, encoding in _decodings(data):
        text = normalize_newlines(text)
        if is_plausible_text(text):
            return text, encoding
    raise ReadError(NOT_TEXT)


def _decodings(data: bytes) -> Iterator[tuple[str, str]]:
    """Candidate decodings, most likely first, lazily (charset-normalizer is slow; it runs only if needed)."""
    strict = [("utf-8-sig", data[len(codecs.BOM_UTF8):])] if data.startswith(codecs.BOM_UTF8) else []
    strict.append(("utf-8", data))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        strict.append(("utf-16", data))
    strict.append(("gb18030", data))
    for encoding, payload in strict:
        try:
            yield payload.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    guess = charset_normalizer.from_bytes(data).best()
    # UTF-16/32 without a BOM is what charset-normalizer calls short binary (an even count of bytes always
    # decodes), and editors that write UTF-16 write the BOM.
    if guess is not None and not guess.encoding.startswith(("utf_16", "utf_32")):
        yield str(guess), guess.encoding


def normalize_newlines(text: str) -> str:
    r"""``\r\n`` and lone ``\r`` become ``\n``.

    >>> normalize_newlines("一\r\n二\r三")
    '一\n二\n三'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def is_plausible_text(text: str) -> bool:
    """False for decoded binary: any NUL, or too many control, unassigned, private-use or U+FFFD characters.

    >>> is_plausible_text("以上答复，如有不妥，请批评指正。\\n"), is_plausible_text("PK\\x03\\x04\\x14\\x00")
    (True, False)
    """
    if "\x00" in text:
        return False
    noise = sum(1 for ch in _UNCOMMON.findall(text) if _is_noise(ch))
    return noise <= MAX_NOISE_RATIO * len(text)


# Characters that are never noise, skipped in C before the per-character test: printable ASCII and the
# assigned blocks a 公文 is written in (general punctuation, CJK symbols, CJK unified ideographs, full-width
# forms). 0.5 ms a document saved at load.
_UNCOMMON = re.compile(r"[^\t\n\x20-\x7e\u2000-\u2064\u3000-\u303f\u4e00-\u9fff\uff01-\uffbe\uffe0-\uffe6]")


def _is_noise(ch: str) -> bool:
    if ch in "\t\n\f\v":
        return False
    return ch == "\ufffd" or unicodedata.category(ch) in {"Cc", "Cn", "Co", "Cs"}


# --- .docx ----------------------------------------------------------------------------------------------


def docx_text(data: bytes) -> str:
    """The body of a Word document: paragraphs and table rows (cells joined " | ") in document order.

    Headers, footers and footnotes are left out: they repeat on every page and are not the 公文 text.

    >>> document = docx.Document()
    >>> _ = document.add_paragraph("西民函〔2023〕53号")
    >>> row = document.add_table(rows=1, cols=2).rows[0]
    >>> row.cells[0].text, row.cells[1].text = "联系人", "杨雕 68220583"
    >>> buffer = io.BytesIO(); document.save(buffer)
    >>> docx_text(buffer.getvalue())
    '西民函〔2023〕53号\\n联系人 | 杨雕 68220583'
    """
    try:
        document = docx.Document(io.BytesIO(data))
    # zipfile reports a damaged archive as BadZipFile, zlib.error, EOFError or NotImplementedError (a garbled
    # version field); python-docx a missing part as KeyError or PackageNotFoundError, a wrong one as ValueError.
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, KeyError, PackageNotFoundError,
            etree.XMLSyntaxError, ValueError):
        raise ReadError(DAMAGED_DOCX) from None
    return normalize_newlines("\n".join(_docx_blocks(document.element.body, document)))


def _docx_blocks(container: etree._Element, parent: object) -> Iterator[str]:
    """One string per paragraph or table row, walking the body XML so tables keep their place in the text."""
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent).text
        elif child.tag == qn("w:tbl"):
            for tr in child.iterchildren(qn("w:tr")):
                cells = [" ".join(_docx_blocks(tc, parent)) for tc in tr.iterchildren(qn("w:tc"))
                         if tc.vMerge != "continue"]  # a vertically merged cell's text sits in its first row
                yield " | ".join(cell.strip() for cell in cells)
        elif child.tag == qn("w:sdt"):  # content controls wrap ordinary paragraphs and tables
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _docx_blocks(content, parent)


# --- .pdf -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PdfLine:
    """One text line of a PDF page with its horizontal extent and font size (in points)."""

    text: str
    x0: float
    x1: float
    size: float


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF, page by page, with running page numbers dropped and wrapped lines rejoined.

    >>> from reportlab.pdfgen.canvas import Canvas
    >>> buffer = io.BytesIO(); page = Canvas(buffer)
    >>> page.drawString(72, 720, "Reply No. 228"); page.drawString(290, 40, "- 1 -"); page.save()
    >>> pdf_text(buffer.getvalue())
    'Reply No. 228'
    """
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [page.extract_text_lines(return_chars=True) for page in pdf.pages]
    except PdfminerException as err:
        if err.args and isinstance(err.args[0], PDFEncryptionError):
            raise ReadError("is password-protected: save an unprotected copy and load that") from None
        raise ReadError(DAMAGED_PDF) from None
    # pdfminer and pdfplumber report a malformed object (a box that is not four numbers, a dictionary where
    # a stream should be) as a TypeError, ValueError or KeyError from deep inside; only their calls are here.
    except (MalformedPDFException, PSException, TypeError, ValueError, KeyError):
        raise ReadError(DAMAGED_PDF) from None
    lines = [line for page in pages for line in _pdf_lines(page)]
    if not lines:
        raise ReadError(NO_TEXT_LAYER)
    return join_wrapped_lines(lines)


def _pdf_lines(page: list[dict]) -> list[PdfLine]:
    """The text lines of one page (as pdfplumber gives them), without its running page number."""
    lines = []
    for line in page:
        text = normalize_newlines(line["text"]).strip()
        if text and not is_page_number(text):
            sizes = sorted(char["size"] for char in line["chars"])
            lines.append(PdfLine(text, line["x0"], line["x1"], sizes[len(sizes) // 2]))
    return lines


def is_page_number(line: str) -> bool:
    """True for a running page number line: ``— 1 —`` (GB/T 9704-2012 §7.5), ``- 2 -``, ``第 3 页`` ….

    >>> [is_page_number(s) for s in ("— 1 —", "- 12 -", "第 3 页", "第3页 共10页", "2023", "一、总体要求")]
    [True, True, True, True, False, False]
    """
    return any(pattern.search(line.strip()) for pattern in _chrome().page_number_lines)


def join_wrapped_lines(lines: list[PdfLine]) -> str:
    """Join lines that were wrapped by the layout, one paragraph per output line.

    A line wrapped if it runs to the right edge of the text block and the next line starts at the left
    edge (a new paragraph of a 公文 is indented two characters, GB/T 9704-2012 §5.2.1). "Runs to the edge"
    allows two characters of slack: CJK line breaking keeps closing punctuation off a line start by pulling
    a character down with it. A line ending a sentence (。：；！？) is never joined: when a paragraph's last
    line happens to fill the width, splitting a paragraph there is harmless, gluing two paragraphs is not.
    Latin words wrapped at a space get their space back.

    >>> join_wrapped_lines([PdfLine("根据《通知》", 72, 522, 12), PdfLine("精神。", 72, 108, 12),
    ...                     PdfLine("一、总体要求", 72, 144, 12)])
    '根据《通知》精神。\\n一、总体要求'
    """
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    out = [lines[0].text]
    for previous, line in zip(lines, lines[1:]):
        wrapped = (right - previous.x1 <= 2 * previous.size + 0.5 and line.x0 - left < previous.size / 2
                   and not _SENTENCE_END.search(previous.text))
        if not wrapped:
            out.append(line.text)
        elif previous.text[-1].isascii() and previous.text[-1].isalpha() and line.text[0].isascii():
            out[-1] += " " + line.text
        else:
            out[-1] += line.text
    return "\n".join(out)


_SENTENCE_END = re.compile(r"[。：；！？:;!?][”’）)》」』】]*$")


# --- .html ----------------------------------------------------------------------------------------------


# GB2312 and GBK pages are decoded as GB18030, their superset (WHATWG Encoding Standard maps both labels to
# GBK; many sites that declare gb2312 use GBK-only characters such as 镕).
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in ``<meta charset>`` or ``<meta http-equiv … content="…charset=…">``.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')
    'gb2312'
    >>> declared_charset(b"<p>no declaration</p>") is None
    True
    """
    match = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", data[:4096], re.IGNORECASE)
    return match.group(1).decode("ascii").lower() if match else None


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode a web page: a BOM wins, then the declared charset if the bytes fit it, else detection.

    >>> decode_html('<meta charset="gb2312"><p>答复</p>'.encode("gb18030"))
    ('<meta charset="gb2312"><p>答复</p>', 'gb18030')
    """
    declared = declared_charset(data)
    if declared and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = _CHARSET_ALIASES.get(declared, declared)
        try:
            markup = normalize_newlines(data.decode(encoding))
        except (LookupError, UnicodeDecodeError):
            markup = None  # a wrong or unknown declaration is common on old sites: detect instead
        if markup is not None and is_plausible_text(markup):
            return markup, encoding
    return decode_text(data)


def html_text(data: bytes) -> str:
    """The article text of a web page (see :func:`markup_text`), decoded as :func:`decode_html` does.

    >>> html_text("<div class='nav'>首页</div><p>现答复如下：</p>".encode())
    '现答复如下：'
    """
    return markup_text(decode_html(data)[0])


def markup_text(markup: str) -> str:
    """The article text of a government web page, one block element per line, without the site's chrome.

    Scripts, styles, the <title> (it reads "title - site name"), navigation, breadcrumbs, share bars, font
    size widgets, visit counters and footers are dropped. A metadata table (索引号, 发布机构, 文号 …) is kept
    as "label：value" lines, since it is evidence for the document's facts; other tables as "a | b" rows.

    >>> markup_text('''<title>答复 - 门户网站</title><div class="crumb">当前位置：首页</div>
    ... <table><tr><td>索引号：</td><td>1234/2023</td><td>文号：</td><td>西民函〔2023〕53号</td></tr></table>
    ... <div class="article"><p>余静代表：</p><p>您提出的建议收悉，
    ... 现答复如下：</p></div><div>字号：[大 中 小] 浏览次数：1024</div>''')
    '索引号：1234/2023\\n文号：西民函〔2023〕53号\\n余静代表：\\n您提出的建议收悉，现答复如下：'
    """
    lines = _html_lines(markup, drop_chrome_classes=True)
    if not lines:  # the article sat in a container whose class looks like chrome ("main-menu-content")
        lines = _html_lines(markup, drop_chrome_classes=False)
    chrome = _chrome()
    return "\n".join(line for line in lines if not any(pattern.search(line) for pattern in chrome.chrome_lines))


def _html_lines(markup: str, drop_chrome_classes: bool) -> list[str]:
    parser = _PageParser(drop_chrome_classes)
    parser.feed(markup)
    parser.close()
    return parser.lines


def _table_row_lines(cells: list[str]) -> list[str]:
    """A row of label/value cells becomes "label：value" lines; any other row one "a | b | c" line.

    A label cell ("文号：", or a known label without its colon) takes the next cell as its value, even an
    empty one: an empty 文号 is evidence too (the document has no number).
    """
    if not any(_metadata_label(cell) for cell in cells):
        return [" | ".join(cells)] if any(cells) else []
    lines: list[str] = []
    label: str | None = None
    for cell in cells:
        cell_label = _metadata_label(cell)
        if label is not None and cell_label is None:
            lines.append(f"{label}：{cell}")
            label = None
            continue
        if label is not None:
            lines.append(f"{label}：")
        elif cell_label is None and cell:
            lines.append(cell)
        label = cell_label
    if label is not None:
        lines.append(f"{label}：")
    return lines


def _metadata_label(cell: str) -> str | None:
    """The label if a table cell holds only a label: a known metadata label, or short text ending in a colon."""
    stripped = cell.strip().lstrip("•·").strip()
    label = stripped.rstrip(":：").strip()
    if label in _chrome().metadata_labels or (label and label != stripped and len(label) <= 10):
        return label
    return None


_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BLOCKS = frozenset(
    "address article aside blockquote caption center dd details dialog div dl dt fieldset figcaption figure "
    "form h1 h2 h3 h4 h5 h6 hr li main ol p pre section summary table tbody thead tfoot tr ul br".split())
_CELLS = frozenset({"td", "th"})
# CSS Text Module Level 3 §4.1.3: a line break in the source between two East Asian wide characters is
# removed, not turned into a space (Chinese is written without spaces).
_CJK_BREAK = re.compile(r"(?<=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])[ \t\f]*\n\s*"
                        r"(?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])")
_SPACES = re.compile(r"[ \t\n\r\f\xa0]+")
_MARKED_SECTION_END = re.compile(r"]\s*>")


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", _CJK_BREAK.sub("", text)).strip()


@dataclass
class _Table:
    rows: list[list[str]]
    row: list[str] | None = None
    cell: list[str] | None = None

    def close_cell(self) -> None:
        if self.cell is not None:
            if self.row is None:
                self.row = []
            self.row.append(_collapse("".join(self.cell)))
            self.cell = None

    def close_row(self) -> None:
        self.close_cell()
        if self.row is not None:
            self.rows.append(self.row)
            self.row = None


@dataclass(frozen=True)
class _Open:
    tag: str
    chrome: bool  # this element hides its content
    acted: bool  # its start did layout work (outside chrome), so its end must undo it


class _PageParser(HTMLParser):
    """Lays a page out as lines of text: block elements break lines, chrome elements are skipped."""

    def __init__(self, drop_chrome_classes: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.drop_chrome_classes = drop_chrome_classes
        self.lines: list[str] = []
        self.inline: list[str] = []
        self.open: list[_Open] = []
        self.tables: list[_Table] = []
        self.chrome_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        chrome = self._is_chrome(tag, dict(attrs))
        acted = self.chrome_depth == 0 and not chrome
        if acted:
            self._start_layout(tag)
        if tag not in _VOID:
            self.open.append(_Open(tag, chrome, acted))
            self.chrome_depth += chrome

    def handle_endtag(self, tag: str) -> None:
        if not any(element.tag == tag for element in self.open):
            return  # a stray end tag: browsers ignore it too
        while self.open:
            element = self.open.pop()
            self.chrome_depth -= element.chrome
            if element.acted:
                self._end_layout(element.tag)
            if element.tag == tag:
                return

    def handle_data(self, data: str) -> None:
        if self.chrome_depth:
            return
        if self.tables and self.tables[-1].cell is not None:
            self.tables[-1].cell.append(data)
        else:
            self.inline.append(data)

    def close(self) -> None:
        super().close()
        while self.open:
            self.handle_endtag(self.open[-1].tag)
        self._break()

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """Skip ``<![…]>`` whole: Word-exported pages carry ``<![if !supportLists]>``, and the stdlib raises
        AssertionError on a keyword it does not know. Browsers treat these as bogus comments too."""
        end = _MARKED_SECTION_END.search(self.rawdata, i + 3)
        return -1 if end is None else end.end()

    def _is_chrome(self, tag: str, attrs: dict[str, str | None]) -> bool:
        chrome = _chrome()
        if tag in chrome.skip_tags or "hidden" in attrs:
            return True
        if re.search(r"display\s*:\s*none", attrs.get("style") or "", re.IGNORECASE):
            return True
        if tag in chrome.page_chrome_tags and not any(e.tag in chrome.article_tags for e in self.open):
            return True
        if not self.drop_chrome_classes:
            return False
        tokens = re.split(r"[\s_\-]+", f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower())
        return not chrome.chrome_classes.isdisjoint(tokens)

    def _start_layout(self, tag: str) -> None:
        table = self.tables[-1] if self.tables else None
        if tag == "table":
            self._break()
            self.tables.append(_Table(rows=[]))
        elif table is not None and tag == "tr":
            table.close_row()
            table.row = []
        elif table is not None and tag in _CELLS:
            table.close_cell()
            table.cell = []
        elif tag in _BLOCKS:
            self._break()

    def _end_layout(self, tag: str) -> None:
        table = self.tables[-1] if self.tables else None
        if table is not None and tag == "table":
            table.close_row()
            self.tables.pop()
            rows = [line for row in table.rows for line in _table_row_lines(row)]
            if self.tables and self.tables[-1].cell is not None:  # a table nested in a cell stays in it
                self.tables[-1].cell.append(" ".join(rows))
            else:
                self.lines.extend(rows)
        elif table is not None and tag == "tr":
            table.close_row()
        elif table is not None and tag in _CELLS:
            table.close_cell()
        elif tag in _BLOCKS:
            self._break()

    def _break(self) -> None:
        """End the current line; inside a table cell a block break is only a space."""
        if self.tables and self.tables[-1].cell is not None:
            self.tables[-1].cell.append(" ")
            return
        line = _collapse("".join(self.inline))
        self.inline.clear()
        if line:
            self.lines.append(line)


# --- data -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Chrome:
    skip_tags: frozenset[str]
    article_tags: frozenset[str]
    page_chrome_tags: frozenset[str]
    chrome_classes: frozenset[str]
    chrome_lines: tuple[re.Pattern[str], ...]
    metadata_labels: frozenset[str]
    page_number_lines: tuple[re.Pattern[str], ...]


@cache
def _chrome() -> _Chrome:
    raw = yaml.safe_load(files("gongwen.loaders").joinpath("data/read_chrome.yaml").read_text(encoding="utf-8"))
    return _Chrome(
        skip_tags=frozenset(raw["skip_tags"]),
        article_tags=frozenset(raw["article_tags"]),
        page_chrome_tags=frozenset(raw["page_chrome_tags"]),
        chrome_classes=frozenset(raw["chrome_classes"]),
        chrome_lines=tuple(re.compile(p) for p in raw["chrome_lines"]),
        metadata_labels=frozenset(raw["metadata_labels"]),
        page_number_lines=tuple(re.compile(p) for p in raw["page_number_lines"]),
    )
