"""Author lists at the head of a printed reference, in the styles medicine and its peers use.

Three shapes are read, tried in this order:

* Vancouver/NLM/AMA: ``Lee J-H, Choi T-Y, Lee MS, et al.`` (family name, then initials)
* APA/Harvard/Nature: ``Stringer, J. L., Iyer, D., & Balasubramanyam, A.`` (family, dotted initials)
* given names first: ``A. Cau, R. Kuiper, and W.-P. de Roever``

:func:`read_authors` returns the people and where the author block ends, so the
reference parser reads the rest of the string from there.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..models import Person, initials_of
from ..text import LETTER, LOWER, NAME_PARTICLE_PATTERN, UPPER, is_particle, without_group_prefix
from .house import PAREN_FACTS
from .tails import YEAR

_U = f"[{UPPER}]"
_L = f"[{LOWER}'’]"
_A = f"[{LETTER}'’]"
# After its first two letters a name may hold anything but separators (encoding damage: "SchÃ¼hlen").
_REST = r"[^\s,.;:()\[\]{}\d\"“”&/]"

_PARTICLE = NAME_PARTICLE_PATTERN
# One capitalised word of a family name: "Chen", "McDonough", "O'Brien", "Al-Chalabi", "Kim".
_FAM_WORD = rf"(?:[dDlL]['’]|de['’])?{_U}{_L}{_REST}*"
# A family name: optional particles, one to three words ("Fischer Hansen", "Terhaar sive Droste").
_FAMILY = (
    rf"(?:{_PARTICLE}\s+){{0,3}}{_FAM_WORD}(?:[\s-](?:{_PARTICLE}\s+){{0,2}}{_FAM_WORD}){{0,2}}"
)
# Vancouver initials: "A", "TJ", "J-H", optionally "J.H." with periods.
_INITIALS = rf"{_U}{{1,6}}(?:-{_U}{{1,2}})?(?![{LETTER}])"
_INITIALS_DOTTED = rf"{_U}\.(?:\s?-?\s?{_U}\.){{0,3}}"
_SUFFIX = r"(?:,?\s+(?:Jr|Sr|II|III|IV|2nd|3rd|2d|3d|4th)\b\.?)?"

_ET_AL = (
    r"(?:,?\s*(?:et\.?\s*al\b\.?|and\s+others\b|et\s+coll?\b\.?|a\s+(?:spol|kol)\b\.?|"
    r"u\.\s?a\.|i\s+wsp\.|m\.\s?fl\.|e\s+col\.|ym\.))"
)
"""``et al.`` and its words in other languages: Czech and Slovak ``a spol.``, ``a kol.``, German
``u. a.``, Polish ``i wsp.``, Swedish ``m.fl.``, Portuguese ``e col.``, Finnish ``ym.``."""
# Before the last author: "and", "&", or its word in Spanish, Portuguese, French or German
# ("Corominas, M., Roncero, C., y Casas, M.").
_ELLIPSIS_TEXT = r"(?:…|\.\s?\.\s?\.)(?:\s*&)?"
"""APA 7's gap before the last author (``Liu, Z., … Cao, B.``), often typed with APA 6's
ampersand after it (``Zhang, G., ... & Jonas, J. B.``)."""
_LAST = rf"(?:and|&|y|e|et|und|{_ELLIPSIS_TEXT})"
_CONJUNCTION = re.compile(rf"^(?:y|e|et|und)\s+(?={_U})")
"""The conjunction a family-name pattern can take for a particle (``y`` of ``Ortega y Gasset``)."""

_V_AUTHOR = rf"{_FAMILY}\s+{_INITIALS}{_SUFFIX}"
_V_AUTHOR_DOTTED = rf"{_FAMILY}\s+{_INITIALS_DOTTED}{_SUFFIX}"
_A_AUTHOR = rf"{_FAMILY},\s*{_INITIALS_DOTTED}{_SUFFIX}"
_G_AUTHOR = rf"{_INITIALS_DOTTED}\s*{_FAMILY}{_SUFFIX}"
_R_AUTHOR = rf"{_INITIALS}\s+{_FAMILY}"

_VANCOUVER_RE = re.compile(
    rf"{_V_AUTHOR}(?:\s*,\s*{_V_AUTHOR}){{0,60}}(?:,?\s*{_LAST}\s+{_V_AUTHOR})?{_ET_AL}?"
)
_VANCOUVER_DOTTED_RE = re.compile(
    rf"{_V_AUTHOR_DOTTED}(?:\s*,\s*{_V_AUTHOR_DOTTED}){{0,60}}"
    rf"(?:,?\s*(?:and|&)\s+{_V_AUTHOR_DOTTED})?{_ET_AL}?"
)
_APA_RE = re.compile(
    rf"{_A_AUTHOR}(?:\s*[,;]\s*{_A_AUTHOR}){{0,60}}"
    rf"(?:\s*[,;]?\s*{_LAST}\s+(?:{_A_AUTHOR}|{_FAMILY},\s*{_U}{{2,3}}\.(?=\s)))?{_ET_AL}?"
)
"""APA's ``Smith, J., & Jones, K.``, and ACS's and MDPI's ``Smith, J.; Jones, K.``; Springer
Nature's last author may keep initials without stops (``Dobbins, T.A. & Pearson, SA.``)."""
_GIVEN_FIRST_RE = re.compile(
    rf"{_G_AUTHOR}(?:\s*,\s*(?!and\b){_G_AUTHOR}){{0,60}}(?:\s*,?\s*(?:&|and)\s+{_G_AUTHOR})?{_ET_AL}?"
)

