"""How one figure's fields are read from the words around it: bound, change, kind, year, indicator."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from govreport.analyses.rows import quick_init
from govreport.rules import cues
from govreport.rules.frames import LineFrame, SentenceFrames, clause_frame
from govreport.rules.identity import Identity
from govreport.rules.numbers import Figure, is_count
from govreport.rules.units import kind_of

GDP_WORDS = re.compile(r"^(?:经济|经济增长|经济增速|经济总量|经济增长速度)$")


@quick_init  # one a line with figures, and one a sentence that opens a time frame
@dataclass(frozen=True)
class Context:
    """What a figure is read against: the report's year, its national or local GDP name, the line's frame,
    and who the report is (rules/identity.py)."""

    year: int | None
    gdp: str
    line: LineFrame
    who: Identity | None = None


def respective(line: str, figures: Sequence[Figure], start: int) -> dict[int, str]:
    """`城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内`: the i-th subject goes with the i-th figure.

    Only a 分别 in the figure's own clause counts; `城镇、农村居民人均可支配收入分别增长4.5%、5.5%`
    shares its head noun: 城镇 -> 城镇居民人均可支配收入.
    """
    out: dict[int, str] = {}
    if not figures or "别" not in line[start:figures[-1].start]:  # no 分别 before any figure: most sentences
        return out
    for i, fig in enumerate(figures):
        clause = clause_before(line[start:fig.start])
        at = clause.rfind("分别")
        if at < 0 or fig.start in out:
            continue
        near = [f for f in figures[i:] if f.start < fig.start + len(clause) + 200]
        near = [f for f in near if "，" not in line[fig.start:f.start] and "；" not in line[fig.start:f.start]]
        subject = clean_name(clause[:at], subjects=True)
        for names in (split_subjects(subject, by="、"), split_subjects(subject)):
            group = near[:len(names)]
            if len(names) > 1 and len(group) == len(names):  # "租赁和商务服务业" is one subject when 、 lists them
                out.update({f.start: n[-24:] for f, n in zip(group, names)})
                break
    return out


def split_subjects(subject: str, *, by: str = "、和与及") -> list[str]:
    """The subjects of a `分别` list, each with its head noun.

    >>> split_subjects("城镇、农村居民人均可支配收入"), split_subjects("城乡居民人均可支配收入")
    (['城镇居民人均可支配收入', '农村居民人均可支配收入'], ['城镇居民人均可支配收入', '农村居民人均可支配收入'])
    >>> split_subjects("一二三产增加值"), split_subjects("单位国内生产总值用水量、能耗、二氧化碳排放量")
    (['一产增加值', '二产增加值', '三产增加值'], ['单位国内生产总值用水量', '能耗', '二氧化碳排放量'])
    >>> split_subjects("第一、第三产业增加值"), split_subjects("高技术制造业、装备制造业增加值")
    (['第一产业增加值', '第三产业增加值'], ['高技术制造业增加值', '装备制造业增加值'])
    """
    if (joint := cues.JOINT_SUBJECTS.match(subject)) is not None:  # 城乡居民…, 一二三产增加值: several in one word
        parts = cues.JOINT_PARTS[joint.group(1)]
        return [part + subject[joint.end():] for part in parts]
    names = [n for n in re.split(f"[{by}]", subject) if n]
    last = names[-1] if names else ""
    return [_with_head(n, last) for n in names[:-1]] + names[-1:]


def _with_head(name: str, last: str) -> str:
    """A subject that shares the last one's head noun gets it: 第一 (、第三产业增加值) -> 第一产业增加值,
    高技术制造业 (、装备制造业增加值) -> 高技术制造业增加值, 城镇 (、农村居民…) -> 城镇居民…."""
    if cues.SHARED_HEAD.match(name) and cues.SHARED_HEAD.match(last[:len(name)]):
        return name + last[len(name):]
    if len(name) <= 3 and len(last) > len(name) and _same_kind(name[0], last[0]):
        return name + last[len(name):]  # 第一、第三产业增加值
    for size in range(min(len(name), 6), 1, -1):  # the longest end of the name that stands inside the last
        at = last.find(name[-size:])
        if 0 < at and at + size < len(last) and cues.HEAD_NOUN.match(last[at + size:]):
            return name + last[at + size:]
    return name


def _same_kind(a: str, b: str) -> bool:
    return a == b or (a in "一二三四五六七八九十" and b in "一二三四五六七八九十")


def comparators(line: str, figures: Sequence[Figure], start: int, end: int) -> list[str]:
    """Each figure's bound: its own suffix, else the word right before it; `分别…以内` bounds the whole list."""
    out = []
    for fig in figures:
        before = line[start:fig.start]
        if fig.bound:
            out.append(fig.bound)
        elif before[-1:] not in BOUND_ENDS:
            out.append("=")
        elif cues.AT_LEAST_BEFORE.search(before):
            out.append(">=")
        elif cues.AT_MOST_BEFORE.search(before):
            out.append("<=")
        elif cues.ABOUT_BEFORE.search(before):
            out.append("~")
        else:
            out.append("=")
    for i in range(1, len(figures)):  # 超10亿元、30亿元: a bound word before a list covers it
        if line[figures[i - 1].end:figures[i].start] == "、" and out[i] == "=" and not figures[i - 1].bound:
            out[i] = out[i - 1]
    for i in range(len(figures) - 1, 0, -1):
        joined = line[figures[i - 1].end:figures[i].start]
        if joined in ("和", "、", "与", "及", "或") and out[i - 1] == "=" and out[i] in (">=", "<=", "~") \
                and "分别" in line[start:figures[i - 1].start]:
            out[i - 1] = out[i]
    return out


