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

    def walk(node: Tag) -> None:
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
            if child.name in _BLOCK_TAGS:
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

