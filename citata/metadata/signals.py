"""Page signals that name the outlet when neither the container nor the URL does: mastheads,
copyright and legal lines, brand lines and tails of titles, the agency that opens the text
(outlet_signals, tried in SIGNAL_ORDER). Where none fires, metadata.candidates scores every
name the page's furniture shows.""" 
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .. import lexicons
from ..clean import AMBIGUOUS_OUTLET_NAMES, Cleaned
from ..model import Line
from .dates import DATELINES, PLACE_UP, find_date
from .outlets import (CYRILLIC_WORD, DOMAIN, LEGAL_FORM, NOT_RUSSIAN, SITE_ENDINGS, TITLE_SEPS, alias_targets, canonical_outlet, clean_name,
                      host_outlet, known_outlet, legal_outlet, media_in, nominative, outlet_from_url, outlet_names)
from .scan import finditer_at, finditer_runs, positions

_MASTHEAD = re.compile(
    r"(?:[Сс]етевое издание|[Ии]нтернет-издание|[Ээ]лектронное периодическое издание|[Ии]нформационное агентство"
    r"|[Ии]нформационный портал|[Ии]нтернет-портал|[Ии]здание|[Гг]азета|[Жж]урнал|\bИА)\s+[«\"“]([^»\"”]{2,40})[»\"”]")
_MASTHEAD_BARE = re.compile(
    r"(?:[Сс]етевое издание|[Ии]нтернет-издание|[Ээ]лектронное периодическое издание)\s+"
    r"([А-ЯЁA-Z][\w\-]*\.[A-Za-zа-я]{2,}|[A-Z][\w\-]*(?:\.[A-Za-z]{2,})?(?:\s[A-Z][\w\-]*)?)(?=[\s,.;)]|$)")
# A name as a site's template shows it unquoted: up to four capitalised words, with digits and a site's
# dots in them and "и" between them ("Заречье Сегодня", "ZARECHYE TODAY", "Аргументы и Факты").
TEMPLATE_WORDS = r"[A-ZА-ЯЁ0-9][\w.\-]*(?:\s(?:и\s)?[A-ZА-ЯЁ0-9][\w.\-]*){0,3}"
# A line that is only an outlet's kind and its name, unquoted ("Информационное агентство Заречье Сегодня",
# "Сетевое издание Вести Края (18+)"): the masthead, whatever the name's script.
_MASTHEAD_LINE = re.compile(
    r"(?:[Сс]етевое издание|[Ии]нтернет-издание|[Ии]нформационное агентство|[Ии]нформационный портал|[Ии]нтернет-портал"
    r"|ИА)\s+(?P<name>" + TEMPLATE_WORDS + r")\s*(?:\(?18\+\)?)?\.?")
# «МИР 24» информационно-аналитический интернет-портал; Использование материалов «ZN.UA» …
# Furniture naming other sites: photo credits, teasers, comments.
# Capitalised words a "follow us" line names that are not the outlet.
_FOREIGN_NAME_KINDS = frozenset({"caption", "credit", "embed", "teaser", "related", "gallery", "feed", "card",
                                 "comment", "comments", "source"})
_NAME_THEN_KIND = re.compile(
    r"[«\"“]([^»\"”]{2,30})[»\"”]\s*[-–—,]?\s*(?:[\w-]+\s+){0,2}(?:интернет-портал|портал|сетевое издание"
    r"|интернет-издание|издание|газета|журнал|агентство|телеканал|радиостанция)\b", re.I)
# "Читайте «Известия» в Telegram", "Подписывайтесь на РБК в Дзене", "Редакция «X»"
_FOLLOW_US = re.compile(
    r"(?:[Чч]итайте|[Пп]одписывайтесь на|[Пп]одпишитесь на|[Сс]ледите за|[Рр]едакци[яи](?:\s+(?:сайта|газеты|журнала|портала))?)\s+"
    r"(?:(?:новостями|новости|канал|(?:[Tt]elegram|[Тт]елеграм)-канал)\s+)?"
    r"(?P<name>[«\"“][A-ZА-ЯЁ][^»\"”]{1,30}[»\"”]|[A-ZА-ЯЁ][\w.\-]+(?:\s[A-ZА-ЯЁ0-9][\w.\-]*)?)"
    r"(?=\s+(?:в|во|на)\s+[A-ZА-ЯЁ]|[\s,.]*$|\s*[.,:])")
_MATERIALS_OF = re.compile(r"материал\w*\s+(?:сайта\s+|издания\s+|газеты\s+|агентства\s+)?"
                           r"(?:[«\"“]([^»\"”]{2,30})[»\"”]|([A-Z][\w.\-]+)(?=[\s,.]))")
# (a whole host: "zdorovja.ru" inside "obraz-zdorovja.ru" is no site)
# (in any case: "Newsler.Ru", "WWW.NEWSLER.RU")
DOMAIN_TOKEN = re.compile(rf"(?<![\w@./\-])(?:https?://)?(?i:www\.)?([A-Za-z][\w\-]*\.(?i:{SITE_ENDINGS}))(?!\w|\.\w)")
# Where a host can open: an ASCII letter after no word character, so never inside such a run.
_LATIN_RUN = re.compile(r"[A-Za-z][\w\-]*")


def domain_tokens(text: str) -> Iterator[re.Match]:
    """DOMAIN_TOKEN.finditer(text), tried only where a Latin word opens (citata.metadata.scan)."""
    return finditer_runs(DOMAIN_TOKEN, text, _LATIN_RUN)


# A site's name ends like a host, in either script and case ("TUT.BY", "Фонтанка.ру", "Тайга.инфо").
_SITE_ENDING = (r"(?:(?i:ru|ua|com|by|kz|net|org|info|eu|ee|lv|lt|md|kg|uz|az|am|ge|tj|il|fm|tv|io|news|media)"
                r"|ру|Ру|РУ|рф|РФ|инфо|онлайн)(?!\w)")
_COPYRIGHT = re.compile(
    r"(?:©|\([CcСс]\)|Copyright)\s*(?:(?:19|20)\d{2}(?:\s*[-–—]\s*(?:19|20)\d{2})?\s*,?\s*)?"
    rf"(?P<name>[«\"]?[A-ZА-ЯЁ][^©\n,.;|:]{{1,40}}?(?:\.{_SITE_ENDING})?[»\"]?)"
    r"\s*(?:,|\.(?!\w)|\s(?:19|20)\d{2}|\s+[-–—]|[–—]|\s*$|\s+[Вв]се права)")
# Words of the legal sentence itself, never of a name: "© Использование материалов…".
_LEGAL_WORDS = re.compile(r"(?i)использован|перепечат|копирова|воспроизвед|материал|\bправа\b|\bсайт|copyright|\bфото|\bphoto")
_COPYRIGHT_QUOTED = re.compile(
    r"(?:©|\([CcСс]\)|Copyright)\s*(?:(?:19|20)\d{2}(?:\s*[-–—]\s*(?:19|20)\d{2})?\s*,?\s*)?"
    r"(?P<pre>[^«\"\n©]{0,40}?)[«\"](?:[^«»\"\n]{0,30}[«\"])?(?P<name>[^«»\"\n]{2,40})[»\"]")
# (a hyphen inside a word is the name's own: "© 2021 Пенза-Пресс" is not "Пенза")
# The name before the years or the © sign: "ФОКУС, 2008 – 2017. Все права…", "РБК © 2021".
# (or the name and the rights after a separator: "Вечерний Бишкек | Все права защищены | 2021")
_RIGHTS_AFTER_NAME = re.compile(
    r"^\s*(?P<name>[«\"]?[A-ZА-ЯЁ][^©,|\n]{0,40}?[»\"]?)\s*(?:©\s*(?:(?:19|20)\d{2})?|,?\s*(?:©\s*)?(?:19|20)\d{2}"
    r"(?:\s*[-–—]\s*(?:19|20)\d{2})?)\s*(?:[.,]\s*)?(?:[Вв]се права|$)"
    r"|^\s*(?P<name2>[«\"]?[A-ZА-ЯЁ][^©,.:;|•·\n]{0,40}?[»\"]?)\s*(?:[|•·.]|\s[-–—])\s*[Вв]се права защищены")
# "При цитировании … (гипер)ссылка на ИА REGNUM обязательна", "ссылка на «Комсомольскую правду»".
_LINK_TO = re.compile(
    r"(?:[Гг]иперссылк|[Сс]сылк)[аиуойе]+\s+на\s+(?:(?:сайт|издание|агентство|газету|журнал|портал|ресурс)\s+)?"
    r"(?P<name>[«\"“][^»\"”]{2,40}[»\"”]|[a-z][\w\-]*(?:\.[\w\-]+)*\.[a-z]{2,6}\b"
    r"|[A-ZА-ЯЁ][\w\-]*(?:\.[A-Za-zА-Яа-яЁё]+)?(?:\s[A-ZА-ЯЁ][\w\-]*(?:\.[A-Za-z]+)?){0,2})")
