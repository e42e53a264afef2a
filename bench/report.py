"""Tables for the benchmark: printed, and written to bench/results/ as Markdown and JSON."""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> dict:
    """What the numbers were measured on: cores, CPU model, memory, Python, SQLite."""
    import sqlite3

    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) * 1024
    except OSError:
        pass
    return {"date": time.strftime("%Y-%m-%d %H:%M %Z"), "cpus": os.cpu_count(), "cpu": model or platform.processor(),
            "memory_gib": round(memory / 2**30, 1), "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version, "load_average": [round(x, 2) for x in os.getloadavg()]}


def machine_line(info: dict) -> str:
    return (f"{info['date']}, {info['cpus']} CPUs ({info['cpu']}), {info['memory_gib']} GiB RAM, "
            f"Python {info['python']}, SQLite {info['sqlite']}, load average at start "
            f"{', '.join(str(x) for x in info['load_average'])}")


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summary_ms(seconds: list[float]) -> dict:
    ms = [s * 1000 for s in seconds]
    return {"n": len(ms), "median_ms": round(statistics.median(ms), 2) if ms else None,
            "p95_ms": round(percentile(ms, 95), 2) if ms else None,
            "mean_ms": round(statistics.fmean(ms), 2) if ms else None}


def markdown_table(headers: list[str], rows: list[list]) -> str:
    def cell(value):
        if isinstance(value, float):
            return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
        return str(value)

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def write(name: str, title: str, sections: list[tuple[str, str]], data: dict) -> None:
    """Print the sections and write ``bench/results/<name>.md`` and ``.json``."""
    RESULTS.mkdir(exist_ok=True)
    info = data.setdefault("machine", machine())
    text = [f"# {title}", "", f"Measured {machine_line(info)}.", ""]
    for heading, body in sections:
        text += [f"## {heading}", "", body, ""]
    markdown = "\n".join(text)
    print(markdown)
    (RESULTS / f"{name}.md").write_text(markdown, encoding="utf-8")
    (RESULTS / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                          encoding="utf-8")
