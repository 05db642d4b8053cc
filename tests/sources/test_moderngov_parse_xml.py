from datetime import date

import pytest
from paths import realdata_file

from minutes_miner.errors import ParseError
from minutes_miner.models import Committee, Council
from minutes_miner.sources.moderngov.parse_xml import (
    parse_committees,
    parse_councillors,
    parse_meeting,
    parse_meetings,
)

COUNCIL = Council(name="Manchester City Council", base_url="https://democracy.example.gov.uk/")


@pytest.mark.realdata
def test_real_getmeeting_with_minutes():
    data = realdata_file("moderngov-xml", "lgsf_manchester_GetMeeting_with_minutes.xml").read_bytes()
    committee = Committee(council_id=COUNCIL.id, name="Audit Committee", external_id="144")
    parsed = parse_meeting(data, COUNCIL, committee, COUNCIL.base_url)
    assert parsed.meeting.date == date(2026, 2, 10)
    assert parsed.meeting.minutes_published is True
    assert parsed.meeting.venue.startswith("Council Antechamber")
    titles = [i.title for i in parsed.items]
    assert titles[0] == "Minutes" and "Work Programme" in titles
    work = next(i for i in parsed.items if i.title == "Work Programme")
    assert work.number == "9"
    assert "future Work Programme" in work.minutes_text
    assert "\n" not in work.minutes_text  # one paragraph, wrapped lines joined
    assert work.source_url == "https://democracy.example.gov.uk/mgAi.aspx?ID=18833"
    urls = [d.url for d in parsed.documents]
    assert "https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60909" in urls
    (attendee,) = [a for a in parsed.attendees if "Curley" in a.name]
    assert (attendee.name, attendee.kind, attendee.party, attendee.ward) == (
        "Councillor Basil Curley", "member", "LAB", "Charlestown")


@pytest.mark.realdata
def test_real_getmeetings_and_committees():
    committees = parse_committees(realdata_file("moderngov-xml", "lgsf_manchester_GetCommittees_committees.xml")
                                  .read_bytes(), COUNCIL)
    assert "Audit Committee" in [c.name for c in committees]
    audit = next(c for c in committees if c.name == "Audit Committee")
    meetings = parse_meetings(realdata_file("moderngov-xml", "lgsf_manchester_GetMeetings_meetings.xml").read_bytes(),
                              audit, COUNCIL.base_url)
    assert [(m.external_id, m.status, m.date) for m in meetings] == [
        ("4966", "Cancelled", date(2026, 1, 13)), ("4967", "Confirmed", date(2026, 2, 10))]
    assert meetings[1].source_url.endswith("ieListDocuments.aspx?CId=144&MId=4967")


@pytest.mark.realdata
def test_real_getmeeting_without_minutes():
    data = realdata_file("moderngov-xml", "lgsf_manchester_GetMeeting_no_minutes.xml").read_bytes()
    parsed = parse_meeting(data, COUNCIL, Committee(council_id=COUNCIL.id, name="Audit Committee"), COUNCIL.base_url)
    assert not any(i.minutes_text for i in parsed.items)


@pytest.mark.realdata
@pytest.mark.parametrize("council", ["huntingdonshire", "rotherham", "southampton"])
def test_real_councillor_rosters(council):
    data = realdata_file("councillors", f"councillordata_{council}.gov.uk_GetCouncillorsByWard.xml").read_bytes()
    people = parse_councillors(data, COUNCIL)
    assert len(people) > 20
    assert all(p.name.startswith("Councillor") or p.name for p in people)
    assert all(p.ward for p in people) and all(p.kind in {"member", "cabinet_member"} for p in people)
    if council == "southampton":
        bogle = next(p for p in people if p.name == "Councillor Sarah Bogle")
        assert (bogle.party, bogle.ward, bogle.key) == ("Labour", "Bargate", "bogle")


def test_entity_bomb_is_refused():
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<committees><committee><committeetitle>&lol2;</committeetitle></committee></committees>"""
    with pytest.raises(ParseError) as err:
        parse_committees(bomb, COUNCIL, source="http://evil/GetCommittees")
    assert "http://evil/GetCommittees" in str(err.value) and "unsafe XML" in str(err.value)


def test_truncated_and_empty_xml():
    with pytest.raises(ParseError, match="malformed or truncated"):
        parse_meetings(b"<getmeetings><committee><meeting><meetingid>1</meet", Committee(COUNCIL.id, "A"), "http://x/")
    with pytest.raises(ParseError, match="empty"):
        parse_committees(b"  ", COUNCIL)
    with pytest.raises(ParseError, match="expected a <meeting>"):
        parse_meeting(b"<html><body>Not found</body></html>", COUNCIL, Committee(COUNCIL.id, "A"), "http://x/")


@pytest.mark.parametrize("member_type", ["co-opted", "Co-opted Member", "coopted"])
def test_a_co_opted_attendee_is_a_member_not_a_visitor(member_type):
    data = (f'<meeting><meetingid>7</meetingid><meetingdate>21/11/2024</meetingdate><attendees>'
            f'<attendee membertype="{member_type}" name="Mrs Ngozi Eze" roledescription="Co-opted Member (Parent Governor Representative)" '
            'attendance="Present"/>'
            '<attendee membertype="Visitor" name="Mr Philip Osei" roledescription="Headteacher, Moorside Academy" attendance="Present"/>'
            '</attendees></meeting>').encode()
    parsed = parse_meeting(data, COUNCIL, Committee(council_id=COUNCIL.id, name="Children's Scrutiny Board"), COUNCIL.base_url)
    kinds = {a.name: a.kind for a in parsed.attendees}
    assert kinds == {"Mrs Ngozi Eze": "member", "Mr Philip Osei": "external"}
