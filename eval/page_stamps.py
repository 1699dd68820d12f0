"""Dates shown by the headline (issue 15): every BSNLP raw page with a real address and a header date
(covid-19 left out: its headers are placeholders), read with the covid-19 placeholder address in its
header so that the page alone dates itself, classed by the first stamp its headline and the next two
lines show, and scored against the header's date.

    python eval/page_stamps.py [-v]   # -v: every page with a stamp not dated as its header
    python eval/page_stamps.py --perturb [-v]   # each tune page's stamp rewritten into every common form

Forms: "with its year" ("03.11.2018", "26 июля 2018 г. 15:28", "Опубликовано: 14 Сентября, 2018",
"2018-07-09", "July 19, 2018"); "day and month" ("МАДРИД, 18 июл ПРАЙМ", "Москва. 19 июля."); "time
only" ("13:33 В Европе отменили…", ", 19:14 REGNUM"); "relative" ("сегодня", "вчера"). Only a stamp
with its year can date a page (a year from elsewhere would be a guess), so the other forms' right
figure is 0 by design; what they count is how often pages show them. A page dated with a date its
header does not give is "wrong" — or, where the page's own stamp shows that date with its year (the
header is the crawler's), "unclear".

--perturb: each page of the whole-page gold's tune half whose stamp stands on a short line of its own (a
cue before it, a byline after it) or opens a longer one has that stamp rewritten into each common Russian form of its gold
date (PERTURBED_FORMS: with and without a time, numeric, ISO, a month's word, its abbreviation, the
month first, a weekday, "года", "в 15:13") and again with the furniture a scraper glues to it ("15:13Фото:
…", "Здоровье30 декабря 2020"); "вчера в 15:13" is resolvable only under a line showing which day is
today, and without it must leave the page undated; the line showing today, the page's stamp taken
away, must leave it undated too. Then the stamp line as the page shows it is moved where other sites put
it: over the headline, after the lead, closing the article (after share buttons too). Each variant is read by build_document and counted
right / wrong / none by form: what a new site's stamp form does to the date, not how often sites use it."""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

CORPORA = ROOT.parent / "shared" / "corpora"
PLACEHOLDER = "http://www.fromtheweb.eu"
HEAD_LINES = 3  # the headline and the two lines under it: where a page stamps its article
HEAD_CHARS = 80  # a stamp opens its line or stands in a short one; a date further on is the article's event

_MONTH = (r"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|янв|фев|мар|апр|авг|сен|окт"
          r"|ноя|дек|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[а-яёa-z]*\.?")
FORMS = (
    ("with its year", re.compile(rf"(?i)(?<!\d)\d{{1,2}}\.\d{{1,2}}\.(?:19|20)\d{{2}}(?!\d)|(?<!\d)(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}"
                                 rf"|(?<!\d)\d{{1,2}}\s+{_MONTH},?\s+(?:19|20)\d{{2}}(?!\d)|{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}")),
    ("day and month", re.compile(rf"(?i)(?<!\d)\d{{1,2}}\s+{_MONTH}(?![а-яё])|(?<![\d.])\d{{1,2}}\.\d{{2}}(?![\d.])")),
    ("time only", re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:])")),
    ("relative", re.compile(r"(?i)(?<![а-яё])(?:сегодня|вчера)(?![а-яё])")),
)
FORM_NAMES = (*(f for f, _ in FORMS), "no stamp")


def stamp_form(head: list[str]) -> str:
    """The form of the first stamp opening one of the lines by the headline (FORMS, in their order of
    trust on a line; the lines in page order)."""
    for line in head:
        found = [name for name, rx in FORMS if rx.search(line[:HEAD_CHARS])]
        if found:
            return found[0]
    return "no stamp"


_MONTHS_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
               "ноября", "декабря")
_MONTHS_NOM = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
               "ноябрь", "декабрь")
