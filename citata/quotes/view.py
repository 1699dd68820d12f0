"""The document as the quotation finder sees it: tokens, sentences, entities, paired
quotation marks, and what a construction found (`Found`, with the speaker's `Ref`)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from ..entities import Gloss, correct_with_glosses, written_glosses
from ..metadata.dates import dateline_matches
from ..model import Speaker
from ..names import NameIndex
from ..nlp import Analysis, Entity, Token, dependency_parser, parse
from .marks import pair_quotes
from .spans import RangeTable


PREPOSITIONS = frozenset("в во на по с со из для к ко от у о об обо при за под над перед между через без до после про".split())


COMPLEMENTIZERS = frozenset(("что", "чтобы", "будто", "якобы"))


# em, en, non-breaking hyphen (‑, common in pages of regional outlets), figure dash, bar, hyphen-minus
DASHES = "—–‑‒―-"


SITE_NAME = re.compile(r"[\w-]+\.(?:ru|ua|com|org|net|by|kz|su|info|рф)\b", re.IGNORECASE)


TERMINAL = ".!?…"


def trim_end(text: str, start: int, stop: int) -> int:
    """`stop` moved back past the spaces, tabs and full stops that end a quotation's line (its
    content ends at its last word, the closing stop is the layout's)."""
    while stop > start and text[stop - 1] in " \t.":
        stop -= 1
    return stop


def unpadded(text: str, start: int, stop: int) -> tuple[int, int]:
    """(start, stop) moved inside the spaces that pad a span: a writer's spaces inside the marks or
    before the comma ("« Мы готовы » , — сказал") are no part of the words."""
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return start, stop


def line_end(text: str, pos: int) -> int:
    """Where the line holding `pos` ends: at its newline, or at the text's end."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def next_paragraph(text: str, pos: int) -> tuple[int, int, str] | None:
    """The paragraph after the line holding `pos` (blank lines skipped): its start, its line's end
    and its words without the spaces that end them; None on the text's last line."""
    nl = text.find("\n", pos)
    if nl < 0:
        return None
    start = nl
    while start < len(text) and text[start].isspace():
        start += 1
    stop = line_end(text, start)
    return start, stop, text[start:stop].rstrip()


OPEN_MARKS = "«„“\""
# Every quotation mark, opening or closing, in the conventions pages use: « », „ “, “ ”, " ".
QUOTE_MARKS = frozenset("«»„“”\"")


@dataclass
class Ref:
    """Where a speaker is designated before resolution."""

    kind: str  # entity | pronoun | np | relative | document | none | lost (a source whose name is missing)
    start: int = 0
    end: int = 0
    entity: Entity | None = None
    gender: str | None = None  # m | f | p for pronouns
    head: str | None = None  # lemma of the NP's head noun
    role: str | None = None
    case: str | None = None  # grammatical case the construction imposes (gent after "по словам")
    via: str | None = None  # the mention search that found it (subject, inverted, locative, …)


# marks a sieve whose quotation took the subject of the report before it ("X сообщил, что A, а также
# назвал B"): the parse is not to give it another
SHARED_SUBJECT = " (shares the previous subject)"


@dataclass
class Found:
    type: str
    start: int
    end: int
    cue: tuple[int, int, str] | None
    ref: Ref | None
    addressee: tuple[int, int] | None = None
    channel: tuple[int, int] | None = None
    is_question: bool = False
    cue_cls: str = "say"
    speaker: Speaker | None = field(default=None)
    parts: list[tuple[int, int]] | None = None
    sieve: str = ""  # the construction that found it: "direct:attribution-after", "indirect:complement", …
    needs_mention: bool = False  # kept only if the parse finds the cue's subject (the constructions did not)


