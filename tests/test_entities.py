"""Entities within a document and identities across documents (citata.entities, citata.registry)."""
import sys

import pytest

from citata.entities import DocEntity
from citata.pipeline import extract, extract_text, process
from citata.registry import Overrides, Registry
from citata.source import text_document
from conftest import BSNLP, CORPORA, EXAMPLES, ROOT, needs_corpora


@pytest.fixture(scope="module")
def seeds():
    return extract([str(EXAMPLES)])


def test_one_lavrov_per_article_with_his_role(seeds):
    for doc in seeds:
        lavrov = [e for e in doc.entity_index if e.type == "PER" and e.surname == "лавров"]
        assert len(lavrov) == 1, doc.source
        assert lavrov[0].name == "Сергей Лавров"
        assert any(r.startswith("министр иностранных дел") for r in lavrov[0].roles), lavrov[0].roles


def test_one_lavrov_across_articles_and_others_apart(seeds):
    ids = {}
    for doc in seeds:
        for m in doc.entities:
            if m["type"] == "PER":
                ids.setdefault(m["normal"].split()[-1], set()).add(m["entity_id"])
    assert len(ids["Лавров"]) == 1
    assert len(ids["Блинкен"]) == 1 and len(ids["Киселев"]) == 1
    assert len(ids["Лавров"] | ids["Блинкен"] | ids["Киселев"]) == 3
    speakers = {q.speaker.entity_id for doc in seeds for q in doc.quotes if q.speaker and q.speaker.kind == "person"}
    assert speakers == ids["Лавров"] | ids["Блинкен"] | ids["Киселев"]


def test_mentions_carry_nominative_normal_forms(seeds):
    normal = {m["text"]: m["normal"] for doc in seeds for m in doc.entities}
    assert normal["Энтони Блинкеном"] == "Энтони Блинкен"
    assert normal["Сергея Лаврова"] == "Сергей Лавров"
    assert normal["Лаврова"] == "Лавров"
    assert normal["Казахстана"] == "Казахстан"


def test_outlets_and_datelines_are_not_persons_or_organisations():
    doc = extract_text("КИШИНЕВ, 2 фев — Sputnik. Об этом сообщает Sputnik Молдова со ссылкой на МИД.", plain=True)
    types = {m["text"]: m["type"] for m in doc.entities}
    assert not any(t == "PER" for t in types.values()), types
    assert types.get("КИШИНЕВ") in (None, "LOC")


def test_glued_surnames_are_split():
    doc = extract_text("Премьер Тереза Мэй встретилась с Борисом Джонсоном. "
                       "В своем обращении к Мэй Джонсон предупредил, что Британия станет колонией ЕС.", plain=True)
    assert "Мэй Джонсон" not in {m["text"] for m in doc.entities}
    [q] = [q for q in doc.quotes if "колонией" in q.content.text]
    assert q.speaker.name == "Борис Джонсон"


def _docs(*texts):
    return [text_document(f"doc{i}", t, plain=True) for i, t in enumerate(texts)]


def test_same_surname_other_first_name_is_another_person():
    docs = list(process(_docs(
        "Министр иностранных дел Украины Павел Климкин заявил, что переговоры продолжатся.",
        "Климкин отметил, что позиция Киева не изменилась.",
        "Глава МИД России Сергей Лавров заявил, что Москва готова к диалогу.",
        "Экономист Светлана Климкина заявила, что рост замедлится.",
    ), plain=True))
    ids = [{m["normal"]: m["entity_id"] for m in d.entities if m["type"] == "PER"} for d in docs]
    assert ids[0]["Павел Климкин"] == ids[1]["Климкин"]
    assert ids[0]["Павел Климкин"] != ids[2]["Сергей Лавров"]
    assert ids[3]["Светлана Климкина"] != ids[0]["Павел Климкин"]


def _person(key, name, first=None, roles=()):
    return DocEntity(key, "PER", name, first=first, surname=name.split()[-1].lower(), roles=list(roles),
                     aliases=[name])


