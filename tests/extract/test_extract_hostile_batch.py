"""A batch of hostile PDFs among good ones, through the command line: every bad file is reported
by name with its reason, the good ones come out complete, and nothing already stored is lost."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from extract_pdf_fixtures import make_kpi_report, make_minutes
from hostile_pdfs import write_hostile_set

from minutes_miner.cli import cli
from minutes_miner.store import open_store


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    expected = write_hostile_set(folder)
    (folder / "report-q2.pdf").write_bytes(make_kpi_report())
    shutil.copy(folder / "report-q2.pdf", folder / "report-q2-copy.pdf")
    return folder, expected


def _json_documents(text: str) -> list[dict]:
    decoder, docs, pos = json.JSONDecoder(), [], 0
    while pos < len(text.strip()):
        doc, end = decoder.raw_decode(text, pos)
        docs.append(doc)
        pos = end
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return docs


def test_indicators_batch_reports_every_bad_file_and_completes_the_good(batch):
    folder, expected = batch
    names = ["report-q2.pdf", *expected, "report-q2-copy.pdf"]
    result = CliRunner().invoke(cli, ["indicators", *[str(folder / n) for n in names], "--json"], catch_exceptions=False)
    assert result.exit_code == 1  # some files failed
    docs = {d["source"].rsplit("/", 1)[-1]: d for d in _json_documents(result.stdout)}
    # the good reports are complete, the readable hostile files are read
    for good in ("report-q2.pdf", "report-q2-copy.pdf", "corrupt-xref.pdf"):
        indicators = {i["name"]: i for i in docs[good]["indicators"]}
        assert len(indicators) == 9, good
        eh01 = indicators["Percentage of EHC plans issued within 20 weeks"]
        assert (eh01["value"], eh01["target"], eh01["floor"], eh01["rag"], eh01["previous_rag"], eh01["direction"]) == (
            63.5, 60.0, 50.0, "GREEN", "AMBER", "improving")
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error: ")]
    warnings = [ln for ln in result.stderr.splitlines() if ln.startswith("warning: ")]
    for name, (outcome, reason) in expected.items():
        path = str(folder / name)
        if outcome == "error":
            assert name not in docs
            assert any(ln.startswith(f"error: {path}: ") and reason in ln for ln in errors), (name, result.stderr)
        else:
            assert name in docs, name
        if outcome == "warning":
            assert any(ln.startswith(f"warning: {path}: ") and reason in ln for ln in warnings), (name, result.stderr)
    assert len(errors) == sum(1 for outcome, _ in expected.values() if outcome == "error")
    assert "Traceback" not in result.output


def test_ingest_batch_keeps_what_is_stored(batch, tmp_path):
    folder, expected = batch
    db = tmp_path / "council.db"
    minutes = tmp_path / "Printed minutes 3rd-Sep-2024.pdf"
    minutes.write_bytes(make_minutes())
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(minutes), "--council", "Fictional Borough Council", "--db", str(db)],
                          catch_exceptions=False)
    assert first.exit_code == 0
    with open_store(db) as store:
        before = store.stats()
    names = [n for n in expected if n != "2000-pages.pdf"] + ["report-q2.pdf"]
    result = runner.invoke(cli, ["ingest", *[str(folder / n) for n in names], "--council", "Fictional Borough Council",
                                 "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0
    bad = [n for n, (outcome, _) in expected.items() if outcome == "error"]
    assert f"{len(bad)} failed" in result.stdout
    for name in bad:
        assert any(ln.startswith(f"  failed: {folder / name}: ") for ln in result.stderr.splitlines()), name
    with open_store(db) as store:
        after = store.stats()
        failures = {f.url.rsplit("/", 1)[-1]: f.reason for f in store.failures()}
    assert after["statements"] >= before["statements"] and after["meetings"] >= before["meetings"]
    assert after["indicator_values"] == before["indicator_values"] + 9
    for name, (outcome, reason) in expected.items():
        if outcome == "error":
            assert reason in failures[name], name
