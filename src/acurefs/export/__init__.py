"""Export: references as citation data for writers.

One view of each cited work (:mod:`.citations`: printed fields corrected by a trusted
resolution, merged per work, with readable citation keys) written as BibTeX through
bibtexparser v2 (:mod:`.bibtex`) or as CSL-JSON (:mod:`.csl`). Offers ``to_bibtex``,
``to_csl_json`` and ``citation_keys`` (used by locks and reports).
"""
