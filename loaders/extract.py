"""Extract: run clean → find → resolve over one decoded document and return a Document (pure, no I/O)."""
from __future__ import annotations

from dataclasses import replace

from gongwen.loaders.clean import clean_text
from gongwen.loaders.docnumbers import find_doc_numbers
from gongwen.loaders.entities import find_figures, find_organizations, find_places, find_township_bodies
from gongwen.loaders.find_citations import sort_citations
from gongwen.loaders.header import (doc_type_of, find_body_start, find_date, find_handling_type, find_issuer,
                                    find_own_number, find_public, find_title)
from gongwen.loaders.models import Agency, Document, Field, Person
from gongwen.loaders.people import find_cc, find_persons
from gongwen.loaders.programmes import find_programmes
from gongwen.loaders.reply import find_addressee, find_addressees, find_proposal
from gongwen.loaders.resolve import infer_issuer, number_repeated_titles, resolve_references
from gongwen.loaders.titles import find_titled_works


def extract_document(text: str, file: str = "", sha256: str = "", registry: dict[str, dict] | None = None) -> Document:
    """Every fact the loaders find in ``text``, each with its span in ``text``. Cited numbers get the issuer their
    代字 names in ``registry`` (a 代字 registry grown with resolve.grow_issuer_codes), else in the seed registry.

    >>> doc = extract_document("昆明市西山区民政局文件\\n西民函〔2023〕53号\\n关于第228号建议答复的函\\n余静代表:\\n"
    ...                        "按照《实施意见》(西办通〔2022〕54号)执行。")
    >>> doc.issuer.value, doc.doc_number.text, doc.title.value, doc.addressee.name
    ('昆明市西山区民政局', '西民函〔2023〕53号', '关于第228号建议答复的函', '余静')
    >>> [(c.doc_number.text, c.title.title) for c in doc.citations]
    [('西办通〔2022〕54号', '实施意见')]
    >>> extract_document("").title is None
    True
    >>> doc = extract_document("关于X的函\\n余静代表:\\n按照西民通〔2021〕35号执行。", registry={"西民函": {"agency": "昆明市西山区民政局"}})
    >>> doc.citations[0].issuer
    '昆明市西山区民政局'

    """
    clean = clean_text(text)
    body_start = find_body_start(clean)
    numbers = find_doc_numbers(clean, text)
    own = find_own_number(clean, numbers, body_start)
    title = find_title(clean, text, body_start)
    date = find_date(clean, text)
    issuer = find_issuer(clean, text, title, date, body_start)
    doc_type = doc_type_of(title.value if title else None, clean)
    addressee = find_addressee(clean, text, body_start)
    addressees = find_addressees(clean, text, body_start)
    proposal = find_proposal(clean, text, title) if addressee or title else None
    works = find_titled_works(clean, text)
    sorted_ = sort_citations(clean, works, numbers, own, title, proposal, body_start)
    citations = [replace(c, issuer=infer_issuer(c.doc_number.code, registry)) if c.doc_number else c
                 for c in number_repeated_titles(sorted_.citations)]
    citations += resolve_references(clean, citations)
    persons = _merge_people(addressees, find_persons(clean, text))
    signer = next((p for p in persons if p.role == "签发人"), None)
    cited_spans = tuple(sorted({c.title.span for c in citations if c.title and not c.title.nested_in}))
    places = find_places(clean)
    organizations = find_organizations(clean, frozenset(p.name for p in places))
    if issuer:
        organizations = [Agency(issuer.value, issuer.span)] + [o for o in organizations if o.name != issuer.value]
    organizations += [b for b in find_township_bodies(places)  # unless already inside a body's name
                      if not any(o.span[0] <= b.span[0] and b.span[1] <= o.span[1] or o.name.startswith(b.name)
                                 for o in organizations)]
    main_recipients = () if addressee or body_start >= len(clean) else _recipients(clean, text, body_start)
    return Document(
        file=file, text=text, sha256=sha256, issuer=issuer, doc_number=own, title=title,
        doc_type=Field(doc_type, title.span if title else (0, 0)) if doc_type else None,
        date=date, signer=signer, handling_type=find_handling_type(clean), public=find_public(clean),
        addressee=addressee, addressees=tuple(addressees), main_recipients=main_recipients, proposal=proposal,
        citations=tuple(sorted(citations, key=lambda c: c.span)), issues_attached=sorted_.issues_attached,
        other_titled_works=sorted_.other_titled_works, programmes=tuple(find_programmes(clean, cited_spans, title.span if title else None)),
        persons=tuple(persons), cc=tuple(find_cc(clean, text)), organizations=tuple(organizations),
        places=tuple(places), figures=tuple(find_figures(clean)))


def _merge_people(addressees, others) -> list[Person]:
    seen = {p.name for p in addressees}
    return list(addressees) + [p for p in others if p.name not in seen]


def _recipients(clean: str, text: str, body_start: int) -> tuple[Agency, ...]:
    line_end = clean.find("\n", body_start)
    line = clean[body_start:line_end if line_end >= 0 else len(clean)].rstrip()
    if not line.endswith(":"):
        return ()
    found, at = [], body_start
    for part in line[:-1].replace(",", "、").split("、"):
        if part.strip():
            found.append(Agency(text[at:at + len(part)].strip(), (at, at + len(part))))
        at += len(part) + 1
    return tuple(found)
