"""Interview layouts on whole pages (issue 14, twelfth session, wt-qcovid): how many unannotated
pages (and tune gold pages) show each, to judge a change by a class, not by one page.

    python eval/survey_interviews.py [--corpora ../shared/corpora] [--show]
    python eval/survey_interviews.py --answers [--show]   # every question and its answer, 676 texts

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

--answers (nineteenth session, wt-answer14) counts instead every question and the answer after it
over all 676 raw texts (`survey_quotes.corpus_texts`, newlines normalised): a question is a dash
line that asks (as above) or a paragraph of at most 250 characters, no dash line, that ends with
"?" (a question line: "Вырабатывается ли иммунитет к коронавирусу?"); it counts where a page has
two or more questions followed by a paragraph that is no question. The answer is the run of
statement paragraphs after it up to the next question, dash line (after its first), heading or
caption (a paragraph with no final stop), at most `ANSWER_REACH` paragraphs. Each answer is
classed by its layout (dash questions or question lines; its first paragraph a dash line or
plain), by how many paragraphs it holds, by whether a quotation citata attributes with a cue starts
in its first paragraph ("– A, – говорит X."), and by what citata's quotations take of it: `none`,
`first only` (quotations inside its first paragraph), `whole` (one quotation from its first
paragraph to its last), `several` (quotations that together reach past its first paragraph),
`part` (one quotation from the first paragraph that stops short of the last). For the tune half's
gold pages the gold's quotations are classed the same way; the blind half's pages are counted with
citata's quotations only (of their gold only the file names are used) and never printed.
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
from quotes import CORPUS_FILES, entries, normalise_gold, predict  # noqa: E402
from survey_quotes import articles, corpus_texts  # noqa: E402

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


QUESTION_LINE = 250  # characters: a longer paragraph ending with "?" is a narrator's, not a question line
ANSWER_REACH = 8  # paragraphs an answer may hold


def spans(text: str) -> list[tuple[int, int, str]]:
    """Each non-blank line: its start, end and words."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            a = pos + len(line) - len(line.lstrip())
            out.append((a, a + len(line.strip()), line.strip()))
        pos += len(line) + 1
    return out


def question(p: str) -> str | None:
    """"dash" for a dash line that asks, "line" for a question line, None otherwise."""
    if DIALOGUE_LINE.match(p):
        return "dash" if asks(DIALOGUE_LINE.sub("", p, count=1)) else None
    return "line" if p.endswith("?") and len(p) <= QUESTION_LINE else None


def answers(text: str) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """(the questions' layout, the answer's paragraphs) of each answered question of a page with
    two or more of them."""
    paras = spans(text)
    found = []
    for i, (_, _, p) in enumerate(paras[:-1]):
        kind = question(p)
        if kind is None or question(paras[i + 1][2]) is not None:
            continue
        block = [paras[i + 1]]
        for a, b, q in paras[i + 2:i + 1 + ANSWER_REACH]:
            if question(q) is not None or DIALOGUE_LINE.match(q) or not statement(q):
                break
            block.append((a, b, q))
        found.append((kind, block))
    if len(found) < 2:
        return []
    layout = "dash questions" if sum(k == "dash" for k, _ in found) * 2 >= len(found) else "question lines"
    return [(layout, block) for _, block in found]


def taken(block: list[tuple[int, int, str]], quotes: list[tuple[int, int]]) -> str:
    """What quotations (content spans) take of an answer's paragraphs."""
    first_end, last_end = block[0][1], block[-1][1]
    inside = [(a, b) for a, b in quotes if b > block[0][0] and a < last_end]
    if not inside:
        return "none"
    if all(b <= first_end + 1 for _, b in inside):
        return "first only" if len(block) > 1 else "whole"
    if len(inside) == 1:
        return "whole" if inside[0][1] >= last_end - 2 else "part"
    return "several"


def survey_answers(args) -> None:
    tune = {e["file"]: e for e in entries(CORPUS_FILES, "tune")}
    blind = {e["file"] for e in entries(CORPUS_FILES, "blind")}
    rows: Counter = Counter()
    pages: Counter = Counter()
    for rel in corpus_texts(args.corpora):
        raw = (args.corpora / rel).read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        if not answers(raw):
            continue
        text, pred = predict(args.corpora / rel, rel)
        found = answers(text)
        ours = [tuple(p["raw_content"]) for p in pred]
        cued = [p["raw_content"][0] for p in pred if p["cue"]]  # a quotation with its attribution
        gold = None
        if rel in tune:
            gold = [tuple(normalise_gold(q, text)["content"]) for q in tune[rel]["quotes"]]
        for layout, block in found:
            opens = "dash" if DIALOGUE_LINE.match(block[0][2]) else "plain"
            n = str(len(block)) if len(block) < 3 else "3+"
            cue = any(block[0][0] <= c < block[0][1] for c in cued)
            got = taken(block, ours)
            want = "—" if gold is None else taken(block, gold)
            group = "blind gold" if rel in blind else "tune gold" if gold is not None else "unannotated"
            rows[layout, opens, n, cue, got, want, group] += 1
            pages[layout, group, rel] = 1
            if args.show and group != "blind gold":
                print(f"{rel} [{layout}, {opens}, {n} paragraphs, cue {cue}] citata {got}, gold {want}: "
                      f"{block[0][2][:90]!r}")
    print("pages:", dict(Counter((layout, group) for layout, group, _ in pages)))
    print("| layout | answer opens | paragraphs | attribution in its first | citata takes | tune gold takes "
          "| articles | answers |")
    print("|---|---|---|---|---|---|---|---:|")
    for key, v in sorted(rows.items(), key=lambda kv: tuple(map(str, kv[0]))):
        layout, opens, n, cue, got, want, group = key
        print(f"| {layout} | {opens} | {n} | {'yes' if cue else 'no'} | {got} | {want} | {group} | {v} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--show", action="store_true", help="list each page's classes")
    ap.add_argument("--answers", action="store_true", help="every question and its answer, all 676 texts")
    args = ap.parse_args()
    if args.answers:
        survey_answers(args)
        return
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
