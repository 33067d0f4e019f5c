"""Splitting the middle of a reference into its title and its journal.

What lies between the authors and the source tail is "Title. Journal": the split
falls where the journal's (often abbreviated) name begins, which the last full
stop usually marks; titles with inner stops, quoted titles and journals printed
without a stop before them are read with the help of ISO 4 journal words.
"""

from __future__ import annotations

import re

from ..text import LOWER, UPPER, fold

_SPLIT_POINT = re.compile(
    r"(?<=[^\s.][.?!])\s+(?=[\w\"“'‘(\[])|(?<=[?!])\s+|(?<=[.?!][\"”’'])\s*(?=\S)"
)
_QUOTED = re.compile(
    r"^(?:[\"“”]\s*(?P<title>.+?)\s*[.?!,]?\s*[\"”“]|[‘']\s*(?P<single>.+?)\s*[.?!,]?\s*[’'])(?=\s|$|[.,;:])"
)
# Words of abbreviated journal names (NLM/ISO 4), for titles that run into the journal without a stop.
_JOURNAL_WORDS = frozenset(
    """J Am Br Eur Int Res Rev Clin Med Biol Chem Sci Ann Arch Proc Natl Acad Soc Genet Hum Mol
    Cell Neurosci Neurol Neurophysiol Neurochem Psychiatry Psychol Immunol Cancer Physiol
    Pharmacol Surg Obstet Gynecol Pediatr Endocrinol Metab Nutr Gastroenterol Cardiol Lett Bull
    Trans Can Jpn Chin Acta Exp Dev Opin Curr Trends Nat Nucleic Acids Rep Treat Dis Infect
    Microbiol Virol Bacteriol Biochem Biophys Appl Phys Ophthalmol Otolaryngol Dermatol Radiol
    Urol Nephrol Hepatol Oncol Hematol Rheumatol Orthop Anesth Anaesth Anesthesiol Emerg Crit
    Care Respir Pulm Allergy Vet Dent Oral Public Health Epidemiol Stat Comp Comput Eng Mater
    Environ Ecol Evol Zool Bot Plant Agric Food Toxicol Pharm Ther Drug Drugs Syst Neurobiol
    Brain Behav Cogn Sleep Pain Spine Bone Joint Arthritis Rheum North Engl Assoc Coll Ser Gen
    Intern Fam Pract Nurs Rehabil Sports Occup Ind Biomed Biomater Tissue Stem Genome Genomics
    Hered Chromosome Mutat Mutation Carcinog Carcinogenesis Immun Invest Lab Pathol Cytol
    Histol Anat Embryol Reprod Fertil Steril Androl Perinatol Neonatal Matern Child Adolesc
    Aging Gerontol Geriatr Vasc Heart Circ Hypertens Thromb Haemost Blood Transfus Kidney Liver
    Lung Thorac Chest Gut Skin Eye Ear Nose Mar Fish Aquat Insect Entomol Parasitol Trop Hyg
    Mycol Protoc Methods Tech Technol Biotechnol Bioeng Biomech Ergon Imaging Magn Reson
    Ultrasound Nucl Radiat Photochem Photobiol Laser Opt Spectrosc Anal Inorg Org Polym Colloid
    Interface Surf Catal Electrochem Chim Geophys Geol Meteorol Oceanogr Astron Astrophys Math
    Theor Quant Acoust Mech Fluid Therm Energy Fuel Nanotechnol Nano Scand Aust Ital Ger Fr
    Dtsch Wochenschr Z Zh Klin Arzneimittelforschung Bras Esp Mex Afr Arab Asian Korean Semin
    Adv Annu Dig Pediatrics Lancet Science Nature Neuron Physiology Circulation
    Psychopharmacology Endocrinology Gastroenterology Hepatology Radiology Diabetes
    Diabetologia Oncogene Virology Biochemistry Genetics Development Immunity Medicine Obes
    Obesity Cytokine Biopolymers Biomaterials Neuropsychologia Neuroreport Neuroscience
    Neuropharmacology Chemother Antimicrob Agents Bioinform Brief Reproduction Virol Silico
    Proteins Structure Function Sante""".split()
)
_PROSE_SMALL_WORDS = frozenset("of and the in for de la le der und des du et".split())
_ABBREV_WORD = re.compile(
    rf"^(?:[{UPPER}][{LOWER}]{{0,6}}|[{UPPER}]{{1,5}}|of|and|the|in|for|de|et|la|der|und|&|[{UPPER}]\.)$"
)
_BRACKET_NOTE = re.compile(
    r"\s*\[(?:[^\]]*(?:article|in\s+\w+ese|internet|review)[^\]]*)\]\s*$", re.I
)


