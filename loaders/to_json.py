"""to_json: a Document as the JSON record of `gongwen extract --json` (the keys of sample_corpus/expected.json,
plus issues_attached, short_forms, doc_number_canonical, cited_issuers (the agency each cited number's 代字
names, or null), places, figures and the spans of every fact)."""
from __future__ import annotations

from gongwen.loaders.lines import join_wide
from gongwen.loaders.models import Document


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def document_to_json(doc: Document) -> dict:
    """The JSON-ready record of one document.

    >>> from gongwen.loaders.extract import extract_document
    >>> record = document_to_json(extract_document("西民函〔2023〕53号\\n关于X的函\\n余静代表:\\n见《实施意见》。"))
    >>> record["doc_number"], record["doc_type"], record["addressee"], record["cited_titles"]
    ('西民函〔2023〕53号', '函', {'name': '余静', 'role': '代表'}, ['实施意见'])
    >>> record["spans"]["doc_number"]
    [0, 12]
    >>> document_to_json(extract_document("按照国办发〔2021〕12号和某发〔2020〕1号执行。"))["cited_issuers"]
    {'国办发〔2021〕12号': '国务院办公厅', '某发〔2020〕1号': None}
    """
    full = [c for c in doc.citations if c.resolved_from is None]
    cited_titles = _unique([c.title.title for c in full if c.title])
    cited_numbers = _unique([c.doc_number.text for c in full if c.doc_number])
    pairs = dict.fromkeys((c.doc_number.text, c.title.title) for c in full if c.doc_number and c.title)
    links = [{"doc_number": number, "title": title} for number, title in pairs]
    short_forms = [{"text": c.resolved_from.strip("《》“”\""),
                    "refers_to": c.title.title if c.title else c.doc_number.text}
                   for c in doc.citations if c.resolved_from]
    proposal = doc.proposal
    spans = {
        "issuer": doc.issuer and list(doc.issuer.span),
        "doc_number": doc.doc_number and list(doc.doc_number.span),
        "title": doc.title and list(doc.title.span),
        "date": doc.date and list(doc.date.span),
        "handling_type": doc.handling_type and list(doc.handling_type.span),
        "addressee": doc.addressee and list(doc.addressee.span),
        "proposal": proposal and list(proposal.span),
        "cited_doc_numbers": [list(c.doc_number.span) for c in full if c.doc_number],
        "cited_titles": [list(c.title.span) for c in full if c.title],
        "short_forms": [list(c.span) for c in doc.citations if c.resolved_from],
        "issues_attached": [list(w.span) for w in doc.issues_attached],
        "other_titled_works": [list(w.span) for w in doc.other_titled_works],
        "programs": [list(p.span) for p in doc.programmes],
        "persons": [list(p.span) for p in doc.persons],
        "cc": [list(a.span) for a in doc.cc],
        "organizations": [list(a.span) for a in doc.organizations],
        "places": [list(p.span) for p in doc.places],
        "figures": [list(f.span) for f in doc.figures],
    }
    return {
        "file": doc.file,
        "issuer": doc.issuer.value if doc.issuer else None,
        "doc_number": doc.doc_number.text if doc.doc_number else None,
        "doc_number_canonical": doc.doc_number.canonical if doc.doc_number else None,
        "title": doc.title.value if doc.title else None,
        "doc_type": doc.doc_type.value if doc.doc_type else None,
        "date": doc.date.value if doc.date else None,
        "handling_type": doc.handling_type.value if doc.handling_type else None,
        "public": doc.public,
        "addressee": {"name": doc.addressee.name, "role": doc.addressee.role} if doc.addressee else None,
        "recipients": [a.name for a in doc.main_recipients],
        "proposal": {"session": proposal.session, "number": proposal.number, "kind": proposal.kind,
                     "title": proposal.title} if proposal else None,
        "issues_attached": _unique([w.title for w in doc.issues_attached]),
        "cited_doc_numbers": cited_numbers,
        "cited_titles": cited_titles,
        "citation_links": links,
        "cited_issuers": {number: next((c.issuer for c in full if c.doc_number and c.doc_number.text == number
                                        and c.issuer), None) for number in cited_numbers},
        "short_forms": short_forms,
        "other_titled_works": _unique([w.title for w in doc.other_titled_works]),
        "programs": _unique([p.name for p in doc.programmes]),
        "persons": [{"name": p.name, "role": p.role, "phone": p.phone} for p in doc.persons],
        "cc": _unique([a.name for a in doc.cc]),
        "organizations": _unique([join_wide(a.name) for a in doc.organizations]),
        "places": [{"name": p.name, "level": p.level} for p in doc.places],
        "figures": [{"value": f.value, "unit": f.unit, "counted": f.counted} for f in doc.figures],
        "spans": spans,
    }
