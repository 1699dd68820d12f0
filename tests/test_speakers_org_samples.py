"""Organisations as speakers, from the errors of the judged samples of unannotated text (issue 14,
twentieth session, eval/speaker_org_sample.tsv and eval/speaker_dev_sample*.tsv): a body whose name
NER tags apart from the country or parent body after it speaks with its whole name. Sentences
written for the test; each class beside a near neighbour that keeps today's answer."""
import pytest

from helpers import name_and_kind_at as speaker_of


@pytest.mark.parametrize("text, start, speaker", [
    # the country after the ministry is its genitive: the ministry of that country speaks
    ("Министерство внутренних дел Турции заявило, что полиция задержала троих подозреваемых.",
     "полиция задержала", "Министерство внутренних дел Турции"),
    # a service of a broadcaster: the broadcaster's name is part of the service's
    ("Как сообщает Русская служба Би-би-си, переговоры продолжатся в понедельник.",
     "переговоры продолжатся", "Русская служба Би-би-си"),
    # a department of a ministry of a country: each name governs the next
    ("Как сообщил Департамент информации МИД Казахстана, посол вернется в Астану в пятницу.",
     "посол вернется", "Департамент информации МИД Казахстана"),
])
def test_a_body_speaks_with_the_names_that_follow_it(text, start, speaker):
    assert speaker_of(text, start) == (speaker, "organization")


@pytest.mark.parametrize("text, start, speaker", [
    # no name after the body: its name as it stands
    ("Министерство финансов заявило, что бюджет будет исполнен в срок.",
     "бюджет будет исполнен", "Министерство финансов"),
    # the union's name, then words before the airline's name: the airline is not the union's name
    ("Профсоюз Forsa ирландской авиакомпании Ryanair объявил, что 12 июля начнет забастовку.",
     "12 июля начнет", "Forsa"),
])
def test_a_body_with_no_name_right_after_it_keeps_its_own(text, start, speaker):
    assert speaker_of(text, start) == (speaker, "organization")

