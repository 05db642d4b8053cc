"""The store interface every backend implements, and the read-side row types.

Stages write whole units (a meeting, a meeting's analysis, an indicator report) so a
backend can make each one a single transaction; readers get plain rows with the
context needed to cite a source. Nothing outside `minutes_miner.store` sees SQL.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from minutes_miner.models import (
    AgendaItem,
    Attendance,
    Council,
    Document,
    Indicator,
    IndicatorValue,
    Link,
    ParsedMeeting,
    Person,
    Statement,
)


@dataclass(frozen=True)
class StatementFilter:
    committee: str | None = None  # committee name (case-insensitive substring) or ID
    speaker: str | None = None  # speaker name, key or person ID (case-insensitive substring)
    kind: str | None = None
    act: str | None = None
    concern: str | None = None
    indicator: str | None = None  # indicator ID or name substring: statements linked to it
    since: date | None = None
    until: date | None = None
    meeting_id: str | None = None
    # Exact speakers: person IDs or speaker keys (both indexed), e.g. every statement of one member.
    speaker_ids: tuple[str, ...] = ()
    speaker_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class StatementRow:
    """A statement with everything needed to cite it."""

    id: str
    text: str
    act: str
    speaker: str | None
    speaker_key: str | None
    speaker_kind: str
    speaker_id: str | None
    section: str | None
    concerns: tuple[str, ...]
    answers_id: str | None
    position: int
    item_id: str
    item_number: str | None
    item_title: str | None
    meeting_id: str
    meeting_date: date | None
    committee: str
    council: str
    source_url: str | None
    page: int | None


@dataclass(frozen=True)
class SearchHit:
    statement: StatementRow
    snippet: str
    score: float


@dataclass(frozen=True)
class MeetingRow:
    id: str
    date: date | None
    committee: str
    committee_id: str
    council: str
    council_id: str
    status: str | None
    source_url: str
    minutes_published: bool
    items: int = 0
    statements: int = 0


@dataclass(frozen=True)
class IndicatorRow:
    id: str
    name: str
    section: str | None
    unit: str | None
    ref: str | None
    council: str
    values: tuple[IndicatorValue, ...] = field(default_factory=tuple)
    lower_is_better: bool | None = None
    council_id: str | None = None


@dataclass(frozen=True)
class Failure:
    url: str
    stage: str
    reason: str
    at: str


@dataclass(frozen=True)
class CrawlRun:
    """One crawl of a site; `resumed` when it continues an interrupted run."""

    id: int
    base_url: str
    options: str
    resumed: bool = False


@dataclass(frozen=True)
class FetchRecord:
    """The stored body of a URL, its validators, and the crawl run that last fetched or confirmed it."""

    url: str
    data: bytes
    content_type: str | None
    status: int | None
    etag: str | None = None
    last_modified: str | None = None
    run_id: int | None = None


class Store(Protocol):
    path: str

    # --- writes: each call is one transaction ---
    def save_meeting(self, parsed: ParsedMeeting, documents: Sequence[Document] = (), persons: Sequence[Person] = (),
                     attendance: Sequence[Attendance] = ()) -> None: ...
    def save_analysis(self, meeting_id: str, statements: Sequence[Statement], persons: Sequence[Person] = (),
                      attendance: Sequence[Attendance] = (), items: Sequence[AgendaItem] = (),
                      drop_items: Sequence[str] = ()) -> None: ...
    def set_document_kind(self, document_id: str, kind: str) -> None: ...
    def save_persons(self, council: Council, persons: Sequence[Person]) -> None: ...
    def save_indicators(self, council: Council, indicators: Sequence[Indicator], values: Sequence[IndicatorValue],
                        documents: Sequence[Document] = ()) -> None: ...
    def replace_links(self, links: Sequence[Link]) -> None: ...
    def save_blob(self, url: str, data: bytes, content_type: str | None, status: int) -> str: ...
    def record_failure(self, url: str, stage: str, reason: str) -> None: ...
    def clear_failure(self, url: str, stage: str) -> None: ...

    # --- reads ---
    def blob_for_url(self, url: str) -> tuple[bytes, str | None] | None: ...
    def blob(self, sha256: str) -> bytes | None: ...
    def councils(self) -> list[Council]: ...
    def meetings(self, committee: str | None = None) -> list[MeetingRow]: ...
    def committees(self) -> list[dict]: ...
    def meeting(self, meeting_id: str) -> MeetingRow | None: ...
    def attendees(self, meeting_id: str) -> list[tuple[Person, Attendance]]: ...
    def items(self, meeting_id: str) -> list[dict]: ...
    def documents(self, meeting_id: str | None = None, kind: str | None = None) -> list[Document]: ...
    def persons(self, council_id: str | None = None) -> list[Person]: ...
    def statements(self, flt: StatementFilter = StatementFilter(), limit: int | None = None) -> list[StatementRow]: ...
    def search(self, query: str, flt: StatementFilter = StatementFilter(), limit: int = 20) -> list[SearchHit]: ...
    def indicators(self) -> list[IndicatorRow]: ...
    def links(self, indicator_id: str | None = None) -> list[Link]: ...
    def failures(self) -> list[Failure]: ...
    def stats(self) -> dict[str, int]: ...
    def concern_counts(self) -> list[tuple[str, int, int]]: ...
    def has_rows(self, table: str) -> bool: ...
    def has_concern(self, concern: str) -> bool: ...
    def concern_tallies(self, committee: str | None = None, since: date | None = None,
                        until: date | None = None) -> list[tuple[str, str, str | None, str, int]]: ...
    def concerns_raised_before(self, concerns: Sequence[str], before: date,
                               committee: str | None = None) -> set[str]: ...
    def close(self) -> None: ...

    # --- crawl state (resumable crawls, conditional requests) ---
    def begin_crawl(self, base_url: str, options: str) -> CrawlRun: ...
    def finish_crawl(self, run_id: int) -> None: ...
    def drop_crawl(self, run_id: int) -> None: ...
    def crawl_runs(self) -> list[dict]: ...
    def crawled_meetings(self, run_id: int) -> set[str]: ...
    def save_crawled_meeting(self, run_id: int, parsed: ParsedMeeting, documents: Sequence[Document] = (),
                             persons: Sequence[Person] = (), attendance: Sequence[Attendance] = ()) -> None: ...
    def save_fetch(self, url: str, data: bytes, content_type: str | None, status: int, *, etag: str | None = None,
                   last_modified: str | None = None, run_id: int | None = None) -> str: ...
    def confirm_fetch(self, url: str, run_id: int | None) -> None: ...
    def fetch_record(self, url: str) -> FetchRecord | None: ...
    def mark_crawled(self, run_id: int, meeting_id: str) -> None: ...

    # --- what each stage has processed (incremental re-runs) ---
    def processed(self, stage: str) -> dict[str, tuple[str, str]]: ...
    def mark_processed(self, stage: str, key: str, input_hash: str, version: str) -> None: ...
