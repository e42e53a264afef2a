"""Load test: the real server on loopback under concurrent clients while the index is rebuilt.

Starts waitress (``wsgi:app``) as a subprocess on a free loopback port with a temporary
``HYOKA_VAR_DIR``, builds the index there, then runs ``--clients`` client threads for
``--duration`` seconds, each sending requests back to back over a keep-alive connection: searches,
facet queries, questions (``/api/ask``; skipped when the server answers 404 because that feature
is not there) and record pages. Meanwhile ``hyoka-search`` subprocesses change the index again
and again (ingest an excerpt of the seed, reindex, remove it, reindex), so the server keeps
swapping to new generations under load; a watcher polls ``/api/documents`` to see each change.

Passes when no request failed, none took longer than ``--max-latency`` seconds, every index
change succeeded and the server, never restarted, serves what the last change stored. Writes
``loadtest.md`` and ``loadtest.json`` to ``--output`` (default ``bench/results``).

Usage: python -m bench.loadtest [--clients 32] [--duration 60] [--output DIR]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from bench.hostile import hostile_requests
from bench.spawn import PROJECT_DIR, ServerProcess, hyoka_search
from index.cli import BUILD_NICENESS

DATA = Path(__file__).parent / "data"
RESULTS = Path(__file__).parent / "results"
# Share of each kind of request in the mix.
MIX = {"search": 0.35, "facets": 0.2, "ask": 0.15, "record": 0.3}
FACET_FILTERS = [{"progress": ["B"]}, {"progress": ["C", "D"]}, {"effort": ["い"]}, {"direction": ["ア"]},
                 {"chapter": ["3"]}, {"department": ["地域振興課"]}, {"progress": ["A"], "chapter": ["1"]}]
COPY_ID = "loadtest-copy"
COPY_LINES = 100
PICKUP_SECONDS = 30
EXTRA_QUERIES = ["コロナ", "地区センター", "空き家", "子育て 支援", "DX", "防災", "\"公共施設\"", "図書館 OR 公民館",
                 "高齢者 -介護", "ワーク・ライフ・バランス"]


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile of ``values`` (share in 0..1)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def workload() -> tuple[list[dict], list[str]]:
    """Search parameters and questions from the judged development sets, plus a few more."""
    searches = [case["params"] for case in json.loads((DATA / "search-dev.json").read_text(encoding="utf-8"))]
    searches += [{"q": q} for q in EXTRA_QUERIES]
    questions = [case["q"] for case in json.loads((DATA / "qa-dev.json").read_text(encoding="utf-8"))]
    return searches, questions


def path_for(base: str, params: dict) -> str:
    return base + "?" + urllib.parse.urlencode(params, doseq=True)


@dataclass
class Sample:
    kind: str
    seconds: float
    status: int
    error: str = ""


@dataclass
class Client:
    """One client: a keep-alive connection and a random but reproducible choice of requests."""

    port: int
    seed: int
    plan: "Plan"
    think: float = 0.0  # mean pause between two requests, s; 0 = back to back
    samples: list[Sample] = field(default_factory=list)

    def run(self, deadline: float) -> None:
        chooser = random.Random(self.seed)
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            while time.monotonic() < deadline:
                kind, path = self.plan.request(chooser)
                started = time.perf_counter()
                try:
                    connection.request("GET", path)
                    response = connection.getresponse()
                    body = response.read()
                    status = response.status
                    error = "" if status == 200 else f"HTTP {status}: {body[:200]!r}"
                except (OSError, http.client.HTTPException) as exc:
                    status, error = 0, f"{type(exc).__name__}: {exc}"
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                self.samples.append(Sample(kind, time.perf_counter() - started, status, error and f"{path}: {error}"))
                if self.think:
                    time.sleep(chooser.uniform(0, 2 * self.think))
        finally:
            connection.close()


@dataclass
class Plan:
    """What the clients may ask for."""

    searches: list[dict]
    questions: list[str]
    record_ids: list[str]
    ask: bool
    hostile: list[dict] = field(default_factory=list)  # requests at the limits (bench/hostile.py)
    hostile_share: float = 0.0

    def request(self, chooser: random.Random) -> tuple[str, str]:
        if self.hostile and chooser.random() < self.hostile_share:
            return "hostile", path_for("/api/search", chooser.choice(self.hostile))
        kinds = [k for k in MIX if self.ask or k != "ask"]
        kind = chooser.choices(kinds, weights=[MIX[k] for k in kinds])[0]
        if kind == "search":
            return kind, path_for("/api/search", chooser.choice(self.searches))
        if kind == "facets":
            params = dict(chooser.choice(FACET_FILTERS))
            if chooser.random() < 0.5:
                params["q"] = chooser.choice(EXTRA_QUERIES)
            return kind, path_for("/api/search", params | {"per_page": 5})
        if kind == "ask":
            return kind, path_for("/api/ask", {"q": chooser.choice(self.questions)})
        return kind, "/evaluations/" + urllib.parse.quote(chooser.choice(self.record_ids))


@dataclass
class Reindexer:
    """Changes the index back to back until stopped: add an excerpt of the seed, reindex, remove
    it, reindex. Every step is a ``hyoka-search`` subprocess that swaps in a new generation."""

    var_dir: Path
    pause: float
    niceness: int | None = None  # None: the command's own default (BUILD_NICENESS)
    runs: dict[str, list[float]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def steps(self):
        """The loop's commands; the added document is the seed's first 100 lines (37 rows)."""
        seed = next((PROJECT_DIR / "data" / "documents").glob("*.txt"))
        copy = self.var_dir.parent / f"{COPY_ID}.txt"
        copy.write_text("\n".join(seed.read_text(encoding="utf-8").splitlines()[:COPY_LINES]) + "\n",
                        encoding="utf-8")
        return [("ingest", str(copy), "--title", "負荷試験用の抜粋"), ("reindex",), ("remove", COPY_ID),
                ("reindex",)]

    def run(self) -> None:
        steps = self.steps()
        for number in range(10**9):
            if self.stop.is_set():
                return
            step = steps[number % len(steps)]
            started = time.perf_counter()
            env = {} if self.niceness is None else {"HYOKA_BUILD_NICENESS": str(self.niceness)}
            result = hyoka_search(self.var_dir, *step, env=env)
            if result.returncode != 0:
                self.failures.append(f"{' '.join(step)}: {result.stderr[-500:]}")
            else:
                self.runs.setdefault(step[0], []).append(time.perf_counter() - started)
            self.stop.wait(self.pause)


@dataclass
class Watcher:
    """Polls ``/api/documents`` to see the server pick up each new set of documents."""

    port: int
    seen: list[tuple[str, ...]] = field(default_factory=list)
    samples: list[Sample] = field(default_factory=list)

    def run(self, deadline: float) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            while time.monotonic() < deadline:
                started = time.perf_counter()
                try:
                    connection.request("GET", "/api/documents")
                    response = connection.getresponse()
                    body = response.read()
                    error = "" if response.status == 200 else f"HTTP {response.status}"
                    status = response.status
                except (OSError, http.client.HTTPException) as exc:
                    status, error, body = 0, f"{type(exc).__name__}: {exc}", b""
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                self.samples.append(Sample("documents", time.perf_counter() - started, status,
                                           error and f"/api/documents: {error}"))
                if not error:
                    ids = tuple(d["id"] for d in json.loads(body)["documents"])
                    if not self.seen or self.seen[-1] != ids:
                        self.seen.append(ids)
                time.sleep(0.2)
        finally:
            connection.close()


def record_ids(server: ServerProcess) -> list[str]:
    ids, page = [], 1
    while True:
        status, body = server.get(f"/api/search?per_page=100&page={page}&sort=document")
        if status != 200:
            raise RuntimeError(f"/api/search answered {status}")
        ids += [r["id"] for r in body["results"]]
        if page * 100 >= body["total"]:
            return ids
        page += 1


def hostile_plan(server: ServerProcess, count: int = 300) -> list[dict]:
    """Distinct requests at the limits, with the server's own department and chapter names."""
    facets = server.get("/api/search?per_page=1")[1]["facets"]
    return hostile_requests([f["value"] for f in facets["department"]], [f["value"] for f in facets["chapter"]],
                            count)


