import io

import pytest

from govreport.errors import InputError
from govreport.readers.sources import Skipped, expand, read


def test_folder_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ["b/2.txt", "a.md", "c.html", "d.pdf", "e.docx", "f.png", ".hidden.txt"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = list(expand([str(tmp_path)]))
    assert [p.split(str(tmp_path))[1] for p in found if isinstance(p, str)] == ["/c.html", "/d.pdf", "/e.docx",
                                                                               "/b/2.txt"]
    skipped = [p for p in found if isinstance(p, Skipped)]
    assert len(skipped) == 1 and skipped[0].counts == {".md": 1, ".png": 1}  # Markdown only when named


def test_missing_path_and_empty_folder_are_errors(tmp_path):
    results = list(expand([str(tmp_path / "nope.txt"), str(tmp_path)]))
    assert all(isinstance(r, InputError) for r in results)
    assert "no such file" in str(results[0]) and "no reports" in str(results[1])


def test_glob(tmp_path):
    for name in ["r2021.txt", "r2022.txt", "other.md"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert len(list(expand([str(tmp_path / "r20*.txt")]))) == 2


def test_stdin_and_file_bytes(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes("报告".encode("gb18030"))
    assert read(str(path)).data == "报告".encode("gb18030")
    assert read("-", io.BytesIO(b"abc")).data == b"abc"
    with pytest.raises(InputError, match="is a folder"):
        read(str(tmp_path))


def test_a_file_is_read_whole_whatever_size_it_reports(tmp_path):
    """read asks for the bytes the file says it holds, and reads on when it holds more: a file of
    /proc says 0 bytes and holds hundreds; the size limit still counts every byte."""
    import os

    proc = "/proc/self/status"
    if os.path.exists(proc) and os.stat(proc).st_size == 0:
        assert len(read(proc).data) > 100
    path = tmp_path / "r.txt"
    path.write_bytes("增长5%。".encode() * 1000)
    assert read(str(path)).data == path.read_bytes()
    assert read(str(path), max_size=len(path.read_bytes())).data == path.read_bytes()
    with pytest.raises(InputError):
        read(str(path), max_size=len(path.read_bytes()) - 1)