# The link is what the site asks for ("…ссылка на X обязательна"), not what it forbids
# ("…распространение информации, которое содержит ссылку на «Интерфакс-Украина», воспрещается").
# (and what it forbids without the link: "…без ссылки на «X» запрещено", "при наличии гиперссылки на X")
_REQUIRED = re.compile(r"обязательн|при условии|только при|допускается|при наличии|\bбез\s+(?:[а-яё]+\s+){0,2}(?:гипер)?ссылк")
# (agencies whose items the site may not pass on are other outlets: "…материалы со ссылкой на
# агентство «Интерфакс-Украина» не подлежат…", "…информации, содержащей ссылку на агентства
# «Интерфакс-Украина», PHL и Reuters…"; "без ссылки на X" asks for the site's own name)
_OTHERS_LINKED = re.compile(r"(?:со\s+ссылкой|содерж\w*\s+ссылк\w*)\s+на\s+(?P<agency>агентств)?")
FORBIDS = re.compile(r"запрещ|воспреща|не подлеж|не допуска")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[А-ЯЁA-Z])")
RELAY_BEFORE = re.compile(r"(?:\b(?:сообща|переда|пиш|информир|цитиру)\w*|\bпо данным|\bссылкой на)\s+(?:\w+\s+)?$")
# (in a legal line "…только со ссылкой на nevnov.ru" asks for the site's own link)
_RELAYED_SITE = re.compile(r"\b(?:сообща|переда|пиш|информир|цитиру)\w*\s+(?:\w+\s+)?$")


# A company's legal form opening a © line's name ("© 2021 ООО «Медиа Заречье»"): the company owns the
# outlet and is named for it as often as not, so an unknown company's name is one candidate among the
# page's others: its signal ("company", not in SIGNAL_ORDER) is taken only where no other signal and no
# candidate names one (metadata.page_outlet).
_COMPANY_FORM = re.compile(r"\s*[«\"“]?(?:" + lexicons.legal_form_alternation() + r")\.?\s")


def company_copyright(raw: str, name: str) -> bool:
    """Whether a © line's `raw` name is a company's the outlet tables do not know (see _COMPANY_FORM)."""
    return bool(_COMPANY_FORM.match(raw)) and not known_outlet(name) and not legal_outlet(name)


def own_name(name: str) -> str | None:
    """The outlet's name in a legal line, its company's legal form and kind dropped; None
    for the legal sentence's own words."""
    name = clean_name(name)
    name = clean_name(name[LEGAL_FORM.match(name).end():])
    if len(name) < 2 or _LEGAL_WORDS.search(name) or name in lexicons.photo_agencies():
        return None
    return name


def _link_outlet(raw: str) -> str | None:
    """The outlet a "link to X is required" line names, in the nominative."""
    if raw.isascii() and DOMAIN.fullmatch(raw):
        return host_outlet(raw)
    name = clean_name(raw)
    nom = (nominative(name, "accs") if CYRILLIC_WORD.match(name) else None) or name
    known = known_outlet(nom) or known_outlet(name)
    if known or raw[0] in "«\"“":
        return known or own_name(nom)
    if CYRILLIC_SITE.fullmatch(name):  # "…при условии ссылки на Корреспондент.net"
        return name
    return nom if re.fullmatch(r"[A-ZА-ЯЁ]{2,}(?:[\s\-][A-ZА-ЯЁ]{2,})*|[A-Z][\w.\-]*", nom) else None


# (a company's legal form after the sign is a site's owner, not a photographer: "© ООО «Газета.Ру», 2021")
# (and the years a site has run: "© Фонтанка.ру, 2000—2021", "2021 © Тайга.инфо")
_OWN_COPYRIGHT = re.compile(r"^\s*(?:©|Copyright)\s*(?:(?:19|20)\d{2}|(?:" + lexicons.legal_form_alternation()
                            + r")\s)|[Вв]се права"
                            r"|©[^©\n]{2,50}?(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)\d{2}|^\s*(?:19|20)\d{2}\s*©"
                            # (a © line that is a name and the year: "©Newsler.ru, 2021", "© «Вечерний Бишкек», 2021")
                            r"|^\s*©[^©\n]{2,50}?,?\s+(?:19|20)\d{2}(?:\s*г\.?)?\s*$")
_SITE = re.compile(
    r"(?:[Сс]айт[аеуом]*|[Пп]ортал[аеуом]*|материал(?:ы|ов) с)\s+(?P<host>[A-Za-z][\w\-]*(?:\.[\w\-]+)*"
    r"\.(?:ru|ua|com|by|kz|net|org|info|eu|ee|lv|lt|md|kg|uz|рф))\b")
# The agency's signature opening an article in any of the shapes agencies use, a place, a day
# or a time before it and a full stop, a dash or the text after it: "МОСКВА, 9 июл ПРАЙМ. ",
# "КИЕВ. 9 июля. УНН. ", "БРЮССЕЛЬ. КАЗИНФОРМ - ", "МОСКВА, 8 ноября, ФедералПресс. ",
# ", 11:10 REGNUM Верховный суд…" (a page that lost its day), or the agency first: "ТАСС, 24
# ноября. ", "PanARMENIAN.Net - ".
_PLACE_RX = r"[А-ЯЁ][а-яё]+(?:[ \-][А-ЯЁа-яё][а-яё]+){0,2}"  # (a place in lower case needs a day after it)
_OPENING_NAME = r"(?P<name>[A-ZА-ЯЁ][\w\-]*(?:\.[A-Za-z]{2,4})?(?:\s[A-ZА-ЯЁ][\w\-]*){0,2})"
_OPENING_AGENCY = re.compile(
    rf"^[,\s]*(?:(?P<place>{PLACE_UP}|{_PLACE_RX})\s*[,.]\s*)?"
    rf"(?:(?P<date>\d{{1,2}}\s+[а-яёaceopxy]{{3,9}}\.?(?:\s+(?:19|20)\d\d)?)\s*[,.]?\s*)?"
    rf"(?:(?P<time>\d{{1,2}}:\d{{2}})\s*)?(?:[—–-]\s*)?{_OPENING_NAME}(?P<end>\s?\.\s|\s*[—–-]\s|\s(?=[А-ЯЁA-Z0-9«\"]))")
_NAME_FIRST = re.compile(
    rf"^{_OPENING_NAME}(?:,\s*\d{{1,2}}\s+[а-яё]{{3,9}}\.?(?:\s+(?:19|20)\d\d)?\s*[.,]\s|\s+[—–-]\s)")
# An unknown name counts only in capitals, as a site or with a capital inside the word, which no
# common word has, or capitals before a hyphen ("УНН", "REGNUM", "PanARMENIAN.Net", "ФедералПресс", "УРА-Информ").
AGENCY_LIKE = re.compile(r"[A-ZА-ЯЁ]{3,}|[A-Za-z][\w\-]*\.[A-Za-z]{2,4}|[A-ZА-ЯЁ][a-zа-яё]+[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]*"
                         r"|[A-ZА-ЯЁ]{2,}-[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]+")  # (and "УРА-Информ")


# The agency's signature in slashes or brackets after a place and a day: "МОСКВА, 12 января.
# /ТАСС/.", "ЕРЕВАН, 12 января. /АРКА/.", "МИНСК, 12 января (БЕЛТА) -", "/Корр. ТАСС Иван Петров/".
_BRACKETED_AGENCY = re.compile(
    rf"^[,\s]*(?:{PLACE_UP}|{_PLACE_RX})(?:\s*[,.]\s*\d{{1,2}}\s+[а-яёaceopxy]{{3,9}}\.?(?:\s+(?:19|20)\d\d)?)?"
    r"(?:\s*[,.]?\s*\d{1,2}:\d{2})?[\s,.]*[/(]\s*(?:[Кк]орр(?:\.|еспондент)\s*)?(?P<name>[^/()\n]{2,40}?)\s*[/)]")


@lru_cache(maxsize=4096)
def common_abbreviation(word: str) -> bool:
    """A word in capitals the dictionary knows as an abbreviation or a plural noun — a ministry, a
    body, the press at large ("МИД", "ООН", "СМИ"): no outlet's name where the tables lack it
    (outlets it spells, "РБК", "НТВ", are in the tables and read before)."""
    from ..nlp import morph

    return word.isupper() and any(p.is_known and ("Abbr" in p.tag or "Pltm" in p.tag) for p in morph().parse(word))


