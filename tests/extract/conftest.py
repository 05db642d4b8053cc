"""Fixtures for the extract tests: generated PDFs (fictional content) and the Kent real-data folder."""
from __future__ import annotations

from pathlib import Path

import pytest
from extract_pdf_fixtures import KENT, make_kpi_report, make_minutes


@pytest.fixture(scope="session")
def kpi_report_pdf() -> bytes:
    return make_kpi_report()


@pytest.fixture(scope="session")
def minutes_pdf() -> bytes:
    return make_minutes()


@pytest.fixture(scope="session")
def kent_dir() -> Path:
    if not KENT.is_dir():
        pytest.skip("Kent real-data files not present")
    return KENT
