"""The outlet an article says it spoke to or that tells its own piece: "комментирует для DW",
"сообщили «Известиям»", "«Комсомолка» выяснила", "в обзоре РИА Новости" (outlet_told). The
text names other outlets more often than the page's furniture does, so this is the last resort
of outlet_from_page."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from .. import lexicons
from ..clean import AMBIGUOUS_OUTLET_NAMES
from .outlets import (CYRILLIC_WORD, DOMAIN, NOT_RUSSIAN, SITE_ENDINGS, clean_name, host_outlet, known_outlet, nominative, outlet_names,
                      site_names)
from .scan import finditer_opening
from .signals import AGENCY_LIKE, RELAY_BEFORE, common_abbreviation, domain_tokens, media_in_line

# The outlet named as the one spoken to: "комментирует для DW", "сообщили «КП»",
# "в интервью Би-би-си"; a quoted name reporting: "«Комсомолка» выяснила".
_TOLD_NAME = (rf"(?P<name>[«\"“][A-ZА-ЯЁ][^»\"”]{{1,24}}[»\"”]|[A-ZА-ЯЁ][\w\-]*\.(?i:{SITE_ENDINGS})(?!\w)"
              r"|[A-ZА-ЯЁ][\w\-]*(?:\s[A-ZА-ЯЁ][\w\-]*){0,2})")
_TOLD_VERBS = ("сообщил", "рассказал", "заявил", "пояснил", "ответил", "признал", "подтвердил", "сказал", "прокомментировал",
               "объяснил", "уточнил")
_TOLD = re.compile(
    # (no \b before the cues: a regex opening with one tries every position; checked in the loop)
    r"(?P<cue>для|в интервью(?:\s+для)?|(?:корреспондент|журналист)(?:у|ам)"
    r"|(?:" + "|".join(_TOLD_VERBS) + r")(?P<number>[аои]?))\s+" + _TOLD_NAME)
# The words each of _TOLD's matches opens with: the text is scanned for them (citata.metadata.scan).
_TOLD_OPENINGS = ("для", "в интервью", "корреспондент", "журналист", *_TOLD_VERBS)
# Nouns that tie the outlet to the page, looked for only where their stems stand (each cue a
# regex tries at every position costs): "по просьбе «Известий»", "собеседник «Ленты.ру»", "в
# редакцию «Фонтанки»", "читатели «КП»", "эксперты, опрошенные DW".
# (each opens with its stem's letters, which a regex finds fast; "редакцию" counts after "в")
_TOLD_NOUNS = tuple((stem, re.compile(rf"(?P<cue>{cue})\s+" + _TOLD_NAME)) for stem, cue in (
    # (a cue opening a sentence is capitalised: "Собеседник «Росбалта» отметил…"; its stem is looked for
    # without the first letter)
    ("о просьбе", "[Пп]о просьбе"), ("обеседник", "[Сс]обеседник(?:у|ом|и)?"), ("обозревател", "обозревател(?:ю|ем)"),
    ("редакци", "редакци[юи]"), ("итател", "[Чч]итател(?:и|ей|ям)"), ("опрошенн", "опрошенн(?:ые|ых|ыми|ый|ая|ой)"),
    # the outlet asking: "На запрос «Фонтанки» в комитете ответили", "по запросу RTVI", "на вопрос «Фонтанки»"
    ("запрос", "(?:[Нн]а|[Пп]о)\\s+запрос[уы]?"), ("вопрос", "[Нн]а\\s+вопрос[ы]?")))
# A quoted name doing a newsroom's work: "«Комсомолка» выяснила"; then, later, "«Известия»
# разобрались".
_QUOTED_REPORTS = re.compile(r"[«\"“](?P<name>[A-ZА-ЯЁ][^»\"”]{1,24})[»\"”]\s+(?:выяснил|узнал)[аио]?\b")
_SITE_NAME = re.compile(rf"[A-Za-z][\w\-]*\.(?:{SITE_ENDINGS})", re.I)
_NEWSROOM_BEFORE = re.compile(r"(?:[Рр]едакци[яи]|[Кк]орреспондент\w*|[Жж]урналист\w*|[Сс]отрудник\w*)\s+$")
_AT_WORK_VERBS = (r"(?:разобрал|собрал|подготовил|расспросил|опросил|проанализировал|изучил|направил[аио]?\s+запрос"
                  r"|обратил|связал|побывал|попросил|поговорил|побеседовал|спросил)(?:[аио]|ись|ась|ся)?\b")
_QUOTED_AT_WORK = re.compile(r"[«\"“](?P<name>[A-ZА-ЯЁ][^»\"”]{1,24})[»\"”]\s+" + _AT_WORK_VERBS)
# A site calling itself by its address in its own sentences: after its kind ("Ранее портал TRUD.RU
# сообщил", "в интервью порталу iz.ru", "Подробности – в материале портала iz.ru") or doing a newsroom's
# work ("Znak.com собрал высказывания"). A site cited is named after a relay ("как сообщает портал
# Press.lv", skipped before this is read; "по данным портала …", "согласно материалу портала …") or as
# where something is done or stands ("на портале mos.ru", "через портал …", "в материале портала X
# говорится"). ("для портала X" is the site spoken to, as "для" is in _TOLD.)
_PORTAL_BEFORE = re.compile(r"(?<![\w-])[Пп]ортал(?:а|у|ом|е)?\s+$")
_CITED_BEFORE = re.compile(r"(?i)(?:(?<![\w-])(?:на|через|с|со|к|о|об|в|во|из|от|по|до|при|у)"
                           r"|по данным|по информации|согласно(?:\s+\w+)?|со ссылкой на)\s+$")
_CITED_AFTER = re.compile(r"[,\s]*(?:говорится|сообщается|отмечается|указывается|пишет|сообщает)\b")
_SITE_AT_WORK = re.compile(r"\s+(?:уже\s+)?" + _AT_WORK_VERBS)
# The outlet told, standing before an impersonal plural verb: "В Минздраве «Известиям» сообщили",
# "В пресс-службе RTVI пояснили" (a plural verb's subject would be plural: "«Известия» сообщили"
# is a relay, so a declinable name must show the dative; an indeclinable one must be known).
_PLURAL_TELLS = tuple(re.compile(rf" {verb}\b") for verb in (
    "сообщили", "рассказали", "пояснили", "подтвердили", "ответили", "уточнили", "объяснили", "заявили"))
_NAME_BEFORE_TELL = re.compile(
    r"(?<=\s)(?P<name>[«\"“][А-ЯЁA-Z][^»\"”]{1,24}[»\"”]|[A-ZА-ЯЁ][A-ZА-ЯЁ0-9\-]+(?:\.[A-Za-zА-Яа-я]{2,4})?"
    r"|[A-Z][\w\-]*(?:\.[A-Za-z]{2,4})?)$")


TOLD_CHARS = 6000  # an article names who it spoke to early; reading on costs more than it finds
# The outlet as the article's people's interlocutor ("в интервью DW", "в беседе с Би-би-си",
# "у DW."), as the teller of its own piece ("в обзоре РИА Новости", "Русская служба
# Би-би-си"), or as the subject of a journalist's verb ("DW побеседовала", "вопросы DW
# задала"). Verbs that relay another outlet (пишет, сообщает, передает) never name it.
# (A word's boundary is checked after its first letters, "в(?<!\wв)" for "\bв": a regex opening
# with an assertion is tried at every position of the text; see citata.metadata.scan.)
_SELF_CONTEXT = re.compile(
    r"(?:в(?<!\wв)\s+(?:эксклюзивном\s+)?(?:интервью|беседе с|разговоре с|комментарии|обзоре|материале|инфографике"
    r"|эфире|подкасте|расследовании|репортаже|колонке)(?:\s+для)?|служб(?<!\wслужб)[аеыу]|у(?<!\wу))\s+(?P<name>[A-ZА-ЯЁ«\"“](?:[^,.;:!?()\n]|\.(?=\w)){0,40})")
# The same spoken to, opening a sentence: "В интервью DW профессор…", "В беседе с «Известиями»…" (not
# "В комментарии Би-би-си отмечается", "В материале Bloomberg говорится": the outlet's own piece, relayed).
_SPOKEN_START = re.compile(r"В(?<!\wВ)\s+(?:эксклюзивном\s+)?(?:интервью|беседе с|разговоре с)(?:\s+для)?\s+"
                           r"(?P<name>[A-ZА-ЯЁ«\"“](?:[^,.;:!?()\n]|\.(?=\w)){0,40})")
_ANY_HOST = re.compile(r"[A-Za-zА-ЯЁа-яё][\w\-]*\.(?:ru|ua|by|kz|com|net|org|info|md|lv|ee|lt|рф)\b")
_JOURNALIST_VERB = re.compile(
    r"\b(?:побеседовал|поговорил|задал|спросил|обратил(?:ся|ась|ись)|сделал[аи]? подборку|опросил"
    r"|связал(?:ся|ась|ись)|направил[аио]? запрос|попросил)[аио]?\b")
_JOURNALIST_OPENINGS = ("побеседовал", "поговорил", "задал", "спросил", "обратил", "сделал", "опросил", "связал", "направил",
                        "попросил")
# The verb's subject just before it ("DW побеседовала", "вопросы DW задала"); looked for
# behind each verb, since a name-first regex tries every capitalised word of the text.
_NAME_BEFORE = re.compile(r"(?P<name>[A-ZА-ЯЁ][\w\-]*(?:\.[\w\-]+)*(?:\s[A-ZА-ЯЁ][\w\-]*(?:\.[\w\-]+)*){0,2})\s+(?:\w+\s+)?$")
_CUE_CASE = {"для": "gent", "корреспондент": "gent", "журналист": "gent", "просьбе": "gent", "собеседник": "gent",
             "обозревател": "gent", "редакц": "gent", "читател": "gent", "опрошенн": "ablt", "запрос": "gent", "вопрос": "gent"}


@lru_cache(maxsize=1)
def _outlet_openings() -> frozenset[str]:
    """The first three letters of every known outlet name (lower case): a declined name
    keeps them ("Интерфаксу", "Ведомостям"), so a name opening otherwise needs no parsing."""
    return frozenset(n[:3].lower() for n in outlet_names())


def _told_name(raw: str, case: str, strict: bool) -> str | None:
    """The outlet a cue governs: a known outlet ("для DW", "в интервью Би-би-си"), declined
    or not ("рассказали Интерфаксу"), a quoted name ("сообщили «КП»"), or a Latin acronym.
    With `strict` (a singular verb, whose name may be its subject) only a name whose form
    shows the case: "рассказал «Известиям»", not "рассказала «Модерна»" or "сообщил ТАСС"."""
    quoted = raw[0] in "«\"“"
    name = clean_name(raw)
    if name in AMBIGUOUS_OUTLET_NAMES:
        return None
    if not strict and (known_outlet(name) or (not CYRILLIC_WORD.match(name)
                                              and (quoted or re.fullmatch(r"[A-Z]{2,6}", name) or _SITE_NAME.fullmatch(name)))
                       or (re.fullmatch(r"[А-ЯЁ]{2,6}", name) and not common_abbreviation(name))):
        # (a site as the page spells it, "для Zarechye.ru"; an acronym no dictionary knows, "сообщили НГС":
        # a ministry or a body told is one the dictionary knows, "МВД")
        return known_outlet(name) or name
    if not CYRILLIC_WORD.match(name) or NOT_RUSSIAN.search(name):
        return name if quoted and not strict else None
    if not quoted and name[:3].lower() not in _outlet_openings():  # (a person: "сказал Иванов")
        return None
    nom = nominative(name, case, strict)
    if nom is None:
        return name if quoted and not strict else None
    return known_outlet(nom) or (nom if quoted else None)


_WORD_BEFORE = re.compile(r"([А-ЯЁа-яё]+)\s+$")
_WORD_AFTER = re.compile(r"\s+([а-яё]+)\b")


@lru_cache(maxsize=4096)
def _person_noun(word: str) -> bool:
    """A noun naming a person in the nominative singular ("профессор", "представитель", "врач")."""
    from ..nlp import morph

    return any(p.tag.POS == "NOUN" and "anim" in p.tag and p.tag.case == "nomn" and p.tag.number == "sing"
               for p in morph().parse(word))


@lru_cache(maxsize=4096)
def _plural_noun(word: str) -> bool:
    """A noun that can only be plural and can be a subject ("Источники", "Журналисты"; not "ведомства")."""
    from ..nlp import morph

    nouns = [p for p in morph().parse(word) if p.tag.POS == "NOUN"]
    return bool(nouns) and all(p.tag.number == "plur" for p in nouns) and any(p.tag.case == "nomn" for p in nouns)


def outlet_told(text: str) -> str | None:
    """The weakest signs, looked for last: a known outlet's site named in the text ("для
    kp.ru разъяснил", "в инфографике Ria.ru"), the outlet the article's people speak to or
    that tells its own piece; the most often named wins. Two tiers: the forms read first
    (plural verbs, "для", "в интервью" with a name as written, names in media.txt and
    outlets.tsv, "«X» выяснила"), then, only where those find nothing, the forms that need
    more reading (a singular verb's declined name, "корреспонденту «X»", "в беседе с
    «Известиями»", the sites of outlet_sites.tsv, a site calling itself by its address, "Как стало
    известно «X»")."""
    text = text[:TOLD_CHARS]
    first = lexicons.outlets()
    later = own = None  # (a site the tables know; a site calling itself by its address)
    for m in domain_tokens(text):
        if RELAY_BEFORE.search(text, max(0, m.start() - 30), m.start()) \
                or _SOURCE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # ("как сообщает портал Press.lv", "Источник: korrespondent.net": the outlet relayed)
        host = m.group(1).lower()
        labels = host.split(".")
        # A known host is the whole host or its tail after a dot.
        if any(".".join(labels[i:]) in first for i in range(len(labels))):
            return host_outlet(m.group(1))
        if later is None and any(".".join(labels[i:]) in site_names() for i in range(len(labels))):
            later = host_outlet(m.group(1))
        if own is None and _names_itself(text, m):
            own = host_outlet(m.group(1))
    media = lexicons.media_names()
    relays = _relays_others(text)
    votes: Counter[str] = Counter()
    weak: Counter[str] = Counter()
    nouns = [m for stem, rx in _TOLD_NOUNS if stem in text for m in rx.finditer(text)
             if stem != "редакци" or text[max(0, m.start() - 2):m.start()] in ("в ", "В ")]
    for m in (*finditer_opening(_TOLD, text, _TOLD_OPENINGS), *nouns):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        number = m.groupdict().get("number")
        if number == "о":  # "сообщило РИА Новости": the outlet reporting, a relay
            continue
        cue = m.group("cue").split()[-1].lower()
        case = next((c for stem, c in _CUE_CASE.items() if cue.startswith(stem)), "datv")
        # A singular verb's name may be its subject ("рассказала «Модерна»", "сообщил ТАСС").
        singular = number in ("", "а")
        raw = m.group("name")
        name = _told_name(raw, case, strict=singular)
        if not name and singular:
            # the verb's subject standing after the name ("— рассказал DW профессор Иван Петров",
            # "пояснил «КП» представитель Минздрава"): the name is the one told
            after = _WORD_AFTER.match(text, m.end())
            name = _told_name(raw, case, strict=False) if after and _person_noun(after.group(1)) else None
        if not name or ("интервью" in m.group("cue") and relays(name)):
            continue
        plain = raw[0] in "«\"“" or raw in media or re.fullmatch(r"[A-Z]{2,6}", raw)
        (weak if singular or cue.startswith(("корреспондент", "журналист", "собеседник", "обозревател", "запрос", "вопрос"))
         or not plain else votes)[name] += 1
    # the verb first (one literal search each), then the name just before it
    for tell in (t for rx in _PLURAL_TELLS if rx.pattern[1:-2] in text for t in rx.finditer(text)):
        end = tell.start() - 3 if text[max(0, tell.start() - 3):tell.start()] == " не" else tell.start()  # ("«X» не ответили")
        m = _NAME_BEFORE_TELL.search(text, max(0, end - 40), end)
        if not m or text[max(0, m.start() - 3):m.start()] in (" и ", "», ", ", ") \
                or text[:m.start()].rstrip().endswith("»"):
            continue  # ("«Известия» и РБК сообщили", "Reuters, AP сообщили": subjects)
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before and _plural_noun(before.group(1)):
            continue  # ("Источники Reuters рассказали": the sources of another outlet)
        raw = m.group("name")
        name = known_outlet(raw) if raw[0] not in "«\"“" else _told_name(raw, "datv", strict=True)
        if name:
            votes[name] += 1
    # (a name after a media noun, "в интервью телеканалу Sky News", "сообщил агентству
    # Bloomberg", is another outlet's: a site names itself bare)
    contexts = [*_SELF_CONTEXT.finditer(text), *(_SPOKEN_START.finditer(text) if "В " in text else ())]
    # (an interview a relaying page cites was given to another outlet: "— сказал он в интервью The
    # Guardian" on a page that also writes "Об этом сообщает …"; see _relays_others)
    names = [(m.group("name"), m.group(0)[:1] in "вВ") for m in contexts
             if not (_INTERVIEW.search(m.group(0)) and relays(clean_name(m.group("name"))))]
    for m in finditer_opening(_JOURNALIST_VERB, text, _JOURNALIST_OPENINGS):
        before = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if before:
            names.append((before.group("name"), None))
    for name, spoken_to in names:
        for table, tally in ((media, votes), (outlet_names(), weak)):
            named = media_in_line(name, table)
            if named and name.startswith(named[0].split()[0]) and named[0] not in AMBIGUOUS_OUTLET_NAMES:
                tally[named[0]] += 1
                break
        else:
            if spoken_to is None:
                continue
            # A site's name in any script spoken to: "в интервью ТСН.ua".
            host = _ANY_HOST.match(name)
            if host:
                votes[host_outlet(host.group(0))] += 1
    for m in contexts:  # a quoted name declined: "в беседе с «Известиями»", "в комментарии «Фонтанке»"
        quoted = _QUOTED_NAME.match(m.group("name"))
        if quoted and _SPOKEN_TO.search(m.group(0)):
            for case in ("ablt", "datv") if "комментари" not in m.group(0) else ("datv",):
                nom = nominative(quoted.group(1), case, strict=True)
                if nom:
                    weak[known_outlet(nom) or nom] += 1
                    break
    if "орреспондент" in text or "Автор" in text or "бозреватель" in text:
        for rx in _OWN_STAFF:
            for m in rx.finditer(text):
                name = _staff_outlet(m.group("name"), loose=True)
                if name:
                    votes[name] += 1
        for m in _STAFF_SIGNATURE.finditer(text):
            if _SIGNER.search(text, max(0, m.start() - 60), m.start()):
                name = _staff_outlet(m.group("name"), loose=True)
                if name:
                    votes[name] += 1
        for m in finditer_opening(_CORRESPONDENT_AT_WORK, text, ("Корреспондент", "корреспондент")):
            name = _staff_outlet(m.group("name"))
            if name:
                weak[name] += 1
    if "б этом" in text:
        for m in _ABOUT_THIS_TOLD.finditer(text):
            name = _addressee(m.group("name"))
            if name:
                votes[name] += 1
    if votes:
        return votes.most_common(1)[0][0]
    past = _own_earlier_report(text)
    if past and not relays(past):
        return past
    m = _QUOTED_REPORTS.search(text) if "выяснил" in text or "узнал" in text else None  # (its verbs)
    if m:
        return _reporter(text, m)
    if later or own or weak:
        return later or own or weak.most_common(1)[0][0]
    m = _QUOTED_AT_WORK.search(text)
    if m:  # (the name may be a newsroom's or a correspondent's, "Редакция «Фонтанки» направила…")
        name = clean_name(m.group("name"))
        # (after its newsroom's noun the name is in the genitive even where that form can be a nominative's:
        # "Редакция «Заречья Сегодня» обратилась")
        governed = bool(_NEWSROOM_BEFORE.search(text, max(0, m.start() - 30), m.start()))
        nom = None if known_outlet(name) or NOT_RUSSIAN.search(name) else nominative(name, "gent", strict=not governed)
        return known_outlet(nom) or nom if nom else known_outlet(name) or name
    m = _KNOWN_TO.search(text) if "известно" in text or "удалось" in text else None
    if m:
        nom = nominative(clean_name(m.group("name") or m.group("name2")), "datv", strict=True)
        return (known_outlet(nom) or nom) if nom else None
    for m in (m for rx in _KNOWN_TO_BARE for m in rx.finditer(text)) if "известно" in text or "удалось" in text else ():
        raw = m.group("name")
        name = known_outlet(raw)
        if name and not _plural_noun(raw.lower()) and name not in lexicons.word_set("not_outlet_names"):
            return name
    return None


# The outlet's own staff telling the piece: the author's line ("Автор: Барбара Везель, обозреватель
# DW"), a correspondent reporting ("…, передает собственный корреспондент МИА Казинформ", "передает
# корреспондент РБК"; a relay names the outlet, "передает ТАСС", not its correspondent).
_STAFF_NAME = r"(?P<name>[«\"“][A-ZА-ЯЁ][^»\"”]{1,30}[»\"”]|[A-ZА-ЯЁ][\w\-]*(?:\.[\w\-]+)*(?:\s[A-ZА-ЯЁ][\w\-]*){0,2})"
_STAFF_NOUNS = "|".join(sorted(lexicons.word_set("staff_nouns"), key=lambda w: (-len(w), w)))
_OWN_STAFF = (
    re.compile(r"Автор(?<!\wАвтор)\w*\s*:\s*[А-ЯЁA-Z][^.\n,]{2,60},\s*(?:[а-яё]+\s+){0,2}(?:" + _STAFF_NOUNS + r")\w*\s+"
               + _STAFF_NAME),
    re.compile(r"(?:передает(?<!\wпередает)|передаёт(?<!\wпередаёт)|сообщает(?<!\wсообщает))\s+(?:(?:собственный|специальный|наш)\s+)?корреспондент\s+"
               r"(?:(?:агентства|издания|портала|газеты|телеканала|ИА)\s+)?" + _STAFF_NAME))


def author_staff(line: str) -> str | None:
    """The outlet an author's line in the page's furniture names as its staff's ("Автор: Иван
    Петров, корреспондент «Вестника Заречья»", "Автор: Барбара Везель, обозреватель DW"): the
    author's line of _OWN_STAFF, read on a byline the cleaner took out of the text."""
    m = _OWN_STAFF[0].match(line.strip())
    return _staff_outlet(m.group("name"), loose=True) if m else None


# A signature standing as a sentence of its own, no verb: "Анализ. Секундер Кермани, корреспондент
# Би-би-си в Исламабаде." (the staff noun in the nominative: "По словам корреспондента X" cites one)
_STAFF_SIGNATURE = re.compile(r",\s+(?:[а-яё]+\s+){0,2}(?:" + _STAFF_NOUNS + r")\s+" + _STAFF_NAME
                              + r"(?:\s+(?:в|во)\s+[А-ЯЁ][\w\-]+)?\s*(?:\.|\n|$)")
_SIGNER = re.compile(r"(?:^|[.!?\n]\s*)(?:[А-ЯЁ][а-яё]+\.\s+)?[А-ЯЁ][а-яё]+(?:\s[А-ЯЁ][а-яё\-]+){1,2}$")


# The outlet's correspondent, named, doing a reporter's work (TV sites' shape): "Корреспондент «МИР 24»
# Анна Бажайкина рассказала подробности", "Корреспондент НТВ Иван Петров побывал…" (another outlet's
# correspondent is cited for a view: "корреспондент BBC отмечает"). Weak: another site may copy it.
_CORRESPONDENT_AT_WORK = re.compile(
    r"[Кк]орреспондент(?:ка)?\s+(?:(?:телеканала|агентства|газеты|издания|радио)\s+)?" + _STAFF_NAME
    + r"\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё\-]+\s+(?:"
    + "|".join(sorted({re.sub("ся$", "", v) for v in lexicons.word_set("newsroom_verbs")}, key=lambda w: (-len(w), w)))
    + r")(?:а|ся|ась)?\b")


def _staff_outlet(raw: str, loose: bool = False) -> str | None:
    """The known outlet a staff line's name spells, in the nominative ("«Фонтанки»" → "Фонтанка"),
    or any run of its words ("МИА Казинформ" → "Казинформ"). An unknown name names none, except,
    with `loose` (the strong own-staff shapes, where the name is the outlet's whatever it is), one
    that can only be a name: quoted, Latin, in capitals, a site, a capital inside a word ("передает
    корреспондент Sibreport", "обозреватель «Сибкрая»")."""
    name = clean_name(raw)
    words = name.split()
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            known = known_outlet(" ".join(words[i:i + n]))
            if known:
                return known
    cyrillic = CYRILLIC_WORD.match(name) and not NOT_RUSSIAN.search(name)
    nom = nominative(name, "gent") if cyrillic else None
    if nom and known_outlet(nom):
        return known_outlet(nom)
    if not loose or not words or words[0] in lexicons.word_set("not_outlet_names"):
        return None
    if raw.lstrip()[:1] in "«\"“":
        return (nominative(name, "gent") if cyrillic and " " not in name else None) or name
    # (a word in capitals the dictionary knows, "РБК", "НТВ", names the outlet here as any other: a
    # ministry or the press at large has no correspondent; a hyphened name spells the outlet, "Би-би-си")
    if _LATIN_NAME.fullmatch(name) or all(AGENCY_LIKE.fullmatch(w) or _HYPHENED_NAME.fullmatch(w) for w in words):
        return name
    return None


_HYPHENED_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:-[а-яё]+)+")


