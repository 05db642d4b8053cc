import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from store_builder import build_store

from minutes_miner.store import open_store


@pytest.fixture
def store(tmp_path):
    s = build_store(tmp_path / "council.db")
    yield s
    s.close()


@pytest.fixture
def empty_store(tmp_path):
    s = open_store(tmp_path / "empty.db")
    yield s
    s.close()
