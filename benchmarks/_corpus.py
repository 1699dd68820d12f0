"""The corpus texts the benchmarks read: BSNLP raw articles and the FactRuEval devset."""
from __future__ import annotations

import pickle
from pathlib import Path


def corpus_paths(corpora: Path) -> list[str]:
    paths = [str(p) for p in sorted((corpora / "bsnlp-ru").glob("*/raw"))]
    paths += [str(p) for p in sorted((corpora / "factrueval-2016" / "devset").glob("*.txt"))]
    if not paths:
        raise SystemExit(f"no corpus texts under {corpora}")
    return paths


class ItemUnpickler(pickle.Unpickler):
    """A class the documents hold that an older revision's citata lacks (a field added to the
    model since, such as a quotation's provenance) loads as a bare object: no writer of that
    revision reads it."""

    def find_class(self, module, name):
        try:
            try:
                return super().find_class(module, name)
            except ModuleNotFoundError:
                return super().find_class(moved(module), name)
        except AttributeError:
            return type(name, (), {})


def moved(module: str) -> str:
    """The path the archive stage's modules have in the other layout: `citata.archive.store` in a
    revision before the archive package (its child reads items this code pickled), `citata.store`
    in one after it (a --cache pickled before the move)."""
    parts = module.split(".")
    if parts[:2] == ["citata", "archive"] and len(parts) == 3:
        return f"citata.{parts[2]}"
    if parts[0] == "citata" and len(parts) == 2:
        return f"citata.archive.{parts[1]}"
    raise ModuleNotFoundError(module)


def load_items(fh) -> list:
    """Extracted documents pickled by this revision or another (see ItemUnpickler)."""
    return ItemUnpickler(fh).load()
