"""Who-said-what when the names are ones nobody tuned on: every person of each gold article renamed
(the same person → the same new person throughout the article) with a name drawn from a pool of
eval/rename_pools.tsv, the pipeline run on the renamed text and scored with eval/quotes.py's matching,
the gold speakers renamed the same way.

    python eval/rename.py [--set tune|blind] [--corpora ../shared/corpora] [--pools a,b,...]
    python eval/rename.py --errors POOL       (tune half only: what the renaming changes)
    python eval/rename.py --samples POOL      (tune half only: every name replaced, in context)

One row per pool: quotation F1, who-said-what F1, speaker accuracy on matched quotations, and the drop
of each against the original text. The gold articles name the same few hundred people (Трамп, Мэй,
Лавров, …), whom NER and the name rules have seen; a pool that scores below the original shows that
attribution leans on the names it has seen rather than on the sentence.

Who is renamed: the persons citata's NER finds in the original (grouped by the document's person keys,
and merged where their surnames share a name key) and the gold's person speakers. Every capitalised
word of the article whose name key is one of a person's surname keys is an occurrence of that person,
with the first name, patronymic and initials written next to it (before: "Сергей Лавров", "С. В.
Лавров"; after: "Лавров С. В."), and a first name the person's full name carries, written alone or as
the polite "Иван Сергеевич", is one too. An occurrence keeps its parts: a surname alone becomes the new
surname, initials stay initials (a patronymic or its initial is dropped where the new name has none),
and every word is put in the case the original word has in its sentence (natasha's morphological
tagger reads it from the context, so an indeclinable original such as "Мэй" still gives its case); a
person keeps its gender (the tagger's votes over its occurrences, a past-tense verb next to a
nominative occurrence counting three), so verbs and
pronouns still agree. East-Asian names are written in full at every mention, as Russian news does.
A gold speaker's name is renamed by the same rules (in the nominative).

Pools are drawn deterministically: an article's persons, in the order they first occur, take the
pool's names of their gender from a place fixed by a hash of the article's path; persons beyond the
pool's size keep their names (counted in the output).

--set blind prints totals only (issue 14's discipline).
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from perturb import Replacement, Runner, apply, offset_map, originals_of, score_original, score_variant, table  # noqa: E402
from quotes import CORPUS_FILES, entries  # noqa: E402

from citata.names import NAME_TAGS, name_key  # noqa: E402
from citata.nlp import parse  # noqa: E402

POOLS = ROOT / "eval" / "rename_pools.tsv"
UD_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct",
            "Par": "gent", "Voc": "nomn"}
CYRILLIC_CAPITAL = re.compile(r"[А-ЯЁ][а-яё]")
PATRONYMIC_END = re.compile(r"(?:ович|евич|ич|овна|евна|ична|инична)$")
INITIALS_BEFORE = re.compile(r"(?:^|(?<=[\s(«\"„]))([А-ЯЁ][а-яё]?\.)(\s?)(?:([А-ЯЁ]\.)(\s?))?$")
INITIALS_AFTER = re.compile(r"^(\s)([А-ЯЁ]\.)(?:(\s?)([А-ЯЁ]\.))?")
SENTENCE_START = re.compile(r"(?:^|[.!?…]\s+|\n\s*|[«\"„—–-]\s*)$")


@dataclass(frozen=True)
class NewName:
    pool: str
    gender: str  # m | f
    first: str
    patronymic: str
    surname: str
    declension: tuple[str, ...]  # per hyphenated part of the surname: ov | adj | noun | fixed

    @property
    def east_asian(self) -> bool:
        return self.pool == "east-asian"


def load_pools(path: Path = POOLS) -> dict[str, dict[str, list[NewName]]]:
    pools: dict[str, dict[str, list[NewName]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pool, gender, first, patronymic, surname, declension = line.split("\t")
        classes = tuple(declension.split("-"))
        if len(classes) != surname.count("-") + 1:
            raise SystemExit(f"{path}: {surname!r} has {surname.count('-') + 1} parts, {declension!r} classes")
        pools.setdefault(pool, {}).setdefault(gender, []).append(
            NewName(pool, gender, first, patronymic, surname, classes))
    return pools


# --- inflection -----------------------------------------------------------------------------------

# Endings of the declensions a name follows when pymorphy's dictionary does not know it.
MAN_CONSONANT = {"gent": "а", "datv": "у", "accs": "а", "ablt": "ом", "loct": "е"}
MAN_SOFT = {"gent": "я", "datv": "ю", "accs": "я", "ablt": "ем", "loct": "е"}  # -й, -ь dropped
WOMAN_A = {"gent": "ы", "datv": "е", "accs": "у", "ablt": "ой", "loct": "е"}
WOMAN_YA = {"gent": "и", "datv": "е", "accs": "ю", "ablt": "ей", "loct": "е"}
RUSSIAN_MAN = {"gent": "а", "datv": "у", "accs": "а", "ablt": "ым", "loct": "е"}  # Сухоруков
RUSSIAN_WOMAN = {"gent": "ой", "datv": "ой", "accs": "у", "ablt": "ой", "loct": "ой"}  # Сухорукова: -а dropped
ADJ_MAN = {"gent": "ого", "datv": "ому", "accs": "ого", "ablt": "им", "loct": "ом"}  # -ий dropped
ADJ_WOMAN = {"gent": "ой", "datv": "ой", "accs": "ую", "ablt": "ой", "loct": "ой"}  # -ая dropped


def capitalised_as(pattern: str, word: str) -> str:
    """`word` (lower case) with the capitals of `pattern`, hyphenated part by part."""
    parts, shape = word.split("-"), pattern.split("-")
    if len(parts) != len(shape):
        return word[:1].upper() + word[1:] if pattern[:1].isupper() else word
    return "-".join(p[:1].upper() + p[1:] if s[:1].isupper() else p for p, s in zip(parts, shape))


def _by_rule(word: str, gender: str, case: str, declension: str) -> str:
    low = word.lower()
    if declension == "ov":
        if gender == "f":
            return word[:-1] + RUSSIAN_WOMAN[case]
        return word + RUSSIAN_MAN[case]
    if declension == "adj":
        return word[:-2] + (ADJ_WOMAN if gender == "f" else ADJ_MAN)[case]
    if gender == "f":
        if low.endswith("ия"):
            return word[:-1] + {"datv": "и", "loct": "и"}.get(case, WOMAN_YA[case])
        if low.endswith("я"):
            return word[:-1] + WOMAN_YA[case]
        if low.endswith("а"):
            ending = WOMAN_A[case]
            if case == "gent" and low[-2:-1] in "гкхжшчщ":
                ending = "и"
            return word[:-1] + ending
        return word
    if low[-1] in "йь":
        return word[:-1] + MAN_SOFT[case]
    if low[-1] in "аеёиоуыэюя":
        return word  # Марко, Андре, Анри: a man's foreign name in a vowel does not decline
    ending = MAN_CONSONANT[case]
    if case == "ablt" and low[-1] in "жшчщц":
        ending = "ем"
    return word + ending


@lru_cache(maxsize=10_000)
def inflect(word: str, gender: str, case: str, declension: str = "name") -> str:
    """One word of a new name in `case`: a first name or patronymic (declension "name") by pymorphy's
    dictionary where it knows the word as a name of that gender, else by its ending; a surname by its
    declension class (pymorphy where it knows the surname, the class's endings otherwise)."""
    if case == "nomn" or declension == "fixed":
        return word
    if "-" in word and declension == "name":
        # Жан-Пьер → Жан-Пьера (a man's first part stays); Анна-Мария → Анны-Марии
        head, _, tail = word.rpartition("-")
        if gender == "f":
            head = "-".join(inflect(h, gender, case) for h in head.split("-"))
        return head + "-" + inflect(tail, gender, case)
    grammeme = "femn" if gender == "f" else "masc"
    for p in parse(word):
        tag = p.tag
        if tag.case != "nomn" or tag.number != "sing" or not p.is_known:
            continue
        if declension == "adj" and tag.POS == "ADJF" and grammeme in tag:
            # a man's adjectival surname is animate: its accusative is its genitive
            form = p.inflect({"gent" if case == "accs" and gender == "m" else case, "sing", grammeme})
        elif declension != "adj" and NAME_TAGS & tag.grammemes and (grammeme in tag or "ms-f" in tag):
            form = p.inflect({case, "sing"})
        else:
            continue
        if form is not None:
            return capitalised_as(word, form.word)
    return _by_rule(word, gender, case, declension)


def surname_form(name: NewName, case: str) -> str:
    """The new surname in `case`: each hyphenated part by its class, the last word of a part only (a
    particle before it, "ван дер", never declines)."""
    parts = []
    for part, declension in zip(name.surname.split("-"), name.declension):
        head, sep, last = part.rpartition(" ")
        parts.append(head + sep + inflect(last, name.gender, case, declension))
    return "-".join(parts)


def full_east_asian(name: NewName, case: str) -> str:
    """Family name first, the given name's last syllable declining as a first name does."""
    head, sep, last = name.first.rpartition(" ")
    return f"{name.surname} {head}{sep}{inflect(last, name.gender, case)}"


# --- the persons of an article and their occurrences ----------------------------------------------

@dataclass
class Person:
    surnames: set[str] = field(default_factory=set)  # name keys of the surname's forms
    firsts: set[str] = field(default_factory=set)  # name keys of first names written with it
    votes: Counter = field(default_factory=Counter)  # gender votes
    first_seen: int = 10 ** 9

    def gender(self) -> str:
        return "f" if self.votes["f"] > self.votes["m"] else "m"


@dataclass
class Occurrence:
    person: int
    case: str
    parts: list[tuple[str, int, int]]  # (first | patronymic | surname | first initial | patronymic initial, start, end)


def _words(text: str) -> list[re.Match]:
    return list(re.finditer(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*", text))


@lru_cache(maxsize=100_000)
def _may_be_surname(word: str) -> bool:
    """Not a place's or an organisation's name, nor a common word the dictionary knows ("Президент
    России" as a gold speaker names no person called "России")."""
    known = [p for p in parse(word) if p.is_known]
    return not known or any(NAME_TAGS & p.tag.grammemes for p in known) and \
        not any({"Geox", "Orgn"} & p.tag.grammemes for p in known)


def persons_of(mentions: list[tuple[int, int, str, str]], gold_names: list[str], text: str) -> list[Person]:
    """The article's persons: citata's PER mentions (start, end, document key, normal form) grouped by
    key, the gold's person speakers, merged where their surnames share a name key."""
    groups: dict[str, Person] = {}
    for start, end, key, normal in mentions:
        # a patronymic is no surname ("Наина Иосифовна")
        words = [m.group() for m in _words(text[start:end])
                 if CYRILLIC_CAPITAL.match(m.group()) and not PATRONYMIC_END.search(m.group())]
        normal_words = [m.group() for m in _words(normal)
                        if CYRILLIC_CAPITAL.match(m.group()) and not PATRONYMIC_END.search(m.group())]
        if not words:
            continue
        p = groups.setdefault(key, Person())
        p.first_seen = min(p.first_seen, start)
        p.surnames.update(name_key(w) for w in {words[-1], *normal_words[-1:]} if _may_be_surname(w))
        for w in words[:-1] + normal_words[:-1]:
            if not PATRONYMIC_END.search(w.lower()):
                p.firsts.add(name_key(w))
    for name in gold_names:
        words = [m.group() for m in _words(name) if CYRILLIC_CAPITAL.match(m.group())]
        if words and _may_be_surname(words[-1]):
            p = groups.setdefault("gold:" + name_key(words[-1]), Person())
            p.surnames.add(name_key(words[-1]))
            p.firsts.update(name_key(w) for w in words[:-1])
    # "Асия" or "Тереза" written alone is a first name (of Асия Биби, of Тереза Мэй), not a surname
    firsts = {key for p in groups.values() for key in p.firsts}
    merged: list[Person] = []
    for p in groups.values():
        p.surnames -= firsts
        if not p.surnames:
            continue
        same = next((q for q in merged if q.surnames & p.surnames), None)
        if same is None:
            merged.append(p)
        else:
            same.surnames |= p.surnames
            same.firsts |= p.firsts
            same.first_seen = min(same.first_seen, p.first_seen)
    return merged


@lru_cache(maxsize=1)
def _natasha():  # its own tagger: citata's pipeline tags no morphology in context
    from natasha import Doc, NewsEmbedding, NewsMorphTagger, Segmenter
    return Doc, Segmenter(), NewsMorphTagger(NewsEmbedding())


INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def tagged(text: str) -> list:
    """natasha's tokens of `text` with their part of speech and features in context; a token's
    invisible characters in front ("\u200bПесков") are no part of the word."""
    doc_class, segmenter, tagger = _natasha()
    doc = doc_class(text)
    doc.segment(segmenter)
    doc.tag_morph(tagger)
    for tok in doc.tokens:
        word = tok.text.lstrip(INVISIBLE)
        if word != tok.text and word:
            tok.start += len(tok.text) - len(word)
            tok.text = word
    return doc.tokens


def _is_first_name(word: str, person: Person, in_mention: bool) -> bool:
    if not CYRILLIC_CAPITAL.match(word) or PATRONYMIC_END.search(word.lower()):
        return False
    return in_mention or name_key(word) in person.firsts or \
        any(p.is_known and "Name" in p.tag for p in parse(word))


def occurrences(text: str, tokens: list, persons: list[Person],
                spans: list[tuple[int, int]] = ()) -> list[Occurrence]:
    """Every occurrence of one of `persons` in `text` (natasha's `tokens` of it), with the case its
    surname has in the sentence. `spans`: NER's person mentions (a first name NER put in a mention
    with the surname is the person's even when the dictionary does not know it)."""
    index = {key: i for i, p in enumerate(persons) for key in p.surnames}
    out = []
    for k, tok in enumerate(tokens):
        if not CYRILLIC_CAPITAL.match(tok.text) or tok.pos in ("ADP", "CCONJ", "SCONJ", "PART"):
            continue
        who = index.get(name_key(tok.text))
        if who is None or not _may_be_surname(tok.text):
            continue
        person = persons[who]
        gender = (tok.feats or {}).get("Gender")
        if gender in ("Masc", "Fem"):
            person.votes["m" if gender == "Masc" else "f"] += 1
        parts = [("surname", tok.start, tok.stop)]
        span = next(((s, e) for s, e in spans if s <= tok.start < e), None)
        before = text[max(0, tok.start - 8):tok.start]
        initials = INITIALS_BEFORE.search(before)
        j = k - 1
        if initials:
            at = tok.start - len(before) + initials.start()
            parts.insert(0, ("first initial", at, at + len(initials.group(1))))
            if initials.group(3):
                at2 = at + len(initials.group(1)) + len(initials.group(2))
                parts.insert(1, ("patronymic initial", at2, at2 + len(initials.group(3))))
        else:
            if j >= 0 and PATRONYMIC_END.search(tokens[j].text.lower()) and CYRILLIC_CAPITAL.match(tokens[j].text) \
                    and text[tokens[j].stop:tok.start].isspace():
                parts.insert(0, ("patronymic", tokens[j].start, tokens[j].stop))
                j -= 1
            if j >= 0 and text[tokens[j].stop:parts[0][1]].isspace() and \
                    _is_first_name(tokens[j].text, person, span is not None and span[0] <= tokens[j].start):
                parts.insert(0, ("first", tokens[j].start, tokens[j].stop))
                gender = (tokens[j].feats or {}).get("Gender")
                if gender in ("Masc", "Fem"):
                    person.votes["m" if gender == "Masc" else "f"] += 1
            elif parts[0][0] == "patronymic":
                parts.pop(0)  # a patronymic with no first name before it is no part of this name
            after = INITIALS_AFTER.match(text[tok.stop:tok.stop + 8])
            if after and not text[tok.stop + after.end():tok.stop + after.end() + 1].isalpha():
                at = tok.stop + len(after.group(1))
                parts.append(("first initial", at, at + len(after.group(2))))
                if after.group(4):
                    at2 = at + len(after.group(2)) + len(after.group(3))
                    parts.append(("patronymic initial", at2, at2 + len(after.group(4))))
        case = UD_CASES.get((tok.feats or {}).get("Case"), "nomn")
        _vote_by_verb(tokens, k - len([p for p in parts if p[0] in ("first", "patronymic")]), k, person, case)
        out.append(Occurrence(who, case, parts))
    # a first name written alone ("Асия стала возражать") where it is one person's only
    taken = {(s, e) for occ in out for _, s, e in occ.parts}
    firsts: dict[str, set[int]] = {}
    for i, p in enumerate(persons):
        for key in p.firsts:
            firsts.setdefault(key, set()).add(i)
    for k, tok in enumerate(tokens):
        if (tok.start, tok.stop) in taken or not CYRILLIC_CAPITAL.match(tok.text):
            continue
        who = firsts.get(name_key(tok.text), set())
        if len(who) == 1 and name_key(tok.text) not in index:
            i = next(iter(who))
            case = UD_CASES.get((tok.feats or {}).get("Case"), "nomn")
            parts = [("first", tok.start, tok.stop)]
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            if after is not None and PATRONYMIC_END.search(after.text.lower()) and CYRILLIC_CAPITAL.match(after.text) \
                    and text[tok.stop:after.start].isspace():
                parts.append(("patronymic", after.start, after.stop))  # "Алла Николаевна": the polite form
            _vote_by_verb(tokens, k, k + len(parts) - 1, persons[i], case)
            out.append(Occurrence(i, case, parts))
    return sorted(out, key=lambda o: o.parts[0][1])


def _vote_by_verb(tokens: list, first: int, last: int, person: Person, case: str) -> None:
    """A name in the nominative with a past-tense verb or short adjective just after or just before it
    ("Биби выпила", "сказала Биби"): the verb's gender is the person's (three votes; the name's own
    tag, one)."""
    if case != "nomn":
        return
    near = [t for t in tokens[last + 1:last + 4]] + [t for t in tokens[max(0, first - 1):first]]
    for t in near:
        if t.pos == "PUNCT" and t is not tokens[first - 1]:
            break
        gender = (t.feats or {}).get("Gender")
        if t.pos in ("VERB", "AUX", "ADJ") and (t.feats or {}).get("Number") == "Sing" and gender in ("Masc", "Fem") \
                and ((t.feats or {}).get("Tense") == "Past" or (t.feats or {}).get("Variant") == "Short"):
            person.votes["m" if gender == "Masc" else "f"] += 3
            return


def replacements(text: str, found: list[Occurrence], names: dict[int, NewName]) -> list[Replacement]:
    """The replacements that write each occurrence with its person's new name."""
    out: list[Replacement] = []
    for occ in found:
        new = names.get(occ.person)
        if new is None:
            continue
        first_start = occ.parts[0][1]
        capital = SENTENCE_START.search(text[max(0, first_start - 3):first_start]) is not None
        if new.east_asian:  # the whole name, whatever parts the original wrote
            start, end = occ.parts[0][1], occ.parts[-1][2]
            word = next((text[s:e] for kind, s, e in occ.parts if kind == "surname"), text[start:occ.parts[0][2]])
            out.append((start, end, upper_if(word, full_east_asian(new, occ.case))))
            continue
        for kind, start, end in occ.parts:
            if kind == "surname":
                form = surname_form(new, occ.case)
                if capital and start == first_start:
                    form = form[:1].upper() + form[1:]  # "Фон дер Хайде" opening a sentence
                out.append((start, end, upper_if(text[start:end], form)))
            elif kind == "first":
                out.append((start, end, upper_if(text[start:end], inflect(new.first, new.gender, occ.case))))
            elif kind == "first initial":
                out.append((start, end, new.first[0] + "."))
            elif new.patronymic:
                form = new.patronymic[0] + "." if kind == "patronymic initial" else \
                    inflect(new.patronymic, new.gender, occ.case)
                out.append((start, end, form))
            else:  # the new name has no patronymic: drop it with the space after it
                gap = len(text[end:]) - len(text[end:].lstrip(" \u00a0"))
                out.append((start, end + gap, ""))
    return disjoint(sorted(out))


def upper_if(original: str, new: str) -> str:
    """`new` in capitals where the original word is written in capitals (a headline's "ТРАМП")."""
    return new.upper() if sum(ch.isalpha() for ch in original) > 1 and original.isupper() else new


def disjoint(repls: list[Replacement]) -> list[Replacement]:
    out: list[Replacement] = []
    for r in repls:
        if not out or r[0] >= out[-1][1]:
            out.append(r)
    return out


@dataclass
class Renamed:
    """One article renamed from one pool."""
    text: str
    repls: list[Replacement]
    entry: dict  # the gold entry with its speakers renamed
    samples: list[str]
    kept: int  # persons left with their names (more than the pool holds of their gender)


def rename_article(entry: dict, text: str, mentions: list, pool: dict[str, list[NewName]],
                   tokens: list | None = None) -> Renamed:
    gold_names = [q["speaker"] for q in entry["quotes"] if q["speaker_kind"] == "person" and q["speaker"]]
    persons = persons_of(mentions, gold_names, text)
    spans = [(s, e) for s, e, _, _ in mentions]
    found = occurrences(text, tokens if tokens is not None else tagged(text), persons, spans)
    for occ in found:
        persons[occ.person].first_seen = min(persons[occ.person].first_seen, occ.parts[0][1])
    order = sorted({occ.person for occ in found}, key=lambda i: persons[i].first_seen)
    seed = int(hashlib.sha1(entry["file"].encode()).hexdigest(), 16)
    names, taken, kept = {}, Counter(), 0
    for i in order:
        gender = persons[i].gender()
        choices = pool[gender]
        if taken[gender] >= len(choices):
            kept += 1
            continue
        names[i] = choices[(seed + taken[gender]) % len(choices)]
        taken[gender] += 1
    repls = replacements(text, found, names)
    # the gold speakers' names, renamed by the same rules
    quotes = []
    for q in entry["quotes"]:
        speaker = q["speaker"]
        if speaker:
            found_here = occurrences(speaker, tagged(speaker), persons)
            speaker = apply(speaker, replacements(speaker, found_here, names))
        quotes.append(dict(q, speaker=speaker))
    samples = [f"{text[max(0, s - 30):s]!r} [[{text[s:e]!r} → {new!r}]] {text[e:e + 20]!r}" for s, e, new in repls]
    return Renamed(apply(text, repls), repls, dict(entry, quotes=quotes), samples, kept)


def person_mentions(doc) -> list[tuple[int, int, str, str]]:
    """citata's PER mentions of a document, in the raw text's offsets."""
    out = []
    for m in doc.entities:
        if m["type"] != "PER":
            continue
        try:
            out.append((doc.raw_offset(m["start"]), doc.raw_offset(m["end"]), m["key"], m["normal"]))
        except ValueError:
            continue
    return out


def pool_options(ap: argparse.ArgumentParser, pools: dict) -> tuple[argparse.Namespace, list[str]]:
    """--pools, --errors and --samples added to `ap` and read: the arguments and the pools to run (the
    one --errors or --samples names; those read the tune half only)."""
    ap.add_argument("--pools", help="comma-separated (default: all): " + "; ".join(pools))
    ap.add_argument("--errors", metavar="POOL", help="tune half only: what renaming from this pool changes")
    ap.add_argument("--samples", metavar="POOL", help="tune half only: every replacement this pool makes")
    args = ap.parse_args()
    if (args.errors or args.samples) and args.set != "tune":
        ap.error("--errors and --samples read the tune half only (the blind half's errors are never shown)")
    names = [n.strip() for n in args.pools.split(",")] if args.pools else list(pools)
    if args.errors or args.samples:
        names = [args.errors or args.samples]
    unknown = [n for n in names if n not in pools]
    if unknown:
        ap.error(f"unknown pool(s) {unknown}; known: {list(pools)}")
    return args, names


def run_pools(args: argparse.Namespace, names: list[str], pools: dict, keep, rename) -> tuple[dict, Counter, Counter]:
    """Each pool's renaming (`rename`: rename_article's signature) of the half's articles scored against
    the original text, whose mentions `keep` selects: the scores by pool (with "original"), and per pool
    how many mentions kept their names and how many replacements were made."""
    gold = entries(CORPUS_FILES, args.set)
    runner = Runner(keep=keep)
    originals = originals_of(gold, args.corpora)
    original, base, outcomes = score_original(gold, originals, runner)
    tokens = [tagged(text) for _, text in originals]
    counts, kept, replaced = {"original": original}, Counter(), Counter()
    for name in names:
        made = []
        for entry, (_, text), (read, _), toks in zip(gold, originals, base, tokens):
            r = rename(entry, text, runner.kept_for(read), pools[name], toks)
            kept[name] += r.kept
            replaced[name] += len(r.repls)
            if args.samples:
                print(f"# {entry['file']}\n" + "\n".join(r.samples))
            made.append((r.text, mapping_of(name, r.text, r.repls), r.entry))
        counts[name] = score_variant(gold, made, runner, base, outcomes, show=args.errors == name)
    print(f"{args.set} half: {original['docs']} articles, {original['gold']} gold quotations, "
          f"{runner.analysed} texts analysed")
    return counts, kept, replaced


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--set", choices=("tune", "blind"), default="tune")
    pools = load_pools()
    args, names = pool_options(ap, pools)
    counts, kept, renamed_words = run_pools(args, names, pools, person_mentions, rename_article)
    for name in names:
        print(f"{name}: {renamed_words[name]} words replaced; {kept[name]} persons kept their names (pool too small)")
    print()
    print(table(counts, label="pool"))


def mapping_of(name: str, text: str, repls: list[Replacement]):
    """The offset map of a renamed `text`, given the text read back (which must be the same)."""
    def mapping(read: str):
        if read != text:
            raise SystemExit(f"pool {name!r}: the reader changed the renamed text; offsets cannot be mapped")
        return offset_map(repls)
    return mapping


if __name__ == "__main__":
    main()
