"""Cues: the words that introduce reported speech (speech verbs and nouns, phrases,
impersonal verbs, "уверен"), looked up in the lexicons under citata/data."""
from __future__ import annotations

from functools import lru_cache

from .. import lexicons as lex
from ..nlp import parse
from .view import DocView, OPEN_MARKS


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
        word[0].isalnum() and low in lex.lexeme_forms(lex.speech_phrase_heads())
        and not lex.speech_phrase_heads().isdisjoint(_word_lemmas(word)))


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
    if low in lex.speech_adjectives():
        if i > 0 and view.lower[i - 1] == "быть":
            return None  # "Американцы должны быть уверены, что …": an exhortation, not a conviction reported
        return i, "уверенный" if low.startswith("увер") else "убежденный", "think"
    return None


def verb_lemma(view: DocView, i: int) -> str:
    return view.parses(i)[0].normal_form
