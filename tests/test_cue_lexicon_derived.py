"""Cues derived from the language rather than mined from the corpora (eval/derive_cues.py, reviewed in
eval/cue_review.tsv and eval/cue_review_nouns.md; twenty-seventh session): speech verbs our corpora
hardly use, the other aspect of kept phrases and more "по X-у Y-а" source nouns — each read with its
speaker and its reported words, and near neighbours where the same word reports nothing. Sentences
written for the test."""
import sys
from pathlib import Path

import pytest

from citata import lexicons as lex
from citata.nlp import morph
from helpers import plain_quotes as quotes

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("text, cue, speaker, content", [
    # a retort after the quotation and its dash
    ("«Это ложь», — огрызнулся пресс-секретарь Кремля Дмитрий Песков.", "огрызнуться", "Дмитрий Песков", "Это ложь"),
    ("«Посмотрим, что будет дальше», — отшутился тренер Валерий Карпин.", "отшутиться", "Валерий Карпин",
     "Посмотрим, что будет дальше"),
    # the imperfective partner, found once the roots took their vowel alternation (шут/шуч)
    ("«Всему свое время», — отшучивается тренер Валерий Карпин.", "отшучиваться", "Валерий Карпин",
     "Всему свое время"),
    # a manner of speaking
    ("«Мы не сдадимся», — прошептала Анна Петрова.", "прошептать", "Анна Петрова", "Мы не сдадимся"),
    ("«Рынок переживет и это», — вздохнул аналитик Михаил Крылов.", "вздохнуть", "Михаил Крылов",
     "Рынок переживет и это"),
    # a question in a dialogue line
    ("— Вы уверены в этом? — переспросил журналиста депутат Олег Смолин.", "переспросить", "Олег Смолин",
     "Вы уверены в этом?"),
    # before a что-clause
    ("Министр финансов Антон Силуанов подметил, что цены вырастут к осени.", "подметить", "Антон Силуанов",
     "цены вырастут к осени"),
    ("Глава ЦБ Эльвира Набиуллина сокрушается, что инфляция снова растет.", "сокрушаться", "Эльвира Набиуллина",
     "инфляция снова растет"),
    ("Председатель комиссии Иван Орлов обмолвился, что решение уже принято.", "обмолвиться", "Иван Орлов",
     "решение уже принято"),
    ("Депутат Петр Толстой упрекнул министра в том, что реформа провалена.", "упрекнуть", "Петр Толстой",
     "реформа провалена"),
    ("Юрист Анна Белова оговаривается, что решение суда еще можно обжаловать.", "оговариваться", "Анна Белова",
     "решение суда еще можно обжаловать"),
    ("Оппозиция винит власти в том, что цены выросли вдвое.", "винить", "Оппозиция", "цены выросли вдвое"),
    ("Экономист Сергей Гуриев сомневается, что цены вырастут к осени.", "сомневаться", "Сергей Гуриев",
     "цены вырастут к осени"),
    ("Полиция подозревает, что пожар начался из-за проводки.", "подозревать", "Полиция",
     "пожар начался из-за проводки"),
    # a ground given in words, as a gerund
    ("Профсоюзы требуют повысить зарплаты, ссылаясь на то, что цены выросли вдвое.", "ссылаться", "Профсоюзы",
     "цены выросли вдвое"),
    # before a colon
    ("Мэр Сергей Собянин поделился с журналистами: «Мы откроем метро в срок».", "поделиться", "Сергей Собянин",
     "Мы откроем метро в срок"),
])
def test_a_derived_verb_is_read_with_its_speaker(text, cue, speaker, content):
    [q] = quotes(text)
    assert q.cue_lemma == cue and q.content.text == content
    assert speaker.lower() in q.speaker.name.lower()


