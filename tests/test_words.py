"""Words that mean what they say (issue 21): figures never rank, plans and codes do, a quoted word
never cuts a dictionary term, places stay whole, counts say which rule they follow."""
import pytest

from conftest import SHARED, tsv

from govreport.analyses.keywords import Options, is_figure, is_word

HOLDOUT = SHARED / "holdout"
PROVINCES = SHARED / "reports" / "provinces-2026"
needs_shared = pytest.mark.skipif(not HOLDOUT.is_dir(), reason="needs ../shared")


@pytest.mark.parametrize("token", ["多万", "三分之二", "一半", "多亿元", "余台", "五年", "一批", "百分之三十",
                                   "6.5GW", "4800PF", "1000多万户", "八月"])
def test_figures_and_their_fragments_are_no_words(token):
    assert is_figure(token) and not is_word(token, Options())


@pytest.mark.parametrize("token", ["十四五", "十五五", "十一五", "七五", "一带一路", "G318", "5G", "1+N", "多元", "两岸"])
def test_plans_formulas_and_codes_are_words(token):
    assert is_word(token, Options())


def test_numbers_cut_as_one_token_and_give_way_to_terms():
    from govreport.analyses.segment import _protected_spans

    text = "降低900多万个体工商户税负，智能算力达4800PF，建成5G基站"
    spans = [text[s:e] for s, e in _protected_spans(text, ())]
    assert spans == ["900多万", "4800PF"]


def test_places_and_projects_stay_whole(cli):
    from govreport.analyses.segment import Segmenter

    seg = Segmenter((), "jieba")
    for text, word in [("推进长株潭都市圈建设", "长株潭都市圈"), ("华容县团洲垸决堤", "团洲垸"),
                       ("高阳县庞口镇汽配城", "庞口镇"), ("加快引大济岷工程", "引大济岷"),
                       ("发展全过程人民民主", "全过程人民民主"), ("二十届二中全会", "二中全会"),
                       ("蠡县和易县", "蠡县")]:
        assert word in seg.cut(text), (text, seg.cut(text))
    assert seg.cut("推进城乡融合和新型城镇化") == ["推进", "城乡", "融合", "和", "新型城镇化"]


@needs_shared
def test_a_word_quoted_once_leaves_high_quality_development_whole(cli):
    path = HOLDOUT / "hebei-2021.txt"
    code, out, _ = cli("keywords", "--top", "0", str(path))
    ranked = {row["word"]: int(row["count"]) for row in tsv(out)}
    code, out, _ = cli("keywords", "--terms", "高质量发展,质量", str(path))
    counted = {row["word"]: row for row in tsv(out)}
    assert ranked["高质量发展"] == int(counted["高质量发展"]["count"]) == int(counted["高质量发展"]["mentions"]) >= 9
    assert ranked["质量"] == int(counted["质量"]["count"]) < int(counted["质量"]["mentions"])
    top10 = [row["word"] for row in tsv(cli("keywords", "--top", "10", str(path))[1])]
    assert "质量" not in top10


@needs_shared
def test_the_fifteenth_plan_ranks_and_numbers_do_not():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "govreport", "keywords", "--top", "0", str(PROVINCES / "hubei.txt")],
                          capture_output=True, text=True, timeout=120)
    assert {row["word"]: row["count"] for row in tsv(done.stdout)}["十五五"] == "6"
    for method in ("freq", "keyness", "tfidf", "textrank"):
        done = subprocess.run([sys.executable, "-m", "govreport", "keywords", "--method", method, "--top", "100",
                               str(HOLDOUT / "national-2018.txt")], capture_output=True, text=True, timeout=120)
        words = {row["word"] for row in tsv(done.stdout)}
        assert len(words) == 100 and not words & {"多万", "三分之二", "一半", "多亿元", "多万户", "多户"}, method


@needs_shared
def test_trend_and_terms_give_the_word_count_and_the_mentions(cli):
    national = SHARED / "reports" / "national-2023.txt"
    code, out, _ = cli("keywords", "--top", "0", str(national))
    ranked = {row["word"]: row["count"] for row in tsv(out)}
    code, out, _ = cli("trend", "疫情", str(national), "--format", "tsv")
    row = tsv(out)[0]
    assert row["count"] == ranked["疫情"] and int(row["mentions"]) > int(row["count"])
    code, out, _ = cli("keywords", "--terms", "疫情", str(national))
    assert tsv(out)[0]["count"] == row["count"] and tsv(out)[0]["mentions"] == row["mentions"]


def test_each_level_has_its_own_reference():
    from govreport.analyses.keywords import LEVELS, profile

    for level in LEVELS:
        assert profile(level).docs >= 3 and profile(level).tokens > 10_000
    assert profile().docs == sum(profile(level).docs for level in LEVELS)
    national, local = profile("national"), profile("local")
    share = lambda p, w: p.counts.get(w, 0) / p.tokens  # noqa: E731
    assert share(national, "我国") > 3 * share(local, "我国")


@needs_shared
def test_no_quoted_phrase_cuts_a_bundled_term_in_any_report():
    """tools/word_audit.py's first measure, on every report of ../shared: 15 reports had a term cut."""
    from govreport import load_document
    from govreport.analyses.keywords import keep_phrases
    from govreport.analyses.segment import _protected_spans, bundled_terms
    from govreport.readers.sources import read

    cut = []
    paths = sorted(SHARED.glob("**/*.txt"))
    assert len(paths) > 80
    for path in paths:
        doc = load_document(read(str(path)))
        spans = _protected_spans(doc.text, keep_phrases(doc))
        for term in bundled_terms():
            at = doc.text.find(term)
            while at >= 0:
                end = at + len(term)
                if any(s < end and e > at and not (s <= at and e >= end) for s, e in spans):
                    cut.append((path.name, term))
                at = doc.text.find(term, end)
    assert not cut, cut[:5]
