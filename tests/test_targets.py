import pytest

from govreport.analyses.targets import extract, select
from govreport.document.document import Document

PLAN = ("政府工作报告——2022年4月20日在某区人民代表大会上\n各位代表：\n一、2021年工作回顾\n"
        "全年实现地区生产总值83.18亿元，同比增长4.4%；总投资24亿元的锂电池项目竣工。\n"
        "这五年，地区生产总值年均增长6.0%，居民人均可支配收入突破2.8万元。\n"
        "二、2022年工作安排\n"
        "主要预期目标是：地区生产总值增长10%以上，城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左右。\n"
        "到2026年，地区生产总值达到134亿元。力争高新技术企业研发覆盖率从15%提升到50%。\n"
        "城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内。\n"
        "地区生产总值增长7%以上、力争达到8%。实施千万元以上项目107个。\n")


@pytest.fixture(scope="module")
def rows():
    return {(r.line, r.text): r for r in extract(Document.from_text(PLAN, "r.txt"))}


def test_actuals_of_last_year(rows):
    gdp = rows[(4, "83.18亿元")]
    assert (gdp.kind, gdp.year, gdp.indicator, gdp.change, gdp.comparator) == ("actual", "2021", "地区生产总值", "level", "=")
    growth = rows[(4, "4.4%")]
    assert (growth.indicator, growth.change) == ("地区生产总值", "growth")


def test_project_attribute_is_other(rows):
    assert rows[(4, "24亿元")].kind == "other"


def test_five_year_span_and_stock(rows):
    assert rows[(5, "6.0%")].year == "2017-2021"
    stock = rows[(5, "2.8万元")]
    assert (stock.year, stock.comparator) == ("2021", ">=")


def test_headline_targets(rows):
    gdp, jobless, prices = rows[(7, "10%以上")], rows[(7, "5.5%以内")], rows[(7, "3%左右")]
    assert (gdp.kind, gdp.comparator, gdp.year, gdp.change, gdp.indicator) == ("target", ">=", "2022", "growth", "地区生产总值")
    assert (jobless.comparator, jobless.indicator, jobless.change) == ("<=", "城镇调查失业率", "share")
    assert (prices.comparator, prices.change) == ("~", "growth")


def test_horizon_year_and_baseline(rows):
    assert rows[(8, "134亿元")].year == "2026"
    assert rows[(8, "15%")].kind == "other"
    fifty = rows[(8, "50%")]
    assert (fifty.kind, fifty.change, fifty.indicator) == ("target", "share", "高新技术企业研发覆盖率")


def test_respective_lists_share_the_bound_and_split_subjects(rows):
    a, b = rows[(9, "5%")], rows[(9, "3%以内")]
    assert (a.comparator, b.comparator) == ("<=", "<=")
    assert (a.indicator, b.indicator) == ("城镇调查失业率", "居民消费价格涨幅")


def test_two_tier_target_is_two_rows(rows):
    low, high = rows[(10, "7%以上")], rows[(10, "8%")]
    assert (low.comparator, high.comparator) == (">=", "=")
    assert high.indicator == "地区生产总值" and high.change == "growth" and high.kind == "target"


def test_threshold_is_other(rows):
    assert rows[(10, "千万元以上")].kind == "other"
    assert rows[(10, "107个")].kind == "target"


def test_absent_target():
    doc = Document.from_text("各位代表：\n二、2020年工作任务\n需要说明的是，我们没有提出全年经济增速具体目标，主要因为不确定性很大。\n")
    found = extract(doc)
    assert [(r.comparator, r.value, r.kind) for r in found] == [("absent", None, "target")]
    assert "生产总值" in found[0].indicator


def test_columns_point_into_the_input_file():
    doc = Document.from_text("　　地区生产总值增长８％左右。")
    row = extract(doc)[0]
    assert (row.col, row.text, row.value) == (11, "８％左右", 8)  # two indents + 8 hanzi; the text as written


def test_select_filters():
    found = extract(Document.from_text(PLAN))
    assert all(r.kind == "target" for r in select(found))
    assert {r.indicator for r in select(found, kind="all", indicator="生产总值")} <= {"地区生产总值"}
    assert all("2026" == r.year for r in select(found, kind="all", year="2026"))
    assert any(r.year == "2017-2021" for r in select(found, kind="all", year="2019"))


