"""The words around a figure that tell what it is: regexes named for what they catch, with examples."""

import re
from collections.abc import Callable


LED: dict[re.Pattern, str] = {}  # each pattern made by led_by -> the pattern without its look ahead (for the tests)


def led_by(first: str, pattern: str) -> re.Pattern:
    """`pattern` looked ahead for one of the characters its matches can start with (`first`, the
    body of a character class). Alternatives that open with a look behind or an optional part
    leave the regex engine trying each of them at every character; with the look ahead it skips
    to the candidates (2 to 9 times faster), and finds the same matches (tested on every line of
    ../shared and on random texts)."""
    compiled = re.compile(rf"(?=[{first}])(?:{pattern})")
    LED[compiled] = pattern
    return compiled


class AtEnd:
    """A pattern anchored at the end ($) whose matches are at most `width` characters: searched
    from `width` characters before the end, not tried at every position of a long text before a
    figure (the same match: none can start earlier; a line holds no newline). A text that ends in
    none of the characters a match can end with is not searched at all (nine in ten of the
    thousands of texts a report asks each cue about)."""

    def __init__(self, pattern: str, width: int):
        self.pattern, self.width = re.compile(pattern), width
        self.last = last_characters(pattern)
        self.search = self._searcher()  # asked a dozen times a figure: a closure, no attribute read

    def _searcher(self) -> Callable[[str], re.Match | None]:
        search, width, last = self.pattern.search, self.width, self.last
        if last is None:
            return lambda text: search(text, len(text) - width)

        def searched(text: str) -> re.Match | None:
            if text and text[-1] not in last and text[-1] != "\n":
                return None
            return search(text, len(text) - width)
        return searched


def ending_any(*ends: AtEnd) -> frozenset[str]:
    """The characters a text must end with for one of these cues to match (and a newline, which
    AtEnd searches after too): a figure whose text before it ends in none asks none of them.
    Every cue must know its last characters."""
    if any(end.last is None for end in ends):
        raise ValueError("a cue whose last characters are not known")
    return frozenset().union(*(end.last for end in ends)) | {"\n"}


def last_characters(pattern: str) -> frozenset[str] | None:
    """The characters a match of `pattern` can end with, read from re's own parser; None where
    they are too many to list (a negated class, \\d, a range of hanzi) or a match can be empty."""
    return _characters(pattern, last=True)


def first_characters(pattern: str) -> frozenset[str] | None:
    """The characters a match of `pattern` can start with (the `first` of led_by); None as above."""
    return _characters(pattern, last=False)


def _characters(pattern: str, last: bool) -> frozenset[str] | None:
    import re._parser as parser

    found, empty = _of_sequence(list(parser.parse(pattern)), last)
    return None if found is None or empty else frozenset(found)


_MANY = 512  # a class of more characters than this is not listed


def _of_sequence(items: list, last: bool) -> tuple[set[str] | None, bool]:
    """(last or first characters, whether the sequence can match nothing) of parsed items in order."""
    found: set[str] = set()
    for op, av in reversed(items) if last else items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero width: ^, $ and look arounds take no character
        chars, empty = _of(name, av, last)
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return found, False
    return found, True


def _of(name: str, av, last: bool) -> tuple[set[str] | None, bool]:
    if name == "LITERAL":
        return {chr(av)}, False
    if name == "IN":
        chars: set[str] = set()
        for kind, value in av:
            if str(kind) == "LITERAL":
                chars.add(chr(value))
            elif str(kind) == "RANGE" and value[1] - value[0] < _MANY:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return None, False  # NEGATE, CATEGORY, a wide range
        return chars, False
    if name == "SUBPATTERN":
        return _of_sequence(list(av[3]), last)
    if name == "BRANCH":
        found, empty = set(), False
        for branch in av[1]:
            chars, can_be_empty = _of_sequence(list(branch), last)
            if chars is None:
                return None, False
            found |= chars
            empty = empty or can_be_empty
        return found, empty
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _, item = av
        chars, empty = _of_sequence(list(item), last)
        return chars, empty or low == 0
    return None, False  # ANY, NOT_LITERAL, groups referred back to …


# --- the report's own year ---------------------------------------------------------------
# "一、2009年工作回顾" -> 2010;  "二、2010年主要任务" -> 2010.
REVIEW_YEAR = re.compile(r"(\d{4})年(?:及[^、，]{0,8})?(?:和[^、，]{0,10})?(?:政府)?工作(?:回顾|总结)")
PLAN_YEAR = re.compile(r"(\d{4})年(?:[^，。]{0,12})(?:主要任务|工作安排|重点工作|工作任务|总体要求|目标任务|预期目标|主要工作)")
# "2013年是…", "今年是…关键之年": said in the opening of the plan.
YEAR_IS = re.compile(r"(\d{4})年是")

