import json
from datetime import date

import pytest
from store_builder import A1, M1, M2, M3

from minutes_miner.errors import EmptyStoreError, MinutesMinerError, NotFoundError
from minutes_miner.outputs.concerns import (
    concern_matrix,
    matrix_to_json,
    plot,
    render_matrix_json,
    render_matrix_text,
    trailing_run,
    trend,
)


def test_children_matrix_counts_and_flags(store):
    m = concern_matrix(store, committee="children")
    assert [x.id for x in m.meetings] == [M1.id, M2.id, M3.id]
    counts = {r.concern: r.counts for r in m.rows}
    assert counts == {
        "safeguarding": (1, 2, 1), "workforce": (3, 1, 0), "children-in-care": (0, 1, 0),
        "send": (0, 0, 2), "waiting-times": (0, 0, 1),
    }
    assert m.rows[0].concern == "safeguarding"  # most meetings first
    assert m.count("workforce", M1.id) == 3

    safeguarding = m.row("safeguarding")
    assert (safeguarding.first_raised, safeguarding.last_raised, safeguarding.meetings) == (M1.date, M3.date, 3)
    assert safeguarding.trend == "steady"
    assert safeguarding.consecutive == 3 and not safeguarding.new_this_meeting
    assert "raised at 3 consecutive meetings" in safeguarding.flags
    assert safeguarding.members == ("Councillor Mary Patel", "Councillor Sue Brown")

    workforce = m.row("workforce")
    assert workforce.trend == "falling" and workforce.consecutive == 0
    assert workforce.members == ("Councillor John Okafor", "Councillor Mary Patel")  # not the officer

    send = m.row("send")
    assert send.trend == "rising" and send.new_this_meeting and send.consecutive == 1
    assert send.flags == ["new this meeting"]
    # waiting-times was raised earlier, but at another committee: new for this one.
    assert m.row("waiting-times").new_this_meeting


def test_all_committees_window(store):
    m = concern_matrix(store)
    assert [x.id for x in m.meetings] == [M1.id, M2.id, A1.id, M3.id]
    waiting = m.row("waiting-times")
    assert waiting.counts == (0, 0, 1, 1)
    assert waiting.consecutive == 2 and not waiting.new_this_meeting
    assert waiting.members == ("Councillor Mary Patel", "Councillor Raj Patel")


def test_since_does_not_make_old_concerns_new(store):
    m = concern_matrix(store, committee="children", since=date(2024, 1, 1))
    assert [x.id for x in m.meetings] == [M3.id]
    assert not m.row("safeguarding").new_this_meeting
    assert m.row("send").new_this_meeting
    assert "workforce" not in {r.concern for r in m.rows}


def test_trend_and_run_rules():
    assert trend([1, 1, 3, 3]) == "rising"
    assert trend([3, 3, 1, 1]) == "falling"
    assert trend([5, 0, 6]) == "steady"  # 5 vs 6: within 20%
    assert trend([2]) == "steady"
    assert trailing_run([1, 0, 2, 1]) == 2 and trailing_run([1, 1, 0]) == 0


def test_text_and_json(store):
    m = concern_matrix(store, committee="children")
    text = render_matrix_text(m)
    assert "safeguarding" in text and "raised at 3 consecutive meetings" in text and "new this meeting" in text
    line = next(l for l in text.splitlines() if l.startswith("workforce"))
    assert "falling" in line and "2023-06-14" in line
    data = json.loads(render_matrix_json(m))
    assert data == matrix_to_json(m)
    send = next(c for c in data["concerns"] if c["concern"] == "send")
    assert send["series"] == [0, 0, 2] and send["trend"] == "rising" and send["new_this_meeting"] is True
    assert send["counts"][M3.id] == 2
    assert data["meetings"][0]["date"] == "2023-06-14"


@pytest.mark.parametrize("suffix", ["svg", "png"])
def test_plot(store, tmp_path, suffix):
    path = plot(concern_matrix(store, committee="children"), tmp_path / f"chart.{suffix}")
    data = path.read_bytes()
    assert len(data) > 1000
    if suffix == "svg":
        text = data.decode("utf-8")
        assert "<svg" in text and "safeguarding" in text and "2024-03-06" in text
        assert 'href="http' not in text and "@import" not in text  # nothing fetched when displayed
    else:
        assert data.startswith(b"\x89PNG")


def test_plot_rejects_other_formats(store, tmp_path):
    with pytest.raises(MinutesMinerError) as err:
        plot(concern_matrix(store), tmp_path / "chart.jpg")
    assert ".svg or .png" in str(err.value)


def test_errors(store, empty_store):
    with pytest.raises(EmptyStoreError):
        concern_matrix(empty_store)
    with pytest.raises(NotFoundError) as err:
        concern_matrix(store, committee="Childrens Scrutiny")
    assert "Children's Services Scrutiny Committee" in str(err.value)
