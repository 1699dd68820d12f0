"""A heading or a link's words whose break a scraper dropped (issue 14, layouts): the sentence after it
opens with a word Russian capitalises only there — "…после прививки Согласно данным …" (paragraphs run
together by a space), "…после прививкиСогласно данным …" (glued), "…, сообщает При этом …" (the outlet's
link gone) — or, glued, with any capitalised word ("в отставкуДэвид Дэвис"). The sentence ends before it,
and the report after it is found as in the page with its breaks. Names, a title's capitalised pronoun,
the polite "Вы" and words spelt in camel case stay whole. Sentences written for the test."""
from citata.nlp import sentences
from citata.pipeline import extract_text


def texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in sentences(text)]


def said(text: str) -> list[tuple[str, str | None]]:
    return [(q.content.text, q.speaker and q.speaker.name) for q in extract_text(text).quotes]


def test_a_heading_with_no_stop_before_a_sentence_opener():
    assert texts("Защита после прививки Согласно данным института, пока не ясно, заразны ли привитые.") == \
        ["Защита после прививки", "Согласно данным института, пока не ясно, заразны ли привитые."]
    assert texts("Защита после прививкиСогласно данным института, пока не ясно, заразны ли привитые.") == \
        ["Защита после прививки", "Согласно данным института, пока не ясно, заразны ли привитые."]
    assert texts("Пилоты начали забастовку, сообщает При этом выручка компании выросла.") == \
        ["Пилоты начали забастовку, сообщает", "При этом выручка компании выросла."]
    assert texts("Кто заменит министра Ранее стало известно о его отставке.") == \
        ["Кто заменит министра", "Ранее стало известно о его отставке."]


def test_any_capitalised_word_glued_to_a_lower_case_one():
    assert texts("Министр подал в отставкуДэвид Дэвис, занимавший этот пост, ушел первым.") == \
        ["Министр подал в отставку", "Дэвид Дэвис, занимавший этот пост, ушел первым."]


def test_names_titles_and_camel_case_stay_whole():
    for text in ("Если Вы заметите ошибку в тексте, выделите её.",          # the polite "Вы"
                 "Об этом говорят подданные Ее Величества и сам премьер.",  # a title's pronoun
                 "Это видно по обе стороны Ла-Манша в эти дни.",            # a hyphen after it
                 "Матч судит Франк Де Блекере из Бельгии.",                 # a name's particle
                 "Картины написал художник Ван Гог во Франции.",
                 "Об этом заявил премьер Ли Кэцян на форуме.",              # a name as often as a conjunction
                 "Компания «ВымпелКом» объявит о присоединении.",           # camel case
                 "Вакцина «ЭпиВакКорона» содержит пептиды, а мРНК-вакцины нет.",
                 "Об этом сообщил Б.Джонсон и министр по делам Brexit."):
        assert len(texts(text)) == 1, text


def test_a_report_after_a_heading_run_together_or_glued_is_found_with_its_speaker():
    paragraphs = ("Министр здравоохранения Максим Степанов рассказал о вакцинации.\n\n"
                  "Кто получит прививку первым\n\n"
                  "По словам министра, пункты вакцинации будут созданы на базе кабинетов прививок.")
    together = paragraphs.replace("\n\n", " ")
    glued = paragraphs.replace("\n\n", "")
    expected = [("пункты вакцинации будут созданы на базе кабинетов прививок", "Максим Степанов")]
    assert said(paragraphs) == expected
    assert said(together) == expected
    assert said(glued) == expected


def test_an_inner_attribution_whose_stop_and_dash_were_dropped():
    # «A, — говорит X. — B» with the stop and the dashes gone: one quotation, its words on both sides
    text = ('Певица рассказала о съемках. "Мы не готовились к съемке этого клипа за месяц или два, все было '
            'спонтанно и весело, говорит Ольга Серябкина Просто захотели создать праздничное, новогоднее '
            'настроение, и уж поверьте, у нас это получилось. Казалось бы, какое веселье может быть зимой?"')
    quotes = extract_text(text).quotes
    assert [(q.type, q.speaker and q.speaker.name) for q in quotes] == [("direct", "Ольга Серябкина")]
    assert quotes[0].content.text.startswith("Мы не готовились")
    assert quotes[0].content.text.endswith("может быть зимой?")
