"""The one path through the system: source -> clean -> metadata -> nlp ->
quotes -> entities (-> registry across documents). Stages work on batches of
documents (NER runs once per batch); one document that fails is reported,
the rest go on."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from .clean import clean, passthrough
from .metadata import extract_metadata
from .model import Document, RawDocument, ReadError
from .entities import correct, link_document
from .nlp import analyse
from .quotes import DocView, find, resolve
from .registry import Registry, assign

BATCH_SIZE = 64


def build_document(raw: RawDocument, plain: bool = False) -> Document:
    if plain or raw.layout == "body":
        return Document(source=raw.source, text=raw.text, raw=raw.text,
                        segments=passthrough(raw).segments)
    cleaned = clean(raw)
    meta = extract_metadata(raw, cleaned)
    return Document(
        source=raw.source,
        text=cleaned.text,
        credits=cleaned.credits,
        boilerplate=cleaned.boilerplate,
        raw=raw.text,
        segments=cleaned.segments,
        **meta,
    )


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def process(items: Iterable[RawDocument | ReadError], plain: bool = False,
            batch_size: int = BATCH_SIZE, registry: Registry | None | bool = None) -> Iterator[Document | ReadError]:
    """Documents in input order; read errors pass through in place.

    Entity ids come from `registry` (a fresh one per call by default, so ids agree
    within the call). registry=False leaves that step to the caller — e.g. a parent
    process that links documents its workers produced — and keeps each mention's
    document-local "key" for `citata.registry.assign`.
    """
    if registry is None:
        registry = Registry()
    for batch in _batches(items, batch_size):
        built: list[Document | ReadError] = []
        for item in batch:
            if isinstance(item, ReadError):
                built.append(item)
                continue
            try:
                built.append(build_document(item, plain=plain))
            except Exception as exc:  # one bad document must not sink the batch
                built.append(ReadError(item.source, f"processing failed: {type(exc).__name__}: {exc}"))
        for item in annotate(built):
            if registry is not False and isinstance(item, Document):
                assign(item, registry)
            yield item


def annotate(items: list[Document | ReadError]) -> list[Document | ReadError]:
    """NER over the whole batch at once, then quotations per document."""
    docs = [d for d in items if isinstance(d, Document)]
    try:
        analyses = analyse([d.text for d in docs])
    except Exception:
        # Fall back to one document at a time so one bad text costs only itself.
        analyses = []
        for d in docs:
            try:
                analyses.append(analyse([d.text])[0])
            except Exception as exc:
                analyses.append(exc)
    by_id = dict(zip(map(id, docs), analyses))
    out: list[Document | ReadError] = []
    for item in items:
        if isinstance(item, ReadError):
            out.append(item)
            continue
        analysis = by_id[id(item)]
        try:
            if isinstance(analysis, Exception):
                raise analysis
            analysis.entities = correct(analysis.entities, item.text)
            view = DocView(item.text, analysis)
            item.quotes = resolve(view, find(view))
            item.entities, item.entity_index = link_document(item.text, view.entities, view.names)
            out.append(item)
        except Exception as exc:
            out.append(ReadError(item.source, f"processing failed: {type(exc).__name__}: {exc}"))
    return out


def extract(paths: Iterable[str], plain: bool = False) -> list[Document]:
    """Read and process everything under `paths`; raises if any input failed."""
    from .source import read

    docs, errors = [], []
    for item in process(read(paths, plain=plain), plain=plain):
        (errors if isinstance(item, ReadError) else docs).append(item)
    if errors:
        raise ExtractError(errors, docs)
    return docs


def extract_text(text: str, source: str = "<text>", plain: bool = False) -> Document:
    """Process one text already in memory (a dump, or a bare body with plain=True)."""
    from .source import text_document

    doc = build_document(text_document(source, text, plain=plain), plain=plain)
    result = annotate([doc])[0]
    if isinstance(result, ReadError):
        raise ExtractError([result], [])
    assign(result, Registry())
    return result


class ExtractError(Exception):
    def __init__(self, errors: list[ReadError], documents: list[Document]):
        self.errors, self.documents = errors, documents
        super().__init__("; ".join(map(str, errors)))
