"""Who-said-what under other outlets' conventions around the article: each gold article of a half
rewritten as a wire or another outlet writes it, the pipeline run on the variant and scored against the
gold's spans mapped into it (eval/perturb.py's machinery: replacements, offset maps, the runner, the
scoring and the table).

    python eval/conventions.py [--set tune|blind] [--corpora ../shared/corpora] [--variants a,b,...]
    python eval/conventions.py --errors VARIANT      (tune half only: what the variant changes)
    python eval/conventions.py --samples VARIANT     (tune half only: every insertion, in context)

The gold articles come from a few outlets whose conventions the rules have seen; an outlet we have not
seen adds its own around the same words, and a rule that reads them as prose loses quotations or
speakers. The conventions, each a row (its form drawn per article from a fixed hash of the text):

- the outlet the words were said to, after a quotation's attribution: "», — сказал X ТАСС." (an agency
  in the dative), "— заявил X «Известиям»." (a declined title in guillemets), "— отметил X в беседе с
  RT." (an interview phrase); before the speaker: "— сказал РИА Новости глава ведомства X"; and before
  a что-clause: "X заявил ТАСС, что …";
- a wire dateline opening the body: "МОСКВА, 12 ноя — РИА Новости.", "Москва. 10 августа. INTERFAX.RU
  - ", "ВАШИНГТОН, 5 марта. /ТАСС/.", with the correspondent's name, Reuters's "(Reuters) - ";
- furniture lines between paragraphs: "Читайте также: <another gold article's headline>", a photo
  credit or a caption naming the article's speaker with its credit, an advertisement's mark, a line
  asking to subscribe;
- a byline or a source line at the end ("Автор: …", "Источник: …", a subscribe line).
"all conventions at once" applies one form of each family to each article.

Inserted names come from lexicons: eval/rename_pools.tsv (people nobody tuned on), photo agencies from
citata/data/photo_agencies.txt, headlines from the other gold articles of the half. A line is never put
inside a paragraph whose quotation marks are left open (a quotation running over paragraphs), and an
insertion replaces the line end before it, so a gold span starting at the next paragraph maps after
the inserted text.

--set blind prints totals only (issue 14's discipline).
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from perturb import Replacement, Runner, body_start, evaluate, originals_of, table  # noqa: E402
from quotes import CORPUS_FILES, entries  # noqa: E402
from rename import load_pools  # noqa: E402

from citata.clean import clean  # noqa: E402
from citata.lexicons import speech_verbs  # noqa: E402
from citata.nlp import parse  # noqa: E402
from citata.source import text_document  # noqa: E402

PHOTO_AGENCIES = ROOT / "citata" / "data" / "photo_agencies.txt"

# Verbs whose addressee stands in the dative ("сказал ТАСС", "заявил «Известиям»"); an interview phrase
# ("в беседе с RT") goes with any speech verb.
DATIVE_LEMMAS = frozenset(
    "сказать заявить сообщить рассказать пояснить подтвердить признаться пожаловаться ответить объяснить "
    "говорить рассказывать сообщать заявлять пообещать обещать признаваться жаловаться".split())
AGENCIES = ("ТАСС", "РИА Новости", "RT", "РБК", "Интерфаксу", "NEWS.ru", "Sputnik", "BBC", "CNN",
            "Reuters", "Bloomberg", "URA.RU")
TITLES = ("«Известиям»", "«Коммерсанту»", "«Ведомостям»", "«Российской газете»", "«Газете.Ru»",
          "«Ленте.ру»", "«Фонтанке»", "«Парламентской газете»", "«Комсомольской правде»", "«Интерфаксу»")
INTERVIEWS = ("в беседе с RT", "в интервью РБК", "в интервью «Известиям»", "в эфире радио Sputnik",
              "в разговоре с «Лентой.ру»", "в комментарии для NEWS.ru", "журналистам",
              "в эфире телеканала «Россия 24»", "в интервью агентству Bloomberg", "в беседе с корреспондентом ТАСС",
              "в интервью The Guardian", "в своем Telegram-канале")
CITIES = ("Москва", "Лондон", "Вашингтон", "Брюссель", "Пекин", "Исламабад", "Париж", "Берлин", "Нью-Йорк",
          "Санкт-Петербург", "Дублин", "Женева")
MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
          "ноября", "декабря")
RIA_MONTHS = ("янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
DATELINES = ("{C}, {d} {r} — РИА Новости. ", "{C}, {d} {r} — РИА Новости, {name}. ", "{c}. {d} {m}. INTERFAX.RU - ",
             "{C}, {d} {m}. /ТАСС/. ", "{C}, {d} {m}. /Корр. ТАСС {name}/. ", "{C}, {d} {m} (Reuters) - ",
             "{C}, {d} {r} - Sputnik. ")
READ_ALSO = ("Читайте также: {headline}", "ЧИТАЙТЕ ТАКЖЕ: {headline}", "Читайте также\n{headline}",
             "По теме: {headline}", "Читайте также: «{headline}»", "Читайте также:\n{headline}\n{headline2}")
PHOTOS = ("Фото: {agency} / {name}", "© {agency}", "{speaker}. Фото: {agency}", "{speaker}. © {agency} / {name}",
          "Фото: {name} / {agency}", "{speaker} © {agency}", "Фото: {agency}")
ADS = ("Реклама", "Подписывайтесь на наш канал в Telegram", "Подпишитесь на наш канал в Яндекс.Дзене",
       "Следите за новостями в нашем Telegram-канале", "Все новости — в нашем Telegram-канале. Подписывайтесь!",
       "РЕКЛАМА")
SOURCES = ("ТАСС", "РИА Новости", "Интерфакс", "РБК", "Reuters", "BBC", "NEWS.ru", "Газета.Ru")
ENDS = ("Автор: {name}", "Источник: {source}", "Текст: {name}", "Подписывайтесь на наш канал в Дзене",
        "Автор: {name}\nИсточник: {source}", "{name}, обозреватель", "Источник: {source}\nФото: {agency}")

# A quotation's attribution after its dash: "», — сказал он.", "?! — возмутился министр Иван Петров,"
# (group 1: the clause, up to the punctuation that ends it).
DASH_CLAUSE = re.compile(r"(?:[»\"”“][ \u00a0]*,?|[,!?…])[ \u00a0]*[—–-][ \u00a0]+([^\n.,;:!?«»\"“”—–]{2,80}?)[ \u00a0]*(?=[.,;!?\n]|$)")
CLAUSE_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?")
# a speech verb right before a что-clause: "заявил, что", "сообщила о том, что"
BEFORE_THAT = re.compile(r"(?<![А-Яа-яЁё])([а-яё]+)(?=,? что\b|,? (?:о|об) том, что\b)")


def hashed(text: str, salt: str) -> int:
    """A number fixed by the article's text and the family's salt: each article's choice of form."""
    return int(hashlib.sha1(f"{salt}\0{text}".encode()).hexdigest()[:12], 16)


