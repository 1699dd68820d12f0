"""The JSON API under /api: thin over `citata.Archive`, with bounded page sizes and query lengths."""
from __future__ import annotations

import csv
import io
import json
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import BeforeValidator, Field

from ..archive import DATE_PATTERN, FACETS, QUOTE_FIELDS, SPEAKER_KINDS, Archive, flat_quote
from . import models
from .render import public_source

MAX_LIMIT = 500  # a page of the API
DOWNLOAD_LIMIT = 10_000  # rows of one CSV/JSON-lines download
MAX_OFFSET = 1_000_000
MAX_QUERY = 200  # characters of any text parameter
MAX_ID = 2**63 - 1  # SQLite's integers

router = APIRouter(prefix="/api")


def _digits(value):
    """An integer parameter as written: digits only. pydantic's lax reading of an int strips
    whitespace ("1\n") and takes a sign ("+1"); the schema says an integer, so those are refused."""
    if isinstance(value, str) and not (value.isascii() and value.isdigit()):
        raise ValueError("an integer in digits only")
    return value


Digits = BeforeValidator(_digits)
Text = Annotated[str | None, Query(max_length=MAX_QUERY)]
Date = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY-MM-DD, YYYY-MM or YYYY: a real day, month or year")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT), Digits]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET), Digits]
Id = Annotated[int, Path(ge=1, le=MAX_ID), Digits]
# The filters /api/quotations and /api/compare share.
About = Annotated[str | None, Query(max_length=MAX_QUERY, description="Words the quotation contains, any form")]
OutletName = Annotated[str | None, Query(max_length=MAX_QUERY, description="Outlet name or part of it")]
QuoteType = Literal["direct", "indirect", "mixed"] | None


def archive(request: Request) -> Archive:
    """Call inside an endpoint, so that the connection is the endpoint thread's own."""
    return request.app.state.archives.get()


def quote_filters(
    speaker: Annotated[str | None, Query(max_length=MAX_QUERY, description="Any words of the speaker's name, any form")] = None,
    about: About = None,
    since: Date = None,
    until: Date = None,
    outlet: OutletName = None,
    type: QuoteType = None,
    speaker_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="A speaker and those of the same identity"), Digits] = None,
    speaker_kind: Literal[SPEAKER_KINDS] | None = None,
    outlet_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="One outlet, exactly (as a facet names it)"), Digits] = None,
) -> dict:
    return {"speaker": speaker, "about": about, "since": since, "until": until, "outlet": outlet, "type": type,
            "speaker_id": speaker_id, "speaker_kind": speaker_kind, "outlet_id": outlet_id}


Filters = Annotated[dict, Depends(quote_filters)]


Sort = Annotated[Literal["newest", "oldest", "reprinted"],
                 Query(description="newest or oldest first, or most reprinted first")]
FACET_LIST = rf"^({'|'.join(FACETS)})(,({'|'.join(FACETS)}))*$"
FacetNames = Annotated[str | None, Query(pattern=FACET_LIST, description=f"Comma-separated: {','.join(FACETS)}")]
FacetSize = Annotated[int, Query(ge=1, le=100, description="Values per facet, most frequent first"), Digits]
Interval = Annotated[Literal["day", "week", "month"], Query(description="Bucket: day, week (from Monday) or month")]


def _or_404(found, what: str):
    """What was looked up, or a 404 naming `what` when the archive has no such record."""
    if found is None:
        raise HTTPException(404, f"no {what}")
    return found


def next_page(request: Request, offset: int, limit: int, more: bool) -> str | None:
    """The URL of the next page of a list (this request's, offset moved on), None at its end."""
    return str(request.url.include_query_params(offset=offset + limit)) if more else None


