"""Crawl-state methods: runs that resume, meetings marked done with their data, fetch validators."""
from __future__ import annotations

import sqlite3

import pytest

from minutes_miner.models import AgendaItem, Committee, Council, Meeting, ParsedMeeting
from minutes_miner.store import open_store


def _parsed(mid: str) -> ParsedMeeting:
    council = Council(name="C", base_url="http://x/")
    committee = Committee(council_id=council.id, name="Audit", external_id="1")
    meeting = Meeting(committee_id=committee.id, source_url=f"http://x/m{mid}", external_id=mid)
    return ParsedMeeting(council=council, committee=committee, meeting=meeting,
                         items=(AgendaItem(meeting_id=meeting.id, position=0, title="Minutes"),))


def test_interrupted_run_is_resumed_only_with_the_same_options(db_path):
    with open_store(db_path) as store:
        run = store.begin_crawl("http://x/", '{"a": 1}')
        assert not run.resumed
        assert store.begin_crawl("http://x/", '{"a": 1}') == type(run)(run.id, "http://x/", '{"a": 1}', resumed=True)
        other = store.begin_crawl("http://x/", '{"a": 2}')
        assert other.id != run.id and not other.resumed
        assert [r["finished_at"] is not None for r in store.crawl_runs()] == [True, False]
        store.finish_crawl(other.id)
        assert store.begin_crawl("http://x/", '{"a": 2}').id not in (run.id, other.id)


def test_meeting_and_done_mark_are_one_transaction(db_path):
    with open_store(db_path) as store:
        run = store.begin_crawl("http://x/", "{}")
        store.save_crawled_meeting(run.id, _parsed("1"))
        assert store.crawled_meetings(run.id) == {_parsed("1").meeting.id}
        broken = _parsed("2")
        bad_item = AgendaItem(meeting_id="meeting_missing", position=0, title="orphan")
        with pytest.raises(sqlite3.IntegrityError):
            store.save_crawled_meeting(run.id, ParsedMeeting(broken.council, broken.committee, broken.meeting,
                                                             items=(bad_item,)))
        assert store.crawled_meetings(run.id) == {_parsed("1").meeting.id}
        assert store.meeting(broken.meeting.id) is None
        store.finish_crawl(run.id)
        assert store.crawled_meetings(run.id) == set()


def test_fetch_records_keep_validators_and_run(db_path):
    with open_store(db_path) as store:
        store.save_fetch("http://x/a.pdf", b"%PDF a", "application/pdf", 200, etag='"e1"',
                         last_modified="Mon, 01 Jan 2024 00:00:00 GMT", run_id=3)
        record = store.fetch_record("http://x/a.pdf")
        assert (record.data, record.etag, record.last_modified, record.run_id) == (
            b"%PDF a", '"e1"', "Mon, 01 Jan 2024 00:00:00 GMT", 3)
        store.confirm_fetch("http://x/a.pdf", 4)
        assert store.fetch_record("http://x/a.pdf").run_id == 4
        assert store.fetch_record("http://x/none") is None
        assert store.blob_for_url("http://x/a.pdf") == (b"%PDF a", "application/pdf")
