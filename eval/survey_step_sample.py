"""The classes of eval/speaker_step_sample.tsv's wrong speakers (issue 14, twenty-first session), each
counted over every text a session may read: the unannotated articles and pages and the tune half's
(never the blind half's). Each class is found from its words and citata's answer, so a reader can
check every place printed.

    python eval/survey_step_sample.py [--show] [--cache OUT.json]
        # citata over the readable texts (about a minute), then per class: places, articles, and
        # how many of them lie on unannotated text; --show prints each place; --cache keeps the run

Classes (the sample rows in brackets):
  outlet after a break   a relay verb ending its sentence's paragraph, the outlet's name opening
                         the next one ("…, пишет / / BBC .") [6]
  mixed scripts          a word spelt in both alphabets that the pipeline folds into one ("пoлитических":
                         a Latin o); eval/survey_quotes.py's view did not, and now does [8]
  name after the phrase  a speaker's phrase followed at once by a quoted name citata leaves out
                         ("Руководство радикального движения «Талибан» сообщило") [71]
  Latin name at the end  an organisation's phrase cut before the Latin name that ends the subject
                         ("Объединенный профсоюз бортпроводников … Cabin Crew United объявил") [33, 36]
  impersonal after a source  an impersonal cue with no speaker ("Сообщается, что") right after a
                         sentence with a relay or document word ("со ссылкой на", "В части
                         документа … подчеркивается") [46, 53]
  bare document noun     a one-word document as written ("говорится в публикации"): the tune gold
                         writes the noun so; the sample's annotation named the comment before [19, 23]
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from citata.nlp import fold_mixed_scripts  # noqa: E402
from citata.pipeline import build_document  # noqa: E402
from quotes import blind_files, extract  # noqa: E402
from survey_quotes import articles, corpus_texts, json_cache  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
_RELAY = r"(?:пишет|сообщает|передает|передаёт|информирует|сообщило|сообщил[аи]?)"
_BREAK = re.compile(r",\s+" + _RELAY + r"\s*\n\s*\n?\s*[A-ZА-ЯЁ][\w.-]*\s*[.,]")
_MIXED = re.compile(r"\b(?=\w*[а-яёА-ЯЁ])(?=\w*[a-zA-Z])\w+\b")
_QUOTED_NAME = re.compile(r"\s*[«\"“„][^»\"”\n]{1,40}[»\"”]")
_LATIN = re.compile(r"[A-Z][A-Za-z]+")
_IMPERSONAL = re.compile(r"(?:Сообщается|Отмечается|Указано|Указывается|Уточняется|Подчеркивается|Подчёркивается|"
                         r"Добавляется|Говорится|Утверждается|Отмечено|Было заявлено)(?: также)?,? что")
_SOURCE_WORDS = re.compile(r"(?:сообщ|переда|пиш|заяв|информир|ссылк|документ|доклад|письм|говорится|отмечается|"
                           r"подчеркивается)\w*")


def run(texts: list[str]) -> dict:
    """Each text's cleaned text (as the pipeline analyses it) and citata's quotations."""
    out = {}
    for rel in texts:
        raw, doc = extract(CORPORA / rel, rel)
        # the words the pipeline folds into one alphabet (build_document's text is the page's spelling)
        folded = [m.group() for m in _MIXED.finditer(build_document(raw).text) if fold_mixed_scripts(m.group()) != m.group()]
        out[rel] = {"text": doc.text, "folded": folded, "quotes": [q.to_dict() for q in doc.quotes]}
    return out


def places(data: dict) -> dict[str, list[tuple[str, str]]]:
    found: dict = defaultdict(list)
    for rel, d in data.items():
        t = d["text"]
        for m in _BREAK.finditer(t):
            found["outlet after a break"].append((rel, t[max(0, m.start() - 60):m.end()]))
        for w in d["folded"]:
            found["mixed scripts"].append((rel, w))
        for q in d["quotes"]:
            sp, cue = q["speaker"], q["cue"]
            mention = sp and sp.get("mention")
            if mention:
                s, e = mention["start"], mention["end"]
                if _QUOTED_NAME.match(t, e):
                    found["name after the phrase"].append((rel, t[s:e + 60]))
                if (sp["kind"] == "organization" and cue and e < cue["start"] <= e + 120
                        and "\n" not in t[e:cue["start"]] and "," not in t[e:e + 3]
                        and _LATIN.search(t[e:cue["start"]]) and not _LATIN.search(sp["name"])):
                    found["Latin name at the end"].append((rel, t[s:cue["end"]]))
            if sp is None and cue and _IMPERSONAL.match(t, cue["start"]):
                before = t[max(0, cue["start"] - 250):cue["start"]].strip()
                last = re.split(r"(?<=[.!?])\s+", before)[-1]
                if _SOURCE_WORDS.search(last):
                    found["impersonal after a source"].append((rel, last[-120:] + " ‖ " + t[cue["start"]:cue["end"] + 40]))
            if sp and sp["kind"] == "document" and sp["name"] and len(sp["name"].split()) == 1:
                at = cue["start"] if cue else mention["start"] if mention else 0
                found["bare document noun"].append((rel, t[max(0, at - 40):at + 60]))
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--cache", type=Path, default=None, help="a JSON file keeping citata's run over the texts")
    args = ap.parse_args()
    blind = blind_files()
    texts = [rel for rel in corpus_texts(CORPORA) if rel not in blind]
    unannotated = set(articles(CORPORA, [], pages=True))
    data = json_cache(args.cache, lambda: run(texts))
    print(f"{len(texts)} readable texts ({len(unannotated & set(texts))} unannotated), "
          f"{sum(len(d['quotes']) for d in data.values())} quotations")
    print("| class | places | texts | on unannotated text |\n|---|---:|---:|---:|")
    found = places(data)
    for name in ("outlet after a break", "mixed scripts", "name after the phrase", "Latin name at the end",
                 "impersonal after a source", "bare document noun"):
        rows = found.get(name, [])
        print(f"| {name} | {len(rows)} | {len({r for r, _ in rows})} | {sum(r in unannotated for r, _ in rows)} |")
    if args.show:
        for name, rows in found.items():
            print(f"\n## {name}")
            for rel, s in rows:
                print(f"{'U' if rel in unannotated else 'T'} {rel}: {s!r}")


if __name__ == "__main__":
    main()
