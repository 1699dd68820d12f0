"""Pages not saved one paragraph per line.

Hard-wrapped pages: text dumps, e-mail and some scrapers break every paragraph into lines of at
most 60–100 columns. The cleaner scores lines as paragraphs, so such a page's lines are joined back
into paragraphs first.

A page is hard-wrapped when its lines stay under a width and most of them fill it: a line ends
there because the next word would not have fitted (what fmt and every wrapper do). A page whose
lines are paragraphs has lines far longer than any wrap width, and a menu or a list of short lines
leaves room for the next line's first word: neither is joined.

Pages saved a line per sentence (a <br> after each sentence): a run of lines that each are a sentence
is one paragraph (`sentence_joins`), read as one line the same way.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from .. import lexicons
from .block import ends_sentence, feed_item

MAX_WIDTH = 120  # wrappers break at 60–100 columns; longer lines are paragraphs
MIN_WIDTH = 40
# A wrapped page: few lines over its width (a URL, a long word), and a good share of its lines
# full enough to continue on the next.
MAX_OVER = 0.1
MIN_JOINED = 0.3
MIN_JOINS = 3
WIDTH_QUANTILE = 0.95  # the width: nearly every line is at most this long


def _first_word(s: str) -> int:
    s = s.lstrip()
    cut = s.find(" ")
    return len(s) if cut < 0 else cut


def wrap_joins(parts: list[str]) -> set[int]:
    """The indices i of the lines that continue on line i + 1 (a wrapped paragraph), or none."""
    sizes = [len(p.rstrip()) for p in parts]
    filled = [n for n in sizes if n]
    if len(filled) < MIN_JOINS + 1:
        return set()
    over = sum(n > MAX_WIDTH for n in filled)
    if over > MAX_OVER * len(filled):  # the usual page: its paragraphs are long lines
        return set()
    short = sorted(n for n in filled if n <= MAX_WIDTH)
    width = short[int(WIDTH_QUANTILE * (len(short) - 1))]
    if width < MIN_WIDTH:
        return set()
    joins = {i for i in range(len(parts) - 1)
             if sizes[i] and sizes[i + 1] and sizes[i] + 1 + _first_word(parts[i + 1]) > width}
    return joins if len(joins) >= max(MIN_JOINS, MIN_JOINED * len(filled)) else set()


# A page saved as one line (newlines lost) may part its paragraphs by two or more spaces: a long
# line with several such runs is split there. No page of the corpora has a paragraph line like that
# (in their 726 files 5 lines part two words by two spaces, no line over 300 characters twice).
MIN_RUN_LINE = 300
MIN_RUNS = 2
_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")


def runs(line: str) -> list[tuple[int, int]]:
    """The pieces (start, end) of a long line parted by runs of spaces; the whole line where it has few."""
    cuts = [m.span() for m in _RUN.finditer(line)]
    if len(cuts) < MIN_RUNS:
        return [(0, len(line))]
    edges = [0, *(x for span in cuts for x in span), len(line)]
    return list(zip(edges[::2], edges[1::2]))


# A page saved as one line whose paragraphs were run together by single spaces (an RSS full text, a
# get_text(" ")) has no run to part it: read as one line, a pattern for the furniture at its end (a
# legal notice, a menu glued to its start) takes the whole page. Such a line of many sentences is
# parted at its sentence ends (`sentences`), and the cleaner sets apart the sentences a pattern takes;
# the sentences between them stay one line, scored as a paragraph (split_lines).
MIN_RUNON_LINE = 1000
MIN_RUNON_SENTENCES = 8
_RUNON_END = re.compile(r"[.!?…][»\"”]? (?=[А-ЯЁA-Z«\"„“—–])")


def sentences(line: str) -> list[tuple[int, int]]:
    """The sentences (start, end) of a long line of many; the whole line where it has few."""
    if len(line) < MIN_RUNON_LINE:
        return [(0, len(line))]
    ends = [m.end() - 1 for m in _RUNON_END.finditer(line)]
    if len(ends) + 1 < MIN_RUNON_SENTENCES:
        return [(0, len(line))]
    edges = [0, *ends, len(line)]
    return [(a + (a > 0), b) for a, b in zip(edges, edges[1:])]


# A page saved a line per sentence (a <br> after each sentence, as some scrapers and feeds save
# text): each line scored alone is a short line — a cue ("Об этом сообщает DW."), an article's last
# short sentences — that the cleaner cuts as furniture, so a run of lines that each are a sentence is
# read as one paragraph. A menu, a list, a headline or a comment's name and stamp do not end a
# sentence and break the run; a blank line ends it (the paragraph's end where the page keeps them).
# A page saved a paragraph per line without blank lines has runs like that too, of one-sentence
# paragraphs, but most of its lines hold several sentences: a page is joined only where few of its
# run lines hold a sentence end inside (an initial or an abbreviation does: not none).
#
# A sentence line: at most this long (an attribution that resumes the quotation, "— говорит он. — Если
# …", stays on its line and runs long); longer lines are paragraphs of several sentences.
MAX_SENTENCE_LINE = 500
MAX_INNER_ENDS = 0.1
MIN_SENTENCE_JOINS = 2
_SENTENCE_START = re.compile(r"[А-ЯЁA-Z0-9«\"„“—–-]")
_INNER_END = re.compile(r"[.!?…][»\"”]? [А-ЯЁA-Z«\"„“]")
# The last character a sentence line can have: tested first, as most lines fail it.
_LAST = frozenset(".!?…\"'»”)]")


def _sentence(s: str) -> bool:
    s = s.rstrip()
    if not s or s[-1] not in _LAST:
        return False
    s = s.lstrip()
    return (len(s) <= MAX_SENTENCE_LINE and " " in s and _SENTENCE_START.match(s) is not None
            and ends_sentence(s))


def sentence_joins(parts: list[str], first: int = 0) -> set[int]:
    """The indices i of the lines (after the `first` ones and the first line after them) that continue
    on line i + 1 where a page was saved a line per sentence, or none: runs of two lines or more that
    each are a sentence, at least MIN_SENTENCE_JOINS joins on the page, and at most MAX_INNER_ENDS of
    the runs' lines with a sentence end inside (on a page of paragraph lines most have one)."""
    joins: list[int] = []
    lines = inner = 0
    run = 0  # sentence lines in a row before line i
    # The page's first line is its headline as often as not, a question or a sentence too: it stands
    # alone (on a page without blank lines nothing else parts it from the article's first sentence).
    while first < len(parts) and not parts[first].strip():
        first += 1
    for i in range(first + 1, len(parts) + 1):
        if i < len(parts) and _sentence(parts[i]):
            run += 1
            continue
        if run >= 2:
            joins.extend(range(i - run, i - 1))
            lines += run
            inner += sum(_INNER_END.search(parts[k].strip()) is not None for k in range(i - run, i))
        run = 0
    if len(joins) < MIN_SENTENCE_JOINS or inner > MAX_INNER_ENDS * lines:
        return set()
    return set(joins)


