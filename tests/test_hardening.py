"""Hardening, round three (issue 24): no forged line, no lost permission, no input overwritten, a
full disk said in one line."""
import os
import zlib
import subprocess
import sys

from conftest import SEED, tsv


def govreport(*args, **kw):
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE} | kw
    return subprocess.run([sys.executable, "-m", "govreport", *map(str, args)], timeout=120, **streams)


def test_a_file_name_with_a_newline_forges_no_line(tmp_path):
    (tmp_path / "nl\ngovreport: FORGED LINE.txt").write_text("", encoding="utf-8")
    (tmp_path / "cr\rgovreport: FORGED.txt").write_text("", encoding="utf-8")
    done = govreport("info", tmp_path)
    lines = done.stderr.decode().splitlines()
    assert done.returncode == 1 and len(lines) == 2
    assert all(line.startswith("govreport: ") and line.endswith(": empty file") for line in lines)
    assert "\r" not in done.stderr.decode()


def test_a_full_disk_is_one_line_and_exit_1():
    with open("/dev/full", "w") as full:
        done = govreport("keywords", SEED, stdout=full)
    assert done.returncode == 1
    assert done.stderr.decode().strip() == "govreport: cannot write the output (No space left on device)"


def test_writing_over_a_private_file_keeps_it_private(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("old", encoding="utf-8")
    os.chmod(page, 0o600)
    assert govreport("digest", SEED, "-o", page).returncode == 0
    assert oct(os.stat(page).st_mode & 0o777) == "0o600" and page.read_text(encoding="utf-8") != "old"
    table = tmp_path / "rows.csv"
    table.write_text("old", encoding="utf-8")
    os.chmod(table, 0o600)
    assert govreport("targets", SEED, "-o", table).returncode == 0
    assert oct(os.stat(table).st_mode & 0o777) == "0o600"


def test_the_file_stdin_reads_is_never_written_over(tmp_path):
    copy = tmp_path / "in.txt"
    copy.write_bytes(SEED.read_bytes())
    with open(copy, "rb") as stdin:
        done = govreport("digest", "-", "-o", copy, stdin=stdin)
    assert done.returncode == 2 and b"is one of the inputs" in done.stderr
    assert copy.read_bytes() == SEED.read_bytes()


# --- the cache --------------------------------------------------------------------------------

def test_another_programs_database_is_never_touched(cli, tmp_path, monkeypatch):
    import sqlite3

    folder = tmp_path / "cache"
    folder.mkdir()
    theirs = sqlite3.connect(folder / "cache.sqlite3")
    theirs.execute("CREATE TABLE results (id INTEGER, note TEXT)")
    theirs.execute("INSERT INTO results VALUES (1, 'keep me')")
    theirs.commit()
    theirs.close()
    monkeypatch.setenv("GOVREPORT_CACHE_DIR", str(folder))
    code, out, _ = cli("targets", str(SEED))
    assert code == 0 and out.count("\n") > 10
    again = sqlite3.connect(folder / "cache.sqlite3")
    assert again.execute("SELECT note FROM results").fetchall() == [("keep me",)]
    assert {n for (n,) in again.execute("SELECT name FROM sqlite_master")} == {"results"}


def test_our_damaged_database_is_made_anew(tmp_path):
    from govreport.run.cache import APPLICATION_ID, Cache

    store = Cache.open(tmp_path)
    store.put("k", [1, 2])
    store.close()
    path = tmp_path / "cache.sqlite3"
    data = bytearray(path.read_bytes())
    assert int.from_bytes(data[68:72], "big") == APPLICATION_ID
    data[100:] = b"\xff" * (len(data) - 100)  # the header stands, every page is junk
    path.write_bytes(bytes(data))
    fresh = Cache.open(tmp_path)
    assert fresh is not None and fresh.get("k") is None
    fresh.put("k", [3])
    assert fresh.get("k") == [3] and fresh.clear() == 1


def test_an_infinite_cache_size_keeps_the_default(cli, monkeypatch):
    from govreport.run.cache import DEFAULT_SIZE_MB, _limit

    for bad in ("inf", "-5", "nan", "lots"):
        monkeypatch.setenv("GOVREPORT_CACHE_SIZE", bad)
        assert _limit() == DEFAULT_SIZE_MB * 1024 * 1024
    monkeypatch.setenv("GOVREPORT_CACHE_SIZE", "inf")
    assert cli("targets", str(SEED))[0] == 0


def test_a_bomb_or_a_planted_entry_is_a_miss(tmp_path):
    import json
    import zlib

    from govreport.run.cache import TABLE, Cache

    store = Cache.open(tmp_path)
    bomb = zlib.compress(b"[" + b"0," * (40 * 1024 * 1024) + b"0]", 9)  # inflates past any real result
    store._db.execute(f"INSERT INTO {TABLE} VALUES (?, ?, 0)", ("bomb", bomb))
    assert store.get("bomb") is None
    row = {"@": "InfoRow", "f": {"file": "a", "title": None, "region": None, "region_code": None, "province": None,
                                 "level": None, "year": "not a year", "region_cue": None, "year_cue": None,
                                 "date": None, "meeting": None, "speaker": None, "characters": 1, "sentences": 1,
                                 "figures": 1, "targets": 1, "damaged": 0}}
    store._db.execute(f"INSERT INTO {TABLE} VALUES (?, ?, 0)", ("planted", zlib.compress(json.dumps(row).encode())))
    assert store.get("planted") is None
    row["f"]["year"] = 2024
    store._db.execute(f"INSERT OR REPLACE INTO {TABLE} VALUES (?, ?, 0)",
                      ("planted", zlib.compress(json.dumps(row).encode())))
    assert store.get("planted").year == 2024


def test_a_folder_thousands_deep_costs_nothing_of_the_file_beside_it(tmp_path):
    deep, levels = tmp_path / "deep", 1500
    start = os.getcwd()
    try:
        deep.mkdir()
        os.chdir(deep)
        for _ in range(levels):  # step by step: a path this long is too long for one call
            os.mkdir("d")
            os.chdir("d")
        os.chdir(start)
        done = govreport("info", deep, SEED)
        assert done.returncode == 1 and "fengquan-2022.txt" in done.stdout.decode()
        assert "nested more than 64 levels deep not read" in done.stderr.decode()
    finally:
        os.chdir(deep)  # removed from the bottom up, without recursion
        for _ in range(levels):
            os.chdir("d")
        for _ in range(levels):
            os.chdir("..")
            os.rmdir("d")
        os.chdir(start)


def test_a_utf8_file_cut_inside_a_character_is_read(tmp_path):
    cut = tmp_path / "cut.txt"
    data = SEED.read_bytes()
    text = "——2024年3月5日在第十四届全国人民代表大会第二次会议上\n各位代表：\n国内生产总值增长5%左右。".encode()
    cut.write_bytes(text[:-1])  # the last character, 。, loses its last byte
    done = govreport("info", cut)
    assert done.returncode == 0 and "2024" in done.stdout.decode() and "cut short" in done.stderr.decode()
    assert data  # the seed is untouched


def test_a_file_swapped_for_a_fifo_after_the_check_never_blocks(tmp_path, monkeypatch):
    import threading

    from govreport.errors import InputError
    from govreport.readers.sources import read

    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    regular = os.stat(SEED)
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda p, *a, **k: regular if str(p) == str(fifo) else real_stat(p, *a, **k))
    outcome = []

    def attempt():
        try:
            read(str(fifo))
        except InputError as err:
            outcome.append(str(err))

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "reading a FIFO blocked"
    assert outcome and "not a regular file" in outcome[0]


