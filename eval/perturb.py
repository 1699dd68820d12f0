"""Who-said-what under other outlets' typography: each gold article of a half rewritten in typographic
variants (quotation marks, dashes, ellipses, spaces, ё, line ends), the pipeline run on each variant and
scored with eval/quotes.py's own matching, against the gold's spans mapped into the variant's text.

    python eval/perturb.py [--set tune|blind] [--corpora ../shared/corpora] [--variants a,b,...]
    python eval/perturb.py --errors VARIANT      (tune half only)

One row per variant: quotation F1, who-said-what F1, speaker accuracy on matched quotations, and the
drop of each against the original text. The gold texts use mostly one typography each (« », —, …), so
a rule keyed to it scores well on them and loses on the next outlet; a variant that scores below the
original shows which. Five layouts of the article's body (LAYOUTS: paragraphs run together by a space
or glued, a line per sentence, every name in running text on a line of its own, and its held-out twin:
places, organisations and phrases after a preposition as links on lines of their own) measure what other
scrapers' paragraphs and line breaks cost, beside eval/relayout.py's whole-page layouts.

A variant is a list of replacements (start, end, new) of the original text, so every gold offset maps
into the variant's text (a replaced span's start to its new start, its inside clamped to its new end).
The variant is read as a corpus file is (`text_document`), so a reader that undoes it (CRLF) gives the
original text back: the mapping is then the identity. Predictions are cached by the text read, so an
article a variant leaves unchanged (no ё to fold) is analysed once.

--set blind prints totals only (issue 14's discipline); --errors VARIANT prints, for the tune half,
each gold quotation whose outcome the variant changes (found → missed, right → wrong speaker, …) and
each false quotation the variant adds or drops.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from quotes import CORPUS_FILES, checked_path, entries, predicted, summary, tally  # noqa: E402

from citata.pipeline import annotate, build_document  # noqa: E402
from citata.source import decode, text_document  # noqa: E402

Replacement = tuple[int, int, str]


def _subs(pattern: str, new: str | Callable[[re.Match], str]) -> Callable[[str], list[Replacement]]:
    """A variant that replaces every match of `pattern` (its group 1 when it has one) by `new`."""
    rx = re.compile(pattern)

    def variant(text: str) -> list[Replacement]:
        out = []
        for m in rx.finditer(text):
            g = 1 if rx.groups else 0
            out.append((m.start(g), m.end(g), new(m) if callable(new) else new))
        return out
    return variant


def _marks(outer: tuple[str, str], inner: tuple[str, str]) -> Callable[[str], list[Replacement]]:
    """Guillemets and the „…“ nested in them rewritten in another convention: the outer pair as `outer`,
    a pair inside another (««…»» or «„…“») as `inner`. Depth restarts at each line (a quotation that
    runs over paragraphs reopens its mark in each without closing it)."""
    def variant(text: str) -> list[Replacement]:
        out, depth, low = [], 0, 0
        for m in re.finditer("[«»„“\n]", text):
            c, i = m.group(), m.start()
            if c == "\n":
                depth, low = 0, 0
            elif c == "«":
                out.append((i, i + 1, outer[0] if depth == 0 else inner[0]))
                depth += 1
            elif c == "»":
                depth = max(0, depth - 1)
                out.append((i, i + 1, outer[1] if depth == 0 else inner[1]))
            elif c == "„":
                out.append((i, i + 1, inner[0] if depth else outer[0]))
                low += 1
            elif c == "“" and low:
                low -= 1
                out.append((i, i + 1, inner[1] if depth else outer[1]))
        return out
    return variant


def _together(*variants: Callable[[str], list[Replacement]]) -> Callable[[str], list[Replacement]]:
    """Several variants at once (they replace different characters)."""
    def variant(text: str) -> list[Replacement]:
        return sorted(r for v in variants for r in v(text))
    return variant


# Names: an initial or a capitalised word before the next capitalised word ("А. Сидоров", "Иван Петров").
_NAME_SPACE = r"(?:\b[А-ЯЁ]\.|\b[А-ЯЁ][а-яё]+)( )(?=[А-ЯЁ][а-яё])"
# Latin look-alikes of Cyrillic lower-case letters, put into every fifth Cyrillic word that has one.
_LOOKALIKE = str.maketrans("аеорсх", "aeopcx")


def _latin_lookalikes(text: str) -> list[Replacement]:
    out = []
    for k, m in enumerate(re.finditer(r"[а-яё]*[аеорсх][а-яё]*", text)):
        if k % 5 == 0:
            i = m.start() + next(j for j, ch in enumerate(m.group()) if ch in "аеорсх")
            out.append((i, i + 1, text[i].translate(_LOOKALIKE)))
    return out


def body_start(text: str) -> int:
    """Where the article starts: after a BSNLP record's four header lines (its container, which a
    layout leaves alone) and the headline line after them, or after a plain text's first line."""
    keep = 5 if text_document("x.txt", text).layout == "bsnlp" else 1
    at = 0
    for _ in range(keep):
        nl = text.find("\n", at)
        if nl < 0:
            return len(text)
        at = nl + 1
    return at


