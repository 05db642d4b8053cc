"""Meetings with HTML minutes and a separate council questions paper, crawled from the mock server:
a paper titled as such, and an untitled "Supplement" known only by its content once the indicators
stage has read it. Both the minutes and the paper are analysed; the questions, with asker, the
member answering and the answer, reach the member-question summary and search; re-analysis
neither duplicates nor loses anything, and the incremental bookkeeping covers the paper."""
from __future__ import annotations

import shutil

import pytest
from extract.extract_pdf_fixtures import QUESTIONS, make_questions_paper
from paths import realdata_file

from minutes_miner.fetch import FetchConfig
from minutes_miner.mockserver.server import Fault, sample_site, serve
from minutes_miner.mockserver.site import Document
from minutes_miner.outputs.questions import member_questions
from minutes_miner.pipeline import analyse_store, crawl, extract_indicators
from minutes_miner.sources.base import CrawlOptions
from minutes_miner.store import open_store

FAST = FetchConfig(delay=0.0, retries=0)
OPTIONS = CrawlOptions(committees=("131",))
TITLED_MEETING, SUPPLEMENT_MEETING = 4408, 4409


def _site(paper: bytes | None, titled: bool = True):
    """The sample council; with `paper`, attached as "Written questions from members" to an item of
    one meeting (when `titled`) and as an untitled "Supplement" to another meeting."""
    site = sample_site()
    if paper is None:
        return site
    meetings = {m.id: m for m in site.meetings}
    supplement = Document(id=99002, path="documents/s99002/Supplement.pdf", title="Supplement",
                          meeting_id=SUPPLEMENT_MEETING, data=paper)
    meetings[SUPPLEMENT_MEETING].document_ids.append(supplement.id)  # linked from the meeting
    site.documents[supplement.id] = supplement
    if titled:
        written = Document(id=99001, path="documents/s99001/Written questions from members.pdf",
                           title="Written questions from members", meeting_id=TITLED_MEETING, data=paper)
        meetings[TITLED_MEETING].items[-1].document_ids.append(written.id)  # linked from an agenda item
        site.documents[written.id] = written
    site.reindex()
    return site


def _crawled(tmp_path_factory, paper: bytes | None, titled: bool = True):
    db = tmp_path_factory.mktemp("papers") / "crawled.db"
    with serve(_site(paper, titled)) as server, open_store(db) as store:
        crawl(store, server.base_url, OPTIONS, FAST)
    return db


@pytest.fixture(scope="module")
def crawled_db(tmp_path_factory):
    return _crawled(tmp_path_factory, make_questions_paper())


@pytest.fixture(scope="module")
def minutes_only(tmp_path_factory):
    """(meeting date, item title, statement text, speaker, act) of the same site without the papers."""
    with open_store(_crawled(tmp_path_factory, None)) as store:
        analyse_store(store, workers=1)
        return sorted(_minutes_statements(store))


@pytest.fixture
def store(crawled_db, tmp_path):
    shutil.copy(crawled_db, tmp_path / "copy.db")
    with open_store(tmp_path / "copy.db") as opened:
        yield opened


def _meeting(store, external_id: int):
    return next(m for m in store.meetings() if m.source_url.endswith(f"MId={external_id}"))


def _minutes_statements(store) -> list[tuple]:
    return [(s.meeting_date, s.item_title, s.text, s.speaker, s.act) for s in store.statements()
            if not (s.item_title or "").startswith("Question by")]


def _question_items(store, meeting) -> list[dict]:
    return [i for i in store.items(meeting.id) if (i["title"] or "").startswith("Question by")]


def test_a_paper_titled_as_such_is_known_at_crawl_and_a_supplement_once_its_content_is_read(store):
    def kind(meeting_external_id):
        (doc,) = [d for d in store.documents(_meeting(store, meeting_external_id).id) if "/s9900" in d.url]
        return doc.kind

    assert (kind(TITLED_MEETING), kind(SUPPLEMENT_MEETING)) == ("questions", "report")
    extract_indicators(store, workers=1)
    assert (kind(TITLED_MEETING), kind(SUPPLEMENT_MEETING)) == ("questions", "questions")


