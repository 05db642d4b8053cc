"""spaCy components for minutes. Factories are registered in ``minutes_miner.registry``.

Every component writes its findings as spans; called with ``spans=False`` (``analyse`` passes it
through ``component_cfg``) it writes them instead as (start_char, end_char, label) tuples in
``doc.user_data`` under the same key, which is what the discourse layer
(``minutes_miner.nlp.discourse``) reads, sparing the Span objects:

* ``mm_segmenter``  sets sentence starts (statement units) for minutes prose, and their character
                    offsets in ``doc.user_data["mm_units"]``;
* ``mm_mentions``   ``doc.spans["mm_mentions"]``: people (label NAME_T titled, NAME_U untitled)
                    and roles (label ``ROLE|key|kind`` or ``ROLE_OPEN|kind``);
* ``mm_cues``       ``doc.spans["mm_cues"]``: act cues labelled with the act (acts.json);
* ``mm_concerns``   ``doc.spans["mm_concerns"]``: concern taxonomy hits labelled with the concern.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from . import rules
from .matching import (
    AnchoredPatterns,
    doc_text,
    filter_token_spans,
    phrase_docs,
    shared_phrases,
    store_findings,
    token_arrays,
)

SENT_ENDERS = [".", "?", "!", ";", "...", "…", "!?", "?!"]
NO_BREAK_AFTER = {"no", "para", "paras", "approx", "ref", "st", "vs", "cf", "fig", "vol", "p", "pp", "nos", "ch", "art"}
#: titles written with a full stop that spaCy splits off: "Cyng. Evans welcomed ..." is one sentence
TITLE_ABBREVIATIONS = {"cyng", "cllr", "cllrs", "ald", "insp", "supt", "sgt", "prof", "revd", "rev", "mr", "mrs", "ms", "dr"}
_TITLE_RUN = re.compile(r"(?:\s+(?:and|&|of|for)?\s*[A-Z][\w'’-]*)+")
NAME_RE = r"^(?:Mc|Mac|O['’]|D['’]|Fitz)?[A-ZÀ-ÖØ-ÞŴŶ][a-zß-öø-ÿŵŷ'’]+(?:[A-Z][a-zß-öø-ÿŵŷ]+)?$"
#: a surname some councils print in capitals after the title: "Councillor Derek HALLIWELL", "Mrs O'NEILL"
CAPS_SURNAME_RE = r"^(?:Mc|Mac|O['’]|D['’])?[A-ZÀ-ÖØ-ÞŴŶ]{3,}(?:['’][A-Z]{2,})?$"


class MinutesSegmenter:
    """Sentence starts for minutes: after . ? ! when the next token opens a sentence, and after ;."""

    def __init__(self, nlp, name: str = "mm_segmenter"):
        self.name = name
        strings = self.strings = nlp.vocab.strings
        self.enders = numpy.array([strings.add(t) for t in SENT_ENDERS], dtype="uint64")
        self.semicolon = strings.add(";")

    def _per_string(self, orths: numpy.ndarray, part) -> tuple[list, numpy.ndarray]:
        """``part`` of each distinct token text among ``orths`` (read from the StringStore: Doc.text
        would join every token), and the index of each orth's entry."""
        distinct, which = numpy.unique(orths, return_inverse=True)
        strings = self.strings
        return [part(strings[o]) for o in distinct.tolist()], which.reshape(-1)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        arr = token_arrays(doc)
        idx, is_space, orths = arr.idx, arr.is_space, arr.orth
        # the next non-space token at or after each position (n when none)
        solid = numpy.flatnonzero(~is_space)
        nxt_solid = numpy.append(solid, n)[numpy.searchsorted(solid, numpy.arange(n + 1))]
        ender = orths == self.enders[0]
        for orth in self.enders[1:]:  # a few comparisons over the array cost less than numpy.isin's sort
            ender |= orths == orth
        cands = numpy.flatnonzero(ender)
        nexts = nxt_solid[cands + 1]
        keep = nexts < n
        cands, nexts = cands[keep], nexts[keep]
        semicolon = orths[cands] == self.semicolon
        # the word before each candidate, in lower case (spaCy's LOWER), read once per distinct word
        before = self._per_string(orths[numpy.maximum(cands - 1, 0)], str.lower)
        after_no_break = numpy.array([w in NO_BREAK_AFTER for w in before[0]], dtype=bool)[before[1]] & (cands > 0)
        # a sentence opens on a capital, a figure, a quote or a bullet; after "no."/"para." not on a
        # figure. Decided once per distinct next token, not per candidate.
        first_chars = self._per_string(orths[nexts], lambda text: text[0])
        opens = numpy.array([c.isupper() or c.isdigit() or c in "\"'(“‘[•·" for c in first_chars[0]], dtype=bool)[first_chars[1]]
        digit = numpy.array([c.isdigit() for c in first_chars[0]], dtype=bool)[first_chars[1]]
        after_title = numpy.array([w in TITLE_ABBREVIATIONS for w in before[0]], dtype=bool)[before[1]] & (cands > 0) & (nexts == cands + 1)
        kept = nexts[semicolon | (opens & ~(after_no_break & digit) & ~after_title)]
        # a newline always ends a block; spaCy keeps newlines in whitespace tokens
        spaces = numpy.flatnonzero(is_space)
        texts, which = self._per_string(orths[spaces], lambda text: text)
        newline = numpy.array(["\n" in text for text in texts], dtype=bool)[which]
        breaks = nxt_solid[spaces[newline] + 1]
        starts = numpy.unique(numpy.concatenate(([0], kept, breaks[breaks < n])))
        # set all sentence starts in one array write (Token.is_sent_start is O(len(doc)) per call)
        flags = numpy.full(n, -1, dtype="int32")
        flags[starts] = 1
        doc.from_array([SENT_START], flags.reshape(n, 1).astype("uint64"))
        # character offsets of the statement units, for consumers that avoid doc.sents
        last_end = int(idx[n - 1]) + len(doc[n - 1].text)
        offsets = idx[starts].tolist() + [last_end]
        doc.user_data["mm_units"] = list(pairwise(offsets))
        return doc


