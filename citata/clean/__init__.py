"""Boilerplate removal for text dumps: label every line of the raw input as
title, body, boilerplate or empty, and build the clean body from the body
lines, copied verbatim so offsets stay meaningful.

Three signals, in order:
1. line patterns (data/boilerplate.tsv): captions, credits, buttons, notices…;
2. position: lines before the headline are page header (rubrics, blurbs);
   short label-like lines at the end are footer;
3. widgets: an image caption followed by short label-like lines is a
   teaser of another article or a pull-quote card, not article text.
"""
from __future__ import annotations

import bisect
import dataclasses
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicons
from ..model import Boilerplate, Line, RawDocument, Segment
from . import block, screen, templates, wrap

PARAGRAPH_SEP = "\n\n"
TITLE_SEARCH_LINES = 8
MAX_TITLE_CHARS = 250
# Share of a headline's words (by stem) that the article repeats.
MIN_TITLE_ECHO = 0.25
ECHO_CHARS = 3000  # the article's opening is where it echoes its headline
TITLE_REPEAT_BONUS = 0.5
LONG_TITLE_CHARS = 150
LONG_TITLE_COST = 0.2
# A label (name, rubric, headline of a teaser) is short and does not end
# like a sentence; an article paragraph does one or the other.
MAX_LABEL_CHARS = 160
MAX_FOOTER_WORDS = 8
# A caption or embed glued before a paragraph is cut off only when a real
# paragraph remains; otherwise the whole line goes.
MIN_GLUED_PARAGRAPH = 40
# Two paragraphs opening with the same 50 characters are items of one
# gallery or teaser list, not prose.
REPEATED_PREFIX = 50
# Patterns are anchored and bounded, but a pathological line (a whole page
# without newlines) is not page furniture anyway: skip matching it.
MAX_PATTERN_LINE = 20_000

# Characters that carry no content but split a word for the patterns and the analyser ("Лав\u00adров"
# is two tokens): CMS hyphenation hints (soft hyphen), zero-width space and word joiner, a BOM where
# files were concatenated, bidi marks and embeddings; a (non-)joiner or a variation selector only
# beside a letter (inside an emoji sequence it builds the emoji); a combining stress mark only after
# a Cyrillic vowel ("заяви́л"; after a Latin letter it may be half of an accented letter). `clean`
# reads the page without them and its segments skip them, so every kept character still maps to
# the raw input.
_INVISIBLE = re.compile(
    "[\u00ad\u200b\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]"
    "|(?<=\\w)[\u200c\u200d\ufe00-\ufe0f]|[\u200c\u200d](?=\\w)"
    "|(?<=[аеёиоуыэюяАЕЁИОУЫЭЮЯ])[\u0300\u0301]")
# Every character _INVISIBLE may take, as one class: a text without any is told by one fast scan
# (the lookbehinds make _INVISIBLE's own search over a clean text some ten times slower).
_MAYBE_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\ufe00-\ufe0f\u0300\u0301]")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'»”)\]]*$")
_WORD = re.compile(r"\w+")


@dataclass
class Cleaned:
    lines: list[Line]
    text: str
    segments: list[Segment]
    boilerplate: list[Boilerplate]
    credits: list[str] = field(default_factory=list)
    title_line: Line | None = None


@lru_cache(maxsize=None)
def _outlet_suffix() -> re.Pattern:
    """Alt text of a photo ends with the site's name: "Глава МИД РФ - Sputnik Молдова"."""
    names = sorted(lexicons.media_names(), key=len, reverse=True)
    return re.compile(r"\s[-–—]\s(?:" + "|".join(map(re.escape, names)) + r")\s*$")


@lru_cache(maxsize=None)
def _outlet_suffix_width() -> int:
    """How far from the end of a stripped line an outlet suffix starts at most: " - " and a name."""
    return 3 + max(map(len, lexicons.media_names()))


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def ends_sentence(s: str) -> bool:
    s = s.rstrip()
    return _SENTENCE_END.search(s, max(0, len(s) - block.TAIL)) is not None


def is_label(s: str) -> bool:
    """Short and not ending like a sentence: a name, rubric or headline."""
    s = s.strip()
    return len(s) <= MAX_LABEL_CHARS and not ends_sentence(s)


def _headline(s: str, min_words: int) -> bool:
    s = s.strip()
    if len(s) > MAX_TITLE_CHARS or _words(s) < min_words:
        return False
    return not s.endswith(".") or s.endswith("...")


def glued_lead(title: str, next_line: str) -> int | None:
    """Scrapers often save "Headline Lead sentence…" on one line with the lead
    repeated as the next paragraph: the offset where the repeat starts."""
    probe = next_line.strip()[:40]
    if len(probe) < 20:
        return None
    if title.strip().startswith(probe):
        return len(title)  # the whole line is the lead's beginning
    pos = title.find(probe)
    # What precedes the repeat must be a headline, not a timestamp.
    return pos if pos > 0 and len(re.findall(r"[^\W\d_]{2,}", title[:pos])) >= 2 else None


@lru_cache(maxsize=None)
def _credit_suffix() -> re.Pattern:
    """A short caption closes with the photo's source: "… рейсов REUTERS Tony Gentile.",
    "… скандалом. 1zoom.ru"."""
    names = "|".join(map(re.escape, sorted(lexicons.photo_agencies(), key=len, reverse=True)))
    return re.compile(
        rf"(?:\s(?P<credit>(?:{names})(?:\s*[/|]?\s*[A-Z][\w.\-]*){{0,3}}(?:\s\([^)]{{1,20}}\))?)"
        rf"|\s[\w\-]+\.(?:ru|com|ua|net|org|by|kz))\.?$"
    )


@lru_cache(maxsize=None)
def _credit_literals() -> frozenset[str]:
    """The literals one of which every credit suffix holds (an agency's name, a site's ending): the
    line patterns' automaton looks for them too, and the suffix is sought only where one stands."""
    return screen.pattern_literals(_credit_suffix())


MAX_CAPTION_CHARS = 200
# Paragraphs of a Russian article are Cyrillic; a line that is not is an
# embedded post or a foreign-language widget.
MIN_CYRILLIC_SHARE = 0.1
MIN_FOREIGN_LETTERS = 20  # fewer letters say nothing of the line's language
_LETTER = re.compile(r"[^\W\d_]")


