"""A bounded cache of SPARQL answers for a store that cannot change under the server.

`gongwen serve` holds the embedded store's write lock, so no load can run beside it: an answer computed once
stays right, and a repeated query (the graph view, a shared link, a dashboard polling) costs a dictionary
lookup instead of an evaluation. Each key carries the store's generation, which every write bumps, so an app
built over a store that is written afterwards (a notebook, a test) never serves a stale answer. Stores that
others can write (a remote SPARQL server) have no generation and are never cached.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

MAX_ENTRY_BYTES = 4 * 1024 * 1024  # larger answers are cheaper to recompute than to hold


class ResultCache:
    """Least-recently-used answers, at most ``max_entries`` of them; safe under waitress's threads.

    >>> cache = ResultCache(2)
    >>> cache.put("a", b"1", "text/csv"); cache.put("b", b"2", "text/csv"); cache.get("a")
    (b'1', 'text/csv')
    >>> cache.put("c", b"3", "text/csv"); cache.get("b") is None   # b was the least recently used
    True
    """

    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[bytes, str]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> tuple[bytes, str] | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: Hashable, body: bytes, media_type: str) -> None:
        if self.max_entries <= 0 or len(body) > MAX_ENTRY_BYTES:
            return
        with self._lock:
            self._entries[key] = (body, media_type)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
