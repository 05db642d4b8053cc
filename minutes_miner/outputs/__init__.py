"""Scrutiny outputs built on the store: discussion search, member-question summaries and briefing
notes (Markdown, HTML, Word, JSON), the recurring-concern matrix, and indicators beside the
discussion with direction claims checked against the values. Functions return data; renderers return strings (or write
the file they are given); nothing prints.
"""
from minutes_miner.outputs.concerns import (
    ConcernMatrix,
    ConcernRow,
    MatrixMeeting,
    concern_matrix,
    matrix_to_json,
    plot,
    render_matrix,
    render_matrix_json,
    render_matrix_text,
)
from minutes_miner.outputs.formats import Citation
from minutes_miner.outputs.indicators import (
    DirectionCheck,
    IndicatorDiscussion,
    claims_in,
    direction_checks,
    find_indicator,
    indicator_discussion,
    render_discussion_json,
    render_discussion_text,
)
from minutes_miner.outputs.questions import (
    Answer,
    Evidence,
    FollowUp,
    MeetingGroup,
    QuestionEntry,
    QuestionSummary,
    SectionGroup,
    meeting_questions,
    member_questions,
    questions_to_json,
    render_questions,
    render_questions_html,
    render_questions_markdown,
)
from minutes_miner.outputs.search import (
    hits_to_csv,
    hits_to_json,
    render_hits,
    render_hits_text,
    search,
)

__all__ = [
    "Answer",
    "Citation",
    "ConcernMatrix",
    "ConcernRow",
    "DirectionCheck",
    "Evidence",
    "FollowUp",
    "IndicatorDiscussion",
    "MatrixMeeting",
    "MeetingGroup",
    "QuestionEntry",
    "QuestionSummary",
    "SectionGroup",
    "claims_in",
    "concern_matrix",
    "direction_checks",
    "find_indicator",
    "hits_to_csv",
    "hits_to_json",
    "indicator_discussion",
    "matrix_to_json",
    "meeting_questions",
    "member_questions",
    "plot",
    "questions_to_json",
    "render_discussion_json",
    "render_discussion_text",
    "render_hits",
    "render_hits_text",
    "render_matrix",
    "render_matrix_json",
    "render_matrix_text",
    "render_questions",
    "render_questions_html",
    "render_questions_markdown",
    "search",
]