def _foreign(s: str) -> bool:
    # Characters U+0400-U+04FF are the UTF-8 sequences led by bytes D0-D3 (counting
    # bytes is far cheaper than matching letters one by one).
    enough = len(s) * MIN_CYRILLIC_SHARE
    # The usual Russian line has enough Cyrillic letters in its first quarter already: no
    # need to encode and count the rest.
    # (the lead bytes are counted as what deleting them takes away: one pass where two counts were two)
    head = s[:len(s) // 4 + 8].encode()
    if len(head) - len(head.translate(None, b"\xd0\xd1")) >= enough:
        return False
    encoded = s.encode()
    cyr = len(encoded) - len(encoded.translate(None, b"\xd0\xd1"))  # А-я, ё: enough for a Russian line
    if cyr >= enough:
        return False
    cyr += len(encoded) - len(encoded.translate(None, b"\xd2\xd3"))
    if cyr >= enough:
        return False
    letters = len(_LETTER.findall(s))
    return letters >= MIN_FOREIGN_LETTERS and cyr < letters * MIN_CYRILLIC_SHARE


def _relays_site(before: str) -> bool:
    before = before.rstrip().lower()
    return any(before.endswith(" " + cue) or before == cue for cue in lexicons.relay_cues())


# "«…», — сказал он", "…" — заявила она": a quotation's close and the dash of its attribution
QUOTE_DASH = re.compile(r"[»\"“”]\s*,?\s*[—–-]\s")
PAST_ENDINGS = ("л", "ла", "ло", "ли", "лся", "лась", "лось", "лись")


def _reports_words(before: str) -> bool:
    """Does the text before an agency's name at a line's end report someone's words ("«…», —
    сказал глава Минздрава Михаил Мурашко ТАСС.", "Об этом он рассказал в интервью РИА Новости")?
    Then the agency is the one the words were said to, not a photo credit: a caption shows (present
    tense, or no verb), it does not report a past statement."""
    if QUOTE_DASH.search(before):
        return True
    verbs = lexicons.speech_verbs()
    return any(w in verbs and w.endswith(PAST_ENDINGS) for w in _lexicon_words(before))


MAX_BYLINE_CHARS = 100


@lru_cache(maxsize=None)
def _staff_byline() -> re.Pattern:
    """An author's line standing alone, a name and the staff's noun after it, no sentence's end:
    "Иван Петров, корреспондент", "Анна Белова, обозреватель отдела политики"."""
    nouns = "|".join(sorted(lexicons.word_set("staff_nouns"), key=len, reverse=True))
    return re.compile(r"[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё\-]+){1,2},\s+(?:[а-яё]+\s+){0,2}(?:" + nouns
                      + r")(?:\s[^.!?…]{0,60})?$")


def staff_byline(s: str) -> bool:
    s = s.strip()
    return len(s) <= MAX_BYLINE_CHARS and ", " in s and _staff_byline().match(s) is not None


_DIGIT = re.compile(r"\d")
MAX_WIDGET_CHARS = 60
# A widget's counts: a name or an icon's word and its number, once with a colon or twice and more
# ("Просмотры: 2 481", "ВК 3 ОК 1 ТГ 14", "Facebook 0 Twitter 0"), whatever the network's name.
_COUNT_PAIR = r"[^\W\d_]{1,14}:?\s*\d{1,3}(?:[ \u00a0]\d{3})*[KkК]?"
_WIDGET_COUNTS = re.compile(rf"(?:{_COUNT_PAIR}\s+){{1,7}}{_COUNT_PAIR}|[^\W\d_]{{1,14}}:\s*\d{{1,3}}(?:[ \u00a0]\d{{3}})*[KkК]?")
# A piece's reading time in other words: "Читать 5 минут", "2 мин на чтение", "⏱ 6 минут".
_MINUTES = re.compile(r"(?<!\d)\d{1,3}\s*(?:мин\.?|минут[аы]?)(?!\w)")
MAX_READING_CHARS = 40
MAX_READING_WORDS = 2


def widget_counts(s: str) -> bool:
    """A widget's counts by their shape (_WIDGET_COUNTS), whatever the names beside them."""
    s = s.strip()
    return len(s) <= MAX_WIDGET_CHARS and s[-1:].isdigit() and _WIDGET_COUNTS.fullmatch(s) is not None


def reading_time(s: str) -> bool:
    """Minutes alone with few words round them, no sentence: a piece's reading time."""
    if len(s) > 2 * MAX_READING_CHARS or "мин" not in s or _DIGIT.search(s) is None:
        return False
    s = s.strip()
    if len(s) > MAX_READING_CHARS:
        return False
    m = _MINUTES.search(s)
    if m is None or block.ends_sentence(s):
        return False
    rest = s[:m.start()] + " " + s[m.end():]
    words = _WORD.findall(rest.lower())
    # (one word of its own beside the minutes, "читать", "чтение": a sentence has more)
    return not any(c.isdigit() for c in rest) and len(words) <= MAX_READING_WORDS \
        and sum(w not in lexicons.function_words() for w in words) <= 1


_NAME_WORD = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")
MAX_BYLINE_LEAD_WORDS = 3
MAX_ROLE_WORDS = 5


def byline_line(s: str) -> bool:
    """An author's line in other words than "Автор:": a cue (an author's noun, a staff noun, a past
    verb of writing) and a personal name after it ("Автор материала: Екатерина Волкова", "Материал
    подготовила Анна Кузнецова"), or a staff noun's phrase alone, an author's role under the name
    ("Обозреватель отдела политики", "специальный корреспондент"). No sentence, no figure."""
    if len(s) > MAX_BYLINE_CHARS + 2:
        return False
    words = s.split()
    # (a lead-in of three words and a name of three at most: most short lines have more words)
    if not words or len(words) > MAX_BYLINE_LEAD_WORDS + 3 or words[-1][-1:] in ".!?…":
        return False
    # (the cue or the staff noun stands among the first three words either way: most lines have none)
    cues = _byline_cues()
    if not any(w.strip(":—–-,").lower() in cues for w in words[:MAX_BYLINE_LEAD_WORDS]) or _DIGIT.search(s):
        return False
    named = 0
    while named < min(3, len(words) - 1) and _NAME_WORD.fullmatch(words[-1 - named]):
        named += 1
    if named >= 2:
        lead = " ".join(words[:-named]).replace(":", " ").replace("—", " ").lower().split()
        return 0 < len(lead) <= MAX_BYLINE_LEAD_WORDS and any(w in cues for w in lead)
    return len(words) <= MAX_ROLE_WORDS and any(w.lower() in lexicons.word_set("staff_nouns") for w in words[:2]) \
        and all(w[:1].islower() for w in words[1:])


@lru_cache(maxsize=None)
def _byline_cues() -> frozenset[str]:
    return lexicons.word_set("byline_cues") | lexicons.word_set("staff_nouns")


_POINTER = re.compile(r"([А-ЯЁ][а-яё]*(?:\s+[а-яё]+){1,3})\s*(?::|\s[—–])\s+(\S.*)$")
MAX_LEAD_IN_CHARS = 50
MAX_POINTER_CHARS = 250


def pointer_line(s: str) -> bool:
    """A link to another story set between paragraphs under a lead-in of a few words, whatever they
    say ("Еще по теме: <headline>", "Это интересно: …"): the lead-in is a
    phrase of small words in lower case after its first (no name, no speaker, as "Лавров: …" is),
    a function word first, and a headline follows it."""
    # (a lead-in of four words at most ends early on the line: most lines are settled by two finds)
    if len(s) > MAX_POINTER_CHARS or (s.find(":", 0, MAX_LEAD_IN_CHARS) < 0 and s.find(" —", 0, MAX_LEAD_IN_CHARS) < 0
                                      and s.find(" –", 0, MAX_LEAD_IN_CHARS) < 0):
        return False
    s = s.strip()
    # (a function word opens it: "Еще…", "Это…"; a headline's own lead-in opens with its subject,
    # "Вакцина от коронавируса: …")
    if s.split(None, 1)[0].lower() not in lexicons.function_words():
        return False
    m = _POINTER.match(s)
    return m is not None and block.headline_shaped(m.group(2))


MAX_CALL_CHARS = 160
_PLURAL_IMPERATIVE = re.compile(r"(?i)\b[а-яё]{3,}(?:йте|ите)(?:сь)?\b")
_OURS = re.compile(r"(?i)\b(?:наш\w*|нас)\b")


def channel_call(s: str) -> bool:
    """A site's call to follow it on a platform, in whatever words: a short line naming a platform
    (data/call_platforms.txt) with a plural imperative ("Следите…", "Присоединяйтесь…") or "наш"
    ("Наш канал в Telegram — …", "…в нашем канале на Дзене")."""
    if len(s) > MAX_CALL_CHARS:
        return False
    # (the call's own words first: a few substrings settle most lines)
    if not ("йте" in s or "итесь" in s or "ите " in s or "аш" in s or " нас" in s):
        return False
    low = s.lower()
    if not any(p in low for p in lexicons.word_set("call_platforms")):
        return False
    return _PLURAL_IMPERATIVE.search(s) is not None or _OURS.search(s) is not None


MAX_SHORT_WIDGET = 104  # a date line's, a count's, a byline's length at most (trailing spaces and all)
_SENTENCE_MARKS = ".!?…"
_NOT_SENTENCE_ENDS = ("г.", "мин.")


def _sentence_end(s: str) -> bool:
    """The line ends a sentence: no widget's shape (a call to follow the site that ends like one,
    "…Подписывайтесь!", is the patterns'), save a date's "г." and the minutes' "мин."."""
    t = s.rstrip() if s[-1:].isspace() else s
    return t[-1:] in _SENTENCE_MARKS and not t.endswith(_NOT_SENTENCE_ENDS)


MAX_SHORT_WIDGET_SPACES = 8  # a date line's, a count's, a byline's words at most, less one
MAX_DATE_LINE_SPACES = 6  # a date, a time, "в" and two words: "14 янв 2021 в 10:21, обновлено 11:05"


def _widget_shape(s: str) -> str | None:
    """The kind of a short line that no pattern took but whose shape is a widget's, or None."""
    t = s.rstrip()
    n = len(t)
    if n <= MAX_BYLINE_CHARS and staff_byline(t):
        return "byline"
    if n <= MAX_SHORT_WIDGET and t.count(" ") <= MAX_SHORT_WIDGET_SPACES:
        # (a date, a count or minutes have digits; an author's line has none)
        if _DIGIT.search(t) is None:
            if byline_line(t):
                return "byline"
        elif t.count(" ") <= MAX_DATE_LINE_SPACES and block.date_line(t):
            return "date"
        elif reading_time(t) or widget_counts(t):
            return "counter"
    if pointer_line(t):
        return "related"
    return "subscription" if n <= MAX_CALL_CHARS and channel_call(t) else None


def _headline_list(s: str) -> bool:
    """Headlines of other stories run together: "A; B; C; D"."""
    if ";" not in s or s.count("; ") < 3:  # (one character is found faster than "; ", whose space stands everywhere)
        return False
    parts = [p.strip() for p in s.split("; ")]
    return len(parts) >= 4 and all(0 < len(p) <= 120 and p[0].isupper() for p in parts)


def match_boilerplate(s: str) -> tuple[str, re.Match | None] | None:
    s = s.strip()
    if len(s) > MAX_PATTERN_LINE:
        return None
    n = len(s)
    end = screen.end_key(s)
    # The line patterns' literals the line holds, found at once (citata.clean.screen); on most lines
    # none, and then only the patterns that need none of them are tried.
    found = screen.literals_in(s, _credit_literals())
    if found:
        rows, found = screen.candidates(s), screen.unscreened().union(found)
    else:
        rows, found = screen.quiet_candidates(s), screen.unscreened()
    for kind, rx, limit, needs, window, tail, last in rows:
        if (limit is not None and n > limit) or (last is not None and end not in last):
            continue
        start = n - tail if tail is not None and n > tail else 0  # a match ending the line starts here or later
        if needs is not None:
            part = s[:window] if window is not None and n > window else s[start:] if start else s
            for literal in needs:
                if literal in found and literal in part:
                    break
            else:
                continue
        m = rx.search(s, start)
        if m:
            return kind, m
    # The suffix ends the line: look for it in the line's tail only, where it puts a dash.
    tail = max(0, n - _outlet_suffix_width())
    end_part = s[tail:]
    if "-" in end_part or "–" in end_part or "—" in end_part:
        m = _outlet_suffix().search(s, tail)
        if m:
            return "caption", m
    if n <= MAX_CAPTION_CHARS and not _credit_literals().isdisjoint(found):
        m = _credit_suffix().search(s)
        # A site or agency closing a sentence that relays it ("…, пишет News.ru.", "…, передает
        # РИА Новости.") is the report's source, not a photo credit: the line is prose. And the site
        # after its own kind ("Информационное агентство Zarechye.ru") is its masthead (block.site_line).
        if m and not _relays_site(s[:m.start()]) and not _reports_words(s[:m.start()]) and not block.site_line(s):
            return "caption", m
    if n >= MIN_FOREIGN_LETTERS and _foreign(s):  # (a shorter line has fewer letters)
        return "embed", None
    if _headline_list(s):
        return "related", None
    return None


def match_prefix(s: str) -> tuple[str, re.Match] | None:
    """Page furniture glued to the front of a line (see data/boilerplate_prefix.tsv)."""
    n = len(s)
    if n > MAX_PATTERN_LINE:
        return None
    for kind, rx, limit, needs, window, _, _ in screen.prefix_candidates(s):
        if limit is not None and n > limit:
            continue
        if needs is not None:
            head = s[:window] if window is not None and n > window else s
            for literal in needs:
                if literal in head:
                    break
            else:
                continue
        m = rx.match(s)
        if m:
            return kind, m
    return None


def _apart(s: str) -> bool:
    """A line a furniture pattern takes, never read as going on from the line before; but the caption
    pattern's "Дональд Трамп, президент США" is the shape of a sentence's piece opening with a link."""
    hit = match_boilerplate(s)
    return hit is not None and hit[0] != "caption"


def split_lines(text: str, first: int = 0) -> list[Line]:
    """The page's lines; on a hard-wrapped page (citata.clean.wrap) a wrapped paragraph is one line,
    its line breaks read as spaces (`Line.joins`), as is a paragraph saved a line per sentence or one
    whose sentences a page saved node by node broke at their links (`wrap.inline_joins`); and
    a page saved as one line with its paragraphs parted by runs of spaces is split there (run together
    by single spaces, classify parts it: `_furniture_apart`). The `first`
    lines (a container's header) stay apart."""
    parts = text.split("\n")
    # (a hard-wrapped page is read by its line widths: its lines end sentences by chance)
    joins = ({i for i in wrap.wrap_joins(parts) if i >= first}
             or wrap.sentence_joins(parts, first)
             | wrap.inline_joins(parts, first, _apart))
    lines, pos = [], 0
    i = 0
    while i < len(parts):
        part = parts[i]
        if i in joins:
            start, breaks = pos, []
            while i in joins:
                pos += len(parts[i]) + 1
                breaks.append(pos - 1 - start)
                i += 1
            end = pos + len(parts[i])
            lines.append(Line(start, end, text[start:end].replace("\n", " "), joins=tuple(breaks)))
            pos = end + 1
            i += 1
            continue
        if len(part) > wrap.MIN_RUN_LINE and 2 * len(part) > len(text) and "  " in part and i >= first:
            # most of the page on one line: its newlines were lost (a page with lines keeps a
            # paragraph typed with two spaces after its sentences whole)
            lines.extend(Line(pos + a, pos + b, part[a:b]) for a, b in wrap.runs(part))
        else:
            # (a line of spaces is empty: isspace settles it at the first other character, where strip copies)
            lines.append(Line(pos, pos + len(part), part, "body" if part and not part.isspace() else "empty"))
        pos += len(part) + 1
        i += 1
    return lines


def _furniture_apart(ln: Line, page: int) -> list[Line] | None:
    """A page run together on one line by single spaces (most of the page, no run of spaces: see
    wrap.sentences) that a furniture pattern takes whole, parted at its sentence ends: each sentence a
    pattern takes stands alone, marked, and the sentences between them stay one line (a paragraph to
    the block score, which would cut lone short sentences as teasers). None where it is no such line
    (one long paragraph of an article no pattern takes is never looked at: classify asks only on a hit)."""
    s = ln.text
    if ln.joins or len(s) <= wrap.MIN_RUN_LINE or 2 * len(s) <= page or "  " in s:
        return None
    sentences = wrap.sentences(s)
    if len(sentences) == 1:
        return None
    out: list[Line] = []
    prose: tuple[int, int] | None = None
    for a, b in sentences:
        hit = match_boilerplate(s[a:b])
        if hit is None:
            prose = (prose[0] if prose else a, b)
            continue
        if prose:
            out.append(Line(ln.start + prose[0], ln.start + prose[1], s[prose[0]:prose[1]]))
            prose = None
        piece = Line(ln.start + a, ln.start + b, s[a:b])
        _mark(piece, hit[0])
        piece.credit = _credit(hit[1])
        out.append(piece)
    if prose:
        out.append(Line(ln.start + prose[0], ln.start + prose[1], s[prose[0]:prose[1]]))
    return out


def _index(lines: list[Line], line: Line) -> int:
    """Position of this very line (list.index compares dataclasses field by field)."""
    return next(i for i, ln in enumerate(lines) if ln is line)


def _mark(line: Line, kind: str) -> None:
    line.label, line.kind = "boilerplate", kind


def _normalise(s: str) -> str:
    return " ".join(s.split()).lower()


def _normalised_within(s: str, limit: int) -> str | None:
    """_normalise(s) where it is at most `limit` characters long, else None. A long paragraph is
    settled by its opening: the normal form of a text is no shorter than that of its opening."""
    opening = _normalise(s[:2 * limit])
    if len(opening) > limit:
        return None
    whole = opening if len(s) <= 2 * limit else _normalise(s)
    return whole if len(whole) <= limit else None


def _find_title(lines: list[Line], layout: str, known_title: str | None) -> Line | None:
    content = [ln for ln in lines if ln.label != "empty"]
    if layout == "bsnlp":
        # The layout puts the headline first; a long paragraph there is body,
        # unless it is the headline glued to the lead that follows it.
        return _conventional(content)[1] if content else None
    if known_title:
        wanted = _normalise(known_title)
        for ln in content[:TITLE_SEARCH_LINES]:
            if _normalise(ln.text) == wanted:
                return ln
        return None
    rubrics = []
    for ln in content[:TITLE_SEARCH_LINES]:
        s = ln.text.strip()
        if ln.label == "boilerplate":
            # A headline carrying the site's name is still the headline.
            if ln.kind == "caption" and _outlet_suffix().search(s) and _words(_outlet_suffix().sub("", s)) >= 6 \
                    and not rubrics:
                return ln
            continue
        if _headline(s, 3):
            for r in rubrics:
                _mark(r, "rubric")
            return ln
        if _words(s) <= 3 and is_label(s):
            rubrics.append(ln)
            continue
        return None  # body starts: the dump has no headline
    return None


MAX_MENU_WORDS = 2  # a menu's item: no BSNLP page opens with a headline this short
_MENU_SEPARATOR = re.compile(r"\s[|•·/›»>→]\s")
# A breadcrumb's marks point the way from the home page down: two items parted by one are a trail.
_TRAIL_MARKS = frozenset("/›»>→")


def menu_like(s: str) -> bool:
    """A menu's or a breadcrumb's line: one or two words ("Главная", "Новости"), three items or
    more parted by a separator, none longer than a rubric ("Политика | Экономика | Общество",
    "Главная / Новости / Москва"), or two parted by a breadcrumb's mark ("Главная → В мире")."""
    s = s.strip()
    if not is_label(s):
        return False
    if _words(s) <= MAX_MENU_WORDS:
        return True
    items = _MENU_SEPARATOR.split(s)
    if len(items) == 2 and not any(m.group().strip() in _TRAIL_MARKS for m in _MENU_SEPARATOR.finditer(s)):
        return False
    return (len(items) >= 2 and all(_words(item) <= 3 for item in items)) or _marked_trail(s)


# Any mark standing between words as a separator: spaced ("Главная — Общество", "A :: B") or glued
# where no word takes it ("Главная\Новости").
_ANY_MARK = re.compile(r"\s([^\w\s\"'«»(),.!?;]{1,2})\s|(?<=[^\W\d_])([\\/|•·›»>→])(?=[^\W\d_])")


def _marked_trail(s: str) -> bool:
    """Three items or more parted by one mark repeated, whatever the mark, each a capitalised
    rubric of at most three words: "Главная — Общество — Здравоохранение", "Главная\\Новости\\Медицина"."""
    if s.count(" ") < 2 and "\\" not in s and "/" not in s:  # (three items need two marks)
        return False
    marks = {m.group(1) or m.group(2) for m in _ANY_MARK.finditer(s)}
    if len(marks) != 1:
        return False
    mark = marks.pop()
    items = [x.strip() for x in s.split(mark)]
    return len(items) >= 3 and all(x[:1].isupper() and _words(x) <= 3 for x in items)


def _conventional(content: list[Line]) -> tuple[int, Line | None]:
    """The BSNLP layout's headline among a page's content lines: its place (_conventional_place)
    and the line there, or None where furniture stands there or a paragraph that is no headline
    glued to its lead."""
    place = _conventional_place(content)
    first = content[place]
    if first.label == "boilerplate" and first.kind != "caption":
        return place, None
    # (the lead said again stands under the share buttons, the stamp or the byline between, as
    # metadata reads it: the next body line)
    nxt = next((ln.text for ln in content[place + 1:] if ln.label != "boilerplate"), "")
    if glued_lead(first.text, nxt) is not None or (
            len(first.text.strip()) <= MAX_TITLE_CHARS and (place == 0 or _headline(first.text, 3)
                                                            or _short_headline(first, content[place + 1:]))):
        return place, first
    return place, None


# Furniture that other stories' headlines follow: "Последние новости", a news feed.
LISTS_BELOW = frozenset({"related", "feed"})


def _conventional_place(content: list[Line]) -> int:
    """Where a BSNLP page's headline stands by convention among its content lines: the first, or,
    on a page saved whole, the first line under the site's menu and notices (menu-like lines,
    furniture other than a caption or a list's header) within TITLE_SEARCH_LINES, a feed's marked
    items not counted."""
    seen, label = 0, None
    for k, ln in enumerate(content):
        seen += ln.kind != "feed"
        if seen > TITLE_SEARCH_LINES:
            break
        s = ln.text.strip()
        if ln.label == "boilerplate" and ln.kind in LISTS_BELOW:
            # Other stories' headlines follow it, not the page's — unless they are marked as a
            # feed's stamped items ("17:57 <headline>"), which end where the page's headline stands.
            if ln.kind == "feed" or (k + 1 < len(content) and content[k + 1].kind == "feed"):
                continue
            return 0
        if not (ln.label == "boilerplate" and ln.kind != "caption") and not menu_like(s):
            # (a line going on in lower case goes on from the one above: a headline broken in two)
            if s[:1].islower():
                return 0
            return label if label is not None and _short_headline(content[label], content[k:]) else k
        if ln.label == "body":
            label = k  # (the last menu-like line: a short headline may stand there, a stamp or a widget under it)
    return 0


MIN_SHORT_ECHO = 0.5
MIN_PROSE_CHARS = 50  # a lead sentence, no headline: "Вакцина будет представлена регулятору 30 ноября."


def _short_headline(line: Line, below: list[Line]) -> bool:
    """Whether a line of one or two words over the page's first paragraph is its headline
    ("Противопоказания расширяются", "Вакцинация"), not a menu's item: nothing headline-like stands
    between it and the prose under it (a stamp or a widget may), its words are no rubric's
    ("Коронавирус", "Новости") and the article under it says half of them at least. (A rubric
    stands over a headline, and a menu's item is not the article's subject.)"""
    s = line.text.strip()
    if line.label != "body" or _words(s) > MAX_MENU_WORDS or not s[:1].isupper() or _MENU_SEPARATOR.search(s):
        return False
    first = next((ln.text.strip() for ln in below if ln.label == "body"), "")
    if block.headline_shaped(first):
        # (a headline-shaped line under it: a rubric over the headline, or a headline saying what
        # happened or asking over its standfirst — a rubric names a topic)
        if not (says_what_happened(s) or s.endswith(("?", "!"))):
            return False
    elif len(first) < MIN_PROSE_CHARS or not (ends_sentence(first) or len(first) > MAX_TITLE_CHARS):
        return False
    stems = _stems(s)
    if not stems or stems <= _rubric_stems():
        return False
    body = " ".join(ln.text for ln in below if ln.label == "body")[:ECHO_CHARS].lower()
    return _echo(stems, body) >= MIN_SHORT_ECHO


@lru_cache(maxsize=4096)
def says_what_happened(s: str) -> bool:
    """Whether a short line says what happened: a verb in the indicative of the third person or the
    past among its words, as pymorphy reads them first ("Противопоказания расширяются", "Moderna
    сообщила"). A headline's shape; a rubric or a menu's item names a section or a topic
    ("Эпидемия коронавируса в России"), and a site speaking to its reader says "мы" or "вы"
    ("Смотрим на", "Читайте")."""
    from ..nlp import morph

    for w in _WORD.findall(s):
        if w[:1].isalpha() and not w.isascii():
            tag = morph().parse(w.lower())[0].tag
            if tag.POS == "VERB" and tag.mood == "indc" and (tag.person == "3per" or tag.tense == "past"):
                return True
    return False


@lru_cache(maxsize=None)
def _rubric_stems() -> frozenset[str]:
    """The rubric words' stems (lexicons.word_set("rubric_words"): "новости", "коронавирус"), as _stems
    cuts them."""
    return frozenset(st for w in lexicons.word_set("rubric_words") for st in _stems(w))


def _mark_captions(lines: list[Line]) -> None:
    """A short line of one sentence just above a photo credit ("Фото: …") is the photo's caption,
    unless it reports someone's words: a caption shows what the photo shows ("Вакцинация против
    ковида в столице начнется с 5 декабря."), the article's paragraph over a credit left alone tells
    who said it ("Также Дробинская рассказала…", "Отмечается, что…", "Как сообщает Минздрав…")."""
    prev = None
    for ln in lines:
        if ln.label == "empty":
            continue
        if ln.kind == "credit" and ln.label == "boilerplate" and prev is not None and prev.label == "body" \
                and not prev.cut and len(prev.text.strip()) <= MAX_CAPTION_CHARS and ". " not in prev.text.strip() \
                and not _reports(prev.text):
            _mark(prev, "caption")
        prev = ln


def _reports(s: str) -> bool:
    """A verb of speech in the line ("рассказала", "сообщает"), an impersonal report ("отмечается") or
    a short adjective of conviction ("В компании уверены, что …")."""
    said = lexicons.speech_verbs()
    cues = lexicons.impersonal_cues()
    sure = lexicons.speech_adjectives()
    return any(w in said or w in cues or w in sure for w in _lexicon_words(s))


def _lexicon_words(s: str):
    """The line's words in lower case, ё as е (as the speech lexicons write them)."""
    return (m.group().replace("ё", "е") for m in _WORD.finditer(s.lower()))


_LEAD_IN = re.compile(r"([А-ЯЁ][а-яё]*(?:\s+[а-яё]+){0,3})\s*(?::|\s[—–])\s+(\S.*)$")


def _mark_pointers(lines: list[Line], title: Line | None) -> None:
    """A link to another story standing alone between two paragraphs under a lead-in in whatever
    words ("Подробнее: <headline>", "Ранее мы писали: …", "Новость по теме: «…»"): a lead-in of one
    to four words (no name after its first, nor a name first), a headline after it, and none of the
    lead-in's words said in the paragraphs around it. A subheading's lead-in is its paragraph's
    subject ("Вакцина от гриппа: кому она нужна" over a paragraph on the vaccine), a speaker's name is
    said around his words; a site's lead-in speaks of the site and its pages, which the article does
    not. (Over the article, "Коронавирус: <headline>" is a headline: only lines between paragraphs.)"""
    content = [ln for ln in lines if ln.label != "empty"]
    for k in range(1, len(content) - 1):
        ln = content[k]
        t = ln.text
        # (a paragraph's length settles most lines; a lead-in ends early on the line)
        if ln.label != "body" or len(t) > MAX_POINTER_CHARS or ln is title \
                or (t.find(":", 0, MAX_LEAD_IN_CHARS) < 0 and t.find(" —", 0, MAX_LEAD_IN_CHARS) < 0
                    and t.find(" –", 0, MAX_LEAD_IN_CHARS) < 0):
            continue
        s = t.strip()
        before, after = content[k - 1], content[k + 1]
        if before.label != "body" or after.label != "body":
            continue
        m = _LEAD_IN.match(s)
        if m is None or not block.headline_shaped(m.group(2)):
            continue
        if not _echo(_stems(m.group(1)), (before.text + " " + after.text).lower()) \
                and not _named(m.group(1).split(None, 1)[0], content):
            _mark(ln, "related")


def _named(word: str, content: list[Line]) -> bool:
    """`word` is capitalised inside a sentence of the page: a name ("Киселев уточнил: «…»")."""
    if len(word) < 4:
        return False
    said = re.compile(r"[^\W\d_],?\s+" + re.escape(word[:5]))
    return any(said.search(ln.text) for ln in content if ln.label == "body")


def _mark_widgets(lines: list[Line]) -> None:
    """Label-like lines right after an image caption belong to its widget."""
    i = 0
    while i < len(lines):
        if lines[i].kind != "caption":
            i += 1
            continue
        run, j = [], i + 1
        while j < len(lines):
            ln = lines[j]
            if ln.label == "empty" or ln.label == "boilerplate":
                j += 1
                continue
            # (a bulleted line goes on with the article's list the photo stands in)
            if ln.label == "body" and is_label(ln.text) and not block.bulleted(ln.text.strip()):
                run.append(ln)
                j += 1
                continue
            break
        kind = "teaser" if any(_words(ln.text) >= 5 for ln in run) else "card"
        for ln in run:
            _mark(ln, kind)
        i = j


# Names of outlets that are also common words ("Сегодня, 12:30" is a stamp).
AMBIGUOUS_OUTLET_NAMES = frozenset({"Сегодня", "Новости", "Life"})
_NAME_PARTS = re.compile(r"\s*[|/•·]\s*|\s+[-–—]\s+|,\s+")
MAX_OUTLET_LINE = 40
OUTLET_LINE_WINDOW = 3


def names_outlet(s: str) -> bool:
    """A short line made of the site's names ("Вести - Ynet |", "Би-би-си"): a byline."""
    s = s.strip()
    if not s or len(s) > MAX_OUTLET_LINE or len(s.split()) > 4 or ends_sentence(s):
        return False
    media = lexicons.media_names()
    return any(p in media and p not in AMBIGUOUS_OUTLET_NAMES for p in _NAME_PARTS.split(s))


def _mark_outlet_lines(lines: list[Line], title: Line | None) -> None:
    """The outlet's name standing alone just under the headline is its byline, not text."""
    if title is None:
        return
    seen = 0
    for ln in lines[_index(lines, title) + 1:]:
        if ln.label == "empty":
            continue
        if (ln.label == "body" or ln.kind == "before_article") and names_outlet(ln.text):
            _mark(ln, "byline")
        seen += 1
        if seen >= OUTLET_LINE_WINDOW:
            break


def _mark_footer(lines: list[Line]) -> None:
    body = [ln for ln in lines if ln.label == "body"]
    for ln in reversed(body[1:]):  # never strip the only paragraph
        s = ln.text.strip()
        if is_label(s) and _words(s) <= MAX_FOOTER_WORDS and ". " not in s:
            _mark(ln, "footer")
        else:
            break


def classify(raw: RawDocument, furniture: frozenset[str] | None = None) -> list[Line]:
    """`furniture`: line shapes this page's site repeats on its pages (citata.clean.templates)."""
    first = 4 if raw.layout == "bsnlp" else 0
    lines = split_lines(raw.text, first)
    if raw.layout == "bsnlp":
        for ln in lines[:4]:
            _mark(ln, "header")
        first = 4
    elif raw.layout == "body":
        return lines
    parted: dict[int, list[Line]] = {}  # a page run together on one line, parted
    for i, ln in enumerate(lines[first:], first):
        if ln.label == "empty":
            continue
        # (an indented line's furniture is glued after its indent)
        lead = len(ln.text) - len(ln.text.lstrip()) if ln.text[:1].isspace() else 0
        glued = match_prefix(ln.text[lead:] if lead else ln.text)
        if glued:
            ln.credit = _credit(glued[1])
            rest = ln.text[lead + glued[1].end():]
            if len(rest.strip()) >= MIN_GLUED_PARAGRAPH and not match_boilerplate(rest):
                ln.kind, ln.cut = glued[0], lead + glued[1].end()
            else:
                _mark(ln, glued[0])
            continue
        hit = match_boilerplate(ln.text)
        if hit:
            pieces = _furniture_apart(ln, len(raw.text))
            if pieces:
                parted[i] = pieces
                continue
            # (a name and a staff noun is the shape of a portrait's caption too: over the headline it
            # is its author's line, no candidate for the headline's place)
            _mark(ln, "byline" if hit[0] == "caption" and staff_byline(ln.text) else hit[0])
            ln.credit = _credit(hit[1])
        elif len(ln.text) <= MAX_POINTER_CHARS and not _sentence_end(ln.text):
            # (widgets by their shape, whatever their words: short lines only, a paragraph or a
            # sentence is none — half the lines asked end like one)
            kind = _widget_shape(ln.text)
            if kind:
                _mark(ln, kind)
    if parted:
        lines = [piece for i, ln in enumerate(lines) for piece in parted.get(i, (ln,))]
    if furniture:
        for ln in lines[first:]:
            if ln.label == "body" and len(ln.text.strip()) <= templates.MAX_SHAPE_CHARS \
                    and templates.shape(ln.text) in furniture:
                _mark(ln, "template")
    known = raw.meta.get("title") if raw.layout != "bsnlp" else None
    span = _article_block(lines, first) if raw.layout in ("bsnlp", "plain") and not known else None
    if span is None:
        title = _find_title(lines[first:], raw.layout, known)
    else:
        # The headline is sought over the block's opening paragraphs even where a link to
        # another story or a photo cut them off from the rest.
        title = _block_title(lines, first, (_opening(lines, first, span), span[1]), raw.layout)
        span = _under_repeat(lines, span, title)
        lead = _lead_islands(lines, span, title)
        tail = _tail_islands(lines, span)
        trailing = _trailing_teasers(lines, span)
        rubrics = _rubrics(lines, title)
        for i in range(first, len(lines)):
            ln = lines[i]
            if ln.label != "body" or ln is title:
                continue
            if i > span[1] and i not in tail:
                _mark(ln, "after_article")
            elif i in trailing:
                _mark(ln, "teaser")
            elif i < span[0] and i not in lead:
                # A short label just over the headline is its rubric; the rest is the page's
                # header: a menu, a pop-up, a stamp, a teaser.
                _mark(ln, "rubric" if i in rubrics else "before_article")
    if title is not None:
        title.label, title.kind, title.credit = "title", None, None
        for ln in lines[first:]:
            if ln is title:
                break
            if ln.label == "body":  # text before a title known from JSONL/HTML metadata
                _mark(ln, "header")
    _mark_outlet_lines(lines, title)
    _mark_pointers(lines, title)
    _mark_captions(lines)
    _mark_widgets(lines)
    _mark_repeats(lines, title)
    _mark_footer(lines)
    _mark_site_lines(lines)
    return lines


# Kinds the article's block gives whatever follows it (a comment section, a related list, the rest):
# the site's own lines among them are its masthead.
PAGE_END_KINDS = frozenset({"comment", "after_article", "teaser", "card", "feed"})


def _mark_site_lines(lines: list[Line]) -> None:
    """A masthead, legal or self-describing line under the article ("Информационное агентство X",
    "Редакция сайта «X»", "X — городской портал") that no pattern marked is the site's masthead, not a
    comment or a teaser, so that the outlet signals read it (block.site_line)."""
    last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].label == "body"), None)
    if last is None:
        return
    for ln in lines[last + 1:]:
        if ln.label == "boilerplate" and ln.kind in PAGE_END_KINDS and block.site_line(ln.text):
            ln.kind = "masthead"


