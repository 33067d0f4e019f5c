"""Sources: where work metadata comes from.

The protocol resolving needs (:mod:`.base`: works by DOI, search, registration
agency, and optional capabilities), Crossref through habanero (:mod:`.crossref`),
the persistent answer cache (:mod:`.cache`), rate and concurrency limits sized from
answers' headers (:mod:`.limits`) and the retry policy (:mod:`.retry`).
"""
