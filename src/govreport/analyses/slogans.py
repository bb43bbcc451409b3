"""Quoted political phrases: counted, typed by general rules, damaged spans kept apart."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from govreport.datafiles import table
from govreport.document.document import Document
from govreport.document.quotes import Quote
from govreport.rules.identity import identify

TYPES = ("formula", "slogan", "policy", "model", "event", "quote", "garbled")
DEFAULT_TYPES = ("formula", "slogan", "policy", "model", "event")

# "凤泉区要加快推进城市更新,有序打造…": a quoted sentence, not a slogan.
SENTENCE = re.compile(r"[，,。；;！!？?：:]")
MAX_SLOGAN = 20
# "7·21", "9.11事件": a dated event.
EVENT = re.compile(r"^\d{1,2}[·.•・]\d{1,2}|(?:事件|事故)$")
# "1+8+N", "982", "13710": numbered systems.
NUMBERED = re.compile(r"^(?:\d+|[A-Z])(?:\+(?:\d+|[A-Z]))*$")
# "四个意识", "三大改造", "十四五", "双减", "两地三区一枢纽": built on a numeral.
NUMERAL_START = re.compile(r"^[一二两三四五六七八九十双]")
NUMERALS = "一二两三四五六七八九十双"
# "一企一策", "一村一品": a one-X-one-Y motto.
ONE_X_ONE_Y = re.compile(r"^一.一.$")
# "万人助万企", "千企帮千村": a mass campaign; "省级现代农业园区", "全国文明城市": a designation.
CAMPAIGN = re.compile(r"^(?:[百千万]|全国|全省|全市|国家级|省级|市级|县级)")
POLICY_END = re.compile(
    r"(?:办法|方案|政策|计划|行动|工程|条例|规划|纲要|意见|制度|细则|规定|准则|协定|协议|条约|公约|法典|法|"
    r"活动|整顿|专项|试点|年|奖|称号|"
    r"示范[村区县市镇园]|达标[区县市]|先进[县区市单位]|[村县区市]\([^)]*\)|[县区市]（[^）]*）)$")
# What follows a quote: “放管服”改革, “登顶太行”计划, “万人助万企”活动.
POLICY_AFTER = re.compile(r"^(?:活动|行动|计划|工程|改革|政策|称号|荣誉|奖|评选|试点|专项|示范|创建)")
# Unquoted formulas: "要做到四个坚持：", "培育四大工程。" — a numeral, 个/大, a two-hanzi
# concept, then a boundary (punctuation or 的/和/与/及/等), so "四个区第一" and "八个方面工作" stay out.
UNQUOTED_FORMULA = re.compile(
    r"(?<![一二两三四五六七八九十第])(?:[两三四五六七八九十]个|[三四五六七八九十]大)[\u4e00-\u9fff]{2}"
    r"(?=[，。、；：,.;:的和与及等“”（）()！!？?\s]|$)")
# "九个方面", "六大领域": counts of generic things, not formulas.
GENERIC_TAIL = frozenset("方面 领域 部分 环节 区域 地区 城市 阶段 时期 问题 任务 行业 单位 部门 国家 省份 县区 重点 项目 渠道 层面 月份 季度".split())
MODEL_END = re.compile(r"(?:模式|机制|体制|经济)$")
MODEL_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:模式|机制|体制)")
MODEL_BEFORE = re.compile(r"(?:实行|推行|采用|探索|推广)$")


@dataclass(frozen=True)
class SloganRow:
    """One distinct phrase; `file` and `files` only with several inputs, `meaning` with --explain."""

    file: str | None
    phrase: str
    type: str
    quoted: int
    mentions: int
    first_line: int
    files: int | None = None
    meaning: str | None = None
    first_year: int | None = None


@dataclass
class PhraseStats:
    """One document's view of a phrase (the unit a process pool returns)."""

    phrase: str
    type: str
    quoted: int
    mentions: int
    first_line: int  # in the input
    first_col: int
    lines: tuple[int, ...] = ()
    own: str = ""  # the phrase as the report writes it (％, full-width letters), for display
    year: int | None = None  # the report's year, for the first year a formula appears in a corpus


@cache
def glossary() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2] if len(row) > 2 else "") for row in table("formulas.tsv")}


def classify(phrase: str, after: Sequence[str] = (), before: Sequence[str] = ()) -> str:
    """Type of a clean quoted phrase from its shape and the words around it.

    >>> [classify(p) for p in ["四个意识", "1+8+N", "管委会+公司", "7·21", "项目为王", "产业链链长制工作方案"]]
    ['formula', 'formula', 'model', 'event', 'slogan', 'policy']
    """
    if phrase in glossary():
        return glossary()[phrase][0]
    if len(phrase) == 1:
        return "quote"  # “1”以…为统领, “好”: a symbol or a word cited, not a phrase of its own
    if SENTENCE.search(phrase) or len(phrase) > MAX_SLOGAN:
        return "quote"
    if EVENT.search(phrase):
        return "event"
    if NUMBERED.match(phrase):
        return "formula"
    if "+" in phrase:
        return "model"
    if NUMERAL_START.match(phrase) and not ONE_X_ONE_Y.match(phrase) and len(phrase) <= 8 and "、" not in phrase:
        if phrase[0] != "一" or any(ch in NUMERALS for ch in phrase[1:]):
            return "formula"
    if CAMPAIGN.match(phrase) or POLICY_END.search(phrase) or any(POLICY_AFTER.match(a) for a in after):
        return "policy"
    if MODEL_END.search(phrase) or any(MODEL_AFTER.match(a) for a in after) \
            or any(MODEL_BEFORE.search(b) for b in before):
        return "model"
    return "slogan"


