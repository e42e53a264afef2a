"""The ``hyoka-search`` command: build the index and add, list, check and remove documents.

Problems with a file are printed as ``file:line: reason`` on stderr and exit with status 1.
On a terminal a long build shows a progress bar; elsewhere it logs a few quiet lines.
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import sqlite3
import sys
import unicodedata
import warnings

warnings.filterwarnings("ignore", category=SyntaxWarning)

from .build import default_workspace, ensure_built  # noqa: E402
from .docstore import StoreError  # noqa: E402
from .documents import (DocumentError, check_file, ingest_file, list_documents,  # noqa: E402
                        reindex, remove_document)
from .parse import ParseError  # noqa: E402
from .progress import ProgressBar  # noqa: E402
from .workspace import WorkspaceError  # noqa: E402

# Commands that build a generation run at a lower CPU priority: a server on the same machine
# keeps answering quickly while a reindex runs beside it. HYOKA_BUILD_NICENESS=0 turns it off.
BUILD_NICENESS = 10
BUILDING = {"build", "ingest", "remove", "reindex"}


def cmd_build(args) -> int:
    workspace = default_workspace()
    if args.if_stale and not workspace.writable() and workspace.current() is not None:
        print(f"{workspace.root} is read-only: the index is served as built ({workspace.current().name}); "
              f"it cannot be checked or rebuilt", file=sys.stderr)
        return 0
    if args.if_stale:
        built = ensure_built(workspace, progress=ProgressBar())
        print("index built" if built else "index is up to date", f"({workspace.current()})")
    else:
        print(f"index built ({reindex(workspace, progress=ProgressBar())})")
    return 0


def cmd_ingest(args) -> int:
    outcome = ingest_file(default_workspace(), args.file, args.title or "", args.id or "",
                          progress=ProgressBar())
    document = outcome.document
    if outcome.action == "unchanged":
        print(f"unchanged: {document.id} is already stored with the same content; no rebuild needed")
    elif outcome.action == "duplicate":
        print(f"unchanged: the same content is already stored as {outcome.twin}; no rebuild needed "
              f"(use --id {outcome.twin} to replace it, or another --id to store a copy)")
    else:
        print(f"{outcome.action} {document.id}: {outcome.rows} rows, 「{document.title}」 "
              f"({outcome.generation.name})")
    return 0


def cmd_documents(args) -> int:
    documents = list_documents(default_workspace())
    if not documents:
        print("no index built yet (run: hyoka-search build)")
        return 0
    width = max(len(d["id"]) for d in documents)
    print(f"{'id'.ljust(width)}  {'rows':>5}  format  origin    title")
    for d in documents:
        print(f"{d['id'].ljust(width)}  {d['rows']:>5}  {d['format']:<6}  {d['origin']:<8}  {d['title']}")
    return 0


def cmd_remove(args) -> int:
    outcome = remove_document(default_workspace(), args.document, progress=ProgressBar())
    print(f"removed {outcome.document.id} ({outcome.generation.name})")
    return 0


def cmd_reindex(args) -> int:
    print(f"reindexed ({reindex(default_workspace(), progress=ProgressBar()).name})")
    return 0


def cmd_check(args) -> int:
    source, parsed = check_file(args.file, args.title or "", args.id or "")
    chapters = len(parsed.chapters)
    print(f"{source.file}: ok, {len(parsed.records)} rows in {chapters} chapters "
          f"(format {source.format}, id {source.id}, title 「{source.title}」)")
    return 0


def text(value: str) -> str:
    """A command-line argument as Unicode text (NFC), so titles compare equal."""
    return unicodedata.normalize("NFC", value)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="hyoka-search", description="hyoka-search index and documents")
    commands = main.add_subparsers(dest="command", required=True)
    sub = commands.add_parser("build", help="build the index from data/ and the stored documents")
    sub.add_argument("--if-stale", action="store_true", help="only when missing or out of date")
    sub.set_defaults(run=cmd_build)
    for name, run, help_text in (("ingest", cmd_ingest, "add or replace a document (.txt, .tsv, .csv, .xlsx)"),
                                 ("check", cmd_check, "parse a file and report its problems; store nothing")):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("file", help="the document file")
        sub.add_argument("--title", type=text, help="the document's title (default: read from the file)")
        sub.add_argument("--id", type=text, help="the document's id (default: from the file name)")
        sub.set_defaults(run=run)
    commands.add_parser("documents", help="list the stored documents with their row counts").set_defaults(
        run=cmd_documents)
    sub = commands.add_parser("remove", help="remove an ingested document and rebuild")
    sub.add_argument("document", type=text, help="the document's id or title")
    sub.set_defaults(run=cmd_remove)
    commands.add_parser("reindex", help="rebuild the index from the stored documents").set_defaults(
        run=cmd_reindex)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command in BUILDING:
        os.nice(int(os.environ.get("HYOKA_BUILD_NICENESS", BUILD_NICENESS)))
    # Quiet log lines when nobody watches a terminal; the progress bar replaces them on one.
    logging.basicConfig(level=logging.WARNING if sys.stderr.isatty() else logging.INFO,
                        format="%(asctime)s hyoka-search: %(message)s", stream=sys.stderr)
    try:
        return args.run(args)
    except ParseError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    except (DocumentError, StoreError, WorkspaceError) as error:
        print(error, file=sys.stderr)
        return 1
    except (OSError, sqlite3.Error) as error:
        print(failure_message(error, default_workspace()), file=sys.stderr)
        return 1


def failure_message(error: Exception, workspace) -> str:
    """One line for a failure of the file system: what failed and that nothing changed."""
    unchanged = "nothing was changed; the previous index keeps serving"
    if isinstance(error, sqlite3.Error):
        if "disk is full" in str(error):
            return f"hyoka-search: no space left on the device of {workspace.root}; {unchanged}"
        return f"hyoka-search: a database in {workspace.root} could not be written ({error}); {unchanged}"
    where = f" {error.filename}" if error.filename else f" {workspace.root}"
    if error.errno == errno.ENOSPC:
        return f"hyoka-search: no space left on the device of{where}; {unchanged}"
    if error.errno == errno.EROFS:
        return (f"hyoka-search: {workspace.root} is on a read-only file system: documents cannot be "
                f"built, ingested or removed (the built index can still be served)")
    return f"hyoka-search: cannot write{where}: {error.strerror or error}; {unchanged}"


if __name__ == "__main__":
    sys.exit(main())
