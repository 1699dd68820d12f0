"""Quotations and their speakers.

Input: a document's clean text and its `nlp.Analysis` (sentences, tokens,
named entities). Output: `Quote` records with offsets into that text.

The stage works in three passes:
1. pair quotation marks (`quote_marks`);
2. find attributions (this module): a cue (speech verb, "по словам",
   "сообщается", …) in one of the constructions Russian news uses, which fixes
   the content span and where to look for the speaker (`quote_view`: subject
   before the cue, inverted subject after it, genitive after "по словам",
   "в документе" after an impersonal verb);
3. resolve speakers across the document (`speakers`): names to their fullest
   form, pronouns and role nouns ("министр", "глава МИД") to the person they
   designate, documents to their author.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import lexicons as lex
from .entities import correct
from .model import Quote
from .nlp import Analysis
from .quote_view import (COMPLEMENTIZERS, DASHES, FILLERS, OPEN_MARKS, PREPOSITIONS, TERMINAL, DocView, Found, Ref,
                         _agrees, _coordinated, _is_prep, _mute_noun, _name_quote, _nominative, _noun_parse,
                         _proper_noun, _ref_from_np, _skip_fillers_back, cue_at, search_document, search_genitive,
                         search_inverted, search_locative, search_subject)
from .speakers import resolve

# "10:21 REGNUM Гражданка Пакистана …": an agency's time stamp before a lead
DATELINE = re.compile(r"\d{1,2}:\d{2}\s+[A-ZА-ЯЁ][A-ZА-ЯЁ.\-]{2,}\s+(?=[«\"A-ZА-ЯЁ])")
# "Как сообщал X, который подал в отставку": a relative clause is never reported content
RELATIVES = frozenset(("который", "которая", "которое", "которые"))


# --- constructions --------------------------------------------------------------------

def _content_end(view: DocView, first: int, last: int) -> int:
    """End offset of content running from token `first` to the sentence's token `last`,
    cut before a trailing attribution (", пишет X") and closing punctuation."""
    end_tok = last
    depth = 0
    for j in range(first, last + 1):
        # "(…, которого ООН считает террористом) и …": the parenthesis the cue stands in closes
        depth += {"(": 1, ")": -1}.get(view.toks[j].text, 0)
        if depth < 0 and j not in view.quoted:
            last = end_tok = j - 1
            break
    for j in range(first + 1, last + 1):
        if view.toks[j - 1].text == "," or (view.toks[j - 1].text in DASHES and j - 2 >= first and view.toks[j - 2].text == ","):
            k = j
            while k <= last and view.lower[k] in FILLERS:
                k += 1
            c = cue_at(view, k) if k <= last and j not in view.quoted else None
            if (c and c[2] in ("say", "think", "impersonal") and _inverted_here(view, k)) or \
                    (j not in view.quoted and j - first > 2 and _narrator_resumes(view, j, last)):
                end_tok = j - 2 if view.toks[j - 1].text == "," else j - 3
                break
    end = view.toks[end_tok].end
    while end_tok > first and view.toks[end_tok].text in TERMINAL + ";:":
        end_tok -= 1
    # A closing parenthesis is the writer's gloss ("явка составила 32% (этого хватает …)").
    if view.toks[end_tok].text == ")" and end_tok not in view.quoted:
        depth = 0
        for j in range(end_tok, first, -1):
            depth += {")": 1, "(": -1}.get(view.toks[j].text, 0)
            if depth == 0:
                if j - first > 2:
                    end_tok = j - 1
                break
    end = view.toks[end_tok].end
    text = view.text
    while end > view.toks[first].start and text[end - 1] in ".,;:—–- \n":
        end -= 1
    return end


def _narrator_resumes(view: DocView, j: int, last: int) -> bool:
    """After a comma at token j, the writer takes over from the reported content:
    a time link ("…, ранее …"), a second predicate of the speaker
    ("…, и настаивала на …", "…, а также назвал …") or another speaker's cue
    ("…, и Песков добавил, что …")."""
    for words in lex.content_breaks():
        n = len(words)
        if tuple(view.lower[j:j + n]) == words and j + n <= last:
            return True
    if view.lower[j] not in ("и", "а"):
        return False
    k = j + 1
    while k <= last and view.lower[k] in FILLERS:
        k += 1  # ", а также назвал"
    if k > last or not view.is_word(k):
        return False
    tag = view.parses(k)[0].tag
    if tag.POS == "VERB" and "past" in tag:
        return True
    if tag.POS == "GRND" and cue_at(view, k) is not None:
        return True  # "заявив, что …, и отметив, что …": the speaker's second statement
    # ", и Песков добавил, что …": another speaker's attribution
    for m in range(k, min(last, k + 4) + 1):
        if not view.is_word(m):
            return False
        if cue_at(view, m) is not None and view.parses(m)[0].tag.POS == "VERB":
            return m > k
    return False


def _inverted_here(view: DocView, cue: int) -> bool:
    """A cue right after a comma whose subject follows it."""
    tag = view.parses(cue)[0].tag
    return (tag.POS == "VERB" and ("past" in tag or "pres" in tag)) or view.lower[cue] in lex.impersonal_cues()


def _content_start(view: DocView, first: int) -> int:
    """Skip narrator connectives at the start of content: "Между тем ...", "Однако о том, что ..."."""
    while first + 1 < len(view.toks) and view.toks[first].text in ",;:":
        first += 1  # a paragraph cut before its first words starts with the comma
    skipped, passes = True, 0
    while skipped and passes < 2:  # "Однако о том, что": a connective and one more
        skipped, passes = False, passes + 1
        for opener in lex.discourse_openers():
            n = len(opener)
            if tuple(view.lower[first:first + n]) == opener and first + n < len(view.toks):
                if view.toks[first + n].text == "," and first + n + 1 < len(view.toks) and view.is_word(first + n + 1):
                    n += 1  # "Тем не менее, этот инцидент …"
                if view.is_word(first + n):
                    first += n
                    skipped = True
                    break
    dateline = DATELINE.match(view.text, view.toks[first].start)
    if dateline and view.tok_index(dateline.end()) + 1 < len(view.toks):
        return view.toks[view.tok_index(dateline.end() - 1) + 1].start
    return view.toks[first].start


def find(view: DocView) -> list[Found]:
    found: list[Found] = []
    used_pairs: set[tuple[int, int]] = set()
    found.extend(_direct(view, used_pairs))
    found.extend(_dialogue(view))
    found.extend(_indirect(view, found))
    found.sort(key=lambda f: (f.start, -f.end))
    found = _dedupe(view, found)
    _mark_mixed(view, found, used_pairs)
    found.extend(_standalone(view, found, used_pairs))
    found.sort(key=lambda f: (f.start, -f.end))
    return found


def _after_close(view: DocView, close: int) -> tuple[int, int] | None:
    """After a closing mark: `, — cue ...` / ` - cue ...`: (first token after the dash, cue token)."""
    m = re.compile(r"[,!?….]?\s*[—–-]\s+").match(view.text, close + 1)
    if not m:
        # '"…", заявила Тиссен журналистам.': no dash, but the quotation opens the sentence
        o = view.pair_by_close.get(close, 0)
        before = view.text[max(0, o - 3):o].strip()
        m = re.compile(r",\s+").match(view.text, close + 1)
        if not m or (before and before[-1] not in TERMINAL + "»\"") or _name_quote(view, o, close):
            return None
    first = view.tok_index(m.end())
    if view.toks[first].start < m.end():
        first += 1
    if first >= len(view.toks):
        return None
    si = view.tok_sent[first]
    last = view.sent_first[si + 1] - 1
    for k in range(first, min(first + 6, last + 1)):
        if view.toks[k].text in TERMINAL or view.toks[k].text in "«\"„“":
            break
        c = cue_at(view, k)
        if c:
            return first, k
    return None


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
        if view.toks[k].text in "—–" and k > first and k + 1 <= last and view.toks[k + 1].text[:1].isupper():
            return k - 1
        if view.toks[k].text in "«\"„“" and k > first:
            return k - 1
    return last


def _attributed(view: DocView, first: int, cue: int, content: tuple[int, int]) -> Found:
    c = cue_at(view, cue)
    cue_end, lemma, cls = c
    hi = _attribution_end(view, first)
    ref = None
    if cls == "impersonal":
        ref = search_document(view, cue, first, hi)
        if ref is None:
            ref = Ref("none")
    if cls == "cite":
        k = cue_end - 1
        pron = lex.pronouns().get(view.lower[k]) if view.lower[k] in ("его", "ее", "её", "их") else None
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
        pron = next((j for j in range(cue + 1, cue_end) if view.lower[j] in ("он", "она", "они")), None)
        if pron is not None:
            ref = Ref("pronoun", view.toks[pron].start, view.toks[pron].end, gender=lex.pronouns()[view.lower[pron]][0])
    text = view.text[content[0]:content[1]]
    addressee = _addressee(view, cue_end, hi)
    if addressee is None and ref is not None and ref.end > view.toks[cue_end].end:
        addressee = _addressee(view, view.tok_index(ref.end - 1), hi)  # "сказал он журналистам"
    return Found("direct", content[0], content[1],
                 (view.toks[cue].start, view.toks[cue_end].end, lemma), ref, addressee=addressee,
                 channel=_channel(view, cue_end, hi),
                 is_question=text.rstrip().endswith("?"), cue_cls=cls)


def _direct(view: DocView, used: set) -> list[Found]:
    out: list[Found] = []
    covered: list[tuple[int, int]] = []
    for o, c in view.pairs:
        if any(a < o and c <= b for a, b in covered):
            continue  # nested inside a quotation already taken
        inner = (o + 1, c)
        if not re.search(r"\w", view.text[o + 1:c]):
            continue
        att = _after_close(view, c)
        if att:
            f = _attributed(view, att[0], att[1], inner)
            out.append(f)
            used.add((o, c))
            covered.append((o, c))
            continue
        before = _before_colon(view, o)
        if before and (before.cue_cls != "verb" or _sentence_like(view.text[o + 1:c])):
            out.append(before)
            before.start, before.end = inner
            before.is_question = view.text[o + 1:c].rstrip().endswith("?") or before.cue_cls == "ask"
            used.add((o, c))
            covered.append((o, c))
            continue
        # «A, — сказал он. — B»: the attribution sits inside the marks.
        if not _sentence_like(view.text[o + 1:c]):
            continue
        parts = _interrupted(view, o, c)
        if parts:
            out.extend(parts)
            used.add((o, c))
            covered.append((o, c))
    return out


def _sentence_like(s: str) -> bool:
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
                         addressee=_addressee(view, verb, colon - 1), channel=_channel(view, cue_end, colon - 1),
                         cue_cls="ask" if lemma == "вопрос" else cls)
    if view.text[j] != ":":
        return None
    # No speech verb: "он отправил Мэй следующее письмо: «…»". The clause's verb and its
    # named or pronominal subject introduce the quotation.
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


INNER_ATTRIBUTION = re.compile(r"([,!?…])\s*[—–]\s*|(,)\s+(?=[^\W\d_])")


def _interrupted(view: DocView, o: int, c: int) -> list[Found]:
    m = INNER_ATTRIBUTION.search(view.text, o + 1, c)
    while m:
        first = view.tok_index(m.end())
        if view.toks[first].start < m.end():
            first += 1
        dashed = m.group(1) is not None
        for k in range(first, min(first + (4 if dashed else 1), len(view.toks))):
            cue = cue_at(view, k)
            if not cue or cue[2] not in ("say", "think"):
                continue
            if not dashed:
                # without a dash only an inverted "…, говорит Ольга, …" counts
                ref = search_inverted(view, cue[0], min(cue[0] + 6, len(view.toks) - 1))
                if ref is None or ref.kind not in ("entity", "pronoun"):
                    break
            end = _attribution_end(view, first)
            tail = re.compile(r"[.,:]?\s*[—–]\s*|[.,:]\s*").match(view.text, view.toks[end].end) if end >= first else None
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


def _dialogue(view: DocView) -> list[Found]:
    """Dash-led lines ("— Мы решим это сами, — сказал он.")."""
    out = []
    for m in re.finditer(r"(?m)^[—–-]\s+(?=\S)", view.text):
        para_end = view.text.find("\n", m.end())
        para_end = len(view.text) if para_end < 0 else para_end
        inner = re.compile(r"([,!?…])\s+[—–]\s+").search(view.text, m.end(), para_end)
        if inner:
            first = view.tok_index(inner.end())
            for k in range(first, min(first + 4, len(view.toks))):
                if cue_at(view, k):
                    f = _attributed(view, first, k, (m.end(), inner.start() + (1 if inner.group(1) in "!?…" else 0)))
                    out.append(f)
                    break
    return out


def _indirect(view: DocView, direct: list[Found]) -> list[Found]:
    out: list[Found] = []
    taken = [(f.start, f.end) for f in direct]
    # a cue that attributes a direct quotation does not also attribute the words before it
    direct_cues = {f.cue[0] for f in direct if f.cue}

    def inside_direct(i: int) -> bool:
        off = view.toks[i].start
        return any(a <= off < b for a, b in taken)

    def repeats_direct(f: Found) -> bool:
        return any(min(b, f.end) - max(a, f.start) > 0.5 * (f.end - f.start) for a, b in taken)

    for si, sent in enumerate(view.sents):
        rng = view.sent_range(si)
        if not rng:
            continue
        lo, hi = rng.start, rng.stop - 1
        i = lo
        while i <= hi:
            if inside_direct(i):
                i += 1
                continue
            # по словам X, ... / по его словам
            if view.lower[i] == "по" and i + 1 <= hi:
                f = _source_phrase(view, i, lo, hi)
                if f and not _crosses_quote(view, f.start, f.end):
                    out.append(f)
                    i += 1
                    continue
            c = cue_at(view, i)
            if not c:
                i += 1
                continue
            cue_end, lemma, cls = c
            if view.toks[i].start in direct_cues:
                # "заявила, что …: «…»": the cue of a direct quotation may also have a что-clause
                f = _complement(view, i, cue_end, lemma, cls, lo, hi)
            else:
                f = (_as_cue(view, i, cue_end, lemma, cls, lo, hi)
                     or _quoted_phrase(view, i, cue_end, lemma, cls, lo, hi)
                     or _complement(view, i, cue_end, lemma, cls, lo, hi)
                     or _inverted(view, i, cue_end, lemma, cls, lo, hi)
                     or _infinitive(view, i, cue_end, lemma, cls, lo, hi)
                     or _named(view, i, cue_end, lemma, cls, lo, hi))
            if f and not _crosses_quote(view, f.start, f.end) and not repeats_direct(f) \
                    and len(re.findall(r"\w+", view.text[f.start:f.end])) >= 2 \
                    and view.lower[view.tok_index(f.start)] not in RELATIVES:
                prev = out[-1] if out and view.tok_index(out[-1].cue[0]) >= lo else None
                if prev is not None and prev.end <= view.toks[i].start and _coordinated(view, i, lo) \
                        and prev.ref is not None and prev.ref.kind != "lost":
                    # "X сообщил, что A, а также назвал B": the second predicate shares X
                    f.ref = prev.ref
                out.append(f)
            i = cue_end + 1
    return out


def _crosses_quote(view: DocView, start: int, end: int) -> bool:
    """Content that starts or ends inside someone's quotation is not indirect speech."""
    for o, c in view.pairs:
        if (start <= o < end) != (start <= c < end + 1):
            # a mark just outside a wholly quoted clause is fine
            if o == start - 1 and c >= end - 1:
                continue
            return True
    return False


