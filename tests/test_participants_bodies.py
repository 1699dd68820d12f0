"""The document's participants (issue 14, stage 2: mention -> speaker): which class nouns an
organisation is known by, so that a bare class noun ("В профсоюзе отметили") goes to it. Each test
beside a near neighbour that keeps its answer; sentences written for the test after
ryanair/raw/ryan-ru_file_105.txt and ryan-ru_file_12.txt."""
from helpers import name_at as speaker_of


def test_a_union_named_past_its_members_is_known_by_its_class_noun():
    text = ('Представитель профсоюза пилотов Vereinigung Cockpit в Германии рассказала, что работники '
            'авиакомпании постоянно несут убытки. В профсоюзе отметили, что пилоты хотят справедливой оплаты труда.')
    assert speaker_of(text, "пилоты хотят") == "Vereinigung Cockpit"


def test_a_name_the_article_gives_another_class_is_the_members_employer():
    # "профсоюз пилотов Ryanair" is Ryanair's pilots' union: Ryanair is an airline here, no union
    text = ('Авиакомпания Ryanair отменила 250 рейсов. Представитель профсоюза пилотов Ryanair рассказал, что '
            'работники несут убытки. В профсоюзе отметили, что пилоты хотят справедливой оплаты труда.')
    assert speaker_of(text, "пилоты хотят") != "Ryanair"


def test_a_plural_class_noun_before_the_members_is_not_the_names_class():
    # "Профсоюзы бортпроводников Ryanair": several unions of Ryanair's crews, none of them Ryanair
    text = ('Профсоюзы бортпроводников Ryanair объявили забастовку. В профсоюзе отметили, что '
            'бортпроводники хотят справедливой оплаты труда.')
    assert speaker_of(text, "бортпроводники хотят") != "Ryanair"


def test_a_role_whose_complement_joins_two_nouns_is_the_names_role():
    # the role index walks past "и" between two genitives of one role's complement
    text = ('Заведующая отделением кардиологии и реанимации Светлана Андреева рассказала о первых днях вакцинации. '
            'Очереди у кабинетов появились уже утром. «Серьезных побочных эффектов не зафиксировано», — '
            'отметила заведующая.')
    assert speaker_of(text, "Серьезных побочных") == "Светлана Андреева"


def test_a_role_before_another_nominative_joined_by_and_is_someone_elses():
    # "заведующая отделением и медсестра Светлана Андреева": two people; the name is the nurse's
    text = ('Заведующая отделением и медсестра Светлана Андреева рассказали о первых днях вакцинации. '
            'Очереди у кабинетов появились уже утром. «Серьезных побочных эффектов не зафиксировано», — '
            'отметила заведующая.')
    assert speaker_of(text, "Серьезных побочных") != "Светлана Андреева"
