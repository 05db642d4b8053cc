"""Pure parsers for ModernGov HTML pages. Bytes in, plain data out; no I/O."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from minutes_miner.dates import parse_uk_date
from minutes_miner.extract.html_text import html_to_text
from minutes_miner.models import ItemText, MinutesText

_COUNCIL_WORDS = re.compile(r"\b(council|borough|authority|corporation|assembly|combined)\b", re.IGNORECASE)
_ATTENDANCE_LABEL = re.compile(
    r"^(?:(?:also\s+)?present|(?:also\s+)?in attendance|(?:committee |panel |board )?members(?: present)?|officers(?: present| in attendance)?)\s*:",
    re.IGNORECASE)
_AGENDA_HEADING = re.compile(r"^\s*(agenda|agenda and (draft )?minutes|minutes)\s*[-–:]?\s*", re.IGNORECASE)


def _soup(data: bytes | str) -> BeautifulSoup:
    return BeautifulSoup(data, "lxml")


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def council_name_from_page(data: bytes | str) -> str | None:
    """The council's name: the DC.publisher meta tag, else a <title> such as
    "Committee structure - Borsetshire County Council"."""
    soup = _soup(data)
    publisher = soup.find("meta", attrs={"name": "DC.publisher"})
    if publisher and _clean(publisher.get("content", "")):
        return _clean(publisher["content"])
    title = soup.title.get_text() if soup.title else ""
    parts = [_clean(p) for p in re.split(r"\s[-–|]\s", title) if _clean(p)]
    for part in reversed(parts):
        if _COUNCIL_WORDS.search(part):
            return part
    return None


def _content(soup: BeautifulSoup) -> Tag:
    return soup.select_one("div#modgov") or soup.select_one("div.mgContent") or soup.body or soup


def _item_rows(soup: BeautifulSoup, source: str) -> list[ItemText]:
    items = []
    table = soup.select_one("table.mgItemTable")
    for row in soup.select("table.mgItemTable tr"):
        if row.find_parent("table") is not table:
            continue  # a row of a table inside an item's minutes
        cells = row.find_all("td", recursive=False)
        if len(cells) < 2:
            continue
        number_cell = row.select_one("td.mgItemNumberCell")
        number = _clean(number_cell.get_text()).rstrip(".") if number_cell else None
        body = cells[1] if number_cell is cells[0] else cells[-1]
        title_el = body.select_one("p.mgAiTitleTxt")
        title = _clean(title_el.get_text()) if title_el else None
        if title:
            title = re.sub(r"\s*pdf icon\s*PDF\s*[\d.]+\s*[KM]B\s*$", "", title, flags=re.IGNORECASE)
        minutes = ""
        for label in body.select("p.mgSubItemTitleTxt"):
            if _clean(label.get_text()).lower().startswith("minutes"):
                para = label.find_next_sibling("div", class_="mgWordPara")
                minutes = html_to_text(str(para)) if para else ""
        link = title_el.find("a", class_="mgAiTitleLnk") if title_el else None
        items.append(ItemText(title=title, text=minutes, number=number or None,
                              source_url=link.get("href") if link and "mgAi" in link.get("href", "") else source))
    return items


def page_heading(data: bytes | str) -> tuple[str | None, str | None]:
    """(main title, subtitle) of a ModernGov page."""
    soup = _soup(data)
    main = soup.select_one(".mgMainTitleTxt") or soup.find("h1")
    sub = soup.select_one(".mgSubTitleTxt") or soup.find("h2")
    return (_clean(main.get_text()) if main else None, _clean(sub.get_text()) if sub else None)


def parse_meeting_page(data: bytes | str, source: str) -> MinutesText | None:
    """Minutes of an `ieListDocuments.aspx` page (table.mgItemTable), or None if the page has no item table."""
    soup = _soup(data)
    if not soup.select_one("table.mgItemTable"):
        return None
    main, sub = page_heading(data)
    heading = " ".join(t for t in (main, sub) if t)
    committee = _AGENDA_HEADING.sub("", sub or main or "") or None
    if committee:
        committee = re.split(r",?\s+\d{1,2}(st|nd|rd|th)?\s+\w+,?\s+\d{4}|\s+-\s+\w+day", committee)[0].strip() or None
    return MinutesText(source=source, items=tuple(_item_rows(soup, source)), committee=committee,
                       date=parse_uk_date(heading), attendance=tuple(_attendance(soup)))


def _attendance(soup: BeautifulSoup) -> list:
    """People listed above the item table ("Members: ...", "Officers: ...", "Present: ...")."""
    from minutes_miner.nlp.attendance import parse_attendance

    content = _content(soup)
    parts = []
    in_items = False
    for el in content.descendants:  # document order: everything above the item table, labelled lists inside it
        if not isinstance(el, Tag):
            continue
        if el.name == "table" and "mgItemTable" in (el.get("class") or []):
            in_items = True
        elif el.name == "table" and not in_items:
            parts.append(_people_table(el))
        elif el.name in ("ul", "ol") and not in_items:
            parts.append(_people_list(el))
        elif el.name == "li" and not in_items and _people_list(el.parent):
            continue  # one entry of a list read whole above
        elif el.name in ("p", "div", "li") and el.find(["p", "div", "li", "table"]) is None:
            text = _clean(el.get_text())
            if not in_items or _ATTENDANCE_LABEL.match(text):
                parts.append(text)
    return parse_attendance("\n".join(p for p in parts if p))


def _people_list(listing: Tag) -> str | None:
    """A bulleted list under an attendance heading ("Attendance" over "Councillor Ann Lee – Cabinet Member for
    Homes"), one person per bullet, as a labelled list."""
    from minutes_miner.nlp.attendance import list_label

    heading = listing.find_previous(["h2", "h3", "h4"])
    label = _clean(heading.get_text()).rstrip(" :") if heading else ""
    if not label or not list_label(f"{label}:"):
        return None
    entries = [_clean(li.get_text(" ")) for li in listing.find_all("li", recursive=False)]
    entries = [e for e in entries if e]
    return f"{label}: " + "; ".join(entries) if entries else None


_NAME_HEADER = re.compile(r"^(?:(?:full\s+)?name|attendees?|person)$", re.IGNORECASE)
_ROLE_HEADER = re.compile(r"^(?:job\s+)?(?:role|title|position|designation|post)$", re.IGNORECASE)


def _people_table(table: Tag) -> str | None:
    """A "Name | Role" table above the items ("Officers present") as a labelled list, so that a role
    named later in the minutes ("The Head of SEND Services replied") resolves to its holder."""
    from minutes_miner.nlp.attendance import list_label

    rows = [[_clean(c.get_text(" ")) for c in tr.find_all(["th", "td"])] for tr in table.find_all("tr")]
    if len(rows) < 2:
        return None
    header = rows[0]
    name_col = next((i for i, h in enumerate(header) if _NAME_HEADER.match(h)), None)
    role_col = next((i for i, h in enumerate(header) if _ROLE_HEADER.match(h)), None)
    if name_col is None or role_col is None:
        return None
    heading = table.find_previous(["h2", "h3", "h4"])
    label = table.get("summary") or (_clean(heading.get_text()) if heading else "")
    if not list_label(f"{label}:"):
        label = "In attendance"
    entries = [f"{row[name_col]}, {row[role_col]}" if row[role_col] else row[name_col]
               for row in rows[1:] if len(row) > max(name_col, role_col) and row[name_col]]
    return f"{label}: " + "; ".join(entries) if entries else None


def page_text(data: bytes | str) -> str:
    """Main content of any ModernGov page as block-per-line text (navigation and footer dropped)."""
    soup = _soup(data)
    for junk in soup.select("div.mgFooter, div.mgLinks, ul.mgActionList, script, style, nav"):
        junk.decompose()
    return html_to_text(str(_content(soup)))
