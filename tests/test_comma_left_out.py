"""Reports and quotations whose writer left out the comma the constructions rely on (issue 14; eval/perturb.py's
"comma before что dropped", "comma after an introductory source phrase dropped", "comma after a closing
quotation mark dropped"): the comma is not required where the cue's own syntax makes the boundary clear,
and the look-alikes stay out. Sentences written for the test."""
import pytest

from helpers import said_with_type as rows


@pytest.mark.parametrize("text, content, speaker", [
    # right after the cue: the speech verb governs its что-clause, with or without the comma
    ("Министры раскритиковали новую стратегию и заявили что мечта о брексите умирает.",
     "мечта о брексите умирает", "Министры"),
    ("Песков заявил что якобы никаких переговоров не было.", "якобы никаких переговоров не было", "Песков"),
    # after the addressee, a setting or "также" (the parse reads "что" as a conjunction)
    ("Иванов сказал журналистам что компания выполнит план до конца года.",
     "компания выполнит план до конца года", "Иванов"),
    ("Губернатор Сергей Дарькин заявил на пресс-конференции что смену пояса поддерживают жители края.",
     "смену пояса поддерживают жители края", "Сергей Дарькин"),
    # after the cue's frame
    ("Группа женщин обвинила Асию Биби в том что та выпила воды из общего ведра.",
     "та выпила воды из общего ведра", "Группа женщин"),
    # a participle's and a report noun's
    ("Он принадлежит к меньшинству, считающему что выбор НАТО будет означать потерю рынка.",
     "выбор НАТО будет означать потерю рынка", "меньшинство"),
    # a verb known by its frame, and a frame its preposition governs
    ("Свой отказ Нетаньяху мотивировал тем что Иерусалим получил данные о заговоре.",
     "Иерусалим получил данные о заговоре", "Нетаньяху"),
    ("Лоуенкрон указал на то что правительство США прилагает все усилия.",
     "правительство США прилагает все усилия", "Лоуенкрон"),
])
def test_complementizer_without_its_comma(text, content, speaker):
    assert rows(text) == [("indirect", content, speaker)]
    # the same sentence with the comma reads the same
    assert rows(text.replace(" что ", ", что ", 1).replace(",, ", ", ")) == [("indirect", content, speaker)]


def test_the_next_speakers_cue_without_its_comma_ends_the_report():
    text = ("Премьер Японии Наото Кан заявил что этот визит вызывает сожаление, а глава японского МИДа "
            "Сэйдзи Маэхара отметил что Япония направит протест.")
    assert [row[:2] for row in rows(text)] == [
        ("indirect", "этот визит вызывает сожаление"), ("indirect", "Япония направит протест")]


@pytest.mark.parametrize("text", [
    "Петров сказал так что все поняли его намерения.",  # "так что": a consequence
    "Петров сказал то что думал о переговорах.",  # "то что": a relative clause, the object
    "Петров заявил потому что его спросили журналисты.",  # "потому что": a reason
    "Петров сказал что-то невнятное о переговорах.",  # "что-то": a pronoun
    "Министр подписал документ что вызвало протест у депутатов.",  # a relative "что" after a noun
    "Компания объявила о сделке что вызвало рост акций.",  # the topic named, "что" relative
    "Министр заявил в связи с тем что рейсы отменены, сделка откладывается.",  # a reason, as with the comma
])
def test_complementizer_look_alikes_stay_out(text):
    assert rows(text) == []


@pytest.mark.parametrize("text, content, speaker", [
    ("Как сообщает Минздрав РФ вакцина позволяет сформировать длительный иммунитет.",
     "вакцина позволяет сформировать длительный иммунитет", "Минздрав РФ"),
    ("Как сообщил глава ведомства Михаил Мурашко Минздрав готовит новые правила.",
     "Минздрав готовит новые правила", "Михаил Мурашко"),
    # the comma later in the sentence is the content's own, not the as-clause's
    ("Как отмечает Reuters в прошлую пятницу парламент Нидерландов принял постановление, в котором идет "
     "речь о плане.",
     "в прошлую пятницу парламент Нидерландов принял постановление, в котором идет речь о плане", "Reuters"),
    # the genitive search would run into the content; the parse bounds the phrase
    ("Согласно отчету логистов DHL две трети населения Земли вряд ли получат доступ к вакцине.",
     "две трети населения Земли вряд ли получат доступ к вакцине", "логисты DHL"),
    ("По словам министра вакцина безопасна.", "вакцина безопасна", "министр"),
    # an impersonal cue has no subject: the one the parse hangs on it is the content's
    ("Школы закрыли. Как сообщалось Верховный суд Пакистана оправдал многодетную мать.",
     "Верховный суд Пакистана оправдал многодетную мать", None),
])
def test_introductory_phrase_without_its_comma(text, content, speaker):
    assert rows(text) == [("indirect", content, speaker)]


@pytest.mark.parametrize("text", [
    "Как и раньше компания выполнит план.",  # "как" with no cue
    "По дороге домой он зашел в магазин.",  # "по" with no source noun
    "Он ушел. Как говорится за ним придут другие.",  # the writer's set phrase, no source after it
])
def test_introductory_look_alikes_stay_out(text):
    assert rows(text) == []


def test_quotation_with_neither_comma_nor_dash():
    text = "Марк Иванов работает на заводе. «Всё отлично, мы получаем большую поддержку» сказал Иванов."
    assert rows(text) == [("direct", "Всё отлично, мы получаем большую поддержку", "Марк Иванов")]


@pytest.mark.parametrize("text", [
    "Пилоты компании «Ryanair» объявили 24-часовую забастовку.",  # a name in marks, the subject
    "Новости дня. «Партия народной свободы» заявила о выдвижении кандидата.",  # a quoted name opening the sentence
])
def test_quoted_names_before_a_cue_stay_out(text):
    assert rows(text) == []


def test_perturb_comma_variants_remove_only_their_commas():
    """eval/perturb.py's comma variants: each removes commas only (so gold offsets map), and only its own."""
    import sys

    from conftest import ROOT
    sys.path.insert(0, str(ROOT / "eval"))
    from perturb import VARIANTS, apply

    text = ("Они заявили, что мечта умирает. По словам министра, вакцина безопасна. «Мы готовы», — сказал он. "
            "Как сообщил глава ведомства, Минздрав готовит правила. Он сказал, что-то невнятное. "
            "По дороге домой, он упал. Как и раньше, все ждут. Как сообщала «Би-би-си», суд отложен.")
    want = {
        "comma before что dropped": "Они заявили что мечта умирает.",
        "comma after an introductory source phrase dropped": "По словам министра вакцина безопасна.",
        "comma after a closing quotation mark dropped": "«Мы готовы» — сказал он.",
    }
    for name, changed in want.items():
        repls = VARIANTS[name](text)
        assert all(text[s:e] == "," and new == "" for s, e, new in repls)
        out = apply(text, repls)
        assert changed in out
        # "что-то", "По дороге домой,", "Как и раньше,", a quoted name's comma keep theirs
        for kept in ("сказал, что-то", "домой, он", "раньше, все", "«Би-би-си», суд"):
            assert kept in out
    both = apply(text, VARIANTS["commas left out (all three)"](text))
    assert all(changed in both for changed in want.values()) and "глава ведомства Минздрав" in both
