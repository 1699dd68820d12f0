"""Identities across documents: one id per person, organisation or place.

The merge policy is conservative. A person joins an existing identity when the
surname matches and the first names are compatible (the same, one an initial of
the other, or one unknown). A bare surname joins only when exactly one identity
carries it, or when its role picks out exactly one. Another spelling of the surname
(Шолц / Шольц, Ризви / Резви, a letter typed wrong: Донсон / Джонсон) joins only the
one identity whose first name agrees. Organisations and places
join on their nominative form. Ids are stable: an identity keeps the id it got
when first seen, whatever fuller name it learns later. Its name, which speaker
pages show, is chosen from every name it has been seen under (`display_name`), so
it does not depend on the order in which articles were ingested.

An overrides file (TSV, see `Overrides`) lets a user merge or split identities.
"""
from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .countries import city_government_of, government_of
from .entities import DocEntity
from .names import (canonical_role, name_key, near_keys, one_edit, same_first_name, script_key, translit_key,
                    vowel_skeleton)
from .nlp import parse
from .orgs import org_key


@dataclass
class Identity:
    id: str
    type: str
    name: str
    first: str | None = None
    surname: str | None = None
    aliases: dict[str, int] = field(default_factory=dict)  # normal form -> mentions
    roles: dict[str, list[str | None]] = field(default_factory=dict)  # role -> [first seen, last seen]
    documents: int = 0

    def to_dict(self) -> dict:
        return {"id": self.id, "type": self.type, "name": self.name, "first": self.first,
                "surname": self.surname, "aliases": dict(self.aliases),
                "roles": {r: list(v) for r, v in self.roles.items()}, "documents": self.documents}

    @classmethod
    def from_dict(cls, d: dict) -> "Identity":
        return cls(d["id"], d["type"], d["name"], d.get("first"), d.get("surname"),
                   dict(d.get("aliases") or {}), {r: list(v) for r, v in (d.get("roles") or {}).items()},
                   d.get("documents", 0))


class Overrides:
    """User corrections, one per line (tab-separated; # starts a comment):

        merge   ID        OTHER_ID      OTHER_ID's mentions go to ID from now on
        alias   ID        NAME          a name (nominative) that always means ID
        split   NAME                    a name that never joins an identity by surname
    """

    def __init__(self, path: str | Path | None = None):
        self.merged: dict[str, str] = {}
        self.aliases: dict[str, str] = {}
        self.split: set[str] = set()
        if path and Path(path).exists():
            with open(path, encoding="utf-8") as fh:
                for line_no, row in enumerate(csv.reader(fh, delimiter="\t"), 1):
                    if not row or row[0].startswith("#"):
                        continue
                    cmd = row[0].strip()
                    if cmd == "merge" and len(row) >= 3:
                        self.merged[row[2].strip()] = row[1].strip()
                    elif cmd == "alias" and len(row) >= 3:
                        self.aliases[_norm(row[2])] = row[1].strip()
                    elif cmd == "split" and len(row) >= 2:
                        self.split.add(_norm(row[1]))
                    else:
                        raise ValueError(f"{path}:{line_no}: cannot read override {row!r}")

    def splits(self, name: str) -> bool:
        """Is `name` one that never joins an identity by surname (a `split` line)?"""
        return bool(self.split) and _norm(name) in self.split

    def target(self, ident: str) -> str:
        seen = set()
        while ident in self.merged and ident not in seen:
            seen.add(ident)
            ident = self.merged[ident]
        return ident


