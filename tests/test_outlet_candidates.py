"""The outlet as the best of the candidate names a whole page's furniture shows (issue 15, tenth
session): a name after an outlet's noun, a © line's brand, a host, a name and a host that spell one
another; each positive page beside one that must name nothing (a name the footer forbids to pass
on, a relay in the article, two outlets shown as often). Pages are written for the test in the shape
of the covid-19 BSNLP dumps (tests/test_outlet_table.py builds them), with outlets the tables lack,
so that only the candidates' score can name them."""
from citata.metadata import best_candidate, outlet_candidates, page_outlet, translit
from helpers import cleaned_page as cleaned_of

from test_outlet_table import ARTICLE, doc_of, whole_page

RIGHTS = "Все права защищены."


def test_a_name_after_an_outlets_noun_and_its_host_agree():
    page = whole_page(["Газета «Сибкрай» выходит по четвергам.", "E-mail: info@sibkray.ru", RIGHTS])
    best = best_candidate(cleaned_of(page), 4)
    assert best.name == "Сибкрай"
    assert "agree" in best.ways and "noun" in best.ways
    assert doc_of(page).outlet == "Сибкрай"
    assert page_outlet(cleaned_of(page), 4)[1].startswith("scored")  # (the provenance eval/ prints)


def test_hosts_and_names_spelt_apart_agree_through_transliteration():
    assert translit("Бердск Онлайн") == translit("berdsk-online")
    assert translit("Курьер") == translit("kurier")
    assert translit("Заречье") == translit("zarechye")


def test_a_host_above_the_article_and_a_name_under_it():
    page = whole_page(["Газета «Бердск Онлайн»", RIGHTS], top=["berdsk-online.ru"])
    ranked = outlet_candidates(cleaned_of(page), 4)
    assert ranked[0].name == "Бердск Онлайн"  # (the name as the page writes it, not the host's spelling)
    assert {"agree", "ends"} <= ranked[0].ways


def test_a_name_the_footer_forbids_to_pass_on_is_another_outlets():
    page = whole_page(["Материалы со ссылкой на агентство «Кварта-Пресс» не подлежат воспроизведению без "
                       "письменного разрешения агентства «Кварта-Пресс».", RIGHTS])
    assert best_candidate(cleaned_of(page), 4) is None
    assert doc_of(page).outlet is None


def test_a_relay_in_the_article_and_a_tie_name_nothing():
    relayed = whole_page([RIGHTS]).replace(ARTICLE[1], ARTICLE[1] + " Об этом сообщает газета «Сибкрай».")
    assert doc_of(relayed).outlet is None
    tie = whole_page(["Газета «Сибкрай»", "Журнал «Заречье»", RIGHTS])
    assert best_candidate(cleaned_of(tie), 4) is None


def test_a_line_naming_several_outlets_lists_partners():
    page = whole_page(["Партнеры: sibkray.ru, kurier.ru, zarechye.ru", RIGHTS])
    assert best_candidate(cleaned_of(page), 4) is None


def test_the_site_asking_readers_to_follow_it_on_a_news_aggregator():
    from citata.metadata import brand_line

    assert brand_line("Добавьте «Фонтанку» в избранные источники Яндекс.Новостей") == "Фонтанка"  # (declined)
    assert brand_line("Читайте «Сибкрай» в Google Новостях") == "Сибкрай"
    assert brand_line("Newsler в Яндекс.Новостях") == "Newsler"
    assert doc_of(whole_page(["Читайте «Сибкрай» в Google Новостях", RIGHTS])).outlet == "Сибкрай"
    # no name, a common noun, a messenger channel named for its topic
    assert brand_line("Читайте нас в Google News") is None
    assert brand_line("Следите за новостями в Яндекс.Дзен") is None
    assert brand_line("Читайте «Коронавирус» в Telegram") is None


def test_a_site_the_tables_lack_is_named_as_its_furniture_writes_it():
    from citata.metadata import name_for_host

    # the address in the footer, the name in the masthead: the name
    page = whole_page(["Пишите нам: info@sibkray.ru", RIGHTS], top=["Сибкрай — новости Сибири"])
    assert name_for_host("sibkray.ru", cleaned_of(page), 4) == "Сибкрай"
    # the host written as a name ("GOGOV.RU") is the name the page shows
    page = whole_page(["Новости и статьи от SIBKRAY.RU", RIGHTS])
    assert name_for_host("sibkray.ru", cleaned_of(page), 4) == "SIBKRAY.RU"
    # a name only the article spells is not how the site shows itself
    page = whole_page(["Пишите нам: info@sibkray.ru", RIGHTS]).replace(ARTICLE[1], ARTICLE[1] + " «Сибкрай» писал об этом.")
    assert name_for_host("sibkray.ru", cleaned_of(page), 4) is None


# ------------------------------------------------------------------ the outlet the text tells its own piece in

def test_the_outlet_finding_out_asking_and_spoken_to_at_a_sentences_start():
    from citata.metadata import outlet_told

    for sentence, outlet in [
        ("«Сибкраю» стало известно, что вакцину привезут в понедельник.", "Сибкрай"),
        ("РБК стало известно, что вакцину привезут в понедельник.", "РБК"),
        ("Как стало известно РБК, вакцину привезут в понедельник.", "РБК"),
        ("Как удалось выяснить «Сибкраю», вакцины хватит.", "Сибкрай"),
        ("В ответ на запрос «Сибкрая» в пресс-службе комитета сообщили, что вакцины хватит.", "Сибкрай"),
        ("На запрос «Фонтанки» в комитете не ответили.", "Фонтанка"),
        ("По запросу RTVI в Роспотребнадзоре пояснили, что вакцины хватит.", "RTVI"),
        ("В пресс-службе «Фонтанке» не ответили на вопросы.", "Фонтанка"),
        ("В интервью DW профессор сказал, что вакцины хватит.", "DW"),
        ("В беседе с «Известиями» главврач сказал, что вакцины хватит.", "Известия"),
        ("Главврач в комментарии «Фонтанке» сказал, что вакцины хватит.", "Фонтанка"),
    ]:
        assert outlet_told(sentence) == outlet, sentence
    # another outlet's own piece, relayed; a finding a page may relay; a person told
    for sentence in ["В комментарии Би-би-си отмечается, что уход министра ослабил премьера.",
                     "В материале Bloomberg говорится, что вакцины не хватит.",
                     "Как выяснили «Известия», вакцину привезут в понедельник.",
                     "Как стало известно Иванову, вакцину привезут в понедельник.",
                     "Об этом сообщает ТАСС."]:
        assert outlet_told(sentence) is None, sentence


def test_a_logos_alt_text_and_the_sites_tagline():
    from citata.metadata import brand_line

    assert brand_line("Логотип RTVI") == "RTVI"
    assert brand_line("Тайга.инфо - новости Сибири") == "Тайга.инфо"
    assert brand_line("«Сибкрай» — новости Сибири") == "Сибкрай"
    assert doc_of(whole_page([RIGHTS], top=["«Сибкрай» — новости Сибири"])).outlet == "Сибкрай"
    # a tag page's tagline names its topic
    assert brand_line("Pfizer - последние новости") is None
    assert brand_line("Коронавирус — последние новости") is None
    assert doc_of(whole_page([RIGHTS], top=["Pfizer - последние новости"])).outlet is None
