"""Wire and outlet conventions around the article (issue 14, twenty-sixth session): the outlet the words
were said to, a wire's dateline, furniture lines between paragraphs and a byline at the end leave the
quotation and its speaker as they are. Sentences written for the test, in the shapes `eval/conventions.py`
measures on the gold."""
import re
import sys

import pytest

from conftest import BSNLP, COVID_PAGE_HEADER, ROOT, needs_corpora

sys.path.insert(0, str(ROOT / "eval"))


from helpers import ARTICLE_BODY, ARTICLE_TITLE, corpus_said as said, page_text  # noqa: E402

from citata.nlp import analyse  # noqa: E402
from citata.pipeline import build_document, extract_text  # noqa: E402
from citata.quotes import document_view  # noqa: E402
from citata.source import text_document  # noqa: E402


CONTEXT = "Сотни людей вышли на улицы столицы. "


@pytest.mark.parametrize("told", ["«Известиям»", "«Ленте.ру»", "NEWS.ru", "Интерфаксу", "ТАСС", "журналистам"])
def test_an_outlet_told_before_a_что_clause_is_no_speaker(told):
    # the outlet stands between the verb and its clause; the subject before the verb speaks
    got = said(f"{CONTEXT}Премьер-министр Канады Джастин Трюдо заявил {told}, что страна ведет переговоры с Пакистаном.")
    assert got == [("страна ведет переговоры с Пакистаном", "Джастин Трюдо")]


@pytest.mark.parametrize("told", ["Reuters", "РИА Новости"])
def test_an_outlet_told_after_a_subject_the_search_misses(told):
    # "Один из протестующих" is found by the parse, not by the search before the cue: the outlet
    # after the cue must not be taken for an inverted subject meanwhile
    got = said(f"{CONTEXT}Один из протестующих заявил {told}, что они готовы пожертвовать своими жизнями.")
    assert got == [("они готовы пожертвовать своими жизнями", "Один из протестующих")]


@pytest.mark.parametrize("told", ["«Коммерсанту»", "Интерфаксу"])
def test_a_body_in_the_locative_speaks_to_a_dative_outlet(told):
    got = said(f"Об этом говорится в документе. В МИД Германии ответили {told}, что страна готова принять семью.")
    assert got == [("страна готова принять семью", "МИД Германии")]


def test_an_outlet_reporting_in_the_past_after_the_report_still_speaks():
    # no что-clause, nothing before the cue: the agency is the subject ("сообщил Bloomberg")
    got = said("Доминика Рааба назначили новым министром по делам Brexit, сообщил Bloomberg.")
    assert got == [("Доминика Рааба назначили новым министром по делам Brexit", "Bloomberg")]


@pytest.mark.parametrize("dateline", ["НЬЮ-ЙОРК, 5 июня. /Корр. ТАСС Геннадий Сухоруков/. ",
                                      "НЬЮ-ЙОРК, 5 июн — РИА Новости, Геннадий Сухоруков. ",
                                      "Нью-Йорк. 5 июня. INTERFAX.RU - "])
def test_the_names_of_a_dateline_are_no_participants(dateline):
    # the wire's place, agency and correspondent are not whom a title, a pronoun or "в компании" of
    # the article stands for
    text = f"Нетаньяху не полетит в США\n\n{dateline}Премьер-министр Израиля заявил, что не полетит в Вашингтон."
    doc = extract_text(text)
    view = document_view(doc.text, analyse([doc.text])[0])
    assert view.datelines and doc.text[view.datelines[0][0]:view.datelines[0][1]].strip() == dateline.strip()
    assert not [e.text for e in view.entities if e.start < view.datelines[0][1]]


def test_no_dateline_in_an_abbreviation_and_a_dash():
    doc = extract_text("НАТО - это оборонительный союз, заявил генсек альянса Йенс Столтенберг.")
    assert document_view(doc.text, analyse([doc.text])[0]).datelines == []


@needs_corpora
def test_a_quotation_right_after_a_dateline_stands_alone():
    # bsnlp-ru brexit_ru.txt_file_1096 (tune) with an Interfax dateline before its first paragraph, the
    # quotation that opens it: the dateline opens the sentence
    path = BSNLP / "brexit" / "raw" / "brexit_ru.txt_file_1096.txt"
    text = path.read_text(encoding="utf-8")
    at = text.index("«Доминик Рааб назначен")
    got = said(text[:at] + "Лондон. 9 июля. INTERFAX.RU - " + text[at:])
    assert any(content.startswith("Доминик Рааб назначен на пост министра") for content, _ in got)


@pytest.mark.parametrize("dateline", ["ЛОНДОН, 6 мая (Reuters) - ", "ЛОНДОН, 6 мая (Рейтер) - "])
def test_a_dateline_with_the_agency_in_parentheses_is_not_content(dateline):
    got = said(f"Рааб назначен\n\n{dateline}Новым министром по вопросам Brexit назначен Доминик Рааб, "
               "говорится в заявлении канцелярии.")
    assert [content for content, _ in got] == ["Новым министром по вопросам Brexit назначен Доминик Рааб"]


@pytest.mark.parametrize("speaker, told", [("директор отдела снабжения ЮНИСЕФ Этлева Кадилли", "Интерфаксу"),
                                           ("лидер протестующих Наттавута Сайкыа", "ТАСС"),
                                           ("Наттавута Сайкыа", "ТАСС"),
                                           ("министр Иван Петров", "РИА Новости")])
