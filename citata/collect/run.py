"""A collection run: discover pages in every source's feed or sitemap, fetch the new ones
into WARC files, then ingest those files through the ordinary path (citata.archive.ingest).

Nothing is fetched twice and nothing is lost across crashes, because the WARC files are
the record: a page's row says "fetched" only once its response is on disk, and a run
begins by cutting any torn record off the files a crashed run left open and marking the
pages they hold whole as fetched (the crash may have come between record and row). Files
not yet ingested are ingested by the next run; ingest itself skips what it already holds.
"""
from __future__ import annotations

import asyncio
import fcntl
import itertools
import logging
import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..archive.backend import ArchiveError, is_url
from ..archive.ingest import IngestReport
from ..model import ReadError
from . import warc
from .fetch import Fetcher, Response, host_key
from .listing import ListingError, parse
from .sources import Settings, Source
from .state import SourceRun, State

log = logging.getLogger("citata.collect")
MAX_CHILD_SITEMAPS = 50  # per sitemap index per run, newest first
PAGES_PER_FILE = 100     # pages per WARC file: the ingest starts on a file as soon as it is full


class CollectError(Exception):
    """The run cannot start (another collector holds the archive, no folder for WARC files)."""


@dataclass
class RunReport:
    sources: list[SourceRun] = field(default_factory=list)
    fetched: int = 0          # pages written to WARC this run
    failed: int = 0           # pages that failed this run
    not_modified: int = 0     # conditional GETs answered 304
    recovered: int = 0        # pages found whole in files a crashed run left open
    ingest: IngestReport | None = None

    def lines(self) -> list[str]:
        """The run's summary for people: one line per source, then the totals."""
        out = []
        for s in self.sources:
            extra = " (not modified)" if s.not_modified else ""
            error = f"; last error: {s.error}" if s.error else ""
            out.append(f"  {s.name or s.url}: {s.new} new, {s.unchanged} unchanged, {s.failed} failed{extra}{error}")
        out.append(f"  pages: {self.fetched} fetched, {self.failed} failed; "
                   f"{self.not_modified} feed(s) not modified (conditional GET)"
                   + (f"; {self.recovered} recovered from an interrupted run" if self.recovered else ""))
        if self.ingest:
            i = self.ingest
            out.append(f"  ingest: {i.new} new articles, {i.replaced} replaced, {i.unchanged} unchanged, "
                       f"{len(i.errors)} unreadable, {i.quotations} quotations")
        return out


def data_folder(db: str | os.PathLike) -> Path:
    """Where the WARC files of an archive go: beside an SQLite file (citata.db -> citata-collect/);
    for a PostgreSQL archive, $XDG_DATA_HOME/citata/collect."""
    if is_url(db):
        base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
        return Path(base) / "citata" / "collect"
    db = Path(db)
    return db.with_name(db.stem + "-collect")


class _Lock:
    """One collector per archive: a second would cut the first's open WARC file as torn."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.fh = open(folder / "collect.lock", "w")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.fh.close()
            raise CollectError(f"another `citata collect` is running on this archive ({folder})") from None

    def release(self) -> None:
        self.fh.close()


def collect(db: str | os.PathLike, sources: list[Source], settings: Settings | None = None,
            folder: str | os.PathLike | None = None, workers: int | None = None, ingest: bool = True,
            on_error: Callable[[ReadError], None] | None = None, progress: bool = False,
            next_fetch: str | None = None) -> RunReport:
    """One run over `sources` into the archive `db`; returns what happened.

    Fetching runs in a thread of its own (an asyncio loop) while this one ingests: each WARC
    file of pages is handed over as soon as it is full (`PAGES_PER_FILE`), so processing
    overlaps the network's waits instead of following them."""
    settings = settings or Settings()
    folder = Path(folder) if folder else data_folder(db)
    lock = _Lock(folder)
    state = State(db)
    report = RunReport()
    try:
        _recover(state, report)
        ready: queue.Queue = queue.Queue()
        for path in state.warcs("closed"):  # earlier runs' files not yet ingested
            if Path(path).parent == folder / warc.PAGES:
                ready.put(path)
        run = _Run(db, settings, folder, report, progress, ready.put)
        fetching = threading.Thread(target=run.thread, args=(sources,), name="citata-collect-fetch", daemon=True)
        fetching.start()
        try:
            handed: list[str] = []
            if ingest:
                report.ingest = _ingest(db, _handed_over(ready, state, handed), workers, on_error)
                for path in handed:
                    state.warc(path, "ingested")
            else:
                for _ in _handed_over(ready, state, handed):
                    pass
        finally:
            run.stop()  # at once if this thread was interrupted; else the fetching is over already
            fetching.join()
        if run.error is not None:
            raise run.error
        for s in report.sources:
            state.source_done(s, next_fetch)
    finally:
        state.close()
        lock.release()
    return report


def _handed_over(ready: queue.Queue, state: State, handed: list[str]) -> Iterator[str]:
    """The WARC files of pages as the fetching thread finishes them, until it ends (None)."""
    while (path := ready.get()) is not None:
        if not os.path.exists(path):
            log.warning("%s: gone from disk; its pages cannot be ingested", path)
            state.warc(path, "missing")
            continue
        handed.append(path)
        yield path


