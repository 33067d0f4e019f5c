"""References to what is not a journal article: pages, reports, guidelines, books, chapters, news.

The cases are bibliographic facts typed in the styles health writers use (NLM, AMA, APA,
Harvard, bare, Markdown); ``tests/data/grey_references.json`` is the labelled set measured by
``benchmarks/grey_accuracy.py`` and guarded here against regressions.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from acurefs import Kind, Person, parse_reference
from acurefs.reference.bodies import looks_like_organisation
from acurefs.reference.grey import GreyParts, read_grey
from acurefs.reference.segments import segments

ROOT = Path(__file__).resolve().parents[2]


def _org(name: str) -> Person:
    return Person(family=name, collective=True)


CASES = [
    pytest.param(
        "NHS. Acupuncture. 2023. https://www.nhs.uk/conditions/acupuncture/",
        {"kind": Kind.WEB_PAGE, "authors": (_org("NHS"),), "title": "Acupuncture", "year": 2023},
        id="nhs-page",
    ),
    pytest.param(
        "Acupuncture. Mayo Clinic. https://www.mayoclinic.org/tests-procedures/acupuncture/about/"
        "pac-20392763",
        {"kind": Kind.WEB_PAGE, "authors": (), "title": "Acupuncture", "container": "Mayo Clinic"},
        id="title-then-site",
    ),
    pytest.param(
        "Vitamin D. NIH Office of Dietary Supplements; 2024. Available from: "
        "https://ods.od.nih.gov/factsheets/VitaminD-Consumer/",
        {
            "authors": (),
            "title": "Vitamin D",
            "container": "NIH Office of Dietary Supplements",
            "year": 2024,
            "url": "https://ods.od.nih.gov/factsheets/VitaminD-Consumer/",
        },
        id="title-then-publisher-year",
    ),
    pytest.param(
        "National Institutes of Health Office of Dietary Supplements. Vitamin D: fact sheet for "
        "health professionals [Internet]. Bethesda (MD): NIH; 2024 [cited 2024 Mar 1]. Available "
        "from: https://ods.od.nih.gov/factsheets/VitaminD-HealthProfessional/",
        {
            "kind": Kind.WEB_PAGE,
            "authors": (_org("National Institutes of Health Office of Dietary Supplements"),),
            "title": "Vitamin D: fact sheet for health professionals",
            "publisher": "NIH",
            "journal": None,
            "year": 2024,
            "accessed": "2024-03-01",
        },
        id="nlm-internet",
    ),
    pytest.param(
        "Acupuncture: In Depth. National Center for Complementary and Integrative Health. Updated "
        "September 2022. Accessed March 3, 2023. https://www.nccih.nih.gov/health/acupuncture-"
        "what-you-need-to-know",
        {
            "kind": Kind.WEB_PAGE,
            "title": "Acupuncture: In Depth",
            "container": "National Center for Complementary and Integrative Health",
            "year": 2022,
            "accessed": "2023-03-03",
        },
        id="ama-updated-accessed",
    ),
    pytest.param(
        "World Health Organization. (2022, March 31). Obesity and overweight. Retrieved from "
        "https://www.who.int/news-room/fact-sheets/detail/obesity-and-overweight",
        {
            "kind": Kind.WEB_PAGE,
            "authors": (_org("World Health Organization"),),
            "title": "Obesity and overweight",
            "year": 2022,
        },
        id="apa-retrieved",
    ),
    pytest.param(
        "National Institute for Health and Care Excellence (2016) Low back pain and sciatica in "
        "over 16s: assessment and management. NICE guideline NG59. Available at: "
        "https://www.nice.org.uk/guidance/ng59 (Accessed: 3 March 2021).",
        {
            "kind": Kind.GUIDELINE,
            "authors": (_org("National Institute for Health and Care Excellence"),),
            "title": "Low back pain and sciatica in over 16s: assessment and management",
            "year": 2016,
            "accessed": "2021-03-03",
        },
        id="harvard-guideline",
    ),
    pytest.param(
        "World Health Organization. WHO global report on traditional and complementary "
        "medicine 2019. Geneva: World Health Organization; 2019.",
        {
            "kind": Kind.REPORT,
            "authors": (_org("World Health Organization"),),
            "publisher": "World Health Organization",
            "year": 2019,
        },
        id="who-report",
    ),
    pytest.param(
        "Deadman P, Al-Khafaji M, Baker K. A Manual of Acupuncture. 2nd ed. Hove: Journal of "
        "Chinese Medicine Publications; 2007.",
        {"kind": Kind.BOOK, "title": "A Manual of Acupuncture", "year": 2007},
        id="book-edition",
    ),
    pytest.param(
        "Hecht FM. Complementary, alternative, and integrative medicine. In: Goldman L, Schafer "
        "AI, eds. Goldman-Cecil Medicine. 26th ed. Philadelphia, PA: Elsevier; 2020:chap 34.",
        {
            "kind": Kind.CHAPTER,
            "title": "Complementary, alternative, and integrative medicine",
            "container": "Goldman-Cecil Medicine",
            "year": 2020,
        },
        id="chapter",
    ),
    pytest.param(
        "Briggs H. (2020). Covid: Why bats are not to blame, say scientists. BBC News. "
        "https://www.bbc.com/news/science-environment-54246473",
        {"kind": Kind.NEWS, "container": "BBC News", "year": 2020},
        id="news",
    ),
    pytest.param(
        "[Mayo Clinic - Acupuncture](https://www.mayoclinic.org/tests-procedures/acupuncture)",
        {"kind": Kind.WEB_PAGE, "title": "Acupuncture", "container": "Mayo Clinic"},
        id="markdown-site-title",
    ),
    pytest.param(
        "WHO. Carbohydrate intake for adults and children, 2023. "
        "[WHO](https://www.who.int/publications/i/item/9789240073593)",
        {
            "authors": (_org("WHO"),),
            "title": "Carbohydrate intake for adults and children",
            "container": "WHO",
            "year": 2023,
            "url": "https://www.who.int/publications/i/item/9789240073593",
        },
        id="markdown-site-link-after",
    ),
    # Forms the held-out set (tests/data/grey_references_heldout.json) showed; these entries
    # are other works, typed for this test.
    pytest.param(
        "Centers for Disease Control and Prevention. (2023). *Adult Obesity Facts*. "
        "https://www.cdc.gov/obesity/php/data-research/adult-obesity-facts.html",
        {
            "kind": Kind.WEB_PAGE,
            "authors": (_org("Centers for Disease Control and Prevention"),),
            "title": "Adult Obesity Facts",
            "year": 2023,
        },
        id="apa-organisation-markdown-italic-title",
    ),
    pytest.param(
        "Health Canada. (2019-01-22). Canada's Food Guide. Retrieved on March 2, 2020, from "
        "https://food-guide.canada.ca/en/",
        {"authors": (_org("Health Canada"),), "title": "Canada's Food Guide", "year": 2019},
        id="apa-iso-date-after-organisation",
    ),
    pytest.param(
        "Statistics Canada. (March, 2018). Health Fact Sheets: Overweight and obese adults.",
        {"title": "Health Fact Sheets: Overweight and obese adults", "year": 2018},
        id="apa-month-first-date",
    ),
    pytest.param(
        "Patton, G. C., & Viner, R. M. (Eds.). (2021). Adolescent health. Oxford University Press.",
        {"kind": Kind.BOOK, "title": "Adolescent health", "year": 2021},
        id="apa-edited-book",
    ),
    pytest.param(
        "Sackett, D. L. (2000). Evidence-based medicine. In Armitage, P. (Ed.), Encyclopedia of "
        "Biostatistics (pp. 1-9). Wiley.",
        {"kind": Kind.CHAPTER, "title": "Evidence-based medicine"},
        id="apa-chapter-in-with-pages",
    ),
    pytest.param(
        "National Institute for Health and Care Excellence.Obesity: identification, assessment "
        "and management.2014. Available at:https://www.nice.org.uk/guidance/cg189. "
        "Accessed May 3 2021.",
        {
            "kind": Kind.GUIDELINE,
            "authors": (_org("National Institute for Health and Care Excellence"),),
            "title": "Obesity: identification, assessment and management",
            "year": 2014,
            "url": "https://www.nice.org.uk/guidance/cg189",
        },
        id="stops-glued-to-the-next-word",
    ),
    pytest.param(
        "Boseley, Sarah. “Obesity Rates Rise among Children in England.” The Guardian, "
        "October 6, 2022. https://www.theguardian.com/society/2022/oct/06/obesity-children.",
        {
            "kind": Kind.NEWS,
            "authors": (Person(family="Boseley"),),
            "title": "Obesity Rates Rise among Children in England",
            "container": "The Guardian",
            "year": 2022,
        },
        id="mla-news-date-is-not-volume-and-pages",
    ),
    pytest.param(
        "Mayo Clinic Staff. “Obesity: Symptoms and Causes.” Accessed June 4, 2023.",
        {"title": "Obesity: Symptoms and Causes"},
        id="mla-quoted-title-after-a-short-name",
    ),
    pytest.param(
        "[Why we sleep less as we age | Sleep Foundation](https://www.sleepfoundation.org/aging)",
        {"title": "Why we sleep less as we age", "container": "Sleep Foundation"},
        id="markdown-link-title-bar-site",
    ),
    # Forms the third held-out set (grey_references_heldout_2.json) showed, as other works.
    pytest.param(
        "The Nuffield Trust (2019) The NHS workforce in numbers.",
        {"kind": Kind.REPORT, "authors": (_org("The Nuffield Trust"),), "year": 2019},
        id="harvard-organisation-then-year",
    ),
    pytest.param(
        "GAWANDE, A., 2014. Being mortal. [online]. London: Profile Books.",
        {"authors": (Person(family="GAWANDE"),), "title": "Being mortal", "year": 2014},
        id="uk-harvard-capitals-comma-year",
    ),
    pytest.param(
        "Public Health England (PHE), 2017. Health matters: obesity and the food environment.",
        {"authors": (_org("Public Health England (PHE)"),), "year": 2017},
        id="uk-harvard-organisation-comma-year",
    ),
    pytest.param(
        "Atul Gawande, Being Mortal: Medicine and What Matters in the End (New York: "
        "Metropolitan Books, 2014).",
        {
            "kind": Kind.BOOK,
            "authors": (Person(family="Gawande"),),
            "title": "Being Mortal: Medicine and What Matters in the End",
            "publisher": "Metropolitan Books",
            "year": 2014,
        },
        id="chicago-given-names-first-book",
    ),
    pytest.param(
        "Gina Kolata, “Why Do Obese Patients Get Worse Care?,” New York Times, December 25, 2016.",
        {
            "kind": Kind.NEWS,
            "authors": (Person(family="Kolata"),),
            "container": "New York Times",
            "year": 2016,
        },
        id="chicago-given-names-first-news",
    ),
    pytest.param(
        "Walter Willett and Meir Stampfer, “Total energy intake: implications for "
        "epidemiologic analyses”, American Journal of Epidemiology, (1986).",
        {
            "kind": Kind.JOURNAL_ARTICLE,
            "authors": (Person(family="Willett"), Person(family="Stampfer")),
            "title": "Total energy intake: implications for epidemiologic analyses",
            "journal": "American Journal of Epidemiology",
            "year": 1986,
        },
        id="chicago-quoted-title-then-comma",
    ),
    # Forms the fourth held-out set (grey_references_heldout_3.json) showed, as other works.
    pytest.param(
        "Why we are getting taller -- The Guardian (12 March 2014)",
        {
            "kind": Kind.NEWS,
            "title": "Why we are getting taller",
            "container": "The Guardian",
            "year": 2014,
        },
        id="title-double-dash-site-and-date",
    ),
    pytest.param(
        'British Heart Foundation, "Salt and your heart"',
        {"authors": (_org("British Heart Foundation"),), "title": "Salt and your heart"},
        id="organisation-comma-quoted-title",
    ),
    pytest.param(
        "WHO: Obesity and overweight",
        {"authors": (_org("WHO"),), "title": "Obesity and overweight"},
        id="acronym-colon-title",
    ),
    # Forms the fifth held-out set (grey_references_heldout_4.json) showed, as other works.
    pytest.param(
        "Okafor (2019, March 4). Seven signs of dehydration. Healthsite. "
        "Retrieved from https://a.example/dehydration",
        {
            "authors": (Person(family="Okafor"),),
            "title": "Seven signs of dehydration",
            "year": 2019,
        },
        id="apa-name-then-full-date",
    ),
    pytest.param(
        "Author not listed (2021, May 3). Why sleep matters. NHS. Retrieved from https://a.example/x",
        {"authors": (), "title": "Why sleep matters", "year": 2021},
        id="apa-placeholder-author",
    ),
    pytest.param(
        "Heartcharityuk. (2023) Know your numbers. Heart Charity UK. [Online] Available from: "
        "https://a.example/numbers. [Accessed 2 May 2023].",
        {"title": "Know your numbers", "year": 2023, "accessed": "2023-05-02"},
        id="harvard-name-stop-then-year",
    ),
    pytest.param(
        "Gout: diagnosis and management | Guidance and guidelines | NICE. https://a.example/ng219",
        {"title": "Gout: diagnosis and management", "container": "NICE"},
        id="browser-title-with-pipes",
    ),
    pytest.param(
        "Epigenetics. (2007, July 24). PBS NOVA. Retrieved from https://a.example/epi",
        {"authors": (), "title": "Epigenetics"},
        id="apa-title-first-without-author",
    ),
    # The sixth set's forms (written for these tests in its shapes; the facts are made up).
    pytest.param(
        "Hale B. (1998) _Caring for Older Patients_. Leeds: Northgate Press (p.120)",
        {"kind": Kind.BOOK, "title": "Caring for Older Patients", "year": 1998},
        id="italic-title-after-author-and-year",
    ),
    pytest.param(
        "Anna Berry. 1984. _The Long Winter: Influenza in Wales_. Cardiff: Tern Books.",
        {"kind": Kind.BOOK, "title": "The Long Winter: Influenza in Wales", "year": 1984},
        id="author-date-then-italic-title",
    ),
    pytest.param(
        "Lin K., et al. (2021) Lessons from reopening schools. _Lancet_ 397:101-9.",
        {"title": "Lessons from reopening schools", "journal": "Lancet", "year": 2021},
        id="year-in-parentheses-without-a-stop",
    ),
    pytest.param(
        "[SFA. Repérage de l'usage d'alcool chez l'adulte. Mars 2019.](https://a.example/sfa)",
        {"authors": (Person(family="SFA", collective=True),), "year": 2019},
        id="the-whole-entry-as-link-text",
    ),
    pytest.param(
        "BRASIL. Ministério da Saúde. Guia de vacinação. Disponível em: https://a.example/guia. "
        "Acesso em: 4 nov. 2019.",
        {"url": "https://a.example/guia", "accessed": "2019-11-04"},
        id="abnt-access",
    ),
    pytest.param(
        "Vlaams Instituut. (2023). Werk en welzijn in de zorg. Geraadpleegd op 3 mei 2024, van "
        "https://a.example/werk",
        {"year": 2023, "accessed": "2024-05-03"},
        id="dutch-apa-access",
    ),
    pytest.param(
        "Zorgnet. (2024). Een op vijf verpleegkundigen moe, van https://a.example/moe",
        {"title": "Een op vijf verpleegkundigen moe", "year": 2024},
        id="dutch-apa-van-url",
    ),
    pytest.param(
        "Ministerio de Salud. Plan de vacunas [Internet]. Madrid; 2021 [consultado el 10 de "
        "octubre de 2021]. Disponible en: https://a.example/plan",
        {"year": 2021, "accessed": "2021-10-10"},
        id="spanish-access",
    ),
    # NLM's [Internet] marks the title when someone is named before it (the seventh set).
    pytest.param(
        "Cancer Registry Unit. Cancer over time [Internet]. Lyon: Cancer Agency; 2021 [cited 2021 "
        "Dec 3]. Available from: https://a.example/over",
        {
            "authors": (Person(family="Cancer Registry Unit", collective=True),),
            "title": "Cancer over time",
        },
        id="nlm-organisation-then-marked-title",
    ),
    pytest.param(
        "Brick S. Homicide in Australia 2016-17 [Internet]. Canberra: Institute of Criminology; "
        "2020 [cited 23 Jan 2021]. Statistical Report no. 22. Available from: https://a.example/sr22",
        {"title": "Homicide in Australia 2016-17", "year": 2020},
        id="nlm-person-then-marked-title-then-series",
    ),
    pytest.param(
        "MedlinePlus [Internet]. Bethesda (MD): National Library of Medicine (US); 2020. Heart "
        "attack; [updated 2020 Jan 1; cited 2020 Feb 2]. Available from: https://a.example/ha",
        {"container": "MedlinePlus"},
        id="nlm-homepage-then-part",
    ),
    pytest.param(
        "SOUZA, M. A. B.; LIMA, J. C. Cuidado na rede de saúde. Revista Saúde. v. 7, 2018.",
        {"authors": (Person(family="SOUZA"), Person(family="LIMA"))},
        id="abnt-authors",
    ),
    # Forms of the eighth set (written for this test): APA with neither author nor title
    # before the date, day-first dates and "no date" in other languages, access phrases in
    # Spanish and Norwegian, corporate authors in Spanish, a house style "Names, year:".
    pytest.param(
        "(2024, June 3). Heart rate zones. Example Clinic. Retrieved on July 1, 2025 from "
        "https://a.example/zones",
        {"authors": (), "title": "Heart rate zones", "year": 2024, "accessed": "2025-07-01"},
        id="apa-date-first",
    ),
    pytest.param(
        "Salud mental y pandemia. (2021, 3 marzo). UNESCO. Recuperado 5 de mayo de 2023, de "
        "https://a.example/salud",
        {"title": "Salud mental y pandemia", "year": 2021, "accessed": "2023-05-05"},
        id="spanish-apa-day-first-recuperado",
    ),
    pytest.param(
        "[Hjerteforeningen. (u.d.). Hjertesvikt og trening. Hentet mars 2023.](https://a.example/hs)",
        {
            "authors": (Person(family="Hjerteforeningen", collective=True),),
            "title": "Hjertesvikt og trening",
            "year": None,
            "accessed": "2023-03",
            "url": "https://a.example/hs",
        },
        id="norwegian-apa-no-date-hentet",
    ),
    pytest.param(
        "Organización Panamericana de la Salud. Guía de actividad física. Washington, D.C.: "
        "Organización Panamericana de la Salud; 2021.",
        {
            "authors": (Person(family="Organización Panamericana de la Salud", collective=True),),
            "title": "Guía de actividad física",
        },
        id="spanish-corporate-author",
    ),
    pytest.param(
        "Ministerio de Salud. Dieta equilibrada. Disponible en: https://a.example/dieta",
        {"authors": (Person(family="Ministerio de Salud", collective=True),)},
        id="spanish-ministry",
    ),
    pytest.param(
        'Salute Oggi, 2022: "Quanto dormire a ogni età" [leggi di più](https://a.example/sonno)',
        {
            "authors": (Person(family="Salute Oggi", collective=True),),
            "title": "Quanto dormire a ogni età",
            "year": 2022,
            "container": None,
            "url": "https://a.example/sonno",
        },
        id="house-names-year-colon-site",
    ),
    pytest.param(
        'Maria Rossi, Luca B. Bianchi, 2021: "Steps and sleep in older adults" [read more]'
        "(https://a.example/steps)",
        {"authors": (Person(family="Rossi"), Person(family="Bianchi")), "year": 2021},
        id="house-names-year-colon-people",
    ),
    pytest.param(
        "[Legemiddelkatalogen (2021). Hodepine. Hentet mai 2023.](https://a.example/hode)",
        {"authors": (Person(family="Legemiddelkatalogen"),), "title": "Hodepine", "year": 2021},
        id="a-name-runs-into-its-date",
    ),
    pytest.param(
        "[Waiting times: monthly figures — Irish Association for Emergency Medicine]"
        "(https://a.example/trolley)",
        {
            "title": "Waiting times: monthly figures",
            "container": "Irish Association for Emergency Medicine",
        },
        id="link-title-then-em-dash-site",
    ),
    pytest.param(
        'Ann Lee, Bo Chan, and Cy Diaz, "Why Teenagers Need More Sleep," Sleep Foundation, '
        "June 2021, https://a.example/teen.",
        {
            "authors": (Person(family="Lee"), Person(family="Chan"), Person(family="Diaz")),
            "title": "Why Teenagers Need More Sleep",
        },
        id="chicago-three-given-first-names",
    ),
    # Forms of the ninth set (written for this test): Turkish access phrases round the
    # address, editors before a title with no stop, a site's name alone.
    pytest.param(
        "SaglikRehberi. 4 Mart 2021 tarihinde https://a.example/kalp adresinden erişildi.",
        {
            "authors": (Person(family="SaglikRehberi", collective=True),),
            "title": None,
            "accessed": "2021-03-04",
            "url": "https://a.example/kalp",
        },
        id="turkish-access-round-the-address",
    ),
    pytest.param(
        "Wikipedia (2021). 5 Nisan 2022 tarihinde https://a.example/wiki adresinden erişilmiştir.",
        {"title": None, "year": 2021, "accessed": "2022-04-05"},
        id="a-site-and-its-year-alone",
    ),
    pytest.param(
        "Lee, A.B. & Chan, C.D. (Eds.) *Caring for Children at Home*. Example Press, 2004.",
        {
            "authors": (Person(family="Lee"), Person(family="Chan")),
            "title": "Caring for Children at Home",
        },
        id="editors-then-title-without-a-stop",
    ),
    # APA's title first when it has no author: a site after the date is not a title.
    pytest.param(
        "Epigenetics. (2007, July 24). PBS NOVA. Retrieved from https://a.example/epi",
        {"authors": (), "title": "Epigenetics"},
        id="apa-title-then-date-then-site",
    ),
    # Forms of the tenth set (written for this test): Chicago notes of journal articles with
    # given names first (particles, middle initials, three given words), a referral before the
    # note, an address broken after a stop in its host, a body before a quoted title.
    pytest.param(
        "See: Ann van der Berg, Bo C. D. van Dam, and Cy Jo Lo Diaz, \u201cWhy Teenagers Sleep\u201d, "
        "Journal of Example Studies 29, no. 3 (October 2019): 3\u20136, https://www. example.org/t.",
        {
            "authors": (
                Person(family="van der Berg"),
                Person(family="van Dam"),
                Person(family="Diaz"),
            ),
            "title": "Why Teenagers Sleep",
            "journal": "Journal of Example Studies",
            "volume": "29",
            "issue": "3",
            "first_page": "3",
            "year": 2019,
            "url": "https://www.example.org/t",
        },
        id="chicago-journal-article-given-first",
    ),
    pytest.param(
        "Ann Lee, \u201cSleep in Offices\u201d, Building and Example 114 (2017): 178\u2013186.",
        {"title": "Sleep in Offices", "volume": "114", "first_page": "178", "year": 2017},
        id="chicago-volume-year-colon-pages",
    ),
    pytest.param(
        "Source: Population in Brief 2022. The share aged 65 and above is rising.",
        {"authors": (), "title": "Population in Brief 2022"},
        id="a-referral-before-the-note",
    ),
    pytest.param(
        "Healthy Eating Advisory Service, \u201cSugary Drinks Trials\u201d, March, 2023, "
        "https://heas. example.org/sugary/.",
        {
            "authors": (Person(family="Healthy Eating Advisory Service", collective=True),),
            "title": "Sugary Drinks Trials",
            "container": None,
            "year": 2023,
            "url": "https://heas.example.org/sugary/",
        },
        id="a-body-then-a-quoted-title-then-a-month",
    ),
    # A library magazine's house style: the title linked after the date, the pages cited after
    # a book's title, APA's form in brackets, the shelf mark.
    pytest.param(
        "Lim, A. (1948, November 28). [War on fever hots up](https://a.example/st1948). "
        "*The Example Times*, p. 4. Retrieved from NewspaperSG.",
        {"title": "War on fever hots up", "url": "https://a.example/st1948", "year": 1948},
        id="apa-title-linked-after-the-date",
    ),
    pytest.param(
        "Lee, K.T., & Chan, M. (1997). Fighting TB: The story, 1947\u20131997 (pp. 8, 54). "
        "Singapore: The Association. (Call no.: RSING 614.542095957 SIN)",
        {"title": "Fighting TB: The story, 1947\u20131997", "year": 1997},
        id="pages-cited-after-a-book-title-and-a-shelf-mark",
    ),
    pytest.param(
        "Oon, C.J. (2011). A vaccine that changed the island (pp. 8, 54). Singapore: Straits "
        "Times Press.",
        {"title": "A vaccine that changed the island", "kind": Kind.BOOK},
        id="a-newspaper-s-book-press",
    ),
    pytest.param(
        "Ministry of Examples. (2000, October 21). *[Speech by the minister at the opening]"
        "(https://a.example/speech)* [Speech]. Retrieved from Example Archives website.",
        {"title": "Speech by the minister at the opening", "year": 2000},
        id="apa-form-in-brackets",
    ),
    # Still: an address shown as its own link, and a link word after the date, are no title.
    pytest.param(
        "Booth, R. (2016, December 13). The doctor on your Xbox? The Example. Retrieved from "
        "[https://a.example/xbox](https://a.example/xbox)",
        {"title": "The doctor on your Xbox?", "url": "https://a.example/xbox"},
        id="an-address-as-its-own-link",
    ),
    pytest.param(
        "USDA Table of Cooking Yields, Release 2 (2014). [PDF](https://a.example/yields.pdf)",
        {"container": None, "url": "https://a.example/yields.pdf"},
        id="a-link-word-after-the-date",
    ),
    # A month run into its year in an access date, bodies whose head word is an observatory or
    # a directorate, and an organisation's book with its title in emphasis.
    pytest.param(
        "CDC - Malaria. http://a.example/malaria/ (accessed 19 Sep2014).",
        {"year": None, "accessed": "2014-09-19"},
        id="a-month-glued-to-its-year",
    ),
    pytest.param(
        "Example Observatory. Cold and Very Hot Weather Warnings. https://a.example/coldhot.htm",
        {
            "authors": (Person(family="Example Observatory", collective=True),),
            "title": "Cold and Very Hot Weather Warnings",
        },
        id="an-observatory",
    ),
    pytest.param(
        "Dire\u00e7\u00e3o-Geral da Sa\u00fade. (2018). *Febre na Crian\u00e7a*. "
        "[Link](https://a.example/febre.aspx)",
        {
            "authors": (Person(family="Dire\u00e7\u00e3o-Geral da Sa\u00fade", collective=True),),
            "title": "Febre na Crian\u00e7a",
            "year": 2018,
        },
        id="a-directorate-general",
    ),
    pytest.param(
        "WHO Regional Office for Europe. *Heat-health action plans*. 2nd ed. Copenhagen: WHO "
        "Regional Office for Europe; 2026.",
        {
            "authors": (Person(family="WHO Regional Office for Europe", collective=True),),
            "title": "Heat-health action plans",
            "journal": None,
        },
        id="an-organisations-book-title-in-emphasis",
    ),
    pytest.param(
        "Lee, R. (2019, September 19). Polio resurfaces in the region. *The Example Times*",
        {"kind": Kind.NEWS, "container": "The Example Times", "year": 2019},
        id="apa-news-without-an-address",
    ),
    # The eleventh set's forms (written for this test): an address holding a DOI stays whole,
    # and a count with a thousands comma is no volume and page.
    pytest.param(
        "Lee, T., & Chan, R. (2020, January 01). Risk factors for death in Mexico: an analysis of "
        "89,756 confirmed COVID-19 cases. Retrieved from https://www.medrxiv.org/content/10.1101/2020.06.04.2012v2",
        {
            "title": "Risk factors for death in Mexico: an analysis of 89,756 confirmed COVID-19 cases",
            "url": "https://www.medrxiv.org/content/10.1101/2020.06.04.2012v2",
            "volume": None,
        },
        id="an-address-holding-a-doi-and-a-count",
    ),
    # A page's title first, its year, then the site alone; a link whose text is its address or
    # holds the year.
    pytest.param(
        "\u201cAsthma\u201d (2020). Example Clinic Retrieved from https://a.example/asthma",
        {"authors": (), "title": "Asthma", "container": "Example Clinic", "year": 2020},
        id="quoted-title-year-site",
    ),
    pytest.param(
        "Pulse & Heart Rate (2018) Example Clinic. Retrieved from https://a.example/pulse",
        {"authors": (), "title": "Pulse & Heart Rate", "container": "Example Clinic"},
        id="title-year-site",
    ),
    pytest.param(
        "NHS England (2018) Title of the plan. Available at: https://a.example/plan",
        {"authors": (Person(family="NHS England", collective=True),), "title": "Title of the plan"},
        id="still-an-organisation-its-year-and-a-title",
    ),
    pytest.param(
        "[www.example.org.za]( www.example.org.za) \u2013 \u2018Plan needed to train doctors.\u2019",
        {"title": "Plan needed to train doctors", "url": "www.example.org.za"},
        id="a-link-whose-text-is-its-address",
    ),
    pytest.param(
        "[National Health Amendment Bill (2019)](https://a.example/bill.pdf)",
        {"title": "National Health Amendment Bill", "year": 2019},
        id="a-link-holding-its-year",
    ),
    # The twelfth set's forms, as other works: an APA entry ending on its publisher (or its
    # journal, printed without volume or pages); the last author after "y" or "e"; an undated
    # entry in Spanish; laws, decrees and resolutions by their names, with the day they came
    # out; a national legislature as author; "Unpublished" is no publisher.
    pytest.param(
        "Gordis, L. (2014). Epidemiology. Elsevier Saunders.",
        {
            "kind": Kind.BOOK,
            "title": "Epidemiology",
            "container": "Elsevier Saunders",
            "year": 2014,
        },
        id="apa-title-then-publisher",
    ),
    pytest.param(
        "Hall, A., & Ortiz, B. (2019). Screen time and sleep in adolescents. Journal of Sleep Research.",
        {"kind": Kind.JOURNAL_ARTICLE, "journal": "Journal of Sleep Research", "volume": None},
        id="apa-title-then-journal-alone",
    ),
    pytest.param(
        "Pérez, M., Ruiz, C., y Soto, M. (2011). La salud en la escuela. Revista de Salud Pública, 13, 40-52.",
        {"authors": (Person("Pérez"), Person("Ruiz"), Person("Soto"))},
        id="spanish-y-before-the-last-author",
    ),
    pytest.param(
        "Silva AB, Costa CD e Souza EF. Vacinação infantil no Brasil. Rev Saude Publica. 2010;44(2):1-9.",
        {"authors": (Person("Silva"), Person("Costa"), Person("Souza")), "volume": "44"},
        id="portuguese-e-before-the-last-author",
    ),
    pytest.param(
        "Ortega y Gasset J. La rebelión de las masas. Rev Occidente. 1930;1:1-9.",
        {"authors": (Person("Ortega y Gasset"),)},
        id="a-family-name-holding-y-stays-whole",
    ),
    pytest.param(
        "Gómez R., Vera S., y Lara M. (s. f.). Manual de primeros auxilios en la escuela.",
        {"title": "Manual de primeros auxilios en la escuela", "year": None},
        id="spanish-undated",
    ),
    pytest.param(
        "Congreso de la República. (1993). Ley 100 de 1993: Por la cual se crea el sistema de "
        "seguridad social integral.",
        {
            "kind": Kind.REPORT,
            "authors": (Person(family="Congreso de la República", collective=True),),
            "title": "Ley 100 de 1993: Por la cual se crea el sistema de seguridad social integral",
            "year": 1993,
        },
        id="a-law-by-its-legislature",
    ),
    pytest.param(
        "Resolución No 2115. Ministerio de la Protección Social. Colombia. 22 de junio de 2007.",
        {"kind": Kind.REPORT, "title": "Resolución No 2115", "year": 2007},
        id="a-resolution-and-its-day",
    ),
    pytest.param(
        "Decreto No 1575 de 2007. [Presidencia de la República]. Por el cual se establece el "
        "Sistema para la Protección de la Calidad del Agua. 2007-2010. 9 de mayo de 2007.",
        {"kind": Kind.REPORT, "title": "Decreto No 1575 de 2007", "year": 2007},
        id="a-decree-and-its-day-not-a-range",
    ),
    pytest.param(
        "Jansen, P. (2018). Zorgvraag in de regio. Ongepubliceerd document.",
        {"container": None, "publisher": None},
        id="unpublished-is-no-publisher",
    ),
    # The thirteenth set's forms, as other works: a record's "Citation:" before its entry;
    # the United Nations as author; a government body under its country, as NLM prints it.
    pytest.param(
        "Suggested citation: Public Health Agency. Annual report 2020. Belfast: PHA; 2021.",
        {"authors": (Person(family="Public Health Agency", collective=True),), "year": 2021},
        id="suggested-citation-before-the-entry",
    ),
    pytest.param(
        "United Nations. 2019. World population prospects 2019: highlights. New York: United Nations.",
        {"authors": (Person(family="United Nations", collective=True),), "year": 2019},
        id="the-united-nations",
    ),
    pytest.param(
        "Norway. Ministry of Health and Care Services. (2018) Folkehelsemeldinga: gode liv i eit "
        "trygt samfunn. Oslo: Ministry of Health and Care Services.",
        {
            "authors": (
                Person(family="Norway. Ministry of Health and Care Services", collective=True),
            ),
            "title": "Folkehelsemeldinga: gode liv i eit trygt samfunn",
            "year": 2018,
        },
        id="a-body-under-its-country",
    ),
    # A guideline by the word its title opens on, in Spanish and Portuguese (the twelfth
    # set's form, other works).
    pytest.param(
        "Ministerio de Salud. (2019). Guía de práctica clínica para la detección de la diabetes.",
        {"kind": Kind.GUIDELINE},
        id="a-spanish-guide",
    ),
    pytest.param(
        "Ministério da Saúde. (2021). Protocolo de vigilância da dengue. Brasília: Ministério da Saúde.",
        {"kind": Kind.GUIDELINE},
        id="a-portuguese-protocol",
    ),
    # An ISBN numbers a public body's report as well as a book (the twelfth and thirteenth
    # sets' form, other works); a book publisher's ISBN stays a book's.
    pytest.param(
        "Reid G, Shaw K (2017). Healthy ageing in the Highlands. NHS Highland, Inverness. "
        "ISBN 978-1-84485-123-4",
        {"kind": Kind.REPORT},
        id="isbn-of-a-health-body",
    ),
    pytest.param(
        "Mental Health Foundation. (2016). Fundamental facts about mental health 2016. London: "
        "Mental Health Foundation. ISBN 978-1-906162-00-8",
        {"kind": Kind.REPORT},
        id="isbn-of-an-organisation-author",
    ),
    pytest.param(
        "Marmot M. (2015). The health gap: the challenge of an unequal world. London: Bloomsbury. "
        "ISBN 978-1-4088-5797-0",
        {"kind": Kind.BOOK},
        id="isbn-of-a-book",
    ),
    pytest.param(
        "Bates D. (2019). Caring for older people. Oxford University Press, Oxford. "
        "ISBN 978-0-19-882563-1",
        {"kind": Kind.BOOK},
        id="isbn-of-a-university-press",
    ),
    # A law cited by its designation (the thirteenth set's forms, other laws): no author; the
    # title after a colon or a dash, else the designation; the series' or the date's year.
    pytest.param(
        "Republic Act No. 11223: An Act instituting universal health care for all Filipinos",
        {
            "authors": (),
            "title": "An Act instituting universal health care for all Filipinos",
            "kind": Kind.REPORT,
        },
        id="a-republic-act",
    ),
    pytest.param(
        "Administrative Order No. 12, s. 2021: Guidelines on the management of dengue in hospitals",
        {"authors": (), "kind": Kind.GUIDELINE, "year": 2021},
        id="an-order-issuing-guidelines",
    ),
    pytest.param(
        "Executive Order No. 26 July 7, 2017 - Providing for the establishment of smoke-free "
        "environments in public places",
        {
            "title": "Providing for the establishment of smoke-free environments in public places",
            "year": 2017,
        },
        id="an-order-and-its-date",
    ),
    pytest.param(
        "Resolución No. 2465 de 2016. Por la cual se adoptan los indicadores antropométricos.",
        {"authors": (), "title": "Resolución No. 2465 de 2016", "year": 2016},
        id="a-numbered-resolution",
    ),
    # A survey's bodies (the thirteenth set's form, other surveys): the partner named by its
    # acronym is a second author; a body's own "and" stays in its name.
    pytest.param(
        "National Statistics Office (NSO) [Philippines] and ICF Macro. 2009. National "
        "Demographic and Health Survey 2008. Calverton, Maryland: NSO and ICF Macro.",
        {
            "authors": (
                Person(family="National Statistics Office (NSO) [Philippines]", collective=True),
                Person(family="ICF Macro", collective=True),
            )
        },
        id="a-survey-and-its-partner",
    ),
    pytest.param(
        "Ministry of Health and Population [Egypt]; El-Zanaty and Associates; and ICF "
        "International. 2015. Egypt Demographic and Health Survey 2014. Cairo.",
        {
            "authors": (
                Person(family="Ministry of Health and Population [Egypt]", collective=True),
                Person(family="El-Zanaty and Associates", collective=True),
                Person(family="ICF International", collective=True),
            )
        },
        id="three-bodies-of-a-survey",
    ),
    # A body's report printed "Title. Body; Year." (the fifteenth set's form, other works); a
    # person's book from a body stays a book.
    pytest.param(
        "Alcohol-specific deaths in the UK: registered in 2021. Office for National Statistics "
        "(ONS); 2022.",
        {"kind": Kind.REPORT},
        id="title-then-body-and-year",
    ),
    pytest.param(
        "Ramírez, L. (2015). Introducción a la epidemiología. Universidad Nacional de Colombia.",
        {"kind": Kind.BOOK},
        id="a-persons-book-from-a-university",
    ),
    # A Chicago note's page after the publication facts (the seventeenth set's form, another
    # book).
    pytest.param(
        "Sam Quinones, Dreamland: The True Tale of America's Opiate Epidemic (New York: "
        "Bloomsbury Press, 2015), 112.",
        {
            "title": "Dreamland: The True Tale of America's Opiate Epidemic",
            "year": 2015,
            "kind": Kind.BOOK,
        },
        id="a-chicago-note-and-its-page",
    ),
    # Forms the nineteenth set showed, as other works. A law's name after its designation,
    # with a comma or none, and "and its amendments" left out; a word naming the sort of
    # instrument ("Decreto Legislativo") in the designation.
    pytest.param(
        "Ley N° 29344, Ley Marco de Aseguramiento Universal en Salud.",
        {"title": "Ley Marco de Aseguramiento Universal en Salud", "kind": Kind.REPORT},
        id="a-law-named-after-its-number",
    ),
    pytest.param(
        "Ley N° 29414 Ley que establece los derechos de las personas usuarias de los "
        "servicios de salud.",
        {
            "title": "Ley que establece los derechos de las personas usuarias de los servicios de salud"
        },
        id="a-law-named-after-its-number-without-a-comma",
    ),
    pytest.param(
        "Decreto Legislativo N° 1156, Ley que dicta medidas destinadas a garantizar el "
        "servicio público de salud, y sus modificatorias.",
        {
            "title": "Ley que dicta medidas destinadas a garantizar el servicio público de salud",
            "kind": Kind.REPORT,
        },
        id="a-legislative-decree-and-its-amendments",
    ),
    pytest.param(
        "Resolución Ministerial N° 850-2016/MINSA, que aprueba el documento.",
        {"title": "Resolución Ministerial N° 850-2016/MINSA", "kind": Kind.REPORT},
        id="a-resolution-not-named-is-its-designation",
    ),
    # A library's catalogue line: the title, a slash, who is responsible, place and publisher.
    pytest.param(
        "Global report on diabetes / World Health Organization. Geneva: World Health "
        "Organization; 2016.",
        {
            "title": "Global report on diabetes",
            "authors": (Person(family="World Health Organization", collective=True),),
            "year": 2016,
            "kind": Kind.REPORT,
        },
        id="a-catalogue-line",
    ),
    pytest.param(
        "Guía técnica para la consejería nutricional / Ministerio de Salud - Lima: Instituto "
        "Nacional de Salud; 2019.",
        {
            "title": "Guía técnica para la consejería nutricional",
            "authors": (Person(family="Ministerio de Salud", collective=True),),
            "year": 2019,
        },
        id="a-catalogue-line-with-a-dash",
    ),
    # A book's series in parentheses after its title, as booksellers print it, is no part of
    # the title; words of the title's own in parentheses stay.
    pytest.param(
        "Hyde, Margaret. Diabetes (Twenty-First Century Medical Library). Minneapolis, MN: "
        "Twenty-First Century Books, 2010.",
        {"title": "Diabetes", "kind": Kind.BOOK, "year": 2010},
        id="a-book-and-its-series",
    ),
    pytest.param(
        "Smith, Jane. Living with HIV (and Loving It). London: Penguin, 2001.",
        {"title": "Living with HIV (and Loving It)", "kind": Kind.BOOK},
        id="words-in-parentheses-of-the-title",
    ),
    pytest.param(
        "Smith, Jane. Handbook of COPD (GOLD). London: Penguin, 2001.",
        {"title": "Handbook of COPD (GOLD)", "kind": Kind.BOOK},
        id="an-abbreviation-in-parentheses",
    ),
    # Chicago's notes with an initial for the given name, and a suffix after the family name.
    pytest.param(
        "B. Starfield, “Primary care and health: a cross-national comparison,” Journal of "
        "the American Medical Association 266, no. 16 (1991): 2268–71.",
        {
            "authors": (Person(family="Starfield"),),
            "title": "Primary care and health: a cross-national comparison",
            "journal": "Journal of the American Medical Association",
            "kind": Kind.JOURNAL_ARTICLE,
        },
        id="a-chicago-note-with-an-initial",
    ),
    pytest.param(
        "R. Platt Jr, R. Tedrake, and L. Kaelbling, “Belief space planning assuming maximum "
        "likelihood observations,” in Proceedings of Robotics: Science and Systems, 2010.",
        {"authors": (Person(family="Platt"), Person(family="Tedrake"), Person(family="Kaelbling"))},
        id="a-chicago-note-with-a-suffix",
    ),
    # Forms the twentieth set showed, as other works: "et al." after a name given first, a
    # comma for Chicago's colon before the pages, a discursive note's lead-in, a body named in
    # Indonesian, a page's title with its site after a dash, a chapter's label.
    pytest.param(
        "Katherine M. Flegal et al., “Prevalence of obesity and trends in the distribution of "
        "body mass index among US adults, 1999-2010,” Journal of the American Medical "
        "Association 307, no. 5 (2012), 491-497.",
        {
            "authors": (Person(family="Flegal"),),
            "title": "Prevalence of obesity and trends in the distribution of body mass index "
            "among US adults, 1999-2010",
            "journal": "Journal of the American Medical Association",
            "kind": Kind.JOURNAL_ARTICLE,
        },
        id="a-chicago-note-et-al-and-a-comma-before-the-pages",
    ),
    pytest.param(
        "On the rise of vaping among teenagers, see R. A. Miech et al., “Trends in adolescent "
        "vaping, 2017-2019,” New England Journal of Medicine 381, no. 15 (2019): 1490–91.",
        {"authors": (Person(family="Miech"),), "title": "Trends in adolescent vaping, 2017-2019"},
        id="a-discursive-note",
    ),
    pytest.param(
        "Kementerian Kesehatan Republik Indonesia. (2021). *Profil Kesehatan Indonesia 2020*. "
        "https://www.kemkes.go.id/downloads/profil-kesehatan-indonesia-2020.pdf",
        {
            "authors": (
                Person(family="Kementerian Kesehatan Republik Indonesia", collective=True),
            ),
            "title": "Profil Kesehatan Indonesia 2020",
        },
        id="a-body-named-in-indonesian",
    ),
    pytest.param(
        "Jordan. (2022, March 3). Why hand washing still matters - CleanCo. CleanCo. "
        "https://cleanco.example/news/hands",
        {"title": "Why hand washing still matters"},
        id="a-pages-title-with-its-site",
    ),
    pytest.param(
        "Public Health Agency of Canada. Chapter 4: Care during labour and birth. "
        "Family-Centred Maternity and Newborn Care: National Guidelines. 2018.",
        {"title": "Care during labour and birth"},
        id="a-chapters-label",
    ),
    # An older British book's facts: the publisher, then place and year in parentheses; a
    # journal's issue and month in parentheses are no publisher and place.
    pytest.param(
        "Drummond, J.C., The Englishman's Food, Jonathan Cape (London, 1939)",
        {"title": "The Englishman's Food", "publisher": "Jonathan Cape", "kind": Kind.BOOK},
        id="a-publisher-then-place-and-year",
    ),
    pytest.param(
        "Yudkin, J., ‘Pure, White and Deadly’, Davis-Poynter (London, 1972)",
        {"title": "Pure, White and Deadly", "year": 1972, "kind": Kind.BOOK},
        id="a-quoted-title-then-publisher-place-and-year",
    ),
    pytest.param(
        'Miller, M. H. "The demand for money by firms," The Journal of Finance, Vol. XXIII, '
        "No. 5 (December, 1968).",
        {"publisher": None},
        id="an-issue-and-month-in-parentheses",
    ),
    # Chicago's facts in parentheses after a book's title, read with the authors the journal
    # path reads (the twenty-first set's form, other books).
    pytest.param(
        "Pollan, Michael. The Botany of Desire: A Plant's-Eye View of the World (New York: "
        "Random House, 2001).",
        {
            "title": "The Botany of Desire: A Plant's-Eye View of the World",
            "publisher": "Random House",
            "year": 2001,
            "kind": Kind.BOOK,
        },
        id="chicago-facts-after-a-title",
    ),
    pytest.param(
        "F. M. Lappé, Diet for a Small Planet (New York: Ballantine, 1971), 72–94.",
        {"title": "Diet for a Small Planet", "publisher": "Ballantine", "kind": Kind.BOOK},
        id="chicago-facts-and-a-page-after-a-title",
    ),
    # "et al." in other languages (the twenty-first set's Czech "a spol.", other works).
    pytest.param(
        "Novák, J. a spol.: Kardiologie. Galén Praha 2005.",
        {"authors": (Person(family="Novák"),), "authors_truncated": True, "title": "Kardiologie"},
        id="a-spol",
    ),
    pytest.param(
        "Kowalski J, Nowak A i wsp. Nadciśnienie tętnicze u dzieci. Pol Arch Med Wewn. "
        "2010;120:1-5.",
        {
            "authors": (Person(family="Kowalski"), Person(family="Nowak")),
            "authors_truncated": True,
            "title": "Nadciśnienie tętnicze u dzieci",
        },
        id="i-wsp",
    ),
    # Links in the twenty-seventh set's lists (written for this test): an archive's address
    # with a capital in its host, a link in italics, WebCite's note on where it kept a copy.
    pytest.param(
        "Fox, S. & Duggan, M. (2013). _[Health online 2013.](http://www.Webcitation.org/76EK)_ "
        "Washington, DC: Pew Research Center. (Archived by WebCite® at "
        "http://www.Webcitation.org/76EK)",
        {
            "title": "Health online 2013",
            "url": "http://www.Webcitation.org/76EK",
            "container": None,
            "year": 2013,
        },
        id="italic-link-archived-by-webcite",
    ),
    pytest.param(
        "What is a Chatbot? Botpress. 2018. URL: https://botpress.io/learn/ [accessed "
        "2020-07-18] [WebCite Cache ID 746pXZ3d7]",
        {"container": "Botpress", "publisher": None, "url": "https://botpress.io/learn/"},
        id="webcite-cache-id",
    ),
    # The seventh set's house style: a stray third asterisk, a DOI printed as its own link.
    pytest.param(
        '***Carl J. Lavie, Charles A. German, 2023**: "Relationship of Daily Step Counts to '
        'All-Cause Mortality" [https://doi.org/10.1016/j.jacc.2023.07.029]'
        "(https://doi.org/10.1016/j.jacc.2023.07.029)",
        {
            "authors": (Person(family="Lavie"), Person(family="German")),
            "title": "Relationship of Daily Step Counts to All-Cause Mortality",
            "doi": "10.1016/j.jacc.2023.07.029",
            "year": 2023,
            "kind": Kind.JOURNAL_ARTICLE,
        },
        id="stray-star-and-a-doi-link",
    ),
    # The twenty-seventh set's Australian agencies: Harvard's body and year without
    # parentheses (written for this test); a title ending on its year is no body.
    pytest.param(
        "AIHW 2003. Australian national health and welfare accounts: concepts and data "
        "sources. Canberra: AIHW.",
        {
            "authors": (Person(family="AIHW", collective=True),),
            "title": "Australian national health and welfare accounts: concepts and data sources",
            "year": 2003,
            "kind": Kind.REPORT,
        },
        id="acronym-year-stop",
    ),
    pytest.param(
        "ATO (Australian Taxation Office) 2020a. Medical expenses. Canberra: ATO.",
        {
            "authors": (Person(family="ATO (Australian Taxation Office)", collective=True),),
            "title": "Medical expenses",
            "year": 2020,
        },
        id="acronym-expanded-year-stop",
    ),
    pytest.param(
        "World malaria report 2019. Geneva: World Health Organization; 2019.",
        {"authors": (), "title": "World malaria report 2019", "year": 2019},
        id="a-title-ending-on-its-year",
    ),
    # The twenty-seventh set's laws (written for this test): Spain's number and year, Poland's
    # date, Latvia's Cabinet regulations, Bulgaria's in Cyrillic; the designation dates them.
    pytest.param(
        "Real Decreto 39/1997, de 17 de enero, por el que se aprueba el Reglamento de los "
        "Servicios de Prevención.",
        {"kind": Kind.REPORT, "year": 1997},
        id="real-decreto",
    ),
    pytest.param(
        "Ustawa z dnia 5 grudnia 2008 r. o zapobieganiu oraz zwalczaniu zakażeń i chorób "
        "zakaźnych u ludzi.",
        {"kind": Kind.REPORT},
        id="ustawa-z-dnia",
    ),
    pytest.param(
        'MK 05.01.1999. noteikumi Nr.7 "Infekcijas slimību reģistrācijas kārtība" '
        "http://www.likumi.lv/doc.php?id=20667",
        {"kind": Kind.REPORT},
        id="noteikumi-nr",
    ),
    pytest.param("Закон за здравето. Обн. ДВ/10.08.2004 г.", {"kind": Kind.REPORT}, id="zakon-za"),
    # The twenty-ninth and thirtieth sets' English forms (written for this test): a library
    # catalogue's link with "by" and who wrote it; a blog's notes, initials before names, a
    # quoted title as a link, the outlet in italics and a date "2021-Apr-13"; a citation
    # generator's site address as APA's author; a body's name holding an acronym.
    pytest.param(
        "[Pain is Really Strange, by Steve Haines & Sophie Standing]"
        "(https://suffolk.spydus.co.uk/cgi-bin/spydus.exe/ENQ/OPAC/BIBENQ?BRN=1801011)",
        {
            "authors": (Person(family="Haines"), Person(family="Standing")),
            "title": "Pain is Really Strange",
            "kind": Kind.BOOK,
        },
        id="catalogue-link-by",
    ),
    pytest.param(
        'S Nebehay, J Gronholt-Pederson, ["WHO urges world not to halt vaccinations"]'
        "(https://www.reuters.com/article/us-health-idUSKBN2B71PU), _Reuters_, 2021-Mar-15.",
        {
            "authors": (Person(family="Nebehay"), Person(family="Gronholt-Pederson")),
            "title": "WHO urges world not to halt vaccinations",
            "container": "Reuters",
            "year": 2021,
            "kind": Kind.NEWS,
        },
        id="initials-quoted-link-italic-outlet",
    ),
    pytest.param(
        'M Taquet, _et al._, ["Cerebral venous thrombosis: a cohort study"](https://osf.io/a9jdq/), '
        "preprint shared on OSF.io, retrieved 2021-Apr-16.",
        {
            "authors": (Person(family="Taquet"),),
            "title": "Cerebral venous thrombosis: a cohort study",
        },
        id="italic-et-al",
    ),
    pytest.param(
        "www.stylist.co.uk. (n.d.). Need an instant reset? Try splashing your face with cold "
        "water. [online] Available at: https://www.stylist.co.uk/health/870541 [Accessed 5 Apr. "
        "2024].",
        {
            "authors": (Person(family="www.stylist.co.uk", collective=True),),
            "title": "Need an instant reset? Try splashing your face with cold water",
            "url": "https://www.stylist.co.uk/health/870541",
            "kind": Kind.WEB_PAGE,
        },
        id="site-address-as-author",
    ),
    pytest.param(
        "ECESA plus members. (2017). *2017 HLPF Thematic Review of SDG3: Ensure healthy lives*. "
        "United Nations. https://sustainabledevelopment.un.org/content/documents/14367SDG3.pdf",
        {
            "authors": (Person(family="ECESA plus members", collective=True),),
            "title": "2017 HLPF Thematic Review of SDG3: Ensure healthy lives",
        },
        id="acronym-body-before-date",
    ),
    pytest.param(
        "Brain PET scan. (n.d.). MedlinePlus Medical Encyclopedia. "
        "https://medlineplus.gov/ency/article/007341.htm",
        {"authors": (), "title": "Brain PET scan"},
        id="a-title-with-an-acronym-then-its-site",
    ),
    # The thirty-first set's forms (written for this test): Taylor & Francis's "cite this
    # article" (given names first, the year in parentheses, "70:1, 41-47"), and a thesis
    # described in brackets after its title.
    pytest.param(
        "Marina L. Zochil & Einar B. Thorsteinsson (2018) Exploring poor sleep, mental health, "
        "and help-seeking intention in university students, Australian Journal of Psychology, "
        "70:1, 41-47, https://www.tandfonline.com/doi/full/10.1111/ajpy.12160",
        {
            "authors": (Person(family="Zochil"), Person(family="Thorsteinsson")),
            "title": "Exploring poor sleep, mental health, and help-seeking intention in "
            "university students",
            "journal": "Australian Journal of Psychology",
            "year": 2018,
        },
        id="taylor-and-francis",
    ),
    pytest.param(
        "Eye Disease Prevalence Research Group (2004) Prevalence of age-related macular "
        "degeneration in the United States. Arch Ophthalmol 122:564-572",
        {"authors": (Person(family="Eye Disease Prevalence Research Group", collective=True),)},
        id="a-group-before-its-year-is-no-given-names",
    ),
    pytest.param(
        "Rowe R. Transfer from midwifery unit to obstetric unit during labour: rates, process "
        "and women's experience [DPhil thesis]. Oxford: University of Oxford; 2011.",
        {
            "title": "Transfer from midwifery unit to obstetric unit during labour: rates, "
            "process and women's experience",
            "kind": Kind.REPORT,
        },
        id="dphil-thesis",
    ),
    # The thirty-second set's forms (written for this test): a law blog's OSCOLA footnotes,
    # links carrying a title, in angle brackets, accessed on an ordinal day; a survey team's
    # posts, names and a date before a linked title on a blog's address.
    pytest.param(
        "Royal College of Psychiatrists, “Self-harm and suicide in adults” (2020) p.37 "
        '<[https://www.rcpsych.ac.uk/docs/cr229.pdf](https://www.rcpsych.ac.uk/docs/cr229.pdf "'
        'https://www.rcpsych.ac.uk/docs/cr229.pdf")> accessed 26thNovember 2021',
        {
            "authors": (Person(family="Royal College of Psychiatrists", collective=True),),
            "title": "Self-harm and suicide in adults",
            "year": 2020,
            "url": "https://www.rcpsych.ac.uk/docs/cr229.pdf",
            "accessed": "2021-11-26",
        },
        id="oscola-footnote-link-with-a-title",
    ),
    pytest.param(
        "Alex Reinhart and Ryan Tibshirani, August 26, 2020. [COVID-19 Symptom Surveys through "
        "Facebook](https://delphi.cmu.edu/blog/2020/08/26/covid-19-symptom-surveys/). Delphi blog.",
        {
            "authors": (Person(family="Reinhart"), Person(family="Tibshirani")),
            "title": "COVID-19 Symptom Surveys through Facebook",
            "year": 2020,
            "kind": Kind.WEB_PAGE,
        },
        id="names-and-a-date-before-a-linked-blog-post",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_grey_references(text: str, expected: dict[str, Any]) -> None:
    ref = parse_reference(text)
    for name, value in expected.items():
        got = getattr(ref, name)
        if name == "authors":
            got = tuple(Person(family=p.family, collective=p.collective) for p in got)
        assert got == value, name


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Vitamin D Market Size, Share Global Analysis Report, 2022-2030.", id="vitamin"
        ),
        pytest.param(
            "Procedure Manual. US Preventive Services Task Force. Published 2018.", id="manual"
        ),
        pytest.param("Acupuncture. Natural Medicines Comprehensive Database.", id="one-word"),
    ],
)
def test_title_words_are_not_people(text: str) -> None:
    assert not any(not p.collective for p in parse_reference(text).authors)


def test_a_journal_article_with_a_year_alone_stays_one() -> None:
    ref = parse_reference("Smith J. Acupuncture for back pain. J Pain Res. 2019.")
    assert (ref.kind, ref.journal, ref.container) == (Kind.JOURNAL_ARTICLE, "J Pain Res", None)


def test_access_year_is_never_the_year() -> None:
    ref = parse_reference("Ahn AC. Acupuncture. Accessed Jan. 28, 2022.")
    assert (ref.year, ref.accessed) == (None, "2022-01-28")


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("NHS", True),
        ("PHE (Public Health England)", True),
        ("Centers for disease control and prevention", True),
        ("Scottish Intercollegiate Guidelines Network", True),
        ("FAO/WHO/UNU", True),
        ("Fifth Report of the Joint National Committee on High Blood Pressure", False),
        ("Acupuncture for chronic pain", False),
        ("Vitamin D: fact sheet for health professionals", False),
        # A person's name and initials, then a title (the twenty-second set's form).
        ("Smith J. Public health in Wales", False),
        ("Wang X, Li Y. Public health in China", False),
    ],
)
def test_organisations(text: str, organisation: bool) -> None:
    assert looks_like_organisation(text) is organisation


def test_segments_keep_initials_and_abbreviations() -> None:
    assert segments("Smith J. A title. U.S. Department of Health; 2020") == [
        "Smith J. A title",  # a capital and a stop after a name: an initial, not a segment's end
        "U.S. Department of Health; 2020",
    ]
    assert segments("Dietary Reference Intakes for Calcium and Vitamin D. Washington") == [
        "Dietary Reference Intakes for Calcium and Vitamin D",
        "Washington",
    ]


def test_labelled_set_accuracy() -> None:
    """The labelled set (``benchmarks/grey_accuracy.py``): no field falls below what was measured.

    The floors are the measured values (docs/accuracy.md), not the project's goals: kind is
    below its 0.95 goal, and that is said there.
    """
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import grey_accuracy

    accuracy, _ = grey_accuracy.score(grey_accuracy.entries(), parse_reference)
    floors = {
        "kind": 0.82,
        "author": 0.93,
        "title": 0.90,
        "year": 0.97,
        "url": 0.97,
        "accessed": 0.95,
    }
    assert {k: round(accuracy[k], 3) for k in floors if accuracy[k] < floors[k]} == {}


def test_labelled_set_is_well_formed() -> None:
    data = json.loads((ROOT / "tests" / "data" / "grey_references.json").read_text("utf-8"))
    entries = data["entries"]
    assert len(entries) >= 60
    assert len({e["id"] for e in entries}) == len(entries)
    kinds = {e["label"]["kind"] for e in entries}
    assert kinds <= {k.value for k in Kind}
    assert len({e["source"].split(" ")[0] for e in entries}) >= 10


def test_asa_pages_in_a_book_make_a_chapter() -> None:
    # ASA's "Pp. 3-17 in Book" (the fourteenth set's form, another work).
    parts = read_grey(
        'Bury, Michael. 1982. "Chronic Illness as Biographical Disruption." Pp. 3-17 in '
        "Readings in Medical Sociology. London: Sage",
        GreyParts(),
    )
    assert parts.chapter
    assert parts.title == "Chronic Illness as Biographical Disruption"
    assert parts.container == "Readings in Medical Sociology"


def test_a_series_an_address_broken_by_a_wrapped_line_and_a_gbt_document_code() -> None:
    # The twenty-second set's forms (written for this test): a numbered series is no
    # container; an address broken after its scheme, after a slash or before its extension
    # is one address; the parentheses it leaves are no publisher's.
    ref = parse_reference(
        "Perera A (2016). Out-of-pocket spending in Sri Lanka. Health policy series no.7. "
        "Colombo: Institute for Health Policy (http:// ihp.lk/docs/ HP1607. pdf, accessed 2 "
        "May 2021)."
    )
    assert (ref.kind, ref.container, ref.publisher) == (
        Kind.REPORT,
        None,
        "Institute for Health Policy",
    )
    assert (ref.url, ref.accessed) == ("http://ihp.lk/docs/HP1607.pdf", "2021-05-02")
    # GB/T 7714's code after a title says what the work is; it is not the title's.
    ref = parse_reference(
        "Li H, Zhou Y. Hand hygiene in rural clinics[J]. Chinese Journal of Public Health, "
        "2019, 35(2): 101-105."
    )
    assert ref.title == "Hand hygiene in rural clinics"
    ref = parse_reference("Wang X, Li Y. Public health in China[M]. Beijing: Renmin Press, 2010.")
    assert (ref.kind, ref.title, [a.family for a in ref.authors]) == (
        Kind.BOOK,
        "Public health in China",
        ["Wang", "Li"],
    )


def test_a_body_and_the_month_it_issued_a_work_and_a_site_named_with_its_domain() -> None:
    # The seventeenth and twenty-second sets' forms (written for this test).
    ref = parse_reference(
        "Vallaeys C. Replacing mother: formula in the laboratory. Cornucopia Institute, "
        "January 2008"
    )
    assert (ref.title, ref.container, ref.year) == (
        "Replacing mother: formula in the laboratory",
        "Cornucopia Institute",
        2008,
    )
    ref = parse_reference(
        "“Physicians per 1,000 People. Health Statistics at NationMaster.Com.” n.d. Accessed "
        "December 2, 2018."
    )
    assert ref.kind is Kind.WEB_PAGE
    assert "NationMaster.Com" in (ref.container or "")


def test_a_title_then_a_body_language_links_a_site_after_a_comma_a_report_number_a_thesis() -> None:
    # The twenty-third set's forms (written for this test).
    ref = parse_reference(
        "Loneliness in later life, Centrum för epidemiologi och samhällsmedicin (CES)."
    )
    assert (ref.kind, ref.title, ref.container) == (
        Kind.REPORT,
        "Loneliness in later life",
        "Centrum för epidemiologi och samhällsmedicin (CES)",
    )
    ref = parse_reference(
        "Mobility data during the pandemic, Open Data Institute, 2021 | "
        "[EN](https://theodi.org/article/a/), [EL](https://theodi.org/article/b/)"
    )
    assert (ref.title, ref.container, ref.year, ref.url) == (
        "Mobility data during the pandemic",
        "Open Data Institute",
        2021,
        "https://theodi.org/article/a/",
    )
    ref = parse_reference("[Do masks work outdoors?, IEEE Spectrum](https://spectrum.ieee.org/x)")
    assert (ref.title, ref.container) == ("Do masks work outdoors?", "IEEE Spectrum")
    # One word after the comma is as likely a place.
    ref = parse_reference("[Alcohol-related deaths, UK](https://www.ons.gov.uk/x)")
    assert ref.title == "Alcohol-related deaths, UK"
    # A report numbered within its year is no journal's volume and issue.
    ref = parse_reference("Vaccination in older adults. Rapport 2023:4. Region Stockholm (CES).")
    assert (ref.kind, ref.journal, ref.year) == (Kind.REPORT, None, 2023)
    ref = parse_reference("Kok, J. (2019). Tick bites in the Netherlands (Master's thesis).")
    assert (ref.kind, ref.title) == (Kind.REPORT, "Tick bites in the Netherlands")


def test_an_author_date_entry_or_a_place_after_a_comma_is_no_title_and_body() -> None:
    # What a "Title, Body" reading must leave alone (forms seen in AnyStyle's and the first
    # held-out set's lists).
    ref = parse_reference(
        "Droettboom, Michael, Ichiro Fujinaga, 2001, Interpreting music notation, "
        "Proceedings of the Ninth Python Conference, at Long Beach, CA."
    )
    assert ref.container != "CA"
    ref = parse_reference(
        "Australian Institute of Health and Welfare (2017) Burden of cancer in Australia, AIHW"
    )
    assert [a.family for a in ref.authors] == ["Australian Institute of Health and Welfare"]


def test_a_journal_in_lower_case_a_format_note_and_published_by() -> None:
    # The twenty-third set's forms (written for this test).
    ref = parse_reference(
        "Lee, A., & Kim, B. (2017). Mapping ticks with volunteers. International journal of "
        "health geographics, 16(1), 41."
    )
    assert (ref.kind, ref.title, ref.journal) == (
        Kind.JOURNAL_ARTICLE,
        "Mapping ticks with volunteers",
        "International journal of health geographics",
    )
    ref = parse_reference(
        "Reports on measles, utgivna av Centrum för epidemiologi och samhällsmedicin (CES) (pdf)."
    )
    assert (ref.title, ref.container) == (
        "Reports on measles",
        "Centrum för epidemiologi och samhällsmedicin (CES)",
    )


def test_a_reading_lists_bold_title_first_and_a_links_first_author() -> None:
    # The twenty-fourth set's forms (written for this test): a reading list opens each entry
    # on its title in bold, then the authors and year; a link's text names its first author.
    ref = parse_reference(
        "**Medical Statistics at a Glance.** Petrie A and Sabin C (2019) (4th ed). Wiley."
    )
    assert (ref.title, [a.family for a in ref.authors], ref.year) == (
        "Medical Statistics at a Glance",
        ["Petrie", "Sabin"],
        2019,
    )
    ref = parse_reference(
        "[Li et al., Early transmission dynamics in Wuhan of a novel coronavirus]"
        "(https://www.nejm.org/doi/full/x)"
    )
    assert (ref.title, [a.family for a in ref.authors], ref.authors_truncated) == (
        "Early transmission dynamics in Wuhan of a novel coronavirus",
        ["Li"],
        True,
    )
    # Two words joined by "and" before a comma are as likely a topic: left alone.
    ref = parse_reference("[Alcohol and Drugs, A guide for parents](https://x.example/a)")
    assert ref.authors == ()


def test_identifiers_and_journal_pages_in_a_links_address() -> None:
    # The twenty-fourth set's forms (written for this test): a title linked to a PubMed
    # record, a PMC copy, a preprint's page or a journal's article page cites an article.
    ref = parse_reference(
        "[Sleep and memory in older adults](https://pubmed.ncbi.nlm.nih.gov/31234567/)"
    )
    assert (ref.pmid, ref.kind) == ("31234567", Kind.JOURNAL_ARTICLE)
    ref = parse_reference(
        "Sleep and memory - https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3669060/"
    )
    assert (ref.pmcid, ref.kind) == ("PMC3669060", Kind.JOURNAL_ARTICLE)
    ref = parse_reference(
        "[Tian et al., Early evaluation of travel restrictions]"
        "(https://www.medrxiv.org/content/10.1101/2020.01.30.20019844v2)"
    )
    assert (ref.doi, ref.kind) == ("10.1101/2020.01.30.20019844v2", Kind.JOURNAL_ARTICLE)
    ref = parse_reference(
        "[Infants with a new coronavirus](https://jamanetwork.com/journals/jama/fullarticle/2761659)"
    )
    assert ref.kind is Kind.JOURNAL_ARTICLE
    ref = parse_reference(
        "Superspreading events and their control. https://wwwnc.cdc.gov/eid/article/26/6/20-0495_article"
    )
    assert ref.kind is Kind.JOURNAL_ARTICLE
    # A page of the same sites that is not an article stays a page.
    assert (
        parse_reference("[Emergency legal responses](https://jamanetwork.com/about)").kind
        is Kind.WEB_PAGE
    )
    # MLA prints PubMed's address without its scheme: it is the address, and the PMID.
    ref = parse_reference(
        "Ceriello, Antonio. “Variability of Risk Factors.” Cardiovascular Diabetology, "
        "U.S. National Library of Medicine, pubmed.ncbi.nlm.nih.gov/33962641/. Accessed 9 Sept. 2024."
    )
    assert (ref.pmid, ref.url) == ("33962641", "https://pubmed.ncbi.nlm.nih.gov/33962641/")


def test_a_links_address_keeps_the_parentheses_it_holds() -> None:
    ref = parse_reference(
        "[Wu et al., Nowcasting the spread of the outbreak]"
        "(https://www.thelancet.com/journals/lancet/article/PIIS0140-6736(20)30260-9/fulltext)"
    )
    assert (
        ref.url
        == "https://www.thelancet.com/journals/lancet/article/PIIS0140-6736(20)30260-9/fulltext"
    )
    assert ref.kind is Kind.JOURNAL_ARTICLE
    ref = parse_reference("Cholera. [Wikipedia](https://en.wikipedia.org/wiki/Cholera_(disease)).")
    assert ref.url == "https://en.wikipedia.org/wiki/Cholera_(disease)"


def test_french_quotes_a_link_naming_the_author_and_a_repeated_site_name() -> None:
    # The twenty-fifth set's forms (written for this test).
    # A title in « » between commas, after its author or authors joined by "et".
    ref = parse_reference(
        "Wikipédia, « Démographie du Nigeria », https://fr.example.org/x, janvier 2020."
    )
    assert (ref.title, [a.family for a in ref.authors], ref.year) == (
        "Démographie du Nigeria",
        ["Wikipédia"],
        2020,
    )
    ref = parse_reference(
        "O. G. Ajakaye et M. R. Ibukunoluwa, « Malaria among children in a camp in Edo State », "
        "https://x.example/a , février 2020."
    )
    assert (ref.title, [a.family for a in ref.authors]) == (
        "Malaria among children in a camp in Edo State",
        ["Ajakaye", "Ibukunoluwa"],
    )
    # A phrase in « » inside a title stays as printed.
    ref = parse_reference(
        "Simó J. (2019) La «serpiente» del gasto también existe. http://x.example/b"
    )
    assert ref.title == "La «serpiente» del gasto también existe"
    # A link's text naming the body, then the title.
    ref = parse_reference(
        "[OMS](https://www.who.int/x) 10 menaces pour la santé mondiale en 2019. OMS."
    )
    assert (ref.title, [a.family for a in ref.authors], ref.container) == (
        "10 menaces pour la santé mondiale en 2019",
        ["OMS"],
        "OMS",
    )
    # APA with the body as author, printed again as the site, and a month in French.
    ref = parse_reference(
        "Naître et grandir. (2021, août). L'intimidation : comment réagir. Naître et grandir. "
        "https://x.example/c"
    )
    assert ([a.family for a in ref.authors], ref.year, ref.kind) == (
        ["Naître et grandir"],
        2021,
        Kind.WEB_PAGE,
    )
    assert (ref.title or "").startswith("L'intimidation")
    ref = parse_reference(
        "Crenshaw, K. (2016, octobre). The urgency of intersectionality [vidéo]. TED."
    )
    assert ref.title == "The urgency of intersectionality"


def test_an_instrument_then_what_it_does_and_guidance_and_reports_abroad() -> None:
    # The twenty-fifth set's forms (written for this test): a designation, its date, then
    # what the instrument does after a comma; Spanish technical guidance; report words abroad.
    ref = parse_reference(
        "[Resolución N°1162](http://x.example/r.pdf) del 24 de agosto de 2022, Aprueba protocolo "
        "de vigilancia de viruela del mono."
    )
    assert (ref.title, ref.year, ref.kind) == (
        "Aprueba protocolo de vigilancia de viruela del mono",
        2022,
        Kind.REPORT,
    )
    ref = parse_reference("Decreto N°64, Decreta Alerta Sanitaria por el periodo que se señala.")
    assert ref.title == "Decreta Alerta Sanitaria por el periodo que se señala"
    ref = parse_reference(
        "Ministerio de Salud. Orientación técnica para el manejo clínico de arbovirosis. 2018."
    )
    assert ref.kind is Kind.GUIDELINE
    ref = parse_reference(
        "Organización Panamericana de la Salud. Alerta Epidemiológica Viruela símica. "
        "20 de mayo de 2022. Disponible en https://www.paho.org/es/x"
    )
    assert ref.kind is Kind.REPORT
    ref = parse_reference("Årsrapport barnhälsovård 2024. Region Stockholm. https://x.example/d")
    assert ref.kind is Kind.REPORT
    # A title, then a body with its initials after a stop: the body is kept, a report.
    ref = parse_reference("Utbildning - nyckeln till arbete. Sveriges kommuner och regioner (SKR)")
    assert (ref.container, ref.kind) == ("Sveriges kommuner och regioner (SKR)", Kind.REPORT)


def test_who_then_a_linked_title_a_quoted_link_and_a_bookshops_link() -> None:
    # The twenty-sixth set's forms (written for this test).
    ref = parse_reference("ECDC, [Diagnostic testing for SARS-CoV-2](https://ecdc.example/x), 2020")
    assert (ref.title, [a.family for a in ref.authors], ref.year) == (
        "Diagnostic testing for SARS-CoV-2",
        ["ECDC"],
        2020,
    )
    ref = parse_reference(
        "Daniel B Larremore et al. [Test sensitivity is secondary to frequency]"
        "(https://doi.org/10.1101/2020.06.22.20136309), *medRxiv* (2020)"
    )
    assert (ref.title, [a.family for a in ref.authors], ref.authors_truncated, ref.doi) == (
        "Test sensitivity is secondary to frequency",
        ["Larremore"],
        True,
        "10.1101/2020.06.22.20136309",
    )
    # A title linked inside its quotation marks, then the newspaper.
    ref = parse_reference(
        'Hernandez, Marita. "[Hepatitis Cases Blamed on a Jet Gun](http://news.example/a)." '
        "*Los Angeles Times*, October 8, 1985."
    )
    assert (ref.title, ref.container, ref.kind) == (
        "Hepatitis Cases Blamed on a Jet Gun",
        "Los Angeles Times",
        Kind.NEWS,
    )
    # A reading list: the title in bold italics, names given first, a bookshop's link.
    ref = parse_reference(
        "***Poor Economics***, Abhijit Banerjee and Esther Duflo ([Amazon](http://amzn.to/29x))"
    )
    assert (ref.title, [a.family for a in ref.authors], ref.kind, ref.container) == (
        "Poor Economics",
        ["Banerjee", "Duflo"],
        Kind.BOOK,
        None,
    )
    # A link labelled "PubMed" after a report's title does not make it a journal article.
    ref = parse_reference(
        "IOM. Weight gain during pregnancy, 2009. [PubMed 20669500](https://pubmed.ncbi.nlm.nih.gov/20669500/)"
    )
    assert ref.title == "Weight gain during pregnancy"


@pytest.mark.parametrize(
    ("code", "kind"),
    [("[J]", Kind.JOURNAL_ARTICLE), ("[M]", Kind.BOOK), ("[R]", Kind.REPORT), ("[N]", Kind.NEWS)],
)
def test_gbt_7714s_document_codes_say_the_kind(code: str, kind: Kind) -> None:
    ref = parse_reference(f"Wang L, Li H. Diabetes care in rural clinics {code}. Beijing: 2020.")
    assert ref.kind is kind
    assert ref.title == "Diabetes care in rural clinics"


def test_a_press_lists_quoted_title_an_access_date_glued_to_the_address_and_an_edited_book() -> (
    None
):
    # The twenty-seventh set's forms (written for this test).
    ref = parse_reference(
        "'NZ 35th in pandemic preparedness', Elspeth McLean, Otago Daily Times, 16 February 2020."
    )
    assert (ref.title, [a.family for a in ref.authors], ref.container, ref.kind, ref.year) == (
        "NZ 35th in pandemic preparedness",
        ["McLean"],
        "Otago Daily Times",
        Kind.NEWS,
        2020,
    )
    # JMIR prints the access date glued to the address, after "URL:".
    ref = parse_reference(
        "Chatbot. Oxford Living Dictionaries. 1990. "
        "URL: https://en.oxforddictionaries.com/definition/chatbot[accessed 2020-07-18]"
    )
    assert (ref.url, ref.accessed, ref.publisher, ref.kind) == (
        "https://en.oxforddictionaries.com/definition/chatbot",
        "2020-07-18",
        None,
        Kind.WEB_PAGE,
    )
    # A chapter in an edited book printed in italics.
    ref = parse_reference(
        "Levene, H. (1960). Robust tests for equality of variances. In I. Olkin (Ed.), "
        "_Contributions to probability and statistics_ (pp. 278–292). Stanford University Press."
    )
    assert (ref.kind, ref.title) == (Kind.CHAPTER, "Robust tests for equality of variances")


def test_british_harvard_vol_no_pp_and_an_undotted_initial_before_et_al() -> None:
    # A nursing reading list's journal articles: "Journal. Vol. 17. No. 24. pp 3330-3337."
    ref = parse_reference(
        "Aiken, L. H., Buchan, J., Ball, J., Rafferty, A. M. (2008) Transformative impact of "
        "Magnet designation: England case study. Journal of Clinical Nursing. Vol. 17. No. 24. "
        "pp 3330-3337."
    )
    assert ref.kind is Kind.JOURNAL_ARTICLE
    assert (ref.journal, ref.volume, ref.issue, ref.pages) == (
        "Journal of Clinical Nursing",
        "17",
        "24",
        "3330-3337",
    )
    ref = parse_reference(
        "Barrett, B et al. (2005) Systematic processes for successful, sustainable practice "
        "development. Practice Development in Health Care Vol. 4.No. 1. pp5-13."
    )
    assert [p.family for p in ref.authors] == ["Barrett"]  # not a second author "al"
    assert ref.authors_truncated
    assert (ref.journal, ref.volume, ref.issue, ref.first_page) == (
        "Practice Development in Health Care",
        "4",
        "1",
        "5",
    )
    # French "et" between two people stays a conjunction.
    ref = parse_reference("Dupont, J. et Martin, P. (2005) Les soins. Revue 4(1), 5-13.")
    assert [p.family for p in ref.authors] == ["Dupont", "Martin"]


@pytest.mark.parametrize(
    ("text", "title", "publisher"),
    [
        (
            "Benner P (1984) From Novice To Expert: Excellence and Power in Clinical Nursing "
            "Practice, Menlo Park, California, Addison-Wesley 1984",
            "From Novice To Expert: Excellence and Power in Clinical Nursing Practice",
            "Addison-Wesley",
        ),
        (
            "NMC (2010) Standards for pre-registration nursing education London, NMC September 2010",
            "Standards for pre-registration nursing education",
            "NMC",
        ),
        (
            "NMC (2008) Standards to Support Learning and Assessment in Practice, Nursing & "
            "Midwifery Council, London (July 2008)",
            "Standards to Support Learning and Assessment in Practice",
            "Nursing & Midwifery Council",
        ),
    ],
)
def test_british_harvard_place_and_publisher_after_the_title_with_no_stop(
    text: str, title: str, publisher: str
) -> None:
    ref = parse_reference(text)
    assert (ref.title, ref.publisher) == (title, publisher)


def test_a_place_a_title_is_about_stays_in_the_title() -> None:
    ref = parse_reference("Smith J (2010) Health inequalities in London, Marmot Review")
    assert ref.title is not None
    assert "London" in ref.title