@router.get("/quotations", response_model=models.QuotationPage, tags=["quotations"])
def quotations(request: Request, filters: Filters, limit: Limit = 50, offset: Offset = 0, sort: Sort = "newest",
               facets: FacetNames = None, facet_size: FacetSize = 10):
    """Quotations, newest first, filtered as `citata quotes` filters them; a quotation reprinted
    by several articles is listed once, with how many print it and where it was first seen.
    `facets=speaker,outlet,type,month` adds the most frequent values of each among all the matching
    quotations, with how many each has and the filter that lists exactly those; `next` is the URL
    of the next page (null on the last)."""
    a = archive(request)
    total = a.count_quotes(**filters)
    page = {"items": a.quotes(**filters, limit=limit, offset=offset, sort=sort), "total": total,
            "limit": limit, "offset": offset, "next": next_page(request, offset, limit, offset + limit < total)}
    if facets:
        page["facets"] = a.facets(facets.split(","), facet_size, **filters)
    return page


class CSVResponse(Response):
    media_type = "text/csv"


class JSONLinesResponse(Response):
    media_type = "application/x-ndjson"


# A spreadsheet runs a cell that starts like a formula; article text must not get to do that.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _download(rows: list[dict], fmt: str) -> Response:
    out = io.StringIO()
    if fmt == "csv":
        out.write("\ufeff")  # spreadsheets then read the file as UTF-8
        writer = csv.DictWriter(out, fieldnames=QUOTE_FIELDS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({k: _cell(public_source(v) if k == "source" else v) for k, v in flat_quote(q).items()}
                         for q in rows)
        response = CSVResponse(out.getvalue(), media_type="text/csv; charset=utf-8")
    else:
        for q in rows:
            q["article"]["source"] = public_source(q["article"]["source"])
            out.write(json.dumps(q, ensure_ascii=False) + "\n")
        response = JSONLinesResponse(out.getvalue(), media_type="application/x-ndjson; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="citata-quotations.{fmt}"'
    return response


DownloadLimit = Annotated[int, Query(ge=1, le=DOWNLOAD_LIMIT), Digits]


@router.get("/quotations.csv", response_class=CSVResponse, tags=["quotations"])
def quotations_csv(request: Request, filters: Filters, limit: DownloadLimit = DOWNLOAD_LIMIT, offset: Offset = 0,
                   sort: Sort = "newest"):
    """The same list as /api/quotations as CSV (one flat row per quotation, UTF-8 with a BOM;
    a cell starting with =, +, -, @ gets a leading apostrophe so spreadsheets show it as text)."""
    return _download(archive(request).quotes(**filters, limit=limit, offset=offset, sort=sort), "csv")


@router.get("/quotations.jsonl", response_class=JSONLinesResponse, tags=["quotations"])
def quotations_jsonl(request: Request, filters: Filters, limit: DownloadLimit = DOWNLOAD_LIMIT, offset: Offset = 0,
                     sort: Sort = "newest"):
    """The same list as /api/quotations as JSON lines, one quotation object per line."""
    return _download(archive(request).quotes(**filters, limit=limit, offset=offset, sort=sort), "jsonl")


@router.get("/attention", response_model=models.Attention, tags=["quotations"])
def attention(request: Request, filters: Filters, interval: Interval = "month", top: FacetSize = 10):
    """Attention over time: the quotations /api/quotations lists with these filters, and the
    articles that print them, per day, week or month (every bucket from the first to the last,
    empty ones too; a quotation counts once, on the date of its earliest matching appearance),
    with the `top` speakers and outlets of the same quotations, as facets."""
    return archive(request).attention(interval, top, **filters)


@router.get("/attention.csv", response_class=CSVResponse, tags=["quotations"])
def attention_csv(request: Request, filters: Filters, interval: Interval = "month"):
    """/api/attention's buckets as CSV: date, quotations, articles (undated ones only in the JSON)."""
    found = archive(request).attention(interval, 0, **filters)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["date", "quotations", "articles"])
    writer.writerows([b["date"], b["quotations"], b["articles"]] for b in found["buckets"])
    response = CSVResponse(out.getvalue(), media_type="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="citata-attention-{interval}.csv"'
    return response


def compare_filters(
    about: About = None,
    since: Date = None,
    until: Date = None,
    outlet: OutletName = None,
    type: QuoteType = None,
    outlet_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="One outlet, exactly"), Digits] = None,
) -> dict:
    return {"about": about, "since": since, "until": until, "outlet": outlet, "type": type, "outlet_id": outlet_id}


