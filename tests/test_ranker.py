"""The candidate speaker mentions a learned ranker would compare (citata/quotes/ranker.py), on
sentences written for the test: which mentions compete, what each resolves to, and the features
that describe them."""
from citata.nlp import analyse
from citata.pipeline import build_document, extract_text
from citata.quotes import document_view, find, ranker, resolve
from citata.source import text_document


def candidates(text: str):
    """(quotes, candidates per quotation) as eval/train_ranker.py records them."""
    doc = build_document(text_document("<test>", text, plain=True), plain=True)
    analysis = analyse([doc.text])[0]
    view = document_view(doc.text, analysis)
    record: list = []
    quotes = resolve(view, find(view), observe=ranker.record_into(record))
    return quotes, record


def by_name(cands, surname: str):
    [c] = [c for c in cands if c.speaker is not None and c.speaker.name and surname in c.speaker.name]
    return c


TWO_PEOPLE = ("Министр финансов Иван Петров встретился в понедельник с послом Франции Пьером Дюраном. "
              "«Мы обсудили бюджет на следующий год», — сказал Петров журналистам после встречи.")


def test_the_rules_choice_comes_first_and_the_other_name_competes():
    quotes, [cands] = candidates(TWO_PEOPLE)
    assert quotes[0].speaker.name == "Иван Петров"
    first = cands[0]
    assert "rules" in first.sources and first.speaker.name == "Иван Петров"
    # the parse's subject of "сказал" is the same person: one candidate, two sources
    assert "parse_subject" in first.sources
    assert first.features["rel:nsubj"] == 1.0 and first.features["same_sentence"] == 1.0
    assert first.features["before_cue"] == 0.0  # "— сказал Петров": the name after the cue
    other = by_name(cands, "Дюран")
    assert "previous_sentence" in other.sources and other.features["previous_sentence"] == 1.0
    assert "rules" not in other.sources and other.features.get("source:rules", 0.0) == 0.0


def test_the_cue_verbs_gender_agrees_with_one_candidate_and_clashes_with_the_other():
    text = ("Мэр города Анна Смирнова посетила школу вместе с депутатом Олегом Ивановым. "
            "«Ремонт закончат к сентябрю», — пообещала она родителям.")
    quotes, [cands] = candidates(text)
    assert quotes[0].speaker.name == "Анна Смирнова"
    assert by_name(cands, "Смирнова").features["gender_agrees"] == 1.0
    ivanov = by_name(cands, "Иванов")
    assert ivanov.features["gender_clashes"] == 1.0 and ivanov.features.get("gender_agrees", 0.0) == 0.0


def test_a_name_inside_the_quotation_is_no_candidate():
    text = ("Глава района Сергей Орлов ответил на вопросы жителей. "
            "«Кузнецов обещал нам новую дорогу, но так ничего и не сделал», — заявил Орлов.")
    quotes, [cands] = candidates(text)
    assert quotes[0].speaker.name == "Сергей Орлов"
    assert not any(c.speaker is not None and c.speaker.name and "Кузнецов" in c.speaker.name for c in cands)


def test_a_phrase_kept_as_written_is_a_weak_rule_step_and_the_name_before_a_rival():
    text = ("Министр промышленности Иван Петров посетил завод в Туле. "
            "Эксперты считают, что цены на сталь вырастут уже весной.")
    quotes, [cands] = candidates(text)
    assert quotes[0].speaker.name == "Эксперты" and ranker.rules_step(quotes[0].speaker) == "phrase as written"
    first = cands[0]
    assert first.features["rules_step:as_written"] == 1.0 and first.features["rules_step_weak"] == 1.0
    assert first.features["mention:np"] == 1.0 and first.features["speaker:anonymous"] == 1.0
    rival = by_name(cands, "Петров")
    assert "previous_sentence" in rival.sources and rival.features["mention:per"] == 1.0
    # the rule step's features stand on the rules' candidate only (shared ones would cancel)
    assert rival.features.get("rules_step_weak", 0.0) == 0.0


def test_every_feature_the_code_sets_has_a_place_in_the_vector():
    for text in (TWO_PEOPLE, "«Все будет хорошо», — сказал он. Президент Петр Сидоров уехал.",
                 "Компания «Ромашка» сообщила, что закрывает завод. В пресс-службе добавили, что рабочих переведут."):
        _, record = candidates(text)
        for cands in record:
            assert 1 <= len(cands) <= ranker.MAX_CANDIDATES
            for c in cands:
                assert set(c.features) <= set(ranker.FEATURES)
                assert len(ranker.vector(c.features)) == len(ranker.FEATURES)


def test_recording_the_candidates_changes_no_speaker():
    text = TWO_PEOPLE + " Дюран добавил, что Франция готова помочь. «Это важный шаг», — отметил посол."
    quotes, record = candidates(text)
    plain = extract_text(text, plain=True).quotes
    assert len(record) == len(quotes) == len(plain)
    assert [q.speaker.name if q.speaker else None for q in quotes] == \
        [q.speaker.name if q.speaker else None for q in plain]