# A page saved node by node (a scraper joining a page's text nodes with line breaks, get_text("\n"))
# puts every link, bold name or tag of a paragraph on a line of its own: "Президент⏎России Владимир
# Путин⏎заявил, что …", "…, сообщает⏎РИА Новости⏎.", "… выхода из⏎Евросоюза." Each piece scored alone
# is a short label the cleaner cuts, and the attribution stops at every line end, so a line goes on in
# the next where the break stands inside a sentence:
# - the line ends on a comma or on a word no sentence ends on (a preposition, "и", "что":
#   lexicons.dangling_words);
# - or it ends without a sentence's punctuation and the next line opens as a sentence goes on (a
#   lower-case letter, a digit, a comma, a full stop, a bracket or a closing mark; a dash or an
#   opening quotation mark only inside a sentence already joined: after a rubric, "Юмор⏎«Инфодемия»
#   …" is a teaser);
# - or the next line is a name (a few capitalised words) that closes the sentence, finishes a name
#   the line began ("Катя⏎Кищук") or is followed by a line that goes on or by another name ("Министр
#   иностранных дел⏎России⏎Сергей Лавров⏎заявил", "Как сообщает⏎Минздрав⏎РФ, вакцина …"); or it
#   opens with such a name and the punctuation after it ("Песков. Пресс-секретарь …", "Путин,
#   заявив, что …").
# A run of lines joined so must hold a sentence's end: a tag list ("коронавирус⏎вакцина"), a menu, a
# byline, a comment's name and stamp hold none, and stay lines. A blank line parts paragraphs and is never
# crossed (in the corpora's pages every break across one that looks inside a sentence is a headline
# over its dateline ", 22:55 REGNUM", over a lone ".", or a pop-up's "… отправленного на" over a
# teaser). A headline over its lead is the line such a join must not take: a line that no join
# reaches and that follows no sentence's end (a headline stands under a menu, a rubric or a date, a
# paragraph under the last one's full stop), that holds one sentence at most and is longer than a
# paragraph's opening words ("Президент России") joins the next only by a comma or a word it cannot
# end on, where the next line opens in lower case or with a digit, or finishes a name it began.
MAX_NAME_WORDS = 5
MAX_NAME_LINE = 60
# A page is read so where it has at least this many breaks of that kind: a page saved a paragraph
# per line without blank lines has a list's items ending in commas, a question over its answer, a
# headline over a lead, and at most one such break (0 or 1 on each of the 88 gold pages relaid
# without blank lines; 2 to dozens on most pages relaid node by node).
MIN_NODE_BREAKS = 2
MAX_OPENING_WORDS = 3  # "Премьер-министр", "Президент России" before a name line: a headline is longer
_TERMINAL_END = re.compile(r"[.!?…:;][\"'»”)\]]*$")
_GOES_ON_WORD = re.compile(r"[a-zа-яё0-9]")
_GOES_ON = re.compile(r"[a-zа-яё0-9,.;()»”]")
_GOES_ON_INSIDE = re.compile(r"[—–‑-] |[«\"„“]")
_LAST_WORD = re.compile(r"([\w-]+)$")  # searched in a line's tail: a long run of letters stays linear
# A line opening so closes what goes before it (no furniture; read without a space before it).
CLOSES = re.compile(r"[,.;:!?…)»”]")
_NAME = r"(?:«[^»]{1,40}»|[A-ZА-ЯЁ][\w&-]*(?:\.[\w&-]+)*)"  # "РИА Новости", "ТАСС", "Lenta.ru"
# A name line: a few capitalised words (a quoted name, an acronym, a Latin name) and its punctuation.
_NAME_LINE = re.compile(rf"{_NAME}(?: {_NAME}){{0,{MAX_NAME_WORDS - 1}}}[.,;:!?…»”)]*$")
# A line opening with a name and the punctuation after it (a full stop not after an initial).
_NAME_OPENING = re.compile(rf"{_NAME}(?: {_NAME}){{0,{MAX_NAME_WORDS - 1}}}(?:[,;:]|(?<!\b[A-ZА-ЯЁ])[.!?…])(?: |$)")
# A sentence's end in a line: not an initial's full stop ("С. Лавров").
_END_IN = re.compile(r"(?<!\b[A-ZА-ЯЁ])[.!?…][\"'»”)\]]*(?: [А-ЯЁA-Z«\"„“]|$)")


