"""Mine the names outlets use for themselves from pages whose address is real.

BSNLP's raw files carry each article's URL in their fourth header line (except the covid-19
topic, whose header URL is a placeholder: those pages are never read here). A site names
itself on its own pages — in a dateline ("11:10 REGNUM …"), a copyright line — in the
letters of its host ("regnum.ru" ↔ "REGNUM", "rosbalt.ru" ↔ "Росбалт", "kommersant.ru" ↔
"Коммерсантъ"), or glues its name to the headline ("… - ВОЙНА и МИР" on warandpeace.ru). For
each host this script counts those names on its pages that do not turn up as often on other
hosts' pages (a tail three sites share is a story's, not a site's name), and writes
host<TAB>name<TAB>pages for every host whose name is found on at least one of its pages:

    python eval/mine_outlets.py [--corpora ../shared/corpora] [--write] [--check [-v]]

--write replaces citata/data/outlet_names.tsv (what metadata reads); without it the table is
printed. Hosts already in citata/data/outlets.tsv keep the name given there (the hand table
wins: it is how readers know the outlet); the mined rows only add hosts it lacks.

--check measures the page-only outlet (what citata finds when the address is a placeholder,
as on the covid-19 whole pages) against the outlet of the real address, on the same pages:
how often the page names an outlet, and how often that is its own site (a name spelling the
host, or the outlet outlets.tsv gives the host), and the page-only date against the header's
date (the article's, on these pages); and, per kind of signal (outlet_signals, then the name
the best of the furniture's candidate names, best_candidate, then the told names), how often it names the own site where it fires and where it decides. -v lists the
disagreements.

It also measures recall where there is something to find: **the pages that show their own name**
(own_name_places: the host, a name spelling it — "Фонтанка" for fontanka.ru, declined or not — or
the outlet tables' names for it, written capitalised), with the place each stands (PLACES: the title's
tail or the title, a © line, a line of its own, the editors' mail, a link, a furniture line above,
under or inside the article, the signature opening it, the article's sentences as a relay or
otherwise), and what the page alone gives those pages: right / wrong / none, anywhere and outside
the article's sentences, and by the most visible place; -v lists the pages that show it outside the
article and get none. Dates likewise: the pages whose text shows the header's date with its year (in
any written form, an embedded post's date left out), or its day and month only.

**Leave-one-outlet-out**: --check also reads every page again with its own outlet (the address's,
all its names and hosts) left out of citata's outlet tables (without_outlet), as a page from an
outlet citata does not know, and prints right / wrong / none over all pages, over the pages that
show their own name (by place) and by the signal that decided; -v lists the pages whose outlet
differs with and without the tables. eval/cleaning.py --leave-out does the same on the tune half.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citata.metadata import NAMELIKE, name_spells_host  # noqa: E402

OUT = ROOT / "citata" / "data" / "outlet_names.tsv"
HAND = ROOT / "citata" / "data" / "outlets.tsv"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SKIP_TOPICS = {"covid-19"}
THRESHOLDS = (1.0, 1.5, 2.0, 2.5, 3.0)  # (for the candidates' MIN_SCORE: how many pages each keeps, how many right)  # placeholder URLs (and the gold's whole pages)
# Candidate names: a quoted name, or a run of one or two capitalised words (Latin or Cyrillic,
# dots and hyphens inside: "Газета.Ru", "РИА Новости", "REGNUM").
_QUOTED = re.compile(r"[«\"“]([A-ZА-ЯЁ][^»\"”\n]{1,30})[»\"”]")
_CAPS = re.compile(r"(?<![\w.\-])([A-ZА-ЯЁ][\w\-]*(?:\.[A-Za-zА-Яа-яЁё]+)?(?:\s[A-ZА-ЯЁ][\w\-]*)?)")


def addressed_pages(corpora: Path):
    """(path, its lines, its address, the address's host) of every BSNLP page outside
    SKIP_TOPICS whose fourth header line is a real address."""
    for path in sorted((corpora / "bsnlp-ru").glob("*/raw/*")):
        if path.parts[-3] in SKIP_TOPICS or not path.is_file():
            continue
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        if len(lines) < 5 or "://" not in lines[3]:
            continue
        url = lines[3].strip()
        yield path, lines, url, (urlsplit(url).hostname or "").lower().removeprefix("www.")


def pages(corpora: Path):
    for _, lines, _, host in addressed_pages(corpora):
        if host:
            yield host, "\n".join(lines[4:])


def candidates(text: str) -> set[str]:
    found = {m.group(1).strip() for m in _QUOTED.finditer(text)}
    for m in _CAPS.finditer(text):
        words = m.group(1).split()
        found.add(words[0])
        if len(words) == 2:
            found.add(m.group(1))
    return found


_TITLE_TAIL = re.compile(r"\s(?:[-–—|]|::)\s+([^-–—|:]{2,40}?)\s*$")
# A tail made of names: capitalised words (or words in capitals), short function words between
# ("ВОЙНА и МИР", "PanARMENIAN.Net", "Новая Европа"; not "В городе", "СМИ сообщили причину").
_NAME_WORDS = re.compile(r"[A-ZА-ЯЁ0-9][\w.\-]*(?:\s+(?:[A-ZА-ЯЁ0-9][\w.\-]*|и|of|the|de))*")


def title_tail(text: str) -> str | None:
    """The site's name glued to the headline of a page (its first line): a short tail after
    a separator whose words are names and that reads as one (see citata.metadata.signals'
    site_tail)."""
    m = _TITLE_TAIL.search(text.split("\n", 1)[0])
    tail = m.group(1) if m else ""
    if tail and len(tail.split()) <= 3 and _NAME_WORDS.fullmatch(tail) and NAMELIKE.search(tail):
        return tail
    return None


def mine(corpora: Path) -> list[tuple[str, str, int]]:
    by_host: dict[str, Counter[str]] = defaultdict(Counter)
    anywhere: Counter[str] = Counter()  # pages naming each candidate, all hosts
    for host, text in pages(corpora):
        names = candidates(text)
        tail = title_tail(text)
        by_host[host].update({n for n in names if name_spells_host(n, host)} | ({tail} if tail else set()))
        anywhere.update(names | ({tail} if tail else set()))
    rows = []
    for host, counts in sorted(by_host.items()):
        # A name other hosts' pages carry as often is a common word spelling the host by chance.
        own = [(c, n) for n, c in counts.items() if c * 2 > anywhere[n]]
        if own:
            c, name = max(own, key=lambda cn: (cn[0], len(cn[1])))
            rows.append((host, name, c))
    return rows


def check(corpora: Path, verbose: bool) -> None:
    from citata.metadata import (SIGNAL_ORDER, best_candidate, extract_metadata, outlet_candidates, outlet_from_url,
                                 outlet_signals, outlet_told, page_outlet)
    from citata.metadata.candidates import MIN_LEAD
    from citata.clean import clean
    from citata.source import text_document

    kinds = (*SIGNAL_ORDER, "scored", "company", "told")  # (in the order page_outlet reads them)
    fires = {k: Counter() for k in kinds}  # each kind of signal where it names an outlet: own site or not
    decides = {k: Counter() for k in kinds}  # … where it is the one outlet_from_page takes
    named = agree = total = 0
    dates = {"n": 0, "dated": 0, "right": 0}
    sweep = {t: Counter() for t in THRESHOLDS}  # the best candidate where it clears each threshold: own site or not
    shown = {"anywhere": Counter(), "furniture": Counter()}  # pages showing their own name: right / wrong / none
    by_place = {p: Counter() for p in PLACES}  # … by the most visible place it stands
    missed: list[str] = []
    date_shown = {k: Counter() for k in ("with its year", "day and month only", "not shown")}
    date_missed: list[str] = []
    # leave-one-outlet-out: each page again with its own outlet left out of the tables
    lo = {"all": Counter(), "anywhere": Counter(), "furniture": Counter()}
    lo_by_place = {p: Counter() for p in PLACES}
    lo_why: dict[str, Counter] = defaultdict(Counter)
    lo_lines: list[str] = []
    for path, lines, url, host in addressed_pages(corpora):
        header_date = lines[2].strip()[:10]
        lines[3] = "http://www.fromtheweb.eu"  # the placeholder the covid-19 pages carry
        raw = text_document(str(path), "\n".join(lines))
        cleaned = clean(raw)
        meta = extract_metadata(raw, cleaned)
        signals = {k: v for k, v in outlet_signals(cleaned, 4).items() if v}
        told = outlet_told(cleaned.text)
        if told:
            signals["told"] = told
        best = best_candidate(cleaned, 4)
        if best:
            signals["scored"] = best.name
        ranked = outlet_candidates(cleaned, 4)
        for t in THRESHOLDS:
            if ranked and ranked[0].score >= t and (len(ranked) == 1 or ranked[0].score - ranked[1].score >= MIN_LEAD):
                sweep[t][_own_site(ranked[0].name, url, host)] += 1
        for k, v in signals.items():
            fires[k][_own_site(v, url, host)] += 1
        first = next((k for k in kinds if k in signals), None)
        if first:
            decides[first][_own_site(signals[first], url, host)] += 1
        got = meta["outlet"]
        total += 1
        why = page_outlet(cleaned, 4)[1] if got else None
        if _ISO_DAY.fullmatch(header_date):  # (the header's date is the article's; the placeholder hides it)
            dates["n"] += 1
            dates["dated"] += meta["published"] is not None
            dates["right"] += meta["published"] == header_date
            full, day_only = shown_dates("\n".join(lines[4:]), header_date)
            result = "none" if meta["published"] is None else "right" if meta["published"] == header_date else "wrong"
            date_shown["with its year" if full else "day and month only" if day_only else "not shown"][result] += 1
            if verbose and full and result != "right":
                date_missed.append(f"  {path.relative_to(corpora)}: shows {header_date}, dated {meta['published']}")
            if verbose and meta["published"] not in (None, header_date):
                print(f"  {path.relative_to(corpora)}: page dated {meta['published']}, header {header_date}")
        places = own_name_places(cleaned, 4, url, host)
        result = "none" if not got else "right" if _own_site(got, url, host) else "wrong"
        with without_outlet([n for n in (outlet_from_url(url),) if n], [host]):
            cleaned_lo = clean(raw)
            got_lo, why_lo = page_outlet(cleaned_lo, 4)
        res_lo = "none" if not got_lo else "right" if _own_site(got_lo, url, host) else "wrong"
        lo["all"][res_lo] += 1
        lo_why[(why_lo or "none").split(":")[0].split("+")[0]][res_lo] += 1
        if places:
            lo["anywhere"][res_lo] += 1
            lo_by_place[min(places, key=PLACES.index)][res_lo] += 1
            if VISIBLE & set(places):
                lo["furniture"][res_lo] += 1
        if verbose and res_lo != result:
            lo_lines.append(f"  {path.relative_to(corpora)} ({host}): {got!r} ({why}) -> left out: {got_lo!r} ({why_lo})")
        if places:
            shown["anywhere"][result] += 1
            by_place[min(places, key=PLACES.index)][result] += 1
            if VISIBLE & set(places):
                shown["furniture"][result] += 1
                if result == "none":
                    missed.append(f"  {path.relative_to(corpora)} ({host}): shows it at {', '.join(dict.fromkeys(places))}")
        if not got:
            continue
        named += 1
        ok = _own_site(got, url, host)
        agree += ok
        if verbose and not ok:
            print(f"  {path.relative_to(corpora)}: page names {got!r} ({why}), address {host} ({outlet_from_url(url)})")
    print(f"{total} pages with a real address; the page alone names an outlet on {named}, "
          f"its own site on {agree} ({agree / max(named, 1):.0%}): right {agree}, wrong {named - agree}, "
          f"none {total - named}")
    print("| signal | names an outlet: own site / another | decides: own site / another |")
    print("|---|---|---|")
    for k in kinds:
        print(f"| {k} | {fires[k][True]} / {fires[k][False]} | {decides[k][True]} / {decides[k][False]} |")
    print(f"{dates['n']} of them with the article's date in the header; the page alone dates {dates['dated']}, "
          f"the header's date on {dates['right']}")
    _print_outcomes("pages that show their own name", "found right", shown)
    _print_outcomes("the most visible place it stands", "found right", by_place)
    if verbose:
        print("shown outside the article's sentences, none found:")
        print("\n".join(missed))
    _print_outcomes("pages whose text shows the header's date", "dated right", date_shown)
    if verbose:
        print("shows the date with its year, not dated right:")
        print("\n".join(date_missed))
    print("Leave-one-outlet-out (each page with its own outlet's names and hosts left out of every outlet table):")
    _print_outcomes("pages, own outlet left out of the tables", "found right", lo)
    _print_outcomes("the most visible place it stands, own outlet left out", "found right", lo_by_place)
    _print_outcomes("the signal that decided, own outlet left out", "right", lo_why)
    if verbose:
        print("outlet with the tables / with its own outlet left out, where they differ:")
        print("\n".join(lo_lines))
    print("| the furniture's best candidate (metadata.candidates), score at least | names the own site / another |")
    print("|---|---|")
    for t, c in sweep.items():
        print(f"| {t} | {c[True]} / {c[False]} |")


def _print_outcomes(what: str, right: str, counts: dict[str, Counter]) -> None:
    """A table of pages by kind: how many, and how many the page alone got right, wrong or not at all."""
    print(f"| {what} | pages | {right} | wrong | none |")
    print("|---|---|---|---|---|")
    for k, c in counts.items():
        print(f"| {k} | {sum(c.values())} | {c['right']} | {c['wrong']} | {c['none']} |")


# Where a page shows its own name, most visible first (a page counts under the first it shows):
# its title line (the tail after a separator, or elsewhere in it), a © or rights line, a line of
# its own (the name and little else), the editors' mail, a link to the site, another furniture line
# above the article or under it, the agency's signature opening the article, and the article's
# sentences (a relay there, "сообщает ТАСС", or otherwise told) — never the outlet's source.
PLACES = ("title_tail", "title", "copyright", "own_line", "email", "link", "top", "bottom", "inside", "opening",
          "text_relay", "text")
VISIBLE = frozenset(PLACES[:10])  # the places a reader sees as the site's own furniture
_WORD = re.compile(r"[\w][\w.\-]*")
_RIGHTS = re.compile(r"©|\([cсCС]\)|Copyright|[Вв]се права", re.I)
_RELAY_NEAR = re.compile(r"(?i)(?:сообщ|переда|пиш|информир|цитир|по данным|ссылкой на|по информации|рассказ|заяви|сказал|об этом|как уже|ранее)\w*[^.!?]{0,25}$")
_SEPARATORS = (" - ", " – ", " — ", " | ", " :: ", " // ", ": ")


def own_names(url: str, host: str) -> tuple[set[str], set[str]]:
    """(the folded names the page's own outlet goes by, its hosts): the host's labels a name may
    spell (name_spells_host), the outlet the tables give the address, the outlet table's name and
    other names for it."""
    from citata import lexicons
    from citata.metadata import canonical_outlet, outlet_from_url, translit

    names: set[str] = set()
    own = outlet_from_url(url)
    canon = canonical_outlet(own) or canonical_outlet(host) or own
    for name, others, hosts, _ in lexicons.outlet_table():
        if name == canon or any(host == h.lower() or host.endswith("." + h.lower()) for h in hosts):
            # (a name opening with a letter the fold drops, "Ъ-Новости", is matched as written: its
            # fold is a common word's, "Новости")
            names.update(translit(n) if translit(n[0]) else "=" + n.lower() for n in (name, *others))
    if own and own != host:
        names.add(translit(own))
    labels = host.split(".")
    # (a parent domain names the site too: "ONLINE.UA" on news.online.ua)
    names.update(translit(".".join(labels[i:])) for i in range(1, len(labels) - 1) if len(labels[i]) >= 4)
    names = {n for n in names if len(n) >= 2}
    return names, {host}


def _spells(word: str, names: set[str], host: str, alone: bool = False) -> bool:
    from citata.metadata import name_spells_host, translit

    if not (word[:1].isupper() or word[:1].isdigit()):
        return False  # (a name is written capitalised: "ввести" is no "Вести")
    if " " not in word and re.fullmatch(r"[А-ЯЁ][а-яё]+", word) and not alone and _word_like(word):
        return False  # ("Сегодня, 17:22" is no segodnya.ua)
    folded = translit(word)
    if folded in names or "=" + word.lower() in names or name_spells_host(word, host):
        return True
    # a declined Cyrillic name ("Фонтанки", "«Известиям»"): its stem and a short ending
    return bool(re.fullmatch(r"[А-ЯЁ][А-ЯЁа-яё\-]+", word)) and any(
        len(n) >= 5 and folded.startswith(n[:-1]) and len(folded) - len(n) <= 2 for n in names)


def _word_like(word: str) -> bool:
    from citata.nlp import morph

    return morph().parse(word.lower())[0].tag.POS not in ("NOUN", "ADJF", None)


def own_name_places(cleaned, first: int, url: str, host: str) -> list[str]:
    """Every place (PLACES) where the page shows its own outlet's name, in page order."""
    names, hosts = own_names(url, host)
    lines = [ln for ln in cleaned.lines[first:] if ln.text.strip()]
    body = [k for k, ln in enumerate(lines) if ln.label == "body"]
    top, bottom = (body[0], body[-1]) if body else (len(lines), -1)
    host_rx = re.compile(r"(?i)(?P<pre>@|://|www\.)?(?<![\w\-])" + re.escape(host) + r"(?![\w\-])")
    out: list[str] = []
    for k, ln in enumerate(lines):
        s = ln.text
        hits: list[int] = []
        kinds_here: list[str] = []
        for m in host_rx.finditer(s):
            kinds_here.append("email" if m.group("pre") == "@" else "link" if m.group("pre") or s[m.end():m.end() + 1] == "/" else "")
            hits.append(m.start())
        words = [(m.start(), m.group(0).rstrip(".-")) for m in _WORD.finditer(s)]
        for i in range(len(words)):
            for n in (3, 2, 1):
                if i + n > len(words):
                    continue
                phrase = " ".join(w for _, w in words[i:i + n])
                # (a word standing alone between separators is a name: "| Мир | Вести |")
                alone = bool(re.fullmatch(r"\s*(?:[|/•·]\s*)?", s[max(0, words[i][0] - 3):words[i][0]])
                             and re.match(r"\s*(?:[|/•·]|$)", s[words[i + n - 1][0] + len(words[i + n - 1][1]):]))
                if _spells(phrase, names, host, alone) and not any(abs(h - words[i][0]) < 3 for h in hits):
                    hits.append(words[i][0])
                    kinds_here.append("")
                    break
        for at, kind in zip(hits, kinds_here):
            if kind:
                out.append(kind)
            elif ln.label == "title" or k == 0:
                tail = max((s.rfind(sep) for sep in _SEPARATORS), default=-1)
                out.append("title_tail" if 0 < tail < at else "title")
            elif _RIGHTS.search(s):
                out.append("copyright")
            elif len(s.strip()) <= 40:
                out.append("own_line")
            elif ln.label != "body":
                out.append("top" if k < top else "bottom" if k > bottom else "inside")
            elif k == top and at < 60:
                out.append("opening")
            else:
                out.append("text_relay" if _RELAY_NEAR.search(s[max(0, at - 60):at]) else "text")
    return out


_MONTH_STEMS = ("янв", "фев", "мар", "апр", "ма[йя]", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
_MONTH_EN = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def shown_dates(text: str, iso: str) -> tuple[bool, bool]:
    """(the page shows the date `iso` with its year, in any written form: "09.07.2018",
    "9 июля 2018", "2018-07-09", "July 9, 2018"; it shows the day and the month alone, "9 июля")."""
    y, m, d = (int(x) for x in iso.split("-"))
    day, mon = rf"(?<!\d)0?{d}(?!\d)", rf"(?:{_MONTH_STEMS[m - 1]}|{_MONTH_EN[m - 1]})[а-яёa-z]*\.?"
    full = re.compile(
        rf"(?i){day}\s*[./\-]\s*0?{m}\s*[./\-]\s*(?:{y}|{y % 100:02d}(?!\d))|{y}\s*[./\-]\s*0?{m}\s*[./\-]\s*0?{d}(?!\d)"
        rf"|{day}(?:-го)?\s+{mon},?\s+{y}|{mon}\s+{day}(?:st|nd|rd|th)?,?\s+{y}")
    # (an embedded post's date is the post's: "— Nigel Farage (@Nigel_Farage) 9 июля 2018 г.")
    if any(not re.search(r"\(@\w+\)\s*$", text[max(0, m.start() - 40):m.start()]) for m in full.finditer(text)):
        return True, True
    return False, bool(re.search(rf"(?i){day}\s+{mon}", text))


def _own_site(got: str, url: str, host: str) -> bool:
    """A page-only outlet is the page's own site: a name spelling the host, the outlet the
    tables give the address, or the host's parent domain ("vgorode.ua" for kiev.vgorode.ua)."""
    from citata.metadata import canonical_outlet, outlet_from_url

    own = outlet_from_url(url)
    # (or one outlet by the outlet table's names: "DW" on dw.com, "Казинформ" on inform.kz; or the host
    # spelled with "c" for the name's "к": "Караван" on caravan.kz, read by hand)
    return name_spells_host(got, host) or (own is not None and got.lower() == own.lower()) \
        or host.endswith("." + got.lower()) or (canonical_outlet(got) or 0) == (canonical_outlet(own) or 1) \
        or ("c" in host and name_spells_host(got, host.replace("c", "k")))


def _key(name: str) -> str:
    """A name folded as own_names folds it (one Latin spelling; a name opening with a letter the
    fold drops, "Ъ-Новости", as written)."""
    from citata.metadata import translit

    name = name.strip().strip("«»\"“”").strip()
    return translit(name) if translit(name[:1]) else "=" + name.lower()


def _host_match(a: str, b: str) -> bool:
    a, b = a.lower().removeprefix("www."), b.lower().removeprefix("www.")
    return a == b or a.endswith("." + b) or b.endswith("." + a)


_TABLE_HOST = re.compile(r"(?i)^(?:www\.)?[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,6}$")


@contextmanager
def without_outlet(names, hosts=()):
    """Citata's outlet tables less one outlet, for a leave-one-outlet-out measure: every row of
    outlets.tsv, outlet_sites.tsv, outlet_names.tsv, outlet_table.tsv and media.txt that goes by one of
    `names` (folded) or is for one of `hosts` (or a host above or under it) is left out, and so is
    every row that shares a name or a host with a row left out, until none does (ria.ru, rian.ru and
    "РИА Новости" go together). Clean and metadata then see the page as from an outlet citata does not
    know: whatever names it must come from the page. The caches of citata.clean and citata.metadata are
    emptied on entry and on exit. Yields the names left out, as the tables write them."""
    from citata import lexicons

    orig = {f: getattr(lexicons, f) for f in ("outlets", "outlet_table", "site_name_table", "media_names")}
    keys = {_key(n) for n in names if n and n.strip()}
    hosts = {h.lower().removeprefix("www.") for h in hosts if h}
    hosts |= {n.strip().lower().removeprefix("www.") for n in names if n and _TABLE_HOST.match(n.strip())}
    # every table row as (its names, its hosts)
    rows = [((n, *others), hs) for n, others, hs, _ in orig["outlet_table"]()]
    rows += [((n,), (h,)) for h, n in orig["outlets"]().items()]
    for f in ("outlet_sites.tsv", "outlet_names.tsv"):
        rows += [((n,), (h,)) for h, n in orig["site_name_table"](f).items()]
    rows += [((n,), ()) for n in orig["media_names"]()]
    out: set[str] = set()
    left = list(rows)
    grew = True
    while grew:
        grew = False
        for row in list(left):
            ns, hs = row
            if any(_key(n) in keys for n in ns) or any(_host_match(h, x) for h in hs for x in hosts):
                left.remove(row)
                keys |= {_key(n) for n in ns}
                hosts |= {h.lower() for h in hs}
                out |= set(ns)
                grew = True

    def gone(name: str, host: str | None = None) -> bool:
        return _key(name) in keys or (host is not None and any(_host_match(host, x) for x in hosts))

    table = tuple(r for r in orig["outlet_table"]() if not any(gone(n) for n in (r[0], *r[1])) and not any(gone("", h) for h in r[2]))
    hand = {h: n for h, n in orig["outlets"]().items() if not gone(n, h)}
    sites = {f: {h: n for h, n in orig["site_name_table"](f).items() if not gone(n, h)} for f in ("outlet_sites.tsv", "outlet_names.tsv")}
    media = frozenset(n for n in orig["media_names"]() if not gone(n))
    patched = {"outlets": lambda: hand, "outlet_table": lambda: table,
               "site_name_table": lambda f: sites[f] if f in sites else orig["site_name_table"](f), "media_names": lambda: media}
    try:
        for f, fn in patched.items():
            setattr(lexicons, f, fn)
        _clear_caches()
        yield out
    finally:
        for f, fn in orig.items():
            setattr(lexicons, f, fn)
        _clear_caches()


def _clear_caches() -> None:
    """Empty every cache of citata.clean and citata.metadata (what they built from the tables)."""
    for name, mod in list(sys.modules.items()):
        if mod is not None and name.startswith(("citata.clean", "citata.metadata")):
            for obj in list(vars(mod).values()):
                if callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    if args.check:
        return check(Path(args.corpora), args.v)
    hand = {s.split("\t")[0] for s in HAND.read_text(encoding="utf-8").splitlines()
            if s and not s.startswith("#")}
    rows = [r for r in mine(Path(args.corpora)) if r[0] not in hand]
    out = ["# Host<TAB>the name its own pages use for it<TAB>pages naming it: mined by eval/mine_outlets.py",
           "# from BSNLP pages with real addresses (not covid-19); hosts in outlets.tsv are left out.",
           *(f"{h}\t{n}\t{c}" for h, n, c in rows)]
    if args.write:
        OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
        print(f"{len(rows)} hosts -> {OUT.relative_to(ROOT)}")
    else:
        print("\n".join(out))


if __name__ == "__main__":
    main()
