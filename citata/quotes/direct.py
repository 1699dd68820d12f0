"""Sieve: direct quotations. Quotation marks with an attribution after the closing mark,
a colon before the opening one, an attribution inside the marks («A, — сказал он. — B»),
and dialogue lines opened by a dash."""
from __future__ import annotations

import re

from .. import lexicons as lex
from .cues import cue_at
from .indirect import find_addressee, find_channel
from .mentions import name_quote, quoted_label, quoted_name_after, search_document, search_genitive, search_inverted, search_locative, search_subject
from .view import DASHES, DocView, Found, Ref, TERMINAL, line_end, trim_end


# After a closing mark, the attribution: ", — сказал", " - написала" (the dash may open a paragraph
# of its own after a block quotation: "»\n\n— пишет Bloomberg."; a space may stand before the
# comma: '…за работу" , — рассказал пресс-секретарь').
AFTER_CLOSE = re.compile(r"[ \t]*[,!?….]?\s*[—–‑‒―-]\s+")


def _after_close(view: DocView, close: int) -> tuple[int, int] | None:
    """After a closing mark: `, — cue ...` / ` - cue ...`: (first token after the dash, cue token)."""
    m = AFTER_CLOSE.match(view.text, close + 1)
    if not m:
        # '"…", заявила Тиссен журналистам.': no dash, but the quotation opens the sentence
        o = view.pair_by_close.get(close, 0)
        before = view.text[max(0, o - 3):o].strip()
        m = re.compile(r"[ \t]*,\s+").match(view.text, close + 1)
        if not m or (before and before[-1] not in TERMINAL + "»\"") or name_quote(view, o, close):
            return None
    first = view.tok_index(m.end())
    if view.toks[first].start < m.end():
        first += 1
    if first >= len(view.toks):
        return None
    si = view.tok_sent[first]
    last = view.sent_first[si + 1] - 1
    for k in range(first, min(first + 6, last + 1)):
        if view.toks[k].text in TERMINAL or view.opens_quote(k):
            break
        c = cue_at(view, k)
        if c:
            return first, k
    o = view.pair_by_close.get(close, close)
    opens = view.text[:o].rstrip(" \t")[-1:]
    if view.text[close + 1:m.end()].strip(" ,!?….") and manner_verb(view, first) and \
            sentence_like(view.text[o + 1:close]) and (not opens or opens in TERMINAL + "\n:"):
        # only a quotation that opens its sentence: after '"изобретатель" "особого шведского
        # пути" - работал' the dash closes an apposition and the verb is the sentence's own
        return first, first  # «…», — улыбается Мария: the dash makes any verb of the speaker's an attribution
    return None


def manner_verb(view: DocView, k: int) -> bool:
    """A finite verb in the third person or the past, in the slot of a speech verb after «…», —
    ("улыбается", "разводит руками", "вздохнул"): how the words were said."""
    if k in view.quoted or not view.is_word(k):
        return False
    tag = view.parses(k)[0].tag
    return tag.POS == "VERB" and "indc" in tag and (tag.person == "3per" or "past" in tag)


def _attribution_end(view: DocView, first: int) -> int:
    """Last token of an attribution clause: up to the sentence end or the next ". —"."""
    si = view.tok_sent[first]
    last = view.sent_first[si + 1] - 1
    while last > first and view.toks[last].text in ".,:;":
        last -= 1
    for k in range(first, last + 1):
        if view.toks[k].text in DASHES and k > first and view.toks[k - 1].text in ".,:":
            return k - 2
        # "— заявила тогда Бруни — Меня …": a bare dash before a capital resumes the quotation
        # (a token of its own: a hyphen-minus too, spaced: "— заявила тогда Бруни - Меня …")
        if view.toks[k].text in DASHES and k > first and k + 1 <= last and view.toks[k + 1].text[:1].isupper():
            return k - 1
        if view.opens_quote(k) and k > first:
            if k + 1 <= last and view.toks[k - 1].text not in DASHES and view.is_word(k - 1) \
                    and (quoted_label(view, k, last - 1) is not None or quoted_name_after(view, k - 1) == view.toks[last].start
                         and view.parses(k - 1)[0].tag.POS != "VERB"):
                # a label inside the speaker's phrase: "координатор движения «Архнадзор» Константин
                # Михайлов"; a name ending it: "— прокомментировали в «Роснефти»."
                continue
            return k - 1
    return last