def test_minutes_and_questions_papers_are_both_analysed(store, minutes_only):
    extract_indicators(store, workers=1)
    summary = analyse_store(store, workers=1)
    assert summary.failed == 0
    assert sorted(_minutes_statements(store)) == minutes_only  # the minutes' statements, all kept
    for external_id in (TITLED_MEETING, SUPPLEMENT_MEETING):
        meeting = _meeting(store, external_id)
        items = _question_items(store, meeting)
        assert [i["title"] for i in items] == [f"Question by {asker} to {answerer}, {title}"
                                               for asker, answerer, title, *_ in QUESTIONS]
        statements = [s for s in store.statements() if s.meeting_id == meeting.id and s.item_id == items[0]["id"]]
        question, *answers = sorted(statements, key=lambda s: s.position)
        asker, answerer, _, asked, answered, *_ = QUESTIONS[0]
        assert (question.act, question.speaker, question.speaker_kind, question.text) == (
            "question", asker, "member", " ".join(asked))
        assert answers and all((a.speaker, a.speaker_kind) == (answerer, "cabinet_member") for a in answers)
        assert answers[0].act == "answer" and answers[0].answers_id == question.id
        assert " ".join(a.text for a in answers) == " ".join(answered)
        assert "#page=1" in question.source_url and question.source_url.split("#")[0].endswith(".pdf")


def test_the_questions_reach_the_member_summary_and_search(store):
    extract_indicators(store, workers=1)
    analyse_store(store, workers=1)
    asker, answerer, *_ = QUESTIONS[1]
    summary = member_questions(store, asker)
    # the question and the supplementary question, at each of the two meetings
    assert len(summary.questions) == 4 and summary.answered_count == 4
    assert {a.speaker for q in summary.questions for a in q.answers} == {answerer}
    hits = [h.statement for h in store.search("potholes Ashbury")]
    assert {(h.speaker, h.act) for h in hits[:2]} == {(QUESTIONS[0][0], "question")}
    assert {h.meeting_id for h in hits[:2]} == {_meeting(store, TITLED_MEETING).id, _meeting(store, SUPPLEMENT_MEETING).id}


def test_reanalysis_gives_the_same_items_and_statements(store):
    extract_indicators(store, workers=1)
    analyse_store(store, workers=1)
    before = sorted((s.id, s.item_id, s.text, s.speaker, s.act) for s in store.statements())
    items = sorted(i["id"] for m in store.meetings() for i in store.items(m.id))
    again = analyse_store(store, workers=1, force=True)
    assert again.failed == 0
    assert sorted((s.id, s.item_id, s.text, s.speaker, s.act) for s in store.statements()) == before
    assert sorted(i["id"] for m in store.meetings() for i in store.items(m.id)) == items


def test_the_incremental_bookkeeping_covers_the_papers(store):
    first = analyse_store(store, workers=1)  # before the supplement is known as a questions paper
    supplement = _meeting(store, SUPPLEMENT_MEETING)
    assert first.failed == 0 and not _question_items(store, supplement)
    extract_indicators(store, workers=1)
    second = analyse_store(store, workers=1)  # the supplement's meeting, and only it, again
    assert (second.meetings, second.unchanged) == (1, first.meetings + first.skipped - 1)
    assert len(_question_items(store, supplement)) == len(QUESTIONS)
    third = analyse_store(store, workers=1)
    assert third.meetings == 0 and third.unchanged == first.meetings + first.skipped


@pytest.mark.realdata
def test_kent_s_questions_paper_attached_as_an_untitled_supplement(tmp_path_factory):
    paper = realdata_file("kent", "kcc_council_questions_and_answers_2025-03-13.pdf").read_bytes()
    with open_store(_crawled(tmp_path_factory, paper, titled=False)) as store:
        extract_indicators(store, workers=1)
        assert analyse_store(store, workers=1).failed == 0
        items = _question_items(store, _meeting(store, SUPPLEMENT_MEETING))
        statements = {}
        for s in store.statements():
            statements.setdefault(s.item_id, []).append(s)
        assert [i["number"] for i in items] == [str(n) for n in range(1, 13)]  # the paper's 12 questions
        for item in items:
            asker, answerer = item["title"].removeprefix("Question by ").split(", ")[0].split(" to ")
            said = sorted(statements[item["id"]], key=lambda s: s.position)
            assert said[0].act == "question" and {s.speaker for s in said if s.act == "question"} == {asker}
            answers = [s for s in said if s.act == "answer"]
            assert answers and {s.speaker for s in answers} == {answerer}
            assert answers[0].answers_id in {s.id for s in said if s.act == "question"}


