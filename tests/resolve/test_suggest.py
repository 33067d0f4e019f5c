"""Possible sources for claims that name a work without citing it, through the loopback Crossref.

The fixture records hold the works the bundled corpus cites, among them Vickers AJ et al.,
"Acupuncture for Chronic Pain: Individual Patient Data Meta-analysis", Archives of Internal
Medicine 2012 (10.1001/archinternmed.2012.3654), its correction and erratum notices, and
distractors in the same journal.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

import acurefs
from acurefs.claims.audit import assessed
from acurefs.models import Claim, Person, Record, Support
from acurefs.resolve.claim_audit import audit_document
from acurefs.resolve.suggest import cues_of, score, search_terms, suggestions_for
from acurefs.sources.cache import Cache
from tests.fake_crossref import FakeCrossref

VICKERS = "10.1001/archinternmed.2012.3654"
LANDMARK = (
    "A landmark analysis published in Archives of Internal Medicine found acupuncture to be "
    "significantly more effective than no treatment."
)


@pytest.fixture
def source(crossref_server: FakeCrossref, tmp_path: Path) -> Iterator[acurefs.Crossref]:
    crossref = acurefs.Crossref(
        base_url=crossref_server.url,
        mailto="tests@example.org",
        cache=Cache(tmp_path / "cache.sqlite3"),
    )
    yield crossref
    crossref.close()


def claim_of(text: str) -> Claim:
    doc = acurefs.parse_document(text + "\n", name="t.txt")
    (claim,) = doc.claims
    return assessed(claim)


def test_the_landmark_analysis_is_vickers_2012(
    source: acurefs.Crossref, crossref_server: FakeCrossref
) -> None:
    claim = claim_of(LANDMARK)
    assert claim.evidential
    (best, *_) = suggestions_for(claim, source)
    assert best.doi == VICKERS
    assert "venue: Archives of Internal Medicine" in best.reasons
    assert any(r.startswith("topic: ") and "acupuncture" in r for r in best.reasons)
    assert best.score >= 0.6
    # One search, with the venue as a field query.
    (asked,) = [r for r in crossref_server.requests if r.route == "list"]
    assert asked.params["query.container-title"] == ("Archives of Internal Medicine",)


def test_notices_are_never_suggested(source: acurefs.Crossref) -> None:
    found = suggestions_for(claim_of(LANDMARK), source)
    assert all(s.record.title and not s.record.title.startswith("Error") for s in found)
    assert "10.5555/fx.vickers-correction" not in {s.doi for s in found}


@pytest.mark.parametrize(
    "text",
    [
        "Acupuncture is more effective than usual care for chronic pain.",  # names no work
        "Systematic reviews have found that acupuncture reduced pain.",  # many works, no size
        "Book your first acupuncture session today.",  # not evidential, no cue
    ],
)
def test_claims_that_name_no_work_send_nothing(
    text: str, source: acurefs.Crossref, crossref_server: FakeCrossref
) -> None:
    assert suggestions_for(claim_of(text), source) == ()
    assert crossref_server.requests == []


def test_a_cited_claim_gets_no_suggestion(
    source: acurefs.Crossref, crossref_server: FakeCrossref
) -> None:
    doc = acurefs.parse_document(
        LANDMARK.removesuffix(".") + ".1\n\nReferences\n1. Vickers AJ. Acupuncture. 2012.\n",
        name="t.txt",
    )
    (claim,) = doc.cited_claims
    assert suggestions_for(claim, source) == ()
    assert crossref_server.requests == []


def test_a_registry_told_by_its_size_is_one_study() -> None:
    # The thirty-seventh set's form (written for this test).
    assert cues_of("A registry of 8,176 patients, reported in 2010, found more strokes.").sized


def test_cues_and_search_terms() -> None:
    cues = cues_of(
        "Vickers and colleagues pooled 29 trials in a 2012 meta-analysis of chronic pain."
    )
    assert cues.authors == ("Vickers",)
    assert cues.specific
    query, fields, filters = search_terms(cues)
    assert fields == {"author": "Vickers"}
    assert filters == {"from-pub-date": "2011", "until-pub-date": "2013"}
    assert "chronic" in query
    assert "vickers" not in query.lower()


def _record(**fields: object) -> Record:
    values: dict[str, object] = {
        "doi": "10.5555/x",
        "title": "Acupuncture for chronic pain: individual patient data meta-analysis",
        "authors": (Person("Vickers", given="Andrew J"),),
        "journal": "Archives of Internal Medicine",
        "year": 2012,
        **fields,
    }
    return Record(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "kept"),
    [
        ({}, True),
        ({"journal": "Journal of Pain Research"}, False),  # another venue
        ({"year": 2008}, False),  # another year
        ({"authors": (Person("Smith", given="J"),)}, False),  # another author
        ({"title": "Yoga and education for stiffness"}, False),  # nothing of the topic
        ({"updates_to": ("10.5555/y",)}, False),  # a notice
    ],
)
def test_a_contradicted_cue_rules_a_work_out(fields: dict[str, object], kept: bool) -> None:
    cues = cues_of(
        "Vickers and colleagues found in a 2012 meta-analysis published in Archives of "
        "Internal Medicine that acupuncture eases chronic pain."
    )
    result = score(cues, _record(**fields))
    assert (result is not None) is kept
    if result is not None:
        value, reasons = result
        assert value == 1.0
        assert [r.split(":")[0] for r in reasons] == ["venue", "author", "year", "design", "topic"]


def test_the_audit_sets_standing_and_suggestions(source: acurefs.Crossref) -> None:
    doc = acurefs.parse_document(
        "Acupuncture eased neck pain in a large trial.1\n\n" + LANDMARK + "\n\n"
        "Book your first session today.\n\n"
        "References\n1. Witt CM, Jena S. Acupuncture for patients with chronic neck pain. "
        "Pain. 2006;125(1-2):98-106.\n",
        name="t.txt",
    )
    doc = dataclasses.replace(doc, claims=tuple(assessed(c) for c in doc.claims))
    audited = audit_document(doc, source)
    cited, landmark, advice = audited.claims
    assert cited.support is Support.UNVERIFIABLE  # its reference is not resolved here
    assert landmark.support is Support.UNSUPPORTED
    assert [s.doi for s in landmark.suggestions][:1] == [VICKERS]
    assert advice.support is Support.NOT_EVIDENTIAL
    assert advice.suggestions == ()
    # A second audit redoes the claim findings rather than repeating them.
    assert audit_document(audited, None).findings == audited.findings


@pytest.mark.parametrize(
    ("text", "what", "value"),
    [
        ("According to NICE, acupuncture should not be offered for sciatica.", "org", "NICE"),
        # Bodies named without a head word: after "the", ending on a place, or three words.
        ("Most cases are cured, according to Cancer Research UK.", "org", "Cancer Research UK"),
        ("About 71 million had it, according to the Polaris Observatory.", "org", "Polaris"),
        ("According to Public Health England, cases fell.", "org", "Public Health England"),
        ("According to the mental health charity Mind, 1 in 4 are affected.", "org", "Mind"),
        (
            "The World Health Organization classifies processed meat as a cause of cancer.",
            "org",
            "World Health Organization",
        ),
        (
            "The American Academy of Sleep Medicine's 2021 guideline recommends CBT for insomnia.",
            "org",
            "American Academy of Sleep Medicine",
        ),
        ("The VITAL trial found that vitamin D did not prevent cancer.", "study", "VITAL"),
        ("In the BrAIST trial, most braced teenagers avoided surgery.", "study", "BrAIST"),
        ("The GERAC knee trial found that acupuncture beat physiotherapy.", "study", "GERAC"),
        ("In the CLARITY AD trial, lecanemab slowed decline by 27%.", "study", "CLARITY AD"),
        (
            "The Global Burden of Disease Study estimated that dementia cases will triple.",
            "study",
            "Global Burden of Disease Study",
        ),
        (
            "The Nurses’ Health Study linked night shifts to cancer.",
            "study",
            "Nurses’ Health Study",
        ),
        ("In a UK Biobank study of 80,000 adults, brisk walking helped.", "study", "UK Biobank"),
        ("A Cochrane review of 22 trials found fewer migraines.", "venue", "Cochrane"),
        (
            "Published in the New England Journal of Medicine in 2019, the trial disappointed.",
            "venue",
            "New England Journal of Medicine",
        ),
        (
            "MacPherson and colleagues found that acupuncture helped depression.",
            "author",
            "MacPherson",
        ),
    ],
)
def test_works_named_in_other_ways(text: str, what: str, value: str) -> None:
    cues = cues_of(text)
    assert cues.specific
    found = {
        "org": cues.said.organisations,
        "study": cues.studies,
        "venue": cues.said.venues,
        "author": cues.authors,
    }[what]
    assert any(value in v for v in found)


@pytest.mark.parametrize(
    "text",
    [
        "An IVF trial found that stress does not lower the chance of pregnancy.",  # a kind of trial
        "All of our practitioners are fully insured and registered.",
        "The Study Day is on Friday; This Trial Run starts at noon.",  # no name before the noun
        "In A Survey Of Clinics, most opened late.",
        "Trials of more than 1,000 people show that acupuncture helps.",  # many works
        "A review of 12 years of registry data found more falls in winter.",  # a span, no size
        "According to Anthony Fauci, masks cut the spread.",  # a person, not a body
        "According to Dr Ruth Smith Jones, masks cut the spread.",
        "According to the March 2020 figures, cases fell.",
    ],
)
def test_generic_mentions_name_no_work(text: str) -> None:
    assert not cues_of(text).specific


@pytest.mark.parametrize(
    ("text", "specific"),
    [
        # A team told by its city and what it did (the forty-sixth claims set's form, written
        # for this test) names one study; one that only "found" names none.
        ("Researchers in Leiden scanned the hands of 40 pianists and found thicker tendons.", True),
        ("A team from Oslo and Bergen actually ran the trial with 60 runners.", True),
        ("A Danish trial that randomised 2,000 adults found fewer colds.", True),
        ("Researchers in Canada found that walking helps.", False),
        ("Researchers in the field have long suspected a link.", False),
    ],
)
def test_a_team_by_its_city_and_a_trial_by_whom_it_randomised(text: str, specific: bool) -> None:
    assert cues_of(text).specific is specific


@pytest.mark.parametrize(
    ("text", "specific"),
    [
        # The forty-seventh claims set's forms, written for this test: a hospital or institute
        # told by its city, a team by its university, who led it, a venue's issue, and a
        # journal of "Reports".
        ("Nurses said that doctors at a Leeds hospital timed 300 hand washes.", True),
        ("In 2011 scientists at a Geneva institute weighed 90 lunch boxes.", True),
        ("A Yale team that tracked 900 runners found fewer knee injuries.", True),
        ("Led by Maria Olsen, four nurses each wore a pedometer for a year.", True),
        ("Writers in the same issue of the BMJ found no effect of the weather.", True),
        ("Writing in Cell Reports, two biologists described the mechanism.", True),
        ("Our team found that most people get better within a week.", False),
        ("Doctors at a hospital near you can check your blood pressure.", False),
        # The forty-eighth set's: who led the researchers, a university's researchers, a
        # paper by its authors in a journal of "-ology"; a nation's researchers only with the
        # number of people they followed (the forty-third and fifty-fourth sets label "Nordic
        # researchers who followed more than 10,000 airline pilots" a named work).
        ("The researchers, led by Anna Berg at the University of Bergen, asked 900 hikers.", True),
        ("Stanford researchers followed 2,000 walkers for ten years.", True),
        ("The paper, by Jo Lind and Sam Roe, appeared in Chronobiology International.", True),
        ("Canadian researchers followed 2,000 walkers for ten years.", True),
        ("Canadian researchers followed walkers for ten years.", False),
        ("Many researchers followed the same method.", False),
    ],
)
def test_a_hospital_by_its_city_a_team_by_its_university_and_who_led_it(
    text: str, specific: bool
) -> None:
    assert cues_of(text).specific is specific


@pytest.mark.parametrize(
    "text",
    [
        # One study and its size names it (the seventeenth and eighteenth claims sets' form;
        # every such sentence in the labelled sets is labelled as naming a source).
        "A German survey of 4,869 adults put the lifetime prevalence of vertigo at 7%.",
        "A Canadian trial of 720 children with croup found that one dose of steroid helped.",
        "Eggs are fine: a study of half a million Chinese adults found less stroke.",
        "Obesity shortens life, according to a cohort study of 3.6 million adults.",
        "Acupuncture reduced the need for pain medication, according to a meta-analysis of 14 trials.",
    ],
)
def test_one_study_and_its_size_name_a_work(text: str) -> None:
    cues = cues_of(text)
    assert cues.sized
    assert cues.specific


@pytest.mark.parametrize(
    "text",
    [
        # The twenty-third claims set's forms, written for this test: an analysis or an
        # evaluation and its size, a study that followed so many, a body the finding is from,
        # a journal named after "in the".
        "A 2019 Public Health Wales evaluation of 19 school schemes found little change.",
        "Runners sleep better, according to an analysis of 2.3 million fitness-tracker nights.",
        "A 12-year study that followed 950 dancers found more hip injuries in the oldest.",
        "Researchers at the University of Otago found that the app cut sugary drinks by a third.",
        "Figures obtained from Lothian Health Board show 42 admissions last winter.",
        "In 2019 the Medicines and Healthcare products Regulatory Agency issued a drug alert.",
        "RFU research found that tackles cause most injuries in school rugby.",
        "A 2016 analysis of hospital records in the British Journal of Sports Medicine found more.",
        # The thirtieth set's forms: a body that wants or has set something, a paper in PNAS,
        # a named cohort with a place after its hyphen.
        "The Royal College of Psychiatrists wants gambling adverts banned before 9pm.",
        "The European Food Safety Authority has set a safe daily intake for caffeine.",
        "A 2015 analysis in PNAS found that blue light delays sleep.",
        "In the EPIC-Norfolk study, people who ate more fruit lived longer.",
        # The thirty-first set's forms: a named biobank, a body's data that "linked", a study
        # at an institute, and a university's study.
        "In the China Kadoorie Biobank, people who ate spicy food lived longer.",
        "A 2017 analysis of NHANES data linked chilli peppers with lower mortality.",
        "In a study at the Laureate Institute for Brain Research, floating eased anxiety.",
        "In a small Arizona State University study, vinegar lowered blood sugar.",
        # The thirty-second set's forms: a study and its year, a study published in a year,
        # who led or ran a study, a census and its year.
        "In a 1999 study of older spouses, strained carers died sooner.",
        "A Norwegian study published in 2023 reported a similar pattern.",
        "In an experiment by Robert Emmons, grateful people exercised more.",
        "Five million people said they gave unpaid care in the 2021 Census.",
        # The thirty-third set's forms: a survey named in capitals before "survey", a
        # ministry that recorded cases, a regulator that ordered recalls.
        "The Barbados Health of the Nation survey found that one in five adults had diabetes.",
        "In 2018 the Ministry of Health recorded 5,905 suspected cases of cholera.",
        "The Food and Drugs Authority has ordered recalls of creams that contain mercury.",
        # The thirty-fourth set's forms: a trial named in camel case, a trial's name then
        # "the trial", an author's study and its year, studies counted in words, a study by a
        # named team, a ministry that decided.
        "In the PolyIran trial, villages given the polypill had fewer heart attacks.",
        "In DEVTA, the trial that ran through the centres, vitamin A did not lower deaths.",
        "Beasley's 1981 study of Taiwanese men found that carriers had more liver cancer.",
        "A pooled analysis of eight Swedish cohort studies found no link with heart attacks.",
        "A study by the Cuba Neuropathy Field Investigation Team tied it to low B vitamins.",
        "After pilots, the Ministry of Health and Population decided to scale up the gel.",
    ],
)
def test_bodies_and_studies_named_in_passing_name_a_work(text: str) -> None:
    assert cues_of(text).specific


@pytest.mark.parametrize(
    "text",
    [
        "NHS data shows that waiting lists are long.",  # a system's data, no one work
        "An analysis of your sleep takes two weeks of wearing the tracker.",
        "Researchers at universities across Europe agree that sleep matters.",
        "Our Employee Assistance Programme is free and open 24 hours a day.",  # a service
        "A South African study found the same.",  # no name in capitals after "the"
        "A study of eight weeks found the same.",  # eight weeks, not eight studies
        "Our study found that patients liked the app.",
    ],
)
def test_generic_bodies_name_no_work(text: str) -> None:
    assert not cues_of(text).specific


def test_a_named_trial_counts_only_when_the_title_names_it() -> None:
    cues = cues_of("The GERAC trial found that acupuncture eased chronic low back pain.")
    named = _record(
        title="German Acupuncture Trials (GERAC) for chronic low back pain",
        authors=(Person("Haake", given="Michael"),),
        journal="Archives of Internal Medicine",
        year=2007,
    )
    result = score(cues, named)
    assert result is not None
    assert "study: GERAC" in result[1]
    unnamed = dataclasses.replace(named, title="Acupuncture for chronic low back pain")
    assert score(cues, unnamed) is None  # topic words alone never make a suggestion


@pytest.mark.parametrize(
    ("text", "specific"),
    [
        # The fiftieth claims set's forms (written for this test): a team by its city that
        # pooled or analysed studies, and an author's possessive work.
        ("Researchers in Harbin pooled 90 cohort studies on loneliness.", True),
        ("Researchers in Leeds analysed the records of 3,000 runners.", True),
        ("Schuch's meta-analysis covered people free of depression at the start.", True),
        ("Smith's 2019 study found fewer falls.", True),
        ("Parkinson's trials have tested exercise for decades.", False),  # a disease
        ("Britain's study of the problem never happened.", False),  # a country
        # the fifty-first set's: a sized follow-up, the dated study, a replication led by
        ("A follow-up of 2,363 former elite athletes found they lived longer.", True),
        ("In the 2015 Finnish study, boxers had a higher risk of dementia.", True),
        ("A 2018 replication led by Michael Dufner found no link.", True),
        ("A follow-up of your blood test is booked for May.", False),
        # the fifty-second set's: an author's dated paper (a name with a diaeresis), the
        # same dated analysis again
        ("Gabriel Högström's 2016 paper found a higher risk.", True),
        ("The same 2009 analysis found little benefit under 25.", True),
        ("The same day, the clinic closed early.", False),
        # the fifty-third set's: a named survey, an author's team
        ("In Germany, the KiGGS survey found that one child in nine was short-sighted.", True),
        ("Jonas Hugosson's team reported that 293 men had to be invited.", True),
        ("Parkinson's team of nurses visits on Fridays.", False),
    ],
)
def test_a_team_that_pooled_studies_and_an_authors_possessive_work(
    text: str, specific: bool
) -> None:
    assert cues_of(text).specific is specific


@pytest.mark.parametrize(
    ("text", "specific"),
    [
        # A work's size given by who did it or by the work named before, an author's data or
        # analysis, a name with an inner capital, an overview, a count in hyphenated words
        # (the fifty-fourth and fifty-fifth claims sets' forms, written for this test).
        ("A Dutch team pooled records on 12,400 people over 70 from six cohorts.", True),
        ("Korean researchers followed 3,210 nurses for a decade.", True),
        ("The review drew on trials of more than 40,000 patients.", True),
        ("The 14 studies together counted 2,310 fractures.", True),
        ("In Hennekens's data, aspirin users had fewer heart attacks.", True),
        ("Sarah DeVries and colleagues reported fewer falls.", True),
        ("An overview of 64 randomised trials compared the regimens.", True),
        ("A systematic review of forty-two studies proposed a lower cut-off.", True),
        ("Researchers followed patients for years.", False),
        ("The review drew on many sources.", False),
        ("In 2012 an international collaboration reanalysed data on 12,000 women.", True),
        ("NHS England warned parents in December 2022 that strep A was circulating.", True),
        ("The review, which pooled 12 studies with 9,000 people, found more hearing loss.", True),
        ("The Office for National Statistics reported that 4,000 deaths were registered.", True),
        ("Research led by Maria Lopez across six countries linked staffing to deaths.", True),
    ],
)
def test_a_works_size_by_who_did_it_and_an_authors_data(text: str, specific: bool) -> None:
    assert cues_of(text).specific is specific
