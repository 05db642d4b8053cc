"""A council's ModernGov site as plain data: what the mock server renders from.

`load_site(directory)` reads the bundled sample-council format (council.json, minutes/,
documents/; see corpora/sample-council/README.md). A synthetic council can equally be
built in code: construct `Committee`, `Meeting`, `Item`, `Document`, `Member` objects and
hand them to `Site(...)`; documents can carry their bytes in `data` instead of a file.
"""
from __future__ import annotations

import json
import mimetypes
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass
class Member:
    """A councillor (or co-opted member) on the roster."""

    id: int
    name: str  # as ModernGov shows it: "Councillor Margaret Holloway", "Mrs Yvonne Shaw"
    party: str = ""
    party_code: str = ""
    ward: str = ""
    key_posts: str = ""
    co_opted: bool = False


@dataclass
class Attendee:
    """One line of a meeting's attendance record."""

    name: str
    role: str  # "Chair", "Committee Member", "Substitute", job title for officers
    attendance: str  # Present | Apologies | Absent | Present as substitute | Attended virtually | In attendance | Expected
    kind: str = "member"  # member | officer | external
    member_id: int | None = None
    party: str = ""
    ward: str = ""
    organisation: str = ""
    notes: str = ""


@dataclass
class Document:
    id: int
    path: str  # URL path relative to the site base, e.g. "documents/s62101/CS Performance Indicators Q2 2022-23.pdf"
    title: str
    kind: str = "report"  # report | indicators | printed_minutes
    meeting_id: int | None = None
    item_id: int | None = None
    owner_title: str = ""  # ModernGov <ownertitle>: the item title, or "Printed minutes"
    publication_date: date | None = None
    period: str | None = None  # for KPI reports, e.g. "Q2 2023/24"
    file: Path | None = None
    data: bytes | None = None
    content_type: str = ""

    def __post_init__(self) -> None:
        if not self.content_type:
            guessed = mimetypes.guess_type(self.path)[0]
            self.content_type = guessed or "application/octet-stream"

    def read_bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        if self.file is None:
            raise FileNotFoundError(f"document {self.id} has neither data nor file")
        return self.file.read_bytes()

    @property
    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        return self.file.stat().st_size if self.file and self.file.exists() else 0


@dataclass
class Item:
    id: int
    meeting_id: int
    number: int
    title: str
    agenda_html: str = ""
    minutes_html: str | None = None  # None: no HTML minutes for this item
    issue_id: int | None = None
    document_ids: list[int] = field(default_factory=list)

    @property
    def display_number(self) -> str:
        return f"{self.number}."


@dataclass
class Meeting:
    id: int
    committee_id: int
    date: date
    time: str = "10.00 am"
    status: str = "Confirmed"  # Confirmed | Cancelled
    location: str = ""
    agenda_published: bool = True
    minutes_published: bool = False
    minutes_format: str = "html"  # html | pdf | none
    items: list[Item] = field(default_factory=list)
    attendees: list[Attendee] = field(default_factory=list)
    document_ids: list[int] = field(default_factory=list)  # meeting-level documents (printed minutes)


@dataclass
class Committee:
    id: int
    title: str
    category: str = ""
    deleted: bool = False
    expired: bool = False
    purpose: str = ""
    members: list[tuple[int, str]] = field(default_factory=list)  # (member id, role)