_MONTHS_ABBR = ("янв.", "фев.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек.")
_WEEKDAYS = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")
# (name, the stamp written from date d and time t, the line of its own put at the page's top or None)
PERTURBED_FORMS = (
    ("d month yyyy, hh:mm", lambda d, t: f"{d.day} {_MONTHS_GEN[d.month - 1]} {d.year}, {t}"),
    ("d month yyyy", lambda d, t: f"{d.day} {_MONTHS_GEN[d.month - 1]} {d.year}"),
    ("d month yyyy г., hh:mm", lambda d, t: f"{d.day} {_MONTHS_GEN[d.month - 1]} {d.year} г., {t}"),
    ("d month yyyy года", lambda d, t: f"{d.day} {_MONTHS_GEN[d.month - 1]} {d.year} года"),
    ("d month yyyy в hh:mm", lambda d, t: f"{d.day} {_MONTHS_GEN[d.month - 1]} {d.year} в {t}"),
    ("d Month yyyy", lambda d, t: f"{d.day} {_MONTHS_GEN[d.month - 1].capitalize()} {d.year}"),
    ("D MONTH YYYY", lambda d, t: f"{d.day} {_MONTHS_GEN[d.month - 1].upper()} {d.year}"),
    ("d month, yyyy", lambda d, t: f"{d.day} {_MONTHS_GEN[d.month - 1]}, {d.year}"),
    ("hh:mm, d month yyyy", lambda d, t: f"{t}, {d.day} {_MONTHS_GEN[d.month - 1]} {d.year}"),
    ("hh:mm d month yyyy", lambda d, t: f"{t} {d.day} {_MONTHS_GEN[d.month - 1]} {d.year}"),
    ("weekday, d month yyyy", lambda d, t: f"{_WEEKDAYS[d.weekday()].capitalize()}, {d.day} {_MONTHS_GEN[d.month - 1]} {d.year}"),
    ("d mon. yyyy", lambda d, t: f"{d.day} {_MONTHS_ABBR[d.month - 1]} {d.year}"),
    ("d mon yyyy, hh:mm", lambda d, t: f"{d.day} {_MONTHS_ABBR[d.month - 1].rstrip('.')} {d.year}, {t}"),
    ("Month d, yyyy", lambda d, t: f"{_MONTHS_NOM[d.month - 1].capitalize()} {d.day}, {d.year}"),
    ("dd.mm.yyyy hh:mm", lambda d, t: f"{d:%d.%m.%Y} {t}"),
    ("dd.mm.yyyy, hh:mm", lambda d, t: f"{d:%d.%m.%Y}, {t}"),
    ("dd.mm.yyyy в hh:mm", lambda d, t: f"{d:%d.%m.%Y} в {t}"),
    ("dd.mm.yyyy | hh:mm", lambda d, t: f"{d:%d.%m.%Y} | {t}"),
    ("hh:mm dd.mm.yyyy", lambda d, t: f"{t} {d:%d.%m.%Y}"),
    ("dd.mm.yyyy", lambda d, t: f"{d:%d.%m.%Y}"),
    ("dd.mm.yyyyг.", lambda d, t: f"{d:%d.%m.%Y}г."),
    ("dd.mm.yy hh:mm", lambda d, t: f"{d:%d.%m.%y} {t}"),
    ("dd/mm/yyyy", lambda d, t: f"{d:%d/%m/%Y}"),
    ("dd/mm/yyyy hh:mm", lambda d, t: f"{d:%d/%m/%Y} {t}"),
    ("dd-mm-yyyy", lambda d, t: f"{d:%d-%m-%Y}"),
    ("yyyy-mm-dd", lambda d, t: f"{d:%Y-%m-%d}"),
    ("yyyy-mm-dd hh:mm", lambda d, t: f"{d:%Y-%m-%d} {t}"),
    ("yyyy-mm-ddThh:mm", lambda d, t: f"{d:%Y-%m-%d}T{t}"),
    ("yyyy-mm-ddThh:mm:ss+03:00", lambda d, t: f"{d:%Y-%m-%d}T{t}:00+03:00"),
    ("Mon d, yyyy (English)", lambda d, t: f"{d:%b} {d.day}, {d.year}"),
    # furniture glued on by the scraper
    ("d month yyyy, hh:mmФото: …", lambda d, t: f"{d.day} {_MONTHS_GEN[d.month - 1]} {d.year}, {t}Фото: Иван Петров / ТАСС"),
    ("dd.mm.yyyy hh:mmФото: …", lambda d, t: f"{d:%d.%m.%Y} {t}Фото: Иван Петров / ТАСС"),
    ("dd.mm.yyyyhh:mm", lambda d, t: f"{d:%d.%m.%Y}{t}"),
    ("d month yyyyИван Петров", lambda d, t: f"{d.day} {_MONTHS_GEN[d.month - 1]} {d.year}Иван Петров"),
    ("Здоровьеd month yyyy, hh:mm", lambda d, t: f"Здоровье{d.day} {_MONTHS_GEN[d.month - 1]} {d.year}, {t}"),
    ("hh:mmd month yyyy", lambda d, t: f"{t}{d.day} {_MONTHS_GEN[d.month - 1]} {d.year}"),
    ("d month yyyy, hh:mm1 234 просмотра", lambda d, t: f"{d.day} {_MONTHS_GEN[d.month - 1]} {d.year}, {t}1 234 просмотра"),
)
# (the gold date in the forms the tune pages show it, with a time before or after it)
_TIME = r"\d{1,2}:\d{2}"


