"""The one path through the system: source -> clean -> metadata -> nlp ->
quotes -> entities (-> registry across documents). Stages work on batches of
documents (NER runs once per batch); one document that fails is reported,
the rest go on, and so does the rest when one takes longer than its time budget."""
from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from .clean import Cleaned, clean, passthrough
from .clean.templates import SiteTemplates, page_shapes, site_of
from .collector import collector_paused
from .metadata import extract_metadata
from .model import Document, RawDocument, ReadError
from .entities import link_document
from .nlp import analyse, normalise_typography
from .quotes import document_view, find, resolve
from .quotes.marks import read_marks
from .registry import Registry, assign

BATCH_SIZE = 64
# CPU seconds a document may take per 100,000 characters (and at least this), stage by stage: fifty
# times what news takes, far less than what an input that sends a stage quadratic takes.
DOC_TIMEOUT = 5.0
_BUDGET_UNIT = 100_000


class DocumentTimeout(BaseException):
    """A document ran over its budget. A BaseException, so that no stage's `except Exception`
    catches it and goes on working on the document."""


def budget(text_length: int, doc_timeout: float | None) -> float | None:
    """Seconds a document of `text_length` characters may spend in one stage."""
    if not doc_timeout:
        return None
    return doc_timeout * max(1.0, text_length / _BUDGET_UNIT)


def can_time_out() -> bool:
    """Budgets need a signal, which Python delivers to the main thread only: they hold on the command
    line and in worker processes, not in a thread (a Dask worker's), where a stage runs unbounded."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def within(seconds: float | None, fn: Callable, *args):
    """fn(*args), or DocumentTimeout once it has used `seconds` of CPU time. CPU time, not the
    clock: a busy machine does not fail documents, and a test's outcome does not depend on its
    speed. The signal interrupts Python code between two bytecodes (a long call into C finishes
    first); the timer is always disarmed on the way out."""
    if not seconds or not can_time_out():
        return fn(*args)

    def expire(signum, frame):
        raise DocumentTimeout

    previous = signal.signal(signal.SIGPROF, expire)
    try:
        try:
            signal.setitimer(signal.ITIMER_PROF, seconds)
            return fn(*args)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
    finally:
        signal.signal(signal.SIGPROF, previous)


def _timed_out(source: str, seconds: float) -> ReadError:
    return ReadError(source, f"took more than its budget of {seconds:.3g} s of CPU time (--doc-timeout), abandoned")


_warm = False


def warm_up() -> None:
    """Load the models and lexicons every stage loads on first use, outside any budget: loading is
    not the first document's work."""
    global _warm
    if not _warm:
        from .source import text_document

        annotate([build_document(text_document("<warm-up>", "Министр иностранных дел России Сергей Лавров "
                                                "заявил, что переговоры продолжатся. «Всё хорошо», — сказал он."))])
        _warm = True


def build_document(raw: RawDocument, plain: bool = False, sites: SiteTemplates | None = None) -> Document:
    """`sites`: line shapes learned from other pages of each site (citata.clean.templates);
    a page whose site repeats some of its lines elsewhere is cleaned again without them."""
    if plain or raw.layout == "body":
        return Document(source=raw.source, text=raw.text, raw=raw.text,
                        segments=passthrough(raw).segments)
    doc = cleaned_document(raw, clean(raw))
    if sites is not None:
        furniture = sites.furniture(site_of(doc.url, doc.outlet))
        if furniture and furniture & page_shapes(raw.text):
            doc = cleaned_document(raw, clean(raw, furniture))
    return doc


def cleaned_document(raw: RawDocument, cleaned: Cleaned) -> Document:
    """The document of a page's cleaned lines, with the metadata they show. Apart from
    `build_document`, eval/quotes.py --oracle-clean passes lines the cleaning gold labels."""
    return Document(
        source=raw.source,
        text=cleaned.text,
        credits=cleaned.credits,
        boilerplate=cleaned.boilerplate,
        raw=raw.text,
        segments=cleaned.segments,
        **extract_metadata(raw, cleaned),
    )


