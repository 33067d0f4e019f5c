"""Crossref: the adapter over habanero (:mod:`.adapter`), its bridge to our HTTP client
(:mod:`.bridge`), and Crossref's work JSON read into records and written back (:mod:`.records`)."""

from .adapter import Crossref

__all__ = ["Crossref"]
