"""Find the named programmes a 公文 reports on (五社联动, 家门口社工服务行动, 社工站建设, 城乡供水一体化工程 …).

A programme is named in one of the ways 公文 name the work they report:

* a quoted name “X” that is marked as a programme: it ends with 工程/行动/计划, a programme head
  follows it (“X”工作机制, “X”激励机制, “X”示范点), a descriptive tail ending in 行动/工程 follows it (“X”社工服务行动),
  it is quoted three times or more, or it stands in the document's own title (the document is about it);
* a quoted name right after a verb of doing (开展“X”, 深化志愿服务“X”) and closing its clause, unless it is a
  numbered slogan (四走四化, 四个民主, 十五分钟服务圈);
* an unquoted …工程/…行动 right after a verb of doing (加速推进城乡供水一体化工程), or an unquoted …创建 after
  such a verb that the text names again;
* the building of a facility (…站建设, …中心建设) named three times or more, in its shortest form that stands
  alone (街道社工站建设 and 我区社工站建设 are 社工站建设).

Refused: names that read as titles or sentences (关于…, …的…, …问题), a name followed by 要求/精神/部署 (another
body's instruction the text follows), and the members of a series — three or more quoted names in one
paragraph with the same last two characters (实施“童网行动”… 实施“童心行动”… are parts of one programme).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict

from gongwen.loaders.models import Programme
from gongwen.loaders.resolve import programme_key
from gongwen.loaders.vocab import alternation, load_vocab, scan_start

CJK = "\u4e00-\u9fff"
V = load_vocab()
QUOTED = re.compile(rf"“(?P<x>[{CJK}A-Za-z0-9]{{2,12}})”")
NAME_CHAR = r"[^\W\d_的是了为项个与及在将把对从向等之其这该]"  # function words never inside a name
NAME_ONE = re.compile(NAME_CHAR)
NAME_RUN = re.compile(f"{NAME_CHAR}+")
VERB = alternation(V.programme_verbs)
HEAD = re.compile(rf"(?:工作)?{alternation(V.programme_heads)}")
TAIL = re.compile(rf"{NAME_CHAR}{{1,6}}?(?:行动|工程)(?![{CJK}]?计划)")
ENDS = tuple(V.programme_ends)
REFUSED_AFTER = re.compile(alternation(V.programme_refused_after))
VERB_BEFORE = re.compile(rf"{VERB}{NAME_CHAR}{{0,4}}$")
CLAUSE_END = re.compile(r"[,。;:、)!?]|$")
UNQUOTED_MAX = 12  # characters of an unquoted name before its 工程/行动 or 创建
UNQUOTED = re.compile(rf"{VERB}(?P<x>{NAME_CHAR}{{3,{UNQUOTED_MAX}}}?(?:工程|行动))(?![{CJK}]?计划)")
CREATION = re.compile(rf"{VERB}(?P<x>{NAME_CHAR}{{3,{UNQUOTED_MAX}}}?创建)")
# An unquoted match opens at most this far before the word ending it (verb and name), so its scan starts there
# before the first such word: most text before it holds verbs, each of which the scan would try.
END_REACH = max(map(len, V.programme_verbs)) + UNQUOTED_MAX
FACILITY_WORDS = V.facility_words  # none holds 建 or 设 (_facility_built_ends relies on it)
TITLE_ENDS = ("问题", "建议", "意见", "通知", "办法", "方案")  # a quoted name ending so is a title or a sentence
NUMERAL = f"[{''.join(V.numerals)}]"
SLOGAN = re.compile(rf"^{NUMERAL}+(?:{alternation(V.classifiers)})|{NUMERAL}[^{''.join(V.numerals)}]{{1,3}}{NUMERAL}")
LEVEL_BEFORE = ("街道", "社区", "乡镇", "区级", "市级", "县级", "全区", "全市", "全县", "村级")
LEVEL_CHARS = "省市区县镇乡村"
SERIES_MIN = 3  # quoted names sharing their last two characters in one paragraph: parts of one programme
REPEATED = 3    # a quoted name this often, or a facility's building named this often, is a programme


def find_programmes(clean: str, skip: tuple[tuple[int, int], ...] = (),
                    title: tuple[int, int] | None = None) -> list[Programme]:
    """Named programmes, one per key (programme_key), in order of first mention. Quotes inside ``skip`` spans
    (cited titles) are not read; quotes inside ``title`` (the document's own title) name its programme.

    >>> [p.name for p in find_programmes("探索“五社联动”工作机制,推出系列“家门口”社工服务行动,加速推进城乡供水一体化工程")]
    ['五社联动', '家门口社工服务行动', '城乡供水一体化工程']
    >>> [p.name for p in find_programmes("推动形成“共建共治共享”的格局,构建“四走四化”新模式,结合“五个一批”工程要求")]
    []
    """
    found: dict[str, Programme] = {}

    def add(name: str, span: tuple[int, int]) -> None:
        key = programme_key(name)
        if key not in found:  # not setdefault: it would build a Programme for every mention
            found[key] = Programme(name, span)

    quoted = list(QUOTED.finditer(clean))
    if skip:
        quoted = [m for m in quoted if not _inside(m.start(), skip)]
    names = [m.group("x") for m in quoted]  # read once: counted, grouped into series, then marked
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    series = _series_members(clean, quoted, names) if len(quoted) >= SERIES_MIN else set()  # fewer make none
    for match, name in zip(quoted, names):
        if name.startswith("关于") or "的" in name or name.endswith(TITLE_ENDS):
            continue  # a title or a sentence
        salient = counts[name] >= REPEATED or (title is not None and title[0] <= match.start() < title[1])
        if salient and len(name) >= 4:
            add(name, match.span("x"))
        elif name not in series:
            programme = _marked(clean, match)
            if programme:
                add(*programme)
    start = scan_start(clean, ("工程", "行动"), END_REACH)
    for match in UNQUOTED.finditer(clean, start) if start >= 0 else ():
        if not _inside(match.start(), skip) and not REFUSED_AFTER.match(clean, match.end()):
            add(match.group("x"), match.span("x"))
    start = scan_start(clean, ("创建",), END_REACH)
    for match in CREATION.finditer(clean, start) if start >= 0 else ():
        if not _inside(match.start(), skip) and clean.count(match.group("x")) >= 2:
            add(match.group("x"), match.span("x"))
    for name, span in _facilities_built(clean):
        add(name, span)
    return sorted(found.values(), key=lambda p: p.span)


def _marked(clean: str, match: re.Match) -> tuple[str, tuple[int, int]] | None:
    """The programme a once-quoted name is marked as by its own ending, the words after it, or a verb before."""
    name, end = match.group("x"), match.end()
    head = HEAD.match(clean, end)
    tail = TAIL.match(clean, end)
    if len(name) >= 3 and (name.endswith(ENDS) or head):
        after = end + (head.end() - end if head and not name.endswith(ENDS) else 0)
        return None if REFUSED_AFTER.match(clean, after) else (name, match.span("x"))
    if tail:
        return None if REFUSED_AFTER.match(clean, tail.end()) else (name + tail.group(), (match.start("x"), tail.end()))
    closes = CLAUSE_END.match(clean, end) and not clean.startswith("、“", end)
    if closes and len(name) >= 4 and not SLOGAN.search(name) and VERB_BEFORE.search(clean, max(0, match.start() - 8), match.start()):
        return name, match.span("x")
    return None


def _series_members(clean: str, quoted: list[re.Match], names: list[str]) -> set[str]:
    groups: dict[tuple[int, str], set[str]] = defaultdict(set)
    paragraph, read = -1, 0  # the quotes come in text order: look for a newline only since the last one
    for match, name in zip(quoted, names):
        newline = clean.rfind("\n", read, match.start())
        paragraph, read = newline if newline >= 0 else paragraph, match.start()
        groups[(paragraph, name[-2:])].add(name)
    return {name for names in groups.values() if len(names) >= SERIES_MIN for name in names}


def _facilities_built(clean: str) -> list[tuple[str, tuple[int, int]]]:
    """…站建设 / …中心建设 named three times or more, each occurrence read in its shortest standalone form."""
    spans: dict[str, tuple[int, int]] = {}
    counts: Counter = Counter()
    for end in _facility_built_ends(clean):
        for length in range(4, 9):
            start = end - length
            if start < 0 or not NAME_RUN.fullmatch(clean, start, end):
                break
            if _stands_alone(clean, start):
                name = clean[start:end]
                counts[name] += 1
                spans.setdefault(name, (start, end))
                break
    return [(name, spans[name]) for name, n in counts.items() if n >= REPEATED]


def _facility_built_ends(clean: str) -> list[int]:
    """Where each …站建设 / …中心建设 ends: every 建设 with a facility word right before it. Found with str.find:
    a regex scan opening with the word alternation tries every character; as no facility word holds 建 or 设,
    two such phrases never overlap and the ends are those the regex would find.

    >>> _facility_built_ends("社工站建设和阵地建设,中心建设")
    [5, 15]
    """
    ends, at = [], clean.find("建设")
    while at >= 0:
        if clean.endswith(FACILITY_WORDS, 0, at):
            ends.append(at + 2)
        at = clean.find("建设", at + 2)
    return ends


def _stands_alone(clean: str, start: int) -> bool:
    before = clean[start - 1:start]
    return (not before or not NAME_ONE.match(before) or before in LEVEL_CHARS
            or clean[max(0, start - 2):start] in LEVEL_BEFORE)


def _inside(at: int, spans: tuple[tuple[int, int], ...]) -> bool:
    i = bisect.bisect_right(spans, (at, 1 << 62)) - 1  # spans are sorted and do not overlap
    return i >= 0 and spans[i][0] <= at < spans[i][1]
