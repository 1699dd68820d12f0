"""An outlet named in a quotation's sentence: the speaker, or only the relay of a report with a source
of its own (issue 14, twenty-seventh session, wt-relay27). The gold's convention, read over every tune
quotation whose sentence names an outlet (`eval/outlet_roles.py`), one test per cell of its table:
the outlet speaks when the report has no other source ("как сообщает X", "…, передает X", "по данным
X", "X сообщило, что"); the report's own source speaks when one is named ("со ссылкой на Y", a report
already attributed inside the relay, the outlet spoken to). Sentences written for the test."""
import pytest

from helpers import said, speaker_by_content as speakers


@pytest.mark.parametrize("text, content, outlet", [
    ("Как сообщает ТАСС, пожар на складе потушен.", "пожар на складе потушен", "ТАСС"),
    ("Пожар на складе потушен, передает РИА Новости.", "Пожар на складе потушен", "РИА Новости"),
    ("По данным Reuters, сделка между компаниями сорвалась.", "сделка между компаниями сорвалась", "Reuters"),
    ("По сведениям Associated Press, самолет приземлился в Вашингтоне.", "самолет приземлился в Вашингтоне",
     "Associated Press"),
    ("Агентство Bloomberg сообщило, что сделка между компаниями сорвалась.",
     "сделка между компаниями сорвалась", "Bloomberg"),
])
def test_an_outlet_is_the_speaker_of_a_report_with_no_other_source(text, content, outlet):
    assert speakers(text).get(content) == outlet, said(text)


@pytest.mark.parametrize("text, content, source", [
    # the cited source: "со ссылкой на", "ссылаясь на"
    ("Пожар на складе потушен, сообщает ТАСС со ссылкой на пресс-службу МЧС.", "Пожар на складе потушен", "МЧС"),
    ("Адвокат бежал в Нидерланды. Об этом сообщает Reuters, ссылаясь на нидерландскую Группу по правам христиан.",
     "Адвокат бежал в Нидерланды", "Группа по правам христиан"),
    # the outlet spoken to
    ("Как заявил британской газете The Sunday Telegraph Дирк Поллочек, пилоты готовы бастовать.",
     "пилоты готовы бастовать", "Дирк Поллочек"),
])
def test_a_named_source_speaks_not_the_outlet(text, content, source):
    found = speakers(text)
    assert found.get(content) == source, found


@pytest.mark.parametrize("text, content, speaker, outlet", [
    ("Министр заявил, что пожар на складе потушен, передает РИА Новости.",
     "пожар на складе потушен", "Министр", "РИА Новости"),
    # "по сведениям" is a relay phrase as "по данным" is: the pilot's report stands alone
    ("По сведениям Associated Press, пилот заявил, что случайно настроил радиостанцию на неверную частоту.",
     "случайно настроил радиостанцию на неверную частоту", "пилот", "Associated Press"),
    ("По сведениям Associated Press, пилот объяснил инцидент тем, что случайно настроил радиостанцию на "
     "неверную частоту.", "случайно настроил радиостанцию на неверную частоту", "пилот", "Associated Press"),
])
def test_a_relay_wrapping_an_attributed_report_is_no_quotation_of_the_outlet(text, content, speaker, outlet):
    found = speakers(text)
    assert found.get(content) == speaker, found
    assert outlet not in found.values(), found


def test_the_second_predicate_of_a_relayed_report_keeps_its_subject_not_the_outlet():
    # after brexit/raw/brexit_ru.txt_file_1093.txt: the parse hung "сказал" on the outlet's verb
    text = ("Так, канал Sky News проинформировал, что дипломат назвал предложенный главой руководства план "
            "«кучей экскрементов» и сказал, что в выигрыше останутся только Юнкер и Меркель.")
    found = speakers(text)
    assert found.get("в выигрыше останутся только Юнкер и Меркель") == "дипломат", found
