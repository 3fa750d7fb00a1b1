"""Facts → triples: the one place that adds triples. One source document gives one graph, stored whole.

The graph of a source document holds:

* the provenance record, on the source node that also names the graph:
  ``<graph> a gw:SourceText ; gw:sourcePath "<file>" ; gw:sha256 "<hex>" ; gw:textLength n``;
* the document node (eli:LegalResource) with its header facts, linked to the source by ``gw:sourceGraph``;
* the nodes it links to (agencies, people and their mandates, the proposal answered, programmes, places,
  concepts) with their labels, so each graph passes the shapes on its own — except the concepts and places
  the vocabulary graph lists (concepts.ttl, places.ttl; ``gongwen.ontology.vocab.vocabulary_graph``), which
  are only linked: their labels are stated once, there, not again in every document graph;
* one *span* node per fact occurrence, the characters it was read from: its IRI is the RFC 5147 fragment
  ``<graph>#char=start,end``, which says where it is: no triple repeats the offsets (oa:start/oa:end were a
  fifth of every graph's triples, and of the load's time) and none links a span to its source — the IRI names
  it, and the span lives in the source's own named graph. A span
  names what it reads (``gw:mentions``) and, for header and addressing facts, which property of the document
  it states (``gw:statesProperty``; a body mention without it names what the body talks about). A citation
  occurrence is such a node typed ``cito:Citation``; a figure one typed ``schema:Observation``.
* a body mention (a person, organization or place named in the text) only when it adds something: one read
  inside a longer fact's span (西山区 inside the issuer 昆明市西山区民政局, an agency inside a cited title,
  which ``gw:inferredIssuer`` already records) or naming what a header fact already links (the issuer again)
  gets neither a span nor a link (:func:`find_nested_spans`).

Two rules keep the published graph queryable by exact strings:

* only the document node (or a cited document's node) carries a literal equal to a 文号, and only the agency
  node a literal equal to the agency's name: checks look up ``?d ?p ?n FILTER(STR(?n) = "西民函〔2023〕53号")``
  and take the subject. So no mention, citation or annotation node repeats such text (no oa:exact, no
  TextQuoteSelector): spans are integer offsets, and a citation keeps the 文号 as written only when it differs
  from the canonical form;
* "in the corpus" is the presence of ``gw:sourceGraph``, never a ``false`` flag: a cited document's stub lives
  in the *citing* graph (number, year, issuer code, the title as cited in ``dcterms:alternative``, inferred
  issuers in ``gw:inferredIssuer``), and when the document itself is loaded its own graph adds
  ``gw:sourceGraph``, ``eli:title`` and ``eli:passed_by`` to the same node. Nothing the stub says can then
  contradict what the document says, whichever graph is loaded or replaced first.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.memory import SimpleMemory
from rdflib.term import BNode, Node

from gongwen.loaders.models import Agency, Citation, DocNumber, Document, Person, Place, Span
from gongwen.ontology import iris, namespaces
from gongwen.ontology.vocab import find_doc_type, find_place_code, find_proposal_type, is_listed_concept

class _Terms:
    """A namespace whose terms are made once: rdflib's ``Namespace`` builds a new URIRef on every attribute
    access, a fifth of the mapping time (~40 accesses per document). The IRIs are the namespace's own.

    >>> _Terms(namespaces.GW).sourcePath == namespaces.GW.sourcePath
    True
    """

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        setattr(self, name, term)  # the next access finds it in the instance dict, without this call
        return term


# rdflib's Literal() converts and normalizes its value on every call (a quarter of the mapping time); labels,
# offsets and numbers recur across documents, and a Literal never changes, so each is made once. typed: 1 and
# True must stay different literals.
_literal = lru_cache(maxsize=1 << 16, typed=True)(Literal)

CITO, DCTERMS, ELI, ELI_DL, FOAF, GW, ORG, RDF, SDO, SKOS, XSD = (
    _Terms(n) for n in (namespaces.CITO, namespaces.DCTERMS, namespaces.ELI, namespaces.ELI_DL, namespaces.FOAF,
                        namespaces.GW, namespaces.ORG, namespaces.RDF, namespaces.SDO, namespaces.SKOS,
                        namespaces.XSD))


# GB/T 9704-2012 §7.2.4: 发文机关代字、年份、发文顺序号; the year is four digits in 〔〕 and the number ends in 号.
CANONICAL_NUMBER = r"[^\s〔〕]+〔\d{4}〕[0-9A-Za-z\-]+号"
# Names that only make sense relative to the writer (区政府办公室, 市人大常委会…, 各社区居委会): scoped by issuer.
RELATIVE_NAME_PREFIXES = ("区", "市", "县", "省", "镇", "乡", "街道", "本", "各")
DEPUTY_ROLES = ("代表", "委员")
# A term (届) as printed at the head of a session: 西山区第十七届人大 | 政协五华区九届 | 市五届人大.
_TERM = re.compile(r"^(.*?届)(人大常委会|人大|人民代表大会|政协)?")
# Issuers printed before 关于/印发 in a cited title: 昆明市民政局关于…, 中共云南省委办公厅、云南省人民政府办公厅印发…
_TITLE_ISSUERS = re.compile(r"^(.{2,40}?(?:局|厅|委|办公室|政府|办事处|委员会|部|院|中心|党委|市委|县委|区委))"
                            r"(?:关于|印发)")
_INT_VALUE = re.compile(r"\d+(\.\d+)?")


@dataclass
class _Ctx:
    doc: Document
    base: str
    sha: str
    source: URIRef
    node: URIRef | None = None
    issuer_name: str | None = None
    nested: frozenset[Span] = frozenset()
    stated: set[Node] = field(default_factory=set)
    triples: list[tuple[Node, Node, Node]] = field(default_factory=list)

    def add(self, s: Node, p: Node, o: Node) -> None:
        self.triples.append((s, p, o))


def source_sha256(doc: Document) -> str:
    """The document's sha256, or that of its text (UTF-8) when the reader did not set one.

    >>> source_sha256(Document(file="a.txt", text="公文"))[:12]
    '1ac2793ed791'
    """
    return doc.sha256 or hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


def graph_iri(doc: Document, base: str = iris.DEFAULT_BASE) -> str:
    """The named graph (and source node) of a document: ``source_iri(base, doc.sha256)``.

    >>> graph_iri(Document(file="a.txt", text="", sha256="ab12"), "http://h/")
    'http://h/id/source/ab12'
    """
    return iris.source_iri(base, source_sha256(doc))


def is_canonical_number(number: DocNumber) -> bool:
    """Whether a 文号 has a well-formed canonical form (a 4-digit year and a sequence number).

    >>> is_canonical_number(DocNumber("昆民通（2021）8号", "昆民通", 2021, "8", (0, 11)))
    True
    >>> is_canonical_number(DocNumber("衢政办发〔202316号", "衢政办发", None, "16", (0, 11)))
    False
    """
    return re.fullmatch(CANONICAL_NUMBER, number.canonical) is not None


def find_term(session: str) -> str | None:
    """The term (届) of the body a session belongs to, as printed, or None when the session names none.

    >>> find_term("西山区第十七届人大二次会议"), find_term("政协五华区九届三次会议"), find_term("常委会会议")
    ('西山区第十七届人大', '政协五华区九届', None)
    """
    m = _TERM.match(session.strip())
    return m.group(0) if m else None


def infer_issuers(title: str) -> list[str]:
    """Agencies a cited title names as its issuers (before 关于 or 印发), joint issuers split on 、.

    >>> infer_issuers("中共云南省委办公厅、云南省人民政府办公厅印发〈关于改革完善社会救助制度的实施意见〉的通知")
    ['中共云南省委办公厅', '云南省人民政府办公厅']
    >>> infer_issuers("昆明市民政局关于印发昆明市乡镇（街道）社会工作服务站建设实施方案（试行）的通知")
    ['昆明市民政局']
    >>> infer_issuers("关于开展城乡社区治理创新试点建设工作方案")
    []
    """
    m = _TITLE_ISSUERS.match(title)
    return [name for name in m.group(1).split("、") if name] if m else []


def to_rdf(doc: Document, base: str = iris.DEFAULT_BASE) -> Graph:
    """The triples of one source document (store them as the named graph :func:`graph_iri`).

    >>> from gongwen.loaders.models import Field
    >>> d = Document(file="a.txt", text="西民函〔2023〕53号", sha256="ab",
    ...              doc_number=DocNumber("西民函〔2023〕53号", "西民函", 2023, "53", (0, 12)),
    ...              issuer=Field("昆明市西山区民政局", (0, 0)))
    >>> g = to_rdf(d, "http://h/")
    >>> str(g.value(URIRef(iris.doc_iri("http://h/", "西民函〔2023〕53号")), ELI.id_local))
    '西民函〔2023〕53号'
    """
    # SimpleMemory: a graph of one document needs no context index, and adding to it is 5x faster.
    graph = Graph(store=SimpleMemory(), bind_namespaces="none")
    store = graph.store
    for triple in dict.fromkeys(build_triples(doc, base)):
        store.add(triple, graph)
    return graph


def build_triples(doc: Document, base: str = iris.DEFAULT_BASE) -> list[tuple[Node, Node, Node]]:
    """The triples :func:`to_rdf` puts in the graph, as a list (repeats are possible; a graph drops them)."""
    sha = source_sha256(doc)
    ctx = _Ctx(doc, base, sha, URIRef(iris.source_iri(base, sha)))
    ctx.issuer_name = doc.issuer.value.strip() if doc.issuer else None
    ctx.nested = find_nested_spans(doc)
    _add_source(ctx)
    _add_document(ctx)
    _add_recipients(ctx)
    _add_proposal(ctx)
    _add_citations(ctx)
    _add_titled_works(ctx)
    _add_body_entities(ctx)
    return ctx.triples


# --- provenance and mentions ---------------------------------------------------------------------------------
def _add_source(ctx: _Ctx) -> None:
    ctx.add(ctx.source, RDF.type, GW.SourceText)
    ctx.add(ctx.source, GW.sourcePath, _literal(ctx.doc.file))
    ctx.add(ctx.source, GW.sha256, _literal(ctx.sha))
    ctx.add(ctx.source, GW.textLength, _literal(len(ctx.doc.text)))


def _mention(ctx: _Ctx, span: Span, target: Node | None = None, prop: URIRef | None = None) -> URIRef | None:
    """The node of a span, or None for an empty span: extraction gives (n, n) to a value it inferred
    rather than read (a 文种 implied by 答复如下), which has no place in the text to point to."""
    if span[0] == span[1]:
        return None
    node = URIRef(iris.fragment_iri(ctx.source, f"char={span[0]},{span[1]}"))  # = iris.mention_iri(…)
    if target is not None:
        ctx.add(node, GW.mentions, target)
    if prop is not None:
        ctx.add(node, GW.statesProperty, prop)
    return node


# --- the document and its header -------------------------------------------------------------------------------
def _document_iri(ctx: _Ctx) -> str:
    doc = ctx.doc
    if doc.doc_number is not None:
        number = doc.doc_number
        return iris.doc_iri(ctx.base, number.canonical if is_canonical_number(number) else number.text)
    if doc.title is not None:
        return iris.doc_iri_from_header(ctx.base, ctx.issuer_name, doc.date.value if doc.date else None,
                                        doc.title.value)
    return iris.part_iri(str(ctx.source), "doc")


def taught_code(doc: Document) -> str | None:
    """The 代字 a document teaches the registry, which gongwen.pipeline.CODE_AGENCIES reads back from what
    this module writes: its own, when it prints its issuer and a well-formed 文号.

    >>> from gongwen.loaders.models import Field
    >>> number = DocNumber("西民函〔2023〕53号", "西民函", 2023, "53", (0, 13))
    >>> taught_code(Document(file="a", text="", doc_number=number, issuer=Field("昆明市西山区民政局", (14, 23))))
    '西民函'
    >>> taught_code(Document(file="a", text="", doc_number=number)) is None
    True
    """
    number = doc.doc_number
    return number.code if number is not None and doc.issuer is not None and is_canonical_number(number) else None


def _add_number(ctx: _Ctx, node: URIRef, number: DocNumber) -> None:
    """A 文号 on a document node: canonical in eli:id_local when well-formed, else only as written."""
    if is_canonical_number(number):
        ctx.add(node, ELI.id_local, _literal(number.canonical))
        ctx.add(node, GW.issuerCode, _literal(number.code))
        ctx.add(node, GW.numberYear, _literal(str(number.year), datatype=XSD.gYear))
    else:
        ctx.add(node, GW.numberAsWritten, _literal(number.text))


def _add_document(ctx: _Ctx) -> None:
    doc, node = ctx.doc, URIRef(_document_iri(ctx))
    ctx.node = node
    ctx.add(node, RDF.type, ELI.LegalResource)
    ctx.add(node, GW.sourceGraph, ctx.source)
    if doc.doc_number is not None:
        _add_number(ctx, node, doc.doc_number)
        _mention(ctx, doc.doc_number.span, node, ELI.id_local)
    if doc.issuer is not None:
        agency = _agency(ctx, ctx.issuer_name, scoped=False)
        ctx.add(node, ELI.passed_by, agency)
        ctx.stated.add(agency)
        _mention(ctx, doc.issuer.span, agency, ELI.passed_by)
    if doc.title is not None:
        ctx.add(node, ELI.title, _literal(doc.title.value))
        _mention(ctx, doc.title.span, node, ELI.title)
    if doc.date is not None:
        ctx.add(node, ELI.date_document, _literal(doc.date.value, datatype=XSD.date))
        _mention(ctx, doc.date.span, node, ELI.date_document)
    if doc.doc_type is not None:
        concept = _concept(ctx, "doctype", find_doc_type(doc.doc_type.value) or doc.doc_type.value.strip())
        ctx.add(node, ELI.type_document, concept)
        _mention(ctx, doc.doc_type.span, concept, ELI.type_document)
    if doc.handling_type is not None:
        code = doc.handling_type.value.strip().removesuffix("类").upper()
        concept = _concept(ctx, "handling", code, label=f"{code}类")
        ctx.add(node, GW.handlingType, concept)
        _mention(ctx, doc.handling_type.span, concept, GW.handlingType)
    if doc.public is not None:
        ctx.add(node, GW.isPublic, _literal(doc.public))
    if doc.signer is not None:
        _person(ctx, doc.signer, GW.signer)
    for attachment in doc.attachments:
        part = URIRef(iris.part_iri(str(node), attachment.value))
        ctx.add(part, RDF.type, ELI.LegalResource)
        ctx.add(part, ELI.title, _literal(attachment.value))
        ctx.add(node, ELI.has_part, part)
        _mention(ctx, attachment.span, part, ELI.has_part)


def _concept(ctx: _Ctx, scheme: str, notation: str, label: str | None = None) -> URIRef:
    """A concept; one the vocabulary graph lists is only linked, its labels live there once for all graphs."""
    node = URIRef(iris.concept_iri(ctx.base, scheme, notation))
    if not is_listed_concept(scheme, notation):
        ctx.add(node, RDF.type, SKOS.Concept)
        ctx.add(node, SKOS.prefLabel, _literal(label or notation))
        ctx.add(node, SKOS.inScheme, URIRef(iris.scheme_iri(ctx.base, scheme)))
        if scheme == "role":
            ctx.add(node, RDF.type, ORG.Role)
    return node


# --- agencies and people --------------------------------------------------------------------------------------
def _agency(ctx: _Ctx, name: str, scoped: bool = True) -> URIRef:
    name = name.strip()
    relative = scoped and ctx.issuer_name and name != ctx.issuer_name and name.startswith(RELATIVE_NAME_PREFIXES)
    node = URIRef(iris.agency_iri(ctx.base, name, ctx.issuer_name if relative else None))
    ctx.add(node, RDF.type, ORG.Organization)
    ctx.add(node, SKOS.prefLabel, _literal(name))
    return node


def _add_agency_mention(ctx: _Ctx, agency: Agency, prop: URIRef) -> None:
    if prop == SDO.mentions and agency.span in ctx.nested:
        return
    node = _agency(ctx, agency.name)
    if prop == SDO.mentions and node in ctx.stated:
        return  # the issuer or an addressee named again in the body: the header already links it
    ctx.add(ctx.node, prop, node)
    if prop != SDO.mentions:
        ctx.stated.add(node)
    _mention(ctx, agency.span, node, None if prop == SDO.mentions else prop)


def _deputy_body(ctx: _Ctx) -> str | None:
    session = ctx.doc.proposal.session if ctx.doc.proposal else None
    return (find_term(session) or session.strip()) if session else None


def _person_scope(ctx: _Ctx, deputy: bool) -> str:
    body = _deputy_body(ctx) if deputy else None
    return body or ctx.issuer_name or ctx.sha


def _person(ctx: _Ctx, person: Person, prop: URIRef) -> URIRef:
    """A person and the link ``prop`` from the document; a deputy gets a mandate in the term, an official a post."""
    name, role = person.name.strip(), (person.role or "").strip()
    deputy = role in DEPUTY_ROLES
    node = URIRef(iris.person_iri(ctx.base, _person_scope(ctx, deputy), name))
    ctx.add(node, RDF.type, GW.Deputy if deputy else FOAF.Person)
    ctx.add(node, FOAF.name, _literal(name))
    if person.phone:
        ctx.add(node, SDO.telephone, _literal(person.phone))
    if role == "联系人":
        prop = GW.contact
    elif role == "签发人":
        prop = GW.signer
    elif role:
        _add_membership(ctx, node, name, role, deputy)
    ctx.add(ctx.node, prop, node)
    if prop != SDO.mentions:
        ctx.stated.add(node)
    _mention(ctx, person.span, node, None if prop == SDO.mentions else prop)
    return node


def _add_membership(ctx: _Ctx, person: URIRef, name: str, role: str, deputy: bool) -> None:
    body = _deputy_body(ctx) if deputy else ctx.issuer_name
    if not body:
        return
    if deputy:
        organization = URIRef(iris.term_iri(ctx.base, body))
        ctx.add(organization, RDF.type, ELI_DL.ParliamentaryTerm)
        ctx.add(organization, RDF.type, ORG.Organization)
        ctx.add(organization, SKOS.prefLabel, _literal(body))
    else:
        organization = _agency(ctx, body, scoped=False)
    membership = URIRef(iris.membership_iri(ctx.base, body, name, role))
    ctx.add(membership, RDF.type, ORG.Membership)
    ctx.add(membership, ORG.member, person)
    ctx.add(membership, ORG.organization, organization)
    ctx.add(membership, ORG.role, _concept(ctx, "role", role))


def _add_recipients(ctx: _Ctx) -> None:
    doc = ctx.doc
    addressees = doc.addressees or ((doc.addressee,) if doc.addressee else ())
    for person in addressees:
        _person(ctx, person, SDO.recipient)
    for agency in doc.main_recipients:
        _add_agency_mention(ctx, agency, SDO.recipient)
    for agency in doc.cc:
        _add_agency_mention(ctx, agency, SDO.ccRecipient)


# --- the proposal a reply answers -----------------------------------------------------------------------------
def _add_proposal(ctx: _Ctx) -> None:
    proposal = ctx.doc.proposal
    if proposal is None:
        return
    session, number = (proposal.session or "").strip(), (proposal.number or "").strip()
    node = URIRef(iris.proposal_iri(ctx.base, session, number) if session and number
                  else iris.part_iri(str(ctx.node), "proposal"))
    ctx.add(node, RDF.type, GW.Proposal)
    ctx.add(ctx.node, GW.answers, node)
    _mention(ctx, proposal.span, node, GW.answers)
    if number:
        ctx.add(node, GW.proposalNumber, _literal(number))
    if proposal.title:
        ctx.add(node, ELI.title, _literal(proposal.title))
    if proposal.kind and (kind := find_proposal_type(proposal.kind)):
        ctx.add(node, ELI.type_document, _concept(ctx, "doctype", kind))
    if session:
        meeting = URIRef(iris.meeting_iri(ctx.base, session))
        ctx.add(node, GW.session, meeting)
        ctx.add(meeting, RDF.type, ELI_DL.Activity)
        ctx.add(meeting, SKOS.prefLabel, _literal(session))
        if term := find_term(session):
            ctx.add(meeting, ELI_DL.parliamentary_term, URIRef(iris.term_iri(ctx.base, term)))
    for person in ctx.doc.addressees or ((ctx.doc.addressee,) if ctx.doc.addressee else ()):
        if (person.role or "").strip() in DEPUTY_ROLES:
            scope = _person_scope(ctx, True)
            ctx.add(node, ELI_DL.was_submitted_by, URIRef(iris.person_iri(ctx.base, scope, person.name.strip())))


# --- citations ---------------------------------------------------------------------------------------------------
def _cited_iri(ctx: _Ctx, citation: Citation) -> URIRef | None:
    number, title = citation.doc_number, citation.title
    if number is not None:
        return URIRef(iris.doc_iri(ctx.base, number.canonical if is_canonical_number(number) else number.text))
    if title is not None:
        return URIRef(iris.title_iri(ctx.base, title.title))
    return None


def _add_citations(ctx: _Ctx) -> None:
    by_title: dict[str, URIRef] = {}
    for index, citation in enumerate(ctx.doc.citations):
        cited = _cited_iri(ctx, citation)
        if cited is None or cited == ctx.node:
            continue
        if citation.title is not None:
            by_title[citation.title.title] = cited
        _add_citation(ctx, citation, cited, index)
    for citation in ctx.doc.citations:
        outer = citation.title.nested_in if citation.title else None
        if outer in by_title and (cited := _cited_iri(ctx, citation)) not in (None, by_title[outer]):
            ctx.add(by_title[outer], ELI.has_part, cited)


def _add_citation(ctx: _Ctx, citation: Citation, cited: URIRef, index: int) -> None:
    ctx.add(ctx.node, ELI.cites, cited)
    occurrence = _mention(ctx, citation.span) or URIRef(iris.fragment_iri(ctx.source, f"citation={index}"))
    ctx.add(occurrence, RDF.type, CITO.Citation)
    ctx.add(occurrence, CITO.hasCitingEntity, ctx.node)
    ctx.add(occurrence, CITO.hasCitedEntity, cited)
    if citation.resolved_from:
        ctx.add(occurrence, GW.resolvedFrom, _literal(citation.resolved_from))
    ctx.add(cited, RDF.type, ELI.LegalResource)
    number = citation.doc_number
    if number is not None:
        _add_number(ctx, cited, number)
        if is_canonical_number(number) and number.text != number.canonical:
            ctx.add(occurrence, GW.numberAsWritten, _literal(number.text))
    if citation.issuer:  # the agency behind the number's 代字, from the issuer-code registry
        ctx.add(cited, GW.inferredIssuer, _agency(ctx, citation.issuer, scoped=False))
    if citation.title is not None:
        ctx.add(cited, DCTERMS.alternative, _literal(citation.title.title))
        for name in infer_issuers(citation.title.title):
            ctx.add(cited, GW.inferredIssuer, _agency(ctx, name, scoped=False))


def _add_titled_works(ctx: _Ctx) -> None:
    for plan in ctx.doc.issues_attached:
        node = URIRef(iris.title_iri(ctx.base, plan.title))
        ctx.add(node, RDF.type, ELI.LegalResource)
        ctx.add(node, ELI.title, _literal(plan.title))
        ctx.add(ctx.node, ELI.has_part, node)
        _mention(ctx, plan.span, node, ELI.has_part)
    for work in ctx.doc.other_titled_works:
        node = URIRef(iris.title_iri(ctx.base, work.title))
        ctx.add(node, RDF.type, SDO.CreativeWork)
        ctx.add(node, DCTERMS.title, _literal(work.title))
        ctx.add(ctx.node, DCTERMS.references, node)
        _mention(ctx, work.span, node)


# --- programmes, people, organizations, places and figures named in the body -----------------------------------
def _add_body_entities(ctx: _Ctx) -> None:
    doc = ctx.doc
    programme_scheme = URIRef(iris.scheme_iri(ctx.base, "programme"))
    for programme in doc.programmes:
        node = URIRef(iris.programme_iri(ctx.base, programme.name))
        ctx.add(node, RDF.type, GW.Programme)
        ctx.add(node, SKOS.prefLabel, _literal(programme.name.strip().strip("“”\"「」")))
        ctx.add(node, SKOS.inScheme, programme_scheme)
        ctx.add(ctx.node, ELI.is_about, node)
        _mention(ctx, programme.span, node)
    addressed = {p.name for p in doc.addressees or ((doc.addressee,) if doc.addressee else ())}
    for person in doc.persons:
        plain = (person.role or "").strip() not in ("联系人", "签发人")
        if person.name not in addressed and not (plain and person.span in ctx.nested):
            _person(ctx, person, SDO.mentions)
    for agency in doc.organizations:
        _add_agency_mention(ctx, agency, SDO.mentions)
    for place in doc.places:
        if place.span not in ctx.nested:
            _add_place(ctx, place)
    for index, figure in enumerate(doc.figures):
        node = _mention(ctx, figure.span) or URIRef(iris.fragment_iri(ctx.source, f"figure={index}"))
        ctx.add(node, RDF.type, SDO.Observation)
        value = figure.value.strip()
        ctx.add(node, SDO.value, _literal(value, datatype=XSD.decimal) if _INT_VALUE.fullmatch(value)
                else _literal(value))
        if figure.unit:
            ctx.add(node, SDO.unitText, _literal(figure.unit))
        if figure.counted:
            ctx.add(node, SDO.variableMeasured, _literal(figure.counted))
        ctx.add(node, SDO.observationAbout, ctx.node)


def _add_place(ctx: _Ctx, place: Place) -> None:
    """A place; one of places.ttl (known by its GB/T 2260 code) is only linked, the vocabulary graph names it."""
    code = find_place_code(place.name)
    node = URIRef(iris.place_iri(ctx.base, place.name, code))
    if code is None:
        ctx.add(node, RDF.type, SDO.AdministrativeArea)
        ctx.add(node, SKOS.prefLabel, _literal(place.name.strip()))
        if place.level:
            ctx.add(node, GW.adminLevel, _literal(place.level))
    ctx.add(ctx.node, DCTERMS.spatial, node)
    _mention(ctx, place.span, node)


def find_nested_spans(doc: Document) -> frozenset[Span]:
    """Spans of body mentions (people, organizations, places) that lie inside another fact's span.

    Such a mention reads part of a longer name the graph already states: 西山区 in the issuer
    昆明市西山区民政局, 昆明市民政局 in a cited title (the citation's gw:inferredIssuer says it), an agency
    inside a figure's counted thing. It gets neither a node nor a link. A body mention with the same span as
    another body mention is kept (two readings of one name); one equal to a header fact's span is not.

    >>> from gongwen.loaders.models import Agency, Field, Place
    >>> d = Document(file="a", text="", issuer=Field("昆明市西山区民政局", (0, 9)),
    ...              places=(Place("西山区", "区", (3, 6)), Place("五华区", "区", (20, 23))),
    ...              organizations=(Agency("昆明市西山区民政局", (0, 9)),))
    >>> sorted(find_nested_spans(d))
    [(0, 9), (3, 6)]
    """
    body = [p.span for p in doc.persons] + [a.span for a in doc.organizations] + [p.span for p in doc.places]
    facts = [f.span for f in (doc.issuer, doc.doc_number, doc.title, doc.date, doc.doc_type, doc.handling_type,
                              doc.signer, doc.addressee, doc.proposal) if f is not None]
    facts += [x.span for group in (doc.addressees, doc.main_recipients, doc.cc, doc.citations, doc.issues_attached,
                                   doc.other_titled_works, doc.programmes, doc.figures, doc.attachments)
              for x in group]
    containers = [(s, False) for s in facts if s[0] < s[1]] + [(s, True) for s in body if s[0] < s[1]]

    def nested(span: Span) -> bool:
        return any(c[0] <= span[0] and span[1] <= c[1] and (c != span or not is_body)
                   for c, is_body in containers)
    return frozenset(s for s in body if s[0] < s[1] and nested(s))


# --- serialization ---------------------------------------------------------------------------------------------
_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _nt_term(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    lexical = f'"{str(term).translate(_NT_ESCAPES)}"'
    if term.language:
        return f"{lexical}@{term.language}"
    if term.datatype is not None and term.datatype != XSD.string:
        return f"{lexical}^^<{term.datatype}>"
    return lexical


def document_ntriples(doc: Document, base: str = iris.DEFAULT_BASE) -> str:
    """The N-Triples text of ``to_rdf(doc, base)`` (each triple once), written straight from the mapped triples:
    a load needs text for the validator and the store, and building the rdflib graph in between took as long
    as the mapping itself. tests/ontology checks the text parses to a graph isomorphic to :func:`to_rdf`'s.

    >>> print(document_ntriples(Document(file="a.txt", text="", sha256="ab"), "http://h/").splitlines()[3])
    <http://h/id/source/ab> <https://w3id.org/gongwen/ontology#textLength> "0"^^<http://www.w3.org/2001/XMLSchema#integer> .
    """
    def write(term: Node) -> str:
        # An IRI inline: rdflib hashes a term by concatenating strings, so even a cache of them costs more.
        return f"<{term}>" if type(term) is URIRef else _nt_term(term)
    return "".join(dict.fromkeys(f"{write(s)} {write(p)} {write(o)} .\n" for s, p, o in build_triples(doc, base)))


def to_ntriples(graph: Graph) -> str:
    """N-Triples text of a graph (what ``gongwen.store.GraphData`` takes), much faster than rdflib's writer.

    >>> g = Graph()
    >>> _ = g.add((URIRef("urn:a"), URIRef("urn:b"), Literal('说"明"')))
    >>> print(to_ntriples(g), end="")
    <urn:a> <urn:b> "说\\"明\\"" .
    """
    return "".join(f"{_nt_term(s)} {_nt_term(p)} {_nt_term(o)} .\n" for s, p, o in graph)
