"""A large synthetic council for the mock server, generated deterministically in memory.

    site = synthetic_site(meetings=240)   # ~2,400 items, ~1,200 small PDFs, in well under a second

Committees meet through the years; each meeting has agenda items with Word-style minutes
(officers presenting, members asking, answers, resolutions), attendance (chair, members,
apologies, officers) and linked reports; the latest meetings have no minutes yet and some
meetings are cancelled. Documents are small valid one-page PDFs written here, not files.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from minutes_miner.mockserver.site import (
    Attendee,
    Committee,
    Document,
    Item,
    Meeting,
    Member,
    Site,
)

_FIRST = ["Alice", "Ben", "Carys", "David", "Esther", "Farid", "Grace", "Hugh", "Isla", "Jonas", "Kiran", "Laura",
          "Mohammed", "Nadia", "Owen", "Priya", "Quentin", "Rhiannon", "Samuel", "Tara", "Umar", "Violet", "Wes", "Yusuf"]
_LAST = ["Ashworth", "Barlow", "Chaudhry", "Dunmore", "Ellery", "Fairclough", "Gilmour", "Hollins", "Ibbotson",
         "Jarrett", "Kershaw", "Lomax", "Meadows", "Nuttall", "Ormerod", "Pickles", "Quarmby", "Rowbotham", "Sutcliffe",
         "Thwaite", "Unsworth", "Varley", "Whittaker", "Yeadon"]
_PARTIES = [("Labour", "LAB"), ("Conservative", "CON"), ("Liberal Democrat", "LD"), ("Green", "GRN"),
            ("Independent", "IND")]
_COMMITTEES = [("Children's Services Scrutiny Committee", "Overview and Scrutiny"),
               ("Adult Social Care Scrutiny Committee", "Overview and Scrutiny"),
               ("Corporate Parenting Panel", "Panels"), ("Health and Wellbeing Board", "Partnerships"),
               ("Cabinet", "Executive"), ("Audit Committee", "Regulatory"),
               ("Planning Committee", "Regulatory"), ("Environment Scrutiny Committee", "Overview and Scrutiny")]
_TOPICS = ["Performance Indicators", "Budget Monitoring", "SEND Improvement Plan", "Workforce Strategy",
           "Early Help Strategy", "Safeguarding Annual Report", "Waiting Times Update", "Fostering Recruitment",
           "Mental Health Services", "Home to School Transport", "Youth Justice Plan", "Housing Needs Assessment"]
_OFFICER_TITLES = ["Director of Children's Services", "Head of SEND", "Performance Leader", "Head of Finance",
                   "Assistant Director, Safeguarding", "Democratic Services Officer"]
_CONCERNS = ["waiting times for assessments", "staff vacancies", "the rising cost of placements",
             "safeguarding referrals", "delays in Education, Health and Care Plans", "demand on early help"]


def tiny_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF showing `lines` in Helvetica (text layer only, no compression)."""
    def escape(text: str) -> str:
        return text.encode("latin-1", "replace").decode("latin-1").replace("\\", "\\\\").replace("(", "\\(") \
            .replace(")", "\\)")

    stream = "BT /F1 11 Tf 14 TL 56 780 Td " + " ".join(f"({escape(line)}) Tj T*" for line in lines) + " ET"
    page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _minutes(rng: random.Random, topic: str, officer: tuple[str, str], members: list[Member]) -> str:
    asker, other = rng.sample(members, 2)
    concern = rng.choice(_CONCERNS)
    answer = (f"In response, {officer[0]} advised that an action plan was in place and undertook to report back "
              "on progress at the next meeting.")
    paras = [
        f"{officer[0]}, {officer[1]}, presented the report on {topic}.",
        f"{asker.name} asked what was being done about {concern}.",
        answer,
        f"{other.name} expressed concern about {rng.choice(_CONCERNS)}.",
        "RESOLVED that the report be noted.",
    ]
    body = "\n".join(f'<p class="MsoNormal"><span style="">{p}</span></p>' for p in paras)
    return f'<div class="WordSection1">\n{body}\n</div>\n'


