"""A change touches only its documents, and the result is the same as building everything again.

At 3× (the seed plus altered copies, bench/synthetic.py): add a document, remove one that shares
an index segment with others, replace one; then every search, question and related list of the
changed workspace equals a full rebuild's of the same documents, scores included.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest

from bench.synthetic import altered_copy
from index.build import Workspace, build, default_sources
from index.documents import ingest_file, reindex, remove_document
from index.segments import segment_documents
from search.ask import ask
from search.corpus import Library
from search.engine import run_search, understood
from search.matching import to_query
from search.query import parse_query
from search.related import RelatedRequest, find_related
from search.scoring import scored_matches

from .conftest import DOCUMENT

SEARCHES = [{"q": ["コロナ"]}, {"q": ["地区センター"], "progress": ["B"]}, {"q": [""]},
            {"q": ["子育て 支援"], "per_page": ["50"]}, {"q": ["空き家"], "sort": ["progress"]},
            {"q": ["図書館 OR 公民館"], "department": ["図書館"]}, {"q": ["高齢者 -介護"]},
            {"q": [""], "chapter": ["3"], "page": ["2"]}, {"q": ["狭山市"]}, {"q": ["健康増新"]},
            {"q": [""], "document": ["copy-3"], "sort": ["document"]}]
QUESTIONS = [case["q"] for case in json.loads((DOCUMENT.parent.parent.parent / "bench" / "data" / "qa-dev.json")
                                              .read_text(encoding="utf-8"))]


def write_copy(folder, k: int, salt: str = "") -> tuple:
    title, text = altered_copy(DOCUMENT.read_text(encoding="utf-8"), k)
    path = folder / f"copy-{k}.txt"
    path.write_text(text + salt, encoding="utf-8")
    return path, title


def outputs(workspace: Workspace) -> dict:
    """What users see: searches, answers, related lists, the documents (without build times), and
    the vocabulary of readings and synonym groups the queries are read with."""
    corpus = Library(workspace).current()
    params = [{**p, "per_page": p.get("per_page", ["100"])} for p in SEARCHES]
    searches = [run_search(corpus, parse_query(p)) for p in params]
    ids = [r["id"] for r in run_search(corpus, parse_query({"q": [""], "per_page": ["100"]}))["results"]]
    related = [find_related(corpus, i, RelatedRequest(limit=20, scope=scope))["results"]
               for i in ids[::7] for scope in ("other", "all")]
    documents = [{k: v for k, v in d.items() if k != "ingested_at"} for d in corpus.documents]
    return {"documents": documents, "searches": searches, "answers": [ask(corpus, {"q": [q]}) for q in QUESTIONS],
            "related": related, "vocabulary": list(corpus.vocabulary.entries.values())}


@pytest.fixture(scope="module")
def changed(workspace, tmp_path_factory):
    """The seed with copies 1 and 2 built in one go, then copy 3 added, copy 1 removed and copy 2
    replaced, one change at a time."""
    folder = tmp_path_factory.mktemp("incremental")
    var = Workspace(folder / "var")
    copies = {k: write_copy(folder, k) for k in (1, 2, 3)}
    from index.formats import read_source

    build(var, default_sources() + [read_source(copies[k][0], title=copies[k][1]) for k in (1, 2)])
    first = var.current()
    assert len(segment_documents(first / "whoosh")) == 1  # one segment holds all three documents
    search_all(var)
    ingest_file(var, *copies[3])
    search_all(var)  # what a segment was found to hold is kept for the generations that keep it
    remove_document(var, "copy-1")
    search_all(var)
    path, title = write_copy(folder, 2, salt="\n")  # a changed text under the same id: replaced
    assert ingest_file(var, path, title).action == "replaced"
    return var


def search_all(workspace: Workspace) -> None:
    corpus = Library(workspace).current()
    for params in SEARCHES:
        run_search(corpus, parse_query(params))


def test_a_change_links_the_segments_it_keeps_and_indexes_only_what_it_must(changed):
    live = changed.current()
    segments = segment_documents(live / "whoosh")
    # Replacing copy 2 indexed it again with the seed, which shared its segment; copy 3 kept its own.
    assert sorted(sorted(docs) for _, docs in segments) == [
        ["copy-2", "iruma-6th-first-half-evaluation"], ["copy-3"]]
    previous = changed.finished()[1]
    shared = [s.make_filename(".seg") for s, docs in segments
              if (previous / "whoosh" / s.make_filename(".seg")).exists()]
    assert len(shared) == 1  # copy 3's segment: the same file, linked
    assert all(os.stat(live / "whoosh" / name).st_ino == os.stat(previous / "whoosh" / name).st_ino
               for name in shared)


def test_results_after_changes_equal_a_full_rebuild(changed, tmp_path):
    rebuilt = Workspace(tmp_path / "rebuilt")
    shutil.copytree(changed.root, rebuilt.root, symlinks=True)
    reindex(rebuilt)
    assert len(segment_documents(rebuilt.current() / "whoosh")) == 1
    expected = outputs(rebuilt)
    assert [d["id"] for d in expected["documents"]] == ["iruma-6th-first-half-evaluation", "copy-2", "copy-3"]
    assert expected["searches"][0]["total"] > 0 and expected["related"][0]
    assert expected["vocabulary"] and max(e.rows for e in expected["vocabulary"]) > 338  # summed over documents
    assert outputs(changed) == expected


def test_bulk_scores_are_whooshs_over_several_segments(changed):
    corpus = Library(changed).current()
    with corpus.searching() as searcher:
        assert len(searcher.leaf_searchers()) == 2
        for text in ("コロナ", "子育て支援", "高齢者 -介護"):
            query = to_query(understood(corpus, text).tree, corpus, [])
            expected = {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}
            found = scored_matches(searcher, query)
            assert found.keys() == expected.keys() and max(expected) > searcher.leaf_searchers()[1][1]
            assert all(found[d] == pytest.approx(s) for d, s in expected.items())


def test_the_vocabulary_counts_a_document_while_it_is_there(workspace, tmp_path):
    """Added alone in its own segment and removed again: the summed vocabulary follows both."""
    var = Workspace(tmp_path / "var")
    shutil.copytree(workspace.root, var.root, symlinks=True)
    before = Library(var).current().vocabulary.entries
    ingest_file(var, *write_copy(tmp_path, 4))
    added = Library(var).current().vocabulary.entries
    assert added["地区センター"].rows > before["地区センター"].rows
    remove_document(var, "copy-4")
    assert Library(var).current().vocabulary.entries == before
