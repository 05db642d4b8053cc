"""Build printed-minutes PDFs for the gold sets from their committed plain-text sources.

    python corpora/gold/build_documents.py [PATH ...]      # default: every *.pdf.txt under corpora/gold

Each `<stem>.pdf.txt` becomes `<stem>.pdf` beside it, laid out like a council's printed minutes
(A4, Helvetica, a running header and footer, page numbers). The output is deterministic
(reportlab invariant mode, fixed metadata), so rebuilding gives byte-identical files and the
generated PDFs can be committed and checked.

Source markup, one instruction per line:

    @header TEXT        running header, top of every page after the first (optional)
    @footer TEXT        running footer, bottom left of every page
    @pages FORMAT       page-number format, "{n}" = page number (default "Page {n}"); bottom right
    @title TEXT         PDF metadata title (default: the file stem)
    @author TEXT        PDF metadata author (default: "Council")
    = TEXT              a centred bold title line (the masthead: council, committee, date)
    ## TEXT             a bold heading at the left margin (item title, "(Item 4)", sub-heading)
    - TEXT / • TEXT     a bullet, hanging indent
    5. TEXT / 5.1 TEXT  a numbered paragraph, hanging indent (number kept in the text)
    a. TEXT / (a) TEXT  a lettered or roman sub-point, deeper hanging indent
    (blank line)        ends the paragraph; consecutive plain lines are joined into one paragraph
    **TEXT**            bold inside a line (e.g. "**PRESENT:** Councillor ...", "**RESOLVED** that ...")
    % TEXT              a comment, not printed

Text is set with the standard Helvetica fonts, which hold the Windows-1252 repertoire (curly
quotes, en dashes, non-breaking spaces, â ê î ô û and other Latin-1 accents); a character outside
it (for example Welsh ŵ or ŷ) is refused with the line number rather than printed as a box.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent

_BULLET = re.compile(r"^[-•]\s+(?P<text>.+)$")
_NUMBERED = re.compile(r"^(?P<label>\d{1,3}(?:\.\d{1,3})*\.?)\s+(?P<text>\S.*)$")
_LETTERED = re.compile(r"^(?P<label>\(?(?:[a-z]|[ivx]{1,4})[.)])\s+(?P<text>\S.*)$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


class SourceError(ValueError):
    """A problem in a `.pdf.txt` source, naming the file and line."""


@dataclass
class Block:
    kind: str  # title | heading | bullet | number | letter | para
    text: str
    label: str = ""
    line: int = 0


@dataclass
class Source:
    path: Path
    header: str | None = None
    footer: str | None = None
    pages: str = "Page {n}"
    title: str | None = None
    author: str = "Council"
    blocks: list[Block] = field(default_factory=list)


def parse_source(text: str, path: Path) -> Source:
    """The `.pdf.txt` markup -> settings and blocks (no layout yet)."""
    src = Source(path=path)
    para: list[str] = []
    para_line = 0

    def flush() -> None:
        nonlocal para
        if para:
            src.blocks.append(Block("para", " ".join(para), line=para_line))
            para = []

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        _check_encodable(line, path, number)
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if stripped.startswith("%"):
            continue
        if stripped.startswith("@"):
            flush()
            name, _, value = stripped[1:].partition(" ")
            if name not in {"header", "footer", "pages", "title", "author"}:
                raise SourceError(f"{path}:{number}: unknown setting @{name}")
            setattr(src, name, value.strip())
            continue
        if stripped.startswith("= "):
            flush()
            src.blocks.append(Block("title", stripped[2:].strip(), line=number))
            continue
        if stripped.startswith("## "):
            flush()
            src.blocks.append(Block("heading", stripped[3:].strip(), line=number))
            continue
        for kind, rx in (("bullet", _BULLET), ("number", _NUMBERED), ("letter", _LETTERED)):
            m = rx.match(stripped)
            if m:
                flush()
                src.blocks.append(Block(kind, m.group("text"), label=m.groupdict().get("label", ""), line=number))
                break
        else:
            if not para:
                para_line = number
            # a plain line right after a list entry continues that entry
            if not para and src.blocks and src.blocks[-1].kind in {"bullet", "number", "letter"} and raw[:1] == " ":
                src.blocks[-1].text += " " + stripped
            else:
                para.append(stripped)
    flush()
    return src


def _check_encodable(line: str, path: Path, number: int) -> None:
    try:
        line.encode("cp1252")
    except UnicodeEncodeError as exc:
        bad = line[exc.start:exc.end]
        raise SourceError(
            f"{path}:{number}: {bad!r} (U+{ord(bad[0]):04X}) cannot be set in Helvetica; "
            "use a Windows-1252 character instead"
        ) from None


def _markup(text: str) -> str:
    """Escape for a reportlab Paragraph, then turn **bold** into <b>."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BOLD.sub(r"<b>\1</b>", escaped)


def build_pdf(source_path: Path, out_path: Path | None = None) -> Path:
    """Lay out one `.pdf.txt` source as printed minutes; returns the PDF's path."""
    from reportlab import rl_config

    rl_config.invariant = 1
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    src = parse_source(source_path.read_text(encoding="utf-8"), source_path)
    if not src.blocks:
        raise SourceError(f"{source_path}: no text to print")
    out_path = out_path or source_path.with_suffix("")  # <stem>.pdf.txt -> <stem>.pdf
    base = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14, spaceAfter=7)
    styles = {
        "title": ParagraphStyle("title", parent=base, fontName="Helvetica-Bold", fontSize=12, alignment=TA_CENTER, spaceAfter=5),
        "heading": ParagraphStyle("heading", parent=base, fontName="Helvetica-Bold", spaceBefore=6, spaceAfter=5),
        "para": base,
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=16 * mm, firstLineIndent=-6 * mm, spaceAfter=4),
        "number": ParagraphStyle("number", parent=base, leftIndent=12 * mm, firstLineIndent=-12 * mm),
        "letter": ParagraphStyle("letter", parent=base, leftIndent=22 * mm, firstLineIndent=-10 * mm, spaceAfter=4),
    }
    story = []
    for block in src.blocks:
        text = _markup(block.text)
        if block.kind == "bullet":
            text = "-&nbsp;&nbsp;&nbsp;" + text
        elif block.kind in {"number", "letter"}:
            text = f"{_markup(block.label)}&nbsp;&nbsp;&nbsp;{text}"
        story.append(Paragraph(text, styles[block.kind]))

    def furniture(canvas, doc) -> None:
        width, height = doc.pagesize
        canvas.saveState()
        canvas.setFont("Helvetica", 8.5)
        if src.header and doc.page > 1:
            canvas.drawString(doc.leftMargin, height - 12 * mm, src.header)
        if src.footer:
            canvas.drawString(doc.leftMargin, 12 * mm, src.footer)
        canvas.drawRightString(width - doc.rightMargin, 12 * mm, src.pages.format(n=doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(out_path), pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm, topMargin=22 * mm, bottomMargin=24 * mm,
        title=src.title or out_path.stem, author=src.author, creator="minutes-miner gold sets", invariant=1,
    )
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return out_path


def sources(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob("*.pdf.txt")))
        elif path.name.endswith(".pdf.txt"):
            found.append(path)
        else:
            raise SourceError(f"{path}: not a .pdf.txt source or a directory")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[HERE], help="sources or directories (default: corpora/gold)")
    args = parser.parse_args(argv)
    try:
        for path in sources(args.paths):
            print(build_pdf(path))
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
