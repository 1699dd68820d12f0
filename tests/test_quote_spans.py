"""Where a quotation starts and ends (issue 14, span boundaries), on sentences from
../shared/corpora's unannotated articles (or written for the test after them), each beside a
look-alike whose boundary must stay where it is."""
from helpers import quote_rows as quotes


def contents(text):
    return [c for _, c, _, _ in quotes(text)]


# --- a comma closing a modifier of the content's subject is no inverted attribution -------------

def test_participle_clause_of_the_subject_does_not_end_the_complement():
    # bsnlp-ru ryan-ru_file_39 and ryan-ru_file_69 (unannotated): "призвали" is the predicate of
    # "профсоюзы", not an attribution after the complement
    text = ("Ранее сообщалось, что профсоюзы, представляющие кабинные экипажи Ryanair, призвали к "
            "проведению забастовок в июле.")
    assert contents(text) == ["профсоюзы, представляющие кабинные экипажи Ryanair, призвали к проведению "
                              "забастовок в июле"], quotes(text)


def test_relative_clause_of_the_subject_does_not_end_an_as_clause():
    # bsnlp-ru brexit_ru.txt_file_1106 (unannotated)
    text = ("Как передает \"РГ\", политик, который относится к евроскептикам, выразил несогласие в связи с "
            "предложениями Мэй.")
    assert contents(text) == ["политик, который относится к евроскептикам, выразил несогласие в связи с "
                              "предложениями Мэй"], quotes(text)


def test_attribution_after_a_participle_clause_still_ends_the_content():
    # the look-alike: the cue after the participle's comma has its own subject after it
    # (bsnlp-ru asia_bibi_ru.txt_file_6, unannotated)
    text = ("Вице-премьер Италии Маттео Сальвини предложил помощь для пакистанской христианки Асии Биби, "
            "обвиненной несколько лет назад в оскорблении пророка Мухаммеда, пишет портал Europa Press.")
    found = quotes(text)
    assert len(found) == 1 and found[0][1].endswith("в оскорблении пророка Мухаммеда"), found
    assert found[0][2] == "Europa Press", found


def test_attribution_after_a_relative_clause_still_ends_the_complement():
    text = ("Министр заявил, что решение принял суд, который рассматривал дело, сообщает ТАСС.")
    found = quotes(text)
    assert any(c == "решение принял суд, который рассматривал дело" for _, c, _, _ in found), found


def test_verb_of_a_subordinate_clause_is_no_inverted_cue():
    # bsnlp-ru asia_bibi_ru.txt_file_6 (unannotated): "угрожают" is the verb of the поскольку-clause
    text = ("Однако женщина, мать пятерых детей, до сих пор остается в заключении, поскольку ей, а также "
            "судье и адвокату, угрожают исламисты.")
    assert quotes(text) == [], quotes(text)


# --- a source phrase's report ends at a colon before the source's own quoted words ----------------

def test_source_phrase_report_ends_before_the_quotation_after_its_colon():
    # written for the test: the quotation after the colon is the source's own words, direct
    text = ("По словам политолога Ивана Петрова, Турция давно проявляет интерес к региону: «Анкара видит "
            "здесь своих стратегических партнеров и будет укреплять связи с ними».")
    found = quotes(text)
    assert ("indirect", "Турция давно проявляет интерес к региону", "Иван Петров") in [f[:3] for f in found], found
    assert any(t == "direct" and c.startswith("Анкара видит здесь") and s == "Иван Петров"
               for t, c, s, _ in found), found


def test_quotation_of_a_cue_inside_the_report_stays_part_of_it():
    # the look-alike: the colon follows a cue of the report's own clause, whose words these are
    text = ("По словам соседки, Биби ответила на эту фразу так: «Я верю в Иисуса Христа, который умер на "
            "кресте за грехи человечества».")
    found = quotes(text)
    assert any(t in ("indirect", "mixed") and c.startswith("Биби ответила на эту фразу так") and c.endswith("»")
               for t, c, _, _ in found), found


# --- a verb with an infinitive after ", а X" is no other speaker's cue ---------------------------

def test_phase_verb_with_an_infinitive_does_not_end_the_complement():
    # factrueval-2016 devset book_74 (unannotated): "продолжают покупать" is the president's words
    text = ("Президент отметил, что о ходе проведения проекта доходят разные сигналы, а многие ведомства "
            "продолжают покупать разрозненные программы.")
    assert contents(text) == ["о ходе проведения проекта доходят разные сигналы, а многие ведомства "
                              "продолжают покупать разрозненные программы"], quotes(text)


def test_another_speakers_cue_after_a_contrast_still_ends_the_complement():
    text = ("Министр заявил, что переговоры идут трудно, а глава делегации Иван Петров продолжил, что "
            "соглашение будет подписано.")
    found = quotes(text)
    assert any(c == "переговоры идут трудно" for _, c, _, _ in found), found


