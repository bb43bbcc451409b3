"""Write src/govreport/data/common_hanzi.txt: the hanzi that carry 99.9% of jieba's dictionary weight.

Run once when jieba's dictionary changes; the damage detector calls any other hanzi rare.
"""
import collections
import os
import sys

import jieba

SHARE = float(sys.argv[1]) if len(sys.argv) > 1 else 0.999


def main():
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    weight = collections.Counter()
    with open(path, encoding="utf-8") as handle:
        for row in handle:
            word, freq, *_ = row.split()
            for ch in word:
                if "\u4e00" <= ch <= "\u9fff":
                    weight[ch] += int(freq)
    total, running, kept = sum(weight.values()), 0, []
    for ch, w in weight.most_common():
        if running >= SHARE * total:
            break
        kept.append(ch)
        running += w
    out = os.path.join(os.path.dirname(__file__), "..", "src", "govreport", "data", "common_hanzi.txt")
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(f"# {len(kept)} hanzi holding {SHARE:.1%} of jieba dict.txt weight; made by tools/make_common_hanzi.py\n")
        for i in range(0, len(kept), 50):
            handle.write("".join(kept[i:i + 50]) + "\n")
    print(len(kept))


if __name__ == "__main__":
    main()
