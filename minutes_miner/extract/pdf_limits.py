"""The time and memory limits of a PDF parser child, and how a user raises them.

The defaults suit council documents; an archive with unusually large files needs more, and a
user of the command line has no other way to say so than the environment.
"""
from __future__ import annotations

import math
import os

from minutes_miner.errors import MinutesMinerError

DEFAULT_TIMEOUT = 120.0
DEFAULT_MEMORY_MB = 2048
TIMEOUT_ENV = "MINUTES_MINER_PDF_TIMEOUT"
MEMORY_ENV = "MINUTES_MINER_PDF_MEMORY_MB"

RAISE_TIME_LIMIT = f"raise the time limit (environment variable {TIMEOUT_ENV}, in seconds) to try again"
RAISE_MEMORY_LIMIT = f"raise the memory limit (environment variable {MEMORY_ENV}) to try again"


def pdf_limits(timeout: float | None = None, memory_mb: int | None = None) -> tuple[float, int]:
    """(seconds, MB): those given, else those set in the environment, else the defaults."""
    if timeout is None:
        timeout = _from_environment(TIMEOUT_ENV, DEFAULT_TIMEOUT)
    if memory_mb is None:
        memory_mb = int(_from_environment(MEMORY_ENV, DEFAULT_MEMORY_MB))
    return float(timeout), int(memory_mb)


def _from_environment(name: str, default: float) -> float:
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise MinutesMinerError(f"{name}={text!r} is not a positive number",
                                hint=f"set it to a number such as {default:g}, or unset it for that default")
    return value
