"""Score related measures on judged cases (in-process) and write bench/results/related_quality.*.

Two kinds of cases in bench/data/:

- ``related-judged-dev.json`` and ``related-judged-heldout.json`` (and later rounds,
  ``related-judged2-*``, ``related-judged3-*``, ``related-judged4-*``, ``related-judged5-*`` and ``related-judged7-*``, written the same way after the first was tuned
  on): for each source row, the rows a
  reader graded 2 (the same concern) or 1 (loosely related) after reading both records; every other
  row is 0. Written by a helper who had not read the code; the ranking was tuned on the dev half only.
  The list is what the API returns by default (``limit`` 10). Per half: shown precision (share of the
  results shown that are graded 1 or 2), the share graded 2, recall of the grade-2 measures (a
  measure counts as found when any of its rows is listed), mean results per source and sources with
  an empty list. A result is graded by the best grade of its measure's rows, since the reader may
  have listed one department row of a measure.
- the older cases (``related-*.json`` with ``relevant_lines``): one of the rows of other chapters
  should be among the first five of the cross-chapter view (``scope=other``); the five named ones
  (空き家, 地区センター, 狭山茶, 防災, ゼロカーボン) must stay there.

Also the latency of ``find_related`` (default request) over every row.

Usage: python -m bench.related_quality [--dev] [--verbose]
  --dev      only the dev half (for tuning: the held-out half is scored only when reporting)
  --verbose  each dev source with its list and grades
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
LIMIT = 10
# The judged sets: fifty-nine rounds (rounds 6, 10, 12-14, 16-18, 20, 21, 23-27, 29, 30, 32-39, 41,
# 42, 44, 45, 47, 50-53, 55-60, 62, 63, 65-68, 70-72, 74-76, 78-80, 82-90, 92-94, 96-100, 102-104,
# 106-110, 112-114, 116-118, 120-122, 124-126, 128-130, 132-134, 136, 138-140, 142-148, 150-158, 160,
# 162-164, 166, 168, 170, 172, 174, 176, 178-180, 182-184, 186, 188, 190-192, 194, 196, 198, 200-202,
# 204, 206-208 had none), each written blind and split in a dev and a held-out half.
HALVES = ("judged-dev", "judged2-dev", "judged3-dev", "judged4-dev", "judged5-dev", "judged7-dev", "judged8-dev",
          "judged9-dev", "judged11-dev", "judged15-dev", "judged19-dev", "judged22-dev", "judged28-dev",
          "judged31-dev", "judged40-dev", "judged43-dev", "judged46-dev", "judged48-dev", "judged49-dev",
          "judged54-dev", "judged61-dev", "judged64-dev", "judged69-dev", "judged73-dev", "judged77-dev",
          "judged81-dev", "judged91-dev", "judged95-dev", "judged101-dev", "judged105-dev", "judged111-dev",
          "judged115-dev", "judged119-dev", "judged123-dev", "judged127-dev", "judged131-dev", "judged135-dev",
          "judged137-dev", "judged141-dev", "judged149-dev", "judged159-dev", "judged161-dev", "judged165-dev",
          "judged167-dev", "judged169-dev", "judged171-dev", "judged173-dev", "judged175-dev", "judged177-dev",
          "judged181-dev", "judged185-dev", "judged187-dev", "judged189-dev", "judged193-dev", "judged195-dev", "judged197-dev",
          "judged199-dev", "judged203-dev", "judged205-dev",
          "judged-heldout", "judged2-heldout", "judged3-heldout", "judged4-heldout", "judged5-heldout",
          "judged7-heldout", "judged8-heldout", "judged9-heldout", "judged11-heldout", "judged15-heldout",
          "judged19-heldout", "judged22-heldout", "judged28-heldout", "judged31-heldout",
          "judged40-heldout", "judged43-heldout", "judged46-heldout", "judged48-heldout",
          "judged49-heldout", "judged54-heldout", "judged61-heldout",
          "judged64-heldout", "judged69-heldout", "judged73-heldout",
          "judged77-heldout", "judged81-heldout", "judged91-heldout",
          "judged95-heldout", "judged101-heldout", "judged105-heldout", "judged111-heldout",
          "judged115-heldout", "judged119-heldout", "judged123-heldout",
          "judged127-heldout", "judged131-heldout", "judged135-heldout", "judged137-heldout",
          "judged141-heldout", "judged149-heldout", "judged159-heldout", "judged161-heldout", "judged165-heldout",
          "judged167-heldout", "judged169-heldout", "judged171-heldout", "judged173-heldout", "judged175-heldout",
          "judged177-heldout", "judged181-heldout", "judged185-heldout",
          "judged187-heldout", "judged189-heldout", "judged193-heldout", "judged195-heldout", "judged197-heldout",
          "judged199-heldout", "judged203-heldout", "judged205-heldout")
# The cross-chapter cases the issue names, by a word of their note.
NAMED = ("空き家", "地区センター", "狭山茶", "防災", "ゼロカーボン")


def load_cases() -> list[dict]:
    """The older cases: a source line and the relevant lines of other chapters."""
    cases = []
    for path in sorted(DATA.glob("related-*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            if "relevant_lines" in case:
                cases.append(dict(case, set=path.stem))
    return cases


def load_judged(half: str) -> list[dict]:
    path = DATA / f"related-{half}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def rid(line: int) -> str:
    return f"{DOCUMENT}:{line}"


def measure_lines(records: list[dict]) -> dict[int, frozenset[int]]:
    """Line → the lines of its measure (department rows and continuation rows), read from the records."""
    first: dict[tuple, int] = {}
    group: dict[int, int] = {}
    for r in records:
        key = first.setdefault((r["chapter"], r["section"], r["item"], r["measure"]), r["source"]["line"])
        group[r["source"]["line"]] = group.get(int(r["continues"]), key) if r.get("continues") else key
    members: dict[int, set[int]] = {}
    for line, key in group.items():
        members.setdefault(key, set()).add(line)
    return {line: frozenset(members[key]) for line, key in group.items()}


def listed(corpus, line: int, **request) -> list[dict]:
    from search.related import RelatedRequest, find_related

    return find_related(corpus, rid(line), RelatedRequest(**request))["results"]


def judge_case(corpus, case: dict, measures: dict[int, frozenset[int]]) -> dict:
    """Grades of the default list of one judged source, and the grade-2 measures it found."""
    grades = {line: 1 for line in case["grade1"]} | {line: 2 for line in case["grade2"]}
    results = listed(corpus, case["source_line"], limit=LIMIT)
    shown = []
    for r in results:
        line = r["source"]["line"]
        shown.append((line, max(grades.get(m, 0) for m in measures.get(line, {line}) | {line}), r))
    own = measures.get(case["source_line"], frozenset()) | set(case["same_measure_lines"])
    wanted = {measures.get(line, frozenset({line})) for line in case["grade2"] if line not in own}
    lines = {line for line, _, _ in shown}
    found = {m for m in wanted if m & lines}
    return {"line": case["source_line"], "shown": shown, "wanted": wanted, "found": found,
            "generic": case.get("generic", False)}


def half_summary(rows: list[dict]) -> dict:
    shown = [g for r in rows for _, g, _ in r["shown"]]
    wanted = sum(len(r["wanted"]) for r in rows)
    return {"sources": len(rows), "shown": len(shown),
            "precision": sum(g >= 1 for g in shown) / len(shown) if shown else None,
            "precision2": sum(g == 2 for g in shown) / len(shown) if shown else None,
            "grade2_measures": wanted, "recall2": sum(len(r["found"]) for r in rows) / wanted if wanted else None,
            "per_source": len(shown) / len(rows) if rows else None,
            "empty": sum(not r["shown"] for r in rows)}


def older_cases(corpus, cases: list[dict]) -> list[dict]:
    rows = []
    for case in cases:
        lines = [r["source"]["line"] for r in listed(corpus, case["source_line"], limit=50, scope="other")]
        everywhere = [r["source"]["line"] for r in listed(corpus, case["source_line"], limit=LIMIT)]
        relevant = set(case["relevant_lines"])
        first = next((rank for rank, line in enumerate(lines, 1) if line in relevant), None)
        rows.append({"set": case["set"], "line": case["source_line"], "first": first,
                     "hit": first is not None and first <= K, "in_list": bool(relevant & set(everywhere)),
                     "named": next((n for n in NAMED if n in case.get("note", "")), ""),
                     "note": case.get("note", "")})
    return rows


def latency(corpus, lines: list[int]) -> dict:
    """Mean and p95 in milliseconds of ``find_related`` with the default request, wall clock and CPU
    (the machine is shared: CPU time is the steadier figure), after a warm-up round over every row."""
    from search.related import find_related

    for line in lines:
        find_related(corpus, rid(line))
    timings, cpu = [], []
    for line in lines:
        start, start_cpu = time.perf_counter(), time.process_time()
        find_related(corpus, rid(line))
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    timings.sort()
    cpu.sort()
    p95 = int(0.95 * (len(timings) - 1))
    return {"records": len(lines), "mean_ms": round(statistics.fmean(timings), 2), "p95_ms": round(timings[p95], 2),
            "cpu_mean_ms": round(statistics.fmean(cpu), 2), "cpu_p95_ms": round(cpu[p95], 2)}


def fmt(value) -> str:
    return "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def print_case(row: dict) -> None:
    print(f"source {row['line']}{' (generic)' if row['generic'] else ''}: "
          f"{len(row['found'])}/{len(row['wanted'])} grade-2 measures found")
    for line, grade, r in row["shown"]:
        print(f"   {grade} {line:4d} {r['score']:.3f} {r.get('relation', '')[:7]:7} {r['measure'][:22]} | {r['reason']}")
    missed = sorted(min(m) for m in row["wanted"] - row["found"])
    if missed:
        print(f"   missed grade 2: {missed}")


def main(argv: list[str]) -> int:
    from bench.report import markdown_table, write
    from index.build import default_workspace, ensure_built
    from search.corpus import Library

    workspace = default_workspace()
    ensure_built(workspace)
    corpus = Library(workspace).current()
    records = [corpus.stored(n) for n in range(len(corpus.facets)) if corpus.facets[n].document == DOCUMENT]
    measures = measure_lines(records)
    halves = [h for h in HALVES if h.endswith("-dev")] if "--dev" in argv else HALVES
    judged, pooled = {}, {"dev": [], "heldout": []}
    for half in halves:
        rows = [judge_case(corpus, case, measures) for case in load_judged(half)]
        pooled[half.rpartition("-")[2]] += rows
        if half.endswith("-dev") and "--verbose" in argv:
            for row in rows:
                print_case(row)
        judged[half] = half_summary(rows)
        judged[half]["generic_sources"] = half_summary([r for r in rows if r["generic"]])
    for name, rows in pooled.items():  # every source of the halves counts once: the target's figures
        if rows:
            judged[f"all {name} halves"] = half_summary(rows)
            judged[f"all {name} halves"]["generic_sources"] = half_summary([r for r in rows if r["generic"]])
    older = older_cases(corpus, load_cases())
    timing = latency(corpus, sorted(r["source"]["line"] for r in records))
    judged_table = markdown_table(
        ["half", "sources", "results shown", "shown related (grade ≥ 1)", "shown same concern (grade 2)",
         "grade-2 measures", "recall of grade 2 (limit 10)", "results per source", "empty lists",
         "precision / recall on generic sources"],
        [[half, s["sources"], s["shown"], fmt(s["precision"]), fmt(s["precision2"]), s["grade2_measures"],
          fmt(s["recall2"]), fmt(s["per_source"]), s["empty"],
          f"{fmt(s['generic_sources']['precision'])} / {fmt(s['generic_sources']['recall2'])}"]
         for half, s in judged.items()])
    hits = sum(r["hit"] for r in older)
    named = [r for r in older if r["named"]]
    older_table = markdown_table(
        ["set", "line", "first relevant (cross-chapter view)", f"hit@{K}", f"in the default list of {LIMIT}", "note"],
        [[r["set"], r["line"], r["first"] or "-", "yes" if r["hit"] else "NO", "yes" if r["in_list"] else "no",
          r["note"][:70]] for r in older])
    summary = (f"hit@{K} in the cross-chapter view: {hits}/{len(older)}; named cross-chapter cases "
               f"({', '.join(NAMED)}): {sum(r['hit'] for r in named)}/{len(named)}; relevant row in the "
               f"default list: {sum(r['in_list'] for r in older)}/{len(older)}")
    write("related_quality", "Related measures: quality and latency", [
        ("Judged sets (default list, limit 10)", judged_table),
        ("Older cross-chapter cases", older_table + "\n\n" + summary),
        ("Latency", f"find_related, default request, over {timing['records']} rows (in process, warm): "
                    f"mean {timing['mean_ms']} ms, p95 {timing['p95_ms']} ms; CPU mean {timing['cpu_mean_ms']} ms, "
                    f"p95 {timing['cpu_p95_ms']} ms")],
        {"judged": judged, "older": [{k: v for k, v in r.items()} for r in older], "latency": timing})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