@lru_cache(maxsize=4096)
def _is_place(word: str) -> bool:
    """A word in capitals or not that names a place ("МОСКВА", "Брюссель"): a dateline's, not an agency."""
    from ..nlp import morph

    return any("Geox" in p.tag for p in morph().parse(word.lower()))


def opening_agency(text: str) -> str | None:
    """The outlet whose signature opens the article (see _OPENING_AGENCY, _BRACKETED_AGENCY):
    a known outlet, or a name in capitals or a site's, after a place, a day or a time (the
    agency first needs a day or a dash after it). A month's word or a place is no agency."""
    if "/" in text[:80] or "(" in text[:80]:
        m = _BRACKETED_AGENCY.match(text)
        if m:
            words = m.group("name").split()
            known = next((k for n in range(len(words), 0, -1) if (k := known_outlet(" ".join(words[:n])))), None)
            if known or (len(words) == 1 and AGENCY_LIKE.fullmatch(words[0]) and not _is_place(words[0])
                         and not common_abbreviation(words[0])):
                return known or words[0]
    m = _OPENING_AGENCY.match(text)
    spaced = False  # the name ends at a space, not at a full stop or a dash
    if m and m.group("place") and not m.group("place").isupper() and not m.group("date"):
        m = None
    if m and (m.group("place") or m.group("date") or m.group("time")):
        spaced = m.group("end").strip() == ""
        # ("МОСКВА, 9 июл Глава МИД…": after a day a text's subject follows, not an agency)
        if spaced and not m.group("time"):
            m = None
    else:
        m = _NAME_FIRST.match(text)
    if not m:
        return None
    words = m.group("name").split()
    for k in range(len(words), 0, -1):
        known = known_outlet(" ".join(words[:k]))
        if known:
            return known
    name = words[0]
    if DOMAIN.fullmatch(name):
        return host_outlet(name)
    # (after a time and a space only a Latin name: "10:15 США ввели…" is a live blog's entry)
    if not AGENCY_LIKE.fullmatch(name) or lexicons.month_number(name.lower()) or (spaced and not name.isascii()) \
            or _is_place(name) or common_abbreviation(name):
        return None
    return name


_AGENCY_DATELINE = re.compile(
    r"^[А-ЯЁA-Z][\w\-]+(?:[ \-][А-ЯЁA-Z][\w\-]+){0,2},\s*\d{1,2}\s+[а-яё]{3,9}\.?(?:\s+\d{4})?"
    r"(?:,\s*\d{1,2}:\d{2})?\s*[—–-]\s*(?P<agency>[A-ZА-ЯЁ][\w\-]*(?:\s[A-ZА-ЯЁ][\w\-]*)?)")


_MEDIA_WORD = re.compile(r"[\w\-]+(?:\.[\w\-]+)*")  # "Корреспондент.net." ends a sentence


@lru_cache(maxsize=4)
def _name_heads(media: frozenset[str]) -> frozenset[str]:
    """The first words of the names of two words or more."""
    return frozenset(n.split(" ")[0] for n in media if " " in n)


def media_in_line(s: str, media: frozenset[str]) -> list[str]:
    """Known outlet names in a line, longest first (looked up by runs of up to three words, a run
    of two or three only where a name of several words opens); a known name standing only inside a
    longer one names nothing (see part_of_longer_name)."""
    words = _MEDIA_WORD.findall(s)
    heads = _name_heads(media)
    found = set(words)
    for i, word in enumerate(words):
        if word in heads:
            found.update(" ".join(words[i:i + k]) for k in (2, 3) if i + k <= len(words))
    return sorted((n for n in found if n in media and _stands_alone(s, n)), key=len, reverse=True)


# (a mark opening a quotation touches the word after it, one closing it the word before)
_OPENING_QUOTE = re.compile(r'[«“"](?=\w)[^«»“”"]{0,40}$')
_CLOSING_QUOTE = re.compile(r'^[^«»“”"]{0,40}(?<=[\w.!?])[»”"]')
_WORD_BEFORE_NAME = re.compile(r"(?<![\w\-.])([A-ZА-ЯЁ][a-zа-яё][\w\-]*) $")
# What a name's first word is not: a verb or a word of speech ("Читайте РБК", "Смотрите НТВ")
_NOT_NAME_POS = frozenset({"VERB", "INFN", "ADVB", "PRCL", "CONJ", "PREP", "NPRO", "PRED", "INTJ", "GRND"})


def _stands_alone(s: str, name: str) -> bool:
    at = s.find(name)
    while at >= 0:
        if not part_of_longer_name(s, at, at + len(name)):
            return True
        at = s.find(name, at + len(name))
    return False


def part_of_longer_name(s: str, start: int, end: int) -> bool:
    """Whether the known name at s[start:end] is only part of a longer name, another outlet's or
    one the tables lack ("Сегодня" in "© Заречье Сегодня", "Наименование СМИ: «Заречье Сегодня»",
    "«Деловые Ведомости»"): quotation marks around more than the name and its kind ("«Телекомпания
    НТВ»" is НТВ), or a capitalised word of its script before it that is no kind of outlet ("Газета
    Известия", "Редакция Gazeta.ua"), no verb ("Читайте РБК") and no article ("The Wall Street
    Journal"). A site's name ("Lenta.ru") is whole."""
    before, after = s[max(0, start - 41):start], s[end:end + 41]
    if before[-1:] in ("«", "“", '"') and after[:1] in ("»", "”", '"'):
        return False  # (its own quotation marks, inside others or not: «Проект "Сноб" — Общество»)
    opened = _OPENING_QUOTE.search(before)
    if opened and _CLOSING_QUOTE.match(after) and not LEGAL_FORM.fullmatch(opened.group(0)[1:]):
        return True
    if "." in s[start:end]:
        return False
    m = _WORD_BEFORE_NAME.search(before)
    return bool(m) and m.group(1) != "The" and m.group(1).isascii() == s[start].isascii() \
        and not LEGAL_FORM.fullmatch(m.group(0)) and _name_word(m.group(1))


@lru_cache(maxsize=4096)
def _name_word(word: str) -> bool:
    """A capitalised word that can open a name going on into a known one: neither a kind of
    outlet ("Газета", "Телеканал", media_nouns.txt) or its owner ("Группа", "Редакция",
    outlet_owner_nouns.txt) nor a verb or an adverb."""
    from ..nlp import morph

    p = morph().parse(word.lower())[0]
    return p.normal_form not in lexicons.media_nouns() and p.normal_form not in lexicons.outlet_owner_nouns() \
        and p.tag.POS not in _NOT_NAME_POS


_PARTS = re.compile(r"\s*[|/•·]\s*|\s+[-–—›»>→]\s+|,\s+")  # (and a breadcrumb's arrows: "РБК › Общество")
MAIL_HOST = re.compile(r"[\w.\-]+@([\w\-]+(?:\.[\w\-]+)+)")
_CHANNEL = re.compile(r"(?:на|в)\s+(?:нашем\s+|наш\s+)?(?:[Tt]elegram-|YouTube-|[Тт]елеграм-)?канал[еа]?\s+(?P<rest>.{2,60})")
_SOURCE_LINE = re.compile(r"^(?:Источник|Source|Первоисточник)\s*:\s*(?P<name>.{2,80}?)\s*$")
# Furniture near the headline that can carry the site's name: "Вести - Ynet |", the page
# title "Headline — РИА Новости".
_COPYRIGHT_MARKS = ("©", "(c)", "(C)", "(с)", "(С)", "Copyright")
_SITE_WORDS = ("айт", "ортал", "атериал")
_FOLLOW_WORDS = ("итайте", "одписывайтесь", "одпишитесь", "ледите", "едакци")
_HEADER_KINDS = frozenset({"header", "before_article", "byline", "rubric", "title_repeat", "date", "source"})
MAX_NAME_LINE = 80


def follow_us(s: str) -> re.Match | None:
    """_FOLLOW_US.search(s), tried only where a match can open: one letter before one of
    _FOLLOW_WORDS (its first letters, "[Чч]итайте", are common ones, so `re` stopped at most
    letters of a long legal line)."""
    return next(finditer_at(_FOLLOW_US, s, [at - 1 for at in positions(s, _FOLLOW_WORDS) if at]), None)


def _known(name: str, media: frozenset[str]) -> str | None:
    name = clean_name(name)
    return name if name in media and name not in AMBIGUOUS_OUTLET_NAMES else None


