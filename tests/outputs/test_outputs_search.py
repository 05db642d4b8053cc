import json

import pytest
from store_builder import A_SEND, M3, PDF_Q3

from minutes_miner.errors import EmptyStoreError, NotFoundError, QueryError
from minutes_miner.outputs.search import (
    hits_to_csv,
    hits_to_json,
    render_hits_text,
    search,
)
from minutes_miner.store import StatementFilter


def test_search_finds_stemmed_matches_with_citations(store):
    hits = search(store, "locality")
    texts = [h.statement.text for h in hits]
    assert any("undertook to circulate a breakdown of referrals by locality" in t for t in texts)
    assert any("had been circulated" in t for t in texts)
    for h in hits:
        s = h.statement
        assert s.council == "Sampleshire County Council"
        assert s.committee == "Children's Services Scrutiny Committee"
        assert s.meeting_date is not None and s.speaker and s.item_title


def test_text_rendering_cites_everything_and_links_pdf_page(store):
    hits = search(store, "EHC")
    assert len(hits) == 1
    out = render_hits_text(hits, query="EHC")
    assert "2024-03-06" in out
    assert "Children's Services Scrutiny Committee" in out
    assert "Sampleshire County Council" in out
    assert "Item 3: Performance Report Quarter 3" in out
    assert "Jane Smith (officer)" in out and "answer" in out
    assert "**EHC**" in out
    assert f"{PDF_Q3}#page=4" in out and "(page 4)" in out


def test_highlight_markers_can_be_replaced(store):
    out = render_hits_text(search(store, "EHC"), mark=("[", "]"))
    assert "[EHC]" in out and "**" not in out


def test_json_and_csv(store):
    hits = search(store, "EHC")
    data = hits_to_json(hits)
    assert data[0]["rank"] == 1
    assert data[0]["meeting_date"] == "2024-03-06"
    assert data[0]["meeting_id"] == M3.id
    assert data[0]["speaker"] == "Jane Smith"
    assert data[0]["link"] == f"{PDF_Q3}#page=4"
    assert data[0]["text"] == A_SEND
    assert "**" not in data[0]["snippet"] and "**EHC**" in data[0]["snippet_marked"]
    json.dumps(data)  # JSON-serialisable as is
    csv_text = hits_to_csv(hits)
    header, row = csv_text.splitlines()[:2]
    assert header.startswith("rank,score,council,committee,meeting_date")
    assert "2024-03-06" in row and "Jane Smith" in row and "#page=4" in row


def test_filters_apply(store):
    hits = search(store, "social", StatementFilter(kind="member"))
    assert hits and all(h.statement.speaker_kind == "member" for h in hits)
    hits = search(store, "safeguarding", StatementFilter(committee="adult"))
    assert hits == []


def test_empty_store_says_what_to_run(empty_store):
    with pytest.raises(EmptyStoreError) as err:
        search(empty_store, "safeguarding")
    assert "minutes-miner demo" in str(err.value)


def test_unknown_committee_and_speaker_suggest_names(store):
    with pytest.raises(NotFoundError) as err:
        search(store, "safeguarding", StatementFilter(committee="Childrens Servics"))
    assert "Children's Services Scrutiny Committee" in str(err.value)
    with pytest.raises(NotFoundError) as err:
        search(store, "safeguarding", StatementFilter(speaker="Mary Patell"))
    assert "Councillor Mary Patel" in str(err.value)


def test_bad_query_is_a_query_error(store):
    with pytest.raises(QueryError):
        search(store, '"unbalanced')
    with pytest.raises(QueryError):
        search(store, "  ")


def test_render_dispatch(store):
    from minutes_miner.errors import MinutesMinerError
    from minutes_miner.outputs.search import render_hits

    hits = search(store, "EHC")
    assert render_hits(hits, "csv").startswith("rank,")
    assert json.loads(render_hits(hits, "json"))[0]["speaker"] == "Jane Smith"
    assert "Jane Smith (officer)" in render_hits(hits, "text")
    with pytest.raises(MinutesMinerError):
        render_hits(hits, "xml")