def _attributed(view: DocView, first: int, cue: int, content: tuple[int, int]) -> Found:
    c = cue_at(view, cue) or (cue, view.parses(cue)[0].normal_form, "say")  # or a verb of manner
    cue_end, lemma, cls = c
    hi = _attribution_end(view, first)
    ref = None
    if cls == "impersonal":
        ref = search_document(view, cue, first, hi)
        if ref is None:
            ref = Ref("none")
    if cls == "cite":
        k = cue_end - 1
        pron = lex.pronouns().get(view.lower[k]) if view.lower[k] in lex.possessive_pronouns() else None
        ref = Ref("pronoun", view.toks[k].start, view.toks[k].end, gender=pron[0]) if pron else \
            search_genitive(view, cue_end, view.sent_first[view.tok_sent[cue_end] + 1] - 1)
    if ref is None:
        ref = search_inverted(view, cue_end, hi)
    if ref is None:
        ref = search_subject(view, cue, first)
    if ref is None:
        ref = search_locative(view, cue, cue_end, first, hi)
    if ref is None:
        # "задала она вопрос": a pronoun inside the cue phrase
        pron = next((j for j in range(cue + 1, cue_end) if view.lower[j] in lex.pronouns_in("nomn")), None)
        if pron is not None:
            ref = Ref("pronoun", view.toks[pron].start, view.toks[pron].end, gender=lex.pronouns()[view.lower[pron]][0])
    text = view.text[content[0]:content[1]]
    addressee = find_addressee(view, cue_end, hi)
    if addressee is None and ref is not None and ref.end > view.toks[cue_end].end:
        addressee = find_addressee(view, view.tok_index(ref.end - 1), hi)  # "сказал он журналистам"
    return Found("direct", content[0], content[1],
                 (view.toks[cue].start, view.toks[cue_end].end, lemma), ref, addressee=addressee,
                 channel=find_channel(view, cue_end, hi),
                 is_question=text.rstrip().endswith("?"), cue_cls=cls)


def direct_quotations(view: DocView, used: set) -> list[Found]:
    out: list[Found] = []
    covered = -1  # furthest close of the quotations taken; pairs come in order of their opening mark
    for o, c in view.pairs:
        if c <= covered:
            continue  # nested inside a quotation already taken
        inner = (o + 1, c)
        if not re.search(r"\w", view.text[o + 1:c]):
            continue
        att = _after_close(view, c)
        if att:
            f = _attributed(view, att[0], att[1], inner)
            f.sieve = "direct:attribution after"
            out.append(f)
            used.add((o, c))
            covered = max(covered, c)
            continue
        before = _before_colon(view, o)
        if before and (before.cue_cls != "verb" or sentence_like(view.text[o + 1:c])):
            out.append(before)
            before.sieve = "direct:attribution before a colon"
            before.start, before.end = inner
            before.is_question = view.text[o + 1:c].rstrip().endswith("?") or before.cue_cls == "ask"
            used.add((o, c))
            covered = max(covered, c)
            continue
        # «A, — сказал он. — B»: the attribution sits inside the marks.
        if not sentence_like(view.text[o + 1:c]):
            continue
        parts = _interrupted(view, o, c)
        if parts:
            for f in parts:
                f.sieve = "direct:attribution inside"
            out.extend(parts)
            used.add((o, c))
            covered = max(covered, c)
    return out


def sentence_like(s: str) -> bool:
    words = re.findall(r"\w+", s)
    return len(words) >= 3 and not (len(words) < 6 and not re.search(r"[.!?…,:]", s) and s[:1].isupper() and s.istitle())


