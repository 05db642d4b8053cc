"""Search filters are narrowed inside FTS5 by facet tokens (migration 003): same results as the
exact SQL filters, kept in step when concerns, links or meeting dates change, and built for a
database created before the migration."""
import sqlite3
from datetime import date

from store_builder import (
    M1,
    M1_PERF,
    M2,
    M3,
    M3_PERF,
    SEND01,
    build_store,
    statement_id,
)

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
    StatementFilter(since=date(2023, 10, 1)), StatementFilter(until=date(2023, 10, 31)),
    StatementFilter(since=date(2023, 10, 12)), StatementFilter(kind="member", concern="safeguarding"),
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


def facets_of(store, sid):
    return store._conn.execute("SELECT facets FROM statements WHERE id = ?", (sid,)).fetchone()[0].split()


def assert_index_sound(store):
    store._conn.execute("INSERT INTO statements_fts(statements_fts, rank) VALUES ('integrity-check', 1)")


def test_removed_links_and_concerns_leave_no_facet_behind(store):
    linked = statement_id(M3, M3_PERF, 1)
    indicator_token = "xi" + SEND01.id.replace("_", "")
    assert indicator_token in facets_of(store, linked)
    assert [h.statement.id for h in search(store, "SEND OR plan*", StatementFilter(indicator=SEND01.id))] == [linked]
    store.replace_links([])
    assert indicator_token not in facets_of(store, linked)
    assert not search(store, "SEND OR plan*", StatementFilter(indicator=SEND01.id))
    # A re-link that keeps the same link leaves the row alone; a changed score is not a facet.
    store.replace_links([Link(statement_id=linked, indicator_id=SEND01.id, method="name", score=0.5)])
    store.replace_links([Link(statement_id=linked, indicator_id=SEND01.id, method="similarity", score=0.4)])
    assert [lk.method for lk in store.links()] == ["similarity"] and indicator_token in facets_of(store, linked)

    tagged = {h.statement.id for h in search(store, QUERY, StatementFilter(concern="safeguarding"), limit=100)}
    gone = min(tagged)
    store._conn.execute("DELETE FROM statement_concerns WHERE statement_id = ? AND concern = 'safeguarding'", (gone,))
    assert "xtsafeguarding" not in facets_of(store, gone)
    assert {h.statement.id for h in search(store, QUERY, StatementFilter(concern="safeguarding"), limit=100)} \
        == tagged - {gone}
    store._conn.execute("UPDATE statement_concerns SET concern = 'housing' WHERE statement_id = ?", (gone,))
    assert_same_as_exact(store)
    assert_index_sound(store)


def test_reanalysing_a_meeting_keeps_the_index_sound(store):
    # Deleting statements cascades to their concerns and links: their triggers must not touch the
    # index entry of a statement that is being removed.
    rows = store.statements(StatementFilter(meeting_id=M3.id))
    with store._transaction() as conn:
        conn.execute("DELETE FROM statements WHERE item_id IN (SELECT id FROM items WHERE meeting_id = ?)", (M3.id,))
    assert_index_sound(store)
    assert not store.statements(StatementFilter(meeting_id=M3.id)) and rows
    assert not search(store, "SEND", StatementFilter(indicator=SEND01.id))


def test_version_3_database_loses_its_stale_tokens_on_upgrade(tmp_path):
    path = tmp_path / "v3.db"
    store = build_store(path)
    linked = statement_id(M3, M3_PERF, 1)
    # Back to version 3: no delete triggers, so removing the link leaves its token behind.
    for trigger in ("statement_concerns_facets_delete", "statement_concerns_facets_update", "links_facets_delete",
                    "links_facets_update", "items_facets"):
        store._conn.execute(f"DROP TRIGGER {trigger}")
    store._conn.execute("DROP TABLE processed")  # added by migration 005
    store._conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    store._conn.execute("DELETE FROM links")
    assert "xi" + SEND01.id.replace("_", "") in facets_of(store, linked)
    store.close()
    with open_store(path) as upgraded:
        assert upgraded.schema_version >= 4
        assert not any(t.startswith("xi") for t in facets_of(upgraded, linked))
        assert not search(upgraded, "SEND OR plan*", StatementFilter(indicator=SEND01.id))
        assert_same_as_exact(upgraded)
        assert_index_sound(upgraded)
