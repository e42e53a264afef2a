"""Related measures: the measures of the plan that share a record's concern, best first, above a floor.

The build stores each row's key terms and an inverted list (``index/related.py``). Here the terms
are weighed by how much they say, from the counts kept per term (so adding a document changes the
weights without rewriting any row):

- rarity: BM25's inverse document frequency over measures, less the idf of a term found in
  ``GENERIC_DF_RATIO`` of the measures, so that a term that frequent weighs nothing (推進 and 連携
  are generic because they are everywhere, not because a list says so);
- gathering: a term found in as many sections (節) as chance would put it in for its frequency is
  administrative vocabulary (周知, 把握, 更新); one gathered in fewer sections names a topic (介護保険,
  防災). The weight grows with the square root of the ratio of the two.

A shared term counts by its weight squared (once for each record) times its saturated frequency in
each; a concept of ``data/synonyms.tsv`` or a synonym group of Sudachi's dictionary counts only when
the two records say it in other words. The relatedness of two records is the mean of the two shares:
how much of each record's own weight the other reproduces (0 to 1). Shared terms are then grouped
into concerns (a compound and the words it contains), and a row is shown only when it clears the
floor: a relatedness of at least ``MIN_RELATEDNESS`` and a convincing reason, i.e. two distinctive concerns,
or a shared concept, or one concern that carries ``STRONG_CONCERN`` alone, or the same 項 (the plan
itself put them together: 36 of 37 such measures were judged related). The floor was chosen on
the dev half of round 1, bench/data/related-judged-dev.json (README, "Related measures": a lower
one, a tie on both rounds' dev halves, was tried and put back). A measure of the same chapter
with a relatedness under ``WEAK_WITHIN_CHAPTER`` needs a department in common as well: so weak a
match inside a chapter is mostly its shared vocabulary (under half of such measures were judged
related, over the dev halves of 49 rounds); across chapters it is the view the council asks for.

Results are ranked over the whole plan, one per measure (its best row), and carry their
``relation``: ``item`` (the same 項), ``chapter`` or ``other`` (another chapter or document: the
cross-chapter view); ``scope=other`` keeps only the last. Candidates come from the strongest postings
of the record's strongest terms (at most ``POSTINGS_PER_TERM`` a term), so the cost is bounded at any
corpus size; postings, parsed rows and where a document's rows are (``Places``) are read from SQLite
when first needed and kept with the generation, so a list asked soon after another reads little.
"""

from __future__ import annotations

import heapq
import json
import math
import sqlite3
import threading
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Mapping, Sequence

from index.build import DATABASE_NAME
from index.related import CONCEPT_PREFIX, GROUP_PREFIX, POSTINGS_PER_TERM

from .cache import RECORD_SIZE, SizedCache
from .corpus import Corpus
from .engine import get_record
from .errors import BadParameter

DEFAULT_LIMIT = 10
MAX_LIMIT = 50
SCOPES = {"all": "計画全体から関連の強い順", "other": "他の章の取組だけ"}
RELATIONS = {"item": "同じ項の施策", "chapter": "同じ章の施策", "other": "他の章の施策（章をまたぐ関連）"}
GENERIC_DF_RATIO = 0.10  # a term in this share of the measures (or more) weighs nothing
SPREAD_POWER = 0.5
MIN_RELATEDNESS = 0.125  # the floor, chosen on the dev half of round 1 (README, "Related measures")
MIN_TERM_WEIGHT = 1.0  # a concern is distinctive when its best term weighs this much
STRONG_CONCERN = 0.2  # a concern carrying this much relatedness on its own is reason enough
ITEM_BONUS = 0.15  # the same 項 is evidence of its own
# Below this relatedness a measure of the same chapter needs a department in common too: the
# chapter's own vocabulary joins its measures weakly (chosen on the dev halves; README, "Related measures").
WEAK_WITHIN_CHAPTER = 0.2
QUERY_TERMS = 30  # a record's strongest terms find its candidates; the weakest add cost, not results
WINDOW = 40  # candidates scored in full: the floor rarely admits more than ten
ROW_CACHE_TERMS = 500_000  # parsed rows kept per generation, counted in terms (about 50 MB)
POSTINGS_CACHE = 1_000_000  # postings kept per generation (12 bytes each in arrays)
PLACES_CACHE = 100_000  # rows whose places are kept per generation (a few hundred bytes each)
REASON_TERMS = 4

