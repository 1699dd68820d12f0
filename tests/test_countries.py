"""The world's countries as data (citata/data/countries.tsv, capitals.tsv) and a role qualified by
a country resolved with them (issue 14: mention → speaker). Sentences written for these tests."""
from __future__ import annotations

import re

import pytest

from citata import countries
from citata.nlp import parse
from helpers import by_opening


def test_every_un_member_and_the_usual_others_is_a_row():
    names = {row[0] for row in countries.rows()}
    assert len(names) >= 193 + 5
    for name in ("Венгрия", "Того", "Тайвань", "Косово", "Палестина", "Ватикан", "ДНР", "ЛНР"):
        assert name in names


def test_no_name_or_adjective_stands_for_two_countries():
    seen: dict[str, str] = {}
    for row in countries.rows():
        for alias in row:
            key = alias.lower().replace("ё", "е")
            assert seen.setdefault(key, row[0]) == row[0], (alias, seen[key], row[0])


def test_adjectives_are_the_analysers_adjectives_in_their_normal_form():
    for row in countries.rows():
        for alias in row[1:]:
            if alias.islower():
                assert any(p.tag.POS == "ADJF" and p.normal_form == alias for p in parse(alias)), alias


def _geographic_forms(name: str, case: str):
    """The analyser's form of a one-word place name in a case, where it knows the name as a place."""
    p = next((p for p in parse(name) if "Geox" in p.tag and "Fixd" not in p.tag), None)
    form = p.inflect({case}) if p is not None else None
    return form.word[:1].upper() + form.word[1:] if form is not None else None


@pytest.mark.parametrize("case", ["gent", "datv", "loct"])
def test_each_country_is_found_in_the_oblique_cases_the_analyser_gives(case):
    # "премьер-министр Венгрии", "к Канаде", "в Ливане": the analyser's own forms of each name
    missed = []
    for row in countries.rows():
        for name in row:
            if " " in name or name.isupper() or name.islower():
                continue
            form = _geographic_forms(name, case)
            if form is not None and countries.country_of(form) != row[0]:
                missed.append((name, form, countries.country_of(form)))
    assert not missed, missed


def test_capitals_name_countries_of_the_table_and_are_found_in_any_case():
    names = {row[0] for row in countries.rows()}
    assert set(countries.capitals().values()) <= names
    missed = []
    for capital, country in countries.capitals().items():
        form = _geographic_forms(capital, "loct") if " " not in capital else capital
        if form is not None and countries.capital_country(form) != country:
            missed.append((capital, form))
    assert not missed, missed
    assert countries.capital_country("В Париже".split()[1]) == "Франция"
    assert countries.capital_country("Вашингтона") == "США"


