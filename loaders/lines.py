"""Lines of a cleaned text with their offsets, and how values read from spans are tidied for output."""
from __future__ import annotations

import re
from typing import NamedTuple

LINE = re.compile(r"[^\n]+")
MARKUP = " #>"  # leading Markdown heading / quote marks of documents saved as Markdown
NEAR_WIDE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
SPACE_RUN = re.compile(r"\s+")
WRAP = re.compile(r"[ ]*\n\s*")
WHITE = re.compile(r"\s")  # most values hold none: one search spares them the two substitutions


class Line(NamedTuple):
    """A non-blank line: its stripped text, the span of that text, and whether a blank line precedes it (a named
    tuple: built for every header and signature line, it costs a third of a frozen dataclass)."""

    text: str
    start: int
    end: int
    after_blank: bool


def split_lines(clean: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Non-blank lines between ``start`` and ``end``, stripped (also of leading Markdown marks), with spans
    into ``clean``; rules such as ``---`` count as blank.

    >>> [(l.text, l.start, l.after_blank) for l in split_lines(" 标题\\n\\n  正文 \\n---\\n## 附件")]
    [('标题', 1, False), ('正文', 7, True), ('附件', 18, True)]
    """
    # str.split rather than a regex scan: no match object per line; a line's offset is the lengths before it
    lines, at, last = [], start, -1
    for i, raw in enumerate(clean[start:end].split("\n")):
        if raw:  # (a third of the lines are empty: the blank lines between paragraphs)
            unmarked = raw.lstrip(MARKUP)
            stripped = unmarked.rstrip()
            if stripped and stripped.strip("-=_*|"):
                begin = at + len(raw) - len(unmarked)
                blank_before = bool(lines) and i - last > 1
                lines.append(Line._make((stripped, begin, begin + len(stripped), blank_before)))  # _make: no keywords
                last = i
        at += len(raw) + 1
    return lines


def last_lines(clean: str, start: int, end: int, count: int) -> list[Line]:
    """``split_lines(clean, start, end)[-count:]``, splitting only the end of the range: a window that yields
    more than ``count`` lines holds the last ones whole (only its first line may be cut), so the window grows
    from the end until it does or reaches ``start``.

    >>> text = "正文第一段。\\n\\n正文第二段。\\n昆明市西山区民政局\\n2023年5月10日"
    >>> last_lines(text, 0, len(text), 2) == split_lines(text)[-2:]
    True
    """
    window = 32 * (count + 1)  # a signature block's lines are short
    while True:
        at = max(start, end - window)
        lines = split_lines(clean, at, end)
        if at == start or len(lines) > count:
            return lines[-count:]
        window *= 4


def join_wide(text: str) -> str:
    """A header value as one line: white space next to a Chinese character is dropped, other runs become one space.

    >>> join_wide("关于西山区第228号 建议答复的函\\n")
    '关于西山区第228号建议答复的函'
    >>> join_wide("2023 5 10 日")
    '2023 5 10日'
    """
    return SPACE_RUN.sub(" ", NEAR_WIDE.sub("", text)).strip() if WHITE.search(text) else text


def join_title(text: str) -> str:
    """A quoted title as one line: line breaks (wrapping) vanish, other white space becomes one space.

    >>> join_title("创新“五社联动”机制  提升基层\\n治理效能")
    '创新“五社联动”机制 提升基层治理效能'
    """
    return SPACE_RUN.sub(" ", WRAP.sub("", text)).strip() if WHITE.search(text) else text
