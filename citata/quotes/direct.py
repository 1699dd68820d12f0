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
# comma: '…за работу" , — рассказал пресс-секретарь'; a dash glued to the words after it: "»,—сказал",
# and a hyphen so only after a comma: "»,-сказал" — a spaced one is read anywhere).
DASH_GLUED = r"(?:[—–‑‒―]\s*|-\s+|(?<=,)-(?=[^\W\d_]))"
AFTER_CLOSE = re.compile(r"[ \t]*[,!?….]?\s*" + DASH_GLUED)


def _after_close(view: DocView, close: int) -> tuple[int, int] | None:
    """After a closing mark: `, — cue ...` / ` - cue ...`: (first token after the dash, cue token)."""
    m = AFTER_CLOSE.match(view.text, close + 1)
    bare = False
    if not m:
        # '"…", заявила Тиссен журналистам.': no dash, but the quotation opens the sentence; '«…»
        # сказал он': the comma left out too
        o = view.pair_by_close.get(close, 0)
        before = view.text[max(0, o - 3):o].strip()
        m = re.compile(r"[ \t]*,\s+").match(view.text, close + 1)
        if m is None:
            m, bare = re.compile(r"[ \t]+").match(view.text, close + 1), True
        if not m or (before and before[-1] not in TERMINAL + "»\"") or name_quote(view, o, close):
            return None
    first = view.tok_index(m.end())
    if view.toks[first].start < m.end():
        first += 1
    if first >= len(view.toks):
        return None
    si = view.tok_sent[first]
    last = view.sent_first[si + 1] - 1
    if bare:
        return _bare_attribution(view, view.pair_by_close.get(close, 0), close, first, last)
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


def _bare_attribution(view: DocView, o: int, close: int, first: int, last: int) -> tuple[int, int] | None:
    """'«Всё отлично, мы получаем поддержку» сказал он.': a quotation opening its sentence and
    followed by a cue with neither comma nor dash. Only a clause (three words or more, not a title)
    with the cue right after the mark and its speaker after the cue, in the inverted order of an
    attribution ("сказал он", "говорится в заявлении"): '«Ryanair» объявили забастовку', '«Слово
    и Дело» ссылаясь на BBC' — a name in marks as the subject — stay out."""
    c = cue_at(view, first)
    if c is None or not sentence_like(view.text[o + 1:close]) or view.parses(first)[0].tag.POS != "VERB":
        return None
    cue_end, _, cls = c
    hi = _attribution_end(view, first)
    found = search_document(view, first, first, hi) if cls == "impersonal" else search_inverted(view, cue_end, hi)
    return (first, first) if found is not None and found.kind != "none" else None


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
# What follows an inner attribution before the quotation resumes: a dash or a stop (a space may stand
# before the stop: "— сказал он . — Мы").
ATTRIBUTION_TAIL = re.compile(r"[ \t]*(?:[.,:]?\s*[—–‑‒―]\s*|[.,:]?\s+[-‑]\s+|[.,:]\s*)")
SPACES = re.compile(r"\s*")


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
            tail = ATTRIBUTION_TAIL.match(view.text, view.toks[end].end) if end >= first else None
            if tail is None and first <= end < len(view.toks) - 1 and view.tok_sent[end + 1] != view.tok_sent[end]:
                # the attribution's sentence ends with no stop, which a scrape dropped with the dash
                # after it ("…, говорит Ольга Серябкина Просто захотели …", `nlp.GLUED_START`)
                tail = SPACES.match(view.text, view.toks[end].end)
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
    for lines, lost in dash_lines(view):
        i = 0
        while i < len(lines):
            # on a page that lost its breaks the words a line resumes after its attribution stand
            # as the next line ("…, - поясняет Евгений Юрьевич. - Просто-напросто …"): read them with it
            k = i
            while k + 1 < len(lines) and _resumed_as(view, lines[k], lines[k + 1]):
                k += 1
            end = lines[k][2]
            if lost:
                end = _resumed_end(view, lines[i][1], lines[k][1] if k > i else None, end, k + 1 == len(lines))
            out.extend(_spoken(view, lines[i][1], end))
            i = k + 1
    return out


