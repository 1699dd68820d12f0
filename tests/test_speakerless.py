"""Quotations that keep no speaker (issue 14, nineteenth session): eval/survey_speakerless.py read all
66 speakerless quotations of the 333 unannotated articles and the 33 tune-gold quotations citata
matches with none. Most have no source in the text: an impersonal cue with nothing named before it,
or a relay whose outlet went with a stripped link; the gold writes None for both. These sentences,
written for the test after those articles, pin that citata does not guess a speaker there."""
import pytest

from helpers import said


def speakers(text):
    return dict(said(text))


@pytest.mark.parametrize("text, content", [
    # after asia_bibi_ru.txt_file_112.txt: the article's first report, no source anywhere
    ("Сообщается, что вынесение вердикта происходило на фоне массовых протестов.",
     "вынесение вердикта происходило на фоне массовых протестов"),
    # after ryanair/raw/ryan-ru_file_172.txt: earlier reports, named by nobody
    ("Рейсы в Италию задерживаются. Ранее говорилось, что диспетчеры могут объявить забастовку в мае.",
     "диспетчеры могут объявить забастовку в мае"),
    # after factrueval-2016/devset/book_194.txt: conjectures, voiced by nobody named
    ("Кредит поступил в начале месяца. Высказываются предположения, что деньги могли поступить от "
     "частных банков.", "деньги могли поступить от частных банков"),
    # after ryanair/raw/ryan-ru_file_169.txt: a passive with no agent
    ("Забастовка грузчиков продолжается, было заявлено, что она продлится как минимум до воскресенья.",
     "она продлится как минимум до воскресенья"),
])
def test_a_report_with_no_source_in_the_text_keeps_no_speaker(text, content):
    found = speakers(text)
    assert content in found and found[content] is None, found


def test_a_relay_whose_outlet_was_stripped_and_the_impersonal_cue_after_it_keep_no_speaker():
    # after asia_bibi_ru.txt_file_140.txt: "Об этом сообщает" lost its outlet with a stripped link;
    # the impersonal cue of the next paragraph has no source to continue
    text = ("Муж фермера просит для семьи убежища в Канаде. Об этом сообщает\n\n"
            "Отмечается, что мужчина опасается за безопасность своей семьи.")
    found = speakers(text)
    assert found.get("мужчина опасается за безопасность своей семьи", "missing") is None, found
    assert all(name is None for name in found.values()), found


@pytest.mark.parametrize("text, content", [
    # after asia_bibi_ru.txt_file_194.txt (twenty-sixth session's reading): "Как сообщалось ранее"
    # recalls the article's earlier reports; the lawyer who spoke in the sentence before is not its source
    ("Адвокат Сайфул Малук заявил, что ни одна страна не сделала предложения. Как сообщалось ранее, "
     "в 2010 году суд приговорил женщину к смертной казни.", "в 2010 году суд приговорил женщину к смертной казни"),
    # after asia_bibi_ru.txt_file_130.txt: "Накануне сообщалось", no source named
    ("Охрана тюрьмы усилена. Накануне сообщалось, что сотрудники тюрьмы арестовали двух заключенных.",
     "сотрудники тюрьмы арестовали двух заключенных"),
])
def test_an_earlier_report_recalled_impersonally_keeps_no_speaker(text, content):
    found = speakers(text)
    assert content in found and found[content] is None, found
