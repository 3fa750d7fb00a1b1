"""Sort the 《》 titles and 发文字号 of a document into what it cites, what it issues, and other works.

* cited: official documents named by title, by number, or both written together — ``《标题》（文号）`` or
  ``文号《标题》`` makes one linked citation;
* issued (issues_attached): the plan a notice issues — ``关于印发《X》的通知`` in the document's own title, or
  ``现将《X》印发给你们`` — is part of the notice, not a citation;
* the proposal a reply answers (您提出的《X》) is neither;
* short forms (《决定》 after the full title, 以下简称“X”, 该文件, “54号文”) are resolved to their antecedent
  in gongwen.loaders.resolve and flagged with ``resolved_from``;
* a 《》 title that is not an official document (case study, article, book) is another titled work.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from gongwen.loaders.models import Citation, DocNumber, Field, Proposal, TitledWork
from gongwen.loaders.resolve import resolve_short_forms
from gongwen.loaders.titles import is_official_title

ISSUE_AFTER = re.compile(r"[^。\n《]{0,40}?印发给你们")
TITLE_ISSUES = re.compile(r"印发(?P<x>[^《》]+?)的通知$")
SPACES = re.compile(r"\s+")
ISSUED_IN_TITLE = re.compile(r"印发[ ]*《$")
GAP_TO_NUMBER = re.compile(r"[ ]*(?:文件)?[ ]*[(〔]?[ ]*")  # 《标题》(文号) or 《标题》文件 文号
GAP_FROM_NUMBER = re.compile(r"[ ]*[)〕]?[ ]*")            # 文号《标题》 or (文号)《标题》


@dataclass(frozen=True)
class Sorted:
    """The outcome of sorting: citations in text order, issued works, other titled works."""

    citations: tuple[Citation, ...]
    issues_attached: tuple[TitledWork, ...]
    other_titled_works: tuple[TitledWork, ...]


def _key(title: str) -> str:
    return SPACES.sub("", title).strip("“”\"")


def find_attached(clean: str, works: list[TitledWork], title: Field | None, body_start: int) -> list[TitledWork]:
    """Works the document itself issues: 印发《X》 in a header title line, 《X》…印发给你们, or 印发X的通知.

    >>> [w.title for w in find_attached("现将《实施方案》印发给你们。", [TitledWork("实施方案", (3, 7))], None, 0)]
    ['实施方案']
    """
    attached = []
    issues = "印发给你们" in clean  # ISSUE_AFTER tries its lazy gap up to 40 times per title: only when it can match
    for work in works:
        if work.nested_in:
            continue
        start, end = work.span
        in_title = start < body_start and ISSUED_IN_TITLE.search(clean[max(0, start - 4):start]) \
            and clean[end + 1:end + 4].startswith("的通知")
        if in_title or issues and ISSUE_AFTER.match(clean, end + 1) or clean[max(0, start - 3):start] == "现将《":
            attached.append(work)
    if title and "《" not in title.value:
        match = TITLE_ISSUES.search(title.value)
        if match:
            attached.append(TitledWork(match.group("x"), title.span))
    return attached


def _linked_number(clean: str, work: TitledWork, numbers: list[DocNumber]) -> DocNumber | None:
    start, end = work.span
    for number in numbers:
        gap_after = clean[end + 1:number.span[0]] if number.span[0] > end else None
        if gap_after is not None and GAP_TO_NUMBER.fullmatch(gap_after):
            return number
        gap_before = clean[number.span[1]:start - 1] if number.span[1] <= start - 1 else None
        if gap_before is not None and GAP_FROM_NUMBER.fullmatch(gap_before):
            return number
    return None


def sort_citations(clean: str, works: list[TitledWork], numbers: list[DocNumber], own: DocNumber | None,
                   title: Field | None, proposal: Proposal | None, body_start: int) -> Sorted:
    """Citations, issued works and other titled works of one document.

    >>> text = "按照《关于开展试点工作方案》(昆办通〔2018〕54号)和《学校社工站:一个案例》。"
    >>> from gongwen.loaders.titles import find_titled_works
    >>> from gongwen.loaders.docnumbers import find_doc_numbers
    >>> s = sort_citations(text, find_titled_works(text), find_doc_numbers(text), None, None, None, 0)
    >>> [(c.title.title, c.doc_number.text) for c in s.citations], [w.title for w in s.other_titled_works]
    ([('关于开展试点工作方案', '昆办通〔2018〕54号')], ['学校社工站:一个案例'])
    """
    attached = find_attached(clean, works, title, body_start)
    attached_keys = {_key(w.title) for w in attached}
    proposal_key = _key(proposal.title) if proposal and proposal.title else None
    own_key = own.canonical if own else None
    cited_numbers = [n for n in numbers if n.canonical != own_key]
    citations: list[Citation] = []
    others: list[TitledWork] = []
    linked: set[tuple[int, int]] = set()
    candidates = []
    for work in works:
        key = _key(work.title)
        if key in attached_keys or key == proposal_key or (proposal and work.span == proposal.span):
            continue
        if work.nested_in and _key(work.nested_in) in attached_keys | {proposal_key}:
            continue
        candidates.append(work)
    for work in resolve_short_forms(clean, candidates):
        if isinstance(work, Citation):
            citations.append(work)
            continue
        if not is_official_title(work.title):
            others.append(work)
            continue
        number = None if work.nested_in else _linked_number(clean, work, cited_numbers)
        if number:
            linked.add(number.span)
            span = (min(work.span[0], number.span[0]), max(work.span[1], number.span[1]))
            citations.append(Citation(span, doc_number=number, title=work))
        else:
            citations.append(Citation(work.span, title=work))
    citations += [Citation(n.span, doc_number=n) for n in cited_numbers if n.span not in linked]
    citations.sort(key=lambda c: c.span)
    return Sorted(tuple(citations), tuple(attached), tuple(others))
