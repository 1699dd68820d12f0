"""Which boilerplate patterns a line can match at all, decided without running them.

Trying every pattern of data/boilerplate.tsv on every line cost more than the rest of
cleaning. Two necessary conditions, read off each pattern's parse once, pick the few
worth trying (the first matching row still wins, so the result is the same):
- a pattern anchored at the line's start can only match a line opening with one of the
  characters its first element allows (patterns are grouped by that character), and, where
  its first two characters are known (opening_pairs), with one of those pairs;
- a pattern whose every match contains one of a set of literal strings ("Учредитель",
  "cookie", …) needs one of them in the line, checked with `in`.
A pattern neither condition describes (case-insensitive, or no literal in every match)
is always tried.

The literals of every line pattern are looked for in a line at once, by one Aho–Corasick
automaton (the Rust `aho-corasick` crate, through ahocorasick_rs): one pass over the line
instead of some hundred `in` tests, each a pass of its own. Most lines hold none of them, and
then only the patterns whose literals the automaton leaves out (see screened) are tried.
"""
from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as C, _parser as P  # the parser re itself uses

import ahocorasick_rs

from .. import lexicons

# Character classes wider than this are not worth expanding into a first-character set.
MAX_CLASS = 400


# \d and \s stand for one character each in the index: "0" for every decimal digit, " " for
# every space (see _key).
_CLASS_OF = {C.CATEGORY_DIGIT: "0", C.CATEGORY_SPACE: " "}


def _key(c: str) -> str:
    return "0" if c.isdecimal() else " " if c.isspace() else c


def _class_chars(av) -> frozenset[str] | None:
    chars: set[str] = set()
    for cop, cav in av:
        if cop is C.LITERAL:
            chars.add(chr(cav))
        elif cop is C.RANGE and cav[1] - cav[0] < MAX_CLASS:
            chars.update(map(chr, range(cav[0], cav[1] + 1)))
        elif cop is C.CATEGORY and cav in _CLASS_OF:
            chars.add(_CLASS_OF[cav])
        else:  # another category (\w), a negated or a wide class
            return None
    return frozenset(chars)


def _first(items, reverse: bool = False) -> tuple[frozenset[str] | None, bool]:
    """The characters a match of the parsed sequence `items` can begin with (None if
    unknown), and whether it can match the empty string (then what follows may begin it).
    `reverse`: the characters it can end with instead."""
    chars: set[str] = set()
    for op, av in (reversed(items) if reverse else items):
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):  # consume nothing
            continue
        if op is C.LITERAL:
            item, empty = frozenset(chr(av)), False
        elif op is C.IN:
            item, empty = _class_chars(av), False
        elif op is C.CATEGORY:  # \d or \s outside brackets
            item, empty = (frozenset(_CLASS_OF[av]) if av in _CLASS_OF else None), False
        elif op is C.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                return None, False
            item, empty = _first(av[3], reverse)
        elif op is C.BRANCH:
            parts = [_first(b, reverse) for b in av[1]]
            if any(f is None for f, _ in parts):
                return None, False
            item, empty = frozenset().union(*(f for f, _ in parts)), any(e for _, e in parts)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            item, empty = _first(av[2], reverse)
            empty = empty or av[0] == 0
        else:
            return None, False
        if item is None:
            return None, False
        chars |= item
        if not empty:
            return frozenset(chars), False
    return frozenset(chars), True


def first_chars(items) -> frozenset[str] | None:
    """The characters every match of `items` begins with; None if unknown or if it can be empty."""
    chars, empty = _first(items)
    return None if empty else chars


def _width(state, item) -> int | None:
    """The longest stretch of a line one parsed item can match; None if unbounded."""
    width = P.SubPattern(state, [item]).getwidth()[1]
    return width if width < C.MAXREPEAT else None


def _add(width: int | None, more: int | None) -> int | None:
    return None if width is None or more is None else width + more


Need = tuple  # (strings one of which every match contains, how far into the match one ends or None)


