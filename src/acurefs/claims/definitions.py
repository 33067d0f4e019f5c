"""What a sentence that defines, explains the purpose of or dates a practice looks like: the
cues that make a sentence no claim to source, however many words of effect it holds."""

from __future__ import annotations

from .business import cue

DEFINITION = cue(
    r"^\s*[\w\s()/-]{2,60}?\s(?:is|are)\s(?:a|an|the)\s(?:[\w-]+\s){0,3}(?:practice|technique|"
    r"therapy|treatment|form|type|method|system|approach|condition|disorder|programme|program|"
    r"term|word|tradition|discipline|procedure|vitamin|hormone|nutrient|test|scan|level|measure|index|"
    r"pigment|protein|prescription|"
    r"mixture|combination)s?\b|\b(?:is|are)\s+(?:usually\s+|generally\s+|often\s+|commonly\s+)?defined\s+as\b|"
    r"\b(?:is|are)\s+(?:usually\s+|generally\s+|often\s+)?considered\s+(?:to\s+be\s+)?(?:in\s+)?[\w-]+\s+when\b|"
    r"^\s*(?:an?\s+|the\s+)?[\w\s-]{2,40}?\s(?:is|are)\s(?:called\s+|considered\s+)?[\w-]+(?:,\s+or\s+[\w-]+,)?\s+"
    r"(?:if|when)\s+(?:born|it\s+is|they\s+are)\b|"  # "A baby is premature, or preterm, if born before"
    r"\busual\s+threshold\s+for\b|^\s*the\s+(?:usual|standard|recommended|normal|typical)\s+(?:adult\s+|starting\s+)?"
    r"dose\b|"
    r"\brefers?\s+to\b|(?<!\bwhich\s)(?<!\bthis\s)(?<!\bthat\s)\bmeans\b|,\s+(?:sometimes|also|often)\s+(?:called|known\s+as)\b|"
    r"\b(?:is|are)\s+simply\s+(?:the|a|an)\s+(?:time|distance|number|amount|measure|way|name|term)\b|\b(?:is|are)\s+(?:often\s+|sometimes\s+|also\s+)?(?:called|nicknamed|dubbed)\b|\bcomes\s+in\b|\bis\s+measured\s+in\b|\bcounts?\s+as\s+[\'‘\"“]|"
    r"\bis\s+(?:usually\s+|often\s+|generally\s+)?diagnosed\s+(?:when|after|if|once)\b|"
    r"\b(?:originated|has\s+been\s+(?:practi[sc]ed|used)|for\s+thousands\s+of\s+years)\b|"
    r"\bregarded\s+as\s+(?:deficient|normal|low|high)\b|\bclassif(?:y|ies|ied)\s+[\w\s-]{2,60}?\s+as\s+"
    r"(?!(?:an?\s+)?(?:cause|carcinogen|carcinogenic|group\s+\d|probably|possibly|known|risk|harmful|safe|"
    r"effective|dangerous)\b)"
)
PURPOSE = cue(
    r"^\s*(?!(?:it|this|that|they|these|those)\b)[\w\s()/'’-]{2,60}?\s(?:is|are)\s(?:(?:a|an|the)\s"
    r"(?:[\w-]+\s){0,3}?|(?!(?:also|often|sometimes|commonly|usually|widely|mainly|mostly|now|still|"
    r"being|not|generally|typically)\b)[\w-]+\s)(?:used|intended|"
    r"designed|taken|given|prescribed|focused|practi[sc]ed|made)\s(?:to|for|on|as|from|after|before|during|"
    r"once|twice|daily)\b|"
    r"\b(?:is|are)\s+given\s+(?:as|by)\s+(?:an?\s+)?(?:drops?|injections?|jabs?|tablets?|sprays?|mouth)\b|"
    r"^\s*[\w\s()/'’-]{2,60}?\s(?:uses?|involves?)\s+(?:an?|the)\s+[^.]{2,80}?\bto\s+(?:look|see|check|"
    r"examine|view)\b|"
    r"^\s*[\w\s(),/'’-]{2,80}?\s(?:is|are)\s+(?:when|the\s+(?:term|name)\s+for)\b|"
    r"^\s*[\w\s()/'’-]{2,40}?\s(?:is|are)\s(?:a|an)\s(?:[\w-]+\s){0,3}?(?:art|discipline|"
    r"profession|medicines?|drugs?|microorganisms?|bacteria|supplements?|herbs?|spices?|plants?|"
    r"compounds?|substances?|devices?|field|branch)\b|"
    r"\b(?:developed|originated|began|emerged)\b.{0,60}\b(?:years\s+ago|centur(?:y|ies))\b|"
    r"\b(?:is|are)\s+(?:usually\s+|generally\s+|often\s+)?(?:taken|used)\s+to\s+(?:mean|indicate|define)\b|"
    r"^\s*(?:in\s+[\w\s]{2,30},\s+)?[\w\s,-]{2,60}?\s(?:is|are)\s+(?:now\s+|routinely\s+|usually\s+)?offered\b|"
    r"\b(?:programme|program|service|scheme)\s+offers\b|"
    r"^\s*[\w\s()/'’-]{2,40}?\s(?:is|are)\s(?:an?\s)?(?:[\w-]+\s){0,3}?(?:care|support|service|"
    r"treatment|therapy|programme|program)\s+that\s+(?:aims|seeks|sets\s+out)\s+to\b|"
    r"\b(?:a\s+)?diagnosis\s+of\b.{0,60}\brequires\b|"
    r"^\s*[\w\s()/'’-]{2,40}?\s(?:is|are)\s+diagnosed\s+(?:when|after|if|once|by)\b|"
    r"^\s*anyone\s+(?:aged|over|under|who)\b.{0,120}?\b(?:can|may)\s+(?:have|get|ask|book|apply)\b|"
    r"\byou\s+need\s+to\s+have\b|\bto\s+get\s+.{2,50}?\s+on\s+the\s+nhs\b|\b(?:are|is)\s+eligible\s+(?:for|to)\b"
)
"""A definition by what a thing is for or is ("Statins are medicines used to lower LDL",
"Menopause is when..."), or round-figure history: not a finding, even with an effect word."""
HISTORY = cue(
    r"\bha(?:ve|s)\s+been\s+(?:\w+ing|used|worn|eaten|drunk|taken|practi[sc]ed|prescribed)\b.{0,60}\bfor\s+(?:more\s+than\s+|over\s+|about\s+|at\s+least\s+)?"
    r"(?:[\d,]+|hundreds\s+of|thousands\s+of)\s+(?:years|centuries)\b|"
    r"\bha(?:ve|s)\s+\w+\b.{0,60}\bfor\s+(?:more\s+than\s+|over\s+|about\s+|at\s+least\s+)?"
    r"(?:(?:many\s+|several\s+)?(?:hundreds|thousands)\s+of|(?:two|three|four|five|several|many)\s+"
    r"(?:hundred|thousand))\s+years\b"
)
"""Round-figure history ("Surgeons have been treating cataracts for more than 2,000 years"):
not a finding, unless the sentence also says what the practice does."""
DISEASE_DEFINED = cue(
    r"^(?!.*\band\s+(?:is|are)\s+(?:mainly\s+|mostly\s+|usually\s+)?(?:passed\s+on|spread|transmitted)\b)"
    r"(?!.*\b(?:the\s+most|the\s+leading|the\s+commonest|the\s+second|the\s+third)\b)"  # a ranking: a finding
    r"\s*[\w\s(),'’-]{2,40}?(?:,\s[^,]{2,60},)?\s(?:is|are)\s(?:an?|the)\s(?:[\w,-]+\s){0,4}?"
    r"(?:infection|illness|disease|condition|syndrome|disorder|virus|bacterium|parasite|state|injury|"
    r"lumps?|growths?|patch(?:es)?|specks?)s?(?:\s+(?:of|on|in|behind|inside|around|under)\s+the\s+[\w\s-]{2,30}?)?(?:,\s|\s+)"
    r"(?:(?:usually\s+|often\s+|mainly\s+|mostly\s+)?caused\s+by|in\s+which|that|people\s+(?:catch|get)|"
    r"spread\s+(?:through|by|via))\b|"
    r"^\s*[\w\s'’-]{2,40}?\s(?:disease|fever|syndrome|infection)\s(?:is|are)\s(?:usually\s+|mainly\s+)?"
    r"caused\s+by\s+(?:an?|the)\b|"
    r"^\s*[\w\s'’-]{2,40}?\s(?:is|are)\s(?:permanent\s+|lasting\s+)?(?:damage|inflammation|swelling|"
    r"a\s+build-?up|narrowing|thickening)\b[^.]{3,120}?\bcaused\s+by\b|"
    r"^\s*[\w\s'’-]{2,40}?\s(?:is|are)\s(?:the\s+)?(?:loss|wearing\s+away|breakdown|inflammation|thinning)\s+of\b"
    r"[^.]{3,120}?\bcaused\s+by\b"
)
"""A disease defined by its cause or course (``Trachoma is an infection of the eye caused by the
bacterium ...``, ``Hantavirus pulmonary syndrome, or HPS, is a lung disease caused by ...``,
``Rheumatic fever is an illness that can follow a strep throat infection``): the disease is
the term defined, not a claim about safety."""
SCHEDULE = cue(
    r"\b(?:is|are)\s+(?:usually\s+|then\s+)?(?:given|injected|infused|applied)\b(?!\s+to\s+(?:people|patients|children|adults))|"
    r"\bgiven\s+at\s+\d|\breceived\s+(?:one|two|three|four|five|\d+)\s+(?:doses?|injections?|jabs?)\b|"
    r"\b(?:doses?|injections?|jabs?)\b[^.]{0,40}\b(?:apart|every\s+(?:\w+\s+)?(?:hours?|days?|weeks?|months?))\b|"
    r"\btakes?\s+(?:between\s+|about\s+|around\s+|up\s+to\s+)?[\w\s-]{1,30}?(?:minutes?|hours?)\s+(?:and\s+[\w\s-]{1,20}?(?:minutes?|hours?)\s+)?to\s+(?:transfuse|give|infuse|inject|apply|fit|complete|set\s+up)\b|"
    r"\b(?:the\s+)?usual\s+daily\s+dose\b"
)
"""How a treatment is given: its doses, their interval, how long it takes to give ("are given
24 hours apart", "four loading doses followed by one every four months", "takes between 90
minutes and three hours to transfuse"): a procedure described, no finding."""
