"""Where the benchmark keeps its builds (``var/bench/``, git-ignored) and how it makes them."""

from __future__ import annotations

import warnings
from pathlib import Path

warnings.filterwarnings("ignore", category=SyntaxWarning)

from bench import peer  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
BENCH_VAR = PROJECT / "var" / "bench"


def scale_dir(scale: int) -> Path:
    return BENCH_VAR / f"x{scale}"


def workspace_root(scale: int) -> Path:
    return scale_dir(scale) / "hyoka"


def peer_database(scale: int) -> Path:
    return scale_dir(scale) / "peer.db"


def one_x() -> tuple[Path, Path]:
    """The embedded document built into its own workspace, and the peer database of its rows."""
    from index.build import Workspace, ensure_built

    workspace = Workspace(workspace_root(1))
    ensure_built(workspace)
    database = peer_database(1)
    source = workspace.database()
    if not database.exists() or database.stat().st_mtime < source.stat().st_mtime:
        peer.build_database(source, database)
    peer.ensure_installed()
    return workspace.root, database
