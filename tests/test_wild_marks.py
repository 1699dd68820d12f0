"""Quotation marks as the wild writes them (issue 14, twenty-eighth session): guillemets mangled into
<<…>> or <…>, ‹…›, ''…'', ‘’…’’, '…' and ‘…’ as the only marks, «…" and "…» pairs, doubled ««…»»,
HTML references for the marks — the same quotation and speaker as with guillemets, the document's text
as written; and apostrophes in names, contractions, inch marks and "<" in text left alone."""
import pytest

from citata.pipeline import extract_text
from citata.quotes.marks import read_marks
from helpers import quotation_spans

# Written for the test: a direct quotation with its attribution after it, one before it, and a
# quoted organisation as the speaker.
GUILLEMETS = ("Министр финансов Иван Петров выступил в Думе. «Мы не будем повышать налоги в этом году», "
              "— сказал Петров. Депутат Анна Лебедева возразила: «Бюджет этого не выдержит».")
SHAPES = {
    "<<…>>": ("<<", ">>"), "<…>": ("<", ">"), "‹…›": ("‹", "›"), "''…''": ("''", "''"),
    "‘’…’’": ("‘’", "’’"), "'…'": ("'", "'"), "‘…’": ("‘", "’"), '«…"': ("«", '"'), '"…»': ('"', "»"),
    "««…»»": ("««", "»»"), "&laquo;…&raquo;": ("&laquo;", "&raquo;"),
}


def _written(opening: str, closing: str) -> tuple[str, callable]:
    """GUILLEMETS with its marks written as `opening` and `closing`, and the map of its offsets."""
    text = GUILLEMETS.replace("«", opening).replace("»", closing)
    starts = [i for i, c in enumerate(GUILLEMETS) if c in "«»"]

    def to_new(offset: int) -> int:
        shift = sum(len(opening if GUILLEMETS[s] == "«" else closing) - 1 for s in starts if s < offset)
        return offset + shift
    return text, to_new


@pytest.mark.parametrize("shape", SHAPES)
def test_a_wild_pair_gives_the_quotation_and_speaker_of_guillemets(shape):
    original = quotation_spans(GUILLEMETS)
    assert [who for *_, who in original] == ["Иван Петров", "Анна Лебедева"]
    text, to_new = _written(*SHAPES[shape])
    if shape.startswith("&"):  # the source stage decodes the references: the text read is GUILLEMETS
        text, to_new = GUILLEMETS, (lambda offset: offset)
        assert extract_text(_written(*SHAPES[shape])[0]).text == GUILLEMETS
    expected = [(t, to_new(s), to_new(e), who) for t, s, e, who in original]
    got = quotation_spans(text)
    # a two-letter mark leaves a space inside the quotation: the span may hold it or not
    assert [(t, who) for t, _, _, who in got] == [(t, who) for t, _, _, who in expected]
    for (_, s, e, _), (_, s0, e0, _) in zip(got, expected):
        assert text[s:e].strip() == text[s0:e0].strip()


def test_the_document_keeps_its_marks_as_written():
    text = "Иван Петров выступил в Думе. <<Мы не будем повышать налоги>>, — сказал Петров."
    doc = extract_text(text, plain=True)
    assert doc.text == text
    [q] = doc.quotes
    assert q.content.text.strip() == "Мы не будем повышать налоги"
    assert "<<" in doc.text[q.content.start - 2:q.content.end + 2]


def test_kommersant_doubled_single_quotes_around_a_name():
    # (the opening guillemet next to the word: "сообщает « Лента.ру »" would read as a relay's stripped link)
    assert read_marks("в комментарии ‘’Ъ FM’’ он сказал") == "в комментарии  «Ъ FM » он сказал"


@pytest.mark.parametrize("text", [
    "Генеральный директор Ryanair Майкл О'Лири заявил, что забастовки не повлияют на расписание.",
    "Майкл О’Лири и д'Артаньян пришли, а Д’Артаньян ушёл.",
    "He said 'they don't care' and left; it's the players' union.",
    "Рост 5'11\" и отрезок 10' — не цитата, как и 3’ на табло.",
    "В акции участвовали <100 человек, а в пикете > 20.",
    "Если x<y и y>z, то x<z.",
    "«Он работает в «Газпроме»», — сказала она.",
    "««Газпром» и «Роснефть»» — так называлась статья.",
    'Компания «Проект "Сноб” — Общество» закрылась.',
    "Она сказала: «Мы уходим». Он ответил: \"Нет\".",
])
def test_apostrophes_inches_comparisons_and_true_nesting_stay(text):
    assert read_marks(text) == text


def test_a_single_quote_pair_needs_russian_words_inside():
    assert read_marks("Он назвал её 'Brexit' ещё в 2016 году.") == "Он назвал её 'Brexit' ещё в 2016 году."
    assert read_marks("Он сказал: 'Мы уходим'.") == "Он сказал: «Мы уходим»."


def test_a_relay_names_its_outlet_in_mangled_guillemets():
    text = "Между тем, сообщает <<Лента.ру>>, число арестованных достигло 1,5 тысячи."
    [q] = extract_text(text, plain=True).quotes
    assert q.speaker.name == "Лента.ру"


def test_a_pair_does_not_run_over_a_paragraph():
    text = "Он сказал: <<Мы уходим\n\nЗавтра>> будет видно."
    assert read_marks(text) == text


def test_an_apostrophe_name_speaks_in_single_quotes():
    text = "Глава Ryanair Майкл О'Лири выступил в Дублине. 'Забастовки нам не помешают', — заявил О'Лири."
    [q] = extract_text(text, plain=True).quotes
    assert q.content.text == "Забастовки нам не помешают"
    assert q.speaker.name == "Майкл О'Лири"
