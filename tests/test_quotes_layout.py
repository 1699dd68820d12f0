"""Quotations a page's layout carries (issue 14): a dialogue line whose dash is
glued to the comma, and a transcript's label line naming a participant. Texts written for the test
after unannotated pages of ../shared/corpora (covid-19 pages coronavirus_ru_10, _31, _55's layout),
with the look-alikes that must stay no quotation."""
from helpers import said_with_type as quotes


# --- a dialogue line: ",- отметила" (the dash glued to the comma, as after a closing mark) -----

def test_dialogue_line_with_the_dash_glued_to_the_comma():
    text = ("Главврач городской больницы Алла Дробинская провела брифинг.\n\n"
            "- Вакцинация проводится тем, кто не болел коронавирусной инфекцией,- отметила Алла Дробинская.")
    assert ("direct", "Вакцинация проводится тем, кто не болел коронавирусной инфекцией",
            "Алла Дробинская") in quotes(text)


def test_dialogue_line_with_the_dash_glued_after_a_question():
    text = ("Министр здравоохранения Андрей Петров выступил на совещании.\n\n"
            "— Кто будет платить за вакцину?— спросил Андрей Петров. — Федеральный бюджет.")
    found = quotes(text)
    assert any(kind == "direct" and content.startswith("Кто будет платить за вакцину?") and who == "Андрей Петров"
               for kind, content, who in found), found


# --- a transcript's label line: a participant's name and a colon ---------------------------

INTERVIEW = ("Корреспондент «Голоса Америки» побеседовал с лидером крымских татар Мустафой Джемилевым.\n\n"
             "Голос Америки: Как прошла встреча с премьер-министром Турции?\n\n"
             "Мустафа Джемилев: Встреча прошла хорошо. Мы обсудили жилищные проблемы крымских татар.\n\n"
             "Голос Америки: Спасибо за интервью!")


def test_label_line_gives_the_participant_the_words_after_the_colon():
    assert ("direct", "Встреча прошла хорошо. Мы обсудили жилищные проблемы крымских татар",
            "Мустафа Джемилев") in quotes(INTERVIEW)


def test_interviewers_label_is_no_quotation():
    # the outlet's label holds the questions: none of them is anyone's quotation
    assert not any("встреча с премьер-министром" in content or "Спасибо" in content
                   for _, content, _ in quotes(INTERVIEW))


def test_label_paragraph_gives_the_next_dash_line():
    text = ("Министр здравоохранения Амурской области Светлана Леонтьева побывала в поликлинике.\n\n"
            "Светлана Леонтьева, министр здравоохранения Амурской области:\n\n"
            "— Мы не первый год вакцинируем от гриппа. Эта процедура ничем не отличается.")
    assert ("direct", "Мы не первый год вакцинируем от гриппа. Эта процедура ничем не отличается",
            "Светлана Леонтьева") in quotes(text)


def test_label_with_a_name_the_text_gives_nowhere_else_is_no_quotation():
    text = ("В городе открылся новый пункт вакцинации.\n\n"
            "Иван Сидоров: Это очень хорошая новость для всех жителей района.")
    assert not any(who == "Иван Сидоров" for _, _, who in quotes(text))


def test_topic_label_in_an_oblique_case_is_no_speaker():
    # "О Владимире Путине:" heads the candidate's words about Putin (trump file_249), not Putin's
    text = ("Кандидат высказался о России и ее президенте Владимире Путине.\n\n"
            "О Владимире Путине: Я был в Москве два года назад, и можно ладить с этими людьми.")
    assert not any(who == "Владимир Путин" for _, _, who in quotes(text))


def test_list_after_a_colon_is_no_quotation():
    text = ("Привиться от COVID-19 можно двумя способами:\n\n"
            "- организованно. В этом случае работодатель формирует списки сотрудников.\n\n"
            "- самостоятельно. Каждый желающий может оставить заявку на портале Госуслуг.")
    assert quotes(text) == []


def test_label_paragraph_before_narration_gives_it_nobody():
    # a label of its own heads a dash line; a paragraph of narration after a name and a colon
    # is the writer's ("Светлана Леонтьева, министр …:" over a caption, a list or a heading)
    text = ("Министр здравоохранения Амурской области Светлана Леонтьева побывала в поликлинике.\n\n"
            "Светлана Леонтьева, министр здравоохранения Амурской области:\n\n"
            "В поликлинику поступили первые дозы вакцины, их хватит на месяц.")
    assert not any(who == "Светлана Леонтьева" and content.startswith("В поликлинику")
                   for _, content, who in quotes(text))


# --- an interview answer interrupted by a photo caption (layout of covid-19 page coronavirus_ru_31) --

CAPTIONED = ("DW побеседовала с членом наблюдательного совета компании Curevac Фридрихом фон Боленом.\n\n"
             "- Когда появится вакцина?\n\n"
             "- Я не являюсь производителем вакцины. Когда именно она будет доступна, зависит от многих факторов.\n\n"
             "- Какие объемы вакцины способно создать ваше предприятие?\n\n"
             "- Сегодня никто не знает, какой уровень иммунной защиты необходим человеку.\n\n"
             "Коронавирус под микроскопом\n\n"
             "Получение соответствующих знаний занимает время. По опыту создания вакцины от бешенства мы знаем, "
             "что для защиты бывает достаточно микрограмм субстанции.\n\n"
             "- Область биотехнологий в Германии не слишком развита. Считаете ли вы, что кризис мог бы дать "
             "толчок к развитию? Кроме прочего, я имею в виду область исследований.\n\n"
             "- Стимулирование базовых исследований находится в Германии на превосходном уровне.\n")


def test_answer_goes_on_after_a_caption_without_it():
    found = quotes(CAPTIONED)
    assert ("direct", "Получение соответствующих знаний занимает время. По опыту создания вакцины от бешенства "
            "мы знаем, что для защиты бывает достаточно микрограмм субстанции", "Фридрих фон Болен") in found
    assert not any("под микроскопом" in content for _, content, _ in found)


def test_question_asked_in_a_later_sentence_is_the_interviewers():
    found = quotes(CAPTIONED)
    assert not any(content.startswith("Область биотехнологий") for _, content, _ in found), found
    assert ("direct", "Стимулирование базовых исследований находится в Германии на превосходном уровне",
            "Фридрих фон Болен") in found


def test_narration_after_a_heading_is_no_answer():
    # the journalist's third-person paragraph after a heading: no first-person voice, no quotation
    text = CAPTIONED.replace("Получение соответствующих знаний занимает время. По опыту создания вакцины от "
                             "бешенства мы знаем, что для защиты бывает достаточно микрограмм субстанции.",
                             "Компания Curevac основана в 2000 году в Тюбингене. Она разрабатывает препараты на "
                             "основе РНК.")
    assert not any(content.startswith("Компания Curevac основана") for _, content, _ in quotes(text))


# --- an editor's note after an inner quoted name (covid-19 page coronavirus_ru_28, RIA Новости) ----

def test_editors_note_after_an_inner_name_does_not_close_the_quotation():
    text = ('В республику Коми поступило 4,4 тысячи доз вакцины, сообщает пресс-служба главы республики. '
            '"В республику Коми поступила вакцина Гам-КОВИД-Вак ("Спутник V" - ред.) в количестве 4400 доз. '
            'Вакцина поставлена в медорганизации республики", - говорится в сообщении.')
    assert ("direct", 'В республику Коми поступила вакцина Гам-КОВИД-Вак ("Спутник V" - ред.) в количестве '
            '4400 доз. Вакцина поставлена в медорганизации республики', "сообщение") in quotes(text)
