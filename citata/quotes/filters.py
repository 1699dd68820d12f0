"""Filters: candidates the constructions took that are no statement of their own — a report
whose cue stands inside quoted words, a relative clause read as a speech verb's
что-clause (natasha's parse decides, on the few sentences where an object stands between),
a purpose clause ("чтобы" with an infinitive) read as one, and a report whose cue is negated."""
from __future__ import annotations

from .. import lexicons as lex
from .spans import Intervals
from .view import DocView, Found

# words that may stand between a cue and its ", что" without making the clause a relative
# one: "заявил о том, что", "обвинил в том, что"
_LINKS = frozenset(("о", "об", "обо", "в", "том", "то"))
_PARTICLES = frozenset(("не", "уже", "также", "бы", "ведь", "лишь", "только"))


def nested_in(found: list[Found], quotations: list[Found]) -> list[Found]:
    """`found` less the reports whose cue stands inside one of `quotations` ("«Дорогая Тереза!
    … Сейчас нам говорят, что …»": the letter's words, not a report of its own), as a report
    inside any direct quotation is never taken (`indirect`)."""
    if not quotations:
        return found
    held = Intervals((q.start, q.end, None) for q in quotations)
    return [f for f in found if not (f.type != "direct" and f.cue and held.covers(f.cue[0]))]


def relative_clauses(view: DocView, found: list[Found]) -> list[Found]:
    """`found` less the что-clauses taken as a cue's complement that the parse reads as a
    relative clause: "отрицала все восемь лет, что длилось разбирательство", "предлагал создание
    зоны свободной торговли, что соответствует интересам …" — there "что" is the clause's subject
    (natasha's `nsubj`), not its complementizer (`mark`; "сказал …, что обсуждать X — это …" has
    it as an object, and stays). Only sentences with words between the cue and ", что" are
    parsed (most complements follow their cue at once)."""
    todo = {}
    for f in found:
        k = _that_before(view, f)
        if k is not None:
            todo[id(f)] = k
    if not todo:
        return found
    trees = view.trees(sorted({view.tok_sent[k] for k in todo.values()}))

    def relation(k: int) -> str:
        return trees[view.tok_sent[k]][k - view.sent_first[view.tok_sent[k]]][1]
    return [f for f in found if id(f) not in todo or relation(todo[id(f)]) not in ("nsubj", "nsubj:pass")]


def _that_before(view: DocView, f: Found) -> int | None:
    """The "что" of a complement with words other than "о том" between its cue and ", что"."""
    if not f.sieve.startswith("indirect:complement") or not f.cue:
        return None
    c = view.tok_index(f.start)
    k = c - 1
    if k < 2 or view.lower[k] != "что" or view.toks[k - 1].text != ",":
        return None
    cue_end = view.tok_index(f.cue[1] - 1)
    between = [j for j in range(cue_end + 1, k - 1) if view.is_word(j)]
    if not between or all(view.lower[j] in _LINKS for j in between):
        return None
    # a relative "что" is the subject of a verb in the third person or the neuter ("что длилось",
    # "что соответствует"); only then is the sentence worth parsing
    v = next((j for j in range(k + 1, min(k + 4, len(view.toks))) if view.lower[j] not in _PARTICLES), None)
    tag = view.parses(v)[0].tag if v is not None else None
    if tag is None or tag.POS != "VERB" or not ("3per" in tag or "neut" in tag):
        return None
    return k


def purpose_clauses(view: DocView, found: list[Found]) -> list[Found]:
    """`found` less the complements that are a purpose clause: "чтобы" with an infinitive has no
    subject of its own, so the clause is the goal of the cue's subject ("Правительство заключило
    сделку с партией, чтобы остановить отъезд Биби"), never words reported; a request's "чтобы"
    takes a finite verb ("требует, чтобы лоукостер начал …") and stays."""
    return [f for f in found if not _purpose(view, f)]


def _purpose(view: DocView, f: Found) -> bool:
    if not f.sieve.startswith("indirect:complement") or not f.cue:
        return False
    first = view.tok_index(f.start)
    if first < 1 or view.lower[first - 1] != "чтобы":
        return False
    k = next((j for j in range(first, min(first + 3, len(view.toks))) if view.lower[j] not in _PARTICLES), None)
    return k is not None and view.parses(k)[0].tag.POS == "INFN"


def negated_cues(view: DocView, found: list[Found]) -> list[Found]:
    """`found` less the reports whose cue is negated: "Паулс ещё не уверен, что примет участие",
    "Сам он пока никак не комментировал …", "не сообщается, что …" report nothing said (the
    gold's convention: negated reports are not annotated). A negated verb of denial or doubt
    asserts its complement ("не исключил, что …", "не отрицает, что …": negation_asserts.txt) and
    stays; "не только заявил" negates nothing (only a few adverbs may stand between)."""
    return [f for f in found if f.type == "direct" or not _negated(view, f)]


def _negated(view: DocView, f: Found) -> bool:
    if not f.cue or f.cue[2] in lex.negation_asserts():
        return False
    k = view.tok_index(f.cue[0]) - 1
    for _ in range(2):
        if k >= 0 and view.lower[k] in lex.negation_gap():
            k -= 1
    return k >= 0 and view.lower[k] == "не" and view.tok_sent[k] == view.tok_sent[k + 1]

