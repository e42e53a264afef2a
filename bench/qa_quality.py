"""Score question answering on the judged cases in bench/data/qa-*.json (in-process).

A case passes when its answer contains one of ``expect_any`` and its citations include the
``cite`` lines: any of them for a single fact, more than half of them for a list, a status
or a future question. The ``head`` column is stricter: the expected text must be in the
answer before its quoted evidence (根拠：…), so an extraction that picked the wrong number in
the right sentence shows. Timing is measured in-process, after one warm-up question that reads
the sentences of the corpus.

Tables per set and per kind, and a calibration table (confidence bucket -> share right) for
each set. Per-case lines are printed for the development sets only: a held-out set
(``*heldout*``) is scored but its questions and answers are never shown, so nobody tunes to them.

Held-out sets are scored only with ``--heldout`` (``make bench`` passes it): during development
run without it, so that not even their totals steer the work.

Usage: python -m bench.qa_quality [--verbose] [--repeat N] [--heldout]
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
# Confidence buckets of the calibration table: [low, high).
BUCKETS = ((0.0, 0.2), (0.2, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def hidden(set_name: str) -> bool:
    """A held-out set: scored, never shown case by case."""
    return "heldout" in set_name


def cited_enough(case: dict, lines: list[int], kind: str) -> bool:
    wanted = case.get("cite") or []
    if not wanted:
        return True
    hits = len(set(wanted) & set(lines))
    if kind in MANY and len(wanted) > 1:
        return hits * 2 > len(wanted)
    return hits > 0


def judge(case: dict, response: dict, kind: str) -> dict:
    """``kind`` is the kind the case is judged as (a rewording is judged as its original)."""
    lines = [c["source"]["line"] for c in response["citations"]]
    answer_ok = any(e in response["answer"] for e in case["expect_any"])
    # Stricter, for our own tuning: the expected text in the answer proper, not in the quoted evidence.
    head = response["answer"].split("根拠：")[0]
    head_ok = any(e in head for e in case["expect_any"])
    cite_ok = cited_enough(case, lines, kind)
    return {"id": case["id"], "set": case["set"], "kind": case.get("kind", ""), "got": response["kind"],
            "answer_ok": answer_ok, "head_ok": head_ok, "cite_ok": cite_ok, "ok": answer_ok and cite_ok,
            "answer": response["answer"], "lines": lines, "confidence": response["confidence"]}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def judged_kind(case: dict, by_id: dict[str, dict]) -> str:
    kind = case.get("kind", "")
    if kind == "reworded" and case.get("original") in by_id:
        return by_id[case["original"]].get("kind", kind)
    return kind


def per_case_lines(rows: list[dict], verbose: bool) -> list[str]:
    mark = lambda ok: "ok" if ok else "NO"  # noqa: E731
    lines = [f"{'case':34} {'set':10} {'kind':9} {'got':9} {'ans':>3} {'head':>4} {'cite':>4} {'conf':>4}  answer"]
    for r in rows:
        if hidden(r["set"]):
            continue
        lines.append(f"{r['id'][:34]:34} {r['set'][3:13]:10} {r['kind'][:9]:9} {r['got'][:9]:9} "
                     f"{mark(r['answer_ok']):>3} {mark(r['head_ok']):>4} {mark(r['cite_ok']):>4} "
                     f"{r['confidence']:4.2f}  {r['answer'][:60]}")
        if verbose and not (r["ok"] and r["head_ok"]):
            lines.append(f"    answer: {r['answer']}\n    cited lines: {r['lines']}")
    return lines


def kind_table(rows: list[dict]) -> list[str]:
    """Correct / total per set (columns) and kind (rows)."""
    sets = sorted({r["set"] for r in rows})
    kinds = sorted({r["kind"] for r in rows})
    lines = [f"{'kind':10} " + " ".join(f"{s:>15}" for s in sets)]
    for kind in kinds + ["all"]:
        cells = []
        for s in sets:
            chosen = [r for r in rows if r["set"] == s and kind in ("all", r["kind"])]
            cells.append(f"{sum(r['ok'] for r in chosen)}/{len(chosen)}" if chosen else "-")
        lines.append(f"{kind:10} " + " ".join(f"{c:>15}" for c in cells))
    return lines


def calibration(rows: list[dict]) -> list[str]:
    """For each confidence bucket: how many answers, and the share of them that were right."""
    lines = [f"{'confidence':12} {'answers':>7} {'right':>5} {'share':>6}"]
    for low, high in BUCKETS:
        chosen = [r for r in rows if low <= r["confidence"] < high]
        share = f"{sum(r['ok'] for r in chosen) / len(chosen):6.2f}" if chosen else f"{'-':>6}"
        lines.append(f"{low:.1f}–{min(high, 1.0):.1f}{'':5} {len(chosen):7} {sum(r['ok'] for r in chosen):5} {share}")
    return lines


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
    cases = [c for c in load_cases("qa") if "--heldout" in argv or not hidden(c["set"])]
    by_id = {c["id"]: c for c in cases}
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
        rows.append(judge(case, response, judged_kind(case, by_id)))
    print("\n".join(per_case_lines(rows, "--verbose" in argv)))
    print("\nCorrect per set and kind (held-out sets: totals only, no case shown)\n")
    print("\n".join(kind_table(rows)))
    print()
    for name in sorted({r["set"] for r in rows}) + ["all"]:
        chosen = [r for r in rows if name in ("all", r["set"])]
        passed = sum(r["ok"] for r in chosen)
        strict = sum(r["ok"] and r["head_ok"] for r in chosen)
        print(f"{name:15} {passed}/{len(chosen)} correct ({strict} with the expected text outside the quoted evidence)")
    for name in sorted({r["set"] for r in rows if r["set"].startswith("qa-new")}):
        print(f"\nCalibration, {name}: confidence bucket -> share of answers right\n")
        print("\n".join(calibration([r for r in rows if r["set"] == name])))
    print(f"\ntiming (in-process): first ask of each question ({len(firsts)}): mean {statistics.mean(firsts):.1f} ms, "
          f"p95 {percentile(firsts, 0.95):.1f} ms, max {max(firsts):.1f} ms")
    print(f"                    all answers ({len(timings)}, {repeat} per case): mean {statistics.mean(timings):.1f} ms, "
          f"p95 {percentile(timings, 0.95):.1f} ms, max {max(timings):.1f} ms")
    print(f"                    first question of the process: {warmup_ms:.0f} ms (reads the corpus's sentences once)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