_LATIN_NAME = re.compile(r"[A-Z][\w.\-&']*(?:\s[A-Z0-9][\w.\-&']*){0,2}")


def _reporter(text: str, m: re.Match) -> str:
    """The outlet a quoted name before a newsroom's verb stands for: the name as written
    ("«Комсомолка» выяснила"), or, after a noun it belongs to, that noun's genitive in the
    nominative ("Журналисты «Медузы» выяснили" → "Медуза")."""
    name = clean_name(m.group("name"))
    before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
    if before and _nominative_noun(before.group(1)) and CYRILLIC_WORD.match(name) and not NOT_RUSSIAN.search(name):
        nom = nominative(name, "gent")  # (not strict: "Медузы" is also a plural nominative)
        if nom:
            return known_outlet(nom) or nom
    return known_outlet(name) or name


@lru_cache(maxsize=4096)
def _nominative_noun(word: str) -> bool:
    """A noun in the nominative whose likeliest reading it is ("Журналисты", "Редакция")."""
    from ..nlp import morph

    p = morph().parse(word.lower())[0]
    return p.tag.POS == "NOUN" and p.tag.case == "nomn"


# The outlet told, standing before the verb: "Об этом NEWS.ru рассказал врач", "Об этом
# «Известиям» сообщили в пресс-службе", "Об этом Царьграду рассказал…" (a relay puts the
# outlet after a present-tense verb: "Об этом сообщает ТАСС").
_ABOUT_THIS_TOLD = re.compile(
    r"[Оо]б этом(?<!\w[Оо]б этом)\s+(?P<name>[«\"“][A-ZА-ЯЁ][^»\"”]{1,30}[»\"”]|[A-ZА-ЯЁ][\w\-]*(?:\.[A-Za-zА-Яа-я]{2,4})?"
    r"(?:\s[A-ZА-ЯЁ][\w\-]*){0,2})\s+(?:рассказал|сообщил|заявил|пояснил|сказал|ответил|подтвердил|объяснил"
    r"|уточнил|прокомментировал)(?:[аио]|и)?\b")