def _article_block(lines: list[Line], first: int) -> tuple[int, int] | None:
    """(first, last) line index of the article's block; galleries and comment sections
    are marked on the way (see citata/clean/block.py)."""
    repeats = block.repeated_lines(lines, first)
    cut = block.comment_start(lines, first)
    if cut is not None:
        # Replies quote the article: a paragraph said again only in the comments is the
        # article's, not a gallery's recurring title.
        repeats = block.repeated_lines(lines[:cut], first)
    gallery = block.gallery_span(lines, first, repeats)
    if gallery is not None:
        for ln in lines[gallery[0]:gallery[1] + 1]:
            if ln.label == "body":
                _mark(ln, "gallery")
    for i in block.feed_lines(lines, first):
        _mark(lines[i], "feed")
    for i in block.slide_captions(lines, first, repeats):
        _mark(lines[i], "gallery")
    content = [i for i in range(first, len(lines)) if lines[i].label != "empty"]
    worth = block.block_worth(lines, content, repeats)
    # A bare "Читайте также" costs the block its end: other stories' teasers follow it. Where two
    # headlines or more follow it instead, they are the list, and the list is furniture inside an
    # article like a photo: the article may go on under it. (Only once the article's prose has
    # begun, where it does: over it, a sidebar's "Последние новости" may run into the page's own
    # headline.)
    opened = next((i for k, i in enumerate(content) if worth[k] > 0), first)
    listed = block.listed_headlines(lines, opened)
    items = {j for found in listed.values() for j in found}
    # A list of other stories by its shape (stamps, counts, place numbers), whatever its header says:
    # each item a link to another story, like the items under a bare "Читайте также".
    items.update(block.stamped_list(lines, opened))
    for k, i in enumerate(content):
        if i in listed:
            worth[k] = -block.INLINE_COST
        elif i in items:
            worth[k] = 0.0
            _mark(lines[i], "related")  # a link to another story, wherever the block goes
    span = block.best_block(worth)
    if span is None:
        return None
    for k, i in enumerate(content):
        lines[i].worth = worth[k]
    if cut is not None and block.is_thread(lines, first, cut):
        # A forum thread: the posts are the text; their heads go (the block runs over them).
        for ln in lines[cut:]:
            if ln.label == "body" and block.post_head(ln.text):
                _mark(ln, "comment")
        span = block.best_block([worth[k] if lines[i].label == "body" else min(worth[k], -1)
                                 for k, i in enumerate(content)])
        if span is None:
            return None
    elif cut is not None:
        for ln in lines[cut:]:
            # (a stamp there is a comment's, never the page's date)
            if ln.label == "body" or ln.kind == "date":
                _mark(ln, "comment")
        keep = [k for k, i in enumerate(content) if i < cut]
        span = block.best_block([worth[k] if lines[content[k]].label == "body" else min(worth[k], -1) for k in keep])
        if span is None:
            return None
    return content[span[0]], content[span[1]]


