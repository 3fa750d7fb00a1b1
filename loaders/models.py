"""Typed results of extraction: frozen dataclasses, each fact carrying the span it came from.

Spans are half-open ``(start, end)`` character offsets into the *source text* (the decoded file). The clean
step maps one character to one character, so a span found in the cleaned text is valid in the source text.
Nothing here knows about RDF: ``gongwen.ontology.to_rdf`` turns a :class:`Document` into triples.
"""
from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass(frozen=True)
class DocNumber:
    """A 发文字号 (GB/T 9704-2012 §7.2.4): issuer code 代字, year, sequence number.

    ``text`` is the number as written; ``canonical`` the normalized form ``代字〔YYYY〕N号``.

    >>> DocNumber(text="昆民通（2021）8号", code="昆民通", year=2021, seq="8", span=(0, 11)).canonical
    '昆民通〔2021〕8号'
    """

    text: str
    code: str
    year: int | None
    seq: str | None
    span: Span

    @property
    def canonical(self) -> str:
        year = "" if self.year is None else str(self.year)
        seq = "" if self.seq is None else self.seq
        return f"{self.code}〔{year}〕{seq}号"


@dataclass(frozen=True)
class TitledWork:
    """A title written in 《》 (or a 〈〉 title nested in one), as written, without the brackets."""

    title: str
    span: Span
    nested_in: str | None = None


@dataclass(frozen=True)
class Citation:
    """One citation occurrence in the body: by number, by title, or both written together.

    ``resolved_from`` holds the short form (《决定》, 该文件, “54号文”) when the citation was resolved to an
    antecedent rather than written out in full.
    """

    span: Span
    doc_number: DocNumber | None = None
    title: TitledWork | None = None
    resolved_from: str | None = None
    issuer: str | None = None  # inferred from the 代字 of doc_number (gongwen.loaders.resolve.infer_issuer)


@dataclass(frozen=True)
class Agency:
    """An organization named in the text (issuer, cc recipient, body mentioned), with its span."""

    name: str
    span: Span


@dataclass(frozen=True)
class Person:
    """A named individual with the role printed beside the name (代表, 委员, 联系人, 局长, 签发人 …)."""

    name: str
    role: str | None
    span: Span
    phone: str | None = None


@dataclass(frozen=True)
class Proposal:
    """The deputy's suggestion or member's proposal a reply answers (建议 / 议案 / 提案)."""

    session: str | None
    number: str | None
    kind: str | None
    title: str | None
    span: Span


@dataclass(frozen=True)
class Programme:
    """A named programme or initiative the text reports on (五社联动, 时间银行 …)."""

    name: str
    span: Span


@dataclass(frozen=True)
class Place:
    """A place name with its administrative level (省 / 市 / 区 / 县 / 街道 / 乡镇 / 社区 …)."""

    name: str
    level: str | None
    span: Span


@dataclass(frozen=True)
class Figure:
    """A number with its unit and what it counts (126 名专职社工, 170万元)."""

    value: str
    unit: str
    counted: str | None
    span: Span


@dataclass(frozen=True)
class Field:
    """A header value (issuer, title, date …) with the span it was read from."""

    value: str
    span: Span


@dataclass(frozen=True)
class Document:
    """Everything extracted from one 公文. Header fields are ``None`` when the text does not state them."""

    file: str
    text: str
    sha256: str = ""
    issuer: Field | None = None
    doc_number: DocNumber | None = None
    title: Field | None = None
    doc_type: Field | None = None
    date: Field | None = None  # value is ISO YYYY-MM-DD
    signer: Person | None = None
    handling_type: Field | None = None
    public: bool | None = None
    addressee: Person | None = None
    addressees: tuple[Person, ...] = ()
    main_recipients: tuple[Agency, ...] = ()
    proposal: Proposal | None = None
    citations: tuple[Citation, ...] = ()
    issues_attached: tuple[TitledWork, ...] = ()
    other_titled_works: tuple[TitledWork, ...] = ()
    programmes: tuple[Programme, ...] = ()
    persons: tuple[Person, ...] = ()
    cc: tuple[Agency, ...] = ()
    organizations: tuple[Agency, ...] = ()
    places: tuple[Place, ...] = ()
    figures: tuple[Figure, ...] = ()
    attachments: tuple[Field, ...] = ()
    warnings: tuple[str, ...] = field(default=())
