import pytest

from govreport.errors import InputError
from govreport.readers.text import decode

SIMPLIFIED = "各位代表：\n2022年地区生产总值增长10%以上，一般公共预算收入增长8%。\n"
TRADITIONAL = "各位代表：\n2022年地區生產總值增長10%以上，一般公共預算收入增長8%。\n"


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_simplified_text_in_each_encoding(codec):
    assert decode(SIMPLIFIED.encode(codec), "r.txt") == SIMPLIFIED


@pytest.mark.parametrize("codec", ["utf-8", "big5", "utf-16"])
def test_traditional_text_in_each_encoding(codec):
    assert decode(TRADITIONAL.encode(codec), "r.txt") == TRADITIONAL


def test_encoding_override_wins():
    data = SIMPLIFIED.encode("gb18030")
    assert decode(data, "r.txt", "gb18030") == SIMPLIFIED
    with pytest.raises(InputError, match="not valid utf-8"):
        decode(data, "r.txt", "utf-8")


def test_unknown_encoding_is_an_input_error():
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"abc", "r.txt", "no-such-codec")


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (bytes(range(256)) * 8, "binary file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
])
def test_not_text(data, message):
    with pytest.raises(InputError, match=message) as err:
        decode(data, "bad.bin")
    assert str(err.value).startswith("bad.bin: ")