def _addressee(raw: str) -> str | None:
    """The outlet a dative name before a speech verb stands for (see _ABOUT_THIS_TOLD): a known
    outlet as written or declined, a site, a quoted name, a Latin name; not a person or a
    body in the nominative ("Об этом Минздрав сообщил")."""
    name = clean_name(raw)
    known = known_outlet(name)
    if known:
        return known
    if DOMAIN.fullmatch(name):
        return host_outlet(name)
    if not CYRILLIC_WORD.match(name):
        return name if re.fullmatch(r"[A-Z][\w\-]*", name) and name not in lexicons.word_set("not_outlet_names") else None
    nom = nominative(name, "datv", strict=True) if not NOT_RUSSIAN.search(name) else None
    if nom is None:
        return None
    return known_outlet(nom) or (nom if raw[0] in "«\"“" else None)


# A site pointing to its own earlier reports: "Как сообщал УРА-Информ", "Как уже сообщали
# ФАКТЫ", "Как сообщало ИА REGNUM" (on 471 BSNLP pages with real addresses, the page's own
# site 19 times of 22; another outlet, "Как сообщала The Times", the rest).
_EARLIER_REPORT = re.compile(
    r"(?:[Кк]ак|[Рр]анее)\s+(?:уже\s+|ранее\s+)?(?:сообщал|писал|информировал|рассказывал)[аои]?\s+(?:ранее\s+)?"
    r"(?P<name>[«\"“][A-ZА-ЯЁ][^»\"”]{1,30}[»\"”]|[A-ZА-ЯЁ][\w\-]*(?:\.[\w\-]+)*(?:\s[A-ZА-ЯЁ][\w\-]*){0,2})"
    # the name first: "Ранее «Газета.Ru» писала", "Ранее Лента.ру уже сообщала"
    r"|[Рр]анее\s+(?P<name2>[«\"“][A-ZА-ЯЁ][^»\"”]{1,30}[»\"”]|[A-ZА-ЯЁ][\w\-]*(?:\.[\w\-]+)*(?:\s[A-ZА-ЯЁ][\w\-]*){0,2})"
    r"\s+(?:уже\s+)?(?:сообщал|писал|информировал|рассказывал)[аои]?\b")


