"""Who a report is from and which year it plans: one resolved identity that every analysis reads.

The year comes from the most direct thing the report says: a researcher's --meta row, the delivery
date, the national session it is given to, its title, its headings, the review of the year before
("刚刚过去的1984年"), the plan term it opens, then the years its reviews and plans name; the file
name only as a last resort. The region is every place the report names itself (meeting line,
metadata header, title, speaker's office, "我代表…人民政府", "全省" beside the names it uses),
resolved to one GB/T 2260 code valid in that year. Each answer carries the cue it came from.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from govreport import datafiles
from govreport.rules import gazetteer
from govreport.rules.filename import name_hint
from govreport.rules.header import LAST_SESSION, NATIONAL, TitleBlock, read_header, small_number
from govreport.rules.headings import REVIEW

# --- the year -------------------------------------------------------------------------------
# "一、2009年工作回顾" -> 2010;  "一、2025年主要工作和“十四五”发展成就" -> 2026 (a review, however worded)
REVIEW_YEAR = re.compile(r"(\d{4})年(?:及[^、，]{0,8})?(?:和[^、，]{0,10})?(?:政府)?(?:主要)?工作(?:回顾|总结)")
# "二、2010年主要任务", "三、2011年的工作": the year itself.
PLAN_YEAR = re.compile(r"(\d{4})年(?:[^，。]{0,12})(?:主要任务|工作安排|重点工作|工作任务|总体要求|目标任务|预期目标|"
                       r"主要工作|总体部署|政府工作|的工作$)")
# "陕西省2026年政府工作报告", "2021年保定市政府工作报告"
TITLE_YEAR = re.compile(r"(\d{4})年[^，。]{0,16}?(?:人民)?政府工作报告|政府工作报告[（(]?(\d{4})")
# "2013年是…": said in the opening of the plan; "1986年是…取得显著成就的一年": said in the review.
YEAR_IS = re.compile(r"(?<![到至从和、])(\d{4})年是(?P<rest>[^。；]*)")
PAST_YEAR_WORDS = re.compile(r"取得|成就|成绩|不平凡|困难|严峻|丰收|胜利|经受|考验|极不寻常")
# "刚刚过去的１９８４年，是…", "在刚刚过去的1987年": the year before the report's.
JUST_PAST = re.compile(r"(?:刚刚|刚)过去的(\d{4})年")
# "今年是实行“七五”计划的头一年", "今年是“十四五”规划收官之年": the plan term the report's year opens or closes.
TERM_YEAR = re.compile(r"今年是[^。；]{0,16}?(?:“|\")?(?:第(?P<long>[一二三四五六七八九十]+)个五年计划|"
                       r"(?P<short>十?[一二三四五六七八九])五)(?:”|\")?(?:计划|规划)?[^。；，]{0,6}?"
                       r"(?P<which>第一年|头一年|开局之年|起步之年|最后一年|收官之年|第(?P<nth>[二三四])年)")
# "1983年，农业生产…又获得大丰收", "1979年轻工业总产值比上年增长9.6%": a year's results, reviewed.
REVIEWED_YEAR = re.compile(r"(?:^|[。；！])(?:在)?(\d{4})年[，,]?[^。；]{0,60}?(?:比上年|比去年|比前一年|同比|"
                           r"又获得|取得了|完成了|实现了|达到了?|增长了)")
# "1954年预计…", "1954年的计划", "1954年国家预算": the year whose plans a report without headings sets out.
# "1987年，我们要继续扩大对外开放", "确定1987年经济体制改革的主要任务": what the report plans for it.
PLANNED_YEAR = re.compile(r"(?<![到至从和、])(\d{4})年(?:的|国家)?(?:国民经济)?(?:预计|计划|预算|要|，我们要|"
                          r"[^。，；]{0,10}的主要任务)")
# "全省", "我市", "全县": how the report calls its own region, and so its level.
SELF = re.compile(r"(?:全|我|本)(国|省|市|县|区|州|旗|盟)")
SELF_LEVEL = {"国": "national", "省": "provincial", "市": "city", "县": "county-district", "区": None,
              "州": "city", "旗": "county-district", "盟": "city"}


@dataclass(frozen=True)
class Identity:
    """A report's region, its GB/T 2260 code, level and province, and its year, with their cues."""

    region: str | None
    region_code: str | None
    province: str | None
    level: str | None
    year: int | None
    region_cue: str | None  # meta, meeting line, header, title, speaker, opening, self-reference, file name
    year_cue: str | None  # meta, meeting line, date line, header, head, session, title, heading, review, plan term, plan, file name
    date: str | None
    meeting: str | None
    speaker: str | None
    title: str | None


def unit_key(region_code: str | None, file: str) -> str:
    """What panels, diffs and trends group a report by: its region code, or, when its region is
    unknown, its own file (never merged with another)."""
    return region_code or f"?{file}"


_SEEN: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def identify(doc) -> Identity:
    """The report's identity, computed once per document."""
    if (found := _SEEN.get(doc)) is None:
        found = _SEEN[doc] = _identify(doc.lines, doc.name, doc.given)
        guessed = [what for what, cue in (("region", found.region_cue), ("year", found.year_cue)) if cue == "file name"]
        if guessed:
            doc.notes.append(f"the text does not say its {' or '.join(guessed)}: read from the file name "
                             f"(check it, or give it with --meta)")
    return found


