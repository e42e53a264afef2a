"""Nothing stored is lost: the documents store outlives every generation, a broken or missing
``current`` falls back to the newest intact generation, a server keeps answering when its
generation folder vanishes, and storage failures are one-line messages (issue 17, items 3, 5, 7).

Full disks and read-only file systems are real: a small tmpfs or a read-only bind mount in a
private mount namespace (``unshare -m``), around the real ``hyoka-search`` command.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time

import pytest
import sqlite_utils

from bench.spawn import BIN_DIR, PROJECT_DIR, ServerProcess, command_env, free_port, hyoka_search
from index.build import Workspace
from index.documents import list_documents
from search.corpus import Library
from search.engine import run_search
from search.query import parse_query

from .conftest import copy_workspace
from .sheetdata import seed_records, table_rows, write_csv


@pytest.fixture
def var(workspace, tmp_path) -> Workspace:
    return copy_workspace(workspace, tmp_path / "var")


def ingest(var: Workspace, path, *args: str) -> None:
    result = hyoka_search(var.root, "ingest", str(path), *args)
    assert result.returncode == 0, result.stderr


def document_ids(var: Workspace) -> list[str]:
    return [d["id"] for d in list_documents(var)]


def total(var: Workspace, document: str) -> int:
    corpus = Library(var).current()
    return run_search(corpus, parse_query({"document": [document]}))["total"]


@pytest.fixture
def three(tmp_path) -> list:
    """Three small CSV documents: first (8 rows), second (5 rows), third (4 rows)."""
    rows = table_rows(seed_records()[:17])
    return [write_csv(tmp_path / "first.csv", rows[:8]), write_csv(tmp_path / "second.csv", rows[8:13]),
            write_csv(tmp_path / "third.csv", rows[13:17])]


def test_deleting_the_live_generation_loses_no_ingested_document(var, three):
    first, second, third = three
    ingest(var, first)
    ingest(var, second)
    live = var.current()
    shutil.rmtree(live)
    # The newest intact generation serves meanwhile: it predates `second`.
    assert var.current() != live and "second" not in document_ids(var)
    ingest(var, third)
    assert document_ids(var) == ["iruma-6th-first-half-evaluation", "first", "second", "third"]
    assert [total(var, d) for d in ("first", "second", "third")] == [8, 5, 4]


def test_every_generation_lost_is_rebuilt_from_the_store(var, three):
    ingest(var, three[0])
    shutil.rmtree(var.generations)
    os.unlink(var.current_link)
    built = hyoka_search(var.root, "build", "--if-stale")
    assert built.returncode == 0, built.stderr
    assert document_ids(var) == ["iruma-6th-first-half-evaluation", "first"]
    assert total(var, "first") == 8


@pytest.mark.parametrize("damage", ["missing", "dangling", "not-a-link", "broken-database", "broken-index"])
def test_a_missing_or_broken_current_falls_back_to_the_newest_intact_generation(var, three, damage):
    ingest(var, three[0])
    live, previous = var.current(), var.finished()[1]
    if damage == "missing":
        os.unlink(var.current_link)
    elif damage == "dangling":
        os.unlink(var.current_link)
        os.symlink("generations/gone", var.current_link)
    elif damage == "not-a-link":
        os.unlink(var.current_link)
        var.current_link.write_text("garbage")
    elif damage == "broken-database":
        (live / "hyoka.db").write_bytes(b"\0" * 4096)
    else:
        for segment in (live / "whoosh").glob("*.seg"):
            segment.unlink()
    expected = live if damage in ("missing", "dangling", "not-a-link") else previous
    assert var.current() == expected
    assert Library(var).current().path == expected  # what a freshly started server opens
    # The next change is built from the store, not from the fallback's documents alone.
    ingest(var, three[1])
    assert document_ids(var) == ["iruma-6th-first-half-evaluation", "first", "second"]


def test_a_missing_store_is_recovered_from_the_newest_generation(var, three):
    ingest(var, three[0])
    var.store_path.unlink()
    ingest(var, three[1])
    assert document_ids(var) == ["iruma-6th-first-half-evaluation", "first", "second"]
    assert var.store_path.exists()


def test_a_workspace_from_before_the_document_order_column_is_upgraded(var, three):
    ingest(var, three[0])
    ingest(var, three[1])
    database = sqlite_utils.Database(var.database())
    database["documents"].transform(drop={"seq"})  # the schema of the versions before it
    database.conn.close()
    var.store_path.unlink()  # nor did they have the documents store
    result = hyoka_search(var.root, "build")
    assert result.returncode == 0, result.stderr
    assert document_ids(var) == ["iruma-6th-first-half-evaluation", "first", "second"]
    assert total(var, "second") == 5


def test_an_unreadable_store_stops_every_change(var, three):
    ingest(var, three[0])
    var.store_path.write_bytes(b"this is not a database" * 100)
    before = os.readlink(var.current_link)
    for args in (("ingest", str(three[1])), ("remove", "first"), ("reindex",), ("build", "--if-stale")):
        result = hyoka_search(var.root, *args)
        assert result.returncode == 1, args
        assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr
        assert "cannot read the documents store" in result.stderr
    assert os.readlink(var.current_link) == before
    assert document_ids(var) == ["iruma-6th-first-half-evaluation", "first"]


def test_a_server_keeps_answering_when_its_generation_folder_vanishes(var, three, tmp_path):
    ingest(var, three[0])
    with ServerProcess(var.root, log_path=tmp_path / "server.log") as server:
        record = server.get("/api/search?document=first&per_page=1")[1]["results"][0]["id"]
        pages = ["/api/search?q=%E5%9C%B0%E5%8C%BA", f"/api/evaluations/{record}",
                 f"/api/evaluations/{record}/related", f"/evaluations/{record}", "/api/documents",
                 "/api/ask?q=%E9%80%B2%E6%8D%97%E5%8C%BA%E5%88%86%E3%81%8CA%E3%81%AE%E5%8F%96%E7%B5%84%E3%81%AF"
                 "%E4%BD%95%E4%BB%B6%E3%81%82%E3%82%8A%E3%81%BE%E3%81%99%E3%81%8B"]
        before = [server.get(page) for page in pages]
        assert [status for status, _ in before] == [200] * len(pages)
        shutil.rmtree(var.current())
        os.unlink(var.current_link)
        after = [server.get(page) for page in pages]
        assert after == before


def test_a_symlink_planted_as_the_lock_file_is_not_followed(var, three, tmp_path):
    victim = tmp_path / "precious.txt"
    victim.write_text("do not truncate me")
    (var.root / "build.lock").unlink(missing_ok=True)
    os.symlink(victim, var.root / "build.lock")
    result = hyoka_search(var.root, "ingest", str(three[0]))
    assert result.returncode == 1
    assert result.stderr.strip() == f"{var.root / 'build.lock'} is a symbolic link; refusing to follow it " \
                                    f"(remove it and try again)"
    assert victim.read_text() == "do not truncate me"


# --- A full disk and a read-only var/, in a private mount namespace ---

def mounts_available() -> bool:
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True) if shutil.which("unshare") else None
    return probe is not None and probe.returncode == 0


needs_mounts = pytest.mark.skipif(not mounts_available(),
                                  reason="mount namespaces are not available (unshare -m needs CAP_SYS_ADMIN)")


def in_namespace(setup: str, command: list[str], env: dict, **kwargs) -> subprocess.CompletedProcess:
    """Run ``command`` after the shell ``setup`` in a private mount namespace."""
    script = f"set -e; {setup}; exec {shlex.join(command)}"
    return subprocess.run(["unshare", "-m", "sh", "-c", script], env=env, capture_output=True, text=True,
                          timeout=300, **kwargs)


def disk_usage_kib(path) -> int:
    return int(subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True).stdout.split()[0])


@needs_mounts
def test_a_full_disk_is_a_one_line_message_and_changes_nothing(var, tmp_path):
    big = write_csv(tmp_path / "big.csv", table_rows(seed_records()), title="大きな文書")
    mount = tmp_path / "small-disk"
    mount.mkdir()
    size = disk_usage_kib(var.root) + 256  # room for what is there, not for a new generation
    setup = (f"mount -t tmpfs -o size={size}k tmpfs {mount}; cp -a {var.root}/. {mount}/; "
             f"trap 'cp -a {mount}/. {tmp_path / 'after'}/' EXIT")
    (tmp_path / "after").mkdir()
    # `exec` would skip the trap: run the command as a child of the shell instead.
    script = (f"set -e; {setup}; {shlex.join([str(BIN_DIR / 'hyoka-search'), 'ingest', str(big)])} "
              f"|| echo \"exit $?\" >&2")
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], env=command_env(mount), capture_output=True,
                            text=True, timeout=300)
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "exit 1" and "Traceback" not in result.stderr
    # Before it, only the progress log lines (stderr is not a terminal) and one message.
    assert all(" hyoka-search: " in line for line in lines[:-2])
    assert lines[-2].startswith("hyoka-search: no space left on the device of")
    assert lines[-2].endswith("nothing was changed; the previous index keeps serving")
    after = Workspace(tmp_path / "after")
    assert os.readlink(after.current_link) == os.readlink(var.current_link)
    assert document_ids(after) == ["iruma-6th-first-half-evaluation"]
    assert not any(p.name.startswith(".tmp-") for p in after.generations.iterdir())


@needs_mounts
def test_a_read_only_var_serves_and_refuses_changes_in_one_line(var, tmp_path):
    extra = write_csv(tmp_path / "extra.csv", table_rows(seed_records()[:5]))
    read_only = f"mount --bind {var.root} {var.root}; mount -o remount,bind,ro {var.root}"
    env = command_env(var.root)
    for args in (("ingest", str(extra)), ("reindex",)):
        result = in_namespace(read_only, [str(BIN_DIR / "hyoka-search"), *args], env)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert result.stderr.strip() == (f"hyoka-search: {var.root} is on a read-only file system: documents "
                                         f"cannot be built, ingested or removed (the built index can still "
                                         f"be served)")
    listing = in_namespace(read_only, [str(BIN_DIR / "hyoka-search"), "documents"], env)
    assert listing.returncode == 0 and "iruma-6th-first-half-evaluation" in listing.stdout
    # The server starts on it, says what it cannot do, and answers.
    port = free_port()
    log = tmp_path / "server.log"
    server_env = env | {"HYOKA_BUILD_ON_START": "true"}
    with open(log, "wb") as out:
        server = subprocess.Popen(
            ["unshare", "-m", "sh", "-c",
             f"set -e; {read_only}; exec {shlex.join([sys.executable, '-m', 'waitress', '--host=127.0.0.1', f'--port={port}', 'wsgi:app'])}"],
            cwd=PROJECT_DIR, env=server_env, stdout=out, stderr=subprocess.STDOUT)
    probe = ServerProcess(var.root, port=port)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, log.read_text()
            try:
                status, body = probe.get("/api/search?q=%E5%9C%B0%E5%8C%BA")
                break
            except OSError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        assert status == 200 and body["total"] > 0
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert "is read-only: serving the index as built; it cannot be rebuilt" in log.read_text()
