"""Quoted political phrases: counted, typed by general rules, damaged spans kept apart."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from govreport.datafiles import lines, table
from govreport.document.document import Document
from govreport.document.quotes import Quote
from govreport.rules.identity import identify

TYPES = ("formula", "slogan", "policy", "model", "event", "name", "title", "word", "quote", "garbled")
DEFAULT_TYPES = ("formula", "slogan", "policy", "model", "event")
# name: a ship, spacecraft, typhoon, machine, variety or film ("嫦娥六号", “梦想”号, 台风“杜苏芮”);
# title: a title in 《》 (a law, treaty, plan, book or film); word: an everyday word in scare quotes
# (更有“质量”、更有“温度”). None of them is a slogan a journalist would quote: hidden unless asked for.
NAME_END = re.compile(r"号$")
NAME_AFTER = re.compile(r"^(?:号|轮|舰|艇|卫星|飞船|探测器|列车|动车组|盾构机|牌(?!子))")
NAME_BEFORE = re.compile(r"(?:台风|热带风暴|盾构机|掘进机|品种|电影|影片|动画片|纪录片|电视剧|舞剧|歌剧|话剧|"
                         r"吉祥物|机器人|大模型|卫星|飞船|舰|号称)$")

# "凤泉区要加快推进城市更新,有序打造…": a quoted sentence, not a slogan.
SENTENCE = re.compile(r"[，,。；;！!？?：:]")
MAX_SLOGAN = 20
# "7·21", "9.11事件": a dated event.
EVENT = re.compile(r"^\d{1,2}[·.•・]\d{1,2}|(?:事件|事故)$")
# "1+8+N", "982", "13710": numbered systems.
NUMBERED = re.compile(r"^(?:\d+|[A-Z])(?:\+(?:\d+|[A-Z]))*(?:条|项|招|款)?$")
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
# Unquoted formulas: "要做到四个坚持：", "培育四大工程。", "十大专项行动", "三条控制线" — a numeral, 个
# and a two-hanzi concept, 大 and two to four, 项/条 and two or three, then a boundary (punctuation
# or 的/和/与/及/等), so "四个区第一" and "八个方面工作" stay out.
UNQUOTED_FORMULA = re.compile(
    r"(?<![一二两三四五六七八九十第])(?:(?:[两三四五六七八九十]个)(?P<tail>[\u4e00-\u9fff]{2})"
    r"|(?:[三四五六七八九十]大)(?P<big>[\u4e00-\u9fff]{2,4}?)"
    r"|(?:十?[两三四五六七八九][项条]|十[项条])(?P<items>[\u4e00-\u9fff]{2,3}?))"
    r"(?=[，。、；：,.;:的和与及等“”（）()！!？?\s]|$)")
# "九个方面", "六大领域": counts of generic things, not formulas.
GENERIC_TAIL = frozenset("方面 领域 部分 环节 区域 地区 城市 阶段 时期 问题 任务 行业 单位 部门 国家 省份 县区 重点 项目 渠道 层面 月份 季度".split())
MODEL_END = re.compile(r"(?:模式|机制|体制|经济|经验)$")
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
    region: str | None = None  # the report's region and province: a local formula's meaning is theirs alone
    province: str | None = None


@cache
def glossary() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2] if len(row) > 2 else "") for row in table("formulas.tsv")}


@cache
def glossary_region() -> dict[str, str]:
    """The region a local formula belongs to (八大行动: 湖南): its meaning is that region's alone."""
    return {row[0]: row[3] for row in table("formulas.tsv") if len(row) > 3 and row[3]}


def meaning_for(phrase: str, region: str | None = None, province: str | None = None) -> str | None:
    """The glossary meaning, unless the formula is another region's (a county of Hebei is not told
    Hunan's 八大行动)."""
    meaning = glossary().get(phrase, (None, None))[1]
    where = glossary_region().get(phrase)
    if meaning and where and not any(where in (place or "") for place in (region, province)):
        return None
    return meaning


@cache
def _everyday_words() -> frozenset[str]:
    return frozenset(lines("common_words.txt"))


@cache
def _numeral_idioms() -> frozenset[str]:
    return frozenset(lines("numeral_idioms.txt"))


@cache
def _numeral_places() -> frozenset[str]:
    """Place names that begin with a numeral (四川, 三亚, 十堰, 六盘水, 七台河): no formula."""
    from govreport.rules.gazetteer import regions

    out = set()
    for region in regions():
        name = region.name
        if name[0] in NUMERALS:
            out.add(name)
            for suffix in ("省", "市", "县", "区", "自治州", "地区", "盟", "旗"):
                if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                    out.add(name[: -len(suffix)])
    return frozenset(out)


def _starts_with_place(phrase: str) -> bool:
    places = _numeral_places()
    return any(phrase[:n] in places for n in range(2, min(len(phrase), 6) + 1))


