"""What the HTML pages draw, computed here so templates only lay it out: an article's text cut
into pieces under quotation highlights and speaker links, query words to mark, the timeline chart."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
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


PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 40, 8, 10, 24


def _ticks(keys: list[str], interval: str, xs: list[float]) -> list[dict[str, Any]]:
    """Axis labels where the period changes: years; months when a day or week chart spans under a
    year and a half; weeks (their Monday) when a day chart spans under three months. Never closer
    than a label's width."""
    days = len(keys) * (7 if interval == "week" else 1)
    by_week = interval == "day" and days <= 92
    by_month = interval != "month" and days <= 550
    out: list[dict[str, Any]] = []
    previous = None
    for key, x in zip(keys, xs):
        if by_week:
            day = date.fromisoformat(key)
            period = (day - timedelta(days=day.weekday())).isoformat()
        else:
            period = key[:7] if by_month else key[:4]
        if period != previous and (not out or x - out[-1]["x"] >= (80 if by_week else 52)):
            out.append({"x": round(x, 2), "label": key if by_week else period})
        previous = period
    return out


def _frame(keys: list[str], top: int, width: int, height: int) -> dict[str, Any]:
    plot_w, plot_h = width - PAD_LEFT - PAD_RIGHT, height - PAD_TOP - PAD_BOTTOM
    mid = top // 2 if top >= 4 else None  # a middle grid line, at a whole number
    return {"width": width, "height": height, "top": top, "left": PAD_LEFT, "right": width - PAD_RIGHT,
            "base": PAD_TOP + plot_h, "top_y": PAD_TOP + 4, "step": plot_w / len(keys), "plot_h": plot_h,
            "mid": mid, "mid_y": round(PAD_TOP + plot_h - plot_h * mid / top, 2) if mid else None}


def attention_chart(buckets: list[dict[str, Any]], interval: str, width: int = 760,
                    height: int = 280) -> dict[str, Any] | None:
    """Quotations per bucket as bars (only non-empty buckets get one), articles as a line over
    every bucket, on one scale, with period ticks."""
    if not buckets:
        return None
    keys = [b["date"] for b in buckets]
    top = max(max(b["quotations"], b["articles"]) for b in buckets) or 1
    f = _frame(keys, top, width, height)
    step, base, plot_h = f["step"], f["base"], f["plot_h"]
    bars, points = [], []
    for i, b in enumerate(buckets):
        x = PAD_LEFT + i * step
        if b["quotations"]:
            h = max(plot_h * b["quotations"] / top, 2)
            bars.append({"date": b["date"], "count": b["quotations"], "x": round(x + step * 0.12, 2),
                         "w": round(max(step * 0.76, 1), 2), "y": round(base - h, 2), "h": round(h, 2)})
        points.append(f"{x + step / 2:.2f},{base - plot_h * b['articles'] / top:.2f}")
    return f | {"bars": bars, "articles": " ".join(points),
                "ticks": _ticks(keys, interval, [PAD_LEFT + i * step for i in range(len(keys))])}


def compare_chart(keys: list[str], series: list[list[int]], interval: str, width: int = 760,
                  height: int = 260) -> dict[str, Any] | None:
    """One line per series over every bucket, a point on each non-empty bucket, on one scale."""
    if not keys:
        return None
    top = max((n for counts in series for n in counts), default=0) or 1
    f = _frame(keys, top, width, height)
    step, base, plot_h = f["step"], f["base"], f["plot_h"]
    xs = [PAD_LEFT + i * step + step / 2 for i in range(len(keys))]
    lines = []
    for counts in series:
        ys = [base - plot_h * n / top for n in counts]
        lines.append({"line": " ".join(f"{x:.2f},{y:.2f}" for x, y in zip(xs, ys)),
                      "points": [{"date": k, "count": n, "x": round(x, 2), "y": round(y, 2)}
                                 for k, n, x, y in zip(keys, counts, xs, ys) if n]})
    return f | {"lines": lines, "ticks": _ticks(keys, interval, [PAD_LEFT + i * step for i in range(len(keys))])}


def why(provenance: dict[str, Any] | None, table: dict[str, Any]) -> dict[str, Any] | None:
    """A quotation's provenance in plain words for its page ("why this speaker"): the words the
    mention rests on, what they are (the construction and how the mention was taken from it) and
    how the speaker was named from them. `table`: the interface language's `why` strings; a label
    it lacks (a sieve added since) is shown as the extractor names it. None: not recorded."""
    if not provenance:
        return None
    sieve = provenance.get("mention_sieve") or ""
    construction, _, search = sieve.partition(" / ")
    construction = construction.split(" (")[0]  # "(shares the previous subject)": a detail of the same construction
    if construction.startswith("standalone:continues"):
        construction = "standalone:continues"
    found = [w for w in (provenance.get("mention_words") or "").split(" … ") if w]
    return {
        "found": found,
        "construction": table.get("construction", {}).get(construction, construction),
        "search": table.get("search", {}).get(search, search) if search else None,
        "resolution": _steps(provenance.get("resolution"), table.get("step", {})),
        "through": provenance.get("resolution_words"),
        "labels": "; ".join(x for x in (sieve, provenance.get("resolution")) if x),
    }


def _steps(label: str | None, steps: dict[str, str]) -> str | None:
    """A resolution label ("pronoun → the subject of the sentence before → name → …": steps that
    handed on, each "stand-in → what it stands for") in plain words, step by step."""
    if not label:
        return None
    parts, out, i = label.split(" → "), [], 0
    while i < len(parts):
        pair = " → ".join(parts[i:i + 2])
        if i + 1 < len(parts) and pair in steps:
            out.append(steps[pair])
            i += 2
        else:
            out.append(steps.get(parts[i], parts[i]))
            i += 1
    return " → ".join(out)


def evidence(paragraph: dict[str, Any], quote: dict[str, Any], width: int = 240) -> list[tuple[str, str | None]] | None:
    """The words that name a quotation's speaker in its paragraph, marked: the run of text from
    the cue to the speaker's mention (whichever comes first), as (text, "cue" | "mention" | None)
    runs. None when the two are not both in the paragraph or stand more than `width` apart."""
    cue, mention = quote.get("cue"), (quote.get("speaker") or {}).get("mention")
    spans = [(s["start"], s["end"], kind) for s, kind in ((cue, "cue"), (mention, "mention")) if s]
    if not spans:
        return None
    offset, text = paragraph["start"], paragraph["text"]
    a, b = min(s for s, _, _ in spans), max(e for _, e, _ in spans)
    if a < offset or b > offset + len(text) or b - a > width:
        return None
    runs, pos = [], a
    for s, e, kind in sorted(spans):
        if s < pos:  # the mention inside the cue ("по его словам"): the cue is marked
            continue
        runs += [(text[pos - offset:s - offset], None), (text[s - offset:e - offset], kind)]
        pos = e
    return [r for r in runs if r[0]]
