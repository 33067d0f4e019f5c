"""Which sentences are evidential claims: checkable facts that need a source.

A sentence is evidential when it asserts a checkable fact about effects, efficacy, safety,
mechanisms, prevalence, costs or what research found ("Needles stimulate secretion of
endorphins", "80,000 patients took part"); it is not when it gives advice, defines the
practice, asks, heads a section, voices the author's opinion or uncertainty, describes the
clinic, tells an anecdote or moves the text along. A hedge ("may", "is thought to")
weakens a claim, but a specific mechanism, a number or a research report keeps it
evidential.

The decision is made by explainable rules: a lexicon of cues, each a named pattern, and
the sentence's structure (a question, an imperative, a heading). :func:`assess` returns
the decision with every cue it saw, so a writer sees why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..models import ClaimKind
from .business import LOGISTICS, PRICE
from .business import cue as _cue
from .definitions import DEFINITION, DISEASE_DEFINED, HISTORY, PURPOSE, SCHEDULE
from .organisations import ACCORDING_TO, NAMED_BODY, ORG_NAME


@dataclass(frozen=True, slots=True)
class Assessment:
    """Whether a sentence is an evidential claim, and the cues that decided it."""

    evidential: bool
    cues: tuple[str, ...]
    """Named cues seen in the sentence (``research-report``, ``number``, ``hedge``,
    ``advice``...), in the order they are tested."""


# What makes a sentence a checkable claim.
_RESEARCH = _cue(
    r"\b(?:stud(?:y|ies)|research(?:ers)?|trials?|evidence|reviews?|meta-?analys[ie]s|"
    r"analys[ie]s|surveys?|data|scientists?|experiments?|cohorts?|findings|investigators|"
    r"cochrane|guidelines?|reports?|scans?|imaging|statistics|census|colleagues|authors|"
    r"replications?|re-?analys[ie]s)\b|"
    r"\b(?:19|20)\d\d\s+papers?\b|\bpapers?\s+(?:published|by\s+researchers|in\s+the\s+journal)\b"
)
_REPORTING = _cue(
    r"\b(?:show(?:s|ed|n)?|found|find(?:s|ings)?|suggest(?:s|ed)?|report(?:s|ed)?|conclude[sd]?|"
    r"demonstrate[sd]?|indicate[sd]?|support(?:s|ed)?|confirm(?:s|ed)?|reveal(?:s|ed)?|"
    r"estimate[sd]?|measured|observed|recommend(?:s|ed)?|advise[sd]?\s+against|according\s+to|"
    r"published|pooled|judged|rated|graded|(?<!is\s)(?<!are\s)(?<!was\s)(?<!be\s)listed|"
    r"enrolled|followed|compared|linked|tied|associated|ranked|funded|sponsored|said|assigned|recruited|"
    r"tracked|surveyed|fell|rose|dropped|credit(?:s|ed)?|attribute[sd]?|counted|"
    r"put\s+(?:it\s+|this\s+|that\s+)?down\s+to)\b"
)
_REPORTED_ELSEWHERE = _cue(
    r"\b(?:reported|published|wrote|showed|found|concluded|estimated)\s+in\s+(?:the\s+|a\s+|an\s+)?"
    r"[\w&'’ -]{2,50}?\s+that\b|"
    r"\b(?:has|have)\s+been\s+(?:reported|documented|described)\s+(?:in|among|after)\b|"
    r"\b(?:they|he|she)\s+(?:found|showed|concluded|discovered)\s+that\b|"
    r"\b(?:trial|study)\s+(?:[\w-]+\s+){0,4}?(?:was|were)\s+(?:stopped|halted|ended)\s+early\b|"
    r"\b(?:a|the)\s+(?:[\w-]+\s+){0,3}?team\s+(?:(?:that|which|who)\s+(?:[\w,.-]+\s+){1,8}?)?"
    r"(?:found|showed|reported|concluded|discovered)\s+that\b|"
    r"\b(?:described|reported|published)\s+in\s+(?:the\s+)?(?:lancet|bmj|jama|nejm|new\s+england\s+"
    r"journal|(?:british|american|canadian|australian|international|european)\s+journal|"
    r"journal\s+of|annals\s+of|archives\s+of|plos)\b"  # "described in The Lancet a baby who ..."
)
"""Work reported where the sentence says, with no word of research: ``Lieberman reported in
Nature that ...``, ``stress fractures have been reported in runners who ...``, ``A CDC team
that tested 736 North Dakotans found that ...``."""
_STATE_OF_EVIDENCE = _cue(
    r"\b(?:there\s+is|there'?s|we\s+have|has)\s+(?:(?:little|no|some|limited|good|strong|weak|"
    r"moderate|insufficient|not\s+enough|growing|mixed|high-quality|low-quality|solid|scant|"
    r"consistent)\s+)+(?:good\s+|high-quality\s+|scientific\s+|clinical\s+)?evidence\b"
)
"""What the evidence as a whole says: "There is little good evidence that...": a finding."""
_JUSTIFIED = _cue(
    r"(?<!just\s)\bbecause\s+(?!you\s+(?:do\s+not|don'?t)\s+have\s+to\b|you\s+(?:deserve|matter|want|wish|feel\s+like)\b)\w|,\s+as\s+(?!well\b|soon\b|long\b|much\b|many\b|usual\b|needed\b|you\b|we\b|i\b|"
    r"required\b|directed\b|prescribed\b|advised\b|shown\b)\w+\s+(?:\w+\s+){0,3}?(?:may|can|could|might|will)\s|\bsince\s+(?!(?:19|20)\d\d|then\b|last\b|the\s+(?:start|beginning))\w|"
    r"\bwhich\s+(?:your|the)\s+body\s+needs\b|"
    r":\s+(?:both|it|they|this|these)\s+(?:[\w-]+\s+){0,2}?(?:lower|raise|increase|reduce|cause|make|"
    r"trigger|damage|irritate|thin|block)s?\b"
)
"""Advice that gives its reason ("..., because the kidneys clear excess magnesium"): the
reason is a checkable claim."""
_EFFECT = _cue(
    r"\b(?:reduc|reliev|improv|prevent|lower|increas|decreas|alleviat|boost|protect|shorten|"
    r"halv|doubl|slow|strengthen|heal(?!th|er)|cure|outperform|worsen|raise|rais|lessen|speed|restor|"
    r"remov(?:e|es|ed|ing)\s+(?:far\s+|much\s+|about\s+)?(?:more|most|less|fewer|half|\d+\s?%)|"
    r"benefit|push(?:es|ed)?\s+(?:[\w-]+\s+){0,3}?(?:levels?|pressure|counts?|rates?)\s+(?:up|down)|"
    r"sav(?:e|es|ed|ing)\s+(?:\w+\s+)?lives|helps?\s+(?:the|your)\s+(?:[\w-]+\s+){0,5}?(?:clear|sweep|flush|drain|fight|repair|recover)\b|"
    r"eas(?:e|es|ed|ing)\b|tak(?:e|es|ing)\s+(?:\w+\s+){0,3}?(?:load|pressure|strain|stress)\s+"
    r"off\b|works?\s+(?:the|your)\s+(?:[\w-]+\s+){0,2}?(?:muscles|arms|legs|core|shoulders|glutes|"
    r"thighs|abs|back)\b|cut(?:s|ting)?\b|help(?:s|ed)?\s+(?:to\s+)?(?:treat|relieve|"
    r"reduce|prevent|ease|heal|lower|manage|control))\w*|\b(?:effective(?:ness)?|efficacy|"
    r"work(?:s|ed)?\s+(?:(?:about|almost|nearly|roughly|just)\s+)?(?:better|best|as\s+well(?!\s+as\s+(?:it|they|you|we|he|she|before|usual|normal))|"
    r"no\s+better)|no\s+better\s+than|beneficial|better\s+than|"
    r"worse\s+than)\b"
)
_SAFETY = _cue(
    r"\b(?:safe(?:ty|r|st)?|side[- ]effects?|adverse|complications?|risks?|harm(?:ful|s)?|"
    r"dangerous|toxic(?:ity)?|addictive|dependence|overdose|bleeding|infections?|injur(?:y|ies)|"
    r"contraindicated|interactions?|fatal|deadly|lethal|life-threatening|can\s+die|die\s+from|"
    r"can\s+(?:burn|scald|irritate|poison|choke|suffocate|blind|erode|corrode|damage|harm|injure)|damag(?:e|es|ed|ing)\s+(?:the|your|their|"
    r"a\s+child'?s?|children'?s?)\s+(?:[\w-]+\s+)?(?:liver|kidneys?|skin|eyes?|lungs?|heart|brain|nerves?|"
    r"teeth|retinas?|hearing|airways?|gut|stomach|bones?|joints?))\b"
)
_MECHANISM = _cue(
    r"\b(?:stimulat|releas|activat|modulat|regulat|inhibit|secret|signal|absorb|"
    r"metaboli[sz]|synthesi[sz]|produc(?:e|es|ed|tion))\w*|\b(?:endorphins?|enkephalins?|"
    r"serotonin|dopamine|oxytocin|hormones?|mimic(?:s|ked|king)?|thin(?:s|ning)?\s+(?:the\s+)?(?:mucus|phlegm|blood|secretions)|neurotransmitters?|opioids?|cortisol|adenosine|"
    r"inflammat\w+|immune|nervous\s+system|brain|receptors?|cells?|enzymes?|nerves?|blood\s+flow|"
    r"circulation|fascia|spinal\s+cord|limbic|genes?|hippocampus)\b|\bworks?\s+by\b|"
    r"\b(?:by\s+(?:acting\s+on|blocking|binding|increasing|reducing|raising|lowering)|acts?\s+on)\b|"
    r"\bblocks?\s+(?:[\w-]+\s+){1,3}?from\s+\w+ing\b|\bforms?\s+an?\s+(?:[\w-]+\s+){0,2}?(?:raft|barrier|"
    r"seal|film|coating|clot|plug)\b|\bstops?\s+(?:[\w-]+\s+){1,4}?(?:settling|sticking|entering|"
    r"reaching|spreading|growing|forming|clotting)\b|\bmakes?\s+(?:the\s+|your\s+)?(?:muscles?|heart|"
    r"lungs?|body|skin|bones?|joints?|gut|kidneys?|liver)\s+(?:use|work|pump|grow|produce|absorb|"
    r"release|burn|store|hold|lose)\b"
)
"""How it works: a substance or a system acted on, an acting verb ("stimulates", "blocks acid
from rising", "forms a foam raft", "stops food settling", "makes the muscles use oxygen")."""
_CAUSAL = _cue(
    r"\b(?:caus(?:e|es|ed|ing)|leads?\s+to|linked\s+(?:to|with)|associated\s+with|"
    r"(?:more|less|as|most|least)\s+likely|(?:times|twice)\s+as\s+(?:likely|often|common|many|much)|"
    r"risk\s+of|contributes?\s+to|results?\s+in|because\s+(?:it|they|of|the|breast|\w+\s+(?:is|are)|(?:their|its)\s+\w+\s+(?:is|are))|"
    r"makes?\s+(?:\w+\s+){0,3}(?:worse|better)|can\s+(?:trigger|bring\s+on|set\s+off)|"
    r"because\s+(?!you\b|we\b|i\b)(?:[a-z][\w-]*\s+){1,3}?(?:kills|destroys|damages|makes|blocks|"
    r"triggers|breaks\s+down|clears|carries|spreads|irritates|inflames|thins|thickens|narrows|weakens)|"
    r"tends?\s+to\s+(?:\w+,?\s+){0,5}?(?:less|more|longer|shorter|fewer|better|worse|earlier|later|larger|"
    r"smaller|higher|lower|bigger)|"
    r"the\s+(?:more|longer|less|earlier|higher|lower)\b[^,;]{3,80},\s*the\s+(?:better|worse|more|less|"
    r"greater|higher|lower|bigger|smaller))\b"
)
_FACT = _cue(
    r"\bmost\s+(?:children|people|adults|patients|babies|women|men)\s+with\s+[\w\s'’-]{2,40}?\s"
    r"(?:feel|get\s+better|recover|have|need|do\s+not|don't)\b|"  # a course: "Most children with X feel"
    r"\b(?:contains?|contain(?:ing)?|(?:main|major|largest|biggest|leading|richest)\s+(?:single\s+|food\s+|dietary\s+)?"
    r"(?:source|cause)s?\s+of|rich\s+in|high\s+in|low\s+in|(?:higher|lower|richer)\s+in|(?:is|are)\s+(?:un)?common|"
    r"(?:is|are)\s+rare|does\s+not\s+(?:necessarily\s+|always\s+)?(?:help|work|carry|prevent|cure|"
    r"reduce|block|protect|filter|kill|remove|destroy|change)|do\s+not\s+"
    r"(?:help|work|prevent|cure|reduce|destroy|kill|change)|cannot\s+(?:treat|cure|prevent)|(?:needs?|requires?)\s+"
    r"(?:a|an|more|less|extra)\b|half-life|(?:gets?\s+better|fades?|heals?|clears?\s+up|goes?\s+away)\s+within|clear(?:s|ed)?\s+from|"
    r"(?:is|are|can\s+be)\s+(?!not\b)(?:\w+\s+){0,2}?an?\s+(?:(?:early|common|warning|key|classic|telltale|first)\s+)*"
    r"signs?\s+(?:of(?!\s+(?:strength|weakness|courage|love|respect|maturity|character)\b)|that)|"
    r"(?:surviv|persist)(?:e|es|ed)?\s+(?:[\w-]+\s+){0,4}?for\s+(?:up\s+to\s+|several\s+|many\s+|a\s+few\s+|"
    r"\d[\d,]*\s+)?(?:hours|days|weeks|months|years|decades)|"
    r"(?:is|are|was|has\s+been)\s+(?:now\s+|still\s+|officially\s+|declared\s+|certified\s+)*free\s+(?:of|from)\s+"
    r"(?:rabies|malaria|polio|measles|rubella|tuberculosis|cholera|trachoma|leprosy|smallpox|"
    r"[\w-]+\s+(?:fever|disease|virus))|"
    r"(?:usually|typically|normally|mostly|mainly)\s+(?:affects?|starts?|begins?|develops?|appears?|strikes?)\s+"
    r"(?:above|below|after|before|within|between|during|in\s+(?:people|adults|children|women|men)|"
    r"(?:[\w-]+\s+){1,3}?first)|"
    r"(?:last|lasts|take|takes)\s+(?:less|more|up\s+to|about|around|\d|one|two|three|four|five|six)|"
    r"acts?\s+as|notice\s+a\s+difference|limited\s+to|thinner\s+than|according\s+to|"
    r"(?:rises?|falls?|increases?|decreases?|declines?|drops?)\s+with\s+age|"
    r"circulat(?:es|ing)\s+(?:widely\s+|freely\s+)?(?:in|among)\b|\bph\s+(?:of|below|above|under|over)\s+\d|"
    r"(?:rose|fell|climbed|dropped)\s+to\s+(?:their|its|the)\s+(?:highest|lowest)\b|"
    r"(?:rises?|falls?|declines?|drops?)\s+(?:steadily\s+|sharply\s+|gradually\s+)?(?:from|after)\s+"
    r"(?:middle\s+age|the\s+age\s+of|age\s+\d|(?:our|your|their)\s+\w+ies)|"
    r"can\s+turn\s+(?:the\s+|your\s+)?(?:skin|urine|stools?|teeth|eyes|tongue)\b|"
    r"^\s*most\s+(?:people|adults|children|patients|women|men)\s+with\s+[^,;]{2,40}?\s+never\s+"
    r"(?:have|get|develop|notice|need)|"
    r"\bthere\s+is\s+(?:still\s+)?no\s+(?:licensed\s+|approved\s+|effective\s+|specific\s+)*(?:vaccine|cure|"
    r"treatment|antidote)|\b(?:people|humans|children)\s+(?:usually\s+|mainly\s+|mostly\s+|often\s+)?"
    r"(?:catch|contract)\b|\bpass(?:es)?\s+(?:to|between)\s+(?:people|humans)\b|"
    r"\b(?:begin|start|appear)s?\s+within\s+(?:minutes|hours|days)\b|"
    r"ranks?\s+(?:[\w-]+\s+){0,3}?(?:among|first|second|third|highest|top|as\s+(?:the|one))|"
    r"(?:triggers|risk\s+factors|warning\s+signs|early\s+signs)\s+(?:include|are)|"
    r"(?:is|are)\s+(?:mainly\s+|mostly\s+|usually\s+)?(?:spread|passed\s+on|transmitted)\s+(?:by|through|via|"
    r"from|in|mainly|mostly)|spreads?\s+(?:mainly\s+|mostly\s+)?(?:through|by|via|from)\s|"
    r"(?:is|are)\s+not\s+(?:contagious|infectious)|cannot\s+be\s+caught|can\s+be\s+passed\s+(?:on|to)|"
    r"(?:is|are)\s+(?:often|usually|commonly|frequently|rarely|seldom|sometimes)\s+(?:mis\w+|caused|"
    r"triggered|missed|overlooked|mistaken|found|seen|infected|hospitali[sz]ed|inherited)|"
    r"lasts?\s+(?:for\s+)?(?:life|a\s+lifetime|years|decades)|can\s+carry|forms?\s+(?:when|in|during)|"
    r"no\s+longer\s+(?:works?|responds?|effective|helps?|kills?))\b"
)
_BY_LAW_WORDS = (
    r"\ba\s+legal\s+requirement\b|\b(?:required|illegal)\s+by\s+law\b|"
    r"\b(?:it\s+is|it'?s|it’s)\s+(?:against\s+the\s+law|illegal)\s+to\b|^\s*by\s+law\b|"
    r"^\s*under\s+(?:[\w-]+\s+){0,3}(?:rules|laws?|regulations|legislation)\b"
)
_ACTS = (
    r"(?:de)?criminali[sz]ed|outlawed|abolished|repealed|patented|legali[sz]ed|banned|approved|"
    r"licensed|withdrew|withdrawn|recalled|declared|added|adopted"
)
"""What a body does on a day that a writer dates: in either order, ``Portugal decriminalised
... in 2001``, ``In 1995 the Council patented P57``."""
_EVENT = _cue(
    r"\b(?:published|retracted|republished|reclassified|recommended|launched|introduced|excluded|"
    rf"allows?|ban|shortages?|legal|restricted|authori[sz]ed?|{_ACTS})\b.*\b(?:1[89]|20)\d\d\b|"
    rf"^\s*in\s+(?:[a-z]+\s+)?(?:1[89]|20)\d\d\b,?\s+(?:[\w'’-]+\s+){{1,8}}?(?:{_ACTS})\b|"
    r"\b(?:the\s+)?(?:oldest|earliest)\s+(?:known\s+|written\s+|recorded\s+|surviving\s+)*"
    r"(?:account|record|description|report|mention|evidence|case)s?\b|"
    r"\b(?:fda|ema|mhra|tga|who|cdc|nice|health\s+canada)\s+(?:has\s+|have\s+)?(?:cleared|approved|"
    r"authori[sz]ed|licensed|banned|withdrawn|recalled|warned|restricted)\b|"
    r"\b(?:1[89]|20)\d\d\b.*\b(?:guideline|meta-?analysis|trial|review|reporter|results)\b|"
    r"\b(?:the|was\s+the)\s+first\b.*\b(?:1[89]|20)\d\d\b|"
    r"\b(?:1[89]|20)\d\d\b.*\bthe\s+first\s+(?:country|nation|state|city|hospital|place)\b|"
    r"\bfirst\s+(?:described|reported|identified|discovered|isolated|used)\s+in\s+(?:1[6-9]|20)\d\d\b|"
    r"^\s*since\s+(?:[a-z]+\s+)?(?:19|20)\d\d\b.*\b(?:ha(?:ve|s)\s+(?:not\s+)?been\s+allowed|ha(?:ve|s)\s+had\s+to|must|ha(?:ve|s)\s+(?:adopted|introduced|"
    r"banned|doubled|halved|risen|fallen)|ha(?:ve|s)\s+been\s+(?:required|"
    rf"banned|illegal|compulsory|mandatory))\b|{_BY_LAW_WORDS}"
)
"""An event that dates a finding, a ruling or a first; a law and what it requires since a year
("Since 2010, new baths have had to be fitted with ...", "it's a legal requirement")."""
_NUMBER = _cue(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|"
    r"hundreds?|thousands?|millions?|billions?|dozens?|half|third|quarter|twice|double)\b"
)
_STATISTIC = _cue(
    r"\b(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|fifty|"
    r"hundred)[- ]?fold\b|"  # "rose about fifteenfold", "a 2-fold risk"
    r"\d+(?:\.\d+)?\s?%|\bper\s?cent\b|\b(?:about|around|roughly|nearly|almost|over|more\s+than|under|"
    r"less\s+than|just\s+over|just\s+under)\s+(?:half|a\s+(?:third|quarter|fifth|tenth)|two[- ]thirds|"
    r"three[- ]quarters)\s+of\s+(?:all\s+)?(?:[\w-]+\s+){0,2}?(?:adults|people|children|women|men|"
    r"patients|teenagers|adolescents|students|pupils|workers|cases|deaths|infants|babies|households|"
    r"smokers|drivers|residents|users|americans|canadians|britons|australians|europeans)\b|\b(?:one|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d[\d,]*|a\s+"
    r"(?:hundred|thousand|million)|two|three|four|five|six|seven|eight|nine|ten|[a-z]+teen|[a-z]+ty|"
    r"hundred|thousand|million)\b|"
    r"\bone\s+(?:[a-z][a-z-]*\s+){1,3}?in\s+(?:every\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"(?!(?:19|20)\d\d\b)\d[\d,]*)\b(?!\s*(?:hours?|minutes?|days?|weeks?|months?|years?|[ap]\.?m)\b)|"
    r"\b(?:highest|lowest|largest|smallest)\s+(?:share|proportion|number|rates?)\s+of\b|"
    r"\b(?:half|third|quarter|majority|minority|most|millions?|thousands?)\s+of\s+"
    r"(?:the\s+|all\s+|these\s+|those\s+)?(?:people|patients|adults|children|women|men|cases|"
    r"participants|population|those|smokers|users|babies|girls|boys|workers|us|deaths|injuries|"
    r"infections|crashes|accidents|admissions)\b|"
    r"\bup\s+to\s+(?:a|one)\s+(?:quarter|third|half|fifth|tenth)\b|"
    r"\b(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|many|several)\s+times\s+"
    r"(?:more|higher|greater|lower|less|fewer)\b|"
    r"^\s*most\s+(?:[\w-]+\s+){0,2}?[\w-]+s\s+(?:carry|develop|recover|survive|shed|die|respond|heal|"
    r"relapse|outgrow|happen|occur)\b|"
    r"\b\d[\d,.]*\s+(?:patients|people|participants|adults|children|women|men|subjects|trials|"
    r"studies|cases|deaths|volunteers|dogs|cats|horses|animals|birds|cattle)\b|"
    r"\b(?:recorded|registered|counted|notified)\s+(?:about\s+|around\s+|over\s+|more\s+than\s+|"
    r"nearly\s+|almost\s+|some\s+)?\d[\d,.]*\s+(?:[\w-]+\s+)?(?:cases|deaths|casualties|injuries|"
    r"admissions|infections|births|crashes|collisions|incidents|diagnoses|suicides|overdoses)\b"
)
_QUANTITY = _cue(
    r"\b(?:patients|people|adults|women|men|children|babies|episodes|cravings|cases|weeks|days|"
    r"hours|months|years|times|kilograms?|grams?|milligrams?|micrograms?|millimetres?|minutes|"
    r"treatments|visits|doses?|units|calories|steps|transplants|procedures|operations|surgeries)\b"
)
_PREVALENCE = _cue(
    r"\b(?:affect(?:s|ed)?|prevalence|common(?:est)?|most\s+commonly|rates?|incidence|deficien\w+|among)\b"
)
_COST = _cue(r"[£$€]\s?\d|\b(?:cost(?:s|ly)?|saves?|savings|spend(?:ing)?|expens\w+|cheaper)\b")
_COMPARISON = _cue(r"\bthan\b|\bcompared\s+(?:with|to)\b|\bas\s+\w+\s+as\b|\bversus\b|\bvs\.?\b")

