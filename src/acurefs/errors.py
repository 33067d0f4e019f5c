"""Exceptions raised by acurefs.

Problems found *in* an article or a reference are never raised: they are
:class:`~acurefs.Finding` records. Exceptions are for callers' mistakes and for
infrastructure that fails. The hierarchy::

    AcurefsError
    ├── InputError (ValueError)          bad input from the caller
    │   ├── DocumentError                a file or text that cannot be read as an article
    │   ├── UnsupportedFormatError       a format name acurefs does not know
    │   ├── ConfigError                  a bad option, setting or configuration file
    │   └── LockError                    a lockfile that cannot be read or written
    └── SourceError                      a metadata source failed
        ├── SourceUnavailableError       unreachable after retries, refused (offline mode),
        │                                or stopped (the run it served is over)
        └── SourceResponseError          an answer acurefs cannot use (malformed, unexpected)
"""

from __future__ import annotations


class AcurefsError(Exception):
    """Root of every exception acurefs raises on purpose."""


class InputError(AcurefsError, ValueError):
    """The caller gave input acurefs cannot use."""


class DocumentError(InputError):
    """A file or text cannot be read as an article (missing, binary, undecodable, empty)."""


class UnsupportedFormatError(InputError):
    """A document or report format that acurefs does not know."""


class ConfigError(InputError):
    """A bad option, environment setting (``ACUREFS_OFFLINE=maybe``) or configuration file."""


class LockError(InputError):
    """A lockfile that cannot be read or written."""


class SourceError(AcurefsError):
    """A metadata source (Crossref, doi.org) failed."""


class SourceUnavailableError(SourceError):
    """The source could not be reached after retries, the run is offline, or its stop is set."""


class SourceResponseError(SourceError):
    """The source answered with something acurefs cannot use."""
