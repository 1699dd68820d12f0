"""`citata ingest`: read inputs, skip what the archive already holds, process
the rest on every core (or on Dask workers), write in input order.

The parent reads and hashes each document; one whose source is in the
archive with the same hash is skipped before any processing. Batches go to
worker processes (each loads natasha once) that run `pipeline.process` and
compute index terms and signatures: a local process pool, or with `--dask`
the workers of a dask.distributed cluster (citata.archive.distributed); the rest is
the same code either way. The parent alone writes, one
transaction per batch (or per run of batches that are ready together), in the
order the batches were sent, so an interrupted run leaves a prefix of the
input written and a rerun completes it. Several ingests may write into one
PostgreSQL archive at once (citata.archive.store).
"""
from __future__ import annotations

import gc
import gzip
import hashlib
import json
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..clean.templates import SiteTemplates, page_shapes, site_of
from ..lemmas import lemma_string
from ..model import RawDocument, ReadError
from ..pipeline import BATCH_SIZE as PIPELINE_BATCH
from ..pipeline import DOC_TIMEOUT
from ..source import DEFAULT_MAX_BYTES, JSONL_SUFFIXES, open_regular, read, walk
from .store import Prepared, Store

BATCH_SIZE = 16  # small enough that a commit follows every few seconds of work
# The most documents one transaction takes: when results wait for the writer, the ready ones are
# written together (fewer commits and cross-document queries per document).
WRITE_BATCH = 256


@dataclass
class IngestReport:
    read: int = 0
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    quotations: int = 0  # written by this run
    errors: list[ReadError] = field(default_factory=list)


