"""The outlet as the best of the page's candidate names, where no single signal names it
(outlet_signals): every name the site's own furniture shows — a name the outlet tables know, a
host ("Xxx.ru", "www.xxx.com", the editors' mail), a Cyrillic site ("Тайга.инфо"), a name after
an outlet's noun ("газета «…»", "телеканал …", "ИА …"), the brand of a ©, brand or title-tail line
— is a candidate, scored by what shows it (a noun or a © says more than a bare mention), by how
many furniture lines repeat it, by whether it stands both above and under the article, and by
whether a name and a host on the page spell one another ("Фонтанка" and fontanka.ru). A name in a
place that alone names something else as often (a title's tail, a logo, a bare ©, "X в Telegram":
WEAK) counts where two different such places show it. The best one is taken when its score reaches
MIN_SCORE and no other comes close; the article's lines, teasers, comments and credits never vote
(they name other outlets)."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicons
from ..clean import AMBIGUOUS_OUTLET_NAMES, Cleaned
from .outlets import (CYRILLIC_WORD, LEGAL_FORM, canonical_outlet, clean_name, host_outlet, known_outlet, legal_outlet,
                      name_spells_host, outlet_names, translit)
from .signals import (CYRILLIC_SITE, DOMAIN_TOKEN, FORBIDS, MAIL_HOST, MAX_LOGO_LINE, MAX_NAME_LINE, PLATFORMS,
                      RELAY_BEFORE, TAIL_SEPS, TEMPLATE_WORDS, brand_line, company_copyright, domain_tokens,
                      media_in_line, own_name, teaser_credit, template_name, title_brand)

# How much one line showing a name in each way says that it is the site's own.
WEIGHTS = {
    "noun": 2.0,       # "Сетевое издание «Вести Края»", "телеканал RTVI", "ИА REGNUM"
    "copyright": 2.0,  # "© Вечерний Бишкек", "(c) Newsler 2021"
    "brand": 1.5,      # "Реклама на RTVI", "Приложение РБК для iOS", "Все новости Тайга.инфо"
    "title": 1.5,      # "Headline :: Вечерний Бишкек"
    "known": 1.0,      # a name the outlet tables know, anywhere in a furniture line
    "host": 1.0,       # "fontanka.ru", "www.newsler.ru", "redakciya@newsler.ru"
    "site": 1.0,       # "Тайга.инфо"
    "company": 1.0,    # "© 2021 ООО «Медиа Заречье»": the owner, named for its outlet as often as not
}
AGREE_BONUS = 1.5   # a name and a host of the page spell one another
BOTH_ENDS = 0.5     # shown both above the article and under it
# (chosen on the 471 BSNLP pages with a real address, eval/mine_outlets.py --check, and the tune half:
# the best candidate names the own site at every threshold from 1 to 3, so the lowest keeps most pages)
MIN_SCORE = 1.0
MIN_LEAD = 0.5      # how far ahead of the runner-up the best must be
MAX_LINE_VOTE = 2.0  # one line says at most this much for one name
MAX_NAMES_LINE = 12  # more names than this on one line: a list, whose names are not the site's
MAX_FURNITURE_LINE = 3000  # (a legal footer runs to a thousand characters; a line ten times longer is no furniture)
# Places a site shows its name in that name something else as often: a title's tail or head ("… — Трюдо",
# "Мэй: …"), a lone line above the article (a rubric's), a bare © (a photographer's), "X в Telegram" (a
# channel named for its topic), an app or a newsletter ("Приложение «Здоровье»"), a tagline, the link a
# legal line asks for under an unquoted name. One such place names nothing; two different places showing
# one name are the site's template, whatever the name (the page's own name repeats; a speaker, a topic or
# a photographer does not stand in two of them).
WEAK = 0.5

# Furniture whose names are other pages' or other outlets' (and the container's own header).
_FOREIGN = frozenset({"caption", "credit", "embed", "teaser", "related", "gallery", "feed", "card", "comment",
                      "comments", "source", "header", "ad", "rubric_blurb", "tags", "share"})
# An outlet's noun and its name: in quotation marks, or a Latin, capitalised or site-like name.
_NOUN_NAME = re.compile(
    r"(?<![\w-])(?:[Сс]етев\w* издани\w*|[Ии]нтернет-издани\w*|[Ии]нтернет-портал\w*|[Ии]нформационн\w+ агентств\w*"
    r"|[Гг]азет[аыеуой]|[Жж]урнал\w*|[Тт]елеканал\w*|[Рр]адиостанци\w+|[Рр]адио|[Аа]гентств\w*|ИА|[Ии]здани\w+"
    r"|[Пп]ортал\w*|[Тт]елерадиокомпани\w+|[Тт]елекомпани\w+)\s+"
    r"(?:[«\"“](?P<q>[^»\"”\n]{2,40})[»\"”]|(?P<n>[A-Z][\w.\-]*(?:\s[A-Z0-9][\w.\-]*){0,2}"
    r"|[А-ЯЁ]{2,}[А-ЯЁ0-9\-]*(?:\s\d{1,3})?|[А-ЯЁ][\w\-]*\.(?:ру|Ру|РУ|рф|РФ|инфо)))")
_COPYRIGHT_BRAND = re.compile(
    r"(?:©|\([CcСс]\)|Copyright)\s*(?:(?:19|20)\d{2}(?:\s*[-–—]\s*(?:19|20)\d{2})?\s*,?\s*)?"
    r"(?P<name>[«\"“]?[A-ZА-ЯЁ0-9][^©\n,;|:()]{1,40}?)\s*(?:[,.]\s|[,.]?\s*$|\s(?:19|20)\d{2}|\s[-–—|]|\s[Вв]се права)")
# A company's legal form before the noun: "ЗАО «Межгосударственная телерадиокомпания «Мир»»" is the
# company (outlet_table's legal names tell its outlet), not the outlet's name.
_COMPANY_BEFORE = re.compile(r"(?:\b(?:" + lexicons.legal_form_alternation()
                             + r")|[Оо]бществ\w*|[Уу]чреждени\w*)\s*[«\"“]?\s*$")
# Words that are never an outlet's name whatever stands before them.
_NOT_NAME = re.compile(r"(?i)^(?:все|наш\w*|этот|эта|это|данн\w+|материал\w*|сайт\w*|права|фото|photo|video|видео)$")


@dataclass
class Candidate:
    name: str                       # as the page first spells it
    score: float = 0.0
    ways: set[str] = field(default_factory=set)   # how the page shows it (WEIGHTS' keys, "agree", "ends")
    zones: set[str] = field(default_factory=set)  # "top", "bottom", "title"
    lines: int = 0


def _key(name: str) -> str:
    """One key for one outlet however the page spells it: the tables' name, else the folded spelling."""
    return canonical_outlet(name) or translit(clean_name(name).removeprefix("www.").removeprefix("WWW."))


