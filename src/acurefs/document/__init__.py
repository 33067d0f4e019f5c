"""Document: reading an article end to end into a :class:`~acurefs.Document`.

Loading bytes into text (:mod:`.loading`: text, Markdown, HTML with its ``<sup>``
spans and links), finding the reference list (:mod:`.reflist`), assembling claims,
markers and references (:mod:`.assemble`), structural findings (:mod:`.findings`),
and corpora of several articles (:mod:`.corpus`). Offers ``parse_document``,
``load_document`` and ``load_corpus`` to the stages above it.
"""
