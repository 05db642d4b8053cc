"""Measure and tune the statement-indicator linker on a labelled set.

The set (`corpora/links/`, written by the project) is an invented council's indicators and
statements, each labelled with the indicators it discusses (possibly none), split into `tune`
and `heldout`. Evaluation is over every (statement, indicator) pair: a predicted link is a true
positive when the label lists that indicator.

`tune` grid-searches the linker's settings on the tune split for the best F0.5 (precision
weighted twice recall: a statement wrongly shown beside a KPI misleads a committee more than a
missed one; ties: higher precision, then the higher threshold); `benchmarks/link_quality.py` prints the figures.
"""
from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from minutes_miner.errors import MinutesMinerError
from minutes_miner.link import TUNED, LinkScores, LinkSettings, decide, score
from minutes_miner.store.base import IndicatorRow

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "links"
GRID = {
    "threshold": [round(0.04 + 0.02 * n, 2) for n in range(24)],
    "section_weight": [0.0, 0.05, 0.1, 0.15, 0.2, 0.3],
    "acronym_bonus": [0.0, 0.1, 0.2, 0.3],
    "relative": [0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
}


@dataclass(frozen=True)
class LabelledStatement:
    id: str
    text: str
    section: str | None
    split: str
    links: tuple[str, ...]
    council: str = "labelled"


@dataclass(frozen=True)
class Quality:
    precision: float
    recall: float
    f1: float
    f05: float
    true_positives: int
    false_positives: int
    false_negatives: int
    statements: int

    def line(self) -> str:
        return (f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}  F0.5 {self.f05:.3f}  "
                f"(TP {self.true_positives}, FP {self.false_positives}, FN {self.false_negatives}; "
                f"{self.statements} statements)")


@dataclass(frozen=True)
class LabelledSet:
    indicators: tuple[IndicatorRow, ...]
    statements: tuple[LabelledStatement, ...]

    def split(self, name: str) -> list[LabelledStatement]:
        return [s for s in self.statements if s.split == name]


def load_labelled(folder: str | Path = DEFAULT_CORPUS) -> LabelledSet:
    folder = Path(folder)
    try:
        spec = json.loads((folder / "indicators.json").read_text(encoding="utf-8"))
        lines = (folder / "statements.jsonl").read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError) as exc:
        raise MinutesMinerError(f"cannot read the labelled link set ({exc})", where=str(folder),
                                hint="expected indicators.json and statements.jsonl, as in corpora/links/") from exc
    indicators = tuple(IndicatorRow(id=i["ref"], name=i["name"], section=i.get("section"), unit=i.get("unit"),
                                    ref=i["ref"], council="labelled") for i in spec["indicators"])
    known = {i.id for i in indicators}
    statements = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        unknown = set(rec["links"]) - known
        if unknown:
            raise MinutesMinerError(f"line {n} links to unknown indicators {sorted(unknown)}",
                                    where=str(folder / "statements.jsonl"), hint="use refs from indicators.json")
        statements.append(LabelledStatement(id=rec["id"], text=rec["text"], section=rec.get("section"),
                                            split=rec["split"], links=tuple(rec["links"])))
    return LabelledSet(indicators=indicators, statements=tuple(statements))


def _quality(scores: LinkScores, statements: Sequence[LabelledStatement], indicators: Sequence[IndicatorRow],
             settings: LinkSettings, rows: Sequence[int]) -> Quality:
    chosen = decide(scores, settings)
    wanted = set(rows)
    predicted = {(r, c) for (r, c) in chosen if r in wanted}
    column = {ind.id: c for c, ind in enumerate(indicators)}
    gold = {(r, column[ref]) for r in rows for ref in statements[r].links}
    tp = len(predicted & gold)
    fp = len(predicted - gold)
    fn = len(gold - predicted)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    f05 = 1.25 * precision * recall / (0.25 * precision + recall) if precision + recall else 0.0
    return Quality(precision, recall, f1, f05, tp, fp, fn, len(rows))


def evaluate(labelled: LabelledSet, settings: LinkSettings = TUNED, split: str | None = "heldout") -> Quality:
    """Pair-level precision/recall/F1 of `settings` on one split (None: all statements)."""
    statements = list(labelled.statements)
    scores = score(statements, labelled.indicators)
    rows = [n for n, s in enumerate(statements) if split is None or s.split == split]
    return _quality(scores, statements, labelled.indicators, settings, rows)


def tune(labelled: LabelledSet) -> tuple[LinkSettings, Quality]:
    """Best settings (F0.5) on the tune split (scores are computed over the whole set, as at run time the
    TF-IDF vocabulary comes from every stored statement, but only tune rows are counted)."""
    statements = list(labelled.statements)
    scores = score(statements, labelled.indicators)
    rows = [n for n, s in enumerate(statements) if s.split == "tune"]
    best: tuple[tuple, LinkSettings, Quality] | None = None
    for values in itertools.product(*GRID.values()):
        settings = LinkSettings(**dict(zip(GRID, values)))
        q = _quality(scores, statements, labelled.indicators, settings, rows)
        key = (round(q.f05, 6), round(q.precision, 6), settings.threshold)
        if best is None or key > best[0]:
            best = (key, settings, q)
    assert best is not None
    return best[1], best[2]
