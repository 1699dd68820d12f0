"""The outlet tables and names: host -> site name, the outlet table's names, other names and
legal names, one spelling for each (canonical_outlet), a name or host read as an outlet
(known_outlet, outlet_from_url), a name spelled in a host (translit, name_spells_host), and a
declined name's nominative (nominative: "для «Известий»" -> "Известия")."""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from .. import lexicons
from ..clean import AMBIGUOUS_OUTLET_NAMES


@lru_cache(maxsize=1024)
def is_placeholder_url(url: str | None) -> bool:
    """A site's bare root stands in for an article's address (the covid-19 BSNLP files all
    carry http://www.fromtheweb.eu): an article always has a path. Such a host is never
    the outlet, and a header that carries it speaks for the collection, not the page."""
    if not url or "://" not in url:
        return False
    parts = urlsplit(url)
    return parts.path.strip("/") == "" and not parts.query


@lru_cache(maxsize=1)
def site_names() -> dict[str, str]:
    """Host -> the name the site uses for itself, for hosts outlets.tsv lacks: outlet_sites.tsv
    (by hand) over outlet_table.tsv over outlet_names.tsv (mined by eval/mine_outlets.py)."""
    table = dict(lexicons.site_name_table("outlet_names.tsv"))
    hand = lexicons.outlets()
    for name, _, hosts, _ in lexicons.outlet_table():
        table.update({h.lower(): name for h in hosts if h.lower() not in hand})
    table.update(lexicons.site_name_table("outlet_sites.tsv"))
    return table


@lru_cache(maxsize=1)
def outlet_names() -> frozenset[str]:
    """Every outlet name metadata knows: the media lexicon, outlets.tsv, site_names() and the
    outlet table's names and other names."""
    return _base_names() | frozenset(alias_targets())


@lru_cache(maxsize=1)
def _base_names() -> frozenset[str]:
    return lexicons.media_names() | frozenset(site_names().values()) | frozenset(r[0] for r in lexicons.outlet_table())


@lru_cache(maxsize=1)
def alias_targets() -> dict[str, str]:
    """Each other name in the outlet table -> the name known_outlet gives for it: the table's
    name where the other name only spells it otherwise ("КАЗИНФОРМ", "НТВ.Ru", "Интерфакс.ру"),
    itself where it is a name of its own ("Комсомолка", "КП", "DW": what the page calls the
    outlet; canonical_outlet joins them)."""
    base = _base_names()
    out: dict[str, str] = {}
    for name, others, _, _ in lexicons.outlet_table():
        whole = translit(name)
        for other in others:
            if other not in base:
                folded = translit(other)
                out[other] = name if folded.startswith(whole) or whole.startswith(folded) else other
    return out


@lru_cache(maxsize=2)
def _canonical_names(folded: bool) -> dict[str, str]:
    """Each name and other name in the outlet table (its ё as е, or `folded` to one Latin
    spelling) -> the table's name."""
    out: dict[str, str] = {}
    for name, others, _, _ in lexicons.outlet_table():
        for n in (name, *others):
            out.setdefault(translit(n) if folded else n.replace("ё", "е"), name)
    return out


def canonical_outlet(name: str | None) -> str | None:
    """The name the outlet table gives an outlet known by `name`: one of its names in any
    spelling ("Комсомолка", "KP.RU" -> "Комсомольская правда"), a host ("kp.ru"), or its
    company's legal name ("АО «Бизнес Ньюс Медиа»" -> "Ведомости"); None for a name it lacks."""
    if not name:
        return None
    host = name.strip().lower().removeprefix("www.")
    if host.isascii() and _HOST.fullmatch(host):
        found = outlet_from_url(f"https://{host}/x")
        return found if found != host or host in site_names() or host in lexicons.outlets() else None
    name = clean_name(name)
    if name in AMBIGUOUS_OUTLET_NAMES:
        return None
    exact = _canonical_names(False).get(name.replace("ё", "е"))
    if exact or name in outlet_names():  # (a name known as written is not another's spelling: "CNN", "ТСН")
        return exact
    return _canonical_names(True).get(translit(name)) or legal_outlet(name)


