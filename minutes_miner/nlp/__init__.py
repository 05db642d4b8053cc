"""Understanding minutes: who said what, questions and answers, sections and concerns.

Public API::

    analyse(minutes, roster=()) -> AnalysedDocument
    minutes_from_text(text, source) -> MinutesText
    parse_attendance(text) -> list[AttendeeMention]
    load_pipeline() -> spacy.Language   (cached; spacy.blank("en") + rule components)
"""
from __future__ import annotations

from typing import Sequence

from minutes_miner.models import AnalysedDocument, MinutesText, Person

from .attendance import parse_attendance
from .pipeline import load_pipeline
from .structure import minutes_from_text

__all__ = ["analyse", "minutes_from_text", "parse_attendance", "load_pipeline"]


def analyse(minutes: MinutesText, roster: Sequence[Person] = (), *, concerns_file=None) -> AnalysedDocument:
    """Statements per item with speaker, speaker_key, speaker_kind, act, answers, section, concerns.

    ``roster``: council members known from the crawler (their kind, party, ward) so that named
    people can be told apart as members, cabinet members, the chair or officers.
    ``concerns_file``: extra concern taxonomy file(s) (also $MINUTES_MINER_CONCERNS).
    """
    from .discourse import analyse_minutes

    return analyse_minutes(minutes, roster, concerns_file=concerns_file)