def _named_part(s: str, media: frozenset[str]) -> str | None:
    """A known outlet standing as one part of a short line split at separators."""
    if len(s) > MAX_NAME_LINE:
        return None
    for part in _PARTS.split(s.strip()):
        name = _known(part, media)
        if name:
            return name
    return None


def _title_outlet(s: str) -> str | None:
    """The site's name glued to a headline: "Headline — РИА Новости", "Газета.Ru: Headline"."""
    s = " ".join(s.split()).rstrip(" |")
    for name in media_in(s):
        if name in AMBIGUOUS_OUTLET_NAMES:
            continue
        # A name opening the line counts only before a separator ("Sputnik V – в России…" is
        # a vaccine's headline).
        if s.endswith(name) or (s.startswith(name) and MEDIA_PREFIX_TAIL.match(s[len(name):])):
            return alias_targets().get(name, name)  # (another spelling as the table writes it)
    for sep in TITLE_SEPS + (" // ",):
        head, _, tail = s.rpartition(sep)
        tail = tail.strip(" |")
        if not head or len(tail) > 40:
            continue
        # a known name in any case or spelling, with its site's ".Ru" or without
        # ("| Аргументы и Факты", "// НТВ.Ru"), or a site ("Европейская комиссия - dv.ee")
        known = known_outlet(tail) or known_outlet(_SITE_SUFFIX.sub("", tail))
        if known:
            return known
        if DOMAIN.fullmatch(tail):
            return outlet_from_url("https://" + tail.lower() + "/x")
    return None


_SITE_SUFFIX = re.compile(r"\.(?:ru|ру|ua|by|kz|com|net)$", re.I)


# A tail that reads as a name, not a rubric: Latin letters, digits or a dot ("NN.RU", "E1"),
# a word in capitals ("ВОЙНА и МИР"), two capitalised words, apart or hyphened ("Новая Европа",
# "Пенза-Пресс"); a single Cyrillic word ("Политика", "Главное") is a rubric's as often as a site's.
NAMELIKE = re.compile(r"[A-Za-z0-9.]|\b[А-ЯЁ]{2,}\b|^[А-ЯЁ]\w*(?:\s+|-)[А-ЯЁ]")
MAX_TAIL_WORDS = 4


TAIL_SEPS = (" | ", " — ", " – ", " - ", " :: ", " · ")


@lru_cache(maxsize=2048)
def _person(name: str) -> bool:
    """A first name and a surname ("Иван Петров"): an author's or a photographer's, no site's."""
    from ..nlp import morph

    words = name.split()
    return len(words) >= 2 and any("Name" in p.tag for p in morph().parse(words[0])) \
        and any("Surn" in p.tag for p in morph().parse(words[-1]))


def template_name(name: str, quoted: bool = False) -> bool:
    """Whether a name a site's template repeats (a title's tail, a logo, a bare ©) reads as the site's: quoted,
    or with Latin letters, digits, a dot or capitals in it, or two capitalised words at least (NAMELIKE);
    a rubric ("Политика", "Новости Москвы"), a topic ("COVID-19") or a person ("Иван Петров") is none."""
    rubrics = lexicons.word_set("rubric_words")
    if not name or name.lower() in rubrics or name.split()[0].lower() in rubrics or name in lexicons.word_set("not_brands"):
        return False
    return (quoted or bool(NAMELIKE.search(name))) and not _person(name)


@lru_cache(maxsize=2048)
def kind_marked_name(name: str) -> bool:
    """Whether a name where the line itself says it is an outlet's — after its kind ("Информационное
    агентство Росбалт"), before its self-description ("Фонтанка — городской портал"), after the title's
    rubric field ("… | Мир | Вести") — is the site's: one template_name takes, or a single capitalised word
    that is no place, personal name, rubric or topic ("Москва", "Туск", "Политика", "COVID" are none), or
    an adjective and a kind of outlet ("Новая газета", "Российская газета")."""
    from ..nlp import morph

    if template_name(name):
        return True
    rubrics = lexicons.word_set("rubric_words")
    if re.fullmatch(r"[А-ЯЁ][а-яё]{2,}", name):
        return name.lower() not in rubrics and name not in lexicons.word_set("not_brands") \
            and not _is_place(name) and not _personal_name(name)
    words = name.split()
    return len(words) == 2 and bool(re.fullmatch(r"[А-ЯЁ][а-яё]+", words[0])) and words[1] in lexicons.media_nouns() \
        and any("ADJF" in p.tag for p in morph().parse(words[0].lower()))


# Where a site's name repeats: a logo's text (the name and little else) or a legal line (a tag
# or a rubric line repeating a headline's tail, "COVID-19", is neither).
MAX_TAIL_SLACK = 12
_LEGALISH = re.compile(r"©|[Вв]се права|издание|[Сс]видетельство|@|[Рр]едакци")


def site_tail(title: str, lines: list[Line], page: str) -> tuple[str, str] | None:
    """(headline, tail) when a title ends with a separator and a short tail that the page
    shows again in its furniture: "Headline | Наш сайт" with "Наш сайт" in the footer is the
    site's name (or its section's) glued to the headline, whatever the site. `page`: the
    page's whole text (where the tail must stand twice at least before lines are read)."""
    title = " ".join(title.split())
    for sep in TAIL_SEPS:
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        tail = tail.strip(" |")
        if not tail or len(tail) > 40 or not (tail[0].isupper() or tail[0].isdigit()) \
                or len(tail.split()) > MAX_TAIL_WORDS or len(head.split()) < 3 or page.count(tail) < 2:
            continue
        if any(ln.label == "boilerplate" and ln.kind != "title_repeat" and tail in ln.text
               and (len(ln.text.strip()) <= len(tail) + MAX_TAIL_SLACK or _LEGALISH.search(ln.text)) for ln in lines):
            return head.rstrip(" |"), tail
    return None


# A related article's credit: its source under its headline below the article ("Минздрав назвал сроки
# вакцинации" / "РБК", "РИА Новости, 12.11.2020", as partner widgets and "Читайте также" lists show it),
# or after it in brackets ("Минздрав назвал сроки вакцинации (РБК)"): another outlet, not the site's.
_HEADLINE_LIKE = re.compile(r"[«\"A-ZА-ЯЁ0-9][^\n]{15,160}(?<![.!?:;…,])")
_HEADLINE_THEN_SOURCE = re.compile(r"[«\"A-ZА-ЯЁ0-9][^\s()]*(?:\s+[^\s()]+){3,30}\s+\([A-ZА-ЯЁ«\"][^()]{1,40}\)")  # (not "(18+)")
MAX_TEASER_LINE = 200
TEASER_LOOKBACK = 4  # lines looked back over (empty ones between) for the teaser's headline


def teaser_credit(lines: list[Line], i: int) -> bool:
    """Whether lines[i], below the article, credits a teaser's source: it closes a headline with the
    source in brackets, or it is a short line right under a headline-like furniture line (four words
    at least, no sentence's end). A © or legal line is the site's own wherever it stands."""
    if lines[i].kind in ("legal", "masthead"):
        return False  # (the cleaner's legal patterns and the site's own lines, citata.clean.block.site_line)
    s = lines[i].text.strip()
    bracketed = s.endswith(")")
    if len(s) > (MAX_TEASER_LINE if bracketed else MAX_LOGO_LINE) or any(map(s.__contains__, _COPYRIGHT_MARKS)) \
            or "права" in s or "@" in s:
        return False  # (the site's own © or legal line may follow the last teaser)
    if bracketed and _HEADLINE_THEN_SOURCE.fullmatch(s):
        return True
    if len(s) > MAX_LOGO_LINE:
        return False
    for ln in reversed(lines[max(0, i - TEASER_LOOKBACK):i]):
        if ln.label == "empty":
            continue
        above = ln.text.strip()
        return ln.label == "boilerplate" and len(above.split()) >= 4 and bool(_HEADLINE_LIKE.fullmatch(above))
    return False


# (the signals read first, then, only where those find nothing, the shapes added later: a
# name before the years, the link a legal line asks for, a bare masthead, the title's tail
# the furniture repeats, a logo's text. The site's registration, editor and founder lines come
# before a short line by the headline naming an outlet (often "Источник: X"), a "Источник:" line
# and an agency's signature, which name the outlet a page relays; its mail, self-description,
# channel line, footer menu, Cyrillic site-name and forum title after every older signal, and
# the brand lines and the title's brand tail after those: they accept names nobody listed)
SIGNAL_ORDER = ("masthead", "copyright", "site", "legal", "title", "follow", "registered", "editor", "founder",
                "byline", "author", "source", "dateline", "rights", "link", "masthead_bare", "tail", "logo", "opening", "promo",
                "self", "email", "social", "menu", "site_name", "forum", "brand", "title_brand")
