"""Candidate speaker mentions of a quotation and their features, for a learned ranker (issue 14, item 4).

For a quotation the rules resolved, the mentions the machinery already knows compete: the
rules' own choice, the subject of the cue in natasha's parse, the names of the cue's sentence
and the sentence before (outside quotation marks), the speaker of the quotation just before,
and the document's most mentioned people. Each is resolved to a speaker by the resolution
step (a callable passed in: resolution owns that) and described by features that carry to new
text (syntax, distance, kind, agreement, salience; no words of particular articles). Work is
bounded: at most MAX_CANDIDATES per quotation.

`eval/train_ranker.py` fits a linear ranker on these over the tune half (numpy) and
cross-validates it by article against the rules. It did not beat them (docs/evaluation.md,
tenth session, wt-rank), so nothing in the pipeline ranks: `resolution.resolve(observe=
record_into(out))` lists the candidates for that script only, and the rules decide.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

from ..model import Speaker
from ..names import SEX_OF_GENDER
from ..nlp import parse
from .syntax import cue_subjects
from .view import DocView, Found, Ref

MAX_CANDIDATES = 10

SOURCES = ("rules", "parse_subject", "same_sentence", "previous_sentence", "last_speaker", "salient")
RELATIONS = ("nsubj", "obl", "obj", "nmod", "appos", "other")
MENTION_KINDS = ("per", "org", "loc", "pronoun", "np", "document", "relative", "none")
SPEAKER_KINDS = ("person", "organization", "anonymous", "document", "null")

FEATURES = (
    tuple(f"source:{s}" for s in SOURCES)
    + tuple(f"rel:{r}" for r in RELATIONS)
    + tuple(f"mention:{k}" for k in MENTION_KINDS)
    + tuple(f"speaker:{k}" for k in SPEAKER_KINDS)
    + ("before_cue", "log_distance", "same_sentence", "previous_sentence", "in_quotation",
       "gender_agrees", "gender_clashes", "number_clashes", "log_mentions", "most_mentioned",
       "n_sources")
    + tuple(f"rules_step:{k}" for k in ("name", "pronoun", "title", "as_written", "org_noun", "document",
                                        "null", "other"))
    + ("rules_step_weak",)
)

# Resolution steps that guess from the document rather than read the clause (a pronoun's or a
# title's salience, a phrase kept as written): where another candidate may be right.
WEAK_STEPS = ("pronoun → the most salient person", "pronoun → the person the article is about",
              "pronoun, unresolved", "phrase as written", "organisation noun → the organisation the article",
              "class noun → the organisation the article is about", "bare title → the person named just before")


@dataclass
class Candidate:
    ref: Ref | None
    speaker: Speaker | None
    sources: set[str] = field(default_factory=set)
    features: dict[str, float] = field(default_factory=dict)


def _speaker_id(sp: Speaker | None) -> str:
    return "" if sp is None or not sp.name else (sp.key or sp.name.lower())


def candidates(view: DocView, f: Found, history: list[Found],
               speaker_of: Callable[[Ref], Speaker | None]) -> list[Candidate]:
    """The competing mentions of one resolved quotation (f.speaker is the rules' choice), one per
    speaker they resolve to, the rules' first."""
    refs: list[tuple[str, Ref | None, Speaker | None]] = [("rules", f.ref, f.speaker)]
    cue = view.tok_index(f.cue[0]) if f.cue else None
    if cue is not None and f.cue_cls not in ("impersonal", "continuation", "cite"):
        subj = cue_subjects(view, [f])[0]
        if subj is not None and subj[0].kind not in ("none", "junk"):
            refs.append(("parse_subject", subj[0], None))
    anchor = cue if cue is not None else view.tok_index(f.start)
    si = view.tok_sent[anchor]
    spans = f.parts or [(f.start, f.end)]
    named = []
    for sent, source in ((si, "same_sentence"), (si - 1, "previous_sentence")):
        if sent < 0:
            continue
        rng = view.sent_range(sent)
        seen = set()
        for j in rng:
            e = view.ent_at.get(j)
            if e is None or e.start in seen or e.type not in ("PER", "ORG") or j in view.quoted:
                continue
            seen.add(e.start)
            if any(e.start < b and a < e.end for a, b in spans):
                continue
            named.append((abs(j - anchor), source, e))
    for _, source, e in sorted(named, key=lambda t: t[0])[:5]:
        refs.append((source, Ref("entity", e.start, e.end, entity=e), None))
    last = history[-1] if history else None
    if last is not None and last.speaker is not None and last.speaker.name and f.start - last.end < 1500:
        refs.append(("last_speaker", last.ref, last.speaker))
    for person in _most_mentioned(view, f.start)[:2]:
        e = next(m for m in reversed(person.mentions) if m.start < f.start)
        refs.append(("salient", Ref("entity", e.start, e.end, entity=e), None))
    out: dict[str, Candidate] = {}
    for source, ref, sp in refs:
        if source != "rules" and sp is None:
            sp = speaker_of(ref)
        key = _speaker_id(sp)
        if key in out:
            out[key].sources.add(source)
            continue
        if len(out) >= MAX_CANDIDATES:
            break
        out[key] = Candidate(ref, sp, {source})
    cands = list(out.values())
    for c in cands:
        c.features = _features(view, f, c, anchor, cue)
    return cands


def record_into(out: list) -> Callable:
    """An observer for `resolution.resolve(observe=…)` that appends each quotation's candidates to `out`."""
    return lambda view, f, history, speaker_of: out.append(candidates(view, f, history, speaker_of))


def _most_mentioned(view: DocView, offset: int):
    """People named before `offset`, most mentioned first (bounded by the document's people)."""
    counts = [(sum(m.start < offset for m in p.mentions), p) for p in view.names.persons.values()]
    return [p for _, p in sorted((c for c in counts if c[0] > 0), key=lambda c: -c[0])]


def _mention_kind(ref: Ref | None) -> str:
    if ref is None or ref.kind in ("none", "lost", "junk"):
        return "none"
    if ref.kind == "entity":
        return {"PER": "per", "ORG": "org"}.get(ref.entity.type, "loc")
    return ref.kind if ref.kind in MENTION_KINDS else "np"


def _relation(view: DocView, ref: Ref | None, cue: int | None) -> str:
    """The dependency of the mention's head on the cue in the parse of the cue's sentence."""
    if ref is None or cue is None or ref.end <= ref.start:
        return "other"
    si = view.tok_sent[cue]
    toks = [j for j in view.tokens_in(ref.start, ref.end) if view.tok_sent[j] == si]
    if not toks:
        return "other"
    tree = view.trees([si])[si]
    first = view.sent_range(si).start
    inside = set(toks)
    for j in toks:
        head, rel = tree[j - first]
        if head in inside:
            continue
        rel = rel.split(":")[0]
        if head == cue:
            return {"nsubj": "nsubj", "obl": "obl", "obj": "obj", "iobj": "obj"}.get(rel, "other")
        if rel == "appos":
            return "appos"
        if rel == "nmod":
            return "nmod"
        return "other"
    return "other"


def _cue_agreement(view: DocView, f: Found) -> tuple[str | None, str | None]:
    """The gender (m/f) and number a past-tense cue reveals."""
    if not f.cue:
        return None, None
    words = view.text[f.cue[0]:f.cue[1]].split()
    if not words:
        return None, None
    tag = parse(words[0])[0].tag
    if tag.POS != "VERB":
        return None, None
    gender = SEX_OF_GENDER.get(tag.gender) if "past" in tag and tag.number == "sing" else None
    return gender, tag.number


def _features(view: DocView, f: Found, c: Candidate, anchor: int, cue: int | None) -> dict[str, float]:
    x: dict[str, float] = {f"source:{s}": 1.0 for s in c.sources}
    ref, sp = c.ref, c.speaker
    x[f"rel:{_relation(view, ref, cue)}"] = 1.0
    x[f"mention:{_mention_kind(ref)}"] = 1.0
    x[f"speaker:{sp.kind if sp is not None and sp.name else 'null'}"] = 1.0
    x["n_sources"] = float(len(c.sources))
    if ref is not None and ref.end > ref.start:
        j = view.tok_index(ref.start)
        x["before_cue"] = float(j < anchor)
        x["log_distance"] = math.log1p(abs(j - anchor))
        x["same_sentence"] = float(view.tok_sent[j] == view.tok_sent[anchor])
        x["previous_sentence"] = float(view.tok_sent[j] == view.tok_sent[anchor] - 1)
        x["in_quotation"] = float(j in view.quoted)
    else:
        x["log_distance"] = math.log1p(50)
    gender, number = _cue_agreement(view, f)
    person = view.names.by_key(sp.key) if sp is not None and sp.key else None
    if person is not None:
        if gender is not None and person.gender is not None:
            x["gender_agrees" if person.gender == gender else "gender_clashes"] = 1.0
        if number == "plur" and not person.family:
            x["number_clashes"] = 1.0
        n = sum(m.start < f.start for m in person.mentions)
        x["log_mentions"] = math.log1p(n)
        top = _most_mentioned(view, f.start)
        x["most_mentioned"] = float(bool(top) and top[0] is person)
    if "rules" in c.sources:
        # on the rules' candidate only (a feature every candidate shared would cancel in the ranking):
        # how much the rules' step reads the clause rather than guesses from the document
        step = rules_step(f.speaker)
        x[f"rules_step:{step_class(step)}"] = 1.0
        x["rules_step_weak"] = float(is_weak(step))
    return x


def rules_step(sp: Speaker | None) -> str:
    return sp.why[0] if sp is not None and sp.why else ""


def is_weak(step: str) -> bool:
    return any(step.startswith(w) for w in WEAK_STEPS)


def step_class(step: str) -> str:
    """The resolution step, by what it rests on."""
    if not step:
        return "null"
    for prefix, cls in (("name", "name"), ("organisation name", "name"), ("pronoun", "pronoun"),
                        ("relative", "name"), ("phrase", "as_written"), ("document as written", "as_written"),
                        ("document", "document"), ("class noun", "org_noun"), ("organisation noun", "org_noun"),
                        ("title", "title"), ("bare title", "title"), ("role", "title"), ("person noun", "title"),
                        ("interlocutor", "title")):
        if step.startswith(prefix):
            return cls
    return "other"


def vector(features: dict[str, float]) -> list[float]:
    return [features.get(name, 0.0) for name in FEATURES]
