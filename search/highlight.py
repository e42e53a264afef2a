"""Highlighted fragments: the matched words in ``<mark>``, everything else HTML-escaped.

A word is marked where its exact characters occur (after the same normalisation and OCR
corrections as the index) and, when that finds nothing, where Sudachi reads the same word
(障がい marks 障害, 子供 marks 子ども). Offsets always point into the stored text, so what is
shown is what the city wrote.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from index.analysis import GRAM_IGNORED, apply_corrections, gram_text, japanese_analyzer, normalize

HIGHLIGHT_FIELDS = ("measure", "content", "effort_comment", "direction_comment")
ELLIPSIS = "…"


def query_texts(readings) -> tuple[str, ...]:
    """The strings to mark: each non-excluded query word, its concept expansions and the corpus
    words it was widened to (としょかん marks 図書館)."""
    return tuple(text for reading in readings if not reading.excluded for text in reading.targets())


@lru_cache(maxsize=1024)
def targets(texts: tuple[str, ...]) -> tuple[tuple[tuple[str, ...], str], ...]:
    """``(phrase, literal)`` of each text: as a sequence of Sudachi words and as a literal string.

    Cached: every result of a page asks for the same targets, and Sudachi is the slow part.
    """
    from index.analysis import query_words

    found = {}
    for text in texts:
        literal = gram_text(text)
        if literal:
            found.setdefault(literal, tuple(query_words(text)))
    return tuple((phrase, literal) for literal, phrase in found.items())


@lru_cache(maxsize=8192)
def _normalized_with_offsets(text: str, corrections) -> tuple[str, list[int]]:
    """``text`` as the bigram field sees it, and the original offset of each character."""
    corrected, offsets, _ = apply_corrections(text, corrections)
    chars, origin = [], []
    for i, ch in enumerate(corrected):
        for out in normalize(ch):
            if not GRAM_IGNORED.fullmatch(out):
                chars.append(out)
                origin.append(offsets[i] if offsets else i)
    return "".join(chars), origin


def literal_spans(text: str, literals: list[str], corrections, found: set[str]) -> list[tuple[int, int]]:
    """Where the literals occur in ``text``; adds each literal that occurs to ``found``."""
    normalized, origin = _normalized_with_offsets(text, corrections)
    spans = []
    for literal in literals:
        start = normalized.find(literal)
        while start != -1:
            found.add(literal)
            end = start + len(literal)
            spans.append((origin[start], origin[end - 1] + 1))
            start = normalized.find(literal, end)
    return spans


@lru_cache(maxsize=4096)
def _word_places(text: str, corrections) -> tuple[dict[str, list[int]], dict[tuple[int, str], tuple[int, int]]]:
    """Sudachi's words and word parts of ``text``: the positions of each word, and the first
    ``(start, end)`` of each ``(position, word)``."""
    positions: dict[str, list[int]] = {}
    places: dict[tuple[int, str], tuple[int, int]] = {}
    for t in japanese_analyzer(corrections)(text, chars=True, positions=True, mode="index"):
        if (t.pos, t.text) not in places:
            places[t.pos, t.text] = (t.startchar, t.endchar)
            positions.setdefault(t.text, []).append(t.pos)
    return positions, places


def word_spans(text: str, phrases, corrections) -> list[tuple[int, int]]:
    """Where Sudachi reads a phrase's words at consecutive positions (感染症により: 感染症, よる)."""
    positions, places = _word_places(text, corrections)
    spans = []
    for phrase in phrases:
        for pos in positions.get(phrase[0], ()):
            found = [places.get((pos + offset, word)) for offset, word in enumerate(phrase)]
            if all(found):
                spans.append((found[0][0], found[-1][1]))
    return spans


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def mark(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    """``text[start:end]`` escaped, with the spans inside it in ``<mark>``."""
    out, cursor = [], start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        out.append(escape(text[cursor:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    out.append(escape(text[cursor:end]))
    return "".join(out)


def fragments(text: str, spans: list[tuple[int, int]], length: int, most: int) -> list[str]:
    """Up to ``most`` windows of about ``length`` characters around the marked spans."""
    if len(text) <= length:
        return [mark(text, spans, 0, len(text))]
    windows: list[list[int]] = []
    for s, e in spans:
        if windows and e <= windows[-1][1]:
            continue
        if len(windows) == most:
            break
        begin = max(0, min(s - length // 4, len(text) - length))
        windows.append([begin, min(len(text), begin + length)])
    result = []
    for begin, end in windows:
        prefix = ELLIPSIS if begin > 0 else ""
        suffix = ELLIPSIS if end < len(text) else ""
        result.append(prefix + mark(text, spans, begin, end) + suffix)
    return result


def highlight(record: dict, readings, corrections, length: int = 120, most: int = 2) -> list[dict]:
    """``[{field, fragment}]`` for the fields of ``record`` where the query matched."""
    pairs = targets(query_texts(readings))
    if not pairs:
        return []
    found: set[str] = set()
    literals = [literal for _, literal in pairs]
    spans = {name: literal_spans(record[name], literals, corrections, found) for name in HIGHLIGHT_FIELDS}
    # A word not found as written matched as a variant: Sudachi finds where (its slow part).
    # Not for one character, which names no word of its own.
    variants = [phrase for phrase, literal in pairs if phrase and literal not in found and len(literal) > 1]
    if variants:
        for name in HIGHLIGHT_FIELDS:
            spans[name] += word_spans(record[name], variants, corrections)
    result = []
    for name in HIGHLIGHT_FIELDS:
        merged = merge(spans[name])
        if merged:
            result.extend({"field": name, "fragment": f} for f in fragments(record[name], merged, length, most))
    return result
