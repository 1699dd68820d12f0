"""Command line: `citata extract …` (more commands join as the archive lands)."""
from __future__ import annotations

import json
import sys

import click

from .model import Document, ReadError
from .pipeline import process
from .source import DEFAULT_MAX_BYTES, read


def _error(item: ReadError) -> None:
    # One line per failure, whatever the exception text contained.
    reason = " ".join(item.reason.split())
    click.echo(f"citata: error: {item.source}: {reason}", err=True)


def _table_row(doc: Document) -> str:
    removed = sum(b.end - b.start for b in doc.boilerplate)
    dateline = doc.dateline.place if doc.dateline else "-"
    return (
        f"{doc.source}\n"
        f"  title:     {doc.title or '-'}\n"
        f"  outlet:    {doc.outlet or '-'}   published: {doc.published or '-'}   dateline: {dateline}\n"
        f"  relayed:   {', '.join(doc.relayed_from) or '-'}   credits: {'; '.join(doc.credits) or '-'}\n"
        f"  body:      {doc.text.count(chr(10) * 2) + 1 if doc.text else 0} paragraphs, {len(doc.text)} chars;"
        f" removed {len(doc.boilerplate)} boilerplate lines ({removed} chars)\n"
        f"  quotes:    {len(doc.quotes)}" + "".join(_quote_line(q) for q in doc.quotes)
    )


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
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse documents larger than this.")
def extract(paths: tuple[str, ...], plain: bool, fmt: str, max_bytes: int) -> None:
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
    for item in process(read(paths, plain=plain, max_bytes=max_bytes), plain=plain):
        if isinstance(item, ReadError):
            failed += 1
            _error(item)
            continue
        if fmt == "jsonl":
            out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
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


if __name__ == "__main__":
    main()
