"""Run a parsed search over a corpus: match, count facets, rank, page and highlight."""

from __future__ import annotations

import heapq
import unicodedata
from dataclasses import dataclass
from typing import Mapping

from index.grades import FACET_NAMES_JA, FACETS, GRADES

from .corpus import Corpus
from .errors import NotFound
from .facets import count_masks, facet_list, members, to_mask
from .highlight import highlight
from .matching import any_of, to_query
from .query import ParsedQuery
from .settings import DEFAULTS


def resolve_filters(corpus: Corpus, filters: dict[str, list[str]]) -> dict[str, set[str]]:
    """Filter values as the facets store them: a chapter by title, key (第1章) or number."""
    resolved = {name: set(values) for name, values in filters.items()}
    if "chapter" in resolved:
        by_key = {c["key"]: c["title"] for c in corpus.chapters}
        chapters = set()
        for value in resolved["chapter"]:
            number = unicodedata.normalize("NFKC", value)
            chapters.add(by_key.get(number) or by_key.get(f"第{number}章") or value)
        resolved["chapter"] = chapters
    if "document" in resolved:
        by_title = {d["title"]: d["id"] for d in corpus.documents}
        resolved["document"] = {by_title.get(v, v) for v in resolved["document"]}
    return resolved


def facet_response(corpus: Corpus, counts, filters: dict[str, set[str]], size: int) -> dict:
    facets = {}
    for name in FACETS:
        selected = filters.get(name, set())
        if name in GRADES:
            facets[name] = facet_list(counts[name], list(GRADES[name]), corpus.labels[name],
                                      selected, keep_zero=True, size=size)
        elif name == "chapter":
            facets[name] = facet_list(counts[name], corpus.chapter_titles(), {}, selected, False, size)
        elif name == "document":
            titles = {d["id"]: d["title"] for d in corpus.documents}
            facets[name] = facet_list(counts[name], list(titles), titles, selected, False, size)
        else:
            facets[name] = facet_list(counts[name], [], {}, selected, False, size)
    return facets


def scored_documents(corpus: Corpus, query) -> dict[int, float]:
    """Every document that matches a Whoosh query, with its score, in one scored pass."""
    with corpus.searching() as searcher:
        results = searcher.search(query, limit=None)
        return {docnum: score for score, docnum in results.top_n}


def match(corpus: Corpus, tree) -> tuple[list, dict[int, float] | None]:
    """``(readings, scores)`` of a query tree; ``scores`` is None when it matches every row."""
    readings: list = []
    query = to_query(tree, corpus, readings)
    return readings, None if query is None else scored_documents(corpus, query)


def find(corpus: Corpus, parsed: ParsedQuery) -> tuple[list, dict[int, float] | None, str]:
    """``(readings, scores, mode)`` of the query, falling back to any word when no row has all.

    Cached per query tree: paging, sorting and choosing facets ask for the same query again.
    """
    cached = corpus.results.get(parsed.tree)
    if cached is not None:
        return cached
    readings, scores = match(corpus, parsed.tree)
    mode = "all"
    if scores is not None and not scores and any_of(parsed.tree) is not None:
        readings, scores = match(corpus, any_of(parsed.tree))
        mode = "any"
    found = (readings, scores, mode)
    corpus.results.put(parsed.tree, found, 1 + len(scores or ()))
    return found


def rank(corpus: Corpus, parsed: ParsedQuery, scores: dict[int, float] | None, passing: int) -> list[int]:
    """The documents of the requested page, in order."""
    start = (parsed.page - 1) * parsed.per_page
    end = start + parsed.per_page
    if parsed.sort == "document" or (parsed.sort == "relevance" and scores is None):
        return _first_by_position(corpus, passing, end)[start:end]
    if scores is None:  # browsing by grade: each grade's rows in document order, best grade first
        page: list[int] = []
        for grade in GRADES["progress"]:
            mask = passing & corpus.masks["progress"].get(grade, 0)
            if mask:
                page += _first_by_position(corpus, mask, end - len(page))
                if len(page) >= end:
                    break
        return page[start:end]
    docs = members(passing, scores, len(corpus.facets))
    position = corpus.positions
    grades = {grade: n for n, grade in enumerate(GRADES["progress"])}
    by_grade = parsed.sort == "progress"

    def key(d):
        grade = grades.get(corpus.facets[d].progress, len(grades)) if by_grade else 0
        return grade, -scores[d], position[d]

    return heapq.nsmallest(end, docs, key=key)[start:]


