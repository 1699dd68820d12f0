"""Interface strings from i18n/<lang>.json; Russian unless `?lang=` or the `lang` cookie says otherwise."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files

LANGUAGES = ("ru", "en")
DEFAULT = "ru"


@lru_cache(maxsize=None)
def strings(lang: str) -> dict:
    return json.loads(files(__package__).joinpath("i18n", f"{lang}.json").read_text(encoding="utf-8"))


def choose(query: str | None, cookie: str | None) -> str:
    for lang in (query, cookie):
        if lang in LANGUAGES:
            return lang
    return DEFAULT


class Translator:
    """`t(key)` looks a string up; `t.n(count, key)` picks the plural form that fits `count`."""

    def __init__(self, lang: str):
        self.lang = lang
        self.table = strings(lang)

    def __call__(self, key: str, **values) -> str:
        text = self.table.get(key, key)
        return text.format(**values) if values else text

    def n(self, count: int, key: str) -> str:
        forms = self.table["plural"][key]
        return f"{count} {forms[_plural_index(self.lang, count)]}"

    def date(self, iso: str | None) -> str:
        """'2022-02-01' as '1 февраля 2022' / '1 February 2022'; partial dates ('2022-02', '2022') as far as known."""
        if not iso:
            return self("date_unknown")
        parts = iso.split("-")
        try:
            if len(parts) == 3:
                return self.table["date_full"].format(day=int(parts[2]), month=self.table["months_gen"][int(parts[1]) - 1],
                                                      year=parts[0])
            if len(parts) == 2:
                return f"{self.table['months'][int(parts[1]) - 1]} {parts[0]}"
        except (ValueError, IndexError):
            pass
        return iso


def _plural_index(lang: str, n: int) -> int:
    if lang == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return 0
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return 1
        return 2
    return 0 if n == 1 else 1
