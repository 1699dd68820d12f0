"""citata: who said what, where and when, from Russian-language news."""
from .archive import Archive
from .model import Document, RawDocument, ReadError
from .pipeline import ExtractError, extract, extract_text
from .source import read

__all__ = ["Archive", "Document", "RawDocument", "ReadError", "ExtractError", "extract", "extract_text", "read"]
__version__ = "0.1.0"