def _selective(need: Need) -> tuple:
    return min(map(len, need[0])), -len(need[0]), need[1] is not None


def _needs(items, state, windowed: bool = False) -> list[Need]:
    """Every set of literals one of which a match of the parsed sequence `items` contains.
    `windowed`: inside groups, prefer literals that end a bounded stretch into the match (see
    required_literals)."""
    found: list[Need] = []
    run: list[str] = []
    width: int | None = 0  # the longest stretch the items so far can match
    start: int | None = 0
    for item in items:
        op, av = item
        if op is C.LITERAL:
            if not run:
                start = width
            run.append(chr(av))
            width = _add(width, 1)
            continue
        if run:
            found.append((frozenset(["".join(run)]), _add(start, len(run))))
            run.clear()
        sub: Need | None = None
        if op is C.SUBPATTERN and not av[1] & re.IGNORECASE:
            sub = _best(_needs(av[3], state, windowed), windowed)
        elif op is C.BRANCH:
            subs = [_best(_needs(b, state, windowed), windowed) for b in av[1]]
            if all(subs):
                ends = [e for _, e in subs]
                sub = frozenset().union(*(k for k, _ in subs)), None if None in ends else max(ends)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            sub = _best(_needs(av[2], state, windowed), windowed)  # the first repetition holds one
        if sub:
            found.append((sub[0], _add(width, sub[1])))
        width = _add(width, _width(state, item))
    if run:
        found.append((frozenset(["".join(run)]), _add(start, len(run))))
    return found


MIN_WINDOWED = 3  # a literal this long, sought in a line's head only, beats a longer one sought everywhere


def _windowed_first(need: Need) -> tuple:
    return need[1] is not None and min(map(len, need[0])) >= MIN_WINDOWED, _selective(need)


def _best(found: list[Need], windowed: bool = False) -> Need | None:
    return max(found, key=_windowed_first if windowed else _selective) if found else None


def required_literals(parsed, anchored: bool) -> Need:
    """The most selective set of literals one of which every match contains, and, for a
    pattern anchored at the line's start, how far into the line that literal must end
    (None: anywhere)."""
    found = _needs(parsed.data, parsed.state, anchored)
    if not found:
        return None, None
    if not anchored:
        return _best(found)[0], None
    return _best(found, True)


def pattern_literals(rx: re.Pattern) -> frozenset[str]:
    """The literals one of which every match of `rx`, searched anywhere, holds (required_literals);
    a pattern without such literals is refused."""
    found, _ = required_literals(P.parse(rx.pattern, rx.flags), False)
    if not found or rx.flags & re.IGNORECASE:
        raise ValueError(f"no literal every match holds: {rx.pattern[:60]}")
    return frozenset(found)


def _lookahead_limit(items) -> int | None:
    """`^(?=.{0,450}$)…`: the longest line the opening lookahead admits."""
    items = [item for item in items if item != (C.AT, C.AT_BEGINNING)]
    if items and items[0][0] is C.ASSERT and items[0][1][0] == 1:
        sub = items[0][1][1]
        if sub.data and sub.data[-1] == (C.AT, C.AT_END):
            width = sub.getwidth()[1]
            return width if width < C.MAXREPEAT else None
    return None


def _tail_width(parsed) -> int | None:
    """For a pattern that ends the line ("… \\s*$") and may start anywhere: the longest stretch
    it can match on a stripped line (whose last character is no space, so a closing \\s*
    matches nothing); None if unbounded or not tied to the end."""
    items = _trailing(parsed)
    if items is None:
        return None
    width = 0
    for item in items:
        more = _width(parsed.state, item)
        if more is None:
            return None
        width += more
    return width


