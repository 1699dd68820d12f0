"""Filters: candidates the constructions took that are no statement of their own — a report
whose cue stands inside quoted words, a relative clause read as a speech verb's
что-clause (natasha's parse decides, on the few sentences where an object stands between),
a purpose clause ("чтобы" with an infinitive) read as one, a report whose cue is negated, a
report in the writer's own voice (a set phrase, the outlet's "мы писали"), and a press relay
that wraps a report already attributed."""
from __future__ import annotations

from bisect import bisect_left

from .. import lexicons as lex
from ..metadata.outlets import DOMAIN, known_outlet
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


def nested_findings(found: list[Found]) -> list[Found]:
    """`found` less the findings whose cue stands inside another report's content ("Moderna
    объявила, что предварительный анализ показывает, что …": the analysis is what Moderna
    announced, the company's words, which the tune gold annotates once, as Moderna's)."""
    held = Intervals((f.start, f.end, None) for f in found if f.cue_cls != "finding")
    return [f for f in found if not (f.cue_cls == "finding" and f.cue and held.covers(f.cue[0]))]


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


def writer_voice(view: DocView, found: list[Found]) -> list[Found]:
    """`found` less the reports in the writer's own voice, which quote nobody: a set phrase with
    a cue word and nothing after it but punctuation (writer_phrases.txt: "Как говорится, за ним
    придут другие", "Как сказано выше, …"; "как говорится в заявлении" names its source, "как
    говорят специалисты" its speakers, and both stay), and the outlet's own reporting, "мы" in the
    clause of a verb the press reports with (relay_verbs.txt: "когда мы в прошлый раз писали о
    том, что …"). A cue inside quotation marks is someone's words and is left alone; "«Мы не
    допустим», — сказал министр" has its cue outside them, after the dash."""
    return [f for f in found if not (f.type != "direct" and f.cue and view.tok_index(f.cue[0]) not in view.quoted
                                     and (_set_phrase(view, f) or _our_report(view, f)))]


def _set_phrase(view: DocView, f: Found) -> bool:
    k = view.tok_index(f.cue[0])
    si = view.tok_sent[k]
    for phrase in lex.writer_phrases():
        for p in (p for p, word in enumerate(phrase) if word == view.lower[k]):
            first, after = k - p, k - p + len(phrase)
            if first < view.sent_first[si] or view.lower[first:after] != list(phrase):
                continue
            # nothing after the phrase in its sentence but punctuation ("как говорится в заявлении" names its
            # source), or no source after it (the comma left out: "Как говорится за ним придут …")
            if after >= view.sent_first[si + 1] or not view.is_word(after) or f.ref is None or f.ref.kind == "none":
                return True
    return False


def _our_report(view: DocView, f: Found) -> bool:
    if f.cue[2] not in lex.relay_verbs():
        return False
    k = view.tok_index(f.cue[0])
    first = view.sent_first[view.tok_sent[k]]
    j = k - 1
    # back to the clause's start (a punctuation mark) or the sentence's
    while j >= first and view.is_word(j):
        if view.lower[j] == "мы":
            return True
        j -= 1
    return False


def relayed_reports(view: DocView, found: list[Found]) -> list[Found]:
    """`found` less the press relays that wrap a report already attributed: "Макрон заявил, что
    …, передает РИА Новости" is one quotation, Макрон's, relayed by the agency, not a second one
    of the agency's (issue 14). A relay has a relay word for its cue or its source's head
    (relay_words.txt: "передает", "пишет", "проинформировал", "по данным", "судя по
    сообщениям"), and the press for its source (`is_press`); it wraps a report when the cue of
    another found quotation with a speaker of its own, not the press relaying in turn, stands
    inside the relay's content or between it and the relay's cue ("…, — заявил Песков, передает
    корреспондент РБК"). A relay of bare content ("…, сообщает ТАСС") stays: the agency is the
    only source named."""
    # the cues of the reports that name a speaker other than the press, sorted, so each relay is
    # one bisect ("По информации СМИ, …: местная пресса пишет, что …" is the press twice, and stays)
    relays = [bool(f.cue) and _relay(view, f) for f in found]
    cues = sorted(f.cue[0] for f, relay in zip(found, relays)
                  if f.cue and f.ref is not None and f.ref.kind not in ("none", "lost") and not relay)

    def wraps(f: Found) -> bool:
        lo, hi = min(f.start, f.cue[0]), max(f.end, f.cue[1])
        k = bisect_left(cues, lo)
        # another reading of the relay's own cue may stand first: look one further
        return any(c < hi and c != f.cue[0] for c in cues[k:k + 2])
    return [f for f, relay in zip(found, relays) if not (relay and wraps(f))]


def _relay(view: DocView, f: Found) -> bool:
    ref = f.ref
    if f.cue[2] not in lex.relay_words() and (ref is None or ref.head not in lex.relay_words()):
        return False
    if ref is None or ref.kind in ("none", "lost"):
        return True  # "…, пишет " with the outlet's link lost in the scrape
    return is_press(view.text[ref.start:ref.end], ref.head)


def is_press(name: str, head: str | None = None) -> bool:
    """Does a source's name (and the lemma of its head noun, where known) stand for the press: a
    known outlet or a site's address ("пишет noticia.ru"), the press at large ("СМИ", "местная
    пресса"), an outlet's staff or an outlet by its media noun ("корреспондент РБК", "газета The
    Times"), or a report that names its outlet ("сообщение Reuters")?"""
    if known_outlet(name) or name in lex.media_names() or name in lex.media_at_large() or DOMAIN.fullmatch(name):
        return True
    words = name.split()
    if not words:
        return False
    if head in lex.media_nouns() or head in lex.word_set("staff_nouns") or head in lex.media_at_large() \
            or words[0] in lex.media_at_large():
        return True
    return head in lex.relay_words() and any(known_outlet(w) or w in lex.media_names() for w in words[1:])
