"""Key terms of each evaluation, weighted by how distinctive they are: the data behind related measures.

At build time every row gets a sparse vector of key terms:

- Sudachi nouns in normalized form (空家 → 空き家), from the split-C words and their shorter parts
  (地区センター, and 地区 and センター with less weight);
- compound nouns: adjacent pairs of nouns and whole compounds of up to four (情報 + 発信 → 情報発信,
  避難行動要支援者);
- the concepts of ``data/synonyms.tsv`` that the text mentions (LINE, YouTube → SNS; 市報 → 広報いるま).

Terms are weighted TF-IDF over measures (the rows of one measure count once), so that 空き家 weighs
and 推進 does not; terms found in more than ``MAX_DF_RATIO`` of the measures and a short list of
generic administrative words are dropped. Each vector has length 1, so the dot product of two
vectors is their cosine: the relatedness that ``search/related.py`` ranks by.

The vectors are stored in SQLite with an inverted list that keeps the strongest
``POSTINGS_PER_TERM`` postings of each term (see ``write_vectors``), so that a query reads a bounded
number of postings whatever the corpus size. The build is linear in the size of the text (each
distinct sentence is analysed once, in two processes for a large corpus); at 34,000 rows a query
costs a few milliseconds (``python -m bench.related_scale``).

The analysis is stored per document (``add_documents``, ``remove_documents``): adding or removing a
document analyses only that document, then ``combine`` weighs every row again from what is stored,
so the tables are the same as a full build's (``write_related``) of the same documents.
"""

from __future__ import annotations

import json
import marshal
import math
import multiprocessing
import os
import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .analysis import apply_corrections, morphemes, normalize, sub_morphemes
from .tables import Tables

# How much an occurrence counts, by field: the measure and its content say what it is about,
# the comments what was done; the item and section titles are shared by several measures.
FIELD_WEIGHTS = {"measure": 2.0, "item": 1.0, "section": 0.5, "content": 1.5,
                 "effort_comment": 1.0, "direction_comment": 1.0}
WORD_WEIGHT = 1.0
PART_WEIGHT = 0.5  # a shorter part of a compound word: 地区 of 地区センター
COMPOUND_WEIGHT = 0.5
CONCEPT_WEIGHT = 1.0
MAX_COMPOUND = 4  # a compound of more pieces is kept as its pairs only
IDF_MIN_DF = 3  # see term_vectors
MAX_DF_RATIO = 0.15  # terms in more measures than this say nothing distinctive
POSTINGS_PER_TERM = 100  # postings kept per term, the strongest: what one query term reads at most
PARALLEL_SENTENCES = 50_000  # distinct sentences; below this one process is faster than two
CONCEPT_PREFIX = "概念:"
# Administrative words that occur everywhere in an evaluation and carry no topic. Document
# frequency already weighs them down; listed so that a small corpus drops them too.
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
        return "prefix"
    if pos[0] == "接尾辞" and pos[1] == "名詞的" and normalized not in BREAKING_SUFFIXES:
        return "suffix"
    return None


@lru_cache(maxsize=None)
def _keyable(term: str) -> bool:
    return len(term) >= 2 and not term.isdigit() and term not in _spellings(GENERIC_WORDS)


# Per-process caches: the analysis of a word depends only on the word, and a corpus repeats its
# vocabulary endlessly (most of the time of a build went to asking Sudachi the same things).
_kinds: dict[tuple[int, str], tuple[str, str | None]] = {}
_parts: dict[tuple[int, str], list[tuple[str, str]]] = {}


def _kind(m) -> tuple[str, str | None]:
    """``(normalized term, piece kind)`` of a morpheme."""
    key = (m.part_of_speech_id(), m.normalized_form())
    found = _kinds.get(key)
    if found is None:
        term = normalize(key[1])
        found = _kinds[key] = (term, _piece(m.part_of_speech(), term))
    return found


def _noun_parts(m, term: str) -> list[tuple[str, str]]:
    """The keyable shorter nouns of a compound word (狭山茶 → 狭山), as ``(term, surface)``."""
    if len(term) < 3:  # no part of two characters or more would be left beside another
        return []
    key = (m.part_of_speech_id(), m.surface())
    found = _parts.get(key)
    if found is None:
        found = []
        for part in sub_morphemes(m):
            part_term = normalize(part.normalized_form())
            if part.part_of_speech()[0] == "名詞" and _keyable(part_term) and part_term != term:
                found.append((part_term, part.surface()))
        _parts[key] = found
    return found


