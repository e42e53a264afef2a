"""Key terms of each evaluation: the data behind related measures.

At build time every row gets its key terms with their frequencies (weighted by field):

- Sudachi nouns in normalized form (空家 → 空き家) that stand alone;
- compound nouns (a run of adjacent nouns: 予防 + 保全 → 予防保全) whole, and their right-hand parts
  (保全): in Japanese the head of a compound is its last word. A part on the left, one word or
  several (予防; 指定管理者 of 指定管理者制度), is a modifier and counts little on its own, so 予防保全 and
  予防接種 share little, and a word that Sudachi keeps whole but splits into shorter parts
  (地区センター → 地区 | センター) counts with its head part only;
- in the measure and its content, a compound that ends in a generic word, whole (学習機会 of
  学習機会の充実, where 学習 alone says little; ``PHRASE_FIELDS``);
- the concepts of ``data/synonyms.tsv`` that the text mentions (LINE, YouTube → SNS; 市報 → 広報いるま);
- the synonym groups of Sudachi's dictionary of each noun (子ども and 児童, 高齢者 and 年寄り): two rows
  that say the same thing in other words share a group.

Nothing here depends on the rest of the corpus: how much a term says (its inverse document
frequency, and whether it is spread over the whole plan like 周知 or 把握) is weighed at query time
by ``search/related.py`` from the counts kept per term. So the tables can be built for everything
(``write_related``) or changed one document at a time (``add_related``, ``remove_related``).

Tables, in the generation's SQLite database:

- ``related_records``: one row per evaluation: its measure (the id of the measure's first row:
  department and continuation rows belong to it), chapter, section, item, departments and its terms
  as JSON ``{term id: weight}`` (``term_weights``: saturated frequencies scaled to length 1);
- ``related_terms``: each term, its most frequent spelling, ``df`` (measures that contain it),
  ``units`` (sections that contain it, a section being a 節 of a chapter of a document) and its
  ``links``, space-separated: for a word, the synonym-group and concept terms it belongs to
  (``類:19163 概念:子育て``); for a concept, how ``data/synonyms.tsv`` spells it in a document
  (``お茶 茶業`` for 狭山茶);
- ``related_postings``: the same weights as ``(term, weight, record)``, the strongest
  ``POSTINGS_PER_TERM`` of each term, ordered by weight within a term: the candidates of a query;
- ``related_stats``: how many measures and sections the tables hold.
"""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable

from .analysis import apply_corrections, morphemes, normalize, sub_morphemes, synonym_groups
from .tables import Tables

# How much an occurrence counts, by field: the measure and its content say what it is about, the
# comments what was done, the item title what its measures share. Section titles are left out: they
# made every measure of a 節 look alike (and the same 項 counts on its own, in search/related.py).
FIELD_WEIGHTS = {"measure": 2.0, "item": 0.5, "content": 1.5,
                 "effort_comment": 1.0, "direction_comment": 1.0}
