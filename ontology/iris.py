"""Every IRI gongwen mints, built here and nowhere else: readable, deterministic, stable across machines.

An IRI is ``{base}id/{kind}/{key…}``. Keys are normalized lightly (NFKC, white space removed, ``/`` inside a
key written as fullwidth ``／``) so that the same 文号 or name always gives the same IRI, whichever file or
citation it came from: a citation of 西办通〔2022〕54号 and that document once loaded are one node, with no
patching. Keys are then percent-encoded as UTF-8 (RFC 3986 §2.5), so every identifier is a plain URI that any
HTTP client can request — Python's http.client, curl without --globoff, SPARQL engines — and browsers show
it decoded, as readable as the 文号 itself: ``…/id/doc/西民函〔2023〕53号`` in the address bar.

Because no key ever contains ``/``, the path of an IRI decodes unambiguously: the web app routes a request's
path, decoded or not, back to its IRI with :func:`path_to_iri`.

>>> doc_iri("http://127.0.0.1:5000/", "西民函〔2023〕53号")
'http://127.0.0.1:5000/id/doc/%E8%A5%BF%E6%B0%91%E5%87%BD%E3%80%942023%E3%80%9553%E5%8F%B7'
>>> readable(doc_iri("http://127.0.0.1:5000/", "西民函〔2023〕53号"))
'http://127.0.0.1:5000/id/doc/西民函〔2023〕53号'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote, unquote

DEFAULT_BASE = "http://127.0.0.1:5000/"

# What RFC 3986 allows unescaped in a path segment besides letters and digits (unreserved and sub-delims).
_SEGMENT_SAFE = "-._~!$&'()*+,;=:@"
# Quotation marks and title brackets around a programme name are not part of it (“五社联动” = 五社联动).
_NAME_QUOTES = "“”‘’\"'「」『』《》〈〉"
# The RFC 5147 fragment of a span: where in the decoded text a fact was read.
_CHAR_FRAGMENT = re.compile(r"#char=([0-9]+),([0-9]+)$")


def normalize_key(text: str) -> str:
    """The form of a name or number that keys an IRI: NFKC, no white space, ``/`` as ``／``.

    >>> normalize_key(" 昆民通（2021）8号 ")
    '昆民通(2021)8号'
    >>> normalize_key("A/B 方案")
    'A／B方案'
    """
    text = unicodedata.normalize("NFKC", text)
    return "".join(text.split()).replace("/", "／")


# Names and numbers recur across documents (an agency, a cited 文号): each is escaped once per process.
@lru_cache(maxsize=1 << 16)
def _segment(text: str) -> str:
    return quote(normalize_key(text), safe=_SEGMENT_SAFE)


def readable(iri: str) -> str:
    """An IRI as a person reads it, escapes decoded (for labels and logs, never as an identifier).

    >>> readable("http://h/id/agency/%E5%8C%BA%E6%B0%91%E6%94%BF%E5%B1%80")
    'http://h/id/agency/区民政局'
    """
    return unquote(iri)


def _root(base: str) -> str:
    return base if base.endswith("/") else base + "/"


def _mint(base: str, kind: str, *keys: str) -> str:
    return _root(base) + "id/" + kind + "/" + "/".join(_segment(k) for k in keys)


def doc_iri(base: str, number: str) -> str:
    """A document identified by its 发文字号 (pass the canonical form, ``代字〔YYYY〕N号``).

    >>> readable(doc_iri("http://h/", "国办发〔2021〕12号"))
    'http://h/id/doc/国办发〔2021〕12号'
    """
    return _mint(base, "doc", number)


def doc_iri_from_header(base: str, issuer: str | None, date: str | None, title: str) -> str:
    """A document without 文号, identified by issuer, date and title (``-`` stands for what is unknown).

    >>> readable(doc_iri_from_header("http://h/", "昆明市五华区民政局", "2019-05-30", "关于对第19D11号提案的答复"))
    'http://h/id/doc/昆明市五华区民政局/2019-05-30/关于对第19D11号提案的答复'
    """
    return _mint(base, "doc", issuer or "-", date or "-", title)


def title_iri(base: str, title: str) -> str:
    """A work known only by a title in 《》 (cited without number, or a plan a notice issues).

    >>> readable(title_iri("http://h/", "昆明市社区依法履行职责清单"))
    'http://h/id/title/昆明市社区依法履行职责清单'
    """
    return _mint(base, "title", title)


def source_iri(base: str, sha256: str) -> str:
    """A source file, by the sha256 of its bytes; also the name of the graph holding its triples.

    >>> source_iri("http://h/", "ab12")
    'http://h/id/source/ab12'
    """
    return _mint(base, "source", sha256.lower())


def mention_iri(base: str, sha256: str, start: int, end: int) -> str:
    """A span of a source text, as an RFC 5147 ``char=`` fragment of the source IRI.

    >>> mention_iri("http://h/", "ab12", 3, 9)
    'http://h/id/source/ab12#char=3,9'
    """
    return fragment_iri(source_iri(base, sha256), f"char={start},{end}")


def mention_span(iri: str) -> tuple[int, int] | None:
    """The offsets a span IRI names (the store keeps no other copy of them), or None for any other IRI.

    >>> mention_span("http://h/id/source/ab12#char=3,9"), mention_span("http://h/id/source/ab12#citation=1")
    ((3, 9), None)
    """
    m = _CHAR_FRAGMENT.search(iri)
    return (int(m[1]), int(m[2])) if m else None


def fragment_iri(resource: str, fragment: str) -> str:
    """A node that exists only inside another resource's description: a span, an unplaced citation.

    >>> fragment_iri("http://h/id/source/ab12", "char=3,9")
    'http://h/id/source/ab12#char=3,9'
    """
    return f"{resource}#{fragment}"


def agency_iri(base: str, name: str, scope: str | None = None) -> str:
    """An organization by name; a relative name (区政府办公室) is scoped by the agency that wrote it.

    >>> readable(agency_iri("http://h/", "昆明市西山区民政局"))
    'http://h/id/agency/昆明市西山区民政局'
    >>> readable(agency_iri("http://h/", "区政府办公室", scope="昆明市西山区民政局"))
    'http://h/id/agency/昆明市西山区民政局/区政府办公室'
    """
    return _mint(base, "agency", scope, name) if scope else _mint(base, "agency", name)


def person_iri(base: str, scope: str, name: str) -> str:
    """A person, scoped: a deputy by the term of the body (届), anyone else by the issuing agency.

    >>> readable(person_iri("http://h/", "西山区第十七届人大", "余静"))
    'http://h/id/person/西山区第十七届人大/余静'
    """
    return _mint(base, "person", scope, name)


def membership_iri(base: str, scope: str, name: str, role: str) -> str:
    """A person's membership (a deputy's mandate, an official's post) in the body or agency ``scope``.

    >>> readable(membership_iri("http://h/", "西山区第十七届人大", "余静", "代表"))
    'http://h/id/membership/西山区第十七届人大/余静/代表'
    """
    return _mint(base, "membership", scope, name, role)


def term_iri(base: str, term: str) -> str:
    """A term (届) of a people's congress or CPPCC, e.g. 西山区第十七届人大.

    >>> readable(term_iri("http://h/", "政协五华区九届"))
    'http://h/id/term/政协五华区九届'
    """
    return _mint(base, "term", term)


def meeting_iri(base: str, session: str) -> str:
    """A session (会议) of a term, named as written: 西山区第十七届人大二次会议.

    >>> readable(meeting_iri("http://h/", "市五届人大一次会议"))
    'http://h/id/meeting/市五届人大一次会议'
    """
    return _mint(base, "meeting", session)


def proposal_iri(base: str, session: str, number: str) -> str:
    """A deputy's suggestion or member's proposal by session and number (leading zeros kept).

    >>> readable(proposal_iri("http://h/", "西山区第十六届人大五次会议", "014"))
    'http://h/id/proposal/西山区第十六届人大五次会议/014'
    """
    return _mint(base, "proposal", session, number)


def programme_iri(base: str, name: str) -> str:
    """A programme by its normalized name: quotes and title brackets dropped.

    >>> readable(programme_iri("http://h/", "“五社联动”"))
    'http://h/id/programme/五社联动'
    """
    return _mint(base, "programme", name.strip(_NAME_QUOTES))


def place_iri(base: str, name: str, code: str | None = None) -> str:
    """A place: by its GB/T 2260 administrative division code when known, else by name.

    >>> place_iri("http://h/", "西山区", "530112")
    'http://h/id/place/530112'
    >>> readable(place_iri("http://h/", "正阳街道"))
    'http://h/id/place/正阳街道'
    """
    return _mint(base, "place", code or name)


def scheme_iri(base: str, scheme: str) -> str:
    """A SKOS concept scheme (doctype, handling, role, programme).

    >>> scheme_iri("http://h/", "doctype")
    'http://h/id/scheme/doctype'
    """
    return _mint(base, "scheme", scheme)


def vocabulary_graph_iri(base: str) -> str:
    """The named graph holding the ontology, the concept schemes and the places, and its description.

    >>> vocabulary_graph_iri("http://h/")
    'http://h/id/graph/vocabulary'
    """
    return _mint(base, "graph", "vocabulary")


def concept_iri(base: str, scheme: str, notation: str) -> str:
    """A concept of a scheme, by its notation (函, 代表议案, B, 局长 …).

    >>> concept_iri("http://h/", "handling", "B")
    'http://h/id/concept/handling/B'
    """
    return _mint(base, "concept", scheme, notation)


def part_iri(owner: str, name: str) -> str:
    """Something that exists only as part of another resource (a document's annex, its proposal).

    >>> readable(part_iri("http://h/id/doc/西民函〔2023〕53号", "附件1"))
    'http://h/id/doc/西民函〔2023〕53号/附件1'
    """
    return f"{owner}/{_segment(name)}"


def iri_to_path(iri: str, base: str) -> str | None:
    """The path at which the server publishes ``iri`` (still percent-encoded), or None if not under base.

    >>> iri_to_path("http://h/id/doc/A%22B", "http://h/")
    '/id/doc/A%22B'
    >>> iri_to_path("urn:x", "http://h/") is None
    True
    """
    root = _root(base)
    if not iri.startswith(root):
        return None
    return "/" + iri[len(root):].split("#", 1)[0]


def path_to_iri(path: str, base: str) -> str:
    """The IRI a request path names; takes the decoded path (Flask's ``request.path``) or an encoded one.

    >>> path_to_iri("/id/doc/西民函〔2023〕53号", "http://h/")
    'http://h/id/doc/%E8%A5%BF%E6%B0%91%E5%87%BD%E3%80%942023%E3%80%9553%E5%8F%B7'
    >>> path_to_iri("/id/doc/%E8%A5%BF%E6%B0%91%E5%87%BD%E3%80%942023%E3%80%9553%E5%8F%B7", "http://h/")
    'http://h/id/doc/%E8%A5%BF%E6%B0%91%E5%87%BD%E3%80%942023%E3%80%9553%E5%8F%B7'
    >>> path_to_iri("/id/title/A%25B", "http://h/")
    'http://h/id/title/A%25B'
    """
    return _root(base) + "/".join(quote(unquote(s), safe=_SEGMENT_SAFE) for s in path.lstrip("/").split("/"))