def _trailing(items) -> list:
    """The parsed items of a pattern that ends the line ("…\\s*$"), less the `$` and a closing
    \\s* (a stripped line's last character is no space); None if it does not end the line."""
    items = list(items)
    if not items or items[-1] != (C.AT, C.AT_END):
        return None
    items = items[:-1]
    if items and items[-1][0] is C.MAX_REPEAT and items[-1][1][0] == 0 \
            and list(items[-1][1][2]) in ([(C.IN, [(C.CATEGORY, C.CATEGORY_SPACE)])], [(C.CATEGORY, C.CATEGORY_SPACE)]):
        items = items[:-1]
    return items


def last_chars(parsed) -> frozenset[str] | None:
    """For a pattern ending the line: the characters (keyed as by _key) a stripped line it
    matches can end with ("…\\)$" → ")"); None if unknown."""
    items = _trailing(parsed)
    if not items:
        return None
    chars, empty = _first(items, reverse=True)
    return None if chars is None or empty else frozenset(map(_key, chars))


def _literal_first(items) -> frozenset[str] | None:
    """The characters a match of `items` begins with where each of its ways begins with a
    literal character ("^(?:Сюжет|Читайте также)" → С, Ч); None otherwise."""
    for op, av in items:
        if op is C.AT:
            continue
        if op is C.LITERAL:
            return frozenset(chr(av))
        if op is C.SUBPATTERN and not av[1] and not av[2]:
            return _literal_first(av[3])
        if op is C.BRANCH:
            parts = [_literal_first(b) for b in av[1]]
            return None if any(p is None for p in parts) else frozenset().union(*parts)
        return None
    return None


@lru_cache(maxsize=1)
def _bmp() -> str:
    # No character outside the Basic Multilingual Plane matches one inside it case-insensitively
    # (checked over every code point): the BMP is every character a caseless letter can stand for.
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))


def caseless_first_chars(items) -> frozenset[str] | None:
    """For a case-insensitive pattern anchored at the line's start and opening with literal
    characters: every character that matches one of them without regard to case (the regex
    engine itself asked, old Cyrillic letter forms included)."""
    chars = _literal_first(items)
    if chars is None:
        return None
    caseless = re.compile("[" + "".join(map(re.escape, chars)) + "]", re.IGNORECASE)
    return frozenset(caseless.findall(_bmp())) | chars


MAX_OPENINGS = 5000  # a pattern opening in more ways than this is not screened by its opening


@lru_cache(maxsize=None)
def _caseless(c: str) -> frozenset[str]:
    """Every character matching `c` without regard to case (the regex engine asked, see _bmp)."""
    return frozenset(re.compile(re.escape(c), re.IGNORECASE).findall(_bmp())) | {c}


def _seq_openings(items, k: int, caseless: bool) -> set[str] | None:
    """The strings a match of the parsed sequence `items` opens with, cut at k characters: one
    shorter than k is a whole match (what follows the sequence goes on from it). None if unknown."""
    found = {""}
    for item in items:
        found = _grow(found, k, lambda n: _item_openings(item, n, caseless))
        if found is None or len(found) > MAX_OPENINGS:
            return None
    return found


def _grow(heads: set[str], k: int, openings) -> set[str] | None:
    """Each opening in `heads` shorter than k followed by each of `openings(room left)`; one of k
    characters already is kept as it is. None where `openings` does not know."""
    grown = set()
    for head in heads:
        if len(head) == k:
            grown.add(head)
            continue
        more = openings(k - len(head))
        if more is None:
            return None
        grown.update(head + m for m in more)
    return grown