# The postings of terms not read yet in this generation, strongest first within a term.
POSTINGS_SQL = "select term, record, weight from related_postings where term in ({}) order by term, weight desc, record"
ROW_COLUMNS = "id, evaluation, document, measure, chapter, section, item, departments, vector"


@dataclass(frozen=True)
class RelatedRequest:
    """What a related-measures request asks for."""

    limit: int = DEFAULT_LIMIT
    scope: str = "all"


@dataclass
class Row:
    """A row of ``related_records``: where it is and its term weights (as its postings hold them);
    ``live`` keeps the terms that weigh something, ``score`` is its score against itself (both set
    by ``Terms.parse``: they depend on the generation's weights)."""

    number: int
    evaluation: str
    document: str
    measure: str
    chapter: str
    section: str
    item: str
    departments: list[str]
    weights: dict[int, float]
    live: dict[int, float] = field(default_factory=dict)
    score: float = 0.0

    @property
    def place(self) -> tuple[str, int]:
        """``(document, line)``: what breaks ties, the same however the tables were built (a row's
        ``number`` follows the order documents were added in)."""
        return self.document, int(self.evaluation.rpartition(":")[2])

    @classmethod
    def read(cls, values) -> "Row":
        number, evaluation, document, measure, chapter, section, item, departments, vector = values
        return cls(number, evaluation, document, measure, chapter, section, item,
                   [d for d in departments.split("\t") if d], {int(t): w for t, w in json.loads(vector).items()})


@dataclass
class Places:
    """Where the rows of one document are: the row of an evaluation id, the rows of a measure
    (``(number, evaluation id)``), of a 項 (``(number, measure)``) and of a chapter. Read per document:
    a record's measure, 項 and chapter are in its own document."""

    numbers: dict[str, int]
    measures: dict[str, list[tuple[int, str]]]
    items: dict[tuple[str, str, str], list[tuple[int, str]]]
    chapters: dict[str, set[int]]

    @classmethod
    def load(cls, connection: sqlite3.Connection, document: str) -> "Places":
        numbers, measures, items, chapters = {}, defaultdict(list), defaultdict(list), defaultdict(set)
        for number, evaluation, measure, chapter, section, item in connection.execute(
                "select id, evaluation, measure, chapter, section, item from related_records where document = ? "
                "order by id", (document,)):
            numbers[evaluation] = number
            measures[measure].append((number, evaluation))
            chapters[chapter].add(number)
            if item:
                items[(chapter, section, item)].append((number, measure))
        return cls(numbers, dict(measures), dict(items), dict(chapters))

    def __len__(self) -> int:
        return len(self.numbers)


