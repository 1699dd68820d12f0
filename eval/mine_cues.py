"""Mine candidate cue verbs from the shared corpora, for review by hand (issue 14).

    python eval/mine_cues.py [--corpora ../shared/corpora] [--min 2] [--exclude LIST ...]
    python eval/mine_cues.py --impersonal [--exclude LIST ...]
    python eval/mine_cues.py --nouns|--sources [--min 1] [--exclude LIST ...]
    python eval/mine_cues.py --frames [--cache DIR] [--show] [--exclude LIST ...]
    python eval/mine_cues.py --roles [--min 1] [--cache DIR] [--exclude LIST ...]

Two constructions that only speech takes: a verb right after a closing quotation mark
and a dash («…», — съязвил он) and a finite verb right before ", что" whose subject is a
person or body (X возмутился, что …). Prints the verb lemmas that
citata/data/speech_verbs.tsv lacks, with how often each construction has them and an
example; what is kept after review goes into the data file with its class.

--impersonal: the speakerless reports instead ("Сообщается, что …", "Как заявлялось, …",
"В документе сказано, что …"): a passive or reflexive form of a verb that the speech-verb
lexicon holds (or its aspect pair), right before ", что" or after "как", that
citata/data/impersonal_cues.txt lacks.

--nouns: nouns that govern a reported clause: the noun right before "о том, что" or ", что", or
the head noun of a genitive chain there ("заявление акционера компании о том, что"), with its lemma,
that citata/data/report_nouns.txt lacks; a relative "что" after a noun ("дом, что стоит") is as
frequent, so every candidate is read by hand.

--sources: source phrases "по X-у Y-а, …" whose dative noun citata/data/source_nouns.tsv lacks
("по итогам испытаний, …"): the noun after "по" and a genitive or a name right after it, in a
sentence with a comma after the phrase.

--frames: every frame that marks a clause as what a word governs ("мотивировал тем, что", "получил
известие о том, что", "поздравил коллег с тем, что", "о том, как", ", будто"; citata.quotes.cues.frame_at)
in every text, cleaned and analysed as the pipeline does it, by the word natasha's parse hangs it on,
with that word's subject or owner (a name, a pronoun, a noun that may speak, a thing) and what the
lexicons already say of it (citata/data/frame_cues.tsv, speech_verbs.tsv, report_nouns.txt); --show
prints each place of the unannotated and tune articles, never a blind one's.

--roles: role and occupation nouns citata/data/role_nouns.txt and the other person-noun lists lack
(relational_nouns.txt, kin_nouns.tsv, staff_nouns.txt, interlocutor_nouns.txt,
generic_person_nouns.txt), in every text cleaned and analysed as the pipeline does it: a common noun
in apposition to a PER name, before it in its case past a genitive complement ("главный эпидемиолог
Минздрава Николай Брико") or after it and a comma ("Александр Лукашев, вирусолог"); a noun right
after a speech verb with a person named in the 600 characters before ("— подчеркивает вирусолог");
and the nouns of FactRuEval's Occupation Position spans. Counts by place and by article kind (U, T, B),
whether the analyser reads the noun as animate, and an example of an unannotated or tune article;
every candidate is reviewed by hand (a kind of thing, a relation, a faith or a nationality is no role).

--exclude: files listing corpus paths (one a line, relative to --corpora) not to read, such
as articles being annotated as new gold.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata import lexicons as lex  # noqa: E402
from citata.nlp import morph  # noqa: E402
from citata.quotes.mentions import mute_noun  # noqa: E402
from citata.quotes.cues import frame_at  # noqa: E402

AFTER_QUOTE = re.compile(r"[»\"“”][,!?…]?\s*[—–‑-]\s+([а-яё]+)")
BEFORE_CHTO = re.compile(r"([А-ЯЁа-яё]+)\s*,\s+что\s")
# "Сообщается, что", "Как заявлялось ранее,", "сказано, что": -ся and short passive forms
IMPERSONAL = re.compile(r"(?:(?<=[Кк]ак )([а-яё]+(?:ся|лось|но))\b|\b([А-ЯЁа-яё]+(?:ся|лось|но))\s*,\s+что\s)")


def verb_lemma(word: str) -> str | None:
    for p in morph().parse(word):
        if p.tag.POS == "VERB":
            return p.normal_form
        if p.score > 0.5:
            break
    return None


def impersonal_stem(word: str) -> str | None:
    """The speech verb a speakerless form reports with ("заявлялось" -> "заявлять"), if the
    lexicon holds it; None for "ожидается", "считается" (no one is reported speaking)."""
    verbs = lex.speech_verbs()
    for p in morph().parse(word):
        if p.tag.POS in ("VERB", "PRTS") and ("3per" in p.tag or "neut" in p.tag):
            lemma = p.normal_form.replace("ё", "е")
            base = lemma[:-2] if lemma.endswith("ся") else lemma
            if base in verbs or lemma in verbs:
                return lemma
    return None


def mine_impersonal(paths: list[Path], min_count: int) -> None:
    known = lex.impersonal_cues()
    counts: Counter = Counter()
    example: dict[str, str] = {}
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in IMPERSONAL.finditer(text):
            word = (m.group(1) or m.group(2)).lower().replace("ё", "е")
            if word in known or impersonal_stem(word) is None:
                continue
            counts[word] += 1
            example.setdefault(word, " ".join(text[max(0, m.start() - 60):m.end() + 40].split()))
    for word, n in counts.most_common():
        if n >= min_count:
            print(f"{word}\t{n}\t{example[word]}")


WORD = re.compile(r"[А-ЯЁа-яёA-Za-z]+(?:-[А-ЯЁа-яё]+)?|[^\sА-ЯЁа-яёA-Za-z]")
ABOUT_THAT = re.compile(r"\b(?:о|об)\s+том\s*,\s+что\s|,\s+что\s")
SOURCE = re.compile(r"\b[Пп]о\s+([а-яё]+)\s+([А-ЯЁа-яё]+)([^.!?\n]{0,120})")


def _first(word: str):
    return morph().parse(word)[0]


def clause_head_noun(text: str, end: int) -> tuple[str, bool] | None:
    """The noun whose clause starts at `end` ("заявление акционера компании | о том, что"): walking
    back over at most six words of one clause, the first noun not in the genitive, past the
    genitive chain and names that are its source. (lemma, whether a genitive stood between)."""
    words = WORD.findall(text[max(0, end - 160):end])
    chain = False
    for w in reversed(words[-7:]):
        if not w[:1].isalpha():
            return None
        p = _first(w.lower())
        if p.tag.POS != "NOUN" and "Name" not in p.tag and "Surn" not in p.tag and not w[:1].isupper():
            return None
        if p.tag.POS == "NOUN" and "gent" not in p.tag and not w[:1].isupper():
            return p.normal_form, chain
        chain = True
    return None


def noun_places(text: str):
    """(lemma, construction, context) for each noun before a что-clause that report_nouns.txt lacks."""
    known = lex.report_nouns()
    for m in ABOUT_THAT.finditer(text):
        got = clause_head_noun(text, m.start())
        if got is None or got[0] in known or got[0].replace("ё", "е") in known:
            continue
        lemma, chain = got
        kind = ("о том, что" if m.group(0)[0] != "," else ", что") + (" +source" if chain else "")
        yield lemma, kind, " ".join(text[max(0, m.start() - 80):m.end() + 40].split())


NOUN_KINDS = ("о том, что", "о том, что +source", ", что", ", что +source")


def mine_nouns(paths: list[Path], min_count: int) -> None:
    counts: dict[str, Counter] = defaultdict(Counter)
    example: dict[str, str] = {}
    for path in paths:
        for lemma, kind, ctx in noun_places(path.read_text(encoding="utf-8", errors="replace")):
            counts[lemma][kind] += 1
            example.setdefault(lemma, ctx)
    print("lemma\t" + "\t".join(NOUN_KINDS) + "\texample")
    for lemma, c in sorted(counts.items(), key=lambda kv: -sum(kv[1].values())):
        if sum(c.values()) >= min_count:
            print(f"{lemma}\t" + "\t".join(str(c[k]) for k in NOUN_KINDS) + f"\t{example[lemma]}")


def source_places(text: str):
    """(lemma, context) for each "по X-у Y-а, …" whose dative noun source_nouns.tsv lacks."""
    known = lex.source_lemmas()
    for m in SOURCE.finditer(text):
        noun = _first(m.group(1))
        if noun.tag.POS != "NOUN" or "datv" not in noun.tag or noun.normal_form in known \
                or noun.normal_form.replace("ё", "е") in known or "," not in m.group(3):
            continue
        after = _first(m.group(2).lower())
        if "gent" in after.tag or m.group(2)[:1].isupper() or m.group(2) in ("его", "ее", "её", "их"):
            yield noun.normal_form, " ".join(text[max(0, m.start() - 60):m.end()].split())


def mine_sources(paths: list[Path], min_count: int) -> None:
    counts: Counter = Counter()
    example: dict[str, str] = {}
    for path in paths:
        for lemma, ctx in source_places(path.read_text(encoding="utf-8", errors="replace")):
            counts[lemma] += 1
            example.setdefault(lemma, ctx)
    for lemma, n in counts.most_common():
        if n >= min_count:
            print(f"{lemma}\t{n}\t{example[lemma]}")


VERB_POS = frozenset(("VERB", "INFN", "GRND", "PRTF", "PRTS"))


def frame_governor(view, k: int, frame: str, comma: int) -> int | None:
    """The word a frame (`cues.frame_at` at token k) hangs on: natasha's head of its "том"/"тем", or
    for ", будто" of the clause "будто" opens; a verb form nearer the frame than that head, in the
    words between them, is taken instead (the parse hangs "…подпись под проектом и поздравил коллег
    с тем, что" on "поставил")."""
    si = view.tok_sent[comma]
    first = view.sent_first[si]
    tree = view.trees([si])[si]
    head = tree[(comma + 1 if frame == "будто" else comma - 1) - first][0]
    if frame == "будто" and head >= 0:
        head = tree[head - first][0]  # "будто" → its clause → what governs it
    if head < 0:
        return None
    if head < k:
        return next((g for g in range(k - 1, head, -1) if g not in view.quoted and view.is_word(g)
                     and view.parses(g)[0].tag.POS in VERB_POS), head)
    return head


def frame_subject(view, gov: int) -> tuple[str, str]:
    """(kind, word) of the governor's subject (a verb's nsubj, or the one of the verb an infinitive, a
    gerund or a coordinated verb hangs on; a noun's genitive nmod after it, its owner): name (NER
    PER/ORG), pronoun, speaker noun (a noun that may speak), thing, none."""
    si = view.tok_sent[gov]
    first = view.sent_first[si]
    tree = view.trees([si])[si]
    is_noun = view.parses(gov)[0].tag.POS == "NOUN"
    rels = ("nmod",) if is_noun else ("nsubj", "nsubj:pass")
    j = next((first + k for k, (h, r) in enumerate(tree) if h == gov and r in rels
              and (not is_noun or first + k > gov)), None)
    if j is None and not is_noun:
        h, r = tree[gov - first]
        if r in ("xcomp", "advcl", "conj") and h >= 0:
            j = next((first + k for k, (hh, rr) in enumerate(tree) if hh == h and rr in rels), None)
    if j is None:
        return "none", ""
    e = view.ent_at.get(j)
    if e is not None and e.type in ("PER", "ORG"):
        return "name", e.text
    if view.parses(j)[0].tag.POS == "NPRO" or view.lower[j] in lex.pronouns():
        return "pronoun", view.toks[j].text
    if view.parses(j)[0].tag.POS == "NOUN" and not mute_noun(view, j):
        return "speaker noun", view.toks[j].text
    return "thing", view.toks[j].text


def frame_places(view):
    """(frame, governor lemma, its part of speech, subject, gap words, context) for each frame of a
    document outside quotation marks: the word that governs it, its subject or owner
    (`frame_subject`), and the words between that word and the frame (the dative or object of "пишет
    дорогой Терезе о том, что"; "(after)" when the frame comes first: "О том, что …, сообщил X")."""
    for k in range(len(view.toks)):
        hit = frame_at(view, k)
        if hit is None or k in view.quoted:
            continue
        frame, that, comma = hit
        gov = frame_governor(view, k, frame, comma)
        if gov is None:
            continue
        p = view.parses(gov)[0]
        pos = "verb" if p.tag.POS in VERB_POS else "noun" if p.tag.POS == "NOUN" else "other"
        lemma = p.normal_form.replace("ё", "е")
        gap = " ".join(view.toks[j].text for j in range(gov + 1, k)) if gov < k else "(after)"
        kind, word = frame_subject(view, gov) if pos != "other" else ("none", "")
        a, b = view.toks[max(0, min(gov, k) - 8)].start, view.toks[min(len(view.toks) - 1, comma + 10)].end
        name = ", будто" if frame == "будто" else f"{frame}, {that}"
        yield name, lemma, pos, f"{kind}: {word}" if word else kind, gap, " ".join(view.text[a:b].split())


SPEAKING = ("name", "pronoun", "speaker noun")


def lexicon_entry(lemma: str, frame: str) -> str:
    """What the lexicons already say of a governor with its frame: its class in frame_cues.tsv, or
    that it is a speech verb or a report noun whatever its frame."""
    cls = lex.frame_cues().get((lemma, frame.split(",")[0] or "будто"))
    if cls is not None:
        return f"frame_cues: {cls}"
    hit = lex.speech_verbs().get(lemma)
    if hit is not None and hit[0].replace("ё", "е") == lemma:
        return f"speech_verbs: {hit[1]}"
    return "report_nouns" if lemma in lex.report_nouns() else ""


def mine_frames(args, paths: list[str]) -> None:
    """Every frame of every text by its governor: counts by article kind (U unannotated, T tune, B
    blind), how many have a person or a body for subject or owner, what the lexicons say of it, and
    with --show each place of the unannotated and tune articles (never a blind one's)."""
    from survey_colons import kinds
    from survey_quotes import view_of
    kind_of = kinds()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    rows: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    places: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for rel in paths:
        k = kind_of.get(rel, "U")
        view = view_of(args.corpora, rel, args.cache)
        for frame, lemma, pos, subject, gap, ctx in frame_places(view):
            key = (lemma, pos, frame)
            rows[key][k] += 1
            rows[key]["speaking"] += subject.split(":")[0] in SPEAKING
            if k != "B":
                places[key].append(f"    {k} {rel} [{subject}] gap={gap!r}: {ctx}")
    print("| governor | pos | frame | U | T | B | person/body subject | lexicon |\n|---|---|---|---:|---:|---:|---:|---|")
    for key, c in sorted(rows.items(), key=lambda kv: (-(kv[1]["U"] + kv[1]["T"] + kv[1]["B"]), kv[0])):
        print(f"| {' | '.join(key)} | {c['U']} | {c['T']} | {c['B']} | {c['speaking']} | {lexicon_entry(key[0], key[2])} |")
    if args.show:
        for key in sorted(places, key=lambda k: (k[2], k[0])):
            print(f"{key[0]} ({key[1]}) {key[2]}")
            print("\n".join(places[key]))


# --roles: role and occupation nouns (issue 14). A role noun stands in apposition to a person's name
# ("вирусолог Павел Волчков", "главный эпидемиолог Минздрава Николай Брико", "Павел Волчков,
# заведующий лабораторией") or speaks for one just named ("— подчеркивает вирусолог");
# FactRuEval's devset marks the words of a person's position in its Occupation facts.
ROLE_PLACES = ("before a name", "after a name", "cue subject", "FactRuEval Position")


def known_person_nouns() -> frozenset[str]:
    """The lemmas the lexicons already hold as roles or as relational, kinship, staff, interlocutor or
    generic person nouns (a candidate among them is no new entry)."""
    return (lex.role_nouns() | lex.relational_nouns() | frozenset(lex.kin_nouns()) | lex.word_set("staff_nouns")
            | lex.interlocutor_nouns() | lex.generic_person_nouns())


def person_noun(view, j: int):
    """The parse of token j if it is a lower-case common noun outside any named entity, else None."""
    if not view.is_word(j) or j in view.ent_at or not view.toks[j].text[:1].islower():
        return None
    p = view.parses(j)[0]
    return p if p.tag.POS == "NOUN" and "Name" not in p.tag and "Surn" not in p.tag else None


def role_before(view, e):
    """The head noun of a role standing before a name in the name's case, past a genitive
    complement and adjectives ("главный эпидемиолог Минздрава Николай Брико")."""
    i = view.tok_index(e.start)
    case = view.parses(i)[0].tag.case
    si = view.tok_sent[i]
    for j in range(i - 1, max(-1, i - 6), -1):
        if view.tok_sent[j] != si or not view.is_word(j):
            return None
        if j in view.ent_at:
            continue  # "эпидемиолог Минздрава Брико": the complement may be a name
        p = view.parses(j)[0]
        if p.tag.POS == "NOUN" and view.toks[j].text[:1].islower():
            if p.tag.case == case or p.tag.case == "nomn" and case is None:
                return p
            if p.tag.case != "gent":
                return None
        elif p.tag.POS not in ("ADJF", "PRTF") or p.tag.case != "gent":
            return None
    return None


def role_after(view, e):
    """The head noun of an apposition after a name and a comma or dash, past adjectives
    ("Ольга Карпова, профессор МГУ", "Александр Лукашев, вирусолог")."""
    k = view.tok_index(e.end - 1) + 1
    if k + 1 >= len(view.toks) or view.toks[k].text not in (",", "—", "–") or view.tok_sent[k] != view.tok_sent[k - 1]:
        return None
    for j in range(k + 1, min(len(view.toks), k + 4)):
        p = person_noun(view, j)
        if p is not None:
            return p if p.tag.case == "nomn" else None
        if not view.is_word(j) or view.parses(j)[0].tag.POS not in ("ADJF", "PRTF"):
            return None
    return None


def cue_subject(view, j: int):
    """The noun right after a speech verb ("— подчеркивает вирусолог", "отмечает бывший дипломат"),
    past adjectives, in the nominative and singular."""
    for k in range(j + 1, min(len(view.toks), j + 4)):
        p = person_noun(view, k)
        if p is not None:
            return p if p.tag.case == "nomn" and p.tag.number == "sing" else None
        if not view.is_word(k) or view.parses(k)[0].tag.POS not in ("ADJF", "PRTF"):
            return None
    return None


def fact_positions(corpora: Path):
    """(article, lemma of the Position's first animate noun, the span's words) for each Occupation
    fact of FactRuEval's devset."""
    for facts in sorted((corpora / "factrueval-2016" / "devset").glob("*.facts")):
        rel = str(facts.with_suffix(".txt").relative_to(corpora))
        for line in facts.read_text(encoding="utf-8").splitlines():
            if not line.startswith("Position "):
                continue
            words = line.split(" ", 2)[2].split()
            # the first person noun ("министр иностранных дел"; "главного эпидемиолога", whose
            # "главного" reads first as the noun "главное")
            nouns = [p for w in words for p in morph().parse(w.lower())[:3] if p.tag.POS == "NOUN" and "anim" in p.tag]
            if nouns:
                yield rel, nouns[0].normal_form, " ".join(words)


def role_places(view, verbs=None):
    """(place, the noun's parse, its offset) for each noun of a document that may name a person's role:
    before or after a PER name in apposition, or right after a speech verb (outside quotation marks)
    with a person named in the 600 characters before."""
    verbs = lex.speech_verbs() if verbs is None else verbs
    people = []
    for e in view.entities:
        if e.type != "PER":
            continue
        people.append(e.start)
        for place, p in (("before a name", role_before(view, e)), ("after a name", role_after(view, e))):
            if p is not None:
                yield place, p, e.start
    for j, t in enumerate(view.toks):
        if j in view.quoted or view.lower[j].replace("ё", "е") not in verbs:
            continue
        p = cue_subject(view, j)
        if p is not None and any(t.start - 600 < s < t.start for s in people):
            yield "cue subject", p, t.start


def mine_roles(args, paths: list[str]) -> None:
    """Candidate role nouns the lexicons lack, by place, with counts by article kind (U unannotated,
    T tune, B blind), whether the analyser calls the noun animate, and an example from an
    unannotated or tune article (never a blind one's)."""
    from survey_colons import kinds
    from survey_quotes import view_of
    kind_of = kinds()
    known = known_person_nouns()
    verbs = lex.speech_verbs()
    counts: dict[str, Counter] = defaultdict(Counter)
    example: dict[str, str] = {}
    anim: dict[str, bool] = {}

    def add(rel, p, place, ctx):
        lemma = p.normal_form
        if lemma in known or lemma.replace("ё", "е") in known or len(lemma) < 3:
            return
        k = kind_of.get(rel, "U")
        counts[lemma][place] += 1
        counts[lemma][k] += 1
        anim[lemma] = anim.get(lemma, False) or "anim" in p.tag
        if k != "B":
            example.setdefault(lemma, f"{k} {rel}: {' '.join(ctx.split())}")

    for rel in paths:
        view = view_of(args.corpora, rel, args.cache)
        for place, p, at in role_places(view, verbs):
            add(rel, p, place, view.text[max(0, at - 90):at + 70])
    for rel, lemma, words in fact_positions(args.corpora):
        add(rel, next(p for p in morph().parse(lemma) if p.normal_form == lemma), "FactRuEval Position", words)
    print("| lemma | " + " | ".join(ROLE_PLACES) + " | U | T | B | anim | example |")
    print("|---|" + "---:|" * (len(ROLE_PLACES) + 3) + "---|---|")
    for lemma, c in sorted(counts.items(), key=lambda kv: (-sum(kv[1][p] for p in ROLE_PLACES), kv[0])):
        if sum(c[p] for p in ROLE_PLACES) >= args.min:
            print(f"| {lemma} | " + " | ".join(str(c[p]) for p in ROLE_PLACES)
                  + f" | {c['U']} | {c['T']} | {c['B']} | {'anim' if anim[lemma] else ''} | {example.get(lemma, '')} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--min", type=int, default=2)
    ap.add_argument("--impersonal", action="store_true", help="mine speakerless report forms instead")
    ap.add_argument("--nouns", action="store_true", help="mine nouns that govern a reported clause instead")
    ap.add_argument("--sources", action="store_true", help="mine source phrases' nouns (по X-у Y-а) instead")
    ap.add_argument("--frames", action="store_true", help="mine the words that govern a frame (о том, что; тем, что; , будто) instead")
    ap.add_argument("--roles", action="store_true", help="mine role and occupation nouns (apposition to a name, a cue's subject, FactRuEval positions) instead")
    ap.add_argument("--cache", type=Path, help="--frames, --roles: a folder keeping each article's analysis between runs")
    ap.add_argument("--show", action="store_true", help="--frames: print every place of the unannotated and tune articles")
    ap.add_argument("--exclude", type=Path, nargs="*", default=[], help="files listing corpus paths not to read")
    args = ap.parse_args()
    skip = {line.strip() for f in args.exclude for line in f.read_text(encoding="utf-8").splitlines() if line.strip()}
    paths = [p for p in sorted(args.corpora.rglob("*.txt")) if str(p.relative_to(args.corpora)) not in skip]
    if args.frames:
        from survey_quotes import corpus_texts
        mine_frames(args, [rel for rel in corpus_texts(args.corpora) if rel not in skip])
        return
    if args.roles:
        from survey_quotes import corpus_texts
        mine_roles(args, [rel for rel in corpus_texts(args.corpora) if rel not in skip])
        return
    if args.impersonal:
        mine_impersonal(paths, args.min)
        return
    if args.nouns:
        mine_nouns(paths, args.min)
        return
    if args.sources:
        mine_sources(paths, args.min)
        return
    known = {lemma.replace("ё", "е") for lemma, _ in lex.data_table("speech_verbs.tsv")}
    counts: dict[str, Counter] = defaultdict(Counter)
    example: dict[str, str] = {}
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        for kind, rx in (("after «…», —", AFTER_QUOTE), ("before , что", BEFORE_CHTO)):
            for m in rx.finditer(text):
                lemma = verb_lemma(m.group(1).lower())
                if lemma is None or lemma.replace("ё", "е") in known:
                    continue
                counts[lemma][kind] += 1
                example.setdefault(lemma, " ".join(text[max(0, m.start() - 60):m.end() + 40].split()))
    rows = sorted(counts.items(), key=lambda kv: -sum(kv[1].values()))
    for lemma, c in rows:
        if sum(c.values()) >= args.min:
            print(f"{lemma}\t{c['after «…», —']}\t{c['before , что']}\t{example[lemma]}")


if __name__ == "__main__":
    main()