# --- a report made in a subordinate clause ends where the main clause resumes (the parse) ---------

def test_report_in_a_relative_clause_ends_before_the_main_clause():
    # bsnlp-ru brexit_ru.txt_file_1139 (unannotated)
    text = ("Вместо ушедшего со скандалом Бориса Джонсона, который накануне обвинил Терезу Мэй в том, что она "
            "фактически ведет Великобританию к статусу колонии, МИД возглавит Джереми Хант.")
    assert contents(text) == ["она фактически ведет Великобританию к статусу колонии"], quotes(text)


def test_report_in_a_fronted_adverbial_clause_ends_before_the_main_clause():
    # written for the test
    text = ("Поскольку министерство уже заявило, что не видит в сделке нарушений, компания обращается в суд с "
            "просьбой ее заблокировать.")
    assert contents(text) == ["не видит в сделке нарушений"], quotes(text)


def test_coordinated_complement_in_a_relative_clause_stays_whole():
    # the look-alike: ", а кабинет ее поддерживает" is inside the complement, "подал" the main clause
    text = ("Борис Джонсон, который заявил, что Мэй ведет страну к статусу колонии, а кабинет ее поддерживает, "
            "подал в отставку.")
    assert contents(text) == ["Мэй ведет страну к статусу колонии, а кабинет ее поддерживает"], quotes(text)


# --- an agency's dateline in front of a lead is not the reported words -----------------------------

def test_interfax_dateline_is_not_content():
    # bsnlp-ru ryan-ru_file_93 (unannotated): the split leaves "INTERFAX.RU - " in front of the lead
    text = ("Москва. 10 августа. INTERFAX.RU - Пилоты ирландской бюджетной авиакомпании Ryanair в пятницу "
            "проводят забастовку в пяти европейских странах, сообщает \"Би-би-си\".")
    assert contents(text) == ["Пилоты ирландской бюджетной авиакомпании Ryanair в пятницу проводят "
                              "забастовку в пяти европейских странах"], quotes(text)


def test_dateline_shapes_of_other_agencies_are_not_content():
    # bsnlp-ru brexit_ru.txt_file_1034 and ryan-ru_file_106 (unannotated); TASS's slashes written for the test
    for dateline in ("БРЮССЕЛЬ. КАЗИНФОРМ - ", ", 08:09 REGNUM ", "МОСКВА, 12 марта. /ТАСС/. "):
        text = dateline + "55 тысяч пассажиров пострадают от забастовки пилотов, передает телеканал N-TV."
        assert contents(text) == ["55 тысяч пассажиров пострадают от забастовки пилотов"], (dateline, quotes(text))


def test_capitals_and_a_dash_without_a_place_or_date_stay_content():
    # the look-alike: an abbreviation opening the reported words is no agency's dateline
    text = "НАТО - это оборонительный союз, заявил генсек альянса Йенс Столтенберг."
    assert contents(text) == ["НАТО - это оборонительный союз"], quotes(text)


# --- an attribution inside the content: the reported words go on after it ------------------------

def test_content_goes_on_after_an_attribution_through_a_clause_with_its_own_subject():
    # bsnlp-ru brexit_ru.txt_file_1078 and _1118 (unannotated): the publication's words go on
    # after "говорится в публикации" in a clause that names its subject
    text = ("Джонсон олицетворял собой кампанию по выходу Британии из ЕС перед референдумом 2016 года, "
            "говорится в публикации, его уход может послужить дополнительным поводом для слухов о "
            "возможной смене лидера партии консерваторов.")
    [(_, content, speaker, _)] = quotes(text)
    assert content.endswith("смене лидера партии консерваторов") and content.startswith("Джонсон"), quotes(text)


def test_content_goes_on_after_an_inserted_attribution_by_a_person():
    # bsnlp-ru asia_bibi_ru.txt_file_90 (unannotated)
    text = ("Тогда смертный приговор был оставлен в силе, однако сейчас, подчеркнул адвокат, он надеется на "
            "положительное решение.")
    assert contents(text) == ["Тогда смертный приговор был оставлен в силе, однако сейчас, подчеркнул "
                              "адвокат, он надеется на положительное решение"], quotes(text)


def test_apposition_and_gerund_after_an_attribution_are_not_content():
    # look-alikes written for the test: the speaker's apposition with a relative clause, the
    # speaker's own gerund, and the speaker's second predicate stay out of the content
    for text, first in (
            ("Переговоры зашли в тупик, заявил Иван Петров, директор компании, которая производит станки.",
             "Переговоры зашли в тупик"),
            ("Цены вырастут, сказал министр финансов Иван Петров, добавив подробности.", "Цены вырастут"),
            ("Переговоры зашли в тупик, заявил источник в правительстве, но подробностей не привел.",
             "Переговоры зашли в тупик")):
        assert contents(text)[0] == first, quotes(text)
