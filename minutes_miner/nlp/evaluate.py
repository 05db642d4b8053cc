"""Score ``analyse`` against a gold set (``corpora/gold/<split>``): precision, recall and F1 per field.

A gold set is a directory tree of documents (``.txt``, ``.html``/``.htm``, ``.xml`` GetMeeting,
``.pdf``) each with a ``<stem>.jsonl`` beside it: one gold statement per line (see
``corpora/gold/README.md``). Every document is read with ``inputs.read_file`` and analysed with
``nlp.analyse``; then the metrics below are computed over all documents together (micro-averaged).

Alignment
    Texts are compared after normalisation: curly quotes made straight, dashes made "-", every
    run of whitespace (NBSP included) one space. A gold line *aligns* to the predicted statement
    whose text contains its quote. When several statements contain it, the one in the item whose
    number (or title) equals the gold ``item`` is taken, else the first. A gold line whose quote lies
    in no statement (the tool split it, or lost it) is *unaligned*: every field counts it as missed.

Metrics (``gold`` = all gold lines; ``aligned`` = gold lines with a predicted statement)
    segmentation  a gold line is segmented right when its quote lies in exactly one predicted
                  statement and that statement holds no other gold quote.
                  P = predicted statements holding exactly one gold quote, which is segmented right
                  / all predicted statements; R = gold lines segmented right / gold lines.
    speaker       on ``speaker_key``. P = aligned lines with a non-null predicted key equal to the
                  gold key / aligned lines with a non-null predicted key; R = lines with a non-null
                  gold key predicted equal / gold lines with a non-null gold key. ``accuracy`` =
                  lines whose predicted key equals the gold key, null = null included / gold lines
                  (the figure the ">= 95% of statements" goal is about).
    speaker_kind  as speaker, with ``unknown`` in the role of null.
    act           P = aligned lines whose act is right / aligned lines; R = the same / gold lines
                  (accuracy = R). Per act: P = lines predicted as that act that are right / lines
                  predicted as that act; R = lines of that gold act predicted right / gold lines of
                  that act.
    answers       question->answer pairs. Gold pairs: (answer line, the line its ``answers`` quotes).
                  Predicted pairs: (statement, the statement of the same item its ``answers`` index
                  points at). A predicted pair is right when its two statements are the aligned
                  statements of a gold pair. P = right predicted pairs / predicted pairs between two
                  statements that hold a gold quote; R = gold pairs predicted / gold pairs.
    concerns      micro over (line, label): TP = labels on both the gold line and its aligned
                  statement, FP = labels only on the statement, FN = labels only on the gold line
                  (an unaligned line's labels are all FN). Per label likewise.
    section       only gold lines that carry a ``section`` key; as speaker, null counting as a value
                  for accuracy.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from minutes_miner.errors import MinutesMinerError, ParseError
from minutes_miner.models import ACTS, AnalysedDocument

DOCUMENT_SUFFIXES = (".pdf", ".xml", ".html", ".htm", ".txt")
GOLD_FIELDS = ("quote", "speaker_key", "speaker_kind", "act")

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "`": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"',
                         "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-"})
_SPACE = re.compile(r"\s+")
_UNALIGNED = object()  # the prediction for a gold line without a statement: equal to no gold value


def norm_text(text: str) -> str:
    """Whitespace- and quote-normalised text used to match gold quotes to statements."""
    return _SPACE.sub(" ", (text or "").translate(_QUOTES)).strip()


@dataclass(frozen=True)
class GoldLine:
    source: str  # the jsonl file
    line: int
    item: str | None
    quote: str
    speaker: str | None
    speaker_key: str | None
    speaker_kind: str
    act: str
    answers: str | None
    concerns: tuple[str, ...]
    section: str | None = None
    has_section: bool = False


@dataclass
class GoldDocument:
    document: Path
    gold_file: Path
    lines: list[GoldLine]


@dataclass
class PRF:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "predicted": self.predicted, "gold": self.gold}


@dataclass
class Scores:
    documents: int = 0
    gold_lines: int = 0
    aligned: int = 0
    predicted_statements: int = 0
    fields: dict[str, PRF] = field(default_factory=dict)
    accuracy: dict[str, tuple[int, int]] = field(default_factory=dict)
    per_act: dict[str, PRF] = field(default_factory=dict)
    per_concern: dict[str, PRF] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "gold_lines": self.gold_lines,
            "aligned": self.aligned,
            "predicted_statements": self.predicted_statements,
            "fields": {k: {**v.as_dict(), **({"accuracy": round(self.accuracy[k][0] / self.accuracy[k][1], 4)}
                                              if self.accuracy.get(k, (0, 0))[1] else {})}
                       for k, v in self.fields.items()},
            "per_act": {k: v.as_dict() for k, v in sorted(self.per_act.items())},
            "per_concern": {k: v.as_dict() for k, v in sorted(self.per_concern.items())},
        }


# --------------------------------------------------------------------------- reading a gold set
def _document_for(gold_file: Path) -> Path:
    stem = gold_file.with_suffix("")
    for suffix in DOCUMENT_SUFFIXES:
        candidate = stem.with_name(stem.name + suffix)
        if candidate.exists():
            return candidate
    raise ParseError(
        "gold file has no document beside it",
        where=str(gold_file),
        hint=f"put the document next to it as {stem.name}{{{','.join(DOCUMENT_SUFFIXES)}}}",
    )


def _gold_line(path: Path, number: int, raw: str) -> GoldLine:
    where = f"{path}:{number}"
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise ParseError(f"not a JSON object ({exc})", where=where, hint="each line must be one JSON object") from exc
    if not isinstance(data, dict):
        raise ParseError("not a JSON object", where=where, hint="each line must be one JSON object")
    missing = [k for k in GOLD_FIELDS if k not in data]
    if missing:
        raise ParseError(f"missing field(s) {', '.join(missing)}", where=where,
                         hint="see corpora/gold/README.md for the fields of a gold line")
    if not isinstance(data["quote"], str) or not norm_text(data["quote"]):
        raise ParseError("empty or non-text quote", where=where, hint="quote a verbatim span of the statement")
    if data["act"] not in ACTS:
        raise ParseError(f"unknown act {data['act']!r}", where=where, hint=f"use one of {', '.join(ACTS)}")
    concerns = data.get("concerns") or []
    if not isinstance(concerns, list):
        raise ParseError("concerns must be a list of labels", where=where)
    item = data.get("item")
    return GoldLine(
        source=str(path), line=number, item=None if item is None else str(item), quote=data["quote"],
        speaker=data.get("speaker"), speaker_key=_fold_apostrophes(data.get("speaker_key")),
        speaker_kind=data.get("speaker_kind") or "unknown", act=data["act"], answers=data.get("answers"),
        concerns=tuple(sorted(set(concerns))), section=data.get("section"), has_section="section" in data,
    )


def read_gold_file(path: Path) -> list[GoldLine]:
    lines = []
    with open(path, encoding="utf-8") as fh:
        for number, raw in enumerate(fh, 1):
            if raw.strip():
                lines.append(_gold_line(path, number, raw))
    return lines


def read_gold_dir(gold_dir: Path) -> list[GoldDocument]:
    """Every ``*.jsonl`` under ``gold_dir`` (recursively) with its document, in path order."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise MinutesMinerError("gold directory not found", where=str(gold_dir),
                                hint="give a directory of documents with <stem>.jsonl gold files, e.g. corpora/gold/dev")
    files = sorted(gold_dir.rglob("*.jsonl"))
    if not files:
        raise MinutesMinerError("no gold files (*.jsonl) in the directory", where=str(gold_dir),
                                hint="a gold set holds <council>/<stem>.jsonl beside each document")
    return [GoldDocument(document=_document_for(f), gold_file=f, lines=read_gold_file(f)) for f in files]