_REPORT_NUMBER = re.compile(
    r"\s*\((?:[A-Z][\w.]*\s+){0,3}(?:Report|Publication|Pub\.?|Catalogue|Catalog|Document|Paper|"
    r"Series|Technical\s+Report)\s+(?:No\.?|Number|number)\s*:?\s*[\w.-]+(?:\s[\w.-]+)?\)\s*$"
)
"""A report's number in parentheses closing its title: ``(Report No. Wai 2575)``, ``(NIH
Publication No. 18-2059)``, ``(Statistics Canada Catalogue number: 82-620)``."""
_FULL_JOURNAL = re.compile(
    r"(?=.*\b(?:Journal|Annals|Archives|Review|Bulletin|Proceedings|Quarterly|Letters)\b)"
    r"[A-Z][\w&'’-]*(?:\s+(?:of|and|&|the|in|for|on|[A-Z][\w&'’-]*)){1,9}"
)
"""A journal's name written out in full (``Australian Journal of Psychology``), as a title
followed by a comma and its journal prints it."""


_NAME_ALONE = re.compile(r"[^\W\d_][^\d*†;:()]*")
"""A journal's name with nothing after it: no volume, no year, no note marks."""


def split_title_journal(middle: str, has_tail: bool) -> tuple[str | None, str | None]:
    """Split "Title. Journal" at the point where the journal's name begins."""
    if not middle:
        return None, None
    quoted = _QUOTED.match(middle)
    if quoted:
        rest = middle[quoted.end() :].strip(" .,;:")
        inside = quoted.group("title") or quoted.group("single")
        return clean_title(inside), (rest or None) if has_tail else None
    points = [m.end() for m in _SPLIT_POINT.finditer(middle)]
    if not points:
        comma = middle.rfind(", ")
        if has_tail and comma > 0 and _FULL_JOURNAL.fullmatch(middle[comma + 2 :].strip(" .")):
            # "Title, with commas, Australian Journal of Psychology": the journal after the last comma
            return clean_title(middle[:comma]), middle[comma + 2 :].strip(" .,;:")
        if has_tail:
            start = _unpunctuated_journal_start(middle)
            if start == 0 and len(middle) < 40:
                return None, middle
            if start is not None and start > 0:
                return clean_title(middle[:start]), middle[start:].strip(" .,;:") or None
        return clean_title(middle), None
    if not has_tail:
        # No volume or pages: the first sentence is the title; what follows is a journal only
        # when it alone follows and names one ("Title. J Pediatr.": a list that dropped the rest).
        journal = middle[points[0] :].strip(" .,;:")
        named = len(points) == 1 and is_journal_name(journal) and _NAME_ALONE.fullmatch(journal)
        return clean_title(middle[: points[0]]), journal if named else None
    start = points[-1]
    # Extend the journal leftwards over abbreviated segments: "Brain Res. Dev. Brain Res."
    for i in range(len(points) - 1, 0, -1):
        segment = middle[points[i - 1] : points[i]].strip().rstrip(".")
        if _looks_like_abbreviation(segment):
            start = points[i - 1]
        else:
            break
    title = middle[:start].strip()
    journal = middle[start:].strip(" .,;:")
    if _reads_like_prose(journal):
        # "...in E. coli under starvation conditions EMBO J": the last stop was inside the title.
        inner = _unpunctuated_journal_start(journal)
        if inner:
            title = middle[: start + inner].strip()
            journal = journal[inner:].strip(" .,;:")
        else:
            title, journal = middle, ""
    return clean_title(title) if title else None, journal or None


def _reads_like_prose(segment: str) -> bool:
    """Several lower-case content words: a title, not a journal's name (which a writer may
    print in lower case: ``International journal of health geographics``)."""
    if _NAMED_AS_JOURNAL.match(segment):
        return False
    words = segment.split()
    lower = sum(1 for w in words if w[:1].islower() and w not in _PROSE_SMALL_WORDS and len(w) > 3)
    return lower >= 3


