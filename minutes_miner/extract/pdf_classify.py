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
    """Kind of document from the texts of its first pages (`kpi_table_header`: a KPI table was found)."""
    text = "\n".join(page_texts[:6])
    low = text.lower()
    scores = {"minutes": 0, "indicators": 0, "questions": 0}
    if re.search(r"\bMINUTES of\b", text) or re.search(r"^\s*minutes of (a|the) meeting", low, re.MULTILINE):
        scores["minutes"] += 3
    if re.search(r"^\s*PRESENT\s*:", text, re.MULTILINE | re.IGNORECASE):
        scores["minutes"] += 2
    scores["minutes"] += min(3, len(re.findall(r"^\(Item \d+\)\s*$", text, re.MULTILINE)))
    if re.search(r"\bRESOLVED\b", text):
        scores["minutes"] += 1
    if "performance report" in low or "performance indicators" in low or "key performance indicator" in low:
        scores["indicators"] += 3
    if re.search(r"\b(indicator|kpi|measure)\b", low) and re.search(r"\btarget\b", low):
        scores["indicators"] += 1
    if re.search(r"\b(rag|dot|direction of travel|floor standard)\b", low):
        scores["indicators"] += 1
    if len(_RAG_WORDS.findall(text)) >= 6:
        scores["indicators"] += 2
    if kpi_table_header:
        scores["indicators"] += 2
    questions = len(_QUESTION_HEAD.findall(text))
    if questions:
        scores["questions"] += 2 + min(questions, 3) + (2 if _ANSWER_HEAD.search(text) else 0)
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 3 else "other"


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
