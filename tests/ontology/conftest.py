"""Sample Documents built by hand from the annotated sample corpus (expected.json), spans found in the text.

to_rdf is tested on these rather than on the extractor's output so that a change in extraction never
silently changes what the ontology tests check.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from gongwen.loaders.models import (Agency, Citation, DocNumber, Document, Field, Person, Programme, Proposal,
                                    Span, TitledWork)

SAMPLE = Path(__file__).resolve().parents[2] / "loaders" / "sample_corpus"
_NUMBER = re.compile(r"(.+?)[〔（(\[](\d{4})[〕）)\]](\w+?)号")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def find_span(text: str, needle: str, start: int = 0) -> Span:
    """Where ``needle`` occurs in ``text``, white space and quotes in the text between its characters allowed."""
    pattern = r"[\s“”]*".join(re.escape(c) for c in needle if not c.isspace())
    m = re.compile(pattern).search(text, start)
    assert m, f"{needle!r} not in the text"
    return m.span()


def _number(text: str, written: str) -> DocNumber:
    code, year, seq = _NUMBER.fullmatch(written).groups()
    return DocNumber(written, code, int(year), seq, find_span(text, written))


def _date(text: str, iso: str | None) -> Field | None:
    if iso is None:
        return None
    y, m, d = (int(x) for x in iso.split("-"))
    found = [x for x in _DATE.finditer(text) if tuple(int(g) for g in x.groups()) == (y, m, d)]
    return Field(iso, found[-1].span())


def _titled(text: str, title: str) -> TitledWork:
    outer = re.search(r"《([^《》]*〈" + re.escape(title) + r"〉[^《》]*)》", text)
    span = find_span(text, title)
    return TitledWork(title, span, nested_in=outer.group(1) if outer else None)


def _citations(text: str, entry: dict) -> tuple[Citation, ...]:
    out, linked_numbers, linked_titles = [], set(), set()
    for link in entry["citation_links"]:
        number, title = _number(text, link["doc_number"]), _titled(text, link["title"])
        span = (min(number.span[0], title.span[0] - 1), max(number.span[1], title.span[1] + 1))
        out.append(Citation(span, number, title))
        linked_numbers.add(link["doc_number"])
        linked_titles.add(link["title"])
    for written in entry["cited_doc_numbers"]:
        if written not in linked_numbers:
            number = _number(text, written)
            out.append(Citation(number.span, doc_number=number))
    for title in entry["cited_titles"]:
        if title not in linked_titles:
            work = _titled(text, title)
            out.append(Citation((work.span[0] - 1, work.span[1] + 1), title=work))
    return tuple(out)


def _person(text: str, p: dict) -> Person:
    return Person(p["name"], p.get("role"), find_span(text, p["name"]), p.get("phone"))


def build_document(entry: dict, text: str) -> Document:
    """A Document with every annotated fact of ``entry``, each with the span of its first occurrence."""
    title = Field(entry["title"], find_span(text, entry["title"])) if entry["title"] else None
    doc_type = None
    if entry["doc_type"] and title:
        end = title.span[1]
        doc_type = Field(entry["doc_type"], (end - len(entry["doc_type"]), end))
    handling = None
    if entry["handling_type"]:
        marker = find_span(text, "办理类型")
        handling = Field(entry["handling_type"], find_span(text, entry["handling_type"], marker[1]))
    proposal = None
    if entry["proposal"]:
        p = entry["proposal"]
        proposal = Proposal(p["session"], p["number"], p["kind"], p["title"], find_span(text, p["title"]))
    persons = tuple(_person(text, p) for p in entry["persons"])
    addressee = next((x for x in persons if entry["addressee"] and x.name == entry["addressee"]["name"]), None)
    attached = entry.get("issues_attached")
    return Document(
        file=entry["file"], text=text, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        issuer=Field(entry["issuer"], find_span(text, entry["issuer"])),
        doc_number=_number(text, entry["doc_number"]) if entry["doc_number"] else None,
        title=title, doc_type=doc_type, date=_date(text, entry["date"]), handling_type=handling,
        public=entry["public"], addressee=addressee, proposal=proposal,
        main_recipients=tuple(Agency(n, find_span(text, n)) for n in entry.get("recipients", [])),
        citations=_citations(text, entry),
        issues_attached=(TitledWork(attached, find_span(text, attached, title.span[1])),) if attached else (),
        other_titled_works=tuple(TitledWork(t, find_span(text, t)) for t in entry["other_titled_works"]),
        programmes=tuple(Programme(n, find_span(text, n)) for n in entry["programs"]),
        persons=persons,
        cc=tuple(Agency(n, find_span(text, n, text.index("抄送"))) for n in entry["cc"]),
        organizations=tuple(Agency(n, find_span(text, n)) for n in entry["organizations_min"]),
    )


def load_samples() -> dict[str, Document]:
    entries = json.loads((SAMPLE / "expected.json").read_text(encoding="utf-8"))["documents"]
    return {e["file"]: build_document(e, (SAMPLE / e["file"]).read_text(encoding="utf-8")) for e in entries}


@pytest.fixture(scope="session")
def sample_documents() -> dict[str, Document]:
    return load_samples()
