"""Every lemma in the lexicons under citata/data is pymorphy's normal form, ё included: a lemma
written "подчеркивать" where the analyser says "подчёркивать" silently dropped every form of the
verb (issue 14)."""
import re

import pytest

from citata import lexicons as lex
from citata.nlp import morph

# file -> column holding lemmas (None: one lemma per line); phrases hold one lemma per word
LEMMA_FILES = {
    "speech_verbs.tsv": 0, "speech_phrases.tsv": 0, "frame_cues.tsv": 0, "source_nouns.tsv": 1, "role_synonyms.tsv": 0,
    "unnamed_person_antecedents.tsv": 0,
    "verdict_verbs.txt": None, "directive_verbs.txt": None, "channel_nouns.txt": None, "account_nouns.txt": None,
    "document_nouns.txt": None, "report_documents.txt": None, "norm_nouns.txt": None, "report_nouns.txt": None, "finding_nouns.txt": None, "generic_document_nouns.txt": None, "generic_person_nouns.txt": None,
    "named_objects.txt": None, "role_nouns.txt": None, "occupation_nouns.txt": None, "role_qualifiers.txt": None,
    "speaking_nouns.txt": None, "time_nouns.txt": None, "relational_nouns.txt": None, "family_nouns.txt": None,
    "org_nouns.txt": None, "media_nouns.txt": None, "site_nouns.txt": None, "source_heads.txt": None,
    "quotation_nouns.txt": None, "citing_verbs.txt": None, "relay_verbs.txt": None, "relay_words.txt": None, "leader_nouns.txt": None,
    "number_nouns.txt": None, "kin_nouns.tsv": 0, "negation_asserts.txt": None, "honorifics.txt": None,
    "outlet_owner_nouns.txt": None, "government_nouns.txt": None,
    "collective_nouns.txt": None, "relative_words.txt": None,
}


def test_every_frame_cue_names_a_frame_and_a_class():
    frames = {"о том", "в том", "тем", "с тем", "будто"}
    rows = lex.data_table("frame_cues.tsv")
    assert all(len(row) == 3 and row[1] in frames and row[2] in ("say", "think", "none") for row in rows)
    # a word of the speech lexicon is a cue whatever its frame: listing it here would say otherwise
    verbs = {lemma.replace("ё", "е") for lemma, _ in lex.data_table("speech_verbs.tsv")}
    assert not [row for row in rows if row[0] in verbs or row[0] in lex.report_nouns()]


def entries(name):
    col = LEMMA_FILES[name]
    rows = lex.data_table(name) if col is not None else [[ln] for ln in lex.data_lines(name)]
    return [w for row in rows for w in row[col or 0].split()]


@pytest.mark.parametrize("name", sorted(LEMMA_FILES))
def test_every_lemma_is_the_analysers_normal_form(name):
    analyser = morph()
    wrong = []
    for word in entries(name):
        # abbreviations ("СМИ") are written as news writes them; the analyser lower-cases them
        if word not in {p.normal_form for p in analyser.parse(word)} and not word.isupper():
            wrong.append((word, sorted({p.normal_form for p in analyser.parse(word)})))
    assert not wrong


# Files of word forms as pages write them (citata.metadata's rubric, non-brand and staff words and
# newsroom verbs, the sentence splitter's notice labels, the quotation stage's clause openers, fillers,
# quantifiers, cited-word forms and the writer's set phrases), not lemmas:
# each Russian word in them is a form the analyser knows, spelled as its dictionary spells it (ё included).
FORM_FILES = ("rubric_words.txt", "not_brands.txt", "subordinators.txt", "fillers.txt", "cited_words.txt",
              "staff_nouns.txt", "newsroom_verbs.txt", "notice_labels.txt", "quantifiers.txt",
              "negation_gap.txt", "relative_pronouns.txt", "reflexive_possessives.txt", "group_words.txt",
              "channel_modifiers.txt", "site_line_heads.txt", "writer_phrases.txt", "dangling_words.txt")


@pytest.mark.parametrize("name", FORM_FILES)
def test_every_word_form_is_one_the_analyser_knows(name):
    analyser = morph()
    words = [w for ln in lex.data_lines(name) for w in re.findall(r"[А-ЯЁа-яё]+", ln)]
    assert words
    wrong = [w for w in words if not any(p.is_known and p.word == w.lower() for p in analyser.parse(w.lower()))]
    assert not wrong


def test_every_speech_verb_yields_its_forms():
    lemmas = {lemma for lemma, _ in lex.speech_verbs().values()}
    missing = [lemma for lemma, _ in lex.data_table("speech_verbs.tsv") if lemma not in lemmas]
    assert not missing
    assert lex.speech_verbs()["подчеркнул"] == ("подчеркнуть", "say")
    assert lex.speech_verbs()["подчеркивает"] == ("подчёркивать", "say")  # forms are looked up with ё folded


def test_occupations_are_role_nouns_listed_once():
    titles = set(lex.data_lines("role_nouns.txt"))
    occupations = set(lex.data_lines("occupation_nouns.txt"))
    assert not titles & occupations and occupations <= lex.role_nouns()
    assert {"вирусолог", "режиссёр", "режиссер"} <= lex.occupation_nouns() and "министр" not in lex.occupation_nouns()


