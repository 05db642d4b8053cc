"""ingest_files: hand-saved files into the store, each file read once."""
from __future__ import annotations

import shutil

from minutes_miner.pipeline import ingest_files
from minutes_miner.resources import sample_council_dir
from minutes_miner.store import open_store

MINUTES_TEXT = """5. Performance Report
Jane Okafor, Head of Early Help, presented the report.
Councillor Lee asked whether referrals had risen.
RESOLVED that the report be noted.
"""


def test_each_file_is_stored_from_the_bytes_read_once(tmp_path):
    printed = next(sample_council_dir().glob("documents/g4406/Printed minutes*.pdf"))
    pdf = tmp_path / "printed.pdf"
    shutil.copy(printed, pdf)
    text = tmp_path / "minutes.txt"
    text.write_text(MINUTES_TEXT, encoding="utf-8")

    def move_away(stage, done, total):
        # Files moved or deleted while a batch runs: what was read is what gets stored.
        [pdf, text][done - 1].unlink()

    with open_store(tmp_path / "x.db") as store:
        summary = ingest_files(store, [pdf, text], "Fictional Borough Council", progress=move_away)
        blobs = {url.rsplit("/", 1)[-1]: store.blob_for_url(url) for url in (pdf.as_uri(), text.as_uri())}
        items = {i["title"] for m in store.meetings() for i in store.items(m.id)}
    assert summary.failed == [] and summary.files == 2 and summary.meetings == 2
    assert blobs["printed.pdf"] == (printed.read_bytes(), "application/pdf")
    assert blobs["minutes.txt"] == (MINUTES_TEXT.encode("utf-8"), None)
    assert "Performance Report" in items


def test_an_indicators_csv_is_stored_as_indicator_values_not_as_minutes(tmp_path):
    csv = tmp_path / "kpis.csv"
    csv.write_text(
        "council,indicator,period,value,unit,target,rag\n"
        "Fictional Borough Council,EHC plans issued within 20 weeks,Q2 2023/24,63.5,%,60,GREEN\n"
        "Fictional Borough Council,EHC plans issued within 20 weeks,Q3 2023/24,66,%,60,GREEN\n",
        encoding="utf-8")
    with open_store(tmp_path / "x.db") as store:
        summary = ingest_files(store, [csv], "Fictional Borough Council")
        stats = store.stats()
        [indicator] = store.indicators()
    assert (summary.files, summary.meetings, summary.indicator_values) == (1, 0, 2)
    assert stats["meetings"] == 0 and stats["statements"] == 0
    assert indicator.name == "EHC plans issued within 20 weeks"
    assert [(v.period, v.value, v.rag) for v in indicator.values] == [("Q2 2023/24", 63.5, "GREEN"),
                                                                       ("Q3 2023/24", 66.0, "GREEN")]


def test_a_questions_paper_is_ingested_once_however_often_it_is_analysed(tmp_path):
    from extract.extract_pdf_fixtures import QUESTIONS, make_questions_paper

    from minutes_miner.pipeline import analyse_store

    paper = tmp_path / "questions.pdf"
    paper.write_bytes(make_questions_paper())
    with open_store(tmp_path / "x.db") as store:
        summary = ingest_files(store, [paper], "Fictional County Council")
        [meeting] = store.meetings()
        titles = [i["title"] for i in store.items(meeting.id)]
        said = sorted((s.item_title, s.speaker, s.act, s.text) for s in store.statements())
        assert analyse_store(store, workers=1, force=True).meetings == 1
        again = sorted((s.item_title, s.speaker, s.act, s.text) for s in store.statements())
        ingest_files(store, [paper], "Fictional County Council")
        twice = sorted((s.item_title, s.speaker, s.act, s.text) for s in store.statements())
        assert [i["title"] for i in store.items(meeting.id)] == titles
    assert summary.meetings == 1 and (meeting.committee, meeting.date.isoformat()) == ("Fictional County Council",
                                                                                        "2025-03-06")
    assert titles == [f"Question by {asker} to {answerer}, {title}" for asker, answerer, title, *_ in QUESTIONS]
    assert {(speaker, act) for _, speaker, act, _ in said} == {
        (who, act) for asker, answerer, *_ in QUESTIONS for who, act in ((asker, "question"), (answerer, "answer"))}
    assert said == again == twice


def test_full_council_minutes_recording_questions_are_ingested_as_minutes_with_every_item(tmp_path):
    from extract.extract_pdf_fixtures import hollowmere_with_responses

    minutes = tmp_path / "council.pdf"
    minutes.write_bytes(hollowmere_with_responses(tmp_path))
    with open_store(tmp_path / "x.db") as store:
        summary = ingest_files(store, [minutes], "Hollowmere District Council")
        [meeting] = store.meetings()
        items = [(i["number"], i["title"]) for i in store.items(meeting.id)]
        kinds = [d.kind for d in store.documents(meeting.id)]
        said = {(s.item_title, s.speaker) for s in store.statements()}
    assert summary.failed == [] and summary.meetings == 1
    assert kinds == []  # not kept as a questions paper to be read again
    assert [n for n, _ in items] == [str(n) for n in range(84, 93)]
    assert items[5] == ("89", "QUESTIONS FROM MEMBERS (COUNCIL PROCEDURE RULE 11)")
    assert ("RECOMMENDATION FROM CABINET: HOMELESSNESS AND ROUGH SLEEPING STRATEGY 2024–2029", "Councillor Rajesh Mistry") in said  # "Councillors Wendy Ashworth, ..., Rajesh Mistry": each a Councillor
