"""Each shortcut the speed work added answers as the long way does (written out here, or the
general code it skips), on real reports and on random text of the characters it looks at."""

import re
from random import Random

import pytest

from conftest import REPORTS
from govreport.document.document import Document
from govreport.readers.sources import read

SAMPLES = sorted(REPORTS.glob("*.txt"))[:6]


def _documents():
    texts = [read(str(path)).data.decode("utf-8") for path in SAMPLES]
    texts.append("　　全区地区生产总值增长 5.2%，\n约 4.4 万亿元。\n" * 3)  # dropped spaces, a joined line
    texts.append("各位代表：\n" + "现在，我代表市人民政府向大会报告政府工作，请予审议，并请市政协委员提出意见\n和建议。\n" * 20)
    return [Document.from_text(text, "x") for text in texts]


def test_span_and_quote_of_a_plain_line_are_those_of_the_general_path():
    plain = pieced = 0
    for doc in _documents():
        for number, line in enumerate(doc.lines, 1):
            for start in range(0, len(line) + 2, 7):
                for end in (start - 1, start, start + 1, start + 5, len(line) + 3):
                    assert doc.span(number, start, end) == doc._pieced_span(number, start, end), (number, start, end)
                    assert doc.quote(number, start, end) == \
                        doc._pieced_quote(number, max(0, start), min(end, len(line))), (number, start, end)
            if number - 1 in doc.pieces or doc.starts[number - 1] in doc.shifts:
                pieced += 1
            else:
                plain += 1
    assert plain > 100 and pieced > 3  # both kinds of line were asked


def test_the_quotes_of_one_line_are_those_the_whole_document_holds_for_it():
    text = "做好“六稳”“六保”和\"放管服\"，建设“五彩凤?!?山”。\n推进“放管服\n改革。\n" * 3
    from govreport.document.quotes import find_quotes

    for doc in [*_documents(), Document.from_text(text, "x")]:
        for number, line in enumerate(doc.lines, 1):  # the long way: the line's damage taken from the whole list
            damage = [d for d in doc.damage if d.line == number]
            assert doc.line_quotes(number) == find_quotes(line, number, damage), number
        assert doc.quotes == [q for n in range(1, len(doc.lines) + 1) for q in doc.line_quotes(n)]
    assert any(q.garbled for q in Document.from_text(text, "x").quotes)


def test_clause_before_without_brackets_is_the_text_after_the_last_clause_end():
    from govreport.analyses import target_fields as F
    from govreport.rules import cues

    def long_way(before):
        parts = cues.CLAUSE_END.split(cues.BRACKET_NOTE.sub("", before))
        return parts[-1] if parts else before

    rng = Random(11)
    alphabet = "，,；;：:。！？!?（）()增长的5%、和\n"
    for _ in range(20000):
        before = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert F.clause_before.__wrapped__(before) == long_way(before), before


def test_width_counts_what_the_wide_ranges_hold_twice():
    from govreport.document import layout

    wide = [(0x1100, 0x115F), (0x2E80, 0x303E), (0x3041, 0xA4CF), (0xAC00, 0xD7A3), (0xF900, 0xFAFF),
            (0xFE30, 0xFE4F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6)]

    def long_way(line):
        return sum(2 if any(a <= ord(ch) <= b for a, b in wide) else 1 for ch in line)

    rng = Random(2)
    edges = [chr(c) for a, b in wide for c in (a - 1, a, b, b + 1)] + list("增长 5.2%，Ａ\t\ud800😀")
    for _ in range(5000):
        line = "".join(rng.choice(edges) for _ in range(rng.randint(0, 10)))
        assert layout.width(line) == long_way(line), repr(line)


@pytest.mark.parametrize("value", [0.0, -0.0, 5, 5.0, -3.5, 4.06, 1e-7, 123456789012345.0, float("inf")])
def test_a_base_value_from_the_unit_s_cached_factor_is_the_one_computed(value):
    from govreport.rules import units

    def long_way(value, unit):
        factor, name = units.split_unit(unit)
        found = units.lexicon().get(name)
        if found:
            factor *= found.factor
            name = found.base_name
        return float(f"{value * factor:.12g}"), name

    for unit in ("", "%", "万亿元", "万千瓦", "成", "亿", "千瓦时", "万人", "no such unit"):
        first, second = units.base_value(value, unit), units.base_value(value, unit)
        computed = long_way(value, unit)
        assert first == second == computed and repr(first[0]) == repr(computed[0]), (value, unit)
    assert repr(units.base_value(-0.0, "%")[0]) == "-0.0" and repr(units.base_value(0.0, "%")[0]) == "0.0"


