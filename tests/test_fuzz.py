"""Arbitrary text and bytes never crash an extractor, and every row points inside the document."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govreport.analyses.keywords import Options, bundled_stopwords, count_words
from govreport.analyses.segment import segmenter
from govreport.analyses.slogans import phrase_stats, unquoted_formulas
from govreport.analyses.targets import extract
from govreport.document.document import Document
from govreport.errors import InputError
from govreport.readers.text import decode

# Text made of what reports are made of, plus anything at all.
REPORT_CHARS = st.sampled_from(list("地区生产总值增长以上左右以内力争确保“”「」《》\"、，。；：（）()一二三四五六七八九十百千万亿"
                                    "0123456789.%％－—-~至到年月日个家亿元万人?!\n　 ·+#比蝿ぷ€\ufffd"))
TEXT = st.one_of(st.text(REPORT_CHARS, max_size=400), st.text(max_size=200))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXT)
def test_targets_rows_point_inside_the_document(text):
    doc = Document.from_text(text, "f.txt")
    original = text.split("\n")
    for row in extract(doc):
        assert 1 <= row.line <= len(original)
        assert 1 <= row.col <= len(original[row.line - 1])
        assert row.kind in ("target", "actual", "other")


@SETTINGS
@given(TEXT)
def test_slogans_point_inside_the_document(text):
    doc = Document.from_text(text, "f.txt")
    for stats in phrase_stats(doc) + unquoted_formulas(doc):
        assert 1 <= stats.first_line <= len(doc.source)  # lines of the input, as every output names them
        assert stats.quoted <= stats.mentions or stats.type == "garbled"


@settings(max_examples=60, deadline=None)
@given(TEXT)
def test_keywords_never_crash(text):
    counts = count_words(Document.from_text(text), segmenter(), Options(stopwords=bundled_stopwords()))
    assert all(n > 0 for n in counts.counts.values())
    assert counts.tokens >= sum(counts.counts.values())


@SETTINGS
@given(st.binary(max_size=2000))
def test_decoder_returns_text_or_an_input_error(data):
    try:
        text = decode(data, "x.bin")
    except InputError as err:
        assert str(err).startswith("x.bin: ")
    else:
        assert isinstance(text, str)
        Document.from_text(text)