def _own_earlier_report(text: str) -> str | None:
    """The outlet most often named as having reported before (see _EARLIER_REPORT): a known
    outlet, a quoted name, a name in capitals or a site."""
    if "ообщал" not in text and "исал" not in text and "ассказывал" not in text and "нформировал" not in text:
        return None
    votes: Counter[str] = Counter()
    for m in _EARLIER_REPORT.finditer(text):
        raw = m.group("name") or m.group("name2")
        name = clean_name(raw)
        words = name.split()
        known = next((k for n in range(len(words), 0, -1) if (k := known_outlet(" ".join(words[:n])))), None)
        if known:
            votes[known] += 1
        # (the name first, "Ранее СМИ сообщали", takes a known, quoted or site's name only)
        # (a ministry or the press at large is no outlet: "Как сообщал МИД", "Как сообщали СМИ")
        elif raw[0] in "«\"“" or (AGENCY_LIKE.fullmatch(words[0]) and not common_abbreviation(words[0])
                                  and (m.group("name") or DOMAIN.fullmatch(words[0]))):
            votes[host_outlet(words[0]) if DOMAIN.fullmatch(words[0]) else (name if raw[0] in "«\"“" else words[0])] += 1
    return votes.most_common(1)[0][0] if votes else None


def _names_itself(text: str, m: re.Match) -> bool:
    """Whether the site address `m` (a domain token of `text`) is the site naming itself: after its
    kind or before a newsroom's verb, and not cited (see _PORTAL_BEFORE)."""
    if _SITE_AT_WORK.match(text, m.end()):
        return True
    before = _PORTAL_BEFORE.search(text, max(0, m.start() - 12), m.start())
    return bool(before) and not _CITED_BEFORE.search(text, max(0, before.start() - 25), before.start()) \
        and not _CITED_AFTER.match(text, m.end())


