"""Clean: map each character of a decoded document to one character, so spans stay valid in the source.

Full-width letters, digits and punctuation become ASCII, every square or lenticular bracket becomes 〔〕,
every round bracket becomes ASCII ( ), and exotic spaces become a plain space. NFKC is not used because it
changes lengths (it expands ㈠, ½ …) and so would move every span after the first such character.
"""
from __future__ import annotations

import re

SQUARE_OPEN = "[【［﹝〖〔"
SQUARE_CLOSE = "]】］﹞〗〕"
ROUND_OPEN = "（﹙"
ROUND_CLOSE = "）﹚"
SPACES = "\u3000\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\ufeff\t\r"
BULLETS = "•●▪■◆◇□"  # list markers copied from web pages; never part of a name or number


def _table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}  # full-width ASCII block
    table.update({ord(c): "〔" for c in SQUARE_OPEN})
    table.update({ord(c): "〕" for c in SQUARE_CLOSE})
    table.update({ord(c): "(" for c in ROUND_OPEN})
    table.update({ord(c): ")" for c in ROUND_CLOSE})
    table.update({ord(c): " " for c in SPACES + BULLETS})
    table.update({ord("﹕"): ":", ord("︰"): ":", ord("「"): "“", ord("」"): "”"})
    return table


TABLE = _table()
CHANGED = re.compile("[" + re.escape("".join(chr(c) for c, to in TABLE.items() if chr(c) != to)) + "]")


def clean_text(text: str) -> str:
    """Normalize width, brackets and spaces one character for one character.

    >>> clean_text("昆民通（２０２１）8号：西民函[2023]53号\\u3000")
    '昆民通(2021)8号:西民函〔2023〕53号 '
    >>> s = "［2022］"; len(clean_text(s)) == len(s)
    True
    """
    # str.translate walks every character through a dict; replacing each distinct character to map with
    # str.replace is several times faster on Chinese text. The next one is searched for from the last one found
    # (all before it are mapped already, and no character maps to one that changes again), so the text is
    # scanned once however many commas it holds.
    at = 0
    while found := CHANGED.search(text, at):
        char = found.group()
        text = text.replace(char, TABLE[ord(char)])
        at = found.start() + 1
    return text
