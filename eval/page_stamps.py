"""Dates shown by the headline (issue 15): every BSNLP raw page with a real address and a header date
(covid-19 left out: its headers are placeholders), read with the covid-19 placeholder address in its
header so that the page alone dates itself, classed by the first stamp its headline and the next two
lines show, and scored against the header's date.

    python eval/page_stamps.py [-v]   # -v: every page with a stamp not dated as its header

Forms: "with its year" ("03.11.2018", "26 июля 2018 г. 15:28", "Опубликовано: 14 Сентября, 2018",
"2018-07-09", "July 19, 2018"); "day and month" ("МАДРИД, 18 июл ПРАЙМ", "Москва. 19 июля."); "time
only" ("13:33 В Европе отменили…", ", 19:14 REGNUM"); "relative" ("сегодня", "вчера"). Only a stamp
with its year can date a page (a year from elsewhere would be a guess), so the other forms' right
figure is 0 by design; what they count is how often pages show them. A page dated with a date its
header does not give is "wrong" — or, where the page's own stamp shows that date with its year (the
header is the crawler's), "unclear"."""
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", action="store_true", help="list every page with a stamp not dated as its header")
    ap.add_argument("--corpora", type=Path, default=CORPORA)
    args = ap.parse_args()
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
