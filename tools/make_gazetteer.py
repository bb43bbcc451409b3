"""Build src/govreport/data/regions.tsv from ../shared/regions/areacodes.csv (GB/T 2260, CC0).

Source: result.csv of yescallop/areacodes (CC0 1.0): every county-level-and-above division since
1981 with its code, name, level, parent, the year it came into use and the year it changed or was
retired, and the codes that took over. The package keeps the same facts, tab-separated, with the
parent's code spelled out so a name can be checked against the names around it:

    code  name  level  province  parent  start  end  successors

level: provincial, city (地级) or county-district (县级); parent: the code of the 地级 division
(empty for a province, a 地级 division, or a county a province governs directly); end: empty
while in use; successors: the codes that took over (the source's "[year]" notes dropped). Run: python tools/make_gazetteer.py [areacodes.csv]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "regions" / "areacodes.csv"
TARGET = ROOT / "src" / "govreport" / "data" / "regions.tsv"
LEVELS = {"省级": "provincial", "地级": "city", "县级": "county-district"}


def main(source: Path = SOURCE) -> None:
    with open(source, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    # the 地级 division a county belongs to: the one of its name under its province, in use when the county began
    cities: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        if row["级别"] == "地级":
            cities.setdefault((row["一级行政区"], row["名称"]), []).append(row)
    out = ["# GB/T 2260 divisions since 1981, from yescallop/areacodes (CC0 1.0) by tools/make_gazetteer.py",
           "# code\tname\tlevel\tprovince\tparent\tstart\tend\tsuccessors"]
    for row in rows:
        parent = ""
        if row["级别"] == "县级" and row["二级行政区"] not in ("", "直辖"):
            parent = _parent(cities.get((row["一级行政区"], row["二级行政区"]), []), row)
        out.append("\t".join([row["代码"], row["名称"], LEVELS[row["级别"]], row["一级行政区"], parent,
                              row["启用时间"], row["变更/弃用时间"], ",".join(code.split("[")[0] for code in row["新代码"].split(";") if code)]))
    TARGET.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(rows)} divisions", file=sys.stderr)


def _parent(candidates: list[dict], county: dict) -> str:
    """The parent's code: the candidate whose years overlap the county's, else the one sharing its code prefix."""
    start, end = int(county["启用时间"]), int(county["变更/弃用时间"] or 9999)
    for city in candidates:
        if int(city["启用时间"]) <= end and int(city["变更/弃用时间"] or 9999) >= start \
                and city["代码"][:4] == county["代码"][:4]:
            return city["代码"]
    for city in candidates:
        if int(city["启用时间"]) <= end and int(city["变更/弃用时间"] or 9999) >= start:
            return city["代码"]
    return candidates[0]["代码"] if candidates else ""


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