def test_figures_of_a_line_come_in_order_and_never_overlap():
    """find_figures returns its search's figures as found when no special one (千万元以上, 翻番,
    1/10, 前10) joins them: they must be in order and apart, on every line of real reports."""
    from govreport.rules.numbers import _specials, find_figures

    lines = [line for path in sorted(REPORTS.rglob("*.txt")) for line in
             Document.from_text(path.read_text(encoding="utf-8"), path.name).lines if line]
    plain = 0
    for line in lines:
        found = find_figures(line)
        assert all(a.end <= b.start for a, b in zip(found, found[1:])), line
        plain += bool(found) and not _specials(line, found)
    assert plain > 1000


def test_the_later_span_of_a_line_is_the_one_every_sentence_end_gives():
    """_later_span tries only the sentence ends whose opening holds 年, 五 or 任: the same frame as
    trying every one, on the lines of real reports and on random ones."""
    from govreport.rules import cues
    from govreport.rules import frames as F

    def long_way(line, year):
        found = None
        for match in cues.SENTENCE_END.finditer(line, 0, len(line) - 1):
            opening = line[match.end():match.end() + F.OPENING + 4]
            if F._timeless(opening):
                continue
            opened = F.opening_frame(opening, year)
            if opened is not None and opened.lasting and opened.period == "span":
                found = opened
        return found

    lines = [line for path in sorted(REPORTS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    rng = Random(7)
    pieces = ["。", "！", "？", "过去五年，", "五年来", "2021年以来", "本届政府任期内", "“十四五”时期", "，", "我们", "年",
              "增长5%", "回望过去五年"]
    lines += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    spans = 0
    for line in lines:
        got = F._later_span(line, 2023)
        assert got == long_way(line, 2023), line
        spans += got is not None
    assert spans > 50


def test_starts_that_make_no_figure_are_passed_over_as_the_figure_reader_would():
    """find_figures' pattern finds a lone Chinese digit only before what can follow one in a
    figure, passes over an Arabic number before 年 or 月 and a lone digit that is a word
    (_lone_word), and reads a plain Arabic one itself (_plain_figure): the figures are those of
    the loop that handed every start to the figure reader but lone digits nothing can follow."""
    from govreport.rules import numbers as N

    def long_way(line):
        found, taken, follow = [], 0, N._can_follow()
        while (match := N.START.search(line, taken)) is not None:
            at, lead, taken = match.start(), match.group(0), match.end()
            if len(lead) == 1 and (lead in N.CN_DIGITS or lead in N.CN_SMALL) and line[at + 1:at + 2] not in follow:
                continue
            figure = N._figure_at(line, at, lead)
            if figure is not None:
                found.append(figure)
                taken = max(taken, figure.end)
            elif lead.isdigit() or lead in N.CN_DIGITS or lead in N.CN_SMALL:
                run = N.RUN.match(line, at)
                taken = max(taken, run.end() if run else at + 1)
        found += N._specials(line, found)
        found.sort(key=lambda f: f.start)
        return N._drop_overlaps(found)

    lines = [line for path in sorted(REPORTS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    rng = Random(13)
    alphabet = list("一二两三十百千万亿个分余多几-—至到（含）年月日人元%统进步体半5.,前名位次届第A(") + \
        ["增长", "2022", "，", "。", "分之", "亿元", "万人", "以上", "左右", "全会", "公里", "12", "3.5", "1,050", "批", "项", "吨", "٣"]
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))) for _ in range(40000)]
    plain = 0
    for line in lines:
        assert N.find_figures(line) == long_way(line), line
        plain += sum(N._plain_figure(line, m.start(), m.end(), m.group(0), "") not in (N.ASK, None)
                     for m in re.finditer(r"(?<![\d.,])\d+(?:\.\d+)?(?![\d.,万亿千百十零〇一二两三四五六七八九])", line))
    assert plain > 1000  # the shortcuts are taken, and answer as the general reader
    assert sum(N._lone_word(line, m.start()) for line in lines for m in re.finditer("[一二两三]", line)) > 1000


