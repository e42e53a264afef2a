"""Run a parsed search over a corpus: match, count facets, rank, page and highlight."""

from __future__ import annotations

import heapq
import unicodedata
from typing import Mapping

from whoosh import query as wq

from .corpus import GRADE_ORDER, Corpus
from .errors import NotFound
from .facets import FACETS, count_masks, facet_list, members, to_mask
from .highlight import highlight
from .matching import Hits, any_of, evaluate, to_query
from .query import ParsedQuery
from .settings import DEFAULTS

FACET_LABELS_JA = {"progress": "進捗区分", "effort": "取組区分", "direction": "今後の方向性",
                   "department": "所管課", "chapter": "章", "document": "文書"}


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


def matching_documents(corpus: Corpus, query) -> list[int]:
    if query is None:
        return list(range(len(corpus.facets)))
    with corpus.searching() as searcher:
        return sorted(searcher.docs_for_query(query))


def scores(corpus: Corpus, query, docs: list[int], limit: int | None) -> dict[int, float]:
    """Relevance of ``docs`` (the best ``limit`` of them when given)."""
    if query is None or not docs:
        return {}
    with corpus.searching() as searcher:
        hits = searcher.search(query, filter=set(docs), limit=limit)
        return {hit.docnum: hit.score for hit in hits}


def literal_tier(corpus: Corpus, parsed: ParsedQuery, readings) -> set[int] | None:
    """Documents that match the query's own words; None when no word was expanded.

    Rows found only through a concept expansion rank after every row with the words themselves.
    """
    if not any(r.expansions for r in readings):
        return None
    return set(matching_documents(corpus, to_query(parsed.tree, corpus, [], expand=False)))


def order(corpus: Corpus, parsed: ParsedQuery, query, passing: list[int], readings) -> tuple[list[int], dict]:
    """The documents of the requested page, in order, with their scores."""
    start = (parsed.page - 1) * parsed.per_page
    end = start + parsed.per_page
    if start >= len(passing):
        return [], {}
    position = corpus.positions
    if parsed.sort == "document" or (parsed.sort == "relevance" and query is None):
        page = sorted(passing, key=lambda d: position[d])[start:end]
        return page, scores(corpus, query, page, None)
    literal = literal_tier(corpus, parsed, readings)
    top_only = parsed.sort == "relevance" and literal is None
    found = scores(corpus, query, passing, end if top_only else None)
    candidates = list(found) if top_only else passing
    grades = GRADE_ORDER["progress"]

    def key(d):
        grade = grades.index(corpus.facets[d].progress) if parsed.sort == "progress" else 0
        tier = 0 if literal is None or d in literal else 1
        return grade, tier, -found.get(d, 0.0), position[d]

    return sorted(candidates, key=key)[start:end], found


def facet_response(corpus: Corpus, counts, filters: dict[str, set[str]], size: int) -> dict:
    facets = {}
    for name in FACETS:
        selected = filters.get(name, set())
        if name in GRADE_ORDER:
            facets[name] = facet_list(counts[name], list(GRADE_ORDER[name]), corpus.labels[name],
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


def cached_scores(corpus: Corpus, query) -> dict[int, float]:
    """``scored_documents``, cached per Whoosh query for the life of the corpus."""
    found = corpus.words.get(query)
    if found is None:
        found = scored_documents(corpus, query)
        corpus.words.put(query, found, len(found) + 1)
    return found


def find(corpus: Corpus, parsed: ParsedQuery) -> tuple[list, Hits | None, str]:
    """``(readings, hits, mode)`` of the query; ``hits`` is None when it matches every row.

    Cached per query tree: paging, sorting and choosing facets ask for the same query again.
    ``hits.literal`` is None when no word was expanded (no tiers to rank by).
    """
    cached = corpus.results.get(parsed.tree)
    if cached is not None:
        return cached
    scored = lambda query: cached_scores(corpus, query)  # noqa: E731
    readings: list = []
    hits = evaluate(parsed.tree, corpus, readings, scored)
    mode = "all"
    if hits is not None and not hits.scores and any_of(parsed.tree) is not None:
        readings = []
        hits = evaluate(any_of(parsed.tree), corpus, readings, scored)
        mode = "any"
    if hits is not None and not any(r.expansions for r in readings):
        hits = Hits(hits.scores, None)
    found = (readings, hits, mode)
    corpus.results.put(parsed.tree, found, 1 + (len(hits.scores) if hits else 0))
    return found


def rank(corpus: Corpus, parsed: ParsedQuery, hits: Hits | None, readings, passing: int) -> list[int]:
    """The documents of the requested page, in order."""
    start = (parsed.page - 1) * parsed.per_page
    end = start + parsed.per_page
    if parsed.sort == "document" or (parsed.sort == "relevance" and hits is None):
        return _first_by_position(corpus, passing, end)[start:end]
    if hits is None:  # browsing by grade: each grade's rows in document order, best grade first
        page: list[int] = []
        for grade in GRADE_ORDER["progress"]:
            mask = passing & corpus.masks["progress"].get(grade, 0)
            if mask:
                page += _first_by_position(corpus, mask, end - len(page))
                if len(page) >= end:
                    break
        return page[start:end]
    docs = members(passing, hits.scores, len(corpus.facets))
    scores = hits.scores
    literal = hits.literal
    position = corpus.positions
    grades = {grade: n for n, grade in enumerate(GRADE_ORDER["progress"])}
    by_grade = parsed.sort == "progress"

    def key(d):
        grade = grades.get(corpus.facets[d].progress, len(grades)) if by_grade else 0
        tier = 0 if literal is None or d in literal else 1
        return grade, tier, -scores[d], position[d]

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


def run_search(corpus: Corpus, parsed: ParsedQuery, settings: Mapping[str, int] = DEFAULTS) -> dict:
    """The search response: ``{query, total, page, per_page, results, facets, interpretation}``."""
    readings, hits, mode = find(corpus, parsed)
    filters = resolve_filters(corpus, parsed.filters)
    size = len(corpus.facets)
    matching = corpus.everything if hits is None else to_mask(hits.scores, size)
    counts, passing = count_masks(corpus.masks, matching, filters)
    page = rank(corpus, parsed, hits, readings, passing)
    scores = hits.scores if hits is not None else {}
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
        "facets": facet_response(corpus, counts, filters, settings["facet_size"]),
        "interpretation": interpretation(parsed, readings, mode, filters),
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
    for kind, alphabet in GRADE_ORDER.items():
        labels = corpus.labels.get(kind, {})
        kinds[kind] = [{"code": code, "label": labels.get(code, "")} for code in alphabet if code in labels]
    return {"legend": kinds, "names": {k: FACET_LABELS_JA[k] for k in GRADE_ORDER},
            "source": [{"document": r["document"], "kind": r["kind"], "code": r["code"],
                        "line": r["line"], "written": r["written"]} for r in corpus.legend_rows]}