@dataclass
class Terms:
    """What the tables say about every term and row, loaded once per generation: a term's text and
    label, its counts, the synonym-group and concept terms of a word (``groups``) and in how many ways
    the concept table spells a concept in a document (``spellings``). Rows, postings and the places
    of a document's rows are read when first needed and kept while they fit."""

    text: dict[int, str]
    label: dict[int, str]
    df: dict[int, int]
    units: dict[int, int]
    groups: dict[int, tuple[int, ...]]
    spellings: dict[int, int]
    measures: int
    unit_sizes: list[int]
    aliases: frozenset[int] = frozenset()
    concept_words: frozenset[int] = frozenset()
    _weights: dict[int, float] = field(default_factory=dict)
    _expected: dict[int, float] = field(default_factory=dict)
    rows: SizedCache = field(default_factory=lambda: SizedCache(ROW_CACHE_TERMS))
    postings: SizedCache = field(default_factory=lambda: SizedCache(POSTINGS_CACHE))
    places: SizedCache = field(default_factory=lambda: SizedCache(PLACES_CACHE))

    def __post_init__(self):
        self.aliases = frozenset(t for t, written in self.text.items()
                                 if written.startswith((GROUP_PREFIX, CONCEPT_PREFIX)))
        self.concept_words = frozenset(word for word, names in self.groups.items()
                                       if any(self.spellings.get(g, 0) >= 2 for g in names))

    @classmethod
    def load(cls, connection: sqlite3.Connection) -> "Terms":
        text, label, df, units, links = {}, {}, {}, {}, {}
        for term, written, shown, n, spread, names in connection.execute(
                "select id, term, label, df, units, links from related_terms"):
            text[term], label[term], df[term], units[term] = written, shown, n, spread
            if names:
                links[term] = names.split()
        by_text = {written: term for term, written in text.items()}
        groups = {term: tuple(by_text[g] for g in names if g in by_text)
                  for term, names in links.items() if not text[term].startswith(CONCEPT_PREFIX)}
        spellings = {term: len(names) for term, names in links.items() if text[term].startswith(CONCEPT_PREFIX)}
        stats = dict(connection.execute("select name, value from related_stats"))
        sizes = [n for (n,) in connection.execute(
            "select count(distinct measure) from related_records group by document, chapter, section")]
        return cls(text, label, df, units, groups, spellings, stats.get("measures", 0), sizes)

    def places_of(self, connection: sqlite3.Connection, document: str) -> Places:
        """The ``Places`` of a document's rows, read once per generation while they fit."""
        return self.places.get_or_make(document, lambda: Places.load(connection, document), len)

    def parse(self, values) -> Row:
        """A row read from ``related_records`` (``ROW_COLUMNS``), with its live terms and own score."""
        row = Row.read(values)
        row.live = {t: w for t, w in row.weights.items() if self.weight(t) > 0}
        # The sum of its words' squared weights (a group or concept only says again what a word
        # of the row says).
        row.score = sum(self.weight(t) ** 2 * w * w for t, w in row.live.items() if t not in self.aliases)
        return row

    def weight(self, term: int) -> float:
        """How much a term says: idf above the generic level, times how gathered it is; 0 if generic."""
        found = self._weights.get(term)
        if found is None:
            n, total = self.df.get(term, 0), max(1, self.measures)
            if n < 2:  # found in one measure only: it links nothing
                found = 0.0
            else:
                rarity = _idf(n, total) - _idf(GENERIC_DF_RATIO * total, total)
                gathering = self._expected_units(n) / max(1, self.units.get(term, 1))
                found = max(0.0, rarity) * gathering ** SPREAD_POWER
            self._weights[term] = found
        return found

    def names_concept(self, word: int) -> bool:
        """Whether a word spells a concept that documents write in several ways: a shared 狭山茶 is a
        shared concept (お茶, 茶業), a shared 自治会 a shared word (町内会 → 自治会 only widens a query)."""
        return word in self.concept_words

    def alias(self, term: int) -> bool:
        """Whether a term is a synonym group or a concept rather than a word."""
        return term in self.aliases

    def paraphrases(self, shared: dict[int, float]) -> dict[int, float]:
        """The shared terms without the groups and concepts of a shared word: those count only when
        the two rows say it in other words (修理 and 修繕), since the word already counts."""
        if self.aliases.isdisjoint(shared):
            return shared
        said = {g for t in shared if t not in self.aliases for g in self.groups.get(t, ())}
        return {t: v for t, v in shared.items() if t not in self.aliases or t not in said}

    def _expected_units(self, n: int) -> float:
        """Sections that ``n`` measures placed at random would fall in."""
        found = self._expected.get(n)
        if found is None:
            total = max(1, self.measures)
            found = self._expected[n] = sum(1 - (1 - size / total) ** n for size in self.unit_sizes)
        return found


def _idf(n: float, total: int) -> float:
    return math.log(1 + (total - n + 0.5) / (n + 0.5))


_terms: dict[str, Terms] = {}
_terms_lock = threading.Lock()


def term_table(connection: sqlite3.Connection, path: Path) -> Terms:
    """The ``Terms`` of a database, cached per file version (one generation at a time)."""
    key = str(path)  # a generation's database never changes once it is swapped in
    with _terms_lock:
        found = _terms.get(key)
        if found is None:
            _terms.clear()
            found = _terms[key] = Terms.load(connection)
    return found


