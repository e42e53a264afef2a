"""Time the related-measure tables at scale: 100 altered copies of the corpus (about 34,000 rows).

Each copy is its own document and every sentence is altered (the copy number is written before
its 。), so that no analysis is reused across copies: the worst case for the build. Prints the
time to compute and store the term vectors, the size of the inverted list, the peak memory and
the latency of ranking related measures (mean and p95).

Usage: python -m bench.related_scale [copies]
"""

from __future__ import annotations

import os
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

warnings.filterwarnings("ignore", category=SyntaxWarning)

TEXT_FIELDS = ("measure", "item", "section", "content", "effort_comment", "direction_comment")


def synthetic_records(records: list[dict], copies: int) -> list[dict]:
    """``copies`` altered copies of ``records``, each in a document of its own."""
    rows = []
    for k in range(copies):
        for r in records:
            copy = dict(r, document=f"copy-{k}", id=f"copy-{k}:{r['line']}")
            for name in TEXT_FIELDS:
                text = r[name].rstrip("。")
                if text:
                    copy[name] = text.replace("。", f"（写し{k}）。") + f"（写し{k}）" + r[name][len(text):]
            rows.append(copy)
    return rows


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the analysis workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(argv: list[str]) -> int:
    from index.build import DATABASE_NAME, default_workspace, ensure_built
    from index.related import write_related
    from index.store import read_records
    from index.tables import load_tables
    from search.related import RelatedRequest, Terms, rank_related

    copies = int(argv[1]) if len(argv) > 1 else 100
    workspace = default_workspace()
    ensure_built(workspace)
    records = synthetic_records(read_records(workspace.current() / DATABASE_NAME), copies)
    tables = load_tables()
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / DATABASE_NAME
        start, cpu = time.perf_counter(), _cpu()
        write_related(database, records, tables)
        built, built_cpu = time.perf_counter() - start, _cpu() - cpu
        connection = sqlite3.connect(database)
        postings = connection.execute("select count(*) from related_postings").fetchone()[0]
        size = database.stat().st_size / 1e6
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{len(records)} rows: term vectors computed and stored in {built:.1f} s, CPU {built_cpu:.1f} s "
              f"in all processes ({postings} postings, {size:.0f} MB; peak memory {peak:.0f} MB; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
        start = time.perf_counter()
        terms = Terms.load(connection)  # once per generation in a server process
        print(f"term table loaded in {(time.perf_counter() - start) * 1000:.0f} ms ({len(terms.df)} terms)")
        random.seed(6)
        sample = random.sample(records, 300)
        for limit, scope in ((10, "all"), (50, "all"), (10, "other")):
            timings, cpu_timings = [], []
            for record in sample:
                start, cpu = time.perf_counter(), time.process_time()
                rank_related(connection, record, RelatedRequest(limit=limit, scope=scope), terms)
                timings.append((time.perf_counter() - start) * 1000)
                cpu_timings.append((time.process_time() - cpu) * 1000)
            timings.sort()
            print(f"rank_related limit={limit} scope={scope}: mean {statistics.fmean(timings):.1f} ms, "
                  f"p95 {timings[int(0.95 * (len(timings) - 1))]:.1f} ms "
                  f"(CPU mean {statistics.fmean(cpu_timings):.1f} ms)")
        connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
