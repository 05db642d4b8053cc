"""Pure parsers for ModernGov's meeting pages: ieListDocuments.aspx (agenda items, "Minutes:" blocks,
linked documents), mgMeetingAttendance.aspx, mgAi.aspx (one item) and ieIssueDetails.aspx
("Issue - meetings": one item across meetings). Bytes in, models out; no I/O.

They give the same records as the web service (parse_xml) for the same meeting, so a site
crawled through its HTML pages and one crawled through mgWebService.asmx store the same thing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from minutes_miner.dates import moderngov_time, parse_uk_date
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
)
from minutes_miner.sources.moderngov.attendance import attendee
from minutes_miner.sources.moderngov.parse_pages import (
    absolute_url,
    clean,
    html_soup,
    labelled_value,
    link_text,
    page_name,
    query_of,
)

_FULL_TEXT_LINK = re.compile(r"view the full minutes text", re.IGNORECASE)
_MEETING_LINE = re.compile(r"Meeting:\s*(\d{1,2}/\d{1,2}/\d{4})\s*-\s*(.+?)\s*\(Item\s*([\w.]+)\)", re.IGNORECASE)
_PAGE_SUFFIXES = (".aspx", ".asmx")


@dataclass(frozen=True)
class ItemRow:
    """One row of a table.mgItemTable."""

    number: str | None
    title: str | None
    agenda_text: str | None
    minutes_text: str | None
    item_id: str | None  # the mgAi.aspx ID
    issue_id: str | None
    documents: tuple[tuple[str, str | None], ...]  # (absolute URL, title)
    minutes_cut_short: bool  # the page shows only the start of the minutes (issue pages)


def _is_document(href: str) -> bool:
    name = page_name(href)
    return name == "mgconvert2pdf.aspx" or not name.endswith(_PAGE_SUFFIXES) and "." in name


def _title_from_file(url: str) -> str:
    """ModernGov names a report's file after its title: ".../s62101/CS Performance Q2.pdf"."""
    return PurePosixPath(unquote(urlsplit(url).path)).stem


def _block_after(label: Tag) -> Tag | None:
    for sibling in label.find_next_siblings():
        if sibling.name == "div" and "mgWordPara" in (sibling.get("class") or []):
            return sibling
        if sibling.name == "p" and "mgSubItemTitleTxt" in (sibling.get("class") or []):
            return None
    return None


def _item_row(row: Tag, base_url: str) -> ItemRow | None:
    cells = row.find_all("td", recursive=False)
    if not cells:
        return None
    number_cell = row.select_one("td.mgItemNumberCell")
    body = next((c for c in cells if c is not number_cell), None)
    if body is None:
        return None
    number = clean(number_cell.get_text()).rstrip(".") if number_cell else ""
    title_el = body.find("p", class_="mgAiTitleTxt")
    documents: list[tuple[str, str | None]] = []
    title = None
    if title_el is not None:
        title_link = title_el.find("a", href=True)
        if title_link is not None and _is_document(title_link["href"]):
            url = absolute_url(base_url, title_link["href"])
            documents.append((url, _title_from_file(url)))
        title = link_text(title_el) or None
    agenda = body.find("div", class_="mgWordPara", recursive=False)
    minutes_html, cut_short = None, False
    for label in body.find_all("p", class_="mgSubItemTitleTxt", recursive=False):
        text = clean(label.get_text()).lower()
        if text.startswith("minutes"):
            block = _block_after(label)
            if block is not None:
                minutes_html = block
                tail = block.find_next_sibling("p")
                cut_short = bool(_FULL_TEXT_LINK.search(block.get_text(" ")) or
                                 (tail is not None and _FULL_TEXT_LINK.search(tail.get_text(" "))))
        elif "documents" in text:
            listing = label.find_next_sibling("ul")
            for link in listing.select("a[href]") if listing else []:
                if _is_document(link["href"]):
                    documents.append((absolute_url(base_url, link["href"]), link_text(link) or None))
    if agenda is not None and minutes_html is agenda:
        agenda = None
    item_id = issue_id = None
    for link in body.select("ul.mgActionList a[href]"):
        name, query = page_name(link["href"]), query_of(link["href"])
        if name == "mgai.aspx" and query.get("id"):
            item_id = query["id"]
        elif name in ("ieissuedetails.aspx", "mgissuehistoryhome.aspx") and query.get("iid"):
            issue_id = query["iid"]
    return ItemRow(number=number or None, title=title, agenda_text=html_to_text(str(agenda)) or None if agenda else None,
                   minutes_text=html_to_text(str(minutes_html)) or None if minutes_html is not None else None,
                   item_id=item_id, issue_id=issue_id, documents=tuple(documents), minutes_cut_short=cut_short)


def item_rows(soup: BeautifulSoup, base_url: str) -> list[ItemRow]:
    rows = []
    for table in soup.select("table.mgItemTable"):
        for tr in table.find_all("tr"):
            if tr.find_parent("table") is table and (row := _item_row(tr, base_url)) is not None:
                rows.append(row)
    return rows


def _heading(soup: BeautifulSoup) -> tuple[str, str]:
    main = soup.select_one(".mgMainTitleTxt") or soup.find("h1")
    sub = soup.select_one(".mgSubTitleTxt") or soup.find("h2")
    return (clean(main.get_text()) if main else "", clean(sub.get_text()) if sub else "")


def _kind(title: str | None, minutes_words: str = "minutes") -> str:
    if is_questions_title(title):
        return "questions"
    return "minutes" if minutes_words in (title or "").lower() else "report"


@dataclass(frozen=True)
class MeetingPage:
    parsed: ParsedMeeting
    cut_short: tuple[str, ...]  # mgAi IDs of items whose minutes the page shows only in part


