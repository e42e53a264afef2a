"""Adding documents with the real ``hyoka-search`` command: idempotence, refusals and atomicity.

Each test works on its own copy of the session's built workspace, so only the changes under
test are built. The commands run as real subprocesses, and a killed ingest is a real SIGKILL.
"""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import threading
import time

import pytest
import sqlite_utils

from bench.spawn import BIN_DIR, ServerProcess, command_env, hyoka_search
from index.build import Workspace, ensure_built
from index.documents import DocumentError, ingest_file, list_documents
from search.corpus import Library
from search.engine import run_search
from search.query import parse_query

from .conftest import DOCUMENT, copy_workspace
from .sheetdata import seed_records, table_rows, write_csv, write_xlsx

QUERIES = ({"q": ["コロナ"]}, {"q": ["地区センター"], "progress": ["B"]}, {"q": [""], "per_page": ["100"]})


@pytest.fixture
def var(workspace, tmp_path) -> Workspace:
    """A private copy of the session workspace (seed already built)."""
    return copy_workspace(workspace, tmp_path / "var")


@pytest.fixture(scope="module")
def with_small(workspace, tmp_path_factory) -> Workspace:
    """The seed plus a small ingested CSV document ``small`` (rows 3–10), built once."""
    folder = tmp_path_factory.mktemp("with-small")
    small = write_csv(folder / "small.csv", table_rows(seed_records()[:8]))
    base = copy_workspace(workspace, folder / "var")
    assert hyoka_search(base.root, "ingest", str(small)).returncode == 0
    return base


@pytest.fixture
def var_small(with_small, tmp_path) -> Workspace:
    return copy_workspace(with_small, tmp_path / "var")


def search(workspace: Workspace, **params) -> dict:
    """A search as a freshly started server would answer it."""
    corpus = Library(workspace).current()
    return run_search(corpus, parse_query({k: v if isinstance(v, list) else [v] for k, v in params.items()}))


def snapshot(workspace: Workspace) -> dict:
    """Everything a user could see: documents, records and answers to a few searches."""
    db = sqlite_utils.Database(workspace.database())
    try:
        records = [dict(r) for r in db.query("select * from evaluations order by id")]
        texts = {r["id"]: r["text"] for r in db.query("select id, text from documents")}
    finally:
        db.conn.close()
    return {"current": os.readlink(workspace.current_link), "documents": list_documents(workspace),
            "records": records, "texts": texts,
            "searches": [search(workspace, **q) for q in QUERIES]}


def run_on_a_terminal(workspace: Workspace, *args: str) -> tuple[subprocess.CompletedProcess, str]:
    """Run ``hyoka-search`` with its stderr on a pseudo-terminal; the screen as text."""
    leader, follower = pty.openpty()
    try:
        done = subprocess.run([str(BIN_DIR / "hyoka-search"), *args], env=command_env(workspace.root),
                              stdout=subprocess.PIPE, stderr=follower, text=True, timeout=300)
        os.close(follower)
        follower = None
        screen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # EIO: the terminal's other end is closed and drained
                break
            if not chunk:
                break
            screen += chunk
    finally:
        if follower is not None:
            os.close(follower)
        os.close(leader)
    return done, screen.decode("utf-8")


