"""Safety at the limits (issue 17): one request at the limits, the largest file allowed, and the
load test with such requests mixed in.

1. One request, for each built scale (1× always; 10× and 100× when bench/scale.py built them):
   the search API and the results page with 10, 50 and 100 filter values and past the limit
   (refused), and the most expensive queries allowed (bench/hostile.py: each family drawn three
   times). Wall and CPU time at first sight (caches emptied), whether matching was cut short by
   the time budget, and the peak of Python memory during the request (tracemalloc, a second run).
2. Ingest, with the real command on a copy of the 1× workspace: the largest CSV allowed
   (10,000 rows, just under 10 MiB), the same rows as .xlsx, and a decompression bomb (one 50 MB
   cell in a small .xlsx, refused): wall time and peak RSS of the ``hyoka-search`` process.
3. Load: bench.loadtest (32 clients, 60 s, the index rebuilt meanwhile) without, then with a share
   of the requests at the limits: errors, and the p95 of the ordinary requests in both.

Usage: python -m bench.safety [--hostile 0.05] [--duration 60] [--parts requests,ingest,load]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
import zipfile
from pathlib import Path

warnings.filterwarnings("ignore")

from bench import loadtest  # noqa: E402
from bench.hostile import filter_requests, query_families, seed_text  # noqa: E402
from bench.prepare import BENCH_VAR, workspace_root  # noqa: E402
from bench.report import machine, markdown_table, percentile, write  # noqa: E402
from bench.spawn import BIN_DIR, command_env  # noqa: E402
from bench.synthetic import altered_copy  # noqa: E402
from bench.timings import clear_caches  # noqa: E402
from index.limits import MAX_FILE_BYTES, MAX_ROWS  # noqa: E402

DRAWS = 3
HEADER = ["章", "節", "項", "施策の方向性", "内容（取り組んでいく事業等）", "進捗区分", "取組区分",
          "取組評価（自由記述）", "今後の方向性", "今後の方向性（自由記述）", "所管課"]
TARGET_RATIO = 2.0  # ordinary p95 with requests at the limits, at most this times without


# --- 1. One request ---

def one_request(client, corpus, path: str, params: dict) -> dict:
    """First-sight wall and CPU time, then the Python memory peak of the same request."""
    clear_caches(corpus)
    started, cpu = time.perf_counter(), time.thread_time()
    response = client.get(path, query_string=params)
    wall, cpu = time.perf_counter() - started, time.thread_time() - cpu
    clear_caches(corpus)
    tracemalloc.start()
    client.get(path, query_string=params)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    body = response.get_json(silent=True) or {}
    return {"status": response.status_code, "wall_ms": round(wall * 1000, 1), "cpu_ms": round(cpu * 1000, 1),
            "peak_mib": round(peak / 2**20, 1), "bytes": len(response.data),
            "truncated": (body.get("interpretation") or {}).get("truncated")}


def request_costs(root: Path) -> dict:
    from web import create_app

    app = create_app({"TESTING": True, "VAR_DIR": str(root), "BUILD_ON_START": False})
    client = app.test_client()
    corpus = app.extensions["hyoka"].current()
    facets = client.get("/api/search?per_page=1").get_json()["facets"]
    for path in ("/search", "/search?q=x"):  # the first page compiles its templates
        client.get(path)
    departments = [f["value"] for f in facets["department"]]
    chapters = [f["value"] for f in facets["chapter"]]
    rows = []
    for label, params in filter_requests(departments, chapters).items():
        for path in ("/api/search", "/search"):
            rows.append({"request": f"{label}, {path}", **one_request(client, corpus, path, params)})
    past = {"department": [f"課{n}" for n in range(1000)]}
    rows.append({"request": "1,000 filter values (refused), /api/search",
                 **one_request(client, corpus, "/api/search", past)})
    rng = random.Random(1)
    text = seed_text()
    for _ in range(DRAWS):
        for family, q in query_families(text, rng).items():
            rows.append({"request": family, "q": q, **one_request(client, corpus, "/api/search", {"q": q})})
    corpus.close()
    return {"rows": len(corpus.facets), "requests": rows}


def worst_per_request(rows: list[dict]) -> list[dict]:
    """The slowest draw of each request label, in the order they were made."""
    worst: dict[str, dict] = {}
    for row in rows:
        if row["request"] not in worst or row["wall_ms"] > worst[row["request"]]["wall_ms"]:
            worst[row["request"]] = row
    return list(worst.values())


# --- 2. Ingest ---

def table_rows(count: int) -> list[list[str]]:
    """``count`` rows in the table layout, from the seed and its altered copies."""
    from index.parse import parse_document
    from index.tables import load_tables

    tables, rows, k = load_tables(), [], 0
    seed = seed_text()
    while len(rows) < count:
        text = seed if k == 0 else altered_copy(seed, k)[1]
        for r in parse_document(text, f"copy-{k}", "copy.txt", tables).records:
            rows.append([r["chapter_written"], r["section"], r["item"], r["measure"], r["content"], r["progress"],
                         r["effort"], r["effort_comment"], "、".join(r["direction"]), r["direction_comment"],
                         r["departments_written"]])
        k += 1
    return rows[:count]


def largest_csv(path: Path) -> Path:
    """A CSV of ``MAX_ROWS`` rows (header included) padded to just under ``MAX_FILE_BYTES``."""
    rows = table_rows(MAX_ROWS - 1)
    write_rows(path, rows)
    spare = (MAX_FILE_BYTES - 64 * 1024 - path.stat().st_size) // len(rows) // 3  # UTF-8: 3 bytes a character
    filler = "".join(r[4] for r in rows[:200])
    for n, row in enumerate(rows):
        start = (n * 37) % (len(filler) - spare)
        row[4] += filler[start:start + spare]
    write_rows(path, rows)
    return path


def write_rows(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)


def as_xlsx(source: Path, path: Path) -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("評価")
    with open(source, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            sheet.append(row)
    workbook.save(path)
    return path


def bomb(source: Path, path: Path, cell_chars: int = 50_000_000) -> Path:
    """``source`` (an .xlsx) with its first data row's measure replaced by one huge cell."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(info.filename, data)
                continue
            end = data.index(b"</row>") + len(b"</row>")  # after the header row
            with zout.open(info.filename, "w", force_zip64=True) as part:
                part.write(data[:end] + b'<row r="2"><c r="D2" t="inlineStr"><is><t>')
                for _ in range(cell_chars // 1_000_000):
                    part.write(b"A" * 1_000_000)
                part.write(b"</t></is></c></row></sheetData></worksheet>")
    return path


MEASURE = ("import json, resource, subprocess, sys, time; started = time.perf_counter(); "
           "done = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
           "usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
           "print(json.dumps({'status': done.returncode, 'seconds': time.perf_counter() - started, "
           "'cpu': usage.ru_utime + usage.ru_stime, 'peak_kib': usage.ru_maxrss, 'stderr': done.stderr[-300:]}))")


def measured_command(var_dir: Path, *args: str) -> dict:
    """Run ``hyoka-search`` from a small parent: wall time and the peak RSS of its largest process."""
    done = subprocess.run([sys.executable, "-c", MEASURE, str(BIN_DIR / "hyoka-search"), *args],
                          env=command_env(var_dir), capture_output=True, text=True, timeout=1800)
    result = json.loads(done.stdout)
    return {"status": result["status"], "seconds": round(result["seconds"], 1), "cpu_s": round(result["cpu"], 1),
            "peak_mib": round(result["peak_kib"] / 1024, 1), "stderr": result["stderr"].strip().splitlines()[-1:]}


def ingest_costs(work: Path, base: Path) -> list[dict]:
    big_csv = largest_csv(work / "largest.csv")
    big_xlsx = as_xlsx(big_csv, work / "largest.xlsx")
    big_bomb = bomb(big_xlsx, work / "bomb.xlsx")
    rows = []
    for path in (big_csv, big_xlsx, big_bomb):
        var = work / f"var-{path.suffix[1:]}-{path.stem}"
        shutil.copytree(base, var, symlinks=True)
        rows.append({"file": path.name, "bytes": path.stat().st_size,
                     **measured_command(var, "ingest", str(path), "--id", path.stem)})
        shutil.rmtree(var)
    return rows


# --- 3. Load ---

def load_costs(base: Path, hostile: float, duration: float, rounds: int = 2) -> dict:
    """The load test without and with requests at the limits, alternated (without, with, without,
    with …, ``duration`` seconds each in all) so that a change in the machine's other load over
    the minutes falls on both; the ordinary requests of each kind's runs pooled."""
    runs: dict[str, list[dict]] = {"without": [], "with": []}
    for _ in range(rounds):
        for label, share in (("without", 0.0), ("with", hostile)):
            work = Path(tempfile.mkdtemp(prefix="hyoka-safety-load-"))
            try:
                runs[label].append(loadtest.run(32, duration / rounds, 0.0, 4, 5.0, work, base, hostile=share))
            finally:
                shutil.rmtree(work, ignore_errors=True)
    pooled = {label: pool(parts) for label, parts in runs.items()}
    ratio = pooled["with"]["ordinary"]["p95_ms"] / max(pooled["without"]["ordinary"]["p95_ms"], 0.1)
    errors = sum(p["errors"] for p in pooled.values())
    return {"hostile_share": hostile, "duration_s": duration, "rounds": rounds, "runs": pooled,
            "ordinary_p95_ratio": round(ratio, 2), "passed": errors == 0 and ratio <= TARGET_RATIO}


def pool(parts: list[dict]) -> dict:
    """Several load-test runs as one: requests, errors, ordinary latencies, requests at the limits."""
    seconds = [s for part in parts for s in part.pop("ordinary_seconds")]
    ms = sorted(s * 1000 for s in seconds)
    hostile = [p["by_kind"]["hostile"] for p in parts if "hostile" in p["by_kind"]]
    return {"requests": sum(p["overall"]["requests"] for p in parts),
            "errors": sum(p["overall"]["errors"] for p in parts),
            "throughput_rps": round(statistics.fmean(p["throughput_rps"] for p in parts), 1),
            "ordinary": {"requests": len(ms), "p50_ms": round(percentile(ms, 50), 1),
                         "p95_ms": round(percentile(ms, 95), 1), "max_ms": round(ms[-1], 1) if ms else 0.0},
            "hostile": {"requests": sum(h["requests"] for h in hostile),
                        "p95_ms_of_runs": [h["p95_ms"] for h in hostile]},
            "p95_ms_by_kind": {kind: [p["by_kind"][kind]["p95_ms"] for p in parts if kind in p["by_kind"]]
                               for kind in loadtest.MIX},
            "load_average": [p["machine"]["load_average_before"][0] for p in parts]}


def one_x_workspace() -> Path:
    """The seed built in the benchmark's 1× workspace (as bench/prepare.py, without the peer)."""
    from index.build import Workspace, ensure_built

    workspace = Workspace(workspace_root(1))
    ensure_built(workspace)
    return workspace.root


# --- Report ---

def sections(results: dict) -> list[tuple[str, str]]:
    out = []
    for scale, r in results["requests"].items():
        rows = [[x["request"], x["status"], x["wall_ms"], x["cpu_ms"], x["peak_mib"], x["bytes"],
                 "yes" if x["truncated"] else ""] for x in worst_per_request(r["requests"])]
        out.append((f"One request at {scale}× ({r['rows']} rows), first sight, slowest of {DRAWS} draws for queries",
                    markdown_table(["request", "status", "wall ms", "CPU ms", "peak Python MiB", "response bytes",
                                    "cut short"], rows)))
    if results.get("ingest"):
        rows = [[x["file"], f"{x['bytes']:,}", x["status"], x["seconds"], x["cpu_s"], x["peak_mib"],
                 " ".join(x["stderr"])] for x in results["ingest"]]
        out.append(("Ingesting the largest file allowed (and a bomb), `hyoka-search ingest` on the 1× workspace",
                    markdown_table(["file", "bytes", "exit", "wall s", "CPU s", "peak RSS MiB (largest process)",
                                    "last line"], rows)))
    if results.get("load"):
        load = results["load"]
        rows = []
        for label, run in load["runs"].items():
            o, h = run["ordinary"], run["hostile"]
            rows.append([label, run["requests"], run["errors"], run["throughput_rps"], o["p50_ms"], o["p95_ms"],
                         o["max_ms"], h["requests"], ", ".join(map(str, h["p95_ms_of_runs"])),
                         ", ".join(map(str, run["load_average"]))])
        verdict = "PASS" if load["passed"] else "FAIL"
        out.append((f"Load: 32 clients, {load['duration_s']:.0f} s without and {load['duration_s']:.0f} s with "
                    f"{load['hostile_share']:.0%} of the requests at the limits, in {load['rounds']} alternated rounds",
                    markdown_table(["requests at the limits", "requests", "errors", "req/s", "ordinary p50 ms",
                                    "ordinary p95 ms", "ordinary max ms", "at the limits", "their p95 ms",
                                    "load average at start"], rows)
                    + f"\n\n**{verdict}**: ordinary p95 with them is {load['ordinary_p95_ratio']}× the p95 without "
                      f"(target ≤ {TARGET_RATIO}×, and no error). The load test rebuilds the index meanwhile, "
                      f"and the clients share the 2 cores with the server."))
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hostile", type=float, default=0.05, help="share of load-test requests at the limits")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of each load test")
    parser.add_argument("--parts", default="requests,ingest,load", help="which parts to run (default: all)")
    args = parser.parse_args(argv[1:])
    parts = set(args.parts.split(","))
    info = machine()
    base = one_x_workspace()
    results: dict = {"requests": {}}
    if "requests" in parts:
        for folder in sorted(BENCH_VAR.glob("x*/hyoka"), key=lambda p: int(p.parent.name[1:])):
            results["requests"][int(folder.parent.name[1:])] = request_costs(folder)
    if "ingest" in parts:
        work = Path(tempfile.mkdtemp(prefix="hyoka-safety-"))
        try:
            results["ingest"] = ingest_costs(work, base)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if "load" in parts:
        results["load"] = load_costs(base, args.hostile, args.duration)
    write("safety", "Safety at the limits", sections(results), {"machine": info, **results})
    return 0 if not results.get("load") or results["load"]["passed"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
