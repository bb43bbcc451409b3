"""Hardening, round three (issue 24): no forged line, no lost permission, no input overwritten, a
full disk said in one line."""
import os
import subprocess
import sys

from conftest import SEED


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