def _first_by_position(corpus: Corpus, mask: int, limit: int) -> list[int]:
    """Up to ``limit`` documents of a bitmask, in document order."""
    bits = mask.to_bytes((len(corpus.facets) + 7) // 8, "little")
    found = []
    if limit <= 0:
        return found
    for doc in corpus.by_position:
        if bits[doc >> 3] >> (doc & 7) & 1:
            found.append(doc)
            if len(found) == limit:
                break
    return found


@dataclass
class Selection:
    """What a search selects before paging: the query's matches, the facet counts and the
    documents that pass every filter (a bitmask)."""

    readings: list
    scores: dict[int, float] | None
    mode: str
    filters: dict[str, set[str]]
    counts: dict
    passing: int


def select(corpus: Corpus, parsed: ParsedQuery) -> Selection:
    """Match the query and apply the filters; shared by the search, exports and suggestions."""
    readings, scores, mode = find(corpus, parsed)
    filters = resolve_filters(corpus, parsed.filters)
    matching = corpus.everything if scores is None else to_mask(scores, len(corpus.facets))
    counts, passing = count_masks(corpus.masks, matching, filters)
    return Selection(readings, scores, mode, filters, counts, passing)


def run_search(corpus: Corpus, parsed: ParsedQuery, settings: Mapping[str, int] = DEFAULTS) -> dict:
    """The search response: ``{query, total, page, per_page, results, facets, interpretation}``."""
    selection = select(corpus, parsed)
    readings, filters, passing = selection.readings, selection.filters, selection.passing
    page = rank(corpus, parsed, selection.scores, passing)
    scores = selection.scores or {}
    results = []
    for docnum in page:
        record = corpus.stored(docnum)
        record.pop("source_text", None)
        record["score"] = round(scores.get(docnum, 0.0), 4)
        record["highlights"] = highlight(record, readings, corpus.corrections,
                                         settings["snippet_length"], settings["fragments_per_field"])
        results.append(record)
    return {
        "query": parsed.text,
        "total": passing.bit_count(),
        "page": parsed.page,
        "per_page": parsed.per_page,
        "results": results,
        "facets": facet_response(corpus, selection.counts, filters, settings["facet_size"]),
        "interpretation": interpretation(parsed, readings, selection.mode, filters),
    }


def interpretation(parsed: ParsedQuery, readings, mode: str, filters) -> dict:
    """How the query was read, so a user sees why a row matched."""
    notes = []
    if parsed.fallback == "plain_words":
        notes.append("検索式を解釈できなかったため、語の並びとして検索しました。")
    if mode == "any":
        notes.append("すべての語を含む取組がないため、いずれかの語を含む取組を表示しています。")
    for reading in readings:
        for c in reading.corrections:
            notes.append(f"「{c['from']}」を「{c['to']}」として検索しました。")
        if reading.expansions:
            notes.append(f"「{reading.text}」を「{'」「'.join(reading.expansions)}」にも広げて検索しました。")
    return {
        "mode": mode if readings else "browse",
        "terms": [r.to_dict() for r in readings],
        "expansions": {r.text: r.expansions for r in readings if r.expansions},
        "corrections": [c for r in readings for c in r.corrections],
        "filters": {name: sorted(values) for name, values in filters.items()},
        "sort": parsed.sort,
        "fallback": parsed.fallback,
        "notes": notes,
    }


def get_record(corpus: Corpus, record_id: str) -> dict:
    """One record with its source line; ``NotFound`` for an unknown id."""
    record = corpus.record(record_id)
    if record is None:
        raise NotFound(f"取組 {record_id[:80]!r} は見つかりません", f"no evaluation with id {record_id[:80]!r}")
    return record


def legend(corpus: Corpus) -> dict:
    """Grade definitions: ``{kind: [{code, label}]}`` plus where each was read."""
    kinds = {}
    for kind, alphabet in GRADES.items():
        labels = corpus.labels.get(kind, {})
        kinds[kind] = [{"code": code, "label": labels.get(code, "")} for code in alphabet if code in labels]
    return {"legend": kinds, "names": {k: FACET_NAMES_JA[k] for k in GRADES},
            "source": [{"document": r["document"], "kind": r["kind"], "code": r["code"],
                        "line": r["line"], "written": r["written"]} for r in corpus.legend_rows]}
