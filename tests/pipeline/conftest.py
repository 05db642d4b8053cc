"""Fixtures for the pipeline tests."""
from __future__ import annotations

import pytest


@pytest.fixture
def trip_parser(monkeypatch):
    """trip_parser(module, name, marker, exc): `module.name`, a parser of read PDFs, raises `exc` on
    the PDF whose source contains `marker`, as a parser tripping on a strange file would."""

    def trip(module, name: str, marker: str, exc: Exception) -> None:
        real = getattr(module, name)

        def parse(pdf):
            if marker in pdf.source:
                raise exc
            return real(pdf)

        monkeypatch.setattr(module, name, parse)

    return trip
