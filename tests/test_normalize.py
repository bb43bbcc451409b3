from govreport.document.document import Document
from govreport.document.normalize import normalize_line, source_col


def test_full_width_digits_letters_and_percent_fold():
    assert normalize_line("增长８．５％，ＧＤＰ")[0] == "增长8.5%，GDP"


def test_chinese_punctuation_is_kept():
    assert normalize_line("（一）稳增长；保就业：")[0] == "（一）稳增长；保就业："


def test_indent_and_stray_spaces_go_and_columns_map_back():
    line, shifts = normalize_line("　　中共河北 省委要求严 格控制")
    assert line == "中共河北省委要求严格控制"
    original = "　　中共河北 省委要求严 格控制"
    for col, ch in enumerate(line):
        assert original[source_col(col, shifts)] == ch


def test_line_structure_is_kept():
    doc = Document.from_text("标题\n\n　　第三行\r\n第四行")
    assert doc.lines == ["标题", "", "第三行", "第四行"]
    assert doc.locate(4, 0) == (4, 1)
    assert doc.locate(3, doc.lines[2].index("三行")) == (3, 4)  # two dropped indents before it


def test_only_newlines_end_lines():
    """A form feed, U+2028 or a vertical tab inside a line does not shift later line numbers."""
    doc = Document.from_text("第一行\x0c续\n第二行\u2028续\n第三行\x0b续\r\n增长5%\n")
    assert doc.source == ["第一行\x0c续", "第二行\u2028续", "第三行\x0b续", "增长5%"]
    assert doc.lines == ["第一行续", "第二行续", "第三行续", "增长5%"]
    assert doc.locate(4, 2) == (4, 3)


def test_zero_width_characters_and_spaces_around_numbers_go():
    line, shifts = normalize_line("74.4\u200b万亿元，增长 5.2%、约 4.4 万亿元，70% 以上，2023 年")
    assert line == "74.4万亿元，增长5.2%、约4.4万亿元，70%以上，2023年"
    original = "74.4\u200b万亿元，增长 5.2%、约 4.4 万亿元，70% 以上，2023 年"
    for col, ch in enumerate(line):
        assert original[source_col(col, shifts)] == ch


def test_quoting_gives_the_reports_own_characters():
    doc = Document.from_text("　　增长８％左右，约 4.4 万亿元。")
    start = doc.lines[0].index("8%")
    assert doc.span(1, start, start + 4) == (1, 5, "８％左右")
    at = doc.lines[0].index("4.4")
    assert doc.span(1, at, at + 6) == (1, 12, "4.4 万亿元")
    assert doc.quote(1, 0, len(doc.lines[0])) == "增长８％左右，约 4.4 万亿元。"
