"""The structural vocabularies (文种, genres, agency suffixes, roles …) read once from data/vocab.yaml."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import yaml


@dataclass(frozen=True)
class Vocab:
    """Word lists, each sorted longest first so that regex alternations prefer the longest match."""

    doc_types: tuple[str, ...]
    genres: tuple[str, ...]
    title_qualifiers: tuple[str, ...]
    agency_suffixes: tuple[str, ...]
    roles: tuple[str, ...]
    metadata_labels: tuple[str, ...]
    issuer_labels: tuple[str, ...]
    surnames: tuple[str, ...]
    programme_heads: tuple[str, ...]
    programme_ends: tuple[str, ...]
    programme_verbs: tuple[str, ...]
    programme_refused_after: tuple[str, ...]
    facility_words: tuple[str, ...]
    numerals: tuple[str, ...]
    classifiers: tuple[str, ...]
    organization_suffixes: tuple[str, ...]
    not_agency_words: tuple[str, ...]
    organization_splitters: tuple[str, ...]
    generic_organization_starts: tuple[str, ...]
    generic_place_words: tuple[str, ...]
    agency_modifier_followers: tuple[str, ...]
    not_place_words: tuple[str, ...]
    place_prepositions: tuple[str, ...]
    counted_stops: tuple[str, ...]
    place_modifier_followers: tuple[str, ...]
    facility_kinds: tuple[str, ...]
    place_levels: tuple[str, ...]
    units: tuple[str, ...]


@lru_cache(maxsize=1)
def load_vocab() -> Vocab:
    """Read data/vocab.yaml.

    >>> "答复函" in load_vocab().doc_types and load_vocab().doc_types[0] != "函"
    True
    """
    raw = yaml.safe_load(files("gongwen.loaders").joinpath("data/vocab.yaml").read_text(encoding="utf-8"))
    return Vocab(**{key: tuple(sorted(dict.fromkeys(raw[key]), key=len, reverse=True)) for key in raw})


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first.

    >>> alternation(("函", "复函"))
    '(?:复函|函)'
    """
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def factored_alternation(words: tuple[str, ...]) -> str:
    """What alternation(words) matches, with the words sharing a first character in one branch opening with it:
    re tries an alternation's branches one by one, and a factored one skips all the words opening with another
    character after one comparison. Every branch still opens with a literal, so a scan still skips ahead to
    the words' first characters.

    >>> factored_alternation(("函", "复函", "复议", "意见"))
    '(?:复(?:函|议)|意见|函)'
    """
    return factor_branches(re.escape(w) for w in sorted(words, key=len, reverse=True))


def factor_branches(branches: Iterable[str]) -> str:
    """Regex branches grouped by their first character, each group in place of its first branch and keeping
    its order (branches opening with different characters never match at the same place, so the order of the
    groups does not change what matches).

    >>> factor_branches(["局(?!面)", "办公室", "局"])
    '(?:局(?:(?!面)|)|办公室)'
    """
    groups: dict[str, list[str]] = {}
    for branch in branches:
        groups.setdefault(branch[:2] if branch[0] == "\\" else branch[0], []).append(branch)
    parts = []
    for first, group in groups.items():
        rests = [branch[len(first):] for branch in group]
        parts.append(group[0] if len(group) == 1 else f"{first}(?:{'|'.join(rests)})")
    return "(?:" + "|".join(parts) + ")"


def scan_start(text: str, words: tuple[str, ...], reach: int, start: int = 0, end: int | None = None) -> int:
    """Where a scan of ``text[start:end]`` for a pattern each match of which holds one of ``words`` at most
    ``reach`` characters after its start may begin: ``reach`` before the first of them (no match opens
    earlier), or -1 when none occurs (nothing can match). A substring search is far cheaper than a regex scan
    trying every character that could open a match.

    >>> scan_start("一二三四五是否公开 是", ("公开",), 5), scan_start("正文", ("公开",), 5)
    (2, -1)
    """
    end = len(text) if end is None else end
    found = [at for at in (text.find(word, start, end) for word in words) if at >= 0]
    return max(start, min(found) - reach) if found else -1
