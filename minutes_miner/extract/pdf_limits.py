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
# Beyond these the clocks and rlimits underneath overflow (a timeout of 1e12 s cannot be waited for).
MAX_TIMEOUT = 7 * 24 * 3600.0
MAX_MEMORY_MB = 1 << 30

RAISE_TIME_LIMIT = f"raise the time limit (environment variable {TIMEOUT_ENV}, in seconds) to try again"
RAISE_MEMORY_LIMIT = f"raise the memory limit (environment variable {MEMORY_ENV}) to try again"


def pdf_limits(timeout: float | None = None, memory_mb: int | None = None) -> tuple[float, int]:
    """(seconds, MB): those given, else those set in the environment, else the defaults."""
    timeout = _limit(TIMEOUT_ENV, "timeout", timeout, DEFAULT_TIMEOUT, MAX_TIMEOUT)
    memory_mb = _limit(MEMORY_ENV, "memory_mb", memory_mb, DEFAULT_MEMORY_MB, MAX_MEMORY_MB)
    return float(timeout), int(memory_mb)


def _limit(env: str, argument: str, given: float | None, default: float, most: float) -> float:
    if given is None:
        text = os.environ.get(env, "").strip()
        if not text:
            return default
        named = f"{env}={text!r}"
        try:
            given = float(text)
        except ValueError:
            given = math.nan
    else:
        named = f"{argument}={given!r}"
    if not (0 < given <= most):  # also refuses NaN
        raise MinutesMinerError(f"{named} is not a number between 0 and {most:g}",
                                hint=f"set it to a number such as {default:g}, or unset it for that default")
    return given
