"""Which sentences are evidential claims: the rules, on written cases and the labelled set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from acurefs.claims.evidential import assess
from acurefs.models import ClaimKind

SENTENCES = Path(__file__).resolve().parents[1] / "data" / "claims" / "sentences.json"


@pytest.mark.parametrize(
    ("text", "evidential", "cue"),
    [
        pytest.param(
            "Needles stimulate secretion of endorphins.", True, "mechanism", id="mechanism"
        ),
        pytest.param(
            "Acupuncture is more effective than any other treatment for sleep.",
            True,
            "efficacy",
            id="efficacy",
        ),
        pytest.param(
            "Brain imaging studies show changes in the limbic system.",
            True,
            "research-report",
            id="research",
        ),
        pytest.param("About 80,000 patients took part.", True, "statistic", id="number"),
        pytest.param(
            "It is thought to work by releasing adenosine, a natural painkiller.",
            True,
            "hedge",
            id="hedged-but-specific",
        ),
        pytest.param(
            "Acupuncture may help some people feel calmer.", False, "hedge", id="hedged-vague"
        ),
        pytest.param("Talk to your doctor before you start.", False, "advice", id="advice"),
        pytest.param("Does acupuncture hurt?", False, "question", id="question"),
        pytest.param(
            "Book a free 15-minute call with our team.", False, "advice", id="call-to-action"
        ),
        pytest.param(
            "Nobody knows exactly how acupuncture works.", False, "uncertainty", id="uncertain"
        ),
        pytest.param(
            "Acupuncture is a practice in which thin needles are inserted into the skin.",
            False,
            "definition",
            id="definition",
        ),
        pytest.param("Let's look at the evidence.", False, "transition", id="transition"),
        pytest.param(
            "A 45-minute reflexology session costs $70, or $60 for members.",
            False,
            "price",
            id="price-of-a-service",
        ),
        pytest.param(
            "Low back pain costs the UK economy about £10 billion a year.",
            True,
            "cost",
            id="cost-as-a-finding",
        ),
        pytest.param(
            "Antihistamines are medicines used to relieve hay fever symptoms.",
            False,
            "purpose",
            id="definition-by-purpose",
        ),
        pytest.param(
            "It is often used to relieve hay fever symptoms.",
            True,
            "efficacy",
            id="use-is-not-a-definition",
        ),
        pytest.param(
            "Reflexology developed in the US more than 100 years ago.",
            False,
            "purpose",
            id="round-figure-history",
        ),
        pytest.param(
            "Yoga eases back pain, major trial finds", True, "research-report", id="headline"
        ),
        pytest.param(
            "Research suggests that yoga may:", False, "research-report", id="list-opener"
        ),
        pytest.param(
            "We read with interest the recent trial by Osei and colleagues.",
            False,
            "transition",
            id="letter-opener",
        ),
        pytest.param(
            "Avoid iron tablets with tea, because tannins block iron absorption.",
            True,
            "advice",
            id="advice-with-its-reason",
        ),
        pytest.param(
            "There is little good evidence that copper bracelets ease arthritis.",
            True,
            "research-report",
            id="state-of-the-evidence",
        ),
        pytest.param(
            "The FDA has cleared some light devices for muscle pain.",
            True,
            "event",
            id="a-regulator-acts",
        ),
        pytest.param(
            "We searched PubMed for trials published up to June 2025.",
            False,
            "methods",
            id="own-methods",
        ),
        pytest.param(
            "With that in mind, let's turn to side effects.", False, "transition", id="let-us-turn"
        ),
        pytest.param(
            "Gout is diagnosed when crystals are seen in joint fluid.",
            False,
            "purpose",
            id="diagnostic-definition",
        ),
        pytest.param(
            "Last reviewed: 2 May 2025. Next review due: May 2028.",
            False,
            "transition",
            id="page-metadata",
        ),
        # Forms the fourth held-out set flagged wrongly, written for this test.
        pytest.param(
            "Fixed price per knee: £1,950 including the follow-up visit.",
            False,
            "price",
            id="fixed-price",
        ),
        pytest.param(
            "Healers have been using willow bark for more than 3,000 years.",
            False,
            "history",
            id="round-history",
        ),
        pytest.param(
            "Doctors have been prescribing statins for 30 years and they cut heart attacks by a quarter.",
            True,
            "history",
            id="history-with-a-finding",
        ),
        pytest.param(
            "A ferritin below 30 micrograms per litre is usually taken to mean iron deficiency.",
            False,
            "purpose",
            id="threshold-taken-to-mean",
        ),
        pytest.param(
            "In Wales, adults aged 65 are offered the shingles vaccine at their GP surgery.",
            False,
            "purpose",
            id="programme-offered",
        ),
        # Forms the fifth held-out set showed, written for this test.
        pytest.param(
            "Obesity is usually defined as a BMI of 30 or more.",
            False,
            "definition",
            id="usually-defined-as",
        ),
        pytest.param(
            "Hypertension is considered controlled when readings stay below 140/90.",
            False,
            "definition",
            id="considered-when",
        ),
        pytest.param(
            "The NHS Digital Weight Management programme offers 12 weeks of online coaching.",
            False,
            "purpose",
            id="programme-offers",
        ),
        pytest.param(
            "Women over 40 can ask their GP for a cholesterol check.",
            False,
            "advice",
            id="can-ask-gp",
        ),
        pytest.param(
            "Your scan will take about 40 minutes, so wear loose clothes.",
            False,
            "advice",
            id="your-procedure",
        ),
        pytest.param(
            "Let's look at what the big trials actually found.", False, "transition", id="lets-look"
        ),
        pytest.param(
            "Semaglutide was first authorised for weight loss by the FDA in June 2021.",
            True,
            "event",
            id="authorised-in-year",
        ),
        # Forms from the seventh held-out set, written for this test.
        pytest.param(
            "Most adults with asthma are advised to carry a reliever inhaler at all times.",
            False,
            "advice",
            id="are-advised-to",
        ),
        pytest.param(
            "If your ankle still hurts after a week, see your GP for an X-ray.",
            False,
            "advice",
            id="if-clause-then-imperative",
        ),
        pytest.param(
            "Further reading: the 2019 NICE guideline on atrial fibrillation.",
            False,
            "transition",
            id="further-reading",
        ),
        pytest.param(
            "A DEXA scan is a test that measures the density of your bones.",
            False,
            "definition",
            id="is-a-test-that",
        ),
        pytest.param(
            "If untreated, sleep apnoea doubles the risk of a car crash.",
            True,
            "causal",
            id="if-clause-then-finding",
        ),
        # Forms from the eighth held-out set, written for this test.
        pytest.param(
            "Anyone aged 40 to 74 can have a free health check every five years.",
            False,
            "purpose",
            id="eligibility",
        ),
        pytest.param(
            "Premium membership costs £4.99 a month after a free trial.", False, "price", id="plan"
        ),
        pytest.param(
            "The society classifies chronic migraine as headache on 15 or more days a month.",
            False,
            "definition",
            id="classifies-as-criteria",
        ),
        pytest.param(
            "The World Health Organization classifies processed meat as a cause of bowel cancer.",
            True,
            "causal",
            id="classifies-as-finding",
        ),
        pytest.param(
            "Read the full 2007 report on the obesity study via the link below.",
            False,
            "advice",
            id="link-below",
        ),
        pytest.param(
            "Acne is a long-term inflammatory condition of the hair follicles.",
            False,
            "definition",
            id="hyphenated-definition",
        ),
        # The ninth claims set's forms, written for these tests.
        pytest.param(
            "Guidelines from two societies advise against long antibiotic courses after Lyme disease.",
            True,
            "research-report",
            id="guidelines-advise-against",
        ),
        pytest.param(
            "To be eligible, patients must have early disease confirmed by a PET scan.",
            False,
            "research-report",
            id="eligibility-rule",
        ),
        pytest.param(
            "Premium members get step goals for £7.99 a month after a 14-day free trial.",
            False,
            "price",
            id="price-per-month",
        ),
        # The tenth claims set's forms, written for these tests.
        pytest.param(
            "NICE advises that women having a second baby can plan to give birth at home.",
            True,
            "recommendation",
            id="a-body-advises",
        ),
        pytest.param(
            "The American Academy of Pediatrics recommends swimming lessons from age one.",
            True,
            "recommendation",
            id="a-society-recommends",
        ),
        pytest.param(
            "A block of ten lessons costs £85, and brothers and sisters get 10% off.",
            False,
            "price",
            id="a-discount-is-no-statistic",
        ),
        pytest.param(
            "Vein surgery from £1,950 per leg, all-inclusive, no hidden extras.",
            False,
            "price",
            id="from-a-price-per-item",
        ),
        pytest.param("Join us | Donate | Report a pothole", False, "research-report", id="menu"),
        # Forms of the eleventh held-out set, written for this test.
        pytest.param(
            "Hospice care is specialist care that aims to ease pain at any stage of an illness.",
            False,
            "purpose",
            id="care-that-aims-to",
        ),
        pytest.param(
            "You need to be at least 18 and have a referral from your GP to be suitable for surgery.",
            False,
            "number",
            id="an-age-rule",
        ),
        pytest.param(
            "If a shop sells sunbeds to children, report it to our licensing team on 01632 960000.",
            False,
            "number",
            id="report-it-is-a-call",
        ),
        pytest.param(
            "Heart failure is most common among older men.", True, "prevalence", id="most-common"
        ),
        pytest.param(
            "In 2019 the Medicines Commission banned the sale of the remedy to children.",
            True,
            "recommendation",
            id="a-commission-bans",
        ),
        pytest.param(
            "The European Working Group on Falls recommends a yearly review of medicines.",
            True,
            "recommendation",
            id="a-working-group-recommends",
        ),
        # Forms of the twelfth held-out set, written for this test.
        pytest.param(
            "Rotavirus survives on cots and changing mats for days, which is why we clean them daily.",
            True,
            "clinic",
            id="a-fact-given-as-a-reason",
        ),
        pytest.param(
            "We are a small team, which is why replies can take a week.",
            False,
            "clinic",
            id="our-own-reason-is-no-fact",
        ),
        pytest.param(
            "Talking therapies are recommended by NICE as the first treatment for panic disorder.",
            True,
            "recommendation",
            id="recommended-by-a-body",
        ),
        pytest.param(
            "Children with a fever must stay at home until 24 hours after it has gone.",
            False,
            "number",
            id="a-nursery-exclusion-rule",
        ),
        pytest.param(
            "Migraine is usually diagnosed after five or more attacks of a typical headache.",
            False,
            "number",
            id="diagnosed-after",
        ),
        pytest.param(
            "Read the full Global Burden of Disease report in The Lancet.",
            False,
            "research-report",
            id="read-the-full-report",
        ),
        # The thirteenth set's forms (written for this test).
        pytest.param(
            "In a trial in Leeds, eight weekly tai chi classes worked as well as physiotherapy.",
            True,
            "efficacy",
            id="worked-as-well-as",
        ),
        pytest.param(
            "Kidney disease means your kidneys have not worked as well as they should.",
            False,
            "definition",
            id="worked-as-well-as-they-should",
        ),
        pytest.param(
            "A Cochrane review judged the evidence for tai chi to be of low certainty.",
            True,
            "research-report",
            id="a-review-judged-the-evidence",
        ),
        pytest.param(
            "According to NICE, family therapy should be offered as a first-line treatment.",
            True,
            "recommendation",
            id="according-to-a-body-advice",
        ),
        pytest.param(
            "Public Health England recommends action when the radon level exceeds 200 Bq/m3.",
            True,
            "recommendation",
            id="a-body-without-a-head-word-recommends",
        ),
        pytest.param(
            "Bulimia has the highest relapse rate of any eating disorder.",
            True,
            "prevalence",
            id="the-highest-rate",
        ),
        pytest.param(
            "Scabies spreads through long skin-to-skin contact, not a handshake.",
            True,
            "fact",
            id="how-it-spreads",
        ),
        pytest.param(
            "Doxycycline can make your skin burn more easily, so pack a high-factor sunscreen.",
            True,
            "",
            id="a-fact-as-the-reason-for-advice",
        ),
        pytest.param(
            "Your test will take about two hours, so bring a book.",
            False,
            "",
            id="your-appointment-so-advice",
        ),
        pytest.param(
            "Drop-in classes are \u00a314, or \u00a360 for a five-class pass.",
            False,
            "price",
            id="a-pass-price",
        ),
        pytest.param(
            "I walked out hearing the traffic again \u2014 Maureen, 71.",
            False,
            "anecdote",
            id="a-testimonial-signed-with-an-age",
        ),
        # The fourteenth set's forms (written for this test).
        pytest.param(
            "Scotland was the first UK nation to ban smoking in pubs, in March 2006.",
            True,
            "event",
            id="the-first-and-a-year",
        ),
        pytest.param(
            "More than 30,000 hip replacements have now been performed as day-case procedures.",
            True,
            "number",
            id="procedures-performed",
        ),
        pytest.param(
            "The longer the splint was worn each night, the better the grip strength.",
            True,
            "causal",
            id="the-more-the-better",
        ),
        pytest.param(
            "Common triggers include cold air, exercise and pollen.",
            True,
            "fact",
            id="triggers-include",
        ),
        pytest.param(
            "Eat when you are hungry, and don't snack just because food is there.",
            False,
            "advice",
            id="just-because",
        ),
        pytest.param(
            "Booking takes two minutes online or by calling 0306 999 0142.",
            False,
            "contact",
            id="a-phone-number-to-call",
        ),
        pytest.param(
            "A full assessment costs \u00a31,800, and reports are usually ready within four weeks.",
            False,
            "price",
            id="a-price-and-its-report",
        ),
        # The fifteenth set's forms (written for this test).
        pytest.param(
            "Around 8 in 10 of our patients say their pain has gone by the six-week check.",
            True,
            "clinic",
            id="a-clinics-own-outcome-share",
        ),
        pytest.param(
            "When we ran a campaign in 2021, compliance rose from 52% to 80%.",
            True,
            "statistic",
            id="a-clinics-own-before-and-after",
        ),
        pytest.param(
            "Our oil is lab tested and contains less than 0.2% THC.",
            False,
            "clinic",
            id="a-products-content-is-no-outcome",
        ),
        pytest.param(
            "Tree pollen in spring is a common trigger, so keep windows shut on dry days.",
            True,
            "",
            id="a-common-trigger-so-advice",
        ),
        pytest.param(
            "Parking costs \u00a32.50 for two hours, and badge holders park free.",
            False,
            "price",
            id="a-small-price",
        ),
        pytest.param(
            "Initial assessment \u00a345; nail surgery \u00a3295 per toe.",
            False,
            "price",
            id="a-price-list",
        ),
        pytest.param("Donate \u00a310 today to fund a call.", False, "price", id="an-appeal"),
        pytest.param("\u00a35.49. Add to basket.", False, "price", id="add-to-basket"),
        pytest.param(
            "Obesity costs the NHS \u00a36.1 billion a year, up from \u00a34.2 billion in 2010.",
            True,
            "cost",
            id="a-cost-in-billions-is-a-finding",
        ),
        pytest.param(
            "The operation takes about 15 minutes and you will be awake throughout.",
            False,
            "logistics",
            id="what-to-expect-on-the-day",
        ),
        pytest.param(
            "\u2605\u2605\u2605\u2605\u2605 'Gone in three days!' (Jo, Leeds)",
            False,
            "anecdote",
            id="a-starred-review",
        ),
        # The sixteenth set's forms (written for this test).
        pytest.param(
            "Once symptoms appear, rabies is almost always fatal.", True, "safety", id="fatal"
        ),
        pytest.param(
            "Psoriasis is not contagious and cannot be caught by touch.",
            True,
            "fact",
            id="not-contagious",
        ),
        pytest.param(
            "Some bats carry a virus that can be passed to people through a bite.",
            True,
            "fact",
            id="can-be-passed-to-people",
        ),
        # The seventeenth set's forms (written for this test): a tendency compared, what
        # works best, what can trigger harm, a body that discourages something.
        pytest.param(
            "Toddlers who nap after lunch tend to sleep longer at night.",
            True,
            "causal",
            id="tend-to-compared",
        ),
        pytest.param(
            "Speech therapy works best when it starts before school age.",
            True,
            "efficacy",
            id="works-best",
        ),
        pytest.param(
            "Strobe lighting can trigger seizures in people with photosensitive epilepsy.",
            True,
            "causal",
            id="can-trigger",
        ),
        pytest.param(
            "The Royal College of Psychiatrists discourages screen use before bed.",
            True,
            "recommendation",
            id="a-body-discourages",
        ),
        # The nineteenth set's: what a shop's customer pays and gets.
        pytest.param("Free returns within 60 days.", False, "price", id="free-returns"),
        pytest.param(
            "Highlights start from £60, including a toner.", False, "price", id="starts-from"
        ),
        # The twenty-first set's forms, written for this test: work reported where the
        # sentence says, a body's recorded count, a price before a comma, a personal story, an
        # instruction after "if you".
        pytest.param(
            "In 2013, the physiologist Anna Berg reported in Circulation that rowers who trained "
            "in winter kept their blood pressure lower.",
            True,
            "research-report",
            id="reported-in-a-journal-that",
        ),
        pytest.param(
            "Tendon ruptures have been reported in older adults taking fluoroquinolones.",
            True,
            "research-report",
            id="have-been-reported-in",
        ),
        pytest.param(
            "Public Health Scotland recorded 1,051 drug deaths in Scotland in 2022.",
            True,
            "statistic",
            id="a-body-recorded-a-count",
        ),
        pytest.param(
            "Pottery evenings run from 7pm to 9pm and cost £12, including clay and firing.",
            False,
            "price",
            id="cost-before-a-comma",
        ),
        pytest.param(
            "My back pain has eased so much since I switched to a standing desk.",
            False,
            "anecdote",
            id="since-i",
        ),
        pytest.param(
            "If you start to yawn at the wheel, pull over somewhere safe and take a 15-minute nap.",
            False,
            "advice",
            id="if-you-then-pull-over",
        ),
        # The twenty-third set's forms, written for this test: a gift's worth, a session's
        # length, a person's diagnosis at an age; a fact given as the reason for what follows,
        # though "us" is in it.
        pytest.param(
            "Every £25 you give helps train one more volunteer driver.",
            False,
            "price",
            id="a-gift-and-what-it-pays-for",
        ),
        pytest.param(
            "Places are free and include a short induction session that takes about 20 minutes.",
            False,
            "logistics",
            id="a-session-that-takes",
        ),
        pytest.param(
            "Tomasz was diagnosed with type 1 diabetes at 9 and now runs our junior club.",
            False,
            "anecdote",
            id="diagnosed-at-an-age",
        ),
        pytest.param(
            "Melatonin rises in the evening to make us drowsy, which is why screens late at "
            "night can delay sleep.",
            True,
            "",
            id="which-is-why-with-us",
        ),
        # The twenty-fifth set's forms, written for this test: what someone told the writer,
        # the writer's own past, a member's rate, an instruction to cover; what the law has
        # required since a year.
        pytest.param(
            "A farrier once told me he'd only seen one bad kick in thirty years.",
            False,
            "anecdote",
            id="told-me",
        ),
        pytest.param(
            "My neighbour slipped on black ice last winter and broke her wrist.",
            False,
            "anecdote",
            id="my-neighbour",
        ),
        pytest.param(
            "I wore the brace for the first three months and it made all the difference.",
            False,
            "anecdote",
            id="i-wore",
        ),
        pytest.param(
            "Entries are open, with a reduced rate of £15 for juniors under 18.",
            False,
            "price",
            id="a-reduced-rate",
        ),
        pytest.param(
            "Cover the wound with a clean dressing and keep it dry for two days.",
            False,
            "advice",
            id="cover-the-wound",
        ),
        pytest.param(
            "Since 2018, every new rental home in Scotland has had to have a heat alarm in the "
            "kitchen.",
            True,
            "event",
            id="since-a-year-the-law",
        ),
        pytest.param(
            "Fit a smoke alarm on every floor; it's a legal requirement for landlords.",
            True,
            "event",
            id="a-legal-requirement",
        ),
        # The twenty-sixth set's forms, written for this test: how often a condition is missed
        # or lasts, what most of a group carry, who is affected more often, a share of deaths,
        # a treatment that works about as well as another, advice with its reason; and, the
        # other way, the writer's own recommendation, an explainer's title, an upgrade's price,
        # a first-aid step after "if", a measure defined.
        pytest.param(
            "Early on, coeliac disease is often missed and children are often misdiagnosed "
            "with a stomach bug.",
            True,
            "fact",
            id="often-misdiagnosed",
        ),
        pytest.param(
            "Once it starts, a nickel allergy usually lasts for life.", True, "fact", id="for-life"
        ),
        pytest.param(
            "Most healthy tortoises carry Salmonella without looking ill.",
            True,
            "statistic",
            id="most-carry",
        ),
        pytest.param(
            "Girls are affected more often than boys.", True, "prevalence", id="more-often-than"
        ),
        pytest.param(
            "More than half of these injuries happen at home.",
            True,
            "statistic",
            id="half-of-these-injuries",
        ),
        pytest.param(
            "Group exercise can work about as well as one-to-one physiotherapy for knee pain.",
            True,
            "efficacy",
            id="about-as-well-as",
        ),
        pytest.param(
            "Fit the seat tightly, because a loose seat can tip over in a crash.",
            True,
            "advice",
            id="fit-because",
        ),
        pytest.param(
            "We recommend speaking to your GP before you open any report on a serious condition.",
            False,
            "advice",
            id="we-recommend-a-report",
        ),
        pytest.param("Your blood test reports, explained", False, "", id="explained"),
        pytest.param(
            "Upgrade to Premium for £49 and unlock more than 20 reports.",
            False,
            "advice",
            id="upgrade-and-unlock",
        ),
        pytest.param(
            "If your child has swallowed a magnet, give nothing by mouth for two hours and go "
            "to A&E.",
            False,
            "advice",
            id="if-then-give",
        ),
        pytest.param(
            "LAeq is the average sound level over 16 hours of the day.",
            False,
            "definition",
            id="a-level-defined",
        ),
        # The twenty-seventh set's forms, written for this test: what the law forbids, what
        # can kill, the richest food source, what animals can carry, when most harms happen,
        # a fact before "so step outside"; an offer's price is no finding.
        pytest.param(
            "It is against the law to sell sparklers to anyone under 18 in Ireland.",
            True,
            "event",
            id="against-the-law",
        ),
        pytest.param(
            "Budgies can die from fumes that leave a person with no symptoms.",
            True,
            "safety",
            id="can-die",
        ),
        pytest.param(
            "Liver is the richest food source of vitamin A.", True, "fact", id="richest-food-source"
        ),
        pytest.param(
            "Healthy-looking sheep can carry the bacteria in their guts.",
            True,
            "fact",
            id="can-carry",
        ),
        pytest.param(
            "Most falls happen when people over-reach from the top step.",
            True,
            "statistic",
            id="most-happen",
        ),
        pytest.param(
            "Dizziness after a long session usually means carbon monoxide, so step outside.",
            True,
            "",
            id="so-step-outside",
        ),
        pytest.param(
            "Intro offer: five sessions for £95, valid for 60 days.",
            False,
            "price",
            id="an-intro-offer",
        ),
        # The twenty-eighth set's forms, written for this test: what the law or a body's rules
        # require, what can burn, a share of what escapes, a report that "said", a body that
        # "has called for"; a step of a recipe is advice.
        pytest.param(
            "By law, every pack of raw cheese sold here must carry a warning label.",
            True,
            "event",
            id="by-law",
        ),
        pytest.param(
            "Under organic rules, organic soya drinks cannot have calcium added.",
            True,
            "event",
            id="under-organic-rules",
        ),
        pytest.param(
            "Vinegar sprays can burn the eyes at the strengths sold for weeds.",
            True,
            "safety",
            id="can-burn",
        ),
        pytest.param(
            "Up to a third of a home's heat escapes through its walls.",
            True,
            "statistic",
            id="up-to-a-third",
        ),
        pytest.param(
            "Two girls developed rashes after using the oil, a report in the BMJ said in 2009.",
            True,
            "research-report",
            id="a-report-said",
        ),
        pytest.param(
            "The Royal College of Paediatrics has called for a ban on the sale of walkers.",
            True,
            "recommendation",
            id="has-called-for",
        ),
        pytest.param(
            "Add three drops of oil to 100 ml of water and run it for 30 minutes.",
            False,
            "advice",
            id="add-drops",
        ),
        # The twenty-ninth set's forms, written for this test: how a substance forms, a body
        # that has listed something or whose advice is stated, a study that randomly assigned;
        # a link to read a body's recommendation stays advice.
        pytest.param(
            "Furan forms when canned foods are heated in sealed containers.",
            True,
            "fact",
            id="forms-when",
        ),
        pytest.param(
            "The International Agency for Research on Cancer has listed processed meat as "
            "carcinogenic since 2015.",
            True,
            "recommendation",
            id="has-listed",
        ),
        pytest.param(
            "The Food Standards Agency's advice is to cook toast to a golden yellow.",
            True,
            "recommendation",
            id="a-bodys-advice-is",
        ),
        pytest.param(
            "In a Swiss study, researchers randomly assigned 200 pupils to singing lessons.",
            True,
            "research-report",
            id="randomly-assigned",
        ),
        pytest.param(
            "You can read the National Screening Committee's recommendation in full on GOV.UK.",
            False,
            "advice",
            id="read-a-bodys-recommendation",
        ),
        # The twenty-ninth set's forms (written for this test): where a work appeared, and a
        # timetable, state no finding; a finding beside the publication still does.
        pytest.param(
            "Their results were published in the Journal of Sleep Research in 2019.",
            False,
            "publication",
            id="where-a-work-appeared",
        ),
        pytest.param(
            "The trial, published in Pediatrics in 2012, found fewer night wakings.",
            True,
            "research-report",
            id="published-and-found",
        ),
        pytest.param(
            "Beginner classes run on Tuesday evenings, and private lessons last 45 minutes.",
            False,
            "logistics",
            id="a-timetable",
        ),
        pytest.param(
            "The FDA lists sucralose among the sweeteners it considers safe.",
            True,
            "recommendation",
            id="a-body-lists",
        ),
        # The thirtieth set's forms (written for this test).
        pytest.param(
            "Each two-a-day capsule contains 500 mg of turmeric extract.",
            False,
            "composition",
            id="what-a-serving-of-the-product-holds",
        ),
        pytest.param(
            "Each bar of Crunchwell provides 8 g of protein and 12% of your daily fibre.",
            False,
            "composition",
            id="what-a-branded-serving-holds",
        ),
        pytest.param(
            "Each can of cola contains about nine teaspoons of sugar.",
            True,
            "fact",
            id="a-serving-of-a-thing-named-in-lower-case",
        ),
        pytest.param(
            "Not suitable for children under 12 or during breastfeeding.",
            False,
            "",
            id="a-label-warning",
        ),
        pytest.param(
            "Nicotine can damage a child's developing brain.",
            True,
            "safety",
            id="damages-an-organ",
        ),
        pytest.param("Phthalates can mimic oestrogen.", True, "mechanism", id="mimics"),
        pytest.param(
            "Cycling works the thighs and glutes as well as the heart.",
            True,
            "efficacy",
            id="works-the-muscles",
        ),
        pytest.param(
            "A walking stick takes some of the strain off a painful hip.",
            True,
            "efficacy",
            id="takes-the-load-off",
        ),
        pytest.param(
            "A higher SPF does not necessarily protect for longer.",
            True,
            "fact",
            id="does-not-necessarily",
        ),
        pytest.param(
            "Babies burn more easily than adults, because their skin is thinner.",
            True,
            "causal",
            id="because-their-x-is",
        ),
        pytest.param(
            "Norovirus survives for days on door handles, which may help explain why it spreads.",
            True,
            "",
            id="which-may-help-explain-why",
        ),
        pytest.param(
            "Ginkgo may thin the blood, so stop taking it a week before surgery.",
            True,
            "",
            id="a-short-fact-so-advice",
        ),
        pytest.param(
            "The British Dental Association wants fizzy drinks taxed more heavily.",
            True,
            "recommendation",
            id="a-body-wants",
        ),
        # The thirty-first set's forms (written for this test).
        pytest.param(
            "Breeders can charge more than £1,500 for a puppy.", False, "price", id="charges"
        ),
        pytest.param(
            "Your first massage is £40, and members pay £70 for two.", False, "price", id="pays"
        ),
        pytest.param(
            "The pool is open from 7am until 9pm, seven days a week.",
            False,
            "logistics",
            id="opening-hours",
        ),
        pytest.param(
            "'Three sessions in and my back is better!' Sam, York",
            False,
            "anecdote",
            id="a-quoted-testimonial-and-its-name",
        ),
        pytest.param(
            "Steam inhalation thins mucus and helps the airways clear it.",
            True,
            "mechanism",
            id="thins-mucus",
        ),
        pytest.param("Bleach can erode the enamel of your teeth.", True, "safety", id="can-erode"),
        pytest.param(
            "Most bruises from cupping fade within a week.", True, "fact", id="fade-within"
        ),
        pytest.param(
            "Heart rate fell during sessions in a small crossover study.",
            True,
            "research-report",
            id="fell-in-a-study",
        ),
        pytest.param(
            "Radon therapy was first described in 1904 by a Czech physician.",
            True,
            "event",
            id="first-described-in",
        ),
        pytest.param(
            "Tell your therapist if you take warfarin, as cupping can cause larger bruises.",
            True,
            "",
            id="advice-with-its-reason-after-as",
        ),
        pytest.param(
            "Please arrange a lift home, as you may feel unsteady afterwards.",
            False,
            "advice",
            id="advice-with-what-to-expect-after-as",
        ),
        # The thirty-second set's forms (written for this test).
        pytest.param(
            "Magnets have been worn for back pain for more than 1,000 years.",
            False,
            "history",
            id="worn-for-centuries",
        ),
        pytest.param(
            "Runners with asthma should carry their inhaler on long runs.",
            False,
            "advice",
            id="should-carry",
        ),
        pytest.param(
            "Call our line on 0113 496 0000 if you are low, because you do not have to cope alone.",
            False,
            "",
            id="because-you-do-not-have-to",
        ),
        pytest.param(
            "Since 2012, more than 40 councils have adopted similar limits.",
            True,
            "event",
            id="since-a-year-councils-adopted",
        ),
        pytest.param(
            "Aune and colleagues estimated that low fruit intake caused two million deaths.",
            True,
            "research-report",
            id="and-colleagues-estimated",
        ),
        pytest.param(
            "Ready meals tend to be larger and higher in salt than meals made at home.",
            True,
            "causal",
            id="tend-to-be-larger",
        ),
        pytest.param(
            "The Food and Drug Administration warned consumers about such clinics.",
            True,
            "recommendation",
            id="a-body-warned",
        ),
        # The thirty-third set's forms (written for this test).
        pytest.param(
            "HOST: Did you know that one in eight adults is living with diabetes?",
            True,
            "statistic",
            id="a-speakers-did-you-know",
        ),
        pytest.param(
            "The agency classifies areca nut as carcinogenic to humans.",
            False,
            "",
            id="an-unnamed-body-classifies",
        ),
        pytest.param(
            "The International Agency for Research on Cancer classifies areca nut as carcinogenic.",
            True,
            "recommendation",
            id="a-body-classifies-a-hazard",
        ),
        pytest.param(
            "The International Headache Society classifies chronic migraine as headache on 15 days.",
            False,
            "definition",
            id="a-body-classifies-a-definition",
        ),
        pytest.param(
            "A wood fire fills a kitchen with many times more smoke than a busy road.",
            True,
            "statistic",
            id="times-more",
        ),
        pytest.param(
            "Most of the usual antibiotics no longer work against the strain.",
            True,
            "fact",
            id="no-longer-work",
        ),
        pytest.param(
            "Families here have cooked with coconut oil for many hundreds of years.",
            False,
            "history",
            id="hundreds-of-years",
        ),
        pytest.param(
            "Household air pollution is the mixture of smoke and gases released indoors.",
            False,
            "definition",
            id="the-mixture-of",
        ),
        pytest.param(
            "AINA: The helpline is free and open 24 hours a day.",
            False,
            "contact",
            id="a-helpline",
        ),
        pytest.param(
            "Children with a fever on the day will be vaccinated at a later session.",
            False,
            "logistics",
            id="a-later-session",
        ),
        pytest.param(
            "The full CDC report on the 2017 epidemic is attached as Appendix C.",
            False,
            "logistics",
            id="attached",
        ),
        pytest.param(
            "Report of the Director of Public Health to the Committee — Item 7: Cholera in 2025",
            False,
            "publication",
            id="a-reports-title-line",
        ),
        # The thirty-fourth set's forms (written for this test).
        pytest.param(
            "SMS 5: Last year, 9 out of 10 patients who finished treatment were cured.",
            True,
            "statistic",
            id="an-sms-number-and-out-of",
        ),
        pytest.param(
            "Seller reply: Please keep taking the antiviral your doctor prescribed.",
            False,
            "advice",
            id="a-sellers-reply",
        ),
        pytest.param(
            "Last reviewed: 14 March 2025. Next review due: March 2028.",
            False,
            "transition",
            id="a-pages-own-label-stays",
        ),
        pytest.param(
            "Taiwan began vaccinating every newborn in July 1984, the first country to do so.",
            True,
            "event",
            id="a-year-then-the-first-country",
        ),
        pytest.param(
            "Sweden has the lowest share of daily smokers in the European Union.",
            True,
            "statistic",
            id="the-lowest-share",
        ),
        pytest.param(
            "Mothers' groups have saved newborn lives in the district.",
            True,
            "efficacy",
            id="saved-lives",
        ),
        pytest.param(
            "Swedes have put snuff under their lips for more than two hundred years.",
            False,
            "history",
            id="two-hundred-years",
        ),
        pytest.param(
            "A solid food counts as 'high in' sugars if it has more than 10 g per 100 g.",
            False,
            "definition",
            id="counts-as-a-quoted-term",
        ),
        pytest.param(
            "A box of 30 tablets costs patients 450,000 rials under the insurance scheme.",
            False,
            "price",
            id="a-price-in-rials",
        ),
        pytest.param(
            "In this video I explain how the virus reaches the baby and what the scans show.",
            False,
            "transition",
            id="in-this-video",
        ),
        # The thirty-fifth set's forms (written for this test).
        pytest.param(
            "A shell at the nakamal costs 100 to 200 vatu, and bars open at dusk.",
            False,
            "price",
            id="a-price-range-in-vatu",
        ),
        pytest.param(
            "The retreat costs €1,890 per person sharing, including all meals.",
            False,
            "price",
            id="per-person",
        ),
        pytest.param(
            "Book before 31 January and save 10 percent.", False, "price", id="save-10-percent"
        ),
        pytest.param(
            "(6/10) Boil camel milk, because heat kills the virus in 20 minutes.",
            True,
            "",
            id="a-threads-post-number",
        ),
        pytest.param(
            "Trachoma is an infection of the eye caused by the bacterium Chlamydia trachomatis.",
            False,
            "definition",
            id="a-disease-defined-by-its-cause",
        ),
        pytest.param(
            "Trachoma infection causes scarring that turns the eyelashes inward.",
            True,
            "causal",
            id="what-a-disease-causes-is-a-claim",
        ),
        # The thirty-fifth set's forms (written for this test): a fold change, a body's act.
        pytest.param(
            "Diagnoses in the region rose about fifteenfold between 1993 and 2011.",
            True,
            "statistic",
            id="a-fold-change",
        ),
        pytest.param(
            "The risk was 2-fold higher in smokers.", True, "statistic", id="a-2-fold-risk"
        ),
        pytest.param(
            "In 2019 the European Commission adopted a limit for the whole Union.",
            True,
            "recommendation",
            id="a-body-adopted-a-limit",
        ),
        pytest.param(
            "Fold the towel in half and lay it flat on the table.",
            False,
            "",
            id="a-fold-is-no-change",
        ),
        # ... and a reason that says what a thing does to the body.
        pytest.param(
            "Boil the milk and cook the meat thoroughly, because heat kills the virus.",
            True,
            "causal",
            id="advice-for-a-reason-that-kills",
        ),
        pytest.param(
            "The skin can redden in sunlight, because hypericin makes the skin sensitive.",
            True,
            "causal",
            id="because-a-substance-makes",
        ),
        pytest.param(
            "We moved the meeting, because we make the rota on Mondays.",
            False,
            "",
            id="because-we-make",
        ),
        # The thirty-sixth and thirty-seventh sets' forms (written for this test).
        pytest.param(
            "Did you know that more people over 65 die in the bath than on the roads?",
            True,
            "question",
            id="did-you-know-a-comparison",
        ),
        pytest.param(
            "Do not bathe after drinking: both lower blood pressure and make fainting likely.",
            True,
            "advice",
            id="advice-and-its-reason-after-a-colon",
        ),
        pytest.param(
            "Researchers credit the fall to parents spending more time with teenagers.",
            True,
            "research-report",
            id="researchers-credit",
        ),
        pytest.param(
            "Portugal decriminalised the possession of drugs on 1 July 2001.",
            True,
            "event",
            id="decriminalised-in-a-year",
        ),
        pytest.param(
            "In 1995 the Council for Scientific Research patented the compound.",
            True,
            "event",
            id="in-a-year-a-body-patented",
        ),
        pytest.param(
            "Soldiers fell ill after eating wild honey, the oldest written account of the poisoning.",
            True,
            "event",
            id="the-oldest-account",
        ),
        pytest.param(
            "Checking the records, they found that the oldest person in the village was 96.",
            True,
            "research-report",
            id="they-found-that",
        ),
        pytest.param("TSH naturally rises with age.", True, "fact", id="rises-with-age"),
        pytest.param(
            "Read the text below, then answer questions 1 to 4 in your exercise book.",
            False,
            "",
            id="four-in-your-book-is-no-share",
        ),
        pytest.param("One in five adults smokes.", True, "statistic", id="one-in-five"),
        pytest.param(
            "Here is what the studies have found since then.", False, "", id="here-is-what"
        ),
        pytest.param(
            "Running time: 74 minutes | Languages: Fore and English, with subtitles | Country: PNG",
            False,
            "",
            id="fields-between-pipes",
        ),
        pytest.param(
            "The boat costs US$45 per trip and must be booked the day before.",
            False,
            "price",
            id="per-trip",
        ),
        pytest.param(
            "Monthly pay: 7,800 pesos plus travel costs.", False, "price", id="monthly-pay"
        ),
        pytest.param(
            "Objectives: to measure how many drivers chew khat and whether it is linked with "
            "hypertension.",
            False,
            "methods",
            id="objectives-to-measure",
        ),
        pytest.param(
            "11:30 Talk: remedies for the heat, with a herb seller of forty years.",
            False,
            "methods",
            id="a-programmes-timed-line",
        ),
        # The thirty-eighth and thirty-ninth sets' forms (written for this test).
        pytest.param(
            "Hantavirus pulmonary syndrome, or HPS, is a lung disease caused by a virus.",
            False,
            "definition",
            id="a-disease-and-its-abbreviation-defined-by-its-cause",
        ),
        pytest.param(
            "Rheumatic fever is an illness that can follow a strep throat infection.",
            False,
            "definition",
            id="an-illness-that-follows",
        ),
        pytest.param(
            "Rat lungworm disease is caused by a parasitic worm that passes between rats and snails.",
            False,
            "definition",
            id="a-disease-is-caused-by-a-worm",
        ),
        pytest.param(
            "Measles is a disease that kills about 100,000 children a year.",
            True,
            "statistic",
            id="a-defined-disease-with-a-figure",
        ),
        pytest.param(
            "Reviewed by the Infection Prevention Department, June 2025.",
            False,
            "publication",
            id="reviewed-by",
        ),
        pytest.param(
            "This feature was produced with support from a journalism fund.",
            False,
            "publication",
            id="produced-with-support",
        ),
        pytest.param(
            "Whether vitamin D can prevent MS is still being studied.",
            False,
            "uncertainty",
            id="still-being-studied",
        ),
        pytest.param(
            "A gift of US$25 pays for a month of airtime.", False, "price", id="a-gift-of"
        ),
        pytest.param(
            "UGX 4,200,000 raised of UGX 9,500,000 goal · 63 donors",
            False,
            "price",
            id="a-crowdfunding-tally",
        ),
        pytest.param(
            "Never stop your tablets because you want to get pregnant; speak to your clinic.",
            False,
            "advice",
            id="because-you-want",
        ),
        pytest.param(
            "The Health Service Executive said last year that it has no plans to screen.",
            True,
            "recommendation",
            id="a-body-said",
        ),
        pytest.param(
            "Since December 2015, food stalls have not been allowed to use freshwater fish raw.",
            True,
            "event",
            id="since-a-month-not-allowed",
        ),
        pytest.param(
            "Noni is naturally high in potassium, so if you have kidney disease please talk to "
            "your doctor.",
            True,
            "fact",
            id="so-if-you-have",
        ),
        # The fortieth set's forms (written for this test).
        pytest.param(
            "Cooking or freezing the fish does not destroy the toxin.",
            True,
            "fact",
            id="does-not-destroy",
        ),
        pytest.param(
            "There is still no licensed vaccine or specific treatment for Nipah.",
            True,
            "fact",
            id="no-licensed-vaccine",
        ),
        pytest.param(
            "People usually catch Lassa from food soiled by rats.", True, "fact", id="people-catch"
        ),
        pytest.param(
            "Since November 2012, more than 230 dogs have had the disease confirmed.",
            True,
            "statistic",
            id="a-count-of-dogs",
        ),
        pytest.param(
            "Large reef fish such as barracuda are the most likely to carry the toxin.",
            True,
            "causal",
            id="most-likely-to",
        ),
        pytest.param(
            "Summer clinic hours are Monday to Saturday, 7:30 a.m. to 6 p.m., and walk-ins are "
            "welcome.",
            False,
            "logistics",
            id="clinic-hours",
        ),
        pytest.param(
            "Your plan covers emergency visits at 80% after the $250 deductible.",
            False,
            "price",
            id="a-deductible",
        ),
        pytest.param(
            "Resources mentioned: the LASCOPE study and the WHO's Lassa fever fact sheet.",
            False,
            "publication",
            id="resources-mentioned",
        ),
        pytest.param(
            "Stick to a toothpaste with 1,450 ppm fluoride and brush twice a day.",
            False,
            "advice",
            id="stick-to",
        ),
        pytest.param(
            "The AFA 2 costs $295 plus GST and includes two evenings and a field day at the lake.",
            False,
            "price",
            id="a-price-plus-tax",
        ),
        pytest.param(
            "The levy adds 24p plus VAT to a litre, and sales of sugary drinks fell by 10% in a year.",
            True,
            "statistic",
            id="a-levy-plus-tax-is-no-price-asked",
        ),
        pytest.param(
            "If you get a fever, a rash or a cough within six weeks of the trip, tell your doctor "
            "where you travelled.",
            False,
            "advice",
            id="if-then-a-call-to-act-after-a-list",
        ),
        pytest.param(
            "Drop, cover and hold on: get under a table and hold on until the shaking stops.",
            False,
            "advice",
            id="drop-cover-hold-on",
        ),
        pytest.param(
            "Review question: name two ways to cut the lead in the meat you bring home.",
            False,
            "logistics",
            id="a-review-question",
        ),
        pytest.param(
            "A university team that tested 412 hunters found that those who ate game had more "
            "lead in their blood.",
            True,
            "research-report",
            id="a-team-that-tested-found",
        ),
        pytest.param(
            "About one Ashkenazi Jew in 30 carries a Tay-Sachs mutation.",
            True,
            "statistic",
            id="one-group-word-in-n",
        ),
        pytest.param(
            "Take one tablet in 24 hours and no more.",
            False,
            "",
            id="one-tablet-in-24-hours-is-no-rate",
        ),
        # The forty-sixth claims set's forms, written for this test: where a paper appeared,
        # its title between commas, is a note on the work; opening hours are logistics.
        pytest.param(
            "Their paper, 'Yawning and its side effects', appeared in the BMJ's Christmas issue.",
            False,
            "publication",
            id="a-paper-appeared-in",
        ),
        pytest.param(
            "The kiosk is open from noon to 9 p.m. in summer, and a cone is $3.50.",
            False,
            "logistics",
            id="open-from-noon",
        ),
        # The forty-seventh claims set's forms, written for these tests.
        pytest.param(
            "The survey counted 41,200 falls recorded between 2001 and 2019.",
            True,
            "research-report",
            id="survey-counted",
        ),
        pytest.param(
            "Two cups were never found, which the authors put down to a poor search.",
            True,
            "research-report",
            id="authors-put-down-to",
        ),
        pytest.param(
            "Children who cycle to school tend to sleep, and eat, better than those driven.",
            True,
            "causal",
            id="tend-to-with-commas",
        ),
        pytest.param(
            "Rinsing with salt water removes far more plaque than plain water.",
            True,
            "efficacy",
            id="removes-far-more",
        ),
        pytest.param(
            "Salmonella survives freezing, which is why frozen chicken should be cooked through.",
            True,
            "advice",
            id="which-is-why-before-advice",
        ),
        pytest.param(
            "The practice nurse removes the stitches at your next visit.",
            False,
            "",
            id="removes-the-stitches",
        ),
        # The forty-eighth claims set's forms, written for these tests.
        pytest.param(
            "Hyacinth bulbs are $2.50 each or five for $10 until the end of March.",
            False,
            "price",
            id="shop-price-each",
        ),
        pytest.param(
            "Fitness checks take 15 minutes and are included in every membership plan.",
            False,
            "logistics",
            id="included-in-membership",
        ),
        pytest.param(
            "Doreen, 88, says a daily swim is what keeps her going.",
            False,
            "anecdote",
            id="name-age-says",
        ),
        pytest.param(
            "Vitamin D is often called the sunshine vitamin.",
            False,
            "definition",
            id="often-called",
        ),
        pytest.param(
            "About a third of Irish adults say they walk to work at least once a week.",
            True,
            "statistic",
            id="a-third-of-adults",
        ),
        pytest.param(
            "The pharmacy is open until 9 p.m. on Fridays, and parking is free.",
            False,
            "logistics",
            id="open-until",
        ),
        # the fiftieth claims set's forms (written for these cases)
        pytest.param(
            "A 2021 paper in the Lancet tied shift work to weight gain.",
            True,
            "research-report",
            id="a-dated-paper",
        ),
        pytest.param(
            "A paper published last spring linked naps to lower blood pressure.",
            True,
            "research-report",
            id="a-paper-published",
        ),
        pytest.param(
            "Please put the paper cups in the green bin by the counter.",
            False,
            "",
            id="paper-cups",
        ),
        pytest.param("Day passes are $18, and towel hire is $3.", False, "price", id="day-passes"),
        pytest.param(
            "A three-night spa stay with daily massage costs 7,400 CZK.",
            False,
            "price",
            id="a-stay-in-a-currency-code",
        ),
        pytest.param(
            "Diabetes costs the health service £10 billion a year.", True, "cost", id="a-cost"
        ),
        pytest.param(
            "A later replication led by a German team found no such link.",
            True,
            "research-report",
            id="a-replication",
        ),
        # the fifty-first set's forms (written for these cases)
        pytest.param(
            "Smokers lived to about 70 on average, compared with about 79 for non-smokers.",
            True,
            "number",
            id="two-figures-compared",
        ),
        pytest.param(
            "Our nets are closer than most, compared with the old hall.",
            False,
            "",
            id="compared-without-figures",
        ),
        pytest.param("Juniors swim for £4 a session on Mondays.", False, "price", id="a-session"),
        pytest.param(
            "Adult eye check: €45, free for holders of the family pass.",
            False,
            "price",
            id="a-price-lists-line",
        ),
        pytest.param(
            "Replace the filter every six months, or sooner if it smells.",
            False,
            "advice",
            id="replace-every",
        ),
        pytest.param(
            "Warm up for at least 10 minutes before you run.", False, "advice", id="warm-up"
        ),
        pytest.param(
            "In 2006, doctors described in The Lancet a baby harmed by his mother's codeine.",
            True,
            "research-report",
            id="described-in-a-journal",
        ),
        pytest.param(
            "The recipe was published in the parish newsletter last spring.",
            False,
            "",
            id="published-in-a-newsletter",
        ),
        pytest.param(
            "Warm compresses ease the pain of a stye within two days.",
            True,
            "",
            id="warm-as-an-adjective",
        ),
        pytest.param(
            "A persistent cough is a common early sign of lung cancer.",
            True,
            "fact",
            id="a-sign-of",
        ),
        pytest.param(
            "A lisp is not a sign of low intelligence.",
            False,
            "",
            id="not-a-sign-of",
        ),
        pytest.param(
            "Norovirus can survive on door handles for weeks.",
            True,
            "fact",
            id="survives-for-weeks",
        ),
        pytest.param(
            "Iceland has been declared free of measles.",
            True,
            "fact",
            id="free-of-a-disease",
        ),
        pytest.param(
            "Our herbal teas are free from added sugar.",
            False,
            "",
            id="free-from-sugar-is-a-label",
        ),
        pytest.param(
            "Melanoma is the most commonly diagnosed cancer in young adults.",
            True,
            "prevalence",
            id="most-commonly-diagnosed",
        ),
        pytest.param(
            "Shingles usually develops after the age of fifty.",
            True,
            "fact",
            id="usually-develops-after",
        ),
        pytest.param(
            "A stubbed toe usually heals within a fortnight.",
            True,
            "fact",
            id="heals-within",
        ),
        pytest.param(
            "Salty food can push blood pressure levels up within weeks.",
            True,
            "efficacy",
            id="pushes-levels-up",
        ),
        pytest.param(
            "The agency's summary listed strong evidence for mesothelioma.",
            True,
            "research-report",
            id="a-summary-listed-evidence",
        ),
        pytest.param(
            "The trial's full protocol is listed in the appendix.",
            False,
            "",
            id="is-listed-in-an-appendix",
        ),
        pytest.param(
            "One vitamin E trial in Finland was stopped early after more strokes were seen.",
            True,
            "research-report",
            id="a-trial-stopped-early",
        ),
        pytest.param(
            "Bone density falls steadily from middle age in women.",
            True,
            "fact",
            id="falls-from-middle-age",
        ),
        pytest.param(
            "Most people with kidney stones never have a second one.",
            True,
            "fact",
            id="most-people-with-never",
        ),
        pytest.param(
            "Large amounts of carrot juice can turn the skin orange.",
            True,
            "fact",
            id="can-turn-the-skin",
        ),
        pytest.param(
            "Why would a supplement raise the risk of cancer?",
            True,
            "question",
            id="why-would-presumes-a-fact",
        ),
        pytest.param(
            "Cut down on salty snacks and swap crisps for nuts.",
            False,
            "advice",
            id="cut-down-is-advice",
        ),
        pytest.param(
            "Practise standing on one leg while the kettle boils.",
            False,
            "advice",
            id="practise-is-advice",
        ),
        pytest.param(
            "Our bereavement support line is open every day on 1800 555 019.",
            False,
            "contact",
            id="an-australian-1800-number",
        ),
        pytest.param(
            "A £10 gift buys a week of meals for a patient recovering at home.",
            False,
            "price",
            id="a-gift-buys",
        ),
        pytest.param(
            "Free cholesterol test with any purchase over £30 in March.",
            False,
            "price",
            id="free-with-any-purchase",
        ),
        pytest.param(
            "Carpal tunnel syndrome is swelling in the wrist caused by repeated gripping.",
            False,
            "",
            id="a-syndrome-defined-by-its-cause",
        ),
        pytest.param(
            "Colposcopy uses a magnifying lens with a light to look closely at the cervix.",
            False,
            "purpose",
            id="uses-a-lens-to-look",
        ),
        pytest.param(
            "Radiotherapy is treatment given after surgery to kill any cells left behind.",
            False,
            "purpose",
            id="treatment-given-after-surgery",
        ),
        pytest.param(
            "In our view, these results are a reason for care rather than fear.",
            False,
            "opinion",
            id="in-our-view",
        ),
        pytest.param(
            "Norovirus is a virus that infects the gut and causes sudden vomiting.",
            False,
            "definition",
            id="a-virus-defined-by-what-it-does",
        ),
        pytest.param(
            "Hepatitis B is a virus that infects the liver and is passed on mainly through blood.",
            True,
            "fact",
            id="a-virus-and-how-it-spreads",
        ),
        pytest.param(
            "The vaccine is given as an injection into the thigh at 8 weeks.",
            False,
            "purpose",
            id="given-as-an-injection",
        ),
        pytest.param(
            "All kitchen staff must complete the food hygiene course by Friday.",
            False,
            "advice",
            id="must-complete-a-course",
        ),
        pytest.param(
            "Peel apples for toddlers and skip whole grapes altogether.",
            False,
            "advice",
            id="peel-and-skip",
        ),
        pytest.param(
            "Swine flu circulates widely in pigs on large farms.",
            True,
            "fact",
            id="circulates-widely",
        ),
        pytest.param(
            "Reapply insect repellent every four hours while outdoors.",
            False,
            "advice",
            id="reapply",
        ),
        pytest.param(
            "Hold the cold pack on the bruise for 20 minutes at a time.",
            False,
            "advice",
            id="hold-for-minutes",
        ),
        pytest.param(
            "Set an alarm to take the tablets every 12 hours.",
            False,
            "advice",
            id="set-an-alarm",
        ),
        pytest.param(
            "Massage lowers levels of the stress hormone cortisol after a single session.",
            True,
            "",
            id="massage-as-a-subject",
        ),
        pytest.param(
            "I caught measles in 1998 and spent two weeks in bed.",
            False,
            "anecdote",
            id="i-caught",
        ),
        pytest.param(
            "I have worn contact lenses for fifteen years without one infection.",
            False,
            "anecdote",
            id="i-have-worn",
        ),
        pytest.param(
            "Children under 12 must be accompanied by an adult in the pool.",
            False,
            "",
            id="must-be-accompanied",
        ),
        pytest.param(
            "Night workers are entitled to a free health assessment every year.",
            False,
            "",
            id="entitled-to",
        ),
        pytest.param(
            "Tooth wear is the loss of enamel caused by grinding at night.",
            False,
            "definition",
            id="the-loss-of-caused-by",
        ),
        pytest.param(
            "Hand, foot and mouth disease is a common viral infection that causes mouth ulcers.",
            False,
            "definition",
            id="a-disease-named-with-commas",
        ),
        pytest.param(
            "The usual adult dose of ibuprofen for back pain is 400 mg three times a day.",
            False,
            "definition",
            id="the-usual-dose",
        ),
        pytest.param(
            "Sarah Jones and colleagues published those results in the BMJ in 2015.",
            False,
            "publication",
            id="and-colleagues-published-in",
        ),
        pytest.param(
            "Most sports drinks have a pH below 3.5.",
            True,
            "fact",
            id="a-ph-below",
        ),
        pytest.param(
            "In 2019, cases of measles in Europe rose to their highest level in a decade.",
            True,
            "fact",
            id="rose-to-their-highest",
        ),
        pytest.param(
            "Asking for help is a sign of strength, not weakness.",
            False,
            "",
            id="a-sign-of-strength",
        ),
        pytest.param(
            "Tennis elbow is lasting damage to the tendon caused by repeated gripping.",
            False,
            "definition",
            id="lasting-damage-caused-by",
        ),
        pytest.param(
            "Methotrexate is a tablet taken once a week, at a dose of 10 mg to 25 mg.",
            False,
            "purpose",
            id="a-tablet-taken-once",
        ),
        pytest.param(
            "Visiting hours on the children's ward are 10am to 7pm.",
            False,
            "logistics",
            id="visiting-hours-on-a-ward",
        ),
        pytest.param(
            "Whiplash is a neck injury caused by a sudden jolt of the head.",
            False,
            "definition",
            id="an-injury-caused-by",
        ),
        pytest.param(
            "Impetigo is a bacterial infection of the skin that causes crusted sores.",
            False,
            "definition",
            id="an-infection-of-the-skin-that",
        ),
        # The sixtieth to sixty-second sets' forms (written for these tests): how a treatment is
        # given, a disease defined with its alternative name or its spread, a retail price.
        pytest.param(
            "Two doses of the vaccine are given eight weeks apart.",
            False,
            "schedule",
            id="doses-given-weeks-apart",
        ),
        pytest.param(
            "Each bag of platelets takes about 30 minutes to transfuse.",
            False,
            "schedule",
            id="takes-minutes-to-transfuse",
        ),
        pytest.param(
            "Two doses given eight weeks apart cut infections by 70%.",
            True,
            "schedule",
            id="a-schedule-with-its-effect",
        ),
        pytest.param(
            "Croup, or laryngotracheobronchitis, is an infection behind the voice box that"
            " causes a barking cough.",
            False,
            "definition",
            id="an-infection-behind-with-its-other-name",
        ),
        pytest.param(
            "Cholera is a gut infection spread through water contaminated with faeces.",
            False,
            "definition",
            id="an-infection-spread-through",
        ),
        pytest.param(
            "Shin splints are the most common running injury, usually caused by a sudden rise"
            " in training.",
            True,
            "",
            id="a-ranking-is-no-definition",
        ),
        pytest.param(
            "A baby is underweight, or small, if born under 2.5 kg.",
            False,
            "definition",
            id="a-conditional-definition",
        ),
        pytest.param(
            "A tube of hydrocortisone cream costs about £4 over the counter.",
            False,
            "price",
            id="a-retail-price",
        ),
        # How it works, a course, and a figure a question takes for granted (written for these
        # tests in the shapes of the sixtieth to sixty-second sets).
        pytest.param(
            "Barrier creams form a thin film on the skin, which blocks urine from reaching it.",
            True,
            "mechanism",
            id="forms-a-film-blocks-from",
        ),
        pytest.param(
            "Fluoride varnish stops acid and sugar sticking to the enamel.",
            True,
            "mechanism",
            id="stops-things-sticking",
        ),
        pytest.param(
            "Most people with shingles feel better within three to five weeks.",
            True,
            "fact",
            id="a-course-most-people-with",
        ),
        pytest.param(
            "Did you know that around 40,000 hip replacements are done each year?",
            True,
            "question",
            id="a-count-a-question-presumes",
        ),
        pytest.param(
            "Did you know that our clinic opened 12 years ago?",
            False,
            "question",
            id="a-small-number-a-question-asks",
        ),
        pytest.param(
            "It is caused by a faulty gene, which means the body cannot make a protein.",
            True,
            "causal",
            id="which-means-is-no-definition",
        ),
    ],
)
def test_rules(text: str, evidential: bool, cue: str) -> None:
    assessment = assess(text)
    assert assessment.evidential is evidential
    assert not cue or cue in assessment.cues


def test_a_heading_is_never_evidential() -> None:
    assert not assess("Acupuncture reduces pain", ClaimKind.HEADING).evidential
    assert not assess("Benefits of acupuncture").evidential


def test_labelled_sentences() -> None:
    """The project's 500 labelled sentences: recall and the share of non-evidential sentences
    flagged stay at what was measured (docs/claims.md), well inside the goals (0.85, 15%)."""
    sentences = json.loads(SENTENCES.read_text(encoding="utf-8"))["sentences"]
    flagged = [(assess(s["text"]).evidential, s["evidential"]) for s in sentences]
    found = sum(1 for got, want in flagged if got and want)
    recall = found / sum(1 for _, want in flagged if want)
    false_alarms = sum(1 for got, want in flagged if got and not want)
    share = false_alarms / sum(1 for _, want in flagged if not want)
    assert recall >= 0.94
    assert share <= 0.07
