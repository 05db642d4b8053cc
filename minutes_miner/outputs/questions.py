"""Member-question summaries and meeting briefing notes.

For each question (a statement with act == "question") the summary gives who answered and the
gist of each answer, the concerns the question raised, any follow-up promised in reply, whether a
later meeting shows that follow-up delivered, and a citation. Everything is extractive: answer
gists are the first sentences of the recorded answer, verbatim; nothing is paraphrased or invented.

Heuristics (documented here because they decide what an officer reads):

* **Which member** - `member` is matched case-insensitively against speaker names, speaker keys,
  speaker/person IDs and stored person names (candidates are read by person ID and speaker key,
  which are indexed, and by name substring only when those find nothing), ignoring honorifics ("Cllr", "Councillor", "Dr"...)
  and parenthesised roles. Names match when the words of one are a subset of the words of the
  other (an initial matches its name) and they share the surname, so "Mary Patel", "Councillor
  Patel", "Cllr M. Patel", "cllr mary patel" and "patel" all find "Councillor Mary Patel", while
  "Mary Patel" does not find "Councillor Raj Patel". Every speaker name that matched is listed in
  `QuestionSummary.matched_speakers`, so a surname shared by two members is visible.
* **Answers** - statements whose `answers_id` is the question's ID (as linked by the NLP stage).
  An unlinked question is reported as unanswered rather than guessing an answer.
* **Follow-ups** - `commitment` statements in the same agenda item after the question and before
  the next question in that item (or linked to the question by `answers_id`).
* **Delivered** - a follow-up stays "open" unless a statement at one of the next 12 meetings of the
  same committee (a) says, in the past tense, that something was circulated / provided / shared /
  delivered / sent / supplied / distributed / published / received / written to (not "will be",
  "to be", "not yet"...; questions are ignored), or opens with "Further to the previous meeting /
  the request ...", and (b) shares the follow-up's key object words: the content words after the
  promise verb ("undertook to circulate *a breakdown by locality*"), minus stop words and generic
  words such as "members", "figures" or "briefing note", compared after light suffix stripping.
  A promise with fewer than three such words ("undertook to provide the briefing note") also
  takes those of the request or question it answers (without the asker's name). At least half
  of the words (and at least two, when there are two or more) must appear. The statement that
  satisfied the rule is kept as evidence and cited.
"""
from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from minutes_miner.errors import NotFoundError, QueryError
from minutes_miner.models import Person, person_identity
from minutes_miner.outputs.formats import (
    Citation,
    check_committee,
    check_format,
    fmt_date,
    fmt_iso,
    gist,
    item_label,
    md_escape,
    require_statements,
    safe_href,
    speaker_label,
    suggestion_hint,
    to_json,
)
from minutes_miner.store.base import MeetingRow, StatementFilter, StatementRow, Store

FORMATS = ("md", "html", "docx", "json")


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Answer:
    statement_id: str
    speaker: str | None
    speaker_kind: str
    speaker_title: str | None
    text: str
    gist: str
    citation: Citation


@dataclass(frozen=True)
class Evidence:
    """The later statement that shows a follow-up was delivered."""

    statement_id: str
    text: str
    speaker: str | None
    speaker_kind: str
    citation: Citation


@dataclass(frozen=True)
class FollowUp:
    statement_id: str
    text: str
    speaker: str | None
    speaker_kind: str
    status: str  # "open" | "delivered"
    citation: Citation
    key_words: tuple[str, ...] = ()
    delivered_by: Evidence | None = None


@dataclass(frozen=True)
class QuestionEntry:
    statement_id: str
    text: str
    asked_by: str | None
    asked_by_kind: str
    section: str | None
    concerns: tuple[str, ...]
    answers: tuple[Answer, ...]
    follow_ups: tuple[FollowUp, ...]
    citation: Citation

    @property
    def answered(self) -> bool:
        return bool(self.answers)


@dataclass(frozen=True)
class SectionGroup:
    """Questions under one dashboard section, or under their agenda item when no section was tagged."""

    title: str
    is_section: bool
    questions: tuple[QuestionEntry, ...]


@dataclass(frozen=True)
class MeetingGroup:
    meeting_id: str
    date: date | None
    committee: str
    council: str
    source_url: str | None
    sections: tuple[SectionGroup, ...]

    @property
    def questions(self) -> list[QuestionEntry]:
        return [q for s in self.sections for q in s.questions]


