"""Scale: the document at 1×, 10× and 100× (about 34,000 rows), built and served.

For each scale the corpus (bench/synthetic.py: the seed plus altered copies, as files in the
seed's format) is built with the project's own build in a subprocess, measuring wall time and
peak memory; then the index size on disk, and both servers' search latency over HTTP with the
query mix (bench/workload.py) and their resident memory. The peer gets a database of the same
rows at each scale.

Usage: python -m bench.scale [--scales 1,10,100] [--rounds N]
       python -m bench.scale --build CORPUS_DIR WORKSPACE   (the measured build, internal)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench import peer
from bench.prepare import BENCH_VAR, PROJECT, peer_database, workspace_root
from bench.report import machine, markdown_table, write
from bench.servers import SCALE_HYOKA_PORT, SCALE_PEER_PORT, hyoka_server, memory, peer_server
from bench.synthetic import write_corpus
from bench.workload import interleaved

TARGET_P95_MS = 100
TARGET_BUILD_S = 180
TARGET_RSS_MIB = 1024


def build_main(corpus: Path, root: Path) -> int:
    """Build every ``.txt`` of ``corpus`` into the workspace ``root`` (run in a subprocess)."""
    import warnings

    warnings.filterwarnings("ignore")
    from index.build import Workspace, build
    from index.formats import read_source

    sources = [read_source(p, origin="default") for p in sorted(corpus.glob("*.txt"))]
    start = time.perf_counter()
    generation = build(Workspace(root), sources)
    print(json.dumps({"seconds": time.perf_counter() - start, "generation": str(generation),
                      "documents": len(sources)}))
    return 0


def measured_build(corpus: Path, root: Path) -> dict:
    """Run the build in a subprocess: wall time, peak memory of the largest process and of all."""
    if root.exists():
        shutil.rmtree(root)
    command = [sys.executable, "-m", "bench.scale", "--build", str(corpus), str(root)]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.PIPE, text=True)
    peak_total = [0.0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak_total[0] = max(peak_total[0], memory(process.pid)["rss_mib"])
            done.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"build of {corpus} failed ({process.returncode})")
    result = json.loads(output.strip().splitlines()[-1])
    return {"wall_s": round(wall, 1), "build_s": round(result["seconds"], 1),
            "peak_rss_largest_mib": round(usage.ru_maxrss / 1024, 1),
            "peak_rss_all_mib": round(peak_total[0], 1), "documents": result["documents"],
            "generation": result["generation"]}


def disk_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def sizes(generation: Path) -> dict:
    mib = lambda n: round(n / 2**20, 1)  # noqa: E731
    parts = {name: disk_size(generation / name) for name in ("hyoka.db", "whoosh")
             if (generation / name).exists()}
    return {**{f"{name}_mib": mib(n) for name, n in parts.items()}, "total_mib": mib(sum(parts.values()))}


def corpus_for(scale: int) -> Path:
    folder = BENCH_VAR / "corpora" / f"x{scale}"
    if folder.exists():
        shutil.rmtree(folder)
    write_corpus(scale, folder)
    return folder


def measure_scale(scale: int, rounds: int) -> dict:
    corpus = corpus_for(scale)
    root = workspace_root(scale)
    print(f"building {scale}× ...", flush=True)
    build = measured_build(corpus, root)
    generation = Path(build.pop("generation"))
    rows = _rows(generation / "hyoka.db")
    start = time.perf_counter()
    database = peer.build_database(generation / "hyoka.db", peer_database(scale))
    peer_build = round(time.perf_counter() - start, 1)
    chapters = peer.chapter_titles(generation / "hyoka.db")
    print(f"serving {scale}× ({rows} rows) ...", flush=True)
    with hyoka_server(root, SCALE_HYOKA_PORT) as hyoka, peer_server(database, SCALE_PEER_PORT) as other:
        ready = {"hyoka": memory(hyoka.pid), "peer": memory(other.pid)}
        latency = interleaved({"hyoka": SCALE_HYOKA_PORT, "peer": SCALE_PEER_PORT}, chapters, rounds, warmup=0)
        after = {"hyoka": memory(hyoka.pid), "peer": memory(other.pid)}
    return {"scale": scale, "rows": rows, "build": build, "size": sizes(generation),
            "peer_database_mib": round(database.stat().st_size / 2**20, 1), "peer_build_s": peer_build,
            "memory_ready": ready, "memory_after": after, "latency": latency}


def _rows(database: Path) -> int:
    import sqlite3

    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return connection.execute("select count(*) from evaluations").fetchone()[0]
    finally:
        connection.close()


def growth(results: list[dict], pick) -> list[str]:
    base = pick(results[0])
    return [f"{pick(r) / base:.1f}×" if base else "–" for r in results]


def tables(results: list[dict], rounds: int) -> list[tuple[str, str]]:
    headers = ["scale", "rows", "build s", "peak RSS largest process MiB", "peak RSS all processes MiB",
               "index MiB (whoosh + db)", "hyoka RSS MiB", "peer RSS MiB"]
    build_rows = [[f"{r['scale']}×", r["rows"], r["build"]["build_s"], r["build"]["peak_rss_largest_mib"],
                   r["build"]["peak_rss_all_mib"],
                   f"{r['size']['total_mib']} ({r['size'].get('whoosh_mib')} + {r['size'].get('hyoka.db_mib')})",
                   r["memory_after"]["hyoka"]["rss_mib"], r["memory_after"]["peer"]["rss_mib"]] for r in results]
    latency_rows = []
    for r in results:
        h, p = r["latency"]["hyoka"], r["latency"]["peer"]
        latency_rows.append([f"{r['scale']}×", h["all"]["median_ms"], h["all"]["p95_ms"], h["first"]["p95_ms"],
                             p["all"]["median_ms"], p["all"]["p95_ms"],
                             round(h["all"]["median_ms"] / p["all"]["median_ms"], 3),
                             h["errors"], p["errors"]])
    last = results[-1]
    h = last["latency"]["hyoka"]["all"]
    p = last["latency"]["peer"]["all"]
    checks = [
        f"at {last['scale']}×: search with facets p95 {h['p95_ms']} ms over HTTP (target < {TARGET_P95_MS} ms: "
        f"{'met' if h['p95_ms'] < TARGET_P95_MS else 'not met'})",
        f"median {h['median_ms']} ms vs the peer's {p['median_ms']} ms = {h['median_ms'] / p['median_ms']:.2f}× "
        f"(target ≤ 0.5×: {'met' if h['median_ms'] <= 0.5 * p['median_ms'] else 'not met'})",
        f"index build {last['build']['build_s']} s (target < {TARGET_BUILD_S} s: "
        f"{'met' if last['build']['build_s'] < TARGET_BUILD_S else 'not met'})",
        f"server resident memory {last['memory_after']['hyoka']['rss_mib']} MiB (target < {TARGET_RSS_MIB} MiB: "
        f"{'met' if last['memory_after']['hyoka']['rss_mib'] < TARGET_RSS_MIB else 'not met'})",
    ]
    growth_rows = [["rows", *growth(results, lambda r: r["rows"])],
                   ["build time", *growth(results, lambda r: r["build"]["build_s"])],
                   ["index size", *growth(results, lambda r: r["size"]["total_mib"])],
                   ["hyoka RSS", *growth(results, lambda r: r["memory_after"]["hyoka"]["rss_mib"])],
                   ["hyoka median", *growth(results, lambda r: r["latency"]["hyoka"]["all"]["median_ms"])],
                   ["hyoka p95", *growth(results, lambda r: r["latency"]["hyoka"]["all"]["p95_ms"])],
                   ["peer median", *growth(results, lambda r: r["latency"]["peer"]["all"]["median_ms"])],
                   ["peer p95", *growth(results, lambda r: r["latency"]["peer"]["all"]["p95_ms"])]]
    return [
        ("Targets at the largest scale", "\n".join(f"- {c}" for c in checks)),
        ("Build, size and memory", markdown_table(headers, build_rows)
         + "\n\nPeak RSS of the largest process is the build's `ru_maxrss` (the parent or one Whoosh"
           " worker); all processes is the sum over the build's process tree, sampled every 0.25 s."
           " Server RSS is read after the latency run."),
        ("Search latency over HTTP, 20 rows with facets, ms",
         markdown_table(["scale", "hyoka median", "hyoka p95", "hyoka p95 first sight", "peer median",
                         "peer p95", "median ratio", "hyoka errors", "peer errors"], latency_rows)
         + f"\n\nThe query mix is sent {rounds} times to both servers, interleaved; every request counts,"
           " including the first sight of each query (before hyoka-search's result cache holds it)."),
        ("Growth relative to 1×", markdown_table(["measure", *[f"{r['scale']}×" for r in results]], growth_rows)),
    ]


def main(argv: list[str]) -> int:
    if len(argv) > 1 and argv[1] == "--build":
        return build_main(Path(argv[2]), Path(argv[3]))
    parser = argparse.ArgumentParser(prog="bench.scale")
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv[1:])
    info = machine()
    peer.ensure_installed()
    scales = [int(s) for s in args.scales.split(",")]
    results = [measure_scale(scale, args.rounds) for scale in scales]
    data = {"machine": info, "peer": f"Datasette {peer.version()}", "rounds": args.rounds, "results": results}
    write("scale", "Scale: 1×, 10× and 100× the document", tables(results, args.rounds), data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