MAX_LOGO_LINE = 40
MAX_TITLE_CHARS = 250
# "Научный форум dxdy", "Форум Woman.ru", "Медицинский портал MedPortal": a name in Latin letters.
_FORUM = re.compile(r"(?:[А-ЯЁ][а-яё]+\s+)?(?:[Фф]орум|[Пп]ортал)\s+[A-Za-z][\w.\-]*")
# A Cyrillic site's name ("Тайга.инфо"), whole (a line of its own, or found inside a line).
# (a Cyrillic name with a Latin ending too: "Корреспондент.net", "Газета.Ru")
CYRILLIC_SITE = re.compile(rf"(?<![\w.])[А-ЯЁ][А-ЯЁа-яё0-9\-]+\.(?i:{SITE_ENDINGS})(?!\w|\.\w)")


_AUTHOR_SITE = re.compile(r"Автор\w*\s*:\s*(?:https?://)?(?:www\.)?([A-Za-z][\w\-]*\.(?:ru|ua|by|kz|com|net|org|info|su|md))(?![\w\-/])")
_TITLE_FIELDS = re.compile(r"\s+[/|]\s+")


def _title_copyright(title: str) -> str | None:
    """The site's © standing as one field of a page title whose fields a slash or a bar parts
    ("Headline / 20.12.16 / Москва / © РИА Новый День / Декабрь 2016")."""
    for part in _TITLE_FIELDS.split(title)[1:]:
        if part.lstrip().startswith("©"):
            m = _COPYRIGHT.search(part)
            name = own_name(m.group("name")) if m else None
            if name and len(name.split()) <= 4:
                return known_outlet(name) or legal_outlet(name) or name
    return None


@lru_cache(maxsize=4)
def _last_words(names: frozenset[str]) -> frozenset[str]:
    """The last word of each name ("Новости" of "РИА Новости"): an agency a dateline may shorten."""
    return frozenset(n.split()[-1] for n in names)


def outlet_signals(cleaned: Cleaned, first: int = 0) -> dict[str, str]:
    """Each kind of signal -> the outlet it names (the first line showing it). The outlet a
    page names for itself, in its furniture: masthead or legal lines ("Сетевое
    издание «КарелИнформ»", "© 2021 РИА Новости", "…на сайте nevnov.ru", the editors' e-mail
    at a known site), the page title's suffix ("… — РИА Новости"), a "follow us" line, a
    known outlet standing in a short line by the headline ("Вести - Ynet |"), a "Источник:"
    line, or the agency of the dateline opening the article ("МОСКВА, 25 янв - РИА
    Новости."). The article's own paragraphs name other outlets (sources, competitors), so
    they are read only as the last resort (outlet_told, in outlet_from_page)."""
    media = outlet_names()
    found: dict[str, str] = {}
    page = None  # (the page's text, joined only for a title with a site tail)
    article = next((ln.start for ln in cleaned.lines if ln.label == "body"), None)
    below = max((ln.start for ln in cleaned.lines if ln.label == "body"), default=None)  # the article's last line
    for i, ln in enumerate(cleaned.lines[first:], first):
        if "forum" not in found and len(ln.text) <= MAX_LOGO_LINE and ln.label in ("title", "boilerplate") \
                and ("орум" in ln.text or "ортал" in ln.text):
            m = _FORUM.fullmatch(ln.text.strip())  # a forum's or a portal's name as its page title
            if m:
                found["forum"] = m.group(0)
        if ln.label == "title":
            name = _title_outlet(ln.text)
            if name:
                found.setdefault("title", name)
                continue
            if "tail" not in found:
                page = page or "\n".join([x.text for x in cleaned.lines])
                tail = site_tail(ln.text, cleaned.lines, page)
                if tail and template_name(tail[1]):
                    found["tail"] = tail[1]
            if "copyright" not in found and "©" in ln.text and len(ln.text) <= MAX_TITLE_CHARS:
                name = _title_copyright(ln.text)
                if name:
                    found["copyright"] = name
            if "title_brand" not in found and any(sep in ln.text for sep in (*_BRAND_SEPS, " — ", " – ", " - ")):
                name = title_brand(ln.text)
                if name:
                    found["title_brand"] = name
            continue
        if ln.label != "boilerplate" or (below is not None and ln.start > below and teaser_credit(cleaned.lines, i)):
            continue  # (a related article's source under its headline names another outlet)
        s = ln.text
        # A photo's credit names its agency; a site's own © line carries a year or its rights.
        if ln.kind in ("credit", "caption") and not _OWN_COPYRIGHT.search(s):
            continue
        # Teasers, galleries, comments name other sites and outlets; only a site's own
        # notice in them ("Администрация сайта Woman.ru…") names it.
        foreign = ln.kind in _FOREIGN_NAME_KINDS and ln.kind not in ("credit", "caption")  # (© lines passed above)
        if foreign and ln.kind in ("comment", "comments") and (
                any(map(s.__contains__, _COPYRIGHT_MARKS)) or "се права защищены" in s
                or (article is not None and ln.start < article)):
            # (a footer the cleaner put under the comments: no reader writes ©; and comments
            # follow the article, so a "comment" above its first line is the page's header)
            foreign = False
        quoted = "«" in s or '"' in s or "“" in s  # (each regex below needs its words: cheap checks first)
        if "masthead" not in found and not foreign and (quoted or "атериал" in s):
            m = (quoted and _NAME_THEN_KIND.search(s)) or ("атериал" in s and _MATERIALS_OF.search(s))
            if m:
                found["masthead"] = clean_name(next(g for g in m.groups() if g))
            elif quoted:
                m = _MASTHEAD.search(s)
                # The founder named in a legal line owns the outlet; it is not its name.
                if m and "чредител" not in s[max(0, m.start() - 120):m.start()]:
                    found["masthead"] = clean_name(m.group(1))
        if "masthead_bare" not in found and not foreign and "здание" in s:
            m = _MASTHEAD_BARE.search(s)  # "Сетевое издание Газета.Ru", "СМИ сетевое издание RT"
            if m and "чредител" not in s[max(0, m.start() - 120):m.start()]:
                found["masthead_bare"] = known_outlet(m.group(1)) or m.group(1)
        if "masthead_bare" not in found and not foreign and len(s) <= MAX_NAME_LINE:
            m = _MASTHEAD_LINE.fullmatch(s.strip())
            if m and kind_marked_name(m.group("name")):
                found["masthead_bare"] = known_outlet(m.group("name")) or m.group("name")
        if "copyright" not in found and not foreign and any(map(s.__contains__, _COPYRIGHT_MARKS)):
            m = _COPYRIGHT_QUOTED.search(s)
            pre = m.group("pre").strip() if m else ""
            name = own_name(m.group("name")) if m and (not pre or LEGAL_FORM.fullmatch(pre + " ")) else None
            raw = pre + " "
            if name is None:
                m = _COPYRIGHT.search(s)
                name = own_name(m.group("name")) if m else None
                raw = m.group("name") if m else ""
            if name and company_copyright(raw, name):
                found.setdefault("company", name)  # (trusted below the page's other names: see _COMPANY_FORM)
            elif name:
                # (a company's legal name stands for its outlet: "© ООО «БизнесПресс»" is РБК's)
                found["copyright"] = name if known_outlet(name) else legal_outlet(name) or name
        if "rights" not in found and not foreign and ("©" in s or "се права" in s):
            m = _RIGHTS_AFTER_NAME.match(s)
            name = own_name(m.group("name") or m.group("name2")) if m else None
            if name:
                found["rights"] = known_outlet(name) or name
        if "link" not in found and not foreign and "сылк" in s and _REQUIRED.search(s):
            m = _LINK_TO.search(s)
            name = _link_outlet(m.group("name")) if m else None
            if name:
                found["link"] = name
        if "site" not in found:
            m = any(map(s.__contains__, _SITE_WORDS)) and _SITE.search(s)  # "…на сайте nevnov.ru", "сайта Woman.ru"
            if m:
                found["site"] = host_outlet(m.group("host"))
            elif not foreign and "." in s:
                # ("Об этом информирует avianews.com": a relayed site is another's)
                hosts = {m.group(1).lower() for m in domain_tokens(s)
                         if not _RELAYED_SITE.search(s, max(0, m.start() - 30), m.start())}
                if len(hosts) == 1:  # a line listing several sites is links, not the page's own
                    found["site"] = host_outlet(hosts.pop())
        if "legal" not in found and ln.kind in ("legal", "footer"):
            # (an agency the line forbids to reprint is another outlet: "…информацию со
            # ссылкой на агентство «Интерфакс-Украина» … запрещено")
            allowed = " ".join(x[:m.start()] if (m := _OTHERS_LINKED.search(x)) and (m.group("agency") or FORBIDS.search(x))
                               else x for x in _SENTENCE_END.split(s))
            named = [n for n in media_in_line(allowed, media) if n not in AMBIGUOUS_OUTLET_NAMES]
            if named:
                found["legal"] = named[0]
            else:
                m = MAIL_HOST.search(s)
                host = m.group(1).lower() if m else ""
                if host and outlet_from_url("https://" + host + "/x") in outlet_names():
                    found["legal"] = host_outlet(host)
        if "follow" not in found and not foreign:
            m = follow_us(s)
            if m and clean_name(m.group("name")).split()[0] not in lexicons.word_set("not_outlet_names"):
                found["follow"] = clean_name(m.group("name"))
            else:
                m = "канал" in s and _CHANNEL.search(s)
                # the channel's own name opens what follows ("на канале УНИАН ИноСМИ")
                named = [n for n in media_in_line(m.group("rest"), media) if m.group("rest").startswith(n)] if m else []
                if named:
                    found["follow"] = named[0]
        if "author" not in found and s.startswith("Автор"):
            m = _AUTHOR_SITE.match(s)  # the site signing its own piece: "Автор: krasnews.com."
            if m and m.group(1).lower() not in lexicons.word_set("platform_hosts"):
                found["author"] = host_outlet(m.group(1))
            elif not foreign and len(s) <= MAX_NAME_LINE:
                from .told import author_staff  # (told reads this module's shapes: imported when used)

                name = author_staff(s)  # the author as the site's staff: "Автор: Иван Петров, обозреватель DW"
                if name:
                    found["author"] = name
        if "byline" not in found and ln.kind in _HEADER_KINDS:
            name = _named_part(s, media) or (_title_outlet(s) if len(s) <= MAX_TITLE_CHARS else None)
            if name:
                found["byline"] = name
        elif "logo" not in found and not foreign and len(s) <= MAX_LOGO_LINE and ln.kind not in ("credit", "caption"):
            name = known_outlet(s.strip(" |©.•"))  # the site's name alone on a line: a logo's text
            if name:
                found["logo"] = name
        # (a footer under a comment section is often read as part of it: the legal shapes are
        # no reader's, and a mail counts there only where the site invites it)
        if not foreign or ln.kind in ("comment", "comments"):
            _legal_signals(s, media, found, among_comments=foreign)
        if "site_name" not in found and "." in s and not foreign and len(s) <= MAX_LOGO_LINE \
                and CYRILLIC_SITE.fullmatch(s.strip()):
            found["site_name"] = s.strip()  # a masthead spelt as a site in Cyrillic: "Сибновости.ру"
        if "menu" not in found and ln.kind in ("footer", "legal", "after_article") and len(s) <= MAX_NAME_LINE:
            # the site's name as one item of a footer's menu ("О проекте | Реклама | Фонтанка.ру")
            parts = _PARTS.split(s.strip())
            named = {k for part in parts if (k := _known(part, media))}
            # (a menu shows no date: "РИА Новости, 12.11.2020" is a teaser's credit)
            if len(named) == 1 and not any(find_date(part) or _CLOCK.fullmatch(part) for part in parts):
                found["menu"] = known_outlet(named.pop()) or ""
        if "brand" not in found and (not foreign or ln.kind in ("comment", "comments")) and len(s) <= MAX_NAME_LINE:
            # "Реклама на RTVI", "Приложение РБК для iOS", "Все новости Тайга.инфо" (no reader writes
            # the first two: a footer under the comments is read for them, not for a rubric's label)
            name = brand_line(s, rubrics=not foreign)
            if name:
                found["brand"] = name
        if "promo" not in found and ln.kind == "subscription":
            # a promo naming one known outlet names the site's own ("Подпишитесь на журнал НВ",
            # "…рассылку … от ПРАЙМ", "в нашем телеграм-канале «Проект "Сноб" — Общество»")
            named = {n for n in media_in_line(s, media) if n not in AMBIGUOUS_OUTLET_NAMES and n not in lexicons.word_set("not_outlet_names")}
            if len(named) == 1:
                found["promo"] = named.pop()
        if "source" not in found and ln.kind == "source":
            m = _SOURCE_LINE.match(s.strip())
            if m:
                name = _known(m.group("name"), media)
                hosts = DOMAIN_TOKEN.findall(m.group("name"))
                found["source"] = name or (host_outlet(hosts[0]) if hosts else "")
    body = cleaned.text[:300]
    m = _AGENCY_DATELINE.match(body)
    agency = m.group("agency") if m else ""
    for name in (agency, agency.split()[0] if agency else ""):
        if name and (name in media or name in _last_words(media)):
            found["dateline"] = name
            break
    if "dateline" not in found:
        for rx in DATELINES[:3]:
            m = rx.match(body)
            if m and m.group("agency").strip() in media:
                found["dateline"] = m.group("agency").strip()
                break
    if "dateline" not in found:
        name = opening_agency(body)
        if name:
            found["opening"] = name
    return found


