"""Wall time and peak memory of each demo stage on the bundled sample council.

Reference measured in the same run: the bare spaCy tokenizer over the same minutes text,
so the NLP figure reads as a ratio rather than a machine-dependent absolute.

    python benchmarks/demo_time.py
"""
from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

import spacy

from minutes_miner.fetch import FetchConfig
from minutes_miner.mockserver.server import sample_site, serve
from minutes_miner.pipeline import analyse_store, crawl, extract_indicators, link_store
from minutes_miner.report.site import write_report
from minutes_miner.sources.base import CrawlOptions
from minutes_miner.store import open_store


def timed(label: str, fn, results: dict):
    start = time.perf_counter()
    value = fn()
    results[label] = time.perf_counter() - start
    return value


def main() -> None:
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        with serve(sample_site()) as server:
            summary = timed("crawl", lambda: crawl(store, server.base_url, CrawlOptions(), FetchConfig(delay=0.0)),
                            results)
            analysis = timed("analyse", lambda: analyse_store(store), results)
            values = timed("indicators", lambda: extract_indicators(store), results)
            links = timed("link", lambda: link_store(store), results)
            timed("report", lambda: write_report(store, Path(tmp) / "report"), results)
            # The weekly refresh: the same site again, unchanged.
            again: dict[str, float] = {}
            timed("crawl", lambda: crawl(store, server.base_url, CrawlOptions(), FetchConfig(delay=0.0)), again)
            reanalysis = timed("analyse", lambda: analyse_store(store), again)
            timed("indicators", lambda: extract_indicators(store), again)
            timed("link", lambda: link_store(store), again)
        text = "\n".join(s.text for s in store.statements())
        words = len(text.split())
        tokenizer = spacy.blank("en").tokenizer
        start = time.perf_counter()
        for _ in range(5):
            tokenizer(text)
        tok_rate = 5 * words / (time.perf_counter() - start)
        store.close()
    total = sum(results.values())
    print(f"sample council: {summary.new} meetings, {summary.requests} requests, {summary.documents} documents")
    print(f"  {analysis.statements} statements, {values} indicator values, {links} links")
    for label, seconds in results.items():
        print(f"  {label:11} {seconds:6.2f} s")
    print(f"  {'total':11} {total:6.2f} s")
    print(f"re-run on the unchanged site (crawl, analyse, indicators, link): {sum(again.values()):.2f} s, "
          f"{reanalysis.meetings} meetings analysed again, {getattr(reanalysis, 'unchanged', 0)} unchanged")
    for label, seconds in again.items():
        print(f"  {label:11} {seconds:6.2f} s")
    print(f"  analyse throughput {words / results['analyse']:,.0f} words/s (incl. store writes and PDF minutes); "
          f"bare spaCy tokenizer {tok_rate:,.0f} words/s; ratio {words / results['analyse'] / tok_rate:.1%}")
    print(f"  peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
