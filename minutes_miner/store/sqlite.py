"""SQLite backend: one file, WAL, foreign keys, FTS5, versioned migrations."""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from itertools import chain, pairwise
from pathlib import Path
from typing import Self

from minutes_miner.errors import (
    FTSUnavailableError,
    NotADatabaseError,
    QueryError,
    SchemaTooNewError,
    StoreError,
)
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
    make_id,
)
from minutes_miner.resources import package_data
from minutes_miner.store.base import (
    CrawlRun,
    Failure,
    FetchRecord,
    IndicatorRow,
    MeetingRow,
    SearchHit,
    StatementFilter,
    StatementRow,
)

APP_NAME = "minutes-miner"
_SQLITE_MAGIC = b"SQLite format 3\x00"
ANY_STATEMENT = StatementFilter()  # the default filter: every statement
# More specific kinds win when two sources describe the same person.
_KIND_RANK = {"unknown": 0, "group": 1, "external": 2, "officer": 3, "member": 4, "chair": 5, "cabinet_member": 6}


def migrations() -> list[tuple[int, str]]:
    folder = package_data("store", "migrations")
    found = []
    for path in sorted(folder.glob("[0-9][0-9][0-9]_*.sql")):
        found.append((int(path.name[:3]), path.read_text(encoding="utf-8")))
    return found


SCHEMA_VERSION = migrations()[-1][0]


def probe_fts5() -> None:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE probe USING fts5(x)")
    except sqlite3.OperationalError as exc:
        raise FTSUnavailableError(
            f"this Python's SQLite {sqlite3.sqlite_version} was built without FTS5 ({exc})",
            hint="use a Python whose sqlite3 includes FTS5 (python.org and Debian builds do)",
        ) from exc
    finally:
        conn.close()