# The outlet's name in its registration line, in the shapes the Roskomnadzor notice takes:
# "СМИ «X» зарегистрировано…", "Наименование СМИ: «X»", "Сетевое издание «X» (18+)
# зарегистрировано…", "…выдано … сетевому изданию «X»".
_REGISTERED = re.compile(
    r"(?:\bСМИ|[Сс]редств\w* массовой информации|[Нн]аименование(?:\s+СМИ)?\s*:|[Сс]етев\w+ издани\w+"
    r"|[Ии]нтернет-издани\w+|[Ээ]лектронн\w+ периодическ\w+ издани\w+)\s*[«\"“](?P<name>[^»\"”]{2,40})[»\"”]"
    r"|[«\"“](?P<name2>[^»\"”]{2,40})[»\"”]\s*(?:\(\d{1,2}\+\)\s*)?зарегистрирован")
# "Сетевое издание Фонтанка.ру зарегистрировано…", "СМИ «…» / Свидетельство…": a known name
# right after the outlet's kind, without quotation marks.
_KIND_THEN_NAME = re.compile(r"(?:[Сс]етев\w+ издани\w+|\bСМИ|[Ии]нтернет-издани\w+)\s+(?P<rest>[A-ZА-ЯЁ0-9].{1,50})")
# "Главный редактор сетевого издания «X»", "Главный редактор «X» — …"
_EDITOR_OF = re.compile(
    r"[Гг]лавн\w+ редактор\w*\s+(?:(?:сетевого издания|интернет-издания|издания|газеты|журнала|сайта|портала"
    r"|агентства|информационного агентства|телеканала|радиостанции)\s+)?[«\"“](?P<name>[^»\"”]{2,40})[»\"”]")
# Who founds or publishes the outlet: "Учредитель: ООО «X»", "Издатель — АО «X»", "Владелец сайта:
# АНО «X»"; a company's name in quotation marks after its legal form.
_FOUNDER_WORDS = ("чредител", "здател", "ладелец")
_COMPANY = re.compile(
    r"(?:\b(?:" + lexicons.legal_form_alternation() + r")|[Ии]здательский дом)\s*"
    r"[«\"“](?:[^«»\"“”\n]{0,40}[«\"“])?[^«»\"“”\n]{2,60}[»\"”]+")
# "X в Telegram", "Фонтанка в соцсетях", "Читайте X в Дзене": a known outlet beside a platform.
_SOCIAL = re.compile(
    r"^(?:(?:Читайте|Подписывайтесь на|Подпишитесь на|Следите за)\s+)?(?P<name>.{2,40}?)\s+(?:в|во)\s+"
    r"(?:Telegram|Телеграм\w*|Яндекс[.\s]?Дзен\w*|Дзен\w*|ВКонтакте|соцсетях|социальных сетях|Twitter|Facebook"
    r"|Одноклассниках|Viber|YouTube|TikTok|Instagram)\b")


_NEWSROOM_MAIL = re.compile(r"(?i)редакци|реклам|пишите нам|напишите нам|с нами|наш\w* почт|для связи|новост")
_INVITES_MAIL = re.compile(r"(?i)нам\b|редакци|реклам|пишите|e-?mail|почт|контакт|связь")