def parse_meeting_html(data: bytes, council: Council, committee: Committee, meeting_external_id: str, base_url: str,
                       source: str = "ieListDocuments.aspx") -> MeetingPage:
    """An ieListDocuments.aspx page as the records GetMeeting gives (attendees come from
    mgMeetingAttendance.aspx: see parse_attendance_html)."""
    soup = html_soup(data, source, "meeting")
    main, sub = _heading(soup)
    if not main.lower().startswith("agenda") and not soup.select_one("table.mgItemTable"):
        raise ParseError(f"not a ModernGov meeting page (heading {main or 'missing'!r})", where=source)
    cancelled = soup.select_one(".mgMeetingCancelledTxt") is not None
    meeting = Meeting(
        committee_id=committee.id,
        source_url=urljoin(base_url, f"ieListDocuments.aspx?CId={committee.external_id}&MId={meeting_external_id}"),
        date=parse_uk_date(sub), time=moderngov_time(sub), venue=labelled_value(soup, "venue"),
        status="Cancelled" if cancelled else "Confirmed", external_id=meeting_external_id,
        minutes_published="minutes" in main.lower(),
    )
    items, documents, cut_short = [], [], []
    for position, row in enumerate(item_rows(soup, base_url)):
        items.append(AgendaItem(
            meeting_id=meeting.id, position=position, number=row.number, title=row.title,
            agenda_text=row.agenda_text, minutes_text=row.minutes_text,
            source_url=urljoin(base_url, f"mgAi.aspx?ID={row.item_id}") if row.item_id else meeting.source_url,
            external_id=row.item_id,
        ))
        documents.extend(DocumentRef(url=url, title=title, item_position=position, kind=_kind(title, "printed minutes"))
                         for url, title in row.documents)
        if row.minutes_cut_short and row.item_id:
            cut_short.append(row.item_id)
    for link in soup.select("div.mgLinks a[href]"):
        if _is_document(link["href"]):
            title = clean(link.get("title") or "") or link_text(link)
            title = re.sub(r"^link to (document )?", "", title, flags=re.IGNORECASE) or None
            documents.append(DocumentRef(url=absolute_url(base_url, link["href"]), title=title, kind=_kind(title)))
    parsed = ParsedMeeting(council=council, committee=committee, meeting=meeting, items=tuple(items),
                           documents=tuple(dict.fromkeys(documents)))
    return MeetingPage(parsed=parsed, cut_short=tuple(cut_short))


_GROUPS = (("officer", "officer"), ("other", "external"), ("external", "external"), ("attendance details", "member"),
           ("also in attendance", "member"), ("member", "member"))


def parse_attendance_html(data: bytes, source: str = "mgMeetingAttendance.aspx") -> tuple[AttendeeMention, ...]:
    """Attendees of mgMeetingAttendance.aspx: each table's caption says who its rows are (members,
    officers, others); a link to a councillor page makes a row a member whatever the table."""
    soup = html_soup(data, source, "attendance")
    out = []
    for table in soup.select("table.mgTabTable"):
        caption = clean(table.caption.get_text()).lower() if table.caption else ""
        group = next((kind for word, kind in _GROUPS if word in caption), None)
        for tr in table.select("tbody tr") or table.select("tr"):
            cells = tr.find_all("td")
            if len(cells) < 3:
                continue
            name = clean(cells[0].get_text(" "))
            if not name:
                continue
            is_member = any(page_name(a["href"]) == "mguserinfo.aspx" for a in cells[0].select("a[href]"))
            out.append(attendee(name, clean(cells[1].get_text(" ")) or None, clean(cells[2].get_text(" ")),
                                group="member" if is_member else group))
    return tuple(out)


def parse_agenda_item_html(data: bytes, base_url: str, source: str = "mgAi.aspx") -> ItemRow:
    """The one item of an mgAi.aspx page, with its full minutes."""
    soup = html_soup(data, source, "agenda item")
    rows = item_rows(soup, base_url)
    if not rows:
        raise ParseError("agenda item page without an item table", where=source)
    return rows[0]


@dataclass(frozen=True)
class IssueMeeting:
    date: date | None
    committee: str
    item_number: str
    meeting_url: str | None
    item: ItemRow


@dataclass(frozen=True)
class IssuePage:
    title: str | None
    meetings: tuple[IssueMeeting, ...]


def parse_issue_html(data: bytes, base_url: str, source: str = "ieIssueDetails.aspx") -> IssuePage:
    """An "Issue - meetings" page: the item at each meeting that considered it, newest first. Minutes
    shown there may be cut short (`item.minutes_cut_short`); mgAi.aspx has them in full."""
    soup = html_soup(data, source, "issue")
    main, sub = _heading(soup)
    if "issue" not in main.lower():
        raise ParseError(f"not an 'Issue - meetings' page (heading {main or 'missing'!r})", where=source)
    meetings = []
    for line in soup.find_all(class_="mgSubSubTitleTxt"):
        found = _MEETING_LINE.search(clean(line.get_text(" ")))
        table = line.find_next("table", class_="mgItemTable")
        if not found or table is None:
            continue
        rows = [r for tr in table.find_all("tr") if (r := _item_row(tr, base_url))]
        if not rows:
            continue
        link = line.find("a", href=True)
        meetings.append(IssueMeeting(date=parse_uk_date(found[1]), committee=clean(found[2]),
                                     item_number=found[3].rstrip("."),
                                     meeting_url=absolute_url(base_url, link["href"]) if link else None, item=rows[0]))
    return IssuePage(title=sub or None, meetings=tuple(meetings))
