"""Claims: the body of an article cut into claims, with the citation markers each carries.

Finding markers in every form articles print them (:mod:`.markers`), cutting the body
into sentences, list items and headings (:mod:`.sentences`), and linking each claim
to the numbers it cites (:mod:`.linking`). Takes plain text and spans; offers
``find_markers``, ``segment`` and ``claims_of`` to the document stage.
"""