# --------------------------------------------------------------------------- scoring
@dataclass
class _Pred:
    item_index: int
    index: int  # within the item
    number: str | None
    title: str | None
    text: str  # normalised
    speaker_key: str | None
    speaker_kind: str
    act: str
    answers: int | None
    section: str | None
    concerns: frozenset[str]


def _fold_apostrophes(key: str | None) -> str | None:
    """Gold keys keep the surname as printed ("o’neill"); the tool keys people with straight
    apostrophes so that both printings are one person. Either form scores as the same key."""
    return key.replace("\u2019", "'").replace("\u2018", "'") if key else key


def _predictions(doc: AnalysedDocument) -> list[_Pred]:
    out = []
    for ii, item in enumerate(doc.items):
        for si, s in enumerate(item.statements):
            out.append(_Pred(ii, si, item.number, item.title, norm_text(s.text), _fold_apostrophes(s.speaker_key),
                             s.speaker_kind, s.act,
                             s.answers, s.section, frozenset(s.concerns)))
    return out


def _item_matches(line: GoldLine, pred: _Pred) -> bool:
    if line.item is None:
        return True
    want = norm_text(line.item).rstrip(".").lower()
    return want in {norm_text(pred.number or "").rstrip(".").lower(), norm_text(pred.title or "").lower()}


