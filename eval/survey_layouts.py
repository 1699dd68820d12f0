"""Page layouts that carry quotations without an attribution in the same sentence (issue 14):
how many unannotated articles show each, and the quotations citata finds on them, to compare two
versions of the quotation stage.

    python eval/survey_layouts.py [--corpora ../shared/corpora] --count
    python eval/survey_layouts.py --cache DIR --out /tmp/a.jsonl   # rows as survey_speakers.py writes
    python eval/survey_speakers.py --diff /tmp/a.jsonl /tmp/b.jsonl
    python eval/survey_layouts.py --cache DIR --resumed [--all] [--show N]   # interrupted speech

`--resumed` counts speech interrupted by its attribution and resumed after it, and what citata
gives for each: a dash line "— A, — сказал X. — B" (the attribution after a comma and a dash, or
after a bare comma: "— A, говорит X. — B") and the « » forms ("«A, — сказал X. — B»" inside one
pair, "«A», — сказал X. — «B»" over two); `--all` reads every raw text of the corpora instead of
the unannotated pool; `--show N` prints N instances of each row (a blind-half article's are
counted, never shown).

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
from citata.quotes import find  # noqa: E402
from citata.quotes.cues import cue_at  # noqa: E402
from citata.quotes.resolution import resolve  # noqa: E402
from citata.quotes.view import line_end  # noqa: E402
from citata.source import decode, text_document  # noqa: E402
from survey_quotes import articles, corpus_texts, view_of  # noqa: E402
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


DASH = "[—–‑‒―-]"
LINE = re.compile(rf"(?m)^[ \t]*{DASH}[ \t]+(?=\S)")
# a dash after a sentence's end inside a paragraph: a dialogue line of a page that lost its line breaks
INLINE = re.compile(rf"(?<=[.!?…])[ \t]+{DASH}[ \t]+(?=[А-ЯЁ«])")
# where the words stop for the attribution: ", — сказал" (the dash glued or spaced) or ", сказал"
BREAK = re.compile(rf"([,!?…])(?:[ \t]*({DASH})[ \t]+|[ \t]+)(?=\w)")
# where they resume: a sentence's end (or a comma) and a dash, within the attribution's reach
RESUME = re.compile(rf"([.!?…,:])[ \t]*{DASH}[ \t]+(?=[\w«\"])")


def _cue_after(view, pos: int) -> int | None:
    """The token of a cue among the first four words from `pos`."""
    first = view.tok_index(pos)
    if view.toks[first].start < pos:
        first += 1
    return next((k for k in range(first, min(first + 4, len(view.toks))) if cue_at(view, k)), None)


def _interruptions(view, lo: int, hi: int):
    """(form, A, B, cue text) of the first attribution between lo and hi that a dash resumes after."""
    text = view.text
    for m in BREAK.finditer(text, lo, hi):
        cue = _cue_after(view, m.end())
        if cue is None or view.toks[cue].start >= hi or not m.group(2) and view.toks[cue].start > m.end():
            continue  # after a bare comma the cue must be the first word (an inverted "…, говорит X")
        r = RESUME.search(text, view.toks[cue].end, min(hi, view.toks[cue].end + 250))
        if r is None:
            return
        stop = r.start() + 1
        nxt = BREAK.search(text, r.end(), hi)  # B runs to the paragraph's end or its next break
        form = ("dash" if m.group(2) else "bare comma") + (", resumed after a comma" if r.group(1) in ",:" else "")
        if nxt and nxt.group(2) and _cue_after(view, nxt.end()):
            form += ", the resumed words attributed again"  # "— B, — возразил Y": whose are they?
        cls = cue_at(view, cue)[2]
        if cls not in ("say", "think"):
            form += f", {cls} cue"  # "— говорится в заявлении профсоюза. —", "— приводит его слова газета. —"
        yield form, (lo, m.start()), (r.end(), nxt.start() if nxt else hi), text[m.end():stop]
        return


def interrupted_speech(view) -> list[tuple[str, tuple[int, int], tuple[int, int], str]]:
    """Every place of a document where words are interrupted by their attribution and resume after
    it: (layout and form, the words before, the words after, the attribution's words)."""
    text = view.text
    found = []
    for m in LINE.finditer(text):
        found += [("dash line: " + f, a, b, w) for f, a, b, w in _interruptions(view, m.end(), line_end(text, m.end()))]
    for m in INLINE.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if LINE.match(text, start):
            continue  # the resuming dash of a dash line, counted above
        hi = min(line_end(text, m.end()), m.end() + 400)
        found += [("dash after a sentence end inside a paragraph: " + f, a, b, w) for f, a, b, w in _interruptions(view, m.end(), hi)]
    for o, c in view.pairs:
        found += [("« » inside one pair: " + f, a, b, w) for f, a, b, w in _interruptions(view, o + 1, c)
                  if not f.startswith("bare") and b[0] < c]
        # «A», — сказал X. — «B»: the attribution after the close, the next pair after a dash
        for f, a, b, w in _interruptions(view, c, line_end(text, c)):
            if a[1] == c + 1 and text[b[0]] in "«\"" and b[0] in view.pair_by_open and not f.startswith("bare"):
                found.append(("« » over two pairs: " + f, (o + 1, c), (b[0] + 1, view.pair_by_open[b[0]]), w))
    return found


def _outcome(quotes, a: tuple[int, int], b: tuple[int, int]) -> tuple[str, list]:
    def over(q, s):
        return q.content.start < s[1] and q.content.end > s[0]
    on_a = [q for q in quotes if over(q, a)]
    on_b = [q for q in quotes if over(q, b)]
    both = [q for q in on_a if q in on_b]
    hit = both or on_a + [q for q in on_b if q not in on_a]
    if not hit:
        return "nothing", []
    if all(q.type == "indirect" for q in hit):
        return "indirect piece", hit
    if both:
        return "one quotation A+B", hit
    if on_a and on_b:
        return "A and B as two", hit
    return ("A only" if on_a else "B only"), hit


def resumed(corpora: Path, files: list[str], cache: Path | None, show: int) -> None:
    from quotes import CORPUS_FILES, entries
    halves = {e["file"]: which for which in ("tune", "blind") for e in entries(CORPUS_FILES, which)}
    unannotated = set(pool(corpora))
    rows: dict[tuple[str, str], list] = {}
    for rel in files:
        view = view_of(corpora, rel, cache)
        text = view.text
        quotes = resolve(view, list(find(view)))
        found = interrupted_speech(view)
        for form, a, b, words in found:
            outcome, hit = _outcome(quotes, a, b)
            rows.setdefault((form, outcome), []).append(
                (rel, text[a[0]:a[1]][-70:], words, text[b[0]:b[1]][:60],
                 [(q.type, q.speaker.name if q.speaker else None, q.provenance and q.provenance.mention_sieve)
                  for q in hit]))
    print("| layout | what citata gives | instances (unannotated / tune / blind / other) | articles | of them covid-19 |\n"
          "|---|---|---:|---:|---:|")
    for (form, outcome), hits in sorted(rows.items()):
        arts = {h[0] for h in hits}
        where = [sum(f(h[0]) for h in hits) for f in (unannotated.__contains__, lambda r: halves.get(r) == "tune",
                                                      lambda r: halves.get(r) == "blind",
                                                      lambda r: r not in unannotated and r not in halves)]
        print(f"| {form} | {outcome} | {len(hits)} ({' / '.join(map(str, where))}) | {len(arts)} | "
              f"{sum('covid-19' in a for a in arts)} |")
    for key, hits in sorted(rows.items()):
        for h in [h for h in hits if halves.get(h[0]) != "blind"][:show]:  # the blind half's: counted, never shown
            print(" / ".join(key), "::", h[0], f"…{h[1]!r} [{h[2]!r}] {h[3]!r}… →", h[4])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--count", action="store_true")
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--resumed", action="store_true")
    ap.add_argument("--all", action="store_true", help="every raw text, not the unannotated pool (--resumed)")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    files = corpus_texts(args.corpora) if args.all else pool(args.corpora)
    if args.resumed:
        if args.cache:
            args.cache.mkdir(parents=True, exist_ok=True)
        resumed(args.corpora, files, args.cache, args.show)
        return
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
