"""A small thread-safe cache bounded by the total size of what it holds."""

from __future__ import annotations

import threading
from collections import OrderedDict


# What the results cache holds is counted in score entries: a document number and its score in
# a dict, about 85 bytes (measured with tracemalloc). The other values, in those units:
RECORD_SIZE = 75  # a record as a result, with its texts and highlights (about 6 KB)
CITATION_SIZE = 12  # a quoted sentence of an answer (about 1 KB)
UNDERSTANDING_SIZE = 20  # a query's understanding (about 1.5 KB)


class SizedCache:
    """A least-recently-used map bounded by the total size of its values (``len`` of each)."""

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.size = 0
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
                return item[0]
            return None

    def get_or_make(self, key, make, size=lambda value: 1):
        """The value kept for ``key``, else ``make()``, kept with ``size`` of it. ``make`` runs
        outside the lock, since it may use this cache too: two threads may both make the same value."""
        value = self.get(key)
        if value is None:
            value = make()
            self.put(key, value, size(value))
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.size = 0

    def put(self, key, value, size: int = 1) -> None:
        with self._lock:
            if key in self._items:
                self.size -= self._items.pop(key)[1]
            self._items[key] = (value, size)
            self.size += size
            while self.size > self.capacity and len(self._items) > 1:
                self.size -= self._items.popitem(last=False)[1][1]
