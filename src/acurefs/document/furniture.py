"""The vocabulary of page furniture: lines that sit around a health article and are not its
prose, and the tests of a menu or a navigation line. Footers and "read more" lines, a
page's controls, markup lines and declarations, and what the held-out pages showed: a
journal's back matter, a PDF's running heads, small print, e-mail, press-release and
government-page lines, quotations' attributions and the links to a site's other pages.
:mod:`acurefs.document.blocks` decides, line by line and by position, which lines these are
and sets them aside.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

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
    r"^.{0,80}\((?:continued|cont(?:'|’)?d\.?|cont\.)(?:\s+(?:from|on)\s+(?:page|p\.)\s*\d{1,4})?\)\s*$|"
    r"^\s*(?:\d{1,4}\s+(?-i:[A-Z][A-Z'’&.,-]*)(?:\s+(?-i:[A-Z][A-Z'’&.,-]*))+|"
    r"(?-i:[A-Z][A-Z'’&.,-]*)(?:\s+(?-i:[A-Z][A-Z'’&.,-]*))+\s+\d{1,4})\s*$"
    r"|.{0,80}©\s*(?:19|20)\d\d\b.{0,80}$"
    r"|^\s*\d{1,4}\s+.{0,60}\b(?:19|20)\d\d\s*;\s*\d+\s*(?:\(\s*[\w\s-]+\))?(?:\s.{0,40})?$"
    r"|^.{0,60}\b(?:19|20)\d\d\s*;\s*\d+\s*(?:\(\s*[\w\s-]+\))?\s+\d{1,4}\s*$"
    r"|^.{0,80}\b(?i:page)\s+\d{1,4}\s*(?:of|/)\s*\d{1,4}\s*$|^\s*(?i:page)\s+\d{1,4}\s*(?:of|/)\s*\d{1,4}\b.{0,80}$"
)
"""A PDF page's running head or foot: a page number beside words in capitals (``46
LINDQVIST ET AL.``), a short line with a copyright year (``45 | press.example © 2025``), a
journal's page number beside its citation (``142   Indus J Clin Med 2024;12(3)   Open Access``), a
section's heading repeated on the next page (``Sore throats matter (continued)``, ``Ask the
Pharmacist (continued from page 22)``), or a leaflet's footer that counts its pages
(``TH-07-EN | version 4 | 14-01-2026   page 2 of 3``)."""
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
    r"^\s*(?:-?\s*ends\s*-?|#{3})\s*$|^\s*(?:from|to|cc|sent|subject)\s*:\s+\S|"
    r"^\s*is\s+this\s+page\s+useful\b|^\s*(?:opening\s+(?:hours|times)|presenter)\s*:|"
    r"^\s*(?:written|verified|approved|translated|produced|developed|maintained|presented)\s+by\s*:|"
    r"^\s*(?:fyi|fwd?|re)\s*[-:]\s",
    re.I,
)
"""A press release's ``ENDS``, an e-mail's or a government page's header lines (``From:
Department ...``, ``Subject: ...``, ``FYI - ...``), a leaflet's ``Written by:`` line, a page's
feedback line."""
SMALL_PRINT = re.compile(
    r"\bthis\s+(?:e-?mail|message)\s+and\s+any\s+attachments\b|\btrial\s+registration\s*:|"
    r"^\s*tel\.?\s*:?\s*\+?\(?\d|^\s*download\s+(?:this|the|our)\s+(?:leaflet|pdf|guide|page|booklet)\b|"
    r"^\s*try\s+[\w\s]{1,30}?\s+free\b|^\s*rated\s+\d(?:\.\d)?\s*(?:★|stars?|/\s*5)|^\s*★|"
    r"\b(?:content|text)\s+is\s+available\s+under\b",
    re.I,
)
"""An e-mail's confidentiality line, a trial registration, a telephone line, a download
control, a free-trial offer, a rating."""
ATTRIBUTION = re.compile(r"^\s*[-–—]?\s*[A-Z][a-z]+,\s*\d{1,3},\s*[a-z][\w\s,'’-]{2,60}$")
"""Who said a quoted line: ``Graham, 71, day therapy patient``."""
PAGE_FOOTER = re.compile(
    r"^\s*(?:retrieved\s+from\b|text\s+is\s+available\s+under\b|this\s+page\s+was\s+last|"
    r"(?:read|see)\s+(?:more|also|next)\s*:|also\s+read\s*:|related\s*:|recommended\s*:|"
    r"(?:advertisement|advert|sponsored(?:\s+content)?|ad|promoted)\s*$|"
    r"(?:address\s+)?correspondence\s+(?:to|should\s+be\s+addressed)\b|reprints?\s*:|"
    r"licen[cs]ed?\s+under\b|creative\s+commons\b|tagged\s*:|last\s+update\s*:|sort\s+by\s*:|"
    r"edit\s*\d*\s*:|click\s+here\b|(?:photo|image|picture|credit|caption)\s*:|shop\s+this\b|"
    r"related\s+reads?\s*:|join\s+[\d,]+\+?\s+(?:readers|subscribers|people)|sign\s+up\s+(?:for|to)\b|"
    r"prepared\s+by\b|author\s+information\b|this\s+leaflet\s+is\s+available\b|"
    r"\*?these\s+statements\s+have\s+not\s+been\s+evaluated\b|search\b.{0,40}\.\.\.\s*$|"
    r"!\[\[[^\]]*\]\]\s*$|\?\?\?\+?\s+\w+|free\s+(?:uk\s+|us\s+)?(?:delivery|shipping)\b)",
    re.I,
)
"""Lines every page carries around an article: "Read more: ...", "Retrieved from ...", a
licence, an advert label, where to send correspondence."""
_TAB = r"(?-i:[A-Z])[\w-]*(?:\s+[\w-]+){0,3}(?:\s*\(\d[\d,]*\))?"
"""A tab's label and its count (``Cited by (0)``, ``Similar documents``)."""
INTERFACE = re.compile(
    r"^\s*[—–-]*\s*(?:(?:view|show|hide|see)\s+(?:all\s+|more\s+|previous\s+)?(?:\d+\s+)?"
    r"(?:comments?|repl(?:y|ies)|answers?)\b|add\s+to\s+(?:basket|cart|bag|wishlist)|buy\s+now|shop\s+now|"
    r"like\s*(?:\(\d[\d,.]*k?\)|loading\b)|(?:like|reply|quote|report|share)(?:\s*[|·•(]?\s*(?:like|reply|quote|report|share)\b){1,}|"
    r"repost\b|member-only\s+story|(?:photo|image)\s+by\s+.{2,40}\s+on\s+(?:unsplash|pexels|pixabay|getty)|"
    r"most\s+relevant\b|(?:log|sign)\s+in\s+to\b|your\s+email\s+address\s+will\s+not\s+be\s+published|"
    r"leave\s+a\s+(?:reply|comment)\b|\d[\d,.]*k?\s+(?:comments?|replies|likes|followers|views)\b|"
    r"more\s+from\s+[A-Z]|load\s+more\b|responses?\s*\(\d[\d,.]*k?\)|show\s+(?:more|original)\b|view\s+(?:all|more)\s+(?:comments|replies)\b|"
    r"this\s+page\s+has\s+been\s+translated\b|use\s+code\s+\w+\b|continue\s+reading\b|"
    r"\(?(?:tap|click|swipe|scroll)\b.{0,30}?\bfor\s+more\)?\s*$|.*(?:\s[○◯☐□]\s.*){2}|"
    r"report\s+(?:a\s+)?problem\b|photo\s+shared\s+by\b|(?:subscribe\s+)?log\s+in\s+using\b|"
    r"buy\s+this\s+article\b|get\s+\d+\s*%\s+off\b|get\s+our\s+(?:free\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:e-?mail|newsletter)\b|support\s+(?:the\s+show|us|our\s+work)\s+on\s+patreon\b|"
    r"if\s+this\s+e-?mail\s+does\s+not\s+display\b|comments\s+are\s+closed\b|"
    r"i\s+am\s+a\s+bot\b|@[\w.]+\s+\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b|"
    r"\d{1,2}:\d{2}(?::\d{2})?\s+(?-i:[A-Z])[^.!?]{0,60}$|"
    r"(?:deleted|formatted|inserted|moved\s+(?:up|down|from|to))\s*:\s*\S|commented\s+\[[a-z]{1,4}\d+\]\s*:|"
    r"(?!(?:references?|notes|sources|bibliography|footnotes|endnotes|citations|works\s+cited)\b)"
    r"(?-i:[A-Z])[\w-]*(?:\s+[\w-]+){0,2}\s*\(\d[\d,]*\)\s*$|"
    r"(?=.*(?:\(0\)|\b(?:citations|comments|reviews|repl(?:y|ies)|answers|cited\s+by)\s*\(\d))"
    rf"(?:[\w-]+:\s*)?{_TAB}(?:\s*[,|·•]\s*{_TAB})+\s*$)",
    re.I,
)
"""Controls and notices of a page, a shop or a forum, not the article's words: a forum bot's
signature, a comment's handle and age (``@drpriya 2 weeks ago``), a video's chapter (``06:40
PREDIMED and the retraction``), a tab's label and its count alone on a line (``Images (3)``,
``Cited By (12)``; a reference list's heading is never one) or a row of tabs with their
tallies (``Non-patent citations (6), Cited by (0), Legal events``), a word processor's balloons
printed with a draft (``Deleted: (3)``, ``Commented [DW3]: ...``)."""
MARKUP_LINE = re.compile(
    r"^(?:[-*+]\s+)?(?:\[[ xX]\]\s|>\s*\[![A-Za-z-]+\][+-]?(?:\s+[^\n]{0,60})?$|\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|"
    r"\[/?(?:details|quote|poll|spoiler|summary|hide)\b[^\]]*\]\s*$|"
    r"[\w.-]+::\s|(?:SCHEDULED|DEADLINE|CLOCK|CLOSED):\s)|.*\[(?:name|time|color)=[^\]]*\]|"
    r"\s*\{%-?\s.*%\}\s*$|\s*\{\{-?\s.*\}\}\s*$|\s*\{:\s*[^}]*\}\s*$"
)
"""Lines that are markup, not prose: a task (``- [ ] Update the handout``), GitHub's
``> [!WARNING]``, a badge, BBCode (``[details="Sources"]``), an outliner's property
(``collapsed:: true``), an Obsidian callout's first line (``> [!tip] Exam pearl``),
org-mode's ``SCHEDULED:``, HackMD's ``[name=Tom]`` tags, a Liquid
tag or output alone on its line (``{% include figure.html %}``, ``{{ page.title }}``) and a
kramdown attribute list (``{: .notice--info}``)."""
DECLARATION = re.compile(
    r"^\s*(?:the\s+authors?\s+(?:have\s+|has\s+)?declared?\b|this\s+(?:study|work|research|project)\s+"
    r"was\s+(?:funded|supported)\s+by\b|i\s+confirm\s+(?:that\s+)?all\s+relevant\b|"
    r"may\s+be\s+an\s+image\s+of\b|missing\s+some\s+tweets\b|this\s+thread\s+was\s+unrolled\b|"
    r"rated\s+\d(?:\.\d)?\s+out\s+of\s+5\b)",
    re.I,
)
"""A paper's declarations, an image's generated description, a thread reader's notices,
a rating: about the page, not the health claims."""

