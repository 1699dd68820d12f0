"""The outlets an article cites are not the page's own where the page relays others (issue 15, fourteenth
session, wt-outlet10). "Как сообщал «X»" and "в интервью X" name the page's own outlet on a page that
relays nobody (its own earlier report, its own interview), and another outlet's on a page that relays,
in the present tense, an outlet other than X ("Об этом сообщает The Guardian") or a link whose name the
scrape dropped ("Об этом сообщает Демонстранты перекрыли…"). An outlet a page names as its source
("Источник: korrespondent.net") is the one it copied. Every sentence below is written for the tests."""
from citata.metadata import outlet_told

from conftest import COVID_PAGE_HEADER as HEADER
from test_outlet_table import MENU, doc_of

EARLIER_BBC = ("Суд в Исламабаде отложил рассмотрение апелляции до следующего месяца. Как сообщал «Би-би-си», "
               "власти страны ни разу не приводили такие приговоры в исполнение.")
INTERVIEW = ("Лидер партии заявил, что протесты продолжатся. «Мы не уйдем с улиц, пока правительство не примет "
             "наши требования», — сказал он в интервью The Guardian.")


def test_an_earlier_report_is_the_pages_own_where_the_page_relays_nobody():
    assert outlet_told("Премьер-министр Канады обсудил судьбу христианки с властями Пакистана. " + EARLIER_BBC) == "Би-би-си"
    assert outlet_told("Пилоты объявили забастовку на 13 сентября. Как сообщало ИА REGNUM, переговоры с "
                       "профсоюзом зашли в тупик.") == "ИА REGNUM"


def test_an_earlier_report_on_a_page_relaying_another_outlet_names_no_outlet():
    text = ("Премьер-министр Канады обсудил судьбу христианки с властями Пакистана. Об этом сообщает The Guardian "
            "во вторник, 13 ноября. " + EARLIER_BBC)
    assert outlet_told(text) is None


def test_a_present_relay_of_the_same_outlet_does_not_count_as_another():
    text = ("Суд отложил рассмотрение дела, сообщает «Би-би-си». " + EARLIER_BBC)
    assert outlet_told(text) == "Би-би-си"


def test_an_interview_is_the_pages_own_where_the_page_relays_nobody():
    assert outlet_told("На улицы городов вышли тысячи протестующих. " + INTERVIEW) == "The Guardian"


def test_an_interview_on_a_page_whose_relayed_link_was_dropped_names_no_outlet():
    # (the scrape kept the verb and lost the link: "сообщает" before the next sentence's plural subject)
    text = "На улицы городов вышли тысячи протестующих. Об этом сообщает Демонстранты перекрыли дороги. " + INTERVIEW
    assert outlet_told(text) is None
    text = "Муж осужденной попросил убежища в трех странах, сообщает Хотя суд отменил приговор, угрозы не стихли. " + INTERVIEW
    assert outlet_told(text) is None


def test_a_capitalised_name_after_the_relay_verb_is_no_dropped_link():
    # (an unknown outlet relayed, "сообщает Британская газета…": a name, not a lost link; nobody else is relayed)
    text = "На улицы городов вышли тысячи протестующих, сообщает Британская вещательная корпорация. " + INTERVIEW
    assert outlet_told(text) == "The Guardian"


def test_the_source_a_page_credits_is_not_its_outlet():
    ending = ("Напомним, суд отменил приговор в октябре. Новости от Корреспондент.net в Telegram. Подписывайтесь "
              "на наш канал https://t.me/korrespondentnet.")
    assert outlet_told(ending + " Источник: korrespondent.net") is None
    assert outlet_told(ending + " Читайте также на korrespondent.net") == "Корреспондент.net"


def test_a_whole_page_relaying_others_gets_no_outlet_from_its_text():
    page = (HEADER + "\n\n".join([*MENU, "Канада задумала спасти христианку", "13 ноября 2018, 09:57",
                                  "Премьер-министр Канады заявил, что страна ведет переговоры с Пакистаном о судьбе "
                                  "многодетной матери. Об этом сообщает The Guardian во вторник, 13 ноября.",
                                  EARLIER_BBC]) + "\n")
    assert doc_of(page).outlet is None
    assert doc_of(page.replace("Об этом сообщает The Guardian во вторник", "Об этом стало известно во вторник")).outlet \
        == "Би-би-си"