def _complement(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """X заявил, что …  /  X заявил о том, что …  /  Сообщается, что …"""
    k = _skip_fillers_back(view, i - 1, lo)
    if k >= lo and (view.lower[k] in ("это", "что") or _nominative(view, k) and k not in view.ent_at
                    and _mute_noun(view, k) and not _proper_noun(view, k) and _agrees(view, i, k)
                    and (k == lo or not view.is_word(k - 1))):
        return None  # "Это говорит о том, что …", "Факты говорят о том, что …": not speech
    j = cue_end + 1
    limit = min(hi, cue_end + 10)
    if j + 1 <= hi and view.toks[j].text == ":" and view.is_word(j + 1) and j + 1 not in view.quoted and any(
            view.parses(k)[0].tag.POS == "VERB" for k in range(j + 1, hi + 1)):  # a clause, not a list of names
        j -= 1  # "Serebro уверено: трек был обязан войти в историю": the content follows the colon
        limit = -1
    while j <= limit:
        t = view.lower[j]
        if t == "," and j + 1 <= hi and view.lower[j + 1] in COMPLEMENTIZERS:
            if _conjunction_before(view, j, cue_end) or (j + 2 <= hi and view.lower[j + 2] == "касается"):
                # "допускали высказывания в связи с тем, что …": a reason; "…, что касается X": a topic
                return None
            break
        if t in TERMINAL or t in (";", ":") or t in DASHES:
            return None
        if j in view.quoted and view.tok_index(view.quoted[j][0]) < j:
            return None
        if t in ("о", "об", "обо") and j + 1 <= hi and view.lower[j + 1] not in ("том", "то"):
            # "заявили о сложении полномочий, что …": the topic is named, "что" is relative
            return None
        if view.parses(j)[0].tag.POS == "INFN" and view.lower[j] not in lex.speech_verbs():
            # "призвали граждан сидеть дома, чтобы …": the clause is the infinitive's
            return None
        if view.parses(j)[0].tag.POS == "VERB" and (cue_at(view, j) is None or view.lower[j - 1] != "и"):
            # "…слова Обамы, которая посетовала, что …": the clause is the nearer verb's
            return None
        if t == "," and j + 1 <= hi and cue_at(view, j + 1) is not None:
            return None  # "…, указал он, подчеркнув, что …": the clause is the second cue's
        j += 1
    else:
        if limit >= 0:
            return None
    first = j + 2
    if first > hi:
        return None
    start = _content_start(view, first)
    colon = next((k for k in range(first + 1, hi) if view.toks[k].text == ":" and k not in view.quoted
                  and view.toks[k + 1].text in OPEN_MARKS), None)
    # "заявила, что …: «…»": the quotation after the colon is direct
    end = _content_end(view, first, colon - 1 if colon else hi)
    main = _main_clause(view, i, first, hi)
    if main is not None:
        # "Отметив, что A, в МИД заявили …": A ends where the clause the gerund opens resumes
        comma, verb = main
        end = _content_end(view, first, comma - 1)
    if end <= start:
        return None
    if main is not None:
        ref = search_subject(view, main[1], main[0] + 1) or search_locative(view, main[1], main[1], main[0] + 1, hi)
        return Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                     cue_cls=cls) if ref is not None else None
    if cls == "impersonal":
        ref = search_document(view, i, lo, j) or Ref("none")
    else:
        ref = search_subject(view, i, lo) or search_inverted(view, cue_end, j - 1) or \
            search_locative(view, i, cue_end, lo, j - 1)
    return Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                 addressee=_addressee(view, cue_end, j - 1), channel=_channel(view, cue_end, j - 1),
                 is_question=cls == "ask", cue_cls=cls)


