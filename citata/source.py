"""Readers: turn files, directories, stdin, JSON lines, HTML and WARC into
`RawDocument`s. A bad input yields a `ReadError` and reading goes on."""
from __future__ import annotations

import fnmatch
import gzip
import html
import io
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import lexicons as lex
from .model import RawDocument, ReadError, Segment

# No news article comes near this; larger inputs are scraper accidents
# (a whole site on one line, a database dump) and would stall the batch.
DEFAULT_MAX_BYTES = 8 * 1024 * 1024
MAX_HTML_TAGS = 50_000  # "<" counted: opening and closing tags, some 25,000 elements
_CHUNK = 1 << 20

STDIN = "-"
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

Item = RawDocument | ReadError


class DecodeError(ValueError):
    pass


# ---------------------------------------------------------------- sanitising

# C0 controls but tab and newlines, DEL, C1 controls; lone surrogates (JSON's "\ud800"). PostgreSQL
# refuses NUL in text; the others are never content. One rule for every reader and backend.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
_SURROGATES = re.compile("[\ud800-\udfff]")


def sanitise(text: str) -> str:
    """`text` without control characters (tab, line feed and carriage return stay) and with
    each lone surrogate replaced by U+FFFD."""
    # Controls and surrogates are both unprintable: a text printable once its tabs and line
    # breaks are set aside has neither (one C pass instead of two regex scans).
    if text.replace("\n", "").replace("\t", "").replace("\r", "").isprintable():
        return text
    if _CONTROLS.search(text):
        text = _CONTROLS.sub("", text)
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    return text


def _document(source: str, text: str, layout: str, meta: dict | None = None,
              runs: list | None = None) -> RawDocument:
    """Every reader builds its documents here, so that every text is sanitised the same way."""
    meta = {k: sanitise(v) if isinstance(v, str) else v for k, v in (meta or {}).items()}
    return RawDocument(sanitise(source), sanitise(text), layout=layout, meta=meta, runs=runs or [])


# ---------------------------------------------------------------- decoding

# The most frequent lower-case Russian letters; their share among Cyrillic
# letters tells a right legacy decoding from a wrong one (KOI8-R read as
# cp1251 turns lower case into upper case and rare letters).
_FREQUENT = set("оеаинтсрвлкмдпу")
_LEGACY = ("cp1251", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5")


# Bytes that are not control characters (tab, line breaks, form feed and escape count as text).
_TEXT_BYTES = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13, 27))


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _TEXT_BYTES))  # the control bytes left once text bytes go
    return controls > len(head) * 0.05


def _russian_score(text: str) -> float:
    """Share of frequent lower-case Russian letters among non-ASCII characters:
    a wrong code page yields capitals, rare letters and symbols instead."""
    high = [c for c in text if ord(c) > 127]
    if not high:
        return 0.0
    return sum(1 for c in high if c in _FREQUENT) / len(high)


def decode(data: bytes) -> str:
    """Decode bytes of Russian text: UTF-8 (with or without BOM), UTF-16 with
    BOM, or a legacy Cyrillic code page told apart by letter statistics.
    Raises DecodeError with a one-line reason."""
    if not data.strip():
        raise DecodeError("empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 at byte {exc.start}") from None
    if _looks_binary(data):
        raise DecodeError("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    # Valid multi-byte sequences mean the file is UTF-8 with damage in it:
    # guessing a code page would garble the good part, so refuse it.
    as_utf8 = data.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd")
    good = sum(1 for c in as_utf8 if ord(c) > 127 and c != "\ufffd")
    if good >= bad:
        raise DecodeError(f"invalid UTF-8 at byte {first_bad} ({bad} undecodable sequences)")
    sample = data[:65536]
    best, best_score = None, 0.0
    for enc in _LEGACY:
        score = _russian_score(sample.decode(enc, errors="replace"))
        if score > best_score:
            best, best_score = enc, score
    if best is not None and best_score >= 0.35:
        return data.decode(best, errors="replace")
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None:
        raise DecodeError(f"not UTF-8 and no text encoding recognised (first bad byte at {first_bad})")
    return str(match)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------- layouts

_BSNLP_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2}([T ][\d:.+\-Z]*)?)?$")
_LANG = re.compile(r"^[a-z]{2}$")