# The site describing itself: "Фонтанка.ру — городской портал Санкт-Петербурга", "«Вести Края» —
# сетевое издание…"; a known name, a quoted one or a site's.
_SELF_DESCRIBED = re.compile(
    r"(?P<name>[«\"“][^»\"”]{2,30}[»\"”]|[A-ZА-ЯЁ0-9][\w.\-]*(?:\s[A-ZА-ЯЁ0-9][\w.\-]*){0,2})\s*[—–-]\s*"
    r"(?:это\s+)?(?:[\w\-]+\s+){0,3}(?:интернет-портал|портал|сетевое издание|интернет-издание|издание|газета"
    r"|информационное агентство|агентство|сайт|телеканал|радиостанция|журнал|медиа)\b", re.I)


def _legal_signals(s: str, media: frozenset[str], found: dict[str, str], among_comments: bool) -> None:
    """The outlet named by a furniture line's legal shapes (see _REGISTERED, _EDITOR_OF,
    _COMPANY, the site's mail, _SELF_DESCRIBED, _SOCIAL) into `found`. A founder or
    a publisher names the outlet only through the outlet table's legal names: a company is not
    its outlet's name."""
    if "registered" not in found and ("СМИ" in s or "здани" in s or "регистрир" in s or "ассовой информации" in s):
        m = _REGISTERED.search(s)
        name = clean_name(m.group("name") or m.group("name2")) if m else None
        if name and not _LEGAL_WORDS.search(name):
            found["registered"] = known_outlet(name) or canonical_outlet(name) or name
        elif (m := _KIND_THEN_NAME.search(s)):
            named = [n for n in media_in_line(m.group("rest"), media) if m.group("rest").startswith(n)]
            if named:
                found["registered"] = named[0]
    if "editor" not in found and "едактор" in s:
        m = _EDITOR_OF.search(s)
        if m and not _LEGAL_WORDS.search(m.group("name")):
            found["editor"] = known_outlet(m.group("name")) or clean_name(m.group("name"))
    if "founder" not in found and any(map(s.__contains__, _FOUNDER_WORDS)):
        for m in _COMPANY.finditer(s):
            name = legal_outlet(m.group(0))
            if name:
                found["founder"] = name
                break
    if "email" not in found and "@" in s and (not among_comments or _INVITES_MAIL.search(s)):
        hosts = {h.lower() for h in MAIL_HOST.findall(s)} - lexicons.word_set("mail_hosts")
        if len(hosts) == 1:
            host = hosts.pop()
            name = host_outlet(host)
            # (an unknown site's mail is the site's only where its newsroom invites it: a hotline's
            # or an office's address in the furniture is another's)
            if name != host or _NEWSROOM_MAIL.search(s):
                found["email"] = name
    if "self" not in found and ("—" in s or "–" in s or " - " in s) and len(s) <= MAX_NAME_LINE:
        m = _SELF_DESCRIBED.match(s.strip())
        name = clean_name(m.group("name")) if m else ""
        known = known_outlet(name) if name else None
        # (an unknown name unquoted too, where it reads as a site's: "Заречье Сегодня — городской портал")
        if known or (name and (m.group("name")[0] in "«\"“" or DOMAIN.fullmatch(name) or kind_marked_name(name))):
            found["self"] = known or (host_outlet(name) if DOMAIN.fullmatch(name) else name)
    if "social" not in found and len(s) <= MAX_NAME_LINE and "в" in s:
        m = _SOCIAL.match(s.strip())
        name = known_outlet(m.group("name")) if m else None
        if name and name not in lexicons.word_set("not_outlet_names"):
            found["social"] = name


# Places a site shows its own name that the signals above do not read: a menu's or a footer's
# item built on the name ("Все новости Тайга.инфо", "Реклама на RTVI", "О проекте «Фонтанка»"),
# the name beside an app or a platform ("Приложение РБК для iOS", "RTVI в соцсетях"), a title's
# brand tail after a separator headlines do not use ("… :: Вечерний Бишкек", "… | RTVI").
# Platforms and aggregators a site asks readers to follow it on ("Читайте «X» в Google Новостях",
# "Добавьте «X» в избранные источники Яндекс.Новостей", "X в VK").
PLATFORMS = (r"соцсетях|социальных сетях|Telegram|Телеграм\w*|Яндекс[.\s]?Дзен\w*|Дзен\w*|Яндекс[.\s]?Новост\w*"
             r"|Google\s?(?:News|Новост\w*)|Новост\w+ Google|Пульс\w*|ВКонтакте|VK|ВК|Одноклассник\w*|OK|YouTube|RuTube"
             r"|TikTok|Twitter|Facebook|Viber|Instagram|Apple News|App Store|Google Play")
# (a news aggregator lists outlets only; a messenger's channel is often named for its topic)
_AGGREGATOR = re.compile(r"(?i)яндекс|google|дзен|пульс")
# Nouns after which the name is the site's own whatever its shape (its newsroom, its ads, its app)
_OWN_BRAND = re.compile(
    r"^(?:(?:Скачайте|Скачать|Установите|Наше|Мобильное|Официальное)\s+)?(?:мобильное\s+)?приложение\s+(?P<a>.{2,40}?)"
    r"(?:\s+(?:для|на|в)\s+\w.*)?$"
    r"|^(?:Редакция|Контакты|Вакансии|Реклама на(?:\s+сайте)?|Реклама в|Рекламодателям|О проекте|О сайте|Об издании"
    r"|Логотип|Лого|Logo"  # (a logo's alt text the scraper kept: "Логотип RTVI")
    r"|Правила(?: сайта)?|Команда|Архив|Подписка на)\s*[:—–-]?\s+(?P<b>.{2,40}?)$"
    r"|^(?:(?:Подписывайтесь|Подпишитесь)\s+на\s+)?наш\w*\s+(?:Telegram-|[Тт]елеграм-|YouTube-|[Яя]ндекс\.?[Дд]зен-)?канал\w*"
    r"\s+(?P<d>[«\"“][^»\"”]{2,40}[»\"”])(?:\s+(?:в|на)\s+\w+)?$"
    # the site's tagline: "Newsler — главные новости дня", "Тайга.инфо - новости Сибири"
    r"|^(?P<e>.{2,40}?)\s+[—–-]\s+(?:(?:последние|главные|свежие|актуальные|оперативные|все|самые)\s+)?(?:новости|события)\b.{0,40}$"
    r"|^(?:(?P<verb>Читайте|Подписывайтесь на|Подпишитесь на|Следите за|Добавьте|Добавить)\s+)?(?P<c>.{2,40}?)\s+(?:в|во|на)\s+"
    rf"(?:(?:избранн\w+|свои)\s+(?:источник\w*\s+)?|источник\w*\s+)?(?P<platform>{PLATFORMS})$",
    re.I)
# A rubric's or a list's label with the name: "Новости Тайга.инфо", "Все материалы RTVI" — a
# rubric names its topic as often ("Новости Pfizer", "Новости Москвы"), so only a name the outlet
# table knows or a site's counts.
RUBRIC_BRAND = re.compile(
    r"^(?:(?:Все|Последние|Главные|Свежие|Лучшие|Популярные)\s+)?(?:новости|материалы|статьи|публикации|видео"
    r"|спецпроекты|проекты|подкасты|колонки|мнения|блоги)\s+(?P<name>.{2,40}?)$", re.I)
_BRAND_SEPS = (" | ", " :: ", " // ", " ‹ ", " « ")
_CAPS_BRAND = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ0-9\-]{1,9}(?:\s\d{1,3})?")
_LATIN_BRAND = re.compile(r"[A-Z][\w.\-&']*(?:\s[A-Z0-9][\w.\-&']*){0,2}")


def brand_name(raw: str, loose: bool = True) -> str | None:
    """The outlet a name standing in a site's furniture spells: a name the outlet table knows
    (declined or not: "Новости Тайги" → "Тайга"), a host ("Xxx.ru") or a Cyrillic site
    ("Тайга.инфо"), and with `loose` a quoted name, a Latin one ("RTVI") or one in capitals
    ("РБК"). A platform, a topic ("COVID-19") or a pronoun is no brand."""
    name = clean_name(raw).rstrip(" .:!|")
    if not name or (not name[0].isupper() and not name[0].isdigit() and not DOMAIN.fullmatch(name)) or name in lexicons.word_set("not_brands") or name.split()[0] in lexicons.word_set("not_outlet_names") or _LEGAL_WORDS.search(name):
        return None
    known = known_outlet(name)
    if known:
        return known
    if DOMAIN.fullmatch(name):
        host = name.lower().removeprefix("www.")
        return None if host in lexicons.word_set("platform_hosts") or host in lexicons.word_set("mail_hosts") else host_outlet(host)
    if CYRILLIC_SITE.fullmatch(name):
        return name
    if CYRILLIC_WORD.match(name) and not NOT_RUSSIAN.search(name):
        for case in ("gent", "loct", "datv", "ablt", "accs"):  # "Новости Тайги", "Реклама на «Фонтанке»", "Читайте «Фонтанку»"
            nom = nominative(name, case, strict=True)
            if nom and known_outlet(nom):
                return known_outlet(nom)
    if not loose:
        return None
    if raw.strip()[:1] in "«\"“" and len(name.split()) <= 4:
        # "Реклама на «Фонтанке»" (one word: an adjective before a noun may take the wrong gender)
        if " " not in name and CYRILLIC_WORD.fullmatch(name) and not NOT_RUSSIAN.search(name):
            for case in ("gent", "loct", "datv", "ablt", "accs"):
                nom = nominative(name, case, strict=True)
                if nom:
                    return nom
        return name
    if _LATIN_BRAND.fullmatch(name) or (_CAPS_BRAND.fullmatch(name) and not name.isdigit()):
        return name
    return None