# A paragraph break: a line end with the blank lines, indents and trailing spaces around it.
_BREAK = re.compile(r"[ \t]*\n\s*")
# A sentence's end inside a paragraph: terminal punctuation (and a closing mark), a space, then a capital
# or an opening mark (a dash after it attributes or resumes a quotation: the line goes on).
SENTENCE_SPACE = re.compile(r"[.!?…][»\"”]?( )(?=[А-ЯЁA-Z«\"„“])")
# A name in running text, as a link or bold words stand: capitalised words after a lower-case word.
INLINE_NAME = re.compile(r"(?<=[а-яё,]) ((?:[А-ЯЁ][а-яё]+-?)+(?: [А-ЯЁ][а-яё]+)*)(?=[ ,.])")


def _layout(pattern: re.Pattern, new: str, group: int = 0) -> Callable[[str], list[Replacement]]:
    """A layout: every match of `pattern` in the article's body (after its header and headline)
    replaced by `new`."""
    def variant(text: str) -> list[Replacement]:
        body = body_start(text)
        return [(m.start(group), m.end(group), new) for m in pattern.finditer(text, body)
                if m.end() < len(text.rstrip())]
    return variant


def _inline_lines(text: str) -> list[Replacement]:
    """Every name in running text on a line of its own, as a scraper joining a page's text nodes with
    line breaks writes a link: the spaces around it become line breaks."""
    out = []
    for m in INLINE_NAME.finditer(text, body_start(text)):
        out.append((m.start(), m.start() + 1, "\n"))
        if text[m.end()] == " ":
            out.append((m.end(), m.end() + 1, "\n"))
    return out


# Commas a careless outlet leaves out (issue 14): each variant removes only commas, so gold offsets map.
_COMPLEMENTIZER_COMMA = r"(,)\s*(?=(?:что|чтобы|будто|якобы)\b(?!-))"
# A sentence's start (a line's, or after terminal punctuation, a closing mark and a space).
_SENTENCE_START = r"(?:^|(?<=\n)|(?<=[.!?…][ \u00a0])|(?<=[.!?…][»\"”][ \u00a0]))[ \t]*"
_INTRO_WORDS = r"[^,.!?;:«»\"—–\n]{1,120}?"


def _intro_commas(text: str) -> list[Replacement]:
    """The comma closing an introductory source phrase that opens a sentence ("По словам министра,",
    "По его мнению,", "Согласно данным X,", "Как сообщил глава ведомства,"): the first comma after it,
    with no other punctuation before it."""
    from citata import lexicons as lex

    out = []
    rx = re.compile(_SENTENCE_START + r"(?:(?:А|И|Но) )?((?:По|Согласно|Как) " + _INTRO_WORDS + r")(,)", re.M)
    for m in rx.finditer(text):
        words = m.group(1).split()
        low = words[1].lower().replace("ё", "е") if len(words) > 1 else ""
        if words[0] == "По":
            ok = low in lex.source_nouns() or len(words) > 2 and words[2].lower() in lex.source_nouns()
        elif words[0] == "Как":
            ok = lex.speech_verbs().get(low, ("", ""))[1] in ("say", "think", "finding")
        else:
            ok = len(words) > 1
        if ok:
            out.append((m.start(2), m.end(2), ""))
    return out


