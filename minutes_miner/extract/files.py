"""Files named on the command line: their bytes, or an error naming the file; and a parser's
unexpected exception on one of them turned into that file's ParseError, so a batch goes on."""
from __future__ import annotations

from pathlib import Path

from minutes_miner.errors import ParseError


def read_input_file(path: Path | str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read file ({exc.strerror})", where=str(path),
                         hint="check the path and that the file is readable") from exc


def unexpected_parse_error(path: Path | str, exc: Exception) -> ParseError:
    """A parser tripping on a strange file fails that file only."""
    return ParseError(f"could not be parsed ({type(exc).__name__}: {str(exc)[:200]})", where=str(path),
                      hint="the file has a layout minutes-miner does not handle; please report it")