def synthetic_site(meetings: int = 240, items_per_meeting: int = 10, documents_per_meeting: int = 5,
                   seed: int = 2024, today: date = date(2025, 6, 1)) -> Site:
    """A council with `meetings` meetings (about 1 in 25 cancelled, the last few without minutes yet),
    each with `items_per_meeting` items and `documents_per_meeting` linked PDFs."""
    rng = random.Random(seed)
    names = [f"{first} {last}" for first in _FIRST for last in _LAST]
    rng.shuffle(names)
    members = []
    for n, name in enumerate(names[:60]):
        party, code = _PARTIES[n % len(_PARTIES)]
        members.append(Member(id=1000 + n, name=f"Councillor {name}",
                              party=party, party_code=code, ward=f"{_LAST[(n * 5) % 24]} Ward",
                              key_posts="Cabinet Member for Children's Services" if n == 3 else ""))
    officers = [(f"{_FIRST[(n * 5 + 3) % 24]} {_LAST[(n * 11 + 2) % 24]}", title) for n, title in enumerate(_OFFICER_TITLES)]
    committees = []
    for n, (title, category) in enumerate(_COMMITTEES):
        roster = [(m.id, "Chair" if k == 0 else "Vice-Chair" if k == 1 else "Committee Member")
                  for k, m in enumerate(rng.sample(members, 10))]
        committees.append(Committee(id=200 + n, title=title, category=category, members=roster))
    site_meetings, documents = [], {}
    first_day = date(2016, 1, 12)
    step = max(1, (today - first_day).days // max(1, meetings))
    for n in range(meetings):
        committee = committees[n % len(committees)]
        day = first_day + timedelta(days=n * step)
        mid = 5000 + n
        published = n < meetings - max(2, meetings // 20)
        meeting = Meeting(id=mid, committee_id=committee.id, date=day, time=rng.choice(["10.00 am", "2.00 pm", "6.30 pm"]),
                          status="Cancelled" if n % 25 == 24 else "Confirmed", location="Council Chamber, Civic Centre",
                          minutes_published=published, minutes_format="html" if published else "none")
        roster = [m for m in members if m.id in {mid_ for mid_, _ in committee.members}]
        for k in range(items_per_meeting):
            iid = mid * 100 + k + 1
            topic = _TOPICS[(n + k) % len(_TOPICS)]
            officer = officers[(n + k) % len(officers)]
            item = Item(id=iid, meeting_id=mid, number=k + 1, title=f"{topic} {day.year}",
                        agenda_html=f'<div class="WordSection1">\n<p class="MsoNormal"><span style="">To consider '
                                    f"the report on {topic}.</span></p>\n</div>\n",
                        minutes_html=_minutes(rng, topic, officer, roster) if published else None)
            if k < documents_per_meeting:
                doc_id = mid * 100 + k + 1
                doc_title = f"{topic} report {day.strftime('%B %Y')}"
                documents[doc_id] = Document(
                    id=doc_id, path=f"documents/s{doc_id}/{doc_title}.pdf", title=doc_title, meeting_id=mid,
                    item_id=iid, owner_title=item.title, publication_date=day - timedelta(days=7),
                    data=tiny_pdf([doc_title, committee.title, day.isoformat(), f"Report by {officer[0]}, {officer[1]}"]),
                    content_type="application/pdf")
                item.document_ids.append(doc_id)
            meeting.items.append(item)
        chair, *others = roster
        absent = others[-1]
        meeting.attendees = [Attendee(name=chair.name, role="Chair", attendance="Present", member_id=chair.id,
                                      party=chair.party_code, ward=chair.ward)]
        meeting.attendees += [Attendee(name=m.name, role="Committee Member", attendance="Present", member_id=m.id,
                                       party=m.party_code, ward=m.ward) for m in others[:-1]]
        meeting.attendees.append(Attendee(name=absent.name, role="Committee Member", attendance="Apologies",
                                          member_id=absent.id, party=absent.party_code, ward=absent.ward))
        meeting.attendees += [Attendee(name=name, role=title, attendance="In attendance", kind="officer")
                              for name, title in officers[:3]]
        site_meetings.append(meeting)
    return Site(council_name="Synthetica Metropolitan Borough Council", committees=committees, meetings=site_meetings,
                members=members, documents=documents, contact="Democratic Services, 01632 960 000",
                address="Civic Centre, Synthetica")
