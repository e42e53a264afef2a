"""Search speed-ups keep the answers: bitmask facet counts, one scored pass, the caches."""

import random
from collections import Counter

import pytest

from search.engine import find
from search.facets import FACETS, MULTI_VALUED, count_masks, members, to_mask, values_of
from search.matching import to_query
from search.query import parse_query

from .conftest import lines, search


def count(all_values, candidates, filters):
    """The plain definition of disjunctive counts: a loop over the documents."""
    counts = {name: Counter() for name in FACETS}
    passing = []
    for doc in candidates:
        values = all_values[doc]
        failed = [name for name, allowed in filters.items()
                  if allowed and allowed.isdisjoint(values_of(values, name))]
        if not failed:
            passing.append(doc)
        for name in FACETS:
            if not [f for f in failed if f != name]:
                counts[name].update(values_of(values, name))
    return counts, passing


def test_bitmask_counts_equal_the_counting_loop(corpus):
    rng = random.Random(3)
    size = len(corpus.facets)
    values = {name: sorted({v for f in corpus.facets for v in getattr(f, name)
                            if name in MULTI_VALUED} |
                           {getattr(f, name) for f in corpus.facets if name not in MULTI_VALUED})
              for name in FACETS}
    for _ in range(30):
        candidates = sorted(rng.sample(range(size), rng.randint(0, size)))
        filters = {name: set(rng.sample(values[name], min(len(values[name]), rng.randint(1, 2))))
                   for name in rng.sample(FACETS, rng.randint(0, 3))}
        expected_counts, expected_passing = count(corpus.facets, candidates, filters)
        counts, passing = count_masks(corpus.masks, to_mask(candidates, size), filters)
        assert counts == expected_counts
        assert members(passing, candidates, size) == expected_passing


@pytest.mark.parametrize("text", ["図書館", "コロナ", "障がい", "高齢者 介護", "公園 OR 緑地", "防災 -訓練", "-コロナ", "茶"])
def test_one_scored_pass_finds_what_docs_for_query_finds(corpus, text):
    parsed = parse_query({"q": [text]})
    corpus.results.clear()
    _, scores, _, understanding = find(corpus, parsed)
    with corpus.searching() as searcher:
        assert set(scores) == set(searcher.docs_for_query(to_query(understanding.tree, corpus, [])))
    response = search(corpus, q=text)
    assert response["total"] - response["interpretation"]["neighbours"] == len(scores)


def test_cached_query_answers_like_a_fresh_one(corpus):
    corpus.results.clear()
    first = search(corpus, q="子育て", progress="B")
    again = search(corpus, q="子育て", progress="B")
    other_filter = search(corpus, q="子育て", progress="C")
    corpus.results.clear()
    assert again == first
    assert other_filter == search(corpus, q="子育て", progress="C")


@pytest.mark.parametrize("params", [{"q": "", "sort": "progress", "page": "3"},
                                    {"q": "", "sort": "progress", "progress": ["C", "A"], "page": "2"},
                                    {"q": "", "sort": "document", "page": "17"}])
def test_browsing_pages_in_grade_and_document_order(corpus, params):
    params = params | {"per_page": "20"}
    everything = search(corpus, q="", sort=params["sort"], per_page="100", progress=params.get("progress", []))
    total = everything["total"]
    pages = [search(corpus, **params | {"page": str(n)}) for n in range(1, (total + 19) // 20 + 1)]
    ordered = [line for page in pages for line in lines(page)]
    assert len(ordered) == total
    if params["sort"] == "document":
        assert ordered == sorted(ordered)
    else:
        grades = {r["source"]["line"]: r["progress"] for p in pages for r in p["results"]}
        keys = [("ABCDE".index(grades[line]), line) for line in ordered]
        assert keys == sorted(keys)
