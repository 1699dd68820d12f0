"""Dash lines and interview answers on a page whose paragraph breaks are gone (issue 14, layouts): a
scraper that joins a page's paragraphs by a space ("…человек. - Препарат безопасен, - сказала …") or
by nothing ("…масштабах?- Да, …") leaves the dialogue lines inside one paragraph; each is read to its
own attribution or to the next line, as the paragraphs read. A paragraph as saved with one such dash
is left alone. Sentences written for the test."""
from citata.pipeline import extract_text
from citata.quotes.direct import dash_lines

from helpers import corpus_said as said, view_of

DIALOGUE = ("Глава Минздрава области Ольга Седова приехала в поликлинику. В очереди стояли пенсионеры.\n\n"
            "- Прививку сделали уже две тысячи человек. Препарат безопасен, - сказала Седова. - Запись "
            "продлится до пятницы.\n\n"
            "- Я пришла третий раз. Записи нет, - пожаловалась Анна Ильина.\n\n"
            "Ее сосед Олег Рябов уточняет, что запись открыта и по телефону.\n\n"
            "- Меня записали за пять минут, - добавил Рябов.")

INTERVIEW = ("Когда закончится эпидемия\n\n"
             "Об этом мы спросили вирусолога Игоря Соколова.\n\n"
             "- Сколько доз понадобится области?\n\n"
             "- Давайте посчитаем. Жителей около миллиона. Привить надо хотя бы шестьсот тысяч.\n\n"
             "- Когда это случится?\n\n"
             "- Думаю, к осени. Раньше заводы не успеют.\n\n"
             "- Есть мнение, что прививка опаснее болезни. Это верно?\n\n"
             "- Нет. Испытания это опровергли.")


def test_dialogue_lines_of_paragraphs_run_together_or_glued_are_read_as_the_paragraphs():
    together, glued = DIALOGUE.replace("\n\n", " "), DIALOGUE.replace("\n\n", "")
    assert said(DIALOGUE) == [
        ("Прививку сделали уже две тысячи человек. Препарат безопасен, - сказала Седова. - Запись продлится "
         "до пятницы", "Ольга Седова"),
        ("Я пришла третий раз. Записи нет", "Анна Ильина"),
        ("запись открыта и по телефону", "Олег Рябов"),
        ("Меня записали за пять минут", "Олег Рябов"),
    ]
    assert said(together) == said(DIALOGUE)
    assert said(glued) == said(DIALOGUE)


def test_the_words_resumed_after_an_attribution_stop_before_the_writers_report():
    # run together, the line "- Я пришла …" has no attribution after its resumed words but Рябов's
    # report; without the bound the narration would be Ильина's words
    together = DIALOGUE.replace("\n\n", " ").replace("пожаловалась Анна Ильина.", "пожаловалась Анна Ильина. - Жду.")
    quotes = said(together)
    assert ("запись открыта и по телефону", "Олег Рябов") in quotes
    assert not any("Рябов уточняет" in words for words, _ in quotes)


def test_interview_answers_of_a_page_run_together_or_glued_end_at_the_next_question():
    answers = [("Давайте посчитаем. Жителей около миллиона. Привить надо хотя бы шестьсот тысяч", "Игорь Соколов"),
               ("Думаю, к осени. Раньше заводы не успеют", "Игорь Соколов"),
               ("Нет. Испытания это опровергли", "Игорь Соколов")]
    title, body = INTERVIEW.split("\n\n", 1)
    assert said(INTERVIEW) == answers
    assert said(title + "\n\n" + body.replace("\n\n", " ")) == answers
    assert said(title + "\n\n" + body.replace("\n\n", "")) == answers


def test_a_paragraph_with_one_dash_after_a_sentence_end_keeps_its_reading():
    # as saved: one dash line inside a paragraph is no sign of a lost break ("…в богохульстве. - Мы …")
    text = ("Суд оправдал женщину, обвиняемой в богохульстве. - Мы очень рады этому решению, - сказал "
            "священник Иван Попов.")
    assert [lines for lines, _ in dash_lines(view_of(text))] == []


def test_a_list_or_an_editors_note_run_together_gives_no_quotation():
    text = ("Цели союза: а) единый рынок, б) общая валюта. - Создать таможенный союз. Это первая цель. "
            "- Утвердить единство на международной арене. Это вторая цель (по договору 1992 года. - Ред.). "
            "- Упрочить защиту прав граждан.")
    view = view_of(text)
    lines = [text[s:e] for group, lost in dash_lines(view) for _, s, e in group]
    assert lines[0].startswith("Создать") and not any(line.startswith("Ред") for line in lines)
    assert extract_text(text).quotes == []
