"""The index commands of ``hyoka-search``: build the index and add, list, check and remove documents.

They are Click commands (the whole command line is ``web/cli.py``, which adds the commands that
search). Problems with a file are printed as ``file:line: reason`` on stderr and exit with status
1; so are a full disk, a read-only ``var/`` and an unreadable documents store, in one line each.
On a terminal a long build shows Click's progress bar; elsewhere it logs a few quiet lines.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import sys
import time
import unicodedata
import warnings

import click

warnings.filterwarnings("ignore", category=SyntaxWarning)

from .build import default_workspace, ensure_built  # noqa: E402
from .docstore import StoreError  # noqa: E402
from .documents import (DocumentError, check_file, ingest_file, list_documents,  # noqa: E402
                        reindex, remove_document)
from .parse import ParseError  # noqa: E402
from .workspace import Workspace, WorkspaceError  # noqa: E402

# Commands that build a generation run at a lower CPU priority: a server on the same machine
# keeps answering quickly while a reindex runs beside it. HYOKA_BUILD_NICENESS=0 turns it off.
BUILD_NICENESS = 10

log = logging.getLogger("hyoka-search")


class ProgressBar:
    """A ``Progress`` callback (``done, total``) for a build: Click's bar with rows per second on a
    terminal (``indexing  [####------]  1200/3000  850 rows/s``), one log line at the end elsewhere."""

    def __init__(self, label: str = "indexing"):
        self.label = label
        self.tty = sys.stderr.isatty()
        self.bar = None
        self.started = 0.0
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self.bar is None or done == 0:
            self.started, self.done = now, 0
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr, show_pos=True,
                                         show_eta=False, item_show_func=lambda rate: rate)
            if not self.tty:
                self.bar.is_hidden = True  # no bar and no label: the log line below says it
        rate = f"{done / (now - self.started):.0f} rows/s" if now > self.started else ""
        if self.tty:
            self.bar.update(done - self.done, rate)
        self.done = done
        if done >= total:
            if self.tty:
                self.bar.render_finish()
            else:
                log.info("%s: %d rows in %.1f s (%s)", self.label, done, now - self.started, rate or "-")
            self.bar = None


def failure_message(error: Exception, workspace: Workspace) -> str:
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


def report(error: Exception) -> int | None:
    """Print an expected failure of an index command; its exit status (None: not one of them)."""
    if isinstance(error, ParseError):
        for problem in error.problems:
            click.echo(problem, err=True)
    elif isinstance(error, (DocumentError, StoreError, WorkspaceError)):
        click.echo(str(error), err=True)
    elif isinstance(error, (OSError, sqlite3.Error)):
        click.echo(failure_message(error, default_workspace()), err=True)
    else:
        return None
    return 1


def lower_priority() -> None:
    os.nice(int(os.environ.get("HYOKA_BUILD_NICENESS", BUILD_NICENESS)))


def configure_logging() -> None:
    # Quiet log lines when nobody watches a terminal; the progress bar replaces them on one.
    logging.basicConfig(level=logging.WARNING if sys.stderr.isatty() else logging.INFO,
                        format="%(asctime)s hyoka-search: %(message)s", stream=sys.stderr)


def text(ctx, param, value):
    """A command-line argument as Unicode text (NFC), so titles compare equal."""
    return unicodedata.normalize("NFC", value) if value else value


def document_options(command):
    command = click.option("--id", "doc_id", callback=text, help="The document's id (default: from the file name).")(command)
    command = click.option("--title", callback=text, help="The document's title (default: read from the file).")(command)
    return click.argument("file", type=click.Path(dir_okay=False))(command)


@click.command()
@click.option("--if-stale", is_flag=True, help="Only when missing or out of date (what `serve` does).")
def build(if_stale: bool) -> None:
    """Build the index from data/ and the stored documents."""
    workspace = default_workspace()
    if if_stale and not workspace.writable() and workspace.current() is not None:
        click.echo(f"{workspace.root} is read-only: the index is served as built ({workspace.current().name}); "
                   f"it cannot be checked or rebuilt", err=True)
        return
    lower_priority()
    if if_stale:
        built = ensure_built(workspace, progress=ProgressBar())
        click.echo(f"{'index built' if built else 'index is up to date'} ({workspace.current()})")
    else:
        click.echo(f"index built ({reindex(workspace, progress=ProgressBar())})")


@click.command()
@document_options
def ingest(file: str, title: str | None, doc_id: str | None) -> None:
    """Add or replace a document (.txt, .tsv, .csv, .xlsx); only its rows are indexed."""
    lower_priority()
    outcome = ingest_file(default_workspace(), file, title or "", doc_id or "", progress=ProgressBar())
    document = outcome.document
    if outcome.action == "unchanged":
        click.echo(f"unchanged: {document.id} is already stored with the same content; no rebuild needed")
    elif outcome.action == "duplicate":
        click.echo(f"unchanged: the same content is already stored as {outcome.twin}; no rebuild needed "
                   f"(use --id {outcome.twin} to replace it, or another --id to store a copy)")
    else:
        click.echo(f"{outcome.action} {document.id}: {outcome.rows} rows, 「{document.title}」 "
                   f"({outcome.generation.name})")


@click.command()
@document_options
def check(file: str, title: str | None, doc_id: str | None) -> None:
    """Parse a file and report its problems; store nothing."""
    source, parsed = check_file(file, title or "", doc_id or "")
    click.echo(f"{source.file}: ok, {len(parsed.records)} rows in {len(parsed.chapters)} chapters "
               f"(format {source.format}, id {source.id}, title 「{source.title}」)")


@click.command()
def documents() -> None:
    """List the stored documents with their row counts."""
    found = list_documents(default_workspace())
    if not found:
        click.echo("no index built yet (run: hyoka-search build)")
        return
    width = max(len(d["id"]) for d in found)
    click.echo(f"{'id'.ljust(width)}  {'rows':>5}  format  origin    title")
    for d in found:
        click.echo(f"{d['id'].ljust(width)}  {d['rows']:>5}  {d['format']:<6}  {d['origin']:<8}  {d['title']}")


@click.command()
@click.argument("document", callback=text)
def remove(document: str) -> None:
    """Remove an ingested document (by id or title); only its rows leave the index."""
    lower_priority()
    outcome = remove_document(default_workspace(), document, progress=ProgressBar())
    click.echo(f"removed {outcome.document.id} ({outcome.generation.name})")


@click.command(name="reindex")
def reindex_command() -> None:
    """Rebuild the whole index from the stored documents (e.g. after editing data/*.tsv)."""
    lower_priority()
    click.echo(f"reindexed ({reindex(default_workspace(), progress=ProgressBar()).name})")


COMMANDS = (build, ingest, check, documents, remove, reindex_command)
