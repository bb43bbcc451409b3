from govreport.document.document import Document
from govreport.document.normalize import normalize_line, source_col, strip_html


def test_full_width_digits_letters_and_percent_fold():
    assert normalize_line("增长８．５％，ＧＤＰ")[0] == "增长8．5%，GDP"


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
    assert doc.input_col(4, 0) == 1
    assert doc.input_col(3, doc.lines[2].index("三行")) == 4  # two dropped indents before it


def test_html_tags_go_and_newlines_stay():
    page = "<html><body>\n<p>第一段</p><script>var x;\n</script>\n<p>增长&nbsp;5%</p>\n</body></html>"
    text = strip_html(page)
    assert text.count("\n") == page.count("\n")
    assert "第一段" in text and "var" not in text and "增长\xa05%" in text
