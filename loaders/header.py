"""Find the 公文 header and signature elements (GB/T 9704-2012 §7.2, §7.3): masthead, 发文字号, title, 文种,
issuer, 成文日期, plus the practice markers 办理类型 and 是否公开.

The header is everything before the body starts; the body starts at the salutation or 主送 line (a short line
ending with a colon, GB/T 9704-2012 §7.3.2) or at the first line of prose, whichever comes first. Web-page
metadata lines (索引号, 发布机构, 发布时间 …) are recognised by their labels.
"""
from __future__ import annotations

import re
from functools import lru_cache

from gongwen.loaders.dates import DATE_LINE, find_date_lines, parse_date
from gongwen.loaders.docnumbers import CORE, find_doc_numbers
from gongwen.loaders.lines import LINE, MARKUP, Line, join_wide, last_lines, split_lines
from gongwen.loaders.models import DocNumber, Field
from gongwen.loaders.vocab import alternation, load_vocab, scan_start

CJK = "\u4e00-\u9fff"
V = load_vocab()
HEAD_LIMIT = 6000  # characters searched for the header; a header never runs longer (GB/T 9704 版头 + 标题)
LABEL_LINE = re.compile(
    "^(?:" + "|".join("[ ]?".join(label) for label in V.metadata_labels) + r")[ ]*(?::|[ ]|$)")
DOC_TYPE_END = re.compile(alternation(V.doc_types) + "$")
AGENCY = re.compile(rf"[{CJK}()]{{1,40}}?{alternation(V.agency_suffixes)}")
AGENCY_SUFFIXES = V.agency_suffixes
SALUTATION = re.compile(
    rf"^(?:尊敬的)?[{CJK}](?:[ ]?[{CJK}]){{1,3}}(?:[、,][ ]*[{CJK}](?:[ ]?[{CJK}]){{1,3}})*[ ]*"
    rf"(?:等[ ]*(?:\d+[ ]*(?:名|位))?)?(?:代表|委员)们?[ ]*:?$")
PROSE = re.compile(r"。|收悉|如下:|现将|现就|现提出")
ISSUER_LABEL = re.compile(rf"(?:{alternation(V.issuer_labels)})[ ]*(?::[ ]*)?(?P<v>[{CJK}()]{{2,40}})")
GAP = r"[ ]*(?:〕[ ]*)?(?::[ ]*)?(?:〔[ ]*)?"  # label and value apart: spaces, 〕〔 of 〔办理类型〕〔A〕, a colon
HANDLING = re.compile(rf"(?:办理类型|办理结果|办理类别|答复类别|类[ ]?别){GAP}(?P<v>[ABC])(?![A-Za-z])")
HANDLING_WORDS = ("类", "办理结果")  # every label holds one, 类 two characters in at most (办理类型)
PUBLIC = re.compile(
    rf"是否公开{GAP}(?:(?P<yes>是)|否)"
    r"|公开(?:方式|属性)[ ]*(?::[ ]*)?(?:(?P<yes2>主动公开)|不予公开|不公开)"
    r"|\((?P<yes3>此件公开发布|此件主动公开)\)|\(此件不(?:予)?公开\)")
PUBLIC_REACH = 5  # every form holds 公开, at most five characters in ((此件主动公开))
OWN_NUMBER_FIRST = re.compile(rf"[{CJK}]{{1,12}}[ ]?〔(?:19|20)\d{{2}}〕[ ]?\d{{1,5}}(?:[ ]?号)?[ ]*(?=关于)")
PARTS_SPLIT = re.compile(r"[ 、]+")
MASTHEAD = re.compile(r"(.+?)[ ]*文件")
TITLE_PREFIX = re.compile(r"([^关]+?)\s*关于")
SIGNED_DATE_LABEL = re.compile(r"成文日期[ ]*(?::[ ]*)?(?P<v>(?:19|20)\d{2}[-年./][ ]*\d{1,2}[-月./][ ]*\d{1,2}日?)")


def is_label_line(text: str) -> bool:
    """True for a web-page metadata line (索引号 …, 发布时间: …, 名 称: …).

    >>> is_label_line("名 称: 关于对市一届人大三次会议第73号建议的答复函"), is_label_line("关于印发X的通知")
    (True, False)
    """
    return bool(LABEL_LINE.match(text))


def is_agency(text: str) -> bool:
    """True when ``text`` is one agency name, or several separated by spaces or 、 (joint issuers).

    >>> [is_agency(s) for s in ("昆明市西山区民政局", "中共湖州市委  湖州市人民政府", "各涉关单位", "一、总体要求")]
    [True, True, False, False]
    """
    text = text.strip()
    if not text.rstrip(" 、").endswith(AGENCY_SUFFIXES):
        return False  # the last name ends in no suffix (prose, dates, labels): no need to split the line
    parts = [p for p in PARTS_SPLIT.split(text) if p] if " " in text or "、" in text else [text]
    # endswith first: a line that ends in no suffix fails AGENCY at once, which the lazy pattern only learns after
    # trying the suffixes at each of its characters
    return bool(parts) and all(p.endswith(AGENCY_SUFFIXES) and AGENCY.fullmatch(p) and not p.startswith("各")
                               and "关于" not in p for p in parts)


