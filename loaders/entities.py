"""Find organizations, places and figures named in the body (precision first: what these return becomes
agencies and places in the knowledge graph).

Organizations: a name ends with an agency suffix (…局, …委员会, …办公室, …中心, …街道办事处) that is not part of an
ordinary word (格局, 委员, 部门) nor a modifier (社工站建设), and starts at a real boundary: punctuation, a
preposition or a verb taking an agency (与, 依托, 委托 …), a known place name, 中共/国务院/国家. A level character
glued to an unknown word is where the name starts (依托区社工总站 → 区社工总站, 报市人民政府 → 市人民政府). Kinds
of bodies (社区居委会, 街道办事处 in general, 人民政府 alone) are not names.
Places: a proper name of two or three characters with a level (省/市/区/县/街道/镇/乡/社区/村 …) at a real
boundary, and the places chained after it (昆明市西山区); never a common word ending in a level (城乡, 辖区).
Figures: number + unit + what is counted; a percentage needs its subject (…率, 比例), a bare count needs a noun,
money and people need neither.
"""
from __future__ import annotations

import re
from functools import lru_cache

from gongwen.loaders.models import Agency, Figure, Place
from gongwen.loaders.vocab import alternation, factor_branches, factored_alternation, load_vocab

CJK = "\u4e00-\u9fff"
V = load_vocab()
COUNT_AFTER = re.compile(r"[ ]?\d")
ORG_SUFFIX = re.compile(factored_alternation(V.organization_suffixes))
SUFFIXES = tuple(V.organization_suffixes)
SUFFIX_WORDS = frozenset(SUFFIXES)
FACILITY_KINDS = frozenset(V.facility_kinds)
BARE_PAIR = re.compile(rf"和{alternation(V.organization_suffixes)}$")  # 党和政府, 建议和政协: no name
MODIFIER_AFTER = alternation(V.agency_modifier_followers)


def _agency_suffix_branches(suffixes: tuple[str, ...], ordinary: tuple[str, ...], modifiers: str) -> list[str]:
    """The branches of an alternation of the suffixes, longest first, each refusing the ordinary words it is
    part of or overlaps (格局 → 局(?<!格局), 局面 → 局(?!面), 党组织 → 党组(?!织), 协商会议 → 商会(?!议)) and any
    modifier after it (社工站建设), so one scan finds only real ends."""
    alternatives = []
    for suffix in sorted(suffixes, key=len, reverse=True):
        before, after = [], [modifiers]
        for word in ordinary:
            at = word.find(suffix)
            while at >= 0:
                head, tail = re.escape(word[:at]), re.escape(word[at + len(suffix):])
                if head and tail:
                    after.append(f"(?<={head}{re.escape(suffix)}){tail}")
                elif head:
                    before.append(f"(?<!{head}{re.escape(suffix)})")
                elif tail:
                    after.append(tail)
                at = word.find(suffix, at + 1)
            for cut in range(1, min(len(suffix), len(word))):
                if word.startswith(suffix[cut:]) and len(word) > len(suffix) - cut:  # 协商会议: 商会 then 议
                    after.append(re.escape(word[len(suffix) - cut:]))
                if word.endswith(suffix[:-cut]) and len(word) > len(suffix) - cut:   # a word ending in its start
                    before.append(f"(?<!{re.escape(word[:len(word) - len(suffix) + cut] + suffix)})")
        # the look-behinds follow the suffix, so every alternative starts with a literal and re scans fast
        alternatives.append(re.escape(suffix) + "".join(before) + f"(?!{'|'.join(after)})")
    return alternatives


AGENCY_END_BRANCHES = _agency_suffix_branches(V.organization_suffixes, V.not_agency_words, MODIFIER_AFTER)
AGENCY_END = re.compile(factor_branches(AGENCY_END_BRANCHES))  # 1.15x faster a scan than the plain alternation