def _under_repeat(lines: list[Line], span: tuple[int, int], title: Line | None) -> tuple[int, int]:
    """The block from under the headline said again, where the page says it twice with the block's
    opening between (the page's title, then teasers, a stamp, tags, then the article's own
    headline): what stands between the two is the page's header. Where the prose between outweighs
    the prose under the repeat, the repeat is the article's own line — a subheading that restates
    the headline, the headline in a share block or a list of stories under the article."""
    if title is None:
        return span
    at = _index(lines, title)
    if at >= span[1]:
        return span
    head = _normalise(title.text)
    limit = 2 * len(title.text)
    for i in range(max(at + 1, span[0] + 1), span[1]):
        s = lines[i].text
        if lines[i].label == "body" and len(s) <= limit and s.lstrip()[:1].lower() == head[:1] \
                and _normalise(s) == head:
            between = sum(max(ln.worth, 0.0) for ln in lines[span[0]:i] if ln.label == "body")
            under = sum(max(ln.worth, 0.0) for ln in lines[i + 1:span[1] + 1] if ln.label == "body")
            if under <= between:
                return span
            return i + 1, span[1]  # (the prose over it is no lead: _lead_islands stops at the repeat)
    return span


MAX_RUBRICS = 2


def _rubrics(lines: list[Line], title: Line | None) -> set[int]:
    """One or two short labels right over the headline are its rubric ("Политика");
    a longer run of them is a menu."""
    if title is None:
        return set()
    run: list[int] = []
    for i in range(_index(lines, title) - 1, -1, -1):
        ln = lines[i]
        if ln.label == "empty":
            continue
        if ln.label != "body" or _words(ln.text) > 3 or not is_label(ln.text):
            break
        run.append(i)
    return set(run) if len(run) <= MAX_RUBRICS else set()


