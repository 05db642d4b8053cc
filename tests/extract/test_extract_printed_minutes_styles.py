"""Printed minutes whose item headings are in other house styles than Kent's "(Item N)" markers:
"Item 1: Title", "AGENDA ITEM 1: TITLE", "Minute 23/45 Title", committee-prefixed minute
references ("ARG/38 Title"), "38/24. Title", and numbered headings carrying the council's running
minute numbers ("24. Apologies for absence"), set in bold or in the body font. Fixtures are
generated PDFs (fictional content)."""
from __future__ import annotations

import re

import pytest
from extract_pdf_fixtures import (
    HOUSE_STYLE_HEADINGS,
    build_from_gold_source,
    house_style_minutes_source,
)

from minutes_miner.extract.pdf import classify, read_pdf
from minutes_miner.extract.printed_minutes import parse_printed_minutes

FONTS = {"bold headings": (True, True), "plain headings, bold labels": (False, True), "no bold": (False, False)}
CASES = [(style, fonts) for style in HOUSE_STYLE_HEADINGS for fonts in FONTS]


@pytest.fixture(scope="module")
def parsed(tmp_path_factory):
    directory = tmp_path_factory.mktemp("house-styles")
    out = {}
    for n, (style, fonts) in enumerate(CASES):
        source = house_style_minutes_source(HOUSE_STYLE_HEADINGS[style], *FONTS[fonts])
        pdf = read_pdf(build_from_gold_source(source, directory, f"minutes-{n}"), f"{style}-{fonts}.pdf")
        out[style, fonts] = (classify(pdf), parse_printed_minutes(pdf))
    return out


def _printed(heading: str) -> tuple[str, str]:
    """(number as printed, title) of a fixture heading."""
    m = re.match(r"^(?:AGENDA ITEM |Item |Minute )?([A-Z]*/?\d+(?:/\d+)?)\.?(?::| –)? (.+)$", heading)
    return m.group(1), m.group(2)


@pytest.mark.parametrize(("style", "fonts"), CASES)
def test_items_are_split_at_the_house_style_headings(parsed, style, fonts):
    kind, minutes = parsed[style, fonts]
    assert kind == "minutes"
    assert [(i.number, i.title) for i in minutes.items] == [_printed(h) for h in HOUSE_STYLE_HEADINGS[style]]
    apologies, previous, highways = (i.text.split("\n") for i in minutes.items)
    assert apologies == ["Apologies for absence were received from Councillor Jo Bright."]
    assert previous[0].startswith("RESOLVED that the minutes of the meeting held on 3 May 2024")
    # numbered paragraphs (wrapped without a full stop, or short) stay in their item
    assert [line.split(" ", 1)[0] for line in highways] == ["Pat", "1.", "2.", "3."]
    assert highways[1].endswith("would start in the autumn") and highways[3] == "3. Gully cleaning"


@pytest.mark.parametrize(("style", "fonts"), CASES)
def test_attendance_stops_at_the_first_item(parsed, style, fonts):
    _, minutes = parsed[style, fonts]
    people = [(a.name, a.kind, a.title, a.status) for a in minutes.attendance]
    assert people == [
        ("Councillor Amy Lowe", "chair", "Chair", "present"),
        ("Councillor Ben Rusk", "member", None, "present"),
        ("Councillor Cal Dent", "member", None, "present"),
        ("Pat Greer", "officer", "Head of Highways", "present"),
        ("Sam Ives", "officer", "Democratic Services Officer", "present"),
        ("Councillor Jo Bright", "member", None, "apologies"),  # from the apologies item
    ]
    assert minutes.committee == "Environment Scrutiny Committee"


def test_printed_minutes_without_a_recognised_item_keep_their_text(tmp_path):
    # headings of no numbered style: the document is one unnumbered item holding all the text, not dropped
    source = house_style_minutes_source(["Apologies for absence", "Minutes", "Highway repairs"]).replace("\n3. Gully cleaning\n", "\n")
    pdf = read_pdf(build_from_gold_source(source, tmp_path, "unnumbered"), "unnumbered.pdf")
    minutes = parse_printed_minutes(pdf)
    assert [(i.number, i.title) for i in minutes.items] == [(None, None)]
    text = minutes.items[0].text
    assert "RESOLVED that the minutes of the meeting held on 3 May 2024 be approved as a correct record." in text
    assert "Councillor Rusk asked whether the pothole backlog in the rural wards would be cleared" in text
    assert minutes.committee == "Environment Scrutiny Committee"
    assert str(minutes.date) == "2024-06-04"
    assert ("Councillor Jo Bright", "apologies") in [(a.name, a.status) for a in minutes.attendance]