def key_terms(text: str, masked: list[tuple[int, int]] = ()) -> Counter:
    """``{(term, label): weight}``: the nouns, noun parts and compound nouns of ``text``.

    ``term`` is the normalized form (lower case), ``label`` the spelling as written (NFKC).
    Compounds that overlap a ``masked`` span of ``text`` are left out whole.

    >>> sorted(t for t, _ in key_terms("空き家バンクの開設"))
    ['バンク', '空き家', '空き家バンク', '開設']
    """
    found: Counter = Counter()
    run: list[tuple[str, str, str, object]] = []  # adjacent pieces: normalized, surface, kind, morpheme
    span = [0, 0]

    def flush():
        if run and not any(begin < span[1] and span[0] < end for begin, end in masked):
            for term, surface, kind, m in run:
                if kind == "noun" and _keyable(term):
                    found[(term, surface)] += WORD_WEIGHT
                    for part in _noun_parts(m, term):
                        found[part] += PART_WEIGHT
            if len(run) > 1:
                # Pairs of adjacent pieces (情報|発信) and the whole compound when it is short: the
                # longer partial windows of 福祉総合相談支援窓口 would each repeat the same evidence.
                windows = [run[i : i + 2] for i in range(len(run) - 1)]
                if 2 < len(run) <= MAX_COMPOUND:
                    windows.append(list(run))
                for window in windows:
                    # A compound neither starts with a suffix nor ends with a prefix (避難行動|要|支援者).
                    if window[0][2] == "suffix" or window[-1][2] == "prefix":
                        continue
                    term = "".join(piece[0] for piece in window)
                    if _keyable(term):
                        found[(term, "".join(piece[1] for piece in window))] += COMPOUND_WEIGHT
        run.clear()

    for offset, m in morphemes(text):
        term, kind = _kind(m)
        if kind is None:
            if run:
                flush()
            continue
        begin = offset + m.begin()
        if run and begin != span[1]:
            flush()
        if not run:
            span[0] = begin
        span[1] = offset + m.end()
        run.append((term, m.surface(), kind, m))
    flush()
    return found


def concept_patterns(tables: Tables) -> list[tuple[str, re.Pattern]]:
    """One pattern per concept name (concepts that share a head are merged): any of its terms."""
    terms: dict[str, list[str]] = defaultdict(list)
    for concept in tables.concepts:
        for term in concept.terms:
            spelled = normalize(term)
            if spelled not in terms[concept.name]:
                terms[concept.name].append(spelled)
    patterns = []
    for name, spellings in terms.items():
        # ASCII terms must stand alone (LINE is not a part of "online").
        alternatives = [rf"(?<![0-9a-z]){re.escape(s)}(?![0-9a-z])" if ASCII_WORD.search(s) else re.escape(s)
                        for s in sorted(spellings, key=len, reverse=True)]
        patterns.append((name, re.compile("|".join(alternatives))))
    return patterns


def concept_terms(text: str, patterns: list[tuple[str, re.Pattern]]) -> Counter:
    """``{(concept term, concept name): count}`` for the concepts ``text`` (NFKC) mentions."""
    flat = text.lower()
    found: Counter = Counter()
    for name, pattern in patterns:
        hits = len(pattern.findall(flat))
        if hits:
            found[(CONCEPT_PREFIX + normalize(name), name)] += CONCEPT_WEIGHT * hits
    return found


def masked_spans(text: str, patterns: list[tuple[str, re.Pattern]]) -> list[tuple[int, int]]:
    """Where ``text`` (NFKC) mentions a circumstance concept (``GENERIC_CONCEPTS``)."""
    flat = text.lower()
    if len(flat) != len(text):  # offsets would not line up; nothing is masked
        return []
    return [match.span() for name, pattern in patterns if name in GENERIC_CONCEPTS
            for match in pattern.finditer(flat)]