UI_WORDS = frozenset(
    """home about contact blog blogs menu search subscribe subscribed subscription sign login log
    logout register account share shares shared facebook twitter x linkedin pinterest email e-mail
    print instagram youtube tiktok whatsapp reddit threads mastodon bluesky follow following
    followers like likes comment comments reply replies next previous prev post posts recent
    featured popular trending tags tag categories category archive archives read more skip jump
    content main navigation top bottom page back cookie cookies privacy terms policy policies
    accept reject decline settings preferences advertise advertising unsubscribe view browser
    forward colleague download downloads pdf export citation citations check updates get app
    start writing edit history talk tools donate shop cart store newsletter sitemap help faq
    faqs careers press login signup rss feed basic square permalink bookmark save copy link
    links menu close open toggle hide show contents update language english español français deutsch min minute minutes
    to on in of the and for by with us our your you me my all a an up now here this""".split()
)
"""Words of site furniture. A short line made mostly of them is navigation, not prose."""
CONTENT_UI = frozenset(
    """home about contact blog menu search subscribe sign login share facebook twitter linkedin
    pinterest email print instagram youtube whatsapp reddit follow comment comments reply next
    previous posts recent featured tags categories archives skip jump top bottom cookie cookies
    privacy terms accept reject settings preferences advertise unsubscribe browser colleague
    download pdf export updates app writing edit history donate newsletter rss square hide
    contents""".split()
)
"""The furniture words that are not also ordinary prose words: one must be present."""

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
BYLINE = re.compile(
    r"^\s*(?:(?:by|written\s+by)\s+(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})(?:\s*[,|·•(]|\s*$)|"
    r"posted\s+(?:by|on|in)\b|"
    rf"(?:published|updated|modified|posted)(?:\s+on)?\s*(?::|\d|{_MONTH}\s)|"
    r"last\s+(?:updated|reviewed|modified|edited|revised)|medically\s+reviewed|reviewed\s+by|"
    r"page\s+(?:last\s+)?(?:reviewed|updated)\b|you(?:'|’)?re\s+getting\s+this\s+because|"
    r"(?:\(?continued\s+(?:on|from)\s+page\s+\d+\)?)|next\s+week\s*:|"
    r"fact[- ]checked|author\s*:|posted\s*:|date\s*:|this\s+page\s+was\s+last|from\s+wikipedia|"
    r"main\s+articles?\s*:|see\s+also\s*:?|thanks\s+for\s+reading|was\s+this\s+(?:page|article)|"
    r"(?:page|slide)\s+\d+\s+of\s+\d+\b|(?:tags|categories|category|filed\s+under|posted\s+in|topics)\s*:|"
    r"(?:next|previous|prev|older|newer)\s+(?:post|article|story|entry)\b|"
    r"related\s+(?:posts|articles|stories|reading|content)\b|(?:share|follow)\s+(?:this|us|on)\b|"
    r"(?:leaflet\s+)?review(?:ed)?\s+date|next\s+review|last\s+reviewed|you\s+are\s+receiving|"
    r"not\s+to\s+be\s+confused\s+with|for\s+other\s+uses|this\s+article\s+is\s+about|"
    r"[\"“][^\"”]{1,80}[\"”]\s+redirects\s+here|publish\s+your\s+work|submit\s+your\s+manuscript)",
    re.I,
)
"""A byline, a date stamp or a line of a page's furniture that opens with its words
(``By Priya Raman``, ``Last reviewed``, ``Share this``)."""
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{4}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})"
STAMPED = re.compile(
    rf"(?:^|·)\s*\*?\s*(?:(?:last\s+)?(?:edited|updated|reviewed|published|posted|shared\s+from)\b|"
    rf"medically\s+reviewed|{_DATE}\s*\*?\s*(?:·|$))|\b\d{{1,3}}\s+min(?:ute)?s?\s+read\b",
    re.I,
)
"""One half of a line set apart by ``·`` that stamps the page: a date, an edit or a review,
a reading time (``Dr. Ahmed Houmed Ali · March 11, 2025``, ``Shared from Craft · Last edited
02.03.2025``, ``Environmental health team · 5 min read``)."""
DATE_LINE = re.compile(
    rf"^\s*(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d\d-\d\d|"
    rf"\d{{1,2}}/\d{{1,2}}/\d{{2,4}})(?:\s*[·|•-]\s*[\w\s]{{0,30}})?\s*$",
    re.I,
)
"""A line that is only a date (``March 3, 2021``, ``2021-03-03 · 5 min``)."""
COMMENTS_HEADING = re.compile(
    r"^(?:#{1,6}\s*)?(?:\d[\d,]*(?:\.\d+k|k)?\s+)?(?:comments?|responses?|replies)(?:\s*\(\d[\d,.]*k?\))?\s*:?$|"
    r"^(?:leave\s+a\s+(?:reply|comment)|join\s+the\s+(?:discussion|conversation)|reader\s+comments|"
    r"what\s+(?:readers|people)\s+(?:say|are\s+saying)|discussion\s+about\s+this\s+(?:post|article))"
    r"\s*:?$|"
    r"^(?:\d{1,5}|one|two|three)\s+(?:thoughts?|responses?|comments?|replies)\s+(?:on|to)\s+[\"“‘'].{1,150}$",
    re.I,
)
"""The heading over a page's reader comments (``14 Comments``, ``1.2k Responses``; not a
numbered section, ``4. Response``); Substack's ``Discussion about this post``, WordPress's
``2 thoughts on “Title”``."""
BODY_HEADING = re.compile(
    r"(?i)(?:\d{1,2}\.?\s+)?(?:introduction|background|methods|results|discussion|conclusions?)"
    r"\s*:?"
)
"""The heading that opens an article's body (``Introduction``, ``1. Background``): a
journal's header above it has ended."""


