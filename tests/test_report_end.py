"""Where an indirect report ends (issue 14): before a comma that opens a constituent of the cue's
own clause — a second predicate of the speaker, a clause joined to the main one, a gerund of the
cue — as natasha's parse hangs it, and not before a constituent of the report itself (a second
conjunct of its clause, a reason, a relative clause, a second что-clause). Sentences written for
the test, and one line of an unannotated FactRuEval article."""
import pytest

from helpers import said


def contents(text):
    return [content for content, _ in said(text)]


@pytest.mark.parametrize("text, content", [
    # a second predicate of the speaker in the cue's tense, hung on the cue
    ("Жители говорят, что им нечего есть, и винят в этом местные власти.", "им нечего есть"),
    # the same, hung by the parse on the report's predicate, whose number it does not share
    ("Пресс-служба сообщает, что рейсы отменены, и просит пассажиров следить за новостями.", "рейсы отменены"),
    ("Врачи считают, что вакцина безопасна, и рекомендуют прививаться.", "вакцина безопасна"),
    # a gerund of the cue
    ("Министр заявил, что налоги не вырастут, сославшись на данные Минфина.", "налоги не вырастут"),
    # a report noun's clause resumes with a subject of its own (factrueval-2016/devset/book_176.txt)
    ("Ранее в декабре появилась информация о том, что Путин после ухода с поста президента может возглавить "
     "союзное государство России и Белоруссии, но она была опровергнута официальными представителями Путина.",
     "Путин после ухода с поста президента может возглавить союзное государство России и Белоруссии"),
])
def test_the_report_ends_where_the_cue_clause_resumes(text, content):
    assert contents(text) == [content]


@pytest.mark.parametrize("text, content", [
    # a second conjunct of the reported clause
    ("Министр заявил, что цены выросли, а зарплаты упали.", "цены выросли, а зарплаты упали"),
    # a second predicate in the report's tense is the report's, whatever the parse hangs it on
    ("Лидер оппозиции сообщил, что желает скорейшего прекращения кризиса, но требует немедленной ликвидации "
     "военных с улиц.",
     "желает скорейшего прекращения кризиса, но требует немедленной ликвидации военных с улиц"),
    # a gerund of the reported predicate
    ("Он заявил, что компания сократит расходы, сохранив при этом рабочие места.",
     "компания сократит расходы, сохранив при этом рабочие места"),
    # a reason with its own subordinator
    ("Перевозчик объявил, что забастовки не имеют оправдания, так как компания пошла навстречу работникам.",
     "забастовки не имеют оправдания, так как компания пошла навстречу работникам"),
    # relative clauses, which the tune gold's annotators keep in the report (eval/survey_report_ends.py relative)
    ("Источник сообщил, что поводом для решения стали переговоры в резиденции Чекерс, где вчера назначен "
     "новый министр.",
     "поводом для решения стали переговоры в резиденции Чекерс, где вчера назначен новый министр"),
    ("Они объявили, что присоединятся к протесту в пятницу, что может перерасти в беспорядки.",
     "присоединятся к протесту в пятницу, что может перерасти в беспорядки"),
    # a second что-clause of the same cue
    ("Он сказал, что решение принято, и что отменять его никто не будет.",
     "решение принято, и что отменять его никто не будет"),
    # after a colon the clauses are all the speaker's
    ("Мэй объявила: Великобритания выступает за зону свободной торговли, а министры, которые станут выражать "
     "недовольство планом, будут отправлены в отставку.",
     "Великобритания выступает за зону свободной торговли, а министры, которые станут выражать недовольство "
     "планом, будут отправлены в отставку"),
])
def test_the_report_goes_on_through_its_own_constituents(text, content):
    assert contents(text) == [content]