def _single(params: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = params.get(name) or []
    if isinstance(values, str):
        values = [values]
    if len(values) > 1:
        raise BadParameter(f"{name} は 1 つだけ指定してください", f"{name} must be given once")
    return values[0].strip() if values else None


def parse_related(params: Mapping[str, Sequence[str]]) -> RelatedRequest:
    """``limit`` (1–50, default 10) and ``scope`` (``all`` or ``other``); ``BadParameter`` otherwise."""
    limit_text = _single(params, "limit")
    limit = DEFAULT_LIMIT
    if limit_text:
        if not limit_text.isascii() or not limit_text.isdigit() or not 1 <= int(limit_text) <= MAX_LIMIT:
            raise BadParameter(f"limit は 1 から {MAX_LIMIT} までの整数で指定してください",
                               f"limit must be an integer from 1 to {MAX_LIMIT}")
        limit = int(limit_text)
    scope = _single(params, "scope") or "all"
    if scope not in SCOPES:
        raise BadParameter("scope は all か other を指定してください", "scope must be all or other")
    return RelatedRequest(limit, scope)


def find_related(corpus: Corpus, record_id: str, request: RelatedRequest = RelatedRequest()) -> dict:
    """``{id, scope, limit, results}``: the measures most related to a record; ``NotFound`` for an unknown id.

    Each result is the record of the measure's best row with ``score``, ``relation``,
    ``same_chapter``, ``shared``, ``reason`` and ``rows`` (every row of the measure with its
    departments and grades).
    """
    record = get_record(corpus, record_id)
    try:
        with corpus.database() as connection:  # held open: it outlives the generation's folder
            ranked = rank_related(connection, record, request, term_table(connection, corpus.path / DATABASE_NAME))
    except sqlite3.OperationalError as error:
        # A generation built before these tables existed: no results until the next build,
        # rather than a failed page.
        if "no such" not in str(error):
            raise
        ranked = []
    results = []
    for candidate in ranked:
        found = corpus.record(candidate.pop("id"))
        if found is not None:  # the database and the index are one generation; be safe anyway
            found.pop("source_text", None)
            candidate["rows"] = [_grades(row) for row in map(corpus.record, candidate["rows"]) if row]
            results.append(found | candidate)
    return {"id": record["id"], "scope": request.scope, "limit": request.limit, "results": results}


def cached_related(corpus: Corpus, record_id: str, request: RelatedRequest = RelatedRequest()) -> dict:
    """``find_related``, kept with the generation's other results: a record page asks for the
    same list each time, and it cannot change until the next generation."""
    return corpus.results.get_or_make(("related", record_id, request),
                                      lambda: find_related(corpus, record_id, request),
                                      lambda found: RECORD_SIZE * (1 + len(found["results"])))


def _grades(record: dict) -> dict:
    return {name: record[name] for name in ("id", "departments", "progress", "effort", "direction")}


def rank_related(connection: sqlite3.Connection, record: dict, request: RelatedRequest,
                 terms: Terms | None = None) -> list[dict]:
    """The best ``request.limit`` measures for ``record`` above the floor:
    ``{id, score, relation, same_chapter, shared, reason, rows}`` (``rows``: the ids of the measure's rows)."""
    terms = terms or Terms.load(connection)
    places = terms.places_of(connection, record["document"])
    number = places.numbers.get(record["id"])
    if number is None:
        return []
    own = _rows(connection, [number], terms)[0]
    weights = {t: terms.weight(t) ** 2 * w for t, w in own.live.items()}
    own_score = own.score
    if own_score <= 0:
        return []
    query = sorted(weights.items(), key=lambda p: -p[1])[:QUERY_TERMS]
    scoped = request.scope == "other"
    left_out = {n for n, _ in places.measures[own.measure]}
    if scoped:
        left_out |= places.chapters[own.chapter]
    numbers = _candidates(query, _postings(connection, [t for t, _ in query], terms), left_out)
    if not scoped and own.item:  # every measure of the same 項 is a candidate
        numbers += [n for n, measure in places.items[(own.chapter, own.section, own.item)]
                    if measure != own.measure]
    rows = _rows(connection, numbers, terms)
    scored = [c for c in (_score(own, row, weights, own_score, terms) for row in rows) if c]
    scored.sort(key=lambda c: (-c["score"], *c["row"].place))
    best: dict[str, dict] = {}
    for candidate in scored:  # one result per measure, its best row with a convincing reason
        measure = candidate["row"].measure
        if measure not in best and (accepted := _convince(own, candidate, terms)) is not None:
            best[measure] = accepted
            if len(best) == request.limit:
                break
    members = _measure_rows(connection, list(best))
    return [_result(c, members[m]) for m, c in best.items()]


def _postings(connection: sqlite3.Connection, wanted: list[int], terms: Terms) -> dict[int, tuple[array, array]]:
    """The postings of ``wanted`` terms, ``(records, weights)`` strongest first, read once per
    generation while they fit in ``terms.postings``."""
    found = {t: p for t in wanted if (p := terms.postings.get(t)) is not None}
    missing = [t for t in wanted if t not in found]
    if missing:
        read = connection.execute(POSTINGS_SQL.format(",".join("?" * len(missing))), missing).fetchall()
        for term, group in groupby(read, itemgetter(0)):
            _, records, weights = zip(*group)
            found[term] = (array("i", records), array("d", weights))
        for t in missing:
            found.setdefault(t, (array("i"), array("d")))
            terms.postings.put(t, found[t], 1 + len(found[t][0]))
    return found


def _candidates(query: list[tuple[int, float]], postings: dict[int, tuple[array, array]],
                left_out: set[int]) -> list[int]:
    """The best ``WINDOW`` rows by the sum of their postings of the query terms (each weighed by the
    term's query weight), ``left_out`` left out; ties in row order."""
    sums: dict[int, float] = {}
    for term, weight in query:
        records, values = postings[term]
        taken = 0
        for record, value in zip(records, values):
            if record not in left_out:
                sums[record] = sums.get(record, 0.0) + weight * value
                taken += 1
                if taken == POSTINGS_PER_TERM:
                    break
    return heapq.nsmallest(WINDOW, sums, key=lambda record: (-sums[record], record))


def _rows(connection: sqlite3.Connection, numbers: list[int], terms: Terms) -> list[Row]:
    """The rows of ``numbers``, parsed once per generation while they fit in ``terms.rows``."""
    numbers = list(dict.fromkeys(numbers))
    found = {n: row for n in numbers if (row := terms.rows.get(n)) is not None}
    missing = [n for n in numbers if n not in found]
    if missing:
        marks = ",".join("?" * len(missing))
        for values in connection.execute(f"select {ROW_COLUMNS} from related_records where id in ({marks})", missing):
            row = found[values[0]] = terms.parse(values)
            terms.rows.put(row.number, row, len(row.weights))
    return [found[n] for n in numbers if n in found]


def relation(own: Row, other: Row) -> str:
    """``item`` (the same 項 of the same chapter), ``chapter`` or ``other``."""
    if other.document != own.document or other.chapter != own.chapter:
        return "other"
    if own.item and other.item == own.item and other.section == own.section:
        return "item"
    return "chapter"


def _score(own: Row, row: Row, weights: dict[int, float], own_score: float, terms: Terms) -> dict | None:
    """The relatedness of a candidate over every shared term; ``None`` below the floor."""
    shared = terms.paraphrases({t: weights[t] * w for t, w in row.live.items() if t in weights})
    # The mean of the two shares: what part of each record's weight the other one reproduces.
    scale = (1 / own_score + 1 / max(row.score, 1e-9)) / 2
    kinship = relation(own, row)
    relatedness = sum(shared.values()) * scale
    score = relatedness + ITEM_BONUS * (kinship == "item")
    if score < MIN_RELATEDNESS:
        return None
    if kinship != "other" and relatedness < WEAK_WITHIN_CHAPTER and not set(row.departments) & set(own.departments):
        return None  # weak inside the chapter, and no department in common
    return {"row": row, "score": score, "relation": kinship, "shared": shared, "scale": scale}


def _convince(own: Row, candidate: dict, terms: Terms) -> dict | None:
    """The candidate with its distinctive concerns and shared departments; ``None`` if its reason
    does not convince: two distinctive concerns, a concept, one strong concern, or the same 項."""
    concerns = _concerns(own, candidate["row"], candidate.pop("shared"), terms)
    for c in concerns:
        c["score"] *= candidate["scale"]
    distinctive = [c for c in concerns if c["weight"] >= MIN_TERM_WEIGHT]
    if not (len(distinctive) >= 2 or candidate["relation"] == "item"
            or any(c["concept"] or c["score"] >= STRONG_CONCERN for c in distinctive)):
        return None
    departments = [d for d in candidate["row"].departments if d in own.departments]
    return candidate | {"concerns": distinctive, "departments": departments}


def _concerns(own: Row, row: Row, shared: dict[int, float], terms: Terms) -> list[dict]:
    """The shared terms as concerns, strongest first: ``{terms, label, score, weight, concept}``.

    A compound and the words it contains are one concern (空き家対策, 空き家). A concept of
    ``data/synonyms.tsv`` or a synonym group that is left (the rows say it in other words, see
    ``Terms.paraphrases``) is a concern of its own: a shared concept (``concept``: ひとり親家庭 and
    母子家庭) or a paraphrase (修理／修繕).
    """
    concerns: list[dict] = []

    def new(label: str, concept: bool) -> dict:
        concerns.append({"terms": [], "label": label, "score": 0.0, "weight": 0.0, "concept": concept})
        return concerns[-1]

    words = sorted((t for t in shared if not terms.alias(t)), key=lambda t: (-len(terms.text[t]), -shared[t]))
    for t in words:  # longest first: a concern's first term contains all the others
        home = next((c for c in concerns if terms.text[t] in terms.text[c["terms"][0]]), None)
        home = home or new(terms.label[t], False)
        home["terms"].append(t)
        home["concept"] = home["concept"] or terms.names_concept(t)
    for t in shared:  # groups and concepts left by ``Terms.paraphrases``: said in other words
        text = terms.text[t]
        if text.startswith(CONCEPT_PREFIX):  # 狭山茶 in 狭山茶業, 温暖化 in 地球温暖化: a shared word says it
            name = text[len(CONCEPT_PREFIX):]
            home = next((c for c in concerns if any(name in terms.text[m] or terms.text[m] in name
                                                    for m in c["terms"])), None)
            (home or new(terms.label[t], True))["terms"].append(t)
        elif text.startswith(GROUP_PREFIX):
            new(_paraphrase(own, row, t, terms), False)["terms"].append(t)
    for c in concerns:
        c["score"] = sum(shared[t] for t in c["terms"])
        c["weight"] = max(terms.weight(t) for t in c["terms"])
    return sorted(concerns, key=lambda c: -c["score"])


def _paraphrase(own: Row, row: Row, group: int, terms: Terms) -> str:
    """「子ども／児童」: a word of the synonym group from each row."""
    said = [next((terms.label[t] for t in r.weights if group in terms.groups.get(t, ())), None) for r in (own, row)]
    return "／".join(dict.fromkeys(s for s in said if s)) or terms.label[group]


def _measure_rows(connection: sqlite3.Connection, measures: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {m: [] for m in measures}
    marks = ",".join("?" * len(measures))
    if measures:
        for evaluation, measure in connection.execute(
                f"select evaluation, measure from related_records where measure in ({marks}) order by id", measures):
            found[measure].append(evaluation)
    return found


def _result(c: dict, rows: list[str]) -> dict:
    shared = {"terms": [x["label"] for x in c["concerns"] if not x["concept"]][:REASON_TERMS],
              "concepts": [x["label"] for x in c["concerns"] if x["concept"]][:REASON_TERMS],
              "departments": c["departments"]}
    return {"id": c["row"].evaluation, "score": round(c["score"], 4), "relation": c["relation"],
            "same_chapter": c["relation"] != "other", "shared": shared,
            "reason": reason_text(shared, c["relation"]), "rows": rows}


def reason_text(shared: dict, kinship: str = "other") -> str:
    """Why a row is related, in Japanese; the shared department only beside a shared term or concept.

    >>> reason_text({"terms": ["空き家対策"], "concepts": [], "departments": ["都市計画課"]}, "item")
    '同じ項の施策／共通の語: 空き家対策／同じ所管課: 都市計画課'
    >>> reason_text({"terms": [], "concepts": [], "departments": ["都市計画課"]}, "item")
    '同じ項の施策'
    """
    parts = [RELATIONS["item"]] if kinship == "item" else []
    if shared.get("terms"):
        parts.append("共通の語: " + "、".join(shared["terms"]))
    if shared.get("concepts"):
        parts.append("共通の概念: " + "、".join(shared["concepts"]))
    if shared.get("departments") and (shared.get("terms") or shared.get("concepts")):
        parts.append("同じ所管課: " + "、".join(shared["departments"]))
    return "／".join(parts)


def related_groups(corpus: Corpus, record_id: str, limit: int = DEFAULT_LIMIT) -> list[dict]:
    """The related measures of a record, grouped: ``[{relation, label, results}]`` for the same 項, the
    same chapter and the other chapters, each in ranking order (empty groups left out)."""
    results = cached_related(corpus, record_id, RelatedRequest(limit=limit))["results"]
    groups = [{"relation": kinship, "label": label, "results": [r for r in results if r["relation"] == kinship]}
              for kinship, label in RELATIONS.items()]
    return [g for g in groups if g["results"]]
