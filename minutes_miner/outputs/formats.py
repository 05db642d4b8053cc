"""Helpers shared by every output: citations and links, extractive gists, text/markdown/CSV/JSON
encoding, and the store checks that turn "no results" into an error saying what to do.

Nothing here prints; renderers return strings and the CLI decides where they go.
"""
from __future__ import annotations

import csv
import difflib
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from minutes_miner.errors import EmptyStoreError, MinutesMinerError, NotFoundError
from minutes_miner.models import person_identity
from minutes_miner.store.base import StatementFilter, StatementRow, Store

EMPTY_HINT = "run `minutes-miner crawl URL` or `minutes-miner demo` first"
# FTS5 snippet() markers the SQLite store puts round each matched term.
SNIPPET_MARK = "**"
_SNIPPET_MATCH = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
MEMBER_KINDS = ("member", "chair", "cabinet_member")


# --------------------------------------------------------------------------- citations


def fmt_date(d: date | None) -> str:
    return d.isoformat() if d else "undated"


def source_link(url: str | None, page: int | None = None) -> str | None:
    """The URL to cite: a PDF page gets a `#page=N` fragment (honoured by browsers' PDF viewers)."""
    if not url:
        return None
    if page and "#" not in url:
        return f"{url}#page={page}"
    return url


def item_label(number: str | None, title: str | None) -> str:
    number = (number or "").strip().rstrip(".")
    title = (title or "").strip()
    if number and title:
        return f"Item {number}: {title}"
    if number:
        return f"Item {number}"
    return title or "Untitled item"


def speaker_label(name: str | None, kind: str | None) -> str:
    name = name or "Unattributed"
    return f"{name} ({kind.replace('_', ' ')})" if kind and kind != "unknown" else name


_SAFE_SCHEMES = {"http", "https", ""}


def safe_href(url: str | None) -> str | None:
    """`url` if it is safe to emit as a link (http, https or relative), else None.

    Source URLs come from crawled pages, so a crafted `javascript:` or `data:` URL is cited as text.
    (urlsplit drops tabs/newlines the way browsers do, so "java\tscript:" is caught too.)
    """
    if not url:
        return None
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in _SAFE_SCHEMES else None


@dataclass(frozen=True)
class Citation:
    """Where a statement comes from: enough to put it in front of a committee."""

    council: str
    committee: str
    meeting_id: str
    meeting_date: date | None
    item_number: str | None
    item_title: str | None
    source_url: str | None
    page: int | None = None

    @classmethod
    def of(cls, row: StatementRow) -> Citation:
        return cls(council=row.council, committee=row.committee, meeting_id=row.meeting_id,
                   meeting_date=row.meeting_date, item_number=row.item_number, item_title=row.item_title,
                   source_url=row.source_url, page=row.page)

    @property
    def link(self) -> str | None:
        return source_link(self.source_url, self.page)

    @property
    def item(self) -> str:
        return item_label(self.item_number, self.item_title)

    def text(self) -> str:
        """"Sample Council, Children's Scrutiny Committee, 2024-03-05, Item 5: Performance (page 3)"."""
        parts = [self.council, self.committee, fmt_date(self.meeting_date), self.item]
        out = ", ".join(p for p in parts if p)
        return f"{out} (page {self.page})" if self.page else out

    def to_dict(self) -> dict[str, Any]:
        return {
            "council": self.council, "committee": self.committee, "meeting_id": self.meeting_id,
            "meeting_date": fmt_iso(self.meeting_date), "item_number": self.item_number,
            "item_title": self.item_title, "source_url": self.source_url, "page": self.page, "link": self.link,
        }


def fmt_iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


# --------------------------------------------------------------------------- extractive gists

_ABBREVIATIONS = ("cllr", "dr", "mr", "mrs", "ms", "prof", "st", "no", "e.g", "i.e", "etc", "vs", "approx", "cf")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")


def sentences(text: str) -> list[str]:
    """Split prose into sentences without breaking after "Cllr.", "Dr.", "e.g." and the like."""
    text = re.sub(r"\s+", " ", text or "").strip()
    if not text:
        return []
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start:m.start()].rstrip("\"')]")
        last_word = before.rsplit(" ", 1)[-1].rstrip(".").lower()
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        out.append(text[start:m.start()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def gist(text: str, max_sentences: int = 2, max_chars: int = 360) -> str:
    """The first sentences of `text`, verbatim (extractive), trimmed at a word boundary with "…"."""
    picked = " ".join(sentences(text)[:max_sentences])
    if len(picked) <= max_chars:
        return picked
    cut = picked[:max_chars].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " …"


# --------------------------------------------------------------------------- encodings


def highlight(snippet: str, start: str = SNIPPET_MARK, end: str = SNIPPET_MARK) -> str:
    """Replace the store's `**match**` snippet markers with `start`/`end` (e.g. ANSI bold, «»)."""
    return _SNIPPET_MATCH.sub(lambda m: f"{start}{m.group(1)}{end}", snippet)


def snippet_plain(snippet: str) -> str:
    return highlight(snippet, "", "")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md_escape(text: str | None) -> str:
    """Escape Markdown/HTML syntax in source text so a crafted minutes page cannot inject markup."""
    if not text:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text).strip())