@lru_cache(maxsize=None)
def _past_speech_lemma(word: str) -> str | None:
    """The lemma of a past-tense form of a cue verb ("сказал" → "сказать"), else None."""
    form = word.lower().replace("ё", "е")
    if form not in speech_verbs():
        return None
    if not any(r.tag.POS == "VERB" and r.tag.tense == "past" for r in parse(form)):
        return None
    return speech_verbs()[form][0]


def _addressee(word: str) -> bool:
    """A common noun read first as a dative ("журналистам", "изданию", "участникам")."""
    r = parse(word)
    return word.islower() and bool(r) and r[0].tag.POS == "NOUN" and r[0].tag.case == "datv"


def _photo_agencies() -> list[str]:
    lines = PHOTO_AGENCIES.read_text(encoding="utf-8").splitlines()
    return [s.strip() for s in lines if s.strip() and not s.startswith("#")]


def _people() -> list[str]:
    """First name and surname of every Russian name of the rename pools (photographers, authors)."""
    return [f"{n.first} {n.surname}" for names in load_pools()["russian"].values() for n in names]


class Conventions:
    """The variants of the gold articles of one half: `repls(name, entry, text)`."""

    def __init__(self, originals: list[tuple[str, str]]):
        # headlines of the half's BSNLP articles (their fifth line), for "Читайте также"
        self.headlines = [h for src, text in originals if (h := headline(src, text))]
        self.agencies = _photo_agencies()
        self.people = _people()
        self.families: dict[str, Callable[[dict, str], list[Replacement]]] = {
            "agency after the speaker": lambda e, t: self.after_speaker(t, AGENCIES, "agency"),
            "outlet title after the speaker": lambda e, t: self.after_speaker(t, TITLES, "title"),
            "interview phrase after the speaker": lambda e, t: self.after_speaker(t, INTERVIEWS, "interview"),
            "agency between verb and speaker": lambda e, t: self.after_verb(t),
            "agency before a что-clause": lambda e, t: self.before_that(t),
            "wire dateline": lambda e, t: self.dateline(e, t),
            "read-also lines": lambda e, t: self.between(e, t, "read", lambda k: self.fill(READ_ALSO, t, f"read{k}")),
            "photo credits and captions": lambda e, t: self.between(e, t, "photo", lambda k: self.fill(
                PHOTOS, t, f"photo{k}", speaker=self.speaker(e, t))),
            "ad and subscribe lines": lambda e, t: self.between(e, t, "ad", lambda k: self.fill(ADS, t, f"ad{k}")),
            "byline or source at the end": lambda e, t: self.at_end(t),
        }
        self.variants = {**self.families, "all conventions at once": self.all_at_once}

    def repls(self, name: str, entry: dict, text: str) -> list[Replacement]:
        return self.variants[name](entry, text)

    def pick(self, seq, text: str, salt: str):
        return seq[hashed(text, salt) % len(seq)]

    def fill(self, forms: tuple[str, ...], text: str, salt: str, speaker: str | None = None) -> str:
        """One of `forms` for this article, its fields filled from the lexicons (a form naming the
        speaker is passed over where the article has no person speaker)."""
        if speaker is None:
            forms = tuple(f for f in forms if "{speaker}" not in f)
        own = [h for h in self.headlines if h not in text]
        n = hashed(text, salt)
        return self.pick(forms, text, salt).format(
            headline=own[n % len(own)], headline2=own[(n // 7 + 1) % len(own)],
            agency=self.pick(self.agencies, text, salt + "a"), source=self.pick(SOURCES, text, salt + "s"), name=self.pick(self.people, text, salt + "n"),
            speaker=speaker)

    def speaker(self, entry: dict, text: str) -> str | None:
        """A person the article quotes, named in full (a caption shows who speaks)."""
        names = sorted({q["speaker"] for q in entry["quotes"]
                        if q.get("speaker_kind") == "person" and q["speaker"] and " " in q["speaker"]})
        return self.pick(names, text, "speaker") if names else None

    # --- the outlet the words were said to ------------------------------------------------------

    def _attributions(self, text: str):
        """(clause match, words of the clause, index of its past speech verb, the verb's lemma) of
        each quotation's attribution after a dash."""
        for m in DASH_CLAUSE.finditer(text):
            words = list(CLAUSE_WORD.finditer(text, m.start(1), m.end(1)))
            if not words or len(words) > 8 or any(_addressee(w.group()) for w in words):
                continue  # ("— сказал он журналистам": the clause names whom it was said to)
            for i, w in enumerate(words):
                lemma = _past_speech_lemma(w.group())
                if lemma:
                    yield m, words, i, lemma
                    break

    def after_speaker(self, text: str, phrases: tuple[str, ...], salt: str) -> list[Replacement]:
        """"— сказал X." → "— сказал X ТАСС." at the sentence's end (a dative form after a verb that
        takes one)."""
        out = []
        for k, (m, words, _, lemma) in enumerate(self._attributions(text)):
            if text[m.end(1):m.end(1) + 1] != "." or len(words[-1].group()) == 1:
                continue  # at the sentence's end only, not after an initial ("— сказал Д.Туск")
            phrase = self.pick(phrases, text, f"{salt}{k}")
            if phrase.startswith("в ") or lemma in DATIVE_LEMMAS:
                out.append((m.end(1), m.end(1), " " + phrase))
        return out

    def after_verb(self, text: str) -> list[Replacement]:
        """"— сказал глава ведомства X." → "— сказал РИА Новости глава ведомства X." (where the verb
        opens the clause and a named or described speaker follows, not a bare pronoun)."""
        out = []
        for k, (m, words, i, lemma) in enumerate(self._attributions(text)):
            rest = words[i + 1:]
            if (i == 0 and lemma in DATIVE_LEMMAS and rest and (len(rest) > 1 or rest[0].group()[0].isupper())
                    and parse(rest[0].group().lower())[0].tag.POS not in ("PREP", "NPRO")):  # not "в компании", "он"
                phrase = self.pick(AGENCIES + TITLES, text, f"verb{k}")
                out.append((words[0].end(), words[0].end(), " " + phrase))
        return out

    def before_that(self, text: str) -> list[Replacement]:
        """"X заявил, что …" → "X заявил ТАСС, что …"."""
        out = []
        for k, m in enumerate(BEFORE_THAT.finditer(text, body_start(text))):
            if _past_speech_lemma(m.group(1)) in DATIVE_LEMMAS:
                out.append((m.end(1), m.end(1), " " + self.pick(AGENCIES + TITLES, text, f"that{k}")))
        return out

    # --- lines around the article ---------------------------------------------------------------

    def dateline(self, entry: dict, text: str) -> list[Replacement]:
        """A wire's dateline glued before the body's first sentence."""
        starts = paragraph_starts(entry["file"], text)
        if not starts:
            return []
        at = starts[0]
        n = hashed(text, "dateline")
        city = self.pick(CITIES, text, "city")
        line = self.pick(DATELINES, text, "dateline").format(
            C=city.upper(), c=city, d=1 + n % 28, m=MONTHS[n // 28 % 12], r=RIA_MONTHS[n // 28 % 12],
            name=self.pick(self.people, text, "correspondent"))
        return [(at - 1, at, text[at - 1] + line)]

    def between(self, entry: dict, text: str, salt: str, line: Callable[[int], str]) -> list[Replacement]:
        """Two furniture lines at paragraph breaks of the body (after its first paragraph), as
        paragraphs of their own."""
        breaks = paragraph_breaks(entry["file"], text)
        if not breaks:
            return []
        n = hashed(text, salt)
        chosen = sorted({breaks[n % len(breaks)], breaks[(n + len(breaks) // 2) % len(breaks)]})
        out = []
        for k, at in enumerate(chosen):
            sep = "\n\n" if text[at - 2:at] == "\n\n" else "\n"
            out.append((at - 1, at, sep[:-1] + "\n" + line(k) + sep))
        return out

    def at_end(self, text: str) -> list[Replacement]:
        end = len(text.rstrip())
        sep = "\n\n" if "\n\n" in text[body_start(text):] else "\n"
        return [(end, end, sep + self.fill(ENDS, text, "end"))]

    def all_at_once(self, entry: dict, text: str) -> list[Replacement]:
        """One form of each family: an outlet after the speaker (of the three kinds), before a
        что-clause, a dateline, the three kinds of lines between paragraphs, a line at the end; where
        two would start at one place, the first kept."""
        said = self.pick(("agency after the speaker", "outlet title after the speaker",
                          "interview phrase after the speaker", "agency between verb and speaker"), text, "said")
        names = [said, "agency before a что-clause", "wire dateline", "read-also lines",
                 "photo credits and captions", "ad and subscribe lines", "byline or source at the end"]
        out, starts = [], set()
        for name in names:
            repls = self.families[name](entry, text)
            if name.endswith("lines") or name.startswith("photo"):
                repls = repls[:1] if name != "read-also lines" else repls[1:]  # one line of each kind
            for r in repls:
                if r[0] not in starts and not any(s < r[0] < e for s, e, _ in out):
                    out.append(r)
                    starts.add(r[0])
        return sorted(out)


def headline(source: str, text: str) -> str | None:
    """A BSNLP article's headline (the line after its four header lines)."""
    if text_document(source, text).layout != "bsnlp":
        return None
    line = text[:body_start(text)].rstrip("\n").rsplit("\n", 1)[-1].strip()
    return line if 3 <= len(line.split()) <= 20 else None


def paragraph_starts(source: str, text: str) -> list[int]:
    """Starts of the article's paragraphs, as citata's cleaning reads the original (a whole page's
    menus and teasers left out; a BSNLP record's header and headline too): where a wire puts its
    dateline and a site its furniture. Only lines that start right after a line end."""
    lines = clean(text_document(source, text)).lines
    return [ln.start for ln in lines if ln.label == "body" and not ln.cut and ln.start > 0 and text[ln.start - 1] == "\n"
            and ln.start >= body_start(text)]


def paragraph_breaks(source: str, text: str) -> list[int]:
    """Starts of the article's paragraphs after its first, where the text since the paragraph before
    closes every quotation mark it opens (a line is not put inside a quotation running over paragraphs)."""
    starts = paragraph_starts(source, text)
    return [at for prev, at in zip(starts, starts[1:])
            if text[prev:at].count("«") == text[prev:at].count("»") and text[prev:at].count('"') % 2 == 0]


def samples(conv: Conventions, name: str, gold: list[dict], originals: list[tuple[str, str]]) -> None:
    for entry, (_, text) in zip(gold, originals):
        for s, e, new in conv.repls(name, entry, text):
            print(f"{entry['file']}: ...{text[max(0, s - 70):s]!r} [{text[s:e]!r} → {new!r}] {text[e:e + 40]!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--set", choices=("tune", "blind"), default="tune")
    ap.add_argument("--variants", help="comma-separated names (default: all)")
    ap.add_argument("--errors", metavar="VARIANT", help="tune half only: what this variant changes")
    ap.add_argument("--samples", metavar="VARIANT", help="tune half only: every replacement, in context")
    args = ap.parse_args()
    if (args.errors or args.samples) and args.set != "tune":
        ap.error("--errors and --samples read the tune half only")
    gold = entries(CORPUS_FILES, args.set)
    originals = originals_of(gold, args.corpora)
    conv = Conventions(originals)
    names = [n.strip() for n in args.variants.split(",")] if args.variants else list(conv.variants)
    if args.errors or args.samples:
        names = [args.errors or args.samples]
    unknown = [n for n in names if n not in conv.variants]
    if unknown:
        ap.error(f"unknown variant(s) {unknown}; known: {list(conv.variants)}")
    if args.samples:
        samples(conv, args.samples, gold, originals)
        return
    runner = Runner()
    counts = evaluate(gold, args.corpora, names, runner, errors=args.errors, repls_of=conv.repls)
    print(f"{args.set} half: {counts['original']['docs']} articles, {counts['original']['gold']} gold quotations, "
          f"{runner.analysed} texts analysed\n")
    print(table(counts, "convention"))


if __name__ == "__main__":
    main()
