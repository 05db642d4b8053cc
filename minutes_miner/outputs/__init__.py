"""Scrutiny outputs built on the store: discussion search, member-question summaries and briefing
notes, and the recurring-concern matrix. Functions return data; renderers return strings (or write
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
    "Answer", "Citation", "ConcernMatrix", "ConcernRow", "Evidence", "FollowUp", "MatrixMeeting", "MeetingGroup",
    "QuestionEntry", "QuestionSummary", "SectionGroup", "concern_matrix", "hits_to_csv", "hits_to_json",
    "matrix_to_json", "meeting_questions", "member_questions", "plot", "questions_to_json", "render_hits",
    "render_hits_text", "render_matrix", "render_matrix_json", "render_matrix_text", "render_questions", "render_questions_html",
    "render_questions_markdown", "search",
]
