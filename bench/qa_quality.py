"""Score question answering on the judged cases in bench/data/qa-*.json (in-process).

A case passes when its answer contains one of ``expect_any`` and its citations include the
``cite`` lines: any of them for a single fact, more than half of them for a list, a status
or a future question. The ``head`` column is stricter: the expected text must be in the
answer before its quoted evidence (根拠：…), so an extraction that picked the wrong number in
the right sentence shows. Timing is measured in-process, after one warm-up question that reads
the sentences of the corpus.

Usage: python -m bench.qa_quality [--verbose] [--repeat N]
"""

from __future__ import annotations

import math
import statistics
import sys
import time
import warnings

warnings.filterwarnings("ignore", category=SyntaxWarning)

from bench.search_quality import load_cases  # noqa: E402

MANY = ("list", "status", "future", "count")


def cited_enough(case: dict, lines: list[int]) -> bool:
    wanted = case.get("cite") or []
    if not wanted:
        return True
    hits = len(set(wanted) & set(lines))
    if case.get("kind") in MANY and len(wanted) > 1:
        return hits * 2 > len(wanted)
    return hits > 0


def judge(case: dict, response: dict) -> dict:
    lines = [c["source"]["line"] for c in response["citations"]]
    answer_ok = any(e in response["answer"] for e in case["expect_any"])
    # Stricter, for our own tuning: the expected text in the answer proper, not in the quoted evidence.
    head = response["answer"].split("根拠：")[0]
    head_ok = any(e in head for e in case["expect_any"])
    cite_ok = cited_enough(case, lines)
    return {"id": case["id"], "set": case["set"], "kind": case.get("kind", ""), "got": response["kind"],
            "answer_ok": answer_ok, "head_ok": head_ok, "cite_ok": cite_ok, "ok": answer_ok and cite_ok,
            "answer": response["answer"], "lines": lines, "confidence": response["confidence"]}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def main(argv: list[str]) -> int:
    from index.build import default_workspace, ensure_built
    from search.ask import answer_question
    from search.corpus import Library

    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 5
    workspace = default_workspace()
    ensure_built(workspace)
    corpus = Library(workspace).current()
    started = time.perf_counter()
    answer_question(corpus, "空き家対策の進み具合は？")
    warmup_ms = (time.perf_counter() - started) * 1000
    cases = load_cases("qa")
    rows, timings, firsts = [], [], []
    for case in cases:
        response = None
        for attempt in range(repeat):
            started = time.perf_counter()
            response = answer_question(corpus, case["q"])
            elapsed = (time.perf_counter() - started) * 1000
            timings.append(elapsed)
            if attempt == 0:  # its words not yet matched: what a new question costs
                firsts.append(elapsed)
        rows.append(judge(case, response))
    print(f"{'case':34} {'set':7} {'kind':9} {'got':9} {'ans':>3} {'head':>4} {'cite':>4}  answer")
    for r in rows:
        mark = lambda ok: "ok" if ok else "NO"  # noqa: E731
        print(f"{r['id'][:34]:34} {r['set'][3:10]:7} {r['kind'][:9]:9} {r['got'][:9]:9} "
              f"{mark(r['answer_ok']):>3} {mark(r['head_ok']):>4} {mark(r['cite_ok']):>4}  {r['answer'][:60]}")
        if "--verbose" in argv and not (r["ok"] and r["head_ok"]):
            print(f"    answer: {r['answer']}\n    cited lines: {r['lines']}")
    print()
    for name in sorted({r["set"] for r in rows}) + ["all"]:
        chosen = [r for r in rows if name in ("all", r["set"])]
        passed = sum(r["ok"] for r in chosen)
        strict = sum(r["ok"] and r["head_ok"] for r in chosen)
        print(f"{name:12} {passed}/{len(chosen)} correct ({strict} with the expected text outside the quoted evidence)")
    print(f"\ntiming (in-process): first ask of each question ({len(firsts)}): mean {statistics.mean(firsts):.1f} ms, "
          f"p95 {percentile(firsts, 0.95):.1f} ms, max {max(firsts):.1f} ms")
    print(f"                    all answers ({len(timings)}, {repeat} per case): mean {statistics.mean(timings):.1f} ms, "
          f"p95 {percentile(timings, 0.95):.1f} ms, max {max(timings):.1f} ms")
    print(f"                    first question of the process: {warmup_ms:.0f} ms (reads the corpus's sentences once)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
