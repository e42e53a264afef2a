"""The load test script, run briefly: the real server under clients while the index changes.

The full run (32 clients, 60 s, latency limit) is ``make loadtest``; here only what must hold at
any scale is asserted: no failed request, index changes done, and the server serving the last.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def test_a_short_load_test_has_no_errors_and_serves_the_last_change(workspace, tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "bench.loadtest", "--clients", "4", "--duration", "3", "--max-latency", "600",
         "--workspace", str(workspace.root), "--output", str(tmp_path)],
        cwd=PROJECT_DIR, capture_output=True, text=True, timeout=300)
    results = json.loads((tmp_path / "loadtest.json").read_text(encoding="utf-8"))
    assert done.returncode == 0 and results["passed"], done.stdout + done.stderr
    assert results["overall"]["errors"] == 0 and results["overall"]["requests"] > 20
    expected = {"search", "facets", "record", "documents"} | ({"ask"} if results["ask"] == "included" else set())
    assert set(results["by_kind"]) == expected
    assert results["index_change_failures"] == 0 and results["index_changes"]["ingest"]["runs"] >= 1
    assert results["serves_last_change"] and "loadtest-copy" in results["documents_served"]
    report = (tmp_path / "loadtest.md").read_text(encoding="utf-8")
    assert "**PASS**" in report and "| all |" in report
