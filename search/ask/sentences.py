"""Sentences of the evaluation rows, and where a query word occurs in them.

An answer quotes one sentence of the document verbatim, so sentences are cut from the stored
text (what the city wrote) and every position points into it. Matching reads the same text
the way the index does: NFKC and lower case, OCR corrections applied, and Sudachi's
normalized word forms (空家 = 空き家), so a word found by the search is found here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.analysis import GRAM_IGNORED, apply_corrections, morphemes, normalize

# The cells of a row that hold sentences, with their names as the document's headers say.
SENTENCE_FIELDS = {"measure": "施策の方向性", "content": "内容", "effort_comment": "取組評価",
                   "direction_comment": "今後の方向性"}
# Titles above a row: they say what it is about, but they are not sentences of the row.
TITLE_FIELDS = ("section", "item")
# A sentence ends after 。！？, and before a bullet (・) or a bracketed heading (【5年実績】)
# that follows a blank: the comments list facts that way.
SENTENCE_END = re.compile(r"(?<=[。！？!?])|\s+(?=[・【])")
OPENING, CLOSING = "「『（(", "」』）)"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, blanks around it excluded; a title or a
    remark in brackets is part of its sentence (歌「どこから来たの?」等の活用).

    >>> [("ab。 ・cd"[s:e]) for s, e in split_sentences("ab。 ・cd")]
    ['ab。', '・cd']
    >>> [("歌「来たの?」等。次"[s:e]) for s, e in split_sentences("歌「来たの?」等。次")]
    ['歌「来たの?」等。', '次']
    """
    spans, start = [], 0
    depths = _bracket_depths(text)
    for match in SENTENCE_END.finditer(text):
        if match.end() > start and not depths[match.start()]:
            spans.append((start, match.start()))
            start = match.end()
    spans.append((start, len(text)))
    result = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if end > begin:
            result.append((begin, end))
    return result


def _bracket_depths(text: str) -> list[int]:
    """For each position of ``text`` (and its end), how many brackets opened before it are still
    open; 0 once no bracket closes after it (an unclosed one holds no sentence)."""
    last_close = max(text.rfind(c) for c in CLOSING)
    depths, depth = [], 0
    for position, char in enumerate(text):
        depths.append(depth if position <= last_close else 0)
        depth += char in OPENING
        depth -= char in CLOSING and depth > 0
    depths.append(0)
    return depths


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` as the bigram field reads it (NFKC, lower case, without blanks and ・), with the
    index in ``text`` of each folded character.

    >>> fold("ワーク・ライフ Ｂ")[0]
    'ワークライフb'
    """
    whole = normalize(text)
    if len(whole) == len(text):  # the usual case: one folded character per character
        kept = [i for i, c in enumerate(whole) if not GRAM_IGNORED.match(c)]
        return "".join(whole[i] for i in kept), kept + [len(text)]
    chars, offsets = [], []
    for index, char in enumerate(text):
        folded = GRAM_IGNORED.sub("", normalize(char))
        chars.append(folded)
        offsets.extend([index] * len(folded))
    offsets.append(len(text))
    return "".join(chars), offsets


@dataclass
class Reading:
    """A piece of text read for matching: folded characters and normalized words, with offsets."""

    text: str
    folded: str
    folded_offsets: list[int]
    words: list[tuple[str, int, int]] = field(default_factory=list)  # (normalized, start, end)


def read_text(text: str, corrections) -> Reading:
    """Fold ``text`` and cut it into words, offsets into ``text`` (corrections applied first)."""
    corrected, offsets, _ = apply_corrections(text, corrections)
    back = (lambda i: offsets[i]) if offsets is not None else (lambda i: i)
    folded, folded_offsets = fold(corrected)
    folded_offsets = [back(i) for i in folded_offsets]
    words = []
    for offset, m in morphemes(corrected):
        words.append((normalize(m.normalized_form()), back(offset + m.begin()), back(offset + m.end())))
    return Reading(text, folded, folded_offsets, words)


@dataclass
class Sentence:
    """One sentence of a row's cell, as written, and its reading."""

    docnum: int
    field: str
    start: int
    text: str
    reading: Reading


@dataclass(frozen=True)
class Variant:
    """One way a query word can appear: folded characters, or a sequence of normalized words."""

    chars: str
    words: tuple[str, ...]


def variants_of(text: str, corrections) -> list[Variant]:
    """The ways ``text`` can be written in the document: as typed (folded) and as Sudachi words."""
    reading = read_text(text, corrections)
    words = tuple(w for w, _, _ in reading.words if GRAM_IGNORED.sub("", w))
    return [Variant(reading.folded, words)] if reading.folded else []


def locate(reading: Reading, variants: list[Variant]) -> list[tuple[int, int]]:
    """Spans (into the original text) where any variant occurs: characters first, then words."""
    spans = []
    for variant in variants:
        start = reading.folded.find(variant.chars) if variant.chars else -1
        while start >= 0:
            end = start + len(variant.chars)
            spans.append((reading.folded_offsets[start], reading.folded_offsets[end]))
            start = reading.folded.find(variant.chars, end)
        if variant.words:
            n = len(variant.words)
            normalized = [w for w, _, _ in reading.words]
            for i in range(len(normalized) - n + 1):
                if tuple(normalized[i:i + n]) == variant.words:
                    spans.append((reading.words[i][1], reading.words[i + n - 1][2]))
    return sorted(set(spans))


def row_sentences(docnum: int, record: dict, corrections) -> list[Sentence]:
    """Every sentence of a row's text cells, in cell order."""
    sentences = []
    for name in SENTENCE_FIELDS:
        text = record.get(name) or ""
        for start, end in split_sentences(text):
            piece = text[start:end]
            sentences.append(Sentence(docnum, name, start, piece, read_text(piece, corrections)))
    return sentences
