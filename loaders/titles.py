"""Find titles written in 《》 (and 〈〉 titles nested in them) and tell official documents from other works.

A 《》 title is an official or policy document when its last word, once bracketed qualifiers such as （试行）
are set aside, is a genre word (通知, 意见, 办法, 方案, 规划 … see data/vocab.yaml); a case study, article or
book title (《“四共”良方化解广场治理难题》) ends otherwise and is kept apart as another titled work.
"""
from __future__ import annotations

import re
from functools import lru_cache

from gongwen.loaders.lines import join_title
from gongwen.loaders.models import TitledWork
from gongwen.loaders.vocab import alternation, load_vocab

OUTER = re.compile(r"《([^《》]{1,300})》")
INNER = re.compile(r"〈([^〈〉《》]{1,200})〉")


def find_titled_works(clean: str, source: str | None = None) -> list[TitledWork]:
    """Every 《》 title in order, each followed by the 〈〉 titles nested in it; spans exclude the brackets.

    >>> [(w.title, w.nested_in) for w in find_titled_works("贯彻《省委印发〈关于X的意见〉的通知》")]
    [('省委印发〈关于X的意见〉的通知', None), ('关于X的意见', '省委印发〈关于X的意见〉的通知')]
    """
    source = clean if source is None else source
    works = []
    for match in OUTER.finditer(clean):
        start, end = match.span(1)
        outer = join_title(source[start:end])
        works.append(TitledWork(outer, (start, end)))
        for inner in INNER.finditer(clean, start, end):
            works.append(TitledWork(join_title(source[inner.start(1):inner.end(1)]), inner.span(1), nested_in=outer))
    return works


def _genre_pattern() -> re.Pattern:
    vocab = load_vocab()
    qualifier = rf"(?:\s*[(（〔]\s*(?:{alternation(vocab.title_qualifiers)}|\d{{4}}年?版?)\s*[)）〕])*"
    return re.compile(rf"{alternation(vocab.genres)}{qualifier}\s*$")


GENRE_END = _genre_pattern()


@lru_cache(maxsize=8192)  # pure; sorting asks twice per title, and documents cite the same titles
def is_official_title(title: str) -> bool:
    """True when the title names an official or policy document.

    >>> [is_official_title(t) for t in ("昆明市和谐社区建设考核办法", "五华区社区工作准入制度实施细则（试行）",
    ...  "中华人民共和国城市居民委员会组法", "“四共”良方化解广场治理难题", "人民日报")]
    [True, True, True, False, False]
    """
    return bool(GENRE_END.search(title))