def _usable(name: str) -> bool:
    name = clean_name(name)
    if len(name) < 2 or name in AMBIGUOUS_OUTLET_NAMES or _NOT_NAME.match(name) or name.isdigit():
        return False
    first = name.split()[0]
    return first not in lexicons.word_set("not_outlet_names") and name not in lexicons.word_set("not_brands")


def _host_ok(host: str) -> bool:
    host = host.lower().removeprefix("www.")
    return host not in lexicons.word_set("platform_hosts") and host not in lexicons.word_set("mail_hosts")


@lru_cache(maxsize=1024)
def _word_like(word: str) -> bool:
    """A word whose likeliest reading is no noun's (a verb, an adverb: "Смотрим", "Сегодня")."""
    from ..nlp import morph

    return morph().parse(word.lower())[0].tag.POS in ("VERB", "ADVB", "PRCL", "CONJ", "PREP", "NPRO", "PRED", "INTJ", "GRND")


# A name another outlet's item is relayed or linked under: "по данным …", "пишет …", "со ссылкой на
# агентство …", "…информации, содержащей ссылку на «Интерфакс-Украина»".
_LINKED = re.compile(r"(?:со\s+ссылкой|содерж\w*\s+ссылк\w*|ссылк\w*)\s+на\s+(?:агентств\w*\s+)?[«\"“]?$")
_NAME_GOES_ON = re.compile(r"\s+(?:[A-ZА-ЯЁ]\b|\d)")  # ("Sputnik V", the vaccine, is no Sputnik)


