"""The articles quotes_k.jsonl annotates, picked again (twenty-fifth session, issue 14).

    python eval/pick_fresh.py [--corpora ../shared/corpora] [--n 30] [--salt s25] [--new quotes_k.jsonl]
                              [--exclude PATH_PART ...]

From the BSNLP pages (covid-19 left out: all are gold) and FactRuEval news in no gold file before
the new one (`--new`; quotes_l.jsonl was picked with --salt s25b --new quotes_l.jsonl and --exclude
for the unannotated articles whose rows the twenty-fifth session's helpers read and named; quotes_m.jsonl with --salt s26 --new quotes_m.jsonl --exclude ryan-ru_file_144.txt
asia_bibi_ru.txt_file_137.txt, two of those: only 18 texts were left to pick): 800–9,000 characters, at least four speech-cue or quotation-mark hits, under 30% of their
five-word shingles shared with any gold article or with an article already picked, at most one BSNLP
page per outlet host (the header's URL) and 14 FactRuEval news, in the order of sha1(salt + path).
Prints each pick with its host and its half by the fixed split.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))
from quotes import CORPUS_FILES, GOLD, half  # noqa: E402

CUE = re.compile(r"заяв|сказал|сообщ|по слов|отметил|подчеркн|говор|считает|уверен|[«\"]")


def shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + 5]) for i in range(max(0, len(words) - 4))}


def host(name: str, text: str) -> str:
    if not name.startswith("bsnlp"):
        return "factrueval"
    for line in text.split("\n")[:5]:
        m = re.match(r"https?://(?:www\.)?([^/\s]+)", line.strip())
        if m:
            return m.group(1)
    return "?"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--salt", default="s25")
    ap.add_argument("--new", default="quotes_k.jsonl", help="the gold file being picked for")
    ap.add_argument("--exclude", nargs="*", default=[], help="leave out the paths holding any of these")
    args = ap.parse_args()
    before = [f for f in CORPUS_FILES if f < args.new]
    gold = {json.loads(line)["file"] for f in before
            for line in (GOLD / f).read_text(encoding="utf-8").splitlines()}
    paths = sorted(args.corpora.glob("bsnlp-ru/*/raw/*")) + sorted(args.corpora.glob("factrueval-2016/devset/*.txt"))
    texts = {str(p.relative_to(args.corpora)): p.read_text(encoding="utf-8", errors="replace")
             for p in paths if "/covid-19/" not in str(p)}
    gold_shingles = [shingles(t) for name, t in texts.items() if name in gold]
    candidates = []
    for name, text in texts.items():
        if name in gold or any(x in name for x in args.exclude) or not 800 < len(text) < 9000 or len(CUE.findall(text)) < 4:
            continue
        s = shingles(text)
        if all(len(s & g) / max(1, min(len(s), len(g))) < 0.3 for g in gold_shingles):
            candidates.append((hashlib.sha1((args.salt + name).encode()).hexdigest(), name, s))
    picked, hosts, fre = [], set(), 0
    for _, name, s in sorted(candidates):
        h = host(name, texts[name])
        if (h == "factrueval" and fre >= 14) or (h != "factrueval" and h in hosts):
            continue
        if any(len(s & o) / max(1, min(len(s), len(o))) > 0.3 for _, _, o in picked):
            continue
        picked.append((name, h, s))
        hosts.add(h)
        fre += h == "factrueval"
        if len(picked) >= args.n:
            break
    for name, h, _ in picked:
        print(f"{half({'file': name}):5}  {h:22}  {name}")


if __name__ == "__main__":
    main()
