"""Link statements to the indicators they discuss.

Two kinds of evidence, strongest first:

* **Written reference** (score 1.0): the indicator's reference ("CS05"), its full name, or an
  alias derived from the name is written in the statement. Aliases are the name without its
  measure words ("Percentage of EHCPs issued within 20 weeks" -> "EHCPs issued within 20
  weeks"), without trailing brackets, and with known acronyms swapped for their expansion and
  back ("CAMHS" <-> "child and adolescent mental health services"). Words are compared after
  light stemming, so "EHCP" matches "EHCPs" and "collection" matches "collected", and after the
  synonym groups of `data/indicator_synonyms.json` (plus any file named by the
  MINUTES_MINER_LINK_SYNONYMS environment variable) rewrite each paraphrase as its group's first
  phrase ("delayed transfers of care" reads as "delayed discharges"), on both sides.
* **Similarity**: TF-IDF cosine between the statement and the indicator's name and aliases,
  plus `section_weight` x the cosine between the statement's dashboard/section heading and the
  indicator's section, plus `acronym_bonus` when an acronym unique to that indicator appears.
  A statement links to every indicator scoring at least `threshold` and at least `relative` x its
  best score (so a sentence about vacancies *and* agency staff links to both).

The weights are tuned on the labelled set in `corpora/links/` (see `minutes_miner/link_eval.py`
and `benchmarks/link_quality.py`); `TUNED` holds the values chosen there.
"""
from __future__ import annotations

import functools
import itertools
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from minutes_miner.errors import MinutesMinerError
from minutes_miner.models import Link
from minutes_miner.resources import package_data


class StatementLike(Protocol):
    id: str
    text: str
    section: str | None
    council: str


class IndicatorLike(Protocol):
    id: str
    name: str
    section: str | None
    ref: str | None
    council: str


@dataclass(frozen=True)
class LinkSettings:
    threshold: float
    section_weight: float
    acronym_bonus: float
    relative: float


# Chosen by `minutes_miner.link_eval.tune` on the tune split of corpora/links/ (grid search for
# the best F0.5, ties broken by precision); `benchmarks/link_quality.py` prints held-out figures.
TUNED = LinkSettings(threshold=0.26, section_weight=0.0, acronym_bonus=0.2, relative=0.5)

# Acronyms common in council performance reports, with their expansions (both directions are
# used as aliases). Kept small and generic: council-specific names are learnt from the names.
ACRONYMS = {
    "camhs": "child and adolescent mental health services",
    "ehcp": "education health and care plan",
    "eet": "education employment or training",
    "neet": "not in education employment or training",
    "send": "special educational needs and disabilities",
    "cla": "children looked after",
    "lac": "looked after children",
    "cp": "child protection",
    "foi": "freedom of information",
    "fte": "full time equivalent",
    "asc": "adult social care",
    "dtoc": "delayed transfers of care",
    "nhs": "national health service",
}
_MEASURE_WORDS = re.compile(
    r"^(?:(?:the|a|an|percentage|proportion|number|no|rate|average|avg|mean|median|total|count|%|ratio)\s+"
    r"(?:of\s+)?)+",
)
_STOP = frozenset(ENGLISH_STOP_WORDS)
SYNONYMS_ENV = "MINUTES_MINER_LINK_SYNONYMS"


