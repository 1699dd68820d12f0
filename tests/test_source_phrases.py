""""Согласно X, …" (issue 14): any dative noun phrase after "согласно" is a source phrase — what
states, reports, shows or estimates speaks — unless its noun is a norm the clause obeys
(citata/data/norm_nouns.txt, from eval/survey_sources.py's count over ../shared/corpora). Sentences
written for the test."""
import pytest

from citata import lexicons as lex
from citata.nlp import morph
from helpers import said_with_type as quotes


@pytest.mark.parametrize("text, content, speaker", [
    # a common noun the source lexicons never listed: the phrase itself speaks, with its genitive
    ("Согласно итоговому анализу испытаний, вакцина защищает от тяжелой формы болезни.",
     "вакцина защищает от тяжелой формы болезни", "анализ испытаний"),
    ("Так, согласно математическому моделированию, эпидемия пойдет на спад к маю.",
     "эпидемия пойдет на спад к маю", "моделирование"),
    ("Согласно плану правительства, строительство моста завершится в будущем году.",
     "строительство моста завершится в будущем году", "план правительства"),
    # a name in Latin letters right after "согласно", whether or not the NER tags it
    ("Согласно Statista, в прошлом году смартфоны купили полтора миллиарда человек.",
     "в прошлом году смартфоны купили полтора миллиарда человек", "Statista"),
    # a form source_nouns.tsv lacks: the opinion's owner speaks, as after "по мнению"
    ("Согласно мнениям независимых экономистов, рубль до конца года не укрепится.",
     "рубль до конца года не укрепится", "независимые экономисты"),
    # a participle's agent owns the source ("опросам, проведенным X"), its gloss in brackets left out
    ("Согласно проведенным Фондом общественного мнения (ФОМ) опросам, половина горожан ездит на работу "
     "на метро.", "половина горожан ездит на работу на метро", "Фонд общественного мнения"),
])
def test_a_source_after_soglasno_speaks(text, content, speaker):
    assert quotes(text) == [("indirect", content, speaker)]


def test_a_possessive_source_is_its_owner():
    text = ("Свидетель Петр Смирнов выступил в суде во вторник. Согласно его показаниям, ссора началась у "
            "колодца.")
    assert quotes(text) == [("indirect", "ссора началась у колодца", "Петр Смирнов")]


@pytest.mark.parametrize("text, content", [
    ("Согласно предварительному анализу, который охватил 40 тысяч добровольцев, эффективность вакцины "
     "превысила 90%.", "эффективность вакцины превысила 90%"),
    ("По данным исследования, проведенного по заказу парламента, каждый третий житель не доверяет "
     "прививкам.", "каждый третий житель не доверяет прививкам"),
])
def test_the_sources_own_clause_is_not_its_content(text, content):
    [(_, got, _)] = quotes(text)
    assert got == content


def test_a_nominative_participle_opens_the_content():
    assert quotes("Согласно «Вектору», разработанные институтом вакцины безопасны для пожилых.") == [
        ("indirect", "разработанные институтом вакцины безопасны для пожилых", "Вектор")]


@pytest.mark.parametrize("text", [
    "Согласно статье 50 Лиссабонского договора, страна может выйти из союза через два года.",
    "Согласно уставу компании, акционеры могут созвать внеочередное собрание.",
    "Согласно графику, поезд прибывает на вокзал в полдень.",
    "Согласно требованиям регулятора, производитель должен представить данные о безопасности.",
    "Согласно решению суда, компания выплатит штраф в размере миллиона рублей.",
    "Согласно установленным министерством приоритетам, первыми прививку получат врачи.",
    # a forecast with no source named stays a hedge, like "согласно прогнозам"
    "Согласно пессимистичным предсказаниям, в следующем году продажи упадут вдвое.",
])
def test_a_norm_or_a_hedge_is_no_source(text):
    assert quotes(text) == []


@pytest.mark.parametrize("lemma", sorted(lex.data_lines("norm_nouns.txt")))
def test_every_norm_noun_keeps_its_clause_unattributed(lemma):
    form = next(p for p in morph().parse(lemma) if p.normal_form == lemma and p.tag.POS == "NOUN")
    dative = form.inflect({"datv", "sing"}).word
    new = morph().parse("новый")[0].inflect({"datv", "sing", form.tag.gender}).word
    assert quotes(f"Согласно {new} {dative}, работники обязаны проходить обучение каждый год.") == []