_SPOKEN_TO = re.compile(r"беседе с|разговоре с|интервью|комментарии")
_QUOTED_NAME = re.compile(r"[«\"“]([^»\"”]{2,30})[»\"”]")
_INTERVIEW = re.compile(r"интервью|беседе с|разговоре с")
_SOURCE_BEFORE = re.compile(r"\b(?:Источник|Первоисточник|Source)\s*:\s*$")
# A relay in the present tense, the way a page cites what another outlet publishes ("Об этом сообщает
# The Guardian", "пишет «Коммерсант»"), its name after the verb; a scrape that drops a link leaves the
# verb before the next sentence ("Об этом сообщает Демонстранты перекрывают…", "сообщает Хотя…").
_RELAY_NOW = re.compile(r"(?:сообщает(?<!\wсообщает)|передает(?<!\wпередает)|передаёт(?<!\wпередаёт)|пишет(?<!\wпишет)) +"
                        r"(?P<name>[«\"“]?[A-ZА-ЯЁ][\w\-.]*(?:\s[A-ZА-ЯЁ][\w\-.]*){0,2})")


def _relays_others(text: str) -> Callable[[str], bool]:
    """A test of a name the text's weak cues give: whether the page relays, in the present tense, an
    outlet other than it, named or a link whose name the scrape dropped (a singular verb before a word
    that cannot be its subject: a conjunction, a plural noun). Such a page cites other outlets'
    reports and interviews; "Как сообщал «Би-би-си»", "в интервью The Guardian" there name another
    outlet (on the 471 BSNLP pages with a real address: lenta.ru, fergananews.com), where on a page
    that relays nobody they are the page's own earlier report or interview ("Как сообщало ИА REGNUM")."""
    named: set[str] = set()
    unnamed = False
    for m in _RELAY_NOW.finditer(text) if ("сообщает" in text or "ереда" in text or "пишет" in text) else ():
        raw = m.group("name")
        words = clean_name(raw).split()
        known = next((k for n in range(len(words), 0, -1) if (k := known_outlet(" ".join(words[:n])))), None)
        if known:
            named.add(known)
        elif raw[0] not in "«\"“" and CYRILLIC_WORD.match(words[0]) and not _can_be_subject(words[0]):
            unnamed = True
    return lambda name: unnamed or bool(named - {known_outlet(name) or name})


