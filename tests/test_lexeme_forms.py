"""`lexicons.lexeme_forms`: the word forms whose analysis can name a lexicon's lemma. The per-token
cue tests (`_speech_participle`, `_report_noun`, `may_start_cue`) ask it before they analyse a word,
so a form missing from it would silently drop a cue: every word of real news whose analysis names
one of the lemmas must be in it."""
import pytest

from citata import lexicons as lex
from citata.nlp import TOKEN_RE, parse
from citata.quotes.cues import cue_at
from citata.quotes.indirect import _report_noun, _speech_participle
from conftest import BSNLP, needs_corpora
from helpers import view_of


def test_forms_of_each_case_and_spelling():
    forms = lex.lexeme_forms(frozenset({"заявление", "подчёркивать"}))
    assert {"заявление", "заявлениями", "заявлений"} <= forms
    assert {"подчеркивает", "подчеркивающий", "подчеркивая"} <= forms  # held with ё as е
    assert "заявить" not in forms and "подчеркнуть" not in forms  # another lexeme
    participles = lex.lexeme_forms(frozenset({"считать"}), "PRTF")
    assert {"считающие", "считавшей", "считаемый"} <= participles and "считает" not in participles


def test_the_cue_tests_still_find_their_words():
    text = ("Представители ХДС, утверждавшие, что закон устарел, выступили против. "
            "Ранее появились сообщения о том, что сделка сорвана. Министр выразил мнение, что сроки сдвинутся.")
    assert _speech_participle("утверждавшие") == ("утверждать", "say")
    assert _speech_participle("Утверждавшие") == ("утверждать", "say")
    assert _speech_participle("утвержденные") is None  # a passive participle reports nothing
    assert _report_noun("сообщения") and not _report_noun("сделка")
    v = view_of(text)
    i = next(k for k, t in enumerate(v.toks) if t.text == "выразил")
    assert cue_at(v, i) is not None and cue_at(v, i)[1] == "выразить мнение"


@needs_corpora
@pytest.mark.parametrize("lemmas, pos", [
    (lambda: lex.report_nouns(), None),
    (lambda: lex.speech_phrase_heads(), None),
    (lambda: frozenset(f for f, (lemma, cls) in lex.speech_verbs().items() if f == lemma.replace("ё", "е")), "PRTF"),
])
def test_every_form_news_writes_is_held(lemmas, pos):
    lemmas = lemmas()
    forms = lex.lexeme_forms(lemmas, pos)
    missing = set()
    for path in sorted(BSNLP.glob("*/raw/*.txt"))[::5]:
        for m in TOKEN_RE.finditer(path.read_text(encoding="utf-8", errors="replace")):
            word = m.group()
            if word[0].isalpha() and any(p.normal_form.replace("ё", "е") in lemmas and (pos is None or p.tag.POS == pos)
                                         for p in parse(word)):
                if word.lower().replace("ё", "е") not in forms:
                    missing.add(word)
    assert not missing
