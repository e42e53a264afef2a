"""Latency and throughput over HTTP on loopback at 1×: hyoka-search and the peer side by side.

Both servers run at once; the query mix (bench/workload.py) goes to each in turn, in random
order, so both see the same machine load. Then each server alone takes the mix from 1, 4 and
16 concurrent clients, bounded in requests and time.

Usage: python -m bench.latency [--rounds N] [--seconds S]
"""

from __future__ import annotations

import argparse
import sys

from bench import peer
from bench.prepare import one_x
from bench.report import machine, markdown_table, write
from bench.servers import HYOKA_PORT, PEER_PORT, hyoka_server, memory, peer_server
from bench.workload import interleaved, requests_for, throughput

CONCURRENCY = (1, 4, 16)


def latency_rows(result: dict) -> list[list]:
    hyoka, other = result["hyoka"], result["peer"]
    rows = []
    for category in ["all", *hyoka["by_category"]]:
        h = hyoka["all"] if category == "all" else hyoka["by_category"][category]
        p = other["all"] if category == "all" else other["by_category"][category]
        rows.append([category, h["n"], h["median_ms"], h["p95_ms"], p["median_ms"], p["p95_ms"],
                     round(h["median_ms"] / p["median_ms"], 3), round(h["p95_ms"] / p["p95_ms"], 3)])
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench.latency")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--requests", type=int, default=1500)
    args = parser.parse_args(argv[1:])
    info = machine()
    workspace, database = one_x()
    chapters = peer.chapter_titles(workspace / "current" / "hyoka.db")
    with hyoka_server(workspace, HYOKA_PORT) as hyoka, peer_server(database, PEER_PORT) as other:
        ports = {"hyoka": HYOKA_PORT, "peer": PEER_PORT}
        latency = interleaved(ports, chapters, args.rounds)
        rates = {name: [throughput(port, requests_for(name, chapters), c, args.requests, args.seconds)
                        for c in CONCURRENCY] for name, port in ports.items()}
        rss = {"hyoka": memory(hyoka.pid), "peer": memory(other.pid)}
    data = {"machine": info, "peer": f"Datasette {peer.version()}", "rounds": args.rounds,
            "latency": latency, "throughput": rates, "memory": rss}
    target = latency["hyoka"]["all"]["median_ms"] / latency["peer"]["all"]["median_ms"]
    data["median_ratio"] = round(target, 3)
    sections = [
        ("Latency, 1× (338 rows), 20 rows with facets, interleaved",
         markdown_table(["queries", "n", "hyoka median ms", "hyoka p95 ms", "peer median ms", "peer p95 ms",
                         "median ratio", "p95 ratio"], latency_rows(latency))
         + f"\n\nTarget: hyoka-search's median at most 0.3× the peer's; measured {target:.2f}×"
         + f" ({'met' if target <= 0.3 else 'not met'}). Errors: hyoka {latency['hyoka']['errors']},"
         + f" peer {latency['peer']['errors']}."),
        ("Throughput, 1×, requests per second",
         markdown_table(["clients", "hyoka req/s", "hyoka errors", "peer req/s", "peer errors"],
                        [[c, h["requests_per_s"], h["errors"], p["requests_per_s"], p["errors"]]
                         for c, h, p in zip(CONCURRENCY, rates["hyoka"], rates["peer"])])
         + f"\n\nEach level stops after {args.requests} requests or {args.seconds:g} s. The clients run on the"
         " same 2 cores as the server. Resident memory after the run: hyoka "
         f"{rss['hyoka']['rss_mib']} MiB, peer {rss['peer']['rss_mib']} MiB."),
    ]
    write("latency", "HTTP latency and throughput at 1×", sections, data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
