"""Where generations live: ``generations/<name>/{hyoka.db,whoosh/}``, the ``current`` symlink to the
one being served, the documents store and the build lock.

A generation is never changed once it is swapped in: a change writes a new one beside it and
replaces ``current`` in one ``rename``. When ``current`` is missing, dangling or points at a broken
generation (a disk error, an operator's mistake), the newest intact generation serves instead.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import shutil
import sqlite3
import uuid
from contextlib import contextmanager
from pathlib import Path

DATABASE_NAME = "hyoka.db"
INDEX_NAME = "whoosh"
STORE_NAME = "documents.db"
LOCK_NAME = "build.lock"
KEEP_GENERATIONS = 2
TEMPORARY_PREFIX = ".tmp-"

log = logging.getLogger(__name__)


class WorkspaceError(RuntimeError):
    """The workspace cannot be used as asked (read-only, a planted symlink, nothing intact)."""


def is_intact(generation: Path) -> bool:
    """Whether a generation can be served: its database answers and every index file is there."""
    try:
        connection = sqlite3.connect(f"file:{generation / DATABASE_NAME}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        if connection.execute("select value from meta where key = 'fingerprint'").fetchone() is None:
            return False
    except sqlite3.Error:  # not a database, or a truncated one
        return False
    finally:
        connection.close()
    return index_files_present(generation / INDEX_NAME)


def index_files_present(folder: Path) -> bool:
    """The Whoosh index has a table of contents and the segment files it lists."""
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import TOC

    try:
        toc = TOC.read(FileStorage(str(folder), readonly=True), "MAIN")
    except Exception:  # no TOC, an unreadable one, or a schema that no longer unpickles
        return False
    return all((folder / s.make_filename(".seg")).is_file() for s in toc.segments if s.is_compound())


class Workspace:
    """A build directory (``var/`` or ``$HYOKA_VAR_DIR``)."""

    def __init__(self, root: Path | str):
        self.root = Path(root)
        self.generations = self.root / "generations"
        self.current_link = self.root / "current"
        self.store_path = self.root / STORE_NAME

    def linked(self) -> Path | None:
        """The generation ``current`` points at, whether or not it is intact."""
        try:
            target = os.readlink(self.current_link)
        except OSError:
            return None
        return self.root / target

    def current(self) -> Path | None:
        """The generation to serve: the linked one, else the newest intact one; None before any build."""
        linked = self.linked()
        if linked is not None and is_intact(linked):
            return linked
        fallback = next((g for g in self.finished() if is_intact(g)), None)
        if fallback is not None:
            log.warning("%s is missing or broken; using the newest intact generation %s",
                        self.current_link, fallback.name)
        return fallback

    def database(self) -> Path | None:
        current = self.current()
        return current / DATABASE_NAME if current else None

    def finished(self) -> list[Path]:
        """Every completed generation, newest first (names start with their UTC time)."""
        if not self.generations.is_dir():
            return []
        return sorted((p for p in self.generations.iterdir() if not p.name.startswith(".")),
                      key=lambda p: p.name, reverse=True)

    def writable(self) -> bool:
        return os.access(self.root if self.root.exists() else self.root.parent, os.W_OK)

    @contextmanager
    def lock(self):
        """One change at a time per workspace.

        The lock file is opened without following a symlink: one planted there would otherwise
        let a build truncate or lock whatever file it points at.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / LOCK_NAME
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise WorkspaceError(f"{path} is a symbolic link; refusing to follow it "
                                     f"(remove it and try again)") from None
            raise
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def temporary(self) -> Path:
        """A fresh directory for a generation being built; ``prune`` removes it if the build dies."""
        self.generations.mkdir(parents=True, exist_ok=True)
        path = self.generations / f"{TEMPORARY_PREFIX}{uuid.uuid4().hex}"
        path.mkdir()
        return path

    def swap(self, generation: Path) -> None:
        link = self.root / f".current-{uuid.uuid4().hex}"
        os.symlink(generation.relative_to(self.root), link)
        os.replace(link, self.current_link)
        fsync_dir(self.root)

    def prune(self) -> None:
        """Remove failed builds and all but the newest generations (never the one being served)."""
        if not self.generations.exists():
            return
        for path in self.generations.iterdir():
            if path.name.startswith(TEMPORARY_PREFIX):
                shutil.rmtree(path, ignore_errors=True)
        live = self.current()
        # The newest intact generations stay, for a server still reading one and as a fallback.
        keep = [live] + [p for p in self.finished() if p != live and is_intact(p)][:KEEP_GENERATIONS - 1]
        for path in self.finished():
            if path not in keep:
                shutil.rmtree(path, ignore_errors=True)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