# --- sentences and clauses -----------------------------------------------------------------
SENTENCE_END = re.compile(r"[。！？!?]")
CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
# "（不含定州，下同）", "(按可比价格计算)": a note in brackets, closed before the figure.
BRACKET_NOTE = re.compile(r"[（(][^（()）]{0,40}[)）]")

# --- kind ------------------------------------------------------------------------------------
# "今年经济社会发展的主要预期目标是：…": the sentence that states the year's headline targets.
HEADLINE = re.compile(r"主要预期目标|主要目标是|预期目标是|发展目标是|主要目标为")
# "力争年内完成投资55亿元", "主要预期目标是：", "到2026年": a commitment.
TARGET_CUE = re.compile(r"力争|确保|争取|拟|提出|预期目标|主要目标|目标是|目标为|奋斗目标|到\d{4}年|计划|努力实现|今年要|年内")
# "同比增长", "比上年增长", "较2017年", "累计", "去年": a result.
ACTUAL_CUE = re.compile(r"同比|比上年|较上年|较\d{4}年|比\d{4}年|累计|去年|上年(?!均)|过去一年|一年来|五年来|这五年|过去五年|"
                        r"已经|已|完成了|实现了|达到了|取得了|全年实现|全年完成")
# "总投资561亿元", "投资1.8亿元的凤凰山引水工程", "总占地8800亩", "年产2.4亿支": what a project is, not a goal.
ATTRIBUTE_BEFORE = AtEnd(r"(?:总投资|计划总投资|总占地|占地|总面积|建筑面积|年产|设计产能|产能)(?:约|达)?$", 6)
INVEST_BEFORE = AtEnd(r"(?<!完成)(?<!完成了)(?<!争取)投资$", 2)
ATTRIBUTE_AFTER = re.compile(r"^的")
# "由30.8%提高到43.3%", "从15%提升到50%": the first figure is the baseline.
BASELINE_BEFORE = AtEnd(r"[由从](?:[^，,。；;由从]{0,10}的)?$", 12)
BASELINE_AFTER = re.compile(r"^[^，,。；;]{0,6}?(?:提高|提升|增加|上升|下降|降低|减少|扩大|缩小)?[到至]")
# "千万元以上项目", "亿元以上项目": a class of projects, not a quantity.
THRESHOLD_AFTER = re.compile(r"^(?:的)?(?:重大|重点|大|产业|工业|新建|续建|招商|签约)?(?:项目|企业|工程)")
# "增速在全市9个专业园区中位列第一": the size of a ranking group.
RANK_GROUP = AtEnd(r"(?:全市|全省|全国|全区|全县)$", 2)
RANK_GROUP_AFTER = re.compile(r"^[^，,。；;]{0,10}中")
# "阅读量:273次", "更新时间": page furniture copied with the text.
METADATA = re.compile(r"阅读量|浏览量|浏览次数|点击量|点击数|更新时间|发布时间|信息来源|来源[:：]")

# In a review, a sentence still sets a goal only when it says so outright: "今年…力争", "目标是".
STATED_GOAL = re.compile(r"力争|预期目标是|目标是|目标为")
# In a plan, a sentence reports a result only when it looks back: "同比", "去年", "五年来".
# "去年增长5.2%": looking back; "比去年增加5%" in a plan compares this year's goal with last year.
LOOKING_BACK = re.compile(r"同比|(?<![比较同于])去年|过去一年|一年来|五年来|过去五年|这五年")
# "0—6岁儿童", "65岁及以上老年人", "3岁以下婴幼儿": an age that names a group of people, not a figure.
AGE_GROUP_AFTER = re.compile(r"(?:及以上|以上|以下|以内)?的?(?:儿童|婴幼儿|幼儿|老人|老年人|人群|青少年|学生|妇女|女性|男性|"
                             r"人口|居民|群体|新生儿|适龄|少年|孩子|学龄)")
# Money is an increment only when the text says it is new: "新增贷款2万亿元".
NEW_MONEY = re.compile(r"新增|增加(?![到至])")

# Votes that tell a section with a silent title (一、一年接着一年干…) is a review or a plan.
REVIEW_VOTE = re.compile(r"去年|一年来|五年来|过去|同比|比上年|完成了|实现了|取得了|累计|获评|入选|建成")
PLAN_VOTE = re.compile(r"今年|力争|确保|要|将|加快|推动|实施|深化|争取")

