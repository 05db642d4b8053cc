"""Minutes discourse: blocks -> statements with speaker, act, question->answer pairs, sections, concerns.

The spaCy pipeline (``load_pipeline``) finds the pieces -- statement units, people and role
mentions, act cues, concern terms -- and this module puts them together with the document's
structure (headings, numbered / lettered / bulleted lead-ins) and discourse state (last
speaker, open questions).

Decisions worth knowing:

* A speaker is only ever a mention followed by a reporting verb or act cue (possibly through an
  apposition "Jane Smith, Head of Early Help, presented", a parenthesis "Mrs Chandler (Cabinet
  Member) introduced", a coordination "Mr Jones and Mrs Khan both raised" or a label "Cllr Lee:
  asked"), a pronoun / first name / surname resolved to someone seen earlier, or inherited from
  a lead-in ("She highlighted a few key areas:" + lettered points). Nothing else: no speaker is
  invented.
* A role that the document ties to exactly one named person ("the Chair" with "X (Chair)" in
  the attendance; "the Director of Children's Services" with "Dr Y (Director of Children's
  Services)") resolves to that person, so one person gets one speaker_key.
* Several people as one subject give speaker "Mr Jones and Mrs Khan", key "jones and khan",
  kind "group".
* Acts by priority: resolution > request > question > commitment > concern > answer (explicit
  response cue, or the statement follows an open question by someone else) > welcome >
  statement. ``answers`` is set on answers and on commitments that respond to a question.
"""
from __future__ import annotations

import gc
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from minutes_miner.models import (
    AnalysedDocument,
    AnalysedItem,
    AnalysedStatement,
    AttendeeMention,
    MinutesText,
    Person,
)

from . import rules
from .attendance import parse_attendance, title_kind
from .people import Entry, People, is_initials_of, split_initials, title_initials
from .textnorm import Block, classify, normalise, repair

# --------------------------------------------------------------------------- regexes
_ADVERBS = r"(?:also|further|then|both|all|each|jointly|subsequently|additionally|again|briefly|duly|kindly|later|had|has|have|was|were|would|had\s+also|then|however|therefore|in\s+turn|in\s+response|in\s+addition|formally|verbally|separately|specifically|similarly|personally|strongly|firmly|clearly|further\s+to\s+this)"
_APPOS = (
    r"(?:\s*\([A-Z]{2,4}\))?"  # initials the minutes give the person: "Grace Oyelaran (GO), Chief Executive, ..."
    r"(?:\s*\((?P<p>[^()]{1,160}(?:\([^()]{0,60}\)[^()]{0,80})?)\)"
    # a party tag then a job title: "Cllr Kwabena Frimpong (Lab), Cabinet Member for Finance, introduced"
    r"(?:\s*,\s*(?P<c2>[A-Z][^;:.!?()]{0,120}?)\s*,(?=\s))?"
    r"|\s*,\s*(?P<c>(?:[A-Z0-9]|the\s|(?:for|from|of|at|in)\s+the\s|an?\s+[a-z]+\s+(?:of|for|from|at)\s|who\s|which\s|on\s+behalf\s|speaking\s|as\s|[a-z]+\s+(?:of|for|from)\s)[^;:.!?]{0,170}?)\s*,?"
    r"|\s+[-]\s+(?P<d>[A-Z][^;:.!?]{0,110}?)\s*[-,]?)?"
)


def _appos_title(m: re.Match) -> str | None:
    """The job title an apposition gives, the one after a party tag first."""
    return m.group("c2") or m.group("p") or m.group("c") or m.group("d")