BOUND_ENDS = cues.ending_any(cues.AT_LEAST_BEFORE, cues.AT_MOST_BEFORE, cues.ABOUT_BEFORE)
LEANS = {"review": "actual", "plan": "target"}  # what a section's frame says of its sentences


def sentence_kind(sentence: str, context: Context) -> str | None:
    """target or actual when the sentence says so, else the section's lean; None when nothing tells."""
    years = set(map(int, cues.EXPLICIT_YEAR.findall(sentence))) if context.year else ()  # read only with a year
    past = bool(context.year and years and max(years) < context.year)
    lean = LEANS.get(context.line.frame.kind)
    if lean == "actual":  # each cue is searched only where the answer turns on it
        horizon = cues.HORIZON.search(sentence)
        if horizon and context.year and int(horizon.group(1)) >= context.year:
            return "target"
        if past:
            return "actual"  # "2012年，…国内生产总值增长7.8%": a past year's result
        if "今年" in sentence and cues.TARGET_CUE.search(sentence) and not cues.ACTUAL_CUE.search(sentence) \
                and cues.STATED_GOAL.search(sentence):
            return "target"
        return "actual"
    if lean == "target":
        return "actual" if cues.ACTUAL_CUE.search(sentence) and not cues.TARGET_CUE.search(sentence) \
            and cues.LOOKING_BACK.search(sentence) else "target"
    target, actual = cues.TARGET_CUE.search(sentence), cues.ACTUAL_CUE.search(sentence)
    if target and not actual:
        return "target"
    if actual and not target:
        return "actual"
    if context.year and (context.year in years or "今年" in sentence):
        return "target"
    return "actual" if past else None


def figure_kind(text: str, before: str, after: str, lean: str | None, sentence: str, number: int) -> str:
    """other for page furniture, project attributes, baselines, thresholds and ranking groups; else the lean."""
    if number <= 3 and cues.METADATA.search(sentence):
        return "other"
    if before[-1:] not in KIND_ENDS:  # none of the four cues before a figure can match
        return "other" if text.endswith("以上") and cues.THRESHOLD_AFTER.match(after) else lean or "other"
    if cues.ATTRIBUTE_BEFORE.search(before) or (cues.INVEST_BEFORE.search(before) and cues.ATTRIBUTE_AFTER.match(after)):
        return "other"
    if cues.BASELINE_BEFORE.search(before) and cues.BASELINE_AFTER.match(after):
        return "other"
    if text.endswith("以上") and cues.THRESHOLD_AFTER.match(after):
        return "other"
    if cues.RANK_GROUP.search(before) and cues.RANK_GROUP_AFTER.match(after):
        return "other"
    return lean or "other"


KIND_ENDS = cues.ending_any(cues.ATTRIBUTE_BEFORE, cues.INVEST_BEFORE, cues.BASELINE_BEFORE, cues.RANK_GROUP)


def figure_time(kind: str, change: str, before: str, context: Context,
                scan: SentenceFrames | None = None, multi: bool | None = None) -> tuple[str | None, str | None, str, bool]:
    """(year, period, kind, fallback) of a figure from the nearest time words before it, else its
    line's frame; `fallback` when neither says anything and the report's own year stands in.

    A five-year goal is never this year's target: it gets its horizon and period `plan`. `multi`:
    whether the figure's clause says 年均, 累计 or 五年 (cues.MULTI_YEAR_CLAUSE), when the caller knows.
    """
    year = context.year
    if kind == "other" or year is None:
        return None, None, kind, False
    frame, said_at = clause_frame(before, context.line.frame, year, scan)
    fallback = said_at < 0 and frame.period is None
    found = _figure_time(kind, change, before, year, frame, said_at, multi)
    return (*found, fallback)


