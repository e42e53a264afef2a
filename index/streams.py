"""The substring index: each row's text in the forms a query string is compared with.

Whoosh phrase queries over the bigram fields are exact but slow in pure Python (a concept
query with a dozen phrases takes seconds at 34,000 rows). This index answers the same
question, "which rows contain this string", from SQLite FTS5 with the trigram tokenizer, in C.

Each line of a row's text (measure, item and section titles; content and both comments) is
stored in three forms, all OCR-corrected, NFKC, lower case, without blanks or ・:

- as written (ＳＮＳ → sns),
- in Sudachi's normalized words (子ども → 子供, 障がい → 障害),
- as its content words only, particles and auxiliaries dropped (感染症の拡大 → 感染症拡大), which
  is what a phrase of words matched in the word fields.

A query string is looked up in the same three forms (``forms``). Forms are joined with a
separator that no query contains, so a match never spans two lines or two forms.

Trigrams cannot find a string of one or two characters, so a second FTS5 table, ``grams``,
holds the same text as overlapping bigrams (and each segment's last character alone): a
two-character string is one token, a single character a prefix query.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path

from .analysis import STOP_POS, apply_corrections, gram_text, morphemes

STREAMS_NAME = "streams.db"
SEPARATOR = "\x1f"
TITLE_FIELDS = ("measure", "item", "section")
BODY_FIELDS = ("content", "effort_comment", "direction_comment")


def forms(text: str, corrections: tuple[tuple[str, str], ...] = ()) -> list[str]:
    """The distinct forms of ``text``: as written, normalized words, content words.

    >>> forms("感染症の拡大")
    ['感染症の拡大', '感染症拡大']
    """
    return list(_forms(text, tuple(corrections)))


@lru_cache(maxsize=4096)
def _forms(text: str, corrections: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    corrected = apply_corrections(text, corrections)[0]
    normalized, content = [], []
    for _, m in morphemes(corrected):
        form = m.normalized_form()
        normalized.append(form)
        if m.part_of_speech()[0] not in STOP_POS:
            content.append(form)
    found = []
    for candidate in (gram_text(corrected), gram_text("".join(normalized)), gram_text("".join(content))):
        if candidate and candidate not in found:
            found.append(candidate)
    return tuple(found)


def field_stream(texts: list[str], corrections) -> str:
    """Every form of every non-empty line, joined with the separator."""
    parts = []
    for text in texts:
        for line in text.split("\n"):
            if line.strip():
                parts.extend(forms(line, corrections))
    return SEPARATOR.join(dict.fromkeys(parts))


BLOCKER = "\ue000"  # a private-use character: a token of its own that no query contains


def bigram_tokens(text: str) -> str:
    """The ``grams`` table's tokens: bigrams of each form and its last character, a blocker between forms.

    >>> bigram_tokens("地区\x1fセンター")
    '地区 区 \ue000 セン ンタ ター ー'
    """
    segments = []
    for part in text.split(SEPARATOR):
        if part:
            segments.append(" ".join([part[i:i + 2] for i in range(len(part) - 1)] + [part[-1]]))
    return f" {BLOCKER} ".join(segments)


def write_streams(path: Path, records: list[dict], corrections) -> None:
    """The substring index of ``records`` (rowid = position in document order) at ``path``."""
    rows = [(position, field_stream([row[f] for f in TITLE_FIELDS], corrections),
             field_stream([row[f] for f in BODY_FIELDS], corrections))
            for position, row in enumerate(records)]
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute("create virtual table streams using fts5("
                               "title, body, tokenize = 'trigram case_sensitive 1', detail = 'full')")
            connection.executemany("insert into streams (rowid, title, body) values (?, ?, ?)", rows)
            connection.execute("insert into streams (streams) values ('optimize')")
            connection.execute("create virtual table grams using fts5(title, body, "
                               "tokenize = 'unicode61 remove_diacritics 0', detail = 'full')")
            connection.executemany("insert into grams (rowid, title, body) values (?, ?, ?)",
                                   ((n, bigram_tokens(title), bigram_tokens(body)) for n, title, body in rows))
            connection.execute("insert into grams (grams) values ('optimize')")
    finally:
        connection.close()
