"""One hierarchy for every error the library raises on purpose.

Each error names the file or URL at fault, says what is wrong and how to fix it.
The CLI prints `str(error)` and exits non-zero; it never shows a traceback for these.
"""
from __future__ import annotations


class MinutesMinerError(Exception):
    """Base class. `where` is the file/URL at fault, `hint` how to fix it."""

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None):
        self.message = message
        self.where = where
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        return f"{text}\n  hint: {self.hint}" if self.hint else text


class StoreError(MinutesMinerError):
    """The database cannot be opened or used."""


class NotADatabaseError(StoreError):
    """The --db path is not a minutes-miner database."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer minutes-miner."""


class FTSUnavailableError(StoreError):
    """This Python's sqlite3 was built without FTS5."""


class EmptyStoreError(StoreError):
    """A query needs data that has not been ingested yet."""


class FetchError(MinutesMinerError):
    """A URL could not be fetched (HTTP error, timeout, refused by robots.txt, too large)."""


class HostUnreachableError(FetchError):
    """A host refuses connections or its name does not resolve: retrying at length would not help."""


class NotModernGovError(FetchError):
    """A base URL does not look like a ModernGov site."""


class ParseError(MinutesMinerError):
    """A page or document could not be parsed."""


class PDFError(ParseError):
    """A PDF is malformed, encrypted, has no text layer, or took too long to read."""


class NotAPDFError(PDFError):
    """The bytes are not a PDF at all: empty, or another kind of file (an HTML error page, a Word file)."""


class QueryError(MinutesMinerError):
    """A search query or filter is invalid."""


class NotFoundError(MinutesMinerError):
    """A named member, committee, indicator or meeting does not exist (hint lists near names)."""