def _resumed_end(view: DocView, start: int, resumed: int | None, end: int, last: bool) -> int:
    """Where a line of a paragraph that lost its breaks ends when it resumes after its attribution:
    the paragraph's end is the page's, so the resumed words ("…, - рассказала Зоя Масленникова. – Пока
    мы готовим …") stop before a sentence that reports someone's words in the writer's voice ("Его
    коллега Артём Коростелев уточняет, что …"), and on the paragraph's last line at the end of their
    first sentence. `resumed`: where they start, when they stand as a line of their own; else they
    are looked for after the line's attribution."""
    if resumed is None:
        att = _dialogue_attribution(view, start, end)
        rest = _resumes(view, att[0], end) if att else None
        if rest is None:
            return end
        resumed = rest[0]
    si = view.tok_sent[view.tok_index(resumed)]
    if last:
        return min(end, view.toks[view.sent_first[si + 1] - 1].end)
    while view.sent_first[si + 1] < len(view.toks) and view.toks[view.sent_first[si + 1]].start < end:
        si += 1
        if any(cue_at(view, k) and manner_verb(view, k) for k in view.sent_range(si)):
            return view.toks[view.sent_first[si] - 1].end
    return end


def dash_lines(view: DocView) -> list[tuple[list[tuple[int, int, int]], bool]]:
    """The dialogue lines of a page, paragraph by paragraph: the lines (the dash, where the words
    start, where the line ends) and whether the paragraph lost its breaks. A line opens its paragraph
    with a dash and runs to the paragraph's end. A paragraph that shows its page lost its breaks — two
    dash lines or more after sentence ends inside it ("…человек. - Препарат …, - рассказали в мэрии.
    - Ждем …", an interview's "…масштабах? - Да, сегодня …"), or one glued to the stop ("…человек.-
    Препарат") — holds a line at each of those dashes too, and each of its lines runs only to the next
    one. (No paragraph of the corpora as saved holds two such dashes outside quotation marks but a
    list run together; none holds a glued one.)"""
    text = view.text
    inner = _inner_dashes(view)
    out = []
    for m in DIALOGUE_LINE.finditer(text):
        if text.rfind("\n", 0, m.start()) + 1 not in inner:
            out.append(([(m.end() - len(m.group().lstrip()), m.end(), line_end(text, m.end()))], False))
    for para, dashes in inner.items():
        opening = DIALOGUE_LINE.match(text, para)
        starts = ([(opening.end() - len(opening.group().lstrip()), opening.end())] if opening else []) + dashes
        ends = [d for d, _ in starts[1:]] + [line_end(text, para)]
        lines, asked = [], False
        for k, ((d, s), e) in enumerate(zip(starts, ends)):
            words = text[s:e].rstrip()
            if words.endswith("?") and not asks(words) and k + 1 < len(starts):
                # a question after statements: the interviewer's after an answer ("- Есть такая точка
                # зрения: … Это верно?"), else the answer's end and the lead-in to the next question,
                # left out ("- Исследования еще не завершены … В ТЕМУ … Почему так и что это значит?")
                if asked:
                    e = _before_lead_in(text, s, e)
                asked = not asked
            else:
                asked = words.endswith("?") or asks(words)
            lines.append((d, s, e))
        out.append((lines, True))
    out.sort()
    return out


def _inner_dashes(view: DocView) -> dict[int, list[tuple[int, int]]]:
    """Paragraph start → the dashes after a sentence end inside it (the dash, where the words after it
    start), for the paragraphs whose page lost its breaks (`dash_lines`). Not a dash inside quotation
    marks, nor one whose words close a mark opened before them (the rest of a quotation, an editor's
    "(… особенностям. - Ред.)")."""
    text = view.text
    found: dict[int, list[re.Match]] = {}
    for m in INNER_DIALOGUE_LINE.finditer(text):
        found.setdefault(text.rfind("\n", 0, m.start()) + 1, []).append(m)
    out = {}
    for para, ms in found.items():
        ends = [m.start() for m in ms[1:]] + [line_end(text, para)]
        kept = [m for m, e in zip(ms, ends)
                if view.tok_index(m.end()) not in view.quoted and not _closes_earlier(text[m.end():e])]
        if len(kept) >= 2 or any(text[m.start()] in DASHES for m in kept):  # a dash glued to the stop
            # there a heading in capitals with no stop runs into the line after it too ("СКОЛЬКО ДОЗ
            # НАМ НУЖНО - В данный момент …")
            headed = HEADING_DIALOGUE_LINE.finditer(text, para, line_end(text, para))
            out[para] = sorted([(m.end(1), m.end()) for m in kept] + [(m.end(1), m.end()) for m in headed])
    return out


