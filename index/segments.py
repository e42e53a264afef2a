"""The Whoosh index of a generation as segments that each hold whole documents.

Whoosh segments are immutable, and a change never copies or deletes inside one (Whoosh's own
merge copies postings one by one in Python, slower than indexing the rows again, and deleted
documents would still count in its BM25 statistics). So a segment holds the rows of whole
documents (or a slice of one large document) and nothing else:

- adding a document writes new segments for its rows;
- removing one drops its segments; the other documents of a segment it shared are indexed again
  from their stored rows into new segments (at most ``SEGMENT_ROWS`` rows);
- the new generation links the segments it keeps from the live one (hard links: nothing is
  copied, and the live generation is never touched) and lists them with the new ones in its own
  table of contents.

With no deleted documents, Whoosh's statistics (document count, document frequencies, field
lengths) are sums over segments: scores are the same whatever the segments, so an index changed
document by document equals one built in one go. More segments cost a little per query;
``reindex`` groups every document into segments of about ``SEGMENT_ROWS`` rows again.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
from pathlib import Path
from typing import Callable

from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, create_in

from .schema import build_schema, concept_keys, index_document
from .tables import Tables

INDEX_NAME = "MAIN"  # Whoosh's default index name, in file names
SEGMENT_ROWS = 3_000  # rows per segment written in one go; a removal indexes at most this many again
PARALLEL_THRESHOLD = 5_000  # rows; below this one process is faster than two
WRITER_MB = 128

Progress = Callable[[int, int], None]
log = logging.getLogger(__name__)


def groups(records: list[dict], size: int = SEGMENT_ROWS) -> list[list[dict]]:
    """``records`` (in document order) cut into segments: whole documents up to ``size`` rows, a
    larger document in slices of ``size``. A segment never holds part of two documents."""
    by_document: dict[str, list[dict]] = {}
    for record in records:
        by_document.setdefault(record["document"], []).append(record)
    found: list[list[dict]] = []
    current: list[dict] = []
    for rows in by_document.values():
        if len(rows) > size:
            found += [rows[i:i + size] for i in range(0, len(rows), size)]
            continue
        if current and len(current) + len(rows) > size:
            found.append(current)
            current = []
        current = current + rows
    if current:
        found.append(current)
    return found


def segment_documents(folder: Path) -> list[tuple[object, set[str]]]:
    """The segments of an index with the documents each holds."""
    from whoosh.reading import SegmentReader

    storage = FileStorage(str(folder), readonly=True)
    toc = TOC.read(storage, INDEX_NAME)
    found = []
    for segment in toc.segments:
        reader = SegmentReader(storage, toc.schema, segment)
        try:
            found.append((segment, set(reader.column_reader("document"))))
        finally:
            reader.close()
    return found


def keep_segments(live: list[tuple[object, set[str]]], order: list[str], removed: set[str]):
    """``(kept (segment, documents) pairs, documents to index again)`` for a change from ``live``.

    A segment is kept when none of its documents goes and its documents still follow one another
    in ``order`` (no added document falls between them); otherwise its other documents are indexed
    again. Every segment then holds a run of consecutive documents, and the segments listed in
    document order number the rows exactly as an index built in one go does.
    """
    place = {d: n for n, d in enumerate(order)}
    kept, again = [], set()
    for segment, documents in live:
        places = sorted(place[d] for d in documents if d not in removed)
        if documents & removed or places != list(range(places[0], places[0] + len(places))):
            again |= documents - removed
        else:
            kept.append((segment, documents))
    return kept, again


def write_index(folder: Path, records: list[dict], tables: Tables, progress: Progress | None = None,
                order: list[str] | None = None, keep_from: Path | None = None,
                keep: list[tuple[object, set[str]]] = ()) -> None:
    """Create the Whoosh index in ``folder``: new segments for ``records`` (whole documents, in
    document order) and the segments ``keep`` (with their documents) of the index in ``keep_from``,
    linked rather than copied; every segment listed in the document ``order``."""
    folder.mkdir()
    for segment, _ in keep:
        name = segment.make_filename(".seg")
        os.link(keep_from / name, folder / name)
    place = {d: n for n, d in enumerate(order or dict.fromkeys(r["document"] for r in records))}
    parts = [part for run in _runs(records, place) for part in groups(run)]
    written = write_segments(folder, parts, tables, progress)
    segments = [s for s, _ in keep] + written
    starts = [min(place[d] for d in documents) for _, documents in keep] + [place[p[0]["document"]] for p in parts]
    ordered = [segments[n] for _, n in sorted(zip(starts, range(len(segments))))]
    TOC(build_schema(tables.correction_pairs()), ordered, 1).write(FileStorage(str(folder)), INDEX_NAME)


def _runs(records: list[dict], place: dict[str, int]) -> list[list[dict]]:
    """``records`` cut where a document does not follow the previous one in order (a kept segment
    holds the documents between): a new segment never spans a kept one."""
    runs: list[list[dict]] = []
    previous = None
    for record in records:
        here = place[record["document"]]
        if previous is None or here not in (previous, previous + 1):
            runs.append([])
        runs[-1].append(record)
        previous = here
    return runs


def write_segments(folder: Path, parts: list[list[dict]], tables: Tables, progress: Progress | None) -> list:
    """Index each part into a segment of its own in ``folder``; the segments, in order."""
    total = sum(len(p) for p in parts)
    log.info("indexing %d rows", total)
    if progress:
        progress(0, total)
    jobs = [(folder / f".part-{n}", part, tables) for n, part in enumerate(parts)]
    if total >= PARALLEL_THRESHOLD and len(parts) > 1 and (os.cpu_count() or 1) > 1:
        # Forked like the related analysis: spawning would import the caller's __main__.
        with multiprocessing.get_context("fork").Pool(2) as pool:
            done = 0
            for _, size in pool.imap_unordered(_write_part, list(enumerate(jobs))):
                done += size
                if progress:
                    progress(done, total)
    else:
        done = 0
        for n, job in enumerate(jobs):
            _write_part((n, job), lambda k: progress and progress(done + k, total))
            done += len(job[1])
    if progress:
        progress(total, total)
    segments = []
    for part_folder, _, _ in jobs:  # in order, so that the table of contents is the same every time
        for segment in TOC.read(FileStorage(str(part_folder)), INDEX_NAME).segments:
            name = segment.make_filename(".seg")
            os.rename(part_folder / name, folder / name)
            segments.append(segment)
        shutil.rmtree(part_folder)
    return segments


def _write_part(job, advance: Callable[[int], object] | None = None) -> tuple[int, int]:
    """Write one part into its own one-segment index; ``(part number, rows)``."""
    n, (part_folder, records, tables) = job
    corrections = tables.correction_pairs()
    keys = concept_keys(tables)
    part_folder.mkdir()
    ix = create_in(str(part_folder), build_schema(corrections))
    writer = ix.writer(limitmb=WRITER_MB)
    try:
        for count, row in enumerate(records, 1):
            writer.add_document(**index_document(row, row["position"], keys, corrections))
            if advance and count % 100 == 0:
                advance(count)
        writer.commit(merge=False)
    except BaseException:
        writer.cancel()
        raise
    return n, len(records)
