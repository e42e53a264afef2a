"""Related measures: the rows elsewhere in the plan that share a record's distinctive terms.

The build stores a key-term vector per row and an inverted list with a bounded number of
postings per term (``index/related.py``); here the strongest ``QUERY_TERMS`` terms of a record are
matched against that list in one SQL statement, so a request costs a few milliseconds whatever
the corpus size. Rows of the same measure
(its other department rows and continuation rows) are never results; rows of other chapters come
first unless the scope is ``all``. Each result says why in Japanese: the shared terms and
concepts, and the shared department.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Mapping, Sequence

from index.related import CONCEPT_PREFIX

from .corpus import Corpus
from .engine import get_record
from .errors import BadParameter

DEFAULT_LIMIT = 10
MAX_LIMIT = 50
SCOPES = {"other": "他の章を先に表示", "all": "章を問わず関連の強い順"}
# A shared department counts a little, only among rows that already share terms: the same
# department elsewhere in the plan is often the same work seen from another angle.
DEPARTMENT_BONUS = 0.03
REASON_TERMS = 4
# Rows that share no more than a word or two of little weight are not worth showing.
MIN_SCORE = 0.05
# A record's strongest terms find its neighbours; the weakest add cost, not results.
QUERY_TERMS = 30
BONUS_WINDOW = 200  # candidates re-ranked with the department bonus, at least

# Candidates for one record: dot products of its strongest terms with their postings, the rows
# of its own measure left out, other chapters first (when scoped), best first. When other
# chapters come first, the strongest terms are taken among those that occur in another chapter:
# a term found only in this record's chapter cannot link it elsewhere.
CANDIDATES_SQL = """
with query as (
    select cast(q.key as integer) as term, q.value as weight
    from json_each(:vector) as q join related_terms as t on t.id = cast(q.key as integer)
    where not :scoped or t.chapters > 1
    order by q.value desc limit :query_terms)
select r.id, r.evaluation, r.chapter, r.departments, a.score
from (select p.record, sum(query.weight * p.weight) as score
      from query join related_postings as p on p.term = query.term
      group by p.record) as a
