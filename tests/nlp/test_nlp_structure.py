"""minutes_from_text and parse_attendance on fictional minutes in several layouts."""
from __future__ import annotations

from datetime import date

from minutes_miner.nlp import minutes_from_text, parse_attendance


def test_header_attendance_and_numbered_items(phrasings_doc):
    minutes, _ = phrasings_doc
    assert minutes.committee == "Children and Young People Scrutiny Committee"
    assert minutes.date == date(2024, 3, 14)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Apologies for Absence"),
        ("2", "Minutes of the Previous Meeting"),
        ("3", "Early Help Performance Report"),
        ("4", "Participation Team Update"),
    ]
    people = {a.name: a for a in minutes.attendance}
    assert people["Councillor Mary Patel"].kind == "chair"
    assert people["Councillor Owen Brown"].title == "Vice-Chair"
    assert people["Councillor Gwen Morgan"].kind == "cabinet_member"
    assert people["Dr Priya Shah"].kind == "officer" and people["Dr Priya Shah"].title == "Director of Children's Services"
    assert people["Dr Omar Ali"].kind == "external"
    assert people["Chief Inspector Alan Brown"].kind == "external"
    assert people["Councillor Sian Hughes"].status == "apologies"
    # numbered paragraphs inside an item are not items
    assert "1. Rachel Evans" in minutes.items[3].text or "Rachel Evans, Participation Manager" in minutes.items[3].text


ISSUE_PAGE = """Issue - meetings

Library Opening Hours

Meeting: 05/11/2023 - Communities Overview and Scrutiny Committee (Item 7)

7 Library Opening Hours pdf icon PDF 210 KB

To consider a report on library opening hours.

Minutes:

Tom Reed, Head of Libraries, presented the report.

Councillor Ellis asked whether rural branches would close. Tom Reed stated that no branch would close.

RESOLVED that the report be noted. ... view the full minutes text for item 7
"""


def test_issue_page_layout():
    m = minutes_from_text(ISSUE_PAGE, "issue.txt")
    assert m.committee == "Communities Overview and Scrutiny Committee"
    assert m.date == date(2023, 11, 5)
    assert len(m.items) == 1
    item = m.items[0]
    assert (item.number, item.title) == ("7", "Library Opening Hours")
    lines = item.text.split("\n")
    assert lines[0].startswith("Tom Reed, Head of Libraries")
    assert lines[-1] == "RESOLVED that the report be noted."


PRINTED = """HARBOUR DISTRICT COUNCIL
HOUSING PANEL – 2 February 2025
MINUTES of the meeting held in the Council Chamber.
PRESENT: Alys Wynne (Chair), Dai Pryce (Vice-Chair), Megan Rhys and Iwan Lloyd
IN ATTENDANCE: Carys Bowen (Head of Housing Options), Gethin Rowlands (Temporary Accommodation
Manager)
Apologies
(Item 1)
Apologies were received from Mr K Oduya.
Homelessness Update
(Item 2)
1. Carys Bowen, Head of Housing Options, introduced the report. She highlighted the following:
a. The number of households in temporary accommodation had risen to 212, the highest figure
recorded by the council.
b. Ms Bowen shared that two new hostels would open in the spring.
2. A Member asked how long families waited for a permanent home. Mr Rowlands advised that the
average wait was eleven months.
3. RESOLVED that the update be noted.
"""


def test_printed_minutes_with_item_tags_and_wrapped_lines():
    m = minutes_from_text(PRINTED, "printed.txt")
    assert m.committee == "Housing Panel"
    assert m.date == date(2025, 2, 2)
    assert [(i.number, i.title) for i in m.items] == [("1", "Apologies"), ("2", "Homelessness Update")]
    lines = m.items[1].text.split("\n")
    assert lines[1].startswith("a. The number of households") and lines[1].endswith("recorded by the council.")
    assert lines[3].endswith("average wait was eleven months.")
    names = {a.name: a for a in m.attendance}
    assert names["Alys Wynne"].kind == "chair"
    assert names["Gethin Rowlands"].title == "Temporary Accommodation Manager"
    assert names["Mr K Oduya"].status == "apologies"