class DocView:
    def __init__(self, text: str, analysis: Analysis, glosses: list[Gloss] | None = None):
        """`glosses`: the text's `entities.written_glosses` when the caller has them (`document_view`);
        found here otherwise."""
        self.text = text
        self.sents = analysis.sentences
        self.toks: list[Token] = []
        self.tok_sent: list[int] = []
        for si, s in enumerate(self.sents):
            self.toks.extend(s.tokens)
            self.tok_sent.extend([si] * len(s.tokens))
        self.starts = [t.start for t in self.toks]
        self.sent_first: list[int] = []
        k = 0
        for s in self.sents:
            self.sent_first.append(k)
            k += len(s.tokens)
        self.sent_first.append(k)
        self.lower = [t.text.lower().replace("ё", "е") for t in self.toks]
        # a wire's dateline ("МОСКВА, 12 ноя — РИА Новости, Иван Иванов.", "ВАШИНГТОН, 5 марта. /Корр. ТАСС
        # …/."): its place, agency and correspondent are the wire's, no participants of the article (a
        # place alone before a dash is no dateline here: "НАТО - это оборонительный союз")
        self.datelines = [(at, at + m.end()) for at, m in dateline_matches(text)
                          if m.groupdict().get("agency") or m.groupdict().get("date")]
        self.all_entities = sorted(analysis.entities, key=lambda e: e.start)  # the archive's mentions keep them
        self.entities = [e for e in self.all_entities if not any(a <= e.start and e.end <= b for a, b in self.datelines)]
        self.glosses = written_glosses(text, self.entities) if glosses is None else glosses
        self.orgs = [e for e in self.entities if e.type == "ORG"]
        self.org_starts = [e.start for e in self.orgs]
        self.orgs_by_text: dict[str, list[int]] = {}  # an organisation's name -> its mentions' starts
        for e in self.orgs:
            self.orgs_by_text.setdefault(e.text, []).append(e.start)
        self.ent_at: dict[int, Entity] = {}
        for e in self.entities:
            for ti in self.tokens_in(e.start, e.end):
                self.ent_at[ti] = e
        self.pairs = pair_quotes(text)
        self.pair_by_open = {o: c for o, c in self.pairs}
        self.pair_by_close = {c: o for o, c in self.pairs}
        self.pair_opens = [o for o, _ in self.pairs]  # pairs are sorted by their opening mark
        self._close_max = RangeTable(self.pairs, max)  # furthest close of the pairs opening in a range
        self._open_min = RangeTable(((c, o) for o, c in self.pairs), min)  # first open of those closing in one
        # Token index -> innermost enclosing pair, for skipping quoted words.
        self.quoted: dict[int, tuple[int, int]] = {}
        for o, c in sorted(self.pairs, key=lambda p: p[0] - p[1]):
            for ti in self.tokens_in(o + 1, c):
                self.quoted[ti] = (o, c)
        self.names = NameIndex(text, self.entities,
                               frozenset(e.start for e in self.entities if self.tok_index(e.start) in self.quoted))
        self.cue_cache: dict[int, tuple[int, str, str] | None] = {}
        self._trees: dict[int, list[tuple[int, str]]] = {}

    def pairs_opening_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """Quotation-mark pairs whose opening mark lies in [start, end), in text order."""
        return self.pairs[bisect_left(self.pair_opens, start):bisect_left(self.pair_opens, end)]

    def crosses_quote(self, start: int, end: int) -> bool:
        """Does [start, end) cut a pair of quotation marks: one mark inside (the closing one may
        stand at `end`), the other outside? A mark just before a wholly quoted clause does not."""
        far = self._close_max.query(start, end - 1)
        if far is not None and far > end:
            return True
        first = self._open_min.query(start, end)
        if first is None or first >= start:
            return False
        return first < start - 1 or self.pair_by_open[start - 1] < end - 1

    def tokens_in(self, start: int, end: int) -> range:
        a = bisect_right(self.starts, start - 1)
        b = bisect_right(self.starts, end - 1)
        return range(a, b)

    def tok_index(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def sent_range(self, si: int) -> range:
        return range(self.sent_first[si], self.sent_first[si + 1])

    def trees(self, sents: list[int]) -> dict[int, list[tuple[int, str]]]:
        """natasha's dependency parse of these sentences: (head token index in the document or -1,
        relation) per token. A sentence is parsed once per document (the filters and the syntax
        sieve ask for some of the same ones), those not parsed yet in one batch."""
        todo = sorted({si for si in sents if si not in self._trees})
        if todo:
            chunks = [[self._as_parsed(j) for j in self.sent_range(si)] for si in todo]
            for si, parsed in zip(todo, dependency_parser().parse(chunks)):
                first = self.sent_first[si]
                self._trees[si] = [(first + head - 1 if head > 0 else -1, rel) for head, rel in parsed]
        return {si: self._trees[si] for si in sents}

    def _as_parsed(self, i: int) -> str:
        """Token i as the parser reads it: a paired quotation mark as the « » it learnt from
        SynTagRus, whatever marks the page typed (its parse of „…“, "…" is another sentence's)."""
        start = self.toks[i].start
        return "«" if start in self.pair_by_open else "»" if start in self.pair_by_close else self.toks[i].text

    def opens_quote(self, i: int) -> bool:
        """Is token i a quotation mark that may open a quotation? Not one that closes a pair: '"',
        '“' close as well as open ('…движения "Архнадзор" Константин', „…“), '»' and '”' never open."""
        return self.toks[i].text in OPEN_MARKS and self.toks[i].start not in self.pair_by_close

    def is_word(self, i: int) -> bool:
        return self.toks[i].text[0].isalnum()

    def parses(self, i: int):
        return parse(self.toks[i].text)


def head_chain(tree: list[tuple[int, str]], first: int, j: int, limit: int) -> list[int]:
    """Token j of a sentence's parse (`DocView.trees`; `first`: the sentence's first token) and its
    heads up to the root, at most `limit` of them: a cycle of the parse's heads stops there."""
    out = [j]
    while len(out) < limit and tree[out[-1] - first][0] >= 0:
        out.append(tree[out[-1] - first][0])
    return out


def document_view(text: str, analysis: Analysis) -> DocView:
    """The document as the sieves see it: its analysis with natasha's entities corrected
    (`entities.correct`: outlets tagged as persons, upper-case datelines), the analysis itself
    left as it was. The pipeline, `extract_quotes` and the eval scripts all start here."""
    entities, glosses = correct_with_glosses(analysis.entities, text)
    return DocView(text, replace(analysis, entities=entities), glosses)
