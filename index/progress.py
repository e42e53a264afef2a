"""Progress of a long build: a bar with rows per second on a terminal, two log lines otherwise."""

from __future__ import annotations

import logging
import sys
import time
from typing import TextIO

log = logging.getLogger(__name__)

BAR_WIDTH = 30
REDRAW_SECONDS = 0.1


class ProgressBar:
    """A ``Progress`` callback (``done, total``) for ``build``.

    On a terminal it redraws one line, ``indexing [#####.....] 1200/3000 rows 850 rows/s``;
    elsewhere (a log file, a pipe, CI) it logs the start and the end only.
    """

    def __init__(self, label: str = "indexing", stream: TextIO | None = None, tty: bool | None = None):
        self.label = label
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.started = self.drawn = None

    def rate(self, done: int) -> float:
        elapsed = time.monotonic() - self.started
        return done / elapsed if elapsed > 0 else 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self.started is None or done == 0:
            self.started, self.drawn = now, None
        finished = done >= total
        if not self.tty:
            if finished:
                log.info("%s: %d rows in %.1f s (%.0f rows/s)", self.label, done, now - self.started,
                         self.rate(done))
            return
        if self.drawn is not None and now - self.drawn < REDRAW_SECONDS and not finished:
            return
        self.drawn = now
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total} rows {self.rate(done):.0f} rows/s")
        if finished:
            self.stream.write("\n")
        self.stream.flush()