_NAMED_AS_JOURNAL = re.compile(
    r"(?i)^(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:journal|revista|zeitschrift|tidsskrift|tijdschrift)\b"
    r"(?:\s+[\w-]+){0,6}$"
)


def _unpunctuated_journal_start(middle: str) -> int | None:
    """Where the journal starts in "title words Journal Abbrev" printed without a full stop."""
    words = list(re.finditer(r"\S+", middle))
    start = None
    for i in range(len(words) - 1, -1, -1):
        word = words[i].group(0).strip(",")
        bare = word.rstrip(".")
        known = (
            bare in _JOURNAL_WORDS
            or (len(bare) == 1 and bare.isupper())
            or (bare.isupper() and len(bare) <= 5)
        )
        capitalised = word[:1].isupper() and word[1:].islower()
        right_known = i + 1 < len(words) and words[i + 1].group(0).rstrip(".,") in _JOURNAL_WORDS
        last = i == len(words) - 1
        if (
            known
            or (word in ("of", "and", "&") and start is not None)
            or (capitalised and (right_known or last))
        ):
            start = words[i].start()
            continue
        break
    if (
        start is not None
        and middle[:start].strip()
        and not middle[:start].rstrip().endswith(("of", "and", "&"))
    ):
        return start
    return 0 if start == 0 else None


def _looks_like_abbreviation(segment: str) -> bool:
    words = segment.split()
    if not words or len(words) > 4:
        return False
    return all(_ABBREV_WORD.match(w.rstrip(".,")) for w in words)


_STRAY_NUMBER = re.compile(r"^\d{1,3}\.\s+(?=[A-Z])")


def clean_title(title: str) -> str | None:
    # A bracketed note closes the title ("[Article in German]"): only its end is looked at,
    # so an unclosed "[" repeated all along a damaged string cannot make the search quadratic.
    head, end = title[:-200], title[-200:]
    title = (head + _BRACKET_NOTE.sub("", end)).strip()
    title = _REPORT_NUMBER.sub(
        "", title
    )  # "(Report No. Wai 2575)", "(NIH Publication No. 18-2059)"
    title = _STRAY_NUMBER.sub("", title)  # a line number of the PDF the reference came from
    title = title.strip(" ,;:")
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1]
    if len(title) >= 2 and title[0] in "\"“‘'" and title[-1] in "\"”’'":
        title = title[1:-1].strip().rstrip(",.")
    return title or None


DOCUMENT_WORDS = re.compile(
    r"(?i)\b(?:reports?|guidelines?|guidance|review|statement|survey|trends|facts?|sheet|manual|"
    r"data|strategy|plan|results|study|recommendations?|overview|briefing|summary|update|"
    r"handbook|textbook|encyclopedia|dictionary|book|what|how|why|when)\b"
)
"""Words that name a document or ask a question, not an organisation or a site."""
_TAB_SEPARATOR = re.compile(r"\s+[-–—|]\s+")
_SITE_WORD = re.compile(rf"^(?:[{UPPER}][^\W\d]*(?:['’&.-][^\W\d]*)*|of|for|and|the|on|in|&)$")
_DATED = re.compile(r"\b(?:1[89]|20)\d\d\b|[.!;]\s")


def tab_title(text: str) -> tuple[str, str] | None:
    """A page's title as a browser's tab shows it, copied without date or address:
    ``Healthy bodies for children and teens - Dietitians of Canada``, ``Screen time at home:
    Healthy habits - Canadian Paediatric Society - Caring for Kids``. The title and the site
    (the last name); None unless every part after the title is a short capitalised name that
    names no document (``Vitamin D - Health Professional Fact Sheet`` is one title)."""
    text = text.strip().rstrip(".")
    parts = _TAB_SEPARATOR.split(text)
    if not 2 <= len(parts) <= 3 or _DATED.search(text) or len(parts[0].split()) < 2:
        return None
    for name in parts[1:]:
        words = name.split()
        if not 1 <= len(words) <= 6 or not words[0][:1].isupper() or DOCUMENT_WORDS.search(name):
            return None
        if not all(_SITE_WORD.match(word) for word in words):
            return None
    if is_journal_name(parts[-1]):
        return None
    return parts[0].strip(), parts[-1].strip()


