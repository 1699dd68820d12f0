"""Titles that name one office (citata/data/role_synonyms.tsv, mined from the corpora's cross-document
identities by eval/mine_role_synonyms.py) and relations that are a title (role_relations.tsv), on
sentences written for the test (issue 14): each beside a neighbour that must keep its answer."""
from citata import lexicons as lex
from citata.names import canonical_role
from citata.nlp import morph
from helpers import the_speaker


def test_every_cell_of_the_role_tables_is_the_analysers_lemmas():
    # both sides are compared as canonical_role's lemmas: a cell off the analyser's normal form never matches
    analyser = morph()
    cells = [cell for name in ("role_synonyms.tsv", "role_relations.tsv") for row in lex.data_table(name) for cell in row]
    wrong = [w for cell in cells for w in cell.split() if w not in {p.normal_form for p in analyser.parse(w)}]
    assert not wrong


# --- the wife of a head of state is the first lady ----------------------------------------------------

FIRST_LADY = ("Избранный президент США Дональд Трамп заявил, что не разделяет мнение жены действующего "
              "американского лидера Мишель Обамы о будущем страны.\n\n"
              "Действующая первая леди США в интервью телеведущей выразила мнение, что эра надежд завершается.")


def test_the_first_lady_is_the_wife_of_the_countrys_leader_named_before():
    sp = the_speaker(FIRST_LADY, "эра надежд", holds=True)
    assert sp.name == "Мишель Обама" and sp.why[0] == "title → its holder named in the article"


def test_a_former_first_lady_is_not_the_wife_of_the_sitting_leader():
    # a qualifier must agree: "бывшая" is not "действующего"
    sp = the_speaker(FIRST_LADY.replace("Действующая первая леди", "Бывшая первая леди"), "эра надежд", holds=True)
    assert sp.name != "Мишель Обама"


def test_the_wife_of_a_party_leader_is_nobodys_first_lady():
    # a leader noun stands for a head of state only with a country named
    assert canonical_role("жена лидера партии") != canonical_role("первая леди")
    assert canonical_role("жены действующего американского лидера") == canonical_role("первая леди")


def test_a_ministers_wife_is_not_the_minister():
    # the relation noun heads the phrase: "супруга министра финансов" is not a title of the minister's
    assert canonical_role("супруга министра финансов")[0] != canonical_role("министр финансов")[0]


# --- mined synonyms -------------------------------------------------------------------------------------

def test_the_head_of_the_region_is_its_governor_named_before():
    # (the region's adjective set aside: "глава Свердловской области" is "губернатор свердловский")
    text = ("Губернатор Свердловской области Евгений Куйвашев посетил Нижний Тагил вместе с мэром "
            "Владимиром Пинаевым. Пинаев рассказал о планах.\n\n"
            "Глава Свердловской области заявил, что дорогу построят к осени.")
    sp = the_speaker(text, "дорогу построят", holds=True)
    assert sp.name == "Евгений Куйвашев" and sp.why[0] == "title → its holder named in the article"


def test_the_head_of_a_ministry_is_its_minister():
    assert canonical_role("главы министерства иностранных дел") == canonical_role("министр иностранных дел")
    assert canonical_role("глава российского правительства")[0] == canonical_role("премьер-министр")[0]
    assert canonical_role("председатель правительства РФ")[0] == canonical_role("премьер-министр")[0]
    # the complement still tells ministers apart, adjectives set aside after it
    assert canonical_role("глава российского министерства финансов")[:2] == canonical_role("министр финансов")[:2]


def test_a_leader_noun_is_the_head_of_a_named_body_whatever_its_title():
    text = ("Председатель Европейского совета Дональд Туск встретился с премьер-министром Великобритании "
            "Терезой Мэй. «Мы обсудили сроки», — сказала Мэй.\n\n"
            "Глава Европейского совета подчеркнул, что переговоры продолжатся.")
    sp = the_speaker(text, "переговоры продолжатся", holds=True)
    assert sp.name == "Дональд Туск" and sp.why[0] == "title → its holder named in the article"


def test_a_leader_noun_of_an_unnamed_body_is_no_one_elses_title():
    # "глава компании" may be anyone's title at a company: the director named before is not it
    text = ("Финансовый директор компании Иван Сидоров встретился с аналитиками. "
            "«Прибыль растет», — сказала аналитик Мария Петрова.\n\n"
            "Глава компании заявил, что цены снизятся.")
    sp = the_speaker(text, "цены снизятся", holds=True)
    assert sp.name != "Иван Сидоров"
