"""Words that take a number after them (``type 2``, ``stage 3``, ``Room 12``, ``aged 34``):
digits set off after one of these count or name something; they never cite."""

from __future__ import annotations

COUNTING_WORDS = frozenset(
    """type types stage stages grade grades phase phases step steps level levels class version
    number no figure fig figures table tables page pages chapter section part vitamin omega day
    days week weeks month months visit visits session sessions cycle cycles arm arms group groups
    dose doses score scores scale aged age of to than by about under over from and or with at
    per only just least most nearly almost around approximately roughly some hour hours minute
    minutes times point points lead leads round rounds wave waves year grams note notes box
    appendix panel item question rule tip tips january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov
    dec unit units room rooms suite floor building ward bay bed flat apartment gate platform
    block case cases question questions example examples scenario patient lecture lab labs
    module lesson slide myth reason sign tweet episode ep season goal goals aim aims objective
    objectives priority priorities target targets theme themes pillar pillars term terms semester
    trimester quarter standard standards criterion criteria tower towers wing district am is are
    was were turned claim claims paragraph paragraphs para clause clauses article articles
    schedule annex on statement statements recommendation recommendations principle
    principles route highway exit junction bus ch channel ext extension terminal terminals
    quintile quintiles quartile quartiles decile deciles tertile tertiles tier tiers band bands
    zone zones category categories assignment assignments form forms lane lanes top first last
    next volume volumes vol issue issues edition series every""".split()
)
