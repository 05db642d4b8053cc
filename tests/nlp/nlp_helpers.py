"""Helpers shared by the NLP tests (a uniquely named module, importable from this directory)."""
from __future__ import annotations


def find(item, fragment: str):
    """The statement of an AnalysedItem whose text contains ``fragment`` (and its index)."""
    for i, s in enumerate(item.statements):
        if fragment in s.text:
            return i, s
    raise AssertionError(f"no statement containing {fragment!r}: {[s.text for s in item.statements]}")
