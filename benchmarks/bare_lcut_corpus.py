"""The corpus yardstick: what any script must pay to segment a folder (import jieba, convert, cut)."""
import os
import sys

import jieba
import opencc

jieba.setLogLevel(60)
convert = opencc.OpenCC("t2s").convert
total = 0
for root, _, files in os.walk(sys.argv[1]):
    for name in sorted(files):
        with open(os.path.join(root, name), encoding="utf-8") as handle:
            total += len(jieba.lcut(convert(handle.read())))
print(total)