def _item_openings(item, k: int, caseless: bool) -> set[str] | None:
    op, av = item
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):  # consume nothing
        return {""}
    if op is C.LITERAL:
        return set(_caseless(chr(av))) if caseless else {chr(av)}
    if op is C.IN and not caseless:
        chars = _class_chars(av)
        return None if chars is None else set(chars)
    if op is C.CATEGORY and av in _CLASS_OF:  # (\d, \s: their keyed character stands for all)
        return {_CLASS_OF[av]}
    if op is C.SUBPATTERN and not av[1] and not av[2]:
        return _seq_openings(av[3], k, caseless)
    if op is C.BRANCH:
        found = set()
        for branch in av[1]:
            more = _seq_openings(branch, k, caseless)
            if more is None:
                return None
            found |= more
        return found
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        low, high, sub = av
        found = {""} if low == 0 else set()
        reps = {""}  # the openings of r repetitions
        for r in range(1, min(high, max(low, k)) + 1):
            reps = _grow(reps, k, lambda n: _seq_openings(sub, n, caseless))
            if reps is None:
                return None
            # (a cut opening stands whatever follows; a whole one only once the repetitions suffice)
            found |= {h for h in reps if len(h) == k or r >= low}
            if len(found) > MAX_OPENINGS:
                return None
        return found
    return None


def opening_pairs(items, caseless: bool = False) -> frozenset[str] | None:
    """For a pattern anchored at the line's start: its matches' first two characters (keyed as by
    _key), where every match is two characters long at least; None if unknown."""
    found = _seq_openings(items, 2, caseless)
    if found is None or any(len(h) < 2 for h in found):
        return None
    return frozenset(_key(h[0]) + _key(h[1]) for h in found)


# (kind, pattern, longest line it can match or None, its literals or None, how far into the
# line one of them must end or None, how far from the end a match can start or None, the
# characters a line it matches ends with or None)
Candidate = tuple


def _build(table, limits, matched: bool) -> tuple[dict[str, tuple[Candidate, ...]], tuple[Candidate, ...]]:
    """Per opening character, the patterns of `table` (in order) a line opening with it can
    match; and those for any other opening character. `matched`: the patterns are tried
    with `match` (anchored at the line's start whether or not they say `^`)."""
    entries = []
    for (kind, rx), limit in zip(table, limits):
        first = keys = window = tail = last = None
        if not rx.flags & re.IGNORECASE:
            parsed = P.parse(rx.pattern, rx.flags)
            items = list(parsed)
            anchored = matched or (bool(items) and items[0] == (C.AT, C.AT_BEGINNING))
            if anchored:
                first = first_chars(items)
                ahead = _lookahead_limit(items)
                if ahead is not None:
                    limit = ahead if limit is None else min(limit, ahead)
            if first is None:  # an anchored pattern is cheap once its first character fits
                keys, window = required_literals(parsed, anchored)
            if not anchored:
                tail = _tail_width(parsed)
            if not matched:
                last = last_chars(parsed)
        elif rx.flags == re.IGNORECASE | re.UNICODE:
            items = list(P.parse(rx.pattern, rx.flags))
            if matched or (bool(items) and items[0] == (C.AT, C.AT_BEGINNING)):
                first = caseless_first_chars(items)
        if first is not None:
            first = frozenset(map(_key, first))
        if keys:  # a literal holding another of the set adds nothing to the test
            keys = tuple(sorted(k for k in keys if not any(o != k and o in k for o in keys)))
        entries.append(((kind, rx, limit, keys or None, window, tail, last), first))
    opening = set().union(*(f for _, f in entries if f is not None))
    by_char = {c: tuple(e for e, f in entries if f is None or c in f) for c in opening}
    return by_char, tuple(e for e, f in entries if f is None)


@lru_cache(maxsize=None)
def _line_index():
    return _build(lexicons.boilerplate_patterns(), lexicons.boilerplate_pattern_limits(), False)


# Digits and the punctuation of running text: a literal made of them alone (a comma, a year's "20")
# stands in most lines.
_RUNNING = frozenset("0123456789,.;:!?- ")


def screened(literal: str) -> bool:
    """Whether the automaton looks for `literal`: every literal but those made of digits and
    running text's punctuation (see _RUNNING), which stay `in` tests: found in most lines, they
    would fill the automaton's answer and send every line down the long list of patterns."""
    return not _RUNNING.issuperset(literal)


