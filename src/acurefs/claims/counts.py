"""Counts a statement gives and a work's title or abstract prints ("approximately 80,000
patients", "six U.S. cities", "twenty-two million adults"), and whether two agree."""

from __future__ import annotations

import re
from collections.abc import Iterable

COUNT_TOLERANCE = {"approximate": 0.15, "exact": 0.02}
"""How far a stated count may be from the record's: "about 80,000" within 15%, "80,000" 2%."""

WORD_HYPHEN = re.compile(r"(?<=\w)[\u2010\u2011\u2012\u2013\u2212](?=\w)")
"""A hyphen, non-breaking hyphen, figure dash, en dash or minus between two letters: a
hyphen, as the design patterns spell it."""

_COUNT = re.compile(
    r"(?P<qual>approximately|about|around|roughly|nearly|almost|over|more\s+than|some|up\s+to|"
    r"at\s+least|~)?\s*(?<![\w.,/\u00b7-])(?<!phase )(?<!stage )(?<!type )(?<!grade )(?<!level )"
    r"(?P<number>\d+(?:[.\u00b7]\d+)?\s+(?:million|billion)|\d{1,3}(?:[,\u00a0\u2009\u202f ]\d{3})+(?!\d)|\d+|"
    r"(?:half\s+a|a|one)\s+million(?=\s)|"
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|"
    r"seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\s+(?:thousand|million)(?=\s)|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?(?=\s))"
    r"(?P<plus>\+)?\s+(?:(?!(?:in|of|from|with|to|for|at|on|by|per|or|than|among|who|"
    r"were|had|that|which|when|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|"
    r"years?|months?|weeks?|days?|old|aged)\b)"  # "50 year old men": an age, not a count
    r"(?:[\w-]+|(?:[A-Z]\.){2,})\s+){0,5}?"
    r"(?:(?:never|non|ex|current|former)-)?"  # "280,000 Chinese Never-Smokers"
    r"(?P<unit>patients|participants|people|adults|children|schoolchildren|women|men|subjects|"
    r"volunteers|individuals|survivors|residents|smokers|students|pupils|infants|newborns|"
    r"mothers|veterans|nurses|doctors|physicians|respondents|persons|users|workers|employees|"
    r"drinkers|runners|athletes|twins|pregnancies|illnesses|episodes|admissions|births|"
    r"pilots|crew|firefighters|soldiers|miners|farmers|welders|players|clinicians|surgeons|"
    r"dentists|pharmacists|midwives|caregivers|carers|pilgrims|travell?ers|passengers|"
    r"adolescents|teenagers|girls|boys|babies|toddlers|"
    r"cases|deaths|studies|trials|RCTs|cohorts|surveys|donors|cities|countries|hospitals|regions)\b",
    re.I,
)
_STUDIES = frozenset(("studies", "trials", "rcts", "cohorts", "surveys"))
_PLACES = frozenset(("cities", "countries", "hospitals", "regions"))
_EVENTS = frozenset(("cases", "deaths"))
"""Counted apart from people: "217 botulism cases" is no count of the sentence's patients."""


def counts(text: str) -> Iterable[tuple[int, str, str]]:
    text = WORD_HYPHEN.sub("-", text)  # "five major case\u2013control studies"
    for match in _COUNT.finditer(text):
        unit = match.group("unit").lower()
        # Places are compared only with places of their kind: "652 cities across 24 countries".
        family = "studies" if unit in _STUDIES else unit if unit in _PLACES | _EVENTS else "people"
        qualifier = match.group("qual") or ("at least" if match.group("plus") else "")
        number = match.group("number")
        if (
            not qualifier
            and re.search(r"(?:thousand|million|billion)$", number, re.I)
            and not re.search(r"[.\u00b7]\d\d", number)
        ):
            qualifier = "about"  # "1.4 million adults" is rounded; "5.24 million" is not
        yield _count_value(match.group("number")), family, _qualifier(qualifier)


_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "one": 1,
}  # fmt: skip


def _count_value(number: str) -> int:
    """``14,161``, ``20 536``, ``1.44 million``, ``128\u00b79 million`` (The Lancet's decimal
    point), ``Two``."""
    word = " ".join(number.lower().replace("\u00b7", ".").split())
    if all(w in _NUMBER_WORDS for w in word.split("-")):  # "Two", "twenty-eight"
        return sum(_NUMBER_WORDS[w] for w in word.split("-"))
    head, _, unit = word.rpartition(" ")
    if unit in ("thousand", "million") and not word[0].isdigit():  # "thirty-four thousand",
        size = 1000 if unit == "thousand" else 1_000_000  # "twenty-two million", "a million"
        if head == "half a":
            return size // 2
        return size * sum(_NUMBER_WORDS.get(w, 1) for w in head.split("-"))
    scale = re.search(r"(million|billion)$", word)
    if scale:
        value = float(word[: scale.start()].strip())
        return round(value * (1_000_000 if scale.group(1) == "million" else 1_000_000_000))
    return int(re.sub(r"\D", "", number))


def _qualifier(word: str) -> str:
    word = " ".join(word.lower().split())
    if word in ("over", "more than", "at least"):
        return "at least"
    if word in ("nearly", "almost", "up to"):
        return "at most"
    return "approximate" if word else "exact"


def within_count(claimed: int, qualifier: str, actual: int, bound: str = "exact") -> bool:
    """Whether a stated count agrees with a work's, given its qualifier (:data:`COUNT_TOLERANCE`)
    and the work's own (``bound``): a work of "more than 220 000 cases" agrees with any count
    from 220,000 up (less the tolerance), and with a lower bound about its own."""
    share = COUNT_TOLERANCE["exact" if qualifier == "exact" else "approximate"]
    about = COUNT_TOLERANCE["approximate"]
    # A title's bound is its count rounded: "more than 1 million" is not "more than 10 million".
    if bound == "at least":
        return (
            claimed <= actual * (1 + about)
            if qualifier == bound
            else claimed >= actual * (1 - share)
        )
    if bound == "at most":
        return (
            claimed >= actual * (1 - about)
            if qualifier == bound
            else claimed <= actual * (1 + share)
        )
    if qualifier == "at least":
        return claimed <= actual
    if qualifier == "at most":
        return actual <= claimed and actual >= claimed * (1 - about)
    return abs(actual - claimed) <= share * claimed


def tolerance(qualifier: str) -> str:
    if qualifier in ("at least", "at most"):
        return f"the claim says {qualifier}"
    share = COUNT_TOLERANCE["approximate" if qualifier == "approximate" else "exact"]
    return f"allowed: within {share:.0%}"