# ABNT (Brazil): family names in capitals, semicolons between people:
# "MACHADO, W. C. A.; PEREIRA, J. S.; SCHOELLER, S. D. Title..."
_CAPS_FAMILY = rf"{_U}{_U}[{UPPER}'’-]*(?:\s+(?:{_PARTICLE}\s+)?{_U}{_U}[{UPPER}'’-]*){{0,2}}"
_ABNT_INITIALS = rf"{_U}\.(?:\s?-?\s?{_U}\.){{0,5}}"
_ABNT_AUTHOR = rf"{_CAPS_FAMILY},\s*{_ABNT_INITIALS}"
_ABNT_RE = re.compile(rf"{_ABNT_AUTHOR}(?:\s*;\s*{_ABNT_AUTHOR}){{0,60}}{_ET_AL}?")
_ONE_ABNT = re.compile(rf"(?P<family>{_CAPS_FAMILY}),\s*(?P<initials>{_ABNT_INITIALS})")

# Initials first without periods: "DA Katz, JN Kiarie, C Farquhar, Title..."
_REVERSED_RE = re.compile(
    rf"{_R_AUTHOR}(?:\s*,\s*{_R_AUTHOR}){{0,60}}(?:,?\s*{_LAST}\s+{_R_AUTHOR})?{_ET_AL}?"
)
_ONE_R = re.compile(rf"(?P<initials>{_INITIALS})\s+(?P<family>{_FAMILY})")
_ONE_V = re.compile(rf"(?P<family>{_FAMILY})\s+(?P<initials>{_INITIALS}|{_INITIALS_DOTTED})")
_ONE_A = re.compile(
    rf"(?P<family>{_FAMILY}),\s*(?P<initials>{_INITIALS_DOTTED}|{_U}{{2,3}}(?=\.(?:\s|$)))"
)
_ONE_G = re.compile(rf"(?P<initials>{_INITIALS_DOTTED})\s*(?P<family>{_FAMILY})")
_ET_AL_RE = re.compile(_ET_AL + r"\s*$")
_SUFFIX_AFTER = re.compile(r",?\s+(Jr|Sr|II|III|IV|2nd|3rd|2d|3d|4th)\b\.?")

# Group authors: "..., Forciea MA; Clinical Guidelines Committee of the American College of Physicians."
_GROUP_WORDS = re.compile(
    r"(?i)\b(?:group|committee|collaborat\w*|consortium|investigators|society|association|network|"
    r"team|council|organi[sz]ation|trialists|panel|working party|task force|institute|agency)\b"
)
_GROUP_TAIL_RE = re.compile(
    r"\s*[;,]\s*(?P<group>(?:(?:for|on behalf of)\s+)?(?:the\s+)?[^.;]{3,160}?)\.(?=\s|$)"
)


NOT_SURNAMES = frozenset(
    "vitamin vitamins hepatitis type phase class grade stage group factor protein plan schedule "
    "part appendix section annex omega coenzyme influenza category level tier model version "
    "covid sars".split()
)
"""Words that stand before a single capital in titles (``Vitamin D``, ``Hepatitis B``): not a
surname and its initial."""