def _role_phrases(phrase: str) -> tuple[list[str], list[str]]:
    """'The Panel' -> (["the panel"], ["Panel"]): any case after an article, as written without.
    'Members' -> (["members"], [])."""
    words = phrase.split()
    if words and words[0].lower() == "the" and len(words) > 1:
        return [" ".join(w.lower() for w in words)], [" ".join(words[1:])]
    return [" ".join(w.lower() for w in words)], []


class MentionMatcher:
    """People (titled / untitled names) and role speakers, from people.json.

    Speed matters here (the Matcher's cost grows with the number of patterns), so honorifics,
    role heads, fixed role phrases and role acronyms are found with PhraseMatchers and the
    names / job titles around an honorific or a role head are read off the neighbouring tokens;
    untitled names ("Jane Smith") use a three-pattern Matcher."""

    def __init__(self, nlp, name: str = "mm_mentions"):
        import re as _re

        self.name = name
        data = rules.people()
        self.stop = set(data["name_stopwords"])
        self.name_rx = _re.compile(NAME_RE)
        self.caps_surname_rx = _re.compile(CAPS_SURNAME_RE)
        # capitals that are an acronym, not a surname: "Cllr Ito NHS ..." does not make "NHS" her name
        self.acronyms = {w for w in data["external_markers"] + list(data["acronym_roles"]) if w.isupper()}
        self.tail_rx = _re.compile(r"^(?:[A-Z0-9][\w'’-]*|'s|’s|-|of|the|for|in)$")
        self.honours = set(data["honours"])
        # words after "and" that start a new person, not the rest of a title
        self.not_title_words = set(data["honorifics"]) | set(data["first_names"]["f"]) | set(data["first_names"]["m"]) | {"The"}
        self.initial_shapes = {"X", "X.", "X.X.", "X.X.X."}
        self.phrases = phrases = shared_phrases(nlp)
        self.honorifics = phrases.group("honorifics")
        phrases.add("ORTH", self.honorifics, "HON", phrase_docs(nlp, list(data["honorifics"])))
        # untitled names ("Jane Smith", "Mary O'Brien-Jones"): a regex over the text finds
        # capitalised word pairs/triples at C speed; stop words are checked per candidate
        self.untitled_rx = _re.compile(
            # "[A-Z](?<![\w'’.-][A-Z])": a capital not preceded by a word character, written so that
            # the regex engine can skip ahead to capitals (a leading lookbehind is tried everywhere)
            r"[A-Z](?<![\w'’.-][A-Z])[a-zß-öø-ÿŵŷ'’]+(?:-[A-Z][a-zß-öø-ÿŵŷ'’]+)?"
            r"(?:[ ]+(?:[A-Z]\.?[ ]+)?(?:Mc|Mac|O['’]|D['’]|Fitz)?[A-ZÀ-ÖØ-ÞŴŶ][a-zß-öø-ÿŵŷ'’]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-zß-öø-ÿŵŷ'’]+)?){0,1}"
            # the surname last, in capitals in some councils' minutes ("Craig DUNSTABLE")
            r"(?:[ ]+(?:[A-Z]\.?[ ]+)?(?:(?:Mc|Mac|O['’]|D['’]|Fitz)?[A-ZÀ-ÖØ-ÞŴŶ][a-zß-öø-ÿŵŷ'’]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-zß-öø-ÿŵŷ'’]+)?"
            r"|(?:Mc|Mac|O['’]|D['’])?[A-ZÀ-ÖØ-ÞŴŶ]{3,}(?:-[A-ZÀ-ÖØ-ÞŴŶ]{2,})?))(?![\w'’])"
        )
        # fixed roles: PhraseMatchers (lower-case after an article; as written without one)
        self.roles_lower = phrases.group("roles_lower")
        self.roles_orth = phrases.group("roles_orth")
        for role in data["roles"]:
            label = f"ROLE|{role['key']}|{role['kind']}"
            lower, orth = [], []
            for p in role["phrases"]:
                lo, ot = _role_phrases(p)
                lower += lo
                orth += ot
            phrases.add("LOWER", self.roles_lower, label, phrase_docs(nlp, lower))
            if orth:
                phrases.add("ORTH", self.roles_orth, label, phrase_docs(nlp, orth))
        phrases.add("ORTH", self.roles_orth, "ROLE_ACRO", phrase_docs(nlp, list(data["acronym_roles"])))
        # open-ended job titles, anchored on their head word: [the] [modifiers] Head [(of|for) Tail]
        self.head_words = {h.split()[-1] for h in data["role_heads"]}
        self.mod_words = {m.lower() for m in data["role_modifiers"]} | {w.lower() for h in data["role_heads"] for w in h.split()[:-1]}
        self.representatives = phrases.group("representatives")
        phrases.add("LOWER", self.representatives, "REP", phrase_docs(nlp, list(REPRESENTATIVE_NOUNS)))
        self.heads = phrases.group("heads")
        # words that open another role after "and the": "the Director of Housing and the Cabinet Member"
        self.role_words = ({h.lower() for h in self.head_words} | self.mod_words
                           | {w.lower() for r in data["roles"] for p in r["phrases"] for w in p.split()[:2] if w.lower() != "the"})
        phrases.add("LOWER", self.heads, "HEAD", phrase_docs(nlp, [h.lower() for h in self.head_words]))

    def _titled(self, doc: Doc, s: int, e: int) -> tuple[int, int, str] | None:
        n = len(doc)
        i = e
        while i < n and i - e < 4 and doc[i].shape_ in self.initial_shapes:
            i += 1
        j = i
        while j < n and j - i < 3 and self.name_rx.match(doc[j].text) and (j == i or doc[j].text not in self.stop):
            j += 1
        if j < n and j - i < 3 and self._caps_surname(doc[j].text):
            j += 1  # "Councillor OYELARAN", "Councillor Derek HALLIWELL": the surname in capitals ends the name
        if (j < n - 1 and j > i and doc[j].text == "-" and (self.name_rx.match(doc[j + 1].text) or self._caps_surname(doc[j + 1].text))
                and not doc[j - 1].whitespace_ and not doc[j].whitespace_):
            j += 2  # "Pritchard-Lowe", "MENSAH-BONSU", not "Cllr Ito - What is ...?"
        if j == i:
            if s > 0 and doc[s - 1].lower_ == "the" and e - s >= 2:
                return s - 1, e, "ROLE_OPEN"  # "the Chief Constable": a rank used as a role
            return None
        if j < n and doc[j].text in self.honours:
            j += 1
        return s, j, "NAME_T"

    def _caps_surname(self, word: str) -> bool:
        return bool(self.caps_surname_rx.match(word)) and word not in self.honours and word not in self.acronyms

    def _open_role(self, doc: Doc, h: int) -> tuple[int, int, str] | None:
        n = len(doc)
        k = h
        while k > 0 and h - k < 4 and doc[k - 1].lower_ in self.mod_words:
            k -= 1
        # after an article any capitalised words belong to the title: "the Chief Social Work Officer",
        # "the Community Safety Manager"
        k2 = k
        while k2 > 0 and h - k2 < 5 and (
                (doc[k2 - 1].is_alpha and doc[k2 - 1].text[:1].isupper() and doc[k2 - 1].lower_ != "the")
                or (doc[k2 - 1].lower_ in ("and", "&") and k2 > 1 and doc[k2 - 2].text[:1].isupper() and doc[k2 - 2].lower_ != "the")
                # a list of services in the title: "the Police, Fire and Crime Commissioner"
                or (doc[k2 - 1].text == "," and k2 > 1 and doc[k2 - 2].is_alpha and doc[k2 - 2].text[:1].isupper()
                    and doc[k2 - 2].lower_ != "the" and any(t.lower_ in ("and", "&") for t in doc[k2:h]))):
            k2 -= 1  # "the Audit and Risk Manager"
        if k2 < k and k2 > 0 and doc[k2 - 1].lower_ in ("the", "our"):
            k = k2
        if j_label := (h + 1 < n and doc[h + 1].text == ":"):
            # a role opening a line as its label: "Principal Educational Psychologist: Explained ..."
            k3 = k
            while k3 > 0 and h - k3 < 5 and doc[k3 - 1].is_alpha and doc[k3 - 1].text[:1].isupper():
                k3 -= 1
            if k3 == 0 or "\n" in doc[k3 - 1].text_with_ws:
                k = k3
        has_article = k > 0 and doc[k - 1].lower_ in ("the", "a", "an", "our")
        start = k - 1 if has_article else k
        owner = self._possessive_owner(doc, k) if not has_article else None
        if owner is not None:
            has_article, start = True, owner  # "the ICB's director", "the Trust's Medical Director"
        j = h + 1
        if j + 1 < n and doc[j].lower_ in ("of", "for", "in") and doc[j + 1].text[:1].isupper():  # "Consultant in Public Health"
            j += 2
            while j < n and j - h < 10 and (self.tail_rx.match(doc[j].text) or self._title_and(doc, j)):
                j += 1
            while j > h + 2 and doc[j - 1].lower_ in ("of", "the", "for", "in", "-", "'s", "’s"):
                j -= 1
        elif k == h and doc[h].lower_ in ("member", "members", "holder"):
            return None
        elif not has_article and not (k < h and k > 0 and doc[k - 1].text in (",", "(")) and not (
                j_label and (k == 0 or "\n" in doc[k - 1].text_with_ws)) and not (
                k > 0 and doc[k - 1].text == "(" and j < n and doc[j].text[:1] == ")"):  # "A (Director): In September."
            # without an article, a bare "Business Partner" is a role only in apposition or as a label
            # opening a line ("Finance Business Partner: Reported that ...")
            return None
        if not has_article and not doc[start].text[:1].isupper():
            return None
        return start, self._qualifier_end(doc, j), "ROLE_OPEN"

    def _qualifier_end(self, doc: Doc, j: int) -> int:
        """The end of a bracketed qualifier that belongs to the title: "The Head of Service (SEND Assessment and
        Review)", "The Service Director (Learning and Inclusion)"; not initials ("(DAS)") nor a name ("(Councillor Zed)")."""
        n = len(doc)
        if j >= n or doc[j].text != "(" or j + 1 >= n or doc[j + 1].text in self.not_title_words:
            return j
        k = j + 1
        while k < n and k - j <= 9 and doc[k].text != ")":
            word = doc[k].text
            if not (word[:1].isupper() or word in ("and", "of", "for", "&", "–", "-", "the", "in")) or any(c.isdigit() for c in word):
                return j
            k += 1
        if k >= n or doc[k].text != ")" or k == j + 1 or (k == j + 2 and sum(c.isupper() for c in doc[j + 1].text) >= 2):
            return j  # initials: "(DAS)", "(HoC)"
        return k + 1

    def _possessive_owner(self, doc: Doc, k: int) -> int | None:
        """Where "the ICB's" or "the Integrated Care Board's" starts, before a role starting at ``k``:
        an organisation written with capitals, then 's."""
        if k < 3 or doc[k - 1].text not in ("'s", "’s"):
            return None
        p = k - 2
        while p >= 0 and k - p < 8 and doc[p].lower_ != "the" and (
                doc[p].text[:1].isupper() or (doc[p].lower_ in ("and", "of", "&") and p > 0 and doc[p - 1].text[:1].isupper())):
            p -= 1
        if p < 0 or p == k - 2 or doc[p].lower_ != "the":
            return None
        return p

    def _title_and(self, doc: Doc, j: int) -> bool:
        """'and' inside a job title: "Cabinet Member for Children and Education", not "the
        Director and Councillor Patel"."""
        if doc[j].lower_ not in ("and", "&") or j + 1 >= len(doc):
            return False
        following = doc[j + 1].text
        if following == "the" and j + 2 < len(doc):
            # "Cabinet Member for Education and the Welsh Language", not "the Director of Housing and the Chair"
            after = doc[j + 2].text
            return after[:1].isupper() and after not in self.not_title_words and after.lower() not in self.role_words
        return following[:1].isupper() and following not in self.not_title_words

    def __call__(self, doc: Doc, spans: bool = True) -> Doc:
        # fixed roles first: the filter keeps the first of equally long spans
        hits = self.phrases.hits
        found = hits(doc, self.roles_lower) + hits(doc, self.roles_orth)
        stop = self.stop
        tok_starts = None
        text = doc_text(doc)
        for m in self.untitled_rx.finditer(text):
            words = m.group(0).split()
            start_char = m.start()
            while words and (words[0] in stop or words[0].split("-")[0] in stop):
                start_char += len(words[0]) + 1
                words = words[1:]
            if len(words) < 2 or any(w in stop for w in words[1:]) or words[-1] in self.head_words:
                continue  # "Rough Sleeping Coordinator" is a job title, not a name
            if words[-1].isupper() and (words[-1] in self.acronyms or not self._caps_surname(words[-1])):
                continue  # "Lymebourne ICB": an acronym, not a surname in capitals
            run = _TITLE_RUN.match(text, m.end()) if text.startswith((" and ", " & ", " of ", " for "), m.end()) else None
            if run and run.group().split()[-1] in self.head_words:
                continue  # "Fostering Recruitment and Assessment Manager": the start of a job title
            if tok_starts is None:
                tok_starts = token_arrays(doc).idx.tolist()
            ts = bisect_left(tok_starts, start_char)
            te = bisect_left(tok_starts, m.end())
            if ts < len(tok_starts) and tok_starts[ts] == start_char and te - ts >= 2:
                found.append((ts, te, "NAME_U"))
        for s, _e, _ in hits(doc, self.representatives):
            # the noun found by the shared PhraseMatcher; its determiner and organisation read off the text around it
            at = doc[max(0, s - 2)].idx if s >= 2 else doc[max(0, s - 1)].idx
            m = _REPRESENTATIVE.search(text, at, doc[s].idx + 80)
            if m is None or m.start("who") != doc[s].idx:
                continue
            if tok_starts is None:
                tok_starts = token_arrays(doc).idx.tolist()
            ts, te = bisect_left(tok_starts, m.start()), bisect_left(tok_starts, m.end())
            if ts < len(tok_starts) and tok_starts[ts] == m.start() and te > ts:
                found.append((ts, te, f"ROLE|{representative_key(m)}|external"))
        for s, e, _ in hits(doc, self.honorifics):
            sp = self._titled(doc, s, e)
            if sp is not None:
                found.append(sp)
        for s, _e, _ in hits(doc, self.heads):
            sp = self._open_role(doc, s)
            if sp is not None:
                found.append(sp)
        store_findings(doc, "mm_mentions", filter_token_spans(found), spans)
        return doc


