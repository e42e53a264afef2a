"""Scoring in bulk gives every document Whoosh's own matchers would, with the same score."""

from __future__ import annotations

import pytest
from whoosh import query as wq

from search.engine import understood
from search.matching import has_soft, to_query
from search.scoring import field_lengths, scored_matches

# A word, a word with concept spellings, a reading, a typo, a compound, OR, NOT, a filter word,
# a sentence (each of its words on its own).
TYPED = ["図書館", "コロナ", "こうみんかん", "健康増新", "子育て支援", "図書館 OR 公民館", "高齢者 -介護",
         "観光 進捗がC", "高齢者が地域で暮らし続けるための支援", "地区センター"]


def whoosh_scores(searcher, query) -> dict[int, float]:
    return {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}


def word_queries(corpus, text: str) -> list:
    """The Whoosh queries a typed text is scored with: each part of a sentence, or the whole."""
    tree = understood(corpus, text).tree
    parts = tree.children if has_soft(tree) else [tree]
    return [q for q in (to_query(p, corpus, []) for p in parts) if q is not None]


def same(found: dict, expected: dict) -> bool:
    return found.keys() == expected.keys() and all(found[d] == pytest.approx(s) for d, s in expected.items())


@pytest.mark.parametrize("text", TYPED)
def test_each_typed_word_scores_as_whoosh_scores_it(corpus, text):
    queries = word_queries(corpus, text)
    assert queries
    with corpus.searching() as searcher:
        for query in queries:
            expected = whoosh_scores(searcher, query)
            assert same(scored_matches(searcher, query), expected), query


def test_an_and_of_words_sums_every_part(corpus):
    """Where Whoosh's AndMaybe inside an And forgets a part's word scores (a document found
    through the optional side late), the bulk sum keeps them: never below Whoosh's score."""
    with corpus.searching() as searcher:
        query = to_query(understood(corpus, "子供向け 就業体験").tree, corpus, [])
        found, expected = scored_matches(searcher, query), whoosh_scores(searcher, query)
    assert found.keys() == expected.keys() and expected
    assert all(found[d] >= expected[d] - 1e-9 for d in found)


def test_boosts_and_constant_scores_combine_as_in_whoosh(corpus):
    word = [wq.Term("body_words", "図書館"), wq.Term("title_words", "図書館", boost=2.0)]
    queries = [wq.Or(word, boost=0.5), wq.And([wq.Term("grams", "図書"), word[0]], boost=2.0),
               wq.Or([word[0]], boost=3.0),
               wq.AndMaybe(wq.ConstantScoreQuery(wq.Term("grams", "図書"), 40.0), wq.Or(word)),
               wq.AndNot(wq.Term("grams", "図書"), wq.Term("body_words", "図書館")), wq.Every()]
    with corpus.searching() as searcher:
        for query in queries:
            expected = whoosh_scores(searcher, query)
            assert expected and same(scored_matches(searcher, query), expected), query


def test_field_lengths_are_whooshs(corpus):
    with corpus.searching() as searcher:
        lengths = field_lengths(searcher, "body_words")
        reader = searcher.reader()
        assert len(lengths) == reader.doc_count_all()
        assert lengths[:50] == [reader.doc_field_length(d, "body_words", 1) for d in range(50)]
