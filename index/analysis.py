"""Japanese text analysis shared by indexing and querying.

Two analyzers, built by two functions:

- ``japanese_analyzer()``: ``SudachiTokenizer() | NormalizeFilter() | PosStopFilter()``.
  Words in Sudachi's normalized form (空家 → 空き家, こども → 子供, ＤＸ → dx), the longest
  split (C) with its shorter parts (A) at the same position in the index, so that
  地区センター matches as a word and as 地区 or センター.
- ``gram_analyzer()``: character bigrams of the text as written and of its normalized words
  (``gram_document``), the recall fallback for strings that Sudachi cuts differently. A query
  string finds the rows that have all its bigrams, confirmed against the gram document, so it
  matches exact substrings.

OCR corrections are applied to the characters before either tokenizer sees them (like a
"char filter"), with an offset map so that token offsets still point into the original,
uncorrected text: highlights land on what the city wrote.

Whoosh pickles analyzers into the index, so they hold only plain settings; the Sudachi
dictionary is module-level and each thread gets its own tokenizer (a Sudachi tokenizer is
not thread-safe).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

from whoosh.analysis import Filter, Token, Tokenizer

_local = threading.local()
_dictionary_lock = threading.Lock()
_dictionary = None

# Sudachi refuses inputs over 49,149 UTF-8 bytes; stay well below (3 bytes per character).
MAX_CHUNK_CHARS = 12_000
# Parts of speech that carry no topic: particles, auxiliaries, punctuation, blanks.
STOP_POS = frozenset({"助詞", "助動詞", "補助記号", "空白"})
# Characters ignored by the bigram field: blanks and the middle dot (ワーク・ライフ = ワークライフ).
GRAM_IGNORED = re.compile(r"[\s・]+")


@lru_cache(maxsize=None)
def analyser_version() -> str:
    """The tokenizer and dictionary an index is built with: another version cuts words differently,
    so an index built with it is stale (its words would not be the query's)."""
    from importlib.metadata import version

    return f"sudachipy {version('sudachipy')}, sudachidict-core {version('sudachidict-core')}"


def sudachi():
    """This thread's Sudachi tokenizer over the shared dictionary."""
    global _dictionary
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is None:
        with _dictionary_lock:
            if _dictionary is None:
                from sudachipy import Dictionary

                _dictionary = Dictionary(dict="core")
        tokenizer = _local.tokenizer = _dictionary.tokenizer()
    return tokenizer


def normalize(text: str) -> str:
    """NFKC and lowercase: ＤＸ → dx, ｶﾞｲﾄﾞ → ガイド."""
    return unicodedata.normalize("NFKC", text).lower()


@lru_cache(maxsize=64)
def _correction_pattern(pairs: tuple[tuple[str, str], ...]):
    if not pairs:
        return None
    wrongs = sorted({wrong for wrong, _ in pairs}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in wrongs))


