"""Report: the scheduled validation job and what it writes.

The job (:mod:`.job`: ``validate()``), the project's suppressions (:mod:`.suppressions`),
what changed since the last run (:mod:`.drift`), the report and its versioned JSON
form (:mod:`.model`, typed in :mod:`.schema`) and the formats it is rendered in
(:mod:`.formats`).
"""