# What makes it something else.
_HEDGE = _cue(
    r"\b(?:may|might|could|possibly|perhaps|is\s+thought\s+to|are\s+thought\s+to|is\s+believed\s+to|"
    r"some\s+people\s+find|can\s+help(?:\s+you)?)\b"
)
_VAGUE = _cue(
    r"\b(?:feel\s+(?:good|better|calmer|relaxed|more)|unwind|take\s+the\s+edge\s+off|"
    r"help\s+(?:you|some\s+people)|with\s+pain|sense\s+of|well-?being|in\s+control|"
    r"supports?\s+(?:a\s+)?(?:healthy|normal)|overall\s+(?:health|wellness))\b"
)
_ADVICE = _cue(
    r"^\s*(?:step\s+\d+\s*:|(?:please|always|never|don'?t|do\s+not|do|try|talk|ask|speak|see|book|call|text|"
    r"contact|find|keep|avoid|consider|make|take|remember|get|aim|eat|drink|check|join|share|"
    r"read|visit|follow|start|stop|use|wear|plan|give|let|tell|arrive|sign|subscribe|download|cover|"
    r"learn|discover|choose|ensure|note|shop|buy|order|stay|limit|wait|apply|store|sit|fit|upgrade|unlock|"
    r"add|mix|dilute|fill|pour|rinse|adjust|stick|brush|floss|drop|duck|crouch|protect|pack|send|"
    r"replace|wash|put|throw|bring|swap|switch|pick|leave|worm|warm\s+up|cool\s+down|practi[sc]e|peel|skip|boil|"
    r"reapply|roll|hold|sip|soak|rub|stretch|squeeze|pinch|wipe|elevate|breathe|"
    r"run\s+(?:the|your|cold|warm)|set\s+(?:a|an|the|your)\s|empty\s+(?:your|the)|"
    r"cut\s+(?:back|down|out)|"
    r"(?:change|clean)\s+(?:your|the))\b)|\b(?:you\s+should|should\s+(?:aim|be|take|try|"
    r"consider|avoid|see|talk|speak|not|bring|carry|wear|keep|use|check|ask|tell|stop)|it\s+is\s+(?:important|best|wise|worth)\s+to|make\s+sure|"
    r"must\s+(?:complete|attend|register|submit|book|sign)\b|"
    r"we\s+recommend|you\s+can\s+(?:read|book|call|find|ask|try|download|view|see|access|get|claim)|"
    r"can\s+ask\s+(?:their|your|a|the)\s+(?:gp|doctor|pharmacist|nurse|midwife)|"
    r"^\s*your\s+(?:[\w-]+\s+){1,4}?(?:will|should)\s+(?:take|last|be|start)\b|if\s+you\s+(?:are|have|feel|"
    r"think|notice)|(?:is|are)\s+(?:usually\s+|generally\s+|often\s+)?advised\s+to|"
    r"^\s*(?:if|when|once|before|after)\b[^.;:]{2,120}?,\s*(?:please\s+)?(?:get|go|try|do|take|stop|call|tell|let|"
    r"see|talk|ask|keep|avoid|use|put|wait|make|drink|eat|book|contact|rest|sit|lie|wash|apply|"
    r"pull|slow|give|bring|remove|seek|phone|ring|dial|hold|press|lay|leave|turn|move|offer|open|run|soak|"
    r"wipe|sip)\s|"
    r",\s+so\s+(?:check|ask|read|follow|take|give|use|keep|make|try|see)\s|\bnever\s+(?:give|take|use|exceed)\s)\b"
)
_LINK_CALL = _cue(
    r"\blink\s+below\b|\bvia\s+the\s+link\b|\bclick\s+(?:here|the\s+link)\b|"
    r"^\s*(?:read|download|see)\s+(?:the\s+)?(?:full|whole|complete)\b"
)
"""A call to follow a link: the page pointing elsewhere, whatever the linked report says."""
_ISSUER = re.compile(
    rf"{ACCORDING_TO}|"
    rf"(?:^|[\s(])(?:[A-Z]{{3,6}}|(?:[Tt]he\s+)?(?:{ORG_NAME}|{NAMED_BODY}))\s+(?:now\s+|also\s+|currently\s+|"
    r"still\s+|strongly\s+|has\s+|have\s+)?(?:recommends?|advises?|warn(?:s|ed)?|discourages?|classified|classif(?:ies|y)(?=\s+(?:[\w'’-]+\s+){1,6}?as\s+(?:an?\s+)?(?i:group\s+\d|"
    r"carcinogen|probabl|possibl|known|not\s+classifiable))|"
    r"estimates?|endorses?|approved|licensed|banned|moved|placed|declared|call(?:s|ed)\s+for|urge[sd]?|wants?|"
    r"list(?:s|ed)|said|says|stated|announced|withdrew|recalled|suspended|restricted|authori[sz]ed|adopted\s+(?:[\w-]+\s+){0,3}?"
    r"(?:limits?|bans?|laws?|rules?|regulations?|resolutions?|polic(?:y|ies)|recommendations?|"
    r"guidelines?|targets?|standards?|strateg(?:y|ies)|thresholds?))\b|"
    rf"\b(?:{ORG_NAME})['’]s\s+(?:advice|guidance|recommendation)\s+(?:is|says|states|remains)\b|"
    rf"\b(?:recommended|advised|endorsed|approved|licensed)\s+by\s+(?:the\s+)?(?:[A-Z]{{3,6}}\b|{ORG_NAME})"
)
"""A body that issues guidance or estimates saying something: "NICE advises that...", "The
American Academy of Pediatrics recommends...", "According to NICE, ... should be offered",
"Public Health England recommends...": a claim to source, even when it advises."""
_ISSUER_VERBS = (
    "ccording to",
    "recommend",
    "call",
    "urge",
    "want",
    "list",
    "s advice",
    "s guidance",
    "advise",
    "warn",
    "discourage",
    "classif",
    "estimate",
    "endorse",
    "approved",
    "licensed",
    "banned",
    "moved",
    "placed",
    "declared",
    "withdrew",
    "said",
    "says",
    "stated",
    "announced",
    "recalled",
    "suspended",
    "restricted",
    "authori",
    "adopted",
)
"""Words :data:`_ISSUER` cannot match without (a substring test is far cheaper than its walk)."""
_RATE = _cue(
    r"\bfrom\s+\d+(?:\.\d+)?\s?%\s+to\s+\d|\d+(?:\.\d+)?\s?%\s+(?:of|say|said|reported|felt|were|had)\b|"
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s+(?:\d+|two|three|four|five|ten|every)\b"
)
"""A share of people: "9 in 10 of our patients say ...", "rose from 61% to 84%": a clinic's own
outcome is a claim to source too (its head count, "over 2,000 patients", is not)."""
_PUBLISHED_NOTE = _cue(
    r"^\s*(?:the|this|that|these|their|its|our|his|her)\s+(?:[\w'’-]+\s+){0,3}?(?:stud(?:y|ies)|"
    r"papers?|reviews?|trials?|analys[ie]s|reports?|results|findings|articles?|work|research)"
    r"(?:,\s*['‘\"“][^'’\"”]{2,150}['’\"”],)?\s+(?:(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:first\s+|later\s+)?published\s+(?:online\s+)?|appeared\s+|came\s+out\s+)"
    r"in\s+[^,;:]{2,80}?[.!]?\s*$|"
    r"^\s*(?:(?:annual|final|interim)\s+)?report\s+(?:of|by|to)\s+the\b[^.!?]*$|"
    r"^\s*(?:medically\s+|clinically\s+|last\s+)?reviewed\s+(?:by|on)\b|"
    r"^\s*this\s+(?:feature|article|story|page|report|series)\s+was\s+(?:produced|written|funded|made)\b|"
    r"^\s*\*?these\s+statements\s+have\s+not\s+been\s+evaluated\b|"
    r"^\s*(?:resources|links|papers|studies|books|articles)\s+(?:mentioned|discussed|cited)\s*:|"
    r"^\s*[a-z][\w'’-]+(?:\s+[a-z][\w'’-]+){0,3}\s+and\s+colleagues\s+published\s+(?:th(?:e|ose|is|eir)\s+)?"
    r"(?:results|findings|work|study|trial)\s+in\b[^,;]*[.!]?\s*$"
)
"""Where and when a work appeared, and nothing else: "The study was published in Pediatrics in
2012." names a source but states no finding; nor does a report's title line ("Report of the
Director of Public Health to the Committee — Item 7: ...")."""
_COMPOSITION = re.compile(
    r"^\s*(?:[Ee]ach|[Ee]very|[Oo]ne|[Aa]\s+single)\s+(?:[\w-]+\s+){0,3}?(?:tablet|capsule|can|bottle|"
    r"sachet|serving|bowl|bar|portion|scoop|gumm(?:y|ie)|softgel|stick|shot|pouch|pack|tub|jar|"
    r"spray|lozenge)s?(?:\s+of\s+(?:our\s+)?[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}?)?\s+"
    r"(?:contains|provides|delivers|gives\s+you|packs\s+in)\b"
)
"""What one serving of the seller's product holds: "Each one-a-day tablet contains 1,000 mg of
aged garlic extract", "Each can of Morrow contains ...": a label, not a finding (a serving of
something named in lower case, "each can of cola contains ...", is left to the other rules)."""
_PHONE = _cue(
    r"(?<!\d)(?<!\d[.,])(?:0\d{2,4}[ -]?\d{3}[ -]?\d{3,4}|\(\d{3}\)[ ]?\d{3}-\d{4}|\d{3}-\d{3}-\d{4}|"
    r"1-?800-?\d{3}-?\d{4}|1[38]00\s?\d{3}\s?\d{3})(?!\d|[.,]\d)|"
    r"\b(?:helpline|hotline|crisis\s+line|(?:support|advice|information)\s+line)\b"
)
"""A telephone number: a sentence that gives one tells the reader whom to call."""
_MENU_LINE = re.compile(
    r"^\s*[^|.!?\n]{1,40}(?:\s\|\s[^|.!?\n]{1,40}){2,}\s*$|"
    r"^\s*[A-Z][\w ]{1,25}:\s[^|\n]{1,80}(?:\s\|\s[A-Z][\w ]{1,25}:\s[^|\n]{1,80})+\s*$"
)
"""Three or more short parts between pipes, none a sentence: a menu; or fields with their labels
between pipes (``Running time: 74 minutes | Languages: ...``)."""
_CLINIC = re.compile(
    r"\b(?:[Ww]e|[Ww]e're|[Ww]e've|[Oo]ur|us)\b|(?i:\b(?:appointments?|booking|book\s+(?:(?:a|an)(?!\s+(?:day|week|month|"
    r"year|night)\b)|your|now|online|in)|consultations?|vouchers?|concessions|opening\s+hours|reception|sessions?\s+"
    r"(?:last|take)|treatment\s+plans?)\b)"
)
_OPINION = _cue(
    r"\b(?:i\s+think|i\s+feel|i\s+love|i\s+believe|in\s+my\s+(?:view|opinion|experience)|in\s+our\s+(?:view|opinion)|"
    r"we\s+believe|personally|to\s+be\s+honest|frankly|should\s+be\s+interpreted\s+with\s+caution|"
    r"it\s+is\s+normal\s+to|is\s+hard)\b"
)
_UNCERTAIN = _cue(
    r"\b(?:not\s+(?:fully\s+|yet\s+|well\s+)?(?:known|understood|clear)|nobody\s+knows|unclear|"
    r"we\s+don'?t\s+know|not\s+sure|remains?\s+(?:a\s+)?(?:mystery|unknown|debated)|"
    r"(?:is|are)\s+still\s+being\s+(?:studied|investigated|researched|tested))\b"
)
_PREVIEW = (
    r"in\s+this\s+(?:video|episode|talk|podcast|session)\s*,?\s+(?:i|we)\s+"
    r"(?:explain|look|talk|discuss|cover|walk|show)\b"
)
"""What a video or an episode is about to cover: "In this video I explain what the scans show"."""
_TRANSITION = _cue(
    r"^\s*(?:so\b|let'?s|here\s+(?:are|is|'s)|in\s+this\s+(?:article|post|guide)|below\b|read\s+on|"
    rf"{_PREVIEW}|"
    r"next\b|in\s+our\s+next|first\s+of\s+all|finally\b|to\s+sum\s+up|in\s+conclusion|"
    r"we\s+read\s+with\s+interest|(?:further\s+reading|see\s+also|useful\s+links?)\s*:|.{0,30}\blet'?s\s+(?:turn|look|move|start|talk|see|dive|get)\b|(?:last\s+(?:reviewed|updated)|next\s+review\s+due|"
    r"page\s+last\s+(?:reviewed|updated))\b)"
)
_ANECDOTE = _cue(
    r"\b(?:my\s+(?:patients?|clients?|practice|life|mother|father)|one\s+of\s+my|i\s+(?:was|started|"
    r"have\s+seen|have\s+been|tried|slept|felt|carried|bought|wore|took|went|got|caught|flew|thought|"
    r"spent|held|cried|ran|lost|met|have\s+(?:[a-z]+ed|had|done|worn|taken|flown|run)\b)|i'm|i’m|i\s+am|"
    r"i'?ve|i’ve|we'?ve\s+all|told\s+me|"
    r"my\s+(?:wife|husband|partner|friends?|sons?|daughters?|kids|children|family|mum|mom|dad|"
    r"neighbou?rs?|colleagues?|grand\w+|uncle|aunt|cousin|brother|sister)|"
    r"one\s+couple|since\s+i\s+(?!am\b)[a-z]+)\b|^\s*[a-z]+,\s*\d{2,3},\s+(?:says|said|swears|reckons|thinks)\b|"
    r"\bwas\s+diagnosed\s+with\s+[^.,;]{3,60}?\s+at\s+(?:the\s+age\s+of\s+)?\d{1,2}\b|[★☆]{3,}|['‘\"“].*['’\"”]\s*\(\s*[a-z]+,\s*[a-z ]+\)\s*$|['‘\"“].*['’\"”]\s*[-–—]\s*\w+|['‘\"“].*[!?.]['’\"”]\s+[a-z]+,\s+[a-z]+\.?\s*$|[-–—]\s*[a-z][a-z'’-]+(?:\s+[a-z]\.?)?,\s*\d{1,3}\b[^.!?]{0,30}[.!]?\s*$"
)
_ELIGIBILITY = _cue(
    r"^\s*to\s+(?:be\s+eligible|qualify)\b|^\s*not\s+(?:suitable|intended)\s+for\b|\bto\s+be\s+(?:eligible|suitable)\s+for\b|"
    r"\byou\s+(?:need|have|must)\s+(?:to\s+)?be\s+(?:at\s+least|over|under|aged)\s+\d|"
    r"\bmust\s+(?:stay|be\s+kept|remain)\s+(?:at\s+home|off|away)\b|"
    r"\bmay\s+(?:return|come\s+back)\s+(?:to\s+\w+\s+)?(?:once|when|after)\b|"
    r"\bmust\s+(?:be\s+accompanied|swim\s+with|be\s+supervised)\b|\b(?:are|is)\s+entitled\s+to\b|"
    r"\bis\s+open\s+to\s+(?:adults|children|anyone|everyone|people|all|members)\b|"
    r"\brequires\s+(?:every|all|each)\s+[a-z]+\s+to\s+(?:carry|have|show|bring)\b"
)
"""A rule a service applies ("To be eligible, patients must have ... confirmed by a PET
scan", "You need to be at least 21 ... to be suitable for treatment", a nursery's "must stay
at home until 48 hours after", "may return once every spot has crusted over"): whatever
words of research it holds, it states no finding."""
_SO_ADVICE = re.compile(
    r"^(?P<fact>.{5,}?\b(?:can|may|might|could|often|usually|tends?\s+to|(?:is|are)\s+(?:a|the)\s+"
    r"(?:common|main|major|leading|known)\s+(?:trigger|cause|source|risk)|naturally\s+(?:high|low|rich)\s+in)s?\b"
    r".{0,}?),\s+so\s+(?:if\s+[^,]{2,60}?,?\s+(?:please\s+)?)?"
    r"(?:(?:\w+\s+){0,4}?(?:should|must|need\s+to)\b|(?:pack|tell|ask|take|wear|avoid|keep|book|see|"
    r"call|check|bring|use|drink|apply|step|stop|rest|sit|go|talk|speak|make\s+sure|always|never|don'?t|"
    r"do\s+not)\b)"
)
"""A fact given as the reason for the advice after it: "Doxycycline can make your skin burn more
easily, so pack a sunscreen", "Symptoms can appear up to a year later, so tell your doctor"."""
_WHICH_IS_WHY = re.compile(
    r"^(?P<fact>.{12,}?),?\s+(?:which|that)\s+(?:is\s+why|(?:may|might|could|would)\s+(?:help\s+)?"
    r"explain\s+why|explains\s+why)\b"
)
"""A fact given as the reason for what follows ("Norovirus can stay infectious on toys for
days, which is why we disinfect them"): the fact is a claim to source."""
_REPORT_IT = _cue(
    r"(?:^|[,;:]\s*|\bplease\s+|\band\s+|\bthen\s+)report\s+(?:it|this|that|them|any|concerns?|"
    r"suspected|incidents?|side\s+effects?)\b"
)
"""``report it to our trading standards team``: a call to act, not research reported."""
_BY_LAW = _cue(_BY_LAW_WORDS)
"""Advice that states the law it follows ("Fit a CO alarm; it's a legal requirement")."""
_EXPLAINED = _cue(r"[,:–—-]\s*explained\s*$")
"""An explainer's title: "Your health predisposition reports, explained"."""
_DETERMINED = _cue(r"(?:\b(?:an?|the|any|your|our|my|their|each|every)|\d)\s+$")
"""What makes the "report" after it a document: a determiner or a number."""
_WE_RECOMMEND = _cue(r"\bwe\s+(?:strongly\s+|would\s+)?recommend\b")
"""The writer's own advice ("We recommend speaking to a counsellor"): no research reported."""
_METHODS = _cue(
    r"\b(?:we\s+searched|independently\s+extracted|assessed\s+risk\s+of\s+bias)\b|"
    r"^\s*(?:objectives?|aims?|purpose)\s*:\s*to\s|^\s*\d{1,2}[:.]\d{2}(?:\s*[–-]\s*\d{1,2}[:.]\d{2})?\s+\w"
)
"""A study's own methods and aims (``Objectives: to measure ...``), a programme's timed line
(``11:30 Talk: remedies for the heat``): what will be done, no finding."""
_SPEAKER_LABEL = re.compile(
    r"^\s*(?:(?:[A-ZÀ-Þ][A-ZÀ-Þ.'’-]*(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ.'’-]*){0,3}|[A-Z][a-z]{1,12}(?:\s+[a-z]{2,8})?|"
    r"(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+[A-Z][a-z]+|SMS\s+\d{1,3})\s*:\s+(?=[A-Z])|"
    r"\(?\d{1,2}/\d{1,2}\)?\s+(?=[A-Z]))"
)
"""Who speaks, or what a line is, before what is said: a transcript's capitals (``HOST:``,
``DR CAMPBELL:``), a word or two (``Say:``, ``Seller reply:``), a doctor (``Dr Karimi:``), a
message's number (``SMS 3:``), a thread's post number (``(5/10)``, ``2/8``); not a page's own label
(``Last reviewed:``, ``Further reading:``)."""
_LETS = _cue(
    rf"^\s*(?:let'?s|let’s|let\s+us)\s|^\s*{_PREVIEW}|^\s*here(?:\s+is|\s+are|'s|’s)\s+what\b[^:]*$"
)
"""The text moving on: "Let's look at ...", "In this video I explain what the scans show"."""
_DID_YOU_KNOW = _cue(r"^\s*did\s+you\s+know\b")
_WHY = _cue(r"^\s*why\s+(?:does|do|is|are|can|did|would|could)\b")
_SUPERLATIVE = _cue(r"\b(?:most|least|best|worst)\s+\w+")
_FIRST_PERSON = _cue(r"\b(?:we|our|us|i|my)\b")
_SPEAKER = _cue(r"\b(?:we|our|i|my)\b")
"""The writer or their business (not the "us" of "makes us sleepy", which is everyone)."""
_MORE_COMMON = _cue(
    r"\b(?:(?:most|more|less|least)\s+common|most\s+commonly\s+(?:diagnosed|reported|seen|found)|(?:more|less)\s+often\s+(?:than|in|among)|commonest|(?:highest|lowest)\s+(?:[\w-]+\s+){0,2}"
    r"(?:rates?|risks?|prevalence|incidence|shares?|proportions?|levels?))\b"
)

