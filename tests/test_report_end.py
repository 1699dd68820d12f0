"""Where an indirect report ends (issue 14): before a comma that opens a constituent of the cue's
own clause — a second predicate of the speaker, a clause joined to the main one, a gerund of the
cue — as natasha's parse hangs it, and not before a constituent of the report itself (a second
conjunct of its clause, a reason, a relative clause, a second что-clause). Sentences written for
the test, and one line of an unannotated FactRuEval article.

The speaker's own next predicate, read from the words where the parse hangs it on the report's
nearest predicate (`content.speaker_predicate_resumes`): "и"/"а" and a speech verb with its own
complementizer, with or without a comma; ", а" or ", и", an adverbial with no nominative, and a verb
agreeing with the cue — only where the report holds no subject that verb could share."""
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


@pytest.mark.parametrize("text, expected", [
    # a second statement with its own complementizer and no comma before "и": two quotations
    ("Министр также напомнил, что уже внёс в Думу законопроект о налогах и подчеркнул, что правительство "
     "намерено снизить ставки.",
     [("уже внёс в Думу законопроект о налогах", "Министр"), ("правительство намерено снизить ставки", "Министр")]),
    # an adverbial between ", а" and the speaker's next past verb
    ("Посол подчеркнул, что у страны много друзей в Европе, а в качестве примера привёл соглашение с Францией.",
     [("у страны много друзей в Европе", "Посол")]),
    # the same in the present, the report's subject of another number than the verb
    ("Мэр говорит, что запасы угля достаточны, а в подтверждение приводит данные складов.",
     [("запасы угля достаточны", "Мэр")]),
])
def test_the_report_ends_where_the_speaker_s_next_predicate_begins(text, expected):
    assert said(text) == expected


@pytest.mark.parametrize("text, content", [
    # the verb shares the report's subject: the report's own second predicate
    ("Министр заявил, что рост ускорился, а в 2019 году замедлился.", "рост ускорился, а в 2019 году замедлился"),
    ("Она заявила, что вакцина безопасна, а в прошлом году получила одобрение регулятора.",
     "вакцина безопасна, а в прошлом году получила одобрение регулятора"),
    ("Он сообщил, что Иванов солгал и подчеркнул, что суд состоится.", "Иванов солгал и подчеркнул, что суд состоится"),
    # a verb that does not agree with the cue is not the speaker's
    ("Министр сообщил, что Анна Петрова уволилась и заявила, что подаст в суд.",
     "Анна Петрова уволилась и заявила, что подаст в суд"),
    # the verb's subject follows it
    ("Эксперты признают, что комиссия остаётся ведущим институтом, и от её работы во многом зависят успехи союза.",
     "комиссия остаётся ведущим институтом, и от её работы во многом зависят успехи союза"),
    # a nominative in the gap opens a clause of its own
    ("Судьи постановили, что доказательств недостаточно, а признательные показания она дала под давлением.",
     "доказательств недостаточно, а признательные показания она дала под давлением"),
])
def test_the_report_goes_on_where_the_verb_may_be_its_own(text, content):
    assert contents(text)[0] == content


@pytest.mark.parametrize("text, expected", [
    # "и" + a second past verb with no comma, the report's subject its own or unsaid: the report's
    # predicate, never cut (the cue's subject shared by both verbs is one unannotated place in the
    # corpora, a copy of one tune sentence: eval/survey_report_ends.py shapes, "second predicate, no comma")
    ("Он сказал, что родился в Москве и учился в Петербурге.", "родился в Москве и учился в Петербурге"),
    ("Эксперты утверждают, что бортпроводники получают до 40 тысяч евро в год и имеют оплачиваемые больничные.",
     "бортпроводники получают до 40 тысяч евро в год и имеют оплачиваемые больничные"),
])
def test_a_second_predicate_without_a_comma_stays_in_the_report(text, expected):
    assert contents(text) == [expected]


# A backward "Об этом …" report: the narrating sentences of its paragraph when they run from the
# paragraph's start (tests/test_quotes.py), its last sentence alone when another report stands earlier
# in the paragraph — the tune gold's convention in each of its two places of each kind.
@pytest.mark.parametrize("text, content", [
    ("Министр накануне объявил о своей отставке из-за разногласий с премьером. Назначение преемника было "
     "одобрено через 12 часов. На этом посту его сменил Иван Петров. Об этом сообщила пресс-служба правительства.",
     "На этом посту его сменил Иван Петров"),
    ("Власти уже признали право работников на профсоюзы. Кроме того, компания выплатит пассажирам компенсацию. "
     "Пилоты проводят пятую забастовку за лето. Сегодня лоукостер летает в 37 стран. Об этом говорится в "
     "пресс-релизе авиакомпании.",
     "Сегодня лоукостер летает в 37 стран"),
])
def test_about_this_after_another_report_of_its_paragraph_takes_the_last_sentence(text, content):
    assert contents(text)[-1] == content


@pytest.mark.parametrize("text, content", [
    # ", ранее" + a participle qualifies a noun of the report: the content goes on
    ("Новым министром назначен Иван Петров, ранее занимавший пост заместителя министра. Об этом сообщила "
     "пресс-служба правительства.",
     "Новым министром назначен Иван Петров, ранее занимавший пост заместителя министра"),
    ("Министр сообщил, что в отставку ушел Иван Петров, ранее возглавлявший департамент.",
     "в отставку ушел Иван Петров, ранее возглавлявший департамент"),
    # ", ранее" opening a clause of its own is the writer's time link: the content ends before it
    ("Министр сообщил, что в отставку ушел Иван Петров, ранее он возглавлял департамент.",
     "в отставку ушел Иван Петров"),
])
def test_earlier_opens_the_writer_s_clause_but_not_a_participle(text, content):
    assert contents(text)[0] == content
