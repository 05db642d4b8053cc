"""A re-run of crawl -> analyse -> indicators on an unchanged site redoes nothing; a changed meeting,
a changed report, a new NLP or extractor version, or --reanalyse redoes exactly what it must."""
from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
from click.testing import CliRunner

from minutes_miner.cli import cli
from minutes_miner.extract import pdf as pdf_module
from minutes_miner.fetch import FetchConfig
from minutes_miner.mockserver.server import sample_site, serve
from minutes_miner.models import AgendaItem
from minutes_miner.pipeline import analyse_store, crawl, extract_indicators, processed
from minutes_miner.sources.base import CrawlOptions
from minutes_miner.store import open_store

FAST = FetchConfig(delay=0.0, retries=0)


@pytest.fixture(scope="module")
def site():
    with serve(sample_site()) as server:
        yield server


@pytest.fixture(scope="module")
def analysed_db(site, tmp_path_factory):
    """The sample council crawled, analysed and its reports read once."""
    db = tmp_path_factory.mktemp("incremental") / "first.db"
    with open_store(db) as store:
        crawl(store, site.base_url, CrawlOptions(), FAST)
        first = analyse_store(store, workers=1)
        values = extract_indicators(store, workers=1)
    assert first.meetings == 13 and first.skipped == 1 and values == 117
    return db


@pytest.fixture
def store(analysed_db, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copy(analysed_db, copy)
    with open_store(copy) as opened:
        yield opened


@pytest.fixture
def pdf_reads(monkeypatch):
    """Sources of every PDF handed to the parser child."""
    seen: list[str] = []
    real = pdf_module.read_pdf

    def counting(data, source, **kwargs):
        seen.append(source)
        return real(data, source, **kwargs)

    monkeypatch.setattr(pdf_module, "read_pdf", counting)
    return seen


def _statements(store) -> list[tuple]:
    return sorted((s.id, s.text, s.act, s.speaker, tuple(s.concerns)) for s in store.statements())


def _printed_minutes_meeting(store):
    return next(m for m in store.meetings() if any(d.kind == "minutes" for d in store.documents(m.id)))


def test_a_recrawl_of_the_unchanged_site_parses_no_pdf_and_analyses_nothing(site, store, pdf_reads):
    before = _statements(store)
    printed = _printed_minutes_meeting(store)
    printed_items = store.items(printed.id)
    summary = crawl(store, site.base_url, CrawlOptions(), FAST)
    analysis = analyse_store(store, workers=1)
    values = extract_indicators(store, workers=1)
    assert (summary.new, summary.changed, summary.unchanged) == (0, 0, 14)
    assert (analysis.meetings, analysis.unchanged, analysis.failed) == (0, 14, 0)
    assert values == 0 and pdf_reads == []
    # what the analysis read from the printed minutes PDF is still there: the crawl did not overwrite it
    assert store.items(printed.id) == printed_items
    assert sum(1 for i in printed_items if i["minutes_text"]) >= 3
    assert _statements(store) == before
    assert store.stats()["indicator_values"] == 117


def test_only_the_meeting_whose_minutes_changed_is_analysed_again(store, pdf_reads):
    meeting = next(m for m in store.meetings() if m.statements and not any(
        d.kind == "minutes" for d in store.documents(m.id)))
    row = next(i for i in store.items(meeting.id) if i["minutes_text"])
    changed = AgendaItem(meeting_id=meeting.id, position=row["position"], number=row["number"], title=row["title"],
                         agenda_text=row["agenda_text"], source_url=row["source_url"], external_id=row["external_id"],
                         id=row["id"], minutes_text=row["minutes_text"] + " Councillor Lee asked about "
                                                                         "safeguarding referrals.")
    store.save_analysis(meeting.id, [], items=[changed])  # as a crawl finding new minutes text would leave it
    analysis = analyse_store(store, workers=1)
    assert (analysis.meetings, analysis.unchanged) == (1, 13)
    assert pdf_reads == []
    texts = [s.text for s in store.statements() if s.item_id == row["id"]]
    assert "Councillor Lee asked about safeguarding referrals." in texts


def test_a_new_nlp_version_or_reanalyse_analyses_every_meeting_again(store, monkeypatch, pdf_reads):
    assert analyse_store(store, workers=1, force=True).meetings == 13
    assert pdf_reads == []  # the printed minutes were read into items the first time
    assert analyse_store(store, workers=1).unchanged == 14
    monkeypatch.setattr(processed, "NLP_VERSION", "test-next")
    again = analyse_store(store, workers=1)
    assert (again.meetings, again.unchanged) == (13, 0)


def test_the_user_concern_taxonomy_is_part_of_the_nlp_version(tmp_path, monkeypatch):
    extra = tmp_path / "concerns.json"
    extra.write_text('{"potholes": {"terms": ["pothole"]}}', encoding="utf-8")
    plain = processed.nlp_version()
    monkeypatch.setenv("MINUTES_MINER_CONCERNS", str(extra))
    with_file = processed.nlp_version()
    extra.write_text('{"potholes": {"terms": ["pothole", "road defect"]}}', encoding="utf-8")
    assert len({plain, with_file, processed.nlp_version()}) == 3


def test_a_report_is_read_again_when_its_content_or_the_extractor_changes(store, monkeypatch, pdf_reads):
    report = next(d for d in store.documents() if d.kind == "indicators")
    other = next(d for d in store.documents() if d.kind == "indicators" and d.sha256 != report.sha256)
    # the server now serves the other quarter's report under this URL
    store.save_indicators(store.councils()[0], [], [], [replace(report, sha256=other.sha256)])
    assert extract_indicators(store, workers=1) > 0
    assert pdf_reads == [report.url]
    pdf_reads.clear()
    monkeypatch.setattr("minutes_miner.pipeline.indicators.INDICATORS_VERSION", "test-next")
    extract_indicators(store, workers=1)
    assert len(pdf_reads) == len([d for d in store.documents() if d.sha256 and d.kind not in ("minutes", "questions")])


def test_the_reanalyse_option_of_analyse_and_crawl(site, store):
    runner = CliRunner()
    quick = runner.invoke(cli, ["analyse", "--db", store.path])
    assert quick.exit_code == 0, quick.output
    assert "analysed 0 meetings into 0 statements (14 unchanged" in quick.output
    statements = len(store.statements())
    forced = runner.invoke(cli, ["analyse", "--reanalyse", "--db", store.path])
    assert f"analysed 13 meetings into {statements} statements (0 unchanged" in forced.output
    recrawl = runner.invoke(cli, ["crawl", site.base_url, "--delay", "0", "--reanalyse", "--db", store.path])
    assert recrawl.exit_code == 0, recrawl.output
    assert f"analysed 13 meetings into {statements} statements (0 unchanged); 117 indicator values read" in recrawl.output