@dataclass(frozen=True, slots=True)
class AuthorBlock:
    """The authors read from the start of a string and where the block ends."""

    authors: tuple[Person, ...]
    truncated: bool
    end: int
    style: str
    """``vancouver``, ``apa``, ``given-first`` or ``none``."""


_NO_AUTHORS = AuthorBlock((), False, 0, "none")
# After a strict author block, signs that the list goes on past it (a name the patterns missed).
_CONTINUES = re.compile(r"\s*(?:[,;]|\band\b|&|[^\W\d_]+,)")


def read_authors(text: str, start: int = 0) -> AuthorBlock:
    """Read the author list at ``text[start:]``; an empty block when none is recognised."""
    best: AuthorBlock = _NO_AUTHORS
    for style, pattern, single in (
        ("vancouver", _VANCOUVER_RE, _ONE_V),
        ("apa", _APA_RE, _ONE_A),
        ("vancouver", _VANCOUVER_DOTTED_RE, _ONE_V),
        ("given-first", _GIVEN_FIRST_RE, _ONE_G),
        ("reversed", _REVERSED_RE, _ONE_R),
        ("abnt", _ABNT_RE, _ONE_ABNT),
    ):
        match = pattern.match(text, start)
        if match is None or not _ends_block(text, match.end(), style):
            continue
        block = _people(match.group(0), single, style, match.end())
        if block.authors and block.end > best.end:
            best = block
    if not best.authors or _CONTINUES.match(text, best.end):
        # The patterns stopped where the list seems to go on: read it token by token.
        lenient = read_authors_lenient(text, start)
        if (
            lenient is not None
            and lenient.end > best.end
            and len(lenient.authors) >= len(best.authors)
        ):
            best = lenient
    if best.authors and _not_people(best, text):
        return _NO_AUTHORS
    if best.authors:
        best = _with_group_author(text, best)
        if _ELLIPSIS.search(text, start, best.end):  # APA 7: "Liu, Z., … Cao, B.": some left out
            best = dataclasses.replace(best, truncated=True)
    return best


_ELLIPSIS = re.compile(_ELLIPSIS_TEXT)


def _not_people(block: AuthorBlock, text: str) -> bool:
    """``Vitamin D Market Size``, ``Acupuncture. Natural Medicines``: title words read as one
    person's name. (``Zelles (1999)`` is a person: a year follows.)"""
    if len(block.authors) != 1 or block.authors[0].collective:
        return False
    person = block.authors[0]
    if person.family.lower() in NOT_SURNAMES and len(person.initials) == 1:
        return True
    alone = block.style == "lenient" and not person.initials and not person.given
    return alone and text[block.end - 1 : block.end] == "." and " " not in person.family


def _ends_block(text: str, end: int, style: str) -> bool:
    """Whether an author list may end at ``end``: what follows must not continue a name."""
    rest = text[end : end + 3]
    if not rest:
        return True
    if style == "reversed":
        return rest[:1] in (",", ".", ":") or rest.startswith(" (")
    if style in ("apa", "given-first", "abnt") or text[end - 1] == ".":
        # A dotted initial already closed the block: a title or a year follows.
        return rest[0] in " ,.:;([" or rest[0].isspace()
    return rest[0] in ".:;,(" or rest.startswith(" (") or rest[0].isspace()


def _people(block: str, single: re.Pattern[str], style: str, end: int) -> AuthorBlock:
    truncated = False
    et_al = _ET_AL_RE.search(block)
    if et_al:
        truncated = True
        block = block[: et_al.start()]
    people: list[Person] = []
    for match in single.finditer(block):
        initials = match.group("initials").replace(".", "").replace(" ", "")
        suffix_match = _SUFFIX_AFTER.match(block, match.end())
        suffix = suffix_match.group(1) if suffix_match else ""
        family = _CONJUNCTION.sub("", match.group("family"))  # "..., y Casas, M."
        people.append(Person(family=family, initials=initials, suffix=suffix))
    return AuthorBlock(tuple(people), truncated, end, style)


def _with_group_author(text: str, block: AuthorBlock) -> AuthorBlock:
    """Take a group author that follows the people (``; Clinical Guidelines Committee.``)."""
    match = _GROUP_TAIL_RE.match(text, block.end)
    if match is None or not _GROUP_WORDS.search(match.group("group")):
        return block
    name = without_group_prefix(match.group("group")).strip()
    group = Person(family=name, collective=True)
    return AuthorBlock((*block.authors, group), block.truncated, match.end() - 1, block.style)