def stem(word: str) -> str:
    """Crude suffix stripping, the same on both sides: EHCPs -> ehcp, agencies -> agency,
    discharges/discharged -> discharg, collection/collected -> collect; short words are left alone."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    for suffix in ("ions", "ion", "ing", "ers", "er", "ed", "es", "e", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith(("ss", "us", "is")):
            return word[: -len(suffix)]
    return word


def _stemmed(text: str) -> list[str]:
    return [stem(w.strip("'-")) for w in re.findall(r"[a-z0-9%][a-z0-9%'-]*", (text or "").lower().replace("’", "'"))
            if w.strip("'-")]


def synonym_files() -> list[Path]:
    """The bundled synonym groups, then any files named by MINUTES_MINER_LINK_SYNONYMS."""
    extra = [Path(p) for p in os.environ.get(SYNONYMS_ENV, "").split(os.pathsep) if p.strip()]
    return [package_data("data", "indicator_synonyms.json"), *extra]


@functools.cache
def _synonyms(files: tuple[Path, ...]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    canonical: dict[str, str] = {}
    for file in files:
        try:
            groups = json.loads(file.read_text(encoding="utf-8"))["groups"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise MinutesMinerError(f"cannot read indicator synonyms ({exc})", where=str(file),
                                    hint='a JSON object {"groups": [["phrase", "same thing said otherwise", ...]]}') from exc
        for group in groups:
            first = " ".join(_stemmed(group[0]))
            for phrase in group[1:]:
                canonical.setdefault(" ".join(_stemmed(phrase)), first)
    if not canonical:
        return None, canonical
    alternatives = sorted(canonical, key=len, reverse=True)
    return re.compile(r"(?<= )(?:" + "|".join(map(re.escape, alternatives)) + r")(?= )"), canonical


def words(text: str) -> list[str]:
    """Lower-case stemmed words, each synonym written as its group's first phrase; hyphens and
    apostrophes kept inside words ("re-referrals", "children's")."""
    pattern, canonical = _synonyms(tuple(synonym_files()))
    found = _stemmed(text)
    if pattern is None or not found:
        return found
    return pattern.sub(lambda m: canonical[m.group(0)], f" {' '.join(found)} ").split()


def _phrase(text: str) -> str:
    return " ".join(words(text))


def _analyse(text: str) -> list[str]:
    """TF-IDF tokens: stemmed content words and their bigrams."""
    toks = []
    for w in words(text):
        if w not in _STOP and len(w) > 1:
            toks.append(w)
            if "-" in w:  # "fly-tipping" also counts as "fly" + "tipp"
                toks.extend(stem(part) for part in w.split("-") if len(part) > 1 and part not in _STOP)
    return toks + [f"{a} {b}" for a, b in itertools.pairwise(toks)]


def aliases(name: str) -> tuple[str, ...]:
    """Normalised phrases that name the indicator (see module docstring); two content words at least."""
    base = re.sub(r"\s+", " ", name).strip()
    forms = {base}
    no_brackets = re.sub(r"\s*\([^)]*\)", "", base).strip()
    forms.add(no_brackets)
    forms |= {_MEASURE_WORDS.sub("", form.lower()).strip() for form in forms}
    out: set[str] = set()
    for form in forms:
        phrase = _phrase(form)
        out.add(phrase)
        for short, long in ACRONYMS.items():
            short, long = stem(short), _phrase(long)
            if f" {short} " in f" {phrase} ":
                out.add(f" {phrase} ".replace(f" {short} ", f" {long} ").strip())
            if f" {long} " in f" {phrase} ":
                out.add(f" {phrase} ".replace(f" {long} ", f" {short} ").strip())
    return tuple(sorted(a for a in out if len([w for w in a.split() if w not in _STOP]) >= 2))


def acronyms_of(name: str) -> set[str]:
    """Acronyms the name contains or spells out: "(EET)", "CAMHS", "education, employment or training"."""
    phrase = _phrase(name)
    found = {a.lower() for a in re.findall(r"\b([A-Z]{2,6})s?\b", name)}
    found |= {short for short, long in ACRONYMS.items() if _phrase(long) in phrase}
    return {a for a in found if a not in ("%",)}


def _indicator_doc(ind: IndicatorLike) -> str:
    expansions = " ".join(ACRONYMS.get(a, "") for a in acronyms_of(ind.name))
    return " ".join([ind.name, *aliases(ind.name), expansions])


def written_reference(text: str, ind: IndicatorLike, alias_list: Sequence[str]) -> str | None:
    """"ref" / "name" / "alias" when the statement writes the indicator down, else None."""
    if ind.ref and re.search(rf"\b{re.escape(ind.ref)}\b", text):
        return "ref"
    phrase = f" {_phrase(text)} "
    if f" {_phrase(ind.name)} " in phrase:
        return "name"
    if any(f" {a} " in phrase for a in alias_list):
        return "alias"
    return None


@dataclass
class LinkScores:
    """Everything the decision needs, computed once so tuning can try many settings cheaply."""

    exact: dict[tuple[int, int], str]  # (statement row, indicator column) -> method
    text: np.ndarray  # statements x indicators cosine of text vs name/aliases
    section: np.ndarray  # cosine of section headings
    acronym: np.ndarray  # 1 where an acronym unique to the indicator appears in the statement
    same_council: np.ndarray  # bool


def score(statements: Sequence[StatementLike], indicators: Sequence[IndicatorLike]) -> LinkScores:
    n, k = len(statements), len(indicators)
    alias_lists = [aliases(ind.name) for ind in indicators]
    exact: dict[tuple[int, int], str] = {}
    same = np.array([[s.council == ind.council for ind in indicators] for s in statements], dtype=bool).reshape(n, k)
    for row, s in enumerate(statements):
        for col, ind in enumerate(indicators):
            if same[row, col] and (method := written_reference(s.text, ind, alias_lists[col])):
                exact[(row, col)] = method
    indicator_docs = [_indicator_doc(ind) for ind in indicators]
    vectoriser = TfidfVectorizer(analyzer=_analyse, sublinear_tf=True)
    vectoriser.fit(indicator_docs + [s.text for s in statements])
    text = cosine_similarity(vectoriser.transform([s.text for s in statements]), vectoriser.transform(indicator_docs))
    section_docs = [ind.section or "" for ind in indicators]
    statement_sections = [s.section or "" for s in statements]
    section = np.zeros((n, k))
    if any(statement_sections) and any(section_docs):
        sv = TfidfVectorizer(analyzer=_analyse).fit(section_docs + statement_sections)
        section = cosine_similarity(sv.transform(statement_sections), sv.transform(section_docs))
    acronym = np.zeros((n, k))
    owners: dict[tuple[str, str], list[int]] = {}
    for col, ind in enumerate(indicators):
        for a in acronyms_of(ind.name):
            owners.setdefault((ind.council, a), []).append(col)
    unique = {key: cols[0] for key, cols in owners.items() if len(cols) == 1}
    for row, s in enumerate(statements):
        phrase = f" {_phrase(s.text)} "
        for (council, a), col in unique.items():
            spelled = ACRONYMS.get(a)
            if council == s.council and (f" {stem(a)} " in phrase or (spelled and f" {_phrase(spelled)} " in phrase)):
                acronym[row, col] = 1.0
    return LinkScores(exact=exact, text=text, section=section, acronym=acronym, same_council=same)


def decide(scores: LinkScores, settings: LinkSettings) -> dict[tuple[int, int], tuple[str, float]]:
    """(statement row, indicator column) -> (method, score) for every link `settings` accept."""
    combined = scores.text + settings.section_weight * scores.section + settings.acronym_bonus * scores.acronym
    combined = np.where(scores.same_council, combined, 0.0)
    chosen: dict[tuple[int, int], tuple[str, float]] = {key: (method, 1.0) for key, method in scores.exact.items()}
    if combined.size:
        best = combined.max(axis=1)
        rows, cols = np.nonzero((combined >= settings.threshold) & (combined >= settings.relative * best[:, None]))
        for row, col in zip(rows.tolist(), cols.tolist()):
            chosen.setdefault((row, col), ("similarity", round(float(combined[row, col]), 4)))
    return chosen


def link_statements(statements: Sequence[StatementLike], indicators: Sequence[IndicatorLike],
                    settings: LinkSettings = TUNED) -> list[Link]:
    if not statements or not indicators:
        return []
    chosen = decide(score(statements, indicators), settings)
    return [Link(statements[row].id, indicators[col].id, method, value)
            for (row, col), (method, value) in sorted(chosen.items())]
