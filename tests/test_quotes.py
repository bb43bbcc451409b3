from conftest import SHARED, needs_shared

from govreport.document.damage import find_damage
from govreport.document.quotes import find_quotes


def texts(line):
    return [q.text for q in find_quotes(line, 1, find_damage(line, 1))]


def test_every_quote_style():
    line = '“六稳”「放管服」『两山』《政府工作报告》‘四风’"双减"'
    assert texts(line) == ["六稳", "放管服", "两山", "政府工作报告", "四风", "双减"]


def test_adjacent_quotes_are_separate():
    assert texts("继续做好“六稳”“六保”工作") == ["六稳", "六保"]


def test_ascii_quotes_pair_in_order():
    assert texts('推进"放管服"改革，实施"互联网+政务服务"') == ["放管服", "互联网+政务服务"]


def test_no_quote_across_a_line_break():
    assert texts("开始“半句") == [] and texts("半句”结束") == []


def test_nested_styles():
    assert texts("提出“学习‘两山’理念”") == ["学习‘两山’理念", "两山"] or \
        sorted(texts("提出“学习‘两山’理念”")) == sorted(["学习‘两山’理念", "两山"])


def test_damaged_quote_without_closing_mark_is_garbled():
    quotes = find_quotes("落实“六?!比蝿?,持续改善", 1, find_damage("落实“六?!比蝿?,持续改善", 1))
    assert [(q.text, q.garbled) for q in quotes] == [("六?!比蝿?", True)]


def test_lone_closing_mark_after_damage_is_garbled():
    line = "全面铺开?!?·21”暴雨洪涝灾害发生后"
    quotes = find_quotes(line, 1, find_damage(line, 1))
    assert [(q.text, q.garbled) for q in quotes] == [("?!?·21", True)]


def test_clean_unpaired_mark_is_ignored():
    assert texts("他说“好的，然后") == []


def _short_quotes_found_by_pairing(doc):
    from govreport.analyses.keywords import KEEPABLE

    return {q.text for q in doc.quotes if not q.garbled and KEEPABLE.match(q.text)}


def test_short_quotes_in_one_search_are_those_pairing_finds():
    """keywords reads a document's short quoted phrases in one search of its text: on random
    texts of marks of every kind, word characters and other characters, the phrases are those
    find_quotes pairs, or the search leaves the text to it (an ASCII double quote)."""
    import random

    from govreport.document.document import Document
    from govreport.document.quotes import short_quote_texts

    rng = random.Random(7)
    pieces = list("“”「」『』《》‘’") + ["六稳", "放管服", "A", "5G", "+", "，", "一二三四", "\n", "x"] * 3
    answered = 0
    for _ in range(3000):
        doc = Document.from_text("".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))))
        fast = short_quote_texts(doc.text)
        if fast is not None and not doc.damage:
            answered += 1
            assert fast == _short_quotes_found_by_pairing(doc), doc.text
    assert answered == 3000
    assert short_quote_texts('他说"六稳"') is None


@needs_shared
def test_short_quotes_in_one_search_on_every_report():
    from govreport.document.document import load_document
    from govreport.document.quotes import short_quote_texts
    from govreport.readers.sources import read

    answered = 0
    for path in sorted(SHARED.rglob("*.txt")):
        doc = load_document(read(str(path), None))
        fast = None if doc.damage else short_quote_texts(doc.text)
        if fast is not None:
            answered += 1
            assert fast == _short_quotes_found_by_pairing(doc), path
    assert answered >= 50
