"""What a PDF is, from textual cues in its first pages: minutes | indicators | questions | other;
and whether a link title names a council questions paper.

Used by the parent (`pdf.classify`) and inside the PDF child (to decide whether a document
needs its tables read), so it depends on plain page texts only.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

_RAG_WORDS = re.compile(r"\b(GREEN|AMBER|RED)\b")
_QUESTION_HEAD = re.compile(r"^\s*(?:Supplementary\s+)?Question\s*(?:\d+\s*)?(?:by|from|asked by)\b", re.MULTILINE | re.IGNORECASE)
_ANSWER_HEAD = re.compile(r"^\s*(?:Answer|Reply|Response)\b", re.MULTILINE | re.IGNORECASE)


def classify_text(page_texts: Sequence[str], kpi_table_header: bool = False) -> str:
    """Kind of document from the texts of its first pages (`kpi_table_header`: a KPI table was found).

    Minutes that record a full council's questions ("Question from X to the Portfolio Holder for
    Y" ... "Response:") are still minutes: the record of a meeting (its "Minutes of the meeting"
    title, attendance, numbered items, resolutions) outranks the question headings, as a
    questions paper is only questions and answers."""
    text = "\n".join(page_texts[:6])
    scores = {"minutes": _minutes_score(text), "indicators": _indicators_score(text, kpi_table_header), "questions": 0}
    if scores["minutes"] < _MEETING_RECORD:
        scores["questions"] = _questions_score(text)
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 3 else "other"


# a minutes score this high is the record of a meeting: a title or attendance with resolutions or items
_MEETING_RECORD = 5
_MINUTES_TITLE = re.compile(r"\bMINUTES of\b|^\s*(?i:minutes of (?:a|the) meeting)", re.MULTILINE)
_PRESENT = re.compile(r"^\s*PRESENT\s*:", re.MULTILINE | re.IGNORECASE)
# an apologies label or item heading, not a sentence that starts with "Apologies"
_APOLOGIES = re.compile(r"^\s*(?:\d{1,3}\.?\s+)?Apologies(?:\s+for\s+absence|\s+and\s+substitutes?)?\s*(?::|$)",
                        re.MULTILINE | re.IGNORECASE)
_ITEM_MARK = re.compile(r"^\(Item \d+\)\s*$", re.MULTILINE)
_MEETING_END = re.compile(r"\bThe meeting (?:closed|ended|concluded|finished|rose)\b", re.IGNORECASE)


def _minutes_score(text: str) -> int:
    score = 3 if _MINUTES_TITLE.search(text) else 0
    if _PRESENT.search(text):
        score += 2
    if _APOLOGIES.search(text):
        score += 1
    score += min(3, len(_ITEM_MARK.findall(text)))
    if re.search(r"\bRESOLVED\b", text):
        score += 1
    if _MEETING_END.search(text):
        score += 1
    return score


def _indicators_score(text: str, kpi_table_header: bool) -> int:
    low = text.lower()
    score = 0
    if "performance report" in low or "performance indicators" in low or "key performance indicator" in low:
        score += 3
    if re.search(r"\b(indicator|kpi|measure)\b", low) and re.search(r"\btarget\b", low):
        score += 1
    if re.search(r"\b(rag|dot|direction of travel|floor standard)\b", low):
        score += 1
    if len(_RAG_WORDS.findall(text)) >= 6:
        score += 2
    if kpi_table_header:
        score += 2
    return score


def _questions_score(text: str) -> int:
    questions = len(_QUESTION_HEAD.findall(text))
    if not questions:
        return 0
    return 2 + min(questions, 3) + (2 if _ANSWER_HEAD.search(text) else 0)


_QUESTIONS_TITLE = re.compile(
    r"\bquestions?\b.{0,40}\b(?:answers?|responses?|replies|reply)\b"
    r"|\b(?:written|members?['’]?|councillors?['’]?|public)\s+questions\b"
    r"|\bquestions\s+(?:from|by|to)\s+(?:members|councillors|the public|cabinet|the leader)",
    re.IGNORECASE,
)


def is_questions_title(title: str | None) -> bool:
    """A link title naming a questions-and-answers paper ("Questions and Answers", "Written
    questions from members", "Member questions and responses")."""
    return bool(title and _QUESTIONS_TITLE.search(title))
