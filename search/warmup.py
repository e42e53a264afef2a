"""Warm a newly opened corpus before it serves: the lazy per-corpus work (Whoosh caches, the
field lengths scoring reads, the question answerer's knowledge, measure keys) that its first
search, question and record page would otherwise do while every queued request waits.
``Library`` calls it in the background."""

from __future__ import annotations

from .ask import ask
from .corpus import Corpus
from .engine import get_record, run_search
from .measures import sibling_rows
from .query import parse_query
from .scoring import read_lengths
from .settings import DEFAULTS

WARM_QUERY = "市の取組"
WARM_QUESTION = "進捗区分がAの取組は何件ありますか"


def warm(corpus: Corpus) -> None:
    """Run one search, one question and one record page's work on ``corpus``."""
    with corpus.searching() as searcher:
        read_lengths(searcher)
    run_search(corpus, parse_query({"q": [WARM_QUERY]}), DEFAULTS)
    ask(corpus, {"q": [WARM_QUESTION]}, DEFAULTS)
    if corpus.facets:
        sibling_rows(corpus, get_record(corpus, corpus.stored(0)["id"]))
