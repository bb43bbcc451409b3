import pytest

from conftest import SHARED

from govreport.analyses.segment import segmenter

TERMS = ["地区生产总值", "一般公共预算收入", "社会消费品零售总额", "规模以上工业增加值", "城镇调查失业率",
         "乡村振兴", "营商环境", "高质量发展", "供给侧结构性改革", "专精特新"]


@pytest.fixture(scope="module")
def seg():
    return segmenter()


@pytest.mark.parametrize("term", TERMS)
def test_domain_terms_stay_whole(seg, term):
    text = f"今年要坚持{term}，并推动{term}取得新进展。"
    assert seg.cut(text).count(term) == 2


def test_numbers_with_units_are_one_token(seg):
    words = seg.cut("实现地区生产总值134亿元，同比增长6.5%，新增就业2000人。")
    assert {"134亿元", "6.5%", "2000人"} <= set(words)


def test_number_inside_a_name_is_not_split_off(seg):
    words = seg.cut("建成5G基站和PM2.5监测站")
    assert "5" not in words and "2.5" not in words


def test_kept_phrases_become_words(seg):
    assert "六稳六保" not in seg.cut("做好六稳工作", keep=["六稳"]) and "六稳" in seg.cut("做好六稳工作", keep=["六稳"])


def test_a_kept_phrase_never_cuts_a_dictionary_term(seg):
    """hebei-2021 quotes “质量” once: its 高质量发展 stay whole, and so does 放管服改革."""
    assert seg.cut("推动高质量发展", keep=["质量"]) == ["推动", "高质量发展"]
    assert "放管服改革" in seg.cut("深化放管服改革", keep=["放管服"])
    assert "河湖长制" in "".join(seg.cut("落实河湖长制", keep=["河湖长"])) and "湖长制" in seg.cut("落实河湖长制", keep=["河湖长"])
    assert "放管服" not in seg.cut("深化放管服改革")


def test_pos_tags(seg):
    pairs = seg.cut_pos("优化营商环境，增长10%", keep=())
    assert ("营商环境", "n") in pairs and ("10%", "m") in pairs


def test_user_dictionary_adds_words(tmp_path):
    path = tmp_path / "dict.txt"
    path.write_text("凤凰涅槃行动 10 nz\n", encoding="utf-8")
    assert "凤凰涅槃行动" in segmenter((str(path),)).cut("实施凤凰涅槃行动")


@pytest.mark.skipif(not (SHARED / "reports").is_dir(), reason="needs ../shared")
def test_one_cut_a_document_counts_as_the_pieces_did():
    """Protected spans stand as marks in one cut; the counts equal cutting between them piece by piece."""
    from govreport import load_document
    from govreport.analyses.keywords import keep_phrases
    from govreport.analyses.segment import Segmenter
    from govreport.readers.sources import read

    seg = Segmenter((), "rjieba")
    paths = sorted((SHARED / "reports").glob("**/*.txt"))
    for path in paths:
        doc = load_document(read(str(path)))
        keep = keep_phrases(doc)
        assert seg.count(doc.text, keep) == seg._count_pieces(doc.text, keep), path.name


def test_phrase_occurrences_are_those_str_find_gives():
    """Every occurrence of each kept phrase, as a str.find from the start and after each one would
    find it, also where phrases overlap, nest or repeat (random texts of a small alphabet)."""
    import random

    from govreport.analyses.segment import _occurrences

    def by_find(text, phrases):
        out = []
        for phrase in set(phrases):
            at = text.find(phrase)
            while at >= 0:
                out.append((at, at + len(phrase)))
                at = text.find(phrase, at + len(phrase))
        return sorted(out)

    rng = random.Random(23)
    for _ in range(2000):
        text = "".join(rng.choice("六稳保+") for _ in range(rng.randint(0, 30)))
        phrases = {"".join(rng.choice("六稳保+") for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(0, 6))}
        assert sorted(_occurrences(text, phrases)) == by_find(text, phrases), (text, phrases)


def test_counting_joins_town_names_as_the_cut_does():
    """The counts of one cut equal the counts of the token list, town and polder names joined."""
    from collections import Counter

    from govreport.analyses.segment import Segmenter

    seg = Segmenter((), "rjieba")
    for text in ("庞口镇和团洲垸的城乡一体化，全镇各乡镇推进乡村振兴。", "镇", "乡乡镇镇", "没有后缀的句子。"):
        assert seg._counted(text) == Counter(seg._cut(text)), text
    assert "庞口镇" in seg._counted("庞口镇推进乡村振兴")
