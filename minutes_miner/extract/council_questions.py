"""Council questions-and-answers papers (PDF) -> `MinutesText`, one item per question.

The layout used by Kent and many county councils:

    Question 7                                   <- stamp at the top of the page (furniture)
    COUNTY COUNCIL                               <- paper header (bold, centred)
    Thursday 13 March 2025
    Question by Chris Passmore to Roger Gough,   <- question heading (bold), may wrap
    Leader of Kent County Council
    ... the question ...
    Answer                                       <- (bold)
    ... the answer, over pages ...
    Supplementary question (optional)            <- asked by the questioner
    Supplementary answer / Answer                <- by the member answering

Each item carries `turns` (`models.Turn`): the question by the asker, the answer by the member
answering with their title and kind, and any supplementary question and answer, with the page
each starts on. The NLP stage takes those speakers and acts as given.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutes_miner.dates import parse_uk_date
from minutes_miner.extract.pdf_layout import group_blocks
from minutes_miner.extract.pdf_types import PdfLine, PdfText
from minutes_miner.models import ItemText, MinutesText, Turn

_HEADING = re.compile(
    r"^(?:(?P<public>Public)\s+)?Question\s*(?:No\.?\s*)?(?P<number>\d+)?\s*[:.–-]?\s*"
    r"(?:by|from|asked by)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_ANSWER = re.compile(r"^(?P<supp>Supplementary\s+)?(?:Answer|Reply|Response)\b\s*(?:by\s+[^:]+)?[:.]?\s*(?P<text>.*)$", re.IGNORECASE)
_SUPPLEMENTARY = re.compile(r"^Supplementary\s+Question\b\s*(?:by\s+[^:]+)?[:.]?\s*(?P<text>.*)$", re.IGNORECASE)
_STAMP = re.compile(r"^Question\s+(\d+)$", re.IGNORECASE)
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Professor|Sir|Dame|Lord|Lady)\.?\s+", re.IGNORECASE)


@dataclass
class _Question:
    heading: str
    number: str | None
    page: int
    asker: str = ""
    answerer: str = ""
    answerer_title: str | None = None
    public: bool = False
    # (act, speaker side 'asker'|'answerer', page, lines)
    turns: list[tuple[str, str, int, list[tuple[int, PdfLine]]]] = field(default_factory=list)


def is_question_heading(text: str) -> bool:
    m = _HEADING.match(text.strip())
    return bool(m and re.search(r"\bto\b", m.group("rest")))


def parse_council_questions(pdf: PdfText) -> MinutesText:
    """Questions, askers, the members answering and their answers, as items with turns."""
    lines = [(p.number, ln) for p in pdf.pages for ln in p.lines if ln.text.strip()]
    stamps = {p.number: m.group(1) for p in pdf.pages for ln in (*p.furniture, *p.lines)
              if (m := _STAMP.match(ln.text.strip()))}
    bold_used = any(ln.bold for _, ln in lines)
    questions: list[_Question] = []
    preamble: list[tuple[int, PdfLine]] = []
    i = 0
    while i < len(lines):
        page, ln = lines[i]
        t = ln.text.strip()
        if is_question_heading(t) and (ln.bold or not bold_used):
            # the heading wraps onto further bold lines ("..., Cabinet Member for X")
            heading, j = t, i + 1
            while (j < len(lines) and lines[j][0] == page and bold_used and lines[j][1].bold
                   and not _ANSWER.match(lines[j][1].text.strip()) and not is_question_heading(lines[j][1].text.strip())
                   and (heading.endswith(",") or not re.search(r"\bto\s+\S", heading) or _title_tail(lines[j][1].text))):
                heading = f"{heading} {lines[j][1].text.strip()}"
                j += 1
            _drop_paper_header(questions, preamble, page)
            q = _new_question(heading, page, stamps.get(page))
            q.turns.append(("question", "asker", page, []))
            questions.append(q)
            i = j
            continue
        if _STAMP.match(t):
            i += 1
            continue
        if not questions:
            preamble.append((page, ln))
            i += 1
            continue
        q = questions[-1]
        supp = _SUPPLEMENTARY.match(t)
        answer = _ANSWER.match(t)
        if supp and (ln.bold or not bold_used or len(t) < 40):
            q.turns.append(("question", "asker", page, []))
            if supp.group("text"):
                q.turns[-1][3].append((page, _retext(ln, supp.group("text"))))
        elif answer and (ln.bold or not bold_used) and len(t) < 80:
            q.turns.append(("answer", "answerer", page, []))
            if answer.group("text"):
                q.turns[-1][3].append((page, _retext(ln, answer.group("text"))))
        else:
            q.turns[-1][3].append((page, ln))
        i += 1
    first = pdf.pages[0] if pdf.pages else None
    head = [(first.number, ln) for ln in first.furniture] if first else []
    committee, meeting_date = _paper_header(head + preamble)
    margins = (min(ln.x0 for _, ln in lines), max(ln.x1 for _, ln in lines)) if lines else None
    items = tuple(_item(q, n, margins) for n, q in enumerate(questions, start=1))
    return MinutesText(source=pdf.source, items=items, committee=committee, date=meeting_date)


def _title_tail(text: str) -> bool:
    """A wrapped heading line that is the answering member's title."""
    return bool(re.match(r"^(?:the\s+)?(?:Deputy\s+)?(?:Cabinet Member|Leader|Chair|Chairman|Vice|Portfolio|Lead Member|"
                         r"Member for|Deputy|Director|Head|Executive)\b", text.strip(), re.IGNORECASE))