MAX_COMPARED = 6
SpeakerIds = Annotated[list[Annotated[int, Field(ge=1, le=MAX_ID)]], Query(
    min_length=1, max_length=MAX_COMPARED, description=f"Speakers to compare (1 to {MAX_COMPARED}), repeated")]


@router.get("/compare", response_model=models.Comparison, tags=["speakers"],
            responses={404: {"description": "No such speaker"}})
def compare(request: Request, speaker_id: SpeakerIds, filters: Annotated[dict, Depends(compare_filters)],
            interval: Interval = "month"):
    """Speakers' quotations over time on one axis (each with those of the same identity), for the
    same topic and filters: one series of counts per speaker, bucket by bucket, as /api/attention counts."""
    a = archive(request)
    for sid in speaker_id:
        _or_404(a.speaker_name(sid), f"speaker {sid}")
    return a.compare(speaker_id, interval, **filters)


@router.get("/quotations/{quote_id}", response_model=models.QuotationDetail, tags=["quotations"],
            responses={404: {"description": "No such quotation"}})
def quotation(request: Request, quote_id: Id):
    """One quotation with every article that prints it, earliest first, each with its paragraph."""
    return _or_404(archive(request).quotation(quote_id), f"quotation {quote_id}")


@router.get("/articles", response_model=models.ArticlePage, tags=["articles"])
def articles(request: Request, outlet: Text = None, since: Date = None, until: Date = None,
             limit: Limit = 50, offset: Offset = 0):
    """Articles, newest first."""
    a = archive(request)
    total = a.count_articles(outlet=outlet, since=since, until=until)
    return {"items": a.articles(limit=limit, offset=offset, outlet=outlet, since=since, until=until),
            "total": total, "limit": limit, "offset": offset,
            "next": next_page(request, offset, limit, offset + limit < total)}


@router.get("/articles/{article_id}", response_model=models.Article, tags=["articles"],
            responses={404: {"description": "No such article"}})
def article(request: Request, article_id: Id):
    """One article: clean text, metadata, removed boilerplate, quotations, entity mentions, reprints."""
    return _or_404(archive(request).article(article_id), f"article {article_id}")


@router.get("/search", response_model=models.SearchPage, tags=["articles"])
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY)],
           limit: Limit = 20, offset: Offset = 0):
    """Articles holding every word of `q` in any form, best match first, with a snippet
    (matched words in [brackets])."""
    items = archive(request).search(q, limit=limit + 1, offset=offset)
    return {"items": items[:limit], "total": None, "limit": limit, "offset": offset,
            "next": next_page(request, offset, limit, len(items) > limit)}


@router.get("/speakers", response_model=models.SpeakerPage, tags=["speakers"])
def speakers(request: Request, name: Text = None, kind: Literal[SPEAKER_KINDS + ("all",)] = "person",
             limit: Limit = 50, offset: Offset = 0):
    """Speakers, most quoted first, one entry per identity ("Туск" and "Дональд Туск" together):
    persons unless `kind` asks for organizations, documents, anonymous sources or all. `quotations`
    counts a reprinted quotation once, as the speaker's profile and `citata speakers` do."""
    items = archive(request).speaker_list(limit=limit + 1, offset=offset, name=name,
                                          kind=None if kind == "all" else kind)
    return {"items": items[:limit], "total": None, "limit": limit, "offset": offset,
            "next": next_page(request, offset, limit, len(items) > limit)}


@router.get("/speakers/{speaker_id}", response_model=models.SpeakerProfile, tags=["speakers"],
            responses={404: {"description": "No such speaker"}})
def speaker(request: Request, speaker_id: Id):
    """A speaker and those of the same identity: names, aliases, roles, outlets, quotations per month, topics."""
    return _or_404(archive(request).speaker_profile(speaker_id), f"speaker {speaker_id}")


@router.get("/outlets", response_model=list[models.Outlet], tags=["outlets"])
def outlets(request: Request):
    """Every outlet with its articles, quotations, speakers, dates and most quoted speakers."""
    return archive(request).outlets()


@router.get("/stats", response_model=models.Stats, tags=["archive"])
def stats(request: Request):
    """What the archive holds."""
    return archive(request).stats()