def find_body_start(clean: str) -> int:
    """Offset where the body begins: the salutation / 主送 line or the first line of prose.

    >>> find_body_start("西民函〔2023〕53号\\n关于X的函\\n余静代表:\\n您好。")
    19
    """
    for match in LINE.finditer(clean, 0, min(len(clean), HEAD_LIMIT)):  # lazily: the body starts early
        text = match.group().strip(MARKUP)
        if not text or is_label_line(text):
            continue
        if SALUTATION.match(text) or (text.endswith(":") and len(text) <= 100) or PROSE.search(text) \
                or len(text) > 100:
            return match.start() + len(match.group()) - len(match.group().lstrip(MARKUP))
    return min(len(clean), HEAD_LIMIT)


@lru_cache(maxsize=4)  # the title and issuer finders both read the header lines of the same document
def _head_lines(clean: str, body_start: int) -> tuple[Line, ...]:
    return tuple(split_lines(clean, 0, body_start))


def _title_like(line: Line, limit: int = 40) -> bool:
    text = line.text
    return (len(text) <= limit and ":" not in text and not is_label_line(text) and not text.endswith("文件")
            and not CORE.search(text) and not DATE_LINE.match(text))


def find_title(clean: str, source: str | None = None, body_start: int | None = None) -> Field | None:
    """The title: header lines ending with a 文种, joined upward to the line that holds 关于 (at most three
    lines); an agency line directly above (no blank line between) is the issuer prefix. When a web page
    repeats the title, the fullest version wins.

    >>> find_title("佛坪县人民政府办公室\\n关于做好建议\\n和提案办理工作的通知\\n佛政办发〔2024〕9号\\n各单位:").value
    '佛坪县人民政府办公室关于做好建议和提案办理工作的通知'
    """
    source = clean if source is None else source
    body_start = find_body_start(clean) if body_start is None else body_start
    lines = list(_head_lines(clean, body_start))
    best: Field | None = None
    for i, line in enumerate(lines):
        # 津民政函〔2022〕72号关于…的复函: number and title on one line (the pattern needs its 〔: most lines lack one)
        own = OWN_NUMBER_FIRST.match(line.text) if "〔" in line.text else None
        if own:
            line = lines[i] = Line(line.text[own.end():], line.start + own.end(), line.end, line.after_blank)
        if not DOC_TYPE_END.search(line.text) or not _title_like(line, 120) or len(line.text) < 4:
            continue
        first = i
        while i - first < 2 and "关于" not in "".join(l.text for l in lines[first:i + 1]) and first > 0 \
                and _title_like(lines[first - 1]) and not DOC_TYPE_END.search(lines[first - 1].text):
            first -= 1
        # an issuer line directly above 关于… opens the title; a joint (spaced) issuer line or a 文号 printed
        # before 关于 on the title line marks the line above as the separate 发文机关 block instead
        prefixed = not (first == i and own)
        if first > 0 and prefixed and not lines[first].after_blank and re.match(r"关于|对", lines[first].text) \
                and is_agency(lines[first - 1].text) and " " not in lines[first - 1].text:
            first -= 1
        span = (lines[first].start, line.end)
        value = join_wide(source[span[0]:span[1]])
        if best is None or len(value) > len(best.value):
            best = Field(value, span)
    if best is None:
        for match in re.finditer(r"(?:名[ ]?称|标[ ]?题)[ ]*:[ ]*(?P<v>[^\n]+?)(?=[ ]{2,}|[ ]文号|\n|$)",
                                 clean[:body_start]):
            if DOC_TYPE_END.search(match.group("v").strip()):
                return Field(join_wide(source[match.start("v"):match.end("v")]), match.span("v"))
    return best


def doc_type_of(title: str | None, clean: str = "") -> str | None:
    """The 文种 ending the title; without a title, 答复 when the body answers (…答复如下).

    >>> doc_type_of("关于西山区第228号建议答复的函"), doc_type_of("X的实施意见"), doc_type_of(None, "现答复如下:")
    ('函', '实施意见', '答复')
    """
    if title:
        match = DOC_TYPE_END.search(title.rstrip())
        if match:
            return match.group()
    if re.search(r"答复如下|现答复|此复", clean):
        return "答复"
    return None


def find_own_number(clean: str, numbers: list[DocNumber], body_start: int) -> DocNumber | None:
    """The document's own 发文字号: the first number in the header that no title line introduces (关于…,
    《…》).

    >>> n = find_own_number("关于转发国发〔2020〕1号的通知\\n湘政发〔2021〕3号\\n各市:", find_doc_numbers(
    ...     "关于转发国发〔2020〕1号的通知\\n湘政发〔2021〕3号\\n各市:"), 23); n.text
    '湘政发〔2021〕3号'
    """
    for number in numbers:
        start = number.span[0]
        if start >= body_start:
            break
        line_start = clean.rfind("\n", 0, start) + 1
        before = clean[line_start:start]
        if "关于" in before or before.count("《") > before.count("》"):
            continue
        return number
    return None


