"""Understanding minutes: who said what, questions and answers, sections and concerns.

Public API::

    analyse(minutes, roster=()) -> AnalysedDocument
    analyse_many(minutes_list, rosters=None, workers=None) -> iterator of AnalysedDocument (processes)
    minutes_from_text(text, source) -> MinutesText
    parse_attendance(text) -> list[AttendeeMention]
    load_pipeline() -> spacy.Language   (cached; spacy.blank("en") + rule components)
"""
from __future__ import annotations

from collections.abc import Sequence

from minutes_miner.models import AnalysedDocument, MinutesText, Person

from .attendance import parse_attendance
from .parallel import analyse_many
from .pipeline import load_pipeline
from .structure import minutes_from_text

__all__ = ["analyse", "analyse_many", "load_pipeline", "minutes_from_text", "parse_attendance"]


def analyse(minutes: MinutesText, roster: Sequence[Person] = (), *, concerns_file=None,
            concern_model="shipped") -> AnalysedDocument:
    """Statements per item with speaker, speaker_key, speaker_kind, act, answers, section, concerns.

    ``roster``: council members known from the crawler (their kind, party, ward) so that named
    people can be told apart as members, cabinet members, the chair or officers.
    ``concerns_file``: extra concern taxonomy file(s) (also $MINUTES_MINER_CONCERNS).
    ``concern_model``: "shipped" (the learned model in models/ on top of the taxonomy), None (the
    taxonomy's terms alone) or a ``learned.ConcernModel``.
    """
    from .discourse import analyse_minutes

    return analyse_minutes(minutes, roster, concerns_file=concerns_file, concern_model=concern_model)