def _close_commas(text: str) -> list[Replacement]:
    """The comma between a closing quotation mark and the attribution after it ("«…», — сказал он",
    "«…», сказал он"): before a dash, or before a speech verb of the lexicon (not "«Би-би-си», государство …")."""
    from citata import lexicons as lex

    out = []
    for m in re.finditer(r"(?<=\S[»”\"])(,)\s*(?:[—–-]\s|(\w+))", text):
        if m.group(2) is None or m.group(2).lower().replace("ё", "е") in lex.speech_verbs():
            out.append((m.start(1), m.end(1), ""))
    return out


# The held-out twin of "names on lines of their own" (wt-lines28, written before the cleaner's rule and
# read by its totals only): the links another page holds are places, organisations, acronyms, Latin
# names and «quoted» names, whatever word stands before them; the link may start after a preposition
# (the preposition stays on the line before: "в⏎Москве⏎"); and a scraper that saves the link's node
# alone puts the punctuation after it on the next line ("сообщает⏎РИА Новости⏎.") every other time.
_LINK = re.compile(r"(?<=[\w,»)]) ((?:«[^»\n]{1,40}»|[A-Z][\w&.-]*|[А-ЯЁ]{2,}(?:-[А-ЯЁа-яё]+)?|[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)*)"
                   r"(?: (?:[A-Z][\w&.-]*|[А-ЯЁ]{2,}|[А-ЯЁ][а-яё]+))*)(?=[ ,.;:])")
_PREPOSITION_PHRASE = re.compile(r"(?<=[\w,]) (?:в|на|по|из|с|о|от|для|при|через|после|у)( )[а-яё]+ [а-яё]+( )")


def _links_lines(text: str) -> list[Replacement]:
    """Every link-like name in running text on a line of its own (see _LINK), and every third lower-case
    two-word phrase after a preposition ("на⏎сайте ведомства⏎")."""
    body = body_start(text)
    out = []
    for k, m in enumerate(_LINK.finditer(text, body)):
        out.append((m.start(), m.start() + 1, "\n"))
        nxt = text[m.end()]
        if nxt == " ":
            out.append((m.end(), m.end() + 1, "\n"))
        elif k % 2:  # the punctuation after the link's node on a line of its own
            out.append((m.end(), m.end(), "\n"))
    taken = {s for s, _, _ in out}
    for k, m in enumerate(_PREPOSITION_PHRASE.finditer(text, body)):
        if k % 3 == 0 and m.start(1) not in taken and m.start(2) not in taken:
            out += [(m.start(1), m.end(1), "\n"), (m.start(2), m.end(2), "\n")]
    return sorted(out)


# Spaces the writer or a scraper got wrong around punctuation (issue 14): every variant replaces a space
# or a punctuation mark by itself with or without a space, so gold offsets map (a content span that
# starts after an opening mark or ends before a closing one keeps the space out).
_NO_SPACE_AFTER_COMMA = r",( )(?=\S)"
_STOP_SPACE = r"[.!?…][»\"”]?( )(?=[А-ЯЁA-Z«\"„“—–-])"
_PUNCT_AFTER_WORD = r"(?<=[\w»”\")])([,.:;!?)])(?=[\s»”\"—–-]|$)"


def _spaced_punctuation(text: str) -> list[Replacement]:
    """A space before every comma, stop, colon, semicolon and closing bracket glued to the word before
    it ("сказал , что", "( ТАСС )"), and inside every guillemet and bracket ("« Фразы »")."""
    out = []
    for m in re.finditer(r"[«(]|[»]|" + _PUNCT_AFTER_WORD, text):
        c, i = m.group(), m.start()
        if c in "«(":
            if i + 1 < len(text) and not text[i + 1].isspace():
                out.append((i, i + 1, c + " "))
        elif i > 0 and not text[i - 1].isspace():
            out.append((i, i + 1, " " + c))
    return out


def _dash_unspaced(text: str) -> list[Replacement]:
    """The spaces around a dash taken out ("«…», —сказал он" → "«…»,—сказал он", "— Фраза" →
    "—Фраза"); a spaced hyphen stays (it is read as a dash only when spaced, and "-сказал" is the held-out
    mixture's)."""
    out = []
    for m in re.finditer(r"( ?)([—–])( ?)", text):
        if m.group(1) and m.start() > 0 and text[m.start() - 1] not in "\n":
            out.append((m.start(1), m.end(1), ""))
        if m.group(3) and m.end() < len(text) and text[m.end()] not in "\n ":
            out.append((m.start(3), m.end(3), ""))
    return out


