"""Ranking a large archive in parallel rowid ranges (two reader connections) gives exactly the hits,
order and BM25 scores of ranking it in one query on the store's own connection."""
import random
from datetime import date, timedelta

import pytest
from store_builder import ADULTS, BASE, CHILDREN, COUNCIL, PERSONS, SMITH, build_store

from minutes_miner.models import AgendaItem, Meeting, ParsedMeeting, Statement
from minutes_miner.outputs.search import search
from minutes_miner.store import StatementFilter, open_store

SUBJECTS = ["early help referrals", "the social worker vacancy rate", "placement stability", "SEND assessments",
            "delayed hospital discharges", "agency staff costs", "the high needs deficit", "foster carer numbers",
            "children in care", "safeguarding audits", "waiting times for CAMHS", "home to school transport"]
VERBS = ["had risen", "had fallen", "had improved", "remained high", "was expected to fall", "had worsened"]
TAILS = ["against the target.", "because of rising demand.", "in the north of the county.",
         "since the locality teams merged.", "and would be reviewed in March.", "despite the recruitment campaign."]
# The same sentence by the same speaker (so the same indexed length: text, speaker, section and
# facet tokens) at evenly spread places: equal BM25 scores, so the order among them (and which of
# them make the top N) is decided by rowid across both ranges.
TIED = "The ombudsman upheld a complaint about delays."
CONCERNS = ["safeguarding", "workforce", "send", "children-in-care", "waiting-times"]
MEETINGS, ITEMS, PER_ITEM = 24, 3, 40  # 2,880 statements on top of the small council's 19

QUERIES = ['social OR safeguarding OR placement', "vacancy", '"early help" AND referrals', "recruit*",
           "demand NOT north", "ombudsman", "fall* OR improv*", "director", "CAMHS OR SEND OR deficit"]
FILTERS = [StatementFilter(), StatementFilter(kind="officer"), StatementFilter(act="question"),
           StatementFilter(concern="safeguarding"), StatementFilter(committee="adult"),
           StatementFilter(since=date(2021, 1, 1), until=date(2022, 6, 30)), StatementFilter(speaker="Mary Patel"),
           StatementFilter(kind="member", act="question", since=date(2022, 1, 1)),
           StatementFilter(since=date(2020, 3, 14), until=date(2021, 2, 2))]


def add_archive(store) -> None:
    rnd = random.Random(6)
    speakers = [p for p in PERSONS if p.kind != "officer"], [p for p in PERSONS if p.kind == "officer"]
    for m in range(MEETINGS):
        committee = (CHILDREN, ADULTS)[m % 2]
        meeting = Meeting(committee.id, f"{BASE}/ieListDocuments.aspx?CId=9&MId={m}",
                          date=date(2019, 1, 10) + timedelta(days=61 * m), external_id=f"9{m}", minutes_published=True)
        items = [AgendaItem(meeting_id=meeting.id, position=i, number=str(i + 1), title=f"Item {i + 1}",
                            source_url=f"{meeting.source_url}#item{i + 1}") for i in range(ITEMS)]
        statements = []
        for item in items:
            for n in range(PER_ITEM):
                if (m * ITEMS + item.position) % 6 == 0 and n == 7:
                    statements.append(Statement(item_id=item.id, position=n, text=TIED, speaker_id=SMITH.id,
                                                speaker=SMITH.name, speaker_key=SMITH.key, speaker_kind=SMITH.kind))
                    continue
                who = rnd.choice(speakers[n % 2])
                text = " ".join([f"{who.name} said that", rnd.choice(SUBJECTS), rnd.choice(VERBS), rnd.choice(TAILS)])
                statements.append(Statement(
                    item_id=item.id, position=n, text=text, act="answer" if n % 2 else rnd.choice(["question", "concern"]),
                    speaker_id=who.id, speaker=who.name, speaker_key=who.key, speaker_kind=who.kind,
                    section=rnd.choice([None, "Workforce", "Early Help"]),
                    concerns=tuple(rnd.sample(CONCERNS, rnd.choice([0, 1, 2])))))
        store.save_meeting(ParsedMeeting(council=COUNCIL, committee=committee, meeting=meeting, items=tuple(items)),
                           persons=PERSONS)
        store.save_analysis(meeting.id, statements, persons=PERSONS)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("parallel") / "archive.db"
    add_archive(build_store(path))
    parallel, single = open_store(path), open_store(path)
    parallel.parallel_search_rows, parallel.search_threads = 1_000, 2
    single.search_threads = 1
    yield parallel, single
    parallel.close()
    single.close()


