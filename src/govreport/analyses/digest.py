"""A digest: what one report, or a set of them, says at a glance. One pass over each document
(DigestFacts, cached like every command's results); the page is then put together from the other
analyses — panel, diff, trend, keyness, the glossary — for output/digest.py to draw."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from govreport.analyses.diff import DiffFacts, DiffRow, diff
from govreport.analyses.doctor import DamageRow, diagnose
from govreport.analyses.info import InfoRow
from govreport.analyses.keyness import keyness, totals
from govreport.analyses.keywords import KeywordRow, WordCounts, default_task, rank
from govreport.analyses.outline import OutlineRow, outline_rows
from govreport.analyses.panel import PanelFacts, PanelRow, build_panel
from govreport.analyses.report import panel_of, report_facts
from govreport.analyses.slogans import PhraseStats, SloganRow, merge, slogan_stats
from govreport.analyses.trend import TrendFacts, TrendRow, trend
from govreport.rules.codebook import by_code, position

ENCODING_DAMAGE = ("mojibake", "lost")  # the rest of a damage report is layout repair, counted only
KEYWORDS = 15
FORMULAS = 40
LINE_CHARTS = 24  # indicator-over-years charts on one page; the rest are named in a note
BAR_CHARTS = 8  # indicator-across-regions charts
MIN_YEARS = 3  # an indicator needs figures for this many years to be drawn as a line
MIN_REGIONS = 3  # ... and targets in this many regions to be drawn across regions
AUTO_TERMS = 3  # words rising and words falling, when the user names no terms
MIN_TERM_COUNT = 8


@dataclass(frozen=True)
class DigestFacts:
    """Everything a digest needs from one document."""

    info: InfoRow
    outline: tuple[OutlineRow, ...]
    panel: PanelFacts
    phrases: tuple[PhraseStats, ...]
    words: WordCounts
    terms: dict[str, int]  # exact occurrences of the terms the user asked to follow
    damage: tuple[DamageRow, ...]  # encoding damage, line by line
    repairs: dict[str, int]  # layout repairs by kind (split line, stray space, invisible character)


@dataclass(frozen=True)
class DigestExtras:
    """What only a digest reads of a document (the rest it shares with targets, keywords, slogans)."""

    terms: dict[str, int]
    damage: tuple[DamageRow, ...]
    repairs: dict[str, int]


def digest_extras(doc, terms: tuple[str, ...] = ()) -> DigestExtras:
    damage = diagnose(doc)
    return DigestExtras(terms={term: doc.text.count(term) for term in terms},
                        damage=tuple(d for d in damage if d.kind in ENCODING_DAMAGE),
                        repairs=dict(Counter(d.kind for d in damage if d.kind not in ENCODING_DAMAGE)))


OUTLINE_LEVEL = 2


def digest_from(facts, words: WordCounts, phrases: Sequence[PhraseStats], outline: Sequence[OutlineRow],
                extras: DigestExtras) -> DigestFacts:
    """A document's DigestFacts from the analyses it shares: the report facts of targets and info,
    the word counts of keywords, the phrases of slogans, the outline, and its own extras."""
    return DigestFacts(info=facts.info, outline=tuple(outline), panel=panel_of(facts), phrases=tuple(phrases),
                       words=words, terms=extras.terms, damage=extras.damage, repairs=extras.repairs)


def digest_facts(doc, terms: tuple[str, ...] = (), backend: str = "jieba") -> DigestFacts:
    return digest_from(report_facts(doc), default_task(backend)(doc), slogan_stats(doc),
                       outline_rows(doc, max_level=OUTLINE_LEVEL), digest_extras(doc, terms))


@dataclass(frozen=True)
class YearPair:
    """This year's target beside last year's result, for one indicator of one report."""

    code: str
    indicator: str
    change: str
    unit: str
    result_text: str | None  # as the report writes it
    result_at: str | None  # path:line
    target_text: str | None
    target_at: str | None


@dataclass(frozen=True)
class Chart:
    """A chart as data: the renderer chooses how it looks, never what it says. Values in base units."""

    kind: str  # line (x: years), bars (x: regions), words (x: words, one series)
    title: str
    unit: str
    x_labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]


@dataclass
class Digest:
    reports: list[InfoRow]
    outline: list[OutlineRow] = field(default_factory=list)
    pairs: list[YearPair] = field(default_factory=list)
    keywords: list[KeywordRow] = field(default_factory=list)
    formulas: list[SloganRow] = field(default_factory=list)
    damage: list[DamageRow] = field(default_factory=list)
    repairs: dict[str, int] = field(default_factory=dict)
    panel: list[PanelRow] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    trend: list[TrendRow] = field(default_factory=list)
    diff: list[DiffRow] = field(default_factory=list)
    diff_sides: tuple[InfoRow, InfoRow] | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def single(self) -> bool:
        return len(self.reports) == 1


def assemble(facts: Sequence[DigestFacts], terms: Sequence[str] = ()) -> Digest:
    """The digest of one report (its own page) or of several (panel, trends, the latest diff)."""
    facts = sorted(facts, key=lambda f: (f.info.year or 0, f.info.region or "", f.info.file))
    page = Digest(reports=[f.info for f in facts])
    page.formulas = merge(((f.info.file, list(f.phrases)) for f in facts), types=("formula",), explain=True,
                          several=len(facts) > 1)[:FORMULAS]
    page.damage = [d for f in facts for d in f.damage]
    for f in facts:
        for kind, n in f.repairs.items():
            page.repairs[kind] = page.repairs.get(kind, 0) + n
    if len(facts) == 1:
        _one(page, facts[0])
    elif facts:
        _several(page, facts, terms)
    return page


def _one(page: Digest, facts: DigestFacts) -> None:
    page.outline = list(facts.outline)
    page.pairs = year_pairs(facts.panel)
    page.keywords = rank([facts.words], method="keyness", top=KEYWORDS, min_count=2)
    if facts.info.year is None:
        page.notes.append("没有找到报告年份：无法把今年目标与去年结果对照")


def year_pairs(panel: PanelFacts) -> list[YearPair]:
    """Targets for the report's year beside the results it states for the year before, by indicator;
    the codebook's indicators first, in its order."""
    if panel.year is None:
        return []
    rows = build_panel([panel])
    targets = {_key(r): r for r in rows if r.year == panel.year and r.target_text is not None}
    results = {_key(r): r for r in rows if r.year == panel.year - 1 and r.actual_text is not None
               and (r.code or _key(r) in targets)}  # a result of its own is shown only for a coded indicator
    order = position()
    keys = sorted(set(targets) | set(results), key=lambda k: (k not in targets, order.get(k[0], len(order)), k))
    pairs = []
    for key in keys:
        target, result = targets.get(key), results.get(key)
        some = target or result
        pairs.append(YearPair(
            some.code, some.indicator, some.change, some.unit,
            result.actual_text if result else None, result.actual_file if result else None,
            target.target_text if target else None, target.target_file if target else None))
    return pairs


