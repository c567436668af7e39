"""One exception tree for the library; the CLI and the API turn these into messages.

NewsEventsError
├── ReadError        an article could not be read (file, line and reason in the message)
├── ArticleError     an article could not be parsed, coded or stored (its origin, the stage)
├── ModelError       the spaCy pipeline named by --model cannot be loaded
├── DictionaryError  a packaged data file is malformed (file and line in the message)
└── StoreError       the database cannot be opened or written
"""
from __future__ import annotations


class NewsEventsError(Exception):
    """Base class of every error newsevents raises on purpose."""


class ReadError(NewsEventsError):
    """An input could not be turned into an article. ``origin`` names file[:line]."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason

    def __reduce__(self):  # picklable, for worker processes and Dask
        return (type(self), (self.origin, self.reason))


class ArticleError(NewsEventsError):
    """One article failed at ``stage`` (parse, code, store): ``origin`` names its file[:line]
    or id, ``reason`` the exception. The other articles go on."""

    def __init__(self, origin: str, stage: str, reason: str) -> None:
        super().__init__(f"{origin}: {stage} failed: {reason}")
        self.origin = origin
        self.stage = stage
        self.reason = reason

    def __reduce__(self):  # picklable, for worker processes and Dask
        return (type(self), (self.origin, self.stage, self.reason))


class ModelError(NewsEventsError):
    """The spaCy pipeline cannot be loaded."""


class DictionaryError(NewsEventsError):
    """A packaged dictionary or table is malformed."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line


class StoreError(NewsEventsError):
    """The event database cannot be opened or written."""
