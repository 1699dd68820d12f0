"""A site naming itself (issue 15, sixteenth session) by its address in its own sentences: after its
kind, "портал" ("Ранее портал TRUD.RU сообщил", "в интервью порталу iz.ru", "Подробности – в материале
портала iz.ru"), or as the subject of a newsroom's verb ("Znak.com собрал высказывания"). On the 471
BSNLP pages with a real address these name the page's own site on 5 pages of 3 sites and another on
none, where the tables leave the outlet out. Each shape beside a look-alike that must name nothing: a
site relayed or cited ("как сообщает портал …", "по данным портала …", "в материале портала … говорится"),
a portal where something is done ("на портале …", "через портал …"), a site that is only the subject of a sentence. The
sentences and the site (Zarechye.ru) are written for the tests; no table knows the site.
And by its name closing the title's three fields, headline, rubric, name, a single word included ("… |
Мир | Вести"), beside titles whose last field is a place, a person, a rubric, or has no rubric before it."""
import pytest

from citata.metadata import known_outlet, outlet_told, title_brand


def test_the_site_is_unknown_to_the_tables():
    assert known_outlet("Zarechye.ru") is None and known_outlet("zarechye.ru") is None


@pytest.mark.parametrize("text", [
    "Ранее портал Zarechye.ru сообщил, что мэр города уходит в отставку.",
    "Депутат Иван Петров в интервью порталу Zarechye.ru заявил, что бюджет будет пересмотрен.",
    "Глава района намерен бороться за кресло до конца. Подробности – в материале портала Zarechye.ru. Дальше идет текст.",
    "Мэр сделал много заявлений о транспорте. Zarechye.ru собрал его высказывания, которые помогут разобраться.",
    "Для портала Zarechye.ru эксперт подготовил обзор цен на жилье.",
    "Zarechye.ru побеседовал с жителями микрорайона, которые остались без воды.",
])
def test_a_site_naming_itself_by_its_address(text):
    assert (outlet_told(text) or "").lower() == "zarechye.ru"


@pytest.mark.parametrize("text", [
    "Как сообщает портал Zarechye.ru, мэр города уходит в отставку.",
    "По данным портала Zarechye.ru, бюджет будет пересмотрен.",
    "Записаться на прививку можно на портале Zarechye.ru или по телефону.",
    "Записаться можно через портал Zarechye.ru, мобильное приложение или по телефону.",
    "Согласно материалу портала Zarechye.ru, мэр уходит в отставку.",
    "В материале портала Zarechye.ru говорится, что мэр уходит в отставку.",
    "За шесть лет число пассажиров выросло вдвое, а сайт Zarechye.ru стал самым посещаемым в области.",
    "Zarechye.ru стал самым посещаемым сайтом области, сообщил мэр.",
])
def test_a_site_cited_or_merely_mentioned_names_nothing(text):
    assert outlet_told(text) is None


# The title's three fields, headline, rubric, name (the 471 BSNLP titles: "… | Мир | Вести", "… - Культура |
# Караван", "… - Новости - Allhockey.ru", "… | В мире | Политика | Аргументы и Факты", each its own site's).
@pytest.mark.parametrize("title, outlet", [
    ("Мэр пообещал отремонтировать мост до конца года | Мир | Кругозор", "Кругозор"),
    ("В новом клипе певица снялась с мэром - Культура | Околица", "Околица"),
    ("Хоккейный клуб сменил владельца - Новости - Zarechye.ru", "Zarechye.ru"),
])
def test_the_site_closing_the_titles_three_fields(title, outlet):
    assert title_brand(title) == outlet


@pytest.mark.parametrize("title", [
    "Мэр пообещал отремонтировать мост до конца года | Мир | Украина",  # (a place: a region's sub-rubric)
    "Мэр пообещал отремонтировать мост до конца года | Политика | Путин",  # (a person)
    "Мэр пообещал отремонтировать мост до конца года | Мир | Политика",  # (two rubrics)
    "Смена политиков большого значения не имеет - Кругозор",  # (two fields: a speaker's place as often)
    "Мост - Мир - Околица",  # (no headline before the rubric)
])
def test_a_title_without_a_rubric_before_its_last_word_names_nothing(title):
    assert title_brand(title) is None