def _bsnlp_header(lines: list[str]) -> dict | None:
    """The BSNLP layout: id, language code, date (may be empty), URL."""
    if len(lines) < 5:
        return None
    doc_id, lang, date, url = (s.strip() for s in lines[:4])
    if not doc_id or " " in doc_id or not _LANG.match(lang) or not _BSNLP_DATE.match(date):
        return None
    if url and not url.startswith(("http://", "https://")):
        return None
    return {"id": doc_id, "language": lang, "published": date[:10] or None, "url": url or None}


_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")


def decode_entities(text: str) -> str:
    """HTML character references a scraper left in text ("&quot;брексита&quot;") as the characters
    they stand for; a bare "&" and anything else stay as they are."""
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text) if "&" in text else text


# ---------------------------------------------------------------- markup residue

# Tags a scraper leaves in a text dump, by what a browser makes of them: a block tag ends the line, a
# cell is set off by a space, an inline tag goes and its text stays, a hidden element goes with its
# content; <br> as jusText reads it (in visible_text). Only these names count as markup: "<цитата>",
# "<a@b.ru>" or "x<y и y>z" are text.
_BLOCK_TAGS = frozenset(
    "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr table thead tbody tfoot caption blockquote section "
    "article header footer nav aside figure figcaption pre hr main address center form fieldset legend "
    "details summary".split())
_CELL_TAGS = frozenset(("td", "th"))
_INLINE_TAGS = frozenset(
    "a b i u s em strong span font small big sup sub abbr acronym cite q mark time img strike del ins code "
    "kbd samp var tt label nobr wbr picture source".split())
_HIDDEN_TAGS = frozenset(("script", "style", "noscript", "template", "iframe", "svg", "object"))
_TAG_NAMES = _BLOCK_TAGS | _CELL_TAGS | _INLINE_TAGS | _HIDDEN_TAGS
# A tag, a comment's start or a character reference. Possessive: a "<" without its ">" costs at most
# 1,000 characters of look-ahead, once.
_MARKUP = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,9})((?:[\s/][^<>]{0,1000}+)?)>|<!--|" + _ENTITY.pattern)
_ATTRIBUTES = re.compile(r"[\s/]*(?:$|[a-zA-Z_:][-a-zA-Z0-9_:.]*\s*(?:[=/>]|\s|$))")
_RESIDUE_TAGS = 2  # one stray "<b>" in a plain text is not enough to read it as markup


def _tag(m: re.Match) -> str | None:
    """The lower-cased name of a tag `_MARKUP` matched, or None where it is text that looks like one."""
    if m.group(2) is None:
        return None
    name = m.group(2).lower()
    if name not in _TAG_NAMES or not _ATTRIBUTES.match(m.group(3)):
        return None
    return name


def _residue(text: str) -> bool:
    """Whether `text` carries HTML markup (at least two known tags or comments), not just "<" signs."""
    if "<" not in text:
        return False
    found, closed = 0, "-->" in text
    for m in _MARKUP.finditer(text):
        if m.group() == "<!--" and closed or _tag(m):
            found += 1
            if found >= _RESIDUE_TAGS:
                return True
    return False


