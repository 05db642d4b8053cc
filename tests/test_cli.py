"""The command line: thin commands, clear errors, real output on the demo database."""
import json

import pytest
from click.testing import CliRunner
from paths import realdata_file

from minutes_miner.cli import cli


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_help_lists_every_command():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("demo", "crawl", "ingest", "analyse", "indicators", "search", "questions", "concerns", "report",
                    "stats"):
        assert command in result.output


def test_unknown_command_and_option_give_usage():
    result = run("frobnicate")
    assert result.exit_code == 2 and "Usage:" in result.output and "No such command" in result.output
    result = run("search", "x", "--colour")
    assert result.exit_code == 2 and "No such option" in result.output


def test_foreign_db_is_refused_untouched(tmp_path):
    path = tmp_path / "budget.xlsx"
    path.write_bytes(b"PK\x03\x04 not a database")
    result = run("stats", "--db", path)
    assert result.exit_code == 1
    assert "not a minutes-miner database" in result.output and str(path) in result.output
    assert "Traceback" not in result.output
    assert path.read_bytes() == b"PK\x03\x04 not a database"


def test_search_safeguarding_on_demo_db(demo):
    result = run("search", "safeguarding", "--db", demo.db)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Children's Services Overview and Scrutiny Committee" in out
    assert "Borsetshire County Council" in out
    assert "http://127.0.0.1:" in out  # link to the source page
    assert "2023-" in out or "2024-" in out  # meeting dates


def test_search_json_and_filters(demo):
    result = run("search", "CAMHS", "--kind", "member", "--act", "question", "--json", "--db", demo.db)
    hits = json.loads(result.output)
    assert hits and all(h["speaker_kind"] == "member" and h["act"] == "question" for h in hits)


def test_search_syntax_error_is_clear(demo):
    result = run("search", '"unterminated', "--db", demo.db)
    assert result.exit_code == 1 and "cannot parse search query" in result.output and "Traceback" not in result.output


def test_stats_and_indicators_on_demo_db(demo):
    result = run("stats", "--db", demo.db)
    assert "meetings" in result.output and " 14" in result.output
    result = run("indicators", "--db", demo.db)
    assert "EHCP" in result.output and "51.8" in result.output


def test_empty_store_says_what_to_run(tmp_path):
    result = run("search", "safeguarding", "--db", tmp_path / "new.db")
    assert result.exit_code == 1 and "minutes-miner demo" in result.output


def test_indicators_json_contract_on_sample_report(tmp_path):
    from minutes_miner.resources import sample_council_dir

    pdf = next((sample_council_dir() / "documents").glob("s625*/*.pdf"))
    result = run("indicators", pdf, "--json")
    data = json.loads(result.output)
    assert set(data) == {"source", "period", "indicators"}
    ehcp = next(i for i in data["indicators"] if "EHCP" in i["name"])
    assert set(ehcp) == {"name", "section", "period", "value", "unit", "target", "floor", "rag", "previous_rag",
                         "direction", "page"}
    assert (ehcp["value"], ehcp["rag"], ehcp["direction"], ehcp["page"]) == (51.8, "AMBER", "worsening", 1)


def _contract_ok(doc):
    assert set(doc) == {"source", "meeting", "attendance", "items"}
    assert set(doc["meeting"]) == {"committee", "date"}
    for item in doc["items"]:
        assert set(item) == {"number", "title", "statements"}
        for s in item["statements"]:
            assert set(s) == {"text", "speaker", "speaker_key", "speaker_kind", "act", "answers", "section", "concerns"}


def test_analyse_json_text_file(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text(
        "4. Performance Report\n"
        "Jane Okafor, Head of Early Help, presented the report.\n"
        "Councillor Lee asked whether referrals had risen because of Covid-19.\n"
        "In response, Ms Okafor advised that they had.\n"
        "RESOLVED that the report be noted.\n", encoding="utf-8")
    result = run("analyse", path, "--json")
    assert result.exit_code == 0, result.output
    (doc,) = json.loads(result.output)["documents"]
    _contract_ok(doc)
    statements = [s for item in doc["items"] for s in item["statements"]]
    question = next(s for s in statements if s["act"] == "question")
    assert question["speaker_key"] == "lee" and "covid-19" in question["concerns"]
    answer = next(s for s in statements if s["act"] == "answer")
    assert answer["speaker_key"] == "okafor" and answer["answers"] is not None


def test_analyse_json_sample_council_pdf_and_html(demo, tmp_path):
    from minutes_miner.resources import sample_council_dir

    pdf = next((sample_council_dir() / "documents" / "g4406").glob("*.pdf"))
    (doc,) = json.loads(run("analyse", pdf, "--json").output)["documents"]
    _contract_ok(doc)
    assert doc["meeting"]["date"] == "2024-03-19"
    assert any(a["name"].endswith("Holloway") for a in doc["attendance"])


@pytest.mark.realdata
def test_analyse_json_real_getmeeting_xml():
    xml = realdata_file("moderngov-xml", "lgsf_manchester_GetMeeting_with_minutes.xml")
    (doc,) = json.loads(run("analyse", xml, "--json").output)["documents"]
    _contract_ok(doc)
    assert doc["meeting"]["date"] == "2026-02-10"
    assert doc["items"][0]["title"] == "Minutes"


def test_analyse_saved_moderngov_meeting_page(tmp_path):
    import requests

    from minutes_miner.mockserver.server import sample_site, serve

    with serve(sample_site()) as server:
        page = requests.get(server.base_url + "ieListDocuments.aspx?CId=131&MId=4401&Ver=4", timeout=10).content
    path = tmp_path / "ieListDocuments.html"
    path.write_bytes(page)
    (doc,) = json.loads(run("analyse", path, "--json").output)["documents"]
    _contract_ok(doc)
    assert doc["meeting"]["date"] == "2023-01-17"
    titles = [i["title"] for i in doc["items"]]
    assert any(t and t.startswith("Children's Services Performance Indicators") for t in titles)
    statements = [s for i in doc["items"] for s in i["statements"]]
    assert any(s["speaker_key"] == "mehta" and s["act"] == "question" for s in statements)


def test_ingest_hand_saved_files(tmp_path):
    from minutes_miner.resources import sample_council_dir

    docs = sample_council_dir() / "documents"
    minutes = next((docs / "g4406").glob("*.pdf"))
    report = next(docs.glob("s625*/*.pdf"))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n this is not really a pdf")
    db = tmp_path / "ingest.db"
    result = run("ingest", minutes, report, broken, "--council", "Borsetshire County Council", "--db", db)
    assert result.exit_code == 0, result.output
    assert "2 files" in result.output and "1 failed" in result.output
    assert "broken.pdf" in result.output
    search = json.loads(run("search", "audit", "--json", "--db", db).output)
    assert search and search[0]["council"] == "Borsetshire County Council"
    indicators = run("indicators", "--db", db).output
    assert "51.8" in indicators
    assert "broken.pdf" in run("stats", "--db", db).output
