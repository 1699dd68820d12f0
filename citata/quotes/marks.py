"""Quotation marks: which opening mark each closing one answers («…», „…“, “…”, and
straight "…" paired by context; a quotation that runs over several paragraphs reopens each)."""
from __future__ import annotations

import re


# After a closing mark: ", — сказал", ", - написала" (the attribution of a direct quotation); not an
# editor's note ('Гам-КОВИД-Вак ("Спутник V" - ред.)': the inner name closes, the quotation goes on).
# The dash may be glued to the words after it ("»,—сказал", "»,-сказал": a hyphen so only after a comma).
ATTRIBUTION_AFTER = re.compile(r"[,!?…]?\s*(?:[—–‑‒―]\s*|-\s+|(?<=,)-)(?!(?:ред|прим)\b)[а-яё]")
MARK_OR_BREAK = re.compile('[\n«»„“”"]')
# A relay verb right before a mark that opens onto a space or a line break: the outlet's name
# inside the marks went with a stripped link ("…, передает « Пассажиры …", "пишет «\n\n").
RELAY_BEFORE = re.compile(r"(?:переда[её]т|передают|пишет|пишут|сообщает|сообщают|сообщил[аи]?|информирует)\s*$")
# A name in guillemets the writer spaced inside, which the relay verb's outlet is ("сообщил « Коммерсант » ,").
SPACED_NAME = re.compile(r"«[ \t]+[А-ЯЁA-Z][\w.-]*(?:[ \t]+[\w.-]+){0,2}[ \t]*»")