def _before_colon(view: DocView, o: int) -> Found | None:
    """`X заявил: «…»` (the colon may end the previous paragraph)."""
    j = o - 1
    while j >= 0 and view.text[j].isspace():
        j -= 1
    saw_dash = j >= 0 and view.text[j] in DASHES and j > 0 and view.text[j - 1].isspace()
    if saw_dash:
        # "написала она, напомнив также: - «…»", "процитировала стихи - «…»"
        j -= 1
        while j >= 0 and view.text[j].isspace():
            j -= 1
    if j < 0 or (view.text[j] != ":" and not (saw_dash and view.text[j].isalnum())):
        return None
    colon = view.tok_index(j)
    si = view.tok_sent[colon]
    lo = view.sent_first[si]
    for k in range(colon - 1, lo - 1, -1):
        if k in view.quoted:
            continue
        c = cue_at(view, k)
        noun_cue = view.lower[k] in ("слова", "словами", "заявление", "ответ", "вопрос", "комментарий", "так")
        if c or noun_cue:
            if c:
                cue_end, lemma, cls = c
            else:
                cue_end, lemma, cls = k, view.parses(k)[0].normal_form, "say"
            ref = None
            if cls == "impersonal":
                ref = search_document(view, k, lo, colon - 1) or Ref("none")
            if ref is None:
                ref = search_subject(view, k, lo)
            if ref is None:
                ref = search_inverted(view, cue_end, colon - 1)
            if ref is None and c is None:
                continue
            # "задал министру следующий вопрос:": the addressee follows the verb, not the noun.
            verb = next((v for v in range(k - 1, max(lo, k - 4) - 1, -1)
                         if view.parses(v)[0].tag.POS == "VERB"), k)
            return Found("direct", o, o, (view.toks[k].start, view.toks[cue_end].end, lemma), ref,
                         addressee=find_addressee(view, verb, colon - 1), channel=find_channel(view, cue_end, colon - 1),
                         cue_cls="ask" if lemma == "вопрос" else cls)
    if view.text[j] != ":":
        return None
    # No speech verb: "он отправил Мэй следующее письмо: «…»". The clause's verb and its
    # named or pronominal subject introduce the quotation; not in a source's report ("По словам X,
    # Турция проявляет интерес …: «…»": X's own words, which the report's speaker continues).
    if any(view.lower[k] in ("по", "согласно") and view.lower[k + 1] in lex.source_nouns()
           for k in range(lo, colon - 1)):
        return None
    for k in range(colon - 1, lo - 1, -1):
        if k in view.quoted:
            continue
        tag = view.parses(k)[0].tag
        if tag.POS == "VERB" and "indc" in tag:
            ref = search_subject(view, k, lo)
            if ref is not None and ref.kind in ("entity", "pronoun"):
                return Found("direct", o, o, (view.toks[k].start, view.toks[k].end, view.parses(k)[0].normal_form),
                             ref, cue_cls="verb")
            break
    return None


INNER_ATTRIBUTION = re.compile(r"([,!?…])(?:\s*[—–‑‒―]\s*|\s+-\s+)|(,)\s+(?=[^\W\d_])")


def _interrupted(view: DocView, o: int, c: int) -> list[Found]:
    m = INNER_ATTRIBUTION.search(view.text, o + 1, c)
    while m:
        first = view.tok_index(m.end())
        if view.toks[first].start < m.end():
            first += 1
        dashed = m.group(1) is not None
        for k in range(first, min(first + (4 if dashed else 1), len(view.toks))):
            cue = cue_at(view, k)
            # after a dash any attribution reads as it does after the closing mark or in a dialogue
            # line: a document's ("— говорится в заявлении профсоюза. —") or a relay's ("— приводит
            # его слова газета. —") too; after a bare comma only speech and opinion verbs
            if not cue or cue[2] not in (("say", "think", "impersonal", "cite") if dashed else ("say", "think")):
                continue
            if not dashed:
                # without a dash only an inverted "…, говорит Ольга, …" counts
                ref = search_inverted(view, cue[0], min(cue[0] + 6, len(view.toks) - 1))
                if ref is None or ref.kind not in ("entity", "pronoun"):
                    break
            end = _attribution_end(view, first)
            tail = re.compile(r"[.,:]?\s*[—–‑‒―]\s*|[.,:]?\s+-\s+|[.,:]\s*").match(view.text, view.toks[end].end) if end >= first else None
            if tail is None or tail.end() >= c:
                # the attribution closes the quotation: «A, — сказал он»
                if end >= first and view.toks[end].end >= c - 1:
                    return [_attributed(view, first, k, (o + 1, m.start() + (1 if (m.group(1) or ",") in "!?…" else 0)))]
                break
            head_end = m.start() + (1 if (m.group(1) or ",") in "!?…" else 0)
            # One quotation interrupted by its attribution: the content runs from the
            # first word to the last, `parts` holds the quoted words alone.
            f = _attributed(view, first, k, (o + 1, c))
            f.parts = [(o + 1, head_end), (tail.end(), c)]
            return [f]
        m = INNER_ATTRIBUTION.search(view.text, m.end(), c)
    return []


