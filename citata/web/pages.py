"""The HTML pages, rendered on the server: search, speakers, a speaker, a quotation, articles,
an article, outlets. Russian by default; `?lang=en` (kept in links, remembered in a cookie)."""
from __future__ import annotations

from http import HTTPStatus
from importlib.resources import files
from typing import Annotated, Literal
from urllib.parse import urlencode

import jinja2

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import render
from ..archive import DATE_PATTERN, SPEAKER_KINDS
from .api import MAX_ID, MAX_OFFSET, MAX_QUERY, archive
from .i18n import DEFAULT, LANGUAGES, Translator, choose

PAGE = 20  # quotation cards, articles or speakers per page

router = APIRouter(include_in_schema=False)
# Autoescape on every template, whatever its name: everything shown comes from articles.
templates = Jinja2Templates(env=jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(files(__package__).joinpath("templates"))), autoescape=True))
templates.env.globals.update(paragraphs=render.paragraphs, marked=render.marked, snippet_runs=render.snippet_runs, around=render.around,
                             safe_url=render.safe_url, public_source=render.public_source, merge=lambda d, **kw: {**d, **kw})

Text = Annotated[str | None, Query(max_length=MAX_QUERY)]
# A form sends its empty fields too ("since="): empty means not given.
Date = Annotated[str | None, Query(pattern=f"^(?:{DATE_PATTERN[1:-1]})?$")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Id = Annotated[int, Query(ge=1, le=MAX_ID)]


def _lang(request: Request) -> str:
    return choose(request.query_params.get("lang"), request.cookies.get("lang"))


def page(request: Request, template: str, status_code: int = 200, **context):
    lang = _lang(request)
    t = Translator(lang)

    def link(path: str, **params) -> str:
        """A URL within the site, keeping the interface language when it is not the default."""
        params = {k: v for k, v in params.items() if v not in (None, "")}
        if lang != DEFAULT:
            params["lang"] = lang
        return path + ("?" + urlencode(params) if params else "")

    def switch(to: str) -> str:
        # Query only: a path taken from the request ("//elsewhere.example") could lead off the site.
        params = {k: v for k, v in request.query_params.items() if k != "lang"} | {"lang": to}
        return "?" + urlencode(params)

    response = templates.TemplateResponse(request, template, {
        "t": t, "lang": lang, "languages": LANGUAGES, "link": link, "switch": switch, **context},
        status_code=status_code)
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie("lang", lang, max_age=365 * 24 * 3600, samesite="lax")
    return response


def error_page(request: Request, status: int, message: str):
    return page(request, "error.html", status_code=status, status=status, message=message)


def install_error_pages(app: FastAPI) -> None:
    """Errors on the HTML pages as pages; the API keeps FastAPI's JSON errors."""
    from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith(("/api/", "/docs", "/openapi", "/static/")):
            return await http_exception_handler(request, exc)
        # The status's bare phrase ("Not Found") says no more than the page's heading, in English only.
        message = "" if exc.detail == HTTPStatus(exc.status_code).phrase else str(exc.detail)
        return error_page(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        if request.url.path.startswith("/api/"):
            return await request_validation_exception_handler(request, exc)
        fields = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors())
        return error_page(request, 422, fields)


@router.get("/")
def search(request: Request, q: Text = None, speaker: Text = None, outlet: Text = None, since: Date = None,
           until: Date = None, type: Literal["direct", "indirect", "mixed", ""] | None = None,
           speaker_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None, offset: Offset = 0):
    """Quotations: the latest, or those matching the search box and filters."""
    a = archive(request)
    filters = {"about": q or None, "speaker": speaker or None, "outlet": outlet or None, "since": since or None,
               "until": until or None, "type": type or None, "speaker_id": speaker_id}
    quotes = a.quotes(**filters, limit=PAGE, offset=offset)
    total = a.count_quotes(**filters)
    speakers = a.speaker_list(limit=6, name=q) if q else []
    chosen = a.speaker_profile(speaker_id) if speaker_id else None
    searched = any(v is not None for v in filters.values())
    return page(request, "search.html", q=q or "", filters=filters, quotes=quotes, total=total, offset=offset,
                page_size=PAGE, speakers=speakers, chosen=chosen, searched=searched,
                stats=None if searched else a.stats(), top=[] if searched else a.speaker_list(limit=12, kind="person"),
                download={k: v for k, v in filters.items() if v is not None})


@router.get("/speakers")
def speakers(request: Request, name: Text = None, kind: Literal[SPEAKER_KINDS + ("all",)] = "person",
             offset: Offset = 0):
    """Persons by default: organizations, documents and anonymous sources are a click away."""
    items = archive(request).speaker_list(limit=PAGE + 1, offset=offset, name=name,
                                          kind=None if kind == "all" else kind)
    return page(request, "speakers.html", items=items[:PAGE], more=len(items) > PAGE, offset=offset,
                page_size=PAGE, name=name or "", kind=kind, kinds=SPEAKER_KINDS + ("all",))


@router.get("/speakers/{speaker_id}")
def speaker(request: Request, speaker_id: int):
    a = archive(request)
    profile = a.speaker_profile(speaker_id) if 1 <= speaker_id <= MAX_ID else None
    if profile is None:
        raise HTTPException(404, Translator(_lang(request))("no_speaker"))
    return page(request, "speaker.html", s=profile, chart=render.timeline(profile["per_month"]),
                quotes=a.quotes(speaker_id=speaker_id, limit=10))


@router.get("/quotations/{quote_id}")
def quotation(request: Request, quote_id: int):
    found = archive(request).quotation(quote_id) if 1 <= quote_id <= MAX_ID else None
    if found is None:
        raise HTTPException(404, Translator(_lang(request))("no_quotation"))
    return page(request, "quotation.html", q=found)


@router.get("/articles")
def articles(request: Request, q: Text = None, outlet: Text = None, since: Date = None, until: Date = None,
             offset: Offset = 0):
    """Articles, newest first, or those holding every word of `q` (best first)."""
    a = archive(request)
    if q:
        items = a.search(q, limit=PAGE + 1, offset=offset)
        total = None
    else:
        items = a.articles(limit=PAGE + 1, offset=offset, outlet=outlet, since=since or None, until=until or None)
        total = a.count_articles(outlet=outlet, since=since or None, until=until or None)
    return page(request, "articles.html", items=items[:PAGE], more=len(items) > PAGE, total=total, offset=offset,
                page_size=PAGE, q=q or "", outlet=outlet or "", since=since or "", until=until or "")


@router.get("/articles/{article_id}")
def article(request: Request, article_id: int):
    found = archive(request).article(article_id) if 1 <= article_id <= MAX_ID else None
    if found is None:
        raise HTTPException(404, Translator(_lang(request))("no_article"))
    return page(request, "article.html", a=found)


@router.get("/outlets")
def outlets(request: Request):
    return page(request, "outlets.html", items=archive(request).outlets())
