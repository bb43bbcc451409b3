"""Every field that quotes the report shows its own characters (simplified, nothing else), at its line and col."""
from conftest import SHARED, jsonl, needs_shared, report_files, tsv

from govreport.analyses.kwic import concordance, pattern_for
from govreport.analyses.slogans import phrase_stats
from govreport.analyses.targets import extract
from govreport.document.document import Document

TEXT = ("二、2010年主要任务\n　　今年的主要预期目标是：国内生产总值增长8％左右，“ＧＤＰ”稳定。\n"
        "推进乡村\u200b振兴，乡村振兴取得新进展，城镇新增就业１２００万人以上。\n")


def test_targets_quote_the_text_at_their_place():
    doc = Document.from_text(TEXT, "r.txt")
    rows = {r.text: r for r in extract(doc)}
    assert set(rows) == {"8％左右", "１２００万人以上"}
    for row in rows.values():
        line = TEXT.split("\n")[row.line - 1]
        assert line[row.col - 1:row.col - 1 + len(row.text)] == row.text
    assert rows["8％左右"].sentence.startswith("今年的主要预期目标是：国内生产总值增长8％左右")
    assert rows["１２００万人以上"].value == 1200  # read as a number all the same


def test_kwic_sees_words_through_invisible_characters_and_quotes_them():
    rows = concordance(Document.from_text(TEXT), pattern_for("乡村振兴", regex=False), width=4)
    assert [(r.line, r.col, r.term) for r in rows] == [(3, 3, "乡村\u200b振兴"), (3, 9, "乡村振兴")]


def test_phrases_are_shown_as_written():
    stats = phrase_stats(Document.from_text(TEXT))
    assert [(s.phrase, s.own) for s in stats] == [("GDP", "ＧＤＰ")]


@needs_shared
def test_every_target_text_is_the_files_span(cli):
    paths = [p for p in report_files() if "provinces-2026" not in str(p)] + [SHARED / "holdout" / "national-2017.txt",
                                                                           SHARED / "holdout" / "beijing-2024-pdftext.txt"]
    rows = jsonl(cli("targets", "--kind", "all", "-f", "jsonl", *map(str, paths))[1])
    lines = {str(p): p.read_text(encoding="utf-8").split("\n") for p in paths}
    wrong = [r for r in rows if lines[r["file"]][r["line"] - 1].rstrip("\r")[r["col"] - 1:r["col"] - 1 + len(r["text"])]
             != r["text"]]
    assert len(rows) > 2500 and wrong == []


@needs_shared
def test_doctor_reports_the_repairs(cli):
    kinds = {r["kind"] for r in tsv(cli("doctor", str(SHARED / "holdout" / "national-2017.txt"),
                                        str(SHARED / "holdout" / "beijing-2024-pdftext.txt"))[1])}
    assert {"invisible character", "split line", "stray space"} <= kinds
