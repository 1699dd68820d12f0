"""Loaders for the data files in citata/data: lexicons and patterns live there,
not in code. Each loader reads its file once per process."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("citata.data").joinpath(name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _table(name: str) -> list[list[str]]:
    rows = []
    for ln in _lines(name):
        cells = ln.split("\t")
        if len(cells) < 2:
            raise ValueError(f"{name}: expected tab-separated columns in {ln!r}")
        rows.append(cells)
    return rows


@lru_cache(maxsize=None)
def boilerplate_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((kind, re.compile(rx)) for kind, rx in _table("boilerplate.tsv"))


@lru_cache(maxsize=None)
def boilerplate_prefix_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((kind, re.compile(rx)) for kind, rx in _table("boilerplate_prefix.tsv"))


@lru_cache(maxsize=None)
def photo_agencies() -> tuple[str, ...]:
    return tuple(_lines("photo_agencies.txt"))


@lru_cache(maxsize=None)
def outlets() -> dict[str, str]:
    """Host suffix -> outlet name."""
    return {host.lower(): name for host, name in _table("outlets.tsv")}


@lru_cache(maxsize=None)
def media_names() -> frozenset[str]:
    return frozenset(_lines("media.txt")) | frozenset(outlets().values())


@lru_cache(maxsize=None)
def media_nouns() -> tuple[str, ...]:
    return tuple(_lines("media_nouns.txt"))


@lru_cache(maxsize=None)
def relay_cues() -> tuple[str, ...]:
    return tuple(_lines("relay_cues.txt"))


@lru_cache(maxsize=None)
def months() -> tuple[tuple[str, int], ...]:
    return tuple((prefix, int(num)) for prefix, num in _table("months.tsv"))


def month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    for prefix, num in months():
        if word.startswith(prefix):
            return num
    return None


@lru_cache(maxsize=None)
def title_affixes(kind: str) -> tuple[str, ...]:
    """kind: "prefix" (rubric words before a headline) or "suffix" (markers after it)."""
    return tuple(text for k, text in _table("title_affixes.tsv") if k == kind)
