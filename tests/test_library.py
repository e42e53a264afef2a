"""Live changes: the server's library swaps to a rebuilt generation in the background, warmed,
without stalling; two changes made at once keep both documents."""

from __future__ import annotations

import shutil
import threading
import time

import pytest

from index.build import Workspace
from search.corpus import Library
from search.warmup import warm


@pytest.fixture
def var(workspace, tmp_path) -> Workspace:
    shutil.copytree(workspace.root, tmp_path / "var", symlinks=True)
    return Workspace(tmp_path / "var")


def swap_in_a_copy(workspace: Workspace, name: str):
    """What a rebuild does, without the build: a new generation directory, then the symlink swap."""
    generation = workspace.generations / name
    shutil.copytree(workspace.current(), generation)
    workspace.swap(generation)
    return generation


def wait_for(library: Library, path, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while library.current().path != path:
        assert time.monotonic() < deadline, "the library never swapped"
        time.sleep(0.02)


@pytest.mark.parametrize("fails", [False, True], ids=["warm", "warm-fails"])
def test_requests_keep_the_old_corpus_until_the_new_one_is_warm(var, fails):
    warming = threading.Event()
    release = threading.Event()
    warmed = []

    def slow_warm(corpus):
        warming.set()
        release.wait(10)
        warmed.append(corpus.path)
        if fails:
            raise RuntimeError("warming failed")

    library = Library(var, warm=slow_warm)
    old = library.current()
    assert warmed == []  # the first corpus opens at once, as before
    new_path = swap_in_a_copy(var, "20990101T000000-aaaaaa")
    assert library.current() is old  # answered at once from the previous generation
    assert warming.wait(10)
    assert library.current() is old  # still warming
    release.set()
    wait_for(library, new_path)
    assert warmed == [new_path]
    assert library.current().record(old.stored(0)["id"]) == old.stored(0)


def test_warm_builds_the_lazy_work_of_a_real_corpus(var):
    library = Library(var, warm=warm)
    library.current()
    new_path = swap_in_a_copy(var, "20990101T000000-bbbbbb")
    library.current()
    wait_for(library, new_path)
    assert len(library.current().facets) == 338


def test_two_changes_at_once_keep_both_documents(tmp_path):
    """Each change reads the stored documents inside the build lock, so none is lost."""
    from index.documents import ingest_file, list_documents
    from index.tables import DATA_DIR

    from .conftest import DOCUMENT
    from .sheetdata import seed_records, table_rows, write_csv

    # A small data directory (a 37-row excerpt of the seed) keeps the three builds quick.
    data = tmp_path / "data"
    (data / "documents").mkdir(parents=True)
    for table in DATA_DIR.glob("*.tsv"):
        shutil.copy(table, data / table.name)
    lines = DOCUMENT.read_text(encoding="utf-8").splitlines()[:100]
    (data / "documents" / "excerpt.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    workspace = Workspace(tmp_path / "var")
    files = [write_csv(tmp_path / f"{name}.csv", table_rows(seed_records()[n:n + 5]))
             for name, n in (("first", 0), ("second", 5))]
    errors = []

    def ingest(path):
        try:
            ingest_file(workspace, path, data_dir=data)
        except Exception as error:  # reported below; a thread cannot fail the test itself
            errors.append(error)

    with workspace.lock():  # both changes parse their file, then wait for the lock
        threads = [threading.Thread(target=ingest, args=(f,)) for f in files]
        for thread in threads:
            thread.start()
        time.sleep(0.5)
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(d["id"] for d in list_documents(workspace)) == ["excerpt", "first", "second"]
