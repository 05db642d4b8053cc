"""Minutes HTML (ModernGov's Word-derived markup) to plain text, one block per line.

The NLP stage reads structure from lines: bullets start with "• ", list items keep their
numbers, and headings (bold-only paragraphs, h1-h6) stand alone on a line.
"""
from __future__ import annotations

import html as html_lib
import re

from bs4 import BeautifulSoup, NavigableString, Tag

_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "table", "ul", "ol", "blockquote"}
_BULLET_CHARS = "·•▪◦‣●○-–*"
_SPACE = re.compile(r"\s+")
# a table's first cell that only numbers the row ("4.1", "19/24", "3", "(a)")
# an item cell holding its number, a line break, then its title
_NUMBER_THEN_TITLE = re.compile(r"^(\d{1,3}[a-z]?\.?)\s+([A-Z][^.;:?!]{1,120})$")
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|\d{1,3}/\d{2,4}|\(?[a-z]\)|\(?[ivx]{1,4}\))$")
# columns that name who owns an action or when it is due: not something said at the meeting
_OWNER_COLUMNS = {"action", "actions", "action by", "action owner", "owner", "lead", "by whom", "who", "responsible",
                  "deadline", "by when", "due", "due date", "target date"}
# columns naming who spoke the row's other cell ("Speaker | Comment")
_SPEAKER_COLUMNS = {"speaker", "name", "member", "who", "contributor", "raised by", "attendee", "person"}
# columns whose cells are the minutes themselves, read without their heading
_PLAIN_COLUMNS = {"discussion", "minutes", "minute", "notes", "item", "details", "summary", "discussion and outcome",
                  "discussion/outcome", "comments", "detail", "narrative", "description"}


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _list_prefix(tag: Tag) -> str:
    parent = tag.parent
    if parent is None:
        return "• "
    if parent.name == "ol":
        items = [c for c in parent.children if isinstance(c, Tag) and c.name == "li"]
        start = int(parent.get("start", 1)) if str(parent.get("start", "1")).isdigit() else 1
        kind = parent.get("type", "1")
        index = start + items.index(tag)
        if kind == "a":
            return f"{chr(ord('a') + index - 1)}. "
        if kind == "i":
            return f"({['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'][min(index, 10) - 1]}) "
        return f"{index}. "
    return "• "


def _is_heading_cell(cell: Tag) -> bool:
    """A table's column heading: a <th>, or a short cell all in bold."""
    if cell.name == "th":
        return True
    text = _clean(cell.get_text())
    if not text or len(text.split()) > 4:
        return False
    bold = "".join(b.get_text() for b in cell.find_all(["b", "strong"]))
    return _clean(bold) == text


# a short first cell naming who speaks, or a question / answer label: not a sentence
_LABEL_CELL = re.compile(r"^(?=[^.?!;]{2,80}$)(?:(?:(?:supplementary\s+)?(?:question|answer|response|reply|q|a)\b\s*\d*\s*(?:\(.+\)|[-–:].*)?)"
                         r"|(?:Cllr|Councillor|Mr|Mrs|Ms|Dr|Professor)\s+[A-Z].*|(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,4}"
                         r"(?:Chair|Chairman|Director|Head|Manager|Officer|Leader|Member|Mayor)(?:\s+(?:of|for)\s+.+)?)\s*:?$", re.IGNORECASE)