# The fields where a compound that ends in a generic word counts whole (学習機会 of 学習機会の充実,
# 経済的支援 of 子育て家庭への経済的支援): there it names what the measure is, while in the comments such
# phrases are passing words of a report (on the dev halves, counting them in the comments or the item
# title too lost a same-concern measure of round 2 that counting them here keeps).
PHRASE_FIELDS = ("measure", "content")
WORD_WEIGHT = 1.0  # a noun standing alone, or a whole compound
HEAD_WEIGHT = 0.5  # the right-hand part of a compound: 保全 of 予防保全, センター of 地区センター
# A left-hand part of a compound, one word or several: ゼロカーボンシティ of ゼロカーボンシティ共同宣言,
# 指定管理者 of 指定管理者制度, 企業誘致 of 企業誘致戦略 (the head says what kind of thing it is, the
# left-hand part what it is about).
MODIFIER_WEIGHT = 0.3
GROUP_WEIGHT = 0.5  # a synonym group of a noun: weaker than the word itself
CONCEPT_WEIGHT = 1.0
MAX_COMPOUND = 4  # a compound of more pieces is kept as its right-hand parts only
LEFT_PARTS = 3  # the longest left-hand part counted, in pieces
PARALLEL_SENTENCES = 50_000  # distinct sentences; below this one process is faster than two
# Postings kept per term, the strongest: what a query reads at most for one term (search/related.py).
# After ``remove_related`` a term may keep fewer until the next full build; scores are not affected,
# since they are computed from the rows' own terms.
POSTINGS_PER_TERM = 200
SATURATION = 1.2  # BM25's k1: the tenth occurrence of a word adds little to the first
CONCEPT_PREFIX = "概念:"
GROUP_PREFIX = "類:"
# Administrative words that occur everywhere in an evaluation and carry no topic: never a term,
# and cut from the ends of a compound (空き家対策事業 → 空き家対策). Document frequency weighs down
# the many others at query time (search/related.py); listed so that a compound loses them.
GENERIC_WORDS = (
    "推進", "実施", "充実", "取組", "取り組み", "事業", "支援", "整備", "検討", "活用", "向上", "促進",
    "強化", "確保", "継続", "実現", "必要", "計画", "対応", "状況", "実施計画", "市内", "本市", "入間市",
    "市民", "令和", "平成", "年度", "年間", "期間", "計画期間", "前期", "基本計画", "各種", "様々",
    "全体", "機会", "とも",
    # What happened to many events in the period, not what a measure is about.
    "中止", "延期", "縮小", "影響",
)
# Nouns that work as function words (ため, こと, 今後 …): they end a compound and are never terms.
FUNCTION_NOUNS = (
    "ため", "こと", "もの", "ほか", "他", "今後", "以降", "以上", "結果", "一部", "多く", "毎年", "毎月",
    "現在", "限り", "際", "中", "上", "等", "など", "場合",
)
# Concepts of data/synonyms.tsv that name the circumstances of the period rather than a topic:
# two rows are not related because both were slowed down by the pandemic. Compound nouns that
# mention them (新型コロナウイルス感染症拡大防止) are not key terms.
GENERIC_CONCEPTS = frozenset({"コロナ"})
# Suffixes that end a compound rather than extend it: 施設等 is not a term.
BREAKING_SUFFIXES = frozenset({"等", "ら", "達", "たち", "方"})
# Prefixes that pick out which ones (each, all, every, both, the same) without changing what is
# meant: 各地区センター is 地区センター, while 多文化 is not 文化. They are no part of a term.
DETERMINER_PREFIXES = frozenset({"各", "全", "毎", "両", "諸", "同", "当", "本"})
ASCII_WORD = re.compile(r"[0-9a-z]")
SENTENCE = re.compile(r"[^。]+。?|。")


@lru_cache(maxsize=None)
def _spellings(words: tuple[str, ...]) -> frozenset[str]:
    """The words as written and in Sudachi's normalized form (ため → 為), lower case."""
    forms = {normalize(w) for w in words}
    for word in words:
        forms.update(normalize(m.normalized_form()) for _, m in morphemes(word))
    return frozenset(forms)


def _piece(pos, normalized: str) -> str | None:
    """How a morpheme takes part in a compound noun: "noun", "prefix", "suffix" or None."""
    if normalized in _spellings(FUNCTION_NOUNS):
        return None
    if pos[0] == "名詞" and pos[1] != "数詞":
        return "noun"
    if pos[0] == "接頭辞":
        return None if normalized in DETERMINER_PREFIXES else "prefix"
    if pos[0] == "接尾辞" and pos[1] == "名詞的" and normalized not in BREAKING_SUFFIXES:
        return "suffix"
    return None


@lru_cache(maxsize=None)
def _keyable(term: str) -> bool:
    return len(term) >= 2 and not term.isdigit() and not _generic(term)


@lru_cache(maxsize=None)
def _generic(term: str) -> bool:
    return term in _spellings(GENERIC_WORDS)


# Per-process cache: the analysis of a word depends only on the word, and a corpus repeats its
# vocabulary endlessly (most of the time of a build went to asking Sudachi the same things).
# A piece is ``(normalized term, surface, kind, synonym-group terms, head part)``.
_pieces: dict[tuple[int, str], tuple[tuple, bool]] = {}


