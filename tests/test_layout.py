from govreport.document.document import Document
from govreport.document.layout import joins, page_width, width

PDF = ("各位代表：\n"
       "现在，我代表市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见和\n"
       "建议。\n"
       "一、2023 年工作回顾\n"
       + "".join("全市地区生产总值增长 5.2%、约 4.4 万亿元，城镇调查失业率 4.4%，居民收入增长\n"
                 "与经济增长同步，多项指标保持全国最优水平。\n" for _ in range(12))
       + "二、2024 年重点任务\n"
       "主要预期目标是：地区生产总值增长 5%左右，城镇调\n")


def test_hard_wraps_of_pdf_text_are_joined():
    doc = Document.from_text(PDF, "p.txt")
    assert page_width(doc.source) is not None
    assert doc.lines[1] == "现在，我代表市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见和建议。"
    assert doc.lines[2] == "一、2023年工作回顾"  # headings stay lines of their own
    assert doc.lines[3].endswith("居民收入增长与经济增长同步，多项指标保持全国最优水平。")


def test_paragraph_text_is_not_wrapped():
    lines = ["主要预期目标是：地区生产总值增长5%左右。" * 4, "一、回顾", "全年实现地区生产总值83亿元。"] * 5
    assert page_width(lines) is None
    assert joins(lines) == []


def test_broken_page_lines():
    doc = Document.from_text("二、“\n十四五\n”时期发展的总体思路和重点任务\n今年经济社会发展的\n主要预期目标\n"
                             "是：地区生产总值增长4.5%—5%。以PM\n2.5\n年平均浓度持续下降为主线，单位能耗分别降低\n15%、15%、\n19%。")
    assert doc.lines == ["二、“十四五”时期发展的总体思路和重点任务",
                         "今年经济社会发展的主要预期目标是：地区生产总值增长4.5%—5%。以PM2.5年平均浓度持续下降为主线，"
                         "单位能耗分别降低15%、15%、19%。"]
    assert [j.why for j in doc.repairs][:3] == ["open quote", "next starts mid-sentence", "open end"]


def test_columns_of_joined_lines_point_into_their_own_input_line():
    doc = Document.from_text("地区生产总值增长\n、约 4.4 万亿元，\n增长 5%。")
    line = doc.lines[0]
    at = line.index("4.4")
    assert doc.span(1, at, at + 6) == (2, 4, "4.4 万亿元")
    assert doc.locate(1, line.index("5%")) == (3, 4)
    assert doc.quote(1, 0, len(line)) == "地区生产总值增长、约 4.4 万亿元，增长 5%。"
    # a span across a join quotes its first line's part; its position is where it starts
    assert doc.span(1, line.index("增长"), line.index("、") + 1) == (1, 7, "增长")


def test_width_counts_hanzi_twice():
    assert width("增长 5.2%") == 9


def test_short_fragments_do_not_make_a_page_width():
    """A page broken at its links has many tiny lines ("整治"); that is not a printed page."""
    lines = ["加强生态环境综合", "整治", "，完成营造林987万亩。" * 5] * 20
    assert page_width(lines) is None


def test_end_anchored_patterns_are_tested_on_the_end_alone():
    """_ends(pattern, line) answers as pattern.search(line) for every end-anchored pattern of the
    layout rules, on lines of every ending."""
    import random

    from govreport.document import layout

    patterns = [layout.SENTENCE_END, layout.LEAD_IN, layout.OPEN_END, layout.BROKEN_TOKEN[0]]
    rng = random.Random(5)
    alphabet = "。！？!?…”’」』是为：:的和、，A9.%增长"
    for _ in range(3000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
        for pattern in patterns:
            assert layout._ends(pattern, line) == (pattern.search(line) is not None), (pattern.pattern, line)


def test_a_line_that_ends_a_sentence_is_judged_as_every_rule_would():
    """_why answers a line ending in 。！？ without its other rules: the answer is the one the
    rules in order give (written out here the long way), on random lines of the characters
    they look at."""
    from random import Random

    from govreport.document import layout as L

    def every_rule(line, following, continued, full_width):
        if L.open_quote(line):
            return "open quote"
        if L._ends(L.LEAD_IN, line):
            return "lead-in"
        if len(line) >= L.MIN_OPEN_END and L._ends(L.OPEN_END, line):
            return "open end"
        if L.STARTS_MID.match(following):
            return "next starts mid-sentence"
        ends = L._ends(L.SENTENCE_END, line)
        if len(following) <= L.FRAGMENT and not ends and not line.endswith(("：", ":")) and (
                L._ends(L.BROKEN_TOKEN[0], line) and L.BROKEN_TOKEN[1].match(following) or L.FIGURES_ONLY.match(following)):
            return "broken token"
        if continued and len(line) <= L.FRAGMENT and not ends:
            return "fragment"
        return "hard wrap" if full_width and not ends else None

    rng, alphabet, ended = Random(3), "“”。！？是：的和PM2.5%，、一a）", 0
    for _ in range(30000):
        line, following = ("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9))) for _ in range(2))
        continued, full_width = rng.random() < 0.5, rng.random() < 0.5
        assert L._why(line, following, continued, full_width) == every_rule(line, following, continued, full_width)
        ended += line[-1] in "。！？"
    assert ended > 3000  # the fast path was taken often
