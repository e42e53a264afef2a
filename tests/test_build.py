"""The system of record and the atomic rebuild."""

import shutil

import pytest
import sqlite_utils

import index.build as build_module
from index.build import Workspace, build, default_sources, ensure_built, is_stale
from index.parse import ParseError
from index.store import SourceDocument
from index.tables import DATA_DIR
from search.corpus import Library

from .conftest import DOCUMENT


def test_database_holds_the_document_verbatim(workspace):
    db = sqlite_utils.Database(workspace.database())
    document = db["documents"].get("iruma-6th-first-half-evaluation")
    assert document["text"] == DOCUMENT.read_bytes().decode("utf-8")
    assert document["rows"] == 338 and document["title"] == "第6次入間市総合計画・前期基本計画の取組評価"
    assert db["evaluations"].count == 338
    assert db["departments"].count == 42
    assert db["legend"].count == 15
    links = next(db.query("select sum(json_array_length(departments)) as n from evaluations"))["n"]
    assert db["evaluation_departments"].count == links == 386


def test_ensure_built_only_when_stale(tmp_path):
    workspace = Workspace(tmp_path)
    assert is_stale(workspace)
    assert ensure_built(workspace) is True
    first = workspace.current()
    assert not is_stale(workspace)
    assert ensure_built(workspace) is False
    assert workspace.current() == first


def test_another_analyser_version_makes_the_index_stale_and_rebuilds_it_whole(tmp_path, monkeypatch):
    # A new Sudachi or dictionary cuts words differently: the built words would not be the query's.
    workspace = Workspace(tmp_path)
    ensure_built(workspace)
    first = workspace.current()
    meta = dict(sqlite_utils.Database(workspace.database()).execute("select key, value from meta").fetchall())
    assert meta["analyser"].startswith("sudachipy ") and "sudachidict-core " in meta["analyser"]
    monkeypatch.setattr(build_module, "analyser_version", lambda: "sudachipy 9.9.9, sudachidict-core 99999999")
    assert is_stale(workspace)
    assert build_module.plan(workspace, default_sources(), DATA_DIR, False).base is None  # not a change on top
    assert ensure_built(workspace) is True and workspace.current() != first
    assert not is_stale(workspace)


def test_failed_build_leaves_the_previous_generation_serving(tmp_path):
    workspace = Workspace(tmp_path)
    build(workspace, default_sources())
    library = Library(workspace)
    before = library.current()
    broken = SourceDocument("broken", "壊れた文書", "broken.txt", "第1章 題\n\n節\t項\n\t\t施策\t内容\tQ\tい\n")
    with pytest.raises(ParseError, match="broken.txt:4:"):
        build(workspace, default_sources() + [broken])
    assert workspace.current() == before.path
    assert library.current() is before
    assert not any(p.name.startswith(".tmp-") for p in workspace.generations.iterdir())


def test_rebuild_swaps_and_a_library_picks_it_up(tmp_path):
    workspace = Workspace(tmp_path)
    build(workspace, default_sources())
    library = Library(workspace)
    first = library.current()
    build(workspace, default_sources())
    second = library.current()
    assert second is not first and second.path != first.path
    assert len(second.facets) == 338
    # Old generations are pruned, the live one is kept.
    build(workspace, default_sources())
    assert len(list(workspace.generations.iterdir())) <= 2
    assert workspace.current().exists()


def test_a_killed_build_leaves_only_a_temporary_directory(tmp_path):
    workspace = Workspace(tmp_path)
    build(workspace, default_sources())
    live = workspace.current()
    leftover = workspace.generations / ".tmp-crashed"
    shutil.copytree(live, leftover)
    build(workspace, default_sources())
    assert not leftover.exists()