class _Visible:
    """The visible text being built, and the runs of it that come from the input."""

    def __init__(self, text: str):
        self.text = text
        self.parts: list[str] = []
        self.runs: list[Segment] = []
        self.size = 0
        self.verbatim = False  # the last run is copied input, so the next copy may extend it
        self.breaks = 0  # line breaks the block tags since the last text ask for before the next
        self.space = False  # a table cell ended: a space before the next text

    def _put(self, s: str, at: int, verbatim: bool) -> None:
        last = self.runs[-1] if self.runs else None
        if verbatim and self.verbatim and last.raw_start + last.length == at:
            last.length += len(s)
        elif verbatim:
            self.runs.append(Segment(self.size, at, len(s)))
        else:  # a character that stands for markup: a run of one at the markup's first character
            self.runs.extend(Segment(self.size + k, at, 1) for k in range(len(s)))
        self.verbatim = verbatim
        self.parts.append(s)
        self.size += len(s)

    def _separate(self, at: int, leading: int) -> None:
        """The line breaks (or the space) the markup before `at` asks for, counting the `leading` line
        breaks the text there starts with and those the text so far ends with."""
        if self.breaks and self.size:
            self._trim()
            last = self.parts[-1]
            ending = len(last) - len(last.rstrip("\n"))
            if self.breaks > ending + leading:
                self._put("\n" * (self.breaks - ending - leading), at, False)
        elif self.space and self.size and not leading and not self.parts[-1][-1].isspace():
            self._put(" ", at, False)
        self.breaks, self.space = 0, False

    def _trim(self) -> None:
        """Drop the spaces that end the line a block tag ends (a browser does not show them)."""
        last = self.parts[-1]
        cut = len(last) - len(last.rstrip(" \t"))
        if cut and cut < len(last) and self.verbatim:
            self.parts[-1] = last[:-cut]
            self.size -= cut
            self.runs[-1].length -= cut

    def copy(self, start: int, end: int) -> None:
        """The input's characters start..end; after a block tag, without the spaces that open the line."""
        if self.breaks or self.space:
            while start < end and self.text[start] in " \t":
                start += 1
            if start == end:
                return
            chunk = self.text[start:end]
            self._separate(start, len(chunk) - len(chunk.lstrip("\n")))
        if start < end:
            self._put(self.text[start:end], start, True)

    def entity(self, m: re.Match) -> None:
        self._separate(m.start(), 0)
        self._put(html.unescape(m.group()), m.start(), False)


def visible_text(text: str) -> tuple[str, list[Segment]]:
    """The text a browser shows of a text dump with HTML markup left in: script, style and comments
    gone with their content, a line break for each block tag (p, div, li, h1…, <br><br>) the lines of
    the dump do not already have there, a space for a single <br> or a table cell's end, inline tags
    gone and their text kept, character references decoded. Also the runs of the result and where
    each starts in `text` (a character that stands for markup — a line break, a decoded reference —
    is a run of one, at the markup's start). One pass: an element never closed is looked for once."""
    out = _Visible(text)
    pos, last_br = 0, -100
    unclosed = set()  # "<!--" or the hidden elements whose end the rest of the text does not have
    while (m := _MARKUP.search(text, pos)) is not None:
        out.copy(pos, m.start())
        pos = m.end()
        if m.group() == "<!--":
            end = -1 if "<!--" in unclosed else text.find("-->", m.end())
            if end < 0:  # never closed: text, as far as a dump goes
                unclosed.add("<!--")
                out.copy(m.start(), m.end())
            else:
                pos = end + 3
            continue
        if m.group().startswith("&"):
            out.entity(m)
            continue
        name = _tag(m)
        if name is None:
            out.copy(m.start(), m.end())
        elif name in _HIDDEN_TAGS and not m.group(1) and not m.group(3).rstrip().endswith("/"):
            close = None if name in unclosed else re.compile(rf"</{name}\s*>", re.IGNORECASE).search(text, m.end())
            if close is None:  # only the tag goes
                unclosed.add(name)
            else:
                pos = close.end()
        elif name == "br":
            # jusText's reading: <br><br> parts paragraphs, one <br> breaks a line inside one (a line
            # of the dump is a paragraph, so it joins the line with a space)
            if m.start() - last_br < 100 and not text[last_br:m.start()].strip():
                out.breaks = max(out.breaks, 1)
            else:
                out.space = True
            last_br = m.end()
        elif name in _BLOCK_TAGS:
            out.breaks = max(out.breaks, 1)
        elif name in _CELL_TAGS:
            out.space = True
    out.copy(pos, len(text))
    return "".join(out.parts), out.runs


