"""A name glossed in parentheses ("«Пфайзер» (Pfizer)") is one organisation under both names, also
where natasha's NER tagged one side of the gloss or neither (citata.entities: written_glosses,
gloss_pairs). Sentences from the shared corpora's pages (coronavirus_ru_3, FactRuEval book_399,
book_434, book_480), shortened, and sentences written for the test."""
from citata.entities import written_glosses
from citata.names import spells_latin
from citata.pipeline import extract_text, process
from citata.registry import Registry
from citata.source import text_document


def orgs(text: str) -> dict[str, str]:
    """Each organisation mention's text -> its entity id."""
    return {m["text"]: m["entity_id"] for m in extract_text(text, plain=True).entities if m["type"] == "ORG"}


def test_a_latin_spelling_is_told_from_a_translation():
    assert spells_latin("«Пфайзер»", "Pfizer")
    assert spells_latin("Байонтек", "BioNTech")
    assert spells_latin("Фольксвагеном", "Volkswagen")  # the instrumental's -ом
    assert spells_latin("Кориера делла Сера", "Corriere della Sera")
    assert not spells_latin("Международная амнистия", "Amnesty International")
    assert not spells_latin("Европейского Союза", "Brexit")


def test_both_sides_untagged_where_the_page_tags_the_company_elsewhere():
    # NER tags nothing in the second sentence's "«Пфайзер» (Pfizer) и «Байонтек» (BioNTech)"
    ids = extract_text("Великобритания одобрила вакцину BNT162b2, которую разработали немецкая «Байонтек» (BioNTech) и "
                       "американская «Пфайзер» (Pfizer). «Пфайзер» (Pfizer) и «Байонтек» (BioNTech) сообщили, что "
                       "вакцина BNT162b2 обеспечила более чем 90-процентную эффективность.", plain=True).entities
    pfizer = {m["entity_id"] for m in ids if m["text"] in ("Пфайзер", "Pfizer")}
    biontech = {m["entity_id"] for m in ids if m["text"] in ("Байонтек", "BioNTech")}
    assert sum(m["text"] == "Pfizer" for m in ids) == 2 and sum(m["text"] == "BioNTech" for m in ids) == 2, ids
    assert len(pfizer) == 1 and len(biontech) == 1 and pfizer != biontech, ids


def test_the_latin_gloss_untagged_after_a_tagged_name():
    by_text = orgs("Немецкий автомобильный концерн «Фольксваген» (Volkswagen) планирует построить в России завод.")
    assert by_text.get("Volkswagen") == by_text["Фольксваген"], by_text
    by_text = orgs("«Наконец то всё позади, мы выбираем», пишет на первой странице ежедневная газета \"Ла стампа\" "
                   "(La Stampa).")
    assert by_text.get("La Stampa") == by_text["Ла стампа"], by_text


def test_neither_side_tagged_after_an_organisation_noun():
    by_text = orgs("Газета «Кориера делла Сера» (Corriere della Sera) обозначает последние недели предвыборной "
                   "кампании как потерю времени.")
    assert by_text.get("Corriere della Sera") is not None, by_text
    assert by_text.get("Кориера делла Сера") == by_text["Corriere della Sera"], by_text


def test_an_abbreviation_gloss_of_an_untagged_name():
    by_text = orgs("Угроза над World Fashion Channel (WFC) нависла из-за конфликта между руководством модного канала "
                   "и компанией «Алтек». Последняя обвиняет WFC в нарушении договора.")
    assert by_text.get("World Fashion Channel") is not None and by_text["World Fashion Channel"] == by_text["WFC"], by_text


def test_a_product_glossed_in_latin_is_no_organisation():
    # nothing names «Комирнати» an organisation: neither an organisation noun nor another mention
    by_text = orgs("Вакцина, которую разработали «Пфайзер» и «Байонтек», будет называться «Комирнати» (Comirnaty).")
    assert "Comirnaty" not in by_text and "Комирнати" not in by_text, by_text


def test_a_gloss_that_is_not_the_same_name_stays_unpaired():
    by_text = orgs("Выход Великобритании из Европейского Союза (Brexit) назначен на март.")
    assert by_text.get("Brexit") != by_text.get("Европейского Союза"), by_text
    text = ("Организации «Джамаат уд-Дава» (основанная Хафизом Саидом, которого ООН считает террористом) и "
            "«Джамаат улема-е-ислам» объявили о протесте.")
    by_text = orgs(text)
    assert "ООН" in by_text and list(by_text.values()).count(by_text["ООН"]) == 1, by_text
    assert not any(kind != "abbreviation" for kind, _, _ in written_glosses(text, [])), written_glosses(text, [])


def test_a_persons_latin_spelling_stays_a_gloss():
    doc = extract_text("Директор Общества защиты притесняемых народов Ульрих Делиус (Ulrich Delius) заявил, что "
                       "приговор будет обжалован.", plain=True)
    assert not any("Ulrich" in m["text"] for m in doc.entities), doc.entities


def test_the_latin_name_alone_in_a_later_article_is_the_same_organisation():
    docs = list(process([text_document("a.txt", "Немецкий автомобильный концерн «Фольксваген» (Volkswagen) планирует "
                                                "построить в России завод.", plain=True),
                         text_document("b.txt", "Volkswagen заявил, что завод откроется через два года.", plain=True)],
                        plain=True, registry=Registry()))
    ids = [{m["entity_id"] for m in d.entities if m["type"] == "ORG"} for d in docs]
    assert len(ids[0]) == 1 and ids[0] == ids[1], ids
