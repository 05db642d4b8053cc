"""Pure functions Site -> bytes, one per ModernGov page or web-service call.

Markup follows real ModernGov output (see ../shared/moderngov-notes.md): `div#modgov`,
`h1.mgMainTitleTxt`, `table.mgItemTable`, `p.mgAiTitleTxt`, `div.mgWordPara`,
`p.mgSubItemTitleTxt`, `ul.mgBulletList` with `span.mgFileSize`, doubled spaces inside tags,
`&#32;` in title attributes, `&#47;` in dates. XML follows the mgWebService.asmx shapes
(leading space in counts, escaped HTML in <agendatext>/<minutesnonemptyhtmlbody>,
attendee fields as attributes).

Every function returning `bytes | None` returns None for an unknown id (the server 404s).
"""
from __future__ import annotations

import html
import re
from datetime import date
from urllib.parse import quote

from minutes_miner.mockserver.site import Attendee, Document, Item, Meeting, Site

# ---------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------


def _e(text: object) -> str:
    return html.escape(str(text), quote=False)


def _a(text: object) -> str:
    """Escape for an attribute value in double quotes."""
    return html.escape(str(text), quote=True)


def _title_attr(text: str) -> str:
    """ModernGov encodes spaces in title attributes as &#32;."""
    return _a(text).replace(" ", "&#32;")


