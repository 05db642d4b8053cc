"""The stages wired together: crawl -> extract -> analyse -> link -> store.

Each function takes a store and an optional progress callback and returns a summary; none
prints. A failure on one meeting or document is recorded in the store and the batch goes on.
"""
from minutes_miner.pipeline.analyse import (
           AnalyseSummary,
           analyse_meeting,
           analyse_store,
)
from minutes_miner.pipeline.crawl import CrawlSummary, crawl
from minutes_miner.pipeline.indicators import (
           extract_indicators,
           indicator_records,
           link_store,
)
from minutes_miner.pipeline.ingest import IngestSummary, ingest_files
from minutes_miner.pipeline.progress import Progress, no_progress

__all__ = ["AnalyseSummary", "CrawlSummary", "IngestSummary", "Progress", "analyse_meeting", "analyse_store",
           "crawl", "extract_indicators", "indicator_records", "ingest_files", "link_store", "no_progress"]