def _spacing_mixture(text: str) -> list[Replacement]:
    """The held-out mixture (written before any fix, read by its totals only): in each paragraph one of
    five habits by its position — every space after a comma or a stop dropped and the dashes written as
    hyphens with no spaces ("«…»,-сказал"); a double space after every stop and comma; a non-breaking
    space for every space; spaces inside brackets and before every comma; the dashes unspaced and
    the spaces after closing marks dropped ("»,—сказал он.Он")."""
    out = []
    at = 0
    for k, para in enumerate(text.split("\n")):
        start, at = at, at + len(para) + 1
        habit = k % 5

        def sub(pattern: str, new: str | Callable[[re.Match], str], group: int = 1) -> None:
            for m in re.finditer(pattern, para):
                if m.group(group) is not None:
                    out.append((start + m.start(group), start + m.end(group),
                                new(m) if callable(new) else new))
        if habit == 0:
            sub(r"[,.!?…][»\"”]?( )(?=\S)", "")
            sub(r"(?<=\S)( ?[—–] ?)(?=\S)", "-")
        elif habit == 1:
            sub(r"[,.!?…]( )(?=\S)", "  ")
        elif habit == 2:
            sub(r"( )", "\u00a0")
        elif habit == 3:
            for s, e, new in _spaced_punctuation(para):
                if new.strip() in "(),":
                    out.append((start + s, start + e, new))
        else:
            sub(r"(?<=\S)( ?[—–] ?)(?=\S)", lambda m: m.group(1).strip())
            sub(r"[»\"”][,.]?( )(?=\S)", "")
    return sorted(out)


# Quotation marks as the wild writes them (issue 14, twenty-eighth session; eval/survey_marks.py counts
# them): guillemets a transcoder mangled into "<<" or "<", single guillemets, doubled or single
# apostrophes and curly single quotes as the only marks, a pair of two families, doubled guillemets, and
# „…“ outside «…». Each replaces a mark by its look-alike (the mark's span maps onto it whole). HTML
# references left for every mark (&laquo;, &quot;) are a variant of their own: the source stage decodes
# them, so the text read is the original.
_WILD_MARKS = {
    "mangled guillemets <<…>>": (("<<", ">>"), ("„", "“")),
    "angle brackets <…>": (("<", ">"), ("„", "“")),
    "single guillemets ‹…›": (("‹", "›"), ("„", "“")),
    "doubled apostrophes ''…''": (("''", "''"), ("'", "'")),
    "doubled single quotes ‘’…’’": (("‘’", "’’"), ("‘", "’")),
    "single straight quotes '…'": (("'", "'"), ('"', '"')),
    "single curly quotes ‘…’": (("‘", "’"), ("“", "”")),
    'mixed pair «…"': (("«", '"'), ("„", "“")),
    "doubled guillemets ««…»»": (("««", "»»"), ("„", "“")),
    "nested the other way „…«…»…“": (("„", "“"), ("«", "»")),
}
_MARK_REFERENCES = {"«": "&laquo;", "»": "&raquo;", "„": "&bdquo;", "“": "&ldquo;", "”": "&rdquo;", '"': "&quot;"}
# The held-out mixture (written before any fix, read by its totals only): in each paragraph, by its
# position, one habit none of the variants above writes as such: a straight quote closed by a guillemet,
# a curly opening closed by a straight quote, „…” (a low opening closed by an English closing), <<…>>
# with <…> inside, '…' with «…» inside.
_WILD_MIXTURE = [(('"', "»"), ("„", "“")), (("“", '"'), ("‘", "’")), (("„", "”"), ("‚", "’")),
                 (("<<", ">>"), ("<", ">")), (("'", "'"), ("«", "»"))]


def _marks_mixture(text: str) -> list[Replacement]:
    out = []
    at = 0
    for k, para in enumerate(text.split("\n")):
        start, at = at, at + len(para) + 1
        out += [(start + s, start + e, new) for s, e, new in _marks(*_WILD_MIXTURE[k % len(_WILD_MIXTURE)])(para)]
    return out