@pytest.mark.parametrize("text, speaker, content", [
    # phrases: another noun of a voiced opinion, and a kept phrase's other aspect
    ("Профессор Андрей Зубов придерживается мнения, что кризис продлится до весны.", "Андрей Зубов",
     "кризис продлится до весны"),
    ("Депутат Иван Орлов сошелся во мнении с коллегами о том, что закон нужно отменить.", "Иван Орлов",
     "закон нужно отменить"),
    ("Министр Антон Котяков выразил сомнение, что безработица вырастет.", "Антон Котяков", "безработица вырастет"),
    ("Следователь Ольга Новикова выдвинула версию, что пожар начался из-за проводки.", "Ольга Новикова",
     "пожар начался из-за проводки"),
    ("Аналитик Олег Ким делает вывод, что рынок перегрет.", "Олег Ким", "рынок перегрет"),
    ("Спикер Вячеслав Володин высказывает опасение, что закон не примут.", "Вячеслав Володин", "закон не примут"),
    ("Комиссия пришла к заключению, что кризис скоро закончится.", "Комиссия", "кризис скоро закончится"),
    ("Министр Иван Орлов сделал акцент на том, что кризис скоро закончится.", "Иван Орлов",
     "кризис скоро закончится"),
    # source nouns after "по"
    ("По свидетельству очевидцев, взрыв прогремел около полуночи.", "очевид", "взрыв прогремел около полуночи"),
    ("По заверениям компании, все рейсы будут выполнены в срок.", "компани", "все рейсы будут выполнены в срок"),
    ("По показаниям свидетелей, водитель превысил скорость.", "свидетел", "водитель превысил скорость"),
])
def test_a_derived_phrase_or_source_noun_is_read_with_its_speaker(text, speaker, content):
    [q] = quotes(text)
    assert q.type == "indirect" and q.content.text == content
    assert speaker.lower() in q.speaker.name.lower()


@pytest.mark.parametrize("text", [
    "Он поделился хлебом с соседями и ушел.",                      # sharing, no words
    "Сотрудники ворчали весь вечер, пока не дали свет.",           # no reported words
    "Министр раскритиковал проект бюджета на следующий год.",      # blame with no content
    "Тренер похвалил игроков за самоотдачу.",
    "Жители вздохнули с облегчением, когда дождь закончился.",
    "Рынок отреагировал падением котировок.",
    "Компания гарантировала возврат средств всем пассажирам.",
    "Я сомневаюсь, что это правда.",                               # the writer's own doubt
    "По распоряжению губернатора школы закрыты до понедельника.",   # an order, not a report (rejected)
    "Депутаты выразили несогласие с решением суда.",              # a stance, no content (rejected)
    "Компания отказалась от сделки, ссылаясь на санкции.",         # a ground with no clause
    "Полиция подозревает его в краже.",                            # a suspect, no clause
])
def test_the_same_word_reporting_nothing_gives_no_quotation(text):
    assert quotes(text) == []


def test_every_reviewed_verb_is_the_analysers_normal_form_and_accepted_ones_are_cues():
    """The review holds lemmas as pymorphy writes them (ё included), and every accepted one is in
    speech_verbs.tsv with the class the review gives it; a rejected one is not there."""
    rows = [ln.split("\t") for ln in (ROOT / "eval" / "cue_review.tsv").read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]
    analyser = morph()
    assert not [r[0] for r in rows if r[0] not in {p.normal_form for p in analyser.parse(r[0])}]
    assert all(r[1] in ("known", "accept", "reject") and r[3] for r in rows)
    data = {lemma: cls for lemma, cls in lex.data_table("speech_verbs.tsv")}
    assert {r[0]: r[2] for r in rows if r[1] == "accept"}.items() <= data.items()
    assert not [r[0] for r in rows if r[1] == "reject" and r[0] in data]
    forms = lex.speech_verbs()
    assert forms["огрызнулся"] == ("огрызнуться", "say") and forms["переспросила"] == ("переспросить", "ask")


def test_every_candidate_of_the_dictionary_is_reviewed():
    """eval/derive_cues.py's candidates (every infinitive on a speech root) are all in the review, so a
    change of the roots or of the dictionary shows here."""
    sys.path.insert(0, str(ROOT / "eval"))
    import derive_cues

    reviewed = derive_cues.review_rows(ROOT / "eval" / "cue_review.tsv")
    cands = derive_cues.candidates()
    assert "огрызнуться" in cands and "съязвить" in cands and "показать" in cands
    assert not set(cands) - reviewed.keys()
