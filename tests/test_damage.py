import pytest
from conftest import SEED, needs_shared, report_files

from govreport import load_document
from govreport.document.damage import find_damage
from govreport.readers.sources import read


@pytest.mark.parametrize("line, damaged", [
    ("严格落实“两扫常?!薄耙钥苏搩簟钡纫?,城市生活", "?!薄耙钥苏搩簟钡纫?"),
    ("贯穿全过程??阜€扛牢政府系统", "??阜€"),
    ("风险防范化解??偨Y极端天气", "??偨Y"),
    ("二��三五年远景目标", "��"),
])
def test_damage_is_found(line, damaged):
    assert [d.text for d in find_damage(line, 1)] == [damaged]


@pytest.mark.parametrize("line", [
    "你知道吗?我们要发展。", "访问 http://a.cn/x.php?id=3 查看", "增长10%?", "问题?!", "乡村振兴取得成效。",
])
def test_clean_text_raises_no_alarm(line):
    assert find_damage(line, 1) == []


def test_seed_has_nine_damaged_places():
    doc = load_document(read(str(SEED)))
    assert [d.line for d in doc.damage] == [8, 11, 15, 23, 28, 30, 32, 41, 65]


@needs_shared
def test_reports_without_known_damage_raise_no_alarm():
    known = {"baoding-city-2021.txt", "baoding-qingyuan-district-2023.txt"}  # SOURCES.md lists their defects
    for path in report_files():
        if path.name not in known:
            assert load_document(read(str(path))).damage == [], path.name
