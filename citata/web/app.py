"""The application: `create_app(db)` serves the archive's JSON API under /api (OpenAPI docs at
/docs) and the HTML pages; ingest over HTTP only when asked for, behind a token."""
from __future__ import annotations

import os
import threading
from contextlib import asynccontextmanager
from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from ..archive import Archive, ArchiveError
from . import api, pages, upload
from .cache import ResponseCache

# The pages run no inline script and load nothing from elsewhere; should escaping ever fail,
# the browser still refuses to run what an article smuggled in.
PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none';"
               " base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class Archives:
    """One `Archive` (one SQLite connection) per server thread: sqlite3 connections must stay
    in the thread that opened them, and FastAPI runs endpoints in a thread pool."""

    def __init__(self, db: str | os.PathLike | None):
        self.db = db
        self.local = threading.local()

    def get(self) -> Archive:
        if not hasattr(self.local, "archive"):
            self.local.archive = Archive(self.db)
        return self.local.archive


def create_app(db: str | os.PathLike | None = None, allow_ingest: bool = False, token: str | None = None) -> FastAPI:
    """The ASGI application over the archive `db` (default: $CITATA_DB, else the XDG data dir).
    Read-only unless `allow_ingest`, which needs a `token` (clients send `Authorization: Bearer TOKEN`)."""
    if allow_ingest:
        if not token:
            raise ValueError("ingest over HTTP needs a token (--token or $CITATA_TOKEN)")
        Archive(db).ingest([], workers=1)  # creates an empty archive if there is none yet
    with Archive(db) as archive:
        archive.stats()  # a missing or unreadable archive fails here, not on the first request
    jobs = upload.IngestQueue(db) if allow_ingest else None

    @asynccontextmanager
    async def lifespan(app):
        yield
        if jobs is not None:
            jobs.close()  # whatever it is doing: the server stops within seconds

    app = FastAPI(title="citata", version="0.1.0", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Who said what, where and when: quotations, speakers and articles of a citata archive. "
                              "Text parameters take at most 200 characters; pages at most 500 items.")
    app.state.archives = Archives(db)
    app.state.db = db
    app.mount("/static", StaticFiles(directory=str(files(__package__).joinpath("static"))), name="static")
    # Swagger UI from a package, not a CDN: the docs work offline.
    app.mount("/swagger-ui", StaticFiles(directory=swagger_ui_path), name="swagger-ui")
    app.include_router(api.router)
    if allow_ingest:
        app.state.token = token
        app.state.ingest_queue = jobs
        app.include_router(upload.router)
    app.include_router(pages.router)
    pages.install_error_pages(app)

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(openapi_url="/openapi.json", title="citata API",
                                   swagger_js_url="/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    @app.exception_handler(ArchiveError)
    async def bad_query(request: Request, exc: ArchiveError):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return pages.error_page(request, 400, str(exc))

    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        if response.headers.get("content-type", "").startswith("text/html") and request.url.path != "/docs":
            response.headers["Content-Security-Policy"] = PAGE_POLICY
        return response

    # Outside the headers above (kept answers carry them) and inside HEAD-as-GET (HEAD is served from them too).
    app.add_middleware(ResponseCache, db=db)
    app.add_middleware(HeadAsGet)
    return app


class HeadAsGet:
    """HEAD answered as GET without the body (FastAPI routes GET only), so that monitors and
    link checkers get the status and headers of the page."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            return await self.app(scope, receive, send)

        async def headers_only(message):
            if message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)
