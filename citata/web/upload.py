"""POST /api/ingest: documents as JSON lines, added like `citata ingest` adds a .jsonl file.
Mounted only when the server runs with --allow-ingest; every request needs the server's token.

Ingest runs in one worker process (`IngestQueue`), off the server's threads: a request waits for
its turn without holding a thread, at most `MAX_WAITING` wait (more are answered 503), reads never
wait on a write (they have their own connections and the worker runs at a lower priority), and
the server stops the worker whatever it is doing when it shuts down."""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import multiprocessing
import os
import queue
import signal
import tempfile
import threading
from concurrent.futures import Future
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..archive.backend import WriterBusy
from ..source import DEFAULT_MAX_BYTES
from . import models

router = APIRouter(prefix="/api")
bearer = HTTPBearer(auto_error=False)

MAX_WAITING = 4  # requests queued behind the one being ingested: each holds its body, up to 8 MB
RETRY_AFTER = "10"  # seconds, for a client told the queue is full


class Busy(Exception):
    """The queue is full."""


class Stopped(Exception):
    """The server is shutting down."""


class IngestQueue:
    """Ingest requests, one at a time, in a worker process started on first use (and again
    should it die)."""

    def __init__(self, db, max_waiting: int = MAX_WAITING):
        self.db = db
        self.jobs: queue.Queue = queue.Queue(max_waiting)
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self.process = None
        self.conn = None
        self.stopping = threading.Event()

    def full(self) -> bool:
        return self.jobs.full()

    def submit(self, text: str) -> Future:
        """A future of the report for the JSON lines `text`; Busy when the queue is full."""
        if self.stopping.is_set():
            raise Stopped
        with self.lock:
            if self.thread is None:
                self.thread = threading.Thread(target=self._run, name="citata-ingest", daemon=True)
                self.thread.start()
        future: Future = Future()
        try:
            self.jobs.put_nowait((text, future))
        except queue.Full:
            raise Busy from None
        return future

    def _run(self) -> None:
        while not self.stopping.is_set():
            try:
                text, future = self.jobs.get(timeout=0.5)
            except queue.Empty:
                continue
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(self.ingest(text))
            except BaseException as exc:  # noqa: BLE001 - the request that waits gets it
                future.set_exception(exc)

    def ingest(self, text: str) -> dict:
        """The report for the JSON lines `text`, ingested by the worker process (started if none
        runs), on the calling thread: the queue's thread calls it for one request at a time."""
        if self.process is None or not self.process.is_alive():
            self._start()
        self.conn.send(text)
        while not self.conn.poll(0.2):
            if self.stopping.is_set():
                raise Stopped
            if not self.process.is_alive():
                self.process = None
                raise RuntimeError("the ingest worker ended unexpectedly")
        result = self.conn.recv()
        if "busy" in result:
            raise WriterBusy(result["busy"])
        if "failed" in result:
            raise RuntimeError(result["failed"])
        return result

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")  # a clean interpreter, not a copy of the server
        parent, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(self.db, child), name="citata-ingest", daemon=True)
        self.process.start()
        child.close()
        self.conn = parent

    def close(self) -> None:
        """Stop now: the document being ingested is abandoned (its batch is not committed, so the
        archive stays as it was before it) and waiting requests are told the server is stopping."""
        self.stopping.set()
        while True:
            try:
                _, future = self.jobs.get_nowait()
            except queue.Empty:
                break
            if future.set_running_or_notify_cancel():
                future.set_exception(Stopped())
        process = self.process
        if process is not None and process.is_alive():
            process.terminate()
            process.join(2)
            if process.is_alive():
                process.kill()
                process.join(1)


def _worker(db, conn) -> None:
    """The worker process: one request at a time from `conn`, each answered with its report."""
    from ..archive.ingest import exit_when_orphaned

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the server, which stops this process
    os.nice(10)  # reads come first
    threading.Thread(target=exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    while True:
        try:
            text = conn.recv()
        except EOFError:
            return
        try:
            conn.send(_ingest(db, text))
        except WriterBusy as exc:  # a `citata ingest` is writing to the SQLite file: the client may retry
            conn.send({"busy": str(exc)})
        except Exception as exc:  # the archive itself failed: the request is told, the worker goes on
            conn.send({"failed": f"{type(exc).__name__}: {' '.join(str(exc).split())}"})


def _authorised(request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]):
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode(), request.app.state.token.encode()):
        raise HTTPException(403, "a valid token is needed to ingest (Authorization: Bearer TOKEN)")


def _busy() -> HTTPException:
    return HTTPException(503, f"{MAX_WAITING} ingest requests are already waiting; try again later",
                         headers={"Retry-After": RETRY_AFTER})


@router.post("/ingest", response_model=models.IngestReport, tags=["ingest"], dependencies=[Depends(_authorised)],
             responses={403: {"description": "Missing or wrong token"}, 413: {"description": "Body too large"},
                        409: {"description": "Another ingest is writing to the archive's file"},
                        503: {"description": "Too many ingest requests waiting, or the server is stopping"}},
             openapi_extra={"requestBody": {"required": True, "content": {"application/x-ndjson": {
                 "schema": {"type": "string"},
                 "example": '{"id": "tass-1", "text": "…", "title": "…", "published": "2022-02-01", "outlet": "ТАСС"}'}}}})
async def ingest(request: Request):
    """Add or update documents: one JSON object per line with a `text` and optionally `id` (its
    source; default: a hash of the text), `url`, `title`, `published`, `outlet`. A line that cannot
    be read is reported in `errors` and the others are still added. Requests are ingested one at
    a time; when several are already waiting the answer is 503 with Retry-After."""
    jobs: IngestQueue = request.app.state.ingest_queue
    if jobs.full():  # before reading a body there is no room for
        raise _busy()
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > DEFAULT_MAX_BYTES:
            raise HTTPException(413, f"the body is over {DEFAULT_MAX_BYTES} bytes")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "the body is not UTF-8") from None
    try:
        return await asyncio.wrap_future(jobs.submit(text))
    except Busy:
        raise _busy() from None
    except Stopped:
        raise HTTPException(503, "the server is stopping", headers={"Retry-After": RETRY_AFTER}) from None
    except WriterBusy:  # the file's path stays out of the answer
        raise HTTPException(409, "another ingest is writing to the archive; try again when it has finished") from None


def _with_ids(text: str) -> str:
    """Each record without an `id` gets one from its text, so sending it again changes nothing."""
    lines = []
    for line in text.splitlines():
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            record = None  # the reader reports it, with its line number
        if isinstance(record, dict) and isinstance(record.get("text"), str) and record.get("id") is None:
            record["id"] = "sha256:" + hashlib.sha256(record["text"].encode("utf-8", "surrogatepass")).hexdigest()
            line = json.dumps(record)  # ASCII: a lone surrogate in the text stays an escape
        lines.append(line)
    return "\n".join(lines) + "\n"


def _ingest(db, text: str) -> dict:
    from ..archive import Archive

    with tempfile.TemporaryDirectory(prefix="citata-upload-") as tmp:
        path = os.path.join(tmp, "request.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(_with_ids(text))
        report = Archive(db).ingest([path], workers=1)
    return {"read": report.read, "new": report.new, "replaced": report.replaced, "unchanged": report.unchanged,
            "quotations": report.quotations,
            "errors": [{"source": e.source.replace(path, "line"), "reason": e.reason} for e in report.errors]}
