"""KPI table headers of one row or two stacked rows -> the column of each field."""
from __future__ import annotations

from minutes_miner.extract.table_headers import (
    find_header,
    is_sub_header,
    map_header,
    map_stacked_header,
    stack_rows,
)

RAG_OVER = (("Service area", "Indicator", "Latest", "Target", "RAG rating", None, "DoT"),
            (None, None, None, None, "Latest", "Previous", None))
PERIODS_OVER = (("Indicator", "Q1", None, "Q2", None, "Q3", None),
                ("", "Value", "Target", "Value", "Target", "Value", "Target"))


def test_a_merged_top_cell_is_carried_over_the_sub_headers_beneath_it():
    stacked = stack_rows(*RAG_OVER)
    assert stacked.cells == ("Service area", "Indicator", "Latest", "Target", "RAG rating Latest",
                             "RAG rating Previous", "DoT")
    assert stack_rows(*PERIODS_OVER).groups == ("Indicator", "Q1", "Q1", "Q2", "Q2", "Q3", "Q3")


def test_rag_rating_over_latest_and_previous():
    assert map_header(RAG_OVER[0]) == {"name": 1, "value": 2, "target": 3, "rag": 4, "direction": 6}
    assert map_stacked_header(*RAG_OVER) == {"name": 1, "value": 2, "target": 3, "rag": 4, "previous_rag": 5,
                                             "direction": 6}


def test_period_groups_give_the_latest_period_s_figures():
    assert map_header(PERIODS_OVER[0]) is None  # the top row alone names no figures
    assert map_stacked_header(*PERIODS_OVER) == {"name": 0, "value": 5, "target": 6}


def test_sub_header_rows_and_data_rows():
    assert is_sub_header(RAG_OVER[1]) and is_sub_header(PERIODS_OVER[1])
    assert is_sub_header(("", "Q1 2024/25", "Q2 2024/25", "Dec-24"))
    assert not is_sub_header(("Adults", "Delayed transfers of care", "12", "15", "Red"))
    assert not is_sub_header(("", "", "Green", "Amber"))
    assert not is_sub_header((None, "", None))


def test_find_header_prefers_the_two_rows_and_says_where_the_data_starts():
    data = ("Adults", "Delayed transfers of care", "12", "15", "Red", "Amber", "")
    assert find_header([("Dashboard",) * 7, *RAG_OVER, data]) == (map_stacked_header(*RAG_OVER), 3)
    single = ("Ref", "Indicator", "Latest", "Target", "RAG")
    assert find_header([single, ("AD01", "Carers assessed", "2,310", "2,000", "Green")]) == (map_header(single), 1)
    assert find_header([("Name", "Address"), ("Ann", "1 High Street")]) is None