def _name_line(s: str) -> bool:
    return len(s) <= MAX_NAME_LINE and _NAME_LINE.match(s) is not None


def _goes_on(a: str, b: str, inside: bool) -> bool:
    """Whether line `b` opens as the sentence `a` ends in goes on (`inside`: `a` was reached by a join)."""
    if _GOES_ON.match(b):
        return True
    return inside and _GOES_ON_INSIDE.match(b) is not None


def _joins_inline(a: str, b: str, after: str, inside: bool, headline: bool) -> bool:
    """Whether line `a` goes on in line `b` (`after`: the line after `b`, "" where none or blank;
    `inside`: `a` was reached by a join; `headline`: `a` may be the page's headline)."""
    if _TERMINAL_END.search(a) or feed_item(b):
        # (a feed's next item, "31.01, 20:45 Пожилые легче …", under a teaser cut at its "подробнее")
        return False
    if a.endswith(","):
        return True
    last = _LAST_WORD.search(a, max(0, len(a) - MAX_NAME_LINE))
    if last is not None and last.group(1).lower() in lexicons.dangling_words():
        return True
    name_line = _name_line(b)
    if (last is not None and last.group(1)[0].isupper() and " " in a
            and (name_line or _NAME_OPENING.match(b) is not None)):
        return True  # a name the line began ("Министр финансов РФ Алексей⏎Кудрин")
    if _GOES_ON_WORD.match(b):
        return True
    if headline and a.count(" ") >= MAX_OPENING_WORDS and not _END_IN.search(a):
        return False
    if _goes_on(a, b, inside):
        return True
    if not a[-1].isalpha():  # a stamp ("23 ноября 2020", "14:30") over a line that opens with a name
        return False
    if name_line:
        return ends_sentence(b) or (bool(after) and (_goes_on(b, after, True) or _name_line(after)
                                                     or _NAME_OPENING.match(after) is not None))
    return _NAME_OPENING.match(b) is not None


