"""In-process timings of the search functions, so a regression is easy to locate.

For every query of the HTTP mix: the whole ``run_search`` with empty caches (first sight) and
warm (the same query again), and its parts: matching (``find``, uncached), facet counting,
ordering, and building the page (stored records and highlights). Then ``search.ask.ask`` on the
judged questions and ``search.related.find_related`` on the judged records, when those modules
exist. Runs at every scale already built by bench/scale.py (1× is built if missing).

Usage: python -m bench.timings
"""

from __future__ import annotations

import importlib
import json
import statistics
import sys
import time
import warnings
from pathlib import Path

warnings.filterwarnings("ignore")

from bench.prepare import BENCH_VAR, one_x  # noqa: E402
from bench.report import machine, markdown_table, percentile, write  # noqa: E402
from bench.workload import MIX, PER_PAGE  # noqa: E402

DATA = Path(__file__).parent / "data"
REPEAT = 5


def clear_caches(corpus) -> None:
    """Forget everything cached for queries, so the next search is a first sight."""
    from search import highlight, query

    corpus.results.clear()
    corpus._records.clear()
    query.parse_terms.cache_clear()
    highlight.targets.cache_clear()
    highlight._normalized_with_offsets.cache_clear()
    highlight._word_places.cache_clear()


def clock(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def stats(seconds: list[float]) -> dict:
    ms = [s * 1000 for s in seconds]
    if not ms:
        return {"n": 0, "median_ms": None, "p95_ms": None, "max_ms": None}
    return {"n": len(ms), "median_ms": round(statistics.median(ms), 3), "p95_ms": round(percentile(ms, 95), 3),
            "max_ms": round(max(ms), 3)}


def search_timings(corpus) -> dict:
    from search.engine import find, rank, resolve_filters, run_search, search_response
    from search.settings import DEFAULTS
    from search.facets import count_masks, to_mask
    from search.highlight import highlight
    from search.query import parse_query

    parts: dict[str, list[float]] = {name: [] for name in
                                     ("run_search first", "run_search again (response kept)",
                                      "search_response (made anew, match kept)", "parse_query", "match (find, uncached)",
                                      "facets (count_masks)", "order (rank)", "page (records + highlights)")}
    slowest = []
    for _, params in MIX:
        request = {k: [v] for k, v in params.items()} | {"per_page": [str(PER_PAGE)]}
        clear_caches(corpus)
        first = clock(lambda: run_search(corpus, parse_query(request)))
        parts["run_search first"].append(first)
        slowest.append((first, params.get("q") or "(browse)", params))
        warm = [clock(lambda: run_search(corpus, parse_query(request))) for _ in range(REPEAT)]
        parts["run_search again (response kept)"].append(statistics.median(warm))
        anew = [clock(lambda: search_response(corpus, parse_query(request), DEFAULTS)) for _ in range(REPEAT)]
        parts["search_response (made anew, match kept)"].append(statistics.median(anew))
        parts["parse_query"].append(statistics.median(clock(parse_query, request) for _ in range(REPEAT)))
        parsed = parse_query(request)
        corpus.results.clear()
        start = time.perf_counter()
        readings, scores, _, _ = find(corpus, parsed)
        parts["match (find, uncached)"].append(time.perf_counter() - start)
        filters = resolve_filters(corpus, parsed.filters)
        mask = corpus.everything if scores is None else to_mask(scores, len(corpus.facets))
        start = time.perf_counter()
        counts, passing = count_masks(corpus.masks, mask, filters)
        parts["facets (count_masks)"].append(time.perf_counter() - start)
        start = time.perf_counter()
        page = rank(corpus, parsed, scores, passing)
        parts["order (rank)"].append(time.perf_counter() - start)
        start = time.perf_counter()
        for docnum in page:
            record = corpus.stored(docnum)
            highlight(record, readings, corpus.corrections)
        parts["page (records + highlights)"].append(time.perf_counter() - start)
    slowest.sort(key=lambda x: x[0], reverse=True)
    return {"parts": {name: stats(values) for name, values in parts.items()},
            "slowest_first": [{"query": q, "ms": round(t * 1000, 1)} for t, q, _ in slowest[:5]]}


def optional(module: str, name: str):
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def ask_timings(corpus) -> dict | None:
    ask = optional("search.ask", "ask")
    if ask is None:
        return None
    questions = [c["q"] for path in sorted(DATA.glob("qa-*.json")) for c in json.loads(path.read_text("utf-8"))]
    times = []
    for question in questions:
        try:
            times.append(clock(ask, corpus, {"q": [question]}))
        except Exception as error:  # a failing ask is reported, not fatal to the benchmark
            return {"error": f"{type(error).__name__}: {error}"}
    return stats(times)


def related_timings(corpus) -> dict | None:
    find_related = optional("search.related", "find_related")
    if find_related is None:
        return None
    lines = [c["source_line"] for path in sorted(DATA.glob("related-*.json"))
             for c in json.loads(path.read_text("utf-8"))]
    ids = [f"{corpus.documents[0]['id']}:{line}" for line in lines]
    times = []
    for record_id in ids:
        try:
            times.append(clock(find_related, corpus, record_id))
        except Exception as error:  # reported, not fatal
            return {"error": f"{type(error).__name__}: {error}"}
    return stats(times)


def main(argv: list[str]) -> int:
    from index.build import Workspace
    from search.corpus import Library

    info = machine()
    one_x()
    results = {}
    for folder in sorted(BENCH_VAR.glob("x*/hyoka"), key=lambda p: int(p.parent.name[1:])):
        scale = int(folder.parent.name[1:])
        start = time.perf_counter()
        corpus = Library(Workspace(folder)).current()
        opened = time.perf_counter() - start
        results[scale] = {"rows": len(corpus.facets), "open_s": round(opened, 2), **search_timings(corpus),
                          "ask": ask_timings(corpus) if scale == 1 else None,
                          "related": related_timings(corpus) if scale == 1 else None}
        corpus.close()
    sections = []
    for scale, r in results.items():
        rows = [[name, s["median_ms"], s["p95_ms"], s["max_ms"]] for name, s in r["parts"].items()]
        for name in ("ask", "related"):
            s = r[name]
            if isinstance(s, dict) and "median_ms" in s:
                rows.append([f"{name} ({s['n']} judged cases)", s["median_ms"], s["p95_ms"], s["max_ms"]])
            elif isinstance(s, dict):
                rows.append([name, s["error"], "", ""])
            elif scale == 1:
                rows.append([name, "not present in this build", "", ""])
        slow = ", ".join(f"{x['query']} {x['ms']} ms" for x in r["slowest_first"])
        sections.append((f"{scale}× ({r['rows']} rows; corpus opened in {r['open_s']} s)",
                         markdown_table(["function (per query of the mix)", "median ms", "p95 ms", "max ms"], rows)
                         + f"\n\nSlowest first sights: {slow}."))
    write("timings", "In-process timings", sections, {"machine": info, "results": results})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