# The sources a piece was written from: "По материалам ТАСС", "При подготовке использованы данные РБК".
_WRITTEN_FROM = re.compile(r"(?:\b[Пп]о\s+(?:материалам|информации)|\bиспользован\w*\s+(?:данные|материалы|информация)"
                           r"|\bна основе\s+(?:информации|материалов|данных))\s+(?:\w+\s+)?$")


def _relayed(s: str, at: int) -> bool:
    before = s[max(0, at - 40):at]
    # (a link the site asks for names itself: "…при условии ссылки на «ZN.UA»", "только со ссылкой на
    # nevnov.ru"; one it forbids to pass on names another: "…со ссылкой на агентство X не подлежат…")
    return bool(RELAY_BEFORE.search(before) or _WRITTEN_FROM.search(before)
                or (_LINKED.search(before) and FORBIDS.search(s, at, at + 200)))


def _named(s: str, media: frozenset[str]) -> list[tuple[str, str]]:
    """(way, name) for every candidate name a furniture line shows."""
    out: list[tuple[str, str]] = []
    other: set[str] = set()  # (a name the line relays or forbids to pass on is another's all through it)
    for m in _NOUN_NAME.finditer(s) if any(c in s for c in "«\"“") or re.search(r"[A-ZА-ЯЁ]{2}|\.[рРиa-z]", s) else ():
        raw = m.group("q") or m.group("n")
        name = clean_name(raw)
        name = clean_name(name[LEGAL_FORM.match(name).end():])
        if CYRILLIC_WORD.fullmatch(name) and not name.isupper():
            name = known_outlet(name) or name  # (a known name declined after its noun: "газеты «Ведомостей»")
        if _relayed(s, m.start()):
            other.add(name)
        elif _usable(name) and name not in other and "чредител" not in s[max(0, m.start() - 60):m.start()] \
                and not _COMPANY_BEFORE.search(s, max(0, m.start() - 40), m.start()):
            out.append(("noun", known_outlet(name) or name))
    if "©" in s or "(c)" in s.lower() or "(с)" in s.lower() or "Copyright" in s:
        m = _COPYRIGHT_BRAND.search(s)
        if m:
            name = own_name(m.group("name"))
            if name and _usable(name) and len(name.split()) <= 4:
                way = "company" if company_copyright(m.group("name"), name) else "copyright"
                out.append((way, known_outlet(name) or legal_outlet(name) or name))
    if len(s) <= MAX_NAME_LINE:
        name = brand_line(s)
        if name and _usable(name):
            out.append(("brand", name))
    seen: list[str] = []
    for n in sorted(media_in_line(s, media), key=lambda n: (s.find(n), -len(n))):
        at = s.find(n)
        if _relayed(s, at):
            other.add(n)
        if not _usable(n) or n in other or any(n in x for x in seen) or _NAME_GOES_ON.match(s, at + len(n)):
            continue
        # (a one-word name that is also a word counts only where a name stands: quoted, or inside
        # the line after other words — "Смотрим на…", "Сегодня, 17:22")
        if " " not in n and CYRILLIC_WORD.fullmatch(n) and (at == 0 or _word_like(n)) and s[at - 1:at] not in ("«", '"', "“"):
            continue
        seen.append(n)
        bare = own_name(n)  # ("Телекомпания НТВ" is НТВ)
        out.append(("known", known_outlet(bare or n) or known_outlet(n) or n))
    if "." in s:
        for m in domain_tokens(s):
            if _host_ok(m.group(1)) and not _relayed(s, m.start()):
                out.append(("host", host_outlet(m.group(1).lower())))
        for m in CYRILLIC_SITE.finditer(s):
            out.append(("site", m.group(0)))
    if "@" in s:
        for h in MAIL_HOST.findall(s):
            if _host_ok(h) and DOMAIN_TOKEN.fullmatch(h):
                out.append(("host", host_outlet(h.lower())))
    return out