def measure_groups(records: list[dict]) -> list[int]:
    """For each record, the index of the first row of its measure (department and continuation rows)."""
    first: dict[tuple, int] = {}
    by_line: dict[tuple[str, int], int] = {}
    groups: list[int] = []
    for n, r in enumerate(records):
        group = first.setdefault((r["document"], r["chapter"], r["section"], r["item"], r["measure"]), n)
        parent = by_line.get((r["document"], int(r["continues"]))) if r.get("continues") else None
        if parent is not None:
            group = groups[parent]
        groups.append(group)
        by_line[(r["document"], r["line"])] = n
    return groups


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
        self.patterns = concept_patterns(tables)
        self.cache: dict[str, tuple[tuple[tuple[str, str], float], ...]] = {}

    def analyse(self, sentence: str) -> tuple[tuple[tuple[str, str], float], ...]:
        """``((term, label), weight)`` pairs of one sentence: key terms and the concepts it mentions."""
        corrected, _, _ = apply_corrections(sentence, self.corrections)
        corrected = unicodedata.normalize("NFKC", corrected)
        found = key_terms(corrected, masked_spans(corrected, self.patterns))
        for key, n in concept_terms(corrected, self.patterns).items():
            if key[1] not in GENERIC_CONCEPTS:
                found[key] += n
        return tuple(found.items())

    def analyse_all(self, texts: Iterable[str]) -> None:
        """Fill the cache for the sentences of ``texts``; in two processes when there are many."""
        todo = [s for s in dict.fromkeys(s for t in texts for s in sentences(t)) if s not in self.cache]
        if len(todo) >= PARALLEL_SENTENCES and (os.cpu_count() or 1) > 1:
            # Forked like Whoosh's writer processes: spawning would import the caller's __main__.
            context = multiprocessing.get_context("fork")
            with context.Pool(2, initializer=_start_worker, initargs=(self.corrections, self.patterns)) as pool:
                self.cache.update(zip(todo, pool.map(_analyse_in_worker, todo, chunksize=500)))
        else:
            self.cache.update((s, self.analyse(s)) for s in todo)

    def record_terms(self, record: dict, labels: dict[str, Counter] | None = None) -> dict[str, float]:
        """``{term: weighted frequency}`` over the text fields of a record; spellings go to ``labels``."""
        counts: dict[str, float] = defaultdict(float)
        for name, weight in FIELD_WEIGHTS.items():
            for sentence in sentences(record.get(name) or ""):
                terms = self.cache.get(sentence)
                if terms is None:
                    terms = self.cache[sentence] = self.analyse(sentence)
                for (term, label), n in terms:
                    counts[term] += weight * n
                    if labels is not None:
                        labels[term][label] += weight * n
        return counts


_worker: TermCounter | None = None


def _start_worker(corrections, patterns) -> None:
    global _worker
    _worker = TermCounter(Tables())
    _worker.corrections, _worker.patterns = corrections, patterns


def _analyse_in_worker(sentence: str):
    return _worker.analyse(sentence)


def document_terms(records: list[dict], tables: Tables) -> dict[str, bytes]:
    """What each document of ``records`` contributes to the related measures, by document id.

    For each of its rows: the fields that group rows into measures and chapters, its departments
    and its weighted key terms; and the spellings seen for each term. This is the costly part
    (Sudachi), so it is stored per document (``related_documents``): a change analyses only the
    documents it adds, and ``combine`` weighs every row from what is stored.
    """
    counter = TermCounter(tables)
    counter.analyse_all(r[name] for r in records for name in FIELD_WEIGHTS if r.get(name))
    by_document: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        by_document[record["document"]].append(record)
    found = {}
    for document, rows in by_document.items():
        labels: dict[str, Counter] = defaultdict(Counter)
        counts = [dict(counter.record_terms(r, labels)) for r in rows]
        fields = [tuple(r[name] for name in ROW_FIELDS) for r in rows]
        found[document] = marshal.dumps((fields, counts, {t: dict(c) for t, c in labels.items()}))
    counter.cache.clear()
    return found


# The fields of a row that ``measure_groups`` and the related tables read.
ROW_FIELDS = ("id", "document", "chapter", "section", "item", "measure", "continues", "line", "departments")


def term_vectors(records: list[dict], counts: list[dict[str, float]], label_counts: dict[str, Counter]):
    """``(vectors, labels, groups)`` for ``records`` in order, from their weighted key terms ``counts``.

    ``vectors[n]`` is ``{term: weight}`` of length 1 for record ``n``, ``labels`` maps each kept
    term to its most frequent spelling, ``groups[n]`` is the index of the first row of its measure.
    """
    groups = measure_groups(records)
    # Document frequency over measures: the department rows of one measure repeat its text.
    group_terms: dict[int, set[str]] = defaultdict(set)
    for n, terms in enumerate(counts):
        group_terms[groups[n]].update(terms)
    df: Counter = Counter(t for terms in group_terms.values() for t in terms)
    del group_terms
    total = len(set(groups)) or 1
    max_df = max(2, MAX_DF_RATIO * total)
    # A term shared by two or three measures may be a coincidence of wording (読み手, 目線): the
    # document frequency used for weighting is at least IDF_MIN_DF.
    idf = {t: math.log((total + 1) / (max(n, IDF_MIN_DF) + 0.5)) for t, n in df.items() if 2 <= n <= max_df}
    vectors = []
    for terms in counts:
        vector = {t: math.log1p(w) * idf[t] for t, w in terms.items() if t in idf}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors.append({t: w / norm for t, w in vector.items()})
    labels = {t: label_counts[t].most_common(1)[0][0] for t in idf}
    return vectors, labels, groups