def test_bare_surname_joins_only_an_unambiguous_holder():
    reg = Registry()
    barack = reg.link([_person("a", "Барак Обама", "бар", ["президент США"])])["a"]
    michelle = reg.link([_person("b", "Мишель Обама", "миш", ["первая леди"])])["b"]
    bare = reg.link([_person("c", "Обама")])["c"]
    assert bare not in (barack, michelle)
    assert reg.link([_person("d", "Обама", roles=["президент"])])["d"] == barack


def test_spelling_variants_and_initials_join():
    reg = Registry()
    may = reg.link([_person("a", "Тереза Мэй", "тер")])["a"]
    assert reg.link([_person("b", "Тереза Мей", "тер")])["b"] == may
    assert reg.link([_person("c", "Т. Мэй", "т")])["c"] == may


def test_ids_are_stable_when_a_fuller_name_arrives():
    reg = Registry()
    first = reg.link([_person("a", "Лавров")])["a"]
    assert reg.link([_person("b", "Сергей Лавров", "сер")])["b"] == first
    assert reg.by_id[first].name == "Сергей Лавров"


def test_overrides_merge_alias_and_split(tmp_path):
    path = tmp_path / "overrides.tsv"
    path.write_text("# corrections\n"
                    "merge\tPER:Сергей Лавров\tPER:С. Лавровъ\n"
                    "alias\tPER:Сергей Лавров\tглава российской дипломатии\n"
                    "split\tАнна Иванова\n", encoding="utf-8")
    reg = Registry(overrides=Overrides(path))
    lavrov = reg.link([_person("a", "Сергей Лавров", "сер")])["a"]
    assert reg.link([DocEntity("b", "PER", "глава российской дипломатии", aliases=["глава российской дипломатии"])])["b"] == lavrov
    ivanova = reg.link([_person("c", "Анна Иванова", "анн")])["c"]
    assert reg.link([_person("d", "Иванова")])["d"] != ivanova


def test_bad_override_line_names_the_file(tmp_path):
    path = tmp_path / "overrides.tsv"
    path.write_text("join\tA\tB\n", encoding="utf-8")
    with pytest.raises(ValueError, match="overrides.tsv:1"):
        Overrides(path)


def test_registry_round_trips_through_dicts():
    reg = Registry()
    reg.link([_person("a", "Сергей Лавров", "сер", ["министр иностранных дел"])], date="2022-02-02")
    copy = Registry([type(i).from_dict(i.to_dict()) for i in reg.identities()])
    [ident] = copy.identities()
    assert ident.roles["министр иностранных дел"] == ["2022-02-02", "2022-02-02"]
    assert copy.link([_person("b", "Лавров")])["b"] == ident.id


@needs_corpora
def test_corpus_linking_and_lemmas_meet_the_floor():
    sys.path.insert(0, str(ROOT / "eval"))
    from entities import evaluate

    r = evaluate(CORPORA)
    assert r["citata"]["lemma"] >= 0.95
    assert r["citata"]["link"][2] >= 0.95
    assert r["citata"]["lemma"] > r["natasha"]["lemma"] - 0.005


@needs_corpora
def test_a_person_noun_opening_a_name_is_not_part_of_it():
    # NER spans that take in the noun before the name: "INTERFAX.RU - Христианка Асия Биби, …",
    # "отметил Ксендз Вальдемар Цисло", "обращались Папа Римский и …" (a title used as a name).
    raw = BSNLP / "asia_bibi" / "raw"
    docs = extract([str(raw / f"asia_bibi_ru.txt_file_{n}.txt") for n in (115, 148, 113)])
    people = [{e.name for e in doc.entity_index if e.type == "PER"} for doc in docs]
    assert "Асия Биби" in people[0] and not any(n.startswith("Христианка") for n in people[0]), people[0]
    assert "Вальдемар Цисло" in people[1] and not any(n.startswith("Ксендз") for n in people[1]), people[1]
    assert "Римский" not in people[2], people[2]


def test_a_name_that_is_also_a_noun_keeps_it():
    doc = extract_text("Лев Толстой написал роман. Вера Брежнева выступила в Москве.", plain=True)
    people = {e.name for e in doc.entity_index if e.type == "PER"}
    assert {"Лев Толстой", "Вера Брежнева"} <= people, people
