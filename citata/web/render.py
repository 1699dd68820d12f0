"""What the HTML pages draw, computed here so templates only lay it out: an article's text cut
into pieces under quotation highlights and speaker links, query words to mark, the timeline chart."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..lemmas import lemma, query_lemmas, words


def safe_url(url: str | None) -> str | None:
    """`url` if it is a web address; a link must never run script (javascript:, data:)."""
    return url if url and re.match(r"(?i)https?://", url) else None


def public_source(source: str) -> str:
    """An article's source as a public page may show it: a file's name, not the server's path to it
    ("/srv/dumps/2024/a.txt" -> "a.txt", "/srv/d.jsonl:3" -> "d.jsonl:3"); URLs and ids as they are."""
    return source.rsplit("/", 1)[-1] if source.startswith("/") else source


@dataclass
class Piece:
    text: str
    quote: dict[str, Any] | None = None  # the quotation whose content covers this piece
    first: bool = False  # the quotation's first piece: carries its anchor
    speaker: dict[str, Any] | None = None  # the speaker a mention here designates


def paragraphs(text: str, quotes: list[dict[str, Any]], offset: int = 0) -> list[list[Piece]]:
    """`text` (starting at `offset` of the article) as paragraphs of pieces. A quotation's quoted
    parts (or its content) are highlighted; its speaker's mention links to the speaker."""
    end = offset + len(text)
    quote_spans, mention_spans = [], []
    for q in quotes:
        for span in q["parts"] or [q["content"]]:
            quote_spans.append((span["start"], span["end"], q))
        sp = q["speaker"] or {}
        if sp.get("id") is not None and sp.get("mention"):
            mention_spans.append((sp["mention"]["start"], sp["mention"]["end"], sp))
    cuts = {offset, end}
    for a, b, _ in quote_spans + mention_spans:
        cuts.update(x for x in (a, b) if offset < x < end)
    breaks = [m.start() + offset for m in re.finditer(r"\n\n+", text)]
    cuts.update(breaks)
    cuts.update(m.end() + offset for m in re.finditer(r"\n\n+", text))
    bounds = sorted(cuts)
    out: list[list[Piece]] = [[]]
    started: set[int] = set()
    for a, b in zip(bounds, bounds[1:]):
        chunk = text[a - offset:b - offset]
        if not chunk.strip("\n") and "\n\n" in chunk:
            out.append([])
            continue
        quote = next((q for s, e, q in quote_spans if s <= a and b <= e), None)
        speaker = next((sp for s, e, sp in mention_spans if s <= a and b <= e), None)
        first = quote is not None and quote["id"] not in started
        if first:
            started.add(quote["id"])
        out[-1].append(Piece(chunk, quote, first, speaker))
    return [p for p in out if p]


def around(span: dict[str, Any], start: int, end: int, width: int = 320) -> tuple[str, int, bool, bool]:
    """At most `width` characters of `span` (a paragraph: text and start) on each side of
    [start, end), cut at spaces: (text, its offset in the article, cut before, cut after)."""
    text, offset = span["text"], span["start"]
    a, b = max(start - offset - width, 0), min(end - offset + width, len(text))
    if a > 0:
        space = text.find(" ", a, start - offset)
        a = space + 1 if space >= 0 else a
    if b < len(text):
        space = text.rfind(" ", end - offset, b)
        b = space if space >= 0 else b
    return text[a:b], offset + a, a > 0, b < len(text)


def marked(text: str, query: str | None) -> list[tuple[str, bool]]:
    """`text` in runs, True where a word has the lemma of a query word."""
    wanted = set(query_lemmas(query)) if query else set()
    if not wanted:
        return [(text, False)]
    out, pos = [], 0
    for m in words(text):
        if lemma(m.group().lower()) in wanted:
            out += [(text[pos:m.start()], False), (m.group(), True)]
            pos = m.end()
    out.append((text[pos:], False))
    return [r for r in out if r[0]]


_HIT = re.compile(r"\[([^\W_]+(?:-[^\W_]+)*)\]")


def snippet_runs(snippet: str) -> list[tuple[str, bool]]:
    """An archive search snippet, whose matched words are [bracketed], as runs."""
    out, pos = [], 0
    for m in _HIT.finditer(snippet):
        out += [(snippet[pos:m.start()], False), (m.group(1), True)]
        pos = m.end()
    out.append((snippet[pos:], False))
    return [r for r in out if r[0]]


def timeline(per_month: dict[str, int], width: int = 720, height: int = 160) -> dict[str, Any] | None:
    """Bars for every month from the first to the last dated one (empty months included, so the
    gaps show), with year ticks; `undated` counts quotations from articles without a date."""
    months = sorted(m for m in per_month if re.fullmatch(r"\d{4}-\d{2}", m))
    if not months:
        return None
    (y0, m0), (y1, m1) = (map(int, months[0].split("-")), map(int, months[-1].split("-")))
    span = [(y, m) for y in range(y0, y1 + 1) for m in range(1, 13)
            if (y, m) >= (y0, m0) and (y, m) <= (y1, m1)]
    top = max(per_month[m] for m in months)
    pad_left, pad_bottom, pad_top = 28, 22, 8
    plot_w, plot_h = width - pad_left - 4, height - pad_bottom - pad_top
    step = plot_w / len(span)
    bars, ticks = [], []
    for i, (y, m) in enumerate(span):
        key = f"{y:04d}-{m:02d}"
        n = per_month.get(key, 0)
        x = pad_left + i * step
        if n:
            h = max(plot_h * n / top, 2)
            bars.append({"month": key, "count": n, "x": round(x + step * 0.12, 2), "w": round(max(step * 0.76, 1), 2),
                         "y": round(pad_top + plot_h - h, 2), "h": round(h, 2)})
        if (m == 1 or i == 0) and (not ticks or x - ticks[-1]["x"] >= 48):  # labels must not overlap
            ticks.append({"x": round(x, 2), "label": str(y) if m == 1 else key})
    return {"width": width, "height": height, "bars": bars, "ticks": ticks, "top": top,
            "base": pad_top + plot_h, "top_y": pad_top + 8, "left": pad_left, "right": width - 4,
            "undated": per_month.get("unknown", 0)}
