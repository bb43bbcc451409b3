from govreport.document.simplify import needs_conversion, to_simplified


def test_converter_fault_is_repaired():
    assert to_simplified("力爭規模以上工業企業研發覆蓋率達到50%") == "力争规模以上工业企业研发覆盖率达到50%"


def test_simplified_line_is_returned_untouched():
    line = "全面推进乡村振兴，优化营商环境。"
    assert not needs_conversion(line)
    assert to_simplified(line) is line


def test_traditional_line_is_converted_with_same_length():
    line = "堅持穩中求進工作總基調"
    out = to_simplified(line)
    assert out == "坚持稳中求进工作总基调"
    assert len(out) == len(line)


def test_conversion_is_found_past_characters_gb2312_lacks():
    """A dash or a rare character GB2312 cannot write is no reason to convert; a traditional
    character after it, or one GB2312 holds (後), is."""
    from govreport.document.simplify import needs_conversion

    assert not needs_conversion("——坚持稳中求进，勠力同心。")
    assert needs_conversion("——坚持稳中求进，發展經濟。")
    assert needs_conversion("此後")
    assert not needs_conversion("")


def test_any_of_says_whether_a_text_holds_one_of_the_words():
    """AnyOf (Aho-Corasick) answers as `any(word in text)` would."""
    import random

    from govreport.document.simplify import AnyOf

    rng = random.Random(11)
    alphabet = "著發展乾隆后"
    for _ in range(300):
        words = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 2))) for _ in range(rng.randint(0, 5))})
        finder = AnyOf(words)
        for _ in range(20):
            text = "".join(rng.choice(alphabet + "，。") for _ in range(rng.randint(0, 8)))
            assert finder.search(text) == any(word in text for word in words), (words, text)