def apply_corrections(text: str, pairs: tuple[tuple[str, str], ...]):
    """Return ``(corrected, offsets, applied)``.

    ``offsets[i]`` is the index in ``text`` of character ``i`` of ``corrected`` (one extra
    entry for the end), ``applied`` the ``(wrong, right)`` pairs that matched.

    >>> apply_corrections("人間市の広報", (("人間市", "入間市"),))[0]
    '入間市の広報'
    """
    pattern = _correction_pattern(pairs)
    if pattern is None or not pattern.search(text):
        return text, None, []
    mapping = dict(pairs)
    pieces, offsets, applied, last = [], [], [], 0
    for match in pattern.finditer(text):
        pieces.append(text[last : match.start()])
        offsets.extend(range(last, match.start()))
        right = mapping[match.group(0)]
        pieces.append(right)
        # Characters of a replacement map onto the wrong string proportionally.
        span = match.end() - match.start()
        offsets.extend(match.start() + (k * span) // len(right) for k in range(len(right)))
        applied.append((match.group(0), right))
        last = match.end()
    pieces.append(text[last:])
    offsets.extend(range(last, len(text) + 1))
    return "".join(pieces), offsets, applied


def _chunks(text: str):
    """Split ``text`` into ``(offset, chunk)`` pieces small enough for Sudachi."""
    start = 0
    while len(text) - start > MAX_CHUNK_CHARS:
        cut = text.rfind("。", start, start + MAX_CHUNK_CHARS)
        end = cut + 1 if cut > start else start + MAX_CHUNK_CHARS
        yield start, text[start:end]
        start = end
    yield start, text[start:]


def morphemes(text: str):
    """Sudachi morphemes of ``text`` (split mode C) as ``(offset, morpheme)`` pairs."""
    from sudachipy import SplitMode

    tokenizer = sudachi()
    for offset, chunk in _chunks(text):
        if chunk:
            found = list(tokenizer.tokenize(chunk, SplitMode.C))
            cut = _suffix_before_tte(found)
            if cut is None:
                yield from ((offset, m) for m in found)
            else:  # read again in two pieces, cut after the suffix
                for start, piece in ((0, chunk[:cut]), (cut, chunk[cut:])):
                    yield from ((offset + start + at, m) for at, m in morphemes(piece))


def _suffix_before_tte(found) -> int | None:
    """Where a noun's one-kanji suffix ends when Sudachi read it with って as a verb in a variant
    spelling (高齢化|率っ|て as 率う, normalised 従う): a verb so spelled, glued to a noun with no
    particle, is the suffix of the noun (高齢化率って, 就職率って). Verbs in their usual spelling
    (写真|撮っ|て) stay verbs."""
    for before, m, after in zip(found, found[1:], found[2:]):
        surface = m.surface()
        if (m.part_of_speech()[0] == "動詞" and len(surface) == 2 and surface[1] == "っ"
                and "\u4e00" <= surface[0] <= "\u9fff" and not m.normalized_form().startswith(surface[0])
                and before.part_of_speech()[0] == "名詞" and after.surface() == "て"):
            return m.begin() + 1
    return None


def sub_morphemes(morpheme):
    """The shorter (split mode A) parts of a morpheme; empty when it does not split."""
    from sudachipy import SplitMode

    parts = morpheme.split(SplitMode.A)
    return list(parts) if len(parts) > 1 else []


def synonym_groups(morpheme) -> tuple[int, ...]:
    """The ids of the synonym groups of Sudachi's dictionary that a morpheme belongs to:
    子ども and 児童 share one, 高齢者 and 年寄り another (see notes/whoosh-sudachi.md)."""
    return tuple(morpheme.synonym_group_ids())


class SudachiTokenizer(Tokenizer):
    """Sudachi words: mode C tokens, plus their mode A parts at the same position when indexing.

    ``text`` is the normalized form; ``startchar``/``endchar`` index the original string.
    """

    def __init__(self, corrections: tuple[tuple[str, str], ...] = ()):
        self.corrections = tuple(corrections)

    def __eq__(self, other):
        return type(self) is type(other) and self.corrections == other.corrections

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True,
                 mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        corrected, offsets, _ = apply_corrections(value, self.corrections)
        with_parts = mode != "query"
        pos = start_pos
        for offset, m in morphemes(corrected):
            pieces = [m] + (sub_morphemes(m) if with_parts else [])
            for piece in pieces:
                begin, end = offset + piece.begin(), offset + piece.end()
                if offsets is not None:
                    begin, end = offsets[begin], offsets[end]
                t.text = piece.normalized_form()
                t.original = piece.surface()
                t.pos_tag = piece.part_of_speech()[0]
                t.boost = 1.0
                t.stopped = False
                if positions:
                    t.pos = pos
                if chars:
                    t.startchar = start_char + begin
                    t.endchar = start_char + end
                yield t
            pos += 1


class NormalizeFilter(Filter):
    """NFKC and lowercase on top of Sudachi's normalized form.

    >>> [t.text for t in japanese_analyzer()("ＤＸ")]
    ['dx']
    """

    def __call__(self, tokens):
        for t in tokens:
            t.text = normalize(t.text)
            yield t


class PosStopFilter(Filter):
    """Drop particles, auxiliaries, punctuation and blanks; renumber positions without gaps.

    >>> [t.text for t in japanese_analyzer()("空き家の利活用")]
    ['空き家', '利活用']
    """

    def __init__(self, stop_pos=STOP_POS):
        self.stop_pos = frozenset(stop_pos)

    def __eq__(self, other):
        return type(self) is type(other) and self.stop_pos == other.stop_pos

    def __call__(self, tokens):
        last_pos, new_pos = None, -1
        for t in tokens:
            if getattr(t, "pos_tag", "") in self.stop_pos or not t.text.strip():
                continue
            if t.positions:
                # Parts share their word's position: renumber groups, not tokens.
                if t.pos != last_pos:
                    last_pos, new_pos = t.pos, new_pos + 1
                t.pos = new_pos
            yield t


def japanese_analyzer(corrections: tuple[tuple[str, str], ...] = ()):
    """The word analyzer, the same for indexing and querying."""
    return SudachiTokenizer(corrections) | NormalizeFilter() | PosStopFilter()


def gram_text(text: str) -> str:
    """The form of ``text`` that the bigram field indexes: normalized, blanks and ・ removed."""
    return GRAM_IGNORED.sub("", normalize(text))


def normalized_words_text(text: str) -> str:
    """``text`` rewritten with Sudachi's normalized forms (障がい者 → 障害者)."""
    return "".join(m.normalized_form() for _, m in morphemes(text))


def bigrams(text: str) -> list[str]:
    """Overlapping bigrams; a text of one character is its own gram.

    >>> bigrams("地区センター")
    ['地区', '区セ', 'セン', 'ンタ', 'ター']
    """
    if len(text) == 1:
        return [text]
    return [text[i : i + 2] for i in range(len(text) - 1)]


def grams(text: str) -> list[str]:
    """What the gram field indexes of one stream: its bigrams, then each character alone, so
    that a query of one character is one term rather than a prefix over every bigram it starts
    (a query of eight such characters cost ~100 ms in prefix expansion at 1x).

    >>> grams("空き家")
    ['空き', 'き家', '空', 'き', '家']
    """
    return (bigrams(text) if len(text) > 1 else []) + list(text)


# One kanji in brackets inside a word is the other way to write the kanji before it: 健（検）診 is
# 健診 and 検診.
ALTERNATIVE_KANJI = re.compile(r"([\u4e00-\u9fff])\(([\u4e00-\u9fff])\)(?=[\u4e00-\u9fff])")


def alternative_spellings(text: str) -> list[str]:
    """The spellings a bracketed alternative kanji stands for, in a ``gram_text`` (none without one).

    >>> alternative_spellings("各種健(検)診の実施")
    ['各種健診の実施', '各種検診の実施']
    """
    if not ALTERNATIVE_KANJI.search(text):
        return []
    return [ALTERNATIVE_KANJI.sub(r"\1", text), ALTERNATIVE_KANJI.sub(r"\2", text)]


# Two modifiers of one length sharing a head (民生・児童委員, 小・中学校): the first is the head's too.
SHARED_HEAD = re.compile(r"([\u4e00-\u9fff]+)・([\u4e00-\u9fff]+)")


def shared_head_words(text: str) -> list[str]:
    """The words the first of two modifiers makes with the head they share, in ``gram_text`` form:
    民生・児童委員 is 民生委員 and 児童委員, which the text writes only in part.

    >>> shared_head_words("民生・児童委員との連携、小・中学校の授業、防災・防犯")
    ['民生委員', '小学校']
    """
    found = []
    for m in SHARED_HEAD.finditer(unicodedata.normalize("NFKC", text)):
        first, second = m.groups()
        if len(second) > len(first):
            found.append(gram_text(first + second[len(first):]))
    return found


def gram_streams(text: str, corrections: tuple[tuple[str, str], ...] = ()) -> list[str]:
    """The strings whose bigrams are indexed, and that a query string is matched as: the text as
    written, its normalized words, and the spellings a bracketed alternative kanji stands for."""
    return _corrected_streams(apply_corrections(text, corrections)[0])


def _corrected_streams(corrected: str) -> list[str]:
    literal = gram_text(corrected)
    words = gram_text(normalized_words_text(corrected))
    return ([literal] if words == literal else [literal, words]) + alternative_spellings(literal)


# Separates the streams of a gram document: no query string contains it, so a substring test
# on the whole document never matches across two fields or two streams.
STREAM_SEPARATOR = "\x1f"


def gram_document(texts, corrections: tuple[tuple[str, str], ...] = ()) -> str:
    """The streams of every text, joined, and the words two modifiers sharing a head make with it
    (a row's only: a query holding 民生・児童委員 is matched as written): what the bigram field
    indexes and what a substring match is confirmed against."""
    corrected = (apply_corrections(text, corrections)[0] for text in texts)
    return STREAM_SEPARATOR.join(stream for text in corrected
                                 for stream in _corrected_streams(text) + shared_head_words(text))


class GramTokenizer(Tokenizer):
    """The grams of each stream of a gram document (see ``gram_document`` and ``grams``)."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True,
                 mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        for stream in value.split(STREAM_SEPARATOR):
            for gram in grams(stream):
                t.text = gram
                t.boost = 1.0
                t.stopped = False
                if positions:
                    t.pos = pos
                if chars:  # bigrams are not highlighted; offsets are nominal
                    t.startchar = t.endchar = start_char
                pos += 1
                yield t


def gram_analyzer():
    """The bigram analyzer (index side) of a prepared gram document."""
    return GramTokenizer()


HIRAGANA_ONLY = re.compile(r"[ぁ-ゖー]+")


def hiragana_only(text: str) -> bool:
    """Whether ``text`` is written in hiragana (and the long-vowel mark) alone."""
    return bool(HIRAGANA_ONLY.fullmatch(text))


def query_streams(text: str, corrections: tuple[tuple[str, str], ...] = ()) -> list[str]:
    """The strings a row's gram document must contain for a query string: as written, and as
    its normalized words when they differ; but a hiragana string that Sudachi cuts into several
    words is matched as written only: its reading of the pieces is a guess (いるまし → 居る・ます,
    which every row that writes しています holds), while one it reads as one word is sure
    (こども → 子供)."""
    streams = [s for s in gram_streams(text, corrections) if s]
    if len(streams) > 1 and hiragana_only(text) and sum(1 for _ in morphemes(text)) > 1:
        return streams[:1]
    return streams


def query_words(text: str, corrections: tuple[tuple[str, str], ...] = ()) -> list[str]:
    """The normalized words of a query string (mode C, stop words removed)."""
    return [t.text for t in japanese_analyzer(corrections)(text, mode="query")]