VARIANTS: dict[str, Callable[[str], list[Replacement]]] = {
    "straight quotes": _subs("[«»„“”]", '"'),
    "English curly quotes": _marks(("“", "”"), ("‘", "’")),
    "German „“ quotes": _marks(("„", "“"), ("‚", "‘")),
    "hyphen-minus dash": _subs(r"[—–](?= )", "-"),
    "en dash": _subs("—", "–"),
    "three dots": _subs("…", "..."),
    "NBSP after dash, in names": _together(_subs(r"[—–-]( )", "\u00a0"), _subs(_NAME_SPACE, "\u00a0")),
    "thin spaces around dash": _subs(r" (?=[—–])|(?<=[—–]) ", "\u2009"),
    "ё as е": _subs("[ёЁ]", lambda m: "е" if m.group() == "ё" else "Е"),
    "Latin look-alikes": _latin_lookalikes,
    "CRLF": _subs("\n", "\r\n"),
    "plain-text outlet (straight, hyphen, dots, ё)": _together(
        _subs("[«»„“”]", '"'), _subs(r"[—–](?= )", "-"), _subs("…", "..."),
        _subs("[ёЁ]", lambda m: "е" if m.group() == "ё" else "Е")),
    "comma before что dropped": _subs(_COMPLEMENTIZER_COMMA, ""),
    "comma after an introductory source phrase dropped": _intro_commas,
    "comma after a closing quotation mark dropped": _close_commas,
    "commas left out (all three)": _together(
        _subs(_COMPLEMENTIZER_COMMA, ""), _intro_commas, _close_commas),
    "no space after comma": _subs(_NO_SPACE_AFTER_COMMA, ""),
    "no space after a sentence's stop": _subs(_STOP_SPACE, ""),
    "space before punctuation and inside quotation marks": _spaced_punctuation,
    "dash with no spaces": _dash_unspaced,
    "spacing mixture (held out)": _spacing_mixture,
    **{name: _marks(*pairs) for name, pairs in _WILD_MARKS.items()},
    "HTML references &laquo;…&raquo; &quot;": _subs('[«»„“”"]', lambda m: _MARK_REFERENCES[m.group()]),
    "quotation marks mixture (held out)": _marks_mixture,
}
# Layouts of the article's body as other scrapers save it (its headline line and a BSNLP header stay):
# an RSS full text or a get_text(" ") run together, a get_text() glued, a <br> after every sentence, a
# get_text("\n") that puts every link (here: every name in running text) on a line of its own.
LAYOUTS: dict[str, Callable[[str], list[Replacement]]] = {
    "paragraphs run together": _layout(_BREAK, " "),
    "paragraphs glued": _layout(_BREAK, ""),
    "a line per sentence": _layout(SENTENCE_SPACE, "\n", 1),
    "names on lines of their own": _inline_lines,
    "places, organisations and links after a preposition on lines of their own": _links_lines,
}


ALL_VARIANTS = {**VARIANTS, **LAYOUTS}


def apply(text: str, repls: list[Replacement]) -> str:
    parts, at = [], 0
    for s, e, new in repls:
        parts += [text[at:s], new]
        at = e
    parts.append(text[at:])
    return "".join(parts)


def offset_map(repls: list[Replacement]) -> Callable[[int], int]:
    """Offset in the original text → offset in the text with `repls` applied. A replaced span's start
    maps to its new start, any offset inside it or at its end to the new text's end of it."""
    starts = [s for s, _, _ in repls]
    shift, total = [], 0  # shift[k]: total growth from the replacements before k
    for s, e, new in repls:
        shift.append(total)
        total += len(new) - (e - s)

    def to_new(offset: int) -> int:
        k = bisect_right(starts, offset) - 1
        if k < 0:
            return offset
        s, e, new = repls[k]
        if offset == s:
            return s + shift[k]
        if offset < e:
            return s + shift[k] + len(new)
        return offset + shift[k] + len(new) - (e - s)
    return to_new


def mapped_entry(entry: dict, to_new: Callable[[int], int]) -> dict:
    """The gold entry with its quotations' content spans in the variant's offsets."""
    quotes = [dict(q, content=[to_new(q["content"][0]), to_new(q["content"][1])]) for q in entry["quotes"]]
    return dict(entry, quotes=quotes)