def test_ingest_list_reingest_and_remove(var, tmp_path):
    rows = table_rows(seed_records()[:20])
    sample = write_csv(tmp_path / "sample.csv", rows, title="抜粋（CSV）")
    generation = os.readlink(var.current_link)
    check = hyoka_search(var.root, "check", str(sample))
    assert check.returncode == 0 and check.stdout.startswith("sample.csv: ok, 20 rows")
    assert os.readlink(var.current_link) == generation  # check stores nothing

    added = hyoka_search(var.root, "ingest", str(sample))
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("added sample: 20 rows, 「抜粋（CSV）」")
    # Quiet logs when stderr is not a terminal: a few lines, no bar redraws. Only the new
    # document's 20 rows are indexed, not the seed's 338 again.
    assert "indexing: 20 rows in" in added.stderr and "\r" not in added.stderr
    listing = hyoka_search(var.root, "documents").stdout.splitlines()
    assert [line.split()[:4] for line in listing[1:]] == [
        ["iruma-6th-first-half-evaluation", "338", "tsv", "default"], ["sample", "20", "csv", "ingested"]]
    found = search(var, document="sample", per_page="100")
    assert found["total"] == 20
    ids = sorted(r["id"] for r in found["results"])
    assert ids == sorted(f"sample:{line}" for line in range(3, 23))
    facet = {f["value"]: f["count"] for f in search(var)["facets"]["document"]}
    assert facet == {"iruma-6th-first-half-evaluation": 338, "sample": 20}

    generation = os.readlink(var.current_link)
    again = hyoka_search(var.root, "ingest", str(sample))
    assert again.returncode == 0 and "no rebuild needed" in again.stdout
    assert os.readlink(var.current_link) == generation

    # The same rows typed into Excel replace the CSV under the same id: same ids, no duplicates.
    # On a terminal the build draws a progress bar instead of logging.
    book = write_xlsx(tmp_path / "book.xlsx", table_rows(seed_records()[:20], repeat_headings=False),
                      title="抜粋（CSV）")
    replaced, screen = run_on_a_terminal(var, "ingest", str(book), "--id", "sample", "--title", "新しい題名")
    assert replaced.returncode == 0 and replaced.stdout.startswith("replaced sample: 20 rows, 「新しい題名」")
    assert "indexing  [#" in screen and "20/20" in screen and "rows/s" in screen  # Click's bar
    assert "hyoka-search: parsed" not in screen  # no log lines on a terminal
    found = search(var, document="新しい題名", per_page="100")
    assert sorted(r["id"] for r in found["results"]) == ids and found["total"] == 20
    db = sqlite_utils.Database(var.database())
    stored = db["documents"].get("sample")
    assert stored["format"] == "xlsx" and stored["text"].splitlines()[1].startswith("章\t節\t項")
    db.conn.close()

    removed = hyoka_search(var.root, "remove", "sample")
    assert removed.returncode == 0 and removed.stdout.startswith("removed sample")
    assert [d["id"] for d in list_documents(var)] == ["iruma-6th-first-half-evaluation"]
    assert search(var, document="sample")["total"] == 0

    refused = hyoka_search(var.root, "remove", "iruma-6th-first-half-evaluation")
    assert refused.returncode == 1 and "comes from data/documents" in refused.stderr
    unknown = hyoka_search(var.root, "remove", "nope")
    assert unknown.returncode == 1 and "no document 'nope'" in unknown.stderr


def test_refused_files_change_nothing(var_small, tmp_path):
    var = var_small
    good = write_csv(tmp_path / "good.csv", table_rows(seed_records()[:10]))
    before = snapshot(var)
    rows = table_rows(seed_records()[:10])
    rows[4][5] = "Z"
    bad = write_csv(tmp_path / "bad.csv", rows)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "sjis.csv").write_bytes("章,施策\n第1章,人権\n".encode("cp932"))
    (tmp_path / "empty.csv").write_bytes(b"")
    cases = {
        # The same id as the stored document: a broken replacement must not touch it.
        ("--id", "small", str(bad)): ["bad.csv:6: bad progress grade 'Z' (進捗区分: expected one of A, B, C, D, E)"],
        (str(tmp_path / "notes.docx"),): ["notes.docx:1: unsupported file type '.docx'; expected one of "
                                          ".csv, .tsv, .txt, .xlsx"],
        (str(tmp_path / "sjis.csv"),): None,
        (str(tmp_path / "empty.csv"),): ["empty.csv:1: empty file"],
        ("--id", "a/b", str(good)): ["bad document id 'a/b': use up to 60 letters, digits, '.', '_' or '-'"],
    }
    for args, expected in cases.items():
        for command in ("check", "ingest"):
            result = hyoka_search(var.root, command, *args)
            assert result.returncode == 1 and result.stdout == ""
            lines = result.stderr.splitlines()
            if expected is None:
                assert lines[-1].startswith("sjis.csv:1: not UTF-8 text")
            else:
                assert lines[-len(expected):] == expected
    assert snapshot(var) == before
    assert not any(p.name.startswith(".tmp-") for p in var.generations.iterdir())