def _quiet(rows: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """The rows that can match a line holding none of the screened literals: those with no
    literals, and those with unscreened ones, reduced to these."""
    quiet = []
    for row in rows:
        needs = row[3]
        if needs is not None:
            needs = tuple(k for k in needs if not screened(k))
            if not needs:
                continue
        quiet.append((*row[:3], needs, *row[4:]))
    return tuple(quiet)


@lru_cache(maxsize=None)
def _quiet_index():
    by_char, other = _line_index()
    return {c: _quiet(rows) for c, rows in by_char.items()}, _quiet(other)


@lru_cache(maxsize=None)
def literals() -> frozenset[str]:
    """Every literal the line patterns' rows test for."""
    by_char, other = _line_index()
    return frozenset(k for rows in (*by_char.values(), other) for row in rows if row[3] for k in row[3])


@lru_cache(maxsize=None)
def _automaton(also: frozenset[str]) -> ahocorasick_rs.AhoCorasick:
    # (a DFA: the fastest search; some hundred literals make it small)
    return ahocorasick_rs.AhoCorasick(sorted(set(filter(screened, literals())) | also),
                                      implementation=ahocorasick_rs.Implementation.DFA)


@lru_cache(maxsize=None)
def unscreened() -> frozenset[str]:
    """The literals the automaton leaves out, counted as found in every line (and tested with `in`)."""
    return frozenset(k for k in literals() if not screened(k))


def literals_in(s: str, also: frozenset[str] = frozenset()) -> list[str]:
    """The screened literals of the line patterns, and the literals `also` names (another
    pattern's, see required_literals), that occur in `s` (every occurrence of each: one literal
    inside another is found too)."""
    return _automaton(also).find_matches_as_strings(s, overlapping=True)


@lru_cache(maxsize=None)
def _prefix_index():
    table = lexicons.boilerplate_prefix_patterns()
    return _build(table, [None] * len(table), True)


def end_key(s: str) -> str:
    """The stripped line's last character as the candidates' end sets hold it."""
    return _key(s[-1:])


@lru_cache(maxsize=None)
def _opening_pairs() -> dict[re.Pattern, frozenset[str]]:
    """The line patterns anchored at the line's start whose first two characters are known
    (opening_pairs), with them."""
    pairs = {}
    for _, rx in lexicons.boilerplate_patterns():
        items = list(P.parse(rx.pattern, rx.flags))
        if not items or items[0] != (C.AT, C.AT_BEGINNING) or rx.flags & ~(re.IGNORECASE | re.UNICODE):
            continue
        found = opening_pairs(items, caseless=bool(rx.flags & re.IGNORECASE))
        if found is not None:
            pairs[rx] = found
    return pairs


# (most lines open in a few hundred ways; the rest are looked up again)
@lru_cache(maxsize=4096)
def _rows(opening: str, quiet: bool) -> tuple[Candidate, ...]:
    """The candidates (quiet_candidates where `quiet`) of a line opening with `opening`, its first
    two characters: those of its first character, less the patterns whose first two characters
    are known and are not these."""
    by_char, other = _quiet_index() if quiet else _line_index()
    # (the keys are keyed characters: a line's first character found among them is its own key)
    rows = by_char.get(opening[:1]) or by_char.get(_key(opening[:1]), other)
    pairs, two = _opening_pairs(), _key(opening[:1]) + _key(opening[1:2])
    return tuple(row for row in rows if row[1] not in pairs or two in pairs[row[1]])


def candidates(s: str) -> tuple[Candidate, ...]:
    """The line patterns (data/boilerplate.tsv) worth trying on the stripped line `s`, in order."""
    return _rows(s[:2], False)


def quiet_candidates(s: str) -> tuple[Candidate, ...]:
    """candidates(s) for a line holding none of the screened literals (literals_in(s) is empty)."""
    return _rows(s[:2], True)


def prefix_candidates(s: str) -> tuple[Candidate, ...]:
    """The prefix patterns (data/boilerplate_prefix.tsv) worth trying at the start of `s`."""
    by_char, other = _prefix_index()
    return by_char.get(s[:1]) or by_char.get(_key(s[:1]), other)
