"""What changed between reports (diff), what a report says that others do not (keyness against the
profile), how a term's use moves over the years (trend), and the formula glossary's coverage."""

from collections import defaultdict

import pytest
from conftest import REPORTS, ROOT, SEED, SHARED, jsonl, needs_shared, tsv

NATIONAL = ROOT / "corpus" / "national"
HOLDOUT = SHARED / "holdout"


def _diff(cli, a, b, *more):
    code, out, err = cli("diff", str(a), str(b), "-f", "jsonl", *more)
    assert code == 0, err
    return jsonl(out)


def test_diff_2024_2025_cpi_lowered_gdp_unchanged_new_formulas(cli):
    rows = _diff(cli, NATIONAL / "national-2024.txt", NATIONAL / "national-2025.txt")
    targets = {r["key"]: r for r in rows if r["section"] == "target"}
    cpi = targets["cpi/growth"]
    assert (cpi["status"], cpi["a_value"], cpi["b_value"]) == ("lowered", 3, 2)
    assert cpi["a_at"].endswith("national-2024.txt:30") and cpi["b_at"].endswith("national-2025.txt:21")
    assert targets["gdp/growth"]["status"] == "unchanged"
    bonds = targets["ultra_long_bonds/level"]  # "今年先发行1万亿元" is the bonds', not a verb's (issue 19)
    assert (bonds["status"], bonds["a_value"], bonds["b_value"]) == ("raised", 1e12, 1.3e12)
    assert targets["deficit_ratio/share"]["status"] == "raised"
    formulas = {r["key"]: r["status"] for r in rows if r["section"] == "formula"}
    assert {"两重", "两新", "十五五"} <= {k for k, s in formulas.items() if s == "new"}
    assert formulas["十四五"] == "kept" and formulas["四风"] == "dropped"


def test_diff_swapped_sides_mirror_each_other(cli):
    forward = _diff(cli, NATIONAL / "national-2022.txt", NATIONAL / "national-2023.txt", "-s", "target,formula")
    backward = _diff(cli, NATIONAL / "national-2023.txt", NATIONAL / "national-2022.txt", "-s", "target,formula")
    mirror = {"raised": "lowered", "lowered": "raised", "new": "dropped", "dropped": "new"}
    back = {(r["section"], r["key"]): r["status"] for r in backward}
    assert forward and len(forward) == len(back)
    for row in forward:
        assert back[(row["section"], row["key"])] == mirror.get(row["status"], row["status"])


def test_diff_words_rise_and_fall_with_their_counts(cli):
    rows = _diff(cli, NATIONAL / "national-2013.txt", NATIONAL / "national-2024.txt", "-s", "word", "-n", "30")
    assert rows and all(r["section"] == "word" for r in rows)
    for row in rows:
        if row["status"] == "rising":
            assert row["b_value"] > row["a_value"] and row["score"] < 0
        else:
            assert row["a_value"] > row["b_value"] and row["score"] > 0
    rising = {r["key"] for r in rows if r["status"] == "rising"}
    assert "高质量发展" in rising  # first written in 2017's report, everywhere by 2024


def test_diff_of_a_report_with_itself_changes_nothing(cli):
    rows = _diff(cli, SEED, SEED, "-s", "target,formula,slogan")
    assert rows and {r["status"] for r in rows} <= {"unchanged", "kept"}