# A name as a template shows it: a quoted one, or signals.TEMPLATE_WORDS.
_WEAK_NAME = r"(?P<name>[«\"“][A-ZА-ЯЁ0-9][^«»\"”\n]{1,38}[»\"”]|" + TEMPLATE_WORDS + ")"
_WEAK_SHAPES = (
    ("logo", re.compile(_WEAK_NAME + r"\s*")),
    ("copyright", re.compile(r"(?:©|\([CcСс]\)|Copyright)\s*(?:(?:19|20)\d{2}\s*[-–—,]?\s*)*" + _WEAK_NAME + r"\s*\.?\s*")),
    ("platform", re.compile(r"(?:(?:Читайте|Подписывайтесь на|Подпишитесь на|Следите за)\s+)?" + _WEAK_NAME
                            + rf"\s+(?:в|во|на)\s+(?i:{PLATFORMS})(?:\s*(?:,|и)\s*\w+)*\s*:?\s*")),
    ("app", re.compile(r"(?i:(?:(?:мобильное|наше|официальное)\s+)?(?:приложение|рассылка|подкаст))\s+" + _WEAK_NAME
                       + r"(?:\W.{0,60})?")),
    ("tagline", re.compile(_WEAK_NAME + r"\s+[—–-]\s+(?i:(?:(?:последние|главные|свежие|актуальные|все)\s+)?новости)\b.{0,50}")),
)
_WEAK_LINK = re.compile(r"(?:[Гг]иперссылк|[Сс]сылк)[аиуойе]+\s+на\s+" + _WEAK_NAME
                        + r"(?=\s+(?:обязательн|запрещ)|\s*[.,]?\s*$)")


def _weak_name(raw: str) -> str | None:
    """The name a weak place shows, where it reads as a site's (see signals.template_name)."""
    name = clean_name(raw).rstrip(" .:")
    return name if len(name) <= 40 and _usable(name) and template_name(name, quoted=raw[:1] in "«\"“") else None


def _weak_title(s: str) -> list[tuple[str, str]]:
    """The title's tail after a separator and its head before a colon, each a weak place."""
    s = " ".join(s.split())
    out = []
    for sep in (*TAIL_SEPS, " / "):
        head, _, tail = s.rpartition(sep)
        if head and len(head.split()) >= 3 and (name := _weak_name(tail.strip(" |"))):
            out.append(("tail", name))
            break
    head, colon, rest = s.partition(": ")
    if colon and len(rest.split()) >= 3 and len(head.split()) <= 4 and (name := _weak_name(head)):
        out.append(("head", name))
    return out


def _weak(s: str, zone: str | None) -> list[tuple[str, str]]:
    """(place, name) for the weak place a furniture line is, if any: a lone name counts above the article
    only, a bare © under it only (between its paragraphs, and over it, a bare © credits a photo)."""
    if len(s) > MAX_NAME_LINE:
        return []
    s = " ".join(s.split())
    for place, rx in _WEAK_SHAPES:
        if (place == "logo" and zone != "top") or (place == "copyright" and zone != "bottom"):
            continue
        m = rx.fullmatch(s)
        if m and (name := _weak_name(m.group("name"))):
            return [(place, name)]
    m = "сылк" in s and _WEAK_LINK.search(s)
    return [("link", name)] if m and (name := _weak_name(m.group("name"))) else []


def _agree(a: Candidate, b: Candidate) -> bool:
    """Two candidates of one outlet: a name and a host spelling one another ("Фонтанка",
    fontanka.ru), or an unknown short name opening a known longer one ("Мир", "МИР 24")."""
    for x, y in ((a, b), (b, a)):
        if "." in y.name and y.name.isascii() and " " not in y.name \
                and name_spells_host(clean_name(x.name).split(".")[0], y.name.lower()):
            return True
    short, long_ = sorted((a, b), key=lambda c: len(c.name))
    return (canonical_outlet(short.name) is None and canonical_outlet(long_.name) is not None
            and clean_name(long_.name).lower().startswith(clean_name(short.name).lower() + " "))