_HOST = re.compile(r"[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:[a-z]{2}|com|net|org|info|news|media|today|online|io)")


def _legal_key(name: str) -> str:
    """A company's legal name without its legal form, kind and quotation marks, folded."""
    name = " ".join(re.sub(r"[«»\"“”„]", " ", name).split())
    return translit(name[LEGAL_FORM.match(name).end():])


@lru_cache(maxsize=1)
def _legal_names() -> dict[str, str | None]:
    """Folded legal name -> the outlet whose company it is; None where several outlets share it."""
    out: dict[str, str | None] = {}
    for name, _, _, legal in lexicons.outlet_table():
        for key in {_legal_key(x) for x in legal}:
            out[key] = name if out.get(key, name) == name else None
    return out


def legal_outlet(name: str) -> str | None:
    """The outlet a company's legal name stands for (see outlet_table.tsv), if one only."""
    key = _legal_key(name)
    return _legal_names().get(key) if len(key) >= 3 else None


@lru_cache(maxsize=4096)
def outlet_from_url(url: str | None) -> str | None:
    if not url or "://" not in url or is_placeholder_url(url):
        return None
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return None
    parts = host.split(".")
    for table in (lexicons.outlets(), site_names()):
        for i in range(len(parts) - 1):
            name = table.get(".".join(parts[i:]))
            if name:
                return name
    return host.removeprefix("www.")


_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya"})
# Spellings one Latin sound has in hosts ("interfax", "ekho", "izvestia", "kurier" for "Курьер",
# "online" for "Онлайн"), folded to one.
_SPELLING = ((re.compile(r"online"), "onlain"), (re.compile(r"x"), "ks"), (re.compile(r"kh|ch"), "h"), (re.compile(r"ts|tz"), "c"),
             (re.compile(r"w"), "v"), (re.compile(r"(?<=[aeiou])[jy]|[jy](?=[aeiou])|ii"), "i"),
             (re.compile(r"(?<=[^aeiou])ie"), "e"), (re.compile(r"[^a-z0-9]"), ""), (re.compile(r"(.)\1"), r"\1"))


def translit(s: str) -> str:
    """A name or host folded to one Latin spelling: "Коммерсантъ" and "kommersant" agree,
    "Интерфакс" and "interfax", "Газета.Ru" and "gazeta.ru"."""
    s = s.lower().translate(_TRANSLIT)
    for rx, to in _SPELLING:
        s = rx.sub(to, s)
    return s


@lru_cache(maxsize=4096)
def name_spells_host(name: str, host: str) -> bool:
    """Whether a name spells a site's host: its whole host ("Лента.ру" ↔ lenta.ru) or its
    main label ("REGNUM" ↔ regnum.ru, "Росбалт" ↔ rosbalt.ru; a label of four letters at least,
    so "Вести" does not spell vesti-ukr.com and "РИА" no host)."""
    folded = translit(name)
    if len(folded) < 3:
        return False
    labels = host.lower().removeprefix("www.").split(".")
    if folded == translit("".join(labels)):
        return True
    return any(len(lab) >= 4 and lab not in lexicons.word_set("generic_host_labels") and folded == translit(lab) for lab in labels)


# What stands before a site's own name in a legal line: a company's legal form, the kind of
# outlet ("© AO Телекомпания НТВ", "© АО «Издательский дом «Комсомольская правда»»").
LEGAL_FORM = re.compile(
    r"^(?:(?:" + lexicons.legal_form_alternation() + r")\.?\s+)?"
    r"(?:(?:[Ии]здательский дом|[Ии]нформационное агентство|[Тт]елекомпания|[Тт]елеканал|[Рр]адиостанция"
    r"|[Рр]едакция(?:\s+(?:газеты|журнала|сайта))?|[Сс]етевое издание|[Ии]нтернет-издание|[Мм]едиахолдинг"
    r"|[Мм]едиагруппа)\s+)?")


def clean_name(name: str) -> str:
    return name.strip().strip("«»\"“”").strip()


def host_outlet(host: str) -> str:
    return outlet_from_url("https://" + host.lower() + "/x") or host