def content_hash(raw: RawDocument) -> str:
    h = hashlib.sha256()
    h.update(json.dumps([raw.layout, raw.meta], ensure_ascii=False, sort_keys=True, default=str).encode())
    h.update(b"\0")
    h.update(raw.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def prepare(batch: list[tuple[RawDocument, str]], nlp_batch: int = PIPELINE_BATCH,
            sites: SiteTemplates | None = None, doc_timeout: float | None = None,
            tsvectors: bool = False) -> list[Prepared | ReadError]:
    """Worker side: the full pipeline (NER over `nlp_batch` documents at a time, each document
    within its `doc_timeout` budget), then index terms and signatures. `sites`: the site templates
    the archive held when the run began. `tsvectors`: PostgreSQL's full-text rows built here too
    (`Store.tsvectors`), so that the archive's one writer does not wait for the server to stem."""
    from ..pipeline import process
    from .syndication import signature

    hashes = {id(raw): h for raw, h in batch}
    by_source = {raw.source: hashes[id(raw)] for raw, _ in batch}
    out: list[Prepared | ReadError] = []
    # registry=False: the writer links identities across the archive (Store.write).
    # Site templates as the archive held them when the run began: what a page becomes does
    # not depend on how the run was split into batches or spread over workers.
    for item in process([raw for raw, _ in batch], registry=False, batch_size=nlp_batch,
                        sites=sites, learn_sites=False, doc_timeout=doc_timeout):
        if isinstance(item, ReadError):
            out.append(item)
            continue
        site = site_of(item.url, item.outlet)
        shapes = page_shapes(item.raw) if site else None
        removed = [item.raw[b.start:b.end] for b in item.boilerplate]  # the raw input itself is not kept
        item.raw, item.segments = "", []  # not stored; spares the trip back to the parent
        prepared = Prepared(item, by_source[item.source], lemma_string(item.text),
                            [lemma_string(q.content.text) for q in item.quotes], signature(item.text), removed,
                            site=site, shapes=shapes)
        out.append(prepared.with_tsvectors() if tsvectors else prepared)
    return out


def prepare_packed(*args) -> bytes:
    """`prepare` in a worker process: its results pickled here, as one bytes object, for `unpack`
    in the writer's process (whose executor then moves bytes, not objects)."""
    return pickle.dumps(prepare(*args), protocol=pickle.HIGHEST_PROTOCOL)


def unpack(results: bytes | list) -> list:
    """The writer's side of `prepare_packed` (a list from `prepare` itself passes through). The
    cycle collector is paused meanwhile: an article unpickles into about 180 containers, and the
    collections their allocation starts (finding no cycle among them) took a third to half of the
    unpickling's CPU (benchmarks/bench_handoff.py). A batch's objects are few enough to wait."""
    if not isinstance(results, bytes):
        return results
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(results)
    finally:
        if enabled:
            gc.enable()


def _init_worker() -> None:
    from ..nlp import morph, ner_tagger

    # A parent killed outright (kill -9) cannot stop its pool; workers would wait for work forever.
    threading.Thread(target=exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    ner_tagger(), morph()


def exit_when_orphaned(parent: int) -> None:
    """In a worker process's thread: end the process once `parent` is gone."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value

    def done(self) -> bool:
        return True


class _Serial:
    """Runs each batch in the parent as it is submitted: nothing is left pending."""

    window = 0
    batches_per_task = 1
    prepare = staticmethod(prepare)  # in this process: nothing to pickle

    def submit(self, fn, *args):
        return _Done(fn(*args))

    def close(self) -> None:
        pass


class _ProcessPool:
    def __init__(self, workers: int):
        # spawn: workers start from a clean interpreter, not a copy of a parent holding the database
        # open, and are the parent's own children, so they can tell when it is gone.
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_init_worker)
        self.window = 2 * workers  # tasks pending beyond the one being written: keeps every worker busy
        self.batches_per_task = 1
        self.prepare = prepare_packed

    def submit(self, fn, *args) -> Future:
        return self.pool.submit(fn, *args)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class _CtrlC:
    """Ctrl-C during an ingest, noted by the handler and acted on between two transactions.
    Python's own handler raises KeyboardInterrupt wherever the main thread happens to be, and
    code there may swallow it: a garbage-collector callback of Dask's scheduler did, printing a
    traceback, and the run went on to the end. Checked at fixed points instead, the run stops
    as soon as the batch in hand is written, leaving a prefix of the input. Only the main
    thread can take signals; elsewhere (an ingest on a thread) nothing changes."""

    def __init__(self):
        self.pressed = False
        self.previous = None

    def install(self) -> None:
        if (threading.current_thread() is threading.main_thread()
                and signal.getsignal(signal.SIGINT) is signal.default_int_handler):
            self.previous = signal.signal(signal.SIGINT, self._note)

    def _note(self, signum, frame) -> None:
        self.pressed = True

    def check(self) -> None:
        if self.pressed:
            raise KeyboardInterrupt

    def result(self, future):
        """`future.result()`, checking for Ctrl-C while it waits. By polling: a Dask future's
        result(timeout=…) that times out can leave the client without the result."""
        while not future.done():
            self.check()
            time.sleep(0.01)
        return future.result()

    def restore(self) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
            self.previous = None


def _executor(dask: str | None, workers: int | None):
    """Where `prepare` runs. Each has submit(fn, *args) -> object with result(), the function
    it submits for `prepare` (`prepare_packed` where the results cross processes), a window of
    tasks that may be pending before the oldest is written, how many batches one task
    carries, and close()."""
    if dask:
        from .distributed import DaskExecutor

        return DaskExecutor(dask, workers)
    workers = workers or len(os.sched_getaffinity(0))
    return _ProcessPool(workers) if workers > 1 else _Serial()


def _absolute(paths: Iterable[str]) -> Iterable[str]:
    # Sources are recorded by absolute path, so "examples/" and "./examples" are one source.
    # Lazily: `citata collect` hands over WARC files as it closes them, while it fetches more.
    return (p if p == "-" else os.path.abspath(p) for p in paths)


def estimate_total(paths: Iterable[str]) -> int:
    """Documents under `paths`, for the progress bar: files, and lines of JSON-lines files."""
    total = 0
    for path in paths:
        files = [str(p) for p in walk(Path(path))] if os.path.isdir(path) else [path]
        for f in files:
            if f.lower().endswith(JSONL_SUFFIXES):
                try:
                    with open_regular(f) as raw, (gzip.GzipFile(fileobj=raw) if f.endswith(".gz") else raw) as fh:
                        # Line ends counted in chunks: a line of a gigabyte is never held whole.
                        total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b"")) or 1
                except (OSError, EOFError, ValueError, zlib.error):
                    total += 1
            else:
                total += 1
    return total


class Progress:
    """One self-rewriting line on stderr: done/total, documents/s, ETA."""

    def __init__(self, total: int, stream=sys.stderr):
        self.total, self.stream = max(total, 1), stream
        self.start = self.last = time.monotonic()

    def update(self, done: int, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < 0.25:
            return
        self.last = now
        rate = done / max(now - self.start, 1e-9)
        left = max(self.total - done, 0)
        eta = time.strftime("%H:%M:%S", time.gmtime(left / rate)) if rate > 0 else "--:--:--"
        width = 30
        filled = min(width, int(width * done / self.total))
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} documents"
                          f"  {rate:.1f} documents/s  ETA {eta} ")
        self.stream.flush()

    def close(self, done: int) -> None:
        self.update(done, force=True)
        self.stream.write("\n")


def ingest(paths: Iterable[str], db: str | os.PathLike, workers: int | None = None,
           on_error: Callable[[ReadError], None] | None = None, progress: bool = False,
           max_bytes: int = DEFAULT_MAX_BYTES, batch_size: int = BATCH_SIZE,
           dask: str | None = None, doc_timeout: float | None = DOC_TIMEOUT,
           site_templates: bool = True) -> IngestReport:
    """`dask`: "local" or a scheduler's address runs `prepare` on dask.distributed workers
    (citata.archive.distributed); otherwise `workers` local processes (every core by default).
    `doc_timeout`: see `citata.pipeline.process` (Dask's worker threads cannot enforce it)."""
    paths = _absolute(paths)
    if progress:
        paths = list(paths)  # counted first for the bar
    report = IngestReport()
    bar = Progress(estimate_total(paths)) if progress else None
    # Workers first: a cluster that cannot be reached leaves the archive untouched.
    pool = _executor(dask, workers)
    try:
        store = Store(db)
    except BaseException:
        pool.close()
        raise
    done = 0
    # Site templates: what earlier, finished runs taught the archive, sent with every batch;
    # this run's pages are counted as they are written and used from the next run on.
    sites = store.site_templates() if site_templates else None

    def fail(err: ReadError) -> None:
        report.errors.append(err)
        if on_error:
            on_error(err)

    def write(results: list[Prepared | ReadError]) -> None:
        nonlocal done
        good = [r for r in results if isinstance(r, Prepared)]
        for r in results:
            if isinstance(r, ReadError):
                fail(r)
        new, replaced = store.write(good)
        report.new += new
        report.replaced += replaced
        report.quotations += sum(len(p.doc.quotes) for p in good)
        done += len(results)
        if bar:
            bar.update(done)

    pending: deque = deque()
    seen: dict[str, str] = {}
    ctrl_c = _CtrlC()
    try:
        batch: list[tuple[RawDocument, str]] = []

        def write_ready() -> None:
            # The oldest result, and those after it that are ready too, in one transaction.
            results = unpack(ctrl_c.result(pending.popleft()))
            while pending and pending[0].done() and len(results) < WRITE_BATCH:
                results = results + unpack(pending.popleft().result())
            ctrl_c.check()
            write(results)

        def submit() -> None:
            pending.append(pool.submit(pool.prepare, batch, batch_size, sites, doc_timeout, store.tsvectors))
            while len(pending) > pool.window:
                write_ready()

        ctrl_c.install()
        for item in read(paths, max_bytes=max_bytes):
            ctrl_c.check()
            report.read += 1
            if isinstance(item, ReadError):
                fail(item)
                done += 1
                continue
            h = content_hash(item)
            if seen.get(item.source) == h or (item.source not in seen and store.hash_of(item.source) == h):
                report.unchanged += 1
                done += 1
                if bar:
                    bar.update(done)
                continue
            seen[item.source] = h
            batch.append((item, h))
            if len(batch) >= batch_size * pool.batches_per_task:
                submit()
                batch = []
        if batch:
            submit()
        while pending:
            write_ready()
        ctrl_c.check()
        store.settle_site_templates()
    finally:
        ctrl_c.restore()
        pool.close()
        store.close()
        if bar:
            bar.close(done)
    return report