def _figure_time(kind: str, change: str, before: str, year: int, frame, said_at: int,
                 multi: bool | None = None) -> tuple[str, str, str]:
    since_then = before[said_at:] if said_at >= 0 else ""
    if said_at >= 0 and kind == "target" and frame.kind == "review" and not cues.TARGET_CUE.search(since_then):
        kind = "actual"  # "去年增长5.2%，今年…": the clause looks back
    several = change in ("growth", "decline", "increment") and \
        (multi if multi is not None else cues.MULTI_YEAR_CLAUSE.search(clause_before(before)))
    if kind == "target":
        if frame.kind == "plan" and frame.period == "plan":
            return str(frame.year), "plan", kind
        if several:  # "累计培育100个…", "年均增长…": a goal over several years, with no horizon said
            return str(frame.year if frame.kind == "plan" and frame.year else year), "plan", kind
        if frame.kind == "plan" and frame.period == "year" and frame.year >= year:
            return str(frame.year), "year", kind
        return str(year), "year", kind
    since = list(cues.SINCE.finditer(before)) if "较" in before or "比" in before else []
    if since:
        return f"{since[-1].group(1) or since[-1].group(2)}-{year - 1}", "span", kind
    if frame.kind == "review" and frame.period == "span":
        if cues.STOCK_BEFORE.search(before) and change not in ("increment", "growth", "decline"):
            return str(frame.year), "year", kind  # a level reached at the end of the span
        return frame.label, "span", kind
    last = frame.year if frame.kind == "review" and frame.period == "year" and frame.year is not None \
        and frame.year <= year else year - 1
    if several:  # "五年新增3000多台", "累计下降17.3%" in a year's review: a span ending that year
        return (f"{last - 4}-{last}" if "五年" in clause_before(before) else str(last)), "span", kind
    return str(last), "year", kind


def change_of(before: str, after: str, indicator: str, fig: Figure, previous: str | None) -> str:
    """growth, decline, share, increment, count or level, from the verb before the figure and its unit."""
    if fig.unit == "番":
        return "growth"
    changed = before[-1:] in CHANGE_ENDS  # whether a growth or decline verb may end the text
    if (changed and cues.DECLINE_BEFORE.search(before)) or cues.DECLINE_MARGIN.search(before):
        return "decline"
    if changed and cues.GROWTH_BEFORE.search(before):
        return "growth" if fig.unit in ("%", "个百分点", "百分点", "倍") else "increment"
    clause = clause_before(before)
    if fig.unit in ("%", "‰", "个百分点", "百分点"):
        verb_part = clause.rsplit("分别", 1)[-1]  # 失业率、涨幅分别控制在…: the subjects are split apart
        return "growth" if cues.GROWTH_WORDS.search(indicator) or cues.GROWTH_WORDS.search(verb_part) else "share"
    kind = kind_of(fig.unit)
    if kind == "money":
        return "increment" if cues.NEW_MONEY.search(clause) else "level"
    if cues.INCREMENT.search(clause) or cues.INCREMENT.search(FIRST_PART.match(after).group(0)[:10]):
        return "increment"
    if previous == "increment" and kind == "count" and not cues.OTHER_VERB.search(clause):
        return "increment"  # 新增高新技术企业3家，科技型中小企业24家: the verb covers the list
    if kind == "count":
        return "count"
    return "level"


CHANGE_ENDS = cues.ending_any(cues.DECLINE_BEFORE, cues.GROWTH_BEFORE)


@lru_cache(maxsize=1024)  # asked four or five times of each figure's text before it
def clause_before(before: str) -> str:
    """The text since the last clause end (，；：。), notes in brackets left out: in
    "生产总值完成2650.6亿元（不含定州，下同）、增长9%" the 9% is still the 生产总值's."""
    if "（" not in before and "(" not in before:  # no note to leave out: the text after the last clause end
        last = LAST_CLAUSE_END.match(before)
        return before[last.end():] if last else before
    parts = cues.CLAUSE_END.split(cues.BRACKET_NOTE.sub("", before))
    return parts[-1] if parts else before


LAST_CLAUSE_END = re.compile(rf".*{cues.CLAUSE_END.pattern}", re.S)  # greedy: read back from the end


