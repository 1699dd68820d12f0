"""What the sieves found, made one record per statement: repeats and relays of an
attribution dropped (by span indexes, never all pairs), indirect content that quotes
words verbatim marked mixed."""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from itertools import accumulate

from .. import lexicons as lex
from .cues import cue_at
from .mentions import name_quote
from .view import DocView, Found, OPEN_MARKS, TERMINAL


def dedupe(view: DocView, found: list[Found]) -> list[Found]:
    """Drop attributions that repeat or wrap another one. Every test is an index lookup
    (quotations sorted by span, a prefix/suffix extreme, a table by start), never all
    pairs: one document of repeated reported speech must stay n·log n (issue 17)."""
    # "По его оценке, …, в ответе подчеркнуто, что …": an impersonal report inside someone's
    # reported words is part of them. Holders: named content after its cue, sorted by start,
    # with the running furthest end, so "does one of them span this cue" is one bisect.
    holders = sorted((g.start, g.end) for g in found
                     if g.cue and g.cue[0] < g.start and g.ref is not None and g.ref.kind not in ("none", "lost"))
    starts = [s for s, _ in holders]
    reach = list(accumulate((e for _, e in holders), max))

    def inside_named(f: Found) -> bool:
        k = bisect_right(starts, f.cue[0])  # holders with start <= cue (a holder never contains its own cue)
        return k > 0 and reach[k - 1] > f.cue[0]

    found = [f for f in found if not (f.cue_cls == "impersonal" and f.cue and inside_named(f))]
    # "Как передает X со ссылкой на Y, об этом заявил Z": the outlet relays an attribution,
    # not a statement. (The press relaying reported words, "X заявил, что …, передает Y", is
    # dropped once every report is found: filters.relayed_reports.)
    # "X, об этом заявил Y, передает Z": the whole attribution is what Z relays. Relayed:
    # content before an "об этом" cue, sorted by start with the nearest cue end from there on.
    relayed = sorted((g.start, g.cue[1]) for g in found if g.cue and g.cue[0] >= g.end and _about_this(view, g))
    r_starts = [s for s, _ in relayed]
    nearest = list(accumulate((e for _, e in reversed(relayed)), min))[::-1]

    def wraps_attribution(f: Found) -> bool:
        if not (f.cue and f.cue[2] in lex.relay_verbs() and f.cue[0] >= f.end):
            return False
        k = bisect_left(r_starts, f.start)  # relayed content starting inside f (f is never its own)
        return k < len(nearest) and nearest[k] <= f.end

    found = [f for f in found if not _attribution_only(view, f) and not wraps_attribution(f)]
    out: list[Found] = []
    at: dict[int, int] = {}  # id of a kept record → its place in out
    ends_by_start: dict[int, set[int]] = {}
    indirect_starts: list[int] = []  # kept indirect content, sorted by start
    indirect_by_start: dict[int, list[Found]] = {}
    for f in found:
        ends = ends_by_start.get(f.start)
        if ends is not None and f.end in ends:
            kept = next((g for g in indirect_by_start.get(f.start, ()) if g.end == f.end), None)
        elif ends is not None and (f.ref is None or f.ref.kind in ("none", "lost")):
            continue  # a second attribution of the same words that names no one
        else:
            kept = _same_content(f, indirect_starts, indirect_by_start) if f.type == "indirect" else None
        if kept is not None or ends is not None and f.end in ends:
            if kept is not None and _names_nobody(kept) and f.ref is not None and not _names_nobody(f):
                # "…, сообщается в\n\nОб этом передает Derbyshire Live": the page cut the first
                # attribution's source (a stripped link); the second names it
                out[at[id(kept)]] = f
                at[id(f)] = at.pop(id(kept))
                bucket = indirect_by_start[kept.start]
                bucket[bucket.index(kept)] = f
            continue  # the same words, or the same content reached from a second cue: keep the first
        at[id(f)] = len(out)
        out.append(f)
        ends_by_start.setdefault(f.start, set()).add(f.end)
        if f.type == "indirect":
            if f.start not in indirect_by_start:
                insort(indirect_starts, f.start)
            indirect_by_start.setdefault(f.start, []).append(f)
    return out


def _same_content(f: Found, starts: list[int], by_start: dict[int, list[Found]]) -> Found | None:
    """The kept indirect content overlapping f by 90% of each, if any. Such content starts within
    a ninth of f's length of f's start, so only that window of starts is looked at."""
    n = f.end - f.start
    lo, hi = bisect_left(starts, f.start - n // 9 - 1), bisect_right(starts, f.start + n // 9 + 1)
    for s in starts[lo:hi]:
        for g in by_start[s]:
            overlap = min(f.end, g.end) - max(f.start, g.start)
            if overlap > 0 and overlap >= 0.9 * (f.end - f.start) and overlap >= 0.9 * (g.end - g.start):
                return g
    return None


def _names_nobody(f: Found) -> bool:
    """An attribution the constructions found no source for: an impersonal cue ("сообщается в" whose
    link the page stripped) or a relay whose outlet went with it."""
    return f.ref is not None and f.ref.kind in ("none", "lost")


def _about_this(view: DocView, f: Found) -> bool:
    """Is the cue introduced by "об этом" ("…, об этом заявил Y")?"""
    k = view.tok_index(f.cue[0])
    return k >= 2 and view.lower[k - 1] == "этом" and view.lower[k - 2] in ("об", "о")


def _attribution_only(view: DocView, f: Found) -> bool:
    """Content that is itself an attribution: "об этом заявил Z"."""
    first = view.tokens_in(f.start, f.end)
    if len(first) < 3:
        return False
    a = first.start
    if view.lower[a] not in ("об", "о") or view.lower[a + 1] not in ("этом", "том"):
        return False
    for k in range(a + 2, min(a + 10, first.stop)):  # "об этом в среду, 7 ноября, сообщил X"
        if view.toks[k].text in TERMINAL:
            return False
        if cue_at(view, k) is not None:
            return True
    return False


def mark_mixed(view: DocView, found: list[Found], used: set) -> None:
    """Indirect content that quotes words verbatim is mixed; so is a что-clause in quotation marks."""
    for f in found:
        if f.type != "indirect":
            continue
        inside = [(o, c) for o, c in view.pairs_opening_in(f.start, f.end + 1)
                  if c < f.end + 1 and not name_quote(view, o, c)]
        # content wholly quoted: the marks are part of it
        if f.start > 0 and view.text[f.start - 1] in OPEN_MARKS and (f.start - 1) in view.pair_by_open:
            c = view.pair_by_open[f.start - 1]
            if c >= f.end - 1:
                f.start -= 1
                f.end = max(f.end, c + 1)
                f.type = "mixed"
                used.add((f.start, c))
                continue
        if inside:
            f.type = "mixed"
            for p in inside:
                used.add(p)
            last_close = max(c for _, c in inside)
            if last_close >= f.end:
                f.end = last_close + 1
