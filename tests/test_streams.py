"""The substring index and the bitmask facet counts: the fast path answers like the reference."""

import random

import pytest

from index.streams import BODY_FIELDS, SEPARATOR, TITLE_FIELDS, bigram_tokens, field_stream, forms
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


def test_bigram_tokens_put_a_token_between_forms():
    assert bigram_tokens("abc\x1fd") == "ab bc c \ue000 d"


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


@pytest.fixture(scope="module")
def row_streams(corpus):
    """Every row's text in all its forms, computed here without the index: the oracle."""
    rows = {}
    for docnum in range(len(corpus.facets)):
        record = corpus.stored(docnum)
        rows[record["source"]["line"]] = SEPARATOR.join(
            field_stream([record[f] for f in fields], corpus.corrections) for fields in (TITLE_FIELDS, BODY_FIELDS))
    return rows


def containing(row_streams, corpus, text):
    found = forms(text, corpus.corrections)
    return {line for line, stream in row_streams.items() if any(f in stream for f in found)}


@pytest.mark.parametrize("text", ["図書館", "障がい", "入間市", "茶", "DX", "ＳＮＳ", "地区センター", "空家",
                                  "ワークライフバランス", "区画整理事業を推", "感染症の拡大", "駅"])
def test_a_word_finds_exactly_the_rows_that_contain_it(corpus, row_streams, text):
    response = search(corpus, q=text)
    expected = containing(row_streams, corpus, text)
    for expansions in response["interpretation"]["expansions"].values():
        expected = expected.union(*(containing(row_streams, corpus, e) for e in expansions))
    assert set(lines(response)) == expected and response["total"] == len(expected)


def test_concepts_and_syntax_combine_the_rows_of_each_word(corpus, row_streams):
    rows = lambda text: containing(row_streams, corpus, text)  # noqa: E731
    corona = search(corpus, q="コロナ")
    expansions = corona["interpretation"]["expansions"]["コロナ"]
    assert set(lines(corona)) == rows("コロナ").union(*(rows(e) for e in expansions))
    assert set(lines(search(corpus, q="公園 OR 緑地"))) == rows("公園") | rows("緑地")
    assert set(lines(search(corpus, q="防災 -訓練"))) == rows("防災") - rows("訓練")
    assert set(lines(search(corpus, q="高齢者 介護"))) == rows("高齢者") & rows("介護")
    others = search(corpus, q="-図書館")
    assert others["total"] == len(set(row_streams) - rows("図書館"))
    assert not set(lines(others)) & rows("図書館")
    graded_b = {r["source"]["line"] for r in search(corpus, q="", progress="B", per_page="100")["results"]}
    graded_b |= {r["source"]["line"] for r in search(corpus, q="", progress="B", per_page="100", page="2")["results"]}
    assert set(lines(search(corpus, q="子育て", progress="B"))) == rows("子育て") & graded_b


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
