"""Page furniture that the held-out pages showed around health articles: a journal's back
matter, a PDF's running heads, small print, press-release and government-page lines, and the
links to a site's other pages. :mod:`acurefs.document.blocks` sets such lines aside.
"""

from __future__ import annotations

import re

RELATED_TITLE_WORDS = 14
"""Words a related page's title has at most."""
RELATED_HEADING = re.compile(
    r"^(?:#{1,6}\s*)?(?:related(?:\s+(?:articles|posts|content|stories|reading|pages|links|guides))?|"
    r"you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in|enjoy)|more\s+from\s+(?:the|our)\s+\w+|"
    r"read\s+next|popular\s+(?:posts|articles)|recommended(?:\s+(?:for\s+you|reading|articles))?|"
    r"explore\s+the\s+topic|more\s+(?:articles|posts|stories)(?:\s+like\s+this)?|"
    r"(?:latest|recent)\s+(?:posts|articles|news))\s*:?$",
    re.I,
)
"""The heading over a page's links to its other pages."""
BACK_MATTER = re.compile(
    r"^\s*(?:(?:competing|conflicting)\s+interests?|contributors|provenance\s+and\s+peer\s+review|"
    r"funding|patient\s+consent(?:\s+for\s+publication)?|ethics\s+approval|"
    r"data\s+availability(?:\s+statement)?|acknowledge?ments?)\s+(?-i:[A-Z])|"
    r"^\s*key\s?words?\s+\w[\w -]*,",
    re.I,
)
"""A journal's back matter, its label run into the text as the BMJ prints it (``Competing
interests None declared.``, ``Contributors HO drafted the letter``), or a keyword line."""
RUNNING_HEAD = re.compile(
    r"^\s*(?:\d{1,4}\s+(?-i:[A-Z][A-Z'’&.,-]*)(?:\s+(?-i:[A-Z][A-Z'’&.,-]*))+|"
    r"(?-i:[A-Z][A-Z'’&.,-]*)(?:\s+(?-i:[A-Z][A-Z'’&.,-]*))+\s+\d{1,4})\s*$"
    r"|.{0,80}©\s*(?:19|20)\d\d\b.{0,80}$"
)
"""A PDF page's running head or foot: a page number beside words in capitals (``46
LINDQVIST ET AL.``), or a short line with a copyright year (``45 | press.example © 2025``)."""
LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]\n]{1,40}\]:\s*<?(?:https?://|www\.|/|#)\S*")
"""A Markdown link definition (``[1]: https://pubmed.example/1``): never shown, never prose."""
NOTE_LINE = re.compile(r"^\s*(?:[†‡§¶]|\*(?=[A-Z][^*]*$))")
"""A note keyed by a symbol (``*Prices are for ...``, ``†Per condition``): small print."""
REGULATORY = re.compile(
    r"\b(?:authori[sz]ed\s+and\s+regulated\s+by|is\s+a\s+trading\s+name\s+of|"
    r"registered\s+(?:office|charity|company|in\s+(?:england|scotland|wales|ireland))|"
    r"company\s+(?:no\.?|number|registration)|charity\s+(?:no\.?|number))\b",
    re.I,
)
"""A company's or charity's legal line: regulated by, a trading name, where registered."""
PRESS_RELEASE = re.compile(
    r"^\s*(?:-?\s*ends\s*-?|#{3})\s*$|^\s*from\s*:\s+(?-i:[A-Z])|^\s*is\s+this\s+page\s+useful\b",
    re.I,
)
"""A press release's ``ENDS``, a government page's ``From: Department ...`` and its
feedback line."""
