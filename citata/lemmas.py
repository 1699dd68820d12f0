"""Index terms for the archive's full-text search: every word of a text
reduced to its lemma, so "Лавров безопасность" finds "Лаврова … безопасности".

The same function turns the stored text and the user's query into terms;
the archive keeps the original text for display and only indexes lemmas.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .nlp import parse

WORD_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
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


def words(text: str) -> Iterator[re.Match]:
    return WORD_RE.finditer(text)


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
    tokens, first, hits = [], None, set()
    for i, m in enumerate(words(text)):
        tokens.append(m)
        if (first is None or i < first + width) and lemma(m.group().lower()) in wanted:
            hits.add(i)
            first = i if first is None else first
        if first is not None and i >= first + width:
            break  # the rest of a long article is not shown
    if not tokens:
        return ""
    start_tok = max(0, first - 4) if first is not None else 0
    end_tok = min(len(tokens), start_tok + width)
    pieces, pos = [], tokens[start_tok].start()
    for j in range(start_tok, end_tok):
        m = tokens[j]
        pieces.append(text[pos:m.start()])
        pieces.append(f"[{m.group()}]" if j in hits else m.group())
        pos = m.end()
    out = " ".join("".join(pieces).split())
    prefix = "…" if start_tok > 0 else ""
    suffix = "…" if tokens[end_tok - 1].end() < len(text.rstrip()) else ""
    return prefix + out + suffix
