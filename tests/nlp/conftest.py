from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def phrasings_doc():
    from minutes_miner.nlp import analyse, minutes_from_text

    path = FIXTURES / "phrasings_minutes.txt"
    minutes = minutes_from_text(path.read_text(encoding="utf-8"), str(path))
    return minutes, analyse(minutes)