def _piece_of(m, surface: str) -> tuple[tuple, bool]:
    """``(piece, is a quantity)`` of a morpheme; the piece's kind is None when it is no part of a noun."""
    key = (m.part_of_speech_id(), surface)
    found = _pieces.get(key)
    if found is None:
        term, pos = normalize(m.normalized_form()), m.part_of_speech()
        kind = _piece(pos, term)
        number = pos[1] == "数詞" or any(c.isdigit() for c in surface)
        groups = tuple(f"{GROUP_PREFIX}{g}" for g in synonym_groups(m)) if kind == "noun" else ()
        head = _head_part(m, term) if kind == "noun" else None
        found = _pieces[key] = ((term, surface, kind, groups, head), number)
    return found


def _head_part(m, term: str) -> tuple[str, str] | None:
    """The head (last) part of a word Sudachi splits further, ``(term, surface)``: センター of 地区センター."""
    if len(term) < 3:  # no part of two characters or more would be left beside another
        return None
    parts = sub_morphemes(m)
    if parts and parts[-1].part_of_speech()[0] == "名詞":
        part_term = normalize(parts[-1].normalized_form())
        if _keyable(part_term) and part_term != term:
            return (part_term, parts[-1].surface())
    return None


def _trim(run: list) -> tuple[int, int]:
    """Where a compound starts and ends without the pieces that cannot end or start it: a leading
    suffix or generic word, a trailing prefix or generic word (市内|空き家|対策|事業 → 空き家|対策)."""
    start, end = 0, len(run)
    while start < end and (run[start][2] == "suffix" or _generic(run[start][0])):
        start += 1
    while end > start and (run[end - 1][2] == "prefix" or _generic(run[end - 1][0])):
        end -= 1
    return start, end


def _phrase(run: list, start: int, end: int, phrases: dict) -> None:
    """Count the compound with the generic word that follows it (学習|機会 → 学習機会): the trimmed
    word alone (学習) says less than the measure does, and document frequency weighs the phrase."""
    if start < end < len(run) and run[end][2] == "noun" and _generic(run[end][0]):
        window = _bind_prefixes(run[start:end + 1])
        term = "".join(piece[0] for piece in window)
        if _keyable(term):
            _add(phrases, (term, "".join(piece[1] for piece in window)), WORD_WEIGHT)


def _bind_prefixes(run: list) -> list:
    """A prefix belongs to the noun after it: 多|文化|共生 → 多文化|共生 (文化 alone is not what was said)."""
    bound, prefix = [], None
    for piece in run:
        if piece[2] == "prefix":
            prefix = piece if prefix is None else (prefix[0] + piece[0], prefix[1] + piece[1]) + piece[2:]
            continue
        if prefix is not None:
            piece = (prefix[0] + piece[0], prefix[1] + piece[1], piece[2], (), None)
            prefix = None
        bound.append(piece)
    return bound


def _add(found: dict, key: tuple[str, str], weight: float) -> None:
    found[key] = found.get(key, 0.0) + weight


def _compound_terms(run: list, found: dict, phrases: dict | None = None) -> None:
    """Count the terms of one run of adjacent pieces: the whole compound, its right-hand parts
    (each with the head), its left-hand parts and other nouns a little (modifiers) and the synonym
    groups of the head; into ``phrases``, the compound with a generic head (``_phrase``)."""
    if len(run) == 1:  # most runs are one noun: the same counts, sooner
        term, surface, kind, groups, head = run[0]
        if kind == "noun" and _keyable(term):
            _word(term, surface, head, groups, WORD_WEIGHT, found)
        return
    start, end = _trim(run)
    if phrases is not None:
        _phrase(run, start, end, phrases)
    run = _bind_prefixes(run[start:end])
    if not run:
        return
    for start in range(max(0, len(run) - MAX_COMPOUND), len(run) - 1):
        window = run[start:]
        if window[0][2] != "suffix":
            term = "".join(piece[0] for piece in window)
            if _keyable(term):
                _add(found, (term, "".join(piece[1] for piece in window)), WORD_WEIGHT if start == 0 else HEAD_WEIGHT)
    for term, surface, kind, _, _ in run[:-1]:
        if kind == "noun" and _keyable(term):
            _add(found, (term, surface), MODIFIER_WEIGHT)
    for end in range(2, min(len(run), LEFT_PARTS + 1)):  # left-hand parts: 指定管理者 of 指定管理者制度
        window = run[:end]
        term = "".join(piece[0] for piece in window)
        if not _generic(window[-1][0]) and _keyable(term):
            _add(found, (term, "".join(piece[1] for piece in window)), MODIFIER_WEIGHT)
    term, surface, kind, groups, head = run[-1]
    if kind == "noun" and _keyable(term):  # 公園|線: a compound ending in a suffix has no head of its own
        _word(term, surface, head, groups, WORD_WEIGHT if len(run) == 1 else HEAD_WEIGHT, found)


