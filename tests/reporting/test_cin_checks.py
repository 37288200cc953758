"""What the CIN census must get right that the sector's validator cannot see: each check on
hand-made records (pure, no database)."""
from dataclasses import replace
from datetime import date

import pytest

from frontdoor.reporting.cin_checks import (
    ASSESSMENT, CHILD, CONFERENCE, EPISODE, PLAN, QUERY, REVIEW, SECTION_47, Year, census_problems,
)
from frontdoor.reporting.cin_xml import Assessment, Child, CinEpisode, ProtectionPlan, Section47

YEAR = Year(starts=date(2026, 4, 1), ends=date(2027, 3, 31))
PLAN_ = ProtectionPlan(started_on=date(2026, 5, 12), initial_category="NEG", latest_category="NEG", previous_plans=0,
                       ended_on=date(2027, 2, 16), reviews=(date(2026, 8, 11), date(2027, 2, 9)))
EPISODE_ = CinEpisode(
    referral_date=date(2026, 4, 20), source="6", nfa=False, primary_need="N1", closed_on=date(2027, 3, 10),
    closure_reason="RC7", assessments=(Assessment(date(2026, 4, 20), date(2026, 5, 28), ("3A", "16A")),),
    section_47s=(Section47(date(2026, 4, 21), False, date(2026, 5, 12), date(2026, 5, 12)),), plans=(PLAN_,))
CHILD_ = Child(la_child_id="FD0000003", sex="M", birth_date=date(2017, 3, 3), upn="A873210421057", ethnicity="MWBC",
               disabilities=("NONE",), episodes=(EPISODE_,))


def _problems(child=CHILD_, **episode_changes):
    if episode_changes:
        child = replace(child, episodes=(replace(EPISODE_, **episode_changes),))
    return [(p.record, p.message, p.level) for p in census_problems([child], YEAR)]


def test_the_samples_child_on_a_plan_has_no_problems():
    assert _problems() == []


@pytest.mark.parametrize("factors", [("21", "3A"), ("3A", "21")])
def test_factor_21_no_factors_is_only_ever_alone(factors):
    problems = _problems(assessments=(Assessment(date(2026, 4, 20), date(2026, 5, 28), factors),))
    assert problems == [(ASSESSMENT, "Factor 21 (no factors identified) is recorded with other factors", "error")]


def test_a_factor_code_the_validator_would_crash_on_is_named():
    problems = _problems(assessments=(Assessment(date(2026, 4, 20), date(2026, 5, 28), ("21A",)),))
    assert problems == [(ASSESSMENT, "'21A' is not a census assessment factor", "error")]


def test_a_child_with_further_action_needs_a_disability_block_but_an_nfa_referral_does_not():
    assert _problems(replace(CHILD_, disabilities=()))[0][:2] == (
        CHILD, "Disabilities are not recorded: a child with further action needs a disability, or 'No disability'")
    nfa = replace(CHILD_, disabilities=(), episodes=(CinEpisode(date(2026, 9, 14), "2A", nfa=True),))
    assert _problems(nfa) == []


def test_an_episode_closed_before_its_plan_ended_or_with_it_open_is_an_error():
    early = _problems(closed_on=date(2027, 2, 1))
    assert early == [(PLAN, "The episode closed on 2027-02-01 while its child protection plan from 2026-05-12 was "
                            "still open", "error")]
    still_open = _problems(plans=(replace(PLAN_, ended_on=None, reviews=()),))
    assert [record for record, *_ in still_open] == [PLAN]


def test_every_review_is_checked_not_only_the_first():
    problems = _problems(plans=(replace(PLAN_, reviews=(date(2026, 8, 11), date(2026, 5, 12), date(2027, 3, 1))),))
    assert problems == [
        (REVIEW, "A review on 2026-05-12 is not after the plan's start on 2026-05-12", "error"),
        (REVIEW, "A review on 2027-03-01 is after the plan ended on 2027-02-16", "error")]


def test_a_conference_at_the_weekend_is_an_error_at_either_level():
    saturday = date(2026, 5, 16)
    at_s47 = _problems(section_47s=(Section47(date(2026, 4, 21), False, date(2026, 5, 12), saturday),))
    assert (CONFERENCE, "The initial conference on 2026-05-16 was at the weekend", "error") in at_s47
    transfer_in = _problems(icpc_on=saturday, section_47s=())
    assert (CONFERENCE, "The initial conference on 2026-05-16 was at the weekend", "error") in transfer_in
    plan = _problems(plans=(replace(PLAN_, started_on=saturday, reviews=(date(2026, 8, 11),)),))
    assert (CONFERENCE, "The initial conference that started the plan on 2026-05-16 was at the weekend",
            "error") in plan


def test_a_section_47_must_say_whether_a_conference_is_needed():
    problems = _problems(section_47s=(Section47(date(2026, 4, 21), None),))
    assert problems == [(SECTION_47, "The section 47 enquiry from 2026-04-21 does not say whether a conference is "
                                     "needed", "error")]


def test_dates_after_the_year_or_an_episode_closed_before_it_are_errors():
    assert _problems(closed_on=date(2027, 4, 2), plans=())[0][:2] == (
        EPISODE, "A date in the episode is after the census year's end, 2027-03-31")
    assert _problems(closed_on=date(2026, 3, 1), plans=())[0][:2] == (
        EPISODE, "The episode closed on 2026-03-01, before the census year began")


def test_overlapping_open_referrals_are_named():
    second = replace(EPISODE_, referral_date=date(2026, 6, 1), closed_on=None, plans=())
    first = replace(EPISODE_, closed_on=None, plans=())
    problems = _problems(replace(CHILD_, episodes=(first, second)))
    assert (EPISODE, "The referral of 2026-04-20 is still open when the referral of 2026-06-01 starts: close "
                     "it, or record the second as part of it", "error") in problems


def test_what_the_return_cannot_be_written_without():
    bare = replace(CHILD_, ethnicity="", birth_date=None, upn="", upn_unknown="")
    assert _problems(bare) == [
        (CHILD, "Ethnicity is not recorded (the census needs it for every child)", "error"),
        (CHILD, "Neither a date of birth nor an expected date of birth is recorded", "error"),
        (CHILD, "No UPN and no reason it is not known: a child of school age needs one or the other", QUERY)]


@pytest.mark.parametrize("expected, flagged", [
    (date(2027, 3, 1), True), (date(2027, 3, 2), False), (date(2027, 12, 30), False), (date(2027, 12, 31), True)])
def test_an_unborn_childs_expected_date_is_queried_outside_the_validators_window(expected, flagged):
    unborn = replace(CHILD_, birth_date=None, expected_birth_date=expected, sex="U")
    problems = _problems(unborn)
    assert bool(problems) == flagged
    if flagged:
        assert problems[0][0] == CHILD and problems[0][2] == QUERY and "if the baby has been born" in problems[0][1]
