"""Scrutiny outputs on the demo database, asserting the facts of corpora/sample-council/STORY.md."""
from datetime import date

import pytest

from minutes_miner.errors import NotFoundError, QueryError
from minutes_miner.outputs.concerns import concern_matrix
from minutes_miner.outputs.questions import meeting_questions, member_questions
from minutes_miner.outputs.search import fts_query, hits_to_json, search
from minutes_miner.store import StatementFilter, open_store


@pytest.fixture(scope="module")
def store(demo):
    with open_store(demo.db) as s:
        yield s


def follow_ups(store):
    out = {}
    for m in store.meetings():
        if not m.statements:
            continue
        for q in meeting_questions(store, m.id).questions:
            for f in q.follow_ups:
                out[f.text] = (q.asked_by, f)
    return out


def find(follow, words):
    return next(f for text, (_, f) in follow.items() if words in text)


def test_promised_follow_ups_and_their_delivery(store):
    follow = follow_ups(store)
    delivered_at = {
        "breakdown of EHCP timeliness by locality": date(2023, 3, 21),  # F1
        "provide the briefing note": date(2023, 9, 19),  # F2
        "children waiting for a CAMHS assessment": date(2023, 9, 19),  # F3
        "breakdown of placement costs": date(2024, 9, 17),  # F5 (late)
        "offered to share the findings": date(2024, 6, 25),  # F7
        "follow up with Members when the results": date(2024, 1, 16),  # F8
        "Dr Ali undertook to provide the figures": date(2024, 9, 17),  # F9
        "write to the Chief Executive": date(2024, 6, 25),  # F10
    }
    for words, when in delivered_at.items():
        f = find(follow, words)
        assert f.status == "delivered" and f.delivered_by.citation.meeting_date == when, words
    tribunal = find(follow, "breakdown of Tribunal outcomes")  # F6: never delivered
    assert tribunal.status == "open" and tribunal.delivered_by is None


def test_mehta_summary(store):
    summary = member_questions(store, "Mehta", until=date(2023, 3, 31))
    assert summary.member == "Councillor Sunita Mehta"
    first = summary.meetings[0]
    assert first.date == date(2023, 1, 17)
    assert first.sections[0].title.startswith("Dashboard 1 – Education Health and Care Plans")
    q = first.questions[0]
    assert "delays were worse in some parts of the county" in q.text and "waiting-times" in q.concerns
    assert q.follow_ups[0].delivered_by.citation.item_number == "3"
    answered = [a for q in summary.questions for a in q.answers]
    assert ("Priya Nandra", "Head of SEND") in {(a.speaker, a.speaker_title) for a in answered}
    assert all(q.citation.link and "moderngov" in q.citation.link for q in summary.questions)


def test_unknown_member_suggests(store):
    with pytest.raises(NotFoundError) as err:
        member_questions(store, "Sunita Mehtta")
    assert "Councillor Sunita Mehta" in str(err.value)


def test_search_stems_cites_and_filters(store):
    hits = search(store, "safeguard", StatementFilter(committee="Children's Services", act="question"))
    assert hits and any("safeguarding" in h.statement.text.lower() for h in hits)
    data = hits_to_json(hits)
    assert all(d["council"] == "Borsetshire County Council" and d["meeting_date"] and d["link"] for d in data)
    pdf = search(store, '"accepted that the figure had fallen"')
    assert pdf[0].statement.meeting_date == date(2024, 3, 19) and "#page=" in hits_to_json(pdf)[0]["link"]
    assert search(store, "CAMHS", StatementFilter(speaker="Ashworth", concern="waiting-times",
                                                  since=date(2024, 1, 1), until=date(2024, 12, 31)))
    linked = search(store, "improved", StatementFilter(indicator="EHCPs issued"))
    assert any("had improved again this quarter" in h.statement.text for h in linked)


def test_joined_words_are_phrases_and_syntax_errors_are_clear(store):
    assert fts_query('re-referrals AND "early help"') == '"re-referrals" AND "early help"'
    assert search(store, "re-referrals")
    with pytest.raises(QueryError) as err:
        search(store, "waiting AND")
    assert "cannot parse search query" in str(err.value) and "hint" in str(err.value)


def test_concern_matrix_on_cs_committee(store):
    m = concern_matrix(store, committee="Children's Services Overview")
    assert len(m.meetings) == 9  # 4415 cancelled and 4420 unpublished have no minutes
    workforce = m.row("workforce")
    assert workforce.first_raised == date(2023, 1, 17) and workforce.meetings >= 7
    assert "Councillor Gareth Pryce" in workforce.members
    assert all(r.trend in ("rising", "steady", "falling") for r in m.rows)
