"""What a source plugin provides. ModernGov is the first source, not a special case."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from minutes_miner.fetch import Fetcher
from minutes_miner.models import Council, ParsedMeeting, Person


@dataclass(frozen=True)
class CrawlOptions:
    committees: tuple[str, ...] = ()  # names (case-insensitive substring) or IDs; empty = all
    since: date | None = None
    until: date | None = None
    documents: bool = True
    refresh: bool = False


@dataclass(frozen=True)
class SourceFailure:
    """A page that could not be fetched or parsed; the crawl records it and goes on."""

    url: str
    stage: str
    reason: str


@dataclass
class CrawlPlan:
    """What discovery found, for progress reporting."""

    committees: list = field(default_factory=list)
    meetings_total: int = 0
    resumed: int = 0  # meetings an interrupted run of the same crawl already stored


class Source(Protocol):
    name: str

    def __init__(self, fetcher: Fetcher, base_url: str) -> None: ...

    def council(self) -> Council: ...

    def roster(self) -> list[Person]: ...

    def meetings(self, options: CrawlOptions, plan: CrawlPlan,
                 done: frozenset[str] = frozenset()) -> Iterator[ParsedMeeting | SourceFailure]: ...
