"""The ``acurefs`` command: a thin layer over the public API.

:mod:`.parser` holds the grammar, :mod:`.commands` runs each command, :mod:`.views`
and :mod:`.json_views` are what the commands print for people and for programs.
Errors are one line on stderr and a non-zero exit: 2 for usage, input and
configuration errors, 3 when a metadata source cannot be reached.
"""

from .commands import main

__all__ = ["main"]
