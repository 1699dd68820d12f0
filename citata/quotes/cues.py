"""Cues: the words that introduce reported speech (speech verbs and nouns, phrases,
impersonal verbs, "уверен"), looked up in the lexicons under citata/data."""
from __future__ import annotations

from functools import lru_cache

from .. import lexicons as lex
from ..nlp import parse
from .view import DocView, OPEN_MARKS, TERMINAL


def cue_at(view: DocView, i: int) -> tuple[int, str, str] | None:
    """(end token index, lemma, class) when token i starts a cue (memoised per document)."""
    if i in view.cue_cache:
        return view.cue_cache[i]
    hit = _cue_at(view, i) if may_start_cue(view.toks[i].text) else None
    view.cue_cache[i] = hit
    return hit


@lru_cache(maxsize=300_000)
def may_start_cue(word: str) -> bool:
    """False for a word `_cue_at` returns None for whatever its context (most words): the tests
    of `_cue_at` that depend on the word alone, asked once per distinct word."""
    low = word.lower().replace("ё", "е")
    return low in lex.impersonal_cues() or low in lex.speech_verbs() or low in lex.speech_adjectives() or (
        word[0].isalnum() and low in lex.lexeme_forms(_head_lemmas())
        and not _head_lemmas().isdisjoint(_word_lemmas(word)))


@lru_cache(maxsize=None)
def _head_lemmas() -> frozenset[str]:
    """The lemmas a cue can start at beyond the single-word lexicons: multi-word cues' heads and the
    verbs that are cues with their frame."""
    return lex.speech_phrase_heads() | _frame_verbs()


def _lemmas(view: DocView, j: int) -> frozenset[str]:
    return _word_lemmas(view.toks[j].text)


@lru_cache(maxsize=300_000)
def _word_lemmas(word: str) -> frozenset[str]:
    return frozenset(p.normal_form.replace("ё", "е") for p in parse(word))


def _cue_at(view: DocView, i: int) -> tuple[int, str, str] | None:
    low = view.lower[i]
    if low in lex.impersonal_cues():
        return i, verb_lemma(view, i), "impersonal"
    hit = lex.speech_verbs().get(low)
    first_words = lex.speech_phrase_heads()
    if view.is_word(i) and (hit and hit[0] in first_words or not first_words.isdisjoint(_lemmas(view, i))):
        for phrase, cls in lex.speech_phrases():
            j, ok = i, True
            for n, word in enumerate(phrase):
                while j < len(view.toks) and (view.lower[j] in lex.reflexive_possessives() or view.lower[j] in lex.pronouns_in("nomn") or (
                        # "принес "глубочайшие извинения"": quotation marks and adjectives inside the phrase
                        n > 0 and (view.toks[j].text in OPEN_MARKS or view.parses(j)[0].tag.POS == "ADJF"))):
                    j += 1
                if j >= len(view.toks) or word not in _lemmas(view, j):
                    ok = False
                    break
                j += 1
            if ok and cls == "think" and view.parses(j - 1)[0].tag.POS == "PRTS":
                return None  # "Не исключено, что …": the writer's hedge, nobody's opinion
            if ok:
                return j - 1, " ".join(phrase), cls
    if hit and hit[1] == "cite":
        # only with the words quoted: "приводит «Интерфакс» слова Вестагер"
        for j in range(i + 1, min(i + 6, len(view.toks))):
            if view.lower[j] in lex.cited_words():
                return j, hit[0], "cite"
        return None
    if hit:
        tag = view.parses(i)[0].tag
        if i not in view.quoted and (tag.POS == "INFN" or tag.person in ("1per", "2per") or tag.mood == "impr"):
            return None  # the narrator's "Отметим, что", "напомним": not a reported speech act
        if tag.POS == "INFN" and i > 0 and view.parses(i - 1)[0].tag.person in ("1per", "2per"):
            return None  # "мы хотим сказать, что": the speaker's own phrasing, not a report
        return i, hit[0], hit[1]
    if not hit and view.is_word(i):
        got = _frame_cue(view, i)
        if got is not None:
            return got
    if low in lex.speech_adjectives():
        if i > 0 and view.lower[i - 1] == "быть":
            return None  # "Американцы должны быть уверены, что …": an exhortation, not a conviction reported
        return i, "уверенный" if low.startswith("увер") else "убежденный", "think"
    return None


