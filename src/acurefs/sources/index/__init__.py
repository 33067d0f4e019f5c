"""The local index: Crossref work records in one SQLite file, searched with FTS5.

:func:`build_index` reads Crossref's public data file, JSON Lines or JSON lists into the
file (:mod:`.build`, :mod:`.readers`, :mod:`.store`); :class:`LocalIndex` answers from it
as a metadata source (:mod:`.local`, :mod:`.query`), with the same matching rules as
Crossref's API and no network.
"""

from .build import BuildReport, build_index
from .local import IndexInfo, LocalIndex
from .readers import Skip

__all__ = ["BuildReport", "IndexInfo", "LocalIndex", "Skip", "build_index"]
