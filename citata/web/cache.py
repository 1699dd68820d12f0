"""Responses kept between two writes to the archive: every read page and API answer is a function
of the archive and the request alone, and most are asked for again and again while nothing is
written. SQLite says cheaply whether another connection has committed (`PRAGMA data_version`), so
a response is served again until then; PostgreSQL has no such signal, and nothing is kept there.

What went into the key: the request's scheme, host, path, query and cookies (the interface
language is a cookie; next-page links carry the host). Only complete 200 answers to GET are kept,
up to `LARGEST` bytes each and `BUDGET` bytes in all, least recently used out first."""
from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict

from ..archive import Archive

BUDGET = 32 * 2**20
LARGEST = 2**20
# Not kept: the ingest endpoint (its answers depend on more than the archive), files that never
# change, the API's documentation.
PASSED = ("/api/ingest", "/static/", "/swagger-ui/", "/docs", "/openapi.json")


class Versions:
    """The archive's write generation, as a reader connection of its own sees it (None: not known,
    and always None for PostgreSQL). Asked from the event loop: one statement, no waiting on writers."""

    def __init__(self, db: str | os.PathLike | None):
        with Archive(db) as archive:
            self.path = archive.path if archive.version() is not None else None
            self.backend = archive.backend
        self.conn = None
        self.lock = threading.Lock()

    def __call__(self) -> int | None:
        if self.path is None:
            return None
        with self.lock:
            try:
                if self.conn is None:
                    self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=0.2, check_same_thread=False)
                return self.backend.data_version(self.conn)
            except sqlite3.Error:  # busy, or the file gone: this request is served without the cache
                return None


class ResponseCache:
    """ASGI middleware: GET answers kept per write generation of the archive."""

    def __init__(self, app, db: str | os.PathLike | None = None, budget: int = BUDGET, largest: int = LARGEST):
        self.app = app
        self.versions = Versions(db)
        self.budget, self.largest = budget, largest
        self.entries: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()
        self.size = 0
        self.at = None  # the generation the entries belong to

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(PASSED):
            return await self.app(scope, receive, send)
        version = self.versions()
        if version is None:
            return await self.app(scope, receive, send)
        if version != self.at:
            self.entries.clear()
            self.size, self.at = 0, version
        headers = scope.get("headers") or []
        key = (scope.get("scheme"), scope.get("root_path"), scope["path"], scope.get("query_string"),
               tuple(v for k, v in headers if k in (b"host", b"cookie")))
        kept = self.entries.get(key)
        if kept is not None:
            self.entries.move_to_end(key)
            status, raw_headers, body = kept
            await send({"type": "http.response.start", "status": status, "headers": raw_headers})
            await send({"type": "http.response.body", "body": body})
            return
        start, chunks, size = None, [], 0

        async def keep(message):
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
            await send(message)

        await self.app(scope, receive, keep)
        # Kept only if nothing was written meanwhile: what was read may be older or newer.
        if (start is None or start["status"] != 200 or size > self.largest or self.versions() != version
                or version != self.at):
            return
        body = b"".join(chunks)
        self.entries[key] = (200, list(start.get("headers", [])), body)
        self.size += len(body)
        while self.size > self.budget and self.entries:
            _, (_, _, old) = self.entries.popitem(last=False)
            self.size -= len(old)