@lru_cache(maxsize=1)
def _names_by_spelling() -> dict[str, str]:
    """Known outlet names (the media lexicon, outlets.tsv and the mined outlet_names.tsv)
    by their folded spelling, so that "Коммерсант" finds "Коммерсантъ"."""
    aliases = alias_targets()
    out = {translit(n): aliases[n] for n in sorted(aliases, key=len)}
    out.update((translit(n), n) for n in sorted(_base_names(), key=len))
    return out


@lru_cache(maxsize=8192)
def known_outlet(name: str) -> str | None:
    """The known outlet a name spells, as the lexicon writes it."""
    name = clean_name(name)
    if name in AMBIGUOUS_OUTLET_NAMES:
        return None
    if name in _base_names():
        return name
    return alias_targets().get(name) or _names_by_spelling().get(translit(name))


TITLE_SEPS = (" - ", " – ", " — ", ": ", " | ")
# The endings of a site's address (matched in any case: "Newsler.Ru", "TRUD.RU", "Корреспондент.net"),
# one list for every pattern that finds a site.
SITE_ENDINGS = "ru|ua|com|net|org|info|by|kz|kg|md|uz|az|am|ge|tj|il|su|eu|ee|lv|lt|fm|tv|io|news|media|рф|ру|инфо"
DOMAIN = re.compile(rf"[\w\-]+(?:\.[\w\-]+)*\.(?:{SITE_ENDINGS})", re.I)


_NAME_END = re.compile(r"[ (:\-–—]")


@lru_cache(maxsize=1)
def _longest_name() -> int:
    return max(map(len, outlet_names()))


def media_in(title: str) -> list[str]:
    """Known outlet names that begin the title before a separator or end it after one,
    longest first (looked up at those places instead of trying every name)."""
    names = outlet_names()
    # (a name is no longer than the longest known one: the title's tail is not looked at)
    found = {title[:k] for k in (m.start() for m in _NAME_END.finditer(title, 0, _longest_name() + 1))
             if title[:k] in names}
    for sep in TITLE_SEPS:
        k = title.find(sep)
        while k >= 0:
            if title[k + len(sep):] in names:
                found.add(title[k + len(sep):])
            k = title.find(sep, k + 1)
    return sorted(found, key=lambda name: (-len(name), name))


CYRILLIC_WORD = re.compile(r"[А-ЯЁа-яё]+")


def _restore_case(word: str, like: str) -> str:
    return word.upper() if like.isupper() and len(like) > 1 else word[:1].upper() + word[1:] if like[:1].isupper() else word


@lru_cache(maxsize=8192)
def nominative(name: str, case: str, strict: bool = False) -> str | None:
    """A name as it stands in the nominative, from its form in `case` ("Известиям" →
    "Известия", "Газете.Ru" → "Газета.Ru", "Российской газете" → "Российская газета"). The
    leading words that can be in `case` are inflected; the rest ("Эху Москвы") stays. None
    when the first word cannot be in that case (then the cue does not govern it: in
    "рассказала «Модерна»" the name is the subject); with `strict`, also when it can be a
    nominative (an indeclinable "сообщил ТАСС" may be ТАСС reporting)."""
    from ..nlp import morph

    analyzer = morph()
    out: list[str] = []
    pos = 0
    inflecting = True
    for k, m in enumerate(CYRILLIC_WORD.finditer(name)):
        word = m.group(0)
        out.append(name[pos:m.start()])
        pos = m.end()
        if not inflecting:
            out.append(word)
            continue
        parses = analyzer.parse(word)
        hit = next((p for p in parses if p.tag.case == case and p.tag.POS in ("NOUN", "ADJF")), None)
        if k == 0 and (hit is None or (strict and any(p.tag.case == "nomn" for p in parses))):
            if word.isupper() and not strict:  # an acronym ("КП") is not declined
                out.append(word)
                inflecting = False
                continue
            return None
        form = hit.inflect({"nomn"}) if hit is not None else None
        if form is None:
            inflecting = False
            out.append(word)
        else:
            out.append(_restore_case(form.word, word))
    out.append(name[pos:])
    return "".join(out)


NOT_RUSSIAN = re.compile(r"[іїєґІЇЄҐўЎ]")  # (Ukrainian, Belarusian names are not declined here)