def phrase_stats(doc: Document) -> list[PhraseStats]:
    """Every distinct quoted phrase of one document, garbled ones included, in order of first use."""
    groups: dict[tuple[str, bool], list[Quote]] = {}
    for quote in doc.quotes:
        if quote.text.strip():  # “ ” holds nothing to count
            groups.setdefault((quote.text, quote.garbled), []).append(quote)
    stats = []
    for (phrase, garbled), quotes in groups.items():
        first = quotes[0]
        if garbled:
            kind, mentions = "garbled", len(quotes)
        else:
            after = [doc.lines[q.line - 1][q.end + 1:q.end + 9] for q in quotes]
            before = [doc.lines[q.line - 1][max(0, q.start - 4):q.start - 1] for q in quotes]
            kind, mentions = classify(phrase, after, before), doc.text.count(phrase)
        first_line, first_col, own = doc.span(first.line, first.start, first.end)
        stats.append(PhraseStats(phrase, kind, len(quotes), max(mentions, len(quotes)), first_line, first_col,
                                 tuple(doc.locate(q.line, q.start)[0] for q in quotes), own))
    return stats


def unquoted_formulas(doc: Document) -> list[PhraseStats]:
    """Formulas a document uses without quotes: glossary entries and the numeral pattern."""
    quoted = {q.text for q in doc.quotes}
    found: dict[str, list[tuple[int, int]]] = {}
    glossary_pattern = _glossary_pattern()
    for number, line in enumerate(doc.lines, 1):
        for pattern in (glossary_pattern, UNQUOTED_FORMULA):
            for match in pattern.finditer(line):
                phrase = match.group(0)
                if pattern is UNQUOTED_FORMULA and phrase[2:] in GENERIC_TAIL:
                    continue
                if phrase in quoted or doc.in_quotes(number, match.start()):
                    continue
                found.setdefault(phrase, []).append((number, match.start()))
    stats = []
    for phrase, places in found.items():
        (number, col), lines = places[0], tuple(doc.locate(n, c)[0] for n, c in places)
        first_line, first_col, own = doc.span(number, col, col + len(phrase))
        stats.append(PhraseStats(phrase, glossary().get(phrase, ("formula",))[0], 0, len(places), first_line,
                                 first_col, lines, own))
    return stats


@cache
def _glossary_pattern() -> re.Pattern:
    """Glossary formulas of three or more characters (two, like 两山, are too ambiguous unquoted)."""
    phrases = [p for p, (kind, _) in glossary().items() if kind == "formula" and len(p) >= 3]
    return re.compile("|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)))


def merge(parts: Iterable[tuple[str, list[PhraseStats]]], *, types: Sequence[str] = DEFAULT_TYPES,
          min_count: int = 1, explain: bool = False, several: bool = False) -> list[SloganRow]:
    """One row per phrase over all documents, most quoted first, then by first appearance (one pass)."""
    rows: dict[tuple[str, str], dict] = {}
    for order, (name, stats) in enumerate(parts):
        for s in stats:
            row = rows.setdefault((s.phrase, s.type), {"file": name, "phrase": s.own or s.phrase, "type": s.type,
                                                        "quoted": 0, "mentions": 0, "first_line": s.first_line,
                                                        "files": 0, "_at": (order, s.first_line, s.first_col)})
            row["quoted"] += s.quoted
            row["mentions"] += s.mentions
            row["files"] += 1
            if s.year is not None and (row.get("first_year") is None or s.year < row["first_year"]):
                row["first_year"] = s.year
    kept = [(key, r) for key, r in rows.items() if r["type"] in types and r["quoted"] >= min_count]
    kept.sort(key=lambda item: (-item[1]["quoted"], item[1]["_at"]))
    return [SloganRow(file=r["file"] if several else None, phrase=r["phrase"], type=r["type"], quoted=r["quoted"],
                      mentions=r["mentions"], first_line=r["first_line"], files=r["files"] if several else None,
                      meaning=glossary().get(key[0], (None, None))[1] if explain else None,
                      first_year=r.get("first_year") if explain else None)
            for key, r in kept]


def damaged_quotes(stats: Sequence[PhraseStats]) -> list[int]:
    """Line of every damaged quoted span, one entry a span."""
    return sorted(line for s in stats if s.type == "garbled" for line in s.lines)


def slogan_stats(doc: Document, unquoted: bool = False) -> list[PhraseStats]:
    """Quoted phrases of one document, and with `unquoted` the formulas written without quotes."""
    stats = phrase_stats(doc) + (unquoted_formulas(doc) if unquoted else [])
    year = identify(doc).year
    return [replace(s, year=year) for s in stats] if year is not None else stats