def html_to_text(markup: str | bytes | None) -> str:
    """Readable text of a minutes fragment, one block per line, bullets as "• "."""
    if not markup:
        return ""
    if isinstance(markup, bytes):
        markup = markup.decode("utf-8", errors="replace")
    # ModernGov sometimes double-encodes entities inside XML (&amp;#39;).
    if "&amp;" in markup and "<" not in markup:
        markup = html_lib.unescape(markup)
    soup = BeautifulSoup(markup, "lxml")
    for junk in soup(["script", "style", "head", "title", "meta"]):
        junk.decompose()
    lines: list[str] = []

    def emit(tag: Tag) -> None:
        text = _clean(tag.get_text())
        if not text:
            return
        if tag.name == "li":
            text = _list_prefix(tag) + text
        elif text[0] in _BULLET_CHARS and len(text) > 2 and text[1] == " ":
            text = "• " + text[2:].strip()
        elif text[0] in "·•▪●" :
            text = "• " + text[1:].strip()
        lines.append(text)

    def table(node: Tag) -> None:
        rows = [tr for tr in node.find_all("tr") if tr.find_parent("table") is node]
        header: list[str] | None = None
        for n, tr in enumerate(rows):
            cells = tr.find_all(["td", "th"], recursive=False)
            if n == 0 and cells and all(_is_heading_cell(c) for c in cells):
                header = [_clean(c.get_text()).lower().rstrip(".:") for c in cells]
                continue
            _table_row(cells, header)

    def _table_row(cells: list[Tag], header: list[str] | None) -> None:
        if header is not None and len(cells) < len(header) and len(cells) == 1:
            walk(cells[0])  # a full-width row inside a table: a sub-heading
            return
        content = [h for h in header or () if h and h not in _OWNER_COLUMNS and h not in ("no", "ref", "number")]
        speaker_col = next((j for j, h in enumerate(header or ()) if h in _SPEAKER_COLUMNS), None)
        if speaker_col is not None and len(content) == 2:
            _speaker_row(cells, speaker_col, header)
            return
        if header is None and len(cells) == 2 and _LABEL_CELL.match(_clean(cells[0].get_text())) and _clean(cells[1].get_text()):
            # a speaker or Q/A label in its own cell: "Question (Cllr Ray) | Is the cyber risk rated correctly?"
            start = len(lines)
            walk(cells[1])
            if start < len(lines):
                lines[start] = f"{_clean(cells[0].get_text()).rstrip(' :')}: {lines[start]}"
            return
        prefix = ""
        labelled = header is not None and sum(
            1 for h in header if h and h not in _OWNER_COLUMNS and h not in _PLAIN_COLUMNS and h not in ("no", "ref", "number")) >= 2
        for j, cell in enumerate(cells):
            text = _clean(cell.get_text())
            name = header[j] if header is not None and j < len(header) else ""
            if not text or name in _OWNER_COLUMNS:
                continue
            if j == 0 and _ROW_NUMBER.match(text) and len(cells) > 1:
                prefix = "" if labelled else text + " "  # labelled cells carry the row's structure
                continue
            numbered = _NUMBER_THEN_TITLE.match(_clean(cell.get_text(" "))) if j == 0 and cell.find("br") else None
            if numbered and len(cells) > 1:
                lines.append(f"{numbered.group(1)} {numbered.group(2)}")  # "<strong>4.</strong><br>Title": one item heading
                continue
            start = len(lines)
            walk(cell)
            if start == len(lines):
                continue
            if labelled and name and name not in _PLAIN_COLUMNS:
                lines[start] = f"{name.capitalize()}: {lines[start]}"
            if prefix:
                lines[start] = prefix + lines[start]
                prefix = ""

    def _speaker_row(cells: list[Tag], speaker_col: int, header: list[str]) -> None:
        """"Speaker | Comment" rows read as the minutes' own label layout: "Cllr Lee: asked ..."."""
        who = _clean(cells[speaker_col].get_text()).rstrip(" :") if speaker_col < len(cells) else ""
        for j, cell in enumerate(cells):
            if j == speaker_col or (j < len(header) and header[j] in _OWNER_COLUMNS) or not _clean(cell.get_text()):
                continue
            start = len(lines)
            walk(cell)
            if who and start < len(lines):
                lines[start] = f"{who}: {lines[start]}"

    def walk(node: Tag) -> None:
        if node.name == "table":
            table(node)
            return
        has_block_child = any(isinstance(c, Tag) and c.name in _BLOCK_TAGS for c in node.children)
        if not has_block_child:
            emit(node)
            return
        buffer: list[str] = []
        for child in node.children:
            if isinstance(child, NavigableString):
                buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            if child.name in _BLOCK_TAGS or child.name == "table":
                if _clean("".join(buffer)):
                    lines.append(_clean("".join(buffer)))
                buffer = []
                if child.name != "br":
                    walk(child)
            else:
                buffer.append(child.get_text())
        if _clean("".join(buffer)):
            lines.append(_clean("".join(buffer)))

    root = soup.body or soup
    walk(root)
    return "\n".join(line for line in lines if line)

