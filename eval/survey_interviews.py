"""Interview layouts on whole pages (issue 14, twelfth session, wt-qcovid): how many unannotated
pages (and tune gold pages) show each, to judge a change by a class, not by one page.

    python eval/survey_interviews.py [--corpora ../shared/corpora] [--show]

An interview page: at least two dash lines that ask and two that answer (as
citata.quotes.standalone reads them). Classes counted:
- "answer split by a caption": an answer's paragraphs meet a caption or photo credit (a paragraph
  with no final stop, or "Фото: …") and the answer goes on in the next paragraph (a statement that
  is no dash line);
- "question asked mid-line": a dash line whose first sentence states and a later one asks the
  interviewee ("… развита. Считаете ли вы, что …? Кроме прочего, …");
- "label answer goes on": a transcript label's answer ("Фридрих фон Болен: Для начала …") followed
  by more statement paragraphs before the next dash line.
Blind-half gold pages are left out (their text is never read here).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata.pipeline import build_document  # noqa: E402
from citata.quotes.direct import DIALOGUE_LINE  # noqa: E402
from citata.source import decode, text_document  # noqa: E402
from quotes import CORPUS_FILES, entries  # noqa: E402
from survey_quotes import articles  # noqa: E402

YOU = re.compile(r"\b(?:вы|вас|вам|вами|ваш\w*)\b", re.I)
LABEL = re.compile(r"(?m)^[ \t]*[А-ЯЁ][а-яё]+(?:[ \t]+(?:[а-яё]{1,3}[ \t]+)?[А-ЯЁ][а-яё]+){1,2}[ \t]*:[ \t]*\S")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def asks(line: str) -> bool:
    first = re.match(r"[^.!?…]*[.!?…]", line)
    return (first.group() if first else line).rstrip().endswith("?") or line.rstrip().endswith("?")


def statement(p: str) -> bool:
    return p[:1].isupper() and p[-1] in ".!…»\"" and not DIALOGUE_LINE.match(p) and not p.rstrip().endswith("?")


def caption(p: str) -> bool:
    return not DIALOGUE_LINE.match(p) and (p[-1] not in ".!?…»\"" or p.startswith("Фото")) and any(c.islower() for c in p)


def classes(text: str) -> Counter:
    c = Counter()
    paras = paragraphs(text)
    dash = [(i, DIALOGUE_LINE.sub("", p, count=1)) for i, p in enumerate(paras) if DIALOGUE_LINE.match(p)]
    qs = [i for i, line in dash if asks(line)]
    if len(qs) < 2 or len(dash) - len(qs) < 2:
        return c
    c["interview page"] += 1
    for i, line in dash:
        if i < qs[0]:
            continue
        if not asks(line) and "?" in line and YOU.search(line):
            c["question asked mid-line"] += 1
        if asks(line) or "?" in line:
            continue
        j = i + 1
        while j < len(paras) and statement(paras[j]):
            j += 1
        if j + 1 < len(paras) and caption(paras[j]) and statement(paras[j + 1]):
            c["answer split by a caption"] += 1
    for m in LABEL.finditer(text):
        k = next((n for n, p in enumerate(paras) if text[m.start():m.end()].strip() in p and p.startswith(text[m.start():m.end()].strip())), None)
        if k is not None and k + 1 < len(paras) and (statement(paras[k + 1]) or caption(paras[k + 1]) and k + 2 < len(paras) and statement(paras[k + 2])):
            c["label answer goes on"] += 1
    return c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--show", action="store_true", help="list each page's classes")
    args = ap.parse_args()
    groups = {"unannotated": articles(args.corpora, [], pages=True),
              "tune gold": [e["file"] for e in entries(CORPUS_FILES, "tune")]}
    for name, rels in groups.items():
        total, pages = Counter(), Counter()
        for rel in rels:
            doc = build_document(text_document(rel, decode((args.corpora / rel).read_bytes())))
            c = classes(doc.text)
            total.update(c)
            pages.update(c.keys())
            if args.show and c:
                print(rel, dict(c))
        print(f"{name} ({len(rels)} articles):", {k: f"{total[k]} in {pages[k]} pages" for k in total})


if __name__ == "__main__":
    main()