def test_a_paper_that_cannot_be_read_does_not_hold_back_the_minutes(tmp_path, minutes_only):
    written = "documents/s99001/Written questions from members.pdf"
    broken = Fault(body=b"%PDF-1.4\n" + b"\x00" * 2000, content_type="application/pdf")
    with serve(_site(make_questions_paper()), faults={written: broken}) as server, \
            open_store(tmp_path / "x.db") as store:
        crawl(store, server.base_url, OPTIONS, FAST)
        first = analyse_store(store, workers=1)
        titled = _meeting(store, TITLED_MEETING)
        [(url, stage, reason)] = [(f.url, f.stage, f.reason) for f in store.failures()]
        minutes = sorted(s for s in _minutes_statements(store) if s[0] == titled.date)
        assert first.failed == 1 and (url, stage) == (titled.source_url, "analyse") and "Written%20questions" in reason
        assert minutes == [s for s in minutes_only if s[0] == titled.date] and not _question_items(store, titled)
        server.faults.clear()
        crawl(store, server.base_url, CrawlOptions(committees=OPTIONS.committees, refresh=True), FAST)
        second = analyse_store(store, workers=1)  # tried again: not marked done while the paper was unread
        assert second.failed == 0 and store.failures() == []
        assert len(_question_items(store, titled)) == len(QUESTIONS)


def test_a_kind_read_from_content_follows_a_later_reading(store, monkeypatch):
    """A supplement once read as a questions paper, which a later (fixed) reading finds is not one,
    is labelled a plain report again, and its meeting's question items go on the next analysis;
    the paper titled as such keeps its kind from the title and is not read by the indicators stage."""
    extract_indicators(store, workers=1)
    analyse_store(store, workers=1)
    supplement, titled = _meeting(store, SUPPLEMENT_MEETING), _meeting(store, TITLED_MEETING)
    assert len(_question_items(store, supplement)) == len(QUESTIONS)

    import minutes_miner.pipeline.indicators as stage

    read: list[str] = []

    def fixed_classify(pdf):
        read.append(pdf.source)
        return "other" if "/s99002/" in pdf.source else stage_classify(pdf)

    stage_classify = stage.classify
    monkeypatch.setattr(stage, "classify", fixed_classify)
    monkeypatch.setattr(stage, "INDICATORS_VERSION", "fixed-classifier")
    extract_indicators(store, workers=1)
    kinds = {d.url.split("/")[-2]: d.kind for m in (supplement, titled) for d in store.documents(m.id) if "/s9900" in d.url}
    assert kinds == {"s99002": "report", "s99001": "questions"}
    assert any("/s99002/" in url for url in read) and not any("/s99001/" in url for url in read)
    again = analyse_store(store, workers=1)
    assert again.failed == 0 and again.meetings == 1  # the supplement's meeting only
    assert _question_items(store, supplement) == []
    assert len(_question_items(store, titled)) == len(QUESTIONS)


def test_a_paper_read_before_that_cannot_be_read_now_keeps_its_questions(store, monkeypatch):
    from minutes_miner.errors import PDFError
    from minutes_miner.pipeline import analyse as analyse_module

    extract_indicators(store, workers=1)
    analyse_store(store, workers=1)
    titled = _meeting(store, TITLED_MEETING)
    before = sorted((s.item_title, s.text, s.speaker) for s in store.statements() if s.meeting_date == titled.date)
    real = analyse_module.read_pdfs

    def paper_times_out(jobs, **kwargs):
        for job, result in real(jobs, **kwargs):
            if "Written%20questions" in job.source:
                result = PDFError("gave up after 120 s (time limit exceeded while parsing)", where=job.source)
            yield job, result

    monkeypatch.setattr(analyse_module, "read_pdfs", paper_times_out)
    again = analyse_store(store, [titled.id], workers=1, force=True)
    after = sorted((s.item_title, s.text, s.speaker) for s in store.statements() if s.meeting_date == titled.date)
    [(url, stage, reason)] = [(f.url, f.stage, f.reason) for f in store.failures()]
    assert again.failed == 1 and (url, stage) == (titled.source_url, "analyse")
    assert "Written%20questions" in reason and "time limit" in reason
    assert len(_question_items(store, titled)) == len(QUESTIONS)
    assert after == before and any(title.startswith("Question by") for title, _, _ in after)
