"""Occupations as roles (issue 14, "Role nouns not resolved"; twenty-sixth session, wt-roles26):
citata/data/role_nouns.txt holds the occupations news quotes most (вирусолог, эпидемиолог, пилот …),
mined from the shared corpora by eval/mine_cues.py --roles. An occupation next to a name is that
person's role; a bare one designates the person just quoted or named, never someone the article
introduced as a passenger or a patient. Sentences written for the test, each beside a neighbour that
keeps its answer."""
import pytest

from helpers import only_quote, speaker_names as speakers


@pytest.mark.parametrize("text, role", [
    ("Вирусолог Павел Волчков заявил, что вакцина безопасна.", "вирусолог"),
    ("Главный эпидемиолог Минздрава Николай Брико заявил, что прививка нужна.", "главный эпидемиолог Минздрава"),
    ("«Вакцина защищает от тяжелых случаев», – заявил Александр Лукашев, вирусолог.", "вирусолог"),
    ("«Экипаж здоров», — сообщил бортинженер Олег Кононенко.", "бортинженер"),
])
def test_an_occupation_next_to_a_name_is_the_persons_role(text, role):
    q = only_quote(text)
    assert q.speaker.kind == "person" and q.speaker.role == role


@pytest.mark.parametrize("text, name", [
    ("Иммунолог Николай Крючков считает, что антитела сохраняются полгода. "
     "«Повторная прививка нужна через год», — добавил иммунолог.", "Николай Крючков"),
    ("«Мы готовы к переговорам», — заявил Иван Смирнов. «Забастовка незаконна», — подчеркнул пилот.",
     "Иван Смирнов"),
])
def test_a_bare_occupation_is_the_person_just_named_or_quoted(text, name):
    assert speakers(text)[-1] == name


def test_a_bare_title_with_no_verb_to_tell_the_gender_is_the_only_person_named_before():
    # "По словам" tells no gender: one person named as a subject in the sentence before is the one
    text = ("Экс-председатель парламента Хван Чжан Еп рассказал о том, как можно ослабить режим. "
            "По словам 87-летнего политика, надежды мира тщетны.")
    assert speakers(text) == ["Хван Чжан Еп"]


@pytest.mark.parametrize("text", [
    # two people named: nothing tells which one the title is
    "Тереза Мэй встретилась с Борисом Джонсоном. По словам премьера, переговоры прошли успешно.",
    # a title with a complement is someone else's, not the one whose appointment was just reported
    "Министром назначен Доминик Рааб. Королева одобрила назначение, сообщается в микроблоге "
    "премьер-министра Великобритании.",
])
def test_a_bare_title_with_no_gender_after_two_people_or_with_a_complement_stays_as_written(text):
    assert speakers(text)[-1] not in ("Тереза Мэй", "Борис Джонсон", "Доминик Рааб")


@pytest.mark.parametrize("text", [
    "Пассажир Иван Петров опоздал на рейс. Пилот заявил, что самолет не мог ждать.",
    "Пациент Иван Петров поступил в больницу в среду. Врач заявил, что его состояние стабильно.",
])
def test_an_occupation_is_not_someone_introduced_as_a_passenger_or_patient(text):
    assert speakers(text) != ["Иван Петров"]


def test_plural_occupations_are_a_group_not_the_person_just_named():
    text = "Профсоюз возглавляет Иван Петров. Пилоты заявили, что забастовка продолжится."
    assert speakers(text) != ["Иван Петров"]