# --- the lenient reader -------------------------------------------------------------------------

_TOKEN = re.compile(r"\(\s*(?:1[6-9]|20)\d{2}[a-z]?\s*\)|[^\s,;:]+|[,;:]")
_INITIAL_TOKEN = re.compile(rf"^(?:{_U}\.?(?:-?{_U}\.?){{0,3}}|{_U}[a-z]?\.)$")
_NAME_WORD = re.compile(rf"^(?:{_U}[^\s,;:()\d]*|[a-z]{{1,3}}['’]?{_U}[^\s,;:()\d]*|{_PARTICLE})$")
_YEAR_TOKEN = re.compile(r"^\(?\s*(?:1[6-9]|20)\d{2}[a-z]?\s*\)?[.,:]?$")
# After "Tom R.": a capitalised word, then a separator or a year, continues the same name.
_NAME_GOES_ON = re.compile(rf"\s*{_U}[{LETTER}'’-]+\s*(?:[,;]|\((?:1[6-9]|20)\d\d|\band\b|&)")
_AND = frozenset(("and", "&", "und", "et", "y"))


def read_authors_lenient(text: str, start: int = 0) -> AuthorBlock | None:
    """A looser reading of the author list, token by token, for shapes the patterns miss.

    Names are runs of capitalised words and initials separated by commas, semicolons
    or "and" (``VICTOR JD``, ``deMello AJ``, ``NF Capra``, ``Joshi, A.S., J. Zhou, and
    M.L. Greenberg``); the list ends at a colon, a year, a full stop after a complete
    name, or a capitalised word that starts the title. None unless it ends cleanly.
    """
    return _LenientReader(text).read(start)


_AL_NEXT = re.compile(r"\s+al\b")
"""The "al" of "et al" after the "et" just read."""
_GO_ON = object()
"""What a reader step returns when the author list continues past the token."""
_NOT_HANDLED = object()
"""What a helper step returns when the token is not its kind."""


