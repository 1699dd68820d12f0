"""`nlp.DependencyParser`: natasha's syntax network driven without its wrappers must give exactly
natasha's own heads and relations, sentence for sentence, in batches of any size."""
from citata.nlp import dependency_parser, sentences, syntax_parser
from conftest import BSNLP, needs_corpora


def natasha(chunks):
    return [[(int(t.head_id), t.rel) for t in markup.tokens] for markup in syntax_parser().map(chunks)]


def test_heads_and_relations_are_natashas():
    chunks = [s.split() for s in (
        "Министр заявил , что переговоры продолжатся .",
        "« Мы не согласны » , — сказал Петров журналистам .",
        "По словам эксперта , цены вырастут .",
    )]
    parsed = dependency_parser().parse(chunks)
    assert parsed == natasha(chunks)
    assert parsed[0][1] == (0, "root")  # "заявил" heads the first sentence
    assert parsed[0][0] == (2, "nsubj")


def test_more_sentences_than_a_batch_and_an_empty_one():
    chunks = [["Он", "сказал", "это", "."]] * 11 + [[]]
    parsed = dependency_parser().parse(chunks)
    assert parsed[:11] == natasha(chunks[:11]) and parsed[11] == []


@needs_corpora
def test_every_sentence_of_some_news_pages():
    for path in sorted(BSNLP.glob("*/raw/*.txt"))[::60]:
        text = path.read_text(encoding="utf-8", errors="replace")
        chunks = [[t.text for t in s.tokens] for s in sentences(text)]
        assert dependency_parser().parse(chunks) == natasha(chunks), path.name
