"""Every script (issue 21): Taiwan and Hong Kong forms read as the mainland's, t2s leaves what is
already simplified alone, cp950 and Big5-HKSCS are read, results come back in the reader's script."""
import dataclasses

import pytest

from conftest import SEED, SHARED, tsv

from govreport.document.simplify import to_simplified


@pytest.mark.parametrize("traditional, simplified", [
    ("著力推進", "着力推进"), ("防止經濟硬著陸", "防止经济硬着陆"), ("成效顯著", "成效显著"), ("著名品牌", "著名品牌"),
    ("醫療衞生", "医疗卫生"), ("公共衞生體系", "公共卫生体系"), ("櫃枱服務", "柜台服务"), ("敍述", "叙述"),
    ("發展菜薹產業", "发展菜薹产业"), ("國務院批覆", "国务院批复"), ("研發覆蓋率", "研发覆盖率"), ("卓著貢獻", "卓著贡献")])
def test_taiwan_and_hong_kong_forms_read_as_the_mainlands(traditional, simplified):
    assert to_simplified(traditional) == simplified


def test_the_seed_reads_zhuoli_as_the_mainland_writes_it(cli):
    code, out, _ = cli("keywords", "--terms", "着力,著力", str(SEED))
    counts = {row["word"]: int(row["mentions"]) for row in tsv(out)}
    assert counts["着力"] >= 5 and counts["著力"] == 0


@pytest.mark.parametrize("codec, extra", [("cp950", "裏恒碁"), ("big5hkscs", "衞枱綫")])
def test_windows_and_hong_kong_big5_are_read(cli, tmp_path, codec, extra):
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("各位代表", f"各位代表（{extra}）", 1)
    path = tmp_path / f"{codec}.txt"
    path.write_bytes(text.encode(codec, errors="replace"))
    code, out, err = cli("text", str(path))
    assert code == 0 and "各位代表" in out and to_simplified(extra) in out, err


def test_results_come_back_in_the_readers_script(cli):
    code, out, _ = cli("keywords", "--top", "3", "--script", "tw", str(SEED))
    assert [row["word"] for row in tsv(out)] == ["建設", "發展", "推進"]
    code, out, _ = cli("--script", "hk", "slogans", str(SEED))
    assert "五彩鳳凰山、生態鳳泉城" in {row["phrase"] for row in tsv(out)}
    code, out, _ = cli("targets", "--script", "traditional", str(SEED))
    rows = tsv(out)
    assert rows and all(row["file"].endswith("fengquan-2022.txt") for row in rows) and "地區生產總值" in {r["indicator"] for r in rows}
    code, out, err = cli("keywords", "--script", "klingon", str(SEED))
    assert code == 2 and "klingon" in err


@pytest.mark.skipif(not (SHARED / "reports").is_dir(), reason="needs ../shared")
@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk"])
def test_a_converted_report_gives_the_same_figures_and_words(config):
    """tools/script_invariance.py measures all of ../shared; here two reports of each kind."""
    import opencc

    from govreport import load_document
    from govreport.analyses import keywords as kw
    from govreport.analyses.segment import segmenter
    from govreport.analyses.targets import extract
    from govreport.readers.sources import Source

    seg, options = segmenter((), "jieba"), kw.Options(stopwords=kw.load_stopwords(()))
    convert = opencc.OpenCC(config).convert
    for path in (SHARED / "reports" / "national-2010.txt", SHARED / "reports" / "provinces-2026" / "hubei.txt"):
        text = path.read_text(encoding="utf-8")
        docs = [load_document(Source(path.name, t.encode("utf-8"))) for t in (text, convert(text))]
        keys = [[tuple(v for k, v in dataclasses.asdict(r).items() if k not in ("text", "sentence")) for r in extract(d)]
                for d in docs]
        assert keys[0] == keys[1]
        tops = [[(r.word, r.count) for r in kw.rank([kw.count_words(d, seg, options)], top=50)] for d in docs]
        assert tops[0] == tops[1]


def test_mainland_lines_with_characters_variants_share_are_left_alone():
    from govreport.document.simplify import needs_conversion

    assert not needs_conversion("农户增收，才能吃上饭") and not needs_conversion("成效显著，著名品牌")
    assert needs_conversion("醫療衞生") and needs_conversion("衞生")


def _same_as_opencc(text: str) -> list[str]:
    from govreport.document import simplify

    lines = [line for line in text.split("\n") if simplify.needs_conversion(line)]
    return [line for line in lines if simplify._convert(line) != simplify._chain(line)]


def test_the_fast_conversion_is_opencc_on_the_seed():
    assert not _same_as_opencc(SEED.read_text(encoding="utf-8"))


@pytest.mark.skipif(not (SHARED / "reports").is_dir(), reason="needs ../shared")
def test_the_fast_conversion_is_opencc_on_every_report_converted_to_traditional():
    """The table path against OpenCC itself, line by line (all three scripts: tools/script_invariance.py)."""
    import opencc

    convert = opencc.OpenCC("s2t").convert
    paths = sorted(SHARED.glob("**/*.txt"))
    assert len(paths) > 80
    differing = [(p.name, line[:30]) for p in paths for line in _same_as_opencc(convert(p.read_text(encoding="utf-8")))]
    assert not differing, differing[:3]


@pytest.mark.parametrize("line", ["国内生产总值增长5%左右", "然後", "叁亿元", "醫療衞生", "成效显著", "—— 2025年 ——", "鎔基", ""])
def test_the_gb2312_shortcut_says_what_the_character_set_says(line):
    from govreport.document.simplify import needs_conversion, traditional_chars

    assert needs_conversion(line) == (not traditional_chars().isdisjoint(line))
