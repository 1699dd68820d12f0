"""What the collector remembers, in the archive itself (tables in backend.COLLECT_SCHEMA):
URLs with their state and validators, each source's last run, and the WARC files."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass

from ..archive.backend import COLLECT_SCHEMA, open_backend

def now() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())


@dataclass
class SourceRun:
    url: str
    name: str
    kind: str
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    error: str | None = None
    not_modified: bool = False


class State:
    def __init__(self, db: str | os.PathLike):
        self.backend = open_backend(db)
        self.conn = self.backend.connect(create=True)
        # An archive made before `collect` existed (PostgreSQL makes its schema once) gets the tables now.
        self.conn.executescript(COLLECT_SCHEMA)

    def close(self) -> None:
        self.conn.close()

    def _one(self, sql: str, params):
        return self.conn.execute(sql, params).fetchone()

    # ------------------------------------------------------------ feeds and sitemaps

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self._one("SELECT etag, last_modified FROM collect_urls WHERE url = ?", (url,))
        return (row[0], row[1]) if row else (None, None)

    def listing_fetched(self, url: str, kind: str, source: str, http_status: int | None,
                        etag: str | None, last_modified: str | None, error: str | None) -> None:
        """A feed's or sitemap's fetch. Validators are kept from the last good response only, and
        written after the pages it listed (add_pages), so a crash between the two costs a refetch."""
        status = "failed" if error else "ok"
        self.conn.execute(
            "INSERT INTO collect_urls (url, kind, source, status, attempts, etag, last_modified, http_status,"
            " error, first_seen, fetched_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (url) DO UPDATE SET status = excluded.status, attempts = collect_urls.attempts + 1,"
            " etag = CASE WHEN excluded.error IS NULL THEN excluded.etag ELSE collect_urls.etag END,"
            " last_modified = CASE WHEN excluded.error IS NULL THEN excluded.last_modified"
            "  ELSE collect_urls.last_modified END,"
            " http_status = excluded.http_status, error = excluded.error, fetched_at = excluded.fetched_at",
            (url, kind, source, status, etag, last_modified, http_status, error, now(), now()))

    # ------------------------------------------------------------ pages

    def add_pages(self, source: str, pages: list[tuple[str, str | None]]) -> tuple[int, int]:
        """Remember listed pages as new unless already known; returns (added, already known)."""
        listed = dict(pages)  # a feed may list a page twice
        with self.backend.transaction(self.conn):
            # Known ones asked for first: a row count is not to be had in PostgreSQL's pipeline mode.
            known = self._existing(list(listed))
            self.conn.executemany(
                "INSERT INTO collect_urls (url, kind, source, status, listed, first_seen)"
                " VALUES (?, 'page', ?, 'new', ?, ?) ON CONFLICT (url) DO NOTHING",
                [(url, source, date, now()) for url, date in listed.items() if url not in known])
        return len(listed) - len(known), len(known)

    def _existing(self, urls: list[str], status_not: str | None = None) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(urls), 500):
            chunk = urls[i:i + 500]
            sql = f"SELECT url FROM collect_urls WHERE url IN ({', '.join('?' * len(chunk))})"
            params = list(chunk)
            if status_not:
                sql += " AND status <> ?"
                params.append(status_not)
            found.update(r[0] for r in self.conn.execute(sql, params).fetchall())
        return found

    def pending(self, source: str, limit: int, max_attempts: int) -> list[str]:
        """Pages of a source still to fetch, newest listed first."""
        rows = self.conn.execute(
            "SELECT url FROM collect_urls WHERE source = ? AND kind = 'page' AND status IN ('new', 'failed')"
            " AND attempts < ? ORDER BY COALESCE(listed, '') DESC, first_seen, url LIMIT ?",
            (source, max_attempts, limit)).fetchall()
        return [r[0] for r in rows]

    def page_fetched(self, url: str, http_status: int | None, warc: str, offset: int) -> None:
        self.conn.execute(
            "UPDATE collect_urls SET status = 'fetched', attempts = attempts + 1, http_status = ?, error = NULL,"
            " warc = ?, warc_offset = ?, fetched_at = ? WHERE url = ?",
            (http_status, warc, offset, now(), url))

    def page_failed(self, url: str, http_status: int | None, error: str, permanent: bool) -> None:
        self.conn.execute(
            "UPDATE collect_urls SET status = ?, attempts = attempts + 1, http_status = ?, error = ?,"
            " fetched_at = ? WHERE url = ?",
            ("gone" if permanent else "failed", http_status, error, now(), url))

    def mark_kept(self, urls: list[str], warc: str) -> int:
        """Pages found whole in a WARC file that a crashed run wrote: fetched, whatever the
        table says (the crash may have come between the record and the row)."""
        with self.backend.transaction(self.conn):
            stale = self._existing(urls, status_not="fetched")
            self.conn.executemany(
                "UPDATE collect_urls SET status = 'fetched', error = NULL, warc = ?, fetched_at = ? WHERE url = ?",
                [(warc, now(), url) for url in sorted(stale)])
        return len(stale)

    def status(self, url: str) -> str | None:
        row = self._one("SELECT status FROM collect_urls WHERE url = ?", (url,))
        return row[0] if row else None

    def counts(self) -> dict[str, int]:
        return {status: n for status, n in self.conn.execute(
            "SELECT status, COUNT(*) FROM collect_urls WHERE kind = 'page' GROUP BY status")}

    # ------------------------------------------------------------ WARC files

    def warc(self, path: str, status: str) -> None:
        self.conn.execute("INSERT INTO collect_warcs (path, status) VALUES (?, ?)"
                          " ON CONFLICT (path) DO UPDATE SET status = excluded.status", (path, status))

    def warcs(self, status: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT path FROM collect_warcs WHERE status = ? ORDER BY path", (status,))]

    # ------------------------------------------------------------ sources

    def source_done(self, run: SourceRun, next_fetch: str | None) -> None:
        self.conn.execute(
            "INSERT INTO collect_sources (url, name, kind, last_fetch, next_fetch, new, unchanged, failed, pages,"
            " last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
            " name = excluded.name, kind = excluded.kind, last_fetch = excluded.last_fetch,"
            " next_fetch = excluded.next_fetch, new = excluded.new, unchanged = excluded.unchanged,"
            " failed = excluded.failed, pages = collect_sources.pages + excluded.new,"
            " last_error = excluded.last_error",
            (run.url, run.name, run.kind, now(), next_fetch, run.new, run.unchanged, run.failed, run.new, run.error))


def sources(conn) -> list[dict]:
    """Each source's last run, for the web UI (a reader's connection; [] before the first collect)."""
    try:
        rows = conn.execute(
            "SELECT s.url, s.name, s.kind, s.last_fetch, s.next_fetch, s.new, s.unchanged, s.failed, s.pages,"
            " s.last_error, (SELECT COUNT(*) FROM collect_urls u WHERE u.source = s.url AND u.kind = 'page'"
            " AND u.status IN ('new', 'failed')) AS pending FROM collect_sources s ORDER BY s.name, s.url").fetchall()
    except Exception:  # an archive without the tables: sqlite3.OperationalError, psycopg's UndefinedTable
        return []
    return [dict(r) for r in rows]
