"""Score extract_document + document_to_json against the hand-annotated expected.json files, field by field,
the way /work/shared/acceptance/lib/score_extraction.py does (width, white space and bracket style ignored;
doc_type compared by family; fields in a gold entry's "uncertain" list not scored)."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from gongwen.loaders.extract import extract_document
from gongwen.loaders.to_json import document_to_json

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "loaders" / "sample_corpus"
DEVSET = ROOT / "tests" / "fixtures" / "devset"
HEADER = ("doc_number", "issuer", "date", "title", "doc_type")
SETS = ("cited_doc_numbers", "cited_titles", "programs", "persons")
BRACKETS = str.maketrans({"（": "〔", "(": "〔", "[": "〔", "【": "〔", "［": "〔", "﹝": "〔",
                          "）": "〕", ")": "〕", "]": "〕", "】": "〕", "］": "〕", "﹞": "〕"})
DOC_TYPE_FAMILY = {"复函": "函", "答复函": "函", "回复": "答复", "答复意见": "答复", "实施意见": "意见",
                   "指导意见": "意见"}


def norm(value):
    if value is None or isinstance(value, bool):
        return value
    value = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))
    return value.translate(BRACKETS).strip("《》〈〉“”\"")


def f1(gold: list, got: list) -> tuple[float, float, float]:
    g, p = set(gold), set(got)
    if not g and not p:
        return 1.0, 1.0, 1.0
    tp = len(g & p)
    precision = tp / len(p) if p else 0.0
    recall = tp / len(g) if g else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def _name(item) -> str:
    return item.get("name") if isinstance(item, dict) else item


def score(folder: Path, gold_file: Path) -> tuple[dict, dict, list[str]]:
    """Header accuracies, set-valued P/R/F and the list of misses for one gold file."""
    gold = json.loads(gold_file.read_text(encoding="utf-8"))["documents"]
    hits = {k: [0, 0] for k in (*HEADER, "addressee", "proposal_number", "proposal_session", "handling_type",
                                "public")}
    pools = {k: ([], []) for k in SETS}
    misses = []
    for entry in gold:
        text = (folder / entry["file"]).read_text(encoding="utf-8")
        got = document_to_json(extract_document(text, file=entry["file"]))
        skip = set(entry.get("uncertain", []))
        name = entry["file"]
        for key in (*HEADER, "handling_type", "public"):
            if key in skip:
                continue
            g, o = norm(entry.get(key)), norm(got.get(key))
            if key == "doc_type":
                g, o = DOC_TYPE_FAMILY.get(g, g), DOC_TYPE_FAMILY.get(o, o)
            hits[key][1] += 1
            hits[key][0] += g == o
            if g != o:
                misses.append(f"{name}: {key} gold={entry.get(key)!r} got={got.get(key)!r}")
        if "addressee" not in skip:
            g, o = (entry.get("addressee") or {}).get("name"), (got.get("addressee") or {}).get("name")
            hits["addressee"][1] += 1
            hits["addressee"][0] += norm(g) == norm(o)
        for sub in ("number", "session"):
            g, o = (entry.get("proposal") or {}).get(sub), (got.get("proposal") or {}).get(sub)
            hits[f"proposal_{sub}"][1] += 1
            hits[f"proposal_{sub}"][0] += norm(g) == norm(o)
            if norm(g) != norm(o):
                misses.append(f"{name}: proposal.{sub} gold={g!r} got={o!r}")
        for key in SETS:
            if key in skip:
                continue
            gs = [(name, norm(_name(x))) for x in entry.get(key, [])]
            os_ = [(name, norm(_name(x))) for x in got.get(key, [])]
            pools[key][0].extend(gs)
            pools[key][1].extend(os_)
            if set(gs) != set(os_):
                misses.append(f"{name}: {key} missed={sorted(x[1] for x in set(gs) - set(os_))} "
                              f"extra={sorted(x[1] for x in set(os_) - set(gs))}")
    accuracy = {k: h / n if n else 1.0 for k, (h, n) in hits.items()}
    sets = {k: f1(*pools[k]) for k in SETS}
    print(f"\n{gold_file}")
    print("  " + ", ".join(f"{k} {v:.2f}" for k, v in accuracy.items()))
    print("  " + ", ".join(f"{k} P{p:.2f}/R{r:.2f}/F{f:.2f}" for k, (p, r, f) in sets.items()))
    for miss in misses:
        print("  " + miss)
    return accuracy, sets, misses


@pytest.mark.parametrize(("folder", "header_min", "cite_min", "programs_min"), [
    (SAMPLES, 1.0, 0.98, 0.9),
    (DEVSET / "docs", 0.95, 0.95, 0.9),
], ids=["samples", "devset"])
def test_expected_facts(folder, header_min, cite_min, programs_min):
    gold_file = SAMPLES / "expected.json" if folder == SAMPLES else DEVSET / "expected.json"
    accuracy, sets, misses = score(folder, gold_file)
    low = {k: accuracy[k] for k in HEADER if accuracy[k] < header_min}
    assert not low, f"header fields below {header_min}: {low}\n" + "\n".join(misses)
    for key in ("cited_doc_numbers", "cited_titles"):
        assert sets[key][2] >= cite_min, f"{key} F1 {sets[key][2]:.2f} < {cite_min}\n" + "\n".join(misses)
    assert sets["programs"][2] >= programs_min, f"programs F1 {sets['programs'][2]:.2f}\n" + "\n".join(misses)