@lru_cache(maxsize=4096)
def _can_be_subject(word: str) -> bool:
    """A word that can be a singular verb's subject or open it: a noun, a name or an adjective in the
    nominative singular ("Британская газета"), or one no case tells (an abbreviation)."""
    from ..nlp import morph

    return any(p.tag.POS in ("NOUN", "NPRO", "ADJF", None) and p.tag.case in ("nomn", None) and p.tag.number != "plur"
               for p in morph().parse(word))


# "Как стало известно «Известиям»", "«Известиям» удалось выяснить": the outlet finding out.
_KNOWN_TO = re.compile(r"(?:(?:стало известно|удалось\s+(?:выяснить|узнать))\s+(?P<name>[«\"“][А-ЯЁ][^»\"”]{1,24}[»\"”])"
                       r"|(?P<name2>[«\"“][А-ЯЁ][^»\"”]{1,24}[»\"”])\s+(?:удалось\s+(?:выяснить|узнать)|стало известно))")
# (an indeclinable known name: "РБК стало известно", "Как стало известно RTVI")
_KNOWN_TO_BARE = (re.compile(r"(?:стало известно|удалось\s+(?:выяснить|узнать))\s+(?P<name>[A-ZА-ЯЁ][\w.\-]*)(?=[\s,.])"),
                  re.compile(r"(?<![\w.])(?P<name>[A-ZА-ЯЁ][\w.\-]*)\s+(?:стало известно|удалось\s+(?:выяснить|узнать))"))