def test_unclosed_comments_and_bare_headings_stay_linear():
    """Bounded in time: each runs in well under a second now, and took tens of seconds before."""
    import threading

    from govreport.analyses.targets import extract
    from govreport.document.document import Document
    from govreport.readers.html import html_text

    results = {}

    def run():
        results["html"] = html_text("<html><body>" + "<!--x>" * 170_000 + "<p>正文内容</p></body></html>")
        results["rows"] = extract(Document.from_text("\n".join(["一、"] * 40_000)))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(20)
    assert not worker.is_alive(), "quadratic again"
    assert "正文内容" in results["html"] and results["rows"] == []


# --- library exceptions are the input's error, not ours -----------------------------------------

def _docx_without_body(path):
    import zipfile

    types = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w='
                                              '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')


def test_a_docx_without_a_body_or_a_page_without_text_is_said_so(cli, tmp_path):
    _docx_without_body(tmp_path / "nobody.docx")
    (tmp_path / "empty.html").write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    code, out, err = cli("info", str(tmp_path / "nobody.docx"), str(tmp_path / "empty.html"), str(SEED))
    assert code == 1 and "fengquan-2022.txt" in out
    assert "nobody.docx: the .docx has no document body" in err and "empty.html: the page holds no text" in err
    assert "internal error" not in err