def _word(term: str, surface: str, head: tuple[str, str] | None, groups: tuple[str, ...], weight: float,
          found: dict) -> None:
    """Count a noun, its own head part (センター of 地区センター) and its synonym groups."""
    _add(found, (term, surface), weight)
    if head is not None:
        _add(found, head, HEAD_WEIGHT)
    for group in groups:
        _add(found, (group, surface), GROUP_WEIGHT)


def key_terms(text: str, masked: list[tuple[int, int]] = (),
              phrases: dict | None = None) -> dict[tuple[str, str], float]:
    """``{(term, label): weight}``: the nouns, compounds, head parts and synonym groups of ``text``.

    ``term`` is the normalized form (lower case), ``label`` the spelling as written (NFKC).
    Compounds that overlap a ``masked`` span of ``text`` are left out whole. Compounds that end in
    a generic word go, whole, to ``phrases`` when it is given (see ``PHRASE_FIELDS``).

    >>> {t: w for (t, _), w in key_terms("空き家バンクの開設").items() if not t.startswith(GROUP_PREFIX)}
    {'空き家バンク': 1.0, '空き家': 0.3, 'バンク': 0.5, '開設': 1.0}
    """
    found: dict[tuple[str, str], float] = {}
    run: list[tuple] = []
    span = [0, 0]  # of the run, in ``text``: only needed to compare with ``masked``

    def flush():
        if not masked or not any(begin < span[1] and span[0] < end for begin, end in masked):
            _compound_terms(run, found, phrases)
        run.clear()

    counter_next = False
    for offset, m in morphemes(text):
        surface = m.surface()
        piece, number = _piece_of(m, surface)
        # Quantities are not topics: 1人 (一人), and the counter after a number (1|台). Morphemes
        # cover the text without gaps, so pieces one after the other are adjacent.
        if piece[2] is None or number or (counter_next and len(surface) == 1):
            counter_next = number
            if run:
                flush()
            continue
        counter_next = False
        if masked:
            if not run:
                span[0] = offset + m.begin()
            span[1] = offset + m.end()
        run.append(piece)
    if run:
        flush()
    return found


class ConceptMatcher:
    """The concepts of ``data/synonyms.tsv`` that a text mentions: one pattern per concept name (any
    of its spellings; concepts that share a head are merged), tried only on a text that holds the
    first two characters of one of its spellings (the table has hundreds of concepts)."""

    def __init__(self, tables: Tables):
        spellings: dict[str, list[str]] = defaultdict(list)
        for concept in (c for c in tables.concepts if c.related):
            for term in concept.terms:
                if normalize(term) not in spellings[concept.name]:
                    spellings[concept.name].append(normalize(term))
        self.patterns: list[tuple[str, re.Pattern]] = []
        starts: dict[str, set[int]] = defaultdict(set)  # first two characters (or the one) → concepts
        for name, spelled in spellings.items():
            # ASCII terms must stand alone (LINE is not a part of "online").
            alternatives = [rf"(?<![0-9a-z]){re.escape(s)}(?![0-9a-z])" if ASCII_WORD.search(s) else re.escape(s)
                            for s in sorted(spelled, key=len, reverse=True)]
            for s in spelled:
                starts[s[:2]].add(len(self.patterns))
            self.patterns.append((name, re.compile("|".join(alternatives))))
        self.starts = dict(starts)

    def candidates(self, flat: str) -> list[tuple[str, re.Pattern]]:
        """The concepts that may occur in ``flat`` (lower case): those that start somewhere in it."""
        grams = {flat[i : i + 2] for i in range(len(flat) - 1)} | set(flat)
        found = set().union(*(self.starts[key] for key in grams & self.starts.keys()))
        return [self.patterns[n] for n in sorted(found)]

    def mentions(self, text: str) -> tuple[Counter, list[tuple[int, int]]]:
        """``({(concept term, concept name): count}, masked spans)`` of ``text`` (NFKC): the concepts it
        mentions, and where it mentions a circumstance concept (``GENERIC_CONCEPTS``)."""
        flat = text.lower()
        found: Counter = Counter()
        masked: list[tuple[int, int]] = []
        for name, pattern in self.candidates(flat):
            matches = list(pattern.finditer(flat))
            if matches:
                found[(CONCEPT_PREFIX + normalize(name), name)] += CONCEPT_WEIGHT * len(matches)
            if name in GENERIC_CONCEPTS and len(flat) == len(text):  # else offsets would not line up
                masked.extend(m.span() for m in matches)
        return found, masked


