"""Keywords over the real reports: domain terms counted whole, nothing but words in any top 50."""
import re
from collections import Counter

from conftest import SEED, needs_shared, report_files

from govreport import load_document
from govreport.analyses.keywords import (
    Options,
    bundled_stopwords,
    count_words,
    keep_phrases,
    rank,
)
from govreport.analyses.segment import segmenter
from govreport.readers.sources import read

# Terms of our own choosing, indicators and policy words, none inside another bundled term.
TERMS = """营商环境 新质生产力 中国式现代化 民营经济 养老服务 社会治理 先进制造业 义务教育 城镇新增就业
一带一路 绿色低碳 新发展格局 实体经济 民间投资 城市更新 新型城镇化 现代化产业体系 高校毕业生 招商引资
扩大内需 民生实事 新能源汽车 社会消费品零售总额 自贸试验区 碳达峰 共同富裕 全国统一大市场 法治政府
专精特新 中央八项规定 知识产权 跨境电商 城镇调查失业率 县域经济 固定资产投资 基本公共服务 过紧日子
区域协调发展 以旧换新 重点实验室""".split()


def all_docs():
    return [load_document(read(str(p))) for p in [SEED, *report_files()]]


@needs_shared
def test_domain_terms_count_as_often_as_they_occur():
    seg = segmenter()
    wrong = []
    for doc in all_docs():
        tokens = Counter(seg.cut(doc.text, keep_phrases(doc)))
        wrong += [(doc.name, t, tokens[t], doc.text.count(t)) for t in TERMS if tokens[t] != doc.text.count(t)]
    assert wrong == []


NOT_A_WORD = re.compile(r"^[\W\d_]+$|\d")


@needs_shared
def test_no_stop_word_punctuation_or_number_in_any_top_50():
    seg, options = segmenter(), Options(stopwords=bundled_stopwords())
    for doc in all_docs():
        rows = rank([count_words(doc, seg, options)], top=50)
        words = [r.word for r in rows]
        assert len(words) == 50
        assert not [w for w in words if w in bundled_stopwords() or NOT_A_WORD.search(w)], doc.name