def pair_quotes(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of every balanced pair of quotation marks.

    Guillemets and „…“ nest explicitly; a straight quote opens after a space,
    a bracket, a dash or a colon and closes after a letter or punctuation.
    A paragraph that ends inside a quotation continues it only when the next
    paragraph reopens with the same mark (the Russian convention for a long
    quotation); otherwise the unclosed marks are dropped.
    """
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (family, offset)
    skip = -1
    run_on = -1  # a quotation left open over paragraph breaks closes here (`_runs_on_to`)
    n = len(text)
    for m in MARK_OR_BREAK.finditer(text):  # the loop acts on nothing else: skip the rest in C
        i, c = m.start(), m.group()
        if c == "\n":
            if stack and pairs:
                # A paragraph that ends on a closing mark closes every quotation of
                # that kind still open: nested straight quotes share their end
                # (seed 000: a question quoting a treaty article, closed once).
                k = i - 1
                while k >= 0 and text[k] in " \t":
                    k -= 1
                if k > 0 and text[k] in ".!?…" and text[k - 1] in "»\"”":
                    k -= 1  # '… Сказала: "страшно колоться, но лучше, чем болеть".': the period after the mark
                last_open, last_close = max(pairs, key=lambda p: p[1])
                if k == last_close:
                    fam = _family_of(text[k], text[last_open])
                    for f, o in stack:
                        if f == fam:
                            pairs.append((o, k))
                    stack[:] = [(f, o) for f, o in stack if f != fam]
            if stack:
                j = i
                while j < n and text[j].isspace():
                    j += 1
                if j < n and _family_opener(stack[-1][0]) == text[j]:
                    skip = j
                elif j < n and text[j] != "\n" and i >= run_on:
                    run_on = _runs_on_to(text, stack, j)
                    if run_on < 0:
                        stack.clear()
            continue
        if i == skip:
            continue
        if c in "«„\"" and (i + 1 >= n or text[i + 1].isspace()) and RELAY_BEFORE.search(text, max(0, i - 16), i) \
                and not SPACED_NAME.match(text, i):
            continue
        if c == "«":
            stack.append(("g", i))
        elif c == "»":
            _close(stack, "g", i, pairs)
            _close_outer(text, stack, "g", i, pairs)
        elif c == "„":
            stack.append(("l", i))
        elif c == "“":
            # “ closes „ (German and Russian nesting) and opens English quotes: inside „…“ one that
            # stands where a quotation opens (after a space, before a word: '„… (авиакомпаниям.— “Ъ”) …“')
            # opens its own
            if any(f == "l" for f, _ in stack) and not _opens_here(text, i):
                _close(stack, "l", i, pairs)
            else:
                stack.append(("c", i))
        elif c == "”":
            _close(stack, "c", i, pairs)
        elif c == '"':
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            # a stray space before a closer ("сомнениями ", — написал") does not make it an opener
            opening = (_opening_place(prev) or prev in "«„") and not nxt.isspace() and nxt not in ",.;:!?)»"
            closing = (not prev.isspace() and (nxt.isspace() or not nxt.isalnum())) or nxt in ",.;:!?)»"
            if opening and not closing:
                stack.append(("s", i))
            elif closing and not opening:
                _close(stack, "s", i, pairs)
                _close_outer(text, stack, "s", i, pairs)
            elif stack and stack[-1][0] == "s":
                _close(stack, "s", i, pairs)
            else:
                stack.append(("s", i))
    pairs.sort()
    return pairs


# How many paragraph breaks a quotation that does not reopen its mark may run over.
RUN_ON_BREAKS = 6
_CLOSER = {"g": "»", "c": "”", "l": "“", "s": '"'}
# After a mark that ends a quotation's last paragraph: the paragraph's end (a full stop may follow).
_PARAGRAPH_END_AFTER = re.compile(r"[.,]?[ \t]*(?:\n|$)")
# An attribution without a dash: '…друга?", пишет он в своей статье'.
_VERB_AFTER = re.compile(r",[ \t]+(?!котор)[а-яё]")


def _runs_on_to(text: str, stack, start: int) -> int:
    """Where a quotation left open at a paragraph's end closes when the next paragraph does not reopen
    its mark: an outlet that does not follow the convention, or a scraper that broke each sentence of a
    paragraph onto a line of its own ("«Я не могу поверить …⏎Я выйду на свободу?»⏎— сказала она").
    Only one quotation open, with words after its mark in its own paragraph; no mark of any kind before
    its closer, which is followed by an attribution (", — сказала", ", пишет он") or ends a sentence and
    its paragraph; at most RUN_ON_BREAKS breaks on. -1 otherwise."""
    if len(stack) != 1 or not text[stack[0][1] + 1:start].strip():
        return -1  # a mark that opens onto the break is a scrape's residue ("принес «⏎⏎глубочайшие извинения »")
    closer, breaks = _CLOSER[stack[0][0]], 0
    for m in MARK_OR_BREAK.finditer(text, start):
        k, c = m.start(), m.group()
        if c == "\n":
            if text[k - 1] != "\n":
                breaks += 1
                if breaks > RUN_ON_BREAKS:
                    return -1
            continue
        if c != closer:
            return -1
        b = k
        while text[b - 1] in " \t":
            b -= 1  # a stray space before the closer: 'сомнениями ", — написал'
        ends = text[b - 1] in ".!?…"
        if (ATTRIBUTION_AFTER.match(text, k + 1) or _VERB_AFTER.match(text, k + 1)) and (ends or text[b - 1].isalnum()) \
                or _PARAGRAPH_END_AFTER.match(text, k + 1) and (ends or text.startswith(".", k + 1)):
            return k
        return -1
    return -1


def _opening_place(prev: str) -> bool:
    """May a quotation open after this character: a space, a bracket, a colon, a dash or a slash?"""
    return prev.isspace() or prev in "([{:—–‑‒―-/"


def _opens_here(text: str, i: int) -> bool:
    """Does the mark at i stand where a quotation opens: after a space, a bracket or a dash and
    before a word?"""
    return _opening_place(text[i - 1] if i else " ") and i + 1 < len(text) and text[i + 1].isalnum()


def _close_outer(text: str, stack, family: str, i: int, pairs) -> None:
    """«Вспомнились строки «не вынесла душа поэта», … на слове «позора», - написала она:
    writers often close only the inner quotation; an attribution right after the mark
    shows that the outer one ends there too."""
    if ATTRIBUTION_AFTER.match(text, i + 1):
        for f, o in stack:
            if f == family:
                pairs.append((o, i))
        stack[:] = [(f, o) for f, o in stack if f != family]


def _family_of(close_mark: str, open_mark: str) -> str:
    return {"»": "g", '"': "s", "”": "c"}.get(close_mark, "l" if open_mark == "„" else "c")


def _family_opener(family: str) -> str:
    return {"g": "«", "l": "„", "c": "“", "s": '"'}[family]


def _close(stack, family, i, pairs):
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] == family:
            pairs.append((stack[k][1], i))
            del stack[k:]
            return


# ---------------------------------------------------------------- marks as the wild writes them

# Marks of families the pairing above does not read (issue 14, twenty-eighth session): guillemets a
# transcoder mangled into "<<…>>" or "<…>", single guillemets ‹…›, doubled apostrophes ''…'', ‘’…’’ (a
# word processor's “…” gone through a single-quote filter), '…' and ‘…’ as the only marks; and the
# straight quote that a writer paired with a guillemet («…" or "…»); and guillemets doubled around
# words with no guillemet inside (««Пфайзер»»: a CMS that writes both the mark and its reference).
_WILD_MARK = re.compile("««|»»|<<|>>|''|‘’|’’|[<>‹›'‘’«»\"\n]")
# Each wild mark: (family, opens, closes) — a mark that may do either (a straight apostrophe) is told
# by its place.
_WILD_FAMILIES = {"<<": ("dangle", True, False), ">>": ("dangle", False, True), "<": ("angle", True, False),
                  ">": ("angle", False, True), "‹": ("single", True, False), "›": ("single", False, True),
                  "''": ("dapos", True, True), "‘’": ("dcurly", True, False), "’’": ("dcurly", False, True),
                  "'": ("apos", True, True), "‘": ("curly", True, False), "’": ("curly", False, True)}
# Families whose mark is also an apostrophe, an inch or a minute ("О'Лири", "don't", "5'") or a
# comparison ("<100 человек", "x > y"): a pair of them is a quotation only around Russian words.
_AMBIGUOUS = frozenset(("angle", "apos", "curly"))
_CYRILLIC = re.compile("[А-Яа-яЁё]")
WILD_MARKS = frozenset("<>‹›'‘’")
_OPEN_AT_MOST = 32


def read_marks(text: str) -> str:
    """The text with every quotation mark of a wild shape written as a guillemet, letter for letter (so
    every offset stays): a pair is an opening and a closing of one family, each where a mark of its
    side stands (an opening after a space, a bracket, a dash or a colon and before a word; a closing
    after a word or a stop and before a space or punctuation), balanced within its paragraph. A
    two-letter mark becomes a guillemet and a space, the guillemet next to the words ("<<Да>>" → " «Да »":
    an opening guillemet onto a space is a relay's stripped link, `RELAY_BEFORE`). A
    straight quote closed by a guillemet («…" or "…») is read as the guillemet's twin. Apostrophes in
    words, inch marks and a lone "<" are no pair and stay."""
    if not (WILD_MARKS & set(text)) and ('"' not in text or "«" not in text and "»" not in text) and "««" not in text:
        return text
    out = list(text)
    stack: list[tuple[str, int, str]] = []  # (family, offset, mark)
    n = len(text)
    for m in _WILD_MARK.finditer(text):
        i, c = m.start(), m.group()
        if c == "\n":
            stack.clear()
            continue
        del stack[:-_OPEN_AT_MOST]  # a closing looks through the openings left: bounded work per mark
        prev = text[i - 1] if i else " "
        nxt = text[m.end()] if m.end() < n else " "
        opens = (prev.isspace() or prev in "([{:—–‑‒―-/«„“\"") and (nxt.isalnum() or nxt in "«„“\"…(")
        closes = (prev.isalnum() or prev in ".!?…»”\")") and (nxt.isspace() or nxt in ",.;:!?)»”\"—–-…")
        if c in "«»\"":
            _mixed(text, out, stack, c, i, opens, closes)
            continue
        if c == "««":
            stack.append(("g2", i, c))
            continue
        if c == "»»":
            k = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] in ("g", "g2")), -1)
            if k >= 0 and stack[k][0] == "g2" and "«" not in text[stack[k][1] + 2:i] and "»" not in text[stack[k][1] + 2:i]:
                out[stack[k][1]:stack[k][1] + 2] = " «"
                out[i:i + 2] = " »"
                del stack[k:]
            else:  # "«Он работает в «Газпроме»»": two closings
                _mixed(text, out, stack, "»", i, opens, closes)
                _mixed(text, out, stack, "»", i + 1, opens, closes)
            continue
        family, may_open, may_close = _WILD_FAMILIES[c]
        if family in _AMBIGUOUS and c != "<" and prev.isdigit():
            continue  # "5'", "10’", "x>5"
        if may_close and closes and not (may_open and opens):
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == family:
                    o, oc = stack[k][1], stack[k][2]
                    if family not in _AMBIGUOUS or _CYRILLIC.search(text, o + len(oc), i):
                        out[o:o + len(oc)] = " " * (len(oc) - 1) + "«"
                        out[i:i + len(c)] = " " * (len(c) - 1) + "»"
                    del stack[k:]
                    break
        elif may_open and opens:
            stack.append((family, i, c))
    return "".join(out)


def _mixed(text: str, out: list[str], stack, c: str, i: int, opens: bool, closes: bool) -> None:
    """«…" and "…»: a straight quote that closes a guillemet left open, or a guillemet that closes a
    straight quote left open, in the same paragraph."""
    if c == "«":
        stack.append(("g", i, c))
        return
    if c == '"' and opens and not closes:
        stack.append(("s", i, c))
        return
    own = ("g", "g2") if c == "»" else ("s",)
    other = ("s",) if c == "»" else ("g", "g2")
    for family in (own, other):  # a mark of its own family left open is the one it closes
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] in family:
                if family == other:
                    if c != "»" and not closes:
                        return
                    if c == "»":
                        out[stack[k][1]] = "«"  # (a straight quote: the only "other" a guillemet closes)
                    else:
                        out[i] = "»"
                del stack[k:]
                return
