"""Pure parsers for ModernGov's mgWebService.asmx XML. Bytes in, models out; no I/O.

XML is parsed with defusedxml: DTDs, entity expansion (billion laughs) and external
entities are refused.
"""
from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from minutes_miner.dates import parse_uk_date
from minutes_miner.errors import ParseError
from minutes_miner.extract.html_text import html_to_text
from minutes_miner.extract.pdf_classify import is_questions_title
from minutes_miner.models import (
    AgendaItem,
    AttendeeMention,
    Committee,
    Council,
    DocumentRef,
    Meeting,
    ParsedMeeting,
    Person,
)
from minutes_miner.sources.moderngov.attendance import attendee


def _root(data: bytes, source: str, expected: str) -> ET.Element:
    if not data or not data.strip():
        raise ParseError("empty response where XML was expected", where=source)
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise ParseError(f"refused unsafe XML ({type(exc).__name__})", where=source,
                         hint="the response declares a DTD or entities; minutes-miner never expands them") from exc
    except ET.ParseError as exc:
        raise ParseError(f"malformed or truncated XML ({exc})", where=source,
                         hint="fetch again with --refresh; if it persists the web service is broken") from exc
    if root.tag.lower() != expected:
        raise ParseError(f"expected a <{expected}> document, got <{root.tag}>", where=source)
    return root


def _text(el: ET.Element | None, tag: str) -> str | None:
    if el is None:
        return None
    child = el.find(tag)
    if child is None or child.text is None:
        return None
    value = child.text.strip()
    return value or None


def _unescape_html(value: str | None) -> str | None:
    """Escaped HTML inside XML; some installs double-encode (&amp;#39;)."""
    if not value:
        return None
    once = html.unescape(value) if "&lt;" in value or "&amp;" in value else value
    return once


def page_url(base_url: str, page: str) -> str:
    return urljoin(base_url, page)


def parse_committees(data: bytes, council: Council, source: str = "GetCommittees") -> list[Committee]:
    root = _root(data, source, "committees")
    out = []
    for el in root.iter("committee"):
        cid, title = _text(el, "committeeid"), _text(el, "committeetitle")
        if not cid or not title or (_text(el, "committeedeleted") or "").lower() == "true":
            continue
        out.append(Committee(
            council_id=council.id, name=html.unescape(title), external_id=cid,
            source_url=page_url(council.base_url, f"mgCommitteeDetails.aspx?ID={cid}"),
            category=_text(el, "committeecategory"),
        ))
    return out


def parse_meetings(data: bytes, committee: Committee, base_url: str, source: str = "GetMeetings") -> list[Meeting]:
    root = _root(data, source, "getmeetings")
    out = []
    for el in root.iter("meeting"):
        mid = _text(el, "meetingid")
        if not mid:
            continue
        out.append(Meeting(
            committee_id=committee.id,
            source_url=page_url(base_url, f"ieListDocuments.aspx?CId={committee.external_id}&MId={mid}"),
            date=parse_uk_date(_text(el, "meetingdate")), time=_text(el, "meetingtime"),
            status=_text(el, "meetingstatus"), external_id=mid,
        ))
    return out


# membertype in GetMeeting: "U" (a user of the system: a councillor or co-opted member), or words ("co-opted": a
# parent governor or diocesan representative with a seat on the committee is a member, not a visitor).
_MEMBER_TYPES = {"u", "member", "committee member", "councillor", "co-opted", "coopted", "co-opted member", "co-optee"}


def _attendee(el: ET.Element) -> AttendeeMention | None:
    def field(name: str) -> str | None:
        value = el.get(name) or _text(el, name)
        return value.strip() if value and value.strip() else None

    name = field("name")
    if not name:
        return None
    member_type = (field("membertype") or "").lower()
    group = ("member" if member_type in _MEMBER_TYPES else "officer" if member_type in {"officer", "staff"}
             else "external" if member_type else None)
    return attendee(name, field("roledescription"), field("attendance"), group=group,
                    party=field("politicalparty"), ward=field("ward"))


def parse_meeting(data: bytes, council: Council, committee: Committee, base_url: str,
                  source: str = "GetMeeting") -> ParsedMeeting:
    root = _root(data, source, "meeting")
    mid = _text(root, "meetingid")
    if not mid:
        raise ParseError("GetMeeting response has no <meetingid>", where=source)
    meeting = Meeting(
        committee_id=committee.id,
        source_url=page_url(base_url, f"ieListDocuments.aspx?CId={committee.external_id}&MId={mid}"),
        date=parse_uk_date(_text(root, "meetingdate")), time=_text(root, "meetingtime"),
        venue=_text(root, "meetinglocation"), status=_text(root, "meetingstatus"), external_id=mid,
        minutes_published=(_text(root, "minutepublished") or "").lower() == "true",
    )
    items, documents = [], []
    for position, el in enumerate(root.iter("agendaitem")):
        item_id = _text(el, "agendaitemid")
        number = _text(el, "fulldisplaynumberformat") or _text(el, "agendaitemnumber")
        minutes_html = _unescape_html(_text(el, "minutesnonemptyhtmlbody"))
        item = AgendaItem(
            meeting_id=meeting.id, position=position, number=number.rstrip(".") if number else None,
            title=html.unescape(_text(el, "agendaitemtitle") or "") or None,
            agenda_text=html_to_text(_unescape_html(_text(el, "agendatext"))) or None,
            minutes_text=html_to_text(minutes_html) or None,
            source_url=page_url(base_url, f"mgAi.aspx?ID={item_id}") if item_id else meeting.source_url,
            external_id=item_id,
        )
        items.append(item)
        for doc in el.iter("linkeddoc"):
            url = _text(doc, "url")
            if not url:
                continue
            title = _text(doc, "title")
            owner = (_text(doc, "ownertitle") or "").lower()
            kind = "minutes" if "printed minutes" in (title or "").lower() or owner == "printed minutes" else "report"
            kind = "questions" if is_questions_title(title) else kind
            documents.append(DocumentRef(url=page_url(base_url, url), title=title, item_position=position, kind=kind))
    for doc in root.findall("./linkeddocuments/linkeddoc") + root.findall("./documents/document"):
        url = _text(doc, "url")
        if url:
            title = _text(doc, "title")
            kind = "questions" if is_questions_title(title) else "minutes" if "minutes" in (title or "").lower() else "report"
            documents.append(DocumentRef(url=page_url(base_url, url), title=title, kind=kind))
    attendees = tuple(a for a in (_attendee(el) for el in root.iter("attendee")) if a)
    return ParsedMeeting(council=council, committee=committee, meeting=meeting, items=tuple(items),
                         attendees=attendees, documents=tuple(dict.fromkeys(documents)))


def parse_councillors(data: bytes, council: Council, source: str = "GetCouncillorsByWard") -> list[Person]:
    root = _root(data, source, "councillorsbyward")
    out = []
    for ward in root.iter("ward"):
        ward_name = _text(ward, "wardtitle")
        for el in ward.iter("councillor"):
            name = _text(el, "fullusername")
            if not name:
                continue
            name = html.unescape(name)
            surname = name.split()[-1].lower()
            keyposts = _text(el, "keyposts")
            kind = "cabinet_member" if keyposts and "cabinet" in keyposts.lower() else "member"
            out.append(Person(council_id=council.id, name=name, kind=kind, key=surname, title=keyposts,
                              party=_text(el, "politicalpartytitle"), ward=ward_name,
                              external_id=_text(el, "councillorid")))
    return out