@dataclass
class Site:
    council_name: str
    committees: list[Committee]
    meetings: list[Meeting]
    members: list[Member] = field(default_factory=list)
    documents: dict[int, Document] = field(default_factory=dict)
    issues: dict[int, str] = field(default_factory=dict)  # issue id -> title
    contact: str = ""
    address: str = ""
    base_path: str = "/moderngov/"

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        """Rebuild lookup tables (call after mutating the lists)."""
        self._committees = {c.id: c for c in self.committees}
        self._meetings = {m.id: m for m in self.meetings}
        self._items = {i.id: i for m in self.meetings for i in m.items}
        self._members = {m.id: m for m in self.members}
        self._docs_by_path = {d.path: d for d in self.documents.values()}

    # lookups ---------------------------------------------------------------------------
    def committee(self, committee_id: int) -> Committee | None:
        return self._committees.get(committee_id)

    def meeting(self, meeting_id: int) -> Meeting | None:
        return self._meetings.get(meeting_id)

    def item(self, item_id: int) -> Item | None:
        return self._items.get(item_id)

    def member(self, member_id: int) -> Member | None:
        return self._members.get(member_id)

    def document(self, document_id: int) -> Document | None:
        return self.documents.get(document_id)

    def document_by_path(self, path: str) -> Document | None:
        return self._docs_by_path.get(path)

    def meetings_of(self, committee_id: int, start: date | None = None, end: date | None = None) -> list[Meeting]:
        out = [
            m
            for m in self.meetings
            if m.committee_id == committee_id and (start is None or m.date >= start) and (end is None or m.date <= end)
        ]
        return sorted(out, key=lambda m: (m.date, m.id))

    def issue_items(self, issue_id: int) -> list[Item]:
        """Agenda items considering one issue, newest meeting first (as on 'Issue - meetings')."""
        items = [i for i in self._items.values() if i.issue_id == issue_id]
        return sorted(items, key=lambda i: (self._meetings[i.meeting_id].date, i.id), reverse=True)

    def item_documents(self, item: Item) -> list[Document]:
        return [self.documents[d] for d in item.document_ids if d in self.documents]

    def meeting_documents(self, meeting: Meeting) -> list[Document]:
        return [self.documents[d] for d in meeting.document_ids if d in self.documents]


# ---------------------------------------------------------------------------------------
# Loading the bundled format
# ---------------------------------------------------------------------------------------


def _agenda_html(text: str) -> str:
    import html

    paras = [p for p in text.split("\n") if p.strip()]
    body = "\n".join(f'<p class="MsoNormal"><span style="">{html.escape(p, quote=False)}</span></p>' for p in paras)
    return f'<div class="WordSection1">\n{body}\n</div>\n'


def _attendees(att: dict, members: dict[int, Member], officers: dict, externals: dict, committee: Committee) -> list[Attendee]:
    out: list[Attendee] = []

    def add_member(mid: int, role: str, attendance: str, notes: str = "") -> None:
        m = members[mid]
        out.append(Attendee(name=m.name, role=role, attendance=attendance, kind="member", member_id=mid,
                            party=m.party_code, ward=m.ward, notes=notes))

    committee_roles = {mid: role for mid, role in committee.members}
    virtual = set(att.get("virtual", []))

    def present(mid: int) -> str:
        return "Attended virtually" if mid in virtual else "Present"

    for mid in att.get("expected", []):
        role = committee_roles.get(mid, "Committee Member")
        add_member(mid, role, "Expected")
    if "chair" in att:
        add_member(att["chair"], "Chair", present(att["chair"]))
    if "vice_chair" in att:
        add_member(att["vice_chair"], "Vice-Chair", present(att["vice_chair"]))
    for mid in att.get("present", []):
        role = committee_roles.get(mid, "Committee Member")
        if role in ("Chair", "Vice-Chair"):
            role = "Committee Member"
        add_member(mid, role, present(mid))
    substitutes = {sub: absent for sub, absent in att.get("substitutes", [])}
    for mid in att.get("apologies", []):
        notes = ""
        for sub, absent in substitutes.items():
            if absent == mid:
                notes = f"{members[sub].name} substituting"
        add_member(mid, committee_roles.get(mid, "Committee Member"), "Apologies", notes)
    for sub, absent in substitutes.items():
        add_member(sub, "Substitute", "Present as substitute", f"Substitute for {members[absent].name}")
    for mid, role in att.get("also_present", []):
        add_member(mid, role, "In attendance")
    for key in att.get("officers", []):
        o = officers[key]
        out.append(Attendee(name=o["name"], role=o["title"], attendance="In attendance", kind="officer"))
    for key in att.get("externals", []):
        e = externals[key]
        out.append(Attendee(name=e["name"], role=e["title"], attendance="In attendance", kind="external",
                            organisation=e.get("organisation", "")))
    return out


