"""Indirect reports issue 14 found missed (twenty-first session, wt-indirect21): each class built
read with its source and its words, beside a near neighbour that must stay no quotation or keep
today's span. Sentences written for the test."""
import pytest

from helpers import plain_quotes as quotes


@pytest.mark.parametrize("text, source, content", [
    # one law, resolution or agreement, then a relative "согласно которому / которой": its terms
    ("С 1 марта в Германии вступил в силу закон, согласно которому аптеки смогут продавать это "
     "лекарство без рецепта.", "закон", "аптеки смогут продавать это лекарство без рецепта"),
    # a title of five words in quotation marks between the act and the comma
    ("Парламент принял резолюцию \"О защите прав пассажиров воздушного транспорта\", согласно которой "
     "авиакомпании обязаны вернуть деньги за отмененный рейс.", "резолюц",
     "авиакомпании обязаны вернуть деньги за отмененный рейс"),
    ("Власти подписали с профсоюзом соглашение, согласно которому зарплаты вырастут на пять процентов.",
     "соглашение", "зарплаты вырастут на пять процентов"),
])
def test_the_terms_of_one_act_after_a_relative_source(text, source, content):
    [q] = quotes(text)
    assert q.type == "indirect" and q.content.text == content
    assert q.speaker.name.lower().startswith(source)


@pytest.mark.parametrize("text", [
    # laws in the plural: a kind of law, no one text that speaks
    "Во многих странах действуют законы, согласно которым оскорбление чувств верующих считается преступлением.",
    # a fine or a grid is no document
    "Компании выписали штраф, согласно которому она должна выплатить два миллиона евро.",
    "Профсоюз требует ввести единую тарифную сетку, согласно которой все пилоты получат одинаковую оплату.",
    # "согласно закону": a norm the clause obeys, not a source (as before)
    "Согласно закону, магазины закрываются в десять вечера.",
])
def test_no_report_after_a_norm_a_plural_or_a_non_document(text):
    assert quotes(text) == []


def test_a_report_document_before_the_relative_keeps_its_span():
    """The report documents read before ("результаты опроса, согласно которым …") keep today's span."""
    [q] = quotes("Агентство опубликовало результаты опроса, согласно которым большинство жителей "
                 "поддерживают реформу.")
    assert q.content.text == "большинство жителей поддерживают реформу"