def _identify(lines: Sequence[str], name: str, given: dict[str, str]) -> Identity:
    block = read_header(lines)
    year, year_cue = (int(given["year"]), "meta") if given.get("year") else report_year(lines, block)
    if year is None and (year := name_hint(name)[1]) is not None:
        year_cue = "file name"
    region, region_cue = _region(lines, block, given, name, year)
    return Identity(
        region=region.name if region else None, region_code=region.code if region else None,
        province=(region.province or None) if region else None,
        level=given.get("level") or (region.level if region else None),
        year=year, region_cue=region_cue, year_cue=year_cue,
        date=f"{block.date[0]}-{block.date[1]:02d}-{block.date[2]:02d}" if block.date else None,
        meeting=block.meeting, speaker=block.speaker, title=block.title)


def report_year(lines: Sequence[str], block: TitleBlock | None = None) -> tuple[int | None, str | None]:
    """The year the report plans for, and the cue it came from."""
    block = block or read_header(lines)
    if block.date:
        return block.date[0], block.date_cue
    if block.session and (year := session_year(*block.session)):
        return year, "session"
    if block.title and (match := TITLE_YEAR.search(block.title)):
        return int(match.group(1) or match.group(2)), "title"
    for line in lines:
        if len(line) <= 60:
            if match := REVIEW_YEAR.search(line):
                return int(match.group(1)) + 1, "heading"
            if match := PLAN_YEAR.search(line):
                review = REVIEW.search(line[match.end(1):])
                return int(match.group(1)) + (1 if review else 0), "heading"
    text = "\n".join(lines)
    if match := JUST_PAST.search(text):
        return int(match.group(1)) + 1, "review"
    if match := TERM_YEAR.search(text):
        return _term_year(match), "plan term"
    if (match := LAST_SESSION.search(text)) and \
            (last := session_year(small_number(match.group("term")), small_number(match.group("session")))):
        return last + 1, "session"
    said = [(int(m.group(1)), bool(PAST_YEAR_WORDS.search(m.group("rest")))) for m in YEAR_IS.finditer(text)]
    reviewed = Counter(int(m.group(1)) + 1 for m in REVIEWED_YEAR.finditer(text))
    reviewed.update(year + 1 for year, past in said if past)
    planned = Counter(int(m.group(1)) for m in PLANNED_YEAR.finditer(text))
    planned.update(year for year, past in said if not past)
    votes = reviewed + planned
    if votes:
        best = max(votes, key=lambda y: (votes[y], y))
        return best, "review" if reviewed[best] >= planned[best] else "plan"
    return None, None


def _term_year(match: re.Match) -> int:
    from govreport.rules.frames import plan_years  # the time-frame rules load only where a year is read

    number = match.group("long") or match.group("short")
    first, last = plan_years(small_number(number))
    which = match.group("which")
    if which in ("最后一年", "收官之年"):
        return last
    if match.group("nth"):
        return first + small_number(match.group("nth")) - 1
    return first


def session_year(term: int, session: int) -> int | None:
    """The year of a session of the National People's Congress (data/npc_sessions.tsv)."""
    for row in datafiles.table("npc_sessions.tsv"):
        if int(row[0]) == term and int(row[1]) == session:
            return int(row[2])
    return None


# --- the region -----------------------------------------------------------------------------

def _region(lines, block: TitleBlock, given: dict[str, str], name: str, year: int | None):
    """The division the report is from (gazetteer.COUNTRY for the national report), and the cue."""
    if given.get("region_code"):
        code = given["region_code"]
        return (gazetteer.COUNTRY if code == gazetteer.NATIONAL_CODE else gazetteer.by_code().get(code)), "meta"
    if given.get("region"):
        region = given["region"]
        return (gazetteer.COUNTRY if region == NATIONAL else gazetteer.resolve(region, year)), "meta"
    named = [(block.meeting_region, "meeting line"), (block.issuer, "header"), (block.title, "title"),
             (block.speaker_region, "speaker"), (block.on_behalf, "opening")]
    named = [(text, cue) for text, cue in named if text]
    if block.national and not any(gazetteer.split_chain(text) for text, cue in named if cue != "title"):
        return gazetteer.COUNTRY, "national"
    context = [text for text, _ in named]
    mentions = None
    for text, cue in named:
        found = gazetteer.resolve(text, year, context=context)
        if found is None and gazetteer.split_chain(text):
            mentions = mentions if mentions is not None else gazetteer.names_in("\n".join(lines))
            found = gazetteer.resolve(text, year, context=context, mentions=mentions)
        if found is not None:
            return found, cue
    if (found := _self_reference(lines, year)) is not None:
        return found, ("national" if found is gazetteer.COUNTRY else "self-reference")
    if found := gazetteer.resolve(name_hint(name)[0], year):
        return found, "file name"
    return None, None


def _self_reference(lines: Sequence[str], year: int | None):
    """"全省" beside the names the report uses most: the level from how it calls itself, the region
    the division of that level it names most often."""
    text = "\n".join(lines)
    calls = Counter(m.group(1) for m in SELF.finditer(text))
    if not calls:
        return None
    word, count = calls.most_common(1)[0]
    if word == "国":
        return gazetteer.COUNTRY if count >= 5 else None
    level = SELF_LEVEL[word]
    mentions = gazetteer.names_in(text)
    candidates = [(n, name) for name, n in mentions.items() if name.endswith(word)]
    for n, name in sorted(candidates, reverse=True):
        found = gazetteer.resolve(name, year, mentions=mentions)
        if found is not None and (level is None or found.level == level):
            return found
    return None
