#!/usr/bin/env python3
"""Generate a seeded corpus of realistic 公文 for load, query and extraction benchmarks.

usage: python benchmarks/generate.py OUTDIR N [--seed S]

Writes N UTF-8 ``.txt`` documents of 4–12 KB into OUTDIR, plus ``manifest.jsonl`` with the facts each one
states (issuer, 发文字号, title, date, cited numbers and titles), so extraction can be scored at scale.

The documents follow GB/T 9704-2012 and the sample corpus: masthead "XX文件", 〔办理类型〕/〔是否公开〕 markers,
发文字号, title, salutation, numbered body sections, a signature block with date, 联系人及电话 and 抄送. They
are replies to deputies' 建议 and members' 提案, and 通知 issuing a plan. Agencies live in a generated
administrative tree (centre → province → city → district → street) and cite documents of their own region and
the regions above it. A cited document is drawn in proportion to how often it has been cited already
(preferential attachment), so the citation graph is heavy-tailed as real policy citation is; notices in the
corpus join the pool of citable documents. Same seed, same corpus, byte for byte.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

import yaml

LEVELS = ("centre", "province", "city", "district", "street")
# How many provinces, cities per province, districts per city and streets per district the tree has.
TREE_SHAPE = (4, 3, 3, 4)
# Citable documents each region starts with, by level: the centre issues the most policy.
POOL_SIZE = {"centre": 40, "province": 12, "city": 8, "district": 5, "street": 1}
# Extra pull towards a level when drawing a citation: local documents cite their own and the next level up
# most (the samples cite district and city documents more than national ones).
LEVEL_PULL = {"centre": 1.0, "province": 1.2, "city": 1.6, "district": 2.0, "street": 1.0}
# Share of each document kind in the corpus.
KINDS = (("suggestion_reply", 5), ("proposal_reply", 2), ("plan_notice", 3))
MIN_BYTES, MAX_BYTES = 4_000, 12_000


@dataclass(frozen=True)
class Region:
    """A node of the administrative tree: 安平省, 临江市, 青阳区, 桂林街道; the centre has no name."""

    name: str
    level: str
    parent: Region | None = None

    @property
    def prefix(self) -> str:
        """How agency names of this region begin: a district's agencies carry their city's name too."""
        if self.level in ("district", "street") and self.parent is not None:
            return self.parent.prefix + self.name
        return self.name

    @property
    def word(self) -> str:
        """The one-word self-reference of the level in body text: 区, 县, 市, 省, 街道."""
        return {"centre": "国", "province": "省", "city": "市", "street": "街道"}.get(self.level, self.name[-1:])

    def ancestors(self) -> list[Region]:
        """This region and every region above it, nearest first."""
        chain: list[Region] = []
        region: Region | None = self
        while region is not None:
            chain.append(region)
            region = region.parent
        return chain


@dataclass
class Policy:
    """A citable document; it may have no number (many 意见 are cited by title alone)."""

    title: str
    number: str | None
    year: int
    level: str
    cited: int = 0


@dataclass(frozen=True)
class Agency:
    name: str
    code: str  # 发文机关代字 without the 发/函 the number appends: 青民, 临政办, 国办
    region: Region
    self_word: str  # how the agency refers to itself in the body: 我局, 我厅, 我部, 我办
    topics: tuple[str, ...]


@dataclass(frozen=True)
class GeneratedDocument:
    """One generated document and the facts it states."""

    file_name: str
    text: str
    kind: str
    issuer: str
    doc_number: str
    title: str
    date: str
    cited_doc_numbers: tuple[str, ...] = field(default=())
    cited_titles: tuple[str, ...] = field(default=())


@cache
def vocabulary() -> dict:
    """The word lists of benchmarks/vocabulary.yaml."""
    return yaml.safe_load((Path(__file__).parent / "vocabulary.yaml").read_text(encoding="utf-8"))


def fingerprint() -> str:
    """A short hash of this generator and its vocabulary: corpora cached on disk are named with it, so a
    changed generator never reuses documents an older one wrote."""
    here = Path(__file__).parent
    digest = hashlib.sha256((here / "generate.py").read_bytes() + (here / "vocabulary.yaml").read_bytes())
    return digest.hexdigest()[:8]


def chinese_numeral(n: int) -> str:
    """Write 1–99 in Chinese numerals, as session and section numbers are written.

    >>> [chinese_numeral(n) for n in (3, 10, 14, 20, 37)]
    ['三', '十', '十四', '二十', '三十七']
    """
    digits = "零一二三四五六七八九"
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("" if tens == 1 else digits[tens]) + "十") + ("" if ones == 0 else digits[ones])


def generate_corpus(n: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """Yield ``n`` (file name, text) pairs; the same ``seed`` gives the same corpus.

    >>> docs = list(generate_corpus(2, seed=7))
    >>> [name.endswith(".txt") for name, _ in docs], all(4_000 <= len(t.encode()) <= 12_000 for _, t in docs)
    ([True, True], True)
    >>> docs == list(generate_corpus(2, seed=7))
    True
    """
    for document in generate_documents(n, seed):
        yield document.file_name, document.text


def generate_documents(n: int, seed: int = 0) -> Iterator[GeneratedDocument]:
    """Yield ``n`` generated documents with the facts each states (see :class:`GeneratedDocument`)."""
    world = _World(random.Random(seed))
    for index in range(n):
        yield world.document(index)


class _Draft:
    """The citations a document being written has made, in order, and how many it will make at most."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.policies: list[Policy] = []
        self.numbers: list[str] = []


