"""What to try when a search finds nothing: a corrected spelling, a broader word, fewer filters.

Each suggestion is a complete search (query text and filters) that was run and found rows,
with its total, so the page only offers searches that help.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from index.analysis import japanese_analyzer, normalize

from .budget import budget, exhausted
from .corpus import Corpus
from .facets import FACET_NAMES_JA
from .query import ParsedQuery, parse_terms
from .resultset import count_results
from .understanding.tokens import analyse
from .understanding.words import KANJI

KINDS = ("spelling", "broader", "drop_filter")
# Bounds that keep a long or hostile query cheap: each candidate is a search of its own.
MOST_LEAVES = 4
MOST_WORDS = 6
LONGEST_WORD = 20
# Each "drop this filter value" candidate costs a pass over every filter value: without a bound,
# a request with many values cost the square of their number.
MOST_DROPPED_VALUES = 8


def spellings(corpus: Corpus, word: str, limit: int = 2) -> list[str]:
    """Corpus words a little further from ``word`` than a search reaches by itself (it widens a
    word to those within one edit): two edits for a word of five characters or more."""
    text = normalize(word)
    if not 2 <= len(text) <= LONGEST_WORD:
        return []
    distance = 1 if len(text) <= 4 else 2
    return [e.term for e in corpus.vocabulary.near(text, distance, limit) if len(e.term) >= 2]


def inflected(word: str) -> bool:
    """A verb or adjective written with its kanji and an inflected ending (困っ of 困っている, 借り):
    no misspelling of a corpus noun (困難 would make 困難ている)."""
    tokens = analyse(word)
    return len(tokens) == 1 and tokens[0].pos[0] in ("動詞", "形容詞") and KANJI.search(word) is not None


def surface_words(corpus: Corpus, text: str) -> list[str]:
    """The words of ``text`` as written (not normalized), stop words left out."""
    analyzer = japanese_analyzer(corpus.corrections)
    words = [text[t.startchar:t.endchar] for t in analyzer(text, chars=True, mode="query")]
    return [w for w in dict.fromkeys(words) if w]


def _with_text(parsed: ParsedQuery, text: str) -> ParsedQuery:
    tree, fallback = parse_terms(text)
    return replace(parsed, text=text, tree=tree, fallback=fallback, page=1)


def _finds(corpus: Corpus, parsed: ParsedQuery, text: str) -> bool:
    """Whether ``text`` alone finds any row (filters aside)."""
    return count_results(corpus, replace(_with_text(parsed, text), filters={})) > 0


def _candidates(corpus: Corpus, parsed: ParsedQuery):
    """``(kind, label, parsed)`` for every search worth trying, best kinds first."""
    text = unicodedata.normalize("NFKC", parsed.text)
    leaves = parsed.leaves()[:MOST_LEAVES]
    for leaf in leaves:
        words = surface_words(corpus, leaf.text)[:MOST_WORDS]
        fixes = []
        if not _finds(corpus, parsed, leaf.text):  # only a word that finds nothing is misspelt
            fixes = [(leaf.text, right) for right in spellings(corpus, leaf.text)]
            if not fixes and len(words) > 1:  # correct one word of a longer string
                fixes = [(w, right) for w in words if len(w) >= 2 and not inflected(w) and not _finds(corpus, parsed, w)
                         for right in spellings(corpus, w)]
        for wrong, right in fixes:
            corrected = text.replace(leaf.text, leaf.text.replace(wrong, right))
            yield "spelling", f"「{corrected}」で検索", _with_text(parsed, corrected)
        if len(words) > 1:
            for word in words:
                if len(word) >= 2:
                    yield "broader", f"「{word}」だけで検索", _with_text(parsed, word)
    if len(leaves) > 1:
        for leaf in leaves:
            yield "broader", f"「{leaf.text}」だけで検索", _with_text(parsed, leaf.text)
    chosen = [(name, value) for name, values in parsed.filters.items() for value in values]
    for name, value in chosen[:MOST_DROPPED_VALUES]:
        rest = {n: [v for v in vs if not (n == name and v == value)] for n, vs in parsed.filters.items()}
        rest = {n: vs for n, vs in rest.items() if vs}
        yield "drop_filter", f"絞り込み「{FACET_NAMES_JA.get(name, name)}: {value}」を外す", \
            replace(parsed, filters=rest, page=1)
    if len(chosen) > 1:
        yield "drop_filter", "絞り込みをすべて外す", replace(parsed, filters={}, page=1)


def suggest(corpus: Corpus, parsed: ParsedQuery, limit: int = 6) -> list[dict]:
    """Searches that find rows: ``[{kind, label, q, filters, total}]``, at most ``limit``; the
    searches tried share one time budget, and stop when it is spent."""
    with budget():
        return _suggestions(corpus, parsed, limit)


def _suggestions(corpus: Corpus, parsed: ParsedQuery, limit: int) -> list[dict]:
    result, seen = [], set()
    candidates = sorted(_candidates(corpus, parsed), key=lambda c: KINDS.index(c[0]))
    for kind, label, candidate in candidates:
        total = 0
        tries = [(label, candidate)]
        if kind != "drop_filter" and candidate.filters:  # the word may help only without filters
            tries.append((label + "（絞り込みなし）", replace(candidate, filters={})))
        for label, candidate in tries:
            key = (candidate.text, tuple(sorted((n, tuple(v)) for n, v in candidate.filters.items())))
            if key not in seen:
                seen.add(key)
                total = count_results(corpus, candidate)
                if total:
                    break
        if total:
            result.append({"kind": kind, "label": label, "q": candidate.text,
                           "filters": candidate.filters, "total": total})
        if len(result) == limit or exhausted():
            break
    return result