def load_site(directory: Path) -> Site:
    """Read the sample-council format (council.json + minutes/ + documents/) into a `Site`."""
    directory = Path(directory)
    raw = json.loads((directory / "council.json").read_text(encoding="utf-8"))
    council = raw["council"]
    members = {
        m["id"]: Member(id=m["id"], name=m["name"], party=m.get("party", ""), party_code=m.get("party_code", ""),
                        ward=m.get("ward", ""), key_posts=m.get("key_posts", ""), co_opted=bool(m.get("co_opted")))
        for m in raw["members"]
    }
    committees = []
    for c in raw["committees"]:
        roster = [(entry, "Committee Member") if isinstance(entry, int) else (entry[0], entry[1]) for entry in c.get("members", [])]
        committees.append(Committee(id=c["id"], title=c["title"], category=c.get("category", ""),
                                    deleted=bool(c.get("deleted")), expired=bool(c.get("expired")),
                                    purpose=c.get("purpose", ""), members=roster))
    committees_by_id = {c.id: c for c in committees}
    documents: dict[int, Document] = {}
    meetings: list[Meeting] = []
    for m in raw["meetings"]:
        mid = m["id"]
        mdate = date.fromisoformat(m["date"])
        minutes_format = m.get("minutes", "none")
        published = date.fromordinal(mdate.toordinal() - 7)
        meeting = Meeting(
            id=mid, committee_id=m["committee"], date=mdate, time=m.get("time", "10.00 am"),
            status=m.get("status", "Confirmed"), location=m.get("location", ""),
            agenda_published=m.get("agenda_published", True),
            minutes_published=minutes_format in ("html", "pdf"), minutes_format=minutes_format,
        )
        for it in m.get("items", []):
            iid = mid * 10 + it["n"]
            minutes_html = None
            if minutes_format == "html":
                path = directory / "minutes" / str(mid) / f"{iid}.html"
                minutes_html = path.read_text(encoding="utf-8")
            item = Item(id=iid, meeting_id=mid, number=it["n"], title=it["title"],
                        agenda_html=_agenda_html(it.get("agenda", "")), minutes_html=minutes_html,
                        issue_id=it.get("issue"))
            for d in it.get("documents", []):
                documents[d["id"]] = Document(
                    id=d["id"], path=d["file"], title=d["title"], kind=d.get("kind", "report"), meeting_id=mid,
                    item_id=iid, owner_title=it["title"], publication_date=published, period=d.get("period"),
                    file=directory / d["file"],
                )
                item.document_ids.append(d["id"])
            meeting.items.append(item)
        if pm := m.get("printed_minutes"):
            documents[pm["id"]] = Document(
                id=pm["id"], path=pm["file"], title=pm["title"], kind="printed_minutes", meeting_id=mid,
                owner_title="Printed minutes", publication_date=date.fromordinal(mdate.toordinal() + 14),
                file=directory / pm["file"],
            )
            meeting.document_ids.append(pm["id"])
        meeting.attendees = _attendees(m.get("attendance", {}), members, raw.get("officers", {}),
                                       raw.get("externals", {}), committees_by_id[m["committee"]])
        meetings.append(meeting)
    return Site(
        council_name=council["name"],
        committees=committees,
        meetings=meetings,
        members=list(members.values()),
        documents=documents,
        issues={int(k): v for k, v in raw.get("issues", {}).items()},
        contact=council.get("contact", ""),
        address=council.get("address", ""),
        base_path=council.get("base_path", "/moderngov/"),
    )