def _key(row: PanelRow) -> tuple[str, str, str]:
    return (row.code or row.indicator, row.change, row.unit)


def _several(page: Digest, facts: Sequence[DigestFacts], terms: Sequence[str]) -> None:
    page.panel = build_panel(f.panel for f in facts)
    page.charts = _line_charts(page.panel, page.notes) + _bar_charts(page.panel)
    _trends(page, facts, terms)
    _latest_diff(page, facts)


def _line_charts(panel: list[PanelRow], notes: list[str]) -> list[Chart]:
    """One chart per region and coded indicator seen over MIN_YEARS years: target band and actual."""
    series: dict[tuple, list[PanelRow]] = defaultdict(list)
    for row in panel:
        if row.code and (row.target_low is not None or row.actual is not None):
            series[(row.region_code or row.region, row.code, row.change, row.unit)].append(row)
    order = position()
    drawn = [(key, rows) for key, rows in series.items() if len({r.year for r in rows}) >= MIN_YEARS]
    drawn.sort(key=lambda item: (-sum(r.target_low is not None and r.actual is not None for r in item[1]),
                                 order[item[0][1]], str(item[0][0])))
    if len(drawn) > LINE_CHARTS:
        notes.append(f"另有 {len(drawn) - LINE_CHARTS} 个指标有{MIN_YEARS}年以上的数字，未画图；面板数据表列出全部")
    chosen = sorted(drawn[:LINE_CHARTS], key=lambda item: (str(item[0][0] or ""), order[item[0][1]]))
    charts = []
    for (_, code, change, unit), rows in chosen:
        region = rows[0].region
        years = list(range(min(r.year for r in rows), max(r.year for r in rows) + 1))
        at = {r.year: r for r in rows}
        points = [at.get(y) for y in years]
        title = f"{region or ''} {by_code()[code].name_zh}（{_change_zh(change)}）".strip()
        charts.append(Chart("line", title, unit, tuple(str(y) for y in years),
                            (*_band(points, ""), ("实际", tuple(p.actual if p else None for p in points)))))
    return charts