def _existing_schema_version(path: Path) -> int | None:
    """Version of an existing minutes-miner database, None for an empty one.

    Opens the file read-only so a foreign file is never modified.
    """
    with path.open("rb") as fh:
        header = fh.read(16)
    if not header:
        return None
    if header != _SQLITE_MAGIC:
        raise NotADatabaseError(
            "not a minutes-miner database (not an SQLite file); it was left untouched",
            where=str(path),
            hint="pass a new path with --db to create a database, or the path of one minutes-miner made",
        )
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return None
        if "meta" not in tables:
            raise NotADatabaseError(
                "an SQLite database, but not one minutes-miner made (no meta table); it was left untouched",
                where=str(path),
                hint="pass a new path with --db",
            )
        meta = dict(conn.execute("SELECT key, value FROM meta"))
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(f"cannot read the database ({exc}); it was left untouched", where=str(path)) from exc
    finally:
        conn.close()
    if meta.get("app") != APP_NAME:
        raise NotADatabaseError(
            f"an SQLite database of another application ({meta.get('app')!r}); it was left untouched",
            where=str(path),
            hint="pass a new path with --db",
        )
    version = int(meta.get("schema_version", "0"))
    if version > SCHEMA_VERSION:
        raise SchemaTooNewError(
            f"database schema version {version} is newer than this minutes-miner understands ({SCHEMA_VERSION}); "
            "it was left untouched",
            where=str(path),
            hint="upgrade minutes-miner (pip install -U minutes-miner) to read it",
        )
    return version


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _period_tokens(since: date | None, until: date | None, most: int = 48) -> list[str] | None:
    """Facet tokens covering since..until: whole years as xyYYYY, other months as xdYYYYMM; None
    (no narrowing) for an open-ended or very long window."""
    if since is None or until is None or since > until:
        return None
    tokens, year, month = [], since.year, since.month
    while (year, month) <= (until.year, until.month):
        whole_year = month == 1 and (year < until.year or until.month == 12)
        if whole_year:
            tokens.append(f"xy{year}")
            year += 1
        else:
            tokens.append(f"xd{year}{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        if len(tokens) > most:
            return None
    return tokens


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class SQLiteStore:
    # Ranking cost grows with the number of matches (BM25 scores every one); on an archive this
    # large, a broad query's ranking is split into rowid ranges scored at once on reader connections.
    parallel_search_rows = 100_000
    search_threads = min(2, _cpus())

    def __init__(self, path: str | Path):
        probe_fts5()
        self.path = str(path)
        self._readers: list[sqlite3.Connection] = []
        self._search_pool: ThreadPoolExecutor | None = None
        file = Path(path)
        version = _existing_schema_version(file) if file.exists() else None
        file.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database ({exc})", where=self.path, hint="check the path and permissions") from exc
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA busy_timeout=10000")
        # Ranking touches every full-text match: a 64 MiB page cache and memory-mapped reads keep
        # those lookups off the file system on large archives (both are per-connection, not stored).
        self._conn.execute("PRAGMA cache_size=-65536")
        self._conn.execute("PRAGMA mmap_size=1073741824")
        self._migrate(version or 0)

    # ------------------------------------------------------------------ plumbing
    def _migrate(self, current: int) -> None:
        for number, sql in migrations():
            if number <= current:
                continue
            stamp = (
                f"INSERT INTO meta(key, value) VALUES ('app', '{APP_NAME}') ON CONFLICT(key) DO NOTHING;"
                f"INSERT INTO meta(key, value) VALUES ('schema_version', '{number}')"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value;"
            )
            try:
                self._conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\n{stamp}\nCOMMIT;")
            except sqlite3.Error as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise StoreError(f"migration {number:03d} failed ({exc})", where=self.path) from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")

    def close(self) -> None:
        if self._search_pool is not None:
            self._search_pool.shutdown(wait=True)
            self._search_pool = None
        for reader in self._readers:
            reader.close()
        self._readers.clear()
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])

    # ------------------------------------------------------------------ writes
    @staticmethod
    def _upsert(conn: sqlite3.Connection, table: str, row: dict, key: str = "id") -> None:
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        updates = ", ".join(f"{c} = excluded.{c}" for c in row if c != key)
        conn.execute(
            f"INSERT INTO {table} ({cols}) VALUES ({marks}) ON CONFLICT({key}) DO UPDATE SET {updates}",
            tuple(row.values()),
        )

    def _put_council(self, conn: sqlite3.Connection, council: Council) -> None:
        self._upsert(conn, "councils", {"id": council.id, "name": council.name, "base_url": council.base_url})

    def _put_persons(self, conn: sqlite3.Connection, persons: Sequence[Person]) -> None:
        for p in persons:
            old = conn.execute("SELECT * FROM persons WHERE id = ?", (p.id,)).fetchone()
            kind = p.kind
            if old and _KIND_RANK.get(old["kind"], 0) > _KIND_RANK.get(p.kind, 0):
                kind = old["kind"]
            # The longer name is the more complete one ("Councillor Mary Patel" over "Councillor Patel").
            name = p.name if not old or len(p.name) >= len(old["name"]) else old["name"]
            row = {
                "id": p.id, "council_id": p.council_id, "name": name, "kind": kind,
                "key": p.key or (old["key"] if old else None),
                "title": p.title or (old["title"] if old else None),
                "party": p.party or (old["party"] if old else None),
                "ward": p.ward or (old["ward"] if old else None),
                "external_id": p.external_id or (old["external_id"] if old else None),
            }
            self._upsert(conn, "persons", row)

    def _put_documents(self, conn: sqlite3.Connection, documents: Sequence[Document]) -> None:
        for d in documents:
            # A kind read from the document's content (a performance report, a questions paper whose
            # link title says neither) outlives a re-crawl that finds the same content under a plain link.
            conn.execute(
                "INSERT INTO documents (id, url, title, meeting_id, item_id, sha256, content_type, size, kind) "
                "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET url = excluded.url, title = excluded.title, "
                "meeting_id = excluded.meeting_id, item_id = excluded.item_id, sha256 = excluded.sha256, "
                "content_type = excluded.content_type, size = excluded.size, kind = CASE WHEN excluded.kind = 'report' "
                "AND documents.sha256 IS excluded.sha256 THEN documents.kind ELSE excluded.kind END",
                (d.id, d.url, d.title, d.meeting_id, d.item_id, d.sha256, d.content_type, d.size, d.kind),
            )

    def set_document_kind(self, document_id: str, kind: str) -> None:
        """What a document is, as its content shows (`pdf.classify`)."""
        with self._transaction() as conn:
            conn.execute("UPDATE documents SET kind = ? WHERE id = ?", (kind, document_id))

    def save_meeting(self, parsed: ParsedMeeting, documents: Sequence[Document] = (), persons: Sequence[Person] = (),
                     attendance: Sequence[Attendance] = ()) -> None:
        with self._transaction() as conn:
            self._put_meeting(conn, parsed, documents, persons, attendance)

    def _put_meeting(self, conn: sqlite3.Connection, parsed: ParsedMeeting, documents: Sequence[Document],
                     persons: Sequence[Person], attendance: Sequence[Attendance]) -> None:
        c, m = parsed.committee, parsed.meeting
        self._put_council(conn, parsed.council)
        self._upsert(conn, "committees", {
            "id": c.id, "council_id": c.council_id, "name": c.name, "external_id": c.external_id,
            "source_url": c.source_url, "category": c.category,
        })
        self._upsert(conn, "meetings", {
            "id": m.id, "committee_id": m.committee_id, "date": _iso(m.date), "time": m.time, "venue": m.venue,
            "status": m.status, "external_id": m.external_id, "source_url": m.source_url,
            "minutes_published": int(m.minutes_published),
        })
        keep = [i.id for i in parsed.items]
        conn.execute(
            f"DELETE FROM items WHERE meeting_id = ? AND id NOT IN ({', '.join('?' for _ in keep)})",
            (m.id, *keep),
        )
        for item in parsed.items:
            self._put_item(conn, item)
        self._put_documents(conn, documents)
        self._put_persons(conn, persons)
        for a in attendance:
            self._upsert_attendance(conn, a)

    def _put_item(self, conn: sqlite3.Connection, item: AgendaItem) -> None:
        self._upsert(conn, "items", {
            "id": item.id, "meeting_id": item.meeting_id, "position": item.position, "number": item.number,
            "title": item.title, "agenda_text": item.agenda_text, "minutes_text": item.minutes_text,
            "source_url": item.source_url, "external_id": item.external_id,
        })

    @staticmethod
    def _upsert_attendance(conn: sqlite3.Connection, a: Attendance) -> None:
        conn.execute(
            "INSERT INTO attendance (meeting_id, person_id, role, status) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(meeting_id, person_id) DO UPDATE SET role = COALESCE(excluded.role, attendance.role), "
            "status = excluded.status",
            (a.meeting_id, a.person_id, a.role, a.status),
        )

    def save_analysis(self, meeting_id: str, statements: Sequence[Statement], persons: Sequence[Person] = (),
                      attendance: Sequence[Attendance] = (), items: Sequence[AgendaItem] = (),
                      drop_items: Sequence[str] = ()) -> None:
        """A meeting's statements (replacing those stored), with the items the analysis read from
        PDFs (`items`) and those it no longer finds there (`drop_items`, deleted)."""
        with self._transaction() as conn:
            conn.executemany("DELETE FROM items WHERE id = ? AND meeting_id = ?", [(i, meeting_id) for i in drop_items])
            for item in items:
                self._put_item(conn, item)
            conn.execute(
                "DELETE FROM statements WHERE item_id IN (SELECT id FROM items WHERE meeting_id = ?)", (meeting_id,)
            )
            self._put_persons(conn, persons)
            for a in attendance:
                self._upsert_attendance(conn, a)
            for s in statements:
                answers_id = make_id("statement", s.item_id, s.answers_position) if s.answers_position is not None else None
                conn.execute(
                    "INSERT INTO statements (id, item_id, position, text, act, speaker_id, speaker, speaker_key, "
                    "speaker_kind, answers_id, section, source_url, page) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (s.id, s.item_id, s.position, s.text, s.act, s.speaker_id, s.speaker, s.speaker_key,
                     s.speaker_kind, answers_id, s.section, s.source_url, s.page),
                )
                conn.executemany(
                    "INSERT OR IGNORE INTO statement_concerns (statement_id, concern) VALUES (?, ?)",
                    [(s.id, c) for c in s.concerns],
                )

    def save_persons(self, council: Council, persons: Sequence[Person]) -> None:
        with self._transaction() as conn:
            self._put_council(conn, council)
            self._put_persons(conn, persons)

    def save_indicators(self, council: Council, indicators: Sequence[Indicator], values: Sequence[IndicatorValue],
                        documents: Sequence[Document] = ()) -> None:
        with self._transaction() as conn:
            self._put_council(conn, council)
            self._put_documents(conn, documents)
            for ind in indicators:
                self._upsert(conn, "indicators", {
                    "id": ind.id, "council_id": ind.council_id, "name": ind.name, "section": ind.section,
                    "unit": ind.unit, "ref": ind.ref,
                    "lower_is_better": None if ind.lower_is_better is None else int(ind.lower_is_better),
                })
            for v in values:
                self._upsert(conn, "indicator_values", {
                    "id": v.id, "indicator_id": v.indicator_id, "period": v.period, "period_end": _iso(v.period_end),
                    "value": v.value, "target": v.target, "floor": v.floor, "rag": v.rag,
                    "previous_rag": v.previous_rag, "direction": v.direction, "document_id": v.document_id,
                    "page": v.page,
                })

    def replace_links(self, links: Sequence[Link]) -> None:
        """Make `links` the stored set. Only links that appear or disappear touch the rows (each
        re-indexes its statement's search facets), so re-linking an archive rewrites what changed."""
        wanted = {(l.statement_id, l.indicator_id): (l.method, l.score) for l in links}
        with self._transaction() as conn:
            stored = {(r[0], r[1]): (r[2], r[3]) for r in conn.execute(
                "SELECT statement_id, indicator_id, method, score FROM links")}
            conn.executemany("DELETE FROM links WHERE statement_id = ? AND indicator_id = ?",
                             [key for key in stored if key not in wanted])
            conn.executemany(
                "INSERT INTO links (statement_id, indicator_id, method, score) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(statement_id, indicator_id) DO UPDATE SET method = excluded.method, score = excluded.score",
                [(*key, *value) for key, value in wanted.items() if stored.get(key) != value],
            )

    def save_blob(self, url: str, data: bytes, content_type: str | None, status: int) -> str:
        return self.save_fetch(url, data, content_type, status)

    def record_failure(self, url: str, stage: str, reason: str) -> None:
        with self._transaction() as conn:
            self._upsert(conn, "failures", {"url": url, "stage": stage, "reason": reason, "at": _now()}, key="url, stage")

    def clear_failure(self, url: str, stage: str) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM failures WHERE url = ? AND stage = ?", (url, stage))

    # ------------------------------------------------------------------ reads
    def blob_for_url(self, url: str) -> tuple[bytes, str | None] | None:
        record = self.fetch_record(url)
        return (record.data, record.content_type) if record else None

    def blob(self, sha256: str) -> bytes | None:
        row = self._conn.execute("SELECT data FROM blobs WHERE sha256 = ?", (sha256,)).fetchone()
        return bytes(row[0]) if row else None

    def councils(self) -> list[Council]:
        return [Council(name=r["name"], base_url=r["base_url"], id=r["id"])
                for r in self._conn.execute("SELECT * FROM councils ORDER BY name")]

    def meetings(self, committee: str | None = None) -> list[MeetingRow]:
        if not committee:
            return self._meeting_rows("", [])
        return self._meeting_rows(" WHERE (c.id = ? OR lower(c.name) LIKE ?)", [committee, f"%{committee.lower()}%"])

    def meeting(self, meeting_id: str) -> MeetingRow | None:
        rows = self._meeting_rows(" WHERE m.id = ?", [meeting_id])
        return rows[0] if rows else None

    def _meeting_rows(self, where: str, params: list) -> list[MeetingRow]:
        sql = (
            "SELECT m.*, c.name AS committee, co.name AS council, co.id AS council_id, "
            "(SELECT COUNT(*) FROM items i WHERE i.meeting_id = m.id) AS n_items, "
            "(SELECT COUNT(*) FROM statements s JOIN items i ON i.id = s.item_id WHERE i.meeting_id = m.id) AS n_statements "
            "FROM meetings m JOIN committees c ON c.id = m.committee_id JOIN councils co ON co.id = c.council_id"
            + where + " ORDER BY m.date, c.name"
        )
        return [
            MeetingRow(id=r["id"], date=_date(r["date"]), committee=r["committee"], committee_id=r["committee_id"],
                       council=r["council"], council_id=r["council_id"], status=r["status"],
                       source_url=r["source_url"], minutes_published=bool(r["minutes_published"]),
                       items=r["n_items"], statements=r["n_statements"])
            for r in self._conn.execute(sql, params)
        ]

    def committees(self) -> list[dict]:
        return [dict(r) for r in self._conn.execute(
            "SELECT c.id, c.name, co.name AS council, COUNT(m.id) AS meetings FROM committees c "
            "JOIN councils co ON co.id = c.council_id LEFT JOIN meetings m ON m.committee_id = c.id "
            "GROUP BY c.id ORDER BY c.name")]

    def attendees(self, meeting_id: str) -> list[tuple[Person, Attendance]]:
        rows = self._conn.execute(
            "SELECT p.*, a.role, a.status FROM attendance a JOIN persons p ON p.id = a.person_id "
            "WHERE a.meeting_id = ? ORDER BY p.kind, p.name", (meeting_id,))
        return [(Person(council_id=r["council_id"], name=r["name"], kind=r["kind"], key=r["key"], title=r["title"],
                        party=r["party"], ward=r["ward"], external_id=r["external_id"], id=r["id"]),
                 Attendance(meeting_id=meeting_id, person_id=r["id"], role=r["role"], status=r["status"]))
                for r in rows]

    def items(self, meeting_id: str) -> list[dict]:
        return [dict(r) for r in self._conn.execute(
            "SELECT id, meeting_id, position, number, title, agenda_text, minutes_text, source_url, external_id "
            "FROM items WHERE meeting_id = ? ORDER BY position", (meeting_id,))]

    def documents(self, meeting_id: str | None = None, kind: str | None = None) -> list[Document]:
        sql, params = "SELECT * FROM documents WHERE 1=1", []
        if meeting_id:
            sql += " AND meeting_id = ?"
            params.append(meeting_id)
        if kind:
            sql += " AND kind = ?"
            params.append(kind)
        return [Document(url=r["url"], title=r["title"], meeting_id=r["meeting_id"], item_id=r["item_id"],
                         sha256=r["sha256"], content_type=r["content_type"], size=r["size"], kind=r["kind"], id=r["id"])
                for r in self._conn.execute(sql + " ORDER BY url", params)]

    def persons(self, council_id: str | None = None) -> list[Person]:
        sql, params = "SELECT * FROM persons", []
        if council_id:
            sql += " WHERE council_id = ?"
            params.append(council_id)
        return [Person(council_id=r["council_id"], name=r["name"], kind=r["kind"], key=r["key"], title=r["title"],
                       party=r["party"], ward=r["ward"], external_id=r["external_id"], id=r["id"])
                for r in self._conn.execute(sql + " ORDER BY name", params)]

    _STATEMENT_SELECT = (
        "SELECT s.id, s.text, s.act, s.speaker, s.speaker_key, s.speaker_kind, s.speaker_id, s.section, s.answers_id, "
        "s.position, s.item_id, s.source_url, s.page, i.number AS item_number, i.title AS item_title, "
        "m.id AS meeting_id, m.date AS meeting_date, c.name AS committee, co.name AS council, "
        "(SELECT group_concat(concern, '|') FROM statement_concerns sc WHERE sc.statement_id = s.id) AS concerns "
    )
    _STATEMENT_JOINS = (
        "JOIN items i ON i.id = s.item_id JOIN meetings m ON m.id = i.meeting_id "
        "JOIN committees c ON c.id = m.committee_id JOIN councils co ON co.id = c.council_id "
    )

    @staticmethod
    def _filter_sql(flt: StatementFilter) -> tuple[str, list]:
        clauses, params = [], []
        if flt.committee:
            clauses.append("(c.id = ? OR lower(c.name) LIKE ?)")
            params += [flt.committee, f"%{flt.committee.lower()}%"]
        if flt.speaker:
            clauses.append("(s.speaker_id = ? OR lower(s.speaker) LIKE ? OR s.speaker_key = ?)")
            params += [flt.speaker, f"%{flt.speaker.lower()}%", flt.speaker.lower()]
        if flt.kind:
            clauses.append("s.speaker_kind = ?")
            params.append(flt.kind)
        if flt.act:
            clauses.append("s.act = ?")
            params.append(flt.act)
        if flt.concern:
            clauses.append("EXISTS (SELECT 1 FROM statement_concerns sc WHERE sc.statement_id = s.id AND sc.concern = ?)")
            params.append(flt.concern)
        if flt.indicator:
            clauses.append(
                "EXISTS (SELECT 1 FROM links l JOIN indicators ind ON ind.id = l.indicator_id "
                "WHERE l.statement_id = s.id AND (ind.id = ? OR lower(ind.name) LIKE ?))"
            )
            params += [flt.indicator, f"%{flt.indicator.lower()}%"]
        if flt.since:
            clauses.append("m.date >= ?")
            params.append(flt.since.isoformat())
        if flt.until:
            clauses.append("m.date <= ?")
            params.append(flt.until.isoformat())
        if flt.meeting_id:
            clauses.append("m.id = ?")
            params.append(flt.meeting_id)
        if flt.speaker_ids or flt.speaker_keys:
            exact = []
            if flt.speaker_ids:
                exact.append(f"s.speaker_id IN ({', '.join('?' for _ in flt.speaker_ids)})")
                params += list(flt.speaker_ids)
            if flt.speaker_keys:
                exact.append(f"s.speaker_key IN ({', '.join('?' for _ in flt.speaker_keys)})")
                params += list(flt.speaker_keys)
            clauses.append("(" + " OR ".join(exact) + ")")
        return (" AND " + " AND ".join(clauses)) if clauses else "", params

    @staticmethod
    def _statement_row(r: sqlite3.Row) -> StatementRow:
        return StatementRow(
            id=r["id"], text=r["text"], act=r["act"], speaker=r["speaker"], speaker_key=r["speaker_key"],
            speaker_kind=r["speaker_kind"], speaker_id=r["speaker_id"], section=r["section"],
            concerns=tuple(sorted(r["concerns"].split("|"))) if r["concerns"] else (), answers_id=r["answers_id"],
            position=r["position"], item_id=r["item_id"], item_number=r["item_number"], item_title=r["item_title"],
            meeting_id=r["meeting_id"], meeting_date=_date(r["meeting_date"]), committee=r["committee"],
            council=r["council"], source_url=r["source_url"], page=r["page"],
        )

    def statements(self, flt: StatementFilter = ANY_STATEMENT, limit: int | None = None) -> list[StatementRow]:
        where, params = self._filter_sql(flt)
        sql = (self._STATEMENT_SELECT + "FROM statements s " + self._STATEMENT_JOINS + "WHERE 1=1" + where
               + " ORDER BY m.date, c.name, i.position, s.position")
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [self._statement_row(r) for r in self._conn.execute(sql, params)]

    @staticmethod
    def _ranking_joins(flt: StatementFilter) -> str:
        """The joins the filters of `flt` need (ranking touches every match, so no more than that).

        A committee name is resolved to committee IDs first, so ranking never joins committees.
        """
        joins = ""
        if any((flt.speaker, flt.kind, flt.act, flt.concern, flt.indicator, flt.committee, flt.since, flt.until,
                flt.meeting_id, flt.speaker_ids, flt.speaker_keys)):
            joins += "JOIN statements s ON s.seq = statements_fts.rowid "
        if flt.committee or flt.since or flt.until or flt.meeting_id:
            joins += "JOIN items i ON i.id = s.item_id JOIN meetings m ON m.id = i.meeting_id "
        return joins

    def _committee_ids(self, committee: str) -> list[str]:
        return [r[0] for r in self._conn.execute(
            "SELECT id FROM committees WHERE id = ? OR lower(name) LIKE ?", (committee, f"%{committee.lower()}%"))]

    def _facet_terms(self, flt: StatementFilter) -> tuple[list[str], StatementFilter] | None:
        """FTS5 terms on the `facets` column (migrations 003-004) that narrow a search to `flt`, and
        what SQL still has to check: kind, act, concern, committee and indicator facets are exact,
        and so is a date window made of whole months (or open-ended). None when a filter names
        nothing that exists (so nothing can match)."""
        terms = []
        if flt.kind:
            terms.append(_fts_phrase("xk" + flt.kind.replace("_", "")))
        if flt.act:
            terms.append(_fts_phrase("xa" + flt.act))
        if flt.concern:
            terms.append(_fts_phrase("xt" + flt.concern.replace("-", "")))
        for prefix, ids in (("xc", self._committee_ids(flt.committee) if flt.committee else None),
                            ("xi", self._indicator_ids(flt.indicator) if flt.indicator else None)):
            if ids is not None:
                if not ids:
                    return None
                terms.append("(" + " OR ".join(_fts_phrase(prefix + i.replace("_", "")) for i in ids) + ")")
        rest = replace(flt, kind=None, act=None, concern=None, committee=None, indicator=None)
        if flt.since or flt.until:
            # An open end is the first/last meeting date, so "since 2017" narrows too.
            first, last = (_date(d) for d in self._conn.execute("SELECT min(date), max(date) FROM meetings").fetchone())
            if first is None:
                return None
            since, until = flt.since or first, flt.until or last
            periods = _period_tokens(since, until)
            if periods is not None:
                terms.append("(" + " OR ".join(_fts_phrase(t) for t in periods) + ")")
                if (since <= first or since.day == 1) and (until >= last or (until + timedelta(days=1)).day == 1):
                    rest = replace(rest, since=None, until=None)
        terms = ["facets : " + t for t in terms]
        if flt.speaker and not flt.speaker.startswith("person_"):
            words = re.findall(r"\w+", flt.speaker)
            if words and all(len(w) >= 3 for w in words):
                terms.append("speaker : (" + " AND ".join(_fts_phrase(w) + "*" for w in words) + ")")
        return terms, rest

    def _indicator_ids(self, indicator: str) -> list[str]:
        return [r[0] for r in self._conn.execute(
            "SELECT id FROM indicators WHERE id = ? OR lower(name) LIKE ?", (indicator, f"%{indicator.lower()}%"))]

    def search(self, query: str, flt: StatementFilter = ANY_STATEMENT, limit: int = 20) -> list[SearchHit]:
        """BM25-ranked hits in two steps: rank the matches, then build citations and snippets for the
        best `limit` only.

        Filters narrow inside FTS5 through facet terms. BM25 computes the IDF of every phrase of
        its MATCH by reading that phrase's whole doclist, and a facet such as "every member's
        statement" spans most of the archive: one facet term costs less than the rows it saves
        from scoring, several cost more. So one facet joins the ranking MATCH; two or more go to a
        sub-query, and the ranking MATCH (the query alone) scores only rows in the set the query
        AND the facets match. SQL checks only what the facets cannot decide (speaker, part-month
        dates), with the joins those need."""
        if not query.strip():
            raise QueryError("empty search query", hint='give words to search for, e.g. minutes-miner search "safeguarding"')
        narrowed = self._facet_terms(flt)
        if narrowed is None:
            return []
        facets, rest = narrowed
        match = f"{{text speaker section}} : ({query})"
        ranking = " AND ".join([match, *facets])
        where, filter_params = self._filter_sql(rest)
        joins = self._ranking_joins(rest)
        try:
            ranked = self._rank(ranking if len(facets) == 1 else match, ranking if len(facets) > 1 else None,
                                joins, where, filter_params, int(limit))
            if not ranked:
                return []
            marks = ", ".join("?" for _ in ranked)
            rows = self._conn.execute(
                self._STATEMENT_SELECT + ", snippet(statements_fts, 0, '**', '**', ' … ', 24) AS snippet, "
                "s.seq AS seq FROM statements_fts JOIN statements s ON s.seq = statements_fts.rowid "
                + self._STATEMENT_JOINS + f"WHERE statements_fts MATCH ? AND statements_fts.rowid IN ({marks})",
                [match, *(seq for seq, _ in ranked)]).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(
                f"cannot parse search query {query!r} ({exc})",
                hint='quote phrases ("early help"), use AND/OR/NOT in capitals, prefix* for prefixes; '
                     "put punctuation inside double quotes",
            ) from exc
        by_seq = {r["seq"]: r for r in rows}
        return [SearchHit(statement=self._statement_row(by_seq[seq]), snippet=by_seq[seq]["snippet"], score=-float(score))
                for seq, score in ranked if seq in by_seq]

    def _rank(self, match: str, within: str | None, joins: str, where: str, filter_params: list,
              limit: int) -> list[tuple[int, float]]:
        """(rowid, bm25) of the best `limit` rows that MATCH `match` (and the `within` MATCH, if any)
        and pass `where`, best first, ties by rowid.

        On a large archive the rowid space is cut into ranges, each ranked on its own reader
        connection at the same time (sqlite3 releases the GIL while a statement steps; WAL lets
        readers run side by side) and the ranges' best rows are merged. BM25 takes its statistics
        (row count, average length, each phrase's document frequency) from the whole index even
        when the rowids are constrained, so every score is the one the single query gives."""
        ranges = self._search_ranges()

        def sql(ranged: bool) -> str:
            bounds = " AND statements_fts.rowid >= ? AND statements_fts.rowid < ?" if ranged else ""
            # The unary + keeps SQLite from turning the IN into one FTS5 lookup per candidate rowid.
            inside = (" AND +statements_fts.rowid IN (SELECT rowid FROM statements_fts(?)"
                      + (" WHERE rowid >= ? AND rowid < ?" if ranged else "") + ")") if within else ""
            return ("SELECT statements_fts.rowid, bm25(statements_fts, 1.0, 1.0, 1.0, 0.0) AS score "
                    "FROM statements_fts " + joins + "WHERE statements_fts MATCH ?" + bounds + inside + where
                    + " ORDER BY score, statements_fts.rowid LIMIT ?")

        def params(bounds: tuple[int, int] | None) -> list:
            inside = [within, *(bounds or ())] if within else []
            return [match, *(bounds or ()), *inside, *filter_params, limit]

        if not ranges:
            return [tuple(r) for r in self._conn.execute(sql(False), params(None))]
        readers, pool = self._search_readers()
        ranged = sql(True)

        def run(reader: sqlite3.Connection, bounds: tuple[int, int]) -> list[tuple[int, float]]:
            return reader.execute(ranged, params(bounds)).fetchall()

        others = [pool.submit(run, reader, bounds) for reader, bounds in zip(readers[1:], ranges[1:])]
        try:
            first = run(readers[0], ranges[0])
        finally:
            wait(others)  # a reader is free again only once its statement is done
        best = chain(first, *(f.result() for f in others))
        return sorted(best, key=lambda r: (r[1], r[0]))[:limit]

    def _search_ranges(self) -> list[tuple[int, int]]:
        """Rowid ranges [lo, hi) to rank in parallel, or [] to rank in one query: a small archive, one
        CPU, an in-memory database, or uncommitted writes on this connection (readers cannot see them)."""
        if self.search_threads < 2 or self._conn.in_transaction or self.path in ("", ":memory:"):
            return []
        lo, hi = self._conn.execute(  # one aggregate per sub-query, so each is an index probe, not a scan
            "SELECT (SELECT min(seq) FROM statements), (SELECT max(seq) FROM statements)").fetchone()
        if lo is None or hi - lo + 1 < self.parallel_search_rows:
            return []
        parts = self.search_threads
        cuts = [lo + (hi + 1 - lo) * n // parts for n in range(parts + 1)]
        return list(pairwise(cuts))

    def _search_readers(self) -> tuple[list[sqlite3.Connection], ThreadPoolExecutor]:
        """Read-only connections and threads for parallel ranking, opened on first use and closed with
        the store (the calling thread ranks the first range itself)."""
        while len(self._readers) < self.search_threads:
            reader = sqlite3.connect(Path(self.path).resolve().as_uri() + "?mode=ro", uri=True,
                                     isolation_level=None, check_same_thread=False)
            reader.execute("PRAGMA busy_timeout=10000")
            reader.execute("PRAGMA cache_size=-65536")
            reader.execute("PRAGMA mmap_size=1073741824")
            self._readers.append(reader)
        if self._search_pool is None:
            self._search_pool = ThreadPoolExecutor(max_workers=self.search_threads - 1,
                                                   thread_name_prefix="minutes-miner-search")
        return self._readers[:self.search_threads], self._search_pool

    def indicators(self) -> list[IndicatorRow]:
        out = []
        for r in self._conn.execute(
            "SELECT ind.*, co.name AS council FROM indicators ind JOIN councils co ON co.id = ind.council_id "
            "ORDER BY ind.section, ind.ref, ind.name"
        ).fetchall():
            values = tuple(
                IndicatorValue(
                    indicator_id=v["indicator_id"], period=v["period"], value=v["value"], target=v["target"],
                    floor=v["floor"], rag=v["rag"], previous_rag=v["previous_rag"], direction=v["direction"],
                    period_end=_date(v["period_end"]), document_id=v["document_id"], page=v["page"], id=v["id"],
                )
                for v in self._conn.execute(
                    "SELECT * FROM indicator_values WHERE indicator_id = ? ORDER BY period_end, period", (r["id"],)
                )
            )
            lower = r["lower_is_better"]
            out.append(IndicatorRow(id=r["id"], name=r["name"], section=r["section"], unit=r["unit"], ref=r["ref"],
                                    council=r["council"], values=values,
                                    lower_is_better=None if lower is None else bool(lower), council_id=r["council_id"]))
        return out

    def links(self, indicator_id: str | None = None) -> list[Link]:
        sql, params = "SELECT * FROM links", []
        if indicator_id:
            sql += " WHERE indicator_id = ?"
            params.append(indicator_id)
        return [Link(statement_id=r["statement_id"], indicator_id=r["indicator_id"], method=r["method"], score=r["score"])
                for r in self._conn.execute(sql + " ORDER BY indicator_id, statement_id", params)]

    def failures(self) -> list[Failure]:
        return [Failure(url=r["url"], stage=r["stage"], reason=r["reason"], at=r["at"])
                for r in self._conn.execute("SELECT * FROM failures ORDER BY at, url")]

    def stats(self) -> dict[str, int]:
        tables = {
            "councils": "councils", "committees": "committees", "meetings": "meetings", "items": "items",
            "documents": "documents", "persons": "persons", "statements": "statements",
            "indicators": "indicators", "indicator_values": "indicator_values", "links": "links",
            "failures": "failures", "fetches": "fetches",
        }
        out = {name: self._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for name, table in tables.items()}
        out["speakers"] = self._conn.execute(
            "SELECT COUNT(DISTINCT speaker_id) FROM statements WHERE speaker_id IS NOT NULL").fetchone()[0]
        out["questions"] = self._conn.execute("SELECT COUNT(*) FROM statements WHERE act = 'question'").fetchone()[0]
        return out

    _COUNTABLE = ("councils", "committees", "meetings", "items", "statements", "indicators", "links", "persons")

    def has_rows(self, table: str) -> bool:
        """Whether `table` holds anything (cheap, unlike stats(), on a large archive)."""
        if table not in self._COUNTABLE:
            raise ValueError(f"unknown table {table!r}")
        return self._conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None

    def has_concern(self, concern: str) -> bool:
        return self._conn.execute("SELECT 1 FROM statement_concerns WHERE concern = ? LIMIT 1",
                                  (concern,)).fetchone() is not None

    def _meeting_scope(self, committee: str | None) -> tuple[str, list]:
        if not committee:
            return "", []
        ids = self._committee_ids(committee)
        return f" AND m.committee_id IN ({', '.join('?' for _ in ids)})", ids

    def concern_tallies(self, committee: str | None = None, since: date | None = None,
                        until: date | None = None) -> list[tuple[str, str, str | None, str, int]]:
        """(concern, meeting ID, speaker, speaker kind, statements) for meetings in the window."""
        scope, params = self._meeting_scope(committee)
        if since:
            scope += " AND m.date >= ?"
            params.append(since.isoformat())
        if until:
            scope += " AND m.date <= ?"
            params.append(until.isoformat())
        return [tuple(r) for r in self._conn.execute(
            "SELECT sc.concern, m.id, s.speaker, s.speaker_kind, COUNT(*) FROM meetings m "
            "JOIN items i ON i.meeting_id = m.id JOIN statements s ON s.item_id = i.id "
            "JOIN statement_concerns sc ON sc.statement_id = s.id WHERE m.date IS NOT NULL" + scope
            + " GROUP BY sc.concern, m.id, s.speaker, s.speaker_kind", params)]

    def concerns_raised_before(self, concerns: Sequence[str], before: date, committee: str | None = None) -> set[str]:
        """Which of `concerns` were tagged at a meeting dated before `before`."""
        scope, params = self._meeting_scope(committee)
        found = set()
        for concern in concerns:
            row = self._conn.execute(
                "SELECT 1 FROM statement_concerns sc JOIN statements s ON s.id = sc.statement_id "
                "JOIN items i ON i.id = s.item_id JOIN meetings m ON m.id = i.meeting_id "
                "WHERE sc.concern = ? AND m.date < ?" + scope + " LIMIT 1", [concern, before.isoformat(), *params],
            ).fetchone()
            if row:
                found.add(concern)
        return found

    def concern_counts(self) -> list[tuple[str, int, int]]:
        """(concern, statements, meetings) ordered by meetings then statements."""
        return [tuple(r) for r in self._conn.execute(
            "SELECT sc.concern, COUNT(*) AS n, COUNT(DISTINCT i.meeting_id) AS meetings FROM statement_concerns sc "
            "JOIN statements s ON s.id = sc.statement_id JOIN items i ON i.id = s.item_id "
            "GROUP BY sc.concern ORDER BY meetings DESC, n DESC, sc.concern")]

    # ------------------------------------------------------------------ crawl state
    def begin_crawl(self, base_url: str, options: str) -> CrawlRun:
        """The crawl run to use for `base_url`: the interrupted one if its options match, else a new one
        (an interrupted run with other options is closed, its fetched pages stay cached)."""
        with self._transaction() as conn:
            open_run = conn.execute(
                "SELECT * FROM crawl_runs WHERE base_url = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1",
                (base_url,)).fetchone()
            if open_run and open_run["options"] == options:
                return CrawlRun(id=open_run["id"], base_url=base_url, options=options, resumed=True)
            conn.execute("UPDATE crawl_runs SET finished_at = ? WHERE base_url = ? AND finished_at IS NULL",
                         (_now(), base_url))
            cursor = conn.execute("INSERT INTO crawl_runs (base_url, options, started_at) VALUES (?, ?, ?)",
                                  (base_url, options, _now()))
            return CrawlRun(id=cursor.lastrowid, base_url=base_url, options=options, resumed=False)

    def finish_crawl(self, run_id: int) -> None:
        with self._transaction() as conn:
            conn.execute("UPDATE crawl_runs SET finished_at = ? WHERE id = ?", (_now(), run_id))
            conn.execute("DELETE FROM crawl_done WHERE run_id = ?", (run_id,))

    def drop_crawl(self, run_id: int) -> None:
        """Forget a run that never got going (the site could not be read at all)."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM crawl_runs WHERE id = ?", (run_id,))

    def crawl_runs(self) -> list[dict]:
        return [dict(r) for r in self._conn.execute("SELECT * FROM crawl_runs ORDER BY id")]

    def crawled_meetings(self, run_id: int) -> set[str]:
        return {r[0] for r in self._conn.execute("SELECT meeting_id FROM crawl_done WHERE run_id = ?", (run_id,))}

    def save_crawled_meeting(self, run_id: int, parsed: ParsedMeeting, documents: Sequence[Document] = (),
                             persons: Sequence[Person] = (), attendance: Sequence[Attendance] = ()) -> None:
        """save_meeting, and the meeting marked done in `run_id`, in one transaction."""
        with self._transaction() as conn:
            self._put_meeting(conn, parsed, documents, persons, attendance)
            conn.execute("INSERT OR IGNORE INTO crawl_done (run_id, meeting_id) VALUES (?, ?)",
                         (run_id, parsed.meeting.id))

    def save_fetch(self, url: str, data: bytes, content_type: str | None, status: int, *, etag: str | None = None,
                   last_modified: str | None = None, run_id: int | None = None) -> str:
        """A fetched body (content-addressed) and its URL's fetch record, with validators, in one transaction."""
        digest = hashlib.sha256(data).hexdigest()
        with self._transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO blobs (sha256, data) VALUES (?, ?)", (digest, data))
            self._upsert(conn, "fetches", {
                "url": url, "sha256": digest, "content_type": content_type, "size": len(data), "status": status,
                "fetched_at": _now(), "etag": etag, "last_modified": last_modified, "run_id": run_id,
            }, key="url")
        return digest

    def confirm_fetch(self, url: str, run_id: int | None) -> None:
        """The server said the stored body of `url` is still current (304)."""
        with self._transaction() as conn:
            conn.execute("UPDATE fetches SET fetched_at = ?, run_id = ? WHERE url = ?", (_now(), run_id, url))

    # ------------------------------------------------------------------ stage bookkeeping (migration 005)
    def processed(self, stage: str) -> dict[str, tuple[str, str]]:
        """key -> (input hash, version) of everything `stage` has processed."""
        return {r["key"]: (r["input_hash"], r["version"])
                for r in self._conn.execute("SELECT key, input_hash, version FROM processed WHERE stage = ?", (stage,))}

    def mark_processed(self, stage: str, key: str, input_hash: str, version: str) -> None:
        with self._transaction() as conn:
            self._upsert(conn, "processed", {"stage": stage, "key": key, "input_hash": input_hash, "version": version,
                                             "at": _now()}, key="stage, key")

    def mark_crawled(self, run_id: int, meeting_id: str) -> None:
        """A meeting the run found unchanged counts as stored by the run (for resuming)."""
        with self._transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO crawl_done (run_id, meeting_id) VALUES (?, ?)", (run_id, meeting_id))

    def fetch_record(self, url: str) -> FetchRecord | None:
        row = self._conn.execute(
            "SELECT b.data, f.content_type, f.status, f.etag, f.last_modified, f.run_id "
            "FROM fetches f JOIN blobs b ON b.sha256 = f.sha256 WHERE f.url = ?", (url,)).fetchone()
        if row is None:
            return None
        return FetchRecord(url=url, data=bytes(row["data"]), content_type=row["content_type"], status=row["status"],
                           etag=row["etag"], last_modified=row["last_modified"], run_id=row["run_id"])