def _flat_alternation(words: tuple[str, ...]) -> str:
    """An alternation matching what alternation(words) matches, left unwrapped so that every branch opens with a
    literal: re then skips at C speed to the next character that starts a word (a branch opening with a class
    or a group leaves it no such skip, and it tries every branch at every character). The one-character words
    that start no longer word go first, as re tries branches one by one and the frequent particles (的, 在, 与)
    would sit behind sixty two-character verbs; where such a character stands no other word can start, so the
    order does not change what matches.

    >>> _flat_alternation(("根据", "与", "的"))
    '与|的|根据'
    """
    starts = {w[0] for w in words if len(w) > 1}
    single = [w for w in words if len(w) == 1 and w not in starts]
    rest = sorted((w for w in words if w not in single), key=len, reverse=True)
    return "|".join(map(re.escape, single + rest))


SPLITTER = re.compile(_flat_alternation(V.organization_splitters) + "|为(?!民)")  # 为 splits, 为民服务站 is a name
NON_CJK = re.compile(rf"[^{CJK}]")
AFTER_NUMBER = "年月日号个名次届"  # a run starting right after a digit with these is a date or a count
NAME_REACH = 30   # characters an organization name may run before its suffix
GENERIC_ORG = tuple(V.generic_organization_starts)
GENERIC_INNER_AT = re.compile(alternation(tuple(w for w in GENERIC_ORG if len(w) > 1)))
STRONG_PREFIX = ("中共", "共青团", "中华人民共和国", "国务院", "中央", "国家", "全国")
GENERIC_PLACES = frozenset(V.generic_place_words)
# A level character after an area or pronoun character is a common word (城乡, 辖区, 我区), never a proper name's
# end; 山区, 地区 are left out, as 西山区 and 普陀山区 end in them.
AREA_COMPOUNDS = tuple(w for w in V.generic_place_words
                       if len(w) == 2 and w not in V.place_levels and w[0] in "城农乡市县区省镇辖郊小片全本我该各")
LEVEL_CHARS = "省市区县镇乡"
LEVEL_CHAR = re.compile(f"[{LEVEL_CHARS}]")
INNER_GENERIC_AFTER = LEVEL_CHARS + "道和"  # what may precede a generic word inside a name (_is_name)
# A proper name is two or three characters (precision first: longer ones would swallow the verb before them);
# 中共 before it is the party body's.
PLACE_AT = re.compile(rf"(?:中共)?(?P<x>[{CJK}]{{2,3}}?)(?P<level>{alternation(V.place_levels)})")
PLACE_MODIFIER_AFTER = re.compile(alternation(V.place_modifier_followers))
NOT_PLACE = re.compile(alternation(V.not_place_words) + "(?!政)")  # 仁怀市民政局: 市 ends a place
PLACE_BEFORE = re.compile(rf"(?:{alternation(V.place_prepositions)})$")
NOT_IN_PLACE = re.compile("[和与及的之不我该本各全其每个级已]")
NOT_IN_LOWER = re.compile("[上前离入融]")  # 以上/目前/距离/融入 社区: a position word, not a name
LOWER_LEVELS = ("社区", "村", "街道")  # named with common words (朝阳, 团结): need a preposition, a list or a count
TOWNSHIP_LEVELS = ("街道", "镇", "乡")  # 乡级 bodies: 街道办事处, 镇/乡人民政府 (a 社区/村 is named as an area)
ISSUER_CODE_AFTER = re.compile(rf"[{CJK}]{{0,2}}[ ]?[〔(][ ]?(?:19|20)\d\d")
NAMED_INSTITUTES = ("法院", "检察院", "医院", "学院", "研究院", "科学院", "设计院", "国务院")
WEAK_SUFFIXES = ("院",)  # 院 ends rooms and yards too: a 院 body needs a place or level before it (省水院)
# A figure starts at the first digit of a number: the look-behind spares the retries at every later digit of a
# long number that is no figure (years, telephone numbers), which cannot match where the first digit did not.
# Placed after the first \d, it leaves re its fast scan for a digit. The digits are taken possessively: what
# follows them (a point, a space, 余, a unit) is no digit, so giving one back could never make a match.
FIGURE = re.compile(rf"(?P<v>\d(?<!\d\d)\d*+(?:\.\d++)?)[ ]?(?:余|多)?[ ]?(?P<u>{alternation(V.units)})(?P<c>[{CJK}]{{0,14}})")
COUNTED_END = re.compile(alternation(V.counted_stops))
COUNTED_MAX = 12  # characters of the counted noun kept (街道办事处社会工作服务站)
COUNTED_LEAD = re.compile(r"^(?:以上|以下|左右|多|余)")
PERCENT_SUBJECT = re.compile(rf"(?P<s>[^\W\d_且和的与及在是]{{0,10}}(?:率|比例|占比|比重))(?:达到|提高到|提升到|达|为|超过|增长|下降)?[ ]?$")
MONEY_OR_PEOPLE = ("元", "万元", "亿元", "名", "人", "人次", "户", "平方米", "公里", "亩", "吨", "米")


