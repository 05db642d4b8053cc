import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from minutes_miner.errors import NotADatabaseError, QueryError, SchemaTooNewError
from minutes_miner.models import (
    AgendaItem,
    Attendance,
    Committee,
    Council,
    Document,
    Indicator,
    IndicatorValue,
    Link,
    Meeting,
    ParsedMeeting,
    Person,
    Statement,
)
from minutes_miner.store import StatementFilter, open_store
from minutes_miner.store.sqlite import SCHEMA_VERSION


def _meeting(council: Council, minutes: str = "Members expressed concern about safeguarding referrals.") -> ParsedMeeting:
    committee = Committee(council_id=council.id, name="Children's Services Overview and Scrutiny Committee",
                          external_id="12")
    meeting = Meeting(committee_id=committee.id, source_url="http://x/ieListDocuments.aspx?CId=12&MId=7",
                      date=date(2024, 3, 5), external_id="7", minutes_published=True)
    items = (
        AgendaItem(meeting_id=meeting.id, position=0, number="1", title="Apologies", external_id="100"),
        AgendaItem(meeting_id=meeting.id, position=1, number="5", title="Performance Indicators",
                   minutes_text=minutes, external_id="101"),
    )
    return ParsedMeeting(council=council, committee=committee, meeting=meeting, items=items)


def _fill(store, council):
    parsed = _meeting(council)
    patel = Person(council_id=council.id, name="Councillor Mary Patel", kind="member", key="patel", party="Green")
    smith = Person(council_id=council.id, name="Jane Smith", kind="officer", key="smith", title="Head of Early Help")
    store.save_meeting(parsed, [Document(url="http://x/documents/s1/kpi.pdf", meeting_id=parsed.meeting.id,
                                         item_id=parsed.items[1].id, kind="report")],
                       [patel, smith], [Attendance(parsed.meeting.id, patel.id, "Chair", "present")])
    item = parsed.items[1]
    statements = [
        Statement(item_id=item.id, position=0, text="Councillor Patel asked whether safeguarding referrals had risen.",
                  act="question", speaker_id=patel.id, speaker="Councillor Mary Patel", speaker_key="patel",
                  speaker_kind="member", section="Dashboard 4 – Child Protection", concerns=("safeguarding",)),
        Statement(item_id=item.id, position=1, text="Jane Smith advised that referrals had fallen by 4%.",
                  act="answer", speaker_id=smith.id, speaker="Jane Smith", speaker_key="smith",
                  speaker_kind="officer", answers_position=0, section="Dashboard 4 – Child Protection"),
    ]
    store.save_analysis(parsed.meeting.id, statements, [patel, smith])
    return parsed, statements


def test_new_database_has_schema_wal_and_fts(db_path):
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"statements_fts", "items_fts", "meetings", "statements"} <= names


def test_reingest_is_idempotent(db_path):
    council = Council(name="Borsetshire County Council", base_url="http://x/")
    with open_store(db_path) as store:
        _fill(store, council)
        first = store.stats()
        _fill(store, council)
        assert store.stats() == first
        assert first["meetings"] == 1 and first["items"] == 2 and first["statements"] == 2
        assert first["persons"] == 2


def test_search_stems_and_cites(db_path):
    council = Council(name="Borsetshire County Council", base_url="http://x/")
    with open_store(db_path) as store:
        _parsed, statements = _fill(store, council)
        hits = store.search("safeguard")
        assert len(hits) == 1
        hit = hits[0].statement
        assert hit.speaker == "Councillor Mary Patel" and hit.act == "question"
        assert hit.meeting_date == date(2024, 3, 5)
        assert hit.committee.startswith("Children's Services")
        assert hit.council == "Borsetshire County Council"
        assert hit.item_title == "Performance Indicators"
        assert "**safeguarding**" in hits[0].snippet
        assert hit.concerns == ("safeguarding",)
        answers = store.statements(StatementFilter(act="answer"))
        assert answers[0].answers_id == statements[0].id
        assert store.search("referrals", StatementFilter(kind="officer"))[0].statement.speaker == "Jane Smith"
        assert store.search("referrals", StatementFilter(since=date(2025, 1, 1))) == []


def test_search_syntax_error_is_a_query_error(db_path):
    with open_store(db_path) as store:
        with pytest.raises(QueryError) as err:
            store.search('"unbalanced')
        assert "hint" in str(err.value)


def test_items_removed_from_source_are_removed(db_path):
    council = Council(name="C", base_url="http://x/")
    with open_store(db_path) as store:
        parsed = _meeting(council)
        store.save_meeting(parsed)
        store.save_meeting(ParsedMeeting(council=council, committee=parsed.committee, meeting=parsed.meeting,
                                         items=parsed.items[:1]))
        assert [i["title"] for i in store.items(parsed.meeting.id)] == ["Apologies"]


def test_person_merge_keeps_richer_details(db_path):
    council = Council(name="C", base_url="http://x/")
    with open_store(db_path) as store:
        store.save_persons(council, [Person(council_id=council.id, name="Councillor Mary Patel", kind="member",
                                            key="patel", party="Green", ward="Ambridge")])
        store.save_persons(council, [Person(council_id=council.id, name="Councillor Mary Patel", kind="chair",
                                            key="patel")])
        (p,) = store.persons()
        assert (p.kind, p.party, p.ward) == ("chair", "Green", "Ambridge")


