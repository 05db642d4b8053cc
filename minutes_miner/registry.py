"""The one place where plug-ins are registered.

* spaCy components: every factory the minutes pipeline uses is registered here with
  ``@Language.factory``; the classes live in ``minutes_miner.nlp.components``.
* ``SOURCES``: crawler source plugins (filled by the sources package).
"""
from __future__ import annotations

from spacy.language import Language

from minutes_miner.nlp import components as _components

# ---------------------------------------------------------------------------
# spaCy components
# ---------------------------------------------------------------------------

#: pipeline order used by ``minutes_miner.nlp.load_pipeline``
PIPELINE_COMPONENTS: tuple[str, ...] = ("mm_segmenter", "mm_mentions", "mm_cues", "mm_concerns")


@Language.factory("mm_segmenter")
def make_segmenter(nlp: Language, name: str):
    """Statement units: sentence starts after . ? ! (before a capital) and after ;."""
    return _components.MinutesSegmenter(nlp, name)


@Language.factory("mm_mentions")
def make_mentions(nlp: Language, name: str):
    """Named people (titled and untitled) and role speakers, patterns from data/people.json."""
    return _components.MentionMatcher(nlp, name)


@Language.factory("mm_cues")
def make_cues(nlp: Language, name: str):
    """Act cues and reporting verbs, patterns from data/acts.json."""
    return _components.CueMatcher(nlp, name)


@Language.factory("mm_concerns", default_config={"extra_files": []})
def make_concerns(nlp: Language, name: str, extra_files: list[str]):
    """Concern taxonomy from data/concerns.json plus user files."""
    return _components.ConcernMatcher(nlp, name, extra_files=tuple(extra_files))


# ---------------------------------------------------------------------------
# SOURCES: crawler source plugins (name -> class implementing sources.base.Source)
# ---------------------------------------------------------------------------

from minutes_miner.sources.moderngov import ModernGovSource

SOURCES: dict[str, type] = {
    ModernGovSource.name: ModernGovSource,
}