def test_printed_minutes_analysis_inherits_and_pairs():
    from minutes_miner.nlp import analyse

    doc = analyse(minutes_from_text(PRINTED, "printed.txt"))
    st = doc.items[1].statements
    assert [s.speaker for s in st[:3]] == ["Carys Bowen"] * 3
    assert "housing" in st[1].concerns
    q = next(i for i, s in enumerate(st) if s.act == "question")
    a = st[q + 1]
    assert (a.speaker, a.act, a.answers, a.speaker_kind) == ("Gethin Rowlands", "answer", q, "officer")
    assert st[-1].act == "resolution"


def test_text_without_item_structure_is_one_item():
    m = minutes_from_text("Councillor Ellis asked about the budget.\nThe Chair thanked everyone.", "plain.txt")
    assert len(m.items) == 1 and m.items[0].title is None and m.items[0].number is None
    assert m.committee is None and m.date is None


def test_item_colon_headings():
    text = "Item 1: Welcome\nThe Chair welcomed everyone.\nItem 2: Budget\nCllr Price asked about savings.\n"
    m = minutes_from_text(text, "x.txt")
    assert [(i.number, i.title) for i in m.items] == [("1", "Welcome"), ("2", "Budget")]


def test_parse_attendance_variants():
    people = parse_attendance(
        "Present: Councillors Patel (Chair), Lee (Lab) and Brown.\n"
        "Officers: Jane Smith (Head of Early Help), Dr Omar Ali (NHS Trust)\n"
        "Apologies: Cllr K. Jones\n"
        "ALSO PRESENT: Sam Ford, Cabinet Member for Housing, and Lisa Moss, Deputy Leader"
    )
    got = {(p.name, p.kind, p.title, p.status, p.party) for p in people}
    assert ("Councillor Patel", "chair", "Chair", "present", None) in got
    assert ("Councillor Lee", "member", None, "present", "Lab") in got
    assert ("Councillor Brown", "member", None, "present", None) in got
    assert ("Jane Smith", "officer", "Head of Early Help", "present", None) in got
    assert ("Dr Omar Ali", "external", "NHS Trust", "present", None) in got
    assert ("Cllr K. Jones", "member", None, "apologies", None) in got
    assert ("Sam Ford", "cabinet_member", "Cabinet Member for Housing", "present", None) in got
    assert ("Lisa Moss", "cabinet_member", "Deputy Leader", "present", None) in got


def test_parse_attendance_virtual_sentence_and_empty():
    people = parse_attendance("Ms L Grey, Mr T Hale and Ms R Quinn were in attendance virtually.")
    assert [(p.name, p.status) for p in people] == [("Ms L Grey", "virtual"), ("Mr T Hale", "virtual"), ("Ms R Quinn", "virtual")]
    assert parse_attendance("") == []
    assert parse_attendance("The meeting started at 10am.") == []


def test_masthead_single_numbered_item_and_decision_speaker():
    from minutes_miner.nlp import analyse, minutes_from_text

    text = ("Minutes of the Children Scrutiny Committee, 5 March 2024\n\n4. Early Help\n"
            "Jane Smith, Head of Early Help, presented the report.\n"
            "Councillor Patel asked whether waiting times for CAMHS had improved.\n"
            "In response, Ms Smith advised that they had fallen to 12 weeks.\n"
            "RESOLVED that the report be noted.\n")
    doc = analyse(minutes_from_text(text, "t.txt"))
    assert (doc.committee, doc.date.isoformat()) == ("Children Scrutiny Committee", "2024-03-05")
    assert [(i.number, i.title) for i in doc.items] == [("4", "Early Help")]
    statements = doc.items[0].statements
    assert [s.section for s in statements] == [None] * 4
    assert [(s.speaker, s.act, s.answers) for s in statements] == [
        ("Jane Smith", "statement", None), ("Councillor Patel", "question", None), ("Jane Smith", "answer", 1),
        ("the Committee", "resolution", None)]
    assert (statements[3].speaker_key, statements[3].speaker_kind) == ("committee", "group")


