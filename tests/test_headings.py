from conftest import SEED, needs_shared, report_files

from govreport import load_document
from govreport.analyses.outline import outline_rows
from govreport.document.document import Document
from govreport.readers.sources import read
from govreport.rules.frames import line_frames
from govreport.rules.identity import report_year
from govreport.rules.headings import find_headings


def test_levels_of_headings():
    doc = Document.from_text("一、2021年工作回顾\n（一）抓项目。全年签约45个。\n一是抓好招商。\n1.扩大内需\n二、2022年工作安排")
    assert [(h.level, h.title) for h in find_headings(doc.lines)] == [
        (1, "一、2021年工作回顾"), (2, "（一）抓项目"), (3, "一是抓好招商"), (4, "1.扩大内需"), (1, "二、2022年工作安排")]


def test_unnumbered_titles_count():
    doc = Document.from_text("标题\n各位代表：\n现在\n2024年工作回顾\n正文。\n2025年工作安排\n正文。")
    frames = line_frames(doc.lines, find_headings(doc.lines), 2025)
    assert frames[4].frame.kind == "review" and frames[6].frame.kind == "plan"


def test_seed_top_level_and_section_three():
    doc = load_document(read(str(SEED)))
    heads = find_headings(doc.lines)
    top = [h for h in heads if h.level == 1]
    assert [h.line for h in top] == [5, 26, 31, 68]
    third = [h for h in heads if h.level == 2 and 31 < h.line < 68]
    assert [h.marker for h in third] == [f"（{n}）" for n in "一二三四五六七八"] or len(third) == 8


def test_outline_lines_point_into_the_input():
    doc = Document.from_text("各位代表：\n二、“\n十四五\n”时期主要目标任务\n正文。")
    assert [(r.line, r.heading) for r in outline_rows(doc)] == [(2, "二、“十四五”时期主要目标任务")]


@needs_shared
def test_every_report_has_review_and_plan_sections():
    for path in report_files():
        doc = load_document(read(str(path)))
        frames = line_frames(doc.lines, find_headings(doc.lines), report_year(doc.lines)[0])
        kinds = {f.frame.kind for f in frames}
        assert {"review", "plan"} <= kinds or path.name == "fujian.txt", path.name