#: people the minutes leave unnamed, known by what they represent: "A young person from the Children in Care
#: Council", "The second young person from the CiCC", "Two care leavers from the Care Leavers' Forum", "The young person"
REPRESENTATIVE_NOUNS = {"young person": "young person", "young people": "young person", "care leaver": "care leaver",
                        "care leavers": "care leaver", "foster carer": "foster carer", "foster carers": "foster carer",
                        "parent": "parent", "parents": "parent", "pupil": "pupil", "pupils": "pupil", "student": "student",
                        "students": "student", "tenant": "tenant", "tenants": "tenant"}
_REPRESENTATIVE = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he(?:\s+(?:first|second|third|other|same|two|three))?|[Tt]wo|[Tt]hree|[Bb]oth)\s+"
    r"(?P<who>young\s+(?:person|people)|care\s+leavers?|foster\s+carers?|parents?|pupils?|students?|tenants?)"
    r"(?:\s+(?:from|of|representing)\s+(?P<org>(?:the\s+)?[A-Z][\w'’]*(?:\s+(?:(?:of|and|in|for|the|&)\s+)*[A-Z][\w'’]*)*))?"
    r"(?![\w'’-])")


def representative_key(m: re.Match) -> str:
    """"young person from the children in care council" (singular, the organisation as written), or the noun alone."""
    who = REPRESENTATIVE_NOUNS[" ".join(m.group("who").lower().split())]
    return f"{who} from {m.group('org').lower()}" if m.group("org") else who