def _node_breaks(parts: list[str], first: int) -> int:
    """How many breaks after line `first` only a page saved node by node makes: after a word no
    sentence ends on, or around a name standing alone between a lower-case word and a line that goes
    on ("сказал⏎Дэвид Дэвис⏎в понедельник"). Counted up to MIN_NODE_BREAKS, a line's last character
    tested first (most lines end a sentence, or stand between blank lines)."""
    found = 0
    for i in range(first + 1, len(parts) - 1):
        a = parts[i].rstrip()
        if not a or a[-1] in ".!?…:;" or not parts[i + 1] or parts[i + 1].isspace() or _TERMINAL_END.search(a):
            continue
        b = parts[i + 1].strip()
        last = _LAST_WORD.search(a, max(0, len(a) - MAX_NAME_LINE))
        after = parts[i + 2].strip() if i + 2 < len(parts) else ""
        if ((last is not None and last.group(1) in lexicons.dangling_words())
                or (a[-1].islower() and _name_line(b) and not _TERMINAL_END.search(b)
                    and bool(after) and _GOES_ON.match(after) is not None)):
            found += 1
            if found == MIN_NODE_BREAKS:
                break
    return found


def inline_joins(parts: list[str], first: int = 0, apart: Callable[[str], bool] | None = None) -> set[int]:
    """The indices i of the lines (after the `first` ones and the first line after them) that go on in
    line i + 1 where a page saved node by node broke a sentence at its links, in runs that hold a
    sentence's end; none where the page has fewer than MIN_NODE_BREAKS breaks only such a page makes
    (`_node_breaks`). `apart(line)`: the line is furniture a pattern names (a legal notice after an
    article's last, cut-off sentence), never joined to the line before. Two passes over the lines."""
    while first < len(parts) and not parts[first].strip():
        first += 1
    if _node_breaks(parts, first) < MIN_NODE_BREAKS:
        return set()
    joins: set[int] = set()
    run: list[int] = []
    stripped = [p.strip() for p in parts]
    ended = False  # the last line before line i that is not empty ends a sentence
    for i in range(first + 1, len(parts)):
        a, b = stripped[i], stripped[i + 1] if i + 1 < len(parts) else ""
        if (a and b and _joins_inline(a, b, stripped[i + 2] if i + 2 < len(parts) else "", bool(run),
                                      not run and not ended)
                and (apart is None or CLOSES.match(b) or not apart(b))):
            run.append(i)
            continue
        if run and any(_END_IN.search(stripped[k]) for k in (*run, i)):  # the lines run[0] … i
            joins.update(run)
        run = []
        if a:
            ended = ends_sentence(a)
    return joins