def outlet_candidates(cleaned: Cleaned, first: int = 0) -> list[Candidate]:
    """Every candidate outlet of the page's own furniture, best first (see the module's doc)."""
    media = outlet_names()
    body = [ln.start for ln in cleaned.lines if ln.label == "body"]
    top, bottom = (body[0], body[-1]) if body else (None, None)
    found: dict[str, Candidate] = {}
    votes: dict[str, dict[int, float]] = defaultdict(dict)  # key -> line -> the strongest way's weight there

    weak: list[tuple[int, str, str, str | None]] = []  # (line, place, name, zone) of the weak places
    for i, ln in enumerate(cleaned.lines[first:], first):
        s = ln.text
        if ln.label == "boilerplate" and len(s) <= MAX_NAME_LINE and (
                ln.kind not in _FOREIGN or ln.kind in ("credit", "caption", "comment", "comments")) \
                and (bottom is None or ln.start < bottom or not teaser_credit(cleaned.lines, i)):
            # (a bare © is a credit's shape; a footer under the comments is read as theirs, as below)
            where = "top" if top is not None and ln.start < top else "bottom" if bottom is not None and ln.start > bottom else None
            weak += [(i, place, n, where) for place, n in _weak(s, where)]
        if ln.label == "title":
            name = title_brand(s) if len(s) <= 250 else None
            named, zone = ([("title", name)] if name and _usable(name) else []), "title"
            if not named and len(s) <= 250:
                weak += [(i, place, n, "title") for place, n in _weak_title(s)]
        elif ln.label != "boilerplate" or len(s) > MAX_FURNITURE_LINE or (ln.kind in _FOREIGN and not (
                # (a footer the cleaner put under the comments: a short or a legal line is no reader's)
                ln.kind in ("comment", "comments") and (len(s) <= MAX_LOGO_LINE or "©" in s or "се права" in s))):
            continue
        elif bottom is not None and ln.start > bottom and teaser_credit(cleaned.lines, i):
            continue  # (a related article's source under its headline names another outlet)
        else:
            named = _named(s, media)
            if len(named) > MAX_NAMES_LINE:
                continue  # (a list of links or partners; and the grouping below stays small)
            zone = None if top is None else "top" if ln.start < top else "bottom" if ln.start > bottom else None
        groups: list[list[tuple[str, str]]] = []  # (the names of one outlet in the line)
        for way, name in named:
            key = _key(name)
            g = next((g for g in groups if any(_key(n) == key or _agree(Candidate(n), Candidate(name)) for _, n in g)), None)
            if g is None:
                groups.append([(way, name)])
            else:
                g.append((way, name))
        if len(groups) > 1:
            continue  # a line naming several outlets lists partners or links, not the site
        for way, name in groups[0] if groups else ():
            key = _key(name)
            c = found.setdefault(key, Candidate(name))
            if way in ("noun", "copyright", "brand", "title") and c.ways <= {"host"}:
                c.name = name  # (a name the page writes beats a host's spelling of it)
            c.ways.add(way)
            if zone:
                c.zones.add(zone)
            votes[key][i] = min(MAX_LINE_VOTE, max(votes[key].get(i, 0.0), WEIGHTS[way]))
    places: dict[str, set[str]] = defaultdict(set)  # key -> the weak places showing it
    for i, place, name, zone in weak:
        key = _key(name)
        if i not in votes.get(key, {}):  # (a line that names it the strong way says no more the weak way)
            c = found.setdefault(key, Candidate(name))
            c.ways.add("weak_" + place)
            if zone in ("top", "bottom"):
                c.zones.add(zone)
            places[key].add(place)
    merged: list[tuple[Candidate, dict[int, float], set[str]]] = []
    for key, c in found.items():
        if not votes.get(key) and len(places[key]) < 2:
            continue  # (one weak place names nothing)
        into = next((m for m in merged if _agree(m[0], c)), None)
        if into is None:
            merged.append((c, dict(votes[key]), set(places[key])))
            continue
        m, v, p = into
        p |= places[key]
        m.ways |= c.ways | {"agree"}
        m.zones |= c.zones
        if ("." in m.name and not c.name.isascii()) or (canonical_outlet(m.name) is None and canonical_outlet(c.name)):
            m.name = c.name  # (the page's own spelling of a name over a host; a known name over its short form)
        for line, w in votes[key].items():
            v[line] = max(v.get(line, 0.0), w)
    out = []
    for c, v, p in merged:
        c.lines = len(v) + len(p)
        c.score = sum(v.values()) + WEAK * len(p) + (AGREE_BONUS if "agree" in c.ways else 0.0)
        if {"top", "bottom"} <= c.zones:
            c.score += BOTH_ENDS
            c.ways.add("ends")
        out.append(c)
    return sorted(out, key=lambda c: -c.score)


