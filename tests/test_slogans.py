import pytest

from govreport.analyses.slogans import classify, damaged_quotes, merge, phrase_stats
from govreport.document.document import Document


@pytest.mark.parametrize("phrase, after, before, kind", [
    ("四个意识", "", "", "formula"),
    ("三大改造", "", "", "formula"),
    ("十四五", "", "", "formula"),
    ("两地三区一枢纽", "", "", "formula"),
    ("982", "工程", "", "formula"),
    ("1+8+N", "", "", "formula"),
    ("管委会+公司", "管理模式", "", "model"),
    ("城市更新+", "模式", "", "model"),
    ("一网通办、一次办成", "政务服务模式", "", "model"),
    ("总体规划、连片开发、项目捆绑、收益平衡", "", "实行", "model"),
    ("7·21", "暴雨", "", "event"),
    ("项目为王", "理念", "", "slogan"),
    ("一企一策", "跟踪培育", "", "slogan"),
    ("五彩凤凰山、生态凤泉城", "", "", "slogan"),
    ("万人助万企", "活动", "", "policy"),
    ("登顶太行", "计划", "", "policy"),
    ("工业企业分级分类考评办法", "", "", "policy"),
    ("能力作风建设年", "", "", "policy"),
    ("全国群众体育先进县(区)", "称号", "", "policy"),
    ("区要加快推进城市更新,有序打造北部绿色屏障", "的定位", "", "quote"),
])
def test_type_rules(phrase, after, before, kind):
    assert classify(phrase, [after], [before]) == kind


def test_counts_mentions_and_first_line():
    doc = Document.from_text("第一行没有引号，六稳\n做好“六稳”“六保”\n再做“六稳”工作")
    stats = {s.phrase: s for s in phrase_stats(doc)}
    assert (stats["六稳"].quoted, stats["六稳"].mentions, stats["六稳"].first_line) == (2, 3, 2)
    assert (stats["六保"].quoted, stats["六保"].first_line) == (1, 2)


def test_damaged_spans_are_garbled_and_hidden_by_default():
    doc = Document.from_text("落实“六?!比蝿?,持续改善\n做好“六稳”工作")
    stats = phrase_stats(doc)
    assert damaged_quotes(stats) == [1]
    rows = merge([("-", stats)])
    assert [r.phrase for r in rows] == ["六稳"]
    every = merge([("-", stats)], types=("formula", "garbled"))
    assert {r.type for r in every} == {"formula", "garbled"}


def test_merge_over_files_sorts_by_quoted_then_first_appearance():
    a = phrase_stats(Document.from_text("“放管服”“六稳”", "a"))
    b = phrase_stats(Document.from_text("“六稳”“双减”", "b"))
    rows = merge([("a", a), ("b", b)], several=True)
    assert [(r.phrase, r.quoted, r.files, r.file) for r in rows] == [
        ("六稳", 2, 2, "a"), ("放管服", 1, 1, "a"), ("双减", 1, 1, "b")]


def test_explain_uses_the_glossary():
    rows = merge([("-", phrase_stats(Document.from_text("增强“四个意识”")))], explain=True)
    assert rows[0].meaning.startswith("政治意识")


def test_unquoted_formulas_are_found_with_a_boundary_only():
    from govreport.analyses.slogans import unquoted_formulas

    doc = Document.from_text("我们要做到四个坚持：坚持稳中求进。\n增速四个区第一，做好八个方面工作，打好三大攻坚战。\n“两个维护”")
    found = {s.phrase: s for s in unquoted_formulas(doc)}
    assert set(found) == {"四个坚持", "三大攻坚战"}
    assert (found["四个坚持"].quoted, found["四个坚持"].first_line) == (0, 1)


def test_unquoted_skips_quoted_and_generic_counts():
    from govreport.analyses.slogans import unquoted_formulas

    doc = Document.from_text("落实“四个坚持”，四个坚持。九个方面，六大领域。")
    assert unquoted_formulas(doc) == []
