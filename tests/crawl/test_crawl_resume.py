"""A crawl killed with SIGKILL mid-way resumes where it stopped and ends with the same store as a
crawl that was never interrupted, without fetching again what it had already stored."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from dump import canonical_dump

from minutes_miner.fetch import FetchConfig
from minutes_miner.mockserver.server import Fault, serve
from minutes_miner.mockserver.synthetic import synthetic_site
from minutes_miner.pipeline import crawl
from minutes_miner.sources.base import CrawlOptions
from minutes_miner.store import open_store

REPO = Path(__file__).resolve().parents[2]


def _crawl_command(base_url: str, db: Path) -> list[str]:
    return [sys.executable, "-m", "minutes_miner", "crawl", base_url, "--delay", "0", "--no-analyse", "--db", str(db)]


def _count(db: Path, sql: str) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # not created yet


def _fetched_paths(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {urlsplit(url).path + (f"?{urlsplit(url).query}" if urlsplit(url).query else "")
                for (url,) in conn.execute("SELECT url FROM fetches")}
    finally:
        conn.close()


def _meeting_pages(server) -> list[str]:
    """The meeting pages requested so far, in order, as fault keys (relative to the base path)."""
    return [path[len(server.base_path):] for path in server.requests
            if "GetMeeting?" in path or "ieListDocuments.aspx" in path]


@pytest.mark.parametrize("web_service", [True, False], ids=["web-service", "html-pages"])
def test_killed_crawl_resumes_to_an_identical_store(tmp_path, web_service):
    site = synthetic_site(meetings=16, items_per_meeting=4, documents_per_meeting=2)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with serve(site, web_service=web_service) as server:
        with open_store(tmp_path / "whole.db") as store:
            whole = crawl(store, server.base_url, CrawlOptions(), FetchConfig(delay=0.0))
        assert whole.new == 16 and whole.failed == 0
        # The killed crawl is held at its 9th meeting, so it is killed at a known point whatever the machine's load.
        ninth = _meeting_pages(server)[8]
        server.faults[ninth] = Fault(stall=300)

        killed_db = tmp_path / "killed.db"
        process = subprocess.Popen(_crawl_command(server.base_url, killed_db), env=env, cwd=tmp_path,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while _count(killed_db, "SELECT COUNT(*) FROM crawl_done") < 8:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the crawl made no progress"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        process.stdout.close()
        process.stderr.close()
        assert _count(killed_db, "SELECT COUNT(*) FROM meetings") == 8
        fetched_before_kill = _fetched_paths(killed_db)

        server.faults.clear()
        first_request = len(server.requests)
        resumed = subprocess.run(_crawl_command(server.base_url, killed_db), env=env, cwd=tmp_path,
                                 capture_output=True, text=True, timeout=120, check=False)
        assert resumed.returncode == 0, resumed.stderr
        assert "resumed: 8 already stored" in resumed.stdout
        repeated = [p for p in server.requests[first_request:] if p in fetched_before_kill]
        assert repeated == []
    killed, reference = canonical_dump(killed_db), canonical_dump(tmp_path / "whole.db")
    assert set(killed) == set(reference)
    for table in reference:
        assert killed[table] == reference[table], table
    assert len(reference["meetings"]) == 16 and len(reference["documents"]) == 32