class _LenientReader:
    """The state of one lenient reading: the people so far and the name being read."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.people: list[Person] = []
        self.current: list[tuple[str, int]] = []
        self.truncated = False
        self.previous = ","
        """The separator or word before the token being read."""
        self.before_name = ","
        """The separator before the name being read."""

    def read(self, start: int) -> AuthorBlock | None:
        limit = min(len(self.text), start + 1500)
        for match in _TOKEN.finditer(self.text, start, limit):
            outcome = self._step(match)
            if outcome is not _GO_ON:
                return outcome  # type: ignore[return-value]
        return None

    def _step(self, match: re.Match[str]) -> object:
        """Read one token: ``_GO_ON``, or the finished block (None when it is not an author list)."""
        token = match.group(0)
        if token in (",", ";"):
            if not self._close():
                return None
            self.previous = token
            return _GO_ON
        if (
            token == ":"
            and not self.people
            and len(self.current) == 1
            and not _INITIAL_TOKEN.match(self.current[0][0])
        ):
            return None  # "Acupuncture: How It Works" - a lone word before a colon is a title
        if token == ":" or _YEAR_TOKEN.match(token):
            return self._done(match.start())
        word = token.rstrip(".")
        if (
            word.lower() == "et"
            and self.current
            and all(_INITIAL_TOKEN.match(w) for w, _ in self.current)
            and _AL_NEXT.match(self.text, match.end())
        ):
            # "Barrett, B et al.": the initials before close their name without a comma.
            if not self._close():
                return None
            self.truncated = True
            self.previous = word
            return _GO_ON
        if word.lower() in _AND:
            handled = self._and()
            if handled is not _NOT_HANDLED:
                return handled
        if (word.lower() == "et" and not self.current) or (
            word.lower() == "al" and self.previous.lower() == "et"
        ):
            self.truncated = True
            self.previous = word
            return (
                self._done(match.end()) if token.endswith(".") and word.lower() == "al" else _GO_ON
            )
        if token.lower() in ("others", "others.") and not self.current:
            self.truncated = True
            return self._done(match.end()) if token.endswith(".") else _GO_ON
        if not (_NAME_WORD.match(word) or _INITIAL_TOKEN.match(token)):
            return self._title_began()
        return self._name_word(token, match)

    def _and(self) -> object:
        """An "and" between names: ``_GO_ON``, None (no author list), or ``_NOT_HANDLED``."""
        if not self.current:
            self.previous = "and"
            return _GO_ON
        chicago = (
            len(self.current) == 1
            and bool(self.people)
            and _bare(self.people[-1])
            and self.before_name == ","
        )
        if (
            all(_INITIAL_TOKEN.match(w) for w, _ in self.current)
            or len(self.current) > 1
            or chicago
        ):
            # "Lu, M.C. and N. Halfon": "and" closes the name before it.
            if not self._close():
                return None
            self.previous = "and"
            return _GO_ON
        return _NOT_HANDLED

    def _title_began(self) -> AuthorBlock | None:
        """A word that is no name: the title began one word back, or this is no author list."""
        if (
            len(self.current) == 1
            and self.before_name in (",", ";")
            and self.people
            and self.current[0][0][:1].isupper()
        ):
            # "NF Capra, JY Ro, Experimental muscle pain": the title began one word back.
            title_start = self.current[0][1]
            self.current.clear()
            return self._done(title_start)
        return None

    def _name_word(self, token: str, match: re.Match[str]) -> object:
        """Add a word to the name being read; a full stop after a complete name ends the list."""
        if not self.current:
            self.before_name = self.previous
        self.current.append((token, match.start()))
        self.previous = token
        if len(self.current) > 5:
            return None
        if token.endswith(".") and not _INITIAL_TOKEN.match(token):
            return self._done(match.end())  # "Snyder." - a complete name closes the list
        if (
            _INITIAL_TOKEN.match(token)
            and token.endswith(".")
            and _has_family([w for w, _ in self.current])
        ):
            rest = self.text[match.end() : match.end() + 12]
            nxt = re.match(r"\s*(\S+)", rest)
            given = bool(self.people) and _bare(self.people[-1]) and self.before_name == ","
            if _NAME_GOES_ON.match(self.text, match.end()) and not given:
                return _GO_ON  # "Tom R. Tyler (1988)": the family name follows the initial
            # (after "Spindler, Kurt P." the given names are complete: the title follows)
            if not rest.startswith((",", ";")) and (
                nxt is None or nxt.group(1).lower() not in _AND
            ):
                return self._done(match.end())  # "Dean D. Immunoreactivity..."
        return _GO_ON

    def _close(self) -> bool:
        """End the name being read; False when its words are not a name."""
        if not self.current:
            return True
        words = [w for w, _ in self.current]
        self.current.clear()
        people = self.people
        if not _has_family(words) and not (len(words) == 2 and all(w.isupper() for w in words)):
            # "Joshi, A.S.": initials after a comma belong to the name before them.
            if people and not people[-1].initials and all(_INITIAL_TOKEN.match(w) for w in words):
                initials = "".join(w.replace(".", "") for w in words)
                people[-1] = Person(family=people[-1].family, initials=initials)
                return True
            return False
        if people and _bare(people[-1]) and self.before_name == "," and _given_names(words):
            # "Lind, E. Allen, and ...": the words after a bare surname are its given names.
            given = " ".join(words)
            people[-1] = Person(family=people[-1].family, given=given, initials=initials_of(given))
            return True
        person = _person_from_words(words)
        if person is None:
            return False
        people.append(person)
        return True

    def _done(self, end: int) -> AuthorBlock | None:
        if not self._close() or not self.people or any(_shouting(p) for p in self.people):
            return None
        return AuthorBlock(tuple(self.people), self.truncated, end, "lenient")


def _shouting(person: Person) -> bool:
    """An all-caps 'name' with no initials is more likely an acronym than a person."""
    return person.family.isupper() and not person.initials and not person.collective


def _has_family(words: list[str]) -> bool:
    return any(not _INITIAL_TOKEN.match(w) and len(w.rstrip(".")) > 1 for w in words)


def _person_from_words(words: list[str]) -> Person | None:
    """A person from the words of one name, in either order; None if it is not a name."""
    if not _has_family(words):
        if len(words) == 2 and all(w.isupper() for w in words):
            return Person(family=words[0], initials=words[1].replace(".", ""))  # "HAO LF"
        return None
    if _GROUP_WORDS.search(" ".join(words)):
        return Person(
            family=" ".join(words).rstrip("."), collective=True
        )  # "World Health Organization"
    if len(words) >= 2 and not _INITIAL_TOKEN.match(words[-1]) and words[0][:1].isupper():
        # Given names first: "Tom R. Tyler", "R. DeFries", "N. Halfon".
        cut = len(words) - 1
        while cut > 0 and is_particle(words[cut - 1]):
            cut -= 1
        given_words = words[:cut]
        family = " ".join(w.rstrip(".") for w in words[cut:])
        if len(given_words) > 3:
            return None
        full = [w for w in given_words if not _INITIAL_TOKEN.match(w)]
        given = " ".join(given_words) if full else ""
        return Person(family=family, given=given, initials=initials_of(" ".join(given_words)))
    initials = [w for w in words if _INITIAL_TOKEN.match(w)]
    names = [w for w in words if not _INITIAL_TOKEN.match(w)]
    if len(names) > 4:
        return None
    family = " ".join(w.rstrip(".") for w in names)
    given = "".join(w.replace(".", "") for w in initials)
    return Person(family=family, initials=given)


def _bare(person: Person) -> bool:
    return not person.initials and not person.given and not person.collective


def _given_names(words: list[str]) -> bool:
    """Words that read as given names: one to three, capitalised or initials, the first a name."""
    return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)


FOREIGN_ORG_HEADS = (
    r"Organizaci[oó]n|Organiza[cç][aã]o|Organizzazione|Ministeri[oe]|Ministero|Minist[eé]rio|"
    r"Minist[eè]re|Ministerium|Departamento|Instituto|Istituto|Institutt|Institut|Sociedad|"
    r"Sociedade|Soci[eé]t[eé]|Societ[aà]|Gesellschaft|Asociaci[oó]n|Associa[cç][aã]o|Associazione|"
    r"Vereniging|Forening|Fundaci[oó]n|Funda[cç][aã]o|Fondation|Fondazione|Stiftung|Stichting|"
    r"Consejo|Conselho|Conseil|Consiglio|Agencia|Ag[eê]ncia|Agence|Agenzia|Servicio|Servi[cç]o|"
    r"Servizio|Secretar[ií]a|Federaci[oó]n|Federa[cç][aã]o|F[eé]d[eé]ration|Universidad|"
    r"Universidade|Universit[eé]|Universit[aà]|Universit[aä]t|Gobierno|Governo|Gouvernement|"
    r"Regierung|Comit[eé]|Comitato|Comisi[oó]n|Comiss[aã]o|Commissione|Direktoratet|"
    r"Helsedirektoratet|Dire[cç][cç]?[aã]o-Geral|Direcci[oó]n|Direction|"
    r"Congres?so\s+(?:de\s+la\s+Rep[uú]blica|de\s+los\s+Diputados|Nacional|de\s+Colombia|de\s+Chile|"
    r"del\s+Per[uú]|de\s+Guatemala|de\s+Honduras|de\s+la\s+Uni[oó]n)|"
    r"Alcald[ií]a|Gobernaci[oó]n|Presidencia|Presid[eê]ncia|Superintendencia|Defensor[ií]a|"
    r"Procuradur[ií]a|Contralor[ií]a|Asamblea|Assembleia|Senado|Prefeitura|Intendencia|"
    r"Kementerian|Kemenkes|Departemen|Badan|Dinas|Lembaga|Yayasan|Perhimpunan|Ikatan|Jabatan|"
    r"Acad[eé]mie|Akademie|Academia"
)
"""The words an organisation's name opens or ends on in the other languages lists come in
(``Organización Mundial de la Salud``, ``Ministerio de Sanidad``), capitalised as names
print them, and in Indonesian and Malay (``Kementerian Kesehatan``, ``Badan Penelitian ...``);
read without case in :data:`acurefs.reference.grey.ORG_WORDS`."""
GROUP_AUTHOR = re.compile(
    r"(?P<name>(?:[A-Z][\w’'&-]*\s+){0,8}(?:Organi[sz]ation|Association|College|Institute|Society|Committee|"
    r"Agency|Centers?|Centres?|Department|Ministry|Council|Foundation|Collaboration|Group|Service|"
    r"Team|Consortium|Investigators|Trialists|Commission|"
    rf"Administration|Board|Academy|Federation|Network|Office|Clinic|{FOREIGN_ORG_HEADS})"
    r"(?:\s+(?:of|for|on|and|the|&|de|del|de\s+la|de\s+los|das|do|da|dos|du|des|de\s+l[a']|della|"
    r"dello|dei|degli|di|per|e|y|für|der|van|voor)?\s*[A-Z][\w’'&-]*){0,6}"
    r"(?:\s*\([A-Z][A-Za-z&]{1,11}\))?"
    r"(?:,\s*(?:[A-Z][\w’'&-]*\s+){0,3}(?:Committee|Subcommittee|Section|Division|Task\s+Force|"
    r"Working\s+Group|Panel|Council|Board)(?:\s+(?:on|of|for|and|the|&)?\s*[A-Z][\w’'&-]*){0,6})?)"
    rf"(?:\s*\(\s*(?P<year>{YEAR})[a-z]?\s*\))?"
    r"\s*[.:]\s+(?=\S)"
)
"""An organisation that wrote a journal article (``World Health Organization. Title``), with
its acronym, a committee or its year: ``American Diabetes Association (ADA).``, ``American
Academy of Pediatrics, Committee on Environmental Health.``, ``Centers for Disease Control and
Prevention (2009).``"""
GROUP_YEAR = re.compile(rf"\(\s*(?P<year>{YEAR})[a-z]?\s*\)\s*[.,:]?\s+(?=\S)")
"""APA's year after a group author's full stop: ``American Academy of Pediatrics. (2005).``"""
_LEADING_ET_AL = re.compile(r"^,?\s*et\.?\s*al\b\.?,?\s*")
_EDITOR_ROLE = re.compile(r"(?i)^(?:eds?|editors?)\b\.?[,.]?\s*")


def after_names(middle: str) -> tuple[str, bool]:
    """What follows the names without ``et al.`` (and whether it was there) or the editors'
    role (``Sorrenson MPK, ed. Title``, ``Coustan DR. Editor. Title``)."""
    truncated = False
    if et_al := _LEADING_ET_AL.match(middle):
        truncated, middle = True, middle[et_al.end() :]
    if role := _EDITOR_ROLE.match(middle):
        middle = middle[role.end() :]
    return middle, truncated


_ANONYMOUS = re.compile(r"^\[?Anon(?:ymous)?\]?(?:[.,]\s+|$)")


def without_anonymous(
    title: str | None, authors: tuple[Person, ...]
) -> tuple[str | None, tuple[Person, ...]]:
    """The title and authors without ``Anon.``, ``Anonymous.`` or ``[Anonymous]``: a list's
    word for no author, read as a title or a name when it stands where the author would."""
    if title and _ANONYMOUS.match(title):
        title = _ANONYMOUS.sub("", title, count=1) or None
    return title, tuple(a for a in authors if not _ANONYMOUS.match(a.family or ""))


_GIVEN_NAME = (
    r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]\.(?:\s?[A-Z]\.){0,2})(?:\s+(?:[A-Z]\.|[A-Z][a-z]+)){0,3}?"
    rf"(?:\s+{NAME_PARTICLE_PATTERN}){{0,2}}\s+[A-Z][A-Za-z’'-]*[a-z]"
)
"""A name given first: ``Scott L. Greer``, ``May C. I. van Schalkwyk``, ``Jose Guillermo
Cedeno Laurent``, ``Lee Li Ying``, ``B. Starfield``."""
_GIVEN_NAME_BARE = (
    r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+(?:[A-Z]\.?|[A-Z][a-z]+)){0,2}"
    rf"(?:\s+{NAME_PARTICLE_PATTERN}){{0,2}}\s+[A-Z][A-Za-z’'-]*[a-z]"
)
"""A name given first whose middle initial may lack its stop: ``Daniel B Larremore``."""
GIVEN_NAMES = re.compile(
    r"^(?:[A-Z][a-z]{1,15}\s+(?:and|&)\s+(?=\S+\s+\S+$))?"  # "Herb and Mary Montgomery"
    rf"(?:{_GIVEN_NAME}|{_GIVEN_NAME_BARE})(?:,\s+(?:{_GIVEN_NAME}|{_GIVEN_NAME_BARE}))*"
    rf"(?:,?\s+(?:and|&|et|und|y)\s+(?:{_GIVEN_NAME}|{_GIVEN_NAME_BARE}))?$"
)
"""Names given first and nothing else: ``Josh A Firth, Joel Hellewell``, ``Bill Foege``, a
couple sharing a family name (``Herb and Mary Montgomery``)."""
GIVEN_FIRST = re.compile(
    rf"^(?P<names>{_GIVEN_NAME}(?:,\s+{_GIVEN_NAME})*(?:,?\s+(?:and|&|et|und|y)\s+{_GIVEN_NAME})?)"
    r"(?P<etal>\s+et\s+al\.?)?,\s+"
    rf"(?=[“\"]|[^“\"()]{{3,200}}{PAREN_FACTS.pattern})"
)
"""Chicago's notes put given names first: a name, a comma, then a quoted title, or a title
with its publication facts in parentheses (``(Wheaton, IL: Crossway, 1997)``)."""
GIVEN_FIRST_YEAR = re.compile(
    rf"^(?=[^(]*\b[A-Z]\.\s)(?P<names>{_GIVEN_NAME}(?:,\s+{_GIVEN_NAME})*(?:,?\s+(?:and|&)\s+{_GIVEN_NAME})?)"
    r"\s+\((?P<year>(?:1[6-9]|20)\d\d)[a-z]?\)\s+(?=\S)"
)
"""Given names first, then the year in parentheses, as Taylor & Francis's "cite this article"
prints them: ``Marina L. Zochil & Einar B. Thorsteinsson (2018) Title, Journal, 70:1, 41-47``
(an initial with its stop among the names: ``Eye Disease Prevalence Research Group (2004)`` is
a body)."""


def given_first_people(names: str) -> tuple[Person, ...]:
    """People from a list of names given first (``Scott L. Greer, May C. I. van Schalkwyk,
    and David Stuckler``): the last word is the family name, with a particle before it, or
    the word before a suffix (``R. Platt Jr``); a given name alone before ``and`` shares the
    next name's family name (``Herb and Mary Montgomery``)."""
    people = []
    parts = re.split(r",?\s+(?:and|&|et|und|y)\s+|,\s+", names)
    for n, name in enumerate(parts):
        words = name.split()
        suffix = words.pop() if len(words) > 2 and _SUFFIX_AFTER.fullmatch(" " + words[-1]) else ""
        cut = len(words) - 1
        while cut > 1 and words[cut - 1].islower() and is_particle(words[cut - 1]):
            cut -= 1
        family, given = " ".join(words[cut:]), " ".join(words[:cut])
        if len(words) == 1 and n + 1 < len(parts) and len(parts[n + 1].split()) >= 2:
            # "Herb and Mary Montgomery": a given name alone shares the next one's family name
            family, given = parts[n + 1].split()[-1], words[0]
        people.append(Person(family=family, given=given, suffix=suffix.rstrip(".")))
    return tuple(people)


