"""`citata collect`: new articles from news feeds and sitemaps, fetched politely into WARC
files and ingested (see citata.collect.run)."""
from .run import CollectError, RunReport, collect, collect_every, data_folder, parse_interval
from .sources import Settings, Source, SourceList, SourcesError, load, source

__all__ = ["CollectError", "RunReport", "Settings", "Source", "SourceList", "SourcesError", "collect",
           "collect_every", "data_folder", "load", "parse_interval", "source"]
