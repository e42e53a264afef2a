"""The process's search library: one shared, locked searcher per generation (see search/corpus.py)."""

from __future__ import annotations

from flask import Flask, current_app

from index.build import Workspace, ensure_built
from search.corpus import Corpus, Library
from search.settings import SETTINGS
from search.warmup import warm


def init_app(app: Flask) -> None:
    workspace = Workspace(app.config["VAR_DIR"])
    if app.config["BUILD_ON_START"]:
        if workspace.writable():
            ensure_built(workspace)
        else:
            app.logger.warning("%s is read-only: serving the index as built; it cannot be rebuilt, "
                               "and documents cannot be ingested or removed", workspace.root)
    # A reindex swapped in under load is opened and warmed in the background (search/warmup.py).
    app.extensions["hyoka"] = Library(workspace, warm=warm)


def get_corpus() -> Corpus:
    """The current corpus; a rebuild swapped in by another process is picked up here."""
    return current_app.extensions["hyoka"].current()


def get_settings() -> dict[str, int]:
    return {s.name: int(current_app.config[s.name.upper()]) for s in SETTINGS}
