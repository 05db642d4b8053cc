from datetime import date

from minutes_miner.dates import (
    format_moderngov,
    moderngov_time,
    parse_uk_date,
    period_end,
)


def test_uk_dates_are_day_first():
    assert parse_uk_date("17/06/2020") == date(2020, 6, 17)
    assert parse_uk_date("05/03/2024") == date(2024, 3, 5)
    assert parse_uk_date("Tuesday, 5th March, 2024 7.00 pm") == date(2024, 3, 5)
    assert parse_uk_date("Meeting: 17/06/2020 - Children's Services (Item 11)") == date(2020, 6, 17)
    assert parse_uk_date("held on 30 January 2025") == date(2025, 1, 30)
    assert parse_uk_date("2024-03-05") == date(2024, 3, 5)


def test_bad_dates_give_none():
    assert parse_uk_date("31/02/2024") is None
    assert parse_uk_date("no date here") is None
    assert parse_uk_date(None) is None


def test_financial_quarters():
    assert period_end("Quarter 2 2023/24 (July – September 2023)") == date(2023, 9, 30)
    assert period_end("Q4 2023/24") == date(2024, 3, 31)
    assert period_end("Q1 2024-25") == date(2024, 6, 30)


def test_moderngov_format():
    assert format_moderngov(date(2024, 3, 5)) == "05/03/2024"


def test_moderngov_page_dates_and_times():
    # Meeting list labels, page headings and decision pages (&#47; already unescaped by the parser).
    assert parse_uk_date("17 Jan 2023 10.00 am CANCELLED") == date(2023, 1, 17)
    assert parse_uk_date("Committee - Tuesday, 17th January, 2023 10.00 am") == date(2023, 1, 17)
    assert parse_uk_date("Decided at meeting: 19/10/2015 - Policy Committee") == date(2015, 10, 19)
    assert parse_uk_date("01/04/2025") == date(2025, 4, 1)  # 1 April, never 4 January
    assert moderngov_time("Tuesday, 5th March, 2024 7.00 pm") == "7.00 pm"
    assert moderngov_time("17 Jan 2023 10.00 am") == "10.00 am"
    assert moderngov_time("Wednesday, 12th June, 2024 2pm") == "2pm"
    assert moderngov_time("Tuesday, 5th March, 2024") is None