# --- comparator before a figure ---------------------------------------------------------
# "不低于5%", "至少10个", "大于40万元"; "不到1.9万元", "小于40万元", "不足5%", "最多3次".
AT_LEAST_BEFORE = AtEnd(r"(?:超过|突破|不低于|高于|超|多于|不少于|不小于|至少|最少|大于|大于等于|以上)$", 4)
AT_MOST_BEFORE = AtEnd(r"(?:不超过|控制在|低于|不高于|少于|以内|压减到|压降到|降至|降到|不到|不足|小于|小于等于|"
                            r"不大于|最多|至多|不多于)$", 4)
ABOUT_BEFORE = AtEnd(r"(?:约|近|接近|大约|将近)$", 2)

# --- change ----------------------------------------------------------------------------------
GROWTH_BEFORE = AtEnd(r"(?:增长|增加|提高|上涨|上升|增速|涨幅|增幅|提升|扩大|增)(?:了)?$", 3)
DECLINE_BEFORE = AtEnd(r"(?:下降|降低|减少|回落|下调|压减|压降|缩减|削减|减)(?:了)?$", 3)
# "PM10、PM2.5分别低于年度目标值25微克/立方米": a margin below something; right before the figure
# (失业率低于4.6%) 低于 is a bound, not a decline.
DECLINE_MARGIN = AtEnd(r"低于[^，,。；;\d]{1,8}$", 10)
# "重点抓好以下14个方面": counts of parts of the text, not figures.
NOT_COUNTED_AFTER = re.compile(r"^(?:方面|领域|部分|环节|章|节|条意见)")
# "成立10个工作专班", "实施5000亩高标准农田建设项目": the verb alone names nothing; the noun after does.
# "先发行", "批复建设", "着力打造": a verb (with its adverb, or a verb before it) that names nothing.
VERB_ONLY = re.compile(r"^(?:先|再|又|还|已|共|首批|首次|率先|着力|全力|大力|积极|重点|计划|拟)?(?:批复|获批|启动|开工|计划)?"
                       r"(?:实施|成立|启动|建设|建成|完成|开展|新增|引进|培育|签约|推进|打造|创建|谋划|争取|投入|设立|组建|举办|竣工|新建|"
                       r"加快|加强|推动|支持|扶持|带动|培训|安置|救助|改造|整治|治理|开工|新开工|落实|办好|发行|发放|认定|命名|"
                       r"评选|遴选|获批|批复|安排|解决|吸纳)?了?$")
HAS_DIGIT = re.compile(r"\d")
# A change verb where a noun would stand: "…提高到二百八十八元".
CHANGE_VERB = re.compile(r"(?:提高|增加|增长|达到|下降|减少|降低|上升|提升|扩大|突破|降至|增至|升至)")
# "比上年年初预算增加1800亿元", "较上年增加": a comparison's base, not what is measured.
COMPARISON_BASE = re.compile(r"^(?:比|较|同|与)(?:上年|去年|\d{4}年|上年度|年初)")
# The verb of a verb-only name: "先发行" -> 发行 (its object may stand earlier: "发行超长期特别国债，…，今年先发行1万亿元").
VERB_OF = AtEnd(r"(?:批复|获批|启动|开工)?(?P<verb>[\u4e00-\u9fff]{2})$", 4)
INCREMENT = re.compile(r"新增|新建|建成|新收储|收储|新引进|引进|新培育|新开工|新落户|新登记|新认定|新改建|改造|建设|培育|创建|增加|新开|新设")
GROWTH_WORDS = re.compile(r"增长|增速|涨幅|增幅")

# --- years around a figure ----------------------------------------------------------------
HORIZON = re.compile(r"到(\d{4})年")
SINCE = re.compile(r"较(\d{4})年|比(\d{4})年")
EXPLICIT_YEAR = led_by(r"\d", r"(?<![\d到较比])(\d{4})年(?![\d月底末初])")
FIVE_YEARS = re.compile(r"这五年|五年来|过去五年|过去的五年|十三五时期|“十三五”时期|“十三五”期间|十三五期间|“十四五”时期|“十四五”以来|十年来|过去十年")
# "年均增长", "累计下降", "五年新增": a change over several years, whatever the frame of its line
# ("细颗粒物年均浓度" is one year's mean; "1985年" holds no 五年).
MULTI_YEAR_CLAUSE = led_by("年累平每五", r"年均(?!浓度|值)|累计|平均每年|每年平均|年平均(?!浓度)|(?<![\d〇零一二三四五六七八九十])五年(?!前)")
# "分别完成年计划的118.2%、248.57%", "完成目标任务的105%": a share of the plan, not the indicator itself.
PLAN_SHARE = re.compile(r"(?:完成|达到|为)(?:全年|年度|年)?(?:计划|目标|任务)(?:任务)?的[\d.%、]*$")
STOCK_BEFORE = AtEnd(r"(?:达到|达|突破|超过|升至|增至|提升到|提高到|提高至|提升至|增加到|上升到|扩大到|降至|降到|下降到|减少到)$", 3)

