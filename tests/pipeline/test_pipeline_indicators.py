"""extract_indicators: a linked document that is not a PDF at all (a Word file) is not a failed
performance report; a PDF that cannot be read, or that trips the report parser, is recorded as a
failure and the other reports are read."""
from __future__ import annotations

import pytest

from minutes_miner.errors import NotAPDFError, PDFError
from minutes_miner.extract.pdf import read_pdf
from minutes_miner.fetch import FetchConfig
from minutes_miner.mockserver.server import Fault, sample_site, serve
from minutes_miner.pipeline import crawl, extract_indicators
from minutes_miner.pipeline import indicators as indicators_stage
from minutes_miner.sources.base import CrawlOptions
from minutes_miner.store import open_store

PERF_Q4 = "documents/s62701/CS Performance Indicators Q4 2023-24.pdf"
PERF_Q1 = "documents/s62801/CS Performance Indicators Q1 2024-25.pdf"
WORD = b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml" + b"\x00" * 200


@pytest.mark.parametrize("data", [b"", b"<!DOCTYPE html><html><body>Sign in</body></html>", WORD])
def test_bytes_that_are_not_a_pdf_raise_not_a_pdf_error(data):
    with pytest.raises(NotAPDFError) as err:
        read_pdf(data, "report.pdf")
    assert str(err.value).startswith("report.pdf: ")


def test_a_corrupt_pdf_is_a_pdf_error_but_not_a_not_a_pdf_error():
    with pytest.raises(PDFError) as err:
        read_pdf(b"%PDF-1.4\n" + b"\x00" * 2000, "broken.pdf")
    assert not isinstance(err.value, NotAPDFError)


def test_a_word_file_is_skipped_and_a_corrupt_pdf_recorded(tmp_path):
    faults = {PERF_Q4: Fault(body=WORD, content_type="application/vnd.openxmlformats-officedocument"),
              PERF_Q1: Fault(body=b"%PDF-1.4\n" + b"\x00" * 2000, content_type="application/pdf")}
    with serve(sample_site(), faults=faults) as server, open_store(tmp_path / "x.db") as store:
        crawl(store, server.base_url, CrawlOptions(committees=("131",)), FetchConfig(delay=0.0, retries=0))
        values = extract_indicators(store, workers=1)
        failures = [(f.url, f.stage) for f in store.failures()]
        base = server.base_url
    assert values > 0  # the other quarters' reports
    assert failures == [(base + PERF_Q1.replace(" ", "%20"), "indicators")]


def test_a_report_that_trips_the_parser_is_recorded_and_the_others_are_read(tmp_path, trip_parser):
    trip_parser(indicators_stage, "parse_indicator_report", "s62701", IndexError("list index out of range"))
    with serve(sample_site()) as server, open_store(tmp_path / "x.db") as store:
        crawl(store, server.base_url, CrawlOptions(committees=("131",)), FetchConfig(delay=0.0, retries=0))
        values = extract_indicators(store, workers=1)
        failures = [(f.url, f.stage, f.reason) for f in store.failures()]
        q4 = server.base_url + PERF_Q4.replace(" ", "%20")
    assert values > 0  # the other quarters' reports
    [(url, stage, reason)] = failures
    assert (url, stage) == (q4, "indicators")
    assert reason.startswith(f"{q4}: could not be parsed (IndexError: list index out of range)\n  hint: ")