def decoded_references(text: str) -> tuple[str, list[Segment]]:
    """`text` with its character references decoded (`decode_entities`), and the runs of the result
    and where each starts in `text`, as `visible_text` gives them (a decoded reference is a run of
    one at its "&"), so an offset maps back to the input; no runs where nothing was decoded."""
    if "&" not in text or not _ENTITY.search(text):
        return text, []
    out, pos = _Visible(text), 0
    for m in _ENTITY.finditer(text):
        out.copy(pos, m.start())
        out.entity(m)
        pos = m.end()
    out.copy(pos, len(text))
    return "".join(out.parts), out.runs


def _visible_or_decoded(text: str) -> tuple[str, list[Segment]]:
    """A dump with markup residue as a browser shows it, any other text with its character
    references decoded; each with its runs over the input (none where the text is the input)."""
    if _residue(text):
        return visible_text(sanitise(text))
    return decoded_references(sanitise(text))


def text_document(source: str, text: str, plain: bool = False) -> RawDocument:
    """A decoded text file: a BSNLP record or a scraper's plain dump (markup residue dropped)."""
    if plain:
        return _document(source, text, "body")
    text, runs = _visible_or_decoded(normalise_newlines(text))
    header = _bsnlp_header(text.split("\n", 5))
    if header:
        return _document(source, text, "bsnlp", header, runs)
    return _document(source, text, "plain", None, runs)


def html_document(source: str, html: str | bytes, url: str | None = None, plain: bool = False) -> RawDocument:
    """Main content of an HTML page via trafilatura (no hand-written remover)."""
    import trafilatura

    # trafilatura's work grows faster than the number of elements (25,000 paragraphs: 4 s of CPU;
    # 100,000: 30 s; a million tags: minutes and gigabytes), and readers run outside the
    # per-document budget; an article page has a few thousand elements.
    tags = html.count(b"<" if isinstance(html, bytes) else "<")
    if tags > MAX_HTML_TAGS:
        raise DecodeError(f"HTML page with {tags:,} tags (limit {MAX_HTML_TAGS:,}): not one article")
    if isinstance(html, str):
        html = sanitise(html)
    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if extracted is None or not (extracted.text or "").strip():
        raise DecodeError("HTML page without extractable main text")
    meta = {
        "title": extracted.title,
        "url": extracted.url or url,
        "published": extracted.date,
        "outlet": extracted.sitename,
    }
    text = extracted.text if plain else normalise_newlines(extracted.text)
    return _document(source, text, "body" if plain else "html", {k: v for k, v in meta.items() if v})


_MARKUP_SHARE = 0.5  # a page's markup outweighs its text; a dump with residue is mostly text


def _sniff_html(text: str) -> bool:
    """Whether `text` is an HTML page (trafilatura's to read) rather than a text dump, with or without
    markup residue: it opens as a page or has a page's head, or its markup outweighs its text."""
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or re.search(r"<(html|head|body)[\s>]", head):
        return True
    if not re.search(r"<(div|p|article)[\s>]", head):
        return False
    shown = len("".join(visible_text(text)[0].split()))
    return shown < _MARKUP_SHARE * len("".join(text.split()))