def seq_of(store, statement_id: str) -> int:
    return store._conn.execute("SELECT seq FROM statements WHERE id = ?", (statement_id,)).fetchone()[0]


def test_parallel_ranking_equals_single_query(archive):
    parallel, single = archive
    ranges = parallel._search_ranges()
    assert len(ranges) == 2 and not single._search_ranges()
    for query in QUERIES:
        for flt in FILTERS:
            for limit in (1, 7, 20, 5_000):
                expected = search(single, query, flt, limit=limit)
                assert search(parallel, query, flt, limit=limit) == expected, (query, flt, limit)
    assert len(parallel._readers) == 2 and not single._readers
    # Both ranges contributed to the broadest result, so the merge was exercised.
    everything = search(parallel, QUERIES[0], limit=5_000)
    seqs = {seq_of(parallel, h.statement.id) for h in everything}
    assert len(everything) > 1_000 and all(any(lo <= s < hi for s in seqs) for lo, hi in ranges)


def test_ties_across_ranges_go_to_the_lower_rowid(archive):
    parallel, single = archive
    ranges = parallel._search_ranges()
    tied = search(parallel, "ombudsman", limit=5_000)
    seqs = [seq_of(parallel, h.statement.id) for h in tied]
    assert {h.statement.text for h in tied} == {TIED} and len({h.score for h in tied}) == 1
    assert seqs == sorted(seqs) and all(any(lo <= s < hi for s in seqs) for lo, hi in ranges)
    top = search(parallel, "ombudsman", limit=5)
    assert [seq_of(parallel, h.statement.id) for h in top] == seqs[:5]
    assert top == search(single, "ombudsman", limit=5)


def test_bm25_statistics_are_whole_index_under_a_rowid_range(archive):
    parallel, _ = archive
    (lo, mid), (_, hi) = parallel._search_ranges()
    sql = ("SELECT rowid, bm25(statements_fts, 1.0, 1.0, 1.0, 0.0) FROM statements_fts WHERE statements_fts MATCH ?"
           " AND rowid >= ? AND rowid < ?")
    match = "{text speaker section} : (vacancy)"
    whole = dict(parallel._conn.execute(sql, (match, 0, hi)).fetchall())
    halves = dict(parallel._conn.execute(sql, (match, lo, mid)).fetchall())
    halves.update(parallel._conn.execute(sql, (match, mid, hi)).fetchall())
    assert len(whole) > 100 and halves == whole


def test_uncommitted_writes_are_searched_on_the_store_connection(archive):
    parallel, _ = archive
    item = parallel._conn.execute("SELECT id FROM items ORDER BY seq DESC LIMIT 1").fetchone()[0]
    with pytest.raises(RuntimeError), parallel._transaction() as conn:
        conn.execute("INSERT INTO statements (id, item_id, position, text, act, speaker_kind) "
                     "VALUES ('statement_uncommitted', ?, 999, 'The zeppelin hangar was discussed.', 'statement', "
                     "'officer')", (item,))
        assert [h.statement.id for h in search(parallel, "zeppelin")] == ["statement_uncommitted"]
        raise RuntimeError("roll back")
    assert search(parallel, "zeppelin") == []


def test_closing_the_store_closes_its_readers(tmp_path):
    path = tmp_path / "small.db"
    build_store(path).close()
    store = open_store(path)
    store.parallel_search_rows, store.search_threads = 1, 2
    hits = search(store, "safeguarding")
    assert hits and len(store._readers) == 2
    readers = list(store._readers)
    store.close()
    assert not store._readers and store._search_pool is None
    with pytest.raises(Exception, match="closed"):
        readers[0].execute("SELECT 1")
