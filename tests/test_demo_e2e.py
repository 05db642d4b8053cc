"""The demo path end to end: mock server -> crawl -> extract -> analyse -> link -> store -> outputs.

Facts asserted here are those written in corpora/sample-council/STORY.md.
"""
from datetime import date

import pytest

from minutes_miner.fetch import FetchConfig
from minutes_miner.mockserver.server import sample_site, serve
from minutes_miner.outputs.concerns import concern_matrix
from minutes_miner.outputs.questions import member_questions
from minutes_miner.pipeline import crawl
from minutes_miner.sources.base import CrawlOptions
from minutes_miner.store import StatementFilter, open_store


@pytest.fixture
def store(demo):
    with open_store(demo.db) as s:
        yield s


def test_everything_crawled(demo, store):
    assert demo.crawl.failed == 0
    assert demo.crawl.council == "Borsetshire County Council"
    names = {c["name"] for c in store.committees()}
    assert {"Children's Services Overview and Scrutiny Committee", "Corporate Parenting Panel",
            "Health and Wellbeing Board"} <= names
    meetings = store.meetings()
    assert len(meetings) == 14  # 15 in the sample council, one of them cancelled
    assert min(m.date for m in meetings) == date(2023, 1, 17)
    assert demo.stats["documents"] == 15
    # Kept raw: every document's bytes are in the store.
    assert all(d.sha256 and store.blob(d.sha256).startswith(b"%PDF") for d in store.documents())


def test_roster_and_attendance(store):
    people = {p.name: p for p in store.persons()}
    mehta = people["Councillor Sunita Mehta"]
    assert (mehta.party, mehta.ward) == ("Labour", "Felpersham East")
    kilbride = next(p for p in people.values() if p.name.endswith("Kilbride"))
    assert kilbride.kind == "officer" and kilbride.title == "Corporate Director of Children's Services"


def test_statements_speakers_and_pairs(store):
    questions = store.statements(StatementFilter(speaker="Mehta", act="question"))
    assert questions, "Councillor Mehta asks questions in the sample council"
    assert all(q.speaker == "Councillor Sunita Mehta" and q.speaker_kind == "member" for q in questions)
    answers = {a.answers_id: a for a in store.statements(StatementFilter(act="answer"))}
    answered = [q for q in questions if q.id in answers]
    assert len(answered) >= len(questions) // 2
    assert any(answers[q.id].speaker == "Priya Nandra" for q in answered)


def test_pdf_only_meeting_is_analysed_with_pages(store):
    pdf_meeting = next(m for m in store.meetings() if m.date == date(2024, 3, 19))
    rows = store.statements(StatementFilter(meeting_id=pdf_meeting.id))
    assert len(rows) > 10
    admitted = [r for r in rows if "accepted that the figure had fallen" in r.text]
    assert admitted and admitted[0].speaker == "Simon Greaves"
    assert admitted[0].page is not None and "#page=" in admitted[0].source_url


def test_indicators_move_over_time(store):
    ehcp = next(i for i in store.indicators() if i.ref == "CS01")
    by_period = {v.period: v for v in ehcp.values}
    q2 = next(v for p, v in by_period.items() if "Q2 2023/24" in p or "Quarter 2 2023/24" in p)
    assert (q2.value, q2.rag, q2.direction) == (51.8, "AMBER", "worsening")
    assert ehcp.values[0].rag == "RED" and ehcp.values[-1].rag == "GREEN"
    assert len(ehcp.values) == 10


def test_search_safeguarding_cites_sources(store):
    hits = store.search("safeguard")
    assert len(hits) >= 5
    for hit in hits:
        s = hit.statement
        assert s.meeting_date and s.committee and s.council == "Borsetshire County Council"
        assert s.source_url and s.source_url.startswith("http://127.0.0.1")
    assert any(h.statement.speaker for h in hits)


def test_member_question_summary_follow_up_delivered(store):
    summary = member_questions(store, "Mehta", until=date(2023, 12, 31))
    locality = next(q for q in summary.questions if "parts of the county" in q.text)
    assert locality.asked_by == "Councillor Sunita Mehta"
    assert locality.citation is not None
    (follow_up,) = [f for f in locality.follow_ups if "by locality" in f.text]
    assert follow_up.speaker == "Priya Nandra"
    assert follow_up.status == "delivered"
    assert "had been circulated to Members on 14 February 2023" in follow_up.delivered_by.text


def test_recurring_concerns(store):
    matrix = concern_matrix(store, committee="Children's Services")
    labels = {row.concern for row in matrix.rows}
    assert {"workforce", "safeguarding", "send", "mental-health"} <= labels


def test_recrawl_downloads_no_documents(tmp_path):
    with open_store(tmp_path / "again.db") as store, serve(sample_site()) as server:
        config = FetchConfig(delay=0.0, retries=0)
        first = crawl(store, server.base_url, CrawlOptions(), config)
        n_first = len(server.requests)
        second = crawl(store, server.base_url, CrawlOptions(), config)
        repeated = server.requests[n_first:]
        assert first.new == 14 and second.new == 0 and second.unchanged == 14 and second.changed == 0
        assert not [r for r in repeated if "/documents/" in r or "mgConvert2PDF" in r]
        assert store.stats()["meetings"] == 14


def test_report_written(demo):
    index = demo.report.read_text()
    assert "Borsetshire County Council" in index
    assert (demo.report.parent / "concerns.html").exists()
