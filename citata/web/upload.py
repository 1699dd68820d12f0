"""POST /api/ingest: documents as JSON lines, added like `citata ingest` adds a .jsonl file.
Mounted only when the server runs with --allow-ingest; every request needs the server's token."""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import tempfile
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..archive import Archive
from ..backend import WriterBusy
from ..source import DEFAULT_MAX_BYTES
from . import models

router = APIRouter(prefix="/api")
bearer = HTTPBearer(auto_error=False)


def _authorised(request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]):
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode(), request.app.state.token.encode()):
        raise HTTPException(403, "a valid token is needed to ingest (Authorization: Bearer TOKEN)")


@router.post("/ingest", response_model=models.IngestReport, tags=["ingest"], dependencies=[Depends(_authorised)],
             responses={403: {"description": "Missing or wrong token"}, 413: {"description": "Body too large"},
                        409: {"description": "Another ingest is writing to the archive's file"}},
             openapi_extra={"requestBody": {"required": True, "content": {"application/x-ndjson": {
                 "schema": {"type": "string"},
                 "example": '{"id": "tass-1", "text": "…", "title": "…", "published": "2022-02-01", "outlet": "ТАСС"}'}}}})
async def ingest(request: Request):
    """Add or update documents: one JSON object per line with a `text` and optionally `id` (its
    source; default: a hash of the text), `url`, `title`, `published`, `outlet`. A line that cannot
    be read is reported in `errors` and the others are still added."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > DEFAULT_MAX_BYTES:
            raise HTTPException(413, f"the body is over {DEFAULT_MAX_BYTES} bytes")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "the body is not UTF-8") from None
    return await run_in_threadpool(_ingest, request.app, text)


def _with_ids(text: str) -> str:
    """Each record without an `id` gets one from its text, so sending it again changes nothing."""
    lines = []
    for line in text.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            record = None  # the reader reports it, with its line number
        if isinstance(record, dict) and isinstance(record.get("text"), str) and record.get("id") is None:
            record["id"] = "sha256:" + hashlib.sha256(record["text"].encode("utf-8", "surrogatepass")).hexdigest()
            line = json.dumps(record)  # ASCII: a lone surrogate in the text stays an escape
        lines.append(line)
    return "\n".join(lines) + "\n"


def _ingest(app, text: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="citata-upload-") as tmp:
        path = os.path.join(tmp, "request.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(_with_ids(text))
        with app.state.ingest_lock:  # one writer at a time
            try:
                report = Archive(app.state.db).ingest([path], workers=1)
            except WriterBusy:  # a `citata ingest` is writing to the SQLite file (whose path stays out)
                raise HTTPException(409, "another ingest is writing to the archive; try again when it"
                                         " has finished") from None
    return {"read": report.read, "new": report.new, "replaced": report.replaced, "unchanged": report.unchanged,
            "quotations": report.quotations,
            "errors": [{"source": e.source.replace(path, "line"), "reason": e.reason} for e in report.errors]}