def measure_keys(records: list[dict]) -> list[str]:
    """For each record, the id of the first row of its measure (department and continuation rows)."""
    first: dict[tuple, str] = {}
    by_line: dict[tuple[str, int], str] = {}
    keys: list[str] = []
    for r in records:
        key = first.setdefault((r["document"], r["chapter"], r["section"], r["item"], r["measure"]), r["id"])
        parent = by_line.get((r["document"], int(r["continues"]))) if r.get("continues") else None
        if parent is not None:
            key = parent
        keys.append(key)
        by_line[(r["document"], r["line"])] = key
    return keys


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, each with its 。: no key term spans two sentences.

    >>> sentences("空き家を調査しました。台帳を作成")
    ['空き家を調査しました。', '台帳を作成']
    """
    return SENTENCE.findall(text)


class TermCounter:
    """Weighted key terms of sentences and rows, analysing each distinct sentence once.

    Rows repeat sentences: the department rows of a measure share its content, and comments reuse
    stock phrases. ``labels`` counts the spellings seen for each term.
    """

    def __init__(self, tables: Tables):
        self.corrections = tables.correction_pairs()
        self.concepts = ConceptMatcher(tables)
        self.cache: dict[str, tuple[tuple, tuple]] = {}

    def analyse(self, sentence: str) -> tuple[tuple, tuple]:
        """``(terms, phrases)`` of one sentence, each ``((term, label), weight)`` pairs: its key terms
        and the concepts it mentions, and its compounds with a generic head (``PHRASE_FIELDS``)."""
        corrected, _, _ = apply_corrections(sentence, self.corrections)
        corrected = unicodedata.normalize("NFKC", corrected)
        concepts, masked = self.concepts.mentions(corrected)
        phrases: dict[tuple[str, str], float] = {}
        found = key_terms(corrected, masked, phrases)
        for key, n in concepts.items():
            if key[1] not in GENERIC_CONCEPTS:
                _add(found, key, n)
        return tuple(found.items()), tuple(phrases.items())

    def analyse_all(self, texts: Iterable[str]) -> None:
        """Fill the cache for the sentences of ``texts``; in two processes when there are many."""
        todo = [s for s in dict.fromkeys(s for t in texts for s in sentences(t)) if s not in self.cache]
        if len(todo) >= PARALLEL_SENTENCES and (os.cpu_count() or 1) > 1:
            # Forked like Whoosh's writer processes: spawning would import the caller's __main__.
            context = multiprocessing.get_context("fork")
            with context.Pool(2, initializer=_start_worker, initargs=(self.corrections, self.concepts)) as pool:
                self.cache.update(zip(todo, pool.map(_analyse_in_worker, todo, chunksize=500)))
        else:
            self.cache.update((s, self.analyse(s)) for s in todo)

    def record_terms(self, record: dict, labels: dict[str, Counter] | None = None) -> dict[str, float]:
        """``{term: weighted frequency}`` over the text fields of a record; spellings go to ``labels``."""
        counts: dict[str, float] = defaultdict(float)
        for name, weight in FIELD_WEIGHTS.items():
            for sentence in sentences(record.get(name) or ""):
                terms, phrases = self.cache.get(sentence) or self.cache.setdefault(sentence, self.analyse(sentence))
                for (term, label), n in (terms + phrases if name in PHRASE_FIELDS else terms):
                    counts[term] += weight * n
                    if labels is not None:
                        labels[term][label] += weight * n
        return counts


_worker: TermCounter | None = None


def _start_worker(corrections, concepts) -> None:
    global _worker
    _worker = TermCounter(Tables())
    _worker.corrections, _worker.concepts = corrections, concepts


def _analyse_in_worker(sentence: str):
    return _worker.analyse(sentence)


def term_weights(frequencies: dict) -> dict:
    """Saturated frequencies scaled to length 1 (no corpus statistics): a row's postings weights.

    >>> term_weights({"a": 1.0, "b": 1.0}) == {"a": 0.7071, "b": 0.7071}
    True
    """
    saturated = {t: f * (SATURATION + 1) / (f + SATURATION) for t, f in frequencies.items()}
    norm = math.sqrt(sum(w * w for w in saturated.values())) or 1.0
    return {t: round(w / norm, 4) for t, w in saturated.items()}


def unit_key(record: dict) -> str:
    """The section a row belongs to, the unit over which a term's spread is counted."""
    return "\t".join((record["document"], record["chapter"], record.get("section") or ""))