def test_capitals_are_spelled_as_the_analyser_knows_them():
    # as tests/test_entities.py checks countries.tsv: a capital the dictionary knows is written
    # exactly as it writes it, ё included ("Кишинёв")
    bad = []
    for capital in countries.capitals():
        for word in re.findall(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", capital):
            known = [p for p in parse(word) if p.is_known]
            if known and not any(p.word == word.lower() for p in known):
                bad.append((capital, word, known[0].word))
    assert not bad, bad


@pytest.mark.parametrize("word", ["того", "чад", "перу", "мали", "нигер", "куба", "гана"])
def test_a_lower_case_common_word_is_no_country(word):
    # "того же мнения", "чад от костра", "перу писателя": a name counts only capitalised
    assert countries.country_of(word) is None
    assert countries.country_of(word.capitalize()) is not None


@pytest.mark.parametrize("word", ["вене", "риге", "дохе", "панама"])
def test_a_lower_case_common_word_is_no_capital(word):
    assert countries.capital_country(word) is None
    assert countries.country_of(word) is None


def test_multiword_names_and_adjectives():
    assert countries.country_of("Южной Кореи") == "Южная Корея"
    assert countries.country_of("Соединённых Штатов") == "США"
    assert countries.country_of("Боснии и Герцеговины") == "Босния и Герцеговина"
    assert countries.country_of("венгерского") == "Венгрия"
    assert countries.country_of("Кореи") is None  # which one: neither
    assert countries.countries_named("бывший глава МИД Венгрии") == {"Венгрия"}
    assert countries.countries_named("британский премьер") == {"Великобритания"}


BROWN = ("Британский премьер Гордон Браун прибыл в Брюссель на саммит Евросоюза. Переговоры "
         "продлятся два дня.\n\n{} заявил, что его страна не поддержит новые квоты на мигрантов.")


@pytest.mark.parametrize("title", ["Премьер-министр Венгрии", "Венгерский премьер"])
def test_a_title_of_another_country_is_not_the_premier_named_before(title):
    # Браун is Britain's premier; Hungary's is someone the article does not name
    assert by_opening(BROWN.format(title), "его страна") == title


def test_the_same_countrys_title_is_the_premier_named_before():
    assert by_opening(BROWN.format("Британский премьер"), "его страна") == "Гордон Браун"


def test_a_title_of_another_country_goes_to_its_own_holder():
    text = ("Президент США Дональд Трамп и президент Франции Эмманюэль Макрон встретились в Париже. "
            "Переговоры продлились три часа.\n\nПрезидент Франции заявил, что его страна не поддержит "
            "новые пошлины.")
    assert by_opening(text, "его страна") == "Эмманюэль Макрон"


def test_government_of_the_country_named_by_its_adjective():
    # "правительство страны": the country last named, by its name or its adjective
    text = ("Канада уже обращалась к пакистанским властям с требованием обеспечить безопасность "
            "женщины. В ответ правительство страны заявило, что предпринимает все возможные меры.")
    assert by_opening(text, "предпринимает") == "правительство Пакистана"


def test_a_capital_its_country_and_its_government_are_one_speaker_in_the_archive():
    # "в Париже заявили", "Власти Франции сообщили", "Французское правительство считает": the
    # names stay as the articles write them (the gold's convention); the identity is France's
    from citata.pipeline import extract_text
    from citata.registry import Registry, assign

    registry = Registry()
    texts = ["Франция не согласна с решением Еврокомиссии. В Париже заявили, что его примут без участия страны.",
             "Переговоры по торговле продолжатся. Власти Франции сообщили, что готовы к ним.",
             "Французское правительство считает, что пошлины не помогут. Об этом пишет Le Monde."]
    speakers = []
    for text in texts:
        doc = extract_text(text, plain=True)
        assign(doc, registry)
        speakers += [(q.speaker.name, q.speaker.entity_id) for q in doc.quotes]
    france = registry.by_name[("LOC", "франция")].id
    assert speakers == [("Париж", france), ("Власти Франции", france), ("Французское правительство", france)]


def test_a_city_government_is_not_the_countrys():
    assert countries.government_of("Московские власти") is None
    assert countries.government_of("власти Пакистана") == "Пакистан"
    assert countries.government_of("Кремль") is None  # a seat: seats.txt's business


@pytest.mark.parametrize("name, city", [("власти Москвы", "Москва"), ("Мэрия Москвы", "Москва"),
                                        ("правительство Москвы", "Москва"), ("мэрии Парижа", "Париж"),
                                        ("Правительство Буэнос-Айреса", "Буэнос-Айрес")])
def test_a_government_noun_governing_a_capital_is_the_citys_government(name, city):
    assert countries.city_government_of(name) == city
    assert countries.government_of(name) is None


@pytest.mark.parametrize("name", ["Москва", "Москве", "власти Франции", "мэр Москвы Сергей Собянин",
                                  "Оперштаб Москвы", "власти Москвы и области", "жители Москвы"])
def test_a_capital_alone_a_country_a_mayor_or_a_citys_office_is_no_citys_government(name):
    # the capital alone stands for its state; a mayor is a person, an office a body of its own
    assert countries.city_government_of(name) is None


def test_a_word_the_analyser_knows_as_a_place_is_no_form_of_a_name_it_shares_letters_with():
    # "Хан" (Имран Хан) shares a normal form with "Ханой" only through the name "Хана"
    assert countries.capital_country("Хан") is None
    assert countries.capital_country("Ханое") == "Вьетнам"


COVID_MOSCOW = ("Вакцинация от коронавируса в столице продолжается. {} заявили, что записаться на прививку "
                "можно на портале mos.ru. Ранее в Москве заявили, что вакцина будет бесплатной для всех "
                "граждан России.")


def test_moscows_city_authorities_are_the_city_and_moscow_alone_the_state_in_the_archive():
    # covid-19 pages: "в мэрии Москвы заявили" is the city's government speaking; "в Москве
    # заявили" stays the state's (the capital for its country)
    from citata.pipeline import extract_text
    from citata.registry import Registry, assign

    for phrase in ("В мэрии Москвы", "Власти Москвы", "В правительстве Москвы"):
        registry = Registry()
        doc = extract_text("Россия и Москва. " + COVID_MOSCOW.format(phrase), plain=True)
        assign(doc, registry)
        moscow = registry.by_name[("LOC", "москва")].id
        russia = registry.by_name[("LOC", "россия")].id
        said = {q.content.text.split()[0]: (q.speaker.name, q.speaker.entity_id) for q in doc.quotes}
        assert said["записаться"][1] == moscow, said
        assert said["вакцина"] == ("Москва", russia)


def test_a_bodys_name_in_the_locative_keeps_the_place_it_belongs_to():
    # "в МИД Пакистана": the NER tags the ministry and the country apart; the speaker is
    # Pakistan's ministry, not any "МИД"
    assert by_opening("Переговоры продолжатся. В МИД Пакистана заявили, что готовы к ним.", "готовы") \
        == "МИД Пакистана"
    assert by_opening("Меры продлили. Как сообщили в Оперштабе Москвы, за сутки выявлено 5 тысяч случаев.",
                      "за сутки") == "Оперштаб Москвы"