ASSERTING_CUES = (
    "research-report",
    "recommendation",
    "statistic",
    "mechanism",
    "efficacy",
    "safety",
    "causal",
    "fact",
    "event",
)
"""The cues that make a sentence assert a checkable fact."""
_SPECIFIC = ("research-report", "statistic", "mechanism", "number", "comparison")


def assess(text: str, kind: ClaimKind = ClaimKind.SENTENCE) -> Assessment:
    """Whether ``text`` (one claim of an article) is an evidential claim, with its cues."""
    if not _TRANSITION.match(text.lower()):  # "Further reading: ..." is the page's own label
        # "DR LIM: Stopping suddenly ...", "SMS 3: If you stop early ...": what is said
        text = _SPEAKER_LABEL.sub("", text, count=1)
    low = text.lower()
    cues = _cues(text, low)
    return Assessment(_decide(text, low, kind, cues), tuple(cues))


def _cues(text: str, low: str) -> list[str]:
    found = []
    research = _REPORT_IT.sub(" ", low) if "report" in low else low
    research = _WE_RECOMMEND.sub(" ", research) if "recommend" in research else research
    if (
        (_RESEARCH.search(research) and _REPORTING.search(research) and not _a_report(research))
        or _STATE_OF_EVIDENCE.search(low)
        or _REPORTED_ELSEWHERE.search(low)
    ):
        found.append("research-report")
    if any(verb in low for verb in _ISSUER_VERBS) and _ISSUER.search(text):
        found.append("recommendation")
    # "Trachoma is an infection ... caused by ...": the infection and its cause are what it is
    defined = DISEASE_DEFINED.match(low) is not None
    for name, pattern in _POSITIVE:
        if pattern.search(low) and not (defined and name in ("safety", "causal")):
            found.append(name)
    if _NUMBER.search(low):
        found.append("number")
    for name, pattern in _NEGATIVE:
        if pattern.search(text if pattern in (_CLINIC, _COMPOSITION) else low) or (
            defined and name == "definition"
        ):
            found.append(name)
    if text.rstrip().endswith("?"):
        found.append("question")
    return found