class _World:
    """The generated tree of regions with its agencies, citable documents and programmes; writes documents."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = vocabulary()
        self.used_names: set[str] = set()
        self.used_numbers: set[str] = set()
        self.regions = [Region("", "centre")]
        self._grow(self.regions[0], 0)
        self.programmes = {r: [self._programme() for _ in range(rng.randint(2, 5))] for r in self.regions}
        self.pools: dict[Region, list[Policy]] = {}
        for region in self.regions:
            self.pools[region] = [self._policy(region) for _ in range(POOL_SIZE[region.level])]
        self.issuing = [r for r in self.regions if r.level in ("city", "district", "street")]

    # --- names -----------------------------------------------------------------------------------------

    def _grow(self, parent: Region, depth: int) -> None:
        if depth == len(TREE_SHAPE):
            return
        level = LEVELS[depth + 1]
        for _ in range(TREE_SHAPE[depth]):
            suffix = {"province": "省", "city": "市", "district": self.rng.choice("区区区县"), "street": "街道"}[level]
            region = Region(self._place_name() + suffix, level, parent)
            self.regions.append(region)
            self._grow(region, depth + 1)

    def _place_name(self) -> str:
        while True:
            name = "".join(self.rng.sample(self.words["place_chars"], 2))
            if name not in self.used_names:
                self.used_names.add(name)
                return name

    def _person(self) -> str:
        given = "".join(self.rng.choices(self.words["given_chars"], k=self.rng.choice((1, 2, 2))))
        return self.rng.choice(self.words["surnames"]) + given

    def _phone(self) -> str:
        if self.rng.random() < 0.5:
            return f"{self.rng.randint(6, 8)}{self.rng.randint(0, 9_999_999):07d}"
        return f"1{self.rng.choice('3589')}{self.rng.randint(0, 999_999_999):09d}"

    def _programme(self) -> str:
        words = self.words
        if self.rng.random() < 0.5:
            return (self.rng.choice(words["programme_numbers"]) + self.rng.choice(words["programme_parts"])
                    + self.rng.choice(words["programme_verbs"]))
        return self.rng.choice(words["programme_names"])

    def _agency(self, region: Region, office: bool) -> Agency:
        words, rng = self.words, self.rng
        if region.level == "street":
            return Agency(f"{region.prefix}办事处", region.name[:2] + "街", region, "办", ("社区治理", "平安建设"))
        if office and region.level == "centre":
            chosen = rng.choice(words["centre_offices"])
            return Agency(chosen["name"], chosen["code"], region, "办", ())
        if office:
            chosen = rng.choice(words["offices"])
            template = chosen["province"] if region.level == "province" else chosen["local"]
            return Agency(template.format(place=region.prefix), region.name[0] + chosen["code"], region, "办", ())
        department = rng.choice(words["departments"])
        topics = tuple(department["topics"])
        if region.level == "centre":
            return Agency(department["centre"], department["code"], region, "部", topics)
        name = department["province"] if region.level == "province" else department["local"]
        return Agency(region.prefix + name, region.name[0] + department["code"], region, name[-1], topics)

    def _number(self, code: str, year: int) -> str:
        while True:
            number = f"{code}〔{year}〕{self.rng.randint(1, 160)}号"
            if number not in self.used_numbers:
                self.used_numbers.add(number)
                return number

    def _topic(self, agency: Agency) -> str:
        topics = agency.topics or self.rng.choice(self.words["departments"])["topics"]
        return self.rng.choice(topics)

    def _aim(self, agency: Agency) -> str:
        """verb + topic + aim: 加快推进养老服务高质量发展."""
        words = self.words
        return self.rng.choice(words["title_verbs"]) + self._topic(agency) + self.rng.choice(words["title_aims"])

    def _policy(self, region: Region) -> Policy:
        agency = self._agency(region, office=self.rng.random() < 0.4)
        year = self.rng.randint(2012, 2023)
        title = f"关于{self._aim(agency)}的{self.rng.choice(self.words['policy_kinds'])}"
        if self.rng.random() < 0.5:
            title = agency.name + title
        number = self._number(agency.code + "发", year) if self.rng.random() < 0.8 else None
        return Policy(title, number, year, region.level)

    # --- citations ---------------------------------------------------------------------------------------

    def _cite(self, region: Region, year: int, draft: _Draft) -> str:
        """Draw a document to cite in proportion to its citations so far, and write the citation."""
        candidates = [p for r in region.ancestors() for p in self.pools[r]
                      if p.year <= year and all(p is not q for q in draft.policies)]
        weights = [(1 + p.cited) * LEVEL_PULL[p.level] for p in candidates]
        policy = self.rng.choices(candidates, weights)[0]
        policy.cited += 1
        draft.policies.append(policy)
        style = self.rng.random()
        if policy.number is None or style < 0.25:
            return f"《{policy.title}》"
        draft.numbers.append(policy.number)
        if style < 0.33:
            return f"{policy.number}《{policy.title}》"
        return f"《{policy.title}》（{policy.number}）"

    # --- documents -----------------------------------------------------------------------------------------

    def document(self, index: int) -> GeneratedDocument:
        rng = self.rng
        kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
        region = rng.choice(self.issuing)
        agency = self._agency(region, office=kind == "plan_notice" and rng.random() < 0.6)
        year = rng.randint(2018, 2024)
        date = f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
        number = self._number(agency.code + ("发" if kind == "plan_notice" else "函"), year)
        draft = _Draft(self._citation_budget())
        target = rng.randint(MIN_BYTES + 300, MAX_BYTES - 1_800)
        if kind == "plan_notice":
            head, title, tail = self._notice_frame(agency, number, date, year, draft)
        else:
            head, title, tail = self._reply_frame(kind, agency, number, date)
        text = head + self._body(agency, year, draft, kind, target - len((head + tail).encode("utf-8"))) + tail
        if kind == "plan_notice":
            self.pools[region].append(Policy(title, number, year, region.level))
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        return GeneratedDocument(
            file_name=f"{index:05d}_{digest}.txt", text=text, kind=kind, issuer=agency.name, doc_number=number,
            title=title, date=date, cited_doc_numbers=tuple(draft.numbers),
            cited_titles=tuple(p.title for p in draft.policies))

    def _citation_budget(self) -> int:
        """How many documents one document cites: 1 + geometric, mean 2.5, at most 12 (the samples cite 1–5)."""
        budget = 1
        while budget < 12 and self.rng.random() < 0.6:
            budget += 1
        return budget

    def _reply_frame(self, kind: str, agency: Agency, number: str, date: str) -> tuple[str, str, str]:
        """Masthead to the opening sentence, and the closing to 抄送, of a reply to a deputy or member."""
        rng = self.rng
        seat = agency.region.parent if agency.region.level == "street" else agency.region
        person = self._person()
        sitting = chinese_numeral(rng.randint(1, 5))
        if kind == "suggestion_reply":
            session = f"{seat.name}第{chinese_numeral(rng.randint(12, 18))}届人大{sitting}次会议"
            first, rest = f"关于{session}", f"第{rng.randint(1, 320):03d}号建议答复的函"
            salutation, work, cc = f"{person}代表：", "建议", "人大常委会人事代表工委"
        else:
            session = f"政协{seat.name}第{chinese_numeral(rng.randint(8, 14))}届{sitting}次会议"
            first, rest = f"关于{session}", f"第{rng.randint(1, 260)}号提案的答复"
            salutation, work, cc = f"尊敬的{person}委员：", "提案", "政协提案委员会"
        title_lines = [first + rest] if rng.random() < 0.6 else [first, rest]  # long titles wrap (sample 001)
        head = [f"{agency.name}文件", "", f"〔办理类型 {rng.choice(self.words['handling_types'])}〕", "",
                f"〔是否公开 {rng.choice('是是否')}〕", "", number, "", *title_lines, "", salutation,
                f"您提出的《关于{self._aim(agency)}的{work}》收悉，现答复如下：", ""]
        tail = ["", "感谢您对我们工作的关心和支持。", "以上答复，如有不妥，请批评指正。", "", agency.name, date, "",
                f"（联系人及电话：{self._person()} {self._phone()}）", "",
                f"抄送：{seat.word}{cc}，{seat.word}政府办公室。", ""]
        return "\n".join(head) + "\n", first + rest, "\n" + "\n".join(tail)

    def _notice_frame(self, agency: Agency, number: str, date: str, year: int,
                      draft: _Draft) -> tuple[str, str, str]:
        """Masthead to the plan's opening paragraph, and the closing, of a notice issuing a plan."""
        region = agency.region
        plan = f"{region.name}{self._aim(agency)}{self.rng.choice(self.words['plan_kinds'])}"
        title = f"{agency.name}关于印发《{plan}》的通知"
        addressees = {"street": "各社区居委会，街道有关科室：", "city": "各区（县）人民政府，市级有关部门："}.get(
            region.level, f"各街道办事处，{region.word}级有关部门：")
        basis = self._cite(region, year, draft)
        head = [f"{agency.name}文件", "", number, "", title, "", addressees,
                f"现将《{plan}》印发给你们，请结合实际，认真贯彻执行。", "", agency.name, date, "", "（此件公开发布）", "",
                plan, "", f"为深入贯彻落实{basis}精神，结合{region.name}实际，制定本方案。", ""]
        tail = ["", f"本方案自印发之日起施行，由{agency.name}负责解释。", "",
                f"抄送：{region.word}纪委监委，{region.word}人大常委会办公室。", ""]
        return "\n".join(head) + "\n", title, "\n" + "\n".join(tail)

    def _body(self, agency: Agency, year: int, draft: _Draft, kind: str, budget: int) -> str:
        """Three numbered sections of generated paragraphs, about ``budget`` bytes in all."""
        headings = (["一、总体要求", "二、主要任务", "三、保障措施"] if kind == "plan_notice"
                    else ["一、基本情况", "二、办理情况", "三、下一步工作"])
        lines: list[str] = []
        size, section, item = 0, -1, 0
        while size < budget or section < len(headings) - 1:
            if section < len(headings) - 1 and (section < 0 or size >= budget * (section + 1) / len(headings)):
                section, item = section + 1, 0
                lines.append(headings[section])
            paragraph = self._paragraph(agency, year, draft)
            if section > 0 and self.rng.random() < 0.5:
                item += 1
                verb = self.rng.choice(self.words["title_verbs"])
                paragraph = f"（{chinese_numeral(item)}）{verb}{self._topic(agency)}。" + paragraph
            lines.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 1
        return "\n".join(lines)

    def _paragraph(self, agency: Agency, year: int, draft: _Draft) -> str:
        rng, words = self.rng, self.words
        region = agency.region
        department = rng.choice(words["departments"])
        fellow = "社区居委会" if region.level == "street" else region.word + (
            department["province"] if region.level == "province" else department["local"])
        templates = [t for t in words["sentences"]
                     if len(draft.policies) < draft.budget or "{citation}" not in t]
        sentences = []
        for template in rng.sample(templates, rng.randint(3, 6)):
            if "{citation}" not in template and rng.random() < words["plain_share"]:
                template = rng.choice(words["plain_sentences"])
            count = rng.randint(3, 60)
            slots = {
                "place": region.name, "level": region.word, "org": agency.self_word, "topic": self._topic(agency),
                "programme": rng.choice(self.programmes[rng.choice(region.ancestors())]),
                "facility": rng.choice(words["facilities"]), "agency": fellow,
                "count": count, "count2": rng.randint(1, count), "pct": rng.randint(60, 100),
                "money": rng.randint(20, 3000), "money2": rng.randint(10, 800), "people": rng.randint(500, 90000),
                "small": rng.randint(3, 12), "year": rng.randint(year - 4, year - 1), "year2": year + rng.randint(0, 2),
            }
            if "{citation}" in template:  # the budget is checked per paragraph: a paragraph may overrun it by a few
                slots["citation"] = self._cite(region, year, draft)
            sentences.append(template.format(**slots))
        return "".join(sentences)


def write_corpus(outdir: Path, n: int, seed: int) -> int:
    """Write ``n`` documents and ``manifest.jsonl`` into ``outdir``; return the number written."""
    outdir.mkdir(parents=True, exist_ok=True)
    count = 0
    with open(outdir / "manifest.jsonl", "w", encoding="utf-8") as manifest:
        for document in generate_documents(n, seed):
            (outdir / document.file_name).write_text(document.text, encoding="utf-8")
            facts = {k: v for k, v in asdict(document).items() if k != "text"}
            manifest.write(json.dumps(facts, ensure_ascii=False) + "\n")
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path, help="folder to write the documents into (created if missing)")
    parser.add_argument("n", type=int, help="how many documents")
    parser.add_argument("--seed", type=int, default=0, help="random seed: the same seed gives the same corpus")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be 0 or more")
    written = write_corpus(args.outdir, args.n, args.seed)
    print(f"wrote {written} documents and manifest.jsonl to {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
