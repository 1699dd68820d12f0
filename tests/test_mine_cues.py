"""eval/mine_cues.py's noun, source and role modes and eval/survey_cue_forms.py's forms, on sentences
written for the test."""
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "eval"))

from citata.nlp import analyse  # noqa: E402
from citata.quotes import document_view  # noqa: E402
from mine_cues import fact_positions, frame_places, noun_places, role_places, source_places  # noqa: E402
from survey_cue_forms import form  # noqa: E402


def test_a_noun_before_its_clause_past_the_genitive_source():
    # "заявление" is in report_nouns.txt already: only the nouns the lexicon lacks are candidates
    assert [(lemma, kind) for lemma, kind, _ in noun_places(
        "Белый дом получил известие о том, что премьер приедет.")] == [("известие", "о том, что")]
    assert [(lemma, kind) for lemma, kind, _ in noun_places(
        "Появились опасения экспертов рынка, что цены вырастут.")] == [("опасение", ", что +source")]
    assert list(noun_places("Появилось заявление министра о том, что цены вырастут.")) == []
    assert list(noun_places("Он сказал, что цены вырастут.")) == []  # a verb governs this clause


def test_a_source_phrase_whose_noun_the_lexicon_lacks():
    assert [lemma for lemma, _ in source_places("По итогам испытаний, вакцина эффективна.")] == ["итог"]
    assert list(source_places("По данным Росстата, безработица выросла.")) == []  # known noun
    assert list(source_places("По итогам года доходы выросли.")) == []  # no comma after the phrase


def test_a_speech_verbs_form_and_an_aspect_pair_the_lexicon_lacks():
    assert form("заявить") == ("infinitive", "заявить")
    assert form("напомнив") == ("gerund", "напомнить")
    assert form("проинформированы") == ("passive participle", "проинформировать")
    assert form("заявил") == ("finite", "заявить")
    assert form("информация") == ("noun of the cue lexicon", "информация")
    assert form("заговорить") == ("infinitive (prefixed pair not in the lexicon)", "заговорить")
    assert form("пошли") is None


def frames(text):
    view = document_view(text, analyse([text])[0])
    return [(frame, lemma, pos, subject.split(":")[0]) for frame, lemma, pos, subject, _, _ in frame_places(view)]


def test_a_frame_by_the_word_that_governs_it_and_that_words_subject():
    assert frames("Свой отказ министр мотивировал тем, что бюджет пуст.") == [
        ("тем, что", "мотивировать", "verb", "speaker noun")]
    # the verb nearer the frame, past an object, not the first predicate
    assert frames("Борис Джонсон поставил подпись и поздравил коллег с тем, что они договорились.")[0][:3] == (
        "с тем, что", "поздравить", "verb")
    assert frames("Белый дом получил известие о том, что премьер приедет.")[0][:3] == ("о том, что", "известие", "noun")


def test_a_compound_conjunction_is_no_frame():
    assert frames("Рейс отменили в связи с тем, что пилоты бастуют.") == []
    assert frames("Перед тем, как сесть в самолет, пассажиры сдают тест.") == []


def roles(text):
    view = document_view(text, analyse([text])[0])
    return [(place, p.normal_form) for place, p, _ in role_places(view)]


def test_a_noun_in_apposition_to_a_name_is_a_role_candidate():
    assert ("before a name", "эпидемиолог") in roles(
        "Главный эпидемиолог Минздрава Николай Брико напомнил о прививках.")
    assert ("after a name", "вирусолог") in roles("Об этом рассказал Александр Лукашев, вирусолог.")
    # a noun in another case than the name is no apposition: the name is its complement
    assert ("before a name", "решение") not in roles("Решение Николая Брико удивило коллег.")


def test_the_noun_a_speech_verb_has_after_someone_named_is_a_role_candidate():
    text = "«Вакцина безопасна», — сказал Павел Волчков. «Все дело в белках», — подчеркивает вирусолог."
    assert ("cue subject", "вирусолог") in roles(text)
    # nobody named before: no candidate
    assert ("cue subject", "вирусолог") not in roles("«Все дело в белках», — подчеркивает вирусолог.")


def test_factrueval_positions_give_their_nouns_lemma(tmp_path):
    devset = tmp_path / "factrueval-2016" / "devset"
    devset.mkdir(parents=True)
    (devset / "book_1.facts").write_text(
        "1-0 Occupation\nWho obj1 Брико Николай\nPosition span1 главного эпидемиолога\nWhere obj2 Минздрав\n",
        encoding="utf-8")
    assert [(rel, lemma) for rel, lemma, _ in fact_positions(tmp_path)] == [
        ("factrueval-2016/devset/book_1.txt", "эпидемиолог")]
