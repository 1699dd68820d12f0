"""Sources an article relays ("сообщает ТАСС", "по данным «Ведомостей»")."""
from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick_rs

from .. import lexicons

_NAME_TOKEN = r"(?:[A-ZА-ЯЁ][\w.'’&\-]*|of|the|and|de)"
_QUOTED = r"[«\"„“](?P<quoted>[^»\"“”\n]{2,60})[»\"“”]"


def _alternation(words) -> str:
    """A regex alternation of `words` factored by their common openings ("как (?:пишет|сообщает)"):
    it matches what the words longest first match, but the engine, at each place a word can
    start, reads each opening once instead of trying every word."""
    by_head: dict[str, list[str]] = {}
    for w in words:
        by_head.setdefault(w[:1], []).append(w)
    alts = []
    for group in by_head.values():
        low, high = min(group), max(group)  # (their common opening is everyone's)
        k = 0
        while k < len(low) and low[k] == high[k]:
            k += 1
        common = low[:k]
        rests = [w[len(common):] for w in group if w != common]
        if not rests:
            alts.append(re.escape(common))
        else:  # the longer words first, then the common part alone if it is a word
            alts.append(re.escape(common) + "(?:" + _alternation(rests) + ")" + ("?" if len(rests) < len(group) else ""))
    return "|".join(alts)


@lru_cache(maxsize=None)
def _relay_regex() -> re.Pattern:
    cues = _alternation(sorted(set(lexicons.relay_cues())))
    nouns = "|".join(map(re.escape, lexicons.media_nouns()))
    # The cue must start a word; that is checked outside the regex (see _relay_matches).
    return re.compile(
        rf"(?:{cues})\s+(?:(?P<noun>{nouns})\s+)?"
        rf"(?:{_QUOTED}|(?P<name>[A-ZА-ЯЁ][\w.'’&\-]*(?:\s{_NAME_TOKEN}){{0,3}}))"
    )


@lru_cache(maxsize=None)
def _cue_automaton() -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(sorted(set(lexicons.relay_cues())), implementation=ahocorasick_rs.Implementation.DFA)


def _relay_matches(text: str):
    """What finditer of the relay regex behind a "no word character before" lookbehind finds:
    a regex opening with a lookbehind is tried at every position of the text. Every match opens
    with a cue, so the regex is tried only where one starts (every cue's every occurrence, found in
    one pass by an Aho–Corasick automaton: a `str.find` loop per cue was no faster than the regex),
    and only where no word character stands before it."""
    rx = _relay_regex()
    pos = 0
    starts = sorted({start for _, start, _ in _cue_automaton().find_matches_as_indexes(text, overlapping=True)})
    for start in starts:
        if start < pos or (start and (text[start - 1].isalnum() or text[start - 1] == "_")):  # a word character
            continue
        m = rx.match(text, start)
        if m is not None:
            yield m
            pos = m.end()


def relays(text: str) -> list[str]:
    media = lexicons.media_names()
    found: list[str] = []
    for m in _relay_matches(text):
        quoted = m.group("quoted")
        name = (quoted or m.group("name") or "").strip().rstrip(".,")
        if not name:
            continue
        if not quoted:
            name = _trim_name(name, media)
        accept = (
            quoted is not None
            or m.group("noun") is not None
            or name in media
            or re.fullmatch(r"[A-Z][\w.&'’\- ]*", name) is not None  # Latin-script outlet
            or re.fullmatch(r"[А-ЯЁ]{2,}", name) is not None  # acronym: ТАСС
        )
        if accept and name not in found:
            found.append(name)
    return found


def _trim_name(name: str, media: frozenset[str]) -> str:
    """Longest known media name at the start, else the capitalised run."""
    words = name.split()
    for k in range(len(words), 0, -1):
        head = " ".join(words[:k])
        if head in media:
            return head
    # Cyrillic words after a Latin name are the sentence going on ("BBC Пакистан").
    if re.match(r"[A-Z]", words[0]):
        latin = [w for w in words if re.fullmatch(r"[A-Za-z][\w.'’&\-]*", w)]
        return " ".join(words[: len(latin)]) if latin and words[: len(latin)] == latin else words[0]
    return words[0]
