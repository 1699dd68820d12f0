"""Command line: `citata extract …`, and the archive: `ingest`, `collect`, `quotes`,
`search`, `speakers`, `speaker`, `article`, `export`, `stats` (thin layers
over `citata.Archive`)."""
from __future__ import annotations

import functools
import gc
import json
import socket
import sys

import click

from .archive import EXPORTS, QUOTE_FIELDS, SPEAKER_KINDS, Archive, ArchiveError, flat_quote, write_csv
from .archive.backend import DatabaseError
from .archive.distributed import DaskError
from .model import Document, ReadError
from .pipeline import DOC_TIMEOUT, process
from .source import DEFAULT_MAX_BYTES, read


# json.dumps(..., ensure_ascii=False) without its check for reference cycles, which a document's
# dict cannot have (the same text, a few per cent sooner on a long document).
_JSONL = json.JSONEncoder(ensure_ascii=False, check_circular=False)
# SQLite's and PostgreSQL's integers: a larger number cannot name a row, and would overflow.
MAX_INT = 2**63 - 1
# Limits are read in chunks, so a large one is no large allocation, but stays within what one read may ask.
MAX_MAX_BYTES = 2**40


def _escaped(text: str) -> str:
    """Control characters (a newline in a file name) as escapes: one failure is one line."""
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii") for c in text)


def _jsonl(doc: Document) -> str:
    """The document as one line of JSON, the cyclic garbage collector paused meanwhile: a long
    document's dict is a few million new objects, none of them in a cycle, and each full collection
    their building sets off would walk all of them and the document's quotations again."""
    was = gc.isenabled()
    gc.disable()
    try:
        return _JSONL.encode(doc.to_dict())
    finally:
        if was:
            gc.enable()


def _error(item: ReadError) -> None:
    # One line per failure, whatever the exception text or the file name contained.
    reason = " ".join(item.reason.split())
    click.echo(f"citata: error: {_escaped(item.source)}: {_escaped(reason)}", err=True)


def _table_row(doc: Document) -> str:
    removed = sum(b.end - b.start for b in doc.boilerplate)
    dateline = doc.dateline.place if doc.dateline else "-"
    return (
        f"{doc.source}\n"
        f"  title:     {doc.title or '-'}\n"
        f"  outlet:    {doc.outlet or '-'}   published: {doc.published or '-'}   dateline: {dateline}\n"
        f"  relayed:   {', '.join(doc.relayed_from) or '-'}   credits: {'; '.join(doc.credits) or '-'}\n"
        f"  body:      {_count(doc.text.count(chr(10) * 2) + 1 if doc.text else 0, 'paragraph')},"
        f" {_count(len(doc.text), 'char')}; removed {_count(len(doc.boilerplate), 'boilerplate line')}"
        f" ({_count(removed, 'char')})\n"
        f"  quotes:    {len(doc.quotes)}" + "".join(_quote_line(q) for q in doc.quotes)
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _quote_line(q) -> str:
    who = q.speaker.name if q.speaker and q.speaker.name else (q.speaker.mention.text if q.speaker and q.speaker.mention else "?")
    content = " ".join(q.content.text.split())
    if len(content) > 90:
        content = content[:89] + "…"
    return f"\n    {q.type:<8} {who}: {content}"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="citata")
