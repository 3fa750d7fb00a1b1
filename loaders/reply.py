"""Find what a reply to a deputy (代表) or CPPCC member (委员) is about: whom it addresses and which
suggestion (建议), motion (议案) or proposal (提案) it answers — number, session, kind and title.

Structure used: the salutation line ``[尊敬的]姓名[、姓名…][等]代表|委员:`` opens the body; the own title
names the item ``关于[对]<session>会议第<number>号<kind>…``; the body acknowledges it with
``您提出的《<title>》…收悉``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from gongwen.loaders.header import SALUTATION
from gongwen.loaders.lines import join_title, join_wide
from gongwen.loaders.models import Field, Person, Proposal
from gongwen.loaders.vocab import scan_start

CJK = "\u4e00-\u9fff"
NAME = rf"[{CJK}](?:[ ]?[{CJK}]){{1,3}}"
GROUP_SALUTATION = re.compile(rf"^[ ]*(?P<v>[{CJK}]{{2,20}}(?:委员|代表)[{CJK}]{{0,8}}(?:小组|组|团|界别))[ ]*:[ ]*$",
                              re.MULTILINE)
ITEM_IN_TITLE = re.compile(
    rf"(?P<session>[{CJK}\d]{{2,40}}?会议)上?第?(?P<number>[0-9A-Za-z]{{1,8}})号(?P<kind>建议|议案|提案)?")
ACK_QUOTED = re.compile(
    rf"提出(?:的|了)?[ ]*(?:关于)?[ ]*(?P<open>[《“\"])(?P<title>[^《》“”\"\n]{{2,120}})[》”\"]"
    rf"(?:[ ]*的?)?[ ]*(?:\((?:第[ ]?(?P<number>[0-9A-Za-z]{{1,8}})[ ]?号)\))?[ ]*(?P<kind>建议|议案|提案)?")
ACK_PLAIN = re.compile(rf"提出的[ ]*(?P<title>关于[^《》,。\n]{{2,120}}?的?(?P<kind>建议|议案|提案))[ ]*(?:已)?收悉")
ACK_BARE = re.compile(rf"^[ ]*《(?P<title>[^《》\n]{{2,120}})》[ ]*(?P<kind>建议|议案|提案)(?:已)?收悉", re.MULTILINE)
ROLE_TAIL = re.compile(r"[ ]*(?:等[ ]*(?:\d+[ ]*(?:名|位))?)?(?:代表|委员)们?[ ]*:?$")
KIND_IN_BODY = re.compile(r"(建议|议案|提案)(?:已)?收悉")
MEMBER_TAIL = re.compile(r"委员们?[ ]*:?$")
NAME_PART = re.compile(r"[^、,]+")


@lru_cache(maxsize=2)  # extract_document asks for the people and, through find_addressee, for the entry
def find_addressees(clean: str, source: str | None = None, body_start: int = 0) -> tuple[Person, ...]:
    """The deputies or members greeted in the salutation, each with role 代表 or 委员.

    >>> [(p.name, p.role) for p in find_addressees("尊敬的李莹波委员:\\n您好")]
    [('李莹波', '委员')]
    >>> [p.name for p in find_addressees("柯其武、林 宏胜等代表\\n提出的建议收悉")]
    ['柯其武', '林宏胜']
    """
    source = clean if source is None else source
    for line, at in trimmed_lines(clean[body_start:body_start + 400]):
        if not SALUTATION.match(line):
            continue
        base = body_start + at
        role = "委员" if MEMBER_TAIL.search(line) else "代表"
        skip = 3 if line.startswith("尊敬的") else 0
        names = ROLE_TAIL.sub("", line[skip:])
        people = []
        for name in NAME_PART.finditer(names):
            start = base + skip + name.start() + len(name.group()) - len(name.group().lstrip())
            value = name.group().strip()
            people.append(Person(value.replace(" ", ""), role, (start, start + len(value))))
        return tuple(people)
    return ()


def trimmed_lines(text: str) -> Iterator[tuple[str, int]]:
    """The lines of ``text`` stripped of spaces, with their offsets, blank ones left out (str.split: a lazy regex
    tried the end of the line at every character).

    >>> list(trimmed_lines("  张三代表: \\n\\n   \\n李四"))
    [('张三代表:', 2), ('李四', 14)]
    """
    at = 0
    for raw in text.split("\n"):
        line = raw.strip(" ")
        if line:
            yield line, at + len(raw) - len(raw.lstrip(" "))
        at += len(raw) + 1


def find_addressee(clean: str, source: str | None = None, body_start: int = 0) -> Person | None:
    """The addressee as one entry: a single person, the printed 、-list of joint deputies, or a group such as
    民革界别委员活动小组 (role 委员).

    >>> find_addressee("张三、李四等代表:\\n").name
    '张三、李四'
    >>> (lambda p: (p.name, p.role))(find_addressee("民革界别委员活动小组:\\n感谢"))
    ('民革界别委员活动小组', '委员')
    """
    source = clean if source is None else source
    people = find_addressees(clean, source, body_start)
    if len(people) == 1:
        return people[0]
    if people:
        span = (people[0].span[0], people[-1].span[1])
        return Person("、".join(p.name for p in people), people[0].role, span)
    group = GROUP_SALUTATION.search(clean, body_start, body_start + 400)
    if group:
        role = "委员" if "委员" in group.group("v") else "代表"
        return Person(join_wide(source[group.start("v"):group.end("v")]), role, group.span("v"))
    return None


def find_proposal(clean: str, source: str | None = None, title: Field | None = None) -> Proposal | None:
    """The item a reply answers, from the own title (session, number, kind) and the acknowledgement in the body
    (title, and number or kind when the title lacks them). None for a document that answers nothing.

    >>> p = find_proposal("您提出的《关于推进社区社工站建设的建议》收悉", title=Field(
    ...     "关于西山区第十六届人大五次会议第014号建议答复的函", (0, 0)))
    >>> p.session, p.number, p.kind, p.title
    ('西山区第十六届人大五次会议', '014', '建议', '关于推进社区社工站建设的建议')
    >>> find_proposal("现将《方案》印发给你们。") is None
    True
    """
    source = clean if source is None else source
    session = number = kind = ptitle = None
    span = None
    if title:
        item = ITEM_IN_TITLE.search(title.value)
        if item:
            session = re.split(r"关于对|关于|对", item.group("session"))[-1] or None
            number, kind = item.group("number"), item.group("kind")
            span = title.span
        kind = kind or _kind_in_title(title.value)
    ack = ACK_QUOTED.search(clean) or ACK_PLAIN.search(clean) or _bare_acknowledgement(clean)
    if ack:
        ptitle = join_title(source[ack.start("title"):ack.end("title")])
        groups = ack.groupdict()
        number = number or groups.get("number")
        kind = kind or groups.get("kind") or _kind_after(clean, ack.end())
        span = span or ack.span("title")
    if span is None:
        return None
    if session and ("政协" in session or "政治协商" in session):
        kind = "提案"  # a CPPCC session receives 提案, whatever the reply calls the item
    return Proposal(session, number, kind or _kind_after(clean, 0), ptitle, span)


def _kind_in_title(title: str) -> str | None:
    match = re.search(r"(建议|议案|提案)的?(?:答复|回复|复函|函)", title)
    return match.group(1) if match else None


def _bare_acknowledgement(clean: str) -> re.Match | None:
    """ACK_BARE opens with ^ and so tries every character: it is searched from the line of the first 收悉 (the
    line each match ends on), and not at all without one."""
    at = clean.find("收悉")
    return ACK_BARE.search(clean, clean.rfind("\n", 0, at) + 1) if at >= 0 else None


def _kind_after(clean: str, start: int) -> str | None:
    at = scan_start(clean, ("收悉",), 3, start)  # each match ends in it, at most three characters in
    match = KIND_IN_BODY.search(clean, at) if at >= 0 else None
    return match.group(1) if match else None
