"""Other outlets' typography (issue 14): the same sentence in straight, curly or German quotation marks,
with a hyphen-minus or an en dash, "..." for "…", no-break and thin spaces, ё written as е, Latin
look-alike letters, CRLF line ends gives the same quotation and the same speaker."""
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "eval"))

from perturb import VARIANTS, apply, offset_map, variant_names  # noqa: E402

from citata.nlp import normalise_typography  # noqa: E402
from helpers import quotation_spans as quotations  # noqa: E402
from citata.quotes.marks import pair_quotes  # noqa: E402
from citata.source import text_document  # noqa: E402

# Sentences written for the test, one per construction the gold's typography hid a weakness in.
SENTENCES = [
    # a quoted name inside the speaker's phrase, after the quotation (its closing mark is no new quotation)
    "«Этот проект нарушает закон о памятниках», — заявил координатор движения «Городской патруль» "
    "Сергей Беляев.",
    # an interrupted quotation that resumes after a bare dash
    "Потом он встретил Анну Лебедеву. «Он думал удивить меня своими деньгами, — заявила тогда Лебедева. — "
    "Меня деньги не интересуют, у меня есть свои».",
    # a name whose parts a page may join with a no-break space
    "«Мы не готовились к съёмке заранее, всё вышло само», — говорит певица Ольга Смирнова.",
    # nested marks
    "«Компания „Северный ветер“ нарушает законодательство ЕС», — говорится в заявлении профсоюза.",
    # a report whose end a one-letter word marks
    "Прокуроры утверждали, что соседки сказали, что Биби следует принять ислам, а та ответила отказом.",
]


# (the held-out mixture is measured by eval/perturb.py's totals only, never fixed against)
@pytest.mark.parametrize("variant", [v for v in VARIANTS if "held out" not in v])
@pytest.mark.parametrize("sentence", SENTENCES, ids=range(len(SENTENCES)))
def test_a_variant_gives_the_same_quotation_and_speaker(sentence, variant):
    original = quotations(sentence)
    assert original, "the sentence must hold a quotation for the test to mean anything"
    repls = VARIANTS[variant](sentence)
    text = apply(sentence, repls)
    read = text_document("<test>", text).text
    # the reader undoes CRLF; every other variant reaches the pipeline as written
    to_new = (lambda offset: offset) if read == sentence else offset_map(repls)
    expected = [(t, to_new(s), to_new(e), who) for t, s, e, who in original]
    got = quotations(text)
    assert [(t, s, e) for t, s, e, _ in got] == [(t, s, e) for t, s, e, _ in expected]
    # the speaker as the variant spells it (ё as е, no-break spaces) is the same person
    assert [who and who.replace("ё", "е").replace("\u00a0", " ") for *_, who in got] == \
        [who and who.replace("ё", "е") for *_, who in expected]


def test_the_speaker_is_found_in_each_variant():
    # what the sentences' quotations are attributed to, so that "the same" is not "the same nothing"
    speakers = [[q[3] for q in quotations(s)] for s in SENTENCES]
    assert speakers[0] == ["Сергей Беляев"]
    assert speakers[1] == ["Анна Лебедева"]
    assert speakers[2] == ["Ольга Смирнова"]
    assert speakers[4][-1] == "соседки"


def test_offsets_map_through_replacements_that_change_length():
    text = "Он сказал: «Да…»\nИ ушёл…"
    repls = VARIANTS["three dots"](text) + VARIANTS["CRLF"](text)
    repls.sort()
    new = apply(text, repls)
    assert new == "Он сказал: «Да...»\r\nИ ушёл..."
    to_new = offset_map(repls)
    da = text.index("Да")
    assert new[to_new(da):to_new(da + 2)] == "Да"
    # a replaced character's span maps onto its replacement whole
    dots = text.index("…")
    assert new[to_new(dots):to_new(dots + 1)] == "..."
    ushel = text.index("ушёл")
    assert new[to_new(ushel):to_new(ushel + 4)] == "ушёл"
    assert to_new(len(text)) == len(new)


@pytest.mark.parametrize("text, read", [
    ("соседки сказали, a та ответила", "соседки сказали, а та ответила"),  # a Latin "a" for the conjunction
    ("СМИ пишут o том, что", "СМИ пишут о том, что"),
    ("ее словам, \u00a0Ольга\u00a0Смирнова\u2009— врач", "ее словам,  Ольга Смирнова — врач"),
    ("витамин C и группа A", "витамин C и группа A"),  # upper case: a Latin letter of its own
    ("Pfizer a BioNTech", "Pfizer a BioNTech"),  # no Cyrillic word before it
])
def test_the_analysis_reads_plain_spaces_and_one_alphabet(text, read):
    assert normalise_typography(text) == read
    assert len(normalise_typography(text)) == len(text)  # letter for letter: offsets stay


def test_an_english_quote_inside_german_marks_opens_its_own_pair():
    text = "„Компании (авиакомпаниям.— “Ъ”) считают, что Франция нарушает закон“,— говорится в заявлении."
    assert (0, text.index("“,—")) in pair_quotes(text)
    assert (text.index("“Ъ"), text.index("”")) in pair_quotes(text)


def test_variant_names_hold_their_own_commas():
    """`eval/perturb.py --variants` is comma-separated, and two variants' names hold commas."""
    assert variant_names("straight quotes,NBSP after dash, in names,plain-text outlet (straight, hyphen, dots, ё)") == [
        "straight quotes", "NBSP after dash, in names", "plain-text outlet (straight, hyphen, dots, ё)"]
