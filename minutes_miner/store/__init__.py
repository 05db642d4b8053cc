"""Persistence. `open_store` picks a backend from the --db value; SQLite is the default."""
from __future__ import annotations

import os
from pathlib import Path

from minutes_miner.store.base import (
    Failure,
    IndicatorRow,
    MeetingRow,
    SearchHit,
    StatementFilter,
    StatementRow,
    Store,
)

__all__ = [
    "Failure", "IndicatorRow", "MeetingRow", "SearchHit", "StatementFilter", "StatementRow", "Store",
    "default_db_path", "open_store",
]


def default_db_path() -> Path:
    """$MINUTES_MINER_DB, else $XDG_DATA_HOME/minutes-miner/minutes.db (~/.local/share/...)."""
    if os.environ.get("MINUTES_MINER_DB"):
        return Path(os.environ["MINUTES_MINER_DB"])
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "minutes-miner" / "minutes.db"


def open_store(db: str | Path | None = None) -> Store:
    from minutes_miner.store.sqlite import SQLiteStore

    return SQLiteStore(Path(db) if db else default_db_path())
