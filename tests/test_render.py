import csv
import io
import json
from dataclasses import dataclass

import pytest

from govreport.output.render import View, render


@dataclass
class Row:
    word: str
    count: int
    share: float | None


ROWS = [Row("乡村振兴", 3, 0.5), Row('带"引号"\t和制表', 1, None)]
FIELDS = ["word", "count", "share"]


def out(fmt, **kw):
    stream = io.StringIO()
    render(ROWS, FIELDS, fmt=fmt, stream=stream, **kw)
    return stream.getvalue()


def test_tsv():
    lines = out("tsv").splitlines()
    assert lines[0] == "word\tcount\tshare"
    assert [line.count("\t") for line in lines] == [2, 2, 2]
    assert lines[1] == "乡村振兴\t3\t0.5"


def test_no_header():
    assert out("tsv", header=False).splitlines()[0].startswith("乡村振兴")


def test_csv_parses():
    rows = list(csv.DictReader(io.StringIO(out("csv"))))
    assert rows[1]["word"] == '带"引号" 和制表' and rows[0]["count"] == "3"


def test_json_and_jsonl_keep_types():
    assert json.loads(out("json")) == [{"word": "乡村振兴", "count": 3, "share": 0.5},
                                       {"word": '带"引号"\t和制表', "count": 1, "share": None}]
    assert [json.loads(line)["count"] for line in out("jsonl").splitlines()] == [3, 1]


def test_table_has_no_colour_or_boxes_when_not_a_terminal():
    text = out("table", view=View(bar="count"))
    assert "乡村振兴" in text and "\x1b[" not in text
    assert not set(text) & set("█┃━│╇")


def test_table_on_a_terminal_has_boxes_and_bars_but_honours_no_color(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setenv("NO_COLOR", "1")
    stream = Terminal()
    render(ROWS, FIELDS, fmt="table", stream=stream, view=View(bar="count"))
    text = stream.getvalue()
    assert "█" in text and "┃" in text and "\x1b[3" not in text


def test_pipe_default_is_tsv():
    stream = io.StringIO()
    render(ROWS, FIELDS, stream=stream)
    assert stream.getvalue().startswith("word\tcount\tshare\n")


def test_unknown_format():
    with pytest.raises(ValueError):
        out("xml")


def test_highlight_marks_the_occurrence_nearest_the_middle():
    from rich.text import Text

    from govreport.output.render import _mark

    text = Text("增长10%以上，规模增长10%以上，投资")
    _mark(text, "10%以上")
    (span,) = text.spans
    assert text.plain[span.start:span.end] == "10%以上" and span.start == text.plain.rindex("10%以上")
