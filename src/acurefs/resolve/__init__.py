"""Resolve: each reference checked against a metadata source, and the lock of accepted answers.

``resolve()`` and the :class:`~acurefs.resolve.resolver.Resolver` (:mod:`.resolver`)
look printed DOIs up in batches and search for the rest; candidates are matched
(:mod:`.matching`, comparing strings fairly with :mod:`.similarity`) and the accepted
record checked field by field (:mod:`.checks`). The lockfile (:mod:`.lock`) keeps the
accepted resolutions for offline runs and for the next run's comparison.
"""