MIN_STANDFIRST_WORDS = 5


def _lead_islands(lines: list[Line], span: tuple[int, int], title: Line | None) -> set[int]:
    """Prose between the headline and the block, cut off from it only by marked furniture
    (a subscription notice, a news feed): the article's opening paragraphs. With no headline
    found (a plain text's first paragraphs), the prose from the text's start."""
    kept: set[int] = set()
    labels: list[int] = []  # subheadings count only with prose above them; a byline has none
    head = _normalise(title.text) if title is not None else None
    for i in range(span[0] - 1, -1, -1):
        ln = lines[i]
        if ln is title or head is not None and _normalise(ln.text) == head:
            break  # the headline said again opens the article proper: above it is the page's header
        if ln.label in ("empty", "boilerplate"):
            continue
        # Prose (a paragraph said again further down is still prose here) and subheadings.
        if ln.worth > 0 or block.line_worth(ln) > 0:
            kept.add(i)
            kept.update(labels)
            labels = []
        elif ln.worth == -block.LABEL_COST:
            labels.append(i)
        else:
            break
    if title is None:
        return kept
    # The standfirst: a headline-like sentence right under the headline (its subtitle) is
    # the article's, when the article follows it.
    below = next((i for i in range(_index(lines, title) + 1, span[0]) if lines[i].label != "empty"), None)
    if below is not None and below not in kept and lines[below].label == "body" \
            and lines[below].worth == -block.LABEL_COST and _words(lines[below].text) >= MIN_STANDFIRST_WORDS:
        kept.add(below)
    return kept