def align(lines: list[GoldLine], preds: list[_Pred]) -> tuple[list[int | None], list[list[int]]]:
    """For each gold line: the aligned prediction's position (or None) and all that contain the quote."""
    aligned: list[int | None] = []
    holders: list[list[int]] = []
    for line in lines:
        quote = norm_text(line.quote)
        hits = [k for k, p in enumerate(preds) if quote in p.text]
        holders.append(hits)
        same_item = [k for k in hits if _item_matches(line, preds[k])]
        aligned.append((same_item or hits or [None])[0])
    return aligned, holders


def _score_value(scores: Scores, name: str, gold, pred, empty) -> None:
    prf = scores.fields.setdefault(name, PRF())
    right, total = scores.accuracy.get(name, (0, 0))
    scores.accuracy[name] = (right + (gold == pred), total + 1)
    if gold != empty:
        prf.gold += 1
    if pred is not None and pred is not _UNALIGNED and pred != empty:
        prf.predicted += 1
        if pred == gold:
            prf.tp += 1


def score_document(scores: Scores, lines: list[GoldLine], doc: AnalysedDocument) -> None:
    preds = _predictions(doc)
    aligned, holders = align(lines, preds)
    scores.documents += 1
    scores.gold_lines += len(lines)
    scores.predicted_statements += len(preds)
    seg = scores.fields.setdefault("segmentation", PRF())
    seg.gold += len(lines)
    seg.predicted += len(preds)
    held_by: dict[int, list[int]] = defaultdict(list)
    for g, hits in enumerate(holders):
        for k in hits:
            held_by[k].append(g)
    for g, hits in enumerate(holders):
        if len(hits) == 1 and held_by[hits[0]] == [g]:
            seg.tp += 1
    act = scores.fields.setdefault("act", PRF())
    for g, line in enumerate(lines):
        k = aligned[g]
        pred = preds[k] if k is not None else None
        if pred is not None:
            scores.aligned += 1
        _score_value(scores, "speaker", line.speaker_key, pred.speaker_key if pred else _UNALIGNED, None)
        _score_value(scores, "speaker_kind", line.speaker_kind, pred.speaker_kind if pred else _UNALIGNED, "unknown")
        if line.has_section:
            _score_value(scores, "section", norm_text(line.section) if line.section else None,
                         (norm_text(pred.section) if pred.section else None) if pred else _UNALIGNED, None)
        act.gold += 1
        per_gold = scores.per_act.setdefault(line.act, PRF())
        per_gold.gold += 1
        right, total = scores.accuracy.get("act", (0, 0))
        scores.accuracy["act"] = (right + bool(pred and pred.act == line.act), total + 1)
        if pred is not None:
            act.predicted += 1
            per_pred = scores.per_act.setdefault(pred.act, PRF())
            per_pred.predicted += 1
            if pred.act == line.act:
                act.tp += 1
                per_gold.tp += 1
        conc = scores.fields.setdefault("concerns", PRF())
        got = pred.concerns if pred else frozenset()
        want = set(line.concerns)
        for label in want | got:
            lab = scores.per_concern.setdefault(label, PRF())
            if label in want:
                conc.gold += 1
                lab.gold += 1
            if label in got:
                conc.predicted += 1
                lab.predicted += 1
            if label in want and label in got:
                conc.tp += 1
                lab.tp += 1
        if pred is None or pred.act != line.act or (pred.speaker_key != line.speaker_key):
            scores.errors.append({"gold": f"{line.source}:{line.line}", "quote": line.quote,
                                  "want": [line.speaker_key, line.speaker_kind, line.act],
                                  "got": [pred.speaker_key, pred.speaker_kind, pred.act] if pred else None})
    _score_pairs(scores, lines, aligned, preds)