def best_candidate(cleaned: Cleaned, first: int = 0) -> Candidate | None:
    """The candidate taken as the page's outlet: MIN_SCORE at least and MIN_LEAD ahead of the next."""
    ranked = outlet_candidates(cleaned, first)
    # (a company's © alone gives way to any other name, as in page_outlet: "© 2021 ООО «Медиа Заречье»"
    # with the page's own address under it)
    ranked = [c for c in ranked if c.ways != {"company"}] or ranked
    if not ranked or ranked[0].score < MIN_SCORE:
        return None
    if len(ranked) > 1 and ranked[0].score - ranked[1].score < MIN_LEAD:
        return None
    return ranked[0]


def ways(c: Candidate) -> str:
    """How a candidate was shown, for the outlet's provenance: "scored: host+known"."""
    return "scored: " + "+".join(sorted(c.ways))


# Names a page may spell its host with: a quoted name, or a run of capitalised words ("Сибкрай",
# "Бердск Онлайн", "NEWSLER").
_QUOTED_NAME = re.compile(r"[«\"“]([A-ZА-ЯЁ][^»\"”\n]{1,30})[»\"”]")
# (not a site's name written as its host, "GOGOV.RU": that is the name the page shows)
_CAPS_RUN = re.compile(r"(?<![\w.\-])([A-ZА-ЯЁ][\w\-]*(?:\s[A-ZА-ЯЁ][\w\-]*){0,2})(?![\w\-]|\.\w)")
MAX_NAMES_READ = 2000  # (a bound on the words read on a long page)
_ADDRESS_BEFORE = re.compile(r"(?:\bг|\bгор|\bул|\bобл|\bпос|\bс)\.\s*$|\bгород\s+$")


def name_for_host(host: str, cleaned: Cleaned, first: int = 0) -> str | None:
    """The name a page's furniture writes for a site the tables do not know, where it shows one
    that spells the host ("Сибкрай" for sibkray.ru, "Бердск Онлайн" for berdsk-online.ru): the
    outlet as readers know it, not its address. None where the furniture shows no such name."""
    host = host.lower().removeprefix("www.")
    if "." not in host or not host.isascii():
        return None
    read = 0
    lines = [ln.text for ln in cleaned.lines[first:] if ln.label in ("title", "boilerplate")]
    # (the name the site shows itself by stands in its furniture: the text may say it otherwise;
    # a host written as a name, "Mosmedpreparaty.ru", "GOGOV.RU", is the name it shows)
    for s in lines:
        for m in domain_tokens(s) if "." in s else ():
            if m.group(1).lower() == host and not m.group(1).islower():
                return m.group(1)
    for s in lines:
        for m in (*_QUOTED_NAME.finditer(s), *_CAPS_RUN.finditer(s)):
            read += 1
            if read > MAX_NAMES_READ:
                return None
            if _ADDRESS_BEFORE.search(s, max(0, m.start() - 8), m.start()):
                continue  # (the town in the newsroom's address, "г. Заречье", spells a town's site as well)
            words = clean_name(m.group(1)).split()
            for k in range(len(words), 0, -1):  # (the longest run spelling the host)
                name = " ".join(words[:k])
                if not DOMAIN_TOKEN.fullmatch(name) and name_spells_host(name, host):
                    return name
    return None
