from collections import Counter

from govreport.analyses.keywords import (
    Options,
    bundled_stopwords,
    count_terms,
    count_words,
    is_word,
    keep_phrases,
    rank,
)
from govreport.analyses.segment import segmenter
from govreport.document.document import Document

TEXT = ("各位代表：\n全面推进乡村振兴，持续优化营商环境，深化“放管服”改革。\n"
        "做好“六稳”工作，乡村振兴取得新成效，营商环境明显改善。地区生产总值增长5%以上。\n")


def test_counts_equal_an_independent_count():
    doc = Document.from_text(TEXT)
    counts = count_words(doc, segmenter(), Options(stopwords=bundled_stopwords())).counts
    for term in ["乡村振兴", "营商环境", "放管服", "六稳", "地区生产总值"]:
        assert counts[term] == TEXT.count(term), term


def test_numbers_stop_words_and_punctuation_never_count():
    doc = Document.from_text(TEXT + "我们和他们的5%以上，2022年。")
    counts = count_words(doc, segmenter(), Options(stopwords=bundled_stopwords())).counts
    assert not {"5%以上", "5%", "2022年", "我们", "他们", "以上", "，", "。", "："} & set(counts)


def test_domain_words_are_not_stop_words():
    assert not {"发展", "建设", "人民", "坚持", "加强"} & bundled_stopwords()


def test_is_word_rules():
    options = Options(stopwords=frozenset({"我们"}))
    assert is_word("营商环境", options)
    assert not any(is_word(t, options) for t in ["我们", "134亿元", "2023", "——", "第三", "三", "x"])


def test_keep_phrases_skip_long_and_damaged_quotes():
    doc = Document.from_text("“放管服”“五彩凤凰山、生态凤泉城”“六?!比蝿?")
    assert keep_phrases(doc) == {"放管服"}


def test_rank_merges_documents_and_counts_docs():
    a = Document.from_text("乡村振兴，乡村振兴，营商环境。", "a")
    b = Document.from_text("乡村振兴。", "b")
    seg, options = segmenter(), Options(stopwords=bundled_stopwords())
    rows = rank([count_words(a, seg, options), count_words(b, seg, options)], several=True)
    top = rows[0]
    assert (top.rank, top.word, top.count, top.docs) == (1, "乡村振兴", 3, 2)
    assert rows[1].word == "营商环境" and rows[1].docs == 1
    assert top.per_10k == 3 * 10000 / 4  # four word tokens, punctuation not counted


def test_by_doc_ranks_each_document_apart():
    seg, options = segmenter(), Options(stopwords=bundled_stopwords())
    parts = [count_words(Document.from_text(t, n), seg, options) for t, n in [("营商环境", "a"), ("乡村振兴", "b")]]
    rows = rank(parts, by_doc=True)
    assert [(r.file, r.rank, r.word) for r in rows] == [("a", 1, "营商环境"), ("b", 1, "乡村振兴")]


def test_terms_are_a_text_search_with_zeros():
    doc = Document.from_text(TEXT)
    counts = count_terms(doc, segmenter(), ["乡村振兴", "新质生产力"]).counts
    assert counts == Counter({"乡村振兴": 2, "新质生产力": 0})


def test_tfidf_and_textrank_give_scores():
    doc = Document.from_text(TEXT * 3)
    for method in ("tfidf", "textrank"):
        part = count_words(doc, segmenter(), Options(stopwords=bundled_stopwords(), method=method))
        rows = rank([part], method=method, top=5)
        assert len(rows) == 5 and all(r.score is not None for r in rows)
        assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)


def test_a_tally_keeps_counts_and_report_counts_apart_however_it_is_added_up():
    from random import Random

    from govreport.analyses.keywords import Tally, WordCounts

    rng = Random(7)
    words = [f"词{i}" for i in range(40)]
    parts = [WordCounts(str(i), Counter({w: rng.choice([1, 2, 5, 10**9]) for w in rng.sample(words, 12)}), 30)
             for i in range(30)]
    counts, docs = Counter(), Counter()
    for part in parts:
        counts.update(part.counts)
        docs.update(part.counts.keys())
    whole, halves = Tally(), [Tally(), Tally()]
    for i, part in enumerate(parts):
        whole.add(part)
        halves[i % 2].add(part)
    halves[0].merge(halves[1])
    for tally in (whole, halves[0]):
        assert tally.counts == counts and tally.docs == docs and tally.parts == 30 and tally.tokens == 900


def test_a_term_counted_zero_times_stands_in_no_report():
    from govreport.analyses.keywords import Tally, WordCounts

    tally = Tally(keep_zeros=True)
    tally.add(WordCounts("a", Counter({"乡村振兴": 2, "新质生产力": 0}), 10))
    tally.add(WordCounts("b", Counter({"乡村振兴": 0, "新质生产力": 0}), 10))
    assert tally.counts == Counter({"乡村振兴": 2, "新质生产力": 0})
    assert tally.docs["乡村振兴"] == 1 and tally.docs["新质生产力"] == 0
    assert set(tally.counts) == {"乡村振兴", "新质生产力"}  # the zeros are kept, to be listed
