"""Index terms for the archive's full-text search: every word of a text
reduced to its lemma, so "Лавров безопасность" finds "Лаврова … безопасности".

The same function turns the stored text and the user's query into terms;
the archive keeps the original text for display and only indexes lemmas.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice

from .nlp import parse

WORD_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_FAST_WORD_RE = re.compile(r"\w+(?:-\w+)*")  # WORD_RE's words in a text without "_", twice as fast
_SPACE = re.compile(r"\s")
SNIPPET_CHUNK = 2000  # characters of an article that `snippet` looks through first
_CYRILLIC = re.compile(r"[а-яё]")


def fold(word: str) -> str:
    # Sources write "ё" and "е" interchangeably; the index must not care.
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=300_000)
def lemma(word: str) -> str:
    """The first pymorphy3 analysis' normal form of a (lower-case) word; other words folded."""
    if _CYRILLIC.search(word):
        return fold(parse(word)[0].normal_form)
    return fold(word)


def _word_pattern(text: str) -> re.Pattern:
    return WORD_RE if "_" in text else _FAST_WORD_RE


def words(text: str) -> Iterator[re.Match]:
    return _word_pattern(text).finditer(text)


def lemma_string(text: str) -> str:
    """The text as a space-separated run of lemmas, one per word, in order."""
    return " ".join(lemma(m.group().lower()) for m in words(text))


def query_lemmas(text: str) -> list[str]:
    """Distinct lemmas of a query, in order."""
    return list(dict.fromkeys(lemma(m.group().lower()) for m in words(text)))


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression requiring every lemma of the query (None if it has no words)."""
    terms = query_lemmas(text)
    if not terms:
        return None
    # Each term quoted: FTS5 would read bare words such as "and" or "near" as operators.
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def snippet(text: str, terms: list[str], width: int = 24) -> str:
    """About `width` words of `text` from just before the first query term, matched
    words in [brackets]; the opening of the text if nothing matches."""
    wanted = set(terms)
    pattern = _word_pattern(text)
    # The first term is looked for a stretch of text at a time (SNIPPET_CHUNK characters, then four
    # times more each round, cut at a space, which no word holds), over plain strings, each distinct
    # word lemmatised once: a page of long articles whose term comes late, or never (a match by
    # PostgreSQL's stemming alone), is read through to the end.
    seen: dict[str, bool] = {}  # word as written -> its lemma is a term
    stretches: list[tuple[int, int]] = []  # (character, word index) where each stretch starts
    first, pos, count, size = None, 0, 0, SNIPPET_CHUNK
    while first is None and pos < len(text):
        space = _SPACE.search(text, pos + size)
        end = space.start() if space else len(text)
        forms = pattern.findall(text, pos, end)
        stretches.append((pos, count))
        new = set(forms).difference(seen)
        for w in new:
            seen[w] = lemma(w.lower()) in wanted
        found = [w for w in new if seen[w]]
        if found:
            first = count + min(forms.index(w) for w in found)
        pos, count, size = end, count + len(forms), size * 4
    start_tok = max(0, first - 4) if first is not None else 0
    at, skip = next((c, start_tok - n) for c, n in reversed(stretches or [(0, 0)]) if n <= start_tok)
    tokens = list(islice(pattern.finditer(text, at), skip, skip + width))
    if not tokens:
        return ""
    pieces, pos = [], tokens[0].start()
    for m in tokens:
        pieces.append(text[pos:m.start()])
        # Words before the first term are none; those shown after it lie within `width` of it.
        pieces.append(f"[{m.group()}]" if lemma(m.group().lower()) in wanted else m.group())
        pos = m.end()
    out = " ".join("".join(pieces).split())
    prefix = "…" if start_tok > 0 else ""
    suffix = "…" if tokens[-1].end() < len(text.rstrip()) else ""
    return prefix + out + suffix