def test_diff_folders_match_targets_by_region(cli, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    for name in ("national-2023.txt",):
        (a / name).write_bytes((NATIONAL / name).read_bytes())
    for name in ("national-2024.txt",):
        (b / name).write_bytes((NATIONAL / name).read_bytes())
    (a / "seed.txt").write_bytes(SEED.read_bytes())
    rows = _diff(cli, a, b, "-s", "target")
    seed_rows = [r for r in rows if "凤泉" in r["name"]]
    # a region with a report on one side only is said so once, not as every target dropped (issue 22)
    assert [(r["key"], r["status"]) for r in seed_rows] == [("region/410704", "only_a")]
    national = [r for r in rows if r["key"] == "gdp/growth"]
    assert national and national[0]["name"].endswith("（全国）")


def test_diff_rejects_unknown_section(cli):
    code, out, err = cli("diff", str(SEED), str(SEED), "-s", "targets")
    assert code != 0 and out == "" and "unknown section" in err


def test_diff_table_tsv_csv(cli):
    code, out, _ = cli("diff", str(NATIONAL / "national-2024.txt"), str(NATIONAL / "national-2025.txt"), "-f", "tsv")
    rows = tsv(out)
    assert code == 0 and rows[0].keys() >= {"section", "key", "status", "a", "b", "a_at", "b_at"}
    code, out, _ = cli("diff", str(NATIONAL / "national-2024.txt"), str(NATIONAL / "national-2025.txt"), "-f", "csv")
    assert code == 0 and out.splitlines()[0].startswith("section,key,name,status")


def test_keyness_ranks_the_reports_own_matters_above_boilerplate(cli):
    code, out, err = cli("keywords", "--method", "keyness", "-n", "0", "-f", "jsonl", str(SEED))
    assert code == 0, err
    rank = {r["word"]: r["rank"] for r in jsonl(out)}
    for own in ("灾后重建", "凤泉", "凤凰山"):
        assert rank[own] < rank["建设"] and rank[own] < rank["发展"], own
    assert rank["灾后重建"] <= 10


def test_tfidf_of_one_report_uses_the_profile(cli):
    code, out, _ = cli("keywords", "--method", "tfidf", "-n", "10", "-f", "jsonl", str(SEED))
    top = [r["word"] for r in jsonl(out)]
    assert code == 0 and "建设" not in top[:3] and "发展" not in top[:3]
    assert "灾后重建" in top


def test_tfidf_of_several_reports_uses_their_own_idf(cli):
    """A word in every input weighs little, however common it is in the profile."""
    files = [str(NATIONAL / f"national-{y}.txt") for y in (2013, 2018, 2024)]
    code, out, _ = cli("keywords", "--method", "tfidf", "--by-doc", "-n", "15", "-f", "jsonl", *files)
    rows = jsonl(out)
    by_file = defaultdict(list)
    for row in rows:
        by_file[row["file"]].append(row["word"])
    assert code == 0 and len(by_file) == 3
    assert all("发展" not in words for words in by_file.values())


def test_profile_is_real_report_vocabulary():
    from govreport.analyses.keywords import profile

    found = profile()
    assert found.docs >= 40 and found.tokens > 300_000
    assert found.df["发展"] == found.docs  # every report says it
    assert all(0 < df <= found.docs for df in found.df.values())
    assert found.counts["建设"] > found.counts["乡村振兴"] > 0


def test_trend_counts_per_10k_by_year(cli):
    code, out, err = cli("trend", "新质生产力", "乡村振兴", str(NATIONAL), "-f", "jsonl")
    assert code == 0, err
    rows = jsonl(out)
    years = {r["year"] for r in rows}
    assert years == set(range(2010, 2026))
    new = {r["year"]: r for r in rows if r["term"] == "新质生产力"}
    assert all(new[y]["count"] == 0 for y in range(2010, 2024))
    text = (NATIONAL / "national-2025.txt").read_text(encoding="utf-8")
    assert new[2025]["count"] == text.count("新质生产力") > 0
    assert new[2025]["per_10k"] == round(new[2025]["count"] * 10000 / new[2025]["tokens"], 2)
    assert [r["term"] for r in rows][:16] == ["新质生产力"] * 16  # term order as given, then year


def test_trend_terms_in_traditional_are_simplified(cli):
    code, out, _ = cli("trend", "鄉村振興", str(NATIONAL / "national-2019.txt"), "-f", "jsonl")
    rows = jsonl(out)
    assert code == 0 and rows[0]["term"] == "乡村振兴" and rows[0]["count"] > 0


def test_trend_by_region_and_sparkline(cli, tmp_path):
    code, out, _ = cli("trend", "灾后重建", str(SEED), str(NATIONAL / "national-2021.txt"), "--by-region",
                       "-f", "jsonl")
    regions = {r["region"] for r in jsonl(out)}
    assert code == 0 and len(regions) == 2
    code, out, _ = cli("trend", "乡村振兴", str(NATIONAL), "-f", "table")
    assert code == 0 and "▁" in out and "█" in out


def test_trend_needs_a_term(cli):
    code, out, err = cli("trend", str(SEED))
    assert code != 0 and out == "" and "term" in err


def test_sparkline():
    from govreport.analyses.trend import sparkline

    assert sparkline([0, 0]) == "▁▁"
    assert sparkline([0, 8]) == "▁█" and sparkline([1, 8]) == "▂█"
    assert len(sparkline([3, 1, 4, 1, 5])) == 5


@needs_shared
@pytest.mark.skipif(not HOLDOUT.is_dir(), reason="../shared/holdout is not beside the checkout")
def test_glossary_has_every_formula_quoted_in_three_reports():
    from govreport import load_document
    from govreport.analyses.slogans import glossary, slogan_stats
    from govreport.readers.sources import expand, read

    files: dict[str, set[bytes]] = defaultdict(set)
    for path in expand([str(REPORTS), str(HOLDOUT)]):
        if not isinstance(path, str) or not path.endswith(".txt"):
            continue
        data = open(path, "rb").read()
        for stats in slogan_stats(load_document(read(path))):
            if stats.type == "formula" or stats.phrase in glossary():
                files[stats.phrase].add(data)
    common = {p for p, seen in files.items() if len(seen) >= 3}
    assert len(common) > 100
    missing = sorted(p for p in common if not glossary().get(p, (None, ""))[1])
    assert not missing


def test_explain_gives_meaning_and_first_year(cli):
    files = [str(NATIONAL / f"national-{y}.txt") for y in range(2020, 2026)]
    code, out, _ = cli("slogans", "--explain", "-f", "jsonl", *files)
    rows = {r["phrase"]: r for r in jsonl(out)}
    assert code == 0
    assert rows["两重"]["first_year"] == 2024 or rows["两重"]["first_year"] == 2025
    assert rows["十四五"]["first_year"] == 2020 and "2021" in rows["十四五"]["meaning"]
    assert rows["两新"]["meaning"]
