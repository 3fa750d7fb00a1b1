"""Find 发文字号 (GB/T 9704-2012 §7.2.4: 代字〔年份〕序号号) in cleaned text, in every bracket variant.

The 代字 has no fixed length, so its left edge is found by grammar: the code is the run of Chinese characters
before the year bracket, cut after the last verb or particle that introduces a citation (根据, 按照, 落实 …)
and after a full agency name (省政府苏政发 → 苏政发). Damaged numbers are kept as written: a lost closing
bracket (衢政办发〔202316号) or a lost 号 (湖委发〔2018〕20).
"""
from __future__ import annotations

import re

from gongwen.loaders.clean import clean_text
from gongwen.loaders.models import DocNumber

CJK = "\u4e00-\u9fff"
# The year bracket and sequence, found first (a bracket is a cheap first character to scan for); the 代字
# before it is read backwards with CODE_BEFORE. Tried left to right: a closed bracket, then the garbled form
# with the close bracket lost.
AFTER_BRACKET = (r"[ ]?(?P<year>(?:19|20)\d{2})[ ]?"
                 r"(?:[〕)][ ]?(?:第[ ]?)?(?P<seq>\d{1,5})(?:[ ]?(?P<hao>号)|(?![\d.%万千百亿元个名人号]))"
                 r"|(?P<seq2>\d{1,4})[ ]?号)")
CORE = re.compile(rf"[〔(]{AFTER_BRACKET}")
# The text is scanned once per opening bracket: a pattern opening with one literal is scanned for ten times faster
# than one opening with a class. No match holds an opening bracket after its first character, so the matches
# of the two never overlap, and together in text order they are CORE's.
CORE_BY_BRACKET = (re.compile(f"〔{AFTER_BRACKET}"), re.compile(rf"\({AFTER_BRACKET}"))
# Possessive: a character given back would be Chinese, so neither the space nor the end could follow it.
CODE_BEFORE = re.compile(rf"[{CJK}]{{1,12}}+[ ]?$")
# Words that end the text before a 代字 (citation verbs, prepositions, particles); why: 根据西办通〔…〕.
STOP_WORDS = (
    "贯彻落实", "根据", "依据", "按照", "遵照", "依照", "参照", "对照", "落实", "贯彻", "执行", "结合", "印发", "转发",
    "下发", "出台", "制定", "详见", "参见", "文件", "精神", "要求", "号文", "关于", "通过", "同意", "批准",
)
STOP_WORD = re.compile("|".join(STOP_WORDS))
STOP_CHARS = "的了在是将由对按据以于为等即见和与及或并"
GLUE = "号文"  # a code run right after these continues a sentence (…1号和国发…), it does not start a name
AGENCY_WORDS = re.compile("人民政府|政府|办公厅|办公室|委员会")


def trim_code(raw: str, glued: bool = False) -> str:
    """The 代字 at the end of a run of Chinese characters; ``glued`` when the run continues a word before it,
    so that even its first character may be a particle (…1号和国发〔…〕).

    >>> [trim_code(s) for s in ("根据西办通", "进一步落实舒办发", "省政府苏政发", "和政发", "国办发", "宝和街函", "工作与国办发")]
    ['西办通', '舒办发', '苏政发', '和政发', '国办发', '宝和街函', '国办发']
    >>> trim_code("和国发", glued=True)
    '国发'
    """
    cut = 0
    for word in STOP_WORDS if STOP_WORD.search(raw) else ():  # most codes hold none: one search, not 27 rfinds
        at = raw.rfind(word)
        if at >= 0 and len(raw) - (at + len(word)) >= 1:
            cut = max(cut, at + len(word))
    for i in range(len(raw) - 2, -1 if glued else 0, -1):  # a particle at 0 may be the code's own character
        # One character before a particle is a two-character place name (宝和街函, 泰和县民函), not a word the
        # particle joins; a particle after a citation verb, a two-character word or another number's 号 joins.
        joins = i - cut >= 2 or (i == cut and cut > 0) or raw[i - 1] in GLUE or glued
        if raw[i] in STOP_CHARS and joins:
            cut = max(cut, i + 1)
            break
    for match in AGENCY_WORDS.finditer(raw, cut):
        if len(raw) - match.end() >= 2:
            cut = match.end()
    return raw[cut:]


def find_doc_numbers(clean: str, source: str | None = None) -> list[DocNumber]:
    """Every 发文字号 in ``clean`` (see clean_text); ``text`` is sliced from ``source`` when given.

    >>> find_doc_numbers("根据西办通〔2022〕54号文件")
    [DocNumber(text='西办通〔2022〕54号', code='西办通', year=2022, seq='54', span=(2, 14))]
    >>> [n.canonical for n in find_doc_numbers("衢政办发〔202316号 湖委发〔2018〕20")]
    ['衢政办发〔2023〕16号', '湖委发〔2018〕20号']
    """
    source = clean if source is None else source
    found = []
    for match in core_matches(clean):
        before = CODE_BEFORE.search(clean, max(0, match.start() - 13), match.start())
        if not before:
            continue
        raw = before.group().rstrip()
        code = trim_code(raw, glued=before.start() > 0 and clean[before.start() - 1] in GLUE)
        start = before.start() + len(raw) - len(code)
        seq = match.group("seq") or match.group("seq2")
        found.append(DocNumber(text=source[start:match.end()], code=code, year=int(match.group("year")),
                               seq=str(int(seq)), span=(start, match.end())))
    return found


def core_matches(clean: str) -> list[re.Match]:
    """CORE.finditer(clean), from one scan per opening bracket.

    >>> [m.group() for m in core_matches("西办通(2022)54号,衢政办发〔202316号")]
    ['(2022)54号', '〔202316号']
    """
    return sorted((m for core in CORE_BY_BRACKET for m in core.finditer(clean)), key=re.Match.start)


def canonical_doc_number(text: str) -> str:
    """The canonical form 代字〔YYYY〕N号 of a number written in any style; other text comes back stripped.

    >>> canonical_doc_number("西民函[2021]38号")
    '西民函〔2021〕38号'
    >>> canonical_doc_number("昆民通（２０２１）０8号")
    '昆民通〔2021〕8号'
    >>> canonical_doc_number(" 第83号 ")
    '第83号'
    """
    clean = clean_text(text).strip()
    numbers = find_doc_numbers(re.sub(r"\s+", "", clean))
    return numbers[0].canonical if numbers else clean