_POSITIVE = (
    ("statistic", _STATISTIC),
    ("fact", _FACT),
    ("event", _EVENT),
    ("efficacy", _EFFECT),
    ("safety", _SAFETY),
    ("mechanism", _MECHANISM),
    ("causal", _CAUSAL),
    ("prevalence", _PREVALENCE),
    ("cost", _COST),
    ("comparison", _COMPARISON),
)
_NEGATIVE = (
    ("hedge", _HEDGE),
    ("vague", _VAGUE),
    ("advice", _ADVICE),
    ("clinic", _CLINIC),
    ("definition", DEFINITION),
    ("opinion", _OPINION),
    ("uncertainty", _UNCERTAIN),
    ("transition", _TRANSITION),
    ("anecdote", _ANECDOTE),
    ("methods", _METHODS),
    ("price", PRICE),
    ("purpose", PURPOSE),
    ("history", HISTORY),
    ("schedule", SCHEDULE),
    ("contact", _PHONE),
    ("logistics", LOGISTICS),
    ("publication", _PUBLISHED_NOTE),
    ("composition", _COMPOSITION),
)


_COMPARED_WITH = re.compile(r"\d[^.;]{0,80}\bcompared\s+(?:with|to)\s+(?:about\s+|around\s+)?\d")
"""Two figures set side by side: ``about 80, compared with about 73``."""


