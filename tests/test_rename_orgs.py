"""eval/rename_orgs.py, the organisation-substitution test of issue 14 (wt-orgname27): a new name put in
every form of an organisation's name, in the case its original has in the sentence, the verbs that agree
with it in the new name's gender; and the constructions it found citata losing on names in quotation marks."""
import re
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "eval"))

from rename_orgs import CLASS_POOL, OrgName, agreeing_verb, in_case, is_place, load_pools, rename_article  # noqa: E402

from citata.pipeline import extract_text  # noqa: E402


def test_every_pool_short_name_is_its_full_names_initials_or_some_of_its_words():
    # the scorer takes "МИД" for "Министерство иностранных дел" (initials) and a name for one holding
    # all its words; a short name of another shape would score a right speaker wrong
    pools = load_pools()
    assert {"company in guillemets", "Latin-script name", "abbreviation", "foreign state body", "court", "party",
            "union"} <= set(pools)
    for names in pools.values():
        for n in names:
            full = [w.lower() for w in re.findall(r"\w+", n.full.replace("*", ""))]
            short = re.findall(r"\w+", n.short.replace("*", ""))
            rest = [w for w in short if not (w.isupper() and len(w) > 1)]
            abbreviations = [w for w in short if w.isupper() and len(w) > 1]
            assert all(w.lower() in full for w in rest), n
            assert all(w in "".join(f[0] for f in full).upper() for w in abbreviations), n


def test_a_new_name_declines_its_marked_words_and_keeps_the_rest():
    assert in_case("компания* «Волжский терминал»", "f", "gent") == "компании «Волжский терминал»"
    assert in_case("«Волжский* терминал*»", "m", "loct") == "«Волжском терминале»"
    assert in_case("«Северная* верфь*»", "f", "accs") == "«Северную верфь»"
    assert in_case("«Уральские* самоцветы*»", "p", "gent") == "«Уральских самоцветов»"
    assert in_case("Объединённая* судостроительная* группа*", "f", "ablt") == "Объединённой судостроительной группой"
    assert in_case("Либерально-демократическая* партия* Кении", "f", "datv") == "Либерально-демократической партии Кении"
    assert in_case("Научно-исследовательский* институт* прикладной акустики", "m", "accs") == \
        "Научно-исследовательский институт прикладной акустики"  # inanimate: the accusative is the nominative
    assert in_case("Northwind Airlines", "f", "loct") == "Northwind Airlines"


def test_a_verb_takes_the_new_names_gender_and_number():
    assert agreeing_verb("заявила", "m") == "заявил"
    assert agreeing_verb("сообщил", "p") == "сообщили"
    assert agreeing_verb("уверена", "n") == "уверено"
    assert agreeing_verb("заявление", "m") is None


TEXT = ("Еврокомиссия заявила, что проверит сделку. В Еврокомиссии уточнили, что решение примут в мае. "
        "Руководство Ryanair назвало забастовку ненужной. Ryanair сообщила об отмене рейсов.")


def _mentions(text):
    out = []
    for name, key in (("Еврокомиссия", "ORG:еврокомиссия"), ("Еврокомиссии", "ORG:еврокомиссия"),
                      ("Ryanair", "ORG:ryanair")):
        for m in re.finditer(re.escape(name) + r"\b", text):
            out.append((m.start(), m.end(), "ORG", key, "Еврокомиссия" if key.endswith("комиссия") else "Ryanair"))
    return out


def test_an_organisation_is_renamed_in_every_case_with_its_verbs_agreeing():
    pool = [OrgName("court", "Конституционный* суд* Эквадора", "m", "КС Эквадора", "m"),
            OrgName("company in guillemets", "холдинг* «Северная верфь»", "m", "«Северная* верфь*»", "f")]
    entry = {"file": "test", "quotes": [{"speaker": s, "speaker_kind": "organization", "content": [0, 1]}
                                        for s in ("Еврокомиссия", "руководство Ryanair")]}
    r = rename_article(entry, TEXT, _mentions(TEXT), pool)
    names = [q["speaker"] for q in r.entry["quotes"]]
    # one word takes the short name; the order of the pool is fixed by the article's path, so read it back
    first = "КС Эквадора" if names[0] == "КС Эквадора" else "«Северная верфь»"
    assert names[0] == first
    if first == "КС Эквадора":
        assert r.text == ("КС Эквадора заявил, что проверит сделку. В КС Эквадора уточнили, что решение примут в мае. "
                          "Руководство «Северной верфи» назвало забастовку ненужной. «Северная верфь» сообщила об отмене рейсов.")
        assert names[1] == "руководство «Северной верфи»"
    else:
        assert r.text == ("«Северная верфь» заявила, что проверит сделку. В «Северной верфи» уточнили, что решение примут "
                          "в мае. Руководство КС Эквадора назвало забастовку ненужной. КС Эквадора сообщил об отмене рейсов.")
        assert names[1] == "руководство КС Эквадора"


@pytest.mark.parametrize("name", ["«Газпрома»", "«Северной верфи»", "компании «Волжский терминал»"])
def test_a_findings_subject_holds_a_name_in_quotation_marks(name):
    doc = extract_text(f"Однако исследования {name} показали, что никаких побочных эффектов не наблюдалось.")
    q, = doc.quotes
    assert q.content.text == "никаких побочных эффектов не наблюдалось"
    assert name.split("«")[1].split()[0][:5] in q.speaker.name