def navigation(words: Sequence[str]) -> bool:
    """Mostly words of site furniture, one of them not an ordinary prose word."""
    folded = [w.lower().strip("'’-") for w in words]
    ui = sum(1 for w in folded if w in UI_WORDS)
    return ui * 10 >= len(folded) * 7 and any(w in CONTENT_UI for w in folded)


BARS = re.compile(r"\s\|\s.*\s\|\s")
"""Two pipes set off by spaces: a line of a page's offers, links or labels."""
BARRED_WORDS = 12
"""Words each part between pipes has at most (``Free click & collect on orders over £15``)."""


def menu(text: str) -> bool:
    """``Evidence Roundup | Spring 2023 | Issue 14``: short segments between separators."""
    parts = [p.strip() for p in re.split(r"\s(?:\||›|»|>|·|∙|•)\s|\s?\|\s?", text)]
    parts = [p for p in parts if p]
    if len(parts) == 1:
        return _menu_bar(text)
    if len(parts) == 2 and sum(len(p.split()) for p in parts) <= 4:
        return True  # "Nutrition · Explainer": a section and a label
    if len(parts) < 3:
        return False
    ended = sum(p.endswith((".", "!", "?")) for p in parts[:-1])
    if BARS.search(text) and not text.startswith("|"):
        # Pipes set apart a page's offers, links and labels; nobody writes prose with them.
        return ended == 0 and all(len(p.split()) <= BARRED_WORDS for p in parts)
    if ended or parts[-1].endswith((".", "!")):
        return False  # a breadcrumb's last part may be a question: "... > Should I test?"
    return all(len(p.split()) <= 6 for p in parts)


