"""The review page: one self-contained HTML file, doubtful rows first, each with its sentence and the
figure marked, what was inferred and why it is doubted. Filters by confidence, flag and region are
plain links to anchors with CSS `:target` rules, so they work with no script at all.
"""

from __future__ import annotations

from html import escape

from govreport.analyses.confidence import CONFIDENCES, FLAGS
from govreport.analyses.review import Review
from govreport.analyses.targets import show_figure
from govreport.output.digest import FONTS

EXCERPT = 48  # characters of the sentence on each side of the figure
CSS = """
body{font-family:%s;margin:1.5em auto;max-width:1400px;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.5em} nav p{margin:.3em 0} nav a{margin-right:.8em;white-space:nowrap}
table{border-collapse:collapse;font-size:.88em;width:100%%} th,td{border:1px solid #ddd;padding:.2em .4em;vertical-align:top}
th{background:#f3f6fa;position:sticky;top:0} td.at{white-space:nowrap;color:#555} mark{background:#ffe08a}
tr.low td.c{color:#b03a2e;font-weight:bold} tr.medium td.c{color:#9a6a00} tr.high td.c{color:#2e7d32}
.why{color:#555;font-size:.92em} .anchor{display:none} dl{display:grid;grid-template-columns:max-content auto;gap:0 1em}
dt{font-family:monospace}
""" % FONTS


def page(review: Review, *, version: str, title: str = "govreport review") -> str:
    keys = [f"c-{c}" for c in reversed(CONFIDENCES)] + [f"f-{f}" for f in FLAGS] + [f"r-{r}" for r in review.regions]
    rules = "".join(f"#{k}:target~table tbody tr:not(.{k}){{display:none}}\n" for k in keys)
    parts = [f"<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{escape(title)}</title>\n"
             f"<style>{CSS}{rules}</style>\n</head>\n<body>\n<h1>{escape(title)}</h1>\n",
             _summary(review), _nav(review), _legend()]
    parts += [f"<i class=\"anchor\" id=\"{k}\"></i>" for k in ["all", *keys]]
    parts.append(_table(review))
    parts.append(f"<footer><p>govreport {escape(version)}</p></footer>\n</body>\n</html>\n")
    return "".join(parts)


def _summary(review: Review) -> str:
    counts = ", ".join(f"{review.by_confidence.get(c, 0)} {c}" for c in reversed(CONFIDENCES))
    return (f"<p id=\"summary\">{len(review.items)} figures from {review.reports} report"
            f"{'s' if review.reports != 1 else ''}: {counts}. The least sure come first; the links below show "
            f"one kind only (<a href=\"#all\">all</a>).</p>\n")


def _nav(review: Review) -> str:
    def links(prefix, names, counts):
        return " ".join(f"<a href=\"#{prefix}-{escape(key)}\">{escape(label)} ({counts.get(key, 0)})</a>"
                        for key, label in names)

    region_counts = {}
    for item in review.items:
        if item.row.confidence != "high":
            key = item.region_code or "unknown"
            region_counts[key] = region_counts.get(key, 0) + 1
    return ("<nav id=\"filters\">\n"
            f"<p>Confidence: {links('c', [(c, c) for c in reversed(CONFIDENCES)], review.by_confidence)}</p>\n"
            f"<p>Flag: {links('f', [(f, f) for f in FLAGS if review.by_flag.get(f)], review.by_flag)}</p>\n"
            f"<p>Region (doubtful rows): {links('r', list(review.regions.items()), region_counts)}</p>\n</nav>\n")


def _legend() -> str:
    items = "".join(f"<dt>{escape(f)}</dt><dd>{escape(why)}</dd>" for f, why in FLAGS.items())
    return f"<details id=\"legend\"><summary>What the flags mean</summary><dl>{items}</dl></details>\n"


def _table(review: Review) -> str:
    head = ("<table id=\"review-table\"><thead><tr><th>confidence</th><th>why</th><th>where</th><th>region</th>"
            "<th>indicator</th><th>code</th><th>figure</th><th>change</th><th>kind</th><th>year</th>"
            "<th>sentence</th></tr></thead>\n<tbody>\n")
    rows = []
    for item in review.items:
        row = item.row
        flags = [f for f in row.flags.split(",") if f]
        classes = [row.confidence, f"c-{row.confidence}", f"r-{item.region_code or 'unknown'}",
                   *(f"f-{f}" for f in flags)]
        why = "; ".join(FLAGS.get(f, f) for f in flags)
        year = f"{row.year or ''}" + (f" ({row.period})" if row.period and row.period != "year" else "")
        rows.append(
            f"<tr class=\"{' '.join(classes)}\"><td class=\"c\">{row.confidence}</td>"
            f"<td class=\"why\">{escape(why)}</td><td class=\"at\">{escape(_short(row.file))}:{row.line}</td>"
            f"<td>{escape(item.region or '')}</td><td>{escape(row.indicator)}</td><td>{escape(row.code)}</td>"
            f"<td>{escape(show_figure(row))}</td><td>{escape(row.change)}</td><td>{escape(row.kind)}</td>"
            f"<td>{escape(year)}</td><td>{_marked(row.sentence, row.text)}</td></tr>\n")
    return head + "".join(rows) + "</tbody></table>\n"


def _marked(sentence: str, text: str) -> str:
    """The sentence around the figure, the figure marked."""
    at = sentence.find(text)
    if at < 0:
        return escape(sentence[:2 * EXCERPT])
    start, stop = max(0, at - EXCERPT), at + len(text) + EXCERPT
    return ("…" if start else "") + escape(sentence[start:at]) + f"<mark>{escape(text)}</mark>" + \
        escape(sentence[at + len(text):stop]) + ("…" if stop < len(sentence) else "")


def _short(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]
