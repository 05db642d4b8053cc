"""A canonical dump of a store: every table's rows, sorted, without the columns that record when
something happened (fetch and failure times, crawl-run times)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

TIME_COLUMNS = {"fetched_at", "at", "started_at", "finished_at"}


def canonical_dump(db: Path, skip_tables: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
        dump = {}
        for table in tables:
            # FTS shadow tables are an index of the items/statements tables, dumped themselves.
            if table.startswith(("items_fts", "statements_fts")) or table in skip_tables:
                continue
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in TIME_COLUMNS]
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            dump[table] = sorted(rows, key=repr)
        return dump
    finally:
        conn.close()