join related_records as r on r.id = a.record
where r.measure_group != :measure_group
order by (:scoped and r.chapter = :chapter), a.score desc, r.id
limit :window
"""


@dataclass(frozen=True)
class RelatedRequest:
    """What a related-measures request asks for."""

    limit: int = DEFAULT_LIMIT
    scope: str = "other"


def _single(params: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = params.get(name) or []
    if isinstance(values, str):
        values = [values]
    if len(values) > 1:
        raise BadParameter(f"{name} は 1 つだけ指定してください", f"{name} must be given once")
    return values[0].strip() if values else None


def parse_related(params: Mapping[str, Sequence[str]]) -> RelatedRequest:
    """``limit`` (1–50, default 10) and ``scope`` (``other`` or ``all``); ``BadParameter`` otherwise."""
    limit_text = _single(params, "limit")
    limit = DEFAULT_LIMIT
    if limit_text:
        if not limit_text.isascii() or not limit_text.isdigit() or not 1 <= int(limit_text) <= MAX_LIMIT:
            raise BadParameter(f"limit は 1 から {MAX_LIMIT} までの整数で指定してください",
                               f"limit must be an integer from 1 to {MAX_LIMIT}")
        limit = int(limit_text)
    scope = _single(params, "scope") or "other"
    if scope not in SCOPES:
        raise BadParameter("scope は other か all を指定してください", "scope must be other or all")
    return RelatedRequest(limit, scope)


def find_related(corpus: Corpus, record_id: str, request: RelatedRequest = RelatedRequest()) -> dict:
    """``{id, scope, limit, results}``: the measures most related to a record; ``NotFound`` for an unknown id."""
    record = get_record(corpus, record_id)
    try:
        with corpus.database() as connection:
            ranked = rank_related(connection, record, request)
    except sqlite3.OperationalError as error:
        # A generation built before related measures existed has no tables for them: no results
        # until the next build, rather than a failed page.
        if "no such table" not in str(error):
            raise
        ranked = []
    results = []
    for candidate in ranked:
        found = corpus.record(candidate.pop("id"))
        if found is not None:  # the database and the index are one generation; be safe anyway
            found.pop("source_text", None)
            results.append(found | candidate)
    return {"id": record["id"], "scope": request.scope, "limit": request.limit, "results": results}


def rank_related(connection: sqlite3.Connection, record: dict, request: RelatedRequest) -> list[dict]:
    """The best ``request.limit`` rows for ``record``: ``{id, score, same_chapter, shared, reason}``."""
    own = connection.execute("select measure_group, chapter, vector from related_records where evaluation = ?",
                             (record["id"],)).fetchone()
    if own is None:
        return []
    measure_group, chapter, vector = own
    own_departments = set(record["departments"])
    scoped = request.scope != "all"
    # The department bonus may lift a row past others: rank a window larger than the page.
    rows = connection.execute(CANDIDATES_SQL, {
        "vector": vector, "query_terms": QUERY_TERMS, "measure_group": measure_group, "scoped": scoped,
        "chapter": chapter, "window": max(BONUS_WINDOW, 4 * request.limit)})
    candidates = []
    for order, (number, evaluation, row_chapter, departments, score) in enumerate(rows):
        if score < MIN_SCORE:
            continue
        shared_departments = [d for d in departments.split("\t") if d in own_departments]
        if shared_departments:
            score += DEPARTMENT_BONUS
        same_chapter = row_chapter == chapter
        candidates.append({"number": number, "id": evaluation, "score": score, "same_chapter": same_chapter,
                           "departments": shared_departments, "key": (scoped and same_chapter, -score, order)})
    top = sorted(candidates, key=lambda c: c["key"])[: request.limit]
    query_vector = {int(t): w for t, w in json.loads(vector).items()}
    vectors = _vectors(connection, [c["number"] for c in top])
    labels = _labels(connection, {t for v in vectors.values() for t in v if t in query_vector})
    ranked = []
    for c in top:
        shared = _shared(query_vector, vectors[c["number"]], labels)
        shared["departments"] = c["departments"]
        ranked.append({"id": c["id"], "score": round(c["score"], 4), "same_chapter": c["same_chapter"],
                       "shared": shared, "reason": reason_text(shared)})
    return ranked


def _vectors(connection: sqlite3.Connection, numbers: list[int]) -> dict[int, dict[int, float]]:
    marks = ",".join("?" * len(numbers))
    return {n: {int(t): w for t, w in json.loads(v).items()} for n, v in connection.execute(
        f"select id, vector from related_records where id in ({marks})", numbers)}


def _labels(connection: sqlite3.Connection, terms: set[int]) -> dict[int, tuple[str, str]]:
    """Term id → ``(term, label)``."""
    found = sorted(terms)
    marks = ",".join("?" * len(found))
    return {n: (term, label) for n, term, label in connection.execute(
        f"select id, term, label from related_terms where id in ({marks})", found)}


def _shared(query: dict[int, float], other: dict[int, float], labels: dict[int, tuple[str, str]]) -> dict:
    """The shared terms and concepts that weigh most, in their longest shared spelling, without repeats."""
    contributions = sorted(((query[t] * w, t) for t, w in other.items() if t in query), reverse=True)
    words = [(labels[t][1], c) for c, t in contributions
             if t in labels and not labels[t][0].startswith(CONCEPT_PREFIX)][: 3 * REASON_TERMS]
    terms: list[str] = []
    for label, weight in words:
        # Show 情報発信 rather than 発信 when both are shared and the longer one weighs too.
        shown = max((w for w, c in words if label in w and c * 3 >= weight), key=len)
        if len(terms) < REASON_TERMS and not any(_overlap(shown, t) for t in terms):
            terms.append(shown)
    folded = {t.casefold() for t in terms}
    concepts = [labels[t][1] for _, t in contributions
                if t in labels and labels[t][0].startswith(CONCEPT_PREFIX) and labels[t][1].casefold() not in folded]
    return {"terms": terms, "concepts": concepts[:REASON_TERMS]}


def _overlap(a: str, b: str) -> bool:
    """Whether two labels say much the same (公共施設マネジメント and 施設マネジメント事業)."""
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size >= 2 and match.size * 2 >= min(len(a), len(b))


def reason_text(shared: dict) -> str:
    """Why a row is related, in Japanese: 「共通の語: 空き家、空き家バンク／同じ所管課: 都市計画課」."""
    parts = []
    if shared.get("terms"):
        parts.append("共通の語: " + "、".join(shared["terms"]))
    if shared.get("concepts"):
        parts.append("共通の概念: " + "、".join(shared["concepts"]))
    if shared.get("departments"):
        parts.append("同じ所管課: " + "、".join(shared["departments"]))
    return "／".join(parts) or "関連する語があります"


def related_groups(corpus: Corpus, record_id: str, limit: int = DEFAULT_LIMIT) -> list[dict]:
    """The related measures of a record grouped by chapter, in ranking order: ``[{chapter, same_chapter, results}]``."""
    groups: dict[tuple[str, str], dict] = {}
    for result in find_related(corpus, record_id, RelatedRequest(limit=limit))["results"]:
        key = (result["document"], result["chapter"])
        group = groups.setdefault(key, {"chapter": result["chapter"], "same_chapter": result["same_chapter"],
                                        "results": []})
        group["results"].append(result)
    return list(groups.values())