class CueMatcher:
    """Act cues (reporting verbs, question/answer/concern/... markers) from acts.json.

    Literal patterns (alternatives and optional tokens are expanded) go to PhraseMatchers; only
    patterns with ``<ANY>`` need the Matcher (``AnchoredPatterns``)."""

    def __init__(self, nlp, name: str = "mm_cues"):
        self.name = name
        self.phrases = phrases = shared_phrases(nlp)
        self.lower = phrases.group("cues_lower")
        self.orth = phrases.group("cues_orth")
        self.patterns = AnchoredPatterns(nlp)
        for act, patterns in rules.acts().items():
            lower, orth = [], []
            for p in patterns:
                exp = rules.expand_literal(p)
                if exp is None:
                    self.patterns.add(act, p)
                    continue
                seqs, sensitive = exp
                (orth if sensitive else lower).extend(" ".join(s) for s in seqs)
            if lower:
                phrases.add("LOWER", self.lower, act, phrase_docs(nlp, lower))
            if orth:
                phrases.add("ORTH", self.orth, act, phrase_docs(nlp, orth))

    def __call__(self, doc: Doc, spans: bool = True) -> Doc:
        found = self.phrases.hits(doc, self.lower) + self.phrases.hits(doc, self.orth)
        found += self.patterns(doc)
        store_findings(doc, "mm_cues", found, spans)
        return doc