def indicator_of(line: str, fig: Figure, start: int, end: int, previous: str | None, context: Context) -> str:
    """What is measured: the clause before the figure without verbs and time words, else the noun after it."""
    clause = clause_before(line[start:fig.start])
    after = line[fig.end:end]
    name = clean_name(clause.lstrip("、和及与"))
    if name and cues.COMPARISON_BASE.match(name):
        name = previous or name  # "赤字规模4.06万亿元，比上年年初预算增加1800亿元": still the deficit
    elif clause.strip() in ("由", "从") and (subject := _clause_before_last(line[start:fig.start])):
        name = subject  # "城乡居民的平均消费水平，由一百七十五元提高到二百八十八元"
    elif not name or cues.VERB_ONLY.match(name) or cues.SUMMING_UP.search(clause):
        name = noun_after(after) or _object_before(line[:fig.start], clause, name) or name or previous or ""
    elif (owner := cues.OWNER_AFTER.match(after)) and not is_count(fig.unit):
        name = owner.group(1) + name
    if name.startswith("经济") and GDP_WORDS.match(name):
        name = f"{context.gdp}（{name}）"
    return name


def _clause_before_last(before: str) -> str:
    """The name the clause before the last one gives, when the last one only opens a change (由…)."""
    parts = cues.CLAUSE_END.split(cues.BRACKET_NOTE.sub("", before))
    return clean_name(parts[-2]) if len(parts) > 1 and not cues.HAS_DIGIT.search(parts[-2]) else ""


def _object_before(before: str, clause: str, verb_only: str) -> str:
    """The object the same verb took earlier in the sentence: in "拟连续几年发行超长期特别国债，…，今年先发行1万亿元"
    what 先发行 issues is 超长期特别国债."""
    if not verb_only or not (match := cues.VERB_OF.search(verb_only)):
        return ""
    earlier = before[:len(before) - len(clause)]
    earlier = earlier[max(earlier.rfind("。"), earlier.rfind("；")) + 1:]
    at = earlier.rfind(match.group("verb"))
    if at < 0:
        return ""
    found = OBJECT.match(earlier[at + len(match.group("verb")):])
    return clean_name(found.group(0)) if found and not cues.HAS_DIGIT.search(found.group(0)) else ""


def noun_after(after: str) -> str:
    """`26个重点防洪除涝项目` -> 重点防洪除涝项目; `15个总投资17.1亿元的“三大改造”项目` -> “三大改造”项目."""
    phrase = PHRASE.match(after).group(0)
    phrase = phrase.split("的")[-1] if "的" in phrase else phrase
    found = NOUN.match(phrase)
    if not found or found.group(0).startswith(("以上", "左右", "以内")) or cues.CHANGE_VERB.match(found.group(0)):
        return ""  # "由一百七十五元提高到…": a verb, not a noun
    return found.group(0)


FIRST_PART = re.compile(r"[^，,。；;、]*")  # of the text after a figure, up to its first break
OBJECT = re.compile(r"[^，,。；;、：:]{2,16}")  # what a verb takes, up to a break
PHRASE = re.compile(r"[^，,。；;：:]*")  # the words right after a figure, up to a break (、 does not end it)
NOUN = re.compile(r"[\u4e00-\u9fffA-Za-z“”]{2,16}")  # the noun those words open with
NOTE_MARK = re.compile(r"〔\d+〕|\[\d+\]")  # 名词解释 markers: "地区生产总值〔3〕"


@lru_cache(maxsize=1024)  # a report names its indicators again and again (地区生产总值, 一般公共预算收入)
def clean_name(clause: str, *, subjects: bool = False) -> str:
    """The indicator a clause names, without lead words (力争, 全年, 2022年 …) or trailing verbs;
    with `subjects`, the whole list of a 分别 clause (each of its names is cut later)."""
    text = (NOTE_MARK.sub("", clause) if "〔" in clause or "[" in clause else clause).strip()
    # Lead words once: what is left starts with none, nor does any text trailing words are cut
    # from (LEAD_WORDS holds no look ahead and no $); trailing words up to three rounds.
    text = cues.LEAD_WORDS.sub("", text)
    for _ in range(3):
        before = text
        text = cues.TRAIL_WORDS.sub("", text)
        if text == before:  # a round that changes nothing: the next would not either
            break
    if subjects:
        return text.strip("、，,；;：: ")
    if "、" in text and len(text) > 24:
        text = text.split("、")[-1]
    return text[-24:].strip("、，,；;：: ")
