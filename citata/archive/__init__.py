"""The archive stage: documents and their quotations stored (SQLite or PostgreSQL), deduplicated
(syndication), ingested in parallel, and queried (`Archive`)."""
from .backend import ArchiveError
from .query import DATE_PATTERN, EXPORTS, FACETS, QUOTE_FIELDS, SPEAKER_KINDS, Archive, flat_quote, write_csv

__all__ = ["Archive", "ArchiveError", "DATE_PATTERN", "EXPORTS", "FACETS", "QUOTE_FIELDS", "SPEAKER_KINDS",
           "flat_quote", "write_csv"]