def add_documents(connection: sqlite3.Connection, records: list[dict], tables: Tables) -> None:
    """Analyse the rows of whole documents and store what each contributes (see ``combine``)."""
    connection.execute("create table if not exists related_documents (document text primary key, terms blob)")
    connection.executemany("insert or replace into related_documents values (?, ?)",
                           document_terms(records, tables).items())


def remove_documents(connection: sqlite3.Connection, documents: list[str]) -> None:
    connection.executemany("delete from related_documents where document = ?", ((d,) for d in documents))


def combine(connection: sqlite3.Connection, order: list[str] | None = None) -> None:
    """(Re)write the related tables from what every document contributes, documents in ``order``
    (default: the ``documents`` table's). Weights depend on every measure, so this is global,
    but it reads stored terms instead of analysing text again."""
    if order is None:
        order = [d for (d,) in connection.execute("select id from documents order by seq")]
    stored = dict(connection.execute("select document, terms from related_documents"))
    records: list[dict] = []
    counts: list[dict[str, float]] = []
    label_counts: dict[str, Counter] = defaultdict(Counter)
    for document in order:
        fields, document_counts, labels = marshal.loads(stored[document])
        records += [dict(zip(ROW_FIELDS, row)) for row in fields]
        counts += document_counts
        for term, spellings in labels.items():
            label_counts[term].update(spellings)
    write_vectors(connection, records, *term_vectors(records, counts, label_counts))


def write_related(database: Path, records: Iterable[dict], tables: Tables) -> None:
    """Analyse ``records`` (whole documents, in order) and write every related table in ``database``."""
    records = list(records)
    connection = sqlite3.connect(database)
    try:
        with connection:
            add_documents(connection, records, tables)
            combine(connection, list(dict.fromkeys(r["document"] for r in records)))
    finally:
        connection.close()


def write_vectors(connection: sqlite3.Connection, records: list[dict], vectors, labels, groups) -> None:
    """Store the term vectors of ``records``, their measure groups and the inverted list.

    Tables: ``related_records`` (one row per evaluation, ``id`` in document order, its vector as
    JSON ``{term id: weight}``), ``related_terms`` (term ids, normalized terms and labels) and
    ``related_postings`` (the strongest ``POSTINGS_PER_TERM`` postings of each term, clustered by
    term and rank).
    """
    term_ids = {term: n for n, term in enumerate(sorted(labels))}
    chapter_ids: dict[tuple[str, str], int] = {}
    chapters = [chapter_ids.setdefault((r["document"], r["chapter"]), len(chapter_ids)) for r in records]
    postings: dict[int, list[tuple[float, int]]] = defaultdict(list)
    term_chapters: dict[int, set[int]] = defaultdict(set)
    for n, vector in enumerate(vectors):
        for term, weight in vector.items():
            postings[term_ids[term]].append((weight, n))
            term_chapters[term_ids[term]].add(chapters[n])
    connection.executescript("""
        drop table if exists related_records;
        drop table if exists related_terms;
        drop table if exists related_postings;
        create table related_records (id integer primary key, evaluation text unique,
            measure_group integer, chapter integer, departments text, vector text);
        create table related_terms (id integer primary key, term text, label text, chapters integer);
        create table related_postings (term integer, rank integer, record integer, weight real,
            primary key (term, rank)) without rowid;
    """)
    connection.executemany(
        "insert into related_records values (?, ?, ?, ?, ?, ?)",
        ((n, r["id"], groups[n], chapters[n], "\t".join(r["departments"]),
          json.dumps({term_ids[t]: round(w, 5) for t, w in vectors[n].items()}, separators=(",", ":")))
         for n, r in enumerate(records)))
    connection.executemany("insert into related_terms values (?, ?, ?, ?)",
                           ((n, term, labels[term], len(term_chapters[n])) for term, n in term_ids.items()))
    connection.executemany(
        "insert into related_postings values (?, ?, ?, ?)",
        ((term, rank, record, round(weight, 5))
         for term, rows in postings.items()
         for rank, (weight, record) in enumerate(sorted(rows, key=lambda p: (-p[0], p[1]))[:POSTINGS_PER_TERM])))
