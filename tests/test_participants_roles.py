"""The document's participants, by their name forms (issue 14, stage 2: mention -> speaker): a person
written with initials ("Д.Дэвис") is the person the article also names in full, under the full name —
each test beside a near neighbour that keeps its answer. Sentences written for the test."""
from citata.names import spelled_out
from helpers import speaker_names as speakers


def test_an_initial_is_no_fuller_than_a_first_name():
    assert spelled_out("Дэвида Дэвиса") > spelled_out("Д.Дэвис")
    assert spelled_out("Владимир Путин") > spelled_out("В.В. Путин")
    assert spelled_out("Жан-Клод Юнкер") > spelled_out("Ж.-К. Юнкер")
    assert spelled_out("Ким Чен Ын") == (3, 3)  # no initial in a three-word Korean name


def test_initials_in_the_nominative_take_the_full_name_written_in_another_case():
    # the first name is written out only in the genitive; the nominative with its initial is no fuller
    text = ('Министром по делам Brexit назначен Доминик Рааб. Он сменил на этом посту Дэвида Дэвиса. '
            '«Я ушел, потому что не согласен с планом», — заявил Д.Дэвис журналистам.')
    assert speakers(text) == ["Дэвид Дэвис"]


def test_initials_alone_stay_as_written():
    # the neighbour: nowhere is the first name written out, so the initial is the fullest form there is
    text = ('Министром по делам Brexit назначен новый человек. '
            '«Я ушел, потому что не согласен с планом», — заявил Д.Дэвис журналистам.')
    assert speakers(text) == ["Д Дэвис"]


def test_two_initials_are_not_a_longer_name_than_a_first_name_and_surname():
    text = 'Ранее В.В. Путин провел встречу с Дмитрием Медведевым. «Это важно», — сказал Владимир Путин.'
    assert speakers(text) == ["Владимир Путин"]


def test_a_full_name_in_the_nominative_keeps_its_form():
    # the neighbour: "Доминик Рааб" is written in the nominative, and the initialled mention is his
    text = 'Новым министром назначен Доминик Рааб. «Мы выполним обещания», — сказал Д.Рааб в понедельник.'
    assert speakers(text) == ["Доминик Рааб"]