class Runner:
    """The pipeline on texts, read as corpus files are; one analysis per distinct text read. `keep`, if
    given, is called on each analysed document and what it returns is kept (`kept_for`)."""

    def __init__(self, keep: Callable | None = None):
        self.cache: dict[str, tuple[str, list[dict]]] = {}
        self.kept: dict[str, object] = {}
        self.keep = keep
        self.analysed = 0

    def run(self, items: list[tuple[str, str]]) -> list[tuple[str, list[dict]]]:
        """For each (source, text): the text as read and the predictions on it."""
        raws = [text_document(src, text) for src, text in items]
        keys = [hashlib.sha1(r.text.encode()).hexdigest() for r in raws]
        todo = {k: r for k, r in zip(keys, raws) if k not in self.cache}
        if todo:
            docs = annotate([build_document(r) for r in todo.values()])
            for (k, r), doc in zip(todo.items(), docs):
                self.cache[k] = (r.text, [predicted(doc, q) for q in doc.quotes])
                if self.keep is not None:
                    self.kept[k] = self.keep(doc)
            self.analysed += len(todo)
        return [self.cache[k] for k in keys]

    def kept_for(self, read: str) -> object:
        """What `keep` returned for the document of the text read as `read`."""
        return self.kept[hashlib.sha1(read.encode()).hexdigest()]


def variant_of(name: str, original: str) -> tuple[str, Callable[[str], Callable[[int], int]]]:
    """The variant's text and, given the text read back, the map of original offsets into it."""
    return made_variant(name, original, ALL_VARIANTS[name](original))


def made_variant(name: str, original: str, repls: list[Replacement]) -> tuple[str, Callable[[str], Callable[[int], int]]]:
    """`variant_of` for replacements made elsewhere (eval/conventions.py's, which read the gold entry)."""
    text = apply(original, repls)

    def mapping(read: str) -> Callable[[int], int]:
        if read == text:
            return offset_map(repls)
        if read == original:  # the reader undid the variant (CRLF)
            return lambda offset: offset
        raise SystemExit(f"variant {name!r}: the reader changed the text otherwise; offsets cannot be mapped")
    return text, mapping


def originals_of(gold: list[dict], corpora: Path) -> list[tuple[str, str]]:
    """(source, text as read) of each gold article."""
    return [(e["file"], text_document(e["file"], decode(checked_path(e, corpora).read_bytes())).text) for e in gold]


def score_original(gold: list[dict], originals: list[tuple[str, str]], runner: Runner) -> tuple[Counter, list, list]:
    """The counts on the original texts, their predictions and each article's outcomes (for `score_variant`)."""
    counts = Counter()
    base = runner.run(originals)
    outcomes = [tally(counts, entry, text, pred) for entry, (text, pred) in zip(gold, base)]
    return counts, base, outcomes


def score_variant(gold: list[dict], made: list[tuple[str, Callable[[str], Callable[[int], int]], dict]],
                  runner: Runner, base: list, outcomes: list, show: bool = False) -> Counter:
    """The counts on each article's variant: `made` holds, per gold entry, the variant's text, the map of
    original offsets into the text read back (given that text), and the entry to score it against (the
    gold entry, or one whose speakers the variant renamed). `show`: print what the variant changes."""
    c = Counter()
    results = runner.run([(e["file"], vt) for e, (vt, _, _) in zip(gold, made)])
    for (_, mapping, entry), (read, pred), (text0, pred0), (out0, false0) in zip(made, results, base, outcomes):
        to_new = mapping(read)
        out, false = tally(c, mapped_entry(entry, to_new), read, pred)
        if show:
            show_changes(entry, text0, pred0, out0, false0, read, pred, out, false, to_new)
    return c


def evaluate(gold: list[dict], corpora: Path, names: list[str], runner: Runner, errors: str | None = None,
             repls_of: Callable[[str, dict, str], list[Replacement]] | None = None) -> dict[str, Counter]:
    """Counts per variant ("original" first) over the gold entries. `repls_of(name, entry, text)`: the
    variant's replacements of an article (default: ALL_VARIANTS[name] of its text)."""
    originals = originals_of(gold, corpora)
    original, base, outcomes = score_original(gold, originals, runner)
    counts = {"original": original}
    for name in names:
        made = [(*(variant_of(name, text) if repls_of is None else made_variant(name, text, repls_of(name, entry, text))),
                 entry) for entry, (_, text) in zip(gold, originals)]
        counts[name] = score_variant(gold, made, runner, base, outcomes, show=errors == name)
    return counts


OUTCOME = {None: "missed", False: "wrong speaker", True: "right"}