def test_indicators_and_links(db_path):
    council = Council(name="C", base_url="http://x/")
    with open_store(db_path) as store:
        _parsed, statements = _fill(store, council)
        ind = Indicator(council_id=council.id, name="EHCPs issued within 20 weeks", section="SEND", unit="%", ref="SEND1")
        store.save_indicators(council, [ind], [
            IndicatorValue(indicator_id=ind.id, period="Q1 2023/24", value=48.0, target=60, rag="RED",
                           period_end=date(2023, 6, 30)),
            IndicatorValue(indicator_id=ind.id, period="Q2 2023/24", value=55.0, target=60, rag="AMBER",
                           period_end=date(2023, 9, 30)),
        ])
        store.replace_links([Link(statements[0].id, ind.id, "name", 1.0)])
        (row,) = store.indicators()
        assert [v.value for v in row.values] == [48.0, 55.0]
        assert [v.rag for v in row.values] == ["RED", "AMBER"]
        assert store.statements(StatementFilter(indicator="ehcps"))[0].id == statements[0].id


def test_blobs_are_content_addressed(db_path):
    with open_store(db_path) as store:
        a = store.save_blob("http://x/a.pdf", b"%PDF-1.4 same", "application/pdf", 200)
        b = store.save_blob("http://x/b.pdf", b"%PDF-1.4 same", "application/pdf", 200)
        assert a == b
        assert store.blob_for_url("http://x/b.pdf") == (b"%PDF-1.4 same", "application/pdf")
        assert store.stats()["fetches"] == 2


def test_failures_recorded_and_cleared(db_path):
    with open_store(db_path) as store:
        store.record_failure("http://x/bad.pdf", "document", "HTTP 500")
        store.record_failure("http://x/bad.pdf", "document", "HTTP 503")
        assert [(f.url, f.reason) for f in store.failures()] == [("http://x/bad.pdf", "HTTP 503")]
        store.clear_failure("http://x/bad.pdf", "document")
        assert store.failures() == []


def test_foreign_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database")
    with pytest.raises(NotADatabaseError) as err:
        open_store(path)
    assert str(path) in str(err.value)
    assert path.read_bytes() == b"these are my notes, not a database"


def test_other_sqlite_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (id INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError):
        open_store(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused_and_untouched(db_path):
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(SchemaTooNewError) as err:
        open_store(db_path)
    assert "999" in str(err.value) and "upgrade" in str(err.value)
    assert db_path.read_bytes() == before


def test_one_meeting_is_one_transaction(db_path):
    council = Council(name="C", base_url="http://x/")
    with open_store(db_path) as store:
        parsed = _meeting(council)
        broken = ParsedMeeting(council=council, committee=parsed.committee, meeting=parsed.meeting,
                               items=parsed.items + (AgendaItem(meeting_id="meeting_missing", position=9, title="x"),))
        with pytest.raises(sqlite3.IntegrityError):
            store.save_meeting(broken)
        assert store.stats()["meetings"] == 0 and store.stats()["items"] == 0


def test_a_kind_read_from_the_content_outlives_a_recrawl_of_the_same_content(db_path):
    council = Council(name="C", base_url="http://x/")
    parsed = _meeting(council)
    doc = Document(url="http://x/documents/s9/Supplement.pdf", meeting_id=parsed.meeting.id, sha256=None, kind="report")
    with open_store(db_path) as store:
        sha = store.save_blob(doc.url, b"%PDF-1.4 questions", "application/pdf", 200)
        store.save_meeting(parsed, [replace(doc, sha256=sha)])
        store.set_document_kind(doc.id, "questions")
        store.save_meeting(parsed, [replace(doc, sha256=sha)])  # the same content under the same plain link
        assert [d.kind for d in store.documents(parsed.meeting.id)] == ["questions"]
        changed = store.save_blob(doc.url, b"%PDF-1.4 something else", "application/pdf", 200)
        store.save_meeting(parsed, [replace(doc, sha256=changed)])  # new content: to be read again
        assert [d.kind for d in store.documents(parsed.meeting.id)] == ["report"]
        store.save_meeting(parsed, [replace(doc, sha256=changed, kind="minutes")])  # the crawl's own word wins
        assert [d.kind for d in store.documents(parsed.meeting.id)] == ["minutes"]


def test_analysis_drops_the_items_it_no_longer_finds(db_path):
    council = Council(name="C", base_url="http://x/")
    with open_store(db_path) as store:
        parsed, _ = _fill(store, council)
        extra = AgendaItem(meeting_id=parsed.meeting.id, position=2000, title="Question by A to B",
                           minutes_text="Q?", external_id="questions-paper:doc:1")
        store.save_analysis(parsed.meeting.id, [], items=[extra])
        assert extra.id in {i["id"] for i in store.items(parsed.meeting.id)}
        store.save_analysis(parsed.meeting.id, [], drop_items=[extra.id])
        assert [i["id"] for i in store.items(parsed.meeting.id)] == [i.id for i in parsed.items]
