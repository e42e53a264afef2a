"""Score hyoka-search on the judged search cases in bench/data/search-*.json (in-process).

Usage: python -m bench.search_quality [--verbose]
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

warnings.filterwarnings("ignore", category=SyntaxWarning)

from bench.metrics import ndcg_at, precision_at, recall_at  # noqa: E402

DATA = Path(__file__).parent / "data"


def load_cases(kind: str) -> list[dict]:
    cases = []
    for path in sorted(DATA.glob(f"{kind}-*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            case.setdefault("set", path.stem)
            cases.append(case)
    return cases


def hyoka_lines(corpus, params: dict) -> list[int]:
    from search.engine import run_search
    from search.query import parse_query

    request = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    request["per_page"] = ["50"]
    response = run_search(corpus, parse_query(request))
    return [r["source"]["line"] for r in response["results"]]


def score(cases: list[dict], ranked_lines) -> list[dict]:
    rows = []
    for case in cases:
        ranked = ranked_lines(case["params"])
        relevant = set(case["relevant_lines"])
        rows.append({"id": case["id"], "kind": case.get("kind", ""),
                     "recall@50": recall_at(ranked, relevant), "P@10": precision_at(ranked, relevant),
                     "nDCG@10": ndcg_at(ranked, relevant),
                     "missing": sorted(relevant - set(ranked[:50])),
                     "false_top10": [r for r in ranked[:10] if r not in relevant]})
    return rows


def averages(rows: list[dict]) -> dict:
    n = len(rows) or 1
    return {m: sum(r[m] for r in rows) / n for m in ("recall@50", "P@10", "nDCG@10")}


def main(argv: list[str]) -> int:
    from index.build import default_workspace, ensure_built
    from search.corpus import Library

    workspace = default_workspace()
    ensure_built(workspace)
    corpus = Library(workspace).current()
    rows = score(load_cases("search"), lambda p: hyoka_lines(corpus, p))
    print(f"{'case':32} {'kind':10} {'R@50':>6} {'P@10':>6} {'nDCG':>6}")
    for r in rows:
        print(f"{r['id'][:32]:32} {r['kind'][:10]:10} {r['recall@50']:6.3f} {r['P@10']:6.3f} {r['nDCG@10']:6.3f}")
        if "--verbose" in argv and (r["missing"] or r["false_top10"]):
            print(f"    missing {r['missing']}  false in top 10 {r['false_top10']}")
    avg = averages(rows)
    print(f"{'average':43} {avg['recall@50']:6.3f} {avg['P@10']:6.3f} {avg['nDCG@10']:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
