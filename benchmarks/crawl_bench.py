"""Crawler figures on the large synthetic council (>= 200 meetings, 2,000 items, 1,000 documents)
served by the mock server on loopback with no politeness delay.

1. A first crawl through the web service and one through the HTML pages: requests/s and items
   parsed/s. Reference measured in the same run: plain `requests` GETs of the same URLs (no
   parsing, no store), so the crawl's rate reads as a ratio of what the loopback HTTP alone allows.
2. A re-crawl of the unchanged site: requests, bytes and document downloads (goal: 0).
3. A crawl subprocess killed with SIGKILL half-way and resumed: time lost against an uninterrupted
   crawl subprocess, and requests repeated (pages fetched again that were already stored).

    python benchmarks/crawl_bench.py [--meetings 240]
"""
from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests

from minutes_miner.fetch import FetchConfig
from minutes_miner.mockserver.server import serve
from minutes_miner.mockserver.synthetic import synthetic_site
from minutes_miner.pipeline import analyse_store, crawl, extract_indicators, link_store
from minutes_miner.sources.base import CrawlOptions
from minutes_miner.store import open_store

FAST = FetchConfig(delay=0.0, retries=0)
REPO = Path(__file__).resolve().parents[1]


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _query(db: Path, sql: str) -> list[tuple]:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []


def first_crawls(site, tmp: Path) -> Path:
    with serve(site) as server:
        for web_service in (True, False):
            server.web_service = web_service
            db = tmp / f"first-{web_service}.db"
            with open_store(db) as store:
                start = time.perf_counter()
                summary = crawl(store, server.base_url, CrawlOptions(), FAST)
                seconds = time.perf_counter() - start
                items = store.stats()["items"]
                urls = [r[0] for r in _query(db, "SELECT url FROM fetches")]
            session = requests.Session()
            start = time.perf_counter()
            for url in urls:
                session.get(url, timeout=30).raise_for_status()
            raw_rate = len(urls) / (time.perf_counter() - start)
            rate = summary.requests / seconds
            print(f"first crawl ({summary.mode}): {summary.new} meetings, {items} items, {summary.documents} documents, "
                  f"{summary.failed} failed in {seconds:.1f} s")
            print(f"  {rate:,.0f} requests/s, {items / seconds:,.0f} items parsed/s, "
                  f"{summary.bytes_downloaded / seconds / 1e6:.1f} MB/s; plain GETs of the same {len(urls)} URLs "
                  f"{raw_rate:,.0f} requests/s; ratio {rate / raw_rate:.0%}")
            if web_service:
                start_requests = len(server.requests)
                with open_store(db) as store:
                    start = time.perf_counter()
                    again = crawl(store, server.base_url, CrawlOptions(), FAST)
                    seconds = time.perf_counter() - start
                documents = [r for r in server.requests[start_requests:] if "/documents/" in r]
                print(f"re-crawl of the unchanged site: {again.requests} requests "
                      f"(first crawl {summary.requests}), {again.bytes_downloaded:,} bytes "
                      f"(first {summary.bytes_downloaded:,}), {again.document_downloads} document downloads "
                      f"({len(documents)} document requests seen by the server), {again.unchanged} unchanged, "
                      f"{again.new} new, in {seconds:.1f} s")
    return tmp


def recrawl_with_analysis(site, tmp: Path) -> None:
    """The weekly refresh: crawl, analyse, indicators and link once, then all of it again on the unchanged site."""
    def stages(store, server) -> dict[str, tuple[float, object]]:
        out = {}
        for label, run in (("crawl", lambda: crawl(store, server.base_url, CrawlOptions(), FAST)),
                           ("analyse", lambda: analyse_store(store)), ("indicators", lambda: extract_indicators(store)),
                           ("link", lambda: link_store(store))):
            start = time.perf_counter()
            value = run()
            out[label] = (time.perf_counter() - start, value)
        return out

    with serve(site) as server, open_store(tmp / "refresh.db") as store:
        first = stages(store, server)
        again = stages(store, server)
    for name, runs in (("first crawl + analysis", first), ("re-crawl + analysis of the unchanged site", again)):
        analysis = runs["analyse"][1]
        print(f"{name}: {sum(t for t, _ in runs.values()):.1f} s "
              f"({', '.join(f'{label} {t:.1f} s' for label, (t, _) in runs.items())}); "
              f"{analysis.meetings} meetings analysed, {getattr(analysis, 'unchanged', 0)} unchanged; "
              f"{runs['indicators'][1]} indicator values extracted")


def kill_and_resume(site, tmp: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    def command(url: str, db: Path) -> list[str]:
        return [sys.executable, "-m", "minutes_miner", "crawl", url, "--delay", "0", "--no-analyse", "--db", str(db)]

    total = sum(1 for m in site.meetings if m.status != "Cancelled")
    with serve(site) as server:
        start = time.perf_counter()
        subprocess.run(command(server.base_url, tmp / "whole.db"), env=env, check=True, capture_output=True)
        uninterrupted = time.perf_counter() - start
        whole_requests = len(server.requests)

        killed = tmp / "killed.db"
        first = len(server.requests)
        start = time.perf_counter()
        process = subprocess.Popen(command(server.base_url, killed), env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        while (_query(killed, "SELECT COUNT(*) FROM crawl_done") or [(0,)])[0][0] < total // 2:
            if process.poll() is not None:
                raise SystemExit("the crawl finished before it could be killed; use more --meetings")
            time.sleep(0.005)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        before_kill = time.perf_counter() - start
        stored = (_query(killed, "SELECT COUNT(*) FROM meetings") or [(0,)])[0][0]
        fetched = {_path(u) for (u,) in _query(killed, "SELECT url FROM fetches")}
        killed_requests = len(server.requests) - first

        resume_first = len(server.requests)
        start = time.perf_counter()
        subprocess.run(command(server.base_url, killed), env=env, check=True, capture_output=True)
        resumed = time.perf_counter() - start
        resumed_paths = server.requests[resume_first:]
    repeated = [p for p in resumed_paths if p in fetched]
    not_stored = [p for p in server.requests[first:resume_first] if p not in fetched]
    lost = before_kill + resumed - uninterrupted
    print(f"kill -9 at {stored}/{total} meetings stored, then resume:")
    print(f"  uninterrupted crawl {uninterrupted:.1f} s, {whole_requests} requests; killed run {before_kill:.1f} s "
          f"({killed_requests} requests) + resumed run {resumed:.1f} s ({len(resumed_paths)} requests)")
    print(f"  time lost {lost:.1f} s ({lost / uninterrupted:.0%} of the uninterrupted crawl; includes one more process "
          f"start-up); requests repeated {len(repeated)} "
          f"({', '.join(sorted(set(repeated))) or 'none'}); requests in flight at the kill, not stored: "
          f"{len(not_stored)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=240)
    args = parser.parse_args()
    site = synthetic_site(meetings=args.meetings)
    print(f"synthetic council: {len(site.meetings)} meetings, {sum(len(m.items) for m in site.meetings)} items, "
          f"{len(site.documents)} documents, {len(site.members)} councillors")
    with tempfile.TemporaryDirectory() as tmp:
        first_crawls(site, Path(tmp))
        recrawl_with_analysis(site, Path(tmp))
        kill_and_resume(site, Path(tmp))


if __name__ == "__main__":
    main()