@pytest.mark.parametrize("name, speaker", [("российском «Газпроме»", "Газпром"),
                                           ("российском «Волжском терминале»", "Волжский терминал"),
                                           ("российском МИДе", "МИД")])
def test_a_body_in_quotation_marks_in_the_locative_speaks_as_far_from_the_cue_as_one_without(name, speaker):
    doc = extract_text(f"В {name} уход министра расценили как нежелание оставаться в дырявой шлюпке.")
    q, = doc.quotes
    assert q.content.text == "нежелание оставаться в дырявой шлюпке"
    assert q.speaker.name == speaker



@pytest.mark.parametrize("text, speaker", [
    ("Социалистическая партия Португалии выступила против. В партии «Новые горизонты» сообщили, что закон нужен.",
     "Новые горизонты"),
    ("Партия «Единая Россия» выступила против. Закон нужен, заявили в партии «Справедливая Россия».",
     "Справедливая Россия"),
])
def test_a_class_noun_with_its_own_name_in_quotation_marks_is_that_organisation_not_the_last_of_its_class(text, speaker):
    q, = [q for q in extract_text(text).quotes if q.content.text.startswith("закон нужен") or q.content.text == "Закон нужен"]
    assert q.speaker.name == speaker


def test_a_declined_name_after_a_body_noun_is_its_genitive_not_its_name():
    # "пресс-служба «Аэрофлота»": the service of the airline, not an organisation called «Аэрофлота»
    q, = extract_text("В пресс-службе «Аэрофлота» сообщили, что рейсы отменят.").quotes
    assert q.speaker.name != "Аэрофлота"


CLASS_TEXT = ("Ирландская авиакомпания Ryanair отменила рейсы. Верховный суд Пакистана оправдал Биби. "
              "Южная Корея заявила протест. Ryanair сообщила, что пассажирам вернут деньги.")


def _class_mentions(text):
    out = []
    for name, key in (("Ryanair", "ORG:ryanair"), ("Верховный суд Пакистана", "ORG:верховный суд пакистана"),
                      ("Южная Корея", "ORG:южная корея")):
        for m in re.finditer(re.escape(name), text):
            out.append((m.start(), m.end(), "ORG", key, name))
    return out


def test_a_class_keeping_pool_renames_each_organisation_within_its_class_and_leaves_a_country_alone():
    # an airline is renamed to an airline, a court to a court (its head noun); "Южная Корея", which NER
    # may tag as an organisation where it speaks, keeps its name
    pools = {CLASS_POOL + "авиакомпания": [OrgName("x", "Northwind Airlines", "f", "Northwind", "f")],
             CLASS_POOL + "суд": [OrgName("x", "Конституционный* суд* Эквадора", "m", "КС Эквадора", "m")],
             CLASS_POOL + "компания": [OrgName("x", "Halvorsen Group", "f", "Halvorsen", "f")]}
    entry = {"file": "test", "quotes": [{"speaker": "Ryanair", "speaker_kind": "organization", "content": [0, 1]}]}
    r = rename_article(entry, CLASS_TEXT, _class_mentions(CLASS_TEXT), pools)
    assert r.text == ("Ирландская авиакомпания Northwind отменила рейсы. Конституционный суд Эквадора оправдал Биби. "
                      "Южная Корея заявила протест. Northwind сообщила, что пассажирам вернут деньги.")
    assert r.entry["quotes"][0]["speaker"] == "Northwind"
    assert is_place("Южная Корея") and is_place("Москвы") and not is_place("Ryanair")


def test_an_organisation_whose_class_has_no_pool_keeps_its_name():
    # a лига is not renamed to an "организация …": the article's "лига вынесла решение" would designate nothing
    text = "Арабская лига вынесла решение. Лига попросила ООН признать государство."
    mentions = [(0, 13, "ORG", "ORG:арабская лига", "Арабская лига")]
    pools = {CLASS_POOL + "организация": [OrgName("x", "Организация* по охране морей", "f", "ОПОМ", "f")]}
    r = rename_article({"file": "test", "quotes": []}, text, mentions, pools)
    assert r.text == text and r.kept == 1


def test_the_class_pools_cover_the_classes_the_renaming_keeps():
    pools = load_pools()
    for cls in ("авиакомпания", "министерство", "суд", "профсоюз", "партия", "компания"):
        assert len(pools[CLASS_POOL + cls]) >= 3, cls


@pytest.mark.parametrize("called", ["«Зелёный берег»", "компанию «Зелёный берег»", "ООН"])
def test_a_call_with_a_name_in_quotation_marks_before_its_quoted_infinitive_is_reported(called):
    # the name called on counts as one word of the window between the verb and the infinitive, as ООН does
    doc = extract_text(f"Глава делегации Саеб Эрекат призвал {called} «ответить на односторонние действия "
                       "Израиля признанием Палестинского государства».")
    q, = doc.quotes
    assert q.content.text.startswith("«ответить на односторонние действия")
    assert q.speaker.name == "Саеб Эрекат"


@pytest.mark.parametrize("company", ["Philips", "Meridian Rail"])
def test_a_quoted_role_reaches_its_holder_past_a_name_of_two_words_as_past_one(company):
    # the name in the role phrase is one word of the window between the role and its holder
    doc = extract_text("«Думаю, оно будет принято до конца года», цитирует infox.ru директора по стратегии и развитию "
                       f"бизнеса {company} в России, на Украине, в Белоруссии и Казахстане Елену Сябренко.")
    q, = doc.quotes
    assert q.speaker.name == "Елена Сябренко"