SENTENCE_CASE_ITEMS = """MARSTON BOROUGH COUNCIL

HEALTH SCRUTINY PANEL

Thursday 18 January 2024

Present: Councillor Ruth Ingleby (Chair); Councillors Alan Brannigan and Jean Ellwood

1. Apologies for absence

Apologies for absence were received from Councillor Hugh Pennock.

2. Declarations of interest

There were no declarations of interest.

3. Minutes of the meeting held on 16 November 2023

RESOLVED: That the minutes of the meeting held on 16 November 2023 be confirmed.

4. Care workforce and the international recruitment programme

Nadia Farouk, Assistant Director, presented the report on overseas recruitment.

Councillor Brannigan asked how many care workers had been recruited from overseas.

5. Work programme

The Panel noted its work programme.
"""


def test_sentence_case_and_dated_numbered_headings_are_items():
    m = minutes_from_text(SENTENCE_CASE_ITEMS, "marston.txt")
    assert [(i.number, i.title) for i in m.items] == [
        ("1", "Apologies for absence"),
        ("2", "Declarations of interest"),
        ("3", "Minutes of the meeting held on 16 November 2023"),
        ("4", "Care workforce and the international recruitment programme"),
        ("5", "Work programme"),
    ]
    assert m.items[2].text.startswith("RESOLVED: That the minutes of the meeting held on 16 November 2023")
    assert m.items[3].text.startswith("Nadia Farouk, Assistant Director, presented")
    # the masthead is the lines above item 1: the date is this meeting's, not the one in item 3
    assert m.date == date(2024, 1, 18)
    assert [a.name for a in m.attendance][:1] == ["Councillor Ruth Ingleby"]


def test_item_minutes_of_previous_meeting_is_not_the_masthead():
    text = ("Minutes of a meeting of the Corporate Resources Select Committee held on 16 January 2024.\n\n"
            "22. Apologies\n\nThere were no apologies.\n\n"
            "23. Minutes of the Meeting held on 14 November 2023\n\n"
            "RESOLVED that the minutes of the meeting held on 14 November 2023 be signed by the Chairman.\n\n"
            "24. Draft Revenue Budget 2024/25\n\nThe Cabinet Member introduced the draft budget.\n")
    m = minutes_from_text(text, "ravens.txt")
    assert (m.committee, m.date) == ("Corporate Resources Select Committee", date(2024, 1, 16))
    assert [(i.number, i.title) for i in m.items] == [
        ("22", "Apologies"), ("23", "Minutes of the Meeting held on 14 November 2023"), ("24", "Draft Revenue Budget 2024/25")]
    assert m.items[0].text == "There were no apologies."


def test_numbered_list_in_sentence_case_is_not_items():
    text = ("1. Performance Report\n\nThe Director highlighted three areas:\n\n"
            "1. Respite provision for carers\n\n2. Waiting lists for assessment\n\n3. Staff turnover in the service\n\n"
            "Councillor Lee asked about respite.\n\n2. Work Programme\n\nThe work programme was noted.\n")
    m = minutes_from_text(text, "list.txt")
    assert [(i.number, i.title) for i in m.items] == [("1", "Performance Report"), ("2", "Work Programme")]
    assert "2. Waiting lists for assessment" in m.items[0].text


def test_html_h3_item_heading_with_a_date(tmp_path):
    from minutes_miner.inputs import read_file

    page = tmp_path / "minutes.html"
    page.write_text(
        "<html><body><h1>Ravensworth County Council</h1><h2>Corporate Resources Select Committee</h2>"
        "<p>Minutes of a meeting of the Corporate Resources Select Committee held on Tuesday 16 January 2024.</p>"
        "<h3>22. Apologies</h3><p>There were no apologies.</p>"
        "<h3>23. Minutes of the Meeting held on 14 November 2023</h3>"
        "<p>RESOLVED that the minutes of the meeting held on 14 November 2023 are correctly recorded.</p>"
        "<h3>24. Forward Plan</h3><p>The Committee noted the forward plan.</p></body></html>", encoding="utf-8")
    m = read_file(page).minutes
    assert m.date == date(2024, 1, 16)
    assert [(i.number, i.title) for i in m.items] == [
        ("22", "Apologies"), ("23", "Minutes of the Meeting held on 14 November 2023"), ("24", "Forward Plan")]
    assert m.items[1].text.startswith("RESOLVED that the minutes of the meeting held on 14 November 2023")