_LAST_GAP = re.compile(_APPOS + r"\s*,?(?:\s*,?\s+" + _ADVERBS + r"\b,?)*\s*:?\s*")
_CONNECT = re.compile(_APPOS + r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+|,?\s+together\s+with\s+|,?\s+along\s+with\s+)")
_ROLE_APPOS_GAP = re.compile(r"\s*(?:,|\(|-)\s*(?:the\s+|our\s+)?")
_APPOS_OPEN = re.compile(r"\s*[,(-]")
_PREP_BEFORE = re.compile(
    r"(?:\b(?:from|by|to|with|for|of|on|about|towards|thanked|thank|thanking|congratulated|invited|asked|told|advised|informed|"
    r"reminded|than|between|including|via|at|into|whom|like|behalf|welcomed|praised|met|joined|visited|supporting|support|and\s+the|presentation\s+by)"
    r"|['’]s)\s*$",
    re.IGNORECASE,
)
_QUESTIONER_BEFORE = re.compile(
    r"(?:question|questions|query|queries|point|points|comment|comments|concern|concerns|supplementary)\s+"
    r"(?:(?:raised|asked|put|made|posed)\s+)?(?:from|by)\s+$",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(
    r"(?:^|[\s,;:(\"'])(?P<w>[A-Z][\w'’-]+|he|she|they)(?:\s+" + _ADVERBS + r")*\s*$"
)
_PRONOUNS = {"he": "m", "she": "f", "they": None, "He": "m", "She": "f", "They": None}
# "\bw" written as "w(?<!\w\w)" so that the regex engine can skip ahead to the w's (searched in every block)
_ATTEND_FOR_ITEM = re.compile(r"w(?<!\w\w)(?:ere|as) (?:in attendance|present) (?:for|during) (?:this|the) item\b", re.IGNORECASE)
_ACTION_LABEL = re.compile(r"(?:actions?(?:\s+(?:by|owner|lead))?|owner)\s*:\s*[A-Z][^.;:]{0,50}\.?\s*$", re.IGNORECASE)
_REQUESTED_PARTICIPLE = re.compile(r"(?<=requested)\s+(?:at|by|in|during|earlier|previously|last|under|from|when|following)\b", re.IGNORECASE)
_CAPITALISED_RUN = re.compile(r"(?:\s+(?:(?:of|and|&|the|for)\s+)*[A-Z][\w'’&-]*)*")
_NOT_SUBJECTS = {"It", "This", "That", "There", "These", "Those", "Which", "What"}
_ADDED = re.compile(r"(?:also\s+|further\s+)?added\b", re.IGNORECASE)
_MOVED_BY = re.compile(r"\b(?:moved|proposed)\s+by\s+$", re.IGNORECASE)
_RESP_START = re.compile(r"^\s*(?:in response|responding|in reply|replying|in answer|answering)\b", re.IGNORECASE)

_SPACE_RUN = re.compile(r"\s+")
_INITIALS_AFTER = re.compile(r"\s*\(([A-Z]{2,4})\)")

CHUNK_CHARS = 200_000
BLOCK_JOIN = "\n\n"


def _compile_lead_ins() -> list[tuple[str, re.Pattern]]:
    """One alternation per kind (a search for any of its patterns), in the data file's order."""
    return [(k, re.compile("|".join(f"(?:{p})" for p in v), re.IGNORECASE)) for k, v in rules.lead_ins().items() if v]


_LEAD_INS: list[tuple[str, re.Pattern]] | None = None


def lead_in_kind(text: str) -> str | None:
    global _LEAD_INS
    if _LEAD_INS is None:
        _LEAD_INS = _compile_lead_ins()
    t = normalise(text).strip()
    for kind, rx in _LEAD_INS:
        if rx.search(t):
            return kind
    return None


# --------------------------------------------------------------------------- data holders
@dataclass(slots=True)
class Mention:
    start: int
    end: int
    label: str
    text: str

    @property
    def named(self) -> bool:
        return self.label.startswith("NAME")


@dataclass(slots=True)
class Subject:
    """A unit's grammatical subject as found in the text (unresolved)."""

    kind: str  # chain | pronoun | word
    parts: list[tuple[Mention, str | None]] = field(default_factory=list)  # mention, apposition title
    word: str | None = None
    cue_start: int = 0
    cue_act: str = "statement"


@dataclass(slots=True)
class Unit:
    start: int
    end: int
    subject: Subject | None
    acts: set[str]
    response: bool
    passive: bool
    impersonal: bool
    questioners: list[Mention]
    concerns: set[str]
    headless: bool = False  # note form, the subject left out: "Sought clarification on ...", "Undertook to ..."


@dataclass(slots=True)
class BlockData:
    block: Block
    norm: str = ""
    units: list[Unit] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    has_cue: bool = False
    turn: int | None = None  # index into ItemText.turns when the item has them


@dataclass(slots=True)
class Spk:
    entry: Entry | None = None
    display: str | None = None
    key: str | None = None
    kind: str = "unknown"
    parts: tuple[Spk, ...] = ()

    @property
    def ident(self) -> str:
        if self.entry is not None:
            return "e:" + str(id(self.entry))
        return "r:" + (self.key or "")

    @property
    def gender(self) -> str | None:
        return self.entry.gender if self.entry is not None else None


@dataclass(slots=True)
class Stmt:
    blk: BlockData
    start: int
    end: int
    speaker: Spk | None
    act: str
    section: str | None
    concerns: set[str]
    answers: int | None = None
    answered: bool = False
    index: int = 0


@dataclass(slots=True)
class LeadIn:
    rank: int
    marker: str | None
    label: str | None
    kind: str  # speaker | response | discussion
    speaker: Spk | None = None
    act: str | None = None


_PURE_LEAD_IN = re.compile(
    r"^(?:he|she|they|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|the\s+[\w'’ -]{1,50}?)(?:\s+(?:also|then|further|briefly|went on to))?\s+"
    r"(?:highlighted|outlined|noted|made|raised|set out|reported|summarised|listed|identified|covered|described|explained|"
    r"drew attention to|shared|presented|gave|provided|mentioned|stated|said)"
    r"(?:\s+(?:the following|a few|a number of|several|some|two|three|four|five))?(?:\s+(?:key|main|headline))?"
    r"(?:\s+(?:areas|points|issues|matters|updates|highlights|changes|risks|messages|figures|themes))?"
    r"(?:\s+(?:for|to)\s+(?:the\s+)?(?:committee|panel|board|members))?(?:,?\s+(?:as follows|that|including))?\s*:$",
    re.IGNORECASE,
)

#: who speaks a RESOLVED / AGREED decision (gold convention)
COMMITTEE = Spk(display="the Committee", key="committee", kind="group")
#: role keys of the bodies whose decisions are the Committee's
DECIDING_BODIES = {"committee", "panel", "board", "cabinet", "authority", "sub-committee", "commission"}

# A decision written as a point in the infinitive under a "Decision" sub-heading (Scottish
# councils: "Decision" / "1) To agree to close actions 1, 3 and 5.") is a resolution, as the
# points of a "RESOLVED:" lead-in are.
_DECISION_HEADING = re.compile(r"^(?:decisions?|resolved|resolutions?|agreed|decision of the (?:committee|panel|board|authority))\s*:?$",
                               re.IGNORECASE)
_DECISION_POINT = re.compile(r"^(?:[Tt]o|[Tt]hat)\s+(?:(?:otherwise|also|further|formally)\s+)?[a-z]+\b")
_BARE_DECISION = re.compile(r"^(?:it\s+was\s+)?(?:RESOLVED|AGREED|DECISION|DECIDED|Resolved|Agreed|Decided)\s*(?:[:\-–]\s*)?(?:[Tt]hat|[Tt]o)?\s*[:\-–]?$")
_QA_FROM = re.compile(r"^(?:question(?:er)?\s+(?:from|by)|asked\s+by|submitted\s+by|questioner)\s*:\s*(?P<who>[A-Z].{1,80})$",
                      re.IGNORECASE)
_QA_LABEL = re.compile(r"^(?:(?P<q>(?:supplementary\s+)?(?:question|Q))|(?P<a>response|answer|reply|A))\s*\d*\s*:\s*\S", re.IGNORECASE)
_PARTY_TAGS = re.compile(r"\s*\([^()]{1,40}\)")
_HONORIFIC_NAME = re.compile(r"^(?:Councillor|Cllr\.?|County Councillor|Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Bailie|Alderman)\s+[A-Z]")
_ANSWERED_BY = re.compile(r"\b(?:answered|responded\s+to|replied\s+to)\s+by\s+", re.IGNORECASE)
_MOVER_LINE = re.compile(r"^(?:[-–—]\s*)?(?:moved|proposed)\s+by\b", re.IGNORECASE)
_TERMINAL_INSIDE = re.compile(r"[.;!?]\s+\S")
DECISION_POINT = LeadIn(rank=-1, marker=None, label=None, kind="decision", act="resolution")

# --------------------------------------------------------------------------- unit parsing
_INTRO = re.compile(r"^\s*(?:[A-Z][a-z]+(?:\s+[a-z]+){0,2},\s*|In response,\s*|In reply,\s*)?$")


def _parse_unit(text: str, us: int, ue: int, mentions: list[Mention], cues: list[tuple[int, int, str]], cue_starts: list[int],
                known=None, mention_starts: list[int] | None = None) -> Unit:
    """The unit ``text[us:ue]`` of a block: its subject, acts and questioners. ``mentions`` and
    ``cues`` are the block's, in order of their starts (``mention_starts``, ``cue_starts``)."""
    if mention_starts is None:
        mention_starts = [m.start for m in mentions]
    ments = mentions[bisect_left(mention_starts, us):bisect_left(mention_starts, ue)]
    ucues = cues[bisect_left(cue_starts, us):bisect_left(cue_starts, ue)]
    if not ucues:
        # no cue: no subject and no act; only a response opening and the questioners named
        questioners = [m for m in ments if _QUESTIONER_BEFORE.search(text[max(us, m.start - 40):m.start])] if ments else []
        return Unit(us, ue, None, set(), bool(_RESP_START.match(text[us:ue])), False, False, questioners, set())
    acts = set()
    passive = impersonal = response = False
    for s, e, act in ucues:
        if act == "passive":
            passive = True
        elif act == "impersonal":
            impersonal = True
        elif act == "answer":
            response = True
    questioners = [m for m in ments if _QUESTIONER_BEFORE.search(text[max(us, m.start - 40):m.start])]
    # subject: chain of mentions followed by a cue
    best: Subject | None = None
    i = 0
    consumed: set[int] = set()
    while i < len(ments):
        m = ments[i]
        if i in consumed or _PREP_BEFORE.search(text[max(us, m.start - 30):m.start]):
            i += 1
            continue
        if m.label == "NAME_U" and not (known and known(m)) and not _INTRO.match(text[us:m.start]):
            i += 1  # an unknown capitalised pair in mid-sentence is not taken for a person
            continue
        parts: list[list] = [[m, None]]
        pos = m.end
        j = i + 1
        ok = False
        cue = None
        while True:
            k = bisect_left(cue_starts, pos)
            nc = cues[k] if k < len(cues) and cues[k][0] < ue else None
            limit = nc[0] if nc else ue
            nm = ments[j] if j < len(ments) else None
            if nm is not None and nm.start < limit:
                gap = text[pos:nm.start]
                if nm.named and not parts[-1][0].named and gap.strip() in (",", "(", "-") and len(parts) == 1:
                    # a name in apposition to a role: "The Corporate Director, Sarah Whitlock, confirmed"
                    role = re.sub(r"^(?:the|our)\s+", "", parts[-1][0].text, flags=re.IGNORECASE)
                    parts[-1] = [nm, role]
                    pos = nm.end
                    j += 1
                    continue
                if not nm.named and parts[-1][0].named and (_APPOS_OPEN.match(gap) or _ROLE_APPOS_GAP.fullmatch(gap)):
                    # a role inside an apposition: "Jane Smith, Head of Early Help, presented"
                    parts[-1][1] = parts[-1][1] or nm.text
                    j += 1
                    continue
                if (nm.label == "NAME_U" and parts[-1][0].named and gap.strip() in (",", "(") and not (known and known(nm))
                        and title_kind(nm.text) == "external"):
                    # an organisation in apposition, not a second person: "Mr Colin Tait, Healthwatch Harrowfield, said",
                    # its name running on past the mention ("Western Counties Ambulance Service")
                    parts[-1][1] = parts[-1][1] or nm.text
                    pos = nm.end + _CAPITALISED_RUN.match(text, nm.end).end() - nm.end
                    j += 1
                    continue
                mc = _CONNECT.fullmatch(gap)
                if mc and nm.label == "NAME_U" and not (known and known(nm)) and (
                        not parts[-1][0].named or _appos_title(mc)):
                    mc = None  # "..., Chief Medical Officer of the Fennick and Marston Hospitals NHS Trust": not a person
                if mc:
                    parts[-1][1] = _appos_title(mc) or parts[-1][1]
                    parts.append([nm, None])
                    pos = nm.end
                    j += 1
                    continue
                if not (nc is not None and nc[0] - pos <= 180 and _LAST_GAP.fullmatch(text[pos:nc[0]])):
                    break
                # else the mention lies inside an apposition that runs up to the cue ("Dr Amadi, Chief
                # Medical Officer of the Fennick and Marston Hospitals NHS Foundation Trust, presented")
            if nc is not None and nc[0] - pos <= 180:
                mg = _LAST_GAP.fullmatch(text[pos:nc[0]])
                if mg:
                    parts[-1][1] = _appos_title(mg) or parts[-1][1]
                    ok = True
                    cue = nc
            break
        if ok and cue is not None:
            last_title = parts[-1][1]
            if len(parts) > 1 and last_title and last_title.split()[0].lower().endswith("s"):
                # "Jamal Henry and Ellie Moss, members of the Children in Care Council, presented"
                for p in parts[:-1]:
                    p[1] = p[1] or last_title
            if best is None or cue[0] < best.cue_start:
                best = Subject("chain", [(p[0], p[1]) for p in parts], cue_start=cue[0], cue_act=cue[2])
            consumed.update(range(i, j))
        i += 1
    # pronoun / single-word subject before a cue
    for s, e, act in ucues:
        if best is not None and s >= best.cue_start:
            break
        if act in ("impersonal", "resolution"):
            continue
        mw = _WORD_BEFORE.search(text[max(us, s - 60):s])
        if mw:
            w = mw.group("w")
            if any(m.start <= s - (len(text[max(us, s - 60):s]) - mw.start("w")) < m.end for m in ments):
                continue
            if w in _NOT_SUBJECTS:
                best = None  # "It was explained that ... the Director considered": no speaker named
                break
            best = Subject("pronoun" if w in _PRONOUNS else "word", word=w, cue_start=s, cue_act=act)
            break
    if best is None:
        # "It was moved by Councillor Ferris and seconded by Councillor Lomax that ...": the mover
        mover = next((m for m in ments if m.named and _MOVED_BY.search(text[max(us, m.start - 25):m.start])), None)
        if mover is not None:
            best = Subject("chain", [(mover, None)], cue_start=mover.start, cue_act="statement")
    subj_passive = best is not None and best.cue_act == "passive"
    if subj_passive:
        best = None
    # acts: strong cues; a response prefix hides question/concern words inside it
    resp_prefix_end = us
    if _RESP_START.match(text[us:ue]):
        resp_prefix_end = best.cue_start if best else (text.find(",", us, ue) if text.find(",", us, ue) >= 0 else us)
        response = True
    for s, e, act in ucues:
        if act in ("passive", "impersonal", "statement", "answer"):
            continue
        if act == "request" and _REQUESTED_PARTICIPLE.match(text, e):
            continue  # "the breakdown requested at the last meeting": a request reported, not made
        if act == "decision":
            acts.add("resolution")  # "The minutes ... were confirmed as a correct record", "The Board NOTED ..."
            continue
        if act in ("question", "concern", "request") and s < resp_prefix_end:
            continue
        if act == "resolution" and s - us > 40 and not (best and best.cue_start == s):
            continue
        if act == "question" and s > us and text[max(us, s - 9):s].lower().rstrip().endswith(("was", "were", "been")) and not any(
            a == "question" and s2 != s for s2, _, a in ucues
        ):
            # "... was questioned" / "was asked": a question with no named asker
            acts.add("question")
            continue
        acts.add(act)
    headless = best is None and ucues[0][0] == us and text[us:us + 1].isupper() and ucues[0][2] not in ("answer", "impersonal")
    return Unit(us, ue, best, acts, response, passive or subj_passive, impersonal, questioners, set(), headless)


# --------------------------------------------------------------------------- analysis
class _Analyser:
    def __init__(self, people: People):
        self.people = people
        data = rules.people()
        self.single_role_keys = {r["key"] for r in data["roles"] if r.get("single")} | {"chair", "vice-chair"}
        self.acronyms = data["acronym_roles"]
        self.role_aliases: dict[str, Mention] = {}  # "HHO" -> the mention "the Head of Housing Options"
        self._cache: dict = {}

    # -- resolution of mentions ---------------------------------------------
    def mention_spk(self, m: Mention, title: str | None, register: bool = False) -> Spk | None:
        key = (m.label, m.text, title, len(self.people.entries))
        hit = self._cache.get(key, False)
        if hit is False:
            hit = self._cache[key] = self._mention_spk(m, title)
        return hit

    def _mention_spk(self, m: Mention, title: str | None) -> Spk | None:
        if m.named:
            entry = self.people.lookup(m.text)
            if entry is None:
                entry = self.people.add(m.text, title=title)
            elif title:
                self.people.add(m.text, title=title)
            return Spk(entry=entry) if entry else None
        label = m.label
        text = m.text.strip()
        bare = re.sub(r"^(?:the|a|an|our)\s+", "", text, flags=re.IGNORECASE)
        if label == "ROLE_ACRO":
            acro = bare
            full = self.acronyms.get(acro, acro)
            entry = self.people.by_title(full) or self.people.by_acronym(acro)
            if entry:
                return Spk(entry=entry)
            return Spk(display=f"the {full}", key=normalise(full).lower(), kind="officer")
        if label.startswith("ROLE|"):
            _, key, kind = label.split("|")
        else:
            key = normalise(bare).lower()
            kind = title_kind(bare) or "officer"
        if label.startswith("ROLE_OPEN") or key in self.single_role_keys:
            entry = self.people.by_title(bare)
            if entry:
                return Spk(entry=entry)
        display = text
        if display[:4] in ("The ", "the "):
            display = "the " + display[4:]
        return Spk(display=display, key=key, kind=kind)

    def subject_spk(self, subj: Subject, state: _ItemState) -> Spk | None:
        if subj.kind == "chain":
            spks = [self.mention_spk(m, t) for m, t in subj.parts]
            spks = [s for s in spks if s is not None]
            if not spks:
                return None
            if spks[0].entry is None and not subj.parts[0][0].named:
                spks[0] = self._holder_in_item(subj.parts[0][0], state) or spks[0]
            # a joint statement ("Mr Jones and Mrs Khan both raised") is spoken by the first
            # named; the others are co-speakers (gold convention)
            return spks[0]
        if subj.kind == "pronoun":
            return state.pronoun(_PRONOUNS[subj.word])
        entry = self.people.by_single_word(subj.word)
        if entry is None and subj.word in self.role_aliases:
            return self.mention_spk(self.role_aliases[subj.word], None)  # "the Head of Housing Options (HHO)" ... "The HHO"
        return Spk(entry=entry) if entry else None

    def _holder_in_item(self, m: Mention, state: _ItemState) -> Spk | None:
        """A role several people hold ("the Cabinet Member", "the Director") is the holder who has
        already spoken in this item."""
        if m.label.startswith("ROLE|") and m.label.split("|")[1] not in self.single_role_keys:
            return None  # "the Board", "Members": a body, not one of several people
        bare = re.sub(r"^(?:the|our)\s+", "", m.text.strip(), flags=re.IGNORECASE)
        if m.label == "ROLE_ACRO":
            bare = self.acronyms.get(bare, bare)
        holders = self.people.title_holders(bare)
        if m.label.startswith("ROLE|"):  # "the Leader" is the Leader of the Council, not of the Opposition
            holders = [h for h in holders if self.people.kind_of(h) == m.label.split("|")[2]]
        if len(holders) == 1:
            return Spk(entry=holders[0])  # the one holder of the role's kind ("the Leader" of the Council)
        if not holders:
            return None
        for s in reversed(state.history):
            if s.entry is not None and any(s.entry is h for h in holders):
                return Spk(entry=s.entry)
        return None

    def register(self, bd: BlockData) -> None:
        for m in bd.mentions:
            if m.label == "NAME_T":
                self.people.add(m.text)
            if m.label == "ROLE_OPEN":
                mi = _INITIALS_AFTER.match(bd.norm, m.end)
                if mi and title_initials(re.sub(r"^(?:the|our)\s+", "", m.text, flags=re.IGNORECASE)) == mi.group(1):
                    self.role_aliases.setdefault(mi.group(1), m)
            if m.named:
                mi = _INITIALS_AFTER.match(bd.norm, m.end)
                if mi and is_initials_of(mi.group(1), m.text):
                    entry = self.people.add(m.text)
                    if entry is not None:
                        self.people.alias(mi.group(1), entry)
        for u in bd.units:
            if u.subject and u.subject.kind == "chain":
                for m, title in u.subject.parts:
                    if m.named:
                        self.people.add(m.text, title=title)


class _ItemState:
    def __init__(self) -> None:
        self.history: list[Spk] = []
        self.questioner: Spk | None = None  # who asked the question just before, while a reply may follow

    def note(self, spk: Spk | None) -> None:
        if spk is not None:
            self.history.append(spk)

    def pronoun(self, gender: str | None) -> Spk | None:
        if not self.history:
            return None
        if gender is None:
            return self.history[-1]
        # a reply follows a question: "Councillor MacLeod asked whether ... She said that ..." is the
        # answerer when someone else fits
        skip = self.questioner
        last = self.history[-1]
        if last is not skip and not last.parts and last.entry is not None and last.gender is None and last.kind != "group":
            return last  # the subject just before, whose gender the document does not give
        for s in reversed(self.history):
            if s.parts or s is skip:
                continue
            if s.gender == gender:
                return s
        for s in reversed(self.history):
            if not s.parts and s is not skip and s.gender is None and s.kind not in ("group",):
                return s
        return skip if skip is not None and skip.gender in (gender, None) else self.history[-1]


def _rank(b: Block, parent: LeadIn | None, last_alpha: str | None) -> tuple[int, str | None]:
    marker = b.marker
    if marker == "roman" and b.label in ("i", "v", "x") and last_alpha and ord(b.label) == ord(last_alpha) + 1:
        marker = "alpha"
    if marker is None:
        return 0, None
    if marker == "num":
        return 1, marker
    if marker == "alpha":
        return 2, marker
    if marker == "roman":
        return 3, marker
    # bullets nest under whatever introduced them unless the lead-in is a bullet of the same kind
    if parent is None:
        return 1, marker
    if parent.marker == "bullet" and parent.label == b.label:
        return parent.rank, marker
    return parent.rank + 1, marker


def analyse_minutes(minutes: MinutesText, roster=(), nlp=None, concerns_file=None, concern_model="shipped") -> AnalysedDocument:
    """``concern_model``: "shipped" (the model in models/, if any), None (taxonomy rules only) or a
    ``learned.ConcernModel``."""
    # analysing allocates hundreds of thousands of small acyclic objects; the cyclic collector's
    # repeated passes over them cost a quarter of the run, and they are freed by refcount anyway
    paused = gc.isenabled()
    gc.disable()
    try:
        return _analyse_minutes(minutes, roster, nlp, concerns_file, concern_model)
    finally:
        if paused:
            gc.enable()


def _analyse_minutes(minutes: MinutesText, roster, nlp, concerns_file, concern_model) -> AnalysedDocument:
    if concern_model == "shipped":
        from .learned import shipped_model

        concern_model = shipped_model()
    from .pipeline import load_pipeline

    nlp = nlp or load_pipeline(concerns_file)
    people = People()
    for p in roster or ():
        if isinstance(p, Person):
            people.add(p.name, kind=None if p.kind == "unknown" else p.kind, title=p.title, rank="roster")
    for a in minutes.attendance:
        people.add(a.name, kind=None if a.kind == "unknown" else a.kind, title=a.title, rank="attendance_role" if a.kind in ("chair", "cabinet_member") else "list")

    # blocks
    items_blocks: list[list[BlockData]] = []
    to_parse: list[BlockData] = []
    for item in minutes.items:
        bds: list[BlockData] = []
        pieces = [(t, turn.text) for t, turn in enumerate(item.turns)] if item.turns else [(None, item.text)]
        for turn_index, text in pieces:
            for line in repair(text or "").split("\n"):
                b = classify(line)
                if b is None:
                    continue
                if turn_index is not None and b.kind == "heading":
                    b = Block(text=b.text, kind="para", raw=b.raw)  # a short turn ("No.") is still what was said
                bd = BlockData(block=b, turn=turn_index)
                if b.kind == "para":
                    bd.norm = normalise(b.text)
                    to_parse.append(bd)
                bds.append(bd)
        items_blocks.append(bds)

    first_names = set(rules.people()["first_names"]["f"]) | set(rules.people()["first_names"]["m"])

    def known(m: Mention) -> bool:
        first = m.text.split()[0]
        return first in first_names or people.lookup(m.text) is not None

    # spaCy over chunks of paragraph blocks joined by blank lines (one Doc per chunk keeps the
    # per-Doc overhead small); the segmenter breaks units at every newline. A blank line, not a
    # single newline: the tokenizer caches "word." and "Word" but never "word.\nWord", so single
    # newlines sent a span of every block boundary down its slow path (5-10x the tokenizing time)
    chunks: list[tuple[str, list[tuple[int, BlockData]]]] = []
    buf: list[str] = []
    members: list[tuple[int, BlockData]] = []
    size = 0
    for bd in to_parse:
        if buf and size + len(bd.norm) > CHUNK_CHARS:
            chunks.append((BLOCK_JOIN.join(buf), members))
            buf, members, size = [], [], 0
        members.append((size, bd))
        buf.append(bd.norm)
        size += len(bd.norm) + len(BLOCK_JOIN)
    if buf:
        chunks.append((BLOCK_JOIN.join(buf), members))

    def _docs():
        for (text, _), doc in zip(chunks, nlp.tokenizer.pipe((c[0] for c in chunks), batch_size=16)):
            doc.user_data["mm_text"] = text
            yield doc

    no_spans = {name: {"spans": False} for name in ("mm_mentions", "mm_cues", "mm_concerns") if name in nlp.pipe_names}
    for (text, members), doc in zip(chunks, nlp.pipe(_docs(), batch_size=16, component_cfg=no_spans)):
        mentions = sorted(doc.user_data["mm_mentions"])
        cues = sorted(doc.user_data["mm_cues"])
        concerns = sorted((s, lab) for s, _e, lab in doc.user_data["mm_concerns"])
        m_starts = [m[0] for m in mentions]
        cue_starts_all = [c[0] for c in cues]
        c_starts_all = [c[0] for c in concerns]
        units = doc.user_data.get("mm_units") or [(0, len(text))]
        u_starts = [u[0] for u in units]
        for off, bd in members:
            end = off + len(bd.norm)
            lo, hi = bisect_left(m_starts, off), bisect_left(m_starts, end)
            bd.mentions = [Mention(s - off, e - off, lab, bd.norm[s - off:e - off]) for s, e, lab in mentions[lo:hi]]
            lo, hi = bisect_left(cue_starts_all, off), bisect_left(cue_starts_all, end)
            bcues = [(s - off, e - off, lab) for s, e, lab in cues[lo:hi]]
            bd.has_cue = bool(bcues)
            b_cue_starts = [c[0] for c in bcues]
            b_m_starts = [m.start for m in bd.mentions]
            lo, hi = bisect_left(c_starts_all, off), bisect_left(c_starts_all, end)
            bconcerns = [(s - off, lab) for s, lab in concerns[lo:hi]]
            b_c_starts = [c[0] for c in bconcerns]
            ulo, uhi = bisect_left(u_starts, off), bisect_left(u_starts, end)
            for us, ue in _quoted_together(units[ulo:uhi] or [(off, end)], bd.block.text, off):
                us, ue = max(us, off) - off, min(ue, end) - off
                text_b = bd.norm
                while ue > us and text_b[ue - 1] in " \n":
                    ue -= 1
                if ue <= us:
                    continue
                u = _parse_unit(text_b, us, ue, bd.mentions, bcues, b_cue_starts, known, b_m_starts)
                clo, chi = bisect_left(b_c_starts, us), bisect_left(b_c_starts, ue)
                u.concerns = {bconcerns[k][1] for k in range(clo, chi)}
                bd.units.append(u)

    an = _Analyser(people)
    for bds in items_blocks:
        for bd in bds:
            if bd.block.kind == "para":
                if _ATTEND_FOR_ITEM.search(bd.block.text):
                    for a in parse_attendance(bd.block.text):
                        people.add(a.name, kind=None if a.kind == "unknown" else a.kind, title=a.title, rank="list")
                an.register(bd)

    per_item = [_analyse_turns(bds, item.turns, people) if item.turns else _analyse_item(bds, an, bool(item.title))
                for item, bds in zip(minutes.items, items_blocks)]
    finished = [[_finish(s, people) for s in stmts] for stmts in per_item]
    if concern_model is not None:
        from .learned import predict_items

        labels = predict_items(concern_model, nlp, [(item.title, [(f[0], f[7], f[5], f[4]) for f in fs])
                                                    for item, fs in zip(minutes.items, finished)])
        finished = [[(*f[:7], c) for f, c in zip(fs, cs)] for fs, cs in zip(finished, labels)]
    out_items = tuple(
        AnalysedItem(number=item.number, title=item.title, statements=tuple(AnalysedStatement(*f) for f in fs),
                     source_url=item.source_url, page=item.page)
        for item, fs in zip(minutes.items, finished)
    )
    attendance = tuple(_enrich(a, people) for a in minutes.attendance)
    return AnalysedDocument(source=minutes.source, committee=minutes.committee, date=minutes.date, attendance=attendance,
                            items=out_items)


_OPEN_QUOTE = re.compile(r":\s*([“‘])")
_CLOSE_QUOTE = {"“": re.compile(r"”"), "‘": re.compile(r"’(?![A-Za-z])")}
_QUOTE_MAX = 1500  # characters
_NEXT_SENTENCE = re.compile(r"\s+(?=[A-Z])")


def _quoted_together(units: list[tuple[int, int]], text: str, off: int) -> list[tuple[int, int]]:
    """Units (sentences) of a block, a quotation introduced by a colon kept whole: "Councillor
    Wren made the following statement: “Parents are waiting a year. This is not acceptable.”" is
    one statement; a sentence after the closing quote is not part of it. ``text`` is the block's
    original text (curly quotes intact); units are offsets into the chunk, the block at ``off``."""
    out: list[tuple[int, int]] = []
    closing: re.Pattern | None = None
    for us, ue in units:
        seg = text[max(us - off, 0):max(ue - off, 0)]
        if closing is None:
            out.append((us, ue))
            m = _OPEN_QUOTE.search(seg)
            if m and not _CLOSE_QUOTE[m.group(1)].search(seg, m.end()):
                # only a quotation that closes soon after in this block is kept whole
                at = us - off + m.end()
                if _CLOSE_QUOTE[m.group(1)].search(text, at, at + _QUOTE_MAX):
                    closing = _CLOSE_QUOTE[m.group(1)]
            continue
        c = closing.search(seg)
        if c is None:
            out[-1] = (out[-1][0], ue)
            continue
        closing = None
        rest = _NEXT_SENTENCE.match(seg, c.end())
        if rest and rest.end() < len(seg):  # "... fill the gap.’ The Chair thanked Mrs Howells ..."
            out[-1] = (out[-1][0], us + c.end())
            out.append((us + rest.end(), ue))
        else:
            out[-1] = (out[-1][0], ue)
    return out


def _enrich(a: AttendeeMention, people: People) -> AttendeeMention:
    if a.title:
        title, initials = split_initials(a.title, a.name)
        if initials:
            a = AttendeeMention(a.name, a.kind, title, a.status, a.party, a.ward)  # the initials are not the job
    entry = people.lookup(a.name)
    if entry is None:
        return a
    kind = people.kind_of(entry)
    if kind != a.kind and (a.kind in ("unknown", "member", "officer") and entry.kind_rank >= 2):
        return AttendeeMention(a.name, kind, a.title or entry.title, a.status, a.party, a.ward)
    return a


def _analyse_item(bds: list[BlockData], an: _Analyser, titled: bool = False) -> list[Stmt]:
    state = _ItemState()
    stmts: list[Stmt] = []
    stack: list[LeadIn] = []
    section: str | None = None
    last_alpha: str | None = None
    deciding = False  # under a "Decision" heading or label
    qa = _QALayout()
    for n, bd in enumerate(bds):
        b = bd.block
        following = bds[n + 1].block.text if n + 1 < len(bds) else ""
        if qa.asker_line(b.text, an) or (b.kind == "heading" and qa.asker_heading(b.text, following, an)):
            continue  # "Question from: Councillor Bryn Hartley" (a table row), "Cllr Quinn (LD)" over "Q: ..."
        if b.kind == "structural":
            if _DECISION_HEADING.match(b.text):
                deciding = True
                section = b.text.rstrip(" :")
            continue
        if b.kind == "heading":
            if (n == 0 and titled and not any(c.isdigit() for c in b.text)
                    and sum(1 for x in bds if x.block.kind == "heading") == 1):
                continue  # a lone line atop the item is a second title line (the title in Gaelic), not a sub-heading
            section = b.text
            deciding = bool(_DECISION_HEADING.match(b.text))
            stack.clear()
            continue
        rank, marker = _rank(b, stack[-1] if stack else None, last_alpha)
        if marker == "alpha":
            last_alpha = b.label
        while stack and stack[-1].rank >= rank:
            stack.pop()
        parent = stack[-1] if stack else None
        if parent is None and deciding and _DECISION_POINT.match(b.text):
            parent = DECISION_POINT  # "Decision" / "1) To agree to close actions 1, 3 and 5."
        if _ATTEND_FOR_ITEM.search(b.text):
            continue
        named = [m for m in bd.mentions if m.named]
        if not bd.has_cue and len(named) >= 2 and not re.search(r"[.;:?!]\W*$", b.text):
            continue  # a list of people present for the item
        if _BARE_DECISION.match(b.text):
            # "RESOLVED: That" + "(a) ...; (b) ...": each part is a resolution, the lead-in is not one
            stack.append(LeadIn(rank, b.marker, b.label, "decision", act="resolution"))
            deciding = True
            continue
        if _MOVER_LINE.match(b.text) and not _TERMINAL_INSIDE.search(b.text):
            _credit_mover(bd, stmts, section, an)  # "– moved by Councillor Muir, seconded by Councillor Ahmed"
            continue
        qa.note_responder(bd, an)
        li = lead_in_kind(b.text)
        if li:
            stack.append(LeadIn(rank, b.marker, b.label, li))
            continue
        new = _block_statements(bd, parent, stmts, state, section, an)
        qa.relabel(new, stmts)
        if b.text.rstrip().endswith(":") and new:
            last = new[-1]
            act = last.act if last.act in ("resolution", "answer") else None
            stack.append(LeadIn(rank, b.marker, b.label, "speaker", speaker=last.speaker, act=act))
            if _PURE_LEAD_IN.match(b.text[last.start:last.end].strip()) and stmts[-1] is last:
                stmts.pop()  # "She highlighted a few key areas:" only introduces its points (gold convention)
    for i, s in enumerate(stmts):
        s.index = i
    return stmts


class _QALayout:
    """Questions and answers laid out by label: "Question from: X" / "Question: ..." / "Response:
    ...", "Q: ..." / "A: ...". The question is the asker's; the response answers it and is spoken
    by whoever the item says answers ("... were answered by the Chair")."""

    def __init__(self) -> None:
        self.asker: Spk | None = None
        self.responder: Spk | None = None

    def asker_line(self, text: str, an: _Analyser) -> bool:
        m = _QA_FROM.match(text)
        if not m:
            return False
        entry = an.people.add(m.group("who"))
        self.asker = Spk(entry=entry) if entry is not None else None
        return True

    def asker_heading(self, text: str, following: str, an: _Analyser) -> bool:
        """A line that only names a member, over a "Q:" line: the member asks what follows."""
        lab = _QA_LABEL.match(following)
        if not lab or not lab.group("q"):
            return False
        name = _PARTY_TAGS.sub("", text).strip()
        if not _HONORIFIC_NAME.match(name) or len(name.split()) > 6:
            return False
        entry = an.people.add(name)
        if entry is None:
            return False
        self.asker = Spk(entry=entry)
        return True

    def note_responder(self, bd: BlockData, an: _Analyser) -> None:
        m = _ANSWERED_BY.search(bd.norm)
        if m:
            who = next((x for x in bd.mentions if x.start >= m.end() and x.start - m.end() <= 4), None)
            if who is not None:
                self.responder = an.mention_spk(who, None)

    def relabel(self, new: list[Stmt], stmts: list[Stmt]) -> None:
        for st in new:
            m = _QA_LABEL.match(st.blk.norm, st.start)
            if not m:
                continue
            if m.group("q"):
                st.act, st.answers = "question", None
                if self.asker is not None:
                    st.speaker = self.asker
                continue
            at = stmts.index(st)
            question = next((i for i in range(at - 1, -1, -1) if stmts[i].act == "question"), None)
            st.act, st.answers = "answer", question
            if self.responder is not None and st.speaker is None:
                st.speaker = self.responder
            if question is not None:
                stmts[question].answered = True


def _credit_mover(bd: BlockData, stmts: list[Stmt], section: str | None, an: _Analyser) -> None:
    """A motion or amendment is spoken by its mover: the statements just above a "moved by" line,
    back to the sub-heading, that have no speaker yet."""
    named = [m for m in bd.mentions if m.named]
    mover = an.mention_spk(named[0], None) if named else None
    if mover is None:
        return
    for st in reversed(stmts):
        if st.section != section or st.speaker is not None or st.act == "resolution":
            break
        st.speaker = mover


def _analyse_turns(bds: list[BlockData], turns, people: People) -> list[Stmt]:
    """An item whose layout states who spoke and how (``ItemText.turns``): each sentence of a turn
    is a statement with the turn's speaker and act; an answer answers the preceding question turn
    (its last statement)."""
    speakers = []
    for turn in turns:
        entry = people.add(turn.speaker, kind=turn.speaker_kind if turn.speaker_kind != "unknown" else None,
                           title=turn.speaker_title, rank="roster")
        speakers.append(Spk(entry=entry) if entry is not None else
                        Spk(display=turn.speaker, key=None, kind=turn.speaker_kind))
    stmts: list[Stmt] = []
    last_question: int | None = None
    for bd in bds:
        if bd.block.kind != "para" or bd.turn is None or not bd.units:
            continue
        turn = turns[bd.turn]
        act = turn.act if turn.act in ("question", "answer") else "statement"
        for u in bd.units:
            answers = last_question if act == "answer" else None
            stmts.append(Stmt(bd, u.start, u.end, speakers[bd.turn], act, None, set(u.concerns), answers=answers))
        if act == "question":
            last_question = len(stmts) - 1
    for i, st in enumerate(stmts):
        st.index = i
    return stmts


def _prev_open_question(stmts: list[Stmt], section: str | None) -> Stmt | None:
    if not stmts:
        return None
    prev = stmts[-1]
    if prev.act == "question" and not prev.answered and prev.section == section:
        return prev
    return None


def _latest_unanswered(stmts: list[Stmt], questioner: Spk | None = None) -> int | None:
    for i in range(len(stmts) - 1, -1, -1):
        s = stmts[i]
        if s.act != "question":
            continue
        if questioner is not None:
            if s.speaker is not None and s.speaker.ident == questioner.ident:
                return i
            continue
        if not s.answered:
            return i
    return None


def _block_statements(bd: BlockData, parent: LeadIn | None, stmts: list[Stmt], state: _ItemState, section, an: _Analyser) -> list[Stmt]:
    new: list[Stmt] = []
    cur: Stmt | None = None
    inherited = parent.speaker if parent and parent.kind == "speaker" else None
    for u in bd.units:
        if u.end - u.start <= 60 and _ACTION_LABEL.match(bd.norm, u.start):
            continue  # "Action: JT" names who owns a follow-up; nobody said it
        state.questioner = None
        if u.subject is not None and u.subject.kind == "pronoun" and u.subject.cue_act not in ("question", "request", "concern"):
            last = cur or (stmts[-1] if stmts else None)
            if last is not None and last.act == "question":
                state.questioner = last.speaker
        spk = an.subject_spk(u.subject, state) if u.subject else None
        strong = next((a for a in rules.ACT_PRIORITY if a in u.acts), None)
        if cur is not None:
            same_speaker = spk is None or (cur.speaker is not None and spk.ident == cur.speaker.ident)
            start_new = (
                not bd.norm[:u.start].rstrip().endswith(";")  # one statement per sentence (gold convention)
                or not same_speaker
                or (strong is not None and strong != cur.act)
                or (cur.act == "question" and spk is None)
                or (u.response and cur.act != "answer")
            )
            if not start_new:
                cur.end = u.end
                cur.concerns |= u.concerns
                continue
        # a new statement; a passive sentence inherits too unless it names whom it addresses
        # ("Members were advised"): "An assessment was made ..." carries on the speaker's report
        addressed = u.passive and any(u.start <= m.start < u.end for m in bd.mentions)
        if spk is None and not (addressed or u.impersonal):
            if cur is not None and (cur.act != "question" or u.headless):
                spk = cur.speaker  # "Asked how many ... . Sought clarification on ...": the same member
            elif cur is None:
                spk = inherited
        act, answers = _decide_act(u, strong, spk, stmts, parent, section, an, state, bd.norm)
        if act == "commitment" and spk is not None and spk.key in DECIDING_BODIES and spk.entry is None:
            act, answers = "resolution", None  # "The Panel agreed to add a review to its work programme": a decision
        if act == "resolution" and (u.subject is None or spk is None or spk.key in DECIDING_BODIES):
            spk = COMMITTEE  # "The Board AGREED": decisions are the Committee's whatever the body is called
        elif spk is None and "procedure" in u.acts:
            spk = COMMITTEE  # "a recorded vote was taken"
        st = Stmt(bd, u.start, u.end, spk, act, section, set(u.concerns), answers=answers)
        if answers is not None:
            stmts[answers].answered = True
        stmts.append(st)
        new.append(st)
        state.note(spk)
        cur = st
    return new


def _decide_act(u: Unit, strong: str | None, spk: Spk | None, stmts: list[Stmt], parent: LeadIn | None, section, an: _Analyser, state,
                text: str = "") -> tuple[str, int | None]:
    prev_q = _prev_open_question(stmts, section)
    if prev_q is not None and spk is not None and prev_q.speaker is not None and prev_q.speaker.ident == spk.ident:
        prev_q = None  # the questioner carrying on
    if parent is not None and (parent.kind == "decision" or parent.act == "resolution"):
        return "resolution", None  # every point of a decision: "To record the Committee's thanks to ..."
    if stmts and stmts[-1].act == "resolution" and stmts[-1].blk is not None and u in stmts[-1].blk.units and u.subject is None:
        return "resolution", None  # "RESOLVED: That (1) ...; (2) the Cabinet Member be asked to ..."
    if strong in ("resolution", "request", "question", "concern"):
        return strong, None
    if strong == "commitment":
        target = None
        if u.response:
            target = _target(u, stmts, an, state)
        elif prev_q is not None:
            target = stmts.index(prev_q)
        return "commitment", target
    if u.response or strong == "answer":
        return "answer", _target(u, stmts, an, state)
    if prev_q is not None and "welcome" not in u.acts:
        return "answer", stmts.index(prev_q)
    # an answer chain: a further reply straight after an answer
    if stmts and stmts[-1].act == "answer" and stmts[-1].section == section and not u.acts and (
        (stmts[-1].blk is not None and u.start > 0 and stmts[-1].blk.units and u in stmts[-1].blk.units) or (parent and parent.kind == "response")
    ) and (spk is None or stmts[-1].speaker is None or spk.ident != stmts[-1].speaker.ident):
        return "answer", stmts[-1].answers
    if (stmts and stmts[-1].act == "answer" and stmts[-1].section == section and not u.acts and u.subject is not None
            and _ADDED.match(text, u.subject.cue_start) and spk is not None and stmts[-1].speaker is not None
            and spk.ident != stmts[-1].speaker.ident):
        return "answer", stmts[-1].answers  # "The Monitoring Officer added ...": a second respondent
    if (stmts and stmts[-1].act == "answer" and stmts[-1].section == section and not u.acts and u.subject is not None
            and u.subject.kind == "pronoun" and spk is not None and stmts[-1].speaker is not None
            and spk.ident == stmts[-1].speaker.ident):
        return "answer", stmts[-1].answers  # "... replied that ... . She said that ...": the rest of the same reply
    if "welcome" in u.acts:
        return "welcome", None
    if u.passive or u.impersonal:
        if parent and parent.kind == "response":
            return "answer", None
        return "statement", None
    if parent is not None:
        if parent.act == "resolution":
            return "resolution", None
        if parent.act == "answer" or parent.kind == "response":
            return "answer", None
    return "statement", None


def _target(u: Unit, stmts: list[Stmt], an: _Analyser, state) -> int | None:
    for m in u.questioners:
        spk = an.mention_spk(m, None)
        if spk is not None:
            idx = _latest_unanswered(stmts, spk)
            if idx is not None:
                return idx
    return _latest_unanswered(stmts)


def _finish(s: Stmt, people: People) -> tuple:
    """The fields of an ``AnalysedStatement`` in order (text, speaker, key, kind, act, answers,
    section, concerns), built once the concern model has had its say."""
    text = s.blk.block.text[s.start:s.end].strip()
    if "  " in text or "\n" in text or "\t" in text:
        text = _SPACE_RUN.sub(" ", text)
    speaker = key = None
    kind = "unknown"
    if s.speaker is not None:
        speaker, key, kind = _render(s.speaker, people)
    return (text, speaker, key, kind, s.act, s.answers, s.section, tuple(sorted(s.concerns)))


def _render(spk: Spk, people: People) -> tuple[str | None, str | None, str]:
    if spk.parts:
        rendered = [_render(p, people) for p in spk.parts]
        names = [r[0] for r in rendered if r[0]]
        keys = [r[1] for r in rendered if r[1]]
        if len(names) > 2:
            display = ", ".join(names[:-1]) + " and " + names[-1]
        else:
            display = " and ".join(names)
        return display or None, " and ".join(keys) or None, "group"
    if spk.entry is not None:
        return spk.entry.best_form(), spk.entry.key, people.kind_of(spk.entry)
    return spk.display, spk.key, spk.kind
