"""Helpers shared by the NLP tests (a uniquely named module, importable from this directory)."""
from __future__ import annotations


def find(item, fragment: str):
    """The statement of an AnalysedItem whose text contains ``fragment`` (and its index)."""
    for i, s in enumerate(item.statements):
        if fragment in s.text:
            return i, s
    raise AssertionError(f"no statement containing {fragment!r}: {[s.text for s in item.statements]}")


def analyse_text(text: str, source: str = "invented.txt"):
    """``analyse`` of plain-text minutes written in a test."""
    from minutes_miner.nlp import analyse, minutes_from_text

    return analyse(minutes_from_text(text, source))
