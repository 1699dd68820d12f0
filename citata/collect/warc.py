"""Every response the collector receives, kept in WARC files (warcio), so that cleaning or
extraction can be re-run without the network and `citata ingest` of the files rebuilds the
archive.

Two series under the collector's folder:
- pages/: 200 responses to article URLs, the files `citata ingest` reads;
- other/: robots.txt, feeds, sitemaps, redirects and error pages, kept for the record but
  never ingested (an error page would otherwise be read as an article).

Each record is its own gzip member, flushed as soon as written. A file is written by one
run only; a run that dies mid-record leaves a torn last record, which `repair` cuts off.
"""
from __future__ import annotations

import io
import os
import time
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .fetch import Response

PAGES, OTHER = "pages", "other"
REQUESTED = "WARC-Citata-Requested-URI"  # an extension field: the URL asked for, when redirected
SUFFIX = ".warc.gz"
# Headers describing the bytes on the wire, which are stored decoded: dropped so a reader
# does not decode twice or look for chunks.
_WIRE_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


class Series:
    """Appends records to files <dir>/<prefix>-<n>.warc.gz, starting a new file past `max_records`
    records or `max_bytes`; `on_full` is told of each file so finished."""

    def __init__(self, folder: Path, prefix: str, on_open=None, on_full=None, max_records: int = 1 << 30,
                 max_bytes: int = 1 << 30):
        self.folder, self.prefix, self.on_open, self.on_full = folder, prefix, on_open, on_full
        self.max_records, self.max_bytes = max_records, max_bytes
        self.records = 0
        self.files: list[Path] = []
        self.folder.mkdir(parents=True, exist_ok=True)
        self.fh = None
        self.path: Path | None = None
        self.count = 0

    def _open(self) -> None:
        self.count += 1
        self.path = self.folder / f"{self.prefix}-{self.count:03d}{SUFFIX}"
        if self.on_open:
            self.on_open(self.path)  # remembered before its first byte, so a crash leaves it findable
        self.files.append(self.path)
        self.fh = open(self.path, "ab")
        self.writer = WARCWriter(self.fh, gzip=True)

    def write(self, response: Response) -> tuple[Path, int]:
        """Write one response; returns its file and offset once it is on disk."""
        if self.fh is not None and (self.fh.tell() > self.max_bytes or self.records >= self.max_records):
            self.close()
            if self.on_full:  # every record in it is written and accounted for: it can be ingested
                self.on_full(self.path)
        if self.fh is None:
            self._open()
            self.records = 0
        headers = [(k, v) for k, v in response.headers if k.lower() not in _WIRE_HEADERS]
        headers.append(("Content-Length", str(len(response.body))))
        status = f"{response.status} {response.reason}".strip()
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        target = response.final_url or response.url
        warc_headers = {"WARC-Date": _now()}
        if target != response.url:  # redirected: the URL the collector asked for, to find its row again
            warc_headers[REQUESTED] = response.url
        record = self.writer.create_warc_record(target, "response", payload=io.BytesIO(response.body),
                                                http_headers=http, warc_headers_dict=warc_headers)
        offset = self.fh.tell()
        self.writer.write_record(record)
        self.fh.flush()
        self.records += 1
        return self.path, offset

    def close(self) -> None:
        if self.fh is not None:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
            self.fh = None


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def records(path: Path) -> Iterator[tuple[str, int, int]]:
    """(URL asked for, offset, end) of every whole response record, in order; stops at a torn one."""
    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        try:
            for record in it:
                url = (record.rec_headers.get_header(REQUESTED)
                       or record.rec_headers.get_header("WARC-Target-URI"))
                rec_type = record.rec_type
                record.content_stream().read()
                if getattr(record.raw_stream, "limit", 0) > 0:
                    return  # the declared length is not all there
                offset, length = it.get_record_offset(), it.get_record_length()
                if rec_type == "response":
                    yield url, offset, offset + length
        except Exception:  # warcio reports a torn gzip member or header in several ways
            return


def repair(path: Path) -> list[str]:
    """Cut a file back to its last whole record; returns the URLs of the whole records."""
    urls, end = [], 0
    for url, _, stop in records(path):
        urls.append(url)
        end = stop
    if path.stat().st_size > end:
        with open(path, "r+b") as fh:
            fh.truncate(end)
    return urls
