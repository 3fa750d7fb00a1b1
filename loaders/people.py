"""Find named people with the role printed beside them (签发人:, 联系人及电话:, 局长张三同志, 组长…、成员…)
and the bodies listed after 抄送 (GB/T 9704-2012 §8.2 版记).

A name is a common surname (data/vocab.yaml) followed by one or two characters, ending where a name must
end (punctuation, 同志, 任, 和 …); a role label may list several names separated by 、.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from gongwen.loaders.lines import join_wide
from gongwen.loaders.models import Agency, Person
from gongwen.loaders.vocab import alternation, factored_alternation, load_vocab

CJK = "\u4e00-\u9fff"
V = load_vocab()
SURNAME = alternation(V.surnames)
NAME = rf"{SURNAME}(?:[ ]?[{CJK}]){{1,2}}"
NAME_END = r"(?=同志|[、,;:。\s()|]|和|及|任|为|$|\d)"
ROLE = factored_alternation(V.roles)
# 联 系 人:林敏捷 / (联系人及电话:杨雕 68220583) / 签发人:高继强 / 领导署名:佘 富
LABELLED = re.compile(
    rf"(?P<role>签[ ]?发[ ]?人|联[ ]?系[ ]?人|领[ ]?导[ ]?署[ ]?名|负[ ]?责[ ]?人|经[ ]?办[ ]?人|承[ ]?办[ ]?人)"
    rf"(?:及(?:联系)?电话)?[ ]*:[ ]*(?P<name>{SURNAME}(?:[ ]?[{CJK}]){{1,2}}?){NAME_END}"
    rf"(?:[ ]*[、,]?[ ]*(?P<phone>1\d{{10}}|(?:0\d{{2,3}}-?)?\d{{7,8}})(?!\d))?")
PHONE_LINE = re.compile(r"(?:联系)?电话[ ]*:[ ]*(?P<phone>1\d{10}|(?:0\d{2,3}-?)?\d{7,8})(?!\d)")
# 由局长张建强同志任组长 / 组长谭颂、副组长徐小琴,成员陈书文、彭军: a role word, then one or more names. The
# role must start a phrase (no Chinese character before it) unless 由/分管 precede it or 同志 follows the name.
ROLE_NAME = re.compile(rf"(?P<role>{ROLE})(?P<names>{NAME}{NAME_END}(?:、{NAME}{NAME_END})*)")
# A role-name match opens where a role does, and every role ends in one of seven characters (人, 长, 记 …), far
# rarer in prose than the roles' first characters (市, 区, 局 …): the scan looks for those ends, each checked by
# a look-behind for a role of each length, and ROLE_NAME is tried only that many characters before them.
ROLE_LENGTHS = tuple(sorted({len(role) for role in V.roles}))
ROLE_END = re.compile(f"[{''.join(sorted({role[-1] for role in V.roles}))}]" + "(?:" + "|".join(
    f"(?<={alternation(tuple(role for role in V.roles if len(role) == n))})" for n in ROLE_LENGTHS) + ")")
CC = re.compile(r"抄[ ]?送[ ]*:[ ]*(?P<v>[^\n|]+)")
NAMED = re.compile(f"{NAME}{NAME_END}")  # compiled once: the surname alternation is long to hash on every call
CJK_ONE = re.compile(rf"[{CJK}]")
CC_PART = re.compile(r"[^、,;。]+")


def _names(text: str, base: int, role: str, found: dict[str, Person]) -> None:
    for match in NAMED.finditer(text):
        name = match.group().replace(" ", "")
        if name not in found:
            found[name] = Person(name, role, (base + match.start(), base + match.end()))


def find_persons(clean: str, source: str | None = None) -> list[Person]:
    """People named with a role: labelled lines (签发人, 联系人 + phone), role words before names.

    >>> [(p.name, p.role, p.phone) for p in find_persons("(联系人及电话:杨雕 68220583)")]
    [('杨雕', '联系人', '68220583')]
    >>> [(p.name, p.role) for p in find_persons("由局长张建强同志任组长、分管副局长付俊明同志任副组长")]
    [('张建强', '局长'), ('付俊明', '副局长')]
    >>> [p.name for p in find_persons("组长谭颂、副组长徐小琴,成员陈书文、彭军和各社区书记")]
    ['谭颂', '徐小琴', '陈书文', '彭军']
    """
    found: dict[str, Person] = {}
    for match in LABELLED.finditer(clean):
        name = match.group("name").replace(" ", "")
        role = match.group("role").replace(" ", "")
        phone = match.group("phone")
        if not phone and role == "联系人":
            after = PHONE_LINE.search(clean, match.end(), match.end() + 40)
            phone = after.group("phone") if after else None
        if name not in found:  # not setdefault: it would build a Person for every mention
            found[name] = Person(name, role, match.span("name"), phone)
    for match in _role_names(clean):
        before = clean[max(0, match.start() - 2):match.start()]
        if not before or not CJK_ONE.match(before[-1:]) or before.endswith("由") or before == "分管":
            _names(match.group("names"), match.start("names"), match.group("role"), found)
        elif clean.startswith("同志", match.end("names")):
            first = NAMED.match(match.group("names"))
            _names(first.group(), match.start("names"), match.group("role"), found)
    return sorted(found.values(), key=lambda p: p.span)


def _role_names(clean: str) -> Iterator[re.Match]:
    """The matches of ROLE_NAME.finditer(clean), tried only where a role can open: before the end of one."""
    starts = sorted({end.end() - n for end in ROLE_END.finditer(clean) for n in ROLE_LENGTHS if end.end() >= n})
    read = 0  # where the last match ended, as finditer goes on from there
    for start in starts:
        if start >= read and (match := ROLE_NAME.match(clean, start)):
            yield match
            read = match.end()


def find_cc(clean: str, source: str | None = None) -> list[Agency]:
    """The bodies after 抄送:, split at 、 , ; and stripped of the closing 。.

    >>> [a.name for a in find_cc("抄送:市人大常委会人事代表工委,区政府办公室。")]
    ['市人大常委会人事代表工委', '区政府办公室']
    """
    source = clean if source is None else source
    found = []
    for match in CC.finditer(clean):
        for part in CC_PART.finditer(match.group("v")):
            start = match.start("v") + part.start()
            value = join_wide(source[start:start + len(part.group())])
            if value:
                lead = len(part.group()) - len(part.group().lstrip())
                found.append(Agency(value, (start + lead, start + lead + len(part.group().strip()))))
    return found