def _retext(ln: PdfLine, text: str) -> PdfLine:
    return PdfLine(text, ln.x0, ln.top, ln.bold, ln.size, ln.x1, ln.bottom)


def _drop_paper_header(questions: list[_Question], preamble: list, page: int) -> None:
    """Bold header lines ("COUNTY COUNCIL", the date) just above a question heading are the
    paper's own header repeated per question, not the end of the previous answer."""
    if not questions:
        return
    body = questions[-1].turns[-1][3]
    while body and body[-1][0] == page and body[-1][1].bold:
        preamble.append(body.pop())


def _new_question(heading: str, page: int, stamp: str | None) -> _Question:
    m = _HEADING.match(heading)
    rest = m.group("rest")
    q = _Question(heading=re.sub(r"\s+", " ", heading).strip(), number=m.group("number") or stamp, page=page,
                  public=bool(m.group("public")))
    asker, _, to = rest.partition(" to ")
    q.asker = asker.strip(" ,")
    name, _, title = to.partition(",")
    q.answerer = name.strip(" ,.")
    q.answerer_title = title.strip(" ,.") or None
    if q.answerer_title is None:
        # "to the Cabinet Member for X" - the member is named only by their role
        rm = re.match(r"^(?:the\s+)?(.+)$", q.answerer)
        if rm and _title_tail(rm.group(1)):
            q.answerer_title = rm.group(1)
    if re.search(r"member of the public|resident", q.asker, re.IGNORECASE):
        q.public = True
    return q


def _kind(title: str | None) -> str:
    if not title:
        return "member"
    if re.search(r"\bCabinet Member\b|\bLeader\b|\bPortfolio Holder\b|\bDeputy Cabinet\b", title, re.IGNORECASE):
        return "cabinet_member"
    if re.search(r"\b(?:Director|Head of|Officer|Manager|Chief Executive)\b", title, re.IGNORECASE):
        return "officer"
    return "member"


def _item(q: _Question, position: int, margins: tuple[float, float] | None) -> ItemText:
    turns = []
    for act, side, page, body in q.turns:
        text = "\n".join(b.text for b in group_blocks(body, margins))
        if not text:
            continue
        if side == "asker":
            turns.append(Turn(speaker=q.asker, act=act, text=text, speaker_title=None,
                              speaker_kind="external" if q.public else "member", page=page))
        else:
            turns.append(Turn(speaker=q.answerer, act=act, text=text, speaker_title=q.answerer_title,
                              speaker_kind=_kind(q.answerer_title), page=page))
    return ItemText(title=q.heading, text="\n".join(t.text for t in turns), number=q.number or str(position),
                    page=q.page, turns=tuple(turns))


def _paper_header(lines: list[tuple[int, PdfLine]]) -> tuple[str | None, object]:
    """Committee ("County Council") and meeting date from the paper's header lines."""
    committee = None
    meeting_date = None
    for _, ln in lines[:12]:
        t = ln.text.strip()
        if meeting_date is None:
            meeting_date = parse_uk_date(t)
            if meeting_date is not None:
                continue
        if committee is None and re.search(r"\b(?:council|committee|cabinet|panel|board)\b", t, re.IGNORECASE) and len(t) < 80:
            committee = _HONORIFIC.sub("", t).title() if t.isupper() else t
    return committee, meeting_date