def _opening(lines: list[Line], first: int, span: tuple[int, int]) -> int:
    """Where the article opens: the block's first line, or prose above it cut off only by
    furniture that stands inside articles (a photo, a link to another story, a plea)."""
    start, labels = span[0], 0
    for i in range(span[0] - 1, first - 1, -1):
        ln = lines[i]
        if ln.label == "empty":
            continue
        if ln.label == "boilerplate":
            if ln.kind in PARAGRAPH_KINDS or ln.kind in LINK_KINDS or ln.kind in PLEA_KINDS:
                continue
            break
        if ln.worth > 0:
            start, labels = i, 0
        elif ln.worth == -block.LABEL_COST and not labels:
            labels += 1  # a subheading between paragraphs; two labels in a row are the page's header
        else:
            break
    return start


# Furniture that stands between an article's paragraphs: a photo and its caption, an ad, an embedded
# post, a section break, a link to another story ("Читайте также: <headline>"), a plea to
# subscribe. A bare "Читайте также:" heads a list of teasers instead.
PARAGRAPH_KINDS = frozenset({"caption", "credit", "embed", "card", "separator", "ad"})
LINK_KINDS = frozenset({"related", "subscription", "rubric_blurb"})
PLEA_KINDS = frozenset({"notice", "ad", "footer"})
MIN_LINK_CHARS = 30  # a related line this long carries the linked headline
MAX_TEASER_CHARS = 130
MIN_TEASERS = 3


def _trailing_teasers(lines: list[Line], span: tuple[int, int]) -> set[int]:
    """Three or more short lines closing the block after a longer paragraph, none a list item
    (lower case, a dash, a bullet, a number): the headlines or leads of other stories that a
    site lists under the article, with their label if one stands over them."""
    run: list[int] = []
    for i in range(span[1], span[0] - 1, -1):
        ln = lines[i]
        if ln.label == "empty":
            continue
        if ln.label != "body":
            return set()
        s = ln.text.strip()
        if len(s) > MAX_TEASER_CHARS or not s[:1].isupper():
            break  # line i closes the paragraphs above the run
        run.append(i)
    else:
        return set()  # the whole block is short lines: no article to close
    prose = [i for i in run if lines[i].worth > 0]
    if len(prose) < MIN_TEASERS or not ends_sentence(lines[i].text):
        return set()
    # A question and its answer under it are a FAQ's, not teasers.
    ends = [lines[j].text.rstrip()[-1:] for j in reversed(run)]
    if any(a == "?" and b != "?" for a, b in zip(ends, ends[1:])):
        return set()
    return set(run)