def _stamp_span(line: str, day) -> tuple[int, int] | None:
    """Where the stamp of `day` stands in `line`, a time beside it included."""
    y, m, d = day.year, day.month, day.day
    rx = re.compile(rf"(?:{_TIME},?\s+)?(?:(?<!\d)0?{d}[./]0?{m}[./](?:{y}|{y % 100:02d})(?!\d)|{y}-{m:02d}-{d:02d}"
                    rf"|(?<!\d)0?{d}\s+[А-Яа-яЁё]+\.?,?\s+{y}(?:\s*г\.)?)(?:\s*,?\s*(?:в\s+)?{_TIME})?")
    found = rx.search(line)
    return found.span() if found else None


def perturb(corpora: Path, verbose: bool) -> None:
    """The --perturb table (see the module's docstring)."""
    import datetime as dt

    from cleaning import PAGES, load, read_page
    from citata.pipeline import build_document
    from citata.source import text_document

    pages, moved = [], {}
    for entry in load(PAGES, "tune"):
        if not entry.get("published"):
            continue
        text = read_page(entry, corpora).text
        lines = text.split("\n")
        day = dt.date.fromisoformat(entry["published"])
        at = next(((i, sp) for i, ln in enumerate(lines) for sp in [_stamp_span(ln, day)]
                   if sp and (len(ln.strip()) <= HEAD_CHARS or sp[0] == len(ln) - len(ln.lstrip()))), None)
        if at is None:
            print(f"  (left out: {Path(entry['file']).name}, its stamp stands inside a longer line, not opening it)")
            continue
        i, (a, b) = at
        shown = re.search(_TIME, lines[i][a:b])
        pages.append((Path(entry["file"]).name, lines, i, a, b, day, shown.group() if shown else "15:13"))
        body = [k for k, label in enumerate(entry["labels"]) if label == "body" and k != i]
        moved[Path(entry["file"]).name] = (lines, i, entry["title"][0], body[0], body[-1], day)
    table, listed = {}, []
    relative = [("вчера в hh:mm, today shown", True), ("вчера в hh:mm, no today", False),
                ("no stamp, today shown", None)]
    for name, form in (*PERTURBED_FORMS, *((r, None) for r, _ in relative)):
        tally = table.setdefault(name, Counter())
        for file, lines, i, a, b, day, clock in pages:
            want = day.isoformat()
            new, shown = list(lines), i
            if form is None:  # (a relative stamp: dated only where the page shows which day is today)
                new[i] = lines[i][:a] + (f"вчера в {clock}" if dict(relative)[name] is not None else "") + lines[i][b:]
                if dict(relative)[name] is not False:  # (the header's day is no stamp: alone it dates nothing)
                    today = day + dt.timedelta(days=1)
                    new.insert(4, f"Сегодня: {today.day} {_MONTHS_GEN[today.month - 1]} {today.year}")
                    shown += 1
                if not dict(relative)[name]:
                    want = None
            else:
                new[i] = lines[i][:a] + form(day, clock) + lines[i][b:]
            got = build_document(text_document(file, "\n".join(new))).published
            result = "right" if got == want else "none" if got is None else "wrong"
            tally[result] += 1
            if result != "right":
                listed.append(f"  {result:<5} {name:<34} {file:<22} got {got} want {want} | {new[shown].strip()[:80]}")
    print(f"{len(pages)} tune pages, each stamp rewritten into {len(table)} forms")
    print("| form | pages | right | wrong | none |")
    print("|---|---|---|---|---|")
    for name, c in table.items():
        print(f"| {name} | {sum(c.values())} | {c['right']} | {c['wrong']} | {c['none']} |")
    total = sum(table.values(), Counter())
    print(f"| all | {sum(total.values())} | {total['right']} | {total['wrong']} | {total['none']} |")
    # the stamp line as the page shows it, moved: where else sites put it
    places = {"over the headline": lambda t, first, last: t, "after the lead": lambda t, first, last: first + 1,
              "closing the article": lambda t, first, last: last + 1}
    print("| the stamp line moved | pages | right | wrong | none |")
    print("|---|---|---|---|---|")
    for place, where in (*places.items(), ("closing the article, after share buttons", None)):
        tally = Counter()
        for file, (lines, i, t, first, last, day) in moved.items():
            stamp, rest = lines[i], lines[:i] + [""] + lines[i + 1:]  # (its blank line kept: no line numbers move)
            at = where(t, first, last) if where else last + 1
            new = rest[:at] + ([stamp, ""] if where else ["Поделиться", "", "ВКонтакте", "", stamp, ""]) + rest[at:]
            got = build_document(text_document(file, "\n".join(new))).published
            result = "right" if got == day.isoformat() else "none" if got is None else "wrong"
            tally[result] += 1
            if result != "right":
                listed.append(f"  {result:<5} {place:<34} {file:<22} got {got} want {day} | {stamp.strip()[:80]}")
        print(f"| {place} | {sum(tally.values())} | {tally['right']} | {tally['wrong']} | {tally['none']} |")
    if verbose:
        print("\n".join(listed))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", action="store_true", help="list every page with a stamp not dated as its header")
    ap.add_argument("--corpora", type=Path, default=CORPORA)
    ap.add_argument("--perturb", action="store_true", help="each tune page's stamp rewritten into every common form")
    args = ap.parse_args()
    if args.perturb:
        perturb(args.corpora, args.v)
        return
    from mine_outlets import addressed_pages
    from citata.clean import clean
    from citata.metadata import extract_metadata
    from citata.source import text_document

    table = {f: Counter() for f in FORM_NAMES}
    listed: list[str] = []
    for path, lines, _, _ in addressed_pages(args.corpora):
        header = lines[2].strip()[:10]
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", header):
            continue
        lines[3] = PLACEHOLDER
        raw = text_document(str(path), "\n".join(lines))
        got = extract_metadata(raw, clean(raw))["published"]
        head = [ln for ln in lines[4:] if ln.strip()][:HEAD_LINES]
        form = stamp_form(head)
        if got is None:
            result = "none"
        elif got == header:
            result = "right"
        else:
            y, m, d = got.split("-")
            shown = re.search(rf"(?<!\d)0?{int(d)}\.0?{int(m)}\.{y}(?!\d)", "\n".join(head))
            result = "unclear" if shown else "wrong"
        table[form][result] += 1
        if args.v and form != "no stamp" and result != "right":
            listed.append(f"  {path.relative_to(args.corpora)}: {form}, header {header}, dated {got} ({result}) | "
                          + " // ".join(h.strip()[:100] for h in head))
    print("| the first stamp by the headline | pages | dated right | wrong | unclear | none |")
    print("|---|---|---|---|---|---|")
    for form, c in table.items():
        print(f"| {form} | {sum(c.values())} | {c['right']} | {c['wrong']} | {c['unclear']} | {c['none']} |")
    total = sum((c for c in table.values()), Counter())
    print(f"| all | {sum(total.values())} | {total['right']} | {total['wrong']} | {total['unclear']} | {total['none']} |")
    if args.v:
        print("\n".join(listed))


if __name__ == "__main__":
    main()
