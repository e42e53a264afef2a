"""Requests at the limits of search/limits.py, as someone probing a public deployment sends them.

Used by ``bench.safety`` (each one timed and its memory measured) and by ``bench.loadtest
--hostile`` (mixed into the load). Every request here is allowed: it answers 200.

- filter values: 10 departments, 50 (one parameter's maximum: every department of the corpus,
  then made-up ones), 100 (the maximum over all parameters: 50 departments and 50 chapters);
- the most expensive queries allowed, by family: the most words allowed, or the longest words
  in the characters allowed, made of what costs most to match (common characters, unspaced
  sentences of the document, random kana), ANDed, ORed and quoted.
"""

from __future__ import annotations

import random
import re
from collections import Counter

from index.build import default_sources
from search.errors import BadParameter
from search.limits import (MAX_FILTER_VALUES, MAX_FILTER_VALUES_TOTAL, MAX_PHRASE_LENGTH, MAX_QUERY_CHARACTERS,
                           MAX_QUERY_WORDS)
from search.query import parse_query

HIRAGANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ"


def seed_text() -> str:
    return default_sources()[0].text


def filter_requests(departments: list[str], chapters: list[str]) -> dict[str, dict]:
    """``label -> params`` with 10, 50 and 100 filter values."""
    def padded(values: list[str], count: int, made_up: str) -> list[str]:
        values = list(dict.fromkeys(values))[:count]
        return values + [f"{made_up}{n}" for n in range(count - len(values))]

    most = padded(departments, MAX_FILTER_VALUES, "存在しない課")
    rest = MAX_FILTER_VALUES_TOTAL - MAX_FILTER_VALUES
    return {
        "10 filter values": {"department": most[:10]},
        f"{MAX_FILTER_VALUES} filter values (one parameter's maximum)": {"department": most},
        f"{MAX_FILTER_VALUES_TOTAL} filter values (the maximum in all)":
            {"department": most, "chapter": padded(chapters, rest, "第99章の")},
    }


def _sentences(text: str) -> str:
    return re.sub(r"[\s\"「」『』]", "", text)


def query_families(text: str, rng: random.Random) -> dict[str, str]:
    """``family -> q``: one query of each expensive shape, drawn with ``rng``: the most words, or
    the longest words in the characters allowed."""
    length = MAX_PHRASE_LENGTH
    body = _sentences(text)
    common = [c for c, _ in Counter(ch for ch in text if "\u4e00" <= ch <= "\u9fff").most_common(60)]

    # The characters allowed, in pieces as long as allowed: 40 + 20 for 60.
    lengths = [length] * (MAX_QUERY_CHARACTERS // length) + [MAX_QUERY_CHARACTERS % length] * bool(
        MAX_QUERY_CHARACTERS % length)
    lengths = lengths[:MAX_QUERY_WORDS]
    shape = " + ".join(map(str, lengths)) + " characters"

    def sentences() -> list[str]:
        starts = rng.sample(range(len(body) - length), len(lengths))
        return [body[s:s + n] for s, n in zip(starts, lengths)]

    def allowed(make) -> str:
        """A query of the shape ``make()`` that the service accepts (a sentence holding
        parentheses would be read as a group of more words)."""
        while True:
            q = make()
            try:
                parse_query({"q": [q]})
                return q
            except BadParameter:
                continue

    kana = lambda: " ".join("".join(rng.choice(HIRAGANA) for _ in range(n)) for n in lengths)  # noqa: E731
    many, short = MAX_QUERY_WORDS, MAX_QUERY_CHARACTERS // MAX_QUERY_WORDS
    pieces = lambda n: " ".join(body[s:s + n] for s in rng.sample(range(len(body) - n), many))  # noqa: E731
    return {
        f"{many} common characters": allowed(lambda: " ".join(rng.sample(common, many))),
        f"{many} two-character words": allowed(lambda: pieces(2)),
        f"{many} words of {short} characters": allowed(lambda: pieces(short)),
        f"sentences of {shape}": allowed(lambda: " ".join(sentences())),
        f"sentences of {shape}, OR": allowed(lambda: " OR ".join(sentences())),
        f"quoted phrases of {shape}": allowed(lambda: " ".join(f'"{s}"' for s in sentences())),
        f"kana strings of {shape}": allowed(kana),
    }


def hostile_requests(departments: list[str], chapters: list[str], count: int, seed: int = 17) -> list[dict]:
    """``count`` different allowed requests at the limits (distinct queries: a cache cannot help)."""
    rng = random.Random(seed)
    text = seed_text()
    filters = list(filter_requests(departments, chapters).values())
    requests = []
    while len(requests) < count:
        requests += [{"q": q} for q in query_families(text, rng).values()]
        requests += [dict(f) for f in filters]
    return requests[:count]