def _csv_cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in source text (a cell starting = + - @ is prefixed with ')."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(rows: Iterable[dict[str, Any]], fieldnames: Sequence[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(fieldnames), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_cell(row.get(k)) for k in fieldnames})
    return buf.getvalue()


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def to_json(data: Any, indent: int | None = 2) -> str:
    return json.dumps(data, indent=indent, ensure_ascii=False, default=_json_default)


def text_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], align_right: Sequence[bool] | None = None) -> str:
    """A plain fixed-width table (no box-drawing characters, so it survives copy-paste into email)."""
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    right = list(align_right or [False] * len(headers))
    lines = []
    for n, r in enumerate(cells):
        lines.append("  ".join(c.rjust(w) if right[i] else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def check_format(fmt: str, allowed: Sequence[str]) -> str:
    """Normalise an output format name ("markdown" -> "md", ".docx" -> "docx") and check it is allowed."""
    name = (fmt or "").strip().lower().lstrip(".")
    name = {"markdown": "md", "htm": "html", "word": "docx"}.get(name, name)
    if name not in allowed:
        raise MinutesMinerError(f"unknown output format {fmt!r}", hint=f"use one of: {', '.join(allowed)}")
    return name


# --------------------------------------------------------------------------- store checks


def close_names(name: str, candidates: Iterable[str], n: int = 5) -> list[str]:
    """Nearest candidates to `name` (difflib), also trying surname-only and substring matches."""
    pool = sorted({c for c in candidates if c})
    lowered = {c.lower(): c for c in pool}
    wanted = name.strip().lower()
    found = [lowered[c] for c in difflib.get_close_matches(wanted, list(lowered), n=n, cutoff=0.5)]
    ident = person_identity(name)
    for c in pool:
        if len(found) >= n:
            break
        other = person_identity(c)
        if c not in found and ident and other and (ident in c.lower() or other in wanted):
            found.append(c)
    return found[:n]


def suggestion_hint(what: str, name: str, candidates: Iterable[str]) -> str:
    near = close_names(name, candidates)
    if near:
        return f"did you mean: {', '.join(near)}?"
    pool = sorted({c for c in candidates if c})
    if pool:
        sample = ", ".join(pool[:8]) + (" …" if len(pool) > 8 else "")
        return f"known {what}s include: {sample}"
    return f"no {what}s are stored yet; {EMPTY_HINT}"


def require_statements(store: Store, what: str = "this") -> None:
    """Raise EmptyStoreError (saying what to run first) when nothing has been ingested/analysed."""
    if store.has_rows("statements"):
        return
    stats = store.stats()
    if stats.get("meetings", 0):
        raise EmptyStoreError(
            f"the database at {store.path} has {stats['meetings']} meeting(s) but no analysed minutes, "
            f"so there is nothing for {what} to use",
            hint=f"the meetings may have no published minutes yet; {EMPTY_HINT}",
        )
    raise EmptyStoreError(f"the database at {store.path} is empty", hint=EMPTY_HINT)


def speaker_names(store: Store) -> list[str]:
    names = {p.name for p in store.persons()}
    if not names:
        names = {r.speaker for r in store.statements(StatementFilter(act="question")) if r.speaker}
    return sorted(names)


def check_committee(store: Store, committee: str | None) -> None:
    """NotFoundError (with near names) when `committee` matches no stored committee by ID or substring."""
    if not committee:
        return
    rows = store.committees()
    wanted = committee.lower()
    if any(c["id"] == committee or wanted in c["name"].lower() for c in rows):
        return
    raise NotFoundError(f"no committee matches {committee!r}",
                        hint=suggestion_hint("committee", committee, [c["name"] for c in rows]))


def check_filter(store: Store, flt: StatementFilter) -> None:
    """Called when a query returned nothing: explain an empty store or an unknown name in the filter."""
    require_statements(store)
    check_committee(store, flt.committee)
    if flt.speaker:
        wanted = flt.speaker.lower()
        names = speaker_names(store)
        persons = store.persons()
        if not any(wanted in n.lower() for n in names) and not any(
                p.id == flt.speaker or (p.key or "") == wanted for p in persons):
            raise NotFoundError(f"no speaker matches {flt.speaker!r}",
                                hint=suggestion_hint("speaker", flt.speaker, names))
    if flt.indicator:
        inds = store.indicators()
        wanted = flt.indicator.lower()
        if not any(i.id == flt.indicator or wanted in i.name.lower() for i in inds):
            raise NotFoundError(f"no indicator matches {flt.indicator!r}",
                                hint=suggestion_hint("indicator", flt.indicator, [i.name for i in inds]))
    if flt.concern and not store.has_concern(flt.concern):
        known = [c for c, _, _ in store.concern_counts()]
        if flt.concern not in known:
            raise NotFoundError(f"no statement is tagged with the concern {flt.concern!r}",
                                hint=suggestion_hint("concern", flt.concern, known))
