"""The corpus's words, looked up by reading, by synonym group and by spelling distance.

Built from the ``vocabulary`` table that the index stores (``index/vocabulary.py``), once per
opened generation. Fuzzy matching uses RapidFuzz (optimal string alignment: one insertion,
deletion, substitution or swap of neighbours is one edit) over the corpus's own words, with
small kana folded to large (ジヨンソン = ジョンソン) and long vowel marks kept.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from index.vocabulary import read_vocabulary

SMALL_KANA = str.maketrans("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ", "あいうえおつやゆよわアイウエオツヤユヨワカケ")
# A synonym group shared by more distinct words than this is too loose to expand a query with.
MAX_GROUP_TERMS = 12
MIN_READING = 3  # kana: a reading of two is shared by too many words


def fold(text: str) -> str:
    """Small kana as large: the spelling mistakes people make with ュ, ィ, ョ; and letters in lower
    case, as the corpus words are kept (BPC is near bcp)."""
    return text.translate(SMALL_KANA).lower()


# Kana that sound alike and are typed either way: づくり/ずくり, ぢ/じ, を/お; a long vowel mark
# (ホームページ typed ほーむぺーじ reads ホームページ, but こうれい is not こーれい): dropped.
SAME_SOUND = str.maketrans({"ヅ": "ズ", "ヂ": "ジ", "ヲ": "オ", "ー": None})


def reading_key(reading: str) -> str:
    """What two readings must share to be the same word as typed."""
    return reading.translate(SAME_SOUND)


# Voiced kana as unvoiced: a compound's second word is voiced or not (茶畑 is read チャバタケ as
# typed, チャハタケ in the index's context), so a reading that matches no word as it is may
# match one this way.
UNVOICED = str.maketrans("ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポ", "カキクケコサシスセソタチツテトハヒフヘホハヒフヘホ")
MIN_UNVOICED = 4  # kana: shorter readings alike once unvoiced are too often other words


def unvoiced_key(reading: str) -> str:
    return reading_key(reading).translate(UNVOICED)


@dataclass(frozen=True)
class Entry:
    term: str
    reading: str
    groups: tuple[int, ...]
    rows: int


class Vocabulary:
    """Lookups over one generation's vocabulary."""

    def __init__(self, entries: list[Entry]):
        self.entries = {e.term: e for e in entries}
        self.by_reading: dict[str, list[Entry]] = defaultdict(list)
        self.by_short_reading: dict[str, list[Entry]] = defaultdict(list)
        self.by_group: dict[int, list[Entry]] = defaultdict(list)
        self.by_unvoiced: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            if len(entry.reading) >= MIN_READING:
                self.by_reading[reading_key(entry.reading)].append(entry)
            elif len(entry.reading) > 1:
                self.by_short_reading[reading_key(entry.reading)].append(entry)
            if len(entry.reading) >= MIN_UNVOICED:
                self.by_unvoiced[unvoiced_key(entry.reading)].append(entry)
            for group in entry.groups:
                self.by_group[group].append(entry)
        self._folded = [fold(e.term) for e in entries]
        self._terms = [e.term for e in entries]
        self._sorted = sorted(self._terms)
        self.characters = frozenset(c for term in self._terms for c in term)  # 会 is in no entry alone

    @classmethod
    def read(cls, database) -> "Vocabulary":
        return cls([Entry(term, reading, groups, rows) for term, reading, groups, rows in read_vocabulary(database)])

    def rows(self, term: str) -> int:
        entry = self.entries.get(term)
        return entry.rows if entry else 0

    def same_reading(self, reading: str) -> list[Entry]:
        """The corpus words read ``reading`` (katakana), most frequent first; failing that, those
        read alike once voiced kana are unvoiced (ちゃばたけ for 茶畑, read チャハタケ)."""
        found = self.by_reading.get(reading_key(reading)) or \
            (self.by_unvoiced.get(unvoiced_key(reading), ()) if len(reading) >= MIN_UNVOICED else ())
        return sorted(found, key=lambda e: (-e.rows, e.term))

    def sole_reading(self, reading: str) -> list[Entry]:
        """The corpus word read ``reading`` when a reading too short for ``same_reading`` is one
        word's alone in the corpus (ハシ: 橋), else none."""
        found = self.by_short_reading.get(reading_key(reading), [])
        return found if len(found) == 1 else []

    def synonyms(self, groups: tuple[int, ...], exclude: str = "") -> list[Entry]:
        """The corpus words that share one of ``groups`` with a word, most frequent first."""
        found = {}
        for group in groups:
            members = self.by_group.get(group, ())
            if len(members) > MAX_GROUP_TERMS:
                continue
            for entry in members:
                if entry.term != exclude:
                    found[entry.term] = entry
        return sorted(found.values(), key=lambda e: (-e.rows, e.term))

    def spread(self, pieces: list[str], most: int = 3) -> list[Entry]:
        """The corpus compounds that hold ``pieces`` in order with one to ``most`` characters
        between them (総合・窓口 → 総合相談窓口), shortest first, then the most frequent."""
        typed = sum(map(len, pieces))
        pattern = re.compile(f".{{0,{most}}}".join(map(re.escape, pieces)))
        found = [self.entries[term] for term in self._terms
                 if 0 < len(term) - typed <= most and term.startswith(pieces[0]) and pattern.fullmatch(term)]
        return sorted(found, key=lambda e: (len(e.term), -e.rows, e.term))

    def starting_with(self, prefix: str) -> list[str]:
        """The corpus words that begin with ``prefix`` and go on, shortest first (found by bisection
        in the words in code-point order)."""
        first = bisect.bisect_right(self._sorted, prefix)
        found = itertools.takewhile(lambda t: t.startswith(prefix), itertools.islice(self._sorted, first, None))
        return sorted(found, key=lambda t: (len(t), t))

    def near(self, word: str, max_edits: int = 1, limit: int = 3) -> list[Entry]:
        """The corpus words nearest ``word`` (but not ``word``), within ``max_edits`` edits: those
        at the fewest edits found, the most frequent first."""
        folded = fold(word)
        found = process.extract(folded, self._folded, scorer=OSA.distance, score_cutoff=max_edits,
                                limit=50)
        # Folded alike (ジヨンソン, ジョンソン) counts as near: zero edits once folded.
        candidates = [(distance, self.entries[self._terms[index]]) for _, distance, index in found
                      if self._terms[index] != word]
        candidates.sort(key=lambda c: (c[0], -c[1].rows, c[1].term))
        nearest = [entry for distance, entry in candidates if distance == candidates[0][0]]
        # Letters typed in the wrong order (BPC) are the word with the same letters (BCP), not one
        # with another letter (BPR): a swap is the likelier slip when both are one edit away.
        swapped = [entry for entry in nearest if sorted(fold(entry.term)) == sorted(folded)]
        return (swapped or nearest)[:limit]
