"""The one-command demo: serve the bundled sample council on loopback, crawl it into a fresh
database, extract, analyse, link, and write the HTML report."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from minutes_miner.fetch import FetchConfig
from minutes_miner.mockserver.server import sample_site, serve
from minutes_miner.pipeline import (
    AnalyseSummary,
    CrawlSummary,
    Progress,
    analyse_store,
    crawl,
    extract_indicators,
    link_store,
    no_progress,
)
from minutes_miner.report.site import write_report
from minutes_miner.sources.base import CrawlOptions
from minutes_miner.store import open_store


@dataclass
class DemoResult:
    db: Path
    report: Path
    base_url: str
    crawl: CrawlSummary
    analysis: AnalyseSummary
    indicator_values: int
    links: int
    stats: dict[str, int]
    top_concerns: list[tuple[str, int, int]]


def run_demo(workdir: Path, progress: Progress = no_progress) -> DemoResult:
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "minutes.db"
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    store = open_store(db)
    try:
        with serve(sample_site()) as server:
            # Loopback server of our own: no politeness delay needed.
            summary = crawl(store, server.base_url, CrawlOptions(), FetchConfig(delay=0.0, retries=0),
                            progress=progress)
        # reports first: reading them finds the questions papers the analysis then reads
        values = extract_indicators(store, progress=progress)
        analysis = analyse_store(store, progress=progress)
        links = link_store(store)
        progress("report", 0, 1)
        report = write_report(store, workdir / "report")
        progress("report", 1, 1)
        return DemoResult(db=db, report=report, base_url=server.base_url, crawl=summary, analysis=analysis,
                          indicator_values=values, links=links, stats=store.stats(),
                          top_concerns=store.concern_counts()[:5])
    finally:
        store.close()