# --- "no target this year" ----------------------------------------------------------------
# "我们没有提出全年经济增速具体目标"
ABSENT = re.compile(r"(?:没有提出|未提出|不提出|不设定?|未设定|不再设定?)([^，,。；;]{0,12}?)(?:具体)?(?:预期)?目标")

# --- indicator --------------------------------------------------------------------------------
LEAD_WORDS = re.compile(
    r"^(?:提出|拟安排|拟|安排|把|其中|全年|今年|年内|去年|上年|当年|同时|并|并且|以及|和|与|及|力争|确保|争取|努力|预计|实现|完成|累计|共|共计|"
    r"全市|全省|全区|全县|全国|我省|我市|我区|我县|经济社会发展(?:的)?主要预期目标(?:是|为)?|主要预期目标(?:是|为)?|"
    r"(?:从|自)?\d{4}年(?:到|至)\d{4}年(?:间|期间)?|"
    r"要|将|继续|持续|(?:预期)?目标(?:确定|设定|定)?|\d{4}年|到\d{4}年|年均|平均每年|每年平均|每年|平均|分别|\d{4}年?(?:[-—至]\d{4}年)?|"
    r"(?:过去|今后|未来|近)?(?:的)?[五十]年(?:来|间)?|这[五十]年|今年以来|一年来|"
    r"(?:到)?[“\"]?十[一二三四五六七八九]五[”\"]?(?:规划)?(?:时期|期间|期末|末|以来)?)+")
TRAIL_WORDS = led_by("上下不为从低保全共减分到力可合同名在增完定实将平年拟持按接控提是有每比由的目确稳突累约继至要设超较达近降预高",
    r"(?:(?:的)?(?:预期)?目标(?:定|确定|设定)?)?(?:拟按|拟|按)?(?:继续|持续|力争)?(?:同比|比上年|较上年|比去年|较去年|较\d{4}年|比\d{4}年|年均|平均每年|每年平均|年平均|平均|分别|实际|名义|可比|全年|要|将)?"
    r"(?:增长|下降|提高|提升|降低|减少|增加|上涨|上升|达到|达|突破|超过|超|为|完成|实现|保持在|保持|控制在|稳定在|"
    r"提升到|提高到|提高至|增至|降至|降到|至|到|约|近|接近|由|从|在|按|累计|共计|共|合计|有|是|低于|高于|不低于|不超过)+$")
# "…应急工程共计26个重点防洪除涝项目", "口口妙食品等15个…项目": the figure counts the noun after it.
SUMMING_UP = AtEnd(r"(?:等|共计|共|合计|总计)$", 2)
# "年产值超10亿元、30亿元、50亿元的大企业集团": what the figures belong to comes after 的.
OWNER_AFTER = re.compile(r"^(?:[、和]\d+(?:\.\d+)?[万亿千百]*[\u4e00-\u9fff%/]{0,4})*的([\u4e00-\u9fff“”]{2,12})")
# Verbs that start a new item of a list, ending the reach of an earlier 新增.
OTHER_VERB = re.compile(r"实施|完成|开展|签约|成立|启动|达到|达|申报|荣获|办理|推进|争取")

# --- subjects of a 分别 list ------------------------------------------------------------------
# "城镇、农村居民人均可支配收入分别增长…": a short modifier shares the head noun of the last subject.
# What a list of modifiers shares at its end: "高技术制造业、装备制造业增加值".
HEAD_NOUN = re.compile(r"^(?:增加值|总产值|产值|营业收入|营收|收入|投资|总额|产量|销售额|零售额|利润|税收)$")
SHARED_HEAD = re.compile(r"^(?:城镇|农村|城乡|城市|乡村|一产|二产|三产|第[一二三]产业|国有|民营|外资|内资)")
# "城乡居民人均可支配收入分别增长8%和10%", "一二三产增加值分别增长…": several subjects in one word.
JOINT_SUBJECTS = re.compile(r"^(城乡|一二三产|一、二、三产|第一二三产业)")
JOINT_PARTS = {"城乡": ("城镇", "农村"), "一二三产": ("一产", "二产", "三产"), "一、二、三产": ("一产", "二产", "三产"),
               "第一二三产业": ("第一产业", "第二产业", "第三产业")}
