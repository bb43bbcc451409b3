"""Bad input of every kind: one clear line on stderr, the right exit code, never a traceback."""
import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import SEED, tsv

GOOD = "一、2021年工作回顾\n全年实现地区生产总值83.18亿元，同比增长4.4%。\n"


def one_line_error(err, *parts):
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("govreport: "), err
    assert all(p in lines[0] for p in parts), err
    assert "Traceback" not in err


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "empty file"),
    ("binary.txt", bytes(range(256)) * 40, "binary file"),
    ("random.txt", os.urandom(4096).replace(b"\x00", b"\x01"), ""),
    ("wrong.txt", "地区生产总值增长".encode("utf-16-le") + b"\xff", ""),
])
@pytest.mark.parametrize("command", ["keywords", "targets", "slogans"])
def test_bad_file_beside_a_good_one(cli, tmp_path, name, content, message, command):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, out, err = cli(command, "--jobs", "1", str(bad), str(good), *(["--kind", "all"] if command == "targets" else []))
    assert code == 1
    one_line_error(err, str(bad), message)
    if command != "slogans":
        assert len(tsv(out)) >= 1


def test_missing_path_and_empty_folder(cli, tmp_path):
    code, _, err = cli("targets", str(tmp_path / "nope"))
    assert code == 1
    one_line_error(err, "no such file or folder")
    code, _, err = cli("targets", str(tmp_path))
    assert code == 1
    one_line_error(err, "no reports in this folder")


def test_unreadable_file(cli, tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(GOOD, encoding="utf-8")
    real_open = open

    def deny(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    real_os_open = __import__("os").open

    def deny_fd(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    monkeypatch.setattr("os.open", deny_fd)  # the reader opens inputs by descriptor (one check, one open)
    code, _, err = cli("targets", "--no-cache", str(path))
    assert code == 1
    one_line_error(err, "permission denied")


def test_undecodable_with_forced_encoding(cli, tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(GOOD.encode("gb18030"))
    code, _, err = cli("targets", "--encoding", "utf-8", str(path))
    assert code == 1
    one_line_error(err, "not valid utf-8", "--encoding")
    assert cli("targets", "--kind", "all", "--encoding", "gb18030", str(path))[0] == 0


def test_a_line_of_megabytes(cli, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(("地区生产总值增长5%左右，“六稳”工作扎实推进，" * 120_000), encoding="utf-8")
    for command in ("targets", "slogans"):
        code, out, err = cli(command, "--kind", "all", str(path)) if command == "targets" else cli(command, str(path))
        assert code == 0 and err == "" and len(out) > 0


def test_bad_options_are_usage_errors(cli):
    for args in (["targets", "--kind", "nope", str(SEED)], ["keywords", "--jobs", "0", str(SEED)],
                 ["slogans", "--format", "xml", str(SEED)], ["nonsense"]):
        code, _, err = cli(*args)
        assert code == 2, args
        assert "Traceback" not in err


def test_ctrl_c_ends_quietly_with_130(tmp_path):
    paths = []
    for i in range(2):  # lines all different, so no shortcut for a repeated line could end the run early
        big = tmp_path / f"big{i}.txt"
        big.write_text("".join(f"第{i}份第{n}条：全面推进乡村振兴，持续优化营商环境，推动高质量发展。\n"
                               for n in range(150_000)), encoding="utf-8")
        paths.append(str(big))
    proc = subprocess.Popen([sys.executable, "-m", "govreport", "keywords", "--no-cache", "--jobs", "2",
                             "--segmenter", "jieba", *paths],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            # a shell's background job ignores Ctrl-C, and its children would too
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(2.5)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


def test_nothing_is_written_over_an_input(cli, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(GOOD, encoding="utf-8")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    for command in ("keywords", "targets", "slogans"):
        cli(command, str(path))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
