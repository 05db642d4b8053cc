"""Rule data: loading the JSON files in ``minutes_miner/nlp/data`` and compiling them.

Token-pattern syntax used in the data files (see ``acts.json`` ``_format``): a pattern is a
space-separated sequence of tokens; a token is a word matched case-insensitively, ``a|b`` is
either word, a trailing ``?`` makes it optional, ``=WORD`` matches case-sensitively and ``<ANY>``
matches any single token.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
CONCERNS_ENV = "MINUTES_MINER_CONCERNS"

#: act priority, highest first, used when a statement carries several cues
ACT_PRIORITY = ("resolution", "request", "question", "commitment", "concern", "welcome", "answer", "statement")


def _load(name: str) -> dict:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


@cache
def acts() -> dict[str, list[str]]:
    return {k: v for k, v in _load("acts.json").items() if not k.startswith("_")}


@cache
def people() -> dict:
    return _load("people.json")


@cache
def lead_ins() -> dict[str, list[str]]:
    return {k: v for k, v in _load("lead_ins.json").items() if not k.startswith("_")}


@cache
def not_statements() -> list[str]:
    """The patterns of ``not_statements.json``, every kind together."""
    return [p for k, v in _load("not_statements.json").items() if not k.startswith("_") for p in v]


def compile_token_pattern(text: str) -> list[dict]:
    """Compile one pattern in the data-file syntax to a spaCy Matcher pattern."""
    pattern: list[dict] = []
    for raw in text.split():
        optional = raw.endswith("?") and len(raw) > 1
        tok = raw[:-1] if optional else raw
        if tok == "<ANY>":
            spec: dict = {}
        elif tok.startswith("=") and len(tok) > 1:
            alts = tok[1:].split("|")
            spec = {"ORTH": alts[0]} if len(alts) == 1 else {"ORTH": {"IN": alts}}
        else:
            alts = [a.lower() for a in tok.split("|")]
            spec = {"LOWER": alts[0]} if len(alts) == 1 else {"LOWER": {"IN": alts}}
        if optional:
            spec["OP"] = "?"
        pattern.append(spec)
    return pattern


def concern_files(extra: str | os.PathLike | Iterable[str | os.PathLike] | None = None) -> tuple[str, ...]:
    """User concern files to merge: the argument(s) plus $MINUTES_MINER_CONCERNS."""
    files: list[str] = []
    if extra:
        if isinstance(extra, (str, os.PathLike)):
            files.append(str(extra))
        else:
            files.extend(str(e) for e in extra)
    env = os.environ.get(CONCERNS_ENV, "").strip()
    if env:
        files.extend(p for p in env.split(os.pathsep) if p.strip())
    return tuple(str(Path(f).expanduser()) for f in files)


def load_concerns(extra_files: Iterable[str] = ()) -> dict[str, dict]:
    """The concern taxonomy, with user files merged in (terms added, new labels created)."""
    base = {k: dict(v) for k, v in _load("concerns.json").items() if not k.startswith("_")}
    for path in extra_files:
        try:
            with open(path, encoding="utf-8") as fh:
                user = json.load(fh)
        except (OSError, ValueError) as exc:
            from minutes_miner.errors import ParseError

            raise ParseError(f"cannot read concern taxonomy: {exc}", where=str(path),
                             hint="the file must be JSON: {label: {terms: [...], acronyms: [...], patterns: [...], exclude: [...]}}") from exc
        if not isinstance(user, dict):
            from minutes_miner.errors import ParseError

            raise ParseError("concern taxonomy must be a JSON object of label -> {terms, acronyms, patterns}", where=str(path))
        for label, spec in user.items():
            if label.startswith("_"):
                continue
            if isinstance(spec, list):  # shorthand: label -> [terms]
                spec = {"terms": spec}
            entry = base.setdefault(label, {"terms": [], "acronyms": [], "patterns": [], "exclude": []})
            for key in ("terms", "acronyms", "patterns", "exclude"):
                merged = list(entry.get(key, []))
                for value in spec.get(key, []):
                    if value not in merged:
                        merged.append(value)
                entry[key] = merged
            if spec.get("description"):
                entry["description"] = spec["description"]
    return base


def expand_literal(text: str) -> tuple[list[list[str]], bool] | None:
    """Expand a data-file pattern without ``<ANY>`` into literal token sequences.

    Returns (sequences, case_sensitive) or None when the pattern needs the Matcher (``<ANY>``).
    A pattern mixing ``=WORD`` and case-insensitive words is expanded case-sensitively, the
    case-insensitive words in lower, Title and UPPER case."""
    toks = text.split()
    mixed = any(t.startswith("=") for t in toks) and not all(t.startswith("=") for t in toks)
    seqs: list[list[str]] = [[]]
    for raw in toks:
        optional = raw.endswith("?") and len(raw) > 1
        tok = raw[:-1] if optional else raw
        if tok == "<ANY>":
            return None
        sensitive = tok.startswith("=") and len(tok) > 1
        alts = (tok[1:] if sensitive else tok).split("|")
        if not sensitive:
            alts = [a.lower() for a in alts]
            if mixed:
                alts = list(dict.fromkeys(v for a in alts for v in (a, a.capitalize(), a.upper())))
        new = [seq + [a] for seq in seqs for a in alts]
        if optional:
            new += seqs
        seqs = new
        if len(seqs) > 5000:
            return None
    case_sensitive = mixed or all(t.startswith("=") for t in toks)
    return [s for s in seqs if s], case_sensitive


@cache
def common_words() -> frozenset[str]:
    return frozenset(_load("common_words.json")["words"])


@cache
def agents() -> dict[str, list[str]]:
    return {k: v for k, v in _load("agents.json").items() if not k.startswith("_")}