def _score_pairs(scores: Scores, lines: list[GoldLine], aligned: list[int | None], preds: list[_Pred]) -> None:
    pairs = scores.fields.setdefault("answers", PRF())
    by_quote: dict[str, int] = {}
    for g, line in enumerate(lines):
        by_quote.setdefault(norm_text(line.quote), g)
    gold_pairs = set()
    for g, line in enumerate(lines):
        if line.answers:
            q = by_quote.get(norm_text(line.answers))
            if q is None:
                raise ParseError("answers does not quote any line of this file", where=f"{line.source}:{line.line}",
                                 hint="set answers to the exact quote of the question line, or null")
            gold_pairs.add((g, q))
    pairs.gold += len(gold_pairs)
    position = {(p.item_index, p.index): k for k, p in enumerate(preds)}
    holding = {k for k in aligned if k is not None}
    found = {(aligned[a], aligned[q]) for a, q in gold_pairs if aligned[a] is not None and aligned[q] is not None}
    for k, p in enumerate(preds):
        if p.answers is None:
            continue
        q = position.get((p.item_index, p.answers))
        if q is None or k not in holding or q not in holding:
            continue
        pairs.predicted += 1
        if (k, q) in found:
            pairs.tp += 1


def evaluate(gold_dir: Path, analyse_file: Callable[[Path], AnalysedDocument] | None = None) -> Scores:
    """Scores of ``analyse`` on every document of a gold directory (see the module docstring)."""
    gold = read_gold_dir(Path(gold_dir))
    analyse_file = analyse_file or analyse_path
    scores = Scores()
    for g in gold:
        score_document(scores, g.lines, analyse_file(g.document))
    return scores


def analyse_path(path: Path, concern_model="shipped") -> AnalysedDocument:
    from minutes_miner.inputs import read_file

    from . import analyse

    content = read_file(path)
    if content.minutes is None:
        raise ParseError("not minutes (read as a performance report)", where=str(path),
                         hint="a gold set holds minutes documents only")
    return analyse(content.minutes, concern_model=concern_model)


def format_scores(scores: Scores) -> Iterable[str]:
    yield (f"{scores.documents} documents, {scores.gold_lines} gold statements "
           f"({scores.aligned} aligned), {scores.predicted_statements} predicted statements")
    yield f"{'field':<14}{'P':>8}{'R':>8}{'F1':>8}{'acc':>8}"
    for name in ("segmentation", "speaker", "speaker_kind", "act", "answers", "concerns", "section"):
        prf = scores.fields.get(name)
        if prf is None:
            continue
        right, total = scores.accuracy.get(name, (0, 0))
        acc = f"{right / total:8.3f}" if total else f"{'':>8}"
        yield f"{name:<14}{prf.precision:8.3f}{prf.recall:8.3f}{prf.f1:8.3f}{acc}"
    yield "act:"
    for name, prf in sorted(scores.per_act.items()):
        yield f"  {name:<12}{prf.precision:8.3f}{prf.recall:8.3f}{prf.f1:8.3f}  (gold {prf.gold})"
    yield "concerns:"
    for name, prf in sorted(scores.per_concern.items()):
        yield f"  {name:<16}{prf.precision:8.3f}{prf.recall:8.3f}{prf.f1:8.3f}  (gold {prf.gold})"


__all__ = ["PRF", "GoldLine", "Scores", "evaluate", "format_scores", "norm_text", "read_gold_dir", "read_gold_file"]