def _decide(text: str, low: str, kind: ClaimKind, cues: list[str]) -> bool:
    """The rules, in order: structure first, then what the sentence does, then what it asserts."""
    has = set(cues).__contains__
    if kind is ClaimKind.HEADING or _MENU_LINE.match(text):
        return False  # a heading; "Join us | Donate | Report a pothole": a site's menu
    if _headline(text):
        # "Massage cuts back pain in major US trial" states a finding; "Research suggests
        # acupuncture may:" (a list's opening) and "Your reports, explained" state nothing yet.
        finding = has("research-report") or (has("efficacy") and bool(_RESEARCH.search(low)))
        return finding and not text.rstrip().endswith(":") and not _EXPLAINED.search(low)
    if has("question"):
        return _presumes_a_fact(low, cues)
    reported = has("research-report") or has("statistic") or has("recommendation")
    strong = reported or has("event")
    if (so := _SO_ADVICE.search(low)) and not _FIRST_PERSON.search(so.group("fact")):
        return True  # "Doxycycline can make your skin burn more easily, so pack a sunscreen"
    if has("methods") or has("publication") or (_ELIGIBILITY.search(low) and not has("statistic")):
        return False  # "We searched PubMed for trials...", "To be eligible, you must ..."
    if has("advice") and _LINK_CALL.search(low):
        return False  # "Read the full 2007 NEJM report ... via the link below."
    if has("transition") and _LETS.match(low) and not has("statistic"):
        return False  # "Let's look at what the big trials showed.": the text moving on
    if has("advice") and _JUSTIFIED.search(low) and not has("transition"):
        return True  # "..., because the kidneys clear excess magnesium"
    if (why := _WHICH_IS_WHY.search(low)) and not _SPEAKER.search(why.group("fact")):
        return True  # "..., which is why leftovers should be eaten": a fact given as a reason
    if any(map(has, ("advice", "transition"))) and not (reported or _BY_LAW.search(low)):
        return False  # advice, unless it states a finding, a figure or the law it follows
    if has("opinion") and has("efficacy") and (has("comparison") or _SUPERLATIVE.search(low)):
        return True  # "I believe acupuncture is the most effective treatment": still a claim
    if _told_not_found(has, reported):
        return False
    quiet = has("contact") or has("logistics")  # whom to call, what to expect on the day
    if (has("price") or (quiet and not has("statistic"))) and not _reports_apart(low):
        # a phone number to call: "Registering takes two minutes or call 0306 999 0142."
        return False  # "Ten lessons cost £85, and siblings get 10% off": a discount, no finding
    if (has("purpose") and not reported) or (has("composition") and not has("research-report")):
        return False  # "A 60-minute massage costs $95", "Statins are medicines used to..."
    own = has("research-report") or _mechanism_claim(cues) or _RATE.search(low)
    if has("clinic") and not own:
        return False  # "Over 2,000 patients have trusted us": the clinic, not a finding
    if any(map(has, ("anecdote", "opinion"))) and not (strong or _mechanism_claim(cues)):
        return False
    if has("uncertainty") and not strong:
        return False
    if has("definition") and not (strong or has("efficacy") or has("safety")):
        return False
    if has("number") and _QUANTITY.search(low):
        return True  # "Most cravings last less than five minutes", "within four to six treatments"
    if has("hedge"):
        specific = [c for c in _SPECIFIC if has(c)]
        if not specific or (has("vague") and not strong):
            return False
    if has("cost") and has("number"):
        return True
    if has("number") and _COMPARED_WITH.search(low):
        return True  # "an average age of about 80, compared with about 73": a measured difference
    if has("prevalence") and (has("number") or has("statistic") or _MORE_COMMON.search(low)):
        return True  # "... is most common among young men": who has it more, a finding
    return any(map(has, ASSERTING_CUES))


