"""Which boilerplate patterns a line can match at all, decided without running them.

Trying every pattern of data/boilerplate.tsv on every line cost more than the rest of
cleaning. Two necessary conditions, read off each pattern's parse once, pick the few
worth trying (the first matching row still wins, so the result is the same):
- a pattern anchored at the line's start can only match a line opening with one of the
  characters its first element allows (patterns are grouped by that character);
- a pattern whose every match contains one of a set of literal strings ("Учредитель",
  "cookie", …) needs one of them in the line, checked with `in`.
A pattern neither condition describes (case-insensitive, or no literal in every match)
is always tried.
"""
from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as C, _parser as P  # the parser re itself uses

from .. import lexicons

# Character classes wider than this are not worth expanding into a first-character set.
MAX_CLASS = 400


def _first_chars(items: list) -> frozenset[str] | None:
    """The characters a match of `items` (a parsed sequence) can begin with; None if unknown."""
    for op, av in items:
        if op is C.ASSERT:  # a lookahead consumes nothing: the next item begins the match
            continue
        if op is C.LITERAL:
            return frozenset(chr(av))
        if op is C.IN:
            chars: set[str] = set()
            for cop, cav in av:
                if cop is C.LITERAL:
                    chars.add(chr(cav))
                elif cop is C.RANGE and cav[1] - cav[0] < MAX_CLASS:
                    chars.update(map(chr, range(cav[0], cav[1] + 1)))
                else:
                    return None
            return frozenset(chars)
        if op is C.SUBPATTERN:
            return None if av[1] & re.IGNORECASE else _first_chars(list(av[3]))
        if op is C.BRANCH:
            sets = [_first_chars(list(b)) for b in av[1]]
            return None if any(s is None for s in sets) else frozenset().union(*sets)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            return _first_chars(list(av[2]))
        return None
    return None


def _literals(items) -> frozenset[str] | None:
    """Strings one of which every match of `items` contains; None if none is known."""
    found: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            found.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        flush()
        sub = None
        if op is C.SUBPATTERN and not av[1] & re.IGNORECASE:
            sub = _literals(av[3])
        elif op is C.BRANCH:
            sets = [_literals(b) for b in av[1]]
            sub = None if any(s is None for s in sets) else frozenset().union(*sets)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            sub = _literals(av[2])
        if sub:
            found.append(sub)
    flush()
    # The most selective set: its shortest string longest, then the fewest strings.
    return max(found, key=lambda s: (min(map(len, s)), -len(s))) if found else None


Candidate = tuple  # (kind, compiled pattern, longest line it can match or None, literals or None)


@lru_cache(maxsize=None)
def _index() -> tuple[dict[str, tuple[Candidate, ...]], tuple[Candidate, ...]]:
    """Per opening character, the patterns (in file order) a line opening with it can match;
    and those for any other opening character."""
    entries = []
    for (kind, rx), limit in zip(lexicons.boilerplate_patterns(), lexicons.boilerplate_pattern_limits()):
        first = keys = None
        if not rx.flags & re.IGNORECASE:
            items = list(P.parse(rx.pattern, rx.flags))
            if items and items[0] == (C.AT, C.AT_BEGINNING):
                first = _first_chars(items[1:])
            if first is None:  # an anchored pattern is cheap once its first character fits
                keys = _literals(items)
        entries.append(((kind, rx, limit, tuple(sorted(keys)) if keys else None), first))
    opening = set().union(*(f for _, f in entries if f is not None))
    by_char = {c: tuple(e for e, f in entries if f is None or c in f) for c in opening}
    return by_char, tuple(e for e, f in entries if f is None)


def candidates(s: str) -> tuple[Candidate, ...]:
    """The patterns worth trying on the stripped line `s`, in file order."""
    by_char, other = _index()
    return by_char.get(s[:1], other)
