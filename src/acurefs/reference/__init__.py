"""Reference: one printed reference read into fields (``parse_reference``).

Author lists (:mod:`.names`), the source tail of year, volume, issue and pages
(:mod:`.tails`), the title/journal split (:mod:`.titles`), and the parser that puts
them together (:mod:`.parse`). Takes a string, gives a :class:`~acurefs.Reference`;
never raises on what it cannot read.
"""