def uk_date(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def long_date(d: date) -> str:
    """'Tuesday, 17th January, 2023' as on ModernGov meeting pages."""
    return f"{d.strftime('%A')}, {_ordinal(d.day)} {d.strftime('%B')}, {d.year}"


def doc_url(base_url: str, doc: Document) -> str:
    return base_url + quote(doc.path)


def _file_size(doc: Document) -> str:
    size = doc.size
    kb = max(1, round(size / 1024)) if size else 0
    return f'<span  class="mgFileSize" ><img height="12" src="mgimages/logo-pdf-1.gif" width="12" alt="pdf icon" /> PDF {kb} KB</span>'


def _x(text: object) -> str:
    """Escape for XML element content."""
    return html.escape(str(text), quote=False)


def _xa(text: object) -> str:
    return html.escape(str(text), quote=True)


def _bool(value: bool) -> str:
    return "True" if value else "False"


def _xml(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body).encode("utf-8")


def _page(site: Site, title: str, body: str, *, dc_date: date | None = None) -> bytes:
    meta = f'<meta name="DC.date" content="{dc_date.isoformat()}" />\n' if dc_date else ""
    doc = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{_e(title)}</title>
<meta name="DC.title" content="{_a(title)}" />
<meta name="DC.publisher" content="{_a(site.council_name)}" />
{meta}<link type="text/css" href="SiteSpecific/ssMgStyles.css" rel="stylesheet" />
</head>
<body>
<div id="skiplinks"><a href="#mgMain">Modern.gov Content</a></div>
<div id="siteheader"><p class="councilname">{_e(site.council_name)}</p></div>
<div id="breadcrumb"><ul><li><a href="mgListCommittees.aspx">Committees</a></li></ul></div>
<a id="mgMain"></a>
<div id="modgov">{body}
<div class="mgFooter" >
<p>&nbsp;</p>
</div>
</div>
<div id="sitefooter"><p>{_e(site.address)}</p></div>
</body>
</html>
"""
    return doc.encode("utf-8")


def _header(title: str, subtitle: str | None = None) -> str:
    out = f'<div class="mgHeader"><h1  class="mgMainTitleTxt" >{_e(title)}</h1></div>\n'
    if subtitle:
        out += f'<div class="mgSubTitle" >\n<h2 class="mgSubTitleTxt">{_e(subtitle)}</h2>\n</div>\n'
    return out


def meeting_heading(site: Site, meeting: Meeting) -> str:
    committee = site.committee(meeting.committee_id)
    return f"{committee.title} - {long_date(meeting.date)} {meeting.time}"


def meeting_page_url(meeting: Meeting) -> str:
    return f"ieListDocuments.aspx?CId={meeting.committee_id}&amp;MId={meeting.id}&amp;Ver=4"


# ---------------------------------------------------------------------------------------
# mgWebService.asmx
# ---------------------------------------------------------------------------------------


def ws_get_committees(site: Site) -> bytes:
    committees = [c for c in site.committees if not c.deleted]
    parts = [f"<committees>\n  <committeescount> {len(committees)}</committeescount>\n"]
    for c in committees:
        parts.append(
            "  <committee>\n"
            f"    <committeeid>{c.id}</committeeid>\n"
            f"    <committeetitle>{_x(c.title)}</committeetitle>\n"
            f"    <committeedeleted>{_bool(c.deleted)}</committeedeleted>\n"
            f"    <committeeexpired>{_bool(c.expired)}</committeeexpired>\n"
            f"    <committeecategory>{_x(c.category)}</committeecategory>\n"
            "  </committee>\n"
        )
    parts.append("</committees>\n")
    return _xml("".join(parts))


def ws_get_meetings(site: Site, committee_id: int, start: date | None, end: date | None) -> bytes | None:
    committee = site.committee(committee_id)
    if committee is None:
        return None
    meetings = site.meetings_of(committee_id, start, end)
    parts = [
        "<getmeetings>\n",
        f"  <meetingscount> {len(meetings)}</meetingscount>\n",
        "  <committeescount> 1</committeescount>\n",
        "  <committee>\n",
        f"    <committeeid>{committee.id}</committeeid>\n",
        f"    <committeetitle>{_x(committee.title)}</committeetitle>\n",
        f"    <committeemeetingcount> {len(meetings)}</committeemeetingcount>\n",
        "    <committeemeetings>\n",
    ]
    for m in meetings:
        parts.append(
            "      <meeting>\n"
            f"        <meetingid>{m.id}</meetingid>\n"
            f"        <meetingdate>{uk_date(m.date)}</meetingdate>\n"
            f"        <meetingstatus>{_x(m.status)}</meetingstatus>\n"
            f"        <meetingtime>{_x(m.time)}</meetingtime>\n"
            "        <iswebcast>False</iswebcast>\n"
            "      </meeting>\n"
        )
    parts.append("    </committeemeetings>\n  </committee>\n</getmeetings>\n")
    return _xml("".join(parts))


def _linkeddoc(site: Site, base_url: str, doc: Document, meeting: Meeting, itemnum: int) -> str:
    committee = site.committee(meeting.committee_id)
    pub = uk_date(doc.publication_date) if doc.publication_date else uk_date(meeting.date)
    return (
        "        <linkeddoc>\n"
        f"          <attachmentid>{doc.id}</attachmentid>\n"
        f"          <title>{_x(doc.title)}</title>\n"
        "          <isurl>False</isurl>\n"
        f"          <url>{_x(doc_url(base_url, doc))}</url>\n"
        "          <isrestricted>False</isrestricted>\n"
        "          <restrictionsRef>\n          </restrictionsRef>\n"
        f"          <itemnum>{itemnum}</itemnum>\n"
        f"          <publicationdate>{pub}</publicationdate>\n"
        f"          <meetingdate>{uk_date(meeting.date)}</meetingdate>\n"
        f"          <decisiondate>{uk_date(meeting.date)}</decisiondate>\n"
        f"          <committeetitle>{_x(committee.title)}</committeetitle>\n"
        "          <isdecisionattachment>False</isdecisionattachment>\n"
        f"          <ownertitle>{_x(doc.owner_title)}</ownertitle>\n"
        "        </linkeddoc>\n"
    )


_MEMBERTYPE = {"member": "U", "officer": "officer", "external": "external"}


def _attendee_xml(base_url: str, a: Attendee) -> str:
    role = a.role if not a.organisation else f"{a.role}, {a.organisation}"
    attrs = (
        f'membertype="{_MEMBERTYPE.get(a.kind, a.kind)}" memberid="{a.member_id if a.member_id is not None else ""}" '
        f'name="{_xa(a.name)}" roledescription="{_xa(role)}" attendance="{_xa(a.attendance)}" '
        f'politicalparty="{_xa(a.party)}" ward="{_xa(a.ward)}"'
    )
    if a.kind == "member" and a.member_id is not None:
        return f"    <attendee {attrs}>\n      <url>{_x(base_url)}mgUserInfo.aspx?UID={a.member_id}</url>\n    </attendee>\n"
    return f"    <attendee {attrs}>\n    </attendee>\n"


def ws_get_meeting(site: Site, meeting_id: int, base_url: str) -> bytes | None:
    m = site.meeting(meeting_id)
    if m is None:
        return None
    committee = site.committee(m.committee_id)
    d = uk_date(m.date)
    parts = [
        "<meeting>\n",
        f"  <meetingid>{m.id}</meetingid>\n",
        f"  <meetingdate>{d}</meetingdate>\n",
        f"  <meetingstatus>{_x(m.status)}</meetingstatus>\n",
        "  <isdisplayallowed>True</isdisplayallowed>\n",
        f"  <meetingtime>{_x(m.time)}</meetingtime>\n",
        "  <meetingactualstarttime>\n  </meetingactualstarttime>\n",
        "  <meetingplannedfinishtime>\n  </meetingplannedfinishtime>\n",
        "  <meetingactualfinishtime>\n  </meetingactualfinishtime>\n",
        f"  <meetinglocation>{_x(m.location)}</meetinglocation>\n",
        "  <iswebcast>False</iswebcast>\n",
        f"  <agendaid>{m.id}</agendaid>\n",
        f"  <agendapublished>{_bool(m.agenda_published)}</agendapublished>\n",
        "  <decisionpublished>False</decisionpublished>\n",
        f"  <minutepublished>{_bool(m.minutes_published)}</minutepublished>\n",
        "  <meetingroom>\n  </meetingroom>\n",
        "  <agendaitems>\n",
    ]
    items = m.items if m.agenda_published else []
    for item in items:
        minutes = item.minutes_html or ""
        docs = site.item_documents(item)
        parts.append(
            "    <agendaitem>\n"
            f"      <agendaitemid>{item.id}</agendaitemid>\n"
            f"      <agendaitemtitle>{_x(item.title)}</agendaitemtitle>\n"
            f"      <agendatext>{_x(item.agenda_html)}</agendatext>\n"
            f"      <actualmeetingdate>{d}</actualmeetingdate>\n"
            f"      <agendaitemnumber>{item.number}</agendaitemnumber>\n"
            "      <agendaitemsubnumber>\n      </agendaitemsubnumber>\n"
            f"      <fulldisplaynumberformat>{item.display_number}</fulldisplaynumberformat>\n"
            "      <authorusername>\n      </authorusername>\n"
            "      <commentlabel1>Presented By</commentlabel1>\n      <commenttext1>\n      </commenttext1>\n"
            "      <commentlabel2>Actions</commentlabel2>\n      <commenttext2>\n      </commenttext2>\n"
            f"      <minutesnonemptyhtmlbody>{_x(minutes)}</minutesnonemptyhtmlbody>\n"
            "      <declarationcount>0</declarationcount>\n"
            "      <iscallin>False</iscallin>\n"
            "      <iscomment>False</iscomment>\n"
            "      <isdecision>False</isdecision>\n"
            "      <isdecisionpublished>False</isdecisionpublished>\n"
            f"      <isminutepublished>{_bool(bool(minutes) and m.minutes_published)}</isminutepublished>\n"
            "      <ispubliccanspeak>False</ispubliccanspeak>\n"
            "      <isrestricted>False</isrestricted>\n"
            "      <isdisplayallowed>True</isdisplayallowed>\n"
            f"      <meetingdate>{d}</meetingdate>\n"
            f"      <meetingtime>{_x(m.time)}</meetingtime>\n"
            f"      <minutesitemnumber>{item.number}</minutesitemnumber>\n"
            "      <minutesitemsubnumber>\n      </minutesitemsubnumber>\n"
            f"      <preferreddate>{d}</preferreddate>\n"
            f"      <refertocommittee>{_x(committee.title)}</refertocommittee>\n"
            "      <linkeddocuments>\n"
            + "".join(_linkeddoc(site, base_url, doc, m, n) for n, doc in enumerate(docs, 1))
            + "      </linkeddocuments>\n"
            "    </agendaitem>\n"
        )
    parts.append("  </agendaitems>\n")
    meeting_docs = site.meeting_documents(m)
    if meeting_docs:
        parts.append("  <linkeddocuments>\n")
        parts.extend(_linkeddoc(site, base_url, doc, m, n).replace("\n    ", "\n")[4:] for n, doc in enumerate(meeting_docs, 1))
        parts.append("  </linkeddocuments>\n")
    parts.append("  <attendees>\n")
    parts.extend(_attendee_xml(base_url, a) for a in m.attendees)
    parts.append("  </attendees>\n</meeting>\n")
    return _xml("".join(parts))


def ws_get_councillors_by_ward(site: Site, base_url: str) -> bytes:
    wards: dict[str, list] = {}
    for member in site.members:
        if member.ward and not member.co_opted:
            wards.setdefault(member.ward, []).append(member)
    host = re.sub(r"^https?://", "", base_url).split("/")[0]
    parts = ["<councillorsbyward>\n  <wards>\n"]
    for ward in sorted(wards):
        members = wards[ward]
        parts.append(f"    <ward>\n      <wardtitle>{_x(ward)}</wardtitle>\n      <councillors>\n")
        parts.append(f"        <councillorcount> {len(members)}</councillorcount>\n")
        for c in members:
            email_name = c.name.replace("Councillor ", "").lower().replace(" ", ".")
            parts.append(
                "        <councillor>\n"
                f"          <councillorid>{c.id}</councillorid>\n"
                f"          <fullusername>{_x(c.name)}</fullusername>\n"
                f"          <photosmallurl>{_x(base_url)}UserData/{c.id}/smallpic.jpg</photosmallurl>\n"
                f"          <photobigurl>{_x(base_url)}UserData/{c.id}/bigpic.jpg</photobigurl>\n"
                f"          <politicalpartytitle>{_x(c.party)}</politicalpartytitle>\n"
                "          <districttitle>\n          </districttitle>\n"
                "          <representing>\n          </representing>\n"
                + (f"          <keyposts>{_x(c.key_posts)}</keyposts>\n" if c.key_posts else "          <keyposts>\n          </keyposts>\n")
                + "          <workaddress>\n"
                "            <line1>c/o Democratic Services</line1>\n"
                f"            <line2>{_x(site.council_name)}</line2>\n"
                "            <line3>County Hall</line3>\n"
                "            <line4>Borchester</line4>\n"
                f"            <email>{_x(email_name)}@{_x(host.split(':')[0])}</email>\n"
                "          </workaddress>\n"
                "          <homeaddress>\n          </homeaddress>\n"
                "          <termsofoffice>\n"
                "            <termofoffice>\n              <startdate>06/05/2021</startdate>\n              <enddate>01/05/2025</enddate>\n            </termofoffice>\n"
                "          </termsofoffice>\n"
                "        </councillor>\n"
            )
        parts.append("      </councillors>\n    </ward>\n")
    parts.append("  </wards>\n</councillorsbyward>\n")
    return _xml("".join(parts))


# ---------------------------------------------------------------------------------------
# HTML pages
# ---------------------------------------------------------------------------------------


def robots_txt() -> bytes:
    return b"User-agent: *\nAllow: /\n"


def page_list_committees(site: Site) -> bytes:
    groups: dict[str, list] = {}
    for c in site.committees:
        if c.deleted:
            continue
        groups.setdefault("Previous committees" if c.expired else (c.category or "Committees"), []).append(c)
    body = [_header("Committee structure")]
    body.append('<div class="mgContent" >\n')
    for name in sorted(groups, key=lambda g: (g == "Previous committees", g)):
        body.append(f'<h2 class="mgSectionTitle">{_e(name)}</h2>\n<ul  class="mgBulletList" >\n')
        for c in sorted(groups[name], key=lambda c: c.title):
            body.append(f'<li><a  href="mgCommitteeDetails.aspx?ID={c.id}"  title="{_title_attr("Link to " + c.title)}">{_e(c.title)}</a></li>\n')
        body.append("</ul>\n")
    body.append("</div>")
    return _page(site, "Committee structure", "".join(body))


def page_committee_details(site: Site, committee_id: int) -> bytes | None:
    c = site.committee(committee_id)
    if c is None:
        return None
    body = [_header("Committee details", c.title)]
    body.append('<div class="mgLinks" >\n<ul  class="mgActionList" >\n')
    body.append(f'<li><a  href="ieListMeetings.aspx?CId={c.id}&amp;Year=0" >Browse meetings</a></li>\n</ul>\n</div>\n')
    body.append('<div class="mgContent" >\n')
    if c.purpose:
        body.append(f'<h2 class="mgSectionTitle">Purpose of committee</h2>\n<div class="mgWordPara"><p>{_e(c.purpose)}</p></div>\n')
    body.append('<h2 class="mgSectionTitle">Membership</h2>\n<ul  class="mgBulletList" >\n')
    for mid, role in c.members:
        m = site.member(mid)
        if m is None:
            continue
        suffix = "" if role == "Committee Member" else f" ({role})"
        body.append(f'<li><a  href="mgUserInfo.aspx?UID={m.id}" >{_e(m.name)}</a>{_e(suffix)}</li>\n')
    body.append("</ul>\n</div>")
    return _page(site, f"Committee details - {c.title}", "".join(body))


def page_list_meetings(site: Site, committee_id: int, year: int = 0) -> bytes | None:
    c = site.committee(committee_id)
    if c is None:
        return None
    meetings = site.meetings_of(committee_id)
    years = sorted({m.date.year for m in meetings}, reverse=True)
    if year:
        meetings = [m for m in meetings if m.date.year == year]
    body = [_header("Browse meetings", c.title)]
    body.append('<div class="mgLinks" >\n<ul  class="mgActionList" >\n')
    body.append(f'<li><a  href="ieListMeetings.aspx?CId={c.id}&amp;Year=0" >All years</a></li>\n')
    for y in years:
        body.append(f'<li><a  href="ieListMeetings.aspx?CId={c.id}&amp;Year={y}" >{y}</a></li>\n')
    body.append("</ul>\n</div>\n")
    body.append('<div class="mgContent" >\n<p>Meetings</p>\n<ul  class="mgBulletList" >\n')
    for m in sorted(meetings, key=lambda m: m.date, reverse=True):
        label = f"{m.date.day} {m.date.strftime('%b %Y')} {m.time}"
        if m.status.lower() == "cancelled":
            label += " CANCELLED"
        body.append(
            f'<li><a  href="{meeting_page_url(m)}"  title="{_title_attr("Meeting of " + c.title + ", " + label)}">{_e(label)}</a></li>\n'
        )
    body.append("</ul>\n</div>")
    return _page(site, f"Browse meetings - {c.title}", "".join(body))


def _doc_link(doc: Document, css: str = "") -> str:
    cls = f'  class="{css}"' if css else ""
    return (
        f'<a  href="{_a(doc.path)}"{cls}  title="{_title_attr("Link to document " + doc.title)}">{_e(doc.title)}\n'
        f"{_file_size(doc)} </a>"
    )


def _item_row(site: Site, item: Item, *, minutes: str | None = None, with_minutes: bool = True) -> str:
    docs = site.item_documents(item)
    if docs:
        first = docs[0]
        title = (
            f'<a  href="{_a(first.path)}"  class="mgAiTitleLnk"  title="{_title_attr("Link to report " + item.title)}">'
            f"{_e(item.title)}\n{_file_size(first)}</a>"
        )
    else:
        title = _e(item.title)
    parts = [
        "<tr>\n",
        f'<td  class="mgItemNumberCell" ><p  class="mgAiTitleTxt" >{item.display_number}</p></td>\n',
        "<td>\n",
        f'<p  class="mgAiTitleTxt" >{title}</p>\n',
    ]
    if item.agenda_html:
        parts.append(f'<div class="mgWordPara">{item.agenda_html}</div>\n')
    actions = [f'<li><a  href="mgAi.aspx?ID={item.id}" >View the full details of item {item.number}.</a></li>\n']
    if item.issue_id:
        actions.append(
            f'<li><a  href="ieIssueDetails.aspx?IId={item.issue_id}&amp;Opt=3"  title="{_title_attr("Link to issue history")}">'
            f"View the background to item {item.number}.</a></li>\n"
        )
    parts.append('<ul  class="mgActionList" >\n' + "".join(actions) + "</ul>\n")
    if len(docs) > 1:
        parts.append('<p  class="mgSubItemTitleTxt" >Additional documents:</p>\n<ul  class="mgBulletList" >\n')
        parts.extend(f"<li>{_doc_link(d)}  </li>\n" for d in docs[1:])
        parts.append("</ul>\n")
    text = item.minutes_html if minutes is None else minutes
    if with_minutes and text:
        parts.append(f'<p  class="mgSubItemTitleTxt" >Minutes:</p>\n<div class="mgWordPara">{text}</div>\n')
    parts.append("</td>\n</tr>\n")
    return "".join(parts)


def page_list_documents(site: Site, committee_id: int, meeting_id: int) -> bytes | None:
    m = site.meeting(meeting_id)
    if m is None or m.committee_id != committee_id:
        return None
    cancelled = m.status.lower() == "cancelled"
    has_minutes = m.minutes_published and any(i.minutes_html for i in m.items)
    heading = "Agenda and minutes" if m.minutes_published else "Agenda"
    body = [_header(heading, meeting_heading(site, m))]
    links = [f'<li><a  href="mgMeetingAttendance.aspx?ID={m.id}" >Attendance</a></li>\n']
    links += [
        f'<li><a  href="{_a(d.path)}"  title="{_title_attr(d.title)}">{_e(d.owner_title or d.title)} {_file_size(d)}</a></li>\n'
        for d in site.meeting_documents(m)
    ]
    body.append('<div class="mgLinks" >\n<ul  class="mgActionList" >\n' + "".join(links) + "</ul>\n</div>\n")
    body.append('<div class="mgContent" >\n')
    if cancelled:
        body.append('<p  class="mgMeetingCancelledTxt" >This meeting has been cancelled.</p>\n')
    body.append(f'<p><span  class="mgLabel" >Venue: </span>{_e(m.location)}</p>\n')
    if site.contact:
        body.append(f'<p><span  class="mgLabel" >Contact: </span>{_e(site.contact)}</p>\n')
    if m.agenda_published and m.items:
        body.append('<h2  class="mgSectionTitle" >Items</h2>\n')
        body.append('<table  class="mgItemTable"  summary="Table of items for this meeting" >\n')
        body.append('<tr><th  class="mgItemNumberHeader"  scope="col">No.</th><th scope="col">Item</th></tr>\n')
        body.extend(_item_row(site, i, with_minutes=has_minutes) for i in m.items)
        body.append("</table>\n")
    elif not cancelled:
        body.append("<p>The agenda for this meeting has not yet been published.</p>\n")
    body.append("</div>")
    title = f"{heading} for {site.committee(m.committee_id).title} on {long_date(m.date)}, {m.time}"
    return _page(site, title, "".join(body), dc_date=m.date)


def _meeting_line(site: Site, item: Item) -> str:
    m = site.meeting(item.meeting_id)
    c = site.committee(m.committee_id)
    return (
        f'<p  class="mgSubSubTitleTxt" >Meeting: {uk_date(m.date).replace("/", "&#47;")} - '
        f'<a  href="{meeting_page_url(m)}" >{_e(c.title)}</a> (Item {item.number})</p>\n'
    )


def page_agenda_item(site: Site, item_id: int) -> bytes | None:
    item = site.item(item_id)
    if item is None:
        return None
    m = site.meeting(item.meeting_id)
    body = [_header("Agenda item", item.title), '<div class="mgContent" >\n', _meeting_line(site, item)]
    body.append('<table  class="mgItemTable"  summary="Agenda item" >\n')
    body.append(_item_row(site, item, with_minutes=m.minutes_published))
    body.append("</table>\n</div>")
    return _page(site, f"Agenda item - {item.title}", "".join(body), dc_date=m.date)


_TAGS = re.compile(r"<[^>]+>")


def _html_to_plain(fragment: str) -> str:
    text = re.sub(r"</p>|<br\s*/?>|</li>", "\n", fragment)
    text = html.unescape(_TAGS.sub("", text)).replace("\xa0", " ")
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _truncated_minutes(item: Item, limit: int = 1200) -> str | None:
    """The 'Issue - meetings' page shows only the start of long minutes."""
    if not item.minutes_html:
        return None
    plain = _html_to_plain(item.minutes_html)
    if len(plain) <= limit:
        return item.minutes_html
    cut = plain[:limit].rsplit(" ", 1)[0]
    paras = "".join(f"<p>{_e(p)}</p>\n" for p in cut.split("\n"))
    return (
        f'<div class="WordSection1">\n{paras}</div>\n'
        f'<p>&nbsp;...&nbsp; <a  href="mgAi.aspx?ID={item.id}" >view the full minutes text for item {item.number}</a></p>\n'
    )


def page_issue(site: Site, issue_id: int) -> bytes | None:
    items = site.issue_items(issue_id)
    if not items and issue_id not in site.issues:
        return None
    title = site.issues.get(issue_id) or items[0].title
    body = [_header("Issue - meetings", title), '<div class="mgContent" >\n']
    for item in items:
        m = site.meeting(item.meeting_id)
        body.append('<div class="mgIssueMeeting">\n')
        body.append(_meeting_line(site, item))
        body.append('<table  class="mgItemTable"  summary="Item considered at this meeting" >\n')
        body.append(_item_row(site, item, minutes=_truncated_minutes(item) or "", with_minutes=m.minutes_published))
        body.append("</table>\n</div>\n")
    body.append("</div>")
    return _page(site, f"Issue - meetings - {title}", "".join(body))


def page_attendance(site: Site, meeting_id: int) -> bytes | None:
    m = site.meeting(meeting_id)
    if m is None:
        return None

    def table(caption: str, rows: list[Attendee]) -> str:
        out = [
            f'<table  class="mgTabTable"  summary="{_a(caption)}">\n<caption  class="mgSectionTitle" >{_e(caption)}</caption>\n',
            ("<thead class='mgFilterHeaderRow'><tr><th scope='col'>Attendee</th><th scope='col'>Role</th>"
             "<th scope='col'>Attendance</th><th scope='col'>Notes</th></tr></thead><tbody>\n"),
        ]
        for a in rows:
            name = (
                f'<a  href="mgUserInfo.aspx?UID={a.member_id}" >{_e(a.name)}</a>' if a.member_id is not None else _e(a.name)
            )
            role = a.role if not a.organisation else f"{a.role}, {a.organisation}"
            out.append(
                f'<tr><td  class="mgMainTxt" >{name}</td><td  class="mgMainTxt" >{_e(role)}</td>'
                f'<td  class="mgMainTxt" >{_e(a.attendance)}</td><td  class="mgMainTxt" >{_e(a.notes)}</td></tr>\n'
            )
        out.append("</tbody></table>\n")
        return "".join(out)

    members = [a for a in m.attendees if a.kind == "member" and a.attendance != "In attendance"]
    groups = [
        ("Also in attendance", [a for a in m.attendees if a.kind == "member" and a.attendance == "In attendance"]),
        ("Officers in attendance", [a for a in m.attendees if a.kind == "officer"]),
        ("Others in attendance", [a for a in m.attendees if a.kind not in ("member", "officer")]),
    ]
    body = [_header("Attendance details", meeting_heading(site, m)), '<div class="mgContent" >\n']
    body.append(table("Attendance details", members))
    body.extend(table(caption, rows) for caption, rows in groups if rows)
    body.append("</div>")
    return _page(site, f"Attendance - {meeting_heading(site, m)}", "".join(body), dc_date=m.date)


def page_member_index(site: Site) -> bytes:
    """'Your Councillors': every elected member (co-opted members are not listed), by name."""
    members = sorted((m for m in site.members if m.ward and not m.co_opted), key=lambda m: m.name.split()[-1])
    body = [_header("Your Councillors"), '<div class="mgContent" >\n<ul  class="mgBulletList" >\n']
    for m in members:
        body.append(f'<li><a  href="mgUserInfo.aspx?UID={m.id}" >{_e(m.name)}</a>\n<p>{_e(m.ward)}</p></li>\n')
    body.append("</ul>\n</div>")
    return _page(site, "Your Councillors", "".join(body))


def page_user_info(site: Site, member_id: int) -> bytes | None:
    member = site.member(member_id)
    if member is None:
        return None
    body = [_header("Councillor details", member.name), '<div class="mgContent" >\n']
    if member.party:
        body.append(f'<p><span  class="mgLabel" >Party: </span>{_e(member.party)}</p>\n')
    if member.ward:
        body.append(f'<p><span  class="mgLabel" >Ward: </span>{_e(member.ward)}</p>\n')
    if member.key_posts:
        body.append(f'<p><span  class="mgLabel" >Other positions: </span>{_e(member.key_posts)}</p>\n')
    roles = [(c, role) for c in site.committees for mid, role in c.members if mid == member.id]
    if roles:
        body.append('<h2 class="mgSectionTitle">Committees</h2>\n<ul  class="mgBulletList" >\n')
        for c, role in roles:
            body.append(f'<li><a  href="mgCommitteeDetails.aspx?ID={c.id}" >{_e(c.title)}</a> ({_e(role)})</li>\n')
        body.append("</ul>\n")
    body.append("</div>")
    return _page(site, f"Councillor details - {member.name}", "".join(body))
