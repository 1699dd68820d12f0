"""Who-said-what when the organisations are ones nobody tuned on: every organisation of each gold
article renamed (the same organisation → the same new one throughout the article) with a name drawn from
a pool of eval/rename_org_pools.tsv, the pipeline run on the renamed text and scored with
eval/quotes.py's matching, the gold speakers renamed the same way. eval/rename.py's sibling for persons,
on the same machinery.

    python eval/rename_orgs.py [--set tune|blind] [--corpora ../shared/corpora] [--pools a,b,...]   (e.g. "same class")
    python eval/rename_orgs.py --errors POOL       (tune half only: what the renaming changes)
    python eval/rename_orgs.py --samples POOL      (tune half only: every replacement, in context)

One row per pool: quotation F1, who-said-what F1, speaker accuracy on matched quotations, the drop of
each against the original text, then speaker accuracy by the gold speaker's kind. The gold articles name
the same organisations again and again (Ryanair, ЕС, Еврокомиссия, МИД, ВОЗ), which citata's tables and
NER have seen; a pool that scores below the original shows attribution leaning on the names.

Who is renamed: the organisations citata's NER finds in the original (ORG mentions grouped by the
document's keys, so "Министерство здравоохранения" and "Минздрав" are one) and the gold's organisation
speakers written with a capital; not the outlets (a known outlet's name or the media at large: relaying
an agency is another question than an organisation speaking). Every run of words whose lemmas are those
of one of an organisation's written forms is an occurrence (so an inflected form NER missed is one), and
a genitive place NER tags right after it ("МИД Пакистана") goes with it. An occurrence written out in two
or more words takes the new full name, one word or an abbreviation first the short name; a name in
quotation marks keeps the marks, the short name put inside them, and a name after a lower-case class
noun ("компания «Роснефть»", "авиакомпания Ryanair") stays in the nominative as an apposition does. The
new name's declining words (marked * in the pool) take the case natasha's tagger reads on the original's
first word; a past-tense verb or short adjective agreeing with a nominative occurrence takes the new
name's gender and number ("Еврокомиссия заявила" → "Конституционный суд Эквадора заявил").

The pool "same class" (its sub-pools "same class: <class noun>") keeps each organisation's class: an
airline is renamed to an airline, a court to a court (the class noun its name is written after, else its
head noun, what a one-word name is made of, a known body's other names); one whose class has no pool of
its own or of a company's or an airline's, or whose class nothing tells, keeps its name. In every pool an
organisation that is a country, a capital or a place the dictionary knows ("Южная Корея", "Москва") is left
as it is.

Pools are drawn as eval/rename.py draws them: an article's organisations, in order of first occurrence,
take the pool's names from a place fixed by a hash of the article's path; those beyond the pool's size
keep their names (counted in the output). --set blind prints totals only (issue 14's discipline).
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from perturb import Replacement, apply, table  # noqa: E402
from rename import SENTENCE_START, UD_CASES, capitalised_as, disjoint, pool_options, run_pools, tagged  # noqa: E402

from citata import countries, lexicons  # noqa: E402
from citata.metadata.outlets import known_outlet  # noqa: E402
from citata.nlp import parse  # noqa: E402
from citata.quotes.participants import alias_heads, class_noun, description, head_noun, name_class  # noqa: E402
from citata.quotes.participants import is_class_noun as participants_class_noun  # noqa: E402

POOLS = ROOT / "eval" / "rename_org_pools.tsv"
GRAMMEMES = {"m": {"masc", "sing"}, "f": {"femn", "sing"}, "n": {"neut", "sing"}, "p": {"plur"}}
UD_GENDER = {"Masc": "m", "Fem": "f", "Neut": "n"}
OPEN_MARKS, CLOSE_MARKS = "«„\"“", "»“\"”"
WORD = re.compile(r"[\w&]+(?:[-.'’][\w&]+)*")
ADJECTIVES = ("ADJF", "PRTF")
KINDS = ("person", "organization", "anonymous", "document")


@dataclass(frozen=True)
class OrgName:
    pool: str
    full: str
    full_gender: str
    short: str
    short_gender: str


def load_pools(path: Path = POOLS) -> dict[str, list[OrgName]]:
    pools: dict[str, list[OrgName]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pool, full, full_gender, short, short_gender = line.split("\t")
        if {full_gender, short_gender} - set(GRAMMEMES):
            raise SystemExit(f"{path}: {full!r}: gender is one of {sorted(GRAMMEMES)}")
        pools.setdefault(pool, []).append(OrgName(pool, full, full_gender, short, short_gender))
    return pools


# --- a new name in a case -------------------------------------------------------------------------

def _bare(word: str) -> tuple[str, str, str]:
    """A pool word as (marks before, the word, marks after)."""
    m = re.match(r"^([«„\"“]*)(.*?)([»“\"”]*)$", word)
    return m.group(1), m.group(2), m.group(3)


def _readings(word: str, pos: str, number: str) -> list:
    """Nominative readings of `word` as a NOUN or an adjective (a participle too: "Объединённый")."""
    return [p for p in parse(word.lower()) if (p.tag.POS in ADJECTIVES if pos == "adjective" else p.tag.POS == pos) and p.tag.case == "nomn"
            and (number == "plur") == ("plur" in p.tag)]


def _inflect_word(word: str, case: str, agree: set[str], pos: str) -> str:
    """One declining word in `case`: a noun by its number, an adjective agreeing with `agree`. A
    compound adjective declines in its last part ("Либерально-демократическая")."""
    head, sep, last = word.rpartition("-") if pos == "adjective" and "-" in word else ("", "", word)
    number = "plur" if "plur" in agree else "sing"
    for p in _readings(last, pos, number):
        wanted = {case, number} | (agree - {"sing", "plur"} if pos == "adjective" and number == "sing" else set())
        if case == "accs" and pos == "adjective" and ("masc" in agree or number == "plur"):
            wanted.add("inan")  # an organisation is inanimate: its accusative is its nominative
        form = p.inflect(wanted)
        if form is not None:
            return head + sep + capitalised_as(last, form.word)
    return word


def _noun_agreement(word: str, gender: str) -> set[str]:
    for p in parse(word.lower()):
        if p.tag.POS == "NOUN" and p.tag.case == "nomn":
            if "plur" in p.tag:
                return {"plur"}
            return {p.tag.gender or "masc", "sing"}
    return GRAMMEMES[gender]


def in_case(form: str, gender: str, case: str) -> str:
    """`form` (a pool's full or short name, declining words marked *) in `case`."""
    words = form.split(" ")
    marked = ["*" in w for w in words]  # the mark stands after the word, before or after its closing «»
    plain = [w.replace("*", "") for w in words]
    if case == "nomn":
        return " ".join(plain)
    out = []
    for i, (w, m) in enumerate(zip(plain, marked)):
        if not m:
            out.append(w)
            continue
        before, word, after = _bare(w)
        later = next((plain[j] for j in range(i + 1, len(words)) if marked[j]), None)
        adjective = any(p.tag.POS in ADJECTIVES for p in parse(word.lower().rpartition("-")[2]) if p.tag.case == "nomn")
        if adjective and (later is not None or not _readings(word, "NOUN", "plur" if gender == "p" else "sing")):
            agree = _noun_agreement(_bare(later)[1], gender) if later is not None else GRAMMEMES[gender]
            out.append(before + _inflect_word(word, case, agree, "adjective") + after)
        else:
            out.append(before + _inflect_word(word, case, GRAMMEMES[gender], "NOUN") + after)
    return " ".join(out)


def agreeing_verb(word: str, gender: str) -> str | None:
    """A past-tense verb or short adjective in `gender` ("заявила" → "заявил"), or None."""
    for p in parse(word.lower()):
        if p.tag.POS in ("VERB", "ADJS", "PRTS") and (p.tag.POS != "VERB" or p.tag.tense == "past"):
            form = p.inflect(GRAMMEMES[gender])
            if form is not None:
                return capitalised_as(word, form.word)
    return None


# --- the organisations of an article and their occurrences ----------------------------------------

@lru_cache(maxsize=100_000)
def lemmas(word: str) -> frozenset[str]:
    low = word.lower().replace("ё", "е")
    if not re.search("[а-я]", low):
        return frozenset({low})
    return frozenset({low} | {p.normal_form.replace("ё", "е") for p in parse(low)})


def form_words(form: str) -> tuple[str, ...]:
    return tuple(m.group() for m in WORD.finditer(form))


# Where something is posted, not who posts it ("написал в Twitter"): left as written, with the platforms
# of the cleaner's channel calls.
PLATFORMS = ("twitter", "твиттер", "facebook", "фейсбук", "instagram", "инстаграм", "linkedin", "google", "жж",
             "livejournal")


LOOKALIKES = str.maketrans("АВСЕНКМОРТХ", "ABCEHKMOPTX")  # "ВВС" is the BBC written in Cyrillic capitals


def is_place(form: str) -> bool:
    """A country, a capital or a place the dictionary knows ("Южная Корея", "Москва", "Евросоюз"),
    which NER tags as an organisation where it speaks: not renamed, an organisation's name does not
    stand where a place's does."""
    words = form.split()
    return countries.country_of(form) is not None or countries.capital_country(form) is not None or \
        len(words) == 1 and any("Geox" in p.tag for p in parse(form.lower())[:1])


def is_outlet(form: str) -> bool:
    """An outlet, the media at large or a platform: not renamed."""
    low = form.lower()
    return known_outlet(form) is not None or known_outlet(form.translate(LOOKALIKES)) is not None or form in lexicons.media_at_large() or \
        form in lexicons.media_names() or low.startswith(PLATFORMS + tuple(lexicons.word_set("call_platforms")))


@dataclass
class Org:
    forms: set[tuple[str, ...]]  # the words of each form it is written in


def _lemma_key(form: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    return tuple(map(lemmas, form))


def _same_org(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two forms of one organisation: the same lemmas, or one the other with a capitalised name after it
    ("Верховный суд" and "Верховный суд Пакистана")."""
    short, long_ = sorted((a, b), key=len)
    if all(_fits(w, f) for w, f in zip(long_, short)) and all(w[:1].isupper() for w in long_[len(short):]):
        return True
    # or the other described before it: "Харьковская компания «Биолек»" and "Биолек"
    rest = len(long_) - len(short)
    return 0 < rest and all(_fits(w, f) for w, f in zip(long_[rest:], short)) and \
        description(" ".join(long_[:rest])) is not None


def orgs_of(mentions: list[tuple[int, int, str, str, str]], gold_names: list[str]) -> list[Org]:
    """The article's organisations: NER's ORG mentions (start, end, type, key, normal) grouped by key,
    and the gold's organisation speakers in which none of them is written ("Pfizer и BioNTech" is two);
    an outlet is left out, and two groups of one organisation (`_same_org`) are one."""
    groups: dict[str, set[tuple[str, ...]]] = {}
    for _, _, kind, key, normal in mentions:
        if kind == "ORG" and form_words(normal):
            groups.setdefault(key, set()).add(form_words(normal))
    merged: list[Org] = []
    for forms in groups.values():
        forms = {f for f in forms if any(w[:1].isupper() for w in f)}
        if not forms or any(is_outlet(" ".join(f)) for f in forms) or all(is_place(" ".join(f)) for f in forms):
            continue
        same = next((o for o in merged if any(_same_org(a, b) for a in o.forms for b in forms)), None)
        if same is None:
            merged.append(Org(set(forms)))
        else:
            same.forms |= forms
    for name in gold_names:
        words = form_words(name)
        if not words or not words[0][:1].isupper() or is_outlet(name) or is_place(name):
            continue
        if occurrences(name, tagged(name), merged):
            continue
        merged.append(Org({words}))
    return merged


@dataclass
class Occurrence:
    org: int
    start: int
    end: int
    case: str
    full: bool  # written out: takes the full name
    quoted: bool  # inside quotation marks: the short name, the marks kept
    apposed: bool  # after a lower-case class noun: the nominative, the noun's verb left alone
    gender: str | None  # the original's, where the tagger reads one
    first: int  # token indices of the occurrence
    last: int


def _fits(word: str, form_word: str) -> bool:
    return bool(lemmas(word) & lemmas(form_word)) if form_word[:1].isalpha() else word.lower() == form_word.lower()


def occurrences(text: str, tokens: list, orgs: list[Org], places: list[tuple[int, int]] = ()) -> list[Occurrence]:
    """Every occurrence of one of `orgs` in `text` (natasha's `tokens` of it): longest forms first, no
    two overlapping. `places`: NER's LOC mentions (a genitive one right after an occurrence joins it)."""
    words = [k for k, t in enumerate(tokens) if WORD.fullmatch(t.text)]
    forms = sorted(((len(f), f, i) for i, o in enumerate(orgs) for f in o.forms), reverse=True)
    taken = [False] * len(tokens)
    out = []
    for n, form, i in forms:
        for w in range(len(words) - n + 1):
            run = words[w:w + n]
            if any(taken[k] for k in run) or not all(_fits(tokens[k].text, f) for k, f in zip(run, form)):
                continue
            # the words of a form are one phrase: spaces or quotation marks between them
            if any(text[tokens[a].stop:tokens[b].start].strip(" " + OPEN_MARKS + CLOSE_MARKS)
                   for a, b in zip(run, run[1:])):
                continue
            if not tokens[run[0]].text[:1].isupper() and not any(tokens[k].text[:1].isupper() for k in run):
                continue
            out.append(_occurrence(text, tokens, i, run[0], run[-1], places))
            for k in range(run[0], run[-1] + 1):
                taken[k] = True
    return sorted(out, key=lambda o: o.start)


def _occurrence(text: str, tokens: list, org: int, first: int, last: int, places: list[tuple[int, int]]) -> Occurrence:
    start, end = tokens[first].start, tokens[last].stop
    inside = text[start:end]
    if inside.count("«") > inside.count("»") and text[end:end + 1] in CLOSE_MARKS:
        end += 1  # "ФГУП «Сибвектор»": the closing mark belongs to the name
    quoted = text[start - 1:start] in OPEN_MARKS and text[end:end + 1] in CLOSE_MARKS and start > 0
    before = tokens[first - (2 if quoted else 1)] if first - (2 if quoted else 1) >= 0 else None
    apposed = before is not None and before.text[:1].islower() and is_class_noun(before.text) and \
        not text[before.stop:start - (1 if quoted else 0)].strip()
    head = next((t for t in tokens[first:last + 1] if (t.feats or {}).get("Case")), tokens[first])
    case = "nomn" if apposed else UD_CASES.get((head.feats or {}).get("Case"), "nomn")
    lead = tokens[first - (2 if quoted else 1)] if first - (2 if quoted else 1) >= 0 else None
    if not apposed and not _shows_case(tokens[first].text):
        # "в AESA", "в МИД": the preposition tells the case; with none, a name whose form shows no case
        # is read as a genitive where the tagger says so ("заявление Pfizer"), else as a nominative
        if lead is not None and lead.pos == "ADP" and lead.text.lower() in PREPOSITION_CASES:
            case = PREPOSITION_CASES[lead.text.lower()]
        elif lead is not None and lead.pos == "NOUN" and \
                not text[lead.stop:start - (1 if quoted else 0)].strip():
            case = "gent"  # "руководство Ryanair назвало": the name is the noun's genitive, the verb the noun's
        elif case != "gent":
            case = "nomn"
    elif case == "accs" and SENTENCE_START.search(text[max(0, start - (4 if quoted else 3)):start - (1 if quoted else 0)]) \
            and any(p.tag.case == "nomn" for p in parse(tokens[first].text.lower())):
        case = "nomn"  # an inanimate subject opening a sentence reads as an accusative as often as not
    feats = head.feats or {}
    gender = "p" if feats.get("Number") == "Plur" else UD_GENDER.get(feats.get("Gender"))
    n_words = last - first + 1
    if not quoted:
        nxt = last + 1
        if nxt < len(tokens) and (tokens[nxt].start, tokens[nxt].stop) in set(places) and \
                (tokens[nxt].feats or {}).get("Case") == "Gen" and not text[end:tokens[nxt].start].strip():
            end, last, n_words = tokens[nxt].stop, nxt, n_words + 1  # "МИД Пакистана"
    full = not quoted and not apposed and n_words >= 2 and not tokens[first].text.isupper()
    return Occurrence(org, start, end, case, full, quoted, apposed, gender, first, last)


def _in_capitals(text: str, tokens: list, occ: Occurrence) -> bool:
    """A headline in capitals: the occurrence and a word next to it written in capitals (an abbreviation
    alone, "ЕС", is no headline)."""
    if not text[occ.start:occ.end].isupper():
        return False
    near = [t.text for t in tokens[max(0, occ.first - 1):occ.first] + tokens[occ.last + 1:occ.last + 2]]
    return any(len(w) > 3 and w.isupper() for w in near)


# The case a preposition governs where a name's own form shows none ("в AESA заявили", "от ВОЗ").
PREPOSITION_CASES = {"в": "loct", "во": "loct", "на": "loct", "о": "loct", "об": "loct", "при": "loct",
                     "из": "gent", "от": "gent", "у": "gent", "для": "gent", "до": "gent", "без": "gent",
                     "после": "gent", "со": "ablt", "с": "ablt", "между": "ablt", "перед": "ablt",
                     "к": "datv", "ко": "datv", "по": "datv", "через": "accs", "про": "accs"}


@lru_cache(maxsize=10_000)
def is_class_noun(word: str) -> bool:
    """A noun that classes an organisation ("компания", "авиакомпания", "профсоюз", "газета")."""
    known = set(lexicons.org_classes()) | lexicons.org_nouns() | set(lexicons.media_nouns())
    return any(p.tag.POS == "NOUN" and p.normal_form.replace("ё", "е") in known for p in parse(word.lower()))


def _shows_case(word: str) -> bool:
    """A Cyrillic word the dictionary declines (not a Latin name, an abbreviation, an indeclinable)."""
    return bool(re.search("[а-яё]", word)) and any(p.tag.case != "nomn" for p in parse(word.lower())
                                                    if p.tag.POS == "NOUN" and "Fixd" not in p.tag)


def _verb_next_to(tokens: list, occ: Occurrence):
    """The past-tense verb or short adjective agreeing with a nominative occurrence, just after it or
    just before it ("Еврокомиссия заявила", "сообщила Еврокомиссия")."""
    if occ.case != "nomn" or occ.apposed:
        return None
    after = tokens[occ.last + 1:occ.last + 4]
    near = after + tokens[max(0, occ.first - (2 if occ.quoted else 1)):occ.first - (1 if occ.quoted else 0)]
    for t in near:
        if t.pos == "PUNCT" and t in after:
            if t.text in CLOSE_MARKS:
                continue
            break
        feats = t.feats or {}
        if t.pos in ("VERB", "AUX", "ADJ") and (feats.get("Tense") == "Past" or feats.get("Variant") == "Short"):
            said = "p" if feats.get("Number") == "Plur" else UD_GENDER.get(feats.get("Gender"))
            if said is not None and (occ.gender is None or occ.gender == said):
                return t, said
            return None
    return None


def replacements(text: str, tokens: list, found: list[Occurrence], names: dict[int, OrgName]) -> list[Replacement]:
    """The replacements that write each occurrence with its organisation's new name, and the verbs
    that agree with it in its gender."""
    out: list[Replacement] = []
    for occ in found:
        new = names.get(occ.org)
        if new is None:
            continue
        form, gender = (new.full, new.full_gender) if occ.full else (new.short, new.short_gender)
        written = in_case(form, gender, occ.case)
        if occ.quoted:
            written = written.strip(OPEN_MARKS + CLOSE_MARKS)
        if SENTENCE_START.search(text[max(0, occ.start - 3):occ.start]) is not None:
            written = written[:1].upper() + written[1:]
        if _in_capitals(text, tokens, occ):
            written = written.upper()
        out.append((occ.start, occ.end, written))
        verb = _verb_next_to(tokens, occ)
        if verb is not None and verb[1] != gender:
            agreed = agreeing_verb(verb[0].text, gender)
            if agreed is not None:
                out.append((verb[0].start, verb[0].stop, agreed))
    return disjoint(sorted(out))


@dataclass
class Renamed:
    text: str
    repls: list[Replacement]
    entry: dict
    samples: list[str]
    kept: int


def org_classes_of(text: str, tokens: list, found: list[Occurrence], orgs: list[Org], gold_names: list[str]) -> dict[int, str | None]:
    """Each organisation's class noun, as the article or the gold tells it: the class noun its name is
    written after ("авиакомпания Ryanair", "профсоюз «Аэрокрыло»"; the most frequent), else its own
    head noun ("Верховный суд Пакистана"), what a one-word name is made of ("Минздрав"), a known body's
    other names ("МИД" → министерство), or a gold speaker naming it after its class noun; None where
    nothing tells it."""
    written: dict[int, Counter] = {i: Counter() for i in range(len(orgs))}
    for occ in found:
        noun = _written_class(tokens, occ)
        if noun is not None:
            written[occ.org][noun] += 1
    for name in gold_names:
        toks = tagged(name)
        for occ in occurrences(name, toks, orgs):
            noun = _written_class(toks, occ)
            if noun is not None:
                written[occ.org][noun] += 1
    out = {}
    for i, org in enumerate(orgs):
        named = written[i].most_common(1)
        heads = [c for f in sorted(org.forms) for c in (head_noun(" ".join(f)) if len(f) > 1 else None,
                                                         name_class(" ".join(f)), *sorted(alias_heads(" ".join(f))))]
        heads = [c for c in dict.fromkeys(heads) if c and participants_class_noun(c)]
        # the narrowest of its heads: "МИД" is a министерство before it is a ведомство
        narrow = [c for c in heads if not any(c in lexicons.org_classes().get(d, ()) for d in heads)]
        out[i] = named[0][0] if named else next(iter(narrow), None)
    return out


def _written_class(tokens: list, occ: Occurrence) -> str | None:
    """The lower-case class noun a name is written after, past its marks, a parenthesis and adjectives:
    "авиакомпания Ryanair", "Бюджетная авиакомпания (лоукостер) Ryanair" (the nearest noun only)."""
    j = occ.first - 1
    while j >= 0 and occ.first - j <= 5:
        t = tokens[j]
        if t.text in OPEN_MARKS + CLOSE_MARKS + "()":
            j -= 1
            continue
        if not t.text[:1].islower():
            return None
        lemma = next((class_noun(p.normal_form.replace("ё", "е")) for p in parse(t.text.lower()) if p.tag.POS == "NOUN"), None)
        if lemma is not None:
            return lemma if participants_class_noun(lemma) else None
        if t.pos not in ("ADJ",):
            return None
        j -= 1
    return None


CLASS_POOL = "same class: "


# The broader classes a narrower one may draw from: their names carry no class noun the text's own would
# contradict (a банк named "Halvorsen Group" is still "банк"), or one the narrower class is (a лоукостер
# is an авиакомпания). A лига is not renamed to an "организация …": "лига вынесла решение" would then
# designate nothing.
BROADER_POOLS = frozenset({"компания", "авиакомпания"})


def class_pool(pools: dict[str, list[OrgName]], cls: str) -> str | None:
    """The pool for a class noun: its own ("same class: суд"), else a broader class of org_classes.tsv in
    BROADER_POOLS (a лоукостер draws from the airlines, a банк from the companies); None where none has."""
    for c in (cls, *sorted(lexicons.org_classes().get(cls, frozenset()) & BROADER_POOLS)):
        if CLASS_POOL + c in pools:
            return CLASS_POOL + c
    return None


def rename_article(entry: dict, text: str, mentions: list, pool: list[OrgName] | dict[str, list[OrgName]],
                   tokens: list | None = None) -> Renamed:
    gold_names = [q["speaker"] for q in entry["quotes"] if q["speaker_kind"] == "organization" and q["speaker"]]
    orgs = orgs_of(mentions, gold_names)
    tokens = tokens if tokens is not None else tagged(text)
    places = [(s, e) for s, e, kind, _, _ in mentions if kind == "LOC"]
    found = occurrences(text, tokens, orgs, places)
    order = list(dict.fromkeys(occ.org for occ in found))
    seed = int(hashlib.sha1(entry["file"].encode()).hexdigest(), 16)
    if isinstance(pool, dict):  # a class-keeping pool: each organisation from its class's names
        classes = org_classes_of(text, tokens, found, orgs, gold_names)
        names, drawn = {}, Counter()
        for i in order:
            drawn_from = class_pool(pool, classes[i]) if classes[i] else None
            if drawn_from is not None and drawn[drawn_from] < len(pool[drawn_from]):
                names[i] = pool[drawn_from][(seed + drawn[drawn_from]) % len(pool[drawn_from])]
                drawn[drawn_from] += 1
        kept = len(order) - len(names)
    else:
        names = {i: pool[(seed + k) % len(pool)] for k, i in enumerate(order[:len(pool)])}
        kept = max(0, len(order) - len(pool))
    repls = replacements(text, tokens, found, names)
    quotes = []
    for q in entry["quotes"]:
        speaker = q["speaker"]
        if speaker:
            # the gold writes the place as the text does ("МИД Пакистана"): a place after
            # the name goes with it here too
            toks = tagged(speaker)
            capitals = [(t.start, t.stop) for t in toks if t.text[:1].isupper() and is_place(t.text)]
            speaker = apply(speaker, replacements(speaker, toks, occurrences(speaker, toks, orgs, capitals), names))
        quotes.append(dict(q, speaker=speaker))
    samples = [f"{text[max(0, s - 30):s]!r} [[{text[s:e]!r} → {new!r}]] {text[e:e + 20]!r}" for s, e, new in repls]
    return Renamed(apply(text, repls), repls, dict(entry, quotes=quotes), samples, kept)


def org_mentions(doc) -> list[tuple[int, int, str, str, str]]:
    """citata's ORG and LOC mentions of a document, in the raw text's offsets."""
    out = []
    for m in doc.entities:
        if m["type"] not in ("ORG", "LOC"):
            continue
        try:
            out.append((doc.raw_offset(m["start"]), doc.raw_offset(m["end"]), m["type"], m["key"], m["normal"]))
        except ValueError:
            continue
    return out


def kinds_table(counts: dict[str, Counter]) -> str:
    lines = ["| pool | " + " | ".join(KINDS) + " |", "|---|" + "---|" * len(KINDS)]
    for name, c in counts.items():
        cells = [f"{c.get('kind_wsw_' + k, 0)}/{c.get('kind_match_' + k, 0)}" for k in KINDS]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--set", choices=("tune", "blind"), default="tune")
    pools = load_pools()
    by_class = {name: names for name, names in pools.items() if name.startswith(CLASS_POOL)}
    pools = {name: names for name, names in pools.items() if name not in by_class}
    pools[CLASS_POOL.rstrip(": ")] = by_class
    args, names = pool_options(ap, pools)
    counts, kept, replaced = run_pools(args, names, pools, org_mentions, rename_article)
    for name in names:
        why = "no pool for their class or none told" if name == CLASS_POOL.rstrip(": ") else "pool too small"
        print(f"{name}: {replaced[name]} replacements; {kept[name]} organisations kept their names ({why})")
    print()
    print(table(counts, label="pool"))
    print()
    print("Speakers right on matched quotations, by the gold speaker's kind:\n")
    print(kinds_table(counts))


if __name__ == "__main__":
    main()