def _with_site_templates(batch: list, built: list[Document | ReadError], sites: SiteTemplates,
                         learn: bool, doc_timeout: float | None) -> list[Document | ReadError]:
    """Learn each site's recurring lines from the batch (on top of what `sites` knew) unless
    `learn` is off, then clean again the pages whose site repeats some of their lines. Both steps
    are the document's work, under its budget (`doc_timeout`, as `process` takes it)."""
    known = sites.copy() if learn else sites
    out = list(built)
    shapes: dict[int, frozenset] = {}
    for i, (raw, doc) in enumerate(zip(batch, built)):
        if isinstance(doc, Document) and isinstance(raw, RawDocument):
            seconds = budget(len(raw.text), doc_timeout)
            try:
                shapes[i] = within(seconds, page_shapes, raw.text)
            except DocumentTimeout:
                out[i] = _timed_out(raw.source, seconds)
                continue
            if learn:
                known.learn(site_of(doc.url, doc.outlet), shapes[i])
    for i, raw in enumerate(batch):
        doc = out[i]
        if i not in shapes or not isinstance(doc, Document) or raw.layout == "body":
            continue
        furniture = known.furniture(site_of(doc.url, doc.outlet))
        if furniture and furniture & shapes[i]:
            seconds = budget(len(raw.text), doc_timeout)
            try:
                out[i] = within(seconds, build_document, raw, False, known)
            except DocumentTimeout:
                out[i] = _timed_out(raw.source, seconds)
            except Exception as exc:
                out[i] = ReadError(raw.source, f"processing failed: {type(exc).__name__}: {exc}")
    return out


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def process(items: Iterable[RawDocument | ReadError], plain: bool = False,
            batch_size: int = BATCH_SIZE, registry: Registry | None | bool = None,
            sites: SiteTemplates | None = None, learn_sites: bool = True,
            doc_timeout: float | None = None) -> Iterator[Document | ReadError]:
    """Documents in input order; read errors pass through in place.

    `doc_timeout`: seconds per 100,000 characters (see `budget`) each stage may spend on a
    document; one that runs over becomes a ReadError and the rest go on. None: no limit.

    Entity ids come from `registry` (a fresh one per call by default, so ids agree
    within the call). registry=False leaves that step to the caller — e.g. a parent
    process that links documents its workers produced — and keeps each mention's
    document-local "key" for `citata.registry.assign`.
    """
    if registry is None:
        registry = Registry()
    if sites is None:
        sites = SiteTemplates()
    if doc_timeout and can_time_out():
        warm_up()
    for batch in _batches(items, batch_size):
        built: list[Document | ReadError] = []
        for item in batch:
            if isinstance(item, ReadError):
                built.append(item)
                continue
            seconds = budget(len(item.text), doc_timeout)
            try:
                built.append(within(seconds, build_document, item, plain))
            except DocumentTimeout:
                built.append(_timed_out(item.source, seconds))
            except Exception as exc:  # one bad document must not sink the batch
                built.append(ReadError(item.source, f"processing failed: {type(exc).__name__}: {exc}"))
        if not plain:
            built = _with_site_templates(batch, built, sites, learn_sites, doc_timeout)
        for item in annotate(built, doc_timeout, verbatim=plain):
            if registry is not False and isinstance(item, Document):
                assign(item, registry)
            yield item


def annotate(items: list[Document | ReadError], doc_timeout: float | None = None,
             verbatim: bool = False) -> list[Document | ReadError]:
    """NER over the whole batch at once, then quotations per document. Unless `verbatim`, each
    text's typography is first made the analysis's (`normalise_typography`: words spelt in both
    alphabets put in one, odd spaces made plain; `raw` keeps the page as read). The analysis and the
    quotations read each text with its quotation marks of wild shapes as guillemets (`read_marks`,
    letter for letter); the document keeps its text as written."""
    with collector_paused():
        return _annotate(items, doc_timeout, verbatim)


def _annotate(items: list[Document | ReadError], doc_timeout: float | None, verbatim: bool) -> list[Document | ReadError]:
    docs = [d for d in items if isinstance(d, Document)]
    if not verbatim:
        for d in docs:
            d.text = normalise_typography(d.text)
    seconds = {id(d): budget(len(d.text), doc_timeout) for d in docs}
    reads = {id(d): read_marks(d.text) for d in docs}
    try:
        analyses = within(sum(seconds.values()) if doc_timeout else None, analyse, [reads[id(d)] for d in docs])
    except (Exception, DocumentTimeout):
        # One document at a time, each in its own budget, so one bad text costs only itself.
        analyses = []
        for d in docs:
            try:
                analyses.append(within(seconds[id(d)], analyse, [reads[id(d)]])[0])
            except (Exception, DocumentTimeout) as exc:
                analyses.append(exc)
    by_id = dict(zip(map(id, docs), analyses))
    out: list[Document | ReadError] = []
    for item in items:
        if isinstance(item, ReadError):
            out.append(item)
            continue
        analysis = by_id[id(item)]
        if isinstance(analysis, DocumentTimeout):
            out.append(_timed_out(item.source, seconds[id(item)]))
            continue
        try:
            if isinstance(analysis, Exception):
                raise analysis
            out.append(within(seconds[id(item)], _quotations_and_entities, item, analysis, reads[id(item)]))
        except DocumentTimeout:
            out.append(_timed_out(item.source, seconds[id(item)]))
        except Exception as exc:
            out.append(ReadError(item.source, f"processing failed: {type(exc).__name__}: {exc}"))
    return out


def _quotations_and_entities(item: Document, analysis, read: str) -> Document:
    view = document_view(read, analysis)
    item.quotes = resolve(view, find(view))
    if read != item.text:  # the spans' words as the document writes them
        for q in item.quotes:
            for span in (q.content, q.cue, q.speaker and q.speaker.mention, *(q.parts or ())):
                if span is not None:
                    span.text = item.text[span.start:span.end]
    item.entities, item.entity_index = link_document(item.text, view.all_entities, view.names)
    return item


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
    result = annotate([doc], verbatim=plain)[0]
    if isinstance(result, ReadError):
        raise ExtractError([result], [])
    assign(result, Registry())
    return result


class ExtractError(Exception):
    def __init__(self, errors: list[ReadError], documents: list[Document]):
        self.errors, self.documents = errors, documents
        super().__init__("; ".join(map(str, errors)))
