"""`minutes-miner crawl` and `stats`: the summary, the failures, an interrupted crawl listed."""
from __future__ import annotations

from click.testing import CliRunner

from minutes_miner.cli import cli
from minutes_miner.mockserver.server import Fault, sample_site, serve
from minutes_miner.store import open_store


def test_crawl_summary_progress_and_failures_in_stats(tmp_path):
    db = tmp_path / "c.db"
    faults = {"mgWebService.asmx/GetMeeting?lMeetingId=4432": Fault(status=404)}
    runner = CliRunner()
    with serve(sample_site(), faults=faults) as server:
        result = runner.invoke(cli, ["crawl", server.base_url, "--committee", "Corporate Parenting", "--delay", "0",
                                     "--no-analyse", "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == ("Borsetshire County Council (web service): 1 committees; meetings new 2, changed 0, "
                        "unchanged 0, failed 1")
    assert lines[1].startswith("  0 documents (0 downloaded); ") and "requests (0 not modified)" in lines[1]
    assert "crawl: 3/3 meetings" in result.stderr
    assert "failed [meeting] " + server.base_url + "ieListDocuments.aspx?CId=137&MId=4432" in result.stderr
    stats = runner.invoke(cli, ["stats", "--db", str(db)])
    assert f"failure [meeting] {server.base_url}ieListDocuments.aspx?CId=137&MId=4432: " in stats.stdout
    assert "GetMeeting?lMeetingId=4432: HTTP 404" in stats.stdout
    assert "finished" in stats.stdout


def test_a_failure_line_names_its_url_once(tmp_path):
    db = tmp_path / "c.db"
    document = "documents/s62501/CS Performance Indicators Q2 2023-24.pdf"
    runner = CliRunner()
    with serve(sample_site(), faults={document: Fault(status=404)}) as server:
        result = runner.invoke(cli, ["crawl", server.base_url, "--committee", "131", "--delay", "0", "--no-analyse",
                                     "--db", str(db)])
    assert result.exit_code == 0, result.output
    url = server.base_url + document.replace(" ", "%20")
    assert f"  failed [document] {url}: HTTP 404\n" in result.stderr
    stats = runner.invoke(cli, ["stats", "--db", str(db)])
    assert f"  failure [document] {url}: HTTP 404\n" in stats.stdout


def test_stats_lists_an_interrupted_crawl(tmp_path):
    db = tmp_path / "c.db"
    with open_store(db) as store:
        store.begin_crawl("http://democracy.example.gov.uk/", "{}")
    stats = CliRunner().invoke(cli, ["stats", "--db", str(db)])
    assert "crawl http://democracy.example.gov.uk/ started" in stats.stdout
    assert "interrupted (run crawl again to resume)" in stats.stdout
