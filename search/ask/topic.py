"""Match a question's topic words to the evaluation rows, each word weighted by how rare it is.

A word matches a row the way search matches it: its characters as written (NFKC, without
blanks and ・, OCR corrections applied), its Sudachi words (空家 = 空き家), or one of the concept
table's expansions (コロナ → 感染症の影響 …). Each word weighs its idf, and a row's coverage is
the share of the question's weight it holds; words joined by と/や are alternatives.
"""

from __future__ import annotations

import math
import threading
import weakref
from dataclasses import dataclass, field

from index.analysis import morphemes, sub_morphemes

from ..matching import read_leaf
from ..query import Leaf
from .question import Question, Term
from .sentences import RowText, Sentence, Variant, row_sentences, row_text, variants_of

# A row answers when it holds at least this share of the question's word weight ...
MIN_COVERAGE = 0.6
# ... and rows counted or listed are those within this share of the best row.
TIER = 0.15
MAX_CACHED_TERMS = 20_000  # words remembered per corpus; the cache starts over beyond this


@dataclass
class Knowledge:
    """Per-corpus material for answering: records and sentences by document number."""

    records: list[dict]
    sentences: list[list[Sentence]]
    texts: list[RowText]
    term_rows: dict = field(default_factory=dict)


_knowledge: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_knowledge_lock = threading.Lock()


def knowledge(corpus) -> Knowledge:
    """Records and their sentences, read once per corpus (a rebuild opens a new corpus)."""
    with _knowledge_lock:
        known = _knowledge.get(corpus)
        if known is None:
            records = [corpus.stored(n) for n in range(len(corpus.facets))]
            sentences = [row_sentences(n, r, corpus.corrections) for n, r in enumerate(records)]
            titles: dict = {}
            texts = [row_text(r, s, corpus.corrections, titles) for r, s in zip(records, sentences)]
            known = _knowledge[corpus] = Knowledge(records, sentences, texts)
        return known


@dataclass
class Word:
    """A topic word with the rows that hold it (expansions included) and its weight."""

    term: Term
    rows: set[int]
    variants: list[Variant]
    expansions: list[str]
    idf: float


def read_words(corpus, known: Knowledge, question: Question) -> tuple[list[Word], list[str]]:
    """Match each topic word like the search does: its characters as written (NFKC, without
    blanks and ・, OCR corrections applied) or its Sudachi words (空家 = 空き家), and the
    concept table's expansions of it (コロナ → 感染症の影響 …). ``(words, dropped)``: an
    optional word (an aside in brackets) that no row holds is dropped."""
    total = len(known.records)
    words, dropped = [], []
    for term in backed_off(corpus, known, question):
        key = (term.text, term.quoted)
        if key not in known.term_rows:
            if len(known.term_rows) >= MAX_CACHED_TERMS:
                known.term_rows.clear()
            reading = read_leaf(Leaf(term.text, exact=term.quoted), corpus)
            variants = variants_of(term.text, corpus.corrections)
            for expansion in reading.expansions:
                variants += variants_of(expansion, corpus.corrections)
            rows = {d for d, text in enumerate(known.texts) if text.holds(variants)}
            known.term_rows[key] = (rows, variants, list(reading.expansions))
        rows, variants, expansions = known.term_rows[key]
        if term.optional and not rows:
            dropped.append(term.text)
            continue
        idf = math.log((total + 1) / (len(rows) + 0.5))
        words.append(Word(term, rows, variants, expansions, idf))
    return words, dropped


def held_weight(words: list[Word], held) -> float:
    """The weight of the words ``held`` (indexes): each word its idf, except that a group of
    alternatives (防災と防犯) weighs what its best-held alternative weighs."""
    total, groups = 0.0, {}
    for i, w in enumerate(words):
        if w.term.group is None:
            total += w.idf if i in held else 0.0
        else:
            groups.setdefault(w.term.group, {}).setdefault(w.term.alternative, []).append(i)
    for alternatives in groups.values():
        # Holding any one alternative whole counts as holding the group whole.
        heaviest = max(sum(words[i].idf for i in indexes) for indexes in alternatives.values())
        share = max(sum(words[i].idf for i in indexes if i in held) / (sum(words[i].idf for i in indexes) or 1.0)
                    for indexes in alternatives.values())
        total += heaviest * share
    return total


def full_weight(words: list[Word]) -> float:
    """The weight of all the question's words."""
    return held_weight(words, range(len(words))) or 1.0


# Parts of a compound that carry little meaning of their own: 給食費 is asked about as 給食.
LIGHT_PARTS = frozenset({"費", "等", "類", "用", "系"})


def backed_off(corpus, known: Knowledge, question: Question) -> list[Term]:
    """The question's terms, a compound the document never uses (給食費, 受賞者, 購入済み)
    replaced by its parts when the document uses them all and what is left out is light: an
    affix (者, 済み) or a part like 費, 等."""
    terms = []
    for term in question.terms:
        if term.quoted or len(term.text) < 3 or _rows_of(corpus, known, term):
            terms.append(term)
            continue
        parts = [p for _, m in morphemes(term.text) for p in (sub_morphemes(m) or [m])]
        kept = [p.surface() for p in parts if p.surface() not in LIGHT_PARTS
                and p.part_of_speech()[0] not in ("接尾辞", "接頭辞")]
        replacement = [Term(p, group=term.group, alternative=term.alternative, phrase=term.phrase,
                            backs_off=term.text) for p in kept]
        if len(kept) < len(parts) and kept and all(_rows_of(corpus, known, t) for t in replacement):
            terms += replacement
        else:
            terms.append(term)
    return terms


def _rows_of(corpus, known: Knowledge, term: Term) -> set[int]:
    variants = variants_of(term.text, corpus.corrections)
    return {d for d, text in enumerate(known.texts) if text.holds(variants)}


def passes(corpus, docnum: int, filters: dict[str, list[str]], all_departments: bool = False) -> bool:
    """Values of one filter combine with OR (as in search), departments with AND when asked."""
    values = corpus.facets[docnum]
    for name, allowed in filters.items():
        have = getattr(values, name)
        have = set(have if isinstance(have, tuple) else (have,))
        if name == "department" and all_departments:
            if not set(allowed) <= have:
                return False
        elif not set(allowed) & have:
            return False
    return True


@dataclass
class Match:
    """The rows that answer: coverage of each candidate, and the chosen set."""

    coverage: dict[int, float]
    best: float
    rows: list[int]
    complete: bool  # every chosen row holds every topic word


def match_rows(corpus, known: Knowledge, question: Question, words: list[Word]) -> Match:
    """Rows that pass the question's filters, their coverage, and the set that answers."""
    candidates = [d for d in range(len(known.records))
                  if passes(corpus, d, question.filters, question.all_departments)]
    if not words:
        return Match({d: 1.0 for d in candidates}, 1.0 if candidates else 0.0, candidates, True)
    weight = full_weight(words)
    coverage = {}
    for d in candidates:
        held = held_weight(words, {i for i, w in enumerate(words) if d in w.rows})
        if held:
            coverage[d] = held / weight
    best = max(coverage.values(), default=0.0)
    floor = max(MIN_COVERAGE, best - TIER)
    rows = [d for d, c in coverage.items() if c >= floor - 1e-9]
    complete = all(coverage[d] >= 1 - 1e-9 for d in rows)
    return Match(coverage, best, rows, complete)


def missing_share(words: list[Word]) -> float:
    """The share of the question's word weight carried by words that no row holds."""
    total = sum(w.idf for w in words) or 1.0
    return sum(w.idf for w in words if not w.rows and len(w.term.text) >= 2 and w.term.group is None) / total