def _told_not_found(has: Callable[[str], bool], reported: bool) -> bool:
    """History or how a treatment is given, with no effect said and nothing reported: "have been
    treating cataracts for 2,000 years", "Two injections are given 24 hours apart"."""
    if has("history") and not (reported or any(map(has, ("efficacy", "safety", "causal")))):
        return True
    effects = ("efficacy", "safety", "causal", "statistic", "prevalence", "comparison")
    return has("schedule") and not (reported or any(map(has, effects)))


_LARGE_COUNT = re.compile(
    r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\s?(?:%|per\s?cent|million|billion)"
)


def _presumes_a_fact(low: str, cues: list[str]) -> bool:
    """A question that takes a fact for granted: "Did you know ...?", "Why does X do Y?",
    asking about a finding, a figure, or a comparison in numbers ("Did you know more people
    die in the bath than on the roads?")."""
    if not (_DID_YOU_KNOW.search(low) or _WHY.search(low)):
        return False
    figures = "comparison" in cues and "number" in cues
    counted = "number" in cues and bool(_LARGE_COUNT.search(low))  # "around 150,000 ... a year?"
    return figures or counted or any(cue in cues for cue in (*ASSERTING_CUES, "prevalence"))


def _a_report(low: str) -> bool:
    """The one word of research and of reporting is "report" after a determiner or a number:
    a document someone opens or buys ("open any report", "unlock 30 reports"), not research
    reported ("patients report less pain", "a case report described")."""
    research = [m.start() for m in _RESEARCH.finditer(low)]
    reporting = [m.start() for m in _REPORTING.finditer(low)]
    if len(research) != 1 or research != reporting or not low.startswith("report", research[0]):
        return False
    return bool(_DETERMINED.search(low[max(0, research[0] - 8) : research[0]]))


def _reports_apart(low: str) -> bool:
    """A word of research and a word reporting it, two words: "a review found", not the
    "reports" of "reports are usually ready within four weeks"."""
    research = {m.start() for m in _RESEARCH.finditer(low)}
    return bool(research) and any(m.start() not in research for m in _REPORTING.finditer(low))


def _mechanism_claim(cues: list[str]) -> bool:
    return "mechanism" in cues and ("efficacy" in cues or "causal" in cues)


def _headline(text: str) -> bool:
    """A short line with no closing stop: a heading printed as a paragraph."""
    stripped = text.strip()
    return len(stripped.split()) <= 8 and stripped[-1:] not in '.!?"”’)'
