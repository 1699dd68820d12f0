"""Where a quotation starts and how far an interview's answer runs (issue 14, nineteenth session):
the conventions the counts of eval/survey_report_starts.py and eval/survey_interviews.py --answers
support over the 676 raw texts, on sentences and a short interview written for the test.

- A source phrase inside its sentence ("A, по данным X, B") reports the whole sentence when it
  qualifies the clause the sentence opens with (the tune gold's start in 10 of the 12 such phrases
  of its articles); a phrase opening the sentence reports what follows it; a relative clause's
  phrase reports the relative clause.
- A narrator's connective opening the sentence ("В частности", "Помимо этого", "Тем временем") is
  no part of the report (citata/data/discourse_openers.txt; four reports on unannotated articles).
- A cue inserted in the reported words ("A, считает X, B") reports A and B; a trailing
  attribution with a gerund of the speaker's ("A, подчеркнул он, добавив, что …") ends at A.
- An interview's unattributed dash answer runs through the statement paragraphs after it up to
  the next question; an answer attributed in its own line ends with its paragraph when the writer's
  narration follows (the tune gold's convention in both such answers of its dash-question pages).
"""
import pytest

from helpers import quotes_of as quotes


def content(text, q):
    return text[q.content.start:q.content.end]


@pytest.mark.parametrize("text, speaker", [
    ("Всего в мире, по данным ВОЗ, от кори ежегодно умирают сотни тысяч человек.", "ВОЗ"),
    ("Дэвис, по данным Bloomberg, не согласился с планом премьер-министра.", "Bloomberg"),
])
def test_a_phrase_inside_the_opening_clause_reports_the_whole_sentence(text, speaker):
    (q,) = quotes(text)
    assert content(text, q) == text.rstrip(".")
    assert q.speaker is not None and q.speaker.name == speaker


def test_a_phrase_opening_the_sentence_reports_what_follows_it():
    text = "По словам Иванова, цены на бензин выросли, а зарплаты упали."
    (q,) = quotes(text)
    assert content(text, q) == "цены на бензин выросли, а зарплаты упали"


def test_a_phrase_in_a_relative_clause_reports_the_relative_clause():
    text = ("Женщину обвинили в краже после того, как она принесла соседям воду, которая, по их мнению, "
            "стала нечистой.")
    (q,) = quotes(text)
    assert content(text, q) == "стала нечистой"


@pytest.mark.parametrize("text, reported", [
    # only a connective before the inserted attribution: the report is the words after it
    ("Инвесторы недовольны руководством компании.\n\nВ частности, пишет The Guardian, они создали петицию с "
     "требованием отставки председателя совета директоров.",
     "они создали петицию с требованием отставки председателя совета директоров"),
    ("Президент США прилетит в Лондон в пятницу.\n\nПомимо этого президент США, как сообщил Джонсон, "
     "собирается обсудить с премьером торговую сделку.",
     "президент США, как сообщил Джонсон, собирается обсудить с премьером торговую сделку"),
    ("Забастовка продолжается третий день.\n\nТем временем, сообщает ТАСС, число отмененных рейсов достигло "
     "трехсот.",
     "число отмененных рейсов достигло трехсот"),
])
def test_a_connective_opening_the_sentence_is_left_out(text, reported):
    assert reported in [content(text, q) for q in quotes(text)]


def test_a_cue_inserted_in_the_reported_words_reports_both_parts():
    text = ("Эксперт Андрей Смирнов выступил на конференции.\n\n"
            "Ситуация в регионе, считает Смирнов, в ближайшее время только ухудшится.")
    (q,) = quotes(text)
    second = text.split("\n\n")[1].rstrip(".")
    assert content(text, q) == second
    assert [p.text for p in q.parts] == ["Ситуация в регионе", "в ближайшее время только ухудшится"]


def test_a_trailing_attribution_with_the_speakers_gerund_ends_the_report():
    text = ("Глава авиакомпании Алан Джойс выступил в эфире радио.\n\n"
            "Эту политику примет сама компания, подчеркнул Джойс, добавив, что она не будет единственной.")
    reported = [content(text, q) for q in quotes(text)]
    assert "Эту политику примет сама компания" in reported
    assert not any(r.startswith("Эту политику") and "добавив" in r for r in reported)


INTERVIEW = """Прививка от гриппа: что нужно знать

Наболевшие вопросы мы задали врачу-терапевту Анне Соколовой.

- Нужно ли прививаться взрослым?

- Да, прививка нужна всем, кто старше шести месяцев. Особенно она важна для пожилых людей.

Мы каждый год видим, что привитые болеют легче. У них реже бывают осложнения.

- Когда лучше делать прививку?

- Лучше всего в сентябре или октябре, до начала сезона.
"""


def test_an_interview_answer_runs_to_the_next_question():
    found = {content(INTERVIEW, q): q for q in quotes(INTERVIEW)}
    first = ("Да, прививка нужна всем, кто старше шести месяцев. Особенно она важна для пожилых людей.\n\n"
             "Мы каждый год видим, что привитые болеют легче. У них реже бывают осложнения")
    assert first in found
    assert "Лучше всего в сентябре или октябре, до начала сезона" in found
    assert not any(c.startswith("Нужно ли") or c.startswith("Когда лучше") for c in found)
    # the interviewee the lead names ("врачу-терапевту Анне Соколовой"), by her surname: the
    # first name's normal form is the name normaliser's concern, not this test's
    assert all(q.speaker is not None and q.speaker.name.endswith("Соколова") for q in found.values())


ATTRIBUTED = """Вакцину ждут весной

- Когда вакцина появится в аптеках?

- Ждать ее в гражданском обороте, наверное, стоит в районе марта, потому что нам придется пройти \
все процедуры, - сказал директор центра Константин Чернов.

Разработчики вакцин внимательно следят за тем, как меняется вирус. Новый штамм распространяется быстро.

- А что с побочными эффектами?

- Они бывают редко и проходят за сутки, - сказал Константин Чернов.
"""


def test_an_attributed_answer_ends_with_its_paragraph_before_narration():
    found = {content(ATTRIBUTED, q): q for q in quotes(ATTRIBUTED)}
    first = ("Ждать ее в гражданском обороте, наверное, стоит в районе марта, потому что нам придется пройти "
             "все процедуры")
    assert first in found
    assert found[first].speaker is not None and found[first].speaker.name == "Константин Чернов"
    assert not any("Разработчики вакцин" in c for c in found)
