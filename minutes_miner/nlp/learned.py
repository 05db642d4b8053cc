"""The learned concern tagger: where the taxonomy's terms stop generalising.

A statement's concerns depend on more than the words in it: an answer is about what the question
asked ("Ms Hale advised that surveyors would visit every home" answers a question on damp and
mould: housing), a "children in care" phrase in a presenter's job title is not a concern, and
an item's title sets the topic. The model is one logistic regression per label over TF-IDF
features of the statement's words and bigrams, the words of the question it answers and of the
item title (prefixed), and the taxonomy's own hits (``RULE=label``) for the statement, its
question, the title, the section heading it sits under ("Dashboard 2 – Children in Care":
``HRULE=``) and, for a statement of an exchange (question, answer, concern, request,
commitment), the statements just before and after it in the item (the thread of discussion: a
follow-up, a reply to a comment or a commitment to a request is on the topic of the statement it
follows). Rules and model then vote: a label the taxonomy found is kept unless the
model gives it less than ``keep_threshold`` (or the label's own); a label it did not find is added when the model gives
it at least ``threshold`` (or the label's own threshold), all chosen by cross-validation over the
training councils (``minutes_miner.nlp.train``).

The neighbours' hits carry their own weights (``PRULE=``, ``NRULE=``), learned apart from the
statement's own. They are left out for presentations, welcomes and decisions: with them, a remark
on hubs reopening after lockdown, between two remarks on staffing, became "workforce"
(cross-validated figures in models/README.md).

The model is stored as plain JSON (vocabulary, idf, weights, thresholds) and applied with one
sparse matrix product per document, so it needs no pickle and costs little at run time.
Trained by ``minutes_miner.nlp.train``; loaded from ``resources.models_dir()``.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate, chain, pairwise, repeat
from pathlib import Path

import numpy

MODEL_FILE = "concerns.json"
FORMAT = "minutes-miner concern model v1"
#: acts whose statement belongs to an exchange, and so may take the topic of the statements around it
THREAD_ACTS = frozenset({"question", "answer", "concern", "request", "commitment"})
# possessive: the same words as the greedy pattern (nothing follows that could make it give any back), found faster
_WORD = re.compile(r"[a-z0-9£%]++(?:['’-][a-z0-9]++)*+")


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
    label_thresholds: dict[str, float] = field(default_factory=dict)  # a label's own ``threshold``
    label_keep_thresholds: dict[str, float] = field(default_factory=dict)  # a label's own ``keep_threshold``

    def decide(self, probs, rule_labels) -> list[tuple[str, ...]]:
        thresholds = [self.label_thresholds.get(label, self.threshold) for label in self.labels]
        keeps = [self.label_keep_thresholds.get(label, self.keep_threshold) for label in self.labels]
        return decide(self.labels, probs, rule_labels, thresholds, keeps)

    def matrix(self, rows: list[list[str]]):
        """TF-IDF rows (sublinear tf, l2-normalised) of feature strings as a CSR matrix."""
        get = self.vocab.get
        return self.id_matrix([list(map(get, row, repeat(-1))) for row in rows])

    def id_matrix(self, rows: list[list[int]]):
        """TF-IDF rows (sublinear tf, l2-normalised) as a CSR matrix, built in one go from each row's
        feature ids (in any order, repeated as often as the feature occurs; -1 for a feature the
        model does not know): duplicates summed by scipy, weights computed with numpy."""
        lengths = [len(r) for r in rows]
        ids = numpy.fromiter(chain.from_iterable(rows), dtype=numpy.int64, count=sum(lengths))
        return self.tfidf(ids, numpy.repeat(numpy.arange(len(rows)), lengths), len(rows))

    def tfidf(self, ids: numpy.ndarray, row_of: numpy.ndarray, n: int):
        """``id_matrix`` of ``n`` rows given as every feature id (-1 for unknown) beside its row."""
        from scipy.sparse import csr_matrix

        known = ids >= 0
        ids, row_of = ids[known], row_of[known]
        x = csr_matrix((numpy.ones(len(ids)), (row_of, ids)), shape=(n, len(self.vocab)))
        x.sum_duplicates()
        x.data = (1.0 + numpy.log(x.data)) * self.idf[x.indices]
        row_of = numpy.repeat(numpy.arange(n), numpy.diff(x.indptr))
        norms = numpy.sqrt(numpy.bincount(row_of, weights=x.data * x.data, minlength=n))
        norms[norms == 0] = 1.0
        x.data /= norms[row_of]
        return x

    @cached_property
    def index(self) -> FeatureIndex:
        return FeatureIndex(self.vocab)

    def probabilities(self, rows: list[list[str]]) -> numpy.ndarray:
        return self.id_probabilities([list(map(self.vocab.get, row, repeat(-1))) for row in rows])

    def id_probabilities(self, rows: list[list[int]]) -> numpy.ndarray:
        if not rows:
            return numpy.zeros((0, len(self.labels)))
        return self._sigmoid(self.id_matrix(rows))

    def tfidf_probabilities(self, ids: numpy.ndarray, row_of: numpy.ndarray, n: int) -> numpy.ndarray:
        """``id_probabilities`` of rows given as in ``tfidf``."""
        if not n:
            return numpy.zeros((0, len(self.labels)))
        return self._sigmoid(self.tfidf(ids, row_of, n))

    def _sigmoid(self, x) -> numpy.ndarray:
        scores = x @ self.coef + self.intercept
        return 1.0 / (1.0 + numpy.exp(-scores))

    def predict(self, rows: list[list[str]], rule_labels: list | None = None) -> list[tuple[str, ...]]:
        """Labels per row: the model's own (p >= threshold) and the taxonomy's hits it does not
        reject (p >= keep_threshold): a calibrated vote of rules and model."""
        return self.decide(self.probabilities(rows), rule_labels or [()] * len(rows))

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "meta": self.meta,
            "labels": self.labels,
            "threshold": self.threshold,
            "keep_threshold": self.keep_threshold,
            "label_thresholds": dict(sorted(self.label_thresholds.items())),
            "label_keep_thresholds": dict(sorted(self.label_keep_thresholds.items())),
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
                   float(data["keep_threshold"]), data.get("meta", {}),
                   {k: float(v) for k, v in data.get("label_thresholds", {}).items()},
                   {k: float(v) for k, v in data.get("label_keep_thresholds", {}).items()})

    def save(self, path: Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")


def decide(labels: list[str], probs, rule_labels, threshold, keep_threshold) -> list[tuple[str, ...]]:
    """Per row, the labels with p >= threshold, and the taxonomy's own hits with p >= keep_threshold
    (each one for all labels, or one per label)."""
    probs = numpy.asarray(probs)
    chosen = probs >= numpy.asarray(threshold, dtype=float)
    column = {label: j for j, label in enumerate(labels)}
    found = numpy.zeros(chosen.shape, dtype=bool)
    for i, row in enumerate(rule_labels):
        for label in row:
            j = column.get(label)
            if j is not None:
                found[i, j] = True
    chosen |= found & (probs >= numpy.asarray(keep_threshold, dtype=float))
    out: list[list[str]] = [[] for _ in range(len(chosen))]
    for i, j in zip(*chosen.nonzero()):
        out[i].append(labels[j])
    return [tuple(row) for row in out]


class FeatureIndex:
    """The model's feature ids looked up by the parts a feature string is made of (a word, a word
    pair, a label), so that prediction never builds the strings: one dict per kind of feature."""

    def __init__(self, vocab: dict[str, int]):
        self.size = len(vocab)
        self.word: dict[str, int] = {}
        self.pair: dict[tuple[str, str], int] = {}
        self.prefixed: dict[str, dict[str, int]] = {p: {} for p in ("Q:", "T:", "RULE=", "QRULE=", "TRULE=", "PRULE=",
                                                                    "NRULE=", "HRULE=")}
        for feature, k in vocab.items():
            head, colon, rest = feature.partition(":")
            if colon and head in ("Q", "T"):
                self.prefixed[head + ":"][rest] = k
                continue
            head, equals, rest = feature.partition("=")
            if equals:
                self.prefixed[head + "="][rest] = k
            elif "_" in feature:  # words never hold "_" (``_WORD``): a bigram
                a, _, b = feature.partition("_")
                self.pair[(a, b)] = k
            else:
                self.word[feature] = k

    @cached_property
    def word_or_separator(self) -> dict[str, int]:
        """``word`` with ``SEPARATOR`` as -2 (``document_ids``)."""
        return {**self.word, SEPARATOR: -2}

    @cached_property
    def pair_codes(self) -> tuple[numpy.ndarray, numpy.ndarray, dict[tuple[str, str], int]]:
        """The bigrams of two known words as sorted codes (first word's id * vocabulary size + the
        second's) beside their ids, and the other bigrams by their words (``document_ids``)."""
        size = self.size
        coded, other = {}, {}
        for (a, b), k in self.pair.items():
            if a in self.word and b in self.word:
                coded[self.word[a] * size + self.word[b]] = k
            else:
                other[(a, b)] = k
        codes = numpy.array(sorted(coded), dtype=numpy.int64)
        return codes, numpy.array([coded[c] for c in codes.tolist()], dtype=numpy.int64), other

    def known(self, kind: str, parts) -> list[int]:
        """The ids of the features ``kind + part`` (-1 for those the model does not know)."""
        return list(map(self.prefixed[kind].get, parts, repeat(-1)))

    def own(self, ws: list[str], labels) -> list[int]:
        """The ids of a statement's words, word bigrams and taxonomy hits (``RULE=``); -1 for
        features the model does not know."""
        ids = list(map(self.word.get, ws, repeat(-1)))
        ids += map(self.pair.get, pairwise(ws), repeat(-1))
        ids += map(self.prefixed["RULE="].get, labels, repeat(-1))
        return ids


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


def title_labels(nlp, title: str | None) -> list[str]:
    """The taxonomy's hits in an item title."""
    if not title:
        return []
    doc = nlp.get_pipe("mm_concerns")(nlp.make_doc(title), spans=False)
    return sorted({label for _, _, label in doc.user_data["mm_concerns"]})


# headings joined into one Doc by ``headings_labels``: a whitespace token of its own, which no phrase holds
_HEADING_SEPARATOR = "\n\n"


def headings_labels(nlp, texts) -> dict[str, list[str]]:
    """``title_labels`` of each of ``texts`` (item titles, section headings), found in one Doc for
    them all: matching one short Doc per heading cost more in per-Doc overhead than in matching.
    A hit is a heading's when it lies inside it (a pattern with ``<ANY>`` may run across the
    separator: dropped, as it cannot match the heading alone). A heading with surrounding or line
    breaking whitespace, whose tokens might merge with the separator, is matched on its own."""
    out: dict[str, list[str]] = {}
    alone: list[str] = []
    for text in dict.fromkeys(texts):
        if text and text == text.strip() and "\n" not in text and "\r" not in text:
            out[text] = []
        elif text:
            alone.append(text)
    if out:
        joined = _HEADING_SEPARATOR.join(out)
        starts = list(accumulate((len(t) + len(_HEADING_SEPARATOR) for t in out), initial=0))[:-1]
        ends = [start + len(t) for start, t in zip(starts, out)]
        lists = list(out.values())
        doc = nlp.get_pipe("mm_concerns")(nlp.make_doc(joined), spans=False)
        found: list[set[str]] = [set() for _ in lists]
        for s, e, label in doc.user_data["mm_concerns"]:
            k = bisect_right(starts, s) - 1
            if e <= ends[k]:
                found[k].add(label)
        for target, labels in zip(lists, found):
            target.extend(sorted(labels))
    for text in alone:
        out[text] = title_labels(nlp, text)
    return out


def section_hits(nlp, title: str | None, sections, found: dict) -> list[tuple[str, ...]]:
    """The taxonomy's hits in each statement's section heading (none when it has none or it repeats
    the item title, whose hits are features already); ``found`` caches them by heading."""
    out = []
    for section in sections:
        if not section or section == title:
            out.append(())
            continue
        labels = found.get(section)
        if labels is None:
            labels = found[section] = tuple(title_labels(nlp, section))
        out.append(labels)
    return out


def thread_neighbours(statements, k: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The taxonomy labels of the statements just before and after statement ``k`` of an item, when
    ``k`` is part of an exchange (``THREAD_ACTS``); none for a presentation, a welcome or a decision,
    whose topic is its own (a remark on hubs reopening after lockdown, between two remarks on
    staffing, is not about staffing)."""
    if statements[k][3] not in THREAD_ACTS:
        return (), ()
    before = tuple(statements[k - 1][1]) if k > 0 else ()
    after = tuple(statements[k + 1][1]) if k + 1 < len(statements) else ()
    return before, after


def item_rows(title: str | None, found_in_title, statements) -> list[list[str]]:
    """Feature rows of one item's statements, given as (text, taxonomy labels, answers index, act[,
    taxonomy hits of its section heading]): the statement's words, word bigrams and taxonomy hits
    (``RULE=``); the words and hits of the question it answers (``Q:``, ``QRULE=``), of the item
    title (``T:``, ``TRULE=``) and the hits of its section heading (``HRULE=``); for a
    statement of an exchange, the taxonomy's hits in the statements just before and after it in
    the item (``PRULE=``, ``NRULE=``, see ``thread_neighbours``). ``features`` without the
    neighbours, with the title's and each question's part built once."""
    title_part = ([f"T:{w}" for w in words(title)] + [f"TRULE={label}" for label in found_in_title]) if title else []
    own = [words(text) for text, *_ in statements]
    question_part: dict[int, list[str]] = {}
    rows = []
    for k, (_, labels, answers, _act, *section) in enumerate(statements):
        ws = own[k]
        feats = ws + [a + "_" + b for a, b in pairwise(ws)]
        feats += [f"RULE={label}" for label in labels]
        if answers is not None and 0 <= answers < len(statements):
            q = question_part.get(answers)
            if q is None:
                q = question_part[answers] = [f"Q:{w}" for w in own[answers]] + [
                    f"QRULE={label}" for label in statements[answers][1]]
            feats += q
        before, after = thread_neighbours(statements, k)
        feats += [f"PRULE={label}" for label in before] + [f"NRULE={label}" for label in after]
        if section:
            feats += [f"HRULE={label}" for label in section[0]]
        rows.append(feats + title_part)
    return rows


def item_ids(index: FeatureIndex, title: str | None, found_in_title, statements) -> list[list[int]]:
    """``item_rows`` as the model's feature ids (-1 for unknown features): the same features,
    looked up without building their strings."""
    title_part = (index.known("T:", words(title)) + index.known("TRULE=", found_in_title)) if title else []
    own = [words(text) for text, *_ in statements]
    question_part: dict[int, list[int]] = {}
    rows = []
    for k, (_, labels, answers, _act, *section) in enumerate(statements):
        ids = index.own(own[k], labels)
        if answers is not None and 0 <= answers < len(statements):
            q = question_part.get(answers)
            if q is None:
                q = question_part[answers] = index.known("Q:", own[answers]) + index.known("QRULE=", statements[answers][1])
            ids += q
        before, after = thread_neighbours(statements, k)
        if before:  # most statements have no neighbours' labels: spare the look-ups
            ids += index.known("PRULE=", before)
        if after:
            ids += index.known("NRULE=", after)
        if section and section[0]:
            ids += index.known("HRULE=", section[0])
        rows.append(ids + title_part)
    return rows


# one _WORD match placed between statements, so that a document's words are found in one pass
SEPARATOR = "0qzsep0zq0"


def document_ids(index: FeatureIndex, items) -> tuple[numpy.ndarray, numpy.ndarray, int]:
    """``item_ids`` of every statement of a document, items given as (title, taxonomy hits in the
    title, statements): every feature id beside its row (statements in document order), and the
    number of rows. The words and word pairs of all statements are found and looked up in one
    pass over the document's text, rather than statement by statement."""
    statements = [st for _, _, sts in items for st in sts]
    n = len(statements)
    joined = f" {SEPARATOR} ".join(st[0] or "" for st in statements).lower()
    if joined.count(SEPARATOR) != max(n - 1, 0):  # a statement holds the separator: one by one
        rows = [row for title, found, sts in items for row in item_ids(index, title, found, sts)]
        lengths = [len(r) for r in rows]
        return (numpy.fromiter(chain.from_iterable(rows), dtype=numpy.int64, count=sum(lengths)),
                numpy.repeat(numpy.arange(n), lengths), n)
    ws = _WORD.findall(joined)
    wid = numpy.fromiter(map(index.word_or_separator.get, ws, repeat(-1)), dtype=numpy.int64, count=len(ws))
    sep = wid == -2
    row_of_word = numpy.cumsum(sep)  # at a word: the number of separators before it, its statement
    ids, rows = [wid[~sep]], [row_of_word[~sep]]
    if len(ws) > 1:
        # bigrams of two known words looked up by their code, all at once; the others by their words
        codes, code_ids, other = index.pair_codes
        first_id, second_id = wid[:-1], wid[1:]
        both = (first_id >= 0) & (second_id >= 0)
        at = numpy.flatnonzero(both)
        pair_codes = first_id[at] * index.size + second_id[at]
        where = numpy.searchsorted(codes, pair_codes).clip(max=max(len(codes) - 1, 0))
        found = codes[where] == pair_codes if len(codes) else numpy.zeros(len(at), dtype=bool)
        ids.append(code_ids[where[found]])
        rows.append(row_of_word[at[found]])
        if other:
            rest = numpy.flatnonzero(((first_id == -1) & (second_id != -2)) | ((second_id == -1) & (first_id != -2))).tolist()
            rest_ids = [other.get((ws[i], ws[i + 1]), -1) for i in rest]
            ids.append(numpy.array(rest_ids, dtype=numpy.int64))
            rows.append(row_of_word[numpy.array(rest, dtype=numpy.int64)])
    sep_at = numpy.flatnonzero(sep).tolist()
    starts, ends = [0] + [p + 1 for p in sep_at], sep_at + [len(ws)]
    # the other features of each statement, in statement order (``counts``: how many each): a
    # document holds few distinct label tuples, so their ids are looked up once per tuple
    extra: list[int] = []
    counts: list[int] = []
    first = 0
    known_ids: dict[tuple[str, tuple], list[int]] = {}

    def label_ids(kind: str, labels) -> list[int]:
        key = (kind, labels if type(labels) is tuple else tuple(labels))
        got = known_ids.get(key)
        if got is None:
            got = known_ids[key] = index.known(kind, key[1])
        return got

    for title, found_in_title, sts in items:
        question_part: dict[int, list[int]] = {}
        last = len(sts) - 1
        title_part = (index.known("T:", words(title)) + index.known("TRULE=", found_in_title)) if title else []
        for k, (_, labels, answers, act, *section) in enumerate(sts):
            before = len(extra)
            if labels:
                extra += label_ids("RULE=", labels)
            if answers is not None and 0 <= answers <= last:
                q = question_part.get(answers)
                if q is None:
                    a = first + answers
                    q = question_part[answers] = (index.known("Q:", ws[starts[a]:ends[a]])
                                                  + index.known("QRULE=", sts[answers][1]))
                extra += q
            if act in THREAD_ACTS:  # ``thread_neighbours``
                if k > 0 and sts[k - 1][1]:
                    extra += label_ids("PRULE=", sts[k - 1][1])
                if k < last and sts[k + 1][1]:
                    extra += label_ids("NRULE=", sts[k + 1][1])
            if section and section[0]:
                extra += label_ids("HRULE=", section[0])
            extra += title_part
            counts.append(len(extra) - before)
        first += len(sts)
    ids.append(numpy.array(extra, dtype=numpy.int64))
    rows.append(numpy.repeat(numpy.arange(n), counts))
    return numpy.concatenate(ids), numpy.concatenate(rows), n


