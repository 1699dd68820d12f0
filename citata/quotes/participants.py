"""The document's participants: who the article introduces, and by which words it may refer
back to them. Stage 2 (mention -> speaker) looks a role noun or a class noun up here instead
of taking the last name seen.

- A person: the `names.NameIndex` person (every form of the name), with the heads of the
  role phrases the article puts next to the name ("заведующая поликлиникой №2 Светлана
  Андреева", "Кенни Джейкобс, директор компании по маркетингу,") and a gender.
- An organisation: its named mentions, with the class nouns the article puts before them
  ("телекомпания НТВ", "лоукостер Ryanair", "Институт имени Роберта Коха") widened through
  `org_classes.tsv` (a лоукостер is an авиакомпания, a перевозчик, a компания), and "media"
  for a known outlet (any media noun then fits: "По данным телекомпании" after "сообщает НТВ").
  A foreign organisation the article spells in Russian and glosses with its original ("«Пфайзер»
  (Pfizer)") is one participant under both spellings, later mentions in any case included
  («Пфайзером»), and goes by the original: outlets transliterate one name differently
  (Пфайзер, Файзер) and most print it in Latin, so the original is the name an archive can keep.

- An unnamed participant: a person or group the article quotes without a name ("Представитель
  Министерства сельского хозяйства Германии", "Врачи, прооперировавшие … Гиффордс"), as its
  quotation's speaker phrase gives it, with its head noun, number and gender: a later bare person
  noun of that head or of one `unnamed_person_antecedents.tsv` lets stand for it ("Чиновник",
  "докторов") refers back to it (`unnamed_participant`, `stands_for`).

Lookups return the most recent participant, mentioned before the offset and outside any
quotation, whose role or class and gender fit. Work is linear in the document's entities.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicons as lex
from ..countries import country_of
from ..names import MARK_CHARS, NAME_MARKS, OPENING_MARKS, SEX_OF_GENDER, Person, is_nominative_name, spells_latin
from ..orgs import is_known_body, org_key
from ..nlp import Entity, parse
from .view import QUOTE_MARKS, DocView

# prepositions that open a role's own complement: "министр по делам", "посол в России", "координатор с
# британской стороны", "лидер движения против нелегальной иммиграции" (not "после отставки")
ROLE_PREPOSITIONS = frozenset(("по", "при", "в", "во", "на", "из", "от", "с", "со", "для", "против"))
CYRILLIC = re.compile(r"[А-ЯЁа-яё]")
NAME_WORDS = re.compile(r"[\w&'-]+")
WINDOW = 3000  # characters back that a role or class noun may reach for its participant
MEDIA = "media"


@lru_cache(maxsize=100_000)  # a function of the word alone; a document repeats its role nouns
def role_key(word: str) -> tuple[str, str | None] | None:
    """A person noun as a gender-neutral key, with the gender the word itself carries:
    "собеседница" -> ("собеседник", "f"), "заведующая" (a participle used as a noun) ->
    ("заведующий", "f"), "посол" -> ("посол", "m"). None for a word that names no person."""
    for p in parse(word)[:3]:
        tag = p.tag
        gender = SEX_OF_GENDER.get(tag.gender)
        if tag.POS == "NOUN" and ("anim" in tag or p.normal_form in lex.role_nouns()) and "Name" not in tag \
                and "Surn" not in tag and "Patr" not in tag:
            lemma = p.normal_form
            if gender == "f" and lemma.endswith("ница") and lemma[:-4] + "ник" != lemma:
                # "руководительница" -> "руководитель", "собеседница" -> "собеседник"
                masc = lemma[:-4] if lemma.endswith("тельница") else lemma[:-4] + "ник"
                if any(q.tag.POS == "NOUN" and q.normal_form == masc for q in parse(masc)):
                    lemma = masc
            return lemma, gender
        if tag.POS in ("PRTF", "ADJF") and "Subx" in tag and "Apro" not in tag:
            # "заведующая", "управляющий": a participle standing for a person
            masc = p.inflect({"masc", "sing", "nomn"})
            return (masc.word if masc else p.word), gender
    return None


def kin_sex(word: str) -> str | None:
    """The sex a kinship noun names, or None for a word that is none: the word's own gender where
    it has one, since the dictionary gives "супруга" the lemma "супруг" (a wife is no man), else
    the sex of kin_nouns.tsv ("супруги" in the genitive singular reads as either)."""
    key = role_key(word.lower())
    if key is None or key[0] not in lex.kin_nouns():
        return None
    return key[1] or lex.kin_nouns()[key[0]]


def sex_of(view: DocView, person: Person) -> str | None:
    """A person's gender as the article shows it: the words that agree with the name, when they
    all agree (a past-tense verb or a short adjective right after it, "Мишель Обама имела в виду",
    "Жюль Пеги намерен"; a feminine person
    noun right before it, "телеведущей Опре Уинфри"), else the gender read from the name itself
    ("Мишель" reads as a man's name first, "Асия" as a genitive of "Асий")."""
    votes = set()
    for m in person.mentions[:20]:
        i = view.tok_index(m.start)
        before = view.parses(i - 1)[:2] if i > 0 and view.is_word(i - 1) else []
        if any(p.normal_form in lex.kin_nouns() or p.normal_form in lex.relational_nouns() for p in before):
            continue  # "Муж Биби признался", "супруга Трампа": the relative's words
        key = role_key(view.toks[i - 1].text) if before else None
        if key is not None and key[1] == "f":
            votes.add("f")  # a masculine noun tells nothing: "министр" may be a woman
        words = [view.toks[j].text for j in view.tokens_in(m.start, m.end) if view.is_word(j)]
        if not words or not all(is_nominative_name(w) for w in words):
            continue  # "Асию Биби оправдал суд": the verb is the subject's
        j = view.tok_index(m.end - 1) + 1
        while j < len(view.toks) and view.lower[j] in lex.fillers():
            j += 1
        if j < len(view.toks) and view.is_word(j):
            tag = view.parses(j)[0].tag
            # a past-tense verb or a short adjective or participle: "заявила", "намерен", "уверена"
            if (tag.POS == "VERB" and "past" in tag or tag.POS in ("ADJS", "PRTS")) and tag.number == "sing" \
                    and tag.gender in ("masc", "femn"):
                votes.add("m" if tag.gender == "masc" else "f")
    return votes.pop() if len(votes) == 1 else person.gender


@dataclass(frozen=True)
class Unnamed:
    """A participant the article quotes without a name, by the phrase it is quoted under."""
    phrase: str
    head: str  # the head noun's lemma, ё folded to е ("представитель", "врач")
    number: str  # "sing" or "plur"
    gender: str | None  # "m" or "f" where the cue that quoted it tells


def unnamed_participant(phrase: str, gender: str | None = None) -> Unnamed | None:
    """The unnamed participant a nominative speaker phrase introduces: its first noun past
    adjectives is an animate person noun (a role, an occupation, a generic person noun:
    "Представитель Министерства …", "Врачи, прооперировавшие …"); None otherwise (a body, a thing)."""
    for w in phrase.replace(",", " ").split()[:4]:
        ps = parse(w.lower())
        p = next((p for p in ps if p.tag.POS == "NOUN" and "nomn" in p.tag), None)
        if p is not None:
            head = p.normal_form.replace("ё", "е")
            if "anim" not in p.tag or not (head in lex.role_nouns() or head in lex.generic_person_nouns()
                                           or head in lex.unnamed_person_antecedents()):
                return None
            return Unnamed(phrase, head, p.tag.number, gender if p.tag.number == "sing" else None)
        if ps[0].tag.POS not in ("ADJF", "PRTF"):
            return None
    return None


def stands_for(noun: str, number: str | None, gender: str | None, unnamed: Unnamed) -> bool:
    """May a bare person noun (its lemma, number, and the gender its cue tells) refer back to an
    unnamed participant: the same head, or one the lexicon lets it stand for ("Чиновник" for a
    "Представитель …", "докторов" for "Врачи …"), of its number and, where both are known, gender."""
    noun = noun.replace("ё", "е")
    if noun != unnamed.head and unnamed.head not in lex.unnamed_person_antecedents().get(noun, ()):
        return False
    return number == unnamed.number and (gender is None or unnamed.gender in (None, gender))


@dataclass
class Org:
    name: str
    mentions: list[Entity] = field(default_factory=list)
    classes: set[str] = field(default_factory=set)


class Participants:
    def __init__(self, view: DocView):
        self.view = view
        self.names = view.names
        self._roles: dict[int, dict[str, str | None]] = {}  # id(person) -> role key -> gender
        self._countries: dict[int, set[str]] = {}  # id(person) -> countries their roles name
        for _, m, person in self.names.per_mentions:
            keys = self._roles.setdefault(id(person), {})
            words: list[int] = []
            for key, gender in self._role_heads(m, words):
                sex = sex_of(view, person)
                if sex is None or key not in lex.kin_nouns() or (gender or lex.kin_nouns()[key]) == sex:
                    keys.setdefault(key, gender)  # not "Супруг Асии": her husband is not her
            self._countries.setdefault(id(person), set()).update(
                c for c in (place_of(view, j) for j in words) if c)
        # persons' mentions outside quotations, in text order
        self._person_mentions = [(s, person) for s, m, person in self.names.per_mentions if not self._quoted(m)]
        self._person_starts = [s for s, _ in self._person_mentions]
        # where a person is named inside a quotation: the quoted speaker's words, not the narrator's
        self.quoted_person_starts = frozenset(s for s, m, _ in self.names.per_mentions if self._quoted(m))
        self._nominative: set[int] | None = None  # built on first need (a bare title after a quotation)
        self._originals = self._glossed_originals()
        self._orgs: dict[str, Org] = {}  # by name, lower-cased (a glossed Russian spelling by its original)
        self._org_mentions: list[tuple[int, Org]] = []
        members: dict[str, set[str]] = {}  # by name: classes read past a members' genitive (below)
        # an ORG entity that is only a class noun, with adjectives ("Министерство заявило", "Британское
        # издание"): by its start, the organisation named before that it designates
        self._described: dict[int, Org] = {}
        self._org_places: dict[int, frozenset[str]] = {}  # id(org) -> its countries, read on first need
        for e in view.entities:
            if e.type != "ORG" or self._quoted(e):
                continue
            antecedent = self._described_org(e)
            if antecedent is not None:
                self._described[e.start] = antecedent
                self._org_mentions.append((e.start, antecedent))
                continue
            org_id = self._org_id(e.text)
            org = self._orgs.setdefault(org_id, Org(e.text))
            org.mentions.append(e)
            org.classes |= self._org_classes(e)
            members.setdefault(org_id, set()).update(self._members_class(e))
            self._org_mentions.append((e.start, org))
        for name, classes in members.items():
            if not self._orgs[name].classes:
                # "профсоюза пилотов Vereinigung Cockpit": a union, unless the article calls it
                # something else too ("авиакомпания Ryanair" … "профсоюз пилотов Ryanair": Ryanair's pilots)
                self._orgs[name].classes |= classes
        self._org_starts = [s for s, _ in self._org_mentions]
        # memoised per document: the same words recur in its quotations' mentions
        self._topics: dict[tuple[str, str | None], object] = {}

    # --- building ----------------------------------------------------------------

    def _quoted(self, e: Entity) -> bool:
        return self.view.tok_index(e.start) in self.view.quoted

    def _same_line(self, a: int, b: int) -> bool:
        return "\n" not in self.view.text[a:b]

    def _role_heads(self, m: Entity, words: list[int]) -> list[tuple[str, str | None]]:
        """Heads of the role phrases next to a name: the person nouns among the nominal words
        right before it ("бывшая руководительница Государственного экспертного центра") and the
        first words of an apposition after it (", посол США,")."""
        view = self.view
        out = []
        i = view.tok_index(m.start)
        # the role agrees with the name: "адвокат Асии Биби" is not Биби's role
        cases = {p.tag.case for p in view.parses(i) if any(t in p.tag for t in ("Name", "Surn", "Abbr"))}
        if not is_nominative_name(view.toks[i].text):
            cases.discard("nomn")  # "Асии" read as a plural of "Асий"
        j, seen, crossed = i - 1, 0, False
        while j >= 0 and seen < 14 and view.tok_sent[j] == view.tok_sent[i] and self._same_line(view.toks[j].end, m.start):
            t = view.toks[j].text
            if j in view.ent_at and view.ent_at[j].type == "PER":
                break  # another person's name: "с Блинкеном глава МИД Лавров"
            if self._joins_complements(j, i):
                # "министр информации и телерадиовещания Фавад Чаудхри", "Комиссар по вопросам
                # миграции, внутренних дел и гражданства": one role's complement, coordinated
                j -= 1
                seen += 1
                continue
            if not (view.is_word(j) or t in ("№", "-", "(", ")") or t in QUOTE_MARKS):
                break
            words.append(j)
            if view.is_word(j) and j not in view.ent_at:
                top = view.parses(j)[0].tag.POS
                if top in ("VERB", "CONJ", "INFN", "GRND", "ADVB", "NPRO", "PRCL") or top == "PREP" and (
                        cases != {"nomn"} or out or j == i - 1 or view.lower[j] not in ROLE_PREPOSITIONS):
                    # a name right after a preposition is its object ("совместных с Валерием Токаревым"),
                    # and one in an oblique case may be the genitive of the phrase's last noun ("главы МИД
                    # … в правительстве Терезы Мэй")
                    break
                if top == "PREP":
                    crossed = True
                    # a role's own complement ("оператор «горячей линии» оперативного штаба по борьбе с
                    # коронавирусом Наталья Минина", "министр по вопросам Brexit Дэвид Дэвис"): the
                    # role noun before it must still agree with the name, and none was found nearer
                    j -= 1
                    seen += 1
                    continue
                key = role_key(t)
                # the case of the role's own reading: "Супруг Асии" is not "супруг" as the
                # genitive plural of "супруга" agreeing with "Асии"
                own = [p for p in view.parses(j)[:3] if key is not None and p.normal_form == key[0] and "Infr" not in p.tag]
                if key is not None and (not cases or any(p.tag.case in cases for p in own or view.parses(j)[:3])) \
                        and not (crossed and all(p.tag.number == "plur" for p in own or view.parses(j)[:1])):
                    out.append(key)  # (past a preposition, one person's role: not "сторонников лидера … Ризви")
            j -= 1
            seen += 1
        if out and "nomn" not in cases:
            # a name in an oblique case: the first role noun is its apposition, the later ones
            # that noun's genitives ("жены действующего американского лидера Мишель Обамы")
            out = out[-1:]
        end = view.tok_index(m.end - 1) + 1
        if end + 1 < len(view.toks) and view.toks[end].text == "," and view.is_word(end + 1):
            for k in range(end + 1, min(end + 4, len(view.toks))):
                if not view.is_word(k) or k in view.ent_at or view.parses(k)[0].tag.POS not in ("NOUN", "ADJF", "PRTF"):
                    break  # ", передает корреспондент РБК": a new clause, not an apposition
                key = role_key(view.toks[k].text)
                if key is not None and any("nomn" in p.tag for p in view.parses(k)[:2]):
                    out.append(key)
                    words.extend(range(k, min(k + 4, len(view.toks))))  # ", посол США,"
                    break
        return out

    def _joins_complements(self, j: int, name: int) -> bool:
        """Is token j an "и" or a comma joining two oblique nouns (or a noun and the adjective of the
        next) of one case, between a role noun and the name after it ("прокурор Англии и Уэльса",
        "по делам регионов и местного самоуправления")? Not a clause's "и" ("задержанных и не
        чинить", "в Пакистане и недавно оправдана") nor a list of nominatives (several people)."""
        view = self.view
        if view.lower[j] not in ("и", ",") or j < 1 or j + 1 >= name or not view.is_word(j - 1) or not view.is_word(j + 1):
            return False

        def cases(k: int, pos: tuple[str, ...]) -> set[str]:
            return {p.tag.case for p in view.parses(k)[:3] if p.tag.POS in pos and p.tag.case != "nomn"}

        return bool(cases(j - 1, ("NOUN",)) & cases(j + 1, ("NOUN", "ADJF")))

    def _glossed_originals(self) -> list[tuple[str, str]]:
        """(Russian spelling, original) of each name the article glosses with its Latin original
        ("«Пфайзер» (Pfizer)", "газета «Кориера делла Сера» (Corriere della Sera)";
        `DocView.glosses`, whatever NER tagged), a person's excepted (the press writes persons
        in Cyrillic: "Ульрих Делиус (Ulrich Delius)"). Not an abbreviation ("(AESA)", "(RKI)") nor a
        translation ("Немецкий совет по этике (Deutscher Ethikrat)"): those are other names, and the
        Russian one stays the speaker's."""
        view = self.view
        persons = [e for e in view.entities if e.type == "PER"]
        out = []
        for kind, (a, b), (c, d) in view.glosses:
            name, gloss = view.text[a:b].strip(MARK_CHARS), view.text[c:d]
            if kind == "latin" and (name, gloss) not in out and not any(e.start < b and e.end > a for e in persons):
                out.append((name, gloss))
        return out

    def _spelled(self, words: list[str]) -> str | None:
        """The original of a glossed Russian spelling these words are, in any case ("Пфайзером" ->
        Pfizer): the same number of words, the same first three letters, the original's consonants."""
        for name, original in self._originals:
            theirs = name.split()
            if len(theirs) == len(words) and words[0][:3].lower() == theirs[0][:3].lower() \
                    and spells_latin(" ".join(words), original):
                return original
        return None

    def _org_id(self, text: str) -> str:
        original = self._spelled(text.strip(MARK_CHARS).split()) if self._originals else None
        return (original or text).lower()

    def original_name(self, name: str) -> str:
        """An organisation speaker's name with each Russian spelling of a name the article glosses
        with its original replaced by the original: "Пфайзер и Байонтек" -> "Pfizer и BioNTech"
        after "«Пфайзер» (Pfizer) и «Байонтек» (BioNTech)"; any other name as it is."""
        if not self._originals or not CYRILLIC.search(name):
            return name
        words = list(NAME_WORDS.finditer(name))
        out, at, k = [], 0, 0
        while k < len(words):
            for n in sorted({len(n.split()) for n, _ in self._originals}, reverse=True):
                span = words[k:k + n]
                if len(span) == n and span[0].group()[0].isupper() and (original := self._spelled([w.group() for w in span])):
                    a, b = span[0].start(), span[-1].end()
                    if a > 0 and name[a - 1] in OPENING_MARKS and b < len(name) and name[b] in NAME_MARKS:
                        a, b = a - 1, b + 1  # «Пфайзер»: the marks go with the Russian spelling
                    out.append(name[at:a] + original)
                    at, k = b, k + n
                    break
            else:
                k += 1
        return "".join(out) + name[at:] if out else name

    def _org_classes(self, e: Entity) -> set[str]:
        """The class nouns of an organisation: the noun before its name, past adjectives and a
        parenthesis ("Бюджетная авиакомпания (лоукостер) Ryanair"), its own first word
        ("Институт имени Роберта Коха"), and "media" for a known outlet."""
        view = self.view
        classes = set()
        if e.text in lex.media_names():
            classes.add(MEDIA)
        # its own head noun, past the adjectives: "Институт имени Роберта Коха", "Федеральном
        # центре санитарного просвещения" (a центр)
        head = head_noun(e.text)
        if head is not None and len(e.text.split()) > 1:
            classes.add(head)
        # its other names' heads: "Еврокомиссия" is the "Европейская комиссия" (org_aliases.tsv)
        classes |= alias_heads(e.text)
        # what a one-word name is made of: "Минздрав" (a министерство), "Роспотребнадзор" (a служба)
        made = name_class(e.text)
        if made is not None:
            classes.add(made)
        j = view.tok_index(e.start) - 1
        for _ in range(4):
            if j < 0 or not self._same_line(view.toks[j].end, e.start):
                break
            t = view.toks[j].text
            if t in ("«", '"', "„", "“", "(", ")"):
                j -= 1
                continue
            if not view.is_word(j) or j in view.ent_at:
                break
            q = view.parses(j)[0]
            if q.tag.POS == "NOUN":
                # the nearest noun only: past it the name is a genitive's ("профсоюзы пилотов
                # ирландской авиакомпании Ryanair" do not make Ryanair a union)
                classes.add(class_noun(q.normal_form))
                break
            if q.tag.POS not in ("ADJF", "PRTF"):
                break
            j -= 1
        return {c for c in classes if is_class_noun(c) or c == MEDIA}

    def org_countries(self, org: Org) -> frozenset[str]:
        """The countries an organisation's mentions name: in their words, in the adjective right before
        one ("испанский регулятор AESA") or in the place right after it ("Минздрав России")."""
        if id(org) not in self._org_places:
            view, out = self.view, set()
            for e in org.mentions[:5]:
                i, end = view.tok_index(e.start), view.tok_index(e.end - 1) + 1
                out.update(c for j in range(max(0, i - 1), min(end + 1, len(view.toks)))
                           if view.is_word(j) and view.tok_sent[j] == view.tok_sent[i] and (c := place_of(view, j)))
            self._org_places[id(org)] = frozenset(out)
        return self._org_places[id(org)]

    def _elsewhere(self, org: Org, countries: frozenset[str]) -> bool:
        """Does the article place the organisation in none of these countries (and in some other)?"""
        if not countries:
            return False
        known = self.org_countries(org)
        return bool(known) and not countries & known

    def _described_org(self, e: Entity) -> Org | None:
        """The organisation named before an ORG entity opening its sentence that is only a class noun,
        with adjectives before it ("Министерство" after "Минздрав России", "Британское издание" after "The Guardian",
        "Госагентство" after "Государственное агентство по авиабезопасности"): the most recent one
        outside a quotation whose class fits and which every adjective fits (a country adjective
        names its country, another adjective is a word of its name: "Верховный суд" is not the
        "Высокий суд Лахора"). None for a real name ("Министерство иностранных дел", "Европейская
        комиссия" of org_aliases.tsv, a known outlet) or where none fits."""
        desc = description(e.text)
        if desc is None or e.text in lex.media_names() or is_known_body(e.text) or not self._opens_sentence(e):
            return None
        noun, adjectives = desc
        near = []
        for start, org in reversed(self._org_mentions[-50:]):
            if start < e.start - WINDOW:
                break
            if all(self._adjective_fits(a, org) for a in adjectives):
                near.append(org)
        # one the noun fits, else one known by a broader class the noun falls under (as `org_by_class`:
        # "Лоукостер" after "авиакомпания Ryanair")
        broader = {c for c in org_classes().get(noun, ()) if c in org_classes()}
        return next((org for org in near if fits_class(noun, org.classes)),
                    next((org for org in near if org.classes & broader), None))

    def _opens_sentence(self, e: Entity) -> bool:
        """Does the entity open its sentence (past marks and dashes), where a capital tells nothing?
        Further on "Комиссия", "Совет" are the article's names for a body."""
        view = self.view
        i = view.tok_index(e.start)
        return not any(view.is_word(j) for j in range(view.sent_range(view.tok_sent[i]).start, i))

    def _adjective_fits(self, word: str, org: Org) -> bool:
        country = country_of(word)
        if country is not None:
            return not self._elsewhere(org, frozenset((country,)))
        lemma = parse(word.lower())[0].normal_form
        return any(parse(w.lower())[0].normal_form == lemma for e in org.mentions for w in NAME_WORDS.findall(e.text))

    def described_org(self, e: Entity) -> Org | None:
        """The organisation an ORG entity that is only a class noun designates (`_described_org`)."""
        return self._described.get(e.start)

    def _members_class(self, e: Entity) -> set[str]:
        """The class noun of a singular body named with its members between ("профсоюз пилотов
        Forsa", "профсоюза пилотов Vereinigung Cockpit"): the name is the body's, or the members'
        employer's ("Профсоюзы бортпроводников Ryanair"), which only the article's other
        mentions tell; empty where the words are not so."""
        view = self.view
        j = view.tok_index(e.start) - 1
        if j < 1 or not view.is_word(j) or not view.is_word(j - 1) or j in view.ent_at or j - 1 in view.ent_at \
                or not self._same_line(view.toks[j - 1].end, e.start):
            return set()
        members = view.parses(j)[0]
        if not (members.tag.POS == "NOUN" and "anim" in members.tag and members.tag.number == "plur"
                and members.tag.case == "gent" and not is_class_noun(members.normal_form)):
            return set()
        body = view.parses(j - 1)[0]
        if body.tag.POS != "NOUN" or body.tag.number != "sing" or not is_class_noun(class_noun(body.normal_form)):
            return set()
        return {class_noun(body.normal_form)}

    # --- lookups -----------------------------------------------------------------

    def role_keys(self, person: Person) -> set[str]:
        """The role nouns the article gave the person, as role_key lemmas."""
        return set(self._roles.get(id(person), ()))

    def countries(self, person: Person) -> set[str]:
        """The countries the person's roles name ("посол США" -> США)."""
        return self._countries.get(id(person), set())

    def person_by_role(self, key: str, gender: str | None, offset: int) -> Person | None:
        """The most recent person, mentioned before `offset` outside a quotation, whom the
        article introduced with this role noun, of a fitting gender."""
        lo = bisect_left(self._person_starts, offset - WINDOW)
        hi = bisect_left(self._person_starts, offset)
        for _, person in reversed(self._person_mentions[lo:hi]):
            roles = self._roles.get(id(person), {})
            if key not in roles:
                continue
            # a feminine noun names a woman, a masculine one anyone ("главврач ЦГБ Алла Дробинская …
            # Также главврач упомянула"): the person's own sex decides
            if gender is None or roles[key] in (None, "m", gender) and person.gender in (None, gender):
                return person
        return None

    def person_by_country(self, country: str, key: str, gender: str | None, offset: int) -> Person | None:
        """"китайский лидер": the most recent person whose role names that country and whose
        role noun fits (the same noun, or a generic leadership noun that fits any title)."""
        lo = bisect_left(self._person_starts, offset - WINDOW)
        hi = bisect_left(self._person_starts, offset)
        for _, person in reversed(self._person_mentions[lo:hi]):
            roles = self._roles.get(id(person), {})
            if country not in self._countries.get(id(person), ()) or not roles:
                continue
            if key in roles or key in lex.leader_nouns():
                if gender is None or person.gender in (None, gender):
                    return person
        return None

    def nearest_person(self, gender: str | None, offset: int, window: int = 1500,
                       subjects_only: bool = False) -> Person | None:
        """The most recent person of that gender named outside a quotation before `offset`
        (with `subjects_only`, named in the nominative)."""
        lo = bisect_left(self._person_starts, offset - window)
        hi = bisect_left(self._person_starts, offset)
        if subjects_only and self._nominative is None:
            # which mentions can be a subject: every word of the name may be nominative ("Опре Уинфри" is not)
            self._nominative = {s for s, m, person in self.names.per_mentions
                                if all(is_nominative_name(w, person.gender) for w in m.text.split())}
        for start, person in reversed(self._person_mentions[lo:hi]):
            if subjects_only and start not in self._nominative:
                continue
            if gender is None or person.gender in (None, gender):
                return person
        return None

    def persons_named(self, start: int, end: int) -> list[Person]:
        """The persons named outside quotations between two offsets, in text order."""
        lo, hi = bisect_left(self._person_starts, start), bisect_left(self._person_starts, end)
        return [person for _, person in self._person_mentions[lo:hi]]

    def org_named(self, name: str) -> Org | None:
        """The organisation the article names so outside quotations (any case of the letters; a
        glossed Russian spelling or its original)."""
        return self._orgs.get(self._org_id(name))

    def org_by_class(self, noun: str, offset: int, countries: frozenset[str] = frozenset()) -> Org | None:
        """The most recent organisation, named before `offset` outside a quotation, that the
        class noun fits ("перевозчик" after "лоукостер Ryanair", "телекомпания" after "НТВ"; a
        compound's, "Госагентство", as its class noun's); with `countries` (the country adjectives
        before the noun), not one the article places in another country ("британский регулятор"
        is not the "Государственное агентство по авиабезопасности Испании")."""
        noun = prefixed_class(noun)
        lo = bisect_left(self._org_starts, offset - WINDOW)
        hi = bisect_left(self._org_starts, offset)
        for _, org in reversed(self._org_mentions[lo:hi]):
            if fits_class(noun, org.classes) and not self._elsewhere(org, countries):
                return org
        # failing that, one the article knows by a broader class the noun falls under
        # ("авиакомпании Ryanair" … "Руководство лоукостера"), not a root of the class table
        # ("компания", "организация" say too little: "движения" is not НАТО, an "организация")
        broader = {c for c in org_classes().get(noun, ()) if c in org_classes()}
        for _, org in reversed(self._org_mentions[lo:hi]):
            if org.classes & broader and not self._elsewhere(org, countries):
                return org
        return None

    def topic_person(self, gender: str | None, offset: int) -> Person | None:
        """Before anyone is named (a lead under a headline that named them: "— заявил он"), the
        person the article names most, of that gender, if one clearly is."""
        if bisect_left(self._person_starts, offset):
            return None
        return self._topic(("person", gender), self._person_mentions,
                           lambda person: gender is None or person.gender in (None, gender))

    def topic_org(self, noun: str, offset: int) -> Org | None:
        """Before any organisation is named ("Перевозчик проинформировал" under a headline naming
        Ryanair), the organisation of that class the article names most, if one clearly is."""
        if bisect_left(self._org_starts, offset):
            return None
        noun = prefixed_class(noun)
        return self._topic(("org", noun), self._org_mentions, lambda org: fits_class(noun, org.classes))

    def topic_body(self, offset: int) -> Org | None:
        """Before any organisation is named, for a bare organisation noun whose class no
        organisation of the article is known by ("Перевозчик проинформировал" under a headline,
        with "Ryanair" named bare further on): the organisation, not an outlet, that the article
        names most, if one clearly is."""
        if bisect_left(self._org_starts, offset):
            return None
        return self._topic(("body", None), self._org_mentions, lambda org: MEDIA not in org.classes)

    def _topic(self, key: tuple[str, str | None], mentions: list, fits):
        """Of the participants `mentions` name that `fits` accepts, the one named most if it is named
        at least twice as often as the next; worked out once per `key`."""
        if key not in self._topics:
            counts: dict[int, int] = {}
            for _, x in mentions:
                if fits(x):
                    counts[id(x)] = counts.get(id(x), 0) + 1
            ranked = sorted(counts.items(), key=lambda kv: -kv[1])
            by_id = {id(x): x for _, x in mentions}
            clear = ranked and (len(ranked) == 1 or ranked[1][1] * 2 <= ranked[0][1])
            self._topics[key] = by_id[ranked[0][0]] if clear else None  # none, or no clear favourite
        return self._topics[key]


def place_of(view: DocView, j: int) -> str | None:
    """The country word j stands for, or the place a tagged location names (its lemma), for a
    role's qualifier: "посла США", "премьер-министра Бельгии"."""
    c = country_of(view.toks[j].text)
    if c is None and j in view.ent_at and view.ent_at[j].type == "LOC" and view.is_word(j):
        c = parse(view.toks[j].text)[0].normal_form
    return c


def fits_class(noun: str, classes: set[str]) -> bool:
    """Does a class noun fit an organisation of these classes (directly, through the
    broader classes of org_classes.tsv, or as a media noun for an outlet)?"""
    if noun in classes:
        return True
    table = org_classes()
    if MEDIA in classes and (noun in lex.media_nouns() or noun in _media_broader()):
        return True  # "сообщает НТВ. По данным телекомпании": an outlet is whatever media noun
    return any(noun in table.get(c, ()) for c in classes)


def may_designate(noun: str, classes: set[str]) -> bool:
    """Can a class noun designate an organisation known by these classes: none is known, the noun
    fits them, or one is broader than the noun ("компания Ryanair" … "Перевозчик объявил"); not
    "профсоюз Verdi" for "перевозчик"."""
    return not classes or fits_class(noun, classes) or bool(classes & org_classes().get(noun, frozenset()))


@lru_cache(maxsize=None)
def _media_broader() -> frozenset[str]:
    """The broader nouns of media classes that only media have ("вещатель", "издание"); not
    "компания", which a телекомпания shares with every airline and bank: after "сообщили
    РИА Новости", "Компания уверяет" is the company of the article, not the agency."""
    table = org_classes()
    media = set(lex.media_nouns())
    others = {b for c, broader in table.items() if c not in media for b in broader}
    return frozenset(b for m in media for b in table.get(m, ()) if b not in others)


def org_classes() -> dict[str, frozenset[str]]:
    return lex.org_classes()


def is_class_noun(lemma: str) -> bool:
    """Is a noun one that names a kind of organisation ("авиакомпания", "профсоюз", "газета")?"""
    return lemma in org_classes() or lemma in lex.org_nouns() or lemma in lex.media_nouns()


def class_noun(lemma: str) -> str:
    """A compound's class noun: "авиакомпания-лоукостер" is a лоукостер, "лоукост-авиакомпания"
    an авиакомпания, "госагентство" an агентство (a prefix of org_class_parts.tsv); other nouns as
    they are."""
    if is_class_noun(lemma):
        return lemma
    tail = lemma.rsplit("-", 1)[-1]
    return tail if is_class_noun(tail) else prefixed_class(lemma)


def prefixed_class(lemma: str) -> str:
    """A compound of a prefix of org_class_parts.tsv and a class noun as that class noun
    ("госагентство" -> агентство, "еврокомиссия" -> комиссия); any other noun as it is (a
    "пресс-служба" is an office of its organisation, not the organisation)."""
    if is_class_noun(lemma):
        return lemma
    for prefix in _compound_prefixes():
        if lemma.startswith(prefix) and is_class_noun(lemma[len(prefix):]):
            return lemma[len(prefix):]
    return lemma


@lru_cache(maxsize=None)
def _compound_prefixes() -> tuple[str, ...]:
    return tuple(part[:-1] for part, cls in lex.org_class_parts() if cls == "*" and part.endswith("-"))


@lru_cache(maxsize=100_000)
def name_class(name: str) -> str | None:
    """The class a one-word organisation name is made to tell (org_class_parts.tsv): "Минздрав",
    "Минобороны" -> министерство, "Роспотребнадзор" -> служба, "Сбербанк" -> банк,
    "Госагентство" -> агентство; None for any other name."""
    if " " in name or not name[:1].isupper() or not name[1:].islower():
        return None  # "МИД", "Ryanair Holdings": an abbreviation or a name of several words
    word = name.lower()
    for part, cls in lex.org_class_parts():
        if cls == "*":
            continue
        stem = part.strip("-")
        if part.endswith("-") and word.startswith(stem) and len(word) > len(stem) + 2 \
                or part.startswith("-") and word.endswith(stem) and len(word) > len(stem) + 2:
            return cls
    lemma = prefixed_class(parse(word)[0].normal_form)
    return lemma if lemma != word and is_class_noun(lemma) else None


@lru_cache(maxsize=100_000)
def description(text: str) -> tuple[str, tuple[str, ...]] | None:
    """(the class noun, the adjectives before it) of words that only describe an organisation: a
    class noun ("Министерство", "Госагентство") with adjectives before it ("Британское издание",
    "Европейское антимонопольное ведомство"), no other word, no capital past the first word
    ("Верховный Суд" is a name); None for a name ("Министерство иностранных дел", "Ryanair")."""
    words = text.split()
    if not words or len(words) > 4 or any(w[:1].isupper() for w in words[1:]):
        return None
    *adjectives, noun = words
    if not all(parse(w.lower())[0].tag.POS in ("ADJF", "PRTF") for w in adjectives):
        return None
    p = parse(noun.lower())[0]
    lemma = prefixed_class(p.normal_form) if p.tag.POS == "NOUN" else None
    if lemma is None or not is_class_noun(lemma):
        return None
    return lemma, tuple(adjectives)


@lru_cache(maxsize=100_000)  # a function of the name alone
def head_noun(name: str) -> str | None:
    """The class noun a name starts with, past adjectives: "Институт имени Роберта Коха" ->
    институт, "Федеральном центре санитарного просвещения" -> центр; None if it has none."""
    for w in name.split()[:3]:
        p = parse(w.lower())[0]
        if p.tag.POS == "NOUN":
            return class_noun(p.normal_form)
        if p.tag.POS not in ("ADJF", "PRTF"):
            return None
    return None


@lru_cache(maxsize=100_000)
def alias_heads(name: str) -> frozenset[str]:
    """The class nouns of a known body's other names (org_aliases.tsv): "Еврокомиссия", "ЕК" ->
    комиссия (Европейская комиссия); "МИД" -> министерство, ведомство."""
    return _alias_heads().get(org_key(name), frozenset())


@lru_cache(maxsize=None)
def _alias_heads() -> dict[str, frozenset[str]]:
    table = {}
    for row in lex.org_aliases():
        heads = {h for n in row if len(n.split()) > 1 and (h := head_noun(n)) is not None and is_class_noun(h)}
        if heads:
            table[org_key(row[0])] = frozenset(heads)
    return table