def brand_line(s: str, rubrics: bool = True) -> str | None:
    """The outlet a furniture line, or one item of a menu line, built on the site's name shows
    (see _OWN_BRAND; with `rubrics`, RUBRIC_BRAND too)."""
    s = " ".join(s.split()).strip(" |•·")
    if len(s) > MAX_NAME_LINE:
        return None
    for part in (s, *_MENU_ITEMS.split(s)) if _MENU_ITEMS.search(s) else (s,):
        m = _OWN_BRAND.match(part)
        if m:
            # (an app's or a channel's name in quotation marks is often its topic's, "Приложение
            # «Здоровье»": a known name or a Latin one only)
            own = m.group("b") or m.group("c")
            if own and m.group("verb") and not _AGGREGATOR.search(m.group("platform")):
                own = clean_name(own)  # ("Читайте «Коронавирус» в Telegram": a known, Latin or site name only)
            if m.group("e"):  # (a tag page's tagline names its topic, "Pfizer — последние новости": quoted, known or a site)
                name = brand_name(m.group("e"), loose=m.group("e").lstrip()[:1] in "«\"“")
            else:
                name = brand_name(own) if own else brand_name(clean_name(m.group("a") or m.group("d")))
            if name:
                return name
        m = rubrics and RUBRIC_BRAND.match(part)
        if m:
            name = brand_name(m.group("name"), loose=False)
            if name:
                return name
    return None


_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_MENU_ITEMS = re.compile(r"\s*[|•·]\s*")


_ACRONYM_THEN = re.compile(r"(?P<a>[A-ZА-ЯЁ]{2,8})\s+[-–—]\s+(?P<words>[^-–—|]{5,80})")
_LINK_WORDS = frozenset({"for", "of", "and", "the", "on", "in", "и", "по", "в", "на", "для"})


def _expanded_acronym(tail: str) -> str | None:
    """A tail that is a name's initials followed by the name ("IFAW - International Fund for
    Animal Welfare", "ВШЭ — Высшая школа экономики"): the initials, the site's short name."""
    m = _ACRONYM_THEN.fullmatch(tail)
    if not m:
        return None
    initials = "".join(w[0] for w in m.group("words").split() if w.lower() not in _LINK_WORDS).upper()
    return m.group("a") if initials == m.group("a") else None


def title_brand(title: str) -> str | None:
    """A brand closing the page title after a separator headlines do not use ("… | RTVI",
    "… :: Вечерний Бишкек"): a known name, a site, a Latin name or one in capitals, or two
    capitalised words; a rubric ("| Общество", "| Новости Москвы") is none."""
    s = " ".join(title.split())
    for sep in _BRAND_SEPS:
        head, _, tail = s.rpartition(sep)
        tail = tail.strip(" |")
        acronym = _expanded_acronym(tail)  # "… | IFAW - International Fund for Animal Welfare"
        if acronym and len(head.split()) >= 3:
            return acronym
        m = head and len(head.split()) >= 3 and _TAGLINE_TAIL.fullmatch(tail)
        if m and kind_marked_name(m.group("name")):  # the site's tagline: "… | Заречье Сегодня — новости Заречья"
            return known_outlet(m.group("name")) or m.group("name")
        if not head or len(head.split()) < 3 or not tail or len(tail) > 40 or len(tail.split()) > MAX_TAIL_WORDS:
            continue
        if tail.lower() in lexicons.word_set("rubric_words") or tail.split()[0].lower() in lexicons.word_set("rubric_words"):
            return None
        name = brand_name(tail)
        if name:
            return name
        if re.fullmatch(r"[А-ЯЁ][а-яё]+(?:(?:[\s\-]|\s(?:и|на|в|для)\s)[А-ЯЁ][а-яё]+){1,2}", tail):
            return tail  # "Вечерний Бишкек", "Новая Газета", "Аргументы и Факты"
    # after a dash, the site's news rubric with a known name or a site's: "… — Новости Тайга.инфо";
    # or the site naming its kind: "… - ИА REGNUM", "… — Сетевое издание «Вести Края»" (a newspaper
    # or a channel after a dash is as often the source a headline relays: "… — газета The Times")
    for sep in (" — ", " – ", " - "):
        head, _, tail = s.rpartition(sep)
        if not head or len(head.split()) < 3:
            continue
        m = RUBRIC_BRAND.match(tail.strip(" |"))
        if m:
            return brand_name(m.group("name"), loose=False)
        # the site's name after its rubric, the title's three fields: "… - Новости Заречья - Заречье Сегодня"
        # (a speaker or a source closes a headline, not a rubric)
        headline, _, rubric = head.rpartition(sep)
        rubric = rubric.strip(" |")
        if rubric and len(headline.split()) >= 3 and rubric.split()[0].lower() in lexicons.word_set("rubric_words") and len(rubric.split()) <= 3 \
                and kind_marked_name(tail.strip(" |")) and len(tail.split()) <= MAX_TAIL_WORDS:
            return known_outlet(tail.strip(" |")) or tail.strip(" |")
        m = _KIND_TAIL.fullmatch(tail.strip(" |"))
        if m:
            name = brand_name(m.group("name"))
            if name:
                return name
    return _after_rubric(s)


_FIELD_SEP = re.compile(r"\s(?:\||[-–—])\s")


def _after_rubric(title: str) -> str | None:
    """The site's name closing the title's three fields, headline, rubric, name, under any separators
    ("… | Мир | Вести", "… - Культура | Караван", "… - Новости - Allhockey.ru"): after the rubric's field
    a single capitalised word names the site as well as a name that reads as one does (kind_marked_name);
    not a place ("… | Мир | Украина"), a person, a rubric or a topic. On the 471 BSNLP titles the four
    titles of this shape close with their own site's name."""
    fields = _FIELD_SEP.split(title.strip(" |"))
    if len(fields) < 3:
        return None
    name, rubric = fields[-1].strip(" |"), fields[-2].strip(" |")
    head = " ".join(fields[:-2])
    rubrics = lexicons.word_set("rubric_words")
    if len(head.split()) < 3 or not rubric or rubric.split()[0].lower() not in rubrics or len(rubric.split()) > 3 \
            or not name or len(name.split()) > MAX_TAIL_WORDS:
        return None
    return (known_outlet(name) or name) if kind_marked_name(name) else None


@lru_cache(maxsize=2048)
def _personal_name(word: str) -> bool:
    """A word the analyser reads as a first name, a surname or a patronymic ("Туск", "Мэй")."""
    from ..names import NAME_TAGS
    from ..nlp import morph

    return any(NAME_TAGS & p.tag.grammemes for p in morph().parse(word))


# (the news of a place: a tag page's title names its topic, "Pfizer — последние новости")
_TAGLINE_TAIL = re.compile(r"(?P<name>[A-ZА-ЯЁ0-9][\w.\-]*(?:\s[A-ZА-ЯЁ0-9][\w.\-]*){0,3})\s+[—–-]\s+"
                           r"(?i:(?:(?:последние|главные|свежие|все)\s+)?новости)\s+"
                           r"(?:[А-ЯЁ]|(?:города|региона|области|края|республики)\b).{0,40}")
_KIND_TAIL = re.compile(r"(?:ИА|ИАА|[Ии]нформационное агентство|[Сс]етевое издание|[Ии]нтернет-издание)\s+"
                        r"(?P<name>[«\"“][^»\"”]{2,40}[»\"”]|[A-ZА-ЯЁ][\w.\-]*(?:\s[A-ZА-ЯЁ0-9][\w.\-]*){0,2})")


MEDIA_PREFIX_TAIL = re.compile(r"^\s*(?:\([^)]{1,15}\))?\s*(?::|[-–—])\s+")