@dataclass(frozen=True)
class QuestionSummary:
    title: str
    meetings: tuple[MeetingGroup, ...]
    member: str | None = None  # display name, for a member summary
    meeting_id: str | None = None  # for a meeting briefing
    committee: str | None = None
    since: date | None = None
    until: date | None = None
    matched_speakers: tuple[str, ...] = field(default_factory=tuple)

    @property
    def questions(self) -> list[QuestionEntry]:
        return [q for m in self.meetings for q in m.questions]

    @property
    def follow_ups(self) -> list[FollowUp]:
        return [f for q in self.questions for f in q.follow_ups]

    @property
    def open_follow_ups(self) -> list[FollowUp]:
        return [f for f in self.follow_ups if f.status == "open"]

    @property
    def concerns(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for q in self.questions:
            for c in q.concerns:
                counts[c] = counts.get(c, 0) + 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    @property
    def answered_count(self) -> int:
        return sum(1 for q in self.questions if q.answered)


# --------------------------------------------------------------------------- member matching

_HONORIFICS = {"councillor", "cllr", "county", "mr", "mrs", "ms", "miss", "dr", "professor", "prof", "the", "sir", "dame"}


def name_tokens(name: str | None) -> tuple[str, ...]:
    if not name:
        return ()
    text = re.sub(r"\([^)]*\)", " ", name)
    words = re.findall(r"[a-z0-9']+", person_identity(text).replace("-", " "))
    return tuple(w for w in words if w not in _HONORIFICS)


def _same_word(x: str, y: str) -> bool:
    """Equal, or one is an initial of the other ("m" ~ "mary")."""
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def _covers(small: Sequence[str], big: Sequence[str]) -> bool:
    return all(any(_same_word(x, y) for y in big) for x in small)


def names_match(wanted: Sequence[str], other: Sequence[str]) -> bool:
    """True when one name's words are a subset of the other's (initials match their names) and, if
    the shorter name is the speaker's, it contains the wanted surname: "Mary Patel" ~ "Councillor
    Patel" ~ "Cllr M. Patel"; "Patel" ~ "Councillor Mary Patel"; "Mary Patel" !~ "Raj Patel"."""
    if not wanted or not other:
        return False
    if _covers(wanted, other):
        return True
    return _covers(other, wanted) and wanted[-1] in other


def _matches(row: StatementRow, member: str, wanted: Sequence[str], persons: dict[str, Person]) -> bool:
    if row.speaker_id and row.speaker_id == member:
        return True
    if names_match(wanted, name_tokens(row.speaker)):
        return True
    if row.speaker_key and len(wanted) == 1 and row.speaker_key.lower() == wanted[0]:
        return True
    person = persons.get(row.speaker_id or "")
    return bool(person and names_match(wanted, name_tokens(person.name)))


def member_questions(store: Store, member: str, committee: str | None = None, since: date | None = None,
                     until: date | None = None) -> QuestionSummary:
    """Every question `member` asked (optionally within a committee and date window), with answers,
    concerns and follow-ups. Unknown member -> NotFoundError listing the closest names."""
    if not member or not member.strip():
        raise QueryError("no member name given", hint='name the member, e.g. --member "Mary Patel"')
    require_statements(store, "a member summary")
    check_committee(store, committee)
    member = member.strip()
    wanted = name_tokens(member)
    persons = {p.id: p for p in store.persons()}
    # Narrow in SQL by indexed columns (the matching persons' IDs, the surname as speaker key), then
    # match precisely here; only when that finds nothing, fall back to name substrings (a scan).
    matching = [p for p in persons.values() if names_match(wanted, name_tokens(p.name))]
    ids = tuple(sorted({p.id for p in matching} | ({member} if member in persons else set())))
    keys = tuple(sorted({k for k in [*(p.key for p in matching), wanted[-1] if wanted else None] if k}))
    seen: dict[str, StatementRow] = {}
    exact = StatementFilter(committee=committee, act="question", since=since, until=until, speaker_ids=ids,
                            speaker_keys=keys)
    probes = [exact] if ids or keys else []
    for flt in probes:
        seen.update((row.id, row) for row in store.statements(flt) if _matches(row, member, wanted, persons))
    if not seen:
        for probe in sorted({member} | ({wanted[-1]} if wanted else set())):
            flt = StatementFilter(committee=committee, speaker=probe, act="question", since=since, until=until)
            seen.update((row.id, row) for row in store.statements(flt) if _matches(row, member, wanted, persons))
    rows = sorted(seen.values(), key=lambda r: (r.meeting_date or date.min, r.item_id, r.position))
    if not rows and not _known_member(store, member, wanted, persons):
        names = {p.name for p in persons.values() if p.kind in ("member", "chair", "cabinet_member")}
        names |= {r.speaker for r in store.statements(StatementFilter(act="question")) if r.speaker}
        raise NotFoundError(f"no member called {member!r} is recorded speaking",
                            hint=suggestion_hint("member", member, names or {p.name for p in persons.values()}))
    matched = sorted({r.speaker for r in rows if r.speaker}, key=lambda n: (-len(n), n))
    display = matched[0] if matched else _display_name(member, wanted, persons)
    window = _window_text(committee, since, until)
    return summarise_questions(
        store, rows, title=f"Questions asked by {display}" + (f" ({window})" if window else ""),
        member=display, committee=committee, since=since, until=until, matched_speakers=tuple(matched),
    )


def _known_member(store: Store, member: str, wanted: Sequence[str], persons: dict[str, Person]) -> bool:
    if member in persons or any(names_match(wanted, name_tokens(p.name)) for p in persons.values()):
        return True
    if wanted:
        rows = store.statements(StatementFilter(speaker=wanted[-1]), limit=200)
        return any(names_match(wanted, name_tokens(r.speaker)) for r in rows)
    return False


def _display_name(member: str, wanted: Sequence[str], persons: dict[str, Person]) -> str:
    names = [p.name for p in persons.values() if names_match(wanted, name_tokens(p.name))]
    return max(names, key=len) if names else member


def _window_text(committee: str | None, since: date | None, until: date | None) -> str:
    parts = []
    if committee:
        parts.append(committee)
    if since and until:
        parts.append(f"{since.isoformat()} to {until.isoformat()}")
    elif since:
        parts.append(f"since {since.isoformat()}")
    elif until:
        parts.append(f"until {until.isoformat()}")
    return ", ".join(parts)


def meeting_questions(store: Store, meeting_id: str) -> QuestionSummary:
    """All questions and answers at one meeting, as a briefing note. Accepts a unique ID prefix."""
    require_statements(store, "a meeting briefing")
    meetings = store.meetings()
    by_id = {m.id: m for m in meetings}
    meeting = by_id.get(meeting_id)
    if meeting is None:
        prefixed = [m for m in meetings if m.id.startswith(meeting_id.strip())] if meeting_id.strip() else []
        if len(prefixed) == 1:
            meeting = prefixed[0]
        else:
            labels = {f"{m.id} ({fmt_date(m.date)} {m.committee})": m.id for m in meetings}
            near = difflib.get_close_matches(meeting_id, list(by_id), n=5, cutoff=0.4)
            shown = [k for k, v in labels.items() if v in near] or list(labels)[-5:]
            raise NotFoundError(f"no meeting with ID {meeting_id!r}",
                                hint="meeting IDs look like meeting_0123abcd…; "
                                     + ("did you mean: " if near else "recent meetings: ") + "; ".join(shown))
    rows = store.statements(StatementFilter(meeting_id=meeting.id, act="question"))
    title = f"Questions and answers: {meeting.committee}, {fmt_date(meeting.date)}"
    return summarise_questions(store, rows, title=title, meeting_id=meeting.id, committee=meeting.committee,
                               since=meeting.date, until=meeting.date)


# --------------------------------------------------------------------------- assembling a summary


class SummaryContext:
    """Lookups shared by many summaries over one store (the report builds one per member and per
    meeting): persons, meetings, each meeting's statements and follow-up delivery results."""

    def __init__(self, store: Store):
        self.store = store
        self._persons: dict[str, Person] | None = None
        self._meetings: dict[str, MeetingRow] | None = None
        self._statements: dict[str, list[StatementRow]] = {}
        self._by_committee: dict[str, list[MeetingRow]] | None = None
        self.deliveries: dict[str, Evidence | None] = {}

    @property
    def persons(self) -> dict[str, Person]:
        if self._persons is None:
            self._persons = {p.id: p for p in self.store.persons()}
        return self._persons

    @property
    def meetings(self) -> dict[str, MeetingRow]:
        if self._meetings is None:
            self._meetings = {m.id: m for m in self.store.meetings()}
        return self._meetings

    def meeting_statements(self, meeting_id: str) -> list[StatementRow]:
        if meeting_id not in self._statements:
            self._statements[meeting_id] = self.store.statements(StatementFilter(meeting_id=meeting_id))
        return self._statements[meeting_id]

    def later_meetings(self, meeting_id: str, horizon: int) -> list[MeetingRow]:
        """The next `horizon` dated meetings with minutes of the same committee, in date order."""
        if self._by_committee is None:
            self._by_committee = {}
            for m in sorted(self.meetings.values(), key=lambda m: (m.date or date.min, m.id)):
                if m.date and m.statements:
                    self._by_committee.setdefault(m.committee_id, []).append(m)
        this = self.meetings.get(meeting_id)
        if this is None or this.date is None:
            return []
        return [m for m in self._by_committee.get(this.committee_id, []) if m.date > this.date][:horizon]


def summarise_questions(store: Store, questions: Iterable[StatementRow], title: str, *,
                        context: SummaryContext | None = None, **meta: Any) -> QuestionSummary:
    """Group question rows by meeting then section, attaching answers, follow-ups and delivery status.

    Public so the report can build per-member pages from rows it has already grouped; pass one
    `context` to share lookups between summaries. `meta` fills the other QuestionSummary fields.
    """
    ctx = context or SummaryContext(store)
    questions = [q for q in questions if q.act == "question"]
    by_meeting: dict[str, list[StatementRow]] = {}
    for q in questions:
        by_meeting.setdefault(q.meeting_id, []).append(q)
    groups = [_meeting_group(meeting_id, qs, ctx) for meeting_id, qs in by_meeting.items()]
    groups.sort(key=lambda g: (g.date or date.min, g.committee))
    return QuestionSummary(title=title, meetings=tuple(groups), **meta)


def _meeting_group(meeting_id: str, questions: list[StatementRow], ctx: SummaryContext) -> MeetingGroup:
    meeting = ctx.meetings.get(meeting_id)
    by_item: dict[str, list[StatementRow]] = {}
    item_order: dict[str, int] = {}
    for s in ctx.meeting_statements(meeting_id):
        by_item.setdefault(s.item_id, []).append(s)
        item_order.setdefault(s.item_id, len(item_order))
    questions = sorted(questions, key=lambda q: (item_order.get(q.item_id, 1 << 30), q.position))
    sections: dict[tuple[str, bool], list[QuestionEntry]] = {}
    for q in questions:
        entry = _entry(q, by_item.get(q.item_id, [q]), ctx)
        key = (q.section, True) if q.section else (item_label(q.item_number, q.item_title), False)
        sections.setdefault(key, []).append(entry)
    first = questions[0]
    return MeetingGroup(
        meeting_id=meeting_id, date=first.meeting_date, committee=first.committee, council=first.council,
        source_url=meeting.source_url if meeting else first.source_url,
        sections=tuple(SectionGroup(title=t, is_section=s, questions=tuple(qs)) for (t, s), qs in sections.items()),
    )


def _entry(q: StatementRow, item_statements: list[StatementRow], ctx: SummaryContext) -> QuestionEntry:
    persons = ctx.persons
    ordered = sorted(item_statements, key=lambda s: s.position)
    answers = [s for s in ordered if s.answers_id == q.id and s.act != "commitment"]
    next_q = next((s.position for s in ordered if s.act == "question" and s.position > q.position), None)
    commitments = [
        s for s in ordered
        if s.act == "commitment" and (
            s.answers_id == q.id
            or (s.answers_id is None and s.position > q.position and (next_q is None or s.position < next_q))
        )
    ]
    return QuestionEntry(
        statement_id=q.id, text=q.text, asked_by=q.speaker, asked_by_kind=q.speaker_kind, section=q.section,
        concerns=q.concerns,
        answers=tuple(
            Answer(statement_id=a.id, speaker=a.speaker, speaker_kind=a.speaker_kind,
                   speaker_title=(persons[a.speaker_id].title if a.speaker_id in persons else None),
                   text=a.text, gist=gist(a.text), citation=Citation.of(a))
            for a in answers
        ),
        follow_ups=tuple(_follow_up(c, ctx, _context(ordered, q, c)) for c in commitments),
        citation=Citation.of(q),
    )


# --------------------------------------------------------------------------- follow-up delivery

_PROMISE = re.compile(
    r"\b(?:undert(?:ook|akes?)|agreed|agrees|promised|promises|committed|offered|offers|would|will|to)\s+"
    r"(?:to\s+)?(?:(?:kindly|also|personally)\s+)?"
    r"(?:circulate|provide|share|send|supply|forward|distribute|publish|produce|prepare|bring|report\s+back"
    r"(?:\s+on)?|look\s+into|investigate|confirm|arrange|update|write\s+to|give|present|obtain|find\s+out|"
    r"follow\s+up(?:\s+with\s+(?:members|councillors|the\s+committee))?)\b",
    re.IGNORECASE,
)
_DELIVERED = re.compile(
    r"\b(circulated|provided|shared|delivered|sent|supplied|distributed|published|received|forwarded|"
    r"reported\s+back|made\s+available|written\s+to|wrote\s+to)\b",
    re.IGNORECASE,
)
# Minutes open the report of a delivered promise with "Further to the previous meeting / the
# request made at the meeting in June, ...": that phrase marks delivery even without a verb.
_FURTHER_TO = re.compile(r"\bfurther\s+to\s+(?:the|a|our)\s+(?:previous|last|request|meeting|question|undertaking)\b",
                         re.IGNORECASE)
# Promises are reported back to the committee that heard them, usually within a year or two; a
# committee meeting six times a year reaches 12 meetings in two years.
DELIVERY_HORIZON = 12
# A promise with fewer own key words ("undertook to provide the briefing note") is matched with
# the key words of the request or question it answers.
MIN_OWN_KEY_WORDS = 3
_NOT_YET = re.compile(
    r"\b(?:will|would|to|not|yet|undertook|agreed|promised|shall|should|could|can|must|awaiting)\s+"
    r"(?:(?:be|been|have|has|yet|now)\s+){0,3}$",
    re.IGNORECASE,
)
def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = word_set("""
a an and any are as at be been being by can could did do does for from had has have he her his i in into is it
its of on onto or our over she so some such than that the their them then there these they this those to under
up upon us was we were what when where which while who whom why will with within would you your also about
after before all more most further other same each both very just only again once here how not no nor own too
out off
""")
_GENERIC = word_set("""
member members committee committees councillor councillors cllr officer officers meeting meetings next future
possible details detail information info update updates item items date dates week weeks month months course
due soon time note noted matter matters issue issues request requested circulate provide share send supply
forward distribute publish produce prepare bring report back look investigate confirm arrange write give
present obtain find undertook agreed promised committed offered copy copies written response note briefing
figure figures circulation democratic services service asked ask queried sought clarification whether cabinet
portfolio holder chair chairman vice-chair director
""")


def _stem(word: str) -> str:
    w = word.lower().strip("'")
    w = w.removesuffix("'s")
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)] + repl
    return w