MENU_WORDS = frozenset(
    """home contact help account login basket cart search menu donate subscribe sitemap
    shop register""".split()
)
"""Words a site's menu bar has and a heading seldom has two of."""
MENU_BAR_WORDS = 8
"""Words a menu bar without separators has at least (a heading has fewer)."""


def _menu_bar(text: str) -> bool:
    """``Home Get support Vaping to quit Medicines Contact``: a menu copied without its
    separators, mostly capitalised, two of its words a menu's."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    if len(words) < MENU_BAR_WORDS or text.rstrip().endswith((".", "!", "?", ":", ",")):
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised * 2 >= len(words) and len({w.lower() for w in words} & MENU_WORDS) >= 2


AUTHOR_NOTE = re.compile(
    r"^\W*(?:about\s+the\s+(?:author|writer)s?\s*:?\s*)?(?:(?-i:Dr|Prof|Professor|Mr|Mrs|Ms|Revd)\.?\s+)?"
    r"(?-i:[A-Z][a-z]+(?:[ -][A-Z][a-z'’-]+){1,2})(?:,?\s+(?-i:[A-Z][A-Za-z]{1,9}))*\s+"
    r"(?:is|has\s+been|was|works\s+as)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:GP|doctor|physician|nurse|midwife|pharmacist|physio(?:therapist)?|nutritionist|"
    r"dietitian|journalist|writer|editor|psychologist|psychiatrist|consultant|surgeon|dentist|"
    r"optometrist|chiropractor|osteopath|coach|trainer|lecturer|professor|practitioner|"
    r"therapist|columnist|reporter|blogger)s?\b",
    re.I,
)
"""A note about the article's writer: ``Rachel Penhallow is a health journalist who ...``,
``Dr Helen Marsh is a GP in ...``, ``Priya Kendal MRPharmS is the superintendent pharmacist``."""


_PARTICLES = r"(?:bin|binte|binti|bint|ibn|s/o|d/o|a/l|a/p|al|el|van|von|der|den|de|da|di|du|del|della|dos|das|le|la|ter|ten)"
_AFFILIATION = "\\d*†‡§,¹²³⁴⁵⁶⁷⁸⁹⁰˒)"
_NAME_WITH_NUMBER = re.compile(
    rf"(?:[A-Z](?:[^\W\d_]|['’-])+(?:\s+[A-Z]\.?)*(?:\s+(?:{_PARTICLES}\s+)*[A-Z](?:[^\W\d_]|['’-])+)+|"
    rf"(?:[A-Z]\.\s?)+(?:{_PARTICLES}\s+)*[A-Z](?:[^\W\d_]|['’-])+(?:\s+[A-Z](?:[^\W\d_]|['’-])+)?)"
    rf"\s?[{_AFFILIATION}]{{1,8}}(?=\s*(?:,|and\b|&|$))"
)
"""A name and its affiliation marks: ``Peter Grant1``, ``J. de Vries¹``, ``P. Jansen¹˒³``,
``Kenta Ishibashi1,3)`` (Japan's closing parenthesis)."""
_GROUP_AFTER = re.compile(
    r"(?i)(?:,?\s*(?:and|&)|,?\s*on\s+behalf\s+of)\s+(?:the\s+)?[\w\s'’-]{1,50}?"
    r"(?:group|partners|investigators|collaborators|team|consortium|committee|network)\s*$"
)
"""``... and the DAPA-CKD patient partners``: a group closing an author list."""
SENTENCE_STOP = re.compile(
    r"[.!?…][\"”’')\]]*(?:\s*(?:\[\d[\d,\s–-]*\]|\(\d[\d,\s–-]*\)|[\d,–-]{1,12}|[¹²³⁰-⁹⁻,˒‧]+))?\s*$"
)
"""A line that ends like a sentence (its markers after the stop included: ``hope.¹˒²``)."""


_LINE_NUMBER_FIRST = re.compile(r"^\d{1,5}\s+(?=[A-Z])")


def author_list(text: str) -> bool:
    """``Peter Grant1, Lena Novak2``: names each with an affiliation number, and nothing else."""
    text = text.lstrip("○●◎◯ ")  # "○Haruka Moriyama1), ...": the presenter marked
    text = _LINE_NUMBER_FIRST.sub("", text)  # "4    Nguyen Thi Thu Ha1, ...": a preprint's line
    names = _NAME_WITH_NUMBER.findall(text)
    if len(names) < 1 or SENTENCE_STOP.search(text.rstrip("0123456789*†‡§, ¹²³⁴⁵⁶⁷⁸⁹⁰˒)")):
        return False
    rest = _GROUP_AFTER.sub("", _NAME_WITH_NUMBER.sub("", text))
    return not re.sub(r"[\s,&]|\band\b", "", rest)


_PAGE_NUMBER = re.compile(r"\d+")
_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})*[.)]?\s")
REPEATS = 2
"""Times a short line must occur to be a page's running head or foot."""


