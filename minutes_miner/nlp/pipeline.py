"""Build and cache the minutes spaCy pipeline (``spacy.blank("en")`` + rule components)."""
from __future__ import annotations

import threading

import spacy
from spacy.language import Language

from . import rules

_CACHE: dict[tuple[str, ...], Language] = {}
# spaCy's tokenizer caches the tokens of each distinct whitespace-delimited chunk, but only its first
# 10,000 by default; then every other chunk takes the slow path (prefix / suffix / infix searches)
# each time it occurs. Minutes hold many more distinct chunks ("2023/24", "(SEND)", "£3.2m," ...),
# and the pipeline is kept for the life of the process: with the default, a long run or a worker
# tokenized most text the slow way (3.5x the tokenizing time of a 200k-word benchmark, a tenth of
# ``analyse``). Each entry costs some tens of bytes.
TOKENIZER_CACHE_SIZE = 200_000
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
            nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_SIZE
            for name in registry.PIPELINE_COMPONENTS:
                config = {"extra_files": list(files)} if name == "mm_concerns" else {}
                nlp.add_pipe(name, config=config)
            _CACHE[files] = nlp
        return nlp
