"""What a page says about its own business: what a visit costs and how long it takes.

Clinic and shop pages state prices and timetables in the same breath as their claims
("A 60-minute massage costs $95", "Sessions last 30 minutes"); these cues set them apart, so
that :mod:`.evidential` does not ask a source for them. Each cue is matched against the
lower-cased sentence, as all of :mod:`.evidential`'s are (see :func:`cue`).
"""

from __future__ import annotations

import re


def cue(pattern: str) -> re.Pattern[str]:
    """A cue's pattern, matched against the lower-cased sentence (one ``lower()`` per
    sentence is about twice as fast as ``re.IGNORECASE`` on every pattern)."""
    if re.search(r"(?<!\\)(?<!\(\?P<)[A-Z]", pattern):
        raise ValueError(f"a cue is matched against lower-cased text: {pattern[:40]!r}")
    return re.compile(pattern)


LOGISTICS = cue(
    r"^\s*(?:review|quiz|discussion|practice|exam|test\s+yourself)\s+questions?\s*\d*\s*:|"  # a prompt
    r"\b(?:clinic|opening|office|surgery|visiting)\s+hours\s+(?:[\w'’-]+\s+){0,4}?(?:are|run)\b|\bwalk-ins?\s+(?:are\s+)?welcome\b|"
    r"^\s*(?:the|your|each|an?|our)\s+(?:[\w-]+\s+){0,2}?(?:procedure|operation|appointment|assessment|"
    r"consultation|session|visit|scan|test|surgery|class|course)\s+(?:usually\s+|normally\s+|only\s+)?"
    r"(?:takes|lasts|will\s+take)\b|"
    r"\b(?:session|appointment|visit|class|course|assessment|consultation)\s+(?:that|which)\s+"
    r"(?:takes|lasts)\s+(?:about\s+|around\s+|roughly\s+|only\s+|just\s+)?(?:\d+|an?|one|two|"
    r"five|ten|fifteen|twenty|thirty|forty-five|sixty)\b|"
    r"\b(?:included|includes?)\s+in\s+(?:every|your|each|all|the)\s+(?:[\w-]+\s+)?(?:membership|plan|"
    r"package|price|fee|subscription)s?\b|"
    r"\b(?:sessions|appointments|visits|classes|courses|lessons|consultations|assessments)\s+(?:usually\s+|"
    r"normally\s+)?(?:last|take)\s+(?:about\s+|around\s+|roughly\s+|up\s+to\s+)?(?:\d+|an?|one|two|"
    r"five|ten|fifteen|twenty|thirty|forty-five|sixty)\s+(?:minutes|hours?)\b|"
    r"\b(?:sessions|clinics|classes|lessons|groups|courses)\s+(?:[\w-]+\s+){0,5}?(?:run|are\s+held|"
    r"take\s+place|meet)\s+(?:on|every|each|weekly|twice)\b|"
    r"\b(?:open|runs?)\s+(?:from|until|till|to)\s+(?:\d{1,2}(?:[.:]\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.)|noon|midday)(?!\w)|"
    r"\bseven\s+days\s+a\s+week\b|"
    r"\bwill\s+be\s+\w+ed\s+(?:at|on|in)\s+(?:a|the)\s+(?:later|next|following|separate)\s+"
    r"(?:session|date|visit|appointment|clinic|day)\b|\b(?:is|are)\s+attached\s+(?:as|at|to|in)\b"
)
"""How long the reader's own procedure or visit takes: "The operation takes about 15 minutes and
you will be awake throughout", "a short training session that takes about 15 minutes": what to
expect, not a finding. So is a timetable: "Group classes run on Saturday mornings, and lessons
last 30 minutes"."""
PRICE = cue(
    r"^[^.:]{3,40}:\s*[£$€]\s?\d[\d.,]*(?:,|\s*$)|"  # a price list's line: "Eye check: €39, ..."
    r"\b(?:day\s+)?(?:passes|pass|hire|rentals?|tickets?|entry|admission)\s+(?:is|are|costs?)\s+"
    r"(?:only\s+|just\s+)?[£$€]\s?\d|"  # "Day passes are $22, and shoe hire is $6"
    r"\b(?:stay|package|session|course|programme|program|night)s?\b[^.]{0,60}\bcosts?\s+"
    r"(?:[£$€]\s?\d|\d[\d,.]*\s?(?:czk|kč|pln|zł|huf|sek|nok|dkk|chf|eur|usd|gbp|aud|nzd|cad|inr|zar)\b)|"
    r"[£$€]\s?\d[\d.,]*\s+each\b|[£$€]\s?\d[\d.,]*\s+a\s+(?:session|class|lesson|visit)\b|\b(?:two|three|four|five|\d)\s+for\s+[£$€]\s?\d|"  # a shop's price
    r"\b(?:costs?|priced\s+at|is|are)\s+[£$€]\s?[\d,.]+\s+(?:plus|\+|excl(?:uding|\.)?|incl(?:uding|\.)?|inc\.)\s+(?:gst|vat|hst|pst|qst|"
    r"sales\s+tax|tax(?:es)?|shipping|postage|delivery|p&p)\b|"  # "$395 plus GST": a price asked
    r"\bdeductible\b|\bco-?insurance\b|\bcosts?\s+(?:more\s+than\s+|up\s+to\s+|about\s+)?[£$€]\s?\d[\d.,]*\s+"
    r"(?:(?:a|per)\s+(?:tube|bottle|box|pack|jar|tub|bag|tin|pair)|over\s+the\s+counter)\b|"
    r"^\s*(?:an?|one)\s+(?:tube|bottle|box|pack|packet|jar|tub|bag|tin|pair)\s+of\b[^.]{0,60}\bcosts?\s+"
    r"(?:about\s+|around\s+|only\s+|just\s+)?[£$€]\s?\d|"  # "A tube of cream costs about £5"
    r"\bgift\s+of\s+(?:[a-z]{1,3})?[£$€]\s?\d|\bfree\s+(?:delivery|shipping|postage)\s+(?:on|for|in)\b|"
    r"[£$€]\s?\d[\d.,]*\s+(?:gift|donation)\s+(?:pays|buys|covers|funds|provides)\b|"  # "A £15 gift pays for"
    r"\bwith\s+(?:any|every|each)\s+(?:purchase|order|spend)\b|"  # "Free check with any purchase over €20"
    r"\braised\s+of\s+.{1,30}\bgoal\b|\b\d[\d,]*\s+donors\b|"
    r"^\s*(?:monthly\s+|annual\s+|hourly\s+|weekly\s+)?(?:pay|salary|wages?|stipend|fees?)\s*:|"
    r"\b(?:co-?pay|per\s+(?:session|visit|appointment|class|month|person|trip|ride|night|ticket|tour|"
    r"child|adult)|for\s+members|members\s+can|"
    r"save\s+\d+\s*(?:%|per\s?cent)|"
    r"claim\s+up\s+to|\d+\s*%\s+off|first\s+order|gift\s+vouchers?)\b|"
    r"^\s*(?:intro(?:ductory)?|special|launch|limited|new\s+client)\s+offer\b|"
    r"\b(?:sessions?|classes|visits|lessons|treatments)\s+for\s+(?:only\s+|just\s+)?[£$€]\s?\d|"
    r"\b(?:session|massage|assessment|consultation|appointment|class|visit|test|kit|course|"
    r"programme|program|membership|subscription|premium|plan|package|sleeve|bypass|band|operation|"
    r"procedure|surgery)\s+costs?\s+[£$€]|\bcosts?\s+[£$€]\s?[\d,.]+\s+(?:a|per)\s+(?:month|year|week)\b|"
    r"\b(?:fixed\s+)?(?:price|fee)s?\b[^.]{0,40}[£$€]\s?\d|^\s*from\s+[£$€]\s?\d|"
    r"\b(?:reduced|discounted|special|concession(?:ary)?|student|member|early[\s-]bird)\s+"
    r"(?:rate|price|fee)\s+of\s+[£$€]\s?\d|"
    r"\bfor\s+[£$€]\s?[\d,.]+\s+(?:a|per)\s+(?:month|year|week)\b|\bfree\s+trial\b|"
    r"\bstarts?\s+(?:at|from)\s+[£$€]\s?\d|^\s*free\s+(?:[\w-]+\s+)?(?:delivery|shipping|returns?|postage)\b|"
    r"\bfrom\s+[£$€]\s?[\d,.]+\s+(?:a|an|per)\s+\w+|"
    r"\b(?:donate|give|pledge)\s+[£$€]\s?\d|\b(?:charge|pay)s?\s+(?:more\s+than\s+|up\s+to\s+|from\s+|only\s+)?[£$€]\s?\d|"
    r"\b(?:first|next|single|each)\s+[a-z]+\s+(?:is|costs)\s+[£$€]\s?\d|[£$€]\s?\d[\d,.]*\s+(?:you\s+)?(?:give|donate|raise)\b|\badd\s+to\s+(?:basket|cart|bag)\b|\bbuy\s+now\b|"
    r"\b[a-z]+\s+costs?\s+[£$€]\s?\d{1,4}(?:\.\d\d)?(?!\d|[,.]\d|\s*(?:million|billion|bn|m)\b)|"
    r"[£$€]\s?\d{1,4}(?:\.\d\d)?(?![\d,]|\s*(?:million|billion|bn|m)\b)[^.!?]{0,60}?[;,]\s*[^.!?]{0,40}?"
    r"[£$€]\s?\d{1,4}(?:\.\d\d)?(?![\d,]|\s*(?:million|billion|bn|m)\b)|"
    r"[£$€]\s?[\d,.]+\s+for\s+(?:a|an|one|two|three|four|five|six|ten|\d+)\s+[\w-]*\s*"
    r"(?:pass|sessions?|classes|visits|lessons|pack|bundle|block)\b|\b(?:deposit|booking\s+fee)\s+of\s+[£$€]|"
    r"\bcosts?\s+(?:\w+\s+){0,2}?[\d,.]+(?:\s+to\s+[\d,.]+)?\s+(?:rials?|rupees?|pesos?|naira|shillings?|"
    r"dirhams?|euros?|reais|yuan|yen|won|vatu|ringgit|baht|rand|cedis?|kwacha|taka|soles|lei|kroner|kronor|"
    r"zloty)\b"
)
"""What a service or product costs a customer: clinic information, not a finding about costs."""