def dialogue(view: DocView) -> list[Found]:
    """Dash-led lines ("— Мы решим это сами, — сказал он."), with any dash a page uses; a line
    that goes on after its attribution ("— A, — говорит X. — B") is one quotation whose `parts`
    hold the words before and after the attribution."""
    out = []
    text = view.text
    for m in DIALOGUE_LINE.finditer(text):
        out.extend(_spoken(view, m.end(), line_end(text, m.end())))
    # A page whose paragraph breaks are gone ("…человек.- Препарат безопасен, - рассказали в
    # мэрии.") glues its dash lines to the sentence before; such a line runs only to the next one,
    # so its attribution is its own and not one further down the page. In a line that opens with a
    # dash, `_spoken` above already reads what follows its attribution.
    glued = [m for m in GLUED_DIALOGUE_LINE.finditer(text)
             if not DIALOGUE_LINE.match(text, text.rfind("\n", 0, m.start()) + 1)]
    for m, after in zip(glued, glued[1:] + [None]):
        end = line_end(text, m.end())
        end = end if after is None else min(end, after.start())
        att = _dialogue_attribution(view, m.end(), end)
        # words that close a mark opened before them are the rest of a quotation or an editor's
        # note ("… на 1 декабря.- Ред.)"), not a line of their own
        if att is not None and not _closes_earlier(text[m.end():att[2]]):
            out.extend(_spoken(view, m.end(), end))
    return out


def _closes_earlier(words: str) -> bool:
    depth = 0
    for ch in words:
        if ch in "«„“(":
            depth += 1
        elif ch in "»”)":
            depth -= 1
            if depth < 0:
                return True
    return False


def _spoken(view: DocView, start: int, para_end: int) -> list[Found]:
    """The quotations of a dialogue line's words from `start`: each stretch of words with the
    attribution after it. Words that resume after an attribution belong to it unless an attribution
    of their own follows them ("— A, — сказал Иванов. — B, — возразил ему Петров.": B is Петров's);
    each step moves past an attribution, so a line costs at most one pass over its words."""
    out = []
    att = _dialogue_attribution(view, start, para_end)
    while att is not None:
        first, cue, head_end = att
        rest = _resumes(view, first, para_end)
        att = _dialogue_attribution(view, rest[0], para_end) if rest else None  # the resumed words' own
        f = _attributed(view, first, cue, (start, rest[1] if rest and att is None else head_end))
        if rest and att is None:
            f.parts = [(start, head_end), rest]
        f.sieve = "direct:dialogue line"
        out.append(f)
        if rest:
            start = rest[0]
    return out


def _dialogue_attribution(view: DocView, start: int, para_end: int) -> tuple[int, int, int] | None:
    """The first ", — сказал X" after `start` in its paragraph, with a cue in its first four words:
    (the attribution's first token, the cue's token, where the words before it end)."""
    inner = DIALOGUE_ATTRIBUTION.search(view.text, start, para_end)
    if not inner:
        return None
    first = view.tok_index(inner.end())
    cue = next((k for k in range(first, min(first + 4, len(view.toks))) if cue_at(view, k)), None)
    if cue is None:
        return None
    return first, cue, inner.start() + (1 if inner.group(1) in "!?…" else 0)


# A paragraph opened by a dash: em, en, non-breaking hyphen, figure dash, bar or hyphen-minus.
DIALOGUE_LINE = re.compile(r"(?m)^[ \t]*[—–‑‒―-]\s+(?=\S)")
# A dash line glued after a sentence end inside a line, before a capital.
GLUED_DIALOGUE_LINE = re.compile(r"(?<=[.!?…])[—–‑‒―-]\s+(?=[А-ЯЁA-Z])")
# Where a dialogue line's words end and its attribution begins: ", — сказал", and the dash glued to
# the comma as after a closing mark (AFTER_CLOSE: '…нет,- отметила Алла Дробинская', '»,— заявил').
DIALOGUE_ATTRIBUTION = re.compile(r"([,!?…])\s*[—–‑‒―-]\s+")


def _resumes(view: DocView, first: int, para_end: int) -> tuple[int, int] | None:
    """Where the speaker's words resume after the attribution that starts at token `first` and
    run to the end of the paragraph ("— A, — говорит X, беря коробку. — B."): (start, end)."""
    end = _attribution_end(view, first)
    if end < first:
        return None
    tail = re.compile(r"[.,:]?\s*[—–‑‒―]\s*|[.,:]?\s+[-‑]\s+").match(view.text, view.toks[end].end)
    if tail is None or tail.end() >= para_end or not view.text[tail.end()].isalnum():
        return None
    stop = trim_end(view.text, tail.end(), para_end)
    return (tail.end(), stop) if stop > tail.end() else None
