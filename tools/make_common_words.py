"""Write src/govreport/data/common_words.txt and numeral_idioms.txt: two-character words of everyday Chinese (jieba's
dictionary, frequency 1,000 and up). A report that quotes one of them (更有“质量”, 更有“温度”,
“梦想”号) quotes a word, not a slogan; `slogans` types it `word`. Data, so slogans never loads jieba.

    python tools/make_common_words.py
"""
import os
import sys
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parent.parent
MIN_FREQ = 1000
NUMERALS = set("〇零一二两三四五六七八九十百千万亿双")
EXTRA_IDIOMS = {"四两拨千斤", "一锤定音", "一张蓝图绘到底", "一竿子插到底"}  # idioms jieba tags n

words, idioms = [], []
with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as handle:
    for line in handle:
        word, freq, *tag = line.split()
        if len(word) >= 4 and word[0] in NUMERALS and tag and (tag[0] in ("i", "l") or word in EXTRA_IDIOMS):
            idioms.append(word)  # 四两拨千斤, 一马当先, 三心二意: idioms, not numbered formulas
        if len(word) == 2 and int(freq) >= MIN_FREQ and all("\u4e00" <= ch <= "\u9fff" for ch in word) \
                and not NUMERALS & set(word):
            words.append(word)
out = ROOT / "src" / "govreport" / "data" / "common_words.txt"
out.write_text("# Two-character everyday words (jieba's dictionary, frequency >= 1000), by tools/make_common_words.py\n"
               + "\n".join(sorted(words)) + "\n", encoding="utf-8")
print(f"{out}: {len(words)} words", file=sys.stderr)
out = ROOT / "src" / "govreport" / "data" / "numeral_idioms.txt"
out.write_text("# Idioms that begin with a numeral (jieba's dictionary, tags i and l), by tools/make_common_words.py\n"
               + "\n".join(sorted(idioms)) + "\n", encoding="utf-8")
print(f"{out}: {len(idioms)} idioms", file=sys.stderr)