def _signature_lines(clean: str, date_start: int) -> list[Line]:
    return last_lines(clean, max(0, date_start - 300), date_start, 2)


def find_date(clean: str, source: str | None = None) -> Field | None:
    """The 成文日期: the first line holding only a date (signature, or (2018年7月2日) under the title) unless a
    label such as 发布日期: introduces it; else a 成文日期 metadata field. 发布时间 is never the date.

    >>> find_date("发布时间:2022-07-29\\n正文。\\n神木市林业局\\n2022年7月27日").value
    '2022-07-27'
    >>> find_date("成文日期: 2023-06-26 发布日期: 2023-07-05").value
    '2023-06-26'
    """
    source = clean if source is None else source
    for value, span in find_date_lines(clean):
        previous = clean[:span[0]].rstrip(" (\n")
        if previous.endswith(":") and "成文" not in previous[-8:]:
            continue
        return Field(value, span)
    match = SIGNED_DATE_LABEL.search(clean)
    if match:
        value = parse_date(re.sub(r"[-./]", lambda m: "年" if m.start() == 4 else "月",
                                  re.sub(r"\s", "", match.group("v"))))
        if value:
            return Field(value, match.span("v"))
    return None


def find_issuer(clean: str, source: str | None = None, title: Field | None = None,
                date: Field | None = None, body_start: int | None = None) -> Field | None:
    """The fullest issuer name printed: masthead (XX文件), title prefix (XX关于…), signature line above the date,
    or a lone agency line in the header; web-page metadata (发布机构:, 来源:) only when none of those exists.

    >>> find_issuer("昆明市西山区民政局文件\\n西民函〔2023〕53号\\n关于X的函\\n余静代表:").value
    '昆明市西山区民政局'
    >>> find_issuer("发布机构: 市水利局\\n关于X的答复函\\n张三代表:\\n正文。").value
    '市水利局'
    """
    source = clean if source is None else source
    body_start = find_body_start(clean) if body_start is None else body_start
    candidates: list[Field] = []

    def add(start: int, end: int) -> None:
        parts = clean[start:end].split()  # joint issuers keep one space between names
        value = " ".join(join_wide(source[start:end][clean[start:end].find(p):][:len(p)]) for p in parts)
        candidates.append(Field(value, (start, end)))

    for line in _head_lines(clean, body_start):
        masthead = MASTHEAD.fullmatch(line.text) if line.text.endswith("文件") else None
        if masthead and is_agency(masthead.group(1)):
            add(line.start, line.start + len(masthead.group(1)))
        elif is_agency(line.text) and not (title and title.span[0] <= line.start < title.span[1]):
            add(line.start, line.end)
    if title:
        prefix = TITLE_PREFIX.match(clean[title.span[0]:title.span[1]])
        if prefix and is_agency(prefix.group(1).replace("\n", " ")):
            add(title.span[0], title.span[0] + len(prefix.group(1)))
    tail = split_lines(clean, max(body_start, len(clean) - 400))  # (last_lines gains nothing: its lines are long)
    signed = [line for line in tail[-3:] if is_agency(line.text)]
    if date:
        signed += [line for line in _signature_lines(clean, date.span[0]) if is_agency(line.text)]
    for line in signed:
        add(line.start, line.end)
    if not candidates:
        for match in ISSUER_LABEL.finditer(clean, 0, body_start):
            if is_agency(match.group("v")):
                add(*match.span("v"))
    if not candidates:
        return None
    return max(candidates, key=lambda f: len(f.value.replace(" ", "")))


def find_handling_type(clean: str) -> Field | None:
    """办理类型 / 办理结果 / 类别 A, B or C, only from an explicit label.

    >>> [find_handling_type(s).value for s in ("〔办理类型〕〔A〕", "办理结果:B", "类 别: B", "〔办理类型 B〕")]
    ['A', 'B', 'B', 'B']
    >>> find_handling_type("复函注明答复类别:所提问题已解决的,标明A类") is None
    True
    """
    start = scan_start(clean, HANDLING_WORDS, 2, 0, HEAD_LIMIT)
    match = HANDLING.search(clean, start, HEAD_LIMIT) if start >= 0 else None
    return Field(match.group("v"), match.span("v")) if match else None


def find_public(clean: str) -> bool | None:
    """True or False only when the text says so (是否公开 是, 公开方式 主动公开, (此件公开发布)).

    >>> find_public("〔是否公开〕〔是〕"), find_public("公开方式: 主动公开"), find_public("(此件公开发布)"), find_public("正文")
    (True, True, True, None)
    """
    start = scan_start(clean, ("公开",), PUBLIC_REACH)
    match = PUBLIC.search(clean, start) if start >= 0 else None
    if not match:
        return None
    return bool(match.group("yes") or match.group("yes2") or match.group("yes3"))
