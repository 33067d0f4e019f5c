"""How a claim names an organisation: the evidential test and the claim audit read the same names.

A name is a few capitalised words and a head word (``American Academy of Pediatrics``,
``Gambling Commission``), or the head first with what it is of, for or on
(``Association for Palliative Medicine``, ``International Working Group on the Diabetic
Foot``).
"""

from __future__ import annotations

ORG_HEAD = (
    r"(?:College|Association|Society|Organi[sz]ation|Institutes?|Academy|Agency|Administration|"
    r"Centers?|Centres?|Department|Task\s+Force|Foundation|Council|Collaboration|Committee|"
    r"Federation|Clinic|Commission|Group|Board|Panel|Alliance|Consortium|Authority|Service)"
)
"""The words an organisation's name ends on, or opens with."""
_OF = r"\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w&'’-]*(?:\s+(?:and\s+|the\s+)?[A-Z][\w&'’-]*){0,4}"
ORG_NAME = rf"(?:(?:[A-Z][\w&'’-]*\s+){{1,6}}{ORG_HEAD}(?:{_OF})?|{ORG_HEAD}{_OF})"
"""An organisation's name, as a regular expression (no groups)."""