SCHEMA = """
create table if not exists related_records (id integer primary key, evaluation text unique,
    document text, measure text, chapter text, section text, item text, departments text, vector text);
create index if not exists related_records_place on related_records (document, chapter, section, item);
create index if not exists related_records_measure on related_records (measure);
create table if not exists related_terms (id integer primary key, term text unique, label text,
    df integer, units integer, links text);
create table if not exists related_postings (term integer, weight real, record integer,
    primary key (term, weight desc, record)) without rowid;
create table if not exists related_stats (name text primary key, value integer);
"""


def write_related(database, records: Iterable[dict], tables: Tables) -> None:
    """Create the related-measure tables of ``database`` and fill them with ``records``."""
    connection = sqlite3.connect(database)
    try:
        with connection:
            add_related(connection, records, tables)
    finally:
        connection.close()


def add_related(connection: sqlite3.Connection, records: Iterable[dict], tables: Tables) -> None:
    """Add the rows of whole documents (``records`` as ``read_records`` gives them) to the tables.

    The caller commits. A document already present must be removed first (``remove_related``).
    """
    connection.executescript(SCHEMA)
    records = list(records)
    counter = TermCounter(tables)
    counter.analyse_all(r[name] for r in records for name in FIELD_WEIGHTS if r.get(name))
    label_counts: dict[str, Counter] = defaultdict(Counter)
    frequencies = [counter.record_terms(r, label_counts) for r in records]
    counter.cache.clear()
    ids = _term_ids(connection, label_counts, tables)
    measures = measure_keys(records)
    vectors = [{ids[t]: w for t, w in term_weights(f).items()} for f in frequencies]
    start = connection.execute("select coalesce(max(id), -1) + 1 from related_records").fetchone()[0]
    known = {n for (n,) in connection.execute("select distinct term from related_postings")} if start else set()
    connection.executemany(
        "insert into related_records values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((start + n, r["id"], r["document"], measures[n], r["chapter"], r.get("section") or "",
          r.get("item") or "", "\t".join(r["departments"]), json.dumps(vectors[n], separators=(",", ":")))
         for n, r in enumerate(records)))
    postings = _strongest(vectors, start)
    connection.executemany("insert into related_postings values (?, ?, ?)",
                           ((t, w, n) for t, found in postings.items() for w, n in found))
    for term in known & postings.keys():  # these had postings already: keep the strongest
        _trim_postings(connection, term)
    _count(connection, [set(vector) for vector in vectors], measures, [unit_key(r) for r in records], +1)


def _strongest(vectors: list[dict[int, float]], start: int) -> dict[int, list[tuple[float, int]]]:
    """Per term, its strongest ``POSTINGS_PER_TERM`` postings ``(weight, record)`` among ``vectors``."""
    by_term: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for n, vector in enumerate(vectors, start):
        for term, weight in vector.items():
            by_term[term].append((weight, n))
    for term, found in by_term.items():
        if len(found) > POSTINGS_PER_TERM:
            found.sort(key=lambda p: (-p[0], p[1]))
            del found[POSTINGS_PER_TERM:]
    return by_term


def _trim_postings(connection: sqlite3.Connection, term: int) -> None:
    """Delete the postings of ``term`` beyond its strongest ``POSTINGS_PER_TERM``."""
    last = connection.execute("select weight, record from related_postings where term = ? "
                              "order by weight desc, record limit 1 offset ?", (term, POSTINGS_PER_TERM)).fetchone()
    if last is not None:
        connection.execute("delete from related_postings where term = ? and (weight < ? or weight = ? and record >= ?)",
                           (term, last[0], last[0], last[1]))