def test_lemma_lists_answer_in_both_spellings():
    assert {"отчёт", "отчет"} <= lex.document_nouns() and {"учёный", "ученый"} <= lex.role_nouns()


@pytest.mark.parametrize("text", [
    "Глава ведомства Иван Петров подчёркивает, что сроки строительства не будут сорваны.",
    "Глава ведомства Иван Петров подчеркивает, что сроки строительства не будут сорваны.",
])
def test_a_verb_whose_normal_form_has_yo_is_a_cue(text):
    from citata.pipeline import extract_text
    [q] = extract_text(text, plain=True).quotes
    assert q.speaker.name == "Иван Петров" and q.content.text.startswith("сроки строительства")


@pytest.mark.parametrize("text, speaker, content", [
    ("«Пусть сначала научатся считать», — съязвил депутат Госдумы Олег Смолин.", "Олег Смолин",
     "Пусть сначала научатся считать"),
    ("Министр финансов Антон Силуанов возмутился, что банки не снижают ставки.", "Антон Силуанов",
     "банки не снижают ставки"),
    ("Врач Александр Мясников посоветовал не торопиться с прививкой.", None, None),
    ("«Это временная мера», — проинформировали в пресс-службе мэрии.", "пресс-служба мэрии", "Это временная мера"),
    ("«Вакцина безопасна», — подытожил глава Минздрава Михаил Мурашко.", "Михаил Мурашко", "Вакцина безопасна"),
])
def test_mined_cues_introduce_quotations(text, speaker, content):
    """Cues mined from the corpora (eval/mine_cues.py); a bare call with an infinitive stays out."""
    from citata.pipeline import extract_text
    quotes = extract_text(text, plain=True).quotes
    if speaker is None:
        assert quotes == []
        return
    [q] = quotes
    assert q.content.text == content and q.speaker.name.lower() == speaker.lower()


def test_legal_forms_are_written_as_they_are_compared():
    """orgs.py compares a name's first word lower-cased (and with ё folded) against legal_forms.txt:
    an entry in capitals ("ПАО") would never match."""
    forms = lex.legal_forms()
    assert "пао" in forms
    assert all(f == f.lower().replace("ё", "е") and f.isalpha() for f in forms)


@pytest.mark.parametrize("name", sorted([n for n, col in LEMMA_FILES.items() if col is None] + list(FORM_FILES)))
def test_each_entry_stands_once(name):
    """A word list is read as a set: an entry written twice is dead weight, and a reader deleting one
    copy would think the word gone."""
    lines = lex.data_lines(name)
    assert not sorted({ln for ln in lines if lines.count(ln) > 1})


def test_legal_forms_are_matched_as_pages_write_them():
    """The metadata stage's patterns read legal_forms.txt too: a form in capitals, a Latin one also
    capitalised ("Ltd"), not a lower-case word of running text."""
    form = re.compile(rf"(?:{lex.legal_form_alternation()})")
    assert all(form.fullmatch(f) for f in ("ООО", "ФГБУ", "LLC", "Ltd", "AO"))
    assert not any(form.fullmatch(f) for f in ("ооо", "Ооо", "ид"))


@pytest.mark.parametrize("name, word", [("relative_pronouns.txt", "который"), ("reflexive_possessives.txt", "свой")])
def test_closed_lists_hold_forms_of_their_word(name, word):
    analyser = morph()
    assert all(any(p.normal_form == word for p in analyser.parse(f)) for f in lex.data_lines(name))


def test_relative_pronouns_are_split_by_the_analysers_cases():
    """A nominative "который" is its clause's subject; "согласно" asks for a dative one."""
    assert lex.relative_pronouns("nomn") == {"который", "которая", "которое", "которые"}
    assert lex.relative_pronouns("datv") == {"которому", "которой", "которым"}
    assert "котором" in lex.oblique_relative_pronouns() and "который" not in lex.oblique_relative_pronouns()
    assert lex.possessive_pronouns()["её"] == lex.possessive_pronouns()["ее"] == "f" and "него" not in lex.possessive_pronouns()


def test_every_pronoun_row_is_a_reading_of_the_analyser():
    """pronouns.tsv's form, gender and case are a personal pronoun's reading ("нём": он or оно in the
    locative), ё as the analyser spells it; a form of two cases ("ней") is a person's pronoun in its
    other one, a document's after "в"."""
    genders = {"m": ("masc", "neut"), "f": ("femn",), "p": (None,)}
    wrong = [(form, gender, case) for form, gender, case in lex.data_table("pronouns.tsv")
             if not any(p.tag.POS == "NPRO" and p.tag.case == case and p.tag.gender in genders[gender]
                        for p in morph().parse(form))]
    assert not wrong
    assert lex.pronouns()["ней"] == ("f", "datv") and "нём" not in lex.pronouns()
    assert lex.document_pronouns() == {"нем": "m", "нём": "m", "ней": "f", "них": "p"}