def _tail_islands(lines: list[Line], span: tuple[int, int]) -> set[int]:
    """Sentences just after the block, cut off from it only by furniture that stands inside
    articles: the article's closing paragraphs, whose worth could not pay for the photo or
    the link before them. A teaser's lead or a subtitle rarely ends like a sentence."""
    kept: set[int] = set()
    passed = False
    # the headline a bare "Читайте также" line links to, on a line of its own, where the article goes
    # on under it: for two paragraphs or more, or one that repeats the article's words (a lead of the
    # linked story closing the page talks of something else)
    linked: list[int] = []
    heading = False
    for i in range(span[1] + 1, len(lines)):
        ln = lines[i]
        if ln.label == "empty":
            continue
        if ln.label == "boilerplate":
            if heading and not linked:
                break  # a list under the heading: other stories'
            if ln.kind in PARAGRAPH_KINDS or (ln.kind in LINK_KINDS and len(ln.text.strip()) >= MIN_LINK_CHARS):
                passed = True
                continue
            if ln.kind == "related" and not linked and not heading:
                heading = True  # "Читайте также" alone: one headline under it, then the article may go on
                continue
            break
        if heading and not linked and _headline(ln.text, 3) and not ends_sentence(ln.text):
            linked.append(i)
            passed = True
            continue
        if not passed or ln.worth <= 0 or not ends_sentence(ln.text):
            break
        kept.add(i)
    if linked:
        after = {i for i in kept if i > linked[0]}
        article = " ".join(ln.text for ln in lines[span[0]:span[1] + 1] if ln.label == "body").lower()
        if len(after) < 2 and not (after and _echoes(_stems(" ".join(lines[i].text for i in after)), article, ECHO_GOES_ON)):
            return kept - after  # one paragraph of another story under its headline: its lead, the page's end
        _mark(lines[linked[0]], "related")
    return kept


ECHO_GOES_ON = 0.5  # share of a paragraph's stems the article repeats when the paragraph goes on with it


_STEM = re.compile(r"[^\W\d_]{4,}")


def _stems(s: str) -> set[str]:
    return {w[:5] for w in _STEM.findall(s.lower())}


def _echo(stems: set[str], text: str) -> float:
    """Share of a line's word stems the (lower-cased) text repeats."""
    return sum(st in text for st in stems) / max(len(stems), 1)


def _echoes(stems: set[str], text: str, share: float) -> bool:
    """_echo(stems, text) >= share, reading no further than it takes: a stem the text lacks is
    sought through all of it."""
    need, found = share * max(len(stems), 1), 0
    for st in stems:
        found += st in text
        if found >= need:
            return True
    return found >= need


def _head(lines: list[Line], content: list[int]) -> list[int]:
    """The page's first TITLE_SEARCH_LINES + 1 content lines (the convention's, and the one under
    it), with the lines of a feed among them, however many."""
    head, seen = [], 0
    for i in content:
        head.append(i)
        seen += lines[i].kind != "feed"
        if seen > TITLE_SEARCH_LINES:
            break
    return head


def _block_title(lines: list[Line], first: int, span: tuple[int, int], layout: str) -> Line | None:
    """The headline: a headline-like line just above the block (or opening it) whose
    words the block echoes; not a pop-up, rubric or caption. In the BSNLP layout the
    first line is the headline by convention unless it is furniture."""
    content = [i for i in range(first, span[1] + 1) if lines[i].label != "empty"]
    if not content:
        return None
    place = None
    if layout == "bsnlp":
        k, conventional = _conventional([lines[i] for i in _head(lines, content)])
        place = content[k]
        top = lines[place]
        if conventional is top and top.label == "body" and len(top.text.strip()) > MAX_TITLE_CHARS:
            return top  # the headline glued to its lead
        if conventional is not None and k + 1 < len(content) and _kicker(conventional, lines[content[k + 1]],
                                                                         lines, content[k + 2:]):
            k, conventional = k + 1, lines[content[k + 1]]
            place = content[k]
        if conventional is not None and (conventional.label != "body" or _headline(conventional.text, 3)
                                         or _short_headline(conventional, [lines[i] for i in content[k + 1:]])):
            # By convention, unless the article under it does not echo it (a pop-up, a site's
            # name); the standfirst and the lead count, wherever the block's opening is put.
            words = _stems(conventional.text)
            body = " ".join(lines[i].text for i in content if i > place and lines[i].label == "body")[:ECHO_CHARS]
            if len(body) < 200 or _echoes(words, body.lower(), MIN_TITLE_ECHO):
                return conventional
    upto = [i for i in content if i <= span[0]][-TITLE_SEARCH_LINES:]
    body_text = " ".join(lines[i].text for i in content if i > span[0] and lines[i].label == "body")[:ECHO_CHARS]
    after_first = body_text.lower()  # what the block echoes of a line opening it
    echoed = lines[span[0]].text.lower() + " " + after_first  # … and of a line above it
    best, best_score = None, 0.0
    said = [_normalise(lines[j].text) for j in upto]
    items = _listed_over(lines, upto)
    for rank, i in enumerate(reversed(upto)):
        ln = lines[i]
        s = ln.text.strip()
        if i in items:
            continue
        if ln.label == "boilerplate":
            # A headline carrying the site's name is still the headline.
            if not (ln.kind == "caption" and _outlet_suffix().search(s)
                    and _words(_outlet_suffix().sub("", s)) >= 6):
                continue
        elif not _headline(s, 3) or (i == span[0] and block.line_worth(ln) >= MAX_TITLE_CHARS):
            continue
        under = [j for j in content if j > i]
        if under and _kicker(ln, lines[under[0]], lines, under[1:]):
            continue  # a rubric over the headline
        words = _stems(s)
        echo = _echo(words, echoed if i < span[0] else after_first)
        score = echo - 0.03 * rank + (0.3 if i == place else 0.0)
        # Pages repeat their headline (the page title, then the article's); a subtitle
        # or a lead is longer than a headline.
        if said.count(_normalise(s)) > 1:
            score += TITLE_REPEAT_BONUS
        if len(s) > LONG_TITLE_CHARS:
            score -= LONG_TITLE_COST
        if (echo > 0 or len(body_text) < 200) and (best is None or score > best_score):
            best, best_score = ln, score
    return best


HEADLINE_AND_STANDFIRST = 2  # two headline-shaped lines over an article are no list
MIN_RESTATED = 1 / 3  # share of a headline's word stems its standfirst says again


def _listed_over(lines: list[Line], upto: list[int]) -> set[int]:
    """Headline-shaped lines over the article that are a list's items (a sidebar's "Последние
    новости", teasers on the same topic): the page's headline stands right over its article, so a
    headline with another headline-shaped line under it, before the article's prose, is another
    story's — unless that line restates it (shares a word stem no other line there has): then it
    is the headline's standfirst, and no headline itself. A line right over a photo credit is the
    photo's caption, neither. Empty where every line would go."""
    shaped: list[int] = []
    captions: set[int] = set()
    for k, i in enumerate(upto):
        if lines[i].label != "body" or not block.headline_shaped(lines[i].text):
            continue
        if k + 1 < len(upto) and lines[upto[k + 1]].kind == "credit":
            captions.add(i)
        else:
            shaped.append(i)
    if len(shaped) <= HEADLINE_AND_STANDFIRST:
        return set()
    stems = {i: _stems(lines[i].text) for i in shaped}
    items: set[int] = set()
    for k, i in enumerate(shaped[:-1]):
        under = shaped[k + 1:]
        if len(under) == 1 and not any(lines[j].label == "body" for j in upto if i < j < under[0]):
            others = set().union(*(stems[j] for j in shaped if j != i and j != under[0]))
            shared = stems[i] & stems[under[0]]
            if shared - others and len(shared) >= MIN_RESTATED * len(stems[i]):
                items.add(under[0])  # the standfirst
                continue
        items.add(i)
    return items | captions if len(items) < len(shaped) else set()


MAX_KICKER_WORDS = 4


