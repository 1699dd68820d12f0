"""Page layouts that carry quotations without an attribution in the same sentence (issue 14):
how many unannotated articles show each, and the quotations citata finds on them, to compare two
versions of the quotation stage.

    python eval/survey_layouts.py [--corpora ../shared/corpora] --count
    python eval/survey_layouts.py --cache DIR --out /tmp/a.jsonl   # rows as survey_speakers.py writes
    python eval/survey_speakers.py --diff /tmp/a.jsonl /tmp/b.jsonl

The articles: every BSNLP raw page and FactRuEval devset text in no eval/gold file
(`survey_quotes.articles`), and the covid-19 pages that are in no quotation gold file (all 83 are
in the cleaning gold, which annotates a page's body, outlet and date, not its quotations: the only
unannotated text with a page's paragraphs, dash lines and interviews).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata.pipeline import build_document  # noqa: E402
from citata.source import decode, text_document  # noqa: E402
from survey_quotes import articles  # noqa: E402
from survey_speakers import survey  # noqa: E402

LAYOUTS = {
    # "Мустафа Джемилев: Да, всё верно.", "Светлана Леонтьева, министр …:": a name (particles such
    # as "фон" allowed), an apposition, the colon of a transcript's label, at a paragraph's start
    "name label line": re.compile(r"(?m)^[ \t]*[А-ЯЁ][а-яё]+(?:[ \t]+(?:[а-яё]{1,3}[ \t]+)?[А-ЯЁ][а-яё]+){1,2}"
                                  r"(?:,[^:\n.!?]{1,90})?[ \t]*:"),
    "Вопрос: / Ответ: line": re.compile(r"(?m)^[ \t]*(?:Вопрос|Ответ|ВОПРОС|ОТВЕТ)[ \t]*:"),
    "Цитата: label": re.compile(r"(?m)^[ \t]*Цитата[ \t]*:"),
    "dash line": re.compile(r"(?m)^[ \t]*[—–‑‒―-][ \t]+\S"),
    # the attribution's dash glued to the comma: "…нет,- отметила", "»,— заявил"
    "dash glued to the comma before an attribution": re.compile(r"\w[»\"“”]{0,2}[,!?…][—–‑‒―-][ \t]*[а-яё]"),
    "paragraph opening with a quotation mark and a capital": re.compile(r"(?m)^[ \t]*[«\"„“][ \t]*[А-ЯЁ]"),
    # an attribution paragraph with no dash after a block quotation ("»⏎⏎заявил после инаугурации …")
    "attribution paragraph after a closing mark": re.compile(r"[»\"“”][ \t]*\n\s*[а-яё]"),
    # «A», «B» и «C», at least two of them of three words or more (slogans, demands: not names)
    "list of quoted phrases": re.compile(r"«[^«»\n]*\s[^«»\n]*\s[^«»\n]*»(?:[ \t]*,[ \t]*«[^«»\n]{3,160}»)*"
                                         r"[ \t]*,?[ \t]*(?:и|или)?[ \t]*,?[ \t]*«[^«»\n]*\s[^«»\n]*\s[^«»\n]*»"),
}


def pool(corpora: Path) -> list[str]:
    quote_gold = set()
    for gold in (ROOT / "eval" / "gold").glob("quotes_*.jsonl"):
        quote_gold |= {json.loads(line)["file"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()}
    covid = [str(p.relative_to(corpora)) for p in sorted(corpora.glob("bsnlp-ru/covid-19/raw/*"))]
    return articles(corpora, []) + [f for f in covid if f not in quote_gold]


def count(corpora: Path, files: list[str]) -> None:
    print("| layout | instances | articles | of them covid-19 |\n|---|---:|---:|---:|")
    texts = {rel: build_document(text_document(rel, decode((corpora / rel).read_bytes()))).text for rel in files}
    for name, pat in LAYOUTS.items():
        hits = {rel: len(pat.findall(t)) for rel, t in texts.items()}
        arts = [rel for rel, n in hits.items() if n]
        print(f"| {name} | {sum(hits.values())} | {len(arts)} | {sum('covid-19' in a for a in arts)} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--count", action="store_true")
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    files = pool(args.corpora)
    if args.count:
        count(args.corpora, files)
        return
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    for r in survey(args.corpora, files, args.cache):
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
