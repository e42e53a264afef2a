"""The substring index and the bitmask facet counts: the fast path answers like the reference."""

import random

import pytest

from index.streams import forms, spaced
from search.engine import run_search, run_search_whoosh
from search.facets import FACETS, count, count_masks, members, to_mask
from search.query import parse_query

from .conftest import rid


def search(corpus, runner=run_search, **params):
    request = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    request.setdefault("per_page", ["100"])
    return runner(corpus, parse_query(request))


def lines(response):
    return [r["source"]["line"] for r in response["results"]]


def test_forms_as_written_normalized_and_content_words():
    assert forms("感染症の拡大") == ["感染症の拡大", "感染症拡大"]
    assert forms("ＳＮＳ") == ["sns"]
    assert "子供" in forms("子ども")
    assert forms("人間市", (("人間市", "入間市"),)) == ["入間市"]
    assert forms("・ ") == []


def test_spaced_puts_a_token_between_forms():
    assert spaced("ab\x1fc") == "a b \ue000 c"


@pytest.mark.parametrize("text, line", [("駅", 470), ("DX", 580), ("地区センター", 606), ("ＳＮＳ", 412),
                                        ("区画整理事業を推", 278), ("広報いるま", 516)])
def test_strings_of_every_length_find_their_row(corpus, text, line):
    docnum = corpus.docnum(rid(line))
    assert any(docnum in corpus.substrings.find(form) for form in forms(text, corpus.corrections))
    assert line in lines(search(corpus, q=text))


def test_a_match_never_spans_two_fields(corpus):
    # Line 33: measure 人権の啓発, then the item title 第1項 人権施策の推進.
    assert 33 in lines(search(corpus, q="人権の啓発"))
    assert 33 not in lines(search(corpus, q="啓発第1項"))


@pytest.mark.parametrize("params", [
    {"q": "図書館"}, {"q": "コロナ"}, {"q": "障がい"}, {"q": "入間市"}, {"q": "高齢者 介護"},
    {"q": "子育て", "progress": "B"}, {"q": "", "progress": "A", "department": "情報政策課"},
    {"q": "公園 OR 緑地"}, {"q": "防災 -訓練"}, {"q": "-コロナ"}, {"q": '"地域包括ケア"'},
    {"q": "茶"}, {"q": "ワークライフバランス"}, {"q": "施設", "direction": ["ア", "ウ"], "effort": "い"},
])
def test_substring_path_answers_like_the_whoosh_path(corpus, params):
    fast, reference = search(corpus, **params), search(corpus, run_search_whoosh, **params)
    assert fast["total"] == reference["total"]
    assert set(lines(fast)) == set(lines(reference))
    assert fast["facets"] == reference["facets"]
    assert fast["interpretation"] == reference["interpretation"]


def test_bitmask_counts_equal_the_counting_loop(corpus):
    rng = random.Random(3)
    size = len(corpus.facets)
    values = {name: sorted({v for f in corpus.facets for v in getattr(f, name)
                            if name in ("direction", "department")} |
                           {getattr(f, name) for f in corpus.facets if name not in ("direction", "department")})
              for name in FACETS}
    for _ in range(30):
        candidates = sorted(rng.sample(range(size), rng.randint(0, size)))
        filters = {name: set(rng.sample(values[name], min(len(values[name]), rng.randint(1, 2))))
                   for name in rng.sample(FACETS, rng.randint(0, 3))}
        expected_counts, expected_passing = count(corpus.facets, candidates, filters)
        counts, passing = count_masks(corpus.masks, to_mask(candidates, size), filters)
        assert counts == expected_counts
        assert members(passing, candidates, size) == expected_passing


@pytest.mark.parametrize("params", [{"q": "", "sort": "progress", "page": "3"},
                                    {"q": "", "sort": "progress", "progress": ["C", "A"], "page": "2"},
                                    {"q": "", "sort": "document", "page": "17"}])
def test_browsing_pages_like_the_whoosh_path(corpus, params):
    params = params | {"per_page": "20"}
    assert lines(search(corpus, **params)) == lines(search(corpus, run_search_whoosh, **params))
