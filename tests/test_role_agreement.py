"""A title written before a name is the person's role when it agrees with the name (issue 14, stage 2:
a title later in the article resolves to its holder). The name's case is read over all its words as
the name reading does, so a name pymorphy does not decline or guesses as a common word ("Рут" as a
genitive plural of "рута", "Ренато", "Кэтрин") takes its title as a declined name does — the loss
eval/rename.py measured on names nobody tuned on. Sentences written for the test."""
from citata.names import name_cases
from helpers import speaker_names as speakers

CASES = {"nomn", "gent", "datv", "accs", "ablt", "loct"}

SPOKESMAN = ("Вклад министров в Кремле оценивают по их делам, заявил журналистам пресс-секретарь президента "
             "России {}. Пресс-секретарь президента добавил также, что в Кремле ждут от Лондона разъяснений.")
OFFICIAL = ("Прививки получат прежде всего врачи, - рассказала представитель ведомства {}.\n\n"
            "- Сейчас стоит задача привить как минимум 30% населения, - рассказала представитель "
            "краевого минздрава.")


def test_a_name_reads_its_case_over_all_its_words():
    assert name_cases(["Сергея", "Лаврова"]) == {"gent", "accs"}  # not a woman's "Сергея"
    assert name_cases(["Сергею", "Лаврову"]) == {"datv"}
    assert name_cases(["Дмитрий", "Песков"]) == {"nomn"}
    # indeclinable, or pymorphy's guess a common word's: any case
    assert name_cases(["Рут", "Эллисон"]) == CASES
    assert name_cases(["Ренато", "Бьянки"]) == CASES


def test_a_title_before_an_indeclinable_name_is_its_role():
    # "журналистам" (a plural dative) is the verb's addressee, not the title: the title is the
    # singular noun that agrees with the name
    assert speakers(SPOKESMAN.format("Ренато Бьянки")) == ["Ренато Бьянки", "Ренато Бьянки"]
    assert speakers(SPOKESMAN.format("Марко Феррани")) == ["Марко Феррани", "Марко Феррани"]


def test_a_title_before_a_name_pymorphy_misreads_is_its_role():
    assert speakers(OFFICIAL.format("Рут Эллисон")) == ["Рут Эллисон", "Рут Эллисон"]


def test_a_declined_name_keeps_its_title():
    # the neighbour the rule held before: the name's own case picks the title
    assert speakers(SPOKESMAN.format("Дмитрий Песков")) == ["Дмитрий Песков", "Дмитрий Песков"]
    assert speakers(OFFICIAL.format("Зоя Масленникова")) == ["Зоя Масленникова", "Зоя Масленникова"]
