"""The HTML pages, rendered on the server: search (with facets), attention over time, compare,
speakers, a speaker, a quotation, articles, an article, outlets, collected sources. Russian by
default; `?lang=en` (kept in links, remembered in a cookie)."""
from __future__ import annotations

from http import HTTPStatus
from importlib.resources import files
from typing import Annotated, Literal
from urllib.parse import urlencode

import jinja2

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.templating import Jinja2Templates
from pydantic import Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import render
from ..archive import DATE_PATTERN, FACETS, SPEAKER_KINDS
from .api import MAX_COMPARED, MAX_ID, MAX_OFFSET, MAX_QUERY, Digits, archive
from .i18n import DEFAULT, LANGUAGES, Translator, choose

PAGE = 20  # quotation cards, articles or speakers per page
FACET_SIZE = 8  # values shown per facet

router = APIRouter(include_in_schema=False)
# Autoescape on every template, whatever its name: everything shown comes from articles.
templates = Jinja2Templates(env=jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(files(__package__).joinpath("templates"))), autoescape=True))
templates.env.globals.update(paragraphs=render.paragraphs, marked=render.marked, snippet_runs=render.snippet_runs, around=render.around,
                             why=render.why, evidence=render.evidence,
                             safe_url=render.safe_url, public_source=render.public_source,
                             merge=lambda d, **kw: {**d, **kw},
                             applied=lambda filters, f: all(filters.get(k) == v for k, v in f.items()))

Text = Annotated[str | None, Query(max_length=MAX_QUERY)]
# A form sends its empty fields too ("since="): empty means not given.
Date = Annotated[str | None, Query(pattern=f"^(?:{DATE_PATTERN[1:-1]})?$")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET), Digits]
Id = Annotated[int, Query(ge=1, le=MAX_ID), Digits]


def _page_id(written: str) -> int | None:
    """The id an address names: digits only and in SQLite's range (\"/quotations/+1\" or \"/quotations/1%0A\"
    names no page, as \"/quotations/abc\" does not), else None."""
    if written.isascii() and written.isdigit() and 1 <= int(written) <= MAX_ID:
        return int(written)
    return None


def _lang(request: Request) -> str:
    return choose(request.query_params.get("lang"), request.cookies.get("lang"))


def _or_404(request: Request, found, message: str):
    """What was looked up, or the 404 page saying `message` (a key of the translations) when the
    archive has no such record."""
    if found is None:
        raise HTTPException(404, Translator(_lang(request))(message))
    return found


def page(request: Request, template: str, status_code: int = 200, **context):
    lang = _lang(request)
    t = Translator(lang)

    def link(path: str, **params) -> str:
        """A URL within the site, keeping the interface language when it is not the default."""
        params = {k: v for k, v in params.items() if v not in (None, "")}
        if lang != DEFAULT:
            params["lang"] = lang
        return path + ("?" + urlencode(params, doseq=True) if params else "")

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


QuoteType = Literal["direct", "indirect", "mixed", ""] | None
OptionalId = Annotated[int | None, Query(ge=1, le=MAX_ID), Digits]
Interval = Literal["day", "week", "month", ""] | None


@router.get("/")
def search(request: Request, q: Text = None, speaker: Text = None, outlet: Text = None, since: Date = None,
           until: Date = None, type: QuoteType = None, speaker_id: OptionalId = None, offset: Offset = 0,
           outlet_id: OptionalId = None, sort: Literal["newest", "oldest", "reprinted", ""] | None = None):
    """Quotations: the latest, or those matching the search box and filters, with their facets."""
    a = archive(request)
    filters = {"about": q or None, "speaker": speaker or None, "outlet": outlet or None, "since": since or None,
               "until": until or None, "type": type or None, "speaker_id": speaker_id, "outlet_id": outlet_id}
    quotes = a.quotes(**filters, limit=PAGE, offset=offset, sort=sort or "newest")
    total = a.count_quotes(**filters)
    speakers = a.speaker_list(limit=6, name=q) if q else []
    chosen = a.speaker_profile(speaker_id) if speaker_id else None
    searched = any(v is not None for v in filters.values())
    return page(request, "search.html", q=q or "", filters=filters, quotes=quotes, total=total, offset=offset,
                page_size=PAGE, speakers=speakers, chosen=chosen, searched=searched,
                stats=None if searched else a.stats(), top=[] if searched else a.speaker_list(limit=12, kind="person"),
                download={k: v for k, v in filters.items() if v is not None} | ({"sort": sort} if sort else {}),
                params=_params(filters), sort=sort or "newest", facets=a.facets(FACETS, FACET_SIZE, **filters),
                chosen_outlet=a.outlet_name(outlet_id) if outlet_id else None)


def _params(filters: dict) -> dict:
    """A page's filters as its URL's parameters (the search box's words are `q`)."""
    return {("q" if k == "about" else k): v for k, v in filters.items() if v is not None}


