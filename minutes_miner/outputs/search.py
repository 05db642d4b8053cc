"""Discussion search: ranked, filtered, cited hits over every analysed statement.

Ranking, stemming and query syntax (phrases, prefix*, AND/OR/NOT) come from the store's FTS5
index; this module adds the checks that make an empty result explain itself, and the renderers.
Every rendered hit cites council, committee, meeting date, item, speaker and a source link.
"""
from __future__ import annotations

import re
from typing import Any

from minutes_miner.errors import MinutesMinerError
from minutes_miner.outputs.formats import (
    SNIPPET_MARK,
    Citation,
    check_filter,
    fmt_date,
    highlight,
    item_label,
    snippet_plain,
    speaker_label,
    to_csv,
    to_json,
)
from minutes_miner.store.base import SearchHit, StatementFilter, Store

CSV_FIELDS = (
    "rank", "score", "council", "committee", "meeting_date", "item_number", "item_title", "speaker",
    "speaker_kind", "act", "section", "concerns", "snippet", "text", "link", "statement_id", "meeting_id",
)


# Words joined by hyphens, apostrophes, slashes or dots ("fly-tipping", "children's", "2023/24") are
# FTS5 syntax errors or column filters when bare; outside double quotes they are searched as phrases.
_JOINED_WORD = re.compile(r"[^\s\"()*]+[-'’/.][^\s\"()*]+")


def fts_query(query: str) -> str:
    """`query` with joined words quoted, leaving phrases, prefix*, AND/OR/NOT and brackets alone."""
    parts = re.split(r'("[^"]*")', query)
    return "".join(p if p.startswith('"') else _JOINED_WORD.sub(lambda m: f'"{m.group(0)}"', p) for p in parts)


def search(store: Store, query: str, flt: StatementFilter | None = None, limit: int = 20) -> list[SearchHit]:
    """Best-first hits for `query` within `flt`.

    Raises QueryError for an empty or unparsable query (from the store), EmptyStoreError when nothing
    has been ingested, NotFoundError when a filter names an unknown committee/speaker/indicator/concern.
    An empty list means the data exists but nothing matched.
    """
    flt = flt or StatementFilter()
    hits = store.search(fts_query(query), flt, limit=limit)
    if not hits:
        # Only on the empty path, so a successful search costs one query.
        check_filter(store, flt)
    return hits


def hit_to_dict(hit: SearchHit, rank: int | None = None) -> dict[str, Any]:
    s = hit.statement
    cite = Citation.of(s)
    return {
        "rank": rank,
        "score": round(hit.score, 4),
        "statement_id": s.id,
        "council": s.council,
        "committee": s.committee,
        "meeting_id": s.meeting_id,
        "meeting_date": s.meeting_date.isoformat() if s.meeting_date else None,
        "item_number": s.item_number,
        "item_title": s.item_title,
        "speaker": s.speaker,
        "speaker_kind": s.speaker_kind,
        "act": s.act,
        "section": s.section,
        "concerns": list(s.concerns),
        "answers_id": s.answers_id,
        "snippet": snippet_plain(hit.snippet),
        "snippet_marked": hit.snippet,  # matches wrapped in ** (FTS5 snippet markers)
        "text": s.text,
        "source_url": s.source_url,
        "page": s.page,
        "link": cite.link,
        "citation": cite.text(),
    }


def hits_to_json(hits: list[SearchHit]) -> list[dict[str, Any]]:
    """JSON-ready dicts (dates as ISO strings); `json.dumps` them or use formats.to_json."""
    return [hit_to_dict(h, rank=n) for n, h in enumerate(hits, 1)]


def hits_to_csv(hits: list[SearchHit]) -> str:
    return to_csv(hits_to_json(hits), CSV_FIELDS)


def render_hits_text(hits: list[SearchHit], mark: tuple[str, str] = (SNIPPET_MARK, SNIPPET_MARK),
                     query: str | None = None) -> str:
    """Plain-text listing. `mark` wraps each matched term (the CLI may pass ANSI bold for a terminal)."""
    if not hits:
        return f"No statements match {query!r}." if query else "No statements match."
    lines: list[str] = []
    if query:
        lines.append(f"{len(hits)} statement{'s' if len(hits) != 1 else ''} matching {query!r}:")
        lines.append("")
    width = len(str(len(hits)))
    pad = " " * (width + 2)
    for n, hit in enumerate(hits, 1):
        s = hit.statement
        cite = Citation.of(s)
        lines.append(f"{str(n).rjust(width)}. {fmt_date(s.meeting_date)}  {s.committee}  ({s.council})")
        lines.append(f"{pad}{item_label(s.item_number, s.item_title)}")
        who = f"{speaker_label(s.speaker, s.speaker_kind)} · {s.act}"
        if s.section:
            who += f" · {s.section}"
        if s.concerns:
            who += f" · concerns: {', '.join(s.concerns)}"
        lines.append(f"{pad}{who}")
        lines.append(f"{pad}{highlight(hit.snippet, *mark)}")
        link = cite.link or "(no source link recorded)"
        lines.append(f"{pad}{link}" + (f"  (page {s.page})" if s.page else ""))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_hits(hits: list[SearchHit], fmt: str = "text", query: str | None = None) -> str:
    """Render as text | json | csv."""
    name = (fmt or "").lower()
    if name in ("text", "txt"):
        return render_hits_text(hits, query=query)
    if name == "json":
        return to_json(hits_to_json(hits))
    if name == "csv":
        return hits_to_csv(hits)
    raise MinutesMinerError(f"unknown output format {fmt!r} for search results", hint="use text, json or csv")
