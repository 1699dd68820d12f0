"""`finditer` over a whole text for patterns that `re` cannot skip through.

`re` searches fast only for a pattern that opens with a literal or a character class: it then
jumps from one place where that opening stands to the next. A pattern that opens with an
assertion ("\\b", a look-behind) or with an optional group is tried at every position of the
text: over an article's thousands of characters, that was most of the time of the outlet search
in the text (metadata.told). The scans here find where a match can open with something `re` (or `str.find`) does
skip through, and try the pattern only there: the matches are the same, in the same order,
as `finditer`'s (a look-behind still sees the text before the position tried). The patterns
scanned never match the empty string.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def positions(text: str, words: Iterable[str]) -> list[int]:
    """Where in `text` any of `words` stands, in order."""
    found = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.add(at)
            at = text.find(word, at + 1)
    return sorted(found)


def finditer_at(rx: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """rx.finditer(text) for a pattern each of whose matches opens at one of `starts` (in
    order): the pattern is tried only there."""
    pos = 0
    for at in starts:
        if at < pos:
            continue  # inside the last match: finditer goes on from its end
        m = rx.match(text, at)
        if m is not None:
            yield m
            pos = m.end()


def finditer_opening(rx: re.Pattern, text: str, openings: Iterable[str]) -> Iterator[re.Match]:
    """rx.finditer(text) for a pattern each of whose matches opens with one of the strings
    `openings` ("для", "сообщил", …)."""
    return finditer_at(rx, text, positions(text, openings))


def finditer_runs(rx: re.Pattern, text: str, run: re.Pattern) -> Iterator[re.Match]:
    """rx.finditer(text) for a pattern whose every match opens where `run` (a pattern opening
    with a character class, so that `re` skips to it, and never matching the empty string)
    matches, and never inside what `run` matched there: the pattern is tried at each run's start."""
    pos = 0
    while (found := run.search(text, pos)) is not None:
        m = rx.match(text, found.start())
        if m is None:
            pos = found.end()
        else:
            yield m
            pos = m.end()
