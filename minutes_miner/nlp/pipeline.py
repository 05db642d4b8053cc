"""Build and cache the minutes spaCy pipeline (``spacy.blank("en")`` + rule components)."""
from __future__ import annotations

import threading

import spacy
from spacy.language import Language

from . import rules

_CACHE: dict[tuple[str, ...], Language] = {}
_LOCK = threading.Lock()


def load_pipeline(concerns_file=None) -> Language:
    """The cached pipeline. ``concerns_file`` (path or paths) and $MINUTES_MINER_CONCERNS extend
    the concern taxonomy; each distinct set of files gets its own cached pipeline."""
    from minutes_miner import registry  # registers the factories

    files = rules.concern_files(concerns_file)
    with _LOCK:
        nlp = _CACHE.get(files)
        if nlp is None:
            nlp = spacy.blank("en")
            nlp.max_length = 50_000_000
            for name in registry.PIPELINE_COMPONENTS:
                config = {"extra_files": list(files)} if name == "mm_concerns" else {}
                nlp.add_pipe(name, config=config)
            _CACHE[files] = nlp
        return nlp
