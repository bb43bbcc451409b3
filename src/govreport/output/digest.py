"""The digest as one self-contained HTML page: CSS inline, charts as inline SVG, no script, nothing
fetched, so it opens from a file anywhere and can be mailed.

Charts are drawn by pygal: pure Python, SVG only, and it writes labels as SVG <text>, so the
browser's own Chinese fonts render them (matplotlib would need a CJK font file on the machine
that draws). Its interactive script is left out; each point keeps its value as a <title>, which
browsers show on hover without any script.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape

from govreport.analyses.digest import (
    CHANGE_ZH,
    Chart,
    Digest,
    keyword_chart,
    trend_chart,
)
from govreport.analyses.keywords import profile

FONTS = ('"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "PingFang SC", "Hiragino Sans GB", '
         '"Microsoft YaHei", sans-serif')
TARGET, UPPER, ACTUAL = "#1f5fa8", "#8fb6e3", "#c0392b"  # a target blue (its upper bound light), a result red
COLORS = ("#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#7f8c8d", "#b7950b", "#17a589")
SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
STATUS_ZH = {"raised": "提高", "lowered": "降低", "unchanged": "不变", "changed": "改变", "new": "新增",
             "dropped": "取消", "kept": "保留", "rising": "上升", "falling": "下降"}

CSS = """
body{font-family:%s;margin:2em auto;max-width:1100px;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.6em;margin-bottom:.2em} h2{font-size:1.25em;border-bottom:2px solid #1f5fa8;padding-bottom:.2em;margin-top:2em}
h2 small,h3 small{color:#777;font-weight:normal} table{border-collapse:collapse;margin:.5em 0;font-size:.92em}
th,td{border:1px solid #ddd;padding:.25em .5em;vertical-align:top;text-align:left} th{background:#f3f6fa}
td.num{text-align:right;font-variant-numeric:tabular-nums} .at{color:#777;font-size:.85em;white-space:nowrap}
figure{margin:1em 0;display:inline-block;width:48%%;min-width:360px;vertical-align:top}
figure.wide{width:100%%} figcaption{font-weight:bold;font-size:.95em} svg{width:100%%;height:auto}
.note{color:#8a5a00} dl{display:grid;grid-template-columns:max-content auto;gap:.1em 1em} dt{color:#777}
ol.outline{list-style:none;padding-left:0} ol.outline ol{list-style:none;padding-left:1.5em;color:#444}
.raised{color:#2e7d32} .lowered{color:#c0392b} .new{color:#1f5fa8} .dropped{color:#7f8c8d}
footer{margin-top:3em;color:#999;font-size:.85em}
""" % FONTS


def page(digest: Digest, *, version: str) -> str:
    """The whole page: one report's own digest, or the several-report digest."""
    title = _title(digest)
    parts = [f"<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
             f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{escape(title)}</h1>\n"]
    charts = _Charts()
    if digest.single:
        parts += [_info(digest), _outline(digest), _pairs(digest), _keywords(digest, charts)]
    else:
        parts += [_reports(digest), _panel(digest, charts), _trend(digest, charts), _diff(digest)]
    parts += [_formulas(digest), _damage(digest), _notes(digest)]
    parts.append(f"<footer>govreport {escape(version)} · 图表由 pygal 绘制 · "
                 "每个数字都注明出处（文件:行），可用 <code>govreport text</code> 查看原文</footer>\n</body>\n</html>\n")
    return "".join(parts)


def _title(digest: Digest) -> str:
    if digest.single:
        info = digest.reports[0]
        if info.title and len(info.title) > len("政府工作报告"):
            return info.title
        named = f"{info.region or ''}{str(info.year) + '年' if info.year else ''}政府工作报告"
        return named if info.region or info.year else info.file
    years = sorted({r.year for r in digest.reports if r.year is not None})
    span = f"{years[0]}–{years[-1]}年" if len(years) > 1 else (f"{years[0]}年" if years else "")
    return f"{len(digest.reports)}份政府工作报告{('（' + span + '）') if span else ''}摘要"


def _section(title: str, english: str, body: str, ident: str = "") -> str:
    anchor = f' id="{ident}"' if ident else ""
    return f"<section{anchor}>\n<h2>{escape(title)} <small>{escape(english)}</small></h2>\n{body}</section>\n"


def _table(header: Sequence[str], rows: Iterable[Sequence], *, ident: str = "", numeric: Sequence[int] = (),
           classes: Sequence[str | None] | None = None) -> str:
    anchor = f' id="{ident}"' if ident else ""
    out = [f"<table{anchor}>\n<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in header) + "</tr></thead>\n<tbody>\n"]
    for i, row in enumerate(rows):
        css = f' class="{classes[i]}"' if classes and classes[i] else ""
        cells = []
        for j, value in enumerate(row):
            text = "" if value is None else escape(_plain(value))
            kind = ' class="num"' if j in numeric else (' class="at"' if header[j] == "出处" else "")
            cells.append(f"<td{kind}>{text}</td>")
        out.append(f"<tr{css}>" + "".join(cells) + "</tr>\n")
    out.append("</tbody>\n</table>\n")
    return "".join(out)


def _plain(value) -> str:
    if isinstance(value, float):
        return f"{value:,.4f}".rstrip("0").rstrip(".") if abs(value) < 1e15 else f"{value:g}"
    return str(value)


def _info(digest: Digest) -> str:
    info = digest.reports[0]
    items = [("文件", info.file), ("地区", info.region), ("层级", info.level), ("年份", info.year), ("日期", info.date),
             ("会议", info.meeting), ("报告人", info.speaker), ("字数", info.characters), ("句数", info.sentences),
             ("数字", info.figures), ("目标", info.targets), ("损伤", info.damaged)]
    body = "<dl>\n" + "".join(f"<dt>{escape(k)}</dt><dd>{escape(_plain(v))}</dd>\n" for k, v in items
                              if v is not None) + "</dl>\n"
    return _section("报告信息", "Report", body, "info")


def _outline(digest: Digest) -> str:
    if not digest.outline:
        return _section("提纲", "Outline", "<p class=\"note\">没有识别到标题。</p>\n", "outline")
    out, open_sub = ["<ol class=\"outline\">\n"], False
    for row in digest.outline:
        text = f"{escape(row.heading)} <span class=\"at\">行 {row.line}</span>"
        if row.level == 1:
            if open_sub:
                out.append("</ol></li>\n")
                open_sub = False
            out.append(f"<li>{text}")
            out.append("<ol>\n")
            open_sub = True
        else:
            out.append(f"<li>{text}</li>\n")
    if open_sub:
        out.append("</ol></li>\n")
    out.append("</ol>\n")
    body = re.sub(r"<ol>\n</ol>", "", "".join(out))
    return _section("提纲", "Outline", body, "outline")


def _pairs(digest: Digest) -> str:
    info = digest.reports[0]
    if not digest.pairs:
        return _section("今年目标与去年结果", "Targets beside last year's results",
                        "<p class=\"note\">没有找到年度目标或结果。</p>\n", "targets")
    this, last = (info.year, info.year - 1) if info.year else ("今年", "去年")
    rows = [(p.indicator, CHANGE_ZH.get(p.change, p.change), p.result_text, _line(p.result_at), p.target_text,
             _line(p.target_at)) for p in digest.pairs]
    table = _table(["指标", "口径", f"{last}年结果", "出处", f"{this}年目标", "出处"], rows, ident="target-table")
    return _section("今年目标与去年结果", "This year's targets beside last year's results", table, "targets")


def _line(at: str | None) -> str | None:
    """`行 30` from `path:30`: one report's page needs no file name."""
    return f"行 {at.rsplit(':', 1)[1]}" if at else None


def _keywords(digest: Digest, charts: "_Charts") -> str:
    if not digest.keywords:
        return ""
    chart = keyword_chart(digest.keywords)
    body = (f"<figure class=\"wide\"><figcaption>{escape(chart.title)}</figcaption>{charts.draw(chart)}</figure>\n"
            + _table(["词", "次数", "每万词", "G²"], ((r.word, r.count, r.per_10k, r.score) for r in digest.keywords),
                     numeric=(1, 2, 3)))
    return _section("突出词", f"Distinctive words, against a profile of {profile().docs} reports", body, "keywords")


def _formulas(digest: Digest) -> str:
    if not digest.formulas:
        return ""
    several = not digest.single
    header = ["提法", "引用次数"] + (["报告数", "首见年份"] if several else ["首见行"]) + ["含义"]
    rows = [(f.phrase, f.quoted) + ((f.files, f.first_year) if several else (f.first_line,)) + (f.meaning,)
            for f in digest.formulas]
    return _section("提法", "Formulas and what they stand for", _table(header, rows, numeric=(1, 2)), "formulas")


def _damage(digest: Digest) -> str:
    if not digest.damage and not digest.repairs:
        return _section("文本损伤", "Damage", "<p>没有发现编码损伤。</p>\n", "damage")
    body = ""
    if digest.damage:
        several = not digest.single
        header = (["文件"] if several else []) + ["行", "类型", "文字", "可能的原文"]
        rows = [((d.file,) if several else ()) + (d.line, d.kind, d.text, d.suggestion) for d in digest.damage[:60]]
        body += f"<p class=\"note\">{len(digest.damage)} 处编码损伤：这些位置的文字和数字不可信。</p>\n"
        body += _table(header, rows)
    if digest.repairs:
        body += "<p>为阅读所做的版面修复：" + "，".join(f"{escape(k)} {n} 处" for k, n in sorted(digest.repairs.items())) + \
            "（<code>govreport doctor</code> 逐一列出）。</p>\n"
    return _section("文本损伤", "Damage and repairs", body, "damage")


def _notes(digest: Digest) -> str:
    if not digest.notes:
        return ""
    return "<ul class=\"note\">\n" + "".join(f"<li>{escape(n)}</li>\n" for n in digest.notes) + "</ul>\n"


def _reports(digest: Digest) -> str:
    rows = [(r.file, r.region, r.level, r.year, r.date, r.figures, r.targets, r.damaged) for r in digest.reports]
    table = _table(["文件", "地区", "层级", "年份", "日期", "数字", "目标", "损伤"], rows, numeric=(5, 6, 7))
    return _section("报告", "Reports", table, "reports")


def _panel(digest: Digest, charts: "_Charts") -> str:
    body = ""
    for chart in digest.charts:
        wide = ' class="wide"' if chart.kind == "bars" else ""
        body += f"<figure{wide}><figcaption>{_caption(chart)}</figcaption>{charts.draw(chart)}</figure>\n"
    if not digest.charts:
        body += "<p class=\"note\">没有可画的指标：需要同一指标至少三年的数字，或至少三个地区的目标。</p>\n"
    rows = [(r.region, r.indicator, CHANGE_ZH.get(r.change, r.change), r.year, r.target_text, r.actual_text,
             {"yes": "是", "no": "否"}.get(r.met or ""), r.target_file, r.actual_file)
            for r in digest.panel if r.code]
    body += (f"<details><summary>面板数据 {len(rows)} 行（目标 t 来自 t 年报告，实际来自 t+1 年报告）</summary>\n"
             + _table(["地区", "指标", "口径", "年份", "目标", "实际", "完成", "目标出处", "实际出处"], rows,
                      ident="target-table") + "</details>\n")
    return _section("目标与实际", "The panel: targets against results", body, "panel")


def _trend(digest: Digest, charts: "_Charts") -> str:
    if not digest.trend:
        return ""
    chart = trend_chart(digest.trend)
    terms = "、".join(name for name, _ in chart.series)
    body = (f"<figure class=\"wide\"><figcaption>{_caption(chart)}：{escape(terms)}</figcaption>"
            f"{charts.draw(chart)}</figure>\n")
    rows = [(r.term, r.year, r.count, r.tokens, r.per_10k) for r in digest.trend]
    body += "<details><summary>数据</summary>\n" + _table(["词", "年份", "次数", "总词数", "每万词"], rows,
                                                            numeric=(2, 3, 4)) + "</details>\n"
    return _section("词语趋势", "Term trends", body, "trend")


def _diff(digest: Digest) -> str:
    if digest.diff_sides is None:
        return ""
    a, b = digest.diff_sides
    title = f"{a.region or ''} {a.year} → {b.year}"
    body = f"<p>{escape(a.file)} → {escape(b.file)}</p>\n"
    targets = [r for r in digest.diff if r.section == "target"]
    if targets:
        body += "<h3>目标 <small>targets</small></h3>\n" + _table(
            ["指标", "变化", str(a.year), str(b.year), "出处"],
            [(_indicator(r.key, r.name), STATUS_ZH.get(r.status, r.status), r.a, r.b, _line(r.b_at or r.a_at))
             for r in targets], classes=[r.status for r in targets])
    for section, name in (("formula", "提法"), ("slogan", "口号")):
        rows = [r for r in digest.diff if r.section == section and r.status != "kept"]
        if rows:
            body += f"<h3>{name} <small>{section}s new and dropped</small></h3>\n" + _table(
                [name, "变化", str(a.year), str(b.year)], [(r.name, STATUS_ZH[r.status], r.a, r.b) for r in rows],
                classes=[r.status for r in rows])
    words = [r for r in digest.diff if r.section == "word"]
    if words:
        body += "<h3>词语 <small>words</small></h3>\n" + _table(
            ["词", "变化", f"{a.year} 每万词", f"{b.year} 每万词", "G²"],
            [(r.name, STATUS_ZH[r.status], r.a_value, r.b_value, r.score) for r in words], numeric=(2, 3, 4))
    return _section(f"最近两份报告的变化：{title}", "What changed in the latest two reports", body, "diff")


def _indicator(key: str, name: str) -> str:
    change = key.rsplit("/", 1)[-1]
    return f"{name}（{CHANGE_ZH.get(change, change)}）"


SHORT_REGION = re.compile(r"(?<=..)(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$")


def _short_region(name: str) -> str:
    """宁夏 for 宁夏回族自治区: chart labels are measured as if Chinese were narrow, long ones get cut."""
    return SHORT_REGION.sub("", name)


def _caption(chart: Chart) -> str:
    unit = _scale(chart)[1]
    return escape(chart.title + (f"（单位：{unit}）" if unit and unit not in ("G²", "每万词") else ""))


class _Charts:
    """Draws Chart data with pygal; numbers each SVG so their ids and CSS never clash on one page."""

    def __init__(self):
        self.count = 0

    def draw(self, chart: Chart) -> str:
        import pygal

        self.count += 1
        factor, _ = _scale(chart)
        values = [(name, [None if v is None else round(v / factor, 4) for v in data]) for name, data in chart.series]
        labels = list(chart.x_labels)
        if chart.kind != "line":  # pygal stacks horizontal bars from the bottom: the first row goes on top
            labels.reverse()
            values = [(name, data[::-1]) for name, data in values]
        options = dict(style=_style(_colors(chart)), js=[], disable_xml_declaration=True, legend_at_bottom=True,
                       truncate_legend=-1, truncate_label=-1, show_y_guides=True, margin=12,
                       value_formatter=lambda v: f"{v:,.4g}")
        if chart.kind == "line":
            drawn = pygal.Line(width=720, height=380, allow_interruptions=True, dots_size=4, max_scale=8,
                               x_label_rotation=0 if len(chart.x_labels) <= 12 else 45, **options)
        else:
            high = (12 * len(values) + 8) * len(chart.x_labels) + 140 if chart.kind == "bars" else \
                24 * len(chart.x_labels) + 140
            wide = max((sum(2 if ord(ch) > 0x2E80 else 1 for ch in label) for label in labels), default=0)
            options["margin_left"] = 12 + 4 * wide  # pygal measures a label as if every character were narrow
            drawn = pygal.HorizontalBar(width=900, height=max(300, high), print_values=chart.kind == "words", max_scale=10,
                                        show_legend=chart.kind != "words", **options)
        drawn.x_labels = [_short_region(label) for label in labels] if chart.kind == "bars" else labels
        for name, data in values:
            dashed = chart.kind == "line" and name.startswith("目标")
            drawn.add(name, data, stroke_style={"dasharray": "6,4", "width": 2} if dashed else {"width": 2.5})
        return _clean(drawn.render(is_unicode=True), self.count)


def _colors(chart: Chart) -> tuple[str, ...]:
    if chart.kind == "words" or not any(name.endswith("实际") for name, _ in chart.series):
        return COLORS
    return tuple(ACTUAL if name.endswith("实际") else UPPER if name.endswith("上限") else TARGET
                 for name, _ in chart.series)


def _style(colors: tuple[str, ...]):
    from pygal.style import Style

    return Style(font_family=FONTS, background="white", plot_background="white", foreground="#333",
                 foreground_strong="#111", foreground_subtle="#e5e5e5", colors=colors, label_font_size=12,
                 major_label_font_size=12, legend_font_size=13, value_font_size=11, title_font_size=14)


def _scale(chart: Chart) -> tuple[float, str]:
    """亿元 for 1.2e13 元: the axis shows numbers people read, not twelve zeros."""
    top = max((abs(v) for _, data in chart.series for v in data if v is not None), default=0)
    if chart.unit in ("%", "G²", "每万词") or chart.unit.startswith("%"):
        return 1.0, chart.unit
    for factor, prefix in SCALES:
        if top >= factor:
            return factor, prefix + chart.unit
    return 1.0, chart.unit


SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)
CHART_ID = re.compile(r"chart-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
VALUE = re.compile(r'<desc class="value">([^<]*)</desc>')


def _clean(svg: str, number: int) -> str:
    """No script, no comments (they carry the date), a stable id; values as hover titles."""
    svg = COMMENT.sub("", SCRIPT.sub("", svg))
    svg = CHART_ID.sub(f"govreport-chart-{number}", svg)
    return VALUE.sub(r"<title>\1</title>", svg)