def _kicker(line: Line, nxt: Line, lines: list[Line], below: list[int]) -> bool:
    """Whether a short line in the headline's place is a rubric over it ("Эпидемия коронавируса в
    России" over "Минздрав разрешил делать прививку…"): a label of a few words over a longer line
    shaped like a headline that the article under both echoes more. A short headline over its
    standfirst ("Вакцина от коронавируса" over "Что это за вакцина, как она работает…") is echoed
    at least as much as the standfirst. A label that says what happened is no rubric
    (`says_what_happened`); one that names a topic over a line of one clause that says what happened
    is one, however much the article echoes the topic ("Эпидемия коронавируса в России" over "Когда вакцинация остановит
    коронавирус в России": a standfirst under a short headline goes on in clauses)."""
    s = line.text.strip()
    if _words(s) > MAX_KICKER_WORDS or not is_label(s) or nxt.label != "body" \
            or len(nxt.text.strip()) <= len(s) or not block.headline_shaped(nxt.text) or says_what_happened(s):
        return False
    body = " ".join(lines[i].text for i in below if lines[i].label == "body")[:ECHO_CHARS].lower()
    # (where the article opens by saying that line again, it may be a standfirst taken from the lead)
    if "," not in nxt.text and says_what_happened(nxt.text) \
            and not body.startswith(_normalise(nxt.text)[:REPEATED_PREFIX]):
        return True
    return _echo(_stems(nxt.text), body) > _echo(_stems(s), body)


MAX_REPEATED_LABEL = 80


def _mark_repeats(lines: list[Line], title: Line | None) -> None:
    """A headline repeated in the body, and gallery/teaser items that all
    start with the same words, are page furniture."""
    body = [ln for ln in lines if ln.label == "body"]
    if title is not None and len(body) > 1:  # a one-paragraph note may restate its headline
        head = _normalise(title.text).rstrip(".")
        if len(head) >= 20:
            for ln in body[:3]:
                s = _normalised_within(ln.text, len(head) + 40)
                if s is not None and s.startswith(head):
                    _mark(ln, "title_repeat")
    # A short label said twice is a photo's caption (under the photo and in its gallery) or a
    # teaser; a subheading is said once.
    labels: dict[str, list[Line]] = {}
    for ln in body:
        s = ln.text.strip()
        if len(s) <= MAX_REPEATED_LABEL and ln.worth < 0 and is_label(s) and len(s.split()) >= 2:
            labels.setdefault(_normalise(s), []).append(ln)
    for group in labels.values():
        if len(group) > 1:
            for ln in group:
                _mark(ln, "caption")
    by_prefix: dict[str, list[Line]] = {}
    for ln in body:
        s = ln.text.strip()
        if len(s) >= 2 * REPEATED_PREFIX:
            by_prefix.setdefault(s[:REPEATED_PREFIX], []).append(ln)
    for group in by_prefix.values():
        if len(group) < 2:
            continue
        shared = os.path.commonprefix([ln.text.strip() for ln in group])
        if ends_sentence(shared):
            continue  # a lead sentence said twice, each time going on differently: prose
        if all(ends_sentence(ln.text) and ln.text.strip()[len(shared):len(shared) + 1].islower() for ln in group):
            # Paragraphs opening alike whose sentence goes on differently ("Согласно обновленным
            # данным, … эффективность / в ходе испытания"): prose; a gallery's items repeat a
            # title and start anew after it.
            continue
        for ln in group:
            _mark(ln, "teaser")


def _credit(m: re.Match | None) -> str | None:
    if m is None or "credit" not in m.re.groupindex or not m.group("credit"):
        return None
    return m.group("credit").strip().rstrip("/").strip() or None


def clean(raw: RawDocument, furniture: frozenset[str] | None = None) -> Cleaned:
    if not _MAYBE_INVISIBLE.search(raw.text):  # (the common case costs this one scan)
        return assemble(classify(raw, furniture))
    # Lines are classified, and the body copied, from the text without the characters that carry
    # no content; the offsets are then mapped back onto the raw input.
    folded, back, gaps = _fold(raw.text)
    return _unfold(assemble(classify(dataclasses.replace(raw, text=folded), furniture)), back, gaps)


def assemble(lines: list[Line]) -> Cleaned:
    """The clean text of classified lines: the body lines' paragraphs, mapped back to the raw input.
    Apart from `clean`, eval/quotes.py --oracle-clean assembles lines the cleaning gold labels."""
    parts, segments, boilerplate, credits = [], [], [], []
    pos = 0
    title_line = None
    for ln in lines:
        if ln.label == "title":
            title_line = ln
        elif ln.label == "body":
            if ln.cut:
                boilerplate.append(Boilerplate(ln.start, ln.start + ln.cut, ln.kind or "boilerplate"))
            if parts:
                pos += len(PARAGRAPH_SEP)
            pos = _paragraph(ln, pos, parts, segments)
        elif ln.label == "boilerplate":
            boilerplate.append(Boilerplate(ln.start, ln.end, ln.kind or "boilerplate"))
        if ln.credit and ln.credit not in credits:
            credits.append(ln.credit)
    return Cleaned(lines, PARAGRAPH_SEP.join(parts), segments, boilerplate, credits, title_line)


def _paragraph(ln: Line, pos: int, parts: list[str], segments: list[Segment]) -> int:
    """A body line as one paragraph of the clean text, from `pos`: verbatim but for its leading and
    trailing spaces (layout, not content); a hard-wrapped one (`Line.joins`) each of its physical
    lines so, one space where a line break was (none before a piece that opens with closing
    punctuation). Returns the text's new end."""
    pieces = []
    edges = (ln.cut, *(j for j in ln.joins if j > ln.cut), len(ln.text))
    for a, b in zip(edges, edges[1:]):
        piece = ln.text[a:b]
        stripped = piece.strip()
        if not stripped:
            continue
        if pieces and not wrap.CLOSES.match(stripped):  # "сообщает⏎РИА Новости⏎." (a link's node alone)
            pieces.append(" ")
            pos += 1
        segments.append(Segment(pos, ln.start + a + (len(piece) - len(piece.lstrip())), len(stripped)))
        pieces.append(stripped)
        pos += len(stripped)
    parts.append("".join(pieces))
    return pos


def visible(text: str) -> str:
    """`text` without the characters that carry no content (see _INVISIBLE)."""
    return _INVISIBLE.sub("", text) if _MAYBE_INVISIBLE.search(text) else text


def _invisible(text: str):
    """_INVISIBLE.finditer(text): each match is one character of _MAYBE_INVISIBLE's class, so the
    look-behinds are tried only where the fast class scan stops (not at every position)."""
    for m in _MAYBE_INVISIBLE.finditer(text):
        hit = _INVISIBLE.match(text, m.start())
        if hit is not None:
            yield hit


def _fold(text: str) -> tuple[str, list[int], list[int]]:
    """`text` without the characters _INVISIBLE names; for each of its offsets (and its end) the
    offset in `text` it came from; and the offsets after which the fold skipped characters (i > 0
    where back[i] != back[i - 1] + 1), in order."""
    parts, back, gaps, last = [], [], [], 0
    for m in _invisible(text):
        parts.append(text[last:m.start()])
        back.extend(range(last, m.start()))
        last = m.end()
        if back and (not gaps or gaps[-1] != len(back)):
            gaps.append(len(back))
    parts.append(text[last:])
    back.extend(range(last, len(text) + 1))
    return "".join(parts), back, gaps


def _unfold(cleaned: Cleaned, back: list[int], gaps: list[int]) -> Cleaned:
    """`cleaned`, made from a folded text, with its offsets in the raw text `back` maps onto: a
    segment is split where the fold skipped characters (`gaps`, see _fold), so each still copies
    the raw input verbatim; lines keep their folded text."""
    segments = []
    for seg in cleaned.segments:
        pos, start = seg.text_start, seg.raw_start
        for i in gaps[bisect.bisect_right(gaps, seg.raw_start):bisect.bisect_left(gaps, seg.raw_start + seg.length)]:
            segments.append(Segment(pos, back[start], i - start))
            pos, start = pos + i - start, i
        segments.append(Segment(pos, back[start], seg.raw_start + seg.length - start))

    def end(at: int) -> int:  # an end offset: just after the character before it
        return back[at - 1] + 1 if at else 0

    boilerplate = [Boilerplate(back[b.start], end(b.end), b.kind) for b in cleaned.boilerplate]
    for ln in cleaned.lines:
        ln.start, ln.end = back[ln.start], end(ln.end) if ln.end > ln.start else back[ln.end]
    return Cleaned(cleaned.lines, cleaned.text, segments, boilerplate, cleaned.credits, cleaned.title_line)


def passthrough(raw: RawDocument) -> Cleaned:
    """--plain: the input is the body, verbatim."""
    return Cleaned([], raw.text, [Segment(0, 0, len(raw.text))], [], [], None)
