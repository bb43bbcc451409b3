import pytest

from govreport.rules.numbers import chinese_number, find_figures


def figs(line):
    return [(line[f.start:f.end], f.value, f.value_high, f.unit, f.bound) for f in find_figures(line)]


@pytest.mark.parametrize("line, expected", [
    ("地区生产总值83.18亿元", [("83.18亿元", 83.18, None, "亿元", None)]),
    ("增长10%以上", [("10%以上", 10, None, "%", ">=")]),
    ("城镇调查失业率5.5%左右", [("5.5%左右", 5.5, None, "%", "~")]),
    ("控制在4.6%以内", [("4.6%以内", 4.6, None, "%", "<=")]),
    ("增长6%－6.5%", [("6%－6.5%", 6, 6.5, "%", "range")]),
    ("增长4.5%—5%", [("4.5%—5%", 4.5, 5, "%", "range")]),
    ("增长4.5-5%", [("4.5-5%", 4.5, 5, "%", "range")]),
    ("增长6%~7%", [("6%~7%", 6, 7, "%", "range")]),
    ("增长6%至7%", [("6%至7%", 6, 7, "%", "range")]),
    ("新增就业1100万人以上", [("1100万人以上", 1100, None, "万人", ">=")]),
    ("达到1.2万亿元", [("1.2万亿元", 1.2, None, "万亿元", None)]),
    ("新增绿化面积1万余亩", [("1万余亩", 1, None, "万亩", ">=")]),
    ("开展活动600余场次", [("600余场次", 600, None, "场次", ">=")]),
    ("投资三千万元", [("三千万元", 3000, None, "万元", None)]),
    ("增长百分之五", [("百分之五", 5, None, "%", None)]),
    ("实施千万元以上项目", [("千万元以上", 1000, None, "万元", ">=")]),
    ("完成十项民生实事", [("十项", 10, None, "项", None)]),
    ("收入翻一番", [("翻一番", 1, None, "番", None)]),
    ("进入全国前50", [("前50", 50, None, "", "<=")]),
    ("下降1.5个百分点", [("1.5个百分点", 1.5, None, "个百分点", None)]),
])
def test_numbers_as_reports_write_them(line, expected):
    assert figs(line) == expected


@pytest.mark.parametrize("line", [
    "2021年4月20日", "PM2.5浓度", "建成5G基站", "18#厂房", "建立“1+19”体系", "2018—2020连续三年",
    "更新时间:2023-03-07", "四个区第一", "二〇二二年",
])
def test_not_figures(line):
    assert find_figures(line) == []


def test_chinese_numbers():
    assert [chinese_number(t) for t in ["十", "十二", "三百", "两千零五"]] == [10, 12, 300, 2005]