def test_pypdf_errors_are_the_inputs_own(monkeypatch):
    import pypdf
    from pypdf.errors import DependencyError, LimitReachedError

    from govreport.errors import InputError
    from govreport.readers.pdf import pdf_text

    for error, said in ((LimitReachedError("too many"), "goes past pypdf's limits"),
                        (DependencyError("cryptography is required"), "the PDF is encrypted (AES)")):
        def broken(*args, error=error, **kwargs):
            raise error

        monkeypatch.setattr(pypdf, "PdfReader", broken)
        try:
            pdf_text(b"%PDF-1.7", "a.pdf")
        except InputError as err:
            assert said in str(err)
        else:
            raise AssertionError("no error")


def _pdf_that_warns(monkeypatch, warning: str) -> None:
    """pypdf's reader replaced by one whose page logs `warning` as pypdf does, then gives text."""
    import logging

    import pypdf

    class Page(dict):
        def extract_text(self):
            logging.getLogger("pypdf").warning(warning)
            return "各位代表：\n国内生产总值增长5%左右。"

    class Reader:
        is_encrypted, pages = False, [Page()]

        def __init__(self, *args, **kwargs):
            pass

    monkeypatch.setattr(pypdf, "PdfReader", Reader)


def test_pypdfs_own_warnings_name_the_file(monkeypatch):
    from govreport.readers.pdf import pdf_text

    _pdf_that_warns(monkeypatch, "Ignoring wrong pointing object 6 0")
    notes = []
    assert "国内生产总值" in pdf_text(b"%PDF-1.7", "a.pdf", notes)
    assert notes == ["pypdf: Ignoring wrong pointing object 6 0"]


def test_text_prints_no_escape_sequence_from_a_file_name_or_a_title(tmp_path):
    body = "<p>" + "各位代表：现在，我代表市人民政府向大会报告工作，请予审议。" * 20 + "</p>"
    (tmp_path / "page.html").write_text(f"<html><head><title>\x1b[2J政府工作报告</title></head><body>{body}</body></html>",
                                        encoding="utf-8")
    (tmp_path / "a\x1b[2Jb.txt").write_bytes(SEED.read_bytes())
    done = govreport("text", tmp_path / "page.html", tmp_path / "a\x1b[2Jb.txt")
    assert done.returncode == 0 and b"\x1b[2J" not in done.stdout.split(b"\n==> ")[0]
    headers = [line for line in done.stdout.decode().splitlines() if line.startswith("==> ")]
    assert len(headers) == 2 and all("\x1b" not in h for h in headers) and "a\\x1b[2Jb.txt" in headers[1]


def test_a_docx_that_unpacks_past_the_limit_is_one_error(cli, tmp_path, monkeypatch):
    import zipfile

    from govreport.readers import docx

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\x00" * (8 * 1024 * 1024))
    assert bomb.stat().st_size < 100_000
    monkeypatch.setattr(docx, "MAX_INFLATED", 4 * 1024 * 1024)
    code, out, err = cli("info", str(bomb), str(SEED))
    assert code == 1 and "bomb.docx: unpacks to more than 4 MB" in err and "fengquan-2022.txt" in out


def test_pdf_pages_that_share_one_content_stream_are_read_once(monkeypatch):
    import io

    import pypdf
    from pypdf.generic import DecodedStreamObject, NameObject

    from govreport.readers import pdf

    writer = pypdf.PdfWriter()
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 12 Tf 72 720 Td (report) Tj ET")
    shared = writer._add_object(stream)
    for _ in range(200):
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Contents")] = shared
    buffer = io.BytesIO()
    writer.write(buffer)
    calls = []
    real = pypdf.PageObject.extract_text
    monkeypatch.setattr(pypdf.PageObject, "extract_text", lambda self, *a, **k: calls.append(1) or real(self, *a, **k))
    reader = pypdf.PdfReader(io.BytesIO(buffer.getvalue()))
    texts = pdf._page_texts(reader)
    assert len(texts) == 200 and len(calls) == 1


def test_a_parallel_run_cut_short_by_head_always_ends(tmp_path):
    """Bounded: each run is killed after 20 s and the test fails (it hung in about one run of five)."""
    from conftest import ROOT

    folder = ROOT / "corpus" / "national"
    for _ in range(10):
        done = subprocess.run(f"'{sys.executable}' -m govreport text --jobs 2 --no-cache '{folder}' | head -1",
                              shell=True, capture_output=True, timeout=20)
        assert done.returncode == 0 and done.stdout.count(b"\n") == 1