def _resumed_as(view: DocView, line: tuple[int, int, int], nxt: tuple[int, int, int]) -> bool:
    """Are the words of line `nxt` the ones `line` resumes after its attribution (the attribution
    ends right before `nxt`'s dash, and `nxt` asks nothing: a question there is the interviewer's)?"""
    att = _dialogue_attribution(view, line[1], line[2])
    if att is None:
        return False
    end = _attribution_end(view, att[0])
    if end < att[0] or view.text[view.toks[end].end:nxt[0]].strip(" \t.,:"):
        return False
    return not asks(view.text[nxt[1]:nxt[2]])


def _closes_earlier(words: str) -> bool:
    """Do the words close a mark or a bracket opened before them? (A list's "а)", "2)" closes nothing.)"""
    depth = 0
    for ch in LIST_MARKER.sub("", words):
        if ch in "«„“(":
            depth += 1
        elif ch in "»”)":
            depth -= 1
            if depth < 0:
                return True
    return False


LIST_MARKER = re.compile(r"(?<!\w)\w\)")


def asks(words: str) -> bool:
    """Do a line's words open with a question ("— Когда ждать вакцину?", "— Сколько доз понадобится?
    По разным данным …")?"""
    first = re.match(r"[^.!?…]*[.!?…]", words)
    return (first.group() if first else words).rstrip().endswith("?")


def _before_lead_in(text: str, start: int, end: int) -> int:
    """Where a line's words end before the question that closes them, when the next line answers it:
    on a page that lost its breaks the interviewer's lead-in paragraph ("В ТЕМУ … Почему так и что это
    значит?") runs on from the answer before it."""
    words = text[start:end].rstrip()
    if not words.endswith("?"):
        return end
    stops = [m.end() for m in SENTENCE_STOP.finditer(words)]
    return start + stops[-1] if stops else end


# The end of a sentence that is not a question (its stop and any closing mark or bracket).
SENTENCE_STOP = re.compile(r"[.!…][»\"”)]?(?=\s|[А-ЯЁA-Z])")


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
# (A dash glued to the words is read, "—Фраза", a hyphen so is not: "-5 градусов".)
DIALOGUE_LINE = re.compile(r"(?m)^[ \t]*(?:[—–‑‒―]\s*|-\s+)(?=[^\s—–‑‒―-])")
# A dash after a sentence end inside a paragraph, before a capital or a number ("…бюджет. — 9 декабря
# мы получили …"), spaced or glued to the stop (group 1: the space before the dash).
INNER_DIALOGUE_LINE = re.compile(r"(?<=[.!?…])[»\"”)]?([ \t]*)(?:[—–‑‒―][ \t]*|-[ \t]+)(?=[«\"„]?[А-ЯЁA-Z0-9])")
# A dash after a heading of two words or more in capitals, before a capital.
HEADING_DIALOGUE_LINE = re.compile(r"\b[А-ЯЁA-Z]{2,}[ \t]+[А-ЯЁA-Z]{3,}([ \t]*)[—–‑‒―-][ \t]+(?=[«\"„]?[А-ЯЁA-Z])")
# Where a dialogue line's words end and its attribution begins: ", — сказал", and the dash glued to
# the comma as after a closing mark (AFTER_CLOSE: '…нет,- отметила Алла Дробинская', '»,— заявил').
DIALOGUE_ATTRIBUTION = re.compile(r"([,!?…])\s*" + DASH_GLUED)


def _resumes(view: DocView, first: int, para_end: int) -> tuple[int, int] | None:
    """Where the speaker's words resume after the attribution that starts at token `first` and
    run to the end of the paragraph ("— A, — говорит X, беря коробку. — B."): (start, end)."""
    end = _attribution_end(view, first)
    if end < first:
        return None
    tail = ATTRIBUTION_TAIL.match(view.text, view.toks[end].end)
    # (a dialogue line's words resume only after a dash)
    if tail is None or not re.search("[—–‑‒―-]", tail.group()) or tail.end() >= para_end \
            or not view.text[tail.end()].isalnum():
        return None
    stop = trim_end(view.text, tail.end(), para_end)
    return (tail.end(), stop) if stop > tail.end() else None
