"""Data holders of the discourse layer: mentions, subjects, sentence units, blocks, speakers,
statements and list lead-ins."""
from __future__ import annotations

from dataclasses import dataclass, field

from .people import Entry
from .textnorm import Block


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    label: str
    text: str
    # read a dozen times per mention: set once rather than a property
    named: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.named = self.label.startswith("NAME")


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
    low: str = ""  # textnorm.folded(norm): substring tests before case-insensitive searches
    units: list[Unit] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    has_cue: bool = False
    turn: int | None = None  # index into ItemText.turns when the item has them
    listed: bool = False  # part of an attendance list inside the item ("Witnesses:" + one person per line)


@dataclass(slots=True)
class Spk:
    entry: Entry | None = None
    display: str | None = None
    key: str | None = None
    kind: str = "unknown"
    parts: tuple[Spk, ...] = ()
    acting: str | None = None  # the kind of a person acting in a role: the Vice-Chair who "took the chair" is the chair

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
    # its content words (``answers.stmt_stems``) with the extent they were read from: every later reply
    # compares its words with the open questions before it
    stems: tuple[int, int, set[str]] | None = field(default=None, repr=False, compare=False)


@dataclass(slots=True)
class LeadIn:
    rank: int
    marker: str | None
    label: str | None
    kind: str  # speaker | response | discussion
    speaker: Spk | None = None
    act: str | None = None
    motion: bool = False  # "Councillor X moved the following motion:": the unmarked paragraphs below are the motion


#: who speaks a RESOLVED / AGREED decision (gold convention)
COMMITTEE = Spk(display="the Committee", key="committee", kind="group")
#: role keys of the bodies whose decisions are the Committee's
DECIDING_BODIES = {"committee", "panel", "board", "cabinet", "authority", "sub-committee", "commission", "joint committee", "forum"}
DECISION_POINT = LeadIn(rank=-1, marker=None, label=None, kind="decision", act="resolution")