def test_a_cached_result_names_this_runs_files_however_deep(cli, tmp_path):
    from conftest import ROOT

    for side in ("A", "B"):
        (tmp_path / side).mkdir()
        for name in ("national-2023.txt", "national-2024.txt", "national-2025.txt"):
            (tmp_path / side / name).write_bytes((ROOT / "corpus" / "national" / name).read_bytes())
    for side in ("A", "B"):  # B is answered from the cache A filled
        assert cli("digest", str(tmp_path / side), "-o", str(tmp_path / f"{side}.html"))[0] == 0
    page = (tmp_path / "B.html").read_text(encoding="utf-8")
    assert str(tmp_path / "A") not in page and page.count(str(tmp_path / "B")) > 10
    panel = tsv(cli("targets", "--panel", "-i", "gdp", str(tmp_path / "B"))[1])
    assert all(str(tmp_path / "B") in (r["target_file"] or r["actual_file"]) for r in panel)


def _text_pdf(content: bytes, *, password: str | None = None, owner: str = "owner") -> bytes:
    """A one-page PDF whose page draws `content` in Helvetica: enough for pypdf to find its text."""
    import io

    import pypdf
    from pypdf.generic import DictionaryObject, NameObject, StreamObject

    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(612, 792)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    stream = StreamObject()
    stream._data = zlib.compress(content, 9)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(stream)
    if password is not None:
        writer.encrypt(password, owner, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


DRAWN = b"BT /F1 12 Tf 72 720 Td (Government Work Report 2024) Tj ET\n"


def test_a_flate_bomb_inside_a_pdf_is_one_error(cli, tmp_path):
    (tmp_path / "plain.pdf").write_bytes(_text_pdf(DRAWN))
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_text_pdf(DRAWN + b" " * (200 * 1024 * 1024)))  # inflates to 200 MB
    assert bomb.stat().st_size < 1_000_000
    code, out, err = cli("text", str(tmp_path / "plain.pdf"), str(bomb), str(SEED))
    assert code == 1 and "Government Work Report 2024" in out and "各位代表" in out
    assert "bomb.pdf: goes past pypdf's limits (a stream unpacks past 75 MB" in err and "internal error" not in err


def test_an_encrypted_pdf_with_an_empty_password_is_read_and_a_locked_one_is_said(cli, tmp_path):
    (tmp_path / "open.pdf").write_bytes(_text_pdf(DRAWN, password=""))
    (tmp_path / "locked.pdf").write_bytes(_text_pdf(DRAWN, password="secret"))
    code, out, err = cli("text", str(tmp_path / "open.pdf"), str(tmp_path / "locked.pdf"))
    assert code == 1 and "Government Work Report 2024" in out
    assert "locked.pdf: the PDF is encrypted (it needs a password" in err and err.count("\n") == 1


def test_a_docx_of_too_many_paragraphs_is_one_error(cli, tmp_path, monkeypatch):
    from govreport.readers import docx

    import docx as python_docx

    document = python_docx.Document()
    for _ in range(1_500):
        document.add_paragraph("x")
    many = tmp_path / "many.docx"
    document.save(many)
    monkeypatch.setattr(docx, "MAX_PARAGRAPHS", 1_000)
    code, out, err = cli("info", str(many), str(SEED))
    assert code == 1 and "many.docx: more than 1,000 paragraphs" in err and "fengquan-2022.txt" in out


def test_pypdfs_warnings_reach_stderr_escaped(cli, tmp_path, monkeypatch):
    _pdf_that_warns(monkeypatch, "bad object \x1b[2J\ngovreport: FORGED")
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.7\n")
    code, out, err = cli("info", str(tmp_path / "a.pdf"))
    assert "\x1b" not in err and "FORGED" in err
    assert not any(line.startswith("govreport: FORGED") for line in err.splitlines())