def verb_lemma(view: DocView, i: int) -> str:
    return view.parses(i)[0].normal_form


# The first words of a frame, the words before ", что" that mark a clause as what a word governs
# (frame_cues.tsv); "с тем" and "в том" keep their preposition, "тем" stands alone
FRAME_OPENERS = {("о", "том"): "о том", ("об", "том"): "о том", ("в", "том"): "в том", ("с", "тем"): "с тем",
                 ("со", "тем"): "с тем", ("тем",): "тем"}
# how many tokens a cue known by its frame may stand before it ("мотивировал свой отказ тем, что")
FRAME_GAP = 6


def frame_at(view: DocView, k: int) -> tuple[str, str, int] | None:
    """(frame, its complementizer, the index of the token before the complementizer: the comma, or
    the frame's last word when the writer left the comma out before "что") when a frame opens at
    token k: "о том, что", "о том, как", "в том, что", "с тем, что", "тем, что", "тем что", ",
    будто". A compound conjunction that ends in "тем" is no frame ("в связи с тем, что": a reason;
    "перед тем, как": a time); "тем" after "с" is read as "с тем" from the "с"."""
    low = view.lower
    if k >= len(low):
        return None
    if low[k] == "," and k + 1 < len(low) and low[k + 1] == "будто":
        return "будто", "будто", k
    for words, name in FRAME_OPENERS.items():
        n = len(words)
        comma = k + n
        if tuple(low[k:comma]) != words or comma + 1 >= len(low):
            continue
        conj = comma + 1 if low[comma] == "," else comma if low[comma] == "что" else None
        if conj is None or low[conj] not in ("что", "как"):
            continue
        if words[-1] == "тем":
            if name == "тем" and k > 0 and low[k - 1] in ("с", "со"):
                return None
            compound = next((c for c in _conjunctions_by_length() if c[-1] == "тем" and comma >= len(c)
                             and tuple(low[comma - len(c):comma]) == c), None)
            if compound is not None and compound != ("с", "тем"):
                return None
        return name, low[conj], conj - 1
    return None


@lru_cache(maxsize=1)
def _conjunctions_by_length() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(lex.clause_conjunctions(), key=len, reverse=True))


@lru_cache(maxsize=1)
def _frame_verbs() -> frozenset[str]:
    """The lemmas of frame_cues.tsv that are cues with their frame."""
    return frozenset(lemma for (lemma, _), cls in lex.frame_cues().items() if cls != "none")


def frame_cue_frame(lemma: str) -> tuple[str, str] | None:
    """(frame, class) of a word that is a cue with its frame (frame_cues.tsv), if it is one."""
    return next(((frame, cls) for (w, frame), cls in lex.frame_cues().items() if w == lemma and cls != "none"), None)


def _frame_cue(view: DocView, i: int) -> tuple[int, str, str] | None:
    """A verb known by its frame, as a cue when the frame follows within FRAME_GAP tokens of its
    clause and opens a что-clause ("Нетаньяху мотивировал свой отказ тем, что …"); a finite verb or
    a gerund only (an infinitive is no report, as for the other cues)."""
    p = view.parses(i)[0]
    lemma = p.normal_form.replace("ё", "е")
    got = frame_cue_frame(lemma) if p.tag.POS in ("VERB", "GRND") else None
    if got is None:
        return None
    frame, cls = got
    for k in range(i + 1, min(i + 1 + FRAME_GAP, view.sent_first[view.tok_sent[i] + 1])):
        hit = frame_at(view, k)
        if hit is not None:
            return (i, lemma, cls) if hit[0] == frame and hit[1] != "как" else None
        if view.toks[k].text in TERMINAL or view.toks[k].text in ",;:" or view.parses(k)[0].tag.POS == "VERB":
            return None
    return None