def repeated_lines(lines: Sequence[str]) -> set[int]:
    """The lines (by index) that a document copied from a PDF repeats on each page: a short
    line, no sentence, no heading mark or bullet, printed at least :data:`REPEATS` times once
    its page numbers are set aside (``Wales Policy Research | Minimum unit pricing``,
    ``www.example.org      2``)."""
    keys: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        text = " ".join(line.split())
        words = text.split()
        if not 2 <= len(words) <= 12 or text[0] in "#>-*•|" or SENTENCE_STOP.search(text):
            continue
        if _SECTION_NUMBER.match(text) or _LIST_HEADING.match(text):
            continue  # "1. Working nights": a section's heading, and its line in the contents;
            # "📌 Sources:" over each post's own list
        keys.setdefault(_PAGE_NUMBER.sub("#", text), []).append(i)
    return {i for found in keys.values() if len(found) >= REPEATS for i in found}


_PAGE_NUMBER_LINE = re.compile(r"\s*\d{1,4}\s*")
_RUNNING = "running head or foot, repeated on each page"


def page_furniture(
    lines: Sequence[str], taken: Collection[int], cites: Callable[[int], bool]
) -> dict[int, str]:
    """The lines (by index, not ``taken``) a document copied from a PDF prints on each page,
    and why: its running heads and feet (:func:`repeated_lines`; none that ``cites``), and a
    number alone next to one, the page's number, which would otherwise cut a sentence that
    runs on over the page break (``less likely to have`` / ``8`` / foot / head / ``9`` /
    ``died.4``)."""
    heads = {i for i in repeated_lines(lines) if i not in taken and not cites(i)}
    beside = {j for i in heads for j in (i - 1, i + 1) if 0 <= j < len(lines) and j not in taken}
    numbers = {j for j in beside - heads if _PAGE_NUMBER_LINE.fullmatch(lines[j])}
    found = dict.fromkeys(numbers, "page number, beside a running head or foot")
    return found | dict.fromkeys(heads, _RUNNING)


