"""The archive stage: documents and their quotations stored (SQLite or PostgreSQL), deduplicated
(syndication), ingested in parallel, and queried (`Archive`).

The names below load on first use: the stages before this one import `citata.archive.lemmas`
(orgs), and loading `query` at once would import `store` → `registry` → `entities` → `orgs`
while they are half-loaded (a circular import)."""
from importlib import import_module

_FROM = {"ArchiveError": "backend", "Archive": "query", "DATE_PATTERN": "query", "EXPORTS": "query",
         "FACETS": "query", "QUOTE_FIELDS": "query", "SPEAKER_KINDS": "query", "flat_quote": "query",
         "write_csv": "query"}
__all__ = list(_FROM)


def __getattr__(name: str):
    if name not in _FROM:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_FROM[name]}", __name__), name)
    globals()[name] = value
    return value
