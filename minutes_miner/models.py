"""Plain data models shared by every stage.

Records are frozen dataclasses. Their IDs are derived from source URLs (or, where a
record has no URL of its own, from its parent's ID and its position/content), so
ingesting the same page twice yields the same IDs and the store upserts instead of
duplicating.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

PERSON_KINDS = ("member", "officer", "cabinet_member", "chair", "group", "external", "unknown")
ACTS = ("question", "answer", "concern", "request", "commitment", "welcome", "resolution", "statement")
RAGS = ("GREEN", "AMBER", "RED")
DIRECTIONS = ("improving", "worsening", "stable")


def make_id(kind: str, *parts: object) -> str:
    """Deterministic short ID: a kind prefix and a hash of the identifying parts."""
    material = "\x1f".join([kind, *(str(p) for p in parts)])
    return f"{kind}_{hashlib.sha256(material.encode('utf-8')).hexdigest()[:16]}"


def normalise_url(url: str) -> str:
    """URL as used for identity: ASP.NET session tokens and fragments removed."""
    url = re.sub(r"/\(S\([^)]*\)\)", "", url)
    return url.split("#", 1)[0].strip()


def name_key(name: str) -> str:
    """Lower-case whitespace-collapsed form of a name, used to recognise one person."""
    return re.sub(r"\s+", " ", name).strip().lower()


@dataclass(frozen=True)
class Council:
    name: str
    base_url: str
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", make_id("council", normalise_url(self.base_url).rstrip("/")))


@dataclass(frozen=True)
class Committee:
    council_id: str
    name: str
    external_id: str | None = None
    source_url: str | None = None
    category: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            ident = self.external_id or name_key(self.name)
            object.__setattr__(self, "id", make_id("committee", self.council_id, ident))


@dataclass(frozen=True)
class Meeting:
    committee_id: str
    source_url: str
    date: date | None = None
    time: str | None = None
    venue: str | None = None
    status: str | None = None
    external_id: str | None = None
    minutes_published: bool = False
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", make_id("meeting", self.committee_id, self.external_id or normalise_url(self.source_url)))


@dataclass(frozen=True)
class AgendaItem:
    meeting_id: str
    position: int
    number: str | None = None
    title: str | None = None
    agenda_text: str | None = None
    minutes_text: str | None = None
    source_url: str | None = None
    external_id: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", make_id("item", self.meeting_id, self.external_id or self.position))


@dataclass(frozen=True)
class Document:
    """A linked file (report, printed minutes, performance report)."""

    url: str
    title: str | None = None
    meeting_id: str | None = None
    item_id: str | None = None
    sha256: str | None = None
    content_type: str | None = None
    size: int | None = None
    kind: str = "report"  # report | minutes | indicators | other
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", make_id("document", normalise_url(self.url)))


@dataclass(frozen=True)
class Person:
    council_id: str
    name: str
    kind: str = "unknown"  # one of PERSON_KINDS
    key: str | None = None  # lower-case surname, or the role for an unnamed speaker
    title: str | None = None  # job title / role ("Director of Children's Services")
    party: str | None = None
    ward: str | None = None
    external_id: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", make_id("person", self.council_id, person_identity(self.name)))


def person_identity(name: str) -> str:
    """Identity of a person across meetings: their name without honorifics or roles."""
    stripped = re.sub(
        r"^(?:the\s+)?(?:councillor|cllr\.?|county councillor|mr\.?|mrs\.?|ms\.?|miss|dr\.?|professor|prof\.?)\s+",
        "",
        name.strip(),
        flags=re.IGNORECASE,
    )
    return name_key(stripped)


@dataclass(frozen=True)
class Attendance:
    meeting_id: str
    person_id: str
    role: str | None = None  # "Chair", "Vice-Chair", job title for officers
    status: str = "present"  # present | apologies | absent | substitute | virtual


@dataclass(frozen=True)
class Statement:
    item_id: str
    position: int
    text: str
    act: str = "statement"
    speaker_id: str | None = None
    speaker: str | None = None
    speaker_key: str | None = None
    speaker_kind: str = "unknown"
    answers_position: int | None = None  # position (within the item) of the question answered
    section: str | None = None
    concerns: tuple[str, ...] = ()
    source_url: str | None = None
    page: int | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", make_id("statement", self.item_id, self.position))


@dataclass(frozen=True)
class Indicator:
    council_id: str
    name: str
    section: str | None = None
    unit: str | None = None
    ref: str | None = None  # the report's own code, e.g. "CS01"
    lower_is_better: bool | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", make_id("indicator", self.council_id, self.ref or name_key(self.name)))


@dataclass(frozen=True)
class IndicatorValue:
    indicator_id: str
    period: str
    value: float | None = None
    target: float | None = None
    floor: float | None = None
    rag: str | None = None
    previous_rag: str | None = None
    direction: str | None = None
    period_end: date | None = None
    document_id: str | None = None
    page: int | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", make_id("value", self.indicator_id, self.period))


@dataclass(frozen=True)
class Link:
    """A statement discusses an indicator."""

    statement_id: str
    indicator_id: str
    method: str  # name | alias | acronym | section | similarity
    score: float = 1.0


# ---------------------------------------------------------------------------
# Stage payloads: what a source hands to the pipeline and what extract hands to NLP.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendeeMention:
    """Someone listed as attending, as written in the source."""

    name: str
    kind: str = "unknown"  # member | officer | external | cabinet_member | chair | unknown
    title: str | None = None  # job title or role, e.g. "Head of Early Help" or "Chair"
    status: str = "present"
    party: str | None = None
    ward: str | None = None


@dataclass(frozen=True)
class DocumentRef:
    """A link to a document found on a page, before it is fetched."""

    url: str
    title: str | None = None
    item_position: int | None = None
    kind: str = "report"


@dataclass(frozen=True)
class ParsedMeeting:
    """Everything a source knows about one meeting, ready to be stored in one transaction."""

    council: Council
    committee: Committee
    meeting: Meeting
    items: tuple[AgendaItem, ...] = ()
    attendees: tuple[AttendeeMention, ...] = ()
    documents: tuple[DocumentRef, ...] = ()


@dataclass(frozen=True)
class Turn:
    """A stretch of an item whose speaker and act the document's layout already states.

    Council question-and-answer papers print "Question by Mr X to Mrs Y, Cabinet Member for Z"
    and an "Answer" block: the extractor knows who asked and who answered without reading the
    prose, so the NLP honours these instead of guessing (it still segments and tags concerns).
    """

    speaker: str  # as printed, e.g. "Mr Rich Lehmann"
    act: str  # question | answer (a supplementary question is a question)
    text: str
    speaker_title: str | None = None  # e.g. "Cabinet Member for Highways"
    speaker_kind: str = "member"  # member | cabinet_member | officer | chair | external | unknown
    page: int | None = None


@dataclass(frozen=True)
class ItemText:
    """One agenda item's minutes as plain text: one block (paragraph, bullet, heading) per line."""

    title: str | None
    text: str
    number: str | None = None
    source_url: str | None = None
    page: int | None = None
    turns: tuple[Turn, ...] = ()  # when set, ``text`` is their texts joined and the turns are authoritative