def test_note_markers_and_split_lines_do_not_break_extraction():
    doc = Document.from_text("二、2021年重点工作\n今年经济社会发展的\n主要预期目标\n是：地区生产总值〔3〕增长10%以上〔4〕，规上工业增加值增长8%。")
    rows = [(r.line, r.text, r.indicator, r.comparator, r.kind) for r in extract(doc)]
    assert rows == [(4, "10%以上", "地区生产总值", ">=", "target"), (4, "8%", "规上工业增加值", "=", "target")]


def test_end_anchored_cues_answer_as_a_search_of_the_whole_text():
    """Each AtEnd cue matches as its pattern searched from the start would, and its width is
    the longest match its pattern can make (re's own parser says so)."""
    import random
    import re
    import re._parser as parser

    from govreport.rules import cues

    from govreport.rules import frames

    ends = [value for module in (cues, frames) for value in vars(module).values() if isinstance(value, cues.AtEnd)]
    assert len(ends) >= 7
    rng = random.Random(7)
    for cue in ends:
        assert parser.parse(cue.pattern.pattern).getwidth()[1] <= cue.width, cue.pattern.pattern
        alphabet = "".join(sorted({ch for ch in cue.pattern.pattern if not ch.isascii()} | set(":5%")))
        words = re.findall(r"[^\x00-\x7f]+", cue.pattern.pattern) + [":", "5", "2025"]  # its literal pieces
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(2000)]
        for text in texts + ["".join(rng.choice(words) for _ in range(rng.randint(1, 5))) for _ in range(2000)]:
            found, whole = cue.search(text), cue.pattern.search(text)
            assert (found and found.span()) == (whole and whole.span()), (cue.pattern.pattern, text)
    # most are answered without a search where the text's last character ends no match of theirs
    assert sum(cue.last is not None for cue in ends) >= 10
    assert cues.last_characters(r"(?:增长|增)(?:了)?$") == frozenset("长增了")
    assert cues.last_characters(r"低于[^，]{1,8}$") is None and cues.last_characters(r"(?:约)?$") is None
    assert cues.first_characters(r"^(?:全省|本地)?生产总值$|^GDP|(?<!海)(?=洋)洋") == frozenset("全本生G洋")
    assert cues.first_characters(r"(?:地表水|水体).*优良|[^，]率") is None and cues.first_characters(r"(?:约)?") is None


def test_a_quick_row_is_the_row_dataclasses_would_make():
    """TargetRow's __init__ (rows.quick_init) takes and refuses what the frozen dataclass's own
    takes and refuses, makes equal rows, and leaves them frozen."""
    import dataclasses

    from govreport.analyses.targets import TargetRow

    own = dataclasses.make_dataclass(
        "Own", [(f.name, f.type, dataclasses.field(default=f.default) if f.default is not dataclasses.MISSING
                 else dataclasses.field()) for f in dataclasses.fields(TargetRow)], frozen=True)
    names = [f.name for f in dataclasses.fields(TargetRow)]
    values = dict(zip(names, ["f", 3, 4, "5%", "地区生产总值", "gdp", 5.0, None, "%", 5.0, "%", ">=", "growth",
                              "target", "2024", "year", None, "地区生产总值增长5%以上。", "medium", "no_code", "text"]))
    short = {k: v for k, v in values.items() if k not in ("confidence", "flags", "source")}
    for args, kwargs in (((), values), (tuple(values.values()), {}), ((), short), (tuple(short.values())[:5], dict(list(short.items())[5:]))):
        quick, made = TargetRow(*args, **kwargs), own(*args, **kwargs)
        assert dataclasses.astuple(quick) == dataclasses.astuple(made) and quick == TargetRow(**dataclasses.asdict(quick))
        assert hash(quick) == hash(TargetRow(*dataclasses.astuple(quick)))
    for args, kwargs in (((), {**values, "bogus": 1}), ((), {k: v for k, v in values.items() if k != "file"}),
                         (("f",), values), (tuple(values.values()) + (1,), {})):
        with pytest.raises(TypeError):
            own(*args, **kwargs)
        with pytest.raises(TypeError):
            TargetRow(*args, **kwargs)
    with pytest.raises(dataclasses.FrozenInstanceError):
        TargetRow(**values).value = 6.0
    assert dataclasses.replace(TargetRow(**values), value=6.0).value == 6.0
