"""Traditional text: characters a second of govreport's loading (decode, normalise, OpenCC t2s)
against characters a second of cutting the converted text with each backend. Prints JSON."""
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from govreport.analyses.segment import Segmenter  # noqa: E402
from govreport.document.document import Document  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def rate(chars, seconds):
    return round(chars / seconds)


def main():
    text = (SHARED / "holdout" / "national-1954.txt").read_text(encoding="utf-8") * 10
    simplified_source = (SHARED / "reports" / "national-2024.txt").read_text(encoding="utf-8") * 10
    start = time.perf_counter()
    doc = Document.from_text(text)
    convert = time.perf_counter() - start
    start = time.perf_counter()
    Document.from_text(simplified_source)
    load_simplified = time.perf_counter() - start
    out = {"traditional_chars": len(text), "load_traditional_chars_per_s": rate(len(text), convert),
           "load_simplified_chars_per_s": rate(len(simplified_source), load_simplified)}
    for backend in ("jieba", "rjieba"):
        seg = Segmenter(backend=backend)
        start = time.perf_counter()
        seg.count(doc.text)
        out[f"cut_{backend}_chars_per_s"] = rate(len(doc.text), time.perf_counter() - start)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