def _main_clause(view: DocView, cue: int, first: int, hi: int) -> tuple[int, int] | None:
    """For a gerund that opens its sentence, (the comma before the main clause, its verb)."""
    if view.parses(cue)[0].tag.POS != "GRND" or any(
            view.is_word(k) and view.lower[k] not in FILLERS for k in range(view.sent_first[view.tok_sent[cue]], cue)):
        return None
    verb = next((k for k in range(hi, first, -1) if k not in view.quoted and view.parses(k)[0].tag.POS == "VERB"), None)
    comma = next((k for k in range(verb - 1, first, -1) if view.toks[k].text == "," and k not in view.quoted), None) \
        if verb is not None else None
    return (comma, verb) if comma is not None else None


def _conjunction_before(view: DocView, comma: int, lo: int) -> bool:
    """Do the words before the comma end a compound conjunction ("в связи с тем", "из-за того")?"""
    for words in lex.clause_conjunctions():
        n = len(words)
        if comma - n > lo and tuple(view.lower[comma - n:comma]) == words:
            return True
    return False


def _quoted_phrase(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """Он принес "глубочайшие извинения пассажирам", которые …: a speech phrase whose
    noun the writer quotes; the quoted words and what they govern are the content."""
    pair = view.quoted.get(cue_end)
    if pair is None or cue_end == i or pair[0] < view.toks[i].end or _name_quote(view, *pair):
        return None
    first = view.tok_index(pair[0])
    end = max(_content_end(view, first, hi), pair[1] + 1)
    ref = search_subject(view, i, lo)
    if ref is None:
        return None
    return Found("mixed", pair[0], end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref, cue_cls=cls)


def _as_cue(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """Как отметил X, …  /  …, как сообщает X.  /  A, как пишет X, B."""
    if cls not in ("say", "think", "impersonal"):
        return None
    k = _skip_fillers_back(view, i - 1, lo)
    if k < lo or view.lower[k] != "как":
        return None
    ref = _inverted_ref(view, i, cue_end, cls, lo, hi)
    if ref is None or (ref.kind == "none" and cls != "impersonal"):
        return None
    # the comma that closes the attribution
    after = view.tok_index(ref.end - 1) + 1 if ref.kind not in ("none", "lost") else cue_end + 1
    while after <= hi and view.toks[after].text not in ",;" and view.toks[after].text not in TERMINAL:
        after += 1
    opens_sentence = all(not view.is_word(x) or view.lower[x] in ("а", "и", "но", "однако", "напомним")
                         for x in range(lo, k))
    if opens_sentence:
        if after > hi or view.toks[after].text != "," or after + 1 > hi:
            return None
        start, end = _content_start(view, after + 1), _content_end(view, after + 1, hi)
    else:
        if view.toks[k - 1].text != ",":
            return None
        start, end = _content_start(view, lo), view.toks[k - 1].start
        if after + 1 <= hi and view.toks[after].text == ",":
            end = _content_end(view, after + 1, hi)
    if end <= start:
        return None
    return Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                 channel=_channel(view, cue_end, hi), cue_cls=cls)


def _inverted(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """… , заявил X.  /  …, об этом сообщает X.  /  Об этом заявил X. (content: previous sentence)"""
    if cls not in ("say", "think", "impersonal"):
        return None
    k = _skip_fillers_back(view, i - 1, lo)
    # "Об этом он заявил", "Об этом Хант написал": the subject between "об этом" and the cue
    subject = None
    if k >= lo and (view.lower[k] in ("он", "она", "они") or (
            # a person; an outlet there is the addressee: "Об этом РИА Новости сказали в офисе"
            view.ent_at.get(k) is not None and view.ent_at[k].type == "PER")):
        first_word = view.tok_index(view.ent_at[k].start) if k in view.ent_at else k
        b = _skip_fillers_back(view, first_word - 1, lo)
        if b - 1 >= lo and view.lower[b] == "этом" and view.lower[b - 1] in ("об", "о") and b - 1 == lo:
            subject = (first_word, k)
            k = b
    if subject is None and lo + 2 < k:
        # "Об этом в телефонном интервью Reuters сообщил X": a prepositional phrase in between
        pp = next((m for m in range(lo + 2, min(k, lo + 8) + 1) if _is_prep(view, m)), None)
        if pp == lo + 2 and view.lower[lo + 1] == "этом" and view.lower[lo] in ("об", "о") and \
                all(view.is_word(m) for m in range(pp, k + 1)):
            k = lo + 1
    # "об этом" before the cue
    about = False
    if k - 1 >= lo and view.lower[k] in ("этом",) and view.lower[k - 1] in ("об", "о"):
        about = True
        k -= 2
        while k >= lo and view.is_word(k) and not (k in view.ent_at) and view.parses(k)[0].tag.POS in ("NUMR", "NOUN", "ADVB", None) and view.lower[k] not in PREPOSITIONS and k > lo:
            # time phrases: "Об этом 31 октября сообщает"
            if view.parses(k)[0].tag.POS == "NOUN" and not re.match(r"\d", view.toks[k - 1].text):
                break
            k -= 1
    dash = k >= lo and view.toks[k].text in DASHES
    if dash:
        k -= 1
    if about and k >= lo and view.toks[k].text == "," and view.lower[lo] == "как" and cue_at(view, lo + 1):
        k = lo - 1  # "Как передает X со ссылкой на Y, об этом заявил Z": the relay opens the sentence
    if about and (k < lo):
        # Sentence opens with "Об этом …": the content is the previous sentence.
        si = view.tok_sent[i]
        if si == 0:
            return None
        prev = view.sent_range(si - 1)
        if not prev:
            return None
        first = prev.start
        start = _content_start(view, first)
        end = _content_end(view, first, prev.stop - 1)
        if subject is None:
            ref = _inverted_ref(view, i, cue_end, cls, lo, hi)
        elif view.lower[subject[0]] in ("он", "она", "они"):
            t = view.toks[subject[0]]
            ref = Ref("pronoun", t.start, t.end, gender=lex.pronouns()[view.lower[subject[0]]][0])
            # "Хант считает … . Об этом он заявил": the pronoun is the reported sentence's subject
            named = search_subject(view, _first_verb(view, prev), first) if _first_verb(view, prev) else None
            if named is not None and named.kind == "entity" and named.entity.type == "PER":
                ref = replace(named, start=t.start, end=t.end, role=None)
        else:
            ref = _ref_from_np(view, *subject)
        if end <= start:
            return None
        return Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                     channel=_channel(view, cue_end, hi), cue_cls=cls)
    if k < lo or view.toks[k].text != ",":
        return None
    if not _inverted_here(view, i) and cls != "think":
        return None
    ref = _inverted_ref(view, i, cue_end, cls, lo, hi)
    if ref is None or (ref.kind == "none" and cls != "impersonal"):
        return None
    first = lo
    # The content is the sentence before the comma, unless it is itself a
    # complement clause of another cue ("X заявил, что ..., сообщает Y").
    start = _content_start(view, first)
    end = view.toks[k].start
    while end > start and view.text[end - 1] in " ,":
        end -= 1
    if end <= start:
        return None
    found = Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                  channel=_channel(view, cue_end, hi), cue_cls=cls)
    resume = _resumes_after(view, ref, first, k, hi)
    if resume is not None:
        # "В субботу, отмечает BBC, адвокат … покинул страну": the attribution sits
        # inside the reported sentence; `parts` holds the reported words alone.
        found.end = _content_end(view, resume, hi)
        found.parts = [(start, end), (view.toks[resume].start, found.end)]
    return found