def _recover(state: State, report: RunReport) -> None:
    for path in state.warcs("open"):
        p = Path(path)
        if p.exists():
            urls = warc.repair(p)
            if p.parent.name == warc.PAGES:
                n = state.mark_kept(urls, path)
                report.recovered += n
                log.info("%s: left open by an interrupted run; %d whole record(s) kept, %d page(s) marked fetched",
                         p.name, len(urls), n)
        state.warc(path, "closed")


def _ingest(db, paths: Iterator[str], workers: int | None,
            on_error: Callable[[ReadError], None] | None) -> IngestReport:
    from ..archive import Archive

    first = next(paths, None)  # a run that brings no page starts no worker processes
    if first is None:
        return IngestReport()
    with Archive(db) as archive:
        return archive.ingest(itertools.chain([first], paths), workers=workers, on_error=on_error)


class _Run:
    """The fetching side of a run, in its own thread with its own connection to the archive."""

    def __init__(self, db, settings: Settings, folder: Path, report: RunReport, progress: bool,
                 hand_over: Callable[[str | None], None]):
        self.db, self.settings, self.folder, self.report = db, settings, folder, report
        self.progress, self.hand_over = progress, hand_over
        self.queues: dict[str, asyncio.Queue] = {}
        self.workers: list[asyncio.Task] = []
        self.queued = 0
        self.error: BaseException | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.task: asyncio.Task | None = None
        self.stopping = False

    def thread(self, sources: list[Source]) -> None:
        self.state = State(self.db)
        try:
            asyncio.run(self.main(sources))
        except BaseException as exc:  # re-raised by the ingesting thread
            self.error = exc
        finally:
            self.state.close()
            self.hand_over(None)

    def stop(self) -> None:
        self.stopping = True
        if self.loop is not None and self.task is not None:
            try:
                self.loop.call_soon_threadsafe(self.task.cancel)
            except RuntimeError:  # the loop is closed: the fetching is over
                pass

    async def main(self, sources: list[Source]) -> None:
        self.loop, self.task = asyncio.get_running_loop(), asyncio.current_task()
        if self.stopping:
            return
        state = self.state
        prefix = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + f"-{os.getpid()}"
        opened = lambda p: state.warc(str(p), "open")  # noqa: E731
        self.pages = warc.Series(self.folder / warc.PAGES, prefix, opened, self._full, max_records=PAGES_PER_FILE)
        self.other = warc.Series(self.folder / warc.OTHER, prefix, opened, self._full)
        try:
            async with Fetcher(self.settings) as fetcher:
                self.fetcher = fetcher
                fetcher.on_robots = self.keep
                ticker = asyncio.create_task(self._tick()) if self.progress else None
                runs = [SourceRun(s.url, s.name, s.kind) for s in sources]
                self.report.sources += runs  # in the order given, whatever order they finish in
                await asyncio.gather(*(self.source(s, run) for s, run in zip(sources, runs)))
                for q in self.queues.values():  # discovery is over: each worker ends when its queue is empty
                    for _ in range(self.settings.per_host):
                        q.put_nowait(None)
                await asyncio.gather(*self.workers)
                if ticker:
                    ticker.cancel()
                    self._line(final=True)
        finally:
            self.pages.close()
            self.other.close()
        # Only a run that ends normally vouches for its last files: every page in them has its row.
        # After an interruption (Ctrl+C included) they stay "open" and the next run checks them
        # record by record.
        for series in (self.pages, self.other):
            if series.files:
                self._full(series.files[-1])

    def _full(self, path: Path) -> None:
        """A finished file: its pages all have their rows (a record and its row are written with
        no await between them), so it is closed and, if it holds pages, handed to the ingest."""
        self.state.warc(str(path), "closed")
        if path.parent.name == warc.PAGES:
            self.hand_over(str(path))

    # ------------------------------------------------------------ sources

    async def source(self, src: Source, run: SourceRun) -> None:
        try:
            await self.listing(src, src.url, src.kind, run, child=False)
        except Exception as exc:  # a bug on one source must not end the others' run
            run.error, run.failed = f"{type(exc).__name__}: {exc}", run.failed + 1
            log.exception("source %s: %s", src.label, run.error)
        for url in self.state.pending(src.url, self.settings.max_pages, self.settings.max_attempts):
            self.enqueue(run, url)

    async def listing(self, src: Source, url: str, kind: str, run: SourceRun, child: bool) -> None:
        etag, modified = self.state.validators(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        r = await self.fetcher.get(url, headers)
        self.keep(r)
        if r.status == 304 and r.ok:
            self.report.not_modified += 1
            run.not_modified = run.not_modified or not child
            self.state.listing_fetched(url, kind, src.url, 304, etag, modified, None)
            return
        error = r.error or (None if r.status == 200 else f"HTTP {r.status} {r.reason}".strip())
        listing = None
        if error is None:
            try:
                listing = parse(r.body, r.final_url, self.settings.max_bytes, r.header("content-type"))
            except ListingError as exc:
                error = str(exc)
        where = f"{src.name} ({url})" if src.name else url
        if listing is None:
            run.failed += 1
            run.error = error if url == src.url else f"{url}: {error}"
            log.warning("source %s: %s", where, error)
            self.state.listing_fetched(url, kind, src.url, r.status, None, None, error)
            return
        if listing.warning:
            log.warning("source %s: %s", where, listing.warning)
        _, known = self.state.add_pages(src.url, listing.pages)
        run.unchanged += known
        if listing.sitemaps and not child:
            newest = sorted(listing.sitemaps, key=lambda s: s[1] or "", reverse=True)[:MAX_CHILD_SITEMAPS]
            for sub, _ in newest:
                await self.listing(src, sub, "sitemap", run, child=True)
        self.state.listing_fetched(url, listing.kind, src.url, r.status, r.header("etag"),
                                   r.header("last-modified"), None)

    # ------------------------------------------------------------ pages

    def enqueue(self, run: SourceRun, url: str) -> None:
        key = host_key(url)
        if key not in self.queues:
            # A host's own workers: a slow host holds up its own queue, nobody else's.
            self.queues[key] = asyncio.Queue()
            self.workers += [asyncio.create_task(self._worker(self.queues[key]))
                             for _ in range(self.settings.per_host)]
        self.queues[key].put_nowait((run, url))
        self.queued += 1

    async def _worker(self, queue: asyncio.Queue) -> None:
        while (item := await queue.get()) is not None:
            run, url = item
            try:
                await self.page(run, url)
            except Exception as exc:  # one page's bug: logged, the page retried next run
                run.failed += 1
                self.report.failed += 1
                log.exception("%s: %s: %s", url, type(exc).__name__, exc)

    async def page(self, run: SourceRun, url: str) -> None:
        if self.state.status(url) == "fetched":  # listed by two sources in one run
            return
        r = await self.fetcher.get(url)
        for hop in r.history:
            self.other.write(hop)
        ctype = (r.header("content-type") or "").lower()
        if r.ok and r.status == 200 and "html" in ctype:
            path, offset = self.pages.write(r)
            self.state.page_fetched(url, r.status, str(path), offset)
            run.new += 1
            self.report.fetched += 1
            return
        if r.status is not None:
            self.other.write(r)
        if r.ok:
            reason, permanent = (f"not an HTML page ({ctype or 'no Content-Type'})" if r.status == 200
                                 else f"unexpected HTTP {r.status}"), True
        else:
            reason, permanent = r.error, r.permanent
        self.state.page_failed(url, r.status, reason, permanent)
        run.failed += 1
        self.report.failed += 1
        log.warning("%s: %s%s", url, reason, "" if permanent else " (tried again next run)")

    def keep(self, r: Response) -> None:
        """A response that is not a page (robots.txt, feed, sitemap, redirects) goes to other/."""
        for hop in r.history:
            self.other.write(hop)
        if r.status is not None:
            self.other.write(r)

    # ------------------------------------------------------------ progress

    async def _tick(self) -> None:
        while True:
            self._line()
            await asyncio.sleep(0.5)

    def _line(self, final: bool = False) -> None:
        r = self.report
        sys.stderr.write(f"\rcitata collect: {r.fetched} fetched, {r.failed} failed, "
                         f"{max(self.queued - r.fetched - r.failed, 0)} waiting"
                         f" on {len(self.queues)} host(s) " + ("\n" if final else ""))
        sys.stderr.flush()


def parse_interval(text: str) -> float:
    """"15m", "1h", "90s" or "90" -> seconds."""
    text = text.strip().lower()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    try:
        if text and text[-1] in units:
            return float(text[:-1]) * units[text[-1]]
        return float(text)
    except ValueError:
        raise ValueError(f"not an interval: {text!r} (e.g. 15m, 1h, 90s)") from None


def collect_every(db, sources: list[Source], interval: float, rounds: int | None = None,
                  on_report: Callable[[RunReport], None] | None = None, sleep=time.sleep, **kw) -> int:
    """Run `collect` every `interval` seconds (from one start to the next) until `rounds` runs
    are done (None: for ever). A run that fails as a whole (the database unreachable) is
    logged and the next one comes as planned; returns how many runs failed so."""
    failed, done = 0, 0
    while rounds is None or done < rounds:
        started = time.monotonic()
        planned = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(time.time() + interval))
        try:
            report = collect(db, sources, next_fetch=planned, **kw)
            if on_report:
                on_report(report)
        except (ArchiveError, CollectError, OSError) as exc:
            failed += 1
            log.error("run failed: %s; next run at %s UTC", exc, planned)
        except Exception as exc:  # a bug met on one run's data: a service keeps going
            failed += 1
            log.exception("run failed: %s: %s; next run at %s UTC", type(exc).__name__, exc, planned)
        done += 1
        if rounds is None or done < rounds:
            sleep(max(0.0, interval - (time.monotonic() - started)))
    return failed