class ConcernMatcher:
    """Concern taxonomy (concerns.json + user files) via PhraseMatcher (terms, acronyms) and Matcher."""

    def __init__(self, nlp, name: str = "mm_concerns", extra_files: list[str] | tuple[str, ...] = ()):
        self.name = name
        self.taxonomy = rules.load_concerns(extra_files)
        self.phrases = phrases = shared_phrases(nlp)
        self.terms = phrases.group("concern_terms")
        self.acronyms = phrases.group("concern_acronyms")
        self.patterns = AnchoredPatterns(nlp)
        self.exclusions = phrases.group("concern_exclusions")
        make = nlp.make_doc
        for label, spec in self.taxonomy.items():
            terms: list[str] = []
            for term in spec.get("terms", []):
                terms.append(term)
                if not term.endswith("s"):
                    terms.append(term + "s")
            if terms:
                phrases.add("LOWER", self.terms, label, [make(t) for t in dict.fromkeys(terms)])
            acr: list[str] = []
            for a in spec.get("acronyms", []):
                acr.extend([a, a + "s"])
            if acr:
                phrases.add("ORTH", self.acronyms, label, [make(a) for a in dict.fromkeys(acr)])
            for p in spec.get("patterns", []):
                self.patterns.add(label, p)
            # names that contain a term without being about it ("Children in Care Council"), as written
            exclude = list(spec.get("exclude", []))
            if exclude:
                phrases.add("ORTH", self.exclusions, label, [make(x) for x in dict.fromkeys(exclude + [x + "s" for x in exclude])])

    def __call__(self, doc: Doc, spans: bool = True) -> Doc:
        hits = self.phrases.hits
        found = hits(doc, self.terms) + hits(doc, self.acronyms)
        found += self.patterns(doc)
        excluded = hits(doc, self.exclusions) if found else None
        if excluded:  # most docs hold no excluded name: spare a test of every hit
            found = [f for f in found if not any(s <= f[0] and f[1] <= e and lab == f[2] for s, e, lab in excluded)]
        store_findings(doc, "mm_concerns", found, spans)
        return doc