def test_cache_megabytes_and_the_hits_and_misses_cache_info_shows(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("GOVREPORT_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("GOVREPORT_CACHE_MB", "2")
    assert cli("info", str(SEED))[0] == 0 and cli("info", str(SEED))[0] == 0
    code, out, _ = cli("cache", "info")
    row = tsv(out)[0]
    assert row["limit"] == str(2 * 1024 * 1024) and row["hits"] == "1" and row["misses"] == "1"
    cli("cache", "clear")
    assert tsv(cli("cache", "info")[1])[0]["hits"] == "0"


def test_a_table_of_rows_is_read_back_and_a_forged_one_refused():
    import json

    import pytest

    from govreport.analyses.targets import extract
    from govreport.document.document import load_document
    from govreport.readers.sources import read
    from govreport.run.cache import decode, encode

    rows = tuple(extract(load_document(read(str(SEED)))))
    table = encode(rows)
    assert "R" in table and decode(json.loads(json.dumps(table, ensure_ascii=False))) == rows
    name, values = json.loads(json.dumps(table, ensure_ascii=False))["R"]  # as the cache holds it
    for forged in ({"R": [name, [values[0][:-1]]]},  # a field short
                   {"R": [name, [[7] + values[0][1:]]]},  # a path that is a number
                   {"R": [name, [[True if isinstance(v, int) else v for v in values[0]]]]},  # a bool for an int
                   {"R": ["Popen", values]}, {"R": name}):
        with pytest.raises((ValueError, KeyError, TypeError)):
            decode(forged)


def test_word_counts_are_read_back_and_forged_ones_refused():
    import json
    from collections import Counter

    import pytest

    from govreport.run.cache import WORD_SEP, decode, encode

    for counts in (Counter({"乡村振兴": 7, "高质量发展": 3, "": 1}), Counter()):
        packed = encode(counts)
        assert "V" in packed and decode(json.loads(json.dumps(packed, ensure_ascii=False))) == counts
    # a key that holds the separator, or is no string, is written another way and still read back
    for odd in (Counter({f"a{WORD_SEP}b": 2, "c": 1}), Counter({("a", "b"): 2})):
        packed = encode(odd)
        assert "V" not in packed and decode(json.loads(json.dumps(packed))) == odd
    for forged in ({"V": ["a\x1fb", [1]]},  # fewer counts than words
                   {"V": ["a\x1fa", [1, 2]]},  # a word twice
                   {"V": ["a", ["1"]]}, {"V": ["a", [1.5]]},  # counts that are no whole numbers
                   {"V": ["a", []]}, {"V": [3, [1]]}, {"V": "a"}):
        with pytest.raises(ValueError):
            decode(forged)


def test_a_runs_notices_are_packed_and_read_back_whole():
    """A run entry's notices come back line for line (a file name may hold a newline), and a
    value that is no packed text reads as none."""
    from govreport.run.cache import pack_lines, unpack_lines

    lines = ["a\nb.txt and c.txt are both 河北省's 2025 report", "", "\u2028 separator", "x" * 5000]
    assert unpack_lines(pack_lines(lines)) == lines
    assert unpack_lines(pack_lines([])) == []
    for forged in ("not base64!", 7, None, "AAAA"):
        assert unpack_lines(forged) is None


def test_a_figure_too_great_for_a_float_is_shown_alike_cold_and_warm_and_never_cached(cli, tmp_path):
    """orjson writes inf and nan as null: a result holding one is refused by the cache (pack
    raises ValueError), so a warm run computes it again and shows the same row, never a
    missing value; whole counts and finite figures are cached as before."""
    import dataclasses
    from collections import Counter

    import pytest

    from govreport.analyses.targets import extract
    from govreport.document.document import load_document
    from govreport.readers.sources import read
    from govreport.run.cache import pack, unpack

    rows = tuple(extract(load_document(read(str(SEED)))))
    assert unpack(pack(rows)) == rows and unpack(pack(Counter({"乡村振兴": 7}))) == Counter({"乡村振兴": 7})
    for bad in (float("inf"), float("-inf"), float("nan")):
        for value in (rows[:3] + (dataclasses.replace(rows[3], base_value=bad),), bad, [1.0, bad],
                      Counter({"a": bad}), Counter({("a",): bad}), dataclasses.replace(rows[0], value=bad)):
            with pytest.raises(ValueError):
                pack(value)
    with pytest.raises((ValueError, TypeError)):
        pack(Counter({"a": 10 ** 400}))
    huge = tmp_path / "huge.txt"
    huge.write_text(f"各位代表：\n今年全市投资{'1' * 330}亿元，地区生产总值增长6%。\n", encoding="utf-8")
    cold = cli("targets", "-k", "all", "--format", "tsv", str(huge))
    warm = cli("targets", "-k", "all", "--format", "tsv", str(huge))
    assert cold == warm and cold[0] == 0 and "\tinf\t" in cold[1] and len(cold[1].splitlines()) == 3  # and 6%