def site_name(middle: str, title: str) -> str | None:
    """The short sentence after a web page's title: the site that published it."""
    rest = middle.split(title, 1)[1] if title in middle else ""
    rest = rest.strip(" .,;:-–|")
    words = rest.split()
    if 1 <= len(words) <= 6 and rest[:1].isupper():
        return rest.rstrip(".")
    return None


_JOURNAL_MARKS = re.compile(
    r"(?i)\b(?:journal|j|annals|ann|archives|arch|proceedings|proc|bulletin|bull|quarterly|"
    r"transactions|trans|acta|plos|bmc|lancet|bmj|jama|nejm|cochrane\s+database)\b|\bissue\s+\d|"
    r"^(?:med|bio|chem|psy|soc|earth|tech|engr)rxiv\b|^arxiv\b|^research\s+square\b|^ssrn\b"
)
"""Words only a journal's name holds, and the preprint servers that stand where a journal does
(``Title. medRxiv. https://doi.org/10.1101/...``)."""


def is_journal_name(text: str) -> bool:
    """Whether ``text`` names a journal (``J Pain Res``, ``Lancet``, ``BMC Public Health``), not
    a web site or a publisher."""
    words = text.replace(".", " ").split()
    if not words or len(words) > 10 or "www" in text.lower():
        return False
    if _JOURNAL_MARKS.search(text):
        return True
    known = [w for w in words if w.strip(",()") in _JOURNAL_WORDS]
    return len(words) >= 2 and len(known) == len(
        [w for w in words if w.lower() not in _PROSE_SMALL_WORDS]
    )


_SERIES = re.compile(
    r"^(?P<title>.{3,}?)\s+\((?P<series>[A-Z][^\W\d]*(?:-[^\W\d]+)*(?:\s+[^\W\d][\w'’-]*){1,6})\)$"
)
"""A book's title with its series after it in parentheses, as booksellers print it:
``Obesity (Issues That Concern You)``, ``... of America (Watts Library)``."""


def without_series(title: str) -> str:
    """A book's title without the series printed after it: words in parentheses, two to
    seven, every one of four letters or more capitalised (``(and Loving It)`` is the title's)."""
    match = _SERIES.match(title)
    if match is None:
        return title
    words = match.group("series").split()
    if all(w[0].isupper() for w in words if len(w) >= 4) and not match.group("series").isupper():
        return match.group("title")
    return title


_DESIGNATION_AFTER = re.compile(
    r"\s*\((?:[^()]{0,50}?\b(?:No\.?|Number)\s*\d{1,4}|"
    r"(?:patient|public)\s+information)\)$",
    re.I,
)
"""A document's designation in parentheses after its title: ``(Green-top Guideline No. 60)``,
``(Good Practice No. 5)``, ``(Patient information)``; a bare code stays (NICE's titles end on
theirs: ``... adults (CG43)``)."""


def without_designation(title: str) -> str:
    """A guideline's, report's or page's title without its designation in parentheses."""
    match = _DESIGNATION_AFTER.search(title)
    return title[: match.start()] if match and match.start() >= 8 else title


_CHAPTER_LABEL = re.compile(r"^(?:Chapter|Chap\.|Ch\.)\s*\d{1,3}\s*[:.–—-]\s*(?=\S)")
_SITE_AFTER = re.compile(r"\s+[-–—|]\s+(?P<site>[^-–—|]{2,60})$")


def bare_title(title: str, following: list[str]) -> str:
    """A page's or chapter's title without what is printed with it: a chapter's label
    (``Chapter 7: Loss and Grief``), a report's number (``(Report No. Wai 2575)``), and a
    site's name after a dash when the entry names the
    same site next (``Glove use ... - Surewash. Surewash.``), as browsers title a page."""
    title = _REPORT_NUMBER.sub("", _CHAPTER_LABEL.sub("", title))
    site = _SITE_AFTER.search(title)
    if site and following and fold(site.group("site")) == fold(following[0].strip(" .,;:")):
        return title[: site.start()]
    return title