def heads_over_a_break(lines: Sequence[str], feet: Collection[int]) -> list[int]:
    """The next page's running head, printed once, between a page's foot (``feet``: line
    indices) and the rest of a sentence the page break cut (``... twice a day and`` / foot /
    ``Raynaud’s phenomenon – patient information`` / ``increased slowly.``): a short line with
    no stop, set aside so that the sentence joins up again."""
    out = []
    for i in sorted(feet):
        if not 1 <= i < len(lines) - 2:
            continue
        before, head, after = lines[i - 1], lines[i + 1].strip(), lines[i + 2].lstrip()
        if SENTENCE_STOP.search(before) or before.rstrip()[-1:] in ":;" or not after[:1].islower():
            continue  # the sentence before the foot ended, or the one after starts anew
        if 1 <= len(head.split()) <= 10 and not SENTENCE_STOP.search(head):
            out.append(i + 1)
    return out


_LIST_HEADING = re.compile(
    r"(?i)^[^\w\s]{0,3}\s*(?:references?|refs\.?|sources?|bibliography|notes|endnotes|footnotes|citations?|"
    r"works\s+cited)\s*:?$"
)
"""A reference list's heading, however often a page repeats it (a channel's posts each with
its own list): never a running head."""
LIST_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
"""A list item's bullet or number at a line's start."""