def concern_rows(nlp, doc) -> list[list[str]]:
    """Feature rows for every statement of an ``AnalysedDocument`` whose concerns are the taxonomy's
    hits (``analyse(..., concern_model=None)``), in document order."""
    rows = []
    found: dict = {}
    for item in doc.items:
        sections = section_hits(nlp, item.title, [s.section for s in item.statements], found)
        rows += item_rows(item.title, title_labels(nlp, item.title),
                          [(s.text, s.concerns, s.answers, s.act, h) for s, h in zip(item.statements, sections)])
    return rows


def predict_items(model: ConcernModel, nlp, items) -> list[list[tuple[str, ...]]]:
    """Concern labels for every statement of a document, given as items ``(title, [(text, taxonomy
    labels, answers index, act, section heading), ...])``: one sparse matrix and one product for the whole
    document. An answer left with no label takes its question's (gold convention: an answer
    carries its question's topic; +0.009 micro-F1 on dev, +0.002 cross-validated on train).
    Labels the model was never trained on (a user's own taxonomy) stay as the taxonomy found them."""
    found = [st[1] for _, statements in items for st in statements]
    if not found:
        return [[] for _ in items]
    # the hits of every title and section heading (``title_labels``, ``section_hits``) at once
    headings = headings_labels(nlp, [title for title, _ in items] + [st[4] for _, statements in items for st in statements])
    in_sections = {text: tuple(labels) for text, labels in headings.items()}
    with_sections = []
    for title, statements in items:
        sections = section_hits(nlp, title, [st[4] for st in statements], in_sections)
        with_sections.append((title, list(headings[title]) if title else [], [(*st[:4], h) for st, h in zip(statements, sections)]))
    ids, row_of, n = document_ids(model.index, with_sections)
    predicted = model.decide(model.tfidf_probabilities(ids, row_of, n), found)
    known = set(model.labels)
    out = []
    k = 0
    for _, statements in items:
        labels_of_item = []
        for st in statements:
            mine = predicted[k]
            answers = st[2]
            if not mine and answers is not None and answers < len(labels_of_item):
                mine = labels_of_item[answers]  # an answer with no topic of its own is on its question's
            extra = [label for label in st[1] if label not in known]
            labels_of_item.append(tuple(sorted(set(mine).union(extra))) if extra else mine)
            k += 1
        out.append(labels_of_item)
    return out
