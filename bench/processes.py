"""Serving with several processes: throughput of ``hyoka-search serve --processes N`` (N = 1:
waitress; N > 1: gunicorn with N workers, each opening the generation read-only) at 1× and at the
largest scale built by bench/scale.py, with the HTTP query mix (bench/workload.py).

Usage: python -m bench.processes [--processes 1,2] [--clients 8,16] [--seconds 20]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench import peer
from bench.prepare import BENCH_VAR, one_x
from bench.report import machine, markdown_table, write
from bench.servers import HYOKA_PORT, memory, running
from bench.spawn import BIN_DIR
from bench.workload import requests_for, throughput


def serve_command(port: int, processes: int) -> list[str]:
    return [str(BIN_DIR / "hyoka-search"), "serve", "--port", str(port), "--processes", str(processes)]


def measure(workspace: Path, processes: int, clients: list[int], seconds: float) -> dict:
    chapters = peer.chapter_titles(workspace / "current" / "hyoka.db")
    requests = requests_for("hyoka", chapters)
    env = {"HYOKA_VAR_DIR": str(workspace), "PYTHONWARNINGS": "ignore"}
    with running("hyoka", serve_command(HYOKA_PORT, processes), HYOKA_PORT, env) as server:
        throughput(HYOKA_PORT, requests, 4, len(requests) * processes * 2, seconds)  # warm every worker
        rates = [throughput(HYOKA_PORT, requests, c, 10**9, seconds) for c in clients]
        rss = memory(server.pid)
    return {"processes": processes, "throughput": rates, "memory": rss}


def largest_scale() -> Path | None:
    built = sorted((p for p in BENCH_VAR.glob("x*") if p.name[1:].isdigit() and (p / "hyoka" / "current").exists()),
                   key=lambda p: int(p.name[1:]))
    return built[-1] / "hyoka" if built and built[-1].name != "x1" else None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench.processes")
    parser.add_argument("--processes", default="1,2")
    parser.add_argument("--clients", default="8,16")
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args(argv[1:])
    info = machine()
    clients = [int(c) for c in args.clients.split(",")]
    workspaces = {"1×": one_x()[0]}
    if largest_scale() is not None:
        workspaces[largest_scale().parent.name[1:] + "×"] = largest_scale()
    results = {scale: [measure(ws, int(p), clients, args.seconds) for p in args.processes.split(",")]
               for scale, ws in workspaces.items()}
    rows = [[scale, r["processes"], t["concurrency"], t["requests_per_s"], t["errors"], r["memory"]["rss_mib"]]
            for scale, found in results.items() for r in found for t in r["throughput"]]
    section = (markdown_table(["scale", "processes", "clients", "requests/s", "errors", "RSS MiB (all processes)"],
                              rows)
               + f"\n\nEach level runs {args.seconds:g} s of the query mix back to back after a warm-up round;"
               " 1 process is waitress (4 threads), more are gunicorn workers (4 threads each). The clients"
               f" share the machine's {info.get('cpus', '?')} cores with the server, so this shows what a second"
               " process adds here, not on a larger machine.")
    write("processes", "Serving with 1 and 2 processes", [("Throughput", section)],
          {"machine": info, "results": results})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
