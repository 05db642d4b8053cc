"""A small fictional council in a real SQLite store, built through the Store API.

Children's Services Scrutiny Committee meets three times over a year (M1 2023-06-14, M2 2023-10-11,
M3 2024-03-06); Adult Social Care Scrutiny Committee once (A1 2023-11-01).

* Councillor Mary Patel asks a question at each children's meeting; Councillor Raj Patel (a different
  member) asks one at the adults' committee.
* M1: the Head of Early Help undertakes to circulate a breakdown of referrals by locality (delivered:
  M2 says it "had been circulated"); the Director agrees to provide a recruitment report after
  Councillor Okafor's question (never delivered).
* M3: the Director undertakes to share the SEND improvement plan (open). One statement carries
  `<script>alert(1)</script>`.

Concern counts per children's meeting (M1, M2, M3): safeguarding 1,2,1; workforce 3,1,0;
children-in-care 0,1,0; send 0,0,2; waiting-times 0,0,1 (and 1 at A1).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from minutes_miner.models import (
    AgendaItem,
    Committee,
    Council,
    Document,
    Indicator,
    IndicatorValue,
    Link,
    Meeting,
    ParsedMeeting,
    Person,
    Statement,
)
from minutes_miner.store import open_store

BASE = "https://democracy.sampleshire.example"
COUNCIL = Council(name="Sampleshire County Council", base_url=BASE)
CHILDREN = Committee(council_id=COUNCIL.id, name="Children's Services Scrutiny Committee", external_id="101",
                     source_url=f"{BASE}/mgCommitteeDetails.aspx?ID=101")
ADULTS = Committee(council_id=COUNCIL.id, name="Adult Social Care Scrutiny Committee", external_id="102",
                   source_url=f"{BASE}/mgCommitteeDetails.aspx?ID=102")

PATEL = Person(COUNCIL.id, "Councillor Mary Patel", kind="member", key="patel", party="Labour")
RAJ = Person(COUNCIL.id, "Councillor Raj Patel", kind="member", key="patel")
OKAFOR = Person(COUNCIL.id, "Councillor John Okafor", kind="member", key="okafor")
BROWN = Person(COUNCIL.id, "Councillor Sue Brown", kind="chair", key="brown")
SMITH = Person(COUNCIL.id, "Jane Smith", kind="officer", key="smith", title="Director of Children's Services")
REED = Person(COUNCIL.id, "Tom Reed", kind="officer", key="reed", title="Head of Early Help")
DASS = Person(COUNCIL.id, "Director of Adult Social Services", kind="officer", key="director of adult social services")
PERSONS = (PATEL, RAJ, OKAFOR, BROWN, SMITH, REED, DASS)

M1 = Meeting(CHILDREN.id, f"{BASE}/ieListDocuments.aspx?CId=101&MId=1001", date=date(2023, 6, 14),
             external_id="1001", status="Minutes published", minutes_published=True)
M2 = Meeting(CHILDREN.id, f"{BASE}/ieListDocuments.aspx?CId=101&MId=1002", date=date(2023, 10, 11),
             external_id="1002", minutes_published=True)
M3 = Meeting(CHILDREN.id, f"{BASE}/ieListDocuments.aspx?CId=101&MId=1003", date=date(2024, 3, 6),
             external_id="1003", minutes_published=True)
A1 = Meeting(ADULTS.id, f"{BASE}/ieListDocuments.aspx?CId=102&MId=2001", date=date(2023, 11, 1),
             external_id="2001", minutes_published=True)
PDF_Q3 = f"{BASE}/documents/s9003/Performance%20Report%20Q3.pdf"


def _item(meeting: Meeting, position: int, number: str, title: str) -> AgendaItem:
    return AgendaItem(meeting_id=meeting.id, position=position, number=number, title=title,
                      source_url=f"{meeting.source_url}#item{number}", external_id=f"{meeting.external_id}-{number}")


M1_APOLOGIES = _item(M1, 0, "1", "Apologies for absence")
M1_PERF = _item(M1, 4, "5", "Quarterly Performance Report")
M2_PERF = _item(M2, 3, "4", "Performance Report Quarter 1")
M2_ARISING = _item(M2, 5, "6", "Matters arising")
M3_PERF = _item(M3, 2, "3", "Performance Report Quarter 3")
A1_DISCHARGE = _item(A1, 1, "2", "Hospital discharge")


def _s(item: AgendaItem, position: int, who: Person, act: str, text: str, *, answers: int | None = None,
       section: str | None = None, concerns: tuple[str, ...] = (), page: int | None = None,
       url: str | None = None) -> Statement:
    return Statement(item_id=item.id, position=position, text=text, act=act, speaker_id=who.id, speaker=who.name,
                     speaker_key=who.key, speaker_kind=who.kind, answers_position=answers, section=section,
                     concerns=concerns, source_url=url or item.source_url, page=page)


Q_EARLY_HELP = ("Councillor Mary Patel asked why early help referrals had fallen in the north of the county "
                "and whether this created a safeguarding risk.")
A_EARLY_HELP = ("The Head of Early Help explained that referrals had fallen because two locality teams had merged "
                "in April. Referral thresholds had not changed. Officers were monitoring the position monthly.")
C_LOCALITY = "The Head of Early Help undertook to circulate a breakdown of referrals by locality to members."
C_RECRUIT = "The Director agreed to provide a report on the recruitment and retention strategy at a future meeting."
D_LOCALITY = ("The Head of Early Help confirmed that the breakdown of referrals by locality had been circulated "
              "to members in July.")
Q_PLACEMENT = "Councillor Mary Patel asked what was being done about placement stability for children in care."
A_PLACEMENT = ("The Director of Children's Services said that placement stability had improved to 68%. "
               "A new fostering campaign had started in September.")
Q_SEND = "Councillor Patel asked whether waiting times for SEND assessments were improving."
A_SEND = "The Director said 54% of EHC plans were issued within 20 weeks, against a target of 60%."
C_SEND_PLAN = "The Director undertook to share the SEND improvement plan with members."
SCRIPT_TEXT = "Councillor Okafor read out a resident's message: <script>alert(1)</script> and asked for a reply."

STATEMENTS = {
    M1.id: [
        _s(M1_PERF, 0, PATEL, "question", Q_EARLY_HELP, section="Early Help", concerns=("safeguarding",)),
        _s(M1_PERF, 1, REED, "answer", A_EARLY_HELP, answers=0, section="Early Help"),
        _s(M1_PERF, 2, REED, "commitment", C_LOCALITY, section="Early Help"),
        _s(M1_PERF, 3, OKAFOR, "question", "Councillor Okafor asked about vacancy rates among social workers.",
           section="Workforce", concerns=("workforce",)),
        _s(M1_PERF, 4, SMITH, "answer", "The Director said agency staff covered 18% of social work posts.",
           answers=3, section="Workforce", concerns=("workforce",)),
        _s(M1_PERF, 5, SMITH, "commitment", C_RECRUIT, section="Workforce"),
        _s(M1_PERF, 6, PATEL, "concern", "Councillor Patel expressed concern about social worker caseloads.",
           section="Workforce", concerns=("workforce",)),
    ],
    M2.id: [
        _s(M2_PERF, 0, PATEL, "question", Q_PLACEMENT, section="Children in Care",
           concerns=("children-in-care", "safeguarding")),
        _s(M2_PERF, 1, SMITH, "answer", A_PLACEMENT, answers=0, section="Children in Care"),
        _s(M2_PERF, 2, OKAFOR, "concern", "Councillor Okafor raised concerns about the social work vacancy rate.",
           concerns=("workforce",)),
        _s(M2_PERF, 3, BROWN, "statement", "The Chair noted the findings of the safeguarding audit.",
           concerns=("safeguarding",)),
        _s(M2_ARISING, 0, REED, "statement", D_LOCALITY),
    ],
    M3.id: [
        _s(M3_PERF, 0, PATEL, "question", Q_SEND, section="SEND", concerns=("send", "waiting-times")),
        _s(M3_PERF, 1, SMITH, "answer", A_SEND, answers=0, section="SEND", page=4, url=PDF_Q3),
        _s(M3_PERF, 2, SMITH, "commitment", C_SEND_PLAN, section="SEND"),
        _s(M3_PERF, 3, BROWN, "request", "The Chair asked for safeguarding training figures for SEND staff.",
           concerns=("safeguarding", "send")),
        _s(M3_PERF, 4, OKAFOR, "statement", SCRIPT_TEXT),
    ],
    A1.id: [
        _s(A1_DISCHARGE, 0, RAJ, "question", "Councillor Raj Patel asked about delayed hospital discharges.",
           concerns=("waiting-times",)),
        _s(A1_DISCHARGE, 1, DASS, "answer", "The Director of Adult Social Services said delays had halved since May.",
           answers=0),
    ],
}

SEND01 = Indicator(COUNCIL.id, "Percentage of EHC plans issued within 20 weeks", section="SEND", unit="%",
                   ref="SEND01", lower_is_better=False)
INDICATOR_DOC = Document(url=PDF_Q3, title="Performance Report Q3", meeting_id=M3.id, kind="indicators")
SEND01_VALUES = (
    IndicatorValue(SEND01.id, "2023-24 Q1", value=48.0, target=60.0, rag="RED", period_end=date(2023, 6, 30)),
    IndicatorValue(SEND01.id, "2023-24 Q2", value=51.0, target=60.0, rag="RED", previous_rag="RED",
                   direction="improving", period_end=date(2023, 9, 30)),
    IndicatorValue(SEND01.id, "2023-24 Q3", value=54.0, target=60.0, rag="AMBER", previous_rag="RED",
                   direction="improving", period_end=date(2023, 12, 31), document_id=INDICATOR_DOC.id, page=4),
)


def statement_id(meeting: Meeting, item: AgendaItem, position: int) -> str:
    return next(s.id for s in STATEMENTS[meeting.id] if s.item_id == item.id and s.position == position)


def build_store(path: Path):
    """Create and fill the store at `path`; returns the open store."""
    store = open_store(path)
    items = {M1.id: (M1_APOLOGIES, M1_PERF), M2.id: (M2_PERF, M2_ARISING), M3.id: (M3_PERF,), A1.id: (A1_DISCHARGE,)}
    for committee, meeting in ((CHILDREN, M1), (CHILDREN, M2), (CHILDREN, M3), (ADULTS, A1)):
        parsed = ParsedMeeting(council=COUNCIL, committee=committee, meeting=meeting, items=items[meeting.id])
        store.save_meeting(parsed, documents=[INDICATOR_DOC] if meeting is M3 else [], persons=PERSONS)
        store.save_analysis(meeting.id, STATEMENTS[meeting.id], persons=PERSONS)
    store.save_indicators(COUNCIL, [SEND01], list(SEND01_VALUES), documents=[INDICATOR_DOC])
    store.replace_links([Link(statement_id=statement_id(M3, M3_PERF, 1), indicator_id=SEND01.id, method="name")])
    return store
