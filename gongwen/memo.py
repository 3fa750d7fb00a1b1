"""Values worked out from a whole store (the citation index, the home page's counts), kept until it changes.

An embedded store bumps its ``generation`` on every write, so a value is computed again exactly when the
data under it changed. A remote SPARQL server has no generation (other clients write to it), so a value of
it is computed again once it is ``max_age`` seconds old.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class StoreMemo(Generic[T]):
    """``build(store)``, computed on first use and again after the store is written; safe to share between a
    server's threads (one computes while the others wait for it).

    >>> from gongwen.store import GraphData, Store
    >>> store = Store.open()
    >>> size = StoreMemo(store, len)
    >>> size.get()
    0
    >>> store.replace_graphs([GraphData("urn:g", "<urn:a> <urn:b> <urn:c> .")])
    >>> size.get()
    1
    """

    def __init__(self, store, build: Callable[[object], T], max_age: float = 60.0):
        self.store = store
        self.build = build
        self.max_age = max_age
        self._lock = threading.Lock()
        self._kept: tuple[object, T] | None = None

    def get(self) -> T:
        generation = getattr(self.store, "generation", None)
        version = generation if generation is not None else int(time.monotonic() // self.max_age)
        with self._lock:
            if self._kept is None or self._kept[0] != version:
                self._kept = (version, self.build(self.store))
            return self._kept[1]
