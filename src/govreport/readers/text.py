"""Bytes -> text: BOM, UTF-8, then the best of GB18030 / Big5 / UTF-16; a clear InputError otherwise."""

from __future__ import annotations

import codecs
import re

from govreport.datafiles import common_hanzi
from govreport.errors import InputError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Big5 as Windows writes it (cp950: 裏, 恒, 碁, €) and as Hong Kong does (Big5-HKSCS: 衞, 枱, 綫) are
# supersets of Big5: tried after it, and kept only where they read the bytes differently.
CANDIDATES = ("gb18030", "big5", "cp950", "big5hkscs", "utf_16_le", "utf_16_be")
ENCODING_HINT = "try --encoding"
TIE = 0.02  # readability scores this close are settled by charset-normalizer
# Control characters other than tab, newlines and form feed: many of them mean binary data.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# What report text is made of: hanzi, ASCII, CJK and full-width punctuation, common symbols.
PLAUSIBLE = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\x09-\x0d\x20-\x7e\u3000-\u303f\uff00-\uffef"
                       r"\u2010-\u203f\u00a0-\u00ff\u2160-\u216f\u2460-\u24ff\u25a0-\u25ff\ufffd]")
HANZI = re.compile(r"[\u4e00-\u9fff]")


def decode(data: bytes, name: str, encoding: str | None = None, notes: list[str] | None = None) -> str:
    """Decode one input; raises InputError naming the input when it is not text.

    A file whose lines mix two encodings (UTF-8 pasted into GBK) is read line by line, and `notes`
    gets a line saying which lines were read in the other encoding.
    """
    if not data:
        raise InputError(name, "empty file")
    if encoding:
        try:
            return _decode_as(data, name, encoding)
        except InputError:
            if (mixed := _line_by_line(data, encoding, notes)) is not None:
                return mixed
            raise
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _check_text(_decode_as(data, name, codec), name, guessed=False)
    if b"\x00" in data:
        try:
            return _check_text(_utf16_without_bom(data, name), name)
        except InputError:
            raise InputError(name, "binary file, not a text report") from None
    try:
        return _check_text(data.decode("utf-8"), name, guessed=False)
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data" and len(data) - err.start <= 3:  # cut short mid-character
            if notes is not None:
                notes.append("the file ends inside a character (cut short?): the last bytes are read as �")
            return _check_text(data[:err.start].decode("utf-8") + "\ufffd", name, guessed=False)
    try:
        return _check_text(_best_guess(data, name), name)
    except InputError:
        if (mixed := _line_by_line(data, "utf-8", notes) or _line_by_line(data, "gb18030", notes)) is not None:
            return mixed
        raise


def _line_by_line(data: bytes, first: str, notes: list[str] | None) -> str | None:
    """Each line in `first` where it decodes, else in the other of UTF-8 and GB18030; None unless
    every line then reads as text."""
    other = "gb18030" if first.replace("_", "-").lower() in ("utf-8", "utf8") else "utf-8"
    lines, fallen = [], []
    for number, raw in enumerate(data.split(b"\n"), 1):
        try:
            lines.append(raw.decode(first))
        except (UnicodeDecodeError, LookupError):
            try:
                lines.append(raw.decode(other))
            except UnicodeDecodeError:
                return None
            fallen.append(number)
    text = "\n".join(lines)
    if not fallen or 2 * len(fallen) >= sum(1 for line in lines if line.strip()):
        return None  # most lines are not in `first`: not a mixed file, the wrong encoding
    try:
        _check_text(text, "", guessed=True)
    except InputError:
        return None
    if notes is not None:
        shown = ", ".join(map(str, fallen[:12])) + (", …" if len(fallen) > 12 else "")
        notes.append(f"mixed encodings: {len(fallen)} lines read as {other}, the rest as {first} (lines {shown})")
    return text


def _utf16_without_bom(data: bytes, name: str) -> str:
    """NUL bytes in text mean UTF-16 (an ASCII character, or a hanzi like 一 U+4E00, leaves a zero):
    of little- and big-endian, the one that reads like a report."""
    if len(data) % 2:
        raise InputError(name, "binary file, not a text report")
    texts = [data.decode(codec) for codec in ("utf_16_le", "utf_16_be") if _decodes(data, codec)]
    if not texts:
        raise InputError(name, "binary file, not a text report")
    return max(texts, key=_readability)


def _decode_as(data: bytes, name: str, codec: str) -> str:
    try:
        return data.decode(codec)
    except LookupError:
        raise InputError(name, f"unknown encoding {codec!r}") from None
    except UnicodeDecodeError as err:
        raise InputError(name, f"not valid {codec} at byte {err.start}", ENCODING_HINT) from None


def _best_guess(data: bytes, name: str) -> str:
    """Among the codecs that decode the bytes, the one whose text reads most like a report."""
    texts: dict[str, str] = {}
    for codec in CANDIDATES:
        if _decodes(data, codec):
            text = data.decode(codec)
            if text not in texts.values():  # a superset that reads the bytes alike adds nothing
                texts[codec] = text
    if not texts:
        if b"\x00" in data:
            raise InputError(name, "binary file, not a text report")
        raise InputError(name, "not UTF-8, GB18030, Big5 or UTF-16", ENCODING_HINT)
    scored = sorted(((_readability(text), codec) for codec, text in texts.items()), reverse=True)
    order = [codec for _, codec in scored]
    if len(scored) > 1 and scored[0][0] - scored[1][0] < TIE:
        from charset_normalizer import (
            from_bytes,  # a close call: ask the statistical detector
        )

        best = from_bytes(data, cp_isolation=order[:2]).best()
        if best is not None and best.encoding in order:
            order.insert(0, best.encoding)
    for codec in order[:-1]:
        try:
            return _check_text(texts[codec], name)
        except InputError:
            continue
    return texts[order[-1]]


def _readability(text: str) -> float:
    """Share of a sample made of common hanzi, ASCII and punctuation."""
    sample = text[:20000]
    common = common_hanzi()
    good = sum(1 for ch in sample if ch in common or "\x20" <= ch < "\x7f" or ch in "\t\n\r" or "\u3000" <= ch <= "\u303f"
               or "\uff00" <= ch <= "\uffef")
    return good / max(1, len(sample))


def _decodes(data: bytes, codec: str) -> bool:
    if codec.startswith("utf_16") and len(data) % 2:
        return False
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _check_text(text: str, name: str, *, guessed: bool = True) -> str:
    """Refuse binary data and, for a guessed codec, bytes that only decode to noise (random hanzi)."""
    sample = text[:65536]
    if len(CONTROL.findall(sample)) > max(2, len(sample) // 200):
        raise InputError(name, "binary file, not a text report")
    if not guessed:
        return text  # valid UTF-8 or a BOM is evidence enough
    plausible = len(PLAUSIBLE.findall(sample))
    hanzi = HANZI.findall(sample)
    common = common_hanzi()
    if plausible < 0.8 * len(sample) or (len(hanzi) >= 20 and sum(h in common for h in hanzi) < 0.6 * len(hanzi)):
        raise InputError(name, "does not decode to readable text", ENCODING_HINT)
    return text
