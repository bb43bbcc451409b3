"""The HTML digest: what it holds, that it is self-contained, that it never replaces an input, and
that a real browser opens it without errors (headless Chromium; .ci/run installs it)."""

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from conftest import REPORTS, ROOT, SEED, needs_shared

NATIONAL = ROOT / "corpus" / "national"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
needs_browser = pytest.mark.skipif(
    BROWSER is None and os.environ.get("GOVREPORT_BROWSER_TESTS") != "required",
    reason="headless Chromium is not installed (.ci/run installs it and makes these tests required)")


def _digest(cli, tmp_path, *inputs, name="digest.html", more=()):
    out = tmp_path / name
    code, stdout, err = cli("digest", *map(str, inputs), "-o", str(out), *more)
    assert code == 0, err
    assert stdout == "" and f"wrote {out}" in err
    return out.read_text(encoding="utf-8")


class Page(HTMLParser):
    """The parts of a page the tests look at: sections, tables by id, charts, every attribute."""

    def __init__(self, text):
        super().__init__()
        self.sections, self.tables, self.charts, self.attributes, self.scripts = [], {}, 0, [], 0
        self._table, self.rows = None, {}
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.attributes += list(attrs)
        if tag == "section":
            self.sections.append(attrs.get("id"))
        if tag == "table" and attrs.get("id"):
            self._table = attrs["id"]
            self.rows[self._table] = 0
        if tag == "tr" and self._table:
            self.rows[self._table] += 1
        if tag == "svg" and "pygal-chart" in attrs.get("class", ""):
            self.charts += 1
        if tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag):
        if tag == "table":
            self._table = None


def assert_self_contained(text):
    page = Page(text)
    assert page.scripts == 0
    assert not {"src", "href", "srcset", "action"} & set(page.attributes)
    assert "url(" not in text and "@import" not in text
    # the only addresses are XML namespace names, which nothing fetches
    assert set(re.findall(r"https?://[^\s\"'<>]+", text)) <= {"http://www.w3.org/2000/svg",
                                                              "http://www.w3.org/1999/xlink"}


def test_one_report(cli, tmp_path):
    text = _digest(cli, tmp_path, SEED)
    page = Page(text)
    assert page.sections[:4] == ["info", "outline", "targets", "keywords"]
    assert {"formulas", "damage"} <= set(page.sections)
    assert page.charts == 1 and page.rows["target-table"] > 10  # header + rows
    assert_self_contained(text)
    assert "<title>" in text and "凤泉区" in text
    assert "灾后重建" in text  # the keyness chart names the report's own matters


def test_targets_beside_results_are_the_reports_own_figures():
    """Every figure of the one-report table is on the line it names, in the year it says."""
    from govreport import load_document
    from govreport.analyses.digest import assemble, digest_facts
    from govreport.readers.sources import read

    for path in (SEED, NATIONAL / "national-2024.txt", NATIONAL / "national-2016.txt"):
        doc = load_document(read(str(path)))
        page = assemble([digest_facts(doc)])
        assert page.pairs, path
        year = page.reports[0].year
        for pair in page.pairs:
            for text, at in ((pair.target_text, pair.target_at), (pair.result_text, pair.result_at)):
                if text is not None:
                    line = int(at.rsplit(":", 1)[1])
                    assert text in doc.source[line - 1], (path, pair)
        gdp = next(p for p in page.pairs if p.code == "gdp" and p.change == "growth")
        assert gdp.target_text and gdp.result_text, path
        assert year is not None


def test_several_reports(cli, tmp_path):
    files = sorted(NATIONAL.glob("national-20*.txt"))[-8:]
    text = _digest(cli, tmp_path, *files)
    page = Page(text)
    assert page.sections[:4] == ["reports", "panel", "trend", "diff"]
    assert page.charts >= 6 and page.rows["target-table"] > 20
    assert_self_contained(text)
    assert "全国 生产总值（增长）" in text
    assert "national-2024.txt → " in text and text.index("national-2024.txt → ") < text.index("national-2025.txt</p>")


def test_several_reports_follow_given_terms(cli, tmp_path):
    text = _digest(cli, tmp_path, NATIONAL / "national-2019.txt", NATIONAL / "national-2024.txt",
                   more=("--terms", "新质生产力,鄉村振興"))
    assert "新质生产力、乡村振兴" in text