def _first_verb(view: DocView, rng: range) -> int | None:
    return next((k for k in rng if view.parses(k)[0].tag.POS == "VERB"), None)


def _resumes_after(view: DocView, ref: Ref, first: int, comma: int, hi: int) -> int | None:
    """The token where reported words resume after a parenthetical attribution,
    when the words before it have no verb of their own and so cannot be the whole content."""
    if ref.kind in ("none",) or not ref.end:
        return None
    if any(view.parses(j)[0].tag.POS in ("VERB", "INFN", "PRTS") for j in range(first, comma)):
        return None
    j = view.tok_index(ref.end - 1) + 1
    if j > hi or view.toks[j].text != "," or j + 1 > hi or \
            not (view.is_word(j + 1) or view.toks[j + 1].text in OPEN_MARKS):
        return None
    return j + 1


def _inverted_ref(view, i, cue_end, cls, lo, hi) -> Ref | None:
    if cls == "impersonal":
        return search_document(view, i, lo, hi) or Ref("none")
    return search_inverted(view, cue_end, hi) or search_locative(view, i, cue_end, lo, hi)


def _infinitive(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """Пообещал / призвал (кого-то) сделать …"""
    if cls != "promise" and lemma not in lex.directive_verbs():
        return None
    for j in range(cue_end + 1, min(hi, cue_end + 5) + 1):
        if view.toks[j].text in TERMINAL or view.toks[j].text in ",;:":
            return None
        if view.parses(j)[0].tag.POS == "INFN":
            start = view.toks[j].start
            end = _content_end(view, j, hi)
            pair = view.quoted.get(j)
            if pair is not None and pair[0] > view.toks[cue_end].start:
                start, end = pair[0], max(end, pair[1] + 1)  # просила их "не терять мужество"
            if cls != "promise" and not any(start <= o and c < end and not _name_quote(view, o, c)
                                            for o, c in view.pairs):
                return None  # a call reports speech only with the words quoted: призвал "защитить честь пророка"
            ref = search_subject(view, i, lo)
            if ref is None:
                return None
            return Found("indirect", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref,
                         addressee=None, cue_cls=cls)
    return None


def _named(view, i, cue_end, lemma, cls, lo, hi) -> Found | None:
    """Назвал "показательным", что …: a quoted verdict after назвать."""
    if cls != "name" and lemma not in lex.verdict_verbs():
        return None
    noun = _noun_parse(view, cue_end + 1) if cue_end + 1 <= hi and view.is_word(cue_end + 1) else None
    if noun is not None and noun.normal_form in lex.named_objects():
        return None  # "назвал имена арбитров": names a thing, no verdict
    if cue_end + 2 <= hi and view.lower[cue_end + 1] == "как" and view.is_word(cue_end + 2):
        # "уход Джонсона расценили как нежелание оставаться в шлюпке": the verdict after "как"
        ref = search_subject(view, i, lo) or search_locative(view, i, cue_end, lo, hi)
        end = _content_end(view, cue_end + 2, hi)
        if ref is None or end <= view.toks[cue_end + 2].start:
            return None
        return Found("indirect", view.toks[cue_end + 2].start, end,
                     (view.toks[i].start, view.toks[cue_end].end, lemma), ref, cue_cls=cls)
    if cls != "name" and (cue_end + 1 > hi or _is_prep(view, cue_end + 1) or not any(
            view.is_word(k) and k not in view.ent_at and "ablt" in view.parses(k)[0].tag
            for k in range(cue_end + 1, min(hi, cue_end + 3) + 1))):
        # ("объявил о своей добровольной отставке": a topic, not a verdict)
        return None  # "объявили этот план предательством", "считает важной роль": the verdict comes first
    j = cue_end + 1
    if j <= hi and view.toks[j].start in view.pair_by_open and \
            not _name_quote(view, view.toks[j].start, view.pair_by_open[view.toks[j].start]):
        o = view.toks[j].start
        start = o
        end = _content_end(view, j, hi)
        ref = search_subject(view, i, lo)
        if ref is None:
            return None
        return Found("mixed", start, end, (view.toks[i].start, view.toks[cue_end].end, lemma), ref, cue_cls=cls)
    # "назвал Биби мученицей за веру", "назвал его «одной из выдающихся сил»": a verdict in
    # the instrumental, with or without quoted words.
    end = _content_end(view, j, hi) if j <= hi else 0
    last = view.tok_index(end - 1) if end else j - 1
    quoted = any(k in view.quoted and not _name_quote(view, *view.quoted[k]) for k in range(j, last + 1))
    # Inside quotation marks any reading counts ("«одной из сил»"), and so it does after a
    # named object ("назвал его одной из сил"); otherwise the first one must be instrumental,
    # or every ambiguous word would pass ("называли имена").
    named_object = j <= hi and view.lower[j] in ("его", "ее", "её", "их")
    if last < j or not any(view.is_word(k) and k not in view.ent_at and any(
            "ablt" in p.tag for p in view.parses(k)[:3 if k in view.quoted or named_object else 1])
            for k in range(j + named_object, last + 1)):
        return None
    ref = search_subject(view, i, lo)
    if ref is None:
        return None
    return Found("mixed" if quoted else "indirect", view.toks[j].start, end,
                 (view.toks[i].start, view.toks[cue_end].end, lemma), ref, cue_cls=cls)


def _source_phrase(view: DocView, i: int, lo: int, hi: int) -> Found | None:
    """по словам X, …  /  по его словам, …  /  …, по данным X."""
    j = i + 1
    pron = None
    if view.lower[j] in lex.pronouns() or view.lower[j] in ("их", "ее", "его"):
        pron = j
        j += 1
    lemma = lex.source_nouns().get(view.lower[j]) if j <= hi else None
    if lemma is None:
        return None
    if pron is not None:
        g = lex.pronouns().get(view.lower[pron], ("p", ""))[0]
        ref = Ref("pronoun", view.toks[pron].start, view.toks[pron].end, gender=g)
        phrase_end = j
    else:
        ref = search_genitive(view, j, hi)
        if ref is None:
            return None
        phrase_end = view.tok_index(ref.end - 1)
    # Phrase at the start of the sentence (after openers): content follows the comma.
    k = phrase_end + 1
    while k <= hi and view.toks[k].text != ",":
        if view.toks[k].text in TERMINAL:
            break
        k += 1
    cue = (view.toks[i].start, view.toks[j].end, lemma)
    if view.toks[i].start <= _content_start(view, lo) or all(not view.is_word(x) or view.lower[x] in ("а", "и", "но", "как", "однако") for x in range(lo, i)):
        if k > hi or view.toks[k].text != ",":
            return None
        first = k + 1
        if first > hi:
            return None
        start, end = _content_start(view, first), _content_end(view, first, hi)
        close = view.pair_by_open.get(view.toks[first].start)
        if close is not None and close >= end:
            end = close + 1  # «…» over several sentences: the content runs to the closing mark
        # "По словам обвинительницы, Биби ответила так: «…»": the quotation is part of the report
        colon = next((o for o, c in view.pairs if start < o < end and c >= end and
                      view.text[start:o].rstrip().endswith(":")), None)
        if colon is not None:
            end = view.pair_by_open[colon] + 1
    else:
        # …, по словам X.  The content is what precedes the phrase.
        prev = i - 1
        if view.toks[prev].text != ",":
            return None
        start = _content_start(view, lo)
        end = view.toks[prev].start
        # and what follows, if the phrase sits mid-sentence: "A, по словам X, B".
        if k <= hi and view.toks[k].text == "," and k + 1 <= hi:
            end = _content_end(view, k + 1, hi)
    if end <= start:
        return None
    return Found("indirect", start, end, cue, ref, cue_cls="source")


def _addressee(view: DocView, cue_end: int, hi: int) -> tuple[int, int] | None:
    """A dative phrase right after the cue: "задал министру вопрос", "сказал журналистам"."""
    j = cue_end + 1
    if j > hi or not view.is_word(j):
        return None
    ps = view.parses(j)
    if any("datv" in p.tag and p.tag.POS == "NOUN" for p in ps[:2]) and view.lower[j] not in lex.pronouns():
        b = j
        # the dative phrase: the noun and what agrees with or names it ("журналистам CNN")
        while b + 1 <= hi and view.is_word(b + 1) and (
                b + 1 in view.ent_at or any("datv" in p.tag for p in view.parses(b + 1)[:2])):
            b += 1
        return view.toks[j].start, view.toks[b].end
    return None


def _channel(view: DocView, cue_end: int, hi: int) -> tuple[int, int] | None:
    """"в интервью телеканалу "Россия 24" и РИА Новости", "в своем Twitter"."""
    for j in range(max(0, cue_end - 12), min(hi, cue_end + 12) + 1):
        if view.lower[j] in ("в", "во", "на") and j + 1 < len(view.toks):
            k = j + 1
            if view.lower[k] in ("своем", "своём", "своей", "своих", "совместном", "эксклюзивном", "ходе"):
                k += 1
            if k < len(view.toks) and view.parses(k)[0].normal_form in lex.channel_nouns() or (
                    k < len(view.toks) and view.lower[k] in lex.channel_nouns()):
                end = k
                last = min(len(view.toks) - 1, k + 10)
                m = k + 1
                while m <= last:
                    t = view.toks[m].text
                    if t in ",.;:!?" or (t in DASHES):
                        break
                    if m in view.quoted:
                        o, c = view.quoted[m]
                        m = view.tok_index(c) + 1
                        end = m - 1
                        continue
                    if view.lower[m] in PREPOSITIONS - {"с", "со"} or (cue_at(view, m) is not None):
                        break
                    end = m
                    m += 1
                s, e = view.toks[j].start, view.toks[end].end
                if end + 1 < len(view.toks) and view.text[e:e + 1] in '»"“':
                    e += 1
                return s, e
    return None


RELAY_LEMMAS = frozenset(("передавать", "сообщать", "писать", "сообщить", "передать"))


def _dedupe(view: DocView, found: list[Found]) -> list[Found]:
    # "Как передает X со ссылкой на Y, об этом заявил Z": the outlet relays an attribution,
    # not a statement. (A relay of reported words, "X заявил, что …, передает Y", stays: both speak.)
    # "По его оценке, …, в ответе подчеркнуто, что …": an impersonal report inside someone's
    # reported words is part of them.
    found = [f for f in found if not (f.cue_cls == "impersonal" and f.cue and any(
        g is not f and g.cue and g.cue[0] < g.start <= f.cue[0] < g.end and g.ref is not None
        and g.ref.kind not in ("none", "lost") for g in found))]
    found = [f for f in found if not _attribution_only(view, f) and not any(
        # "X, об этом заявил Y, передает Z": the whole attribution is what Z relays
        g is not f and g.cue and f.cue and f.cue[2] in RELAY_LEMMAS and f.cue[0] >= f.end
        and f.start <= g.start and g.cue[0] >= g.end and g.cue[1] <= f.end and _about_this(view, g) for g in found)]
    out: list[Found] = []
    for f in found:
        dup = False
        for g in out:
            if g.start == f.start and (g.end == f.end or f.ref is None or f.ref.kind in ("none", "lost")):
                dup = True  # the same words, or a second attribution of them that names no one
                break
            # The same content reached from a second cue: keep the first.
            overlap = min(f.end, g.end) - max(f.start, g.start)
            if overlap > 0 and f.type == g.type == "indirect" and overlap >= 0.9 * (f.end - f.start) and overlap >= 0.9 * (g.end - g.start):
                dup = True
                break
        if not dup:
            out.append(f)
    return out


def _about_this(view: DocView, f: Found) -> bool:
    """Is the cue introduced by "об этом" ("…, об этом заявил Y")?"""
    k = view.tok_index(f.cue[0])
    return k >= 2 and view.lower[k - 1] == "этом" and view.lower[k - 2] in ("об", "о")


def _attribution_only(view: DocView, f: Found) -> bool:
    """Content that is itself an attribution: "об этом заявил Z"."""
    first = view.tokens_in(f.start, f.end)
    if len(first) < 3:
        return False
    a = first.start
    if view.lower[a] not in ("об", "о") or view.lower[a + 1] not in ("этом", "том"):
        return False
    for k in range(a + 2, min(a + 10, first.stop)):  # "об этом в среду, 7 ноября, сообщил X"
        if view.toks[k].text in TERMINAL:
            return False
        if cue_at(view, k) is not None:
            return True
    return False


def _mark_mixed(view: DocView, found: list[Found], used: set) -> None:
    """Indirect content that quotes words verbatim is mixed; so is a что-clause in quotation marks."""
    for f in found:
        if f.type != "indirect":
            continue
        inside = [(o, c) for o, c in view.pairs if f.start <= o and c < f.end + 1 and not _name_quote(view, o, c)]
        # content wholly quoted: the marks are part of it
        if f.start > 0 and view.text[f.start - 1] in OPEN_MARKS and (f.start - 1) in view.pair_by_open:
            c = view.pair_by_open[f.start - 1]
            if c >= f.end - 1:
                f.start -= 1
                f.end = max(f.end, c + 1)
                f.type = "mixed"
                used.add((f.start, c))
                continue
        if inside:
            f.type = "mixed"
            for p in inside:
                used.add(p)
            last_close = max(c for _, c in inside)
            if last_close >= f.end:
                f.end = last_close + 1


def _standalone(view: DocView, found: list[Found], used: set) -> list[Found]:
    """A quotation that is a whole sentence with no cue continues its neighbour's speech."""
    out = []
    for o, c in view.pairs:
        if (o, c) in used or any(f.start <= o < f.end for f in found):
            continue
        inner = view.text[o + 1:c]
        if not _sentence_like(inner) or not inner[:1].isupper() and inner[:1] not in "…[":
            continue
        # starts a sentence and ends one
        before = view.text[max(0, o - 3):o]
        after = view.text[c + 1:c + 3]
        if before.strip() and before.strip()[-1] not in TERMINAL + "»\"":
            continue
        if after.strip() and after.strip()[0] not in TERMINAL:
            continue
        prev = [f for f in found if f.end <= o and o - f.end < 400]
        nxt = [f for f in found if f.start >= c and f.start - c < 200 and f.type == "direct"]
        src = prev[-1] if prev else (nxt[0] if nxt else None)
        ref = _intro_ref(view, o, since=src.end if src and src.end <= o else 0)
        if ref is None and src is None:
            continue
        out.append(Found("direct", o + 1, c, None, ref or src.ref, is_question=inner.rstrip().endswith("?"),
                         cue_cls="continuation"))
    return out


def _intro_ref(view: DocView, o: int, since: int) -> Ref | None:
    """The sentence before a bare quotation introduces its speaker: "Большой материал
    написал об этом обозреватель New York Times Николас Кристоф. "…""."""
    si = view.tok_sent[view.tok_index(o)]
    if si == 0 or view.toks[view.tok_index(o)].start < o:
        return None
    rng = view.sent_range(si - 1)
    if not rng or view.toks[rng.start].start < since:
        return None
    lo, hi = rng.start, rng.stop - 1
    for i in rng:
        if i in view.quoted:
            continue
        c = cue_at(view, i)
        if c and c[2] in ("say", "think") and c[1] not in RELAY_LEMMAS:
            ref = search_inverted(view, c[0], hi) or search_subject(view, i, lo)
            if ref is not None and ref.kind in ("entity", "pronoun", "np"):
                return ref
    return None


def extract_quotes(text: str, analysis: Analysis) -> list[Quote]:
    view = DocView(text, replace(analysis, entities=correct(analysis.entities, text)))
    return resolve(view, find(view))