# Memoised, as are the other keys below: the writer asks for the same names' keys for every
# mention of every article.
@lru_cache(maxsize=200_000)
def _norm(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").split())


# The keys below that ask pymorphy about a name's words are memoised in dicts that the writer can
# be handed ready values for (`name_keys` in the extract worker, `seed` in the writer): the writer's
# own process has parsed none of an ingest's words, and each new name cost it a parse per word
# (three quarters of linking's CPU on articles new to it: docs/performance.md, fourteenth session).
SEEDED_SIZE = 100_000  # values kept per memo; all are dropped when it passes this (rare: a long ingest)
_MISSING = object()


def _seedable(fn):
    """`fn` (one argument) memoised in a dict, `values`, that `seed` may fill ahead."""
    values: dict = {}

    def memo(arg):
        value = values.get(arg, _MISSING)
        if value is _MISSING:
            if len(values) >= SEEDED_SIZE:
                values.clear()
            value = values[arg] = fn(arg)
        return value
    memo.values = values
    memo.__doc__ = fn.__doc__
    return memo


_org_key = _seedable(org_key)


def lookup_key(type_: str, name: str) -> str:
    """What a name is looked up by: an organisation by its key (МИД РФ = МИД России),
    anything else by its folded form."""
    return _org_key(name) if type_ == "ORG" else _norm(name)


# Spellings of one foreign name in Russian news: Мэй / Мей, Азия / Асия, О'Лири / О’Лири, and
# Latin look-alike letters typed into Cyrillic words.
SPELLING = str.maketrans({"э": "е", "ё": "е", "й": "и", "ы": "и", "з": "с", "'": None, "’": None, "`": None, "ʼ": None,
                          "o": "о", "a": "а", "e": "е", "c": "с", "p": "р", "x": "х", "k": "к", "y": "у"})


@lru_cache(maxsize=100_000)
def spelling_key(word: str | None) -> str | None:
    return word.lower().translate(SPELLING) if word else word


@lru_cache(maxsize=100_000)
def _completeness(name: str, type_: str) -> int:
    """Words of a name that are written out: "Дж.Байден" and "Т. Мэй" count one; a person's
    only where capitalised (a title an override maps to a person is no fuller name)."""
    return sum(1 for w in re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?", name)
               if not w.endswith(".") and len(w) > 1 and (type_ != "PER" or w[0].isupper()))


def display_name(ident: Identity, changed: Iterable[str] | None = None) -> str:
    """The name an identity is shown under: the most complete form among its names, the
    one seen in the most documents among those, then the first in alphabetical order. A
    function of the names seen and their counts alone, so two archives that ingested the
    same articles in different orders show the same name. `changed`: the only names whose
    counts rose since `ident.name` was chosen (counts only rise, so only they can overtake it)."""
    names = ident.aliases or {ident.name: 1}
    if changed is None or ident.name not in names:
        pool = names
    else:
        pool = [n for n in changed if n != ident.name]
        if not pool:  # only its own count rose: it stays ahead
            return ident.name
        pool.append(ident.name)  # the key ends with the name itself: no ties, so order is free
    return min(pool, key=lambda n: (-_completeness(n, ident.type), -names[n], _norm(n), n))


def _compatible_first(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0] or _translit(a[0]) == _translit(b[0])
    return spelling_key(a) == spelling_key(b) or _same_first_name(a, b)


_translit = lru_cache(maxsize=100_000)(translit_key)
_same_first_name = lru_cache(maxsize=100_000)(same_first_name)


@lru_cache(maxsize=100_000)
def skeleton_key(word: str | None) -> str | None:
    """A surname's consonants with each run of vowels folded (ризви, резви -> рaзва), the
    transliteration key's folds included; the last letter's kind is kept (Иванов / Иванова)."""
    key = _translit(word)
    return vowel_skeleton(key) if key else key


@lru_cache(maxsize=100_000)
def _near_keys(surname: str | None) -> list[str]:
    """A surname's transliteration key and the key less each one of its letters: two keys one
    letter apart share one of these."""
    key = _translit(surname)
    if not key or len(key) < 4:
        return []
    return list(near_keys(key))


@_seedable
def _typo_prone(surname: str | None) -> bool:
    """A surname long enough, and unknown to the dictionary as a name, that a letter typed
    wrong in it is likelier than a namesake (Донсон; but Иванцов is a surname of its own)."""
    key = _translit(surname)
    return bool(key) and len(key) >= 5 and not any(
        p.is_known and {"Surn", "Name", "Patr"} & p.tag.grammemes for p in parse(surname))


@lru_cache(maxsize=100_000)
def _first_name_key(name: str) -> str | None:
    """The first name a person's full name is written with, as a key (Терезы, Тереза -> тереза);
    None for one word or an initial."""
    words = name.split()
    return _first_key(words[0]) if len(words) > 1 else None


@_seedable
def _first_key(word: str) -> str | None:
    if len(word) < 3 or "." in word or not word[:1].isupper():
        return None
    return spelling_key(name_key(word))


# A first name alone joins the one person with that first name seen in this many documents.
FIRST_NAME_DOCUMENTS = 2

# A bare surname goes to the namesake seen in at least this many documents and this many
# times as many as all the others together.
DOMINANT_DOCUMENTS = 3
DOMINANCE = 4


@_seedable
def _known_first_name(word: str) -> bool:
    """One of the word's two likeliest readings is a known first name."""
    return any(p.is_known and "Name" in p.tag for p in parse(word)[:2])


def _role_heads(roles) -> set[str]:
    return {h for h in map(_role_head, roles) if h}


@_seedable
def _role_head(role: str) -> str | None:
    r = canonical_role(role)
    return r[0] if r else None


class Registry:
    def __init__(self, identities: list[Identity] | None = None, overrides: Overrides | None = None):
        self.overrides = overrides or Overrides()
        self.by_id: dict[str, Identity] = {}
        self.by_surname: dict[str, list[Identity]] = {}
        self.by_translit: dict[str, list[Identity]] = {}
        self.by_skeleton: dict[str, list[Identity]] = {}
        self.by_near: dict[str, list[Identity]] = {}  # persons by their surname key less one letter
        self.by_first: dict[str, list[Identity]] = {}  # persons by the first names they are written with
        self.by_org: dict[str, Identity] = {}  # organisations by org_key of each name
        # organisations by each name's transliteration key in its script (`names.script_key`): "Пфайзер" in
        # one article finds the "Pfizer" of another, where no article gives both
        self.by_script: dict[tuple[str, str], Identity] = {}
        self.by_name: dict[tuple[str, str], Identity] = {}
        # What `_index` has done already: each identity whose surname keys are in (id -> the
        # identity and the surname), and each person bucket's members (bucket's id -> their ids).
        self._keyed: dict[str, tuple[Identity, str]] = {}
        self._members: dict[int, set[int]] = {}
        # Each identity's names indexed already (by the identity object's id, the object kept so that
        # its id is not reused): indexing a name again changes nothing (a bucket holds an identity
        # once; a name belongs to the smallest id that ever held it), and every mention of a known
        # name would redo it.
        self._named: dict[int, tuple[Identity, set[str]]] = {}
        for ident in identities or []:
            ident.name = display_name(ident)  # as this version chooses it (an older archive's may differ)
            self._index(ident)

    def _index(self, ident: Identity, names: Iterable[str] | None = None) -> None:
        """`names`: those of its names not indexed yet (all by default). Every index is a function
        of the identities alone, not of the order they were made or read in: a bucket lists its
        identities in id order, and a name shared by several belongs to the smallest id. So a
        writer that reads the registry back from the archive (a resumed ingest, another
        PostgreSQL writer's batches) links exactly as the one that built it in memory."""
        self.by_id[ident.id] = ident
        indexed = self._named.setdefault(id(ident), (ident, set()))[1]
        names = [n for n in dict.fromkeys([ident.name, *ident.aliases] if names is None else names)
                 if n not in indexed]
        indexed.update(names)
        if ident.type == "PER" and ident.surname:
            surname = ident.surname
            keys = []
            keyed = self._keyed.get(ident.id)
            if keyed is None or keyed[0] is not ident or keyed[1] != surname:  # once per identity
                self._keyed[ident.id] = (ident, surname)
                keys = [(self.by_surname, spelling_key(surname)), (self.by_translit, _translit(surname)),
                        (self.by_skeleton, skeleton_key(surname))]
                keys += [(self.by_near, k) for k in _near_keys(surname)]
            keys += [(self.by_first, k) for k in map(_first_name_key, names) if k]
            for index, key in keys:
                bucket = index.setdefault(key, [])
                members = self._members.get(id(bucket))
                if members is None:  # a bucket first met here: its members as they stand
                    members = self._members[id(bucket)] = {id(other) for other in bucket}
                if id(ident) not in members:
                    members.add(id(ident))
                    bisect.insort(bucket, ident, key=_by_id)
        for alias in names:
            _hold(self.by_name, (ident.type, _norm(alias)), ident)
            if ident.type == "ORG":
                _hold(self.by_org, _org_key(alias), ident)
                if (key := script_key(alias)) is not None:
                    _hold(self.by_script, key, ident)

    def _new_id(self, type_: str, name: str) -> str:
        base = f"{type_}:{name}"
        ident, n = base, 1
        while ident in self.by_id:
            n += 1
            ident = f"{base}#{n}"
        return ident

    def _find_person(self, e: DocEntity) -> Identity | None:
        if self.overrides.splits(e.name):
            return self.by_name.get(("PER", _norm(e.name)))
        candidates = [c for c in self.by_surname.get(spelling_key(e.surname) or "", [])
                      if not self.overrides.splits(c.name)]
        if not candidates:
            return self._find_variant(e) or self._find_by_first_name(e)
        fits = [c for c in candidates if _compatible_first(e.first, c.first)]
        if e.first and len(e.first) > 1:
            exact = [c for c in fits if c.first and len(c.first) > 1]
            if exact:  # the same first name, or a rendering of it (Йенс / Енс)
                same = [c for c in exact if spelling_key(c.first) == spelling_key(e.first)]
                return (same or exact)[0]
            # none written with a first name: another spelling of the surname with this very
            # first name goes before a bare namesake ("Доминик Раб" is Доминик Рааб, not the
            # "Раб" an article named alone)
            variant = self._find_variant(e, first_only=True)
            if variant is not None and not any(variant is c for c in candidates):
                return variant
            fits = [c for c in fits if not c.first or len(c.first) == 1]
            return fits[0] if len(fits) == 1 else None
        if len(fits) == 1:
            return fits[0]
        # A bare surname among namesakes: a role that picks out one of them decides, or else
        # the one the archive names far more often ("Трамп" beside a rarely named relative).
        heads = _role_heads(e.roles)
        if heads:
            by_role = [c for c in fits if heads & _role_heads(c.roles)]
            if len(by_role) == 1:
                return by_role[0]
        if e.first is None and len(fits) > 1:
            top = max(fits, key=lambda c: c.documents)
            rest = sum(c.documents for c in fits if c is not top)
            if top.documents >= DOMINANT_DOCUMENTS and top.documents >= DOMINANCE * rest:
                return top
        return None

    def _find_variant(self, e: DocEntity, first_only: bool = False) -> Identity | None:
        """A transliteration variant of the surname (Шолц / Шольц) joins only an identity
        whose first name (Олаф) or role agrees, and only when exactly one does.
        `first_only`: the first name must agree (a role is not enough)."""
        candidates = [c for c in self.by_translit.get(_translit(e.surname) or "", [])
                      if not self.overrides.splits(c.name)]
        heads = set() if first_only else _role_heads(e.roles)
        fits = [c for c in candidates if e.first and c.first and (len(c.first) > 1 or not first_only)
                and _compatible_first(e.first, c.first) or heads and heads & _role_heads(c.roles)]
        if len(fits) == 1:
            return fits[0]
        # Looser, only for the same first name written out in full: the vowels too (Ризви /
        # Резви, Лидингтон / Ледингтон, Кюнсберг / Кунссберг), then one letter typed in, left
        # out, replaced or swapped (Донсон / Джонсон, Чаудри / Чаудхри, Нисарм / Нисар) where
        # the dictionary does not know the new spelling as a name (Иванцов is not Иванов).
        first = _first_name_key(e.name)
        if not fits and first:
            same_first = {id(c) for c in self.by_first.get(first, [])}
            fits = [c for c in self.by_skeleton.get(skeleton_key(e.surname) or "", [])
                    if id(c) in same_first and not self.overrides.splits(c.name)]
            if len(fits) == 1:
                return fits[0]
            if not fits and _typo_prone(e.surname):
                key = _translit(e.surname)
                near = {id(c): c for k in _near_keys(e.surname) for c in self.by_near.get(k, ())}
                fits = [c for c in near.values() if id(c) in same_first and len(_translit(c.surname) or "") >= 5
                        and one_edit(_translit(c.surname), key) and not self.overrides.splits(c.name)]
                if len(fits) == 1:
                    return fits[0]
        return None

    def _find_by_first_name(self, e: DocEntity) -> Identity | None:
        """A first name alone ("Тереза", "Иванка") in an article that gives no surname joins
        the one person the archive knows by that first name, once seen in several articles."""
        words = e.name.split()
        if len(words) != 1 or not _known_first_name(words[0]):
            return None
        fits = [c for c in self.by_first.get(_first_key(words[0]) or "", []) if not self.overrides.splits(c.name)]
        return fits[0] if len(fits) == 1 and fits[0].documents >= FIRST_NAME_DOCUMENTS else None

    def _find_named(self, e: DocEntity) -> Identity | None:
        ident = self.by_name.get((e.type, _norm(e.name)))
        if ident is None and e.type == "ORG":
            ident = next((self.by_org[k] for k in map(_org_key, [e.name, *e.aliases]) if k in self.by_org), None)
        if ident is None and e.type == "ORG":
            # the same name in the other script only: a transliteration. Two names in one script with one
            # consonant skeleton ("Пфайзер", "Пафизор") may be two bodies: the key drops the vowels
            ident = next((self.by_script[o] for o in map(_other_script, [e.name, *e.aliases]) if o in self.by_script), None)
        return ident

    def link(self, entities: list[DocEntity], date: str | None = None) -> dict[str, str]:
        """Document-local keys -> identity ids; creates identities as needed."""
        out = {}
        merged = self.overrides.merged  # without merges every id is its own target
        for e in entities:
            ident = None
            aliases = self.overrides.aliases
            forced = next((aliases[n] for n in map(_norm, [e.name, *e.aliases]) if n in aliases),
                          None) if aliases else None
            if forced is not None:
                ident = self.by_id.get(self.overrides.target(forced))
                if ident is None:
                    ident = Identity(forced, e.type, e.name, e.first, e.surname)
                    self._index(ident)
            if ident is None:
                ident = self._find_person(e) if e.type == "PER" else self._find_named(e)
            if ident is not None and merged:
                target = self.overrides.target(ident.id)
                if ident.id != target:
                    ident = self.by_id.get(target, ident)
            if ident is None:
                natural = f"{e.type}:{e.name}"
                if natural in self.by_id and natural in merged.values():
                    ident = self.by_id[natural]  # the merge target, created early by a merged name
            if ident is None:
                new_id = self._new_id(e.type, e.name)
                target = self.overrides.target(new_id)
                ident = self.by_id.get(target) or Identity(target, e.type, e.name, e.first, e.surname)
            self._update(ident, e, date)
            out[e.key] = ident.id
        return out

    def _update(self, ident: Identity, e: DocEntity, date: str | None) -> None:
        ident.documents += 1
        if e.first and (not ident.first or len(ident.first) == 1):
            ident.first = e.first
        names = list(dict.fromkeys([*e.aliases, e.name])) if e.aliases else [e.name]
        counts = ident.aliases
        for alias in names:
            counts[alias] = counts.get(alias, 0) + 1
        if names[0] != ident.name or len(names) > 1:  # else only its own count rose: it stays ahead
            ident.name = display_name(ident, names)  # the id stays
        for role in e.roles:
            seen = ident.roles.setdefault(role, [date, date])
            if date:
                seen[0] = min(filter(None, [seen[0], date]))
                seen[1] = max(filter(None, [seen[1], date]))
        # Every name it now holds, as a registry read back indexes them; a known identity's known
        # names (most mentions) have nothing to index.
        indexed = self._named.get(id(ident), (None, None))[1]
        if indexed is None or ident.name not in indexed or not indexed.issuperset(names):
            self._index(ident, [ident.name, *names])

    def identities(self) -> list[Identity]:
        return list(self.by_id.values())


def _other_script(name: str) -> tuple[str, str] | None:
    """The key a name's transliteration in the other script has ("Пфайзер" -> Pfizer's)."""
    key = script_key(name)
    return key and ("lat" if key[0] == "cyr" else "cyr", key[1])


def _by_id(ident: Identity) -> str:
    return ident.id


def _hold(index: dict, key, ident: Identity) -> None:
    """`key` belongs to the identity with the smallest id that holds it."""
    holder = index.get(key)
    if holder is None or ident.id < holder.id:
        index[key] = ident


def assign(doc, registry: Registry) -> None:
    """Fill entity ids into a processed document's mentions and speakers."""
    ids = registry.link(doc.entity_index, date=doc.published)
    for m in doc.entities:
        m["entity_id"] = ids.get(m.pop("key", None) or "", m.get("entity_id"))
    by_name = None  # made for the first organisation speaker only
    for q in doc.quotes:
        sp = q.speaker
        if sp is None:
            continue
        if sp.kind == "person" and sp.key:
            sp.entity_id = ids.get(f"PER:{sp.key}")
        elif sp.kind in ("organization", "anonymous") and sp.name and (country := _government_id(registry, sp.name)):
            sp.entity_id = country  # "власти Франции": a government, not an unnamed source
        elif sp.kind == "organization" and sp.name:
            if by_name is None:
                # Only organisations' and places' names are looked up.
                by_name = {(e.type, lookup_key(e.type, n)): ids[e.key]
                           for e in doc.entity_index if e.type in ("ORG", "LOC") for n in [e.name, *e.aliases]}
            sp.entity_id = by_name.get(("ORG", _org_key(sp.name))) or by_name.get(("LOC", _norm(sp.name)))


def _governed_place(name: str) -> str | None:
    """The place whose government a speaker's name stands for: a country ("в Париже заявили",
    "власти Франции") or a capital's own government ("мэрия Москвы"), which is the city's."""
    return government_of(name) or city_government_of(name)


_government = _seedable(_governed_place)  # answered by the extract worker (`name_keys`)


def _government_id(registry: Registry, name: str) -> str | None:
    """"в Париже заявили", "Франция считает", "власти Франции": one speaker, the country's
    identity, where the archive knows the country as a place (its name written as the text wrote
    it: the gold's convention); "власти Москвы", "мэрия Москвы": the city's, not Russia's."""
    place = _government(name)
    ident = registry.by_name.get(("LOC", _norm(place))) if place else None
    return registry.overrides.target(ident.id) if ident is not None else None


# The memoised keys `name_keys` hands over, by the name `seed` knows them under.
_SEEDED = {"org": _org_key, "first": _first_key, "typo": _typo_prone, "known": _known_first_name, "role": _role_head,
           "government": _government}


def name_keys(doc) -> dict[str, list[tuple]]:
    """What linking a processed document may ask pymorphy about its names (organisations' keys,
    persons' first-name keys and typo-proneness, roles' heads, the country a speaker stands for),
    computed where the document was extracted: memo name -> (argument, value) pairs, for `seed`. A
    function of the document alone."""
    asked: dict[str, dict] = {kind: {} for kind in _SEEDED}
    for e in doc.entity_index:
        names = [e.name, *e.aliases]
        if e.type == "ORG":
            asked["org"].update(dict.fromkeys(names))
        elif e.type == "PER":
            asked["typo"][e.surname] = None
            for n in names:
                words = n.split()
                if len(words) > 1:  # `_first_name_key` of each name it may be indexed under
                    asked["first"][words[0]] = None
            words = e.name.split()
            if len(words) == 1:  # a first name alone (`_find_by_first_name`)
                asked["known"][words[0]] = None
                asked["first"][words[0]] = None
        asked["role"].update(dict.fromkeys(e.roles))
    for q in doc.quotes:
        sp = q.speaker
        if sp is not None and sp.kind in ("organization", "anonymous") and sp.name:
            asked["government"][sp.name] = None
            if sp.kind == "organization":
                asked["org"][sp.name] = None
    return {kind: [(arg, _SEEDED[kind](arg)) for arg in args] for kind, args in asked.items() if args}


def seed(keys: dict[str, list[tuple]]) -> None:
    """Memoised keys computed elsewhere (`name_keys`) taken as this process's own: linking then
    finds them instead of parsing the words again. The values are those the same code gives here."""
    for kind, pairs in keys.items():
        memo = _SEEDED[kind]
        if len(memo.values) + len(pairs) > SEEDED_SIZE:
            memo.values.clear()
        memo.values.update(pairs)
