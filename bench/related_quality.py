"""Score related measures on the judged cases in bench/data/related-*.json (in-process).

For each case, one of ``relevant_lines`` (rows of other chapters) should be among the first five
related measures of the record at ``source_line``. Prints hit@5 and the rank of the first relevant
row per case, the total, and the latency of ``find_related`` (mean and p95 over every row).

Usage: python -m bench.related_quality [--verbose]
"""

from __future__ import annotations

import json
import statistics
import sys
import time
import warnings
from pathlib import Path

warnings.filterwarnings("ignore", category=SyntaxWarning)

DATA = Path(__file__).parent / "data"
DOCUMENT = "iruma-6th-first-half-evaluation"
K = 5


def load_cases() -> list[dict]:
    cases = []
    for path in sorted(DATA.glob("related-*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            case.setdefault("set", path.stem)
            cases.append(case)
    return cases


def ranked_lines(corpus, line: int, limit: int = 50) -> list[dict]:
    from search.related import RelatedRequest, find_related

    response = find_related(corpus, f"{DOCUMENT}:{line}", RelatedRequest(limit=limit))
    return response["results"]


def score(corpus, cases: list[dict]) -> list[dict]:
    rows = []
    for case in cases:
        results = ranked_lines(corpus, case["source_line"])
        lines = [r["source"]["line"] for r in results]
        relevant = set(case["relevant_lines"])
        first = next((rank for rank, line in enumerate(lines, 1) if line in relevant), None)
        rows.append({"set": case["set"], "line": case["source_line"], "hit": first is not None and first <= K,
                     "first": first, "relevant@5": sum(line in relevant for line in lines[:K]),
                     "top": results[:K], "note": case.get("note", "")})
    return rows


def summary(rows: list[dict]) -> str:
    """hit@5, mean reciprocal rank of the first relevant row and relevant rows among the first five."""
    n = len(rows) or 1
    hits = sum(r["hit"] for r in rows)
    mrr = sum(1 / r["first"] for r in rows if r["first"]) / n
    found = sum(r["relevant@5"] for r in rows) / n
    return f"hit@{K}: {hits}/{len(rows)} ({hits / n:.3f})  MRR {mrr:.3f}  relevant in first {K}: {found:.2f}"


def latency(corpus, lines: list[int]) -> tuple[float, float]:
    """Mean and p95 in milliseconds of ``find_related`` with the default limit."""
    from search.related import find_related

    timings = []
    for line in lines:
        start = time.perf_counter()
        find_related(corpus, f"{DOCUMENT}:{line}")
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.fmean(timings), timings[int(0.95 * (len(timings) - 1))]


def main(argv: list[str]) -> int:
    from index.build import default_workspace, ensure_built
    from search.corpus import Library

    workspace = default_workspace()
    ensure_built(workspace)
    corpus = Library(workspace).current()
    rows = score(corpus, load_cases())
    print(f"{'set':12} {'line':>5} {'hit@5':>6} {'first':>6}  note")
    for r in rows:
        first = "-" if r["first"] is None else str(r["first"])
        print(f"{r['set'][:12]:12} {r['line']:5d} {'yes' if r['hit'] else 'NO':>6} {first:>6}  {r['note'][:60]}")
        if "--verbose" in argv:
            for result in r["top"]:
                print(f"{'':20} {result['source']['line']:5d} {result['score']:.3f} "
                      f"{result['chapter'][:3]} {result['measure'][:24]} | {result['reason']}")
    print(summary(rows))
    lines = sorted({r["source"]["line"] for r in corpus_records(corpus)})
    mean, p95 = latency(corpus, lines)
    print(f"latency over {len(lines)} records: mean {mean:.2f} ms, p95 {p95:.2f} ms")
    return 0


def corpus_records(corpus) -> list[dict]:
    return [corpus.stored(n) for n in range(len(corpus.facets)) if corpus.facets[n].document == DOCUMENT]


if __name__ == "__main__":
    sys.exit(main(sys.argv))