def classify(phrase: str, after: Sequence[str] = (), before: Sequence[str] = (), *, titled: bool = False) -> str:
    """Type of a clean quoted phrase from its shape and the words around it.

    >>> [classify(p) for p in ["四个意识", "1+8+N", "管委会+公司", "7·21", "项目为王", "产业链链长制工作方案"]]
    ['formula', 'formula', 'model', 'event', 'slogan', 'policy']
    >>> [classify(p) for p in ["嫦娥六号", "质量", "四川省科创通", "四两拨千斤"]], classify("巴黎协定", titled=True)
    (['name', 'word', 'slogan', 'slogan'], 'title')
    """
    if titled:
        return "title"
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
    if NAME_END.search(phrase) or any(NAME_AFTER.match(a) for a in after) \
            or any(NAME_BEFORE.search(b) for b in before):
        return "name"
    if len(phrase) == 2 and phrase in _everyday_words():
        return "word"
    if NUMERAL_START.match(phrase) and not ONE_X_ONE_Y.match(phrase) and len(phrase) <= 8 and "、" not in phrase \
            and phrase not in _numeral_idioms() and not _starts_with_place(phrase):
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
    distinct = {phrase for phrase, garbled in groups if not garbled}
    longer = {p: tuple(q for q in distinct if p in q and p != q) for p in distinct}
    stats = []
    for (phrase, garbled), quotes in groups.items():
        first = quotes[0]
        if garbled:
            kind, mentions = "garbled", len(quotes)
        else:
            after = [doc.lines[q.line - 1][q.end + 1:q.end + 9] for q in quotes]
            before = [doc.lines[q.line - 1][max(0, q.start - 6):q.start - 1] for q in quotes]
            titled = all(q.start > 0 and doc.lines[q.line - 1][q.start - 1] == "《" for q in quotes)
            kind = classify(phrase, after, before, titled=titled)
            mentions = count_mentions(doc.text, phrase, longer.get(phrase, ()),
                                      follow="".join({a[:1] for a in after}) if phrase.isdigit() else None)
        first_line, first_col, own = doc.span(first.line, first.start, first.end)
        stats.append(PhraseStats(phrase, kind, len(quotes), max(mentions, len(quotes)), first_line, first_col,
                                 tuple(doc.locate(q.line, q.start)[0] for q in quotes), own))
    return stats


def count_mentions(text: str, phrase: str, longer: Sequence[str] = (), follow: str | None = None) -> int:
    """Times the phrase stands in the text on its own: not inside a longer quoted phrase of the
    report (揭榜挂帅 in 双向揭榜挂帅, 互联网+ in 互联网+政务服务), and a number not inside a longer
    number or code (“21”条 is not in 1833亿元, 国道318 or 2018).

    >>> count_mentions("稳增长“21”条，投资1833亿元，2018年，21条措施", "21")
    2

    A bare number (“21”条) is the formula only before what follows its quotes: 21个 is a count.

    >>> count_mentions("稳增长“21”条，21个先行区，21条措施", "21", follow="条")
    2
    """
    covered = [(m.start(), m.end()) for other in longer for m in re.finditer(re.escape(other), text)]
    edge_start = r"(?<![A-Za-z0-9.])" if phrase[:1].isascii() and phrase[:1].isalnum() else ""
    edge_end = r"(?![A-Za-z0-9]|\.\d)" if phrase[-1:].isascii() and phrase[-1:].isalnum() else ""
    after = rf"(?=[”’」』\"]?[{re.escape(follow)}])" if follow else ""
    pattern = re.compile(edge_start + re.escape(phrase) + edge_end + after)
    return sum(1 for m in pattern.finditer(text) if not any(s <= m.start() and m.end() <= e for s, e in covered))


def unquoted_formulas(doc: Document) -> list[PhraseStats]:
    """Formulas a document uses without quotes: glossary entries and the numeral pattern."""
    quoted = {q.text for q in doc.quotes}
    found: dict[str, list[tuple[int, int]]] = {}
    glossary_pattern = _glossary_pattern()
    for number, line in enumerate(doc.lines, 1):
        taken: list[tuple[int, int]] = []
        for pattern in (glossary_pattern, UNQUOTED_FORMULA):
            for match in pattern.finditer(line):
                phrase = match.group(0)
                if pattern is UNQUOTED_FORMULA:
                    tail = match.group("tail") or match.group("big") or match.group("items")
                    if tail[:2] in GENERIC_TAIL or any(s < match.end() and match.start() < e for s, e in taken):
                        continue  # 九个方面; 八项规定 inside the glossary's 中央八项规定
                else:
                    taken.append(match.span())
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
                                                        "files": 0, "_at": (order, s.first_line, s.first_col),
                                                        "_where": (s.region, s.province)})
            row["quoted"] += s.quoted
            row["mentions"] += s.mentions
            row["files"] += 1
            if s.year is not None and (row.get("first_year") is None or s.year < row["first_year"]):
                row["first_year"] = s.year
    kept = [(key, r) for key, r in rows.items() if r["type"] in types and r["quoted"] >= min_count]
    kept.sort(key=lambda item: (-item[1]["quoted"], item[1]["_at"]))
    return [SloganRow(file=r["file"] if several else None, phrase=r["phrase"], type=r["type"], quoted=r["quoted"],
                      mentions=r["mentions"], first_line=r["first_line"], files=r["files"] if several else None,
                      meaning=meaning_for(key[0], *r["_where"]) if explain else None,
                      first_year=r.get("first_year") if explain else None)
            for key, r in kept]


def damaged_quotes(stats: Sequence[PhraseStats]) -> list[int]:
    """Line of every damaged quoted span, one entry a span."""
    return sorted(line for s in stats if s.type == "garbled" for line in s.lines)


def slogan_stats(doc: Document, unquoted: bool = False) -> list[PhraseStats]:
    """Quoted phrases of one document, and with `unquoted` the formulas written without quotes."""
    stats = phrase_stats(doc) + (unquoted_formulas(doc) if unquoted else [])
    who = identify(doc)
    return [replace(s, year=who.year, region=who.region, province=who.province) for s in stats]