@dataclass(frozen=True)
class MinutesText:
    """Minutes of one meeting, extracted from HTML, XML, PDF or text: the NLP stage's input."""

    source: str
    items: tuple[ItemText, ...]
    committee: str | None = None
    date: date | None = None
    attendance: tuple[AttendeeMention, ...] = ()


@dataclass(frozen=True)
class AnalysedStatement:
    text: str
    speaker: str | None = None
    speaker_key: str | None = None
    speaker_kind: str = "unknown"
    act: str = "statement"
    answers: int | None = None  # index within the item's statements of the question answered
    section: str | None = None
    concerns: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnalysedItem:
    number: str | None
    title: str | None
    statements: tuple[AnalysedStatement, ...] = ()
    source_url: str | None = None
    page: int | None = None


@dataclass(frozen=True)
class AnalysedDocument:
    source: str
    committee: str | None
    date: date | None
    attendance: tuple[AttendeeMention, ...] = ()
    items: tuple[AnalysedItem, ...] = ()

    def to_contract(self) -> dict:
        """The `analyse --json` contract (held fixed; see README)."""
        return {
            "source": self.source,
            "meeting": {"committee": self.committee, "date": self.date.isoformat() if self.date else None},
            "attendance": [{"name": a.name, "kind": a.kind, "title": a.title} for a in self.attendance],
            "items": [
                {
                    "number": item.number,
                    "title": item.title,
                    "statements": [
                        {
                            "text": s.text,
                            "speaker": s.speaker,
                            "speaker_key": s.speaker_key,
                            "speaker_kind": s.speaker_kind,
                            "act": s.act,
                            "answers": s.answers,
                            "section": s.section,
                            "concerns": list(s.concerns),
                        }
                        for s in item.statements
                    ],
                }
                for item in self.items
            ],
        }


@dataclass(frozen=True)
class ExtractedIndicator:
    """One KPI row read from a performance report (the `indicators --json` contract)."""

    name: str
    section: str | None = None
    period: str | None = None
    value: float | None = None
    unit: str | None = None
    target: float | None = None
    floor: float | None = None
    rag: str | None = None
    previous_rag: str | None = None
    direction: str | None = None
    page: int | None = None
    ref: str | None = None


@dataclass(frozen=True)
class IndicatorReport:
    source: str
    period: str | None
    indicators: tuple[ExtractedIndicator, ...] = field(default_factory=tuple)

    def to_contract(self) -> dict:
        keys = ("name", "section", "period", "value", "unit", "target", "floor", "rag", "previous_rag", "direction", "page")
        return {
            "source": self.source,
            "period": self.period,
            "indicators": [{k: getattr(i, k) for k in keys} for i in self.indicators],
        }