def _by_last_character(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Words grouped by their last character, so an endswith test looks only at the words that can match."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[-1], []).append(word)
    return {last: tuple(group) for last, group in groups.items()}


PREPOSITION_ENDS = _by_last_character(V.place_prepositions)
SUFFIX_ENDS = _by_last_character(SUFFIXES)


def _chinese_except(chars: str) -> str:
    """A character class of the Chinese characters but ``chars``, as ranges.

    >>> _chinese_except("一丁") == "[\u4e02-\u9fff]"
    True
    """
    ranges, low = [], 0x4E00
    for code in sorted({ord(c) for c in chars if "\u4e00" <= c <= "\u9fff"}):
        if code > low:
            ranges.append(f"{chr(low)}-{chr(code - 1)}")
        low = code + 1
    if low <= 0x9FFF:
        ranges.append(f"{chr(low)}-\u9fff")
    return "[" + "".join(ranges) + "]"


def _opening_level_pattern(levels: tuple[str, ...], quiet: str) -> str:
    """The matches of alternation(levels) less those where no place can open (_place_opening finds none): the
    two characters three and four before the level are ``quiet`` (Chinese, ending no preposition, agency suffix
    or count, no 中共) and the one two before is Chinese, as in most prose (市场, 社区治理). Each level is checked
    after its literal, so re still skips to the levels' first characters; a one-character level refuses to end
    a longer one (社区, 自治县), which the plain alternation would have matched whole, so a refused 社区 yields no
    区.
    """
    branches = []
    for level in levels:  # longest first, as the plain alternation tries them
        inside = "".join(f"(?<!{re.escape(longer)})" for longer in levels
                         if len(longer) > len(level) == 1 and longer.endswith(level))
        branches.append(f"{re.escape(level)}{inside}(?<!{quiet}{quiet}[{CJK}][\\s\\S]{re.escape(level)})")
    return "|".join(branches)


# What cannot precede the two or three characters of a place's name where it opens (see _place_opening).
QUIET_BEFORE = _chinese_except(AFTER_NUMBER + "".join(PREPOSITION_ENDS) + "".join(SUFFIX_ENDS) + "中共")
OPENING_LEVEL = re.compile(_opening_level_pattern(V.place_levels, QUIET_BEFORE))


def find_places(clean: str) -> list[Place]:
    """Administrative places named at a real boundary, with their level, each once, in order of first mention.

    >>> [(p.name, p.level) for p in find_places("昆明市西山区民政局:推动西山城乡社区治理,争取增设至龙泉社区的公交。")]
    [('昆明市', '市'), ('西山区', '区'), ('龙泉社区', '社区')]
    """
    found: dict[str, Place] = {}
    covered = 0
    for level in OPENING_LEVEL.finditer(clean):  # the levels where a place may open
        opening = _place_opening(clean, level.start()) if level.start() >= covered else None
        if opening is None:
            continue
        start, at_boundary = opening
        # the segment ends at the first non-Chinese character or splitter word; the two searches apart are far
        # cheaper than one alternation of both (whose first character can be anything, so no position is skipped)
        run_end = NON_CJK.search(clean, start)
        run_end = run_end.start() if run_end else len(clean)
        split = SPLITTER.search(clean, start, run_end)  # splitter words are all Chinese: none crosses run_end
        end = split.start() if split else run_end
        chain = _chain(clean[start:end]) if end - start > 2 else ()  # a place takes three characters at least
        for i, (name, kind, (a, b)) in enumerate(chain):
            if i == 0 and at_boundary and kind in LOWER_LEVELS and (
                    NOT_IN_LOWER.search(name) or not _lower_place_marked(clean, start, b, found)):
                break
            if name not in found:  # not setdefault: it would build a Place for every mention
                found[name] = Place(name, kind, (start + a, start + b))
        covered = start + (chain[-1][2][1] if chain else 0)
    return sorted(found.values(), key=lambda p: p.span)


def _place_opening(clean: str, level: int) -> tuple[int, bool] | None:
    """Where the place ending at a level character opens (two or three characters before it, four or five with
    中共), and whether it opens at a real boundary or right after an agency's name (…人民政府正阳街道)."""
    # Called at every level character: plain character comparisons and endswith on the few words ending in the
    # character before, rather than a regex call per check (this loop was a third of find_places).
    for width in (2, 3, 4, 5):
        if width == 4 and clean.find("中共", max(0, level - 5), level - 2) < 0:
            return None  # only 中共 opens a place four or five characters before its level (most text has none)
        start = level - width
        if start < 0 or not "\u4e00" <= clean[start] <= "\u9fff":
            return None
        if width > 3 and not clean.startswith("中共", start):
            continue
        if start == 0:
            return start, True
        before = clean[start - 1]
        if before.isdigit() and clean[start] in AFTER_NUMBER:
            return None  # 2023年度…, 10个街道…: a date or a count, not a name
        if not "\u4e00" <= before <= "\u9fff" and before not in "“”)":
            return start, True
        if before in AFTER_NUMBER and clean[start - 2:start - 1].isdigit() or (
                before in PREPOSITION_ENDS and clean.endswith(PREPOSITION_ENDS[before], max(0, start - 4), start)):
            return start, True
        if before in SUFFIX_ENDS and clean.endswith(SUFFIX_ENDS[before], max(0, start - 8), start):
            return start, False
    return None


def _lower_place_marked(clean: str, start: int, end: int, found: dict[str, Place]) -> bool:
    """A 社区/村/街道 at the start of a segment is a place after a preposition, in a list of places, or counted."""
    before = clean[max(0, start - 4):start]
    listed = before.endswith("、") and any(p.span[1] == start - 1 for p in found.values())
    counted = COUNT_AFTER.match(clean, start + end) is not None
    return bool(PLACE_BEFORE.search(before)) or listed or counted


def find_organizations(clean: str, places: frozenset[str] = frozenset()) -> list[Agency]:
    """Organization names, each once, in order of first mention; ``places`` (find_places names) tell where a
    name glued to a verb starts.

    >>> [a.name for a in find_organizations("民政局积极与交通局沟通,并会同区委社工委牵头,依托区社工总站和基地。")]
    ['民政局', '交通局', '区委社工委', '区社工总站']
    >>> [a.name for a in find_organizations("形成工作格局,支持党组织健全的社会组织优先承接政府转移职能,局长带队。")]
    []
    >>> [a.name for a in find_organizations("已经纳入仁怀市人民政府制定的规划", frozenset({"仁怀市"}))]
    ['仁怀市人民政府']
    """
    found: dict[str, Agency] = {}
    read: set[str] = set()
    known = tuple(places)
    higher = tuple(k for k in places if not k.endswith(TOWNSHIP_LEVELS + LOWER_LEVELS))
    proper = STRONG_PREFIX + known  # what makes a name proper when it starts it (_is_kind)
    for start, segment in _segments_with(clean, AGENCY_END, NAME_REACH):
        if segment in read:
            continue  # the same words again name the same bodies
        read.add(segment)
        end = _last_agency_end(segment)
        if end is None or end < 2 or end == 2 and segment[0] not in LEVEL_CHARS:
            continue  # no name is this short (_is_name): 我局, 政府 alone
        if ISSUER_CODE_AFTER.match(clean, start + end):
            continue  # 涵住建办〔2022〕, 常政办发〔2023〕: an issuer code, not a name
        cut = _name_start(segment[:end], known)
        for a, b in _split_names(segment[cut:end], higher):
            name = segment[cut + a:cut + b]
            if name not in found and _is_name(name) and not _is_kind(clean, name, proper):
                found[name] = Agency(name, (start + cut + a, start + cut + b))
    return sorted(found.values(), key=lambda a: a.span)


def _is_kind(clean: str, name: str, proper: tuple[str, ...]) -> bool:
    """A name starting with none of ``proper`` (known places, 中共/国务院 …) nor a level character names a kind
    of body (养老服务中心, 社工站) when the words before its suffix are used on their own elsewhere in the text (a
    proper name's are not: 东方惠乐…), or when the text counts it. Ministries (民政部) are unique whatever their
    words."""
    if name[0] in LEVEL_CHARS or name.startswith(proper):
        return False
    suffix = next((s for s in SUFFIX_ENDS.get(name[-1], ()) if name.endswith(s)), "")  # longest first
    stem = name[:len(name) - len(suffix)]
    return bool(stem) and suffix != "部" and (clean.count(stem) > clean.count(name) or _is_counted(clean, name))


def _is_counted(clean: str, name: str) -> bool:
    """建成社工站12个, 日间照料中心 15 个: a name followed by a number is a kind of facility being counted."""
    at = clean.find(name)
    while at >= 0:
        after = clean[at + len(name):at + len(name) + 2].lstrip(" ")
        if after[:1].isdigit():
            return True
        at = clean.find(name, at + len(name))
    return False


def find_township_bodies(places: list[Place]) -> list[Agency]:
    """A 街道, 镇 or 乡 acts as a body (街道与中心签订协议): its name with the places written before it.

    >>> [a.name for a in find_township_bodies([Place("五华区", "区", (0, 3)), Place("莲华街道", "街道", (3, 7))])]
    ['五华区莲华街道']
    """
    bodies, chain = [], []
    for place in places:
        chain = chain + [place] if chain and chain[-1].span[1] == place.span[0] else [place]
        if place.level in TOWNSHIP_LEVELS:
            bodies.append(Agency("".join(p.name for p in chain), (chain[0].span[0], place.span[1])))
    return bodies


def _segments_with(clean: str, pattern: re.Pattern, reach: int) -> list[tuple[int, str]]:
    """The segments (runs of Chinese characters cut at prepositions and verbs, where names may start) holding a
    match of ``pattern`` within ``reach`` characters of their start, as (start, text), in text order. Only the
    runs holding a match are split, each once (_split_run keeps the splits of runs seen before)."""
    found: list[tuple[int, str]] = []
    size, backwards = len(clean), None
    run_start, run_end, pieces, read = 0, -1, (), set()
    for match in pattern.finditer(clean):
        at = match.start()
        if at >= run_end:  # a new run: split it (or find its split kept from before)
            if backwards is None:
                backwards = clean[::-1]  # the nearest non-Chinese character before is found reading backwards
            before = NON_CJK.search(backwards, size - at)
            run_start = size - before.start() if before else 0
            after = NON_CJK.search(clean, at)
            run_end = after.start() if after else size
            pieces, read = _split_run(clean[run_start:run_end]), set()
        offset = at - run_start
        for piece_at, piece_end in pieces:
            if offset < piece_end:  # the first piece ending after the match holds it, unless it starts after it
                if piece_at <= offset and piece_at not in read and offset - piece_at <= reach:
                    read.add(piece_at)
                    start = run_start + piece_at
                    before_char = clean[start - 1:start]
                    if before_char in ("“", "”", ")"):
                        break  # a quoted term (“双中心”), words right after one, or a name cut by a bracket (村(居)务…)
                    if before_char.isdigit() and clean[start] in AFTER_NUMBER:
                        start += 1  # 2013年第五届…, 10个街道…: a date or a count, not a name
                    if start < run_start + piece_end:
                        found.append((start, clean[start:run_start + piece_end]))
                break
    return found


@lru_cache(maxsize=8192)  # pure, and clauses recur across documents
def _split_run(run: str) -> tuple[tuple[int, int], ...]:
    """A run of Chinese characters cut at prepositions and verbs, as the (start, end) offsets of its pieces (the
    text of the one piece read is sliced from the document)."""
    pieces, at = [], 0
    for split in SPLITTER.finditer(run):
        if split.start() > at:
            pieces.append((at, split.start()))
        at = split.end()
    if at < len(run):
        pieces.append((at, len(run)))
    return tuple(pieces)


@lru_cache(maxsize=8192)  # pure, and the same words recur across documents
def _chain(segment: str) -> tuple[tuple[str, str, tuple[int, int]], ...]:
    """The places chained at the start of a segment (昆明市西山区…), as (name, level, span)."""
    chain, at = [], 0
    while match := PLACE_AT.match(segment, at):
        x, level = match.groups()
        name = x + level  # what follows 中共
        if (name in GENERIC_PLACES or (level == "区" and x.endswith("社")) or name.endswith(AREA_COMPOUNDS)
                or x.startswith(GENERIC_ORG) or NOT_IN_PLACE.search(x) or ORG_SUFFIX.match(x)
                or (NOT_PLACE.match(segment, match.start(2)) and not segment.startswith("中共", at))
                or PLACE_MODIFIER_AFTER.match(segment, match.end())):
            break
        chain.append((name, level, (match.start(1), match.end())))
        at = match.end()
    return tuple(chain)


@lru_cache(maxsize=8192)  # pure, and the same words recur across documents
def _last_agency_end(segment: str) -> int | None:
    end = None  # searched again from each end, as finditer would, without an iterator's cost on a short segment
    match = AGENCY_END.search(segment)
    while match:
        end = match.end()
        match = AGENCY_END.search(segment, end)
    return end


@lru_cache(maxsize=8192)  # pure; one region's documents repeat their names and places
def _name_start(candidate: str, known: tuple[str, ...]) -> int:
    """Where the name starts: at a known place, else at a level character glued to an unknown word (依托区…)."""
    if candidate.startswith(STRONG_PREFIX):
        return 0
    at = -1  # the first known place in the candidate (a loop: min over a generator costs twice as much)
    for place in known:
        i = candidate.find(place)
        if i >= 0 and (i < at or at < 0):
            at = i
    if at >= 0:
        return at
    for level in LEVEL_CHAR.finditer(candidate, 1):
        p = level.start()
        if candidate[p - 1:p + 1] in GENERIC_PLACES:
            continue
        if candidate.endswith(SUFFIXES, 0, p) or candidate.endswith(SUFFIXES, 0, p + 1):
            return 0  # a body of an agency (…人民政府正阳街道办事处) or a 师市 body
        return p
    return 0


@lru_cache(maxsize=8192)
def _split_names(name: str, higher: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Bodies written one after another: 区救助管理站和未成年人救助保护中心, 中共中央办公厅国务院办公厅,
    中共浙江省委浙江省人民政府; not 住房和城乡建设局, 党和政府, nor a 街道办事处 of a 人民政府 (``higher``:
    the known places above 乡 level).

    >>> _split_names("中共浙江省委浙江省人民政府", ("浙江省",))
    ((0, 6), (6, 13))
    """
    if not ORG_SUFFIX.search(name, 0, len(name) - 2):
        return ((0, len(name)),)  # one body: no suffix before its end (most names)
    cuts = [0]
    for suffix in ORG_SUFFIX.finditer(name, 0, len(name) - 2):
        i = suffix.end()
        if i < 2 or i in cuts:
            continue
        rest = name[i:]
        level_body = rest[0] in LEVEL_CHARS and _last_agency_end(rest) == len(rest)  # 区委区政府
        if rest.startswith(STRONG_PREFIX + higher) or level_body or (rest[0] == "和" and _last_agency_end(rest[1:])):
            cuts.append(i + (rest[0] == "和"))
    bounds = cuts + [len(name) + 1]
    return tuple((a, b - 1 if b <= len(name) and name[b - 1] == "和" else min(b, len(name)))
                 for a, b in zip(bounds, bounds[1:]))


def _ends_with_agency(text: str) -> bool:
    return text.endswith(SUFFIXES)


@lru_cache(maxsize=8192)
def _is_name(name: str) -> bool:
    """Whether a candidate reads as one body's name rather than a word, a kind of body or two bodies."""
    if len(name) < 3 and not (len(name) == 2 and name[0] in LEVEL_CHARS):
        return False
    if name.endswith(WEAK_SUFFIXES) and not name.endswith(NAMED_INSTITUTES) and name[0] not in LEVEL_CHARS:
        return False
    if (name in SUFFIX_WORDS and not name.startswith(STRONG_PREFIX)) or "各" in name \
            or ("和" in name and BARE_PAIR.search(name)) or name in FACILITY_KINDS:
        return False
    rest = next((name[len(p):] for p in STRONG_PREFIX if name.startswith(p) and len(name) > len(p)), name) \
        if name.startswith(STRONG_PREFIX) else name
    if rest.startswith(GENERIC_ORG):
        return False
    inner_at = GENERIC_INNER_AT.search(rest, 1)  # the first generic word inside, as startswith at each index
    inner = inner_at.start() if inner_at else None
    # 社区/社会… inside a name needs a place, an agency or 和 before it (昆明市五华区社会组织…中心, 住房和城乡建设局),
    # and 街道 may follow a street's proper name after its county (…永定县盛湖街道办事处)
    if inner is None or rest[inner - 1] in INNER_GENERIC_AFTER or _ends_with_agency(rest[:inner]):
        return True
    return any(inner - k > 0 and rest[inner - k - 1] in LEVEL_CHARS for k in (2, 3)) and rest.startswith("街道", inner)


def find_figures(clean: str) -> list[Figure]:
    """Numbers with a unit and what they count: the noun after a count, the subject (…率) before a percentage;
    money and people stand alone, other bare counts and subjectless percentages are dropped.

    >>> [(f.value, f.unit, f.counted) for f in find_figures("126 名专职社工活跃在社区,投入资金170万元,备案率达 100%,增长 20%。")]
    [('126', '名', '专职社工'), ('170', '万元', None), ('100', '%', '备案率')]
    """
    found = []
    for match in FIGURE.finditer(clean):
        value, unit, after = match.groups()  # v, u, c: positional is cheaper than by name, per figure
        at = match.start()
        if at and clean[at - 1] == "第" or after.startswith("百分点"):
            continue  # an ordinal (第100次), or a change in percentage points without its subject
        if unit == "%":
            # every subject ends in 率 or holds 比 (比例, 占比, 比重): without either nearby there is none to search
            window = clean[max(0, at - 12):at]
            subject = PERCENT_SUBJECT.search(clean, max(0, at - 12), at) if "率" in window or "比" in window else None
            if subject:
                found.append(Figure(value, unit, subject.group("s"), (subject.start("s"), match.end("u"))))
            continue
        counted = _counted(after) if after else None  # most figures are followed by punctuation: nothing to read
        if counted is None:
            if unit in MONEY_OR_PEOPLE:
                found.append(Figure(value, unit, None, (at, match.end("u"))))
            continue
        found.append(Figure(value, unit, counted, (at, match.end("u") + after.index(counted) + len(counted))))
    return found


@lru_cache(maxsize=8192)  # pure, and the same phrases recur
def _counted(after: str) -> str | None:
    """The noun a count counts, read from the words after its unit (以上社区社会组织 → 社区社会组织)."""
    counted = COUNTED_LEAD.sub("", after)
    end = COUNTED_END.search(counted)
    return (counted[:end.start()] if end else counted)[:COUNTED_MAX] or None