def _bar_charts(panel: list[PanelRow]) -> list[Chart]:
    """Per coded indicator set by MIN_REGIONS regions in one year: each region's target beside its last result."""
    by_indicator: dict[tuple, dict[str, dict[int, PanelRow]]] = defaultdict(lambda: defaultdict(dict))
    for row in panel:
        if row.code and row.region_code:  # one bar per region code (a region with no code is no bar)
            by_indicator[(row.code, row.change, row.unit)][row.region][row.year] = row
    charts = []
    for (code, change, unit), regions in by_indicator.items():
        years = [y for y in {y for r in regions.values() for y in r}
                 if sum(y in r and r[y].target_low is not None for r in regions.values()) >= MIN_REGIONS]
        if not years:
            continue
        year = max(years)
        names = sorted(r for r in regions if year in regions[r] and regions[r][year].target_low is not None)
        results = [regions[r].get(year - 1) for r in names]
        lines = (*_band([regions[r][year] for r in names], f"{year}年"),
                 (f"{year - 1}年实际", tuple(r.actual if r else None for r in results)))
        title = f"{by_code()[code].name_zh}（{_change_zh(change)}）：{year}年目标与{year - 1}年实际，{len(names)}个地区"
        charts.append(((-len(names), position()[code]), Chart("bars", title, unit, tuple(names), lines)))
    charts.sort(key=lambda item: item[0])
    return [chart for _, chart in charts[:BAR_CHARTS]]


def _band(rows: Sequence[PanelRow | None], prefix: str) -> list[tuple[str, tuple[float | None, ...]]]:
    """A target as one series, or a range as its low and high series (a point target is both ends)."""
    low = tuple(r.target_low if r else None for r in rows)
    high = tuple((r.target_high if r.target_high is not None else r.target_low) if r else None for r in rows)
    return [(f"{prefix}目标", low)] if low == high else [(f"{prefix}目标下限", low), (f"{prefix}目标上限", high)]


CHANGE_ZH = {"growth": "增长", "decline": "下降", "level": "总量", "increment": "新增", "count": "数量",
             "share": "比例"}


def _change_zh(change: str) -> str:
    return CHANGE_ZH.get(change, change)


def _trends(page: Digest, facts: Sequence[DigestFacts], terms: Sequence[str]) -> None:
    years = sorted({f.info.year for f in facts if f.info.year is not None})
    if len(years) < 2:
        page.notes.append("所有报告同属一年：没有词语趋势")
        return
    chosen = list(terms) or rising_and_falling(facts, years)
    reports = [TrendFacts(f.info.file, f.info.region, f.info.region_code, f.info.year,
                          {t: f.words.counts.get(t, 0) for t in chosen}, f.words.tokens,
                          {t: f.terms.get(t, f.words.counts.get(t, 0)) for t in chosen})
               for f in facts]
    page.trend = [r for r in trend(reports, chosen) if r.year is not None]


def rising_and_falling(facts: Sequence[DigestFacts], years: Sequence[int]) -> list[str]:
    """The words the later half of the years uses most more than the earlier half, and the reverse."""
    middle = years[len(years) // 2]
    dated = [f for f in facts if f.info.year is not None]
    (late, late_total), (early, early_total) = (totals(f.words for f in dated if (f.info.year >= middle) == later)
                                                for later in (True, False))
    rows = keyness(late, early, late_total, early_total, top=AUTO_TERMS, min_count=MIN_TERM_COUNT)
    return [r.word for r in rows]


def _latest_diff(page: Digest, facts: Sequence[DigestFacts]) -> None:
    """The diff of the latest two reports of the region with the most reports (on a tie, the latest)."""
    by_region: dict[str, list[DigestFacts]] = defaultdict(list)
    for f in facts:
        if f.info.region_code and f.info.year is not None:
            by_region[f.info.region_code].append(f)
    candidates = [(len({f.info.year for f in fs}), max(f.info.year for f in fs), region, fs)
                  for region, fs in by_region.items() if len({f.info.year for f in fs}) >= 2]
    if not candidates:
        page.notes.append("没有哪个地区有两个年份的报告：没有前后对比")
        return
    *_, region, reports = max(candidates, key=lambda c: (c[0], c[1], c[2]))
    reports = sorted(reports, key=lambda f: f.info.year)
    older, newer = reports[-2], reports[-1]
    page.diff_sides = (older.info, newer.info)
    page.diff = diff([_diff_facts(older)], [_diff_facts(newer)], top=10)


def _diff_facts(f: DigestFacts) -> DiffFacts:
    return DiffFacts(f.info.file, f.info.region, f.info.region_code, f.info.year, f.panel.rows,
                     f.phrases, f.words)


def keyword_chart(rows: Sequence[KeywordRow]) -> Chart:
    """The distinctive words as bars of their G2 against the profile."""
    return Chart("words", "与政府工作报告常用词相比最突出的词（对数似然 G²）", "G²", tuple(r.word for r in rows),
                 (("G²", tuple(r.score for r in rows)),))


def trend_chart(rows: Sequence[TrendRow]) -> Chart:
    """One line per term over the report years, per 10,000 tokens."""
    years = sorted({r.year for r in rows})
    rate = {(r.term, r.year): r.per_10k for r in rows}
    terms = list(dict.fromkeys(r.term for r in rows))
    return Chart("line", "每万词出现次数，按报告年份", "每万词", tuple(str(y) for y in years),
                 tuple((t, tuple(rate.get((t, y)) for y in years)) for t in terms))
