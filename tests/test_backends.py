"""Two segmentation backends behind one interface: jieba-rs (rjieba) cuts like jieba, only faster."""
from conftest import SEED, SHARED, needs_shared, tsv

from govreport import load_document
from govreport.analyses.keywords import KeywordTask, Options, load_stopwords
from govreport.analyses.segment import Segmenter, available
from govreport.document.document import Document
from govreport.readers.sources import read

TEXT = "发展新质生产力，推进5G-A和PM_2.5治理，地区生产总值增长5%左右，深化“放管服”改革。"


def test_both_backends_give_the_same_words():
    jieba, rjieba = Segmenter(backend="jieba"), Segmenter(backend="rjieba")
    assert jieba.cut(TEXT, {"放管服"}) == rjieba.cut(TEXT, {"放管服"})
    assert "新质生产力" in rjieba.cut(TEXT) and "5G-A" in rjieba.cut(TEXT)


def test_user_dictionaries_reach_both(tmp_path):
    userdict = tmp_path / "dict.txt"
    userdict.write_text("凤泉湖引黄调蓄 5 n\n", encoding="utf-8")
    text = "推进凤泉湖引黄调蓄工程"
    for backend in ("jieba", "rjieba"):
        assert "凤泉湖引黄调蓄" in Segmenter((str(userdict),), backend).cut(text), backend


def test_auto_prefers_rjieba_and_the_cache_key_knows_the_backend():
    assert available("auto") == "rjieba" and available("jieba") == "jieba"
    options = Options()
    assert KeywordTask(options, backend="jieba").fingerprint() != KeywordTask(options, backend="rjieba").fingerprint()


def test_the_option(cli):
    one = cli("keywords", "--segmenter", "jieba", "--no-cache", str(SEED))[1]
    two = cli("keywords", "--segmenter", "rjieba", "--no-cache", str(SEED))[1]
    assert one == two and len(tsv(one)) == 20
    assert cli("keywords", "--segmenter", "rjieba", "--pos", "n", str(SEED))[0] == 2
    assert cli("keywords", "--segmenter", "nope", str(SEED))[0] == 2
    assert tsv(cli("keywords", "--pos", "n", "--top", "3", str(SEED))[1])  # the tagger runs on jieba


@needs_shared
def test_identical_counts_over_every_report():
    paths = sorted((SHARED / "reports").rglob("*.txt")) + sorted((SHARED / "holdout").rglob("*.txt"))
    options = Options(stopwords=load_stopwords(()))
    jieba, rjieba = KeywordTask(options, backend="jieba"), KeywordTask(options, backend="rjieba")
    differing = []
    for path in paths:
        doc = load_document(read(str(path)))
        a, b = jieba(doc), rjieba(doc)
        if a.counts != b.counts or a.tokens != b.tokens:
            differing.append(path.name)
    assert len(paths) > 70 and differing == []


def test_counts_on_a_traditional_text_agree():
    doc = Document.from_text("發展新質生產力，地區生產總值增長百分之五。")
    options = Options(stopwords=load_stopwords(()))
    assert KeywordTask(options, backend="jieba")(doc).counts == KeywordTask(options, backend="rjieba")(doc).counts


def test_segmenters_with_other_user_words_do_not_share_them(tmp_path):
    """The first rjieba segmenter of a process reuses the tokenizer rjieba builds on import; a
    second one, with a user dictionary, must not leak its words into the first."""
    words = tmp_path / "words.txt"
    words.write_text("滨河绿廊提质工程 50000 n\n", encoding="utf-8")
    text = "推进滨河绿廊提质工程建设"
    plain, extended = Segmenter((), "rjieba"), Segmenter((str(words),), "rjieba")
    assert "滨河绿廊提质工程" in extended.cut(text)
    assert "滨河绿廊提质工程" not in plain.cut(text)
    assert plain.tokenizer is not extended.tokenizer