@router.get("/attention")
def attention(request: Request, q: Text = None, speaker: Text = None, outlet: Text = None, since: Date = None,
              until: Date = None, type: QuoteType = None, speaker_id: OptionalId = None,
              outlet_id: OptionalId = None, interval: Interval = None):
    """Attention over time: quotations and articles per day, week or month for the filters, with
    the most quoted speakers and the outlets that quote most beside the chart."""
    a = archive(request)
    filters = {"about": q or None, "speaker": speaker or None, "outlet": outlet or None, "since": since or None,
               "until": until or None, "type": type or None, "speaker_id": speaker_id, "outlet_id": outlet_id}
    interval = interval or "month"
    found = a.attention(interval, 10, **filters)
    params = _params(filters)
    return page(request, "attention.html", q=q or "", filters=filters, params=params, interval=interval, found=found,
                chart=render.attention_chart(found["buckets"], interval),
                chosen=a.speaker_profile(speaker_id) if speaker_id else None,
                chosen_outlet=a.outlet_name(outlet_id) if outlet_id else None,
                download={k: v for k, v in filters.items() if v is not None} | {"interval": interval})


Names = Annotated[list[Annotated[str, Field(max_length=MAX_QUERY)]], Query(max_length=MAX_COMPARED)]
Ids = Annotated[list[Annotated[int, Field(ge=1, le=MAX_ID), Digits]], Query(max_length=MAX_COMPARED)]


@router.get("/compare")
def compare(request: Request, speaker_id: Ids = [], speaker: Names = [],  # noqa: B006 (FastAPI copies defaults)
            q: Text = None, outlet: Text = None, since: Date = None, until: Date = None, type: QuoteType = None,
            interval: Interval = None):
    """Speakers' quotations over time on one chart, for the same words and filters; a speaker is
    added by name (the most quoted identity with every word of it) or by id."""
    a = archive(request)
    ids, unknown = list(dict.fromkeys(speaker_id)), []
    for name in filter(None, (n.strip() for n in speaker)):
        found = a.speaker_list(limit=1, name=name)
        if found:
            ids.append(found[0]["id"])
        else:
            unknown.append(name)
    ids = list(dict.fromkeys(ids))[:MAX_COMPARED]
    for sid in ids:
        _or_404(request, a.speaker_name(sid), "no_speaker")
    filters = {"about": q or None, "outlet": outlet or None, "since": since or None, "until": until or None,
               "type": type or None}
    interval = interval or "month"
    found = a.compare(ids, interval, **filters) if ids else {"buckets": [], "series": []}
    # As wide as the page, which has no side column: its labels then show at the other charts' size.
    chart = render.compare_chart(found["buckets"], [s["counts"] for s in found["series"]], interval, width=1040,
                                 height=320)
    params = _params(filters) | {"interval": interval if interval != "month" else None}
    return page(request, "compare.html", q=q or "", filters=filters, params=params, interval=interval, ids=ids,
                series=found["series"], chart=chart if any(s["quotations"] for s in found["series"]) else None,
                unknown=unknown, max_compared=MAX_COMPARED)


@router.get("/speakers")
def speakers(request: Request, name: Text = None, kind: Literal[SPEAKER_KINDS + ("all",)] = "person",
             offset: Offset = 0):
    """Persons by default: organizations, documents and anonymous sources are a click away."""
    items = archive(request).speaker_list(limit=PAGE + 1, offset=offset, name=name,
                                          kind=None if kind == "all" else kind)
    return page(request, "speakers.html", items=items[:PAGE], more=len(items) > PAGE, offset=offset,
                page_size=PAGE, name=name or "", kind=kind, kinds=SPEAKER_KINDS + ("all",))


@router.get("/speakers/{speaker_id}")
def speaker(request: Request, speaker_id: str):
    a = archive(request)
    found_id = _page_id(speaker_id)
    profile = _or_404(request, a.speaker_profile(found_id) if found_id else None, "no_speaker")
    return page(request, "speaker.html", s=profile, chart=render.timeline(profile["per_month"]),
                quotes=a.quotes(speaker_id=found_id, limit=10))


@router.get("/quotations/{quote_id}")
def quotation(request: Request, quote_id: str):
    found_id = _page_id(quote_id)
    found = _or_404(request, archive(request).quotation(found_id) if found_id else None, "no_quotation")
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
def article(request: Request, article_id: str):
    found_id = _page_id(article_id)
    found = _or_404(request, archive(request).article(found_id) if found_id else None, "no_article")
    return page(request, "article.html", a=found)


@router.get("/outlets")
def outlets(request: Request):
    return page(request, "outlets.html", items=archive(request).outlets())


@router.get("/sources")
def sources(request: Request):
    from ..collect.state import sources as collected

    return page(request, "sources.html", items=collected(archive(request).conn))