def _from_bytes(source: str, data: bytes, plain: bool, max_bytes: int) -> Iterator[Item]:
    if len(data) > max_bytes:
        yield ReadError(source, _too_large(len(data), max_bytes))
        return
    if data[:2] == b"\x1f\x8b":
        # A gzip stream: a compressed WARC, or any other input compressed. At most max_bytes are
        # inflated, so a small bomb cannot fill the memory.
        try:
            inner = gzip.GzipFile(fileobj=io.BytesIO(data)).read(max_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:
            yield ReadError(source, f"corrupt gzip data: {exc}")
            return
        if inner.startswith(b"WARC/"):
            yield from _warc(source, io.BytesIO(data), plain, max_bytes)
            return
        if len(inner) > max_bytes:
            yield ReadError(source, f"too large for one document: over {max_bytes / 2**20:.0f} MB decompressed")
            return
        if inner[:2] == b"\x1f\x8b":
            yield ReadError(source, "gzip inside gzip")
            return
        data = inner
    if data.startswith(b"WARC/"):
        yield from _warc(source, io.BytesIO(data), plain, max_bytes)
        return
    try:
        text = decode(data)
    except DecodeError as exc:
        yield ReadError(source, str(exc))
        return
    stripped = text.lstrip()
    if stripped.startswith("{"):
        yield from _jsonl_records(source, _numbered(text.splitlines()), plain, max_bytes)
    elif _sniff_html(text):
        yield _guard(source, lambda: html_document(source, text, plain=plain))
    elif not plain and _is_table(text):
        yield ReadError(source, "a tab-separated table (an annotation file?), not an article")
    else:
        yield text_document(source, text, plain)


def _is_table(text: str) -> bool:
    """BSNLP's annotated/*.txt: an id line, then one "mention<TAB>lemma<TAB>type<TAB>id" per line."""
    lines = [ln for ln in text.splitlines()[1:] if ln.strip()]
    return len(lines) >= 2 and all(ln.count("\t") >= 2 for ln in lines)


def _guard(source: str, make) -> Item:
    try:
        return make()
    except DecodeError as exc:
        return ReadError(source, str(exc))
    except Exception as exc:  # a parser bug on one page must not stop the batch
        return ReadError(source, f"{type(exc).__name__}: {exc}")


def _too_large(size: int, limit: int) -> str:
    return f"too large for one document: {size / 2**20:.1f} MB (limit {limit / 2**20:.0f} MB)"


# ---------------------------------------------------------------- containers

_JSON_FIELDS = ("url", "title", "published", "outlet")


def _numbered(lines: Iterable[str]) -> Iterator[tuple[int, str | None, int]]:
    for lineno, line in enumerate(lines, 1):
        yield lineno, line, len(line)


def _stream_lines(fh, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line, size in bytes) for each line of a binary stream; a line over
    `max_bytes` comes as None and is skipped in bounded chunks, never held whole."""
    lineno = 0
    while line := fh.readline(max_bytes + 1):
        lineno += 1
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield lineno, line, len(line)
            continue
        size = len(line)
        while rest := fh.readline(_CHUNK):
            size += len(rest)
            if rest.endswith(b"\n"):
                break
        yield lineno, None, size


def _json_record(line: str):
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise DecodeError(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        # The C parser recurses per bracket; it stops cleanly at the interpreter's limit.
        raise DecodeError("invalid JSON: nested too deeply") from None


def _jsonl_records(path: str, rows: Iterable[tuple[int, str | bytes | None, int]], plain: bool,
                   max_bytes: int) -> Iterator[Item]:
    for lineno, line, size in rows:
        where = f"{path}:{lineno}"
        if line is None or size > max_bytes:
            yield ReadError(where, _too_large(size, max_bytes))
            continue
        if isinstance(line, bytes):
            if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield ReadError(where, f"invalid UTF-8 at byte {exc.start}")
                continue
        if not line.strip():
            continue
        try:
            record = _json_record(line)
        except DecodeError as exc:
            yield ReadError(where, str(exc))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield ReadError(where, 'JSON record without a "text" string')
            continue
        if not sanitise(record["text"]).strip():
            yield ReadError(where, "empty text")
            continue
        source = str(record["id"]) if record.get("id") is not None else where
        meta = {k: record[k] for k in _JSON_FIELDS if isinstance(record.get(k), str) and record[k]}
        if plain:
            yield _document(source, record["text"], "body", meta)
        else:
            meta = {k: decode_entities(v) for k, v in meta.items()}
            text, runs = _visible_or_decoded(normalise_newlines(record["text"]))
            yield _document(source, text, "plain", meta, runs)


def _jsonl_file(path: str, fh, plain: bool, max_bytes: int) -> Iterator[Item]:
    """JSON lines, gzip-compressed or not, streamed: limits hold on the decompressed bytes."""
    stream = gzip.GzipFile(fileobj=fh) if path.lower().endswith(".gz") else fh
    try:
        yield from _jsonl_records(path, _stream_lines(stream, max_bytes), plain, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        yield ReadError(path, f"cannot read JSON lines: {exc}")


def _warc(source: str, stream, plain: bool, max_bytes: int) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers
                     else record.rec_headers.get_header("Content-Type")) or ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            count += 1
            where = f"{source}#{count}"
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) <= max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
                # The record's declared length was not there: the file ends mid-record.
                raise EOFError(f"record {count} ({url}) is cut short")
            if len(payload) > max_bytes:
                yield ReadError(where, _too_large(len(payload), max_bytes))
                continue
            yield _guard(where, lambda: html_document(where, payload, url=url, plain=plain))
    except Exception as exc:  # warcio signals truncation with several exception types
        yield ReadError(source, f"truncated or corrupt WARC after {count} records ({type(exc).__name__}: {exc})")
        return
    if count == 0:
        yield ReadError(source, "WARC without HTML records")




def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def open_regular(path: str):
    """A regular file opened for binary reading. Anything else raises DecodeError: opening a FIFO
    waits for a writer and a device may never end. Opened without blocking, then checked, so
    the check holds for the file actually read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise DecodeError(f"not a regular file but {_file_kind(mode)} (use - to read standard input)")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_bounded(fh, max_bytes: int) -> bytes:
    """At most max_bytes + 1 bytes (one more tells "too large"), read in chunks so that a large
    limit never becomes one large allocation."""
    parts, size = [], 0
    while size <= max_bytes and (chunk := fh.read(min(_CHUNK, max_bytes + 1 - size))):
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def _file(path: str, plain: bool, max_bytes: int) -> Iterator[Item]:
    lower = path.lower()
    try:
        fh = open_regular(path)
    except DecodeError as exc:
        yield ReadError(path, str(exc))
        return
    except OSError as exc:
        yield ReadError(path, exc.strerror or str(exc))
        return
    with fh:
        if lower.endswith(_WARC_SUFFIXES):
            yield from _warc(path, fh, plain, max_bytes)
            return
        if lower.endswith(JSONL_SUFFIXES):
            yield from _jsonl_file(path, fh, plain, max_bytes)
            return
        try:
            size = os.fstat(fh.fileno()).st_size
            data = b"" if size > max_bytes else _read_bounded(fh, max_bytes)
        except OSError as exc:
            yield ReadError(path, exc.strerror or str(exc))
            return
    if size > max_bytes or len(data) > max_bytes:
        yield ReadError(path, _too_large(max(size, len(data)), max_bytes))
        return
    if lower.endswith(_HTML_SUFFIXES):
        try:
            text = decode(data)
        except DecodeError as exc:
            yield ReadError(path, str(exc))
            return
        yield _guard(path, lambda: html_document(path, text, plain=plain))
        return
    yield from _from_bytes(path, data, plain, max_bytes)


def read(paths: Iterable[str], plain: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
         stdin=None) -> Iterator[Item]:
    """Yield a RawDocument or a ReadError for every document under `paths`.

    A directory is read recursively (sorted order), skipping hidden entries, anything but
    regular files, and the annotation and licence files listed in data/walk_skip.txt;
    "-" reads standard input. No read takes more than `max_bytes` (after decompression)."""
    for path in paths:
        if path == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = _read_bounded(stream, max_bytes)
            yield from _from_bytes("<stdin>", data, plain, max_bytes)
        elif os.path.isdir(path):
            for sub in sorted(walk(Path(path))):
                yield from _file(str(sub), plain, max_bytes)
        elif not os.path.lexists(path):
            yield ReadError(path, "no such file or directory")
        else:
            yield from _file(path, plain, max_bytes)


def walk(root: Path) -> Iterator[Path]:
    """Regular files under `root` (symbolic links followed), never a FIFO or a device."""
    skip = lex.walk_skip()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith(".") or any(fnmatch.fnmatchcase(name, pat) for pat in skip):
                continue
            path = Path(dirpath) / name
            try:
                regular = stat.S_ISREG(path.stat().st_mode)
            except OSError:
                regular = True  # a dangling link or a vanished file: reading it reports why
            if regular:
                yield path