def show_changes(entry, text0, pred0, out0, false0, text, pred, out, false, to_new) -> None:
    """What the variant loses or changes against the original, article by article."""
    def said(preds: list[dict], s: int, e: int) -> str:
        hit = [p for p in preds if min(e, p["raw_content"][1]) > max(s, p["raw_content"][0])]
        return "; ".join(f"{p['speaker'] and p['speaker']['name']!r} cue={p['cue'] and p['cue']['text']!r} "
                         f"[[{p['content']['text'][:60]!r}]]" for p in hit) or "nothing"

    for g, a, b in zip(entry["quotes"], out0, out):
        if a != b:
            s, e = g["content"]
            ns, ne = to_new(s), to_new(e)
            print(f"CHANGED {entry['file']} {g['type']} [{g['speaker']}] {OUTCOME[a]} -> {OUTCOME[b]}: "
                  f"...{text[max(0, ns - 80):ns]!r} [[{text[ns:ne][:100]!r}]] {text[ne:ne + 60]!r}\n"
                  f"    original: {said(pred0, s, e)}\n    variant:  {said(pred, ns, ne)}")
    moved0 = {(to_new(pred0[i]["raw_content"][0]), to_new(pred0[i]["raw_content"][1])) for i in false0}
    moved = {tuple(pred[i]["raw_content"]) for i in false}
    for i in false:
        if tuple(pred[i]["raw_content"]) not in moved0:
            s, e = pred[i]["raw_content"]
            print(f"FALSE added {entry['file']} [{pred[i]['speaker'] and pred[i]['speaker']['name']}]: "
                  f"...{text[max(0, s - 80):s]!r} [[{text[s:e][:100]!r}]]")
    for i in false0:
        span = (to_new(pred0[i]["raw_content"][0]), to_new(pred0[i]["raw_content"][1]))
        if span not in moved:
            s, e = pred0[i]["raw_content"]
            print(f"FALSE dropped {entry['file']}: ...{text0[max(0, s - 80):s]!r} [[{text0[s:e][:100]!r}]]")


def table(counts: dict[str, Counter], label: str = "variant") -> str:
    base = summary(counts["original"])
    lines = [f"| {label} | quotation F1 | drop | who-said-what F1 | drop | speaker acc. (matched) | drop |",
             "|---|---|---|---|---|---|---|"]
    for name, c in counts.items():
        s = summary(c)
        lines.append(f"| {name} | {s['qf']:.3f} | {s['qf'] - base['qf']:+.3f} | {s['wf']:.3f} | "
                     f"{s['wf'] - base['wf']:+.3f} | {c.get('wsw', 0)}/{c.get('match', 0)} = {s['acc']:.3f} | "
                     f"{s['acc'] - base['acc']:+.3f} |")
    return "\n".join(lines)


def variant_names(arg: str) -> list[str]:
    """The names in a comma-separated --variants; two names hold a comma themselves ("NBSP after dash,
    in names"), so pieces are joined back while they spell the beginning of a known name."""
    names, held = [], ""
    for piece in arg.split(","):
        held = f"{held},{piece}" if held else piece.strip()
        if not any(n.startswith(held + ",") for n in ALL_VARIANTS) or held in ALL_VARIANTS:
            names.append(held)
            held = ""
    return names + ([held] if held else [])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--set", choices=("tune", "blind"), default="tune")
    ap.add_argument("--variants", help="comma-separated names (default: all): " + "; ".join(ALL_VARIANTS))
    ap.add_argument("--errors", metavar="VARIANT", help="tune half only: what this variant changes")
    args = ap.parse_args()
    if args.errors and args.set != "tune":
        ap.error("--errors reads the tune half only (the blind half's errors are never shown)")
    names = variant_names(args.variants) if args.variants else list(ALL_VARIANTS)
    if args.errors:
        names = [args.errors]
    unknown = [n for n in names if n not in ALL_VARIANTS]
    if unknown:
        ap.error(f"unknown variant(s) {unknown}; known: {list(ALL_VARIANTS)}")
    runner = Runner()
    counts = evaluate(entries(CORPUS_FILES, args.set), args.corpora, names, runner, errors=args.errors)
    print(f"{args.set} half: {counts['original']['docs']} articles, {counts['original']['gold']} gold quotations, "
          f"{runner.analysed} texts analysed\n")
    print(table(counts))


if __name__ == "__main__":
    main()