def main() -> None:
    """citata: who said what, where and when, from Russian-language news."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--plain", is_flag=True,
              help="Treat each input as a bare body text: no cleaning, no metadata; text is the input verbatim.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl",
              show_default=True, help="jsonl: one JSON object per line; json: an indented JSON array; "
                                      "table: a summary for people.")
@click.option("--max-bytes", type=click.IntRange(1, MAX_MAX_BYTES), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse documents larger than this (decompressed); no read goes further.")
@click.option("--doc-timeout", type=click.FloatRange(0, 86_400), default=DOC_TIMEOUT, show_default=True,
              help="CPU seconds a document may take in each stage per 100,000 characters (at least this); "
                   "one that takes longer is reported as failed and the run goes on. 0: no limit.")
def extract(paths: tuple[str, ...], plain: bool, fmt: str, max_bytes: int, doc_timeout: float) -> None:
    """Clean article dumps and print one JSON object per document.

    PATHS are files, directories (read recursively) or - for standard input.
    Plain-text dumps (UTF-8, cp1251, KOI8-R), BSNLP files, HTML pages, JSON
    lines with a "text" field and WARC archives are recognised. A file that
    cannot be read is reported on stderr and the others are still processed;
    the exit status is 1 if anything failed.
    """
    failed = 0
    first = True
    out = sys.stdout
    if fmt == "json":
        out.write("[")
    for item in process(read(paths, plain=plain, max_bytes=max_bytes), plain=plain, doc_timeout=doc_timeout or None):
        if isinstance(item, ReadError):
            failed += 1
            _error(item)
            continue
        if fmt == "jsonl":
            out.write(_jsonl(item))
            out.write("\n")
        elif fmt == "json":
            out.write(("\n" if first else ",\n") + json.dumps(item.to_dict(), ensure_ascii=False, indent=2))
        else:
            out.write(("" if first else "\n") + _table_row(item) + "\n")
        out.flush()
        first = False
    if fmt == "json":
        out.write("\n]\n")
    if failed:
        click.echo(f"citata: {failed} input(s) failed", err=True)
        sys.exit(1)


# ---------------------------------------------------------------- the archive

def _db_option(fn):
    return click.option("--db", metavar="FILE|URL", envvar="CITATA_DB", default=None,
                        help="Archive: an SQLite file, or a PostgreSQL database as postgresql://user:pass@host/dbname "
                             "[default: $CITATA_DB, else $XDG_DATA_HOME/citata/citata.db, "
                             "i.e. ~/.local/share/citata/citata.db].")(fn)


def _archive_command(fn):
    """Open the archive named by --db and turn its errors into one line and exit status 1."""
    @_db_option
    @functools.wraps(fn)
    def run(db, **kw):
        try:
            with Archive(db) as archive:
                fn(archive, **kw)
        except ArchiveError as exc:
            click.echo(f"citata: error: {_escaped(str(exc))}", err=True)
            sys.exit(1)
        except DatabaseError as exc:  # a file damaged after it was opened
            click.echo(f"citata: error: {_escaped(str(db or ''))}: the archive is damaged or not an archive "
                       f"({_escaped(str(exc))})", err=True)
            sys.exit(1)
    return run


def _json(obj) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


# The output choice of the archive commands that print one table (or their records as JSON).
_table_or_json = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                              show_default=True)


def _short(text: str | None, width: int = 100) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[:width - 1] + "…"


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--workers", type=click.IntRange(1, 1024), default=None,
              help="Worker processes [default: every local core].")
@click.option("--dask", "dask_address", metavar="ADDRESS", default=None,
              help="Process on dask.distributed workers: 'local' starts a local cluster of --workers "
                   "processes; otherwise a scheduler's address (tcp://host:8786). Needs citata[dask].")
@click.option("--max-bytes", type=click.IntRange(1, MAX_MAX_BYTES), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse documents larger than this (decompressed); no read goes further.")
@click.option("--doc-timeout", type=click.FloatRange(0, 86_400), default=DOC_TIMEOUT, show_default=True,
              help="CPU seconds a document may take in each stage per 100,000 characters (at least this); "
                   "one that takes longer is reported as failed and the run goes on. 0: no limit.")
@click.option("--site-templates/--no-site-templates", default=True, show_default=True,
              help="Clean pages with the recurring lines earlier ingests learned per site; without, "
                   "the archive does not depend on the order of earlier ingests.")
@_archive_command
def ingest(archive: Archive, paths: tuple[str, ...], workers: int | None, dask_address: str | None,
           max_bytes: int, doc_timeout: float, site_templates: bool) -> None:
    """Add articles to the archive (created if missing).

    PATHS are what `citata extract` reads. A document already in the archive
    with the same content is skipped; a changed one replaces its old version.
    Every batch is committed on its own, so an interrupted ingest can simply
    be run again. Unreadable inputs are reported and skipped; the exit status
    is then 1.
    """
    try:
        report = archive.ingest(paths, workers=workers, on_error=_error, max_bytes=max_bytes,
                                progress=sys.stderr.isatty(), dask=dask_address, doc_timeout=doc_timeout or None,
                                site_templates=site_templates)
    except DaskError as exc:
        raise ArchiveError(str(exc)) from None
    stats = archive.stats()
    click.echo(f"citata: ingested into {stats['path']}\n"
               f"  documents:  {report.read} read: {report.new} new, {report.replaced} replaced, "
               f"{report.unchanged} unchanged, {len(report.errors)} errors\n"
               f"  quotations: {report.quotations} written\n"
               f"  archive:    {stats['articles']} articles, {stats['quotations']} quotations, "
               f"{stats['speakers']} speakers, {stats['syndication_groups']} syndication groups")
    if report.errors:
        click.echo(f"citata: {len(report.errors)} input(s) failed", err=True)
        sys.exit(1)


def _quote_table(q: dict) -> str:
    sp = q["speaker"] or {}
    who = sp.get("name") or (sp.get("mention") or {}).get("text") or "?"
    if sp.get("role"):
        who += f" ({sp['role']})"
    art = q["article"]
    line = (f"{art['published'] or '----------'}  {art['outlet'] or '-'}  [{q['type']}]  article {art['id']}\n"
            f"  {who}: {_short(q['content']['text'], 160)}")
    if q["appearances"] > 1:
        first = q["first_seen"]
        line += (f"\n  in {q['appearances']} articles; first seen {first['published'] or '?'}"
                 f" {first['outlet'] or ''}".rstrip())
    return line


def _quote_filter_options(fn):
    """The filters `quotes` and `export` share."""
    for option in reversed((
            click.option("--speaker", help="A speaker's name or any word of it, in any case or form (Лавров, лаврова)."),
            click.option("--about", help="Words the quotation contains, in any form."),
            click.option("--since", help="Published on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)."),
            click.option("--until", help="Published on or before this date."),
            click.option("--outlet", help="Outlet name or part of it, case-insensitive."),
            click.option("--type", "type_", type=click.Choice(["direct", "indirect", "mixed"])),
            click.option("--speaker-kind", type=click.Choice(SPEAKER_KINDS),
                         help="Quotations of persons, organizations, documents or anonymous sources only."))):
        fn = option(fn)
    return fn


def _filters(speaker, about, since, until, outlet, type_, speaker_kind) -> dict:
    return {"speaker": speaker, "about": about, "since": since, "until": until, "outlet": outlet, "type": type_,
            "speaker_kind": speaker_kind}


@main.command()
@_quote_filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(1, MAX_INT), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0, MAX_INT), default=0, show_default=True,
              help="Skip this many quotations first (the next page: --offset 50).")
@click.option("--all", "all_", is_flag=True, help="Every matching quotation: no --limit.")
@_archive_command
def quotes(archive: Archive, speaker, about, since, until, outlet, type_, speaker_kind, fmt, limit, offset,
           all_) -> None:
    """Quotations, newest first. A quotation reprinted by several articles is
    listed once, with how many carry it and where it was first seen. When --limit
    cuts the list, stderr says how many there are and how to see the rest."""
    filters = _filters(speaker, about, since, until, outlet, type_, speaker_kind)
    found = archive.quotes(**filters, limit=None if all_ else limit, offset=offset)
    if fmt == "json":
        _json(found)
    elif fmt == "csv":
        write_csv(map(flat_quote, found), QUOTE_FIELDS, sys.stdout)
    else:
        click.echo("\n".join(_quote_table(q) for q in found) if found else "no quotations found")
    total = archive.count_quotes(**filters)
    if offset + len(found) < total:
        click.echo(f"citata: quotations {offset + 1}–{offset + len(found)} of {total} shown; the next: "
                   f"--offset {offset + len(found)}, or --all", err=True)


@main.command()
@click.argument("text")
@click.option("--limit", type=click.IntRange(1, MAX_INT), default=20, show_default=True)
@_table_or_json
@_archive_command
def search(archive: Archive, text: str, limit: int, fmt: str) -> None:
    """Articles containing every word of TEXT in any grammatical form, best first."""
    found = archive.search(text, limit=limit)
    if fmt == "json":
        _json(found)
        return
    for a in found:
        click.echo(f"{a['id']:>6}  {a['published'] or '----------'}  {a['outlet'] or '-'}  {_short(a['title'], 80)}\n"
                   f"        {a['snippet']}")
    if not found:
        click.echo("no articles found")


@main.command()
@click.option("--top", type=click.IntRange(1, MAX_INT), default=20, show_default=True)
@click.option("--kind", type=click.Choice(SPEAKER_KINDS + ("all",)), default="person", show_default=True,
              help="Which speakers to rank: persons, organizations, documents, anonymous sources, or all.")
@_table_or_json
@_archive_command
def speakers(archive: Archive, top: int, kind: str, fmt: str) -> None:
    """The most quoted speakers, one row per identity ("Лавров" and "Сергей Лавров" together);
    a reprinted quotation counts once, as in `citata speaker` and the web pages."""
    found = archive.speakers(top=top, kind=None if kind == "all" else kind)
    if fmt == "json":
        _json(found)
        return
    click.echo(f"{'quotations':>10} {'articles':>8}  {'first':10}  {'last':10}  speaker")
    for s in found:
        click.echo(f"{s['quotations']:>10} {s['articles']:>8}  {s['first'] or '-':10}  {s['last'] or '-':10}"
                   f"  {s['name']} ({s['kind']})")


@main.command()
@click.argument("name")
@_table_or_json
@_archive_command
def speaker(archive: Archive, name: str, fmt: str) -> None:
    """One speaker: names and aliases, roles, quotations per month, frequent topics."""
    found = archive.speaker(name)
    if found is None:
        raise ArchiveError(f"no speaker matches {name!r}")
    if fmt == "json":
        _json(found)
        return
    counted = lambda d: ", ".join(f"{k} ({v})" for k, v in d.items()) or "-"  # noqa: E731
    click.echo(f"{found['name']} ({found['kind']}): {found['quotations']} quotations in "
               f"{found['appearances']} appearances, {found['first'] or '?'} … {found['last'] or '?'}\n"
               f"  names:    {counted(found['names'])}\n"
               f"  aliases:  {counted(found['aliases'])}\n"
               f"  roles:    {counted(found['roles'])}\n"
               f"  outlets:  {counted(found['outlets'])}\n"
               f"  topics:   {', '.join(found['topics']) or '-'}\n"
               f"  per month:")
    for month, n in found["per_month"].items():
        click.echo(f"    {month}  {n:>4}  {'#' * min(n, 60)}")
    if found["others"]:
        click.echo(f"  also matching {name!r}: " + "; ".join(
            f"{o['name']} ({o['quotations']})" for o in found["others"]))


@main.command()
@click.argument("article_id", type=click.IntRange(1, MAX_INT))
@_table_or_json
@_archive_command
def article(archive: Archive, article_id: int, fmt: str) -> None:
    """One article with its quotations, entities and syndication."""
    found = archive.article(article_id)
    if found is None:
        raise ArchiveError(f"no article {article_id}")
    if fmt == "json":
        _json(found)
        return
    syn = found["syndication"]
    copies = ", ".join(f"{c['id']}{'*' if c['is_origin'] else ''}" for c in syn["copies"]) or "-"
    click.echo(f"article {found['id']}: {found['title'] or '-'}\n"
               f"  source:      {found['source']}\n"
               f"  outlet:      {found['outlet'] or '-'}   published: {found['published'] or '-'}   "
               f"url: {found['url'] or '-'}\n"
               f"  syndication: {copies} (* origin)\n"
               f"  entities:    {len(found['entities'])}\n"
               f"  quotations:  {len(found['quotes'])}")
    for q in found["quotes"]:
        sp = q["speaker"] or {}
        click.echo(f"    {q['type']:<8} {sp.get('name') or '?'}: {_short(q['content']['text'], 100)}")
    click.echo("\n" + found["text"])


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("--what", type=click.Choice(EXPORTS), default="quotes", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="File to write [default: standard output; parquet needs a file].")
@_quote_filter_options
@_archive_command
def export(archive: Archive, fmt: str, what: str, output: str | None, speaker, about, since, until, outlet, type_,
           speaker_kind) -> None:
    """Every article, quotation or entity mention as JSON lines, CSV (with a header row
    and a byte-order mark for spreadsheets) or Parquet. The filters are those of
    `citata quotes` (every appearance of a reprinted quotation is a row); articles
    and mentions take --outlet, --since and --until."""
    archive.export(what=what, format=fmt, out=output, **_filters(speaker, about, since, until, outlet, type_,
                                                                    speaker_kind))


@main.command()
@_table_or_json
@_archive_command
def stats(archive: Archive, fmt: str) -> None:
    """What the archive holds."""
    s = archive.stats()
    if fmt == "json":
        _json(s)
        return
    types = ", ".join(f"{k} {v}" for k, v in s["quotation_types"].items()) or "-"
    click.echo(f"archive {s['path']}\n"
               f"  articles:    {s['articles']} from {s['outlets']} outlets, published "
               f"{s['first_published'] or '?'} … {s['last_published'] or '?'}\n"
               f"  syndication: {s['syndicated_articles']} articles in {s['syndication_groups']} groups\n"
               f"  quotations:  {s['quotations']} ({s['distinct_quotations']} distinct; {types})\n"
               f"  speakers:    {s['speakers']}\n"
               f"  mentions:    {s['mentions']}")


@main.command()
@click.argument("urls", nargs=-1)
@click.option("--sources", "sources_file", type=click.Path(dir_okay=False), default=None,
              help="A .toml file of [[source]] tables (and [collect] settings), or a text file of URLs, one a line.")
@click.option("--every", default=None, metavar="INTERVAL",
              help="Keep running: a run every INTERVAL (15m, 1h, 90s) from one start to the next.")
@click.option("--rounds", type=click.IntRange(min=1), default=None, help="With --every: stop after this many runs.")
@click.option("--user-agent", default=None, help="The User-Agent sent, and matched against robots.txt "
                                                 "[default: citata/0.1 (…)].")
@click.option("--delay", type=click.FloatRange(min=0), default=None,
              help="Seconds between requests to one host (robots.txt's Crawl-delay may raise it) [default: 1].")
@click.option("--per-host", type=click.IntRange(min=1), default=None, help="Requests in flight to one host [default: 2].")
@click.option("--concurrency", type=click.IntRange(min=1), default=None, help="Requests in flight in all [default: 16].")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None, help="Seconds for one request [default: 20].")
@click.option("--max-pages", type=click.IntRange(min=0), default=None,
              help="Pages fetched per source per run; the rest wait for the next run [default: 500].")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, help="Drop larger responses [default: 8 MiB].")
@click.option("--warc-dir", type=click.Path(file_okay=False), default=None,
              help="Where the WARC files go [default: beside the archive file, citata-collect/].")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Ingest worker processes [default: every core].")
@click.option("--no-ingest", is_flag=True, help="Fetch into WARC files only; a later run (or `citata ingest`) ingests them.")
@_archive_command
def collect(archive: Archive, urls, sources_file, every, rounds, workers, no_ingest, warc_dir, **options) -> None:
    """Fetch new articles from news feeds and sitemaps into the archive.

    URLS are feeds (RSS, Atom) or sitemaps (indexes, news sitemaps); more come from
    --sources. Every response is kept in WARC files; pages go through the same path
    as `citata ingest`. Pages already fetched are never fetched again; feeds are asked
    with ETag / Last-Modified. An interrupted run is completed by the next one.
    Exit status 1 when a source could not be read.
    """
    import logging

    from . import collect as col

    _log_to_stderr()
    try:
        found = col.load(sources_file) if sources_file else col.SourceList()
        found.sources += [col.source(u) for u in urls]
        given = {k: v for k, v in options.items() if v is not None}
        settings = col.Settings(**(found.settings | given))
        interval = col.parse_interval(every) if every else None
    except (col.SourcesError, ValueError, TypeError) as exc:
        raise ArchiveError(str(exc)) from None
    if not found.sources:
        raise ArchiveError("nothing to collect: name feed or sitemap URLs, or --sources FILE")
    kw = dict(settings=settings, folder=warc_dir, workers=workers, ingest=not no_ingest, on_error=_error,
              progress=sys.stderr.isatty())
    failed_sources = []

    def summary(report) -> None:
        click.echo(f"citata: collected into {archive.backend.label}\n" + "\n".join(report.lines()))
        failed_sources[:] = [s for s in report.sources if s.error]

    archive.close()
    try:
        if interval is None:
            summary(col.collect(archive.path, found.sources, **kw))
        else:
            col.collect_every(archive.path, found.sources, interval, rounds, on_report=summary, **kw)
    except col.CollectError as exc:
        raise ArchiveError(str(exc)) from None
    except KeyboardInterrupt:
        logging.getLogger("citata.collect").warning("stopped; the next run goes on from here")
        sys.exit(130)
    if failed_sources:
        sys.exit(1)


def _log_to_stderr() -> None:
    """`citata collect`'s log: one line per event, to stderr; httpx's request lines left out."""
    import logging

    class Stderr(logging.Handler):
        def emit(self, record):  # the stderr of the moment (a test runner swaps it)
            click.echo("citata: " + " ".join(record.getMessage().split()), err=True)

    log = logging.getLogger("citata.collect")
    if not any(type(h).__name__ == "Stderr" for h in log.handlers):
        log.addHandler(Stderr())
    log.setLevel(logging.INFO)
    logging.getLogger("httpx").setLevel(logging.WARNING)


@main.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--allow-ingest", is_flag=True,
              help="Accept documents over HTTP (POST /api/ingest, JSON lines) from clients holding the token.")
@click.option("--token", envvar="CITATA_TOKEN", default=None,
              help="The token --allow-ingest requires (Authorization: Bearer TOKEN) [default: $CITATA_TOKEN].")
def serve(db, host: str, port: int, allow_ingest: bool, token: str | None) -> None:
    """Serve the archive: HTML pages at /, a JSON API under /api, its documentation at /docs.

    Read-only unless --allow-ingest is given with a token.
    """
    import uvicorn

    from .web import create_app

    try:
        app = create_app(db, allow_ingest=allow_ingest, token=token)
    except (ArchiveError, DatabaseError, ValueError) as exc:
        click.echo(f"citata: error: {_escaped(str(exc))}", err=True)
        sys.exit(1)
    shown = f"[{host}]" if ":" in host else host
    # Bound before "serving at" is printed: a busy port is one error line, not a promise then a failure.
    try:
        sock = socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET)
    except OSError as exc:
        click.echo(f"citata: error: cannot listen on {shown}:{port}: {exc.strerror or exc}", err=True)
        sys.exit(1)
    click.echo(f"citata: serving the archive at http://{shown}:{port}/ (Ctrl+C stops)")
    # On SIGTERM or Ctrl+C requests in flight get a second to finish; then the app's shutdown stops
    # the ingest worker, whatever it is doing.
    uvicorn.Server(uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=1)).run(sockets=[sock])


if __name__ == "__main__":
    main()