def remove_related(connection: sqlite3.Connection, document: str) -> None:
    """Remove the rows of ``document`` from the tables; the caller commits."""
    rows = connection.execute("select id, measure, document, chapter, section, vector from related_records "
                              "where document = ?", (document,)).fetchall()
    if not rows:
        return
    _count(connection, [{int(t) for t in json.loads(r[5])} for r in rows], [r[1] for r in rows],
           ["\t".join(r[2:5]) for r in rows], -1)
    connection.execute("delete from related_postings where record in "
                       "(select id from related_records where document = ?)", (document,))
    connection.execute("delete from related_records where document = ?", (document,))
    connection.execute("delete from related_terms where df <= 0")


def _term_ids(connection: sqlite3.Connection, label_counts: dict[str, Counter], tables: Tables) -> dict[str, int]:
    """Term → id, adding the terms not yet in ``related_terms`` with their links (see ``SCHEMA``)."""
    ids = dict(connection.execute("select term, id from related_terms"))
    new = sorted(t for t in label_counts if t not in ids)
    start = max(ids.values(), default=-1) + 1
    ids.update((t, start + n) for n, t in enumerate(new))
    concepts, spellings = concept_spellings(tables)
    connection.executemany("insert into related_terms values (?, ?, ?, 0, 0, ?)", (
        (ids[t], t, label, " ".join(spellings.get(t, []) if t.startswith(CONCEPT_PREFIX)
                                    else _word_groups(t, label) + concepts.get(t, [])))
        for t, label in ((t, label_counts[t].most_common(1)[0][0]) for t in new)))
    return ids


def _word_groups(term: str, label: str) -> list[str]:
    """The synonym-group terms of a one-word term: 子ども → 類:16008, 類:19163."""
    if term.startswith((GROUP_PREFIX, CONCEPT_PREFIX)):
        return []
    words = list(morphemes(label))
    return [f"{GROUP_PREFIX}{g}" for g in synonym_groups(words[0][1])] if len(words) == 1 else []


def concept_spellings(tables: Tables) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """``(concepts, spellings)``: the concept terms each key term spells (自治会 → [概念:町内会]; a
    spelling is analysed like a row's text and kept when it is one term: 外国人市民 → 外国人, 市民 being
    generic), and how the table spells each concept in a document (概念:狭山茶 → [お茶, 茶業]; the head of
    a one-way concept is what people type, not a spelling: 概念:町内会 → [自治会])."""
    concepts: dict[str, list[str]] = defaultdict(list)
    spellings: dict[str, list[str]] = defaultdict(list)
    for concept in (c for c in tables.concepts if c.related):
        name = CONCEPT_PREFIX + normalize(concept.name)
        for n, spelling in enumerate(concept.terms):
            written = re.sub(r"\s+", "", normalize(spelling))
            if (n or concept.two_way) and written not in spellings[name]:
                spellings[name].append(written)
            whole = [term for (term, _), weight in key_terms(unicodedata.normalize("NFKC", spelling)).items()
                     if weight >= WORD_WEIGHT and not term.startswith(GROUP_PREFIX)]
            if len(whole) == 1 and name not in concepts[whole[0]]:
                concepts[whole[0]].append(name)
    return concepts, spellings


def _count(connection: sqlite3.Connection, term_sets: list[set[int]], measures: list[str],
           units: list[str], sign: int) -> None:
    """Add (``sign`` +1) or subtract (-1) rows' terms to the measure and section counts of each term."""
    by_measure: dict[str, set[int]] = defaultdict(set)
    by_unit: dict[str, set[int]] = defaultdict(set)
    for terms, measure, unit in zip(term_sets, measures, units):
        by_measure[measure] |= terms
        by_unit[unit] |= terms
    df = Counter(t for terms in by_measure.values() for t in terms)
    spread = Counter(t for terms in by_unit.values() for t in terms)
    connection.executemany("update related_terms set df = df + ?, units = units + ? where id = ?",
                           ((sign * n, sign * spread[t], t) for t, n in df.items()))
    for name, n in (("measures", len(by_measure)), ("units", len(by_unit))):
        connection.execute("insert into related_stats values (?, ?) on conflict (name) do update "
                           "set value = value + excluded.value", (name, sign * n))
