"""The shortcuts taken for speed give what the plain forms they replace give, on the annotated documents and
on hand-made edge cases (a cut first line, rule lines, phrases at the text's ends)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from gongwen.loaders.clean import TABLE, clean_text
from gongwen.loaders import docnumbers
from gongwen.loaders.docnumbers import CODE_BEFORE, CORE, core_matches, trim_code
from gongwen.loaders.entities import AGENCY_END, AGENCY_END_BRANCHES, FIGURE, OPENING_LEVEL, ORG_SUFFIX, SPLITTER, _place_opening
from gongwen.loaders.people import ROLE, ROLE_NAME, _role_names
from gongwen.loaders.header import AGENCY, AGENCY_SUFFIXES, OWN_NUMBER_FIRST, PARTS_SPLIT, is_agency
from gongwen.loaders.lines import LINE, MARKUP, NEAR_WIDE, SPACE_RUN, WRAP, Line, join_title, join_wide, last_lines, split_lines
from gongwen.loaders.header import HANDLING, HANDLING_WORDS, HEAD_LIMIT, PUBLIC, PUBLIC_REACH
from gongwen.loaders.programmes import CREATION, END_REACH, FACILITY_WORDS, QUOTED, TITLE_ENDS, UNQUOTED, _facility_built_ends
from gongwen.loaders.reply import ACK_BARE, KIND_IN_BODY, _bare_acknowledgement
from gongwen.loaders.resolve import REFERENCE, THAT_REFERENCE
from gongwen.loaders.reply import trimmed_lines
from gongwen.loaders.resolve import _lookup_issuer, _seed_issuer, code_stem, load_issuer_codes
from gongwen.loaders.vocab import alternation, factored_alternation, load_vocab, scan_start

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted((ROOT / "loaders" / "sample_corpus").glob("*.txt")) + sorted(
    (ROOT / "tests" / "fixtures" / "devset" / "docs").glob("*.txt"))
TEXTS = [clean_text(p.read_text(encoding="utf-8")) for p in DOCUMENTS] + [
    "正文。\n---\n\n## 昆明市西山区民政局\n   2023年5月10日  ",   # a rule and a Markdown heading before the signature
    "一行很长的正文" * 40 + "\n民政局\n2023年5月10日",            # a long line cut by the first window
    "站建设中心建设",                                             # phrases at both ends of the text
    "",
]
FACILITY_BUILT = re.compile(rf"{alternation(FACILITY_WORDS)}建设")  # the regex the str.find scan replaces


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(("back", "count"), [(300, 2), (400, 3), (10_000, 1), (20, 3)])
def test_last_lines_are_the_tail_of_split_lines(text, back, count):
    start = max(0, len(text) - back)
    assert last_lines(text, start, len(text), count) == split_lines(text, start, len(text))[-count:]


@pytest.mark.parametrize("text", TEXTS)
def test_facility_built_ends_are_the_regex_match_ends(text):
    assert _facility_built_ends(text) == [m.end() for m in FACILITY_BUILT.finditer(text)]


def test_no_facility_word_holds_the_characters_of_jianshe():
    assert not any(c in word for word in FACILITY_WORDS for c in "建设")


@pytest.mark.parametrize("text", [p.read_text(encoding="utf-8") for p in DOCUMENTS] + [
    "（一）［2022］【通知】﹝2021﹞〔2020〕「引」﹕︰\u3000•ＡＢＣ１２３", "〔〕〔", ""])
def test_clean_text_is_the_table_translation(text):
    assert clean_text(text) == text.translate(TABLE)


@pytest.mark.parametrize("text", TEXTS + ["电话68220583,2023年投入170.5万元,第100次,12345个社区,1.5.6个", "1.个 2. 5个 3余 人"])
def test_figure_matches_those_of_the_plain_pattern(text):
    plain = re.compile(FIGURE.pattern.replace(r"\d(?<!\d\d)\d*+(?:\.\d++)?", r"\d+(?:\.\d+)?", 1))  # nor possessives
    assert plain.pattern != FIGURE.pattern
    assert [m.span() + m.groups() for m in FIGURE.finditer(text)] == [m.span() + m.groups() for m in plain.finditer(text)]


@pytest.mark.parametrize("text", TEXTS + ["依托区社工总站和基地,并会同区委社工委牵头,为民服务站为群众"])
def test_splitter_matches_those_of_the_plain_alternation(text):
    plain = re.compile(alternation(load_vocab().organization_splitters) + "|为(?!民)")
    assert [m.span() for m in SPLITTER.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("text", TEXTS + ["社区区社区市", "在社区治理中,市场", "自治区区新区县", "中共西山区委", "中共西山省委",
                                          "10个街道,2023年度社区", "“龙泉”社区", "民政局西山区", "市区", "区"])
def test_opening_levels_are_the_plain_levels_where_a_place_opens(text):
    plain = [m.span() for m in re.finditer(alternation(load_vocab().place_levels), text)]
    opening = [m.span() for m in OPENING_LEVEL.finditer(text)]
    assert set(opening) <= set(plain)
    assert {s for s in plain if _place_opening(text, s[0]) is not None} <= set(opening)


@pytest.mark.parametrize("code", sorted({form for known in load_issuer_codes() for form in (
    known, code_stem(known), code_stem(known) + "函", code_stem(known) + "通", known + "字")} | {"无", "", "某发"}))
def test_seed_issuer_is_the_lookup_in_the_seed_registry(code):
    assert _seed_issuer(code) == _lookup_issuer(code, load_issuer_codes())


FACTORED = {  # patterns grouping their branches by first character, and the plain alternations they stand for
    "agency ends": (AGENCY_END, "(?:" + "|".join(AGENCY_END_BRANCHES) + ")"),
    "organization suffixes": (ORG_SUFFIX, alternation(load_vocab().organization_suffixes)),
    "role names": (ROLE_NAME, ROLE_NAME.pattern.replace(ROLE, alternation(load_vocab().roles), 1)),
} | {key: (re.compile(factored_alternation(words)), alternation(words)) for key, words in vars(load_vocab()).items()}


@pytest.mark.parametrize(("pattern", "plain"), FACTORED.values(), ids=FACTORED.keys())
def test_factored_alternations_match_what_the_plain_ones_match(pattern, plain):
    plain = re.compile(plain)
    for text in TEXTS + ["局长办公室格局局面党组织协商会议社工站建设副局长张三同志", "委员会委托委员办理"]:
        assert [m.span() + m.groups() for m in pattern.finditer(text)] == \
            [m.span() + m.groups() for m in plain.finditer(text)]


@pytest.mark.parametrize("text", TEXTS + ["实施城乡供水一体化工程", "开展" + "一" * 11 + "行动,推进社区创建和再创建", "深化志愿服务行动计划",
                                          "加快推进某某某某某某某某某某某某工程", "推进" * 20 + "工程行动"])
@pytest.mark.parametrize(("pattern", "ends"), [(UNQUOTED, ("工程", "行动")), (CREATION, ("创建",))])
def test_unquoted_scans_from_before_the_first_end_find_what_a_whole_scan_finds(text, pattern, ends):
    start = scan_start(text, ends, END_REACH)
    found = [m.span() + m.groups() for m in pattern.finditer(text, start)] if start >= 0 else []
    assert found == [m.span() + m.groups() for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", sorted({m.group("x") for t in TEXTS for m in QUOTED.finditer(t)} | {
    "关于推进", "社区的治理", "意见", "解决问题", "五社联动", "建议和意见", "方案设计"}))
def test_title_like_names_are_those_of_the_plain_pattern(name):
    plain = re.compile(r"^关于|的|问题$|建议$|意见$|通知$|办法$|方案$")
    assert bool(plain.search(name)) == (name.startswith("关于") or "的" in name or name.endswith(TITLE_ENDS))


def _split_lines_by_regex(clean, start=0, end=None):  # the regex scan split_lines replaces
    end = len(clean) if end is None else end
    lines, last_end = [], start
    for match in LINE.finditer(clean, start, end):
        raw = match.group()
        unmarked = raw.lstrip(MARKUP)
        stripped = unmarked.rstrip()
        if not stripped or not stripped.strip("-=_*|"):
            continue
        at = match.start() + len(raw) - len(unmarked)
        lines.append(Line(stripped, at, at + len(stripped), bool(lines) and clean.count("\n", last_end, match.start()) > 1))
        last_end = match.end()
    return lines


@pytest.mark.parametrize("text", TEXTS + ["\n\n 标题 \n \n---\n\n## 附件\n", "a\r\nb\n\n\nc", "\n", "x"])
@pytest.mark.parametrize(("start", "end"), [(0, None), (1, None), (0, -1), (3, 40), (7, 7)])
def test_split_lines_is_the_regex_scan(text, start, end):
    end = None if end is None else max(0, len(text) + end if end < 0 else end)
    assert split_lines(text, start, end) == _split_lines_by_regex(text, start, end)


def _is_agency_plain(text):  # is_agency without the test of the last name's suffix before splitting
    text = text.strip()
    parts = [p for p in PARTS_SPLIT.split(text) if p] if " " in text or "、" in text else [text] if text else []
    return bool(parts) and all(p.endswith(AGENCY_SUFFIXES) and AGENCY.fullmatch(p) and not p.startswith("各")
                               and "关于" not in p for p in parts)


@pytest.mark.parametrize("text", TEXTS)
def test_is_agency_is_the_plain_test_on_every_line(text):
    lines = text.split("\n") + [line + "、" for line in text.split("\n")] + [
        "中共湖州市委  湖州市人民政府", "民政局、", "民政局\t、", " 、民政局 、 ", "、", " ", "各单位", "关于民政局"]
    assert [is_agency(line) for line in lines] == [_is_agency_plain(line) for line in lines]


@pytest.mark.parametrize("text", TEXTS + ["根据西办通〔2022〕54号", "一二三四五六七八九十一二三四 〔2022〕1号", "x 〔2022〕1号", "〔2022〕1号"])
def test_code_before_matches_what_the_backtracking_pattern_matches(text):
    plain = re.compile(CODE_BEFORE.pattern.replace("}+", "}", 1))
    assert plain.pattern != CODE_BEFORE.pattern
    for core in CORE.finditer(text):
        window = (max(0, core.start() - 13), core.start())
        found, expected = CODE_BEFORE.search(text, *window), plain.search(text, *window)
        assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize("text", [p.read_text(encoding="utf-8") for p in DOCUMENTS])
def test_joins_are_the_substitutions(text):
    values = text.split("\n") + text.split("。") + [
        "关于X \u3000的函", "a\xa0b", "a\x1cb", "创新“五社联动”机制  提升基层\n治理效能", " ", "", "\t"]
    for value in values:
        assert join_wide(value) == SPACE_RUN.sub(" ", NEAR_WIDE.sub("", value)).strip()
        assert join_title(value) == SPACE_RUN.sub(" ", WRAP.sub("", value)).strip()


@pytest.mark.parametrize("text", TEXTS + ["  张三代表: \n\n   \n李四\r\n 王五 ", "\n", " "])
def test_trimmed_lines_are_those_of_the_lazy_pattern(text):
    plain = re.compile(r"^[ ]*([^\n]+?)[ ]*$", re.MULTILINE)
    expected = [(m.group(1), m.start(1)) for m in plain.finditer(text) if m.group(1).strip(" ")]  # " " on a blank line
    assert list(trimmed_lines(text)) == expected


SCANNED = [  # (pattern, words each match holds, how far into a match they may stand, end of the scan)
    (PUBLIC, ("公开",), PUBLIC_REACH, None),
    (HANDLING, HANDLING_WORDS, 2, HEAD_LIMIT),
    (KIND_IN_BODY, ("收悉",), 3, None),
]
SCANNED_TEXTS = TEXTS + ["(此件主动公开)", "是否公开: 否", "公开方式: 主动公开", "(此件不予公开)", "〔办理类型 B〕", "办理结果:A",
                         "类 别: C", "答复类别:A", "建议已收悉", "提案收悉", "议案 收悉"]


@pytest.mark.parametrize("text", SCANNED_TEXTS)
@pytest.mark.parametrize(("pattern", "words", "reach", "end"), SCANNED)
def test_scans_from_before_the_first_word_find_what_a_whole_scan_finds(text, pattern, words, reach, end):
    end = len(text) if end is None else end
    for begin in range(0, len(text), max(1, len(text) // 7)):  # from several starts, as _kind_after scans
        start = scan_start(text, words, reach, begin, end)
        found = pattern.search(text, start, end) if start >= 0 else None
        expected = pattern.search(text, begin, end)
        assert (found and found.span() + found.groups()) == (expected and expected.span() + expected.groups())


@pytest.mark.parametrize("text", SCANNED_TEXTS + ["正文\n《关于X的建议》建议收悉\n《Y》提案已收悉", "收悉\n  《Z》议案收悉"])
def test_bare_acknowledgement_is_the_first_match_of_the_whole_scan(text):
    found, expected = _bare_acknowledgement(text), ACK_BARE.search(text)
    assert (found and found.span() + found.groups()) == (expected and expected.span() + expected.groups())


@pytest.mark.parametrize("text", TEXTS + ["按照该文件和该通知执行", "该方案(12号文件)"])
def test_that_reference_finds_what_reference_finds_without_haowen(text):
    if "号文" not in text:
        assert [m.span() for m in THAT_REFERENCE.finditer(text)] == [m.span() for m in REFERENCE.finditer(text)]


@pytest.mark.parametrize("text", TEXTS + ["由局长张建强同志任组长、分管副局长付俊明同志任副组长", "组长谭颂、副组长徐小琴,成员陈书文、彭军和各社区书记",
                                          "局长局长张三,副局长李四", "党组书记王五同志", "领导署名赵六", "长", "局长", "市长刘七"])
def test_role_names_are_the_matches_of_the_whole_scan(text):
    assert [m.span() + m.groups() for m in _role_names(text)] == [m.span() + m.groups() for m in ROLE_NAME.finditer(text)]


@pytest.mark.parametrize("text", TEXTS + ["根据西办通〔2022〕54号", "落实舒办发〔2021〕1号", "省政府苏政发〔2020〕3号", "文件精神号文国发〔2019〕2号"])
def test_trim_code_reads_the_stop_words_only_when_one_occurs(text, monkeypatch):
    raws = [m.group().rstrip() for core in CORE.finditer(text)
            if (m := CODE_BEFORE.search(text, max(0, core.start() - 13), core.start()))]
    raws += [raw[i:] for raw in raws for i in range(1, len(raw))]
    fast = [(trim_code(raw), trim_code(raw, glued=True)) for raw in raws]
    monkeypatch.setattr(docnumbers, "STOP_WORD", re.compile(""))  # matches everywhere: every word is looked for
    assert fast == [(trim_code(raw), trim_code(raw, glued=True)) for raw in raws]


@pytest.mark.parametrize("text", TEXTS + ["西办通(2022)54号〔2021〕3号(2020) 7号", "(〔2022〕1号", "〔(2022)1号", "( 2023〕 第 5 号"])
def test_core_matches_are_those_of_the_class_scan(text):
    assert [m.span() + m.groups() for m in core_matches(text)] == [m.span() + m.groups() for m in CORE.finditer(text)]


@pytest.mark.parametrize("text", TEXTS + ["津民政函〔2022〕72号关于X的复函", "津民政函(2022)72号关于X的复函"])
def test_own_number_first_needs_its_bracket(text):
    assert all(OWN_NUMBER_FIRST.match(line) is None for line in text.split("\n") if "〔" not in line)
