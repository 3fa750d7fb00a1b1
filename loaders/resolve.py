"""Resolve what a document leaves implicit: short forms of cited titles (《决定》, 以下简称“…”, 该文件, “54号文”),
the issuer behind a cited 发文字号 (代字 registry, data/issuer_codes.yaml), and the key that makes one
programme the same across documents.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from importlib.resources import files

import yaml

from gongwen.loaders.models import Citation, Document, TitledWork
from gongwen.loaders.titles import is_official_title

ALIAS = re.compile(r"^[ ]*\)?[ ]*\(?[ ]*以下简称[ ]*[“《\"](?P<a>[^”》\"]{1,20})[”》\"]")
THAT_DOCUMENT = r"该(?:文件|通知|意见|决定|办法|方案|规划|纲要)"
REFERENCE = re.compile(rf"{THAT_DOCUMENT}|(?P<seq>\d{{1,4}})号文(?:件)?")
# Without 号文 only the 该 branch can match: alone it opens with a literal, which re scans for at C speed (the
# digit branch left it no first character to skip to)
THAT_REFERENCE = re.compile(THAT_DOCUMENT)
FORMS = "发函通字办"  # form of a 公文 closing the 代字 (发 文件, 函 letter, 通 notice …)
SHORT_FORM_MAX = 8


def resolve_short_forms(clean: str, works: list[TitledWork]) -> list[TitledWork | Citation]:
    """Replace each short title by a Citation of its antecedent (with ``resolved_from``); keep the others.

    A short form is a title of at most eight characters that an earlier official title contains (《决定》
    after 《…若干重大问题的决定》), or an alias declared after a title with （以下简称《X》）.

    >>> works = [TitledWork("推进治理现代化若干重大问题的决定", (1, 17)), TitledWork("决定", (20, 22))]
    >>> out = resolve_short_forms("《推进治理现代化若干重大问题的决定》,《决定》指出", works)
    >>> out[1].title.title, out[1].resolved_from
    ('推进治理现代化若干重大问题的决定', '决定')
    """
    out: list[TitledWork | Citation] = []
    full: list[TitledWork] = []
    aliases: dict[str, TitledWork] = {}
    for work in works:
        key = work.title.replace(" ", "")
        antecedent = aliases.get(key)
        if antecedent is None and len(key) <= SHORT_FORM_MAX and not work.nested_in:
            antecedent = next((w for w in reversed(full) if key in w.title.replace(" ", "") and
                               len(w.title) > len(work.title)), None)
        if antecedent is not None:
            out.append(Citation(work.span, title=antecedent, resolved_from=work.title))
            continue
        out.append(work)
        if not work.nested_in and is_official_title(work.title):
            full.append(work)
            alias = ALIAS.match(clean, work.span[1] + 1)
            if alias:
                aliases[alias.group("a").replace(" ", "")] = work
    return out


def resolve_references(clean: str, citations: Iterable[Citation]) -> list[Citation]:
    """Citations for 该文件 / 该通知 (the citation just before) and “54号文” (the cited number with that
    sequence), each marked with ``resolved_from``.

    >>> from gongwen.loaders.models import DocNumber
    >>> n = DocNumber("西办通〔2022〕54号", "西办通", 2022, "54", (0, 13))
    >>> [(c.doc_number.text, c.resolved_from) for c in resolve_references("西办通〔2022〕54号。按照“54号文”要求", [Citation((0, 13), doc_number=n)])]
    [('西办通〔2022〕54号', '“54号文”')]
    """
    if "该" not in clean and "号文" not in clean:
        return []  # a plain substring test is ten times cheaper than scanning with REFERENCE, which needs one
    citations = [c for c in citations if c.resolved_from is None]
    found = []
    for match in (REFERENCE if "号文" in clean else THAT_REFERENCE).finditer(clean):
        before = [c for c in citations if c.span[1] <= match.start()]
        seq = match.groupdict().get("seq")
        if seq:
            target = next((c for c in reversed(before) if c.doc_number and c.doc_number.seq == str(int(seq))), None)
        else:
            target = before[-1] if before else None
        if target:
            start, end = match.span()
            if seq and clean[start - 1:start] == "“" and clean[end:end + 1] == "”":
                start, end = start - 1, end + 1  # the quoted form “54号文”
            found.append(replace(target, span=(start, end), resolved_from=clean[start:end]))
    return found


def number_repeated_titles(citations: Iterable[Citation]) -> list[Citation]:
    """Give a title cited without its 文号 the number it is cited with elsewhere in the same document, so
    both occurrences point at one cited document.

    >>> from gongwen.loaders.models import DocNumber
    >>> n = DocNumber("西民通〔2021〕35号", "西民通", 2021, "35", (10, 23))
    >>> cs = [Citation((0, 23), doc_number=n, title=TitledWork("建设方案（试行）", (1, 9))),
    ...       Citation((40, 50), title=TitledWork("建设方案(试行)", (41, 49)))]
    >>> number_repeated_titles(cs)[1].doc_number.text
    '西民通〔2021〕35号'
    """
    citations = list(citations)
    numbered = {_title_key(c.title.title): c.doc_number for c in citations if c.title and c.doc_number}
    if not numbered:
        return citations  # no title is cited with its number (most documents): no key to compute for the others
    return [replace(c, doc_number=numbered[_title_key(c.title.title)])
            if c.title and not c.doc_number and _title_key(c.title.title) in numbered else c
            for c in citations]


def _title_key(title: str) -> str:
    return unicodedata.normalize("NFKC", title).replace(" ", "")


@lru_cache(maxsize=1)
def load_issuer_codes() -> dict[str, dict]:
    """The seed 代字 registry from data/issuer_codes.yaml.

    >>> load_issuer_codes()["国办发"]["agency"]
    '国务院办公厅'
    """
    text = files("gongwen.loaders").joinpath("data/issuer_codes.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def code_stem(code: str) -> str:
    """The 代字 without its form character, so 西民函 and 西民通 share the stem 西民.

    >>> code_stem("西民函"), code_stem("发改社会")
    ('西民', '发改社会')
    """
    return code[:-1] if len(code) > 2 and code[-1] in FORMS else code


def grow_issuer_codes(registry: dict[str, dict], documents: Iterable[Document]) -> dict[str, dict]:
    """A new registry with the codes of documents printing both their issuer and their own 发文字号.

    >>> from gongwen.loaders.models import DocNumber, Field
    >>> doc = Document("a.txt", "", issuer=Field("昆明市西山区民政局", (0, 9)),
    ...                doc_number=DocNumber("西民函〔2023〕53号", "西民函", 2023, "53", (0, 13)))
    >>> grow_issuer_codes({}, [doc])["西民函"]
    {'agency': '昆明市西山区民政局', 'region': None, 'form': '函'}
    """
    grown = dict(registry)
    for doc in documents:
        if doc.issuer and doc.doc_number and doc.doc_number.code and doc.doc_number.code not in grown:
            code = doc.doc_number.code
            grown[code] = {"agency": doc.issuer.value, "region": None, "form": code[-1] if code[-1] in FORMS else None}
    return grown


def infer_issuer(code: str, registry: dict[str, dict] | None = None) -> str | None:
    """The agency behind a 代字: an exact entry, else one sharing its stem (西民通 → the agency of 西民函). A given
    ``registry`` (grown with grow_issuer_codes) is read first, then the seed registry.

    >>> infer_issuer("国办发"), infer_issuer("西民通", {"西民函": {"agency": "昆明市西山区民政局"}}), infer_issuer("无")
    ('国务院办公厅', '昆明市西山区民政局', None)
    >>> infer_issuer("国办发", {"国办发": {"agency": "另一机关"}}), infer_issuer("国办发", {})
    ('另一机关', '国务院办公厅')
    """
    seed = load_issuer_codes()
    if registry is not None and registry is not seed:
        found = _lookup_issuer(code, registry)
        if found:
            return found
    return _seed_issuer(code)


def _seed_issuer(code: str) -> str | None:
    """_lookup_issuer in the seed registry, which never changes: a code missing from it is looked up by its stem
    in an index rather than compared with the stem of every entry."""
    seed = load_issuer_codes()
    return seed[code]["agency"] if code in seed else _seed_stems().get(code_stem(code))


@lru_cache(maxsize=1)
def _seed_stems() -> dict[str, str]:
    """The agency of the first seed entry with each stem, as _lookup_issuer finds it."""
    stems: dict[str, str] = {}
    for known, entry in load_issuer_codes().items():
        stems.setdefault(code_stem(known), entry["agency"])
    return stems


def _lookup_issuer(code: str, registry: dict[str, dict]) -> str | None:
    if code in registry:
        return registry[code]["agency"]
    stem = code_stem(code)
    return next((entry["agency"] for known, entry in registry.items() if code_stem(known) == stem), None)


PROGRAMME_SCOPE = re.compile(r"^(?:街道|乡镇|社区|区级|市级|县级|全区|全市|全县|全省)")  # where it runs, not what it is
PROGRAMME_GENERIC_END = re.compile(r"(?:工作机制|机制|工作)$")  # “五社联动”机制 is 五社联动


@lru_cache(maxsize=8192)  # called for every candidate name; names recur
def programme_key(name: str) -> str:
    """The key that makes one programme the same across documents: width, quotes and spaces removed, and the
    scope before it (街道…, 全区…) and a generic 机制/工作 after it dropped.

    >>> programme_key("“家门口”社工服务行动") == programme_key("家门口社工 服务行动")
    True
    >>> programme_key("街道社工站建设"), programme_key("“五社联动”工作机制"), programme_key("ＡＢ计划")
    ('社工站建设', '五社联动', 'ab计划')
    """
    key = re.sub(r"[\s“”\"'‘’「」]", "", unicodedata.normalize("NFKC", name)).lower()
    stripped = PROGRAMME_GENERIC_END.sub("", PROGRAMME_SCOPE.sub("", key))
    return stripped if len(stripped) >= 2 else key
