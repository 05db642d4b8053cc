"""The matcher machinery the spaCy components in ``minutes_miner.nlp.components`` share.

* ``SharedPhrases``: every component's literal phrases matched in one PhraseMatcher pass per token
  attribute, each component reading back its own group's hits;
* ``AnchoredPatterns``: token patterns run only in a short window after a hit on their first words;
* per-doc caches (the text, the token arrays) and ``store_findings``, which writes a component's
  findings as spans or as character offsets.
"""
from __future__ import annotations

import itertools
import weakref

import numpy
from spacy.attrs import IDX, ORTH, SPACY
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from . import rules


def doc_text(doc: Doc) -> str:
    """The doc's text; ``analyse`` stores it in user_data to spare Doc.text's per-token join."""
    text = doc.user_data.get("mm_text")
    if text is None or len(text) != (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        text = doc.text
        doc.user_data["mm_text"] = text
    return text


#: every character that ``str.isspace`` holds for (spaCy's IS_SPACE is ``text.isspace()``)
_SPACE_CODES = numpy.array(sorted(map(ord, "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
                                          "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")), dtype=numpy.uint32)
# whether each code point up to the last whitespace one is whitespace, and a False for all above it:
# a table look-up per token instead of ``numpy.isin``'s sort
_IS_SPACE_CODE = numpy.zeros(int(_SPACE_CODES[-1]) + 2, dtype=bool)
_IS_SPACE_CODE[_SPACE_CODES] = True


class TokenArrays:
    """Per-token arrays of a doc: ``idx`` (start character), ``orth`` (uint64), ``is_space`` (bool)
    and ``length`` (characters). Only IDX, ORTH and SPACY are read from the Doc (token
    attributes); the lexeme attributes are derived, at a fraction of ``Doc.to_array``'s cost for
    them: a token is a whitespace token when its first character is whitespace (the tokenizer
    splits text into runs of whitespace and of other characters before anything else), and its
    length runs to the next token's start, less its trailing space."""

    __slots__ = ("idx", "is_space", "length", "orth")

    def __init__(self, doc: Doc, text: str):
        n = len(doc)
        arr = doc.to_array([IDX, ORTH, SPACY])
        self.orth = arr[:, 1]  # uint64 hashes, as the StringStore's keys
        self.idx = arr[:, 0].astype(numpy.int64)
        ends = numpy.append(self.idx[1:], len(text)) if n else self.idx
        self.length = ends - self.idx - arr[:, 2].astype(numpy.int64)
        codes = numpy.frombuffer(text.encode("utf-32-le"), dtype=numpy.uint32)
        self.is_space = _IS_SPACE_CODE[numpy.minimum(codes[self.idx], len(_IS_SPACE_CODE) - 1)] if n else numpy.zeros(0, dtype=bool)

    def __len__(self) -> int:
        return len(self.idx)


def token_arrays(doc: Doc) -> TokenArrays:
    """The doc's ``TokenArrays``, made once per doc for all components (``doc.user_data``)."""
    arr = doc.user_data.get("mm_arrays")
    if arr is None or len(arr) != len(doc):
        arr = doc.user_data["mm_arrays"] = TokenArrays(doc, doc_text(doc))
    return arr


class SharedPhrases:
    """Every component's literal phrases in one PhraseMatcher per token attribute (LOWER, ORTH).

    A PhraseMatcher pass costs about the same whatever its number of phrases, so the ~11 phrase
    sets of the components (role phrases, honorifics, job-title heads, act cues, concern terms,
    acronyms, exclusions, pattern anchors) are matched in two passes per doc, by the first
    component that asks, and handed to each component as its own group's hits
    (``doc.user_data["mm_phrases"]``)."""

    def __init__(self, vocab):
        self.matchers = {"LOWER": PhraseMatcher(vocab, attr="LOWER"), "ORTH": PhraseMatcher(vocab, attr="ORTH")}
        self.strings = vocab.strings
        self.groups: dict[int, tuple[str, str]] = {}  # match key -> (group, label)
        self.names: list[str] = []

    def group(self, name: str) -> str:
        """A new group name, unique in this pipeline (a component may be added twice)."""
        unique = f"{name}#{len(self.names)}"
        self.names.append(unique)
        return unique

    def add(self, attr: str, group: str, label: str, docs) -> None:
        key = f"{group}|{label}"
        self.groups[self.strings.add(key)] = (group, label)
        self.matchers[attr].add(key, docs)

    def hits(self, doc: Doc, group: str) -> list[tuple[int, int, str]]:
        """(start, end, label) token triples of the group's phrases in ``doc``, in match order."""
        cached = doc.user_data.get("mm_phrases")
        if cached is None or cached[0] != id(self) or len(doc) != cached[1]:
            by_group: dict[str, list[tuple[int, int, str]]] = {name: [] for name in self.names}
            groups = self.groups
            for matcher in self.matchers.values():
                if len(matcher):
                    for key, s, e in matcher(doc):
                        g, lab = groups[key]
                        by_group[g].append((s, e, lab))
            cached = doc.user_data["mm_phrases"] = (id(self), len(doc), by_group)
        return cached[2].get(group, [])


_SHARED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def shared_phrases(nlp) -> SharedPhrases:
    """The pipeline's ``SharedPhrases`` (one per ``Language``)."""
    phrases = _SHARED.get(nlp)
    if phrases is None:
        phrases = _SHARED[nlp] = SharedPhrases(nlp.vocab)
    return phrases


def phrase_docs(nlp, texts):
    """Docs for PhraseMatcher patterns; phrases are written with spaCy token boundaries."""
    from spacy.tokens import Doc as _Doc

    out = []
    for t in dict.fromkeys(texts):
        out.append(_Doc(nlp.vocab, words=t.split()))
    return out


def filter_token_spans(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``spacy.util.filter_spans`` on (start, end, label) token triples: the longest spans win,
    then the earliest, then the first listed; the kept ones in document order."""
    kept = []
    seen: set[int] = set()
    for t in sorted(found, key=lambda t: (t[1] - t[0], -t[0]), reverse=True):
        if t[0] not in seen and t[1] - 1 not in seen:
            kept.append(t)
            seen.update(range(t[0], t[1]))
    return sorted(kept, key=lambda t: t[0])


def store_findings(doc: Doc, key: str, found: list[tuple[int, int, str]], spans: bool) -> None:
    """A component's findings: ``doc.spans[key]``, or, when ``spans`` is False (``analyse`` reads
    character offsets only and spares the Span objects), ``doc.user_data[key]`` as
    (start_char, end_char, label)."""
    if spans:
        doc.spans[key] = [Span(doc, s, e, label=lab) for s, e, lab in found]
    elif found:
        arr = token_arrays(doc)
        starts = numpy.array([t[0] for t in found], dtype=numpy.int64)
        lasts = numpy.array([t[1] for t in found], dtype=numpy.int64) - 1
        start_chars = arr.idx[starts].tolist()
        end_chars = (arr.idx[lasts] + arr.length[lasts]).tolist()
        doc.user_data[key] = [(a, b, t[2]) for a, b, t in zip(start_chars, end_chars, found)]
    else:
        doc.user_data[key] = []


class _Labels:
    """match_id -> label string, cached (StringStore lookups cost on every match)."""

    def __init__(self, vocab):
        self.strings = vocab.strings
        self.cache: dict[int, str] = {}

    def __call__(self, match_id: int) -> str:
        lab = self.cache.get(match_id)
        if lab is None:
            lab = self.cache[match_id] = self.strings[match_id]
        return lab


class AnchoredPatterns:
    """Token patterns (data-file syntax) run by the Matcher only in a short window after a
    PhraseMatcher hit on their literal first words ("asked the <ANY> to" -> "asked the"), rather
    than at every token (one exact-case free pattern over every token cost ~15% of ``analyse``);
    a pattern that starts with ``<ANY>`` or an optional word runs over the whole doc."""

    def __init__(self, nlp):
        self.anchored = Matcher(nlp.vocab)
        self.phrases = shared_phrases(nlp)
        self.anchors = self.phrases.group("anchors")
        self.free = Matcher(nlp.vocab)
        self.window = 2
        self.labels = _Labels(nlp.vocab)
        self._nlp = nlp

    def add(self, label: str, pattern: str) -> None:
        prefix, attr = [], "LOWER"
        for i, tok in enumerate(pattern.split()):
            if tok.startswith("<") or tok.endswith("?"):
                break
            if tok.startswith("="):
                # an exact-case first word ("=Black <group>") anchors through the ORTH matcher;
                # later exact words end the (lower-case) prefix
                if i == 0:
                    prefix.append(tok[1:].split("|"))
                    attr = "ORTH"
                break
            prefix.append(tok.split("|"))
        compiled = rules.compile_token_pattern(pattern)
        if not prefix:
            self.free.add(label, [compiled])
            return
        phrases = [" ".join(c) for c in itertools.product(*prefix)]
        if attr == "LOWER":
            phrases = [p.lower() for p in phrases]
        self.phrases.add(attr, self.anchors, "P", phrase_docs(self._nlp, phrases))
        self.anchored.add(label, [compiled])
        self.window = max(self.window, len(pattern.split()) + 1)

    def __len__(self) -> int:
        return len(self.anchored) + len(self.free)

    def __call__(self, doc: Doc) -> list[tuple[int, int, str]]:
        label = self.labels
        found = []
        if len(self.anchored):
            seen = set()
            n = len(doc)
            for s, _e, _ in self.phrases.hits(doc, self.anchors):
                if s in seen:
                    continue
                seen.add(s)
                for match_id, ms, me in self.anchored(doc[s:min(n, s + self.window)]):
                    if ms == 0:
                        found.append((s, s + me, label(match_id)))
        if len(self.free):
            found += [(s, e, label(m)) for m, s, e in self.free(doc)]
        return found
