"""Plain data model shared by every pipeline stage.

Offsets are Python string indices. `Boilerplate` spans index the raw input
(`RawDocument.text`); everything added later (quotes, entities) indexes the
clean body `Document.text`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class RawDocument:
    """One input document as a reader decoded it, before any cleaning.

    `text` is the decoded input with newlines normalised to "\\n". `meta` holds
    what the container already knew (BSNLP header, JSONL fields, HTML <meta>).
    `layout` says how `text` is organised: "plain" (a scraper's text dump),
    "bsnlp" (four header lines, then title and body), "html" (main content
    already extracted by trafilatura) or "body" (bare text: no cleaning).
    """

    source: str
    text: str
    layout: str = "plain"
    meta: dict[str, Any] = field(default_factory=dict)
    # Where the reader dropped markup from a text dump (citata.source.visible_text): the runs of
    # `text` and where each starts in the input as decoded; empty when `text` is the input itself.
    runs: list[Segment] = field(default_factory=list, repr=False)

    def input_offset(self, offset: int) -> int:
        """Map an offset in `text` back to the input the reader decoded (itself where no markup went)."""
        return map_offset(self.runs, offset) if self.runs else offset


@dataclass
class ReadError:
    """A file (or record) that could not be read; the batch goes on without it."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class Boilerplate:
    start: int
    end: int
    kind: str


@dataclass
class Line:
    """One line of the raw input with its classification."""

    start: int
    end: int
    text: str
    label: str = "body"  # "title" | "body" | "boilerplate" | "empty"
    kind: str | None = None  # boilerplate kind: caption, credit, button, ...
    # A body line may start with glued page furniture (a caption, an embed):
    # the body begins `cut` characters into the line.
    cut: int = 0
    credit: str | None = None  # a photo/media credit the furniture names
    # How much the line reads like article prose in context (see citata/clean/block.py).
    worth: float = 0.0
    # A hard-wrapped paragraph joined into one line: where its line breaks were (offsets into
    # `text`, which reads each as a space).
    joins: tuple[int, ...] = ()


@dataclass
class Dateline:
    place: str | None
    agency: str | None
    date: str | None  # ISO date when the year is known, else None
    text: str  # the dateline as written: "БИШКЕК, 2 фев — Sputnik."


@dataclass
class Segment:
    """A run of the clean text copied verbatim from the raw input."""

    text_start: int
    raw_start: int
    length: int


def map_offset(segments: list[Segment], offset: int) -> int:
    """An offset of a text made of `segments` as an offset of the text they were copied from. Where
    two segments meet, the offset maps to the later one's first character."""
    for i, seg in enumerate(segments):
        if seg.text_start <= offset <= seg.text_start + seg.length:
            nxt = segments[i + 1] if i + 1 < len(segments) else None
            if nxt is not None and nxt.text_start == offset:
                return nxt.raw_start
            return seg.raw_start + (offset - seg.text_start)
    raise ValueError(f"offset {offset} falls between segments")


@dataclass
class TextSpan:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Speaker:
    name: str | None  # nominative, fullest form in the document
    mention: TextSpan | None  # the words nearest the quote that designate the speaker
    role: str | None
    kind: str  # person | organization | document | anonymous
    # Document-local identity (a person's surname key), linking mentions of one speaker.
    key: str | None = field(default=None, repr=False)
    entity_id: str | None = None  # the identity across documents (citata.registry)
    # How resolution named the speaker: (step, the words it used); kept in Quote.provenance.
    why: tuple[str, str | None] | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "mention": self.mention.to_dict() if self.mention else None,
                "role": self.role, "kind": self.kind, "entity_id": self.entity_id}


@dataclass
class Provenance:
    """Why this speaker: the sieve that found the speaker's mention and the step that
    resolved it to a speaker, each with the words it rests on, so that a reader can check
    an attribution before repeating it."""
    mention_sieve: str  # "indirect:complement / subject": construction / mention search
    mention_words: str | None  # the cue and the mention ("заявил … глава МИД")
    resolution: str | None  # "title → holder", "pronoun → antecedent", "name", …
    resolution_words: str | None  # what it was resolved through (the holder's name as written)

    def to_dict(self) -> dict[str, Any]:
        return {"mention_sieve": self.mention_sieve, "mention_words": self.mention_words,
                "resolution": self.resolution, "resolution_words": self.resolution_words}


@dataclass
class Quote:
    type: str  # direct | indirect | mixed
    content: TextSpan
    cue: TextSpan | None
    cue_lemma: str | None
    speaker: Speaker | None
    channel: str | None = None
    addressee: dict[str, Any] | None = None
    is_question: bool = False
    # An interrupted quotation ("«A, — сказал он. — B»"): the quoted pieces without the attribution.
    parts: list[TextSpan] | None = None
    provenance: Provenance | None = None

    def to_dict(self) -> dict[str, Any]:
        cue = None
        if self.cue is not None:
            cue = self.cue.to_dict() | {"lemma": self.cue_lemma}
        return {
            "type": self.type,
            "content": self.content.to_dict(),
            "cue": cue,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "channel": self.channel,
            "addressee": self.addressee,
            "is_question": self.is_question,
            "parts": [p.to_dict() for p in self.parts] if self.parts else None,
            "provenance": self.provenance.to_dict() if self.provenance else None,
        }


@dataclass
class Document:
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    dateline: Dateline | None = None
    relayed_from: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # Mentions: {"text", "start", "end", "type", "normal", "entity_id"}
    entities: list[dict[str, Any]] = field(default_factory=list)
    # Not serialised: the raw input and how clean text maps back onto it, and the
    # document-level entities (citata.entities.DocEntity) the registry links.
    raw: str = field(default="", repr=False)
    entity_index: list[Any] = field(default_factory=list, repr=False)
    segments: list[Segment] = field(default_factory=list, repr=False)

    def raw_offset(self, text_offset: int) -> int:
        """Map an offset in `text` back to the raw input (`RawDocument.text`). Where two segments meet
        (the cleaner skipped a character between them), the offset maps to the later one's first
        character."""
        return map_offset(self.segments, text_offset)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "title": self.title,
            "text": self.text,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "dateline": asdict(self.dateline) if self.dateline else None,
            "relayed_from": list(self.relayed_from),
            "credits": list(self.credits),
            "boilerplate": [asdict(b) for b in self.boilerplate],
            "quotes": [q.to_dict() for q in self.quotes],
            "entities": list(self.entities),
        }