def test_no_rebuild_for_what_is_already_stored(var_small, tmp_path):
    generation = os.readlink(var_small.current_link)
    # The same content under another file name is not stored twice.
    twin = write_csv(tmp_path / "renamed.csv", table_rows(seed_records()[:8]))
    outcome = ingest_file(var_small, twin)
    assert (outcome.action, outcome.twin, outcome.generation) == ("duplicate", "small", None)
    # The embedded document itself: unchanged. Other content under its id: refused.
    assert ingest_file(var_small, DOCUMENT).action == "unchanged"
    clash = write_csv(tmp_path / f"{DOCUMENT.stem}.csv", table_rows(seed_records()[:3]))
    with pytest.raises(DocumentError, match="belongs to a document in data/documents"):
        ingest_file(var_small, clash)
    assert os.readlink(var_small.current_link) == generation
    assert [d["id"] for d in list_documents(var_small)] == ["iruma-6th-first-half-evaluation", "small"]
    # `make run` (build --if-stale) sees an ingested document as part of an up-to-date index.
    assert ensure_built(var_small) is False


def read_until(stream, marker: str, deadline: float) -> str:
    seen = ""
    while marker not in seen:
        if time.monotonic() > deadline:
            raise AssertionError(f"{marker!r} never appeared in: {seen}")
        line = stream.readline()
        if not line:
            raise AssertionError(f"the command ended before {marker!r}: {seen}")
        seen += line
    return seen


@pytest.mark.parametrize("moment", ["parsed", "wrote the database", "indexing"])
def test_a_killed_ingest_leaves_the_previous_state(var_small, tmp_path, moment):
    var = var_small
    before = snapshot(var)
    # Large enough to take seconds to index: the seed's rows five times over.
    big = write_csv(tmp_path / "big.csv", table_rows(seed_records() * 5), title="大きな文書")
    process = subprocess.Popen([str(BIN_DIR / "hyoka-search"), "ingest", str(big)], env=command_env(var.root),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        read_until(process.stderr, moment, time.monotonic() + 120)
        if moment == "indexing":
            time.sleep(0.5)  # well inside the indexing of 2,000 rows
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        process.kill()
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    assert snapshot(var) == before  # a restarted server sees exactly the previous state
    if moment == "indexing":
        assert any(p.name.startswith(".tmp-") for p in var.generations.iterdir())
        # The next change succeeds and sweeps the half-built generation away.
        assert hyoka_search(var.root, "remove", "small").returncode == 0
        assert not any(p.name.startswith(".tmp-") for p in var.generations.iterdir())
        assert search(var)["total"] == 338


def test_a_running_server_answers_during_an_ingest_and_serves_it_without_restart(var, tmp_path):
    extra = write_csv(tmp_path / "extra.csv", table_rows(seed_records()[200:260]), title="追加文書")
    statuses: list[int] = []
    stop = threading.Event()
    with ServerProcess(var.root, log_path=tmp_path / "server.log") as server:
        def poll():
            while not stop.wait(0.05):  # paced: the build (at nice 10) must get some CPU too
                statuses.append(server.get("/api/search?q=%E5%9C%B0%E5%8C%BA&per_page=5")[0])
                statuses.append(server.get("/api/documents")[0])

        pollers = [threading.Thread(target=poll) for _ in range(2)]
        for thread in pollers:
            thread.start()
        try:
            ingest = hyoka_search(var.root, "ingest", str(extra))
        finally:
            stop.set()
            for thread in pollers:
                thread.join()
        assert ingest.returncode == 0, ingest.stderr
        assert len(statuses) > 10 and set(statuses) == {200}
        # The server opens and warms the new generation in the background, then serves it.
        deadline = time.monotonic() + 60
        while True:
            status, body = server.get("/api/documents")
            assert status == 200
            served = [d["id"] for d in body["documents"]]
            if served == ["iruma-6th-first-half-evaluation", "extra"] or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert served == ["iruma-6th-first-half-evaluation", "extra"]
        status, body = server.get("/api/search?document=extra&per_page=100")
        assert status == 200 and body["total"] == 60
        status, page = server.get(f"/evaluations/{body['results'][0]['id']}")
        assert status == 200 and "extra.csv" in page and "CSV の行をそのまま表示" in page
