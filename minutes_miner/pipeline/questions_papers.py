"""A meeting's council questions papers: each question becomes an item of the meeting, next to the
items of its minutes.

A full-council meeting publishes its minutes (HTML or PDF) and, separately, a paper of members'
written questions with the answers given ("Questions and Answers", "Written questions from
members", or an untitled "Supplement"). A paper is known by its link title when the crawl reads
one (`pdf_classify.is_questions_title`), otherwise by its content when the indicators stage reads it
(`pdf_classify`): either way its document is stored with kind "questions".

The question items carry an external ID naming the paper and the question's place in it, so
their IDs (and their statements' IDs) are the same each time the paper is analysed, and they are
told apart from the agenda items whose minutes they sit beside.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from minutes_miner.extract.council_questions import parse_council_questions
from minutes_miner.extract.pdf_types import PdfText
from minutes_miner.models import AgendaItem, Document, ItemText

QUESTION_ITEM_PREFIX = "questions-paper:"
# question items are listed after the agenda items (and after printed-minutes items, from 1000)
FIRST_QUESTION_POSITION = 2000

def is_question_item(item: dict) -> bool:
    """A stored item (`Store.items` row) read from a questions paper, not from the agenda."""
    return (item.get("external_id") or "").startswith(QUESTION_ITEM_PREFIX)


def question_items(pdf: PdfText, doc: Document, meeting_id: str,
                   first_position: int) -> tuple[list[ItemText], list[AgendaItem]]:
    """The paper's questions as item texts (with their question/answer turns) and as the items to store."""
    texts, items = [], []
    for k, question in enumerate(parse_council_questions(pdf).items):
        source_url = f"{doc.url}#page={question.page}" if question.page else doc.url
        items.append(AgendaItem(meeting_id=meeting_id, position=first_position + k, number=question.number,
                                title=question.title, minutes_text=question.text, source_url=source_url,
                                external_id=f"{QUESTION_ITEM_PREFIX}{doc.id}:{k + 1}"))
        texts.append(replace(question, source_url=source_url))
    return texts, items


def has_stored_items(stored: Sequence[dict], doc: Document) -> bool:
    """Whether items read from this questions paper are stored (`Store.items` rows)."""
    prefix = f"{QUESTION_ITEM_PREFIX}{doc.id}:"
    return any((i.get("external_id") or "").startswith(prefix) for i in stored)


def stale_question_items(stored: Sequence[dict], kept: Sequence[AgendaItem]) -> list[str]:
    """IDs of stored question items no paper gives any more (a paper replaced, or no longer a questions paper)."""
    keep = {i.id for i in kept}
    return [i["id"] for i in stored if is_question_item(i) and i["id"] not in keep]
