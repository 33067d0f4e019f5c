"""PubMed (NCBI E-utilities) as a second metadata source: :class:`PubMed`."""

from .adapter import PubMed

__all__ = ["PubMed"]
