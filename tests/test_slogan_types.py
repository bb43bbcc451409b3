"""Slogans a journalist can quote (issue 21): names, titles and everyday words are typed apart and
hidden by default; mentions count the phrase on its own; numbered formulas are found unquoted."""
import pytest

from conftest import SHARED, tsv

from govreport.analyses.slogans import DEFAULT_TYPES, classify, count_mentions, meaning_for

needs_shared = pytest.mark.skipif(not (SHARED / "holdout").is_dir(), reason="needs ../shared")


@pytest.mark.parametrize("phrase, after, before, kind", [
    ("嫦娥六号", "", "", "name"), ("梦想", "号大洋钻探船", "", "name"), ("杜苏芮", "", "台风", "name"),
    ("质量", "，让民生", "更有", "word"), ("四川省科创通", "", "", "slogan"), ("四两拨千斤", "", "", "slogan"),
    ("枫桥经验", "", "", "model"), ("21", "条", "稳增长", "formula"), ("21条", "", "", "formula"),
    ("六稳", "", "", "formula")])
def test_types_from_shape_and_context(phrase, after, before, kind):
    assert classify(phrase, [after], [before]) == kind


def test_titles_in_angle_brackets_are_titles_and_hidden():
    assert classify("巴黎协定", titled=True) == "title" and classify("哪吒2", titled=True) == "title"
    assert not {"title", "name", "word"} & set(DEFAULT_TYPES)


def test_mentions_count_the_phrase_on_its_own():
    text = "“互联网+”行动，“互联网+政务服务”，深化“双向揭榜挂帅”和“揭榜挂帅”，国道318，1833亿元，稳增长“21”条"
    assert count_mentions(text, "互联网+", ["互联网+政务服务"]) == 1
    assert count_mentions(text, "揭榜挂帅", ["双向揭榜挂帅"]) == 1
    assert count_mentions(text, "18", follow="条") == 0 and count_mentions(text, "21", follow="条") == 1


def test_a_local_formula_means_something_only_in_its_region():
    assert meaning_for("八大行动", "湖南省", "湖南省") and meaning_for("八大行动", "涞水县", "河北省") is None
    assert "工业化" in meaning_for("四化") and "贵州" not in meaning_for("四化")


def test_numbered_formulas_without_quotes_are_found(cli, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("各位代表：实施十大专项行动，严守三条控制线。落实中央八项规定精神，坚持和平共处五项原则。\n", encoding="utf-8")
    code, out, _ = cli("slogans", "--unquoted", str(path))
    assert {row["phrase"] for row in tsv(out)} == {"十大专项行动", "三条控制线", "中央八项规定", "和平共处五项原则"}


@needs_shared
def test_named_reports(cli):
    code, out, _ = cli("slogans", str(SHARED / "holdout" / "national-2025.txt"))
    shown = {row["phrase"]: row for row in tsv(out)}
    assert "嫦娥六号" not in shown and "梦想" not in shown and "帽子" not in shown and "一带一路" in shown
    code, out, _ = cli("slogans", "--type", "name,title", str(SHARED / "holdout" / "national-2025.txt"))
    assert {"嫦娥六号", "梦想"} <= {row["phrase"] for row in tsv(out) if row["type"] == "name"}
    code, out, _ = cli("slogans", str(SHARED / "reports" / "provinces-2026" / "sichuan.txt"))
    rows = {row["phrase"]: row for row in tsv(out)}
    assert rows["21"]["mentions"] == "1" and rows["18"]["mentions"] == "1"
    assert rows["四川省科创通"]["type"] != "formula" and rows["四川云教"]["type"] != "formula"
    code, out, _ = cli("slogans", str(SHARED / "holdout" / "hebei-2021.txt"))
    assert "质量" not in {row["phrase"] for row in tsv(out)}
