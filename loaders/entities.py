"""Find programmes, organizations, places and figures named in the body.

Programmes: a quoted name “X” followed by a programme head (机制, 模式, 工程, 行动, 创建活动 …) or quoted three
times or more; a quoted name ending with 工程/行动/计划; an unquoted …工程/…行动 right after a verb of doing
(推进, 实施, 开展 …). Organizations: agency-like names (…局, …委员会, …中心) bounded on the left by a verb or
punctuation. Places: the administrative units opening an organization name. Figures: number + unit + the
noun counted.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter

from gongwen.loaders.models import Agency, Figure, Place, Programme
from gongwen.loaders.vocab import alternation, load_vocab

CJK = "\u4e00-\u9fff"
V = load_vocab()
ORG_SUFFIXES = tuple(s for s in V.agency_suffixes if len(s) > 1 or s in "局厅委院")
# The suffix is scanned for first; the name is the run of Chinese characters before it (read backwards),
# unless the run goes on into a longer agency name (区委社工委: stop at the second 委, not the first).
ORG_SUFFIX = re.compile(rf"{alternation(ORG_SUFFIXES)}(?![{CJK}]{{0,3}}(?:局|委|办公室|中心|厅))")
RUN_BEFORE = re.compile(rf"[{CJK}]{{1,20}}$")
ORG_LEFT = re.compile(rf"^.*(?:根据|按照|经过|经|由|向|与|和|及|在|对|将|并|了|的|是|为|请|会同|邀请|协调|委托|联合|牵头|同意|印发)")
PLACE = re.compile(rf"[{CJK}]{{1,6}}?(?P<level>{alternation(V.place_levels)})")
FIGURE = re.compile(rf"(?P<v>\d+(?:\.\d+)?)[ ]?(?P<u>{alternation(V.units)})(?P<c>[{CJK}]{{0,8}})")
COUNTED_END = re.compile(r"[在的是为、和及与从对以将并被已由共达中]|活跃|获得|参与")


def find_organizations(clean: str) -> list[Agency]:
    """Agency-like names (…局, …委员会, …办公室, …中心), cut on the left after a verb or preposition.

    >>> [a.name for a in find_organizations("民政局积极与交通局沟通,并会同区委社工委牵头。")]
    ['民政局', '交通局', '区委社工委']
    """
    found: dict[str, Agency] = {}
    last_end = 0
    for match in ORG_SUFFIX.finditer(clean):
        run = RUN_BEFORE.search(clean, max(last_end, match.start() - 20), match.start())
        last_end = match.end()
        if not run:
            continue
        raw = run.group() + match.group()
        left = ORG_LEFT.match(raw)
        name = raw[left.end():] if left else raw
        if len(name) >= 3 and not name.startswith(("各", "本", "我", "该")) and name not in found:
            found[name] = Agency(name, (match.end() - len(name), match.end()))
    return list(found.values())


def find_places(names: list[tuple[str, tuple[int, int]]]) -> list[Place]:
    """The administrative units opening the given names (organizations, issuer), with their level.

    >>> [(p.name, p.level) for p in find_places([("昆明市西山区民政局", (0, 9))])]
    [('昆明市', '市'), ('西山区', '区')]
    """
    found: dict[str, Place] = {}
    for name, (start, _) in names:
        at = 0
        while True:
            match = PLACE.match(name, at)
            if not match or match.end() >= len(name):
                break
            level = match.group("level")
            if len(match.group()) > len(level):
                found.setdefault(match.group(), Place(match.group(), level, (start + at, start + match.end())))
            at = match.end()
    return list(found.values())


def find_figures(clean: str) -> list[Figure]:
    """Numbers with a unit and, when written right after, the noun counted.

    >>> [(f.value, f.unit, f.counted) for f in find_figures("126 名专职社工活跃在社区,投入资金170万元。")]
    [('126', '名', '专职社工'), ('170', '万元', None)]
    """
    found = []
    for match in FIGURE.finditer(clean):
        counted = match.group("c")
        end = COUNTED_END.search(counted)
        counted = counted[:end.start()] if end else counted
        counted = counted[:6] or None
        stop = match.end("u") + (len(counted) if counted else 0)
        found.append(Figure(match.group("v"), match.group("u"), counted, (match.start(), stop)))
    return found