def test_the_agency_told_after_the_speakers_name_is_no_speaker(speaker, told):
    # the agency closing the attribution was told; NER may glue it to the name, or the phrase may
    # read it as the name's genitive
    got = said(f"«Мы не хотим новых потерь», — заявил {speaker} {told}.")
    assert len(got) == 1 and got[0][1] is not None and told not in got[0][1] and got[0][1].split()[-1] == speaker.split()[-1]


# --- furniture between paragraphs -----------------------------------------------------------------


def test_the_article_goes_on_under_a_read_also_line_and_its_headline():
    # "Читайте также" on a line of its own and the linked headline under it, in the middle of the article
    body = [*ARTICLE_BODY[:2], "Читайте также", "Минздрав назвал сроки массовой вакцинации в регионах",
            "Как сообщил министр здравоохранения области, прививку от коронавируса можно сделать без "
            "предварительной записи в любом из новых пунктов вакцинации.",
            *ARTICLE_BODY[2:]]
    doc = build_document(text_document("page.txt", page_text(ARTICLE_TITLE, *body)))
    assert "Как сообщил министр здравоохранения области" in doc.text
    assert ARTICLE_BODY[-1] in doc.text
    assert "Читайте также" not in doc.text and "Минздрав назвал сроки" not in doc.text


def test_another_storys_lead_under_a_read_also_line_closing_the_page_goes():
    # the look-alike: the linked story's headline and its lead end the page; they talk of other things
    body = [*ARTICLE_BODY, "Читайте также", "Почему в России смертность от коронавируса ниже, чем в других странах",
            "В эфире радиостанции побывала представитель Всемирной организации здравоохранения, которая "
            "рассказала о статистике заболеваемости в Европе и Азии."]
    doc = build_document(text_document("page.txt", page_text(ARTICLE_TITLE, *body)))
    assert ARTICLE_BODY[-1] in doc.text
    assert "В эфире радиостанции" not in doc.text


@pytest.mark.parametrize("site", ["NEWS.ru", "URA.RU"])
def test_a_site_told_before_the_speaker_is_no_speaker(site):
    got = said(f"«Вирус у каждого человека может быть своим», — пояснил {site} директор НИИ гриппа Дмитрий Лиознов.")
    assert got == [("Вирус у каждого человека может быть своим", "Дмитрий Лиознов")]


def test_the_opening_paragraphs_of_a_plain_text_stay_above_a_subscribe_line():
    # a plain text (no container lines, no headline found) whose opening paragraphs a channel call
    # parts from the rest: they are the article's, not a page's header
    paragraphs = [
        "С 13 по 14 апреля в Эмиратах состоялось заседание президентского совета международной шахматной федерации.",
        "Президент федерации Кирсан Илюмжинов сообщил, что он подписал три важных контракта.",
        "Следите за новостями в нашем Telegram-канале",
        "Первый контракт был подписан с чемпионом мира Веселином Топаловым, второй с организаторами турнира "
        "претендентов, который пройдет осенью в Мехико.",
        "Чемпион мира обязан защищать свой титул в матч-турнире восьми сильнейших шахматистов, который "
        "состоится в сентябре.",
        "Третий контракт был подписан между федерацией и Мехико, он определяет сроки и призовой фонд турнира.",
    ]
    doc = build_document(text_document("news.txt", "\n\n".join(paragraphs) + "\n"))
    assert paragraphs[1] in doc.text and paragraphs[-1] in doc.text
    assert "Telegram" not in doc.text


def test_a_paragraph_of_conviction_over_a_photo_credit_is_no_caption():
    # "В компании уверены, что …" over "Фото: …" reports a view (a short adjective of conviction), the
    # way "рассказала" does: the article's paragraph, not the photo's caption
    text = page_text(ARTICLE_TITLE, ARTICLE_BODY[0],
                     "В министерстве уверены, что новые пункты вакцинации разгрузят поликлиники.",
                     "Фото: Иван Петров / ТАСС", *ARTICLE_BODY[1:])
    doc = build_document(text_document("page.txt", text))
    assert "В министерстве уверены" in doc.text and "Иван Петров" not in doc.text


# --- eval/conventions.py's variants ---------------------------------------------------------------

def test_the_conventions_variants_are_fixed_by_the_text_and_keep_the_quotations_spans():
    from conventions import AGENCIES, Conventions
    from perturb import apply, offset_map

    text = (COVID_PAGE_HEADER + "Министр обещал снизить цены на лекарства\n\n"
            "«Мы готовы снизить цены», — сказал министр здравоохранения Иван Петров.\n\n"
            "По его словам, решение примут до конца года.\n\nВторой абзац статьи о ценах на лекарства.\n")
    entry = {"file": "page.txt", "quotes": [{"speaker": "Иван Петров", "speaker_kind": "person"}]}
    conv = Conventions([("other.txt", COVID_PAGE_HEADER + "Другая новость о погоде в столице\n\nТекст.\n")])
    start = text.index("Мы готовы")
    for name in conv.variants:
        repls = conv.repls(name, entry, text)
        assert repls == conv.repls(name, entry, text)  # the same text, the same variant
        new, to_new = apply(text, repls), offset_map(repls)
        assert new[to_new(start):to_new(start + len("Мы готовы снизить цены"))] == "Мы готовы снизить цены", name
    # the agency the words were said to closes the attribution, before its full stop
    said_to = apply(text, conv.repls("agency after the speaker", entry, text))
    assert re.search(r"— сказал министр здравоохранения Иван Петров (.+?)\.\n", said_to).group(1) in AGENCIES
