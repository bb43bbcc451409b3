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


# --- round three (issue 24): bit flips, splices of real report lines, random numerals --------------
from conftest import SEED  # noqa: E402

from govreport.readers.formats import read_text  # noqa: E402
from govreport.readers.sources import Source  # noqa: E402

SEED_BYTES = SEED.read_bytes()
SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")
NUMERAL = st.text(st.sampled_from(list("零〇一二两三四五六七八九十百千万亿点0123456789.,，%％－—至到余多几半分之成")),
                  min_size=1, max_size=12)


def _figures_quote_their_lines(text: str) -> None:
    doc = Document.from_text(text, "f.txt")
    for row in extract(doc):
        source = doc.source[row.line - 1]  # the input's own lines, converted to simplified: what `text` prints
        assert source[row.col - 1:].startswith(row.text), row  # the figure stands where line and col say


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SEED_BYTES) - 1), st.integers(0, 7)), min_size=1, max_size=40))
def test_bit_flips_in_a_real_report_never_crash(flips):
    data = bytearray(SEED_BYTES)
    for at, bit in flips:
        data[at] ^= 1 << bit
    try:
        text = read_text(Source("f.txt", bytes(data)))
    except InputError:
        return
    _figures_quote_their_lines(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, len(SEED_LINES) - 1), min_size=1, max_size=12), st.lists(NUMERAL, max_size=6))
def test_spliced_lines_and_random_numerals_never_crash(picks, numerals):
    lines = [SEED_LINES[i] for i in picks]
    for i, numeral in enumerate(numerals):  # a numeral set into a report sentence
        lines.append(f"地区生产总值增长{numeral}左右，城镇新增就业{numeral}人以上。")
        lines.insert(i % len(lines), f"今年的主要预期目标是：居民消费价格涨幅{numeral}。")
    _figures_quote_their_lines("\n".join(lines))
