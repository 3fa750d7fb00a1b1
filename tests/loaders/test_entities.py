"""Organizations, places and figures: table tests on synthetic sentences (other provinces, other bodies), and a
precision check over the 21 annotated documents — every item the finders return there has been read and
accepted (entities_reviewed.json), and the gold organizations_min are all found."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from gongwen.loaders.clean import clean_text
from gongwen.loaders.entities import find_figures, find_organizations, find_places, find_township_bodies
from gongwen.loaders.extract import extract_document
from gongwen.loaders.to_json import document_to_json

ROOT = Path(__file__).resolve().parents[2]
REVIEWED = Path(__file__).with_name("entities_reviewed.json")
GOLD = [(ROOT / "loaders" / "sample_corpus", ROOT / "loaders" / "sample_corpus" / "expected.json"),
        (ROOT / "tests" / "fixtures" / "devset" / "docs", ROOT / "tests" / "fixtures" / "devset" / "expected.json")]


def organizations(text: str) -> list[str]:
    clean = clean_text(text)
    places = frozenset(p.name for p in find_places(clean))
    return [a.name for a in find_organizations(clean, places)]


@pytest.mark.parametrize(("text", "expected"), [
    ("成都市武侯区民政局文件", ["成都市武侯区民政局"]),
    ("我局积极与交通局沟通,并会同区委社工委牵头。", ["交通局", "区委社工委"]),
    ("依托区社工总站和社会组织培育基地开展服务。", ["区社工总站"]),
    ("已报市人民政府审定,待省民政厅批复。", ["市人民政府", "省民政厅"]),
    ("由区委组织部联合启动,区政府督查室督办。", ["区委组织部", "区政府督查室"]),
    ("南宁市青秀区人民政府南湖街道办事处文件", ["南宁市青秀区人民政府南湖街道办事处"]),
    ("印发《中共四川省委办公厅、四川省人民政府办公厅关于X的通知》", ["中共四川省委办公厅", "四川省人民政府办公厅"]),
    ("引入贵州大学公共管理研究中心作为第三方。", ["贵州大学公共管理研究中心"]),
    ("委托西南政法大学编制规划。", ["西南政法大学"]),
    ("抄送:市人大常委会人事代表工委,区政府办公室。", ["市人大常委会人事代表工委", "区政府办公室"]),
    ("县救助管理站和东湖青少年活动中心已建成。", ["县救助管理站", "东湖青少年活动中心"]),
    ("建成社工站12个,日间照料中心 15 个,在党群服务中心推行服务。", []),
    ("在兴隆市永定县盛湖街道办事处开展活动。", ["兴隆市永定县盛湖街道办事处"]),
    ("经今年区委区政府研究同意。", ["区委", "区政府"]),
    ("《湖南省住房和城乡建设厅关于X的通知》", ["湖南省住房和城乡建设厅"]),
    ("常政办发〔2023〕47号", []),
    # refused: ordinary words ending like agencies, kinds of bodies, verbs glued in front, modifiers
    ("形成全区一盘棋的工作格局,开创新局面。", []),
    ("支持党组织健全的社会组织优先承接政府转移职能。", []),
    ("李明委员提出的建议,局长亲自带队。", []),
    ("推进社工站建设,每个社区建立社区居民委员会。", []),
    ("发挥着党和政府联系群众的桥梁作用。", []),
    ("社区服务站提供服务,社区服务站覆盖全部社区。", []),
    ("召开会议室协调会,举办培训班。", []),
    ("", []),
])
def test_find_organizations(text, expected):
    assert organizations(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("成都市武侯区民政局文件", [("成都市", "市"), ("武侯区", "区")]),
    ("该片区隶属东城街道管理。", [("东城街道", "街道")]),
    ("争取增设至桂园社区的公交线路。", [("桂园社区", "社区")]),
    ("关于在石门社区、黄土村、白沙村等片区建设水库", [("石门社区", "社区"), ("黄土村", "村"), ("白沙村", "村")]),
    ("青山社区 1200 人,绿水社区 800 人。", [("青山社区", "社区"), ("绿水社区", "社区")]),
    ("中共贵州省委", [("贵州省", "省")]),
    ("江北新区管委会", [("江北新区", "新区")]),
    ("五家渠市民政局", [("五家渠市", "市")]),
    # refused: common words ending in a level, position words, pronouns, modifiers
    ("推动西山城乡社区治理,统筹城乡发展。", []),
    ("目前社区治理面临困难,创新社区治理。", []),
    ("距离社区较远,以上社区均已覆盖。", []),
    ("我区高度重视,全市统一部署,辖区居民。", []),
    ("广大市民积极参与。", []),
    ("", []),
])
def test_find_places(text, expected):
    assert [(p.name, p.level) for p in find_places(clean_text(text))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("莲华街道", ["莲华街道"]),
    ("五华区莲华街道", ["五华区莲华街道"]),
    ("城关镇", ["城关镇"]),
    ("龙泉社区", []),
])
def test_find_township_bodies(text, expected):
    assert [a.name for a in find_township_bodies(find_places(clean_text("至" + text)))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("126 名专职社工活跃在社区", [("126", "名", "专职社工")]),
    ("共投入资金170万元", [("170", "万元", None)]),
    ("争取补助资金 1.5 亿元", [("1.5", "亿元", None)]),
    ("培育孵化社区服务类社会组织 30 余个社会组织", [("30", "个", "社会组织")]),
    ("城市社区平均拥有 12 个以上社区社会组织", [("12", "个", "社区社会组织")]),
    ("备案率达 100%", [("100", "%", "备案率")]),
    ("服务设施覆盖率达到100%", [("100", "%", "服务设施覆盖率")]),
    ("实名认证注册志愿者占常住人口比例达到22%", [("22", "%", "志愿者占常住人口比例")]),
    ("全区 1178 人参加", [("1178", "人", None)]),
    ("惠及群众5000人次", [("5000", "人次", None)]),
    # refused: percentages without a subject, percentage points, ordinals, bare counts
    ("覆盖 100%的城市社区", []),
    ("逐年增长 15 个百分点", []),
    ("区第100次常务会", []),
    ("完成 3 个,其余在建", []),
    ("", []),
])
def test_find_figures(text, expected):
    assert [(f.value, f.unit, f.counted) for f in find_figures(clean_text(text))] == expected


def _outputs() -> dict[str, dict[str, list[str]]]:
    found = {}
    for folder, gold in GOLD:
        for entry in json.loads(gold.read_text(encoding="utf-8"))["documents"]:
            record = document_to_json(extract_document((folder / entry["file"]).read_text(encoding="utf-8")))
            found[entry["file"]] = {
                "organizations": record["organizations"],
                "places": [p["name"] for p in record["places"]],
                "figures": [f"{f['value']}{f['unit']} {f['counted'] or ''}".strip() for f in record["figures"]]}
    return found


def test_every_item_on_the_annotated_documents_was_reviewed():
    found = _outputs()
    if os.environ.get("GONGWEN_REGEN"):  # rewrite, then read every line of the diff before committing it
        reviewed = json.loads(REVIEWED.read_text(encoding="utf-8"))
        reviewed["documents"] = found
        REVIEWED.write_text(json.dumps(reviewed, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    accepted = json.loads(REVIEWED.read_text(encoding="utf-8"))["documents"]
    unreviewed = {(name, key, item) for name, record in found.items() for key, items in record.items()
                  for item in items if item not in accepted[name][key]}
    assert not unreviewed, f"items nobody has accepted: {sorted(unreviewed)}"


def test_gold_organizations_are_found():
    found = _outputs()
    missing = []
    for _, gold in GOLD:
        for entry in json.loads(gold.read_text(encoding="utf-8"))["documents"]:
            have = {re.sub(r"\s", "", o) for o in found[entry["file"]]["organizations"]}
            # a 社区/村 is typed as a place (it is named as an area); the gold lists 龙泉社区 among organizations
            have |= {p for p in found[entry["file"]]["places"] if p.endswith(("社区", "村"))}
            missing += [(entry["file"], o) for o in entry["organizations_min"] if re.sub(r"\s", "", o) not in have]
    assert not missing