VANCOUVER_AUTHORS = re.compile(
    r"^(?:[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?\s[A-Z]{1,3},\s)*[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?\s[A-Z]{1,3}\.\s+[A-Z]"
)
"""Family names and initials, the last with a stop, then the next word (Vancouver's authors:
``Wang X, Li Y. Public health in China``)."""


WHO_THEN_QUOTED = re.compile(r"^(?P<who>[^“”\"]{2,60}?),\s*(?P<title>[“\"][^“”\"]{2,}[”\"])$")
"""A short name, then a quoted title: ``Wikipédia, “Démographie du Nigeria”``."""


QUOTED_THEN_REST = re.compile(r"^[\"“‘'](?P<title>[^\"“”‘’]{3,300}?)[\"”’'],\s+(?P<rest>\S.*)$")
"""A title in quotation marks opening the entry, then a comma: a press list's ``'NZ 35th in
pandemic preparedness', Elspeth McLean, Otago Daily Times, 16 February 2020``."""


def quoted_then_who(piece: str) -> tuple[str, tuple[Person, ...], list[str]] | None:
    """The title, the writer (a name given first, when one follows) and the rest of a segment
    that opens on a quoted title and a comma; None for any other segment."""
    match = QUOTED_THEN_REST.match(piece)
    if match is None:
        return None
    rest = [p.strip() for p in match.group("rest").split(",") if p.strip()]
    people: tuple[Person, ...] = ()
    if len(rest) >= 2 and len(rest[0].split()) <= 4 and GIVEN_NAMES.match(rest[0]):
        people = given_first_people(rest.pop(0))
    return match.group("title"), people, rest


def as_printed(person: Person, names: str) -> Person:
    """``person`` with the surname as the entry prints it (``MULVEY``, read as ``Mulvey``)."""
    at = names.lower().find(person.family.lower())
    if at < 0:
        return person
    return dataclasses.replace(person, family=names[at : at + len(person.family)])