def test_the_panel_charts_match_the_panel():
    from govreport import load_document
    from govreport.analyses.digest import assemble, digest_facts, trend_chart
    from govreport.readers.sources import read

    facts = [digest_facts(load_document(read(str(p)))) for p in sorted(NATIONAL.glob("national-20*.txt"))]
    page = assemble(facts)
    gdp = next(c for c in page.charts if "生产总值（增长）" in c.title)
    rows = {r.year: r for r in page.panel if r.code == "gdp" and r.change == "growth"}
    actual = dict(zip(gdp.x_labels, dict(gdp.series)["实际"]))
    assert actual and all(actual[str(y)] == r.actual for y, r in rows.items() if str(y) in actual)
    assert page.diff_sides[1].year == max(f.info.year for f in facts)
    assert {"raised", "lowered", "unchanged", "new", "dropped"} & {r.status for r in page.diff}
    assert len(trend_chart(page.trend).series) == 6  # three words that rose, three that fell


@needs_shared
def test_regions_of_one_year_are_drawn_across_regions(cli, tmp_path):
    text = _digest(cli, tmp_path, REPORTS / "provinces-2026")
    assert "生产总值（增长）：2026年目标与2025年实际，31个地区" in text
    assert "所有报告同属一年" in text and "没有哪个地区有两个年份的报告" in text
    assert_self_contained(text)


def test_never_writes_over_an_input(cli, tmp_path):
    report = tmp_path / "report.txt"
    report.write_bytes(SEED.read_bytes())
    code, out, err = cli("digest", str(report), "-o", str(report))
    assert code == 2 and "is one of the inputs" in err
    assert report.read_bytes() == SEED.read_bytes()
    code, _, err = cli("digest", str(report), "-o", str(tmp_path))
    assert code == 2 and "is a folder" in err


def test_stdout_when_piped_and_a_bad_input_costs_only_itself(cli, tmp_path):
    missing = tmp_path / "missing.txt"
    code, out, err = cli("digest", str(SEED), str(missing))
    assert code == 1 and "missing.txt" in err
    assert out.startswith("<!DOCTYPE html>") and "凤泉区" in out
    code, out, err = cli("digest", str(missing))
    assert code == 1 and out == "" and "no report could be read" in err


def test_a_failed_write_leaves_nothing_behind(cli, tmp_path, monkeypatch):
    code, _, err = cli("digest", str(SEED), "-o", str(tmp_path / "no-such-folder" / "digest.html"))
    assert code == 1 and "cannot write the page" in err

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    code, _, err = cli("digest", str(SEED), "-o", str(tmp_path / "digest.html"))
    assert code == 1 and "No space left on device" in err
    assert not list(tmp_path.iterdir())  # the temporary file is gone too


def test_the_digest_is_the_same_twice(cli, tmp_path):
    first = _digest(cli, tmp_path, SEED, name="a.html")
    second = _digest(cli, tmp_path, SEED, name="b.html", more=("--no-cache",))
    assert first == second


# --- in a real browser ------------------------------------------------------------------------------

def _chromium(*args, timeout=120):
    if BROWSER is None:
        pytest.fail("GOVREPORT_BROWSER_TESTS=required but chromium is not installed")
    return subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
                           "--v=0", *args], capture_output=True, text=True, timeout=timeout)


def console_messages(stderr: str) -> list[str]:
    """What the page logged to the console (errors, uncaught exceptions); Chromium's own chatter is not."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@needs_browser
def test_the_console_check_can_fail(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text("<html><body><script>undefined_function();</script></body></html>", encoding="utf-8")
    done = _chromium("--dump-dom", page.as_uri())
    assert any("undefined_function" in m for m in console_messages(done.stderr))


@needs_browser
@pytest.mark.parametrize("name, inputs", [
    ("seed", [SEED]),
    ("national", sorted(REPORTS.glob("national-20*.txt")) or sorted(NATIONAL.glob("national-20*.txt"))[-8:]),
])
def test_opens_in_headless_chromium(cli, tmp_path, name, inputs):
    html = tmp_path / f"digest-{name}.html"
    code, _, err = cli("digest", *map(str, inputs), "-o", str(html))
    assert code == 0, err
    done = _chromium("--dump-dom", html.as_uri())
    assert done.returncode == 0, done.stderr[-500:]
    assert console_messages(done.stderr) == []
    dom = Page(done.stdout)
    assert dom.charts >= 1 and dom.rows.get("target-table", 0) > 1
    assert "<text" in done.stdout and ("生产总值" in done.stdout)
    shots = os.environ.get("GOVREPORT_SCREENSHOT_DIR") or str(tmp_path)
    os.makedirs(shots, exist_ok=True)
    shot = os.path.join(shots, f"digest-{name}.png")
    done = _chromium("--hide-scrollbars", "--window-size=1280,2400", f"--screenshot={shot}", html.as_uri())
    assert done.returncode == 0 and os.path.getsize(shot) > 20_000
    with open(shot, "rb") as png:
        assert png.read(8) == b"\x89PNG\r\n\x1a\n"
