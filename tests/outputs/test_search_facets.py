"""Search filters are narrowed inside FTS5 by facet tokens (migration 003): same results as the
exact SQL filters, kept in step when concerns, links or meeting dates change, and built for a
database created before the migration."""
import sqlite3
from datetime import date

from store_builder import M1, M1_PERF, M2, SEND01, build_store, statement_id

from minutes_miner.models import Link
from minutes_miner.outputs.search import search
from minutes_miner.store import StatementFilter, open_store
from minutes_miner.store.sqlite import _period_tokens, migrations

QUERY = 'social OR safeguarding OR director OR "early help" OR SEND OR locality OR plan*'
FILTERS = [
    StatementFilter(kind="officer"), StatementFilter(kind="chair"), StatementFilter(act="question"),
    StatementFilter(concern="safeguarding"), StatementFilter(concern="children-in-care"),
    StatementFilter(committee="children"), StatementFilter(committee="Adult Social Care Scrutiny Committee"),
    StatementFilter(indicator="EHC plans"), StatementFilter(since=date(2023, 10, 1), until=date(2024, 3, 31)),
    StatementFilter(since=date(2023, 6, 14), until=date(2023, 6, 14)), StatementFilter(speaker="Mary Patel"),
    StatementFilter(kind="member", act="question", since=date(2023, 1, 1), until=date(2023, 12, 31)),
]


def assert_same_as_exact(store):
    everything = {h.statement.id for h in search(store, QUERY, limit=1000)}
    for flt in FILTERS:
        got = {h.statement.id for h in search(store, QUERY, flt, limit=1000)}
        assert got == everything & {r.id for r in store.statements(flt)}, flt


def test_filtered_search_equals_exact_filters(store):
    assert_same_as_exact(store)


def test_facets_follow_new_links_concerns_and_meeting_dates(store):
    sid = statement_id(M1, M1_PERF, 0)
    store.replace_links([Link(statement_id=sid, indicator_id=SEND01.id, method="name")])
    hits = search(store, "early", StatementFilter(indicator=SEND01.id))
    assert [h.statement.id for h in hits] == [sid]
    store._conn.execute("INSERT INTO statement_concerns VALUES (?, 'housing')", (sid,))
    assert [h.statement.id for h in search(store, "early", StatementFilter(concern="housing"))] == [sid]
    store._conn.execute("UPDATE meetings SET date = '2022-02-02' WHERE id = ?", (M1.id,))
    moved = search(store, "early", StatementFilter(since=date(2022, 2, 1), until=date(2022, 2, 28)))
    assert sid in {h.statement.id for h in moved} and {h.statement.meeting_id for h in moved} == {M1.id}
    assert not search(store, "early", StatementFilter(since=date(2023, 6, 1), until=date(2023, 6, 30)))
    assert store._conn.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")


def test_database_from_before_the_migration_is_upgraded(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(migrations()[0][1])
    conn.execute("INSERT INTO meta VALUES ('app', 'minutes-miner'), ('schema_version', '1')")
    conn.commit()
    conn.close()
    # Fill it through the store at version 1's tables, then reopen: the migration rebuilds the index.
    store = build_store(path)
    store.close()
    with open_store(path) as upgraded:
        assert upgraded.schema_version == migrations()[-1][0]
        assert_same_as_exact(upgraded)
        assert search(upgraded, "locality", StatementFilter(since=M2.date, until=M2.date))


def test_period_tokens():
    assert _period_tokens(date(2023, 11, 5), date(2025, 2, 1)) == ["xd202311", "xd202312", "xy2024", "xd202501",
                                                                    "xd202502"]
    assert _period_tokens(date(2023, 1, 1), None) is None
    assert _period_tokens(date(2000, 1, 1), date(2099, 12, 31)) is None  # too long: SQL alone