def completes_lead_in(lines: Sequence[str], i: int) -> bool:
    """Whether line ``i`` is a bulleted item, its first word in lower case, under a line that
    ends with a colon: the list finishes that line's sentence (``SEE A DOCTOR IF:`` / ``• a
    fever lasts more than 3 days``), the page's text and not its furniture."""
    bullet = LIST_BULLET.match(lines[i])
    if not bullet or not lines[i][bullet.end() :][:1].islower():
        return False
    j = i - 1
    while j >= 0 and LIST_BULLET.match(lines[j]):
        j -= 1
    return j >= 0 and lines[j].rstrip().endswith(":")


_CITING_POINT = re.compile(
    r"^\s*[•▪◦‣·*–-]\s+[A-Z][^\n]*\s[a-z]{3,}\d{1,2}(?:[,–-]\d{1,2})*[ \t]*$"
)


def cites_at_its_end(line: str) -> bool:
    """A bulleted point whose last word carries flattened citation digits (``• Most colds
    settle without antibiotics3-5``; not a unit's exponent, ``cells/mm3``): a take-home point
    of the article, not a footer."""
    return bool(_CITING_POINT.match(line))


REFERENCES_HEADING = re.compile(
    r"(?im)^[ \t]*(?:(?:[-*+][ \t]+)?#{1,6}[ \t]*|h[1-6]\.[ \t]+)?(?:\*\*|__)?[ \t]*"  # "h3. " (Jira)
    r"(?:[^|/·•\n]{1,40}[ \t]+[|/·•][ \t]+)??"  # "Ngā tohutoro | References", "Slide 14 · References"
    r"(?:[【〔［「『《\U0001F300-\U0001FAFF\u2600-\u27BF]\uFE0F?[ \t]*)?"  # "【References】", "📌 Sources:"
    r"(?:(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)[ \t]+)?"  # a numbered section: "5. REFERENCES", "VII. References"
    r"(?P<title>references?|refs\.?|reference\s+list|sources?(?:\s+cited)?|bibliography|notes|endnotes|"
    r"bibliographie|bibliograf[ií]a|r[ée]f[ée]rences|referencias|refer[êe]ncias|riferimenti|"
    r"literatur(?:verzeichnis)?|litteratur|kirjallisuus|quellen|fuentes|fontes|"  # abroad
    r"footnotes|citations?|works\s+cited|literature(?:\s+cited)?|cited\s+literature|"
    r"references\s+and\s+notes|scientific\s+references|studies\s+cited|research\s+cited|"
    r"(?:key|selected|main)\s+(?:references|sources)|evidence\s+(?:sources|used)|"
    r"where\s+(?:this|our|the)(?:\s+(?:advice|information|evidence))?\s+comes?\s+from|"
    r"(?:papers|studies|research|articles|trials|evidence)\s+(?:mentioned|discussed|referenced))"
    r"(?:[ \t]+(?:used|cited|consulted))?"  # "References used in this fact sheet"
    r"(?:[ \t]+(?:for|to|in)[ \t]+[\w ,'’-]{1,40})?"  # "Sources for Part 1"
    r"(?:[ \t]*[:–—-][ \t]*(?:chapter|part|section|unit|lesson|module|session|week|day)"
    r"[ \t]+[\w.]{1,6})?"  # "Endnotes: Chapter 3"
    r"(?:[ \t]+[|/][ \t]+[^|/\n]{1,40})?"  # "References | Références"
    r"(?:[ \t]*\([^()\n]{1,60}\))?"  # "Sources (since someone always asks):"
    r"[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*(?:\[edit\]|\{#[\w-]+\}|:id=[\w-]+|[^\w\s\[\](){}#*]{1,3})?[ \t]*$"
)
"""A reference list's heading: ``References``, ``5. REFERENCES``, ``Sources used in this fact
sheet``, ``📌 Sources:``, ``Ngā tohutoro | References``, docsify's ``## References :id=refs``."""