def summarize(samples: list[Sample]) -> dict:
    seconds = [s.seconds for s in samples]
    return {"requests": len(samples), "errors": sum(1 for s in samples if s.error),
            "p50_ms": round(percentile(seconds, 0.50) * 1000, 1),
            "p95_ms": round(percentile(seconds, 0.95) * 1000, 1),
            "p99_ms": round(percentile(seconds, 0.99) * 1000, 1),
            "max_ms": round(max(seconds, default=0.0) * 1000, 1),
            "mean_ms": round(statistics.fmean(seconds) * 1000, 1) if seconds else 0.0}


def run(clients: int, duration: float, reindex_pause: float, threads: int, max_latency: float,
        work_dir: Path, workspace: Path | None = None, think: float = 0.0,
        build_niceness: int | None = None, hostile: float = 0.0) -> dict:
    """Run the whole load test in ``work_dir``; the results as a dict.

    ``workspace``: an already built workspace to copy instead of building one. ``hostile``: the
    share of requests replaced by requests at the limits (``bench/hostile.py``).
    """
    var_dir = work_dir / "var"
    if workspace is not None:
        shutil.copytree(workspace, var_dir, symlinks=True)
    else:
        built = hyoka_search(var_dir, "build")
        if built.returncode != 0:
            raise RuntimeError(f"hyoka-search build failed: {built.stderr}")
    load_before = os.getloadavg()
    searches, questions = workload()
    with ServerProcess(var_dir, threads=threads, log_path=work_dir / "server.log") as server:
        ask_status = server.get(path_for("/api/ask", {"q": questions[0]}), timeout=60)[0]
        plan = Plan(searches, questions, record_ids(server), ask=ask_status != 404,
                    hostile=hostile_plan(server) if hostile else [], hostile_share=hostile)
        reindexer = Reindexer(var_dir, reindex_pause, build_niceness)
        reindex_thread = threading.Thread(target=reindexer.run, daemon=True)
        workers = [Client(server.port, seed, plan, think) for seed in range(clients)]
        watcher = Watcher(server.port)
        deadline = time.monotonic() + duration
        started = time.monotonic()
        reindex_thread.start()
        threads_ = [threading.Thread(target=w.run, args=(deadline,)) for w in workers + [watcher]]
        for thread in threads_:
            thread.start()
        for thread in threads_:
            thread.join()
        elapsed = time.monotonic() - started
        reindexer.stop.set()
        reindex_thread.join()
        # The server, never restarted, must now serve what the last change stored (once it has
        # opened and warmed that generation in the background: allow it a few seconds).
        stored = [line.split()[0] for line in hyoka_search(var_dir, "documents").stdout.splitlines()[1:]]
        pickup_deadline = time.monotonic() + PICKUP_SECONDS
        while True:
            served = [d["id"] for d in server.get("/api/documents")[1]["documents"]]
            if served == stored or time.monotonic() > pickup_deadline:
                break
            time.sleep(0.1)
    samples = [s for w in workers for s in w.samples] + watcher.samples
    overall = summarize(samples)
    by_kind = {kind: summarize([s for s in samples if s.kind == kind]) for kind in list(MIX) + ["hostile", "documents"]
               if any(s.kind == kind for s in samples)}
    errors = [s.error for s in samples if s.error]
    changes = max(0, len(watcher.seen) - 1)
    passed = (overall["errors"] == 0 and not reindexer.failures and overall["max_ms"] <= max_latency * 1000
              and sum(len(r) for r in reindexer.runs.values()) > 0 and served == stored)
    return {
        "passed": passed,
        "clients": clients, "think_s": think, "hostile_share": hostile, "duration_s": round(elapsed, 1), "server_threads": threads,
        "build_niceness": BUILD_NICENESS if build_niceness is None else build_niceness,
        "max_latency_limit_ms": max_latency * 1000,
        "throughput_rps": round(len(samples) / elapsed, 1) if elapsed else 0.0,
        "ask": "included" if plan.ask else f"skipped (/api/ask answered {ask_status})",
        "overall": overall, "by_kind": by_kind,
        "ordinary": summarize([s for s in samples if s.kind in MIX]),
        "ordinary_seconds": [s.seconds for s in samples if s.kind in MIX],  # for bench.safety; not written
        "index_changes": {step: {"runs": len(times), "mean_s": round(statistics.fmean(times), 2)}
                          for step, times in reindexer.runs.items()},
        "index_change_failures": len(reindexer.failures),
        "document_sets_seen": changes + 1 if watcher.seen else 0,
        "changes_picked_up": changes,
        "serves_last_change": served == stored, "documents_served": served, "documents_stored": stored,
        "error_samples": errors[:10] + reindexer.failures[:3],
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                    "load_average_before": [round(x, 2) for x in load_before],
                    "load_average_after": [round(x, 2) for x in os.getloadavg()]},
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def markdown(results: dict) -> str:
    """The results as the table in ``loadtest.md``."""
    o = results["overall"]
    pace = f"pausing {results['think_s']} s on average" if results["think_s"] else "back to back"
    if results.get("hostile_share"):
        pace += f", {results['hostile_share']:.0%} of the requests at the limits of bench/hostile.py"
    changes = ", ".join(f"`hyoka-search {step}` {c['runs']}× (mean {c['mean_s']} s)"
                        for step, c in results["index_changes"].items()) or "no change finished"
    lines = [
        "# Load test",
        "",
        f"`python -m bench.loadtest` (`make loadtest`): {results['clients']} concurrent clients "
        f"({pace}) for "
        f"{results['duration_s']} s against waitress ({results['server_threads']} threads) on loopback, "
        f"while the index was rebuilt in a loop ({changes}). The running server picked up "
        f"{results['changes_picked_up']} changes of its document list without a restart, and at the end "
        f"served {'the same documents as' if results['serves_last_change'] else 'OTHER documents than'} "
        f"the store ({', '.join(results['documents_served'])}). "
        f"Ask requests: {results['ask']}.",
        "",
        f"**{'PASS' if results['passed'] else 'FAIL'}**: {o['errors']} errors in {o['requests']} requests "
        f"({results['throughput_rps']} req/s), slowest {o['max_ms']} ms "
        f"(limit {results['max_latency_limit_ms']:.0f} ms), p50 {o['p50_ms']} ms, p95 {o['p95_ms']} ms.",
        "",
        "| kind | requests | errors | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, s in list(results["by_kind"].items()) + [("all", o)]:
        lines.append(f"| {kind} | {s['requests']} | {s['errors']} | {s['p50_ms']} | {s['p95_ms']} | "
                     f"{s['p99_ms']} | {s['max_ms']} |")
    if results["error_samples"]:
        lines += ["", "First errors:", ""] + [f"- `{e}`" for e in results["error_samples"]]
    machine = results["machine"]
    lines += ["", f"Machine: {machine['cpus']} CPUs, Python {machine['python']}, load average "
                  f"{machine['load_average_before'][0]} before and {machine['load_average_after'][0]} after; "
                  f"run at {results['finished_at']}. Clients, server and reindex share the machine; "
                  f"the index changes run at nice {results['build_niceness']}.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients (default 32)")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load (default 60)")
    parser.add_argument("--reindex-pause", type=float, default=0.0,
                        help="seconds between two reindex runs (default 0: back to back)")
    parser.add_argument("--threads", type=int, default=4, help="waitress threads (default 4, as make run)")
    parser.add_argument("--max-latency", type=float, default=2.0, help="slowest acceptable request, s")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where loadtest.md/.json go")
    parser.add_argument("--workspace", type=Path, help="copy this built workspace instead of building one")
    parser.add_argument("--build-niceness", type=int,
                        help="CPU niceness of the index changes (default: the command's own, 10; 0 = none)")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean pause of a client between requests, s (default 0: back to back)")
    parser.add_argument("--hostile", type=float, default=0.0,
                        help="share of requests at the limits (bench/hostile.py; default 0)")
    args = parser.parse_args(argv)
    work_dir = Path(tempfile.mkdtemp(prefix="hyoka-loadtest-"))
    try:
        results = run(args.clients, args.duration, args.reindex_pause, args.threads, args.max_latency, work_dir,
                      args.workspace, args.think, args.build_niceness, args.hostile)
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    results.pop("ordinary_seconds")
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "loadtest.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n",
                                               encoding="utf-8")
    report = markdown(results)
    (args.output / "loadtest.md").write_text(report, encoding="utf-8")
    print(report)
    return 0 if results["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
