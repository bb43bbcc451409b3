"""The yardstick: what any script must pay to segment a report (import jieba, convert, cut)."""
import sys

import jieba
import opencc

jieba.setLogLevel(60)
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        text = opencc.OpenCC("t2s").convert(handle.read())
    words = jieba.lcut(text)
print(len(words))
