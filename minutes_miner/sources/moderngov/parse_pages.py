"""Pure parsers for the ModernGov HTML pages that list things: committees (mgListCommittees.aspx),
a committee's meetings (ieListMeetings.aspx), councillors (mgMemberIndex.aspx, mgUserInfo.aspx).
Bytes in, models out; no I/O. Used when a site's mgWebService.asmx does not answer."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qsl, quote, unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from minutes_miner.dates import moderngov_time, parse_uk_date
from minutes_miner.errors import ParseError
from minutes_miner.models import Committee, Council, Person

PREVIOUS_COMMITTEES = "previous committees"


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def html_soup(data: bytes, source: str, what: str) -> BeautifulSoup:
    """The page parsed, or ParseError if the body is empty or is not an HTML page at all."""
    if not data or not data.strip():
        raise ParseError(f"empty response where the {what} page was expected", where=source,
                         hint="fetch again with --refresh; if it persists the page is broken on the site")
    head = data.lstrip()[:64].lower()
    if head.startswith(b"%pdf"):
        raise ParseError(f"a PDF where the {what} page was expected", where=source)
    if head.startswith(b"<?xml") and b"<html" not in data[:2048].lower():
        raise ParseError(f"XML where the {what} page was expected", where=source)
    return BeautifulSoup(data, "lxml")


def query_of(href: str) -> dict[str, str]:
    """Query parameters of a link, keys lower-cased (ModernGov mixes CId/cid, MId/MID)."""
    return {k.lower(): v for k, v in parse_qsl(urlsplit(href).query, keep_blank_values=True)}


def page_name(href: str) -> str:
    return urlsplit(href).path.rsplit("/", 1)[-1].lower()


def absolute_url(base_url: str, href: str) -> str:
    """A link on a page as an absolute URL, its path percent-encoded the way the web service writes it
    (so "documents/s1/My report.pdf" and ".../My%20report.pdf" are one document)."""
    parts = urlsplit(href)
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=~")
    rebuilt = path + (f"?{parts.query}" if parts.query else "")
    if parts.scheme:
        rebuilt = f"{parts.scheme}://{parts.netloc}{rebuilt}"
    return urljoin(base_url, rebuilt)


def link_text(link: Tag) -> str:
    """Text of a link without ModernGov's file-size badge ("pdf icon PDF 119 KB")."""
    for badge in link.select("span.mgFileSize"):
        badge.extract()
    return clean(link.get_text(" "))


# ------------------------------------------------------------------------------------ committees
def looks_like_moderngov(data: bytes) -> bool:
    lowered = data[:200_000].lower()
    return any(marker in lowered for marker in (b'id="modgov"', b"mgcommitteedetails.aspx", b"ielistmeetings.aspx",
                                                b"mgmaintitletxt"))


def parse_committee_list(data: bytes, council: Council, source: str = "mgListCommittees.aspx") -> list[Committee]:
    """Committees linked from mgListCommittees.aspx, with the section heading they sit under as category
    (none for the "Previous committees" section, which does not say)."""
    soup = html_soup(data, source, "committee list")
    out: dict[str, Committee] = {}
    for link in soup.select("a[href]"):
        href = link["href"]
        name = page_name(href)
        query = query_of(href)
        if name == "mgcommitteedetails.aspx":
            cid = query.get("id")
        elif name == "ielistmeetings.aspx":
            cid = query.get("cid") or query.get("committeeid")
        else:
            continue
        title = link_text(link)
        if not cid or not cid.isdigit() or not title or cid in out:
            continue
        heading = link.find_previous(["h2", "h3"], class_="mgSectionTitle")
        category = clean(heading.get_text()) if heading else None
        if category and category.lower() == PREVIOUS_COMMITTEES:
            category = None
        out[cid] = Committee(council_id=council.id, name=title, external_id=cid, category=category,
                             source_url=urljoin(council.base_url, f"mgCommitteeDetails.aspx?ID={cid}"))
    if not out and not looks_like_moderngov(data):
        raise ParseError("not a ModernGov committee list (no links to committees)", where=source)
    return list(out.values())


# ------------------------------------------------------------------------------------ meetings
@dataclass(frozen=True)
class MeetingLink:
    """A meeting as listed on ieListMeetings.aspx."""

    external_id: str
    committee_external_id: str
    date: date | None
    time: str | None
    cancelled: bool


def parse_meeting_list(data: bytes, source: str = "ieListMeetings.aspx") -> tuple[list[MeetingLink], list[int]]:
    """(meetings listed, years the page offers) of an ieListMeetings.aspx page."""
    soup = html_soup(data, source, "meeting list")
    content = soup.select_one("div.mgContent") or soup
    meetings: dict[str, MeetingLink] = {}
    for link in content.select("a[href]"):
        if page_name(link["href"]) != "ielistdocuments.aspx":
            continue
        query = query_of(link["href"])
        mid, cid = query.get("mid") or query.get("meetingid"), query.get("cid") or query.get("committeeid")
        if not mid or not cid or mid in meetings:
            continue
        label = clean(link.get_text(" "))
        meetings[mid] = MeetingLink(external_id=mid, committee_external_id=cid, date=parse_uk_date(label),
                                    time=moderngov_time(label),
                                    cancelled="cancelled" in label.lower() or "postponed" in label.lower())
    years = set()
    for link in soup.select("a[href]"):
        if page_name(link["href"]) == "ielistmeetings.aspx":
            year = query_of(link["href"]).get("year", "")
            if year.isdigit() and int(year) > 1900:
                years.add(int(year))
    return list(meetings.values()), sorted(years)


# ------------------------------------------------------------------------------------ councillors
def parse_member_index(data: bytes, source: str = "mgMemberIndex.aspx") -> list[str]:
    """Councillor IDs (UID) linked from mgMemberIndex.aspx, in page order."""
    soup = html_soup(data, source, "councillor list")
    ids: dict[str, None] = {}
    for link in soup.select("a[href]"):
        if page_name(link["href"]) == "mguserinfo.aspx":
            uid = query_of(link["href"]).get("uid")
            if uid and uid.isdigit():
                ids[uid] = None
    return list(ids)


def labelled_value(soup: BeautifulSoup, label: str) -> str | None:
    """The value after a `span.mgLabel` ("Venue: ", "Party: "), as in `<p><span class="mgLabel">Ward: </span>Bargate</p>`."""
    for span in soup.select("span.mgLabel"):
        if clean(span.get_text()).rstrip(":").lower() == label:
            value = clean("".join(s if isinstance(s, str) else s.get_text(" ") for s in span.next_siblings))
            return value or None
    return None


def parse_member_page(data: bytes, council: Council, uid: str, source: str = "mgUserInfo.aspx") -> Person:
    """A councillor's mgUserInfo.aspx page as the Person GetCouncillorsByWard would give."""
    soup = html_soup(data, source, "councillor")
    heading = soup.select_one(".mgSubTitleTxt") or soup.select_one("h2")
    name = clean(heading.get_text()) if heading else ""
    if not name:
        raise ParseError("councillor page without a name heading", where=source)
    key_posts = labelled_value(soup, "other positions")
    return Person(council_id=council.id, name=name, key=name.split()[-1].lower(), title=key_posts,
                  kind="cabinet_member" if key_posts and "cabinet" in key_posts.lower() else "member",
                  party=labelled_value(soup, "party"), ward=labelled_value(soup, "ward"), external_id=uid)