SIGNATURE = re.compile(
    r"^\s*[A-Z][\w'’-]+(?:\s+[A-Z]\.?)*(?:\s+[A-Z][\w'’-]+){1,2},\s*(?:MD|PhD|DO|MBBS|MBChB|"
    r"FRCP\w*|MPH|MSc|BSc|RN|DPhil|MRCP|FACP|PharmD|MPharm|BPharm|MRPharmS|RPh|DC|LAc|MA|MS)\b"
)
"""A letter's signature or a byline with degrees: ``Jonas Berglund, MD Department of ...``."""
JOURNAL_LINE = re.compile(
    r"(?:19|20)\d\d\b[^;\n]{0,24};\s*\d+\s*(?:\(\s*[\w\s-]+\))?\s*:|"  # 2019 Mar 4;12:811  2014; 43 (5):
    r"\bdoi\s*:?\s*10\.\d{4,}|\|\|\s*doi|^\s*\[?[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,6}\.?\s+"
    r"(?:19|20)\d\d\s*(?:[A-Z][a-z]{2}\s*\d{0,2})?\s*;",
    re.I,
)
"""A journal page's bibliographic header line: ``J Pain Res. 2019 Mar 4;12:811.``, a DOI."""
METADATA = re.compile(
    r"^\s*(?:©|\(c\)\s|copyright\s+(?:©\s*)?\d|all\s+rights\s+reserved|registered\s+in\s+[A-Z]|"
    r"how\s+to\s+cite|cite\s+this|open\s+access\b|article\s+metrics|total\s+views|"
    r"(?:received|accepted|published(?:\s+online)?|revised|citation|correspondence|"
    r"corresponding\s+author|keywords?|key\s+words|provenance(?:\s+and\s+peer\s+review)?|"
    r"competing\s+interests?|conflicts?\s+of\s+interests?|declarations?|funding|disclosures?|"
    r"academic\s+editor|edited\s+by|views|downloads|doi|pmid|pmcid|issn|e-?mail)\s*(?::|\d))",
    re.I,
)
"""An article's history and small print: ``Received: 3 May 2021``, ``Funding:``, ``© 2020``."""
AFFILIATION_LINE = re.compile(
    r"^\s*(?:(?-i:[\d*†‡§¶a-f]{1,2})[.)]?\s+|\d{1,2}(?=[A-Z])|[¹²³⁴⁵⁶⁷⁸⁹*†‡§]\s*)(?:the\s+)?(?:\w+\s+){0,3}?"
    r"(?:department|dept\.?|school|faculty|division|institute|university|centre|center|hospital|"
    r"college|clinic|laboratory|unit|program|programme|research)\b",
    re.I,
)
"""An author's numbered affiliation: ``2 Department of Surgery, ...``."""
COOKIES = re.compile(
    r"\bcookies?\b.*\b(?:accept|consent|preferences|settings|agree)|"
    r"\b(?:we|this\s+(?:site|website))\s+uses?\s+cookies|"
    r"\b(?:use|set)\s+(?:additional\s+|some\s+|essential\s+|analytics\s+|optional\s+)?cookies\b",
    re.I,
)
"""A cookie banner's sentence."""
CONTACT = re.compile(
    r"(?:\(0\d{1,4}\)|\b0\d{2,4}|\+\d{1,3}[ -]?\d{1,4}|\b\d{3})[ -]\d{3,4}[ -]?\d{3,4}\b|"
    r"\b(?:call|phone|ring|text|email|e-mail)\s+(?:us|our\s+\w+)\b|\bbook\s+(?:online|now|an?\s+appointment)\b|"
    r"\b(?:telephone|tel\.?|phone|line|number|vicarage|office)\s*:?\s*\+?\d{3}[ -]\d{4}\b|"
    r"\btext\s+[A-Z]+\s+to\s+\d",
    re.I,
)
"""Contact details and calls to action: a phone number, "call us", "book online"."""
