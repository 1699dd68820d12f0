"""The JSON API's response shapes, as `citata.Archive` returns them (they make the OpenAPI schema)."""
from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field

from .render import public_source

# The server's file paths stay private: a file's name is shown, not where it lies.
PublicSource = Annotated[str, AfterValidator(public_source)]


class Span(BaseModel):
    text: str
    start: int
    end: int


class Cue(Span):
    lemma: str | None


class SpeakerRef(BaseModel):
    id: int | None
    name: str | None
    mention: Span | None
    role: str | None
    kind: str | None


class ArticleRef(BaseModel):
    id: int
    source: PublicSource
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None


class FirstSeen(BaseModel):
    article_id: int
    published: str | None
    outlet: str | None


class Provenance(BaseModel):
    """Why this speaker: how the quotation's speaker was found, so that a reader can check the
    attribution before repeating it."""
    mention_sieve: str = Field(description="The construction that found the speaker's mention and how the mention"
                                           " was taken from it, e.g. `indirect:complement / subject`")
    mention_words: str | None = Field(description="The words it rests on: the speech verb or phrase and the"
                                                  " mention, joined by ` … `, e.g. `заявил … глава МИД`")
    resolution: str | None = Field(description="The step that named the speaker from the mention, e.g."
                                               " `title → its holder named in the article`; null: no speaker")
    resolution_words: str | None = Field(description="What the step resolved the mention through, as the article"
                                                     " writes it (the holder's name, a pronoun's antecedent)")


class QuotationBase(BaseModel):
    id: int
    cluster: int | None
    type: str
    content: Span
    cue: Cue | None
    speaker: SpeakerRef | None
    channel: str | None
    addressee: dict[str, Any] | None
    is_question: bool
    parts: list[Span] | None
    provenance: Provenance | None = Field(description="Why this speaker; null: not recorded (the quotation"
                                                      " was archived by a citata that did not record it)")
    article: ArticleRef


class Quotation(QuotationBase):
    appearances: int
    first_seen: FirstSeen


class Occurrence(QuotationBase):
    paragraph: Span


class QuotationDetail(Quotation):
    occurrences: list[Occurrence]


class Page(BaseModel):
    total: int | None
    limit: int
    offset: int
    next: str | None = None  # the next page's URL; null on the last


class FacetValue(BaseModel):
    value: str
    count: int
    filter: dict[str, Any]  # the parameters to add to the query for exactly these `count` quotations


class QuotationPage(Page):
    items: list[Quotation]
    facets: dict[str, list[FacetValue]] | None = None


class Bucket(BaseModel):
    date: str  # YYYY-MM-DD (a day, a week's Monday) or YYYY-MM
    quotations: int
    articles: int


class Undated(BaseModel):
    quotations: int
    articles: int


class Attention(BaseModel):
    interval: str
    quotations: int
    articles: int
    buckets: list[Bucket]
    undated: Undated
    top: dict[str, list[FacetValue]]


class ComparedSpeaker(BaseModel):
    id: int
    name: str | None


class Series(BaseModel):
    speaker: ComparedSpeaker
    quotations: int
    counts: list[int]  # one per bucket of `buckets`
    undated: int


class Comparison(BaseModel):
    interval: str
    buckets: list[str]
    series: list[Series]


class ArticleFields(BaseModel):
    """What a list of articles and a list of search hits both show of an article."""
    id: int
    source: PublicSource
    title: str | None
    published: str | None
    url: str | None
    outlet: str | None
    syndication_group: int | None
    is_origin: bool


class ArticleSummary(ArticleFields):
    quotations: int


class ArticlePage(Page):
    items: list[ArticleSummary]


class SearchHit(ArticleFields):
    snippet: str


class SearchPage(Page):
    items: list[SearchHit]


class Copy(BaseModel):
    id: int
    source: PublicSource
    published: str | None
    outlet: str | None
    is_origin: bool


class Syndication(BaseModel):
    group: int | None
    is_origin: bool
    copies: list[Copy]


class Dateline(BaseModel):
    place: str | None
    agency: str | None
    date: str | None
    text: str


class Removed(BaseModel):
    start: int
    end: int
    kind: str | None
    text: str | None = None


class Mention(BaseModel):
    text: str
    start: int
    end: int
    type: str
    normal: str | None
    entity_id: str | None


class Article(BaseModel):
    id: int
    source: PublicSource
    hash: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    text: str
    dateline: Dateline | None
    relayed_from: list[str]
    credits: list[str]
    boilerplate: list[Removed]
    ingested_at: str | None
    syndication: Syndication
    quotes: list[Quotation]
    entities: list[Mention]


class SpeakerSummary(BaseModel):
    id: int
    name: str
    kind: str | None
    entity_id: str | None
    quotations: int
    appearances: int
    articles: int
    first: str | None
    last: str | None


class SpeakerPage(Page):
    items: list[SpeakerSummary]


class SpeakerProfile(BaseModel):
    id: int
    entity_id: str | None
    name: str
    names: dict[str, int]
    kind: str | None
    aliases: dict[str, int]
    roles: dict[str, int]
    quotations: int
    appearances: int
    outlets: dict[str, int]
    first: str | None
    last: str | None
    per_month: dict[str, int]
    topics: list[str]
    speaker_ids: list[int]


class TopSpeaker(BaseModel):
    id: int
    name: str
    quotations: int


class Outlet(BaseModel):
    id: int
    name: str
    articles: int
    origins: int
    quotations: int
    speakers: int
    first: str | None
    last: str | None
    top_speakers: list[TopSpeaker]


class Stats(BaseModel):
    articles: int
    quotations: int
    distinct_quotations: int
    speakers: int
    mentions: int
    outlets: int
    syndication_groups: int
    syndicated_articles: int
    quotation_types: dict[str, int]
    first_published: str | None
    last_published: str | None


class IngestError(BaseModel):
    source: PublicSource
    reason: str


class IngestReport(BaseModel):
    read: int
    new: int
    replaced: int
    unchanged: int
    quotations: int
    errors: list[IngestError]
