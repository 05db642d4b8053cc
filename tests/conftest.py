from __future__ import annotations

import sys
from pathlib import Path

import pytest

# Test helper modules (paths.py ...) import by plain name from any test folder.
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """The demo run once per test session: the sample council crawled, analysed and reported."""
    from minutes_miner.demo import run_demo

    return run_demo(tmp_path_factory.mktemp("demo"))
