"""Read dates as 公文 print them: 2021年11月9日, 二〇二二年七月二十三日, and damaged forms (202394, 2023626,
2019年 5 月 30日) whose 年月日 were lost when the page was copied.
"""
from __future__ import annotations

import datetime as dt
import re

DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0, "0": 0, "Ｏ": 0}
# A line that holds nothing but a date (a signature date, or the (2018年7月2日) under a title): year, month
# and day in Arabic or Chinese numerals, separated by 年/月 or by spaces where they were lost, or all digits.
DATE_LINE = re.compile(  # each run of spaces has one place to go, so a failed match never backtracks far
    r"(?:^|(?<=\n))[ ]*(?:\([ ]*)?(?:"
    r"(?P<y1>(?:19|20)\d{2}|[〇零○O0一二三四五六七八九]{4})(?:[ ]*年[ ]*|[ ]+)"
    r"(?P<m1>\d{1,2}|十[一二]?|[一二三四五六七八九])(?:[ ]*月[ ]*|[ ]+)"
    r"(?P<d1>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
    r"|(?P<digits>(?:19|20)\d{4,6})"
    r")[ ]*(?:日[ ]*)?(?:\)[ ]*)?(?=\n|$)",
)
# Candidate line starts for DATE_LINE: a newline, then spaces or (, then a digit or a Chinese year digit.
DATE_LINE_START = re.compile(r"\n[ (]*[12〇零○O0一二]")


def chinese_number(s: str) -> int:
    """An Arabic or Chinese numeral below 100 (or a digit-by-digit year).

    >>> [chinese_number(s) for s in ("二十三", "十一", "七", "二〇二二", "09")]
    [23, 11, 7, 2022, 9]
    """
    if s.isdigit() and s.isascii():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[ones] if ones else 0)
    return int("".join(str(DIGITS[c]) for c in s))


def iso_date(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD, or None when the parts do not make a calendar date.

    >>> iso_date(2023, 9, 4), iso_date(2023, 2, 30)
    ('2023-09-04', None)
    """
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def split_compact(digits: str) -> str | None:
    """A date whose 年月日 were lost: the year is four digits, month and day share the rest.

    A one-digit month is tried first (2023626 → 6月26日) since a valid one-digit split leaves a two-digit day.

    >>> [split_compact(s) for s in ("202394", "2023626", "20231201", "20230626", "2023")]
    ['2023-09-04', '2023-06-26', '2023-12-01', '2023-06-26', None]
    """
    year, rest = int(digits[:4]), digits[4:]
    for cut in (1, 2):
        month, day = rest[:cut], rest[cut:]
        if not day or (cut == 1 and month == "0") or len(day) > 2:
            continue
        found = iso_date(year, int(month), int(day))
        if found:
            return found
    return None


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as YYYY-MM-DD.

    >>> [parse_date(s) for s in ("2021年11月9日", "二〇二二年七月二十三日", "2019年 5 月 30日", "202394", "无")]
    ['2021-11-09', '2022-07-23', '2019-05-30', '2023-09-04', None]
    """
    match = DATE_LINE.search(text.strip()) or re.search(
        r"(?P<y1>(?:19|20)\d{2})[ ]*年[ ]*(?P<m1>\d{1,2})[ ]*月[ ]*(?P<d1>\d{1,2})", text)
    return date_of(match) if match else None


def date_of(match: re.Match) -> str | None:
    """The ISO date of a DATE_LINE match.

    >>> date_of(DATE_LINE.search("(2018年7月2日)"))
    '2018-07-02'
    """
    if match.groupdict().get("digits"):
        return split_compact(match.group("digits"))
    return iso_date(chinese_number(match.group("y1")), chinese_number(match.group("m1")),
                    chinese_number(match.group("d1")))


def find_date_lines(clean: str) -> list[tuple[str, tuple[int, int]]]:
    """Every line of ``clean`` that holds only a date, with its ISO value and the span of the date.

    >>> find_date_lines("正文。\\n   2021年11月9日 \\n发布时间:2022-07-29\\n202394\\n")
    [('2021-11-09', (7, 17)), ('2023-09-04', (35, 41))]
    """
    found = []
    starts = [0] + [m.start() + 1 for m in DATE_LINE_START.finditer(clean)]
    for start in starts:
        match = DATE_LINE.match(clean, start)
        if not match:
            continue
        value = date_of(match)
        if value:
            body = match.group(0)
            lead = len(body) - len(body.lstrip(" ("))
            found.append((value, (match.start() + lead, match.start() + len(body.rstrip(" )")))))
    return found