def object_key_words(text: str, limit: int = 6) -> tuple[str, ...]:
    """Content words of what was promised: the words after the promise verb, stemmed, de-duplicated."""
    m = _PROMISE.search(text)
    tail = text[m.end():] if m else text
    # The object ends at the first clause break after it ("... by locality, which would ...").
    tail = re.split(r"[.;]|\bwhich\b|\bonce\b|\bby the next\b|\bbefore the next\b|\bin time for\b", tail,
                    maxsplit=1, flags=re.IGNORECASE)[0]
    out: list[str] = []
    for word in re.findall(r"[A-Za-z][A-Za-z'-]+", tail):
        stem = _stem(word)
        if stem in _STOP or stem in _GENERIC or word.lower() in _GENERIC or len(stem) < 3 or stem in out:
            continue
        out.append(stem)
    return tuple(out[:limit])


def says_delivered(text: str) -> bool:
    """Past-tense "was circulated / had been provided / shared ..." not preceded by will/to/not/yet."""
    for m in _DELIVERED.finditer(text):
        if not _NOT_YET.search(text[max(0, m.start() - 40):m.start()]):
            return True
    return bool(_FURTHER_TO.search(text))


def delivery_matches(key_words: Sequence[str], text: str) -> bool:
    if not key_words or not says_delivered(text):
        return False
    words = {_stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'-]+", text)}
    shared = sum(1 for k in key_words if k in words)
    needed = max(min(2, len(key_words)), math.ceil(len(key_words) / 2))
    return shared >= needed


def _context(ordered: list[StatementRow], q: StatementRow, c: StatementRow) -> StatementRow:
    """What a vague promise refers to: the latest request or question from `q` up to commitment `c`."""
    asked = [s for s in ordered if q.position <= s.position < c.position and s.act in ("request", "question")]
    return asked[-1] if asked else q


def own_key_words(row: StatementRow, limit: int = 6) -> tuple[str, ...]:
    """Key words of a statement without its speaker's name ("Kofi Mensah offered to ...")."""
    names = {_stem(w.lower()) for w in re.findall(r"[A-Za-z][A-Za-z'-]+", row.speaker or "")}
    return tuple(k for k in object_key_words(row.text, limit=limit + len(names)) if k not in names)[:limit]


def _follow_up(c: StatementRow, ctx: SummaryContext, context: StatementRow | None = None) -> FollowUp:
    keys = own_key_words(c)
    if len(keys) < MIN_OWN_KEY_WORDS and context is not None:
        keys = tuple(dict.fromkeys(keys + own_key_words(context)))
    if c.id not in ctx.deliveries:
        ctx.deliveries[c.id] = find_delivery(ctx, c, keys)
    evidence = ctx.deliveries[c.id]
    return FollowUp(statement_id=c.id, text=c.text, speaker=c.speaker, speaker_kind=c.speaker_kind,
                    status="delivered" if evidence else "open", citation=Citation.of(c), key_words=keys,
                    delivered_by=evidence)


def find_delivery(ctx: SummaryContext, commitment: StatementRow, keys: Sequence[str] | None = None,
                  horizon: int = DELIVERY_HORIZON) -> Evidence | None:
    """The first statement, at one of the next `horizon` meetings of the same committee, showing
    `commitment` delivered (see the module docstring for the rule)."""
    keys = tuple(keys if keys is not None else object_key_words(commitment.text))
    if not keys:
        return None
    for meeting in ctx.later_meetings(commitment.meeting_id, horizon):
        for s in ctx.meeting_statements(meeting.id):
            if s.act != "question" and delivery_matches(keys, s.text):
                return Evidence(statement_id=s.id, text=s.text, speaker=s.speaker, speaker_kind=s.speaker_kind,
                                citation=Citation.of(s))
    return None


# --------------------------------------------------------------------------- renderers


def questions_to_json(summary: QuestionSummary) -> dict[str, Any]:
    def cite(c: Citation) -> dict[str, Any]:
        return c.to_dict()

    return {
        "title": summary.title,
        "member": summary.member,
        "meeting_id": summary.meeting_id,
        "committee": summary.committee,
        "since": fmt_iso(summary.since),
        "until": fmt_iso(summary.until),
        "matched_speakers": list(summary.matched_speakers),
        "counts": {
            "meetings": len(summary.meetings),
            "questions": len(summary.questions),
            "answered": summary.answered_count,
            "follow_ups": len(summary.follow_ups),
            "open_follow_ups": len(summary.open_follow_ups),
        },
        "concerns": [{"concern": c, "questions": n} for c, n in summary.concerns],
        "meetings": [
            {
                "meeting_id": m.meeting_id, "date": fmt_iso(m.date), "committee": m.committee, "council": m.council,
                "source_url": m.source_url,
                "sections": [
                    {
                        "title": s.title, "is_section": s.is_section,
                        "questions": [
                            {
                                "statement_id": q.statement_id, "text": q.text, "asked_by": q.asked_by,
                                "asked_by_kind": q.asked_by_kind, "section": q.section,
                                "concerns": list(q.concerns),
                                "answers": [
                                    {"statement_id": a.statement_id, "speaker": a.speaker,
                                     "speaker_kind": a.speaker_kind, "speaker_title": a.speaker_title,
                                     "gist": a.gist, "text": a.text, "citation": cite(a.citation)}
                                    for a in q.answers
                                ],
                                "follow_ups": [
                                    {"statement_id": f.statement_id, "text": f.text, "speaker": f.speaker,
                                     "status": f.status, "key_words": list(f.key_words),
                                     "citation": cite(f.citation),
                                     "delivered_by": None if not f.delivered_by else {
                                         "statement_id": f.delivered_by.statement_id,
                                         "text": f.delivered_by.text, "speaker": f.delivered_by.speaker,
                                         "citation": cite(f.delivered_by.citation)}}
                                    for f in q.follow_ups
                                ],
                                "citation": cite(q.citation),
                            }
                            for q in s.questions
                        ],
                    }
                    for s in m.sections
                ],
            }
            for m in summary.meetings
        ],
    }


def _md_link(label: str, url: str | None) -> str:
    if not url:
        return md_escape(label) + " (no source link recorded)"
    if not safe_href(url):  # e.g. a crafted javascript: URL: cite it as text, never as a link
        return f"{md_escape(label)} ({md_escape(url)})"
    return f"[{md_escape(label)}](<{url.replace('>', '%3E').replace(' ', '%20')}>)"


def _answerer(a: Answer) -> str:
    who = a.speaker or "Unattributed"
    if a.speaker_title and a.speaker_title.lower() not in who.lower():
        who += f", {a.speaker_title}"
    return who + (f" ({a.speaker_kind.replace('_', ' ')})" if a.speaker_kind != "unknown" else "")


def render_questions_markdown(summary: QuestionSummary) -> str:
    qs = summary.questions
    lines = [f"# {md_escape(summary.title)}", ""]
    lines.append(
        f"{len(qs)} question{'s' if len(qs) != 1 else ''} at {len(summary.meetings)} meeting"
        f"{'s' if len(summary.meetings) != 1 else ''}; {summary.answered_count} with a recorded answer; "
        f"{len(summary.follow_ups)} follow-up{'s' if len(summary.follow_ups) != 1 else ''} promised, "
        f"{len(summary.open_follow_ups)} open."
    )
    if summary.concerns:
        lines.append("Concerns raised: " + ", ".join(f"{md_escape(c)} ({n})" for c, n in summary.concerns) + ".")
    if len(summary.matched_speakers) > 1:
        lines.append("Speaker names matched: " + "; ".join(md_escape(n) for n in summary.matched_speakers) + ".")
    if not qs:
        lines += ["", "No questions are recorded for this selection."]
    n = 0
    for m in summary.meetings:
        lines += ["", f"## {fmt_date(m.date)} — {md_escape(m.committee)} ({md_escape(m.council)})", ""]
        lines.append("Meeting: " + _md_link("meeting page on the council website", m.source_url))
        for s in m.sections:
            lines += ["", f"### {md_escape(s.title)}"]
            for q in s.questions:
                n += 1
                lines += ["", f"**Q{n}. {md_escape(speaker_label(q.asked_by, q.asked_by_kind))}:** {md_escape(q.text)}", ""]
                if q.concerns:
                    lines.append(f"- Concerns: {', '.join(md_escape(c) for c in q.concerns)}")
                if q.answers:
                    for a in q.answers:
                        where = "" if a.citation.link == q.citation.link else \
                            f" ({_md_link(a.citation.text(), a.citation.link)})"
                        lines.append(f"- Answer — {md_escape(_answerer(a))}: {md_escape(a.gist)}{where}")
                else:
                    lines.append("- Answer: none recorded in the minutes")
                for f in q.follow_ups:
                    if f.delivered_by:
                        ev = f.delivered_by
                        lines.append(
                            f"- Follow-up (delivered {fmt_date(ev.citation.meeting_date)}): {md_escape(f.text)}"
                            f" — evidence: “{md_escape(gist(ev.text))}” "
                            f"({_md_link(ev.citation.text(), ev.citation.link)})")
                    else:
                        lines.append(f"- Follow-up (open): {md_escape(f.text)}")
                lines.append(f"- Source: {_md_link(q.citation.text(), q.citation.link)}")
    return "\n".join(lines).rstrip() + "\n"


def render_questions_html(summary: QuestionSummary) -> str:
    """A standalone HTML page (styles inline, no external resources); all source text escaped."""
    from minutes_miner.report.site import render_template

    return render_template("questions.html", summary=summary, standalone=True, root="")


def render_questions(summary: QuestionSummary, fmt: str = "md") -> str | bytes:
    """Render as md | html | json (str) or docx (bytes of a Word document)."""
    name = check_format(fmt, FORMATS)
    if name == "md":
        return render_questions_markdown(summary)
    if name == "html":
        return render_questions_html(summary)
    if name == "docx":
        from minutes_miner.outputs.docx_render import render_questions_docx

        return render_questions_docx(summary)
    return to_json(questions_to_json(summary))
