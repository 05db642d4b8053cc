"""The learned concern tagger: where the taxonomy's terms stop generalising.

A statement's concerns depend on more than the words in it: an answer is about what the question
asked ("Ms Hale advised that surveyors would visit every home" answers a question on damp and
mould: housing), a "children in care" phrase in a presenter's job title is not a concern, and
an item's title sets the topic. The model is one logistic regression per label over TF-IDF
features of the statement's words and bigrams, the words of the question it answers and of the
item title (prefixed), and the taxonomy's own hits (``RULE=label``) for the statement, its
question and the title. Rules and model then vote: a label the taxonomy found is kept unless the
model gives it less than ``keep_threshold``; a label it did not find is added when the model gives
it at least ``threshold`` (both chosen on the dev split).

The model is stored as plain JSON (vocabulary, idf, weights, threshold) and applied with one
sparse matrix product per document, so it needs no pickle and costs little at run time.
Trained by ``minutes_miner.nlp.train``; loaded from ``resources.models_dir()``.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import numpy

MODEL_FILE = "concerns.json"
FORMAT = "minutes-miner concern model v1"
_WORD = re.compile(r"[a-z0-9£%]+(?:['’-][a-z0-9]+)*")


def words(text: str) -> list[str]:
    return _WORD.findall((text or "").lower())


def features(text: str, rule_labels, question: str | None = None, question_labels=(), title: str | None = None,
             title_labels=()) -> list[str]:
    """The feature strings of one statement (see the module docstring)."""
    ws = words(text)
    out = ws + [f"{a}_{b}" for a, b in pairwise(ws)]
    out += [f"RULE={label}" for label in rule_labels]
    if question:
        out += [f"Q:{w}" for w in words(question)]
        out += [f"QRULE={label}" for label in question_labels]
    if title:
        out += [f"T:{w}" for w in words(title)]
        out += [f"TRULE={label}" for label in title_labels]
    return out


@dataclass
class ConcernModel:
    labels: list[str]
    vocab: dict[str, int]
    idf: numpy.ndarray
    coef: numpy.ndarray  # (features, labels)
    intercept: numpy.ndarray  # (labels,)
    threshold: float  # a label the taxonomy did not find is added at this probability
    keep_threshold: float  # a label the taxonomy found is kept down to this probability
    meta: dict

    def matrix(self, rows: list[list[str]]):
        """TF-IDF rows (sublinear tf, l2-normalised) as a CSR matrix."""
        from scipy.sparse import csr_matrix

        get = self.vocab.get
        indices: list[int] = []
        counts: list[int] = []
        indptr = [0]
        for feats in rows:
            row = Counter(k for k in map(get, feats) if k is not None)
            indices.extend(row)
            counts.extend(row.values())
            indptr.append(len(indices))
        cols = numpy.asarray(indices, dtype=numpy.int64)
        data = (1.0 + numpy.log(numpy.asarray(counts, dtype=float))) * self.idf[cols] if indices else numpy.zeros(0)
        # l2-normalise each row (vectorised: per-row sums of squares)
        row_of = numpy.repeat(numpy.arange(len(rows)), numpy.diff(indptr))
        norms = numpy.sqrt(numpy.bincount(row_of, weights=data * data, minlength=len(rows)))
        norms[norms == 0] = 1.0
        data = data / norms[row_of]
        return csr_matrix((data, indices, indptr), shape=(len(rows), len(self.vocab)))

    def probabilities(self, rows: list[list[str]]) -> numpy.ndarray:
        if not rows:
            return numpy.zeros((0, len(self.labels)))
        scores = self.matrix(rows) @ self.coef + self.intercept
        return 1.0 / (1.0 + numpy.exp(-scores))

    def predict(self, rows: list[list[str]], rule_labels: list | None = None) -> list[tuple[str, ...]]:
        """Labels per row: the model's own (p >= threshold) and the taxonomy's hits it does not
        reject (p >= keep_threshold): a calibrated vote of rules and model."""
        return decide(self.labels, self.probabilities(rows), rule_labels or [()] * len(rows), self.threshold,
                      self.keep_threshold)

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "meta": self.meta,
            "labels": self.labels,
            "threshold": self.threshold,
            "keep_threshold": self.keep_threshold,
            "intercept": [round(float(x), 6) for x in self.intercept],
            "features": {f: {"idf": round(float(self.idf[k]), 5),
                             "w": [round(float(x), 5) for x in self.coef[k]]}
                         for f, k in sorted(self.vocab.items())},
        }

    @classmethod
    def from_json(cls, data: dict, where: str = "concern model") -> ConcernModel:
        from minutes_miner.errors import ParseError

        if data.get("format") != FORMAT:
            raise ParseError(f"not a {FORMAT!r} file", where=where,
                             hint="retrain it: python -m minutes_miner.nlp.train")
        names = list(data["features"])
        vocab = {f: k for k, f in enumerate(names)}
        idf = numpy.array([data["features"][f]["idf"] for f in names])
        coef = numpy.array([data["features"][f]["w"] for f in names]).reshape(len(names), len(data["labels"]))
        return cls(list(data["labels"]), vocab, idf, coef, numpy.array(data["intercept"]), float(data["threshold"]),
                   float(data["keep_threshold"]), data.get("meta", {}))

    def save(self, path: Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")


def decide(labels: list[str], probs, rule_labels, threshold: float, keep_threshold: float) -> list[tuple[str, ...]]:
    out = []
    for row, found in zip(probs, rule_labels):
        found = set(found)
        out.append(tuple(label for label, p in zip(labels, row)
                         if p >= threshold or (label in found and p >= keep_threshold)))
    return out


def load_model(path: Path) -> ConcernModel:
    from minutes_miner.errors import ParseError

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ParseError(f"cannot read the concern model ({exc})", where=str(path),
                         hint="reinstall minutes-miner or retrain: python -m minutes_miner.nlp.train") from exc
    return ConcernModel.from_json(data, where=str(path))


@lru_cache(maxsize=1)
def shipped_model() -> ConcernModel | None:
    """The concern model in ``models/``, or None when none is shipped (rules only)."""
    from minutes_miner.resources import models_dir

    try:
        path = models_dir() / MODEL_FILE
    except FileNotFoundError:
        return None
    return load_model(path) if path.exists() else None


def concern_rows(nlp, doc) -> list[list[str]]:
    """Feature rows for every statement of an ``AnalysedDocument`` whose concerns are the taxonomy's
    hits (``analyse(..., concern_model=None)``), in document order."""
    tagger = nlp.get_pipe("mm_concerns")
    rows = []
    for item in doc.items:
        title = item.title or ""
        title_labels = []
        if title:
            title_doc = tagger(nlp.make_doc(title))
            title_labels = sorted({sp.label_ for sp in title_doc.spans["mm_concerns"]})
        for s in item.statements:
            q = item.statements[s.answers] if s.answers is not None and s.answers < len(item.statements) else None
            rows.append(features(s.text, s.concerns, q.text if q else None, q.concerns if q else (), title, title_labels))
    return rows


def apply_concern_model(model: ConcernModel, nlp, doc):
    """The document with each statement's concerns decided by the model. Labels the model was never
    trained on (a user's own taxonomy) stay as the taxonomy found them."""
    rows = concern_rows(nlp, doc)
    if not rows:
        return doc
    predicted = iter(model.predict(rows, [s.concerns for item in doc.items for s in item.statements]))
    known = set(model.labels)
    items = []
    for item in doc.items:
        statements = []
        for s in item.statements:
            labels = set(next(predicted)) | {label for label in s.concerns if label not in known}
            statements.append(replace(s, concerns=tuple(sorted(labels))))
        items.append(replace(item, statements=tuple(statements)))
    return replace(doc, items=tuple(items))