def test_wrapped_text_item_heading_short_of_the_width_is_not_joined_to_its_body():
    """PDF text is hard-wrapped: a long non-final line joins the next, but an item heading that
    stops well short of the line width has not wrapped, so its first body line is not its title."""
    body = ("The Head of Inclusion reported that the number of pupils recorded with additional support needs\n"
            "had risen to 38 per cent of the school roll, compared with 29 per cent five years ago and that\n"
            "both enhanced provision bases had opened in August and were already full at the start of term.\n")
    text = (
        "3. Rolling Actions Log\n"
        "Details were provided of the outstanding actions arising from decisions taken by the Committee\n"
        "at its previous meetings, with the dates by which each action was expected to be completed now.\n"
        "4. Additional Support for Learning – Inclusion Review Progress Report\n"
        + body +
        "5. Chief Social Work Officer – Mid-Year Report 2023/24\n"
        "The Chief Social Work Officer presented the mid-year report on statutory social work services for\n"
        "children and families, and highlighted the rise in the number of children looked after at home.\n"
    )
    m = minutes_from_text(text, "kin.pdf")
    assert [(i.number, i.title) for i in m.items] == [
        ("3", "Rolling Actions Log"),
        ("4", "Additional Support for Learning – Inclusion Review Progress Report"),
        ("5", "Chief Social Work Officer – Mid-Year Report 2023/24"),
    ]
    assert m.items[1].text.startswith("The Head of Inclusion reported that")
    assert m.items[2].text.startswith("The Chief Social Work Officer presented")


def test_scottish_minute_of_meeting_masthead_gives_committee_and_date():
    text = ("KINLOCHARD COUNCIL\n\n"
            "Minute of meeting of the Education, Children and Families Committee held in the Council Chamber, "
            "Municipal Buildings, Kinlochard on Tuesday 6 February 2024 at 10.00 am.\n\n"
            "Present: Councillor Catriona Wallace (Convener) and Councillor Euan Muir.\n\n"
            "1. Minute of Previous Meeting\n\n"
            "Decision\n\n"
            "To approve the minute of the Committee of 28 November 2023 as a correct record.\n\n"
            "2. Rolling Actions Log\n\n"
            "Details were provided of the outstanding actions.\n")
    m = minutes_from_text(text, "kin.txt")
    assert (m.committee, m.date) == ("Education, Children and Families Committee", date(2024, 2, 6))
    assert [i.title for i in m.items] == ["Minute of Previous Meeting", "Rolling Actions Log"]


def test_numbered_headings_with_a_colon_in_the_title_are_items():
    text = ("ADULTS AND HEALTH SELECT COMMITTEE\n\n"
            "32/24  MINUTES OF THE PREVIOUS MEETING: 11 JULY 2024\n\nThe minutes were agreed as a correct record.\n\n"
            "33/24  ADULT SOCIAL CARE: WORKFORCE UPDATE\n\nThe Executive Director presented the report.\n\n"
            "34/24  Housing: Temporary Accommodation\n\nCouncillor Lee asked: what had the hotels cost?\n\n"
            "1. Members asked: whether the hotels were safe\n\nThe Director replied that they were.\n")
    m = minutes_from_text(text, "wealdmarsh.txt")
    assert [(i.number, i.title) for i in m.items] == [
        ("32/24", "MINUTES OF THE PREVIOUS MEETING: 11 JULY 2024"),
        ("33/24", "ADULT SOCIAL CARE: WORKFORCE UPDATE"),
        ("34/24", "Housing: Temporary Accommodation")]
    # a colon before lower-case words is a lead-in, not a title
    assert "1. Members asked: whether the hotels were safe" in m.items[2].text
