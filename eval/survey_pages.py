"""A whole page's structure around the article (issue 14, the covid-19 pages): how often each shape
that can break a quotation's span or speaker occurs, on the text attribution reads (citata's clean
text; the raw lines the cleaner cuts for captions), counted in three groups:

- the covid-19 pages of the quotation gold's tune half (whose errors were read);
- the other covid-19 pages (the blind half: counts only, never an error);
- the unannotated articles (`survey_quotes.articles`: in no gold file).

    python eval/survey_pages.py [--corpora ../shared/corpora] [--show CLASS]

--show prints the instances of one class in the unannotated articles only (to read them).
A class worth a rule is one that recurs outside the tune half, on several sites.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata.clean import classify  # noqa: E402
from citata.pipeline import build_document  # noqa: E402
from citata.source import decode, text_document  # noqa: E402
from survey_quotes import articles  # noqa: E402

DASH = "—–-"
# a few frequent speech cues: enough to tell a shape that carries a quotation from one that does not
CUE = re.compile(r"\b(?:заяв|сказа|сообщ|отмет|подчерк|поясн|рассказ|говор|счита|уверен|по словам|по данным|"
                 r"объясн|добав|призна|напомн)", re.I)
QUESTION = re.compile(r"^[^—–\-«\"„“].{4,200}\?$")
DASH_LINE = re.compile(rf"^[{DASH}]\s")
STATEMENT = re.compile(r"^[А-ЯЁA-Z«\"].*[.!…»\"]$")
INTERRUPTED = re.compile(rf"^[{DASH}]\s.+?[,!?…]\s?[{DASH}]\s?[а-яё]+[^{DASH}]{{3,200}}?[.,]\s[{DASH}]\s+\S")
DEGREE = re.compile(rf"[,!?…]\s?[{DASH}]\s?[а-яё]+[^.!?\n]{{0,120}}\b[кд]\.\s?[а-я]{{1,2}}\.\s?н\.")
LIST_ITEM = re.compile(r"^(?:[•·●▪*]|\d{1,2}[.)])\s")
DATELINE = re.compile(r"^[А-ЯЁ][А-ЯЁ\-]+(?:[ \-][А-ЯЁ][А-ЯЁ\-]+)?,\s+\d{1,2}\s+[а-я]{3,8}\.?(?:\s+\d{4})?\s*[—–\-]\s*"
                      r"[^.]{2,60}\.\s")
ODD_DASH = re.compile(r"(?:^|[,!?…»\"]\s)[‑‒―−]\s")
CAPTION_KINDS = ("caption", "credit", "gallery")


def shapes(raw_text: str, source: str) -> Counter:
    """Each class's instances on one page: over its clean text's paragraphs, and (captions) over the
    raw lines the cleaner cuts."""
    raw = text_document(source, raw_text)
    doc = build_document(raw)
    paras = [p.strip() for p in doc.text.split("\n\n") if p.strip()]
    c = Counter()
    pairs = [i for i in range(len(paras) - 1) if QUESTION.match(paras[i]) and DASH_LINE.match(paras[i + 1])]
    c["question paragraph, then a dash answer (Q&A layout)"] = len(pairs)
    if len(pairs) >= 2:
        # on a Q&A page, an answer that goes on in a paragraph with no dash before the next question
        c["Q&A answer over several paragraphs"] = sum(
            1 for i in pairs if i + 2 < len(paras) and STATEMENT.match(paras[i + 2])
            and not QUESTION.match(paras[i + 2]) and not DASH_LINE.match(paras[i + 2]))
    c["dash line interrupted by its attribution (— A, — cue X. — B)"] = sum(bool(INTERRUPTED.match(p)) for p in paras)
    c["degree abbreviation with stops in an attribution (к.м.н.)"] = sum(len(DEGREE.findall(p)) for p in paras)
    c["list item holding a cue"] = sum(1 for p in paras if LIST_ITEM.match(p) and CUE.search(p))
    c["agency dateline before a sentence with a cue"] = sum(1 for p in paras if DATELINE.match(p) and CUE.search(p))
    # (on the raw lines: the cleaner may cut the label and keep the post)
    c["forum's quoted post under a 'Цитата:' label"] = len(re.findall(r"(?m)^[ \t]*Цитата[ \t]*:", raw.text))
    c["non-breaking hyphen / figure dash / bar as the dialogue dash"] = sum(len(ODD_DASH.findall(p)) for p in paras)
    long = [p for p in paras if len(p) >= 80 and CUE.search(p)]
    c["paragraph with a cue repeated on the page (a lead shown twice)"] = len(long) - len(set(long))
    c["cut caption line holding a cue or a quoted phrase"] = sum(
        1 for ln in classify(raw) if ln.label == "boilerplate" and (ln.kind or "") in CAPTION_KINDS
        and (CUE.search(ln.text) or re.search(r"«[^»]*\s[^»]*\s[^»]*»", ln.text)))
    return c


def half(name: str) -> str:
    return "blind" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 2 == 1 else "tune"


def groups(corpora: Path) -> dict[str, list[str]]:
    quote_gold = set()
    for gold in (ROOT / "eval" / "gold").glob("quotes_*.jsonl"):
        quote_gold |= {json.loads(line)["file"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()}
    covid = [str(p.relative_to(corpora)) for p in sorted(corpora.glob("bsnlp-ru/covid-19/raw/*"))]
    return {"tune covid-19 pages": [f for f in covid if f in quote_gold and half(f) == "tune"],
            "other covid-19 pages (counts only)": [f for f in covid if not (f in quote_gold and half(f) == "tune")],
            "unannotated articles": articles(corpora, [])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--show", default=None, help="a class's name (its start will do): print its pages among the unannotated articles")
    args = ap.parse_args()
    table: dict[str, dict[str, tuple[int, int]]] = {}
    for group, files in groups(args.corpora).items():
        inst, pages = Counter(), Counter()
        for rel in files:
            c = shapes(decode((args.corpora / rel).read_bytes()), rel)
            for k, n in c.items():
                inst[k] += n
                pages[k] += n > 0
                if args.show and n and group == "unannotated articles" and k.startswith(args.show):
                    print(f"{rel}: {n}")
        table[group] = {k: (inst[k], pages[k]) for k in inst}
        table[group]["(pages)"] = (len(files), len(files))
    names = list(table)
    classes = sorted({k for t in table.values() for k in t if k != "(pages)"})
    print("| class | " + " | ".join(f"{g}: instances / pages" for g in names) + " |")
    print("|---|" + "---:|" * len(names))
    print("| pages | " + " | ".join(str(table[g]["(pages)"][0]) for g in names) + " |")
    for k in classes:
        print(f"| {k} | " + " | ".join("{} / {}".format(*table[g].get(k, (0, 0))) for g in names) + " |")


if __name__ == "__main__":
    main()