def test_a_name_is_cut_of_lead_words_once_as_the_rounds_of_both_would_cut_it():
    """clean_name cuts lead words once, then trailing words until a round changes nothing: the
    names of the loop that cut both each round, for every clause before a figure in the reports
    and random ones of the words either cuts. It holds because LEAD_WORDS reads nothing past its
    match (no look ahead, no $): checked here on its parsed form."""
    import re._parser as parser

    from govreport.analyses import target_fields as F
    from govreport.rules import cues
    from govreport.rules.numbers import find_figures

    def long_way(clause):
        text = F.NOTE_MARK.sub("", clause).strip()
        for _ in range(3):
            before = text
            text = cues.TRAIL_WORDS.sub("", cues.LEAD_WORDS.sub("", text))
            if text == before:
                break
        if "、" in text and len(text) > 24:
            text = text.split("、")[-1]
        return text[-24:].strip("、，,；;：: ")

    def reads_ahead(items):
        for op, av in items:
            if str(op) in ("ASSERT", "ASSERT_NOT") or (str(op) == "AT" and str(av) != "AT_BEGINNING"):
                return True
            nested = [av[3]] if str(op) == "SUBPATTERN" else av[1] if str(op) == "BRANCH" else \
                [av[2]] if "REPEAT" in str(op) else []
            if any(reads_ahead(list(part)) for part in nested):
                return True
        return False

    assert not reads_ahead(list(parser.parse(cues.LEAD_WORDS.pattern)))
    clauses = [F.clause_before(line[:fig.start]) for path in sorted(REPORTS.glob("*.txt"))
               for line in path.read_text(encoding="utf-8").splitlines() for fig in find_figures(line)]
    words = re.findall(r"[^\x00-\x7f()?:|+\\\[\]{}^$*]+", cues.LEAD_WORDS.pattern + cues.TRAIL_WORDS.pattern)
    words += ["2022年", "目标", "生产总值", "收入", "，", "的"]
    rng = Random(17)
    clauses += ["".join(rng.choice(words) for _ in range(rng.randint(1, 6))) for _ in range(20000)]
    assert len(clauses) > 20000
    for clause in clauses:
        assert F.clean_name.__wrapped__(clause) == long_way(clause), clause


def test_cues_passed_over_by_the_last_character_change_no_row(monkeypatch):
    """comparators, figure_kind and change_of ask their end-anchored cues only where the text
    before the figure ends in a character one of them can end with (cues.ending_any): every row
    of the reports is the one asking them all would give."""
    from govreport.analyses import target_fields as F
    from govreport.analyses.targets import extract
    from govreport.rules import cues

    docs = _documents()
    fast = [extract(doc) for doc in docs]
    assert "长" not in F.BOUND_ENDS | F.KIND_ENDS  # 增长5%: none asked

    class Every:
        def __contains__(self, char):
            return True

    for name in ("BOUND_ENDS", "KIND_ENDS", "CHANGE_ENDS"):
        monkeypatch.setattr(F, name, Every())
    assert [extract(doc) for doc in docs] == fast and sum(map(len, fast)) > 1000
    with pytest.raises(ValueError):
        cues.ending_any(cues.DECLINE_MARGIN)  # a cue whose last characters are not known


def test_dropped_blanks_looked_ahead_for_are_those_the_pattern_finds_without():
    """DROPPED is looked ahead for the characters its matches start with (DROPPED_FIRST): it
    finds what the pattern without the look ahead finds, on every line of the reports and on
    random text of blanks, invisible characters, hanzi, digits and letters."""
    from govreport.document import normalize as N

    prefix = f"(?={N.DROPPED_FIRST})(?:"
    assert N.DROPPED.pattern.startswith(prefix) and N.DROPPED.pattern.endswith(")")
    plain = re.compile(N.DROPPED.pattern[len(prefix):-1])
    lines = [line for path in sorted(REPORTS.glob("**/*.txt")) for line in path.read_text(encoding="utf-8").split("\n")]
    rng = Random(19)
    alphabet = list(" \t\u3000\u200b\u2028\x0c增长亿元年5.0%‰A") + ["2 0 2 3", "8 %"]
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    for line in lines:
        assert [m.span() for m in N.DROPPED.finditer(line)] == [m.span() for m in plain.finditer(line)], repr(line)
