"""A time budget for matching one search: past it, the search returns what it has found.

``engine.select`` opens a budget around the matching of a request; the scoring of a query
(segment by segment, ``scoring``) and the engine's word-by-word evaluation ask ``exhausted()``
as they go and stop there, and the response says the results were cut short. The budget
counts the CPU time of the request's own thread, so a busy machine (or a request waiting for
the shared searcher) does not cut an ordinary search short, while one request can never take
more than its share; the garbage collector's pauses are left out.
"""

from __future__ import annotations

import gc
import threading
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .limits import MATCH_BUDGET_SECONDS


def spent_here() -> float:
    """The CPU time of this thread, less what Python's garbage collector took in it: a full
    collection in a large process takes up to 0.4 s (measured) wherever it falls, which is no work
    of the request it interrupts and would cut an ordinary search short at random."""
    return time.thread_time() - getattr(_collecting, "spent", 0.0)


_collecting = threading.local()


def _count_collection(phase: str, info: dict) -> None:
    now = time.thread_time()
    if phase == "start":
        _collecting.started = now
    else:
        _collecting.spent = getattr(_collecting, "spent", 0.0) + now - getattr(_collecting, "started", now)


gc.callbacks.append(_count_collection)


@dataclass
class Budget:
    seconds: float
    deadline: float = field(init=False)
    truncated: bool = False

    def __post_init__(self):
        self.deadline = spent_here() + self.seconds

    def exhausted(self) -> bool:
        if spent_here() > self.deadline:
            self.truncated = True
        return self.truncated


_current: ContextVar[Budget | None] = ContextVar("hyoka_budget", default=None)


@contextmanager
def budget() -> Iterator[Budget]:
    """A budget for the matching done inside the ``with`` block; inside another one, that one
    (the searches a request makes, e.g. to suggest others, share one budget)."""
    active = _current.get()
    if active is not None:
        yield active
        return
    spent = Budget(MATCH_BUDGET_SECONDS)  # read now: a test may change it
    token = _current.set(spent)
    try:
        yield spent
    finally:
        _current.reset(token)


def exhausted() -> bool:
    """Whether the current request's budget is spent (never, outside a budget)."""
    spent = _current.get()
    return spent is not None and spent.exhausted()


def truncated() -> bool:
    """Whether something was left unmatched for lack of time in the current request."""
    spent = _current.get()
    return spent is not None and spent.truncated


def within_budget(items: Iterable) -> Iterator:
    """``items`` while the budget lasts; the first one always (a search returns something)."""
    for number, item in enumerate(items):
        if number and exhausted():
            return
        yield item
